/*
 * note.h: kith's data model, private to libkith: a note and its typed
 * fields, the journal's settings, and the journal itself (its notes, the
 * graph's edges and names, its diagnostics).  The reading stage fills a
 * note; the graph (model/) adds its part.  Everything here lives in the
 * journal's arena unless a comment says otherwise.  Every room above
 * core/ includes this header; it includes only core/ and kith.h.
 */
#ifndef KITH_NOTE_H
#define KITH_NOTE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/names.h"
#include "kith.h"

/* A place in a note: 1-based line and column. */
typedef struct pos {
	int line;
	int col;
} pos;

/* ---- front matter as libyaml read it: every scalar a string ---- */

enum yval_kind { Y_SCALAR, Y_SEQ, Y_MAP };

typedef struct yval {
	enum yval_kind kind;
	pos at;
	const char *str;	/* Y_SCALAR */
	int plain;		/* Y_SCALAR written without quotes */
	struct yval **items;	/* Y_SEQ: n values; Y_MAP: n pairs, key then value */
	size_t n;
} yval;

/* ---- typed values ---- */

typedef struct f_text {
	const char *s;		/* NULL when unset */
	pos at;
} f_text;

typedef struct f_list {
	f_text *v;
	size_t n;
	pos at;
} f_list;

typedef struct f_date {
	kith_date d;		/* KITH_NO_DATE when unset */
	int minutes;		/* time of day, or -1 */
	pos at;
} f_date;

typedef struct f_duration {
	int set;
	duration v;
	pos at;
} f_duration;

struct note;

/* A reference to another note: a plain name or a wiki link. */
typedef struct f_ref {
	const char *name;	/* the target as written, without [[ ]], | and # */
	pos at;
	struct note *to;	/* after resolution: a note or an unresolved node */
} f_ref;

typedef struct f_refs {
	f_ref *v;
	size_t n;
	pos at;
} f_refs;

/* A yearly date: birthday or an entry of dates:. */
typedef struct f_yearly {
	const char *label;	/* "birthday" or the dates: key */
	int year;		/* 0 when unknown */
	int month;
	int day;
	pos at;
} f_yearly;

typedef struct f_yearlies {
	f_yearly *v;
	size_t n;
} f_yearlies;

enum thanked { THANKED_UNSET, THANKED_NO, THANKED_YES, THANKED_SKIP, THANKED_DATE };

typedef struct f_thanked {
	enum thanked v;
	kith_date d;
	pos at;
} f_thanked;

enum next { NEXT_UNSET, NEXT_NONE, NEXT_DATE };

typedef struct f_next {
	enum next v;
	kith_date d;
	pos at;
} f_next;

typedef struct f_flag {
	int set;
	int yes;
	pos at;
} f_flag;

typedef struct f_number {
	int set;
	long v;
	pos at;
} f_number;

/* A key kith does not know, kept for the dashboard. */
typedef struct extra {
	const char *key;
	const yval *value;
	pos at;
} extra;

/* ---- notes ---- */

enum note_type {
	NOTE_PLAIN,
	NOTE_PERSON,
	NOTE_MEETING,
	NOTE_COMPANY,
	NOTE_GOAL,
	NOTE_UNRESOLVED		/* a name no note claims */
};

/* How a note's type was recognised (classify.c), for kith check
 * --explain. */
enum note_how {
	HOW_NONE,		/* plain: nothing named a type */
	HOW_TYPE,		/* the type key's value (type_key:) */
	HOW_RULE,		/* a types: rule of kith.yaml */
	HOW_CATEGORY,		/* categories: or category: */
	HOW_DAILY,		/* a daily note: its name is a date */
	HOW_FOLDER,		/* a folder of its path */
	HOW_NAMESPACE,		/* a Logseq namespace of its file name */
	HOW_TAG			/* a tag word */
};

/* A [[wiki link]] in a body (its line: ref.at.line). */
typedef struct mention {
	f_ref ref;
} mention;

typedef struct task {
	const char *text;	/* without its date markers */
	int done;
	kith_date due;		/* or KITH_NO_DATE */
	kith_date done_on;	/* or KITH_NO_DATE */
	pos at;			/* the task mark */
	size_t first_link;	/* the note's mentions that sit in its text */
	size_t nlinks;
} task;

