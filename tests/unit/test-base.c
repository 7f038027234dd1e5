/*
 * Unit tests for base/: arena allocation (16-byte alignment, zeroed
 * memory, oversized requests, strdup/strndup/memdup), checked array
 * allocation, the bounded s2p_buf (S2P_ELIMIT past its maximum), blob
 * reference counting, and s2p_error (first failure wins, formatting).
 */
#include "base/base.h"

#include "tinytest.h"

#include <stdint.h>
#include <stdlib.h>

/* s2p_calloc_array leaves the overflow check to calloc(); glibc returns
 * NULL, but ASan's calloc aborts unless told to return NULL like libc. */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static int
all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static void
test_arena(void)
{
	s2p_arena *a = s2p_arena_new();
	unsigned char *p, *big, *after;
	char *s;
	int aligned = 1, zeroed = 1;
	static const unsigned char bytes[5] = { 1, 2, 3, 0, 5 };

	CHECK(a != NULL);
	CHECK_INT(s2p_arena_used(a), 0);
	/* odd sizes must not break the alignment of the next allocation */
	for (size_t i = 1; i < 200; i++) {
		p = s2p_arena_alloc(a, i);
		if (!p || ((uintptr_t) p & 15) != 0)
			aligned = 0;
		if (!p || !all_zero(p, i))
			zeroed = 0;
		if (p)
			memset(p, 0xAB, i); /* dirty it: later blocks must still be 0 */
	}
	CHECK(aligned);
	CHECK(zeroed);
	CHECK(s2p_arena_used(a) >= 199 * 200 / 2);

	/* a request larger than a chunk gets its own chunk, zeroed, and the
	 * current chunk keeps serving small requests */
	big = s2p_arena_alloc(a, 1000000);
	CHECK(big != NULL);
	CHECK(big && ((uintptr_t) big & 15) == 0);
	CHECK(big && all_zero(big, 1000000));
	if (big) {
		memset(big, 0xCD, 1000000);
		CHECK_INT(big[999999], 0xCD);
	}
	after = s2p_arena_alloc(a, 32);
	CHECK(after != NULL);
	CHECK(after && all_zero(after, 32));
	CHECK(after && (after + 32 <= big || after >= big + 1000000));
	CHECK(s2p_arena_used(a) >= 1000000);

	/* zero-size allocations still give distinct, usable pointers */
	p = s2p_arena_alloc(a, 0);
	CHECK(p != NULL);
	CHECK(p != s2p_arena_alloc(a, 0));

	/* overflowing sizes fail instead of wrapping */
	CHECK(s2p_arena_alloc(a, SIZE_MAX) == NULL);
	CHECK(s2p_arena_alloc(a, SIZE_MAX - 8) == NULL);
	CHECK(s2p_arena_alloc_array(a, SIZE_MAX / 2, 4) == NULL);
	CHECK(s2p_arena_alloc_array(a, 3, 8) != NULL);
	CHECK(s2p_arena_alloc(NULL, 8) == NULL);

	s = s2p_arena_strdup(a, "hello");
	CHECK_STR(s, "hello");
	CHECK(s2p_arena_strdup(a, NULL) == NULL);
	s = s2p_arena_strndup(a, "hello world", 5);
	CHECK_STR(s, "hello");
	s = s2p_arena_strdup(a, "");
	CHECK_STR(s, "");
	p = s2p_arena_memdup(a, bytes, sizeof bytes);
	CHECK(p && memcmp(p, bytes, sizeof bytes) == 0);

	s2p_arena_free(a);
	s2p_arena_free(NULL); /* must be a no-op */
	CHECK_INT(s2p_arena_used(NULL), 0);
}

static void
test_malloc(void)
{
	void *p;
	char *d;
	const char *src = "copy me";

	CHECK(s2p_malloc_array(SIZE_MAX / 2 + 1, 2) == NULL);
	CHECK(s2p_malloc_array(SIZE_MAX, SIZE_MAX) == NULL);
	CHECK(s2p_calloc_array(SIZE_MAX / 4, 8) == NULL);
	p = s2p_realloc_array(NULL, SIZE_MAX / 3, 4);
	CHECK(p == NULL);

	p = s2p_malloc_array(10, 4);
	CHECK(p != NULL);
	free(p);
	/* zero sizes give a freeable non-NULL pointer, not "failure" */
	p = s2p_malloc_array(0, 4);
	CHECK(p != NULL);
	free(p);
	p = s2p_calloc_array(4, 4);
	CHECK(p && all_zero(p, 16));
	free(p);

	d = s2p_strdup(src);
	CHECK_STR(d, "copy me");
	CHECK(d != src);
	free(d);
	CHECK(s2p_strdup(NULL) == NULL);
}

