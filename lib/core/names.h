/*
 * names.h: how names compare (NFKC_Casefold keys), the hashes of
 * strings and bytes, references as written, and which bytes are UTF-8.
 */
#ifndef KITH_NAMES_H
#define KITH_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"

/* names.c: keys compared by their NFKC_Casefold, white space collapsed;
 * name_cmp() orders by it too, then bytewise */
char *name_fold(arena *a, const char *s);
void name_fold_buf(kith_buf *b, const char *s);
uint64_t hash_string(const char *s);
/* A 64-bit hash of bytes (whether a file changed). */
uint64_t bytes_hash(const void *data, size_t n);
int name_cmp(const char *a, const char *b);
int name_distance(const char *a, const char *b, int limit);
/* The characters of s (code points; a byte that is not UTF-8 is one), and
 * in *set each as bit (character % 64): what name_distance() counts. */
size_t name_chars(const char *s, uint64_t *set);
/* A key compared in any spelling: letters and digits, ASCII folded
 * ("Date & Time" is "datetime"); into out, its length (0: empty or too
 * long). */
#define KEY_NORM_MAX 48
size_t key_norm(const char *key, char out[KEY_NORM_MAX]);
/* Strips [[ ]], |label and #heading from a reference; NULL if empty. */
const char *ref_clean(arena *a, const char *s);
const char *ref_clean_n(arena *a, const char *s, size_t n);

/* utf8.c: the length of the valid UTF-8 sequence at p (at most n bytes),
 * or 0; the length of the longest valid UTF-8 prefix of s. */
size_t utf8_valid(const unsigned char *p, size_t n);
size_t utf8_valid_prefix(const char *s, size_t n);
/* utf8.c: columns on a terminal (0 for a combining mark, 2 for a wide
 * character): of the character at p, whose length is returned; of s. */
size_t utf8_char_columns(const unsigned char *p, size_t n, int *cols);
size_t utf8_columns(const char *s);

#endif
