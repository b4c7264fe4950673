/*
 * show.c: kith show NAME: a briefing on one screen.  For a person: who
 * they are, how you met, the meetings, open tasks, gave and asked, coming
 * dates, whom they introduced you to, who is around them and the
 * strength with its parts.  For a company: its fields, people, meetings
 * and the warm paths in.  Text or JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "query/query.h"

#define SHOW_MEETINGS 3		/* a person's last meetings, with notes */
#define SHOW_LINES 2		/* lines of a meeting's notes */
#define SHOW_AROUND 6		/* people around them */
#define SHOW_TASKS 5		/* open tasks, in text */
#define SHOW_COMPANY_MEETINGS 5
#define SHOW_PATHS 5
#define WIDTH 76		/* a line of notes, in characters */

typedef struct briefing {
	const kith_journal *j;
	const kith_query *q;
	const note *n;
	const char *name;	/* as the user gave it */
	kith_buf *b;
	int json;
	kith_due *tasks;	/* the open tasks about them */
} briefing;

/* ---- pieces ---- */

static void
label(briefing *s, const char *key, const char *text)
{
	if (text == NULL)
		return;
	buf_printf(s->b, "  %-9s ", key);
	buf_printable(s->b, text);
	buf_putc(s->b, '\n');
}

static void
label_list(briefing *s, const char *key, const f_list *l, const char *sep)
{
	size_t i;

	if (l->n == 0)
		return;
	buf_printf(s->b, "  %-9s ", key);
	for (i = 0; i < l->n; i++) {
		if (i)
			buf_puts(s->b, sep);
		buf_printable(s->b, l->v[i].s);
	}
	buf_putc(s->b, '\n');
}

static void
json_list(kith_buf *b, const char *key, const f_list *l)
{
	size_t i;

	buf_printf(b, ",\n  \"%s\": [", key);
	for (i = 0; i < l->n; i++) {
		if (i)
			buf_puts(b, ", ");
		buf_json_string(b, l->v[i].s);
	}
	buf_putc(b, ']');
}

static void
json_text(kith_buf *b, const char *key, const char *s)
{
	buf_printf(b, ",\n  \"%s\": ", key);
	if (s != NULL)
		buf_json_string(b, s);
	else
		buf_puts(b, "null");
}

/* The first lines of a meeting's notes (not headings, not empty). */
static void
note_lines(briefing *s, const note *m, const char *indent)
{
	const char *p = m->body, *end, *stop;
	kith_buf line = KITH_BUF_INIT;
	char *read = NULL;
	size_t len = m->body_len;
	int shown = 0;

	if (p == NULL)
		p = read = q_body_read(s->j, m, &len);
	if (p == NULL)
		return;
	stop = p + len;
	for (; p < stop && *p && shown < SHOW_LINES; p = end + (end < stop)) {
		end = memchr(p, '\n', (size_t)(stop - p));
		if (end == NULL)
			end = stop;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end || *p == '#' || *p == '\r' ||
		    strncmp(p, "---", 3) == 0)
			continue;
		buf_reset(&line);
		buf_put(&line, p, (size_t)(end - p - (end[-1] == '\r')));
		if (line.data == NULL)
			break;
		if (s->json) {
			buf_puts(s->b, shown ? ", " : "");
			buf_json_string(s->b, line.data);
		} else {
			buf_puts(s->b, indent);
			q_cell(s->b, line.data, WIDTH - strlen(indent), 0);
			buf_putc(s->b, '\n');
		}
		shown++;
	}
	if (line.oom)
		s->b->oom = 1;
	buf_free(&line);
	free(read);
}

static void
json_meeting(briefing *s, const note *m, int lines)
{
	kith_buf *b = s->b;

	buf_puts(b, "{");
	q_json_date(b, "date", m->date.d);
	buf_puts(b, ", \"kind\": ");
	buf_json_string(b, meeting_kind(m));
	buf_puts(b, ", \"title\": ");
	buf_json_string(b, m->display);
	buf_puts(b, ", \"file\": ");
	buf_json_string(b, m->path);
	if (lines) {
		buf_puts(b, ", \"notes\": [");
		note_lines(s, m, "");
		buf_putc(b, ']');
	}
	buf_putc(b, '}');
}

