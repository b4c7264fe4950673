/*
 * fuzz_journal.c: libFuzzer harness for a whole journal, from the folder to
 * the dashboard: walk, read, graph, rules, reports and `kith site`.
 *
 * The input is a small journal in one text:
 *
 *     owner: Me                    <- everything before the first header
 *     cadence: 30d                    is kith.yaml (none when empty)
 *     === people/Ann Lee.md        <- "=== PATH": a file of the journal
 *     ---
 *     tags: [mentor]
 *     ---
 *     === @link people/Bo.md -> ../people/Ann Lee.md     a symbolic link
 *     === @fifo notes/pipe.md                            a FIFO
 *
 * Paths are relative and may not hold "..", an empty part or a NUL; at
 * most 32 files.  The journal is written into a folder in /dev/shm (when it
 * exists), loaded with its bodies, reported in the three formats and
 * built into a site twice.
 *
 * Properties: diagnostics as in the other harnesses; reports valid UTF-8
 * and the JSON well-formed; every page whole, valid UTF-8, with kith's
 * script only, no on*= attribute, no link with a dangerous scheme, no
 * element that loads anything; no private person's name (of six
 * characters or more) on any page; the second build writes nothing (but
 * the network picture, see changed_page()); kith never changes a file of
 * the journal.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/model.h"
#include "read/read.h"
#include "report/report.h"
#include "rules/rules.h"
#include "props.h"

extern const char kith_asset_site_js[];

#define MAX_FILES 32
#define MAX_PATH 200

typedef struct jfile {
	char path[MAX_PATH + 1];
	const char *text;	/* NULL: a link or a FIFO */
	size_t len;
} jfile;

typedef struct journal_in {
	const char *yaml;
	size_t yaml_len;
	jfile files[MAX_FILES];
	size_t n;
} journal_in;

static int
path_ok(const char *p, size_t n)
{
	size_t i, part = 0;

	if (n == 0 || n > MAX_PATH || p[0] == '/' || memchr(p, '\0', n))
		return 0;
	for (i = 0; i <= n; i++) {
		if (i == n || p[i] == '/') {
			if (i == part || (i - part == 2 && p[part] == '.' &&
			    p[part + 1] == '.') || (i - part == 1 && p[part] == '.'))
				return 0;
			part = i + 1;
		}
	}
	return 1;
}

/* Makes a link or a FIFO from "@link PATH -> TARGET" / "@fifo PATH". */
static void
special(const char *root, const char *spec, size_t n, journal_in *in)
{
	char line[2 * MAX_PATH + 16], full[4096], *arrow, *path;

	if (n >= sizeof(line))
		return;
	memcpy(line, spec, n);
	line[n] = '\0';
	if (strncmp(line, "@fifo ", 6) == 0) {
		path = line + 6;
		if (!path_ok(path, strlen(path)))
			return;
		if (tmp_write(root, path, "", 0) < 0)	/* its folders */
			return;
		snprintf(full, sizeof(full), "%s/%s", root, path);
		unlink(full);
		if (mkfifo(full, 0644) < 0)
			return;
	} else if (strncmp(line, "@link ", 6) == 0 &&
	    (arrow = strstr(line, " -> ")) != NULL) {
		*arrow = '\0';
		path = line + 6;
		if (!path_ok(path, strlen(path)) || arrow[4] == '/' ||
		    arrow[4] == '\0')
			return;
		if (tmp_write(root, path, "", 0) < 0)
			return;
		snprintf(full, sizeof(full), "%s/%s", root, path);
		unlink(full);
		if (symlink(arrow + 4, full) < 0)
			return;
	} else {
		return;
	}
	snprintf(in->files[in->n].path, sizeof(in->files[0].path), "%s", path);
	in->files[in->n].text = NULL;
	in->n++;
}

