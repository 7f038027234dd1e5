/*
 * Unit tests for the deck diff's pure pieces (api/diff-pixels.c,
 * api/diff-match.c): the pixel hash, regions from hand-made pixel arrays (one box per
 * change, nearby changes joined, far ones apart, specks and sub-tolerance
 * noise ignored, size mismatches), the similarity signature, matching by
 * id and by picture (duplicate ids, the distance cutoff, ids ignored) and
 * the "moved" analysis (swaps, a slide moved to the end, unpaired slides).
 */
#include "api/diff-imp.h"

#include "tinytest.h"

#include <stdlib.h>
#include <string.h>

enum { W = 200, H = 100 };

typedef struct canvas {
	uint32_t px[W * H];
	diff_image im;
} canvas;

static void
canvas_init(canvas *c, uint32_t colour)
{
	for (int i = 0; i < W * H; i++)
		c->px[i] = colour;
	c->im.px = c->px;
	c->im.width = W;
	c->im.height = H;
	c->im.stride_px = W;
}

static void
fill(canvas *c, int x, int y, int w, int h, uint32_t colour)
{
	for (int yy = y; yy < y + h; yy++)
		for (int xx = x; xx < x + w; xx++)
			c->px[yy * W + xx] = colour;
}

static canvas a, b;

static void
test_identical(void)
{
	diff_regions r;

	canvas_init(&a, 0xffffffff);
	canvas_init(&b, 0x00ffffff); /* only the ignored top byte differs */
	CHECK_INT(diff_compare(&a.im, &b.im, 0, 3, &r, NULL), 0);
	CHECK_INT(r.n, 0);
	CHECK(r.changed_px == 0);
	CHECK_NEAR(r.fraction, 0, 1e-12);
	free(r.boxes);
}

static void
test_hash(void)
{
	unsigned char h1[16], h2[16];

	canvas_init(&a, 0xffffffff);
	canvas_init(&b, 0x00ffffff);
	diff_pixels_hash(&a.im, h1);
	diff_pixels_hash(&b.im, h2);
	CHECK(memcmp(h1, h2, 16) == 0);  /* the top byte does not count */
	b.px[W * H - 1] = 0xfffffe;      /* one channel of one pixel */
	diff_pixels_hash(&b.im, h2);
	CHECK(memcmp(h1, h2, 16) != 0);
	b.px[W * H - 1] = 0xffffff;
	b.im.width = W - 1;              /* same pixels, another size */
	diff_pixels_hash(&b.im, h2);
	CHECK(memcmp(h1, h2, 16) != 0);
}

static void
test_one_block(void)
{
	diff_regions r;

	canvas_init(&a, 0xffffff);
	canvas_init(&b, 0xffffff);
	fill(&b, 40, 30, 10, 5, 0x000000);
	CHECK_INT(diff_compare(&a.im, &b.im, 32, 3, &r, NULL), 0);
	CHECK_INT(r.n, 1);
	if (r.n == 1) {
		CHECK_INT(r.boxes[0].x, 40);
		CHECK_INT(r.boxes[0].y, 30);
		CHECK_INT(r.boxes[0].width, 10);
		CHECK_INT(r.boxes[0].height, 5);
	}
	CHECK(r.changed_px == 50);
	CHECK_NEAR(r.fraction, 50.0 / (W * H), 1e-12);
	free(r.boxes);
}

static void
test_join_and_split(void)
{
	diff_regions r;

	/* two "glyphs" 3 px apart join at radius 3; a third far away does not */
	canvas_init(&a, 0xffffff);
	canvas_init(&b, 0xffffff);
	fill(&b, 10, 10, 4, 8, 0x202020);
	fill(&b, 17, 10, 4, 8, 0x202020);
	fill(&b, 150, 70, 20, 20, 0xff0000);
	CHECK_INT(diff_compare(&a.im, &b.im, 32, 3, &r, NULL), 0);
	CHECK_INT(r.n, 2);
	if (r.n == 2) {
		/* largest first */
		CHECK_INT(r.boxes[0].x, 150);
		CHECK_INT(r.boxes[0].width, 20);
		CHECK_INT(r.boxes[1].x, 10);
		CHECK_INT(r.boxes[1].y, 10);
		CHECK_INT(r.boxes[1].width, 11);
		CHECK_INT(r.boxes[1].height, 8);
	}
	free(r.boxes);
	/* at radius 1 the glyphs stay apart */
	CHECK_INT(diff_compare(&a.im, &b.im, 32, 1, &r, NULL), 0);
	CHECK_INT(r.n, 3);
	free(r.boxes);
}