/* The open tasks about n: the follow-up rules' own (kith due --person
 * --kind task, every date). */
static kith_status
find_tasks(briefing *s)
{
	kith_due_query dq;

	memset(&dq, 0, sizeof(dq));
	dq.horizon = 36500;
	dq.kinds = 1u << KITH_KIND_TASK;
	dq.person = s->name;
	dq.today = s->q->today;
	return kith_due_new(s->j, &dq, &s->tasks);
}

static void
put_tasks(briefing *s)
{
	size_t i, n = kith_due_count(s->tasks);
	const kith_item *it;
	kith_buf where = KITH_BUF_INIT;

	if (s->json)
		buf_puts(s->b, ",\n  \"tasks\": [");
	else if (n > 0)
		buf_puts(s->b, "Open tasks:\n");
	for (i = 0; i < n; i++) {
		it = kith_due_item(s->tasks, i);
		if (!s->json && i == SHOW_TASKS) {
			buf_printf(s->b, "  and %zu more (kith show --format json "
			    "lists them)\n", n - i);
			break;
		}
		if (s->json) {
			buf_puts(s->b, i ? ", {" : "{");
			q_json_date(s->b, "due", it->due);
			buf_puts(s->b, ", \"text\": ");
			buf_json_string(s->b, it->text);
			buf_puts(s->b, ", \"file\": ");
			buf_json_string(s->b, it->file);
			buf_printf(s->b, ", \"line\": %d}", it->line);
			continue;
		}
		buf_puts(s->b, "  ");
		if (it->due != KITH_NO_DATE)
			date_put(s->b, it->due);
		else
			buf_puts(s->b, "no date   ");
		buf_puts(s->b, "  ");
		buf_printable(s->b, it->text);
		buf_puts(s->b, "  ");
		buf_reset(&where);
		q_where(&where, s->q, it->file, it->line);
		if (where.data != NULL)
			q_wrap_at(s->b, where.data, 14);
		buf_putc(s->b, '\n');
	}
	if (s->json)
		buf_putc(s->b, ']');
	if (where.oom)
		s->b->oom = 1;
	buf_free(&where);
}

/* ---- a person ---- */

static void
person_head(briefing *s, const note *p, const person_row *r)
{
	kith_buf *b = s->b;
	int rest = p->type == NOTE_PERSON;

	if (s->json) {
		json_text(b, "title", rest ? p->job_title.s : NULL);
		json_text(b, "company", r->company ? r->company->display : NULL);
		json_list(b, "aliases", &p->aliases);
		json_list(b, "email", &p->email);
		json_list(b, "phone", &p->phone);
		json_list(b, "linkedin", &p->linkedin);
		json_list(b, "location", &p->location);
		json_list(b, "tags", &p->tags);
		buf_puts(b, ",\n  ");
		q_json_date(b, "met", rest ? p->met.d : KITH_NO_DATE);
		json_text(b, "introduced_by", rest && p->introduced_by.to ?
		    p->introduced_by.to->display : NULL);
		return;
	}
	if (rest && (p->job_title.s || r->company)) {
		buf_puts(b, "  ");
		if (p->job_title.s)
			buf_printable(b, p->job_title.s);
		if (p->job_title.s && r->company)
			buf_puts(b, ", ");
		if (r->company)
			buf_printable(b, r->company->display);
		buf_putc(b, '\n');
	}
	if (p->type == NOTE_UNRESOLVED)
		buf_puts(b, "  (no note of their own: named in meetings)\n");
	label_list(s, "aliases", &p->aliases, ", ");
	label_list(s, "email", &p->email, ", ");
	label_list(s, "phone", &p->phone, ", ");
	label_list(s, "linkedin", &p->linkedin, " ");
	label_list(s, "location", &p->location, "; ");
	label_list(s, "tags", &p->tags, ", ");
}

