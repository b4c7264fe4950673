/*
 * props.c: the property checks of the fuzz harnesses (props.h).
 */
#define _GNU_SOURCE	/* scandirat */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#include "props.h"
#include "site/site.h"

void
prop_fail(const char *what, const char *text, size_t len)
{
	size_t shown = len > 400 ? 400 : len, i;

	fprintf(stderr, "\n*** kith property violated: %s\n", what);
	if (text != NULL) {
		fprintf(stderr, "*** in (%zu bytes%s): \"", len,
		    shown < len ? ", first 400" : "");
		for (i = 0; i < shown; i++) {
			unsigned char c = (unsigned char)text[i];

			if (c == '\n')
				fputs("\\n", stderr);
			else if (c == '"' || c == '\\')
				fprintf(stderr, "\\%c", c);
			else if (c < 0x20 || c == 0x7f)
				fprintf(stderr, "\\x%02x", c);
			else
				fputc(c, stderr);
		}
		fputs("\"\n", stderr);
	}
	abort();
}

/* Known violations can be set aside while looking for others:
 * KITH_FUZZ_IGNORE=diag-control,report-control (the ids below). */
static int
ignored(const char *id)
{
	const char *list = getenv("KITH_FUZZ_IGNORE"), *p;
	size_t k = strlen(id);

	for (p = list; p != NULL && *p != '\0'; p += strcspn(p, ",")) {
		p += *p == ',';
		if (strncmp(p, id, k) == 0 && (p[k] == ',' || p[k] == '\0'))
			return 1;
	}
	return 0;
}

void
prop_soft(const char *id, const char *what, const char *text, size_t len)
{
	char msg[256];

	if (ignored(id))
		return;
	snprintf(msg, sizeof(msg), "%s [%s]", what, id);
	prop_fail(msg, text, len);
}

/* ---- UTF-8 ---- */

/* Length of the valid UTF-8 sequence at p (at most n bytes), or 0; an
 * independent copy of the rules (no overlong, no surrogate, <= U+10FFFF). */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t k, i;

	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		k = 2;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4;
	else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0) ||
	    (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))
		return 0;
	return k;
}

