/*
 * render.c: kith's body renderer (site/html.c) on Markdown from stdin, for
 * tests/commonmark/run.  Bodies are separated by NUL bytes; each one's
 * HTML is written followed by a NUL.  Rendered as the dashboard renders a
 * note (heading_shift 1); a wiki link [[T]] goes to "T.html", as if every
 * name had a page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "site/html.h"

static char link[4096];

static html_target
resolve(const char *target, size_t len, void *userdata)
{
	html_target t = { NULL, 0 };

	(void)userdata;
	if (len + 6 <= sizeof(link)) {
		memcpy(link, target, len);
		memcpy(link + len, ".html", 6);
		t.href = link;
	}
	return t;
}

static int
render(const char *md, size_t len)
{
	html_options o = { resolve, NULL, 1 << 20, 1 };
	kith_buf out = KITH_BUF_INIT;
	char *body;
	int rc;

	/* a body as kith hands it over: a line end at its end, zeroed bytes
	 * after it */
	if ((body = calloc(1, len + 2 + 64)) == NULL)
		return -1;
	memcpy(body, md, len);
	if (len == 0 || body[len - 1] != '\n')
		body[len++] = '\n';
	rc = html_body(&out, body, len, &o);
	if (rc >= 0 && out.len > 0)
		fwrite(out.data, 1, out.len, stdout);
	putchar('\0');
	buf_free(&out);
	free(body);
	return rc < 0 ? -1 : 0;
}

int
main(void)
{
	kith_buf in = KITH_BUF_INIT;
	char chunk[65536];
	size_t n, start, i;

	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		buf_put(&in, chunk, n);
	if (in.oom)
		return 1;
	for (start = i = 0; i <= in.len; i++) {
		if (i < in.len && in.data[i] != '\0')
			continue;
		if (i > start || i < in.len)
			if (render(in.data + start, i - start) < 0)
				return 1;
		start = i + 1;
	}
	buf_free(&in);
	return fflush(stdout) != 0;
}
