"""
Small factory functions for tests: each makes a valid record and takes overrides. Also the small
shared world of the API tests (``build_world``), built once per module by conftest's fixtures.
"""

import csv
import datetime
import functools
import importlib
import io
import itertools
import json
import urllib.parse
from decimal import Decimal
from types import SimpleNamespace

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import reverse

from sourcing.api import filters
from sourcing.models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    Company,
    CompanyAlias,
    NonEditorialSpan,
    Plant,
    PlantCapacity,
    PlantMilestone,
    QuantityQualifier,
    ReviewStatus,
    Stake,
    VehicleProgramme,
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


def make_plant_wording_records():
    """The companies and the plant the engine's plant wording tests name."""
    from sourcing.models import Company

    acme = make_company("Acme Cells", kind=Company.Kind.CELL_MAKER, country="FR")
    make_company("Norda Energy", kind=Company.Kind.CELL_MAKER, country="SE")
    make_company("Moravia Auto", kind=Company.Kind.CARMAKER, country="CZ")
    make_plant(name="Acme Cells Vierzon", operator=acme, city="Vierzon", country="FR")


def make_wording_companies():
    """The companies the engine's wording tests name (tests/test_suggestions_deals_wording.py)."""
    from sourcing.models import Company

    make_company("Moravia Auto", kind=Company.Kind.CARMAKER, country="CZ")
    make_company("Pellucell", kind=Company.Kind.CELL_MAKER, country="FR")
    make_company("Fjord Kapital", kind=Company.Kind.INVESTOR, country="NO")
    make_company("Halden Fonds", kind=Company.Kind.INVESTOR, country="FR")
    make_company("Lumeo Chemicals", kind=Company.Kind.INDUSTRIAL, country="DE")


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
DRAFT = ReviewStatus.DRAFT
BUYER, SUPPLIER, PARTNER = (
    AgreementParty.Role.BUYER,
    AgreementParty.Role.SUPPLIER,
    AgreementParty.Role.PARTNER,
)


PASSWORD = "correct horse battery staple"

# Tests log in as users they create, and check how logins behave, never how passwords are stored:
# they hash with MD5, the production hasher (PBKDF2, a million rounds) taking half a second a user.
# conftest applies it to every test, sqlite_file_scenarios to its own process.
TEST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
    ("0010_value_bases_and_not_stated_choices", "let_editors_and_reviewers_edit_value_bases"),
    ("0020_plant_figures", "let_editors_and_reviewers_edit_plant_figures"),
    ("0021_value_confirmations", "let_reviewers_confirm_values"),
    ("0025_company_figures", "let_editors_and_reviewers_edit_company_figures"),
]


def make_editorial_groups(using=DEFAULT_DB_ALIAS):
    """
    The Editors and Reviewers groups exactly as the migrations make them, if they are missing:
    conftest calls it after each flush that ends a transactional test, which empties the tables
    data migrations filled.
    """
    groups = Group.objects.using(using).filter(name__in=["Editors", "Reviewers"])
    if groups.count() == 2:
        return
    database = connections[using]
    for name, function in GROUP_MIGRATIONS:
        migration = importlib.import_module(f"sourcing.migrations.{name}")
        apps = historical_models(using, name)
        getattr(migration, function)(apps, SimpleNamespace(connection=database))


@functools.cache
def historical_models(using, migration_name):
    """
    The models as the migration ``migration_name`` of sourcing saw them. Rendered once a process:
    the migrations do not change during a run, and rendering them took half a second of every
    flush.
    """
    return MigrationLoader(connections[using]).project_state(("sourcing", migration_name)).apps