static void
test_noise(void)
{
	diff_regions r;

	canvas_init(&a, 0x808080);
	canvas_init(&b, 0x808080);
	/* anti-aliasing: a wide area off by 20 per channel */
	fill(&b, 0, 0, 100, 50, 0x949494);
	/* a lone speck of 2 pixels */
	fill(&b, 180, 90, 2, 1, 0x000000);
	CHECK_INT(diff_compare(&a.im, &b.im, 32, 3, &r, NULL), 0);
	CHECK_INT(r.n, 0);
	CHECK(r.changed_px == 0);
	free(r.boxes);
	/* with no tolerance the area counts (the speck still does not) */
	CHECK_INT(diff_compare(&a.im, &b.im, 0, 3, &r, NULL), 0);
	CHECK_INT(r.n, 1);
	CHECK(r.changed_px == 5000);
	free(r.boxes);
}

static void
test_sizes(void)
{
	diff_regions r;
	diff_image small;

	canvas_init(&a, 0xffffff);
	canvas_init(&b, 0xffffff);
	small = b.im;
	small.width = W - 10; /* same rows, 10 columns fewer */
	CHECK_INT(diff_compare(&a.im, &small, 32, 2, &r, NULL), 0);
	CHECK_INT(r.n, 1);
	if (r.n == 1) {
		CHECK_INT(r.boxes[0].x, W - 10);
		CHECK_INT(r.boxes[0].width, 10);
		CHECK_INT(r.boxes[0].height, H);
	}
	free(r.boxes);
}

static void
test_many_regions(void)
{
	diff_regions r;

	/* a grid of 100 separate dots folds into DIFF_MAX_REGIONS boxes */
	canvas_init(&a, 0xffffff);
	canvas_init(&b, 0xffffff);
	for (int i = 0; i < 10; i++)
		for (int k = 0; k < 10; k++)
			fill(&b, 5 + i * 19, 5 + k * 9, 2, 2, 0);
	CHECK_INT(diff_compare(&a.im, &b.im, 32, 2, &r, NULL), 0);
	CHECK_INT(r.n, DIFF_MAX_REGIONS);
	CHECK(r.changed_px == 400);
	free(r.boxes);
}

static void
test_sig(void)
{
	diff_sig s1, s2;

	canvas_init(&a, 0xffffff);
	canvas_init(&b, 0x000000);
	diff_sig_compute(&a.im, &s1);
	diff_sig_compute(&b.im, &s2);
	CHECK_NEAR(diff_sig_distance(&s1, &s1), 0, 1e-12);
	CHECK_NEAR(diff_sig_distance(&s1, &s2), 1, 1e-12);
	fill(&b, 0, 0, W / 2, H, 0xffffff);
	diff_sig_compute(&b.im, &s2);
	CHECK_NEAR(diff_sig_distance(&s1, &s2), 0.5, 1e-12);
}

static void
test_sig_text(void)
{
	diff_sig s1, s2;

	/* two "text slides": the same lines of dark text, one a line lower */
	canvas_init(&a, 0xffffff);
	canvas_init(&b, 0xffffff);
	for (int k = 0; k < 6; k++) {
		fill(&a, 10, 10 + 12 * k, 150, 3, 0x202020);
		fill(&b, 10, 16 + 12 * k, 150, 3, 0x202020);
	}
	diff_sig_compute(&a.im, &s1);
	diff_sig_compute(&b.im, &s2);
	CHECK(diff_sig_distance(&s1, &s2) > DIFF_MATCH_MAX_DIST);
	/* one "word" edited: within the matching distance */
	memcpy(b.px, a.px, sizeof b.px);
	fill(&b, 60, 22, 5, 3, 0xffffff);
	diff_sig_compute(&b.im, &s2);
	CHECK(diff_sig_distance(&s1, &s2) > 0);
	CHECK(diff_sig_distance(&s1, &s2) <= DIFF_MATCH_MAX_DIST);
}

/* Items with ids; a distinct picture per @look (0..255 grey levels). */
static void
items(diff_item *it, int n, const uint32_t *ids, const int *look)
{
	memset(it, 0, (size_t) n * sizeof *it);
	for (int i = 0; i < n; i++) {
		it[i].number = i + 1;
		it[i].sld_id = ids[i];
		it[i].rendered = look[i] >= 0;
		memset(it[i].hash, look[i] & 255, sizeof it[i].hash);
		memset(it[i].sig.rgb, look[i] & 255, sizeof it[i].sig.rgb);
	}
}

