/*
 * fx-bench: the render time of one slide, in thread CPU time (so other
 * processes on a busy machine count less than in wall time), over many
 * renders in one process: prints the minimum and the median in ms.
 * Render a slide with effects and the same slide without them to get
 * the effects' own cost (bench/RESULTS.md, "Shadow blur").
 *
 * Build (from the repository root, after a Release build in build-rel):
 *   cc -O2 -Iinclude $(pkg-config --cflags cairo) bench/fx-bench.c build-rel/libs2p_core.a \
 *      $(pkg-config --libs cairo pangocairo pango pangoft2 fontconfig libxml-2.0 \
 *        libzip libpng libjpeg libtiff-4 libdeflate libwebp librsvg-2.0) -lgif -lm \
 *      -o /tmp/fx-bench
 * Usage: fx-bench DECK.pptx SLIDE [RUNS] [WIDTH]
 */
#include <slides2png/s2p.h>

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double
cpu_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	int number, runs, width;
	double *ms;
	s2p_error err;
	s2p_deck *deck;
	int64_t cx, cy;

	if (argc < 3) {
		fprintf(stderr, "usage: fx-bench DECK.pptx SLIDE [RUNS] [WIDTH]\n");
		return 2;
	}
	number = atoi(argv[2]);
	runs = argc > 3 ? atoi(argv[3]) : 30;
	width = argc > 4 ? atoi(argv[4]) : 1280;
	if (runs < 1 || runs > 10000 || width < 16 || width > 16384) {
		fprintf(stderr, "fx-bench: bad RUNS or WIDTH\n");
		return 2;
	}
	s2p_error_clear(&err);
	deck = s2p_deck_open(argv[1], NULL, &err);
	if (!deck) {
		fprintf(stderr, "fx-bench: %s: %s\n", argv[1], err.msg);
		return 1;
	}
	s2p_deck_slide_size(deck, &cx, &cy);
	ms = calloc((size_t) runs, sizeof *ms);
	if (!ms)
		return 1;
	for (int i = 0; i < runs; i++) {
		double t0 = cpu_ms();
		void *s = s2p_deck_render_surface(deck, number, width,
		                                  (int) (width * (double) cy / (double) cx + 0.5),
		                                  NULL, &err);
		ms[i] = cpu_ms() - t0;
		if (!s) {
			fprintf(stderr, "fx-bench: slide %d: %s\n", number, err.msg);
			return 1;
		}
		cairo_surface_destroy(s);
	}
	qsort(ms, (size_t) runs, sizeof *ms, cmp_double);
	printf("%s slide %d at %d px: min %.2f ms, median %.2f ms (%d runs)\n",
	       argv[1], number, width, ms[0], ms[runs / 2], runs);
	free(ms);
	s2p_deck_close(deck);
	return 0;
}
