/*
 * test_date.c: dates, times and durations (date.c; journal.md "Values").
 */
#include "testutil.h"

static kith_date
ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void
leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(2026));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2100));
	assert_int_equal(date_month_days(2024, 2), 29);
	assert_int_equal(date_month_days(2026, 2), 28);
	assert_int_equal(date_month_days(2026, 4), 30);
	assert_int_equal(date_month_days(2026, 12), 31);
	assert_int_equal(date_month_days(2026, 1), 31);
}

static void
day_numbers(void **state)
{
	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 3, 1), 11017);
	assert_int_equal(ymd(2024, 2, 29), 19782);
	assert_int_equal(ymd(2026, 11, 22), 20779);
	assert_int_equal(ymd(1900, 1, 1), -25567);
	assert_int_equal(ymd(1, 1, 1), -719162);
	assert_int_equal(ymd(9999, 12, 31), 2932896);
}

/* Every day from 1899 to 2101 goes to y-m-d and back, one day apart. */
static void
day_numbers_round_trip(void **state)
{
	kith_date d, first = ymd(1899, 1, 1), last = ymd(2101, 12, 31);
	int y, m, dd, py = 1898, pm = 12, pd = 31;

	(void)state;
	for (d = first; d <= last; d++) {
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(ymd(y, m, dd), d);
		if (pd == date_month_days(py, pm)) {
			assert_int_equal(dd, 1);
			assert_int_equal(m, pm == 12 ? 1 : pm + 1);
			assert_int_equal(y, pm == 12 ? py + 1 : py);
		} else {
			assert_int_equal(dd, pd + 1);
			assert_int_equal(m, pm);
			assert_int_equal(y, py);
		}
		py = y;
		pm = m;
		pd = dd;
	}
}

static void
parse_valid(void **state)
{
	kith_date d = 0;

	(void)state;
	assert_int_equal(kith_date_parse("2026-11-22", &d), 0);
	assert_int_equal(d, 20779);
	assert_int_equal(kith_date_parse("2024-02-29", &d), 0);
	assert_int_equal(d, 19782);
	assert_int_equal(kith_date_parse("1970-01-01", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(kith_date_parse("2000-02-29", &d), 0);
	assert_int_equal(d, ymd(2000, 2, 29));
	assert_int_equal(kith_date_parse("2026-12-31", &d), 0);
	assert_int_equal(d, ymd(2026, 12, 31));
}

static void
parse_invalid(void **state)
{
	static const char *const bad[] = {
		"2026-02-30", "2026-2-3", "2026-13-01", "2026-00-10",
		"2026-01-00", "2025-02-29", "1900-02-29", "2026-04-31",
		"2026-11-22 ", " 2026-11-22", "2026-11-22T10:00",
		"2026-11-2", "", "abcd-ef-gh", "0000-01-01", "2026/11/22",
		"20261122", "+026-11-22", "2026-11-222", "2026-1a-22",
	};
	kith_date d = 12345;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (kith_date_parse(bad[i], &d) != -1)
			fail_msg("\"%s\" parsed as a date", bad[i]);
		assert_int_equal(d, 12345);	/* untouched */
	}
}

static void
format_dates(void **state)
{
	char s[11];

	(void)state;
	kith_date_format(0, s);
	assert_string_equal(s, "1970-01-01");
	kith_date_format(20779, s);
	assert_string_equal(s, "2026-11-22");
	kith_date_format(ymd(2028, 2, 29), s);
	assert_string_equal(s, "2028-02-29");
	kith_date_format(ymd(1, 1, 1), s);
	assert_string_equal(s, "0001-01-01");
	kith_date_format(ymd(9999, 12, 31), s);
	assert_string_equal(s, "9999-12-31");
	kith_date_format(-1, s);
	assert_string_equal(s, "1969-12-31");
}

static void
date_with_time(void **state)
{
	kith_date d;
	int minutes = 7;

	(void)state;
	assert_int_equal(date_parse_time("2026-11-03", &d, &minutes), 0);
	assert_int_equal(d, ymd(2026, 11, 3));
	assert_int_equal(minutes, -1);
	assert_int_equal(date_parse_time("2026-11-03 14:30", &d, &minutes), 0);
	assert_int_equal(d, ymd(2026, 11, 3));
	assert_int_equal(minutes, 14 * 60 + 30);
	assert_int_equal(date_parse_time("2026-11-03T09:05", &d, &minutes), 0);
	assert_int_equal(minutes, 9 * 60 + 5);
	assert_int_equal(date_parse_time("2026-11-03t00:00", &d, &minutes), 0);
	assert_int_equal(minutes, 0);
	/* seconds and a zone are accepted and ignored */
	assert_int_equal(date_parse_time("2026-11-03T09:05:59Z", &d, &minutes),
	    0);
	assert_int_equal(minutes, 9 * 60 + 5);
	assert_int_equal(date_parse_time("2026-11-03 23:59:07+01:00", &d,
	    &minutes), 0);
	assert_int_equal(minutes, 23 * 60 + 59);
	assert_int_equal(date_parse_time("2026-11-03 10:15 -0500", &d,
	    &minutes), 0);
	assert_int_equal(minutes, 10 * 60 + 15);
	assert_int_equal(date_parse_time("2026-11-03T10:15:00.250+02", &d,
	    &minutes), 0);
	assert_int_equal(minutes, 10 * 60 + 15);
	assert_int_equal(d, ymd(2026, 11, 3));
	/* without a minutes pointer only the plain date is allowed */
	assert_int_equal(date_parse_time("2026-11-03", &d, NULL), 0);
	assert_int_equal(date_parse_time("2026-11-03 14:30", &d, NULL), -1);
}

static void
date_with_bad_time(void **state)
{
	static const char *const bad[] = {
		"2026-11-03 24:00", "2026-11-03 9:05", "2026-11-03 09:60",
		"2026-11-03 09:05:61", "2026-11-03 09:05 CET",
		"2026-11-03X09:05", "2026-11-03 ", "2026-11-03 09",
		"2026-02-30 10:00", "2026-11-03 10:00+25:00",
		"2026-11-03 10:00+01:00x", "2026-11-03 10:00+01:60",
	};
	kith_date d;
	int minutes;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (date_parse_time(bad[i], &d, &minutes) != -1)
			fail_msg("\"%s\" parsed as a date and time", bad[i]);
}

static void
durations(void **state)
{
	duration d;

	(void)state;
	assert_int_equal(duration_parse("10d", &d), 0);
	assert_int_equal(d.n, 10);
	assert_int_equal(d.unit, 'd');
	assert_int_equal(duration_parse("6w", &d), 0);
	assert_int_equal(d.n, 6);
	assert_int_equal(d.unit, 'w');
	assert_int_equal(duration_parse("3m", &d), 0);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.unit, 'm');
	assert_int_equal(duration_parse("1y", &d), 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.unit, 'y');
	assert_int_equal(duration_parse("never", &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.unit, 0);
}

static void
bad_durations(void **state)
{
	static const char *const bad[] = {
		"", "d", "0d", "10x", "10dd", "-1d", "1.5d", " 10d",
		"10 d", "10d ", "100001d", "nevermore", "10D", "ten days",
	};
	duration d = { 77, 'q' };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (duration_parse(bad[i], &d) != -1)
			fail_msg("\"%s\" parsed as a duration", bad[i]);
		assert_int_equal(d.n, 77);
		assert_int_equal(d.unit, 'q');
	}
}

