/*
 * intro.c: kith intro TARGET: the best warm paths to a person or a
 * company (paths.c), each link with its evidence; with none, who is
 * closest.
 */
#include <stdlib.h>
#include <string.h>

#include "query/query.h"

#define INTRO_SHOWN 5		/* paths listed without --all */
#define INTRO_CLOSEST 3		/* people named when there is no path */

static int
is_company(const note *t)
{
	return t->type == NOTE_COMPANY ||
	    (t->type == NOTE_UNRESOLVED && t->used_as_company);
}

/* Your strongest ties: up to max people, strongest first. */
static size_t
closest(const intro_graph *g, const kith_journal *j, const note **out,
    size_t max)
{
	size_t i, k, n = 0;
	const note *p;
	int s;

	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (!intro_is_person(g, p) || (s = intro_you(g, p, NULL)) <= 0)
			continue;
		if (n < max)
			k = n++;
		else if (s <= intro_you(g, out[max - 1], NULL))
			continue;
		else
			k = max - 1;
		for (; k > 0 && intro_you(g, out[k - 1], NULL) < s; k--)
			out[k] = out[k - 1];
		out[k] = p;
	}
	return n;
}

static void
put_target(kith_buf *b, const note *t)
{
	const note *c = q_company(t);

	buf_printable(b, t->display);
	if (c != NULL) {
		buf_puts(b, " (");
		buf_printable(b, c->display);
		buf_puts(b, ")");
	}
}

static void
text_path(kith_buf *b, const kith_query *q, const intro_path *p, size_t nr)
{
	size_t i;

	buf_printf(b, "%zu. You", nr);
	for (i = 0; i < p->n; i++) {
		buf_puts(b, " -> ");
		buf_printable(b, p->who[i]->display);
	}
	if (p->n == 1)
		buf_printf(b, "   direct, strength %d\n", p->weakest);
	else
		buf_printf(b, "   weakest link %d\n", p->weakest);
	for (i = 0; i < p->n; i++) {
		buf_puts(b, "     ");
		if (p->n > 1) {
			buf_printable(b, i ? p->who[i - 1]->display : "You");
			buf_puts(b, " - ");
			buf_printable(b, p->who[i]->display);
			buf_printf(b, " (%d): ", p->links[i].strength);
		}
		q_evidence(b, q, i ? p->who[i - 1] : NULL, &p->links[i]);
		buf_putc(b, '\n');
	}
}

/* No path: say so, whom the target is linked to, and whom you know best. */
static int
text_none(kith_buf *b, const intro_graph *g, const kith_journal *j,
    const note *t)
{
	const note *near[INTRO_CLOSEST];
	tie_link *l = NULL;
	kith_buf item = KITH_BUF_INIT;
	size_t n, i;
	int oom = 0, rc;

	buf_puts(b, "No warm path to ");
	buf_printable(b, t->display);
	buf_printf(b, " within %d links.\n", INTRO_MAX_LINKS);
	if (!is_company(t) && (l = intro_links(g, t, &n, &oom)) != NULL) {
		buf_printable(b, t->display);
		buf_puts(b, " is linked to people you have not met:");
		for (i = 0; i < n && i < INTRO_CLOSEST; i++) {
			buf_puts(b, i ? ", " : " ");
			buf_printable(b, l[i].to->display);
		}
		buf_puts(b, n > INTRO_CLOSEST ? ", ...\n" : "\n");
		free(l);
	}
	if (oom)
		return -1;
	n = closest(g, j, near, INTRO_CLOSEST);
	if (n == 0) {
		buf_puts(b, "You have met no one yet.\n");
		return 0;
	}
	buf_puts(b, "The people closest to you:");
	for (i = 0; i < n; i++) {
		buf_puts(b, i ? ", " : " ");
		buf_reset(&item);
		buf_puts(&item, near[i]->display);
		buf_printf(&item, " (%d)%s", intro_you(g, near[i], NULL),
		    i + 1 == n ? ":" : "");
		if (item.data)
			q_wrap(b, item.data);
	}
	buf_reset(&item);
	buf_puts(&item, " ask them whom they know");
	if (is_company(t)) {
		buf_puts(&item, " at ");
		buf_puts(&item, t->display);
	}
	buf_puts(&item, ".");
	if (item.data)
		q_wrap_words(b, item.data, 4);
	buf_putc(b, '\n');
	rc = item.oom ? -1 : 0;
	buf_free(&item);
	return rc;
}

