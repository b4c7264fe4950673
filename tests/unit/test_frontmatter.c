/*
 * test_frontmatter.c: splitting front matter from the body and reading it
 * into a tree of strings (frontmatter.c; journal.md "Front matter").
 */
#include "testutil.h"

/* ---- front_matter_split ---- */

static int
split(tu_ctx *c, const char *text, front_matter *fm)
{
	if (c->j == NULL)
		tu_bare(c, "2026-11-22");
	return front_matter_split(c->j, "n.md", text, strlen(text), fm);
}

static void
assert_span(const char *p, size_t len, const char *expected)
{
	assert_non_null(p);
	assert_int_equal(len, strlen(expected));
	assert_memory_equal(p, expected, len);
}

static void
no_front_matter(void **state)
{
	tu_ctx *c = *state;
	const char *text = "# Title\n\nbody\n";
	front_matter fm;

	assert_int_equal(split(c, text, &fm), 0);
	assert_null(fm.yaml);
	assert_ptr_equal(fm.body, text);
	assert_int_equal(fm.body_len, strlen(text));
	assert_int_equal(fm.body_line, 1);
	assert_int_equal(c->j->ndiags, 0);
}

static void
plain_front_matter(void **state)
{
	tu_ctx *c = *state;
	front_matter fm;

	assert_int_equal(split(c, "---\nname: A\ntags: [x]\n---\nbody\n", &fm),
	    0);
	assert_span(fm.yaml, fm.yaml_len, "name: A\ntags: [x]\n");
	assert_int_equal(fm.yaml_line, 2);
	assert_span(fm.body, fm.body_len, "body\n");
	assert_int_equal(fm.body_line, 5);
}

static void
bom(void **state)
{
	tu_ctx *c = *state;
	front_matter fm;

	assert_int_equal(split(c, "\xef\xbb\xbf---\nname: A\n---\nbody\n", &fm),
	    0);
	assert_span(fm.yaml, fm.yaml_len, "name: A\n");
	assert_int_equal(fm.yaml_line, 2);
	assert_span(fm.body, fm.body_len, "body\n");
	assert_int_equal(fm.body_line, 4);
	/* without front matter the body starts after the BOM */
	assert_int_equal(split(c, "\xef\xbb\xbf# T\n", &fm), 0);
	assert_null(fm.yaml);
	assert_span(fm.body, fm.body_len, "# T\n");
	assert_int_equal(fm.body_line, 1);
}

static void
crlf(void **state)
{
	tu_ctx *c = *state;
	front_matter fm;

	assert_int_equal(split(c, "---\r\nname: A\r\n---\r\nbody\r\n", &fm), 0);
	assert_span(fm.yaml, fm.yaml_len, "name: A\r\n");
	assert_int_equal(fm.yaml_line, 2);
	assert_span(fm.body, fm.body_len, "body\r\n");
	assert_int_equal(fm.body_line, 4);
}

static void
toml(void **state)
{
	tu_ctx *c = *state;
	front_matter fm;

	assert_int_equal(split(c, "+++\ntitle = \"x\"\n+++\nbody\n", &fm), 1);
	tu_write(c, "n.md", "\xef\xbb\xbf+++\r\ntitle = \"x\"\r\n+++\r\n");
	tu_write(c, "ok.md", "---\nname: Ok\n---\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "n.md:1:1: error: TOML front matter (+++) is not supported: use "
	    "YAML between --- lines\n");
	assert_true(tu_note(c, "n.md")->skipped);
	assert_string_equal(tu_note(c, "ok.md")->display, "Ok");
}

static void
unclosed(void **state)
{
	tu_ctx *c = *state;
	front_matter fm;

	assert_int_equal(split(c, "---\nname: A\n--\nbody\n", &fm), 1);
	assert_int_equal(c->j->ndiags, 1);
	assert_int_equal(c->j->diags[0].line, 1);
	assert_int_equal(c->j->diags[0].col, 1);
	assert_string_equal(c->j->diags[0].message,
	    "front matter is never closed: no --- line ends it");
	assert_int_equal(split(c, "---\n", &fm), 1);
	assert_int_equal(split(c, "---", &fm), 1);
	assert_int_equal(c->j->ndiags, 3);
}

static void
dots_close(void **state)
{
	tu_ctx *c = *state;
	front_matter fm;

	assert_int_equal(split(c, "---\nname: A\n...\nbody\n", &fm), 0);
	assert_span(fm.yaml, fm.yaml_len, "name: A\n");
	assert_span(fm.body, fm.body_len, "body\n");
	assert_int_equal(fm.body_line, 4);
}

