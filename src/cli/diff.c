/*
 * "slides2png diff OLD.pptx NEW.pptx -o DIR": which slides changed between
 * two versions of a deck, for reviews. The library compares
 * (s2p_diff_run(), pictures into DIR/img/); this file parses the options
 * and writes the report: DIR/index.html (one static page, inline CSS,
 * relative image paths), DIR/summary.md (for a pull-request comment) and
 * DIR/diff.json, each atomically. Exit status as diff(1): 0 no visual
 * change, 1 changes, 2 trouble (usage, a deck, a slide, the output).
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { DIFF_EXIT_SAME = 0, DIFF_EXIT_CHANGED = 1, DIFF_EXIT_TROUBLE = 2 };

typedef struct diff_cli {
	s2p_diff_opts opts;
	const char *old_path, *new_path;
	const char *out_dir;
	char out_buf[4096];        /* out_dir without trailing slashes */
	char img_dir[4096];
	int quiet;
	cli_opts fonts;            /* only the --font-dir/--font-map lists */
} diff_cli;

static void
diff_usage(FILE *f)
{
	fprintf(f,
	"Usage: slides2png diff [options] OLD.pptx NEW.pptx\n"
	"Compare two versions of a deck slide by slide: which slides are\n"
	"unchanged, changed (and where), added, removed or moved. Slides are\n"
	"paired by their p:sldId@id, then by picture. Writes DIR/index.html (a\n"
	"static page: changed slides first, old and new side by side with the\n"
	"changed regions outlined), DIR/summary.md (for a pull-request comment),\n"
	"DIR/diff.json and the pictures in DIR/img/. Prints one line per\n"
	"difference on stdout.\n"
	"\n"
	"  -o, --output DIR        report directory (default: review), created\n"
	"                          if missing\n"
	"      --threshold F       a slide whose fraction of changed pixels is\n"
	"                          below F (0..1) counts as unchanged (default 0)\n"
	"      --tolerance N       per-channel difference 0..255 that is not a\n"
	"                          change (default 32: anti-aliasing)\n"
	"      --ignore-ids        pair slides by picture only (decks re-saved by\n"
	"                          tools that renumber slide ids)\n"
	"  -w, --width PX          render width (both decks); -H, --height PX;\n"
	"      --scale F, --dpi N  as for rendering (default 96 DPI)\n"
	"      --hidden            also compare hidden slides\n"
	"      --background COLOR  replace the slides' backgrounds\n"
	"      --font-dir DIR, --font-map FROM=TO  fonts as for rendering\n"
	"  -j, --jobs N            worker threads (default: number of CPUs)\n"
	"  -q, --quiet             no lines on stdout, only errors\n"
	"  -h, --help              this help\n"
	"\n"
	"Exit status: 0 no visual change; 1 changes found; 2 trouble (usage, a\n"
	"deck that cannot be opened, a slide that cannot be rendered, output\n"
	"that cannot be written); 130/143 interrupted.\n");
}

static int
diff_usage_error(const char *what, const char *value)
{
	fprintf(stderr, "slides2png: diff: %s%s%s; try 'slides2png diff --help'\n",
	        what, value ? " " : "", value ? value : "");
	return -1;
}

