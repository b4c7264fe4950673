/*
 * walk.c: finds the journal's notes (journal.md, "Which files are notes").
 * Every *.md file below the root, except names starting with '.' or '_',
 * folders matched by ignore: globs and the site's output folder.  Symlinked
 * folders are not followed; symlinked files are listed (and a dangling one
 * is reported by the reader).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "limits.h"

typedef struct walk {
	kith_journal *j;
	note_file *files;
	size_t n;
	size_t cap;
	int oom;
} walk;

/* Glob match with '*' (not across '/'), '**' (across '/'), '?' and [...]. */
int
glob_match(const char *g, const char *p)
{
	const char *q;
	int neg, ok;

	for (; *g; g++, p++) {
		switch (*g) {
		case '*':
			if (g[1] == '*') {
				g += 2;
				if (*g == '/' && glob_match(g + 1, p))
					return 1;
				for (;; p++) {
					if (glob_match(g, p))
						return 1;
					if (*p == '\0')
						return 0;
				}
			}
			for (g++;; p++) {
				if (glob_match(g, p))
					return 1;
				if (*p == '\0' || *p == '/')
					return 0;
			}
		case '?':
			if (*p == '\0' || *p == '/')
				return 0;
			break;
		case '[':
			if (*p == '\0' || *p == '/')
				return 0;
			q = g + 1;
			neg = *q == '!' || *q == '^';
			q += neg;
			ok = 0;
			do {
				if (q[1] == '-' && q[2] && q[2] != ']') {
					ok |= *p >= q[0] && *p <= q[2];
					q += 3;
				} else {
					ok |= *p == *q;
					q++;
				}
			} while (*q && *q != ']');
			if (*q != ']')
				return *p == '[' && glob_match(g + 1, p + 1);
			if (ok == neg)
				return 0;
			g = q;
			break;
		default:
			if (*g != *p)
				return 0;
		}
	}
	return *p == '\0';
}

int
walk_ignored(const kith_journal *j, const char *rel, int folder)
{
	char *slashed = NULL;
	size_t i, n;
	int hit = 0;

	if (folder && j->cfg.site != NULL && strcmp(rel, j->cfg.site) == 0)
		return 1;
	if (folder && j->cfg.nignore > 0) {
		/* A glob ending in a double star names its folder too. */
		n = strlen(rel);
		if ((slashed = malloc(n + 2)) == NULL)
			return 0;
		memcpy(slashed, rel, n);
		memcpy(slashed + n, "/", 2);
	}
	for (i = 0; i < j->cfg.nignore && !hit; i++)
		hit = glob_match(j->cfg.ignore[i], rel) ||
		    (slashed != NULL && glob_match(j->cfg.ignore[i], slashed));
	free(slashed);
	return hit;
}

static int
is_note_name(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && strcasecmp(name + n - 3, ".md") == 0;
}

static int
walk_add(walk *w, const char *rel)
{
	note_file *f;
	size_t cap;

	if (w->n == w->cap) {
		cap = w->cap ? 2 * w->cap : 256;
		if ((f = realloc(w->files, cap * sizeof(*f))) == NULL)
			return -1;
		w->files = f;
		w->cap = cap;
	}
	if ((w->files[w->n].path = strdup(rel)) == NULL)
		return -1;
	w->n++;
	return 0;
}

static char *
path_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p;

	if ((p = malloc(a + b + 2)) == NULL)
		return NULL;
	if (a) {
		memcpy(p, dir, a);
		p[a++] = '/';
	}
	memcpy(p + a, name, b + 1);
	return p;
}

static int walk_dir(walk *w, int dirfd, const char *rel, int depth);

void
walk_name_shown(kith_buf *b, const char *rel)
{
	size_t n = strlen(rel), i = 0, ok;

	while (i < n) {
		ok = utf8_valid_prefix(rel + i, n - i);
		buf_put(b, rel + i, ok);
		i += ok;
		if (i < n)
			buf_printf(b, "\\x%02x", (unsigned char)rel[i++]);
	}
}

