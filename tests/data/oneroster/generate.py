#!/usr/bin/env python3
"""Writes the sample OneRoster sets used by tests/server/test-it-import.c.

sample/      OneRoster 1.1 bulk export of Lakeview High School (Cedar Valley district):
             UTF-8 BOM and CRLF line ends, as SIS exports often have them.
sample-1.2/  the same school exported as OneRoster 1.2 (roles.csv, preferred names,
             pronouns, the other spelling of demographic columns).
changed/     the next export (1.1): one student left, one is tobedeleted, one is new,
             names and grades changed, a teacher left, a class was dropped.
broken/NAME/ one defective file each; the test overlays it on sample/ and expects the
             message in broken/NAME/expect.

Deterministic: run it again and the files come out the same.
"""
import csv, io, os, random, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2027)

GIVEN = ["Amara", "Mateo", "Linh", "Omar", "Sofia", "Kwame", "Aiyana", "Jonah", "Priya", "Diego",
         "Hana", "Tariq", "Zoe", "Nikolai", "Fatima", "Malik", "Yuki", "Carmen", "Samuel", "Leilani",
         "Ifeoma", "Lucas", "Mei", "Ahmed", "Grace", "Santiago", "Anaya", "Elijah", "Noor", "Tomás",
         "Ximena", "Kai", "Rosa", "Dmitri", "Esperanza", "Hamza", "Chloe", "Bao", "Isabela", "Wyatt"]
FAMILY = ["Okafor", "Hernández", "Nguyen", "Haddad", "Rossi", "Mensah", "Begay", "Goldberg", "Patel",
          "Ramírez", "Kim", "Siddiqui", "Martin", "Volkov", "Ali", "Washington", "Tanaka", "Flores",
          "O'Brien", "Kahale", "Adeyemi", "Silva", "Chen", "Hassan", "Johnson", "Torres", "Sharma",
          "Brooks", "Rahman", "Álvarez", "Cruz", "Nakamura", "Delgado", "Petrov", "Morales", "Yilmaz",
          "Dubois", "Tran", "Costa", "Miller"]
RACES = ["americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
         "nativeHawaiianOrOtherPacificIslander", "white"]

SCHOOL = "org-lakeview-hs"
DISTRICT = "org-cedar-valley"
YEAR = "ses-2027"

STAFF = [  # sourcedId, role, username, given, family, email
    ("t-1001", "teacher", "rpatel", "Rohan", "Patel", "rpatel@cedarvalley.k12.example"),
    ("t-1002", "teacher", "mgarcia", "María", "García", "mgarcia@cedarvalley.k12.example"),
    ("t-1003", "teacher", "jwhite", "Jordan", "White", "jwhite@cedarvalley.k12.example"),
    ("t-1004", "teacher", "", "Aisha", "Bello", "ABello@cedarvalley.k12.example"),
    ("t-1005", "teacher", "kcho", "Kenji", "Cho", "kcho@cedarvalley.k12.example"),
    ("t-1006", "teacher", "lfontaine", "Louise", "Fontaine", "lfontaine@cedarvalley.k12.example"),
    ("c-2001", "counselor", "drivera", "Daniela", "Rivera", "drivera@cedarvalley.k12.example"),
    ("a-3001", "administrator", "pmorgan", "Patricia", "Morgan", "pmorgan@cedarvalley.k12.example"),
    ("x-4001", "aide", "bsmith", "Ben", "Smith", "bsmith@cedarvalley.k12.example"),
]
COURSES = [("crs-eng9", "English 9", "t-1002"), ("crs-alg1", "Algebra I", "t-1001"),
           ("crs-bio", "Biology", "t-1003"), ("crs-us-hist", "U.S. History", "t-1004"),
           ("crs-chem", "Chemistry", "t-1005"), ("crs-art", "Studio Art", "t-1006")]


def students():
    out = []
    for i in range(40):
        grade = 9 + i % 4
        races = {r: "false" for r in RACES}
        pick = rng.random()
        if pick < 0.12:
            races["asian"] = races["white"] = "true"
        else:
            races[rng.choice(RACES)] = "true"
        out.append({
            "id": "s-%05d" % (50000 + i * 7),
            "given": GIVEN[i], "family": FAMILY[(i * 3) % len(FAMILY)],
            "grade": "%02d" % grade, "sex": rng.choice(["male", "female", "female", "male", "other"]),
            "hispanic": "true" if rng.random() < 0.3 else "false", "races": races,
            "preferred": {3: "Lin", 13: "Nico", 29: "Tom"}.get(i, ""),
            "pronouns": {13: "he/him", 25: "they/them"}.get(i, ""),
        })
    return out


def classes():
    out = []
    for n, (course, title, teacher) in enumerate(COURSES):
        for section in (1, 2) if n < 2 else (1,):
            out.append(("cls-%s-%d" % (course[4:], section), "%s (period %d)" % (title, n + section),
                        course, teacher, str(n + section)))
    return out


