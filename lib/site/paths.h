/*
 * paths.h: what the output folder (output.c) keeps of paths: a set of
 * relative paths, and a folder's entries, looked over fast (paths.c).
 */
#ifndef KITH_PATHS_H
#define KITH_PATHS_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/* A set of relative paths (folders end in '/'): a hash table for lookups,
 * and the list in insertion order, sorted only when listed. */
typedef struct pathset {
	char **v;
	size_t n;
	size_t cap;
	char **slots;
	size_t nslots;
} pathset;

/* Is p in the set? */
int set_has(const pathset *s, const char *p);
/* Adds p unless present.  Returns 0, or -1 when out of memory. */
int set_add(pathset *s, const char *p);
/* Sorts the list (the table is left as it is). */
void set_sort(pathset *s);
void set_free(pathset *s);

/* One entry of a folder being looked over: its name and what fstatat
 * said (ok 0 when it could not: gone meanwhile). */
typedef struct entry {
	char *name;
	struct stat st;
	int ok;
} entry;

/* Stats every entry (fstatat, not following links): a large folder (a
 * site's meetings/) on two threads. */
void stat_all(int dirfd, entry *e, size_t n);
/* The entries of a folder, but "." and "..", into *out (malloc'd, and
 * each name); returns their count, or -1 on an OS failure or when out of
 * memory. */
ssize_t list_folder(int dirfd, entry **out);

#endif
