/*
 * cli: the slides2png command line, a thin client of <slides2png/s2p.h>.
 * args.c parses options into cli_opts; run.c opens and renders each deck
 * and reports; progress.c, json.c, manifest.c and grid.c are the output
 * conventions. Everything runs on the main thread except the progress
 * callback, which the library calls from a worker under its lock.
 */
#ifndef S2P_CLI_CLI_H
#define S2P_CLI_CLI_H

#include <slides2png/s2p.h>

#include <stdio.h>

enum {
	CLI_EXIT_OK = 0,
	CLI_EXIT_INPUT = 1,     /* cannot open or parse an input deck */
	CLI_EXIT_OUTPUT = 2,    /* cannot write output */
	CLI_EXIT_SLIDES = 3,    /* some slides failed, the others were written */
	CLI_EXIT_USAGE = 99,
	CLI_EXIT_SIGINT = 130,
	CLI_EXIT_SIGTERM = 143
};

typedef struct cli_opts {
	s2p_render_opts render;
	int *slides;
	int n_slides;
	int quiet, verbose;
	int list;                 /* --list: print the slide list, no rendering */
	char **inputs;            /* borrowed from argv; "-" is stdin */
	int n_inputs;
	const char *manifest;     /* NULL, a path, or "-" for stdout */
	const char *grid;         /* NULL or a path (may contain <name>) */
	int grid_columns;
	int progress;             /* draw the progress bar on stderr */
	const char **font_dirs;   /* --font-dir, borrowed from argv */
	int n_font_dirs;
	s2p_font_subst *font_substs; /* --font-map; "from" copied, "to" borrowed */
	int n_font_substs;
} cli_opts;

/* args.c: parse the command line into @o (argv strings are borrowed).
 * Returns 0; or prints a one-line "slides2png: ..." and returns -1 (usage
 * error); --help and --version print and exit(0). */
int cli_args_parse(int argc, char **argv, cli_opts *o);
void cli_opts_fini(cli_opts *o);
/* A whole decimal number in @lo..@hi into *@out: 0, or -1. */
int cli_parse_int(const char *s, int lo, int hi, int *out);
int cli_parse_double(const char *s, double lo, double hi, double *out);
/* --font-dir DIR and --font-map FROM=TO into @o's font lists: 0, or -1. */
int cli_add_font_dir(cli_opts *o, const char *dir);
int cli_add_font_map(cli_opts *o, const char *arg);
/* "#RGB", "#RRGGBB", "#RRGGBBAA", a few names, "transparent". */
int cli_parse_color(const char *s, double rgba[4]);

/* progress.c: the progress bar (only when cli_opts.progress). */
typedef struct cli_progress cli_progress;
cli_progress *cli_progress_new(const char *deck, int deck_index, int n_decks);
void cli_progress_update(void *user, int done, int total); /* s2p_progress_fn */
void cli_progress_free(cli_progress *p);  /* clears the line */
/* 1 if a progress bar belongs on stderr: a terminal, not dumb, not CI. */
int cli_progress_wanted(void);

/* json.c: a small streaming JSON writer (pretty-printed, 2 spaces). */
typedef struct cli_json {
	FILE *f;
	int depth;
	int has_items[64];        /* per level: something written already */
	int after_key;
} cli_json;

void cli_json_init(cli_json *j, FILE *f);
void cli_json_begin_object(cli_json *j);
void cli_json_end_object(cli_json *j);
void cli_json_begin_array(cli_json *j);
void cli_json_end_array(cli_json *j);
void cli_json_key(cli_json *j, const char *key);
void cli_json_string(cli_json *j, const char *s);   /* NULL: null */
void cli_json_int(cli_json *j, long long v);
void cli_json_number(cli_json *j, double v);        /* 3 decimals */
void cli_json_number_digits(cli_json *j, double v, int digits);
void cli_json_bool(cli_json *j, int v);
void cli_json_null(cli_json *j);
/* Write @s as a JSON string literal (escaped, valid UTF-8) to @f. */
void cli_json_write_string(FILE *f, const char *s);

/* manifest.c: the --manifest JSON, one deck at a time. */
typedef struct cli_manifest cli_manifest;
/* Open the manifest (a temporary file next to @path, or stdout for "-").
 * NULL with a message on stderr when it cannot be created. */
cli_manifest *cli_manifest_open(const char *path, const cli_opts *o);
/* A deck that rendered (@deck_sha256 may be ""), or could not be opened
 * (@deck NULL, @open_err set). */
void cli_manifest_deck(cli_manifest *m, const char *input, const char *sha256,
                       const s2p_deck *deck, const s2p_run_result *r,
                       const s2p_error *open_err, int width_px, int height_px);
/* Finish and rename into place; returns 0 or -1 (message printed). */
int cli_manifest_close(cli_manifest *m);

/* grid.c: a contact sheet of the deck's rendered slides, written
 * atomically to @path. Returns 0, or -1 with a message on stderr. */
int cli_grid_write(const char *path, int columns, s2p_deck *deck,
                   const s2p_run_result *r, const s2p_render_opts *ro);
/* The grid's size for @n slides of @cx x @cy EMU in @columns columns. */
void cli_grid_size(int n, int columns, long long cx, long long cy, int *w,
                   int *h, int *thumb_w, int *thumb_h);

/* run.c */
int cli_run(cli_opts *o, volatile const int *cancel);

/* The cancel flag, read atomically (a signal handler on any thread sets
 * it while the library's workers read it). */
static inline int
cli_cancelled(volatile const int *cancel)
{
	return cancel && __atomic_load_n(cancel, __ATOMIC_RELAXED);
}

/* diff.c: "slides2png diff OLD NEW -o DIR" (@argv[0] is "diff"). Returns
 * the exit status: 0 no visual change, 1 changes, 2 trouble. */
int cli_diff_main(int argc, char **argv, volatile const int *cancel);

#endif
