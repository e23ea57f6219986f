import copy
import shutil

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from sourcing.seeding import CURATION_FILE, FIXTURES_DIR
from tests.factories import (
    TEST_PASSWORD_HASHERS,
    build_world,
    make_editorial_groups,
    make_plant_wording_records,
    make_wording_companies,
    run_seed,
)


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """See ``TEST_PASSWORD_HASHERS``."""
    with override_settings(PASSWORD_HASHERS=TEST_PASSWORD_HASHERS):
        yield


@pytest.fixture(autouse=True)
def _no_stray_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def _test_data_is_reviewed_data():
    """
    Data a test sets up through the ORM is reviewed data, as ``seed`` writes it: a part added
    to a verified record leaves it verified. Requests still run as their user (the middleware),
    and a test of what an unknown writer's change does says so with ``editing_as(None)``.
    """
    from sourcing.models import editing_as  # once Django is set up

    with editing_as(None, trusted=True):
        yield


# -- Data built once per module --------------------------------------------------------------------
# Building the API world or seeding the five documents costs far more than most tests that read
# them. Each is built once per module inside a transaction that is rolled back when the module
# ends; every test still runs in its own savepoint (pytest-django's ``db``), so a test that changes
# the data leaves the next one the data as built. Tests run in any order, so a test of the module
# that does not ask for the data may find it there: its own records must not collide with it.
# Transactional tests (``live_server``, ``transaction=True``) would run inside that transaction:
# a module using the data may have none (checked when tests are collected, below).

# The fixtures holding that data (a module may define its own ``world``, built per test).
MODULE_DATA_FIXTURES = {
    "_module_world",
    "_module_seeded",
    "_module_seed_fixture_loaded",
    "_module_wording_companies",
    "_module_plant_wording_records",
}


def _inside_a_transaction_rolled_back_at_the_end(django_db_blocker, build):
    from sourcing.models import editing_as  # once Django is set up

    # Built as reviewed data, like every test's own set-up (see _test_data_is_reviewed_data).
    with django_db_blocker.unblock(), transaction.atomic(), editing_as(None, trusted=True):
        # Built inside a test's own transaction, the data would go when that test ends. pytest
        # sets a module fixture up late when a test module's fixture of the same name wraps it.
        assert not transaction.get_connection().savepoint_ids, (
            "module data built inside a test's transaction: request it by its own name"
        )
        yield build()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def _module_world(django_db_setup, django_db_blocker):
    yield from _inside_a_transaction_rolled_back_at_the_end(django_db_blocker, build_world)


@pytest.fixture
def world(_module_world, db):
    """The records of ``build_world`` by short name; a copy, so a test may change its objects."""
    return copy.deepcopy(_module_world)


@pytest.fixture(scope="module")
def _module_seeded(django_db_setup, django_db_blocker):
    yield from _inside_a_transaction_rolled_back_at_the_end(django_db_blocker, run_seed)


@pytest.fixture
def seeded(_module_seeded, db):
    """A database the ``seed`` command loaded (the five documents and the curation file)."""


@pytest.fixture(scope="module")
def _module_seed_fixture_loaded(django_db_setup, django_db_blocker):
    yield from _inside_a_transaction_rolled_back_at_the_end(
        django_db_blocker, lambda: call_command("loaddata", "seed", verbosity=0)
    )


@pytest.fixture(scope="module")
def _module_wording_companies(django_db_setup, django_db_blocker):
    # Fourteen modules of wording tests name the same five companies; saving them (with their
    # history) for each of their ~1,300 tests cost more than reading most of the sentences.
    yield from _inside_a_transaction_rolled_back_at_the_end(
        django_db_blocker, make_wording_companies
    )


@pytest.fixture(scope="module")
def _module_plant_wording_records(django_db_setup, django_db_blocker):
    yield from _inside_a_transaction_rolled_back_at_the_end(
        django_db_blocker, make_plant_wording_records
    )


@pytest.fixture
def seed_fixture_loaded(_module_seed_fixture_loaded, db):
    """A database ``loaddata seed`` loaded (the committed fixture of the seed data)."""


# -- What the data migrations made, after a transactional test's flush ---------------------------
# A transactional test (``transaction=True``, ``live_server``) ends with Django's flush, which
# empties every table, those that data migrations filled included. The flush then sends
# ``post_migrate``, on which Django re-creates content types and permissions; the receiver below
# re-runs the data migrations that make the editorial groups at the same moment. Whatever test comes
# next, in whatever order, finds the database as ``migrate`` left it.


def _editorial_groups_restored(using, **_):
    make_editorial_groups(using)


@pytest.fixture(autouse=True, scope="session")
def _migration_data_restored_after_each_flush():
    from django.apps import apps
    from django.db.models.signals import post_migrate

    sourcing = apps.get_app_config("sourcing")
    post_migrate.connect(_editorial_groups_restored, sender=sourcing)
    yield
    post_migrate.disconnect(_editorial_groups_restored, sender=sourcing)


def _is_transactional(item):
    """As pytest-django decides whether a test runs in a transaction or ends with a flush."""
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and any(
        marker.kwargs.get(option) for option in ("transaction", "reset_sequences")
    )
    return marked or bool({"transactional_db", "live_server"} & set(item.fixturenames))


def pytest_collection_modifyitems(items):
    """
    Refuse a module that mixes data built once per module with transactional tests: in any
    order, a transactional test would run inside that module's transaction.
    """
    module_data, transactional = set(), set()
    for item in items:
        module = item.nodeid.split("::")[0]
        if MODULE_DATA_FIXTURES & set(item.fixturenames):
            module_data.add(module)
        if _is_transactional(item):
            transactional.add(module)
    if mixed := sorted(module_data & transactional):
        raise pytest.UsageError(
            f"{', '.join(mixed)}: data built once per module and transactional tests cannot share"
            " a module; move the transactional tests to a module of their own."
        )


@pytest.fixture
def curation_copy(tmp_path):
    """A private copy of the curation file and its documents, to alter in a test."""
    shutil.copytree(FIXTURES_DIR / "articles", tmp_path / "articles")
    path = tmp_path / "curation.yaml"
    shutil.copyfile(CURATION_FILE, path)
    return path
