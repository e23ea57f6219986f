"""
Load test: gunicorn on PostgreSQL, with anonymous API consumers and logged-in editors working at
the curation desk at the same time. Prints throughput, latency percentiles (p50/p95/p99) and
errors; asserts nothing (timings are read, not tested).

    .venv/bin/python benchmarks/load.py \\
        --database-url postgres://postgres@127.0.0.1:5432/load_test \\
        --clients 8 --editors 2 --seconds 120 --workers 3

The database named in the URL is created (it must not exist), migrated and seeded with the five
source documents, and dropped at the end. Each editor gets an account and a copy of a seed
article to work on; gunicorn serves the production settings (DEBUG=false, static files collected
into a temporary folder) over plain HTTP on a free port, its log kept in a temporary file whose
ERROR lines are counted.
The CPU time gunicorn's processes spent is also printed, per request: unlike the latencies, it
hardly depends on what else the machine is running, so it compares two versions of the code on
a busy machine; and so is the clients' own, which the server does not get.

Readers loop over the API's common requests (lists with filters and search, details, CSV, the
change feed, an export, a company's network). Editors, logged in before the clients start (see
``run_clients``), cite a passage of their article for a record at the desk (each answer renders
the text and the side panel again), reload the desk page now and then, and on a 409 (the other
editor moved a shared record's article on: not an error) read the version again. An error is a
5xx, a connection failure, or any other status than the one the request must get.
"""

import argparse
import http.cookiejar
import itertools
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

PASSWORD = "load-test-password-not-used-anywhere-else"
SERVER_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "load-test-only-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1",
    # Plain HTTP on the loopback: no redirect to HTTPS, cookies sent without TLS.
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="postgres://.../NAME (created)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (8)")
    parser.add_argument("--editors", type=int, default=2, help="of which desk editors (2)")
    parser.add_argument("--seconds", type=float, default=120, help="how long to run (120)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (3)")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker (1; more: gthread workers)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed of the clients (1)")
    return parser.parse_args()


# -- The throwaway database and server -------------------------------------------------------------


@contextmanager
def throwaway_database(url):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"give the database a plain lower-case name, not {name!r}")
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres", query=""))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, check=True,
        env={**env, "LOG_LEVEL": "WARNING"}, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env, workers, threads, log_path):
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")), "project.wsgi:application",
        "-c", "project/gunicorn_config.py", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--threads", str(threads), "--timeout", "30",
    ]  # fmt: skip
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base)
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(30)


