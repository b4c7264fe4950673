/*
 * privacy.c: what never reaches the site.  Private notes and meetings
 * only with private people get no page (privacy_hidden()); the names of
 * private notes are scrubbed from every page as it is written, the last
 * guard that a private name never reaches the site (scrub_set_of_journal(),
 * scrub_page()).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <utf8proc.h>

#include "core/vec.h"
#include "model/model.h"
#include "site/privacy.h"

/* A letter or digit of a word (any byte of a multibyte character is). */
static int
isalnum_ascii(char c)
{
	unsigned char u = (unsigned char)c;

	return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') ||
	    (u >= 'A' && u <= 'Z') || u >= 0x80;
}

static unsigned char
fold_byte(char c)
{
	return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* FNV-1a of one more byte, ASCII case folded; see fold_hash(). */
static uint64_t
fold_hash_step(uint64_t h, char c)
{
	return (h ^ fold_byte(c)) * 0x100000001b3u;
}

/* The set's key of a name's bytes: never 0, the empty slot. */
static uint64_t
fold_hash_end(uint64_t h)
{
	return h ? h : 1;
}

#define FOLD_HASH_START 0xcbf29ce484222325u

/* The entry of hash and len: a name (which p matches, ASCII case folded)
 * when name is set, else a first word.  NULL when there is none. */
static const secret_slot *
secret_set_find(const scrub_set *x, uint64_t hash, const char *p, size_t len,
    int name)
{
	const secret_slot *e;
	size_t k;

	for (k = hash & (x->cap - 1); (e = &x->slot[k])->hash;
	    k = (k + 1) & (x->cap - 1))
		if (e->hash == hash && e->len == len && (e->name != NULL) ==
		    name && (!name || strncasecmp(p, e->name, len) == 0))
			return e;
	return NULL;
}

/* The length of the longest private name that starts at p, a word start
 * (whole words, ASCII case folded), or 0.  The text's bytes from p are
 * hashed as they come: the first word must be one a name starts with, and
 * the text up to each word end after it is looked up among the names.  So
 * a word costs the same whatever the number of names. */
static size_t
secret_at(const scrub_set *x, const char *p, const char *end)
{
	uint64_t h = FOLD_HASH_START;
	size_t i, best = 0, max = (size_t)(end - p);
	int first = 1;

	if (max > x->longest)
		max = x->longest;
	for (i = 0; i < max; ) {
		h = fold_hash_step(h, p[i++]);
		if (p + i < end && isalnum_ascii(p[i]))
			continue;
		if (first && secret_set_find(x, fold_hash_end(h), p, i,
		    0) == NULL)
			return 0;
		first = 0;
		if (secret_set_find(x, fold_hash_end(h), p, i, 1) != NULL)
			best = i;
	}
	return best;
}

/* A word's place in the filter of first words: its first three bytes,
 * folded, those past the word's end taken as 0.  p is a word start. */
static unsigned
word_key(const char *p, const char *end)
{
	uint32_t b1 = 0, b2 = 0, h;

	if (p + 1 < end && isalnum_ascii(p[1])) {
		b1 = fold_byte(p[1]);
		if (p + 2 < end && isalnum_ascii(p[2]))
			b2 = fold_byte(p[2]);
	}
	h = ((uint32_t)fold_byte(p[0]) << 16 | b1 << 8 | b2) * 0x9e3779b1u;
	return h >> (32 - SECRET_KEY_BITS);
}

/* Is a private name at the word start p?  Its length, or 0.  Nearly every
 * word fails the filter of the secrets' first words; only the rest are
 * looked up. */
static size_t
secret_here(const scrub_set *x, const char *p, const char *end)
{
	unsigned k = word_key(p, end);

	if (!((x->first_words[k / 64] >> (k % 64)) & 1))
		return 0;
	return secret_at(x, p, end);
}

/* The first private name in [p, end), where prev tells whether the byte
 * before p is a word byte: its offset from p and *n, or end - p. */
static size_t
secret_scan(const scrub_set *x, const char *p, const char *end, int prev,
    size_t *n)
{
	const char *q;

	for (q = p; q < end; prev = isalnum_ascii(*q), q++)
		if (!prev && isalnum_ascii(*q) &&
		    (*n = secret_here(x, q, end)) > 0)
			return (size_t)(q - p);
	*n = 0;
	return (size_t)(end - p);
}

#if defined(__SSE2__)
/* The word bytes (isalnum_ascii()) of the 16 bytes at p, a bit each. */
static unsigned
word_bits16(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(v, _mm_set1_epi8(
	    (char)('0' + 128))), _mm_set1_epi8(-128 + 10));
	__m128i letter = _mm_cmplt_epi8(_mm_sub_epi8(_mm_or_si128(v,
	    _mm_set1_epi8(0x20)), _mm_set1_epi8((char)('a' + 128))),
	    _mm_set1_epi8(-128 + 26));

	/* bytes from 0x80 have their top bit set: v itself */
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit,
	    letter), v));
}
#endif

