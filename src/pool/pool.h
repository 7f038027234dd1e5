/*
 * pool: a fixed set of pthreads working through jobs, either known up
 * front (pool_run: workers claim job indices with an atomic counter) or
 * handed over one by one while the pool runs (pool_feed: a queue under a
 * mutex, costliest job first). Workers build their per-thread state
 * lazily on their own thread the first time they take a job, and write
 * results only into their job. Knows nothing of slides.
 */
#ifndef S2P_POOL_POOL_H
#define S2P_POOL_POOL_H

#include "base/base.h"

#include <stdatomic.h>
#include <stddef.h>

/* Called on the worker thread before its first job; returns its state
 * (may be NULL). */
typedef void *(*pool_start_fn)(void *user);
/* Process job @job (an index into the caller's jobs). Never fails: the
 * outcome goes into the job itself. */
typedef void (*pool_work_fn)(void *user, void *state, size_t job);
/* Called on the worker thread after its last job, if start was called. */
typedef void (*pool_stop_fn)(void *user, void *state);

/*
 * Run @n_jobs jobs on @n_threads threads (capped at @n_jobs), in the order
 * given by @order (a permutation of 0..n_jobs-1, or NULL for 0,1,2...),
 * and join them all. When *@abort becomes non-zero, workers stop claiming
 * new jobs. Returns 0, or S2P_EINTERNAL if no thread could be started.
 */
int pool_run(int n_threads, size_t n_jobs, const size_t *order,
             pool_start_fn start, pool_work_fn work, pool_stop_fn stop,
             void *user, const volatile int *abort, s2p_error *err);

typedef struct pool_feed pool_feed;

/*
 * Start @n_threads workers (at least 1) that wait for jobs given with
 * pool_feed_add(). A free worker takes the costliest job waiting (ties:
 * the one added first), so large jobs start early and no worker idles
 * long at the end. When *@abort becomes non-zero, workers stop taking
 * jobs. Returns NULL with @err set if no thread could be started.
 */
pool_feed *pool_feed_start(int n_threads, pool_start_fn start,
                           pool_work_fn work, pool_stop_fn stop, void *user,
                           const volatile int *abort, s2p_error *err);

/* Hand job @job (an index into the caller's jobs) to the workers; the
 * caller must not touch the job again until pool_feed_finish(). Returns
 * 0, or S2P_ENOMEM: the job was not added (the caller fails it). */
int pool_feed_add(pool_feed *f, size_t job, double cost);

/* No more jobs: wait until every job added has run (or, after an abort,
 * was left unstarted), join the workers and free @f. */
void pool_feed_finish(pool_feed *f);

/* Number of online CPUs (at least 1). */
int pool_cpu_count(void);

#endif