/* "10" without a unit must be refused without reading past its NUL: run
 * under AddressSanitizer, the string is a heap block of exactly 3 bytes. */
static void
duration_digits_only_stays_in_string(void **state)
{
	duration d;
	char *s;

	(void)state;
	s = strdup("10");
	assert_non_null(s);
	assert_int_equal(duration_parse(s, &d), -1);
	free(s);
}

static kith_date
add(const char *day, const char *dur)
{
	duration d;

	if (duration_parse(dur, &d) < 0)
		fail_msg("bad duration in a test: %s", dur);
	return date_add(tu_date(day), d);
}

static void
adding(void **state)
{
	char s[11];

	(void)state;
	assert_int_equal(add("2026-11-22", "10d"), tu_date("2026-12-02"));
	assert_int_equal(add("2026-11-22", "6w"), tu_date("2027-01-03"));
	assert_int_equal(add("2026-11-15", "3m"), tu_date("2027-02-15"));
	assert_int_equal(add("2026-12-31", "1m"), tu_date("2027-01-31"));
	assert_int_equal(add("2026-11-30", "1m"), tu_date("2026-12-30"));
	assert_int_equal(add("2026-06-15", "12m"), tu_date("2027-06-15"));
	assert_int_equal(add("2026-06-15", "1y"), tu_date("2027-06-15"));
	assert_int_equal(add("2026-06-15", "never"), tu_date("2026-06-15"));
	/* calendar months clamp the day to the month's end */
	kith_date_format(add("2026-01-31", "1m"), s);
	assert_string_equal(s, "2026-02-28");
	assert_int_equal(add("2024-01-31", "1m"), tu_date("2024-02-29"));
	assert_int_equal(add("2026-03-31", "1m"), tu_date("2026-04-30"));
	assert_int_equal(add("2026-01-31", "13m"), tu_date("2027-02-28"));
	assert_int_equal(add("2026-08-31", "6m"), tu_date("2027-02-28"));
	assert_int_equal(add("2024-02-29", "1y"), tu_date("2025-02-28"));
	assert_int_equal(add("2024-02-29", "4y"), tu_date("2028-02-29"));
	assert_int_equal(add("2026-10-31", "1m"), tu_date("2026-11-30"));
}

