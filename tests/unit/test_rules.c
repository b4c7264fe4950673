/*
 * test_rules.c: the follow-up rules (rules.c; followups.md).  Items are
 * compared as lines "due|kind|people|company|text|file:line" (tu_items()).
 * Today is 2026-11-22 unless a test says otherwise; the default horizon
 * shows items due up to 2026-11-29.
 */
#include "testutil.h"

#define TODAY "2026-11-22"
#define KIND(k) (1u << (k))

static const char *
kind_items(tu_ctx *c, const char *today, kith_kind kind)
{
	tu_load(c, today);
	return tu_kind_items(c, kind);
}

/* ---- meeting ---- */

static void
meeting_scheduled(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "companies/Acme.md", "");
	tu_fm(c, "meetings/mtg a.md", "date: 2026-11-25 09:30\nkind: coffee\n"
	    "with: Priya Nair\n");
	tu_fm(c, "meetings/mtg b.md", "title: Final onsite\ndate: 2026-11-24T10:00\n"
	    "with: [Marcus Chen, Elena Kovacs]\ncompany: Acme\nkind: interview\n");
	tu_fm(c, "meetings/mtg c.md", "date: 2026-11-23\nwith: Sam\n");
	tu_fm(c, "meetings/mtg d.md", "date: 2026-11-29\nwith: Sam\nkind: Video\n");
	tu_fm(c, "meetings/mtg held today.md", "date: 2026-11-22 23:59\nwith: Sam\n");
	tu_fm(c, "meetings/mtg later.md", "date: 2026-11-30\nwith: Sam\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_MEETING),
	    "2026-11-22|meeting|Sam|-|Meeting with Sam at 23:59|"
	    "meetings/mtg held today.md:2\n"
	    "2026-11-23|meeting|Sam|-|Meeting with Sam|meetings/mtg c.md:2\n"
	    "2026-11-24|meeting|Elena Kovacs, Marcus Chen|Acme|Final onsite at "
	    "10:00 (Elena Kovacs and Marcus Chen)|meetings/mtg b.md:3\n"
	    "2026-11-25|meeting|Priya Nair|-|Coffee with Priya Nair at 09:30|"
	    "meetings/mtg a.md:2\n"
	    "2026-11-29|meeting|Sam|-|Video with Sam|meetings/mtg d.md:2\n");
	assert_int_equal(kith_due_item(c->due, 0)->when, KITH_TODAY);
	assert_int_equal(kith_due_item(c->due, 0)->minutes, 23 * 60 + 59);
	assert_int_equal(kith_due_item(c->due, 1)->minutes, -1);
	tu_due_query(c, 8, KIND(KITH_KIND_MEETING), NULL);
	assert_int_equal(kith_due_count(c->due), 6);
	assert_string_equal(kith_due_item(c->due, 5)->file, "meetings/mtg later.md");
	assert_int_equal(kith_due_item(c->due, 5)->when, KITH_UPCOMING);
}

/* ---- thank-you ---- */

static void
thank_you(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/A.md", "");
	/* the window is 7 days: 2026-11-15 has its last day today */
	tu_fm(c, "meetings/mtg window-edge.md", "date: 2026-11-15\nwith: A\n"
	    "kind: coffee\n");
	tu_fm(c, "meetings/mtg too-old.md", "date: 2026-11-14\nwith: A\n");
	tu_fm(c, "meetings/mtg today.md", "date: 2026-11-22 08:00\nwith: A\n"
	    "kind: Interview\n");
	tu_fm(c, "meetings/mtg email.md", "date: 2026-11-20\nwith: A\nkind: email\n");
	tu_fm(c, "meetings/mtg message.md", "date: 2026-11-20\nwith: A\n"
	    "kind: Message\n");
	tu_fm(c, "meetings/mtg yes.md", "date: 2026-11-20\nwith: A\nthanked: yes\n");
	tu_fm(c, "meetings/mtg skip.md", "date: 2026-11-20\nwith: A\nthanked: skip\n");
	tu_fm(c, "meetings/mtg dated.md", "date: 2026-11-20\nwith: A\n"
	    "thanked: 2026-11-21\n");
	tu_fm(c, "meetings/mtg no.md", "date: 2026-11-19\nwith: A\nkind: call\n"
	    "company: Acme\nthanked: no\n");
	tu_fm(c, "meetings/mtg scheduled.md", "date: 2026-11-23\nwith: A\n");
	/* a meeting of today is not held yet: its thank-you comes tomorrow */
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_THANK_YOU),
	    "2026-11-16|thank-you|A|-|Send A a thank-you note for the coffee "
	    "on 2026-11-15 (last day)|meetings/mtg window-edge.md:2\n"
	    "2026-11-20|thank-you|A|Acme|Send A a thank-you note for the call "
	    "on 2026-11-19|meetings/mtg no.md:6\n");
	assert_int_equal(kith_due_item(c->due, 0)->when, KITH_OVERDUE);
	tu_assert_str(kind_items(c, "2026-11-23", KITH_KIND_THANK_YOU),
	    "2026-11-20|thank-you|A|Acme|Send A a thank-you note for the call "
	    "on 2026-11-19|meetings/mtg no.md:6\n"
	    "2026-11-23|thank-you|A|-|Send A a thank-you note for the "
	    "interview on 2026-11-22|meetings/mtg today.md:2\n");
	assert_int_equal(kith_due_item(c->due, 1)->when, KITH_TODAY);
}

static void
thank_you_window_setting(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "thank_you_window: 2d\n");
	tu_fm(c, "meetings/mtg a.md", "date: 2026-11-20\nwith: [B, A]\n");
	tu_fm(c, "meetings/mtg b.md", "date: 2026-11-19\nwith: A\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_THANK_YOU),
	    "2026-11-21|thank-you|A, B|-|Send A and B a thank-you note for the "
	    "meeting on 2026-11-20 (last day)|meetings/mtg a.md:2\n");
}

/* ---- next-step ---- */

