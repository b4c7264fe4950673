/*
 * inline.c: properties written in a note's body (journal.md, "Using an
 * existing Obsidian or Logseq vault").  In an Obsidian vault, a Dataview
 * inline field: a line "key:: value" (also as a list item or a quote), or
 * "[key:: value]" and "(key:: value)" inside a line, outside code blocks.
 * In a Logseq graph, only the page's properties: the "key:: value" lines
 * the page starts with (later ones are block properties).  They become
 * pairs of a mapping, read after the front matter's.
 */
#include <string.h>

#include "read/read.h"

#define INLINE_KEY_MAX 64

typedef struct pairs {
	kith_journal *j;
	arena *mem;
	yval **items;		/* key, value, key, value ... */
	size_t n, cap;		/* items */
	int oom;
} pairs;

static yval *
scalar_new(pairs *p, const char *s, size_t n, pos at)
{
	yval *v;

	if ((v = arena_alloc(p->mem, sizeof(*v))) == NULL ||
	    (v->str = arena_strndup(p->mem, s, n)) == NULL) {
		p->oom = 1;
		return NULL;
	}
	v->kind = Y_SCALAR;
	v->at = at;
	v->plain = 1;
	v->items = NULL;
	v->n = 0;
	return v;
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t'))
		++*s, --*n;
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
	    (*s)[*n - 1] == '\r'))
		--*n;
}

/* A value with commas outside [[ ]] is a list (Logseq writes lists so:
 * "[[A]], [[B]]", "mentor, platform") when it holds a link or a tag, or
 * its key is a list of names. */
static yval *
value_new(pairs *p, const char *key, const char *s, size_t n, pos at)
{
	char norm[KEY_NORM_MAX];
	const char *e = s + n, *start = s, *q;
	int depth = 0, split, names;
	yval *v, *item;
	size_t k = 0;

	key_norm(key, norm);
	names = strcmp(norm, "alias") == 0 || strcmp(norm, "aliases") == 0 ||
	    is_tags_key(p->j, norm);
	split = names || (memchr(s, ',', n) != NULL &&
	    (text_find(s, n, "[[", 2) != NULL || memchr(s, '#', n) != NULL));
	if (!split)
		return scalar_new(p, s, n, at);
	if ((v = scalar_new(p, "", 0, at)) == NULL)
		return NULL;
	v->kind = Y_SEQ;
	for (q = s; q < e; q++)
		k += *q == ',';
	if ((v->items = arena_alloc(p->mem, (k + 1) * sizeof(*v->items))) == NULL) {
		p->oom = 1;
		return NULL;
	}
	for (q = s; q <= e; q++) {
		if (q < e && q + 1 < e && q[0] == '[' && q[1] == '[')
			depth++;
		else if (q < e && q + 1 < e && q[0] == ']' && q[1] == ']' &&
		    depth > 0)
			depth--;
		if (q < e && (*q != ',' || depth > 0))
			continue;
		{
			const char *is = start;
			size_t in = (size_t)(q - start);

			trim(&is, &in);
			/* a Logseq tag or alias is written as a page link or
			 * a #tag */
			if (names && in > 1 && is[0] == '#') {
				is++;
				in--;
			}
			if (names && in > 4 && strncmp(is, "[[", 2) == 0 &&
			    strncmp(is + in - 2, "]]", 2) == 0) {
				is += 2;
				in -= 4;
			}
			if (in > 0) {
				if ((item = scalar_new(p, is, in, at)) == NULL)
					return NULL;
				v->items[v->n++] = item;
			}
		}
		start = q + 1;
	}
	return v->n == 1 ? v->items[0] : v;
}

static void
pair_add(pairs *p, const char *key, size_t klen, const char *value,
    size_t vlen, pos kat, pos vat)
{
	yval *k, *v;

	trim(&key, &klen);
	trim(&value, &vlen);
	if (klen == 0 || klen > INLINE_KEY_MAX)
		return;
	if ((k = scalar_new(p, key, klen, kat)) == NULL ||
	    (v = value_new(p, k->str, value, vlen, vat)) == NULL)
		return;
	if (p->n + 2 > p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 16;
		yval **items = arena_alloc(p->mem, cap * sizeof(*items));

		if (items == NULL) {
			p->oom = 1;
			return;
		}
		if (p->n > 0)
			memcpy(items, p->items, p->n * sizeof(*items));
		p->items = items;
		p->cap = cap;
	}
	p->items[p->n++] = k;
	p->items[p->n++] = v;
}

/* A key of an inline field: letters, digits, spaces, - and _ (and any
 * character beyond ASCII), not starting with a space. */
static int
is_key(const char *s, size_t n)
{
	size_t i;
	unsigned char c;

	if (n == 0 || n > INLINE_KEY_MAX || s[0] == ' ')
		return 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == ' ' || c == '-' ||
		    c == '_' || c >= 0x80))
			return 0;
	}
	return 1;
}

static int
column(const char *line, const char *at)
{
	int col = 1;

	for (; line < at; line++)
		col += ((unsigned char)*line & 0xc0) != 0x80;
	return col;
}

