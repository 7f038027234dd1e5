/*
 * Where PowerPoint puts a line's baseline. A single-spaced line is 1.2 x
 * its largest size high whatever the face; the face decides how much of
 * that lies above the baseline: usWinAscent / (usWinAscent +
 * usWinDescent) from its OS/2 table, the metrics Windows' GDI reports
 * (not hhea's, not the typo metrics). A line of several faces takes the
 * largest share above and the largest share below of its runs (each
 * face's pair scaled to one em first), then fits them into its 1.2 x
 * size: B Nazanin (0.656) with Arial Unicode MS (0.798) in one line puts
 * 0.798 / (0.798 + 0.344) = 0.699 of it above the baseline. Bullets do
 * not count.
 *
 * Measured on the corpus's PowerPoint PDFs, line by line against our
 * own PDF of the same deck (owasp2017-fa, -en and -ja, course-networks-ru,
 * thesis-pc-lte-4x3, portfolio-ml-fa), with the faces' tables read from
 * the fonts the PDFs embed: the median share above the baseline of the
 * lines of one face is, for Calibri, 0.782-0.791 (win 1950/550 gives
 * 0.780, hhea 0.750), B Nazanin 0.659-0.661 (0.656), Arial Unicode MS
 * 0.795-0.808 (0.798), Simplified Arabic Fixed 0.733 (0.733), MS PGothic
 * 0.856 (0.859), Meiryo bold 0.707 (0.707); B Nazanin lines with Arial
 * Unicode MS words 0.701, with Calibri ones 0.697 (0.699 and 0.694 by
 * the rule above; 0.677 and 0.656 by the faces' unscaled metrics).
 *
 * The stand-ins drawn for these faces have other proportions (Noto Sans
 * Arabic 0.651 for Arial Unicode MS, Nazli 0.638 for B Nazanin, Amiri
 * 0.610 for Arial's Arabic, IPAPGothic for MS PGothic): lines are placed
 * by the table below, which holds the Windows faces' own usWinAscent and
 * usWinDescent as PowerPoint embedded them. Faces not in it take those
 * of the font drawn (draw_vmetrics_font).
 */
#include "render/draw-vmetrics.h"

#include <hb-ot.h>
#include <stddef.h>
#include <stdlib.h>
#include <strings.h>

typedef struct face_metrics {
	const char *face;
	int asc, desc;            /* usWinAscent, usWinDescent (font units) */
} face_metrics;

static const face_metrics faces[] = {
	{ "Arial", 1854, 434 },
	{ "Arial Unicode MS", 2189, 555 },
	{ "B Nazanin", 1990, 1045 },
	{ "Bookman Old Style", 1831, 473 },
	{ "Calibri", 1950, 550 },
	{ "Calibri Light", 1950, 550 },
	{ "Cambria", 1946, 455 },
	{ "Franklin Gothic Book", 1877, 445 },
	/* the embedded face PowerPoint drew portfolio-ml-fa's IRANSans with */
	{ "IRANSans", 2400, 1200 },
	/* owasp2017-fa's reference machine had no Liberation Sans and drew
	 * it, Latin and Persian, in Arial Unicode MS */
	{ "Liberation Sans", 2189, 555 },
	{ "Meiryo", 2171, 901 },
	{ "\xe3\x83\xa1\xe3\x82\xa4\xe3\x83\xaa\xe3\x82\xaa", 2171, 901 }, /* Meiryo */
	{ "MS PGothic", 220, 36 },
	{ "\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83"
	  "\xe3\x82\xaf", 220, 36 },                                          /* MS PGothic */
	{ "Segoe UI Symbol", 2210, 514 },
	{ "Simplified Arabic Fixed", 1638, 598 },
	{ "Source Sans Pro", 984, 273 },
	{ "Times New Roman", 1825, 443 },
};

double
draw_vmetrics_face(const char *face)
{
	for (size_t i = 0; face && i < sizeof faces / sizeof faces[0]; i++)
		if (strcasecmp(faces[i].face, face) == 0)
			return faces[i].asc / (double) (faces[i].asc + faces[i].desc);
	return -1;
}

double
draw_vmetrics_font(PangoFont *font)
{
	hb_font_t *hb = font ? pango_font_get_hb_font(font) : NULL;
	hb_position_t a, d;
	hb_font_extents_t ext;

	if (!hb)
		return -1;
	if (hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_HORIZONTAL_CLIPPING_ASCENT,
	                               &a) &&
	    hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_HORIZONTAL_CLIPPING_DESCENT,
	                               &d) &&
	    abs(a) + abs(d) > 0)
		return abs(a) / (double) (abs(a) + abs(d));
	if (hb_font_get_h_extents(hb, &ext) && abs(ext.ascender) + abs(ext.descender) > 0)
		return abs(ext.ascender) / (double) (abs(ext.ascender) + abs(ext.descender));
	return -1;
}
