/*
 * slides2png: rendering slides to PNG files, in parallel.
 *
 * s2p_deck_render() splits the deck into one single-slide presentation per
 * selected slide, renders them on a pool of worker threads and writes each
 * PNG atomically (temporary name, then rename). Results come back in slide
 * order. Output bytes do not depend on the thread count.
 *
 * Threads: s2p_deck_render() returns only after every worker has been
 * joined; the results are then owned by the caller and read on any one
 * thread. Worker threads only ever call the progress callback.
 */
#ifndef S2P_RENDER_H
#define S2P_RENDER_H

#include <slides2png/s2p-deck.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Output file formats (s2p_render_opts.format). */
enum s2p_format {
	S2P_FORMAT_PNG,        /* 8-bit RGB, or RGBA with a translucent background */
	S2P_FORMAT_JPEG,       /* baseline JPEG, s2p_render_opts.quality */
	S2P_FORMAT_PDF,        /* vector; one file per slide, or one multi-page
	                          file for the deck when the pattern has no <n> */
	S2P_FORMAT_SVG         /* vector; one file per slide */
};

/**
 * Progress callback: @done of @total selected slides are finished (written
 * or failed). Called after each slide from a worker thread, never from two
 * threads at once (the library holds a lock around the call), so it must
 * be quick and must not call back into the library.
 */
typedef void (*s2p_progress_fn)(void *user, int done, int total);

/** A family substitution chosen by the caller (s2p_render_opts.font_substs). */
typedef struct s2p_font_subst {
	const char *from;      /* the family as the deck names it (any case) */
	const char *to;        /* the installed family to draw it with */
} s2p_font_subst;

typedef struct s2p_render_opts {
	int width_px;          /* 0: from height, scale or dpi */
	int height_px;         /* 0: from width, scale or dpi; both: fit inside */
	double dpi;            /* default 96 when no size is given */
	int threads;           /* 0: number of online CPUs */
	int include_hidden;    /* render hidden slides too */
	const int *slides;     /* slide numbers to render (1-based), or NULL: all */
	int n_slides;
	const char *pattern;   /* output path; "<n>" becomes the slide number,
	                          "<n:W>" the number zero-padded to W digits,
	                          "<name>" the deck's stem (see @name). NULL:
	                          "slide_<n>.EXT" for the format */
	volatile const int *cancel; /* set non-zero (e.g. from SIGINT) to stop
	                               starting new slides; may be NULL. Set
	                               it atomically (__atomic_store_n, or a
	                               signal handler's plain store): workers
	                               read it with __atomic_load_n */
	/* Added for the command line of issue 10; zero means "default". */
	double scale;          /* > 0: the 96 DPI size times @scale */
	int format;            /* enum s2p_format (default PNG) */
	int quality;           /* JPEG quality 1..100 (0: 90) */
	int replace_background;/* 1: background_rgba replaces the slides' own
	                          backgrounds; alpha < 1 gives RGBA PNGs */
	double background_rgba[4]; /* red, green, blue, alpha in 0..1 */
	const char *name;      /* what "<name>" becomes; NULL: the deck's file
	                          name without folder and extension */
	s2p_progress_fn progress; /* may be NULL */
	void *progress_user;
	/* Fonts (issue 4). Folders whose fonts are added to fontconfig's for
	   this run only (a private configuration; the process's own is not
	   changed), and substitutions that take precedence over the built-in
	   table and over installed faces. Borrowed for the call. */
	const char *const *font_dirs;
	int n_font_dirs;
	const s2p_font_subst *font_substs;
	int n_font_substs;
	double timeout_s;      /* > 0: a slide still drawing this many seconds
	                          after it started stops at its next safe point
	                          and fails with S2P_ETIMEOUT ("timed out after
	                          N s"); the other slides go on. 0: no limit */
} s2p_render_opts;

/**
 * Fill @opts with the defaults: 96 DPI, all CPUs, PNG, "slide_<n>.png",
 * the slides' own backgrounds, no progress callback.
 */
void s2p_render_opts_default(s2p_render_opts *opts);

/** 1 if slide @number (1-based) is in @opts->slides (or that list is
 * NULL), 0 if not. Hidden slides are not considered here. */