int
prop_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if ((k = utf8_seq(p + i, n - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* ---- diagnostics ---- */

/* Characters (code points) on line `line` (1-based) of text, or -1 when
 * the text has fewer lines; *nlines is its number of lines. */
static long
line_width(const char *text, size_t len, int line, long *nlines)
{
	size_t i;
	long l = 1, width = -1, w = 0;

	*nlines = 0;
	for (i = 0; i < len; i++) {
		if (text[i] == '\n') {
			if (l == line)
				width = w;
			l++;
			w = 0;
			continue;
		}
		w += ((unsigned char)text[i] & 0xc0) != 0x80;
	}
	*nlines = len > 0 && text[len - 1] != '\n' ? l : l - 1;
	if (l == line && w > 0)
		width = w;
	return width;
}

void
prop_diag(const kith_diag *d, const char *want_file, const char *text,
    size_t len)
{
	char line[8192];
	long nlines, width;
	int n;
	size_t i;

	if (d->file == NULL || d->message == NULL || d->file[0] == '\0')
		prop_fail("a diagnostic without a file or a message", NULL, 0);
	n = snprintf(line, sizeof(line), "%s:%d:%d: %s: %s", d->file, d->line,
	    d->col, d->level == KITH_ERROR ? "error" :
	    d->level == KITH_WARNING ? "warning" : "?", d->message);
	if (n < 0)
		prop_fail("a diagnostic cannot be formatted", NULL, 0);
	if ((size_t)n >= sizeof(line))
		n = (int)sizeof(line) - 1;
	if (d->level != KITH_ERROR && d->level != KITH_WARNING)
		prop_soft("diag-level", "a diagnostic is neither an error nor "
		    "a warning", line, (size_t)n);
	if (d->line < 1 || d->col < 1)
		prop_soft("diag-position", "a diagnostic points at line or "
		    "column 0", line, (size_t)n);
	if (d->message[0] == '\0')
		prop_soft("diag-empty", "a diagnostic has an empty message",
		    line, (size_t)n);
	if (!prop_utf8(d->file, strlen(d->file)) ||
	    !prop_utf8(d->message, strlen(d->message)))
		prop_soft("diag-utf8", "a diagnostic is not valid UTF-8", line,
		    (size_t)n);
	for (i = 0; i < (size_t)n; i++)
		if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f) {
			prop_soft("diag-control", "a diagnostic holds a control "
			    "character (it does not print as one line)", line,
			    (size_t)n);
			break;
		}
	if (want_file != NULL && strcmp(d->file, want_file) != 0)
		prop_soft("diag-file", "a diagnostic names another file", line,
		    (size_t)n);
	if (text == NULL)
		return;
	width = line_width(text, len, d->line, &nlines);
	if (d->line > nlines + 1)
		prop_soft("diag-position", "a diagnostic points past the end "
		    "of its file", line, (size_t)n);
	else if (width >= 0 && d->col > width + 1)
		prop_soft("diag-position", "a diagnostic points past the end "
		    "of its line", line, (size_t)n);
	else if (width < 0 && d->col > 1)
		prop_soft("diag-position", "a diagnostic points into a line "
		    "that does not exist", line, (size_t)n);
}

void
prop_report(const char *out, size_t len, kith_format format)
{
	size_t i;

	if (strlen(out) != len)
		prop_fail("a report holds a NUL byte", out, len);
	if (!prop_utf8(out, len)) {
		prop_soft("report-utf8", "a report is not valid UTF-8", out, len);
		return;
	}
	if (format == KITH_FORMAT_JSON) {
		prop_json(out, len);
		return;
	}
	for (i = 0; i < len; i++)
		if (((unsigned char)out[i] < 0x20 && out[i] != '\n') ||
		    out[i] == 0x7f) {
			prop_soft("report-control", "a report holds a control "
			    "character from the journal (a terminal would run "
			    "it)", out + (i > 60 ? i - 60 : 0),
			    len - (i > 60 ? i - 60 : 0));
			return;
		}
}

void
prop_reports(const kith_journal *j)
{
	static const kith_format formats[] = { KITH_FORMAT_TEXT,
	    KITH_FORMAT_MARKDOWN, KITH_FORMAT_JSON };
	kith_due_query q = { -1, 0, NULL, 0, NULL };
	kith_due *d;
	size_t i, len;
	char *out;

	kith_date_parse("2026-11-22", &q.today);	/* the fuzzers' day */
	if (kith_due_new(j, &q, &d) != KITH_OK)
		abort();
	for (i = 0; i < 3; i++) {
		out = kith_due_format(d, j, formats[i], KITH_REPORT_ALL, &len);
		if (out == NULL)
			abort();
		prop_report(out, len, formats[i]);
		free(out);
	}
	kith_due_free(d);
}

void
prop_diags(const kith_journal *j, prop_text_fn file_text, void *userdata)
{
	const kith_diag *d;
	const char *text;
	size_t i, len = 0;

	for (i = 0; i < kith_journal_diag_count(j); i++) {
		d = kith_journal_diag(j, i);
		text = file_text ? file_text(d->file, &len, userdata) : NULL;
		prop_diag(d, NULL, text, len);
	}
}

/* ---- HTML ---- */

static const char *const allowed_elements[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
	"blockquote", "pre", "code", "em", "strong", "del", "a", "span", "br",
	"hr", "table", "thead", "tbody", "tr", "th", "td", "input", "div",
	"details", "summary",
};

static const char *const void_elements[] = { "br", "hr", "input" };

static const char *const allowed_attributes[] = {
	"class", "href", "rel", "title", "type", "checked", "disabled", "start",
	"aria-label", "role", "open",
};

/* The escapes kith writes; any other '&' is a bug. */
static const char *const escapes[] = {
	"&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
};

static int
in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return 1;
	return 0;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static size_t
escape_at(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < NELEM(escapes); i++) {
		k = strlen(escapes[i]);
		if (k <= n && memcmp(s, escapes[i], k) == 0)
			return k;
	}
	return 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* An href as a browser reads it: entities decoded, leading and trailing
 * C0 controls and spaces stripped, tabs and line ends removed anywhere;
 * then the scheme, if any, must be http, https, mailto or tel. */
static int
href_safe(const char *v, size_t n)
{
	static const char *const schemes[] = { "http", "https", "mailto", "tel" };
	char url[4096];
	size_t i, k, u = 0, start, end;
	char c;

	for (i = 0; i < n && u + 1 < sizeof(url);) {
		if (v[i] == '&') {
			k = escape_at(v + i, n - i);
			c = k == 5 && v[i + 1] == 'a' ? '&' : k == 4 &&
			    v[i + 1] == 'l' ? '<' : k == 4 ? '>' : k == 6 ?
			    '"' : '\'';
			url[u++] = c;
			i += k ? k : 1;
			continue;
		}
		url[u++] = v[i++];
	}
	for (start = 0; start < u && (unsigned char)url[start] <= 0x20; start++)
		;
	for (end = u; end > start && (unsigned char)url[end - 1] <= 0x20; end--)
		;
	for (i = start, k = 0; i < end; i++)
		if (url[i] != '\t' && url[i] != '\n' && url[i] != '\r')
			url[k++] = url[i];
	u = k;
	if (u == 0 || !((url[0] >= 'a' && url[0] <= 'z') ||
	    (url[0] >= 'A' && url[0] <= 'Z')))
		return 1;
	for (i = 1; i < u; i++) {
		c = url[i];
		if (c == ':')
			break;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
			return 1;	/* no scheme: a relative URL */
	}
	if (i == u)
		return 1;
	for (k = 0; k < NELEM(schemes); k++) {
		if (strlen(schemes[k]) != i)
			continue;
		for (n = 0; n < i && lower((unsigned char)url[n]) == schemes[k][n];
		    n++)
			;
		if (n == i)
			return 1;
	}
	return 0;
}

typedef struct open_tag {
	char name[16];
} open_tag;

/* Open elements: as deep as a body can nest them under its cap. */
#define MAX_DEPTH (1u << 18)

/* Parses the tag at html[*at] ('<'); returns what it is. */
static void
html_tag(const char *html, size_t len, size_t *at, open_tag *stack,
    size_t *depth, int *anchors)
{
	size_t i = *at + 1, name, nlen, a, alen, v;
	int closing = 0;

	if (i < len && html[i] == '/') {
		closing = 1;
		i++;
	}
	name = i;
	while (i < len && ((html[i] >= 'a' && html[i] <= 'z') ||
	    (html[i] >= '0' && html[i] <= '9')))
		i++;
	nlen = i - name;
	if (nlen == 0 || nlen >= sizeof(stack->name))
		prop_fail("a '<' that does not start a tag (text not escaped)",
		    html + *at, len - *at);
	if (!in_list(allowed_elements, NELEM(allowed_elements), html + name,
	    nlen))
		prop_fail("an element outside kith's allow-list", html + *at,
		    len - *at);
	if (closing) {
		if (i >= len || html[i] != '>')
			prop_fail("a malformed closing tag", html + *at, len - *at);
		if (*depth == 0 || strlen(stack[*depth - 1].name) != nlen ||
		    memcmp(stack[*depth - 1].name, html + name, nlen) != 0)
			prop_fail("a closing tag that does not match the open "
			    "element", html + *at, len - *at);
		if (nlen == 1 && html[name] == 'a')
			(*anchors)--;
		(*depth)--;
		*at = i + 1;
		return;
	}
	while (i < len && html[i] != '>') {
		if (!is_space(html[i]))
			prop_fail("a malformed tag", html + *at, len - *at);
		while (i < len && is_space(html[i]))
			i++;
		a = i;
		while (i < len && ((html[i] >= 'a' && html[i] <= 'z') ||
		    html[i] == '-'))
			i++;
		alen = i - a;
		if (alen >= 2 && lower(html[a]) == 'o' && lower(html[a + 1]) == 'n')
			prop_fail("an on*= attribute", html + *at, len - *at);
		if (alen == 0 ||
		    !in_list(allowed_attributes, NELEM(allowed_attributes),
		    html + a, alen))
			prop_fail("an attribute outside kith's allow-list",
			    html + *at, len - *at);
		if (i < len && html[i] == '=') {
			if (i + 1 >= len || html[i + 1] != '"')
				prop_fail("an attribute value without quotes",
				    html + *at, len - *at);
			v = i + 2;
			for (i = v; i < len && html[i] != '"'; i++) {
				if (html[i] == '<' || html[i] == '>')
					prop_fail("'<' or '>' in an attribute",
					    html + *at, len - *at);
				if (html[i] == '&' && escape_at(html + i, len - i) == 0)
					prop_fail("a stray '&' in an attribute",
					    html + *at, len - *at);
			}
			if (i >= len)
				prop_fail("an attribute value never closed",
				    html + *at, len - *at);
			if (alen == 4 && memcmp(html + a, "href", 4) == 0 &&
			    !href_safe(html + v, i - v))
				prop_fail("an href with a scheme other than http, "
				    "https, mailto or tel", html + *at, len - *at);
			i++;
		}
	}
	if (i >= len)
		prop_fail("a tag never closed", html + *at, len - *at);
	if (!in_list(void_elements, NELEM(void_elements), html + name, nlen)) {
		if (*depth >= MAX_DEPTH)
			prop_fail("elements nested too deep", html + *at,
			    len - *at);
		memcpy(stack[*depth].name, html + name, nlen);
		stack[*depth].name[nlen] = '\0';
		(*depth)++;
		if (nlen == 1 && html[name] == 'a' && (*anchors)++ > 0)
			prop_fail("an <a> inside an <a>", html + *at, len - *at);
	}
	*at = i + 1;
}

void
prop_html(const char *html, size_t len)
{
	static open_tag *stack;
	size_t at = 0, depth = 0;
	int anchors = 0;

	if (stack == NULL && (stack = calloc(MAX_DEPTH, sizeof(*stack))) == NULL)
		abort();
	if (!prop_utf8(html, len))
		prop_fail("HTML that is not valid UTF-8", html, len);
	while (at < len) {
		switch (html[at]) {
		case '<':
			html_tag(html, len, &at, stack, &depth, &anchors);
			break;
		case '>':
			prop_fail("a raw '>' in text", html + at, len - at);
			break;
		case '&':
			if (escape_at(html + at, len - at) == 0)
				prop_fail("a stray '&' in text", html + at, len - at);
			at++;
			break;
		default:
			at++;
		}
	}
	if (depth != 0)
		prop_fail("an element left open", stack[depth - 1].name,
		    strlen(stack[depth - 1].name));
}

/* ---- whole pages ---- */

static const char *const banned_elements[] = {
	"iframe", "object", "embed", "base", "form", "link", "img", "audio",
	"video", "source", "frame", "frameset", "applet", "portal",
};

static int
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

/* Finds "</name" (any case) from p; returns its offset or len. */
static size_t
find_close(const char *html, size_t len, size_t p, const char *name)
{
	size_t k = strlen(name), i, c;

	for (i = p; i + 2 + k <= len; i++) {
		if (html[i] != '<' || html[i + 1] != '/')
			continue;
		for (c = 0; c < k && lower((unsigned char)html[i + 2 + c]) ==
		    name[c]; c++)
			;
		if (c == k)
			return i;
	}
	return len;
}

/* kith's style sheet: the one <link> a page may have, in its head. */
static int
own_style_sheet(const char *html, size_t len, size_t t, size_t *sheets)
{
	static const char *const forms[] = {
		"<link rel=\"stylesheet\" href=\"site.css\">",
		"<link rel=\"stylesheet\" href=\"../site.css\">",
	};
	size_t k, n, head_end = 0;

	while (head_end + 7 <= len && memcmp(html + head_end, "</head>", 7) != 0)
		head_end++;
	if (head_end + 7 > len || t > head_end || (*sheets)++ > 0)
		return 0;
	for (k = 0; k < NELEM(forms); k++) {
		n = strlen(forms[k]);
		if (len - t >= n && memcmp(html + t, forms[k], n) == 0)
			return 1;
	}
	return 0;
}

void
prop_page(const char *html, size_t len, const char *script)
{
	static const char head[] = "<!DOCTYPE html>";
	static const char tail[] = "</html>\n";
	char name[32];
	size_t i = 0, t, n, a, alen, v, vend, scripts = 0, sheets = 0, end;
	char q;

	if (!prop_utf8(html, len))
		prop_fail("a page is not valid UTF-8", html, len);
	if (len < sizeof(head) + sizeof(tail) ||
	    memcmp(html, head, sizeof(head) - 1) != 0 ||
	    memcmp(html + len - (sizeof(tail) - 1), tail, sizeof(tail) - 1) != 0)
		prop_fail("a page is not whole", html, len);
	while (i < len) {
		if (html[i] != '<' || i + 1 >= len) {
			i++;
			continue;
		}
		t = i;
		i++;
		if (html[i] == '!' || html[i] == '/' || html[i] == '?') {
			while (i < len && html[i] != '>')
				i++;
			continue;
		}
		for (n = 0; i < len && name_char(html[i]) && n + 1 < sizeof(name);
		    i++)
			name[n++] = (char)lower((unsigned char)html[i]);
		name[n] = '\0';
		if (n == 0)
			prop_fail("a raw '<' in a page", html + t, len - t);
		if (in_list(banned_elements, NELEM(banned_elements), name, n) &&
		    !(strcmp(name, "link") == 0 &&
		    own_style_sheet(html, len, t, &sheets)))
			prop_fail("an element that loads or runs something",
			    html + t, len - t);
		/* attributes */
		while (i < len && html[i] != '>') {
			if (is_space(html[i]) || html[i] == '/') {
				i++;
				continue;
			}
			a = i;
			while (i < len && !is_space(html[i]) && html[i] != '=' &&
			    html[i] != '>')
				i++;
			alen = i - a;
			if (alen >= 2 && lower((unsigned char)html[a]) == 'o' &&
			    lower((unsigned char)html[a + 1]) == 'n')
				prop_fail("an on*= attribute in a page", html + t,
				    len - t);
			if (i >= len || html[i] != '=')
				continue;
			i++;
			q = i < len ? html[i] : 0;
			if (q == '"' || q == '\'') {
				v = ++i;
				while (i < len && html[i] != q)
					i++;
				vend = i++;
			} else {
				v = i;
				while (i < len && !is_space(html[i]) && html[i] != '>')
					i++;
				vend = i;
			}
			if (((alen == 4 && memcmp(html + a, "href", 4) == 0) ||
			    (alen == 10 && memcmp(html + a, "xlink:href", 10) == 0) ||
			    (alen == 3 && memcmp(html + a, "src", 3) == 0)) &&
			    !href_safe(html + v, vend - v))
				prop_fail("a link in a page with a scheme other "
				    "than http, https, mailto or tel", html + t,
				    len - t);
		}
		if (i < len)
			i++;
		if (strcmp(name, "script") == 0) {
			end = find_close(html, len, i, "script");
			if (script == NULL || end - i != strlen(script) ||
			    memcmp(html + i, script, end - i) != 0)
				prop_fail("a script that is not kith's", html + t,
				    len - t);
			if (++scripts > 1)
				prop_fail("a page with more than one script",
				    html + t, len - t);
			i = end;
		} else if (strcmp(name, "style") == 0) {
			i = find_close(html, len, i, "style");
		}
	}
}

/* ---- JSON ---- */

typedef struct jp {
	const char *s;
	size_t n;
	size_t i;
	int depth;
} jp;

static void json_value(jp *p);

static void
json_ws(jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	    p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static void
json_bad(jp *p, const char *what)
{
	prop_fail(what, p->s + p->i, p->n - p->i);
}

static void
json_string(jp *p)
{
	unsigned char c;
	int k;

	p->i++;
	while (p->i < p->n && (c = (unsigned char)p->s[p->i]) != '"') {
		if (c < 0x20)
			json_bad(p, "a control character in a JSON string");
		if (c == '\\') {
			p->i++;
			if (p->i >= p->n)
				json_bad(p, "a JSON string cut in an escape");
			c = (unsigned char)p->s[p->i];
			if (c == 'u') {
				for (k = 1; k <= 4; k++)
					if (p->i + k >= p->n ||
					    !strchr("0123456789abcdefABCDEF",
					    p->s[p->i + k]) || p->s[p->i + k] == 0)
						json_bad(p, "a bad \\u escape in JSON");
				p->i += 4;
			} else if (!strchr("\"\\/bfnrt", c) || c == 0) {
				json_bad(p, "a bad escape in a JSON string");
			}
		}
		p->i++;
	}
	if (p->i >= p->n)
		json_bad(p, "a JSON string never closed");
	p->i++;
}

static void
json_number(jp *p)
{
	size_t start = p->i;

	if (p->s[p->i] == '-')
		p->i++;
	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
		p->i++;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	if (p->i == start || (p->i == start + 1 && p->s[start] == '-'))
		json_bad(p, "a bad JSON number");
}

static void
json_word(jp *p, const char *w)
{
	size_t k = strlen(w);

	if (p->n - p->i < k || memcmp(p->s + p->i, w, k) != 0)
		json_bad(p, "a bad JSON value");
	p->i += k;
}

static void
json_items(jp *p, char close, int object)
{
	p->i++;
	if (++p->depth > 64)
		json_bad(p, "JSON nested deeper than 64");
	json_ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return;
	}
	for (;;) {
		json_ws(p);
		if (object) {
			if (p->i >= p->n || p->s[p->i] != '"')
				json_bad(p, "a JSON key that is not a string");
			json_string(p);
			json_ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				json_bad(p, "a JSON key without ':'");
			p->i++;
		}
		json_value(p);
		json_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == close) {
			p->i++;
			p->depth--;
			return;
		}
		json_bad(p, "a JSON list or object not closed properly");
	}
}

static void
json_value(jp *p)
{
	json_ws(p);
	if (p->i >= p->n)
		json_bad(p, "JSON ends where a value should be");
	switch (p->s[p->i]) {
	case '{':
		json_items(p, '}', 1);
		break;
	case '[':
		json_items(p, ']', 0);
		break;
	case '"':
		json_string(p);
		break;
	case 't':
		json_word(p, "true");
		break;
	case 'f':
		json_word(p, "false");
		break;
	case 'n':
		json_word(p, "null");
		break;
	default:
		json_number(p);
	}
}

void
prop_json(const char *s, size_t len)
{
	jp p = { s, len, 0, 0 };

	if (!prop_utf8(s, len))
		prop_fail("JSON that is not valid UTF-8", s, len);
	json_value(&p);
	json_ws(&p);
	if (p.i != p.n)
		json_bad(&p, "text after the JSON value");
}

/* ---- temporary journals ---- */

#define MAX_TMP 4

static char tmp_roots[MAX_TMP][256];
static int ntmp;

static void
rm_at(int parent, const char *name)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int fd;

	if (fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlinkat(parent, name, 0);
		return;
	}
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd >= 0 && (d = fdopendir(fd)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0)
				rm_at(dirfd(d), e->d_name);
		closedir(d);
	} else if (fd >= 0) {
		close(fd);
	}
	unlinkat(parent, name, AT_REMOVEDIR);
}

