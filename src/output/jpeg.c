/*
 * JPEG output through libjpeg(-turbo): baseline, 4:2:0 below quality 90
 * and 4:4:4 from 90 up (text edges stay clean), no JFIF timestamp or other
 * variable metadata, so the bytes depend only on the pixels and quality.
 * Written atomically (output/atomic.c).
 */
#include "output/output.h"

#include <errno.h>
#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <jpeglib.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct jpeg_job {
	struct jpeg_error_mgr mgr;
	jmp_buf jmp;
	char msg[JMSG_LENGTH_MAX];
} jpeg_job;

static void
on_jpeg_error(j_common_ptr cinfo)
{
	jpeg_job *job = (jpeg_job *) cinfo->err;

	cinfo->err->format_message(cinfo, job->msg);
	longjmp(job->jmp, 1);
}

static void
on_jpeg_message(j_common_ptr cinfo, int level)
{
	(void) cinfo;
	(void) level;
}

/* Separate function: only libjpeg's own state is live across longjmp. */
static int
encode(FILE *f, cairo_surface_t *s, int quality, jpeg_job *job,
       unsigned char *row)
{
	struct jpeg_compress_struct cinfo;
	int w = cairo_image_surface_get_width(s);
	int h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data = cairo_image_surface_get_data(s);

	cinfo.err = jpeg_std_error(&job->mgr);
	job->mgr.error_exit = on_jpeg_error;
	job->mgr.emit_message = on_jpeg_message;
	if (setjmp(job->jmp)) {
		jpeg_destroy_compress(&cinfo);
		return -1;
	}
	jpeg_create_compress(&cinfo);
	jpeg_stdio_dest(&cinfo, f);
	cinfo.image_width = (JDIMENSION) w;
	cinfo.image_height = (JDIMENSION) h;
	cinfo.input_components = 3;
	cinfo.in_color_space = JCS_RGB;
	jpeg_set_defaults(&cinfo);
	jpeg_set_quality(&cinfo, quality, TRUE);
	if (quality >= 90) {
		cinfo.comp_info[0].h_samp_factor = 1;
		cinfo.comp_info[0].v_samp_factor = 1;
	}
	cinfo.optimize_coding = TRUE;
	jpeg_start_compress(&cinfo, TRUE);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *) (data + (size_t) y * (size_t) stride);
		JSAMPROW rows[1] = { row };
		for (int x = 0; x < w; x++) {
			/* opaque slide: no unpremultiplying */
			row[3 * x] = (unsigned char) (px[x] >> 16);
			row[3 * x + 1] = (unsigned char) (px[x] >> 8);
			row[3 * x + 2] = (unsigned char) px[x];
		}
		jpeg_write_scanlines(&cinfo, rows, 1);
	}
	jpeg_finish_compress(&cinfo);
	jpeg_destroy_compress(&cinfo);
	return 0;
}

typedef struct jpeg_write_ctx {
	cairo_surface_t *s;
	int quality;
} jpeg_write_ctx;

static int
jpeg_write_file(FILE *f, void *ctx, char *msg, size_t msg_size)
{
	jpeg_write_ctx *c = ctx;
	unsigned char *row;
	jpeg_job job;
	int rc;

	row = s2p_malloc_array((size_t) cairo_image_surface_get_width(c->s), 3);
	if (!row)
		return S2P_ENOMEM;
	memset(&job, 0, sizeof job);
	rc = encode(f, c->s, c->quality, &job, row);
	free(row);
	snprintf(msg, msg_size, "%s", job.msg);
	return rc;
}

int
out_jpeg_write(cairo_surface_t *s, int quality, const char *path,
               s2p_error *err)
{
	jpeg_write_ctx ctx = { s, quality };

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		return S2P_FAIL(err, S2P_ECAIRO, "cannot encode: %s",
		                cairo_status_to_string(cairo_surface_status(s)));
	if (cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE ||
	    (cairo_image_surface_get_format(s) != CAIRO_FORMAT_RGB24 &&
	     cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32))
		return S2P_FAIL(err, S2P_EARG, "cannot encode: not an RGB image surface");
	if (quality < 1 || quality > 100)
		return S2P_FAIL(err, S2P_EARG, "JPEG quality %d not in 1..100", quality);
	cairo_surface_flush(s);
	return out_atomic_write(path, jpeg_write_file, &ctx, err);
}
