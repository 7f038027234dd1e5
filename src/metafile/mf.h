/*
 * metafile: Windows metafiles (EMF, WMF with or without the placeable
 * header) played straight onto cairo, text through pango. Our own
 * interpreter: docs/metafile.md has the measurements of libemf2svg,
 * libuemf and libwmf that led to it. Reentrant: all state lives in one
 * call's stack and heap; safe to call from several workers at once, each
 * with its own cairo_t and PangoContext.
 */
#ifndef S2P_METAFILE_MF_H
#define S2P_METAFILE_MF_H

#include <cairo.h>
#include <pango/pango.h>
#include <stddef.h>
#include <stdint.h>

enum mf_kind { MF_NONE = 0, MF_EMF, MF_WMF };

/* Which metafile @p (@n bytes) is, from its first bytes: MF_EMF,
 * MF_WMF (placeable or plain) or MF_NONE. */
enum mf_kind mf_sniff(const unsigned char *p, size_t n);

/* Every size the player accepts; 0 in a field means its default. */
typedef struct mf_limits {
	uint32_t max_records;        /* records played per picture */
	uint32_t max_objects;        /* object table slots */
	uint32_t max_save_depth;     /* SaveDC nesting */
	uint64_t max_bitmap_pixels;  /* one embedded bitmap */
	uint64_t max_work;           /* points + bitmap pixels + glyphs */
} mf_limits;

/* What one picture could not draw, for one diagnostic. */
typedef struct mf_report {
	char msg[320];     /* empty: everything drawn */
} mf_report;

/*
 * The picture's natural aspect: width and height of its frame (EMF
 * rclFrame, WMF placeable bbox or window) in any unit. Returns 0, or -1
 * when the header is unusable (then @rep says why).
 */
int mf_frame_size(const unsigned char *p, size_t n, double *w, double *h,
                  mf_report *rep);

/*
 * Play the metafile @p (@n bytes, borrowed) onto @cr so that its frame
 * (EMF rclFrame, else rclBounds; WMF window, else placeable bbox) fills
 * 0,0-@w,@h of @cr's user space, as PowerPoint places a metafile in a
 * picture shape. @pango (borrowed; may be NULL: text is then skipped with
 * a note) supplies fonts; it is not modified. @cr's state is restored on
 * return. Returns 0 when something was drawn or the picture is empty,
 * -1 when the header is unusable; @rep collects, in one message, what
 * was not drawn (unsupported records by name, EMF+ only drawn through
 * its EMF fallback, limits hit, broken records).
 */
int mf_draw(cairo_t *cr, PangoContext *pango, const unsigned char *p,
            size_t n, double w, double h, const mf_limits *lim,
            mf_report *rep);

#endif
