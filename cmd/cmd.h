/*
 * cmd.h: what the files of the command line share.
 */
#ifndef KITH_CMD_H
#define KITH_CMD_H

#include <stdio.h>

#include "../lib/kith.h"

enum exit_status { EXIT_DONE = 0, EXIT_JOURNAL = 1, EXIT_USAGE = 2,
	EXIT_SYSTEM = 3 };

typedef struct global {
	const char *journal;	/* as given, or found */
	char *found;		/* malloc'd when found by searching */
	const char *prefix;	/* put before note paths in diagnostics */
	kith_date today;
	int color;		/* -1 auto, 0 never, 1 always */
	int quiet;
	int help;
	int keep_bodies;	/* the command renders note bodies */
} global;

/* ---- usage.c ---- */

/* The command whose arguments are being read (NULL before one is known):
 * a usage error points at its help. */
extern const char *current_command;

/* Prints "kith: MESSAGE" and the help to read, on stderr. */
void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The candidate (of a NULL-terminated list) nearest to word, or NULL when
 * none is near enough to suggest. */
const char *nearest(const char *word, const char *const *candidates);

/* The usage error for an argument current_command does not take: an
 * unknown option (with the nearest of names or of the global options),
 * or an unexpected argument. */
void bad_argument(const char *arg, const char *const *names);

/* ---- where.c ---- */

/* Sets g->journal and g->prefix (cli.md).  Returns 0, or -1 when out of
 * memory. */
int find_journal(global *g);

/* Sets g->today from given (--today), else $KITH_TODAY, else the local
 * date.  Returns 0, or -1 after a message on an invalid date. */
int resolve_today(global *g, const char *given);


#endif
