/*
 * s2p-imgdiff: compare two PNG files for the golden-image tests.
 * Both images are decoded to 8-bit RGBA with libpng's simplified API, so
 * every PNG colour type compares the same way.  It reports pixels_changed
 * and max_diff (the idea of cairo's test/buffer-diff.h) and decides pass or
 * fail against a tolerance.  Exit: 0 within tolerance, 1 not, 2 error.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

/* Refuse absurd inputs rather than allocating gigabytes. */
#define IMGDIFF_MAX_PIXELS ((size_t) 1 << 26)

typedef struct imgdiff_image {
	unsigned width;
	unsigned height;
	unsigned char *rgba; /* width * height * 4 bytes, not premultiplied */
} imgdiff_image;

typedef struct imgdiff_opts {
	const char *ref_path;
	const char *out_path;
	const char *diff_path;     /* NULL: no diff image */
	unsigned long tol_pixels;  /* used when tol_fraction < 0 */
	double tol_fraction;       /* < 0: not given */
	int max_diff;              /* > this in any channel fails; 255: off */
	int channel_threshold;     /* a channel must differ by more than this */
} imgdiff_opts;

typedef struct imgdiff_result {
	size_t pixels_changed;
	size_t total;
	int max_diff;
	unsigned width;  /* size of the compared (and diff) canvas */
	unsigned height;
	unsigned char *mask; /* 1 per changed pixel, width * height */
} imgdiff_result;

static void
usage(FILE *fp)
{
	fprintf(fp,
		"usage: s2p-imgdiff REF.png OUT.png [--tolerance-pixels N | "
		"--tolerance-fraction F]\n"
		"                   [--max-diff D] [--channel-threshold T] "
		"[--diff DIFF.png]\n"
		"  A pixel is changed when any RGBA channel differs by more "
		"than T (default 2).\n"
		"  Passes when changed pixels <= N (default 0) or <= F * total, "
		"and no channel\n"
		"  differs by more than D (default 255, i.e. no limit).\n"
		"  Exit status: 0 within tolerance, 1 not, 2 error.\n");
}

static int
parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

static int
parse_fraction(const char *s, double *out)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	/* NaN fails both comparisons, so it is rejected too. */
	if (errno != 0 || *end != '\0' || !(v >= 0.0 && v <= 1.0))
		return -1;
	*out = v;
	return 0;
}

static int
parse_args(int argc, char **argv, imgdiff_opts *o)
{
	int i;
	int n_files = 0;
	unsigned long v;

	memset(o, 0, sizeof(*o));
	o->tol_fraction = -1.0;
	o->max_diff = 255;
	o->channel_threshold = 2;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			exit(0);
		}
		else if (strcmp(a, "--tolerance-pixels") == 0) {
			if (parse_ulong(val, ULONG_MAX, &o->tol_pixels))
				goto bad_value;
			i++;
		}
		else if (strcmp(a, "--tolerance-fraction") == 0) {
			if (parse_fraction(val, &o->tol_fraction))
				goto bad_value;
			i++;
		}
		else if (strcmp(a, "--max-diff") == 0) {
			if (parse_ulong(val, 255, &v))
				goto bad_value;
			o->max_diff = (int) v;
			i++;
		}
		else if (strcmp(a, "--channel-threshold") == 0) {
			if (parse_ulong(val, 255, &v))
				goto bad_value;
			o->channel_threshold = (int) v;
			i++;
		}
		else if (strcmp(a, "--diff") == 0) {
			if (val == NULL)
				goto bad_value;
			o->diff_path = val;
			i++;
		}
		else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "s2p-imgdiff: unknown option '%s'\n", a);
			return -1;
		}
		else if (n_files == 0) {
			o->ref_path = a;
			n_files++;
		}
		else if (n_files == 1) {
			o->out_path = a;
			n_files++;
		}
		else {
			fprintf(stderr, "s2p-imgdiff: too many files\n");
			return -1;
		}
		continue;
bad_value:
		fprintf(stderr, "s2p-imgdiff: bad or missing value for %s\n", a);
		return -1;
	}
	if (n_files != 2) {
		usage(stderr);
		return -1;
	}
	return 0;
}

/*
 * libpng reports errors by calling this and requires it not to return.
 * This is a one-shot tool, so exiting is the simple way out (no setjmp).
 */
static void
png_fatal(png_structp png, png_const_charp msg)
{
	const char *path = png_get_error_ptr(png);

	fprintf(stderr, "s2p-imgdiff: %s: %s\n", path, msg);
	exit(2);
}