static int
parse(int argc, char **argv, diff_cli *d)
{
	enum { OPT_THRESHOLD = 256, OPT_TOLERANCE, OPT_IGNORE_IDS, OPT_SCALE,
	       OPT_DPI, OPT_HIDDEN, OPT_BACKGROUND, OPT_FONT_DIR, OPT_FONT_MAP };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		{ "tolerance", required_argument, NULL, OPT_TOLERANCE },
		{ "ignore-ids", no_argument, NULL, OPT_IGNORE_IDS },
		{ "width", required_argument, NULL, 'w' },
		{ "height", required_argument, NULL, 'H' },
		{ "scale", required_argument, NULL, OPT_SCALE },
		{ "dpi", required_argument, NULL, OPT_DPI },
		{ "hidden", no_argument, NULL, OPT_HIDDEN },
		{ "background", required_argument, NULL, OPT_BACKGROUND },
		{ "font-dir", required_argument, NULL, OPT_FONT_DIR },
		{ "font-map", required_argument, NULL, OPT_FONT_MAP },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	s2p_render_opts *r = &d->opts.render;
	int c, bad = 0, sized = 0;

	optind = 1;
	opterr = 0;
	while (!bad && (c = getopt_long(argc, argv, ":o:w:H:j:qh", longopts,
	                                NULL)) != -1) {
		switch (c) {
		case 'o':
			bad = !*optarg;
			d->out_dir = optarg;
			break;
		case OPT_THRESHOLD:
			bad = cli_parse_double(optarg, 0, 1, &d->opts.threshold);
			break;
		case OPT_TOLERANCE:
			bad = cli_parse_int(optarg, 0, 255, &d->opts.tolerance);
			break;
		case OPT_IGNORE_IDS:
			d->opts.ignore_ids = 1;
			break;
		case 'w':
			bad = cli_parse_int(optarg, 1, 32767, &r->width_px);
			sized = 1;
			break;
		case 'H':
			bad = cli_parse_int(optarg, 1, 32767, &r->height_px);
			sized = 1;
			break;
		case OPT_SCALE:
			bad = cli_parse_double(optarg, 0.001, 100, &r->scale);
			break;
		case OPT_DPI:
			bad = cli_parse_double(optarg, 1, 2400, &r->dpi);
			sized = 1;
			break;
		case OPT_HIDDEN:
			r->include_hidden = 1;
			break;
		case OPT_BACKGROUND:
			bad = cli_parse_color(optarg, r->background_rgba);
			r->replace_background = 1;
			break;
		case OPT_FONT_DIR:
			bad = cli_add_font_dir(&d->fonts, optarg);
			break;
		case OPT_FONT_MAP:
			bad = cli_add_font_map(&d->fonts, optarg);
			break;
		case 'j':
			bad = cli_parse_int(optarg, 1, 1024, &r->threads);
			break;
		case 'q':
			d->quiet = 1;
			break;
		case 'h':
			diff_usage(stdout);
			exit(DIFF_EXIT_SAME);
		case ':':
			return diff_usage_error("option needs a value:", argv[optind - 1]);
		default:
			return diff_usage_error("unknown option", argv[optind - 1]);
		}
	}
	if (bad)
		return diff_usage_error("invalid value", optarg);
	if (argc - optind != 2)
		return diff_usage_error("needs two decks, OLD and NEW", NULL);
	if (r->scale > 0 && sized)
		return diff_usage_error("--scale cannot be combined with --width, "
		                        "--height or --dpi", NULL);
	d->old_path = argv[optind];
	d->new_path = argv[optind + 1];
	r->font_dirs = d->fonts.font_dirs;
	r->n_font_dirs = d->fonts.n_font_dirs;
	r->font_substs = d->fonts.font_substs;
	r->n_font_substs = d->fonts.n_font_substs;
	return 0;
}

/* mkdir -p @path. 0, or -1 with a message. */
static int
make_dirs(const char *path)
{
	char buf[4096];
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof buf) {
		fprintf(stderr, "slides2png: diff: bad output directory '%s'\n", path);
		return -1;
	}
	memcpy(buf, path, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != 0)
			continue;
		buf[i] = 0;
		if (mkdir(buf, 0777) && errno != EEXIST) {
			fprintf(stderr, "slides2png: diff: cannot create %s: %s\n", buf,
			        strerror(errno));
			return -1;
		}
		buf[i] = i < n ? '/' : 0;
	}
	return 0;
}

/* The report's view of one result slide. */
static const char *
status_of(const s2p_diff_slide *s)
{
	return s2p_diff_status_name(s->status);
}

static void
html_text(FILE *f, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
}

/* "slide 3 (was 2)", "slide 3", "old slide 2" */
static void
slide_label(char *buf, size_t size, const s2p_diff_slide *s)
{
	if (s->new_number && s->old_number && s->old_number != s->new_number)
		snprintf(buf, size, "slide %d (was %d)", s->new_number, s->old_number);
	else if (s->new_number)
		snprintf(buf, size, "slide %d", s->new_number);
	else
		snprintf(buf, size, "old slide %d", s->old_number);
}

