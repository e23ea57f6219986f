"""
The statement checker: does a cited passage state a stored value? ``check(value, passage,
language)`` answers ``Verdict(STATED | NOT_STATED | CANNOT_TELL, reason)``, reading the passage
with the suggestions engine's readers of names, figures, dates, places and trigger words, so
that what the engine proposes from a passage and what the checker confirms in it agree.

The values it checks are plain (``values``): no model is read here, so the data model's
provenance rules (``models.provenance``) can call it.
"""

from .checker import check
from .values import Figure, Named, PartialDate, Place, Role, Term, Year
from .verdicts import CANNOT_TELL, NOT_STATED, STATED, Verdict

__all__ = [
    "CANNOT_TELL",
    "NOT_STATED",
    "STATED",
    "Figure",
    "Named",
    "PartialDate",
    "Place",
    "Role",
    "Term",
    "Verdict",
    "Year",
    "check",
]