/* A whole line "key:: value" (after a list mark or a quote's >). */
static int
line_field(pairs *p, const char *line, size_t n, int lineno)
{
	const char *s = line, *e = line + n, *sep;

	while (s < e && (*s == ' ' || *s == '\t' || *s == '>'))
		s++;
	if (s + 1 < e && (*s == '-' || *s == '*' || *s == '+') && s[1] == ' ')
		s += 2;
	if ((sep = text_find(s, (size_t)(e - s), "::", 2)) == NULL ||
	    !is_key(s, (size_t)(sep - s)))
		return 0;
	pair_add(p, s, (size_t)(sep - s), sep + 2, (size_t)(e - sep - 2),
	    (pos){ lineno, column(line, s) }, (pos){ lineno,
	    column(line, sep + 2) });
	return 1;
}

/* "[key:: value]" and "(key:: value)" inside a line. */
static void
bracket_fields(pairs *p, const char *line, size_t n, int lineno)
{
	const char *s = line, *e = line + n, *sep, *close;
	char want;

	for (; s < e; s++) {
		if (*s != '[' && *s != '(')
			continue;
		if (*s == '[' && s + 1 < e && s[1] == '[') {
			s++;
			continue;
		}
		want = *s == '[' ? ']' : ')';
		if ((sep = text_find(s + 1, (size_t)(e - s - 1), "::", 2)) == NULL)
			return;
		if (!is_key(s + 1, (size_t)(sep - s - 1)) ||
		    (close = memchr(sep, want, (size_t)(e - sep))) == NULL)
			continue;
		pair_add(p, s + 1, (size_t)(sep - s - 1), sep + 2,
		    (size_t)(close - sep - 2), (pos){ lineno, column(line, s + 1) },
		    (pos){ lineno, column(line, sep + 2) });
		s = close;
	}
}

static int
is_fence(const char *s, size_t n)
{
	while (n > 0 && *s == ' ')
		s++, n--;
	return n >= 3 && (strncmp(s, "```", 3) == 0 || strncmp(s, "~~~", 3) == 0);
}

const yval *
inline_fields(kith_journal *j, arena *scratch, const char *body, size_t len,
    int first_line)
{
	pairs p = { j, scratch, NULL, 0, 0, 0 };
	const char *line = body, *e = body + len, *nl;
	int lineno = first_line, fenced = 0;
	size_t n;
	yval *map;

	if (len < 3 || text_find(body, len, "::", 2) == NULL)
		return NULL;
	for (; line < e; line = nl + 1, lineno++) {
		if ((nl = memchr(line, '\n', (size_t)(e - line))) == NULL)
			nl = e;
		n = (size_t)(nl - line);
		if (j->cfg.logseq) {
			/* the page's properties: the lines it starts with */
			if (n == 0 || line[0] == '-' || line[0] == ' ' ||
			    line[0] == '\t' || !line_field(&p, line, n, lineno))
				break;
			continue;
		}
		if (is_fence(line, n)) {
			fenced = !fenced;
			continue;
		}
		if (fenced || text_find(line, n, "::", 2) == NULL)
			continue;
		if (!line_field(&p, line, n, lineno))
			bracket_fields(&p, line, n, lineno);
	}
	if (p.oom || p.n == 0 ||
	    (map = arena_alloc(scratch, sizeof(*map))) == NULL) {
		scratch->oom |= p.oom || p.n > 0;
		return NULL;
	}
	memset(map, 0, sizeof(*map));
	map->kind = Y_MAP;
	map->at = (pos){ first_line, 1 };
	map->items = p.items;
	map->n = p.n / 2;
	return map;
}

/*
 * Front matter as Logseq writes it on a page: "key: value" lines that
 * look like YAML and may not be ("tags: [[a/b]] , [[c]]"), read as Logseq
 * reads them: one pair a line, a comma list where there are links.  NULL
 * when a line is not "key: value" (then it is read as YAML).
 */
const yval *
logseq_front_matter(kith_journal *j, arena *scratch, const char *yaml,
    size_t len, int first_line)
{
	pairs p = { j, scratch, NULL, 0, 0, 0 };
	const char *line = yaml, *e = yaml + len, *nl, *sep, *v;
	int lineno = first_line;
	size_t n, vn;
	yval *map;

	for (; line < e; line = nl + 1, lineno++) {
		if ((nl = memchr(line, '\n', (size_t)(e - line))) == NULL)
			nl = e;
		n = (size_t)(nl - line);
		if (n == 0 || (n == 1 && line[0] == '\r'))
			continue;
		if ((sep = memchr(line, ':', n)) == NULL ||
		    !is_key(line, (size_t)(sep - line)) ||
		    (sep + 1 < nl && sep[1] != ' ' && sep[1] != '\r'))
			return NULL;
		v = sep + 1;
		vn = (size_t)(nl - v);
		trim(&v, &vn);
		if (vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[vn - 1] == v[0]) {
			v++;
			vn -= 2;
		}
		pair_add(&p, line, (size_t)(sep - line), v, vn,
		    (pos){ lineno, 1 }, (pos){ lineno, column(line, v) });
	}
	if (p.oom || p.n == 0 ||
	    (map = arena_alloc(scratch, sizeof(*map))) == NULL) {
		scratch->oom |= p.oom || p.n > 0;
		return NULL;
	}
	memset(map, 0, sizeof(*map));
	map->kind = Y_MAP;
	map->at = (pos){ first_line, 1 };
	map->items = p.items;
	map->n = p.n / 2;
	return map;
}