static void
markers_exactly(void **state)
{
	tu_ctx *c = *state;
	front_matter fm;

	/* trailing blanks are allowed on a marker line */
	assert_int_equal(split(c, "--- \nname: A\n---\t\nbody\n", &fm), 0);
	assert_span(fm.yaml, fm.yaml_len, "name: A\n");
	assert_span(fm.body, fm.body_len, "body\n");
	/* four dashes, an indented marker or a later first line: no front
	 * matter */
	assert_int_equal(split(c, "----\nname: A\n----\n", &fm), 0);
	assert_null(fm.yaml);
	assert_int_equal(split(c, " ---\nname: A\n---\n", &fm), 0);
	assert_null(fm.yaml);
	assert_int_equal(split(c, "\n---\nname: A\n---\n", &fm), 0);
	assert_null(fm.yaml);
	/* a "---" inside the YAML with text after it does not close it */
	assert_int_equal(split(c, "---\na: 1\n---x\n---\nb\n", &fm), 0);
	assert_span(fm.yaml, fm.yaml_len, "a: 1\n---x\n");
	assert_int_equal(fm.body_line, 5);
	assert_int_equal(c->j->ndiags, 0);
}

static void
empty_front_matter_and_body(void **state)
{
	tu_ctx *c = *state;
	front_matter fm;
	yval *map;

	assert_int_equal(split(c, "---\n---\n", &fm), 0);
	assert_non_null(fm.yaml);
	assert_int_equal(fm.yaml_len, 0);
	assert_int_equal(fm.body_len, 0);
	assert_int_equal(fm.body_line, 3);
	map = yaml_read(c->j, &c->j->mem, "n.md", "front matter", fm.yaml, fm.yaml_len, fm.yaml_line);
	assert_non_null(map);
	assert_int_equal(map->kind, Y_MAP);
	assert_int_equal(map->n, 0);
	/* no line end after the closing marker */
	assert_int_equal(split(c, "---\nname: A\n---", &fm), 0);
	assert_span(fm.yaml, fm.yaml_len, "name: A\n");
	assert_int_equal(fm.body_len, 0);
	/* only a comment */
	map = yaml_read(c->j, &c->j->mem, "n.md", "front matter", "# nothing\n", 10, 2);
	assert_non_null(map);
	assert_int_equal(map->kind, Y_MAP);
	assert_int_equal(map->n, 0);
}

/* ---- yaml_read ---- */

static yval *
yaml(tu_ctx *c, const char *text)
{
	if (c->j == NULL)
		tu_bare(c, "2026-11-22");
	return yaml_read(c->j, &c->j->mem, "n.md", "front matter", text, strlen(text), 2);
}

/* The one diagnostic yaml_read gave, as "line:col: message". */
static const char *
only_diag(tu_ctx *c)
{
	char *s;

	assert_int_equal(c->j->ndiags, 1);
	assert_int_equal(c->j->diags[0].level, KITH_ERROR);
	assert_string_equal(c->j->diags[0].file, "n.md");
	s = tu_keep(c, tu_malloc(strlen(c->j->diags[0].message) + 32));
	sprintf(s, "%d:%d: %s", c->j->diags[0].line, c->j->diags[0].col,
	    c->j->diags[0].message);
	c->j->ndiags = 0;
	return s;
}

/* The value of key in a mapping, or NULL. */
static const yval *
get(const yval *map, const char *key)
{
	size_t i;

	assert_int_equal(map->kind, Y_MAP);
	for (i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0)
			return map->items[2 * i + 1];
	return NULL;
}

static void
assert_scalar(const yval *v, const char *s, int line, int col)
{
	assert_non_null(v);
	assert_int_equal(v->kind, Y_SCALAR);
	assert_string_equal(v->str, s);
	assert_int_equal(v->at.line, line);
	assert_int_equal(v->at.col, col);
}

