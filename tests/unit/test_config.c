/*
 * test_config.c: kith.yaml, the journal-wide settings (config.c; journal.md
 * "kith.yaml"): defaults, each key, an unknown key is a warning and a bad
 * value an error at its line, the default then kept.
 */
#include "testutil.h"

static void
assert_duration(duration d, int n, char unit)
{
	assert_int_equal(d.n, n);
	assert_int_equal(d.unit, unit);
}

static void
assert_defaults(const config *cfg)
{
	assert_null(cfg->owner);
	assert_duration(cfg->cadence, 90, 'd');
	assert_int_equal(cfg->nby_tag, 0);
	assert_int_equal(cfg->horizon, 7);
	assert_duration(cfg->thank_you_window, 7, 'd');
	assert_int_equal(cfg->group_size, 3);
	assert_int_equal(cfg->check_in_limit, 5);
	assert_int_equal(cfg->nno_thank_you, 2);
	assert_string_equal(cfg->no_thank_you[0], "email");
	assert_string_equal(cfg->no_thank_you[1], "message");
	assert_duration(cfg->next_step_after, 7, 'd');
	assert_int_equal(cfg->reciprocity_threshold, 2);
	assert_int_equal(cfg->stale_after, 30);
	assert_int_equal(cfg->nignore, 0);
	assert_string_equal(cfg->site, "_site");
	assert_string_equal(cfg->title, "kith");
}

static void
defaults(void **state)
{
	tu_ctx *c = *state;
	config cfg;

	config_defaults(&cfg);
	assert_defaults(&cfg);
	tu_write(c, "note.md", "x\n");
	tu_load(c, "2026-11-22");
	assert_defaults(&c->j->cfg);
	assert_string_equal(kith_journal_site_dir(c->j), "_site");
	tu_due(c);
	assert_int_equal(kith_due_horizon(c->due), 7);
	assert_int_equal(kith_due_today(c->due), tu_date("2026-11-22"));
	tu_assert_str(tu_diags(c), "");
}

static void
empty_file_means_defaults(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "# settings to come\n");
	tu_load(c, "2026-11-22");
	assert_defaults(&c->j->cfg);
	tu_assert_str(tu_diags(c), "");
	tu_write(c, "kith.yaml", "");
	tu_load(c, "2026-11-22");
	assert_defaults(&c->j->cfg);
	tu_assert_str(tu_diags(c), "");
}

static void
every_key(void **state)
{
	tu_ctx *c = *state;
	const config *cfg;

	tu_write(c, "kith.yaml",
	    "owner: Alex Rivera\n"
	    "title: Alex's journal\n"
	    "cadence: 3m\n"
	    "cadence_by_tag:\n"
	    "  Mentor: 30d\n"
	    "  close friend: 6w\n"
	    "  old: never\n"
	    "horizon: 14\n"
	    "thank_you_window: 2d\n"
	    "next_step_after: 10d\n"
	    "reciprocity_threshold: 3\n"
	    "stale_after: 60d\n"
	    "no_thank_you: [Email, message, event]\n"
	    "group_size: 5\n"
	    "check_in_limit: 0\n"
	    "ignore:\n"
	    "  - \"templates/**\"\n"
	    "  - archive\n"
	    "site: public/\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	cfg = &c->j->cfg;
	assert_string_equal(cfg->owner, "Alex Rivera");
	assert_string_equal(cfg->title, "Alex's journal");
	assert_duration(cfg->cadence, 3, 'm');
	assert_int_equal(cfg->nby_tag, 3);
	assert_string_equal(cfg->by_tag[0].tag, "mentor");	/* folded */
	assert_duration(cfg->by_tag[0].cadence, 30, 'd');
	assert_string_equal(cfg->by_tag[1].tag, "close friend");
	assert_duration(cfg->by_tag[1].cadence, 6, 'w');
	assert_string_equal(cfg->by_tag[2].tag, "old");
	assert_duration(cfg->by_tag[2].cadence, 0, 0);
	assert_int_equal(cfg->horizon, 14);
	assert_duration(cfg->thank_you_window, 2, 'd');
	assert_duration(cfg->next_step_after, 10, 'd');
	assert_int_equal(cfg->reciprocity_threshold, 3);
	assert_int_equal(cfg->stale_after, 60);
	assert_int_equal(cfg->nno_thank_you, 3);
	assert_string_equal(cfg->no_thank_you[0], "email");	/* folded */
	assert_string_equal(cfg->no_thank_you[2], "event");
	assert_int_equal(cfg->group_size, 5);
	assert_int_equal(cfg->check_in_limit, 0);
	assert_int_equal(cfg->nignore, 2);
	assert_string_equal(cfg->ignore[0], "templates/**");
	assert_string_equal(cfg->ignore[1], "archive");
	assert_string_equal(cfg->site, "public");
	assert_string_equal(kith_journal_site_dir(c->j), "public");
	tu_due(c);
	assert_int_equal(kith_due_horizon(c->due), 14);
	/* a query's own horizon wins over the setting */
	tu_due_query(c, 3, 0, NULL);
	assert_int_equal(kith_due_horizon(c->due), 3);
	tu_due_query(c, 0, 0, NULL);
	assert_int_equal(kith_due_horizon(c->due), 0);
}

static void
unknown_key_is_a_warning(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml",
	    "horizon: 3\n"
	    "colour: blue\n"
	    "owner: Me\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "kith.yaml:2:1: warning: unknown setting \"colour\"\n");
	assert_int_equal(c->j->cfg.horizon, 3);
	assert_string_equal(c->j->cfg.owner, "Me");
	assert_int_equal(kith_journal_worst(c->j), KITH_WARNING);
}

