/*
 * draw-vmetrics: how much of a line PowerPoint puts above the baseline
 * for a face (see draw-vmetrics.c). Constant tables and read-only font
 * data; any thread.
 */
#ifndef S2P_RENDER_DRAW_VMETRICS_H
#define S2P_RENDER_DRAW_VMETRICS_H

#include <pango/pango.h>

/* The share of a line above the baseline (0..1) for text in Windows face
 * @face (any case), from the face's own metrics as PowerPoint's PDFs
 * embed them, or -1 when the face is not in the table. */
double draw_vmetrics_face(const char *face);

/* The same share for @font as drawn (borrowed): its usWinAscent over
 * usWinAscent + usWinDescent, or its ascender and descender when it has
 * no OS/2 table; -1 when it has neither. */
double draw_vmetrics_font(PangoFont *font);

#endif