/* Splits the input and writes the journal. */
static void
write_journal(const char *root, const char *data, size_t size,
    journal_in *in)
{
	const char *p = data, *end = data + size, *line, *nl, *body = NULL;
	size_t n;
	jfile *f = NULL;

	memset(in, 0, sizeof(*in));
	in->yaml = data;
	for (line = p; line < end; line = nl) {
		nl = memchr(line, '\n', (size_t)(end - line));
		nl = nl ? nl + 1 : end;
		if ((size_t)(nl - line) < 5 || memcmp(line, "=== ", 4) != 0)
			continue;
		/* the previous part ends here */
		if (f == NULL && body == NULL)
			in->yaml_len = (size_t)(line - data);
		else if (f != NULL)
			f->len = (size_t)(line - f->text);
		f = NULL;
		body = line;
		n = (size_t)(nl - line) - 4 - (nl[-1] == '\n');
		if (in->n == MAX_FILES)
			break;
		if (line[4] == '@') {
			special(root, line + 4, n, in);
			continue;
		}
		if (!path_ok(line + 4, n) || (n == 9 &&
		    memcmp(line + 4, "kith.yaml", 9) == 0))
			continue;
		f = &in->files[in->n++];
		memcpy(f->path, line + 4, n);
		f->path[n] = '\0';
		f->text = nl;
	}
	if (body == NULL)
		in->yaml_len = size;
	else if (f != NULL)
		f->len = (size_t)(end - f->text);
	/* A path that cannot be written (it goes through a file) is left
	 * out; what the harness checks only looks at what is there. */
	if (in->yaml_len > 0)
		(void)tmp_write(root, "kith.yaml", in->yaml, in->yaml_len);
	for (n = 0; n < in->n; n++)
		if (in->files[n].text != NULL)
			(void)tmp_write(root, in->files[n].path,
			    in->files[n].text, in->files[n].len);
}

static const char *
text_of(const char *path, size_t *len, void *userdata)
{
	const journal_in *in = userdata;
	size_t i;

	if (strcmp(path, "kith.yaml") == 0) {
		*len = in->yaml_len;
		return in->yaml;
	}
	/* the last file of a path wins, as it was written last */
	for (i = in->n; i-- > 0;)
		if (strcmp(path, in->files[i].path) == 0) {
			*len = in->files[i].len;
			return in->files[i].text;
		}
	return NULL;
}

/* ---- the site ---- */

typedef struct secrets {
	const char *name[64];
	size_t n;
} secrets;

static int
word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/* Does the page hold name as a whole word (case-insensitively)? */
static int
has_word(const char *page, size_t len, const char *name)
{
	size_t k = strlen(name), i;

	for (i = 0; i + k <= len; i++) {
		if (strncasecmp(page + i, name, k) != 0)
			continue;
		if ((i == 0 || !word_char((unsigned char)page[i - 1])) &&
		    (i + k == len || !word_char((unsigned char)page[i + k])))
			return 1;
	}
	return 0;
}

/* The names kith promises to keep off the site (docs/site.md, Privacy):
 * a private person's or company's, and any other private note's name:
 * (a title is not a name).  Looked for when six characters or more, not a
 * word of the page frame, and no other visible note's name. */
static void
find_secrets(const kith_journal *j, secrets *s)
{
	const char *name;
	size_t i, k;
	int shared;

	s->n = 0;
	for (i = 0; i < j->nnotes && s->n < 64; i++) {
		if (!j->notes[i]->private_note || j->notes[i]->skipped)
			continue;
		name = j->notes[i]->type == NOTE_PERSON ||
		    j->notes[i]->type == NOTE_COMPANY ? j->notes[i]->display :
		    j->notes[i]->name.s;
		if (name == NULL)
			continue;
		if (strlen(name) < 6 || has_word(kith_asset_site_js,
		    strlen(kith_asset_site_js), name))
			continue;
		for (k = 0, shared = 0; k < j->nnodes && !shared; k++)
			shared = !j->notes[k]->private_note &&
			    has_word(j->notes[k]->display,
			    strlen(j->notes[k]->display), name);
		if (!shared)
			s->name[s->n++] = name;
	}
}

static char *
slurp(int dirfd, const char *name, size_t *len)
{
	struct stat st;
	char *data;
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW);

	if (fd < 0 || fstat(fd, &st) < 0 || (data = malloc((size_t)st.st_size +
	    1)) == NULL)
		abort();
	if (read(fd, data, (size_t)st.st_size) != st.st_size)
		abort();
	data[st.st_size] = '\0';
	*len = (size_t)st.st_size;
	close(fd);
	return data;
}

/* The pages of the first build, to tell which one a second build of the
 * same journal changed. */
typedef struct kept_page {
	char path[512];
	char *data;
	size_t len;
} kept_page;

static kept_page *kept;
static size_t nkept, capkept;

static void
keep_page(const char *path, char *data, size_t len)
{
	if (nkept == capkept) {
		capkept = capkept ? 2 * capkept : 64;
		if ((kept = realloc(kept, capkept * sizeof(*kept))) == NULL)
			abort();
	}
	snprintf(kept[nkept].path, sizeof(kept[0].path), "%s", path);
	kept[nkept].data = data;
	kept[nkept++].len = len;
}

static void
forget_pages(void)
{
	while (nkept > 0)
		free(kept[--nkept].data);
}

/* Checks every page under dirfd (rel: its path in the site, "" or
 * "people/") and keeps it. */