/* A name that is not UTF-8 cannot be shown or linked: reported with its
 * odd bytes as \xNN, and skipped. */
static int
bad_name(kith_journal *j, const char *rel)
{
	kith_buf b = KITH_BUF_INIT;

	walk_name_shown(&b, rel);
	if (!b.oom)
		diag_add(j, b.data, (pos){ 1, 1 }, KITH_ERROR,
		    "the name is not valid UTF-8: not read");
	buf_free(&b);
	return 0;
}

/* One entry of a folder: a note, a folder to enter, or nothing. */
static int
walk_entry(walk *w, int dirfd, const char *rel, const struct dirent *e,
    int depth)
{
	struct stat st;
	int fd, folder, rc = 0;
	unsigned char type = e->d_type;

	if (type == DT_UNKNOWN) {
		if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			return 0;	/* gone since listing: nothing to read */
		type = S_ISDIR(st.st_mode) ? DT_DIR :
		    S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
	}
	folder = type == DT_DIR;
	if (!folder && type != DT_LNK && !is_note_name(e->d_name))
		return 0;
	if (utf8_valid_prefix(rel, strlen(rel)) != strlen(rel))
		return bad_name(w->j, rel);
	if (type == DT_LNK && fstatat(dirfd, e->d_name, &st, 0) == 0 &&
	    S_ISDIR(st.st_mode))
		return 0;	/* symlinked folders are not followed */
	if (walk_ignored(w->j, rel, folder))
		return 0;
	if (!folder)
		return is_note_name(e->d_name) ? walk_add(w, rel) : 0;
	if (depth >= KITH_MAX_WALK_DEPTH) {
		diag_add(w->j, rel, (pos){ 1, 1 }, KITH_WARNING,
		    "folder nested deeper than %d levels is not read",
		    KITH_MAX_WALK_DEPTH);
		return 0;
	}
	fd = openat(dirfd, e->d_name,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			diag_add(w->j, rel, (pos){ 1, 1 }, KITH_ERROR,
			    "cannot read folder: %s", strerror(errno));
		return 0;
	}
	rc = walk_dir(w, fd, rel, depth + 1);
	return rc;
}

/* Reads one folder (and takes ownership of dirfd). */
static int
walk_dir(walk *w, int dirfd, const char *rel, int depth)
{
	DIR *d;
	struct dirent *e;
	char *child;
	int rc = 0;

	if ((d = fdopendir(dirfd)) == NULL) {
		close(dirfd);
		return -1;
	}
	while (rc == 0 && (errno = 0, e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		if ((child = path_join(rel, e->d_name)) == NULL) {
			rc = -1;
			break;
		}
		rc = walk_entry(w, dirfd, child, e, depth);
		free(child);
	}
	closedir(d);
	return rc;
}

static int
file_order(const void *a, const void *b)
{
	return strcmp(((const note_file *)a)->path,
	    ((const note_file *)b)->path);
}

/*
 * Lists the notes below j->root, sorted by path.  Returns 0, -1 when out of
 * memory, or -2 when the root folder cannot be read.  *files is freed with
 * walk_free().
 */
int
walk_journal(kith_journal *j, note_file **files, size_t *nfiles)
{
	walk w = { j, NULL, 0, 0, 0 };
	int fd, rc;

	*files = NULL;
	*nfiles = 0;
	fd = open(j->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -2;
	rc = walk_dir(&w, fd, "", 0);
	if (rc < 0) {
		walk_free(w.files, w.n);
		return -1;
	}
	if (w.n > 1)
		qsort(w.files, w.n, sizeof(*w.files), file_order);
	*files = w.files;
	*nfiles = w.n;
	return 0;
}

void
walk_free(note_file *files, size_t nfiles)
{
	size_t i;

	for (i = 0; i < nfiles; i++)
		free(files[i].path);
	free(files);
}
