#!/usr/bin/python3
"""Writes the journal of a simulated job search, in the format of
docs/journal.md, and keeps the world that wrote it so that run.py can
go on living in it night by night.

The owner, Jordan Avery, a backend engineer in Chicago, was laid off from
Quillon Software ten weeks before the start day.  The journal was begun a
year before the start day.  The generator lives that year day by day (the
same world that run.py goes on with): the mentors' monthly coffees, the
meetups, former colleagues, recruiters, and from the lay-off on the
search itself (target companies, applications, interview rounds with
different interviewers, rejections, informational interviews, intros).
In that year the owner has no kith: an "ideal" user sends most
thank-yous, ticks most tasks and follows up on most next steps by what is
true, not by a report, and leaves the loose ends a person leaves.

The output depends only on the arguments (same --people, --seed and
--start: the same bytes).

    /usr/bin/python3 tests/sim/gen.py --people 300 --seed 1 OUT_DIR

Standard library only.
"""
import argparse
import datetime
import json
import os
import random
import sys

OWNER = "Jordan Avery"
START = datetime.date(2026, 9, 7)      # a Monday: the first night of run.py
NO_THANKS = ("email", "message")       # kinds that need no thank-you
CLOSED = ("closed", "rejected", "declined", "withdrawn", "hired")
GROUP_SIZE = 3


def after(d, n):
    return d + datetime.timedelta(days=n)


def parts(text):
    """The |-separated phrases of text, line ends and outer spaces gone."""
    return [" ".join(p.split()) for p in text.split("|")]


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def weekday_on_or_after(d):
    while d.weekday() >= 5:
        d = after(d, 1)
    return d


# ---------------------------------------------------------------- words

FIRST = """Aaliyah Aarav Abel Ada Adele Adrian Agnes Aiko Aisha Alba Alejandro
Amara Amir Ana Anders Andrea Anika Arjun Astrid Ayumi Beatriz Ben Bianca
Bilal Björn Camila Carlos Carmen Chen Chiara Chloe Chidi Clara Dalia Dana Daniel
Dario Dev Diego Dimitri Elena Elif Emeka Emil Emma Esther Ezra Fatima Felix
Fiona Freya Gabriel Grace Hana Hannah Hassan Hiro Ibrahim Ines Ingrid Isaac
Ivan Jamal Jana Javier Jin Jonas Jorge José Julia Kai Kamala Kenji Kofi Lars
Lea Leila Leo Liam Lina Lucas Lucía Luis Maya Mei Mia Mateo Mira Nadia Naomi
Nia Nikolai Noor Olga Omar Oscar Pablo Paula Pedro Priya Rafael Rahul Ravi Rosa
Ruth Sara Samir Sanjay Santiago Sofia Soo-ah Tariq Theo Tomás Uma Valentina
Victor Wei Wen Yara Yusuf Zanele Zoë Zofia Marcus Helen Greg Rachel Tom Kate
Megan Josh Laura Brian Nicole Kevin Sarah Mike Jenna Eric Alison Patrick""".split()
LAST = """Abbott Abernathy Adeyemi Afolabi Agarwal Ahmed Alvarez Andersen
Araújo Bakker Banerjee Barros Becker Bergström Bianchi Brennan Brooks Castillo
Chang Chen Chowdhury Cohen Costa Cruz Dahl Das Delgado Dimitrov Dubois Duarte
Eriksen Estrada Evans Farouk Fernandes Fischer Fontaine Gallagher García Gomez
Grant Gupta Haddad Hansen Harris Hayashi Hernández Hoang Horvath Hughes Ibrahim
Iyer Jansen Jensen Johansson Kaplan Kato Keller Khan Kim Kowalski Kruger Kumar
Laine Larsen Laurent Lee Lindqvist Lopez Lund Mahmoud Marino Martin Mendes
Meyer Moreau Morris Müller Murphy Nair Nakamura Nguyen Novak Nowak Obi Okafor
Okonkwo Oliveira Olsen Ortiz Park Patel Pereira Petrov Popescu Quinn Rahman
Ramos Reyes Ricci Rossi Russo Sato Schmidt Schultz Silva Singh Sokolov
Suzuki Svensson Takahashi Tanaka Torres Ueda Varga Vargas Vasquez Volkov Wagner
Walsh Watanabe Weber Whitfield Wilson Wójcik Xu Yamamoto Yilmaz Young Zhang
Zhou Zimmer O'Brien McCarthy Sullivan Novotny Kovacs""".split()

# Companies with a note: the former employer, an agency, and the companies
# the search is about (taken in this order as they come up).
FORMER = "Quillon Software"
AGENCY = "Talentbridge Partners"
TARGETS = [
    ("Larkspur Health", "healthtech", "claims processing for mid-size insurers"),
    ("Meridian Pay", "fintech", "payouts and ledgers for marketplaces"),
    ("Quarry Data", "data", "a managed warehouse for IoT telemetry"),
    ("Tessellate", "devtools", "CI caching as a service"),
    ("Harborline Logistics", "logistics", "freight booking and tracking"),
    ("Fernway Robotics", "robotics", "warehouse picking robots"),
    ("Kestrel Cloud", "infrastructure", "managed Postgres and queues"),
    ("Brightmoor Energy", "climate", "demand response for utilities"),
    ("Opal Games", "games", "multiplayer backends for mobile games"),
    ("Cinder Security", "security", "secrets scanning and rotation"),
    ("Vantage Mobility", "mobility", "fleet software for e-bike rentals"),
    ("Willowtree Analytics", "data", "retail demand forecasting"),
    ("Juniper Bank", "fintech", "a digital bank for small businesses"),
    ("Sable Systems", "infrastructure", "observability pipelines"),
    ("Copperline", "fintech", "B2B invoicing"),
    ("Prism Bio", "biotech", "lab automation software"),
    ("Orbit Media", "media", "podcast hosting and ads"),
    ("Lantern Learning", "edtech", "tutoring marketplace"),
    ("Nimbus Freight", "logistics", "last-mile delivery routing"),
    ("Evergreen Insurance", "insurtech", "renters insurance"),
    ("Halyard Labs", "devtools", "feature flags and experiments"),
    ("Redwood Retail", "retail", "a grocery delivery app"),
    ("Signal Atlas", "geospatial", "maps for emergency services"),
    ("Tidewater Health", "healthtech", "patient scheduling"),
    ("Granite Works", "construction", "construction project software"),
    ("Beacon Civic", "govtech", "permits and licensing for cities"),
    ("Ashgrove Capital", "fintech", "a robo-advisor for retirement plans"),
    ("Wrenfield", "healthtech", "remote monitoring for cardiology"),
    ("Pinecrest Foods", "retail", "restaurant supply ordering"),
    ("Lumen Transit", "mobility", "fare payment for transit agencies"),
    ("Stonebridge Legal", "legaltech", "contract review"),
    ("Northgate Media", "media", "local news subscriptions"),
    ("Cobblestone", "proptech", "rental listings and screening"),
    ("Ironbark Analytics", "data", "sports analytics for clubs"),
    ("Marigold HR", "hrtech", "payroll for restaurants"),
    ("Bluefin Shipping", "logistics", "ocean freight visibility"),
    ("Clearpath Dental", "healthtech", "dental practice software"),
    ("Saltmarsh Labs", "climate", "carbon accounting"),
    ("Foxglove Security", "security", "identity threat detection"),
    ("Thistle Travel", "travel", "corporate travel booking"),
]
# Employers people have that the owner keeps no note for (plain names).
EMPLOYERS = parts("""Globex|Hooli|Initrode|Umbrella Insurance|Soylent Foods|
Stark Logistics|Wayne Analytics|Pied Piper|Massive Dynamic|Tyrell Corp|
Cyberdyne|Vandelay Industries|Dunder Mifflin|Monarch Bank|Aperture Science|
Gringotts Payments|Oceanic Air|Nakatomi Trading|Sirius Cybernetics|
Bluth Company|Prestige Worldwide|Strickland Propane|Los Pollos Hermanos|
Acme Corp|Wonka Foods|Duff Brewing|Oscorp|Weyland Freight|Virtucon|
Gekko & Co|Spacely Sprockets|Cogswell Cogs|Chotchkie's|Northbeam Talent|
University of Illinois|Chicago Tech Alliance|self-employed""")
CITIES = parts("""Chicago, IL|Chicago, IL|Chicago, IL|Evanston, IL|Oak Park, IL|
Chicago, IL|Remote|Milwaukee, WI|Austin, TX|Denver, CO|Brooklyn, NY|Seattle, WA""")
TEAMS = parts("""platform|ingestion|payments|search|growth|infrastructure|data|
billing|identity|observability|checkout|ledger|scheduling|integrations""")
TOPICS = parts("""the platform team|the Postgres migration|their hiring plan|the
reorg|on-call load|the staff promotion ladder|remote work|the Series C|event
sourcing|the Rust rewrite|their interview loop|compensation bands|the new
VP|team topologies|the data pipeline|SLOs and error budgets|the Kubernetes
upgrade|mentoring juniors|the offsite|the layoffs|the API redesign|incident
reviews|the move to Kafka|the monolith split|platform as a product|their
hiring freeze""")
NEWS = parts("""about to be promoted to staff|interviewing quietly too|three
months into a new team|going on parental leave in January|moving to Denver in
the spring|running the on-call rotation this quarter|tired after the reorg|
hiring two backend engineers|now managing six people|back from a sabbatical|
writing a book on distributed tracing|thinking about starting something""")
OPINIONS = parts("""it sounds like a mess|they're finally getting it right|nobody
owns it|same story as at Quillon|more optimistic than I expected|it will take
a year|the budget is fixed until Q2|it's mostly politics|they underestimated
it badly|honestly, it sounds fun""")
ADVICE = parts("""ask for advice, not for a job|apply through a referral or not
at all|say what I want in one sentence|keep a brag document|never take the
first number without a counter|talk to the hiring manager before the
recruiter|stop apologising for the layoff|pick three companies and go deep|
practise the system design warm-up out loud""")
ASKS = parts("""a referral|an intro to the hiring manager|advice on the
search|feedback on my résumé|what the team is like|the salary range|how the
interview loop works|who else is hiring|an intro to someone on the {team}
team|a mock system design interview""")
GIVES = parts("""an intro to {p}|the article on {t}|feedback on her talk|notes
from my last loop|a review of his résumé|the Kafka runbook I wrote|two names
for their recruiting pipeline|a mock interview|my notes on {t}|a referral for
{p}""")
PLACES = parts("""Intelligentsia on Jackson|Sawada Coffee|the Colectivo on
Chicago Ave|Dollop on Clark|Metric Coffee|Ipsento 606|Gaslight Coffee|Big
Shoulders in the Loop|Café Marie-Jeanne|Dark Matter on Chicago""")
LUNCHES = parts("""Revival Food Hall|Lou Mitchell's|Big Star|Cafecito|the ramen
place on Wells|Avec|Publican Quality Meats""")
DINNERS = parts("""Lula Cafe|their place in Logan Square|Monteverde|Avec|our
place|the Ethiopian place on Clark""")
DESIGNS = parts("""a rate limiter|an event ingestion pipeline|a payments
ledger|a job scheduler|a feature-flag service|a notification fan-out|a
multi-region queue|a URL shortener (really)|an audit log|exactly-once
delivery between two services|a booking system with holds""")
CODING = parts("""an LRU cache|interval merging|a tokenizer for a small
query language|a retry wrapper with jitter|top-k from a stream|a dependency
resolver""")
FAILURES = parts("""a consumer crashes mid-batch|the clock skews|a region goes
away|the same event arrives twice|the database fails over|a deploy is rolled
back halfway""")
BEHAVIOUR = parts("""a time I disagreed with my manager|the migration I
stopped|a failure and what changed after|mentoring two juniors to on-call|a
project that ran late|changing a team's direction""")
FEELINGS = parts("""Felt good about it.|Went OK; I rambled on the second
question.|Not my best: I froze on the capacity estimate.|Good rapport; we
ran ten minutes over.|Hard to read.|I think it went well, but I said "it
depends" too often.|Solid. The questions were fair.|Rough start, strong
finish.""")
TALKS = parts("""Temporal workflows in production|Postgres at 10 TB|what we
learned from a year of SLOs|Kafka without tears|a migration nobody noticed|
platform teams as product teams|cost-aware architecture|Go generics one year
on|debugging with eBPF|feature flags at scale|the hiring market, a panel""")
REASONS = parts("""They went with someone with more Kotlin.|The role was
filled internally.|They paused the req.|Feedback: strong on design, less on
leadership.|No reason given.|They want someone more senior in payments.|
Feedback: the coding round was too slow.""")
ROLES = parts("""Senior Backend Engineer|Staff Engineer, Platform|Senior
Software Engineer, Data|Staff Software Engineer|Senior Engineer,
Infrastructure|Backend Engineer (Senior)|Engineering Lead, Payments""")
ENG_TITLES = parts("""Software Engineer|Senior Software Engineer|Staff
Engineer|Principal Engineer|Senior SRE|Platform Engineer|Data Engineer|
Engineering Manager|Senior Engineering Manager|Director of Engineering""")
OTHER_TITLES = parts("""Product Manager|Senior Product Manager|Designer|Data
Scientist|Developer Advocate|CTO|Founder|VP Engineering|Solutions
Architect|Technical Writer""")
UNI = "University of Illinois"
SERIES = [  # (name, weekday, week of the month (1-based), time, organiser role)
    ("Chicago Backend Meetup", 2, 3, "18:30"),
    ("Platform Engineering Chicago", 1, 2, "18:00"),
    ("Chicago Go Meetup", 3, 1, "18:30"),
]
ONE_OFFS = parts("""Recruiting mixer at 1871|Illinois alumni happy hour|
Women in Tech Chicago panel|Chicago SRE breakfast|Data Council Chicago
(one-day)|Startup job fair at Merchandise Mart""")


