/*
 * Command-line parsing (getopt_long): every option into cli_opts, then
 * the checks that need all of them (several decks need <name>, --scale
 * excludes the other sizes, JPEG has no transparency, ...). Errors are one
 * "slides2png: ..." line on stderr and the usage exit status (99).
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static void
usage(FILE *f)
{
	fprintf(f,
	"Usage: slides2png [options] DECK.pptx...\n"
	"       slides2png diff [options] OLD.pptx NEW.pptx  (see diff --help)\n"
	"Render the slides of PowerPoint decks to PNG (or JPEG, PDF, SVG), in\n"
	"parallel. DECK may be - for standard input. Written files are listed\n"
	"on stdout, one per line, in slide order; messages go to stderr.\n"
	"\n"
	"Output\n"
	"  -o, --output PATTERN    output path; <n> is the slide number, <n:3> the\n"
	"                          number zero-padded to 3 digits, <name> the\n"
	"                          deck's file name without extension (needed\n"
	"                          with several decks). Default slide_<n>.png, or\n"
	"                          <name>_<n>.png with several decks\n"
	"  -f, --format FMT        png, jpeg, pdf or svg (default: from the\n"
	"                          PATTERN's extension, else png); pdf without <n>\n"
	"                          in PATTERN gives one multi-page file per deck\n"
	"      --quality Q         JPEG quality 1-100 (default 90)\n"
	"      --background COLOR  replace the slides' backgrounds: #RRGGBB,\n"
	"                          #RRGGBBAA, a name (white, black, ...) or\n"
	"                          transparent (PNG with alpha)\n"
	"Size (default 96 DPI: a 13.333x7.5 in slide gives 1280x720)\n"
	"  -w, --width PX          output width; height keeps the aspect ratio\n"
	"  -H, --height PX         output height; with --width: fit inside both\n"
	"      --scale F           the 96 DPI size times F (e.g. 0.5, 2)\n"
	"      --dpi N             resolution (default 96)\n"
	"Slides\n"
	"  -s, --slides LIST       only these slides, e.g. 1,3-5 (deck numbering)\n"
	"      --hidden            also render hidden slides\n"
	"  -l, --list              list the slides (number, hidden, layout, title)\n"
	"                          as tab-separated lines; render nothing\n"
	"Reports\n"
	"      --manifest FILE     write a JSON manifest (decks, slides, files,\n"
	"                          sha256, timings, diagnostics); - for stdout,\n"
	"                          which then carries only the JSON\n"
	"      --grid FILE         also write a contact sheet PNG of the rendered\n"
	"                          slides with their numbers\n"
	"      --grid-columns N    columns of the contact sheet (default 4)\n"
	"Fonts\n"
	"      --font-dir DIR      also use the fonts in DIR (repeatable), e.g.\n"
	"                          the deck's own fonts\n"
	"      --font-map FROM=TO  draw family FROM with the installed family TO\n"
	"                          (repeatable); takes precedence over the built-in\n"
	"                          substitutions (Calibri=Carlito, ...)\n"
	"Running\n"
	"  -j, --jobs N            worker threads (default: number of CPUs)\n"
	"      --timeout SECONDS   give up on a slide still drawing after this\n"
	"                          long (reported as failed; the others are\n"
	"                          written). Default: no limit\n"
	"  -q, --quiet             no warnings and no progress bar, only errors\n"
	"  -v, --verbose           timings per slide and per deck, and every font\n"
	"                          substitution, on stderr\n"
	"  -h, --help              this help\n"
	"  -V, --version           version and library versions\n"
	"\n"
	"A progress bar is drawn on stderr only when it is a terminal (and not\n"
	"with --quiet, TERM=dumb or CI set). Fonts a deck names that are not\n"
	"installed and have no metric-compatible clone are reported once per\n"
	"deck (line breaks may differ from PowerPoint's).\n"
	"\n"
	"Exit status: 0 all written; 1 cannot open or parse an input deck; 2\n"
	"cannot write output; 3 some slides failed (the others were written); 99\n"
	"usage error; 130/143 interrupted (SIGINT/SIGTERM). With several decks\n"
	"the first of 130/143, 2, 1, 3 that applies.\n"
	"See slides2png(1).\n");
}

static int
parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < lo || v > hi)
		return -1;
	*out = (int) v;
	return 0;
}

static int
parse_double(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end || errno || !(v >= lo && v <= hi))
		return -1;
	*out = v;
	return 0;
}

/* --font-dir DIR: kept in order (borrowed from argv). */
static int
add_font_dir(cli_opts *o, const char *dir)
{
	const char **d;

	if (!*dir)
		return -1;
	d = realloc(o->font_dirs, (size_t) (o->n_font_dirs + 1) * sizeof *d);
	if (!d)
		return -1;
	o->font_dirs = d;
	o->font_dirs[o->n_font_dirs++] = dir;
	return 0;
}

