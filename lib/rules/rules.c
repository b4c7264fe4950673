/*
 * rules.c: the follow-up rules of followups.md, one function a kind.  Each
 * rule walks the graph and yields the items the report shows (wanted(),
 * asked before an item is worded); kith_due_new() (due.c) sorts them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/vec.h"
#include "model/model.h"
#include "rules/due.h"

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
	const char *subject;	/* with kind and file, what the id is made of */
	int minutes;		/* a meeting's time, or -1 */
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
	d->subject = "";
	d->minutes = -1;
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

/* Stale (followups.md): overdue by more than stale_after days, or an
 * undated task of a meeting that long ago. */
static int
is_stale(const kith_due *due, const draft *d)
{
	kith_date before = due->today - due->j->cfg.stale_after;

	if (d->due != KITH_NO_DATE)
		return d->due < before;
	return d->file->type == NOTE_MEETING && d->file->date.d < before;
}

/* An item's id: 16 hex digits of the hash of its kind, file and subject
 * (rules say what the subject is), or of a taken id and a number. */
const char *
make_id(kith_due *due, const char *kind, const char *file,
    const char *subject, unsigned again)
{
	static const char hex[] = "0123456789abcdef";
	size_t nkind = strlen(kind), nfile = strlen(file);
	size_t nsubject = strlen(subject), n;
	char stack[512], *key = stack, *id;
	uint64_t h;
	int k;

	/* kind NUL file NUL subject [NUL again]: on the stack, as nearly
	 * every key fits (this runs once an item) */
	n = nkind + nfile + nsubject + 2 + (again ? 12 : 0);
	if (n > sizeof(stack) && (key = malloc(n)) == NULL)
		return NULL;
	memcpy(key, kind, nkind + 1);
	memcpy(key + nkind + 1, file, nfile + 1);
	memcpy(key + nkind + nfile + 2, subject, nsubject);
	n = nkind + nfile + nsubject + 2;
	if (again)
		n += (size_t)snprintf(key + n, 12, "%c%u", '\0', again);
	h = bytes_hash(key, n);
	if (key != stack)
		free(key);
	if ((id = arena_alloc(&due->mem, 17)) == NULL)
		return NULL;
	for (k = 15; k >= 0; k--, h >>= 4)
		id[k] = hex[h & 15];
	id[16] = '\0';
	return id;
}

/* Adds the draft as an item; its rule asked wanted() before it worded
 * it. */
