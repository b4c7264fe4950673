/*
 * arena.c: a bump allocator over a list of chunks.
 */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* ASan (gcc or clang): arena_alloc_fenced() poisons the bytes after what
 * it hands out, so that reading past it is caught. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define FENCE 64
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define FENCE 0
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define CHUNK_SIZE (64u * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t used;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

#define ALIGN alignof(max_align_t)

/* Room for size bytes at alignment align (1 or ALIGN), not zeroed. */
static void *
arena_take(arena *a, size_t size, size_t align)
{
	struct arena_chunk *c;
	size_t csize, at;
	void *p;

	c = a->chunk;
	at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	if (c == NULL || at > c->size || c->size - at < size) {
		csize = size > CHUNK_SIZE / 4 ? size : CHUNK_SIZE;
		if ((c = malloc(sizeof(*c) + csize)) == NULL) {
			a->oom = 1;
			return NULL;
		}
		c->used = 0;
		c->size = csize;
		if (csize == size && a->chunk != NULL) {
			/* A big block: keep the current chunk for small ones. */
			c->next = a->chunk->next;
			a->chunk->next = c;
		} else {
			c->next = a->chunk;
			a->chunk = c;
		}
		at = 0;
	}
	p = c->data + at;
	c->used = at + size;
	return p;
}

void *
arena_alloc(arena *a, size_t size)
{
	void *p = arena_take(a, size, ALIGN);

	if (p != NULL)
		memset(p, 0, size);
	return p;
}

void *
arena_alloc_fenced(arena *a, size_t size)
{
	unsigned char *p = arena_alloc(a, size + FENCE);

	if (p != NULL)
		POISON(p + size, FENCE);
	return p;
}

/* Strings are packed: no alignment, no zeroing but the NUL. */
char *
arena_strndup(arena *a, const char *s, size_t n)
{
	char *p;

	if ((p = arena_take(a, n + 1, 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void *
arena_push(arena *a, void *items, size_t *n, size_t size)
{
	unsigned char **array = items, *grown;

	if ((*n & (*n - 1)) == 0) {
		grown = arena_alloc(a, (*n ? 2 * *n : 1) * size);
		if (grown == NULL)
			return NULL;
		if (*n)
			memcpy(grown, *array, *n * size);
		*array = grown;
	}
	return *array + (*n)++ * size;
}

void
arena_merge(arena *to, arena *from)
{
	struct arena_chunk *last;

	to->oom |= from->oom;
	if (from->chunk == NULL)
		return;
	/* from's chunks go behind to's current one, which stays in use */
	for (last = from->chunk; last->next != NULL; last = last->next)
		;
	if (to->chunk == NULL) {
		to->chunk = from->chunk;
	} else {
		last->next = to->chunk->next;
		to->chunk->next = from->chunk;
	}
	from->chunk = NULL;
	from->oom = 0;
}

void
arena_reset(arena *a)
{
	struct arena_chunk *keep = a->chunk, *c, *next;

	if (keep == NULL)
		return;
	for (c = keep->next; c != NULL; c = next) {
		next = c->next;
		UNPOISON(c->data, c->size);
		free(c);
	}
	keep->next = NULL;
	keep->used = 0;
	UNPOISON(keep->data, keep->size);
	a->oom = 0;
}

void
arena_free(arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->chunk; c != NULL; c = next) {
		next = c->next;
		UNPOISON(c->data, c->size);
		free(c);
	}
	a->chunk = NULL;
}
