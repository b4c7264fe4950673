/*
 * props.c: what a vault's properties say besides kith's keys: the tags a
 * note is classified by (front matter and body #tags), and the links in
 * any property, which are mentions like the body's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/read.h"

/* Adds the body's #tags after the front matter's. */
int
tags_add(kith_journal *j, note *n, const f_list *more)
{
	f_text *v;
	size_t i, k;

	if (more->n == 0)
		return 0;
	if ((v = arena_alloc(&j->mem, (n->tags.n + more->n) * sizeof(*v))) == NULL)
		return -1;
	if (n->tags.n > 0)
		memcpy(v, n->tags.v, n->tags.n * sizeof(*v));
	else
		n->tags.at = more->v[0].at;
	for (i = 0; i < more->n; i++) {
		for (k = 0; k < n->tags.n && strcasecmp(v[k].s, more->v[i].s); k++)
			;
		if (k == n->tags.n)
			v[n->tags.n++] = more->v[i];
	}
	n->tags.v = v;
	return 0;
}

/* Is a key, in its compared form, tags: (or a name keys: gives it)? */
int
is_tags_key(const kith_journal *j, const char *norm)
{
	size_t i;

	if (strcmp(norm, "tags") == 0 || strcmp(norm, "tag") == 0)
		return 1;
	for (i = 0; i < j->cfg.nkeys; i++)
		if (strcmp(j->cfg.keys[i].norm, norm) == 0 &&
		    strcmp(j->cfg.keys[i].key, "tags") == 0)
			return 1;
	return 0;
}

/* The tags a note is classified by: the front matter's and the body's. */
int
tags_of(kith_journal *j, const yval *map, const key_entry *keys,
    const body_info *b, f_list *out)
{
	const char *norm;
	const yval *v, *e;
	size_t i, k, n = b ? b->tags.n : 0, cap;

	for (i = 0; i < map->n; i++)
		if (((norm = keys[i].norm)[0] == 't' || j->cfg.nkeys > 0) &&
		    is_tags_key(j, norm))
			n += map->items[2 * i + 1]->kind == Y_SEQ ?
			    map->items[2 * i + 1]->n : 1;
	memset(out, 0, sizeof(*out));
	if (n == 0)
		return 0;
	cap = n;
	if ((out->v = arena_alloc(&j->mem, cap * sizeof(*out->v))) == NULL)
		return -1;
	for (i = 0; i < map->n; i++) {
		norm = keys[i].norm;
		if ((norm[0] != 't' && j->cfg.nkeys == 0) ||
		    !is_tags_key(j, norm))
			continue;
		v = map->items[2 * i + 1];
		for (k = 0; k < (v->kind == Y_SEQ ? v->n : 1); k++) {
			e = v->kind == Y_SEQ ? v->items[k] : v;
			while (e->kind == Y_SEQ && e->n == 1)
				e = e->items[0];
			if (e->kind == Y_SCALAR && e->str[0] != '\0')
				out->v[out->n++].s = e->str;
		}
	}
	for (i = 0; b != NULL && i < b->tags.n; i++)
		out->v[out->n++] = b->tags.v[i];
	return 0;
}

/* Calls each(ctx, start, len, at) for each [[link]] in a value's text. */
static int
value_links(const yval *v, int (*each)(void *, const char *, size_t, pos),
    void *ctx)
{
	const char *p, *end;
	size_t i;

	if (v->kind != Y_SCALAR) {
		for (i = 0; i < (v->kind == Y_MAP ? 2 * v->n : v->n); i++)
			if (value_links(v->items[i], each, ctx) < 0)
				return -1;
		return 0;
	}
	for (p = v->str; (p = strstr(p, "[[")) != NULL; p = end + 2) {
		if ((end = strstr(p + 2, "]]")) == NULL)
			break;
		if (each(ctx, p + 2, (size_t)(end - p - 2), v->at) < 0)
			return -1;
	}
	return 0;
}

typedef struct linking {
	kith_journal *j;
	note *n;
	size_t count;		/* counting, when v is NULL */
	mention *v;
} linking;

static int
link_one(void *ctx, const char *s, size_t len, pos at)
{
	linking *l = ctx;
	const char *name;

	if (l->v == NULL) {
		l->count++;
		return 0;
	}
	if ((name = ref_clean_n(&l->j->mem, s, len)) == NULL)
		return l->j->mem.oom ? -1 : 0;
	l->v[l->n->nmentions].ref.name = name;
	l->v[l->n->nmentions++].ref.at = at;
	return 0;
}

/* A link in any other property is a mention (a backlink of its note),
 * after the body's: not in categories, which say what the note is, nor
 * in the body's inline fields (the body's scan has them). */
int
property_mentions(kith_journal *j, note *n, int body_line)
{
	linking l = { j, n, 0, NULL };
	char norm[KEY_NORM_MAX];
	size_t i, pass;

	n->body_mentions = n->nmentions;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < n->nextras; i++) {
			if (body_line > 0 && n->extras[i].at.line >= body_line)
				continue;
			if (key_norm(n->extras[i].key, norm) > 0 &&
			    (strcmp(norm, "categories") == 0 ||
			    strcmp(norm, "category") == 0))
				continue;
			if (value_links(n->extras[i].value, link_one, &l) < 0)
				return -1;
		}
		if (pass == 1 || l.count == 0)
			break;
		if ((l.v = arena_alloc(&j->mem, (n->nmentions + l.count) *
		    sizeof(*l.v))) == NULL)
			return -1;
		if (n->nmentions > 0)
			memcpy(l.v, n->mentions, n->nmentions * sizeof(*l.v));
	}
	if (l.v != NULL)
		n->mentions = l.v;
	return 0;
}

/* Does a value still hold a Templater or template placeholder ("<% ... %>",
 * "{{date}}"), a template not applied? */
int
unfilled_template(const yval *v)
{
	size_t i;

	if (v->kind != Y_SCALAR) {
		for (i = 0; i < (v->kind == Y_MAP ? 2 * v->n : v->n); i++)
			if (unfilled_template(v->items[i]))
				return 1;
		return 0;
	}
	if (strpbrk(v->str, "<{") == NULL)	/* nearly every value */
		return 0;
	return (strstr(v->str, "<%") != NULL && strstr(v->str, "%>") != NULL) ||
	    (strstr(v->str, "{{") != NULL && strstr(v->str, "}}") != NULL);
}