static int
emit(kith_due *due, draft *d)
{
	due_item *it;
	size_t i;
	int rc = -1;

	if (d->text.oom)
		goto out;
	if (vec_reserve(&due->items, &due->cap, due->n + 1,
	    sizeof(*due->items)) < 0)
		goto out;
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
	it->pub.minutes = d->minutes;
	it->pub.stale = is_stale(due, d);
	if ((it->pub.id = make_id(due, kith_kind_name(d->kind), d->file->path,
	    d->subject, 0)) == NULL)
		goto out;
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

/* "A, B, C and 4 more": the first names of a group, and a count. */
static void
put_some_people(kith_buf *b, draft *d, size_t show)
{
	size_t i, n = d->npeople;

	if (n <= show + 1) {
		put_people(b, d);
		return;
	}
	qsort(d->people, n, sizeof(d->people[0]), people_order);
	for (i = 0; i < show; i++) {
		if (i > 0)
			buf_puts(b, ", ");
		buf_puts(b, d->people[i]->display);
	}
	buf_printf(b, " and %zu more", n - show);
}

/* ---- the rules ---- */

static int
rule_meeting(kith_due *due, note *m)
{
	draft d;
	char cap[64];

	if (m->date.d < due->today || meeting_is_written(m))
		return 0;
	draft_init(&d, KITH_KIND_MEETING, m->date.d, m, m->date.at.line);
	meeting_people(&d, m);
	d.company = m->company.to;
	d.minutes = m->date.minutes;
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

/* Is the meeting's kind one that needs no thank-you (no_thank_you)? */
static int
needs_no_thanks(const kith_due *due, const note *m)
{
	const char *kind = meeting_kind(m);
	size_t i;

	for (i = 0; i < due->j->cfg.nno_thank_you; i++)
		if (strcmp(due->j->cfg.no_thank_you[i], kind) == 0)
			return 1;
	return 0;
}

/* "Send A a thank-you note for the coffee on D", or for a group "Follow
 * up with the people you met at TITLE on D: A, B, C and 4 more". */
static void
put_thanks(kith_buf *b, draft *d, const note *m)
{
	if (!m->is_group) {
		buf_puts(b, "Send ");
		put_people(b, d);
		buf_printf(b, " a thank-you note for the %s on ",
		    meeting_kind(m));
		date_put(b, m->date.d);
		return;
	}
	buf_puts(b, "Follow up with the people you met at ");
	if (m->title.s)
		buf_puts(b, m->title.s);
	else
		buf_printf(b, "the %s", meeting_kind(m));
	buf_puts(b, " on ");
	date_put(b, m->date.d);
	buf_puts(b, ": ");
	put_some_people(b, d, 3);
}

static int
rule_thank_you(kith_due *due, note *m)
{
	kith_date last_day;
	draft d;

	if (m->date.d >= due->today || needs_no_thanks(due, m))
		return 0;
	if (m->thanked.v != THANKED_UNSET && m->thanked.v != THANKED_NO)
		return 0;
	last_day = date_add(m->date.d, due->j->cfg.thank_you_window);
	if (last_day < due->today)
		return 0;
	draft_init(&d, KITH_KIND_THANK_YOU, m->date.d + 1, m,
	    m->thanked.v == THANKED_NO ? m->thanked.at.line : m->date.at.line);
	meeting_people(&d, m);
	if (d.npeople == 0)
		return 0;
	d.company = m->company.to;
	if (!wanted(due, &d))
		return 0;
	put_thanks(&d.text, &d, m);
	if (last_day == due->today)
		buf_puts(&d.text, " (last day)");
	return emit(due, &d);
}

/* Is there a meeting after m with p (held, today's or scheduled)? */
static int
met_again(const note *p, const note *m)
{
	return p->nmeetings > 0 && meeting_after(p->meetings[p->nmeetings - 1],
	    m);
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

/* A company whose process is over: status closed, rejected, declined,
 * withdrawn or hired. */
static int
company_is_closed(const note *c)
{
	static const char *const over[] = { "closed", "rejected", "declined",
		"withdrawn", "hired" };
	size_t i;

	if (c == NULL || !note_has_rest(c) || c->status.s == NULL)
		return 0;
	for (i = 0; i < sizeof(over) / sizeof(over[0]); i++)
		if (strcmp(c->status.s, over[i]) == 0)
			return 1;
	return 0;
}

/* The company of a meeting: its company:, else the one company that the
 * company: of its people names (none when they name two). */
static note *
meeting_company(const note *m)
{
	note *c = NULL, *p;
	size_t i;

	if (m->company.to != NULL)
		return m->company.to;
	for (i = 0; i < m->with.n; i++) {
		if ((p = m->with.v[i].to) == NULL || p->is_owner ||
		    p->company.to == NULL)
			continue;
		if (c != NULL && p->company.to != c)
			return NULL;
		c = p->company.to;
	}
	return c;
}

/* Has the process moved on since m: a later meeting shares a person or
 * is with the same company, or the company is closed? */
static int
moved_on(const note *m)
{
	const note *c = meeting_company(m), *p;
	size_t i;

	for (i = 0; i < m->with.n; i++)
		if ((p = m->with.v[i].to) != NULL && is_person(p) &&
		    met_again(p, m))
			return 1;
	if (c == NULL || !note_has_rest(c))
		return 0;
	return company_is_closed(c) ||
	    (c->company_last != NULL && meeting_after(c->company_last, m));
}

/* When m wants a next step (followups.md), sets *when and *line.  An ask
 * at a meeting that is not a group's counts; *ask says it is one. */
static int
next_step_due(const kith_due *due, const note *m, kith_date *when, int *line,
    int *ask)
{
	const char *kind = meeting_kind(m);
	int interview = strcmp(kind, "interview") == 0 ||
	    strcmp(kind, "informational") == 0;

	*line = m->date.at.line;
	*ask = !interview && !m->is_group && m->asked.n > 0;
	if (m->date.d >= due->today || m->next.v == NEXT_NONE)
		return 0;
	if (m->next.v == NEXT_DATE) {
		*when = m->next.d;
		*line = m->next.at.line;
		return 1;
	}
	*when = date_add(m->date.d, due->j->cfg.next_step_after);
	return interview || *ask;
}

static int
rule_next_step(kith_due *due, note *m)
{
	kith_date when;
	draft d;
	int line, ask;

	if (!next_step_due(due, m, &when, &line, &ask) || moved_on(m))
		return 0;
	draft_init(&d, KITH_KIND_NEXT_STEP, when, m, line);
	meeting_people(&d, m);
	if (d.npeople == 0)
		return 0;
	d.due = date_later(when, snoozed_until(&d));
	d.company = m->company.to;
	if (!wanted(due, &d))
		return 0;
	if (ask) {
		/* "Follow up with A on what you asked for (a referral) ..." */
		buf_puts(&d.text, "Follow up with ");
		put_people(&d.text, &d);
		buf_printf(&d.text, " on what you asked for (%s) after the ",
		    m->asked.v[0].s ? m->asked.v[0].s : "something");
	} else {
		buf_puts(&d.text, "Land the next meeting with ");
		put_people(&d.text, &d);
		buf_puts(&d.text, " after the ");
	}
	buf_printf(&d.text, "%s on ", meeting_kind(m));
	date_put(&d.text, m->date.d);
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
	d.subject = t->text;
	if (!wanted(due, &d))
		return 0;
	buf_puts(&d.text, t->text[0] ? t->text : "(empty task)");
	return emit(due, &d);
}

/* f: the person's figures for the day (person_day_of()). */
static int
rule_check_in(kith_due *due, note *p, const person_day *f)
{
	duration cadence;
	char every[32];
	draft d;

	if (p->type != NOTE_PERSON)
		return 0;
	cadence = person_cadence(due->j, p, f->close_tie);
	if (cadence.unit == 0 || f->last == KITH_NO_DATE || f->scheduled)
		return 0;
	draft_init(&d, KITH_KIND_CHECK_IN,
	    date_later(date_add(f->last, cadence), p->snooze.d), p,
	    p->cadence.set ? p->cadence.at.line : 1);
	draft_person(&d, p);
	d.company = p->company.to;
	if (!wanted(due, &d))
		return 0;
	duration_describe(cadence, every, sizeof(every));
	buf_printf(&d.text, "Check in with %s: last contact ", p->display);
	date_put(&d.text, f->last);
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
	d.subject = y->label;
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
rule_reciprocity(kith_due *due, note *p, const person_day *f)
{
	const note *m;
	draft d;

	if ((m = f->latest_ask) == NULL ||
	    f->asks - f->gives < due->j->cfg.reciprocity_threshold)
		return 0;
	draft_init(&d, KITH_KIND_RECIPROCITY, m->date.d, m, m->asked.at.line);
	draft_person(&d, p);
	d.subject = p->display;
	d.company = p->company.to;
	if (!wanted(due, &d))
		return 0;
	buf_printf(&d.text, "Give back to %s: you asked for %d thing%s and "
	    "gave %d", p->display, f->asks, f->asks == 1 ? "" : "s", f->gives);
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
		date_put(&d.text, c->apply_by.d);
		buf_putc(&d.text, ')');
	}
	return emit(due, &d);
}

int
rules_of_note(kith_due *due, note *n)
{
	person_day f;
	size_t i;

	if (n->skipped)
		return 0;
	if (n->type == NOTE_MEETING && (rule_meeting(due, n) < 0 ||
	    rule_thank_you(due, n) < 0 || rule_next_step(due, n) < 0))
		return -1;
	for (i = 0; i < n->ntasks; i++)
		if (rule_task(due, n, &n->tasks[i]) < 0)
			return -1;
	for (i = 0; n->type == NOTE_PERSON && i < n->yearly.n; i++)
		if (rule_date(due, n, &n->yearly.v[i]) < 0)
			return -1;
	if (is_person(n)) {	/* the day's figures, once a person */
		person_day_of(due->j, n, due->today, &f);
		if (rule_check_in(due, n, &f) < 0 ||
		    rule_reciprocity(due, n, &f) < 0)
			return -1;
	}
	return rule_target(due, n);
}
