/*
 * slides2png: opening a deck and inspecting its slides.
 *
 * Thread rules: s2p_deck_open() and everything that reads a deck run on one
 * thread (libzip and libxml2 are used only there). The deck is immutable
 * once opened (its slides are parsed the first time they are needed, which
 * changes nothing the caller can see); s2p_deck_render() (s2p-render.h)
 * does the threading itself.
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
 * Open the deck at @path: the file is read into memory and closed, and the
 * presentation part is parsed. Each slide is parsed once, the first time
 * it is needed: s2p_deck_render() parses each one just before handing it
 * to the workers, so the first slides draw while the next ones load.
 * @lim may be NULL for the defaults.
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

/**
 * Free the deck. NULL is allowed. Must not be called while
 * s2p_deck_render() runs on it.
 */
void s2p_deck_close(s2p_deck *deck);

/** Number of slides in the deck, hidden ones included. NULL gives 0. */
int s2p_deck_slide_count(const s2p_deck *deck);

/** Slide size in EMU (914400 per inch). @deck must not be NULL. */
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

/** What s2p_deck_slide_info() tells about one slide (no rendering). */
typedef struct s2p_slide_info {
	int number;              /* 1-based position in the deck */
	int hidden;              /* p:sld@show="0" */
	int loaded;              /* 0: the slide failed to load (see
	                            s2p_deck_slide_error()); the names below
	                            are then "" */
	const char *part;        /* "/ppt/slides/slide3.xml"; borrowed */
	const char *layout_name; /* the layout's cSld@name, "" if none; borrowed */
	const char *layout_type; /* sldLayout@type ("title", "obj", ...), "" if
	                            none; borrowed */
	char *title;             /* the text of the title placeholder (title or
	                            ctrTitle), paragraphs joined by one space,
	                            "" if none; owned, see s2p_slide_info_fini() */
} s2p_slide_info;

/**
 * Fill @info for slide @number (1-based) of @deck, reading the parsed
 * model only (no rendering, no I/O). The borrowed strings stay valid until
 * the deck is closed; release @info->title with s2p_slide_info_fini().
 * Returns 0, S2P_EARG if @number is out of range, or S2P_ENOMEM; on
 * failure @info needs no fini. Reads only: any one thread per deck.
 */
int s2p_deck_slide_info(const s2p_deck *deck, int number,
                        s2p_slide_info *info, s2p_error *err);

/** Release what s2p_deck_slide_info() allocated. NULL is allowed. */
void s2p_slide_info_fini(s2p_slide_info *info);

#ifdef __cplusplus
}
#endif
#endif
