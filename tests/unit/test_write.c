/*
 * test_write.c: the parts of lib/write that are easy to get wrong: file
 * names from people's names, YAML values that read back as written,
 * LinkedIn's header and dates, and vCard's folding and escapes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/contentline.h"
#include "write/write.h"

/* file_stem(name), or NULL when it refuses */
static char *
stem(const char *name)
{
	static char out[256];
	kith_buf b = KITH_BUF_INIT;
	int rc = file_stem(&b, name);

	snprintf(out, sizeof(out), "%s", rc == 0 ? b.data : "(refused)");
	buf_free(&b);
	return out;
}

static void
file_names(void **state)
{
	char longname[400];

	(void)state;
	assert_string_equal(stem("Jane Doe"), "Jane Doe");
	assert_string_equal(stem("Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez"),
	    "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez");
	assert_string_equal(stem("../../etc/passwd"), "-..-etc-passwd");
	assert_string_equal(stem(".hidden"), "hidden");
	assert_string_equal(stem("_site"), "site");
	assert_string_equal(stem("Acme, Inc."), "Acme, Inc");
	assert_string_equal(stem("a\\b:c*?<>|d"), "a-b-c-----d");
	assert_string_equal(stem("Mary \"Mae\" O'Brien"), "Mary 'Mae' O'Brien");
	assert_string_equal(stem("Jane\n\tDoe\x1b[31m"), "JaneDoe[31m");
	assert_string_equal(stem("Jane    Doe  "), "Jane Doe");
	assert_string_equal(stem("bad \xff byte"), "bad byte");
	assert_string_equal(stem("..."), "(refused)");
	assert_string_equal(stem(" . "), "(refused)");
	assert_string_equal(stem(""), "(refused)");
	/* cut at WRITE_NAME_MAX bytes, never inside a character */
	memset(longname, 0, sizeof(longname));
	for (size_t i = 0; i < 150; i++)
		memcpy(longname + 2 * i, "\xc3\xa9", 2);
	assert_int_equal(strlen(stem(longname)), WRITE_NAME_MAX);
	assert_int_equal(utf8_valid_prefix(stem(longname), WRITE_NAME_MAX),
	    WRITE_NAME_MAX);
}

static char *
scalar(const char *s)
{
	static char out[256];
	kith_buf b = KITH_BUF_INIT;

	yaml_scalar(&b, s);
	snprintf(out, sizeof(out), "%s", b.data);
	buf_free(&b);
	return out;
}

static void
yaml_values(void **state)
{
	(void)state;
	assert_string_equal(scalar("Jane Doe"), "Jane Doe");
	assert_string_equal(scalar("Director, Data"), "Director, Data");
	assert_string_equal(scalar("O'Brien"), "O'Brien");
	assert_string_equal(scalar("[[Acme]]"), "\"[[Acme]]\"");
	assert_string_equal(scalar("- x"), "\"- x\"");
	assert_string_equal(scalar("a: b"), "\"a: b\"");
	assert_string_equal(scalar("a #b"), "\"a #b\"");
	assert_string_equal(scalar("Mary \"Mae\""), "Mary \"Mae\"");
	assert_string_equal(scalar("\"quoted\""), "\"\\\"quoted\\\"\"");
	assert_string_equal(scalar("line\nbreak"), "\"line\\nbreak\"");
	assert_string_equal(scalar("back\\slash\x01"), "\"back\\\\slash\\x01\"");
	assert_string_equal(scalar(""), "\"\"");
	assert_string_equal(scalar("end:"), "\"end:\"");
}

static void
template_placeholders(void **state)
{
	static const char *const with[] = { "Jane Doe", "Bob: the builder" };
	kith_buf b = KITH_BUF_INIT;
	fill f = { NULL, "2026-11-22", "coffee", NULL, with, 2 };

	(void)state;
	template_fill(&b, "---\nwith: {{with}}\ncompany: {{company}}\n"
	    "name: {{name}}\nx: {{unknown}}\n---\n# {{kind}} with {{with}}"
	    " {{date}}\n", &f);
	assert_string_equal(b.data, "---\nwith: [\"[[Jane Doe]]\", "
	    "\"[[Bob: the builder]]\"]\ncompany:\nname:\nx: {{unknown}}\n---\n"
	    "# coffee with Jane Doe and Bob: the builder 2026-11-22\n");
	buf_free(&b);
}

static void
linkedin_headers(void **state)
{
	const char *current[] = { "First Name", "Last Name", "URL",
		"Email Address", "Company", "Position", "Connected On" };
	const char *older[] = { "First Name", "Last Name", "Email Address",
		"Company", "Position", "Connected On" };
	const char *preamble[] = { "Notes:" };
	int col[COL_COUNT];

	(void)state;
	assert_int_equal(linkedin_header(current, 7, col), 0);
	assert_int_equal(col[COL_URL], 2);
	assert_int_equal(col[COL_CONNECTED], 6);
	assert_int_equal(linkedin_header(older, 6, col), 0);
	assert_int_equal(col[COL_URL], -1);
	assert_int_equal(col[COL_EMAIL], 2);
	assert_int_equal(linkedin_header(preamble, 1, col), -1);
}

