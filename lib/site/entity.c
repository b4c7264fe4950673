/*
 * entity.c: what the renderer (html.c) decodes and checks in a body: HTML
 * entities (every named one of HTML5, in entities.c, and numeric ones as
 * CommonMark reads them), and link destinations, whose scheme must be
 * one a page may link to (html_url_is_safe()).
 */
#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#include "site/entity.h"
#include "site/html.h"

/* ---- entities ---- */

/* Decimal (&#38;) or hexadecimal (&#x26;), md4c having checked the digits
 * (at most 7, or 6 in hex).  As CommonMark says, U+0000, a surrogate or a
 * number past U+10FFFF stands for U+FFFD. */
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
			code = 0x110000;	/* no overflow: U+FFFD */
	}
	if (code == 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)
		return 0xfffd;
	return code;
}

static int
named_cmp(const void *key, const void *entry)
{
	return strcmp(key, ((const html_named *)entry)->name);
}

/* The code points of an entity as md4c gives it ("&amp;", "&#38;") into
 * code[2] (the second 0 when one), or -1 when it is not one. */
static int
entity_code(const char *s, size_t n, long code[2])
{
	const html_named *e;
	char name[40];

	code[1] = 0;
	if (n < 3 || s[0] != '&' || s[n - 1] != ';')
		return -1;
	if (s[1] == '#')
		return n >= 4 && (code[0] = numeric_code(s, n)) >= 0 ? 0 : -1;
	if (n - 2 >= sizeof(name))
		return -1;
	memcpy(name, s + 1, n - 2);
	name[n - 2] = '\0';
	e = bsearch(name, html_named_entities, html_named_count,
	    sizeof(*e), named_cmp);
	if (e == NULL)
		return -1;
	code[0] = e->code[0];
	code[1] = e->code[1];
	return 0;
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

/* The UTF-8 of code[0] and code[1] (when not 0) into out (8 bytes). */
static size_t
utf8_encode_all(const long code[2], char *out)
{
	size_t n = utf8_encode(code[0], out);

	return code[1] ? n + utf8_encode(code[1], out + n) : n;
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
	char utf8[8];
	long code[2];
	int rc = 0;

	for (i = 0; a->size > 0 && a->substr_offsets[i] < a->size; i++) {
		s = a->text + a->substr_offsets[i];
		n = a->substr_offsets[i + 1] - a->substr_offsets[i];
		if (a->substr_types[i] == MD_TEXT_NULLCHAR) {
			buf_puts(b, "\xef\xbf\xbd");
		} else if (a->substr_types[i] != MD_TEXT_ENTITY) {
			buf_put(b, s, n);
		} else if (entity_code(s, n, code) == 0) {
			buf_put(b, utf8, utf8_encode_all(code, utf8));
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

/* The length of the URL's scheme, or -1 when it has none: a relative URL.
 * As a browser reads it (WHATWG URL): a letter, then letters, digits, '+',
 * '-' or '.', up to a ':'; "foo):" has none ("foo)" is not a scheme). */
static long
scheme_len(const char *url, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (url[i] == ':')
			return (long)i;
		if (!is_scheme_char((unsigned char)url[i], i == 0))
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
html_entity_text(const char *s, size_t n, char out[8])
{
	long code[2];

	if (entity_code(s, n, code) < 0)
		return 0;
	return utf8_encode_all(code, out);
}
