/*
 * fuzz_html.c: libFuzzer harness for the HTML renderer of note bodies
 * (html_body, lib/site/html.c).
 *
 * Input: one byte of options, then the body.  The options byte picks the
 * heading shift (bits 0-2, 0 to 7) and the output cap (bits 3-4: the
 * site's 256 KiB, 4096, 512 or 64 bytes, so that cutting is exercised).
 * The body is what kith would hand the renderer: valid UTF-8 without NUL
 * (read.c rejects anything else), ending in a line end, zero-padded.
 *
 * Wiki links resolve by the target's first byte: to a page whose URL is
 * the target itself (a name that reads like "javascript:x" must still not
 * become a scheme), to a private note (hidden), to a fixed page, or to
 * nothing.
 *
 * Properties (props.c): only allow-listed elements and attributes, every
 * element closed in order, no <a> in an <a>, no on*= attribute, no href
 * with a scheme other than http, https, mailto, tel, everything escaped,
 * valid UTF-8; and the output stays under the cap (plus the notice that
 * says the note was cut, which it then ends with).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "site/html.h"
#include "model/model.h"
#include "read/read.h"
#include "report/report.h"
#include "rules/rules.h"
#include "core/limits.h"
#include "props.h"

#define PADDING 16
#define SITE_CAP (256u * 1024)

static const char cut_notice[] = "<p class=\"cut\">This note is too long to "
    "show in full; it was cut here.</p>\n";

static html_target
resolve(const char *target, size_t len, void *userdata)
{
	arena *a = userdata;
	html_target t = { NULL, 0 };
	const char *name;
	char *raw, *href;

	if ((raw = arena_strndup(a, target, len)) == NULL)
		abort();
	if ((name = ref_clean(a, raw)) == NULL)
		return t;
	switch ((unsigned char)name[0] % 4) {
	case 0:		/* a page named after the target, as written */
		if ((href = arena_alloc(a, strlen(name) + 6)) == NULL)
			abort();
		strcpy(href, name);
		strcat(href, ".html");
		t.href = href;
		break;
	case 1:
		t.hidden = 1;
		break;
	case 2:
		t.href = "../people/jane-doe.html";
		break;
	default:
		break;
	}
	return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t caps[] = { SITE_CAP, 4096, 512, 64 };
	kith_buf out = KITH_BUF_INIT;
	arena a = { NULL, 0 };
	html_options o;
	const char *in;
	char *body;
	size_t len, limit;
	int rc;

	if (size < 1)
		return -1;
	in = (const char *)data + 1;
	len = size - 1;
	if (len > KITH_MAX_NOTE_BYTES || memchr(in, '\0', len) != NULL ||
	    utf8_valid_prefix(in, len) != len)
		return -1;
	if ((body = malloc(len + 1 + PADDING)) == NULL)
		abort();
	memcpy(body, in, len);
	memset(body + len, 0, 1 + PADDING);
	if (len > 0 && body[len - 1] != '\n')
		body[len++] = '\n';

	o.resolve = resolve;
	o.userdata = &a;
	o.heading_shift = data[0] & 7;
	o.cap = caps[(data[0] >> 3) & 3];
	o.fold = (data[0] >> 5) % 3;	/* HTML_FOLD_* */
	o.skip_title = data[0] >> 7;
	rc = html_body(&out, body, len, &o);
	if (rc < 0)
		abort();	/* only for want of memory */
	if (rc == 2 && o.fold != HTML_FOLD_LEAD)
		prop_fail("a body said to have more than its lead", out.data,
		    out.len);
	limit = o.cap + (rc == 1 ? sizeof(cut_notice) - 1 : 0);
	if (out.len > limit)
		prop_fail("a body's HTML is over its cap", out.data, out.len);
	if (rc == 1 && (out.len < sizeof(cut_notice) - 1 ||
	    strcmp(out.data + out.len - (sizeof(cut_notice) - 1), cut_notice) != 0))
		prop_fail("a cut body does not end with the notice", out.data,
		    out.len);
	if (out.len > 0 && strlen(out.data) != out.len)
		prop_fail("HTML with a NUL byte", out.data, out.len);
	prop_html(out.data ? out.data : "", out.len);
	buf_free(&out);
	arena_free(&a);
	free(body);
	return 0;
}
