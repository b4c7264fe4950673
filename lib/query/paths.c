/*
 * paths.c: warm introduction paths (docs/cli.md, kith intro): who links
 * to whom, how strongly, and the best paths from you through them.
 *
 * Your link with a person is their relationship strength (strength.c).
 * A link between two other people is the same formula over what the
 * journal says of the two of them together:
 *
 *   raw = sum over held meetings, not group meetings, with both of them
 *             of (w(kind) + 0.5 * gave) * 2^(-age / 180)
 *       + 1 for an introduction (introduced_by:), decaying from the
 *             introduced one's met: when it is known
 *       + 0.5 for each note that names one and is by (or with) the
 *             other: a person note's link, a meeting's link (decaying
 *             from its date)
 *       + 0.5 for working at the same company
 *   strength = round(100 * (1 - e^(-raw / 2)))
 *
 * so working together is 22, an introduction 39, a coffee together this
 * week 39.  A link of strength 0 is none.  A path is ranked by its
 * weakest link, then by its length (at most INTRO_MAX_LINKS links).
 *
 * The search is done once, for every node, by layers: best[k][v] is the
 * best weakest link of a path of k + 1 links to v that beats every
 * shorter one (a path that does not is never worth extending).  Ties keep
 * the first path found, in the order of the notes' paths: the same
 * journal always gives the same paths.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "query/query.h"

#define HALF_LIFE_DAYS 180.0

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

static double
decay(kith_date today, kith_date when)
{
	double age;

	if (when == KITH_NO_DATE)
		return 1.0;
	age = (double)(today - when);
	return pow(2.0, -(age < 0 ? 0 : age) / HALF_LIFE_DAYS);
}

static int
to_strength(double raw)
{
	return (int)lround(100.0 * (1.0 - exp(-raw / 2.0)));
}

static int
usable(const intro_graph *g, const note *n)
{
	return !n->skipped && (g->hidden == NULL || !g->hidden[n->index]);
}

int
intro_is_person(const intro_graph *g, const note *n)
{
	return note_is_person(n) && !n->is_owner && usable(g, n);
}

static int
scratch_init(scratch *s, size_t n)
{
	memset(s, 0, sizeof(*s));
	s->raw = calloc(n + 1, sizeof(*s->raw));
	s->top = calloc(n + 1, sizeof(*s->top));
	s->ev = calloc(n + 1, sizeof(*s->ev));
	s->touched = calloc(n + 1, sizeof(*s->touched));
	s->stamp = calloc(n + 1, sizeof(*s->stamp));
	return s->raw && s->top && s->ev && s->touched && s->stamp ? 0 : -1;
}

static void
scratch_free(scratch *s)
{
	free(s->raw);
	free(s->top);
	free(s->ev);
	free(s->touched);
	free(s->stamp);
}

/* One piece of evidence between a and b, of weight w. */
static void
add(const intro_graph *g, scratch *s, const note *a, const note *b, double w,
    evidence ev)
{
	size_t i = b->index;

	if (b == a || !intro_is_person(g, b) || w <= 0)
		return;
	if (s->raw[i] == 0)
		s->touched[s->ntouched++] = (uint32_t)i;
	s->raw[i] += w;
	if (w > s->top[i]) {
		s->top[i] = w;
		s->ev[i] = ev;
	}
}

/* Counts b once for the piece of evidence the stamp's generation stands
 * for. */
static int
first_time(scratch *s, const note *b)
{
	if (s->stamp[b->index] == s->gen)
		return 0;
	s->stamp[b->index] = s->gen;
	return 1;
}

static double
introduction(const intro_graph *g, const note *introduced)
{
	return decay(g->today, introduced->met.d != KITH_NO_DATE &&
	    introduced->met.d <= g->today ? introduced->met.d : KITH_NO_DATE);
}

static int
held(const intro_graph *g, const note *m)
{
	return m->type == NOTE_MEETING && usable(g, m) &&
	    m->date.d <= g->today;
}

/* a's colleagues: the people who work at c too. */
static void
colleagues(const intro_graph *g, scratch *s, const note *a, const note *c)
{
	const kith_journal *j = g->j;
	size_t i, n = graph_in_count(j, c);
	const edge *e;

	if (!usable(g, c))
		return;
	s->gen++;
	for (i = 0; i < n; i++) {
		e = graph_in_edge(j, c, i);
		if (e->kind == EDGE_WORKS_AT && first_time(s, edge_from(j, e)))
			add(g, s, a, edge_from(j, e), 0.5, (evidence){ EV_COMPANY,
			    c, 0, KITH_NO_DATE });
	}
}

/* What meeting m says of a and the others: they were there together
 * (unless it was a group meeting), and whom it names. */
