/*
 * entity.c: what the renderer (html.c) decodes and checks in a body: the
 * HTML entities kith knows, and link destinations, whose scheme must be
 * one a page may link to (html_url_is_safe()).
 */
#include <md4c.h>
#include <string.h>

#include "site/entity.h"
#include "site/html.h"

/* ---- entities ---- */

/* The named entities kith decodes: the ones that could spell a scheme or
 * hide one (colon, Tab, NewLine, sol, period), and a few common in text.
 * Any other name stays as written and makes a link destination unsafe. */
static const struct named {
	const char *name;
	long code;
} named_entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "colon", ':' }, { "Tab", '\t' },
	{ "NewLine", '\n' }, { "sol", '/' }, { "period", '.' },
	{ "num", '#' }, { "quest", '?' }, { "equals", '=' },
	{ "commat", '@' }, { "bsol", '\\' }, { "semi", ';' },
	{ "nbsp", 0xa0 }, { "copy", 0xa9 }, { "reg", 0xae },
	{ "middot", 0xb7 }, { "ndash", 0x2013 }, { "mdash", 0x2014 },
	{ "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201c },
	{ "rdquo", 0x201d }, { "hellip", 0x2026 }, { "euro", 0x20ac },
};

/* Decimal (&#38;) or hexadecimal (&#x26;): md4c has checked the digits. */
static long
numeric_code(const char *s, size_t n)
{
	long code = 0;
	size_t i = 2;
	int hex = s[2] == 'x' || s[2] == 'X';
	char c;

	for (i += hex; i + 1 < n; i++) {
		c = s[i];
		if (c >= '0' && c <= '9')
			code = code * (hex ? 16 : 10) + (c - '0');
		else if (hex && c >= 'a' && c <= 'f')
			code = code * 16 + (c - 'a' + 10);
		else if (hex && c >= 'A' && c <= 'F')
			code = code * 16 + (c - 'A' + 10);
		else
			return -1;
		if (code > 0x10ffff)
			return -1;
	}
	if (code == 0 || (code >= 0xd800 && code <= 0xdfff))
		return -1;
	return code;
}

/* The code point of an entity as md4c gives it ("&amp;", "&#38;"), or -1
 * when it is not a character or not one kith knows. */
static long
entity_code(const char *s, size_t n)
{
	size_t i;

	if (n < 3 || s[0] != '&' || s[n - 1] != ';')
		return -1;
	if (s[1] == '#')
		return n >= 4 ? numeric_code(s, n) : -1;
	for (i = 0; i < sizeof(named_entities) / sizeof(named_entities[0]); i++)
		if (strlen(named_entities[i].name) == n - 2 &&
		    memcmp(named_entities[i].name, s + 1, n - 2) == 0)
			return named_entities[i].code;
	return -1;
}

static size_t
utf8_encode(long code, char *out)
{
	if (code < 0x80) {
		out[0] = (char)code;
		return 1;
	}
	if (code < 0x800) {
		out[0] = (char)(0xc0 | (code >> 6));
		out[1] = (char)(0x80 | (code & 0x3f));
		return 2;
	}
	if (code < 0x10000) {
		out[0] = (char)(0xe0 | (code >> 12));
		out[1] = (char)(0x80 | ((code >> 6) & 0x3f));
		out[2] = (char)(0x80 | (code & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (code >> 18));
	out[1] = (char)(0x80 | ((code >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((code >> 6) & 0x3f));
	out[3] = (char)(0x80 | (code & 0x3f));
	return 4;
}

static int
is_control(long code)
{
	return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/*
 * Appends an attribute (a link destination, a title, a code block's
 * language) with its entities decoded; control characters are decoded too,
 * so that html_url_is_safe() sees them.  Returns 0, or -1 when an entity is
 * unknown or not a character (its text is kept as written).
 */
int
html_attr_decode(kith_buf *b, const MD_ATTRIBUTE *a)
{
	const char *s;
	size_t i, n;
	char utf8[4];
	long code;
	int rc = 0;

	for (i = 0; a->size > 0 && a->substr_offsets[i] < a->size; i++) {
		s = a->text + a->substr_offsets[i];
		n = a->substr_offsets[i + 1] - a->substr_offsets[i];
		if (a->substr_types[i] == MD_TEXT_NULLCHAR) {
			buf_puts(b, "\xef\xbf\xbd");
		} else if (a->substr_types[i] != MD_TEXT_ENTITY) {
			buf_put(b, s, n);
		} else if ((code = entity_code(s, n)) >= 0) {
			buf_put(b, utf8, utf8_encode(code, utf8));
		} else {
			buf_put(b, s, n);
			rc = -1;
		}
	}
	return rc;
}

/* ---- safe link destinations ---- */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
is_scheme_char(int c, int first)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	return !first && ((c >= '0' && c <= '9') || c == '+' || c == '.' ||
	    c == '-');
}

static int
scheme_allowed(const char *s, size_t n)
{
	static const char *const allowed[] = { "http", "https", "mailto", "tel" };
	size_t i, k;

	for (i = 0; i < n; i++)
		if (!is_scheme_char((unsigned char)s[i], i == 0))
			return 0;
	for (k = 0; k < sizeof(allowed) / sizeof(allowed[0]); k++) {
		if (strlen(allowed[k]) != n)
			continue;
		for (i = 0; i < n && lower((unsigned char)s[i]) == allowed[k][i]; i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* The length of the URL's scheme (the part before a ':' that comes before
 * any '/', '?' or '#'), or -1 when it has none: a relative URL. */
static long
scheme_len(const char *url, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (url[i] == ':')
			return (long)i;
		if (url[i] == '/' || url[i] == '?' || url[i] == '#')
			return -1;
	}
	return -1;
}

int
html_url_is_safe(const char *url, size_t n)
{
	size_t i;
	long scheme;

	for (i = 0; i < n; i++)
		if ((unsigned char)url[i] < 0x20 || url[i] == 0x7f)
			return 0;
	if (n > 0 && url[0] == ' ')
		return 0;
	if ((scheme = scheme_len(url, n)) < 0)
		return 1;
	return scheme_allowed(url, (size_t)scheme);
}

int
html_url_is_external(const char *url, size_t n)
{
	return scheme_len(url, n) >= 0 || (n >= 2 && url[0] == '/' &&
	    url[1] == '/');
}

size_t
html_entity_text(const char *s, size_t n, char out[4])
{
	long code = entity_code(s, n);

	if (code < 0 || is_control(code))
		return 0;
	return utf8_encode(code, out);
}
