/*
 * names.c: the name index (names.h): every note claims its names, stem and
 * path; a reference is looked up by its folded name; and a name no note
 * claims gets a suggestion, the nearest known name (journal.md, "Resolving
 * names and links").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/limits.h"
#include "core/vec.h"
#include "model/names.h"

int
index_grow(struct name_index *x)
{
	slot *old = x->slots, *s;
	size_t oldcap = x->cap, i, k;

	x->cap = oldcap ? 2 * oldcap : 1024;
	if ((x->slots = calloc(x->cap, sizeof(*x->slots))) == NULL) {
		x->slots = old;
		x->cap = oldcap;
		return -1;
	}
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		for (k = old[i].hash & (x->cap - 1); x->slots[k].key;
		    k = (k + 1) & (x->cap - 1))
			;
		s = &x->slots[k];
		*s = old[i];
	}
	free(old);
	return 0;
}

/* The slot of a folded key whose hash_string() is h; created when create
 * is set. */
slot *
index_slot_hashed(struct name_index *x, const char *key, uint64_t h,
    int create)
{
	size_t k;

	if (create && (x->n + 1) * 4 > x->cap * 3 && index_grow(x) < 0)
		return NULL;
	if (x->cap == 0)
		return NULL;
	for (k = h & (x->cap - 1); x->slots[k].key; k = (k + 1) & (x->cap - 1))
		if (x->slots[k].hash == h && strcmp(x->slots[k].key, key) == 0)
			return &x->slots[k];
	if (!create)
		return NULL;
	x->slots[k].key = key;
	x->slots[k].hash = h;
	x->n++;
	return &x->slots[k];
}

/* The slot of a folded key; created when create is set. */
slot *
index_slot(struct name_index *x, const char *key, int create)
{
	return index_slot_hashed(x, key, hash_string(key), create);
}

/* Adds a claim on a folded key of len bytes, whose hash_string() is h
 * (the key is copied to the arena only when no slot has it yet). */
static int
claim_hashed(kith_journal *j, note *n, int alias, const char *data,
    size_t len, uint64_t h)
{
	const char *key;
	slot *s;
	claim *c;

	if (len == 0)
		return 0;
	if ((s = index_slot_hashed(j->names, data, h, 0)) == NULL) {
		if ((key = arena_strndup(&j->mem, data, len)) == NULL ||
		    (s = index_slot_hashed(j->names, key, h, 1)) == NULL)
			return -1;
	}
	for (c = s->u.claims; c != NULL; c = c->next) {
		if (c->n == n) {
			c->alias &= alias;
			return 0;
		}
	}
	if ((c = arena_alloc(&j->mem, sizeof(*c))) == NULL)
		return -1;
	c->n = n;
	c->alias = alias;
	c->next = s->u.claims;
	s->shared |= s->u.claims != NULL;
	s->u.claims = c;
	return 0;
}

/* A name of a note to claim, folded into index_notes()' buffer. */
typedef struct to_claim {
	note *n;
	size_t at, len;
	uint64_t hash;
	int alias;
} to_claim;

/* Notes whose names are folded and hashed before any is claimed: the
 * slots they go to are fetched from memory meanwhile. */
#define CLAIM_BATCH 32

typedef struct claimer {
	kith_buf keys;		/* the batch's folded names, NUL after each */
	to_claim *v;
	size_t n, cap;
} claimer;

/* Folds one name into the batch; strip drops its last bytes (the path's
 * ".md").  Returns 0, or -1 when out of memory. */
static int
claim_later(claimer *c, note *n, const char *name, int alias, size_t strip)
{
	size_t at = c->keys.len, len;

	name_fold_buf(&c->keys, name);
	if (c->keys.oom)
		return -1;
	len = c->keys.len - at;
	len = len >= strip ? len - strip : len;
	c->keys.len = at + len;
	buf_putc(&c->keys, '\0');
	if (vec_reserve(&c->v, &c->cap, c->n + 1, sizeof(*c->v)) < 0)
		return -1;
	c->v[c->n++] = (to_claim){ n, at, len, 0, alias };
	return 0;
}

/* Claims every note's names (stem, path, name, aliases, a person's
 * e-mail addresses) in path order. */
