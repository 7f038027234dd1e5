/*
 * The worker pool. With pool_run() each thread claims the next job with
 * atomic_fetch_add; with pool_feed the jobs wait in a binary heap (by
 * cost) under a mutex, and idle workers sleep on a condition variable.
 * State is created on the worker itself (font maps and caches must be
 * built on the thread that uses them). The main thread joins every worker
 * before returning, so job results are complete and visible.
 */
#include "pool/pool.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What every worker does with its jobs, whichever way they are handed
 * out: @claim gives the next job (0: none left, stop). */
typedef struct pool_hooks {
	pool_start_fn start;
	pool_work_fn work;
	pool_stop_fn stop;
	void *user;
	const volatile int *abort;
	int (*claim)(void *src, size_t *job);
	void *src;
} pool_hooks;

/* The worker's life: state built before its first job, on its thread;
 * jobs until none is left or the abort flag is up; stop if it started. */
static void
worker_loop(const pool_hooks *h)
{
	void *state = NULL;
	int started = 0;
	size_t job;

	while (!s2p_flag_get(h->abort) && h->claim(h->src, &job)) {
		if (!started) {
			state = h->start ? h->start(h->user) : NULL;
			started = 1;
		}
		h->work(h->user, state, job);
	}
	if (started && h->stop)
		h->stop(h->user, state);
}

typedef struct pool_shared {
	atomic_size_t next;
	size_t n_jobs;
	const size_t *order;
	pool_hooks hooks;
} pool_shared;

static int
shared_claim(void *src, size_t *job)
{
	pool_shared *sh = src;
	size_t i = atomic_fetch_add(&sh->next, 1);

	if (i >= sh->n_jobs)
		return 0;
	*job = sh->order ? sh->order[i] : i;
	return 1;
}

static void *
worker_main(void *arg)
{
	worker_loop(&((pool_shared *) arg)->hooks);
	return NULL;
}

int
pool_run(int n_threads, size_t n_jobs, const size_t *order,
         pool_start_fn start, pool_work_fn work, pool_stop_fn stop,
         void *user, const volatile int *abort, s2p_error *err)
{
	pool_shared sh;
	pthread_t *threads;
	int n_started = 0;

	if (n_jobs == 0)
		return 0;
	if (n_threads < 1)
		n_threads = 1;
	if ((size_t) n_threads > n_jobs)
		n_threads = (int) n_jobs;
	memset(&sh, 0, sizeof sh);
	atomic_init(&sh.next, 0);
	sh.n_jobs = n_jobs;
	sh.order = order;
	sh.hooks = (pool_hooks) { start, work, stop, user, abort, shared_claim, &sh };
	threads = s2p_calloc_array((size_t) n_threads, sizeof *threads);
	if (!threads)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (int i = 0; i < n_threads; i++) {
		if (pthread_create(&threads[i], NULL, worker_main, &sh) != 0)
			break;
		n_started++;
	}
	if (n_started == 0) {
		free(threads);
		return S2P_FAIL(err, S2P_EINTERNAL, "cannot start worker threads");
	}
	/* fewer threads than asked still finish every job */
	for (int i = 0; i < n_started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	return 0;
}

typedef struct feed_item {
	double cost;
	uint64_t seq;          /* order of arrival, for ties */
	size_t job;
} feed_item;

struct pool_feed {
	pthread_mutex_t lock;
	pthread_cond_t more;   /* a job arrived, or no more will */
	feed_item *heap;       /* max-heap on (cost, -seq) */
	size_t n_heap, cap_heap;
	uint64_t seq;
	int closed;
	pthread_t *threads;
	int n_threads;
	pool_hooks hooks;
};

/* 1 if @a should run before @b. */
static int
feed_before(const feed_item *a, const feed_item *b)
{
	if (a->cost != b->cost)
		return a->cost > b->cost;
	return a->seq < b->seq;
}

static void
feed_swap(feed_item *h, size_t i, size_t j)
{
	feed_item t = h[i];

	h[i] = h[j];
	h[j] = t;
}

/* Lock held: the first job of the heap, removed. */
static size_t
feed_pop(pool_feed *f)
{
	feed_item *h = f->heap;
	size_t job = h[0].job, i = 0;

	h[0] = h[--f->n_heap];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < f->n_heap && feed_before(&h[l], &h[m]))
			m = l;
		if (r < f->n_heap && feed_before(&h[r], &h[m]))
			m = r;
		if (m == i)
			break;
		feed_swap(h, i, m);
		i = m;
	}
	return job;
}

static int
feed_aborted(const pool_feed *f)
{
	return s2p_flag_get(f->hooks.abort);
}

/* Wait for a job, or for the end of the feed (or an abort). */
static int
feed_claim(void *src, size_t *job)
{
	pool_feed *f = src;
	int got;

	pthread_mutex_lock(&f->lock);
	while (f->n_heap == 0 && !f->closed && !feed_aborted(f))
		pthread_cond_wait(&f->more, &f->lock);
	got = f->n_heap > 0 && !feed_aborted(f);
	if (got)
		*job = feed_pop(f);
	pthread_mutex_unlock(&f->lock);
	return got;
}

static void *
feed_worker(void *arg)
{
	worker_loop(&((pool_feed *) arg)->hooks);
	return NULL;
}

static void
feed_free(pool_feed *f)
{
	pthread_cond_destroy(&f->more);
	pthread_mutex_destroy(&f->lock);
	free(f->heap);
	free(f->threads);
	free(f);
}

pool_feed *
pool_feed_start(int n_threads, pool_start_fn start, pool_work_fn work,
                pool_stop_fn stop, void *user, const volatile int *abort,
                s2p_error *err)
{
	pool_feed *f = calloc(1, sizeof *f);

	if (n_threads < 1)
		n_threads = 1;
	if (f)
		f->threads = s2p_calloc_array((size_t) n_threads, sizeof *f->threads);
	if (!f || !f->threads) {
		if (f)
			free(f);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->more, NULL);
	f->hooks = (pool_hooks) { start, work, stop, user, abort, feed_claim, f };
	for (int i = 0; i < n_threads; i++) {
		if (pthread_create(&f->threads[i], NULL, feed_worker, f) != 0)
			break;
		f->n_threads++;
	}
	if (f->n_threads == 0) {
		feed_free(f);
		S2P_FAIL(err, S2P_EINTERNAL, "cannot start worker threads");
		return NULL;
	}
	return f;
}

int
pool_feed_add(pool_feed *f, size_t job, double cost)
{
	feed_item *h;
	size_t i;

	pthread_mutex_lock(&f->lock);
	if (f->n_heap == f->cap_heap) {
		size_t cap = f->cap_heap ? f->cap_heap * 2 : 64;
		h = s2p_realloc_array(f->heap, cap, sizeof *h);
		if (!h) {
			pthread_mutex_unlock(&f->lock);
			return S2P_ENOMEM;
		}
		f->heap = h;
		f->cap_heap = cap;
	}
	h = f->heap;
	i = f->n_heap++;
	h[i].cost = cost;
	h[i].seq = f->seq++;
	h[i].job = job;
	while (i > 0 && feed_before(&h[i], &h[(i - 1) / 2])) {
		feed_swap(h, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
	pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->lock);
	return 0;
}

void
pool_feed_finish(pool_feed *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	f->closed = 1;
	pthread_cond_broadcast(&f->more);
	pthread_mutex_unlock(&f->lock);
	for (int i = 0; i < f->n_threads; i++)
		pthread_join(f->threads[i], NULL);
	feed_free(f);
}

int
pool_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 1024 ? 1024 : (int) n;
}
