/*
 * model.h: the model stage: the notes resolved into one graph (graph.c),
 * each person's figures, goals (goal.c) and relationship strength
 * (strength.c); journal.c runs the pipeline up to here.  Includes core/,
 * note/ and (journal.c only) read/; never rules/ or above.
 */
#ifndef KITH_MODEL_H
#define KITH_MODEL_H

#include "note/note.h"

/* graph.c */
int graph_build(kith_journal *j);
/* figures.c: each node's figures (see struct note), once the graph is
 * resolved.  Returns 0, or -1 when out of memory. */
int graph_figures(kith_journal *j);
void graph_free(struct name_index *x);
/*
 * The node a name stands for, looked up without creating anything: the
 * note that claims it (a path, stem or name before an alias), or the
 * unresolved node of that name.  NULL when there is none, or when several
 * notes claim it on the same footing (then *ambiguous is set, when
 * ambiguous is not NULL).  key is the caller's buffer (the folded name;
 * the caller frees it), and nothing of the journal is written: any number
 * of threads may ask at once.
 */
note *graph_find(const kith_journal *j, kith_buf *key, const char *name,
    int *ambiguous);
/* What a person's meetings say on a day (followups.md).  Not kept in the
 * graph, which is the same whatever the day: a query works it out for its
 * own day with person_day_of(). */
typedef struct person_day {
	kith_date last;		/* last(P): the latest of last_contact:, met:,
				 * the meetings and the daily notes that link
				 * them, before the day */
	int scheduled;		/* a meeting with them on the day or after */
	int close_tie;		/* not a weak tie */
	int asks, gives;	/* of the meetings before the day */
	const note *latest_ask;	/* the latest of those with an ask */
} person_day;

void person_day_of(const kith_journal *j, const note *p, kith_date today,
    person_day *out);
/* A person's check-in cadence (close_tie: person_day_of()'s); unit 0 when
 * they have none. */
duration person_cadence(const kith_journal *j, const note *p, int close_tie);
int person_tag_cadence(const kith_journal *j, const note *p, duration *out);
int meeting_after(const note *m, const note *other);
/* For qsort() of note pointers (meetings): the earliest first, by date,
 * then time, then path. */
int meeting_order(const void *a, const void *b);

/* hidden[i] (j->nnodes of them): node i is a private note, or a meeting
 * with no one but private people (docs/site.md); what the dashboard and
 * kith graph leave out. */
void graph_private(const kith_journal *j, unsigned char *hidden);

/* adjacency.c: each node's edges out and in (see struct kith_journal);
 * made by graph_build() once every edge is known.  Returns 0, or -1 when
 * out of memory. */
int graph_adjacency(kith_journal *j);
/* The edges from n, *count of them, in the order its note names them. */
const edge *graph_out(const kith_journal *j, const note *n, size_t *count);
/* The edges to n: how many, and the i-th of them, by the path of the note
 * it comes from, then in the order that note names them. */
size_t graph_in_count(const kith_journal *j, const note *n);
const edge *graph_in_edge(const kith_journal *j, const note *n, size_t i);

/* The nodes an edge joins. */
static inline note *
edge_from(const kith_journal *j, const edge *e)
{
	return j->notes[e->from];
}

static inline note *
edge_to(const kith_journal *j, const edge *e)
{
	return j->notes[e->to];
}

/* goal.c: reads each goal's counts: (after graph_build: a count may name
 * a company), and measures how far a goal is */
void goals_read(kith_journal *j);

typedef struct goal_progress {
	long count;
	long target;
	int valid;		/* counts: parsed */
} goal_progress;

/* How far a goal is on the day today. */
goal_progress goal_measure(const kith_journal *j, const note *g,
    kith_date today);

/* strength.c: relationship strength, 0 to 100 (docs/site.md) */
int person_strength(const note *p, kith_date today);
/* The same, and what makes it: the raw sum's parts (each decayed). */
typedef struct strength_parts {
	double met;		/* meetings in person, by voice or video */
	double written;		/* e-mails and messages */
	double gave;		/* what you gave at them */
	double contact;		/* last_contact: */
	size_t meetings;	/* held meetings counted */
} strength_parts;
int person_strength_parts(const note *p, kith_date today,
    strength_parts *parts);

#endif
