/*
 * rules.c: the follow-up rules of followups.md, one function a kind.  Each
 * rule walks the graph and yields the items the report shows (wanted(),
 * asked before an item is worded); kith_due_new() sorts them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct due_item {
	kith_item pub;
	note **nodes;		/* the people, as graph nodes */
	note *company;
} due_item;

struct kith_due {
	arena mem;
	due_item *items;
	size_t n;
	size_t cap;
	kith_date today;
	int horizon;
	const kith_due_query *q;
	const kith_journal *j;
	note *only;		/* --person */
};

static const char *const kind_names[KITH_KIND_COUNT] = {
	"check-in", "date", "meeting", "next-step", "reciprocity", "target",
	"task", "thank-you"
};

const char *
kith_kind_name(kith_kind k)
{
	return (unsigned)k < KITH_KIND_COUNT ? kind_names[k] : NULL;
}

int
kith_kind_parse(const char *name, kith_kind *out)
{
	int k;

	for (k = 0; k < KITH_KIND_COUNT; k++) {
		if (strcmp(kind_names[k], name) == 0) {
			*out = (kith_kind)k;
			return 0;
		}
	}
	return -1;
}

const char *
meeting_kind(const note *m)
{
	return m->kind.s ? m->kind.s : "meeting";
}

/* Someone an item can be about: a person, never the owner. */
static int
is_person(const note *n)
{
	return note_is_person(n) && !n->is_owner;
}

/* ---- building one item ---- */

typedef struct draft {
	kith_kind kind;
	kith_date due;
	const note *file;
	int line;
	note *people[64];
	size_t npeople;
	note *company;
	kith_buf text;
} draft;

static void
draft_init(draft *d, kith_kind kind, kith_date due, const note *file,
    int line)
{
	/* not memset: people[] is read only below npeople */
	d->kind = kind;
	d->due = due;
	d->file = file;
	d->line = line > 0 ? line : 1;
	d->npeople = 0;
	d->company = NULL;
	d->text = (kith_buf)KITH_BUF_INIT;
}

static void
draft_person(draft *d, note *p)
{
	size_t i;

	if (!is_person(p) || d->npeople == sizeof(d->people) / sizeof(d->people[0]))
		return;
	for (i = 0; i < d->npeople; i++)
		if (d->people[i] == p)
			return;
	d->people[d->npeople++] = p;
}

static int
people_order(const void *a, const void *b)
{
	const note *x = *(note *const *)a, *y = *(note *const *)b;
	int c = name_cmp(x->display, y->display);

	return c ? c : strcmp(x->path, y->path);
}

/* "A", "A and B", "A, B and C" */
static void
put_people(kith_buf *b, draft *d)
{
	size_t i;

	qsort(d->people, d->npeople, sizeof(d->people[0]), people_order);
	if (d->npeople == 0)
		buf_puts(b, "nobody");
	for (i = 0; i < d->npeople; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == d->npeople ? " and " : ", ");
		buf_puts(b, d->people[i]->display);
	}
}

/* Does the report show the draft (its date within the horizon, its kind
 * and person asked for)?  Each rule asks before it words the item, so
 * that the items past the horizon, most of them, cost no text. */
static int
wanted(const kith_due *due, const draft *d)
{
	size_t i;

	if (d->due != KITH_NO_DATE && d->due > due->today + due->horizon)
		return 0;
	if (due->q->kinds && !(due->q->kinds & (1u << d->kind)))
		return 0;
	if (due->only == NULL || d->company == due->only)
		return 1;
	for (i = 0; i < d->npeople; i++)
		if (d->people[i] == due->only)
			return 1;
	return 0;
}

/* Adds the draft as an item; its rule asked wanted() before it worded
 * it. */
