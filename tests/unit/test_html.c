/*
 * test_html.c: the dashboard's HTML for a note body (html.c): the markup of
 * each Markdown construct, wiki links to pages or hidden, links and images
 * whose schemes could run script, and the cap on one body's HTML, after
 * which every open element is still closed.
 */
#include "testutil.h"

#include "site/html.h"

#define CAP (64u * 1024)
/* render_n()'s expect_rc: cut or not */
#define ANY_RC (-2)

static const char notice[] = "<p class=\"cut\">This note is too long to "
    "show in full; it was cut here.</p>\n";

/* Jane Doe has a page, Secret Person is private, Evil's page name reads
 * as a scheme; nobody else has a page. */
static html_target
resolve(const char *target, size_t len, void *userdata)
{
	html_target t = { NULL, 0 };
	int *calls = userdata;

	if (calls != NULL)
		(*calls)++;
	if (len == 8 && memcmp(target, "Jane Doe", 8) == 0)
		t.href = "people/jane-doe.html";
	else if (len == 13 && memcmp(target, "Secret Person", 13) == 0)
		t.hidden = 1;
	else if (len == 4 && memcmp(target, "Evil", 4) == 0)
		t.href = "javascript:alert(1).html";
	return t;
}

/* Renders len bytes of body as kith hands a body over: a line end at the
 * end (added when missing) and zeroed bytes after it.  The HTML is kept
 * until teardown. */
static const char *
render_n(tu_ctx *c, const char *body, size_t len, size_t cap, int shift,
    int expect_rc)
{
	html_options o = { resolve, NULL, cap, shift, 0, 0 };
	kith_buf out = KITH_BUF_INIT;
	char *text = tu_malloc(len + 1 + 16);
	int rc;

	memcpy(text, body, len);
	memset(text + len, 0, 1 + 16);
	if (len > 0 && text[len - 1] != '\n')
		text[len++] = '\n';
	buf_put(&out, "", 0);
	rc = html_body(&out, text, len, &o);
	free(text);
	assert_false(out.oom);
	tu_keep(c, out.data);
	if (expect_rc == ANY_RC)
		assert_true(rc == 0 || rc == 1);
	else
		assert_int_equal(rc, expect_rc);
	return out.data;
}

static const char *
render(tu_ctx *c, const char *body)
{
	return render_n(c, body, strlen(body), CAP, 0, 0);
}

/* ---- a small checker: allowed tags and attributes, properly nested ---- */

static const char *const tags[] = { "p", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "del",
    "a", "span", "br", "hr", "table", "thead", "tbody", "tr", "th", "td",
    "input", "details", "summary", "div", NULL };
static const char *const attrs[] = { "class", "href", "rel", "title",
    "type", "disabled", "checked", "start", "aria-label", "role", "open",
    NULL };

static int
in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

static size_t
name_len(const char *s)
{
	size_t n = 0;

	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
	    s[n] == '-')
		n++;
	return n;
}

/* Reads the attributes of a tag from p; returns the position after '>'. */
static const char *
check_attrs(const char *html, const char *p)
{
	size_t n;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '>')
			return p + 1;
		n = name_len(p);
		if (n == 0 || !in_list(attrs, p, n))
			fail_msg("bad attribute at %ld: %.40s", (long)(p - html), p);
		p += n;
		if (*p != '=')
			continue;
		if (p[1] != '"')
			fail_msg("unquoted value at %ld", (long)(p - html));
		for (p += 2; *p != '"'; p++)
			if (*p == '\0' || *p == '<' || *p == '>')
				fail_msg("bad value at %ld", (long)(p - html));
		p++;
	}
}

/* Fails unless html is only allowed tags and attributes, every element
 * closed in order, and no '<' or '>' outside a tag. */
static void
assert_well_formed(const char *html)
{
	const char *open[512], *p = html;
	size_t depth = 0, n;
	int closing;

	while (*p) {
		if (*p == '>')
			fail_msg("stray > at %ld", (long)(p - html));
		if (*p++ != '<')
			continue;
		closing = *p == '/';
		p += closing;
		n = name_len(p);
		if (n == 0 || !in_list(tags, p, n))
			fail_msg("bad tag at %ld: %.40s", (long)(p - html), p);
		if (closing) {
			if (depth == 0 || strncmp(open[depth - 1], p, n) != 0 ||
			    name_len(open[depth - 1]) != n)
				fail_msg("misnested </%.*s> at %ld", (int)n, p,
				    (long)(p - html));
			depth--;
			if (p[n] != '>')
				fail_msg("bad end tag at %ld", (long)(p - html));
			p += n + 1;
			continue;
		}
		if (!in_list((const char *const[]){ "br", "hr", "input", NULL },
		    p, n)) {
			assert_true(depth < sizeof(open) / sizeof(open[0]));
			open[depth++] = p;
		}
		p = check_attrs(html, p + n);
	}
	if (depth > 0)
		fail_msg("<%.*s> not closed", (int)name_len(open[depth - 1]),
		    open[depth - 1]);
}

static size_t
count(const char *html, const char *s)
{
	size_t k = 0;

	while ((html = strstr(html, s)) != NULL) {
		k++;
		html += strlen(s);
	}
	return k;
}

static int
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), e = strlen(end);

	return n >= e && strcmp(s + n - e, end) == 0;
}