/* Where the first private name in text starts (len when there is none);
 * *n is its length.  The page is read 16 bytes at a time where the CPU
 * can: the word starts of a block are found at once, without a branch
 * a byte. */
static size_t
secret_find(const scrub_set *x, const char *text, size_t len, size_t *n)
{
	const char *end = text + len;
	size_t i = 0;
	int prev = 0;
#if defined(__SSE2__)
	unsigned bits, starts;

	for (; i + 16 <= len; i += 16) {
		bits = word_bits16(text + i);
		starts = bits & ~(bits << 1 | (unsigned)prev);
		prev = (bits >> 15) & 1;
		for (; starts != 0; starts &= starts - 1)
			if ((*n = secret_here(x, text + i +
			    (unsigned)__builtin_ctz(starts), end)) > 0)
				return i + (unsigned)__builtin_ctz(starts);
	}
#endif
	return i + secret_scan(x, text + i, end, prev, n);
}

/* Appends text to out with every whole-word occurrence of a private name
 * replaced by "someone": the last guard that a private person's name never
 * reaches the site.  A word that passes the filter costs a lookup of its
 * bytes in the set of names, whatever their number (secret_at()). */
void
scrub_text(const scrub_set *x, const char *text, size_t len, kith_buf *out)
{
	size_t at, n;

	while (len > 0) {
		at = secret_find(x, text, len, &n);
		buf_put(out, text, at);
		if (n > 0)
			buf_puts(out, "someone");
		text += at + n;
		len -= at + n;
	}
}

/* Scrubs a page but for kith's own script, at [js_at, js_end) (no name
 * in it, and a name that is also a word of the script must not break it);
 * a page without a private name, nearly every one, is not copied. */
int
scrub_page(const scrub_set *x, kith_buf *page, size_t js_at, size_t js_end)
{
	kith_buf out = KITH_BUF_INIT;
	const char *p = page->data;
	size_t n, at, at2, after = page->len - js_end;

	if (x->n == 0)
		return 0;
	/* the first names found are where the copy starts scrubbing: the
	 * page before them is not read twice */
	if ((at = secret_find(x, p, js_at, &n)) == js_at) {
		if ((at2 = secret_find(x, p + js_end, after, &n)) == after)
			return 0;
		buf_put(&out, p, js_end + at2);
		scrub_text(x, p + js_end + at2, after - at2, &out);
	} else {
		buf_put(&out, p, at);
		scrub_text(x, p + at, js_at - at, &out);
		buf_put(&out, p + js_at, js_end - js_at);
		scrub_text(x, p + js_end, after, &out);
	}
	if (out.oom) {
		buf_free(&out);
		return -1;
	}
	buf_free(page);
	*page = out;
	return 0;
}

/* ---- setting up ---- */

/* Private notes, and meetings with no one but private people. */
void
privacy_hidden(const kith_journal *j, unsigned char *hidden)
{
	graph_private(j, hidden);
}

int
scrub_set_add(scrub_set *x, const char *name)
{
	if (name == NULL || strlen(name) < 3)
		return 0;
	if (vec_reserve(&x->name, &x->names_cap, x->n + 1,
	    sizeof(*x->name)) < 0)
		return -1;
	x->name[x->n++] = name;
	return 0;
}

/* Puts an entry into the set (see secret_set_find()), once; the set has
 * room (scrub_set_ready() keeps it at most half full). */
static void
secret_set_put(scrub_set *x, uint64_t hash, const char *name, size_t len)
{
	size_t k;

	if (secret_set_find(x, hash, name, len, name != NULL) != NULL)
		return;
	for (k = hash & (x->cap - 1); x->slot[k].hash;
	    k = (k + 1) & (x->cap - 1))
		;
	x->slot[k].hash = hash;
	x->slot[k].name = name;
	x->slot[k].len = len;
}

/* Adds a name, which starts with a word byte, and its first word. */
static void
secret_set_add(scrub_set *x, const char *name, size_t len)
{
	uint64_t h = FOLD_HASH_START, first = 0;
	size_t i, word = 0;

	for (i = 0; i < len; i++) {
		h = fold_hash_step(h, name[i]);
		if (word == 0 && (i + 1 == len || !isalnum_ascii(name[i + 1]))) {
			word = i + 1;
			first = h;
		}
	}
	secret_set_put(x, fold_hash_end(first), NULL, word);
	secret_set_put(x, fold_hash_end(h), name, len);
}

