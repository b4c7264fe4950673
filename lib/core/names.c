/*
 * names.c: how names compare.  Two names are one when their NFKC_Casefold
 * forms are (journal.md, "Resolving names and links"): whatever Unicode
 * form they were typed in (NFD, as macOS file names are, or NFC), in any
 * case, full-width or not.  ASCII, most names, never reaches utf8proc.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/names.h"

/* Unicode's NFKC_Casefold (UAX #31): compatibility forms ("ﬁ", full-width
 * letters) as their plain letters, full case folding ("ß" is "ss"), and
 * default ignorables (soft hyphen, zero-width space) dropped; composed, so
 * an NFD "é" is the NFC one. */
#define FOLD_NFKC_CF (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | \
	UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)
/* The same, decomposed, a character at a time: what name_cmp() orders by. */
#define FOLD_NFKD_CF (UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | \
	UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)
/* Code points folded on the stack; a longer name takes a malloc. */
#define FOLD_STACK 256

/* Appends n folded bytes to b from its offset start on: runs of white
 * space one space, none at the start (*space: one is pending). */
static void
put_spaced(kith_buf *b, size_t start, const char *s, size_t n, int *space)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			*space = 1;
			continue;
		}
		if (*space && b->len > start)
			buf_putc(b, ' ');
		*space = 0;
		buf_putc(b, s[i]);
	}
}

/* Appends the NFKC_Casefold of n bytes of valid UTF-8 to b. */
static void
fold_valid(kith_buf *b, size_t start, const char *s, size_t n, int *space)
{
	utf8proc_int32_t local[FOLD_STACK], *cp = local;
	utf8proc_ssize_t k;

	k = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    cp, FOLD_STACK, FOLD_NFKC_CF);
	if (k > FOLD_STACK) {
		if ((cp = malloc((size_t)k * sizeof(*cp))) == NULL) {
			b->oom = 1;
			return;
		}
		k = utf8proc_decompose((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, cp, k, FOLD_NFKC_CF);
	}
	if (k >= 0)
		k = utf8proc_reencode(cp, k, FOLD_NFKC_CF);
	if (k >= 0)
		put_spaced(b, start, (const char *)cp, (size_t)k, space);
	else	/* not UTF-8 after all: the bytes as they are */
		put_spaced(b, start, s, n, space);
	if (cp != local)
		free(cp);
}

/* Appends the folded form of s (n bytes) to b from its offset start on:
 * each run of valid UTF-8 folded, any other byte kept as it is. */
static void
fold_unicode(kith_buf *b, size_t start, const char *s, size_t n, int *space)
{
	size_t valid;

	while (n > 0) {
		if ((valid = utf8_valid_prefix(s, n)) > 0) {
			fold_valid(b, start, s, valid, space);
		} else {
			valid = 1;
			put_spaced(b, start, s, 1, space);
		}
		s += valid;
		n -= valid;
	}
}

/*
 * The folded form of each two-byte character (U+0080 to U+07FF: the
 * accented Latin letters, Greek, Cyrillic, Hebrew, Arabic) that folds the
 * same whatever comes before it: not a combining mark (which joins the
 * letter before it), its fold starting with a character that joins
 * nothing before it, and no white space in it (collapsed the slow way).
 * A mark after it sends the fold back to it (fold_rewind()).  len
 * FOLD2_SLOW: utf8proc folds it in its context.  Made once, from utf8proc
 * itself; tests/unit/test_names.c checks it against utf8proc's own
 * NFKC_Casefold on every pair of such characters.
 */
#define FOLD2_SLOW 0xff
typedef struct fold2 {
	unsigned char len;
	char s[7];
} fold2;

static fold2 fold2_table[0x800 - 0x80];
static pthread_once_t fold2_once = PTHREAD_ONCE_INIT;