/* A cut body: at most cap bytes and the notice, well formed. */
static void
assert_cut(const char *html, size_t cap)
{
	assert_true(strlen(html) <= cap + strlen(notice));
	assert_true(ends_with(html, notice));
	assert_int_equal(count(html, "class=\"cut\""), 1);
	assert_well_formed(html);
}

/* ---- blocks and inline markup ---- */

static void
paragraphs_and_emphasis(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	html = render(c, "Hello *em* **strong** ~~del~~ `a<b`\nnext line\n\n"
	    "Second  \nbreak\n");
	tu_assert_str(html,
	    "<p>Hello <em>em</em> <strong>strong</strong> <del>del</del> "
	    "<code>a&lt;b</code>\nnext line</p>\n"
	    "<p>Second<br>\nbreak</p>\n");
	assert_well_formed(html);
	tu_assert_str(render(c, ""), "");
	tu_assert_str(render(c, "> quoted\n\n---\n"),
	    "<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>\n");
}

static void
headings_shift(void **state)
{
	tu_ctx *c = *state;
	const char *body = "# One\n## Two\n###### Six\n";

	tu_assert_str(render_n(c, body, strlen(body), CAP, 0, 0),
	    "<h1>One</h1>\n<h2>Two</h2>\n<h6>Six</h6>\n");
	tu_assert_str(render_n(c, body, strlen(body), CAP, 1, 0),
	    "<h2>One</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n");
	tu_assert_str(render_n(c, body, strlen(body), CAP, 5, 0),
	    "<h6>One</h6>\n<h6>Two</h6>\n<h6>Six</h6>\n");
}

static void
lists(void **state)
{
	tu_ctx *c = *state;

	tu_assert_str(render(c, "- a\n- b\n  1. nested\n"),
	    "<ul>\n<li>a</li>\n<li>b<ol>\n<li>nested</li>\n</ol>\n</li>\n</ul>\n");
	tu_assert_str(render(c, "3. x\n4. y\n"),
	    "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>\n");
	tu_assert_str(render(c, "1. x\n"), "<ol>\n<li>x</li>\n</ol>\n");
	/* a loose list has paragraphs */
	tu_assert_str(render(c, "- a\n\n  b\n- c\n"),
	    "<ul>\n<li><p>a</p>\n<p>b</p>\n</li>\n<li><p>c</p>\n</li>\n</ul>\n");
}

static void
task_items(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	html = render(c, "- [ ] open\n- [x] done\n- [X] Done\n- plain\n");
	tu_assert_str(html,
	    "<ul>\n"
	    "<li class=\"task\"><input type=\"checkbox\" disabled "
	    "aria-label=\"to do\"> open</li>\n"
	    "<li class=\"task\"><input type=\"checkbox\" disabled checked "
	    "aria-label=\"done\"> done</li>\n"
	    "<li class=\"task\"><input type=\"checkbox\" disabled checked "
	    "aria-label=\"done\"> Done</li>\n"
	    "<li>plain</li>\n"
	    "</ul>\n");
	assert_well_formed(html);
}

/* Alignment is a class: the Content-Security-Policy forbids style=. */
static void
table_alignment(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	html = render(c, "| a | b | c | d |\n| :--- | :---: | ---: | --- |\n"
	    "| 1 | *2* | 3 |\n");
	tu_assert_str(html,
	    "<table>\n<thead>\n<tr>\n"
	    "<th class=\"align-left\">a</th>\n"
	    "<th class=\"align-center\">b</th>\n"
	    "<th class=\"align-right\">c</th>\n"
	    "<th>d</th>\n"
	    "</tr>\n</thead>\n<tbody>\n<tr>\n"
	    "<td class=\"align-left\">1</td>\n"
	    "<td class=\"align-center\"><em>2</em></td>\n"
	    "<td class=\"align-right\">3</td>\n"
	    "<td></td>\n"
	    "</tr>\n</tbody>\n</table>\n");
	assert_null(strstr(html, "style"));
	assert_well_formed(html);
}

/* Obsidian's callouts: a quote whose first line is [!type]. */
static void
callouts(void **state)
{
	tu_ctx *c = *state;
	static const char body[] = "> [!tip]- A title\n> and a body\n\nafter\n";
	const char *html;
	size_t cap;

	tu_assert_str(render(c, "> [!tip] Ask *for advice*\n> Not for a job.\n"),
	    "<div role=\"note\" class=\"callout callout-tip\">\n"
	    "<p class=\"callout-title\">Ask <em>for advice</em></p>\n"
	    "<p>Not for a job.</p>\n</div>\n");
	/* folded, no title: the type's name; open (+) with a list */
	tu_assert_str(render(c, "> [!WARNING]-\n> Careful.\n"),
	    "<details class=\"callout callout-warning\">\n"
	    "<summary class=\"callout-title\">WARNING</summary>\n"
	    "<p>Careful.</p>\n</details>\n");
	tu_assert_str(render(c, "> [!info]+ Title\n>\n> - a\n"),
	    "<details class=\"callout callout-info\" open>\n"
	    "<summary class=\"callout-title\">Title</summary>\n"
	    "<ul>\n<li>a</li>\n</ul>\n</details>\n");
	tu_assert_str(render(c, "> [!note]\n"),
	    "<div role=\"note\" class=\"callout callout-note\">\n"
	    "<p class=\"callout-title\">Note</p>\n</div>\n");
	/* not callouts: not the first line, not a type, text after ] */
	tu_assert_str(render(c, "> a\n> [!note] b\n"),
	    "<blockquote>\n<p>a\n[!note] b</p>\n</blockquote>\n");
	tu_assert_str(render(c, "> [!no te] b\n"),
	    "<blockquote>\n<p>[!no te] b</p>\n</blockquote>\n");
	tu_assert_str(render(c, "> [!note]x\n"),
	    "<blockquote>\n<p>[!note]x</p>\n</blockquote>\n");
	tu_assert_str(render(c, "> - [!note] b\n"),
	    "<blockquote>\n<ul>\n<li>[!note] b</li>\n</ul>\n</blockquote>\n");
	/* the title is text like any other: escaped */
	tu_assert_str(render(c, "> [!tip] <b>&\n"),
	    "<div role=\"note\" class=\"callout callout-tip\">\n"
	    "<p class=\"callout-title\">&lt;b&gt;&amp;</p>\n</div>\n");
	/* under every cap the body stays well formed */
	for (cap = 1; cap < 150; cap += 4) {
		html = render_n(c, body, strlen(body), cap, 0, ANY_RC);
		assert_well_formed(html);
	}
}

