/*
 * rules.h: the follow-up rules (rules.c), a query on a finished graph:
 * what the site needs of an item beyond kith.h.
 */
#ifndef KITH_RULES_H
#define KITH_RULES_H

#include "note/note.h"

/* rules.c: the graph nodes behind an item (for the site) */
note *const *due_item_people(const kith_due *d, size_t i, size_t *n);
note *due_item_company(const kith_due *d, size_t i);
/* A company you want to work at: target: yes, or status target/applying. */
int company_is_target(const note *c);

/* rules.c: every check-in is listed (--person, --kind check-in) */
int due_unlimited(const kith_due *d);
/* kith_due_query.where, or NULL */
const char *due_where(const kith_due *d);

#endif
