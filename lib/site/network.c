/*
 * network.c: the picture of the network on graph.html, laid out by
 * Graphviz (twopi, radial).  You are at the centre; around you the
 * companies of the NETWORK_PEOPLE people you are closest to (and those of
 * them with no company), then each person beside their company, so a
 * company's people stand together; a dashed line is an introduction.  A
 * name's size grows with the relationship's strength, and a target
 * company is drawn bold with a double border.  Fifty people keep every
 * name readable at any journal size, and the layout fast.
 */
#include <gvc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "site/network.h"

#define NETWORK_PEOPLE 50

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

/* A node is named by what it shows, so that the picture's titles (a
 * line's "Acme--Jane Doe") read as names; a second note of the same name
 * gets its index after it. */
static Agnode_t *
add_node(Agraph_t *g, Agnode_t **nodes, const network_in *in, note *n,
    int strength, kith_buf *tmp)
{
	char size[16];
	Agnode_t *v;
	int company = n->type == NOTE_COMPANY || (n->type == NOTE_UNRESOLVED &&
	    n->used_as_company);

	if (nodes[n->index] != NULL)
		return nodes[n->index];
	buf_reset(tmp);
	buf_puts(tmp, n->display);
	if (!tmp->oom && agnode(g, tmp->data, 0) != NULL)
		buf_printf(tmp, " (%zu)", n->index);
	if (tmp->oom || (v = agnode(g, tmp->data, 1)) == NULL)
		return NULL;
	set_label(tmp, v, n->display);
	if (in->url[n->index] != NULL)
		gv_set(v, "URL", in->url[n->index]);
	if (company) {
		gv_set(v, "shape", "box");
		gv_set(v, "class", n->target.yes ? "company target" : "company");
		if (n->target.yes) {
			gv_set(v, "peripheries", "2");
			gv_set(v, "fontname", "Helvetica-Bold");
		}
	} else {
		/* 12 to 20 points, by strength (0 to 100) */
		snprintf(size, sizeof(size), "%d", 12 + (strength > 0 ?
		    (strength > 100 ? 100 : strength) * 8 / 100 : 0));
		gv_set(v, "fontsize", size);
		gv_set(v, "class", "person");
	}
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

/* Keeps the <svg> element of Graphviz's output, with kith's class. */
static int
keep_svg(kith_buf *out, const char *svg, size_t len)
{
	const char *start = strstr(svg, "<svg");

	if (start == NULL)
		return -1;
	/* a group, not an image: its names are links a screen reader must
	 * reach */
	buf_puts(out, "<svg class=\"network\" role=\"group\" aria-label=\"Your "
	    "network\"");
	start += 4;
	buf_put(out, start, len - (size_t)(start - svg));
	return 0;
}

int
network_svg(const kith_journal *j, const network_in *in, kith_buf *out)
{
	pick *picks = NULL;
	Agnode_t **nodes = NULL, *me, *v, *at;
	Agedge_t *e;
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	kith_buf tmp = KITH_BUF_INIT;
	size_t i, n = 0;
	note *p, *c;
	char *svg = NULL, name[] = "network";
	unsigned int len;
	int rc = -1;

	picks = calloc(j->nnodes + 1, sizeof(*picks));
	nodes = calloc(j->nnodes + 1, sizeof(*nodes));
	if (picks == NULL || nodes == NULL)
		goto out;
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (note_is_person(p) && !p->is_owner && !in->hidden[i] &&
		    in->strength[i] > 0)
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
	gv_default(g, AGRAPH, "layout", "twopi");
	gv_default(g, AGRAPH, "ranksep", "1.1");
	gv_default(g, AGRAPH, "overlap", "prism");
	gv_default(g, AGRAPH, "bgcolor", "transparent");
	gv_default(g, AGRAPH, "outputorder", "edgesfirst");
	gv_default(g, AGNODE, "fontname", "Helvetica");
	gv_default(g, AGNODE, "fontsize", "13");
	gv_default(g, AGNODE, "height", "0.3");
	gv_default(g, AGNODE, "margin", "0.06,0.03");
	gv_default(g, AGEDGE, "style", "solid");
	/* you, the root of the rings */
	if ((me = agnode(g, name, 1)) == NULL)
		goto out;
	gv_set(me, "label", "You");
	gv_set(me, "class", "me");
	gv_set(me, "shape", "circle");
	gv_set(me, "fontsize", "16");
	gv_set(me, "root", "true");
	if (j->owner != NULL && !in->hidden[j->owner->index] &&
	    in->url[j->owner->index] != NULL)
		gv_set(me, "URL", in->url[j->owner->index]);
	for (i = 0; i < n; i++) {
		p = picks[i].n;
		if ((v = add_node(g, nodes, in, p, picks[i].strength, &tmp)) ==
		    NULL)
			goto out;
		c = p->company.to;
		if (c != NULL && !in->hidden[c->index]) {
			if ((at = add_node(g, nodes, in, c, 0, &tmp)) == NULL)
				goto out;
			add_edge(g, me, at);
			add_edge(g, at, v);
		} else {
			add_edge(g, me, v);
		}
	}
	for (i = 0; i < n; i++) {
		p = picks[i].n;
		if (chosen(nodes, p->introduced_by.to) &&
		    (e = agedge(g, nodes[p->introduced_by.to->index],
		    nodes[p->index], NULL, 1)) != NULL)
			gv_set(e, "style", "dashed");
	}
	if (gvLayout(gvc, g, "twopi") != 0)
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