static void
test_match(void)
{
	diff_item o[5], n[5];
	int o2n[5], by[5], skipped;
	/* old: A B C D E; new: A B' D X E-with-new-id */
	static const uint32_t oid[] = { 10, 11, 12, 13, 14 };
	static const uint32_t nid[] = { 10, 11, 13, 20, 99 };
	static const int olook[] = { 0, 40, 80, 120, 160 };
	static const int nlook[] = { 0, 41, 120, 250, 160 };

	items(o, 5, oid, olook);
	items(n, 5, nid, nlook);
	CHECK_INT(diff_match(o, 5, n, 5, 0, o2n, by, &skipped, NULL), 0);
	CHECK_INT(skipped, 0);
	CHECK_INT(o2n[0], 0);
	CHECK_INT(by[0], S2P_DIFF_MATCH_ID);
	CHECK_INT(o2n[1], 1);
	CHECK_INT(by[1], S2P_DIFF_MATCH_ID);
	CHECK_INT(o2n[2], -1);              /* C removed: X is too different */
	CHECK_INT(by[2], S2P_DIFF_MATCH_NONE);
	CHECK_INT(o2n[3], 2);
	CHECK_INT(o2n[4], 4);               /* E: same picture, new id */
	CHECK_INT(by[4], S2P_DIFF_MATCH_IMAGE);

	/* ids ignored: B pairs with B' by picture (1/255 apart) */
	CHECK_INT(diff_match(o, 5, n, 5, 1, o2n, by, &skipped, NULL), 0);
	CHECK_INT(o2n[1], 1);
	CHECK_INT(by[1], S2P_DIFF_MATCH_IMAGE);
	CHECK_INT(o2n[3], 2);
	CHECK_INT(o2n[2], -1);
}

static void
test_match_duplicates(void)
{
	diff_item o[3], n[3];
	int o2n[3], by[3], skipped;
	/* id 7 twice in the old deck: neither pairs by id */
	static const uint32_t oid[] = { 7, 7, 8 };
	static const uint32_t nid[] = { 7, 8, 9 };
	static const int olook[] = { 50, 100, -1 };
	static const int nlook[] = { 100, 200, 50 };

	items(o, 3, oid, olook);
	items(n, 3, nid, nlook);
	CHECK_INT(diff_match(o, 3, n, 3, 0, o2n, by, &skipped, NULL), 0);
	CHECK_INT(o2n[0], 2);               /* by picture */
	CHECK_INT(by[0], S2P_DIFF_MATCH_IMAGE);
	CHECK_INT(o2n[1], 0);
	CHECK_INT(by[1], S2P_DIFF_MATCH_IMAGE);
	CHECK_INT(o2n[2], 1);               /* failed, but paired by id */
	CHECK_INT(by[2], S2P_DIFF_MATCH_ID);
}

static void
test_match_identical_copies(void)
{
	diff_item o[2], n[2];
	int o2n[2], by[2], skipped;
	/* two identical blank slides re-saved: pair in order, not crossed */
	static const uint32_t oid[] = { 1, 2 };
	static const uint32_t nid[] = { 5, 6 };
	static const int look[] = { 9, 9 };

	items(o, 2, oid, look);
	items(n, 2, nid, look);
	CHECK_INT(diff_match(o, 2, n, 2, 0, o2n, by, &skipped, NULL), 0);
	CHECK_INT(o2n[0], 0);
	CHECK_INT(o2n[1], 1);
}

static void
test_moved(void)
{
	int moved[6];
	/* swap of 3 and 4 (0-based 2, 3): one of them moved */
	static const int swap[] = { 0, 1, 3, 2, 4 };
	/* the first slide moved to the end: only it */
	static const int to_end[] = { 4, 0, 1, 2, 3 };
	/* a removed slide and an insertion shift the rest: nothing moved */
	static const int shifted[] = { 0, -1, 1, 3, 4, 5 };

	CHECK_INT(diff_moved(swap, 5, moved, NULL), 0);
	CHECK_INT(moved[0] + moved[1] + moved[2] + moved[3] + moved[4], 1);
	CHECK_INT(moved[2], 1);
	CHECK_INT(diff_moved(to_end, 5, moved, NULL), 0);
	CHECK_INT(moved[0], 1);
	CHECK_INT(moved[1] + moved[2] + moved[3] + moved[4], 0);
	CHECK_INT(diff_moved(shifted, 6, moved, NULL), 0);
	for (int i = 0; i < 6; i++)
		CHECK_INT(moved[i], 0);
	CHECK_INT(diff_moved(NULL, 0, moved, NULL), 0);
}

int
main(void)
{
	test_identical();
	test_hash();
	test_one_block();
	test_join_and_split();
	test_noise();
	test_sizes();
	test_many_regions();
	test_sig();
	test_sig_text();
	test_match();
	test_match_duplicates();
	test_match_identical_copies();
	test_moved();
	return TT_DONE();
}
