/*
 * internal.h: the private structures of libkith.  Everything here lives in
 * the journal's arena unless a comment says otherwise.
 */
#ifndef KITH_INTERNAL_H
#define KITH_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
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
	int private_note;
	const char *display;	/* display name: name:, title or stem */
	const char *heading;	/* first heading of the body, or NULL */
	const char *body;	/* with keep_bodies: the body, ending in a line
				 * end and zeroed padding; else NULL */
	size_t body_len;
	uint64_t text_hash;	/* with keep_bodies: bytes_hash() of the file */

	/* keys of every type, or read for every note */
	f_text name;
	f_text title;
	f_list aliases;
	f_list tags;
	f_ref company;		/* person, meeting */

	extra *extras;
	size_t nextras;

	mention *mentions;
	size_t nmentions;
	task *tasks;
	size_t ntasks;

	/* graph, filled in by graph.c */
	size_t index;		/* position in journal->notes */
	int used_as_person;	/* unresolved: named where a person goes */
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
	kith_date last;		/* last(P) */
	int scheduled;		/* a meeting with them today or after */
	int close_tie;		/* followups.md: not a weak tie */
	int asks, gives;
	struct note *latest_ask;/* latest held meeting with an ask */

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
} config;

/* ---- the graph ---- */

enum edge_kind { EDGE_ATTENDED, EDGE_WORKS_AT, EDGE_INTRODUCED_BY, EDGE_MENTIONS };

typedef struct edge {
	note *from;
	note *to;
	int line;
	enum edge_kind kind;	/* last: 24 bytes an edge, not 32 */
} edge;

struct name_index;

struct kith_journal {
	arena mem;
	const char *root;
	kith_date today;
	int strict;
	int keep_bodies;
	config cfg;
	int config_read;	/* kith.yaml was there and read */
	uint64_t config_hash;	/* bytes_hash() of it */

	note **notes;		/* sorted by path; unresolved nodes after them */
	size_t nnotes;		/* notes read from files */
	size_t nnodes;		/* notes plus unresolved nodes */
	size_t cap;

