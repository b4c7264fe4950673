/*
 * walk.c: finds the journal's notes (journal.md, "Which files are notes").
 * Every *.md file below the root, except names starting with '.' or '_',
 * folders matched by ignore: globs, the site's output folder, template
 * folders (templates/, 20 Templates/, any case and depth) and a Logseq
 * graph's logseq/.  Symlinked
 * folders are not followed; symlinked files are listed when they lead to a
 * file inside the journal, or when kith.yaml says follow_symlinks: yes (and
 * a dangling one is reported by the reader).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/vec.h"
#include "read/read.h"
#include "core/limits.h"

typedef struct walk {
	kith_journal *j;
	walk_emit emit;		/* each note found, in path order */
	void *ctx;
	char *real_root;	/* the root, links resolved (the first time a
				 * link to a note is found) */
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

/* An entry of a folder worth a look: a folder, a link or a note. */
typedef struct entry {
	union {
		size_t at;	/* while listing: its key in the names */
		char *key;	/* then the key itself */
	} u;
	unsigned char type;	/* DT_DIR, DT_LNK or DT_REG */
} entry;

/* A folder's entries, sorted by key: the name, with a '/' after it for a
 * folder.  Entered in that order, the folders give their notes in the
 * order of their paths (a folder's notes all start with "name/", and
 * "name/" sorts against any other name as its path does), so the notes
 * come out sorted, each as soon as it is found. */
typedef struct listing {
	kith_buf names;		/* the keys, NUL after each */
	entry *v;
	size_t n, cap;
} listing;

static int
entry_order(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->u.key, ((const entry *)b)->u.key);
}

/* Lists a folder: its notes, links and folders (not what starts with '.'
 * or '_', nor what is not *.md), a type each.  Returns 0, or -1. */
