/*
 * slug.c: page names.  A slug is lower-case ASCII letters, digits and '-'
 * (safe on every file system, in every URL), made from the display name:
 * accented Latin letters lose their accents, other characters become '-'.
 * A name with nothing left (all Chinese, say) gets "n-" and a hash of the
 * name.  Slugs are unique within a folder: the second Jane Doe is
 * jane-doe-2, in path order, so the same journal gives the same slugs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site.h"

#define SLUG_MAX 60

/* ASCII for U+00C0..U+017F, two characters each ("" none, one or two). */
static const char latin[][3] = {
	/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u",
	"u", "u", "u", "y", "th", "ss",
	/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u",
	"u", "u", "u", "y", "th", "y",
	/* 100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
	"c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e",
	"e", "e", "g", "g", "g", "g",
	/* 120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i",
	"i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l",
	"l", "l", "l", "l", "l", "l",
	/* 140 */ "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n",
	"o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r",
	"s", "s", "s", "s", "s", "s",
	/* 160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u",
	"u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z",
	"z", "z", "z", "z", "z", "s",
};

static const char *const reserved[] = { "index", "con", "prn", "aux", "nul",
	"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9" };

static void
put_dash(char *out, size_t *n)
{
	if (*n > 0 && out[*n - 1] != '-' && *n < SLUG_MAX)
		out[(*n)++] = '-';
}

char *
slug_of(arena *a, const char *name)
{
	const unsigned char *p = (const unsigned char *)name;
	char out[SLUG_MAX + 16];
	const char *ascii;
	size_t n = 0, i;
	uint32_t c;

	while (*p && n < SLUG_MAX) {
		c = *p;
		if (c < 0x80) {
			p++;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				out[n++] = (char)c;
			else if (c >= 'A' && c <= 'Z')
				out[n++] = (char)(c + 32);
			else if (c != '\'')
				put_dash(out, &n);
			continue;
		}
		if ((c & 0xe0) == 0xc0 && p[1]) {
			c = ((c & 0x1f) << 6) | (p[1] & 0x3f);
			p += 2;
		} else {
			for (p++; (*p & 0xc0) == 0x80; p++)
				;
			c = 0;
		}
		ascii = c >= 0xc0 && c <= 0x17f ? latin[c - 0xc0] : NULL;
		if (ascii == NULL || ascii[0] == '\0') {
			put_dash(out, &n);
			continue;
		}
		for (i = 0; ascii[i] && n < SLUG_MAX; i++)
			out[n++] = ascii[i];
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	if (n == 0)
		snprintf(out, sizeof(out), "n-%08x", (unsigned)(hash_string(name) & 0xffffffffu));
	for (i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (strcmp(out, reserved[i]) == 0)
			strcat(out, "-page");
	return arena_strdup(a, out);
}

/* A base slug that was taken, and the suffix to try next for it. */
typedef struct taken {
	const char *base;
	int next;
} taken;

struct slug_set {
	const char **slots;
	size_t cap;
	size_t n;
	taken *bases;		/* so that many equal names stay linear */
	size_t nbases;
	size_t capbases;
};

slug_set *
slug_set_new(void)
{
	slug_set *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return NULL;
	s->cap = 256;
	if ((s->slots = calloc(s->cap, sizeof(*s->slots))) == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

void
slug_set_free(slug_set *s)
{
	if (s == NULL)
		return;
	free(s->slots);
	free(s->bases);
	free(s);
}

/* Adds a slug; returns 0 when added, 1 when present, -1 when out of memory. */
static int
slug_add(slug_set *s, const char *slug)
{
	const char **old = s->slots, **grown;
	size_t i, k, oldcap = s->cap;

	if ((s->n + 1) * 2 > s->cap) {
		if ((grown = calloc(2 * oldcap, sizeof(*grown))) == NULL)
			return -1;
		s->slots = grown;
		s->cap = 2 * oldcap;
		for (i = 0; i < oldcap; i++) {
			if (old[i] == NULL)
				continue;
			for (k = hash_string(old[i]) & (s->cap - 1); s->slots[k];
			    k = (k + 1) & (s->cap - 1))
				;
			s->slots[k] = old[i];
		}
		free(old);
	}
	for (k = hash_string(slug) & (s->cap - 1); s->slots[k];
	    k = (k + 1) & (s->cap - 1))
		if (strcmp(s->slots[k], slug) == 0)
			return 1;
	s->slots[k] = slug;
	s->n++;
	return 0;
}

/* The entry of a base that was taken (added with next = 2 when new), or
 * NULL when out of memory. */
static taken *
taken_of(slug_set *s, const char *base)
{
	taken *old = s->bases, *grown;
	size_t i, k, oldcap = s->capbases;

	if ((s->nbases + 1) * 2 > s->capbases) {
		s->capbases = oldcap ? 2 * oldcap : 64;
		if ((grown = calloc(s->capbases, sizeof(*grown))) == NULL) {
			s->capbases = oldcap;
			return NULL;
		}
		s->bases = grown;
		for (i = 0; i < oldcap; i++) {
			if (old[i].base == NULL)
				continue;
			for (k = hash_string(old[i].base) & (s->capbases - 1);
			    s->bases[k].base; k = (k + 1) & (s->capbases - 1))
				;
			s->bases[k] = old[i];
		}
		free(old);
	}
	for (k = hash_string(base) & (s->capbases - 1); s->bases[k].base;
	    k = (k + 1) & (s->capbases - 1))
		if (strcmp(s->bases[k].base, base) == 0)
			return &s->bases[k];
	s->bases[k].base = base;
	s->bases[k].next = 2;
	s->nbases++;
	return &s->bases[k];
}

/* The slug of name, made unique with -2, -3, ...: each base remembers the
 * next suffix to try, so a thousand equal names cost a thousand tries. */
const char *
slug_unique(slug_set *s, arena *a, const char *name)
{
	char *base, *try;
	taken *t;
	size_t len;
	int rc;

	if ((base = slug_of(a, name)) == NULL)
		return NULL;
	if ((rc = slug_add(s, base)) <= 0)
		return rc < 0 ? NULL : base;
	if ((t = taken_of(s, base)) == NULL)
		return NULL;
	len = strlen(base) + 16;
	for (;;) {
		if ((try = arena_alloc(a, len)) == NULL)
			return NULL;
		snprintf(try, len, "%s-%d", base, t->next++);
		if ((rc = slug_add(s, try)) <= 0)
			return rc < 0 ? NULL : try;
	}
}
