/*
 * output.c: the site's output folder.  kith writes every file whole, as a
 * temporary file beside its name, and puts the files of a run in place
 * (renames them) only once every one is written (site_out_close()): a run
 * that fails, for a full disk say, leaves the last good site as it was
 * and takes back what it made.  It leaves unchanged files alone, and
 * keeps a manifest of what it wrote, so that a rebuild removes only its
 * own stale files and a folder holding anything else is refused.  Before
 * a file kith has not written here before is created, its name is added
 * to the manifest, so an interrupted run never leaves a file the next run
 * would take for someone else's.
 *
 * The manifest: a comment line, the site's files and folders (folders end
 * in '/'), one a line, sorted.  A run appends what it is about to create
 * under "# being written"; before it removes stale files it writes the
 * manifest whole with them under "# stale", so that at every moment the
 * manifest claims only files that exist (or are being made), and owns
 * every file kith may have left.
 *
 * The folder and the manifest are input like the notes: every path is
 * reached from the folder's descriptor one name at a time, never through
 * a link, and a manifest line that is not a page below the folder is
 * ignored (docs/reliability.md, "The output folder").
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limits.h"
#include "site.h"

#define MANIFEST ".kith-manifest"
#define MANIFEST_HEAD "# kith site: the files kith wrote here; kith removes only these\n"
#define TMP_PREFIX ".kith-tmp-"
#define PENDING_HEAD "# being written\n"
#define STALE_HEAD "# stale: kith is removing these\n"
#define INPUTS_HEAD "# inputs: "	/* the fingerprint and page count */
#define INPUTS_MAX 96

/* A set of relative paths (folders end in '/'): a hash table for lookups,
 * and the list in insertion order, sorted only when listed. */
typedef struct pathset {
	char **v;
	size_t n;
	size_t cap;
	char **slots;
	size_t nslots;
} pathset;

static char **
set_slot(const pathset *s, const char *p)
{
	size_t k;

	for (k = hash_string(p) & (s->nslots - 1); s->slots[k] != NULL;
	    k = (k + 1) & (s->nslots - 1))
		if (strcmp(s->slots[k], p) == 0)
			break;
	return &s->slots[k];
}

static int
set_has(const pathset *s, const char *p)
{
	return s->nslots > 0 && *set_slot(s, p) != NULL;
}

static int
set_rehash(pathset *s)
{
	size_t i, n = s->nslots ? 2 * s->nslots : 1024;
	char **old = s->slots;

	if ((s->slots = calloc(n, sizeof(*s->slots))) == NULL) {
		s->slots = old;
		return -1;
	}
	s->nslots = n;
	for (i = 0; i < s->n; i++)
		*set_slot(s, s->v[i]) = s->v[i];
	free(old);
	return 0;
}

/* Adds p unless present.  Returns 0, or -1 when out of memory. */
static int
set_add(pathset *s, const char *p)
{
	char **grown, **slot;

	if (set_has(s, p))
		return 0;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		if ((grown = realloc(s->v, s->cap * sizeof(*grown))) == NULL)
			return -1;
		s->v = grown;
	}
	if ((s->n + 1) * 2 > s->nslots && set_rehash(s) < 0)
		return -1;
	if ((s->v[s->n] = strdup(p)) == NULL)
		return -1;
	slot = set_slot(s, p);
	*slot = s->v[s->n++];
	return 0;
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts the list (the table keeps pointing at the same strings). */
static void
set_sort(pathset *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), path_cmp);
}

static void
set_free(pathset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s->slots);
	memset(s, 0, sizeof(*s));
}

/* A folder of the site kith writes into, opened once, each of its names
 * without following a symbolic link. */
typedef struct subfolder {
	char *path;		/* "people/" */
	int fd;
} subfolder;

/* A page written as a temporary file, put in place when the run ends. */
typedef struct pending {
	int fd;			/* its folder (a subfolder's, not owned) */
	char *tmp;		/* the temporary name; NULL once renamed */
	char *rel;		/* its path in the site */
} pending;