/* --font-map FROM=TO: split at the first '=', both sides non-empty. */
static int
add_font_map(cli_opts *o, const char *arg)
{
	const char *eq = strchr(arg, '=');
	s2p_font_subst *m;
	char *from;

	if (!eq || eq == arg || !eq[1])
		return -1;
	from = strndup(arg, (size_t) (eq - arg));
	m = realloc(o->font_substs, (size_t) (o->n_font_substs + 1) * sizeof *m);
	if (!from || !m) {
		free(from);
		if (m)
			o->font_substs = m;
		return -1;
	}
	o->font_substs = m;
	m[o->n_font_substs].from = from;
	m[o->n_font_substs++].to = eq + 1;
	return 0;
}

/* "1,3-5" -> list of numbers. */
static int
parse_slides(const char *s, cli_opts *o)
{
	char *copy = strdup(s), *save = NULL, *tok;
	int rc = 0;

	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok && !rc;
	     tok = strtok_r(NULL, ",", &save)) {
		int a, b;
		char *dash = strchr(tok, '-');
		if (dash) {
			*dash = 0;
			rc = parse_int(tok, 1, 100000, &a) || parse_int(dash + 1, 1, 100000, &b)
			     || a > b ? -1 : 0;
		}
		else {
			rc = parse_int(tok, 1, 100000, &a);
			b = a;
		}
		for (int v = a; !rc && v <= b; v++) {
			int *n = realloc(o->slides, (size_t) (o->n_slides + 1) * sizeof *n);
			if (!n) {
				rc = -1;
				break;
			}
			o->slides = n;
			o->slides[o->n_slides++] = v;
		}
	}
	free(copy);
	return rc || o->n_slides == 0 ? -1 : 0;
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
cli_parse_color(const char *s, double rgba[4])
{
	static const struct { const char *name; unsigned rgb; } names[] = {
		{ "white", 0xffffff }, { "black", 0x000000 }, { "gray", 0x808080 },
		{ "grey", 0x808080 }, { "red", 0xff0000 }, { "green", 0x008000 },
		{ "blue", 0x0000ff }, { "yellow", 0xffff00 },
	};
	int d[8];
	size_t n = strlen(s);

	if (strcasecmp(s, "transparent") == 0 || strcasecmp(s, "none") == 0) {
		rgba[0] = rgba[1] = rgba[2] = rgba[3] = 0;
		return 0;
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(s, names[i].name) == 0) {
			rgba[0] = (names[i].rgb >> 16) / 255.0;
			rgba[1] = ((names[i].rgb >> 8) & 255) / 255.0;
			rgba[2] = (names[i].rgb & 255) / 255.0;
			rgba[3] = 1;
			return 0;
		}
	if (s[0] != '#' || (n != 4 && n != 7 && n != 9))
		return -1;
	for (size_t i = 1; i < n; i++)
		if ((d[i - 1] = hex_digit(s[i])) < 0)
			return -1;
	if (n == 4) {
		for (int i = 0; i < 3; i++)
			rgba[i] = (d[i] * 17) / 255.0;
		rgba[3] = 1;
		return 0;
	}
	for (int i = 0; i < 3; i++)
		rgba[i] = (d[2 * i] * 16 + d[2 * i + 1]) / 255.0;
	rgba[3] = n == 9 ? (d[6] * 16 + d[7]) / 255.0 : 1;
	return 0;
}

static int
parse_format(const char *s)
{
	if (strcasecmp(s, "png") == 0)
		return S2P_FORMAT_PNG;
	if (strcasecmp(s, "jpeg") == 0 || strcasecmp(s, "jpg") == 0)
		return S2P_FORMAT_JPEG;
	if (strcasecmp(s, "pdf") == 0)
		return S2P_FORMAT_PDF;
	if (strcasecmp(s, "svg") == 0)
		return S2P_FORMAT_SVG;
	return -1;
}

/* The format a pattern's extension names, or -1. */
static int
format_of_pattern(const char *pattern)
{
	const char *slash = strrchr(pattern, '/');
	const char *dot = strrchr(slash ? slash : pattern, '.');

	return dot ? parse_format(dot + 1) : -1;
}

