"""
The suggestion engine: reads an article and returns the known names, figures and dates it
mentions and the records an editor could make from them, each tied to its exact passage.
Offline and deterministic. ``suggest(article)`` is the one entry point.
"""

from .engine import suggest

__all__ = ["suggest"]
