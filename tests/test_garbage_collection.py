"""
A gunicorn worker freezes what it holds once the application is loaded, so that the garbage
collector's full collections walk only what requests made since (project/garbage_collection.py).
"""

import gc

from project import gunicorn_config


def test_a_worker_leaves_the_loaded_application_out_of_full_collections():
    loaded = object.__new__(type("Loaded", (), {}))  # a container the collector tracks
    assert any(obj is loaded for obj in gc.get_objects())
    try:
        gunicorn_config.post_worker_init(worker=None)

        assert gc.get_freeze_count() > 0
        assert not any(obj is loaded for obj in gc.get_objects())
    finally:
        gc.unfreeze()
