/*
 * slides2png: comparing two versions of a deck slide by slide.
 *
 * s2p_diff_run() renders the slides of both decks to memory on one pool
 * of worker threads, matches each slide of the old deck to one of the new
 * deck (by p:sldId@id, then by rendered-image similarity), compares the
 * matched pairs pixel by pixel and reports every slide as unchanged,
 * changed (with the changed regions), added, removed or moved. It can also
 * write the pictures a review needs (thumbnails, old and new side by side
 * with the changed regions outlined). The report pages themselves are the
 * caller's (the command line writes HTML, Markdown and JSON from the
 * result).
 *
 * Threads: s2p_diff_run() returns only after every worker has been joined;
 * the result is then the caller's and read on any one thread.
 */
#ifndef S2P_DIFF_H
#define S2P_DIFF_H

#include <slides2png/s2p-render.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What happened to a slide between the two versions. */
enum s2p_diff_status {
	S2P_DIFF_UNCHANGED,    /* same pixels (within the tolerance and
	                          threshold), same place in the order */
	S2P_DIFF_CHANGED,      /* different pixels; see regions (may also have
	                          moved: s2p_diff_slide.moved) */
	S2P_DIFF_ADDED,        /* only in the new deck */
	S2P_DIFF_REMOVED,      /* only in the old deck */
	S2P_DIFF_MOVED,        /* same pixels, but its place in the order
	                          changed */
	S2P_DIFF_FAILED        /* could not be compared: see error */
};

/** How an old and a new slide were paired. */
enum s2p_diff_match {
	S2P_DIFF_MATCH_NONE,   /* added, removed, or failed unpaired */
	S2P_DIFF_MATCH_ID,     /* the same p:sldId@id */
	S2P_DIFF_MATCH_IMAGE   /* no usable id pair; the most similar picture */
};

/** A changed area, in pixels of the rendered slides (top left origin). */
typedef struct s2p_diff_region {
	int x, y, width, height;
} s2p_diff_region;

typedef struct s2p_diff_slide {
	int status;            /* enum s2p_diff_status */
	int old_number;        /* 1-based number in the old deck, 0: none */
	int new_number;        /* 1-based number in the new deck, 0: none */
	int matched_by;        /* enum s2p_diff_match */
	int moved;             /* 1: among the fewest slides whose moving
	                          explains the new order (MOVED, or CHANGED) */
	int identical;         /* 1: byte-identical pixels */
	double changed_fraction; /* differing pixels / all pixels, 0..1 */
	s2p_diff_region *regions; /* changed areas, largest first */
	int n_regions;
	/* Pictures written to s2p_diff_opts.image_dir (file names relative to
	 * it), or NULL when not written: */
	char *image;           /* CHANGED: old and new side by side, regions
	                          outlined; ADDED/REMOVED: the slide itself */
	char *old_thumb;       /* the old slide at thumbnail width */
	char *new_thumb;       /* the new slide at thumbnail width */
	s2p_error error;       /* FAILED: why (the deck's name in the message) */
} s2p_diff_slide;

typedef struct s2p_diff_result {
	s2p_diff_slide *slides; /* new-deck order, each removed slide after the
	                           slide that preceded it in the old deck */
	int n_slides;
	int n_unchanged, n_changed, n_added, n_removed, n_moved, n_failed;
	int old_count, new_count; /* slides compared in each deck (hidden
	                             ones only with include_hidden) */
	int old_width_px, old_height_px, new_width_px, new_height_px;
	double render_wall_ms;  /* both pool runs, wall clock */
} s2p_diff_result;

typedef struct s2p_diff_opts {
	s2p_render_opts render; /* size, threads, include_hidden, background and
	                           cancel apply to both decks; slides must be
	                           NULL; pattern, format, name and progress are
	                           not used */
	double threshold;       /* a pair whose changed fraction is below this
	                           counts as unchanged (0: any visible change) */
	int tolerance;          /* per-channel difference (0..255) that does
	                           not count as a change (anti-aliasing) */
	int ignore_ids;         /* 1: match by picture only (decks re-saved by
	                           tools that renumber p:sldId@id) */
	const char *image_dir;  /* existing directory for the pictures, or
	                           NULL: write none */
	int thumb_width_px;     /* width of the thumbnails */
} s2p_diff_opts;

/**
 * Fill @opts with the defaults: the render defaults, threshold 0,
 * tolerance 32, ids used, no pictures, 320 px thumbnails.
 */
void s2p_diff_opts_default(s2p_diff_opts *opts);

/**
 * Compare @old_deck with @new_deck (both borrowed, both opened on the
 * calling thread). Every slide of both decks (hidden ones only with
 * render.include_hidden) is rendered once to memory at the size the render
 * options give for its deck; slides whose pixels differ are rendered again
 * for the pixel comparison and the pictures, so memory stays at a few
 * slides per worker whatever the deck size. Returns 0 when the comparison
 * ran (slides that failed are FAILED entries: see result->n_failed), or an
 * error code with @err filled: S2P_EARG (bad options), S2P_ELIMIT (output
 * size), S2P_ENOMEM, S2P_EINTERNAL (no thread). A picture that cannot be
 * written fails its slide (S2P_EIO). The caller owns @result and releases
 * it with s2p_diff_result_fini(), also after a failure. One call at a time
 * per deck.
 */
int s2p_diff_run(s2p_deck *old_deck, s2p_deck *new_deck,
                 const s2p_diff_opts *opts, s2p_diff_result *result,
                 s2p_error *err);

/** Release what s2p_diff_run() put in @result. NULL is allowed. */
void s2p_diff_result_fini(s2p_diff_result *result);

/** "unchanged", "changed", "added", "removed", "moved", "failed". */
const char *s2p_diff_status_name(int status);

#ifdef __cplusplus
}
#endif
#endif