struct site_out {
	char *dir;
	int dirfd;
	kith_journal *j;	/* where warnings about the manifest go */
	char *manifest_shown;	/* the manifest's name in them */
	subfolder *folders;	/* opened by folder_fd() */
	size_t nfolders;
	pending *pending;	/* written by this run, not yet in place */
	size_t npending, pending_cap;
	pathset made;		/* folders this run made ("people/") */
	int committed;		/* a page of this run is in place */
	pathset old;		/* the manifest found */
	pathset now;		/* written (or kept) by this run */
	int journal_fd;		/* the manifest, open for appending */
	int ends_open;		/* it ends in a half-written line */
	pathset temps_left;	/* .kith-tmp-* files of interrupted runs */
	/* what tells whether the folder is as a build left it */
	char inputs_old[INPUTS_MAX];	/* the manifest's inputs line */
	char inputs[INPUTS_MAX];	/* this run's, or "" */
	int unsettled;		/* the manifest has pages being written or
				 * stale ones: a run did not finish */
	struct timespec manifest_time;	/* the manifest's mtime */
	struct timespec newest;	/* the latest ctime in the folder */
	int walked;		/* every folder listed (site_out_claim()) */
	size_t found;		/* the manifest's entries found there */
	size_t written;
	size_t unchanged;
	size_t temps;		/* temporary files made, for unique names */
	pthread_mutex_t lock;	/* pages are written from several threads:
				 * the sets, the manifest and the counts */
};

static char *
msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
msg(const char *fmt, ...)
{
	kith_buf b = KITH_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b, NULL);
}

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
static int
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

static int
later(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec != b->tv_sec ? a->tv_sec > b->tv_sec :
	    a->tv_nsec > b->tv_nsec;
}

/* One entry of a folder being looked over: its name and what fstatat
 * said (ok 0 when it could not: gone meanwhile). */
typedef struct entry {
	char *name;
	struct stat st;
	int ok;
} entry;

typedef struct stat_job {
	int dirfd;
	entry *e;
	size_t n;
} stat_job;

static void *
stat_entries(void *arg)
{
	stat_job *job = arg;
	size_t i;

	for (i = 0; i < job->n; i++)
		job->e[i].ok = fstatat(job->dirfd, job->e[i].name, &job->e[i].st,
		    AT_SYMLINK_NOFOLLOW) == 0;
	return NULL;
}

/* Below this many entries a folder is looked over on one thread. */
#define STAT_SPLIT 1024

/* Stats every entry: a large folder (a site's meetings/) on two threads,
 * as each fstatat is a lookup in a folder of thousands of names. */
static void
stat_all(int dirfd, entry *e, size_t n)
{
	stat_job all = { dirfd, e, n }, half[2];
	pthread_t t;

	if (n < STAT_SPLIT) {	/* e may be NULL when n is 0 */
		stat_entries(&all);
		return;
	}
	half[0] = (stat_job){ dirfd, e, n / 2 };
	half[1] = (stat_job){ dirfd, e + n / 2, n - n / 2 };
	if (pthread_create(&t, NULL, stat_entries, &half[1]) != 0) {
		stat_entries(&all);
		return;
	}
	stat_entries(&half[0]);
	pthread_join(t, NULL);
}

/* The entries of a folder, but "." and "..", into *out; returns their
 * count, or -1 on an OS failure or when out of memory. */
static ssize_t
list_folder(int dirfd, entry **out)
{
	DIR *d;
	struct dirent *e;
	entry *v = NULL, *grown;
	size_t n = 0, cap = 0;
	int fd;

	*out = NULL;
	if ((fd = dup(dirfd)) < 0 || (d = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	rewinddir(d);	/* the offset is dirfd's: from the start again */
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((grown = realloc(v, cap * sizeof(*v))) == NULL)
				goto err;
			v = grown;
		}
		if ((v[n].name = strdup(e->d_name)) == NULL)
			goto err;
		n++;
	}
	closedir(d);
	*out = v;
	return (ssize_t)n;
err:
	closedir(d);
	while (n > 0)
		free(v[--n].name);
	free(v);
	return -1;
}

/* Finds a file in the folder that kith did not write (rel is the folder's
 * path from the output root, "" for the root).  Returns 1 and sets *found,
 * 0 when all is kith's, -1 on an OS failure. */