/* No implicit typing: every scalar is the text as written. */
static void
every_value_a_string(void **state)
{
	tu_ctx *c = *state;
	const yval *map;

	map = yaml(c,
	    "a: no\n"
	    "b: yes\n"
	    "c: ~\n"
	    "d: null\n"
	    "e: 1e3\n"
	    "f: 0x10\n"
	    "g: 2026-02-30\n"
	    "h: 'quoted'\n"
	    "i: \"double \\u00e9\"\n"
	    "j:\n"
	    "k: TRUE\n"
	    "l: 010\n"
	    "m: 12:30\n"
	    "n: .inf\n");
	assert_non_null(map);
	assert_int_equal(map->n, 14);
	assert_scalar(get(map, "a"), "no", 2, 4);
	assert_true(get(map, "a")->plain);
	assert_scalar(get(map, "b"), "yes", 3, 4);
	assert_scalar(get(map, "c"), "~", 4, 4);
	assert_scalar(get(map, "d"), "null", 5, 4);
	assert_scalar(get(map, "e"), "1e3", 6, 4);
	assert_scalar(get(map, "f"), "0x10", 7, 4);
	assert_scalar(get(map, "g"), "2026-02-30", 8, 4);
	assert_scalar(get(map, "h"), "quoted", 9, 4);
	assert_false(get(map, "h")->plain);
	assert_scalar(get(map, "i"), "double \xc3\xa9", 10, 4);
	assert_false(get(map, "i")->plain);
	assert_int_equal(get(map, "j")->kind, Y_SCALAR);
	assert_string_equal(get(map, "j")->str, "");
	assert_true(get(map, "j")->plain);
	assert_scalar(get(map, "k"), "TRUE", 12, 4);
	assert_scalar(get(map, "l"), "010", 13, 4);
	assert_scalar(get(map, "m"), "12:30", 14, 4);
	assert_scalar(get(map, "n"), ".inf", 15, 4);
	assert_int_equal(c->j->ndiags, 0);
}

static void
collections(void **state)
{
	tu_ctx *c = *state;
	const yval *map, *v;

	map = yaml(c,
	    "with:\n"
	    "  - \"[[Jane Doe]]\"\n"
	    "  - Bob\n"
	    "tags: [a, b, c]\n"
	    "dates:\n"
	    "  work anniversary: 2020-03-01\n"
	    "  wedding: --06-12\n"
	    "unquoted: [[Jane Doe]]\n");
	assert_non_null(map);
	assert_int_equal(map->n, 4);
	assert_int_equal(map->at.line, 2);
	assert_int_equal(map->at.col, 1);
	v = get(map, "with");
	assert_int_equal(v->kind, Y_SEQ);
	assert_int_equal(v->n, 2);
	assert_scalar(v->items[0], "[[Jane Doe]]", 3, 5);
	assert_scalar(v->items[1], "Bob", 4, 5);
	v = get(map, "tags");
	assert_int_equal(v->kind, Y_SEQ);
	assert_int_equal(v->n, 3);
	assert_int_equal(v->at.line, 5);
	assert_int_equal(v->at.col, 7);
	assert_scalar(v->items[2], "c", 5, 14);
	v = get(map, "dates");
	assert_int_equal(v->kind, Y_MAP);
	assert_int_equal(v->n, 2);	/* pairs */
	assert_scalar(v->items[0], "work anniversary", 7, 3);
	assert_scalar(v->items[1], "2020-03-01", 7, 21);
	assert_scalar(v->items[3], "--06-12", 8, 12);
	/* [[Jane Doe]] without quotes is a list in a list */
	v = get(map, "unquoted");
	assert_int_equal(v->kind, Y_SEQ);
	assert_int_equal(v->n, 1);
	assert_int_equal(v->items[0]->kind, Y_SEQ);
	assert_scalar(v->items[0]->items[0], "Jane Doe", 9, 13);
}

static void
unclosed_flow_sequence(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "name: x\ntags: [a, b\nemail: y\n"));
	tu_assert_str(only_diag(c),
	    "4:6: front matter is not valid YAML: did not find expected ',' "
	    "or ']' while parsing a flow sequence (which starts at line 3, "
	    "column 7)");
	assert_null(yaml(c, "tags: [a, b\n"));
	tu_assert_str(only_diag(c),
	    "3:1: front matter is not valid YAML: did not find expected ',' "
	    "or ']' while parsing a flow sequence (which starts at line 2, "
	    "column 7)");
}

static void
tab_indentation(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "name: x\n\tfoo: y\n"));
	tu_assert_str(only_diag(c),
	    "3:1: front matter is not valid YAML: a tab cannot indent YAML "
	    "(use spaces)");
	assert_null(yaml(c, "tags:\n\t- a\n"));
	tu_assert_str(only_diag(c),
	    "3:1: front matter is not valid YAML: a tab cannot indent YAML "
	    "(use spaces)");
}

