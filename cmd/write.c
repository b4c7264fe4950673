/*
 * write.c: the commands that start a journal and add notes to it: init
 * and new.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../lib/kith.h"
#include "cmd.h"

/* ---- kith init ---- */

int
cmd_init(global *g, int argc, char **argv)
{
	const char *dir = NULL;
	char **made = NULL, *why = NULL;
	kith_status st;
	size_t i;

	for (i = 0; i < (size_t)argc; i++) {
		if (argv[i][0] == '-' || dir != NULL) {
			bad_argument(argv[i], command_find("init")->names);
			return EXIT_USAGE;
		}
		dir = argv[i];
	}
	if (dir == NULL && g->found != NULL && strcmp(g->found, ".") != 0) {
		fprintf(stderr, "kith: this folder is inside the journal %s; "
		    "name a folder (kith init DIR) to start another\n",
		    g->found);
		return EXIT_USAGE;
	}
	/* -j names the folder too; $KITH_JOURNAL and the user's journal:,
	 * the journal one usually works in, do not (g->journal is one of
	 * their strings when it came from them) */
	if (dir == NULL && g->journal != NULL && g->found == NULL &&
	    g->journal != getenv("KITH_JOURNAL") &&
	    g->journal != g->user.journal)
		dir = g->journal;
	if (dir == NULL)
		dir = ".";
	st = kith_init(dir, &made, &why);
	if (st != KITH_OK) {
		fprintf(stderr, "kith: %s\n", why ? why : "out of memory");
		free(why);
		return st == KITH_EREFUSED ? EXIT_USAGE : EXIT_SYSTEM;
	}
	for (i = 0; !g->quiet && made[i] != NULL; i++)
		printf("%s%s%s\n", strcmp(dir, ".") == 0 ? "" : dir,
		    strcmp(dir, ".") == 0 ? "" : "/", made[i]);
	if (!g->quiet)
		printf("A new journal in %s: add a note with 'kith new person "
		    "NAME', then run 'kith due'.\n", dir);
	free(made);
	return flush_out();
}

/* ---- kith new ---- */

typedef struct new_args {
	kith_new_note n;
	const char *with[64];
	int edit;
	int dated;
} new_args;

/* --date YYYY-MM-DD, or with a time: "YYYY-MM-DD HH:MM" or ...THH:MM */
static int
parse_when(const char *s, kith_new_note *n)
{
	char day[11];
	int h, m, used = 0;

	if (strlen(s) < 10)
		goto bad;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (kith_date_parse(day, &n->date) < 0)
		goto bad;
	n->minutes = -1;
	if (s[10] == '\0')
		return 0;
	if ((s[10] != ' ' && s[10] != 'T') ||
	    sscanf(s + 11, "%2d:%2d%n", &h, &m, &used) != 2 ||
	    s[11 + used] != '\0' || h > 23 || m > 59 || h < 0 || m < 0)
		goto bad;
	n->minutes = h * 60 + m;
	return 0;
bad:
	usage_error("--date: expected YYYY-MM-DD or \"YYYY-MM-DD HH:MM\", "
	    "not \"%s\"", s);
	return -1;
}

static int
new_type(const char *s, kith_note_type *out)
{
	if (strcmp(s, "person") == 0)
		*out = KITH_NOTE_PERSON;
	else if (strcmp(s, "meeting") == 0)
		*out = KITH_NOTE_MEETING;
	else if (strcmp(s, "company") == 0)
		*out = KITH_NOTE_COMPANY;
	else {
		usage_error("expected person, meeting or company, not \"%s\"", s);
		return -1;
	}
	return 0;
}

static int
new_parse(int argc, char **argv, new_args *a)
{
	const char *v;
	int i;

	if (argc < 1 || argv[0][0] == '-') {
		usage_error("what kind of note: person, meeting or company?");
		return -1;
	}
	if (new_type(argv[0], &a->n.type) < 0)
		return -1;
	for (i = 1; i < argc; i++) {
		if (VALUE("--with")) {
			if (*v == '\0')
				return -1;
			if (a->n.nwith == sizeof(a->with) / sizeof(a->with[0])) {
				usage_error("--with: at most 64 people");
				return -1;
			}
			a->with[a->n.nwith++] = v;
		} else if (VALUE("--date")) {
			if (*v == '\0' || parse_when(v, &a->n) < 0)
				return -1;
			a->dated = 1;
		} else if (VALUE("--kind")) {
			if (*v == '\0')
				return -1;
			a->n.kind = v;
		} else if (VALUE("--company")) {
			if (*v == '\0')
				return -1;
			a->n.company = v;
		} else if (strcmp(argv[i], "-e") == 0 ||
		    strcmp(argv[i], "--edit") == 0) {
			a->edit = 1;
		} else if (argv[i][0] != '-' && a->n.name == NULL &&
		    a->n.type != KITH_NOTE_MEETING) {
			a->n.name = argv[i];
		} else {
			bad_argument(argv[i], command_find("new")->names);
			return -1;
		}
	}
	return 0;
}

