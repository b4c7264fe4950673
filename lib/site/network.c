/*
 * network.c: the picture of the network on graph.html, laid out by
 * Graphviz (neato).  You are at the centre, pinned; around you the
 * NETWORK_PEOPLE strongest people, each tied to you by a line whose
 * length shrinks as the relationship grows, their names the larger the
 * stronger; their companies are boxes they gather around, a target
 * company marked with a star.  Lines also join people introduced by one
 * another and people who met together.  Fifty people read at any journal
 * size, and the layout stays fast.  Nodes are named after the people, so
 * what a browser shows on hovering names them.
 */
#include <gvc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rules/rules.h"
#include "site/network.h"

#define NETWORK_PEOPLE 50
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
set_label(void *obj, const char *name)
{
	kith_buf label = KITH_BUF_INIT;
	const char *p;

	for (p = name; *p; p++) {
		if (*p == '\\')
			buf_putc(&label, '\\');
		buf_putc(&label, *p);
	}
	if (!label.oom)
		gv_set(obj, "label", label.data ? label.data : "");
	buf_free(&label);
}

/* A node named after the note (Graphviz's <title>), "Name (2)" when two
 * share a name. */
static Agnode_t *
named_node(Agraph_t *g, const note *n, kith_buf *tmp)
{
	int k;

	for (k = 1; k < 100; k++) {
		buf_reset(tmp);
		buf_puts(tmp, n->display);
		if (k > 1)
			buf_printf(tmp, " (%d)", k);
		if (tmp->oom)
			return NULL;
		if (agnode(g, tmp->data, 0) == NULL)
			return agnode(g, tmp->data, 1);
	}
	return NULL;
}

static int
is_company(const note *n)
{
	return n->type == NOTE_COMPANY || (n->type == NOTE_UNRESOLVED &&
	    n->used_as_company);
}

static Agnode_t *
add_node(Agraph_t *g, Agnode_t **nodes, const network_in *in, note *n,
    kith_buf *tmp)
{
	char size[16];
	Agnode_t *v;
	int strength = in->strength[n->index];

	if (nodes[n->index] != NULL)
		return nodes[n->index];
	if ((v = named_node(g, n, tmp)) == NULL)
		return NULL;
	buf_reset(tmp);
	if (is_company(n) && company_is_target(n))
		buf_puts(tmp, "\xe2\x98\x85 ");	/* a star: a target */
	buf_puts(tmp, n->display);
	if (!tmp->oom)
		set_label(v, tmp->data);
	if (in->url[n->index] != NULL)
		gv_set(v, "URL", in->url[n->index]);
	if (is_company(n)) {
		gv_set(v, "shape", "box");
		gv_set(v, "fontsize", "12");
		gv_set(v, "class", company_is_target(n) ? "company target" :
		    "company");
	} else {
		/* 11 to 18 units: the stronger, the larger */
		snprintf(size, sizeof(size), "%d", 11 + strength * 7 / 100);
		gv_set(v, "fontsize", size);
		gv_set(v, "class", strength >= 50 ? "person strong" : "person");
	}
	nodes[n->index] = v;
	return v;
}

static Agedge_t *
add_edge(Agraph_t *g, Agnode_t *a, Agnode_t *b, const char *class)
{
	Agedge_t *e;

	if (a == NULL || b == NULL || a == b || agedge(g, a, b, NULL, 0) != NULL)
		return NULL;
	if ((e = agedge(g, a, b, NULL, 1)) != NULL)
		gv_set(e, "class", class);
	return e;
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
					add_edge(g, nodes[p->index], nodes[q->index],
					    "met");
			}
	}
}

/* The picture is drawn at SCALE pixels a unit of Graphviz's (a point):
 * names of 11 to 18 units read at 9 to 15 px; a larger picture scrolls
 * in its card (site.css). */
#define SCALE 0.85

/* The <svg> start tag, its width and height in pixels at SCALE. */
static const char *
put_svg_start(kith_buf *out, const char *at)
{
	const char *close = strchr(at, '>'), *attr;
	size_t n;

	if (close == NULL)
		return at;
	while (at < close) {
		attr = at + strspn(at, " \n");
		if (attr >= close)
			break;
		n = strcspn(attr, "\"");	/* name="value" */
		if (attr + n >= close)
			break;
		n += 1 + strcspn(attr + n + 1, "\"") + 1;
		buf_putc(out, ' ');
		if (strncmp(attr, "width=\"", 7) == 0)
			buf_printf(out, "width=\"%.0f\"", atof(attr + 7) * SCALE);
		else if (strncmp(attr, "height=\"", 8) == 0)
			buf_printf(out, "height=\"%.0f\"", atof(attr + 8) * SCALE);
		else
			buf_put(out, attr, n);
		at = attr + n;
	}
	return at;
}

