#!/bin/sh
# nspawn-test.sh [SOURCE_ROOT] - issue #9's "installing the server package on a fresh
# machine starts a working service", seen with systemd itself: boots a fresh Debian 12
# in a systemd-nspawn container (systemd as its PID 1), installs belonging-server there
# with apt-get, and checks what systemd made of it: the unit enabled and active, the
# sysusers.d user, the StateDirectory, the ready message in the journal (and no student
# data in it after an import and sign-ins over HTTP and HTTPS), `systemd-analyze
# security` on the running service, a graceful `systemctl stop`, and `apt-get purge`.
# It prints the figures docs/admin.md quotes: boot time, time to active, security
# score, resident memory.
#
# It needs root and the Debian mirror, and installs systemd-container and debootstrap
# if they are missing (tools/lib.sh: NSPAWN_PACKAGES); it changes nothing else on this
# machine, but it is slow, so it is opt-in and never part of `meson test`:
#
#   sudo BEL_NSPAWN_TEST=1 tests/packaging/nspawn-test.sh
#
# The container shares this machine's network (apt-get needs the mirror), so the
# service listens on this machine's 127.0.0.1.
#
# Environment:
#   BEL_NSPAWN_BASE=DIR  boot a copy of this Debian 12 tree (made earlier with
#                        debootstrap --variant=minbase --include=systemd,dbus bookworm DIR)
#                        rather than making one (10 min, 250 MB)
#   BEL_NSPAWN_DEBS=DIR  install the .debs in DIR (from build-debs.sh) rather than building them
#   BEL_NSPAWN_MIRROR=URL  default http://deb.debian.org/debian
#   BEL_NSPAWN_PORT=N    the port to serve on (default 8765, or a free one if taken)
set -eu

src=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
here="$src/tests/packaging"
# shellcheck source=tests/packaging/lib.sh
. "$here/lib.sh"
opt_in nspawn-test BEL_NSPAWN_TEST "${BEL_NSPAWN_TEST:-}" "this boots a Debian container" "systemd-nspawn, debootstrap"
# shellcheck source=tools/lib.sh
. "$src/tools/lib.sh"
# shellcheck disable=SC2086  # a list of packages
ensure_packages $NSPAWN_PACKAGES

