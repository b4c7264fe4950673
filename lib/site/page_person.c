/*
 * page_person.c: a person's page: facts, the ledger of gives and asks,
 * the ego picture of their closest ties, their meetings and follow-ups.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

int
tie_order(const void *a, const void *b)
{
	const tie *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return name_cmp(x->who->display, y->who->display);
}

static void
tie_add(tie *t, size_t *n, size_t max, note *who, int weight)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		if (t[i].who == who) {
			t[i].weight += weight;
			return;
		}
	}
	if (*n < max)
		t[(*n)++] = (tie){ who, weight };
}

#define EGO_MAX 14
#define EGO_CX 240.0
#define EGO_CY 150.0
#define EGO_R 100.0
#define EGO_NAME 22		/* longest name shown whole, in bytes */

/* Where the picture puts the i-th of n people around the centre: x and y
 * of the circle, x and y of the name, which stands outside the ring and
 * reads away from the centre (so no two names overlap), formatted "%.1f"
 * once for all pages; which way each name runs; and the centre itself. */
static char ego_at[EGO_MAX + 1][EGO_MAX][4][16];
static const char *ego_anchor[EGO_MAX + 1][EGO_MAX];
static char ego_centre[3][16];
static pthread_once_t ego_once = PTHREAD_ONCE_INIT;

static void
ego_places(void)
{
	double angle, x, y, c, sn;
	size_t n, i;

	snprintf(ego_centre[0], 16, "%.1f", EGO_CX);
	snprintf(ego_centre[1], 16, "%.1f", EGO_CY);
	snprintf(ego_centre[2], 16, "%.1f", EGO_CY + 24);

	for (n = 1; n <= EGO_MAX; n++)
		for (i = 0; i < n; i++) {
			angle = 3.14159265358979 * (2.0 * (double)i + 1) /
			    (double)n - 1.5708;
			c = cos(angle);
			sn = sin(angle);
			x = EGO_CX + EGO_R * c;
			y = EGO_CY + EGO_R * 0.95 * sn;
			snprintf(ego_at[n][i][0], 16, "%.1f", x);
			snprintf(ego_at[n][i][1], 16, "%.1f", y);
			snprintf(ego_at[n][i][2], 16, "%.1f", x + 13 * c);
			snprintf(ego_at[n][i][3], 16, "%.1f", y + 13 * sn + 4);
			ego_anchor[n][i] = c >= 0 ? "start" : "end";
		}
}

/* A name as the picture shows it: cut at a character past EGO_NAME. */
static void
put_short_name(kith_buf *b, const char *name)
{
	size_t n = strlen(name);

	if (n <= EGO_NAME) {
		esc(b, name);
		return;
	}
	for (n = EGO_NAME; n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80;
	    n--)
		;
	html_escape_n(b, name, n);
	buf_puts(b, "\xe2\x80\xa6");
}

/* The people around p, into t (room for 64), and how many: met together
 * (1 a meeting), introduced either way (2), linked from p's note (1). */
static size_t
ego_ties(site *s, note *p, tie *t)
{
	size_t n = 0, i, k, nout, nin;
	const edge *out, *e;
	note *q;

	for (i = 0; i < p->nmeetings; i++) {
		out = graph_out(s->j, p->meetings[i], &nout);
		for (k = 0; k < nout; k++) {
			q = edge_to(s->j, &out[k]);
			if (out[k].kind == EDGE_ATTENDED && q != p &&
			    is_visible_person(s, q))
				tie_add(t, &n, 64, q, 1);
		}
	}
	if (is_visible_person(s, p->introduced_by.to))
		tie_add(t, &n, 64, p->introduced_by.to, 2);
	nin = graph_in_count(s->j, p);
	for (i = 0; i < nin; i++) {
		e = graph_in_edge(s->j, p, i);
		q = edge_from(s->j, e);
		if (e->kind == EDGE_INTRODUCED_BY && is_visible_person(s, q))
			tie_add(t, &n, 64, q, 2);
	}
	out = graph_out(s->j, p, &nout);
	for (i = 0; i < nout; i++) {
		q = edge_to(s->j, &out[i]);
		if (out[i].kind == EDGE_MENTIONS && q != p &&
		    is_visible_person(s, q))
			tie_add(t, &n, 64, q, 1);
	}
	return n;
}