static int
emit(kith_due *due, draft *d)
{
	due_item *it, *grown;
	size_t i;
	int rc = -1;

	if (d->text.oom)
		goto out;
	if (due->n == due->cap) {
		due->cap = due->cap ? 2 * due->cap : 64;
		if ((grown = realloc(due->items, due->cap * sizeof(*grown))) == NULL)
			goto out;
		due->items = grown;
	}
	it = &due->items[due->n];
	memset(it, 0, sizeof(*it));
	qsort(d->people, d->npeople, sizeof(d->people[0]), people_order);
	it->nodes = arena_alloc(&due->mem, (d->npeople + 1) * sizeof(note *));
	it->pub.people = arena_alloc(&due->mem,
	    (d->npeople + 1) * sizeof(char *));
	it->pub.text = arena_strdup(&due->mem, d->text.data ? d->text.data : "");
	if (it->nodes == NULL || it->pub.people == NULL || it->pub.text == NULL)
		goto out;
	for (i = 0; i < d->npeople; i++) {
		it->nodes[i] = d->people[i];
		it->pub.people[i] = d->people[i]->display;
	}
	it->pub.npeople = d->npeople;
	it->company = d->company;
	it->pub.company = d->company ? d->company->display : NULL;
	it->pub.kind = d->kind;
	it->pub.due = d->due;
	it->pub.file = d->file->path;
	it->pub.line = d->line;
	if (d->due == KITH_NO_DATE)
		it->pub.when = KITH_UNDATED;
	else if (d->due < due->today)
		it->pub.when = KITH_OVERDUE;
	else if (d->due == due->today)
		it->pub.when = KITH_TODAY;
	else
		it->pub.when = KITH_UPCOMING;
	due->n++;
	rc = 0;
out:
	buf_free(&d->text);
	return rc;
}

static void
put_date(kith_buf *b, kith_date day)
{
	char s[11];

	kith_date_format(day, s);
	buf_puts(b, s);
}

static void
put_time(kith_buf *b, int minutes)
{
	if (minutes >= 0)
		buf_printf(b, " at %02d:%02d", minutes / 60, minutes % 60);
}

static void
meeting_people(draft *d, const note *m)
{
	size_t i;

	for (i = 0; i < m->with.n; i++)
		draft_person(d, m->with.v[i].to);
}

/* ---- the rules ---- */

static int
rule_meeting(kith_due *due, note *m)
{
	draft d;
	char cap[64];

	if (m->date.d <= due->today)
		return 0;
	draft_init(&d, KITH_KIND_MEETING, m->date.d, m, m->date.at.line);
	meeting_people(&d, m);
	d.company = m->company.to;
	if (!wanted(due, &d))
		return 0;
	if (m->title.s) {
		/* "Final onsite at 10:00 (Elena Kovacs and Marcus Chen)" */
		buf_puts(&d.text, m->title.s);
		put_time(&d.text, m->date.minutes);
		buf_puts(&d.text, " (");
		put_people(&d.text, &d);
		buf_putc(&d.text, ')');
	} else {
		/* "Coffee with Priya Nair at 09:30" */
		snprintf(cap, sizeof(cap), "%s", meeting_kind(m));
		if (cap[0] >= 'a' && cap[0] <= 'z')
			cap[0] = (char)(cap[0] - 32);
		buf_puts(&d.text, cap);
		buf_puts(&d.text, " with ");
		put_people(&d.text, &d);
		put_time(&d.text, m->date.minutes);
	}
	return emit(due, &d);
}

static int
rule_thank_you(kith_due *due, note *m)
{
	const char *kind = meeting_kind(m);
	draft d;

	if (m->date.d > due->today || strcmp(kind, "email") == 0 ||
	    strcmp(kind, "message") == 0)
		return 0;
	if (m->thanked.v != THANKED_UNSET && m->thanked.v != THANKED_NO)
		return 0;
	if (date_add(m->date.d, due->j->cfg.thank_you_window) < due->today)
		return 0;
	draft_init(&d, KITH_KIND_THANK_YOU, m->date.d + 1, m,
	    m->thanked.v == THANKED_NO ? m->thanked.at.line : m->date.at.line);
	meeting_people(&d, m);
	if (d.npeople == 0)
		return 0;
	d.company = m->company.to;
	if (!wanted(due, &d))
		return 0;
	buf_puts(&d.text, "Send ");
	put_people(&d.text, &d);
	buf_printf(&d.text, " a thank-you note for the %s on ", kind);
	put_date(&d.text, m->date.d);
	return emit(due, &d);
}

/* Is there a meeting after m with p (held or scheduled)? */
static int
met_again(const note *p, const note *m)
{
	const note *last;

	if (p->nmeetings == 0)
		return 0;
	last = p->meetings[p->nmeetings - 1];
	return last->date.d > m->date.d || (last->date.d == m->date.d &&
	    m->date.minutes >= 0 && last->date.minutes > m->date.minutes);
}

/* The date the item's people hold it back to: the earliest of their
 * snoozes when every one of them is snoozed. */
static kith_date
snoozed_until(const draft *d)
{
	kith_date until = KITH_NO_DATE;
	size_t i;

	for (i = 0; i < d->npeople; i++) {
		if (d->people[i]->snooze.d == KITH_NO_DATE)
			return KITH_NO_DATE;
		if (until == KITH_NO_DATE || d->people[i]->snooze.d < until)
			until = d->people[i]->snooze.d;
	}
	return until;
}