static int
list_dir(DIR *d, int dirfd, listing *l)
{
	struct dirent *e;
	struct stat st;
	size_t i;
	unsigned char type;

	while ((errno = 0, e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		type = e->d_type;
		if (type == DT_UNKNOWN) {
			if (fstatat(dirfd, e->d_name, &st,
			    AT_SYMLINK_NOFOLLOW) < 0)
				continue;	/* gone since listing */
			type = S_ISDIR(st.st_mode) ? DT_DIR :
			    S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
		}
		if (type != DT_DIR && type != DT_LNK &&
		    !is_note_name(e->d_name))
			continue;
		if (type != DT_DIR && type != DT_LNK)
			type = DT_REG;
		if (vec_reserve(&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
			return -1;
		l->v[l->n].u.at = l->names.len;
		l->v[l->n++].type = type;
		buf_puts(&l->names, e->d_name);
		if (type == DT_DIR)
			buf_putc(&l->names, '/');
		buf_putc(&l->names, '\0');
	}
	if (l->names.oom)
		return -1;
	for (i = 0; i < l->n; i++)
		l->v[i].u.key = l->names.data + l->v[i].u.at;
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), entry_order);
	return 0;
}

/* Does the link rel lead out of the journal?  A link that leads nowhere
 * (to nothing, a loop) does not: the reader opens it and reports why it
 * cannot.  When the root cannot be resolved, every link does. */
static int
leads_out(walk *w, const char *rel)
{
	char *path, *target;
	size_t n;
	int out;

	if (w->real_root == NULL && (w->real_root = realpath(w->j->root,
	    NULL)) == NULL)
		return 1;
	if ((path = path_join(w->j->root, rel)) == NULL)
		return 1;
	target = realpath(path, NULL);
	free(path);
	if (target == NULL)
		return 0;
	n = strlen(w->real_root);
	out = strncmp(target, w->real_root, n) != 0 ||
	    (target[n] != '/' && strcmp(w->real_root, "/") != 0);
	free(target);
	return out;
}

/* A note that is a link to a file outside the journal is not read, unless
 * kith.yaml says follow_symlinks: yes: a link to /etc/passwd is not a note
 * to publish. */
static int
link_refused(walk *w, const char *rel)
{
	if (w->j->cfg.follow_symlinks || !leads_out(w, rel))
		return 0;
	diag_add(w->j, rel, (pos){ 1, 1 }, KITH_WARNING,
	    "a symbolic link to a file outside the journal: not read "
	    "(follow_symlinks: yes in kith.yaml reads it)");
	return 1;
}

/* One entry of a folder: a note, a folder to enter, or nothing. */
static int
walk_entry(walk *w, int dirfd, const char *rel, const char *name,
    unsigned char type, int depth)
{
	struct stat st;
	int fd, folder = type == DT_DIR;

	if (utf8_valid_prefix(rel, strlen(rel)) != strlen(rel))
		return bad_name(w->j, rel);
	if (type == DT_LNK && fstatat(dirfd, name, &st, 0) == 0 &&
	    S_ISDIR(st.st_mode))
		return 0;	/* symlinked folders are not followed */
	if (type == DT_LNK && !is_note_name(name))
		return 0;
	if (walk_ignored(w->j, rel, folder))
		return 0;
	/* templates, at any depth, and a Logseq graph's own folder (backups,
	 * the recycle bin) are not notes */
	if (folder && (folder_is_templates(name) ||
	    (w->j->cfg.logseq && strcmp(rel, "logseq") == 0))) {
		w->j->templates_skipped += folder_is_templates(name);
		return 0;
	}
	if (type == DT_LNK && link_refused(w, rel))
		return 0;
	if (!folder)
		return w->emit(w->ctx, rel);
	if (depth >= KITH_MAX_WALK_DEPTH) {
		diag_add(w->j, rel, (pos){ 1, 1 }, KITH_WARNING,
		    "folder nested deeper than %d levels is not read",
		    KITH_MAX_WALK_DEPTH);
		return 0;
	}
	fd = openat(dirfd, name,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			diag_add(w->j, rel, (pos){ 1, 1 }, KITH_ERROR,
			    "cannot read folder: %s", strerror(errno));
		return 0;
	}
	return walk_dir(w, fd, rel, depth + 1);
}

/* Reads one folder (and takes ownership of dirfd). */
static int
walk_dir(walk *w, int dirfd, const char *rel, int depth)
{
	listing l = { KITH_BUF_INIT, NULL, 0, 0 };
	DIR *d;
	char *child, *name;
	size_t i, len;
	int rc;

	if ((d = fdopendir(dirfd)) == NULL) {
		close(dirfd);
		return -1;
	}
	rc = list_dir(d, dirfd, &l);
	for (i = 0; rc == 0 && i < l.n; i++) {
		name = l.v[i].u.key;
		len = strlen(name);
		if (l.v[i].type == DT_DIR)
			name[len - 1] = '\0';	/* the key's '/' */
		if ((child = path_join(rel, name)) == NULL) {
			rc = -1;
			break;
		}
		rc = walk_entry(w, dirfd, child, name, l.v[i].type, depth);
		free(child);
	}
	buf_free(&l.names);
	free(l.v);
	closedir(d);
	return rc;
}

/*
 * Finds the notes below the journal's root folder, rootfd (which stays
 * open), and hands each to emit(ctx, path), in path order, as soon as it
 * is found: the caller may start on the first while the walk goes on.
 * emit returns 0, or -1 to stop the walk.  Returns 0, or -1 when out of
 * memory or emit stopped it.
 */
int
walk_notes(kith_journal *j, int rootfd, walk_emit emit, void *ctx)
{
	walk w = { j, emit, ctx, NULL };
	/* the same folder, with a listing position of its own */
	int fd = openat(rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = fd < 0 ? -1 : walk_dir(&w, fd, "", 0);

	free(w.real_root);
	return rc;
}

typedef struct file_list {
	note_file *v;
	size_t n, cap;
} file_list;

/* walk_emit: keeps the path. */
static int
file_keep(void *ctx, const char *rel)
{
	file_list *l = ctx;
	if (vec_reserve(&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
		return -1;
	if ((l->v[l->n].path = strdup(rel)) == NULL)
		return -1;
	l->n++;
	return 0;
}

/*
 * Lists the notes below j->root, sorted by path.  Returns 0, -1 when out of
 * memory, or -2 when the root folder cannot be read.  *files is freed with
 * walk_free().
 */
int
walk_journal(kith_journal *j, note_file **files, size_t *nfiles)
{
	file_list l = { NULL, 0, 0 };
	int fd, rc;

	*files = NULL;
	*nfiles = 0;
	if ((fd = open(j->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -2;
	rc = walk_notes(j, fd, file_keep, &l);
	close(fd);
	if (rc < 0) {
		walk_free(l.v, l.n);
		return -1;
	}
	*files = l.v;
	*nfiles = l.n;
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
