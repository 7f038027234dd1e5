/*
 * Output folders: the folders an output path names are created when
 * missing (as `mkdir -p` would), so `-o previews/<name>/slide_<n>.png`
 * works on a fresh checkout. Runs on the main thread before the pool
 * starts, so workers only ever create files.
 */
#include "output/output.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* Make one folder; an existing folder is fine, anything else is not. */
static int
make_dir(char *dir, s2p_error *err)
{
	struct stat st;
	int e;

	if (mkdir(dir, 0777) == 0)
		return 0;
	e = errno;
	if (e == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (e == EEXIST)
		e = ENOTDIR;
	return S2P_FAIL(err, S2P_EIO, "cannot create the output folder %s: %s",
	                dir, strerror(e));
}

int
out_make_parent_dirs(const char *path, s2p_error *err)
{
	char dir[4096];
	struct stat st;
	char *slash, *p;
	size_t n;

	slash = strrchr(path, '/');
	if (!slash || slash == path)
		return 0;                       /* the working folder or "/" */
	n = (size_t) (slash - path);
	if (n >= sizeof dir)
		return S2P_FAIL(err, S2P_EARG, "output path too long: %s", path);
	memcpy(dir, path, n);
	dir[n] = 0;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;               /* the common case: one stat */
		return S2P_FAIL(err, S2P_EIO, "cannot create the output folder "
		                "%s: %s", dir, strerror(ENOTDIR));
	}
	/* create each missing ancestor, outermost first */
	for (p = dir + 1; *p; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = 0;
		int rc = make_dir(dir, err);
		*p = '/';
		if (rc)
			return rc;
	}
	return make_dir(dir, err);
}
