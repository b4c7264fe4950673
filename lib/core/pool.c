/*
 * pool.c: workers on threads (see pool.h).
 */
#include <unistd.h>

#include "core/pool.h"

size_t
pool_size(size_t items, size_t min_items, size_t max)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (max > POOL_MAX)
		max = POOL_MAX;
	if (items < min_items || cpus < 2 || max < 2)
		return 1;
	return (size_t)cpus > max ? max : (size_t)cpus;
}

void
pool_start(pool *p, pool_fn fn, void *ctx, size_t size, size_t n)
{
	char *at = ctx;
	size_t k;

	p->started = 0;
	if (n > POOL_MAX)
		n = POOL_MAX;
	for (k = 1; k < n; k++) {
		if (pthread_create(&p->thread[k], NULL, fn, at + k * size) != 0)
			break;
		p->started++;
	}
}

void
pool_join(pool *p)
{
	size_t k;

	for (k = 1; k <= p->started; k++)
		pthread_join(p->thread[k], NULL);
	p->started = 0;
}

void
pool_run(pool_fn fn, void *ctx, size_t size, size_t n)
{
	char *at = ctx;
	pool p;
	size_t k;

	pool_start(&p, fn, ctx, size, n);
	fn(at);
	for (k = p.started + 1; k < n; k++)
		fn(at + k * size);
	pool_join(&p);
}
