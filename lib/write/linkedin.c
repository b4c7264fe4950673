/*
 * linkedin.c: LinkedIn's Connections.csv, in both layouts seen in the
 * wild: the current one (a "Notes:" preamble, then First Name, Last Name,
 * URL, Email Address, Company, Position, Connected On, dates like "30 May
 * 2024") and the older one (no preamble, no URL, dates like "1/8/18, 6:14
 * PM").  The header line is found, not skipped by count; columns are
 * found by name.  RFC 4180 quoting is libcsv's.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "write/write.h"

/* The columns kith reads, by their header names (any case). */
static const char *const column_names[COL_COUNT] = {
	[COL_FIRST] = "first name",
	[COL_LAST] = "last name",
	[COL_URL] = "url",
	[COL_EMAIL] = "email address",
	[COL_COMPANY] = "company",
	[COL_POSITION] = "position",
	[COL_CONNECTED] = "connected on",
};

#define MAX_FIELDS 64

typedef struct reader {
	struct kith_import *im;
	struct csv_parser csv;
	char *field[MAX_FIELDS];	/* the row's fields (malloc'd) */
	size_t nfields;
	int row_line;		/* the line the row starts on */
	int between_rows;
	int header_seen;
	int column[COL_COUNT];	/* field index of each column, or -1 */
	size_t ncolumns;	/* fields in the header */
	int failed;
} reader;

static void
trim(char *s)
{
	size_t n = strlen(s), lead = 0;

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[lead]))
		lead++;
	memmove(s, s + lead, n - lead + 1);
}

int
linkedin_header(const char *const *fields, size_t n, int column[COL_COUNT])
{
	size_t i, c;

	for (c = 0; c < COL_COUNT; c++)
		column[c] = -1;
	for (i = 0; i < n; i++)
		for (c = 0; c < COL_COUNT; c++)
			if (strcasecmp(fields[i], column_names[c]) == 0 ||
			    (c == COL_EMAIL && strcasecmp(fields[i],
			    "e-mail address") == 0))
				column[c] = (int)i;
	return column[COL_FIRST] >= 0 && column[COL_LAST] >= 0 ? 0 : -1;
}

static int
month_of(const char *s)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr", "may",
		"jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	int m;

	for (m = 0; m < 12; m++)
		if (strncasecmp(s, months[m], 3) == 0)
			return m + 1;
	return 0;
}

/* A valid day of a year given in two or four digits (18: 2018). */
static kith_date
valid_day(int y, int m, int d, int ydigits)
{
	if (ydigits == 2)
		y += y < 70 ? 2000 : 1900;
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > date_month_days(y, m))
		return KITH_NO_DATE;
	return date_from_ymd(y, m, d);
}

kith_date
linkedin_date(const char *s)
{
	char mon[16];
	int y, m, d, y0 = 0, y1 = 0;
	kith_date out;

	/* 30 May 2024, 08-Jan-18 */
	if ((sscanf(s, "%2d %15[A-Za-z] %n%4d%n", &d, mon, &y0, &y, &y1) == 3 ||
	    sscanf(s, "%2d-%15[A-Za-z]-%n%4d%n", &d, mon, &y0, &y, &y1) == 3) &&
	    s[y1] == '\0' && (m = month_of(mon)) != 0)
		return valid_day(y, m, d, y1 - y0);
	/* 1/8/18, 6:14 PM (month first, as LinkedIn wrote it) */
	if (sscanf(s, "%2d/%2d/%n%4d%n", &m, &d, &y0, &y, &y1) == 3 &&
	    (s[y1] == '\0' || s[y1] == ',' || s[y1] == ' '))
		return valid_day(y, m, d, y1 - y0);
	if (kith_date_parse(s, &out) == 0)
		return out;
	return KITH_NO_DATE;
}

static const char *
column(const reader *r, int c)
{
	int at = r->column[c];

	return at >= 0 && (size_t)at < r->nfields ? r->field[at] : "";
}

static const char *
joined_name(reader *r)
{
	const char *first = column(r, COL_FIRST), *last = column(r, COL_LAST);
	char *name;
	size_t n = strlen(first) + strlen(last) + 2;

	if ((name = arena_alloc(import_mem(r->im), n)) == NULL)
		return NULL;
	snprintf(name, n, "%s%s%s", first, *first && *last ? " " : "", last);
	return name;
}

