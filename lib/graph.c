/*
 * graph.c: resolves names into the relationship graph (journal.md,
 * "Resolving names and links").  Every note is a node; a name that no note
 * claims becomes an unresolved node.  Edges: attended (meeting -> person),
 * works at (person -> company), introduced by (person -> person) and
 * mentions (note -> note, with the line).  Then each person's meetings and
 * the figures the rules need are gathered in one pass.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "limits.h"

#define MAX_PREFINDERS 8

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
static claim *
claims_of(const slot *s)
{
	return s->unresolved ? NULL : s->u.claims;
}

/* A name a "did you mean" may offer: a claimed key that is not a path. */
typedef struct known {
	const char *key;
	size_t len;
	uint64_t bytes;		/* see byte_set */
	const char *display;
} known;

struct name_index {
	slot *slots;
	size_t cap;
	size_t n;
	kith_buf key;		/* graph_lookup's folded name */
	known *known;		/* by length, made at the first suggestion */
	size_t nknown;
	int known_made;
};

static int
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
static slot *
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
static slot *
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
	to_claim *grown;
	size_t at = c->keys.len, len;

	name_fold_buf(&c->keys, name);
	if (c->keys.oom)
		return -1;
	len = c->keys.len - at;
	len = len >= strip ? len - strip : len;
	c->keys.len = at + len;
	buf_putc(&c->keys, '\0');
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		if ((grown = realloc(c->v, c->cap * sizeof(*grown))) == NULL)
			return -1;
		c->v = grown;
	}
	c->v[c->n++] = (to_claim){ n, at, len, 0, alias };
	return 0;
}

/* Claims every note's names (stem, path, name, aliases) in path order. */
static int
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
static size_t
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

static size_t
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
 * Looks a name up without creating anything.  Returns the note, or NULL
 * with *ambiguous set when several notes claim it on the same footing.
 */
note *
graph_lookup(kith_journal *j, const char *name, int *ambiguous)
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

/* graph_lookup() for readers of a finished graph, on any thread: key is
 * the caller's buffer, and nothing of the graph is written. */
note *
graph_find(const kith_journal *j, kith_buf *key, const char *name)
{
	slot *s;
	int ambiguous = 0, alias = 0;

	buf_reset(key);
	name_fold_buf(key, name);
	if (key->oom || (s = index_slot(j->names, key->data, 0)) == NULL)
		return NULL;
	return slot_note(s, &ambiguous, &alias);
}

/* The set of a name's bytes, each byte as bit (byte % 64).  One edit
 * changes at most two bytes of the set, and a bit that only one of two
 * names has stands for at least one byte only one has, so the edit
 * distance is at least popcount(a ^ b) / 2: most names are ruled out
 * without being compared. */
static uint64_t
byte_set(const char *key)
{
	uint64_t set = 0;

	for (; *key; key++)
		set |= (uint64_t)1 << ((unsigned char)*key % 64);
	return set;
}

static int
known_order(const void *a, const void *b)
{
	const known *x = a, *y = b;

	return x->len < y->len ? -1 : x->len > y->len;
}

/* The names a suggestion may offer, by length; made once, after every note
 * has claimed its names. */
static int
known_make(struct name_index *x)
{
	size_t i, n = 0;
	slot *s;

	x->known_made = 1;
	if ((x->known = malloc((x->n + 1) * sizeof(*x->known))) == NULL)
		return -1;
	for (i = 0; i < x->cap; i++) {
		s = &x->slots[i];
		if (s->key == NULL || claims_of(s) == NULL ||
		    strchr(s->key, '/') != NULL)
			continue;
		x->known[n].key = s->key;
		x->known[n].len = strlen(s->key);
		x->known[n].bytes = byte_set(s->key);
		x->known[n].display = claims_of(s)->n->display;
		n++;
	}
	qsort(x->known, n, sizeof(*x->known), known_order);
	x->nknown = n;
	return 0;
}

/* The nearest known name within the edit distance a name's length allows
 * (a third of it, at most KITH_MAX_SUGGEST_DISTANCE), the first by name
 * among the nearest; NULL when there is none.  Only names whose length is
 * within that distance are compared. */
