/*
 * explain.c: how kith recognised a journal's notes, for kith check
 * --explain (journal.md, "Using an existing Obsidian or Logseq vault"):
 * one line a kind of note with its count by way of recognition, the
 * notes that did not make it and what would make them, and with list set
 * every person, meeting, company and daily note found.
 */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

/* One way of recognition and its count. */
typedef struct way {
	const char *label;	/* "folder People/", "named in meetings" */
	size_t n;
} way;

typedef struct ways {
	way v[16];
	size_t n, other;	/* beyond 16: counted together */
} ways;

static void
way_add(ways *w, const char *label)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->v[i].label, label) == 0) {
			w->v[i].n++;
			return;
		}
	if (w->n == sizeof(w->v) / sizeof(w->v[0])) {
		w->other++;
		return;
	}
	w->v[w->n].label = label;
	w->v[w->n++].n = 1;
}

static size_t
ways_total(const ways *w)
{
	size_t i, n = w->other;

	for (i = 0; i < w->n; i++)
		n += w->v[i].n;
	return n;
}

/* "people: 5 (folder People/ 4, named in meetings 1)" */
static void
ways_put(kith_buf *b, const char *what, const ways *w)
{
	size_t i;

	buf_printf(b, "%s: %zu", what, ways_total(w));
	for (i = 0; i < w->n; i++)
		buf_printf(b, "%s%s %zu", i ? ", " : " (", w->v[i].label,
		    w->v[i].n);
	if (w->other)
		buf_printf(b, ", other ways %zu", w->other);
	buf_puts(b, w->n ? ")\n" : "\n");
}

/* The label of how a note was recognised, in mem. */
static const char *
label_of(arena *mem, const note *n)
{
	kith_buf b = KITH_BUF_INIT;
	const char *label, *how = how_label(n->how);

	buf_printf(&b, "%s%s%s", how, *how ? " " : "",
	    n->how_what ? n->how_what : "");
	label = b.oom ? "?" : arena_strdup(mem, b.data);
	buf_free(&b);
	return label ? label : "?";
}

/* The top folder of a note ("References/", or "top level"), in mem. */
static const char *
top_folder(arena *mem, const note *n)
{
	const char *slash = strchr(n->path, '/');
	char *label;
	size_t len;

	if (slash == NULL)
		return "top level";
	len = (size_t)(slash - n->path) + 1;
	if ((label = arena_strndup(mem, n->path, len)) == NULL)
		return "?";
	return label;
}

/* A key of a meeting that was skipped without a date whose value is a
 * date: what keys: could name. */
static const char *
date_key_of(const note *n)
{
	kith_date d;
	int minutes;
	size_t i;

	char day[11];
	const char *v;

	for (i = 0; i < n->nextras; i++) {
		if (n->extras[i].value->kind != Y_SCALAR)
			continue;
		v = n->extras[i].value->str;
		if ((strlen(v) >= 10 && date_parse_time(v, &d, &minutes) == 0) ||
		    (strncmp(v, "[[", 2) == 0 && date_of_link(v, strlen(v), day)))
			return n->extras[i].key;
	}
	return NULL;
}

/* A key a meeting names its people with (keys.c's synonyms of with). */
static int
names_people(const char *key)
{
	static const char *const words[] = { "attendee", "attendees", "cc",
		"contact", "contacts", "organizer", "participant",
		"participants", "people", "to", "with" };
	char norm[KEY_NORM_MAX];
	size_t i;

	if (key_norm(key, norm) == 0)
		return 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i], norm) == 0)
			return 1;
	return 0;
}

/* Plain notes that name people in a key meetings use and have a date:
 * meetings kith was not told of, in the folder with most of them. */
typedef struct folder_count {
	const note *first;	/* its first such note */
	size_t len;		/* its folder's length in first->path */
	size_t n;
	const char *date_key;
} folder_count;

typedef struct unread {
	folder_count cur, best;
} unread;

static void
unread_meeting(unread *u, const note *n)
{
	const char *slash = strrchr(n->path, '/'), *key;
	size_t i, len = slash ? (size_t)(slash - n->path) : 0;

	for (i = 0; i < n->nextras && !names_people(n->extras[i].key); i++)
		;
	if (i == n->nextras || len == 0 || (key = date_key_of(n)) == NULL)
		return;
	/* notes come in path order: a folder's are together */
	if (u->cur.first == NULL || u->cur.len != len ||
	    strncmp(u->cur.first->path, n->path, len) != 0) {
		if (u->cur.n > u->best.n)
			u->best = u->cur;
		u->cur = (folder_count){ n, len, 0, key };
	}
	u->cur.n++;
}

