/*
 * manifest.c: the output folder's manifest (see output.c for what it
 * holds): read and checked line by line when a run opens the folder,
 * appended to before a file is created, written whole when a run ends.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"
#include "core/vec.h"
#include "site/output.h"

/* Is the line (n bytes, its line end cut) the head h? */
static int
is_head(const char *line, size_t n, const char *h)
{
	return strlen(h) == n + 1 && strncmp(line, h, n) == 0;
}

static int
is_name_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

static int
has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && memcmp(s + n - k, suffix, k) == 0;
}

/* Could kith have written the path p (n bytes)?  A page (*.html), the
 * style sheet (*.css) or a folder (ending in '/'), below the folder: each
 * name of letters, digits, '-', '_' and '.', none empty, none starting
 * with '.' (so no "..", and no name kith keeps for itself). */
static int
manifest_path_ok(const char *p, size_t n)
{
	size_t i, start = 0;
	int folder = n > 0 && p[n - 1] == '/';

	if (n == 0 || n >= PATH_MAX)
		return 0;
	for (i = 0; i < n - folder; i++) {
		if (p[i] == '/') {
			if (i == start)
				return 0;
			start = i + 1;
		} else if (!is_name_byte(p[i]) || (i == start && p[i] == '.')) {
			return 0;
		}
	}
	return start < n - folder && (folder || has_suffix(p, n, ".html") ||
	    has_suffix(p, n, ".css"));
}

/* One whole line of the manifest (its line end cut): a head, the inputs,
 * or a path, kept when kith could have written it, else reported. */
static int
manifest_line(site_out *o, const char *line, size_t n, int lineno)
{
	size_t k = sizeof(INPUTS_HEAD) - 1, shown;

	if (strncmp(line, INPUTS_HEAD, k) == 0 && n - k < sizeof(o->inputs_old))
		memcpy(o->inputs_old, line + k, n - k + 1);
	else if (is_head(line, n, PENDING_HEAD) || is_head(line, n, STALE_HEAD))
		o->unsettled = 1;
	if (n == 0 || line[0] == '#')
		return 0;
	if (strlen(line) == n && manifest_path_ok(line, n))
		return set_add(&o->old, line);
	shown = utf8_valid_prefix(line, n < 80 ? n : 80);
	diag_add(o->j, o->manifest_shown, (pos){ lineno, 1 }, KITH_WARNING,
	    "\"%.*s%s\" is not a file kith writes (a page below the folder): "
	    "the line is ignored", (int)shown, line, shown < n ? "..." : "");
	return 0;
}

/* Opens the manifest: 0 with *f NULL when there is none, 1 when it is
 * not a plain file of its own (a link, or a file with another name
 * elsewhere, which appending to it would change), -1 on an OS failure. */
static int
manifest_open(site_out *o, FILE **f)
{
	struct stat st;
	int fd;

	*f = NULL;
	fd = openat(o->dirfd, MANIFEST, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : errno == ELOOP ? 1 : -1;
	if (fstat(fd, &st) < 0 || (*f = fdopen(fd, "r")) == NULL) {
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_nlink != 1 ||
	    (unsigned long long)st.st_size > KITH_MAX_MANIFEST_BYTES) {
		fclose(*f);
		*f = NULL;
		return 1;
	}
	o->manifest_time = st.st_mtim;
	return 0;
}

/* Reads the manifest (if any) into o->old.  Returns 0, 1 when the
 * manifest is refused (manifest_open()), -1 on an OS failure. */
int
manifest_read(site_out *o)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f;
	int rc, lineno = 0;

	if ((rc = manifest_open(o, &f)) != 0 || f == NULL)
		return rc;
	while (rc == 0 && (n = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (line[n - 1] != '\n') {
			/* cut short (a full disk): recorded before its file
			 * was made, so there is no file; append after it on a
			 * line of its own */
			o->ends_open = 1;
			break;
		}
		line[--n] = '\0';
		rc = manifest_line(o, line, (size_t)n, lineno);
	}
	if (rc == 0 && ferror(f))
		rc = -1;
	free(line);
	fclose(f);
	return rc;
}

/* Adds a path to the manifest before the file exists: one write a line,
 * the first of a run after a "# being written" line. */
int
journal_add(site_out *o, const char *rel)
{
	kith_buf b = KITH_BUF_INIT;
	int fd, rc = -1;

	if (set_has(&o->old, rel))
		return 0;
	if (o->journal_fd < 0) {
		fd = openat(o->dirfd, MANIFEST,
		    O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0)
			return -1;
		o->journal_fd = fd;
		if (o->ends_open)
			buf_putc(&b, '\n');
		o->ends_open = 0;
		buf_puts(&b, PENDING_HEAD);
	}
	buf_puts(&b, rel);
	buf_putc(&b, '\n');
	if (!b.oom && write_all(o->journal_fd, b.data, b.len) == 0)
		rc = set_add(&o->old, rel);
	buf_free(&b);
	return rc;
}

/* Is p of the old manifest not written by this run? */
int
is_stale(const site_out *o, const char *p)
{
	return !set_has(&o->now, p);
}

/* Writes the manifest whole: this run's files, then, with_stale, those
 * of the old manifest it did not write, under "# stale". */
int
manifest_write(site_out *o, int with_stale)
{
	kith_buf b = KITH_BUF_INIT;
	size_t i;
	int rc = -1;

	set_sort(&o->now);
	buf_puts(&b, MANIFEST_HEAD);
	if (o->inputs[0] != '\0' && !with_stale)
		buf_printf(&b, "%s%s\n", INPUTS_HEAD, o->inputs);
	for (i = 0; i < o->now.n; i++) {
		buf_puts(&b, o->now.v[i]);
		buf_putc(&b, '\n');
	}
	if (with_stale) {
		buf_puts(&b, STALE_HEAD);
		for (i = 0; i < o->old.n; i++) {
			if (!is_stale(o, o->old.v[i]))
				continue;
			buf_puts(&b, o->old.v[i]);
			buf_putc(&b, '\n');
		}
	}
	if (b.oom)
		goto out;
	if (same_bytes(o->dirfd, MANIFEST, b.data, b.len)) {
		rc = 0;
		if (o->written > 0 || later(&o->newest, &o->manifest_time))
			/* the files changed, not the list: the manifest's
			 * time still says when the folder was last made */
			rc = utimensat(o->dirfd, MANIFEST, NULL,
			    AT_SYMLINK_NOFOLLOW);
		goto out;
	}
	rc = write_renamed(o->dirfd, TMP_PREFIX "manifest", MANIFEST, b.data,
	    b.len, 0);
out:
	buf_free(&b);
	return rc;
}

/* The manifest after a failed run: the paths of the old manifest and of
 * this run's records that the folder holds, without the inputs (the next
 * run makes the pages again). */
int
manifest_write_back(site_out *o)
{
	kith_buf b = KITH_BUF_INIT;
	struct stat st;
	size_t i;
	int rc = -1;

	set_sort(&o->old);
	buf_puts(&b, MANIFEST_HEAD);
	for (i = 0; i < o->old.n; i++) {
		if (fstatat(o->dirfd, o->old.v[i], &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		buf_puts(&b, o->old.v[i]);
		buf_putc(&b, '\n');
	}
	if (!b.oom)
		rc = write_renamed(o->dirfd, TMP_PREFIX "manifest", MANIFEST,
		    b.data, b.len, 0);
	buf_free(&b);
	return rc;
}
