/*
 * report.c: the commands that read the whole journal and report on it:
 * due, check and site.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/kith.h"
#include "cmd.h"

/* ---- kith due ---- */

typedef struct due_args {
	kith_due_query q;
	kith_format format;
	int ics;		/* --format ics */
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
parse_format(const char *s, kith_format *out, int *ics)
{
	*ics = 0;
	if (strcmp(s, "text") == 0)
		*out = KITH_FORMAT_TEXT;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*out = KITH_FORMAT_MARKDOWN;
	else if (strcmp(s, "json") == 0)
		*out = KITH_FORMAT_JSON;
	else if (strcmp(s, "ics") == 0)
		*ics = 1;
	else {
		usage_error("--format: expected text, markdown, json or ics, "
		    "not \"%s\"", s);
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
			if (*v == '\0' || parse_format(v, &a->format, &a->ics) < 0)
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

/* --format ics: the report as iCalendar, whole or not at all. */
static int
due_ics(const kith_due *due, const kith_journal *j)
{
	size_t len = 0;
	char *ics = kith_due_ics(due, j, &len);

	return put_answer(j, ics, len);
}

int
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
	if (a.ics) {
		rc = due_ics(due, j);
		goto out;
	}
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

int
cmd_check(global *g, int argc, char **argv)
{
	kith_journal *j = NULL;
	int i, strict = 0, explain = 0, list = 0, rc;
	char *text;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--strict") == 0) {
			strict = 1;
		} else if (strcmp(argv[i], "--explain") == 0) {
			explain = 1;
		} else if (strcmp(argv[i], "--list") == 0) {
			explain = list = 1;
		} else {
			bad_argument(argv[i], command_find("check")->names);
			return EXIT_USAGE;
		}
	}
	if ((rc = load(g, strict, &j)) != EXIT_DONE)
		return rc;
	print_diags(g, j, KITH_WARNING);
	rc = kith_journal_worst(j) == KITH_ERROR ? EXIT_JOURNAL : EXIT_DONE;
	if (explain) {
		if ((text = kith_journal_explain(j, list)) == NULL) {
			fprintf(stderr, "kith: out of memory\n");
			kith_journal_free(j);
			return EXIT_SYSTEM;
		}
		fputs(text, stdout);
		free(text);
		if (flush_out() != EXIT_DONE)
			rc = EXIT_SYSTEM;
	}
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
	if (g->prefix == NULL || g->prefix[0] == '\0')
		return strdup(rel);	/* "_site", not "./_site" */
	n = strlen(g->prefix) + strlen(rel) + 2;
	if ((dir = malloc(n)) != NULL)
		snprintf(dir, n, "%s/%s", g->prefix, rel);
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

int
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
			printf("%s: %zu page%s (%zu file%s written, %zu "
			    "unchanged%s)\n", dir, res.pages,
			    res.pages == 1 ? "" : "s", res.written,
			    res.written == 1 ? "" : "s", res.unchanged,
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
