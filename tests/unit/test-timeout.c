/*
 * Unit tests for the per-slide deadline (--timeout): a deadline already
 * past when drawing starts fails the slide with S2P_ETIMEOUT and the
 * message the CLI shows; a far one, or none, changes nothing; the worker
 * forgets the expiry when the next slide's deadline is set. Real clock,
 * but never racing it: "past" is a deadline before the drawing starts,
 * "far" is an hour away.
 */
#include "load/load.h"
#include "render/draw.h"
#include "split/split.h"

#include <slides2png/s2p.h>

#include "tinytest.h"

#include <libxml/parser.h>

static pml_presentation *
first_slide(pml_presentation **deck)
{
	s2p_error err;
	opc_package *pkg;

	s2p_error_clear(&err);
	*deck = NULL;
	pkg = opc_package_open_file("samples/sample.pptx", NULL, &err);
	if (pkg)
		*deck = load_presentation(pkg, &err);
	opc_package_close(pkg);
	return *deck ? split_slide(*deck, 0, &err) : NULL;
}

static int
draw(draw_worker *w, const pml_presentation *one, s2p_error *err)
{
	s2p_limits lim;
	pml_diag_list diags = { 0 };
	cairo_surface_t *s;

	s2p_limits_default(&lim);
	s2p_error_clear(err);
	s = draw_slide(w, one, 160, 90, &lim, &diags, err);
	pml_diag_list_fini(&diags);
	if (!s)
		return err->code ? err->code : -1;
	cairo_surface_destroy(s);
	return 0;
}

static void
test_worker_deadline(void)
{
	pml_presentation *deck, *one = first_slide(&deck);
	draw_worker *w;
	s2p_error err;

	CHECK(one != NULL);
	s2p_error_clear(&err);
	w = draw_worker_new(&err);
	CHECK(w != NULL);
	if (!one || !w)
		goto out;
	CHECK_INT(draw(w, one, &err), 0);               /* no deadline */
	draw_worker_set_deadline(w, s2p_now_ms() - 1, 2.5);
	CHECK_INT(draw(w, one, &err), S2P_ETIMEOUT);
	CHECK_STR(err.msg, "timed out after 2.5 s");
	draw_worker_set_deadline(w, s2p_now_ms() + 3600e3, 3600);
	CHECK_INT(draw(w, one, &err), 0);               /* expiry forgotten */
	draw_worker_set_deadline(w, 0, 0);
	CHECK_INT(draw(w, one, &err), 0);
out:
	draw_worker_free(w);
	pml_presentation_free(one);
	pml_presentation_free(deck);
}

/* The public API: s2p_deck_render_surface() honours opts->timeout_s. */
static void
test_surface_timeout(void)
{
	s2p_render_opts o;
	s2p_error err;
	s2p_deck *deck;
	void *s;

	s2p_error_clear(&err);
	deck = s2p_deck_open("samples/sample.pptx", NULL, &err);
	CHECK(deck != NULL);
	if (!deck)
		return;
	s2p_render_opts_default(&o);
	o.timeout_s = 1e-9; /* over before the first shape is reached */
	s = s2p_deck_render_surface(deck, 1, 160, 90, &o, &err);
	CHECK(s == NULL);
	CHECK_INT(err.code, S2P_ETIMEOUT);
	CHECK_STR(err.msg, "timed out after 1e-09 s");
	s2p_error_clear(&err);
	o.timeout_s = 3600;
	s = s2p_deck_render_surface(deck, 1, 160, 90, &o, &err);
	CHECK(s != NULL);
	if (s)
		cairo_surface_destroy(s);
	s2p_deck_close(deck);
}

int
main(void)
{
	xmlInitParser();
	draw_global_init();
	test_worker_deadline();
	test_surface_timeout();
	xmlCleanupParser();
	return TT_DONE();
}
