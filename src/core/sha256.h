/*
 * sha256.h - SHA-256 (FIPS 180-4), for import-log checksums and the
 * framework checksum carried in outputs.
 */
#ifndef CIDX_SHA256_H
#define CIDX_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct cidx_sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char blk[64];
	size_t nblk;
	int hw; /* 1: with the CPU's SHA instructions (set by init when the
	         * CPU has them; 0 forces the portable code) */
};

/*! cidx_sha256_hw() : whether this CPU has the SHA instructions used. */
int cidx_sha256_hw(void);

void cidx_sha256_init(struct cidx_sha256 *s);
void cidx_sha256_update(struct cidx_sha256 *s, const void *data, size_t n);
/*! cidx_sha256_hex() : finishes and writes 64 lowercase hex digits + NUL. */
void cidx_sha256_hex(struct cidx_sha256 *s, char out[65]);
void cidx_sha256_buf(const void *data, size_t n, char out[65]);

#endif
