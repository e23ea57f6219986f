"""
What each request of the load test (``load.py``) costs the server, measured in one process with
no concurrency: queries, rows read and CPU milliseconds, per kind of request. Unlike the load
test's latencies, these figures hardly move when other work shares the machine, so they compare
two versions of the code; ``--profile KIND`` prints where the CPU time of one kind goes.
``--beside-busy-thread`` also times each kind beside a thread that keeps the interpreter busy (a
gunicorn worker's other thread), at Python's default switch interval and at the one the workers
set (``project/gunicorn_config.py``).

    .venv/bin/python benchmarks/request_costs.py \\
        --database-url postgres://postgres@127.0.0.1:5432/costs [--repeat 20] \\
        [--profile "desk action"]

The database named in the URL is created (it must not exist), migrated and seeded as the load
test's is, with the production settings (DEBUG=false), and dropped at the end.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # load.py, beside this script

import load  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="postgres://.../NAME (created)")
    parser.add_argument("--repeat", type=int, default=20, help="requests of each kind (20)")
    parser.add_argument("--profile", action="append", default=[], help="a kind to profile")
    parser.add_argument("--beside-busy-thread", action="store_true", help="time beside a thread")
    return parser.parse_args()


def reader_paths(data):
    """(kind, path) of each reader's request, one path per kind drawn at random per call."""
    return [(kind, path) for _, kind, path in load.reader_requests(data)]


class Measured:
    """Queries, rows and CPU seconds of each request of one kind."""

    def __init__(self):
        self.queries, self.rows, self.cpu = [], [], []

    def line(self, kind):
        return (
            f"{kind:<20}{len(self.cpu):>6}{statistics.median(self.queries):>9.0f}"
            f"{statistics.median(self.rows):>8.0f}{statistics.median(self.cpu) * 1000:>10.1f}"
            f"{max(self.cpu) * 1000:>10.1f}"
        )


def rows_counted(connection):
    """A wrapper of the connection's executions counting the rows each query returned."""
    counter = {"rows": 0}

    def count(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        cursor = context["cursor"]
        if cursor.description is not None and cursor.rowcount > 0:
            counter["rows"] += cursor.rowcount
        return result

    return counter, count


def measure(kind, send, measured):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counter, count = rows_counted(connection)
    with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(count):
        start = time.process_time()
        status = send()
        cpu = time.process_time() - start
    if status not in (200,):
        raise SystemExit(f"{kind}: status {status}")
    measured.queries.append(len(queries))
    measured.rows.append(counter["rows"])
    measured.cpu.append(cpu)


def desk_sender(client, desk, rng, state):
    """A cite action at the desk as load.py's editor sends it, the version followed."""
    path = f"/admin/sourcing/article/{desk['article']}/desk/act/"

    def send():
        start, end = rng.choice(desk["passages"])
        action = {
            "action": "cite", "version": state["version"], "target": rng.choice(desk["targets"]),
            "start": start, "end": end,
        }  # fmt: skip
        reply = client.post(path, json.dumps(action), content_type="application/json")
        if reply.status_code == 200:
            state["version"] = reply.json()["version"]
        return reply.status_code

    return send


def main():
    args = parse_args()
    env = {**os.environ, **load.SERVER_ENV, "DATABASE_URL": args.database_url}
    env["ALLOWED_HOSTS"] = "testserver"
    os.environ.update({**env, "LOG_LEVEL": "WARNING"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    with load.throwaway_database(args.database_url), tempfile.TemporaryDirectory() as tmp:
        env["STATIC_ROOT"] = os.environ["STATIC_ROOT"] = tmp
        load.manage(env, "migrate", "--no-input")
        load.manage(env, "seed")
        load.manage(env, "collectstatic", "--no-input")
        data = load.prepare(1)
        try:
            run(data, args)
        finally:
            from django.db import connections

            connections.close_all()


def run(data, args):
    from django.contrib.auth.models import User
    from django.test import Client

    from sourcing.models import Article

    rng = random.Random(1)
    reader, editor = Client(), Client()
    desk = data["desks"][0]
    editor.force_login(User.objects.get(username=desk["user"]))
    state = {"version": Article.objects.get(pk=desk["article"]).version}
    desk_page = f"/admin/sourcing/article/{desk['article']}/desk/"
    kinds = [
        (kind, lambda path=path: reader.get(path()).status_code)
        for kind, path in reader_paths(data)
    ]
    kinds.append(("desk page", lambda: editor.get(desk_page).status_code))
    kinds.append(("desk action", desk_sender(editor, desk, rng, state)))
    for _kind, send in kinds:  # warm: caches of the process, the suggestions' name index
        send()
    results = {kind: Measured() for kind, _ in kinds}
    for _ in range(args.repeat):
        for kind, send in kinds:
            measure(kind, send, results[kind])
    # Profiled apart: the profiler's own work would count in the figures above. CPU time, not
    # the wall clock, so that waiting for the database does not count either.
    profilers = {kind: cProfile.Profile(time.process_time) for kind in args.profile}
    for kind, send in kinds:
        if kind in profilers:
            for _ in range(args.repeat):
                profilers[kind].runcall(send)
    print(f"{'request':<20}{'count':>6}{'queries':>9}{'rows':>8}{'CPU ms':>10}{'max ms':>10}")
    print("(medians; CPU of this process, the database's own not included)")
    for kind, measured in results.items():
        print(measured.line(kind))
    if args.beside_busy_thread:
        beside_a_busy_thread(kinds, args.repeat)
    for kind, profiler in profilers.items():
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        print(f"\n-- profile of {kind!r} ({args.repeat} requests) --\n{out.getvalue()}")


def beside_a_busy_thread(kinds, repeat):
    """Median wall time of each kind alone and beside a busy thread, per switch interval."""
    from project.gunicorn_config import SWITCH_INTERVAL_SECONDS

    def wall(send):
        durations = []
        for _ in range(repeat):
            start = time.perf_counter()
            send()
            durations.append(time.perf_counter() - start)
        return statistics.median(durations) * 1000

    def busy(stop):
        while not stop.is_set():
            sum(range(1000))

    intervals = (sys.getswitchinterval(), SWITCH_INTERVAL_SECONDS)
    print(f"\nwall ms (medians): alone / beside a busy thread, switch interval {intervals} s")
    for kind, send in kinds:
        cells = []
        for interval in intervals:
            sys.setswitchinterval(interval)
            alone = wall(send)
            stop = threading.Event()
            burner = threading.Thread(target=busy, args=(stop,))
            burner.start()
            try:
                cells.append(f"{alone:6.0f} /{wall(send):6.0f}")
            finally:
                stop.set()
                burner.join()
        print(f"{kind:<20}" + "    ".join(cells))
    sys.setswitchinterval(intervals[0])


if __name__ == "__main__":
    main()
