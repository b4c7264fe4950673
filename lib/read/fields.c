/*
 * fields.c: types the front matter.  Each known key of each note type is one
 * row of a table {types, key, parser, field}; a bad value is an error at the
 * value, and only that key is dropped (journal.md, "Front matter").
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/read.h"

enum {
	T_PLAIN = 1 << NOTE_PLAIN,
	T_PERSON = 1 << NOTE_PERSON,
	T_MEETING = 1 << NOTE_MEETING,
	T_COMPANY = 1 << NOTE_COMPANY,
	T_GOAL = 1 << NOTE_GOAL,
	T_ALL = T_PLAIN | T_PERSON | T_MEETING | T_COMPANY | T_GOAL
};

typedef struct fctx {
	kith_journal *j;
	note *n;
	const char *key;
} fctx;

typedef int (*field_parser)(fctx *c, const yval *v, void *field);

typedef struct field_def {
	unsigned types;
	const char *key;
	field_parser parse;
	size_t offset;
} field_def;

static void bad(fctx *c, const yval *v, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A bad value: an error at the value, prefixed with its key. */
static void
bad(fctx *c, const yval *v, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(c->j, c->n->path, v->at, KITH_ERROR, c->key, fmt, ap);
	va_end(ap);
}

/* An unquoted [[Name]] reads as a list in a list; take it as the name. */
static const yval *
unwrap(const yval *v)
{
	while (v->kind == Y_SEQ && v->n == 1)
		v = v->items[0];
	return v;
}

static const char *
scalar(fctx *c, const yval *v)
{
	if (v->kind != Y_SCALAR) {
		bad(c, v, "expected a single value, not a %s",
		    v->kind == Y_SEQ ? "list" : "mapping");
		return NULL;
	}
	return v->str;
}

static int
p_text(fctx *c, const yval *v, void *field)
{
	f_text *t = field;
	const char *s;

	if ((s = scalar(c, v)) == NULL)
		return 0;
	if ((t->s = arena_strdup(&c->j->mem, s)) == NULL)
		return -1;
	t->at = v->at;
	return 0;
}

static int
p_word(fctx *c, const yval *v, void *field)
{
	f_text *t = field;
	char *s;
	size_t i;

	if (scalar(c, v) == NULL)
		return 0;
	if ((s = arena_strdup(&c->j->mem, v->str)) == NULL)
		return -1;
	for (i = 0; s[i]; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] + 32);
	t->s = s;
	t->at = v->at;
	return 0;
}

static int
p_list(fctx *c, const yval *v, void *field)
{
	f_list *l = field;
	size_t i, n = v->kind == Y_SEQ ? v->n : 1;
	const yval *e;

	if (v->kind == Y_MAP) {
		scalar(c, v);
		return 0;
	}
	if ((l->v = arena_alloc(&c->j->mem, (n ? n : 1) * sizeof(*l->v))) == NULL)
		return -1;
	l->at = v->at;
	for (i = 0; i < n; i++) {
		e = v->kind == Y_SEQ ? unwrap(v->items[i]) : v;
		if (scalar(c, e) == NULL || e->str[0] == '\0')
			continue;
		if ((l->v[l->n].s = arena_strdup(&c->j->mem, e->str)) == NULL)
			return -1;
		l->v[l->n].at = e->at;
		l->n++;
	}
	return 0;
}

