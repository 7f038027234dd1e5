/*
 * Font family substitution and symbol-font bullet mapping.
 */
#ifndef S2P_RENDER_DRAW_FONT_H
#define S2P_RENDER_DRAW_FONT_H

#include <stdint.h>

/* The family to ask fontconfig for in place of @name (never NULL). */
const char *draw_font_family(const char *name);

/* Map a character drawn in a symbol font (Wingdings, Symbol) to Unicode. */
uint32_t draw_font_symbol_char(const char *font, uint32_t cp);

/* 1 if @font is a symbol font whose characters need mapping. */
int draw_font_is_symbol(const char *font);

#endif