void
tmp_empty(const char *root)
{
	struct dirent *e;
	DIR *d;

	if ((d = opendir(root)) == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			rm_at(dirfd(d), e->d_name);
	closedir(d);
}

static void
tmp_cleanup(void)
{
	int i;

	for (i = 0; i < ntmp; i++)
		rm_at(AT_FDCWD, tmp_roots[i]);
}

const char *
tmp_folder(const char *what)
{
	const char *base = getenv("KITH_FUZZ_TMP");
	struct stat st;
	char *root;

	if (ntmp == MAX_TMP)
		abort();
	if (base != NULL && base[0] != '\0')
		;	/* tests/fuzz/run's folder, removed even after a crash */
	else if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
	    access("/dev/shm", W_OK) == 0)
		base = "/dev/shm";
	else if ((base = getenv("TMPDIR")) == NULL || base[0] == '\0')
		base = "/tmp";
	root = tmp_roots[ntmp];
	snprintf(root, sizeof(tmp_roots[0]), "%s/kith-fuzz-%s-XXXXXX", base,
	    what);
	if (mkdtemp(root) == NULL)
		abort();
	if (ntmp++ == 0)
		atexit(tmp_cleanup);
	return root;
}

int
tmp_write(const char *root, const char *rel, const char *data, size_t len)
{
	char path[4096];
	struct timespec when[2];
	size_t i, n;
	ssize_t w;
	int fd;

	n = (size_t)snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (n >= sizeof(path))
		return -1;
	for (i = strlen(root) + 1; i < n; i++) {
		if (path[i] != '/')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			return -1;
		path[i] = '/';
	}
	/* O_NONBLOCK: a FIFO made by an earlier entry must not block */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK,
	    0644);
	if (fd < 0)
		return -1;
	while (len > 0) {
		if ((w = write(fd, data, len)) <= 0) {
			close(fd);
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	/* written an hour ago: kith waits for a note written in the last
	 * moments to settle (KITH_SETTLE_MS), which would slow every run */
	if (clock_gettime(CLOCK_REALTIME, &when[0]) == 0) {
		when[0].tv_sec -= 3600;
		when[1] = when[0];
		futimens(fd, when);
	}
	return close(fd);
}

/* ---- snapshots of a folder (what kith must not change) ---- */

static void snapshot(kith_buf *b, int fd, const char *rel, const char *skip);

/* Appends "mode path [-> target] [size sha256]" for one entry, and what
 * is below it when it is a folder (not a link to one). */
static void
snapshot_entry(kith_buf *b, int fd, const char *name, const char *path,
    const char *skip)
{
	char chunk[4096];
	unsigned char sum[32];
	kith_buf text = KITH_BUF_INIT;
	struct stat st;
	ssize_t k;
	int sub;

	if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return;
	buf_printf(b, "%o %s", (unsigned)st.st_mode, path);
	if (S_ISLNK(st.st_mode) &&
	    (k = readlinkat(fd, name, chunk, sizeof(chunk))) >= 0)
		buf_printf(b, " -> %.*s", (int)k, chunk);
	if (S_ISREG(st.st_mode) &&
	    (sub = openat(fd, name, O_RDONLY | O_NOFOLLOW)) >= 0) {
		while ((k = read(sub, chunk, sizeof(chunk))) > 0)
			buf_put(&text, chunk, (size_t)k);
		close(sub);
		sha256(text.data ? text.data : "", text.len, sum);
		buf_printf(b, " %zu %02x%02x%02x%02x%02x%02x%02x%02x",
		    text.len, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5],
		    sum[6], sum[7]);
		buf_free(&text);
	}
	buf_putc(b, '\n');
	if (S_ISDIR(st.st_mode) && (sub = openat(fd, name,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW)) >= 0) {
		snapshot(b, sub, path, skip);
		close(sub);
	}
}

