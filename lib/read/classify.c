/*
 * classify.c: which type a note is (journal.md, "Using an existing
 * Obsidian or Logseq vault").  The first of these that names a type wins:
 * the type key's value (type_key:, "type"), a types: rule of kith.yaml,
 * categories: or category:, a daily note's name (a date in a daily
 * folder), the nearest folder of its path (or a Logseq namespace), a tag
 * word.  Type words are read inside longer values: "crm-contact",
 * "Meeting Notes", "[[People]]", "#contacts/recruiter".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/read.h"

/* A word that names a type; kind is set for kith's meeting kinds. */
typedef struct type_word {
	const char *word;
	enum note_type type;
	const char *kind;
} type_word;

/* Sorted by word. */
static const type_word type_words[] = {
	{ "appointment", NOTE_MEETING, NULL },
	{ "appointments", NOTE_MEETING, NULL },
	{ "call", NOTE_MEETING, "call" },
	{ "calls", NOTE_MEETING, "call" },
	{ "coffee", NOTE_MEETING, "coffee" },
	{ "companies", NOTE_COMPANY, NULL },
	{ "company", NOTE_COMPANY, NULL },
	{ "contact", NOTE_PERSON, NULL },
	{ "contacts", NOTE_PERSON, NULL },
	{ "email", NOTE_MEETING, "email" },
	{ "emails", NOTE_MEETING, "email" },
	{ "event", NOTE_MEETING, "event" },
	{ "events", NOTE_MEETING, "event" },
	{ "informational", NOTE_MEETING, "informational" },
	{ "interaction", NOTE_MEETING, NULL },
	{ "interactions", NOTE_MEETING, NULL },
	{ "interview", NOTE_MEETING, "interview" },
	{ "interviews", NOTE_MEETING, "interview" },
	{ "intro", NOTE_MEETING, "intro" },
	{ "meeting", NOTE_MEETING, NULL },
	{ "meetings", NOTE_MEETING, NULL },
	{ "message", NOTE_MEETING, "message" },
	{ "messages", NOTE_MEETING, "message" },
	{ "org", NOTE_COMPANY, NULL },
	{ "organisation", NOTE_COMPANY, NULL },
	{ "organisations", NOTE_COMPANY, NULL },
	{ "organization", NOTE_COMPANY, NULL },
	{ "organizations", NOTE_COMPANY, NULL },
	{ "orgs", NOTE_COMPANY, NULL },
	{ "people", NOTE_PERSON, NULL },
	{ "person", NOTE_PERSON, NULL },
	{ "persons", NOTE_PERSON, NULL },
	{ "video", NOTE_MEETING, "video" },
};

/* Words that say nothing of the type: "crm-contact", "Meeting Notes". */
static const char *const filler[] = { "crm", "entry", "note", "notes",
	"page", "record" };

/* The folder names kith knows (compared folded, after an ordinal):
 * those of a type, of daily notes, of templates. */
static const struct {
	const char *name;
	int type;		/* a note_type, or one of these: */
} folders[] = {
	{ "appointments", NOTE_MEETING }, { "companies", NOTE_COMPANY },
	{ "company", NOTE_COMPANY }, { "contact", NOTE_PERSON },
	{ "contacts", NOTE_PERSON }, { "dailies", -1 }, { "daily", -1 },
	{ "daily notes", -1 }, { "interaction", NOTE_MEETING },
	{ "interactions", NOTE_MEETING }, { "journal", -1 },
	{ "journals", -1 }, { "meeting", NOTE_MEETING },
	{ "meetings", NOTE_MEETING }, { "organisations", NOTE_COMPANY },
	{ "organizations", NOTE_COMPANY }, { "orgs", NOTE_COMPANY },
	{ "people", NOTE_PERSON }, { "person", NOTE_PERSON },
	{ "persons", NOTE_PERSON }, { "template", -2 }, { "templates", -2 },
};

#define FOLDER_DAILY (-1)
#define FOLDER_TEMPLATES (-2)
#define FOLDER_NONE (-3)
#define WORD_MAX 32

/* ref_clean() and folded: how a value compares with a rule's. */
const char *
ref_fold(arena *a, const char *s)
{
	const char *clean;
	kith_buf b = KITH_BUF_INIT;
	char *out;

	while (*s == '#')
		s++;
	if ((clean = ref_clean(a, s)) == NULL)
		return NULL;
	name_fold_buf(&b, clean);
	out = b.oom ? NULL : arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

static const type_word *
word_find(const char *w)
{
	size_t lo = 0, hi = sizeof(type_words) / sizeof(type_words[0]), mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(type_words[mid].word, w)) == 0)
			return &type_words[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int
is_filler(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof(filler) / sizeof(filler[0]); i++)
		if (strcmp(filler[i], w) == 0)
			return 1;
	return 0;
}

