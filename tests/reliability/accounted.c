/*
 * accounted.c: "never hide a note without saying so".  For a journal,
 * checks that every file that is a note by the rules of journal.md ends
 * up either in the dashboard or in a diagnostic:
 *
 *   - a note kith read has a page (in people/, companies/, meetings/ or
 *     notes/, whose <h1> is the note's name), unless it is private, the
 *     owner, or a meeting with no one but private people (docs/site.md);
 *   - a note kith skipped (unreadable, bad front matter, no date...) has
 *     an error at its path;
 *   - a *.md file kith did not read at all has a diagnostic at its path
 *     (a FIFO, a dangling link, a name that is not UTF-8...), unless the
 *     rules leave it out: a part of its path starts with '.' or '_', it is
 *     in the site folder, an ignore: glob matches it, or it is under a
 *     symbolic link to a folder.
 *
 * The files are found by a walk of its own, not kith's.
 *
 *   accounted JOURNAL OUT [YYYY-MM-DD]
 *
 * Builds the site into OUT (a folder of its own), prints one line per note
 * not accounted for, then a summary; exits 0 when every note is accounted
 * for, 1 when one is not, 2 on a usage or system error.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "site/html.h"
#include "model/model.h"
#include "read/read.h"
#include "report/report.h"
#include "rules/rules.h"
#include "core/limits.h"
#include "site/site.h"

typedef struct pages {
	char **h1;		/* "folder/" + the <h1> text, as written */
	size_t n;
	size_t cap;
} pages;

typedef struct tally {
	size_t notes, paged, private_notes, owner, hidden, diagnosed;
	size_t lost;
	note **unmatched;	/* visible notes whose name no <h1> shows */
	size_t nunmatched;
	int secrets;		/* the journal has private notes */
} tally;

static void
die(const char *what)
{
	fprintf(stderr, "accounted: %s: %s\n", what, strerror(errno));
	exit(2);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) < 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) < 0 || (data = malloc((size_t)n + 1)) == NULL ||
	    fread(data, 1, (size_t)n, f) != (size_t)n)
		die(path);
	data[n] = '\0';
	fclose(f);
	return data;
}

/* The <h1> of every page of a folder of the site. */
static void
read_pages(pages *p, const char *out, const char *folder)
{
	char path[4096], *page, *h, *end;
	struct dirent *e;
	DIR *d;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", out, folder);
	if ((d = opendir(path)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".html") != 0 ||
		    strcmp(e->d_name, "index.html") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s/%s", out, folder, e->d_name);
		page = slurp(path);
		if ((h = strstr(page, "<h1>")) != NULL &&
		    (end = strstr(h, "</h1>")) != NULL) {
			*end = '\0';
			if (p->n == p->cap) {
				p->cap = p->cap ? 2 * p->cap : 256;
				if ((p->h1 = realloc(p->h1,
				    p->cap * sizeof(*p->h1))) == NULL)
					die("realloc");
			}
			n = strlen(folder) + strlen(h + 4) + 2;
			if ((p->h1[p->n] = malloc(n)) == NULL)
				die("malloc");
			snprintf(p->h1[p->n++], n, "%s/%s", folder, h + 4);
		}
		free(page);
	}
	closedir(d);
}

/* Takes one page named folder/h1 off the list; 0 when there is none.
 * With display NULL, any page of the folder whose name had a private
 * person's name replaced by "someone" (docs/site.md, "Privacy"). */
static int
take_page(pages *p, const char *folder, const char *display)
{
	kith_buf want = KITH_BUF_INIT;
	size_t i, k;
	int found = 0;

	buf_printf(&want, "%s/", folder);
	k = want.len;
	if (display != NULL)
		html_escape(&want, display);
	for (i = 0; i < p->n && !found; i++) {
		if (p->h1[i] == NULL)
			continue;
		if (display == NULL ? strncmp(p->h1[i], want.data, k) == 0 &&
		    strstr(p->h1[i] + k, "someone") != NULL :
		    strcmp(p->h1[i], want.data) == 0) {
			free(p->h1[i]);
			p->h1[i] = NULL;
			found = 1;
		}
	}
	buf_free(&want);
	return found;
}

/* A meeting only with private people (and the owner) is left out. */
static int
hidden_meeting(const note *m)
{
	size_t k, secret = 0, open = 0;
	const note *p;

	if (m->type != NOTE_MEETING)
		return 0;
	for (k = 0; k < m->with.n; k++) {
		if ((p = m->with.v[k].to) == NULL || p->is_owner)
			continue;
		if (p->private_note)
			secret++;
		else
			open++;
	}
	return secret > 0 && open == 0;
}

/* A diagnostic at path, or at a folder above it; at least level. */
static int
has_diag(const kith_journal *j, const char *path, kith_level level)
{
	const kith_diag *d;
	size_t i, k;

	for (i = 0; i < kith_journal_diag_count(j); i++) {
		d = kith_journal_diag(j, i);
		if (d->level < level)
			continue;
		if (strcmp(d->file, path) == 0)
			return 1;
		k = strlen(d->file);
		if (strncmp(d->file, path, k) == 0 && path[k] == '/')
			return 1;
	}
	return 0;
}