static const char html_style[] =
	"body{font:15px/1.4 system-ui,sans-serif;margin:24px;color:#222;"
	"background:#f4f4f4}\n"
	"h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;"
	"border-bottom:1px solid #ccc}\n"
	"code{background:#e8e8e8;padding:0 4px}\n"
	".counts span{display:inline-block;margin-right:14px;font-weight:600}\n"
	".changed{color:#b00}.added{color:#070}.removed{color:#555}"
	".moved{color:#046}.failed{color:#a50}\n"
	"figure{margin:0 0 22px;background:#fff;padding:10px;"
	"box-shadow:0 1px 3px #0003}\n"
	"figure img{max-width:100%;height:auto;display:block;"
	"outline:1px solid #bbb}\n"
	"figcaption{margin-top:6px}\n"
	".grid{display:flex;flex-wrap:wrap;gap:12px}"
	".grid figure{width:260px;margin:0}\n"
	".pair{display:flex;gap:8px;align-items:center}"
	".pair img{width:120px}\n";

static void
html_figure(FILE *f, const char *img, const char *alt, const char *cls,
            const char *caption)
{
	fprintf(f, "<figure class=\"%s\">", cls);
	if (img) {
		fputs("<img src=\"img/", f);
		html_text(f, img);
		fputs("\" alt=\"", f);
		html_text(f, alt);
		fputs("\">", f);
	}
	fputs("<figcaption>", f);
	html_text(f, caption);
	fputs("</figcaption></figure>\n", f);
}

static void
html_changed(FILE *f, const s2p_diff_slide *s)
{
	char label[64], cap[256];

	slide_label(label, sizeof label, s);
	snprintf(cap, sizeof cap, "%s: %.2f %% of the pixels changed, %d "
	         "region%s; old on the left, new on the right%s", label,
	         s->changed_fraction * 100, s->n_regions, s->n_regions == 1 ? "" : "s",
	         s->moved ? "; also moved" : "");
	html_figure(f, s->image, label, "changed", cap);
}

static void
html_section(FILE *f, const s2p_diff_result *r, int status, const char *title)
{
	char label[64], cap[600];
	int any = 0;

	for (int k = 0; k < r->n_slides; k++) {
		const s2p_diff_slide *s = &r->slides[k];
		const char *thumb = s->new_thumb ? s->new_thumb : s->old_thumb;
		if (s->status != status)
			continue;
		if (!any++)
			fprintf(f, "<h2 class=\"%s\">%s</h2>\n<div class=\"%s\">\n",
			        s2p_diff_status_name(status), title,
			        status == S2P_DIFF_CHANGED ? "list" : "grid");
		slide_label(label, sizeof label, s);
		switch (status) {
		case S2P_DIFF_CHANGED:
			html_changed(f, s);
			break;
		case S2P_DIFF_ADDED:
		case S2P_DIFF_REMOVED:
			html_figure(f, s->image ? s->image : thumb, label, "slide", label);
			break;
		case S2P_DIFF_MOVED:
			snprintf(cap, sizeof cap, "moved from %d to %d", s->old_number,
			         s->new_number);
			html_figure(f, thumb, label, "slide", cap);
			break;
		case S2P_DIFF_FAILED:
			snprintf(cap, sizeof cap, "%s: %s", label, s->error.msg);
			html_figure(f, NULL, label, "slide", cap);
			break;
		default:
			if (s->old_number != s->new_number)
				snprintf(cap, sizeof cap, "%s, renumbered", label);
			else
				snprintf(cap, sizeof cap, "%s", label);
			html_figure(f, thumb, label, "slide", cap);
		}
	}
	if (any)
		fputs("</div>\n", f);
}

