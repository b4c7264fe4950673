/*
 * output.c: the site's output folder.  kith writes every file whole (a
 * temporary file, then rename; a new file without a name, then a link to
 * it, where Linux can: write_unnamed()), leaves unchanged files alone, and
 * keeps a manifest of what it wrote, so that a rebuild removes only its own
 * stale files and a folder holding anything else is refused.  Before a
 * file kith has not written here before is created, its name is added to
 * the manifest, so an interrupted run never leaves a file the next run
 * would take for someone else's.
 *
 * The manifest: a comment line, the site's files and folders (folders end
 * in '/'), one a line, sorted.  A run appends what it is about to create
 * under "# being written"; before it removes stale files it writes the
 * manifest whole with them under "# stale", so that at every moment the
 * manifest claims only files that exist (or are being made), and owns
 * every file kith may have left.
 */
#define _GNU_SOURCE	/* O_TMPFILE (Linux), where there is one */
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

#include "site/paths.h"
#include "site/site.h"

#define MANIFEST ".kith-manifest"
#define MANIFEST_HEAD "# kith site: the files kith wrote here; kith removes only these\n"
#define TMP_PREFIX ".kith-tmp-"
#define PENDING_HEAD "# being written\n"
#define STALE_HEAD "# stale: kith is removing these\n"
#define INPUTS_HEAD "# inputs: "	/* the fingerprint and page count */
#define INPUTS_MAX 96

