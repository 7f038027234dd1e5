/*
 * Symbol fonts (symfont.c): Wingdings, Symbol and the other faces whose
 * characters are pictures at Latin-1 code points. Decks and metafiles
 * write their text as those bytes (or at U+F020..U+F0FF); the faces are
 * rarely installed, so the text is drawn as the Unicode characters the
 * glyphs show.
 */
#ifndef S2P_BASE_SYMFONT_H
#define S2P_BASE_SYMFONT_H

#include <stdint.h>

/* 1 if @face (NULL-safe) is a symbol font: Wingdings, Wingdings 2 and 3,
 * Webdings, Symbol. */
int s2p_symfont_is(const char *face);

/*
 * The Unicode character that code @cp (0x20..0xFF, or the same at
 * U+F020..U+F0FF) shows in symbol font @face; 0 when there is none that
 * we know (a glyph Unicode lacks, a face we have no table for, or @cp
 * out of range). Wingdings' and Symbol's tables are complete; Webdings
 * has its commonest marks only, Wingdings 2 and 3 none.
 */
uint32_t s2p_symfont_char(const char *face, uint32_t cp);

#endif