static const char *
suggest(kith_journal *j, const char *name)
{
	struct name_index *x = j->names;
	arena scratch = { NULL, 0 };
	const char *key, *best = NULL;
	int d, best_d, limit;
	size_t len, lo, hi, mid;
	uint64_t bytes;

	if (!x->known_made && known_make(x) < 0)
		return NULL;
	if ((key = name_fold(&scratch, name)) == NULL)
		return NULL;
	len = strlen(key);
	bytes = byte_set(key);
	limit = (int)len / 3;
	if (limit > KITH_MAX_SUGGEST_DISTANCE)
		limit = KITH_MAX_SUGGEST_DISTANCE;
	best_d = limit + 1;
	/* only the name itself is at distance 0, and no note claims it */
	for (lo = 0, hi = limit > 0 ? x->nknown : 0; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (x->known[mid].len + (size_t)limit < len)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; limit > 0 && lo < x->nknown &&
	    x->known[lo].len <= len + (size_t)limit; lo++) {
		if (__builtin_popcountll(bytes ^ x->known[lo].bytes) >
		    2 * (best_d <= limit ? best_d : limit))
			continue;	/* surely farther than the best so far */
		d = name_distance(key, x->known[lo].key, limit);
		if (d < best_d || (d == best_d && best != NULL &&
		    name_cmp(x->known[lo].display, best) < 0)) {
			best_d = d;
			best = x->known[lo].display;
		}
	}
	arena_free(&scratch);
	return best_d <= limit ? best : NULL;
}

const char *
kith_journal_suggest(const kith_journal *j, const char *name)
{
	return suggest((kith_journal *)j, name);
}

static note *
unresolved_new(kith_journal *j, slot *s, const char *name)
{
	note *u, **grown;
	size_t cap;

	if (j->nnodes == j->cap) {
		cap = j->cap ? 2 * j->cap : 64;
		if ((grown = realloc(j->notes, cap * sizeof(*grown))) == NULL)
			return NULL;
		j->notes = grown;
		j->cap = cap;
	}
	if ((u = arena_alloc(&j->mem, sizeof(*u))) == NULL)
		return NULL;
	u->type = NOTE_UNRESOLVED;
	u->path = "";
	u->stem = u->display = name;
	u->date.d = u->last_contact.d = u->met.d = u->snooze.d = KITH_NO_DATE;
	u->apply_by.d = u->due.d = u->last = KITH_NO_DATE;
	u->index = j->nnodes;
	j->notes[j->nnodes++] = u;
	s->u.node = u;
	s->unresolved = 1;
	return u;
}

enum ref_use { USE_PERSON, USE_COMPANY, USE_LINK };

/* The message for a name several notes claim. */
static void
report_ambiguous(kith_journal *j, const note *from, const f_ref *r,
    const char *what, slot *s)
{
	note *c[8];
	kith_buf b = KITH_BUF_INIT;
	size_t n, i;
	int alias = claim_count(s, 0) > 1 ? 0 : 1;

	n = candidates(s, alias, c, sizeof(c) / sizeof(c[0]));
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, i + 1 == n ? " or " : ", ");
		buf_printf(&b, "%s (%s)", c[i]->display, c[i]->path);
	}
	if (!b.oom)
		diag_add(j, from->path, r->at, KITH_ERROR,
		    "%s: [[%s]] could be %s", what, r->name, b.data);
	buf_free(&b);
}

/*
 * Resolves one reference: sets r->to to a note, a new or shared unresolved
 * node, or NULL when the name is ambiguous (reported).  Returns -1 when out
 * of memory.
 */
static int
resolve(kith_journal *j, const note *from, f_ref *r, const char *what,
    enum ref_use use)
{
	const char *key, *hint;
	slot *s;
	int ambiguous;

	if (r->to != NULL)	/* found by prefind(): one note claims it */
		return 0;
	if (r->name == NULL)
		return 0;
	r->to = graph_lookup(j, r->name, &ambiguous);
	if (ambiguous) {
		if ((key = name_fold(&j->mem, r->name)) == NULL)
			return -1;
		report_ambiguous(j, from, r, what, index_slot(j->names, key, 0));
		return 0;
	}
	if (r->to == NULL) {
		if ((key = name_fold(&j->mem, r->name)) == NULL ||
		    (s = index_slot(j->names, key, 1)) == NULL ||
		    (r->to = unresolved_new(j, s, r->name)) == NULL)
			return -1;
	} else if (r->to->type != NOTE_UNRESOLVED) {
		return 0;
	}
	r->to->used_as_person |= use == USE_PERSON;
	r->to->used_as_company |= use == USE_COMPANY;
	/* One search a name, however many links lead to it. */
	if (!r->to->hinted) {
		r->to->hint = suggest(j, r->name);
		r->to->hinted = 1;
	}
	hint = r->to->hint;
	if (hint != NULL)
		diag_add(j, from->path, r->at, KITH_WARNING,
		    "%s: no note for \"%s\"; did you mean \"%s\"?", what,
		    r->name, hint);
	else if (use != USE_COMPANY)
		diag_add(j, from->path, r->at, KITH_WARNING,
		    "%s: no note for \"%s\"", what, r->name);
	return 0;
}

