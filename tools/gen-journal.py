#!/usr/bin/env python3
"""Writes a synthetic journal for benchmarks, in the format of
docs/journal.md: N person notes (1-3 KB, every person key), 10*N meeting
notes (0.5-2 KB: with: links, tasks with due dates, gave/asked, thanked,
some scheduled after --today), N/20 company notes and a kith.yaml.  N =
1,000 gives about 11,000 notes and 16 MB.

The output depends only on the arguments (same --people, --seed and
--today: the same bytes), so benchmark runs can cache a journal by them.

    tools/gen-journal.py --people 1000 --seed 1 OUT_DIR

Standard library only; runs under the system python3.
"""
import argparse
import datetime
import os
import random
import sys

def parts(text):
    """The |-separated phrases of text, line ends and outer spaces gone."""
    return [" ".join(p.split()) for p in text.split("|")]


FIRST = """Aaliyah Aarav Abel Ada Adele Adrian Agnes Aiko Aisha Alba Alejandro
Alex Amara Amir Ana Anders Andrea Anika Arjun Astrid Ayumi Beatriz Ben Bianca
Bilal Björn Camila Carlos Carmen Chen Chiara Chloe Chidi Clara Dalia Dana Daniel
Dario Dev Diego Dimitri Elena Elif Emeka Emil Emma Esther Ezra Fatima Felix
Fiona Freya Gabriel Grace Hana Hannah Hassan Hiro Ibrahim Ines Ingrid Isaac
Ivan Jamal Jana Javier Jin Jonas Jorge José Julia Kai Kamala Kenji Kofi Lars
Lea Leila Leo Liam Lina Lucas Lucía Luis Maya Mei Mia Mateo Mira Nadia Naomi
Nia Nikolai Noor Olga Omar Oscar Pablo Paula Pedro Priya Rafael Rahul Ravi Rosa
Ruth Sara Samir Sanjay Santiago Sofia Soo-ah Tariq Theo Tomás Uma Valentina
Victor Wei Wen Yara Yusuf Zanele Zoë Zofia""".split()
LAST = """Abbott Abernathy Adeyemi Afolabi Agarwal Ahmed Alvarez Andersen
Araújo Bakker Banerjee Barros Becker Bergström Bianchi Brennan Brooks Castillo
Chang Chen Chowdhury Cohen Costa Cruz Dahl Das Delgado Dimitrov Dubois Duarte
Eriksen Estrada Evans Farouk Fernandes Fischer Fontaine Gallagher García Gomez
Grant Gupta Haddad Hansen Harris Hayashi Hernández Hoang Horvath Hughes Ibrahim
Iyer Jansen Jensen Johansson Kaplan Kato Keller Khan Kim Kowalski Kruger Kumar
Laine Larsen Laurent Lee Lindqvist Lopez Lund Mahmoud Marino Martin Mendes
Meyer Moreau Morris Müller Murphy Nair Nakamura Nguyen Novak Nowak Obi Okafor
Okonkwo Oliveira Olsen Ortiz Park Patel Pereira Petrov Popescu Quinn Rahman
Ramos Reyes Ricci Rivera Rossi Russo Sato Schmidt Schultz Silva Singh Sokolov
Suzuki Svensson Takahashi Tanaka Torres Ueda Varga Vargas Vasquez Volkov Wagner
Walsh Watanabe Weber Whitfield Wilson Wójcik Xu Yamamoto Yilmaz Young Zhang
Zhou Zimmer""".split()
COMPANY_A = """Acme Apex Aurora Beacon Birch Blue Bright Cedar Cobalt Copper
Crest Delta Ember Evergreen Falcon Fig Granite Halcyon Harbor Helix Indigo Iron
Juniper Keystone Lantern Ledger Lumen Maple Meridian Nimbus North Oak Onyx Orbit
Pine Prism Quarry Quartz Redwood Ridge Sable Signal Silver Spruce Summit Tide
Umber Vector Willow Zephyr""".split()
COMPANY_B = """Labs Systems Health Capital Works Analytics Freight Robotics
Cloud Data Bank Energy Games Logistics Media Networks Partners Security Software
Studio Bio Pay""".split()
KINDS = ["coffee"] * 5 + ["call"] * 4 + ["video"] * 3 + [
    "interview", "interview", "informational", "informational", "event",
    "intro", "email", "message", "lunch", "dinner"]
