/*
 * vcard.c: reading vCard 3.0 (RFC 2426) and 4.0 (RFC 6350): folded lines,
 * the escapes of text values, and the properties kith keeps (FN, N,
 * EMAIL, TEL, ORG, TITLE, BDAY with or without a year, NOTE, URL and
 * CATEGORIES).  Each card becomes a contact for import.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "write/write.h"

#define CARD_MAX_VALUES 16

typedef struct card {
	contact c;
	const char *emails[CARD_MAX_VALUES];
	const char *phones[CARD_MAX_VALUES];
	const char *tags[CARD_MAX_VALUES];
	const char *n_name;	/* from N:, when there is no FN */
	int open;
} card;

long
vcard_unfold(char *data, size_t len, char ***starts, int **lines)
{
	size_t i, out = 0, cap = 0, n = 0;
	char **s = NULL, **gs;
	int *l = NULL, *gl, line = 1, at_start = 1;

	for (i = 0; i < len; i++) {
		if (at_start) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				gs = realloc(s, cap * sizeof(*s));
				gl = gs ? realloc(l, cap * sizeof(*l)) : NULL;
				if (gs)
					s = gs;
				if (gl == NULL) {
					free(s);
					free(l);
					return -1;
				}
				l = gl;
			}
			s[n] = data + out;
			l[n++] = line;
			at_start = 0;
		}
		if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
			i++;
		if (data[i] == '\n' || data[i] == '\r') {
			line++;
			if (i + 1 < len && (data[i + 1] == ' ' ||
			    data[i + 1] == '\t')) {
				i++;	/* a folded line: the break and one blank go */
				continue;
			}
			data[out++] = '\0';
			at_start = 1;
			continue;
		}
		data[out++] = data[i];
	}
	data[out] = '\0';	/* data holds len + 1 bytes */
	*starts = s;
	*lines = l;
	return (long)n;
}

char *
vcard_unescape(char *s, char sep)
{
	char *out = s;

	for (; *s; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*out++ = *s == 'n' || *s == 'N' ? '\n' : *s;
			continue;
		}
		if (sep && *s == sep) {
			*out = '\0';
			return s + 1;
		}
		*out++ = *s;
	}
	*out = '\0';
	return NULL;
}

/* The ':' that ends a content line's name and parameters (not one inside
 * a quoted parameter value), or NULL. */
static char *
value_colon(char *line)
{
	int quoted = 0;

	for (; *line; line++) {
		if (*line == '"')
			quoted = !quoted;
		else if (*line == ':' && !quoted)
			return line;
	}
	return NULL;
}

/* The property's name without a group ("item1.EMAIL" is EMAIL), cut at
 * its parameters; *params points after the first ';' or at "". */
static char *
property_name(char *line, const char **params)
{
	char *dot, *semi = strchr(line, ';');

	*params = "";
	if (semi != NULL) {
		*semi = '\0';
		*params = semi + 1;
	}
	if ((dot = strrchr(line, '.')) != NULL)
		line = dot + 1;
	return line;
}

