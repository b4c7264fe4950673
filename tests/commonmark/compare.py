"""The CommonMark examples (md4c 0.4.8's test/*.txt) through kith's
renderer: every example renders as its spec says, or is a deviation listed
in deviations.txt with its reason; a listed example that renders as the
spec says is an error too, so the list cannot go stale.

    python3 compare.py RENDER [--show N]

Two differences are applied to every example before comparing, because
the dashboard makes them everywhere (docs/site.md): headings one level
down (a note's h1 is an h2 on its page, h6 stays h6), and rel="noopener
noreferrer" on links that leave the dashboard.
"""
import html
import html.parser
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ["spec.txt", "tables.txt", "tasklists.txt", "strikethrough.txt",
         "wiki-links.txt", "permissive-url-autolinks.txt",
         "permissive-www-autolinks.txt", "permissive-email-autolinks.txt"]
FENCE = "`" * 32
BLOCK = {"address", "article", "aside", "blockquote", "body", "dd", "details",
         "div", "dl", "dt", "figure", "footer", "form", "h1", "h2", "h3", "h4",
         "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p",
         "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead",
         "tr", "ul", "br"}


def examples(name):
    """(file, number, markdown, html) of each example of a spec file."""
    out, lines, n = [], open(os.path.join(HERE, name), encoding="utf-8").read().split("\n"), 0
    i = 0
    while i < len(lines):
        if lines[i].startswith(FENCE + " example"):
            md, j = [], i + 1
            while lines[j] != ".":
                md.append(lines[j]); j += 1
            want, j = [], j + 1
            while not lines[j].startswith(FENCE):
                want.append(lines[j]); j += 1
            n += 1
            text = lambda ls: "".join(l + "\n" for l in ls).replace("\u2192", "\t")
            out.append((name, n, text(md), text(want)))
            i = j
        i += 1
    return out


class Norm(html.parser.HTMLParser):
    """A canonical form of an HTML fragment: tags with sorted attributes,
    text unescaped, white space collapsed outside <pre>, none around block
    tags."""

    def __init__(self, shift, drop_rel):
        super().__init__(convert_charrefs=True)
        self.shift, self.drop_rel = shift, drop_rel
        self.out, self.pre = [], 0

    def tag(self, t):
        m = re.fullmatch(r"h([1-6])", t)
        if m and self.shift:
            return "h%d" % min(6, int(m.group(1)) + 1)
        return t

    def handle_starttag(self, t, attrs):
        if t == "pre":
            self.pre += 1
        attrs = [(k, v or "") for k, v in attrs
                 if not (self.drop_rel and k == "rel")]
        self.out.append(("start", self.tag(t), tuple(sorted(attrs))))

    def handle_startendtag(self, t, attrs):
        self.handle_starttag(t, attrs)
        if t == "pre":
            self.pre -= 1

    def handle_endtag(self, t):
        if t == "pre":
            self.pre -= 1
        self.out.append(("end", self.tag(t)))

    def handle_data(self, d):
        if not self.pre:
            d = re.sub(r"\s+", " ", d)
        if self.out and self.out[-1][0] == "text":
            self.out[-1] = ("text", self.out[-1][1] + d)
        else:
            self.out.append(("text", d))

    def result(self):
        toks = []
        for i, t in enumerate(self.out):
            if t[0] == "text" and not self.pre:
                d = t[1]
                prev = self.out[i - 1] if i else None
                nxt = self.out[i + 1] if i + 1 < len(self.out) else None
                if prev is None or (prev[0] != "text" and prev[1] in BLOCK):
                    d = d.lstrip(" ") if not (prev and prev[1] == "pre" and prev[0] == "start") else d
                if nxt is None or (nxt[0] != "text" and nxt[1] in BLOCK):
                    d = d.rstrip(" ") if not (nxt and nxt[1] == "pre" and nxt[0] == "end") else d
                if d == "":
                    continue
                t = ("text", d)
            toks.append(t)
        return toks


def norm(s, shift=False, drop_rel=False):
    p = Norm(shift, drop_rel)
    p.feed(s)
    p.close()
    return p.result()


def show(toks):
    out = []
    for t in toks:
        if t[0] == "start":
            out.append("<%s%s>" % (t[1], "".join(' %s="%s"' % a for a in t[2])))
        elif t[0] == "end":
            out.append("</%s>" % t[1])
        else:
            out.append(html.escape(t[1], quote=False))
    return "".join(out)


def deviations():
    """{(file, number): reason} from deviations.txt: "file number reason"."""
    dev = {}
    for line in open(os.path.join(HERE, "deviations.txt"), encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            f, n, reason = line.split(None, 2)
            for part in n.split(","):
                a, _, b = part.partition("-")
                for k in range(int(a), int(b or a) + 1):
                    dev[(f, k)] = reason
    return dev


def main():
    render = sys.argv[1]
    showing = sys.argv[2:] == ["--show"]
    exs = [e for f in FILES for e in examples(f)]
    got = subprocess.run([render], input="\0".join(e[2] for e in exs).encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8", "replace").split("\0")
    dev = deviations()
    passed = failed = 0
    counts = {}
    for (f, n, md, want), have in zip(exs, got):
        same = norm(have, drop_rel=True) == norm(want, shift=True)
        listed = (f, n) in dev
        if same and not listed:
            passed += 1
        elif not same and listed:
            passed += 1
            counts[dev[(f, n)]] = counts.get(dev[(f, n)], 0) + 1
        else:
            failed += 1
            why = "renders as the spec says but is listed as a deviation" if same else "differs from the spec"
            print("FAIL commonmark: %s example %d %s" % (f, n, why))
            if showing or failed <= 20:
                print("  markdown: %r\n  expected: %s\n  kith:     %s" % (md, show(norm(want, True)), show(norm(have, drop_rel=True))))
    if len(got) != len(exs) + 1:
        print("FAIL commonmark: %d outputs for %d examples" % (len(got) - 1, len(exs)))
        failed += 1
    for reason, k in sorted(counts.items(), key=lambda x: -x[1]):
        print("  %3d %s" % (k, reason)) if showing else None
    print("commonmark: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
