/*
 * due.h: a follow-up report as the rules make it, private to rules/: the
 * rules (rules.c) add its items, the query (due.c) runs them and sorts.
 */
#ifndef KITH_DUE_H
#define KITH_DUE_H

#include "model/model.h"
#include "rules/rules.h"

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
	int unlimited;		/* --person or --kind check-in: every check-in */
	const char *where;	/* kith_due_query's, copied */
};

/* Adds the items of a node's rules.  Returns 0, or -1 when out of memory. */
int rules_of_note(kith_due *due, note *n);
/* An item's id: 16 hex digits of the hash of its kind, file and subject
 * (rules say what the subject is), or of a taken id and a number; in the
 * report's arena, NULL when out of memory. */
const char *make_id(kith_due *due, const char *kind, const char *file,
    const char *subject, unsigned again);

#endif
