/*
 * Drawing a graphicFrame's chart into the frame's box (0,0)-(w,h), EMU.
 */
#ifndef S2P_RENDER_DRAW_CHART_H
#define S2P_RENDER_DRAW_CHART_H

#include "render/draw-imp.h"

void draw_chart(draw_ctx *dc, const dml_shape *s, double w, double h);

#endif
