/*
 * folder.c: the folder a site is written into: found (-o, or kith.yaml's
 * site: reached one folder at a time, no symbolic link on the way),
 * checked (not the journal; nothing there kith did not write), and looked
 * over to tell whether it is as the last run left it.
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

/* Finds a file in the folder that kith did not write (rel is the folder's
 * path from the output root, "" for the root).  Returns 1 and sets *found,
 * 0 when all is kith's, -1 on an OS failure. */
int
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
int
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

out_status
fail_errno(char **why, const char *what, const char *path)
{
	*why = msg("%s %s: %s", what, path, strerror(errno));
	return OUT_FAILED;
}

/* Opens the folder name in the folder fd, not following a link.  Returns
 * its descriptor, or -1 with errno (ELOOP or ENOTDIR: not a folder). */
int
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
out_status
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
out_status
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
char *
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
out_status
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
out_status
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