def name_space():
    return [(f, l) for l in LAST for f in FIRST]


# ---------------------------------------------------------------- model

class Task:
    __slots__ = ("text", "due", "done", "done_on", "marker")

    def __init__(self, text, due=None, marker="\U0001F4C5"):
        self.text, self.due, self.marker = text, due, marker
        self.done, self.done_on = False, None

    def line(self):
        s = "- [%s] %s" % ("x" if self.done else " ", self.text)
        if self.due is not None:
            s += (" due:%s" % self.due if self.marker == "due:"
                  else " %s %s" % (self.marker, self.due))
        if self.done and self.done_on is not None:
            s += " \u2705 %s" % self.done_on
        return s


class Person:
    def __init__(self, name, role, created):
        self.name, self.role, self.created = name, role, created
        self.file = "people/%s.md" % name
        self.company = None        # a company name (note or plain)
        self.title = None
        self.tags = []
        self.cadence = None
        self.met = None
        self.last_contact = None
        self.birthday = None       # text as written
        self.born = None           # (month, day) for the world
        self.dates = {}
        self.introduced_by = None
        self.snooze = None
        self.private = False
        self.aliases = []
        self.email = None
        self.location = None
        self.bio = []
        self.tasks = []


class Company:
    def __init__(self, name, tag, blurb, created):
        self.name, self.created = name, created
        self.file = "companies/%s.md" % name
        self.tags = [tag]
        self.blurb = blurb
        self.target = None
        self.status = None
        self.apply_by = None
        self.role = None
        self.log = []
        self.staff = []            # names of people there (notes)
        self.website = "https://%s.example" % name.lower().replace(" ", "")


class Meeting:
    def __init__(self, date, time, kind, with_, company=None, title=None):
        self.date, self.time, self.kind = date, time, kind
        self.with_ = list(with_)
        self.company = company
        self.title = title
        self.heading = title
        self.thanked = None        # None, "no", "yes", "skip" or a date
        self.next = None           # None, "none" or a date
        self.asked, self.gave = [], []
        self.pre = []              # what the note says before it is held
        self.body = []             # ... and after the write-up
        self.tasks = []
        self.written = False
        self.logged = None
        self.file = None
        self.process = None
        self.stage = None
        self.series = None

    def group(self):
        return self.kind == "event" or len(self.with_) > GROUP_SIZE


class Note:
    """A plain note (no type): a few with undated tasks."""

    def __init__(self, file, title, paras, tasks):
        self.file, self.title, self.paras, self.tasks = file, title, paras, tasks


class Process:
    """One company's hiring process, as the world runs it."""
    STAGES = ["recruiter screen", "hiring manager interview",
              "technical interview", "onsite", "offer call"]
    ADVANCE = [0.7, 0.65, 0.6, 0.5]

    def __init__(self, company, recruiter, started):
        self.company = company
        self.recruiter = recruiter
        self.started = started
        self.stage = -1            # the last round held (-1: applied)
        self.state = "applied"     # applied waiting scheduled ghosted offer done
        self.respond_on = None
        self.outcome = None
        self.rounds = []
        self.seen = set()          # interviewers so far
        self.deadline = None
        self.ghosted_on = None


# ---------------------------------------------------------------- text

def yaml_str(s):
    if (not s or s[0] in "[]{}&*!|>'\"%@`#,?:-" or ": " in s or " #" in s
            or s != s.strip() or s.lower() in ("yes", "no", "true",
                                               "false", "null", "~")):
        return json.dumps(s, ensure_ascii=False)
    return s


def yaml_list(items):
    return "[%s]" % ", ".join(json.dumps(x, ensure_ascii=False)
                              for x in items)


def link(name):
    return "[[%s]]" % name


def first(name):
    return name.split()[0]


# ---------------------------------------------------------------- the world

