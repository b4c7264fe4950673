/*
 * escape.c: the escaping every page uses: text and attributes (& < > " '
 * and the control characters HTML forbids), and URLs for href.
 */
#include <string.h>

#include "site/entity.h"
#include "site/html.h"

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

/* What stands for c in HTML; a NUL (which md4c passes inside code) is
 * U+FFFD, as CommonMark wants, and so is every other control character
 * but tab and the line ends (an ESC from a file name reached a page's
 * <title>; HTML forbids them).  A table, as every byte of a page is
 * looked up. */
const char *const html_escapes[256] = {
	['\0'] = REPLACEMENT,
	[0x01] = REPLACEMENT, [0x02] = REPLACEMENT, [0x03] = REPLACEMENT,
	[0x04] = REPLACEMENT, [0x05] = REPLACEMENT, [0x06] = REPLACEMENT,
	[0x07] = REPLACEMENT, [0x08] = REPLACEMENT, [0x0b] = REPLACEMENT,
	[0x0c] = REPLACEMENT, [0x0e] = REPLACEMENT, [0x0f] = REPLACEMENT,
	[0x10] = REPLACEMENT, [0x11] = REPLACEMENT, [0x12] = REPLACEMENT,
	[0x13] = REPLACEMENT, [0x14] = REPLACEMENT, [0x15] = REPLACEMENT,
	[0x16] = REPLACEMENT, [0x17] = REPLACEMENT, [0x18] = REPLACEMENT,
	[0x19] = REPLACEMENT, [0x1a] = REPLACEMENT, [0x1b] = REPLACEMENT,
	[0x1c] = REPLACEMENT, [0x1d] = REPLACEMENT, [0x1e] = REPLACEMENT,
	[0x1f] = REPLACEMENT, [0x7f] = REPLACEMENT,
	['&'] = "&amp;",
	['<'] = "&lt;",
	['>'] = "&gt;",
	['"'] = "&quot;",
	['\''] = "&#39;",
};

void
html_escape_n(kith_buf *b, const char *s, size_t n)
{
	size_t i, run = 0;
	const char *esc;

	for (i = 0; i < n; i++) {
		/* a C1 control (U+0080 to U+009F) is two bytes */
		if ((unsigned char)s[i] == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f) {
			buf_put(b, s + run, i - run);
			buf_puts(b, REPLACEMENT);
			run = ++i + 1;
			continue;
		}
		if ((esc = html_escapes[(unsigned char)s[i]]) == NULL)
			continue;
		buf_put(b, s + run, i - run);
		buf_puts(b, esc);
		run = i + 1;
	}
	buf_put(b, s + run, n - run);
}

void
html_escape(kith_buf *b, const char *s)
{
	html_escape_n(b, s, strlen(s));
}

/* A URL for href: percent-encodes what may not stand in a URL (white
 * space, quotes, non-ASCII), so the attribute is a valid URL as well as
 * safe; & is escaped for HTML. */
void
html_url_put(kith_buf *b, const char *s, size_t n)
{
	static const char keep[] = "-._~:/?#@!$&()*+,;=%";	/* not [ ]: tidy */
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '&')
			buf_puts(b, "&amp;");
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c != '\0' && strchr(keep, c)))
			buf_putc(b, (char)c);
		else
			buf_printf(b, "%%%02X", c);
	}
}
