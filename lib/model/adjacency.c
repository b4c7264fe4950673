/*
 * adjacency.c: the one graph's adjacency lists.  The edges are made note
 * by note in path order (graph.c), so a node's edges out already stand
 * together; its edges in are gathered once by a counting sort, which
 * keeps them in the order of the edges.  Every reader of the graph (the
 * site's backlinks and relations, the ego and network pictures) walks
 * these lists instead of building its own.  Edges and the lists hold node
 * and edge indexes (32 bits), not pointers: the graph of a large journal
 * is as small as it was before it had lists.
 */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

int
graph_adjacency(kith_journal *j)
{
	size_t i, nn = j->nnodes, *fill;

	j->out_start = arena_alloc(&j->mem, (nn + 1) * sizeof(size_t));
	j->in_start = arena_alloc(&j->mem, (nn + 1) * sizeof(size_t));
	j->in_edge = arena_alloc(&j->mem, (j->nedges + 1) * sizeof(uint32_t));
	fill = malloc((nn + 1) * sizeof(size_t));
	if (j->out_start == NULL || j->in_start == NULL ||
	    j->in_edge == NULL || fill == NULL) {
		free(fill);
		return -1;
	}
	memset(j->out_start, 0, (nn + 1) * sizeof(size_t));
	memset(j->in_start, 0, (nn + 1) * sizeof(size_t));
	/* counts, then where each node's run starts */
	for (i = 0; i < j->nedges; i++) {
		j->out_start[j->edges[i].from + 1]++;
		j->in_start[j->edges[i].to + 1]++;
	}
	for (i = 0; i < nn; i++) {
		j->out_start[i + 1] += j->out_start[i];
		j->in_start[i + 1] += j->in_start[i];
	}
	memcpy(fill, j->in_start, (nn + 1) * sizeof(size_t));
	for (i = 0; i < j->nedges; i++)
		j->in_edge[fill[j->edges[i].to]++] = (uint32_t)i;
	free(fill);
	return 0;
}

const edge *
graph_out(const kith_journal *j, const note *n, size_t *count)
{
	size_t from = j->out_start[n->index];

	*count = j->out_start[n->index + 1] - from;
	return j->edges + from;
}

size_t
graph_in_count(const kith_journal *j, const note *n)
{
	return j->in_start[n->index + 1] - j->in_start[n->index];
}

const edge *
graph_in_edge(const kith_journal *j, const note *n, size_t i)
{
	return &j->edges[j->in_edge[j->in_start[n->index] + i]];
}
