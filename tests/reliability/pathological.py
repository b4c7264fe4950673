#!/usr/bin/env python3
"""tests/reliability/pathological.py: pathological Markdown finishes in
bounded time and bounded output (issue 5's catalogue).

    pathological.py KITH [--people N] [--work DIR]

A generated journal of N people (300) is timed with `kith check` and `kith
due`; then notes are added, one per hazard:

    50,000 nested brackets         [[[[...
    50,000 '> '                    a quote 50,000 deep
    1,000 nested lists             each item indented under the last
    50 KB of reference links       1,000 definitions, then [r1][r2]...
    a 3,000-column table
    40,000 wiki links to nowhere   [[a]][[a]]... (200 KB)
    10,000 names to nowhere        [[Nobody 00000]] [[Nobody 00001]] ...,
                                   each a "did you mean" search (170 KB)
    20,000 emphasis openers        *a **b *a **b ...
    1 MiB of 3,000-column tables   a short header, a 3,000-cell delimiter
                                   row and 1,000 one-cell rows, again and
                                   again (md4c fills every row out)

and `kith check` is timed with each alone, then check and due with all of
them.  Then `kith site` builds a small journal of the hazards alone.  Each
run must take at most three times as long as without the hazards, plus
two seconds (relative, so that a slow or sanitized build passes as well as
a fast one; a run two seconds over that is killed); each note's page must
stay under the body cap (256 KiB) plus the page's frame (32 KiB).

Prints one line per command and per page over its bound, then
"pathological: N checks, M problems"; exits 1 on a problem.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

BODY_CAP = 256 * 1024
FRAME = 32 * 1024


def hazards():
    refs = "".join("[r%d]: http://example.com/%d\n" % (i, i) for i in range(1000))
    body = refs + "\n"
    while len(body) < 50000:
        body += "[r1][r2][r3][r4] "
    return {
        "brackets": "[" * 50000 + "\n",
        "quotes": "> " * 50000 + "deep\n",
        "lists": "".join("  " * i + "- item\n" for i in range(1000)),
        "reference links": body + "\n",
        "wide table": "|" + "a|" * 3000 + "\n|" + "-|" * 3000 + "\n" +
                      ("|" + "x|" * 3000 + "\n") * 3,
        "links to nowhere": "[[a]]" * 40000 + "\n",
        "names to nowhere": "".join("[[Nobody %05d]] " % i
                                    for i in range(10000)) + "\n",
        "emphasis": "*a **b " * 20000 + "\n",
        "wide tables": ("|a|\n" + "|---" * 3000 + "|\n" + "|x\n" * 1000 +
                        "\n") * 70,
    }


def timed(cmd, limit=None):
    """(seconds, exit status); a run over limit is killed (status None)."""
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=limit)
        status = p.returncode
    except subprocess.TimeoutExpired:
        status = None
    return time.monotonic() - start, status


def run_kith(kith, journal, args, limit=None):
    return timed([kith, "-j", journal, "--today", "2026-11-22", "-q"] + args,
                 limit)


def verdict(label, t, bound, status):
    ok = t <= bound and status in (0, 1)
    print("%s %s: %.2f s (bound %.2f s), %s" % (
        "ok  " if ok else "FAIL", label, t, bound,
        "killed" if status is None else "exit %d" % status))
    return 0 if ok else 1


def write_hazards(folder, only=None):
    os.makedirs(folder, exist_ok=True)
    for name, text in hazards().items():
        if only is None or name == only:
            with open(os.path.join(folder, name + ".md"), "w") as f:
                f.write("# %s\n\n%s" % (name.capitalize(), text))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kith")
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--work")
    a = ap.parse_args()
    kith = os.path.abspath(a.kith)
    top = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    work = a.work or tempfile.mkdtemp(prefix="kith-pathological-")
    problems = checks = 0
    try:
        # check and due on a generated journal, each hazard alone, then all
        journal = os.path.join(work, "j")
        subprocess.run([sys.executable, os.path.join(top, "tools/gen-journal.py"),
                        "--people", str(a.people), "--seed", "2", journal],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        folder = os.path.join(journal, "notes", "pathological")
        base = {c: run_kith(kith, journal, [c])[0] for c in ("check", "due")}
        for name in hazards():
            write_hazards(folder, name)
            bound = 3 * base["check"] + 2
            t, status = run_kith(kith, journal, ["check"], bound + 2)
            problems += verdict("check with %s" % name, t, bound, status)
            checks += 1
            os.unlink(os.path.join(folder, name + ".md"))
        write_hazards(folder)
        for c in ("check", "due"):
            bound = 3 * base[c] + 2
            t, status = run_kith(kith, journal, [c], bound + 2)
            problems += verdict("%s with all of them" % c, t, bound, status)
            checks += 1
        # site on a small journal of the hazards alone: time and page sizes
        small = os.path.join(work, "small")
        os.makedirs(os.path.join(small, "people"))
        with open(os.path.join(small, "people", "Ann Lee.md"), "w") as f:
            f.write("---\ncadence: 30d\n---\n")
        site = os.path.join(work, "site")
        base_site, _ = run_kith(kith, small, ["site", "-o", site])
        write_hazards(os.path.join(small, "notes"))
        bound = 3 * base_site + 2
        t, status = run_kith(kith, small, ["site", "-o", site], bound + 2)
        problems += verdict("site of the hazards", t, bound, status)
        checks += 1
        notes = os.path.join(site, "notes")
        for f in sorted(os.listdir(notes) if os.path.isdir(notes) else []):
            checks += 1
            size = os.path.getsize(os.path.join(notes, f))
            if size > BODY_CAP + FRAME:
                print("FAIL notes/%s: %d bytes, over %d" % (f, size,
                                                           BODY_CAP + FRAME))
                problems += 1
        print("pathological: %d checks, %d problems" % (checks, problems))
        return 1 if problems else 0
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
