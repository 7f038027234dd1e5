/*
 * Atomic output for the writers other than png.c: every file is written
 * under a temporary name in the target folder ("<path>.tmp.<pid>.<tid>")
 * and renamed into place, so a reader never sees a partial file; on any
 * failure the temporary file is removed.
 */
#include "output/output.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
out_tmp_name(const char *path, char *tmp, size_t size, s2p_error *err)
{
	if ((size_t) snprintf(tmp, size, "%s.tmp.%ld.%lx", path, (long) getpid(),
	                      (unsigned long) pthread_self()) >= size)
		return S2P_FAIL(err, S2P_EARG, "output path too long: %s", path);
	return 0;
}

int
out_tmp_commit(const char *tmp, const char *path, s2p_error *err)
{
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return S2P_FAIL(err, S2P_EIO, "cannot rename into %s: %s", path,
		                strerror(e));
	}
	return 0;
}

int
out_atomic_write(const char *path, out_write_fn write_fn, void *ctx,
                 s2p_error *err)
{
	char tmp[4096], msg[200] = "";
	FILE *f;
	int rc;

	rc = out_tmp_name(path, tmp, sizeof tmp, err);
	if (rc)
		return rc;
	f = fopen(tmp, "wb");
	if (!f)
		return S2P_FAIL(err, S2P_EIO, "cannot write %s: %s", path,
		                strerror(errno));
	rc = write_fn(f, ctx, msg, sizeof msg);
	if (rc == 0 && fflush(f) != 0)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (rc) {
		int e = errno;
		unlink(tmp);
		if (rc == S2P_ENOMEM)
			return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return S2P_FAIL(err, S2P_EIO, "cannot write %s: %s", path,
		                msg[0] ? msg : strerror(e));
	}
	return out_tmp_commit(tmp, path, err);
}
