/*
 * slides2png command line: init, run, exit status (the tool/library split
 * of curl's src/tool_main.c). Options are parsed by args.c, the decks run
 * by run.c; "slides2png diff" goes to diff.c. SIGINT/SIGTERM stop new slides from starting; the slides in
 * progress finish and are reported, and the exit status is 130/143.
 */
#include "cli.h"

#include <signal.h>
#include <string.h>

static volatile int cancel_flag;
static volatile sig_atomic_t cancel_signal;

static void
on_signal(int sig)
{
	cancel_signal = sig;
	__atomic_store_n(&cancel_flag, 1, __ATOMIC_RELAXED);   /* workers read it */
}

int
main(int argc, char **argv)
{
	cli_opts o;
	int rc;

	if (argc > 1 && strcmp(argv[1], "diff") == 0) {
		/* "slides2png diff OLD NEW": its own options and exit statuses */
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		rc = cli_diff_main(argc - 1, argv + 1, &cancel_flag);
		if (cancel_signal)
			rc = cancel_signal == SIGTERM ? CLI_EXIT_SIGTERM : CLI_EXIT_SIGINT;
		return rc;
	}
	memset(&o, 0, sizeof o);
	if (cli_args_parse(argc, argv, &o)) {
		cli_opts_fini(&o);
		return CLI_EXIT_USAGE;
	}
	o.progress = !o.quiet && !o.list && cli_progress_wanted();
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	rc = cli_run(&o, &cancel_flag);
	if (cancel_signal && rc != CLI_EXIT_USAGE)
		rc = cancel_signal == SIGTERM ? CLI_EXIT_SIGTERM : CLI_EXIT_SIGINT;
	cli_opts_fini(&o);
	return rc;
}
