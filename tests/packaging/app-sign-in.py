#!/usr/bin/python3
# app-sign-in.py - the installed app (/usr/bin/belonging) signs in to an HTTPS server
# with a self-signed certificate, as a teacher would: types the address and account,
# sees the certificate dialog with the fingerprint IT gave, trusts it, sees the students.
#
# Run by install-test.sh under tests/ui/run-ui-test.sh (Xvfb + a private D-Bus session),
# with BEL_URL, BEL_USERNAME, BEL_PASSWORD, BEL_FINGERPRINT (AA:BB:…), BEL_STUDENTS and
# optionally BEL_SHOT=FILE.png (a screenshot of the dialog).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import time

from dogtail.config import config

config.checkForA11y = False      # dogtail otherwise exits unless a gsetting is true
config.searchCutoffCount = 20    # retries, 0.5 s apart
config.logDebugToFile = False
from dogtail.tree import root    # noqa: E402

sys.excepthook = sys.__excepthook__  # dogtail hides tracebacks otherwise


def log(message):
    print("# " + message, flush=True)


def wait_for(what, condition, timeout=30, app=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    if app is not None:  # what the app shows instead, to see why
        for node in app.findChildren(lambda n: n.roleName == "label"):
            log("label %r: %r" % (node.name, node.text))
    raise AssertionError("timed out waiting for " + what)


def find(node, predicate):
    return node.findChild(predicate, retry=False, requireResult=False)


def label(app, name):
    return find(app, lambda n: n.roleName == "label" and n.name == name)


def main():
    fingerprint = os.environ["BEL_FINGERPRINT"]
    # The dialog shows the 32 bytes in two lines of 16.
    shown = "\n".join(":".join(fingerprint.split(":")[i:i + 16]) for i in (0, 16))
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    app_process = subprocess.Popen([os.environ.get("BEL_APP", "/usr/bin/belonging")], env=env)
    try:
        app = root.application("belonging")
        app.child(name="Server address", roleName="text").text = os.environ["BEL_URL"]
        app.child(name="Username", roleName="text").text = os.environ["BEL_USERNAME"]
        app.child(name="Password", roleName="text").text = os.environ["BEL_PASSWORD"]
        time.sleep(0.3)
        app.child(name="Sign in", roleName="push button").doActionNamed("click")

        wait_for("the certificate dialog", lambda: label(app, "Trust This Server's Certificate?"))
        # GTK 4.8 names the value's label by its text followed by its caption (labelled-by).
        wait_for("the fingerprint IT gave",
                 lambda: find(app, lambda n: n.roleName == "label" and n.name.startswith(shown)),
                 app=app)
        log("the dialog shows the server's fingerprint " + fingerprint)
        if os.environ.get("BEL_SHOT"):
            time.sleep(0.5)
            subprocess.run(["import", "-window", "root", os.environ["BEL_SHOT"]], check=True)
        # libadwaita 1.2 response buttons: the label is a child of the (unnamed) button.
        trust = wait_for("the Trust button", lambda: find(
            app, lambda n: n.roleName == "label" and n.name == "Trust This Certificate"
            and n.parent.roleName == "push button"))
        trust.parent.doActionNamed("click")

        students = "%s students" % os.environ["BEL_STUDENTS"]
        wait_for("the students list", lambda: label(app, students), app=app)
        log("signed in over HTTPS; the list shows " + students)
        print("ok - the installed app signed in over HTTPS after trusting the certificate once")
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)


if __name__ == "__main__":
    main()
