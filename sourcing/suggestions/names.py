"""
Known names: every company and plant the database knows, by name or alias, found on whole words
with the folding search uses (case, accents, typography), each linked to its record.

The index maps each name, as the tuple of its folded words, to its records, so a text is read in
one pass over its words: at each word, only the name lengths that start with that word are tried,
longest first. It is built once per process and rebuilt only when a cheap signature of the four
name tables changes (see ``name_tables_signature``).
"""

import threading
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Sum
from django.db.models.functions import Length

from ..models import Company, CompanyAlias, Plant, PlantAlias
from .text import folded_words


@dataclass(frozen=True)
class Named:
    """A record a name stands for, and whether that name needs a capital in the text."""

    kind: str  # "company" or "plant"
    id: int
    slug: str | None
    name: str
    is_alias: bool
    needs_capital: bool  # "Mobilize", not the verb "mobilize"

    def reference(self):
        return {"id": self.id, "slug": self.slug, "name": self.name}


@dataclass(frozen=True)
class NameMatch:
    first: int  # index of the first word
    last: int  # index past the last word
    named: Named


def _needs_capital(form):
    words = form.split()
    return len(words) == 1 and any(char.isupper() for char in form)


class NameIndex:
    def __init__(self, entries):
        """``entries``: (form as written in the database, Named) pairs."""
        self.by_words = {}
        lengths = {}
        for form, named in entries:
            words = folded_words(form)
            if not words:
                continue
            self.by_words.setdefault(words, []).append(named)
            lengths.setdefault(words[0], set()).add(len(words))
        for records in self.by_words.values():
            # The record named, rather than aliased, first; then companies; then by id.
            records.sort(key=lambda n: (n.is_alias, n.kind != "company", n.id))
        self.lengths = {word: sorted(sizes, reverse=True) for word, sizes in lengths.items()}

    def __len__(self):
        return len(self.by_words)

    def find(self, words, text):
        """Leftmost-longest known names among ``words`` (``text.tokens`` of ``text``)."""
        matches = []
        index = 0
        folded = [word.folded for word in words]
        while index < len(words):
            found = self._longest_at(words, folded, index, text)
            if found is None:
                index += 1
                continue
            matches.append(found)
            index = found.last
        return matches

    def _longest_at(self, words, folded, index, text):
        for size in self.lengths.get(folded[index], ()):
            key = tuple(folded[index : index + size])
            records = self.by_words.get(key) if len(key) == size else None
            if not records:
                continue
            passage = text[words[index].start : words[index + size - 1].end]
            if all(r.needs_capital for r in records) and not any(c.isupper() for c in passage):
                continue
            return NameMatch(index, index + size, records[0])
        return None

    def knows(self, name):
        return folded_words(name) in self.by_words


def build_index():
    companies = {
        pk: (slug, name) for pk, slug, name in Company.objects.values_list("pk", "slug", "name")
    }
    entries = []
    for pk, (slug, name) in companies.items():
        entries.append((name, Named("company", pk, slug, name, False, _needs_capital(name))))
    for company_id, alias in CompanyAlias.objects.values_list("company_id", "name"):
        slug, name = companies[company_id]
        entries.append(
            (alias, Named("company", company_id, slug, name, True, _needs_capital(alias)))
        )
    plants = dict(Plant.objects.values_list("pk", "name"))
    for pk, name in plants.items():
        entries.append((name, Named("plant", pk, None, name, False, _needs_capital(name))))
    for plant_id, alias in PlantAlias.objects.values_list("plant_id", "name"):
        name = plants[plant_id]
        entries.append((alias, Named("plant", plant_id, None, name, True, _needs_capital(alias))))
    return NameIndex(entries)


def name_tables_signature():
    """
    What changes whenever a name is added, changed or removed: one small query per table. Saves
    bump versions; the lengths and the first and last names tell apart tables that a rolled-back
    transaction refilled with other names under the same ids (SQLite reuses them).
    """
    return tuple(
        tuple(
            model.objects.aggregate(
                count=Count("pk"),
                top=Max("pk"),
                saves=Sum("version"),
                letters=Sum(Length("name")),
                first=Min("search_name"),
                last=Max("search_name"),
            ).values()
        )
        for model in (Company, CompanyAlias, Plant, PlantAlias)
    )


class _Cache:
    def __init__(self):
        self.lock = threading.Lock()
        self.signature = None
        self.index = None
        self.builds = 0  # how many times the index was built (benchmarks and tests read it)

    def get(self):
        signature = name_tables_signature()
        with self.lock:
            if self.index is None or signature != self.signature:
                self.index = build_index()
                self.signature = signature
                self.builds += 1
            return self.index


_cache = _Cache()


def current_index():
    """The name index for the names now in the database (rebuilt only when they changed)."""
    return _cache.get()


def index_builds():
    return _cache.builds
