"""
Known names: every company and plant the database knows, by name or alias, found on whole words
with the folding search uses (case, accents, typography), each linked to its record.

The index (``name_index.NameIndex``) is built once per process and rebuilt only when a cheap
signature of the four name tables changes (see ``_Cache``).
"""

import threading
import time

from django.db import connection
from django.db.models import Max, Min, Sum
from django.db.models.functions import Length
from django.db.models.signals import post_delete, post_save

from ..models import Company, CompanyAlias, Plant, PlantAlias
from .name_index import Named, NameIndex, needs_capital

__all__ = ["NameIndex", "Named", "current_index", "index_builds"]


def build_index():
    companies = {
        pk: (slug, name) for pk, slug, name in Company.objects.values_list("pk", "slug", "name")
    }
    entries = []
    for pk, (slug, name) in companies.items():
        entries.append((name, Named("company", pk, slug, name, False, needs_capital(name))))
    # The aliases of published companies and plants: a pending version's copies are no names.
    published = CompanyAlias.objects.filter(company__pending_of__isnull=True)
    for company_id, alias in published.values_list("company_id", "name"):
        slug, name = companies[company_id]
        entries.append(
            (alias, Named("company", company_id, slug, name, True, needs_capital(alias)))
        )
    plants = dict(Plant.objects.values_list("pk", "name"))
    for pk, name in plants.items():
        entries.append((name, Named("plant", pk, None, name, False, needs_capital(name))))
    published = PlantAlias.objects.filter(plant__pending_of__isnull=True)
    for plant_id, alias in published.values_list("plant_id", "name"):
        name = plants[plant_id]
        entries.append((alias, Named("plant", plant_id, None, name, True, needs_capital(alias))))
    return NameIndex(entries)


NAME_MODELS = (Company, CompanyAlias, Plant, PlantAlias)
# How often a process re-reads every name table in full, to see renames made by other processes.
FULL_CHECK_SECONDS = 5.0


def name_tables_counts():
    """
    Rows and highest id of each name table, in one query. Each is its own subquery: the
    databases answer a lone COUNT(*) or MAX(id) from an index, but not the two together.
    """
    quote = connection.ops.quote_name
    parts = []
    for model in NAME_MODELS:
        table, key = quote(model._meta.db_table), quote(model._meta.pk.column)
        parts.append(f"(SELECT COUNT(*) FROM {table}), (SELECT MAX({key}) FROM {table})")
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(cursor.fetchone())


def name_tables_signature():
    """
    What changes whenever a name is added, changed or removed, read in full (a scan of each
    table): saves bump versions; the lengths and the first and last names tell apart tables that
    a rolled-back transaction refilled with other names under the same ids (SQLite reuses them).
    """
    return tuple(
        tuple(
            model.objects.aggregate(
                saves=Sum("version"),
                letters=Sum(Length("name")),
                first=Min("search_name"),
                last=Max("search_name"),
            ).values()
        )
        for model in NAME_MODELS
    )


class RebuiltWhenNamesChange:
    """
    A value ``build()`` makes from the name tables, kept by the process and built again when
    the names change: at once when this process saves or deletes a name (signals), when the row
    counts or highest ids differ (checked on every call: another process added or removed a
    name), and when a full read of the tables, done at most every FULL_CHECK_SECONDS, differs
    (another process renamed one). The engine's name index and the reconciliation service's word
    counts are kept by this one rule.
    """

    def __init__(self, build, name):
        self.build = build
        self.lock = threading.Lock()
        self.counts = None
        self.signature = None
        self.checked_at = 0.0
        self.changed_here = True
        self.value = None
        self.builds = 0  # how many times the value was built (benchmarks and tests read it)
        for model in NAME_MODELS:
            uid = f"{name}-{model.__name__}"
            post_save.connect(self.name_saved, sender=model, dispatch_uid=uid)
            post_delete.connect(self.name_saved, sender=model, dispatch_uid=f"{uid}-deleted")

    def get(self):
        counts = name_tables_counts()
        with self.lock:
            full = time.monotonic() - self.checked_at >= FULL_CHECK_SECONDS
            stale = self.value is None or self.changed_here or counts != self.counts
            signature = name_tables_signature() if full or stale else self.signature
            if stale or signature != self.signature:
                self.changed_here = False
                self.value = self.build()
                self.builds += 1
            self.counts, self.signature = counts, signature
            if full or stale:
                self.checked_at = time.monotonic()
            return self.value

    def name_saved(self, **kwargs):
        self.changed_here = True


_cache = RebuiltWhenNamesChange(build_index, "suggest")


def current_index():
    """The name index for the names now in the database (rebuilt only when they changed)."""
    return _cache.get()


def index_builds():
    return _cache.builds