static void
misspelt_key_gets_a_suggestion(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "horizn: 3\nstale_afterr: 5\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "kith.yaml:1:1: warning: unknown setting \"horizn\"; did you mean "
	    "\"horizon\"?\n"
	    "kith.yaml:2:1: warning: unknown setting \"stale_afterr\"; did you "
	    "mean \"stale_after\"?\n");
	assert_int_equal(c->j->cfg.horizon, 7);
}

/* Each bad value: an error at the value, and the default stays. */
static void
bad_values(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml",
	    "owner: [a, b]\n"			/* 1 */
	    "cadence: often\n"			/* 2 */
	    "cadence_by_tag: [a]\n"		/* 3 */
	    "horizon: soon\n"			/* 4 */
	    "thank_you_window: -1d\n"		/* 5 */
	    "next_step_after: 0d\n"		/* 6 */
	    "reciprocity_threshold: many\n"	/* 7 */
	    "stale_after: -5\n"			/* 8 */
	    "ignore: {a: b}\n"			/* 9 */
	    "site: ../out\n"			/* 10 */
	    "title: \"\"\n"			/* 11 */
	    "no_thank_you: {a: b}\n"		/* 12 */
	    "group_size: few\n"			/* 13 */
	    "check_in_limit: -1\n");		/* 14 */
	tu_write(c, "note.md", "x\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "kith.yaml:1:8: error: owner: expected text\n"
	    "kith.yaml:2:10: error: cadence: expected a duration like 90d, "
	    "6w, 3m or 1y, not \"often\"\n"
	    "kith.yaml:3:17: error: cadence_by_tag: expected a mapping of "
	    "tags to durations\n"
	    "kith.yaml:4:10: error: horizon: expected a number of days, not "
	    "\"soon\"\n"
	    "kith.yaml:5:19: error: thank_you_window: expected a duration like "
	    "90d, 6w, 3m or 1y, not \"-1d\"\n"
	    "kith.yaml:6:18: error: next_step_after: expected a duration like "
	    "90d, 6w, 3m or 1y, not \"0d\"\n"
	    "kith.yaml:7:24: error: reciprocity_threshold: expected a whole "
	    "number, not \"many\"\n"
	    "kith.yaml:8:14: error: stale_after: expected a number of days, "
	    "not \"-5\"\n"
	    "kith.yaml:9:9: error: ignore: expected a list of folder globs\n"
	    "kith.yaml:10:7: error: site: expected a folder inside the "
	    "journal, not \"../out\"\n"
	    "kith.yaml:11:8: error: title: expected text, not \"\"\n"
	    "kith.yaml:12:15: error: no_thank_you: expected a list of meeting "
	    "kinds\n"
	    "kith.yaml:13:13: error: group_size: expected a whole number, not "
	    "\"few\"\n"
	    "kith.yaml:14:17: error: check_in_limit: expected a whole number, "
	    "not \"-1\"\n");
	assert_defaults(&c->j->cfg);
	/* the journal is still read */
	assert_int_equal(c->j->nnotes, 1);
	assert_int_equal(kith_journal_count(c->j, KITH_ERROR), 14);
}

