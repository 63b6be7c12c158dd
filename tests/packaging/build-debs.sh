#!/bin/sh
# build-debs.sh SOURCE_ROOT [OUTDIR] - the 'packaging' test: builds belonging-server
# and belonging with `dpkg-buildpackage -us -uc -b` from a copy of the tree's tracked
# files, checks what each package holds, and runs lintian: no errors allowed.
# With OUTDIR, the .debs are copied there when all is well (install-test.sh).
set -eu

src=$1
out=${2:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/belonging-debs-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"

# The tracked files as they are in the work tree (a clean checkout in CI).
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$src" && git ls-files -z) | (cd "$src" && tar --null -T - -cf -) | tar -C "$work/src" -xf -
else
    (cd "$src" && tar --exclude='./_build*' --exclude='./node_modules' -cf - .) | tar -C "$work/src" -xf -
fi

cd "$work/src"
echo "# dpkg-buildpackage -us -uc -b"
if ! DEB_BUILD_OPTIONS="nocheck parallel=2" dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1; then
    tail -40 "$work/build.log"
    echo "dpkg-buildpackage failed" >&2
    exit 1
fi

server=$(ls "$work"/belonging-server_*.deb)
app=$(ls "$work"/belonging_*.deb)
fail=0
expect () {
    if ! dpkg-deb -c "$1" | grep -- "$2" >/dev/null; then
        echo "$(basename "$1") lacks $2" >&2
        fail=1
    fi
}
expect "$server" './usr/sbin/belongingd$'
expect "$server" './usr/bin/belongingctl$'
expect "$server" './lib/systemd/system/belongingd.service$'
expect "$server" './usr/lib/sysusers.d/belonging.conf$'
expect "$server" './usr/lib/tmpfiles.d/belonging.conf$'
expect "$server" './etc/belonging/belongingd.conf$'
expect "$server" './usr/share/man/man8/belongingd.8.gz$'
expect "$server" './usr/share/man/man1/belongingctl.1.gz$'
expect "$app" './usr/bin/belonging$'
expect "$app" './usr/share/applications/app.belonging.Belonging.desktop$'
expect "$app" './usr/share/metainfo/app.belonging.Belonging.metainfo.xml$'
if dpkg-deb -c "$app" | grep 'belongingd$' >/dev/null; then
    echo "the app package holds the daemon" >&2
    fail=1
fi
# Installing the server makes its user and directory, then starts the service.
dpkg-deb -I "$server" postinst > "$work/postinst"
for step in systemd-sysusers systemd-tmpfiles 'deb-systemd-invoke' ; do
    if ! grep -q "$step" "$work/postinst"; then
        echo "belonging-server's postinst does not run $step" >&2
        fail=1
    fi
done
if ! dpkg-deb -f "$server" Depends | grep -q libarchive; then
    echo "belonging-server does not depend on libarchive" >&2
    fail=1
fi

echo "# lintian"
lintian --fail-on error "$work"/*.changes || fail=1
if [ $fail -eq 0 ] && [ -n "$out" ]; then
    mkdir -p "$out"
    cp "$server" "$app" "$out"/
fi
exit $fail
