"""
gunicorn's settings for ``make serve`` (``gunicorn -c project/gunicorn_config.py``): its own log
lines (workers starting, requests it refuses before Django sees them, each access) on standard
error in the application's format, ``LOG_FORMAT`` (JSON unless set to ``text``); what each
worker has loaded kept out of Python's garbage collector (``post_request``); and a worker's
threads taking turns more often (``post_fork``).

gunicorn answers a request it cannot parse (a malformed header or request line) with its own
small HTML 400 and never passes it to Django; each is logged here as a warning of
``gunicorn.error``, "Invalid request from ip=...", and as an access line.
"""

import itertools
import os
import sys

from project.garbage_collection import freeze_startup_objects
from project.logging_config import logging_config

logconfig_dict = logging_config(
    os.environ.get("LOG_FORMAT", "json"),
    os.environ.get("LOG_LEVEL", "INFO"),
    extra_loggers=("gunicorn.error", "gunicorn.access"),
)
# The request id is the one the application answered with (sourcing.request_log).
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s bytes %(M)s ms'


# After which of a worker's requests what it has loaded so far is moved out of the collector's
# sight (``post_request``): most modules, caches and data files load at the first request of
# their kind, not when the worker starts.
FREEZE_AFTER_REQUESTS = {1, 10, 100}
# The requests a worker has answered, counted as each ends (each worker its own, from the fork
# on): gunicorn's worker.nr counts them as they start, so with threads a number may be skipped.
_answered = itertools.count(1)


def post_worker_init(worker):
    """Once a worker has loaded the application (see ``project.garbage_collection``)."""
    freeze_startup_objects()


def post_request(worker, req, environ, resp):
    """
    Again after the requests that load what a worker reads once (modules, caches, data files:
    some 250,000 objects in all; see ``project.garbage_collection``). Measured in one process:
    the collector's share of a change-feed page fell from 17 ms of 92 ms to 5.5 ms. What other
    requests hold at that instant is kept too: a few requests' worth, three times in a worker's
    life.
    """
    if next(_answered) in FREEZE_AFTER_REQUESTS:
        freeze_startup_objects()


# How long a thread of a worker runs before another may take the interpreter over (Python's
# default: 5 ms). See ``post_fork``.
SWITCH_INTERVAL_SECONDS = 0.001


def post_fork(server, worker):
    """
    A worker's threads take turns at the interpreter (the GIL). A thread back from the database
    waits for the running one to hand it over, up to the switch interval, at every query: beside
    one busy thread of the same worker, a change-feed page (30 queries, 55 to 80 ms of CPU) took
    372 ms at Python's 5 ms and 149 ms at 1 ms, a desk action 658 and 407 ms, for the same CPU
    time (``benchmarks/request_costs.py --beside-busy-thread``). The requests that make the most
    queries, the desk's and the feed's, were the slowest for it.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
