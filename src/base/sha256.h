/*
 * base: SHA-256 (FIPS 180-4), incremental. Used for the manifest's
 * checksums of decks and written files; not for anything secret.
 */
#ifndef S2P_BASE_SHA256_H
#define S2P_BASE_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct s2p_sha256_ctx {
	uint32_t h[8];
	uint64_t len;          /* bytes hashed so far */
	unsigned char buf[64]; /* a partial block */
	size_t n;              /* bytes in buf */
} s2p_sha256_ctx;

void s2p_sha256_init(s2p_sha256_ctx *c);
void s2p_sha256_update(s2p_sha256_ctx *c, const void *data, size_t n);
void s2p_sha256_final(s2p_sha256_ctx *c, unsigned char out[32]);

#endif