int
index_notes(kith_journal *j)
{
	struct name_index *x = j->names;
	claimer c = { KITH_BUF_INIT, NULL, 0, 0 };
	size_t from, i, k;
	note *n;
	int rc = -1;

	for (from = 0; from < j->nnotes; from += CLAIM_BATCH) {
		buf_reset(&c.keys);
		c.n = 0;
		for (i = from; i < from + CLAIM_BATCH && i < j->nnotes; i++) {
			if ((n = j->notes[i])->skipped)
				continue;
			if (claim_later(&c, n, n->stem, 0, 0) < 0 ||
			    claim_later(&c, n, n->path, 0, 3) < 0 ||
			    (n->name.s && claim_later(&c, n, n->name.s, 0,
			    0) < 0))
				goto out;
			for (k = 0; k < n->aliases.n; k++)
				if (claim_later(&c, n, n->aliases.v[k].s, 1,
				    0) < 0)
					goto out;
			/* a person's e-mail address is a name of theirs, as
			 * an alias: [[jane@acme.example]] of an e-mail archive */
			for (k = 0; n->type == NOTE_PERSON && k < n->email.n; k++)
				if (strchr(n->email.v[k].s, '@') != NULL &&
				    claim_later(&c, n, n->email.v[k].s, 1, 0) < 0)
					goto out;
		}
		for (k = 0; k < c.n; k++) {
			c.v[k].hash = hash_string(c.keys.data + c.v[k].at);
			__builtin_prefetch(&x->slots[c.v[k].hash &
			    (x->cap - 1)]);
		}
		for (k = 0; k < c.n; k++)
			if (claim_hashed(j, c.v[k].n, c.v[k].alias,
			    c.keys.data + c.v[k].at, c.v[k].len,
			    c.v[k].hash) < 0)
				goto out;
	}
	rc = 0;
out:
	buf_free(&c.keys);
	free(c.v);
	return rc;
}

/* The distinct notes of a slot on one footing, sorted by path. */
size_t
candidates(const slot *s, int alias, note **out, size_t max)
{
	const claim *c;
	size_t n = 0, i, k;
	note *t;

	for (c = claims_of(s); c != NULL; c = c->next)
		if (c->alias == alias && n < max)
			out[n++] = c->n;
	for (i = 1; i < n; i++)
		for (k = i; k > 0 && strcmp(out[k - 1]->path, out[k]->path) > 0;
		    k--) {
			t = out[k];
			out[k] = out[k - 1];
			out[k - 1] = t;
		}
	return n;
}

size_t
claim_count(const slot *s, int alias)
{
	const claim *c;
	size_t n = 0;

	for (c = claims_of(s); c != NULL; c = c->next)
		n += c->alias == alias;
	return n;
}

/* The note a slot's name stands for: the one note claiming it by name,
 * else the one claiming it as an alias, else its unresolved node; NULL
 * with *ambiguous set when several claim it on the same footing.  *alias
 * is set when an alias decided. */
static note *
slot_note(const slot *s, int *ambiguous, int *alias)
{
	const claim *c;
	note *found = NULL;
	int a;

	for (a = 0; a <= 1; a++) {
		if (claim_count(s, a) > 1) {
			*ambiguous = 1;
			return NULL;
		}
		for (c = claims_of(s); c != NULL; c = c->next)
			if (c->alias == a)
				found = c->n;
		if (found) {
			*alias = a;
			return found;
		}
	}
	return s->unresolved ? s->u.node : NULL;
}

/*
 * graph_find() while the graph is built, for resolve(): notes too which of
 * a slot's names were used as aliases (report_shared_names() reads it).
 * Folds the name into the index's own buffer: one thread only.
 */
note *
resolve_lookup(kith_journal *j, const char *name, int *ambiguous)
{
	slot *s;
	note *found;
	int alias = 0;

	*ambiguous = 0;
	buf_reset(&j->names->key);
	name_fold_buf(&j->names->key, name);
	if (j->names->key.oom)
		return NULL;
	if ((s = index_slot(j->names, j->names->key.data, 0)) == NULL)
		return NULL;
	found = slot_note(s, ambiguous, &alias);
	if (found != NULL && found->type != NOTE_UNRESOLVED)
		s->alias_used |= alias;
	return found;
}

note *
graph_find(const kith_journal *j, kith_buf *key, const char *name,
    int *ambiguous)
{
	slot *s;
	int ambiguous_here = 0, alias = 0;

	if (ambiguous == NULL)
		ambiguous = &ambiguous_here;
	*ambiguous = 0;
	buf_reset(key);
	name_fold_buf(key, name);
	if (key->oom || (s = index_slot(j->names, key->data, 0)) == NULL)
		return NULL;
	return slot_note(s, ambiguous, &alias);
}

static int
known_order(const void *a, const void *b)
{
	const known *x = a, *y = b;

	return x->len < y->len ? -1 : x->len > y->len;
}

/* The names a suggestion may offer, by length, into *out (malloc'd) and
 * *n; only read the index, after every note has claimed its names.
 * Returns 0, or -1 when out of memory. */
static int
known_list(const struct name_index *x, known **out, size_t *n)
{
	size_t i;
	const slot *s;
	known *k;

	*n = 0;
	if ((*out = k = malloc((x->n + 1) * sizeof(*k))) == NULL)
		return -1;
	for (i = 0; i < x->cap; i++) {
		s = &x->slots[i];
		if (s->key == NULL || claims_of(s) == NULL ||
		    strchr(s->key, '/') != NULL)
			continue;
		k[*n].key = s->key;
		k[*n].len = name_chars(s->key, &k[*n].bytes);
		k[*n].display = claims_of(s)->n->display;
		++*n;
	}
	qsort(k, *n, sizeof(*k), known_order);
	return 0;
}

/* The nearest of the known names (nknown of them, by length) within the
 * edit distance a name's length allows (a third of it, at most
 * KITH_MAX_SUGGEST_DISTANCE), the first by name among the nearest; NULL
 * when there is none.  Only names whose length is within that distance
 * are compared. */