/* A small picture of p and the people around p (inline SVG): met together
 * (once a meeting), introduced either way (twice), linked from p's note
 * (once). */
static void
put_ego(site *s, kith_buf *b, note *p)
{
	static const char *const radius[] = { "5", "6", "7", "8", "9", "10" };
	tie t[64];
	size_t n = ego_ties(s, p, t), i;

	if (n == 0) {
		buf_puts(b, "<p class=\"muted\">No one around yet: meet them with "
		    "someone, or link people in their note.</p>\n");
		return;
	}
	qsort(t, n, sizeof(t[0]), tie_order);
	if (n > EGO_MAX)
		n = EGO_MAX;
	buf_puts(b, "<svg class=\"ego\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 480 300\" role=\"group\" aria-label=\"The people "
	    "around\">");
	pthread_once(&ego_once, ego_places);
	for (i = 0; i < n; i++) {
		buf_puts(b, "<line x1=\"");
		buf_puts(b, ego_centre[0]);
		buf_puts(b, "\" y1=\"");
		buf_puts(b, ego_centre[1]);
		buf_puts(b, "\" x2=\"");
		buf_puts(b, ego_at[n][i][0]);
		buf_puts(b, "\" y2=\"");
		buf_puts(b, ego_at[n][i][1]);
		buf_puts(b, "\"/>");
	}
	for (i = 0; i < n; i++) {
		buf_puts(b, "<a href=\"");
		buf_puts(b, s->prefix);
		esc(b, s->url[t[i].who->index] ? s->url[t[i].who->index] : "");
		buf_puts(b, "\"><title>");
		esc(b, t[i].who->display);
		buf_puts(b, "</title><circle cx=\"");
		buf_puts(b, ego_at[n][i][0]);
		buf_puts(b, "\" cy=\"");
		buf_puts(b, ego_at[n][i][1]);
		buf_puts(b, "\" r=\"");
		buf_puts(b, radius[t[i].weight > 5 ? 5 : t[i].weight]);
		buf_puts(b, "\"/><text x=\"");
		buf_puts(b, ego_at[n][i][2]);
		buf_puts(b, "\" y=\"");
		buf_puts(b, ego_at[n][i][3]);
		buf_puts(b, "\" text-anchor=\"");
		buf_puts(b, ego_anchor[n][i]);
		buf_puts(b, "\">");
		put_short_name(b, t[i].who->display);
		buf_puts(b, "</text></a>");
	}
	buf_puts(b, "<circle class=\"me\" cx=\"");
	buf_puts(b, ego_centre[0]);
	buf_puts(b, "\" cy=\"");
	buf_puts(b, ego_centre[1]);
	buf_puts(b, "\" r=\"9\"/><text class=\"me\" x=\"");
	buf_puts(b, ego_centre[0]);
	buf_puts(b, "\" y=\"");
	buf_puts(b, ego_centre[2]);
	buf_puts(b, "\" text-anchor=\"middle\">");
	put_short_name(b, p->display);
	buf_puts(b, "</text></svg>\n");
}

/* Links from a contact field: only safe schemes get an href. */
void
fact_contacts(kith_buf *b, const char *label, const f_list *l,
    const char *scheme)
{
	size_t i;
	const char *v;

	if (l->n == 0)
		return;
	put_label(b, label);
	for (i = 0; i < l->n; i++) {
		v = l->v[i].s;
		if (i)
			buf_puts(b, ", ");
		if (scheme != NULL && strchr(v, ':') == NULL) {
			buf_printf(b, "<a href=\"%s", scheme);
			html_url_put(b, v, strlen(v));
			buf_puts(b, "\">");
			esc(b, v);
			buf_puts(b, "</a>");
		} else if (scheme == NULL && (strncmp(v, "https://", 8) == 0 ||
		    strncmp(v, "http://", 7) == 0) && html_url_is_safe(v, strlen(v))) {
			buf_puts(b, "<a rel=\"noopener noreferrer\" href=\"");
			html_url_put(b, v, strlen(v));
			buf_puts(b, "\">");
			esc(b, v);
			buf_puts(b, "</a>");
		} else {
			esc(b, v);
		}
	}
	buf_puts(b, "</dd>");
}

