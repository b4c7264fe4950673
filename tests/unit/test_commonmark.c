/*
 * test_commonmark.c: every example of the CommonMark spec (0.29, as md4c
 * 0.4.8 ships it) and of md4c's tests of the extensions kith turns on
 * (tables, strikethrough, task lists, wiki links, permissive autolinks),
 * rendered by the dashboard's renderer (html.c), must come out as the
 * example says, or be one of the deviations tests/commonmark/deviations
 * lists with its reason (docs/site.md, "Markdown").  A deviation that
 * renders as the spec says is an error too: the list stays true.
 *
 * Both sides are compared after the same light normalisation (white space
 * next to block tags, "<hr />" as "<hr>", &quot; and &#39; as characters,
 * the rel="noopener noreferrer" of external links dropped).  Headings are
 * not shifted here (a page shifts them: docs/site.md).
 *
 * Run from the top of the repository (tests/run-unit does).  With
 * KITH_COMMONMARK_OUT=FILE, every example that differs is written there
 * ("FILE NUMBER", the Markdown, kith's HTML, the spec's).
 */
#include "testutil.h"

#include "site/html.h"

#define DIR "tests/commonmark/"
#define FENCE "````````````````````````````````"

static const char *const files[] = { "spec.txt", "tables.txt",
	"strikethrough.txt", "tasklists.txt", "wiki-links.txt",
	"permissive-email-autolinks.txt", "permissive-url-autolinks.txt",
	"permissive-www-autolinks.txt" };

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	kith_buf b = KITH_BUF_INIT;
	char chunk[8192];
	size_t n;

	if (f == NULL)
		fail_msg("cannot open %s (run from the top of the repository)",
		    path);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	buf_put(&b, "", 0);
	assert_false(b.oom);
	return buf_detach(&b, NULL);
}

/* The spec writes a tab as U+2192 in its examples. */
static void
put_tabs(kith_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i + 2 < n && memcmp(s + i, "\xe2\x86\x92", 3) == 0) {
			buf_putc(b, '\t');
			i += 2;
		} else {
			buf_putc(b, s[i]);
		}
	}
}

static html_target
no_pages(const char *target, size_t len, void *userdata)
{
	html_target t = { NULL, 0 };

	(void)target;
	(void)len;
	(void)userdata;
	return t;
}

static void
render_md(kith_buf *out, const char *md, size_t len)
{
	html_options o = { no_pages, NULL, 1u << 20, 0, HTML_FOLD_NONE, 0 };
	char *text = tu_malloc(len + 2 + 16);

	memcpy(text, md, len);
	memset(text + len, 0, 2 + 16);
	if (len == 0 || text[len - 1] != '\n')
		text[len++] = '\n';
	buf_put(out, "", 0);
	assert_int_equal(html_body(out, text, len, &o), 0);
	free(text);
}

/* ---- normalisation ---- */

static int
is_block_tag(const char *t, size_t n)
{
	static const char *const blocks[] = { "p", "ul", "ol", "li",
		"blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
		"table", "thead", "tbody", "tr", "th", "td", "div", NULL };
	const char *const *b;
	size_t k = 1 + (t[1] == '/');

	for (b = blocks; *b; b++)
		if (strlen(*b) <= n - k && strncmp(t + k, *b, strlen(*b)) == 0 &&
		    (t[k + strlen(*b)] == '>' || t[k + strlen(*b)] == ' ' ||
		    t[k + strlen(*b)] == '/'))
			return 1;
	return 0;
}

static void
put_tag(kith_buf *b, const char *t, size_t n)
{
	static const char rel[] = " rel=\"noopener noreferrer\"";
	const char *at;
	size_t i;

	for (i = 0; i < n; i++) {
		at = t + i;
		if ((size_t)(n - i) >= sizeof(rel) - 1 &&
		    memcmp(at, rel, sizeof(rel) - 1) == 0) {
			i += sizeof(rel) - 2;
			continue;
		}
		if (n - i == 3 && memcmp(at, " />", 3) == 0) {
			buf_putc(b, '>');
			return;
		}
		buf_putc(b, *at);
	}
}

/* Text between tags: white space beside a block tag dropped, runs of it
 * one space (but in <pre>), &quot; and &#39; as characters. */
static void
put_between(kith_buf *b, const char *s, size_t n, int after_block,
    int before_block, int pre)
{
	size_t i;
	int space = 0;

	if (!pre) {
		while (after_block && n > 0 && strchr(" \t\n", *s))
			s++, n--;
		while (before_block && n > 0 && strchr(" \t\n", s[n - 1]))
			n--;
	}
	for (i = 0; i < n; i++) {
		if (!pre && (s[i] == ' ' || s[i] == '\n')) {
			space = 1;
			continue;
		}
		if (space)
			buf_putc(b, ' ');
		space = 0;
		if (strncmp(s + i, "&quot;", 6) == 0) {
			buf_putc(b, '"');
			i += 5;
		} else if (strncmp(s + i, "&#39;", 5) == 0) {
			buf_putc(b, '\'');
			i += 4;
		} else {
			buf_putc(b, s[i]);
		}
	}
	if (space && !before_block)
		buf_putc(b, ' ');
}

