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

static const struct {
	const char *name;
	enum note_type type;
} rule_types[] = {
	{ "person", NOTE_PERSON }, { "meeting", NOTE_MEETING },
	{ "company", NOTE_COMPANY }, { "goal", NOTE_GOAL },
};

/* A note type's name, or -1. */
static int
type_named(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(rule_types) / sizeof(rule_types[0]); i++)
		if (strcasecmp(s, rule_types[i].name) == 0)
			return (int)rule_types[i].type;
	return -1;
}

static int
c_type_key(cctx *c, const yval *v, void *field)
{
	char norm[KEY_NORM_MAX], *s;

	if (v->kind != Y_SCALAR || key_norm(v->str, norm) == 0) {
		bad(c, v, "a key");
		return 0;
	}
	if ((s = arena_strdup(&c->j->mem, norm)) == NULL)
		return -1;
	*(const char **)field = s;
	return 0;
}

/* One rule of types:, "folder: GLOB", "tag: TAG" or "KEY: VALUE", written
 * as a string or as a mapping of one pair. */
static int
type_rule_add(cctx *c, enum note_type type, const yval *e)
{
	config *cfg = &c->j->cfg;
	char norm[KEY_NORM_MAX];
	const char *key, *value, *colon;
	kith_buf text = KITH_BUF_INIT;
	type_rule *r;

	if (e->kind == Y_MAP && e->n == 1 && e->items[1]->kind == Y_SCALAR) {
		key = e->items[0]->str;
		value = e->items[1]->str;
	} else if (e->kind == Y_SCALAR && (colon = strchr(e->str, ':')) != NULL) {
		if ((key = arena_strndup(&c->j->mem, e->str,
		    (size_t)(colon - e->str))) == NULL)
			return -1;
		for (value = colon + 1; *value == ' '; value++)
			;
	} else {
		bad(c, e, "a rule like \"folder: People/**\", \"tag: person\" "
		    "or \"categories: [[People]]\"");
		return 0;
	}
	if (key_norm(key, norm) == 0 || *value == '\0') {
		bad(c, e, "a rule like \"folder: People/**\"");
		return 0;
	}
	if ((r = arena_push(&c->j->mem, &cfg->rules, &cfg->nrules,
	    sizeof(*r))) == NULL)
		return -1;
	r->type = type;
	r->what = strcmp(norm, "folder") == 0 ? RULE_FOLDER :
	    strcmp(norm, "tag") == 0 || strcmp(norm, "tags") == 0 ? RULE_TAG :
	    RULE_PROPERTY;
	r->key = arena_strdup(&c->j->mem, norm);
	r->value = r->what == RULE_FOLDER ? arena_strdup(&c->j->mem, value) :
	    ref_fold(&c->j->mem, value);
	buf_printf(&text, "%s: %s", key, value);
	r->text = text.oom ? NULL : arena_strdup(&c->j->mem, text.data);
	buf_free(&text);
	if (r->key == NULL || r->value == NULL || r->text == NULL)
		return -1;
	return 0;
}

/* types: a mapping of note types to a rule or a list of rules. */
static int
c_types(cctx *c, const yval *v, void *field)
{
	const yval *rules;
	size_t i, k, n;
	int type;

	(void)field;
	if (v->kind != Y_MAP) {
		bad(c, v, "a mapping of note types to rules");
		return 0;
	}
	for (i = 0; i < v->n; i++) {
		rules = v->items[2 * i + 1];
		if ((type = type_named(v->items[2 * i]->str)) < 0) {
			bad(c, v->items[2 * i], "person, meeting, company or goal");
			continue;
		}
		n = rules->kind == Y_SEQ ? rules->n : 1;
		for (k = 0; k < n; k++)
			if (type_rule_add(c, (enum note_type)type,
			    rules->kind == Y_SEQ ? rules->items[k] : rules) < 0)
				return -1;
	}
	return 0;
}

/* One kith key's more names, for the types in types. */
static int
key_names_add(cctx *c, const yval *key, const yval *names, unsigned types)
{
	config *cfg = &c->j->cfg;
	char norm[KEY_NORM_MAX];
	size_t k, n = names->kind == Y_SEQ ? names->n : 1;
	unsigned of = key_types(key->str);
	const yval *e;
	key_name *kn;

	if (of == 0) {
		bad(c, key, "one of kith's keys (with, date, company, ...)");
		return 0;
	}
	for (k = 0; k < n; k++) {
		e = names->kind == Y_SEQ ? names->items[k] : names;
		if (e->kind != Y_SCALAR || key_norm(e->str, norm) == 0) {
			bad(c, e, "a key");
			continue;
		}
		if ((kn = arena_push(&c->j->mem, &cfg->keys, &cfg->nkeys,
		    sizeof(*kn))) == NULL)
			return -1;
		kn->norm = arena_strdup(&c->j->mem, norm);
		kn->key = arena_strdup(&c->j->mem, key->str);
		kn->types = of & types;
		if (kn->norm == NULL || kn->key == NULL)
			return -1;
	}
	return 0;
}

/* keys: kith key -> names, or note type -> (kith key -> names). */
static int
c_keys(cctx *c, const yval *v, void *field)
{
	const yval *key, *value;
	size_t i, k;
	int type;

	(void)field;
	if (v->kind != Y_MAP) {
		bad(c, v, "a mapping of kith's keys to other names");
		return 0;
	}
	for (i = 0; i < v->n; i++) {
		key = v->items[2 * i];
		value = v->items[2 * i + 1];
		if (value->kind != Y_MAP) {
			if (key_names_add(c, key, value, ~0u) < 0)
				return -1;
			continue;
		}
		if ((type = type_named(key->str)) < 0) {
			bad(c, key, "a note type");
			continue;
		}
		for (k = 0; k < value->n; k++)
			if (key_names_add(c, value->items[2 * k],
			    value->items[2 * k + 1], KT(type)) < 0)
				return -1;
	}
	return 0;
}

static int
c_daily(cctx *c, const yval *v, void *field)
{
	(void)field;
	return c_words(c, v, v->kind == Y_MAP ? "a list of globs" :
	    "a glob", 0, &c->j->cfg.daily_notes, &c->j->cfg.ndaily_notes);
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
	C("type_key", c_type_key, type_key),
	C("types", c_types, rules),
	C("keys", c_keys, keys),
	C("daily_notes", c_daily, daily_notes),
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
	c->type_key = "type";
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

	j->cfg.logseq = faccessat(rootfd, "logseq/config.edn", F_OK, 0) == 0;
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
