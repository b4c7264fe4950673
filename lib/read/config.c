/*
 * config.c: kith.yaml, the journal-wide settings (journal.md, "kith.yaml").
 * Each key is a row of a table; an unknown key is a warning and a bad value
 * an error at its line, and the default stays.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "read/read.h"

#define CONFIG_FILE "kith.yaml"

typedef struct cctx {
	kith_journal *j;
	const char *key;
} cctx;

typedef int (*config_parser)(cctx *c, const yval *v, void *field);

static void
bad(cctx *c, const yval *v, const char *what)
{
	if (v->kind == Y_SCALAR)
		diag_add(c->j, CONFIG_FILE, v->at, KITH_ERROR,
		    "%s: expected %s, not \"%s\"", c->key, what, v->str);
	else
		diag_add(c->j, CONFIG_FILE, v->at, KITH_ERROR,
		    "%s: expected %s", c->key, what);
}

static int
c_text(cctx *c, const yval *v, void *field)
{
	if (v->kind != Y_SCALAR || v->str[0] == '\0') {
		bad(c, v, "text");
		return 0;
	}
	*(const char **)field = v->str;
	return 0;
}

static int
c_folder(cctx *c, const yval *v, void *field)
{
	size_t n;
	char *s;

	if (v->kind != Y_SCALAR || v->str[0] == '\0' || v->str[0] == '/' ||
	    strstr(v->str, "..") != NULL) {
		bad(c, v, "a folder inside the journal");
		return 0;
	}
	if ((s = arena_strdup(&c->j->mem, v->str)) == NULL)
		return -1;
	for (n = strlen(s); n > 1 && s[n - 1] == '/'; n--)
		s[n - 1] = '\0';
	*(const char **)field = s;
	return 0;
}

static int
c_duration(cctx *c, const yval *v, void *field)
{
	if (v->kind != Y_SCALAR || duration_parse(v->str, field) < 0)
		bad(c, v, "a duration like 90d, 6w, 3m or 1y");
	return 0;
}

static int
c_days(cctx *c, const yval *v, void *field)
{
	char *end;
	long n;

	if (v->kind != Y_SCALAR) {
		bad(c, v, "a number of days");
		return 0;
	}
	n = strtol(v->str, &end, 10);
	if (end == v->str || (*end != '\0' && strcmp(end, "d") != 0) ||
	    n < 0 || n > 36500) {
		bad(c, v, "a number of days");
		return 0;
	}
	*(int *)field = (int)n;
	return 0;
}

static int
c_count(cctx *c, const yval *v, void *field)
{
	char *end;
	long n;

	if (v->kind == Y_SCALAR) {
		n = strtol(v->str, &end, 10);
		if (end != v->str && *end == '\0' && n >= 0 && n <= 100000) {
			*(int *)field = (int)n;
			return 0;
		}
	}
	bad(c, v, "a whole number");
	return 0;
}

/* A word or a list of words (each not empty) into a list in the arena;
 * folded when fold is set.  A bad entry is an error and is left out. */
static int
c_words(cctx *c, const yval *v, const char *what, int fold,
    const char ***list, size_t *n)
{
	size_t i, count = v->kind == Y_SEQ ? v->n : 1;
	const yval *e;
	const char *w;

	if (v->kind == Y_MAP) {
		bad(c, v, what);
		return 0;
	}
	if ((*list = arena_alloc(&c->j->mem, (count ? count : 1) *
	    sizeof(**list))) == NULL)
		return -1;
	*n = 0;
	for (i = 0; i < count; i++) {
		e = v->kind == Y_SEQ ? v->items[i] : v;
		if (e->kind != Y_SCALAR || e->str[0] == '\0') {
			bad(c, e, what);
			continue;
		}
		w = fold ? name_fold(&c->j->mem, e->str) : e->str;
		if (w == NULL)
			return -1;
		(*list)[(*n)++] = w;
	}
	return 0;
}

static int
c_globs(cctx *c, const yval *v, void *field)
{
	(void)field;
	return c_words(c, v, v->kind == Y_MAP ? "a list of folder globs" :
	    "a folder glob", 0, &c->j->cfg.ignore, &c->j->cfg.nignore);
}

/* Meeting kinds that need no thank-you, folded. */
static int
c_kinds(cctx *c, const yval *v, void *field)
{
	(void)field;
	return c_words(c, v, v->kind == Y_MAP ? "a list of meeting kinds" :
	    "a meeting kind", 1, &c->j->cfg.no_thank_you,
	    &c->j->cfg.nno_thank_you);
}

