#!/usr/bin/python3
"""Lives with `kith due` night by night: a simulated job search (see
README.md in this folder) and the figures the follow-up rules are judged
by.

    /usr/bin/python3 tests/sim/run.py ./kith [--nights 91] [--people 300]
        [--seed 1] [--keep DIR]

Exit status 0 whatever the figures (a benchmark, not a test); 2 when kith
crashes or exits with status 2 or more (the journal is kept and named).
Standard library only.
"""
import argparse
import datetime
import json
import os
import re
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True      # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

KINDS = ("meeting", "thank-you", "next-step", "task", "check-in", "date",
         "reciprocity", "target")
ACTIONABLE = ("thank-you", "next-step", "task", "check-in", "reciprocity",
              "target", "date")
LOC = re.compile(r"^\s+(\S.*\.md):(\d+)\s*$")
ITEM = re.compile(r"^\s*(?:(\d{4}-\d\d-\d\d)\s+)?(%s)\s+(\S.*?)\s*$" %
                  "|".join(re.escape(k) for k in KINDS))
ONE_LINE = re.compile(r"^\s*(?:(\d{4}-\d\d-\d\d)\s+)?(%s)\s+(\S.*?)\s{2,}"
                      r"(\S[^\n]*?\.md):(\d+)\s*$" %
                      "|".join(re.escape(k) for k in KINDS))
ACT_SHARE = 0.7          # of the listed actionable items, acted on
UNDATED_SHARE = 0.1      # an undated task is done on a given night


class KithFailed(Exception):
    pass


def run_kith(kith, journal, today, fmt):
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env.pop("KITH_JOURNAL", None)
    env.pop("KITH_TODAY", None)
    # From the journal's folder, as the owner runs it: the report's
    # locations are then the notes' paths in the journal, which
    # listed_items() matches with the JSON's.
    cmd = [os.path.abspath(kith), "-j", ".", "--today", str(today), "due"]
    if fmt != "text":
        cmd += ["--format", fmt]
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, cwd=journal)
    if p.returncode >= 2 or p.returncode < 0:
        raise KithFailed("%s exited with status %d\n%s" % (
            " ".join(cmd), p.returncode,
            p.stderr.decode("utf-8", "replace")[-2000:]))
    return p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def json_key(it):
    """An item's identity from night to night: its id, or without one
    its kind, file, line and text."""
    if it.get("id") is not None:
        return "id:" + str(it["id"])
    return "%s|%s|%s|%s" % (it.get("kind"), it.get("file"), it.get("line"),
                            it.get("text"))


def listed_items(text, items):
    """The items the text report lists one by one, each matched to its
    JSON item.  An item is one line (v2: due, kind, text, file:line) or
    two (v1: due, kind, text; then file:line under it)."""
    index = {}
    for it in items:
        index.setdefault((it.get("file"), it.get("line")), []).append(it)
    found = []
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        one = ONE_LINE.match(ln)
        if one:
            found.append((one.group(1), one.group(2), one.group(3),
                          one.group(4), int(one.group(5))))
            continue
        loc = LOC.match(ln)
        if loc and i > 0:
            head = ITEM.match(lines[i - 1])
            if head:
                found.append(head.groups() + (loc.group(1),
                                              int(loc.group(2))))
            else:
                found.append((None, None, None, loc.group(1),
                              int(loc.group(2))))
    out, unmatched = [], 0
    for due, kind, txt, f, ln in found:
        cands = index.get((f, ln), [])
        same = [c for c in cands if kind is None or c.get("kind") == kind]
        exact = [c for c in same if c.get("text") == txt]
        it = (exact or same or [None])[0]
        if it is None:
            unmatched += 1
            if kind is None:
                continue
            it = {"kind": kind, "text": txt, "due": due, "file": f,
                  "line": ln, "people": [], "company": None}
        else:
            cands.remove(it)
        out.append(it)
    return out, unmatched


def median(xs):
    if not xs:
        return 0
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2.0


