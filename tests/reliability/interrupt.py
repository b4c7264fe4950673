#!/usr/bin/env python3
"""tests/reliability/interrupt.py: `kith site` interrupted at any point
leaves the old site or the new one, file by file, and the next run
finishes the job.

    interrupt.py KITH [--people N] [--kills K] [--points P] [--shim SO]
                 [--seed S] [--work DIR]

A journal of N people (tools/gen-journal.py) is built into a site: the old
site.  Then the journal changes (a day later, people added, people
removed: pages change, appear and go stale) and its site, built into a
folder of its own, is the new site.  Then, many times, the old site is put
back and kith rebuilds it into the new one, and is killed (SIGKILL, as a
power cut or the OOM killer would):

  - K times after a random delay (0 to 1.2 times a whole run);
  - with --shim (tests/reliability/shim.c), at P exact points spread over
    every rename, every unlink and every file creation kith makes (the
    shim kills kith just before that call).

After each kill:
  - every file in the folder is kith's: the manifest, a temporary file
    (.kith-tmp-*), or a file the manifest lists;
  - every file is whole: byte for byte its old version or its new one
    (never half-written; every page ends with "</html>\\n");
  - every file the manifest claims exists: those it lists under "# being
    written" (recorded before they are made) and "# stale" (being removed)
    may be missing (docs/site.md);
  - the manifest ends with a line end (no half-written name);
and then kith runs again to the end: it must succeed and leave exactly the
new site, with no temporary file left behind.  With --shim, also two
interrupted runs in a row (the first between two manifest records),
after which a third run must still succeed.

Prints one line per problem, then "interrupt: N kills, M problems"; exits
1 when there is a problem.
"""
import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


from sitecheck import (MANIFEST, TMP, TODAY_NEW, TODAY_OLD, change_journal,
                       check_after_kill, check_finished, files_of, put_back,
                       run, site_cmd)


def twice(old_dir, out, rebuild, env, new):
    """Two interrupted runs in a row, then one to the end: the first killed
    while it records new pages in the manifest (between two records), the
    second after it has written new pages.  The third must
    still accept the folder as kith's and finish the new site."""
    put_back(old_dir, out)
    subprocess.run(rebuild, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=dict(env, SHIM_KILL_DIR=os.path.join(out, MANIFEST),
                            SHIM_KILL_AT="write:2"))
    # killed as it makes the new manifest: every page written
    subprocess.run(rebuild, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=dict(env, SHIM_KILL_CREATE=TMP + "manifest"))
    third = run(rebuild, check=False)
    found = []
    if third.returncode != 0:
        found.append("the run after two interrupted ones failed (exit %d): %s"
                     % (third.returncode,
                        third.stderr.decode(errors="replace").strip()))
    else:
        found += check_finished(out, new)
    for f in found:
        print("FAIL killed twice in a row: %s" % f)
    return ["killed twice in a row: " + f for f in found]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kith")
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--points", type=int, default=0)
    ap.add_argument("--shim")
    ap.add_argument("--seed", type=int,
                    default=int(os.environ.get("RELIABILITY_SEED", "0")) or
                    random.randrange(1, 1 << 30))
    ap.add_argument("--work")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    kith = os.path.abspath(a.kith)
    top = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    work = a.work or tempfile.mkdtemp(prefix="kith-interrupt-")
    os.makedirs(work, exist_ok=True)
    try:
        return campaign(a, rng, kith, top, work)
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


def campaign(a, rng, kith, top, work):
    j_old, j_new = os.path.join(work, "j-old"), os.path.join(work, "j-new")
    old_dir, new_dir = os.path.join(work, "old"), os.path.join(work, "new")
    out = os.path.join(work, "out")
    run([sys.executable, os.path.join(top, "tools/gen-journal.py"),
         "--people", str(a.people), "--seed", "1", j_old])
    change_journal(j_old, j_new, rng)
    run(site_cmd(kith, j_old, TODAY_OLD, old_dir))
    start = time.monotonic()
    run(site_cmd(kith, j_new, TODAY_NEW, new_dir))
    whole = time.monotonic() - start
    old, new = files_of(old_dir), files_of(new_dir)
    rebuild = site_cmd(kith, j_new, TODAY_NEW, out)

    # The uninterrupted rebuild of the old site is the new site.
    put_back(old_dir, out)
    run(rebuild)
    problems = ["uninterrupted: " + p for p in check_finished(out, new)]

    print("# interrupt: seed %d, %d people, %d files; a run takes %.2f s" %
          (a.seed, a.people, len(new), whole))
    kills = []
    for _ in range(a.kills):
        kills.append(("after %.3f s" % 0, rng.uniform(0, 1.2 * whole), None))
    if a.shim and a.points > 0:
        counts = os.path.join(work, "counts")
        env = dict(os.environ, LD_PRELOAD=a.shim, SHIM_COUNT=counts,
                   SHIM_KILL_DIR=out,
                   ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") +
                   ":verify_asan_link_order=0")
        put_back(old_dir, out)
        run(rebuild, env=env)
        with open(counts) as f:
            n = dict((k, int(v)) for k, v in (l.split() for l in f))
        calls = [c for c in ("renameat", "unlinkat", "linkat", "openat",
                             "write")
                 if n.get(c, 0) > 0]
        for i in range(a.points):
            c = calls[i % len(calls)]
            # the first and the last calls, and points between
            k = i // len(calls)
            per = (a.points + len(calls) - 1) // len(calls)
            at = 1 + (n[c] - 1) * k // max(1, per - 1) if per > 1 else 1
            kills.append(("at %s %d of %d" % (c, at, n[c]), None,
                          dict(env, SHIM_KILL_AT="%s:%d" % (c, at))))
        # Between two records of new files in the manifest (each is one
        # write of the name and its line end).
        menv = dict(env, SHIM_KILL_DIR=os.path.join(out, MANIFEST))
        for at in (2, 4):
            kills.append(("at manifest write %d" % at, None,
                          dict(menv, SHIM_KILL_AT="write:%d" % at)))

    if a.shim and a.points > 0:
        problems += twice(old_dir, out, rebuild, env, new)

    for label, delay, env in kills:
        put_back(old_dir, out)
        if delay is not None:
            label = "after %.3f s" % delay
            p = subprocess.Popen(rebuild, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
        else:
            p = subprocess.run(rebuild, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env)
        found = check_after_kill(out, old, new)
        again = run(rebuild, check=False)
        if again.returncode != 0:
            found.append("the next run failed (exit %d): %s" % (
                again.returncode, again.stderr.decode(errors="replace").strip()))
        else:
            found += check_finished(out, new)
        for f in found:
            print("FAIL killed %s: %s" % (label, f))
        problems += ["killed %s: %s" % (label, f) for f in found]
    kinds = {}
    for p in problems:
        kind = re.sub(r"[^ ]*/[^ ]*|\d+|b'.*'", "_", p.split(": ", 1)[1])
        kinds.setdefault(kind, p)
    for kind, example in sorted(kinds.items()):
        print("# problem: %s\n#   e.g. %s" % (kind, example))
    print("interrupt: %d kills, %d problems" % (len(kills), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
