/*
 * frontmatter.c: splits a note into front matter and body, and reads the
 * front matter with libyaml's event API into a small tree of strings.
 * Nothing is typed here: every scalar stays a string (no YAML implicit
 * typing); fields.c types the keys kith knows.  Anchors, aliases, tags and
 * deep nesting are refused in the event loop itself.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "read/read.h"
#include "core/limits.h"

/* The length of the line at p (without its line end), and where the next
 * line starts. */
static size_t
line_span(const char *p, const char *end, const char **next)
{
	const char *e = memchr(p, '\n', (size_t)(end - p));
	size_t n;

	if (e == NULL) {
		*next = end;
		n = (size_t)(end - p);
	} else {
		*next = e + 1;
		n = (size_t)(e - p);
	}
	if (n > 0 && p[n - 1] == '\r')
		n--;
	return n;
}

/* A delimiter line: the marker, then nothing but spaces or tabs. */
static int
is_marker(const char *p, size_t n, const char *marker)
{
	size_t k = strlen(marker);

	if (n < k || memcmp(p, marker, k) != 0)
		return 0;
	for (; k < n; k++)
		if (p[k] != ' ' && p[k] != '\t')
			return 0;
	return 1;
}

/*
 * Finds the front matter.  Returns 0 with *out filled (out->yaml is NULL
 * when the note has none), or 1 when the note is to be skipped (reported).
 */
int
front_matter_split(kith_journal *j, const char *path, const char *text,
    size_t len, front_matter *out)
{
	const char *end = text + len, *p = text, *next, *line;
	size_t n;
	int lineno;

	memset(out, 0, sizeof(*out));
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	out->body = p;
	out->body_len = (size_t)(end - p);
	out->body_line = 1;
	n = line_span(p, end, &next);
	if (is_marker(p, n, "+++")) {
		diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
		    "TOML front matter (+++) is not supported: use YAML "
		    "between --- lines");
		return 1;
	}
	if (!is_marker(p, n, "---"))
		return 0;
	out->yaml = next;
	out->yaml_line = 2;
	for (lineno = 2, line = next; line < end; lineno++, line = next) {
		n = line_span(line, end, &next);
		if (is_marker(line, n, "---") || is_marker(line, n, "...")) {
			out->yaml_len = (size_t)(line - out->yaml);
			out->body = next;
			out->body_len = (size_t)(end - next);
			out->body_line = lineno + 1;
			return 0;
		}
	}
	diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
	    "front matter is never closed: no --- line ends it");
	return 1;
}

typedef struct reader {
	kith_journal *j;
	arena *mem;		/* where the tree goes */
	const char *yaml;
	size_t len;
	size_t at_char;		/* mark_pos's cursor: a character index, */
	size_t at_byte;		/* its byte offset, */
	size_t at_bol;		/* the index of its line's start, */
	int at_line;		/* and that line (from 0) */
	const char *path;
	const char *what;	/* "front matter" or "kith.yaml" */
	int first_line;
	size_t nodes;
	yval *stack[KITH_MAX_YAML_DEPTH + 2];
	int depth;
	yval *root;
	int failed;
} reader;

/* Where a libyaml mark is, as editors count: libyaml also counts U+0085,
 * U+2028 and U+2029 as line breaks, so kith counts lines itself from the
 * mark's character index.  Marks come mostly in order: a cursor makes this
 * linear. */
static pos
mark_pos(reader *r, yaml_mark_t m)
{
	unsigned char c;

	if (m.index < r->at_char) {
		r->at_char = r->at_byte = r->at_bol = 0;
		r->at_line = 0;
	}
	while (r->at_char < m.index && r->at_byte < r->len) {
		c = (unsigned char)r->yaml[r->at_byte];
		if (c == '\n') {
			r->at_line++;
			r->at_bol = r->at_char + 1;
		}
		r->at_byte += c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		r->at_char++;
	}
	return (pos){ r->first_line + r->at_line,
	    (int)(m.index - r->at_bol) + 1 };
}