/* The names of private notes, to scrub from every page: those of people
 * and companies, and the name: and aliases: of any other. */
int
scrub_set_of_journal(scrub_set *x, const kith_journal *j)
{
	size_t i, k;
	note *n;

	for (i = 0; i < j->nnodes; i++) {
		n = j->notes[i];
		if (!n->private_note)
			continue;
		/* a person's or company's every name; any other note's
		 * name: and aliases: (a title is not a name) */
		if ((n->type == NOTE_PERSON || n->type == NOTE_COMPANY) &&
		    (scrub_set_add(x, n->display) < 0 ||
		    scrub_set_add(x, n->stem) < 0))
			return -1;
		if (scrub_set_add(x, n->name.s) < 0)
			return -1;
		for (k = 0; k < n->aliases.n; k++)
			if (scrub_set_add(x, n->aliases.v[k].s) < 0)
				return -1;
	}
	return 0;
}

/* A name in one case (0 lower, 1 Title, 2 UPPER) and form (NFC or NFD),
 * kept in mem; NULL when out of memory or not UTF-8. */
static const char *
spelling(arena *mem, const char *name, int which, int nfd)
{
	kith_buf b = KITH_BUF_INIT;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	utf8proc_uint8_t enc[4], *norm;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)name;
	const char *out = NULL;
	int start = 1;

	while (*p) {
		if ((n = utf8proc_iterate(p, -1, &cp)) <= 0)
			goto done;
		p += n;
		if (which == 2 || (which == 1 && start))
			cp = utf8proc_toupper(cp);
		else
			cp = utf8proc_tolower(cp);
		start = !isalnum_ascii((char)(cp < 0x80 ? cp : 0x80));
		buf_put(&b, (const char *)enc, (size_t)utf8proc_encode_char(cp,
		    enc));
	}
	buf_putc(&b, '\0');
	if (b.oom)
		goto done;
	norm = nfd ? utf8proc_NFD((const utf8proc_uint8_t *)b.data) :
	    utf8proc_NFC((const utf8proc_uint8_t *)b.data);
	if (norm != NULL)
		out = arena_strdup(mem, (const char *)norm);
	free(norm);
done:
	buf_free(&b);
	return out;
}

/* The scan folds ASCII letters only, and compares bytes: a name with
 * other letters is also added in the spellings a note may give it, lower,
 * Title and UPPER case, each composed and decomposed ("Élodie" is also
 * "élodie", "ÉLODIE" and "E" with a combining accent). */
static int
add_spellings(scrub_set *x, arena *mem)
{
	size_t i, n = x->n;
	const char *p, *v;
	int which, nfd;

	for (i = 0; i < n; i++) {
		for (p = x->name[i]; *p && (unsigned char)*p < 0x80; p++)
			;
		if (*p == '\0')
			continue;
		for (which = 0; which < 3; which++)
			for (nfd = 0; nfd < 2; nfd++)
				if ((v = spelling(mem, x->name[i], which, nfd)) !=
				    NULL && scrub_set_add(x, v) < 0)
					return -1;
	}
	return mem->oom ? -1 : 0;
}

int
scrub_set_ready(scrub_set *x, arena *mem)
{
	size_t i, len;
	unsigned key;

	if (add_spellings(x, mem) < 0)
		return -1;

	for (x->cap = 64; x->cap < 4 * x->n; x->cap *= 2)
		;
	x->slot = arena_alloc(mem, x->cap * sizeof(*x->slot));
	x->first_words = arena_alloc(mem, SECRET_KEYS / 8);
	if (x->slot == NULL || x->first_words == NULL)
		return -1;
	memset(x->slot, 0, x->cap * sizeof(*x->slot));
	memset(x->first_words, 0, SECRET_KEYS / 8);
	for (i = 0; i < x->n; i++) {
		len = strlen(x->name[i]);
		if (!isalnum_ascii(x->name[i][0]))
			continue;	/* no word start matches it */
		key = word_key(x->name[i], x->name[i] + len);
		x->first_words[key / 64] |= (uint64_t)1 << (key % 64);
		secret_set_add(x, x->name[i], len);
		if (len > x->longest)
			x->longest = len;
	}
	return 0;
}

void
scrub_set_free(scrub_set *x)
{
	free(x->name);
	memset(x, 0, sizeof(*x));
}
