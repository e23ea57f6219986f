import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def run_check(**environment):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_mode_refuses_to_start_with_the_development_secret_key():
    result = run_check(DEBUG="false", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is the development key" in result.stderr


def test_production_mode_starts_with_a_secret_key_from_the_environment():
    result = run_check(DEBUG="false", ALLOWED_HOSTS="example.org", SECRET_KEY="s" * 50)
    assert result.returncode == 0, result.stderr


def database_setting(key, **environment):
    code = f"from django.conf import settings; print(settings.DATABASES['default']{key})"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT_DIR,
        env={**os.environ, **environment, "DJANGO_SETTINGS_MODULE": "project.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


POSTGRESQL_URL = "postgres://postgres@127.0.0.1:5432/anything"


def test_database_url_selects_the_database():
    engine = database_setting("['ENGINE']", DATABASE_URL=POSTGRESQL_URL)
    assert engine == "django.db.backends.postgresql"


def test_postgresql_connections_price_random_reads_as_cached_ones():
    options = database_setting(
        ".get('OPTIONS')", DATABASE_URL=POSTGRESQL_URL + "?options=-c%20search_path%3Dpublic"
    )
    # Added to what the URL asked for, not in its place.
    assert options == "{'options': '-c search_path=public -c random_page_cost=1.1'}"


def test_postgresql_random_page_cost_can_be_left_to_the_server():
    options = database_setting(
        ".get('OPTIONS')", DATABASE_URL=POSTGRESQL_URL, PG_RANDOM_PAGE_COST="0"
    )
    assert options == "{}"


def test_postgresql_connections_are_kept_between_requests():
    # A connection per request started a PostgreSQL server process per API read.
    kept = database_setting(".get('CONN_MAX_AGE')", DATABASE_URL=POSTGRESQL_URL)
    checked = database_setting(".get('CONN_HEALTH_CHECKS')", DATABASE_URL=POSTGRESQL_URL)
    assert (kept, checked) == ("60", "True")


def test_postgresql_connection_per_request_can_be_asked_for_in_the_url():
    kept = database_setting(".get('CONN_MAX_AGE')", DATABASE_URL=POSTGRESQL_URL + "?conn_max_age=0")
    assert kept == "0"
