#!/usr/bin/env python3
"""The zsh completion, driven through zsh itself on a terminal.

    zsh-complete.py FPATH_DIR CWD 'WORDS<TAB>'...

For each line, types "pk WORDS" and a Tab into an interactive zsh that
completes pk as kith (pk prints its arguments), presses Enter, and prints
the words pk got, joined by "|", one line a case.  zsh reads the keys in
order, so the Tab's completion is done before the Enter; no sleeping.
"""
import os
import pty
import select
import sys
import tempfile
import time


def read_until(fd, marker, timeout=20.0):
    out = b""
    end = time.time() + timeout
    while marker not in out and time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


def main():
    fpath, cwd, cases = sys.argv[1], sys.argv[2], sys.argv[3:]
    home = tempfile.mkdtemp()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.environ.update(HOME=home, TERM="dumb")
        os.execvp("zsh", ["zsh", "-f", "-i"])
    setup = ("PS1='> '; fpath=(%s $fpath); autoload -U compinit; "
             "compinit -u -D; pk() { print -r -- \"PK|${(j:|:)@}|\" }; "
             "compdef _kith pk; echo READY\n" % fpath)
    os.write(fd, setup.encode())
    read_until(fd, b"READY\r\n")
    for case in cases:
        os.write(fd, b"pk " + case.encode() + b"\t\n")
        out = read_until(fd, b"|\r\n").decode("utf-8", "replace")
        start = out.rfind("PK|")
        print(out[start + 3:out.index("|\r\n", start)] if start >= 0 else "?")
    os.write(fd, b"exit\n")
    read_until(fd, b"never", timeout=1)
    os.waitpid(pid, 0)


main()