static int
new_check_args(new_args *a)
{
	if (a->n.type == KITH_NOTE_MEETING && a->n.nwith == 0) {
		usage_error("a meeting needs --with NAME (one for each person)");
		return -1;
	}
	if (a->n.type != KITH_NOTE_MEETING && a->n.name == NULL) {
		usage_error("the %s's name is missing", a->n.type ==
		    KITH_NOTE_PERSON ? "person" : "company");
		return -1;
	}
	if (a->n.type != KITH_NOTE_MEETING && (a->n.nwith || a->n.kind)) {
		usage_error("--with and --kind are for a meeting");
		return -1;
	}
	if (a->n.type == KITH_NOTE_COMPANY && (a->n.company || a->dated)) {
		usage_error("--company and --date are for a person or a meeting");
		return -1;
	}
	return 0;
}

/* Each --with name as the journal spells it; an unknown name with a near
 * one is a usage error (a typo makes a new person), one without is kept. */
static int
resolve_with(const kith_journal *j, new_args *a)
{
	const char *found, *hint;
	int ambiguous;
	size_t i;

	for (i = 0; i < a->n.nwith; i++) {
		if ((found = kith_journal_find(j, a->with[i], &ambiguous))) {
			a->with[i] = found;
			continue;
		}
		if (ambiguous) {
			usage_error("--with: \"%s\" names more than one note "
			    "(kith check shows which); give the whole name",
			    a->with[i]);
			return -1;
		}
		if ((hint = kith_journal_suggest(j, a->with[i])) != NULL) {
			usage_error("--with: no one called \"%s\"; did you mean "
			    "\"%s\"?", a->with[i], hint);
			return -1;
		}
		fprintf(stderr, "kith: --with: \"%s\" has no note yet (kith new "
		    "person \"%s\")\n", a->with[i], a->with[i]);
	}
	return 0;
}

static int
refuse_known(const kith_journal *j, const new_args *a)
{
	const char *found;
	int ambiguous;

	if (a->n.type == KITH_NOTE_MEETING)
		return 0;
	found = kith_journal_find(j, a->n.name, &ambiguous);
	if (found == NULL && !ambiguous)
		return 0;
	if (found != NULL && strcmp(found, a->n.name) != 0)
		fprintf(stderr, "kith: \"%s\" is in the journal already, as "
		    "\"%s\"\n", a->n.name, found);
	else
		fprintf(stderr, "kith: \"%s\" is in the journal already%s\n",
		    a->n.name, ambiguous ? " (more than once)" : "");
	return -1;
}

/* $VISUAL, else $EDITOR, else vi, on the new note. */
static int
edit(const char *path)
{
	const char *editor = getenv("VISUAL");
	pid_t pid;
	int status;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	if (fflush(stdout) != 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", editor, path,
		    (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int
cmd_new(global *g, int argc, char **argv)
{
	kith_journal *j = NULL;
	new_args a;
	char *path = NULL, *why = NULL, *shown = NULL;
	kith_status st;
	int rc;

	memset(&a, 0, sizeof(a));
	a.n.date = KITH_NO_DATE;
	a.n.minutes = -1;
	a.n.with = a.with;
	if (new_parse(argc, argv, &a) < 0 || new_check_args(&a) < 0)
		return EXIT_USAGE;
	if (a.n.type == KITH_NOTE_MEETING && !a.dated)
		a.n.date = g->today;
	if ((rc = load(g, 0, &j)) != EXIT_DONE)
		return rc;
	if (resolve_with(j, &a) < 0 || refuse_known(j, &a) < 0) {
		rc = EXIT_USAGE;
		goto out;
	}
	if ((st = kith_note_new(j, &a.n, &path, &why)) != KITH_OK) {
		fprintf(stderr, "kith: %s\n", why ? why : "out of memory");
		rc = st == KITH_EREFUSED ? EXIT_USAGE : EXIT_SYSTEM;
		goto out;
	}
	if ((shown = malloc(strlen(g->prefix) + strlen(path) + 2)) == NULL) {
		fprintf(stderr, "kith: out of memory\n");
		rc = EXIT_SYSTEM;
		goto out;
	}
	sprintf(shown, "%s%s%s", g->prefix, g->prefix[0] ? "/" : "", path);
	printf("%s\n", shown);
	rc = flush_out();
	if (rc == EXIT_DONE && a.edit && edit(shown) < 0) {
		fprintf(stderr, "kith: the editor failed on %s (the note is "
		    "written)\n", shown);
		rc = EXIT_SYSTEM;
	}
out:
	free(shown);
	free(path);
	free(why);
	kith_journal_free(j);
	return rc;
}
