/*
 * Running the command: for each input deck in turn, open it (a file, or
 * "-" read from stdin up to the file-size limit), then either list its
 * slides or render them and report: written files on stdout in slide
 * order, errors and warnings on stderr naming deck and slide, the grid,
 * and the deck's part of the manifest. Each deck has its own results.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Exit statuses in rising severity, for several decks. */
static int
severity(int rc)
{
	switch (rc) {
	case CLI_EXIT_OK: return 0;
	case CLI_EXIT_SLIDES: return 1;
	case CLI_EXIT_INPUT: return 2;
	case CLI_EXIT_OUTPUT: return 3;
	}
	return 4; /* usage, interrupted */
}

static int
worst(int a, int b)
{
	return severity(b) > severity(a) ? b : a;
}

/* Read all of stdin, at most @max bytes. NULL with @err filled. */
static unsigned char *
read_stdin(uint64_t max, size_t *size, s2p_error *err)
{
	unsigned char *buf = NULL, *nb;
	size_t len = 0, cap = 0, n;

	for (;;) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 1 << 20;
			if ((uint64_t) cap > max) {
				free(buf);
				S2P_FAIL(err, S2P_ELIMIT, "standard input is larger than the "
				         "limit of %llu bytes", (unsigned long long) max);
				return NULL;
			}
			nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				S2P_FAIL(err, S2P_ENOMEM, "out of memory");
				return NULL;
			}
			buf = nb;
			cap = ncap;
		}
		n = fread(buf + len, 1, cap - len, stdin);
		len += n;
		if ((uint64_t) len > max) {
			free(buf);
			S2P_FAIL(err, S2P_ELIMIT, "standard input is larger than the "
			         "limit of %llu bytes", (unsigned long long) max);
			return NULL;
		}
		if (n == 0)
			break;
	}
	if (ferror(stdin)) {
		free(buf);
		S2P_FAIL(err, S2P_EIO, "cannot read standard input: %s",
		         strerror(errno));
		return NULL;
	}
	*size = len;
	return buf;
}

/* The deck's file name without folder and extension ("stdin" for -). */
static void
stem_of(const char *input, char *out, size_t size)
{
	const char *base = strrchr(input, '/'), *dot;
	size_t n;

	if (strcmp(input, "-") == 0) {
		snprintf(out, size, "stdin");
		return;
	}
	base = base ? base + 1 : input;
	dot = strrchr(base, '.');
	n = dot && dot != base ? (size_t) (dot - base) : strlen(base);
	if (n >= size)
		n = size - 1;
	memcpy(out, base, n);
	out[n] = 0;
}

/* @pattern with every "<name>" replaced by @name, into @out. */
static int
expand_name(const char *pattern, const char *name, char *out, size_t size)
{
	size_t len = 0, nl = strlen(name);

	for (const char *p = pattern; *p;) {
		const char *piece = p;
		size_t n = 1;
		if (strncmp(p, "<name>", 6) == 0) {
			piece = name;
			n = nl;
			p += 6;
		}
		else
			p++;
		if (len + n + 1 > size)
			return -1;
		memcpy(out + len, piece, n);
		len += n;
	}
	out[len] = 0;
	return 0;
}

