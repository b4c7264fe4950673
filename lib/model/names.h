/*
 * names.h: the name index of the graph (names.c), private to model/: every
 * name, stem and path of every note, folded, with the notes that claim it,
 * and the unresolved nodes.  Built by graph_build() (graph.c) and only read
 * after: graph_find() asks it on any thread.
 */
#ifndef KITH_NAMES_INDEX_H
#define KITH_NAMES_INDEX_H

#include <stdint.h>

#include "model/model.h"

typedef struct claim {
	note *n;
	struct claim *next;
	int alias;
} claim;

/* A key of the index: 32 bytes, as there is one for each name, stem and
 * path of every note.  A key no note claims may stand for an unresolved
 * node (claims are all made before any reference is resolved). */
typedef struct slot {
	const char *key;	/* folded */
	uint64_t hash;
	union {
		claim *claims;	/* when !unresolved */
		note *node;	/* when unresolved */
	} u;
	unsigned char unresolved;
	unsigned char alias_used;
	unsigned char shared;	/* more than one note claims the key */
} slot;

/* The claims of a slot (NULL for an unresolved name's). */
static inline claim *
claims_of(const slot *s)
{
	return s->unresolved ? NULL : s->u.claims;
}

/* A name a "did you mean" may offer: a claimed key that is not a path. */
typedef struct known {
	const char *key;
	size_t len;		/* in characters */
	uint64_t bytes;		/* their set: name_chars() */
	const char *display;
} known;

struct name_index {
	slot *slots;
	size_t cap;
	size_t n;
	kith_buf key;		/* the builder's folded name (resolve_lookup) */
	known *known;		/* by length, made at the first suggestion */
	size_t nknown;
	int known_made;
};

/* The index's slots: grown (doubled) only before any claim; the slot of a
 * key (with its hash), created when create is set (NULL when there is
 * none, or when out of memory). */
int index_grow(struct name_index *x);
slot *index_slot_hashed(struct name_index *x, const char *key, uint64_t h,
    int create);
slot *index_slot(struct name_index *x, const char *key, int create);
/* Claims every note's names (stem, path, name, aliases) in path order. */
int index_notes(kith_journal *j);
/* The notes that claim a slot, as aliases or not: up to max into out, and
 * how many there are. */
size_t candidates(const slot *s, int alias, note **out, size_t max);
size_t claim_count(const slot *s, int alias);
/* graph_find() while the graph is built (see names.c). */
note *resolve_lookup(kith_journal *j, const char *name, int *ambiguous);
/* "Did you mean": the nearest known name, or NULL. */
const char *suggest(kith_journal *j, const char *name);

#endif
