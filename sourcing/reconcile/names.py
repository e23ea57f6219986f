"""
How names compare for reconciliation: every name, ours or a user's, is reduced the same way.

1. Folded for search (case, accents, typography: ``sourcing.text.search``), then spelt in Latin
   letters (anyascii: "Тесла" is "tesla", "ø" is "o", "ß" is "ss"), and split into words: dots
   and apostrophes join ("S.A." is "sa"), "&" and "+" are "and", any other mark separates.
2. Legal forms are cut from either end, as many as there are ("Contemporary Amperex Technology
   Co., Limited" ends in two). The table is cleanco's: several hundred forms from 80-odd
   countries (SA, SAS, GmbH, Ltd, KK, Sp. z o.o., OOO...), kept up by others.
3. Generic words are set aside: a family of names shares them ("Groupe", "Holding", "Company",
   a plant's "Gigafactory" or "usine", "the", "de"). What is left are the distinctive words:
   two names with the same distinctive words name the same thing, whatever their order.

A name made only of legal forms or generic words ("Holding SA") keeps its words, so it still
compares to something.
"""

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from anyascii import anyascii
from cleanco.clean import prepare_default_terms
from rapidfuzz import fuzz, process

from ..text.search import fold_for_search

# Words a family of companies shares, in the languages sources write in: they say what kind of
# entity it is, not which one.
GENERIC_COMPANY_WORDS = frozenset(
    {
        *("group", "groupe", "gruppe", "grupo", "gruppo", "grupa", "groep", "koncernen"),
        *("konzern", "koncern"),
        *("holding", "holdings", "holdinggesellschaft", "company", "compagnie", "cie", "corp"),
        *("corporation", "companies", "societe", "sociedad", "societa", "gesellschaft"),
    }
)
# Words any plant's name may carry, in the same languages: the kind of site, not which site.
GENERIC_PLANT_WORDS = frozenset(
    {
        *("plant", "plants", "factory", "gigafactory", "giga", "usine", "werk", "fabrik"),
        *("fabrica", "fabbrica", "planta", "stabilimento", "fabriek", "zavod", "site", "sites"),
        *("facility", "works", "battery", "batteries", "batterie", "cell", "cells"),
        *("manufacturing", "production", "gigafabrik", "gigausine", "campus", "hub", "complex"),
        *("project",),
    }
)
# Words that join others in any of those languages ("Gigafactory of Dunkirk", "usine de Douai").
FUNCTION_WORDS = frozenset(
    {
        *("the", "of", "and", "at", "in", "near", "de", "du", "des", "la", "le", "les", "l", "d"),
        *("der", "die", "das", "von", "van", "den", "het", "del", "della", "di", "y", "e", "et"),
        *("und", "a", "an"),
    }
)

# Words that describe what a company does rather than which one it is: a name may leave them out
# ("Vulcan Energy" for Vulcan Energy Resources), so a query lacking only these still names it.
DESCRIPTOR_WORDS = frozenset(
    {
        *("technology", "technologies", "tech", "energy", "motor", "motors", "battery"),
        *("batteries", "materials", "resources", "systems", "solutions", "industries"),
        *("electric", "power", "international", "automotive", "manufacturing", "chemical"),
        *("chemicals", "mobility", "storage", "metals", "mining", "new", "hi"),
    }
)
# A misspelt generic word is still generic ("Compny", "Holdng"): this similar, this long.
GENERIC_TYPO_SIMILARITY = 80
GENERIC_TYPO_MIN_LENGTH = 5

_JOINING = re.compile(r"[.'\u2019]")
_WORD = re.compile(r"[a-z0-9]+")


def plain_words(text):
    """The words of ``text``, folded and in Latin letters (step 1 above)."""
    folded = anyascii(fold_for_search(text)).lower()
    folded = folded.replace("&", " and ").replace("+", " and ")
    return _WORD.findall(_JOINING.sub("", folded))


def _legal_form_table():
    """cleanco's legal forms, as tuples of words split as ``plain_words`` splits a name."""
    forms = {tuple(plain_words(" ".join(parts))) for _, parts in prepare_default_terms()}
    forms.discard(())
    # Longest first, so "pte ltd" goes as one form rather than leaving "pte" behind.
    return sorted(forms, key=lambda form: (-len(form), form))


LEGAL_FORMS = _legal_form_table()
# The forms by their last and by their first word, longest first: a name's end or start is
# checked against the few forms it could be, not all of them.
_BY_LAST_WORD, _BY_FIRST_WORD = {}, {}
for _form in LEGAL_FORMS:
    _BY_LAST_WORD.setdefault(_form[-1], []).append(_form)
    _BY_FIRST_WORD.setdefault(_form[0], []).append(_form)


def _form_at(words, end):
    """The legal form ``words`` ends with (``end``) or starts with, if any, longest first."""
    for form in (_BY_LAST_WORD if end else _BY_FIRST_WORD).get(words[-1 if end else 0], ()):
        part = words[-len(form) :] if end else words[: len(form)]
        if len(words) > len(form) and tuple(part) == form:
            return form
    return None


def strip_legal_forms(words):
    """
    ``words`` without the legal forms at either end, and the forms cut. A name is never cut to
    nothing: "SA" alone stays "SA".
    """
    words, forms = list(words), []
    while words:
        form = _form_at(words, end=True)
        if form:
            del words[-len(form) :]
        else:
            form = _form_at(words, end=False)
            if not form:
                break
            del words[: len(form)]
        forms.append(" ".join(form))
    return words, forms


@dataclass(frozen=True)
class Name:
    """A name reduced for comparison; ``text`` is the name as given."""

    text: str
    words: tuple  # every word, legal forms included
    core: tuple  # the distinctive words, in their order
    legal_forms: tuple

    @cached_property
    def core_text(self):
        return " ".join(self.core)

    @cached_property
    def compact(self):
        """The distinctive words run together: "Daimler Truck" and "DaimlerTruck" agree."""
        return "".join(self.core)

    @cached_property
    def acronyms(self):
        """
        The initials a source may write for the name: of every word but function words, with
        or without the legal forms, short words kept whole ("lges" for LG Energy Solution).
        """
        words = [word for word in self.words if word not in FUNCTION_WORDS]
        stripped, _ = strip_legal_forms(words)
        spellings = set()
        for run in (words, stripped):
            spellings.add("".join(word[0] for word in run))
            spellings.add("".join(word if len(word) <= 3 else word[0] for word in run))
        return frozenset(spelling for spelling in spellings if len(spelling) >= 2)


def is_generic(word, generic_words):
    if word in generic_words or word in FUNCTION_WORDS:
        return True
    if len(word) < GENERIC_TYPO_MIN_LENGTH:
        return False
    return bool(
        process.extractOne(
            word, generic_words, scorer=fuzz.ratio, score_cutoff=GENERIC_TYPO_SIMILARITY
        )
    )


@lru_cache(maxsize=100_000)
def reduce_name(text, generic_words=GENERIC_COMPANY_WORDS):
    """
    ``text`` as a ``Name``; ``generic_words`` are those of the record's type. Cached: the same
    names come back in query after query.
    """
    words = plain_words(text)
    stripped, forms = strip_legal_forms(words)
    core = [word for word in stripped if not is_generic(word, generic_words)]
    return Name(
        text=text,
        words=tuple(words),
        core=tuple(core or stripped or words),
        legal_forms=tuple(forms),
    )
