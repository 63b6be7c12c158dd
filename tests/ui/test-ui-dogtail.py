#!/usr/bin/python3
# test-ui-dogtail.py - use Belonging as a person would, through AT-SPI (dogtail):
# started with --server=URL, sign in, search a student, open them; then lose the
# server and get it back.
#
# Runs under run-ui-test.sh (Xvfb + a private D-Bus session); needs BEL_BUILD_ROOT.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from dogtail.config import config



def slowdown():
    # tools/sanitize sets BEL_TEST_SLOWDOWN: everything runs that many times
    # slower there, and every wait here is that much longer (as in
    # tests/bel-test-slowdown.h)
    try:
        factor = int(os.environ.get("BEL_TEST_SLOWDOWN", "1"))
    except ValueError:
        return 1
    return factor if 1 <= factor <= 1000 else 1


SLOWDOWN = slowdown()
config.checkForA11y = False      # dogtail otherwise exits unless a gsetting is true
config.searchCutoffCount = 20 * SLOWDOWN  # retries, 0.5 s apart
config.logDebugToFile = False
from dogtail import rawinput     # noqa: E402
from dogtail.tree import root    # noqa: E402
import pyatspi                   # noqa: E402

sys.excepthook = sys.__excepthook__  # dogtail hides tracebacks otherwise

N_STUDENTS = 60
USERNAME = "tomas.rivera"
PASSWORD = "belonging-demo"
BUILD = os.environ["BEL_BUILD_ROOT"]


def log(message):
    print("# " + message, flush=True)


def wait_for(what, condition, timeout=30):
    deadline = time.monotonic() + timeout * SLOWDOWN
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def find(node, predicate):
    return node.findChild(predicate, retry=False, requireResult=False)


def visible(node):
    return node.getState().contains(pyatspi.STATE_VISIBLE)


class Daemon:
    def __init__(self, directory):
        self.database = os.path.join(directory, "belonging.db")
        subprocess.run([os.path.join(BUILD, "server", "ctl", "belongingctl"),
                        "--database", self.database, "demo", "--students", str(N_STUDENTS)],
                       check=True, stdout=subprocess.DEVNULL)
        self.port = 0
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [os.path.join(BUILD, "server", "belongingd"), "--database", self.database,
             "--listen", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.match(r"belongingd: listening on (http://[^:]+:(\d+))", line)
        assert match, "belongingd did not start: %r" % line
        self.url, self.port = match.group(1), int(match.group(2))

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        # a daemon that crashes or reports errors (sanitizers) on its way out fails the test
        assert self.process.wait(timeout=10 * SLOWDOWN) == 0, "belongingd exited with %d" % self.process.returncode


def sign_in(app):
    # the app was started with --server=URL: the address is there already
    # (GTK 4.8 does not give an entry's text to AT-SPI, so signing in without
    # typing it is the check)
    app.child(name="Username", roleName="text").text = USERNAME
    app.child(name="Password", roleName="text").text = PASSWORD
    time.sleep(0.3)
    app.child(name="Sign in", roleName="push button").doActionNamed("click")
    wait_for("the students list",
             lambda: find(app, lambda n: n.roleName == "label" and n.name == "%d students" % N_STUDENTS))
    log("signed in; the list shows %d students" % N_STUDENTS)


def search_and_open(app):
    students = app.child(name="Students", roleName="list")
    row = wait_for("a student row", lambda: find(students, lambda n: n.name.count(", ") >= 2))
    display_name = row.name.split(", ")[0]
    family = display_name.split()[-1]

    app.child(name="Search students", roleName="entry")
    rawinput.keyCombo("<Control>f")  # Ctrl+F goes to the search, then type
    time.sleep(0.3)
    rawinput.typeText(family)
    count = wait_for("the filtered count", lambda: find(
        app, lambda n: n.roleName == "label" and re.fullmatch(r"\d+ of %d students" % N_STUDENTS, n.name)))
    log("searching %r: %s" % (family, count.name))

    rawinput.pressKey("Return")  # Enter opens the first student found
    record = app.child(name="Student record")
    wait_for("the record of " + display_name,
             lambda: find(record, lambda n: n.roleName == "label" and n.name == display_name))
    # The profile comes strengths first.
    wait_for("the strengths section",
             lambda: find(record, lambda n: n.roleName == "label" and n.name == "Strengths"))
    log("opened the record of a student")


def lose_and_regain_the_server(app, daemon):
    def banner():
        label = find(app, lambda n: n.roleName == "label" and n.name.startswith("Can't reach the server"))
        return label if label is not None and visible(label) else None

    assert banner() is None, "banner shown while the server is up"
    daemon.stop()
    rawinput.typeText("a")  # the next search finds the server gone
    wait_for("the offline banner", banner)
    log("the offline banner appeared")

    daemon.start()
    wait_for("the banner to go away", lambda: banner() is None)
    log("the banner went away when the server came back")


def main():
    directory = tempfile.mkdtemp(prefix="belonging-dogtail-")
    daemon = Daemon(directory)
    app_process = None
    try:
        daemon.start()
        env = dict(os.environ,
                   GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "schemas"),
                   GSETTINGS_BACKEND="memory")
        refused = subprocess.run([os.path.join(BUILD, "client", "belonging"), "--server=ftp://school.example"],
                                 env=env, capture_output=True, text=True, timeout=30 * SLOWDOWN)
        assert refused.returncode != 0, refused
        assert refused.stderr.startswith("belonging: --server: ") and refused.stderr.count("\n") == 1, refused.stderr
        log("--server refused a bad address: " + refused.stderr.strip())
        app_process = subprocess.Popen([os.path.join(BUILD, "client", "belonging"), "--server=" + daemon.url],
                                       env=env)
        app = root.application("belonging")

        sign_in(app)
        search_and_open(app)
        lose_and_regain_the_server(app, daemon)
        print("ok - signed in, searched, opened a student, survived the server going away")
    finally:
        if app_process is not None:
            app_process.terminate()
            app_process.wait(timeout=10 * SLOWDOWN)
        if daemon.process is not None and daemon.process.poll() is None:
            daemon.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
