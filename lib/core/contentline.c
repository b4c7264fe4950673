/*
 * contentline.c: escaping and folding of vCard and iCalendar lines
 * (contentline.h).
 */
#include "core/contentline.h"

void
content_escape(kith_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == ',' || *s == ';') {
			buf_putc(b, '\\');
			buf_putc(b, *s);
		} else if (*s == '\n') {
			buf_puts(b, "\\n");
		} else if (*s != '\r') {
			buf_putc(b, *s);
		}
	}
}

void
content_fold(kith_buf *b, const char *line, size_t len)
{
	size_t room = CONTENT_LINE_OCTETS, n;

	while (len > room) {
		n = room;
		/* back to the start of a UTF-8 character */
		while (n > 0 && ((unsigned char)line[n] & 0xc0) == 0x80)
			n--;
		buf_put(b, line, n);
		buf_puts(b, "\r\n ");
		line += n;
		len -= n;
		room = CONTENT_LINE_OCTETS - 1;	/* after the space */
	}
	buf_put(b, line, len);
	buf_puts(b, "\r\n");
}

void
content_line(kith_buf *out, kith_buf *line, const char *name,
    const char *value, int text)
{
	buf_reset(line);
	buf_puts(line, name);
	buf_putc(line, ':');
	if (text)
		content_escape(line, value);
	else
		buf_puts(line, value);
	if (line->oom)
		out->oom = 1;
	else
		content_fold(out, line->data, line->len);
}
