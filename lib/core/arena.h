/*
 * arena.h: memory for the journal's lifetime.  Notes, strings and the
 * graph's adjacency are allocated here and die together in arena_free()
 * (the edges themselves grow as they are found: a malloc'd array).
 */
#ifndef KITH_ARENA_H
#define KITH_ARENA_H

#include <stddef.h>

struct arena_chunk;

typedef struct arena {
	struct arena_chunk *chunk;
	int oom;	/* set once any allocation failed */
} arena;

/* Zeroed memory, aligned for any type; NULL (and a->oom) when out of memory. */
void *arena_alloc(arena *a, size_t size);

/* arena_alloc(), and under AddressSanitizer the bytes right after the
 * block are poisoned: for blocks cut shorter than their type (notes). */
void *arena_alloc_fenced(arena *a, size_t size);

/* Copies of strings; NULL when out of memory. */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);

/*
 * Appends one zeroed element of the given size to the array *items holding
 * *n elements, growing it (doubling) when *n is a power of two.  Returns the
 * new element, or NULL when out of memory.  The old storage stays in the
 * arena until it is freed.
 */
void *arena_push(arena *a, void *items, size_t *n, size_t size);

/* Moves everything allocated in from into to (from is left empty). */
void arena_merge(arena *to, arena *from);

/* Forgets everything allocated, keeping one chunk for reuse. */
void arena_reset(arena *a);

void arena_free(arena *a);

#endif