static const char *
suggest_among(const known *names, size_t nknown, const char *name)
{
	arena scratch = { NULL, 0 };
	const char *key, *best = NULL;
	int d, best_d, limit;
	size_t len, lo, hi, mid;
	uint64_t bytes;

	if ((key = name_fold(&scratch, name)) == NULL)
		return NULL;
	len = name_chars(key, &bytes);
	limit = (int)len / 3;
	if (limit > KITH_MAX_SUGGEST_DISTANCE)
		limit = KITH_MAX_SUGGEST_DISTANCE;
	best_d = limit + 1;
	/* only the name itself is at distance 0, and no note claims it */
	for (lo = 0, hi = limit > 0 ? nknown : 0; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (names[mid].len + (size_t)limit < len)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; limit > 0 && lo < nknown &&
	    names[lo].len <= len + (size_t)limit; lo++) {
		/* one edit changes at most two bits of a set of characters
		 * (name_chars()), and a bit only one name has stands for a
		 * character only it has: the distance is at least half the
		 * bits that differ, and most names are ruled out here */
		if (__builtin_popcountll(bytes ^ names[lo].bytes) >
		    2 * (best_d <= limit ? best_d : limit))
			continue;	/* surely farther than the best so far */
		d = name_distance(key, names[lo].key, limit);
		if (d < best_d || (d == best_d && best != NULL &&
		    name_cmp(names[lo].display, best) < 0)) {
			best_d = d;
			best = names[lo].display;
		}
	}
	arena_free(&scratch);
	return best_d <= limit ? best : NULL;
}

/* suggest_among() while the graph is built: the known names are listed at
 * the first suggestion and kept. */
const char *
suggest(kith_journal *j, const char *name)
{
	struct name_index *x = j->names;

	if (!x->known_made) {
		x->known_made = 1;
		if (known_list(x, &x->known, &x->nknown) < 0)
			return NULL;
	}
	return suggest_among(x->known, x->nknown, name);
}

/* On a finished graph, which is not written: the list kept while it was
 * built, else one made for this question. */
const char *
kith_journal_suggest(const kith_journal *j, const char *name)
{
	const struct name_index *x = j->names;
	const char *best;
	known *k;
	size_t n;

	if (x->known_made)
		return suggest_among(x->known, x->nknown, name);
	if (known_list(x, &k, &n) < 0)
		return NULL;
	best = suggest_among(k, n, name);
	free(k);
	return best;
}

void
graph_free(struct name_index *x)
{
	if (x == NULL)
		return;
	buf_free(&x->key);
	free(x->known);
	free(x->slots);
	free(x);
}

/* ---- every name of the people or the companies (shell completion) ---- */

static int
is_named_kind(const note *n, int people)
{
	if (n->skipped || n->is_owner)
		return 0;
	if (people)
		return note_is_person(n);
	return n->type == NOTE_COMPANY ||
	    (n->type == NOTE_UNRESOLVED && n->used_as_company);
}

static int
names_order(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int c = name_cmp(x, y);

	return c ? c : strcmp(x, y);
}

const char **
kith_journal_names(const kith_journal *j, int people)
{
	size_t i, n = 0, kept;
	const char **all;
	const note *x;

	if ((all = malloc((j->nnodes + 1) * sizeof(*all))) == NULL)
		return NULL;
	for (i = 0; i < j->nnodes; i++)
		if (is_named_kind(x = j->notes[i], people))
			all[n++] = x->display;
	qsort(all, n, sizeof(*all), names_order);
	for (i = kept = 0; i < n; i++)
		if (kept == 0 || strcmp(all[kept - 1], all[i]) != 0)
			all[kept++] = all[i];
	all[kept] = NULL;
	return all;
}

/* Does the folded name start with the folded word(s) of want, ending at a
 * space or its end? */
static int
starts_with_words(const char *name, const char *want)
{
	size_t n = strlen(want);

	return n > 0 && strncmp(name, want, n) == 0 &&
	    (name[n] == '\0' || name[n] == ' ');
}

const char **
kith_journal_matches(const kith_journal *j, const char *name)
{
	const char **people = kith_journal_names(j, 1);
	const char **companies = kith_journal_names(j, 0);
	const char **out = NULL, *const *lists[2] = { people, companies };
	kith_buf want = KITH_BUF_INIT, key = KITH_BUF_INIT;
	size_t n = 0, k, total = 0;
	const char *const *l;

	if (people == NULL || companies == NULL)
		goto done;
	for (k = 0; k < 2; k++)
		for (l = lists[k]; *l; l++)
			total++;
	name_fold_buf(&want, name);
	if (want.oom || (out = malloc((total + 1) * sizeof(*out))) == NULL)
		goto done;
	for (k = 0; k < 2; k++)
		for (l = lists[k]; *l; l++) {
			buf_reset(&key);
			name_fold_buf(&key, *l);
			if (!key.oom && starts_with_words(key.data, want.data))
				out[n++] = *l;
		}
	out[n] = NULL;
done:
	free(people);
	free(companies);
	buf_free(&want);
	buf_free(&key);
	return out;
}