/* Every entry below the folder fd (rel its path), sorted, links not
 * followed, the path skip ("./out") left out. */
static void
snapshot(kith_buf *b, int fd, const char *rel, const char *skip)
{
	struct dirent **names;
	char path[4096];
	int i, n;

	if ((n = scandirat(fd, ".", &names, NULL, alphasort)) < 0)
		return;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", rel, names[i]->d_name);
		if (strcmp(names[i]->d_name, ".") != 0 &&
		    strcmp(names[i]->d_name, "..") != 0 &&
		    strcmp(path, skip) != 0)
			snapshot_entry(b, fd, names[i]->d_name, path, skip);
		free(names[i]);
	}
	free(names);
}

void
take_snapshot(kith_buf *b, const char *root, const char *skip)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		prop_fail("no folder to take a snapshot of", root, strlen(root));
	buf_reset(b);
	snapshot(b, fd, ".", skip);
	close(fd);
	if (b->oom)
		prop_fail("out of memory in a snapshot", root, strlen(root));
}

int
same_text(const kith_buf *a, const kith_buf *b)
{
	return a->len == b->len &&
	    (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* ---- scenes of files around kith's folders ---- */

void
must(int ok, const char *what)
{
	if (!ok)
		prop_fail("the scene cannot be made", what, strlen(what));
}

void
link_at(const char *root, const char *target, const char *rel)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	must(symlink(target, path) == 0, rel);
}
