/*
 * Pixel comparison for the deck diff: a mask of differing pixels (a
 * per-channel tolerance absorbs anti-aliasing), dilated so that nearby
 * changes (the glyphs of one word) join, split into connected components,
 * and each component reported as the bounding box of its own differing
 * pixels. Also the pixel hash and the grid signature used to match slides
 * by picture.
 * Pure functions over borrowed pixel arrays; any thread.
 */
#include "api/diff-imp.h"

#include <stdlib.h>
#include <string.h>

int
diff_radius_for(int width_px)
{
	/* about the gap between words at body text sizes */
	int r = width_px / 160;

	return r < 2 ? 2 : r > 24 ? 24 : r;
}

static int
channel_differs(uint32_t p, uint32_t q, int tol)
{
	for (int sh = 0; sh <= 16; sh += 8) {
		int a = (int) ((p >> sh) & 255), b = (int) ((q >> sh) & 255);
		if (a - b > tol || b - a > tol)
			return 1;
	}
	return 0;
}

/* 1 per differing pixel over w x h (pixels in only one image differ). */
static void
build_mask(const diff_image *a, const diff_image *b, int tol, int w, int h,
           unsigned char *mask)
{
	for (int y = 0; y < h; y++) {
		const uint32_t *ra = y < a->height ? a->px + (size_t) y * (size_t) a->stride_px : NULL;
		const uint32_t *rb = y < b->height ? b->px + (size_t) y * (size_t) b->stride_px : NULL;
		unsigned char *m = mask + (size_t) y * (size_t) w;
		for (int x = 0; x < w; x++)
			m[x] = !ra || !rb || x >= a->width || x >= b->width ||
			       channel_differs(ra[x], rb[x], tol);
	}
}

/* out[i] = 1 if any of in[i - r*step .. i + r*step] (n items, @step
 * apart) is set: one pass of a square dilation, by running count. */
static void
dilate_line(const unsigned char *in, unsigned char *out, int n, size_t step,
            int r)
{
	int count = 0;

	for (int i = 0; i < r && i < n; i++)
		count += in[(size_t) i * step];
	for (int i = 0; i < n; i++) {
		if (i + r < n)
			count += in[(size_t) (i + r) * step];
		if (i - r - 1 >= 0)
			count -= in[(size_t) (i - r - 1) * step];
		out[(size_t) i * step] = count > 0;
	}
}

typedef struct component {
	int x0, y0, x1, y1;    /* bounding box of the differing pixels */
	uint64_t px;
} component;

/* Flood-fill the dilated mask @d (w x h, 4-connected) from @start,
 * collecting the differing pixels of @mask it covers into @c. @d is
 * cleared as it goes, so each pixel is pushed once; @stack holds w*h
 * indices. */
static void
fill_component(unsigned char *d, const unsigned char *mask, int w, int h,
               size_t start, size_t *stack, component *c)
{
	size_t top = 0, uw = (size_t) w;

	c->x0 = c->y0 = INT32_MAX;
	c->x1 = c->y1 = -1;
	c->px = 0;
	d[start] = 0;
	stack[top++] = start;
	while (top) {
		size_t i = stack[--top];
		int x = (int) (i % uw), y = (int) (i / uw);
		if (mask[i]) {
			c->px++;
			c->x0 = x < c->x0 ? x : c->x0;
			c->x1 = x > c->x1 ? x : c->x1;
			c->y0 = y < c->y0 ? y : c->y0;
			c->y1 = y > c->y1 ? y : c->y1;
		}
		if (x > 0 && d[i - 1]) {
			d[i - 1] = 0;
			stack[top++] = i - 1;
		}
		if (x + 1 < w && d[i + 1]) {
			d[i + 1] = 0;
			stack[top++] = i + 1;
		}
		if (y > 0 && d[i - uw]) {
			d[i - uw] = 0;
			stack[top++] = i - uw;
		}
		if (y + 1 < h && d[i + uw]) {
			d[i + uw] = 0;
			stack[top++] = i + uw;
		}
	}
}