static int
edge_add(kith_journal *j, enum edge_kind kind, note *from, note *to, int line,
    size_t *cap)
{
	edge *grown;

	if (to == NULL)
		return 0;
	if (j->nedges == *cap) {
		*cap = *cap ? 2 * *cap : 256;
		if ((grown = realloc(j->edges, *cap * sizeof(*grown))) == NULL)
			return -1;
		j->edges = grown;
	}
	j->edges[j->nedges++] = (edge){ from, to, line, kind };
	return 0;
}

/* A person note, or a name without a note that stands for a person. */
int
note_is_person(const note *n)
{
	return n != NULL && (n->type == NOTE_PERSON ||
	    (n->type == NOTE_UNRESOLVED && !n->used_as_company));
}

static int
resolve_note(kith_journal *j, note *n, size_t *cap)
{
	size_t i;
	note *to;

	if (resolve(j, n, &n->company, "company", USE_COMPANY) < 0 ||
	    (note_has_rest(n) && resolve(j, n, &n->introduced_by,
	    "introduced_by", USE_PERSON) < 0))
		return -1;
	if (n->type == NOTE_PERSON &&
	    (edge_add(j, EDGE_WORKS_AT, n, n->company.to,
	    n->company.at.line, cap) < 0 ||
	    edge_add(j, EDGE_INTRODUCED_BY, n, n->introduced_by.to,
	    n->introduced_by.at.line, cap) < 0))
		return -1;
	for (i = 0; i < n->with.n; i++) {
		if (resolve(j, n, &n->with.v[i], "with", USE_PERSON) < 0)
			return -1;
		to = n->with.v[i].to;
		if (to != NULL && !note_is_person(to))
			diag_add(j, n->path, n->with.v[i].at, KITH_WARNING,
			    "with: \"%s\" is not a person (%s)",
			    n->with.v[i].name, to->path);
		if (edge_add(j, EDGE_ATTENDED, n, to, n->with.v[i].at.line,
		    cap) < 0)
			return -1;
	}
	for (i = 0; i < n->nmentions; i++) {
		if (resolve(j, n, &n->mentions[i].ref, "link", USE_LINK) < 0 ||
		    edge_add(j, EDGE_MENTIONS, n, n->mentions[i].ref.to,
		    n->mentions[i].ref.at.line, cap) < 0)
			return -1;
	}
	return 0;
}

/*
 * The first pass of resolution, on every core: each reference whose name
 * exactly one note claims (not as an alias) gets that note.  It only reads
 * the index, and each reference belongs to one note, so threads share
 * nothing they write.  The rest (aliases, ambiguous names, names of no
 * note) is left to resolve(), in order, as before.
 */
typedef struct prefinder {
	kith_journal *j;
	size_t from, to;	/* notes [from, to) */
	kith_buf key;
	pthread_t thread;
} prefinder;

/* References looked up together: their keys are folded and hashed, then
 * their slots fetched from memory, so that one reference's wait for
 * memory overlaps the others'. */
#define PREFIND_BATCH 64

typedef struct prefound {
	f_ref *r;
	size_t at;		/* its key in prefinder.key */
	uint64_t hash;
} prefound;

/* The note a slot's claims name, when exactly one claims it by name. */
static note *
sole_claim(const slot *s)
{
	const claim *c;
	note *found = NULL;
	size_t n = 0;

	for (c = claims_of(s); c != NULL; c = c->next)
		if (!c->alias) {
			found = c->n;
			n++;
		}
	return n == 1 ? found : NULL;
}

static void
prefind_batch(prefinder *p, prefound *v, size_t n)
{
	struct name_index *x = p->j->names;
	size_t i;
	slot *s;
	note *t;

	if (p->key.oom)
		return;
	for (i = 0; i < n; i++) {
		v[i].hash = hash_string(p->key.data + v[i].at);
		__builtin_prefetch(&x->slots[v[i].hash & (x->cap - 1)]);
	}
	for (i = 0; i < n; i++)
		if ((s = index_slot_hashed(x, p->key.data + v[i].at, v[i].hash,
		    0)) != NULL && (t = sole_claim(s)) != NULL)
			v[i].r->to = t;
}

