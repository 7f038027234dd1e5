/*
 * slides2png: opening a deck and inspecting its slides.
 *
 * Thread rules: s2p_deck_open() and everything that reads a deck run on one
 * thread (libzip and libxml2 are used only there). The deck is immutable
 * once opened; s2p_deck_render() (s2p-render.h) does the threading itself.
 */
#ifndef S2P_DECK_H
#define S2P_DECK_H

#include <slides2png/s2p-error.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct s2p_deck s2p_deck;

/**
 * Limits for untrusted input. Exceeding one fails with S2P_ELIMIT and a
 * message naming the limit. s2p_limits_default() gives values no real deck
 * reaches.
 */
typedef struct s2p_limits {
	uint64_t max_file_bytes;      /* the .pptx file itself */
	uint64_t max_zip_entries;
	uint64_t max_part_bytes;      /* one inflated part */
	uint64_t max_total_bytes;     /* all inflated parts read (zip bombs) */
	uint32_t max_inflate_ratio;   /* inflated / compressed, per part */
	uint32_t max_xml_depth;
	uint64_t max_xml_nodes;       /* per part */
	uint32_t max_shapes;          /* per sheet, groups included */
	uint32_t max_group_depth;
	uint64_t max_image_pixels;    /* decoded picture width*height */
	uint64_t max_output_pixels;   /* rendered slide width*height */
} s2p_limits;

/** Fill @lim with the defaults. */
void s2p_limits_default(s2p_limits *lim);

/**
 * Open and parse the deck at @path (once; all parts and media are read into
 * memory and the file is closed). @lim may be NULL for the defaults.
 * A slide that fails to parse does not fail the deck: it is reported by
 * s2p_deck_slide_error() and by rendering. Returns NULL and fills @err on
 * failure (missing file, not a ZIP, encrypted, not a presentation, no
 * slides, a limit). The caller owns the result; free it with
 * s2p_deck_close().
 */
s2p_deck *s2p_deck_open(const char *path, const s2p_limits *lim, s2p_error *err);

/**
 * Like s2p_deck_open() for a deck already in memory (@data, @size bytes,
 * borrowed for the duration of the call). @name is used in messages.
 */
s2p_deck *s2p_deck_open_memory(const void *data, size_t size, const char *name,
                               const s2p_limits *lim, s2p_error *err);

/** Free the deck. NULL is allowed. */
void s2p_deck_close(s2p_deck *deck);

/** Number of slides in the deck, hidden ones included. */
int s2p_deck_slide_count(const s2p_deck *deck);

/** Slide size in EMU (914400 per inch). */
void s2p_deck_slide_size(const s2p_deck *deck, int64_t *cx_emu, int64_t *cy_emu);

/** 1 if slide @number (1-based) is hidden, 0 if not, -1 if out of range. */
int s2p_deck_slide_hidden(const s2p_deck *deck, int number);

/**
 * The load error of slide @number, or NULL if it loaded. Borrowed; valid
 * until the deck is closed.
 */
const s2p_error *s2p_deck_slide_error(const s2p_deck *deck, int number);

/** The file name the deck was opened from. Borrowed. */
const char *s2p_deck_name(const s2p_deck *deck);

#ifdef __cplusplus
}
#endif
#endif
