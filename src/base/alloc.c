/*
 * Checked allocation, arenas, bounded buffers and refcounted blobs.
 * An arena is a list of chunks; big requests get a chunk of their own.
 */
#include "base.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void *
s2p_malloc_array(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	n *= size;
	return malloc(n ? n : 1);
}

void *
s2p_calloc_array(size_t n, size_t size)
{
	if (!n || !size)
		return calloc(1, 1);
	if (n > SIZE_MAX / size)
		return NULL;
	return calloc(n, size);
}

void *
s2p_realloc_array(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	n *= size;
	return realloc(p, n ? n : 1);
}

char *
s2p_strdup(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

typedef struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	size_t used;
	_Alignas(16) unsigned char data[];
} arena_chunk;

struct s2p_arena {
	arena_chunk *head;
	size_t total;
};

enum { ARENA_CHUNK = 64 * 1024 };

s2p_arena *
s2p_arena_new(void)
{
	return calloc(1, sizeof(s2p_arena));
}

void
s2p_arena_free(s2p_arena *a)
{
	arena_chunk *c, *next;

	if (!a)
		return;
	for (c = a->head; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void *
s2p_arena_alloc(s2p_arena *a, size_t size)
{
	arena_chunk *c;
	size_t want, csize;
	void *p;

	if (!a || size > SIZE_MAX / 2)
		return NULL;
	want = (size + 15) & ~(size_t) 15;
	if (!want)
		want = 16;
	c = a->head;
	if (!c || c->size - c->used < want) {
		csize = want > ARENA_CHUNK / 4 ? want : ARENA_CHUNK;
		c = malloc(sizeof *c + csize);
		if (!c)
			return NULL;
		c->size = csize;
		c->used = 0;
		if (csize == want && a->head) {
			/* oversized: keep the current chunk at the head */
			c->next = a->head->next;
			a->head->next = c;
		}
		else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = c->data + c->used;
	c->used += want;
	a->total += want;
	memset(p, 0, want);
	return p;
}

void *
s2p_arena_alloc_array(s2p_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return s2p_arena_alloc(a, n * size);
}

void *
s2p_arena_memdup(s2p_arena *a, const void *p, size_t size)
{
	void *d = s2p_arena_alloc(a, size);

	if (d && size)
		memcpy(d, p, size);
	return d;
}

char *
s2p_arena_strndup(s2p_arena *a, const char *s, size_t n)
{
	char *d;

	if (!s)
		return NULL;
	d = s2p_arena_alloc(a, n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = 0;
	}
	return d;
}

char *
s2p_arena_strdup(s2p_arena *a, const char *s)
{
	return s ? s2p_arena_strndup(a, s, strlen(s)) : NULL;
}

size_t
s2p_arena_used(const s2p_arena *a)
{
	return a ? a->total : 0;
}

void
s2p_buf_init(s2p_buf *b, size_t max)
{
	memset(b, 0, sizeof *b);
	b->max = max;
}

void
s2p_buf_fini(s2p_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

int
s2p_buf_append(s2p_buf *b, const void *p, size_t n, s2p_error *err)
{
	size_t ncap;
	unsigned char *nd;

	if (n > b->max || b->len > b->max - n)
		return S2P_FAIL(err, S2P_ELIMIT, "buffer limit of %zu bytes exceeded",
		                b->max);
	if (b->len + n > b->cap) {
		ncap = b->cap ? b->cap : 4096;
		while (ncap < b->len + n)
			ncap = ncap > SIZE_MAX / 2 ? SIZE_MAX : ncap * 2;
		if (ncap > b->max)
			ncap = b->max;
		nd = realloc(b->data, ncap ? ncap : 1);
		if (!nd)
			return S2P_FAIL(err, S2P_ENOMEM, "out of memory (%zu bytes)", ncap);
		b->data = nd;
		b->cap = ncap;
	}
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

s2p_blob *
s2p_blob_new(unsigned char *data, size_t size)
{
	s2p_blob *b = malloc(sizeof *b);

	if (!b) {
		free(data); /* takes ownership even on failure */
		return NULL;
	}
	atomic_init(&b->refs, 1);
	b->data = data;
	b->size = size;
	return b;
}

s2p_blob *
s2p_blob_ref(s2p_blob *b)
{
	if (b)
		atomic_fetch_add_explicit(&b->refs, 1, memory_order_relaxed);
	return b;
}

void
s2p_blob_unref(s2p_blob *b)
{
	if (!b)
		return;
	if (atomic_fetch_sub_explicit(&b->refs, 1, memory_order_acq_rel) == 1) {
		free(b->data);
		free(b);
	}
}

int
s2p_str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

int
s2p_str_starts(const char *s, const char *prefix)
{
	return s && prefix && strncmp(s, prefix, strlen(prefix)) == 0;
}

int
s2p_str_ends(const char *s, const char *suffix)
{
	size_t n, m;

	if (!s || !suffix)
		return 0;
	n = strlen(s);
	m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

double
s2p_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}