static int usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "slides2png: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "; try 'slides2png --help'\n");
	return -1;
}

/* Checks that need every option. */
static int
check(cli_opts *o, int format_given, int quality_given, int dpi_given)
{
	static char default_pattern[32];
	const char *ext;
	int n_stdin = 0;

	if (o->n_inputs == 0)
		return usage_error("%s", "no input deck given");
	for (int i = 0; i < o->n_inputs; i++)
		n_stdin += strcmp(o->inputs[i], "-") == 0;
	if (n_stdin > 1)
		return usage_error("%s", "standard input (-) can be read only once");
	if (!format_given && o->render.pattern &&
	    format_of_pattern(o->render.pattern) >= 0)
		o->render.format = format_of_pattern(o->render.pattern);
	ext = o->render.format == S2P_FORMAT_JPEG ? "jpg" :
	      o->render.format == S2P_FORMAT_PDF ? "pdf" :
	      o->render.format == S2P_FORMAT_SVG ? "svg" : "png";
	if (o->n_inputs > 1) {
		if (o->render.pattern && !strstr(o->render.pattern, "<name>"))
			return usage_error("with several decks the output pattern '%s' "
			                   "needs <name>, or the files would collide",
			                   o->render.pattern);
		if (o->grid && !strstr(o->grid, "<name>"))
			return usage_error("with several decks the --grid file '%s' "
			                   "needs <name>", o->grid);
		if (!o->render.pattern) {
			snprintf(default_pattern, sizeof default_pattern,
			         "<name>_<n>.%s", ext);
			o->render.pattern = default_pattern;
		}
	}
	if (o->render.scale > 0 && (o->render.width_px || o->render.height_px ||
	                            dpi_given))
		return usage_error("%s", "--scale cannot be combined with --width, "
		                   "--height or --dpi");
	if (quality_given && o->render.format != S2P_FORMAT_JPEG)
		return usage_error("%s", "--quality applies only to JPEG output");
	if (o->render.format == S2P_FORMAT_JPEG && o->render.replace_background &&
	    o->render.background_rgba[3] < 1)
		return usage_error("%s", "JPEG has no transparency; give an opaque "
		                   "--background colour");
	if (o->list && (o->manifest || o->grid))
		return usage_error("%s", "--list renders nothing: it cannot be "
		                   "combined with --manifest or --grid");
	for (int i = 0; i < o->n_font_dirs; i++) {
		struct stat st;
		if (stat(o->font_dirs[i], &st) != 0 || !S_ISDIR(st.st_mode))
			return usage_error("--font-dir '%s' is not a folder",
			                   o->font_dirs[i]);
	}
	o->render.slides = o->slides;
	o->render.n_slides = o->n_slides;
	o->render.font_dirs = o->font_dirs;
	o->render.n_font_dirs = o->n_font_dirs;
	o->render.font_substs = o->font_substs;
	o->render.n_font_substs = o->n_font_substs;
	return 0;
}