/* Print @s with tabs and line ends as spaces (one TSV field). */
static void
put_field(const char *s)
{
	for (; s && *s; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* --list: number, hidden, layout, title; tab-separated, deck first with
 * several decks. */
static int
list_deck(const cli_opts *o, const char *input, const s2p_deck *deck)
{
	int rc = CLI_EXIT_OK;
	char buf[512];

	for (int i = 1; i <= s2p_deck_slide_count(deck); i++) {
		s2p_slide_info info;
		s2p_error err;

		if (!s2p_render_opts_selects(&o->render, i))
			continue;
		s2p_error_clear(&err);
		if (s2p_deck_slide_info(deck, i, &info, &err)) {
			fprintf(stderr, "slides2png: %s: slide %d: error: %s\n",
			        s2p_deck_name(deck), i,
			        s2p_error_format(&err, buf, sizeof buf));
			rc = CLI_EXIT_SLIDES;
			continue;
		}
		if (!info.loaded) {
			fprintf(stderr, "slides2png: %s: slide %d: error: %s\n",
			        s2p_deck_name(deck), i,
			        s2p_error_format(s2p_deck_slide_error(deck, i), buf,
			                         sizeof buf));
			rc = CLI_EXIT_SLIDES;
		}
		if (o->n_inputs > 1) {
			put_field(input);
			putchar('\t');
		}
		printf("%d\t%s\t", info.number, info.hidden ? "hidden" : "visible");
		put_field(info.layout_name);
		putchar('\t');
		put_field(info.title);
		putchar('\n');
		s2p_slide_info_fini(&info);
	}
	fflush(stdout);
	return rc;
}

/* Files on stdout (each once: the pages of one PDF share it), errors and
 * warnings on stderr. */
static void
report(const cli_opts *o, const s2p_deck *deck, const s2p_run_result *r,
       int to_stdout)
{
	const char *last = NULL;
	char buf[512];

	for (int i = 0; i < r->n_slides; i++) {
		const s2p_slide_result *s = &r->slides[i];
		if (s->status == S2P_SLIDE_OK && to_stdout &&
		    !(last && strcmp(last, s->path) == 0))
			printf("%s\n", s->path);
		if (s->status == S2P_SLIDE_OK)
			last = s->path;
		else if (s->status == S2P_SLIDE_FAILED)
			fprintf(stderr, "slides2png: %s: slide %d: error: %s\n",
			        s2p_deck_name(deck), s->number,
			        s2p_error_format(&s->error, buf, sizeof buf));
		if (!o->quiet)
			for (int k = 0; k < s->n_diags; k++)
				fprintf(stderr, "slides2png: %s: slide %d: warning: %s%s%s\n",
				        s2p_deck_name(deck), s->number, s->diags[k].part,
				        s->diags[k].part[0] ? ": " : "", s->diags[k].msg);
		if (o->verbose && s->status == S2P_SLIDE_OK)
			fprintf(stderr, "slides2png: %s: slide %d: %dx%d, render %.1f ms, "
			        "encode %.1f ms\n", s2p_deck_name(deck), s->number,
			        s->width_px, s->height_px, s->render_ms, s->encode_ms);
	}
	fflush(stdout);
}

/* 1 if a substitution of @kind may move line breaks: worth a warning. */
static int
font_kind_warns(int kind)
{
	return kind == S2P_FONT_STANDIN || kind == S2P_FONT_FALLBACK;
}

/* The deck's font substitutions, once per deck: one warning line for the
 * faces drawn with a face of other widths (not with --quiet), and under
 * --verbose one line for the others (metric-compatible clones, --font-map,
 * symbol fonts). */
static void
report_fonts(const cli_opts *o, const s2p_deck *deck, const s2p_run_result *r)
{
	for (int pass = 0; pass < 2; pass++) {
		int n = 0;
		if ((pass == 0 && o->quiet) || (pass == 1 && !o->verbose))
			continue;
		for (int i = 0; i < r->n_fonts; i++) {
			const s2p_font_substitution *f = &r->fonts[i];
			if (font_kind_warns(f->kind) != (pass == 0))
				continue;
			if (n++ == 0)
				fprintf(stderr, pass == 0 ?
				        "slides2png: %s: warning: fonts not installed, drawn "
				        "with others (line breaks may differ; see --font-dir, "
				        "--font-map): " : "slides2png: %s: fonts substituted: ",
				        s2p_deck_name(deck));
			else
				fputs(", ", stderr);
			fprintf(stderr, "%s -> %s", f->requested, f->used);
			if (pass == 1)
				fprintf(stderr, " (%s)", s2p_font_kind_name(f->kind));
		}
		if (n)
			fputc('\n', stderr);
	}
}

static s2p_deck *
open_deck(const char *input, int want_hash, char hash[65], s2p_error *err)
{
	s2p_limits lim;
	unsigned char *data;
	size_t size = 0;
	s2p_deck *deck;

	hash[0] = 0;
	if (strcmp(input, "-") != 0) {
		deck = s2p_deck_open(input, NULL, err);
		if (deck && want_hash) {
			s2p_error herr;
			char buf[512];
			s2p_error_clear(&herr);
			if (s2p_sha256_file(input, hash, &herr))
				fprintf(stderr, "slides2png: %s: %s\n", input,
				        s2p_error_format(&herr, buf, sizeof buf));
		}
		return deck;
	}
	s2p_limits_default(&lim);
	data = read_stdin(lim.max_file_bytes, &size, err);
	if (!data)
		return NULL;
	if (want_hash)
		s2p_sha256_hex(data, size, hash);
	deck = s2p_deck_open_memory(data, size, "<stdin>", &lim, err);
	free(data);
	return deck;
}

static int
run_deck(cli_opts *o, int index, cli_manifest *man, volatile const int *cancel)
{
	const char *input = o->inputs[index];
	s2p_render_opts ro = o->render;
	s2p_run_result result;
	cli_progress *bar = NULL;
	s2p_deck *deck;
	s2p_error err;
	char buf[512], hash[65], stem[256], grid[4096];
	int rc = CLI_EXIT_OK, write_failed = 0, w = 0, h = 0;
	int to_stdout = !(o->manifest && strcmp(o->manifest, "-") == 0);

	s2p_error_clear(&err);
	deck = open_deck(input, man != NULL, hash, &err);
	if (!deck) {
		fprintf(stderr, "slides2png: %s: %s\n",
		        strcmp(input, "-") == 0 ? "<stdin>" : input,
		        s2p_error_format(&err, buf, sizeof buf));
		cli_manifest_deck(man, input, hash, NULL, NULL, &err, 0, 0);
		return CLI_EXIT_INPUT;
	}
	if (o->list) {
		rc = list_deck(o, input, deck);
		s2p_deck_close(deck);
		return rc;
	}
	stem_of(input, stem, sizeof stem);
	if (strcmp(input, "-") == 0)
		ro.name = stem;
	ro.cancel = cancel;
	if (o->progress) {
		bar = cli_progress_new(s2p_deck_name(deck), index + 1, o->n_inputs);
		ro.progress = cli_progress_update;
		ro.progress_user = bar;
	}
	rc = s2p_deck_render(deck, &ro, &result, &err);
	cli_progress_free(bar);
	if (rc) {
		fprintf(stderr, "slides2png: %s: %s\n", s2p_deck_name(deck),
		        s2p_error_format(&err, buf, sizeof buf));
		s2p_deck_close(deck);
		if (err.code == S2P_EIO)
			return CLI_EXIT_OUTPUT;     /* an output folder */
		return err.code == S2P_EARG || err.code == S2P_ELIMIT ? CLI_EXIT_USAGE :
		       CLI_EXIT_INPUT;
	}
	report(o, deck, &result, to_stdout);
	report_fonts(o, deck, &result);
	if (o->verbose)
		fprintf(stderr, "slides2png: %s: %d written, %d failed; split %.1f ms, "
		        "render wall %.1f ms\n", s2p_deck_name(deck), result.n_written,
		        result.n_failed, result.split_ms, result.render_wall_ms);
	for (int i = 0; i < result.n_slides; i++)
		if (result.slides[i].status == S2P_SLIDE_FAILED &&
		    result.slides[i].write_failed)
			write_failed = 1;
	if (o->grid && !cli_cancelled(cancel)) {
		if (expand_name(o->grid, stem, grid, sizeof grid) ||
		    cli_grid_write(grid, o->grid_columns, deck, &result, &ro))
			write_failed = 1;
		else if (to_stdout) {
			printf("%s\n", grid);
			fflush(stdout);
		}
	}
	s2p_deck_output_size(deck, &ro, &w, &h, NULL);
	cli_manifest_deck(man, input, hash, deck, &result, NULL, w, h);
	if (write_failed)
		rc = CLI_EXIT_OUTPUT;
	else if (result.n_failed)
		rc = CLI_EXIT_SLIDES;
	s2p_run_result_fini(&result);
	s2p_deck_close(deck);
	return rc;
}

int
cli_run(cli_opts *o, volatile const int *cancel)
{
	cli_manifest *man = NULL;
	int rc = CLI_EXIT_OK;

	if (o->manifest) {
		man = cli_manifest_open(o->manifest, o);
		if (!man)
			return CLI_EXIT_OUTPUT;
	}
	for (int i = 0; i < o->n_inputs && !cli_cancelled(cancel); i++) {
		int d = run_deck(o, i, man, cancel);
		if (d == CLI_EXIT_USAGE) {
			/* the options do not fit the deck: stop here */
			cli_manifest_close(man);
			return d;
		}
		rc = worst(rc, d);
	}
	if (cli_manifest_close(man))
		rc = worst(rc, CLI_EXIT_OUTPUT);
	return rc;
}
