import pytest


@pytest.fixture(autouse=True)
def _no_stray_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
