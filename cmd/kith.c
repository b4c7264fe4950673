/*
 * kith.c: the command line's frame: global options, the journal's loading,
 * diagnostics, and what every command shares (cmd.h).  The commands are
 * in their own files; the table of them and the help in commands.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/kith.h"
#include "cmd.h"

/* ---- diagnostics ---- */

/* A file of the journal is shown from where kith runs; one outside it
 * (the site's manifest) comes with its whole path. */
void
print_diag(const global *g, const kith_diag *d)
{
	const char *prefix = d->file[0] == '/' ? "" : g->prefix;

	fprintf(stderr, "%s%s%s:%d:%d: %s: %s\n", prefix,
	    prefix[0] ? "/" : "", d->file, d->line, d->col,
	    d->level == KITH_ERROR ? "error" : "warning", d->message);
}

void
print_diags(const global *g, const kith_journal *j, kith_level min)
{
	size_t i;
	const kith_diag *d;

	for (i = 0; i < kith_journal_diag_count(j); i++) {
		d = kith_journal_diag(j, i);
		if (d->level >= min)
			print_diag(g, d);
	}
}

int
load(global *g, int strict, kith_journal **j)
{
	kith_options opts;
	kith_status st;

	memset(&opts, 0, sizeof(opts));
	opts.root = g->journal;
	opts.strict = strict;
	opts.keep_bodies = g->keep_bodies;
	st = kith_journal_load(&opts, j);
	if (st == KITH_EJOURNAL) {
		fprintf(stderr, "kith: %s: cannot read the journal folder: %s\n",
		    g->journal, strerror(errno));
		return EXIT_USAGE;
	}
	if (st != KITH_OK) {
		fprintf(stderr, "kith: out of memory\n");
		return EXIT_SYSTEM;
	}
	return EXIT_DONE;
}

/* What printf left in stdout's buffer, written and checked. */
int
flush_out(void)
{
	if (fflush(stdout) != 0) {
		fprintf(stderr, "kith: cannot write the output: %s\n",
		    strerror(errno));
		return EXIT_SYSTEM;
	}
	return EXIT_DONE;
}
/* What option_value() gives for an option without its value, once it
 * said so: an empty value that needs no second message. */
const char missing_value[] = "";

const char *
option_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (strcmp(argv[*i], name) != 0)
		return NULL;
	if (*i + 1 >= argc) {
		usage_error("%s needs a value", name);
		return missing_value;
	}
	return argv[++*i];
}

int
use_color(const global *g)
{
	const char *nc = getenv("NO_COLOR");

	if (g->color >= 0)
		return g->color;
	if (g->user.color >= 0)		/* config.yaml wins over NO_COLOR */
		return g->user.color;
	return isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0');
}

int
put_answer(const kith_journal *j, char *text, size_t len)
{
	int rc;

	if (text == NULL) {
		fprintf(stderr, "kith: out of memory\n");
		return EXIT_SYSTEM;
	}
	if (fwrite(text, 1, len, stdout) != len) {
		fprintf(stderr, "kith: cannot write the output: %s\n",
		    strerror(errno));
		rc = EXIT_SYSTEM;
	} else {
		rc = flush_out();
	}
	free(text);
	if (rc == EXIT_DONE && kith_journal_worst(j) == KITH_ERROR)
		rc = EXIT_JOURNAL;
	return rc;
}

