"""
gunicorn's settings for ``make serve`` (``gunicorn -c project/gunicorn_config.py``): its own log
lines (workers starting, requests it refuses before Django sees them, each access) on standard
error in the application's format, ``LOG_FORMAT`` (JSON unless set to ``text``).

gunicorn answers a request it cannot parse (a malformed header or request line) with its own
small HTML 400 and never passes it to Django; each is logged here as a warning of
``gunicorn.error``, "Invalid request from ip=...", and as an access line.
"""

import os

from project.garbage_collection import freeze_startup_objects
from project.logging_config import logging_config

logconfig_dict = logging_config(
    os.environ.get("LOG_FORMAT", "json"),
    os.environ.get("LOG_LEVEL", "INFO"),
    extra_loggers=("gunicorn.error", "gunicorn.access"),
)
# The request id is the one the application answered with (sourcing.request_log).
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s bytes %(M)s ms'


def post_worker_init(worker):
    """Once a worker has loaded the application (see ``project.garbage_collection``)."""
    freeze_startup_objects()