static void
person_facts(site *s, kith_buf *b, note *p)
{
	person_day f;
	duration c;
	char every[32];
	const edge *e;
	size_t i, k, nin;
	note *q;

	person_day_of(s->j, p, s->today, &f);
	c = person_cadence(s->j, p, f.close_tie);
	buf_puts(b, "<dl class=\"facts\">");
	if (p->company.to) {
		buf_puts(b, "<dt>Company</dt><dd>");
		put_node(s, b, p->company.to);
		buf_puts(b, "</dd>");
	}
	fact_text(b, "Title", p->job_title.s);
	if (p->tags.n) {
		buf_puts(b, "<dt>Tags</dt><dd>");
		put_tags(b, &p->tags);
		buf_puts(b, "</dd>");
	}
	fact_contacts(b, "Email", &p->email, "mailto:");
	fact_contacts(b, "Phone", &p->phone, "tel:");
	fact_contacts(b, "LinkedIn", &p->linkedin, NULL);
	fact_list(b, "Location", &p->location);
	fact_date(b, "Met", p->met.d);
	fact_date(b, "Last contact", f.last);
	if (p->type == NOTE_PERSON && !p->is_owner && c.unit == 0 &&
	    !f.close_tie) {
		/* followups.md: the default cadence is for close ties */
		buf_puts(b, "<dt>Check in</dt><dd>not asked: no one-to-one "
		    "meeting yet</dd>");
	} else if (p->type == NOTE_PERSON) {
		duration_describe(c, every, sizeof(every));
		buf_printf(b, "<dt>Check in</dt><dd>%s%s</dd>",
		    c.unit ? "every " : "", every);
	}
	fact_date(b, "Snoozed until", p->snooze.d);
	buf_printf(b, "<dt>Strength</dt><dd class=\"strength\">%d / 100</dd>",
	    s->strength[p->index]);
	if (is_visible_person(s, p->introduced_by.to)) {
		buf_puts(b, "<dt>Introduced by</dt><dd>");
		put_node(s, b, p->introduced_by.to);
		buf_puts(b, "</dd>");
	}
	nin = graph_in_count(s->j, p);
	for (i = k = 0; i < nin; i++) {
		e = graph_in_edge(s->j, p, i);
		q = edge_from(s->j, e);
		if (e->kind != EDGE_INTRODUCED_BY || !is_visible_person(s, q))
			continue;
		buf_puts(b, k++ ? ", " : "<dt>Introduced you to</dt><dd>");
		put_node(s, b, q);
	}
	if (k)
		buf_puts(b, "</dd>");
	put_extras(s, b, p);
	buf_puts(b, "</dl>\n");
}

int
page_person(site *s, note *p)
{
	kith_buf *b = &s->page;
	size_t *items, n;

	note_page_begin(s, p, "People");
	if (p->job_title.s) {
		esc(b, p->job_title.s);
		if (p->company.to)
			buf_puts(b, " at ");
	}
	put_node(s, b, p->company.to);
	if (p->type == NOTE_UNRESOLVED)
		buf_puts(b, " <span class=\"muted\">(no note yet: named in "
		    "meetings)</span>");
	buf_puts(b, "</p>\n<div class=\"grid\">\n<section class=\"card\">"
	    "<h2>Profile</h2>");
	person_facts(s, b, p);
	buf_puts(b, "</section>\n<section class=\"card\"><h2>People around</h2>");
	put_ego(s, b, p);
	buf_puts(b, "</section>\n</div>\n");
	n = node_items(s, p, &items);
	buf_puts(b, "<div class=\"grid\">\n<section class=\"card\"><h2>"
	    "Follow-ups</h2>");
	put_items(s, b, items, n, keep_follow_up, "Nothing to follow up.");
	buf_puts(b, "</section>\n<section class=\"card\"><h2>Open tasks</h2>");
	put_items(s, b, items, n, keep_task, "No open tasks.");
	buf_puts(b, "</section>\n<section class=\"card\"><h2>Coming dates</h2>");
	put_items(s, b, items, n, keep_date, "No dates noted.");
	buf_puts(b, "</section>\n</div>\n");
	if (p->type == NOTE_PERSON && p->body && p->body_len > 0) {
		buf_puts(b, "<section class=\"card\"><h2>Notes</h2>");
		if (put_body(s, b, p) < 0)
			return -1;
		buf_puts(b, "</section>\n");
	}
	if (put_timeline(s, b, p->meetings, p->nmeetings, p) < 0)
		return -1;
	put_ledger(s, b, p);
	return note_page_end(s, p, NULL);
}
