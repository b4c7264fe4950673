/*
 * kith.c: the command line.  Parses arguments, calls libkith, prints, and
 * chooses the exit status (cli.md).  Each subcommand is one small function.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/kith.h"
#include "cmd.h"

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
} command;

static const command *command_find(const char *name);

/* ---- diagnostics ---- */

/* A file of the journal is shown from where kith runs; one outside it
 * (the site's manifest) comes with its whole path. */
static void
print_diag(const global *g, const kith_diag *d)
{
	const char *prefix = d->file[0] == '/' ? "" : g->prefix;

	fprintf(stderr, "%s%s%s:%d:%d: %s: %s\n", prefix,
	    prefix[0] ? "/" : "", d->file, d->line, d->col,
	    d->level == KITH_ERROR ? "error" : "warning", d->message);
}

static void
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

static int
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
static int
flush_out(void)
{
	if (fflush(stdout) != 0) {
		fprintf(stderr, "kith: cannot write the output: %s\n",
		    strerror(errno));
		return EXIT_SYSTEM;
	}
	return EXIT_DONE;
}

/* ---- kith due ---- */

typedef struct due_args {
	kith_due_query q;
	kith_format format;
	int all;
} due_args;

static int
parse_horizon(const char *s, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || *end != '\0' || n < 0 || n > 36500 || errno) {
		usage_error("--horizon: expected a number of days, not \"%s\"", s);
		return -1;
	}
	*out = (int)n;
	return 0;
}

static int
parse_format(const char *s, kith_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = KITH_FORMAT_TEXT;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*out = KITH_FORMAT_MARKDOWN;
	else if (strcmp(s, "json") == 0)
		*out = KITH_FORMAT_JSON;
	else if (strcmp(s, "ics") == 0) {
		usage_error("--format ics is not available in this version; "
		    "use text, markdown or json");
		return -1;
	} else {
		usage_error("--format: expected text, markdown or json, not "
		    "\"%s\"", s);
		return -1;
	}
	return 0;
}

static int
parse_kinds(const char *s, unsigned *kinds)
{
	char one[32];
	kith_kind k;
	size_t n;

	while (*s) {
		n = strcspn(s, ",");
		if (n >= sizeof(one))
			n = sizeof(one) - 1;
		memcpy(one, s, n);
		one[n] = '\0';
		if (kith_kind_parse(one, &k) < 0) {
			usage_error("--kind: unknown kind \"%s\" (expected "
			    "meeting, thank-you, next-step, task, check-in, date, "
			    "reciprocity or target)", one);
			return -1;
		}
		*kinds |= 1u << k;
		s += strcspn(s, ",");
		if (*s == ',')
			s++;
	}
	return 0;
}

/* What option_value() gives for an option without its value, once it
 * said so: an empty value that needs no second message. */
static const char missing_value[] = "";

static const char *
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

#define VALUE(name) ((v = option_value(argc, argv, &i, name)) != NULL)

static int
due_parse(int argc, char **argv, due_args *a)
{
	const char *v;
	int i;

	memset(a, 0, sizeof(*a));
	a->q.horizon = -1;
	for (i = 0; i < argc; i++) {
		if (VALUE("--horizon")) {
			if (*v == '\0' || parse_horizon(v, &a->q.horizon) < 0)
				return -1;
		} else if (VALUE("--format")) {
			if (*v == '\0' || parse_format(v, &a->format) < 0)
				return -1;
		} else if (VALUE("--kind")) {
			if (*v == '\0' || parse_kinds(v, &a->q.kinds) < 0)
				return -1;
		} else if (VALUE("--person")) {
			if (*v == '\0')
				return -1;
			a->q.person = v;
		} else if (strcmp(argv[i], "--all") == 0) {
			a->all = 1;
		} else {
			bad_argument(argv[i], command_find("due")->names);
			return -1;
		}
	}
	return 0;
}

static int
use_color(const global *g)
{
	const char *nc = getenv("NO_COLOR");

	if (g->color >= 0)
		return g->color;
	return isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0');
}

static void
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
static void
report_problems(const global *g, const kith_journal *j)
{
	size_t warnings = kith_journal_count(j, KITH_WARNING);

	print_diags(g, j, KITH_ERROR);
	if (warnings > 0 && !g->quiet)
		fprintf(stderr, "kith: %zu warning%s in the journal "
		    "(kith check shows them)\n", warnings,
		    warnings == 1 ? "" : "s");
}

