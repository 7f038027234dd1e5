/*
 * Entry points of the metafile player: format sniffing, the picture's
 * frame, and playing a whole picture into a box. The picture is drawn
 * into a group so that the file's own clipping (which may reset the clip)
 * never escapes the caller's clip, and the caller's cairo state is
 * restored whatever the records did.
 */
#include "metafile/mf-imp.h"

#include <stdio.h>
#include <string.h>

enum mf_kind
mf_sniff(const unsigned char *p, size_t n)
{
	if (n >= 44 && mf_u32(p) == 1 && memcmp(p + 40, " EMF", 4) == 0)
		return MF_EMF;
	if (n >= 4 && mf_u32(p) == 0x9AC6CDD7u)
		return MF_WMF;
	/* a plain WMF header: type 1 (memory) or 2 (disk), 9-word header,
	 * version 0x0100 or 0x0300 */
	if (n >= 18 && (mf_u16(p) == 1 || mf_u16(p) == 2) && mf_u16(p + 2) == 9 &&
	    (mf_u16(p + 4) == 0x0100 || mf_u16(p + 4) == 0x0300))
		return MF_WMF;
	return MF_NONE;
}

int
mf_frame_size(const unsigned char *p, size_t n, double *w, double *h,
              mf_report *rep)
{
	double fr[4];
	int rc;

	rep->msg[0] = 0;
	switch (mf_sniff(p, n)) {
	case MF_EMF: rc = mf_emf_frame(p, n, fr, rep); break;
	case MF_WMF: rc = mf_wmf_frame(p, n, fr, rep); break;
	default:
		snprintf(rep->msg, sizeof rep->msg, "not a metafile");
		return -1;
	}
	if (rc)
		return -1;
	*w = fr[2] - fr[0];
	*h = fr[3] - fr[1];
	if (*w < 0) *w = -*w;
	if (*h < 0) *h = -*h;
	return 0;
}

/* Number of object slots the header asks for. */
static uint32_t
header_objects(const unsigned char *p, size_t n, enum mf_kind k)
{
	size_t off;

	if (k == MF_EMF)
		return n >= 58 ? mf_u16(p + 56) : 0;
	off = mf_u32(p) == 0x9AC6CDD7u ? 22 : 0;
	return n >= off + 12 ? mf_u16(p + off + 10) : 0;
}

int
mf_draw(cairo_t *cr, PangoContext *pango, const unsigned char *p, size_t n,
        double w, double h, const mf_limits *lim, mf_report *rep)
{
	enum mf_kind kind = mf_sniff(p, n);
	mf_limits limits;
	mf_player pl;
	int rc;

	rep->msg[0] = 0;
	if (kind == MF_NONE) {
		snprintf(rep->msg, sizeof rep->msg, "not a metafile");
		return -1;
	}
	if (!(w > 0) || !(h > 0))
		return 0;
	if (mf_player_init(&pl, cr, pango, mf_limits_resolve(lim, &limits),
	                   rep, header_objects(p, n, kind))) {
		mf_player_fini(&pl);
		snprintf(rep->msg, sizeof rep->msg, "out of memory");
		return -1;
	}
	cairo_save(cr);
	cairo_new_path(cr);
	cairo_rectangle(cr, 0, 0, w, h);
	cairo_clip(cr);
	cairo_push_group(cr);
	rc = kind == MF_EMF ? mf_emf_play(&pl, p, n, w, h)
	                    : mf_wmf_play(&pl, p, n, w, h);
	mf_player_fini(&pl);   /* unwinds SaveDCs left open */
	cairo_pop_group_to_source(cr);
	cairo_paint(cr);
	cairo_restore(cr);
	if (rc == 0)
		mf_report_finish(&pl);
	return rc;
}
