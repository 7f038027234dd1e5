/*
 * Unit tests for pool/pool.c: every job runs exactly once for several
 * thread and job counts, with and without an explicit order; start runs at
 * most once per worker thread, on that thread, and stop once for each
 * start with the state start returned; an abort flag set before the run
 * stops all work; pool_cpu_count() is at least 1. The feed: every job
 * added runs once whatever the thread count (jobs added while workers
 * run), costliest first (ties in arrival order), and an abort leaves the
 * waiting jobs unstarted.
 */
#include "pool/pool.h"

#include "tinytest.h"

#include <pthread.h>
#include <sched.h>
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

/* Feed @n_jobs jobs to @n_threads workers, one by one. */
static void
check_feed(int n_threads, size_t n_jobs)
{
	run r;
	s2p_error err;
	pool_feed *f;
	int once = 1;

	run_init(&r);
	s2p_error_clear(&err);
	f = pool_feed_start(n_threads, on_start, on_work, on_stop, &r, NULL, &err);
	CHECK(f != NULL);
	if (!f)
		return;
	for (size_t i = 0; i < n_jobs; i++)
		CHECK_INT(pool_feed_add(f, i, (double) (i % 7)), 0);
	pool_feed_finish(f);
	for (size_t i = 0; i < MAX_JOBS; i++)
		if (atomic_load(&r.done[i]) != (i < n_jobs ? 1 : 0))
			once = 0;
	CHECK(once);
	CHECK_INT(atomic_load(&r.stops), atomic_load(&r.starts));
	CHECK(atomic_load(&r.starts) <= (n_threads < 1 ? 1 : n_threads));
	CHECK_INT(atomic_load(&r.bad_state), 0);
	pthread_mutex_destroy(&r.lock);
}

/* With one worker held inside its first job until every other job has
 * been added, the rest run costliest first, ties in arrival order. */
static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cond = PTHREAD_COND_INITIALIZER;
static int gate_open;

static void
gated_job(void *user, void *state, size_t job)
{
	record_job(user, state, job);
	pthread_mutex_lock(&gate_lock);
	while (!gate_open)
		pthread_cond_wait(&gate_cond, &gate_lock);
	pthread_mutex_unlock(&gate_lock);
}

static void
test_feed_order(void)
{
	static const double cost[6] = { 1, 5, 2, 5, 9, 0 };
	static const size_t want[6] = { 0, 4, 1, 3, 2, 5 };
	pool_feed *f;
	int same = 1;

	atomic_store(&n_seen, 0);
	gate_open = 0;
	f = pool_feed_start(1, NULL, gated_job, NULL, NULL, NULL, NULL);
	CHECK(f != NULL);
	if (!f)
		return;
	pool_feed_add(f, 0, cost[0]);
	/* the worker is in job 0 before the others arrive */
	while (atomic_load(&n_seen) == 0)
		sched_yield();
	for (size_t i = 1; i < 6; i++)
		pool_feed_add(f, i, cost[i]);
	pthread_mutex_lock(&gate_lock);
	gate_open = 1;
	pthread_cond_broadcast(&gate_cond);
	pthread_mutex_unlock(&gate_lock);
	pool_feed_finish(f);
	CHECK_INT(atomic_load(&n_seen), 6);
	for (size_t i = 0; i < 6; i++)
		if (seen_order[i] != want[i])
			same = 0;
	CHECK(same);
}

static void
test_feed_abort(void)
{
	run r;
	volatile int abort_flag = 1;
	pool_feed *f;
	int any = 0;

	run_init(&r);
	f = pool_feed_start(3, on_start, on_work, on_stop, &r, &abort_flag, NULL);
	CHECK(f != NULL);
	for (size_t i = 0; f && i < 20; i++)
		pool_feed_add(f, i, 1);
	pool_feed_finish(f);
	for (size_t i = 0; i < MAX_JOBS; i++)
		any |= atomic_load(&r.done[i]);
	CHECK(!any);
	CHECK_INT(atomic_load(&r.starts), 0);
	pthread_mutex_destroy(&r.lock);
}

int
main(void)
{
	test_counts();
	test_order();
	test_abort();
	test_abort_midway();
	for (int t = 0; t <= 8; t += 2)
		for (size_t j = 0; j <= 100; j += 50)
			check_feed(t, j);
	check_feed(1, 3);
	test_feed_order();
	test_feed_abort();
	CHECK(pool_cpu_count() >= 1);
	CHECK(pool_cpu_count() <= 1024);
	return TT_DONE();
}
