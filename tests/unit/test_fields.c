/*
 * test_fields.c: typing the front matter (fields.c; journal.md "Note types",
 * "person", "meeting", "company", "goal", "Values").
 */
#include "testutil.h"

/* Writes a note of front matter only. */
static void
assert_at(pos at, int line, int col)
{
	assert_int_equal(at.line, line);
	assert_int_equal(at.col, col);
}

static void
person_keys(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_fm(c, "people/Jane Doe.md",
	    "name: Jane Q. Doe\n"			/* 2 */
	    "aliases: [Jane, JD]\n"			/* 3 */
	    "company: \"[[Acme]]\"\n"			/* 4 */
	    "title: Staff Engineer\n"			/* 5 */
	    "email: jane@example.com\n"			/* 6 */
	    "phone:\n"					/* 7 */
	    "  - \"+1 555 0100\"\n"			/* 8 */
	    "  - \"+1 555 0101\"\n"			/* 9 */
	    "linkedin: https://linkedin.com/in/jane\n"	/* 10 */
	    "location: Chicago\n"			/* 11 */
	    "tags: [mentor, alumni]\n"			/* 12 */
	    "cadence: 6w\n"				/* 13 */
	    "last_contact: 2026-10-01\n"		/* 14 */
	    "met: 2024-05-05\n"				/* 15 */
	    "introduced_by: Bob Smith\n"		/* 16 */
	    "birthday: --05-17\n"			/* 17 */
	    "dates:\n"					/* 18 */
	    "  work anniversary: 2020-03-01\n"		/* 19 */
	    "snooze: 2026-12-01\n"			/* 20 */
	    "private: yes\n");				/* 21 */
	tu_fm(c, "people/Bob Smith.md", "company: Acme\n");
	tu_fm(c, "companies/Acme.md", "website: https://acme.example\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	n = tu_note(c, "people/Jane Doe.md");
	assert_int_equal(n->type, NOTE_PERSON);
	assert_false(n->skipped);
	assert_string_equal(n->name.s, "Jane Q. Doe");
	assert_at(n->name.at, 2, 7);
	assert_string_equal(n->display, "Jane Q. Doe");
	assert_int_equal(n->aliases.n, 2);
	assert_string_equal(n->aliases.v[0].s, "Jane");
	assert_string_equal(n->aliases.v[1].s, "JD");
	assert_at(n->aliases.v[1].at, 3, 17);
	assert_string_equal(n->company.name, "Acme");
	assert_at(n->company.at, 4, 10);
	assert_ptr_equal(n->company.to, tu_note(c, "companies/Acme.md"));
	assert_string_equal(n->job_title.s, "Staff Engineer");
	assert_null(n->title.s);
	assert_int_equal(n->email.n, 1);
	assert_string_equal(n->email.v[0].s, "jane@example.com");
	assert_int_equal(n->phone.n, 2);
	assert_string_equal(n->phone.v[1].s, "+1 555 0101");
	assert_at(n->phone.v[1].at, 9, 5);
	assert_int_equal(n->linkedin.n, 1);
	assert_int_equal(n->location.n, 1);
	assert_string_equal(n->location.v[0].s, "Chicago");
	assert_int_equal(n->tags.n, 2);
	assert_string_equal(n->tags.v[1].s, "alumni");
	assert_true(n->cadence.set);
	assert_int_equal(n->cadence.v.n, 6);
	assert_int_equal(n->cadence.v.unit, 'w');
	assert_at(n->cadence.at, 13, 10);
	assert_int_equal(n->last_contact.d, tu_date("2026-10-01"));
	assert_int_equal(n->met.d, tu_date("2024-05-05"));
	assert_at(n->met.at, 15, 6);
	assert_string_equal(n->introduced_by.name, "Bob Smith");
	assert_ptr_equal(n->introduced_by.to, tu_note(c, "people/Bob Smith.md"));
	assert_int_equal(n->yearly.n, 2);
	assert_string_equal(n->yearly.v[0].label, "birthday");
	assert_int_equal(n->yearly.v[0].year, 0);
	assert_int_equal(n->yearly.v[0].month, 5);
	assert_int_equal(n->yearly.v[0].day, 17);
	assert_at(n->yearly.v[0].at, 17, 11);
	assert_string_equal(n->yearly.v[1].label, "work anniversary");
	assert_int_equal(n->yearly.v[1].year, 2020);
	assert_int_equal(n->yearly.v[1].month, 3);
	assert_int_equal(n->yearly.v[1].day, 1);
	assert_at(n->yearly.v[1].at, 19, 21);
	assert_int_equal(n->snooze.d, tu_date("2026-12-01"));
	assert_true(n->private_note);
	assert_int_equal(n->nextras, 0);
	/* a person without name: is displayed by its file stem */
	assert_string_equal(tu_note(c, "people/Bob Smith.md")->display,
	    "Bob Smith");
	assert_false(tu_note(c, "people/Bob Smith.md")->private_note);
}

static void
meeting_keys(void **state)
{
	tu_ctx *c = *state;
	note *m;

	tu_fm(c, "meetings/2026-11-03 coffee.md",
	    "date: 2026-11-03 14:30\n"		/* 2 */
	    "with:\n"				/* 3 */
	    "  - \"[[Jane Doe]]\"\n"		/* 4 */
	    "  - Bob Smith\n"			/* 5 */
	    "kind: Coffee\n"			/* 6 */
	    "company: Acme\n"			/* 7 */
	    "title: Catch-up\n"			/* 8 */
	    "thanked: 2026-11-04\n"		/* 9 */
	    "next: 2026-12-01\n"		/* 10 */
	    "gave: [an intro to Sam]\n"		/* 11 */
	    "asked:\n"				/* 12 */
	    "  - a referral\n"			/* 13 */
	    "  - advice\n");			/* 14 */
	tu_fm(c, "people/Jane Doe.md", "name: Jane Doe\n");
	tu_fm(c, "people/Bob Smith.md", "name: Bob Smith\n");
	tu_fm(c, "companies/Acme.md", "name: Acme\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	m = tu_note(c, "meetings/2026-11-03 coffee.md");
	assert_int_equal(m->type, NOTE_MEETING);
	assert_false(m->skipped);
	assert_int_equal(m->date.d, tu_date("2026-11-03"));
	assert_int_equal(m->date.minutes, 14 * 60 + 30);
	assert_at(m->date.at, 2, 7);
	assert_int_equal(m->with.n, 2);
	assert_string_equal(m->with.v[0].name, "Jane Doe");
	assert_at(m->with.v[0].at, 4, 5);
	assert_ptr_equal(m->with.v[0].to, tu_note(c, "people/Jane Doe.md"));
	assert_string_equal(m->with.v[1].name, "Bob Smith");
	assert_ptr_equal(m->with.v[1].to, tu_note(c, "people/Bob Smith.md"));
	assert_string_equal(m->kind.s, "coffee");
	assert_string_equal(meeting_kind(m), "coffee");
	assert_string_equal(m->company.name, "Acme");
	assert_string_equal(m->title.s, "Catch-up");
	assert_string_equal(m->display, "Catch-up");
	assert_int_equal(m->thanked.v, THANKED_DATE);
	assert_int_equal(m->thanked.d, tu_date("2026-11-04"));
	assert_int_equal(m->next.v, NEXT_DATE);
	assert_int_equal(m->next.d, tu_date("2026-12-01"));
	assert_at(m->next.at, 10, 7);
	assert_int_equal(m->gave.n, 1);
	assert_string_equal(m->gave.v[0].s, "an intro to Sam");
	assert_int_equal(m->asked.n, 2);
	assert_string_equal(m->asked.v[1].s, "advice");
	assert_at(m->asked.at, 13, 3);
}

static void
meeting_date_forms(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "meetings/m-a.md", "date: 2026-11-03T09:05\nwith: A\n");
	tu_fm(c, "meetings/m-b.md", "date: 2026-11-03 09:05:30+01:00\nwith: A\n");
	tu_fm(c, "meetings/m-c.md", "date: 2026-11-03\nwith: A\n");
	tu_fm(c, "meetings/m-d.md", "date: \"2026-11-03 23:59\"\nwith: A\n");
	tu_fm(c, "people/A.md", "");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	assert_int_equal(tu_note(c, "meetings/m-a.md")->date.minutes, 545);
	assert_int_equal(tu_note(c, "meetings/m-b.md")->date.minutes, 545);
	assert_int_equal(tu_note(c, "meetings/m-c.md")->date.minutes, -1);
	assert_int_equal(tu_note(c, "meetings/m-d.md")->date.minutes, 1439);
	assert_int_equal(tu_note(c, "meetings/m-d.md")->date.d,
	    tu_date("2026-11-03"));
}

static void
thanked_and_next_values(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/A.md", "");
	tu_fm(c, "meetings/1.md", "date: 2026-11-03\nwith: A\nthanked: yes\n"
	    "next: none\n");
	tu_fm(c, "meetings/2.md", "date: 2026-11-03\nwith: A\nthanked: skip\n"
	    "next: NONE\n");
	tu_fm(c, "meetings/3.md", "date: 2026-11-03\nwith: A\nthanked: no\n");
	tu_fm(c, "meetings/4.md", "date: 2026-11-03\nwith: A\nthanked: True\n");
	tu_fm(c, "meetings/5.md", "date: 2026-11-03\nwith: A\nthanked: false\n");
	tu_fm(c, "meetings/6.md", "date: 2026-11-03\nwith: A\nthanked: SKIP\n");
	tu_fm(c, "meetings/7.md", "date: 2026-11-03\nwith: A\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	assert_int_equal(tu_note(c, "meetings/1.md")->thanked.v, THANKED_YES);
	assert_int_equal(tu_note(c, "meetings/1.md")->next.v, NEXT_NONE);
	assert_int_equal(tu_note(c, "meetings/2.md")->thanked.v, THANKED_SKIP);
	assert_int_equal(tu_note(c, "meetings/2.md")->next.v, NEXT_NONE);
	assert_int_equal(tu_note(c, "meetings/3.md")->thanked.v, THANKED_NO);
	assert_int_equal(tu_note(c, "meetings/3.md")->thanked.at.line, 4);
	assert_int_equal(tu_note(c, "meetings/4.md")->thanked.v, THANKED_YES);
	assert_int_equal(tu_note(c, "meetings/5.md")->thanked.v, THANKED_NO);
	assert_int_equal(tu_note(c, "meetings/6.md")->thanked.v, THANKED_SKIP);
	assert_int_equal(tu_note(c, "meetings/7.md")->thanked.v, THANKED_UNSET);
	assert_int_equal(tu_note(c, "meetings/7.md")->next.v, NEXT_UNSET);
	assert_string_equal(meeting_kind(tu_note(c, "meetings/7.md")),
	    "meeting");
}

static void
company_and_goal_keys(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_fm(c, "companies/acme.md",
	    "name: Acme Corp\n"
	    "aliases: Acme\n"
	    "tags: [fintech]\n"
	    "website: https://acme.example\n"
	    "target: yes\n"
	    "status: Applying\n"
	    "apply_by: 2026-12-15\n"
	    "email: jobs@acme.example\n"
	    "location: [Chicago, Remote]\n");
	tu_fm(c, "goals/q4.md",
	    "type: goal\n"
	    "title: Meet five managers\n"
	    "due: 2026-12-31\n"
	    "target: 5\n"
	    "counts: meetings with tag manager\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	n = tu_note(c, "companies/acme.md");
	assert_int_equal(n->type, NOTE_COMPANY);
	assert_string_equal(n->display, "Acme Corp");
	assert_int_equal(n->aliases.n, 1);
	assert_string_equal(n->aliases.v[0].s, "Acme");
	assert_string_equal(n->website.s, "https://acme.example");
	assert_true(n->target.set);
	assert_true(n->target.yes);
	assert_string_equal(n->status.s, "applying");
	assert_int_equal(n->apply_by.d, tu_date("2026-12-15"));
	assert_int_equal(n->email.n, 1);
	assert_int_equal(n->location.n, 2);
	assert_int_equal(n->nextras, 0);
	n = tu_note(c, "goals/q4.md");
	assert_int_equal(n->type, NOTE_GOAL);
	assert_string_equal(n->display, "Meet five managers");
	assert_int_equal(n->due.d, tu_date("2026-12-31"));
	assert_true(n->goal_target.set);
	assert_int_equal(n->goal_target.v, 5);
	assert_string_equal(n->counts.s, "meetings with tag manager");
	assert_int_equal(n->nextras, 0);
}

static void
note_types(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/friends/deep/a.md", "");
	tu_fm(c, "meetings/2026/b.md", "date: 2026-11-01\nwith: X\n");
	tu_fm(c, "companies/c.md", "");
	tu_fm(c, "notes/people/d.md", "");
	tu_fm(c, "People/e.md", "");
	tu_fm(c, "f.md", "type: Person\n");
	tu_fm(c, "people/g.md", "type: company\n");
	tu_fm(c, "people/h.md", "type: frog\n");
	tu_fm(c, "people/i.md", "type: [person]\n");
	tu_fm(c, "j.md", "type: note\n");
	tu_write(c, "people/k.md", "no front matter\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(tu_note(c, "people/friends/deep/a.md")->type,
	    NOTE_PERSON);
	assert_int_equal(tu_note(c, "meetings/2026/b.md")->type, NOTE_MEETING);
	assert_int_equal(tu_note(c, "companies/c.md")->type, NOTE_COMPANY);
	/* folders at any depth and in any case name a type */
	assert_int_equal(tu_note(c, "notes/people/d.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "People/e.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "f.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "people/g.md")->type, NOTE_COMPANY);
	/* an unknown type does not make the note plain */
	assert_int_equal(tu_note(c, "people/h.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "people/i.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "j.md")->type, NOTE_PLAIN);
	assert_int_equal(tu_note(c, "people/k.md")->type, NOTE_PERSON);
	tu_assert_str(tu_diags(c),
	    "meetings/2026/b.md:3:7: warning: with: no note for \"X\"\n");
}

/* A bad value drops that key only, with an error at the value. */
static void
bad_values_drop_one_key(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_fm(c, "people/Bad.md",
	    "name: Bad Value\n"				/* 2 */
	    "cadence: often\n"				/* 3 */
	    "last_contact: 2026-02-30\n"		/* 4 */
	    "met: last year\n"				/* 5 */
	    "snooze: [2026-01-01, 2026-02-01]\n"	/* 6 */
	    "private: maybe\n"				/* 7 */
	    "aliases: {a: b}\n"				/* 8 */
	    "dates: 2020-01-01\n"			/* 9 */
	    "tags: [ok, [nested, two]]\n"		/* 10 */
	    "birthday: 05-17\n"				/* 11 */
	    "company:\n"				/* 12: empty */
	    "title: Engineer\n");			/* 13 */
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "people/Bad.md:3:10: error: cadence: invalid duration \"often\" "
	    "(expected a number and d, w, m or y, like 90d or 3m, or never)\n"
	    "people/Bad.md:4:15: error: last_contact: invalid date "
	    "\"2026-02-30\"\n"
	    "people/Bad.md:5:6: error: met: invalid date \"last year\" "
	    "(expected YYYY-MM-DD)\n"
	    "people/Bad.md:6:9: error: snooze: expected a single value, not a "
	    "list\n"
	    "people/Bad.md:7:10: error: private: expected yes or no, not "
	    "\"maybe\"\n"
	    "people/Bad.md:8:10: error: aliases: expected a single value, not "
	    "a mapping\n"
	    "people/Bad.md:9:8: error: dates: expected a mapping of labels to "
	    "dates\n"
	    "people/Bad.md:10:12: error: tags: expected a single value, not a "
	    "list\n");
	n = tu_note(c, "people/Bad.md");
	assert_false(n->skipped);
	assert_string_equal(n->name.s, "Bad Value");
	assert_string_equal(n->job_title.s, "Engineer");
	assert_false(n->cadence.set);
	assert_int_equal(n->last_contact.d, KITH_NO_DATE);
	assert_int_equal(n->met.d, KITH_NO_DATE);
	assert_int_equal(n->snooze.d, KITH_NO_DATE);
	assert_false(n->private_flag.set);
	assert_false(n->private_note);
	assert_int_equal(n->aliases.n, 0);
	assert_int_equal(n->tags.n, 1);
	assert_string_equal(n->tags.v[0].s, "ok");
	assert_int_equal(n->yearly.n, 1);
	assert_int_equal(n->yearly.v[0].month, 5);
	assert_null(n->company.name);
	assert_int_equal(kith_journal_worst(c->j), KITH_ERROR);
	assert_int_equal(kith_journal_count(c->j, KITH_ERROR), 8);
}

static void
bad_values_other_types(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_fm(c, "people/A.md", "");
	tu_fm(c, "meetings/m.md",
	    "date: 2026-11-03\n"		/* 2 */
	    "with: [A, \"[[]]\"]\n"		/* 3 */
	    "kind: [a, b]\n"			/* 4 */
	    "thanked: maybe\n"			/* 5 */
	    "next: soon\n"			/* 6 */
	    "gave: {x: y}\n"			/* 7 */
	    "title: Kept\n");			/* 8 */
	tu_fm(c, "companies/C.md",
	    "target: sure\n"			/* 2 */
	    "apply_by: next week\n"		/* 3 */
	    "status: applied\n");		/* 4 */
	tu_fm(c, "goals/g.md",
	    "type: goal\n"			/* 2 */
	    "target: five\n"			/* 3 */
	    "due: 2026-13-01\n");		/* 4 */
	tu_fm(c, "people/B.md",
	    "dates:\n"				/* 2 */
	    "  wedding: 13-01\n"		/* 3 */
	    "  first job: [x]\n"		/* 4 */
	    "  moved: 2019-06-30\n");		/* 5 */
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "companies/C.md:2:9: error: target: expected yes or no, not "
	    "\"sure\"\n"
	    "companies/C.md:3:11: error: apply_by: invalid date \"next week\" "
	    "(expected YYYY-MM-DD)\n"
	    "goals/g.md:3:9: error: target: expected a whole number, not "
	    "\"five\"\n"
	    "goals/g.md:4:6: error: due: invalid date \"2026-13-01\"\n"
	    "meetings/m.md:3:11: error: with: empty reference \"[[]]\"\n"
	    "meetings/m.md:4:7: error: kind: expected a single value, not a "
	    "list\n"
	    "meetings/m.md:5:10: error: thanked: expected a date, yes, skip or "
	    "no, not \"maybe\"\n"
	    "meetings/m.md:6:7: error: next: expected a date or none, not "
	    "\"soon\"\n"
	    "meetings/m.md:7:7: error: gave: expected a single value, not a "
	    "mapping\n"
	    "people/B.md:3:12: error: dates: invalid date \"13-01\" (expected "
	    "YYYY-MM-DD, --MM-DD or MM-DD)\n"
	    "people/B.md:4:14: error: dates: expected a single value, not a "
	    "list\n");
	n = tu_note(c, "meetings/m.md");
	assert_false(n->skipped);
	assert_int_equal(n->with.n, 1);
	assert_null(n->kind.s);
	assert_int_equal(n->thanked.v, THANKED_UNSET);
	assert_int_equal(n->next.v, NEXT_UNSET);
	assert_int_equal(n->gave.n, 0);
	assert_string_equal(n->title.s, "Kept");
	n = tu_note(c, "companies/C.md");
	assert_false(n->target.set);
	assert_int_equal(n->apply_by.d, KITH_NO_DATE);
	assert_string_equal(n->status.s, "applied");
	n = tu_note(c, "people/B.md");
	assert_int_equal(n->yearly.n, 1);
	assert_string_equal(n->yearly.v[0].label, "moved");
	assert_int_equal(n->yearly.v[0].year, 2019);
}

/* cli.md: "people/jane doe.md:7:11: error: birthday: invalid date
 * "1985-02-30"" -- the message of the spec, as last_contact: and met: give
 * it for a date-shaped value. */
static void
bad_birthday_message(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/jane doe.md",
	    "name: Jane Doe\n"
	    "email: jane@example.com\n"
	    "company: Acme\n"
	    "title: CTO\n"
	    "tags: [mentor]\n"
	    "birthday: 1985-02-30\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "people/jane doe.md:7:11: error: birthday: invalid date "
	    "\"1985-02-30\"\n");
}

static void
meeting_without_date_or_with(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/Jane.md", "");
	tu_fm(c, "meetings/a.md", "with: [Jane]\n");
	tu_fm(c, "meetings/b.md", "date: 2026-11-01\n");
	tu_fm(c, "meetings/c.md", "date: 2026-02-30\nwith: Jane\n");
	tu_fm(c, "meetings/d.md", "date: 2026-11-01\nwith: []\n");
	tu_fm(c, "meetings/e.md", "date:\nwith: Jane\n");
	tu_fm(c, "meetings/f.md", "date: 2026-11-01 25:00\nwith: Jane\n");
	tu_fm(c, "meetings/g.md", "date: 2026-11-01\nwith: [\"[[]]\"]\n");
	tu_fm(c, "meetings/ok.md", "date: 2026-11-01\nwith: Jane\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/a.md:1:1: error: meeting has no date: skipped\n"
	    "meetings/b.md:1:1: error: meeting has no with: (who was there): "
	    "skipped\n"
	    "meetings/c.md:2:7: error: date: invalid date \"2026-02-30\"; the "
	    "meeting is skipped\n"
	    "meetings/d.md:3:7: error: with: names nobody; the meeting is "
	    "skipped\n"
	    "meetings/e.md:2:1: error: date: is empty; the meeting is "
	    "skipped\n"
	    "meetings/f.md:2:7: error: date: invalid time in \"2026-11-01 "
	    "25:00\" (expected YYYY-MM-DD HH:MM); the meeting is skipped\n"
	    "meetings/g.md:3:8: error: with: empty reference \"[[]]\"\n");
	assert_true(tu_note(c, "meetings/a.md")->skipped);
	assert_true(tu_note(c, "meetings/b.md")->skipped);
	assert_true(tu_note(c, "meetings/c.md")->skipped);
	assert_true(tu_note(c, "meetings/d.md")->skipped);
	assert_true(tu_note(c, "meetings/e.md")->skipped);
	assert_true(tu_note(c, "meetings/f.md")->skipped);
	assert_true(tu_note(c, "meetings/g.md")->skipped);
	assert_false(tu_note(c, "meetings/ok.md")->skipped);
	assert_int_equal(tu_note(c, "people/Jane.md")->nmeetings, 1);
}

static void
skipped_meetings_count_for_nothing(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/Jane.md", "");
	tu_fm(c, "meetings/a.md", "date: 2026-02-30\nwith: Jane\n");
	tu_fm(c, "meetings/b.md", "date: 2026-11-20\nwith: []\n");
	tu_load(c, "2026-11-22");
	assert_true(tu_note(c, "meetings/a.md")->skipped);
	assert_true(tu_note(c, "meetings/b.md")->skipped);
	assert_int_equal(tu_note(c, "people/Jane.md")->nmeetings, 0);
	assert_int_equal(tu_day(c, tu_note(c, "people/Jane.md")).last,
	    KITH_NO_DATE);
	tu_due(c);
	tu_assert_str(tu_items(c), "");
}

/* journal.md: a meeting without a valid date is skipped, with an error;
 * a meetings/ note without front matter has no date at all. */
static void
meeting_without_front_matter(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "meetings/notes only.md", "# Coffee\n\n- [ ] follow up\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/notes only.md:1:1: error: meeting has no date: "
	    "skipped\n");
	assert_true(tu_note(c, "meetings/notes only.md")->skipped);
}

static void
unknown_keys_kept(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_fm(c, "people/A.md",
	    "name: A\n"
	    "mood: happy\n"
	    "website: https://a.example\n"
	    "favourite books: [Dune, Emma]\n");
	tu_fm(c, "notes/n.md", "project: kith\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	n = tu_note(c, "people/A.md");
	assert_int_equal(n->nextras, 3);
	assert_string_equal(n->extras[0].key, "mood");
	assert_int_equal(n->extras[0].value->kind, Y_SCALAR);
	assert_string_equal(n->extras[0].value->str, "happy");
	assert_at(n->extras[0].at, 3, 1);
	assert_string_equal(n->extras[1].key, "website");
	assert_string_equal(n->extras[2].key, "favourite books");
	assert_int_equal(n->extras[2].value->kind, Y_SEQ);
	assert_int_equal(n->extras[2].value->n, 2);
	assert_int_equal(tu_note(c, "notes/n.md")->nextras, 1);

	tu_load_opts(c, "2026-11-22", 1);
	tu_assert_str(tu_diags(c),
	    "notes/n.md:2:1: warning: unknown key \"project\" for a plain "
	    "note\n"
	    "people/A.md:3:1: warning: unknown key \"mood\" for a person "
	    "note\n"
	    "people/A.md:4:1: warning: unknown key \"website\" for a person "
	    "note\n"
	    "people/A.md:5:1: warning: unknown key \"favourite books\" for a "
	    "person note\n");
	assert_int_equal(tu_note(c, "people/A.md")->nextras, 3);
	assert_int_equal(kith_journal_worst(c->j), KITH_WARNING);
}

/* An unquoted [[Name]] is YAML for a list in a list: taken as the name. */
static void
unquoted_wiki_links(void **state)
{
	tu_ctx *c = *state;
	note *m, *p;

	tu_fm(c, "people/Jane Doe.md", "company: [[Acme]]\n"
	    "introduced_by: [[Bob Smith]]\naliases: [[JD]]\n");
	tu_fm(c, "people/Bob Smith.md", "");
	tu_fm(c, "companies/Acme.md", "");
	tu_fm(c, "meetings/one.md", "date: 2026-11-01\nwith: [[Jane Doe]]\n");
	tu_fm(c, "meetings/two.md",
	    "date: 2026-11-02\n"
	    "with:\n"
	    "  - [[Jane Doe]]\n"
	    "  - [[Bob Smith|Bob]]\n"
	    "  - \"[[JD#notes]]\"\n"
	    "company: [[Acme]]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	p = tu_note(c, "people/Jane Doe.md");
	assert_string_equal(p->company.name, "Acme");
	assert_ptr_equal(p->company.to, tu_note(c, "companies/Acme.md"));
	assert_string_equal(p->introduced_by.name, "Bob Smith");
	assert_int_equal(p->aliases.n, 1);
	assert_string_equal(p->aliases.v[0].s, "JD");
	m = tu_note(c, "meetings/one.md");
	assert_false(m->skipped);
	assert_int_equal(m->with.n, 1);
	assert_string_equal(m->with.v[0].name, "Jane Doe");
	assert_at(m->with.v[0].at, 3, 9);
	assert_ptr_equal(m->with.v[0].to, p);
	m = tu_note(c, "meetings/two.md");
	assert_int_equal(m->with.n, 3);
	assert_string_equal(m->with.v[0].name, "Jane Doe");
	assert_string_equal(m->with.v[1].name, "Bob Smith");
	assert_string_equal(m->with.v[2].name, "JD");
	assert_ptr_equal(m->with.v[2].to, p);
	assert_ptr_equal(m->company.to, tu_note(c, "companies/Acme.md"));
	assert_int_equal(p->nmeetings, 2);
}

static void
display_names(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/p1.md", "name: Named Person\n");
	tu_write(c, "people/p2.md", "# A heading is not a person's name\n");
	tu_write(c, "meetings/m1.md",
	    "---\ndate: 2026-11-01\nwith: p1\n---\n# Lunch *at* noon\n");
	tu_fm(c, "meetings/m2.md", "date: 2026-11-01\nwith: p1\ntitle: Titled\n");
	tu_fm(c, "meetings/m3.md", "date: 2026-11-01\nwith: p1\n");
	tu_fm(c, "n1.md", "title: A title\n");
	tu_fm(c, "n2.md", "name: A name\ntitle: A title\n");
	tu_write(c, "n3.md", "# Heading\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	assert_string_equal(tu_note(c, "people/p1.md")->display,
	    "Named Person");
	assert_string_equal(tu_note(c, "people/p2.md")->display, "p2");
	assert_string_equal(tu_note(c, "meetings/m1.md")->display,
	    "Lunch at noon");
	assert_string_equal(tu_note(c, "meetings/m2.md")->display, "Titled");
	assert_string_equal(tu_note(c, "meetings/m3.md")->display, "m3");
	assert_string_equal(tu_note(c, "n1.md")->display, "A title");
	assert_string_equal(tu_note(c, "n2.md")->display, "A name");
	assert_string_equal(tu_note(c, "n3.md")->display, "n3");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(person_keys),
		TU_TEST(meeting_keys),
		TU_TEST(meeting_date_forms),
		TU_TEST(thanked_and_next_values),
		TU_TEST(company_and_goal_keys),
		TU_TEST(note_types),
		TU_TEST(bad_values_drop_one_key),
		TU_TEST(bad_values_other_types),
		TU_TEST(meeting_without_date_or_with),
		TU_TEST(skipped_meetings_count_for_nothing),
		TU_TEST(unknown_keys_kept),
		TU_TEST(unquoted_wiki_links),
		TU_TEST(display_names),
		TU_TEST(bad_birthday_message),
		TU_TEST(meeting_without_front_matter),
	};

	return cmocka_run_group_tests_name("fields", tests, NULL, NULL);
}