static void
test_buf(void)
{
	s2p_buf b;
	s2p_error err;
	unsigned char chunk[100];
	int rc;

	memset(chunk, 'x', sizeof chunk);
	s2p_error_clear(&err);
	s2p_buf_init(&b, 250);
	CHECK_INT(s2p_buf_append(&b, chunk, 100, &err), 0);
	CHECK_INT(s2p_buf_append(&b, chunk, 100, &err), 0);
	CHECK_INT(b.len, 200);
	CHECK(b.cap <= 250); /* never grows past the limit */
	CHECK_INT(s2p_buf_append(&b, chunk, 50, &err), 0);
	CHECK_INT(b.len, 250);
	CHECK_INT(err.code, S2P_OK);
	rc = s2p_buf_append(&b, chunk, 1, &err);
	CHECK_INT(rc, S2P_ELIMIT);
	CHECK_INT(err.code, S2P_ELIMIT);
	CHECK(strstr(err.msg, "250") != NULL);
	CHECK_INT(b.len, 250); /* a failed append leaves the buffer unchanged */
	CHECK_INT(b.data[249], 'x');
	/* a huge length must not wrap around the check */
	CHECK_INT(s2p_buf_append(&b, chunk, SIZE_MAX, NULL), S2P_ELIMIT);
	s2p_buf_fini(&b);
	CHECK(b.data == NULL);
	CHECK_INT(b.len, 0);

	/* empty appends are fine, even on an empty buffer */
	s2p_buf_init(&b, 10);
	CHECK_INT(s2p_buf_append(&b, NULL, 0, NULL), 0);
	CHECK_INT(b.len, 0);
	s2p_buf_fini(&b);
}

static void
test_blob(void)
{
	unsigned char *data = malloc(4);
	s2p_blob *b, *r;

	memcpy(data, "abcd", 4);
	b = s2p_blob_new(data, 4);
	CHECK(b != NULL);
	if (!b)
		return;
	CHECK_INT(atomic_load(&b->refs), 1);
	CHECK_INT(b->size, 4);
	CHECK(b->data == data);
	r = s2p_blob_ref(b);
	CHECK(r == b);
	CHECK_INT(atomic_load(&b->refs), 2);
	s2p_blob_unref(b);
	CHECK_INT(atomic_load(&r->refs), 1);
	CHECK(memcmp(r->data, "abcd", 4) == 0); /* still alive */
	s2p_blob_unref(r); /* frees; valgrind/ASan catch a double free */
	CHECK(s2p_blob_ref(NULL) == NULL);
	s2p_blob_unref(NULL);
}

static void
test_error(void)
{
	s2p_error err;
	char buf[512];
	char small[8];
	int rc;

	s2p_error_clear(&err);
	CHECK_INT(err.code, S2P_OK);
	CHECK_STR(s2p_error_format(&err, buf, sizeof buf), "no error");

	rc = S2P_FAIL(&err, S2P_EFORMAT, "bad %s %d", "thing", 42);
	CHECK_INT(rc, S2P_EFORMAT);
	CHECK_INT(err.code, S2P_EFORMAT);
	CHECK_STR(err.msg, "bad thing 42");
	CHECK(err.file != NULL && strstr(err.file, "test-base.c") != NULL);
	CHECK(err.line > 0);
	/* the first failure wins; the second still returns its own code */
	rc = S2P_FAIL(&err, S2P_ENOMEM, "later");
	CHECK_INT(rc, S2P_ENOMEM);
	CHECK_INT(err.code, S2P_EFORMAT);
	CHECK_STR(err.msg, "bad thing 42");
	CHECK_STR(s2p_error_format(&err, buf, sizeof buf), "bad thing 42");

	s2p_error_set_part(&err, "/ppt/slides/slide3.xml");
	s2p_error_set_part(&err, "/ppt/other.xml"); /* first part wins too */
	CHECK_STR(err.part, "/ppt/slides/slide3.xml");
	CHECK_STR(s2p_error_format(&err, buf, sizeof buf),
	          "/ppt/slides/slide3.xml: bad thing 42");
	err.xml_line = 17;
	CHECK_STR(s2p_error_format(&err, buf, sizeof buf),
	          "/ppt/slides/slide3.xml:17: bad thing 42");
	/* truncation keeps a NUL inside the buffer */
	s2p_error_format(&err, small, sizeof small);
	CHECK_STR(small, "/ppt/sl");

	/* no message: the code's name stands in */
	s2p_error_clear(&err);
	err.code = S2P_ELIMIT;
	CHECK_STR(s2p_error_format(&err, buf, sizeof buf), s2p_strerror(S2P_ELIMIT));
	CHECK_STR(s2p_strerror(S2P_ELIMIT), "limit exceeded");
	CHECK_STR(s2p_strerror(9999), "unknown error");

	/* NULL error: the code still comes back */
	CHECK_INT(S2P_FAIL(NULL, S2P_EIO, "x"), S2P_EIO);
	/* an overlong message is truncated, not overflowed */
	s2p_error_clear(&err);
	memset(buf, 'm', 400);
	buf[400] = 0;
	S2P_FAIL(&err, S2P_EARG, "%s", buf);
	CHECK_INT(strlen(err.msg), sizeof err.msg - 1);
}

static void
test_str(void)
{
	CHECK(s2p_str_eq("a", "a"));
	CHECK(!s2p_str_eq("a", "b"));
	CHECK(s2p_str_eq(NULL, NULL));
	CHECK(!s2p_str_eq("a", NULL));
	CHECK(s2p_str_starts("slide12.xml", "slide"));
	CHECK(!s2p_str_starts("sl", "slide"));
	CHECK(s2p_str_ends("slide12.xml", ".xml"));
	CHECK(!s2p_str_ends("xml", ".xml"));
	CHECK(!s2p_str_ends(NULL, ".xml"));
}

int
main(void)
{
	test_arena();
	test_malloc();
	test_buf();
	test_blob();
	test_error();
	test_str();
	return TT_DONE();
}