/* How you met: met:, the first meeting, who introduced you. */
static void
how_met(briefing *s, const note *p)
{
	kith_buf *b = s->b;
	const note *first = p->nmeetings ? p->meetings[0] : NULL;
	int rest = p->type == NOTE_PERSON;

	size_t start = b->len;

	if (!(rest && p->met.d != KITH_NO_DATE) && first == NULL &&
	    !(rest && p->introduced_by.to))
		return;
	buf_puts(b, "How you met:");
	if (rest && p->met.d != KITH_NO_DATE) {
		buf_puts(b, " met ");
		date_put(b, p->met.d);
		buf_puts(b, first ? ";" : "");
	}
	if (first != NULL) {
		buf_puts(b, " first meeting ");
		date_put(b, first->date.d);
		buf_puts(b, " (");
		buf_printable(b, first->display);
		buf_puts(b, ")");
	}
	if (rest && p->introduced_by.to) {
		buf_puts(b, "; introduced by ");
		buf_printable(b, p->introduced_by.to->display);
	}
	q_rewrap(b, start, 4);
	buf_putc(b, '\n');
}

static void
person_meetings(briefing *s, const note *p)
{
	kith_buf *b = s->b;
	size_t i, held = 0, shown = 0;
	const note *m, *next = NULL;

	for (i = 0; i < p->nmeetings; i++) {
		if (p->meetings[i]->date.d < s->q->today)
			held++;
		else if (next == NULL)
			next = p->meetings[i];
	}
	if (s->json) {
		buf_printf(b, ",\n  \"meetings_total\": %zu,\n  \"next_meeting\": ",
		    held);
		if (next != NULL)
			json_meeting(s, next, 0);
		else
			buf_puts(b, "null");
		buf_puts(b, ",\n  \"last_meetings\": [");
	} else if (held == 0) {
		buf_puts(b, "No meetings yet.\n");
	} else {
		m = p->meetings[held - 1];
		buf_printf(b, "Meetings: %zu; the last ", held);
		date_put(b, m->date.d);
		buf_puts(b, " (");
		buf_printable(b, meeting_kind(m));
		buf_puts(b, ")\n");
	}
	for (i = held; i-- > 0 && shown < SHOW_MEETINGS; shown++) {
		m = p->meetings[i];
		if (s->json) {
			buf_puts(b, shown ? ", " : "");
			json_meeting(s, m, 1);
			continue;
		}
		buf_puts(b, "  ");
		date_put(b, m->date.d);
		buf_puts(b, "  ");
		buf_printable(b, m->display);
		buf_puts(b, "  (");
		buf_printable(b, meeting_kind(m));
		buf_puts(b, ")\n");
		note_lines(s, m, "      ");
	}
	if (s->json)
		buf_putc(b, ']');
	else if (next != NULL) {
		buf_puts(b, "Next meeting: ");
		date_put(b, next->date.d);
		buf_puts(b, " ");
		buf_printable(b, next->display);
		buf_putc(b, '\n');
	}
}

static void
gave_asked(briefing *s, const note *p)
{
	person_day f;

	person_day_of(s->j, p, s->q->today, &f);
	if (s->json) {
		buf_printf(s->b, ",\n  \"gave\": %d,\n  \"asked\": %d", f.gives,
		    f.asks);
		return;
	}
	if (f.gives == 0 && f.asks == 0)
		return;
	buf_printf(s->b, "Gave %d, asked %d", f.gives, f.asks);
	if (f.asks - f.gives >= s->j->cfg.reciprocity_threshold)
		buf_puts(s->b, ": you asked more than you gave; find a way to "
		    "help");
	buf_puts(s->b, ".\n");
}

static void
coming_dates(briefing *s, const note *p)
{
	kith_buf *b = s->b;
	kith_date d;
	size_t i, n = 0, start = b->len;
	int year;

	if (s->json)
		buf_puts(b, ",\n  \"dates\": [");
	for (i = 0; p->type == NOTE_PERSON && i < p->yearly.n; i++) {
		d = date_next_yearly(s->q->today, p->yearly.v[i].month,
		    p->yearly.v[i].day, &year);
		if (s->json) {
			buf_puts(b, n++ ? ", {\"label\": " : "{\"label\": ");
			buf_json_string(b, p->yearly.v[i].label);
			buf_puts(b, ", ");
			q_json_date(b, "next", d);
			buf_putc(b, '}');
			continue;
		}
		buf_puts(b, n++ ? ", " : "Coming dates: ");
		buf_printable(b, p->yearly.v[i].label);
		buf_putc(b, ' ');
		date_put(b, d);
	}
	if (!s->json && n)
		q_rewrap(b, start, 4);
	buf_puts(b, s->json ? "]" : n ? "\n" : "");
}