/* Adds a reference to the batch, which is looked up when full. */
static void
prefind_ref(prefinder *p, prefound *v, size_t *n, f_ref *r)
{
	if (r->name == NULL)
		return;
	if (*n == PREFIND_BATCH) {
		prefind_batch(p, v, *n);
		*n = 0;
		buf_reset(&p->key);
	}
	v[*n].r = r;
	v[*n].at = p->key.len;
	name_fold_buf(&p->key, r->name);
	buf_putc(&p->key, '\0');
	++*n;
}

static void *
prefind_notes(void *arg)
{
	prefinder *p = arg;
	prefound v[PREFIND_BATCH];
	size_t i, k, n = 0;
	note *t;

	for (i = p->from; i < p->to; i++) {
		t = p->j->notes[i];
		if (t->skipped)
			continue;
		prefind_ref(p, v, &n, &t->company);
		if (note_has_rest(t))
			prefind_ref(p, v, &n, &t->introduced_by);
		for (k = 0; k < t->with.n; k++)
			prefind_ref(p, v, &n, &t->with.v[k]);
		for (k = 0; k < t->nmentions; k++)
			prefind_ref(p, v, &n, &t->mentions[k].ref);
	}
	prefind_batch(p, v, n);
	buf_free(&p->key);
	return NULL;
}

static void
prefind(kith_journal *j)
{
	prefinder p[MAX_PREFINDERS];
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t k, n = cpus < 1 ? 1 : cpus > MAX_PREFINDERS ? MAX_PREFINDERS :
	    (size_t)cpus, started = 0;

	if (j->nnotes < 1024)
		n = 1;
	for (k = 0; k < n; k++) {
		p[k].j = j;
		p[k].from = j->nnotes * k / n;
		p[k].to = j->nnotes * (k + 1) / n;
		memset(&p[k].key, 0, sizeof(p[k].key));
	}
	for (k = 1; k < n; k++) {
		if (pthread_create(&p[k].thread, NULL, prefind_notes, &p[k]) != 0)
			break;
		started++;
	}
	/* the calling thread takes the first range and any whose thread
	 * could not start */
	prefind_notes(&p[0]);
	for (k = started + 1; k < n; k++)
		prefind_notes(&p[k]);
	for (k = 1; k <= started; k++)
		pthread_join(p[k].thread, NULL);
}

/* The alias of note n that a slot's key is, as n writes it. */
static const char *
claim_name(kith_journal *j, const slot *s, const note *n)
{
	kith_buf *b = &j->names->key;
	size_t i;

	for (i = 0; i < n->aliases.n; i++) {
		buf_reset(b);
		name_fold_buf(b, n->aliases.v[i].s);
		if (!b->oom && strcmp(b->data, s->key) == 0)
			return n->aliases.v[i].s;
	}
	return s->key;
}

/* Two notes claiming one name (not an alias) get a warning each. */
static void
report_shared_names(kith_journal *j)
{
	note *c[8];
	size_t i, n, k, m;
	slot *s;

	for (i = 0; i < j->names->cap; i++) {
		s = &j->names->slots[i];
		/* a key only one note claims, nearly every one, is passed
		 * without reading its claim */
		if (s->key == NULL || !s->shared)
			continue;
		if ((m = claim_count(s, 0)) > 1) {
			n = candidates(s, 0, c, sizeof(c) / sizeof(c[0]));
			for (k = 0; k < n; k++)
				diag_add(j, c[k]->path, c[k]->name.s ?
				    c[k]->name.at : (pos){ 1, 1 }, KITH_WARNING,
				    "name \"%s\" is also claimed by %s%s",
				    c[k]->name.s ? c[k]->name.s : c[k]->stem,
				    c[(k + 1) % n]->path,
				    m > 2 ? " and others" : "");
		} else if (j->strict && claim_count(s, 0) == 0 &&
		    claim_count(s, 1) > 1 && !s->alias_used) {
			n = candidates(s, 1, c, sizeof(c) / sizeof(c[0]));
			for (k = 0; k < n; k++)
				diag_add(j, c[k]->path, c[k]->aliases.at,
				    KITH_WARNING, "alias \"%s\" is also claimed "
				    "by %s", claim_name(j, s, c[k]),
				    c[(k + 1) % n]->path);
		}
	}
}

