#!/bin/sh
# run-ui-test.sh - run a GTK 4 / libadwaita UI test headlessly: Xvfb + private D-Bus session bus.
#   run-ui-test.sh TEST [ARGS...]                    in-process GTK test (g_test binary)
#   UI_TEST_APP="/path/app" run-ui-test.sh TEST ...  start the app first, wait for its window, then TEST
#                                                    (e.g. /usr/bin/python3 dogtail-script.py)
# Optional env:
#   UI_TEST_WINDOW=REGEX   window title to wait for (default: any visible window)
#   UI_TEST_SHOT=FILE.png  screenshot of the whole screen after TEST
#   UI_TEST_A11Y=0         export GTK_A11Y=none (only for in-process tests; dogtail needs AT-SPI)
#   UI_TEST_SCREEN=WxHxD   default 1280x800x24
#   UI_TEST_SETTLE=SECS    wait after the window is mapped (default 0.5)
# The AT-SPI bus (at-spi-bus-launcher) and at-spi2-registryd are D-Bus activated on demand, nothing to start.
set -u
if [ "${__UI_TEST_INNER:-}" != 1 ]; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/ui-test.XXXXXX") || exit 99
    trap 'rm -rf "$tmp"' EXIT
    trap 'exit 130' INT TERM
    mkdir -m 700 "$tmp/run"
    # isolate dconf/GSettings, caches and the runtime dir from the developer's session
    export __UI_TEST_INNER=1 XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/config" \
           XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" GDK_BACKEND=x11
    # software GL (llvmpipe) + empty shader cache: first frame ~0.6s later than with cairo
    export GSK_RENDERER="${GSK_RENDERER:-cairo}"
    unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS DISPLAY XAUTHORITY
    [ -z "${GTK_A11Y:-}" ] && unset GTK_A11Y   # GTK_A11Y="" -> Gtk-WARNING, fatal under g_test
    [ "${UI_TEST_A11Y:-1}" = 0 ] && export GTK_A11Y=none
    # The test's TAP goes to stdout through fd 3; D-Bus-activated services
    # (at-spi2-registryd says hello on stdout) inherit /dev/null instead.
    xvfb-run -a -s "-screen 0 ${UI_TEST_SCREEN:-1280x800x24}" \
        dbus-run-session -- "$0" "$@" 3>&1 >/dev/null
    exit $?
fi

# ---- inside Xvfb + dbus-run-session ----
exec 1>&3 3>&-
app=
if [ -n "${UI_TEST_APP:-}" ]; then
    $UI_TEST_APP >"$XDG_RUNTIME_DIR/app.log" 2>&1 &
    app=$!
    i=0
    until xdotool search --onlyvisible --name "${UI_TEST_WINDOW:-.}" >/dev/null 2>&1; do
        i=$((i + 1))
        if [ $i -gt 150 ] || ! kill -0 $app 2>/dev/null; then
            echo "run-ui-test: app window did not appear; app log:" >&2
            cat "$XDG_RUNTIME_DIR/app.log" >&2
            kill $app 2>/dev/null
            exit 1
        fi
        sleep 0.1
    done
    sleep "${UI_TEST_SETTLE:-0.5}"   # mapped != painted: an immediate screenshot is all black
fi
rc=0
"$@" || rc=$?
[ -n "${UI_TEST_SHOT:-}" ] && import -window root "$UI_TEST_SHOT"
if [ -n "$app" ]; then
    kill $app 2>/dev/null
    wait $app 2>/dev/null
    [ $rc -ne 0 ] && { echo "run-ui-test: app log:" >&2; cat "$XDG_RUNTIME_DIR/app.log" >&2; }
fi
exit $rc
