/*
 * network.c: the picture of the network on graph.html, laid out by
 * Graphviz (sfdp).  Only the strongest NETWORK_PEOPLE people and their
 * companies are drawn, so the picture stays readable and the layout fast
 * at any journal size.  Edges: works at, introduced by, and met together.
 */
#include <gvc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "site/network.h"

#define NETWORK_PEOPLE 150
/* Meetings with more people than this add no met-together edges (a
 * conference would tie everyone to everyone). */
#define NETWORK_MAX_WITH 8

static int graphviz_errors;

/* Graphviz does not survive a second context in one process: kith makes
 * one, the first time it is needed, and keeps it. */
static GVC_t *graphviz;
static pthread_once_t graphviz_once = PTHREAD_ONCE_INIT;

static void
graphviz_start(void)
{
	graphviz = gvContext();
}

/* Graphviz takes char *, not const char *: hand it copies. */
static void
gv_set(void *obj, const char *name, const char *value)
{
	char *n = strdup(name), *v = strdup(value), empty[1] = "";

	if (n != NULL && v != NULL)
		agsafeset(obj, n, v, empty);
	free(n);
	free(v);
}

static void
gv_default(Agraph_t *g, int kind, const char *name, const char *value)
{
	char *n = strdup(name), *v = strdup(value);

	if (n != NULL && v != NULL)
		agattr(g, kind, n, v);
	free(n);
	free(v);
}

static int
quiet(char *message)
{
	(void)message;
	graphviz_errors++;
	return 0;
}

typedef struct pick {
	note *n;
	int strength;
} pick;

static int
pick_order(const void *a, const void *b)
{
	const pick *x = a, *y = b;

	if (x->strength != y->strength)
		return x->strength > y->strength ? -1 : 1;
	return strcmp(x->n->path[0] ? x->n->path : x->n->display,
	    y->n->path[0] ? y->n->path : y->n->display);
}

/* Graphviz reads backslashes in labels as escapes: double them. */
static void
set_label(kith_buf *tmp, void *obj, const char *name)
{
	const char *p;

	buf_reset(tmp);
	for (p = name; *p; p++) {
		if (*p == '\\')
			buf_putc(tmp, '\\');
		buf_putc(tmp, *p);
	}
	if (!tmp->oom)
		gv_set(obj, "label", tmp->data);
}

static Agnode_t *
add_node(Agraph_t *g, Agnode_t **nodes, const network_in *in, note *n,
    kith_buf *tmp)
{
	char id[32];
	Agnode_t *v;

	if (nodes[n->index] != NULL)
		return nodes[n->index];
	snprintf(id, sizeof(id), "n%zu", n->index);
	if ((v = agnode(g, id, 1)) == NULL)
		return NULL;
	set_label(tmp, v, n->display);
	if (in->url[n->index] != NULL)
		gv_set(v, "URL", in->url[n->index]);
	if (n->type == NOTE_COMPANY || (n->type == NOTE_UNRESOLVED &&
	    n->used_as_company))
		gv_set(v, "shape", "box");
	nodes[n->index] = v;
	return v;
}

static void
add_edge(Agraph_t *g, Agnode_t *a, Agnode_t *b)
{
	if (a != NULL && b != NULL && a != b && agedge(g, a, b, NULL, 0) == NULL)
		agedge(g, a, b, NULL, 1);
}

static int
chosen(Agnode_t **nodes, const note *n)
{
	return n != NULL && nodes[n->index] != NULL;
}

/* Met-together edges among the chosen people. */
static void
add_meetings(Agraph_t *g, Agnode_t **nodes, const kith_journal *j,
    const network_in *in)
{
	size_t i, a, b, n;
	const note *m, *p, *q;
	const edge *out;

	for (i = 0; i < j->nnotes; i++) {
		m = j->notes[i];
		if (m->type != NOTE_MEETING || m->skipped || in->hidden[m->index] ||
		    m->with.n > NETWORK_MAX_WITH)
			continue;
		/* the people it was with: its attended edges */
		out = graph_out(j, m, &n);
		for (a = 0; a < n; a++)
			for (b = a + 1; b < n; b++) {
				if (out[a].kind != EDGE_ATTENDED ||
				    out[b].kind != EDGE_ATTENDED)
					continue;
				p = edge_to(j, &out[a]);
				q = edge_to(j, &out[b]);
				if (chosen(nodes, p) && chosen(nodes, q))
					add_edge(g, nodes[p->index], nodes[q->index]);
			}
	}
}

/* Keeps the <svg> element of Graphviz's output, with kith's class. */
static int
keep_svg(kith_buf *out, const char *svg, size_t len)
{
	const char *start = strstr(svg, "<svg");

	if (start == NULL)
		return -1;
	buf_puts(out, "<svg class=\"network\" role=\"img\" aria-label=\"Your "
	    "network\"");
	start += 4;
	buf_put(out, start, len - (size_t)(start - svg));
	return 0;
}

int
network_svg(const kith_journal *j, const network_in *in, kith_buf *out)
{
	pick *picks = NULL;
	Agnode_t **nodes = NULL;
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	kith_buf tmp = KITH_BUF_INIT;
	size_t i, n = 0;
	note *p;
	char *svg = NULL, name[] = "network";
	unsigned int len;
	int rc = -1;

	picks = calloc(j->nnodes + 1, sizeof(*picks));
	nodes = calloc(j->nnodes + 1, sizeof(*nodes));
	if (picks == NULL || nodes == NULL)
		goto out;
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (note_is_person(p) && !p->is_owner && !in->hidden[i])
			picks[n++] = (pick){ p, in->strength[i] };
	}
	qsort(picks, n, sizeof(*picks), pick_order);
	if (n > NETWORK_PEOPLE)
		n = NETWORK_PEOPLE;
	agseterrf(quiet);
	agseterr(AGMAX);
	pthread_once(&graphviz_once, graphviz_start);
	if ((gvc = graphviz) == NULL ||
	    (g = agopen(name, Agundirected, NULL)) == NULL)
		goto out;
	gv_default(g, AGRAPH, "layout", "sfdp");
	gv_default(g, AGRAPH, "overlap", "prism");
	gv_default(g, AGRAPH, "start", "1");
	gv_default(g, AGRAPH, "bgcolor", "transparent");
	gv_default(g, AGRAPH, "outputorder", "edgesfirst");
	gv_default(g, AGNODE, "fontname", "Helvetica");
	gv_default(g, AGNODE, "fontsize", "11");
	gv_default(g, AGNODE, "height", "0.3");
	for (i = 0; i < n; i++)
		if (add_node(g, nodes, in, picks[i].n, &tmp) == NULL)
			goto out;
	for (i = 0; i < n; i++) {
		p = picks[i].n;
		if (p->company.to != NULL && !in->hidden[p->company.to->index])
			add_edge(g, nodes[p->index],
			    add_node(g, nodes, in, p->company.to, &tmp));
		if (chosen(nodes, p->introduced_by.to))
			add_edge(g, nodes[p->index],
			    nodes[p->introduced_by.to->index]);
	}
	add_meetings(g, nodes, j, in);
	if (gvLayout(gvc, g, "sfdp") != 0)
		goto out;
	if (gvRenderData(gvc, g, "svg", &svg, &len) == 0 && !tmp.oom)
		rc = keep_svg(out, svg, len);
	gvFreeRenderData(svg);
	gvFreeLayout(gvc, g);
out:
	if (g != NULL)
		agclose(g);
	buf_free(&tmp);
	free(picks);
	free(nodes);
	return rc;
}
