/*
 * network.h: the network picture (graph.html), laid out by Graphviz.
 */
#ifndef KITH_NETWORK_H
#define KITH_NETWORK_H

#include "note/note.h"

typedef struct network_in {
	const char *const *url;		/* per node: its page, from the root */
	const unsigned char *hidden;	/* per node: private */
	const int *strength;		/* per node */
} network_in;

/* Appends an <svg> of the strongest people and their companies to out.
 * Returns 0, or -1 when the layout failed or memory ran out. */
int network_svg(const kith_journal *j, const network_in *in, kith_buf *out);

#endif
