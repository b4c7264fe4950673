/*
 * paths.c: a set of relative paths (the manifest's, this run's) and the
 * entries of a folder, for the output folder (output.c).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/names.h"
#include "core/pool.h"
#include "core/vec.h"
#include "site/paths.h"

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

int
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
int
set_add(pathset *s, const char *p)
{
	char **slot;

	if (set_has(s, p))
		return 0;
	if (vec_reserve(&s->v, &s->cap, s->n + 1, sizeof(*s->v)) < 0)
		return -1;
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
void
set_sort(pathset *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), path_cmp);
}

void
set_free(pathset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s->slots);
	memset(s, 0, sizeof(*s));
}

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
void
stat_all(int dirfd, entry *e, size_t n)
{
	stat_job all = { dirfd, e, n }, half[2];

	if (n < STAT_SPLIT) {	/* e may be NULL when n is 0 */
		stat_entries(&all);
		return;
	}
	half[0] = (stat_job){ dirfd, e, n / 2 };
	half[1] = (stat_job){ dirfd, e + n / 2, n - n / 2 };
	pool_run(stat_entries, half, sizeof(half[0]), 2);
}

/* The entries of a folder, but "." and "..", into *out; returns their
 * count, or -1 on an OS failure or when out of memory. */
ssize_t
list_folder(int dirfd, entry **out)
{
	DIR *d;
	struct dirent *e;
	entry *v = NULL;
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
		if (vec_reserve(&v, &cap, n + 1, sizeof(*v)) < 0)
			goto err;
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
