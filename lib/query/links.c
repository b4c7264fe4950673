/*
 * links.c: who links to whom and how strongly (docs/cli.md, kith intro).
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
 * week 39.  A link of strength 0 is none.  Links are the same both ways.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "query/links.h"

#define HALF_LIFE_DAYS 180.0

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
	return (g->fact[n->index] & F_PERSON) != 0;
}

int
facts_of(intro_graph *g)
{
	const kith_journal *j = g->j;
	const note *n;
	size_t i;

	g->fact = calloc(j->nnodes + 1, 1);
	g->weight = calloc(j->nnodes + 1, sizeof(*g->weight));
	g->fade = calloc(j->nnodes + 1, sizeof(*g->fade));
	if (g->fact == NULL || g->weight == NULL || g->fade == NULL)
		return -1;
	for (i = 0; i < j->nnodes; i++) {
		n = j->notes[i];
		if (!usable(g, n))
			continue;
		if (note_is_person(n) && !n->is_owner)
			g->fact[i] |= F_PERSON;
		if (n->type != NOTE_MEETING || n->date.d > g->today)
			continue;
		g->fact[i] |= F_HELD | (n->is_group ? F_GROUP : 0);
		g->fade[i] = (float)decay(g->today, n->date.d);
		g->weight[i] = (float)((meeting_is_written(n) ? 0.5 : 1.0) +
		    0.5 * (double)n->gave.n) * g->fade[i];
	}
	return 0;
}

void
facts_free(intro_graph *g)
{
	free(g->fact);
	free(g->weight);
	free(g->fade);
}

int
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

void
scratch_free(scratch *s)
{
	free(s->raw);
	free(s->top);
	free(s->ev);
	free(s->touched);
	free(s->stamp);
}

/* One piece of evidence between a and b (nodes by index), of weight w:
 * nothing of either note is read but the graph's facts. */
static void
add(const intro_graph *g, scratch *s, size_t a, size_t b, double w,
    evidence ev)
{
	if (b == a || !(g->fact[b] & F_PERSON) || w <= 0)
		return;
	if (s->raw[b] == 0)
		s->touched[s->ntouched++] = (uint32_t)b;
	s->raw[b] += w;
	if (w > s->top[b]) {
		s->top[b] = w;
		s->ev[b] = ev;
	}
}

/* Counts b once for the piece of evidence the stamp's generation stands
 * for. */
static int
first_time(scratch *s, size_t b)
{
	if (s->stamp[b] == s->gen)
		return 0;
	s->stamp[b] = s->gen;
	return 1;
}

static double
introduction(const intro_graph *g, const note *introduced)
{
	return decay(g->today, introduced->met.d != KITH_NO_DATE &&
	    introduced->met.d <= g->today ? introduced->met.d : KITH_NO_DATE);
}

/* a's colleagues: the people who work at c too. */
static void
colleagues(const intro_graph *g, scratch *s, size_t a, size_t c)
{
	const kith_journal *j = g->j;
	size_t i;
	uint32_t b;

	if (g->hidden != NULL && g->hidden[c])
		return;
	s->gen++;
	for (i = g->staff_start[c]; i < g->staff_start[c + 1]; i++)
		if (first_time(s, b = g->staff[i]))
			add(g, s, a, b, 0.5, (evidence){ EV_COMPANY, j->notes[c], 0,
			    KITH_NO_DATE });
}

/* What held meeting m says of a and the others: they were there together
 * (unless it was a group meeting), and whom it names. */
static void
meeting(const intro_graph *g, scratch *s, size_t a, size_t m, int line)
{
	const kith_journal *j = g->j;
	const note *mn = j->notes[m];
	const edge *out;
	size_t i, n;
	double w = g->weight[m], d = g->fade[m];

	out = graph_out(j, mn, &n);
	s->gen++;
	for (i = 0; i < n && !(g->fact[m] & F_GROUP); i++)
		if (out[i].kind == EDGE_ATTENDED && first_time(s, out[i].to))
			add(g, s, a, out[i].to, w, (evidence){ EV_MEETING, mn, line,
			    mn->date.d });
	s->gen++;
	for (i = 0; i < n; i++)
		if (out[i].kind == EDGE_MENTIONS && first_time(s, out[i].to))
			add(g, s, a, out[i].to, 0.5 * d, (evidence){ EV_MENTION, mn,
			    out[i].line, mn->date.d });
}