static void
bad_escape(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "title: ok\nname: \"a\\qb\"\n"));
	tu_assert_str(only_diag(c),
	    "3:9: front matter is not valid YAML: found unknown escape "
	    "character while parsing a quoted scalar");
	assert_null(yaml(c, "name: \"abc\ntitle: x\n"));
	tu_assert_str(only_diag(c),
	    "4:1: front matter is not valid YAML: found unexpected end of "
	    "stream while scanning a quoted scalar (which starts at line 2, "
	    "column 7)");
}

/* The reader knows only a byte offset; it becomes line:col (characters). */
static void
control_character(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "name: x\ntitle: \xc3\xa9\xc3\xa9\x01z\n"));
	tu_assert_str(only_diag(c),
	    "3:10: front matter is not valid YAML: control characters are not "
	    "allowed");
}

static void
nul_in_value(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "name: \"a\\0b\"\n"));
	tu_assert_str(only_diag(c), "2:7: a value holds a NUL character");
}

static void
top_level_not_a_mapping(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "- a\n- b\n"));
	tu_assert_str(only_diag(c),
	    "2:1: front matter must be a mapping of keys to values");
	assert_null(yaml(c, "\njust text\n"));
	tu_assert_str(only_diag(c),
	    "3:1: front matter must be a mapping of keys to values");
	assert_null(yaml(c, "[a, b]\n"));
	tu_assert_str(only_diag(c),
	    "2:1: front matter must be a mapping of keys to values");
}

static void
duplicate_key(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "name: a\ntitle: t\nname: b\n"));
	tu_assert_str(only_diag(c),
	    "4:1: duplicate key \"name\" (first at line 2)");
	assert_null(yaml(c, "dates:\n  a: 2020-01-01\n  a: 2021-01-01\n"));
	tu_assert_str(only_diag(c),
	    "4:3: duplicate key \"a\" (first at line 3)");
	/* keys differ by case: not duplicates */
	assert_non_null(yaml(c, "Name: a\nname: b\n"));
	assert_int_equal(c->j->ndiags, 0);
}

static void
complex_key(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "? [a]\n: b\n"));
	tu_assert_str(only_diag(c), "2:3: a key must be plain text");
}

static void
tags_refused(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "photo: !!binary aGVsbG8=\n"));
	tu_assert_str(only_diag(c),
	    "2:8: YAML tags (!!binary) are not supported");
	assert_null(yaml(c, "x: !foo {a: b}\n"));
	tu_assert_str(only_diag(c), "2:4: YAML tags (!foo) are not supported");
	assert_null(yaml(c, "x: !!str 12\n"));
	tu_assert_str(only_diag(c),
	    "2:4: YAML tags (!!str) are not supported");
}