static int
row_contact(reader *r)
{
	const char *email = column(r, COL_EMAIL), *connected;
	contact c;
	int rc;

	memset(&c, 0, sizeof(c));
	c.line = r->row_line;
	c.met = KITH_NO_DATE;
	if ((c.name = joined_name(r)) == NULL)
		return -1;
	c.company = column(r, COL_COMPANY);
	c.title = column(r, COL_POSITION);
	c.linkedin = *column(r, COL_URL) ? column(r, COL_URL) : NULL;
	if (*email) {
		c.emails = &email;
		c.nemails = 1;
	}
	connected = column(r, COL_CONNECTED);
	if (*connected)
		c.met = linkedin_date(connected);
	if ((rc = import_contact(r->im, &c)) == 1 && *connected &&
	    c.met == KITH_NO_DATE)
		import_diag(r->im, r->row_line, 1, KITH_WARNING, "Connected On: "
		    "not a date: \"%s\" (the person is imported without met:)",
		    connected);
	return rc < 0 ? -1 : 0;
}

static int
row_valid(reader *r)
{
	size_t i;

	if (r->nfields != r->ncolumns) {
		import_diag(r->im, r->row_line, 1, KITH_ERROR, "%zu fields where "
		    "the header has %zu (an unquoted comma?); row not imported",
		    r->nfields, r->ncolumns);
		return 0;
	}
	for (i = 0; i < r->nfields; i++)
		if (utf8_valid_prefix(r->field[i], strlen(r->field[i])) !=
		    strlen(r->field[i])) {
			import_diag(r->im, r->row_line, 1, KITH_ERROR,
			    "not UTF-8 text; row not imported");
			return 0;
		}
	return 1;
}

static void
row_done(reader *r)
{
	size_t i;

	if (r->failed)
		goto out;
	if (!r->header_seen) {
		if (linkedin_header((const char *const *)r->field, r->nfields,
		    r->column) == 0) {
			r->header_seen = 1;
			r->ncolumns = r->nfields;
		}
	} else if (r->nfields == 1 && r->field[0][0] == '\0') {
		/* a line of only spaces */
	} else if (row_valid(r) && row_contact(r) < 0) {
		r->failed = 1;
	}
out:
	for (i = 0; i < r->nfields; i++)
		free(r->field[i]);
	r->nfields = 0;
}

static void
on_field(void *s, size_t len, void *data)
{
	reader *r = data;
	char *f;

	if (r->nfields == MAX_FIELDS)
		return;		/* counted as too many by row_valid() */
	if ((f = malloc(len + 1)) == NULL) {
		r->failed = 1;
		return;
	}
	if (len)
		memcpy(f, s, len);
	f[len] = '\0';
	trim(f);
	r->field[r->nfields++] = f;
}

static void
on_row(int end, void *data)
{
	reader *r = data;

	(void)end;
	row_done(r);
	r->between_rows = 1;
}

static int
blank(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
		s++;
		n--;
	}
	return n == 0;
}

/* After a quote that does not parse: an error at the row, and the
 * parser starts again on the next line. */
static int
parse_failed(reader *r)
{
	size_t i;

	import_diag(r->im, r->row_line, 1, KITH_ERROR, "a quote that does not "
	    "close or is followed by text; row not imported");
	for (i = 0; i < r->nfields; i++)
		free(r->field[i]);
	r->nfields = 0;
	csv_free(&r->csv);
	r->between_rows = 1;
	return csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
}

int
linkedin_read(struct kith_import *im, const char *data, size_t len)
{
	reader r;
	const char *end = data + len, *nl;
	size_t n;
	int line = 0;

	memset(&r, 0, sizeof(r));
	r.im = im;
	r.between_rows = 1;
	if (csv_init(&r.csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return -1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3;
	for (; data < end && !r.failed; data = nl) {
		line++;
		nl = memchr(data, '\n', (size_t)(end - data));
		nl = nl ? nl + 1 : end;
		n = (size_t)(nl - data);
		if (r.between_rows && blank(data, n))
			continue;
		if (r.between_rows) {
			r.row_line = line;
			r.between_rows = 0;
		}
		if (csv_parse(&r.csv, data, n, on_field, on_row, &r) != n &&
		    (csv_error(&r.csv) != CSV_EPARSE || parse_failed(&r) != 0))
			r.failed = 1;
	}
	if (!r.failed && csv_fini(&r.csv, on_field, on_row, &r) != 0) {
		if (csv_error(&r.csv) != CSV_EPARSE)
			r.failed = 1;
		else
			parse_failed(&r);
	}
	csv_free(&r.csv);
	for (n = 0; n < r.nfields; n++)
		free(r.field[n]);
	if (!r.failed && !r.header_seen)
		import_diag(im, 1, 1, KITH_ERROR, "no header line (First Name,"
		    "Last Name,...): not a LinkedIn Connections.csv");
	return r.failed ? -1 : 0;
}
