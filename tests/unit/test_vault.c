/*
 * test_vault.c: notes as Obsidian and Logseq vaults keep them (keys.c,
 * classify.c, inline.c, body.c's rosters and #tags; journal.md "Using an
 * existing Obsidian or Logseq vault"): keys in any spelling and their
 * synonyms, keys: and types: of kith.yaml, the order of recognition,
 * inline fields, page properties, Participants lists, daily notes.
 */
#include "testutil.h"

static const char *
ref(const f_ref *r)
{
	return r->name != NULL ? r->name : "(none)";
}

/* The compared form of a key: letters and digits, ASCII folded. */
static void
key_forms(void **state)
{
	char norm[KEY_NORM_MAX];
	tu_ctx *c = *state;
	int rank = -1;

	assert_int_equal(key_norm("Date & Time", norm), 8);
	assert_string_equal(norm, "datetime");
	key_norm("E-mail", norm);
	assert_string_equal(norm, "email");
	key_norm("meeting_date", norm);
	assert_string_equal(norm, "meetingdate");
	assert_int_equal(key_norm("--", norm), 0);
	tu_bare(c, "2026-11-22");
	assert_string_equal(key_lookup(c->j, NOTE_MEETING, "Attendees", &rank),
	    "with");
	assert_true(rank > 1);
	assert_string_equal(key_lookup(c->j, NOTE_MEETING, "WITH", &rank),
	    "with");
	assert_int_equal(rank, 0);
	assert_string_equal(key_lookup(c->j, NOTE_PERSON, "Org", &rank),
	    "company");
	assert_string_equal(key_lookup(c->j, NOTE_PERSON, "Last Contact",
	    &rank), "last_contact");
	assert_string_equal(key_lookup(c->j, NOTE_COMPANY, "Company", &rank),
	    "name");
	assert_null(key_lookup(c->j, NOTE_PERSON, "attendees", &rank));
	assert_null(key_lookup(c->j, NOTE_PERSON, "Person Tags", &rank));
}

/* Keys in any case and the built-in synonyms; kith's own spelling wins,
 * and a later synonym with a time on the same day gives the time. */
static void
keys_in_any_spelling(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_fm(c, "People/Ann Lee.md",
	    "Name: Ann Lee\n"
	    "Company: \"[[Acme]]\"\n"
	    "Position: CTO\n"
	    "E-mail: ann@acme.example\n"
	    "Phone Number: \"555\"\n"
	    "Person Tags: friend\n");
	tu_fm(c, "Meetings/m1.md",
	    "Name: \"Meeting - 2026-11-01 1830 \"\n"
	    "Date: \"2026-11-01\"\n"
	    "Date & Time: \"2026-11-01 18:30\"\n"
	    "Attendees: [\"[[Ann Lee]]\"]\n");
	tu_fm(c, "Meetings/m2.md",
	    "meeting_date: 2026-11-02\n"
	    "date: 2026-11-03\n"
	    "participants: [Ann Lee]\n"
	    "org: Acme\n");
	tu_fm(c, "Meetings/m3.md",
	    "date: 2026-11-04\n"
	    "from: Ann Lee\n"
	    "to: [Bo Chen]\n"
	    "cc: [Cy Diaz]\n");
	tu_fm(c, "Companies/Acme.md", "Company: Acme Inc\nURL: acme.example\n");
	tu_load(c, "2026-11-22");
	n = tu_note(c, "People/Ann Lee.md");
	assert_int_equal(n->type, NOTE_PERSON);
	assert_string_equal(n->name.s, "Ann Lee");
	assert_string_equal(ref(&n->company), "Acme");
	assert_string_equal(n->job_title.s, "CTO");
	assert_string_equal(n->email.v[0].s, "ann@acme.example");
	assert_string_equal(n->phone.v[0].s, "555");
	assert_int_equal(n->nextras, 1);
	assert_string_equal(n->extras[0].key, "Person Tags");
	n = tu_note(c, "Meetings/m1.md");
	assert_int_equal(n->type, NOTE_MEETING);
	assert_false(n->skipped);
	assert_int_equal(n->date.d, tu_date("2026-11-01"));
	assert_int_equal(n->date.minutes, 18 * 60 + 30);
	assert_int_equal(n->with.n, 1);
	assert_string_equal(ref(&n->with.v[0]), "Ann Lee");
	n = tu_note(c, "Meetings/m2.md");
	assert_int_equal(n->date.d, tu_date("2026-11-03"));
	assert_string_equal(ref(&n->company), "Acme");
	n = tu_note(c, "Meetings/m3.md");
	assert_int_equal(n->with.n, 3);
	assert_string_equal(ref(&n->with.v[2]), "Cy Diaz");
	n = tu_note(c, "Companies/Acme.md");
	assert_string_equal(n->name.s, "Acme Inc");
	assert_string_equal(n->website.s, "acme.example");
	tu_assert_str(tu_diags(c),
	    "Meetings/m3.md:4:6: warning: with: no note for \"Bo Chen\"\n"
	    "Meetings/m3.md:5:6: warning: with: no note for \"Cy Diaz\"\n");
}