static void
code_blocks(void **state)
{
	tu_ctx *c = *state;

	tu_assert_str(render(c, "```\nif (a < b && c)\n  x;\n```\n"),
	    "<pre><code>if (a &lt; b &amp;&amp; c)\n  x;\n</code></pre>\n");
	tu_assert_str(render(c, "```c++ more words\nx\n```\n"),
	    "<pre><code class=\"language-c++\">x\n</code></pre>\n");
	/* the language is the first word, entities decoded, escaped */
	tu_assert_str(render(c, "~~~py\"><script>x\n[[Jane Doe]] *no*\n~~~\n"),
	    "<pre><code class=\"language-py&quot;&gt;&lt;script&gt;x\">"
	    "[[Jane Doe]] *no*\n</code></pre>\n");
	tu_assert_str(render(c, "~~~\"'<>\ny\n~~~\n"),
	    "<pre><code class=\"language-&quot;&#39;&lt;&gt;\">y\n"
	    "</code></pre>\n");
	tu_assert_str(render(c, "``` f&ouml;&ouml; bar\nz\n```\n"),
	    "<pre><code class=\"language-f\xc3\xb6\xc3\xb6\">z\n</code></pre>\n");
	tu_assert_str(render(c, "para\n\n    indented <i>\n"),
	    "<p>para</p>\n<pre><code>indented &lt;i&gt;\n</code></pre>\n");
}

/* Raw HTML is text, shown escaped. */
static void
raw_html_is_text(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	html = render(c, "<script>alert(1)</script>\n\n"
	    "<img src=x onerror=alert(1)>\n\n<div onclick=\"x\">\nhi\n</div>\n");
	tu_assert_str(html,
	    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
	    "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"
	    "<p>&lt;div onclick=&quot;x&quot;&gt;\nhi\n&lt;/div&gt;</p>\n");
	assert_well_formed(html);
}

/* Entities, NUL characters and breaks in text. */
static void
text_entities(void **state)
{
	tu_ctx *c = *state;
	static const char nul_body[] = "a\0b\n";

	tu_assert_str(render(c, "&#65;&#x42; &copy; &amp; &lt;x&gt; &bogus;\n"),
	    "<p>AB \xc2\xa9 &amp; &lt;x&gt; &amp;bogus;</p>\n");
	/* as CommonMark says: no character is U+FFFD, a tab is a tab; a
	 * control character HTML forbids is U+FFFD too */
	tu_assert_str(render(c, "&#0; &#9; &#xD800; &#1114112; &#x80; &#27;\n"),
	    "<p>\xef\xbf\xbd \t \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd "
	    "\xef\xbf\xbd</p>\n");
	/* every name of HTML5, one of them two characters */
	tu_assert_str(render(c, "&AElig; &HilbertSpace; &ouml; &ngE;\n"),
	    "<p>\xc3\x86 \xe2\x84\x8b \xc3\xb6 \xe2\x89\xa7\xcc\xb8</p>\n");
	tu_assert_str(render(c, "&#60;script&#62; &quot;\n"),
	    "<p>&lt;script&gt; &quot;</p>\n");
	tu_assert_str(render_n(c, nul_body, sizeof(nul_body) - 1, CAP, 0, 0),
	    "<p>a\xef\xbf\xbd" "b</p>\n");
}

/* ---- wiki links ---- */

static void
wiki_links(void **state)
{
	tu_ctx *c = *state;

	tu_assert_str(render(c, "Met [[Jane Doe]] and [[Jane Doe|Jane]].\n"),
	    "<p>Met <a class=\"wikilink\" href=\"people/jane-doe.html\">"
	    "Jane Doe</a> and <a class=\"wikilink\" "
	    "href=\"people/jane-doe.html\">Jane</a>.</p>\n");
	tu_assert_str(render(c, "[[Nobody <b>]] [[Nobody|*who*]]\n"),
	    "<p><span class=\"wikilink unresolved\">Nobody &lt;b&gt;</span> "
	    "<span class=\"wikilink unresolved\"><em>who</em></span></p>\n");
	/* a page name that reads as a scheme stays a relative path */
	tu_assert_str(render(c, "[[Evil]]\n"),
	    "<p><a class=\"wikilink\" href=\"./javascript:alert(1).html\">"
	    "Evil</a></p>\n");
}