/*
 * The type a value names, read as words (split at - _ / . : and spaces,
 * [[ ]] and a leading # dropped), or -1: it names one when its words hold
 * a type word and none of another type.  With kinds unset, kith's meeting
 * kinds (call, coffee, ...) are not type words.  *kind: the kind it names.
 */
int
type_of_words(const char *s, int kinds, const char **kind)
{
	char w[WORD_MAX];
	size_t n;
	const type_word *t;
	int type = -1, other = 0;

	*kind = NULL;
	for (;;) {
		while (*s && strchr("-_/.: #[]!,|\t", *s) != NULL)
			s++;
		if (*s == '\0')
			break;
		for (n = 0; *s && strchr("-_/.: #[]!,|\t", *s) == NULL; s++)
			if (n < WORD_MAX - 1)
				w[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
		w[n] = '\0';
		if (is_filler(w) || (t = word_find(w)) == NULL ||
		    (t->kind != NULL && !kinds))
			continue;
		if (type >= 0 && (int)t->type != type)
			other = 1;
		type = (int)t->type;
		if (t->kind != NULL)
			*kind = t->kind;
	}
	if (other)
		return -1;
	return type;
}

/* A folder's name, folded, without a leading ordinal ("20 People",
 * "37-People") or emoji: into out. */
static void
folder_fold(const char *name, size_t len, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)name, *e = p + len;
	size_t n = 0;

	if (p < e && *p >= '0' && *p <= '9') {
		const unsigned char *q = p;

		while (q < e && *q >= '0' && *q <= '9')
			q++;
		if (q < e && strchr(" -_.", *q) != NULL)
			p = q + 1;
	}
	while (p < e && (*p >= 0xf0 || *p == ' ' ||
	    (p + 2 < e && p[0] == 0xef && p[1] == 0xb8 && p[2] == 0x8f))) {
		if (*p >= 0xf0)
			p += 4;
		else if (*p == ' ')
			p++;
		else
			p += 3;
	}
	for (; p < e && n + 1 < size; p++)
		out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	out[n] = '\0';
}

/* What a folder's name says: a note_type, FOLDER_DAILY, FOLDER_TEMPLATES
 * or FOLDER_NONE. */
int
folder_kind(const char *name, size_t len)
{
	char f[WORD_MAX];
	size_t i;

	folder_fold(name, len, f, sizeof(f));
	for (i = 0; i < sizeof(folders) / sizeof(folders[0]); i++)
		if (folders[i].name[0] == f[0] && strcmp(folders[i].name, f) == 0)
			return folders[i].type;
	return FOLDER_NONE;
}

int
folder_is_templates(const char *name)
{
	return folder_kind(name, strlen(name)) == FOLDER_TEMPLATES;
}

/* The day a daily note's stem names: 2026-11-22, 2026_11_22, 2026.11.22. */
static kith_date
stem_day(const char *stem)
{
	char day[11];
	kith_date d;
	size_t i;

	if (strlen(stem) != 10 || strchr("-_.", stem[4]) == NULL ||
	    stem[7] != stem[4])
		return KITH_NO_DATE;
	for (i = 0; i < 10; i++)
		day[i] = i == 4 || i == 7 ? '-' : stem[i];
	day[10] = '\0';
	return kith_date_parse(day, &d) == 0 ? d : KITH_NO_DATE;
}

static void
set_how(kith_journal *j, note *n, enum note_type type, enum note_how how,
    const char *what)
{
	n->type = type;
	n->how = how;
	n->how_what = what ? arena_strdup(&j->mem, what) : NULL;
}

/* The scalars of a value: itself, or the items of a list. */
static size_t
scalars(const yval *v, const yval **out, size_t max)
{
	size_t i, n = 0;

	if (v->kind == Y_SCALAR) {
		out[0] = v;
		return v->str[0] != '\0';
	}
	for (i = 0; v->kind == Y_SEQ && i < v->n && n < max; i++) {
		const yval *e = v->items[i];

		while (e->kind == Y_SEQ && e->n == 1)
			e = e->items[0];
		if (e->kind == Y_SCALAR && e->str[0] != '\0')
			out[n++] = e;
	}
	return n;
}

static const char *const kith_types[] = { "person", "meeting", "company",
	"goal", "note", "plain" };