static int
is_date_shaped(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	for (i = 0; i < 10; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	return 1;
}

/* Does s start with a valid date? */
static int
date_prefix_valid(const char *s)
{
	char day[11];
	kith_date d;

	memcpy(day, s, 10);
	day[10] = '\0';
	return kith_date_parse(day, &d) == 0;
}

static void
bad_date(fctx *c, const yval *v)
{
	if (strlen(v->str) >= 10 && is_date_shaped(v->str))
		bad(c, v, "invalid date \"%s\"", v->str);
	else
		bad(c, v, "invalid date \"%s\" (expected YYYY-MM-DD)", v->str);
}

/* A date written as a link to its daily note: [[2026-11-22]], or a
 * Logseq journal's [[Nov 22nd, 2026]]. */
static const char *
linked_date(const char *s, char day[11])
{
	size_t n = strlen(s);

	if (n > 4 && strncmp(s, "[[", 2) == 0 && date_of_link(s, n, day))
		return day;
	return s;
}

static int
p_date(fctx *c, const yval *v, void *field)
{
	f_date *d = field;
	char day[11];

	if (scalar(c, v) == NULL)
		return 0;
	if (kith_date_parse(linked_date(v->str, day), &d->d) < 0) {
		d->d = KITH_NO_DATE;
		bad_date(c, v);
		return 0;
	}
	d->at = v->at;
	return 0;
}

/* A meeting's date: required, so a bad one skips the meeting. */
static int
p_datetime(fctx *c, const yval *v, void *field)
{
	f_date *d = field;
	char day[11];

	if (scalar(c, v) == NULL)
		return 0;
	if (date_parse_time(linked_date(v->str, day), &d->d, &d->minutes) == 0) {
		d->at = v->at;
		return 0;
	}
	d->d = KITH_NO_DATE;
	if (strlen(v->str) > 10 && date_prefix_valid(v->str))
		bad(c, v, "invalid time in \"%s\" (expected YYYY-MM-DD HH:MM); "
		    "the meeting is skipped", v->str);
	else if (strlen(v->str) >= 10 && is_date_shaped(v->str))
		bad(c, v, "invalid date \"%s\"; the meeting is skipped", v->str);
	else
		bad(c, v, "invalid date \"%s\" (expected YYYY-MM-DD); the "
		    "meeting is skipped", v->str);
	return 0;
}

static int
p_duration(fctx *c, const yval *v, void *field)
{
	f_duration *d = field;

	if (scalar(c, v) == NULL)
		return 0;
	if (duration_parse(v->str, &d->v) < 0) {
		bad(c, v, "invalid duration \"%s\" (expected a number and d, "
		    "w, m or y, like 90d or 3m, or never)", v->str);
		return 0;
	}
	d->set = 1;
	d->at = v->at;
	return 0;
}

static int
ref_set(fctx *c, const yval *v, f_ref *r)
{
	const char *name;

	if (scalar(c, v) == NULL)
		return 0;
	if ((name = ref_clean(&c->j->mem, v->str)) == NULL) {
		if (c->j->mem.oom)
			return -1;
		if (v->str[0] != '\0')
			bad(c, v, "empty reference \"%s\"", v->str);
		return 0;
	}
	r->name = name;
	r->at = v->at;
	return 0;
}

static int
p_ref(fctx *c, const yval *v, void *field)
{
	return ref_set(c, unwrap(v), field);
}

static int
p_refs(fctx *c, const yval *v, void *field)
{
	f_refs *l = field;
	f_ref *old;
	size_t i, n = v->kind == Y_SEQ ? v->n : 1;

	if (v->kind == Y_MAP) {
		bad(c, v, "expected a name or a list of names, not a mapping");
		return 0;
	}
	/* with: and its synonyms add up: from, to and cc of an e-mail */
	old = l->v;
	if ((l->v = arena_alloc(&c->j->mem, (l->n + n ? l->n + n : 1) *
	    sizeof(*l->v))) == NULL)
		return -1;
	if (l->n > 0)
		memcpy(l->v, old, l->n * sizeof(*l->v));
	else
		l->at = v->at;
	for (i = 0; i < n; i++) {
		if (ref_set(c, v->kind == Y_SEQ ? unwrap(v->items[i]) : v,
		    &l->v[l->n]) < 0)
			return -1;
		if (l->v[l->n].name != NULL)
			l->n++;
	}
	return 0;
}

static int
yes_no(const char *s, int *yes)
{
	if (strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0) {
		*yes = 1;
		return 0;
	}
	if (strcasecmp(s, "no") == 0 || strcasecmp(s, "false") == 0) {
		*yes = 0;
		return 0;
	}
	return -1;
}

static int
p_flag(fctx *c, const yval *v, void *field)
{
	f_flag *f = field;

	if (scalar(c, v) == NULL)
		return 0;
	if (yes_no(v->str, &f->yes) < 0) {
		bad(c, v, "expected yes or no, not \"%s\"", v->str);
		return 0;
	}
	f->set = 1;
	f->at = v->at;
	return 0;
}

static int
p_number(fctx *c, const yval *v, void *field)
{
	f_number *f = field;
	char *end;
	long n;

	if (scalar(c, v) == NULL)
		return 0;
	n = strtol(v->str, &end, 10);
	if (end == v->str || *end != '\0' || n < 0 || n > 1000000) {
		bad(c, v, "expected a whole number, not \"%s\"", v->str);
		return 0;
	}
	f->set = 1;
	f->v = n;
	f->at = v->at;
	return 0;
}

static int
yearly_add(fctx *c, const yval *v, const char *label)
{
	f_yearlies *y = &c->n->yearly;
	f_yearly e;

	if (date_parse_yearly(v->str, &e.year, &e.month, &e.day) < 0) {
		if (strlen(v->str) == 10 && is_date_shaped(v->str))
			bad(c, v, "invalid date \"%s\"", v->str);
		else
			bad(c, v, "invalid date \"%s\" (expected YYYY-MM-DD, "
			    "--MM-DD or MM-DD)", v->str);
		return 0;
	}
	e.label = label;
	e.at = v->at;
	if (arena_push(&c->j->mem, &y->v, &y->n, sizeof(e)) == NULL)
		return -1;
	y->v[y->n - 1] = e;
	return 0;
}

static int
p_birthday(fctx *c, const yval *v, void *field)
{
	(void)field;
	if (scalar(c, v) == NULL)
		return 0;
	return yearly_add(c, v, "birthday");
}

static int
p_dates(fctx *c, const yval *v, void *field)
{
	size_t i;
	const yval *label, *value;
	const char *copy;

	(void)field;
	if (v->kind != Y_MAP) {
		bad(c, v, "expected a mapping of labels to dates");
		return 0;
	}
	for (i = 0; i < v->n; i++) {
		label = v->items[2 * i];
		value = v->items[2 * i + 1];
		if (scalar(c, value) == NULL)
			continue;
		if ((copy = arena_strdup(&c->j->mem, label->str)) == NULL ||
		    yearly_add(c, value, copy) < 0)
			return -1;
	}
	return 0;
}

static int
p_thanked(fctx *c, const yval *v, void *field)
{
	f_thanked *t = field;
	int yes;

	if (scalar(c, v) == NULL)
		return 0;
	t->at = v->at;
	if (strcasecmp(v->str, "skip") == 0)
		t->v = THANKED_SKIP;
	else if (yes_no(v->str, &yes) == 0)
		t->v = yes ? THANKED_YES : THANKED_NO;
	else if (kith_date_parse(v->str, &t->d) == 0)
		t->v = THANKED_DATE;
	else
		bad(c, v, "expected a date, yes, skip or no, not \"%s\"", v->str);
	return 0;
}

static int
p_next(fctx *c, const yval *v, void *field)
{
	f_next *t = field;

	if (scalar(c, v) == NULL)
		return 0;
	t->at = v->at;
	if (strcasecmp(v->str, "none") == 0)
		t->v = NEXT_NONE;
	else if (kith_date_parse(v->str, &t->d) == 0)
		t->v = NEXT_DATE;
	else
		bad(c, v, "expected a date or none, not \"%s\"", v->str);
	return 0;
}

#define F(types, key, parse, member) \
	{ types, key, parse, offsetof(note, member) }

static const field_def fields[] = {
	F(T_ALL, "name", p_text, name),
	F(T_ALL, "aliases", p_list, aliases),
	F(T_ALL, "tags", p_list, tags),
	F(T_ALL, "private", p_flag, private_flag),
	F(T_MEETING | T_GOAL | T_PLAIN, "title", p_text, title),
	F(T_PERSON, "title", p_text, job_title),
	F(T_PERSON | T_MEETING, "company", p_ref, company),
	F(T_PERSON | T_COMPANY, "email", p_list, email),
	F(T_PERSON, "phone", p_list, phone),
	F(T_PERSON, "linkedin", p_list, linkedin),
	F(T_PERSON | T_COMPANY, "location", p_list, location),
	F(T_PERSON, "cadence", p_duration, cadence),
	F(T_PERSON, "last_contact", p_date, last_contact),
	F(T_PERSON, "met", p_date, met),
	F(T_PERSON, "introduced_by", p_ref, introduced_by),
	F(T_PERSON, "birthday", p_birthday, yearly),
	F(T_PERSON, "dates", p_dates, yearly),
	F(T_PERSON, "snooze", p_date, snooze),
	F(T_MEETING, "date", p_datetime, date),
	F(T_MEETING, "with", p_refs, with),
	F(T_MEETING, "kind", p_word, kind),
	F(T_MEETING, "thanked", p_thanked, thanked),
	F(T_MEETING, "next", p_next, next),
	F(T_MEETING, "gave", p_list, gave),
	F(T_MEETING, "asked", p_list, asked),
	F(T_COMPANY, "website", p_text, website),
	F(T_COMPANY, "target", p_flag, target),
	F(T_COMPANY, "status", p_word, status),
	F(T_COMPANY, "apply_by", p_date, apply_by),
	F(T_GOAL, "due", p_date, due),
	F(T_GOAL, "target", p_number, goal_target),
	F(T_GOAL, "counts", p_text, counts),
};

/* The type a note's folder gives it: people/, meetings/ or companies/ at
 * the top level. */
enum note_type
note_type_from_path(const char *path)
{
	if (strncmp(path, "people/", 7) == 0)
		return NOTE_PERSON;
	if (strncmp(path, "meetings/", 9) == 0)
		return NOTE_MEETING;
	if (strncmp(path, "companies/", 10) == 0)
		return NOTE_COMPANY;
	return NOTE_PLAIN;
}

/* A deep copy of a front matter value, for the journal's lifetime. */
static yval *
yval_copy(arena *a, const yval *v)
{
	yval *c;
	size_t i, n = v->kind == Y_MAP ? 2 * v->n : v->n;

	if ((c = arena_alloc(a, sizeof(*c))) == NULL)
		return NULL;
	*c = *v;
	if (v->str != NULL && (c->str = arena_strdup(a, v->str)) == NULL)
		return NULL;
	if (n == 0)
		return c;
	if ((c->items = arena_alloc(a, n * sizeof(*c->items))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if ((c->items[i] = yval_copy(a, v->items[i])) == NULL)
			return NULL;
	return c;
}

/* The known key of the note's type nearest to an unknown one, if close. */
static const char *
near_key(enum note_type type, const char *key)
{
	const char *best = NULL;
	int limit = strlen(key) <= 4 ? 1 : 2, d, best_d = limit + 1;
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (!(fields[i].types & (1u << type)))
			continue;
		d = name_distance(key, fields[i].key, limit);
		if (d < best_d) {
			best_d = d;
			best = fields[i].key;
		}
	}
	return best;
}

static const char *
type_name(enum note_type type)
{
	return type == NOTE_PERSON ? "person" : type == NOTE_MEETING ?
	    "meeting" : type == NOTE_COMPANY ? "company" :
	    type == NOTE_GOAL ? "goal" : "plain";
}

/* Keeps a key kith does not know.  A near miss of a known key is always a
 * warning (a typo loses the value); others only with --strict. */
static int
extra_add(kith_journal *j, note *n, const yval *key, const yval *value)
{
	const char *near = near_key(n->type, key->str);
	extra *e;

	if ((e = arena_push(&j->mem, &n->extras, &n->nextras, sizeof(*e))) == NULL)
		return -1;
	e->key = arena_strdup(&j->mem, key->str);
	e->value = yval_copy(&j->mem, value);
	e->at = key->at;
	if (e->key == NULL || e->value == NULL)
		return -1;
	if (near != NULL)
		diag_add(j, n->path, key->at, KITH_WARNING,
		    "unknown key \"%s\" for a %s note; did you mean \"%s\"?",
		    key->str, type_name(n->type), near);
	else if (j->strict)
		diag_add(j, n->path, key->at, KITH_WARNING,
		    "unknown key \"%s\" for a %s note", key->str,
		    type_name(n->type));
	return 0;
}

/* Keeps a synonym that another spelling of its key won over: shown, and
 * never a warning. */
static int
extra_keep(kith_journal *j, note *n, const yval *key, const yval *value)
{
	extra *e;

	if ((e = arena_push(&j->mem, &n->extras, &n->nextras, sizeof(*e))) == NULL)
		return -1;
	e->key = arena_strdup(&j->mem, key->str);
	e->value = yval_copy(&j->mem, value);
	e->at = key->at;
	return e->key == NULL || e->value == NULL ? -1 : 0;
}

static const field_def *
field_find(enum note_type type, const char *key)
{
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if ((fields[i].types & (1u << type)) &&
		    fields[i].key[0] == key[0] &&
		    strcmp(fields[i].key, key) == 0)
			return &fields[i];
	return NULL;
}

static int
is_empty(const yval *v)
{
	return v->kind == Y_SCALAR && v->plain && v->str[0] == '\0';
}

/* Holds something: not an empty text, not an empty list. */
static int
has_value(const yval *v)
{
	return !(v->kind == Y_SCALAR && v->str[0] == '\0') &&
	    !(v->kind != Y_SCALAR && v->n == 0);
}

/* Was the meeting typed the way kith's own journal types it (type:
 * meeting, or meetings/ at the top)?  Then a meeting that names no one
 * is an error; in a vault kith recognised, it is a note like others. */
static int
kith_own_meeting(const note *n)
{
	return (n->how == HOW_TYPE && strcasecmp(n->how_what, "meeting") == 0) ||
	    (n->how == HOW_FOLDER && strncmp(n->path, "meetings/", 9) == 0);
}

#define NFIELDS (sizeof(fields) / sizeof(fields[0]))
#define KEYS_ON_STACK 64

/* A meeting needs a valid date and someone in with:; without them it is
 * skipped, with one error that says why (unless its value's own error has
 * said it already).  date and with are the entries of map chosen for
 * them, or NULL.  A meeting kith recognised in a vault that names no one
 * is a plain note (kith check --explain counts it). */
static void
meeting_required(kith_journal *j, note *n, const yval *date, const yval *dkey,
    const yval *with, const yval *wkey, int with_reported)
{
	if (n->with.n == 0 && !with_reported && !kith_own_meeting(n)) {
		n->type = NOTE_PLAIN;
		n->unnamed_meeting = 1;
		return;
	}
	if (n->date.d == KITH_NO_DATE || n->with.n == 0)
		n->skipped = 1;
	if (date == NULL) {
		diag_add(j, n->path, (pos){ 1, 1 }, KITH_ERROR,
		    "meeting has no date: skipped");
		return;
	}
	if (is_empty(date)) {
		diag_add(j, n->path, dkey->at, KITH_ERROR,
		    "%s: is empty; the meeting is skipped", dkey->str);
		return;
	}
	if (n->date.d == KITH_NO_DATE || n->with.n > 0)
		return;
	if (with == NULL)
		diag_add(j, n->path, (pos){ 1, 1 }, KITH_ERROR,
		    "meeting has no with: (who was there): skipped");
	else if (is_empty(with))
		diag_add(j, n->path, wkey->at, KITH_ERROR,
		    "%s: is empty; the meeting is skipped", wkey->str);
	else if (!with_reported)
		diag_add(j, n->path, with->at, KITH_ERROR,
		    "%s: names nobody; the meeting is skipped", wkey->str);
}

/* A later synonym of date: with a time on the same day gives the time
 * ("Date" and "Date & Time"). */
static void
time_from_synonym(note *n, const yval *map, const key_entry *keys,
    size_t chosen)
{
	const field_def *date = field_find(NOTE_MEETING, "date");
	const yval *v;
	kith_date d;
	int minutes;
	size_t i;

	for (i = 0; i < map->n && n->date.minutes < 0; i++) {
		v = map->items[2 * i + 1];
		if (i == chosen || v->kind != Y_SCALAR || keys[i].field != date)
			continue;
		if (date_parse_time(v->str, &d, &minutes) == 0 &&
		    d == n->date.d)
			n->date.minutes = minutes;
	}
}

/*
 * Types the front matter map (with the body's page properties and inline
 * fields after it) into n: first its type (classify.c), then each key in
 * any spelling; among keys that name one kith key, kith's own spelling
 * wins, then kith.yaml's names, then the built-in synonyms in order (all
 * of with:'s are read).  Returns 0, or -1 when out of memory.  A meeting
 * without a valid date or with: is marked skipped.
 */
int
fields_apply(kith_journal *j, note *n, const yval *map, const body_info *b)
{
	fctx c = { j, n, NULL };
	const field_def *f;
	const yval *key, *value;
	const yval *date = NULL, *dkey = NULL, *with = NULL, *wkey = NULL;
	const char *kind, *canon;
	key_entry local[KEYS_ON_STACK], *keys = local;
	size_t i, k, before, chosen[NFIELDS];
	int best[NFIELDS], with_reported = 0, unfilled = 0, rc = -1;
	f_list tags;

	/* each key compared once: its compared form, then its field */
	if (map->n > KEYS_ON_STACK &&
	    (keys = malloc(map->n * sizeof(*keys))) == NULL)
		return -1;
	for (i = 0; i < map->n; i++)
		key_norm(map->items[2 * i]->str, keys[i].norm);
	if (tags_of(j, map, keys, b, &tags) < 0 ||
	    classify(j, n, map, keys, &tags, &kind) < 0)
		goto out;
	for (k = 0; k < NFIELDS; k++) {
		best[k] = 1 << 20;
		chosen[k] = (size_t)-1;
	}
	for (i = 0; i < map->n; i++) {
		canon = key_lookup_norm(j, n->type, keys[i].norm, &keys[i].rank);
		keys[i].field = f = canon ? field_find(n->type, canon) : NULL;
		if (f == NULL)
			continue;
		k = (size_t)(f - fields);
		if (has_value(map->items[2 * i + 1]) && keys[i].rank < best[k]) {
			best[k] = keys[i].rank;
			chosen[k] = i;
		}
		if (f->parse == p_datetime && date == NULL) {
			date = map->items[2 * i + 1];
			dkey = map->items[2 * i];
		}
		if (f->parse == p_refs && with == NULL) {
			with = map->items[2 * i + 1];
			wkey = map->items[2 * i];
		}
	}
	for (i = 0; i < map->n; i++) {
		key = map->items[2 * i];
		value = map->items[2 * i + 1];
		if (strcmp(keys[i].norm, j->cfg.type_key) == 0 || is_empty(value))
			continue;
		c.key = key->str;
		/* a template not applied: said once, and the value ignored */
		if (unfilled_template(value)) {
			if (!unfilled++)
				diag_add(j, n->path, value->at, KITH_WARNING,
				    "%s: holds an unfilled template value; the "
				    "value is ignored", key->str);
			continue;
		}
		if ((f = keys[i].field) == NULL) {
			if (extra_add(j, n, key, value) < 0)
				goto out;
			continue;
		}
		k = (size_t)(f - fields);
		if (chosen[k] != i && f->parse != p_refs) {
			if (extra_keep(j, n, key, value) < 0)
				goto out;
			continue;
		}
		if (f->parse == p_datetime) {
			date = value;
			dkey = key;
		}
		before = j->ndiags;
		if (f->parse(&c, value, (char *)n + f->offset) < 0)
			goto out;
		if (f->parse == p_refs && j->ndiags > before)
			with_reported = 1;
	}
	if (n->type == NOTE_MEETING && n->date.d != KITH_NO_DATE &&
	    n->date.minutes < 0)
		time_from_synonym(n, map, keys, chosen[field_find(NOTE_MEETING,
		    "date") - fields]);
	if (b != NULL && tags_add(j, n, &b->tags) < 0)
		goto out;
	if (n->type == NOTE_MEETING && n->with.n == 0 && b != NULL &&
	    b->with.n > 0)
		n->with = b->with;
	if (n->type == NOTE_MEETING && n->kind.s == NULL && kind != NULL)
		n->kind.s = kind;
	if (n->how == HOW_NAMESPACE && n->name.s == NULL) {
		/* after "people" and its separator, ___ or %2F */
		n->name.s = n->stem + strlen(n->how_what) - 1 + 3;
		n->name.at = (pos){ 1, 1 };
	}
	n->private_note = n->private_flag.set && n->private_flag.yes;
	if (property_mentions(j, n, b != NULL ? b->body_line : 0) < 0)
		goto out;
	if (n->type == NOTE_MEETING)
		meeting_required(j, n, date, dkey, with, wkey, with_reported);
	rc = 0;
out:
	if (keys != local)
		free(keys);
	return rc;
}