static int
boxes_touch(const s2p_diff_region *a, const s2p_diff_region *b, int margin)
{
	return a->x - margin < b->x + b->width && b->x - margin < a->x + a->width &&
	       a->y - margin < b->y + b->height && b->y - margin < a->y + a->height;
}

static void
box_union(s2p_diff_region *a, const s2p_diff_region *b)
{
	int x1 = a->x + a->width > b->x + b->width ? a->x + a->width : b->x + b->width;
	int y1 = a->y + a->height > b->y + b->height ? a->y + a->height : b->y + b->height;

	a->x = a->x < b->x ? a->x : b->x;
	a->y = a->y < b->y ? a->y : b->y;
	a->width = x1 - a->x;
	a->height = y1 - a->y;
}

/* Merge boxes that overlap (or come within @margin) until none do. */
static int
merge_boxes(s2p_diff_region *b, int n, int margin)
{
	int merged = 1;

	while (merged) {
		merged = 0;
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++)
				if (boxes_touch(&b[i], &b[j], margin)) {
					box_union(&b[i], &b[j]);
					b[j--] = b[--n];
					merged = 1;
				}
	}
	return n;
}

static int
area_cmp(const void *pa, const void *pb)
{
	const s2p_diff_region *a = pa, *b = pb;
	long long sa = (long long) a->width * a->height;
	long long sb = (long long) b->width * b->height;

	if (sa != sb)
		return sa > sb ? -1 : 1;
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	return (a->x > b->x) - (a->x < b->x);
}

/* The kept components as boxes, merged, largest first, at most
 * DIFF_MAX_REGIONS (the smallest folded into the last). */
static int
components_to_boxes(const component *c, size_t n_c, int margin,
                    diff_regions *out, s2p_error *err)
{
	s2p_diff_region *b;
	int n = 0;

	if (!n_c)
		return 0;
	b = s2p_malloc_array(n_c, sizeof *b);
	if (!b)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (size_t i = 0; i < n_c; i++) {
		b[n].x = c[i].x0;
		b[n].y = c[i].y0;
		b[n].width = c[i].x1 - c[i].x0 + 1;
		b[n].height = c[i].y1 - c[i].y0 + 1;
		n++;
	}
	n = merge_boxes(b, n, margin);
	qsort(b, (size_t) n, sizeof *b, area_cmp);
	if (n > DIFF_MAX_REGIONS) {
		for (int i = DIFF_MAX_REGIONS; i < n; i++)
			box_union(&b[DIFF_MAX_REGIONS - 1], &b[i]);
		n = DIFF_MAX_REGIONS;
	}
	out->boxes = b;
	out->n = n;
	return 0;
}

/* Label the dilated mask and keep the components with enough differing
 * pixels. */
static int
find_components(unsigned char *d, const unsigned char *mask, int w, int h,
                int margin, diff_regions *out, s2p_error *err)
{
	size_t n = (size_t) w * (size_t) h, n_c = 0, cap = 0;
	size_t *stack = s2p_malloc_array(n, sizeof *stack);
	component *comps = NULL, c;
	int rc = 0;

	if (!stack)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && !rc; i++) {
		if (!d[i])
			continue;
		fill_component(d, mask, w, h, i, stack, &c);
		if (c.px < DIFF_MIN_COMPONENT_PX)
			continue;
		if (n_c == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			component *nc = s2p_realloc_array(comps, ncap, sizeof *nc);
			if (!nc) {
				rc = S2P_FAIL(err, S2P_ENOMEM, "out of memory");
				break;
			}
			comps = nc;
			cap = ncap;
		}
		comps[n_c++] = c;
		out->changed_px += c.px;
	}
	if (!rc)
		rc = components_to_boxes(comps, n_c, margin, out, err);
	free(comps);
	free(stack);
	return rc;
}