static const enum note_type kith_type_of[] = { NOTE_PERSON, NOTE_MEETING,
	NOTE_COMPANY, NOTE_GOAL, NOTE_PLAIN, NOTE_PLAIN };

/* An unknown type key's value, to be said once the note is typed. */
typedef struct unknown_type {
	const yval *unknown;
	const char *value;	/* its first word, or NULL when empty */
	const char *near;	/* a kith type it is close to */
} unknown_type;

static const char *
type_label(enum note_type t)
{
	return t == NOTE_PERSON ? "a person" : t == NOTE_MEETING ?
	    "a meeting" : t == NOTE_COMPANY ? "a company" :
	    t == NOTE_GOAL ? "a goal" : "plain";
}

/* An unknown type is not an error and does not make the note plain: a
 * warning when it is close to one of kith's (a typo), or with --strict. */
static void
type_warn(kith_journal *j, const note *n, const unknown_type *c)
{
	kith_buf b = KITH_BUF_INIT;

	if (c->unknown == NULL)
		return;
	if (c->value != NULL)
		buf_printf(&b, "type: unknown note type \"%s\"", c->value);
	else
		buf_puts(&b, "type: is empty");
	if (c->near != NULL)
		buf_printf(&b, "; did you mean \"%s\"?", c->near);
	if (n->how == HOW_NONE || n->how == HOW_DAILY)
		buf_printf(&b, " (the note is %s)", n->how == HOW_DAILY ?
		    "a daily note" : "plain");
	else
		buf_printf(&b, " (the note is %s by %s%s%s)",
		    type_label(n->type), how_label(n->how),
		    *how_label(n->how) ? " " : "", n->how_what);
	if (!b.oom)
		diag_add(j, n->path, c->unknown->at, KITH_WARNING, "%s", b.data);
	buf_free(&b);
}

/* 1. The type key: kith's words, or a type word in the value. */
static int
by_type_key(kith_journal *j, note *n, const yval *v, const char **kind,
    unknown_type *c)
{
	const yval *s[8];
	size_t i, k, ns = scalars(v, s, 8);
	const char *near = NULL;
	int type;

	for (i = 0; i < ns; i++) {
		for (k = 0; k < sizeof(kith_types) / sizeof(kith_types[0]); k++)
			if (strcasecmp(s[i]->str, kith_types[k]) == 0) {
				set_how(j, n, kith_type_of[k], HOW_TYPE, s[i]->str);
				return 1;
			}
		if ((type = type_of_words(s[i]->str, 1, kind)) >= 0) {
			set_how(j, n, (enum note_type)type, HOW_TYPE, s[i]->str);
			return 1;
		}
		for (k = 0; k < 4 && near == NULL; k++)
			if (name_distance(s[i]->str, kith_types[k], 2) <= 2 &&
			    strlen(s[i]->str) >= 4)
				near = kith_types[k];
	}
	/* said once the note is typed otherwise (type_warn()) */
	if (near != NULL || j->strict) {
		c->unknown = v;
		c->value = ns ? s[0]->str : NULL;
		c->near = near;
	}
	return 0;
}

/* Does a types: rule match the note? */
static int
rule_matches(kith_journal *j, const note *n, const type_rule *r,
    const yval *map, const key_entry *keys, const f_list *tags)
{
	const yval *s[16];
	const char *f;
	size_t i, k, ns;

	if (r->what == RULE_FOLDER)
		return glob_match(r->value, n->path);
	if (r->what == RULE_TAG) {
		for (i = 0; i < tags->n; i++)
			if ((f = ref_fold(&j->mem, tags->v[i].s)) != NULL &&
			    strcmp(f, r->value) == 0)
				return 1;
		return 0;
	}
	for (i = 0; i < map->n; i++) {
		if (strcmp(keys[i].norm, r->key) != 0)
			continue;
		ns = scalars(map->items[2 * i + 1], s, 16);
		for (k = 0; k < ns; k++)
			if ((f = ref_fold(&j->mem, s[k]->str)) != NULL &&
			    strcmp(f, r->value) == 0)
				return 1;
	}
	return 0;
}

/* 3. categories: or category: holding a type word. */
static int
by_category(kith_journal *j, note *n, const yval *map, const key_entry *keys)
{
	const char *norm;
	char what[160];
	const yval *s[16];
	const char *kind;
	size_t i, k, ns;
	int type;

	for (i = 0; i < map->n; i++) {
		norm = keys[i].norm;
		if (norm[0] != 'c' || (strcmp(norm, "categories") != 0 &&
		    strcmp(norm, "category") != 0))
			continue;
		ns = scalars(map->items[2 * i + 1], s, 16);
		for (k = 0; k < ns; k++) {
			if ((type = type_of_words(s[k]->str, 0, &kind)) < 0)
				continue;
			snprintf(what, sizeof(what), "%s %s",
			    map->items[2 * i]->str, s[k]->str);
			set_how(j, n, (enum note_type)type, HOW_CATEGORY, what);
			return 1;
		}
	}
	return 0;
}