static void
next_step(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "meetings/mtg 1 next date.md", "date: 2026-11-10\nkind: coffee\n"
	    "with: A\nnext: 2026-11-24\n");
	tu_fm(c, "meetings/mtg 2 interview.md", "date: 2026-11-12\nkind: interview\n"
	    "with: B\ncompany: Acme\n");
	tu_fm(c, "meetings/mtg 3 informational.md", "date: 2026-11-20\n"
	    "kind: informational\nwith: C\n");
	tu_fm(c, "meetings/mtg 4 coffee.md", "date: 2026-11-10\nkind: coffee\n"
	    "with: D\n");
	tu_fm(c, "meetings/mtg 5 none.md", "date: 2026-11-10\nkind: interview\n"
	    "with: E\nnext: none\n");
	tu_fm(c, "meetings/mtg 6 scheduled.md", "date: 2026-11-23\n"
	    "kind: interview\nwith: F\nnext: 2026-11-24\n");
	tu_fm(c, "meetings/mtg 7 call.md", "date: 2026-11-14\nkind: call\nwith: G\n"
	    "next: 2026-10-01\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_NEXT_STEP),
	    "2026-10-01|next-step|G|-|Land the next meeting with G after the "
	    "call on 2026-11-14|meetings/mtg 7 call.md:5\n"
	    "2026-11-19|next-step|B|Acme|Land the next meeting with B after "
	    "the interview on 2026-11-12|meetings/mtg 2 interview.md:2\n"
	    "2026-11-24|next-step|A|-|Land the next meeting with A after the "
	    "coffee on 2026-11-10|meetings/mtg 1 next date.md:5\n"
	    "2026-11-27|next-step|C|-|Land the next meeting with C after the "
	    "informational on 2026-11-20|meetings/mtg 3 informational.md:2\n");
}

static void
next_step_after_setting(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "next_step_after: 2w\n");
	tu_fm(c, "meetings/mtg a.md", "date: 2026-11-10\nkind: interview\nwith: A\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_NEXT_STEP),
	    "2026-11-24|next-step|A|-|Land the next meeting with A after the "
	    "interview on 2026-11-10|meetings/mtg a.md:2\n");
}

/* No next-step when a later meeting, held or scheduled, shares a person. */
static void
no_next_step_after_a_later_meeting(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "meetings/mtg a.md", "date: 2026-11-05\nkind: interview\nwith: D\n");
	tu_fm(c, "meetings/mtg b.md", "date: 2026-12-30\nwith: D\n");
	tu_fm(c, "meetings/mtg c.md", "date: 2026-11-15\nkind: interview\n"
	    "with: [E, F]\n");
	tu_fm(c, "meetings/mtg d.md", "date: 2026-11-18\nkind: coffee\nwith: F\n");
	tu_fm(c, "meetings/mtg e.md", "date: 2026-11-16 10:00\nkind: interview\n"
	    "with: G\n");
	tu_fm(c, "meetings/mtg f.md", "date: 2026-11-16 15:00\nkind: call\nwith: G\n");
	/* a later meeting with someone else does not count */
	tu_fm(c, "meetings/mtg g.md", "date: 2026-11-17\nkind: interview\nwith: H\n");
	tu_fm(c, "meetings/mtg h.md", "date: 2026-11-19\nkind: coffee\nwith: I\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_NEXT_STEP),
	    "2026-11-24|next-step|H|-|Land the next meeting with H after the "
	    "interview on 2026-11-17|meetings/mtg g.md:2\n");
}

/* The owner is never among an item's people, so meeting the owner again
 * is no next meeting with anyone: a later meeting with the owner and
 * somebody else must not swallow the next-step of an interview. */
static void
next_step_ignores_the_owner(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "owner: Me\n");
	tu_fm(c, "people/Me.md", "");
	tu_fm(c, "meetings/mtg one.md", "date: 2026-11-10\nkind: interview\n"
	    "with: [Me, Jane]\n");
	tu_fm(c, "meetings/mtg two.md", "date: 2026-11-15\nkind: coffee\n"
	    "with: [Me, Bob]\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_NEXT_STEP),
	    "2026-11-17|next-step|Jane|-|Land the next meeting with Jane after "
	    "the interview on 2026-11-10|meetings/mtg one.md:2\n");
}

static void
next_step_snoozed(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/H.md", "snooze: 2026-12-01\n");
	tu_fm(c, "people/K.md", "snooze: 2026-11-01\n");
	tu_fm(c, "meetings/mtg a.md", "date: 2026-11-14\nkind: interview\nwith: H\n");
	tu_fm(c, "meetings/mtg b.md", "date: 2026-11-13\nkind: interview\nwith: K\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_NEXT_STEP),
	    "2026-11-20|next-step|K|-|Land the next meeting with K after the "
	    "interview on 2026-11-13|meetings/mtg b.md:2\n");
	tu_due_query(c, 30, KIND(KITH_KIND_NEXT_STEP), NULL);
	tu_assert_str(tu_items(c),
	    "2026-11-20|next-step|K|-|Land the next meeting with K after the "
	    "interview on 2026-11-13|meetings/mtg b.md:2\n"
	    "2026-12-01|next-step|H|-|Land the next meeting with H after the "
	    "interview on 2026-11-14|meetings/mtg a.md:2\n");
}

/* ---- task ---- */

