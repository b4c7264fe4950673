/*
 * privacy.h: what never reaches the site (privacy.c): which notes get no
 * page, and the set of private names scrubbed from every page.
 */
#ifndef KITH_PRIVACY_H
#define KITH_PRIVACY_H

#include <stddef.h>
#include <stdint.h>

#include "note/note.h"

/* The filter of private names' first words: 2^16 bits, 8 KiB. */
#define SECRET_KEY_BITS 16
#define SECRET_KEYS (1u << SECRET_KEY_BITS)

/* An entry of the set of private names: a name, or the first word of one
 * (name NULL), by fold_hash() of its bytes. */
typedef struct secret_slot {
	uint64_t hash;		/* 0: the slot is empty */
	const char *name;
	size_t len;
} secret_slot;

/* The private names to scrub.  Zeroed to start; names are added, then the
 * set is made ready, then read by any number of threads at once.  The
 * names' bytes belong to the caller (the journal's arena) and must outlive
 * the set; the name array is the set's (scrub_set_free()), the lookup
 * tables the arena's given to scrub_set_ready(). */
typedef struct scrub_set {
	const char **name;
	size_t n;
	size_t names_cap;
	size_t longest;		/* the longest name's length */
	uint64_t *first_words;	/* a bit per word_key() of a first word */
	secret_slot *slot;	/* see secret_set_add() */
	size_t cap;
} scrub_set;

/* Sets hidden[i] (one a node of j) for a private note, and for a meeting
 * with no one but private people: they get no page. */
void privacy_hidden(const kith_journal *j, unsigned char *hidden);

/* Adds a name to scrub; a name shorter than 3 bytes (or NULL) is not one.
 * Returns 0, or -1 when out of memory. */
int scrub_set_add(scrub_set *x, const char *name);
/* Adds the names of j's private notes: a person's or company's display
 * name and file name, and any private note's name: and aliases:. */
int scrub_set_of_journal(scrub_set *x, const kith_journal *j);
/* Makes the lookup tables, in mem, once every name is added.  Returns 0,
 * or -1 when out of memory. */
int scrub_set_ready(scrub_set *x, arena *mem);
void scrub_set_free(scrub_set *x);

/* Appends text to out with every private name that stands as whole words
 * (ASCII case folded; a byte from 0x80 is a word byte) replaced by
 * "someone", the longest name where several start at one place. */
void scrub_text(const scrub_set *x, const char *text, size_t len,
    kith_buf *out);
/* Scrubs a page, but for [js_at, js_end) (kith's script); the page is
 * replaced only when a name was found.  Returns 0, or -1 when out of
 * memory (the page is left as it was). */
int scrub_page(const scrub_set *x, kith_buf *page, size_t js_at,
    size_t js_end);

#endif