static char *
normalise(const char *html)
{
	kith_buf b = KITH_BUF_INIT;
	const char *p = html, *lt, *gt;
	int after_block = 1, pre = 0;

	while ((lt = strchr(p, '<')) != NULL && (gt = strchr(lt, '>')) != NULL) {
		put_between(&b, p, (size_t)(lt - p), after_block,
		    is_block_tag(lt, (size_t)(gt - lt)), pre);
		put_tag(&b, lt, (size_t)(gt + 1 - lt));
		after_block = is_block_tag(lt, (size_t)(gt - lt));
		if (strncmp(lt, "<pre", 4) == 0)
			pre = 1;
		else if (strncmp(lt, "</pre", 5) == 0)
			pre = 0;
		p = gt + 1;
	}
	put_between(&b, p, strlen(p), after_block, 1, pre);
	buf_put(&b, "", 0);
	assert_false(b.oom);
	return buf_detach(&b, NULL);
}

/* ---- the examples ---- */

/* Is "FILE NUMBER" a line of the deviations (after its first field)? */
static int
is_deviation(const char *list, const char *file, int number)
{
	char key[80];
	const char *at;
	size_t n;

	n = (size_t)snprintf(key, sizeof(key), "%s %d ", file, number);
	for (at = strstr(list, key); at != NULL; at = strstr(at + 1, key))
		if (at == list || at[-1] == '\n')
			return 1;
	(void)n;
	return 0;
}

typedef struct tally {
	int examples, same, deviations, wrong, stale;
} tally;

static void
one_example(const char *file, int number, const char *md, size_t md_len,
    const char *html, size_t html_len, const char *list, FILE *out,
    tally *t)
{
	kith_buf m = KITH_BUF_INIT, want = KITH_BUF_INIT, got = KITH_BUF_INIT;
	char *a, *e;
	int same, listed = is_deviation(list, file, number);

	put_tabs(&m, md, md_len);
	put_tabs(&want, html, html_len);
	buf_put(&want, "", 0);
	render_md(&got, m.data ? m.data : "", m.len);
	a = normalise(got.data);
	e = normalise(want.data);
	same = strcmp(a, e) == 0;
	t->examples++;
	t->same += same;
	t->deviations += !same && listed;
	if (!same && !listed) {
		t->wrong++;
		print_message("# %s %d differs and is no documented deviation\n"
		    "# kith: %s\n# spec: %s\n", file, number, a, e);
	}
	if (same && listed) {
		t->stale++;
		print_message("# %s %d is listed as a deviation but renders as "
		    "the spec says\n", file, number);
	}
	if (!same && out != NULL)
		fprintf(out, "%s %d\n--- md\n%.*s--- kith\n%s\n--- spec\n%s\n\n",
		    file, number, (int)m.len, m.data, a, e);
	free(a);
	free(e);
	buf_free(&m);
	buf_free(&want);
	buf_free(&got);
}

static void
one_file(const char *file, const char *list, FILE *out, tally *t)
{
	char path[256];
	char *text, *p, *dot, *end;
	int number = 0;

	snprintf(path, sizeof(path), DIR "%s", file);
	text = slurp(path);
	for (p = text; (p = strstr(p, FENCE " example\n")) != NULL; p = end) {
		p += sizeof(FENCE " example\n") - 1;
		dot = strstr(p, "\n.\n");
		if (strncmp(p, ".\n", 2) == 0)	/* empty Markdown */
			dot = p - 1;
		end = dot ? strstr(dot + 3, FENCE "\n") : NULL;
		if (dot == NULL || end == NULL)
			fail_msg("%s: example %d does not end", file, number + 1);
		number++;
		one_example(file, number, p, (size_t)(dot + 1 - p),
		    dot + (dot == p - 1 ? 2 : 3), (size_t)(end - (dot +
		    (dot == p - 1 ? 2 : 3))), list, out, t);
	}
	free(text);
}

static void
every_example(void **state)
{
	const char *outpath = getenv("KITH_COMMONMARK_OUT");
	char *list = slurp(DIR "deviations");
	FILE *out = NULL;
	tally t = { 0, 0, 0, 0, 0 };
	size_t i;

	(void)state;
	if (outpath != NULL && (out = fopen(outpath, "w")) == NULL)
		fail_msg("cannot write %s", outpath);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		one_file(files[i], list, out, &t);
	if (out != NULL)
		fclose(out);
	free(list);
	print_message("# %d examples: %d as the spec says, %d documented "
	    "deviations, %d other differences, %d deviations no more\n",
	    t.examples, t.same, t.deviations, t.wrong, t.stale);
	assert_int_equal(t.examples, 649 + 77);
	assert_int_equal(t.wrong, 0);
	assert_int_equal(t.stale, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_example),
	};

	return cmocka_run_group_tests_name("commonmark", tests, NULL, NULL);
}
