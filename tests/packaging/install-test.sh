#!/bin/sh
# install-test.sh [SOURCE_ROOT] - issue #9's "Done when", for real, on THIS machine:
# build the .debs, install belonging-server, import the sample OneRoster set, sign in
# over HTTPS (curl, and the installed app through AT-SPI), back up, restore — each
# step as docs/admin.md says — then purge what it installed.
#
# It installs packages, creates the "belonging" system user and writes /etc/belonging
# and /var/lib/belonging, so it is opt-in and never part of `meson test`:
#
#   sudo BEL_INSTALL_TEST=1 tests/packaging/install-test.sh
#
# Run it on a machine (or VM) you may change, without belonging-server installed.
# With systemd as PID 1 it uses systemctl.  Without (a container, a firecracker VM)
# it does by hand what systemd would: it starts belongingd exactly as the unit's
# ExecStart=, as its User=/Group= with its UMask= and NoNewPrivileges, and checks
# the unit offline (systemd-analyze verify / security --offline).
#
# Environment:
#   BEL_INSTALL_PORT=N   the port to serve on (default 8765, or a free one if taken)
#   BEL_INSTALL_KEEP=1   leave everything installed at the end
#   BEL_INSTALL_APP=0    skip signing in from the installed app (needs Xvfb, dogtail)
#   BEL_INSTALL_DEBS=DIR install the .debs in DIR (from build-debs.sh) rather than building them
set -eu

src=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
here="$src/tests/packaging"
# shellcheck source=tests/packaging/lib.sh
. "$here/lib.sh"
opt_in install-test BEL_INSTALL_TEST "${BEL_INSTALL_TEST:-}" "this installs packages into this machine" "it installs packages"
if dpkg-query -W -f='${Status}' belonging-server 2>/dev/null | grep -q installed; then
    echo "install-test: belonging-server is installed already; purge it first (apt-get purge belonging-server)" >&2
    exit 2
fi
if [ -e /var/lib/belonging ] || [ -e /etc/belonging ]; then
    echo "install-test: /var/lib/belonging or /etc/belonging exists; this machine is not fresh" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/belonging-install-XXXXXX")
chmod 0755 "$work"
log="$work/belongingd.log"
pid=
created_user=0
getent passwd belonging >/dev/null || created_user=1

systemd_runs () { [ -d /run/systemd/system ]; }