/* The resolver gets the target as md4c gives it: without the label. */
static void
wiki_link_targets(void **state)
{
	tu_ctx *c = *state;
	html_options o = { resolve, NULL, CAP, 0, 0, 0 };
	kith_buf out = KITH_BUF_INIT;
	static const char body[] = "[[Jane Doe|J]] `[[Jane Doe]]` [[x]]\n"
	    "\0\0\0\0\0\0\0\0";
	int calls = 0;

	o.userdata = &calls;
	assert_int_equal(html_body(&out, body, strlen(body), &o), 0);
	tu_keep(c, out.data);
	assert_int_equal(calls, 2);
	assert_int_equal(count(out.data, "href=\"people/jane-doe.html\""), 1);
}

/* A private person's name appears nowhere, whatever the link's label. */
static void
wiki_link_private(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	html = render(c, "Lunch with [[Secret Person]].\n\n"
	    "- [ ] call [[Secret Person|Secret *Person*]] back\n\n"
	    "![photo of [[Secret Person]]](me.png)\n\n"
	    "[see [[Secret Person|Secret Person]]](http://x.y/)\n\n"
	    "| [[Secret Person]] |\n| --- |\n");
	tu_assert_str(html,
	    "<p>Lunch with <span class=\"wikilink private\">someone</span>.</p>\n"
	    "<ul>\n<li class=\"task\"><input type=\"checkbox\" disabled "
	    "aria-label=\"to do\"> call <span class=\"wikilink private\">"
	    "someone</span> back</li>\n</ul>\n"
	    "<p><a class=\"image\" href=\"me.png\">image: photo of someone</a>"
	    "</p>\n"
	    /* md4c prefers the wiki link: the link around it is text */
	    "<p>[see <span class=\"wikilink private\">someone</span>](<a "
	    "href=\"http://x.y/\" rel=\"noopener noreferrer\">http://x.y/</a>)"
	    "</p>\n"
	    "<table>\n<thead>\n<tr>\n<th><span class=\"wikilink private\">"
	    "someone</span></th>\n</tr>\n</thead>\n</table>\n");
	assert_null(strstr(html, "Secret"));
	assert_null(strstr(html, "Person"));
	assert_well_formed(html);
}

/* ---- links and images ---- */

static void
hostile_links(void **state)
{
	tu_ctx *c = *state;
	static const char *const links[] = {
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](&#x6A;avascript:alert(1))",
		"[x](&#X6a;avascript:alert(1))",
		"[x](java&Tab;script:alert(1))",
		"[x](java&NewLine;script:alert(1))",
		"[x](javascript&colon;alert(1))",
		"[x](< javascript:alert(1)>)",
		"[x](&#32;javascript:alert(1))",
		"[x](&#1;javascript:alert(1))",
		"[x](java&#9;script:alert(1))",
		"[x](data:text/html,<script>alert(1)</script>)",
		"[x](vbscript:msgbox(1))",
		"[x](file:///etc/passwd)",
		"[x](javascript:alert(1) \"title\")",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"<javascript:alert(1)>",
		"![x](javascript:alert(1))",
		"![x](data:image/png;base64,AAAA)",
	};
	const char *html;
	size_t i;

	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		html = render(c, links[i]);
		if (strstr(html, "href") != NULL || strstr(html, "<a") != NULL)
			fail_msg("%s gave %s", links[i], html);
		assert_well_formed(html);
	}
	tu_assert_str(render(c, "[a *b*](javascript:alert(1))\n"),
	    "<p><span class=\"link-unsafe\">a <em>b</em></span></p>\n");
	tu_assert_str(render(c, "![a](vbscript:x)\n"),
	    "<p><span class=\"image link-unsafe\">image: a</span></p>\n");
}

static void
safe_links(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	html = render(c,
	    "[a](https://example.com/a?b=1&c=2 \"T 'q' &quot;\") "
	    "[b](HTTP://x.y) [c](mailto:a@b.c) [d](tel:+15551234) "
	    "[e](../notes/x.html#top) [f](#frag) [g](/abs) [h](?q=1) "
	    "[i](<has space>) [j](&#104;ttp://x.y)\n");
	tu_assert_str(html,
	    "<p><a href=\"https://example.com/a?b=1&amp;c=2\" "
	    "rel=\"noopener noreferrer\" title=\"T &#39;q&#39; &quot;\">a</a> "
	    "<a href=\"HTTP://x.y\" rel=\"noopener noreferrer\">b</a> "
	    "<a href=\"mailto:a@b.c\" rel=\"noopener noreferrer\">c</a> "
	    "<a href=\"tel:+15551234\" rel=\"noopener noreferrer\">d</a> "
	    "<a href=\"../notes/x.html#top\">e</a> "
	    "<a href=\"#frag\">f</a> <a href=\"/abs\">g</a> "
	    "<a href=\"?q=1\">h</a> <a href=\"has%20space\">i</a> "
	    "<a href=\"http://x.y\" rel=\"noopener noreferrer\">j</a></p>\n");
	assert_well_formed(html);
}

