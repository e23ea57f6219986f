import pytest


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