/* Whom p introduced you to: the people whose introduced_by: is p. */
static void
introduced(briefing *s, const note *p)
{
	size_t i, nin = graph_in_count(s->j, p), n = 0;
	const edge *e;

	if (s->json)
		buf_puts(s->b, ",\n  \"introduced\": [");
	for (i = 0; i < nin; i++) {
		e = graph_in_edge(s->j, p, i);
		if (e->kind != EDGE_INTRODUCED_BY)
			continue;
		if (s->json)
			buf_puts(s->b, n++ ? ", " : "");
		else
			buf_puts(s->b, n++ ? ", " : "Introduced you to: ");
		if (s->json)
			buf_json_string(s->b, edge_from(s->j, e)->display);
		else
			buf_printable(s->b, edge_from(s->j, e)->display);
	}
	buf_puts(s->b, s->json ? "]" : n ? "\n" : "");
}

/* The people linked to p (paths.c's links), and the companies of p and
 * of the meetings with them. */
static int
around(briefing *s, const note *p)
{
	kith_buf *b = s->b;
	tie_link *l;
	size_t n, i, k, nc = 0;
	const note *c, *seen[SHOW_AROUND];
	kith_buf item = KITH_BUF_INIT;
	int oom = 0;

	if ((l = intro_links_day(s->j, s->q->today, p, &n, &oom)) == NULL &&
	    oom)
		return -1;
	if (s->json)
		buf_puts(b, ",\n  \"around\": [");
	for (i = 0; i < n && i < SHOW_AROUND; i++) {
		if (s->json) {
			buf_puts(b, i ? ", {\"name\": " : "{\"name\": ");
			buf_json_string(b, l[i].to->display);
			buf_printf(b, ", \"strength\": %d, \"evidence\": ",
			    l[i].strength);
			q_evidence_json(b, &l[i]);
			buf_putc(b, '}');
			continue;
		}
		buf_puts(b, i ? ", " : "Around them: ");
		buf_reset(&item);
		buf_puts(&item, l[i].to->display);
		buf_printf(&item, " (%d)", l[i].strength);
		if (item.data)
			q_wrap(b, item.data);
	}
	if (!s->json && n > SHOW_AROUND) {
		buf_reset(&item);
		buf_printf(&item, "and %zu more", n - SHOW_AROUND);
		buf_putc(b, ' ');
		if (item.data)
			q_wrap(b, item.data);
	}
	if (item.oom)
		b->oom = 1;
	buf_free(&item);
	if (!s->json && n > 0)
		buf_putc(b, '\n');
	free(l);
	buf_puts(b, s->json ? "],\n  \"companies\": [" : "");
	for (i = p->nmeetings + 1; i-- > 0 && nc < SHOW_AROUND;) {
		c = i == p->nmeetings ? q_company(p) :
		    p->meetings[i]->company.to;
		if (c == NULL || c->skipped)
			continue;
		for (k = 0; k < nc && seen[k] != c; k++)
			;
		if (k < nc)
			continue;
		seen[nc++] = c;
		if (s->json) {
			buf_puts(b, nc > 1 ? ", " : "");
			buf_json_string(b, c->display);
		} else {
			buf_puts(b, nc > 1 ? ", " : "Companies: ");
			q_wrap(b, c->display);
		}
	}
	buf_puts(b, s->json ? "]" : nc ? "\n" : "");
	return 0;
}

static void
strength(briefing *s, const note *p)
{
	strength_parts x;
	int st = person_strength_parts(p, s->q->today, &x);

	if (s->json) {
		buf_printf(s->b, ",\n  \"strength\": %d,\n  \"strength_parts\": "
		    "{\"meetings\": %zu, \"met\": %.2f, \"written\": %.2f, "
		    "\"gave\": %.2f, \"contact\": %.2f}", st, x.meetings, x.met,
		    x.written, x.gave, x.contact);
		return;
	}
	buf_printf(s->b, "Strength %d of 100, from %zu meeting%s: in person "
	    "%.1f, written %.1f,\n    gave %.1f, last contact %.1f (each "
	    "counts half after 180 days)\n", st, x.meetings,
	    x.meetings == 1 ? "" : "s", x.met, x.written, x.gave, x.contact);
}

