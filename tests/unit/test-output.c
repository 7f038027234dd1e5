/*
 * Unit tests for output/: file name patterns ("<n>", "<n:W>", literal
 * text, too long for the buffer) and PNG writing: the file appears under
 * its final name with no temporary left behind, carries a valid signature
 * and IHDR (8-bit RGB, the surface's size), decodes to the same pixels,
 * and a write into a missing folder fails with S2P_EIO leaving nothing.
 */
#include "output/output.h"

#include "tinytest.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void
test_names(void)
{
	char out[64];
	char tiny[8];
	s2p_error err;

	s2p_error_clear(&err);
	CHECK_INT(out_name_format("slide_<n>.png", 7, out, sizeof out, &err), 0);
	CHECK_STR(out, "slide_7.png");
	CHECK_INT(out_name_format("slide_<n>.png", 123, out, sizeof out, &err), 0);
	CHECK_STR(out, "slide_123.png");
	CHECK_INT(out_name_format("s<n:3>.png", 7, out, sizeof out, &err), 0);
	CHECK_STR(out, "s007.png");
	CHECK_INT(out_name_format("s<n:3>.png", 12345, out, sizeof out, &err), 0);
	CHECK_STR(out, "s12345.png"); /* a width is a minimum */
	CHECK_INT(out_name_format("<n:1>", 5, out, sizeof out, &err), 0);
	CHECK_STR(out, "5");
	CHECK_INT(out_name_format("a<n>b<n:2>c", 4, out, sizeof out, &err), 0);
	CHECK_STR(out, "a4b04c");
	CHECK_INT(out_name_format("cover.png", 3, out, sizeof out, &err), 0);
	CHECK_STR(out, "cover.png");
	/* not placeholders: kept literally */
	CHECK_INT(out_name_format("x<n:0>y<n:12>z<m>", 3, out, sizeof out, &err), 0);
	CHECK_STR(out, "x<n:0>y<n:12>z<m>");
	CHECK_INT(out_name_format("", 3, out, sizeof out, &err), 0);
	CHECK_STR(out, "");
	CHECK_INT(err.code, S2P_OK);

	/* exactly fitting, then one byte short */
	CHECK_INT(out_name_format("abc<n>", 1234, tiny, sizeof tiny, &err), 0);
	CHECK_STR(tiny, "abc1234");
	CHECK_INT(out_name_format("abcd<n>", 1234, tiny, sizeof tiny, &err), S2P_EARG);
	CHECK_INT(err.code, S2P_EARG);
	s2p_error_clear(&err);
	CHECK_INT(out_name_format("slide_<n:9>.png", 1, tiny, sizeof tiny, &err),
	          S2P_EARG);
	CHECK_INT(err.code, S2P_EARG);

	CHECK(out_name_has_number("slide_<n>.png"));
	CHECK(out_name_has_number("<n:3>"));
	CHECK(!out_name_has_number("cover.png"));
	CHECK(!out_name_has_number("n.png"));
	CHECK(!out_name_has_number(NULL));
	/* Regression (was a bug): out_name_has_number() accepts any "<n:" while
	 * out_name_format() only expands "<n:1>".."<n:9>", so "<n:x>" and
	 * "<n:12>" are taken as numbered and every slide is written to the
	 * same file (src/api/s2p.c relies on it to refuse such patterns). */
	CHECK(!out_name_has_number("slide<n:x>.png"));
	CHECK(!out_name_has_number("slide<n:12>.png"));
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

/* Count directory entries other than "." and "..". */
static int
dir_entries(const char *dir, int *tmp_files)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	*tmp_files = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		n++;
		if (strstr(e->d_name, ".tmp."))
			(*tmp_files)++;
	}
	closedir(d);
	return n;
}

