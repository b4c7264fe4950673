#!/usr/bin/env python3
"""Writes a synthetic journal for benchmarks: N people, 10*N meetings,
N/20 companies, a kith.yaml.  Deterministic from --seed.

    tools/gen-journal.py --people 1000 --seed 1 OUT_DIR
"""
import argparse
import datetime
import os
import random

FIRST = ("Ada Ben Chloe Dev Elena Farid Grace Hiro Ines Jonas Kara Luis Maya "
         "Noor Omar Priya Quinn Ravi Sara Tomas Uma Victor Wen Ximena Yusuf "
         "Zoe").split()
LAST = ("Abbott Baker Chen Diaz Evans Fischer Garcia Haddad Ito Jensen Khan "
        "Lopez Martin Nakamura Okafor Patel Quist Rossi Silva Tanaka Ueda "
        "Varga Weber Xu Yilmaz Zimmer").split()
KINDS = "coffee call video interview informational event email message".split()
TAGS = "mentor recruiter alumni engineer manager friend investor".split()
WORDS = ("platform migration hiring roadmap team latency budget offsite "
         "kubernetes postgres onboarding product design referral reorg "
         "strategy metrics incident review launch").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def paragraph(rng, names, nlinks):
    words = [sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(3, 6))]
    for _ in range(nlinks):
        words.insert(rng.randrange(len(words) + 1), "[[%s]]" % rng.choice(names))
    return " ".join(words)


def day(rng, start, span):
    return start + datetime.timedelta(days=rng.randrange(span))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    start = datetime.date(2022, 1, 1)
    span = (datetime.date(2026, 12, 31) - start).days
    ncompanies = max(1, a.people // 20)
    companies = ["%s %s" % (rng.choice(WORDS).capitalize(),
                            rng.choice(["Labs", "Systems", "Health", "Capital",
                                        "Works"])) + " %d" % i
                 for i in range(ncompanies)]
    people = ["%s %s %d" % (rng.choice(FIRST), rng.choice(LAST), i)
              for i in range(a.people)]
    write(os.path.join(a.out, "kith.yaml"),
          "owner: Me\ncadence: 90d\ncadence_by_tag:\n  mentor: 30d\n"
          "  recruiter: 45d\nhorizon: 7\nignore: [\"templates/**\"]\n")
    for i, c in enumerate(companies):
        write(os.path.join(a.out, "companies", c + ".md"),
              "---\ntarget: %s\nstatus: %s\nwebsite: https://example.com/%d\n"
              "apply_by: %s\n---\n# %s\n\n%s\n" % (
                  "yes" if i % 5 == 0 else "no",
                  rng.choice(["target", "applied", "closed", "interviewing"]),
                  i, day(rng, start, span), c, paragraph(rng, people, 2)))
    for i, p in enumerate(people):
        fm = ["name: %s" % p, "aliases: [\"%s\"]" % p.replace(" ", "-"),
              "company: \"[[%s]]\"" % rng.choice(companies),
              "title: %s engineer" % rng.choice(WORDS),
              "email: [%s@example.com]" % p.lower().replace(" ", "."),
              "phone: \"+1 555 %04d\"" % i,
              "linkedin: https://linkedin.example/in/%d" % i,
              "location: City %d" % (i % 50),
              "tags: [%s]" % ", ".join(rng.sample(TAGS, 2)),
              "met: %s" % day(rng, start, span),
              "birthday: %s" % day(rng, datetime.date(1960, 1, 1), 14000),
              "dates:\n  work anniversary: %s" % day(rng, start, span)]
        if i > 0 and rng.random() < 0.3:
            fm.append("introduced_by: \"[[%s]]\"" % people[rng.randrange(i)])
        if rng.random() < 0.1:
            fm.append("cadence: %dd" % rng.choice([30, 60, 120]))
        if rng.random() < 0.05:
            fm.append("snooze: %s" % day(rng, start, span))
        body = "\n\n".join(paragraph(rng, people, 1) for _ in range(3))
        tasks = "\n".join("- [%s] %s \U0001F4C5 %s" % (
            rng.choice(" x"), sentence(rng, 6), day(rng, start, span))
            for _ in range(rng.randint(0, 3)))
        write(os.path.join(a.out, "people", p + ".md"),
              "---\n%s\n---\n# %s\n\n%s\n\n%s\n" % ("\n".join(fm), p, body, tasks))
    for i in range(10 * a.people):
        d = day(rng, start, span)
        kind = rng.choice(KINDS)
        withs = rng.sample(people, rng.choice([1, 1, 1, 2, 3]))
        fm = ["date: %s %02d:%02d" % (d, rng.randrange(8, 19), rng.choice([0, 30])),
              "with: [%s]" % ", ".join("\"[[%s]]\"" % w for w in withs),
              "kind: %s" % kind,
              "company: \"[[%s]]\"" % rng.choice(companies)]
        r = rng.random()
        fm.append("thanked: %s" % (d + datetime.timedelta(days=1)
                                   if r < 0.6 else rng.choice(["yes", "skip", "no"])))
        if rng.random() < 0.3:
            fm.append("next: %s" % (d + datetime.timedelta(days=14)))
        if rng.random() < 0.4:
            fm.append("gave: [%s]" % sentence(rng, 3).rstrip("."))
        if rng.random() < 0.4:
            fm.append("asked: [%s]" % sentence(rng, 3).rstrip("."))
        body = paragraph(rng, people, 1)
        if rng.random() < 0.5:
            body += "\n\n- [ ] %s due:%s\n" % (sentence(rng, 5),
                                               d + datetime.timedelta(days=7))
        write(os.path.join(a.out, "meetings", "%s %s %d.md" % (d, kind, i)),
              "---\n%s\n---\n# %s with %s\n\n%s\n" % (
                  "\n".join(fm), kind.capitalize(), withs[0], body))


if __name__ == "__main__":
    main()
