# shellcheck shell=sh
# lib.sh - shell functions shared by install-test.sh and nspawn-test.sh, which
# source it.  POSIX sh.  They print every step and command, so that a run's
# output is its own record.
#
# SPDX-License-Identifier: GPL-3.0-or-later

step_number=0

# opt_in NAME VARIABLE VALUE WHAT WHY-ROOT: exits 2 unless the opt-in VARIABLE
# has the VALUE 1 and this runs as root.
opt_in () {
    if [ "$3" != 1 ]; then
        echo "$1: $4; set $2=1 to run it" >&2
        exit 2
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "$1: run it as root ($5)" >&2
        exit 2
    fi
}

say () { printf '%s\n' "$*"; }
step () { step_number=$((step_number + 1)); say ""; say "== $step_number. $*"; }
run () { say "\$ $*"; "$@"; }
fail () { say "FAILED: $*" >&2; exit 1; }
check () { # check DESCRIPTION COMMAND...
    what=$1; shift
    if "$@"; then say "ok - $what"; else fail "$what"; fi
}
not () { ! "$@"; }

# wait_for DESCRIPTION SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds.
wait_for () {
    what=$1; tries=$(($2 * 5)); shift 2
    until "$@"; do
        tries=$((tries - 1))
        [ $tries -gt 0 ] || fail "$what"
        sleep 0.2
    done
}

# now_ms: milliseconds since the epoch (for the figures the tests print).
now_ms () { date +%s%3N; }

# free_port PORT: PORT if nothing listens on it in this network namespace, else
# a free one (another daemon, another engineer's test).
free_port () {
    if ss -Hltn "sport = :$1" | grep -q .; then
        say "port $1 is taken on this machine; using a free one in belongingd.conf" >&2
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    else
        echo "$1"
    fi
}

# get_debs SOURCE_ROOT OUTDIR LOG [DIR]: the .debs in OUTDIR: copied from DIR (made
# before with `tests/packaging/build-debs.sh SOURCE_ROOT DIR`) if given, else built
# by the packaging suite's build (dpkg-buildpackage, contents, lintian).
get_debs () {
    if [ -n "${4:-}" ]; then
        mkdir -p "$2"
        run cp "$4"/belonging-server_*.deb "$4"/belonging_*.deb "$2"/
    else
        run sh "$1/tests/packaging/build-debs.sh" "$1" "$2" >"$3" 2>&1 || { cat "$3"; fail "build"; }
    fi
    ls "$2"
}

# json_get EXPRESSION: prints EXPRESSION of the JSON document read from standard
# input, with `d` bound to it, e.g. json_get 'd["items"][0]["id"]'.
json_get () {
    python3 -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"
}