static int
show_person(briefing *s, const note *p)
{
	person_row r;

	person_row_of(s->j, p, s->q->today, &r);
	person_head(s, p, &r);
	if (!s->json)
		how_met(s, p);
	person_meetings(s, p);
	put_tasks(s);
	gave_asked(s, p);
	coming_dates(s, p);
	introduced(s, p);
	if (around(s, p) < 0)
		return -1;
	strength(s, p);
	return 0;
}

/* ---- a company ---- */

static int
people_order(const void *x, const void *y)
{
	const tie_link *a = x, *b = y;

	if (a->strength != b->strength)
		return b->strength - a->strength;
	return strcmp(a->to->display, b->to->display);
}

static int
company_people(briefing *s, const note *c)
{
	kith_buf *b = s->b;
	size_t i, nin = graph_in_count(s->j, c), n = 0;
	const edge *e;
	tie_link *v;

	if ((v = malloc((nin + 1) * sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < nin; i++) {
		e = graph_in_edge(s->j, c, i);
		if (e->kind == EDGE_WORKS_AT &&
		    is_listed_person(edge_from(s->j, e)))
			v[n++] = (tie_link){ edge_from(s->j, e),
			    person_strength(edge_from(s->j, e), s->q->today),
			    { EV_COMPANY, c, 0, KITH_NO_DATE } };
	}
	qsort(v, n, sizeof(*v), people_order);
	if (s->json)
		buf_puts(b, ",\n  \"people\": [");
	else
		buf_printf(b, n ? "People (%zu), strongest first:\n" :
		    "No one there yet.\n", n);
	for (i = 0; i < n; i++) {
		if (s->json) {
			buf_puts(b, i ? ", {\"name\": " : "{\"name\": ");
			buf_json_string(b, v[i].to->display);
			buf_printf(b, ", \"strength\": %d}", v[i].strength);
			continue;
		}
		buf_printf(b, "  %3d  ", v[i].strength);
		buf_printable(b, v[i].to->display);
		if (v[i].to->type == NOTE_PERSON && v[i].to->job_title.s) {
			buf_puts(b, ", ");
			buf_printable(b, v[i].to->job_title.s);
		}
		buf_putc(b, '\n');
	}
	if (s->json)
		buf_putc(b, ']');
	free(v);
	return 0;
}

static void
company_meetings(briefing *s, const note *c)
{
	kith_buf *b = s->b;
	size_t i, nin = graph_in_count(s->j, c), n = 0, shown = 0;
	const edge *e;

	for (i = 0; i < nin; i++)
		n += graph_in_edge(s->j, c, i)->kind == EDGE_HELD_AT;
	if (s->json)
		buf_printf(b, ",\n  \"meetings_total\": %zu,\n  \"meetings\": [",
		    n);
	else if (n > 0)
		buf_printf(b, "Meetings (%zu), the latest first:\n", n);
	for (i = nin; i-- > 0 && shown < SHOW_COMPANY_MEETINGS;) {
		e = graph_in_edge(s->j, c, i);
		if (e->kind != EDGE_HELD_AT)
			continue;
		if (s->json) {
			buf_puts(b, shown++ ? ", " : "");
			json_meeting(s, edge_from(s->j, e), 0);
			continue;
		}
		shown++;
		buf_puts(b, "  ");
		date_put(b, edge_from(s->j, e)->date.d);
		buf_puts(b, "  ");
		buf_printable(b, edge_from(s->j, e)->display);
		buf_puts(b, edge_from(s->j, e)->date.d >= s->q->today ?
		    "  (coming)\n" : "\n");
	}
	if (s->json)
		buf_putc(b, ']');
}

static int
company_paths(briefing *s, const note *c)
{
	intro_graph *g;
	intro_path v[SHOW_PATHS];
	long total;
	size_t i, k;

	if ((g = intro_graph_new(s->j, s->q->today, NULL, 1)) == NULL)
		return -1;
	total = intro_paths(g, c, v, SHOW_PATHS);
	intro_graph_free(g);
	if (total < 0)
		return -1;
	if (s->json)
		buf_puts(s->b, ",\n  \"warm_paths\": [");
	else if (total > 0)
		buf_puts(s->b, "Warm paths in (kith intro shows the evidence):\n");
	else
		buf_puts(s->b, "No warm path in yet.\n");
	for (i = 0; i < (size_t)total && i < SHOW_PATHS; i++) {
		buf_puts(s->b, s->json ? (i ? ", [" : "[") : "  You");
		for (k = 0; k < v[i].n; k++) {
			if (s->json) {
				buf_puts(s->b, k ? ", " : "");
				buf_json_string(s->b, v[i].who[k]->display);
				continue;
			}
			buf_puts(s->b, " -> ");
			buf_printable(s->b, v[i].who[k]->display);
		}
		if (s->json)
			buf_putc(s->b, ']');
		else
			buf_printf(s->b, "  (%s %d)\n", v[i].n == 1 ? "strength" :
			    "weakest link", v[i].weakest);
	}
	if (s->json)
		buf_putc(s->b, ']');
	return 0;
}

static int
show_company(briefing *s, const note *c)
{
	kith_buf *b = s->b;
	int rest = c->type == NOTE_COMPANY;

	if (s->json) {
		json_list(b, "aliases", &c->aliases);
		json_text(b, "status", rest ? c->status.s : NULL);
		buf_printf(b, ",\n  \"target\": %s,\n  ", rest && c->target.set ?
		    (c->target.yes ? "true" : "false") : "null");
		q_json_date(b, "apply_by", rest ? c->apply_by.d : KITH_NO_DATE);
		json_text(b, "website", rest ? c->website.s : NULL);
		json_list(b, "tags", &c->tags);
	} else {
		if (rest && (c->status.s || c->target.set ||
		    c->apply_by.d != KITH_NO_DATE)) {
			buf_puts(b, "  company");
			if (c->status.s) {
				buf_puts(b, " \xc2\xb7 ");
				buf_printable(b, c->status.s);
			}
			if (c->target.set)
				buf_puts(b, c->target.yes ? " \xc2\xb7 target" :
				    " \xc2\xb7 not a target");
			if (c->apply_by.d != KITH_NO_DATE) {
				buf_puts(b, " \xc2\xb7 apply by ");
				date_put(b, c->apply_by.d);
			}
			buf_putc(b, '\n');
		}
		if (!rest)
			buf_puts(b, "  (no note of its own: named in notes)\n");
		label_list(s, "aliases", &c->aliases, ", ");
		label(s, "website", rest ? c->website.s : NULL);
		label_list(s, "tags", &c->tags, ", ");
	}
	if (company_people(s, c) < 0)
		return -1;
	company_meetings(s, c);
	put_tasks(s);
	return company_paths(s, c);
}

kith_status
kith_show(const kith_journal *j, const char *name, const kith_query *q,
    char **out, size_t *len)
{
	kith_buf b = KITH_BUF_INIT;
	briefing s;
	const note *n;
	kith_status st;
	int rc;

	*out = NULL;
	if (q_lookup(j, name, &n) != KITH_OK || n->is_owner)
		return KITH_EJOURNAL;
	memset(&s, 0, sizeof(s));
	s.j = j;
	s.q = q;
	s.n = n;
	s.name = name;
	s.b = &b;
	s.json = q->format == KITH_OUT_JSON;
	if ((st = find_tasks(&s)) != KITH_OK)
		return st == KITH_EJOURNAL ? KITH_EJOURNAL : KITH_ESYSTEM;
	if (s.json) {
		buf_puts(&b, "{\n  \"name\": ");
		buf_json_string(&b, n->display);
		buf_printf(&b, ",\n  \"type\": \"%s\"", note_is_person(n) ?
		    "person" : "company");
		json_text(&b, "file", n->path[0] ? n->path : NULL);
	} else {
		buf_printable(&b, n->display);
		if (n->path[0]) {
			buf_puts(&b, "  ");
			q_where(&b, q, n->path, 0);
		}
		buf_putc(&b, '\n');
	}
	rc = note_is_person(n) ? show_person(&s, n) : show_company(&s, n);
	if (s.json)
		buf_puts(&b, "\n}\n");
	kith_due_free(s.tasks);
	if (rc < 0) {
		buf_free(&b);
		return KITH_ESYSTEM;
	}
	return q_finish(&b, out, len);
}