static void
png_warn(png_structp png, png_const_charp msg)
{
	(void) png;
	(void) msg;
}

/*
 * Decode with the classic API and explicit transforms: the simplified API
 * treats 16-bit files as linear light and gamma-converts them, which would
 * make an identical 8- and 16-bit pair differ.  Sample values are compared
 * as stored, without colour management.
 */
static int
image_load(const char *path, imgdiff_image *img)
{
	FILE *fp;
	png_structp png;
	png_infop info;
	png_uint_32 w, h, y;
	int depth, ctype, passes, p;
	size_t n_pixels;
	unsigned char sig[8];

	memset(img, 0, sizeof(*img));
	fp = fopen(path, "rb");
	if (fp == NULL) {
		fprintf(stderr, "s2p-imgdiff: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fread(sig, 1, sizeof(sig), fp) != sizeof(sig) ||
	    png_sig_cmp(sig, 0, sizeof(sig)) != 0) {
		fprintf(stderr, "s2p-imgdiff: %s: not a PNG file\n", path);
		fclose(fp);
		return -1;
	}
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, (void *) path,
				     png_fatal, png_warn);
	info = png ? png_create_info_struct(png) : NULL;
	if (info == NULL) {
		fprintf(stderr, "s2p-imgdiff: %s: out of memory\n", path);
		exit(2);
	}
	png_init_io(png, fp);
	png_set_sig_bytes(png, sizeof(sig));
	png_set_user_limits(png, 1u << 16, 1u << 16);
	png_read_info(png, info);
	png_get_IHDR(png, info, &w, &h, &depth, &ctype, NULL, NULL, NULL);
	if ((size_t) w > IMGDIFF_MAX_PIXELS / h) {
		fprintf(stderr, "s2p-imgdiff: %s: image too large (%lux%lu)\n",
			path, (unsigned long) w, (unsigned long) h);
		exit(2);
	}

	/* Everything becomes 8-bit RGBA, straight alpha. */
	if (ctype == PNG_COLOR_TYPE_PALETTE)
		png_set_palette_to_rgb(png);
	if (ctype == PNG_COLOR_TYPE_GRAY && depth < 8)
		png_set_expand_gray_1_2_4_to_8(png);
	if (png_get_valid(png, info, PNG_INFO_tRNS))
		png_set_tRNS_to_alpha(png);
	if (depth == 16)
		png_set_scale_16(png);
	if (ctype == PNG_COLOR_TYPE_GRAY || ctype == PNG_COLOR_TYPE_GRAY_ALPHA)
		png_set_gray_to_rgb(png);
	png_set_filler(png, 0xff, PNG_FILLER_AFTER); /* no-op if alpha */
	passes = png_set_interlace_handling(png);
	png_read_update_info(png, info);
	if (png_get_rowbytes(png, info) != (size_t) w * 4) {
		fprintf(stderr, "s2p-imgdiff: %s: unexpected row size\n", path);
		exit(2);
	}

	n_pixels = (size_t) w * h;
	img->rgba = malloc(n_pixels * 4);
	if (img->rgba == NULL) {
		fprintf(stderr, "s2p-imgdiff: %s: out of memory\n", path);
		exit(2);
	}
	/* Interlaced images need every pass over all rows. */
	for (p = 0; p < passes; p++)
		for (y = 0; y < h; y++)
			png_read_row(png, img->rgba + (size_t) y * w * 4, NULL);
	png_read_end(png, NULL);
	png_destroy_read_struct(&png, &info, NULL);
	fclose(fp);
	img->width = w;
	img->height = h;
	return 0;
}

static const unsigned char *
image_pixel(const imgdiff_image *img, unsigned x, unsigned y)
{
	if (x >= img->width || y >= img->height)
		return NULL;
	return img->rgba + ((size_t) y * img->width + x) * 4;
}

static int
pixel_diff(const unsigned char *a, const unsigned char *b)
{
	int c;
	int m = 0;

	/* Two fully transparent pixels look the same whatever their colour. */
	if (a[3] == 0 && b[3] == 0)
		return 0;
	for (c = 0; c < 4; c++) {
		int d = abs((int) a[c] - (int) b[c]);
		if (d > m)
			m = d;
	}
	return m;
}

/*
 * Compare on a canvas of the larger width and height; when the sizes
 * differ, pixels present in only one image count as changed (by 255).
 */