static size_t
in_degree(const kith_journal *j, size_t i)
{
	return j->in_start[i + 1] - j->in_start[i];
}

/* The unresolved mentions, most linked first (top 5). */
static void
unresolved_put(const kith_journal *j, kith_buf *b)
{
	const note *top[5];
	size_t i, k, n = 0, count = 0;
	const note *u;

	for (i = j->nnotes; i < j->nnodes; i++) {
		u = j->notes[i];
		if (u->used_as_person || u->used_as_company ||
		    u->used_as_address)
			continue;
		count++;
		for (k = n; k > 0 && in_degree(j, top[k - 1]->index) <
		    in_degree(j, i); k--)
			if (k < 5)
				top[k] = top[k - 1];
		if (k < 5) {
			top[k] = u;
			n += n < 5;
		}
	}
	if (count == 0)
		return;
	buf_printf(b, "unresolved links: %zu (links to no note, not people; "
	    "kith check lists them)", count);
	for (k = 0; k < n; k++)
		buf_printf(b, "%s[[%s]]", k ? ", " : ": top ", top[k]->display);
	buf_putc(b, '\n');
}

static void
list_put(const kith_journal *j, kith_buf *b)
{
	char day[11];
	const note *n;
	size_t i, k, named;

	buf_puts(b, "\n");
	for (i = 0; i < j->nnodes; i++) {
		n = j->notes[i];
		if (n->skipped)
			continue;
		if (n->type == NOTE_PERSON || (n->type == NOTE_UNRESOLVED &&
		    note_is_person(n) && n->used_as_person)) {
			buf_printf(b, "person   %s", n->display);
			if (n->company.to != NULL)
				buf_printf(b, ", at %s", n->company.to->display);
			if (n->is_owner)
				buf_puts(b, " (owner)");
		} else if (n->type == NOTE_COMPANY || (n->type ==
		    NOTE_UNRESOLVED && n->used_as_company)) {
			buf_printf(b, "company  %s", n->display);
		} else if (n->type == NOTE_MEETING) {
			kith_date_format(n->date.d, day);
			buf_printf(b, "meeting  %s", day);
			if (n->date.minutes >= 0)
				buf_printf(b, " %02d:%02d", n->date.minutes / 60,
				    n->date.minutes % 60);
			if (n->kind.s != NULL)
				buf_printf(b, " %s", n->kind.s);
			for (k = 0, named = 0; k < n->with.n; k++)
				if (n->with.v[k].to == NULL ||
				    (!n->with.v[k].to->is_owner &&
				    !n->with.v[k].to->used_as_address))
					buf_printf(b, "%s%s", named++ ? ", " :
					    " with ", n->with.v[k].to ?
					    n->with.v[k].to->display :
					    n->with.v[k].name);
			if (n->company.to != NULL)
				buf_printf(b, ", at %s", n->company.to->display);
		} else if (n->daily != KITH_NO_DATE) {
			kith_date_format(n->daily, day);
			buf_printf(b, "daily    %s", day);
			for (k = 0, named = 0; k < n->nmentions; k++)
				if (note_names_person(n->mentions[k].ref.to))
					buf_printf(b, "%s%s", named++ ? ", " :
					    " with ", n->mentions[k].ref.to->display);
		} else {
			continue;
		}
		buf_printf(b, "  (%s)\n", *n->path ? n->path : "no note");
	}
}

/*
 * How each kind of note was recognised, a line each, and what would
 * recognise the rest.  Returns malloc'd text (free()), NULL when out of
 * memory.
 */