/* a is named in held meeting m: a link with each of its people. */
static void
named_in_meeting(const intro_graph *g, scratch *s, size_t a, size_t m,
    int line)
{
	const kith_journal *j = g->j;
	const note *mn = j->notes[m];
	const edge *out;
	size_t i, n;

	out = graph_out(j, mn, &n);
	s->gen++;
	for (i = 0; i < n; i++)
		if (out[i].kind == EDGE_ATTENDED && first_time(s, out[i].to))
			add(g, s, a, out[i].to, 0.5 * g->fade[m], (evidence){
			    EV_MENTION, mn, line, mn->date.d });
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
	size_t i, n, ai = a->index, from, last_met = (size_t)-1,
	    last_named = (size_t)-1;

	out = graph_out(j, a, &n);
	s->gen++;
	for (i = 0; i < n; i++) {
		e = &out[i];
		if (e->kind == EDGE_INTRODUCED_BY)
			add(g, s, ai, e->to, introduction(g, a),
			    (evidence){ EV_INTRODUCED, a, e->line, a->met.d });
		else if (e->kind == EDGE_WORKS_AT)
			colleagues(g, s, ai, e->to);
	}
	s->gen++;
	for (i = 0; i < n; i++)
		if (out[i].kind == EDGE_MENTIONS && first_time(s, out[i].to))
			add(g, s, ai, out[i].to, 0.5, (evidence){ EV_MENTION, a,
			    out[i].line, KITH_NO_DATE });
	n = graph_in_count(j, a);
	for (i = 0; i < n; i++) {
		e = graph_in_edge(j, a, i);
		from = e->from;
		if (e->kind == EDGE_INTRODUCED_BY) {
			if (g->fact[from] & F_PERSON)
				add(g, s, ai, from, introduction(g, j->notes[from]),
				    (evidence){ EV_INTRODUCED, j->notes[from],
				    e->line, j->notes[from]->met.d });
		} else if (e->kind == EDGE_ATTENDED && from != last_met) {
			if (g->fact[from] & F_HELD)
				meeting(g, s, ai, from, e->line);
			last_met = from;
		} else if (e->kind == EDGE_MENTIONS && from != last_named) {
			if (g->fact[from] & F_HELD)
				named_in_meeting(g, s, ai, from, e->line);
			else if (g->fact[from] & F_PERSON)
				add(g, s, ai, from, 0.5, (evidence){ EV_MENTION,
				    j->notes[from], e->line, KITH_NO_DATE });
			last_named = from;
		}
	}
}

/* a's links, from what gather() left in s (which it clears). */
static tie_link *
links_of(const intro_graph *g, scratch *s, size_t *count, int *oom, int sort)
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
	if (sort && n > 1)
		qsort(v, n, sizeof(*v), link_order);
	if (n == 0) {
		free(v);
		v = NULL;
	}
	*count = n;
	return v;
}

tie_link *
links_gather(const intro_graph *g, scratch *s, const note *a, size_t *count,
    int *oom, int sort)
{
	*oom = 0;
	gather(g, s, a);
	return links_of(g, s, count, oom, sort);
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
	v = links_of(g, &s, n, oom, 1);
	scratch_free(&s);
	return v;
}

tie_link *
intro_links_day(const kith_journal *j, kith_date today, const note *a,
    size_t *n, int *oom)
{
	intro_graph g;
	tie_link *v = NULL;

	memset(&g, 0, sizeof(g));
	g.j = j;
	g.today = today;
	*n = 0;
	*oom = 0;
	if (facts_of(&g) < 0 || staff_of(&g) < 0)
		*oom = 1;
	else
		v = intro_links(&g, a, n, oom);
	facts_free(&g);
	free(g.staff_start);
	free(g.staff);
	return v;
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
int
you_of(intro_graph *g, const note *p)
{
	evidence *ev = &g->you_ev[p->index];
	size_t i;

	*ev = (evidence){ EV_CONTACT, p, 0, p->last_contact.d };
	for (i = p->nmeetings; i-- > 0;)
		if (g->fact[p->meetings[i]->index] & F_HELD) {
			*ev = (evidence){ EV_MET, p->meetings[i], 0,
			    p->meetings[i]->date.d };
			break;
		}
	if (ev->kind == EV_CONTACT && p->last_contact.d != KITH_NO_DATE &&
	    ev->date > g->today)
		ev->date = KITH_NO_DATE;
	return person_strength(p, g->today);
}

/* Each company's people (works at), once: a company's edges in are
 * mostly its meetings. */
int
staff_of(intro_graph *g)
{
	const kith_journal *j = g->j;
	size_t i, n = 0;
	const edge *e;

	g->staff_start = calloc(j->nnodes + 2, sizeof(*g->staff_start));
	if (g->staff_start == NULL)
		return -1;
	for (i = 0; i < j->nedges; i++)
		if (j->edges[i].kind == EDGE_WORKS_AT) {
			g->staff_start[j->edges[i].to + 1]++;
			n++;
		}
	for (i = 0; i < j->nnodes; i++)
		g->staff_start[i + 1] += g->staff_start[i];
	if ((g->staff = malloc((n + 1) * sizeof(*g->staff))) == NULL)
		return -1;
	/* fill in the order of the edges, which is the notes' order */
	for (i = 0; i < j->nedges; i++) {
		e = &j->edges[i];
		if (e->kind == EDGE_WORKS_AT)
			g->staff[g->staff_start[e->to]++] = e->from;
	}
	for (i = j->nnodes; i > 0; i--)
		g->staff_start[i] = g->staff_start[i - 1];
	g->staff_start[0] = 0;
	return 0;
}

