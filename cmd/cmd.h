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
	kith_user_config user;	/* ~/.config/kith/config.yaml */
} global;

/* A command and its help: `kith help NAME` prints usage, about, options
 * and examples; `kith --help` lists each with its summary. */
typedef struct command {
	const char *name;
	int (*run)(global *g, int argc, char **argv);
	const char *usage;	/* its arguments, after "kith NAME" */
	const char *summary;	/* one line, for kith --help */
	const char *about;
	const char *options;	/* one option a line, "  -o DIR  ..." */
	const char *examples;
	const char *const *names;	/* its options, for "did you mean" */
	int hidden;		/* left out of kith --help */
	int own_journal;	/* runs without a journal found (init) */
} command;

/* ---- the commands (one file each, or a few of a kind) ---- */

int cmd_due(global *g, int argc, char **argv);		/* report.c */
int cmd_check(global *g, int argc, char **argv);	/* report.c */
int cmd_site(global *g, int argc, char **argv);		/* report.c */
int cmd_help(global *g, int argc, char **argv);		/* commands.c */
int cmd_complete(global *g, int argc, char **argv);	/* commands.c */
int cmd_init(global *g, int argc, char **argv);		/* write.c */
int cmd_new(global *g, int argc, char **argv);		/* write.c */
int cmd_import(global *g, int argc, char **argv);	/* exchange.c */
int cmd_export(global *g, int argc, char **argv);	/* exchange.c */
int cmd_show(global *g, int argc, char **argv);		/* query.c */
int cmd_intro(global *g, int argc, char **argv);	/* query.c */
int cmd_people(global *g, int argc, char **argv);	/* query.c */
int cmd_graph(global *g, int argc, char **argv);	/* query.c */
int cmd_stats(global *g, int argc, char **argv);	/* query.c */

/* ---- commands.c: the table and the help ---- */

/* The command called name, or NULL. */
const command *command_find(const char *name);

/* The usage error for an unknown command, with the nearest one. */
void unknown_command(const char *name);

/* kith --help (on f), and one command's help (on stdout). */
void print_usage(FILE *f);
void print_command_help(const command *c);

/* ---- kith.c: what every command shares ---- */

/* Loads g->journal (keep_bodies from g).  Returns EXIT_DONE, or the exit
 * status after a message. */
int load(global *g, int strict, kith_journal **j);

/* The journal's diagnostics of level min and above, on stderr, from
 * where the user stands. */
void print_diags(const global *g, const kith_journal *j, kith_level min);
void print_diag(const global *g, const kith_diag *d);

/* Errors in full and warnings as one line, before a report. */
void report_problems(const global *g, const kith_journal *j);

/* "no one called NAME", with who it could be or the nearest spelling. */
void report_unknown_person(const kith_journal *j, const char *name);

/* Flushes stdout; EXIT_SYSTEM after a message when it failed. */
int flush_out(void);

/* Writes an answer (text, len bytes, malloc'd; NULL when memory ran out)
 * to stdout whole, and frees it.  EXIT_SYSTEM after a message when it
 * could not be made or written, EXIT_JOURNAL when the journal has errors,
 * else EXIT_DONE. */
int put_answer(const kith_journal *j, char *text, size_t len);

/* Colour on stdout: --color, else a terminal and no NO_COLOR. */
int use_color(const global *g);

/* The value of option name at argv[*i] ("--name V" or "--name=V"), moving
 * *i past it; NULL when argv[*i] is another option; missing_value (empty)
 * after a usage error when the value is missing. */
extern const char missing_value[];
const char *option_value(int argc, char **argv, int *i, const char *name);
#define VALUE(name) ((v = option_value(argc, argv, &i, name)) != NULL)

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

/* Sets g->journal and g->prefix (cli.md); g->journal stays NULL when no
 * journal is named or found.  Returns 0, or -1 when out of memory. */
int find_journal(global *g);

/* Reads the user's settings into g->user and prints their problems.
 * Returns 0, or -1 when out of memory. */
int read_user_settings(global *g);

/* Sets g->today from given (--today), else $KITH_TODAY, else the local
 * date.  Returns 0, or -1 after a message on an invalid date. */
int resolve_today(global *g, const char *given);


#endif
