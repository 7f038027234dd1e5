/*
 * The fuzz targets as plain programs: run fuzz_one() on every file named
 * on the command line, and on every file in every directory named (sorted,
 * so runs are reproducible). A file X with a sibling X.expect is a
 * regression case: its outcome line must equal the first line of X.expect.
 * Exit status 0 if every input ran and every expectation held, else 1.
 * Crashes, hangs and sanitizer reports are left to the sanitizers and to
 * ctest's timeout.
 */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_INPUT = 16 << 20 };

/* Read the file @path into a malloc'd buffer; NULL (with a message) on
 * failure. */
static unsigned char *
read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0;

	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return NULL;
	}
	buf = malloc(MAX_INPUT + 1);
	if (buf)
		n = fread(buf, 1, MAX_INPUT + 1, f);
	if (!buf || ferror(f) || n > MAX_INPUT) {
		fprintf(stderr, "%s: unreadable or over %d bytes\n", path, MAX_INPUT);
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);

	return a >= b && !strcmp(s + a - b, tail);
}

/* The expected outcome of @path from "@path.expect" into @out: 1 if there
 * is one, 0 if not, -1 if it cannot be read. */
static int
read_expect(const char *path, char *out, size_t size)
{
	char name[4096];
	FILE *f;

	if ((size_t) snprintf(name, sizeof name, "%s.expect", path) >= sizeof name)
		return -1;
	f = fopen(name, "r");
	if (!f)
		return errno == ENOENT ? 0 : -1;
	if (!fgets(out, (int) size, f))
		out[0] = '\0';
	fclose(f);
	out[strcspn(out, "\n")] = '\0';
	return 1;
}

static int
replay_file(const char *path)
{
	char outcome[1024] = "", expect[1024];
	unsigned char *data;
	size_t size;
	int has;

	data = read_all(path, &size);
	if (!data)
		return 1;
	fuzz_one(data, size, outcome, sizeof outcome);
	free(data);
	has = read_expect(path, expect, sizeof expect);
	if (has < 0) {
		fprintf(stderr, "%s: cannot read its .expect file\n", path);
		return 1;
	}
	if (has && strcmp(outcome, expect)) {
		fprintf(stderr, "%s: outcome \"%s\", expected \"%s\"\n", path, outcome,
		        expect);
		return 1;
	}
	printf("%s: %s\n", path, outcome);
	return 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static int
replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, path[4096];
	size_t n = 0, cap = 0;
	int failed = 0;

	if (!d) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		char **grown;
		if (de->d_name[0] == '.' || ends_with(de->d_name, ".expect"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			grown = realloc(names, cap * sizeof *names);
			if (!grown)
				break;
			names = grown;
		}
		names[n] = strdup(de->d_name);
		if (names[n])
			n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		if ((size_t) snprintf(path, sizeof path, "%s/%s", dir, names[i]) <
		    sizeof path)
			failed |= replay_file(path);
		free(names[i]);
	}
	free(names);
	return failed;
}

int
main(int argc, char **argv)
{
	struct stat st;
	int failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE-OR-DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if (stat(argv[i], &st)) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			failed = 1;
		}
		else if (S_ISDIR(st.st_mode))
			failed |= replay_dir(argv[i]);
		else
			failed |= replay_file(argv[i]);
	}
	return failed;
}