class World:
    def __init__(self, people=300, seed=1, start=START):
        self.seed, self.start, self.npeople = seed, start, people
        self.begin = after(start, -365)        # the journal's first day
        self.layoff = after(start, -72)        # the search's first day
        self.rng = random.Random("%s:population" % seed)
        self.people = {}
        self.companies = {}
        self.meetings = []
        self.by_file = {}
        self.notes = {}
        self.processes = []
        self.dirty = set()
        self.removed = set()
        self.files = {}            # rel path -> object
        self.task_lines = {}       # rel path -> {line: Task}
        self.names = name_space()
        self.rng.shuffle(self.names)
        self.used = {OWNER.lower()}
        self.deferred = []         # meetings held, written up the next day
        self.planned = {}          # name -> date of the latest meeting note
        self.mentor_next = {}
        self.hired = None
        self.targets_left = list(TARGETS)
        self.event_days = {}
        self.log = []              # (date, text) of what happened
        self.today = None

    # ------------------------------------------------ bookkeeping

    def touch(self, obj):
        self.dirty.add(obj.file)
        self.files[obj.file] = obj

    def note(self, d, text):
        self.log.append((d, text))

    def new_name(self):
        while True:
            f, l = self.names.pop()
            n = "%s %s" % (f, l)
            if n.lower() not in self.used:
                self.used.add(n.lower())
                return n

    def add_person(self, role, d, company=None, tags=None, title=None,
                   met=None, rng=None):
        rng = rng or self.rng
        p = Person(self.new_name(), role, d)
        p.company = company
        p.tags = list(tags or [])
        p.title = title
        p.met = met
        slug = p.name.lower().replace(" ", ".").replace("'", "")
        dom = "gmail.com"
        if company in self.companies:
            dom = company.split()[0].lower() + ".example"
        if rng.random() < 0.7:
            p.email = "%s@%s" % (slug, dom)
        p.location = pick(rng, CITIES) if rng.random() < 0.8 else None
        self.people[p.name] = p
        if company in self.companies:
            self.companies[company].staff.append(p.name)
            self.touch(self.companies[company])
        self.touch(p)
        return p

    def add_company(self, name, tag, blurb, d):
        c = Company(name, tag, blurb, d)
        self.companies[name] = c
        self.touch(c)
        return c

    def meeting_file(self, m, stem):
        base = "meetings/%s %s" % (m.date, stem)
        rel, k = base + ".md", 2
        while rel in self.files:
            rel = "%s (%d).md" % (base, k)
            k += 1
        return rel

    def add_meeting(self, d_logged, m, stem, done=False):
        """A new meeting note; done: written whole (a message, an email),
        else it is written up after it is held."""
        m.logged = d_logged
        m.file = self.meeting_file(m, stem)
        m.written = done
        for n in m.with_:
            if self.planned.get(n) is None or self.planned[n] < m.date:
                self.planned[n] = m.date
        self.meetings.append(m)
        self.by_file[m.file] = m
        self.touch(m)
        return m

    def remove_meeting(self, m):
        """A cancelled meeting: its note is deleted."""
        self.meetings.remove(m)
        del self.by_file[m.file]
        del self.files[m.file]
        self.dirty.discard(m.file)
        self.removed.add(m.file)

    def set_company_status(self, c, status, d, line=None):
        c.status = status
        if line:
            c.log.append("%s: %s" % (d, line))
        self.touch(c)

    # ------------------------------------------------ questions about the journal

    def weak_tie(self, name, before):
        """Never met one-to-one: no held meeting that is not a group
        meeting (an event, or more than three people) names them, and
        their note has no last_contact (a chat with no meeting note)."""
        p = self.people.get(name)
        if p is not None and p.last_contact is not None:
            return False
        for m in self.meetings:
            if m.date < before and name in m.with_ and not m.group():
                return False
        return True

    def same_company(self, m2, c):
        if m2.company == c:
            return True
        for n in m2.with_:
            p = self.people.get(n)
            if p is not None and p.company == c:
                return True
        return False

    def moved_on(self, m):
        """Whether the process m was part of has in truth moved on: a
        later meeting shares a person with m or is with m's company, or
        m's company is closed.  The reason, or None."""
        c = self.companies.get(m.company) if m.company else None
        if c is not None and c.status in CLOSED:
            return "%s is %s" % (c.name, c.status)
        who = set(m.with_)
        for m2 in self.meetings:
            if m2 is m:
                continue
            if m2.date < m.date:
                continue
            if m2.date == m.date and not (m.time and m2.time
                                          and m2.time > m.time):
                continue
            if who.intersection(m2.with_):
                return "later: %s (same person)" % m2.file
            if m.company and self.same_company(m2, m.company):
                return "later: %s (same company)" % m2.file
        return None

    def needs_thanks(self, m):
        return m.kind not in NO_THANKS and m.thanked in (None, "no")

    def open_tasks(self):
        for obj in list(self.people.values()) + self.meetings + list(
                self.notes.values()):
            for t in obj.tasks:
                if not t.done:
                    yield obj, t

    # ------------------------------------------------ rendering

    def render(self, obj):
        if isinstance(obj, Person):
            return self.render_person(obj)
        if isinstance(obj, Company):
            return self.render_company(obj)
        if isinstance(obj, Meeting):
            return self.render_meeting(obj)
        return self.render_note(obj)

    @staticmethod
    def company_ref(name, known):
        return '"[[%s]]"' % name if name in known else yaml_str(name)

    def render_person(self, p):
        fm = []
        if p.aliases:
            fm.append("aliases: %s" % yaml_list(p.aliases))
        if p.company:
            fm.append("company: %s" % self.company_ref(p.company,
                                                        self.companies))
        if p.title:
            fm.append("title: %s" % yaml_str(p.title))
        if p.email:
            fm.append("email: %s" % p.email)
        if p.location:
            fm.append("location: %s" % yaml_str(p.location))
        if p.tags:
            fm.append("tags: [%s]" % ", ".join(p.tags))
        if p.cadence:
            fm.append("cadence: %s" % p.cadence)
        if p.met:
            fm.append("met: %s" % p.met)
        if p.last_contact:
            fm.append("last_contact: %s" % p.last_contact)
        if p.introduced_by:
            fm.append('introduced_by: "[[%s]]"' % p.introduced_by)
        if p.birthday:
            fm.append("birthday: %s" % p.birthday)
        if p.dates:
            fm.append("dates:")
            for k, v in p.dates.items():
                fm.append("  %s: %s" % (k, v))
        if p.snooze:
            fm.append("snooze: %s" % p.snooze)
        if p.private:
            fm.append("private: yes")
        out = ["---"] + fm + ["---", "# %s" % p.name, ""]
        for para in p.bio:
            out += [para, ""]
        tasks = {}
        if p.tasks:
            out += ["## Follow-ups", ""]
            for t in p.tasks:
                tasks[len(out) + 1] = t
                out.append(t.line())
            out.append("")
        return "\n".join(out).rstrip("\n") + "\n", tasks

    def render_company(self, c):
        fm = []
        short = c.name.split()[0]
        if short != c.name:
            fm.append('aliases: ["%s"]' % short)
        fm.append("tags: [%s]" % ", ".join(c.tags))
        fm.append("website: %s" % c.website)
        if c.target is not None:
            fm.append("target: %s" % ("yes" if c.target else "no"))
        if c.status:
            fm.append("status: %s" % c.status)
        if c.apply_by:
            fm.append("apply_by: %s" % c.apply_by)
        out = ["---"] + fm + ["---", "# %s" % c.name, "", c.blurb, ""]
        if c.role:
            out += ["The role: **%s**." % c.role, ""]
        if c.staff:
            out += ["People there: %s." % ", ".join(link(n) for n in c.staff),
                    ""]
        if c.log:
            out += ["## Log", ""] + ["- %s" % x for x in c.log] + [""]
        return "\n".join(out).rstrip("\n") + "\n", {}

    def render_meeting(self, m):
        fm = ["date: %s%s" % (m.date, " " + m.time if m.time else ""),
              "with: %s" % yaml_list([link(n) for n in m.with_]),
              "kind: %s" % m.kind]
        if m.company:
            fm.append("company: %s" % self.company_ref(m.company,
                                                        self.companies))
        if m.title:
            fm.append("title: %s" % yaml_str(m.title))
        if m.thanked is not None:
            fm.append("thanked: %s" % m.thanked)
        if m.next is not None:
            fm.append("next: %s" % m.next)
        if m.gave:
            fm.append("gave: %s" % yaml_list(m.gave))
        if m.asked:
            fm.append("asked: %s" % yaml_list(m.asked))
        out = ["---"] + fm + ["---", "# %s" % m.heading, ""]
        for para in (m.pre + m.body):
            out += [para, ""]
        tasks = {}
        for t in m.tasks:
            tasks[len(out) + 1] = t
            out.append(t.line())
        return "\n".join(out).rstrip("\n") + "\n", tasks

    def render_note(self, n):
        out = ["# %s" % n.title, ""]
        for para in n.paras:
            out += [para, ""]
        tasks = {}
        for t in n.tasks:
            tasks[len(out) + 1] = t
            out.append(t.line())
        return "\n".join(out).rstrip("\n") + "\n", tasks

    def config(self):
        return """# kith settings: Jordan's job search journal
owner: %s
title: Jordan Avery · networking journal
cadence: 90d
cadence_by_tag:
  mentor: 30d
  recruiter: 45d
  close-friend: 60d
horizon: 7
stale_after: 30
ignore:
  - "templates/**"
""" % OWNER

    def flush(self, root):
        """Writes every note changed since the last flush."""
        if not os.path.exists(os.path.join(root, "kith.yaml")):
            os.makedirs(root, exist_ok=True)
            with open(os.path.join(root, "kith.yaml"), "w",
                      encoding="utf-8") as f:
                f.write(self.config())
            tdir = os.path.join(root, "templates")
            os.makedirs(tdir, exist_ok=True)
            with open(os.path.join(tdir, "meeting.md"), "w",
                      encoding="utf-8") as f:
                f.write(TEMPLATE)
        for rel in sorted(self.removed):
            try:
                os.remove(os.path.join(root, rel))
            except FileNotFoundError:
                pass
            self.task_lines.pop(rel, None)
        self.removed.clear()
        n = 0
        for rel in sorted(self.dirty):
            text, tasks = self.render(self.files[rel])
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            self.task_lines[rel] = tasks
            n += 1
        self.dirty.clear()
        return n

    # ------------------------------------------------ the population

    def populate(self):
        """The people and companies the journal starts with."""
        rng, d0 = self.rng, self.begin
        former = self.add_company(FORMER, "saas", "Where I worked from 2019 "
                                  "until the layoff. Scheduling software for "
                                  "clinics; Go, Postgres, a lot of Kafka.", d0)
        former.target = False
        agency = self.add_company(AGENCY, "recruiting", "Tech recruiting "
                                  "agency. Contingency placements, mostly "
                                  "Chicago fintech and logistics.", d0)
        agency.target = False
        for name, tag, blurb in self.targets_left[:2]:
            c = self.add_company(name, tag, "%s: %s." % (name, blurb), d0)
            c.target = False
            c.status = "watching"
        self.targets_left = self.targets_left[2:]

        def yearago(lo, hi):
            return after(self.begin, -rng.randrange(lo, hi))

        def born(p, full, old=False):
            y = rng.randrange(1952, 1975) if old else \
                rng.randrange(1962, 2000)
            mo, dd = rng.randint(1, 12), rng.randint(1, 28)
            p.born = (mo, dd)
            p.birthday = ("%04d-%02d-%02d" % (y, mo, dd) if full
                          else "--%02d-%02d" % (mo, dd))

        core = []
        for i in range(4):
            p = self.add_person("mentor", d0, tags=["mentor"],
                                company=pick(rng, EMPLOYERS[:30]),
                                title=pick(rng, ["CTO", "VP Engineering",
                                                 "Principal Engineer",
                                                 "Director of Engineering",
                                                 "Advisor (retired CTO)"]),
                                met=yearago(400, 2500))
            if i == 0:
                p.cadence = "3w"
            p.bio = [[
                "My mentor since the Chicago Tech Alliance mentorship "
                "program. We meet about once a month.",
                "Ran the platform org at my first job; still the person I "
                "call before any big decision.",
                "Mentor from the Illinois alumni program. Direct, kind, "
                "and always asks what I actually want.",
                "Was my skip-level at Globex. Now advises three startups "
                "and knows every CTO in Chicago."][i]]
            born(p, rng.random() < 0.5, old=True)
            core.append(p)
            self.mentor_next[p.name] = after(d0, rng.randrange(8, 30))
        for i in range(6):
            p = self.add_person("friend", d0,
                                tags=["close-friend"] + (
                                    ["former-colleague"] if i % 2 else []),
                                company=pick(rng, EMPLOYERS),
                                title=pick(rng, ENG_TITLES + OTHER_TITLES),
                                met=yearago(2500, 6000))
            p.bio = ["Friends since %s. %s" % (
                pick(rng, ["college", "my first job", "the Go meetup in "
                           "2016", "we shared a desk at Globex"]),
                pick(rng, ["Dinner every month or two.", "Our kids are the "
                           "same age.", "Terrible at replying to texts."]))]
            born(p, rng.random() < 0.6)
            core.append(p)
        quillon = []
        for i in range(16):
            at_q = i < 6
            p = self.add_person("colleague-close", d0,
                                tags=["former-colleague"] + (
                                    ["manager"] if i == 0 else []),
                                company=FORMER if at_q else pick(rng, EMPLOYERS),
                                title=pick(rng, ENG_TITLES),
                                met=yearago(300, 3000))
            if rng.random() < 0.4:
                p.cadence = pick(rng, ["60d", "2m", "45d", "3m"])
            if rng.random() < 0.35:
                born(p, rng.random() < 0.4)
            if rng.random() < 0.3:
                p.dates["work anniversary"] = yearago(30, 1500)
            p.bio = ["%s, on the %s team. %s" % (
                "Worked together at Quillon" if at_q or rng.random() < 0.5
                else "We worked together at Globex", pick(rng, TEAMS),
                pick(rng, ["Sharpest debugger I know.", "Ran the best "
                           "incident reviews.", "Taught me most of what "
                           "I know about Postgres.", "Left a year before "
                           "me.", "Good person to ask about comp."]))]
            core.append(p)
            if at_q:
                quillon.append(p)
        core[4].snooze = after(self.start, 24)      # a friend on leave
        core[4].bio.append("On parental leave until October; don't nag.")
        # The meetup series' organisers, and a few community people.
        self.organisers = {}
        for s in SERIES:
            p = self.add_person("organiser", d0, tags=["meetup", "organizer"],
                                company=pick(rng, EMPLOYERS),
                                title=pick(rng, ENG_TITLES),
                                met=yearago(200, 1500))
            p.bio = ["Organises the %s." % s[0]]
            self.organisers[s[0]] = p.name
        for i in range(6):
            p = self.add_person("community", d0, tags=[pick(
                rng, ["community", "founder", "investor", "designer"])],
                company=pick(rng, EMPLOYERS),
                title=pick(rng, OTHER_TITLES), met=yearago(100, 1500))
            p.bio = [pick(rng, ["Runs a podcast about backend systems.",
                                "Volunteers at the Westside Code "
                                "Collective bootcamp.",
                                "Angel investor; ex-engineer.",
                                "Designer I worked with on the booking "
                                "flow."])]
            if rng.random() < 0.3:
                born(p, False)
            core.append(p)
        coach = self.add_person("coach", d0, tags=["coach"],
                                company="self-employed", title="Career coach",
                                met=after(self.layoff, 9))
        coach.private = True
        self.mentor_next[coach.name] = after(self.layoff, 16)
        coach.bio = ["Career coach, paid for by the severance package. "
                     "Sessions every other week."]
        # Recruiters at agencies.
        for i in range(5):
            p = self.add_person("agency", d0, tags=["recruiter"],
                                company=AGENCY if i < 3 else
                                "Northbeam Talent", title=pick(rng, [
                                    "Technical Recruiter",
                                    "Senior Recruiter", "Talent Partner"]),
                                met=yearago(10, 900))
            if i == 4:
                p.cadence = "never"
            p.bio = ["Agency recruiter. %s" % pick(rng, [
                "Pushy but has good fintech clients.", "Sends roles that "
                "actually match.", "Reached out on LinkedIn in 2024."])]
        # The background: colleagues, alumni, people met at meetups.
        bg = max(20, self.npeople - 175)
        for i in range(int(bg * 0.42)):
            p = self.add_person("colleague", d0, tags=["former-colleague"],
                                company=FORMER if rng.random() < 0.25 else
                                pick(rng, EMPLOYERS),
                                title=pick(rng, ENG_TITLES + OTHER_TITLES),
                                met=yearago(200, 4000))
            if rng.random() < 0.35:
                p.last_contact = after(self.start, -rng.randrange(5, 330))
            if rng.random() < 0.07:
                p.cadence = pick(rng, ["6m", "1y"])
            if rng.random() < 0.1:
                born(p, rng.random() < 0.3)
            p.bio = ["%s. %s" % (pick(rng, [
                "Worked together at Quillon", "Same team at Globex in 2017",
                "Sat next to each other at Hooli", "Was on my on-call "
                "rotation", "Interned on my team"]), pick(rng, [
                    "Haven't talked in a while.", "Likes to talk about %s."
                    % pick(rng, TOPICS), "Moved to %s." % pick(rng, CITIES),
                    "Good at %s." % pick(rng, TOPICS)]))]
        for i in range(int(bg * 0.14)):
            p = self.add_person("alumni", d0, tags=["alumni"],
                                company=pick(rng, EMPLOYERS),
                                title=pick(rng, ENG_TITLES + OTHER_TITLES),
                                met=yearago(3000, 6000))
            if rng.random() < 0.25:
                p.cadence = "6m"
            if rng.random() < 0.08:
                born(p, False)
            p.bio = ["Illinois, class of %d. %s" % (
                rng.randrange(2008, 2014), pick(rng, [
                    "Same dorm.", "We did the distributed systems project "
                    "together.", "ACM chapter."]))]
        for i in range(int(bg * 0.38)):
            p = self.add_person("meetup", d0, tags=["meetup"] + (
                ["recruiter"] if rng.random() < 0.08 else []),
                company=pick(rng, EMPLOYERS),
                title=pick(rng, ENG_TITLES + OTHER_TITLES),
                met=after(self.begin, -rng.randrange(1, 700)))
            p.bio = ["Met at %s. %s" % (pick(rng, [s[0] for s in SERIES] +
                                                 ONE_OFFS), pick(rng, [
                "Works on %s." % pick(rng, TOPICS), "Talked about %s."
                % pick(rng, TOPICS), "Gave a talk on %s." % pick(rng, TALKS),
                "Said to ping them if I'm ever looking."]))]
        # A few more birthdays, among people the owner knows well enough.
        want = int(round(self.npeople * 0.13))
        have = [p for p in self.people.values() if p.birthday]
        rest = [p for p in self.people.values() if not p.birthday
                and p.role in ("colleague-close", "colleague", "community",
                               "organiser", "alumni")]
        rng.shuffle(rest)
        for p in rest[:max(0, want - len(have))]:
            born(p, rng.random() < 0.4)
        # Plain notes, with a few undated tasks.
        self.notes["notes/Job search plan.md"] = Note(
            "notes/Job search plan.md", "Job search plan",
            ["What I want, in one sentence (thanks, %s): a staff-level "
             "backend role on a platform or data team, in Chicago or "
             "remote, at a company that ships." % link(core[0].name),
             "Weekly: three conversations, two applications, one meetup. "
             "Keep the tracker in the company notes."],
            [Task("Rewrite the résumé summary around the Kafka migration"),
             Task("Ask %s for a LinkedIn recommendation" % link(quillon[0].name)),
             Task("Set up job alerts for staff roles in Chicago")])
        self.notes["notes/Reading list.md"] = Note(
            "notes/Reading list.md", "Reading list",
            ["Books people recommended during the search."],
            [Task("Finish \"The Staff Engineer's Path\""),
             Task("Read \"Designing Data-Intensive Applications\" "
                  "chapter 9 again")])
        for n in self.notes.values():
            self.touch(n)

    def top_up(self, d):
        """Contacts imported from LinkedIn with only met:, up to the number
        of people asked for."""
        rng = random.Random("%s:top-up" % self.seed)
        while len(self.people) < self.npeople:
            role = pick(rng, ["colleague", "colleague", "alumni", "meetup"])
            tags = {"colleague": ["former-colleague"], "alumni": ["alumni"],
                    "meetup": ["meetup"]}[role]
            p = self.add_person(role, d, tags=tags, rng=rng,
                                company=pick(rng, EMPLOYERS),
                                title=pick(rng, ENG_TITLES + OTHER_TITLES),
                                met=after(d, -rng.randrange(200, 3000)))
            p.bio = ["Connected on LinkedIn; %s." % pick(rng, [
                "we overlapped at Hooli", "met at a conference years ago",
                "friend of a friend", "same university"])]

    # ------------------------------------------------ choosing people

    def close_ties(self):
        return [p for p in self.people.values()
                if p.role in ("friend", "colleague-close", "community",
                              "organiser")
                or (p.role in ("colleague", "alumni", "meetup",
                               "informational", "contact")
                    and p.name in self.met_1to1)]

    def pick_by_staleness(self, rng, cands, d, k=1):
        """People not seen for long are likelier."""
        if not cands:
            return []
        ws = []
        for p in cands:
            last = self.planned.get(p.name) or p.last_contact or p.met \
                or after(d, -200)
            ws.append(max(0.2, (d - last).days) ** 1.3)
        return self.sample(rng, cands, ws, k)

    @staticmethod
    def sample(rng, cands, ws, k):
        """k of cands drawn without replacement, each by its weight."""
        out, cands, ws = [], list(cands), list(ws)
        for _ in range(min(k, len(cands))):
            i = World.weighted(rng, ws)
            out.append(cands.pop(i))
            ws.pop(i)
        return out

    @staticmethod
    def weighted(rng, ws):
        x = rng.random() * sum(ws)
        for i, w in enumerate(ws):
            x -= w
            if x <= 0:
                return i
        return len(ws) - 1

    def seen(self, m):
        for n in m.with_:
            if self.last_seen.get(n) is None or self.last_seen[n] < m.date:
                self.last_seen[n] = m.date
            if not m.group():
                self.met_1to1.add(n)

    def staff_member(self, c, role, rng, d, exclude=()):
        """Someone at company c with this role, a note made if needed."""
        for n in c.staff:
            p = self.people[n]
            if p.role == role and n not in exclude:
                if role != "engineer" or rng.random() < 0.5:
                    return p
        title = {"recruiter": pick(rng, ["Technical Recruiter",
                                         "Recruiter", "Talent Partner"]),
                 "hiring-manager": pick(rng, ["Engineering Manager",
                                              "Senior Engineering Manager",
                                              "Director of Engineering"]),
                 "engineer": pick(rng, ENG_TITLES[:7])}[role]
        tags = {"recruiter": ["recruiter"],
                "hiring-manager": ["hiring-manager"],
                "engineer": ["engineer"]}[role]
        p = self.add_person(role, d, company=c.name, tags=tags, title=title,
                            rng=rng)
        p.bio = ["%s at %s. %s" % (title, c.name, pick(rng, [
            "First contact through the careers page.", "Found on LinkedIn.",
            "On the %s team." % pick(rng, TEAMS), "Ex-Hooli.",
            "Very responsive."]))]
        return p

    # ------------------------------------------------ writing meetings

    def when(self, rng, kind):
        if rng.random() < 0.15 and kind in ("email", "message"):
            return None
        if kind == "event":
            return "18:30"
        if kind == "lunch":
            return pick(rng, ["12:00", "12:30", "11:45"])
        if kind == "dinner":
            return pick(rng, ["19:00", "19:30", "18:45"])
        if kind == "coffee":
            return pick(rng, ["08:30", "09:00", "10:00", "15:00", "16:30"])
        return "%02d:%s" % (rng.randrange(9, 18), pick(rng, ["00", "30"]))

    def network_meeting(self, d, rng, p, kind=None, ahead=None, asked=None):
        """A coffee, lunch, call... with one person (logged ahead or on
        the day)."""
        kind = kind or pick(rng, ["coffee"] * 4 + ["call"] * 2 + ["video"] * 2
                            + ["lunch"] * 2 + (["dinner"] * 3 if p.role ==
                                               "friend" else []))
        if ahead is None:
            ahead = rng.randrange(1, 10) if rng.random() < 0.65 else 0
        date = after(d, ahead)
        if kind in ("coffee", "lunch", "dinner") and date.weekday() >= 5 \
                and p.role != "friend":
            date = weekday_on_or_after(date)
        m = Meeting(date, self.when(rng, kind), kind, [p.name])
        if p.company in self.companies and rng.random() < 0.6:
            m.company = p.company
        label = {"video": "video call"}.get(kind, kind)
        m.heading = "%s with %s" % (label.capitalize(), p.name)
        if date > d and rng.random() < 0.4:
            m.pre = ["Want to ask about %s." % pick(rng, TOPICS)]
        if rng.random() < 0.3:
            m.thanked = "no"        # from the template
        m.plan_asked = asked
        self.add_meeting(d, m, "%s with %s" % (label, p.name))
        if m.date == d:
            self.write_up(m, d, rng)
            self.seen(m)
        return m

    def write_up(self, m, d, rng):
        """What the owner writes after the meeting: notes, asks, gives,
        tasks, sometimes the thank-you already sent."""
        if m.written:
            return
        m.written = True
        self.touch(m)
        searching = self.searching(m.date)
        who = [self.people[n] for n in m.with_ if n in self.people]
        p = who[0] if who else None
        fn = first(p.name) if p else "they"
        k = m.kind
        if k == "event":
            self.expand_event(m, d, rng)
            return
        if m.process is not None:
            self.write_up_round(m, d, rng)
            return
        paras = []
        if k in ("coffee", "lunch", "dinner"):
            place = pick(rng, {"coffee": PLACES, "lunch": LUNCHES,
                               "dinner": DINNERS}[k])
            paras.append("At %s. %s is %s." % (place, fn, pick(rng, NEWS)))
        elif k in ("call", "video"):
            paras.append("%s minutes. %s is %s." % (
                pick(rng, ["Twenty", "Thirty", "Forty-five"]), fn,
                pick(rng, NEWS)))
        elif k == "informational":
            c = m.company or (p.company if p else "their company")
            paras.append("Thirty minutes with %s about %s. %s" % (
                link(p.name) if p else "them", c, pick(rng, [
                    "Not an interview, she said, and then asked interview "
                    "questions for twenty minutes.",
                    "The team is %d engineers; %s." % (
                        rng.randrange(4, 14), pick(rng, OPINIONS)),
                    "He was candid about %s: %s." % (pick(rng, TOPICS),
                                                     pick(rng, OPINIONS))])))
        elif k == "intro":
            pass
        if k not in ("email", "message", "intro"):
            paras.append("We talked about %s; %s." % (pick(rng, TOPICS),
                                                     pick(rng, OPINIONS)))
            if searching and rng.random() < 0.5:
                paras.append("Good advice: %s." % pick(rng, ADVICE))
        if paras:
            m.body = paras
        # Asks and gives.
        if k == "informational":
            m.asked = [pick(rng, ASKS).format(team=pick(rng, TEAMS))]
        elif getattr(m, "plan_asked", None):
            m.asked = [m.plan_asked]
        elif k not in ("email", "message", "intro") and rng.random() < 0.1:
            m.asked = [pick(rng, ASKS).format(team=pick(rng, TEAMS))]
        if k not in ("email", "intro") and rng.random() < 0.18:
            m.gave = [pick(rng, GIVES).format(
                p=self.some_name(rng), t=pick(rng, TOPICS))]
        # The thank-you, sometimes sent right away.
        if k not in NO_THANKS:
            r = rng.random()
            sent = {"informational": 0.45, "interview": 0.5}.get(k, 0.25)
            if r < sent:
                m.thanked = m.date if rng.random() < 0.7 else "yes"
            elif r < sent + (0.15 if k in ("call", "video") else 0.05):
                m.thanked = "skip"
        # Sometimes a date for the next meeting, or none wanted.
        r = rng.random()
        if k == "informational":
            if r < 0.15:
                m.next = "none"
            elif r < 0.35:
                m.next = after(m.date, rng.randrange(10, 30))
        elif k not in ("email", "message") and r < 0.08:
            m.next = after(m.date, rng.randrange(14, 45))
        # Tasks.
        if rng.random() < (0.4 if k not in ("email", "message") else 0.1):
            for _ in range(1 if rng.random() < 0.8 else 2):
                m.tasks.append(self.task_for(m, rng, p))

    def task_for(self, m, rng, p):
        n = link(p.name) if p and rng.random() < 0.6 else (
            first(p.name) if p else "them")
        texts = [
            "Send %s the article on %s" % (n, pick(rng, TOPICS)),
            "Introduce %s to %s" % (n, link(self.some_name(rng))),
            "Follow up with %s about %s" % (n, pick(rng, TOPICS)),
            "Read up on %s before talking to %s again" % (pick(rng, TOPICS),
                                                          n)]
        if self.searching(m.date):
            texts += [
                "Send %s my résumé" % n,
                "Look up the %s opening %s mentioned" % (pick(rng, ROLES), n),
                "Add what %s said about %s to the prep notes" % (
                    n, pick(rng, TOPICS))]
        text = pick(rng, texts)
        due = after(m.date, rng.randrange(1, 10))
        return Task(text, due, pick(rng, ["\U0001F4C5"] * 4 + ["due:"]))

    def some_name(self, rng):
        names = list(self.people)
        return names[rng.randrange(len(names))]

    def searching(self, d):
        return d >= self.layoff and (self.hired is None or d < self.hired)

    # ------------------------------------------------ events

    def event_dates(self, d):
        """The meetups on day d (series) and one-offs."""
        out = []
        for name, wd, week, time in SERIES:
            if d.weekday() == wd and (d.day - 1) // 7 + 1 == week:
                out.append(("%s %s" % (name, d.strftime("%B")),
                            "%s — %s" % (name, d.strftime("%B")), name, time))
        return out

    def plan_events(self, d, rng):
        """Seen a few days ahead: the owner RSVPs and logs it ahead."""
        for ahead in (9, 3):
            day = after(d, ahead)
            for stem, title, series, time in self.event_dates(day):
                if (day, stem) in self.event_days:
                    continue
                go = 0.9 if self.searching(day) else 0.5
                rr = random.Random("%s:event:%s:%s" % (self.seed, day, stem))
                if rr.random() > go:
                    self.event_days[(day, stem)] = None
                    continue
                if ahead == 9 and rr.random() < 0.45:
                    continue        # decided later, or on the day
                org = self.organisers[series]
                m = Meeting(day, time, "event", [org], title=title)
                m.heading = title
                m.series = series
                m.pre = ["RSVP'd. Talk: %s." % pick(rr, TALKS)]
                self.event_days[(day, stem)] = m
                self.add_meeting(d, m, stem)
        # A one-off, now and then, decided on the day.
        if self.searching(d) and d.weekday() < 5 and rng.random() < 0.03:
            name = pick(rng, ONE_OFFS)
            m = Meeting(d, "18:00", "event", [], title=name)
            m.heading = name
            m.with_ = [self.organisers[SERIES[0][0]]]
            self.event_days[(d, name)] = m
            self.add_meeting(d, m, name)
            self.write_up(m, d, rng)
        for stem, title, series, time in self.event_dates(d):
            if (d, stem) not in self.event_days:
                rr = random.Random("%s:event:%s:%s" % (self.seed, d, stem))
                if rr.random() < (0.4 if self.searching(d) else 0.2):
                    m = Meeting(d, time, "event", [self.organisers[series]],
                                title=title)
                    m.heading = title
                    m.series = series
                    self.add_meeting(d, m, stem)
                self.event_days[(d, stem)] = None

    def expand_event(self, m, d, rng):
        """After the meetup: everyone talked to goes into with."""
        n = rng.randint(5, 10)
        old = [p for p in self.people.values()
               if p.role in ("meetup", "organiser", "community")
               and p.name not in m.with_]
        k_new = min(n - len(m.with_), rng.randint(1, 4))
        k_old = max(0, n - len(m.with_) - k_new)
        for p in self.pick_by_recency(rng, old, k_old):
            m.with_.append(p.name)
        new = []
        for _ in range(k_new):
            comp = pick(rng, EMPLOYERS)
            tl = [c for c in self.companies.values()
                  if c.target and c.status not in CLOSED]
            if tl and rng.random() < 0.2:
                comp = pick(rng, tl).name
            tags = ["meetup"] + (["recruiter"] if rng.random() < 0.1 else [])
            p = self.add_person("meetup", d, company=comp, tags=tags,
                                title=pick(rng, ENG_TITLES + OTHER_TITLES),
                                met=m.date, rng=rng)
            p.bio = ["Met at the %s. %s" % (m.title, pick(rng, [
                "Works on %s." % pick(rng, TOPICS),
                "Hiring for the %s team." % pick(rng, TEAMS),
                "Asked good questions after the talk.",
                "Knows everyone at %s." % comp]))]
            m.with_.append(p.name)
            new.append(p)
        m.body = ["%s. Talked afterwards with %s." % (
            pick(rng, ["Good turnout", "Packed room", "Small crowd tonight",
                       "Pizza and a long Q&A"]),
            ", ".join(link(x) for x in m.with_[1:4]) or "a few people"),
            "%s is hiring for %s." % (link(new[0].name) if new else
                                      "Someone", pick(rng, TEAMS) + " work")]
        if rng.random() < 0.35:
            m.thanked = "skip"
        if rng.random() < 0.3 and new:
            m.tasks.append(Task("Connect with %s on LinkedIn" %
                                link(new[0].name), after(m.date, 2)))
        self.touch(m)

    def pick_by_recency(self, rng, cands, k):
        ws = []
        for p in cands:
            last = self.last_seen.get(p.name) or p.met or after(self.begin, -300)
            ws.append(1.0 / (1 + max(0, (self.today - last).days) / 60.0))
        return self.sample(rng, cands, ws, k)

    # ------------------------------------------------ the search

    def new_target(self, d, rng):
        if not self.targets_left:
            return None
        name, tag, blurb = self.targets_left.pop(0)
        c = self.add_company(name, tag, "%s: %s." % (name, blurb), d)
        c.target = True
        c.status = "target"
        c.role = pick(rng, ROLES)
        if rng.random() < 0.55:
            c.apply_by = after(d, rng.randrange(7, 25))
        c.log.append("%s: found the %s opening." % (d, c.role))
        # Sometimes it turns out someone the owner knows works there.
        if rng.random() < 0.3:
            cands = [p for p in self.people.values()
                     if p.role in ("colleague", "colleague-close", "alumni")
                     and p.company in EMPLOYERS]
            if cands:
                p = pick(rng, cands)
                p.company = name
                c.staff.append(p.name)
                self.touch(p)
        self.note(d, "new target company %s" % name)
        return c

    def add_contact_at(self, c, d, rng, via=None):
        """Someone at company c the owner finds (alumni, LinkedIn)."""
        p = self.add_person("contact", d, company=c.name,
                            tags=[pick(rng, ["alumni", "engineer",
                                             "hiring-manager"])],
                            title=pick(rng, ENG_TITLES), rng=rng)
        if via:
            p.introduced_by = via
        p.bio = ["Works at %s on the %s team. %s" % (
            c.name, pick(rng, TEAMS), "Introduced by %s." % link(via) if via
            else "Found through the alumni directory.")]
        return p

    def apply(self, c, d, rng):
        """The owner applies: an email to a recruiter there (or a
        referral asked of a contact) and the process starts."""
        rec = self.staff_member(c, "recruiter", rng, d)
        contacts = [self.people[n] for n in c.staff
                    if self.people[n].role not in ("recruiter",
                                                   "hiring-manager",
                                                   "engineer")]
        if contacts and rng.random() < 0.5:
            ref = pick(rng, contacts)
            m = Meeting(d, self.when(rng, "message"), "message", [ref.name],
                        company=c.name)
            m.heading = "Message to %s" % ref.name
            m.asked = ["a referral for the %s role" % (c.role or "backend")]
            m.body = ["Asked %s to refer me for the %s role. Sent the résumé "
                      "and two lines on why." % (first(ref.name),
                                                 c.role or "backend")]
            self.add_meeting(d, m, "message to %s" % ref.name, done=True)
        m = Meeting(d, self.when(rng, "email"), "email", [rec.name],
                    company=c.name)
        m.heading = "Email to %s: application" % rec.name
        m.asked = ["an interview for the %s role" % (c.role or "backend")]
        m.body = ["Applied for the %s role and wrote to %s with the "
                  "résumé and a short note on the %s work." % (
                      c.role or "backend", link(rec.name), pick(rng, TOPICS))]
        self.add_meeting(d, m, "email to %s" % rec.name, done=True)
        self.set_company_status(c, "applied", d, "applied; wrote to %s."
                                % link(rec.name))
        pr = Process(c, rec, d)
        pr.respond_on = after(d, rng.randrange(3, 13))
        r = rng.random()
        pr.outcome = "advance" if r < 0.6 else "reject" if r < 0.8 \
            else "ghost"
        self.processes.append(pr)
        self.note(d, "applied at %s" % c.name)
        return pr

    def schedule_round(self, pr, d, rng, same_day=False):
        c = pr.company
        stage = pr.stage + 1
        name = Process.STAGES[stage]
        if same_day:
            date = d
        else:
            date = weekday_on_or_after(after(d, rng.randrange(2, 10)))
        if stage == 0:
            who = [pr.recruiter]
        elif stage == 1:
            who = [self.staff_member(c, "hiring-manager", rng, d)]
        elif stage == 2:
            who = [self.staff_member(c, "engineer", rng, d,
                                     exclude=pr.seen)]
            if rng.random() < 0.5:
                who.append(self.staff_member(c, "engineer", rng, d,
                                             exclude=pr.seen | {
                                                 who[0].name}))
        elif stage == 3:
            hm = self.staff_member(c, "hiring-manager", rng, d)
            who = [hm]
            for _ in range(rng.randint(2, 4)):
                e = self.staff_member(c, "engineer", rng, d,
                                      exclude=pr.seen | {x.name for x in who})
                if e.name not in [x.name for x in who]:
                    who.append(e)
        else:
            who = [pr.recruiter]
        names = []
        for p in who:
            if p.name not in names:
                names.append(p.name)
        kind = "call" if stage == 4 else "interview"
        short = c.name.split()[0]
        title = "%s %s" % (short, name)
        m = Meeting(date, "%02d:%s" % (rng.randrange(9, 16),
                                       pick(rng, ["00", "30"])),
                    kind, names, company=c.name, title=title)
        m.heading = title
        m.process, m.stage = pr, stage
        if not same_day:
            how = [["Phone; they'll call me.", "Zoom, 30 minutes."],
                   ["Video, 45 minutes.", "Zoom link in the invite."],
                   ["Video, 60 minutes, shared editor.",
                    "Ninety minutes on Zoom."],
                   ["On site at their office, four hours.",
                    "On site; lunch with the team included.",
                    "Virtual onsite, four back-to-back sessions."],
                   ["Phone."]][stage]
            m.pre = ["Scheduled by %s. %s" % (link(pr.recruiter.name),
                                              pick(rng, how))]
            if rng.random() < 0.5:
                m.tasks.append(Task("Prepare questions for the %s %s" % (
                    short, name), after(date, -1)))
        if rng.random() < 0.25:
            m.thanked = "no"
        pr.rounds.append(m)
        pr.state = "scheduled"
        pr.seen |= set(names)
        stem = ("%s %s with %s" % (short, name, names[0]) if len(names) == 1
                else "%s %s" % (short, name))
        self.add_meeting(d, m, stem)
        if c.status not in ("interviewing", "offer") and stage < 4:
            self.set_company_status(c, "interviewing", d, "%s scheduled "
                                    "for %s." % (name, date))
        elif stage < 4:
            c.log.append("%s: %s scheduled for %s." % (d, name, date))
            self.touch(c)
        self.note(d, "%s: %s on %s" % (c.name, name, date))
        return m

    def write_up_round(self, m, d, rng):
        pr, stage = m.process, m.stage
        names = m.with_
        c = pr.company
        if stage == 0:
            m.body = ["Thirty minutes with %s: logistics, the band, %s." % (
                link(names[0]), pick(rng, ["three days in the office",
                                           "fully remote",
                                           "hybrid, Tuesday to Thursday"])),
                "The loop: hiring manager, technical, onsite. %s" %
                pick(rng, FEELINGS)]
        elif stage == 1:
            m.body = ["%s runs the %s team (%d engineers). We spent most of "
                      "the time on %s." % (link(names[0]), pick(rng, TEAMS),
                                           rng.randrange(5, 15),
                                           pick(rng, TOPICS)),
                      "She asked about %s. %s" % (pick(rng, BEHAVIOUR),
                                                  pick(rng, FEELINGS))]
        elif stage == 2:
            m.body = ["%s minutes with %s: %s. %s pushed on what happens "
                      "when %s." % (pick(rng, ["Sixty", "Ninety", "Forty-five"]),
                                    " and ".join(link(n) for n in names),
                                    "design %s" % pick(rng, DESIGNS) if
                                    rng.random() < 0.6 else
                                    "live coding, %s" % pick(rng, CODING),
                                    first(names[-1]), pick(rng, FAILURES)),
                      pick(rng, FEELINGS)]
        elif stage == 3:
            m.body = ["%d interviews back to back. System design with %s "
                      "(%s), behavioural with %s (%s)." % (
                          len(names), link(names[-1]), pick(rng, DESIGNS),
                          link(names[0]), pick(rng, BEHAVIOUR)),
                      "Lunch with the team; everyone complained about %s. %s"
                      % (pick(rng, TOPICS), pick(rng, FEELINGS))]
        else:
            pr.deadline = after(m.date, rng.randrange(6, 11))
            m.next = pr.deadline
            m.body = ["%s called with the offer for the %s role: base %dk, "
                      "%s. They want an answer by %s." % (
                          link(names[0]), c.role or "backend",
                          rng.randrange(175, 235), pick(rng, [
                              "equity over four years", "a 10% bonus",
                              "a sign-on bonus"]), pr.deadline)]
            m.asked = [pick(rng, ["a higher base", "a later start date",
                                  "the equity details in writing"])]
            m.thanked = "skip"
            return
        r = rng.random()
        if r < 0.5:
            m.thanked = m.date if rng.random() < 0.7 else "yes"
        if rng.random() < 0.2:
            m.next = after(m.date, rng.randrange(5, 11))
        if rng.random() < 0.3:
            m.tasks.append(Task(pick(rng, [
                "Write down the questions from the %s %s" % (
                    c.name.split()[0], Process.STAGES[stage]),
                "Send %s the link to my talk on %s" % (link(names[-1]),
                                                      pick(rng, TALKS)),
                "Practise the %s story" % pick(rng, BEHAVIOUR)]),
                after(m.date, rng.randrange(1, 5))))

    def respond(self, pr, d, rng):
        """The company answers (after a round, or the application)."""
        c = pr.company
        if pr.state in ("done",) or c.status in CLOSED:
            return
        out = pr.outcome
        if out == "ghost":
            pr.state = "ghosted"
            pr.ghosted_on = d
            return
        if out == "reject":
            m = Meeting(d, self.when(rng, "email"), "email",
                        [pr.recruiter.name], company=c.name)
            m.heading = "Email from %s: no" % pr.recruiter.name
            m.next = "none"
            m.body = ["%s wrote: they are not moving forward. %s" % (
                link(pr.recruiter.name), pick(rng, REASONS))]
            self.add_meeting(d, m, "email from %s" % pr.recruiter.name, done=True)
            self.set_company_status(c, "rejected", d, "rejected after the "
                                    "%s." % (Process.STAGES[pr.stage]
                                             if pr.stage >= 0 else
                                             "application"))
            pr.state = "done"
            self.note(d, "%s rejected" % c.name)
            return
        # advance
        if pr.stage + 1 >= len(Process.STAGES):
            return
        if pr.stage + 1 == 4:
            self.set_company_status(c, "offer", d, "offer!")
        self.schedule_round(pr, d, rng,
                            same_day=pr.stage < 1 and rng.random() < 0.15)

    def round_held(self, m, rng):
        pr = m.process
        if pr.state == "done":
            return
        pr.stage = m.stage
        if m.stage == 4:
            pr.state = "offer"
            return
        pr.state = "waiting"
        pr.respond_on = after(m.date, rng.randrange(3, 12))
        p = Process.ADVANCE[m.stage]
        r = rng.random()
        pr.outcome = "advance" if r < p else "reject" if r < 0.93 else "ghost"

    def nudge(self, pr, d, rng):
        """The owner writes to the recruiter about the next step."""
        c = pr.company
        m = Meeting(d, self.when(rng, "email"), "email", [pr.recruiter.name],
                    company=c.name)
        m.heading = "Email to %s: next steps?" % pr.recruiter.name
        m.body = ["Asked %s where things stand after the %s." % (
            link(pr.recruiter.name), Process.STAGES[max(pr.stage, 0)]
            if pr.stage >= 0 else "application")]
        self.add_meeting(d, m, "email to %s" % pr.recruiter.name, done=True)
        if pr.state == "ghosted":
            if rng.random() < 0.4:
                pr.state = "waiting"
                pr.respond_on = after(d, rng.randrange(1, 5))
                pr.outcome = "advance" if rng.random() < 0.5 else "reject"
        elif pr.state in ("waiting", "applied"):
            if pr.outcome == "advance" and pr.respond_on > d:
                pr.respond_on = d
                self.respond(pr, d, rng)
            elif pr.respond_on > after(d, 2):
                pr.respond_on = after(d, rng.randrange(1, 3))
        return m

    def decide_offer(self, pr, d, rng):
        c = pr.company
        # The owner holds out for the right offer: none before the
        # search's fourth month.
        accept = d >= after(self.layoff, 120) and rng.random() < 0.6
        m = Meeting(d, self.when(rng, "call"), "call", [pr.recruiter.name],
                    company=c.name, title="%s offer decision" %
                    c.name.split()[0])
        m.heading = m.title
        m.thanked = "skip"
        m.next = "none"
        pr.state = "done"
        if accept:
            m.body = ["Called %s to accept. Start date in four weeks." %
                      link(pr.recruiter.name)]
            self.add_meeting(d, m, "call with %s" % pr.recruiter.name, done=True)
            self.set_company_status(c, "hired", d, "accepted the offer.")
            self.hired = d
            for other in self.processes:
                if other is not pr and other.state != "done" and \
                        other.company.status not in CLOSED:
                    other.state = "done"
                    e = Meeting(d, self.when(rng, "email"), "email",
                                [other.recruiter.name],
                                company=other.company.name)
                    e.heading = "Email to %s: withdrawing" % \
                        other.recruiter.name
                    e.next = "none"
                    e.body = ["Withdrew from the process: accepted another "
                              "offer. Thanked them for their time."]
                    self.add_meeting(d, e, "email to %s" %
                                     other.recruiter.name, done=True)
                    for r in list(other.rounds):
                        if r.date > d:
                            self.remove_meeting(r)
                    self.set_company_status(other.company, "withdrawn", d,
                                            "withdrew (accepted an offer "
                                            "elsewhere).")
            self.note(d, "accepted the offer from %s" % c.name)
        else:
            m.body = ["Declined: %s" % pick(rng, [
                "the number did not move.", "the role changed under me.",
                "too much on-call for that money."])]
            self.add_meeting(d, m, "call with %s" % pr.recruiter.name, done=True)
            self.set_company_status(c, "declined", d, "declined the offer.")
            self.note(d, "declined the offer from %s" % c.name)

    # ------------------------------------------------ a day

    def step(self, d, ideal):
        """Day d in the world after the morning report.  ideal: the owner
        follows up without kith (the year before the start day)."""
        self.today = d
        rng = random.Random("%s:world:%s" % (self.seed, d))
        searching = self.searching(d)
        weekday = d.weekday() < 5
        # Yesterday's meetings not yet written up.
        for m in self.deferred:
            self.write_up(m, d, rng)
            self.seen(m)
        self.deferred = []
        # The company answers.
        for pr in self.processes:
            if pr.state in ("waiting", "applied") and pr.respond_on == d:
                self.respond(pr, d, rng)
            elif pr.state == "ghosted":
                idle = (d - pr.ghosted_on).days
                if idle == 12 and rng.random() < 0.5:
                    self.nudge(pr, d, rng)
                elif idle >= 30 and pr.company.status not in CLOSED:
                    pr.state = "done"
                    self.set_company_status(pr.company, "closed", d,
                                            "no answer in a month.")
            elif pr.state == "offer" and pr.deadline and \
                    d >= after(pr.deadline, -2):
                self.decide_offer(pr, d, rng)
        # New things to do.
        self.plan_events(d, rng)
        for name in list(self.mentor_next):
            if self.mentor_next[name] == after(d, 7):
                p = self.people[name]
                self.network_meeting(d, rng, p, kind=pick(
                    rng, ["coffee", "coffee", "call", "video"]), ahead=7,
                    asked=pick(rng, ["advice on the search",
                                     "advice on %s" % pick(rng, TOPICS),
                                     None, None]))
                self.mentor_next[name] = after(d, 7 + rng.randrange(25, 38))
        if rng.random() < (0.45 if searching else 0.2) * (1 if weekday
                                                          else 0.4):
            ties = self.close_ties()
            for p in self.pick_by_staleness(rng, ties, d):
                asked = None
                if searching and rng.random() < 0.3:
                    asked = pick(rng, ASKS).format(team=pick(rng, TEAMS))
                self.network_meeting(d, rng, p, asked=asked)
        if rng.random() < (0.5 if searching else 0.25):
            self.message(d, rng)
        if rng.random() < (0.15 if searching else 0.08):
            self.recruiter_inbound(d, rng)
        if d == self.layoff:
            for _ in range(3):       # the first list of targets
                self.new_target(d, rng)
        searching = self.searching(d)
        if searching and weekday:
            if rng.random() < 0.2:
                self.new_target(d, rng)
            if rng.random() < 0.22:
                self.informational(d, rng)
            for c in list(self.companies.values()):
                if c.status in ("target", "applying") and c.target:
                    warm = any(self.people[n].role not in ("recruiter",)
                               for n in c.staff)
                    ready = (c.apply_by and d >= after(c.apply_by, -2)) or \
                        (d - c.created).days > 20 or (warm and (
                            d - c.created).days > 6)
                    if ready and rng.random() < 0.3:
                        self.apply(c, d, rng)
        # Meetings held today: the process moves, the write-up is done
        # tonight or tomorrow.
        for m in list(self.meetings):
            if m.date == d:
                if m.process is not None and m.stage is not None:
                    self.round_held(m, rng)
                if not m.written:
                    if rng.random() < 0.8:
                        self.write_up(m, d, rng)
                    else:
                        self.deferred.append(m)
                self.seen(m)
        if ideal:
            self.ideal_user(d, rng)

    def message(self, d, rng):
        """A message or an email to, or from, someone."""
        pool = self.close_ties() + [p for p in self.people.values()
                                    if p.role in ("meetup", "colleague",
                                                  "alumni")]
        p = self.pick_by_staleness(rng, pool, d)[0]
        kind = "message" if rng.random() < 0.7 else "email"
        out = rng.random() < 0.6
        m = Meeting(d, self.when(rng, kind), kind, [p.name])
        if p.company in self.companies and rng.random() < 0.5:
            m.company = p.company
        m.heading = "%s %s %s" % (kind.capitalize(), "to" if out else "from",
                                  p.name)
        if out:
            m.body = [pick(rng, [
                "Sent %s the link to %s." % (first(p.name), pick(rng, TALKS)),
                "Asked how %s is going." % pick(rng, TOPICS),
                "Congratulated %s on the new role." % first(p.name),
                "Told %s about the search; asked who is hiring." %
                first(p.name)])]
            if self.searching(d) and rng.random() < 0.15:
                m.asked = [pick(rng, ASKS).format(team=pick(rng, TEAMS))]
            elif rng.random() < 0.2:
                m.gave = [pick(rng, GIVES).format(p=self.some_name(rng),
                                                   t=pick(rng, TOPICS))]
        else:
            m.body = [pick(rng, [
                "%s sent a job posting at %s." % (first(p.name),
                                                  pick(rng, EMPLOYERS)),
                "%s asked for a reference for a former intern." %
                first(p.name),
                "%s saw my post about the layoff and offered help." %
                first(p.name),
                "%s wants to get coffee in a few weeks." % first(p.name)])]
        self.add_meeting(d, m, "%s %s %s" % (kind, "to" if out else "from",
                                             p.name), done=True)
        self.seen(m)

    def recruiter_inbound(self, d, rng):
        recs = [p for p in self.people.values() if p.role == "agency"
                and p.cadence != "never"]
        if not recs or rng.random() < 0.3:
            p = self.add_person("agency", d, company=AGENCY,
                                tags=["recruiter"], title="Technical Recruiter",
                                met=d, rng=rng)
            p.bio = ["Agency recruiter who found me on LinkedIn."]
        else:
            p = pick(rng, recs)
        m = Meeting(d, self.when(rng, "message"), "message", [p.name],
                    company=p.company if p.company in self.companies
                    else None)
        m.heading = "Message from %s" % p.name
        m.body = ["%s has a %s role at a client (%s)." % (
            first(p.name), pick(rng, ROLES), pick(rng, EMPLOYERS))]
        self.add_meeting(d, m, "message from %s" % p.name, done=True)
        self.seen(m)
        if self.searching(d) and rng.random() < 0.35:
            self.network_meeting(d, rng, p, kind="call",
                                 ahead=rng.randrange(1, 4))

    def informational(self, d, rng):
        """An informational interview at a company of interest, with
        someone there (an intro first when the owner knows nobody)."""
        recent = {m.company for m in self.meetings
                  if m.kind == "informational" and abs((m.date - d).days) < 21}
        cs = [c for c in self.companies.values() if c.target and
              c.status in ("target", "applying", "applied")
              and c.name not in recent]
        if not cs:
            return
        c = pick(rng, cs)
        there = [self.people[n] for n in c.staff if self.people[n].role
                 in ("colleague", "colleague-close", "alumni", "contact",
                     "meetup", "informational")]
        had = {n for m in self.meetings if m.kind == "informational"
               for n in m.with_}
        there = [p for p in there if p.name not in had]
        if there and rng.random() < 0.6:
            p = pick(rng, there)
        else:
            ties = self.close_ties()
            via = pick(rng, ties) if ties else None
            p = self.add_person("informational", d, company=c.name,
                                tags=[pick(rng, ["engineer",
                                                 "hiring-manager"])],
                                title=pick(rng, ENG_TITLES), rng=rng)
            p.bio = ["%s at %s." % (p.title, c.name)]
            if via is not None:
                p.introduced_by = via.name
                p.bio.append("Introduced by %s." % link(via.name))
                m = Meeting(d, self.when(rng, "intro"), "intro",
                            [via.name, p.name], company=c.name)
                m.heading = "Intro from %s to %s" % (first(via.name), p.name)
                m.body = ["%s introduced me to %s by email; %s replied "
                          "within the hour." % (link(via.name), link(p.name),
                                                first(p.name))]
                self.add_meeting(d, m, "intro to %s" % p.name, done=True)
                self.seen(m)
        m = Meeting(weekday_on_or_after(after(d, rng.randrange(2, 9))),
                    self.when(rng, "informational"), "informational",
                    [p.name], company=c.name)
        m.heading = "Informational with %s (%s)" % (p.name,
                                                   c.name.split()[0])
        m.pre = ["Questions: %s; %s." % (pick(rng, TOPICS), pick(rng, TOPICS))]
        if rng.random() < 0.25:
            m.thanked = "no"
        self.add_meeting(d, m, "informational with %s" % p.name)
        if c.status == "target" and rng.random() < 0.5:
            self.set_company_status(c, "applying", d, "informational with "
                                    "%s planned." % link(p.name))

    # ------------------------------------------------ the owner, without kith

    def ideal_user(self, d, rng):
        """Follow-ups done from memory, not from a report: most, not all."""
        for m in self.meetings:
            if m.date >= d or (d - m.date).days > 4 or not m.written:
                continue
            if self.needs_thanks(m):
                if m.kind == "event":
                    if rng.random() < 0.3:
                        m.thanked = "skip"
                        self.touch(m)
                elif rng.random() < 0.45:
                    m.thanked = d if rng.random() < 0.7 else "yes"
                    self.touch(m)
        for obj, t in list(self.open_tasks()):
            if t.due is not None and t.due <= after(d, 1) and \
                    rng.random() < 0.4:
                t.done, t.done_on = True, d
                self.touch(obj)
            elif t.due is None and rng.random() < 0.004:
                t.done = True
                self.touch(obj)
        # Next steps: from what is true, a week or two after.
        for m in self.meetings:
            age = (d - m.date).days
            if age < 8 or age > 40 or m.next == "none":
                continue
            wants = m.kind in ("informational",) or (m.asked and not m.group())
            if isinstance(m.next, datetime.date):
                wants = m.next <= d
            if not wants or m.process is not None:
                continue
            if self.moved_on(m) or rng.random() > 0.06:
                continue
            p = self.people.get(m.with_[0])
            if p is not None and rng.random() < 0.5:
                self.network_meeting(d, rng, p, kind=pick(
                    rng, ["coffee", "call", "video"]))
        for c in self.companies.values():
            if c.target and c.status in ("target", "applying") and \
                    not c.staff and rng.random() < 0.08:
                p = self.add_contact_at(c, d, rng)
                self.message_to(d, rng, p, c.name, asked="a chat about the "
                                "team")

    def message_to(self, d, rng, p, company=None, asked=None, gave=None,
                   body=None, kind="message"):
        m = Meeting(d, self.when(rng, kind), kind, [p.name], company=company)
        m.heading = "%s to %s" % (kind.capitalize(), p.name)
        if asked:
            m.asked = [asked]
        if gave:
            m.gave = [gave]
        m.body = [body or "Wrote to %s." % first(p.name)]
        self.add_meeting(d, m, "%s to %s" % (kind, p.name), done=True)
        self.seen(m)
        return m

    # ------------------------------------------------ the year before

    def run_history(self):
        self.last_seen = {}
        self.met_1to1 = set()
        self.populate()
        d = self.begin
        while d < self.start:
            self.step(d, ideal=True)
            d = after(d, 1)
        self.top_up(after(self.start, -1))
        # The night before: whatever was left to write up is written.
        for m in self.deferred:
            self.write_up(m, after(self.start, -1), random.Random(
                "%s:eve" % self.seed))
            self.seen(m)
        self.deferred = []


TEMPLATE = """---
date: {{date}}
with: ["[[{{person}}]]"]
kind: coffee
company:
thanked: no
---
# {{kind}} with {{person}}
"""


def generate(out, people=300, seed=1, start=START):
    w = World(people, seed, start)
    w.run_history()
    w.flush(out)
    return w


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=datetime.date.fromisoformat,
                    default=START, help="the first night (default %s)" % START)
    ap.add_argument("out")
    a = ap.parse_args()
    if a.people < 1:
        ap.error("--people must be at least 1")
    if os.path.exists(a.out) and os.listdir(a.out):
        ap.error("%s exists and is not empty" % a.out)
    w = generate(a.out, a.people, a.seed, a.start)
    print("%s: %d people, %d companies, %d meetings, journal up to %s" % (
        a.out, len(w.people), len(w.companies), len(w.meetings),
        after(a.start, -1)), file=sys.stderr)


if __name__ == "__main__":
    main()