def wait_until_serving(base, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/v1/", timeout=30).read()
            return
        except OSError:  # refused while gunicorn starts, or its first answer is slow
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def cpu_seconds(pid):
    """
    User and system CPU seconds of process ``pid`` and of its children, living (gunicorn's
    workers) or ended and waited for; None where /proc is not there to read (not Linux).
    """
    ticks = os.sysconf("SC_CLK_TCK")

    def stat(path):
        # The fields after the command name, which is in parentheses and may hold spaces.
        return Path(path).read_text().rsplit(")", 1)[1].split()

    try:
        own = stat(f"/proc/{pid}/stat")
    except OSError:
        return None
    total = sum(int(field) for field in own[11:15])  # utime, stime, cutime, cstime
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = stat(entry / "stat")
            except OSError:
                continue  # ended meanwhile
            if fields[1] == str(pid):  # the parent's id
                total += sum(int(field) for field in fields[11:13])
    return total / ticks


# -- What the clients ask for ----------------------------------------------------------------------


def prepare(editors):
    """
    Editors with an article each, the records they cite, and the ids and slugs the readers ask
    for. An editor's citation sends a verified record back to review, out of the readers' sight:
    readers ask for the other public records, so that every 404 is an error.
    """
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser

    from sourcing.models import Agreement, Company, Plant, editing_as

    public = {
        name: list(model.objects.visible_to(AnonymousUser()).order_by("pk"))
        for name, model in (("companies", Company), ("agreements", Agreement), ("plants", Plant))
    }
    cited = [*public["companies"][:3], *public["agreements"][:2], *public["plants"][:2]]
    with editing_as(None, trusted=True):
        desks = [editor_desk(number, cited) for number in range(editors)]
    read = {name: [r for r in records if r not in cited] for name, records in public.items()}
    return {
        "desks": desks,
        "companies": [company.slug for company in read["companies"]],
        "agreements": [agreement.pk for agreement in read["agreements"]],
        "plants": [plant.pk for plant in read["plants"]],
    }


def editor_desk(number, cited):
    """An editor, and a copy of a seed article of their own with its citable passages."""
    from django.contrib.auth.models import Group, User
    from django.contrib.contenttypes.models import ContentType

    from sourcing.models import Article

    source = Article.objects.order_by("pk")[number % Article.objects.count()]
    body = f"{source.body}\n\nLoad-test copy {number}."
    article = Article.objects.create(
        title=f"{source.title} (load copy {number})", publisher=source.publisher,
        language=source.language, source_filename=f"load_{number}.txt", body=body,
    )  # fmt: skip
    passages = [
        (match.start(), match.end())
        for match in re.finditer(r"[^.\n]{30,300}\.", body)
        if body.count(match.group()) == 1 and match.group().strip() == match.group()
    ]
    user = User.objects.create_user(f"load_editor_{number}", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return {
        "user": user.username,
        "article": article.pk,
        "passages": passages,
        "targets": [f"{ContentType.objects.get_for_model(r).pk}:{r.pk}" for r in cited],
    }


def reader_requests(data):
    """(weight, kind, path) of the API's common requests, each answered 200."""
    company = lambda: random.choice(data["companies"])  # noqa: E731
    return [
        (10, "companies", lambda: "/api/v1/companies/?page_size=50"),
        (8, "company search", lambda: f"/api/v1/companies/?search={company()[:4]}"),
        (8, "party's agreements", lambda: f"/api/v1/agreements/?party={company()}"),
        (10, "agreement", lambda: f"/api/v1/agreements/{random.choice(data['agreements'])}/"),
        (6, "plants", lambda: "/api/v1/plants/?country=FR&ordering=name"),
        (6, "plant", lambda: f"/api/v1/plants/{random.choice(data['plants'])}/"),
        (5, "stakes", lambda: "/api/v1/stakes/?min_percent=10"),
        (5, "articles", lambda: "/api/v1/articles/?language=fr"),
        (4, "agreements csv", lambda: "/api/v1/agreements/?format=csv"),
        (6, "change feed", lambda: f"/api/v1/changes/?after={random.randint(0, 50)}"),
        (2, "export", lambda: "/api/v1/export/agreements/"),
        (4, "network", lambda: f"/api/v1/companies/{company()}/network/?depth=2"),
    ]


# -- The clients -------------------------------------------------------------------------------


class Client:
    """One user agent: a cookie jar, and a log of (kind, status, seconds) per request."""

    def __init__(self, base, results):
        self.base = base
        self.results = results
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, kind, path, data=None, headers=None, expected=(200,)):
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        start = time.perf_counter()
        try:
            with self.opener.open(request, timeout=60) as reply:
                status, body = reply.status, reply.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except OSError as error:
            status, body = 0, str(error).encode()
        self.results.append((kind, status, time.perf_counter() - start, status in expected))
        return status, body

    def cookie(self, name):
        return next((c.value for c in self.cookies if c.name == name), "")


def read_api(base, data, deadline, results, rng):
    client = Client(base, results)
    choices = reader_requests(data)
    weights = [weight for weight, _, _ in choices]
    while time.monotonic() < deadline:
        _, kind, path = rng.choices(choices, weights)[0]
        client.request(kind, path())


def work_at_the_desk(client, desk, deadline, rng):
    """The editor's loop, ``client`` logged in already."""
    desk_path = f"/admin/sourcing/article/{desk['article']}/desk/"
    version = open_desk(client, desk_path)
    for number in itertools.count():
        if time.monotonic() >= deadline:
            return
        if number % 10 == 9:  # now and then the editor reloads the page
            version = open_desk(client, desk_path)
        start, end = rng.choice(desk["passages"])
        action = {"action": "cite", "version": version, "target": rng.choice(desk["targets"])}
        status, body = client.request(
            "desk action", f"{desk_path}act/",
            json.dumps({**action, "start": start, "end": end}).encode(),
            {"Content-Type": "application/json", "X-CSRFToken": client.cookie("csrftoken")},
            expected=(200, 409),
        )  # fmt: skip
        version = json.loads(body)["version"] if status == 200 else open_desk(client, desk_path)


def log_in(client, username):
    client.request("login page", "/admin/login/")
    form = {
        "username": username, "password": PASSWORD, "next": "/admin/",
        "csrfmiddlewaretoken": client.cookie("csrftoken"),
    }  # fmt: skip
    client.request("log in", "/admin/login/", urllib.parse.urlencode(form).encode())
    if not client.cookie("sessionid"):
        raise SystemExit(f"{username} could not log in")


def open_desk(client, path):
    status, body = client.request("desk page", path)
    found = re.search(rb'data-version="(\d+)"', body)
    return int(found.group(1)) if found else 0


# -- Running and reporting ---------------------------------------------------------------------


def run_clients(base, data, args):
    """
    The editors log in first, then every client starts. A login hashes the password, slowly on
    purpose (about half a second of CPU): an editor does it once a session, and the two made at
    the instant every reader starts held up the readers' first requests by seconds. The logins
    are timed and listed all the same.
    """
    results = []
    editors = []
    for desk in data["desks"]:
        client = Client(base, results)
        log_in(client, desk["user"])
        editors.append((client, desk))
    deadline = time.monotonic() + args.seconds
    threads = []
    for number in range(args.clients):
        rng = random.Random(args.seed * 1000 + number)
        if number < len(editors):
            work = (work_at_the_desk, *editors[number], deadline, rng)
        else:
            work = (read_api, base, data, deadline, results, rng)
        threads.append(threading.Thread(target=work[0], args=work[1:]))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.monotonic() - started


def percentile(durations, fraction):
    ordered = sorted(durations)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(results, elapsed, log_path, args, cpu=None, load_before=None, client_cpu=None):
    print(
        f"{args.clients} clients ({args.editors} editors at the desk), {args.workers} gunicorn "
        f"workers of {args.threads} thread(s), {elapsed:.0f} s on PostgreSQL; {os.cpu_count()} "
        f"cores, load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} at the end "
        "(other work on the machine slows every figure)"
    )
    by_kind = defaultdict(list)
    for kind, _status, seconds, _ in results:
        by_kind[kind].append(seconds)
    print(f"{'requests':<20}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for kind, durations in [("all", [r[2] for r in results]), *sorted(by_kind.items())]:
        cells = [percentile(durations, f) * 1000 for f in (0.5, 0.95, 0.99)]
        print(
            f"{kind:<20}{len(durations):>7}"
            + "".join(f"{cell:>9.0f}" for cell in cells)
            + f"{max(durations) * 1000:>9.0f}"
        )
    errors = [(kind, status) for kind, status, _, expected in results if not expected]
    stale = sum(1 for kind, status, _, _ in results if kind == "desk action" and status == 409)
    logged = sum('"level": "ERROR"' in line for line in Path(log_path).read_text().splitlines())
    print(f"throughput: {len(results) / elapsed:.1f} requests/s")
    if cpu is not None:
        print(
            f"gunicorn CPU: {cpu:.1f} s, {cpu / len(results) * 1000:.1f} ms per request "
            "(PostgreSQL's own not included)"
        )
    if client_cpu is not None:
        # The clients run on the same machine: what they take, the server does not get.
        print(
            f"clients' own CPU: {client_cpu:.1f} s, {client_cpu / elapsed * 100:.0f}% of one "
            "core over the run"
        )
    print(f"errors: {len(errors)} {dict(sorted(count_by(errors).items()))}")
    print(f"desk actions refused as stale (409, expected): {stale}")
    print(f"ERROR records in the server's log: {logged}")


def count_by(pairs):
    counts = defaultdict(int)
    for pair in pairs:
        counts[pair] += 1
    return {f"{kind} {status}": n for (kind, status), n in counts.items()}


def main():
    args = parse_args()
    env = {**os.environ, **SERVER_ENV, "DATABASE_URL": args.database_url}
    os.environ.update({**SERVER_ENV, "DATABASE_URL": args.database_url, "LOG_LEVEL": "WARNING"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    with throwaway_database(args.database_url), tempfile.TemporaryDirectory() as tmp:
        env["STATIC_ROOT"] = os.environ["STATIC_ROOT"] = tmp
        manage(env, "migrate", "--no-input")
        manage(env, "seed")
        manage(env, "collectstatic", "--no-input")
        data = prepare(args.editors)
        from django.db import connections

        connections.close_all()  # the database is dropped at the end: no session left open
        log_path = Path(tmp) / "gunicorn.log"
        load_before = os.getloadavg()[0]
        with gunicorn(env, args.workers, args.threads, log_path) as (base, server):
            cpu_before = cpu_seconds(server)
            client_before = time.process_time()
            results, elapsed = run_clients(base, data, args)
            client_cpu = time.process_time() - client_before
            cpu_after = cpu_seconds(server)
        cpu = None if cpu_before is None else cpu_after - cpu_before
        report(results, elapsed, log_path, args, cpu, load_before, client_cpu)


if __name__ == "__main__":
    main()
