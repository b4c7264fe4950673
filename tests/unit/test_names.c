/*
 * test_names.c: how names compare (names.c; journal.md "Resolving names and
 * links"): NFKC_Casefold, ordering, edit distance and cleaning references.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "testutil.h"

static arena *
mem(void **state)
{
	tu_ctx *c = *state;

	if (c->j == NULL)
		tu_bare(c, "2026-11-22");
	return &c->j->mem;
}

static void
fold_ascii_and_space(void **state)
{
	arena *a = mem(state);

	assert_string_equal(name_fold(a, "Jane Doe"), "jane doe");
	assert_string_equal(name_fold(a, "  Jane \t  DOE  "), "jane doe");
	assert_string_equal(name_fold(a, "\tjane\t"), "jane");
	assert_string_equal(name_fold(a, "people/Jane Doe"), "people/jane doe");
	assert_string_equal(name_fold(a, ""), "");
	assert_string_equal(name_fold(a, "   "), "");
	assert_string_equal(name_fold(a, "O'Brien-Smith 2"), "o'brien-smith 2");
}

/* Every ASCII character but the white space: only A-Z change. */
static void
fold_ascii_unchanged(void **state)
{
	arena *a = mem(state);
	char all[128], want[128];
	int c, n = 0;

	for (c = 1; c < 128; c++) {
		if (c == ' ' || c == '\t')
			continue;
		all[n] = (char)c;
		want[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	all[n] = want[n] = '\0';
	assert_string_equal(name_fold(a, all), want);
}

static void
fold_letters_beyond_ascii(void **state)
{
	arena *a = mem(state);

	/* Latin-1 */
	assert_string_equal(name_fold(a, "\xc3\x89LODIE"), "\xc3\xa9lodie");
	assert_string_equal(name_fold(a, "J\xc3\x96RG"), "j\xc3\xb6rg");
	/* U+00D7 multiplication sign stays */
	assert_string_equal(name_fold(a, "\xc3\x97"), "\xc3\x97");
	/* Latin Extended-A: U+0141 L stroke, U+017D Z caron, U+015E S
	 * cedilla */
	assert_string_equal(name_fold(a, "\xc5\x81ukasz"), "\xc5\x82ukasz");
	assert_string_equal(name_fold(a, "\xc5\xbd" "ana"), "\xc5\xbe" "ana");
	assert_string_equal(name_fold(a, "\xc5\x9e" "ule"), "\xc5\x9f" "ule");
	/* Greek: SOFIA */
	assert_string_equal(name_fold(a, "\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91"),
	    "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1");
	/* Cyrillic: IVAN, and U+0401 IO -> U+0451 */
	assert_string_equal(name_fold(a, "\xd0\x98\xd0\x92\xd0\x90\xd0\x9d"),
	    "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd");
	assert_string_equal(name_fold(a, "\xd0\x81"), "\xd1\x91");
	/* Armenian and Cherokee have cases too */
	assert_string_equal(name_fold(a, "\xd4\xb1"), "\xd5\xa1");
	/* other characters are kept as they are */
	assert_string_equal(name_fold(a, "Ann \xf0\x9f\x98\x80"),
	    "ann \xf0\x9f\x98\x80");
	assert_string_equal(name_fold(a, "\xe6\x9d\x8e\xe9\x9b\xb7"),
	    "\xe6\x9d\x8e\xe9\x9b\xb7");
}

/* Two names are one key: each the other's fold. */
static void
same_key(arena *a, const char *x, const char *y)
{
	const char *fx = name_fold(a, x), *fy = name_fold(a, y);

	assert_non_null(fx);
	assert_non_null(fy);
	assert_string_equal(fx, fy);
	/* folding a key again changes nothing */
	assert_string_equal(name_fold(a, fx), fx);
}

static void
other_key(arena *a, const char *x, const char *y)
{
	assert_string_not_equal(name_fold(a, x), name_fold(a, y));
}

/* NFD, as macOS file names and some editors write, is NFC. */
static void
fold_nfd_is_nfc(void **state)
{
	arena *a = mem(state);

	/* José Núñez: U+00E9, U+00FA, U+00F1 against e, u, n + U+0301,
	 * U+0301, U+0303 */
	same_key(a, "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez",
	    "Jose\xcc\x81 Nu\xcc\x81n\xcc\x83" "ez");
	assert_string_equal(name_fold(a, "JOSE\xcc\x81"), "jos\xc3\xa9");
	assert_string_equal(name_fold(a, "E\xcc\x81mile"), "\xc3\xa9mile");
	/* after a space, and a mark with nothing to join */
	assert_string_equal(name_fold(a, "Ann E\xcc\x81"), "ann \xc3\xa9");
	assert_string_equal(name_fold(a, "\xcc\x81" "a"), "\xcc\x81" "a");
	/* two marks in either order: U+0323 dot below, U+0302 circumflex */
	same_key(a, "a\xcc\xa3\xcc\x82", "a\xcc\x82\xcc\xa3");
	same_key(a, "\xe1\xba\xad", "A\xcc\xa3\xcc\x82");
	/* Hangul: U+D55C against its jamo U+1112 U+1161 U+11AB */
	same_key(a, "\xed\x95\x9c", "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab");
	/* Zoë against Zoe + U+0308 */
	same_key(a, "Zo\xc3\xab", "ZOE\xcc\x88");
}

/* Unicode's full case folding. */
static void
fold_full_case(void **state)
{
	arena *a = mem(state);

	same_key(a, "STRASSE", "Stra\xc3\x9f" "e");
	/* U+1E9E capital sharp s */
	same_key(a, "STRA\xe1\xba\x9e" "E", "strasse");
	assert_string_equal(name_fold(a, "Stra\xc3\x9f" "e"), "strasse");
	/* Greek with accents: SOFIA with U+038A and sofia with U+03AF */
	same_key(a, "\xce\xa3\xce\x9f\xce\xa6\xce\x8a\xce\x91",
	    "\xcf\x83\xce\xbf\xcf\x86\xce\xaf\xce\xb1");
	/* final sigma U+03C2: ODYSSEUS */
	same_key(a, "\xce\x9f\xce\x94\xce\xa5\xce\xa3\xce\xa3\xce\x95\xce\xa5"
	    "\xce\xa3", "\xce\xbf\xce\xb4\xcf\x85\xcf\x83\xcf\x83\xce\xb5\xcf\x85"
	    "\xcf\x82");
	/* Turkish, as Unicode's default folding has it: U+0130 is i and
	 * U+0307 dot above; I is i; U+0131 dotless i stays */
	assert_string_equal(name_fold(a, "\xc4\xb0" "pek"), "i\xcc\x87pek");
	same_key(a, "\xc4\xb0PEK", "i\xcc\x87pek");
	assert_string_equal(name_fold(a, "I\xc5\x9eIK"), "i\xc5\x9fik");
	assert_string_equal(name_fold(a, "\xc4\xb1\xc5\x9f\xc4\xb1k"),
	    "\xc4\xb1\xc5\x9f\xc4\xb1k");
	/* U+212A Kelvin sign is K */
	same_key(a, "\xe2\x84\xaa" "arl", "Karl");
}

/* Compatibility forms: ligatures, width, spaces, invisible characters. */
static void
fold_compatibility(void **state)
{
	arena *a = mem(state);

	/* U+FB01 fi ligature */
	same_key(a, "\xef\xac\x81ona", "Fiona");
	/* full-width JANE (U+FF2A ...) */
	same_key(a, "\xef\xbc\xaa\xef\xbc\xa1\xef\xbc\xae\xef\xbc\xa5 Doe",
	    "jane doe");
	/* half-width katakana KA (U+FF76) is U+30AB */
	same_key(a, "\xef\xbd\xb6", "\xe3\x82\xab");
	/* no-break space, ideographic space, em space: one space */
	assert_string_equal(name_fold(a, "Jane\xc2\xa0\xc2\xa0" "Doe"),
	    "jane doe");
	assert_string_equal(name_fold(a, "\xe3\x80\x80Jane\xe2\x80\x83"
	    "Doe\xc2\xa0"), "jane doe");
	/* soft hyphen and zero-width space are dropped */
	same_key(a, "Ma\xc2\xadrie", "Marie");
	same_key(a, "Ma\xe2\x80\x8brie", "Marie");
	assert_string_equal(name_fold(a, "\xc2\xad Jane \xc2\xad Doe"),
	    "jane doe");
	/* a mark looks through them to its letter */
	assert_string_equal(name_fold(a, "e\xc2\xad\xcc\x81"), "\xc3\xa9");
	/* mathematical bold ANN (U+1D400 ...) */
	same_key(a, "\xf0\x9d\x90\x80\xf0\x9d\x90\xa7\xf0\x9d\x90\xa7", "ann");
}

/* What a person keeps apart stays apart: accents, letters, spelling. */
static void
fold_keeps_apart(void **state)
{
	arena *a = mem(state);

	other_key(a, "Jos\xc3\xa9", "Jose");
	other_key(a, "Jose\xcc\x81", "Jose");
	other_key(a, "\xc5\x81ukasz", "Lukasz");
	other_key(a, "M\xc3\xbcller", "Muller");
	other_key(a, "\xc3\x98rsted", "Orsted");
	other_key(a, "\xc4\xb1\xc5\x9f\xc4\xb1k", "isik");
	other_key(a, "\xc4\xb0pek", "Ipek");
	other_key(a, "Ana", "Anna");
	other_key(a, "Jane Doe", "JaneDoe");
	/* Cyrillic A (U+0410) is not Latin A */
	other_key(a, "\xd0\x90nna", "Anna");
}

/* Bytes that are not UTF-8 are kept as they are, and never crash. */
static void
fold_invalid_utf8(void **state)
{
	arena *a = mem(state);
	char long_name[2 * 300 + 1];
	char long_want[2 * 300 + 1];
	int i;

	assert_string_equal(name_fold(a, "ANN\xff\xfe Doe"), "ann\xff\xfe doe");
	assert_string_equal(name_fold(a, "\xe9tienne"), "\xe9tienne");
	assert_string_equal(name_fold(a, "Jos\xc3"), "jos\xc3");
	assert_string_equal(name_fold(a, "\xc0\xaf" "A"), "\xc0\xaf" "a");
	assert_string_equal(name_fold(a, "\xed\xa0\x80" "B"), "\xed\xa0\x80" "b");
	assert_string_equal(name_fold(a, "\xf4\x90\x80\x80"), "\xf4\x90\x80\x80");
	/* valid runs around a bad byte are still folded */
	assert_string_equal(name_fold(a, "\xc3\x89\xff\xc3\x89"),
	    "\xc3\xa9\xff\xc3\xa9");
	assert_string_equal(name_fold(a, "E\xff\xcc\x81"), "e\xff\xcc\x81");
	/* a name longer than the stack's code points */
	for (i = 0; i < 300; i++) {
		memcpy(long_name + 2 * i, "\xc3\x89", 2);
		memcpy(long_want + 2 * i, "\xc3\xa9", 2);
	}
	long_name[600] = long_want[600] = '\0';
	assert_string_equal(name_fold(a, long_name), long_want);
	assert_false(a->oom);
}

/* utf8proc's own NFKC_Casefold of s, its white space collapsed as
 * name_fold() does: the reference, reached another way. */
static void
reference_fold(kith_buf *b, const char *s)
{
	utf8proc_uint8_t *f = utf8proc_NFKC_Casefold((const utf8proc_uint8_t *)s);
	const char *p;
	int space = 0;

	assert_non_null(f);
	buf_reset(b);
	for (p = (const char *)f; *p; p++) {
		if (*p == ' ' || *p == '\t') {
			space = b->len > 0;
			continue;
		}
		if (space)
			buf_putc(b, ' ');
		space = 0;
		buf_putc(b, *p);
	}
	buf_putc(b, '\0');
	free(f);
}

static size_t
put_utf8(char *s, utf8proc_int32_t c)
{
	return (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)s);
}

/* name_fold() agrees with utf8proc_NFKC_Casefold() on every two-byte
 * character after every letter before it that could join it (ASCII and
 * two-byte), and before every mark: what its fast way takes for granted. */
static void
fold_agrees_with_utf8proc(void **state)
{
	kith_buf got = KITH_BUF_INIT, want = KITH_BUF_INIT;
	utf8proc_int32_t c, d;
	char s[32];
	size_t n, k;
	int bad = 0;

	(void)state;
	for (c = 0x20; c < 0x800 && bad < 5; c++) {
		if (c >= 0x7f && c < 0xa0)
			continue;	/* control characters */
		for (d = 0x20; d < 0x800 && bad < 5; d++) {
			if (d >= 0x7f && d < 0xa0)
				continue;
			n = put_utf8(s, 'X');
			n += put_utf8(s + n, c);
			n += put_utf8(s + n, d);
			s[n] = '\0';
			buf_reset(&got);
			name_fold_buf(&got, s);
			reference_fold(&want, s);
			if (strcmp(got.data, want.data) != 0) {
				print_error("U+%04X U+%04X: %s, not %s\n",
				    (unsigned)c, (unsigned)d, got.data, want.data);
				bad++;
			}
		}
	}
	/* and a third character: every mark of U+0300 to U+036F */
	for (c = 0x41; c < 0x800 && bad < 5; c++) {
		if (c >= 0x7f && c < 0xa0)
			continue;
		for (k = 0x300; k < 0x370 && bad < 5; k++) {
			n = put_utf8(s, c);
			n += put_utf8(s + n, 0xe9);
			n += put_utf8(s + n, (utf8proc_int32_t)k);
			s[n] = '\0';
			buf_reset(&got);
			name_fold_buf(&got, s);
			reference_fold(&want, s);
			if (strcmp(got.data, want.data) != 0) {
				print_error("U+%04X e U+%04X: %s, not %s\n",
				    (unsigned)c, (unsigned)k, got.data, want.data);
				bad++;
			}
		}
	}
	assert_int_equal(bad, 0);
	buf_free(&got);
	buf_free(&want);
}

/* Columns on a terminal: what kith people pads its columns by. */
static void
columns(void **state)
{
	(void)state;
	assert_int_equal(utf8_columns("Jane Doe"), 8);
	assert_int_equal(utf8_columns(""), 0);
	/* an NFD accent takes no column, NFC or not */
	assert_int_equal(utf8_columns("Jose\xcc\x81"), 4);
	assert_int_equal(utf8_columns("Jos\xc3\xa9"), 4);
	/* CJK and full-width letters take two */
	assert_int_equal(utf8_columns("\xe6\x9d\x8e\xe9\x9b\xb7"), 4);
	assert_int_equal(utf8_columns("\xef\xbc\xa1"), 2);
	/* a byte that is not UTF-8: one */
	assert_int_equal(utf8_columns("a\xff"), 2);
}

static void
compare(void **state)
{
	(void)state;
	assert_true(name_cmp("alice", "Bob") < 0);	/* strcmp says > */
	assert_true(name_cmp("Bob", "alice") > 0);
	assert_true(name_cmp("Ann", "Anna") < 0);
	assert_true(name_cmp("anna", "Ann") > 0);
	assert_int_equal(name_cmp("Jane Doe", "Jane Doe"), 0);
	/* equal when folded: still a full order, bytewise */
	assert_true(name_cmp("jane", "JANE") > 0);
	assert_true(name_cmp("JANE", "jane") < 0);
	assert_true(name_cmp("\xc3\x89mile", "\xc3\xa9milie") < 0);
	/* a letter with its accent sorts with the letter, then after it */
	assert_true(name_cmp("\xc3\x89mile", "Emil") > 0);
	assert_true(name_cmp("\xc3\x89mile", "emma") < 0);
	assert_true(name_cmp("\xc3\x89mile", "Emile") > 0);
	assert_true(name_cmp("\xc3\x89mile", "Fay") < 0);
	assert_true(name_cmp("Zo\xc3\xab", "Zoe") > 0);
	assert_true(name_cmp("Zo\xc3\xab", "Zoey") < 0);
	/* NFD and NFC, and sharp s and ss, fold alike: bytewise then */
	assert_true(name_cmp("Jose\xcc\x81", "Jos\xc3\xa9") < 0);
	assert_true(name_cmp("Jos\xc3\xa9", "Jose\xcc\x81") > 0);
	assert_true(name_cmp("Stra\xc3\x9f" "e", "Strasser") < 0);
	assert_true(name_cmp("Stra\xc3\x9f" "e", "Strassa") > 0);
	/* bytes that are not UTF-8 */
	assert_true(name_cmp("a\xff", "a\xfe") > 0);
	assert_true(name_cmp("a\xff", "a") > 0);
	assert_true(name_cmp("", "a") < 0);
	assert_true(name_cmp("a", "") > 0);
	assert_int_equal(name_cmp("", ""), 0);
}

static void
distance(void **state)
{
	(void)state;
	assert_int_equal(name_distance("kitten", "sitting", 3), 3);
	assert_int_equal(name_distance("kitten", "sitting", 2), 3);
	assert_int_equal(name_distance("bob smth", "bob smith", 3), 1);
	assert_int_equal(name_distance("bob smith", "bob smth", 3), 1);
	assert_int_equal(name_distance("jane doe", "jane doe", 3), 0);
	assert_int_equal(name_distance("jane doe", "jnae doe", 3), 2);
	assert_int_equal(name_distance("", "abc", 3), 3);
	assert_int_equal(name_distance("", "abcd", 3), 4);
	assert_int_equal(name_distance("abcd", "", 3), 4);
	assert_int_equal(name_distance("abcdefgh", "stuvwxyz", 3), 4);
	assert_int_equal(name_distance("a", "b", 0), 1);
	assert_int_equal(name_distance("same", "same", 0), 0);
	/* in characters: an accented letter is one */
	assert_int_equal(name_distance("jose nunez", "jos\xc3\xa9 n\xc3\xba\xc3\xb1" "ez",
	    3), 3);
	assert_int_equal(name_distance("\xc3\xa9mile", "\xc3\xa8mile", 3), 1);
	assert_int_equal(name_distance("\xe6\x9d\x8e\xe9\x9b\xb7", "\xe6\x9d\x8e", 3), 1);
	/* a byte that is not UTF-8 is one character */
	assert_int_equal(name_distance("a\xff" "b", "ab", 3), 1);
	assert_int_equal(name_distance("a\xff" "b", "a\xfe" "b", 3), 1);
}

static void
characters(void **state)
{
	uint64_t set, other;

	(void)state;
	assert_int_equal(name_chars("", &set), 0);
	assert_true(set == 0);
	assert_int_equal(name_chars("abc", &set), 3);
	assert_int_equal(name_chars("jos\xc3\xa9", &other), 4);
	/* one edit: at most two bits */
	assert_true(__builtin_popcountll(set ^ other) <= 8);
	assert_int_equal(name_chars("jose", &set), 4);
	assert_true(__builtin_popcountll(set ^ other) <= 2);
	assert_int_equal(name_chars("\xff\xc3", &set), 2);
}

static void
clean_references(void **state)
{
	arena *a = mem(state);

	assert_string_equal(ref_clean(a, "Jane Doe"), "Jane Doe");
	assert_string_equal(ref_clean(a, "[[Jane Doe]]"), "Jane Doe");
	assert_string_equal(ref_clean(a, "[[Jane Doe|Jane]]"), "Jane Doe");
	assert_string_equal(ref_clean(a, "[[Jane Doe#Notes]]"), "Jane Doe");
	assert_string_equal(ref_clean(a, "[[Jane Doe#Notes|J]]"), "Jane Doe");
	assert_string_equal(ref_clean(a, "[[people/Jane Doe]]"),
	    "people/Jane Doe");
	assert_string_equal(ref_clean(a, "  Jane Doe \t"), "Jane Doe");
	assert_string_equal(ref_clean(a, " [[ Jane Doe ]] "), "Jane Doe");
	assert_string_equal(ref_clean(a, "Jane Doe|label"), "Jane Doe");
	assert_string_equal(ref_clean(a, "Jane [["), "Jane [[");
	assert_null(ref_clean(a, ""));
	assert_null(ref_clean(a, "   "));
	assert_null(ref_clean(a, "[[]]"));
	assert_null(ref_clean(a, "[[ ]]"));
	assert_null(ref_clean(a, "[[|label]]"));
	assert_null(ref_clean(a, "[[#heading]]"));
	assert_false(a->oom);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(fold_ascii_and_space),
		TU_TEST(fold_ascii_unchanged),
		TU_TEST(fold_letters_beyond_ascii),
		TU_TEST(fold_nfd_is_nfc),
		TU_TEST(fold_full_case),
		TU_TEST(fold_compatibility),
		TU_TEST(fold_keeps_apart),
		TU_TEST(fold_invalid_utf8),
		cmocka_unit_test(fold_agrees_with_utf8proc),
		cmocka_unit_test(columns),
		cmocka_unit_test(compare),
		cmocka_unit_test(distance),
		cmocka_unit_test(characters),
		TU_TEST(clean_references),
	};

	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