static void
meeting(const intro_graph *g, scratch *s, const note *a, const note *m,
    int line)
{
	const kith_journal *j = g->j;
	const edge *out;
	size_t i, n;
	double d = decay(g->today, m->date.d);

	out = graph_out(j, m, &n);
	s->gen++;
	for (i = 0; i < n && !m->is_group; i++)
		if (out[i].kind == EDGE_ATTENDED &&
		    first_time(s, edge_to(j, &out[i])))
			add(g, s, a, edge_to(j, &out[i]), ((meeting_is_written(m) ?
			    0.5 : 1.0) + 0.5 * (double)m->gave.n) * d,
			    (evidence){ EV_MEETING, m, line, m->date.d });
	s->gen++;
	for (i = 0; i < n; i++)
		if (out[i].kind == EDGE_MENTIONS &&
		    first_time(s, edge_to(j, &out[i])))
			add(g, s, a, edge_to(j, &out[i]), 0.5 * d,
			    (evidence){ EV_MENTION, m, out[i].line, m->date.d });
}

/* a is named in meeting m: a link with each of its people. */
static void
named_in_meeting(const intro_graph *g, scratch *s, const note *a,
    const note *m, int line)
{
	const kith_journal *j = g->j;
	const edge *out;
	size_t i, n;

	out = graph_out(j, m, &n);
	s->gen++;
	for (i = 0; i < n; i++)
		if (out[i].kind == EDGE_ATTENDED &&
		    first_time(s, edge_to(j, &out[i])))
			add(g, s, a, edge_to(j, &out[i]), 0.5 * decay(g->today,
			    m->date.d), (evidence){ EV_MENTION, m, line,
			    m->date.d });
}

static int
link_order(const void *x, const void *y)
{
	const tie_link *a = x, *b = y;
	int c;

	if (a->strength != b->strength)
		return b->strength - a->strength;
	if ((c = name_cmp(a->to->display, b->to->display)) != 0)
		return c;
	return a->to->index < b->to->index ? -1 : a->to->index > b->to->index;
}

/* Gathers a's links into s (s->touched: the people, s->raw: how much). */
static void
gather(const intro_graph *g, scratch *s, const note *a)
{
	const kith_journal *j = g->j;
	const edge *out, *e;
	const note *from, *last_met = NULL, *last_named = NULL;
	size_t i, n;

	out = graph_out(j, a, &n);
	s->gen++;
	for (i = 0; i < n; i++) {
		e = &out[i];
		if (e->kind == EDGE_INTRODUCED_BY)
			add(g, s, a, edge_to(j, e), introduction(g, a),
			    (evidence){ EV_INTRODUCED, a, e->line, a->met.d });
		else if (e->kind == EDGE_WORKS_AT)
			colleagues(g, s, a, edge_to(j, e));
	}
	s->gen++;
	for (i = 0; i < n; i++)
		if (out[i].kind == EDGE_MENTIONS &&
		    first_time(s, edge_to(j, &out[i])))
			add(g, s, a, edge_to(j, &out[i]), 0.5,
			    (evidence){ EV_MENTION, a, out[i].line, KITH_NO_DATE });
	n = graph_in_count(j, a);
	for (i = 0; i < n; i++) {
		e = graph_in_edge(j, a, i);
		from = edge_from(j, e);
		if (e->kind == EDGE_INTRODUCED_BY)
			add(g, s, a, from, introduction(g, from),
			    (evidence){ EV_INTRODUCED, from, e->line, from->met.d });
		else if (e->kind == EDGE_ATTENDED && from != last_met) {
			if (held(g, from))
				meeting(g, s, a, from, e->line);
			last_met = from;
		} else if (e->kind == EDGE_MENTIONS && from != last_named) {
			if (held(g, from))
				named_in_meeting(g, s, a, from, e->line);
			else if (from->type != NOTE_MEETING)
				add(g, s, a, from, 0.5, (evidence){ EV_MENTION,
				    from, e->line, KITH_NO_DATE });
			last_named = from;
		}
	}
}

/* a's links, from what gather() left in s (which it clears). */
static tie_link *
links_of(const intro_graph *g, scratch *s, size_t *count, int *oom)
{
	tie_link *v;
	size_t i, n = 0, k;
	int st;

	*count = 0;
	v = s->ntouched ? malloc(s->ntouched * sizeof(*v)) : NULL;
	if (s->ntouched && v == NULL)
		*oom = 1;
	for (i = 0; i < s->ntouched; i++) {
		k = s->touched[i];
		st = to_strength(s->raw[k]);
		if (v != NULL && st > 0)
			v[n++] = (tie_link){ g->j->notes[k], st, s->ev[k] };
		s->raw[k] = 0;
		s->top[k] = 0;
	}
	s->ntouched = 0;
	if (n > 1)
		qsort(v, n, sizeof(*v), link_order);
	if (n == 0) {
		free(v);
		v = NULL;
	}
	*count = n;
	return v;
}

