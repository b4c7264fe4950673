/*
 * pool.h: the one way kith runs work on several threads.  A job has n
 * workers, each a context in an array the caller owns (worker i's at
 * ctx + i * size); the calling thread is worker 0 and threads run the
 * others.  What the workers share they only read, or take with atomics;
 * what a worker writes is in its own context, and the caller merges the
 * contexts after pool_join(), in worker order, so that the result does not
 * depend on which thread did what.
 */
#ifndef KITH_POOL_H
#define KITH_POOL_H

#include <pthread.h>
#include <stddef.h>

/* The most threads one job uses. */
#define POOL_MAX 8

typedef void *(*pool_fn)(void *ctx);

typedef struct pool {
	pthread_t thread[POOL_MAX];
	size_t started;		/* workers 1 to started have a thread */
} pool;

/* How many workers a job of items gets: the CPUs online, at most max
 * (and POOL_MAX); 1 when there are fewer than min_items or one CPU. */
size_t pool_size(size_t items, size_t min_items, size_t max);

/* Starts a thread running fn for each of workers 1 to n - 1, until one
 * cannot start: p->started says how many did.  The caller then does its
 * own part (worker 0) and calls pool_join(). */
void pool_start(pool *p, pool_fn fn, void *ctx, size_t size, size_t n);
/* Waits for every thread pool_start() started. */
void pool_join(pool *p);

/* Runs fn for each of the n workers and returns when all are done: the
 * calling thread runs worker 0, and any worker whose thread could not
 * start. */
void pool_run(pool_fn fn, void *ctx, size_t size, size_t n);

#endif
