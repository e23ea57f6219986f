"""
Kinds, statuses, bases and roles, stated by the words the suggestions engine decides them by
(``suggestions.triggers``, ``suggestions.descriptors``): "supply / fournir / livrer" states a
supply agreement, "prévoit / plans" a planned stake, "cells / cellules" a cell maker or a cell
gigafactory. Where no such word is found the machine cannot tell, since a vocabulary is never
complete; a kind made of cells is not stated by a passage that mentions no cells.
"""

import re

from ..suggestions import descriptors, triggers
from .verdicts import Verdict, cannot_tell, not_stated, stated

_words = triggers.words


CELLS = _words(r"cells?|cellules?")
ANNOUNCED = _words(r"announc\w*|annonc\w*|unveil\w*|dévoil\w*|présent\w*")
CANCELLED = _words(r"cancel\w*|annul\w*|abandon\w*|scrapped|renonc\w*")
SHELVED = _words(r"shelved|on hold|suspend\w*|paused|gelée?s?|mis en pause|en suspens")
PLANT_ANNOUNCED = _words(
    r"plans?|planned|prévoit|projet|project|future|futur|will (?:build|be built|be located)|"
    r"to build|construira|sera (?:construite?|située?|implantée?)|announc\w*|annonc\w*|"
    r"raise[sd]? the (?:necessary )?funds|levons les fonds"
)
# A figure for the future is a target: "a target of", "will reach", "by 2030", "d'ici 2030".
TARGET = _words(
    r"targets?|objectifs?|cibles?|goals?|aims?|ambitions?|vise\w*|plans? to|will|shall|"
    r"(?:by|d['’]ici|from|dès|à partir de) (?:19|20)[0-9]{2}|\w+(?:era|ira|dra|ront)"
)

COMPANY_KINDS = {
    "carmaker": _words(
        r"car[ -]?makers?|automakers?|car manufacturers?|vehicle manufacturers?|"
        r"constructeurs?(?: automobiles?)?"
    ),
    "brand": _words(r"brands?|marques?"),
    "business_unit": _words(
        r"entit(?:y|ies)|entités?|divisions?|business units?|filiales?|subsidiar(?:y|ies)"
    ),
    "technology": _words(r"technology compan(?:y|ies)|software|logiciels?|semi-?conduct\w+|tech"),
    "law_firm": _words(r"law firms?|cabinets? d['’]avocats|avocats|attorneys|solicitors"),
    "adviser": triggers.ADVISING,
}
# The kinds the engine tells from a description's activity words.
DESCRIBED_KINDS = ("bank", "investor", "energy", "industrial")

AGREEMENT_STATUSES = {
    "letter_of_intent": dict(triggers.AGREEMENT_KINDS)["letter_of_intent"],
    "in_discussion": triggers.DISCUSSIONS,
    "ended": triggers.ENDED,
    "active": triggers.ACTIVE,
    "announced": ANNOUNCED,
    "cancelled": CANCELLED,
}
PLANT_STATUSES = {
    "under_construction": triggers.UNDER_CONSTRUCTION,
    "operating": triggers.OPERATING,
    "announced": PLANT_ANNOUNCED,
    "shelved": SHELVED,
    "cancelled": CANCELLED,
}
STAKE_STATUSES = {
    "completed": triggers.STAKE_COMPLETED,
    "planned": triggers.STAKE_PLANNED,
    "announced": triggers.STAKE_FUTURE,
    "divested": triggers.STAKE_DIVESTED,
}
QUANTITY_BASES = {"initial": triggers.INITIAL, "current": triggers.CURRENT, "target": TARGET}


_NEVER = re.compile(r"(?!)")


def _says(pattern, text):
    """The words of ``pattern`` found in ``text``, quoted, or None."""
    match = pattern.search(text)
    return f"“{match.group()}”" if match else None


def _cells(text, what):
    """A kind made of cells: stated by a word for cells, and by no passage without one."""
    words = _says(CELLS, text)
    return words if words else not_stated(f"mentions no cells, so not {what}")


def _company_kind(value, text):
    if value == "cell_maker":
        return _cells(text, "a battery cell maker")
    if value in DESCRIBED_KINDS:
        return "its activity" if value in descriptors.kinds_of(text) else None
    return _says(COMPANY_KINDS.get(value, _NEVER), text)


def _plant_kind(value, text):
    if value == "cell_gigafactory":
        return _cells(text, "a cell gigafactory")
    return _says(dict(triggers.PLANT_KINDS).get(value, _NEVER), text)


def _agreement_kind(value, text):
    words = _says(dict(triggers.AGREEMENT_KINDS).get(value, _NEVER), text)
    if words is None and value == "supply":
        words = _says(triggers.SUPPLYING, text) or _says(triggers.BUY_VERB, text)
    return words


def _agreement_status(value, text):
    if value == "signed":
        return _says(triggers.SIGNED, text) or _says(triggers.CONTRACT, text)
    return _says(AGREEMENT_STATUSES.get(value, _NEVER), text)


def _from(table):
    return lambda value, text: _says(table.get(value, _NEVER), text)


# Each answers the words that state the value, a Verdict that refuses it, or None.
_VOCABULARIES = {
    "company_kind": _company_kind,
    "plant_kind": _plant_kind,
    "plant_status": _from(PLANT_STATUSES),
    "stake_status": _from(STAKE_STATUSES),
    "agreement_kind": _agreement_kind,
    "agreement_status": _agreement_status,
    "quantity_basis": _from(QUANTITY_BASES),
    "milestone_kind": _from(dict(triggers.MILESTONES)),
}
VOCABULARIES = frozenset(_VOCABULARIES)


def check_term(value, reading):
    label = value.value.replace("_", " ")
    words = _VOCABULARIES[value.vocabulary](value.value, reading.text)
    if isinstance(words, Verdict):
        return words
    if words:
        return stated(f"says {words} ({label})")
    return cannot_tell(f"has none of the words that state “{label}”")