static void
bad_entries_in_collections(void **state)
{
	tu_ctx *c = *state;
	const config *cfg;

	tu_write(c, "kith.yaml",
	    "cadence_by_tag:\n"		/* 1 */
	    "  mentor: sometimes\n"	/* 2 */
	    "  recruiter: 45d\n"	/* 3 */
	    "  friend: [30d]\n"		/* 4 */
	    "ignore:\n"			/* 5 */
	    "  - drafts\n"		/* 6 */
	    "  - [x]\n"			/* 7 */
	    "  - \"\"\n"		/* 8 */
	    "site: /var/www\n");	/* 9 */
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "kith.yaml:2:11: error: cadence_by_tag: expected a duration like "
	    "90d, 6w, 3m or 1y, not \"sometimes\"\n"
	    "kith.yaml:4:11: error: cadence_by_tag: expected a duration like "
	    "90d, 6w, 3m or 1y\n"
	    "kith.yaml:7:5: error: ignore: expected a folder glob\n"
	    "kith.yaml:8:5: error: ignore: expected a folder glob, not \"\"\n"
	    "kith.yaml:9:7: error: site: expected a folder inside the journal, "
	    "not \"/var/www\"\n");
	cfg = &c->j->cfg;
	assert_int_equal(cfg->nby_tag, 1);
	assert_string_equal(cfg->by_tag[0].tag, "recruiter");
	assert_duration(cfg->by_tag[0].cadence, 45, 'd');
	assert_int_equal(cfg->nignore, 1);
	assert_string_equal(cfg->ignore[0], "drafts");
	assert_string_equal(cfg->site, "_site");
}

static void
unreadable_config(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "horizon: 3\nhorizon: 4\n");
	tu_write(c, "note.md", "x\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "kith.yaml:2:1: error: duplicate key \"horizon\" (first at line "
	    "1)\n");
	assert_defaults(&c->j->cfg);
	assert_int_equal(c->j->nnotes, 1);

	tu_write(c, "kith.yaml", "- horizon: 3\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "kith.yaml:1:1: error: kith.yaml must be a mapping of keys to "
	    "values\n");
	assert_defaults(&c->j->cfg);
}

static void
config_with_bom_and_crlf(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "\xef\xbb\xbfhorizon: 5\r\nowner: Me\r\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	assert_int_equal(c->j->cfg.horizon, 5);
	assert_string_equal(c->j->cfg.owner, "Me");
}

/* kith.yaml is not a note: its keys never turn up as a note's. */
static void
config_is_not_a_note(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "owner: Me\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(c->j->nnotes, 0);
}

/* The settings of a vault: type_key:, types:, keys:, daily_notes:. */
static void
vault_settings(void **state)
{
	tu_ctx *c = *state;
	const config *cfg;

	tu_write(c, "kith.yaml",
	    "type_key: Kind Of Note\n"				/* 1 */
	    "types:\n"						/* 2 */
	    "  meeting: [\"folder: Logs/**\", {tag: call}]\n"	/* 3 */
	    "  person: \"tipo: [[Personas]]\"\n"		/* 4 */
	    "  frog: [\"tag: x\"]\n"				/* 5 */
	    "  company: [\"no rule here\"]\n"			/* 6 */
	    "keys:\n"						/* 7 */
	    "  date: [Comm_DateTime, sent]\n"			/* 8 */
	    "  person:\n"					/* 9 */
	    "    email: correo\n"				/* 10 */
	    "daily_notes: [\"Diary/*\"]\n");			/* 11 */
	tu_load(c, "2026-11-22");
	cfg = &c->j->cfg;
	assert_string_equal(cfg->type_key, "kindofnote");
	assert_int_equal(cfg->nrules, 3);
	assert_int_equal(cfg->rules[0].type, NOTE_MEETING);
	assert_int_equal(cfg->rules[0].what, RULE_FOLDER);
	assert_string_equal(cfg->rules[0].value, "Logs/**");
	assert_int_equal(cfg->rules[1].what, RULE_TAG);
	assert_string_equal(cfg->rules[1].value, "call");
	assert_int_equal(cfg->rules[2].type, NOTE_PERSON);
	assert_int_equal(cfg->rules[2].what, RULE_PROPERTY);
	assert_string_equal(cfg->rules[2].key, "tipo");
	assert_string_equal(cfg->rules[2].value, "personas");
	assert_int_equal(cfg->nkeys, 3);
	assert_string_equal(cfg->keys[1].norm, "sent");
	assert_string_equal(cfg->keys[1].key, "date");
	assert_int_equal(cfg->keys[2].types, KT(NOTE_PERSON));
	assert_int_equal(cfg->ndaily_notes, 1);
	tu_assert_str(tu_diags(c),
	    "kith.yaml:5:3: error: types: expected person, meeting, company "
	    "or goal, not \"frog\"\n"
	    "kith.yaml:6:13: error: types: expected a rule like \"folder: "
	    "People/**\", \"tag: person\" or \"categories: [[People]]\", not "
	    "\"no rule here\"\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(defaults),
		TU_TEST(empty_file_means_defaults),
		TU_TEST(every_key),
		TU_TEST(unknown_key_is_a_warning),
		TU_TEST(misspelt_key_gets_a_suggestion),
		TU_TEST(bad_values),
		TU_TEST(bad_entries_in_collections),
		TU_TEST(unreadable_config),
		TU_TEST(config_with_bom_and_crlf),
		TU_TEST(vault_settings),
		TU_TEST(config_is_not_a_note),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
