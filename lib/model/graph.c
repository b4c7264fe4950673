/*
 * graph.c: resolves names into the relationship graph (journal.md,
 * "Resolving names and links").  Every note is a node; a name that no note
 * claims becomes an unresolved node.  Edges: attended (meeting -> person),
 * works at (person -> company), introduced by (person -> person), held at
 * (meeting -> company) and mentions (note -> note, with the line), with
 * their adjacency lists (adjacency.c).  The names are looked up in the
 * name index (names.c); then each node's figures are gathered in one pass
 * (figures.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/pool.h"
#include "core/vec.h"
#include "model/names.h"

static note *
unresolved_new(kith_journal *j, slot *s, const char *name)
{
	note *u;

	if (vec_reserve(&j->notes, &j->cap, j->nnodes + 1,
	    sizeof(*j->notes)) < 0)
		return NULL;
	if ((u = arena_alloc(&j->mem, sizeof(*u))) == NULL)
		return NULL;
	u->type = NOTE_UNRESOLVED;
	u->path = "";
	u->stem = u->display = name;
	u->date.d = u->last_contact.d = u->met.d = u->snooze.d = KITH_NO_DATE;
	u->apply_by.d = u->due.d = u->daily = KITH_NO_DATE;
	u->index = j->nnodes;
	j->notes[j->nnodes++] = u;
	s->u.node = u;
	s->unresolved = 1;
	return u;
}

/* USE_PROPERTY: a link in a property that is not kith's, or a roster's
 * link (said as with:), said by no warning (kith check --explain counts
 * the links to no note). */
enum ref_use { USE_PERSON, USE_COMPANY, USE_LINK, USE_PROPERTY };

/* An e-mail address ("jane@acme.example"): one @, a dot after it, no
 * space.  Where a person goes, one that no person's email: holds is no
 * one (a newsletter's noreply@). */
static int
is_address(const char *name)
{
	const char *at = strchr(name, '@');

	return at != NULL && at > name && strchr(at + 1, '@') == NULL &&
	    strchr(at, '.') != NULL && strchr(name, ' ') == NULL;
}

/* A name written as vaults write it: one of its forms into b.  0: the
 * name without ".md" ([[Jane Doe.md]]); 1: from the note's own folder
 * ([[sub/Jane]] in people/); 2 and 3: a Logseq namespace
 * ([[people/Jane]] is the file people___Jane.md, or people%2FJane.md).
 * Returns 0 when that form is the name itself. */
static int
name_form(kith_buf *b, const note *from, const char *name, int form)
{
	const char *slash = strrchr(from->path, '/'), *p;
	size_t n = strlen(name);

	buf_reset(b);
	if (n > 3 && strcasecmp(name + n - 3, ".md") == 0)
		n -= 3;
	else if (form == 0)
		return 0;
	if (form > 0 && strchr(name, '/') == NULL)
		return 0;
	if (form == 1) {
		if (slash == NULL)
			return 0;
		buf_put(b, from->path, (size_t)(slash - from->path) + 1);
	}
	for (p = name; p < name + n; p++) {
		if (*p == '/' && form >= 2)
			buf_puts(b, form == 2 ? "___" : "%2F");
		else
			buf_putc(b, *p);
	}
	return !b->oom;
}

