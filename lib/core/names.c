/*
 * names.c: how names compare.  Names match case-insensitively: ASCII and
 * the Latin, Greek and Cyrillic letters of the Basic Multilingual Plane are
 * folded to lower case; other characters compare as they are.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"

/* Decodes one UTF-8 sequence (kith has checked the text is valid). */
static uint32_t
utf8_next(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint32_t c = *p;

	if (c < 0x80) {
		*pp = p + 1;
		return c;
	}
	if ((c & 0xe0) == 0xc0 && p[1]) {
		*pp = p + 2;
		return ((c & 0x1f) << 6) | (p[1] & 0x3f);
	}
	if ((c & 0xf0) == 0xe0 && p[1] && p[2]) {
		*pp = p + 3;
		return ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
	}
	if ((c & 0xf8) == 0xf0 && p[1] && p[2] && p[3]) {
		*pp = p + 4;
		return ((c & 0x07) << 18) | ((p[1] & 0x3f) << 12) |
		    ((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
	}
	*pp = p + 1;
	return c;
}

static uint32_t
fold_char(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xc0)
		return c;
	if ((c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 32;
	if (c >= 0x100 && c <= 0x17f && c != 0x130 && c != 0x138 && c != 0x149) {
		/* Latin Extended-A pairs, even/odd, except two odd runs. */
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
			return (c & 1) ? c + 1 : c;
		return (c & 1) ? c : c + 1;
	}
	if (c >= 0x391 && c <= 0x3ab && c != 0x3a2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42f)
		return c + 32;
	if (c >= 0x400 && c <= 0x40f)
		return c + 80;
	return c;
}

static void
utf8_put(kith_buf *b, uint32_t c)
{
	char s[4];

	if (c < 0x80) {
		buf_putc(b, (char)c);
	} else if (c < 0x800) {
		s[0] = (char)(0xc0 | (c >> 6));
		s[1] = (char)(0x80 | (c & 0x3f));
		buf_put(b, s, 2);
	} else if (c < 0x10000) {
		s[0] = (char)(0xe0 | (c >> 12));
		s[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		buf_put(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | (c >> 18));
		s[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[3] = (char)(0x80 | (c & 0x3f));
		buf_put(b, s, 4);
	}
}

/* Appends the folded form of a name to b: runs of white space made one
 * space and the ends trimmed, so "Jane  Doe" and "jane doe" are one key. */
void
name_fold_buf(kith_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out;
	uint32_t c;
	int space = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	/* ASCII, most names, is written straight into the buffer: it never
	 * grows when folded */
	if (buf_reserve(b, strlen((const char *)p)) < 0)
		return;
	for (out = b->data + b->len; *p && *p < 0x80; p++) {
		if (*p == ' ' || *p == '\t') {
			space = 1;
			continue;
		}
		if (space)
			*out++ = ' ';
		space = 0;
		*out++ = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	}
	b->len = (size_t)(out - b->data);
	while (*p) {
		if (*p < 0x80 && *p != ' ' && *p != '\t') {
			if (space)
				buf_putc(b, ' ');
			space = 0;
			buf_putc(b, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
			p++;
			continue;
		}
		c = utf8_next(&p);
		if (c == ' ' || c == '\t') {
			space = 1;
			continue;
		}
		if (space)
			buf_putc(b, ' ');
		space = 0;
		utf8_put(b, fold_char(c));
	}
	buf_putc(b, '\0');
	b->len--;
}

/* The folded form of a name, in the arena. */
char *
name_fold(arena *a, const char *s)
{
	kith_buf b = KITH_BUF_INIT;
	char *out;

	name_fold_buf(&b, s);
	out = b.oom ? NULL : arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

/* FNV-1a: the one string hash of kith's hash tables (and page names). */
uint64_t
hash_string(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/*
 * A 64-bit hash of bytes, 8 at a time.  Each step is a bijection of the
 * running value for a given word, and of the word for a given running
 * value, so a change confined to one word always changes the result;
 * other changes collide with odds of about 2^-64.  Not cryptographic: it
 * tells whether a note changed, which no one is trying to hide.
 */
uint64_t
bytes_hash(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0x9e3779b97f4a7c15ull ^ n, w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, p, n);
	h = (h ^ w) * 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

/* Orders names case-insensitively, then bytewise: a full order. */
int
name_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	uint32_t x, y;

	while (*p && *q) {
		x = fold_char(utf8_next(&p));
		y = fold_char(utf8_next(&q));
		if (x != y)
			return x < y ? -1 : 1;
	}
	if (*p || *q)
		return *p ? 1 : -1;
	return strcmp(a, b);
}

/* Levenshtein distance of two folded names, on bytes, or limit + 1 when it
 * is larger than limit (it stops early). */
int
name_distance(const char *a, const char *b, int limit)
{
	size_t la = strlen(a), lb = strlen(b), i, k;
	int local[128], *row = local, diag, up, best, d;

	if ((la > lb ? la - lb : lb - la) > (size_t)limit)
		return limit + 1;
	if (lb + 1 > sizeof(local) / sizeof(local[0]) &&
	    (row = malloc((lb + 1) * sizeof(*row))) == NULL)
		return limit + 1;
	for (k = 0; k <= lb; k++)
		row[k] = (int)k;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = (int)i;
		best = row[0];
		for (k = 1; k <= lb; k++) {
			up = row[k];
			d = diag + (a[i - 1] != b[k - 1]);
			if (up + 1 < d)
				d = up + 1;
			if (row[k - 1] + 1 < d)
				d = row[k - 1] + 1;
			row[k] = d;
			diag = up;
			if (d < best)
				best = d;
		}
		if (best > limit) {
			if (row != local)
				free(row);
			return limit + 1;
		}
	}
	d = row[lb];
	if (row != local)
		free(row);
	return d > limit ? limit + 1 : d;
}

const char *
ref_clean(arena *a, const char *s)
{
	return ref_clean_n(a, s, strlen(s));
}

/* ref_clean() of the n bytes at s (not NUL-terminated). */
const char *
ref_clean_n(arena *a, const char *s, size_t n)
{
	const char *end;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= 4 && strncmp(s, "[[", 2) == 0 &&
	    strncmp(s + n - 2, "]]", 2) == 0) {
		s += 2;
		n -= 4;
	}
	end = s;
	while (end < s + n && *end != '|' && *end != '#')
		end++;
	n = (size_t)(end - s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	if (n == 0)
		return NULL;
	return arena_strndup(a, s, n);
}

/* Writes the compared form of key into out; returns its length, or 0 when
 * it is empty or longer than KEY_NORM_MAX - 1. */
size_t
key_norm(const char *key, char out[KEY_NORM_MAX])
{
	const unsigned char *p = (const unsigned char *)key;
	size_t n = 0;

	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p >= 0x80)
			out[n++] = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			out[n++] = (char)(*p + 32);
		else
			continue;
		if (n == KEY_NORM_MAX)
			return 0;
	}
	out[n] = '\0';
	return n;
}