static void
anchors_and_aliases_refused(void **state)
{
	tu_ctx *c = *state;

	assert_null(yaml(c, "a: &x foo\nb: *x\n"));
	tu_assert_str(only_diag(c), "2:4: YAML anchors (&x) are not supported");
	assert_null(yaml(c, "b: *x\n"));
	tu_assert_str(only_diag(c), "2:4: YAML aliases (*x) are not supported");
	assert_null(yaml(c, "a: &x [1]\n"));
	tu_assert_str(only_diag(c), "2:4: YAML anchors (&x) are not supported");
	/* the billion laughs never expand */
	assert_null(yaml(c,
	    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
	    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"));
	tu_assert_str(only_diag(c), "2:4: YAML anchors (&a) are not supported");
}

static void
depth_limit(void **state)
{
	tu_ctx *c = *state;

	/* the mapping and 15 sequences: 16 levels */
	assert_non_null(yaml(c, "x: [[[[[[[[[[[[[[[]]]]]]]]]]]]]]]\n"));
	assert_int_equal(c->j->ndiags, 0);
	/* one more: refused at the 16th [ */
	assert_null(yaml(c, "x: [[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]\n"));
	tu_assert_str(only_diag(c),
	    "2:19: front matter nested deeper than 16 levels");
	/* block mappings count the same */
	assert_null(yaml(c,
	    "a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       h:\n"
	    "        i:\n         j:\n          k:\n           l:\n"
	    "            m:\n             n:\n              o:\n"
	    "               p:\n                q: deep\n"));
	tu_assert_str(only_diag(c),
	    "18:17: front matter nested deeper than 16 levels");
}

/* 20,000 [ on one line: refused (libyaml is slow on deep flow nesting;
 * the depth limit stops it early). */
static void
very_deep_flow(void **state)
{
	tu_ctx *c = *state;
	size_t n = 20000, i;
	char *text = tu_keep(c, tu_malloc(n + 32));
	char *p = text;

	p += sprintf(p, "---\nx: ");
	for (i = 0; i < n; i++)
		*p++ = '[';
	strcpy(p, "\n---\nbody\n");
	assert_null(yaml(c, text + 4));
	tu_assert_str(only_diag(c),
	    "2:19: front matter nested deeper than 16 levels");
	tu_write(c, "deep.md", text);
	tu_write(c, "ok.md", "---\nname: Fine\n---\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "deep.md:2:19: error: front matter nested deeper than 16 levels\n");
	assert_true(tu_note(c, "deep.md")->skipped);
	assert_string_equal(tu_note(c, "ok.md")->display, "Fine");
}

static void
node_limit(void **state)
{
	tu_ctx *c = *state;
	size_t i;
	char *text = tu_keep(c, tu_malloc(7 + 3 * 10000 + 8));
	char *p = text;

	p += sprintf(p, "tags: [");
	for (i = 0; i < 10000; i++)
		p += sprintf(p, "a, ");
	strcpy(p, "a]\n");
	/* the mapping, its key and the sequence are three values: the
	 * 9998th a is the 10001st value, at column 8 + 3 * 9997 */
	assert_null(yaml(c, text));
	tu_assert_str(only_diag(c),
	    "2:29999: front matter has more than 10000 values");
}

/* Errors in front matter through the whole pipeline: exact positions in
 * the note, the note skipped, the others kept. */
static void
errors_in_notes(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "bom.md", "\xef\xbb\xbf---\nname: a\nname: b\n---\n");
	tu_write(c, "crlf.md", "---\r\nname: a\r\ntags: [x\r\n---\r\n");
	tu_write(c, "open.md", "---\nname: a\n\n# Heading\n");
	tu_write(c, "seq.md", "---\n- a\n---\n");
	tu_write(c, "people/ok.md", "---\nname: O'Kay\ncadence: no\n---\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "bom.md:3:1: error: duplicate key \"name\" (first at line 2)\n"
	    "crlf.md:4:1: error: front matter is not valid YAML: did not find "
	    "expected ',' or ']' while parsing a flow sequence (which starts "
	    "at line 3, column 7)\n"
	    "open.md:1:1: error: front matter is never closed: no --- line "
	    "ends it\n"
	    "people/ok.md:3:10: error: cadence: invalid duration \"no\" "
	    "(expected a number and d, w, m or y, like 90d or 3m, or never)\n"
	    "seq.md:2:1: error: front matter must be a mapping of keys to "
	    "values\n");
	assert_true(tu_note(c, "bom.md")->skipped);
	assert_true(tu_note(c, "crlf.md")->skipped);
	assert_true(tu_note(c, "open.md")->skipped);
	assert_true(tu_note(c, "seq.md")->skipped);
	assert_false(tu_note(c, "people/ok.md")->skipped);
	assert_string_equal(tu_note(c, "people/ok.md")->display, "O'Kay");
}

static void
crlf_values_have_no_cr(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "people/a.md",
	    "---\r\nname: Ann Lee\r\ntags:\r\n  - mentor\r\n---\r\n"
	    "# Ann\r\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(kith_journal_diag_count(c->j), 0);
	n = tu_note(c, "people/a.md");
	assert_string_equal(n->name.s, "Ann Lee");
	assert_int_equal(n->name.at.line, 2);
	assert_int_equal(n->name.at.col, 7);
	assert_int_equal(n->tags.n, 1);
	assert_string_equal(n->tags.v[0].s, "mentor");
	assert_string_equal(n->heading, "Ann");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(no_front_matter),
		TU_TEST(plain_front_matter),
		TU_TEST(bom),
		TU_TEST(crlf),
		TU_TEST(toml),
		TU_TEST(unclosed),
		TU_TEST(dots_close),
		TU_TEST(markers_exactly),
		TU_TEST(empty_front_matter_and_body),
		TU_TEST(every_value_a_string),
		TU_TEST(collections),
		TU_TEST(unclosed_flow_sequence),
		TU_TEST(tab_indentation),
		TU_TEST(bad_escape),
		TU_TEST(control_character),
		TU_TEST(nul_in_value),
		TU_TEST(top_level_not_a_mapping),
		TU_TEST(duplicate_key),
		TU_TEST(complex_key),
		TU_TEST(tags_refused),
		TU_TEST(anchors_and_aliases_refused),
		TU_TEST(depth_limit),
		TU_TEST(very_deep_flow),
		TU_TEST(node_limit),
		TU_TEST(errors_in_notes),
		TU_TEST(crlf_values_have_no_cr),
	};

	return cmocka_run_group_tests_name("frontmatter", tests, NULL, NULL);
}
