/*
 * paths.c: warm introduction paths (docs/cli.md, kith intro): the best
 * paths from you through the links of links.c, ranked by the weakest
 * link, then by the length (at most INTRO_MAX_LINKS links).
 *
 * To everyone (the dashboard's warm paths into each company, kith intro
 * COMPANY): one search from you, by layers: best[k][v] is the best
 * weakest link of a path of k + 1 links to v that beats every shorter
 * one (a path that does not is never worth extending).  To one person
 * (kith intro PERSON): the same search from their side, which reads only
 * the links of the people near them; one path through each person you
 * know.  Ties keep the first path found, in the order of the notes'
 * paths: the same journal always gives the same paths.
 */
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "query/links.h"

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
		/* the order of v's links decides nothing: a tie at w is
		 * kept by the first v, in the notes' order */
		if ((l = links_gather(g, s, j->notes[v], &n, &oom, 0)) == NULL &&
		    oom)
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
    const unsigned char *hidden, int everyone)
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
	for (k = 0; everyone && k < INTRO_MAX_LINKS; k++) {
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
	if (facts_of(g) < 0 || staff_of(g) < 0) {
		scratch_free(&s);
		intro_graph_free(g);
		return NULL;
	}
	for (v = 0; v < j->nnodes; v++)
		if (intro_is_person(g, j->notes[v]))
			g->you[v] = you_of(g, j->notes[v]);
	if (everyone)
		memcpy(g->best[0], g->you, n * sizeof(*g->you));
	for (k = 1; everyone && k < INTRO_MAX_LINKS; k++)
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
	free(g->staff_start);
	free(g->staff);
	facts_free(g);
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

#define UNBOUNDED 101	/* the weakest link of no link at all */

/* The best weakest link of a path of fewer than k + 1 links from w to
 * the target (toward()'s best). */
static int
before_toward(int *const *best, size_t k, size_t w)
{
	int b = 0;

	while (k-- > 0)
		if (best[k][w] > b)
			b = best[k][w];
	return b;
}

/* The best path from you through x: the link with x and x's best way on
 * (toward()'s best, next and via); 0 when there is none. */
static int
through(const intro_graph *g, int *const *best, uint32_t *const *next,
    tie_link *const *via, size_t x, intro_path *p)
{
	const kith_journal *j = g->j;
	size_t k, best_k = 0, i, w;
	int c, best_c = 0;

	if (g->you[x] <= 0)
		return 0;
	for (k = 0; k < INTRO_MAX_LINKS; k++) {
		c = g->you[x] < best[k][x] ? g->you[x] : best[k][x];
		if (c > best_c) {
			best_c = c;
			best_k = k;
		}
	}
	if (best_c == 0)
		return 0;
	p->n = best_k + 1;
	p->weakest = best_c;
	p->who[0] = j->notes[x];
	p->links[0] = (tie_link){ j->notes[x], g->you[x], g->you_ev[x] };
	for (w = x, i = 1, k = best_k; k > 0; k--, i++) {
		p->links[i] = via[k][w];
		w = next[k][w];
		p->who[i] = j->notes[w];
	}
	return 1;
}

/* Leaves out of v (sorted) a path through someone you know whose own
 * path comes before it: ask them yourself.  Returns the paths kept, or
 * (size_t)-1 when out of memory. */
static size_t
no_detours(const intro_graph *g, intro_path *v, size_t n)
{
	unsigned char *first = calloc(g->j->nnodes + 1, 1);
	size_t i, k, kept = 0;

	if (first == NULL)
		return (size_t)-1;
	for (i = 0; i < n; i++) {
		for (k = 1; k + 1 < v[i].n && !first[v[i].who[k]->index]; k++)
			;
		if (k + 1 < v[i].n)
			continue;
		first[v[i].who[0]->index] = 1;
		v[kept++] = v[i];
	}
	free(first);
	return kept;
}

/* Every path through someone you know, into *v (sorted). */
static int
candidates(const intro_graph *g, int *const *best, uint32_t *const *next,
    tie_link *const *via, intro_path **v, size_t *n, size_t *cap)
{
	size_t x;
	intro_path p;

	*n = 0;
	for (x = 0; x < g->j->nnodes; x++)
		if (through(g, best, next, via, x, &p) && push(v, n, cap, &p) < 0)
			return -1;
	if (*n > 1)
		qsort(*v, *n, sizeof(**v), path_order);
	return 0;
}

/*
 * The search from t's side: best[k][w] is the best weakest link of a
 * path of k links from w to t that beats every shorter one, next[k][w]
 * the person after w on it and via[k][w] the link there.  Then one path
 * through each person you know: the link with them, and their best way
 * on to t.  In a journal where everyone is near everyone, the last layer
 * would read every person's links: a person there is passed over when
 * max paths already beat whatever could go through them (a longer path
 * whose weakest link is no stronger).
 */
static int
toward(const intro_graph *g, const note *t, size_t max, intro_path **v,
    size_t *n, size_t *cap)
{
	const kith_journal *j = g->j;
	int *best[INTRO_MAX_LINKS] = { NULL };
	uint32_t *next[INTRO_MAX_LINKS] = { NULL };
	tie_link *via[INTRO_MAX_LINKS] = { NULL };
	size_t nn = j->nnodes + 1, k, x, w, i, nl;
	int oom = 0, c, rc = -1, ok = 1, bound = 0;
	tie_link *l;
	scratch s;

	for (k = 0; k < INTRO_MAX_LINKS; k++) {
		best[k] = calloc(nn, sizeof(*best[k]));
		next[k] = calloc(nn, sizeof(*next[k]));
		via[k] = calloc(nn, sizeof(*via[k]));
		ok = ok && best[k] && next[k] && via[k];
	}
	if (scratch_init(&s, j->nnodes) < 0 || !ok)
		goto out;
	best[0][t->index] = UNBOUNDED;
	for (k = 1; k < INTRO_MAX_LINKS; k++) {
		if (k + 1 == INTRO_MAX_LINKS) {
			if (candidates(g, best, next, via, v, n, cap) < 0 ||
			    (*n = no_detours(g, *v, *n)) == (size_t)-1)
				goto out;
			if (*n >= max && max > 0)
				bound = (*v)[max - 1].n == 1 ? UNBOUNDED :
				    (*v)[max - 1].weakest;
		}
		for (x = 0; x < j->nnodes; x++) {
			if (best[k - 1][x] == 0 || best[k - 1][x] <= bound)
				continue;
			l = links_gather(g, &s, j->notes[x], &nl, &oom, 0);
			if (l == NULL && oom)
				goto out;
			for (i = 0; i < nl; i++) {
				w = l[i].to->index;
				c = l[i].strength < best[k - 1][x] ? l[i].strength :
				    best[k - 1][x];
				if (c > best[k][w] && c > before_toward(best, k, w)) {
					best[k][w] = c;
					next[k][w] = (uint32_t)x;
					via[k][w] = (tie_link){ j->notes[x],
					    l[i].strength, l[i].ev };
				}
			}
			free(l);
		}
	}
	rc = candidates(g, best, next, via, v, n, cap);
out:
	scratch_free(&s);
	for (k = 0; k < INTRO_MAX_LINKS; k++) {
		free(best[k]);
		free(next[k]);
		free(via[k]);
	}
	return rc;
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
		if (g->best[0] == NULL)
			return -1;	/* made without everyone */
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
		rc = toward(g, target, max, &v, &n, &cap);
	}
	if (rc < 0) {
		free(v);
		return -1;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), path_order);
	if (intro_is_person(g, target) && (n = no_detours(g, v, n)) == (size_t)-1) {
		free(v);
		return -1;
	}
	for (i = 0; i < n && i < max; i++)
		out[i] = v[i];
	free(v);
	return (long)n;
}