static int
rule_next_step(kith_due *due, note *m)
{
	const char *kind = meeting_kind(m);
	kith_date when;
	draft d;
	size_t i;
	int line = m->date.at.line;

	if (m->date.d > due->today || m->next.v == NEXT_NONE)
		return 0;
	if (m->next.v == NEXT_DATE) {
		when = m->next.d;
		line = m->next.at.line;
	} else if (strcmp(kind, "interview") == 0 ||
	    strcmp(kind, "informational") == 0) {
		when = date_add(m->date.d, due->j->cfg.next_step_after);
	} else {
		return 0;
	}
	for (i = 0; i < m->with.n; i++)
		if (is_person(m->with.v[i].to) && met_again(m->with.v[i].to, m))
			return 0;
	draft_init(&d, KITH_KIND_NEXT_STEP, when, m, line);
	meeting_people(&d, m);
	if (d.npeople == 0)
		return 0;
	d.due = date_later(when, snoozed_until(&d));
	d.company = m->company.to;
	if (!wanted(due, &d))
		return 0;
	buf_puts(&d.text, "Land the next meeting with ");
	put_people(&d.text, &d);
	buf_printf(&d.text, " after the %s on ", kind);
	put_date(&d.text, m->date.d);
	return emit(due, &d);
}

static note *
note_company(note *n)
{
	if (n->type == NOTE_COMPANY)
		return n;
	return n->company.to;
}

static int
rule_task(kith_due *due, note *n, const task *t)
{
	draft d;
	size_t i;
	note *to;

	if (t->done)
		return 0;
	draft_init(&d, KITH_KIND_TASK, t->due, n, t->at.line);
	for (i = 0; i < t->nlinks; i++) {
		to = n->mentions[t->first_link + i].ref.to;
		if (to != NULL && to->type == NOTE_COMPANY && d.company == NULL)
			d.company = to;
		draft_person(&d, to);
	}
	if (d.npeople == 0) {
		if (n->type == NOTE_MEETING)
			meeting_people(&d, n);
		else if (n->type == NOTE_PERSON)
			draft_person(&d, n);
	}
	if (d.company == NULL)
		d.company = note_company(n);
	if (!wanted(due, &d))
		return 0;
	buf_puts(&d.text, t->text[0] ? t->text : "(empty task)");
	return emit(due, &d);
}

static int
rule_check_in(kith_due *due, note *p)
{
	duration cadence = person_cadence(due->j, p);
	char every[32];
	draft d;

	if (p->type != NOTE_PERSON || p->is_owner || cadence.unit == 0 ||
	    p->last == KITH_NO_DATE || p->scheduled)
		return 0;
	draft_init(&d, KITH_KIND_CHECK_IN,
	    date_later(date_add(p->last, cadence), p->snooze.d), p,
	    p->cadence.set ? p->cadence.at.line : 1);
	draft_person(&d, p);
	d.company = p->company.to;
	if (!wanted(due, &d))
		return 0;
	duration_describe(cadence, every, sizeof(every));
	buf_printf(&d.text, "Check in with %s: last contact ", p->display);
	put_date(&d.text, p->last);
	buf_printf(&d.text, ", every %s", every);
	return emit(due, &d);
}

static int
rule_date(kith_due *due, note *p, const f_yearly *y)
{
	int year, years;
	draft d;

	if (p->type != NOTE_PERSON || p->is_owner)
		return 0;
	draft_init(&d, KITH_KIND_DATE,
	    date_next_yearly(due->today, y->month, y->day, &year), p, y->at.line);
	draft_person(&d, p);
	d.company = p->company.to;
	if (!wanted(due, &d))
		return 0;
	buf_printf(&d.text, "%s's %s", p->display, y->label);
	years = y->year ? year - y->year : 0;
	if (years > 0 && strcmp(y->label, "birthday") == 0)
		buf_printf(&d.text, " (turns %d)", years);
	else if (years > 0)
		buf_printf(&d.text, " (%d year%s)", years, years == 1 ? "" : "s");
	return emit(due, &d);
}

static int
rule_reciprocity(kith_due *due, note *p)
{
	const note *m;
	draft d;

	if (!is_person(p) || (m = p->latest_ask) == NULL ||
	    p->asks - p->gives < due->j->cfg.reciprocity_threshold)
		return 0;
	draft_init(&d, KITH_KIND_RECIPROCITY, m->date.d, m, m->asked.at.line);
	draft_person(&d, p);
	d.company = p->company.to;
	if (!wanted(due, &d))
		return 0;
	buf_printf(&d.text, "Give back to %s: you asked for %d thing%s and "
	    "gave %d", p->display, p->asks, p->asks == 1 ? "" : "s", p->gives);
	return emit(due, &d);
}

