/*
 * where.c: which journal, and which day: -j, $KITH_JOURNAL or the nearest
 * kith.yaml upwards; --today, $KITH_TODAY or the local date.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../lib/kith.h"
#include "cmd.h"

static int
has_config(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;

	if (snprintf(path, sizeof(path), "%s/kith.yaml", dir) >= (int)sizeof(path))
		return 0;
	return stat(path, &st) == 0;
}

int
read_user_settings(global *g)
{
	char path[PATH_MAX];

	g->user.color = -1;
	if (kith_user_config_path(path, sizeof(path)) < 0)
		return 0;
	if (kith_user_config_load(path, &g->user) != KITH_OK)
		return -1;
	print_diags(g, g->user.problems, KITH_WARNING);
	return 0;
}

/* -j, else $KITH_JOURNAL, else the nearest folder at or above the current
 * one that holds kith.yaml, else the user's journal: setting; else
 * g->journal stays NULL. */
int
find_journal(global *g)
{
	char rel[PATH_MAX] = ".", real[PATH_MAX];
	const char *env = getenv("KITH_JOURNAL");
	size_t n;
	int up;

	if (g->journal == NULL && env != NULL && env[0] != '\0')
		g->journal = env;
	if (g->journal != NULL) {
		g->prefix = strcmp(g->journal, ".") == 0 ? "" : g->journal;
		return 0;
	}
	for (up = 0; !has_config(rel); up++) {
		if (realpath(rel, real) == NULL || strcmp(real, "/") == 0 ||
		    up == 64) {
			g->journal = g->user.journal;	/* or none: NULL */
			g->prefix = g->journal;
			return 0;
		}
		n = strlen(rel);
		if (n + 4 >= sizeof(rel))
			break;
		if (up == 0)
			strcpy(rel, "..");
		else
			memcpy(rel + n, "/..", 4);
	}
	if ((g->found = strdup(rel)) == NULL)
		return -1;
	g->journal = g->found;
	g->prefix = strcmp(rel, ".") == 0 ? "" : g->found;
	return 0;
}

static int
parse_today(global *g, const char *s, const char *what)
{
	if (kith_date_parse(s, &g->today) < 0) {
		fprintf(stderr, "kith: %s: invalid date \"%s\" (expected "
		    "YYYY-MM-DD)\n", what, s);
		return -1;
	}
	return 0;
}

static int
local_today(global *g)
{
	time_t now = time(NULL);
	struct tm tm;
	char s[11];

	if (localtime_r(&now, &tm) == NULL)
		return -1;
	strftime(s, sizeof(s), "%Y-%m-%d", &tm);
	return kith_date_parse(s, &g->today);
}

int
resolve_today(global *g, const char *given)
{
	const char *env = getenv("KITH_TODAY");

	if (given != NULL)
		return parse_today(g, given, "--today");
	if (env != NULL && env[0] != '\0')
		return parse_today(g, env, "KITH_TODAY");
	return local_today(g);
}
