/*
 * keys.c: a front matter key in any spelling names a kith key
 * (journal.md, "Using an existing Obsidian or Logseq vault").  A key is
 * compared after dropping everything that is not a letter or a digit and
 * folding ASCII case ("Date & Time" is datetime, "E-mail" is email), then
 * looked up among kith.yaml's keys: and a sorted table of built-in
 * synonyms: no allocation and a binary search a key.
 */
#include <string.h>

#include "read/read.h"

#define P KT(NOTE_PERSON)
#define M KT(NOTE_MEETING)
#define C KT(NOTE_COMPANY)
#define G KT(NOTE_GOAL)
#define A (KT(NOTE_PLAIN) | P | M | C | G)

/* Sorted by its compared form; rank 0 is kith's own key, spelled in any
 * way, and a synonym's rank is its place among the synonyms of its key. */
static const struct synonym {
	const char *norm;
	unsigned types;
	const char *key;	/* kith's */
	int rank;
} synonyms[] = {
	{ "alias", A, "aliases", 1 },
	{ "aliases", A, "aliases", 0 },
	{ "applyby", C, "apply_by", 0 },
	{ "asked", M, "asked", 0 },
	{ "attendee", M, "with", 3 },
	{ "attendees", M, "with", 2 },
	{ "birthdate", P, "birthday", 1 },
	{ "birthday", P, "birthday", 0 },
	{ "cadence", P, "cadence", 0 },
	{ "cc", M, "with", 11 },
	{ "channel", M, "kind", 1 },
	{ "company", P | M, "company", 0 },
	{ "company", C, "name", 2 },
	{ "contact", M, "with", 7 },
	{ "contacts", M, "with", 6 },
	{ "counts", G, "counts", 0 },
	{ "date", M, "date", 0 },
	{ "dates", P, "dates", 0 },
	{ "datetime", M, "date", 3 },
	{ "dob", P, "birthday", 2 },
	{ "domain", C, "website", 2 },
	{ "due", G, "due", 0 },
	{ "email", P | C, "email", 0 },
	{ "emailaddress", P | C, "email", 2 },
	{ "employer", P, "company", 4 },
	{ "from", M, "with", 9 },
	{ "fullname", A, "name", 1 },
	{ "gave", M, "gave", 0 },
	{ "introducedby", P, "introduced_by", 0 },
	{ "jobtitle", P, "title", 3 },
	{ "kind", M, "kind", 0 },
	{ "lastcontact", P, "last_contact", 0 },
	{ "lastcontactdate", P, "last_contact", 2 },
	{ "lastcontacted", P, "last_contact", 1 },
	{ "linkedin", P, "linkedin", 0 },
	{ "location", P | C, "location", 0 },
	{ "mail", P | C, "email", 1 },
	{ "medium", M, "kind", 2 },
	{ "meetingdate", M, "date", 1 },
	{ "met", P, "met", 0 },
	{ "mobile", P, "phone", 2 },
	{ "name", A, "name", 0 },
	{ "next", M, "next", 0 },
	{ "org", P | M, "company", 1 },
	{ "organisation", P | M, "company", 3 },
	{ "organization", P | M, "company", 2 },
	{ "organizer", M, "with", 8 },
	{ "participant", M, "with", 5 },
	{ "participants", M, "with", 4 },
	{ "people", M, "with", 1 },
	{ "phone", P, "phone", 0 },
	{ "phonenumber", P, "phone", 1 },
	{ "position", P, "title", 1 },
	{ "private", A, "private", 0 },
	{ "role", P, "title", 2 },
	{ "snooze", P, "snooze", 0 },
	{ "start", M, "date", 4 },
	{ "startdatetime", M, "date", 5 },
	{ "status", C, "status", 0 },
	{ "subject", M, "title", 1 },
	{ "tag", A, "tags", 1 },
	{ "tags", A, "tags", 0 },
	{ "target", C | G, "target", 0 },
	{ "tel", P, "phone", 3 },
	{ "thanked", M, "thanked", 0 },
	{ "title", A, "title", 0 },
	{ "to", M, "with", 10 },
	{ "url", C, "website", 1 },
	{ "website", C, "website", 0 },
	{ "when", M, "date", 6 },
	{ "with", M, "with", 0 },
};

#undef P
#undef M
#undef C
#undef G
#undef A

/*
 * The kith key that key stands for on a note of type t ("with" for
 * "Attendees"), and its rank in *rank: 0 for kith's own key in any
 * spelling, 1 for a name kith.yaml's keys: gives it, 2 and up for the
 * built-in synonyms in their order.  NULL when it names none.
 */
const char *
key_lookup(const kith_journal *j, enum note_type t, const char *key, int *rank)
{
	char norm[KEY_NORM_MAX];

	if (key_norm(key, norm) == 0)
		return NULL;
	return key_lookup_norm(j, t, norm, rank);
}

/* key_lookup() of a key in its compared form. */
const char *
key_lookup_norm(const kith_journal *j, enum note_type t, const char *norm,
    int *rank)
{
	size_t lo = 0, hi = sizeof(synonyms) / sizeof(synonyms[0]), mid, i;
	int c;

	if (norm[0] == '\0')
		return NULL;
	for (i = 0; i < j->cfg.nkeys; i++) {
		if ((j->cfg.keys[i].types & KT(t)) &&
		    strcmp(j->cfg.keys[i].norm, norm) == 0) {
			*rank = 1;
			return j->cfg.keys[i].key;
		}
	}
	while (lo < hi) {
		mid = (lo + hi) / 2;
		/* the first letters tell most apart without a call */
		c = (unsigned char)synonyms[mid].norm[0] - (unsigned char)norm[0];
		if (c == 0)
			c = strcmp(synonyms[mid].norm, norm);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < sizeof(synonyms) / sizeof(synonyms[0]) &&
	    synonyms[i].norm[0] == norm[0] &&
	    strcmp(synonyms[i].norm, norm) == 0; i++) {
		if (synonyms[i].types & KT(t)) {
			*rank = synonyms[i].rank ? synonyms[i].rank + 1 : 0;
			return synonyms[i].key;
		}
	}
	return NULL;
}

/* The types whose notes have the kith key key (for keys: entries). */
unsigned
key_types(const char *key)
{
	unsigned types = 0;
	size_t i;

	for (i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++)
		if (synonyms[i].rank == 0 && strcmp(synonyms[i].key, key) == 0)
			types |= synonyms[i].types;
	return types;
}