/*
 * A note.  The fields are in three parts: those of every note, those of a
 * meeting, and those of the other types.  A meeting note is allocated
 * only up to the end of its meeting fields (note_size()), so the fields
 * after them exist only where note_has_rest() is true: read them only
 * from a note of another type.
 */
typedef struct note {
	const char *path;	/* root-relative, '/' separated */
	const char *stem;	/* file name without .md */
	enum note_type type;
	int skipped;		/* unreadable: takes no part in the graph */
	enum note_how how;	/* how its type was recognised */
	const char *how_what;	/* the value, folder, tag or rule (or NULL) */
	int unnamed_meeting;	/* recognised as a meeting, named no one:
				 * plain */
	kith_date daily;	/* a daily note: its day, else KITH_NO_DATE */
	int private_note;
	const char *display;	/* display name: name:, title or stem */
	const char *heading;	/* first heading of the body, or NULL */
	const char *body;	/* with keep_bodies: the body, ending in a line
				 * end and zeroed padding; else NULL */
	size_t body_len;
	int body_line;		/* with keep_bodies: the file line of the
				 * body's first line */
	uint64_t text_hash;	/* with keep_bodies: bytes_hash() of the file */

	/* keys of every type, or read for every note */
	f_text name;
	f_text title;
	f_list aliases;
	f_list tags;
	f_ref company;		/* person, meeting */

	extra *extras;
	size_t nextras;

	mention *mentions;	/* the body's, then those of its properties */
	size_t nmentions;
	size_t body_mentions;	/* the body's: a link to no note is said */
	task *tasks;
	size_t ntasks;

	/* graph, filled in by graph.c */
	size_t index;		/* position in journal->notes */
	int used_as_person;	/* unresolved: named where a person goes */
	int used_as_address;	/* unresolved: an e-mail address where a
				 * person goes, which no person's email:
				 * holds: not a person */
	int used_as_company;	/* unresolved: named where a company goes */
	int has_contact;	/* company: named by a person or meeting */
	int is_owner;		/* person: the journal's owner */

	/* meeting */
	f_date date;
	f_refs with;
	f_text kind;
	f_thanked thanked;
	f_next next;
	f_list gave;
	f_list asked;
	int is_group;		/* graph.c: kind event, or more than group_size
				 * people */

	/* ---- the rest: not in a meeting note ---- */

	/* read while the note is typed, then no more (private_note) */
	f_flag private_flag;	/* the first field of the rest */

	/* person */
	f_ref introduced_by;
	f_text job_title;
	f_list email, phone, linkedin, location;	/* email, location:
							 * also company */
	f_duration cadence;
	f_date last_contact;
	f_date met;
	f_yearlies yearly;	/* birthday first, then dates: */
	f_date snooze;

	/* person (and unresolved), filled in by graph.c */
	struct note **meetings;	/* meetings with them, by date */
	size_t nmeetings;
	kith_date *dailies;	/* days a daily note links them, in order */
	size_t ndailies;

	/* company (and unresolved), filled in by graph.c: its latest
	 * meeting, held or not (a meeting's company:, or a person's) */
	struct note *company_last;

	/* unresolved, filled in by graph.c */
	const char *hint;	/* the "did you mean", once hinted */
	int hinted;

	/* company */
	f_text website;
	f_flag target;
	f_text status;
	f_date apply_by;

	/* goal */
	f_date due;
	f_number goal_target;
	f_text counts;
	struct goal_spec *goal;	/* its counts, read */
} note;

/* The fields after the meeting part exist (see struct note). */
static inline int
note_has_rest(const note *n)
{
	return n->type != NOTE_MEETING;
}

/* The bytes a note of this type takes. */
static inline size_t
note_size(enum note_type type)
{
	return type == NOTE_MEETING ? offsetof(note, private_flag) : sizeof(note);
}

/* ---- journal settings (kith.yaml) ---- */

/* A bit a note type, for sets of types. */
#define KT(type) (1u << (type))

/* One more name for a kith key (keys:). */
typedef struct key_name {
	const char *norm;	/* its compared form (read/keys.c) */
	const char *key;	/* kith's key */
	unsigned types;		/* KT() of the types it applies to */
} key_name;

enum rule_what { RULE_FOLDER, RULE_TAG, RULE_PROPERTY };

