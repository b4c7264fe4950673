/*
 * test_names.c: how names compare (names.c; journal.md "Resolving names and
 * links"): case folding, ordering, edit distance and cleaning references.
 */
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

static void
fold_letters_beyond_ascii(void **state)
{
	arena *a = mem(state);

	/* Latin-1 */
	assert_string_equal(name_fold(a, "\xc3\x89LODIE"), "\xc3\xa9lodie");
	assert_string_equal(name_fold(a, "J\xc3\x96RG"), "j\xc3\xb6rg");
	/* U+00D7 multiplication sign and U+00DF sharp s stay */
	assert_string_equal(name_fold(a, "\xc3\x97\xc3\x9f"), "\xc3\x97\xc3\x9f");
	/* Latin Extended-A: U+0141 L stroke (odd run), U+017D Z caron,
	 * U+015E S cedilla (even run) */
	assert_string_equal(name_fold(a, "\xc5\x81ukasz"), "\xc5\x82ukasz");
	assert_string_equal(name_fold(a, "\xc5\xbd" "ana"), "\xc5\xbe" "ana");
	assert_string_equal(name_fold(a, "\xc5\x9e" "ule"), "\xc5\x9f" "ule");
	/* U+0130 capital I with dot stays */
	assert_string_equal(name_fold(a, "\xc4\xb0" "pek"), "\xc4\xb0" "pek");
	/* Greek: SOFIA */
	assert_string_equal(name_fold(a, "\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91"),
	    "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1");
	/* Cyrillic: IVAN, and U+0401 IO -> U+0451 */
	assert_string_equal(name_fold(a, "\xd0\x98\xd0\x92\xd0\x90\xd0\x9d"),
	    "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd");
	assert_string_equal(name_fold(a, "\xd0\x81"), "\xd1\x91");
	/* other characters are kept as they are */
	assert_string_equal(name_fold(a, "Ann \xf0\x9f\x98\x80"),
	    "ann \xf0\x9f\x98\x80");
	assert_string_equal(name_fold(a, "\xe6\x9d\x8e\xe9\x9b\xb7"),
	    "\xe6\x9d\x8e\xe9\x9b\xb7");
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
	assert_true(name_cmp("\xc3\x89mile", "emma") > 0);
	assert_true(name_cmp("\xc3\x89mile", "\xc3\xa9milie") < 0);
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
		TU_TEST(fold_letters_beyond_ascii),
		cmocka_unit_test(compare),
		cmocka_unit_test(distance),
		TU_TEST(clean_references),
	};

	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