def pct(xs, p):
    """The p-th percentile, nearest rank."""
    if not xs:
        return 0
    s = sorted(xs)
    k = max(1, int(-(-p * len(s) // 100)))
    return s[k - 1]


def fmt_num(x):
    return ("%d" % x) if float(x).is_integer() else ("%.1f" % x)


def share(a, b):
    return "%.0f%% (%d of %d)" % (100.0 * a / b, a, b) if b else "n/a (0 of 0)"


# ---------------------------------------------------------------- the user

def act(w, it, today, rng):
    """What the owner does about one item of the report; returns a few
    words for the log, or None when there is nothing to do."""
    kind = it.get("kind")
    f = it.get("file")
    people = it.get("people") or []
    if kind == "thank-you":
        m = w.by_file.get(f)
        if m is None or m.date >= today or not w.needs_thanks(m):
            return None          # not held yet: nothing to thank for
        m.thanked = today if rng.random() < 0.6 else "yes"
        if m.group() and rng.random() < 0.3:
            m.thanked = "skip"
        w.touch(m)
        return "thanked (%s)" % f
    if kind == "next-step":
        m = w.by_file.get(f)
        if m is None:
            return None
        if w.moved_on(m):
            m.next = "none"
            w.touch(m)
            return "next: none, it had moved on (%s)" % f
        pr = m.process
        if pr is None and m.company in w.companies:
            for x in w.processes:
                if x.company.name == m.company and x.state != "done":
                    pr = x
        if pr is not None and pr.state == "offer":
            w.decide_offer(pr, today, rng)
            return "decided on the offer (%s)" % f
        if pr is not None and pr.state in ("waiting", "applied", "ghosted"):
            w.nudge(pr, today, rng)
            return "wrote to the recruiter at %s" % pr.company.name
        p = w.people.get(m.with_[0])
        r = rng.random()
        if p is None or r < 0.25:
            m.next = "none"
            w.touch(m)
            return "next: none (%s)" % f
        if r < 0.7:
            w.network_meeting(today, rng, p, kind=gen.pick(
                rng, ["coffee", "call", "video"]), ahead=rng.randrange(2, 10))
            return "scheduled a follow-up with %s" % p.name
        w.message_to(today, rng, p, company=m.company, kind=gen.pick(
            rng, ["email", "message"]), body="Followed up on %s." % (
                m.asked[0] if m.asked else "our conversation"))
        return "wrote to %s" % p.name
    if kind == "task":
        obj = w.files.get(f)
        t = w.task_lines.get(f, {}).get(it.get("line"))
        if t is None or t.done:
            return None
        if t.due is None and rng.random() > UNDATED_SHARE / ACT_SHARE:
            return None
        t.done, t.done_on = True, today
        w.touch(obj)
        return "ticked a task (%s)" % f
    if kind == "check-in":
        p = w.people.get(people[0]) if people else None
        if p is None:
            return None
        r = rng.random()
        if r < 0.55:
            w.message_to(today, rng, p, body="Checked in with %s: %s" % (
                gen.first(p.name), gen.pick(rng, [
                    "how is the new team?", "saw your post, congrats!",
                    "are you going to the meetup?",
                    "what are you reading lately?"])))
        elif r < 0.85:
            w.network_meeting(today, rng, p, kind="call", ahead=0)
        else:
            w.network_meeting(today, rng, p, kind="coffee",
                              ahead=rng.randrange(2, 10))
        return "checked in with %s" % p.name
    if kind == "reciprocity":
        p = w.people.get(people[0]) if people else None
        if p is None:
            return None
        w.message_to(today, rng, p, gave=gen.pick(rng, gen.GIVES).format(
            p=w.some_name(rng), t=gen.pick(rng, gen.TOPICS)),
            body="Sent %s something useful, for once." % gen.first(p.name),
            kind=gen.pick(rng, ["message", "email"]))
        return "gave something to %s" % p.name
    if kind == "target":
        c = w.companies.get(it.get("company") or "")
        if c is None:
            mm = re.search(r"someone at (.+?) before", it.get("text", ""))
            c = w.companies.get(mm.group(1)) if mm else None
        if c is None:
            return None
        p = w.add_contact_at(c, today, rng)
        if rng.random() < 0.6:
            w.message_to(today, rng, p, company=c.name,
                         asked="a chat about the team",
                         body="Cold message on LinkedIn.")
        return "found %s at %s" % (p.name, c.name)
    if kind == "date":
        p = w.people.get(people[0]) if people else None
        if p is None or it.get("due") != str(today) or rng.random() < 0.5:
            return None
        w.message_to(today, rng, p, body="Happy birthday!" if "birthday"
                     in it.get("text", "") else "Congratulations!")
        return "wrote to %s on the day" % p.name
    return None


# ---------------------------------------------------------------- the nights

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kith")
    ap.add_argument("--nights", type=int, default=91)
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=datetime.date.fromisoformat,
                    default=gen.START)
    ap.add_argument("--keep", metavar="DIR",
                    help="write the journal here and keep it, with each "
                    "night's reports and actions in DIR/_sim/")
    a = ap.parse_args()
    kith = os.path.abspath(a.kith) if os.sep in a.kith else \
        shutil.which(a.kith) or a.kith
    if not os.access(kith, os.X_OK):
        ap.error("%s is not an executable" % a.kith)
    if a.nights < 1 or a.people < 1:
        ap.error("--nights and --people must be at least 1")
    if a.keep:
        if os.path.exists(a.keep) and os.listdir(a.keep):
            ap.error("%s exists and is not empty" % a.keep)
        root = a.keep
        os.makedirs(root, exist_ok=True)
    else:
        root = tempfile.mkdtemp(prefix="kith-sim-")
    simdir = os.path.join(root, "_sim") if a.keep else None
    if simdir:
        os.makedirs(simdir, exist_ok=True)
    t0 = time.time()
    w = gen.generate(root, a.people, a.seed, a.start)
    at_start = (len(w.people), len([c for c in w.companies.values()]),
                len(w.meetings))

    nights = []
    prev_keys = None
    acts = {}
    first_warn = None
    try:
        for n in range(a.nights):
            today = gen.after(a.start, n)
            w.flush(root)
            text, err = run_kith(kith, root, today, "text")
            js, _ = run_kith(kith, root, today, "json")
            rep = json.loads(js)
            items = rep.get("items", [])
            if first_warn is None and (rep.get("errors") or
                                       rep.get("warnings")):
                first_warn = (today, rep.get("errors"), rep.get("warnings"))
            listed, unmatched = listed_items(text, items)
            keys = {json_key(it) for it in items}
            night = {"today": today, "lines": len(text.splitlines()),
                     "listed": len(listed), "json": len(items),
                     "unmatched": unmatched, "errors": rep.get("errors", 0),
                     "by_kind": {}}
            for it in listed:
                night["by_kind"][it["kind"]] = \
                    night["by_kind"].get(it["kind"], 0) + 1
            night["new"] = None if prev_keys is None else sum(
                1 for it in listed if json_key(it) not in prev_keys)
            prev_keys = keys
            measure(w, today, listed, items, night)
            nights.append(night)
            # The owner reads the report and does about 70% of it.
            done = []
            for it in listed:
                if it.get("kind") not in ACTIONABLE:
                    continue
                # What is upcoming waits for its day (a birthday is
                # wished on the day).
                if it.get("due") is not None and it["due"] > str(today):
                    continue
                rkey = "%s|%s|%s|%s" % (it.get("kind"), it.get("file"),
                                        ",".join(it.get("people") or []),
                                        it.get("text") if it.get("kind") ==
                                        "task" else "")
                rng = random.Random("%s:act:%s:%s" % (a.seed, today, rkey))
                if rng.random() >= ACT_SHARE:
                    continue
                what = act(w, it, today, rng)
                if what:
                    acts[it["kind"]] = acts.get(it["kind"], 0) + 1
                    done.append(what)
            # The day goes on.
            w.step(today, ideal=False)
            if simdir:
                base = os.path.join(simdir, str(today))
                with open(base + ".txt", "w", encoding="utf-8") as f:
                    f.write(text)
                with open(base + ".json", "w", encoding="utf-8") as f:
                    f.write(js)
                with open(base + ".log", "w", encoding="utf-8") as f:
                    f.write("".join("%s\n" % x for x in night["notes"]))
                    f.write("".join("acted: %s\n" % x for x in done))
                    f.write("".join("world: %s\n" % t for d, t in w.log
                                    if d == today))
    except KithFailed as e:
        w.flush(root)
        print("kith failed on night %d (%s): %s" % (len(nights) + 1, today,
                                                    e), file=sys.stderr)
        print("the journal is kept in %s" % root, file=sys.stderr)
        return 2
    w.flush(root)
    if simdir:
        with open(os.path.join(simdir, "nights.csv"), "w",
                  encoding="utf-8") as f:
            f.write("night,lines,listed,json,new,next_step,next_step_false,"
                    "thank_you_early,yesterday_unthanked,yesterday_missing,"
                    "check_in,check_in_weak\n")
            for n in nights:
                f.write("%s,%d,%d,%d,%s,%d,%d,%d,%d,%d,%d,%d\n" % (
                    n["today"], n["lines"], n["listed"], n["json"],
                    "" if n["new"] is None else n["new"], n["ns"],
                    n["ns_fp"], n["ty_early"], n["ty_yesterday"],
                    len(n["ty_missing"]), n["ci"], n["ci_weak"]))
    report(a, kith, w, nights, acts, at_start, first_warn,
           time.time() - t0, root)
    if not a.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def measure(w, today, listed, items, night):
    """The four measures of the target, on the items listed in the text
    report (what the owner reads); the JSON's figures beside them."""
    ns = [it for it in listed if it.get("kind") == "next-step"]
    night["ns"] = len(ns)
    night["ns_fp"] = 0
    night["notes"] = []
    for it in ns:
        why = fp(w, it)
        if why:
            night["ns_fp"] += 1
            night["notes"].append("false next-step: %s: %s" % (it["file"],
                                                               why))
    nsj = [it for it in items if it.get("kind") == "next-step"]
    night["ns_json"] = len(nsj)
    night["ns_json_fp"] = sum(1 for it in nsj if fp(w, it))
    ty = [it for it in listed if it.get("kind") == "thank-you"]
    early = []
    for it in ty:
        m = w.by_file.get(it.get("file"))
        if m is not None and m.date >= today:
            early.append(it)
            night["notes"].append("thank-you before the meeting: %s" %
                                  it["file"])
    night["ty_early"] = len(early)
    night["ty_early_json"] = sum(
        1 for it in items if it.get("kind") == "thank-you"
        and w.by_file.get(it.get("file")) is not None
        and w.by_file[it["file"]].date >= today)
    shown = {it.get("file") for it in ty}
    yesterday = gen.after(today, -1)
    want = [m for m in w.meetings if m.date == yesterday and w.needs_thanks(m)]
    night["ty_yesterday"] = len(want)
    night["ty_missing"] = [m.file for m in want if m.file not in shown]
    for f in night["ty_missing"]:
        night["notes"].append("missing thank-you: %s" % f)
    ci = [it for it in listed if it.get("kind") == "check-in"]
    night["ci"] = len(ci)
    night["ci_weak"] = sum(1 for it in ci if it.get("people") and
                           w.weak_tie(it["people"][0], today))


def fp(w, it):
    m = w.by_file.get(it.get("file"))
    return m is not None and w.moved_on(m)


def report(a, kith, w, nights, acts, at_start, first_warn, secs, root):
    def col(xs):
        return "median %s, 90th percentile %s, max %s" % (
            fmt_num(median(xs)), fmt_num(pct(xs, 90)), fmt_num(max(xs)))

    lines = [n["lines"] for n in nights]
    listed = [n["listed"] for n in nights]
    js = [n["json"] for n in nights]
    new = [n["new"] for n in nights if n["new"] is not None]
    silent = sum(1 for n in nights if n["listed"] == 0)
    ns = sum(n["ns"] for n in nights)
    ns_fp = sum(n["ns_fp"] for n in nights)
    nsj = sum(n["ns_json"] for n in nights)
    nsj_fp = sum(n["ns_json_fp"] for n in nights)
    early = sum(n["ty_early"] for n in nights)
    early_j = sum(n["ty_early_json"] for n in nights)
    want = sum(n["ty_yesterday"] for n in nights)
    missing = [(n["today"], f) for n in nights for f in n["ty_missing"]]
    ci = sum(n["ci"] for n in nights)
    ci_weak = sum(n["ci_weak"] for n in nights)
    unmatched = sum(n["unmatched"] for n in nights)
    out = []
    p = out.append
    try:
        head = subprocess.run(["git", "-C", os.path.dirname(kith), "log",
                               "-1", "--oneline"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL).stdout.decode(
                                  "utf-8", "replace").strip()
    except OSError:
        head = ""
    p("kith simulation: %d night%s from %s, seed %d" % (
        len(nights), "" if len(nights) == 1 else "s", a.start, a.seed))
    p("kith: %s%s" % (kith, " (checkout at %s)" % head if head else ""))
    p("journal: %d people, %d companies, %d meetings on the first night; "
      "%d, %d, %d on the last" % (at_start + (len(w.people), len(w.companies),
                                              len(w.meetings))))
    if first_warn:
        p("kith reported %s errors and %s warnings in the journal (first on "
          "%s); kith -j DIR check shows them" % (first_warn[1], first_warn[2],
                                                 first_warn[0]))
    p("")
    p("lines a night:        %s" % col(lines))
    p("items a night:        median %s listed in the text report (%s in the "
      "JSON)" % (fmt_num(median(listed)), fmt_num(median(js))))
    p("new items a night:    median %s (listed, not in the night before's "
      "JSON)" % (fmt_num(median(new)) if new else "n/a"))
    p("silent nights:        %d" % silent)
    kinds = {}
    for n in nights:
        for k in KINDS:
            kinds.setdefault(k, []).append(n["by_kind"].get(k, 0))
    p("listed a night, by kind (median/max): %s" % ", ".join(
        "%s %s/%s" % (k, fmt_num(median(v)), max(v))
        for k, v in kinds.items() if max(v)))
    p("the owner acted on:   %s" % (", ".join(
        "%d %s" % (acts[k], k) for k in KINDS if k in acts) or "nothing"))
    if unmatched:
        p("(%d listed items could not be matched to the JSON)" % unmatched)
    p("")

    def verdict(ok):
        return "met" if ok else "MISSED"

    ml = median(lines)
    fp_share = 100.0 * ns_fp / ns if ns else 0.0
    p("target                                     figure                "
      "     goal")
    p("  lines a night (median)                   %-26s <= 30   %s" % (
        fmt_num(ml), verdict(ml <= 30)))
    p("  next-step false positives                %-26s <= 10%%  %s" % (
        share(ns_fp, ns), verdict(fp_share <= 10)))
    p("  thank-you before its meeting             %-26s    0    %s" % (
        "%d" % early, verdict(early == 0)))
    p("  unthanked meeting of yesterday missing   %-26s    0    %s" % (
        "%d of %d" % (len(missing), want), verdict(not missing)))
    p("  check-ins for weak ties (no goal)        %s" % share(ci_weak, ci))
    p("")
    p("in the JSON (every item, listed or not): next-step false positives "
      "%s; thank-yous before the meeting %d" % (share(nsj_fp, nsj), early_j))
    for today, f in missing[:5]:
        p("  missing on %s: a thank-you for %s" % (today, f))
    p("%.1f s%s" % (secs, "; the journal and each night's reports are in %s"
                    % root if a.keep else ""))
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