static int
meeting_order(const void *a, const void *b)
{
	const note *x = *(note *const *)a, *y = *(note *const *)b;

	if (x->date.d != y->date.d)
		return x->date.d < y->date.d ? -1 : 1;
	if (x->date.minutes != y->date.minutes)
		return x->date.minutes < y->date.minutes ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* Fills each person's meetings, by date, and last(P), asks and gives. */
static int
gather_meetings(kith_journal *j)
{
	size_t i, k, total = 0;
	note *m, *p, **slots;

	for (i = 0; i < j->nnotes; i++) {
		m = j->notes[i];
		if (m->type != NOTE_MEETING || m->skipped)
			continue;
		for (k = 0; k < m->with.n; k++)
			if ((p = m->with.v[k].to) != NULL && note_has_rest(p)) {
				p->nmeetings++;
				total++;
			}
	}
	if ((slots = arena_alloc(&j->mem, (total ? total : 1) *
	    sizeof(*slots))) == NULL)
		return -1;
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (!note_has_rest(p))	/* a meeting: has no meetings */
			continue;
		p->meetings = slots;
		slots += p->nmeetings;
		p->nmeetings = 0;
	}
	for (i = 0; i < j->nnotes; i++) {
		m = j->notes[i];
		if (m->type != NOTE_MEETING || m->skipped)
			continue;
		for (k = 0; k < m->with.n; k++) {
			p = m->with.v[k].to;
			/* A person named twice in one with: met once. */
			if (p != NULL && note_has_rest(p) && (p->nmeetings == 0 ||
			    p->meetings[p->nmeetings - 1] != m))
				p->meetings[p->nmeetings++] = m;
		}
	}
	for (i = 0; i < j->nnodes; i++) {
		p = j->notes[i];
		if (note_has_rest(p) && p->nmeetings > 1)
			qsort(p->meetings, p->nmeetings, sizeof(*p->meetings),
			    meeting_order);
	}
	return 0;
}

/* A group meeting (followups.md): kind event, or more than group_size
 * people in its with:, the owner not counted and each person once. */
static int
meeting_is_group(const kith_journal *j, const note *m)
{
	size_t i, k, people = 0;
	const note *p;

	if (m->kind.s != NULL && strcmp(m->kind.s, "event") == 0)
		return 1;
	for (i = 0; i < m->with.n && people <= (size_t)j->cfg.group_size; i++) {
		if ((p = m->with.v[i].to) == NULL || p->is_owner)
			continue;
		for (k = 0; k < i && m->with.v[k].to != p; k++)
			;
		people += k == i;
	}
	return people > (size_t)j->cfg.group_size;
}

/* last(P) and what P's held meetings (before today) say; a meeting of
 * today or later is scheduled.  P is a close tie when any setting or
 * meeting says so (followups.md). */
static void
person_figures(kith_journal *j, note *p)
{
	size_t k;
	note *m;

	p->last = date_later(p->last_contact.d, p->met.d);
	p->close_tie = p->cadence.set || p->last_contact.d != KITH_NO_DATE ||
	    person_tag_cadence(j, p, NULL);
	for (k = 0; k < p->nmeetings; k++) {
		m = p->meetings[k];
		if (m->date.d >= j->today) {
			p->scheduled = 1;
			continue;
		}
		p->last = date_later(p->last, m->date.d);
		p->close_tie |= !m->is_group;
		p->asks += (int)m->asked.n;
		p->gives += (int)m->gave.n;
		if (m->asked.n > 0)
			p->latest_ask = m;	/* meetings are in date order */
	}
}

/* Is m later than other: a later day, or the same day at a later time
 * when both have one? */
int
meeting_after(const note *m, const note *other)
{
	return m->date.d > other->date.d || (m->date.d == other->date.d &&
	    other->date.minutes >= 0 && m->date.minutes > other->date.minutes);
}

static void
company_saw(note *c, note *m)
{
	if (c == NULL || !note_has_rest(c))
		return;
	if (c->company_last == NULL || meeting_after(m, c->company_last))
		c->company_last = m;
}

/* Each company's latest meeting: one whose company: names it, or whose
 * with: names a person whose company: does. */
static void
company_meetings(kith_journal *j)
{
	size_t i, k;
	note *m;

	for (i = 0; i < j->nnotes; i++) {
		m = j->notes[i];
		if (m->type != NOTE_MEETING || m->skipped)
			continue;
		m->is_group = meeting_is_group(j, m);
		company_saw(m->company.to, m);
		for (k = 0; k < m->with.n; k++)
			if (m->with.v[k].to != NULL)
				company_saw(m->with.v[k].to->company.to, m);
	}
}

