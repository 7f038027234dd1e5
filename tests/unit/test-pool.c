/*
 * Unit tests for pool/pool.c: every job runs exactly once for several
 * thread and job counts, with and without an explicit order; start runs at
 * most once per worker thread, on that thread, and stop once for each
 * start with the state start returned; an abort flag set before the run
 * stops all work; pool_cpu_count() is at least 1.
 */
#include "pool/pool.h"

#include "tinytest.h"

#include <pthread.h>
#include <stdlib.h>

enum { MAX_JOBS = 100, MAX_STATES = 64 };

typedef struct worker_state {
	pthread_t thread;
	int jobs;
	int stopped;
	int wrong_thread;
} worker_state;

typedef struct run {
	atomic_int done[MAX_JOBS];
	atomic_int starts, stops, bad_state, bad_job;
	pthread_mutex_t lock;
	worker_state states[MAX_STATES];
	int n_states;
} run;

static void *
on_start(void *user)
{
	run *r = user;
	worker_state *st = NULL;

	atomic_fetch_add(&r->starts, 1);
	pthread_mutex_lock(&r->lock);
	if (r->n_states < MAX_STATES) {
		st = &r->states[r->n_states++];
		st->thread = pthread_self();
	}
	pthread_mutex_unlock(&r->lock);
	return st;
}

static void
on_work(void *user, void *state, size_t job)
{
	run *r = user;
	worker_state *st = state;

	if (job >= MAX_JOBS) {
		atomic_fetch_add(&r->bad_job, 1);
		return;
	}
	atomic_fetch_add(&r->done[job], 1);
	if (!st || st->stopped)
		atomic_fetch_add(&r->bad_state, 1);
	else {
		if (!pthread_equal(st->thread, pthread_self()))
			st->wrong_thread = 1;
		st->jobs++;
	}
}

static void
on_stop(void *user, void *state)
{
	run *r = user;
	worker_state *st = state;

	atomic_fetch_add(&r->stops, 1);
	if (!st || st->stopped || !pthread_equal(st->thread, pthread_self()))
		atomic_fetch_add(&r->bad_state, 1);
	else
		st->stopped = 1;
}

static void
run_init(run *r)
{
	memset(r, 0, sizeof *r);
	pthread_mutex_init(&r->lock, NULL);
}

static void
check_run(int n_threads, size_t n_jobs, const size_t *order)
{
	run r;
	s2p_error err;
	int once = 1, distinct = 1, same_thread = 1, jobs_sum = 0;
	int rc, starts;

	run_init(&r);
	s2p_error_clear(&err);
	rc = pool_run(n_threads, n_jobs, order, on_start, on_work, on_stop, &r,
	              NULL, &err);
	CHECK_INT(rc, 0);
	CHECK_INT(err.code, S2P_OK);
	for (size_t i = 0; i < MAX_JOBS; i++)
		if (atomic_load(&r.done[i]) != (i < n_jobs ? 1 : 0))
			once = 0;
	if (!once)
		fprintf(stderr, "  threads=%d jobs=%zu: not every job ran once\n",
		        n_threads, n_jobs);
	CHECK(once);
	starts = atomic_load(&r.starts);
	/* at most one start per thread, none without a job */
	CHECK(starts <= (n_threads < 1 ? 1 : n_threads));
	CHECK(starts <= (int) n_jobs);
	CHECK(n_jobs == 0 ? starts == 0 : starts >= 1);
	CHECK_INT(atomic_load(&r.stops), starts);
	CHECK_INT(atomic_load(&r.bad_state), 0);
	CHECK_INT(atomic_load(&r.bad_job), 0);
	for (int i = 0; i < r.n_states; i++) {
		jobs_sum += r.states[i].jobs;
		if (!r.states[i].stopped || r.states[i].jobs == 0)
			distinct = 0;
		if (r.states[i].wrong_thread)
			same_thread = 0;
		for (int j = 0; j < i; j++)
			if (pthread_equal(r.states[i].thread, r.states[j].thread))
				distinct = 0; /* start twice on one thread */
	}
	CHECK(distinct);
	CHECK(same_thread);
	CHECK_INT(jobs_sum, n_jobs);
	pthread_mutex_destroy(&r.lock);
}