static void
check_pages(int dirfd, const char *rel, const secrets *s)
{
	struct dirent *e;
	DIR *d;
	char *page, sub[512];
	size_t len, n, i;
	int fd;

	if ((fd = dup(dirfd)) < 0 || (d = fdopendir(fd)) == NULL)
		abort();
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s%s", rel, e->d_name);
		if (e->d_type == DT_DIR) {
			fd = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY);
			if (fd < 0)
				abort();
			strncat(sub, "/", sizeof(sub) - strlen(sub) - 1);
			check_pages(fd, sub, s);
			close(fd);
			continue;
		}
		n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 5, ".html") != 0)
			continue;
		page = slurp(dirfd, e->d_name, &len);
		prop_page(page, len, kith_asset_site_js);
		for (i = 0; i < s->n; i++)
			if (has_word(page, len, s->name[i]))
				prop_soft("privacy", "a private person's name "
				    "on a page", s->name[i], strlen(s->name[i]));
		keep_page(sub, page, len);
	}
	closedir(d);
}

/* Says which page a second build changed, and where.  The network
 * picture is left out: Graphviz lays out a graph a little differently the
 * second time in the same process (its font caches are warm), which the
 * kith command, one site per process, never sees. */
static void
changed_page(const char *out, size_t written)
{
	char full[4096], msg[1024];
	size_t i, len, at, graph = 0;
	char *now;

	for (i = 0; i < nkept; i++) {
		if (strcmp(kept[i].path, "graph.html") == 0) {
			snprintf(full, sizeof(full), "%s/%s", out, kept[i].path);
			now = slurp(AT_FDCWD, full, &len);
			graph = len != kept[i].len ||
			    memcmp(now, kept[i].data, len) != 0;
			free(now);
			continue;
		}
		snprintf(full, sizeof(full), "%s/%s", out, kept[i].path);
		now = slurp(AT_FDCWD, full, &len);
		for (at = 0; at < len && at < kept[i].len &&
		    now[at] == kept[i].data[at]; at++)
			;
		if (at < len || at < kept[i].len) {
			at = at > 80 ? at - 80 : 0;
			snprintf(msg, sizeof(msg), "a second build of the same "
			    "journal changed %s; first build from byte %zu: "
			    "%.200s", kept[i].path, at, kept[i].data + at);
			prop_fail(msg, now + at, len - at);
		}
		free(now);
	}
	if (written > graph)
		prop_fail("a second build of the same journal wrote files (the "
		    "same bytes)", NULL, 0);
}

static void
site(kith_journal *j, const char *out)
{
	kith_site_result res;
	kith_date today;
	secrets s;
	char *why = NULL;
	int fd;

	kith_date_parse("2026-11-22", &today);
	tmp_empty(out);
	forget_pages();
	if (kith_site_write(j, today, out, &res, &why) != KITH_OK)
		prop_fail("kith site failed on a folder of its own", why,
		    why ? strlen(why) : 0);
	find_secrets(j, &s);
	if ((fd = open(out, O_RDONLY | O_DIRECTORY)) < 0)
		abort();
	check_pages(fd, "", &s);
	close(fd);
	if (kith_site_write(j, today, out, &res, &why) != KITH_OK)
		prop_fail("a second kith site failed", why, why ? strlen(why) : 0);
	if (res.written != 0)
		changed_page(out, res.written);
	forget_pages();
}

/* Every regular file's bytes, to see that kith changed none. */
static unsigned long
journal_sum(const char *root, const journal_in *in)
{
	char full[4096];
	unsigned long h = 5381;
	struct stat st;
	size_t i;
	char *data;
	size_t len, k;
	int fd;

	for (i = 0; i < in->n; i++) {
		snprintf(full, sizeof(full), "%s/%s", root, in->files[i].path);
		if (lstat(full, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		if ((fd = open(full, O_RDONLY | O_NOFOLLOW)) < 0)
			continue;
		close(fd);
		data = slurp(AT_FDCWD, full, &len);
		for (k = 0; k < len; k++)
			h = h * 33 + (unsigned char)data[k];
		h = h * 33 + st.st_mtime;
		free(data);
	}
	return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *root, *out;
	static journal_in in;
	kith_options o;
	kith_journal *j;
	unsigned long before;

	if (root == NULL) {
		root = tmp_folder("journal");
		out = tmp_folder("site");
	}
	tmp_empty(root);
	write_journal(root, (const char *)data, size, &in);
	before = journal_sum(root, &in);
	memset(&o, 0, sizeof(o));
	o.root = root;
	o.keep_bodies = 1;
	if (kith_journal_load(&o, &j) != KITH_OK)
		abort();
	prop_diags(j, text_of, &in);
	prop_reports(j);
	site(j, out);
	kith_journal_free(j);
	if (journal_sum(root, &in) != before)
		prop_fail("kith changed a file of the journal", NULL, 0);
	return 0;
}
