/*
 * query.h: the queries on the finished graph (lib/query/): a name looked
 * up, the warm paths to someone (paths.c), a person's or company's
 * briefing (show.c), the people list (people.c), the graph for other
 * tools (export.c), the figures over time (stats.c).  The site uses the
 * path search for its warm paths; the rest is for the command line.
 */
#ifndef KITH_QUERY_H
#define KITH_QUERY_H

#include <stdint.h>

#include "model/model.h"

/* The longest path `kith intro` offers, in links: You and three people
 * between you and the target. */
#define INTRO_MAX_LINKS 4

/* What joins two people, the strongest piece of it (a link's evidence). */
enum ev_kind {
	EV_MET,			/* you met them: via is the meeting */
	EV_CONTACT,		/* you: their last_contact: (via is them) */
	EV_MEETING,		/* they were at a meeting together: via */
	EV_INTRODUCED,		/* one introduced the other: via is the
				 * note that says introduced_by */
	EV_MENTION,		/* a note (via) names one, by or with the
				 * other */
	EV_COMPANY		/* both work at via */
};

typedef struct evidence {
	enum ev_kind kind;
	const note *via;
	int line;		/* in via's file, or 0 */
	kith_date date;		/* or KITH_NO_DATE */
} evidence;

/* A link from one person to another, with its strength (1 to 100: a
 * link of strength 0 is none) and its strongest evidence. */
typedef struct tie_link {
	const note *to;
	int strength;
	evidence ev;
} tie_link;

/* A path from you: who[0] is the first person, who[n - 1] the end;
 * links[i] leads to who[i] (links[0] from you). */
typedef struct intro_path {
	size_t n;
	const note *who[INTRO_MAX_LINKS];
	tie_link links[INTRO_MAX_LINKS];
	int weakest;		/* the weakest link's strength */
} intro_path;

typedef struct intro_graph intro_graph;

/*
 * The links between people and your link with each, for the day today;
 * with everyone set, the best paths from you to every person too (what a
 * company's paths need).  Made once, read by any number of threads
 * after.  hidden (one a node, or NULL) marks the notes that take no part
 * (the site's private ones).  NULL when out of memory; free with
 * intro_graph_free().
 */
intro_graph *intro_graph_new(const kith_journal *j, kith_date today,
    const unsigned char *hidden, int everyone);
void intro_graph_free(intro_graph *g);

/*
 * The best paths to target (a person or a company), best first: direct
 * contacts first, then by the weakest link's strength (highest first),
 * then by length, then by the names.  For a person, the best path through
 * each person you know (found from the target's side: only the links of
 * the people near them are read); for a company, the best path to each
 * of its people (g must have been made with everyone).  Writes at most
 * max of them to out and returns how many were found: all there are for
 * a company, and for a person more than max when there are more (the
 * search passes over people who cannot make the best max); -1 when out
 * of memory.
 */
long intro_paths(const intro_graph *g, const note *target, intro_path *out,
    size_t max);

/* The strength of your link with p (person_strength(), 0 for the owner,
 * a hidden or skipped note) and its evidence. */
int intro_you(const intro_graph *g, const note *p, evidence *ev);

/* The people linked to a (a person), strongest first, then by name:
 * *n of them, malloc'd (the caller frees); NULL and *n 0 when none or
 * out of memory (then *oom is set). */
tie_link *intro_links(const intro_graph *g, const note *a, size_t *n, int *oom);

/* The same without the paths (nothing hidden): for one person. */
tie_link *intro_links_day(const kith_journal *j, kith_date today, const note *a,
    size_t *n, int *oom);

/* Whether n stands for a person who can be on a path: a person note or a
 * name used as one, not the owner, not hidden or skipped. */
int intro_is_person(const intro_graph *g, const note *n);

/* ---- names (names.c) ---- */

/* The person or company `name` names (a wiki link: any name or alias,
 * any case), or NULL; *ambiguous set when several notes claim it. */
const note *query_find(const kith_journal *j, const char *name,
    int *ambiguous);

/* ---- the people list (people.c) ---- */

/* What the people list says of a person on a day. */
typedef struct person_row {
	const note *p;
	const note *company;	/* or NULL */
	int strength;
	kith_date last;		/* last(P), or KITH_NO_DATE */
	kith_date next;		/* the next check-in, or KITH_NO_DATE */
	int fading;		/* the check-in is past: past their cadence */
	int close_tie;
} person_row;

void person_row_of(const kith_journal *j, const note *p, kith_date today,
    person_row *r);
/* A person of the people list: a person note or a name used as one, not
 * the owner, not skipped. */
int is_listed_person(const note *n);

/* ---- what the answers share (out.c) ---- */

/* A note's file (and line, when not 0) from where the user stands. */
void q_where(kith_buf *b, const kith_query *q, const char *path, int line);
/* A link's evidence in words, from a (NULL: you) to l->to. */
void q_evidence(kith_buf *b, const kith_query *q, const note *a,
    const tie_link *l);
/* The same as a JSON object. */
void q_evidence_json(kith_buf *b, const tie_link *l);
/* A JSON member "key": date, or null. */
void q_json_date(kith_buf *b, const char *key, kith_date d);
/* The company a person works at (their company:), or NULL. */
const note *q_company(const note *p);
/* s in a column of width characters: cut with "..." when longer,
 * padded with spaces when pad is set. */
void q_cell(kith_buf *b, const char *s, size_t width, int pad);
/* Appends s (printable), first breaking the line (and indenting the
 * next by four) when it would go past Q_WIDTH characters. */
#define Q_WIDTH 78
void q_wrap(kith_buf *b, const char *s);
/* s word by word, each as q_wrap_at() puts it. */
void q_wrap_words(kith_buf *b, const char *s, int indent);
/* Wraps again what b holds from start (one line, not ended yet), word
 * by word. */
void q_rewrap(kith_buf *b, size_t start, int indent);
/* The same, indenting the next line by indent. */
void q_wrap_at(kith_buf *b, const char *s, int indent);
/* Has n tag t (any case)? */
int q_has_tag(const note *n, const char *t);
/* The start of a note's body read from its file (the journal keeps no
 * bodies but for the site): its first 8 KiB after the front matter, up
 * to the last whole UTF-8 character; *len its length.  Malloc'd, or
 * NULL when it cannot be read. */
char *q_body_read(const kith_journal *j, const note *m, size_t *len);
/* Hands b's bytes to *out: KITH_OK, or KITH_ESYSTEM when b ran out of
 * memory (b is freed either way). */
kith_status q_finish(kith_buf *b, char **out, size_t *len);
/* A person or company by name (query_find()), else KITH_EJOURNAL. */
kith_status q_lookup(const kith_journal *j, const char *name,
    const note **out);

#endif