work=$(mktemp -d "${TMPDIR:-/var/tmp}/belonging-nspawn-XXXXXX")
chmod 0755 "$work"
mirror=${BEL_NSPAWN_MIRROR:-http://deb.debian.org/debian}
machine="belonging-test-$$"
nspawn_pid=
leader=

cleanup () {
    status=$?
    if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
        if [ $status -ne 0 ] && [ -n "$leader" ]; then
            say "--- the container's journal:"
            inside journalctl -n 30 --no-pager || true
        fi
        say "== halting the container"
        kill -TERM "$nspawn_pid"          # systemd-nspawn asks the container's systemd to halt
        i=0
        while kill -0 "$nspawn_pid" 2>/dev/null && [ $i -lt 150 ]; do sleep 0.2; i=$((i + 1)); done
        kill -KILL "$nspawn_pid" 2>/dev/null || true
    fi
    # systemd-nspawn leaves its (empty) mount propagation directory when /run is no tmpfs.
    rmdir /run/systemd/nspawn/propagate/"$machine"* 2>/dev/null || true
    [ $status -ne 0 ] && [ -s "$work/nspawn.log" ] && { say "--- systemd-nspawn:"; tail -20 "$work/nspawn.log"; }
    rm -rf "$work"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# inside COMMAND...: runs COMMAND in the booted container (all its namespaces, its
# root, a clean environment), as root; standard input and output pass through.
inside () {
    nsenter --target "$leader" --all --root --wd \
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
find_leader () { leader=$(pgrep -P "$nspawn_pid" -x systemd) || return 1; }

say "nspawn-test: $(date -u '+%Y-%m-%d %H:%M UTC') on $(. /etc/os-release; echo "$PRETTY_NAME"), $(uname -m)"
say "this machine's PID 1: $(ps -o comm= -p 1); $(systemd-nspawn --version | head -1)"

step "The packages (tests/packaging/build-debs.sh: dpkg-buildpackage -us -uc -b, lintian)"
get_debs "$src" "$work/debs" "$work/build.log" "${BEL_NSPAWN_DEBS:-}"
server_deb=$(basename "$work"/debs/belonging-server_*.deb)

step "A fresh Debian 12 with systemd"
tree="$work/tree"
if [ -n "${BEL_NSPAWN_BASE:-}" ]; then
    run cp -a --reflink=auto "$BEL_NSPAWN_BASE" "$tree"
else
    t0=$(now_ms)
    run debootstrap --variant=minbase --include=systemd,dbus bookworm "$tree" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    say "debootstrap: $(( ($(now_ms) - t0) / 1000 )) s, $(du -sh "$tree" | cut -f1)"
fi
check "the tree has systemd" test -x "$tree/lib/systemd/systemd"

# boot: starts the container and waits until its systemd has started everything.
boot () {
    t0=$(now_ms)
    say "\$ systemd-nspawn --directory=$tree --machine=$machine --boot --register=no --keep-unit --console=pipe ..."
    systemd-nspawn --quiet --directory="$tree" --machine="$machine" --boot --register=no --keep-unit \
        --console=pipe --bind-ro="$work/debs:/srv/debs" --bind-ro="$src/tests/data/oneroster/sample:/srv/oneroster" \
        </dev/null >>"$work/nspawn.log" 2>&1 &
    nspawn_pid=$!
    wait_for "systemd did not start in the container" 30 find_leader
    wait_for "the container's systemd opened no bus" 30 inside test -S /run/systemd/private
    state=$(inside systemctl is-system-running --wait || true)
    boot_ms=$(( $(now_ms) - t0 ))
    say "the container's PID 1: $(inside cat /proc/1/comm); is-system-running: $state"
    check "the container's systemd reached 'running' (no failed unit) in $boot_ms ms" test "$state" = running
    inside systemd-analyze | head -1
}
# shut_down ACTION EXIT-STATUS: systemctl poweroff or reboot in the container;
# systemd-nspawn exits with EXIT-STATUS (133 for a reboot).
shut_down () {
    t0=$(now_ms)
    run inside systemctl "$1" || true
    status=0
    wait "$nspawn_pid" || status=$?
    nspawn_pid=
    check "the container's systemd shut down for $1 in $(( $(now_ms) - t0 )) ms (systemd-nspawn exit status $status)" \
        test $status -eq "$2"
}

step "Boot it: systemd-nspawn --boot (systemd is the container's PID 1)"
boot
first_boot_ms=$boot_ms

step "Install belonging-server with apt-get, as docs/admin.md says"
port=$(free_port "${BEL_NSPAWN_PORT:-8765}")
inside sh -c "cat > /etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
run inside apt-get update -q >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update"; }
# The tools this test checks with (an administrator has them too).
run inside apt-get install -y -q curl openssl ca-certificates >>"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get install curl openssl"; }
if [ "$port" != 8765 ]; then
    # The daemon starts on installation: give it the free port before, as a
    # preseeded /etc/belonging/belongingd.conf that dpkg keeps (--force-confold).
    dpkg-deb --fsys-tarfile "$work/debs/$server_deb" | tar -xOf - ./etc/belonging/belongingd.conf |
        sed "s/^#port=8765$/port=$port/" >"$work/belongingd.conf"
    inside mkdir -p /etc/belonging
    inside sh -c "cat > /etc/belonging/belongingd.conf" <"$work/belongingd.conf"
fi
t0=$(now_ms)
run inside apt-get install -y -q -o Dpkg::Options::=--force-confold "/srv/debs/$server_deb" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get install $server_deb"; }
install_ms=$(( $(now_ms) - t0 ))
grep -E "Setting up belonging-server|Created symlink|belongingd" "$work/apt.log" || true
say "apt-get install: $install_ms ms (with its dependencies)"

step "What systemd made of it"
check "systemctl is-enabled belongingd: enabled" test "$(inside systemctl is-enabled belongingd)" = enabled
check "systemctl is-active belongingd: active" test "$(inside systemctl is-active belongingd)" = active
inside systemctl status belongingd --no-pager --lines=0 || true
user=$(inside getent passwd belonging) || fail "sysusers.d made no user 'belonging'"
say "ok - sysusers.d made the system user: $user"
check "StateDirectory /var/lib/belonging: 700 belonging belonging" \
    test "$(inside stat -c '%a %U %G' /var/lib/belonging)" = "700 belonging belonging"
prop () { inside systemctl show belongingd --value -p "$1"; }
main_pid=$(prop MainPID)
check "the daemon (PID $main_pid in the container) runs as belonging" \
    test "$(inside stat -c %U "/proc/$main_pid")" = belonging
# time_to_active: milliseconds from systemd starting belongingd to its READY=1.
time_to_active () { echo $(( ($(prop ActiveEnterTimestampMonotonic) - $(prop ExecMainStartTimestampMonotonic)) / 1000 )); }
active_ms=$(time_to_active)
say "time to active (ExecMainStart to READY=1): $active_ms ms"
journal () { inside journalctl -u belongingd -o cat --no-pager; }
journal_has () { journal | grep -q -- "$1"; }
check "the journal has the ready message" journal_has "belongingd: listening on http://127.0.0.1:$port"
check "it answers on the configured port: GET http://127.0.0.1:$port/healthz: 200" \
    test "$(inside curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" = 200
run inside belongingctl status

# stop_service: systemctl stop, checked to be graceful (docs/admin.md §1).
stop_service () {
    t0=$(now_ms)
    run inside systemctl stop belongingd || fail "systemctl stop belongingd"
    say "stopped in $(( $(now_ms) - t0 )) ms: Result=$(prop Result), ExecMainStatus=$(prop ExecMainStatus)"
    check "belongingd exited 0 on SIGTERM" test "$(prop Result) $(prop ExecMainStatus)" = "success 0"
    check "the WAL was checkpointed into the database (belonging.db-wal empty or gone)" \
        inside sh -c 'test ! -s /var/lib/belonging/belonging.db-wal'
}
start_service () { # start_service URL [CURL-OPTION]
    run inside systemctl start belongingd || { journal | tail -20; fail "systemctl start belongingd"; }
    # shellcheck disable=SC2086  # $2: one curl option, split on purpose
    check "belongingd answers at $1" \
        test "$(inside curl -s -o /dev/null -w '%{http_code}' ${2:-} "$1/healthz")" = 200
}

step "Graceful stop; the first account, the sample roster, sign-in over HTTP"
stop_service
check "the journal says it stopped" journal_has "Stopped"
printf 'correct horse battery\n' | run inside belongingctl account add it.admin --display-name "IT admin" --admin
run inside belongingctl import oneroster /srv/oneroster
printf 'a long sample password\n' | run inside belongingctl account reset-password drivera
run inside chown -R belonging:belonging /var/lib/belonging
start_service "http://127.0.0.1:$port"
# api URL [CURL-OPTION...]: a request from inside the container; its answer goes
# to $work/answer.json, which `answer EXPRESSION` reads.
api () {
    inside curl -sS --fail-with-body "$@" >"$work/answer.json" || { cat "$work/answer.json"; fail "curl $*"; }
}
answer () { json_get "$1" <"$work/answer.json"; }
# sign_in URL [CURL-OPTION]: signs in as the imported counselor and lists the students.
sign_in () {
    # shellcheck disable=SC2086  # $2: one curl option, split on purpose
    api "$1/api/v1/session" ${2:-} -H 'Content-Type: application/json' \
        -d '{"username":"drivera","password":"a long sample password"}'
    token=$(answer 'd["token"]')
    # shellcheck disable=SC2086
    api "$1/api/v1/schools" ${2:-} -H "Authorization: Bearer $token"
    school=$(answer 'd["items"][0]["id"]')
    # shellcheck disable=SC2086
    api "$1/api/v1/schools/$school/students?limit=1" ${2:-} -H "Authorization: Bearer $token"
    check "signed in at $1 as drivera; the school lists $(answer 'd["total"]') students" \
        test "$(answer 'd["total"]')" = 40
}
sign_in "http://127.0.0.1:$port"

step "HTTPS with a self-signed certificate (docs/admin.md §4)"
run inside install -d -m 0750 -g belonging /etc/belonging/tls
run inside openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout /etc/belonging/tls/belonging.key -out /etc/belonging/tls/belonging.pem 2>/dev/null
run inside chgrp belonging /etc/belonging/tls/belonging.key
run inside chmod 0640 /etc/belonging/tls/belonging.key
run inside sed -i -e 's|^#tls_certificate=.*|tls_certificate=/etc/belonging/tls/belonging.pem|' \
    -e 's|^#tls_key=.*|tls_key=/etc/belonging/tls/belonging.key|' /etc/belonging/belongingd.conf
run inside systemctl restart belongingd
url="https://localhost:$port"
check "belongingd answers at $url" \
    test "$(inside curl -s -o /dev/null -w '%{http_code}' --cacert /etc/belonging/tls/belonging.pem "$url/healthz")" = 200
check "a client that does not trust the certificate is refused (curl exit 60)" \
    test "$(inside curl -s -o /dev/null "$url/healthz" || echo $?)" = 60
run inside belongingctl status
sign_in "$url" "--cacert /etc/belonging/tls/belonging.pem"

step "The journal holds no student data, password or token"
journal >"$work/journal.txt"
say "$(wc -l <"$work/journal.txt") lines from belongingd in the journal:"
sed 's/^/  | /' "$work/journal.txt"
python3 - "$src/tests/data/oneroster/sample/users.csv" "$work/journal.txt" "$token" <<'PY' || fail "student data in the journal"
import csv, re, sys
with open(sys.argv[1], encoding="utf-8-sig") as f:
    students = [r for r in csv.DictReader(f) if r["role"] == "student"]
words = {w for r in students for w in (r["givenName"], r["familyName"], r["sourcedId"]) if w}
journal = open(sys.argv[2], encoding="utf-8").read()
found = sorted(w for w in words if re.search(r"\b%s\b" % re.escape(w), journal))
found += [s for s in ("a long sample password", "correct horse battery", sys.argv[3]) if s in journal]
print("ok - none of the %d students' names and ids, no password, no token" % len(students)
      if not found else "found: %s" % ", ".join(found))
sys.exit(1 if found else 0)
PY

step "Figures of the running service"
main_pid=$(prop MainPID)
rss=$(inside sed -n 's/^VmRSS:[[:space:]]*//p' "/proc/$main_pid/status")
say "resident memory after the sign-ins: $rss"
run inside systemd-analyze security belongingd --no-pager >"$work/security.txt" || true
grep -E '✗|Overall' "$work/security.txt" || true
score=$(sed -n 's/.*Overall exposure level for belongingd.service: \([0-9.]*\).*/\1/p' "$work/security.txt")
check "systemd-analyze security belongingd (online): $score, at most 2.0" \
    python3 -c "import sys; sys.exit(not 0 <= float('$score') <= 2.0)"

step "Reboot: systemd starts the service by itself"
shut_down reboot 133
boot
check "systemctl is-active belongingd: active" test "$(inside systemctl is-active belongingd)" = active
say "time to active after the boot: $(time_to_active) ms"
sign_in "$url" "--cacert /etc/belonging/tls/belonging.pem"

step "Stop, and purge"
stop_service
run inside apt-get purge -y -q belonging-server >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get purge"; }
check "dpkg no longer knows belonging-server" not inside dpkg-query -W belonging-server
check "systemd no longer has the unit" test "$(inside systemctl is-enabled belongingd 2>&1 || true)" != enabled
check "belongingd is not running" test "$(inside systemctl is-active belongingd || true)" = inactive
check "/etc/belonging/belongingd.conf is gone" not inside test -e /etc/belonging/belongingd.conf
say "left on purge: $(inside sh -c 'find /etc/belonging /var/lib/belonging -maxdepth 1 2>/dev/null; getent passwd belonging' | tr '\n' ' ')"

step "Power the container off"
shut_down poweroff 0

say ""
say "nspawn-test: systemd started the installed belongingd and it answered."
say "figures: boot $first_boot_ms ms (reboot $boot_ms ms), time to active $active_ms ms, security $score, RSS $rss"