char *
kith_journal_explain(const kith_journal *j, int list)
{
	arena mem = { NULL, 0 };	/* the labels */
	ways people = { { { 0 } }, 0, 0 }, meetings = people,
	    companies = people, dailies = people, plain = people,
	    goals = people;
	kith_buf b = KITH_BUF_INIT;
	size_t i, unnamed = 0, undated = 0, skipped = 0, addresses = 0;
	const char *date_key = NULL, *undated_folder = NULL;
	unread missed = { { NULL, 0, 0, NULL }, { NULL, 0, 0, NULL } };
	const note *n;

	for (i = 0; i < j->nnodes; i++) {
		n = j->notes[i];
		if (n->type == NOTE_UNRESOLVED) {
			addresses += n->used_as_address;
			if (n->used_as_company)
				way_add(&companies, "without a note");
			else if (n->used_as_person)
				way_add(&people, "without a note");
			continue;
		}
		if (n->skipped) {
			skipped++;
			if (n->type == NOTE_MEETING &&
			    n->date.d == KITH_NO_DATE && n->with.n > 0) {
				undated++;
				if (date_key == NULL)
					date_key = date_key_of(n);
				if (undated_folder == NULL)
					undated_folder = n->path;
			}
			continue;
		}
		if (n->type == NOTE_PERSON)
			way_add(&people, label_of(&mem, n));
		else if (n->type == NOTE_MEETING)
			way_add(&meetings, label_of(&mem, n));
		else if (n->type == NOTE_COMPANY)
			way_add(&companies, label_of(&mem, n));
		else if (n->type == NOTE_GOAL)
			way_add(&goals, label_of(&mem, n));
		else if (n->daily != KITH_NO_DATE)
			way_add(&dailies, n->how_what);
		else if (n->type == NOTE_PLAIN) {
			way_add(&plain, top_folder(&mem, n));
			unnamed += n->unnamed_meeting;
			if (!n->unnamed_meeting)
				unread_meeting(&missed, n);
		}
	}
	if (j->cfg.logseq)
		buf_puts(&b, "a Logseq graph (logseq/config.edn): page "
		    "properties are its first lines; logseq/ is not read\n");
	ways_put(&b, "people", &people);
	ways_put(&b, "meetings", &meetings);
	if (unnamed > 0)
		buf_printf(&b, "  %zu more meeting note%s name%s no one (no "
		    "with:, attendees or Participants list): plain notes\n",
		    unnamed, unnamed == 1 ? "" : "s", unnamed == 1 ? "s" : "");
	if (undated > 0 && date_key != NULL)
		buf_printf(&b, "  %zu meeting note%s without a date key, as "
		    "%s: add keys: {date: [%s]} to kith.yaml?\n", undated,
		    undated == 1 ? "" : "s", undated_folder, date_key);
	else if (undated > 0)
		buf_printf(&b, "  %zu meeting note%s without a date, as %s: "
		    "skipped (kith check says why)\n", undated,
		    undated == 1 ? "" : "s", undated_folder);
	ways_put(&b, "companies", &companies);
	if (ways_total(&dailies) > 0)
		ways_put(&b, "daily notes", &dailies);
	if (ways_total(&goals) > 0)
		ways_put(&b, "goals", &goals);
	ways_put(&b, "plain notes", &plain);
	if (missed.cur.n > missed.best.n)
		missed.best = missed.cur;
	if (missed.best.n >= 2)	/* one deal with a close date is no sign */
		buf_printf(&b, "  %zu plain note%s in %.*s/ name%s people and "
		    "%s a date in %s: meetings?  kith.yaml could say\n"
		    "    types: {meeting: [\"folder: %.*s/**\"]}\n"
		    "    keys: {date: [%s]}\n", missed.best.n,
		    missed.best.n == 1 ? "" : "s", (int)missed.best.len,
		    missed.best.first->path, missed.best.n == 1 ? "s" : "",
		    missed.best.n == 1 ? "has" : "have", missed.best.date_key,
		    (int)missed.best.len, missed.best.first->path,
		    missed.best.date_key);
	if (skipped > undated)
		buf_printf(&b, "notes not read: %zu (kith check says why)\n",
		    skipped - undated);
	if (j->templates_skipped > 0)
		buf_printf(&b, "template folders not read: %zu\n",
		    j->templates_skipped);
	if (addresses > 0)
		buf_printf(&b, "addresses of no one: %zu (where a person goes; "
		    "no person's email: holds them)\n", addresses);
	unresolved_put(j, &b);
	if (list)
		list_put(j, &b);
	if (mem.oom)
		b.oom = 1;
	arena_free(&mem);
	return buf_detach(&b, NULL);
}