static void
autolinks(void **state)
{
	tu_ctx *c = *state;

	tu_assert_str(render(c, "<https://a.b/c> www.x.com me@x.com "
	    "http://y.z\n"),
	    "<p><a href=\"https://a.b/c\" rel=\"noopener noreferrer\">"
	    "https://a.b/c</a> "
	    "<a href=\"http://www.x.com\" rel=\"noopener noreferrer\">"
	    "www.x.com</a> "
	    "<a href=\"mailto:me@x.com\" rel=\"noopener noreferrer\">"
	    "me@x.com</a> "
	    "<a href=\"http://y.z\" rel=\"noopener noreferrer\">"
	    "http://y.z</a></p>\n");
}

/* md4c puts an autolink inside a link's text, and links and images in a
 * wiki link's label; HTML does not nest <a>, so the inner one is a span. */
static void
nested_links(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	html = render(c, "[see www.y.com](http://z)\n");
	tu_assert_str(html,
	    "<p><a href=\"http://z\" rel=\"noopener noreferrer\">see "
	    "<span class=\"link\">www.y.com</span></a></p>\n");
	assert_well_formed(html);
	html = render(c, "[[Jane Doe|![x](y.png) www.q.com]]\n");
	tu_assert_str(html,
	    "<p><a class=\"wikilink\" href=\"people/jane-doe.html\">"
	    "<span class=\"image\">image: x</span> "
	    "<span class=\"link\">www.q.com</span></a></p>\n");
	assert_well_formed(html);
	/* and a wiki link is never inside a link: md4c leaves the link text */
	tu_assert_str(render(c, "[see [[Jane Doe]]](http://z)\n"),
	    "<p>[see <a class=\"wikilink\" href=\"people/jane-doe.html\">"
	    "Jane Doe</a>](http://z)</p>\n");
}

/* An image is never loaded: it is a link to itself, or its alt text. */
static void
images(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	tu_assert_str(render(c, "![a *cat* [link](x)](cat.png \"Cat\")\n"),
	    "<p><a class=\"image\" href=\"cat.png\" title=\"Cat\">"
	    "image: a cat link</a></p>\n");
	tu_assert_str(render(c, "![dog](https://x.y/d.jpg)\n"),
	    "<p><a class=\"image\" href=\"https://x.y/d.jpg\" "
	    "rel=\"noopener noreferrer\">image: dog</a></p>\n");
	html = render(c, "[![badge](b.svg)](https://ci.example)\n");
	tu_assert_str(html,
	    "<p><a href=\"https://ci.example\" rel=\"noopener noreferrer\">"
	    "<span class=\"image\">image: badge</span></a></p>\n");
	assert_null(strstr(render(c, "![x](y.png)\n"), "<img"));
	assert_well_formed(html);
}

/* A link to nowhere keeps its empty href, as CommonMark says. */
static void
empty_destinations(void **state)
{
	tu_ctx *c = *state;

	tu_assert_str(render(c, "[a]() ![b](<>)\n"),
	    "<p><a href=\"\">a</a> <a class=\"image\" href=\"\">image: b</a>"
	    "</p>\n");
}

/* What is not a scheme is a relative path, as a browser reads it: the
 * characters before a ':' that could not make a scheme, or a space that
 * is not one the browser strips. */
static void
relative_paths(void **state)
{
	tu_ctx *c = *state;

	tu_assert_str(render(c, "[link](foo\\)\\:)\n"),
	    "<p><a href=\"foo):\">link</a></p>\n");
	tu_assert_str(render(c, "[x](&nbsp;javascript:alert(1))\n"),
	    "<p><a href=\"%C2%A0javascript:alert(1)\">x</a></p>\n");
	tu_assert_str(render(c, "[a](/f&ouml;&ouml; \"f&ouml;&ouml;\")\n"),
	    "<p><a href=\"/f%C3%B6%C3%B6\" title=\"f\xc3\xb6\xc3\xb6\">a</a></p>\n");
}

/* md4c 0.4.8 next to a permissive autolink: a span never closed, a span
 * closed that was never opened, spans closed out of order.  The HTML still
 * nests, and a private name stays hidden. */
static void
md4c_unbalanced_spans(void **state)
{
	tu_ctx *c = *state;
	const char *html;

	html = render(c, "*x [[Secret Person]] http://a.b/c*d*\n");
	tu_assert_str(html,
	    "<p><em>x <span class=\"wikilink private\">someone</span> "
	    "<a href=\"http://a.b/c*d\" rel=\"noopener noreferrer\">"
	    "http://a.b/c*d</a>*</em></p>\n");
	tu_assert_str(render(c, "http://.c~~e~~\n"),
	    "<p><a href=\"http://.c~~e\" rel=\"noopener noreferrer\">"
	    "http://.c~~e</a></p>\n");
	html = render(c, "~~*[[Secret Person]] http://x.y/b*]~~ after\n");
	tu_assert_str(html,
	    "<p><del><em><span class=\"wikilink private\">someone</span> "
	    "<a href=\"http://x.y/b*%5D\" rel=\"noopener noreferrer\">"
	    "http://x.y/b*]</a></em></del><em> after</em></p>\n");
	assert_null(strstr(html, "Secret"));
	assert_well_formed(html);
}

/* ---- the cap ---- */