struct site_out {
	char *dir;
	int dirfd;
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

/* Reads the manifest (if any) into o->old. */
static int
manifest_read(site_out *o)
{
	char line[PATH_MAX + 2];
	struct stat st;
	FILE *f;
	int fd;
	size_t n, k;

	if ((fd = openat(o->dirfd, MANIFEST, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return errno == ENOENT ? 0 : -1;
	if ((f = fdopen(fd, "r")) == NULL) {
		close(fd);
		return -1;
	}
	if (fstat(fd, &st) == 0)
		o->manifest_time = st.st_mtim;
	while (fgets(line, sizeof(line), f) != NULL) {
		n = strlen(line);
		if (n == 0 || line[n - 1] != '\n') {
			/* cut short (a full disk): recorded before its file
			 * was made, so there is no file; append after it on a
			 * line of its own */
			o->ends_open = 1;
			break;
		}
		line[--n] = '\0';
		k = sizeof(INPUTS_HEAD) - 1;
		if (strncmp(line, INPUTS_HEAD, k) == 0 &&
		    n - k < sizeof(o->inputs_old))
			memcpy(o->inputs_old, line + k, n - k + 1);
		else if (is_head(line, n, PENDING_HEAD) ||
		    is_head(line, n, STALE_HEAD))
			o->unsettled = 1;
		if (n == 0 || line[0] == '#')
			continue;
		if (set_add(&o->old, line) < 0) {
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	return 0;
}

static int
later(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec != b->tv_sec ? a->tv_sec > b->tv_sec :
	    a->tv_nsec > b->tv_nsec;
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
		if (strncmp(v[i].name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0) {
			/* left by an interrupted run: kith's, removed once
			 * this run succeeds */
			if (!dir && set_add(&o->temps_left, path) < 0)
				rc = -1;
			continue;
		}
		if (!set_has(&o->old, path)) {
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
			ok &= v[i].ok && set_has(&o->old, path);
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

/* Is dir the journal root, or inside nothing else of ours to worry about? */
static int
same_folder(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static out_status
check_folder(const char *dir, const char *journal_root, char **why)
{
	struct stat st;
	char bare[PATH_MAX];
	size_t n = strlen(dir);

	/* "link/" would follow the link: look at "link" */
	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n >= sizeof(bare)) {
		*why = msg("%s: the name is too long", dir);
		return OUT_REFUSED;
	}
	memcpy(bare, dir, n);
	bare[n] = '\0';
	if (lstat(bare, &st) == 0 && S_ISLNK(st.st_mode)) {
		*why = msg("%s is a symbolic link: kith writes only into a "
		    "real folder", dir);
		return OUT_REFUSED;
	}
	if (same_folder(dir, journal_root)) {
		*why = msg("%s is the journal itself: write the site into a "
		    "folder of its own (kith.yaml site:, or -o)", dir);
		return OUT_REFUSED;
	}
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return fail_errno(why, "cannot create", dir);
	if (lstat(dir, &st) < 0)
		return fail_errno(why, "cannot read", dir);
	if (!S_ISDIR(st.st_mode)) {
		*why = msg("%s is not a folder", dir);
		return OUT_REFUSED;
	}
	return OUT_OK;
}

out_status
site_out_open(const char *dir, const char *journal_root, site_out **out,
    char **why)
{
	site_out *o;
	out_status st;

	*out = NULL;
	*why = NULL;
	if ((st = check_folder(dir, journal_root, why)) != OUT_OK)
		return st;
	if ((o = calloc(1, sizeof(*o))) == NULL || (o->dir = strdup(dir)) == NULL) {
		free(o);
		*why = msg("out of memory");
		return OUT_FAILED;
	}
	o->journal_fd = -1;
	pthread_mutex_init(&o->lock, NULL);
	o->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (o->dirfd < 0) {
		st = fail_errno(why, "cannot read", dir);
		goto err;
	}
	/* One kith at a time in a folder: the lock goes with the process. */
	if (flock(o->dirfd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK) {
			*why = msg("%s: another kith is writing the site there",
			    dir);
			st = OUT_REFUSED;
		} else {
			st = fail_errno(why, "cannot lock", dir);
		}
		goto err;
	}
	if (manifest_read(o) < 0) {
		st = fail_errno(why, "cannot read", dir);
		goto err;
	}
	if (!settled(o) && (st = site_out_claim(o, why)) != OUT_OK)
		goto err;
	*out = o;
	return OUT_OK;
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

/* Creates the folders of rel, each recorded. */
static int
make_parents(site_out *o, const char *rel)
{
	char path[PATH_MAX];
	const char *slash;
	size_t n;

	for (slash = strchr(rel, '/'); slash; slash = strchr(slash + 1, '/')) {
		n = (size_t)(slash - rel) + 1;
		if (n >= sizeof(path))
			return -1;
		memcpy(path, rel, n);
		path[n] = '\0';
		if (set_has(&o->now, path))
			continue;
		if (journal_add(o, path) < 0 || set_add(&o->now, path) < 0)
			return -1;
		path[n - 1] = '\0';
		if (mkdirat(o->dirfd, path, 0755) < 0 && errno != EEXIST)
			return -1;
	}
	return 0;
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

	fd = openat(dirfd, rel, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
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

/*
 * Writes a file where there is none: as a file without a name in rel's
 * folder (O_TMPFILE), given its name once it is whole.  Nothing is left
 * behind when kith is stopped meanwhile, and the folder is locked once, by
 * the link, where a temporary file and a rename lock it twice.  Returns 0;
 * 1 when this system cannot (no O_TMPFILE on this file system, no /proc,
 * or a file of that name appeared): the caller writes it the usual way;
 * -1 with errno when writing failed.
 */
static int
write_unnamed(int dirfd, const char *rel, const char *data, size_t len)
{
#if defined(O_TMPFILE)
	char dir[PATH_MAX], proc[64];
	const char *slash = strrchr(rel, '/');
	size_t n = slash ? (size_t)(slash - rel) : 0;
	int fd, err;

	if (n >= sizeof(dir))
		return 1;
	memcpy(dir, slash ? rel : ".", slash ? n : 1);
	dir[slash ? n : 1] = '\0';
	if ((fd = openat(dirfd, dir, O_TMPFILE | O_WRONLY | O_CLOEXEC,
	    0644)) < 0)
		return 1;
	if (write_all(fd, data, len) < 0) {
		err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, dirfd, rel, AT_SYMLINK_FOLLOW) < 0) {
		close(fd);
		return 1;
	}
	if (close(fd) < 0) {	/* a late write error: the file is not whole */
		err = errno;
		unlinkat(dirfd, rel, 0);
		errno = err;
		return -1;
	}
	return 0;
#else
	(void)dirfd;
	(void)rel;
	(void)data;
	(void)len;
	return 1;
#endif
}

/* Writes rel whole as the temporary file tmp, then renames it; a page's
 * temporary name is its own (O_EXCL), the manifest's is taken over when a
 * stopped run left it.  Returns 0, or -1 with errno (and no temporary
 * file left). */
static int
write_renamed(int dirfd, const char *tmp, const char *rel, const char *data,
    size_t len, int own)
{
	int fd, err, rc;

	fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC |
	    (own ? O_EXCL : O_TRUNC), 0644);
	if (fd < 0)
		return -1;
	rc = write_all(fd, data, len);
	err = errno;
	if (close(fd) < 0 && rc == 0) {
		rc = -1;
		err = errno;
	}
	if (rc == 0 && renameat(dirfd, tmp, dirfd, rel) < 0) {
		rc = -1;
		err = errno;
	}
	if (rc < 0) {
		unlinkat(dirfd, tmp, 0);
		errno = err;
	}
	return rc;
}

/* The bookkeeping of a page about to be written, under the lock: its
 * folders made and recorded, the page recorded, a temporary name taken.
 * Returns 0, or -1 with errno set and *what saying which step failed. */
static int
page_record(site_out *o, const char *rel, int changed, char *tmp,
    size_t tmpsize, const char **what)
{
	const char *slash;
	int rc = -1, err;

	pthread_mutex_lock(&o->lock);
	*what = "cannot create the folder of";
	if (make_parents(o, rel) < 0)
		goto out;
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
	/* The temporary file sits beside its final name (same file system). */
	slash = strrchr(rel, '/');
	snprintf(tmp, tmpsize, "%.*s%s%ld-%zu",
	    slash ? (int)(slash - rel + 1) : 0, rel, TMP_PREFIX, (long)getpid(),
	    ++o->temps);
	rc = 0;
out:
	err = errno;
	pthread_mutex_unlock(&o->lock);
	errno = err;
	return rc;
}

out_status
site_out_write(site_out *o, const char *rel, const char *data, size_t len,
    char **why)
{
	char tmp[PATH_MAX + 64];
	const char *what;
	int changed, has, rc;

	if (!o->walked) {	/* site_out_claim() first: set before any
				 * thread that writes starts */
		*why = msg("%s: the folder was not looked over before writing",
		    rel);
		return OUT_FAILED;
	}
	/* Comparing with the old file needs no lock: only this thread writes
	 * rel.  Its folder may not exist yet: then it is changed. */
	has = file_has(o->dirfd, rel, data, len);
	changed = has != 1;
	if (page_record(o, rel, changed, tmp, sizeof(tmp), &what) < 0)
		return fail_errno(why, what, rel);
	if (!changed)
		return OUT_OK;
	/* a new file without a name where the system can, else (and for a
	 * changed file) a temporary one renamed */
	rc = has < 0 ? write_unnamed(o->dirfd, rel, data, len) : 1;
	if (rc > 0)
		rc = write_renamed(o->dirfd, tmp, rel, data, len, 1);
	if (rc < 0)
		return fail_errno(why, "cannot write", rel);
	pthread_mutex_lock(&o->lock);
	o->written++;
	pthread_mutex_unlock(&o->lock);
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

/* Removes the temporary files interrupted runs left, then what the old
 * manifest has and this run did not write: files first, then folders,
 * deepest first (sorted backwards). */
static void
remove_stale(site_out *o)
{
	size_t i, n;
	char *p;

	for (i = 0; i < o->temps_left.n; i++)
		unlinkat(o->dirfd, o->temps_left.v[i], 0);
	for (i = o->old.n; i-- > 0;) {
		p = o->old.v[i];
		if (!is_stale(o, p))
			continue;
		n = strlen(p);
		if (n > 0 && p[n - 1] == '/') {
			p[n - 1] = '\0';
			unlinkat(o->dirfd, p, AT_REMOVEDIR);	/* only if empty */
			p[n - 1] = '/';
		} else {
			unlinkat(o->dirfd, p, 0);
		}
	}
}

/* Ends a run.  On success: when files went stale, the manifest is written
 * with them marked stale, they are removed, and the manifest is written
 * again without them; so a run killed at any point leaves a manifest that
 * lists every file of kith's and claims none that is gone. */
out_status
site_out_close(site_out *o, int success, char **why)
{
	out_status st = OUT_OK;
	size_t i, nstale = 0;

	if (o == NULL)
		return OUT_OK;
	if (o->journal_fd >= 0)
		close(o->journal_fd);
	if (success) {
		set_sort(&o->old);
		set_sort(&o->now);
		for (i = 0; i < o->old.n; i++)
			nstale += is_stale(o, o->old.v[i]);
		if (nstale > 0 && manifest_write(o, 1) < 0)
			st = fail_errno(why, "cannot write the manifest in", o->dir);
		if (st == OUT_OK)
			remove_stale(o);
		if (st == OUT_OK && manifest_write(o, 0) < 0)
			st = fail_errno(why, "cannot write the manifest in", o->dir);
	}
	if (o->dirfd >= 0)
		close(o->dirfd);
	pthread_mutex_destroy(&o->lock);
	set_free(&o->old);
	set_free(&o->now);
	set_free(&o->temps_left);
	free(o->dir);
	free(o);
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
