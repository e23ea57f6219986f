"""Small factory functions for tests: each makes a valid record and takes overrides."""

import importlib
import itertools
from types import SimpleNamespace

from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from sourcing.models import (
    Agreement,
    AgreementParty,
    Article,
    Citation,
    Company,
    CompanyAlias,
    Plant,
    ReviewStatus,
    Stake,
)

_sequence = itertools.count(1)

ARTICLE_BODY = (
    "Renault Group and Verkor have entered a long-term commercial partnership. "
    "Verkor will supply Renault Group with the equivalent of 12\u00a0GWh of batteries each year. "
    "Renault Group’s stake – taken in 2021 – is “over 20%”."
)


def make_article(**overrides):
    n = next(_sequence)
    fields = {
        "title": f"Article {n}",
        "publisher": "Renault Group",
        "language": "en",
        "source_filename": f"{n:03d}_test.txt",
        "body": f"{ARTICLE_BODY} (copy {n})",
    }
    fields.update(overrides)
    return Article.objects.create(**fields)


def make_company(name=None, aliases=(), **overrides):
    name = name or f"Company {next(_sequence)}"
    fields = {"name": name, "kind": Company.Kind.CARMAKER, "country": "FR"}
    fields.update(overrides)
    company = Company.objects.create(**fields)
    for alias in aliases:
        CompanyAlias.objects.create(company=company, name=alias)
    return company


def make_stake(holder=None, target=None, **overrides):
    fields = {
        "holder": holder or make_company(),
        "target": target or make_company(kind=Company.Kind.CELL_MAKER),
        "status": Stake.Status.COMPLETED,
    }
    fields.update(overrides)
    return Stake.objects.create(**fields)


def make_plant(operator=None, **overrides):
    fields = {
        "name": f"Plant {next(_sequence)}",
        "operator": operator,
        "kind": Plant.Kind.CELL_GIGAFACTORY,
        "status": Plant.Status.ANNOUNCED,
        "country": "FR",
    }
    fields.update(overrides)
    return Plant.objects.create(**fields)


def make_agreement(parties=(), **overrides):
    """``parties`` is a sequence of (company, role) pairs."""
    fields = {
        "title": f"Agreement {next(_sequence)}",
        "kind": Agreement.Kind.SUPPLY,
        "status": Agreement.Status.SIGNED,
    }
    fields.update(overrides)
    agreement = Agreement.objects.create(**fields)
    for company, role in parties:
        AgreementParty.objects.create(agreement=agreement, company=company, role=role)
    return agreement


def cite(record, article, quote, field=""):
    return Citation.objects.create(record=record, article=article, quote=quote, field=field)


VERIFIED = ReviewStatus.VERIFIED


PASSWORD = "correct horse battery staple"


def make_user(username, *groups, **overrides):
    """A staff member of the named groups ("Editors", "Reviewers"), with password PASSWORD."""
    fields = {"is_staff": True}
    fields.update(overrides)
    user = User.objects.create_user(username=username, password=PASSWORD, **fields)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


# The data migrations that make the editorial groups and grant them permissions, in order.
GROUP_MIGRATIONS = [
    ("0002_editor_and_reviewer_groups", "create_groups"),
    ("0006_plant_aliases_and_plant_search", "let_editors_and_reviewers_edit_plant_aliases"),
    ("0007_value_bases_and_not_stated_choices", "let_editors_and_reviewers_edit_value_bases"),
]


def make_editorial_groups():
    """
    The Editors and Reviewers groups exactly as the migrations make them, if they are missing.

    Tests that run with ``transaction=True`` start from a database an earlier one may have
    flushed, which empties the tables that data migrations filled.
    """
    if Group.objects.filter(name__in=["Editors", "Reviewers"]).count() == 2:
        return
    for name, function in GROUP_MIGRATIONS:
        migration = importlib.import_module(f"sourcing.migrations.{name}")
        state = MigrationLoader(connection).project_state(("sourcing", name))
        getattr(migration, function)(state.apps, SimpleNamespace(connection=connection))
