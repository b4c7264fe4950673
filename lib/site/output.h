/*
 * output.h: the output folder's insides, shared by output.c (writing pages
 * and closing a run), folder.c (finding and checking the folder),
 * manifest.c (the manifest) and outfile.c (one file, whole), each calling
 * only those after it; private to them.  The interface is site.h's
 * site_out_*().
 */
#ifndef KITH_OUTPUT_H
#define KITH_OUTPUT_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "site/paths.h"
#include "site/site.h"

#define MANIFEST ".kith-manifest"
#define MANIFEST_HEAD "# kith site: the files kith wrote here; kith removes only these\n"
#define TMP_PREFIX ".kith-tmp-"
#define PENDING_HEAD "# being written\n"
#define STALE_HEAD "# stale: kith is removing these\n"
#define INPUTS_HEAD "# inputs: "	/* the fingerprint and page count */
#define INPUTS_MAX 96

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
	size_t nfolders, folders_cap;
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

/* outfile.c: one file, whole; the messages of failures */
char *msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int later(const struct timespec *a, const struct timespec *b);
int write_all(int fd, const char *data, size_t len);
/* Are the bytes of rel data?  1 yes, 0 no, -1 there is no such file. */
int file_has(int dirfd, const char *rel, const char *data, size_t len);
int same_bytes(int dirfd, const char *rel, const char *data, size_t len);
int write_temporary(int dirfd, const char *tmp, const char *data,
    size_t len, int own);
int write_renamed(int dirfd, const char *tmp, const char *rel,
    const char *data, size_t len, int own);

/* manifest.c: the manifest, read and written */
int manifest_read(site_out *o);
int journal_add(site_out *o, const char *rel);
int is_stale(const site_out *o, const char *p);
int manifest_write(site_out *o, int with_stale);
int manifest_write_back(site_out *o);

/* folder.c: the folder kith writes into, found and checked */
int find_foreign(site_out *o, int dirfd, const char *rel, char **found);
int settled(site_out *o);
out_status fail_errno(char **why, const char *what, const char *path);
int open_child(int fd, const char *name);
out_status open_site_setting(const kith_journal *j, int *out, char **why);
out_status open_given(const char *dir, int *out, char **why);
char *manifest_name(const kith_journal *j, const char *dir, int dirfd);
out_status not_the_journal(site_out *o, const char *root, char **why);
out_status take_folder(site_out *o, char **why);

#endif
