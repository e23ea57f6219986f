"""
The two kinds of entity that reconciliation offers, companies and plants, and their ids.

An entity's id is its type and primary key, "company:12" or "plant:3" (as the network's nodes
are named): stable across renames and merges' slugs, and one id space for both types. Only
verified records are entities: reconciliation joins other people's data to what we publish.
"""

from dataclasses import dataclass

from ..api.visibility import visible
from ..models import Company, Plant
from .names import GENERIC_COMPANY_WORDS, GENERIC_PLANT_WORDS, plain_words, reduce_name


@dataclass(frozen=True)
class Listed:
    """A type or a property as the service lists them (manifest, suggest, properties)."""

    id: str
    name: str
    description: str

    def as_json(self):
        return {"id": self.id, "name": self.name, "description": self.description}


@dataclass(frozen=True)
class EntityType(Listed):
    model: type
    generic_words: frozenset

    def records(self):
        """The records the public sees: verified ones (anonymous readers' visibility)."""
        return visible(self.model.objects.all(), None)

    def entity_id(self, record):
        return f"{self.id}:{record.pk}"

    def names_of(self, record):
        """The record's name and aliases, reduced; aliases must be prefetched."""
        texts = [record.name, *(alias.name for alias in record.aliases.all())]
        return [reduce_name(text, self.generic_words) for text in dict.fromkeys(texts)]

    def context_words(self, record):
        """
        Words a query may add to a name without naming another record: a plant's city and
        region ("Northvolt Drei Heide"). A company has none: "Siemens Energy" is not Siemens.
        """
        places = [getattr(record, field, "") for field in ("city", "region")]
        return tuple(word for place in places if place for word in plain_words(place))


COMPANY = EntityType(
    "company",
    "Company",
    "A company, group, brand or business unit of the battery industry.",
    Company,
    GENERIC_COMPANY_WORDS,
)
PLANT = EntityType(
    "plant",
    "Plant",
    "A battery cell, module or vehicle plant, built, planned or closed.",
    Plant,
    GENERIC_PLANT_WORDS,
)
TYPES = {entity_type.id: entity_type for entity_type in (COMPANY, PLANT)}
# Every id is the type's, a colon and a primary key that fits PostgreSQL's integer.
MAX_PK = 2**31 - 1


def parse_entity_id(text):
    """(type, pk) for "company:12"; None for anything that is not an entity id."""
    type_id, _, number = str(text).strip().partition(":")
    if type_id not in TYPES or not number.isascii() or not number.isdigit():
        return None
    pk = int(number)
    return (TYPES[type_id], pk) if 0 < pk <= MAX_PK else None


def find_entity(text):
    """The verified record an entity id names, with its type; (None, None) otherwise."""
    parsed = parse_entity_id(text)
    if parsed is None:
        return None, None
    entity_type, pk = parsed
    return entity_type, entity_type.records().filter(pk=pk).first()