/* A types: rule: a note matching it has its type. */
typedef struct type_rule {
	enum note_type type;
	enum rule_what what;
	const char *key;	/* RULE_PROPERTY: the key's compared form */
	const char *value;	/* a glob, or a folded tag or value */
	const char *text;	/* as written, for kith check --explain */
} type_rule;

typedef struct tag_cadence {
	const char *tag;
	duration cadence;
} tag_cadence;

typedef struct config {
	const char *owner;
	duration cadence;
	tag_cadence *by_tag;
	size_t nby_tag;
	int horizon;
	duration thank_you_window;
	const char **no_thank_you;	/* meeting kinds, folded */
	size_t nno_thank_you;
	int group_size;		/* a meeting with more people is a group */
	int check_in_limit;	/* check-ins a text report lists */
	duration next_step_after;
	int reciprocity_threshold;
	int stale_after;
	const char **ignore;
	size_t nignore;
	const char *site;
	const char *title;
	int follow_symlinks;	/* read a note linked from outside the
				 * journal (walk.c) */
	const char *type_key;	/* compared form; "type" */
	type_rule *rules;	/* types: */
	size_t nrules;
	key_name *keys;		/* keys: */
	size_t nkeys;
	const char **daily_notes;	/* globs */
	size_t ndaily_notes;
	int logseq;		/* a Logseq graph: logseq/config.edn */
} config;

/* ---- the graph ---- */

/* An edge goes from the note that names a node to the node: a meeting to
 * each person it was with (attended), a person to their company (works
 * at) and to who introduced them, a meeting to its company (held at), any
 * note to each note its body links (mentions). */
enum edge_kind {
	EDGE_ATTENDED, EDGE_WORKS_AT, EDGE_INTRODUCED_BY, EDGE_MENTIONS,
	EDGE_HELD_AT, EDGE_KIND_COUNT
};

/* 16 bytes an edge: the nodes by their index in j->notes (edge_from(),
 * edge_to() in model/model.h). */
typedef struct edge {
	uint32_t from;
	uint32_t to;
	int line;
	enum edge_kind kind;
} edge;

struct name_index;

struct kith_journal {
	arena mem;
	const char *root;
	int strict;
	int keep_bodies;
	config cfg;
	int config_read;	/* kith.yaml was there and read */
	size_t templates_skipped;	/* template folders not read */
	uint64_t config_hash;	/* bytes_hash() of it */

	note **notes;		/* sorted by path; unresolved nodes after them */
	size_t nnotes;		/* notes read from files */
	size_t nnodes;		/* notes plus unresolved nodes */
	size_t cap;

	/* The one graph, built once by graph_build() and only read after:
	 * edges by the note they leave, in path order, each note's as it
	 * names them (malloc'd); out_start and in_start (per node, and one
	 * more) give each node's edges out, edges[out_start[i] to
	 * out_start[i + 1]), and in, the edges whose indexes are
	 * in_edge[in_start[i] to in_start[i + 1]), in the order of edges (the
	 * journal's arena).  Read them with graph_out() and graph_in_edge(). */
	edge *edges;
	size_t nedges;
	size_t *out_start;
	size_t *in_start;
	uint32_t *in_edge;

	struct name_index *names;
	note *owner;

	kith_diag *diags;
	size_t ndiags;
	size_t diagcap;
	int diag_oom;
};

/* diag.c */
void diag_add(kith_journal *j, const char *file, pos at, kith_level level,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_vadd(kith_journal *j, const char *file, pos at, kith_level level,
    const char *prefix, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));
void diag_sort(kith_journal *j);

/* note.c: what a note is */
/* A meeting's kind: its kind:, or "meeting". */
const char *meeting_kind(const note *m);
/* An e-mail or a message: written, not attended (no meeting to be at,
 * half a meeting for strength). */
int meeting_is_written(const note *m);
/* A person note, or a name without a note that stands for a person. */
int note_is_person(const note *n);
/* A person note, or a name without a note written where a person goes. */
int note_names_person(const note *n);
/* The note read from path (notes are sorted by path), or NULL. */
note *journal_note_at(const kith_journal *j, const char *path);
/* How a note was recognised, as kith check --explain says it ("folder",
 * "type", ...; "" for a category, whose key says it). */
const char *how_label(enum note_how how);

#endif
