#!/usr/bin/python3
# tools/unit-syscall-filter.py PROGRAM [ARGS...] - run PROGRAM under the system
# call filter of packaging/belongingd.service.in, as systemd would run belongingd.
#
# systemd kills a service that makes a system call its SystemCallFilter= does
# not allow (SIGSYS, "status=31/SYS"), and only when it makes it: a code path
# no test took under the filter can kill the installed daemon at a school.
# tools/unit-filter runs the server tests with every belongingd they start
# behind this ($BEL_TEST_WRAPPER); other programs (belongingctl) run as they are.
# The filter is computed from the unit's SystemCallFilter= lines with the groups
# `systemd-analyze syscall-filter` prints (allow lists, "~" deny lists, in order).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys

import seccomp  # python3-seccomp

UNIT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "packaging", "belongingd.service.in")


def groups():
    """{"@name": [members...]} from systemd-analyze, members being syscalls or groups."""
    text = subprocess.run(["systemd-analyze", "syscall-filter"], check=True,
                          capture_output=True, text=True).stdout
    table, current = {}, None
    for line in text.splitlines():
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if not line.startswith(" "):
            current = table.setdefault(word, [])
        elif current is not None:
            current.append(word)
    return table


def expand(name, table, seen=None):
    seen = set() if seen is None else seen
    if not name.startswith("@"):
        return {name}
    if name in seen:
        return set()
    seen.add(name)
    calls = set()
    for member in table[name]:
        calls |= expand(member, table, seen)
    return calls


def allowed():
    table = groups()
    allow = set()
    with open(UNIT) as unit:
        for line in unit:
            line = line.strip()
            if not line.startswith("SystemCallFilter="):
                continue
            value = line.split("=", 1)[1].strip()
            deny = value.startswith("~")
            names = set()
            for word in value.lstrip("~").split():
                names |= expand(word, table)
            allow = allow - names if deny else allow | names
    allow |= expand("@default", table)   # systemd always allows @default
    if os.geteuid() == 0:
        # Run as root (as the tests are here), SQLite gives each new WAL or
        # journal file the database's owner with fchown(). The unit's User=
        # is never root, so the installed daemon never makes those calls.
        allow |= expand("@chown", table)
    return allow


def main():
    program = sys.argv[1]
    if os.path.basename(program) == "belongingd":
        rules = seccomp.SyscallFilter(defaction=seccomp.KILL_PROCESS)
        for name in sorted(allowed()):
            try:
                rules.add_rule(seccomp.ALLOW, name)
            except (RuntimeError, ValueError, OSError):
                pass   # not a system call of this architecture
        rules.load()
    os.execv(program, sys.argv[1:])


if __name__ == "__main__":
    main()
