/*
 * slides2png: SHA-256 checksums (FIPS 180-4), as written into manifests:
 * lowercase hex, the same as sha256sum(1) prints. All functions are
 * reentrant and may be called from any thread.
 */
#ifndef S2P_HASH_H
#define S2P_HASH_H

#include <slides2png/s2p-error.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The SHA-256 of @size bytes at @data (borrowed), as 64 lowercase hex
 * digits and a NUL in @hex (caller's buffer of 65 bytes). Never fails.
 */
void s2p_sha256_hex(const void *data, size_t size, char hex[65]);

/**
 * The SHA-256 of the file at @path, read in 64 KiB pieces, into @hex as
 * for s2p_sha256_hex(). Returns 0, or S2P_EIO with @err filled (and @hex
 * set to "") if the file cannot be opened or read.
 */
int s2p_sha256_file(const char *path, char hex[65], s2p_error *err);

#ifdef __cplusplus
}
#endif
#endif