def build_world():
    """
    A small database covering each filter: verified records, drafts, and verified records that
    point at drafts. Returns a namespace of the records by short name.
    """
    w = SimpleNamespace()
    w.a_en = make_article(
        title="Renault and Verkor sign",
        publisher="Renault Group",
        language="en",
        published_on=datetime.date(2021, 6, 28),
        published_precision="day",
    )
    w.a_fr = make_article(
        title="Verkor fournira 12 GWh",
        publisher="Les Echos",
        language="fr",
        published_on=datetime.date(2023, 4, 1),
        published_precision="month",
        body="Le groupe Renault, « le Losange », et Verkor : un partenariat de long terme. "
        "Commentaires des lecteurs : super <b>article</b> & co",
    )
    NonEditorialSpan.objects.create(
        article=w.a_fr, kind=NonEditorialSpan.Kind.READER_COMMENTS, start=77, end=len(w.a_fr.body)
    )
    w.a_year = make_article(
        title="Annual review",
        publisher="Battery Weekly",
        published_on=datetime.date(2021, 1, 1),
        published_precision="year",
    )
    w.a_undated = make_article(title="Undated note", publisher="Battery Weekly")

    verified = {"review_status": VERIFIED}
    w.renault = make_company(
        "Renault Group", aliases=["le Losange"], slug="renault-group", **verified
    )
    w.verkor = make_company("Verkor", kind=Company.Kind.CELL_MAKER, slug="verkor", **verified)
    w.ampere = make_company(
        "Ampère", kind=Company.Kind.BUSINESS_UNIT, slug="ampere", parent=w.renault, **verified
    )
    w.envision = make_company(
        "Envision AESC",
        aliases=["AESC Envision"],
        kind=Company.Kind.CELL_MAKER,
        country="cn",
        slug="envision-aesc",
        **verified,
    )
    w.bank = make_company("EIB", kind=Company.Kind.BANK, country="LU", slug="eib", **verified)
    w.secret = make_company("Secret Motors", slug="secret-motors", review_status=DRAFT)
    w.child_of_secret = make_company(
        "Secret Subsidiary", slug="secret-subsidiary", parent=w.secret, **verified
    )

    w.dunkirk = make_plant(
        operator=w.verkor, name="Verkor Dunkirk gigafactory", city="Dunkirk", **verified
    )
    PlantCapacity.objects.create(plant=w.dunkirk, gwh_per_year=16, year=2025, basis="initial")
    w.dunkirk_target = PlantCapacity.objects.create(
        plant=w.dunkirk, gwh_per_year=50, year=2030, qualifier=QuantityQualifier.UP_TO
    )
    w.dunkirk_start = PlantMilestone.objects.create(
        plant=w.dunkirk, kind=PlantMilestone.Kind.OPERATION_START, year=2025
    )
    w.douai = make_plant(
        operator=w.envision, name="Douai plant", kind=Plant.Kind.CELL_GIGAFACTORY, **verified
    )
    PlantCapacity.objects.create(
        plant=w.douai, gwh_per_year=9, year=2024, qualifier=QuantityQualifier.ABOUT
    )
    w.secret_plant_op = make_plant(
        operator=w.secret,
        name="Plant of a draft operator",
        country="DE",
        kind=Plant.Kind.VEHICLE_ASSEMBLY,
        status=Plant.Status.OPERATING,
        **verified,
    )
    w.draft_plant = make_plant(operator=w.verkor, name="Draft plant", review_status=DRAFT)

    w.supply = make_agreement(
        parties=[(w.renault, BUYER), (w.verkor, SUPPLIER)],
        title="Renault–Verkor battery supply",
        kind=Agreement.Kind.SUPPLY,
        announced_on=datetime.date(2021, 6, 28),
        announced_precision="day",
        plant=w.dunkirk,
        **verified,
    )
    w.supply_volume = AgreementVolume.objects.create(
        agreement=w.supply, gwh_per_year=12, qualifier=QuantityQualifier.ABOUT, year=2025
    )
    w.programme = VehicleProgramme.objects.create(
        name="Alpine GT crossover", review_status=VERIFIED
    )
    w.draft_programme = VehicleProgramme.objects.create(name="Secret car", review_status=DRAFT)
    w.supply.programmes.add(w.programme, w.draft_programme)
    w.envision_deal = make_agreement(
        parties=[(w.renault, BUYER), (w.envision, SUPPLIER)],
        title="Coopération Renault Envision",
        kind=Agreement.Kind.PARTNERSHIP,
        status=Agreement.Status.ACTIVE,
        announced_on=datetime.date(2021, 1, 1),
        announced_precision="year",
        **verified,
    )
    AgreementVolume.objects.create(
        agreement=w.envision_deal, gwh_per_year=20, qualifier=QuantityQualifier.UP_TO
    )
    w.with_secret = make_agreement(
        parties=[(w.renault, PARTNER), (w.secret, PARTNER)],
        title="Renault and a draft company",
        kind=Agreement.Kind.COOPERATION,
        announced_on=datetime.date(2023, 4, 1),
        announced_precision="month",
        plant=w.draft_plant,
        **verified,
    )
    w.draft_deal = make_agreement(
        parties=[(w.renault, BUYER), (w.verkor, SUPPLIER)],
        title="Draft Renault–Verkor deal",
        review_status=DRAFT,
    )
    w.undated_deal = make_agreement(
        parties=[(w.verkor, PARTNER), (w.bank, PARTNER)], title="EIB loan to Verkor", **verified
    )

    w.renault_in_verkor = make_stake(
        w.renault,
        w.verkor,
        share_min=20,
        share_min_exclusive=True,
        as_of=datetime.date(2021, 1, 1),
        as_of_precision="year",
        **verified,
    )
    w.bank_in_verkor = make_stake(w.bank, w.verkor, share_exact=Decimal("5.5"), **verified)
    w.range_stake = make_stake(w.bank, w.envision, share_min=10, share_max=30, **verified)
    w.ceiling_stake = make_stake(w.renault, w.envision, share_max=15, **verified)
    w.draft_stake = make_stake(w.bank, w.renault, share_exact=50, review_status=DRAFT)
    w.stake_of_secret = make_stake(w.secret, w.verkor, share_exact=40, **verified)

    # The factory's article body holds every English quote below.
    w.c_partnership = cite(w.supply, w.a_en, "long-term commercial partnership", field="kind")
    w.c_volume = cite(w.supply_volume, w.a_en, "equivalent of 12 GWh")
    w.c_stake = cite(w.renault_in_verkor, w.a_en, "over 20%")
    w.c_capacity = cite(w.dunkirk_target, w.a_year, "Verkor will supply")
    w.c_milestone = cite(w.dunkirk_start, w.a_year, "each year")
    w.c_losange = cite(w.renault, w.a_fr, "« le Losange »")
    w.c_secret = cite(w.secret, w.a_fr, "Le groupe Renault")
    w.c_draft_deal = cite(w.draft_deal, w.a_en, "Renault Group and Verkor")
    return w


