/*
 * draw-widths: the advances of faces PowerPoint has, for the characters
 * measured, next to those of the stand-in drawn in their place (see
 * draw-widths.c). Constant tables; any thread.
 */
#ifndef S2P_RENDER_DRAW_WIDTHS_H
#define S2P_RENDER_DRAW_WIDTHS_H

#include <stddef.h>
#include <stdint.h>

typedef struct draw_width_table draw_width_table;

/* The table for text in @family drawn with @standin (family names, any
 * case) in upright regular or, with @bold, bold face; or NULL: none
 * measured (italic faces never are). */
const draw_width_table *draw_widths_find(const char *family,
                                         const char *standin, int bold,
                                         int italic);

/* MS PGothic's table over IPAPGothic (kana, punctuation, Latin): not
 * one draw_widths_find returns, its runs are told by the faces drawn. */
const draw_width_table *draw_widths_pgothic(void);

/* How much wider (em; negative: narrower) the original face sets @cp than
 * the stand-in; 0 for characters not measured or a NULL table. */
double draw_widths_extra(const draw_width_table *t, uint32_t cp);

/* The table's @i-th character (code point order) in @cp and both faces'
 * advances (1/1000 em): 1, or 0 past the last one (for the tests, which
 * measure the stand-in's advances against the installed face). */
int draw_widths_at(const draw_width_table *t, size_t i, uint32_t *cp,
                   int *orig, int *standin);

#endif
