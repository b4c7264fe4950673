/*
 * due.c: the query behind kith due and the dashboard's follow-ups: runs
 * every rule (rules.c) on a finished, const journal, sorts the items in
 * report order and gives each a unique id.
 */
#include <stdlib.h>
#include <string.h>

#include "rules/due.h"

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

/* A slot of the set of ids: an id and how often it came. */
typedef struct id_slot {
	const char *id;
	unsigned seen;
} id_slot;

/* The slot of an id in a table of mask + 1 slots: an id is already a
 * hash, so its first eight hex digits place it. */
static id_slot *
id_find(id_slot *table, size_t mask, const char *id)
{
	size_t at = 0, k;

	for (k = 0; k < 8; k++)
		at = at << 4 | (size_t)(id[k] <= '9' ? id[k] - '0' :
		    id[k] - 'a' + 10);
	at &= mask;

	while (table[at].id != NULL && strcmp(table[at].id, id) != 0)
		at = (at + 1) & mask;
	return &table[at];
}

/* Two items of one note with the same subject (two tasks that read the
 * same) have the same id: the later ones in report order get another,
 * made from it and their number. */
static int
unique_ids(kith_due *due)
{
	size_t i, cap = 16;
	id_slot *table, *slot;

	while (cap < 2 * due->n)
		cap *= 2;
	if ((table = calloc(cap, sizeof(*table))) == NULL)
		return -1;
	for (i = 0; i < due->n; i++) {
		slot = id_find(table, cap - 1, due->items[i].pub.id);
		if (slot->id == NULL) {
			slot->id = due->items[i].pub.id;
			continue;
		}
		if ((due->items[i].pub.id = make_id(due, slot->id, "", "",
		    ++slot->seen)) == NULL)
			break;
	}
	free(table);
	return i < due->n ? -1 : 0;
}

kith_status
kith_due_new(const kith_journal *j, const kith_due_query *q, kith_due **out)
{
	kith_due *due;
	kith_buf key = KITH_BUF_INIT;
	size_t i;

	*out = NULL;
	if ((due = calloc(1, sizeof(*due))) == NULL)
		return KITH_ESYSTEM;
	due->j = j;
	due->q = q;
	due->today = q->today;
	due->horizon = q->horizon >= 0 ? q->horizon : j->cfg.horizon;
	if (q->person != NULL) {
		due->only = graph_find(j, &key, q->person, NULL);
		buf_free(&key);
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
	if (unique_ids(due) < 0) {
		kith_due_free(due);
		return KITH_ESYSTEM;
	}
	due->where = q->where;
	due->unlimited = q->person != NULL ||
	    (q->kinds & (1u << KITH_KIND_CHECK_IN)) != 0;
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

const char *
due_where(const kith_due *d)
{
	return d->where;
}

int
due_unlimited(const kith_due *d)
{
	return d->unlimited;
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