static void
tasks(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "companies/Acme.md", "");
	tu_write(c, "companies/Globex.md",
	    "---\ntarget: no\n---\n- [ ] read their blog\n");
	tu_fm(c, "people/C.md", "company: Initech\n");
	tu_write(c, "people/P.md",
	    "---\ncompany: Acme\n---\n"
	    "- [ ] ask about the book \xf0\x9f\x93\x85 2026-11-20\n"
	    "- [x] done already \xf0\x9f\x93\x85 2026-11-01\n"
	    "- [ ] \xe2\x9c\x85 2026-11-02 done by date\n");
	tu_write(c, "meetings/mtg m.md",
	    "---\ndate: 2026-11-01\nwith: [B, A]\ncompany: Acme\n"
	    "thanked: yes\n---\n"
	    "- [ ] send the deck \xf0\x9f\x93\x85 2026-11-23\n"
	    "- [ ] intro [[C]] to [[Globex]]\n"
	    "- [ ]\n");
	tu_write(c, "resume.md", "# Resume\n\n- [ ] update it due:2026-11-29\n"
	    "- [ ] later due:2026-11-30\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_TASK),
	    "2026-11-20|task|P|Acme|ask about the book|people/P.md:4\n"
	    "2026-11-23|task|A, B|Acme|send the deck|meetings/mtg m.md:7\n"
	    "2026-11-29|task||-|update it|resume.md:3\n"
	    "-|task||Globex|read their blog|companies/Globex.md:4\n"
	    "-|task|C|Globex|intro C to Globex|meetings/mtg m.md:8\n"
	    "-|task|A, B|Acme|(empty task)|meetings/mtg m.md:9\n");
	assert_int_equal(kith_due_item(c->due, 3)->when, KITH_UNDATED);
	assert_int_equal(kith_due_item(c->due, 3)->due, KITH_NO_DATE);
}

/* ---- check-in ---- */

static void
check_in(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "companies/Acme.md", "");
	tu_fm(c, "people/P1.md", "last_contact: 2026-08-24\ncompany: Acme\n");
	tu_fm(c, "people/P2.md", "name: Pat Two\ncadence: 30d\n");
	tu_fm(c, "meetings/mtg p2.md", "date: 2026-10-20\nwith: Pat Two\n");
	tu_fm(c, "people/P3.md", "met: 2026-06-01\ncadence: 6m\n");
	tu_fm(c, "people/P4.md", "last_contact: 2026-01-01\ncadence: never\n");
	tu_fm(c, "people/P5.md", "cadence: 1d\n");
	tu_fm(c, "people/P6.md", "last_contact: 2026-01-01\n");
	tu_fm(c, "meetings/mtg p6.md", "date: 2026-12-24\nwith: P6\n");
	tu_fm(c, "meetings/mtg unresolved.md", "date: 2026-01-01\nwith: Ghost\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_CHECK_IN),
	    "2026-11-19|check-in|Pat Two|-|Check in with Pat Two: last "
	    "contact 2026-10-20, every 30 days|people/P2.md:3\n"
	    "2026-11-22|check-in|P1|Acme|Check in with P1: last contact "
	    "2026-08-24, every 90 days|people/P1.md:1\n");
	assert_int_equal(kith_due_item(c->due, 1)->when, KITH_TODAY);
	tu_due_query(c, 10, KIND(KITH_KIND_CHECK_IN), NULL);
	assert_int_equal(kith_due_count(c->due), 3);
	tu_assert_str(kith_due_item(c->due, 2)->text,
	    "Check in with P3: last contact 2026-06-01, every 6 months");
	assert_int_equal(kith_due_item(c->due, 2)->due, tu_date("2026-12-01"));
}

static void
check_in_last_is_the_latest(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/P.md", "cadence: 1w\nlast_contact: 2026-11-01\n"
	    "met: 2026-11-12\n");
	tu_fm(c, "meetings/mtg a.md", "date: 2026-11-10\nwith: P\n");
	tu_fm(c, "meetings/mtg b.md", "date: 2026-11-05\nwith: P\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_CHECK_IN),
	    "2026-11-19|check-in|P|-|Check in with P: last contact 2026-11-12, "
	    "every week|people/P.md:2\n");
}

/* Calendar months clamp the day: 2026-01-31 + 1m = 2026-02-28. */
static void
check_in_month_clamp(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/P.md", "cadence: 1m\nlast_contact: 2026-01-31\n");
	tu_assert_str(kind_items(c, "2026-02-28", KITH_KIND_CHECK_IN),
	    "2026-02-28|check-in|P|-|Check in with P: last contact 2026-01-31, "
	    "every month|people/P.md:2\n");
	assert_int_equal(kith_due_item(c->due, 0)->when, KITH_TODAY);
}

static void
check_in_snoozed(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/A.md", "cadence: 30d\nlast_contact: 2026-08-01\n"
	    "snooze: 2026-11-25\n");
	tu_fm(c, "people/B.md", "cadence: 30d\nlast_contact: 2026-08-01\n"
	    "snooze: 2026-10-01\n");
	tu_fm(c, "people/C.md", "cadence: 30d\nlast_contact: 2026-08-01\n"
	    "snooze: 2026-12-25\n");
	tu_fm(c, "people/D.md", "cadence: 30d\nlast_contact: 2026-11-01\n"
	    "snooze: 2026-11-05\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_CHECK_IN),
	    "2026-10-01|check-in|B|-|Check in with B: last contact 2026-08-01, "
	    "every 30 days|people/B.md:2\n"
	    "2026-11-25|check-in|A|-|Check in with A: last contact 2026-08-01, "
	    "every 30 days|people/A.md:2\n");
}

static void
check_in_cadence_by_tag(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "cadence: 1y\ncadence_by_tag:\n"
	    "  mentor: 30d\n  recruiter: 45d\n  dormant: never\n");
	tu_fm(c, "people/A.md", "tags: [recruiter, Mentor]\n"
	    "last_contact: 2026-10-20\n");
	tu_fm(c, "people/B.md", "tags: [mentor]\ncadence: 1y\n"
	    "last_contact: 2026-10-20\n");
	tu_fm(c, "people/C.md", "tags: [recruiter]\nlast_contact: 2026-10-08\n");
	tu_fm(c, "people/D.md", "tags: [dormant]\nlast_contact: 2025-01-01\n");
	tu_fm(c, "people/E.md", "last_contact: 2025-11-22\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_CHECK_IN),
	    "2026-11-19|check-in|A|-|Check in with A: last contact 2026-10-20, "
	    "every 30 days|people/A.md:1\n"
	    "2026-11-22|check-in|C|-|Check in with C: last contact 2026-10-08, "
	    "every 45 days|people/C.md:1\n"
	    "2026-11-22|check-in|E|-|Check in with E: last contact 2025-11-22, "
	    "every year|people/E.md:1\n");
}

