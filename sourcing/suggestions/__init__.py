"""
The suggestion engine: reads an article and returns the known names, figures and dates it
mentions and the records an editor could make from them, each tied to its exact passage.
Offline and deterministic. ``suggest(article)`` is the one entry point.

The readers of text here (numbers, figures, dates, places, trigger words, the name index) use
no model, so the statement checker, which the data model calls, reads text with them too;
``suggest`` is imported on first use so that importing a reader loads no model.
"""

__all__ = ["suggest"]


def __getattr__(name):
    if name == "suggest":
        from .engine import suggest

        return suggest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
