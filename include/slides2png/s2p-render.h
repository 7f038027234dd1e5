/*
 * slides2png: rendering slides to PNG files, in parallel.
 *
 * s2p_deck_render() splits the deck into one single-slide presentation per
 * selected slide, renders them on a pool of worker threads and writes each
 * PNG atomically (temporary name, then rename). Results come back in slide
 * order. Output bytes do not depend on the thread count.
 */
#ifndef S2P_RENDER_H
#define S2P_RENDER_H

#include <slides2png/s2p-deck.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct s2p_render_opts {
	int width_px;          /* 0: from height, scale or dpi */
	int height_px;         /* 0: from width, scale or dpi; both: fit inside */
	double dpi;            /* default 96 when no size is given */
	int threads;           /* 0: number of online CPUs */
	int include_hidden;    /* render hidden slides too */
	const int *slides;     /* slide numbers to render (1-based), or NULL: all */
	int n_slides;
	const char *pattern;   /* output path; "<n>" becomes the slide number */
	volatile const int *cancel; /* set non-zero (e.g. from SIGINT) to stop
	                               starting new slides; may be NULL */
} s2p_render_opts;

/** Fill @opts with the defaults (96 DPI, all CPUs, "slide_<n>.png"). */
void s2p_render_opts_default(s2p_render_opts *opts);

enum s2p_slide_status {
	S2P_SLIDE_OK,          /* written */
	S2P_SLIDE_SKIPPED,     /* hidden, or not selected */
	S2P_SLIDE_FAILED       /* not written; see error */
};

typedef struct s2p_diag {
	const char *part;      /* OPC part, may be "" */
	const char *msg;
} s2p_diag;

typedef struct s2p_slide_result {
	int number;            /* 1-based slide number */
	int status;            /* enum s2p_slide_status */
	int hidden;
	char *path;            /* the file written (status OK) */
	int width_px, height_px;
	double render_ms;      /* drawing */
	double encode_ms;      /* PNG encoding and writing */
	s2p_error error;       /* status FAILED */
	int write_failed;      /* FAILED because the output could not be written */
	s2p_diag *diags;       /* things not drawn, or drawn approximately */
	int n_diags;
} s2p_slide_result;

typedef struct s2p_run_result {
	s2p_slide_result *slides; /* one per slide in the deck, in order */
	int n_slides;
	int n_written, n_failed;
	double load_ms, split_ms, render_wall_ms;
} s2p_run_result;

/**
 * Render the deck's selected slides to PNG files. Returns 0 when the run
 * could start (individual slides may still have failed: see
 * result->n_failed), or an error code with @err filled (bad options, out of
 * memory). The caller owns @result and releases it with
 * s2p_run_result_fini(). Do not call from several threads on the same deck.
 */
int s2p_deck_render(s2p_deck *deck, const s2p_render_opts *opts,
                    s2p_run_result *result, s2p_error *err);

/** Release what s2p_deck_render() put in @result. */
void s2p_run_result_fini(s2p_run_result *result);

/**
 * Compute the output size for the deck under @opts (as s2p_deck_render()
 * would). Returns 0, or S2P_EARG / S2P_ELIMIT.
 */
int s2p_deck_output_size(const s2p_deck *deck, const s2p_render_opts *opts,
                         int *width_px, int *height_px, s2p_error *err);

#ifdef __cplusplus
}
#endif
#endif
