/*
 * base: allocation (checked arithmetic, arenas), bounded buffers, strings
 * and reference counts. Everything above base/ builds on these; nothing
 * here knows about slides.
 */
#ifndef S2P_BASE_BASE_H
#define S2P_BASE_BASE_H

#include <slides2png/s2p-error.h>

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#ifdef S2P_TESTING
#define S2P_TESTABLE
#else
#define S2P_TESTABLE static
#endif

#define S2P_CLEAR(fn, p) do { fn(p); (p) = NULL; } while (0)
#define S2P_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define S2P_PI 3.14159265358979323846

/* Allocation with overflow-checked sizes. NULL on failure or overflow. */
void *s2p_malloc_array(size_t n, size_t size);
void *s2p_calloc_array(size_t n, size_t size);
void *s2p_realloc_array(void *p, size_t n, size_t size);
char *s2p_strdup(const char *s);

/*
 * Arena: a bump allocator. Every node of one owner (a presentation, a
 * theme, a master) lives in its arena and is released with it; nothing in
 * an arena is freed individually. Not thread-safe: one owner, one thread
 * at a time.
 */
typedef struct s2p_arena s2p_arena;

s2p_arena *s2p_arena_new(void);
void s2p_arena_free(s2p_arena *a);
/* Zeroed memory, 16-byte aligned. NULL on failure. */
void *s2p_arena_alloc(s2p_arena *a, size_t size);
void *s2p_arena_alloc_array(s2p_arena *a, size_t n, size_t size);
char *s2p_arena_strdup(s2p_arena *a, const char *s);
char *s2p_arena_strndup(s2p_arena *a, const char *s, size_t n);
void *s2p_arena_memdup(s2p_arena *a, const void *p, size_t size);
size_t s2p_arena_used(const s2p_arena *a);

/*
 * Bounded growable buffer for untrusted data: appending past @max fails
 * with S2P_ELIMIT instead of growing without end.
 */
typedef struct s2p_buf {
	unsigned char *data;
	size_t len;
	size_t cap;
	size_t max;
} s2p_buf;

void s2p_buf_init(s2p_buf *b, size_t max);
void s2p_buf_fini(s2p_buf *b);
int s2p_buf_append(s2p_buf *b, const void *p, size_t n, s2p_error *err);

/*
 * Refcounted immutable byte blob (media, part bytes). Shared read-only
 * between threads after loading; the count is atomic.
 */
typedef struct s2p_blob {
	atomic_int refs;
	size_t size;
	unsigned char *data;
} s2p_blob;

/* Takes ownership of @data (malloc'ed). Returns a new reference. */
s2p_blob *s2p_blob_new(unsigned char *data, size_t size);
s2p_blob *s2p_blob_ref(s2p_blob *b);
void s2p_blob_unref(s2p_blob *b);

/* Strings. */
int s2p_str_eq(const char *a, const char *b);          /* NULL-safe */
int s2p_str_starts(const char *s, const char *prefix);
int s2p_str_ends(const char *s, const char *suffix);

/* A cancel flag, set from a signal handler or another thread and read by
 * workers: loaded and stored atomically (relaxed: it carries no data),
 * never as a plain int, which would be a data race. get is NULL-safe. */
static inline int
s2p_flag_get(const volatile int *flag)
{
	return flag && __atomic_load_n(flag, __ATOMIC_RELAXED);
}

static inline void
s2p_flag_set(volatile int *flag)
{
	__atomic_store_n(flag, 1, __ATOMIC_RELAXED);
}

/* Monotonic milliseconds, for timings and deadlines. */
double s2p_now_ms(void);

#endif