static int
cmd_due(global *g, int argc, char **argv)
{
	kith_journal *j = NULL;
	kith_due *due = NULL;
	due_args a;
	size_t len;
	int rc, flags;
	char today[11];

	if (due_parse(argc, argv, &a) < 0)
		return EXIT_USAGE;
	if ((rc = load(g, 0, &j)) != EXIT_DONE)
		return rc;
	report_problems(g, j);
	a.q.today = g->today;
	a.q.where = g->prefix;	/* as diagnostics: from where the user stands */
	if (kith_due_new(j, &a.q, &due) != KITH_OK) {
		if (due == NULL && a.q.person != NULL) {
			report_unknown_person(j, a.q.person);
			rc = EXIT_USAGE;
		} else {
			fprintf(stderr, "kith: out of memory\n");
			rc = EXIT_SYSTEM;
		}
		goto out;
	}
	flags = (use_color(g) ? KITH_REPORT_COLOR : 0) |
	    (a.all ? KITH_REPORT_ALL : 0);
	if (kith_due_write(due, j, a.format, flags, stdout, &len) != KITH_OK) {
		fprintf(stderr, "kith: cannot write the report: %s\n",
		    strerror(errno));
		rc = EXIT_SYSTEM;
		goto out;
	}
	rc = EXIT_DONE;
	if (len == 0 && !g->quiet) {
		kith_date_format(g->today, today);
		printf("Nothing due for %s.\n", today);
		rc = flush_out();
	}
	if (rc == EXIT_DONE && kith_journal_worst(j) == KITH_ERROR)
		rc = EXIT_JOURNAL;
out:
	kith_due_free(due);
	kith_journal_free(j);
	return rc;
}

/* ---- kith check ---- */

static int
cmd_check(global *g, int argc, char **argv)
{
	kith_journal *j = NULL;
	int i, strict = 0, rc;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--strict") == 0) {
			strict = 1;
		} else {
			bad_argument(argv[i], command_find("check")->names);
			return EXIT_USAGE;
		}
	}
	if ((rc = load(g, strict, &j)) != EXIT_DONE)
		return rc;
	print_diags(g, j, KITH_WARNING);
	rc = kith_journal_worst(j) == KITH_ERROR ? EXIT_JOURNAL : EXIT_DONE;
	kith_journal_free(j);
	if (fflush(stderr) != 0)
		return EXIT_SYSTEM;
	return rc;
}

/* ---- kith site ---- */

/* The output folder as messages name it: -o DIR, else kith.yaml's site:
 * inside the journal. */
static char *
site_dir(const global *g, const kith_journal *j, const char *given)
{
	const char *rel = kith_journal_site_dir(j);
	size_t n;
	char *dir;

	if (given != NULL)
		return strdup(given);
	n = strlen(g->journal) + strlen(rel) + 2;
	if ((dir = malloc(n)) != NULL)
		snprintf(dir, n, "%s/%s", g->journal, rel);
	return dir;
}

/* -o DIR in a folder that does not exist is a mistake in the command, not
 * a failure of the system: said before the journal is read. */
static int
site_parent_missing(const char *dir)
{
	char *parent, *slash;
	struct stat st;
	size_t n = strlen(dir);
	int err = 0;

	if ((parent = strdup(dir)) == NULL)
		return 0;
	while (n > 1 && parent[n - 1] == '/')
		parent[--n] = '\0';
	if ((slash = strrchr(parent, '/')) == NULL) {
		free(parent);
		return 0;
	}
	slash[slash == parent ? 1 : 0] = '\0';
	if (stat(parent, &st) != 0)
		err = errno;
	else if (!S_ISDIR(st.st_mode))
		err = ENOTDIR;
	if (err == ENOENT)
		usage_error("site: -o %s: there is no folder %s", dir, parent);
	else if (err == ENOTDIR)
		usage_error("site: -o %s: %s is not a folder", dir, parent);
	free(parent);
	return err == ENOENT || err == ENOTDIR;
}

static int
cmd_site(global *g, int argc, char **argv)
{
	kith_journal *j = NULL;
	kith_site_result res;
	kith_status st;
	const char *given = NULL, *v;
	char *dir = NULL, *why = NULL;
	size_t ndiags;
	int i, rc;

	for (i = 0; i < argc; i++) {
		if (VALUE("-o") || VALUE("--output")) {
			if (*v == '\0') {
				if (v != missing_value)
					usage_error("site: -o needs a folder, "
					    "not an empty name");
				return EXIT_USAGE;
			}
			given = v;
		} else {
			bad_argument(argv[i], command_find("site")->names);
			return EXIT_USAGE;
		}
	}
	if (given != NULL && site_parent_missing(given))
		return EXIT_USAGE;
	g->keep_bodies = 1;
	if ((rc = load(g, 0, &j)) != EXIT_DONE)
		return rc;
	report_problems(g, j);
	if ((dir = site_dir(g, j, given)) == NULL) {
		kith_journal_free(j);
		return EXIT_SYSTEM;
	}
	ndiags = kith_journal_diag_count(j);
	st = kith_site_write(j, g->today, given, &res, &why);
	/* the output folder's warnings: not the journal's, shown even
	 * with -q (something changed a manifest kith wrote) */
	while (ndiags < kith_journal_diag_count(j))
		print_diag(g, kith_journal_diag(j, ndiags++));
	if (st == KITH_OK) {
		if (!g->quiet)
			printf("%s: %zu pages (%zu files written, %zu unchanged%s)\n",
			    dir, res.pages, res.written, res.unchanged,
			    res.fresh ? ": nothing changed since the last build"
			    : "");
		rc = kith_journal_worst(j) == KITH_ERROR ? EXIT_JOURNAL : EXIT_DONE;
	} else {
		fprintf(stderr, "kith: site: %s\n", why ? why : "failed");
		rc = st == KITH_EREFUSED ? EXIT_USAGE : EXIT_SYSTEM;
	}
	free(why);
	free(dir);
	kith_journal_free(j);
	return rc;
}

