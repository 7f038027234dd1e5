/*
 * --manifest: one JSON document for the whole call, written deck by deck
 * as each finishes (to a temporary file renamed into place at the end, or
 * to stdout for "-"). Keys come in a fixed order and slides in deck order,
 * so two runs over the same decks differ only in timings.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct cli_manifest {
	FILE *f;
	char *path;      /* NULL for stdout */
	char *tmp;
	cli_json j;
};

static const char *
format_name(int format)
{
	switch (format) {
	case S2P_FORMAT_JPEG: return "jpeg";
	case S2P_FORMAT_PDF: return "pdf";
	case S2P_FORMAT_SVG: return "svg";
	}
	return "png";
}

cli_manifest *
cli_manifest_open(const char *path, const cli_opts *o)
{
	cli_manifest *m = calloc(1, sizeof *m);
	size_t n;
	s2p_error err;

	if (!m)
		goto nomem;
	if (strcmp(path, "-") == 0)
		m->f = stdout;
	else {
		n = strlen(path) + 32;
		m->path = strdup(path);
		m->tmp = malloc(n);
		if (!m->path || !m->tmp)
			goto nomem;
		snprintf(m->tmp, n, "%s.tmp.%ld", path, (long) getpid());
		s2p_error_clear(&err);
		if (s2p_make_output_dirs(path, &err) == 0)
			m->f = fopen(m->tmp, "w");
		if (!m->f) {
			char buf[512];
			fprintf(stderr, "slides2png: cannot write the manifest %s: %s\n",
			        path, err.code ? s2p_error_format(&err, buf, sizeof buf) :
			        strerror(errno));
			free(m->path);
			free(m->tmp);
			free(m);
			return NULL;
		}
	}
	cli_json_init(&m->j, m->f);
	cli_json_begin_object(&m->j);
	cli_json_key(&m->j, "generator");
	{
		char gen[64];
		snprintf(gen, sizeof gen, "slides2png %s", s2p_version());
		cli_json_string(&m->j, gen);
	}
	cli_json_key(&m->j, "format");
	cli_json_string(&m->j, format_name(o->render.format));
	cli_json_key(&m->j, "decks");
	cli_json_begin_array(&m->j);
	return m;
nomem:
	if (m) {
		free(m->path);
		free(m->tmp);
	}
	free(m);
	fprintf(stderr, "slides2png: out of memory\n");
	return NULL;
}

static const char *
status_name(int status)
{
	switch (status) {
	case S2P_SLIDE_OK: return "ok";
	case S2P_SLIDE_FAILED: return "failed";
	}
	return "skipped";
}

static void
write_slide(cli_manifest *m, const s2p_slide_result *s, const char *prev_path,
            const char *prev_hash, char hash[65])
{
	cli_json *j = &m->j;
	char buf[512];
	s2p_error err;
	int written = s->status == S2P_SLIDE_OK;

	hash[0] = 0;
	if (written && prev_path && strcmp(prev_path, s->path) == 0)
		memcpy(hash, prev_hash, 65); /* pages of one PDF: hash it once */
	else if (written) {
		s2p_error_clear(&err);
		if (s2p_sha256_file(s->path, hash, &err))
			fprintf(stderr, "slides2png: manifest: %s\n",
			        s2p_error_format(&err, buf, sizeof buf));
	}
	cli_json_begin_object(j);
	cli_json_key(j, "number");
	cli_json_int(j, s->number);
	cli_json_key(j, "hidden");
	cli_json_bool(j, s->hidden);
	cli_json_key(j, "status");
	cli_json_string(j, status_name(s->status));
	cli_json_key(j, "path");
	cli_json_string(j, written ? s->path : NULL);
	cli_json_key(j, "width_px");
	if (written)
		cli_json_int(j, s->width_px);
	else
		cli_json_null(j);
	cli_json_key(j, "height_px");
	if (written)
		cli_json_int(j, s->height_px);
	else
		cli_json_null(j);
	cli_json_key(j, "sha256");
	cli_json_string(j, hash[0] ? hash : NULL);
	cli_json_key(j, "render_ms");
	cli_json_number(j, s->status == S2P_SLIDE_SKIPPED ? 0 : s->render_ms);
	cli_json_key(j, "encode_ms");
	cli_json_number(j, s->status == S2P_SLIDE_SKIPPED ? 0 : s->encode_ms);
	cli_json_key(j, "error");
	cli_json_string(j, s->status == S2P_SLIDE_FAILED ?
	                s2p_error_format(&s->error, buf, sizeof buf) : NULL);
	cli_json_key(j, "diagnostics");
	cli_json_begin_array(j);
	for (int k = 0; k < s->n_diags; k++) {
		cli_json_begin_object(j);
		cli_json_key(j, "part");
		cli_json_string(j, s->diags[k].part);
		cli_json_key(j, "message");
		cli_json_string(j, s->diags[k].msg);
		cli_json_end_object(j);
	}
	cli_json_end_array(j);
	cli_json_end_object(j);
}

