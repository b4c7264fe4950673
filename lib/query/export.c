/*
 * export.c: kith graph: the whole graph for other tools, as DOT (for
 * Graphviz) or JSON: typed nodes, typed edges with the file and line that
 * make them.  Private notes are left out as on the dashboard: a private
 * note, a meeting with no one but private people, every edge from or to
 * them, and a name without a note that only they use.
 */
#include <stdlib.h>

#include "query/query.h"

static const char *const edge_names[] = { "attended", "works_at",
	"introduced_by", "mentions", "held_at" };

/* The note's kind as the export names it. */
static const char *
node_type(const note *n)
{
	switch (n->type) {
	case NOTE_PERSON:
		return "person";
	case NOTE_COMPANY:
		return "company";
	case NOTE_MEETING:
		return "meeting";
	case NOTE_UNRESOLVED:
		return n->used_as_company ? "company" : n->used_as_person ?
		    "person" : "note";
	default:
		return "note";
	}
}

/* hidden[i]: private notes and meetings with no one but private people
 * (the dashboard's rule, docs/site.md) and skipped notes; shown[i]: a
 * note, or a name without one that a shown note uses. */
static void
choose(const kith_journal *j, unsigned char *hidden, unsigned char *shown)
{
	size_t i;
	const edge *e;

	graph_private(j, hidden);
	for (i = 0; i < j->nnodes; i++)
		hidden[i] |= j->notes[i]->skipped;
	for (i = 0; i < j->nnodes; i++)
		shown[i] = !hidden[i] && j->notes[i]->type != NOTE_UNRESOLVED;
	for (i = 0; i < j->nedges; i++) {
		e = &j->edges[i];
		if (!hidden[e->from] && !hidden[e->to])
			shown[e->to] = 1;
	}
}

static int
edge_shown(const edge *e, const unsigned char *hidden)
{
	return !hidden[e->from] && !hidden[e->to];
}

/* A DOT string: quotes and backslashes escaped, control characters
 * written as spaces. */
static void
dot_string(kith_buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
	}
	buf_putc(b, '"');
}

static void
put_dot(kith_buf *b, const kith_journal *j, const unsigned char *hidden,
    const unsigned char *shown)
{
	static const char *const shapes[] = { "ellipse", "box", "note",
		"plaintext" };
	const char *type;
	const note *n;
	const edge *e;
	size_t i;
	int shape;

	buf_puts(b, "digraph kith {\n\tgraph [rankdir=LR, overlap=false];\n"
	    "\tnode [fontname=\"Helvetica\", fontsize=10];\n"
	    "\tedge [fontname=\"Helvetica\", fontsize=8, color=\"#888888\"];\n");
	for (i = 0; i < j->nnodes; i++) {
		if (!shown[i])
			continue;
		n = j->notes[i];
		type = node_type(n);
		shape = type[0] == 'p' ? 0 : type[0] == 'c' ? 1 :
		    type[0] == 'm' ? 2 : 3;
		buf_printf(b, "\tn%zu [label=", i);
		dot_string(b, n->display);
		buf_printf(b, ", shape=%s, class=\"%s%s\"", shapes[shape], type,
		    n->type == NOTE_UNRESOLVED ? " unresolved" : "");
		if (n->type == NOTE_UNRESOLVED)
			buf_puts(b, ", style=dashed");
		else {
			buf_puts(b, ", tooltip=");
			dot_string(b, n->path);
		}
		buf_puts(b, "];\n");
	}
	for (i = 0; i < j->nedges; i++) {
		e = &j->edges[i];
		if (!edge_shown(e, hidden))
			continue;
		buf_printf(b, "\tn%u -> n%u [label=\"%s\", class=\"%s\"];\n",
		    e->from, e->to, edge_names[e->kind], edge_names[e->kind]);
	}
	buf_puts(b, "}\n");
}

static void
put_json(kith_buf *b, const kith_journal *j, const unsigned char *hidden,
    const unsigned char *shown)
{
	const note *n;
	const edge *e;
	size_t i, k = 0;

	buf_puts(b, "{\n  \"nodes\": [");
	for (i = 0; i < j->nnodes; i++) {
		if (!shown[i])
			continue;
		n = j->notes[i];
		buf_printf(b, "%s\n    {\"id\": \"n%zu\", \"type\": \"%s\", "
		    "\"name\": ", k++ ? "," : "", i, node_type(n));
		buf_json_string(b, n->display);
		buf_puts(b, ", \"file\": ");
		if (n->type == NOTE_UNRESOLVED)
			buf_puts(b, "null");
		else
			buf_json_string(b, n->path);
		buf_printf(b, ", \"unresolved\": %s",
		    n->type == NOTE_UNRESOLVED ? "true" : "false");
		if (n->type == NOTE_MEETING) {
			buf_puts(b, ", ");
			q_json_date(b, "date", n->date.d);
		}
		if (n->is_owner)
			buf_puts(b, ", \"owner\": true");
		buf_putc(b, '}');
	}
	buf_puts(b, k ? "\n  ],\n  \"edges\": [" : "],\n  \"edges\": [");
	for (i = k = 0; i < j->nedges; i++) {
		e = &j->edges[i];
		if (!edge_shown(e, hidden))
			continue;
		buf_printf(b, "%s\n    {\"from\": \"n%u\", \"to\": \"n%u\", "
		    "\"kind\": \"%s\", \"file\": ", k++ ? "," : "", e->from,
		    e->to, edge_names[e->kind]);
		buf_json_string(b, j->notes[e->from]->path);
		buf_printf(b, ", \"line\": %d}", e->line);
	}
	buf_puts(b, k ? "\n  ]\n}\n" : "]\n}\n");
}

kith_status
kith_graph(const kith_journal *j, const kith_query *q, char **out,
    size_t *len)
{
	kith_buf b = KITH_BUF_INIT;
	unsigned char *hidden, *shown;

	*out = NULL;
	hidden = calloc(j->nnodes + 1, 1);
	shown = calloc(j->nnodes + 1, 1);
	if (hidden == NULL || shown == NULL) {
		free(hidden);
		free(shown);
		return KITH_ESYSTEM;
	}
	choose(j, hidden, shown);
	if (q->format == KITH_OUT_JSON)
		put_json(&b, j, hidden, shown);
	else
		put_dot(&b, j, hidden, shown);
	free(hidden);
	free(shown);
	return q_finish(&b, out, len);
}