tie_link *
intro_links(const intro_graph *g, const note *a, size_t *n, int *oom)
{
	scratch s;
	tie_link *v;

	*n = 0;
	*oom = 0;
	if (scratch_init(&s, g->j->nnodes) < 0) {
		scratch_free(&s);
		*oom = 1;
		return NULL;
	}
	gather(g, &s, a);
	v = links_of(g, &s, n, oom);
	scratch_free(&s);
	return v;
}

tie_link *
intro_links_day(const kith_journal *j, kith_date today, const note *a,
    size_t *n, int *oom)
{
	intro_graph g;

	memset(&g, 0, sizeof(g));
	g.j = j;
	g.today = today;
	return intro_links(&g, a, n, oom);
}

int
intro_you(const intro_graph *g, const note *p, evidence *ev)
{
	if (ev != NULL)
		*ev = g->you_ev[p->index];
	return g->you[p->index];
}

/* Your link with p and its evidence: the latest held meeting, else
 * last_contact:. */
static int
you_of(intro_graph *g, const note *p)
{
	evidence *ev = &g->you_ev[p->index];
	size_t i;

	*ev = (evidence){ EV_CONTACT, p, 0, p->last_contact.d };
	for (i = p->nmeetings; i-- > 0;)
		if (held(g, p->meetings[i])) {
			*ev = (evidence){ EV_MET, p->meetings[i], 0,
			    p->meetings[i]->date.d };
			break;
		}
	if (ev->kind == EV_CONTACT && p->last_contact.d != KITH_NO_DATE &&
	    ev->date > g->today)
		ev->date = KITH_NO_DATE;
	return person_strength(p, g->today);
}

/* The best weakest link of v by a path of fewer than k + 1 links. */
static int
before(const intro_graph *g, size_t k, size_t v)
{
	int b = 0;

	while (k-- > 0)
		if (g->best[k][v] > b)
			b = g->best[k][v];
	return b;
}

/* Layer k from layer k - 1. */
static int
layer(intro_graph *g, scratch *s, size_t k)
{
	const kith_journal *j = g->j;
	size_t v, i, n;
	tie_link *l;
	int c, oom = 0;
	uint32_t w;

	for (v = 0; v < j->nnodes; v++) {
		if (g->best[k - 1][v] == 0)
			continue;
		gather(g, s, j->notes[v]);
		if ((l = links_of(g, s, &n, &oom)) == NULL && oom)
			return -1;
		for (i = 0; i < n; i++) {
			w = (uint32_t)l[i].to->index;
			c = l[i].strength < g->best[k - 1][v] ? l[i].strength :
			    g->best[k - 1][v];
			if (c > g->best[k][w] && c > before(g, k, w)) {
				g->best[k][w] = c;
				g->via[k][w] = l[i];
				g->from[k][w] = (uint32_t)v;
			}
		}
		free(l);
	}
	return 0;
}

intro_graph *
intro_graph_new(const kith_journal *j, kith_date today,
    const unsigned char *hidden)
{
	intro_graph *g;
	scratch s;
	size_t k, v, n = j->nnodes + 1;
	int ok;

	if ((g = calloc(1, sizeof(*g))) == NULL)
		return NULL;
	g->j = j;
	g->today = today;
	g->hidden = hidden;
	g->you = calloc(n, sizeof(*g->you));
	g->you_ev = calloc(n, sizeof(*g->you_ev));
	ok = g->you != NULL && g->you_ev != NULL;
	for (k = 0; k < INTRO_MAX_LINKS; k++) {
		g->best[k] = calloc(n, sizeof(*g->best[k]));
		g->via[k] = calloc(n, sizeof(*g->via[k]));
		g->from[k] = calloc(n, sizeof(*g->from[k]));
		ok = ok && g->best[k] && g->via[k] && g->from[k];
	}
	if (!ok || scratch_init(&s, j->nnodes) < 0) {
		if (ok)
			scratch_free(&s);
		intro_graph_free(g);
		return NULL;
	}
	for (v = 0; v < j->nnodes; v++)
		if (intro_is_person(g, j->notes[v]))
			g->best[0][v] = g->you[v] = you_of(g, j->notes[v]);
	for (k = 1; k < INTRO_MAX_LINKS; k++)
		if (layer(g, &s, k) < 0) {
			scratch_free(&s);
			intro_graph_free(g);
			return NULL;
		}
	scratch_free(&s);
	return g;
}

void
intro_graph_free(intro_graph *g)
{
	size_t k;

	if (g == NULL)
		return;
	free(g->you);
	free(g->you_ev);
	for (k = 0; k < INTRO_MAX_LINKS; k++) {
		free(g->best[k]);
		free(g->via[k]);
		free(g->from[k]);
	}
	free(g);
}