/* ---- date ---- */

static void
yearly_dates(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "companies/Acme.md", "");
	tu_fm(c, "people/Jane.md", "birthday: --11-25\ncompany: Acme\n");
	tu_fm(c, "people/Kim.md", "birthday: 1985-11-22\n");
	tu_fm(c, "people/Lee.md", "birthday: 11-21\n");
	tu_fm(c, "people/Max.md",
	    "dates:\n"
	    "  work anniversary: 2020-11-28\n"
	    "  first met: 2025-11-23\n"
	    "  name day: --11-24\n"
	    "  this year: 2026-11-26\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_DATE),
	    "2026-11-22|date|Kim|-|Kim's birthday (turns 41)|people/Kim.md:2\n"
	    "2026-11-23|date|Max|-|Max's first met (1 year)|people/Max.md:4\n"
	    "2026-11-24|date|Max|-|Max's name day|people/Max.md:5\n"
	    "2026-11-25|date|Jane|Acme|Jane's birthday|people/Jane.md:2\n"
	    "2026-11-26|date|Max|-|Max's this year|people/Max.md:6\n"
	    "2026-11-28|date|Max|-|Max's work anniversary (6 years)|"
	    "people/Max.md:3\n");
	assert_int_equal(kith_due_item(c->due, 0)->when, KITH_TODAY);
}

/* 29 February is 28 February in other years. */
static void
leap_day_birthday(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/Leap.md", "birthday: 1992-02-29\n");
	tu_fm(c, "people/Bare.md", "birthday: --02-29\n");
	tu_assert_str(kind_items(c, "2027-02-25", KITH_KIND_DATE),
	    "2027-02-28|date|Bare|-|Bare's birthday|people/Bare.md:2\n"
	    "2027-02-28|date|Leap|-|Leap's birthday (turns 35)|"
	    "people/Leap.md:2\n");
	tu_assert_str(kind_items(c, "2028-02-25", KITH_KIND_DATE),
	    "2028-02-29|date|Bare|-|Bare's birthday|people/Bare.md:2\n"
	    "2028-02-29|date|Leap|-|Leap's birthday (turns 36)|"
	    "people/Leap.md:2\n");
	tu_assert_str(kind_items(c, "2027-02-28", KITH_KIND_DATE),
	    "2027-02-28|date|Bare|-|Bare's birthday|people/Bare.md:2\n"
	    "2027-02-28|date|Leap|-|Leap's birthday (turns 35)|"
	    "people/Leap.md:2\n");
	tu_assert_str(kind_items(c, "2027-03-01", KITH_KIND_DATE), "");
}

/* ---- reciprocity ---- */

static void
reciprocity(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/P.md", "");
	tu_fm(c, "people/Q.md", "");
	tu_fm(c, "people/R.md", "company: Acme\n");
	tu_fm(c, "people/S.md", "");
	tu_fm(c, "meetings/mtg p.md", "date: 2026-10-01\nwith: P\n"
	    "asked: [an intro, a referral]\n");
	tu_fm(c, "meetings/mtg q.md", "date: 2026-10-01\nwith: Q\nasked: [a, b]\n"
	    "gave: [c]\n");
	tu_fm(c, "meetings/mtg r1.md", "date: 2026-09-01\nwith: R\nasked: [advice]\n");
	tu_fm(c, "meetings/mtg r2.md", "date: 2026-10-15\nwith: R\ngave: []\n"
	    "asked:\n  - a referral\n");
	tu_fm(c, "meetings/mtg r3.md", "date: 2026-11-01\nwith: R\n");
	tu_fm(c, "meetings/mtg s.md", "date: 2026-11-25\nwith: S\nasked: [a, b, c]\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_RECIPROCITY),
	    "2026-10-01|reciprocity|P|-|Give back to P: you asked for 2 things "
	    "and gave 0|meetings/mtg p.md:4\n"
	    "2026-10-15|reciprocity|R|Acme|Give back to R: you asked for 2 "
	    "things and gave 0|meetings/mtg r2.md:6\n");
}

static void
reciprocity_threshold(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "reciprocity_threshold: 1\n");
	tu_fm(c, "meetings/mtg p.md", "date: 2026-10-01\nwith: P\nasked: [an intro]\n");
	tu_fm(c, "meetings/mtg q.md", "date: 2026-10-01\nwith: Q\nasked: [a]\n"
	    "gave: [c]\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_RECIPROCITY),
	    "2026-10-01|reciprocity|P|-|Give back to P: you asked for 1 thing "
	    "and gave 0|meetings/mtg p.md:4\n");
	tu_write(c, "kith.yaml", "reciprocity_threshold: 3\n");
	tu_fm(c, "meetings/mtg p2.md", "date: 2026-10-02\nwith: P\nasked: [b, c]\n"
	    "gave: [d]\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_RECIPROCITY), "");
	tu_fm(c, "meetings/mtg p3.md", "date: 2026-10-03\nwith: P\nasked: e\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_RECIPROCITY),
	    "2026-10-03|reciprocity|P|-|Give back to P: you asked for 4 things "
	    "and gave 1|meetings/mtg p3.md:4\n");
}

/* ---- target ---- */

