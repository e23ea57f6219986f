"""
Where the application's log goes: standard error, one record per line, with the request it is
about (its id, the user, the path: ``sourcing.request_log``).

``json`` (the default with DEBUG off) writes each record as one JSON object, its traceback in
``exc_info``, ready for a log shipper; ``text`` (the default while debugging) writes lines for a
person at a terminal. gunicorn's own log (``project/gunicorn.conf.py``) uses the same format.
Imported by the settings: nothing here may import Django's app registry.
"""

import logging
from collections.abc import Mapping

FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(user)s %(path)s"
TEXT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(user)s %(path)s] %(message)s"
FORMATS = ("json", "text")


def formatter(log_format):
    if log_format == "json":
        return {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": FIELDS,
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        }
    return {"format": TEXT}


class GunicornAccessFields(logging.Filter):
    """gunicorn's access lines: the request id the application answered with, and the path."""

    def filter(self, record):
        if isinstance(record.args, Mapping):  # gunicorn's atoms of the access log format
            record.request_id = record.args["{x-request-id}o"]
            record.path = record.args["U"]
        return True


def logging_config(log_format, level="INFO", extra_loggers=()):
    """
    A ``logging.config.dictConfig`` dictionary writing ``level`` and above to standard error,
    for the application and for the named ``extra_loggers`` (gunicorn's).
    """
    if log_format not in FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not “{log_format}”.")
    handler = ["stderr"]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request": {"()": "sourcing.request_log.RequestContextFilter"},
            "access": {"()": f"{__name__}.GunicornAccessFields"},
        },
        "formatters": {"default": formatter(log_format)},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["request"],
            }
        },
        "root": {"handlers": handler, "level": level},
        "loggers": {
            # Django's own handlers (mail to ADMINS, the console only while debugging) give way:
            # 500s and their tracebacks are written here, with the request they happened in.
            "django": {"handlers": handler, "level": level, "propagate": False},
            # django-axes announces its version at every start, every manage.py command included.
            "axes": {"level": "WARNING"},
            **{
                name: {
                    "handlers": handler,
                    "level": level,
                    "propagate": False,
                    "filters": ["access"] if name.endswith(".access") else [],
                }
                for name in extra_loggers
            },
        },
    }