/* The path to v at layer k, into p. */
static void
path_at(const intro_graph *g, size_t k, size_t v, intro_path *p)
{
	size_t i = k + 1;

	p->n = k + 1;
	p->weakest = g->best[k][v];
	while (i-- > 0) {
		p->who[i] = g->j->notes[v];
		if (i == 0)
			p->links[0] = (tie_link){ p->who[0], g->you[v], g->you_ev[v] };
		else {
			p->links[i] = g->via[i][v];
			v = g->from[i][v];
		}
	}
}

/* The best path to v (the longest layer that reached it beat every
 * shorter one); 0 when there is none. */
static int
best_path(const intro_graph *g, size_t v, intro_path *p)
{
	size_t k = INTRO_MAX_LINKS;

	while (k-- > 0)
		if (g->best[k][v] > 0) {
			path_at(g, k, v, p);
			return 1;
		}
	return 0;
}

static int
path_order(const void *x, const void *y)
{
	const intro_path *a = x, *b = y;
	size_t i;
	int c;

	if ((a->n == 1) != (b->n == 1))
		return a->n == 1 ? -1 : 1;
	if (a->weakest != b->weakest)
		return b->weakest - a->weakest;
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = 0; i < a->n; i++) {
		if ((c = name_cmp(a->who[i]->display, b->who[i]->display)) != 0)
			return c;
		if (a->who[i] != b->who[i])
			return a->who[i]->index < b->who[i]->index ? -1 : 1;
	}
	return 0;
}

static int
push(intro_path **v, size_t *n, size_t *cap, const intro_path *p)
{
	intro_path *w;

	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		if ((w = realloc(*v, *cap * sizeof(*w))) == NULL)
			return -1;
		*v = w;
	}
	(*v)[(*n)++] = *p;
	return 0;
}

/* p, a path to one of t's links l (n of them), leads on to t as no
 * shorter path does: it does not pass t, nor anyone linked to t before
 * its end. */
static int
shortest(const intro_path *p, const note *t, const tie_link *l, size_t n)
{
	size_t i, k;

	for (i = 0; i < p->n; i++) {
		if (p->who[i] == t)
			return 0;
		for (k = 0; i + 1 < p->n && k < n; k++)
			if (l[k].to == p->who[i])
				return 0;
	}
	return 1;
}

/* Through each of target's links: the best path to the person at the
 * other end that does not pass target, and the link. */
static int
through_links(const intro_graph *g, const note *t, intro_path **v, size_t *n,
    size_t *cap)
{
	tie_link *l;
	size_t nl, i, k, x, best_k;
	int oom = 0, c, best_c;
	intro_path p;

	if ((l = intro_links(g, t, &nl, &oom)) == NULL && oom)
		return -1;
	for (i = 0; i < nl; i++) {
		x = l[i].to->index;
		best_c = 0;
		best_k = 0;
		for (k = 0; k + 1 < INTRO_MAX_LINKS; k++) {
			c = g->best[k][x] < l[i].strength ? g->best[k][x] :
			    l[i].strength;
			if (c > best_c) {
				best_c = c;
				best_k = k;
			}
		}
		if (best_c == 0)
			continue;
		path_at(g, best_k, x, &p);
		if (!shortest(&p, t, l, nl))
			continue;
		p.who[p.n] = t;
		p.links[p.n] = (tie_link){ t, l[i].strength, l[i].ev };
		p.n++;
		p.weakest = best_c;
		if (push(v, n, cap, &p) < 0) {
			free(l);
			return -1;
		}
	}
	free(l);
	return 0;
}

long
intro_paths(const intro_graph *g, const note *target, intro_path *out,
    size_t max)
{
	const kith_journal *j = g->j;
	intro_path *v = NULL, p;
	size_t n = 0, cap = 0, i, nin;
	const edge *e;
	int rc = 0;

	if (target->type == NOTE_COMPANY || (target->type == NOTE_UNRESOLVED &&
	    target->used_as_company)) {
		nin = graph_in_count(j, target);
		for (i = 0; i < nin && rc == 0; i++) {
			e = graph_in_edge(j, target, i);
			if (e->kind == EDGE_WORKS_AT &&
			    intro_is_person(g, edge_from(j, e)) &&
			    (g->you[e->from] > 0 ? path_at(g, 0, e->from, &p), 1 :
			    best_path(g, e->from, &p)))
				rc = push(&v, &n, &cap, &p);
		}
	} else if (intro_is_person(g, target)) {
		if (g->you[target->index] > 0) {
			path_at(g, 0, target->index, &p);
			rc = push(&v, &n, &cap, &p);
		}
		if (rc == 0)
			rc = through_links(g, target, &v, &n, &cap);
	}
	if (rc < 0) {
		free(v);
		return -1;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), path_order);
	for (i = 0; i < n && i < max; i++)
		out[i] = v[i];
	free(v);
	return (long)n;
}
