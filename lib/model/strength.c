/*
 * strength.c: how strong a relationship is, 0 to 100.
 *
 *   raw = sum over held meetings with P of  w(kind) * 2^(-age / 180)
 *       + sum over held meetings with P of  0.5 * gave * 2^(-age / 180)
 *       + 0.5 * 2^(-age / 180) for last_contact (a contact with no note)
 *   strength = round(100 * (1 - e^(-raw / 2)))
 *
 * age is in days before today; w is 1 for a meeting in person or by voice
 * or video (any kind but email and message), 0.5 for email and message.
 * So a contact fades by half every six months; one coffee this week is 39,
 * three recent ones 78; what you gave counts for half a meeting each.
 */
#include <math.h>

#include "model/model.h"

#define HALF_LIFE_DAYS 180.0

static double
decay(kith_date today, kith_date when)
{
	double age = (double)(today - when);

	return pow(2.0, -(age < 0 ? 0 : age) / HALF_LIFE_DAYS);
}

static double
kind_weight(const note *m)
{
	return meeting_is_written(m) ? 0.5 : 1.0;
}

int
person_strength_parts(const note *p, kith_date today, strength_parts *parts)
{
	strength_parts x = { 0, 0, 0, 0, 0 };
	double d;
	const note *m;
	size_t i;

	for (i = 0; i < p->nmeetings; i++) {
		m = p->meetings[i];
		if (m->date.d > today)
			continue;
		d = decay(today, m->date.d);
		if (meeting_is_written(m))
			x.written += kind_weight(m) * d;
		else
			x.met += kind_weight(m) * d;
		x.gave += 0.5 * (double)m->gave.n * d;
		x.meetings++;
	}
	if (p->last_contact.d != KITH_NO_DATE && p->last_contact.d <= today)
		x.contact = 0.5 * decay(today, p->last_contact.d);
	if (parts != NULL)
		*parts = x;
	return (int)lround(100.0 * (1.0 - exp(-(x.met + x.written + x.gave +
	    x.contact) / 2.0)));
}

int
person_strength(const note *p, kith_date today)
{
	return person_strength_parts(p, today, NULL);
}
