/*
 * query.c: the commands that ask the graph a question: show, intro,
 * people, graph and stats.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/kith.h"
#include "cmd.h"

enum question { Q_SHOW, Q_INTRO, Q_PEOPLE, Q_GRAPH, Q_STATS };

static const char *const question_names[] = { "show", "intro", "people",
	"graph", "stats" };

/* --format F, among the formats the command takes (a bit each). */
static int
parse_output(const char *s, unsigned takes, kith_output *out)
{
	static const char *const names[] = { "text", "json", "csv", "dot" };
	static const size_t order[] = { 0, 3, 1, 2 };	/* as the help says */
	char list[64] = "";
	size_t i, n = 0, k, done = 0;

	for (i = 0; i < 4; i++)
		if ((takes & (1u << i)) && strcmp(s, names[i]) == 0) {
			*out = (kith_output)i;
			return 0;
		}
	for (i = 0; i < 4; i++)
		if (takes & (1u << i))
			n++;
	for (k = 0; k < 4; k++) {
		i = order[k];
		if (!(takes & (1u << i)))
			continue;
		strcat(list, names[i]);
		if (++done + 1 < n)
			strcat(list, ", ");
		else if (done + 1 == n)
			strcat(list, " or ");
	}
	usage_error("--format: expected %s, not \"%s\"", list, s);
	return -1;
}

static int
parse_sort(const char *s, kith_sort *out)
{
	static const char *const names[] = { "name", "last", "strength", "due" };
	size_t i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (kith_sort)i;
			return 0;
		}
	usage_error("--sort: expected name, last, strength or due, not \"%s\"",
	    s);
	return -1;
}

/* "no one called NAME", with who it could be or the nearest spelling. */
static void
unknown_name(const kith_journal *j, const char *what, const char *name)
{
	const char **matches;
	const char *hint;
	size_t i;

	switch (kith_journal_named(j, name)) {
	case KITH_NAMED_OWNER:
		fprintf(stderr, "kith: %s: \"%s\" is you, the journal's owner\n",
		    what, name);
		return;
	case KITH_NAMED_OTHER:
		fprintf(stderr, "kith: %s: \"%s\" is a meeting or a note, not a "
		    "person or company\n", what, name);
		return;
	case KITH_NAMED_PERSON:
		if (strcmp(what, "--company") == 0) {
			fprintf(stderr, "kith: --company: \"%s\" is a person, "
			    "not a company\n", name);
			return;
		}
		break;
	default:
		break;
	}
	matches = kith_journal_matches(j, name);
	if (matches != NULL && matches[0] != NULL && matches[1] != NULL) {
		fprintf(stderr, "kith: %s: \"%s\" could be any of:", what, name);
		for (i = 0; matches[i] != NULL && i < 10; i++)
			fprintf(stderr, "%s \"%s\"", i ? "," : "", matches[i]);
		fprintf(stderr, "%s; give the whole name\n",
		    matches[i] != NULL ? ", ..." : "");
	} else if (matches != NULL && matches[0] != NULL) {
		fprintf(stderr, "kith: %s: no one called \"%s\"; did you mean "
		    "\"%s\"?\n", what, name, matches[0]);
	} else if ((hint = kith_journal_suggest(j, name)) != NULL) {
		fprintf(stderr, "kith: %s: no one called \"%s\"; did you mean "
		    "\"%s\"?\n", what, name, hint);
	} else {
		fprintf(stderr, "kith: %s: no one called \"%s\"\n", what, name);
	}
	free(matches);
}

/* Reads the command's arguments into q (and *name: show's and intro's
 * one argument).  Returns 0, or -1 after a usage error. */
static int
parse(enum question k, int argc, char **argv, kith_query *q,
    const char **name)
{
	static const unsigned takes[] = { 3, 3, 7, 10, 3 };
	const char *v, *cmd = question_names[k];
	int i;

	for (i = 0; i < argc; i++) {
		if (VALUE("--format")) {
			if (*v == '\0' || parse_output(v, takes[k], &q->format) < 0)
				return -1;
		} else if (k == Q_INTRO && strcmp(argv[i], "--all") == 0) {
			q->all = 1;
		} else if (k == Q_PEOPLE && VALUE("--tag")) {
			if (*v == '\0')
				return -1;
			q->tag = v;
		} else if (k == Q_PEOPLE && VALUE("--company")) {
			if (*v == '\0')
				return -1;
			q->company = v;
		} else if (k == Q_PEOPLE && VALUE("--sort")) {
			if (*v == '\0' || parse_sort(v, &q->sort) < 0)
				return -1;
		} else if (k == Q_PEOPLE && strcmp(argv[i], "--fading") == 0) {
			q->fading = 1;
		} else if ((k == Q_SHOW || k == Q_INTRO) && *name == NULL &&
		    (argv[i][0] != '-' || argv[i][1] == '\0')) {
			*name = argv[i];
		} else {
			bad_argument(argv[i], command_find(cmd)->names);
			return -1;
		}
	}
	if ((k == Q_SHOW || k == Q_INTRO) && (*name == NULL || **name == '\0')) {
		usage_error("%s: expected a name (a person or company)",
		    cmd);
		return -1;
	}
	return 0;
}

static int
ask(global *g, enum question k, int argc, char **argv)
{
	kith_journal *j = NULL;
	kith_query q;
	kith_status st = KITH_OK;
	const char *name = NULL;
	char *out = NULL;
	size_t len = 0;
	int rc;

	memset(&q, 0, sizeof(q));
	q.format = k == Q_GRAPH ? KITH_OUT_DOT : KITH_OUT_TEXT;
	if (parse(k, argc, argv, &q, &name) < 0)
		return EXIT_USAGE;
	q.today = g->today;
	q.where = g->prefix;
	if ((rc = load(g, 0, &j)) != EXIT_DONE)
		return rc;
	report_problems(g, j);
	switch (k) {
	case Q_SHOW:
		st = kith_show(j, name, &q, &out, &len);
		break;
	case Q_INTRO:
		st = kith_intro(j, name, &q, &out, &len);
		break;
	case Q_PEOPLE:
		st = kith_people(j, &q, &out, &len);
		name = q.company;
		break;
	case Q_GRAPH:
		st = kith_graph(j, &q, &out, &len);
		break;
	case Q_STATS:
		st = kith_stats(j, &q, &out, &len);
		break;
	}
	if (st == KITH_EJOURNAL) {
		unknown_name(j, k == Q_PEOPLE ? "--company" :
		    question_names[k], name);
		rc = EXIT_USAGE;
		free(out);
	} else {
		rc = put_answer(j, st == KITH_OK ? out : NULL, len);
		if (st != KITH_OK)
			free(out);
	}
	kith_journal_free(j);
	return rc;
}

int
cmd_show(global *g, int argc, char **argv)
{
	return ask(g, Q_SHOW, argc, argv);
}

int
cmd_intro(global *g, int argc, char **argv)
{
	return ask(g, Q_INTRO, argc, argv);
}

int
cmd_people(global *g, int argc, char **argv)
{
	return ask(g, Q_PEOPLE, argc, argv);
}

int
cmd_graph(global *g, int argc, char **argv)
{
	return ask(g, Q_GRAPH, argc, argv);
}

int
cmd_stats(global *g, int argc, char **argv)
{
	return ask(g, Q_STATS, argc, argv);
}
