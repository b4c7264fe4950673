/*
 * utf8.c: which bytes are valid UTF-8 (the reader checks every note, the
 * walk every file name, the fuzzers what they make), and how many columns
 * of a terminal a text takes (the tables of kith people).
 */
#include <string.h>
#include <utf8proc.h>

#include "core/names.h"

/* Length of the valid UTF-8 sequence at p (at most n bytes), or 0. */
size_t
utf8_valid(const unsigned char *p, size_t n)
{
	unsigned c = p[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && p[1] < 0xa0)
			return 0;	/* overlong */
		if (c == 0xed && p[1] >= 0xa0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && p[1] < 0x90)
			return 0;
		if (c == 0xf4 && p[1] >= 0x90)
			return 0;	/* above U+10FFFF */
		return 4;
	}
	return 0;
}

/* The length of the longest valid UTF-8 prefix of s. */
size_t
utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n && (k = utf8_valid(p + i, n - i)) != 0)
		i += k;
	return i;
}

/* The length of the character at p (at most n bytes; 1 for a byte that is
 * not UTF-8) and, in *cols, the columns a terminal gives it: 0 for a
 * combining mark (an NFD accent), 2 for a wide one (CJK, most emoji). */
size_t
utf8_char_columns(const unsigned char *p, size_t n, int *cols)
{
	utf8proc_int32_t c;
	size_t k;

	*cols = 1;
	if (p[0] < 0x80 || (k = utf8_valid(p, n)) == 0)
		return 1;
	if (utf8proc_iterate(p, (utf8proc_ssize_t)k, &c) > 0)
		*cols = utf8proc_charwidth(c);
	return k;
}

/* The columns a terminal gives s. */
size_t
utf8_columns(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), cols = 0, k;
	int w;

	while (n > 0) {
		k = utf8_char_columns(p, n, &w);
		cols += (size_t)w;
		p += k;
		n -= k;
	}
	return cols;
}