/* Reference links: a small note that md4c 0.4.8 makes huge. */
static void
cap_reference_links(void **state)
{
	tu_ctx *c = *state;
	kith_buf body = KITH_BUF_INIT;
	const char *html;
	int i;

	while (body.len < 50 * 1024) {
		buf_puts(&body, "[a]: http://example.com/a/long/path/to/somewhere\n"
		    "[b]: http://x\n\n");
		for (i = 0; i < 10; i++)
			buf_puts(&body, "[a][a][a][b][a][a][b][b][a][a][a][a]\n");
		buf_putc(&body, '\n');
	}
	assert_false(body.oom);
	tu_keep(c, body.data);
	html = render_n(c, body.data, body.len, CAP, 0, 1);
	assert_cut(html, CAP);
	assert_true(strlen(html) > CAP / 2);
	html = render_n(c, body.data, body.len, 1000, 0, 1);
	assert_cut(html, 1000);
}

/* A wide table: md4c fills every row to the header's columns. */
static void
cap_wide_table(void **state)
{
	tu_ctx *c = *state;
	kith_buf body = KITH_BUF_INIT;
	const char *html;
	int i;

	for (i = 0; i < 2500; i++)
		buf_puts(&body, "|a");
	buf_puts(&body, "|\n");
	for (i = 0; i < 2500; i++)
		buf_puts(&body, "|---");
	buf_puts(&body, "|\n");
	for (i = 0; i < 200; i++)
		buf_puts(&body, "|x|\n");
	assert_false(body.oom);
	tu_keep(c, body.data);
	html = render_n(c, body.data, body.len, CAP, 0, 1);
	assert_cut(html, CAP);
	assert_non_null(strstr(html, "</tbody>\n</table>\n<p class=\"cut\">"));
}

/* 3000 columns: the header and the delimiter row are longer than one
 * md4c piece, so this is no table; the HTML is still whole and bounded. */
static void
cap_3000_columns(void **state)
{
	tu_ctx *c = *state;
	kith_buf body = KITH_BUF_INIT;
	const char *html;
	int i;

	for (i = 0; i < 3000; i++)
		buf_puts(&body, "|a");
	buf_puts(&body, "|\n");
	for (i = 0; i < 3000; i++)
		buf_puts(&body, "|---");
	buf_puts(&body, "|\n");
	for (i = 0; i < 200; i++)
		buf_puts(&body, "|x|\n");
	assert_false(body.oom);
	tu_keep(c, body.data);
	html = render_n(c, body.data, body.len, CAP, 0, 0);
	assert_true(strlen(html) <= CAP);
	assert_well_formed(html);
	html = render_n(c, body.data, body.len, 4096, 0, 1);
	assert_cut(html, 4096);
}

/* Cut at every size: always closed, never over the cap, and an element
 * that was just opened is taken out rather than left empty. */
static void
cap_every_size(void **state)
{
	tu_ctx *c = *state;
	static const char body[] =
	    "# Title\n\n> quote *with **nested [link](http://x.y) "
	    "[[Jane Doe]]** em*\n>\n> - [ ] task [[Secret Person]]\n"
	    ">   1. deep `code`\n\n"
	    "| h | i |\n| :---: | --- |\n| 1 | ![img](p.png) |\n\n"
	    "```c\nint main(void) { return 0 < 1; }\n```\n\ntail\n";
	const char *full, *html;
	size_t cap, n;

	full = render(c, body);
	n = strlen(full);
	for (cap = 0; cap < n; cap++) {
		html = render_n(c, body, strlen(body), cap, 0, 1);
		assert_cut(html, cap);
		assert_null(strstr(html, "<p></p>"));
		assert_null(strstr(html, "<li></li>"));
		assert_null(strstr(html, "Secret"));
		c->nkeep--;
		free(c->keep[c->nkeep]);
	}
	tu_assert_str(render_n(c, body, strlen(body), n, 0, 0), full);
	tu_assert_str(render_n(c, body, strlen(body), 0, 0, 1), notice);
}

/* A code block longer than the cap is cut inside its text, at a
 * character: no half escape, no half UTF-8 sequence. */
static void
cap_inside_text(void **state)
{
	tu_ctx *c = *state;
	kith_buf body = KITH_BUF_INIT;
	const char *html, *code;
	int i;

	buf_puts(&body, "```\n");
	for (i = 0; i < 4000; i++)
		buf_puts(&body, "\xc3\xa9<&>\n");
	buf_puts(&body, "```\n");
	tu_keep(c, body.data);
	html = render_n(c, body.data, body.len, 1001, 0, 1);
	assert_cut(html, 1001);
	code = strstr(html, "<pre><code>");
	assert_non_null(code);
	assert_true(strlen(html) > 900);
	assert_non_null(strstr(html, "</code></pre>\n<p class=\"cut\">"));
	assert_int_equal(utf8_valid_prefix(html, strlen(html)), strlen(html));
}

/* Nesting deeper than the cap can close is cut, not overrun. */
static void
cap_deep_nesting(void **state)
{
	tu_ctx *c = *state;
	char body[4002];
	const char *html;

	memset(body, '>', 4000);
	body[4000] = 'x';
	body[4001] = '\0';
	html = render_n(c, body, 4001, 2000, 0, 1);
	assert_cut(html, 2000);
}

/* ---- pieces and md4c hazards ---- */