static void
target(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "companies/Acme.md", "name: Acme Corp\ntarget: yes\n");
	tu_fm(c, "companies/Globex.md", "status: Applying\napply_by: 2026-11-28\n");
	tu_fm(c, "companies/Initech.md", "target: yes\n");
	tu_fm(c, "people/Ann.md", "company: Initech\n");
	tu_fm(c, "companies/Hooli.md", "status: target\n");
	tu_fm(c, "meetings/mtg h.md", "date: 2026-10-01\nwith: Bo\ncompany: Hooli\n");
	tu_fm(c, "companies/Umbrella.md", "target: no\nstatus: applied\n");
	tu_fm(c, "companies/Far.md", "target: yes\napply_by: 2027-01-15\n");
	tu_fm(c, "companies/Past.md", "tags: [x]\ntarget: true\n"
	    "apply_by: 2026-10-01\n");
	tu_write(c, "companies/Plain.md", "no front matter\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_TARGET),
	    "2026-10-01|target||Past|Find someone at Past before you apply "
	    "(apply by 2026-10-01)|companies/Past.md:3\n"
	    "2026-11-22|target||Acme Corp|Find someone at Acme Corp before you "
	    "apply|companies/Acme.md:3\n"
	    "2026-11-28|target||Globex|Find someone at Globex before you "
	    "apply (apply by 2026-11-28)|companies/Globex.md:2\n");
}

/* ---- which items a report shows ---- */

static void
horizon(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "tasks.md",
	    "- [ ] old \xf0\x9f\x93\x85 2020-01-01\n"
	    "- [ ] today \xf0\x9f\x93\x85 2026-11-22\n"
	    "- [ ] edge \xf0\x9f\x93\x85 2026-11-29\n"
	    "- [ ] beyond \xf0\x9f\x93\x85 2026-11-30\n"
	    "- [ ] undated\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(tu_items(c),
	    "2020-01-01|task||-|old|tasks.md:1\n"
	    "2026-11-22|task||-|today|tasks.md:2\n"
	    "2026-11-29|task||-|edge|tasks.md:3\n"
	    "-|task||-|undated|tasks.md:5\n");
	assert_int_equal(kith_due_item(c->due, 0)->when, KITH_OVERDUE);
	assert_int_equal(kith_due_item(c->due, 1)->when, KITH_TODAY);
	assert_int_equal(kith_due_item(c->due, 2)->when, KITH_UPCOMING);
	assert_int_equal(kith_due_item(c->due, 3)->when, KITH_UNDATED);
	assert_null(kith_due_item(c->due, 4));
	tu_due_query(c, 8, 0, NULL);
	assert_int_equal(kith_due_count(c->due), 5);
	assert_string_equal(kith_due_item(c->due, 3)->text, "beyond");
	tu_due_query(c, 0, 0, NULL);
	tu_assert_str(tu_items(c),
	    "2020-01-01|task||-|old|tasks.md:1\n"
	    "2026-11-22|task||-|today|tasks.md:2\n"
	    "-|task||-|undated|tasks.md:5\n");
	tu_write(c, "kith.yaml", "horizon: 1\n");
	tu_load(c, TODAY);
	tu_due(c);
	assert_int_equal(kith_due_count(c->due), 3);
	assert_int_equal(kith_due_horizon(c->due), 1);
}

static void
kind_filter(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/A.md", "birthday: --11-23\nlast_contact: 2026-08-01\n");
	tu_write(c, "t.md", "- [ ] a task\n");
	tu_fm(c, "meetings/mtg m.md", "date: 2026-11-21\nwith: A\n");
	tu_load(c, TODAY);
	tu_due(c);
	assert_int_equal(kith_due_count(c->due), 3);	/* no check-in: */
	tu_due_query(c, -1, KIND(KITH_KIND_TASK) | KIND(KITH_KIND_DATE), NULL);
	tu_assert_str(tu_items(c),
	    "2026-11-23|date|A|-|A's birthday|people/A.md:2\n"
	    "-|task||-|a task|t.md:1\n");
	tu_due_query(c, -1, KIND(KITH_KIND_CHECK_IN), NULL);
	tu_assert_str(tu_items(c), "");
}

static void
person_filter(void **state)
{
	tu_ctx *c = *state;
	kith_due_query q;
	kith_due *d = (kith_due *)&q;

	tu_fm(c, "companies/Acme.md", "target: yes\n");
	tu_fm(c, "people/Jane Doe.md", "aliases: [JD]\nbirthday: --11-24\n");
	tu_fm(c, "people/Bob.md", "birthday: --11-25\n");
	tu_fm(c, "people/Jane Roe.md", "aliases: [Jane]\n");
	tu_fm(c, "people/Jane Poe.md", "aliases: [Jane]\n");
	tu_write(c, "meetings/mtg m.md",
	    "---\ndate: 2026-11-21\nwith: [Jane Doe, Bob]\n---\n"
	    "- [ ] ask [[Bob]] about it\n"
	    "- [ ] both\n");
	tu_write(c, "t.md", "- [ ] call [[JD]]\n- [ ] apply to [[Acme]]\n");
	tu_load(c, TODAY);
	tu_due_query(c, -1, 0, "jane doe");
	tu_assert_str(tu_items(c),
	    "2026-11-22|thank-you|Bob, Jane Doe|-|Send Bob and Jane Doe a "
	    "thank-you note for the meeting on 2026-11-21|meetings/mtg m.md:2\n"
	    "2026-11-24|date|Jane Doe|-|Jane Doe's birthday|"
	    "people/Jane Doe.md:3\n"
	    "-|task|Bob, Jane Doe|-|both|meetings/mtg m.md:6\n"
	    "-|task|Jane Doe|-|call JD|t.md:1\n");
	tu_due_query(c, -1, 0, "JD");
	assert_int_equal(kith_due_count(c->due), 4);
	tu_due_query(c, -1, KIND(KITH_KIND_TASK), "Acme");
	tu_assert_str(tu_items(c),
	    "-|task||Acme|apply to Acme|t.md:2\n");
	tu_due_query(c, -1, KIND(KITH_KIND_TARGET), "acme");
	tu_assert_str(tu_items(c),
	    "2026-11-22|target||Acme|Find someone at Acme before you apply|"
	    "companies/Acme.md:2\n");
	memset(&q, 0, sizeof(q));
	q.horizon = -1;
	q.person = "Nobody Known";
	assert_int_equal(kith_due_new(c->j, &q, &d), KITH_EJOURNAL);
	assert_null(d);
	q.person = "Jane";	/* ambiguous */
	d = (kith_due *)&q;
	assert_int_equal(kith_due_new(c->j, &q, &d), KITH_EJOURNAL);
	assert_null(d);
}