/* ---- kith help ---- */

static int cmd_help(global *g, int argc, char **argv);
static int cmd_complete(global *g, int argc, char **argv);

static const char *const due_options[] = { "--horizon", "--format", "--kind",
	"--person", "--all", NULL };
static const char *const check_options[] = { "--strict", NULL };
static const char *const site_options[] = { "-o", "--output", NULL };

static const command commands[] = {
	{ "due", cmd_due,
	    "[--horizon N] [--format text|markdown|json] [--kind K]... "
	    "[--person NAME] [--all]",
	    "the follow-ups that are due: today, overdue, the next days",
	    "Prints the follow-ups that are due, what is new first: today's "
	    "meetings\nand items, then overdue, then the next N days (horizon, "
	    "default 7 or\nkith.yaml's), then tasks without a date; one line an "
	    "item.  At most\ncheck_in_limit check-ins (5) are listed, the "
	    "strongest relationships\nfirst; items overdue by more than "
	    "stale_after days (30) are counted in\none line at the end.  With "
	    "-q, prints nothing when nothing is due.\n",
	    "  --horizon N      days ahead to show (0: only today and overdue)\n"
	    "  --format F       text (default), markdown or json\n"
	    "  --kind K         only this kind (repeat, or K1,K2): meeting, "
	    "thank-you,\n                   next-step, task, check-in, date, "
	    "reciprocity, target\n"
	    "  --person NAME    only items about this person or company, by "
	    "any name\n                   or alias (every check-in)\n"
	    "  --all            list every item, old ones and every check-in\n",
	    "  kith due --horizon 14                    two weeks ahead\n"
	    "  kith due --format json > due.json        every item, for "
	    "scripts\n"
	    "  kith due --kind thank-you,next-step      what is owed after "
	    "meetings\n"
	    "  kith due --person \"Jane Doe\"             one person's items\n"
	    "  kith due --all                           everything, old items "
	    "too\n"
	    "  0 7 * * *  kith -j ~/journal -q due --format markdown   "
	    "(crontab)\n",
	    due_options, 0 },
	{ "check", cmd_check, "[--strict]",
	    "the journal's problems, one a line, gcc style",
	    "Reads the whole journal and prints only its problems, one a line "
	    "as\nfile:line:col: error|warning: message.  Silent, and exit 0, "
	    "when\nclean; exit 1 when there is an error.\n",
	    "  --strict         also warn about unknown keys and aliases "
	    "claimed twice\n",
	    "  kith check                    before a commit, or in CI\n"
	    "  kith check --strict           every unknown key too\n"
	    "  kith check 2>&1 | grep error  only the errors\n"
	    "  A git pre-commit hook (.git/hooks/pre-commit of the journal):\n"
	    "    #!/bin/sh\n    exec kith check\n",
	    check_options, 0 },
	{ "site", cmd_site, "[-o DIR]",
	    "the HTML dashboard of the journal, written into a folder",
	    "Writes the HTML dashboard of the whole journal into DIR (default:\n"
	    "kith.yaml's site:, _site inside the journal): today's follow-ups,\n"
	    "a page for every person, meeting, company and note, the people\n"
	    "list and a picture of the network.  Open DIR/index.html in a\n"
	    "browser; it works offline.  kith writes each file whole, leaves\n"
	    "unchanged files alone, removes only files it wrote itself, and\n"
	    "refuses a folder holding anything else, or one another kith is\n"
	    "writing.  When no note, setting or page changed since the last\n"
	    "build (and it is the same day), it renders nothing and says so.\n"
	    "Private notes (private: yes) never appear; where another note\n"
	    "writes a private person's, company's or note's name, the page\n"
	    "says \"someone\".\n",
	    "  -o, --output DIR write into DIR (its parent folder must exist)\n",
	    "  kith site                                 into _site/ of the "
	    "journal\n"
	    "  kith site -o ~/network-site               anywhere else\n"
	    "  30 6 * * *  kith -j ~/journal -q site     (crontab)\n",
	    site_options, 0 },
	{ "help", cmd_help, "[COMMAND]",
	    "this help, or one command's with examples",
	    "Explains kith, or one command with its options and examples.  "
	    "kith\nCOMMAND --help is the same.  The manual: man kith, and man "
	    "kith-journal\nfor the notes.\n",
	    NULL,
	    "  kith help due\n  kith site --help\n",
	    NULL, 0 },
	{ "__complete", cmd_complete, "people|companies",
	    NULL, NULL, NULL, NULL, NULL, 1 },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const command *
command_find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* An unknown command, with the nearest one. */
static void
unknown_command(const char *name)
{
	const char *names[NCOMMANDS + 1], *hint;
	size_t i, n = 0;

	for (i = 0; i < NCOMMANDS; i++)
		if (!commands[i].hidden)
			names[n++] = commands[i].name;
	names[n] = NULL;
	current_command = NULL;
	if ((hint = nearest(name, names)) != NULL)
		usage_error("unknown command \"%s\"; did you mean \"%s\"?", name,
		    hint);
	else
		usage_error("unknown command \"%s\"", name);
}

static void
print_usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: kith [GLOBAL OPTIONS] COMMAND [OPTIONS]\n\n"
	    "kith keeps track of a professional network kept as Markdown "
	    "notes.\n\nCommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		if (!commands[i].hidden)
			fprintf(f, "  %-8s %s\n", commands[i].name,
			    commands[i].summary);
	fprintf(f, "\nGlobal options (before or after the command):\n"
	    "  -j, --journal DIR    the journal (else $KITH_JOURNAL, else the "
	    "nearest\n                       folder upwards with kith.yaml, "
	    "else here)\n"
	    "  --today YYYY-MM-DD   the day of the report (else $KITH_TODAY, "
	    "else today)\n"
	    "  --color WHEN         auto (default), always or never\n"
	    "  -q, --quiet          say less\n"
	    "  -h, --help           this help\n"
	    "  --version            the version\n\n"
	    "Exit status: 0 done, 1 the journal has errors, 2 bad usage or no "
	    "journal,\n3 an operating-system failure.\n\n"
	    "'kith help COMMAND' explains a command, with examples; "
	    "'man kith' is the manual.\n");
}

