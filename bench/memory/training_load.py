#!/usr/bin/env python3
"""The heavy loads of training-service, for bench/memory/run.sh (see README.md there). Python 3 standard library only.

  training_load.py import-largest     import a course package at every limit of ImportLimits (as admin)
  training_load.py offline-download   download the offline package of the biggest shipped course (as trainee)
  training_load.py certificates N     pass a small course as trainee, then download its certificate PDF N times

Environment: BEACON_TRAINING_URL (http://127.0.0.1:8081), BEACON_KEYCLOAK_URL (http://127.0.0.1:8180),
BEACON_HOME (.devstack, where the stack keeps the secret of its password-grant client), BEACON_REPOSITORY.
"""
import io
import json
import os
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile

REPOSITORY = os.environ.get("BEACON_REPOSITORY", os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
TRAINING = os.environ.get("BEACON_TRAINING_URL", "http://127.0.0.1:8081")
KEYCLOAK = os.environ.get("BEACON_KEYCLOAK_URL", "http://127.0.0.1:8180")
HOME = os.environ.get("BEACON_HOME", os.path.join(REPOSITORY, ".devstack"))
DEMO_PASSWORD = "beacon-demo"  # devstack DemoData.DEMO_PASSWORD

# training-service application.properties: beacon.imports.* and beacon.uploads.max-bytes
MAX_ARCHIVE_BYTES = 62914560
MAX_ENTRY_BYTES = 52428800
MAX_TEXT_BYTES = 8388608
MAX_LESSONS = 300
MAX_LESSON_CHARS = 50000  # Lesson.MAX_BODY_CHARS

LARGEST_SLUG = "memory-bench-largest"
CERTIFICATE_SLUG = "memory-bench-certificate"


def secret(name):
    with open(os.path.join(HOME, "secrets.properties"), encoding="utf-8") as properties:
        for line in properties:
            key, _, value = line.strip().partition("=")
            if key == name:
                return value
    sys.exit(f"no {name} in {HOME}/secrets.properties: is BEACON_HOME the stack's home?")


def token(username):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "beacon-tests",
                                   "client_secret": secret("test-client-secret"), "username": username,
                                   "password": DEMO_PASSWORD}).encode()
    with urllib.request.urlopen(f"{KEYCLOAK}/realms/beacon/protocol/openid-connect/token", form) as answer:
        return json.load(answer)["access_token"]


def call(user, method, path, body=None, content_type="application/json", sink=None):
    """The answer's JSON, or with sink the number of bytes of the body written to it."""
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    request = urllib.request.Request(TRAINING + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + user)
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            if sink is not None:
                size = 0
                while chunk := answer.read(65536):
                    sink.write(chunk)
                    size += len(chunk)
                return size
            raw = answer.read()
            return json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path}: {error.code} {error.read()[:500].decode(errors='replace')}")