static void
test_png(void)
{
	char dir[] = "/tmp/s2p-test-output-XXXXXX";
	char path[256], missing[300];
	const int w = 7, h = 5;
	cairo_surface_t *s, *back;
	unsigned char head[33];
	FILE *f;
	s2p_error err;
	int tmps, same = 1;

	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp failed");
		return;
	}
	snprintf(path, sizeof path, "%s/slide_1.png", dir);

	/* a small RGB24 image with distinct pixels */
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	{
		unsigned char *data = cairo_image_surface_get_data(s);
		int stride = cairo_image_surface_get_stride(s);
		cairo_surface_flush(s);
		for (int y = 0; y < h; y++) {
			uint32_t *row = (uint32_t *) (data + y * stride);
			for (int x = 0; x < w; x++)
				row[x] = 0xFF000000u | (uint32_t) (x * 36) << 16 |
				         (uint32_t) (y * 60) << 8 | (uint32_t) ((x + y) * 20);
		}
		cairo_surface_mark_dirty(s);
	}
	s2p_error_clear(&err);
	CHECK_INT(out_png_write(s, path, &err), 0);
	CHECK_INT(err.code, S2P_OK);
	CHECK_INT(dir_entries(dir, &tmps), 1);
	CHECK_INT(tmps, 0);

	f = fopen(path, "rb");
	CHECK(f != NULL);
	if (f) {
		CHECK_INT(fread(head, 1, sizeof head, f), sizeof head);
		fclose(f);
		CHECK(memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0);
		CHECK_INT(be32(head + 8), 13);
		CHECK(memcmp(head + 12, "IHDR", 4) == 0);
		CHECK_INT(be32(head + 16), w);
		CHECK_INT(be32(head + 20), h);
		CHECK_INT(head[24], 8);   /* bit depth */
		CHECK_INT(head[25], 2);   /* colour type: RGB */
		CHECK_INT(head[28], 0);   /* not interlaced */
	}

	back = cairo_image_surface_create_from_png(path);
	CHECK_INT(cairo_surface_status(back), CAIRO_STATUS_SUCCESS);
	CHECK_INT(cairo_image_surface_get_width(back), w);
	CHECK_INT(cairo_image_surface_get_height(back), h);
	if (cairo_surface_status(back) == CAIRO_STATUS_SUCCESS) {
		const unsigned char *a = cairo_image_surface_get_data(s);
		const unsigned char *b = cairo_image_surface_get_data(back);
		int sa = cairo_image_surface_get_stride(s);
		int sb = cairo_image_surface_get_stride(back);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				uint32_t pa = ((const uint32_t *) (a + y * sa))[x] & 0xFFFFFF;
				uint32_t pb = ((const uint32_t *) (b + y * sb))[x] & 0xFFFFFF;
				if (pa != pb)
					same = 0;
			}
	}
	CHECK(same);
	cairo_surface_destroy(back);

	/* overwriting an existing file works and stays atomic */
	CHECK_INT(out_png_write(s, path, &err), 0);
	CHECK_INT(dir_entries(dir, &tmps), 1);
	CHECK_INT(tmps, 0);

	/* a folder that does not exist: S2P_EIO, nothing left anywhere */
	snprintf(missing, sizeof missing, "%s/no/such/dir/slide_1.png", dir);
	s2p_error_clear(&err);
	CHECK_INT(out_png_write(s, missing, &err), S2P_EIO);
	CHECK_INT(err.code, S2P_EIO);
	CHECK(strstr(err.msg, "slide_1.png") != NULL);
	CHECK(access(missing, F_OK) != 0);
	CHECK_INT(dir_entries(dir, &tmps), 1);

	/* a surface in an error state is refused */
	{
		cairo_surface_t *bad = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		                                                  -1, -1);
		char p2[300];
		snprintf(p2, sizeof p2, "%s/bad.png", dir);
		s2p_error_clear(&err);
		CHECK_INT(out_png_write(bad, p2, &err), S2P_ECAIRO);
		CHECK(access(p2, F_OK) != 0);
		cairo_surface_destroy(bad);
	}
	CHECK_INT(dir_entries(dir, &tmps), 1);

	cairo_surface_destroy(s);
	unlink(path);
	CHECK_INT(rmdir(dir), 0);
}

int
main(void)
{
	test_names();
	test_png();
	return TT_DONE();
}