def write(path, header, rows, bom=False, crlf=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_set(dest, version, studs, staff, klasses, extra_status=None, spelling=0):
    extra_status = extra_status or {}
    os.makedirs(dest, exist_ok=True)
    v12 = version == "1.2"
    files = ["orgs", "academicSessions", "courses", "classes", "users", "enrollments", "demographics"]
    if v12:
        files.append("roles")
    write(os.path.join(dest, "manifest.csv"), ["propertyName", "value"],
          [["manifest.version", "1.0"], ["oneroster.version", version]] +
          [["file." + f, "bulk"] for f in files] +
          [["file.resources", "absent"], ["file.classResources", "absent"],
           ["file.courseResources", "absent"], ["file.lineItems", "absent"], ["file.results", "absent"],
           ["file.categories", "absent"], ["source.systemName", "Example SIS"]])
    write(os.path.join(dest, "orgs.csv"),
          ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
          [[DISTRICT, "active", "2026-08-01T00:00:00Z", "Cedar Valley School District", "district", "CV", ""],
           [SCHOOL, "active", "2026-08-01T00:00:00Z", "Lakeview High School", "school", "LHS", DISTRICT]])
    write(os.path.join(dest, "academicSessions.csv"),
          ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
           "parentSourcedId", "schoolYear"],
          [[YEAR, "active", "2026-08-01T00:00:00Z", "2026-2027", "schoolYear", "2026-08-24", "2027-06-11", "", "2027"],
           ["ses-2027-s1", "active", "2026-08-01T00:00:00Z", "Fall 2026", "semester", "2026-08-24", "2027-01-15", YEAR, "2027"]])
    write(os.path.join(dest, "courses.csv"),
          ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
           "orgSourcedId", "subjects", "subjectCodes"],
          [[c, "active", "", YEAR, t, c[4:].upper(), "09,10,11,12", SCHOOL, "", ""] for c, t, _ in COURSES])
    write(os.path.join(dest, "classes.csv"),
          ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode",
           "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"],
          [[k, "active", "", title, "", course, k[4:].upper(), "scheduled", "", SCHOOL, "ses-2027-s1", "", "", period]
           for k, title, course, _, period in klasses])
    guardians = [("g-9001", "guardian", "", "Ngozi", "Okafor", ""), ("g-9002", "parent", "", "Luis", "Hernández", "")]
    people = [(s["id"], "student", s) for s in studs] + [(p[0], p[1], p) for p in staff + guardians]
    if v12:
        header = ["sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName",
                  "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                  "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
                  "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"]
    else:
        header = ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username",
                  "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
                  "agentSourcedIds", "grades", "password"]
    rows, roles = [], []
    for sid, role, p in people:
        status = extra_status.get(sid, "active")
        if role == "student":
            given, family, username = p["given"], p["family"], p["id"]
            email, grades = "", p["grade"]
            preferred, pronouns = p["preferred"], p["pronouns"]
        else:
            _, _, username, given, family, email = p
            grades, preferred, pronouns = "", "", ""
        orgs = SCHOOL
        if v12:
            rows.append([sid, status, "", "true", username, "", given, family, "", "", email, "", "", "", grades,
                         "", "", "", preferred, "", "", orgs, pronouns])
            roles.append(["r-" + sid, status, "", sid, "primary", role, "2026-08-24", "", orgs, ""])
        else:
            rows.append([sid, status, "", "true", orgs, role, username, "", given, family, "", "", email, "", "",
                         "", grades, ""])
    write(os.path.join(dest, "users.csv"), header, rows, bom=True, crlf=True)
    if v12:
        write(os.path.join(dest, "roles.csv"),
              ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate",
               "endDate", "orgSourcedId", "userProfileSourcedId"], roles)
    enrollments = []
    for k, _, _, teacher, _ in klasses:
        enrollments.append(["e-%s-%s" % (k, teacher), "active", "", k, SCHOOL, teacher, "teacher", "true", "", ""])
    for i, s in enumerate(studs):
        for k, _, _, _, _ in klasses:
            if (hash_of(s["id"] + k) % 3) == 0:
                enrollments.append(["e-%s-%s" % (k, s["id"]), extra_status.get(s["id"], "active"), "", k, SCHOOL,
                                    s["id"], "student", "false", "2026-08-24", ""])
    write(os.path.join(dest, "enrollments.csv"),
          ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId",
           "role", "primary", "beginDate", "endDate"], enrollments)
    race_cols = list(RACES)
    two = "demographicRaceTwoOrMoreRaces"
    hisp = "hispanicOrLatinoEthnicity"
    if spelling:
        race_cols[0] = "americanIndianOrAlaskanNative"
        two, hisp = "twoOrMoreRaces", "hispanicOrLatino"
    write(os.path.join(dest, "demographics.csv"),
          ["sourcedId", "status", "dateLastModified", "birthDate", "sex"] + race_cols +
          [two, hisp, "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth",
           "publicSchoolResidenceStatus"],
          [[s["id"], "active", "", "2011-05-0%d" % (1 + i % 9), s["sex"]] + [s["races"][r] for r in RACES] +
           ["true" if list(s["races"].values()).count("true") > 1 else "false", s["hispanic"], "US", "", "", ""]
           for i, s in enumerate(studs)])


