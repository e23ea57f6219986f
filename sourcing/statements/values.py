"""
The values the checker is given, one type per kind of value: plain, hashable data (a verdict is
cached per value and passage), built from stored records by ``models.provenance``.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Named:
    """A company or plant as a passage may name it: its name, then its aliases."""

    names: tuple

    @property
    def label(self):
        return self.names[0]


@dataclass(frozen=True)
class Figure:
    """A number with its unit ("%", "GWh/yr", "EUR", "jobs") and its bound ("exact", "up_to"...)."""

    value: Decimal | float | int
    unit: str
    qualifier: str = "exact"


@dataclass(frozen=True)
class PartialDate:
    """A date stored as the first day of its period, at its precision ("year", "month", "day")."""

    date: datetime.date
    precision: str


@dataclass(frozen=True)
class Year:
    year: int


@dataclass(frozen=True)
class Place:
    """
    A city or region by its name, or a country by its ISO code (``level``: which of them);
    ``country``: the code of the country a city or region lies in, when known.
    """

    name: str
    level: str
    country: str = ""


@dataclass(frozen=True)
class Term:
    """A choice from a vocabulary: ``Term("agreement_kind", "supply")``."""

    vocabulary: str
    value: str


@dataclass(frozen=True)
class Role:
    """The role of a company in an agreement ("supplier"): the passage must name the company."""

    role: str
    party: Named