static void
fold2_make(void)
{
	utf8proc_int32_t cp[16];
	utf8proc_uint8_t in[2];
	utf8proc_ssize_t n;
	utf8proc_int32_t c;
	fold2 *f;

	for (c = 0x80; c < 0x800; c++) {
		f = &fold2_table[c - 0x80];
		f->len = FOLD2_SLOW;
		if (utf8proc_get_property(c)->combining_class != 0)
			continue;
		in[0] = (utf8proc_uint8_t)(0xc0 | (c >> 6));
		in[1] = (utf8proc_uint8_t)(0x80 | (c & 0x3f));
		n = utf8proc_decompose(in, 2, cp, 16, FOLD_NFKC_CF);
		if (n < 0 || n > 16 || (n > 0 &&
		    utf8proc_get_property(cp[0])->combining_class != 0))
			continue;
		n = utf8proc_reencode(cp, n, FOLD_NFKC_CF);
		/* white space (a no-break space) is collapsed by the slow way */
		if (n < 0 || n > (utf8proc_ssize_t)sizeof(f->s) ||
		    memchr(cp, ' ', (size_t)n) || memchr(cp, '\t', (size_t)n))
			continue;
		memcpy(f->s, cp, (size_t)n);
		f->len = (unsigned char)n;
	}
}

/* Where utf8proc takes over at p, in a name that starts at name and is
 * folded into b from start on: from the character before p (a mark after
 * a letter joins it), with its folded bytes taken back from b. */
static const unsigned char *
fold_rewind(kith_buf *b, size_t start, const unsigned char *name,
    const unsigned char *p, int *space)
{
	const fold2 *f;

	if (p == name || p[-1] == ' ' || p[-1] == '\t')
		return p;	/* nothing joins a space */
	if (p[-1] < 0x80) {
		b->len--;
		return p - 1;
	}
	/* a continuation byte here ends a character of the table */
	f = &fold2_table[(((p[-2] & 0x1f) << 6) | (p[-1] & 0x3f)) - 0x80];
	if (f->len > 0) {
		b->len -= f->len;
		return p - 2;
	}
	/* an invisible character, which a mark looks through: all again */
	b->len = start;
	*space = 0;
	return name;
}

/* Appends the folded form of a name to b: its NFKC_Casefold, runs of
 * white space made one space and the ends trimmed, so "Jane  Doe", "jane
 * doe" and "ＪＡＮＥ ＤＯＥ" are one key.  ASCII and the two-byte
 * characters that fold alone, most names, are folded here; from the first
 * other character on, utf8proc folds the rest. */