TAGS = """mentor recruiter alumni engineer manager former-colleague friend
investor founder designer hiring-manager meetup close-friend""".split()
TITLES = parts("""Software Engineer|Senior Software Engineer|Staff Engineer|Principal
Engineer|Engineering Manager|Director of Engineering|VP Engineering|Product
Manager|Senior Product Manager|Designer|Data Scientist|Recruiter|Technical
Recruiter|Talent Partner|SRE|Platform Engineer|CTO|Founder|Head of Data|
Developer Advocate""")
TEAMS = """platform ingestion payments search growth infrastructure data
billing mobile identity observability ML security checkout""".split()
CITIES = parts("""Chicago, IL|Austin, TX|Seattle, WA|Brooklyn, NY|Denver, CO|
Toronto, ON|Berlin|London|Lisbon|Amsterdam|Oakland, CA|Boston, MA|
Minneapolis, MN|Pittsburgh, PA|Remote""")
STATUSES = ["target", "applying", "applied", "interviewing", "offer",
            "closed", "watching"]
TOPICS = parts("""the platform team|the Postgres migration|their hiring plan|the
reorg|on-call load|the staff promotion ladder|remote work|the Series C|event
sourcing|the Rust rewrite|their interview loop|compensation bands|the new
VP|team topologies|the data pipeline|SLOs and error budgets|the Kubernetes
upgrade|mentoring juniors|a conference talk|the offsite|the layoffs|their
side project|the API redesign|incident reviews|the move to Berlin""")
GIVES = parts("""an intro to {p}|the article on {t}|feedback on her talk|a referral
|notes from my last loop|a review of his résumé|the Kafka runbook|two names for
the recruiting pipeline|coffee|a mock interview""")
ASKS = parts("""a referral|an intro to {p}|advice on {t}|what the team is like|the
salary range|a second opinion on the offer|feedback on my résumé|who is
hiring|how the interview loop works""")

# Sentence parts: combined once into a pool, then drawn from.
OPENERS = parts("""We talked about|Spent most of the time on|She walked me through|He
was candid about|Got an honest take on|Long tangent on|They are still sorting
out|Quick update on|I asked about|Compared notes on|We ended up arguing about
|Good detail on|Learned a lot about""")
MIDDLES = parts(""" and how it affects {team}|, which is stalled until Q2|; they
expect a decision next month|, and why the last attempt failed|; apparently
the budget is fixed|, with numbers I had not seen before|, which matches what
I heard elsewhere|; worth following up in a few weeks|, mostly driven by
{team}|, and it sounds like a mess|, which they think will take a year
""")
CLOSERS = parts("""Follow up after the holidays.|She will think about it.|Sounds
like a good fit for me.|Not a priority for them right now.|I owe them an
answer by Friday.|Worth a second conversation.|Keep an eye on this.|He
offered to send the job description.|They use **Go** and *Postgres* almost
everywhere.|The team is `6` engineers and one manager.|See
https://example.com/blog for the write-up.|Remember to ask about visas.
""")


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


class Pool:
    """A few thousand sentences, made once and drawn from."""

    def __init__(self, rng):
        self.s = []
        for _ in range(4000):
            if rng.random() < 0.3:
                self.s.append(pick(rng, CLOSERS))
                continue
            mid = pick(rng, MIDDLES).format(team="the %s team" %
                                            pick(rng, TEAMS))
            self.s.append("%s %s%s%s." % (pick(rng, OPENERS),
                                          pick(rng, TOPICS),
                                          "" if mid[0] in ",;" else " ", mid))

    def sentence(self, rng):
        return pick(rng, self.s)


def day_after(d, days):
    return d + datetime.timedelta(days=days)


