/*
 * figures.c: what the rules need of each node, gathered once the graph is
 * resolved: each person's meetings (by date), each meeting's group flag,
 * each company's latest meeting and whether anyone names it.  What depends
 * on the day (last(P), scheduled, close or weak tie, asks and gives, the
 * cadence) is worked out for a query's day: person_day_of().
 */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

/* For qsort() of note pointers: by date and time, then path. */
int
meeting_order(const void *a, const void *b)
{
	const note *x = *(note *const *)a, *y = *(note *const *)b;

	if (x->date.d != y->date.d)
		return x->date.d < y->date.d ? -1 : 1;
	if (x->date.minutes != y->date.minutes)
		return x->date.minutes < y->date.minutes ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* Fills each person's meetings, by date, and last(P), asks and gives. */
static int
gather_meetings(kith_journal *j)
{
	size_t i, k, total = 0;
	note *m, *p, **slots;

	for (i = 0; i < j->nnotes; i++) {
		m = j->notes[i];
		if (m->type != NOTE_MEETING || m->skipped)
			continue;
		for (k = 0; k < m->with.n; k++)
			if ((p = m->with.v[k].to) != NULL && note_has_rest(p)) {
				p->nmeetings++;
				total++;
			}
	}
	if ((slots = arena_alloc(&j->mem, (total ? total : 1) *
	    sizeof(*slots))) == NULL)
		return -1;
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (!note_has_rest(p))	/* a meeting: has no meetings */
			continue;
		p->meetings = slots;
		slots += p->nmeetings;
		p->nmeetings = 0;
	}
	for (i = 0; i < j->nnotes; i++) {
		m = j->notes[i];
		if (m->type != NOTE_MEETING || m->skipped)
			continue;
		for (k = 0; k < m->with.n; k++) {
			p = m->with.v[k].to;
			/* A person named twice in one with: met once. */
			if (p != NULL && note_has_rest(p) && (p->nmeetings == 0 ||
			    p->meetings[p->nmeetings - 1] != m))
				p->meetings[p->nmeetings++] = m;
		}
	}
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (note_has_rest(p) && p->nmeetings > 1)
			qsort(p->meetings, p->nmeetings, sizeof(*p->meetings),
			    meeting_order);
	}
	return 0;
}

static int
day_order(const void *a, const void *b)
{
	kith_date x = *(const kith_date *)a, y = *(const kith_date *)b;

	return x < y ? -1 : x > y;
}

/* The days a daily note links each person: a contact on that day (for
 * last(P)), not a meeting. */
static int
gather_dailies(kith_journal *j)
{
	size_t i, k, total = 0;
	note *d, *p;
	kith_date *days;

	for (i = 0; i < j->nnotes; i++) {
		d = j->notes[i];
		if (d->daily == KITH_NO_DATE || d->skipped)
			continue;
		for (k = 0; k < d->nmentions; k++)
			if (note_names_person(p = d->mentions[k].ref.to) &&
			    note_has_rest(p)) {
				p->ndailies++;
				total++;
			}
	}
	if (total == 0)
		return 0;
	if ((days = arena_alloc(&j->mem, total * sizeof(*days))) == NULL)
		return -1;
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (!note_has_rest(p) || p->ndailies == 0)
			continue;
		p->dailies = days;
		days += p->ndailies;
		p->ndailies = 0;
	}
	for (i = 0; i < j->nnotes; i++) {
		d = j->notes[i];
		if (d->daily == KITH_NO_DATE || d->skipped)
			continue;
		for (k = 0; k < d->nmentions; k++)
			if (note_names_person(p = d->mentions[k].ref.to) &&
			    note_has_rest(p))
				p->dailies[p->ndailies++] = d->daily;
	}
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (note_has_rest(p) && p->ndailies > 1)
			qsort(p->dailies, p->ndailies, sizeof(*p->dailies),
			    day_order);
	}
	return 0;
}

/* A group meeting (followups.md): kind event, or more than group_size
 * people in its with:, the owner not counted and each person once. */
static int
meeting_is_group(const kith_journal *j, const note *m)
{
	size_t i, k, people = 0;
	const note *p;

	if (m->kind.s != NULL && strcmp(m->kind.s, "event") == 0)
		return 1;
	for (i = 0; i < m->with.n && people <= (size_t)j->cfg.group_size; i++) {
		if ((p = m->with.v[i].to) == NULL || p->is_owner)
			continue;
		for (k = 0; k < i && m->with.v[k].to != p; k++)
			;
		people += k == i;
	}
	return people > (size_t)j->cfg.group_size;
}

/* last(P) and what P's held meetings (before today) say; a meeting of
 * today or later is scheduled.  P is a close tie when any setting or
 * meeting says so (followups.md). */
