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

#include "core/limits.h"
#include "core/vec.h"
#include "site/output.h"

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

/* The descriptor of the site's folder rel (its first n bytes, "" or ending
 * in '/'): made and recorded when missing, each name opened without
 * following a link, once a run.  Under the lock.  Returns -1 with errno
 * when it cannot. */
static int
folder_fd(site_out *o, const char *rel, size_t n)
{
	char path[PATH_MAX];
	const char *name;
	size_t i;
	int parent, fd;

	if (n == 0)
		return o->dirfd;
	for (i = 0; i < o->nfolders; i++)
		if (strlen(o->folders[i].path) == n &&
		    memcmp(o->folders[i].path, rel, n) == 0)
			return o->folders[i].fd;
	if (n >= sizeof(path) || vec_reserve(&o->folders, &o->folders_cap,
	    o->nfolders + 1, sizeof(*o->folders)) < 0)
		return -1;
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

/* Keeps a page written as tmp until the run ends (under the lock). */
static int
pending_add(site_out *o, int fd, const char *tmp, const char *rel)
{
	if (vec_reserve(&o->pending, &o->pending_cap, o->npending + 1,
	    sizeof(*o->pending)) < 0)
		return -1;
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