def names(rng, n):
    """n distinct realistic names (a number only past the name space)."""
    space = len(FIRST) * len(LAST)
    out = []
    for k in rng.sample(range(space), min(n, space)):
        out.append("%s %s" % (FIRST[k % len(FIRST)], LAST[k // len(FIRST)]))
    i = 0
    while len(out) < n:
        out.append("%s %d" % (out[i % space], 2 + i // space))
        i += 1
    return out


def company_names(rng, n):
    space = len(COMPANY_A) * len(COMPANY_B)
    out = []
    for k in rng.sample(range(space), min(n, space)):
        out.append("%s %s" % (COMPANY_A[k % len(COMPANY_A)],
                              COMPANY_B[k // len(COMPANY_A)]))
    i = 0
    while len(out) < n:
        out.append("%s %d" % (out[i % space], 2 + i // space))
        i += 1
    return out


def size(text):
    return len(text.encode("utf-8"))


class Gen:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.out = args.out
        self.today = args.today
        self.pool = Pool(self.rng)
        self.people = names(self.rng, args.people)
        self.companies = company_names(self.rng, max(1, args.people // 20))
        self.employer = [pick(self.rng, self.companies)
                         for _ in self.people]
        self.index = {p: i for i, p in enumerate(self.people)}
        self.staff = {}
        for p, c in zip(self.people, self.employer):
            self.staff.setdefault(c, []).append(p)
        self.made = set()
        self.bytes = 0
        self.notes = 0

    def write(self, rel, text):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        self.bytes += size(text)
        self.notes += rel.endswith(".md")

    def link(self, person=None):
        """A wiki link to a person, in one of the forms people write."""
        rng = self.rng
        p = person if person is not None else pick(rng, self.people)
        r = rng.random()
        if r < 0.75:
            return "[[%s]]" % p
        if r < 0.9:
            return "[[%s|%s]]" % (p, p.split()[0])
        return "[[people/%s]]" % p

    def paragraph(self, people, nsent, nlinks):
        rng = self.rng
        words = [self.pool.sentence(rng) for _ in range(nsent)]
        for _ in range(nlinks):
            if rng.random() < 0.2:
                ref = "[[%s]]" % pick(rng, self.companies)
            else:
                ref = self.link(pick(rng, people) if people and
                                rng.random() < 0.5 else None)
            at = rng.randrange(len(words) + 1)
            words.insert(at, pick(rng, ["Mentioned %s.", "Ask %s about it.",
                                        "%s was there too.",
                                        "Same story as %s."]) % ref)
        return " ".join(words)

    def task(self, d, people):
        """A task line: open or done, with a due date in one of the forms."""
        rng = self.rng
        text = pick(rng, ["Send %s the article on %s",
                          "Ask %s for feedback on %s",
                          "Introduce %s to someone who knows %s",
                          "Follow up with %s about %s",
                          "Read up on %s before talking to %s again"])
        who = self.link(pick(rng, people)) if people else self.link()
        if text.startswith("Read"):
            text = text % (pick(rng, TOPICS), who)
        else:
            text = text % (who, pick(rng, TOPICS))
        due = day_after(d, rng.randrange(1, 21))
        done = due < self.today and rng.random() < 0.7
        marker = pick(rng, ["\U0001F4C5 %s", "\U0001F4C5 %s", "due:%s",
                            "\U0001F4C6 %s"]) % due
        if done:
            return "- [x] %s %s \u2705 %s" % (text, marker,
                                                day_after(due, -1))
        return "- [ ] %s %s" % (text, marker)

    def fill(self, head, parts, target, people, tail=""):
        """Adds paragraphs to parts until the note is about target bytes."""
        rng = self.rng
        text = head + "\n\n".join(parts) + tail
        while size(text) < target - 120:
            left = target - size(text)
            n = max(1, min(5, left // 110))
            parts.append(self.paragraph(people, rng.randint(1, n),
                                        rng.randint(0, 2)))
            text = head + "\n\n".join(parts) + tail
        return text + ("" if text.endswith("\n") else "\n")

    def person(self, i, name):
        rng = self.rng
        first, last = name.split()[0], name.split()[-1]
        slug = "%s.%s" % (first.lower(), last.lower())
        met = day_after(self.today, -rng.randrange(60, 4000))
        born = datetime.date(rng.randrange(1955, 2001), rng.randint(1, 12),
                             rng.randint(1, 28))
        fm = ["name: %s" % name,
              "aliases: [\"%s %s. %s\"]" % (first, chr(65 + i % 26), last),
              "company: \"[[%s]]\"" % self.employer[i],
              "title: %s" % pick(rng, TITLES),
              "email: [%s@example.com, %s@%s.example]" % (
                  slug, first.lower(),
                  self.employer[i].split()[0].lower()),
              "phone: \"+1 %03d 555 %04d\"" % (rng.randrange(201, 990),
                                               rng.randrange(10000)),
              "linkedin: https://www.linkedin.com/in/%s-%d" % (
                  slug.replace(".", "-"), i),
              "location: %s" % pick(rng, CITIES),
              "tags: [%s]" % ", ".join(rng.sample(TAGS, rng.randint(1, 3))),
              "cadence: %s" % pick(rng, ["30d", "60d", "90d", "6w", "3m",
                                         "6m", "1y", "never"]),
              "last_contact: %s" % day_after(self.today,
                                             -rng.randrange(1, 400)),
              "met: %s" % met]
        if i > 0:
            fm.append("introduced_by: \"[[%s]]\"" %
                      self.people[rng.randrange(i)])
        else:
            fm.append("introduced_by: \"[[%s]]\"" % self.people[-1])
        if rng.random() < 0.3:
            fm.append("birthday: --%02d-%02d" % (born.month, born.day))
        else:
            fm.append("birthday: %s" % born)
        fm.append("dates:\n  work anniversary: %s\n  kid's birthday: "
                  "--%02d-%02d" % (day_after(met, rng.randrange(-900, 0)),
                                   rng.randint(1, 12), rng.randint(1, 28)))
        fm.append("snooze: %s" % day_after(self.today,
                                           rng.randrange(-300, 40)
                                           if rng.random() < 0.1 else
                                           -rng.randrange(300, 900)))
        fm.append("private: %s" % ("yes" if rng.random() < 0.02 else "no"))
        head = "---\n%s\n---\n# %s\n\n" % ("\n".join(fm), name)
        parts = [self.paragraph([], rng.randint(2, 4), 2)]
        tasks = [self.task(day_after(self.today, -rng.randrange(0, 60)),
                           [name]) for _ in range(rng.randint(1, 3))]
        bullets = "## What I know\n\n" + "\n".join(
            "- %s" % self.pool.sentence(rng) for _ in range(rng.randint(2, 4)))
        parts.append(bullets)
        tail = "\n\n## Follow-ups\n\n" + "\n".join(tasks) + "\n"
        text = self.fill(head, parts, rng.randint(1100, 2850), [name], tail)
        self.write(os.path.join("people", name + ".md"), text)

    def company(self, i, name):
        rng = self.rng
        status = pick(rng, STATUSES)
        staff = self.staff.get(name, [])[:8]
        fm = ["name: %s" % name,
              "aliases: [\"%s Inc.\"]" % name,
              "tags: [%s]" % ", ".join(rng.sample(TAGS[:6], 2)),
              "website: https://%s.example" % name.lower().replace(" ", ""),
              "location: %s" % pick(rng, CITIES),
              "target: %s" % ("yes" if i % 4 == 0 else "no"),
              "status: %s" % status,
              "apply_by: %s" % day_after(self.today, rng.randrange(-30, 90))]
        head = "---\n%s\n---\n# %s\n\n" % ("\n".join(fm), name)
        parts = [self.paragraph([], 3, 1)]
        if staff:
            parts.append("People there: %s." % ", ".join(
                "[[%s]]" % p for p in staff))
        text = self.fill(head, parts, rng.randint(800, 2000), staff)
        self.write(os.path.join("companies", name + ".md"), text)

    def meeting_date(self, i):
        """Most meetings in the last four years, a few scheduled ahead."""
        rng = self.rng
        if rng.random() < 0.03:
            return day_after(self.today, rng.randrange(1, 45))
        back = int(rng.triangular(0, 1460, 0))
        return day_after(self.today, -back)

    def meeting(self, i):
        rng = self.rng
        d = self.meeting_date(i)
        held = d <= self.today
        kind = pick(rng, KINDS)
        withs = rng.sample(self.people, pick(rng, [1, 1, 1, 1, 2, 2, 3]))
        if rng.random() < 0.8:
            company = self.employer[self.index[withs[0]]]
        else:
            company = pick(rng, self.companies)
        fm = []
        if rng.random() < 0.8:
            fm.append("date: %s %02d:%s" % (d, rng.randrange(8, 19),
                                            pick(rng, ["00", "15", "30"])))
        else:
            fm.append("date: %s" % d)
        fm.append("with: [%s]" % ", ".join("\"[[%s]]\"" % w for w in withs))
        fm.append("kind: %s" % kind)
        fm.append("company: \"[[%s]]\"" % company)
        if rng.random() < 0.2:
            fm.append("title: %s with %s about %s" % (
                kind.capitalize(), withs[0], pick(rng, TOPICS)))
        if held:
            age = (self.today - d).days
            if age < 14 and rng.random() < 0.5:
                fm.append("thanked: no")
            else:
                fm.append("thanked: %s" % (
                    day_after(d, rng.randrange(0, 3)) if rng.random() < 0.7
                    else pick(rng, ["yes", "skip", "no"])))
            r = rng.random()
            if r < 0.25:
                fm.append("next: %s" % day_after(d, rng.randrange(14, 60)))
            elif r < 0.3:
                fm.append("next: none")
        if rng.random() < 0.4:
            fm.append("gave: [\"%s\"]" % pick(rng, GIVES).format(
                p=pick(rng, self.people), t=pick(rng, TOPICS)))
        if rng.random() < 0.4:
            fm.append("asked: [\"%s\"]" % pick(rng, ASKS).format(
                p=pick(rng, self.people), t=pick(rng, TOPICS)))
        head = "---\n%s\n---\n# %s with %s\n\n" % (
            "\n".join(fm), kind.capitalize(), withs[0])
        parts = [self.paragraph(withs, rng.randint(1, 3), 1)]
        tail = "\n"
        if rng.random() < 0.6:
            tail = "\n\n" + "\n".join(self.task(d, withs)
                                      for _ in range(rng.randint(1, 3))) + "\n"
        target = int(rng.triangular(600, 1980, 1800))
        text = self.fill(head, parts, target, withs, tail)
        stem = "%s %s with %s" % (d, kind, withs[0])
        rel = os.path.join("meetings", str(d.year), stem + ".md")
        k = 2
        while rel in self.made:
            rel = os.path.join("meetings", str(d.year),
                               "%s (%d).md" % (stem, k))
            k += 1
        self.made.add(rel)
        self.write(rel, text)

    def config(self):
        self.write("kith.yaml", """# kith settings (generated for benchmarks)
owner: Alex Rivera
title: Benchmark journal
cadence: 90d
cadence_by_tag:
  mentor: 30d
  recruiter: 45d
  close-friend: 60d
horizon: 7
thank_you_window: 14d
next_step_after: 7d
reciprocity_threshold: 2
stale_after: 30
ignore:
  - "templates/**"
""")

    def run(self, npeople):
        self.config()
        for i, c in enumerate(self.companies):
            self.company(i, c)
        for i, p in enumerate(self.people):
            self.person(i, p)
        for i in range(10 * npeople):
            self.meeting(i)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--today", type=datetime.date.fromisoformat,
                    default=datetime.date(2026, 11, 22),
                    help="the day the journal is written up to "
                    "(default 2026-11-22)")
    ap.add_argument("out")
    a = ap.parse_args()
    if a.people < 1:
        ap.error("--people must be at least 1")
    g = Gen(a)
    g.run(a.people)
    print("%s: %d notes, %d bytes" % (a.out, g.notes, g.bytes),
          file=sys.stderr)


if __name__ == "__main__":
    main()