static int
find_foreign(site_out *o, int dirfd, const char *rel, char **found)
{
	entry *v;
	ssize_t n;
	size_t i;
	char path[PATH_MAX];
	int fd, rc = 0, dir;

	if ((n = list_folder(dirfd, &v)) < 0)
		return -1;
	stat_all(dirfd, v, (size_t)n);
	for (i = 0; rc == 0 && i < (size_t)n; i++) {
		if (!v[i].ok || (rel[0] == '\0' &&
		    strcmp(v[i].name, MANIFEST) == 0))
			continue;
		dir = S_ISDIR(v[i].st.st_mode);
		snprintf(path, sizeof(path), "%s%s%s", rel, v[i].name,
		    dir ? "/" : "");
		if (S_ISREG(v[i].st.st_mode) && strncmp(v[i].name, TMP_PREFIX,
		    strlen(TMP_PREFIX)) == 0) {
			/* left by an interrupted run: kith's, removed once
			 * this run succeeds */
			if (set_add(&o->temps_left, path) < 0)
				rc = -1;
			continue;
		}
		/* kith makes files and folders, never a link or anything
		 * else, whatever the manifest says */
		if (!set_has(&o->old, path) ||
		    !(dir || S_ISREG(v[i].st.st_mode))) {
			*found = strdup(path);
			rc = 1;
			continue;
		}
		o->found++;
		if (later(&v[i].st.st_ctim, &o->newest))
			o->newest = v[i].st.st_ctim;
		if (dir) {
			fd = openat(dirfd, v[i].name,
			    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			rc = fd < 0 ? -1 : find_foreign(o, fd, path, found);
			if (fd >= 0)
				close(fd);
		}
	}
	for (i = 0; i < (size_t)n; i++)
		free(v[i].name);
	free(v);
	return rc;
}

/* Is the folder as the last finished run left it, told without listing
 * every folder?  A folder gains or loses a name only by a change that
 * moves its ctime: when each folder of the manifest is older than the
 * manifest, the names there are those the run left, and one fstatat a
 * listed file (on two threads) tells that each is there, unchanged since.
 * The root, where the manifest itself is renamed, is listed.  A folder
 * that is settled needs no other look unless kith is to write there
 * (site_out_claim()): what it holds is then all kith's, but for a file
 * dropped in while that run was writing, which nothing here writes over
 * or removes. */
static int
settled(site_out *o)
{
	entry *v = NULL;
	ssize_t n;
	size_t i, len;
	char path[PATH_MAX];
	int ok = 1, dir;

	if (o->old.n == 0 || o->unsettled || o->ends_open ||
	    (v = malloc(o->old.n * sizeof(*v))) == NULL)
		return 0;
	for (i = 0; i < o->old.n; i++)
		v[i].name = o->old.v[i];
	stat_all(o->dirfd, v, o->old.n);
	for (i = 0; ok && i < o->old.n; i++) {
		len = strlen(v[i].name);
		dir = len > 0 && v[i].name[len - 1] == '/';
		/* a folder strictly older: a name added in the clock tick of
		 * the manifest would leave its time equal to it */
		ok = v[i].ok && (dir ? S_ISDIR(v[i].st.st_mode) &&
		    later(&o->manifest_time, &v[i].st.st_ctim) :
		    S_ISREG(v[i].st.st_mode) &&
		    !later(&v[i].st.st_ctim, &o->manifest_time));
		if (ok && later(&v[i].st.st_ctim, &o->newest))
			o->newest = v[i].st.st_ctim;
	}
	free(v);
	if (!ok || (n = list_folder(o->dirfd, &v)) < 0)
		return 0;
	stat_all(o->dirfd, v, (size_t)n);
	for (i = 0; i < (size_t)n; i++) {
		if (strcmp(v[i].name, MANIFEST) != 0) {
			snprintf(path, sizeof(path), "%s%s", v[i].name,
			    v[i].ok && S_ISDIR(v[i].st.st_mode) ? "/" : "");
			ok &= v[i].ok && set_has(&o->old, path) &&
			    (S_ISDIR(v[i].st.st_mode) ||
			    S_ISREG(v[i].st.st_mode));
		}
		free(v[i].name);
	}
	free(v);
	if (!ok) {
		memset(&o->newest, 0, sizeof(o->newest));
		return 0;
	}
	o->found = o->old.n;
	return 1;
}

static out_status
fail_errno(char **why, const char *what, const char *path)
{
	*why = msg("%s %s: %s", what, path, strerror(errno));
	return OUT_FAILED;
}

/* Opens the folder name in the folder fd, not following a link.  Returns
 * its descriptor, or -1 with errno (ELOOP or ENOTDIR: not a folder). */
static int
open_child(int fd, const char *name)
{
	return openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
}

/* Makes (when missing) and opens the folder name in the folder fd,
 * refusing a link or anything but a folder.  shown is the folder's path
 * in messages. */
static out_status
enter_folder(int fd, const char *name, const char *shown, int *out,
    char **why)
{
	struct stat st;

	if (mkdirat(fd, name, 0755) < 0 && errno != EEXIST)
		return fail_errno(why, "cannot create", shown);
	if ((*out = open_child(fd, name)) >= 0)
		return OUT_OK;
	/* Linux says ENOTDIR for a link opened with O_DIRECTORY and
	 * O_NOFOLLOW */
	if (errno == ELOOP || (errno == ENOTDIR &&
	    fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode))) {
		*why = msg("%s is a symbolic link: kith writes only into a "
		    "real folder", shown);
		return OUT_REFUSED;
	}
	if (errno == ENOTDIR) {
		*why = msg("%s is not a folder", shown);
		return OUT_REFUSED;
	}
	return fail_errno(why, "cannot read", shown);
}

