"""tests/reliability/sitecheck.py: what the reliability tests of `kith
site` share: making an old and a new site, putting the old one back, and
checking a folder after an interruption or a failure against both."""
import os
import shutil
import subprocess
import sys

TODAY_OLD = "2026-11-22"
TODAY_NEW = "2026-11-23"
MANIFEST = ".kith-manifest"
TMP = ".kith-tmp-"


def run(cmd, env=None, check=True):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env)
    if check and p.returncode not in (0, 1):
        sys.exit("reliability: %s failed (exit %d):\n%s" %
                 (" ".join(cmd), p.returncode, p.stderr.decode(errors="replace")))
    return p


def site_cmd(kith, journal, today, out):
    return [kith, "-j", journal, "--today", today, "-q", "site", "-o", out]


def files_of(root):
    """{relative path: bytes} of every regular file under root."""
    out = {}
    for d, dirs, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            if os.path.isfile(p) and not os.path.islink(p):
                with open(p, "rb") as fh:
                    out[os.path.relpath(p, root)] = fh.read()
    return out


def change_journal(src, dst, rng):
    """The journal of the new site: people added, meetings removed (their
    pages go stale), people removed (they stay as names in meetings)."""
    shutil.copytree(src, dst, symlinks=True)
    people = sorted(os.listdir(os.path.join(dst, "people")))
    for name in rng.sample(people, max(1, len(people) // 20)):
        os.unlink(os.path.join(dst, "people", name))
    meetings = sorted(os.path.join(d, f)
                      for d, _, files in os.walk(os.path.join(dst, "meetings"))
                      for f in files)
    for path in rng.sample(meetings, max(2, len(meetings) // 20)):
        os.unlink(path)
    for i in range(max(2, len(people) // 10)):
        with open(os.path.join(dst, "people", "Newcomer %03d.md" % i), "w") as f:
            f.write("---\ntags: [friend]\nlast_contact: 2026-11-01\n---\n"
                    "# Newcomer %d\n\nMet at the meetup.\n" % i)


def put_back(old, out):
    """out := the old site (files hard-linked: kith replaces files by
    renaming, so the old ones are never changed; the manifest, which kith
    appends to, is copied)."""
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(old, out, copy_function=os.link)
    os.unlink(os.path.join(out, MANIFEST))
    shutil.copy2(os.path.join(old, MANIFEST), os.path.join(out, MANIFEST))


PENDING_HEAD = "# being written"
STALE_HEAD = "# stale"


def manifest_entries(text):
    return [l for l in text.decode("utf-8", "replace").split("\n")
            if l and not l.startswith("#")]


def manifest_sections(text):
    """(claimed, pending, stale): the site's files; those a run recorded
    before making them (under "# being written"); those a run is removing
    (under "# stale")."""
    sections = {"claimed": [], "pending": [], "stale": []}
    part = "claimed"
    for l in text.decode("utf-8", "replace").split("\n"):
        if l.startswith(PENDING_HEAD):
            part = "pending"
        elif l.startswith(STALE_HEAD):
            part = "stale"
        elif l and not l.startswith("#"):
            sections[part].append(l)
    return sections["claimed"], sections["pending"], sections["stale"]


def check_after_kill(out, old, new):
    problems = []
    mpath = os.path.join(out, MANIFEST)
    if not os.path.exists(mpath):
        return ["the manifest is gone"]
    with open(mpath, "rb") as f:
        mtext = f.read()
    if mtext and not mtext.endswith(b"\n"):
        problems.append("the manifest ends in a half-written line: %r" %
                        mtext[-60:])
    listed = set(manifest_entries(mtext))
    # Only the site's own files are claimed: entries a run recorded before
    # making them, and stale ones being removed, may be missing.
    claimed, _, _ = manifest_sections(mtext)
    for rel in sorted(set(claimed)):
        if rel.endswith("/"):
            continue
        if not os.path.exists(os.path.join(out, rel)):
            problems.append("the manifest claims %s, which is missing" % rel)
    for rel, data in sorted(files_of(out).items()):
        base = os.path.basename(rel)
        if rel == MANIFEST or base.startswith(TMP):
            continue
        if rel not in listed:
            problems.append("%s is not in the manifest (the next run "
                            "would refuse the folder)" % rel)
        if data != old.get(rel) and data != new.get(rel):
            problems.append("%s is neither its old nor its new version "
                            "(%d bytes%s)" % (rel, len(data),
                            "" if not rel.endswith(".html") or
                            data.endswith(b"</html>\n") else
                            ", not ending in </html>"))
    return problems


def check_finished(out, new):
    problems = []
    got = files_of(out)
    temps = [r for r in got if os.path.basename(r).startswith(TMP)]
    if temps:
        problems.append("temporary files of the killed run are left after "
                        "a run that succeeded: %s" % ", ".join(sorted(temps)[:3]))
    for rel in sorted(set(got) | set(new)):
        if os.path.basename(rel).startswith(TMP):
            continue
        if rel not in got:
            problems.append("after the next run, %s is missing" % rel)
        elif rel not in new:
            problems.append("after the next run, %s is left over" % rel)
        elif got[rel] != new[rel]:
            problems.append("after the next run, %s differs from the new "
                            "site" % rel)
    return problems


class Sites:
    """A generated journal's old site and the new one (after the journal
    changed and a day passed), each built into a folder of its own."""

    def __init__(self, kith, work, people, rng):
        top = os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__))))
        self.kith = kith
        self.j_old = os.path.join(work, "j-old")
        self.j_new = os.path.join(work, "j-new")
        self.old_dir = os.path.join(work, "old")
        self.new_dir = os.path.join(work, "new")
        self.out = os.path.join(work, "out")
        run([sys.executable, os.path.join(top, "tools/gen-journal.py"),
             "--people", str(people), "--seed", "1", self.j_old])
        change_journal(self.j_old, self.j_new, rng)
        run(site_cmd(kith, self.j_old, TODAY_OLD, self.old_dir))
        run(site_cmd(kith, self.j_new, TODAY_NEW, self.new_dir))
        self.old = files_of(self.old_dir)
        self.new = files_of(self.new_dir)
        self.rebuild = site_cmd(kith, self.j_new, TODAY_NEW, self.out)