/* Order: due (undated last), kind, file, line, text. */
static void
report_order(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/W.md", "cadence: 30d\nlast_contact: 2026-10-21\n");
	tu_fm(c, "people/Z.md", "cadence: 30d\nlast_contact: 2026-10-21\n"
	    "dates: {b day: 11-20, a day: 11-20}\n");
	tu_fm(c, "meetings/mtg b.md", "date: 2026-11-19\nwith: Z\n");
	tu_fm(c, "meetings/mtg a.md", "date: 2026-11-19\nwith: Y\n");
	tu_write(c, "a.md",
	    "x\n\n"
	    "- [ ] second \xf0\x9f\x93\x85 2026-11-20\n"
	    "- [ ] first \xf0\x9f\x93\x85 2026-11-20\n"
	    "- [ ] undated two\n");
	tu_write(c, "0.md", "- [ ] undated one\n");
	tu_write(c, "b.md", "- [ ] earlier \xf0\x9f\x93\x85 2026-11-19\n");
	tu_load(c, "2026-11-20");
	tu_due(c);
	tu_assert_str(tu_items(c),
	    "2026-11-19|task||-|earlier|b.md:1\n"
	    "2026-11-20|check-in|W|-|Check in with W: last contact 2026-10-21, "
	    "every 30 days|people/W.md:2\n"
	    "2026-11-20|date|Z|-|Z's a day|people/Z.md:4\n"
	    "2026-11-20|date|Z|-|Z's b day|people/Z.md:4\n"
	    "2026-11-20|task||-|second|a.md:3\n"
	    "2026-11-20|task||-|first|a.md:4\n"
	    "2026-11-20|thank-you|Y|-|Send Y a thank-you note for the meeting "
	    "on 2026-11-19|meetings/mtg a.md:2\n"
	    "2026-11-20|thank-you|Z|-|Send Z a thank-you note for the meeting "
	    "on 2026-11-19|meetings/mtg b.md:2\n"
	    "-|task||-|undated one|0.md:1\n"
	    "-|task||-|undated two|a.md:5\n");
}

/* The same journal and the same day give the same items. */
static void
deterministic(void **state)
{
	tu_ctx *c = *state;
	const char *first;

	tu_fm(c, "people/A.md", "birthday: --11-23\nlast_contact: 2026-08-01\n");
	tu_fm(c, "meetings/mtg m.md", "date: 2026-11-21\nwith: [A, B, C]\n"
	    "kind: interview\n");
	tu_write(c, "t.md", "- [ ] x\n- [ ] y [[A]]\n");
	first = tu_load_items(c, TODAY);
	tu_assert_str(tu_load_items(c, TODAY), first);
	assert_true(strlen(first) > 0);
}

static void
kind_names(void **state)
{
	kith_kind k;

	(void)state;
	assert_string_equal(kith_kind_name(KITH_KIND_CHECK_IN), "check-in");
	assert_string_equal(kith_kind_name(KITH_KIND_DATE), "date");
	assert_string_equal(kith_kind_name(KITH_KIND_MEETING), "meeting");
	assert_string_equal(kith_kind_name(KITH_KIND_NEXT_STEP), "next-step");
	assert_string_equal(kith_kind_name(KITH_KIND_RECIPROCITY),
	    "reciprocity");
	assert_string_equal(kith_kind_name(KITH_KIND_TARGET), "target");
	assert_string_equal(kith_kind_name(KITH_KIND_TASK), "task");
	assert_string_equal(kith_kind_name(KITH_KIND_THANK_YOU), "thank-you");
	assert_null(kith_kind_name(KITH_KIND_COUNT));
	assert_int_equal(kith_kind_parse("next-step", &k), 0);
	assert_int_equal(k, KITH_KIND_NEXT_STEP);
	assert_int_equal(kith_kind_parse("thank-you", &k), 0);
	assert_int_equal(k, KITH_KIND_THANK_YOU);
	assert_int_equal(kith_kind_parse("thanks", &k), -1);
	assert_int_equal(kith_kind_parse("", &k), -1);
	assert_int_equal(kith_kind_parse("Task", &k), -1);
}

/* ---- version 2 (followups.md, marked (v2)) ---- */

/* A meeting dated today is today's, with its time or without. */
static void
v2_meeting_today(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "meetings/a timed.md", "date: 2026-11-22 09:30\nwith: A\n"
	    "kind: coffee\n");
	tu_fm(c, "meetings/b untimed.md", "date: 2026-11-22\nwith: B\n");
	/* written, not attended: no meeting item */
	tu_fm(c, "meetings/c email.md", "date: 2026-11-22 17:30\nwith: C\n"
	    "kind: email\n");
	tu_fm(c, "meetings/d message.md", "date: 2026-11-24\nwith: C\n"
	    "kind: message\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(tu_items(c),
	    "2026-11-22|meeting|A|-|Coffee with A at 09:30|"
	    "meetings/a timed.md:2\n"
	    "2026-11-22|meeting|B|-|Meeting with B|meetings/b untimed.md:2\n");
	assert_int_equal(kith_due_item(c->due, 0)->when, KITH_TODAY);
	assert_int_equal(kith_due_item(c->due, 0)->minutes, 9 * 60 + 30);
	assert_int_equal(kith_due_item(c->due, 1)->minutes, -1);
	/* the next day it is held: its thank-you, no meeting item */
	tu_assert_str(kind_items(c, "2026-11-23", KITH_KIND_MEETING), "");
	tu_assert_str(kind_items(c, "2026-11-23", KITH_KIND_THANK_YOU),
	    "2026-11-23|thank-you|A|-|Send A a thank-you note for the coffee "
	    "on 2026-11-22|meetings/a timed.md:2\n"
	    "2026-11-23|thank-you|B|-|Send B a thank-you note for the meeting "
	    "on 2026-11-22|meetings/b untimed.md:2\n");
}