	edge *edges;
	size_t nedges;

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

/* names.c: case-insensitive keys and the name index */
char *name_fold(arena *a, const char *s);
void name_fold_buf(kith_buf *b, const char *s);
uint64_t hash_string(const char *s);
/* inputs.c: a 64-bit hash of bytes (whether a file changed) */
uint64_t bytes_hash(const void *data, size_t n);
int name_cmp(const char *a, const char *b);
int name_distance(const char *a, const char *b, int limit);
/* Strips [[ ]], |label and #heading from a reference; NULL if empty. */
const char *ref_clean(arena *a, const char *s);
const char *ref_clean_n(arena *a, const char *s, size_t n);

/* walk.c: the journal's note files, sorted by path */
typedef struct note_file {
	char *path;		/* root-relative; malloc'd */
} note_file;

typedef int (*walk_emit)(void *ctx, const char *rel);
int walk_notes(kith_journal *j, int rootfd, walk_emit emit, void *ctx);
int walk_journal(kith_journal *j, note_file **files, size_t *nfiles);
void walk_free(note_file *files, size_t nfiles);
int glob_match(const char *glob, const char *path);
/* Is rel (a note, or a folder) left out by ignore: or the site folder? */
int walk_ignored(const kith_journal *j, const char *rel, int folder);
/* Appends rel as diagnostics show it: bytes that are not UTF-8 as \xNN. */
void walk_name_shown(kith_buf *b, const char *rel);

/* read.c: a note's bytes, checked (regular file, size, NUL, UTF-8) */
typedef struct note_text {
	char *data;		/* malloc'd, NUL-terminated, padded */
	size_t len;
} note_text;

int note_read(kith_journal *j, int dirfd, const char *path, note_text *out);
size_t utf8_valid_prefix(const char *s, size_t n);

/* journal.c: a note is started for a path (typed by its folder) in a
 * whole struct note, goes through the stages after reading (front matter,
 * fields, body: note_from_text), then is kept in the bytes of its type */
int note_start(kith_journal *j, note *n, const char *path);
note *note_keep(kith_journal *j, const note *n);
/* The note read from path (notes are sorted by path), or NULL. */
note *journal_note_at(const kith_journal *j, const char *path);
int note_from_text(kith_journal *j, arena *scratch, note *n, const char *text,
    size_t len);

/* frontmatter.c: splits the front matter and reads it into a yval tree */
typedef struct front_matter {
	const char *yaml;	/* points into the note text, or NULL */
	size_t yaml_len;
	int yaml_line;		/* line of the first YAML line */
	const char *body;
	size_t body_len;
	int body_line;		/* line of the body's first line */
} front_matter;

int front_matter_split(kith_journal *j, const char *path, const char *text,
    size_t len, front_matter *out);
/* Reads YAML (what: "front matter" or "kith.yaml", for messages) into a
 * tree allocated in mem (set mem->oom when memory runs out).  Returns the
 * mapping, or NULL (and a diagnostic) when it cannot be read. */
yval *yaml_read(kith_journal *j, arena *mem, const char *path,
    const char *what, const char *yaml, size_t len, int first_line);

/* fields.c: types the front matter into the note */
int fields_apply(kith_journal *j, note *n, const yval *map);
enum note_type note_type_from_path(const char *path);

/* body.c: mentions and tasks.  body_chunk_len() is how much of a body to
 * hand md4c at once (see KITH_MAX_MD_CHUNK); every md4c caller uses it. */
size_t body_chunk_len(const char *p, size_t left);
/* An upper bound of the table cells md4c would make of a piece (see
 * KITH_MAX_TABLE_CELLS). */
size_t body_table_cells(const char *p, size_t n);
int body_scan(kith_journal *j, note *n, const char *body, size_t len,
    int first_line);

/* config.c: kith.yaml */
void config_defaults(config *c);
int config_load(kith_journal *j, int rootfd);

/* graph.c */
int graph_build(kith_journal *j);
void graph_free(struct name_index *x);
note *graph_lookup(kith_journal *j, const char *name, int *ambiguous);
note *graph_find(const kith_journal *j, kith_buf *key, const char *name);
duration person_cadence(const kith_journal *j, const note *p);
int person_tag_cadence(const kith_journal *j, const note *p, duration *out);
int meeting_after(const note *m, const note *other);
int note_is_person(const note *n);

/* goal.c */
void goal_check(kith_journal *j, note *g);

/* rules.c: the graph nodes behind an item (for the site) */
note *const *due_item_people(const kith_due *d, size_t i, size_t *n);
note *due_item_company(const kith_due *d, size_t i);
/* A company you want to work at: target: yes, or status target/applying. */
int company_is_target(const note *c);

/* rules.c: every check-in is listed (--person, --kind check-in) */
int due_unlimited(const kith_due *d);

/* report.c: the items a text or Markdown report lists, and the dashboard's
 * follow-ups (followups.md, "Which items a report shows") */
typedef struct due_listing {
	size_t *idx;		/* items listed, in the order shown; malloc'd */
	size_t n;
	size_t in_group[4];	/* listed, by kith_when */
	size_t more_check_ins;	/* left out by check_in_limit */
	size_t stale[KITH_KIND_COUNT];	/* left out as stale, by kind */
	size_t nstale;
	kith_date stale_before;
} due_listing;

/* Which items to leave out altogether (the dashboard's private ones). */
typedef int (*due_skip)(const void *ctx, size_t i);

/* Lists d's items due by today + horizon (or undated); with all, every
 * one of them, else without the stale ones and the check-ins past
 * check_in_limit.  Returns 0, or -1 when out of memory; the caller frees
 * with due_listing_free(). */
int due_listing_make(const kith_due *d, const kith_journal *j, int all,
    int horizon, due_skip skip, const void *ctx, due_listing *out);
void due_listing_free(due_listing *l);

/* strength.c: relationship strength, 0 to 100 (docs/site.md) */
int person_strength(const kith_journal *j, const note *p);

/* note display helpers */
const char *meeting_kind(const note *m);
/* An e-mail or a message: written, not attended (no meeting to be at). */
int meeting_is_written(const note *m);

#endif