/* A long body goes to md4c in pieces; the HTML is still one whole. */
static void
long_body_in_pieces(void **state)
{
	tu_ctx *c = *state;
	kith_buf body = KITH_BUF_INIT;
	const char *html;
	int i;

	for (i = 0; i < 2000; i++)
		buf_printf(&body, "- [ ] item %d [[Jane Doe]]\n  more *text*\n\n"
		    "> quote %d\n\n", i, i);
	assert_false(body.oom);
	assert_true(body.len > 4 * 16 * 1024);
	tu_keep(c, body.data);
	html = render_n(c, body.data, body.len, 4u << 20, 0, 0);
	assert_well_formed(html);
	assert_int_equal(count(html, "<li class=\"task\">"), 2000);
	assert_int_equal(count(html, "<blockquote>"), 2000);
	assert_null(strstr(html, "class=\"cut\""));
}

/* md4c 0.4.8 reads past a buffer whose last line is only digits: kith
 * hands it a line end and zeroed bytes after it. */
static void
last_line_only_digits(void **state)
{
	tu_ctx *c = *state;

	tu_assert_str(render(c, "12345"), "<p>12345</p>\n");
	tu_assert_str(render(c, "# H\n\n2026"), "<h1>H</h1>\n<p>2026</p>\n");
	tu_assert_str(render(c, "- [ ] x\n\n1"),
	    "<ul>\n<li class=\"task\"><input type=\"checkbox\" disabled "
	    "aria-label=\"to do\"> x</li>\n"
	    "</ul>\n<p>1</p>\n");
}

static const char *
render_fold(tu_ctx *c, const char *body, int fold, int skip_title,
    int expect_rc)
{
	html_options o = { resolve, NULL, CAP, 2, fold, skip_title };
	kith_buf out = KITH_BUF_INIT;
	size_t len = strlen(body);
	char *text = tu_malloc(len + 1 + 16);
	int rc;

	memcpy(text, body, len);
	memset(text + len, 0, 1 + 16);
	buf_put(&out, "", 0);
	rc = html_body(&out, text, len, &o);
	free(text);
	assert_false(out.oom);
	tu_keep(c, out.data);
	assert_int_equal(rc, expect_rc);
	return out.data;
}

/* A timeline's meeting: its lead (headings, then the first paragraph or
 * list), the rest in a <details> or not at all (rc 2 says there was
 * more); an h1 that opens it left out when asked, any other kept. */
static void
fold_lead_and_rest(void **state)
{
	tu_ctx *c = *state;
	static const char body[] = "# Coffee\n\n## Agenda\n\nFirst *one*.\n\n"
	    "Second.\n\n- a\n";
	const char *html;

	tu_assert_str(render_fold(c, body, HTML_FOLD_DETAILS, 1, 0),
	    "<h4>Agenda</h4>\n<p>First <em>one</em>.</p>\n"
	    "<details><summary>Show the rest</summary>\n<p>Second.</p>\n"
	    "<ul>\n<li>a</li>\n</ul>\n</details>\n");
	tu_assert_str(render_fold(c, body, HTML_FOLD_LEAD, 0, 2),
	    "<h3>Coffee</h3>\n<h4>Agenda</h4>\n<p>First <em>one</em>.</p>\n");
	tu_assert_str(render_fold(c, "Only this.\n", HTML_FOLD_LEAD, 1, 0),
	    "<p>Only this.</p>\n");
	tu_assert_str(render_fold(c, "Only this.\n", HTML_FOLD_DETAILS, 1, 0),
	    "<p>Only this.</p>\n");
	tu_assert_str(render_fold(c, "## Not a title\n\nx\n", HTML_FOLD_NONE,
	    1, 0), "<h4>Not a title</h4>\n<p>x</p>\n");
	html = render_fold(c, "- [ ] a\n- [x] b\n\n> q\n", HTML_FOLD_DETAILS,
	    1, 0);
	assert_well_formed(html);
	assert_non_null(strstr(html, "</ul>\n<details>"));
}

/* A long body folds the same in pieces: one <details>, closed once. */
static void
fold_in_pieces(void **state)
{
	tu_ctx *c = *state;
	kith_buf body = KITH_BUF_INIT;
	const char *html;
	int i;

	buf_puts(&body, "# T\n\nLead.\n\n");
	for (i = 0; i < 1500; i++)
		buf_printf(&body, "Paragraph %d of the rest.\n\n", i);
	assert_false(body.oom);
	tu_keep(c, body.data);
	html = render_fold(c, body.data, HTML_FOLD_DETAILS, 1, 0);
	assert_well_formed(html);
	assert_int_equal(count(html, "<details>"), 1);
	assert_int_equal(count(html, "</details>"), 1);
	assert_true(body.len > 2 * 16 * 1024);
	assert_int_equal(count(html, "<p>"), 1501);
	html = render_fold(c, body.data, HTML_FOLD_LEAD, 1, 2);
	tu_assert_str(html, "<p>Lead.</p>\n");
}

/* Appends to what is in the buffer already; the cap counts this body. */
static void
appends(void **state)
{
	tu_ctx *c = *state;
	html_options o = { resolve, NULL, 20, 0, 0, 0 };
	kith_buf out = KITH_BUF_INIT;
	static const char body[] = "abc\n\0\0\0\0\0\0\0\0";

	buf_puts(&out, "<main>\n");
	assert_int_equal(html_body(&out, body, 4, &o), 0);
	tu_keep(c, out.data);
	tu_assert_str(out.data, "<main>\n<p>abc</p>\n");
}