int
company_is_target(const note *c)
{
	const char *s = c->status.s;

	return (c->target.set && c->target.yes) ||
	    (s && (strcmp(s, "target") == 0 || strcmp(s, "applying") == 0));
}

static int
rule_target(kith_due *due, note *c)
{
	draft d;
	int line;

	if (c->type != NOTE_COMPANY || !company_is_target(c) || c->has_contact)
		return 0;
	line = c->target.set ? c->target.at.line :
	    c->status.s ? c->status.at.line : 1;
	draft_init(&d, KITH_KIND_TARGET, c->apply_by.d != KITH_NO_DATE ?
	    c->apply_by.d : due->today, c, line);
	d.company = c;
	if (!wanted(due, &d))
		return 0;
	buf_printf(&d.text, "Find someone at %s before you apply", c->display);
	if (c->apply_by.d != KITH_NO_DATE) {
		buf_puts(&d.text, " (apply by ");
		put_date(&d.text, c->apply_by.d);
		buf_putc(&d.text, ')');
	}
	return emit(due, &d);
}

static int
rules_of_note(kith_due *due, note *n)
{
	size_t i;

	if (n->skipped)
		return 0;
	if (n->type == NOTE_MEETING && (rule_meeting(due, n) < 0 ||
	    rule_thank_you(due, n) < 0 || rule_next_step(due, n) < 0))
		return -1;
	for (i = 0; i < n->ntasks; i++)
		if (rule_task(due, n, &n->tasks[i]) < 0)
			return -1;
	if (n->type == NOTE_PERSON && rule_check_in(due, n) < 0)
		return -1;
	for (i = 0; n->type == NOTE_PERSON && i < n->yearly.n; i++)
		if (rule_date(due, n, &n->yearly.v[i]) < 0)
			return -1;
	if (rule_reciprocity(due, n) < 0 || rule_target(due, n) < 0)
		return -1;
	return 0;
}

/* Report order: due (undated last), kind, file, line, text. */
static int
item_order(const void *a, const void *b)
{
	const kith_item *x = &((const due_item *)a)->pub;
	const kith_item *y = &((const due_item *)b)->pub;
	int c;

	if (x->due != y->due) {
		if (x->due == KITH_NO_DATE || y->due == KITH_NO_DATE)
			return x->due == KITH_NO_DATE ? 1 : -1;
		return x->due < y->due ? -1 : 1;
	}
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if ((c = strcmp(x->file, y->file)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->text, y->text);
}

kith_status
kith_due_new(const kith_journal *j, const kith_due_query *q, kith_due **out)
{
	kith_due *due;
	size_t i;
	int ambiguous;

	*out = NULL;
	if ((due = calloc(1, sizeof(*due))) == NULL)
		return KITH_ESYSTEM;
	due->j = j;
	due->q = q;
	due->today = j->today;
	due->horizon = q->horizon >= 0 ? q->horizon : j->cfg.horizon;
	if (q->person != NULL) {
		due->only = graph_lookup((kith_journal *)j, q->person, &ambiguous);
		if (due->only == NULL) {
			kith_due_free(due);
			return KITH_EJOURNAL;
		}
	}
	for (i = 0; i < j->nnodes; i++) {
		if (rules_of_note(due, j->notes[i]) < 0) {
			kith_due_free(due);
			return KITH_ESYSTEM;
		}
	}
	if (due->n > 1)
		qsort(due->items, due->n, sizeof(*due->items), item_order);
	due->q = NULL;
	*out = due;
	return KITH_OK;
}

void
kith_due_free(kith_due *d)
{
	if (d == NULL)
		return;
	arena_free(&d->mem);
	free(d->items);
	free(d);
}

note *const *
due_item_people(const kith_due *d, size_t i, size_t *n)
{
	*n = d->items[i].pub.npeople;
	return d->items[i].nodes;
}

note *
due_item_company(const kith_due *d, size_t i)
{
	return d->items[i].company;
}

size_t
kith_due_count(const kith_due *d)
{
	return d->n;
}

const kith_item *
kith_due_item(const kith_due *d, size_t i)
{
	return i < d->n ? &d->items[i].pub : NULL;
}

kith_date
kith_due_today(const kith_due *d)
{
	return d->today;
}

int
kith_due_horizon(const kith_due *d)
{
	return d->horizon;
}