/* group_size people is not a group; one more is: one item for all. */
static void
v2_group_thank_you(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "owner: Me\n");
	tu_fm(c, "people/Me.md", "");
	tu_fm(c, "meetings/three.md", "date: 2026-11-20\n"
	    "with: [Me, Cy, Al, Bo]\nkind: lunch\n");
	tu_fm(c, "meetings/four.md", "date: 2026-11-20\ntitle: Rust meetup\n"
	    "with: [Di, Cy, Al, Bo]\nkind: coffee\n");
	tu_fm(c, "meetings/six.md", "date: 2026-11-21\n"
	    "with: [Fe, Di, Cy, Al, Bo, Ed]\n");
	tu_fm(c, "meetings/event.md", "date: 2026-11-21\nwith: [Al]\n"
	    "kind: event\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_THANK_YOU),
	    "2026-11-21|thank-you|Al, Bo, Cy, Di|-|Follow up with the people "
	    "you met at Rust meetup on 2026-11-20: Al, Bo, Cy and Di|"
	    "meetings/four.md:2\n"
	    "2026-11-21|thank-you|Al, Bo, Cy|-|Send Al, Bo and Cy a thank-you "
	    "note for the lunch on 2026-11-20|meetings/three.md:2\n"
	    "2026-11-22|thank-you|Al|-|Follow up with the people you met at "
	    "the event on 2026-11-21: Al|meetings/event.md:2\n"
	    "2026-11-22|thank-you|Al, Bo, Cy, Di, Ed, Fe|-|Follow up with the "
	    "people you met at the meeting on 2026-11-21: Al, Bo, Cy and 3 "
	    "more|meetings/six.md:2\n");
}

/* no_thank_you lists the kinds that need none. */
static void
v2_no_thank_you(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "no_thank_you: [Event, email]\n");
	tu_fm(c, "meetings/m a.md", "date: 2026-11-20\nwith: A\nkind: event\n");
	tu_fm(c, "meetings/m b.md", "date: 2026-11-20\nwith: A\nkind: message\n");
	tu_fm(c, "meetings/m c.md", "date: 2026-11-20\nwith: A\nkind: email\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_THANK_YOU),
	    "2026-11-21|thank-you|A|-|Send A a thank-you note for the message "
	    "on 2026-11-20|meetings/m b.md:2\n");
}

/* Met one-to-one once, at three events since: a close tie, checked in
 * with from the last event; met only at events: none. */
static void
v2_close_tie_check_in(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/Close.md", "");
	tu_fm(c, "people/Weak.md", "");
	tu_fm(c, "people/Met.md", "met: 2026-01-01\n");
	tu_fm(c, "meetings/1.md", "date: 2026-05-01\nwith: Close\n");
	tu_fm(c, "meetings/2.md", "date: 2026-06-01\nwith: [Close, Weak]\n"
	    "kind: event\n");
	tu_fm(c, "meetings/3.md", "date: 2026-07-01\nwith: [Close, Weak]\n"
	    "kind: event\n");
	tu_fm(c, "meetings/4.md", "date: 2026-08-20\nwith: [Close, Weak]\n"
	    "kind: event\n");
	tu_load(c, TODAY);
	tu_due_query(c, 400, 1u << KITH_KIND_CHECK_IN, NULL);
	tu_assert_str(tu_items(c),
	    "2026-11-18|check-in|Close|-|Check in with Close: last contact "
	    "2026-08-20, every 90 days|people/Close.md:1\n");
}

/* A later meeting with the same company clears a next-step, through a
 * person's company: alone; a closed company makes none. */
static void
v2_next_step_same_company(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "companies/Acme.md", "status: interviewing\n");
	tu_fm(c, "companies/Initech.md", "status: Rejected\n");
	tu_fm(c, "companies/Globex.md", "");
	tu_fm(c, "people/Recruiter.md", "company: Acme\n");
	tu_fm(c, "people/Ann.md", "company: Globex\n");
	tu_fm(c, "meetings/a1.md", "date: 2026-11-02\nkind: interview\n"
	    "with: Hiring Manager\ncompany: Acme\n");
	tu_fm(c, "meetings/a2.md", "date: 2026-11-09\nkind: email\n"
	    "with: Recruiter\n");
	tu_fm(c, "meetings/i1.md", "date: 2026-11-10\nkind: interview\n"
	    "with: Ivan\ncompany: Initech\n");
	/* no company: on the meeting: its person's counts */
	tu_fm(c, "meetings/g1.md", "date: 2026-11-10\nkind: interview\n"
	    "with: Ann\n");
	tu_fm(c, "meetings/g2.md", "date: 2026-11-25\nkind: call\n"
	    "with: Bea\ncompany: Globex\n");
	tu_fm(c, "meetings/g3.md", "date: 2026-11-12\nkind: interview\n"
	    "with: Cal\ncompany: Globex\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_NEXT_STEP), "");
	/* before the later meetings, they were due */
	tu_assert_str(kind_items(c, "2026-11-08", KITH_KIND_NEXT_STEP), "");
	tu_load(c, "2026-11-15");
	tu_due_query(c, 30, 1u << KITH_KIND_NEXT_STEP, NULL);
	tu_assert_str(tu_items(c), "");
	tu_write(c, "meetings/g2.md", "moved away\n");
	tu_load(c, TODAY);
	tu_due_query(c, 30, 1u << KITH_KIND_NEXT_STEP, NULL);
	tu_assert_str(tu_items(c),
	    "2026-11-19|next-step|Cal|Globex|Land the next meeting with Cal "
	    "after the interview on 2026-11-12|meetings/g3.md:2\n");
	tu_fm(c, "companies/Initech.md", "status: interviewing\n");
	tu_load(c, TODAY);
	tu_due_query(c, 30, 1u << KITH_KIND_NEXT_STEP, NULL);
	tu_assert_str(tu_items(c),
	    "2026-11-17|next-step|Ivan|Initech|Land the next meeting with Ivan "
	    "after the interview on 2026-11-10|meetings/i1.md:2\n"
	    "2026-11-19|next-step|Cal|Globex|Land the next meeting with Cal "
	    "after the interview on 2026-11-12|meetings/g3.md:2\n");
}

