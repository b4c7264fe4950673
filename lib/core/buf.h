/*
 * buf.h: the one growable byte buffer used for every string kith builds.
 * A buffer that failed to grow remembers it (oom) and ignores further
 * appends, so callers check once at the end.
 */
#ifndef KITH_BUF_H
#define KITH_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct kith_buf {
	char *data;	/* always NUL-terminated when size > 0 */
	size_t len;
	size_t size;
	int oom;	/* out of memory, or the sink failed (errno kept) */
	FILE *sink;	/* when set: bytes beyond BUF_SINK_AT go there */
	size_t sunk;	/* bytes written to the sink so far */
} kith_buf;

#define KITH_BUF_INIT { NULL, 0, 0, 0, NULL, 0 }

/* A buffer with a sink holds at most about this much before writing. */
#define BUF_SINK_AT 65536

/* Writes what is held to the sink (if any); -1 when that failed. */
int buf_flush(kith_buf *b);

/* Makes room for extra more bytes and the NUL: 0, or -1 (and oom). */
int buf_reserve(kith_buf *b, size_t extra);
void buf_put(kith_buf *b, const char *s, size_t n);
void buf_puts(kith_buf *b, const char *s);
void buf_putc(kith_buf *b, char c);
/* A number in decimal, as printf's "%ld" (and no printf: pages and
 * reports write thousands). */
void buf_put_int(kith_buf *b, long n);
void buf_printf(kith_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(kith_buf *b, const char *fmt, va_list ap);
void buf_json_string(kith_buf *b, const char *s);
/* Text for a terminal line: control characters (from a note) written as
 * \n, \t or \xNN, so they can neither break the line nor drive the
 * terminal. */
void buf_printable(kith_buf *b, const char *s);
void buf_reset(kith_buf *b);
void buf_free(kith_buf *b);

/* Hands the bytes over: returns data (caller frees) or NULL on oom. */
char *buf_detach(kith_buf *b, size_t *len);

#endif
