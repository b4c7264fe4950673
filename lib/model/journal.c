/*
 * journal.c: the pipeline from a folder to a graph: read kith.yaml and
 * every note (read/), then resolve names into the graph and read the
 * goals (model/).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "model/model.h"
#include "read/read.h"

kith_status
kith_journal_load(const kith_options *opts, kith_journal **out)
{
	kith_journal *j;
	kith_status st = KITH_ESYSTEM;
	int rootfd = -1;

	*out = NULL;
	if ((j = calloc(1, sizeof(*j))) == NULL)
		return KITH_ESYSTEM;
	config_defaults(&j->cfg);
	j->strict = opts->strict;
	j->keep_bodies = opts->keep_bodies;
	if ((j->root = arena_strdup(&j->mem, opts->root)) == NULL)
		goto err;
	rootfd = open(j->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		st = KITH_EJOURNAL;
		goto err;
	}
	if (config_load(j, rootfd) < 0)
		goto err;
	if (read_all_notes(j, rootfd) < 0)
		goto err;
	if (graph_build(j) < 0)
		goto err;
	goals_read(j);
	if (j->mem.oom || j->diag_oom)
		goto err;
	diag_sort(j);
	close(rootfd);
	*out = j;
	return KITH_OK;
err:
	if (rootfd >= 0)
		close(rootfd);
	kith_journal_free(j);
	return st;
}

void
kith_journal_free(kith_journal *j)
{
	if (j == NULL)
		return;
	graph_free(j->names);
	free(j->notes);
	free(j->edges);
	free(j->diags);
	arena_free(&j->mem);
	free(j);
}

const char *
kith_journal_site_dir(const kith_journal *j)
{
	return j->cfg.site;
}