int
cli_args_parse(int argc, char **argv, cli_opts *o)
{
	enum { OPT_DPI = 256, OPT_HIDDEN, OPT_SCALE, OPT_QUALITY, OPT_BACKGROUND,
	       OPT_MANIFEST, OPT_GRID, OPT_GRID_COLUMNS, OPT_FONT_DIR, OPT_FONT_MAP,
	       OPT_TIMEOUT };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "quality", required_argument, NULL, OPT_QUALITY },
		{ "background", required_argument, NULL, OPT_BACKGROUND },
		{ "jobs", required_argument, NULL, 'j' },
		{ "width", required_argument, NULL, 'w' },
		{ "height", required_argument, NULL, 'H' },
		{ "scale", required_argument, NULL, OPT_SCALE },
		{ "dpi", required_argument, NULL, OPT_DPI },
		{ "slides", required_argument, NULL, 's' },
		{ "hidden", no_argument, NULL, OPT_HIDDEN },
		{ "list", no_argument, NULL, 'l' },
		{ "manifest", required_argument, NULL, OPT_MANIFEST },
		{ "grid", required_argument, NULL, OPT_GRID },
		{ "grid-columns", required_argument, NULL, OPT_GRID_COLUMNS },
		{ "font-dir", required_argument, NULL, OPT_FONT_DIR },
		{ "font-map", required_argument, NULL, OPT_FONT_MAP },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, li, format_given = 0, quality_given = 0, dpi_given = 0;
	char name[32];

	s2p_render_opts_default(&o->render);
	o->grid_columns = 4;
	opterr = 0; /* our own one-line messages */
	while ((li = -1, c = getopt_long(argc, argv, ":o:f:j:w:H:s:lqvhV",
	                                 longopts, &li)) != -1) {
		switch (c) {
		case 'o':
			if (!*optarg)
				goto bad;
			o->render.pattern = optarg;
			break;
		case 'f':
			o->render.format = parse_format(optarg);
			if (o->render.format < 0)
				goto bad;
			format_given = 1;
			break;
		case OPT_QUALITY:
			if (parse_int(optarg, 1, 100, &o->render.quality))
				goto bad;
			quality_given = 1;
			break;
		case OPT_BACKGROUND:
			if (cli_parse_color(optarg, o->render.background_rgba))
				goto bad;
			o->render.replace_background = 1;
			break;
		case 'j':
			if (parse_int(optarg, 1, 1024, &o->render.threads))
				goto bad;
			break;
		case 'w':
			if (parse_int(optarg, 1, 32767, &o->render.width_px))
				goto bad;
			break;
		case 'H':
			if (parse_int(optarg, 1, 32767, &o->render.height_px))
				goto bad;
			break;
		case OPT_SCALE:
			if (parse_double(optarg, 0.001, 100, &o->render.scale))
				goto bad;
			break;
		case OPT_DPI:
			if (parse_double(optarg, 1, 2400, &o->render.dpi))
				goto bad;
			dpi_given = 1;
			break;
		case 's':
			if (parse_slides(optarg, o))
				goto bad;
			break;
		case OPT_HIDDEN:
			o->render.include_hidden = 1;
			break;
		case 'l':
			o->list = 1;
			break;
		case OPT_MANIFEST:
			if (!*optarg)
				goto bad;
			o->manifest = optarg;
			break;
		case OPT_GRID:
			if (!*optarg)
				goto bad;
			o->grid = optarg;
			break;
		case OPT_GRID_COLUMNS:
			if (parse_int(optarg, 1, 100, &o->grid_columns))
				goto bad;
			break;
		case OPT_FONT_DIR:
			if (add_font_dir(o, optarg))
				goto bad;
			break;
		case OPT_FONT_MAP:
			if (add_font_map(o, optarg))
				goto bad;
			break;
		case OPT_TIMEOUT:
			/* a positive number of seconds, fractions allowed; a week at most */
			if (parse_double(optarg, 0.001, 604800, &o->render.timeout_s))
				goto bad;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'h':
			usage(stdout);
			exit(CLI_EXIT_OK);
		case 'V':
			printf("slides2png %s\n%s\n", s2p_version(), s2p_library_versions());
			exit(CLI_EXIT_OK);
		case ':':
			fprintf(stderr, "slides2png: option '%s' needs a value; try "
			        "'slides2png --help'\n", argv[optind - 1]);
			return -1;
		default:
			fprintf(stderr, "slides2png: unknown option '%s'; try "
			        "'slides2png --help'\n", argv[optind - 1]);
			return -1;
		}
	}
	o->inputs = argv + optind;
	o->n_inputs = argc - optind;
	return check(o, format_given, quality_given, dpi_given);
bad:
	if (li >= 0)
		snprintf(name, sizeof name, "--%s", longopts[li].name);
	else
		snprintf(name, sizeof name, "-%c", c);
	fprintf(stderr, "slides2png: invalid value '%s' for option %s; try "
	        "'slides2png --help'\n", optarg, name);
	return -1;
}

void
cli_opts_fini(cli_opts *o)
{
	free(o->slides);
	o->slides = NULL;
	free(o->font_dirs);
	o->font_dirs = NULL;
	for (int i = 0; i < o->n_font_substs; i++)
		free((char *) o->font_substs[i].from);
	free(o->font_substs);
	o->font_substs = NULL;
	o->n_font_dirs = o->n_font_substs = 0;
}

int
cli_parse_int(const char *s, int lo, int hi, int *out)
{
	return parse_int(s, lo, hi, out);
}

int
cli_parse_double(const char *s, double lo, double hi, double *out)
{
	return parse_double(s, lo, hi, out);
}

int
cli_add_font_dir(cli_opts *o, const char *dir)
{
	return add_font_dir(o, dir);
}

int
cli_add_font_map(cli_opts *o, const char *arg)
{
	return add_font_map(o, arg);
}
