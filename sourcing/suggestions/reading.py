"""
The figures and dates of a text, read together: a date's digits are never a figure, and a bare
year (no unit) is a date of year precision. The one reading of figures and dates that the
suggestions engine proposes from and the statement checker checks against.
"""

from . import dates as date_finder
from .figures import find_figures


def figures_and_dates(text, language, words, clause_map, article_year=None, article_month=None):
    """
    (figures, dates) of ``text``: ``figures.Figure``s with unit, qualifier and bound year, and
    ``dates.DateMention``s in text order, bare years included. ``words`` are ``text.tokens`` of
    ``text`` and ``clause_map`` its ``figures.ClauseMap``; ``article_year`` dates the days and
    months written without a year ("le 6 octobre"), and ``article_month`` those ahead of it
    ("starting in January" in a November article).
    """
    found_dates = date_finder.find_dates(text, language, article_year, article_month)
    taken = bytearray(len(text))
    for found in found_dates:
        taken[found.start : found.end] = b"\1" * (found.end - found.start)
    figures, years = find_figures(text, language, words, taken, clause_map)
    found_dates += [date_finder.year_mention_at(text, start, end) for start, end in years]
    return figures, found_dates