void
name_fold_buf(kith_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *name;
	const fold2 *f;
	size_t start, n;
	char *out;
	int space = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	name = p;
	n = strlen((const char *)p);
	/* room for the name as it is, which ASCII never outgrows, and for
	 * a whole fold2 copied at its end */
	if (buf_reserve(b, n + sizeof(f->s)) < 0)
		return;
	start = b->len;
	for (out = b->data + b->len; *p; p++) {
		if (*p < 0x80) {
			if (*p == ' ' || *p == '\t') {
				space = 1;
				continue;
			}
			if (space)
				*out++ = ' ';
			space = 0;
			*out++ = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			continue;
		}
		if (*p < 0xc2 || *p > 0xdf || (p[1] & 0xc0) != 0x80)
			break;
		pthread_once(&fold2_once, fold2_make);
		if ((f = &fold2_table[(((p[0] & 0x1f) << 6) | (p[1] & 0x3f)) -
		    0x80])->len == FOLD2_SLOW)
			break;
		p++;
		if (f->len == 0) {	/* invisible: and no space before it */
			while (out == b->data + start && (p[1] == ' ' ||
			    p[1] == '\t'))
				p++;
			continue;
		}
		if (f->len > 2) {	/* it grows: "ß" is "ss" */
			b->len = (size_t)(out - b->data);
			if (buf_reserve(b, n + sizeof(f->s)) < 0)
				return;
			out = b->data + b->len;
		}
		if (space)
			*out++ = ' ';
		space = 0;
		memcpy(out, f->s, sizeof(f->s));
		out += f->len;
	}
	b->len = (size_t)(out - b->data);
	if (*p) {
		p = fold_rewind(b, start, name, p, &space);
		fold_unicode(b, start, (const char *)p, strlen((const char *)p),
		    &space);
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

/* A name read one code point of its folded form at a time, for
 * name_cmp(): no buffer to fill, no malloc. */
typedef struct fold_reader {
	const unsigned char *p;
	int options;			/* FOLD_NFKD_CF, maybe STRIPMARK */
	utf8proc_int32_t cp[32];	/* one character's folded form */
	utf8proc_ssize_t n, i;
} fold_reader;

/* The next code point of the name's folded form, or -1 at its end; a
 * byte that is not UTF-8 stands for itself. */
static utf8proc_int32_t
fold_next(fold_reader *r)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	int bound = 0;

	while (r->i == r->n) {
		if (*r->p == '\0')
			return -1;
		if (*r->p < 0x80) {
			c = *r->p++;
			return c >= 'A' && c <= 'Z' ? c + 32 : c;
		}
		if ((k = utf8proc_iterate(r->p, -1, &c)) < 0)
			return *r->p++;
		r->p += k;
		r->i = 0;
		r->n = utf8proc_decompose_char(c, r->cp, 32, r->options,
		    &bound);
		if (r->n < 0 || r->n > 32) {
			r->n = 0;
			return c;
		}
	}
	return r->cp[r->i++];
}

/* Compares the folded forms of two names, read with options. */
static int
fold_cmp(const char *a, const char *b, int options)
{
	fold_reader x, y;
	utf8proc_int32_t cx, cy;

	x.p = (const unsigned char *)a;
	y.p = (const unsigned char *)b;
	x.options = y.options = options;
	x.n = x.i = y.n = y.i = 0;
	do {
		cx = fold_next(&x);
		cy = fold_next(&y);
		if (cx != cy)
			return cx < cy ? -1 : 1;
	} while (cx >= 0);
	return 0;
}

/* Orders names by their folded forms, first without their accents (so
 * "Émile" sorts between "Emil" and "Emma", "Zoë" after "Zoe"), then
 * with, then bytewise: a full order. */
int
name_cmp(const char *a, const char *b)
{
	int c;

	if ((c = fold_cmp(a, b, FOLD_NFKD_CF | UTF8PROC_STRIPMARK)) != 0 ||
	    (c = fold_cmp(a, b, FOLD_NFKD_CF)) != 0)
		return c;
	return strcmp(a, b);
}

/* The character at *p (of *n bytes), and *p and *n past it: a code point,
 * or for a byte that is not UTF-8 a value above them all. */
static utf8proc_int32_t
next_char(const unsigned char **p, size_t *n)
{
	utf8proc_int32_t c = **p;
	size_t k = 1;

	if (c >= 0x80) {
		if ((k = utf8_valid(*p, *n)) == 0) {
			c += 0x110000;
			k = 1;
		} else {
			utf8proc_iterate(*p, (utf8proc_ssize_t)k, &c);
		}
	}
	*p += k;
	*n -= k;
	return c;
}

size_t
name_chars(const char *s, uint64_t *set)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), chars = 0;

	*set = 0;
	for (; n > 0; chars++)
		*set |= (uint64_t)1 << (next_char(&p, &n) % 64);
	return chars;
}

/* The characters of s into out (room for strlen(s)); their number. */
static size_t
chars_of(const char *s, utf8proc_int32_t *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), chars = 0;

	while (n > 0)
		out[chars++] = next_char(&p, &n);
	return chars;
}

/* Levenshtein distance of the characters a and b (la and lb of them), or
 * limit + 1 when it is larger than limit (it stops early). */
static int
distance(const utf8proc_int32_t *a, size_t la, const utf8proc_int32_t *b,
    size_t lb, int limit)
{
	int local[128], *row = local, diag, up, best, d;
	size_t i, k;

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

/* Levenshtein distance of two folded names, in characters (an accented
 * letter is one), or limit + 1 when it is larger than limit. */
int
name_distance(const char *a, const char *b, int limit)
{
	utf8proc_int32_t local_a[64], local_b[64], *x = local_a, *y = local_b;
	size_t la = strlen(a), lb = strlen(b);
	int d = limit + 1;

	if ((la > 64 && (x = malloc(la * sizeof(*x))) == NULL) ||
	    (lb > 64 && (y = malloc(lb * sizeof(*y))) == NULL))
		goto done;
	la = chars_of(a, x);
	lb = chars_of(b, y);
	d = distance(x, la, y, lb, limit);
done:
	if (x != local_a)
		free(x);
	if (y != local_b)
		free(y);
	return d;
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