int
diff_compare(const diff_image *a, const diff_image *b, int tolerance,
             int radius, diff_regions *out, s2p_error *err)
{
	int w = a->width > b->width ? a->width : b->width;
	int h = a->height > b->height ? a->height : b->height;
	size_t n = (size_t) w * (size_t) h;
	unsigned char *mask, *tmp, *d;
	int rc;

	memset(out, 0, sizeof *out);
	if (w < 1 || h < 1)
		return 0;
	if (w > 32767 || h > 32767)
		return S2P_FAIL(err, S2P_ELIMIT, "%dx%d pixels to compare", w, h);
	mask = malloc(n);
	tmp = malloc(n);
	d = malloc(n);
	if (!mask || !tmp || !d) {
		free(mask);
		free(tmp);
		free(d);
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	}
	build_mask(a, b, tolerance, w, h, mask);
	for (int y = 0; y < h; y++)
		dilate_line(mask + (size_t) y * (size_t) w, tmp + (size_t) y * (size_t) w,
		            w, 1, radius);
	for (int x = 0; x < w; x++)
		dilate_line(tmp + x, d + x, h, (size_t) w, radius);
	rc = find_components(d, mask, w, h, radius, out, err);
	out->fraction = (double) out->changed_px / (double) n;
	free(mask);
	free(tmp);
	free(d);
	return rc;
}

static uint64_t
mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

void
diff_pixels_hash(const diff_image *img, unsigned char out[16])
{
	uint64_t a = 0x9e3779b97f4a7c15ull ^ (uint64_t) img->width;
	uint64_t b = 0xc2b2ae3d27d4eb4full ^ ((uint64_t) img->height << 32);

	for (int y = 0; y < img->height; y++) {
		const uint32_t *r = img->px + (size_t) y * (size_t) img->stride_px;
		for (int x = 0; x < img->width; x++) {
			uint64_t p = r[x] & 0xffffffu;
			a = (a ^ p) * 0x100000001b3ull;
			a ^= a >> 29;
			b = (b + p) * 0x9fb21c651e98df25ull;
			b ^= b >> 31;
		}
	}
	a = mix64(a ^ b);
	b = mix64(b + a);
	for (int k = 0; k < 8; k++) {
		out[k] = (unsigned char) (a >> (8 * k));
		out[8 + k] = (unsigned char) (b >> (8 * k));
	}
}

void
diff_sig_compute(const diff_image *img, diff_sig *sig)
{
	memset(sig, 0, sizeof *sig);
	if (img->width < 1 || img->height < 1)
		return;
	for (int gy = 0; gy < DIFF_SIG; gy++) {
		int y0 = (int) ((long long) gy * img->height / DIFF_SIG);
		int y1 = (int) ((long long) (gy + 1) * img->height / DIFF_SIG);
		if (y1 <= y0)
			y1 = y0 + 1;
		for (int gx = 0; gx < DIFF_SIG; gx++) {
			int x0 = (int) ((long long) gx * img->width / DIFF_SIG);
			int x1 = (int) ((long long) (gx + 1) * img->width / DIFF_SIG);
			uint64_t s[3] = { 0, 0, 0 }, cnt = 0;
			unsigned char *o = sig->rgb + (gy * DIFF_SIG + gx) * 3;
			if (x1 <= x0)
				x1 = x0 + 1;
			for (int y = y0; y < y1 && y < img->height; y++) {
				const uint32_t *r = img->px + (size_t) y * (size_t) img->stride_px;
				for (int x = x0; x < x1 && x < img->width; x++) {
					s[0] += (r[x] >> 16) & 255;
					s[1] += (r[x] >> 8) & 255;
					s[2] += r[x] & 255;
					cnt++;
				}
			}
			for (int k = 0; k < 3 && cnt; k++)
				o[k] = (unsigned char) ((s[k] + cnt / 2) / cnt);
		}
	}
}

double
diff_sig_distance(const diff_sig *a, const diff_sig *b)
{
	int n = 0;

	for (int i = 0; i < DIFF_SIG * DIFF_SIG; i++) {
		const unsigned char *p = a->rgb + 3 * i, *q = b->rgb + 3 * i;
		for (int k = 0; k < 3; k++)
			if (p[k] - q[k] > DIFF_SIG_CELL_TOL || q[k] - p[k] > DIFF_SIG_CELL_TOL) {
				n++;
				break;
			}
	}
	return (double) n / (DIFF_SIG * DIFF_SIG);
}
