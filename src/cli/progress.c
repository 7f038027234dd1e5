/*
 * The progress bar: "deck  [#####.....]  12/40 slides  8.1/s  3s left",
 * redrawn in place with \r at most ten times a second, cleared when the
 * deck is done. Drawn only on a terminal (never in CI logs). The library
 * calls cli_progress_update() from a worker thread under its own lock, so
 * there is never more than one caller at a time.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct cli_progress {
	char label[64];
	double start_ms, last_ms;
	int drawn;
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
cli_progress_wanted(void)
{
	const char *term = getenv("TERM"), *ci = getenv("CI");

	if (!isatty(STDERR_FILENO))
		return 0;
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	/* some CI runners give jobs a pseudo-terminal; their logs must not
	 * fill with redraws either */
	return !(ci && *ci && strcmp(ci, "0") != 0 && strcmp(ci, "false") != 0);
}

cli_progress *
cli_progress_new(const char *deck, int deck_index, int n_decks)
{
	cli_progress *p = calloc(1, sizeof *p);
	const char *base;
	size_t n;

	if (!p)
		return NULL;
	base = strrchr(deck, '/');
	base = base ? base + 1 : deck;
	n = strlen(base);
	if (n_decks > 1)
		snprintf(p->label, sizeof p->label, "[%d/%d] %s%s", deck_index, n_decks,
		         n > 30 ? "..." : "", n > 30 ? base + n - 30 : base);
	else
		snprintf(p->label, sizeof p->label, "%s%s", n > 40 ? "..." : "",
		         n > 40 ? base + n - 40 : base);
	p->start_ms = now_ms();
	return p;
}

void
cli_progress_update(void *user, int done, int total)
{
	cli_progress *p = user;
	char bar[21], eta[32];
	double t = now_ms(), secs, rate;
	int fill;

	if (!p || total <= 0)
		return;
	if (done < total && p->drawn && t - p->last_ms < 100)
		return;
	p->last_ms = t;
	p->drawn = 1;
	secs = (t - p->start_ms) / 1000.0;
	rate = secs > 0 ? done / secs : 0;
	fill = (int) ((long long) done * 20 / total);
	memset(bar, '#', (size_t) fill);
	memset(bar + fill, '.', (size_t) (20 - fill));
	bar[20] = 0;
	if (done >= total)
		snprintf(eta, sizeof eta, "done");
	else if (rate > 0)
		snprintf(eta, sizeof eta, "%.0fs left", (total - done) / rate + 0.5);
	else
		snprintf(eta, sizeof eta, "--");
	/* \033[K clears what a longer previous line left behind */
	fprintf(stderr, "\r%s  [%s] %d/%d slides  %.1f/s  %s\033[K", p->label,
	        bar, done, total, rate, eta);
	fflush(stderr);
}

void
cli_progress_free(cli_progress *p)
{
	if (!p)
		return;
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	free(p);
}