void
person_day_of(const kith_journal *j, const note *p, kith_date today,
    person_day *out)
{
	size_t k;
	const note *m;

	memset(out, 0, sizeof(*out));
	out->last = date_later(p->last_contact.d, p->met.d);
	out->close_tie = p->cadence.set || p->last_contact.d != KITH_NO_DATE;
	for (k = 0; k < p->nmeetings; k++) {
		m = p->meetings[k];
		if (m->date.d >= today) {
			out->scheduled = 1;
			continue;
		}
		out->last = date_later(out->last, m->date.d);
		out->close_tie |= !m->is_group;
		out->asks += (int)m->asked.n;
		out->gives += (int)m->gave.n;
		if (m->asked.n > 0)
			out->latest_ask = m;	/* meetings are in date order */
	}
	/* a day a daily note links them, before today */
	for (k = p->ndailies; k > 0; k--)
		if (p->dailies[k - 1] < today) {
			out->last = date_later(out->last, p->dailies[k - 1]);
			break;
		}
	/* last, as it folds each tag: most people are close by now */
	if (!out->close_tie)
		out->close_tie = person_tag_cadence(j, p, NULL);
}

/* Is m later than other: a later day, or the same day at a later time
 * when both have one? */
int
meeting_after(const note *m, const note *other)
{
	return m->date.d > other->date.d || (m->date.d == other->date.d &&
	    other->date.minutes >= 0 && m->date.minutes > other->date.minutes);
}

static void
company_saw(note *c, note *m)
{
	if (c == NULL || !note_has_rest(c))
		return;
	if (c->company_last == NULL || meeting_after(m, c->company_last))
		c->company_last = m;
}

/* Each company's latest meeting: one whose company: names it, or whose
 * with: names a person whose company: does. */
static void
company_meetings(kith_journal *j)
{
	size_t i, k;
	note *m;

	for (i = 0; i < j->nnotes; i++) {
		m = j->notes[i];
		if (m->type != NOTE_MEETING || m->skipped)
			continue;
		m->is_group = meeting_is_group(j, m);
		company_saw(m->company.to, m);
		for (k = 0; k < m->with.n; k++)
			if (m->with.v[k].to != NULL)
				company_saw(m->with.v[k].to->company.to, m);
	}
}

static void
company_contacts(kith_journal *j)
{
	size_t i;
	note *n;

	for (i = 0; i < j->nnotes; i++) {
		n = j->notes[i];
		if (n->skipped || n->is_owner || n->company.to == NULL)
			continue;
		if (n->type == NOTE_PERSON || n->type == NOTE_MEETING)
			n->company.to->has_contact = 1;
	}
}

int
graph_figures(kith_journal *j)
{
	if (gather_meetings(j) < 0 || gather_dailies(j) < 0)
		return -1;
	company_meetings(j);
	company_contacts(j);
	return 0;
}

/* The shortest cadence of a person's tags in cadence_by_tag (never is
 * longest) into *out when out is not NULL.  Returns 1 when a tag has one. */
int
person_tag_cadence(const kith_journal *j, const note *p, duration *out)
{
	kith_buf tag = KITH_BUF_INIT;	/* one tag at a time, folded */
	duration best = j->cfg.cadence, d;
	kith_date base = 0;
	size_t i, k;
	int found = 0;

	for (i = 0; i < p->tags.n && j->cfg.nby_tag > 0; i++) {
		buf_reset(&tag);
		name_fold_buf(&tag, p->tags.v[i].s);
		if (tag.oom)
			break;
		for (k = 0; k < j->cfg.nby_tag; k++) {
			if (strcmp(j->cfg.by_tag[k].tag, tag.data) != 0)
				continue;
			d = j->cfg.by_tag[k].cadence;
			/* Shortest: compare where each lands from one day. */
			if (!found || (d.unit != 0 && (best.unit == 0 ||
			    date_add(base, d) < date_add(base, best)))) {
				best = d;
				found = 1;
			}
		}
	}
	buf_free(&tag);
	if (found && out != NULL)
		*out = best;
	return found;
}

/* A person's check-in cadence: their own, else the shortest of their tags',
 * else the journal's, which only a close tie has (followups.md); a weak
 * tie without one of their own has none (unit 0). */
duration
person_cadence(const kith_journal *j, const note *p, int close_tie)
{
	duration d = { 0, 0 };

	if (p->cadence.set)
		return p->cadence.v;
	if (person_tag_cadence(j, p, &d))
		return d;
	return close_tie ? j->cfg.cadence : d;
}

void
graph_private(const kith_journal *j, unsigned char *hidden)
{
	size_t i, k, secret, open;
	note *n, *p;

	for (i = 0; i < j->nnodes; i++)
		hidden[i] = j->notes[i]->private_note;
	for (i = 0; i < j->nnotes; i++) {
		n = j->notes[i];
		if (n->type != NOTE_MEETING || n->skipped)
			continue;
		for (k = secret = open = 0; k < n->with.n; k++) {
			if ((p = n->with.v[k].to) == NULL || p->is_owner)
				continue;
			if (hidden[p->index])
				secret++;
			else
				open++;
		}
		if (secret > 0 && open == 0)
			hidden[i] = 1;
	}
}
