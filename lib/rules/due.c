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

static int
id_order(const void *a, const void *b)
{
	const due_item *x = *(due_item *const *)a, *y = *(due_item *const *)b;
	int c = strcmp(x->pub.id, y->pub.id);

	return c ? c : (x < y ? -1 : x > y);
}

/* Two items of one note with the same subject (two tasks that read the
 * same) have the same id: the later ones in report order get another,
 * made from it and their number. */
static int
unique_ids(kith_due *due)
{
	due_item **by_id;
	const char *prev, *id;
	size_t i, again = 0;

	if (due->n < 2)
		return 0;
	if ((by_id = malloc(due->n * sizeof(*by_id))) == NULL)
		return -1;
	for (i = 0; i < due->n; i++)
		by_id[i] = &due->items[i];
	qsort(by_id, due->n, sizeof(*by_id), id_order);
	prev = by_id[0]->pub.id;
	for (i = 1; i < due->n; i++) {
		id = by_id[i]->pub.id;
		again = strcmp(prev, id) == 0 ? again + 1 : 0;
		prev = id;
		if (again && (by_id[i]->pub.id = make_id(due, id, "", "",
		    (unsigned)again)) == NULL)
			break;
	}
	free(by_id);
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