/* ---- the helpers ---- */

static void
url_is_safe(void **state)
{
	static const char *const safe[] = {
		"http://x.y", "https://x.y/a", "HTTPS://X.Y", "mailto:a@b.c",
		"MailTo:a@b.c", "tel:+1-555", "foo.html", "../x", "#frag", "?q",
		"/abs/path", "//host/p", "", "a/b:c", "x?y:z", "x#y:z",
		"caf\xc3\xa9.html",
		/* no scheme as a browser reads one (WHATWG URL: a letter, then
		 * letters, digits, + - or ., then ':'), so relative paths */
		"1http:x", "ht tp:x", "java\\script:x", "https\xc2\xa0:x",
		"\xc2\xa0javascript:x", "foo):",
	};
	static const char *const unsafe[] = {
		"javascript:alert(1)", "JaVaScRiPt:x", "java\tscript:x",
		"java\nscript:x", " javascript:x", " http://x.y", "\x01http://x",
		"http://x\x7f", "data:text/html,x", "vbscript:x",
		"file:///etc/passwd", ":x", "about:blank", "https:/x\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(safe) / sizeof(safe[0]); i++)
		if (!html_url_is_safe(safe[i], strlen(safe[i])))
			fail_msg("should be safe: %s", safe[i]);
	for (i = 0; i < sizeof(unsafe) / sizeof(unsafe[0]); i++)
		if (html_url_is_safe(unsafe[i], strlen(unsafe[i])))
			fail_msg("should be unsafe: %s", unsafe[i]);
	/* no colon: a relative path, whatever its name */
	assert_true(html_url_is_safe("http", 4));
	/* a NUL inside is a control character; n bounds the check */
	assert_false(html_url_is_safe("http://x\0y", 10));
	assert_true(html_url_is_safe("javascript:x", 4));
}

static void
escape(void **state)
{
	kith_buf b = KITH_BUF_INIT;

	(void)state;
	html_escape(&b, "a&b<c>d\"e'f");
	html_escape_n(&b, "<<xyz", 3);
	html_escape(&b, "");
	assert_false(b.oom);
	assert_string_equal(b.data, "a&amp;b&lt;c&gt;d&quot;e&#39;f&lt;&lt;x");
	buf_reset(&b);
	html_escape_n(&b, "a\0b", 3);
	assert_string_equal(b.data, "a\xef\xbf\xbd" "b");
	/* control characters (an ESC from a file name reached a <title>) are
	 * U+FFFD, C1 ones too; tab and line ends stay, as do other letters
	 * that start with 0xc2 */
	buf_reset(&b);
	html_escape(&b, "\x1b[31m\x07\t\r\n\x7f\xc2\x9b\xc2\xa0\xc2");
	assert_string_equal(b.data, "\xef\xbf\xbd[31m\xef\xbf\xbd\t\r\n"
	    "\xef\xbf\xbd\xef\xbf\xbd\xc2\xa0\xc2");
	buf_free(&b);
}

/* An href value: a valid URL (tidy checks) and safe in the attribute. */
static void
url_put(void **state)
{
	kith_buf b = KITH_BUF_INIT;
	static const char url[] = "http://x.y/a b\"<>'&[]\xc3\xa9%20|\\^`{}\0";

	(void)state;
	html_url_put(&b, url, sizeof(url) - 1);
	html_url_put(&b, "", 0);
	assert_false(b.oom);
	assert_string_equal(b.data, "http://x.y/a%20b%22%3C%3E%27&amp;%5B%5D"
	    "%C3%A9%20%7C%5C%5E%60%7B%7D%00");
	buf_reset(&b);
	html_url_put(&b, "-._~:/?#@!$()*+,;=AZaz09", 24);
	assert_string_equal(b.data, "-._~:/?#@!$()*+,;=AZaz09");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(paragraphs_and_emphasis),
		TU_TEST(headings_shift),
		TU_TEST(lists),
		TU_TEST(task_items),
		TU_TEST(table_alignment),
		TU_TEST(callouts),
		TU_TEST(code_blocks),
		TU_TEST(raw_html_is_text),
		TU_TEST(text_entities),
		TU_TEST(wiki_links),
		TU_TEST(wiki_link_targets),
		TU_TEST(wiki_link_private),
		TU_TEST(hostile_links),
		TU_TEST(safe_links),
		TU_TEST(autolinks),
		TU_TEST(nested_links),
		TU_TEST(images),
		TU_TEST(empty_destinations),
		TU_TEST(relative_paths),
		TU_TEST(md4c_unbalanced_spans),
		TU_TEST(cap_reference_links),
		TU_TEST(cap_wide_table),
		TU_TEST(cap_3000_columns),
		TU_TEST(cap_every_size),
		TU_TEST(cap_inside_text),
		TU_TEST(cap_deep_nesting),
		TU_TEST(long_body_in_pieces),
		TU_TEST(last_line_only_digits),
		TU_TEST(appends),
		TU_TEST(fold_lead_and_rest),
		TU_TEST(fold_in_pieces),
		cmocka_unit_test(url_is_safe),
		cmocka_unit_test(escape),
		cmocka_unit_test(url_put),
	};

	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