static void
lost(tally *t, const char *path, const char *why)
{
	printf("LOST %s: %s\n", path, why);
	t->lost++;
}

static void
check_note(const kith_journal *j, const char *rel, pages *p, tally *t)
{
	kith_buf b = KITH_BUF_INIT;
	const char *shown;
	note *n = journal_note_at(j, rel);

	walk_name_shown(&b, rel);
	shown = b.data ? b.data : "";
	t->notes++;
	if (n == NULL) {
		if (has_diag(j, shown, KITH_WARNING))
			t->diagnosed++;
		else
			lost(t, shown, "not read, and no diagnostic says why");
	} else if (n->skipped) {
		if (has_diag(j, shown, KITH_ERROR))
			t->diagnosed++;
		else
			lost(t, shown, "skipped without an error");
	} else if (n->private_note) {
		t->private_notes++;
	} else if (n->is_owner) {
		t->owner++;
	} else if (hidden_meeting(n)) {
		t->hidden++;
	} else if (take_page(p, site_folder(n), n->display)) {
		t->paged++;
	} else {
		/* matched in a second pass, once every exact name is taken */
		t->unmatched = realloc(t->unmatched,
		    (t->nunmatched + 1) * sizeof(*t->unmatched));
		if (t->unmatched == NULL)
			die("realloc");
		t->unmatched[t->nunmatched++] = n;
	}
	buf_free(&b);
}

/* Walks dir (rel: its path in the journal, "" for the root). */
static void
walk(const kith_journal *j, const char *root, const char *rel, int depth,
    pages *p, tally *t)
{
	char path[8200], child[4096];
	struct dirent *e;
	struct stat st;
	DIR *d;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if ((d = opendir(path)) == NULL)
		return;		/* kith reports an unreadable folder itself */
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;	/* the rules: never a note */
		snprintf(child, sizeof(child), "%s%s%s", rel, rel[0] ? "/" : "",
		    e->d_name);
		snprintf(path, sizeof(path), "%s/%s", root, child);
		if (lstat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (walk_ignored(j, child, 1))
				continue;
			if (depth + 1 >= KITH_MAX_WALK_DEPTH + 1) {
				if (!has_diag(j, child, KITH_WARNING))
					lost(t, child, "a folder not read, "
					    "without a diagnostic");
				continue;
			}
			walk(j, root, child, depth + 1, p, t);
			continue;
		}
		n = strlen(e->d_name);
		if (n <= 3 || strcasecmp(e->d_name + n - 3, ".md") != 0)
			continue;
		if (S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
		    S_ISDIR(st.st_mode))
			continue;	/* a link to a folder: not followed */
		if (walk_ignored(j, child, 0))
			continue;
		check_note(j, child, p, t);
	}
	closedir(d);
}

int
main(int argc, char **argv)
{
	kith_options o;
	kith_date today;
	kith_journal *j;
	kith_site_result res;
	kith_status st;
	pages p = { NULL, 0, 0 };
	tally t;
	char *why = NULL;
	size_t i;
	static const char *const folders[] = { "people", "companies",
	    "meetings", "notes" };

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: accounted JOURNAL OUT [YYYY-MM-DD]\n");
		return 2;
	}
	memset(&o, 0, sizeof(o));
	memset(&t, 0, sizeof(t));
	o.root = argv[1];
	o.keep_bodies = 1;
	if (kith_date_parse(argc == 4 ? argv[3] : "2026-11-22", &today) < 0) {
		fprintf(stderr, "accounted: bad date\n");
		return 2;
	}
	if (kith_journal_load(&o, &j) != KITH_OK) {
		fprintf(stderr, "accounted: cannot load %s\n", argv[1]);
		return 2;
	}
	if ((st = kith_site_write(j, today, argv[2], &res, &why)) != KITH_OK) {
		fprintf(stderr, "accounted: kith site: %s\n", why ? why : "failed");
		free(why);
		kith_journal_free(j);
		return 2;
	}
	for (i = 0; i < 4; i++)
		read_pages(&p, argv[2], folders[i]);
	for (i = 0; i < j->nnotes; i++)
		t.secrets |= j->notes[i]->private_note;
	walk(j, argv[1], "", 0, &p, &t);
	for (i = 0; i < t.nunmatched; i++) {
		if (t.secrets && take_page(&p, site_folder(t.unmatched[i]), NULL))
			t.paged++;
		else
			lost(&t, t.unmatched[i]->path, "read, but no page shows it");
	}
	free(t.unmatched);
	printf("%zu notes: %zu on a page, %zu private, %zu the owner, "
	    "%zu meetings with private people only, %zu in a diagnostic; "
	    "%zu lost\n", t.notes, t.paged, t.private_notes, t.owner, t.hidden,
	    t.diagnosed, t.lost);
	for (i = 0; i < p.n; i++)
		free(p.h1[i]);
	free(p.h1);
	kith_journal_free(j);
	return t.lost ? 1 : 0;
}
