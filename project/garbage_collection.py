"""
Python's garbage collector in a long-running worker. Every so often the collector walks every
container object the process holds: in a worker, mostly what importing Django, DRF and the
application created and never frees (modules, classes, functions, URL patterns). Measured in
the scale benchmark's process (about 140,000 such objects), that walk took 250 to 350 ms on the
loaded 2-core machine, and fell on whichever request happened to allocate at that moment: one
network answer in ten or so took twice as long as the others.

``freeze_startup_objects`` moves what exists once the application is loaded into the
collector's permanent generation, which it never walks again: a full collection then reads only
what requests made since (about 30 ms under the same load). The objects frozen live as long as
the worker anyway; garbage is collected first so that none of it is kept for good.
"""

import gc


def freeze_startup_objects():
    gc.collect()
    gc.freeze()