static int
write_html(FILE *f, void *ctx)
{
	const diff_cli *d = ((void **) ctx)[0];
	const s2p_diff_result *r = ((void **) ctx)[1];
	const char *t = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                "<meta charset=\"utf-8\">\n<title>Slide changes: ";

	fputs(t, f);
	html_text(f, d->new_path);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
	fputs("<h1>Slide changes</h1>\n<p>old <code>", f);
	html_text(f, d->old_path);
	fprintf(f, "</code> (%d slides) &rarr; new <code>", r->old_count);
	html_text(f, d->new_path);
	fprintf(f, "</code> (%d slides)</p>\n<p class=\"counts\">", r->new_count);
	fprintf(f, "<span class=\"changed\">%d changed</span><span class=\"added\">"
	        "%d added</span><span class=\"removed\">%d removed</span>"
	        "<span class=\"moved\">%d moved</span><span>%d unchanged</span>",
	        r->n_changed, r->n_added, r->n_removed, r->n_moved, r->n_unchanged);
	if (r->n_failed)
		fprintf(f, "<span class=\"failed\">%d failed</span>", r->n_failed);
	fputs("</p>\n", f);
	html_section(f, r, S2P_DIFF_FAILED, "Could not compare");
	html_section(f, r, S2P_DIFF_CHANGED, "Changed");
	html_section(f, r, S2P_DIFF_ADDED, "Added");
	html_section(f, r, S2P_DIFF_REMOVED, "Removed");
	html_section(f, r, S2P_DIFF_MOVED, "Moved");
	html_section(f, r, S2P_DIFF_UNCHANGED, "Unchanged");
	fputs("</body>\n</html>\n", f);
	return 0;
}

static void
md_number(FILE *f, int n)
{
	if (n)
		fprintf(f, " %d |", n);
	else
		fputs(" – |", f);
}

static int
write_md(FILE *f, void *ctx)
{
	const diff_cli *d = ((void **) ctx)[0];
	const s2p_diff_result *r = ((void **) ctx)[1];
	int n_diff = r->n_slides - r->n_unchanged;

	fprintf(f, "### Slide changes: `%s` → `%s`\n\n", d->old_path, d->new_path);
	if (!n_diff) {
		fprintf(f, "No visual changes (%d slides).\n", r->new_count);
		return 0;
	}
	fprintf(f, "%d changed · %d added · %d removed · %d moved · %d unchanged",
	        r->n_changed, r->n_added, r->n_removed, r->n_moved, r->n_unchanged);
	if (r->n_failed)
		fprintf(f, " · %d failed", r->n_failed);
	fputs("\n\n| New | Old | Status | Changed pixels | Regions |\n"
	      "|---:|---:|---|---:|---:|\n", f);
	for (int k = 0; k < r->n_slides; k++) {
		const s2p_diff_slide *s = &r->slides[k];
		if (s->status == S2P_DIFF_UNCHANGED)
			continue;
		fputs("|", f);
		md_number(f, s->new_number);
		md_number(f, s->old_number);
		fprintf(f, " %s%s |", status_of(s),
		        s->moved && s->status == S2P_DIFF_CHANGED ? ", moved" : "");
		if (s->status == S2P_DIFF_CHANGED)
			fprintf(f, " %.2f %% | %d |\n", s->changed_fraction * 100,
			        s->n_regions);
		else
			fputs(" | |\n", f);
	}
	for (int k = 0; k < r->n_slides; k++)
		if (r->slides[k].status == S2P_DIFF_FAILED)
			fprintf(f, "\n- %s", r->slides[k].error.msg);
	fputs(r->n_failed ? "\n" : "", f);
	return 0;
}

static void
json_image(cli_json *j, const char *key, const char *name)
{
	char buf[600];

	cli_json_key(j, key);
	if (!name) {
		cli_json_null(j);
		return;
	}
	snprintf(buf, sizeof buf, "img/%s", name);
	cli_json_string(j, buf);
}