static void
describing(void **state)
{
	char s[32];

	(void)state;
	duration_describe((duration){ 90, 'd' }, s, sizeof(s));
	assert_string_equal(s, "90 days");
	duration_describe((duration){ 1, 'd' }, s, sizeof(s));
	assert_string_equal(s, "day");
	duration_describe((duration){ 2, 'w' }, s, sizeof(s));
	assert_string_equal(s, "2 weeks");
	duration_describe((duration){ 1, 'm' }, s, sizeof(s));
	assert_string_equal(s, "month");
	duration_describe((duration){ 3, 'm' }, s, sizeof(s));
	assert_string_equal(s, "3 months");
	duration_describe((duration){ 1, 'y' }, s, sizeof(s));
	assert_string_equal(s, "year");
	duration_describe((duration){ 0, 0 }, s, sizeof(s));
	assert_string_equal(s, "never");
}

static void
yearly_dates(void **state)
{
	int y = -1, m = -1, d = -1;

	(void)state;
	assert_int_equal(date_parse_yearly("1985-05-17", &y, &m, &d), 0);
	assert_int_equal(y, 1985);
	assert_int_equal(m, 5);
	assert_int_equal(d, 17);
	assert_int_equal(date_parse_yearly("--05-17", &y, &m, &d), 0);
	assert_int_equal(y, 0);
	assert_int_equal(m, 5);
	assert_int_equal(d, 17);
	assert_int_equal(date_parse_yearly("12-31", &y, &m, &d), 0);
	assert_int_equal(y, 0);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
	/* 29 February is a valid day without a year */
	assert_int_equal(date_parse_yearly("--02-29", &y, &m, &d), 0);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(date_parse_yearly("02-29", &y, &m, &d), 0);
	assert_int_equal(date_parse_yearly("1988-02-29", &y, &m, &d), 0);
	assert_int_equal(y, 1988);
}

static void
bad_yearly_dates(void **state)
{
	static const char *const bad[] = {
		"1985-02-29", "02-30", "--02-30", "13-01", "00-10", "05-00",
		"5-17", "--5-17", "", "1985-05-17x", "-05-17", "05/17",
		"--05-17 ", "1985-5-17",
	};
	int y, m, d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (date_parse_yearly(bad[i], &y, &m, &d) != -1)
			fail_msg("\"%s\" parsed as a yearly date", bad[i]);
}

static void
next_yearly(void **state)
{
	int year = 0;

	(void)state;
	assert_int_equal(date_next_yearly(tu_date("2026-11-22"), 11, 22, &year),
	    tu_date("2026-11-22"));
	assert_int_equal(year, 2026);
	assert_int_equal(date_next_yearly(tu_date("2026-11-22"), 11, 21, &year),
	    tu_date("2027-11-21"));
	assert_int_equal(year, 2027);
	assert_int_equal(date_next_yearly(tu_date("2026-11-22"), 1, 5, NULL),
	    tu_date("2027-01-05"));
	/* 29 February is 28 February in other years */
	assert_int_equal(date_next_yearly(tu_date("2027-02-20"), 2, 29, &year),
	    tu_date("2027-02-28"));
	assert_int_equal(year, 2027);
	assert_int_equal(date_next_yearly(tu_date("2028-02-20"), 2, 29, &year),
	    tu_date("2028-02-29"));
	assert_int_equal(date_next_yearly(tu_date("2026-02-28"), 2, 29, NULL),
	    tu_date("2026-02-28"));
	assert_int_equal(date_next_yearly(tu_date("2027-03-01"), 2, 29, &year),
	    tu_date("2028-02-29"));
	assert_int_equal(year, 2028);
	assert_int_equal(date_next_yearly(tu_date("2028-02-29"), 2, 29, NULL),
	    tu_date("2028-02-29"));
	assert_int_equal(date_next_yearly(tu_date("2028-03-01"), 2, 29, NULL),
	    tu_date("2029-02-28"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(leap_years),
		cmocka_unit_test(day_numbers),
		cmocka_unit_test(day_numbers_round_trip),
		cmocka_unit_test(parse_valid),
		cmocka_unit_test(parse_invalid),
		cmocka_unit_test(format_dates),
		cmocka_unit_test(date_with_time),
		cmocka_unit_test(date_with_bad_time),
		cmocka_unit_test(durations),
		cmocka_unit_test(bad_durations),
		cmocka_unit_test(adding),
		cmocka_unit_test(describing),
		cmocka_unit_test(yearly_dates),
		cmocka_unit_test(bad_yearly_dates),
		cmocka_unit_test(next_yearly),
		cmocka_unit_test(duration_digits_only_stays_in_string),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