void
report_unknown_person(const kith_journal *j, const char *name)
{
	const char **matches = kith_journal_matches(j, name);
	const char *hint;
	size_t i;

	if (matches != NULL && matches[0] != NULL && matches[1] != NULL) {
		fprintf(stderr, "kith: --person: \"%s\" could be any of:", name);
		for (i = 0; matches[i] != NULL && i < 10; i++)
			fprintf(stderr, "%s \"%s\"", i ? "," : "", matches[i]);
		fprintf(stderr, "%s; give the whole name\n",
		    matches[i] != NULL ? ", ..." : "");
	} else if (matches != NULL && matches[0] != NULL) {
		fprintf(stderr, "kith: --person: no one called \"%s\"; did you "
		    "mean \"%s\"?\n", name, matches[0]);
	} else if ((hint = kith_journal_suggest(j, name)) != NULL) {
		fprintf(stderr, "kith: --person: no one called \"%s\"; did you "
		    "mean \"%s\"?\n", name, hint);
	} else {
		fprintf(stderr, "kith: --person: no one called \"%s\"\n", name);
	}
	free(matches);
}

/* The journal's problems, for a report: errors in full (they cost items),
 * warnings as one line. */
void
report_problems(const global *g, const kith_journal *j)
{
	size_t warnings = kith_journal_count(j, KITH_WARNING);

	print_diags(g, j, KITH_ERROR);
	if (warnings > 0 && !g->quiet)
		fprintf(stderr, "kith: %zu warning%s in the journal "
		    "(kith check shows them)\n", warnings,
		    warnings == 1 ? "" : "s");
}
/* ---- global options ---- */

/* Takes the global options out of argv (they may stand anywhere) and
 * returns the number of arguments left, or -1 on bad usage. */
static int
parse_globals(global *g, int argc, char **argv, const char **today)
{
	const char *v;
	int i, left = 0;

	for (i = 1; i < argc; i++) {
		if (VALUE("-j") || VALUE("--journal")) {
			if (*v == '\0')
				return -1;
			g->journal = v;
		} else if (VALUE("--today")) {
			if (*v == '\0')
				return -1;
			*today = v;
		} else if (VALUE("--color") || VALUE("--colour")) {
			if (strcmp(v, "auto") == 0)
				g->color = -1;
			else if (strcmp(v, "always") == 0)
				g->color = 1;
			else if (strcmp(v, "never") == 0)
				g->color = 0;
			else {
				usage_error("--color: expected auto, always or "
				    "never, not \"%s\"", v);
				return -1;
			}
		} else if (strcmp(argv[i], "-q") == 0 ||
		    strcmp(argv[i], "--quiet") == 0) {
			g->quiet = 1;
		} else if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			g->help = 1;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("kith %s\n", KITH_VERSION);
			exit(EXIT_DONE);
		} else {
			argv[++left] = argv[i];
		}
	}
	return left;
}

int
main(int argc, char **argv)
{
	global g;
	const command *c;
	const char *today = NULL;
	int left, rc;

	memset(&g, 0, sizeof(g));
	g.color = -1;
	if ((left = parse_globals(&g, argc, argv, &today)) < 0)
		return EXIT_USAGE;
	if (left == 0) {
		print_usage(g.help ? stdout : stderr);
		return g.help ? EXIT_DONE : EXIT_USAGE;
	}
	if ((c = command_find(argv[1])) == NULL || (c->hidden && g.help)) {
		unknown_command(argv[1]);
		return EXIT_USAGE;
	}
	current_command = c->name;
	if (g.help) {
		print_command_help(c);
		return EXIT_DONE;
	}
	if (resolve_today(&g, today) < 0)
		return EXIT_USAGE;
	if (read_user_settings(&g) < 0 || find_journal(&g) < 0) {
		fprintf(stderr, "kith: out of memory\n");
		rc = EXIT_SYSTEM;
	} else if (g.journal == NULL && !c->own_journal) {
		fprintf(stderr, "kith: no journal here: no kith.yaml in this "
		    "folder or above it\n"
		    "Name one with -j DIR (or $KITH_JOURNAL, or journal: in "
		    "~/.config/kith/config.yaml),\nor start one here with "
		    "'kith init'.\n");
		rc = EXIT_USAGE;
	} else {
		rc = c->run(&g, left - 1, argv + 2);
	}
	free(g.found);
	kith_user_config_free(&g.user);
	return rc;
}