cleanup () {
    status=$?
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    fi
    if [ "${BEL_INSTALL_KEEP:-0}" != 1 ]; then
        say ""
        say "== purging what this test installed"
        if systemd_runs; then systemctl stop belongingd 2>/dev/null || true; fi
        # Only packages dpkg knows: apt-get purges nothing if one is unknown to it
        # (the app is not installed with BEL_INSTALL_APP=0).
        for package in belonging-server belonging; do
            if dpkg-query -W "$package" >/dev/null 2>&1; then
                apt-get purge -y -q "$package" >/dev/null 2>&1 || true
            fi
        done
        rm -rf /etc/belonging /var/lib/belonging
        if [ $created_user -eq 1 ] && getent passwd belonging >/dev/null; then
            userdel belonging 2>/dev/null || true
            if getent group belonging >/dev/null; then groupdel belonging 2>/dev/null || true; fi
        fi
        if dpkg-query -W belonging-server >/dev/null 2>&1; then
            say "FAILED: belonging-server is still known to dpkg" >&2
            status=1
        else
            say "purged belonging-server and belonging"
        fi
    fi
    [ $status -ne 0 ] && [ -s "$log" ] && { say "--- belongingd log:"; tail -20 "$log"; }
    rm -rf "$work"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC1091
say "install-test: $(date -u '+%Y-%m-%d %H:%M UTC') on $(. /etc/os-release; echo "$PRETTY_NAME"), $(uname -m)"
say "PID 1: $(ps -o comm= -p 1); systemctl is-system-running: $(systemctl is-system-running 2>&1 || true)"

# ---- 1. Install (docs/admin.md §1) ----
step "The packages (tests/packaging/build-debs.sh: dpkg-buildpackage -us -uc -b, lintian)"
get_debs "$src" "$work/debs" "$work/build.log" "${BEL_INSTALL_DEBS:-}"

step "Install belonging-server"
run apt-get install -y -q --no-install-recommends "$work"/debs/belonging-server_*.deb >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get install"; }
grep -E "Setting up belonging-server|Created symlink|belongingd" "$work/apt.log" || true
unit=/lib/systemd/system/belongingd.service
check "the unit is installed: $unit" test -f $unit
check "the settings are installed: /etc/belonging/belongingd.conf" test -f /etc/belonging/belongingd.conf
check "sysusers.d made the system user 'belonging'" getent passwd belonging
say "  $(getent passwd belonging)"
check "tmpfiles.d made /var/lib/belonging, 0700, owned by belonging" \
    test "$(stat -c '%a %U %G' /var/lib/belonging)" = "700 belonging belonging"
check "the service is enabled (multi-user.target.wants)" \
    test -L /etc/systemd/system/multi-user.target.wants/belongingd.service
run systemd-analyze verify $unit
run systemd-analyze security --offline=yes $unit | tail -1

exec_start=$(sed -n 's/^ExecStart=//p' $unit)
user=$(sed -n 's/^User=//p' $unit)
group=$(sed -n 's/^Group=//p' $unit)
mask=$(sed -n 's/^UMask=//p' $unit)

port=$(free_port "${BEL_INSTALL_PORT:-8765}")
if [ "$port" != 8765 ]; then
    run sed -i "s/^#port=8765$/port=$port/" /etc/belonging/belongingd.conf
fi

# shellcheck disable=SC2086  # $2: curl options, split on purpose
healthy () { test "$(curl -s -o /dev/null -w '%{http_code}' ${2:-} "$1/healthz" 2>/dev/null)" = 200; }
start_service () { # start_service URL [CURL-OPTION]
    if systemd_runs; then
        run systemctl start belongingd
    else
        say "\$ (umask $mask; setpriv --reuid=$user --regid=$group --init-groups --no-new-privs $exec_start) &"
        # shellcheck disable=SC2086  # ExecStart= is split into words, as systemd does
        (umask "$mask"; exec setpriv --reuid="$user" --regid="$group" --init-groups --no-new-privs \
             $exec_start) >>"$log" 2>&1 &
        pid=$!
    fi
    wait_for "belongingd did not answer at $1" 30 healthy "$1" "${2:-}"
    say "ok - belongingd answers at $1"
}
stop_service () {
    if systemd_runs; then
        run systemctl stop belongingd
    else
        say "\$ kill -TERM $pid   # systemctl stop"
        kill -TERM "$pid"
        wait "$pid" || fail "belongingd exited with an error on SIGTERM"
        pid=
    fi
}

step "Start the service as installed; belongingctl status"
start_service "http://127.0.0.1:$port"
run belongingctl status
check "the daemon runs as '$user'" test "$(ps -o user= -p "${pid:-$(pgrep -x belongingd)}")" = "$user"

# ---- 2. The first account (docs/admin.md §2) ----
step "The first account and school, with the daemon stopped"
stop_service
printf 'correct horse battery\n' | run belongingctl account add it.admin --display-name "IT admin" --admin
run belongingctl school add "Lakeview High School" --short-name "Lakeview" --school-year 2026-2027
run belongingctl school list
printf 'staple battery horse\n' | run belongingctl account add d.rivera --display-name "Daniela Rivera" \
    --school 1 --role counselor --title "Counselor, grades 9-10"
run chown -R belonging:belonging /var/lib/belonging
start_service "http://127.0.0.1:$port"

# ---- 3. Import the roster (docs/admin.md §3) ----
step "Import the sample OneRoster set (tests/data/oneroster/sample)"
sample="$work/oneroster"
cp -r "$src/tests/data/oneroster/sample" "$sample"
stop_service
run belongingctl import oneroster "$sample" --dry-run
run belongingctl import oneroster "$sample"
printf 'a long sample password\n' | run belongingctl account reset-password drivera
run chown -R belonging:belonging /var/lib/belonging
start_service "http://127.0.0.1:$port"
run belongingctl status

# ---- 4. HTTPS (docs/admin.md §4) ----
step "HTTPS with a self-signed certificate"
stop_service
run install -d -m 0750 -g belonging /etc/belonging/tls
run openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout /etc/belonging/tls/belonging.key -out /etc/belonging/tls/belonging.pem 2>/dev/null
run chgrp belonging /etc/belonging/tls/belonging.key
run chmod 0640 /etc/belonging/tls/belonging.key
run sed -i -e 's|^#tls_certificate=.*|tls_certificate=/etc/belonging/tls/belonging.pem|' \
           -e 's|^#tls_key=.*|tls_key=/etc/belonging/tls/belonging.key|' /etc/belonging/belongingd.conf
grep -E '^(port|listen|tls_)' /etc/belonging/belongingd.conf
url="https://localhost:$port"
start_service "$url" "--cacert /etc/belonging/tls/belonging.pem"
run belongingctl status | tee "$work/status.txt"
fingerprint=$(openssl x509 -noout -fingerprint -sha256 -in /etc/belonging/tls/belonging.pem | sed 's/.*=//')
check "belongingctl status prints the fingerprint openssl prints ($fingerprint)" \
    grep -q "certificate SHA-256 fingerprint: $fingerprint" "$work/status.txt"
check "a client that does not trust the certificate is refused (curl exit 60)" \
    sh -c "curl -s -o /dev/null '$url/healthz'; test \$? -eq 60"

step "Sign in over HTTPS (curl)"
curl_tls () { curl -s --cacert /etc/belonging/tls/belonging.pem "$@"; }
session=$(curl_tls -X POST "$url/api/v1/session" -H 'Content-Type: application/json' \
          -d '{"username":"drivera","password":"a long sample password"}')
token=$(printf '%s' "$session" | json_get 'd["token"]')
check "signed in as the imported counselor drivera" test -n "$token"
school=$(curl_tls -H "Authorization: Bearer $token" "$url/api/v1/schools" |
         json_get 'd["items"][0]["id"]')
count_students () {
    curl_tls -H "Authorization: Bearer $token" "$url/api/v1/schools/$school/students?limit=1" |
        json_get 'd["total"]'
}
students=$(count_students)
check "the imported school lists its 40 students over HTTPS" test "$students" = 40

if [ "${BEL_INSTALL_APP:-1}" = 1 ]; then
    step "Sign in from the installed app over HTTPS (trust the certificate once)"
    run apt-get install -y -q --no-install-recommends "$work"/debs/belonging_*.deb >"$work/apt-app.log" 2>&1 ||
        { cat "$work/apt-app.log"; fail "apt-get install belonging"; }
    BEL_URL="$url" BEL_USERNAME=drivera BEL_PASSWORD="a long sample password" BEL_FINGERPRINT="$fingerprint" \
    BEL_STUDENTS=40 BEL_SHOT="${BEL_INSTALL_SHOT:-}" \
        run sh "$src/tests/ui/run-ui-test.sh" /usr/bin/python3 "$here/app-sign-in.py" ||
        fail "signing in from the app"
fi

# ---- 5. Backup and restore (docs/admin.md §5) ----
step "Back up while the daemon runs, change something, restore"
install -m 0600 /dev/null "$work/backup.pass"
echo "a passphrase kept apart from the backups" > "$work/backup.pass"
run belongingctl backup "$work/belonging-backup.enc" --passphrase-file "$work/backup.pass"
rounds=$(curl_tls -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
         -d '{"name":"After the backup"}' -o /dev/null -w '%{http_code}' "$url/api/v1/schools/$school/rounds")
check "a change after the backup (a new mapping round, HTTP $rounds)" test "$rounds" = 201
count_rounds () {
    curl_tls -H "Authorization: Bearer $token" "$url/api/v1/schools/$school/rounds" |
        json_get 'len(d["items"])'
}
before=$(count_rounds)
run belongingctl restore "$work/belonging-backup.enc" --passphrase-file "$work/backup.pass" --verify-only
check "restore refuses while the daemon runs (exit 4)" \
    sh -c "belongingctl restore '$work/belonging-backup.enc' --passphrase-file '$work/backup.pass' >/dev/null 2>&1; test \$? -eq 4"
stop_service
run belongingctl restore "$work/belonging-backup.enc" --passphrase-file "$work/backup.pass"
check "the restored database belongs to 'belonging'" \
    test "$(stat -c '%U' /var/lib/belonging/belonging.db)" = belonging
start_service "$url" "--cacert /etc/belonging/tls/belonging.pem"
session=$(curl_tls -X POST "$url/api/v1/session" -H 'Content-Type: application/json' \
          -d '{"username":"drivera","password":"a long sample password"}')
token=$(printf '%s' "$session" | json_get 'd["token"]')
after=$(count_rounds)
check "the restored data is the backup's: $((before - 1)) rounds (was $before after the backup)" \
    test "$after" -eq $((before - 1))
check "and still 40 students" test "$(count_students)" = 40
run belongingctl check

step "Stop"
stop_service
say ""
say "install-test: every step of docs/admin.md worked on this machine"
