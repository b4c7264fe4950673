/*
 * test_pool.c: the one thread pool (lib/core/pool.c) and the one growable
 * array (lib/core/vec.c).
 */
#include "testutil.h"

#include <stdatomic.h>

#include "core/pool.h"
#include "core/vec.h"

typedef struct job {
	size_t from, to;	/* sums [from, to) */
	unsigned long sum;
	pthread_t who;
	_Atomic size_t *calls;
} job;

static void *
sum_range(void *arg)
{
	job *j = arg;
	size_t i;

	for (i = j->from; i < j->to; i++)
		j->sum += i;
	j->who = pthread_self();
	atomic_fetch_add(j->calls, 1);
	return NULL;
}

static void
pool_runs_every_worker_once(void **state)
{
	job w[POOL_MAX + 4];
	_Atomic size_t calls;
	unsigned long total;
	size_t n, k;

	(void)state;
	for (n = 1; n <= POOL_MAX + 4; n++) {
		calls = 0;
		for (k = 0; k < n; k++)
			w[k] = (job){ 1000 * k / n, 1000 * (k + 1) / n, 0, 0,
			    &calls };
		/* more workers than threads: the caller runs the rest */
		pool_run(sum_range, w, sizeof(w[0]), n);
		assert_int_equal(calls, n);
		for (k = 0, total = 0; k < n; k++)
			total += w[k].sum;
		assert_int_equal(total, 999 * 1000 / 2);
		/* worker 0 is the calling thread */
		assert_true(pthread_equal(w[0].who, pthread_self()));
	}
}

static void
pool_start_leaves_worker_zero_to_the_caller(void **state)
{
	job w[4];
	_Atomic size_t calls = 0;
	pool p;
	size_t k;

	(void)state;
	for (k = 0; k < 4; k++)
		w[k] = (job){ k, k + 1, 0, 0, &calls };
	pool_start(&p, sum_range, w, sizeof(w[0]), 4);
	assert_true(p.started <= 3);
	sum_range(&w[0]);
	pool_join(&p);
	assert_int_equal(p.started, 0);
	for (k = 1; k < 4; k++)
		assert_false(pthread_equal(w[k].who, pthread_self()));
	assert_int_equal(w[3].sum, 3);
	/* one worker: no thread at all */
	pool_start(&p, sum_range, w, sizeof(w[0]), 1);
	assert_int_equal(p.started, 0);
	pool_join(&p);
}

static void
pool_size_bounds(void **state)
{
	(void)state;
	assert_int_equal(pool_size(10, 256, POOL_MAX), 1);
	assert_true(pool_size(1000, 256, POOL_MAX) >= 1);
	assert_true(pool_size(1000, 256, POOL_MAX) <= POOL_MAX);
	assert_true(pool_size(0, 0, 3) <= 3);
	assert_int_equal(pool_size(1000, 0, 1), 1);
	assert_true(pool_size(1000, 0, 100) <= POOL_MAX);
}

static void
vec_grows_and_keeps(void **state)
{
	int *v = NULL;
	size_t n = 0, cap = 0, i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		assert_int_equal(vec_reserve(&v, &cap, n + 1, sizeof(*v)), 0);
		assert_true(cap >= n + 1);
		v[n++] = (int)i;
	}
	assert_int_equal(cap, 1024);
	for (i = 0; i < 1000; i++)
		assert_int_equal(v[i], (int)i);
	/* room already there: nothing moves */
	assert_int_equal(vec_reserve(&v, &cap, 10, sizeof(*v)), 0);
	assert_int_equal(cap, 1024);
	vec_fit(&v, &cap, n, sizeof(*v));
	assert_int_equal(cap, 1000);
	assert_int_equal(v[999], 999);
	free(v);
}

static void
vec_refuses_overflow(void **state)
{
	char *v = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(vec_reserve(&v, &cap, SIZE_MAX / 2 + 2, 1), -1);
	assert_int_equal(vec_reserve(&v, &cap, SIZE_MAX / 4, 8), -1);
	assert_null(v);
	assert_int_equal(cap, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pool_runs_every_worker_once),
		cmocka_unit_test(pool_start_leaves_worker_zero_to_the_caller),
		cmocka_unit_test(pool_size_bounds),
		cmocka_unit_test(vec_grows_and_keeps),
		cmocka_unit_test(vec_refuses_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
