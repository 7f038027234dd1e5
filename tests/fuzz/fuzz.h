/*
 * Fuzz targets: each tests/fuzz/fuzz-<target>.c defines fuzz_one(); the
 * shared files give it the two ways to run:
 *   - with -DS2P_FUZZ=ON (clang): fuzz-common.c's LLVMFuzzerTestOneInput()
 *     feeds libFuzzer's inputs to fuzz_one();
 *   - otherwise: replay.c's main() replays the files and directories named
 *     on its command line, and checks each regression's expected outcome
 *     (see README.md).
 * fuzz-pkg.c builds the minimal valid package the part targets put their
 * input into, and loads and draws a deck the way the library does.
 */
#ifndef S2P_FUZZ_H
#define S2P_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Run one input. @outcome (NULL while fuzzing) receives a one-line summary
 * of what happened ("deck: bad XML", "slide 1: drawn", ...), compared with
 * a regression's .expect file. Must never crash, hang or leak, whatever
 * the input.
 */
void fuzz_one(const uint8_t *data, size_t size, char *outcome,
              size_t outcome_size);

/* Append to @outcome (NULL allowed) printf-style, "; "-separated. */
void fuzz_note(char *outcome, size_t outcome_size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A file of a package built in memory. */
typedef struct fuzz_file {
	const char *name;      /* zip entry name, "ppt/slides/slide1.xml" */
	const void *data;
	size_t size;
} fuzz_file;

/* A ZIP archive of @files, stored (not deflated), in a malloc'd buffer
 * (*size_out bytes), or NULL if out of memory. */
unsigned char *fuzz_zip(const fuzz_file *files, size_t n, size_t *size_out);

/* The template deck (one slide with a title, a picture, a chart and a
 * SmartArt drawing, its layout, master and theme) with the zip entry
 * @replace holding @data instead; malloc'd, *size_out bytes. */
unsigned char *fuzz_template(const char *replace, const void *data,
                             size_t size, size_t *size_out);

/*
 * Open the .pptx bytes @zip (fuzzing limits: small enough that no input
 * of -max_len size is slow for a legitimate reason), then, if @draw, draw
 * each of the first slides that loaded at 64 px wide. The summary goes to
 * @outcome.
 */
void fuzz_deck(const void *zip, size_t size, int draw, char *outcome,
               size_t outcome_size);

/* A part target: @data as zip entry @part of the template, then
 * fuzz_deck(). */
void fuzz_part(const char *part, const uint8_t *data, size_t size,
               char *outcome, size_t outcome_size);

/* The limits every target runs with. */
struct s2p_limits;
void fuzz_limits(struct s2p_limits *lim);

#endif