/* keys: in kith.yaml: for every type, or under one. */
static void
keys_from_config(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "kith.yaml",
	    "keys:\n"
	    "  date: [Comm_DateTime]\n"
	    "  meeting:\n"
	    "    with: [correspondents]\n"
	    "  tags: [etiqueta]\n"
	    "  frog: [x]\n");
	tu_write(c, "pages/Eva.md", "etiqueta:: [[contact]], #UAM\n");
	tu_fm(c, "meetings/log.md",
	    "Comm_DateTime: 2026-11-05\n"
	    "Correspondents: [Ann]\n");
	tu_fm(c, "people/Ann.md", "correspondents: nobody\n");
	tu_load(c, "2026-11-22");
	n = tu_note(c, "meetings/log.md");
	assert_int_equal(n->type, NOTE_MEETING);
	assert_int_equal(n->date.d, tu_date("2026-11-05"));
	assert_int_equal(n->with.n, 1);
	assert_int_equal(tu_note(c, "people/Ann.md")->nextras, 1);
	/* a tag under another name types the note; a link is its page */
	n = tu_note(c, "pages/Eva.md");
	assert_int_equal(n->type, NOTE_PERSON);
	assert_int_equal(n->how, HOW_TAG);
	assert_int_equal(n->tags.n, 2);
	assert_string_equal(n->tags.v[0].s, "contact");
	tu_assert_str(tu_diags(c),
	    "kith.yaml:6:3: error: keys: expected one of kith's keys (with, "
	    "date, company, ...), not \"frog\"\n");
}

/* The first that names a type wins: the type key, types: rules,
 * categories, a daily note, the nearest folder, a tag word. */