static void
print_command_help(const command *c)
{
	printf("usage: kith %s %s\n\n%s", c->name, c->usage, c->about);
	if (c->options != NULL)
		printf("\nOptions:\n%s", c->options);
	printf("\nExamples:\n%s", c->examples);
	if (c->run != cmd_help)
		printf("\nGlobal options: -j DIR, --today YYYY-MM-DD, --color "
		    "WHEN, -q (kith --help).\n");
}

static int
cmd_help(global *g, int argc, char **argv)
{
	const command *c;

	(void)g;
	if (argc == 0) {
		print_usage(stdout);
		return EXIT_DONE;
	}
	if (argc > 1) {
		bad_argument(argv[1], NULL);
		return EXIT_USAGE;
	}
	if ((c = command_find(argv[0])) == NULL || c->hidden) {
		unknown_command(argv[0]);
		return EXIT_USAGE;
	}
	print_command_help(c);
	return EXIT_DONE;
}

/* ---- kith __complete (for the shell completion, not listed) ---- */

/* One name a line: a name with a line end or another control character
 * in it cannot be offered, and is left out. */
static void
print_names(const char **names)
{
	const char *p;

	for (; *names != NULL; names++) {
		for (p = *names; *p && ((unsigned char)*p >= 0x20 && *p != 0x7f);
		    p++)
			;
		if (*p == '\0' && p != *names)
			printf("%s\n", *names);
	}
}

static int
cmd_complete(global *g, int argc, char **argv)
{
	kith_journal *j = NULL;
	const char **names;
	int rc;

	if (argc != 1 || (strcmp(argv[0], "people") != 0 &&
	    strcmp(argv[0], "companies") != 0)) {
		current_command = NULL;	/* it has no help of its own */
		usage_error("__complete: expected people or companies");
		return EXIT_USAGE;
	}
	if ((rc = load(g, 0, &j)) != EXIT_DONE)
		return rc;
	if ((names = kith_journal_names(j, strcmp(argv[0], "people") == 0)) ==
	    NULL) {
		kith_journal_free(j);
		fprintf(stderr, "kith: out of memory\n");
		return EXIT_SYSTEM;
	}
	print_names(names);
	free(names);
	kith_journal_free(j);
	return flush_out();
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
	if (find_journal(&g) < 0) {
		fprintf(stderr, "kith: out of memory\n");
		return EXIT_SYSTEM;
	}
	rc = c->run(&g, left - 1, argv + 2);
	free(g.found);
	return rc;
}
