#!/usr/bin/env python3
"""tests/reliability/enospc.py: a disk that fills up while `kith site`
writes leaves the old output intact, file by file, and kith says so.

    enospc.py KITH SHIM [--people N] [--work DIR]

With the shim (tests/reliability/shim.c), write() to the output folder
fails with ENOSPC once N bytes have gone to it, for N from 0 (the first
write) to most of a site.  When mount works here (root, a tmpfs), also a
real full file system.  Each time:
  - kith exits 3 and its message says "No space left on device";
  - the folder is exactly the old site, the last good one (issue 18: the
    pages of the failed run stayed, new ones and changed ones, so the
    next runs failed too, and index.html linked pages never written):
    every file byte for byte, no file or folder more, no temporary file;
  - on the tmpfs, the failed run leaves the space it found: a run fails
    for space and the next succeeds as soon as there is room for it;
  - once there is room again, a run finishes the new site exactly.
And a run that fails into an empty folder leaves no page there.

Prints one line per problem, then "enospc: N runs, M problems".
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

from sitecheck import (TMP, Sites, check_after_kill, check_finished, files_of,
                       put_back, run)


def folders_of(root):
    return set(os.path.relpath(d, root) for d, _, _ in os.walk(root))


def check_failed(s, p, old, old_dir):
    """A run that failed for space: exit 3, a message, and the folder as
    the last good site (old, built in old_dir) was."""
    found = []
    err = p.stderr.decode(errors="replace")
    if p.returncode != 3:
        found.append("exit %d, expected 3 (%s)" % (p.returncode, err.strip()))
    if "No space left on device" not in err:
        found.append("no message says the disk is full: %r" % err.strip())
    found += check_after_kill(s.out, old, s.new)
    got = files_of(s.out)
    temps = [r for r in got if os.path.basename(r).startswith(TMP)]
    if temps:
        found.append("temporary files left: %s" % ", ".join(sorted(temps)[:3]))
    for rel in old:
        if rel not in got:
            found.append("%s of the old site was removed" % rel)
    for rel, data in sorted(got.items()):
        if rel == ".kith-manifest" or rel in temps:
            continue
        if rel not in old:
            found.append("%s was left by the failed run" % rel)
        elif old[rel] != data:
            found.append("%s is not as the last good site had it" % rel)
    for d in sorted(folders_of(s.out) - folders_of(old_dir))[:3]:
        found.append("the folder %s was left by the failed run" % d)
    return found


def check_full(s, label, p, problems):
    found = check_failed(s, p, s.old, s.old_dir)
    again = run(s.rebuild, check=False)
    if again.returncode != 0:
        found.append("the run with room again failed (exit %d): %s" %
                     (again.returncode,
                      again.stderr.decode(errors="replace").strip()))
    else:
        found += check_finished(s.out, s.new)
    for f in found:
        print("FAIL %s: %s" % (label, f))
    problems += found


def tmpfs_case(s, work, problems):
    """A real full file system, when this machine lets us mount one."""
    mnt = os.path.join(work, "mnt")
    os.makedirs(mnt)
    # the old site in 4 KiB pages, and room for a new site beside it
    size = 2 * sum((len(d) + 4095) // 4096 * 4096 for d in s.old.values()) \
        + (4 << 20)
    m = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%d" % size,
                        "tmpfs", mnt], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if m.returncode != 0:
        print("# enospc: skipped the tmpfs case (cannot mount here)")
        return 0
    try:
        out = os.path.join(mnt, "site")
        shutil.copytree(s.old_dir, out)
        # leave about 64 KiB: a few pages fit, the site does not
        st = os.statvfs(mnt)
        free = st.f_bavail * st.f_frsize
        with open(os.path.join(mnt, "filler"), "wb") as f:
            f.write(b"\0" * max(0, free - 65536))
        saved, s.out = s.out, out
        s.rebuild = s.rebuild[:-1] + [out]
        before = os.statvfs(mnt).f_bfree
        p = run(s.rebuild, check=False)
        left = before - os.statvfs(mnt).f_bfree
        if left > 0:
            f = "the failed run left %d blocks of the tmpfs taken" % left
            print("FAIL a full tmpfs: %s" % f)
            problems.append(f)
        os.unlink(os.path.join(mnt, "filler"))
        check_full(s, "a full tmpfs", p, problems)
        s.out = saved
        s.rebuild = s.rebuild[:-1] + [saved]
        return 1
    finally:
        subprocess.run(["umount", mnt])


def empty_case(s, shim, total, problems):
    """A first build that fails for space leaves no page: none that would
    link pages never written."""
    shutil.rmtree(s.out, ignore_errors=True)
    os.makedirs(s.out)
    empty = os.path.join(os.path.dirname(s.out), "empty")
    os.makedirs(empty, exist_ok=True)
    env = dict(os.environ, LD_PRELOAD=os.path.abspath(shim),
               SHIM_ENOSPC_DIR=s.out, SHIM_ENOSPC_AFTER=str(total // 3),
               ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") +
               ":verify_asan_link_order=0")
    p = run(s.rebuild, env=env, check=False)
    found = check_failed(s, p, {}, empty)
    for f in found:
        print("FAIL full into an empty folder: %s" % f)
    problems += found
    return 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kith")
    ap.add_argument("shim")
    ap.add_argument("--people", type=int, default=30)
    ap.add_argument("--work")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="kith-enospc-")
    try:
        s = Sites(os.path.abspath(a.kith), work, a.people, random.Random(1))
        total = sum(len(d) for d in s.new.values())
        problems = []
        runs = 0
        for after in (0, 1, 4096, total // 3, (9 * total) // 10):
            put_back(s.old_dir, s.out)
            env = dict(os.environ, LD_PRELOAD=os.path.abspath(a.shim),
                       SHIM_ENOSPC_DIR=s.out, SHIM_ENOSPC_AFTER=str(after),
                       ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") +
                       ":verify_asan_link_order=0")
            p = run(s.rebuild, env=env, check=False)
            check_full(s, "full after %d bytes" % after, p, problems)
            runs += 1
        runs += empty_case(s, a.shim, total, problems)
        runs += tmpfs_case(s, work, problems)
        print("enospc: %d runs, %d problems" % (runs, len(problems)))
        return 1 if problems else 0
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
