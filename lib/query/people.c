/*
 * people.c: kith people: the contact list, filtered by tag, company or
 * fading, sorted, as text, JSON or CSV (RFC 4180).
 */
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "query/query.h"

int
is_listed_person(const note *n)
{
	return note_is_person(n) && !n->is_owner && !n->skipped;
}

void
person_row_of(const kith_journal *j, const note *p, kith_date today,
    person_row *r)
{
	person_day f;
	duration cadence;

	person_day_of(j, p, today, &f);
	memset(r, 0, sizeof(*r));
	r->p = p;
	r->company = q_company(p);
	r->strength = person_strength(p, today);
	r->last = f.last;
	r->close_tie = f.close_tie;
	r->next = KITH_NO_DATE;
	cadence = person_cadence(j, p, f.close_tie);
	if (cadence.unit != 0 && f.last != KITH_NO_DATE && !f.scheduled) {
		r->next = date_add(f.last, cadence);
		if (note_has_rest(p) && p->type == NOTE_PERSON)
			r->next = date_later(r->next, p->snooze.d);
		r->fading = r->next < today;
	}
}

/* Dates: the earliest first, none at the end. */
static int
date_order(kith_date a, kith_date b)
{
	if (a == b)
		return 0;
	if (a == KITH_NO_DATE || b == KITH_NO_DATE)
		return a == KITH_NO_DATE ? 1 : -1;
	return a < b ? -1 : 1;
}

static int
by_name(const void *x, const void *y)
{
	const person_row *a = x, *b = y;
	int c = name_cmp(a->p->display, b->p->display);

	return c ? c : strcmp(a->p->path, b->p->path);
}

static int
by_last(const void *x, const void *y)
{
	const person_row *a = x, *b = y;
	int c = date_order(a->last, b->last);

	return c ? c : by_name(x, y);
}

static int
by_strength(const void *x, const void *y)
{
	const person_row *a = x, *b = y;

	return a->strength != b->strength ? b->strength - a->strength :
	    by_name(x, y);
}

static int
by_due(const void *x, const void *y)
{
	const person_row *a = x, *b = y;
	int c = date_order(a->next, b->next);

	return c ? c : by_name(x, y);
}

static int (*const orders[])(const void *, const void *) = { by_name,
	by_last, by_strength, by_due };

static void
put_tags_joined(kith_buf *b, const note *p, const char *sep, int json)
{
	size_t i;

	if (p->type != NOTE_PERSON)
		return;
	for (i = 0; i < p->tags.n; i++) {
		if (i)
			buf_puts(b, sep);
		if (json)
			buf_json_string(b, p->tags.v[i].s);
		else
			buf_puts(b, p->tags.v[i].s);
	}
}

/* The first value of a list field, or NULL. */
static const char *
first(const note *p, const f_list *l)
{
	return p->type == NOTE_PERSON && l->n > 0 ? l->v[0].s : NULL;
}

static const char *
title_of(const note *p)
{
	return p->type == NOTE_PERSON ? p->job_title.s : NULL;
}

static void
put_text(kith_buf *b, const person_row *r, size_t n, size_t namew,
    size_t compw)
{
	size_t i;

	if (n == 0) {
		buf_puts(b, "No one.\n");
		return;
	}
	q_cell(b, "NAME", namew, 1);
	buf_puts(b, "  ");
	q_cell(b, "COMPANY", compw, 1);
	buf_puts(b, "  LAST        CHECK-IN    STRENGTH\n");
	for (i = 0; i < n; i++) {
		q_cell(b, r[i].p->display, namew, 1);
		buf_puts(b, "  ");
		q_cell(b, r[i].company ? r[i].company->display : "", compw, 1);
		buf_puts(b, "  ");
		if (r[i].last != KITH_NO_DATE)
			date_put(b, r[i].last);
		else
			buf_puts(b, "-         ");
		buf_puts(b, "  ");
		if (r[i].next != KITH_NO_DATE)
			date_put(b, r[i].next);
		else
			buf_puts(b, "-         ");
		buf_printf(b, "  %8d%s\n", r[i].strength,
		    r[i].fading ? "  fading" : "");
	}
	buf_printf(b, "%zu %s\n", n, n == 1 ? "person" : "people");
}

