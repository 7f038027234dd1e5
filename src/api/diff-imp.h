/*
 * The deck diff's pure pieces, apart from rendering (api/diff.c) so the
 * unit tests can drive them with hand-made pixels: the pixel comparison
 * that turns two renders into changed regions (diff-pixels.c), and the
 * matching of old slides to new ones and the "moved" analysis
 * (diff-match.c). Nothing here uses cairo, threads or the model.
 */
#ifndef S2P_API_DIFF_IMP_H
#define S2P_API_DIFF_IMP_H

#include "base/base.h"

#include <slides2png/s2p-diff.h>

#include <stdint.h>

/* Pixels as cairo keeps RGB24/ARGB32 surfaces: one native uint32 per pixel,
 * 0x??RRGGBB; the top byte is ignored. Borrowed. */
typedef struct diff_image {
	const uint32_t *px;
	int width, height;
	int stride_px;         /* uint32s per row */
} diff_image;

/* Regions never grow past this; the rest are folded into the last one. */
enum { DIFF_MAX_REGIONS = 64 };

/* Components of fewer differing pixels are specks of anti-aliasing. */
enum { DIFF_MIN_COMPONENT_PX = 4 };

typedef struct diff_regions {
	s2p_diff_region *boxes; /* owned (free()), largest first */
	int n;
	uint64_t changed_px;    /* differing pixels in the kept components */
	double fraction;        /* changed_px over the compared area */
} diff_regions;

/*
 * Compare @a with @b over the union of their sizes (pixels inside only one
 * of them differ). A pixel differs when a channel differs by more than
 * @tolerance. Differing pixels closer than @radius (Chebyshev distance)
 * join one region, so one edited word gives one box, not one per glyph;
 * regions of fewer than DIFF_MIN_COMPONENT_PX differing pixels are
 * dropped. Each region is the bounding box of its differing pixels;
 * overlapping boxes are merged. Fills @out (free its boxes); returns 0 or
 * S2P_ENOMEM / S2P_ELIMIT.
 */
int diff_compare(const diff_image *a, const diff_image *b, int tolerance,
                 int radius, diff_regions *out, s2p_error *err);

/* The dilation radius used for a slide @width_px wide. */
int diff_radius_for(int width_px);

/*
 * A 128-bit hash of the colour channels (the top byte is ignored), to tell
 * identical renders apart without keeping them: two 64-bit multiply-xorshift
 * lanes, about 1 ns per pixel (SHA-256 took half the run). Not meant to
 * resist crafted collisions; renders are not attacker-chosen bit patterns.
 */
void diff_pixels_hash(const diff_image *img, unsigned char out[16]);

/* A small picture of the slide for matching by similarity: mean RGB of a
 * DIFF_SIG x DIFF_SIG grid, whatever the aspect ratio. */
enum { DIFF_SIG = 32 };

/* A cell counts as different beyond this mean channel difference. */
enum { DIFF_SIG_CELL_TOL = 4 };

typedef struct diff_sig {
	unsigned char rgb[DIFF_SIG * DIFF_SIG * 3];
} diff_sig;

void diff_sig_compute(const diff_image *img, diff_sig *sig);
/* The fraction of cells that differ, 0 (alike) .. 1. A mean over all
 * pixels would not do: text-only slides on one background differ by a
 * fraction of a percent on average, and so does one edited word. */
double diff_sig_distance(const diff_sig *a, const diff_sig *b);

/*
 * Pairs farther apart than this are not the same slide. Measured on the
 * 25 corpus decks (32x32 cells at 640 px): an edited word changes 1 cell
 * of 1024 (0.001); the closest distinct slides of one deck are mostly
 * 0.02 and more apart, except builds that add one bullet (0.009-0.012).
 */
#define DIFF_MATCH_MAX_DIST 0.01

/* Image matching compares every unpaired old slide with every unpaired
 * new one; beyond this many pairs it is skipped (the rest stay
 * added/removed). */
#define DIFF_MATCH_MAX_PAIRS 4000000.0

/* One slide of one deck, as the matcher sees it. */
typedef struct diff_item {
	int number;            /* 1-based in its deck */
	uint32_t sld_id;       /* p:sldId@id, 0: none */
	int rendered;          /* 0: failed, no hash or signature */
	unsigned char hash[16]; /* diff_pixels_hash() */
	diff_sig sig;
} diff_item;

/*
 * Pair old slides with new ones: first by p:sldId@id (ids unique in both
 * decks; unless @ignore_ids), then the remaining rendered slides by
 * picture, closest pairs first (identical pixels before any other, then
 * the nearer position on ties), up to DIFF_MATCH_MAX_DIST. Fills
 * @old_to_new (index into @news or -1) and @by (enum s2p_diff_match) for
 * each old slide. Returns 0 or S2P_ENOMEM. *@image_skipped is set to 1
 * when there were too many candidates for image matching.
 */
int diff_match(const diff_item *olds, int n_old, const diff_item *news,
               int n_new, int ignore_ids, int *old_to_new, int *by,
               int *image_skipped, s2p_error *err);

/*
 * Mark the fewest paired slides whose moving explains the new order: the
 * pairs outside one longest run that is increasing in both decks. @moved
 * gets 1/0 per old slide (0 for unpaired ones). Returns 0 or S2P_ENOMEM.
 */
int diff_moved(const int *old_to_new, int n_old, int *moved, s2p_error *err);

#endif
