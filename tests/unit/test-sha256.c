/*
 * Unit tests for base/sha256.c against the FIPS 180-4 example vectors
 * (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf"): "", "abc", the 448-bit
 * and 896-bit messages, one million 'a', fed whole and in odd pieces so
 * every path through the block buffer is taken, plus s2p_sha256_file().
 */
#include "base/base.h"
#include "base/sha256.h"

#include <slides2png/s2p-hash.h>

#include "tinytest.h"

#include <stdio.h>
#include <stdlib.h>

static void
hex_of_pieces(const char *msg, size_t len, size_t piece, char hex[65])
{
	s2p_sha256_ctx c;
	unsigned char d[32];

	s2p_sha256_init(&c);
	for (size_t off = 0; off < len; off += piece)
		s2p_sha256_update(&c, msg + off, len - off < piece ? len - off : piece);
	s2p_sha256_final(&c, d);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

static void
test_vectors(void)
{
	static const struct { const char *msg, *hex; } v[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		  "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	};
	static const size_t pieces[] = { 1, 3, 55, 56, 63, 64, 65, 1000 };
	char hex[65];

	for (size_t i = 0; i < S2P_ARRAY_LEN(v); i++) {
		s2p_sha256_hex(v[i].msg, strlen(v[i].msg), hex);
		CHECK_STR(hex, v[i].hex);
		for (size_t k = 0; k < S2P_ARRAY_LEN(pieces); k++) {
			hex_of_pieces(v[i].msg, strlen(v[i].msg), pieces[k], hex);
			CHECK_STR(hex, v[i].hex);
		}
	}
}

/* Lengths around the padding boundary (55, 56, 64 bytes of 'a'). */
static void
test_padding(void)
{
	char msg[128], hex[65];

	memset(msg, 'a', sizeof msg);
	s2p_sha256_hex(msg, 55, hex);
	CHECK_STR(hex, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	s2p_sha256_hex(msg, 56, hex);
	CHECK_STR(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
	s2p_sha256_hex(msg, 64, hex);
	CHECK_STR(hex, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

static void
test_million_a(void)
{
	size_t n = 1000000;
	char *msg = malloc(n), hex[65];

	CHECK(msg != NULL);
	if (!msg)
		return;
	memset(msg, 'a', n);
	s2p_sha256_hex(msg, n, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	hex_of_pieces(msg, n, 4097, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(msg);
}

static void
test_file(void)
{
	char path[] = "/tmp/s2p-test-sha256-XXXXXX", hex[65];
	s2p_error err;
	FILE *f;
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	f = fdopen(fd, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("abc", f);
	fclose(f);
	s2p_error_clear(&err);
	CHECK_INT(s2p_sha256_file(path, hex, &err), 0);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	remove(path);
	CHECK_INT(s2p_sha256_file(path, hex, &err), S2P_EIO);
	CHECK_STR(hex, "");
	CHECK_INT(err.code, S2P_EIO);
}

int
main(void)
{
	test_vectors();
	test_padding();
	test_million_a();
	test_file();
	return TT_DONE();
}