/* A note that a vault's way of writing the name names, or NULL. */
static note *
resolve_vault_forms(kith_journal *j, const note *from, const char *name)
{
	kith_buf b = KITH_BUF_INIT;
	note *found = NULL;
	int form, ambiguous;

	for (form = 0; form < 4 && found == NULL; form++) {
		if (!name_form(&b, from, name, form))
			continue;
		found = resolve_lookup(j, b.data, &ambiguous);
		if (found != NULL && (found->type == NOTE_UNRESOLVED || ambiguous))
			found = NULL;
	}
	buf_free(&b);
	return found;
}

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
	char day[11];
	slot *s;
	int ambiguous, address;

	if (r->to != NULL)	/* found by prefind(): one note claims it */
		return 0;
	if (r->name == NULL)
		return 0;
	r->to = resolve_lookup(j, r->name, &ambiguous);
	if ((r->to == NULL || r->to->type == NOTE_UNRESOLVED) && !ambiguous) {
		note *found = resolve_vault_forms(j, from, r->name);

		if (found != NULL)
			r->to = found;
	}
	if (r->to == NULL && !ambiguous && use >= USE_LINK &&
	    date_of_link(r->name, strlen(r->name), day))
		return 0;	/* a day that has no daily note: no one */
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
	address = use == USE_PERSON && is_address(r->name);
	r->to->used_as_person |= use == USE_PERSON && !address;
	r->to->used_as_address |= address;
	r->to->used_as_company |= use == USE_COMPANY;
	if (use == USE_PROPERTY)
		return 0;
	/* One search a name, however many links lead to it. */
	if (!r->to->hinted) {
		r->to->hint = suggest(j, r->name);
		r->to->hinted = 1;
	}
	hint = r->to->hint;
	if (address)
		diag_add(j, from->path, r->at, KITH_WARNING,
		    "%s: no person has the address \"%s\" in email: (not a "
		    "person)", what, r->name);
	else if (hint != NULL)
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
	if (to == NULL)
		return 0;
	if (vec_reserve(&j->edges, cap, j->nedges + 1, sizeof(*j->edges)) < 0)
		return -1;
	j->edges[j->nedges++] = (edge){ (uint32_t)from->index,
	    (uint32_t)to->index, line, kind };
	return 0;
}

/* Is a body link one of the meeting's people, from its Participants list
 * (said once, as with:)? */
static int
in_roster(const note *n, const f_ref *r)
{
	size_t i;

	for (i = 0; n->type == NOTE_MEETING && i < n->with.n; i++)
		if (n->with.v[i].at.line == r->at.line &&
		    n->with.v[i].at.col == r->at.col)
			return 1;
	return 0;
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
	if (n->type == NOTE_MEETING && edge_add(j, EDGE_HELD_AT, n,
	    n->company.to, n->company.at.line, cap) < 0)
		return -1;
	for (i = 0; i < n->with.n; i++) {
		if (resolve(j, n, &n->with.v[i], "with", USE_PERSON) < 0)
			return -1;
		to = n->with.v[i].to;
		if (to != NULL && !note_is_person(to) && !to->used_as_address)
			diag_add(j, n->path, n->with.v[i].at, KITH_WARNING,
			    "with: \"%s\" is not a person (%s)",
			    n->with.v[i].name, to->path);
		if (edge_add(j, EDGE_ATTENDED, n, to, n->with.v[i].at.line,
		    cap) < 0)
			return -1;
	}
	for (i = 0; i < n->nmentions; i++) {
		if (resolve(j, n, &n->mentions[i].ref, "link", i <
		    n->body_mentions && !in_roster(n, &n->mentions[i].ref) ?
		    USE_LINK : USE_PROPERTY) < 0 ||
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
	prefinder p[POOL_MAX];
	size_t k, n = pool_size(j->nnotes, 1024, POOL_MAX);

	for (k = 0; k < n; k++) {
		p[k].j = j;
		p[k].from = j->nnotes * k / n;
		p[k].to = j->nnotes * (k + 1) / n;
		memset(&p[k].key, 0, sizeof(p[k].key));
	}
	pool_run(prefind_notes, p, sizeof(p[0]), n);
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
			/* an e-mail address two people share is no alias */
			if (claim_name(j, s, c[0]) == s->key)
				continue;
			for (k = 0; k < n; k++)
				diag_add(j, c[k]->path, c[k]->aliases.at,
				    KITH_WARNING, "alias \"%s\" is also claimed "
				    "by %s", claim_name(j, s, c[k]),
				    c[(k + 1) % n]->path);
		}
	}
}

static void
find_owner(kith_journal *j)
{
	if (j->cfg.owner == NULL)
		return;
	j->owner = graph_find(j, &j->names->key, j->cfg.owner, NULL);
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
		keys += 2 + (n->name.s != NULL) + n->aliases.n +
		    (n->type == NOTE_PERSON ? n->email.n : 0);
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
	vec_fit(&j->edges, &cap, j->nedges, sizeof(*j->edges));
	if (graph_adjacency(j) < 0)
		return -1;
	report_shared_names(j);
	find_owner(j);
	return graph_figures(j);
}