int s2p_render_opts_selects(const s2p_render_opts *opts, int number);

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

/** How a face the deck names was drawn (s2p_font_substitution.kind). */
enum s2p_font_kind {
	S2P_FONT_METRIC,       /* a metric-compatible clone (Calibri -> Carlito):
	                          the same line breaks */
	S2P_FONT_STANDIN,      /* a similar face from the built-in table (Segoe
	                          UI -> Noto Sans): line breaks may differ */
	S2P_FONT_MAPPED,       /* the caller's s2p_render_opts.font_substs */
	S2P_FONT_FALLBACK,     /* not installed and not in the table: the
	                          theme's body font or fontconfig's choice */
	S2P_FONT_SYMBOL        /* Symbol/Wingdings: characters mapped to Unicode */
};

/** One family substitution made while rendering a deck. */
typedef struct s2p_font_substitution {
	char *requested;       /* the family the deck names */
	char *used;            /* the family that drew it */
	int kind;              /* enum s2p_font_kind */
} s2p_font_substitution;

/** "metric-compatible", "stand-in", "mapped", "fallback" or "symbol". */
const char *s2p_font_kind_name(int kind);

typedef struct s2p_run_result {
	s2p_slide_result *slides; /* one per slide in the deck, in order */
	int n_slides;
	int n_written, n_failed;
	double load_ms, split_ms, render_wall_ms;
	/* every family substitution made for the deck, once each, sorted by
	   requested then used family (faces drawn as named are not listed) */
	s2p_font_substitution *fonts;
	int n_fonts;
} s2p_run_result;

/**
 * Render the deck's selected slides to files (PNG, JPEG, PDF or SVG, as
 * @opts says), on a pool of opts->threads worker threads. Returns 0 when
 * the run could start (individual slides may still have failed: see
 * result->n_failed), or an error code with @err filled: S2P_EARG for bad
 * options (a pattern without <n> for several slides, a translucent
 * background with JPEG, a font folder that cannot be read, ...), S2P_ELIMIT for an output size over the
 * limits, S2P_ENOMEM. The caller owns @result and releases it with
 * s2p_run_result_fini(). @deck and @opts are borrowed. Call from one thread
 * at a time per deck; different decks may render concurrently.
 */
int s2p_deck_render(s2p_deck *deck, const s2p_render_opts *opts,
                    s2p_run_result *result, s2p_error *err);

/**
 * Create the missing folders above @path, as `mkdir -p` of its folder
 * would; s2p_deck_render() does this for every output file before any
 * slide is drawn. Returns 0, or S2P_EIO with @err naming the folder that
 * could not be made (a file in the way, no permission). Any thread.
 */
int s2p_make_output_dirs(const char *path, s2p_error *err);

/** Release what s2p_deck_render() put in @result. */
void s2p_run_result_fini(s2p_run_result *result);

/**
 * Compute the output size for the deck under @opts (as s2p_deck_render()
 * would). Returns 0, or S2P_EARG / S2P_ELIMIT. Reads only; any thread.
 */
int s2p_deck_output_size(const s2p_deck *deck, const s2p_render_opts *opts,
                         int *width_px, int *height_px, s2p_error *err);

/**
 * Render slide @number (1-based) of @deck on the calling thread into a new
 * cairo image surface of @width_px x @height_px (ARGB32; opaque unless
 * @opts asks for a translucent background; @opts may be NULL), for callers
 * that want pixels rather than files (thumbnails, contact sheets). Creates
 * and frees its own font map, so it may be called from any one thread per
 * deck while no s2p_deck_render() runs on it. Returns the surface (the
 * caller destroys it with cairo_surface_destroy()), or NULL with @err
 * filled: S2P_EARG (no such slide), the slide's own load error, S2P_ELIMIT,
 * S2P_ECAIRO, S2P_ETIMEOUT (past @opts->timeout_s). The return type is
 * cairo_surface_t *, declared as void * so this header does not need
 * <cairo.h>.
 */
void *s2p_deck_render_surface(s2p_deck *deck, int number, int width_px,
                              int height_px, const s2p_render_opts *opts,
                              s2p_error *err);

#ifdef __cplusplus
}
#endif
#endif