/* An ask at a one-to-one makes a next-step; at an event it does not. */
static void
v2_next_step_of_an_ask(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "meetings/coffee.md", "date: 2026-11-10\nkind: coffee\n"
	    "with: Jane Doe\nasked: [a referral, a name]\n");
	tu_fm(c, "meetings/meetup.md", "date: 2026-11-10\nkind: event\n"
	    "with: Bo\nasked: a referral\n");
	tu_fm(c, "meetings/big.md", "date: 2026-11-10\nkind: coffee\n"
	    "with: [P1, P2, P3, P4]\nasked: a referral\n");
	tu_fm(c, "meetings/call.md", "date: 2026-11-11\nkind: call\n"
	    "with: Ed\nasked: advice\nnext: none\n");
	tu_assert_str(kind_items(c, TODAY, KITH_KIND_NEXT_STEP),
	    "2026-11-17|next-step|Jane Doe|-|Follow up with Jane Doe on what "
	    "you asked for (a referral) after the coffee on 2026-11-10|"
	    "meetings/coffee.md:2\n");
}

/* Ids: unique in the report, the same from run to run and while the
 * note says the same thing; two tasks that read the same get two. */
static void
v2_ids(void **state)
{
	tu_ctx *c = *state;
	char first[3][17];
	size_t i, k;

	tu_write(c, "t.md", "- [ ] call the bank\n- [ ] call the bank\n"
	    "- [ ] other\n");
	tu_load(c, TODAY);
	tu_due(c);
	assert_int_equal(kith_due_count(c->due), 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(strlen(kith_due_item(c->due, i)->id), 16);
		strcpy(first[i], kith_due_item(c->due, i)->id);
		for (k = 0; k < i; k++)
			assert_string_not_equal(first[k], first[i]);
	}
	tu_write(c, "t.md", "# Tasks\n\n- [ ] call the bank\n"
	    "- [ ] call the bank\n- [ ] other\n");
	tu_load(c, TODAY);
	tu_due(c);
	for (i = 0; i < 3; i++)
		assert_string_equal(kith_due_item(c->due, i)->id, first[i]);
}

/* Stale: overdue past stale_after, and undated tasks of old meetings. */
static void
v2_stale(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "meetings/old.md", "---\ndate: 2026-10-22\nwith: A\n"
	    "thanked: yes\n---\n- [ ] old undated\n");
	tu_write(c, "meetings/edge.md", "---\ndate: 2026-10-23\nwith: A\n"
	    "thanked: yes\n---\n- [ ] edge undated\n");
	tu_write(c, "t.md", "- [ ] plain undated\n");
	tu_load(c, TODAY);
	tu_due_query(c, -1, 1u << KITH_KIND_TASK, NULL);
	tu_assert_str(tu_items(c),
	    "-|task|A|-|edge undated|meetings/edge.md:6\n"
	    "-|task|A|-|old undated|meetings/old.md:6\n"
	    "-|task||-|plain undated|t.md:1\n");
	assert_false(kith_due_item(c->due, 0)->stale);
	assert_true(kith_due_item(c->due, 1)->stale);
	assert_false(kith_due_item(c->due, 2)->stale);
}

/* A journal is the same whatever the day: a query for another day gives
 * what a journal loaded for that day gave, check-ins, reciprocity and
 * scheduled meetings included. */
static void
query_for_any_day(void **state)
{
	tu_ctx *c = *state;
	static const char *const days[] = { "2026-10-02", "2026-11-01",
	    "2026-11-15", "2026-11-22", "2027-03-01" };
	const char *fresh;
	size_t i;

	tu_fm(c, "people/Ann.md", "cadence: 30d\n");
	tu_fm(c, "people/Bo.md", "company: Acme\n");
	tu_fm(c, "companies/Acme.md", "status: applying\n");
	tu_fm(c, "meetings/m.md", "date: 2026-10-01\nwith: [Ann, Bo]\n"
	    "asked: [an intro, a referral, advice]\n");
	tu_fm(c, "meetings/n.md", "date: 2026-11-15\nwith: Ann\n");
	tu_write(c, "kith.yaml", "reciprocity_threshold: 2\n");
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		tu_load(c, days[i]);
		tu_due(c);
		fresh = tu_items(c);
		tu_load(c, "2026-11-22");
		c->today = tu_date(days[i]);
		tu_due(c);
		tu_assert_str(tu_items(c), fresh);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(meeting_scheduled),
		TU_TEST(thank_you),
		TU_TEST(thank_you_window_setting),
		TU_TEST(next_step),
		TU_TEST(next_step_after_setting),
		TU_TEST(no_next_step_after_a_later_meeting),
		TU_TEST(next_step_snoozed),
		TU_TEST(tasks),
		TU_TEST(check_in),
		TU_TEST(check_in_last_is_the_latest),
		TU_TEST(check_in_month_clamp),
		TU_TEST(check_in_snoozed),
		TU_TEST(check_in_cadence_by_tag),
		TU_TEST(yearly_dates),
		TU_TEST(leap_day_birthday),
		TU_TEST(reciprocity),
		TU_TEST(reciprocity_threshold),
		TU_TEST(target),
		TU_TEST(horizon),
		TU_TEST(kind_filter),
		TU_TEST(person_filter),
		TU_TEST(report_order),
		TU_TEST(deterministic),
		TU_TEST(kind_names),
		TU_TEST(next_step_ignores_the_owner),
		TU_TEST(v2_meeting_today),
		TU_TEST(v2_group_thank_you),
		TU_TEST(v2_no_thank_you),
		TU_TEST(v2_close_tie_check_in),
		TU_TEST(v2_next_step_same_company),
		TU_TEST(v2_next_step_of_an_ask),
		TU_TEST(v2_ids),
		TU_TEST(v2_stale),
		TU_TEST(query_for_any_day),
	};

	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