static void
put_json(kith_buf *b, const person_row *r, size_t n)
{
	size_t i;

	buf_puts(b, "[");
	for (i = 0; i < n; i++) {
		buf_puts(b, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
		buf_json_string(b, r[i].p->display);
		buf_puts(b, ", \"file\": ");
		if (r[i].p->path[0])
			buf_json_string(b, r[i].p->path);
		else
			buf_puts(b, "null");
		buf_puts(b, ", \"company\": ");
		if (r[i].company)
			buf_json_string(b, r[i].company->display);
		else
			buf_puts(b, "null");
		buf_puts(b, ", \"title\": ");
		if (title_of(r[i].p))
			buf_json_string(b, title_of(r[i].p));
		else
			buf_puts(b, "null");
		buf_puts(b, ", \"tags\": [");
		put_tags_joined(b, r[i].p, ", ", 1);
		buf_puts(b, "], ");
		q_json_date(b, "last", r[i].last);
		buf_puts(b, ", ");
		q_json_date(b, "check_in", r[i].next);
		buf_printf(b, ", \"strength\": %d, \"fading\": %s}",
		    r[i].strength, r[i].fading ? "true" : "false");
	}
	buf_puts(b, n ? "\n]\n" : "]\n");
}

/* A CSV field (RFC 4180): quoted when it holds a comma, a quote, a line
 * end or a leading or trailing space; a quote doubled. */
static void
csv_field(kith_buf *b, const char *s)
{
	size_t n;

	if (s == NULL)
		return;
	n = strlen(s);
	if (strpbrk(s, ",\"\r\n") == NULL && (n == 0 || (s[0] != ' ' &&
	    s[n - 1] != ' '))) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void
csv_date(kith_buf *b, kith_date d)
{
	date_put(b, d);
}

static void
put_csv(kith_buf *b, const person_row *r, size_t n)
{
	kith_buf tags = KITH_BUF_INIT;
	size_t i;

	/* a byte-order mark: spreadsheets then read the file as UTF-8 */
	buf_puts(b, "\xef\xbb\xbf" "name,company,title,email,phone,tags,"
	    "last,check_in,strength,fading,file\r\n");
	for (i = 0; i < n; i++) {
		csv_field(b, r[i].p->display);
		buf_putc(b, ',');
		csv_field(b, r[i].company ? r[i].company->display : NULL);
		buf_putc(b, ',');
		csv_field(b, title_of(r[i].p));
		buf_putc(b, ',');
		csv_field(b, first(r[i].p, &r[i].p->email));
		buf_putc(b, ',');
		csv_field(b, first(r[i].p, &r[i].p->phone));
		buf_putc(b, ',');
		buf_reset(&tags);
		put_tags_joined(&tags, r[i].p, "; ", 0);
		csv_field(b, tags.data ? tags.data : "");
		buf_putc(b, ',');
		csv_date(b, r[i].last);
		buf_putc(b, ',');
		csv_date(b, r[i].next);
		buf_printf(b, ",%d,%s,", r[i].strength, r[i].fading ? "yes" : "no");
		csv_field(b, r[i].p->path);
		buf_puts(b, "\r\n");
	}
	if (tags.oom)
		b->oom = 1;
	buf_free(&tags);
}


kith_status
kith_people(const kith_journal *j, const kith_query *q, char **out,
    size_t *len)
{
	kith_buf b = KITH_BUF_INIT;
	person_row *r;
	const note *company = NULL, *p;
	size_t i, n = 0, namew = 4, compw = 7, w;

	*out = NULL;
	if (q->company != NULL && (q_lookup(j, q->company, &company) != KITH_OK ||
	    note_is_person(company)))
		return KITH_EJOURNAL;
	if ((r = malloc((j->nnodes + 1) * sizeof(*r))) == NULL)
		return KITH_ESYSTEM;
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (!is_listed_person(p) || (q->tag && !(p->type == NOTE_PERSON &&
		    q_has_tag(p, q->tag))) || (company && q_company(p) != company))
			continue;
		person_row_of(j, p, q->today, &r[n]);
		if (q->fading && !r[n].fading)
			continue;
		if ((w = utf8_columns(p->display)) > namew)
			namew = w;
		if (r[n].company && (w = utf8_columns(r[n].company->display)) > compw)
			compw = w;
		n++;
	}
	qsort(r, n, sizeof(*r), orders[q->sort]);
	if (q->format == KITH_OUT_JSON)
		put_json(&b, r, n);
	else if (q->format == KITH_OUT_CSV)
		put_csv(&b, r, n);
	else
		put_text(&b, r, n, namew > 24 ? 24 : namew,
		    compw > 22 ? 22 : compw);
	free(r);
	return q_finish(&b, out, len);
}