static int
c_by_tag(cctx *c, const yval *v, void *field)
{
	config *cfg = &c->j->cfg;
	const yval *tag, *value;
	size_t i;
	duration d;

	(void)field;
	if (v->kind != Y_MAP) {
		bad(c, v, "a mapping of tags to durations");
		return 0;
	}
	if ((cfg->by_tag = arena_alloc(&c->j->mem,
	    (v->n ? v->n : 1) * sizeof(*cfg->by_tag))) == NULL)
		return -1;
	for (i = 0; i < v->n; i++) {
		tag = v->items[2 * i];
		value = v->items[2 * i + 1];
		if (value->kind != Y_SCALAR || duration_parse(value->str, &d) < 0) {
			bad(c, value, "a duration like 90d, 6w, 3m or 1y");
			continue;
		}
		cfg->by_tag[cfg->nby_tag].tag = name_fold(&c->j->mem, tag->str);
		if (cfg->by_tag[cfg->nby_tag].tag == NULL)
			return -1;
		cfg->by_tag[cfg->nby_tag++].cadence = d;
	}
	return 0;
}

/* yes or no (true, false), in any case */
static int
c_yes_no(cctx *c, const yval *v, void *field)
{
	if (v->kind == Y_SCALAR && (strcasecmp(v->str, "yes") == 0 ||
	    strcasecmp(v->str, "true") == 0))
		*(int *)field = 1;
	else if (v->kind == Y_SCALAR && (strcasecmp(v->str, "no") == 0 ||
	    strcasecmp(v->str, "false") == 0))
		*(int *)field = 0;
	else
		bad(c, v, "yes or no");
	return 0;
}

#define C(key, parse, member) { key, parse, offsetof(config, member) }

static const struct setting {
	const char *key;
	config_parser parse;
	size_t offset;
} settings[] = {
	C("owner", c_text, owner),
	C("cadence", c_duration, cadence),
	C("cadence_by_tag", c_by_tag, by_tag),
	C("horizon", c_days, horizon),
	C("thank_you_window", c_duration, thank_you_window),
	C("no_thank_you", c_kinds, no_thank_you),
	C("group_size", c_count, group_size),
	C("check_in_limit", c_count, check_in_limit),
	C("next_step_after", c_duration, next_step_after),
	C("reciprocity_threshold", c_count, reciprocity_threshold),
	C("stale_after", c_days, stale_after),
	C("ignore", c_globs, ignore),
	C("site", c_folder, site),
	C("title", c_text, title),
	C("follow_symlinks", c_yes_no, follow_symlinks),
};

static void
unknown_setting(kith_journal *j, const yval *key)
{
	const char *near = NULL;
	size_t k;

	for (k = 0; k < sizeof(settings) / sizeof(settings[0]); k++)
		if (name_distance(key->str, settings[k].key, 2) <= 2)
			near = settings[k].key;
	if (near != NULL)
		diag_add(j, CONFIG_FILE, key->at, KITH_WARNING,
		    "unknown setting \"%s\"; did you mean \"%s\"?", key->str,
		    near);
	else
		diag_add(j, CONFIG_FILE, key->at, KITH_WARNING,
		    "unknown setting \"%s\"", key->str);
}

void
config_defaults(config *c)
{
	static const char *no_thank_you[] = { "email", "message" };

	memset(c, 0, sizeof(*c));
	c->no_thank_you = no_thank_you;
	c->nno_thank_you = 2;
	c->group_size = 3;
	c->check_in_limit = 5;
	c->cadence = (duration){ 90, 'd' };
	c->horizon = 7;
	c->thank_you_window = (duration){ 7, 'd' };
	c->next_step_after = (duration){ 7, 'd' };
	c->reciprocity_threshold = 2;
	c->stale_after = 30;
	c->site = "_site";
	c->title = "kith";
}

/*
 * Reads kith.yaml from the root, if there is one, into j->cfg (which holds
 * the defaults).  Returns 0, or -1 when out of memory.
 */
int
config_load(kith_journal *j, int rootfd)
{
	note_text text;
	const char *yaml;
	const yval *map, *key;
	cctx c = { j, NULL };
	size_t i, k, nsettings = sizeof(settings) / sizeof(settings[0]);
	int rc;

	if (faccessat(rootfd, CONFIG_FILE, F_OK, AT_SYMLINK_NOFOLLOW) < 0 &&
	    errno == ENOENT)
		return 0;
	if ((rc = note_read(j, rootfd, CONFIG_FILE, &text)) != 0)
		return rc < 0 ? -1 : 0;
	j->config_read = 1;
	j->config_hash = bytes_hash(text.data, text.len);
	yaml = text.data;
	if (text.len >= 3 && memcmp(yaml, "\xef\xbb\xbf", 3) == 0)
		yaml += 3;	/* a BOM, as some editors write */
	map = yaml_read(j, &j->mem, CONFIG_FILE, CONFIG_FILE, yaml,
	    text.len - (size_t)(yaml - text.data), 1);
	if (map == NULL) {
		free(text.data);
		return j->mem.oom ? -1 : 0;
	}
	for (i = 0; i < map->n; i++) {
		key = map->items[2 * i];
		c.key = key->str;
		for (k = 0; k < nsettings; k++)
			if (strcmp(settings[k].key, key->str) == 0)
				break;
		if (k == nsettings) {
			unknown_setting(j, key);
			continue;
		}
		if (settings[k].parse(&c, map->items[2 * i + 1],
		    (char *)&j->cfg + settings[k].offset) < 0) {
			free(text.data);
			return -1;
		}
	}
	free(text.data);
	return 0;
}