static void
company_contacts(kith_journal *j)
{
	size_t i;
	note *n;

	for (i = 0; i < j->nnotes; i++) {
		n = j->notes[i];
		if (n->skipped || n->is_owner || n->company.to == NULL)
			continue;
		if (n->type == NOTE_PERSON || n->type == NOTE_MEETING)
			n->company.to->has_contact = 1;
	}
}

static void
find_owner(kith_journal *j)
{
	int ambiguous;

	if (j->cfg.owner == NULL)
		return;
	j->owner = graph_lookup(j, j->cfg.owner, &ambiguous);
	if (j->owner != NULL)
		j->owner->is_owner = 1;
}

/* Builds the graph of the notes read.  Returns 0, or -1 when out of memory. */
int
graph_build(kith_journal *j)
{
	size_t i, cap = 0, keys = 0;
	note *n;

	/* Sized once: every note's keys (stem, path, name, aliases) at a load
	 * of at most 3/4, and at most one edge a reference. */
	for (i = 0; i < j->nnotes; i++) {
		n = j->notes[i];
		keys += 2 + (n->name.s != NULL) + n->aliases.n;
		cap += 2 + n->with.n + n->nmentions;
	}
	if ((j->names = calloc(1, sizeof(*j->names))) == NULL)
		return -1;
	while (j->names->cap * 3 < keys * 4 || j->names->cap == 0)
		if (index_grow(j->names) < 0)
			return -1;
	if (cap > 0 && (j->edges = malloc(cap * sizeof(*j->edges))) == NULL)
		return -1;
	if (index_notes(j) < 0)
		return -1;
	prefind(j);
	for (i = 0; i < j->nnotes; i++)
		if (!j->notes[i]->skipped && resolve_note(j, j->notes[i], &cap) < 0)
			return -1;
	if (j->nedges > 0 && j->nedges < cap) {	/* give back what no link used */
		edge *fit = realloc(j->edges, j->nedges * sizeof(*fit));

		if (fit != NULL)
			j->edges = fit;
	}
	report_shared_names(j);
	find_owner(j);
	if (gather_meetings(j) < 0)
		return -1;
	company_meetings(j);
	for (i = 0; i < j->nnodes; i++) {
		n = j->notes[i];
		if (n->type == NOTE_PERSON || n->type == NOTE_UNRESOLVED)
			person_figures(j, n);
	}
	company_contacts(j);
	for (i = 0; i < j->nnotes; i++)
		if (j->notes[i]->type == NOTE_GOAL && !j->notes[i]->skipped)
			goal_check(j, j->notes[i]);
	return 0;
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

/* The shortest cadence of a person's tags in cadence_by_tag (never is
 * longest) into *out when out is not NULL.  Returns 1 when a tag has one. */
int
person_tag_cadence(const kith_journal *j, const note *p, duration *out)
{
	kith_buf tag = KITH_BUF_INIT;	/* one tag at a time, folded */
	duration best = j->cfg.cadence, d;
	kith_date base = 0;
	size_t i, k;
	int found = 0;

	for (i = 0; i < p->tags.n && j->cfg.nby_tag > 0; i++) {
		buf_reset(&tag);
		name_fold_buf(&tag, p->tags.v[i].s);
		if (tag.oom)
			break;
		for (k = 0; k < j->cfg.nby_tag; k++) {
			if (strcmp(j->cfg.by_tag[k].tag, tag.data) != 0)
				continue;
			d = j->cfg.by_tag[k].cadence;
			/* Shortest: compare where each lands from one day. */
			if (!found || (d.unit != 0 && (best.unit == 0 ||
			    date_add(base, d) < date_add(base, best)))) {
				best = d;
				found = 1;
			}
		}
	}
	buf_free(&tag);
	if (found && out != NULL)
		*out = best;
	return found;
}

/* A person's check-in cadence: their own, else the shortest of their tags',
 * else the journal's, which only a close tie has (followups.md); a weak
 * tie without one of their own has none (unit 0). */
duration
person_cadence(const kith_journal *j, const note *p)
{
	duration d = { 0, 0 };

	if (p->cadence.set)
		return p->cadence.v;
	if (person_tag_cadence(j, p, &d))
		return d;
	return p->close_tie ? j->cfg.cadence : d;
}