def hash_of(text):
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h


def main():
    studs = students()
    klasses = classes()
    for name in ("sample", "sample-1.2", "changed"):
        shutil.rmtree(os.path.join(HERE, name), ignore_errors=True)
    write_set(os.path.join(HERE, "sample"), "1.1", studs, STAFF, klasses)
    write_set(os.path.join(HERE, "sample-1.2"), "1.2", studs, STAFF, klasses, spelling=1)

    # The next export: s-50007 left, s-50014 is tobedeleted, a new student, a name and a grade
    # changed, jwhite left (so did their Biology class).
    changed = [dict(s) for s in studs if s["id"] != "s-50007"]
    changed[0]["family"] = "Okafor-Mensah"
    next(s for s in changed if s["id"] == "s-50035")["grade"] = "11"
    changed.append({"id": "s-51000", "given": "Valentina", "family": "Quispe", "grade": "09", "sex": "female",
                    "hispanic": "true", "races": {r: "false" for r in RACES}, "preferred": "Vale",
                    "pronouns": ""})
    staff = [p for p in STAFF if p[0] != "t-1003"]
    write_set(os.path.join(HERE, "changed"), "1.1", changed, staff,
              [k for k in klasses if k[3] != "t-1003"], extra_status={"s-50014": "tobedeleted"})




BROKEN = {
    # name: (file, transform(text) -> text, expected message)
    "bad-grade": ("users.csv", lambda t: t.replace("Esperanza,Chen,,,,,,,11,", "Esperanza,Chen,,,,,,,Q11,"),
                  "users.csv:36: column 17 (grades): “Q11” is not a grade"),
    "bad-status": ("classes.csv", lambda t: t.replace("cls-bio-1,active", "cls-bio-1,archived"),
                   "classes.csv:6: column 2 (status): “archived” is not a status"),
    "missing-class": ("enrollments.csv", lambda t: t.replace(",cls-art-1,org-lakeview-hs,s-", ",cls-art-9,org-lakeview-hs,s-", 1),
                      "the enrollment points at the class “cls-art-9”, which is not in classes.csv"),
    "missing-user": ("enrollments.csv", lambda t: t.replace(",t-1005,teacher", ",t-1099,teacher"),
                     "the enrollment points at the user “t-1099”, which is not in users.csv"),
    "unclosed-quote": ("courses.csv", lambda t: t[:-1] + '"Studio\n',
                       "courses.csv:7: a quoted value is never closed"),
    "stray-quote": ("courses.csv", lambda t: t.replace('"09,10,11,12"', '"09,10,11,12', 1),
                    "courses.csv:3: text after a closing quote"),
    "short-row": ("orgs.csv", lambda t: t.replace(",LHS,org-cedar-valley", ",LHS"),
                  "orgs.csv:3: the row has 6 values but the header has 7 columns"),
    "duplicate-id": ("users.csv", lambda t: t.replace("s-50035,active", "s-50028,active"),
                     "users.csv:7: column 1 (sourcedId): the sourcedId “s-50028” is also on line 6"),
    "delta": ("manifest.csv", lambda t: t.replace("file.users,bulk", "file.users,delta"),
              "users.csv is a delta file"),
    "manifest-file-twice": ("manifest.csv", lambda t: t.replace("file.users,bulk", "file.users,bulk\nfile.Users,absent"),
                            "manifest.csv: users.csv is named twice: “file.Users” and “file.users”"),
    "bad-demographic": ("demographics.csv", lambda t: t.replace(",US,", ",US,", 1).replace("true,false,US", "yes,false,US", 1),
                        "is not true or false"),
    "not-utf8": ("orgs.csv", lambda t: t.replace("Cedar Valley", "Cedar Vall\udce9e"),
                 "orgs.csv:2: the text is not UTF-8"),
}


def write_broken():
    root = os.path.join(HERE, "broken")
    shutil.rmtree(root, ignore_errors=True)
    for name, (file, transform, expect) in BROKEN.items():
        with open(os.path.join(HERE, "sample", file), encoding="utf-8-sig", newline="") as f:
            text = f.read()
        bom = file == "users.csv"
        changed = transform(text)
        assert changed != text, name
        os.makedirs(os.path.join(root, name))
        data = changed.encode("utf-8", "surrogateescape")
        with open(os.path.join(root, name, file), "wb") as f:
            f.write((b"\xef\xbb\xbf" if bom else b"") + data)
        with open(os.path.join(root, name, "expect"), "w", encoding="utf-8") as f:
            f.write(expect + "\n")


main()
write_broken()