static void
recognition_order(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml",
	    "type_key: kind of note\n"
	    "types:\n"
	    "  meeting: [\"folder: Logs/**\"]\n"
	    "  person: [\"tipo: [[Personas]]\", \"tag: colleague\"]\n");
	tu_fm(c, "CRM/Contacts/a.md", "type: crm-deal\n");
	tu_fm(c, "CRM/Contacts/b.md", "Kind of Note: crm-company\n");
	tu_fm(c, "Logs/c.md", "date: 2026-11-01\nwith: a\n");
	tu_fm(c, "d.md", "tipo: \"[[Personas]]\"\n");
	tu_fm(c, "e.md", "categories: [\"[[Companies]]\", \"[[Apps]]\"]\n");
	tu_fm(c, "f.md", "category: \"[[People]]\"\n");
	tu_fm(c, "Companies/Acme/People/g.md", "");
	tu_fm(c, "10 Work/20-People/h.md", "");
	tu_fm(c, "i.md", "tags: [contacts/recruiter]\n");
	tu_write(c, "j.md", "A recruiter. #person\n");
	tu_fm(c, "k.md", "tags: [call, colleague]\n");
	tu_fm(c, "l.md", "tags: [person, company]\n");
	tu_fm(c, "m.md", "type: \"Meeting Notes\"\ndate: 2026-11-01\nwith: a\n");
	tu_fm(c, "Deals/n.md", "type: []\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(tu_note(c, "CRM/Contacts/a.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "CRM/Contacts/a.md")->how, HOW_FOLDER);
	assert_string_equal(tu_note(c, "CRM/Contacts/a.md")->how_what,
	    "Contacts/");
	assert_int_equal(tu_note(c, "CRM/Contacts/b.md")->type, NOTE_COMPANY);
	assert_int_equal(tu_note(c, "CRM/Contacts/b.md")->how, HOW_TYPE);
	assert_int_equal(tu_note(c, "Logs/c.md")->type, NOTE_MEETING);
	assert_int_equal(tu_note(c, "Logs/c.md")->how, HOW_RULE);
	assert_int_equal(tu_note(c, "d.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "e.md")->type, NOTE_COMPANY);
	assert_int_equal(tu_note(c, "e.md")->how, HOW_CATEGORY);
	assert_int_equal(tu_note(c, "f.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "Companies/Acme/People/g.md")->type,
	    NOTE_PERSON);
	assert_int_equal(tu_note(c, "10 Work/20-People/h.md")->type,
	    NOTE_PERSON);
	assert_int_equal(tu_note(c, "i.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "i.md")->how, HOW_TAG);
	assert_int_equal(tu_note(c, "j.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "k.md")->type, NOTE_PERSON);
	assert_int_equal(tu_note(c, "k.md")->how, HOW_RULE);
	/* the first tag that names a type */
	assert_int_equal(tu_note(c, "l.md")->type, NOTE_PERSON);
	/* type_key renamed: type: is a key like others */
	assert_int_equal(tu_note(c, "m.md")->type, NOTE_PLAIN);
	assert_int_equal(tu_note(c, "Deals/n.md")->type, NOTE_PLAIN);
	tu_assert_str(tu_diags(c), "");
}

/* Type words inside longer values; kinds give the meeting's kind. */
static void
type_words(void **state)
{
	const char *kind;

	(void)state;
	assert_int_equal(type_of_words("crm-contact", 1, &kind), NOTE_PERSON);
	assert_int_equal(type_of_words("Meeting Notes", 1, &kind),
	    NOTE_MEETING);
	assert_int_equal(type_of_words("[[Job Interviews]]", 1, &kind),
	    NOTE_MEETING);
	assert_string_equal(kind, "interview");
	assert_int_equal(type_of_words("#inquirer/person", 0, &kind),
	    NOTE_PERSON);
	assert_int_equal(type_of_words("crm-deal", 1, &kind), -1);
	assert_int_equal(type_of_words("[[Authors]]", 1, &kind), -1);
	assert_int_equal(type_of_words("call", 0, &kind), -1);
	assert_int_equal(type_of_words("person-company", 1, &kind), -1);
	assert_int_equal(folder_kind("37-People", 9), NOTE_PERSON);
	assert_int_equal(folder_kind("30 Companies", 12), NOTE_COMPANY);
	assert_int_equal(folder_kind("\xf0\x9f\x91\xa5 Contacts", 13),
	    NOTE_PERSON);
	assert_true(folder_kind("Family", 6) < 0);
	assert_true(folder_is_templates("20 Templates"));
	assert_false(folder_is_templates("Templates for talks"));
}

/* An unknown type: quiet, a warning close to a kith type or with
 * --strict, and the folder still types the note. */
static void
unknown_type_warnings(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "People/a.md", "type: \"[[Authors]]\"\n");
	tu_fm(c, "People/b.md", "type: persn\n");
	tu_fm(c, "c.md", "type: []\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(tu_note(c, "People/a.md")->type, NOTE_PERSON);
	tu_assert_str(tu_diags(c),
	    "People/b.md:2:7: warning: type: unknown note type \"persn\"; did "
	    "you mean \"person\"? (the note is a person by folder People/)\n");
	tu_load_opts(c, "2026-11-22", 1);
	tu_assert_str(tu_diags(c),
	    "People/a.md:2:7: warning: type: unknown note type \"[[Authors]]\" "
	    "(the note is a person by folder People/)\n"
	    "People/b.md:2:7: warning: type: unknown note type \"persn\"; did "
	    "you mean \"person\"? (the note is a person by folder People/)\n"
	    "c.md:2:7: warning: type: is empty (the note is plain)\n");
}

/* Dataview inline fields are properties; the front matter wins. */
static void
inline_fields_are_properties(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "a.md",
	    "---\ncompany: Front\n---\n"
	    "type:: [[Person]]\n"
	    "Company:: Body\n"
	    "- Role:: Recruiter\n"
	    "Met at the fair [email:: a@b.example] last year.\n"
	    "```\n"
	    "phone:: 123\n"
	    "```\n");
	tu_write(c, "b.md",
	    "type:: meeting\n"
	    "date:: 2026-11-01\n"
	    "attendees:: [[a]], Paulina Kowalczyk\n");
	tu_load(c, "2026-11-22");
	n = tu_note(c, "a.md");
	assert_int_equal(n->type, NOTE_PERSON);
	assert_string_equal(ref(&n->company), "Front");
	assert_string_equal(n->job_title.s, "Recruiter");
	assert_string_equal(n->email.v[0].s, "a@b.example");
	assert_int_equal(n->phone.n, 0);
	n = tu_note(c, "b.md");
	assert_int_equal(n->type, NOTE_MEETING);
	assert_int_equal(n->with.n, 2);
	assert_string_equal(ref(&n->with.v[1]), "Paulina Kowalczyk");
}

/* In a Logseq graph only the properties a page starts with are its. */
static void
logseq_page_properties(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "logseq/config.edn", "{}\n");
	tu_write(c, "pages/Wren.md",
	    "type:: [[Person]]\n"
	    "alias:: Wren T, WT\n"
	    "tags:: mentor, platform\n"
	    "\n"
	    "- Met at the reading group.\n"
	    "  company:: Not this one\n");
	tu_write(c, "pages/Templates.md",
	    "- ## Person\n"
	    "  template:: Person\n"
	    "\t- type:: [[Person]]\n");
	tu_load(c, "2026-11-22");
	n = tu_note(c, "pages/Wren.md");
	assert_int_equal(n->type, NOTE_PERSON);
	assert_int_equal(n->aliases.n, 2);
	assert_string_equal(n->aliases.v[1].s, "WT");
	assert_int_equal(n->tags.n, 2);
	assert_null(n->company.name);
	assert_int_equal(tu_note(c, "pages/Templates.md")->type, NOTE_PLAIN);
}

/* The links listed under a Participants or Attendees heading are a
 * meeting's with: when its front matter names no one. */
static void
participants_heading(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "Meetings/a.md",
	    "---\nDate: 2026-11-03\nattendees:\n---\n"
	    "## 👥 Participants\n"
	    "- [[Ann Lee]]\n"
	    "- [[Bo Chen]] (set it up)\n"
	    "- Dana from the meetup\n"
	    "  - [[Nested Name]]\n"
	    "\n"
	    "## Notes\n"
	    "- [[Not There]]\n");
	tu_write(c, "Meetings/b.md",
	    "---\nDate: 2026-11-04\n---\n"
	    "## Participants\n\n"
	    "## Content\nNobody's name.\n");
	tu_write(c, "c.md", "## Attendees\n- [[Ann Lee]]\n");
	tu_load(c, "2026-11-22");
	n = tu_note(c, "Meetings/a.md");
	assert_int_equal(n->type, NOTE_MEETING);
	assert_int_equal(n->with.n, 2);
	assert_string_equal(ref(&n->with.v[0]), "Ann Lee");
	assert_string_equal(ref(&n->with.v[1]), "Bo Chen");
	/* names no one: a plain note, counted, no error */
	n = tu_note(c, "Meetings/b.md");
	assert_int_equal(n->type, NOTE_PLAIN);
	assert_true(n->unnamed_meeting);
	assert_int_equal(tu_note(c, "c.md")->type, NOTE_PLAIN);
	assert_int_equal(tu_note(c, "c.md")->with.n, 0);
}

/* #tags in the body are tags: they type a note and count for cadences. */
static void
body_tags(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "a.md",
	    "---\ntags: [friend]\n---\n"
	    "Met at #meetup-2026 (#Friend) and #contacts/recruiter.\n"
	    "Not tags: #1984, a#b, `#code`, [[x#heading]], # heading\n");
	tu_load(c, "2026-11-22");
	n = tu_note(c, "a.md");
	assert_int_equal(n->type, NOTE_PERSON);
	assert_int_equal(n->tags.n, 3);
	assert_string_equal(n->tags.v[0].s, "friend");
	assert_string_equal(n->tags.v[1].s, "meetup-2026");
	assert_string_equal(n->tags.v[2].s, "contacts/recruiter");
}

/* A note named by a date in a daily folder is a daily note: plain, its
 * day kept. */
static void
daily_notes(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "daily_notes: [\"Diary/*\"]\n");
	tu_write(c, "Daily/2026-11-03.md", "Lunch with [[Ann]] #meeting\n");
	tu_write(c, "journals/2026_11_04.md", "- [[Ann]]\n");
	tu_write(c, "Diary/2026.11.05.md", "[[Ann]]\n");
	tu_write(c, "Daily/Daily.md", "index\n");
	tu_write(c, "Notes/2026-11-06.md", "[[Ann]]\n");
	tu_write(c, "people/Ann.md", "x\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(tu_note(c, "Daily/2026-11-03.md")->daily,
	    tu_date("2026-11-03"));
	assert_int_equal(tu_note(c, "Daily/2026-11-03.md")->type, NOTE_PLAIN);
	assert_int_equal(tu_note(c, "journals/2026_11_04.md")->daily,
	    tu_date("2026-11-04"));
	assert_int_equal(tu_note(c, "Diary/2026.11.05.md")->daily,
	    tu_date("2026-11-05"));
	assert_int_equal(tu_note(c, "Daily/Daily.md")->daily, KITH_NO_DATE);
	assert_int_equal(tu_note(c, "Notes/2026-11-06.md")->daily,
	    KITH_NO_DATE);
}

/* Embeds are links (a file that is not a note is none); [[Note.md]],
 * [[folder/Note]] from the note's folder and Logseq namespaces resolve;
 * a link in another property is a quiet mention; a link to a day with
 * no note is nobody. */
static void
links_as_vaults_write_them(void **state)
{
	tu_ctx *c = *state;
	note *n;
	size_t i;

	tu_write(c, "logseq/config.edn", "{}\n");
	tu_write(c, "pages/people___Jane Roe.md", "company:: Acme\n");
	tu_write(c, "pages/sub/Bo.md", "b\n");
	tu_write(c, "pages/x.md",
	    "---\ndeal: \"[[Big Deal]]\"\ndaily: \"[[2026-11-05]]\"\n---\n"
	    "![[Bo]] and ![[Bo.png]] and ![[View.base#Person]]\n"
	    "`![[Not a link]]`\n"
	    "[[Bo.md]], [[sub/Bo]], [[people/Jane Roe]], [[Nov 5th, 2026]]\n");
	tu_load(c, "2026-11-22");
	n = tu_note(c, "pages/people___Jane Roe.md");
	assert_int_equal(n->type, NOTE_PERSON);
	assert_string_equal(n->display, "Jane Roe");
	n = tu_note(c, "pages/x.md");
	/* the body's links, its embeds, then the properties' */
	assert_int_equal(n->nmentions, 7);
	assert_int_equal(n->body_mentions, 5);
	for (i = 0; i < 5; i += i == 1 ? 3 : 1)
		assert_string_equal(n->mentions[i].ref.to->path, "pages/sub/Bo.md");
	assert_string_equal(n->mentions[2].ref.to->path,
	    "pages/people___Jane Roe.md");
	assert_null(n->mentions[3].ref.to);	/* the day */
	assert_string_equal(n->mentions[5].ref.name, "Big Deal");
	assert_int_equal(n->mentions[5].ref.to->type, NOTE_UNRESOLVED);
	assert_null(n->mentions[6].ref.to);
	tu_assert_str(tu_diags(c), "");
}

/* A person's e-mail address is a name of theirs; two people sharing one
 * is no alias warning, even with --strict. */
static void
email_addresses_name_people(void **state)
{
	tu_ctx *c = *state;
	note *m;

	tu_fm(c, "Contacts/Hana Sato.md", "email: hana@corvid.example\n");
	tu_fm(c, "Contacts/Ann.md", "email: team@corvid.example\n");
	tu_fm(c, "Contacts/Bo.md", "email: team@corvid.example\n");
	tu_fm(c, "Inbox/mail.md",
	    "type: email\ndate: 2026-11-19 15:40:00\n"
	    "from: \"[[hana@corvid.example]]\"\n");
	tu_fm(c, "Inbox/digest.md",
	    "type: email\ndate: 2026-11-17\nfrom: noreply@corvid.example\n");
	tu_load_opts(c, "2026-11-22", 1);
	m = tu_note(c, "Inbox/mail.md");
	assert_int_equal(m->type, NOTE_MEETING);
	assert_string_equal(m->kind.s, "email");
	assert_string_equal(m->with.v[0].to->path, "Contacts/Hana Sato.md");
	assert_int_equal(m->date.minutes, 15 * 60 + 40);
	/* an address no one holds is no one */
	m = tu_note(c, "Inbox/digest.md");
	assert_true(m->with.v[0].to->used_as_address);
	assert_false(note_is_person(m->with.v[0].to));
	tu_assert_str(tu_diags(c),
	    "Inbox/digest.md:4:7: warning: with: no person has the address "
	    "\"noreply@corvid.example\" in email: (not a person)\n");
}

/* A daily note that links a person is their last contact from the next
 * day on: a check-in waits, and no thank-you is asked for it. */
static void
daily_note_is_a_contact(void **state)
{
	tu_ctx *c = *state;
	person_day d;
	note *p;
	size_t i;

	tu_fm(c, "People/Ann.md", "cadence: 30d\n");
	tu_fm(c, "Meetings/m.md", "date: 2026-09-01\nwith: Ann\nkind: coffee\n");
	tu_write(c, "Daily/2026-11-10.md", "Lunch with [[Ann]].\n");
	tu_write(c, "Daily/2026-11-20.md", "Coffee with [[Ann]] again.\n");
	tu_load(c, "2026-11-22");
	p = tu_note(c, "People/Ann.md");
	person_day_of(c->j, p, tu_date("2026-11-22"), &d);
	assert_int_equal(d.last, tu_date("2026-11-20"));
	person_day_of(c->j, p, tu_date("2026-11-15"), &d);
	assert_int_equal(d.last, tu_date("2026-11-10"));
	person_day_of(c->j, p, tu_date("2026-11-05"), &d);
	assert_int_equal(d.last, tu_date("2026-09-01"));
	/* no check-in (30 days from 2026-11-20), no thank-you for a day */
	tu_due(c);
	for (i = 0; i < kith_due_count(c->due); i++) {
		assert_int_not_equal(kith_due_item(c->due, i)->kind,
		    KITH_KIND_CHECK_IN);
		assert_int_not_equal(kith_due_item(c->due, i)->kind,
		    KITH_KIND_THANK_YOU);
	}
	/* before the daily notes, the check-in was due */
	tu_load(c, "2026-11-08");
	tu_due(c);
	for (i = 0; i < kith_due_count(c->due) &&
	    kith_due_item(c->due, i)->kind != KITH_KIND_CHECK_IN; i++)
		;
	assert_true(i < kith_due_count(c->due));
}

/* A value a template left unfilled: one warning, the value ignored, the
 * note kept. */
static void
unfilled_template_values(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_fm(c, "People/Iris.md",
	    "created: <% tp.file.creation_date() %>\n"
	    "met: \"{{date}}\"\n"
	    "company: Pinecrest\n");
	tu_load(c, "2026-11-22");
	n = tu_note(c, "People/Iris.md");
	assert_int_equal(n->type, NOTE_PERSON);
	assert_int_equal(n->met.d, KITH_NO_DATE);
	assert_string_equal(n->company.name, "Pinecrest");
	tu_assert_str(tu_diags(c),
	    "People/Iris.md:2:10: warning: created: holds an unfilled template "
	    "value; the value is ignored\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(key_forms),
		TU_TEST(keys_in_any_spelling),
		TU_TEST(keys_from_config),
		TU_TEST(recognition_order),
		cmocka_unit_test(type_words),
		TU_TEST(unknown_type_warnings),
		TU_TEST(inline_fields_are_properties),
		TU_TEST(logseq_page_properties),
		TU_TEST(participants_heading),
		TU_TEST(body_tags),
		TU_TEST(daily_notes),
		TU_TEST(links_as_vaults_write_them),
		TU_TEST(email_addresses_name_people),
		TU_TEST(daily_note_is_a_contact),
		TU_TEST(unfilled_template_values),
	};

	return cmocka_run_group_tests_name("vault", tests, NULL, NULL);
}