/* The deck's font substitutions, and as deck diagnostics the ones that
 * may move line breaks (what stderr warns about). */
static void
write_fonts(cli_json *j, const s2p_run_result *r)
{
	char msg[600];

	cli_json_key(j, "font_substitutions");
	cli_json_begin_array(j);
	for (int i = 0; r && i < r->n_fonts; i++) {
		cli_json_begin_object(j);
		cli_json_key(j, "requested");
		cli_json_string(j, r->fonts[i].requested);
		cli_json_key(j, "used");
		cli_json_string(j, r->fonts[i].used);
		cli_json_key(j, "kind");
		cli_json_string(j, s2p_font_kind_name(r->fonts[i].kind));
		cli_json_end_object(j);
	}
	cli_json_end_array(j);
	cli_json_key(j, "diagnostics");
	cli_json_begin_array(j);
	for (int i = 0; r && i < r->n_fonts; i++) {
		const s2p_font_substitution *f = &r->fonts[i];
		if (f->kind != S2P_FONT_STANDIN && f->kind != S2P_FONT_FALLBACK)
			continue;
		snprintf(msg, sizeof msg, "font '%.250s' is not installed: drawn with "
		         "'%.250s' (%s)", f->requested, f->used,
		         s2p_font_kind_name(f->kind));
		cli_json_begin_object(j);
		cli_json_key(j, "part");
		cli_json_string(j, "");
		cli_json_key(j, "message");
		cli_json_string(j, msg);
		cli_json_end_object(j);
	}
	cli_json_end_array(j);
}

void
cli_manifest_deck(cli_manifest *m, const char *input, const char *sha256,
                  const s2p_deck *deck, const s2p_run_result *r,
                  const s2p_error *open_err, int width_px, int height_px)
{
	cli_json *j;
	char buf[512], hash[65] = "", prev_hash[65] = "";
	const char *prev_path = NULL;
	int64_t cx = 0, cy = 0;

	if (!m)
		return;
	j = &m->j;
	cli_json_begin_object(j);
	cli_json_key(j, "path");
	cli_json_string(j, input);
	cli_json_key(j, "sha256");
	cli_json_string(j, sha256 && *sha256 ? sha256 : NULL);
	cli_json_key(j, "status");
	cli_json_string(j, deck ? "ok" : "failed");
	cli_json_key(j, "error");
	cli_json_string(j, deck ? NULL : s2p_error_format(open_err, buf, sizeof buf));
	if (deck)
		s2p_deck_slide_size(deck, &cx, &cy);
	cli_json_key(j, "slide_size");
	cli_json_begin_object(j);
	cli_json_key(j, "cx_emu");
	cli_json_int(j, cx);
	cli_json_key(j, "cy_emu");
	cli_json_int(j, cy);
	cli_json_key(j, "width_px");
	cli_json_int(j, width_px);
	cli_json_key(j, "height_px");
	cli_json_int(j, height_px);
	cli_json_end_object(j);
	cli_json_key(j, "slide_count");
	cli_json_int(j, s2p_deck_slide_count(deck));
	cli_json_key(j, "slides");
	cli_json_begin_array(j);
	for (int i = 0; r && i < r->n_slides; i++) {
		write_slide(m, &r->slides[i], prev_path, prev_hash, hash);
		if (hash[0]) {
			prev_path = r->slides[i].path;
			memcpy(prev_hash, hash, sizeof hash);
		}
	}
	cli_json_end_array(j);
	write_fonts(j, r);
	cli_json_end_object(j);
}

int
cli_manifest_close(cli_manifest *m)
{
	int rc = 0;

	if (!m)
		return 0;
	cli_json_end_array(&m->j);
	cli_json_end_object(&m->j);
	if (m->path) {
		if (fflush(m->f) != 0 || ferror(m->f))
			rc = -1;
		if (fclose(m->f) != 0)
			rc = -1;
		if (!rc && rename(m->tmp, m->path) != 0)
			rc = -1;
		if (rc) {
			fprintf(stderr, "slides2png: cannot write the manifest %s: %s\n",
			        m->path, strerror(errno));
			unlink(m->tmp);
		}
	}
	else if (fflush(stdout) != 0)
		rc = -1;
	free(m->path);
	free(m->tmp);
	free(m);
	return rc;
}