static void
linkedin_dates(void **state)
{
	(void)state;
	assert_int_equal(linkedin_date("30 May 2024"), date_from_ymd(2024, 5, 30));
	assert_int_equal(linkedin_date("08 Jan 2018"), date_from_ymd(2018, 1, 8));
	assert_int_equal(linkedin_date("08-Jan-18"), date_from_ymd(2018, 1, 8));
	assert_int_equal(linkedin_date("1/8/18, 6:14 PM"),
	    date_from_ymd(2018, 1, 8));
	assert_int_equal(linkedin_date("12/25/2017"), date_from_ymd(2017, 12, 25));
	assert_int_equal(linkedin_date("2024-05-30"), date_from_ymd(2024, 5, 30));
	assert_int_equal(linkedin_date("31 Feb 2024"), KITH_NO_DATE);
	assert_int_equal(linkedin_date("13/1/18"), KITH_NO_DATE);
	assert_int_equal(linkedin_date("30 Mayo"), KITH_NO_DATE);
	assert_int_equal(linkedin_date("not a date"), KITH_NO_DATE);
}

static void
vcard_unfolding(void **state)
{
	char text[] = "BEGIN:VCARD\r\nNOTE:one\r\n  two\r\n\tthree\r\n"
	    "FN:Jane\nEND:VCARD";
	char **starts;
	int *lines;
	long n;

	(void)state;
	n = vcard_unfold(text, strlen(text), &starts, &lines);
	assert_int_equal(n, 4);
	assert_string_equal(starts[0], "BEGIN:VCARD");
	assert_string_equal(starts[1], "NOTE:one twothree");
	assert_int_equal(lines[1], 2);
	assert_string_equal(starts[2], "FN:Jane");
	assert_int_equal(lines[2], 5);
	assert_string_equal(starts[3], "END:VCARD");
	assert_int_equal(lines[3], 6);
	free(starts);
	free(lines);
}

static void
vcard_escapes(void **state)
{
	char n[] = "Doe\\;Smith;Jane\\, Jr.;;;";
	char text[] = "a\\nb\\Nc\\\\d\\,e";
	char *next;
	kith_buf b = KITH_BUF_INIT;

	(void)state;
	next = vcard_unescape(n, ';');
	assert_string_equal(n, "Doe;Smith");
	assert_non_null(next);
	vcard_unescape(next, ';');
	assert_string_equal(next, "Jane, Jr.");
	vcard_unescape(text, 0);
	assert_string_equal(text, "a\nb\nc\\d,e");
	content_escape(&b, "a;b,c\\d\ne");
	assert_string_equal(b.data, "a\\;b\\,c\\\\d\\ne");
	buf_free(&b);
}

static void
vcard_folding(void **state)
{
	kith_buf b = KITH_BUF_INIT;
	char line[300];
	size_t i, start, len;

	(void)state;
	/* 'é' is two octets: no line may end inside one */
	strcpy(line, "NOTE:");
	for (i = 0; i < 100; i++)
		strcat(line, "\xc3\xa9");
	content_fold(&b, line, strlen(line));
	for (start = 0; start < b.len; start += len + 2) {
		len = (size_t)(strstr(b.data + start, "\r\n") - (b.data + start));
		assert_true(len <= 75);
		assert_true(start == 0 || b.data[start] == ' ');
		assert_int_equal(utf8_valid_prefix(b.data + start, len), len);
	}
	assert_int_equal(b.data[b.len - 1], '\n');
	buf_free(&b);
}

static void
vcard_birthdays(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(vcard_birthday("19850214", &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 19850214);
	assert_int_equal(vcard_birthday("1985-02-14T00:00:00Z", &y, &m, &d), 0);
	assert_int_equal(y, 1985);
	assert_int_equal(vcard_birthday("--0214", &y, &m, &d), 0);
	assert_int_equal(y, 0);
	assert_int_equal(m * 100 + d, 214);
	assert_int_equal(vcard_birthday("--02-29", &y, &m, &d), 0);
	assert_int_equal(vcard_birthday("--0230", &y, &m, &d), -1);
	assert_int_equal(vcard_birthday("1985", &y, &m, &d), -1);
	assert_int_equal(vcard_birthday("circa 1985", &y, &m, &d), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(file_names),
		cmocka_unit_test(yaml_values),
		cmocka_unit_test(template_placeholders),
		cmocka_unit_test(linkedin_headers),
		cmocka_unit_test(linkedin_dates),
		cmocka_unit_test(vcard_unfolding),
		cmocka_unit_test(vcard_escapes),
		cmocka_unit_test(vcard_folding),
		cmocka_unit_test(vcard_birthdays),
	};

	return cmocka_run_group_tests_name("write", tests, NULL, NULL);
}
