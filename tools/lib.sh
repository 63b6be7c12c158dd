# tools/lib.sh - shared by tools/demo and tools/test: Debian packages and build directory.
# shellcheck shell=sh

BUILD_PACKAGES="meson ninja-build pkg-config gcc libc6-dev gettext \
libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev \
libsqlite3-dev libpq-dev libsodium-dev libsecret-1-dev libcairo2-dev libpango1.0-dev desktop-file-utils appstream libarchive-dev"

RUNTIME_PACKAGES="fonts-cantarell adwaita-icon-theme gnome-keyring"

TEST_PACKAGES="xvfb xauth dbus dbus-user-session at-spi2-core python3 python3-dogtail \
python3-pyatspi xdotool imagemagick curl sqlite3 nodejs npm chromium chromium-driver \
openssl dpkg-dev debhelper lintian wrk poppler-utils postgresql-15"

# tools/fuzz: the libFuzzer targets are built with clang (and symbolized by llvm)
FUZZ_PACKAGES="clang llvm"

# tools/sanitize valgrind: memcheck (the ASan build needs nothing more than gcc)
SANITIZE_PACKAGES="valgrind"

# tests/packaging/nspawn-test.sh (opt-in): boots a Debian container with systemd
NSPAWN_PACKAGES="systemd-container debootstrap"

# tools/unit-filter: the unit's system call filter (systemd-analyze) applied with libseccomp
UNIT_FILTER_PACKAGES="python3-seccomp systemd"

# Installs the Debian packages that are missing: with apt-get when root, otherwise
# prints the exact command to run and exits non-zero.
ensure_packages () {
    missing=
    for pkg in "$@"; do
        case "$pkg" in
            nodejs|npm) command -v "$pkg" >/dev/null 2>&1 && continue ;;
        esac
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        [ "$status" = "install ok installed" ] || missing="$missing $pkg"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "belonging: these Debian packages are missing. Install them with:" >&2
        echo "  sudo apt-get install -y$missing" >&2
        exit 1
    fi
    echo "belonging: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q --no-install-recommends $missing; then
        apt-get update -q && apt-get install -y -q --no-install-recommends $missing
    fi
}

# Configures (once) and builds the tree in $BUILDDIR, at most two jobs at a time.
build_tree () {
    if [ ! -f "$BUILDDIR/build.ninja" ]; then
        meson setup "$BUILDDIR" --buildtype=debugoptimized
    fi
    ninja -C "$BUILDDIR" -j 2
}
