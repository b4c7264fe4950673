/*
 * exchange.c: contacts in and out of the journal: import (LinkedIn's
 * Connections.csv, vCard) and export (vCard, iCalendar).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/kith.h"
#include "cmd.h"

/* ---- kith import ---- */

static void
import_counts(const kith_import *im, size_t count[5])
{
	size_t i;

	memset(count, 0, 5 * sizeof(count[0]));
	for (i = 0; i < kith_import_count(im); i++)
		count[kith_import_entry(im, i)->what]++;
}

/* One line a note written (or to write) and a person skipped. */
static void
import_list(const global *g, const kith_import *im, int dry_run)
{
	const kith_imported *e;
	const char *slash = g->prefix[0] ? "/" : "";
	size_t i;

	for (i = 0; i < kith_import_count(im); i++) {
		e = kith_import_entry(im, i);
		if (e->what == KITH_IMPORT_PERSON || e->what == KITH_IMPORT_COMPANY)
			printf("%s%s%s%s\n", dry_run ? "would write " : "",
			    g->prefix, slash, e->path);
		else if (e->what == KITH_IMPORT_KNOWN && e->path != NULL)
			printf("skipped %s (line %d): in the journal by %s: %s%s%s\n",
			    e->name, e->line, e->by, g->prefix, slash, e->path);
		else if (e->what == KITH_IMPORT_KNOWN)
			printf("skipped %s (line %d): the name is taken by more "
			    "than one note\n", e->name, e->line);
		else if (e->what == KITH_IMPORT_TWICE)
			printf("skipped %s (line %d): named like an earlier one, "
			    "%s%s%s\n", e->name, e->line, g->prefix, slash, e->path);
	}
}

static void
import_summary(const kith_import *im, int dry_run)
{
	size_t count[5];

	import_counts(im, count);
	printf("%s %zu %s and %zu compan%s; %zu already in the journal",
	    dry_run ? "Would import" : "Imported", count[KITH_IMPORT_PERSON],
	    count[KITH_IMPORT_PERSON] == 1 ? "person" : "people",
	    count[KITH_IMPORT_COMPANY],
	    count[KITH_IMPORT_COMPANY] == 1 ? "y" : "ies",
	    count[KITH_IMPORT_KNOWN]);
	if (count[KITH_IMPORT_TWICE])
		printf(", %zu named twice", count[KITH_IMPORT_TWICE]);
	if (count[KITH_IMPORT_NO_NAME])
		printf(", %zu without a name", count[KITH_IMPORT_NO_NAME]);
	printf(".\n");
}

static int
import_parse(int argc, char **argv, kith_source *source, const char **file,
    int *dry_run)
{
	int i, n = 0;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0 || strcmp(argv[i], "-n") == 0)
			*dry_run = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			bad_argument(argv[i], command_find("import")->names);
			return -1;
		} else if (n == 0 && strcmp(argv[i], "linkedin") == 0) {
			*source = KITH_SOURCE_LINKEDIN;
			n++;
		} else if (n == 0 && strcmp(argv[i], "vcard") == 0) {
			*source = KITH_SOURCE_VCARD;
			n++;
		} else if (n == 0) {
			usage_error("import from where: linkedin or vcard, not "
			    "\"%s\"", argv[i]);
			return -1;
		} else if (n++ == 1) {
			*file = argv[i];
		} else {
			bad_argument(argv[i], command_find("import")->names);
			return -1;
		}
	}
	if (*file == NULL) {
		usage_error(n ? "the file to import is missing" :
		    "import from where: linkedin FILE or vcard FILE?");
		return -1;
	}
	return 0;
}

static void
print_import_diags(const kith_import *im)
{
	const kith_diag *d;
	size_t i;

	for (i = 0; i < kith_import_diag_count(im); i++) {
		d = kith_import_diag(im, i);
		fprintf(stderr, "%s:%d:%d: %s: %s\n", d->file, d->line, d->col,
		    d->level == KITH_ERROR ? "error" : "warning", d->message);
	}
}

int
cmd_import(global *g, int argc, char **argv)
{
	kith_journal *j = NULL;
	kith_import *im = NULL;
	kith_source source = KITH_SOURCE_LINKEDIN;
	const char *file = NULL;
	kith_status st;
	size_t i;
	int dry_run = 0, rc, worst = 0;

	if (import_parse(argc, argv, &source, &file, &dry_run) < 0)
		return EXIT_USAGE;
	if ((rc = load(g, 0, &j)) != EXIT_DONE)
		return rc;
	if ((st = kith_import_new(j, source, file, dry_run, &im)) != KITH_OK) {
		fprintf(stderr, "kith: %s: %s\n", file, strerror(errno));
		rc = st == KITH_EJOURNAL ? EXIT_USAGE : EXIT_SYSTEM;
		goto out;
	}
	print_import_diags(im);
	for (i = 0; i < kith_import_diag_count(im); i++)
		if (kith_import_diag(im, i)->level == KITH_ERROR)
			worst = 1;
	if (!g->quiet)
		import_list(g, im, dry_run);
	if (!g->quiet)
		import_summary(im, dry_run);
	rc = flush_out();
	if (rc == EXIT_DONE && worst)
		rc = EXIT_JOURNAL;
out:
	kith_import_free(im);
	kith_journal_free(j);
	return rc;
}

/* ---- kith export ---- */

static int
export_parse(int argc, char **argv, int *ics, int *version)
{
	const char *v;
	int i, n = 0;

	for (i = 0; i < argc; i++) {
		if (VALUE("--vcard-version")) {
			if (*v == '\0')
				return -1;
			if (strcmp(v, "4.0") != 0 && strcmp(v, "3.0") != 0 &&
			    strcmp(v, "4") != 0 && strcmp(v, "3") != 0) {
				usage_error("--vcard-version: 4.0 or 3.0, not "
				    "\"%s\"", v);
				return -1;
			}
			*version = v[0] - '0';
		} else if (n == 0 && (strcmp(argv[i], "vcard") == 0 ||
		    strcmp(argv[i], "ics") == 0)) {
			*ics = strcmp(argv[i], "ics") == 0;
			n++;
		} else if (n == 0 && argv[i][0] != '-') {
			usage_error("export what: vcard or ics, not \"%s\"",
			    argv[i]);
			return -1;
		} else {
			bad_argument(argv[i], command_find("export")->names);
			return -1;
		}
	}
	if (n == 0) {
		usage_error("export what: vcard or ics?");
		return -1;
	}
	return 0;
}

/* Every open follow-up of the next year, for a calendar. */
static char *
export_ics(const global *g, const kith_journal *j, size_t *len)
{
	kith_due_query q;
	kith_due *due = NULL;
	char *text;

	memset(&q, 0, sizeof(q));
	q.horizon = 366;
	q.today = g->today;
	if (kith_due_new(j, &q, &due) != KITH_OK)
		return NULL;
	text = kith_due_ics(due, j, len);
	kith_due_free(due);
	return text;
}

int
cmd_export(global *g, int argc, char **argv)
{
	kith_journal *j = NULL;
	char *text = NULL;
	size_t len;
	int ics = 0, version = 4, rc;

	if (export_parse(argc, argv, &ics, &version) < 0)
		return EXIT_USAGE;
	if (ics && version != 4) {
		usage_error("--vcard-version is for export vcard");
		return EXIT_USAGE;
	}
	if ((rc = load(g, 0, &j)) != EXIT_DONE)
		return rc;
	report_problems(g, j);
	text = ics ? export_ics(g, j, &len) : kith_export_vcard(j, version, &len);
	rc = put_answer(j, text, len);
	kith_journal_free(j);
	return rc;
}
