/*
 * Drawing a graphicFrame's table into the frame's box (0,0)-(w,h), EMU.
 */
#ifndef S2P_RENDER_DRAW_TABLE_H
#define S2P_RENDER_DRAW_TABLE_H

#include "render/draw-imp.h"

void draw_table(draw_ctx *dc, const dml_shape *s, double w, double h);

#endif