def run_seed(**options):
    """Runs the ``seed`` command; returns what it wrote to stdout and to stderr."""
    out, err = io.StringIO(), io.StringIO()
    call_command("seed", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


# -- Reading API replies (in-process and over a socket) --------------------------------------------


RESOURCES = {
    "articles": filters.ArticleFilter,
    "companies": filters.CompanyFilter,
    "stakes": filters.StakeFilter,
    "agreements": filters.AgreementFilter,
    "plants": filters.PlantFilter,
}


class Reply:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def content_type(self):
        return self.headers.get("Content-Type", "")

    def json(self):
        assert self.content_type == "application/json", (self.status, self.content_type)
        return json.loads(self.body)

    def ids(self):
        assert self.status == 200, self.body[:500]
        return [record["id"] for record in self.json()["results"]]


def rows_of(reply):
    assert reply.status == 200, reply.body[:300]
    assert reply.content_type == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(reply.body.decode("utf-8"))))


SITE = "http://testserver"


def fetch_in_process(url, params=(), *, raw_query=None):
    """
    A GET through Django's test client, read like test_api_http's ``fetch`` over a socket.

    ``params``: a dict or a list of pairs (for repeated names); ``raw_query`` is sent as is.
    """
    query = raw_query if raw_query is not None else urllib.parse.urlencode(params, doseq=True)
    response = Client().get(f"{url}?{query}" if query else url)
    return Reply(response.status_code, response.headers, response.content)


# -- Reading and posting admin pages ----------------------------------------------------


def _encode(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value)


def changeform_data(response):
    """The POST data of an admin change form as it was rendered: what "Save" sends unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    # simple-history's revert form has no inlines.
    for inline in response.context.get("inline_admin_formsets", []):
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = _encode(management[name].value())
        forms.extend(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            encoded = _encode(form[name].value())
            if encoded is not None:
                data[form.add_prefix(name)] = encoded
    return data


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def client_for(client, user):
    client.force_login(user)
    return client


def error_text(response):
    """The errors an admin form page shows, as one string."""
    context = response.context
    errors = list(context["adminform"].form.non_field_errors())
    errors += [str(error) for error in context["adminform"].form.errors.values()]
    for inline in context.get("inline_admin_formsets", []):
        errors += [str(error) for error in inline.formset.errors if error]
        errors += list(inline.formset.non_form_errors())
    return " ".join(str(error) for error in errors)


def edit(path, old, new):
    """Replace the first ``old`` in the text file at ``path`` (which must contain it) by ``new``."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the curation file no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def desk_act(client, article, **payload):
    """POST one curation-desk action as desk.js sends it, at the article's current version."""
    payload.setdefault("version", Article.objects.get(pk=article.pk).version)
    return client.post(
        reverse("admin:sourcing_article_desk_act", args=[article.pk]),
        json.dumps(payload),
        content_type="application/json",
    )