static int
images_compare(const imgdiff_image *ref, const imgdiff_image *out,
	       int channel_threshold, imgdiff_result *res)
{
	unsigned x, y;

	memset(res, 0, sizeof(*res));
	res->width = ref->width > out->width ? ref->width : out->width;
	res->height = ref->height > out->height ? ref->height : out->height;
	if ((size_t) res->width > IMGDIFF_MAX_PIXELS / res->height) {
		fprintf(stderr, "s2p-imgdiff: comparison too large\n");
		return -1;
	}
	res->total = (size_t) res->width * res->height;
	res->mask = calloc(res->total, 1);
	if (res->mask == NULL) {
		fprintf(stderr, "s2p-imgdiff: out of memory\n");
		return -1;
	}
	for (y = 0; y < res->height; y++) {
		for (x = 0; x < res->width; x++) {
			const unsigned char *a = image_pixel(ref, x, y);
			const unsigned char *b = image_pixel(out, x, y);
			int d = (a && b) ? pixel_diff(a, b) : 255;

			if (d > res->max_diff)
				res->max_diff = d;
			if (d > channel_threshold) {
				res->mask[(size_t) y * res->width + x] = 1;
				res->pixels_changed++;
			}
		}
	}
	return 0;
}

static int
diff_write(const char *path, const imgdiff_image *ref,
	   const imgdiff_result *res)
{
	png_image png;
	unsigned char *rgb;
	unsigned x, y;
	int ok;

	rgb = malloc(res->total * 3);
	if (rgb == NULL) {
		fprintf(stderr, "s2p-imgdiff: out of memory\n");
		return -1;
	}
	for (y = 0; y < res->height; y++) {
		for (x = 0; x < res->width; x++) {
			size_t i = (size_t) y * res->width + x;
			const unsigned char *p = image_pixel(ref, x, y);
			unsigned char *q = rgb + i * 3;
			unsigned lum = 255;

			if (res->mask[i]) {
				q[0] = 255;
				q[1] = 0;
				q[2] = 0;
				continue;
			}
			if (p != NULL) {
				/* Luma over white, then faded so red stands out. */
				unsigned l = (299u * p[0] + 587u * p[1] +
					      114u * p[2]) / 1000u;
				lum = (l * p[3] + 255u * (255u - p[3])) / 255u;
			}
			q[0] = q[1] = q[2] = (unsigned char) (128u + lum / 2u);
		}
	}
	memset(&png, 0, sizeof(png));
	png.version = PNG_IMAGE_VERSION;
	png.width = res->width;
	png.height = res->height;
	png.format = PNG_FORMAT_RGB;
	ok = png_image_write_to_file(&png, path, 0, rgb, 0, NULL);
	if (!ok)
		fprintf(stderr, "s2p-imgdiff: %s: %s\n", path, png.message);
	free(rgb);
	return ok ? 0 : -1;
}

static int
result_is_failure(const imgdiff_opts *o, const imgdiff_result *res)
{
	double allowed;

	if (res->max_diff > o->max_diff)
		return 1;
	if (o->tol_fraction >= 0.0) {
		allowed = o->tol_fraction * (double) res->total;
		return (double) res->pixels_changed > allowed;
	}
	return res->pixels_changed > o->tol_pixels;
}

int
main(int argc, char **argv)
{
	imgdiff_opts opts;
	imgdiff_image ref, out;
	imgdiff_result res;
	int status = 2;

	if (parse_args(argc, argv, &opts))
		return 2;
	if (image_load(opts.ref_path, &ref))
		return 2;
	if (image_load(opts.out_path, &out)) {
		free(ref.rgba);
		return 2;
	}
	if (images_compare(&ref, &out, opts.channel_threshold, &res))
		goto done;

	if (ref.width != out.width || ref.height != out.height)
		fprintf(stderr, "s2p-imgdiff: size mismatch: %s is %ux%u, "
			"%s is %ux%u\n", opts.ref_path, ref.width, ref.height,
			opts.out_path, out.width, out.height);
	printf("pixels_changed=%zu total=%zu max_diff=%d\n",
	       res.pixels_changed, res.total, res.max_diff);

	if (ref.width != out.width || ref.height != out.height)
		status = 1;
	else
		status = result_is_failure(&opts, &res) ? 1 : 0;

	if (opts.diff_path != NULL && diff_write(opts.diff_path, &ref, &res))
		status = 2;
	if (fflush(stdout) != 0)
		status = 2;
done:
	free(res.mask);
	free(ref.rgba);
	free(out.rgba);
	return status;
}
