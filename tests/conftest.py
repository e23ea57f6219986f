import copy
import itertools

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

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


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """
    Within each module, run the tests that use data built once per module after the others.

    Once built, that data stays until the module ends, so a test of the same module that expects
    an empty database (say, one that seeds it itself) must run before it is built. The order is
    changed only inside each run of consecutive tests of one module, so pytest-django's order
    (plain database tests, then transactional ones, then the rest) stands.
    """
    reordered = []
    for _, run in itertools.groupby(items, key=lambda item: item.nodeid.split("::")[0]):
        reordered += sorted(run, key=lambda item: bool(MODULE_DATA_FIXTURES & {*item.fixturenames}))
    items[:] = reordered