static void fail(reader *r, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fail(reader *r, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(r->j, r->path, mark_pos(r, m), KITH_ERROR, NULL, fmt, ap);
	va_end(ap);
	r->failed = 1;
}

/* Appends v to the open collection (or makes it the root). */
static int
attach(reader *r, yval *v)
{
	yval *parent, **slot;

	if (r->depth == 0) {
		r->root = v;
		return 0;
	}
	parent = r->stack[r->depth - 1];
	slot = arena_push(r->mem, &parent->items, &parent->n, sizeof(*slot));
	if (slot == NULL)
		return -1;
	*slot = v;
	return 0;
}

static yval *
node_new(reader *r, enum yval_kind kind, yaml_mark_t m)
{
	yval *v;

	if (++r->nodes > KITH_MAX_YAML_NODES) {
		fail(r, m, "%s has more than %d values", r->what,
		    KITH_MAX_YAML_NODES);
		return NULL;
	}
	if ((v = arena_alloc(r->mem, sizeof(*v))) == NULL)
		return NULL;
	v->kind = kind;
	v->at = mark_pos(r, m);
	return v;
}

/* Checks the keys of a complete mapping (items: key, value, key, ...). */
static void
check_mapping(reader *r, const yval *map)
{
	size_t i, k;
	const yval *key;

	for (i = 0; i < map->n; i += 2) {
		key = map->items[i];
		if (key->kind != Y_SCALAR) {
			diag_add(r->j, r->path, key->at, KITH_ERROR,
			    "a key must be plain text");
			r->failed = 1;
			return;
		}
		for (k = 0; k < i; k += 2) {
			if (strcmp(map->items[k]->str, key->str) == 0) {
				diag_add(r->j, r->path, key->at, KITH_ERROR,
				    "duplicate key \"%s\" (first at line %d)",
				    key->str, map->items[k]->at.line);
				r->failed = 1;
				return;
			}
		}
	}
}

static int
refuse_extras(reader *r, const yaml_event_t *e, const yaml_char_t *anchor,
    const yaml_char_t *tag)
{
	if (anchor != NULL) {
		fail(r, e->start_mark,
		    "YAML anchors (&%s) are not supported", (const char *)anchor);
		return -1;
	}
	if (tag != NULL) {
		/* libyaml expands !!binary; show it as the note writes it */
		if (strncmp((const char *)tag, "tag:yaml.org,2002:", 18) == 0)
			fail(r, e->start_mark, "YAML tags (!!%s) are not "
			    "supported", (const char *)tag + 18);
		else
			fail(r, e->start_mark, "YAML tags (%s) are not "
			    "supported", (const char *)tag);
		return -1;
	}
	return 0;
}

static int
on_scalar(reader *r, const yaml_event_t *e)
{
	yval *v;

	if (refuse_extras(r, e, e->data.scalar.anchor, e->data.scalar.tag) < 0)
		return -1;
	if ((v = node_new(r, Y_SCALAR, e->start_mark)) == NULL)
		return -1;
	v->str = arena_strndup(r->mem, (const char *)e->data.scalar.value,
	    e->data.scalar.length);
	if (v->str == NULL)
		return -1;
	if (strlen(v->str) != e->data.scalar.length) {
		fail(r, e->start_mark, "a value holds a NUL character");
		return -1;
	}
	v->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return attach(r, v);
}

static int
on_start(reader *r, const yaml_event_t *e, enum yval_kind kind)
{
	const yaml_char_t *anchor, *tag;
	yval *v;

	if (kind == Y_SEQ) {
		anchor = e->data.sequence_start.anchor;
		tag = e->data.sequence_start.tag;
	} else {
		anchor = e->data.mapping_start.anchor;
		tag = e->data.mapping_start.tag;
	}
	if (refuse_extras(r, e, anchor, tag) < 0)
		return -1;
	if (r->depth >= KITH_MAX_YAML_DEPTH) {
		fail(r, e->start_mark, "%s nested deeper than %d levels",
		    r->what, KITH_MAX_YAML_DEPTH);
		return -1;
	}
	if ((v = node_new(r, kind, e->start_mark)) == NULL || attach(r, v) < 0)
		return -1;
	r->stack[r->depth++] = v;
	return 0;
}

/* The character at a libyaml mark (by its character index), or 0. */
static char
char_at(const char *yaml, size_t len, yaml_mark_t m)
{
	size_t i = 0, k;

	for (k = 0; i < len && k < m.index; k++) {
		do
			i++;
		while (i < len && ((unsigned char)yaml[i] & 0xc0) == 0x80);
	}
	return i < len ? yaml[i] : 0;
}

/* The reader's byte offset as a mark. */
static yaml_mark_t
offset_mark(const char *yaml, size_t len, size_t offset)
{
	yaml_mark_t m;
	size_t i;

	memset(&m, 0, sizeof(m));
	for (i = 0; i < offset && i < len; i++)
		m.index += ((unsigned char)yaml[i] & 0xc0) != 0x80;
	return m;
}

static void
syntax_error(reader *r, yaml_parser_t *p, const char *yaml, size_t len)
{
	yaml_mark_t m = p->problem_mark;
	const char *problem = p->problem ? p->problem : "syntax error";
	pos start;

	if (p->error == YAML_READER_ERROR)
		m = offset_mark(yaml, len, p->problem_offset);
	if (p->error == YAML_SCANNER_ERROR && char_at(yaml, len, m) == '\t') {
		fail(r, m, "%s is not valid YAML: a tab cannot indent YAML (use "
		    "spaces)", r->what);
		return;
	}
	if (p->context == NULL) {
		fail(r, m, "%s is not valid YAML: %s", r->what, problem);
		return;
	}
	start = mark_pos(r, p->context_mark);
	if (start.line != mark_pos(r, m).line)
		fail(r, m, "%s is not valid YAML: %s %s (which starts at line "
		    "%d, column %d)", r->what, problem, p->context, start.line,
		    start.col);
	else
		fail(r, m, "%s is not valid YAML: %s %s", r->what, problem,
		    p->context);
}

/* Handles one event; returns 1 at the end of the stream, -1 to stop. */
static int
on_event(reader *r, const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_ALIAS_EVENT:
		fail(r, e->start_mark, "YAML aliases (*%s) are not supported",
		    (const char *)e->data.alias.anchor);
		return -1;
	case YAML_SCALAR_EVENT:
		return on_scalar(r, e);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(r, e, Y_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_start(r, e, Y_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		r->depth--;
		if (r->stack[r->depth]->kind == Y_MAP) {
			check_mapping(r, r->stack[r->depth]);
			if (r->failed)
				return -1;
			r->stack[r->depth]->n /= 2;	/* now: pairs */
		}
		return 0;
	default:
		return 0;
	}
}

/*
 * Reads front matter text.  Returns the top-level mapping (an empty one for
 * empty front matter), or NULL when the note is to be skipped: a diagnostic
 * was given, or memory ran out (j->mem.oom).
 */
yval *
yaml_read(kith_journal *j, arena *mem, const char *path, const char *what,
    const char *yaml, size_t len, int first_line)
{
	yaml_parser_t parser;
	yaml_event_t event;
	reader r;
	int rc = 0;
	yaml_mark_t top = { 0, 0, 0 };

	memset(&r, 0, sizeof(r));
	r.j = j;
	r.mem = mem;
	r.yaml = yaml;
	r.len = len;
	r.path = path;
	r.what = what;
	r.first_line = first_line;
	if (!yaml_parser_initialize(&parser)) {
		mem->oom = 1;
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (rc == 0) {
		if (!yaml_parser_parse(&parser, &event)) {
			syntax_error(&r, &parser, yaml, len);
			break;
		}
		rc = on_event(&r, &event);
		yaml_event_delete(&event);
		if (mem->oom)
			break;
	}
	yaml_parser_delete(&parser);
	if (r.failed || mem->oom)
		return NULL;
	if (r.root == NULL)
		return node_new(&r, Y_MAP, top);
	if (r.root->kind != Y_MAP) {
		diag_add(j, path, r.root->at, KITH_ERROR,
		    "%s must be a mapping of keys to values", what);
		return NULL;
	}
	return r.root;
}
