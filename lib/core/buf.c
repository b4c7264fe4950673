/*
 * buf.c: the growable byte buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

int
buf_reserve(kith_buf *b, size_t extra)
{
	size_t want, size;
	char *data;

	if (b->oom)
		return -1;
	if (extra > (size_t)-1 / 2 - b->len)
		goto err;
	want = b->len + extra + 1;
	if (want <= b->size)
		return 0;
	if (b->sink != NULL && b->len > 0 && want > BUF_SINK_AT) {
		if (buf_flush(b) < 0)
			return -1;
		want = extra + 1;
		if (want <= b->size)
			return 0;
	}
	size = b->size ? b->size : 64;
	while (size < want)
		size *= 2;
	if ((data = realloc(b->data, size)) == NULL)
		goto err;
	b->data = data;
	b->size = size;
	return 0;
err:
	b->oom = 1;
	return -1;
}

int
buf_flush(kith_buf *b)
{
	if (b->oom)
		return -1;
	if (b->sink == NULL || b->len == 0)
		return 0;
	if (fwrite(b->data, 1, b->len, b->sink) != b->len) {
		b->oom = 1;
		return -1;
	}
	b->sunk += b->len;
	b->len = 0;
	b->data[0] = '\0';
	return 0;
}

void
buf_put(kith_buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n) < 0)
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(kith_buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_put_int(kith_buf *b, long n)
{
	char digits[24];
	size_t at = sizeof(digits);
	unsigned long u = n < 0 ? 0ul - (unsigned long)n : (unsigned long)n;

	do
		digits[--at] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (n < 0)
		digits[--at] = '-';
	buf_put(b, digits + at, sizeof(digits) - at);
}

void
buf_putc(kith_buf *b, char c)
{
	if (b->len + 1 < b->size) {	/* room for it and the NUL */
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	buf_put(b, &c, 1);
}

void
buf_vprintf(kith_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || buf_reserve(b, (size_t)n) < 0) {
		b->oom = 1;
		return;
	}
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(kith_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* A JSON string literal; s is valid UTF-8 (kith checks every note). */
void
buf_json_string(kith_buf *b, const char *s)
{
	const unsigned char *p, *run;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		/* the bytes written as they are, at once */
		for (run = p; *p >= 0x20 && *p != '"' && *p != '\\' &&
		    *p != 0x7f; p++)
			;
		if (p > run)
			buf_put(b, (const char *)run, (size_t)(p - run));
		switch (*p) {
		case '\0':
			buf_putc(b, '"');
			return;
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		default:
			buf_printf(b, "\\u%04x", *p);
		}
	}
	buf_putc(b, '"');
}

void
buf_printable(kith_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			buf_puts(b, "\\n");
		else if (*s == '\t')
			buf_puts(b, "\\t");
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			buf_putc(b, *s);
	}
}

void
buf_reset(kith_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_free(kith_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->size = 0;
	b->oom = 0;
}

char *
buf_detach(kith_buf *b, size_t *len)
{
	char *data;

	if (b->oom || buf_reserve(b, 0) < 0) {
		buf_free(b);
		return NULL;
	}
	data = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->size = 0;
	return data;
}
