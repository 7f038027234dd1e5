/*
 * The worker pool. Each thread claims the next job with atomic_fetch_add;
 * state is created on the worker itself (fonts maps and caches must be
 * built on the thread that uses them). The main thread joins every worker
 * before returning, so job results are complete and visible.
 */
#include "pool/pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct pool_shared {
	atomic_size_t next;
	size_t n_jobs;
	const size_t *order;
	pool_start_fn start;
	pool_work_fn work;
	pool_stop_fn stop;
	void *user;
	const volatile int *abort;
} pool_shared;

static void *
worker_main(void *arg)
{
	pool_shared *sh = arg;
	void *state = NULL;
	int started = 0;

	for (;;) {
		size_t i;

		if (sh->abort && *sh->abort)
			break;
		i = atomic_fetch_add(&sh->next, 1);
		if (i >= sh->n_jobs)
			break;
		if (!started) {
			state = sh->start ? sh->start(sh->user) : NULL;
			started = 1;
		}
		sh->work(sh->user, state, sh->order ? sh->order[i] : i);
	}
	if (started && sh->stop)
		sh->stop(sh->user, state);
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
	sh.start = start;
	sh.work = work;
	sh.stop = stop;
	sh.user = user;
	sh.abort = abort;
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

int
pool_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 1024 ? 1024 : (int) n;
}
