/*
 * page_graph.c: the network page (the picture is network.c's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

/* ---- the network ---- */

int
page_graph(site *s)
{
	kith_buf *b = &s->page;
	network_in in = { s->url, s->hidden, s->strength };

	page_begin(s, "Network", 0, "Network", 0);
	buf_puts(b, "<h1>Your network</h1>\n<p class=\"sub\">You at the "
	    "centre; around you the companies (boxes) of the people you are "
	    "closest to (fifty at most), each beside their company. The bigger "
	    "the name, the stronger the relationship; a bold double box is a "
	    "company you target; a dashed line, an introduction. Click a name "
	    "to open the page.</p>\n"
	    "<section class=\"card\"><div class=\"network-box\" tabindex=\"0\" "
	    "role=\"region\" aria-label=\"The picture, which scrolls\">\n");
	if (network_svg(s->j, &in, b) < 0)
		buf_puts(b, "<p class=\"muted\">The picture could not be laid "
		    "out.</p>");
	buf_puts(b, "\n</div></section>\n");
	return page_end(s, "graph.html");
}
