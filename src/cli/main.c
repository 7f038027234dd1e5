/*
 * slides2png command line: parse options, open the deck, render, report.
 * A thin client of the public API (<slides2png/s2p.h> only). Written files
 * go to stdout, one per line in slide order; everything else to stderr,
 * prefixed with the deck and slide.
 */
#include <slides2png/s2p.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,     /* cannot open or parse the input */
	EXIT_OUTPUT = 2,    /* cannot write output */
	EXIT_SLIDES = 3,    /* some slides failed, the others were written */
	EXIT_USAGE = 99,
	EXIT_SIGINT = 130,
	EXIT_SIGTERM = 143
};

static volatile int cancel_flag;
static volatile sig_atomic_t cancel_signal;

static void
on_signal(int sig)
{
	cancel_signal = sig;
	cancel_flag = 1;
}

typedef struct cli_opts {
	s2p_render_opts render;
	int *slides;
	int n_slides;
	int quiet, verbose;
	const char *input;
} cli_opts;

static void
usage(FILE *f)
{
	fprintf(f,
	"Usage: slides2png DECK.pptx [options]\n"
	"Render every visible slide of a PowerPoint deck to PNG, in parallel.\n"
	"\n"
	"  -o, --output PATTERN  output path; <n> is the slide number, <n:3> the\n"
	"                        number zero-padded to 3 digits\n"
	"                        (default: slide_<n>.png)\n"
	"  -j, --jobs N          worker threads (default: number of CPUs)\n"
	"  -w, --width PX        output width; height keeps the aspect ratio\n"
	"  -H, --height PX       output height; with --width: fit inside both\n"
	"      --dpi N           resolution when no size is given (default 96)\n"
	"  -s, --slides LIST     only these slides, e.g. 1,3-5 (deck numbering)\n"
	"      --hidden          also render hidden slides\n"
	"  -q, --quiet           no diagnostics, only errors\n"
	"  -v, --verbose         timings per slide and stage on stderr\n"
	"  -h, --help            this help\n"
	"  -V, --version         version and library versions\n"
	"\n"
	"Exit status: 0 all written; 1 cannot open or parse the input; 2 cannot\n"
	"write output; 3 some slides failed (the others were written); 99 usage\n"
	"error; 130/143 interrupted.\n");
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
parse_args(int argc, char **argv, cli_opts *o)
{
	enum { OPT_DPI = 256, OPT_HIDDEN };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "width", required_argument, NULL, 'w' },
		{ "height", required_argument, NULL, 'H' },
		{ "dpi", required_argument, NULL, OPT_DPI },
		{ "slides", required_argument, NULL, 's' },
		{ "hidden", no_argument, NULL, OPT_HIDDEN },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, v;

	s2p_render_opts_default(&o->render);
	opterr = 0; /* our own one-line messages */
	while ((c = getopt_long(argc, argv, ":o:j:w:H:s:qvhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o->render.pattern = optarg;
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
		case OPT_DPI:
			if (parse_int(optarg, 1, 2400, &v))
				goto bad;
			o->render.dpi = v;
			break;
		case 's':
			if (parse_slides(optarg, o))
				goto bad;
			break;
		case OPT_HIDDEN:
			o->render.include_hidden = 1;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'h':
			usage(stdout);
			exit(EXIT_OK);
		case 'V':
			printf("slides2png %s\n%s\n", s2p_version(), s2p_library_versions());
			exit(EXIT_OK);
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
	if (optind != argc - 1) {
		fprintf(stderr, "slides2png: %s; try 'slides2png --help'\n",
		        optind >= argc ? "no input deck given" :
		        "exactly one input deck expected");
		return -1;
	}
	o->input = argv[optind];
	o->render.slides = o->slides;
	o->render.n_slides = o->n_slides;
	return 0;
bad:
	fprintf(stderr, "slides2png: invalid value '%s' for option -%c\n", optarg,
	        c < 256 ? c : '-');
	return -1;
}

static void
report(const cli_opts *o, const s2p_deck *deck, const s2p_run_result *r)
{
	char buf[512];

	for (int i = 0; i < r->n_slides; i++) {
		const s2p_slide_result *s = &r->slides[i];
		if (s->status == S2P_SLIDE_OK)
			printf("%s\n", s->path);
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

int
main(int argc, char **argv)
{
	cli_opts o;
	s2p_error err;
	s2p_deck *deck;
	s2p_run_result result;
	char buf[512];
	int rc = EXIT_OK, write_failed = 0;

	memset(&o, 0, sizeof o);
	if (parse_args(argc, argv, &o)) {
		free(o.slides);
		return EXIT_USAGE;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	o.render.cancel = &cancel_flag;
	s2p_error_clear(&err);
	deck = s2p_deck_open(o.input, NULL, &err);
	if (!deck) {
		fprintf(stderr, "slides2png: %s: %s\n", o.input,
		        s2p_error_format(&err, buf, sizeof buf));
		free(o.slides);
		return EXIT_INPUT;
	}
	if (s2p_deck_render(deck, &o.render, &result, &err)) {
		fprintf(stderr, "slides2png: %s: %s\n", o.input,
		        s2p_error_format(&err, buf, sizeof buf));
		s2p_deck_close(deck);
		free(o.slides);
		return err.code == S2P_EARG || err.code == S2P_ELIMIT ? EXIT_USAGE :
		       EXIT_INPUT;
	}
	report(&o, deck, &result);
	if (o.verbose)
		fprintf(stderr, "slides2png: %s: %d written, %d failed; split %.1f ms, "
		        "render wall %.1f ms\n", o.input, result.n_written,
		        result.n_failed, result.split_ms, result.render_wall_ms);
	for (int i = 0; i < result.n_slides; i++)
		if (result.slides[i].status == S2P_SLIDE_FAILED &&
		    result.slides[i].write_failed)
			write_failed = 1;
	if (cancel_signal)
		rc = cancel_signal == SIGTERM ? EXIT_SIGTERM : EXIT_SIGINT;
	else if (write_failed)
		rc = EXIT_OUTPUT;
	else if (result.n_failed)
		rc = EXIT_SLIDES;
	s2p_run_result_fini(&result);
	s2p_deck_close(deck);
	free(o.slides);
	return rc;
}
