"""
Settings read from the environment, with defaults that are safe for a local checkout.

DATABASE_URL  database to use (default: SQLite file db.sqlite3 beside manage.py)
SECRET_KEY    required when DEBUG is off
DEBUG         "true" for local development (default), "false" in production
ALLOWED_HOSTS comma-separated host names (default: localhost names when DEBUG is on)

The production ones (HTTPS, static files, SQLite locking, login throttling, article size) are
listed with their defaults in docs/operations.md.
"""

import logging
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from project.logging_config import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEVELOPMENT_SECRET_KEY = "django-insecure-development-key-never-used-in-production"

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DEBUG is off but SECRET_KEY is the development key: set SECRET_KEY in the environment."
    )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "corsheaders",
    "sourcing",
]

MIDDLEWARE = [
    # First: everything logged while answering names the request (its id, user and path).
    "sourcing.request_log.RequestIdMiddleware",
    # Before anything that may answer: a preflight OPTIONS and every answer, errors included,
    # carry the CORS headers on the paths CORS_URLS_REGEX allows.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A NUL byte in a parameter is a 400 here rather than a database error in a view.
    "sourcing.middleware.RefuseNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, adding a final slash by redirect to GET and HEAD requests only.
    "sourcing.middleware.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the logged-in user as the author of every history entry made during a request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Every change made during a request is the logged-in user's: review rules follow their rights.
    "sourcing.middleware.EditingAsRequestUserMiddleware",
    # Answers a login locked out by too many failures (see AXES_* below).
    "axes.middleware.AxesMiddleware",
    # Late, so it sees a view's "database is locked" first: a 503 "try again", not a 500.
    "sourcing.middleware.DatabaseBusyMiddleware",
    # Last: a PostgreSQL deadlock victim or serialization failure is run again once, never a 500.
    "sourcing.middleware.RetryTransientFailuresMiddleware",
]

if not DEBUG:
    # Serves the collected, hashed and compressed static files itself: no web server needed.
    # (While debugging, runserver serves them straight from the source tree.)
    security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
    MIDDLEWARE.insert(security + 1, "whitenoise.middleware.WhiteNoiseMiddleware")

# Database sessions that take a malformed cookie for no session rather than a database error.
SESSION_ENGINE = "sourcing.sessions"

ROOT_URLCONF = "project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "project.wsgi.application"

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a real embedded database. WAL lets readers go on while one editor writes.
    # IMMEDIATE takes the write lock when a transaction starts, so a second editor waits its turn
    # (up to the busy timeout) instead of failing when its read turns into a write; a wait that
    # still times out is answered "busy, try again" (sourcing.middleware.DatabaseBusyMiddleware).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.float("SQLITE_BUSY_TIMEOUT", default=20.0),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Each worker keeps its connection between requests (up to a minute idle) rather than
    # opening one per request: a new PostgreSQL connection is a new server process whose caches
    # start cold, 3 to 12 ms before the first query on this project's 2-core machine, when most
    # API reads take 10 to 30 ms. The health check reconnects a worker whose connection the
    # server dropped. ?conn_max_age=0 in the URL: one connection per request again.
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
    # PostgreSQL's default random_page_cost (4) prices an index probe as a read from a spinning
    # disk, so to fetch the companies of 200 parties it hashes the whole company table instead
    # (6 ms at 20,000 companies, against 0.9 ms probing the primary key at 1.1). An editorial
    # database's working set fits in memory; 1.1 is the usual figure for SSDs and caches. 0: leave
    # the server's own setting.
    RANDOM_PAGE_COST = env.float("PG_RANDOM_PAGE_COST", default=1.1)
    if RANDOM_PAGE_COST:
        options = DATABASES["default"].setdefault("OPTIONS", {})
        given = options.get("options", "")  # from the URL's ?options=
        options["options"] = f"{given} -c random_page_cost={RANDOM_PAGE_COST}".strip()

