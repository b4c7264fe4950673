/*
 * vcard_out.c: kith export vcard: the journal's people as vCard 4.0 (RFC
 * 6350) or 3.0 (RFC 2426): CRLF line ends, lines folded at 75 octets,
 * text escaped, and a UID made from the note's path, so a contact keeps
 * its UID from one export to the next.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/contentline.h"
#include "write/write.h"

/* urn:uuid from the note's path: the same note, the same UID. */
static void
card_uid(char out[46], const char *path)
{
	uint64_t a = bytes_hash(path, strlen(path));
	uint64_t b = hash_string(path) ^ 0x6b697468766361ULL;

	b = bytes_hash(&b, sizeof(b)) ^ a;
	snprintf(out, 46, "urn:uuid:%08x-%04x-8%03x-%04x-%012llx",
	    (unsigned)(a >> 32), (unsigned)(a >> 16) & 0xffff,
	    (unsigned)a & 0xfff, (unsigned)((b >> 48) & 0x3fff) | 0x8000,
	    (unsigned long long)(b & 0xffffffffffffULL));
}

/* N: family;given;;; with the last word as the family name. */
static void
card_n(kith_buf *out, kith_buf *line, kith_buf *value, const char *name)
{
	const char *space = strrchr(name, ' ');
	kith_buf given = KITH_BUF_INIT;

	buf_reset(value);
	if (space == NULL) {
		content_escape(value, name);
		buf_puts(value, ";;;;");
	} else {
		content_escape(value, space + 1);
		buf_putc(value, ';');
		buf_put(&given, name, (size_t)(space - name));
		if (!given.oom)
			content_escape(value, given.data);
		buf_puts(value, ";;;");
	}
	buf_free(&given);
	if (!value->oom)
		content_line(out, line, "N", value->data, 0);
}

static void
card_birthday(kith_buf *out, kith_buf *line, const f_yearly *y, int version)
{
	char v[16];

	if (y->year && version == 4)
		snprintf(v, sizeof(v), "%04d%02d%02d", y->year, y->month, y->day);
	else if (y->year)
		snprintf(v, sizeof(v), "%04d-%02d-%02d", y->year, y->month, y->day);
	else if (version == 4)
		snprintf(v, sizeof(v), "--%02d%02d", y->month, y->day);
	else
		snprintf(v, sizeof(v), "--%02d-%02d", y->month, y->day);
	content_line(out, line, "BDAY", v, 0);
}

static void
card_lists(kith_buf *out, kith_buf *line, const note *p, int version)
{
	size_t i;

	for (i = 0; i < p->email.n; i++)
		content_line(out, line, version == 4 ? "EMAIL" :
		    "EMAIL;TYPE=INTERNET", p->email.v[i].s, 1);
	for (i = 0; i < p->phone.n; i++)
		content_line(out, line, version == 4 ? "TEL;VALUE=text" : "TEL",
		    p->phone.v[i].s, 1);
	for (i = 0; i < p->linkedin.n; i++)
		content_line(out, line, "URL", p->linkedin.v[i].s, 0);
}

static void
card_tags(kith_buf *out, kith_buf *line, kith_buf *value, const note *p)
{
	size_t i;

	if (p->tags.n == 0)
		return;
	buf_reset(value);
	for (i = 0; i < p->tags.n; i++) {
		if (i > 0)
			buf_putc(value, ',');
		content_escape(value, p->tags.v[i].s);
	}
	if (!value->oom)
		content_line(out, line, "CATEGORIES", value->data, 0);
}

static void
card(kith_buf *out, kith_buf *line, kith_buf *value, const note *p,
    int version)
{
	char uid[46];
	const char *company = p->company.to ? p->company.to->display :
	    p->company.name;

	buf_puts(out, "BEGIN:VCARD\r\n");
	buf_puts(out, version == 4 ? "VERSION:4.0\r\n" : "VERSION:3.0\r\n");
	card_uid(uid, p->path);
	content_line(out, line, "UID", uid, 0);
	content_line(out, line, "FN", p->display, 1);
	card_n(out, line, value, p->display);
	if (company != NULL)
		content_line(out, line, "ORG", company, 1);
	if (p->job_title.s != NULL)
		content_line(out, line, "TITLE", p->job_title.s, 1);
	card_lists(out, line, p, version);
	if (p->yearly.n > 0 && strcmp(p->yearly.v[0].label, "birthday") == 0)
		card_birthday(out, line, &p->yearly.v[0], version);
	card_tags(out, line, value, p);
	buf_puts(out, "END:VCARD\r\n");
}

char *
kith_export_vcard(const kith_journal *j, int version, size_t *len)
{
	kith_buf out = KITH_BUF_INIT, line = KITH_BUF_INIT, value = KITH_BUF_INIT;
	const note *p;
	size_t i;

	buf_reserve(&out, 0);
	for (i = 0; i < j->nnotes; i++) {
		p = j->notes[i];
		if (p->type != NOTE_PERSON || p->skipped || p->private_note ||
		    p->is_owner)
			continue;
		card(&out, &line, &value, p, version);
	}
	buf_free(&line);
	buf_free(&value);
	return buf_detach(&out, len);
}
