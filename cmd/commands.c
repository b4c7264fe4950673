/*
 * commands.c: the table of commands and their help (kith --help, kith
 * help COMMAND), "did you mean" for a command, and the hidden
 * __complete for the shell completion.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/kith.h"
#include "cmd.h"

/* ---- kith help ---- */


static const char *const due_options[] = { "--horizon", "--format", "--kind",
	"--person", "--all", NULL };
static const char *const check_options[] = { "--strict", "--explain",
	"--list", NULL };
static const char *const site_options[] = { "-o", "--output", NULL };
static const char *const init_options[] = { NULL };
static const char *const new_options[] = { "--with", "--date", "--kind",
	"--company", "--edit", "-e", NULL };
static const char *const import_options[] = { "--dry-run", NULL };
static const char *const export_options[] = { "--vcard-version", NULL };
static const char *const show_options[] = { "--format", NULL };
static const char *const intro_options[] = { "--format", "--all", NULL };
static const char *const people_options[] = { "--tag", "--company",
	"--sort", "--fading", "--format", NULL };
static const char *const graph_options[] = { "--format", NULL };
static const char *const stats_options[] = { "--format", NULL };

static const command commands[] = {
	{ "due", cmd_due,
	    "[--horizon N] [--format text|markdown|json|ics] [--kind K]... "
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
	    "  --format F       text (default), markdown, json or ics "
	    "(iCalendar)\n"
	    "  --kind K         only this kind (repeat, or K1,K2): meeting, "
	    "thank-you,\n                   next-step, task, check-in, date, "
	    "reciprocity, target\n"
	    "  --person NAME    only items about this person or company, by "
	    "any name\n                   or alias (every check-in)\n"
	    "  --all            list every item, old ones and every check-in\n",
	    "  kith due --horizon 14                    two weeks ahead\n"
	    "  kith due --format json > due.json        every item, for "
	    "scripts\n"
	    "  kith due --format ics > due.ics          the same in a "
	    "calendar\n"
	    "  kith due --kind thank-you,next-step      what is owed after "
	    "meetings\n"
	    "  kith due --person \"Jane Doe\"             one person's items\n"
	    "  kith due --all                           everything, old items "
	    "too\n"
	    "  0 7 * * *  kith -j ~/journal -q due --format markdown   "
	    "(crontab)\n",
	    due_options, 0, 0 },
	{ "check", cmd_check, "[--strict] [--explain [--list]]",
	    "the journal's problems, one a line, gcc style",
	    "Reads the whole journal and prints only its problems, one a line "
	    "as\nfile:line:col: error|warning: message.  Silent, and exit 0, "
	    "when\nclean; exit 1 when there is an error.\n",
	    "  --strict         also warn about unknown keys and aliases "
	    "claimed twice\n"
	    "  --explain        also say, on stdout, how the notes were "
	    "recognised:\n                   how many people, meetings and "
	    "companies, by which\n                   folder, type, tag or "
	    "rule, and what kith.yaml could add\n"
	    "  --list           --explain, then every person, meeting, "
	    "company and\n                   daily note found, one a line\n",
	    "  kith check                    before a commit, or in CI\n"
	    "  kith check --strict           every unknown key too\n"
	    "  kith check --explain          how an Obsidian or Logseq vault "
	    "was read\n"
	    "  kith check 2>&1 | grep error  only the errors\n"
	    "  A git pre-commit hook (.git/hooks/pre-commit of the journal):\n"
	    "    #!/bin/sh\n    exec kith check\n",
	    check_options, 0, 0 },
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
	    site_options, 0, 0 },
	{ "show", cmd_show, "NAME [--format text|json]",
	    "one person or company on one screen: a briefing",
	    "A briefing before you meet someone.  For a person: company, title,\n"
	    "contact details and tags; how you met and who introduced you; the\n"
	    "last meeting and how many; the last three with the first lines of\n"
	    "their notes; open tasks that name them; what you gave and asked;\n"
	    "their coming dates; whom they introduced you to; the people and\n"
	    "companies around them; the relationship strength and its parts.\n"
	    "For a company: its status and target fields, its people by\n"
	    "strength, its meetings and the warm paths into it.  NAME is any\n"
	    "name or alias, any case, as a wiki link finds it.\n",
	    "  --format F       text (default) or json\n",
	    "  kith show \"Priya Nair\"          before coffee with Priya\n"
	    "  kith show priya                 an alias, any case\n"
	    "  kith show Northwind             a company: its people, paths in\n"
	    "  kith show \"Priya Nair\" --format json | jq .strength\n",
	    show_options, 0, 0 },
	{ "people", cmd_people,
	    "[--tag T] [--company C] [--sort name|last|strength|due] "
	    "[--fading] [--format text|json|csv]",
	    "the contact list: filter by tag or company, sort, export",
	    "Lists the people of the journal (the owner left out), one a line:\n"
	    "name, company, last contact, next check-in and strength.  CSV is\n"
	    "RFC 4180 (UTF-8, CRLF line ends, a header line), for a\n"
	    "spreadsheet.\n",
	    "  --tag T          only people with tag T\n"
	    "  --company C      only people at company C (any name or alias)\n"
	    "  --sort S         name (default), last (longest unseen first),\n"
	    "                   strength (strongest first), due (next check-in "
	    "first)\n"
	    "  --fading         only people past their check-in cadence\n"
	    "  --format F       text (default), json or csv\n",
	    "  kith people --sort strength            strongest ties first\n"
	    "  kith people --tag recruiter --fading   recruiters gone quiet\n"
	    "  kith people --company Northwind        who you know there\n"
	    "  kith people --format csv > people.csv  for a spreadsheet\n",
	    people_options, 0, 0 },
	{ "intro", cmd_intro, "TARGET [--all] [--format text|json]",
	    "warm introduction paths to a person or company, best first",
	    "Finds who can introduce you to TARGET (a person, or a company:\n"
	    "its people).  People are linked by introductions, meetings\n"
	    "together, notes that name them and a shared company; each link has\n"
	    "a strength (0 to 100, yours the relationship strength) and the\n"
	    "note that shows it.  Paths of at most four links, direct contacts\n"
	    "first, then by the weakest link, then the shortest; the best five\n"
	    "unless --all.  With no path, kith says so and names the people\n"
	    "closest to you.\n",
	    "  --all            every path, not the best five\n"
	    "  --format F       text (default) or json\n",
	    "  kith intro \"Marcus Chen\"      who can introduce you to Marcus\n"
	    "  kith intro Halcyon            a way into a target company\n",
	    intro_options, 0, 0 },
	{ "graph", cmd_graph, "[--format dot|json]",
	    "the relationship graph for other tools (Graphviz, scripts)",
	    "Writes the whole graph: people, companies, meetings and notes\n"
	    "(names without a note marked unresolved) and the edges between\n"
	    "them (attended, works at, introduced by, mentions, held at) with\n"
	    "the file and line that make each.  Private notes are left out, as\n"
	    "on the dashboard.  DOT (the default) is for Graphviz.\n",
	    "  --format F       dot (default) or json\n",
	    "  kith graph | dot -Tsvg > network.svg\n"
	    "  kith graph --format json | jq '.edges | length'\n",
	    graph_options, 0, 0 },
	{ "stats", cmd_stats, "[--format text|json]",
	    "counts over time: meetings a month, people met, coverage",
	    "Meetings per month for the last 12 months (a bar chart), people\n"
	    "met for the first time per month, what you gave and asked, the\n"
	    "share of close ties past their cadence, target companies with and\n"
	    "without a warm contact, and the goals with their progress.\n",
	    "  --format F       text (default) or json\n",
	    "  kith stats                  how the search is going\n"
	    "  kith stats --format json    the same figures, for scripts\n",
	    stats_options, 0, 0 },
	{ "init", cmd_init, "[DIR]",
	    "a new journal: kith.yaml, the folders and the templates",
	    "Makes DIR (default: the current folder) a journal: kith.yaml with "
	    "every\nsetting shown and commented, people/, meetings/, "
	    "companies/, templates/\nwith a template for each (kith new uses "
	    "them; edit them freely) and a\n.gitignore for the dashboard's "
	    "folder.  DIR is made when missing; what\nis already there is "
	    "kept as it is.  A folder holding a kith.yaml is a\njournal "
	    "already: refused (exit 2).  Prints what it made.\n",
	    NULL,
	    "  kith init ~/network           a new journal in ~/network\n"
	    "  cd ~/network && kith init     the current folder\n",
	    init_options, 0, 1 },
	{ "new", cmd_new, "person NAME | meeting --with NAME... | company NAME",
	    "a new note from its template, printed as a path",
	    "Writes a new note from the journal's template (templates/TYPE.md,"
	    "\nelse the built-in one) in people/, meetings/ or companies/, named"
	    "\nafter the person or company, or \"DATE KIND with NAME\" for a "
	    "meeting,\nand prints its path.  Never overwrites: an existing file "
	    "is an error\n(exit 2), as is a name the journal has.  --with names "
	    "resolve like\nlinks (any case, aliases); a name close to one the "
	    "journal has is\nrefused with \"did you mean\", one that is new is "
	    "written as given.\n",
	    "  --with NAME      meeting: who was there (repeat for each)\n"
	    "  --date D         meeting: its day, YYYY-MM-DD or \"YYYY-MM-DD "
	    "HH:MM\"\n                   (default today); person: when you met\n"
	    "  --kind K         meeting: coffee (default), call, video, "
	    "interview, ...\n"
	    "  --company C      person, meeting: the company (a link)\n"
	    "  -e, --edit       open the note in $VISUAL or $EDITOR\n",
	    "  kith new person \"Jane Doe\" --company Acme\n"
	    "  kith new meeting --with \"Jane Doe\" --kind call --date "
	    "\"2026-11-24 09:30\"\n"
	    "  kith new company Acme -e\n",
	    new_options, 0, 0 },
	{ "import", cmd_import, "linkedin FILE | vcard FILE [--dry-run]",
	    "people from LinkedIn's Connections.csv or a vCard file",
	    "Writes a person note for each person of FILE, and a company note "
	    "for\neach company the journal has no note for.  People the "
	    "journal has\n(by name, alias, LinkedIn URL or e-mail) are skipped "
	    "and listed;\nnothing that exists is changed.  FILE is LinkedIn's "
	    "Connections.csv\n(Settings, Data privacy, Get a copy of your data; "
	    "either layout) or a\nvCard file (3.0 or 4.0, one or many cards).  "
	    "A bad row is an error at\nFILE:LINE and the rest is imported "
	    "(exit 1).  Imported people are\nweak ties: no check-ins until "
	    "you meet them or give them a cadence.\n",
	    "  --dry-run, -n    list what would be written, write nothing\n",
	    "  kith import linkedin ~/Downloads/Connections.csv --dry-run\n"
	    "  kith import linkedin ~/Downloads/Connections.csv\n"
	    "  kith import vcard contacts.vcf\n",
	    import_options, 0, 0 },
	{ "export", cmd_export, "vcard [--vcard-version 4.0|3.0] | ics",
	    "people as vCard, follow-ups as iCalendar, on stdout",
	    "export vcard writes every person who is not private (you left "
	    "out) as\nvCard 4.0, or 3.0 for older clients, each with a UID "
	    "that stays the\nsame from one export to the next.  export ics "
	    "writes every follow-up of\nthe next year (the report's items, "
	    "old ones and every check-in too),\nscheduled meetings and yearly "
	    "dates as iCalendar: subscribe a calendar\nto the file and "
	    "re-export it each day; entries update in place.\n",
	    "  --vcard-version V  4.0 (default) or 3.0\n",
	    "  kith export vcard > contacts.vcf\n"
	    "  kith export vcard --vcard-version 3.0 > contacts.vcf\n"
	    "  kith export ics > ~/calendar/kith.ics\n",
	    export_options, 0, 0 },
	{ "help", cmd_help, "[COMMAND]",
	    "this help, or one command's with examples",
	    "Explains kith, or one command with its options and examples.  "
	    "kith\nCOMMAND --help is the same.  The manual: man kith, and man "
	    "kith-journal\nfor the notes.\n",
	    NULL,
	    "  kith help due\n  kith site --help\n",
	    NULL, 0, 1 },
	{ "__complete", cmd_complete, "people|companies",
	    NULL, NULL, NULL, NULL, NULL, 1, 0 },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))


const command *
command_find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* An unknown command, with the nearest one. */
void
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

void
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
	    "nearest\n                       folder upwards with kith.yaml, else\n"
	    "                       journal: in ~/.config/kith/config.yaml)\n"
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

void
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

int
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

int
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