/* Is the title at t an edge's: is the group it opens <g id="edgeN">? */
static int
in_edge(const char *svg, const char *t)
{
	const char *g;

	for (g = t; g > svg && t - g < 256; g--)
		if (strncmp(g, "<g id=\"", 7) == 0)
			return strncmp(g + 7, "edge", 4) == 0;
	return 0;
}

/* Keeps the <svg> element of Graphviz's output, with kith's class, its
 * titles naming people: an edge's "A&#45;&#45;B" is "A \xe2\x80\x93 B" (a
 * name's own dashes are &#45; too, and a line joins two names).  A group,
 * not an image: its links stay reachable. */
static int
keep_svg(kith_buf *out, const char *svg, size_t len)
{
	const char *at = strstr(svg, "<svg"), *end = svg + len, *t, *close;
	const char *dash;

	if (at == NULL)
		return -1;
	buf_puts(out, "<svg class=\"network\" role=\"group\" aria-label=\""
	    "Your network\"");
	at = put_svg_start(out, at + 4);
	while ((t = strstr(at, "<title>")) != NULL &&
	    (close = strstr(t, "</title>")) != NULL && close < end) {
		t += 7;
		buf_put(out, at, (size_t)(t - at));
		if (in_edge(svg, t) && (dash = strstr(t, "&#45;&#45;")) != NULL &&
		    dash < close) {
			buf_put(out, t, (size_t)(dash - t));
			buf_puts(out, " \xe2\x80\x93 ");
			t = dash + 10;
		}
		buf_put(out, t, (size_t)(close - t));
		at = close;
	}
	buf_put(out, at, (size_t)(end - at));
	return 0;
}

/* You, at the centre: the owner's note, or "You". */
static Agnode_t *
add_centre(Agraph_t *g, const kith_journal *j)
{
	char you[] = "You";
	Agnode_t *v = agnode(g, you, 1);

	if (v == NULL)
		return NULL;
	set_label(v, j->owner != NULL ? j->owner->display : "You");
	gv_set(v, "pos", "0,0!");
	gv_set(v, "class", "me");
	gv_set(v, "fontsize", "16");
	return v;
}

/* You, the people picked, tied to you by a line as long as the tie is
 * weak, their companies, and who introduced whom.  Returns 0, or -1 when
 * Graphviz or memory failed. */
static int
add_people(Agraph_t *g, Agnode_t **nodes, const kith_journal *j,
    const network_in *in, const pick *picks, size_t n, kith_buf *tmp)
{
	Agnode_t *centre;
	Agedge_t *tie;
	char len[16];
	size_t i;
	note *p;

	if ((centre = add_centre(g, j)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (add_node(g, nodes, in, picks[i].n, tmp) == NULL)
			return -1;
	for (i = 0; i < n; i++) {
		p = picks[i].n;
		/* the stronger, the nearer: 0.5 to 1.5 inches */
		snprintf(len, sizeof(len), "%.2f", 0.5 + (100 -
		    picks[i].strength) / 100.0);
		if ((tie = add_edge(g, centre, nodes[p->index], "tie")) != NULL)
			gv_set(tie, "len", len);
		if (p->company.to != NULL && !in->hidden[p->company.to->index] &&
		    (tie = add_edge(g, nodes[p->index], add_node(g, nodes, in,
		    p->company.to, tmp), "works")) != NULL)
			gv_set(tie, "len", "0.4");	/* people gather round */
		if (chosen(nodes, p->introduced_by.to))
			add_edge(g, nodes[p->index],
			    nodes[p->introduced_by.to->index], "introduced");
	}
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
	unsigned int svg_len;
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
	gv_default(g, AGRAPH, "layout", "neato");
	gv_default(g, AGRAPH, "overlap", "prism");
	gv_default(g, AGRAPH, "sep", "+4");
	gv_default(g, AGRAPH, "start", "1");
	gv_default(g, AGRAPH, "bgcolor", "transparent");
	gv_default(g, AGRAPH, "outputorder", "edgesfirst");
	gv_default(g, AGNODE, "fontname", "Helvetica");
	gv_default(g, AGNODE, "fontsize", "11");
	gv_default(g, AGNODE, "height", "0.3");
	gv_default(g, AGNODE, "margin", "0.08,0.03");
	gv_default(g, AGEDGE, "len", "1.5");
	if (add_people(g, nodes, j, in, picks, n, &tmp) < 0)
		goto out;
	add_meetings(g, nodes, j, in);
	if (gvLayout(gvc, g, "neato") != 0)
		goto out;
	if (gvRenderData(gvc, g, "svg", &svg, &svg_len) == 0 && !tmp.oom)
		rc = keep_svg(out, svg, svg_len);
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