/* The folder part of the path that names a type, nearest first; with
 * daily set, a daily folder instead.  Returns its type and its name. */
static int
by_folder(const note *n, int daily, const char **name, size_t *len)
{
	const char *end = strrchr(n->path, '/'), *start;
	int kind;

	while (end != NULL && end > n->path) {
		for (start = end; start > n->path && start[-1] != '/'; start--)
			;
		kind = folder_kind(start, (size_t)(end - start));
		if ((daily && kind == FOLDER_DAILY) || (!daily && kind >= 0)) {
			*name = start;
			*len = (size_t)(end - start);
			return kind;
		}
		end = start > n->path ? start - 1 : NULL;
	}
	return FOLDER_NONE;
}

static int
is_daily(kith_journal *j, note *n)
{
	const char *name;
	char what[160];
	size_t i, len;
	kith_date d = stem_day(n->stem);

	if (d == KITH_NO_DATE)
		return 0;
	for (i = 0; i < j->cfg.ndaily_notes; i++)
		if (glob_match(j->cfg.daily_notes[i], n->path)) {
			n->daily = d;
			set_how(j, n, NOTE_PLAIN, HOW_DAILY, "daily_notes");
			return 1;
		}
	if (by_folder(n, 1, &name, &len) != FOLDER_DAILY)
		return 0;
	n->daily = d;
	snprintf(what, sizeof(what), "%.*s/", (int)len, name);
	set_how(j, n, NOTE_PLAIN, HOW_DAILY, what);
	return 1;
}

/* A Logseq namespace in the file name: "people___Jane Doe",
 * "people%2FJane Doe". */
static int
by_namespace(kith_journal *j, note *n)
{
	const char *sep = strstr(n->stem, "___"), *pct = strstr(n->stem, "%2F");
	char what[160];
	int kind;

	if (sep == NULL || (pct != NULL && pct < sep))
		sep = pct;
	if (sep == NULL)
		return 0;
	kind = folder_kind(n->stem, (size_t)(sep - n->stem));
	if (kind < 0)
		return 0;
	snprintf(what, sizeof(what), "%.*s/", (int)(sep - n->stem), n->stem);
	set_how(j, n, (enum note_type)kind, HOW_NAMESPACE, what);
	return 1;
}

/*
 * Types n from its front matter (with the page properties and inline
 * fields after it) and its tags (front matter and body): n->type, how and
 * how_what, n->daily.  *kind: the meeting kind its type word names, or
 * NULL.  Returns 0, or -1 when out of memory.
 */
int
classify(kith_journal *j, note *n, const yval *map, const key_entry *keys,
    const f_list *tags, const char **kind)
{
	char what[160];
	const char *name;
	unknown_type unknown = { NULL, NULL, NULL };
	size_t i, len;
	int type;

	*kind = NULL;
	n->type = NOTE_PLAIN;
	n->how = HOW_NONE;
	for (i = 0; i < map->n; i++)
		if (strcmp(keys[i].norm, j->cfg.type_key) == 0 &&
		    by_type_key(j, n, map->items[2 * i + 1], kind, &unknown))
			goto done;
	for (i = 0; i < j->cfg.nrules; i++) {
		if (rule_matches(j, n, &j->cfg.rules[i], map, keys, tags)) {
			set_how(j, n, j->cfg.rules[i].type, HOW_RULE,
			    j->cfg.rules[i].text);
			goto done;
		}
	}
	if (by_category(j, n, map, keys) || is_daily(j, n) ||
	    by_namespace(j, n))
		goto done;
	if ((type = by_folder(n, 0, &name, &len)) >= 0) {
		snprintf(what, sizeof(what), "%.*s/", (int)len, name);
		set_how(j, n, (enum note_type)type, HOW_FOLDER, what);
		goto done;
	}
	for (i = 0; i < tags->n; i++) {
		if ((type = type_of_words(tags->v[i].s, 0, kind)) >= 0) {
			set_how(j, n, (enum note_type)type, HOW_TAG, tags->v[i].s);
			goto done;
		}
	}
done:
	if (n->how != HOW_NONE && n->how_what == NULL)
		return -1;
	type_warn(j, n, &unknown);
	return 0;
}