# PostgreSQL: the longest an API request's query may run, in milliseconds, before the request is
# answered 503 (0: no limit). No schema-valid request should come near it.
API_STATEMENT_TIMEOUT_MS = env.int("API_STATEMENT_TIMEOUT_MS", default=5000)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production, collectstatic writes names with a content hash (cached for a year by
    # browsers) and gzip/brotli copies, which WhiteNoise serves. While debugging, files are
    # served as they are in the source tree, with no collectstatic step.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The largest article accepted, in bytes, from import_article or the admin: the file received
# (text, web page or PDF) and the text read from it.
ARTICLE_MAX_BYTES = env.int("ARTICLE_MAX_BYTES", default=1_000_000)
# Where the originals of articles (the files as received) are stored, on local disk by default.
# Never served as static or media files: staff download them through the app (docs/operations.md).
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# A request body may hold a full-size article plus the rest of the admin form.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2_621_440, 2 * ARTICLE_MAX_BYTES)
# The largest body of a curation desk action, in bytes: an action names a passage by offsets and
# a proposal holds a few fields and one quote, so a larger body is refused (413) unread.
DESK_ACTION_MAX_BYTES = env.int("DESK_ACTION_MAX_BYTES", default=262_144)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Logs, errors with their tracebacks included: standard error, one record per line, each with its
# request's id, user and path. JSON lines with DEBUG off, readable lines while debugging.
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"))
if LOG_FORMAT == "json":
    # A Python warning is a record too, not a stray line among the JSON ones.
    logging.captureWarnings(True)

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Cross-origin requests: the reconciliation service only (the specification makes CORS
# mandatory, for web clients on other origins), from any origin, without cookies. The rest of
# the site stays same-origin.
CORS_URLS_REGEX = r"^/api/v1/reconcile/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # Staff see drafts through their admin session. No HTTP Basic: it was a second way to try
    # passwords, and a wrong Authorization header turned a public read into a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Shares and GWh figures are numbers in JSON (at most 8 digits: floats hold them exactly).
    "COERCE_DECIMAL_TO_STRING": False,
    # An unknown ?format= is a 400 naming the parameter on every API view, not a 404.
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "sourcing.api.renderers.ContentNegotiation",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Battery industry sourcing API",
    "DESCRIPTION": (
        "Companies, stakes, agreements and plants, each with the passages that state them. "
        "Read-only; anonymous readers see verified records only. Bad input is a 400 whose JSON "
        "body is keyed by the offending parameter; unknown ids are 404; write methods are 405."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc assets come from drf-spectacular-sidecar, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One enum for the precision of every partial date (published, announced, signed, as of).
    "ENUM_NAME_OVERRIDES": {"DatePrecisionEnum": "sourcing.models.DatePrecision"},
}

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out login is refused before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: after AXES_FAILURE_LIMIT failed logins in a row for one username from one
# address, that pair is refused for AXES_COOLOFF_MINUTES. Locking the pair, not the username
# alone, means nobody can lock an editor out by guessing at their account from elsewhere.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = (
    f"Account locked: {AXES_FAILURE_LIMIT} failed login attempts in a row. Try again in "
    f"{int(AXES_COOLOFF_TIME.total_seconds() // 60)} minutes, or ask an administrator to unlock it."
)
# Where the client's address is read. Behind a proxy: HTTP_X_FORWARDED_FOR,REMOTE_ADDR, with
# AXES_IPWARE_PROXY_COUNT the number of proxies in front (else every client shares one address).
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)
AXES_IPWARE_PROXY_COUNT = env.int("AXES_IPWARE_PROXY_COUNT", default=None)

if not DEBUG:
    # Secure by default in production; each can be turned off from the environment.
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# Behind a proxy that terminates TLS, name the header by which it says the request came over
# HTTPS (e.g. X-Forwarded-Proto): Django then knows the request is secure, and the SSL redirect
# and secure cookies work. Only set it if the proxy always sets or strips that header.
proxy_ssl_header = env.str("SECURE_PROXY_SSL_HEADER", default="")
if proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_ssl_header.upper().replace("-", "_"), "https")