static void
json_path(kith_buf *b, const intro_path *p)
{
	size_t i;

	buf_printf(b, "{\"weakest\": %d, \"length\": %zu, \"links\": [",
	    p->weakest, p->n);
	for (i = 0; i < p->n; i++) {
		buf_puts(b, i ? ", {\"from\": " : "{\"from\": ");
		if (i == 0)
			buf_puts(b, "null");
		else
			buf_json_string(b, p->who[i - 1]->display);
		buf_puts(b, ", \"to\": ");
		buf_json_string(b, p->who[i]->display);
		buf_printf(b, ", \"strength\": %d, \"evidence\": ",
		    p->links[i].strength);
		q_evidence_json(b, &p->links[i]);
		buf_putc(b, '}');
	}
	buf_puts(b, "]}");
}

static void
json_answer(kith_buf *b, const intro_graph *g, const kith_journal *j,
    const note *t, const intro_path *v, size_t shown, long total)
{
	const note *near[INTRO_CLOSEST];
	size_t i, n;

	buf_puts(b, "{\n  \"target\": ");
	buf_json_string(b, t->display);
	buf_printf(b, ",\n  \"type\": \"%s\",\n  \"more\": %s,\n"
	    "  \"paths\": [", is_company(t) ? "company" : "person",
	    (size_t)total > shown ? "true" : "false");
	for (i = 0; i < shown; i++) {
		buf_puts(b, i ? ",\n    " : "\n    ");
		json_path(b, &v[i]);
	}
	buf_puts(b, shown ? "\n  ],\n  \"closest\": [" : "],\n  \"closest\": [");
	n = total == 0 ? closest(g, j, near, INTRO_CLOSEST) : 0;
	for (i = 0; i < n; i++) {
		buf_puts(b, i ? ", {\"name\": " : "{\"name\": ");
		buf_json_string(b, near[i]->display);
		buf_printf(b, ", \"strength\": %d}", intro_you(g, near[i], NULL));
	}
	buf_puts(b, "]\n}\n");
}

kith_status
kith_intro(const kith_journal *j, const char *target, const kith_query *q,
    char **out, size_t *len)
{
	kith_buf b = KITH_BUF_INIT;
	intro_graph *g;
	intro_path *v;
	const note *t;
	size_t max, shown, i;
	long total;

	*out = NULL;
	if (q_lookup(j, target, &t) != KITH_OK || t->is_owner)
		return KITH_EJOURNAL;
	if ((g = intro_graph_new(j, q->today, NULL, is_company(t))) == NULL)
		return KITH_ESYSTEM;
	max = q->all ? j->nnodes + 1 : INTRO_SHOWN;
	if ((v = malloc(max * sizeof(*v))) == NULL ||
	    (total = intro_paths(g, t, v, max)) < 0) {
		free(v);
		intro_graph_free(g);
		return KITH_ESYSTEM;
	}
	shown = (size_t)total < max ? (size_t)total : max;
	if (q->format == KITH_OUT_JSON) {
		json_answer(&b, g, j, t, v, shown, total);
	} else if (total == 0) {
		if (text_none(&b, g, j, t) < 0)
			b.oom = 1;
	} else {
		buf_puts(&b, "Warm paths to ");
		put_target(&b, t);
		buf_puts(&b, ", best first:\n\n");
		for (i = 0; i < shown; i++)
			text_path(&b, q, &v[i], i + 1);
		if (shown < (size_t)total)
			buf_puts(&b, "\nMore paths: kith intro --all lists "
			    "every one.\n");
	}
	free(v);
	intro_graph_free(g);
	return q_finish(&b, out, len);
}