static void
json_slide(cli_json *j, const s2p_diff_slide *s)
{
	static const char *by[] = { "none", "id", "image" };

	cli_json_begin_object(j);
	cli_json_key(j, "status");
	cli_json_string(j, status_of(s));
	cli_json_key(j, "old");
	if (s->old_number)
		cli_json_int(j, s->old_number);
	else
		cli_json_null(j);
	cli_json_key(j, "new");
	if (s->new_number)
		cli_json_int(j, s->new_number);
	else
		cli_json_null(j);
	cli_json_key(j, "matched_by");
	cli_json_string(j, by[s->matched_by >= 0 && s->matched_by <= 2 ?
	                      s->matched_by : 0]);
	cli_json_key(j, "moved");
	cli_json_bool(j, s->moved);
	cli_json_key(j, "identical");
	cli_json_bool(j, s->identical);
	cli_json_key(j, "changed_fraction");
	cli_json_number_digits(j, s->changed_fraction, 6);
	cli_json_key(j, "regions");
	cli_json_begin_array(j);
	for (int k = 0; k < s->n_regions; k++) {
		cli_json_begin_object(j);
		cli_json_key(j, "x");
		cli_json_int(j, s->regions[k].x);
		cli_json_key(j, "y");
		cli_json_int(j, s->regions[k].y);
		cli_json_key(j, "width");
		cli_json_int(j, s->regions[k].width);
		cli_json_key(j, "height");
		cli_json_int(j, s->regions[k].height);
		cli_json_end_object(j);
	}
	cli_json_end_array(j);
	json_image(j, "image", s->image);
	json_image(j, "old_thumb", s->old_thumb);
	json_image(j, "new_thumb", s->new_thumb);
	cli_json_key(j, "error");
	cli_json_string(j, s->status == S2P_DIFF_FAILED ? s->error.msg : NULL);
	cli_json_end_object(j);
}

static void
json_deck(cli_json *j, const char *key, const char *path, int n, int w, int h)
{
	cli_json_key(j, key);
	cli_json_begin_object(j);
	cli_json_key(j, "path");
	cli_json_string(j, path);
	cli_json_key(j, "slides");
	cli_json_int(j, n);
	cli_json_key(j, "width");
	cli_json_int(j, w);
	cli_json_key(j, "height");
	cli_json_int(j, h);
	cli_json_end_object(j);
}

static int
write_json(FILE *f, void *ctx)
{
	const diff_cli *d = ((void **) ctx)[0];
	const s2p_diff_result *r = ((void **) ctx)[1];
	static const char *names[] = { "unchanged", "changed", "added", "removed",
	                               "moved", "failed" };
	const int counts[] = { r->n_unchanged, r->n_changed, r->n_added,
	                       r->n_removed, r->n_moved, r->n_failed };
	cli_json j;

	cli_json_init(&j, f);
	cli_json_begin_object(&j);
	json_deck(&j, "old", d->old_path, r->old_count, r->old_width_px,
	          r->old_height_px);
	json_deck(&j, "new", d->new_path, r->new_count, r->new_width_px,
	          r->new_height_px);
	cli_json_key(&j, "threshold");
	cli_json_number_digits(&j, d->opts.threshold, 6);
	cli_json_key(&j, "tolerance");
	cli_json_int(&j, d->opts.tolerance);
	cli_json_key(&j, "counts");
	cli_json_begin_object(&j);
	for (int k = 0; k < 6; k++) {
		cli_json_key(&j, names[k]);
		cli_json_int(&j, counts[k]);
	}
	cli_json_end_object(&j);
	cli_json_key(&j, "slides");
	cli_json_begin_array(&j);
	for (int k = 0; k < r->n_slides; k++)
		json_slide(&j, &r->slides[k]);
	cli_json_end_array(&j);
	cli_json_end_object(&j);
	fputc('\n', f);
	return 0;
}