static void
one_line(char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

static const char *
text_value(struct kith_import *im, char *value)
{
	vcard_unescape(value, 0);
	return arena_strdup(import_mem(im), value);
}

static void
push(const char **list, size_t *n, const char *v)
{
	if (v != NULL && *v != '\0' && *n < CARD_MAX_VALUES)
		list[(*n)++] = v;
}

/* BDAY: YYYYMMDD, YYYY-MM-DD, --MMDD or --MM-DD, a time after T ignored. */
int
vcard_birthday(const char *v, int *year, int *month, int *day)
{
	char digits[9];
	size_t n = 0;
	const char *p = v;
	int noyear = strncmp(v, "--", 2) == 0;

	if (noyear)
		p += 2;
	for (; *p && *p != 'T' && n < 8; p++) {
		if (isdigit((unsigned char)*p))
			digits[n++] = *p;
		else if (*p != '-')
			return -1;
	}
	digits[n] = '\0';
	if ((*p && *p != 'T') || n != (noyear ? 4u : 8u))
		return -1;
	*year = 0;
	if (!noyear)
		sscanf(digits, "%4d", year);
	sscanf(digits + (noyear ? 0 : 4), "%2d%2d", month, day);
	if (*month < 1 || *month > 12 || *day < 1 ||
	    *day > date_month_days(*year ? *year : 2000, *month))
		return -1;
	return 0;
}

static void
take_bday(struct kith_import *im, card *k, char *value, int line)
{
	if (vcard_birthday(value, &k->c.byear, &k->c.bmonth, &k->c.bday) < 0) {
		k->c.bmonth = 0;
		import_diag(im, line, 1, KITH_WARNING, "BDAY: not a date: \"%s\" "
		    "(imported without a birthday)", value);
	}
}

static void
take_n(struct kith_import *im, card *k, char *value)
{
	static char none[1];
	char *family = value, *given, *name;
	size_t len;

	/* family;given;additional;prefixes;suffixes: the first two */
	if ((given = vcard_unescape(family, ';')) != NULL)
		vcard_unescape(given, ';');
	else
		given = none;
	len = strlen(family) + strlen(given) + 2;
	if ((name = arena_alloc(import_mem(im), len)) == NULL)
		return;
	snprintf(name, len, "%s%s%s", given, *given && *family ? " " : "",
	    family);
	one_line(name);
	k->n_name = name;
}

static void
take_categories(struct kith_import *im, card *k, char *value)
{
	char *next;

	do {
		next = vcard_unescape(value, ',');
		push(k->tags, &k->c.ntags, arena_strdup(import_mem(im), value));
		value = next;
	} while (value != NULL);
}

/* One property of an open card. */
static void
take(struct kith_import *im, card *k, const char *name, char *value,
    int line)
{
	char *v;

	if (strcasecmp(name, "FN") == 0) {
		vcard_unescape(value, 0);
		one_line(value);
		k->c.name = arena_strdup(import_mem(im), value);
	} else if (strcasecmp(name, "N") == 0) {
		take_n(im, k, value);
	} else if (strcasecmp(name, "EMAIL") == 0) {
		push(k->emails, &k->c.nemails, text_value(im,
		    strncasecmp(value, "mailto:", 7) == 0 ? value + 7 : value));
	} else if (strcasecmp(name, "TEL") == 0) {
		push(k->phones, &k->c.nphones, text_value(im,
		    strncasecmp(value, "tel:", 4) == 0 ? value + 4 : value));
	} else if (strcasecmp(name, "ORG") == 0) {
		vcard_unescape(value, ';');
		k->c.company = arena_strdup(import_mem(im), value);
	} else if (strcasecmp(name, "TITLE") == 0) {
		k->c.title = text_value(im, value);
	} else if (strcasecmp(name, "BDAY") == 0) {
		take_bday(im, k, value, line);
	} else if (strcasecmp(name, "NOTE") == 0) {
		k->c.note = text_value(im, value);
	} else if ((strcasecmp(name, "URL") == 0 ||
	    strcasecmp(name, "X-SOCIALPROFILE") == 0) &&
	    strstr(value, "linkedin.com") != NULL) {
		v = value;
		k->c.linkedin = text_value(im, v);
	} else if (strcasecmp(name, "CATEGORIES") == 0) {
		take_categories(im, k, value);
	}
}

static int
card_end(struct kith_import *im, card *k)
{
	if ((k->c.name == NULL || *k->c.name == '\0') && k->n_name != NULL)
		k->c.name = k->n_name;
	k->c.emails = k->emails;
	k->c.phones = k->phones;
	k->c.tags = k->tags;
	k->open = 0;
	return import_contact(im, &k->c) < 0 ? -1 : 0;
}

static void
card_begin(card *k, int line)
{
	memset(k, 0, sizeof(*k));
	k->c.met = KITH_NO_DATE;
	k->c.line = line;
	k->open = 1;
}

/* ENCODING=QUOTED-PRINTABLE (vCard 2.1), in any case */
static int
quoted_printable(const char *params)
{
	static const char qp[] = "quoted-printable";
	size_t n = sizeof(qp) - 1;

	for (; *params; params++)
		if (strncasecmp(params, qp, n) == 0)
			return 1;
	return 0;
}

/* One content line; -1 when out of memory or a write failed. */
static int
vcard_line(struct kith_import *im, card *k, char *line, int at)
{
	char *colon, *name;
	const char *params;

	if (*line == '\0')
		return 0;
	if ((colon = value_colon(line)) == NULL) {
		import_diag(im, at, 1, KITH_ERROR, "not a vCard line (no ':'); "
		    "left out");
		return 0;
	}
	*colon = '\0';
	name = property_name(line, &params);
	if (strcasecmp(name, "BEGIN") == 0 && strcasecmp(colon + 1, "VCARD") == 0) {
		if (k->open)
			import_diag(im, k->c.line, 1, KITH_ERROR, "BEGIN:VCARD "
			    "without its END:VCARD; card not imported");
		card_begin(k, at);
	} else if (strcasecmp(name, "END") == 0 &&
	    strcasecmp(colon + 1, "VCARD") == 0 && k->open) {
		return card_end(im, k);
	} else if (!k->open) {
		import_diag(im, at, 1, KITH_ERROR, "%s outside BEGIN:VCARD and "
		    "END:VCARD; left out", name);
	} else if (quoted_printable(params)) {
		import_diag(im, at, 1, KITH_WARNING, "%s: quoted-printable "
		    "(vCard 2.1) is not read; left out", name);
	} else {
		take(im, k, name, colon + 1, at);
	}
	return 0;
}

int
vcard_read(struct kith_import *im, const char *data, size_t len)
{
	char *copy, **starts = NULL;
	int *lines = NULL, rc = 0;
	long n, i;
	card k;

	if ((copy = malloc(len + 1)) == NULL)
		return -1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;	/* a BOM */
		len -= 3;
	}
	memcpy(copy, data, len);
	copy[len] = '\0';
	if ((n = vcard_unfold(copy, len, &starts, &lines)) < 0) {
		free(copy);
		return -1;
	}
	memset(&k, 0, sizeof(k));
	for (i = 0; i < n && rc == 0; i++) {
		if (utf8_valid_prefix(starts[i], strlen(starts[i])) !=
		    strlen(starts[i])) {
			import_diag(im, lines[i], 1, KITH_ERROR, "not UTF-8 "
			    "text; line left out");
			continue;
		}
		rc = vcard_line(im, &k, starts[i], lines[i]);
	}
	if (rc == 0 && k.open)
		import_diag(im, k.c.line, 1, KITH_ERROR, "BEGIN:VCARD without "
		    "its END:VCARD; card not imported");
	free(starts);
	free(lines);
	free(copy);
	return rc;
}