def lesson_text(module, lesson, run):
    sentence = ("Lesson %d.%d of the memory bench (run %s): the largest course package training-service accepts, "
                "every lesson near its length limit so that the text files together reach the import's text limit. "
                % (module, lesson, run))
    paragraph = sentence * 6 + "\n\n"
    # 300 lessons share the 8 MB text limit with course.yaml and the question bank.
    budget = min(MAX_LESSON_CHARS - 200, (MAX_TEXT_BYTES - 200_000) // MAX_LESSONS)
    body = paragraph * (budget // len(paragraph))
    media = "[Clip 1](../../media/clip-1.mp4) and [clip 2](../../media/clip-2.mp4)\n\n" if module == lesson == 1 else ""
    return f"# Lesson {module}.{lesson}\n\n{media}{body}"


def largest_package(run):
    """A zip just under every limit: 300 lessons, the text limit nearly reached, media up to the archive limit."""
    modules = 10
    per_module = MAX_LESSONS // modules
    yaml = [f"slug: {LARGEST_SLUG}", "sectors: [police]", "defaultLanguage: en", "languages: [en]", "passMark: 70",
            'title: {en: "Memory bench: the largest package"}',
            'summary: {en: "A course at the limits of the import, for bench/memory."}', "modules:"]
    for m in range(1, modules + 1):
        yaml += [f"  - slug: m{m:02d}", f'    title: {{en: "Module {m}"}}', "    lessons:"]
        yaml += [f"      - slug: l{l:02d}" for l in range(1, per_module + 1)]
        yaml += [f"    check: [q{m:02d}]"]
    yaml += ["pretest: [q01]", "posttest: [" + ", ".join(f"q{m:02d}" for m in range(1, modules + 1)) + "]"]
    gift = "".join(f"// source: (002 L17)\n::q{m:02d}:: Statement {m} of the memory bench is true. {{T}}\n\n"
                   for m in range(1, modules + 1))
    buffer = io.BytesIO()
    generator = random.Random(run)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("course.yaml", "\n".join(yaml) + "\n")
        archive.writestr("questions/bank.en.gift", gift)
        for m in range(1, modules + 1):
            for l in range(1, per_module + 1):
                archive.writestr(f"lessons/m{m:02d}/l{l:02d}.en.md", lesson_text(m, l, run))
        text_size = buffer.tell()
        # Video that does not compress fills the rest: one file at the per-file limit, one with what remains.
        room = MAX_ARCHIVE_BYTES - text_size - 64 * 1024
        for index, size in enumerate((min(MAX_ENTRY_BYTES - 1024, room), 0)):
            size = size or MAX_ARCHIVE_BYTES - buffer.tell() - 64 * 1024
            if size <= 0:
                break
            header = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
            archive.writestr(zipfile.ZipInfo(f"media/clip-{index + 1}.mp4"),
                             header + generator.randbytes(size - len(header)), zipfile.ZIP_STORED)
    return buffer.getvalue()


def import_largest():
    run = str(int(time.time()))
    package = largest_package(run)
    admin = token("admin")
    started = time.monotonic()
    answer = call(admin, "POST", "/training/api/import/courses", package, "application/zip")
    print(f"  imported {len(package) / 1048576:.1f} MB zip (limit {MAX_ARCHIVE_BYTES / 1048576:.0f} MB, "
          f"{MAX_LESSONS} lessons): {answer['outcome']} in {time.monotonic() - started:.1f} s")


def enrol(trainee, slug):
    return call(trainee, "POST", "/training/api/enrolments", {"course": slug, "language": "en"})["enrolmentId"]


def biggest_shipped_course():
    folder = os.path.join(REPOSITORY, "content", "courses")

    def size(course):
        return sum(os.path.getsize(os.path.join(root, name))
                   for root, _, names in os.walk(os.path.join(folder, course)) for name in names)
    return max(os.listdir(folder), key=size)


def offline_download():
    trainee = token("trainee")
    course = biggest_shipped_course()
    enrolment = enrol(trainee, course)
    with open(os.devnull, "wb") as sink:
        started = time.monotonic()
        size = call(trainee, "GET", f"/training/api/enrolments/{enrolment}/offline.zip", sink=sink)
    print(f"  offline package of {course}: {size / 1024:.0f} KB in {time.monotonic() - started:.1f} s")


def certificate_course():
    """Three true statements in one lesson, so that the bench can pass the post-test without knowing a key."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("course.yaml", "\n".join([
            f"slug: {CERTIFICATE_SLUG}", "sectors: [police]", "defaultLanguage: en", "languages: [en]",
            "passMark: 70", 'title: {en: "Memory bench: certificates"}',
            'summary: {en: "A short course whose certificate bench/memory downloads."}', "modules:",
            "  - slug: basics", '    title: {en: "Basics"}', "    lessons:", "      - slug: elements",
            '        title: {en: "Three elements"}', "    check: [c2]", "pretest: [c1]", "posttest: [c1, c2, c3]"]) + "\n")
        archive.writestr("lessons/basics/elements.en.md", "# Three elements\n\nAct, means and purpose. (002 L17)\n")
        archive.writestr("questions/bank.en.gift", "".join(
            f"// source: (002 L17)\n::c{n}:: Statement {n} of the memory bench is true. {{T}}\n\n" for n in (1, 2, 3)))
    return buffer.getvalue()


def publish_certificate_course():
    answer = call(token("admin"), "POST", "/training/api/import/courses", certificate_course(), "application/zip")
    if answer["status"] == "draft":
        call(token("author"), "POST", f"/training/api/authoring/versions/{answer['versionId']}/submit")
        answer["status"] = "in_review"
    if answer["status"] == "in_review":
        call(token("reviewer"), "POST", f"/training/api/authoring/versions/{answer['versionId']}/approve")


def take(trainee, enrolment, step):
    if step and step["open"] and not step.get("passed"):
        quiz = call(trainee, "GET", f"/training/api/enrolments/{enrolment}/assessments/{step['assessmentId']}")
        call(trainee, "POST", f"/training/api/enrolments/{enrolment}/assessments/{step['assessmentId']}/attempts",
             {"answers": {str(question["id"]): ["true"] for question in quiz["questions"]}})


def certificates(count):
    publish_certificate_course()
    trainee = token("trainee")
    enrolment = enrol(trainee, CERTIFICATE_SLUG)
    for _ in range(10):
        outline = call(trainee, "GET", f"/training/api/enrolments/{enrolment}")
        if outline["certificateCode"]:
            break
        take(trainee, enrolment, outline["pretest"])
        for module in outline["modules"]:
            for lesson in module["lessons"]:
                if lesson["open"] and not lesson["studied"]:
                    call(trainee, "POST", f"/training/api/enrolments/{enrolment}/lessons/{lesson['id']}/studied")
            take(trainee, enrolment, module["check"])
        take(trainee, enrolment, outline["posttest"])
    else:
        sys.exit(f"the trainee did not complete {CERTIFICATE_SLUG}")
    started = time.monotonic()
    total = 0
    with open(os.devnull, "wb") as sink:
        for _ in range(count):
            total += call(trainee, "GET", f"/training/api/enrolments/{enrolment}/certificate.pdf", sink=sink)
    print(f"  {count} certificate PDFs in a row ({total / count / 1024:.0f} KB each) in "
          f"{time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "import-largest":
        import_largest()
    elif what == "offline-download":
        offline_download()
    elif what == "certificates":
        certificates(int(sys.argv[2]) if len(sys.argv) > 2 else 20)
    else:
        sys.exit(__doc__)