/* Write DIR/@name through a temporary file and rename(). 0 or -1. */
static int
write_report(const char *dir, const char *name, int (*fn)(FILE *, void *),
             void *ctx)
{
	char path[4096], tmp[4200];
	FILE *f;
	int bad;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "slides2png: diff: cannot write %s: %s\n", path,
		        strerror(errno));
		return -1;
	}
	bad = fn(f, ctx);
	bad |= ferror(f);
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, path)) {
		fprintf(stderr, "slides2png: diff: cannot write %s: %s\n", path,
		        strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

static void
print_lines(const s2p_diff_result *r)
{
	char label[64];

	for (int k = 0; k < r->n_slides; k++) {
		const s2p_diff_slide *s = &r->slides[k];
		if (s->status == S2P_DIFF_UNCHANGED || s->status == S2P_DIFF_FAILED)
			continue;
		slide_label(label, sizeof label, s);
		if (s->status == S2P_DIFF_CHANGED)
			printf("changed  %s: %.2f%% of pixels, %d region%s%s\n", label,
			       s->changed_fraction * 100, s->n_regions,
			       s->n_regions == 1 ? "" : "s", s->moved ? ", moved" : "");
		else if (s->status == S2P_DIFF_MOVED)
			printf("moved    slide %d (was %d)\n", s->new_number, s->old_number);
		else
			printf("%-8s %s\n", status_of(s), label);
	}
}

static s2p_deck *
open_deck(const char *path)
{
	s2p_error err;
	s2p_deck *deck;
	char buf[512];

	s2p_error_clear(&err);
	deck = s2p_deck_open(path, NULL, &err);
	if (!deck)
		fprintf(stderr, "slides2png: diff: %s: %s\n", path,
		        s2p_error_format(&err, buf, sizeof buf));
	return deck;
}

/* Compare and write the report; the exit status. */
static int
run_diff(diff_cli *d, s2p_deck *old_deck, s2p_deck *new_deck)
{
	s2p_diff_result r;
	s2p_error err;
	char buf[512];
	void *ctx[2] = { d, &r };
	int rc, status;

	s2p_error_clear(&err);
	rc = s2p_diff_run(old_deck, new_deck, &d->opts, &r, &err);
	if (rc) {
		fprintf(stderr, "slides2png: diff: %s\n",
		        s2p_error_format(&err, buf, sizeof buf));
		s2p_diff_result_fini(&r);
		return DIFF_EXIT_TROUBLE;
	}
	for (int k = 0; k < r.n_slides; k++)
		if (r.slides[k].status == S2P_DIFF_FAILED)
			fprintf(stderr, "slides2png: diff: %s\n", r.slides[k].error.msg);
	if (!d->quiet)
		print_lines(&r);
	status = r.n_failed ? DIFF_EXIT_TROUBLE :
	         r.n_slides != r.n_unchanged ? DIFF_EXIT_CHANGED : DIFF_EXIT_SAME;
	if (write_report(d->out_dir, "diff.json", write_json, ctx) ||
	    write_report(d->out_dir, "summary.md", write_md, ctx) ||
	    write_report(d->out_dir, "index.html", write_html, ctx))
		status = DIFF_EXIT_TROUBLE;
	else if (!d->quiet)
		printf("%s/index.html\n", d->out_dir);
	s2p_diff_result_fini(&r);
	return status;
}

int
cli_diff_main(int argc, char **argv, volatile const int *cancel)
{
	diff_cli d;
	s2p_deck *old_deck, *new_deck;
	int status;

	memset(&d, 0, sizeof d);
	s2p_diff_opts_default(&d.opts);
	d.out_dir = "review";
	if (parse(argc, argv, &d)) {
		cli_opts_fini(&d.fonts);
		return DIFF_EXIT_TROUBLE;
	}
	d.opts.render.cancel = cancel;
	/* "review/" prints as "review/index.html", not "review//index.html" */
	snprintf(d.out_buf, sizeof d.out_buf, "%s", d.out_dir);
	for (size_t n = strlen(d.out_buf); n > 1 && d.out_buf[n - 1] == '/'; n--)
		d.out_buf[n - 1] = 0;
	d.out_dir = d.out_buf;
	/* both, so that one run names every deck that cannot be opened */
	old_deck = open_deck(d.old_path);
	new_deck = open_deck(d.new_path);
	if (!old_deck || !new_deck) {
		s2p_deck_close(old_deck);
		s2p_deck_close(new_deck);
		cli_opts_fini(&d.fonts);
		return DIFF_EXIT_TROUBLE;
	}
	snprintf(d.img_dir, sizeof d.img_dir, "%s/img", d.out_dir);
	if (make_dirs(d.img_dir)) {
		status = DIFF_EXIT_TROUBLE;
	}
	else {
		d.opts.image_dir = d.img_dir;
		status = run_diff(&d, old_deck, new_deck);
	}
	s2p_deck_close(old_deck);
	s2p_deck_close(new_deck);
	cli_opts_fini(&d.fonts);
	return status;
}
