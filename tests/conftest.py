import copy
import itertools
import shutil

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from sourcing.seeding import CURATION_FILE, FIXTURES_DIR
from tests.factories import TEST_PASSWORD_HASHERS, build_world, run_seed


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
# the data leaves the next one the data as built. Keep transactional tests (``live_server``,
# ``transaction=True``) out of a module that uses them: they would run inside that transaction.

MODULE_DATA_FIXTURES = {"world", "seeded", "seed_fixture_loaded"}


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


@pytest.fixture
def seed_fixture_loaded(_module_seed_fixture_loaded, db):
    """A database ``loaddata seed`` loaded (the committed fixture of the seed data)."""


# -- The order tests run in, and how xdist shares them out -----------------------------------------
# `make test` runs pytest-xdist with ``--dist loadgroup --no-loadscope-reorder``: tests are handed
# out in the order below, a module at a time where that keeps the order (see
# ``_share_out_by_module``), one test at a time elsewhere.

NO_DATABASE, PLAIN_DATABASE, TRANSACTIONAL = "no database", "plain database", "transactional"


def _transactional_marker(transaction=False, reset_sequences=False, **_):
    return transaction or reset_sequences


def database_use(item):
    """How a test uses the database, in pytest-django's terms (its own ordering reads the same)."""
    marker = item.get_closest_marker("django_db")
    names = set(item.fixturenames)
    if {"transactional_db", "live_server"} & names or (
        marker is not None and _transactional_marker(*marker.args, **marker.kwargs)
    ):
        return TRANSACTIONAL
    return PLAIN_DATABASE if marker is not None or "db" in names else NO_DATABASE


def module_of(item):
    return item.nodeid.split("::")[0]


def _share_out_by_module(items):
    """
    Mark every module whose tests may run together for xdist's ``loadgroup``: one worker then
    runs all of it, and builds its module fixtures (seeded data, a browser, a subprocess's
    findings) once instead of once per worker. A unit runs where its first test stands in the
    order, so a module mixing transactional tests with others is left to go test by test: as one
    unit, its transactional tests would empty the tables data migrations filled before other
    modules' plain database tests had run on that worker.
    """
    uses = {}
    for item in items:
        uses.setdefault(module_of(item), set()).add(database_use(item))
    for item in items:
        module_uses = uses[module_of(item)]
        if TRANSACTIONAL not in module_uses or module_uses == {TRANSACTIONAL}:
            item.add_marker(pytest.mark.xdist_group(module_of(item)))


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """
    Tests without a database first: the slow ones among them (subprocesses, collectstatic) then
    start at once instead of ending the run on one worker. Then pytest-django's order: plain
    database tests, then transactional ones, which empty the tables data migrations filled.

    Within each module, the tests that use data built once per module run after the others: once
    built, that data stays until the module ends, so a test of the same module that expects an
    empty database (say, one that seeds it itself) must run before it is built.
    """
    _share_out_by_module(items)  # before xdist's own hook reads the marks
    yield
    phases = [NO_DATABASE, PLAIN_DATABASE, TRANSACTIONAL]
    items.sort(key=lambda item: phases.index(database_use(item)))
    reordered = []
    for _, run in itertools.groupby(items, key=module_of):
        reordered += sorted(run, key=lambda item: bool(MODULE_DATA_FIXTURES & {*item.fixturenames}))
    items[:] = reordered


@pytest.fixture
def curation_copy(tmp_path):
    """A private copy of the curation file and its documents, to alter in a test."""
    shutil.copytree(FIXTURES_DIR / "articles", tmp_path / "articles")
    path = tmp_path / "curation.yaml"
    shutil.copyfile(CURATION_FILE, path)
    return path
