/*
 * links.h: what paths.c and links.c share (private to query/): the
 * graph of links between people, and the gathering of one person's links.
 */
#ifndef KITH_QUERY_LINKS_H
#define KITH_QUERY_LINKS_H

#include "query/query.h"

struct intro_graph {
	const kith_journal *j;
	kith_date today;
	const unsigned char *hidden;
	int *you;		/* per node: your link's strength */
	evidence *you_ev;
	int *best[INTRO_MAX_LINKS];	/* per layer and node */
	tie_link *via[INTRO_MAX_LINKS];	/* the link into the node at that
					 * layer (from the layer before) */
	uint32_t *from[INTRO_MAX_LINKS];
	size_t *staff_start;	/* per node and one more: its people in */
	uint32_t *staff;	/* staff[staff_start[i] to staff_start[i + 1]) */
	/* what the search asks of each node, at hand without reading the
	 * note (facts_of()) */
	unsigned char *fact;	/* F_ bits */
	float *weight;		/* a held meeting: (w(kind) + 0.5 gave) decayed */
	float *fade;		/* a held meeting: its decay */
};

enum {
	F_PERSON = 1,		/* intro_is_person() */
	F_HELD = 2,		/* a meeting held by today, not hidden */
	F_GROUP = 4		/* ... a group meeting */
};

/* What one node's links are gathered in. */
typedef struct scratch {
	double *raw;
	double *top;		/* the strongest piece of evidence so far */
	evidence *ev;
	uint32_t *touched;
	size_t ntouched;
	uint32_t *stamp;	/* dedup: one piece a note and a person */
	uint32_t gen;
} scratch;

int scratch_init(scratch *s, size_t n);
void scratch_free(scratch *s);
/* a's links (gathered into s, which is left clean): *count of them,
 * malloc'd; sorted strongest first then by name when sort is set, else
 * in no order.  NULL when none, or out of memory (*oom set). */
tie_link *links_gather(const intro_graph *g, scratch *s, const note *a,
    size_t *count, int *oom, int sort);
/* Your link with p (for g->you and g->you_ev). */
int you_of(intro_graph *g, const note *p);
/* g->staff: each company's people. */
int staff_of(intro_graph *g);
/* g->fact, weight and fade (g->j, today and hidden set); facts_free()
 * frees them. */
int facts_of(intro_graph *g);
void facts_free(intro_graph *g);

#endif