static void
test_counts(void)
{
	static const int threads[] = { 1, 2, 8 };
	static const size_t jobs[] = { 0, 1, 3, 100 };

	for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++)
		for (size_t j = 0; j < sizeof jobs / sizeof jobs[0]; j++)
			check_run(threads[t], jobs[j], NULL);
	/* fewer than one thread means one */
	check_run(0, 5, NULL);
	check_run(-3, 5, NULL);
}

/* With one thread, jobs run in exactly the given order. */
static size_t seen_order[MAX_JOBS];
static atomic_size_t n_seen;

static void
record_job(void *user, void *state, size_t job)
{
	size_t k = atomic_fetch_add(&n_seen, 1);

	(void) user;
	(void) state;
	if (k < MAX_JOBS)
		seen_order[k] = job;
}

static void
test_order(void)
{
	size_t order[10];
	int same = 1;

	for (size_t i = 0; i < 10; i++)
		order[i] = (i * 7) % 10; /* a permutation of 0..9 */
	atomic_store(&n_seen, 0);
	CHECK_INT(pool_run(1, 10, order, NULL, record_job, NULL, NULL, NULL, NULL), 0);
	CHECK_INT(atomic_load(&n_seen), 10);
	for (size_t i = 0; i < 10; i++)
		if (seen_order[i] != order[i])
			same = 0;
	CHECK(same);
	/* and with several threads, every job of the permutation once */
	check_run(8, 10, order);
	check_run(2, 10, order);
}

static void
test_abort(void)
{
	run r;
	volatile int abort_flag = 1;
	int rc;

	run_init(&r);
	rc = pool_run(4, 50, NULL, on_start, on_work, on_stop, &r, &abort_flag, NULL);
	CHECK_INT(rc, 0);
	CHECK_INT(atomic_load(&r.starts), 0);
	CHECK_INT(atomic_load(&r.stops), 0);
	{
		int any = 0;
		for (size_t i = 0; i < MAX_JOBS; i++)
			any |= atomic_load(&r.done[i]);
		CHECK(!any);
	}
	pthread_mutex_destroy(&r.lock);

	/* a flag that stays 0 changes nothing */
	abort_flag = 0;
	run_init(&r);
	rc = pool_run(4, 50, NULL, on_start, on_work, on_stop, &r, &abort_flag, NULL);
	CHECK_INT(rc, 0);
	{
		int all = 1;
		for (size_t i = 0; i < 50; i++)
			all &= atomic_load(&r.done[i]) == 1;
		CHECK(all);
	}
	CHECK_INT(atomic_load(&r.stops), atomic_load(&r.starts));
	pthread_mutex_destroy(&r.lock);
}

/* Abort from inside a job: no job starts after the flag is seen. */
static volatile int stop_flag;
static atomic_int ran_after;

static void
abort_at_3(void *user, void *state, size_t job)
{
	(void) user;
	(void) state;
	if (stop_flag)
		atomic_fetch_add(&ran_after, 1);
	if (job == 3)
		stop_flag = 1;
}

static void
test_abort_midway(void)
{
	stop_flag = 0;
	atomic_store(&ran_after, 0);
	CHECK_INT(pool_run(1, 100, NULL, NULL, abort_at_3, NULL, NULL, &stop_flag,
	                   NULL), 0);
	CHECK_INT(atomic_load(&ran_after), 0);
}

int
main(void)
{
	test_counts();
	test_order();
	test_abort();
	test_abort_midway();
	CHECK(pool_cpu_count() >= 1);
	CHECK(pool_cpu_count() <= 1024);
	return TT_DONE();
}
