"""
``check(value, passage, language)``: does ``passage`` state ``value``? One reader per kind of
value (names, figures, dates, places, vocabulary, roles); each verdict is cached per value,
passage and language, so a page that checks the same quote for many values reads it once.
"""

from functools import lru_cache

from .dates import check_date, check_year
from .figures import check_figure
from .names import check_named
from .places import check_place
from .reading import readings
from .roles import check_role
from .values import Figure, Named, PartialDate, Place, Role, Term, Year
from .verdicts import best
from .vocabulary import check_term

_READERS = {
    Named: check_named,
    Figure: check_figure,
    PartialDate: check_date,
    Year: check_year,
    Place: check_place,
    Term: check_term,
    Role: check_role,
}


@lru_cache(maxsize=65536)
def check(value, passage, language=None):
    """
    The ``Verdict`` on whether ``passage`` (a quote) states ``value`` (one of ``values``'
    types). ``language`` ("en", "fr") decides how numbers read; without it both readings are
    tried and the value is stated if either states it.
    """
    reader = _READERS.get(type(value))
    if reader is None:
        raise TypeError(f"The checker reads no value of type {type(value).__name__}.")
    return best(reader(value, reading) for reading in readings(passage, language))