/* Opens kith.yaml's site: folder (inside the journal: config.c lets no
 * ".." or whole path through) from the journal's root, name by name,
 * making those missing: a link anywhere on the way is refused. */
static out_status
open_site_setting(const kith_journal *j, int *out, char **why)
{
	char rel[PATH_MAX], *name, *next;
	kith_buf shown = KITH_BUF_INIT;
	out_status st = OUT_OK;
	int fd, child;

	*out = -1;
	if (snprintf(rel, sizeof(rel), "%s", j->cfg.site) >= (int)sizeof(rel)) {
		*why = msg("%s: the name is too long", j->cfg.site);
		return OUT_REFUSED;
	}
	if ((fd = open(j->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return fail_errno(why, "cannot read", j->root);
	buf_puts(&shown, j->root);
	for (name = rel; name != NULL && st == OUT_OK; name = next) {
		if ((next = strchr(name, '/')) != NULL)
			*next++ = '\0';
		if (name[0] == '\0' || strcmp(name, ".") == 0)
			continue;
		buf_printf(&shown, "/%s", name);
		if (shown.oom)
			st = fail_errno(why, "cannot read", j->root);
		else if ((st = enter_folder(fd, name, shown.data, &child,
		    why)) == OUT_OK) {
			close(fd);
			fd = child;
		}
	}
	buf_free(&shown);
	if (st != OUT_OK)
		close(fd);
	else
		*out = fd;
	return st;
}

/* Drops what names no folder of its own at the end of a path: trailing
 * '/' and "/." ("link/." is "link"). */
static void
trim_path(char *path)
{
	size_t n = strlen(path);

	for (;;) {
		while (n > 1 && path[n - 1] == '/')
			n--;
		if (n > 2 && path[n - 1] == '.' && path[n - 2] == '/')
			n -= 2;
		else
			break;
	}
	path[n] = '\0';
}

/* Opens the folder -o names.  The folders on the way to it are the
 * user's to choose, links and all; the folder itself is opened without
 * following a link, and a last name ".." (no folder of its own) is
 * refused. */
static out_status
open_given(const char *dir, int *out, char **why)
{
	char path[PATH_MAX], *slash;
	const char *name = path, *parent = ".";
	out_status st;
	int fd;

	*out = -1;
	if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path)) {
		*why = msg("%s: the name is too long", dir);
		return OUT_REFUSED;
	}
	trim_path(path);
	if (strcmp(path, ".") == 0 &&
	    (*out = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
		return OUT_OK;
	if ((slash = strrchr(path, '/')) != NULL) {
		*slash = '\0';
		name = slash + 1;
		parent = slash == path ? "/" : path;
	}
	if (strcmp(name, "..") == 0 || name[0] == '\0') {
		*why = msg("%s: name the output folder itself", dir);
		return OUT_REFUSED;
	}
	if ((fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return fail_errno(why, "cannot create", dir);
	st = enter_folder(fd, name, dir, out, why);
	close(fd);
	return st;
}

/* The manifest's name in diagnostics: for kith.yaml's site:, its path
 * from the journal's root, like a note's; else the folder's whole path
 * (it is not a file of the journal). */
static char *
manifest_name(const kith_journal *j, const char *dir, int dirfd)
{
	char link[64], real[PATH_MAX];
	ssize_t n;

	if (dir == NULL)
		return msg("%s/" MANIFEST, j->cfg.site);
	snprintf(link, sizeof(link), "/proc/self/fd/%d", dirfd);
	if ((n = readlink(link, real, sizeof(real) - 1)) > 0 && real[0] == '/') {
		real[n] = '\0';
		return msg("%s/" MANIFEST, real);
	}
	return msg("%s/" MANIFEST, dir);
}

/* Refuses the journal's own folder. */
static out_status
not_the_journal(site_out *o, const char *root, char **why)
{
	struct stat out, journal;

	if (fstat(o->dirfd, &out) < 0)
		return fail_errno(why, "cannot read", o->dir);
	if (stat(root, &journal) == 0 && out.st_dev == journal.st_dev &&
	    out.st_ino == journal.st_ino) {
		*why = msg("%s is the journal itself: write the site into a "
		    "folder of its own (kith.yaml site:, or -o)", o->dir);
		return OUT_REFUSED;
	}
	return OUT_OK;
}

/* Takes the folder for this process (one kith at a time: the lock goes
 * with it) and reads its manifest. */
static out_status
take_folder(site_out *o, char **why)
{
	int rc;

	if (flock(o->dirfd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK)
			return fail_errno(why, "cannot lock", o->dir);
		*why = msg("%s: another kith is writing the site there", o->dir);
		return OUT_REFUSED;
	}
	if ((rc = manifest_read(o)) < 0)
		return fail_errno(why, "cannot read", o->dir);
	if (rc > 0) {
		*why = msg("%s/" MANIFEST " is not a plain file of its own (a "
		    "link, or larger than %u MiB): kith does not trust it",
		    o->dir, KITH_MAX_MANIFEST_BYTES / (1024 * 1024));
		return OUT_REFUSED;
	}
	return OUT_OK;
}

out_status
site_out_open(kith_journal *j, const char *dir, site_out **out, char **why)
{
	site_out *o;
	out_status st;

	*out = NULL;
	*why = NULL;
	if ((o = calloc(1, sizeof(*o))) == NULL)
		goto oom;
	o->journal_fd = -1;
	o->dirfd = -1;
	o->j = j;
	pthread_mutex_init(&o->lock, NULL);
	o->dir = dir ? strdup(dir) : msg("%s/%s", j->root, j->cfg.site);
	if (o->dir == NULL)
		goto oom;
	st = dir ? open_given(dir, &o->dirfd, why) :
	    open_site_setting(j, &o->dirfd, why);
	if (st != OUT_OK || (st = not_the_journal(o, j->root, why)) != OUT_OK)
		goto err;
	if ((o->manifest_shown = manifest_name(j, dir, o->dirfd)) == NULL)
		goto oom;
	if ((st = take_folder(o, why)) != OUT_OK)
		goto err;
	if (!settled(o) && (st = site_out_claim(o, why)) != OUT_OK)
		goto err;
	*out = o;
	return OUT_OK;
oom:
	*why = msg("out of memory");
	st = OUT_FAILED;
err:
	site_out_close(o, 0, NULL);
	return st;
}

out_status
site_out_claim(site_out *o, char **why)
{
	char *foreign = NULL;
	int rc;

	if (o->walked)
		return OUT_OK;
	o->walked = 1;
	o->found = 0;
	memset(&o->newest, 0, sizeof(o->newest));
	if ((rc = find_foreign(o, o->dirfd, "", &foreign)) == 0)
		return OUT_OK;
	if (rc < 0)
		return fail_errno(why, "cannot read", o->dir);
	*why = msg("%s holds %s, which kith did not write: kith writes only "
	    "into an empty folder or one it wrote before", o->dir,
	    foreign ? foreign : "a file");
	free(foreign);
	return OUT_REFUSED;
}

static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Adds a path to the manifest before the file exists: one write a line,
 * the first of a run after a "# being written" line. */
static int
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

/* The descriptor of the site's folder rel (its first n bytes, "" or ending
 * in '/'): made and recorded when missing, each name opened without
 * following a link, once a run.  Under the lock.  Returns -1 with errno
 * when it cannot. */
static int
folder_fd(site_out *o, const char *rel, size_t n)
{
	char path[PATH_MAX];
	const char *name;
	subfolder *grown;
	size_t i;
	int parent, fd;

	if (n == 0)
		return o->dirfd;
	for (i = 0; i < o->nfolders; i++)
		if (strlen(o->folders[i].path) == n &&
		    memcmp(o->folders[i].path, rel, n) == 0)
			return o->folders[i].fd;
	if (n >= sizeof(path) || (grown = realloc(o->folders,
	    (o->nfolders + 1) * sizeof(*grown))) == NULL)
		return -1;
	o->folders = grown;
	memcpy(path, rel, n);
	path[n] = '\0';
	for (name = path + n - 1; name > path && name[-1] != '/'; name--)
		;
	if ((parent = folder_fd(o, rel, (size_t)(name - path))) < 0 ||
	    journal_add(o, path) < 0 || set_add(&o->now, path) < 0)
		return -1;
	path[n - 1] = '\0';
	if (mkdirat(parent, name, 0755) == 0) {
		path[n - 1] = '/';
		if (set_add(&o->made, path) < 0)
			return -1;
		path[n - 1] = '\0';
	} else if (errno != EEXIST) {
		return -1;
	}
	if ((fd = open_child(parent, name)) < 0)
		return -1;
	path[n - 1] = '/';
	if ((o->folders[o->nfolders].path = strdup(path)) == NULL) {
		close(fd);
		return -1;
	}
	o->folders[o->nfolders++].fd = fd;
	return fd;
}

/* Are the bytes of rel data?  1 yes, 0 no, -1 there is no such file. */
static int
file_has(int dirfd, const char *rel, const char *data, size_t len)
{
	struct stat st;
	char buf[65536];
	size_t off = 0;
	ssize_t r;
	int fd, same = 0;

	fd = openat(dirfd, rel, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -1 : 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == len) {
		same = 1;
		while (same && (r = read(fd, buf, sizeof(buf))) > 0) {
			if ((size_t)r > len - off ||
			    memcmp(buf, data + off, (size_t)r) != 0)
				same = 0;
			off += (size_t)r;
		}
		same = same && off == len;
	}
	close(fd);
	return same;
}

/* Does the file hold exactly these bytes? */
static int
same_bytes(int dirfd, const char *rel, const char *data, size_t len)
{
	return file_has(dirfd, rel, data, len) == 1;
}

/* Writes the temporary file tmp whole; a page's temporary name is its
 * own (O_EXCL), the manifest's is removed first when a stopped run left it
 * (never written through: it may be a link to a file elsewhere).  Returns
 * 0, or -1 with errno (and no temporary file left). */
static int
write_temporary(int dirfd, const char *tmp, const char *data, size_t len,
    int own)
{
	int fd, err, rc;

	if (!own && unlinkat(dirfd, tmp, 0) < 0 && errno != ENOENT)
		return -1;
	fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	rc = write_all(fd, data, len);
	err = errno;
	if (close(fd) < 0 && rc == 0) {
		rc = -1;
		err = errno;
	}
	if (rc < 0) {
		unlinkat(dirfd, tmp, 0);
		errno = err;
	}
	return rc;
}

/* Writes rel whole as the temporary file tmp, then renames it. */
static int
write_renamed(int dirfd, const char *tmp, const char *rel, const char *data,
    size_t len, int own)
{
	int err;

	if (write_temporary(dirfd, tmp, data, len, own) < 0)
		return -1;
	if (renameat(dirfd, tmp, dirfd, rel) < 0) {
		err = errno;
		unlinkat(dirfd, tmp, 0);
		errno = err;
		return -1;
	}
	return 0;
}

/* Keeps a page written as tmp until the run ends (under the lock). */
static int
pending_add(site_out *o, int fd, const char *tmp, const char *rel)
{
	pending *grown;
	size_t cap;

	if (o->npending == o->pending_cap) {
		cap = o->pending_cap ? 2 * o->pending_cap : 256;
		if ((grown = realloc(o->pending, cap * sizeof(*grown))) == NULL)
			return -1;
		o->pending = grown;
		o->pending_cap = cap;
	}
	o->pending[o->npending].fd = fd;
	o->pending[o->npending].tmp = strdup(tmp);
	o->pending[o->npending].rel = strdup(rel);
	if (o->pending[o->npending].tmp == NULL ||
	    o->pending[o->npending].rel == NULL) {
		free(o->pending[o->npending].tmp);
		free(o->pending[o->npending].rel);
		return -1;
	}
	o->npending++;
	return 0;
}

/* The bookkeeping of a page about to be written, under the lock: the
 * page recorded, a temporary name (in its folder) taken.  Returns 0, or
 * -1 with errno set and *what saying which step failed. */
static int
page_record(site_out *o, const char *rel, int changed, char *tmp,
    size_t tmpsize, const char **what)
{
	int rc = -1, err;

	pthread_mutex_lock(&o->lock);
	*what = "cannot write";
	if (set_add(&o->now, rel) < 0)
		goto out;
	if (!changed) {
		o->unchanged++;
		rc = 0;
		goto out;
	}
	*what = "cannot record";
	if (journal_add(o, rel) < 0)
		goto out;
	snprintf(tmp, tmpsize, "%s%ld-%zu", TMP_PREFIX, (long)getpid(),
	    ++o->temps);
	rc = 0;
out:
	err = errno;
	pthread_mutex_unlock(&o->lock);
	errno = err;
	return rc;
}

/* The descriptor of the folder of rel (folder_fd()), and in *leaf the
 * name of rel in it. */
static int
page_folder(site_out *o, const char *rel, const char **leaf)
{
	const char *slash = strrchr(rel, '/');
	int fd, err;

	*leaf = slash ? slash + 1 : rel;
	pthread_mutex_lock(&o->lock);
	fd = folder_fd(o, rel, (size_t)(*leaf - rel));
	err = errno;
	pthread_mutex_unlock(&o->lock);
	errno = err;
	return fd;
}

out_status
site_out_write(site_out *o, const char *rel, const char *data, size_t len,
    char **why)
{
	char tmp[64];
	const char *what, *leaf;
	int changed, rc, fd;

	if (!o->walked) {	/* site_out_claim() first: set before any
				 * thread that writes starts */
		*why = msg("%s: the folder was not looked over before writing",
		    rel);
		return OUT_FAILED;
	}
	if ((fd = page_folder(o, rel, &leaf)) < 0)
		return fail_errno(why, "cannot create the folder of", rel);
	/* Comparing with the old file needs no lock: only this thread writes
	 * rel. */
	changed = file_has(fd, leaf, data, len) != 1;
	if (page_record(o, rel, changed, tmp, sizeof(tmp), &what) < 0)
		return fail_errno(why, what, rel);
	if (!changed)
		return OUT_OK;
	/* put in place when the run ends (site_out_close()) */
	if (write_temporary(fd, tmp, data, len, 1) < 0)
		return fail_errno(why, "cannot write", rel);
	pthread_mutex_lock(&o->lock);
	if ((rc = pending_add(o, fd, tmp, rel)) == 0)
		o->written++;
	pthread_mutex_unlock(&o->lock);
	if (rc < 0) {
		unlinkat(fd, tmp, 0);
		*why = msg("out of memory");
		return OUT_FAILED;
	}
	return OUT_OK;
}

/* Is p of the old manifest not written by this run? */
static int
is_stale(const site_out *o, const char *p)
{
	return !set_has(&o->now, p);
}

/* Writes the manifest whole: this run's files, then, with_stale, those
 * of the old manifest it did not write, under "# stale". */
static int
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

/* Opens the folder rel (its first n bytes, "" or ending in '/') below
 * the folder rootfd, each name without following a link, making none.
 * Returns a descriptor to close, or -1. */
static int
open_below(int rootfd, const char *rel, size_t n)
{
	char name[PATH_MAX];
	const char *slash;
	size_t k;
	int fd = dup(rootfd), next;

	while (fd >= 0 && n > 0 && (slash = memchr(rel, '/', n)) != NULL) {
		k = (size_t)(slash - rel);
		if (k >= sizeof(name)) {
			close(fd);
			return -1;
		}
		memcpy(name, rel, k);
		name[k] = '\0';
		next = open_child(fd, name);
		close(fd);
		fd = next;
		rel += k + 1;
		n -= k + 1;
	}
	return fd;
}

/* Removes p (a path of the manifest, or a temporary file) when it is what
 * kith makes: a regular file, or an empty folder for a path ending in
 * '/'.  Nothing on the way is followed when it is a link. */
static void
remove_entry(site_out *o, const char *p)
{
	char leaf[PATH_MAX];
	size_t n = strlen(p), at;
	int folder = n > 0 && p[n - 1] == '/', fd;
	struct stat st;

	n -= folder;
	for (at = n; at > 0 && p[at - 1] != '/'; at--)
		;
	if (n == at || n - at >= sizeof(leaf) ||
	    (fd = open_below(o->dirfd, p, at)) < 0)
		return;
	memcpy(leaf, p + at, n - at);
	leaf[n - at] = '\0';
	if (fstatat(fd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    (folder ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)))
		unlinkat(fd, leaf, folder ? AT_REMOVEDIR : 0);	/* a folder
								 * only if empty */
	close(fd);
}

/* Removes the temporary files interrupted runs left, then what the old
 * manifest has and this run did not write: files first, then folders,
 * deepest first (sorted backwards). */
static void
remove_stale(site_out *o)
{
	size_t i;

	for (i = 0; i < o->temps_left.n; i++)
		remove_entry(o, o->temps_left.v[i]);
	for (i = o->old.n; i-- > 0;)
		if (is_stale(o, o->old.v[i]))
			remove_entry(o, o->old.v[i]);
}

/* Puts every page of the run in place.  Returns 0, or -1 with errno and
 * *failed the page that could not be. */
static int
commit_pages(site_out *o, const char **failed)
{
	const char *leaf;
	pending *p;
	size_t i;

	for (i = 0; i < o->npending; i++) {
		p = &o->pending[i];
		leaf = strrchr(p->rel, '/');
		leaf = leaf ? leaf + 1 : p->rel;
		if (renameat(p->fd, p->tmp, p->fd, leaf) < 0) {
			*failed = p->rel;
			return -1;
		}
		free(p->tmp);
		p->tmp = NULL;
		o->committed = 1;
	}
	return 0;
}

/* The manifest after a failed run: the paths of the old manifest and of
 * this run's records that the folder holds, without the inputs (the next
 * run makes the pages again). */
static int
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

/* Takes back what a failed run made: its temporary files, the folders it
 * made (when they stayed empty), its records in the manifest; and removes
 * the temporary files stopped runs left.  The folder is the last good site
 * again, and the space the run found is there for the next. */
static void
roll_back(site_out *o)
{
	size_t i;

	for (i = 0; i < o->npending; i++)
		if (o->pending[i].tmp != NULL)
			unlinkat(o->pending[i].fd, o->pending[i].tmp, 0);
	for (i = 0; i < o->temps_left.n; i++)
		remove_entry(o, o->temps_left.v[i]);
	set_sort(&o->made);
	for (i = o->made.n; i-- > 0;)
		remove_entry(o, o->made.v[i]);
	manifest_write_back(o);
}

/* A run that succeeded: when files went stale, the manifest is written
 * with them marked stale, they are removed, and the manifest is written
 * again without them; so a run killed at any point leaves a manifest that
 * lists every file of kith's and claims none that is gone. */
static out_status
finish(site_out *o, char **why)
{
	size_t i, nstale = 0;

	set_sort(&o->old);
	set_sort(&o->now);
	for (i = 0; i < o->old.n; i++)
		nstale += is_stale(o, o->old.v[i]);
	if (nstale > 0 && manifest_write(o, 1) < 0)
		return fail_errno(why, "cannot write the manifest in", o->dir);
	remove_stale(o);
	if (manifest_write(o, 0) < 0)
		return fail_errno(why, "cannot write the manifest in", o->dir);
	return OUT_OK;
}

static void
site_out_free(site_out *o)
{
	size_t i;

	for (i = 0; i < o->npending; i++) {
		free(o->pending[i].tmp);
		free(o->pending[i].rel);
	}
	free(o->pending);
	for (i = 0; i < o->nfolders; i++) {
		close(o->folders[i].fd);
		free(o->folders[i].path);
	}
	free(o->folders);
	if (o->dirfd >= 0)
		close(o->dirfd);
	pthread_mutex_destroy(&o->lock);
	set_free(&o->old);
	set_free(&o->now);
	set_free(&o->made);
	set_free(&o->temps_left);
	free(o->manifest_shown);
	free(o->dir);
	free(o);
}

/* Ends a run: on success, its pages are put in place and what went stale
 * is removed (finish()); a run that failed, or whose pages could not all
 * be put in place, is taken back (roll_back()). */
out_status
site_out_close(site_out *o, int success, char **why)
{
	out_status st = OUT_OK;
	const char *failed;
	int recorded;

	if (o == NULL)
		return OUT_OK;
	recorded = o->journal_fd >= 0 || o->npending > 0;
	if (o->journal_fd >= 0)
		close(o->journal_fd);
	if (success && commit_pages(o, &failed) < 0) {
		st = fail_errno(why, "cannot write", failed);
		success = 0;
	}
	if (success)
		st = finish(o, why);
	else if (recorded)
		roll_back(o);
	site_out_free(o);
	return st;
}

int
site_out_fresh(const site_out *o, const char *fingerprint, size_t *pages)
{
	size_t n = strlen(fingerprint);
	char *end;

	if (n == 0 || strncmp(o->inputs_old, fingerprint, n) != 0 ||
	    o->inputs_old[n] != ' ' || o->unsettled || o->ends_open ||
	    o->temps_left.n > 0 || o->found != o->old.n ||
	    later(&o->newest, &o->manifest_time))
		return 0;
	*pages = strtoul(o->inputs_old + n + 1, &end, 10);
	return *end == '\0';
}

void
site_out_inputs(site_out *o, const char *fingerprint, size_t pages)
{
	snprintf(o->inputs, sizeof(o->inputs), "%s %zu", fingerprint, pages);
}

size_t
site_out_files(const site_out *o)
{
	size_t i, n = 0, len;

	for (i = 0; i < o->old.n; i++)
		n += (len = strlen(o->old.v[i])) > 0 && o->old.v[i][len - 1] != '/';
	return n;
}

size_t
site_out_written(const site_out *o)
{
	return o->written;
}

size_t
site_out_unchanged(const site_out *o)
{
	return o->unchanged;
}
