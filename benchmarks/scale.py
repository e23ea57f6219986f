"""
The API and the editors' pages at scale: builds realistic data of two sizes, measures the
requests consumers make and the pages editors open (every admin list, its search box, the
curation desk of an article) on both in one interleaved run, and compares the 100-row agreements
page and the bulk export with a raw ``.values()`` + orjson baseline. Prints figures; asserts
nothing (timings are read, not tested).

    .venv/bin/python benchmarks/scale.py --database-url postgres://postgres@127.0.0.1:5432/x \\
        --small 1000 --large 100000 --runs 20 [--json]

Two throwaway databases (``<name>_small`` and ``<name>_large`` on the server of the URL, or two
SQLite files in a temporary folder for a ``sqlite://`` URL) are created, migrated, filled by bulk
insert and dropped at the end (``--keep-databases`` keeps them, and a later run with it measures
them again instead of building them anew: compare code before and after a change on the same
data). Sizes scale from the number of agreements: a company per five
agreements (two aliases each), an article per ten, a stake per ten, a plant per fifty, parties
skewed towards a few large companies, and about ten citations per agreement (on the agreement,
its parties and volumes) whose quotes occur in their article at their offsets.

Reconciliation: batches of ``RECONCILE_BATCH`` queries (names of the database's companies with a
legal form added, in capitals, with a typo, or by alias, and names of no company) posted to
``/api/v1/reconcile/`` as OpenRefine posts them, ``--runs`` batches a size, reported as the p50
and p95 of a whole batch. ``--reconcile-only`` builds the large database alone and measures just
that (at the default size: 20,000 companies and 40,000 aliases).
"""

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

BATCH = 5000
STAFF_USER = "bench-editor"
# The editors' pages should answer in under this, at the large size (issue 19).
STAFF_TARGET_MS = 300
STATIC_FILES_AS_IN_THE_TREE = "django.contrib.staticfiles.storage.StaticFilesStorage"
WORDS = [
    "battery", "cells", "supply", "plant", "capacity", "partnership", "gigafactory", "lithium",
    "cathode", "anode", "module", "electric", "vehicle", "production", "agreement", "investment",
]  # fmt: skip


def database_urls(url, tmp):
    """The URLs of the small and large databases, beside the one given."""
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return {size: f"sqlite:///{tmp}/{size}.sqlite3" for size in ("small", "large")}
    name = parts.path.lstrip("/") or "scale"
    return {size: urlunsplit(parts._replace(path=f"/{name}_{size}")) for size in ("small", "large")}


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    # Production settings: with DEBUG on, Django keeps every query in memory.
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    # The test client speaks plain HTTP: production's redirect to HTTPS would answer every request.
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # The editors' pages link their static files; without a collectstatic step, by plain names.
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": STATIC_FILES_AS_IN_THE_TREE}}
    override_settings(STORAGES=storages).enable()


def on_server(url, *statements):
    """
    Run ``statements``, ``{name}`` standing for the database of ``url``, from its PostgreSQL
    server's ``postgres`` database (a database cannot be created or dropped over a connection to
    itself). A SQLite database is a file its first connection creates: nothing to run.
    """
    import psycopg

    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement.format(name=name))


def create_database(url):
    on_server(url, 'DROP DATABASE IF EXISTS "{name}"', 'CREATE DATABASE "{name}"')


def drop_database(url):
    on_server(url, 'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def use_database(url):
    """Point Django's default connection at ``url`` (closing the current one)."""
    import environ
    from django.db import connections

    connections["default"].close()
    connections["default"].settings_dict.update(environ.Env.db_url_config(url))


# -- Building the data ----------------------------------------------------------------------------


def sentence(rng, *names):
    words = rng.sample(WORDS, 6)
    figure = f"{rng.randint(1, 99)} GWh by {rng.randint(2024, 2035)}"
    return f"{' and '.join(names)} {' '.join(words)} {figure}."


def build(agreement_count, seed=42):
    """Fill the current (migrated, empty) database; returns what the requests need."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from sourcing import models as m
    from sourcing.text.search import fold_for_search

    rng = random.Random(seed)
    verified = m.ReviewStatus.VERIFIED
    n_companies = max(agreement_count // 5, 20)
    with transaction.atomic():
        companies = m.Company.objects.bulk_create(
            (
                m.Company(
                    name=f"Company {i} {rng.choice(WORDS).title()}",
                    slug=f"company-{i}",
                    search_name=fold_for_search(f"Company {i}"),
                    kind=rng.choice(m.Company.Kind.values),
                    country=rng.choice(["FR", "DE", "CN", "KR", "JP", "US", ""]),
                    review_status=verified if rng.random() < 0.95 else m.ReviewStatus.DRAFT,
                )
                for i in range(n_companies)
            ),
            batch_size=BATCH,
        )
        m.CompanyAlias.objects.bulk_create(
            (
                m.CompanyAlias(company=c, name=name, search_name=fold_for_search(name))
                for c in companies
                for name in (f"{c.name} Group", f"Société {c.pk} {rng.choice(WORDS)}")
            ),
            batch_size=BATCH,
        )
        articles = []
        for i in range(max(agreement_count // 10, 5)):
            chosen = rng.sample(companies, 6)
            sentences = [
                sentence(rng, a.name, b.name) for a, b in zip(chosen, chosen[1:], strict=False)
            ]
            body = " ".join(sentences * 4)
            articles.append(
                m.Article(
                    title=f"Article {i}: {chosen[0].name} {rng.choice(WORDS)}",
                    language=rng.choice(["en", "fr"]),
                    source_filename=f"scale_{i:07d}.txt",
                    body=body,
                    content_hash=m.Article.hash_body(body),
                    search_text=fold_for_search(body),
                )
            )
        articles = m.Article.objects.bulk_create(articles, batch_size=1000)
        plants = m.Plant.objects.bulk_create(
            (
                m.Plant(
                    name=f"Gigafactory {i}",
                    search_name=fold_for_search(f"Gigafactory {i}"),
                    operator=rng.choice(companies),
                    kind=m.Plant.Kind.CELL_GIGAFACTORY,
                    status=rng.choice(m.Plant.Status.values),
                    country="FR",
                    review_status=verified,
                )
                for i in range(max(agreement_count // 50, 2))
            ),
            batch_size=BATCH,
        )
        build_records(rng, agreement_count, companies, articles, plants)
        log_every_record()
        ContentType.objects.clear_cache()
        get_user_model().objects.create_superuser(STAFF_USER, "bench@example.org", None)
    analyze()
    return context_of_built_database()


def context_of_built_database():
    """What the requests need, read back from a database ``build`` filled (then or earlier)."""
    from sourcing import models as m

    companies = m.Company.objects.order_by("pk").values_list("pk", "name", "slug")
    articles = m.Article.objects.order_by("pk").values_list("pk", flat=True)
    middle_company = companies[companies.count() // 2]
    return {
        "rare_name": companies.reverse()[0][1],
        "alias": f"Société {middle_company[0]}",
        "busy_company": companies[0][2],
        "article": articles[articles.count() // 2],
        "agreements": m.Agreement.objects.count(),
        "visible_agreements": m.Agreement.objects.filter(
            review_status=m.ReviewStatus.VERIFIED
        ).count(),
        "last_page_cursor": last_page_cursor(),
    }


def is_built(url, agreement_count):
    """Whether the database at ``url`` exists and holds a data set ``build`` made of that size."""
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    from sourcing import models as m

    use_database(url)
    try:
        return (
            get_user_model().objects.filter(username=STAFF_USER).exists()
            and m.Agreement.objects.count() == agreement_count
        )
    except DatabaseError:  # no such database, or not migrated
        return False


def analyze():
    """
    Planner statistics for the bulk-loaded tables, as autovacuum gathers them soon after such a
    load in production. Measured before them, PostgreSQL guessed plans from empty tables: the
    parties of the last agreements page took 50 ms (a walk of every verified company), 1 ms after.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def build_records(rng, agreement_count, companies, articles, plants):
    from django.contrib.contenttypes.models import ContentType

    from sourcing import models as m
    from sourcing.text.search import fold_for_search

    verified = m.ReviewStatus.VERIFIED
    # Skewed: the first companies are parties to many agreements, most to a few.
    weights = [1 / (rank + 1) for rank in range(len(companies))]
    agreements = m.Agreement.objects.bulk_create(
        (
            m.Agreement(
                title=f"{rng.choice(['Supply', 'Joint venture', 'Partnership'])} {i}",
                search_title=fold_for_search(f"supply {i}"),
                kind=rng.choice(m.Agreement.Kind.values),
                status=rng.choice(m.Agreement.Status.values),
                announced_on=f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-01",
                announced_precision="month",
                start_year=rng.choice([None, 2025, 2026, 2027]),
                plant=rng.choice(plants) if rng.random() < 0.2 else None,
                review_status=verified if rng.random() < 0.95 else m.ReviewStatus.DRAFT,
            )
            for i in range(agreement_count)
        ),
        batch_size=BATCH,
    )
    parties, volumes = [], []
    for agreement in agreements:
        for company in set(rng.choices(companies, weights, k=rng.choice([2, 2, 2, 3]))):
            parties.append(m.AgreementParty(agreement=agreement, company=company, role="partner"))
        if rng.random() < 0.5:
            volumes.append(m.AgreementVolume(agreement=agreement, gwh_per_year=rng.randint(1, 60)))
    parties = m.AgreementParty.objects.bulk_create(parties, batch_size=BATCH)
    volumes = m.AgreementVolume.objects.bulk_create(volumes, batch_size=BATCH)
    stakes = m.Stake.objects.bulk_create(
        (
            m.Stake(
                holder=holder,
                target=target,
                share_exact=rng.randint(1, 100),
                status="completed",
                review_status=verified,
            )
            for holder, target in (rng.sample(companies, 2) for _ in range(agreement_count // 10))
        ),
        batch_size=BATCH,
    )
    types = {
        model: ContentType.objects.get_for_model(model)
        for model in (m.Agreement, m.AgreementParty, m.AgreementVolume, m.Stake)
    }
    passages = [(a, a.body.index(".") + 1) for a in articles]

    def citations(model, rows, per_row):
        for row in rows:
            for _ in range(per_row):
                article, end = rng.choice(passages)
                yield m.Citation(
                    content_type=types[model],
                    object_id=row.pk,
                    article=article,
                    quote=article.body[:end],
                    start=0,
                    end=end,
                )

    for model, rows, per_row in (
        (m.Agreement, agreements, 4),
        (m.AgreementParty, parties, 2),
        (m.AgreementVolume, volumes, 1),
        (m.Stake, stakes, 1),
    ):
        m.Citation.objects.bulk_create(citations(model, rows, per_row), batch_size=BATCH)


def log_every_record():
    """The change feed's log, as a database that grew through the ORM would have it."""
    from django.db import connection

    from sourcing import models as m

    resources = {
        m.Article: "articles",
        m.Company: "companies",
        m.Stake: "stakes",
        m.Agreement: "agreements",
        m.Plant: "plants",
        m.VehicleProgramme: "programmes",
    }
    numbered = connection.vendor != "postgresql"
    seq = 0
    rows = []
    for model, resource in resources.items():
        for pk in model.objects.order_by("pk").values_list("pk", flat=True).iterator():
            seq += 1
            # Public, as migration 0018 marks the rows of a database that had records already.
            number = seq if numbered else None
            rows.append(m.Change(resource=resource, record_id=pk, seq=number, public=True))
    m.Change.objects.bulk_create(rows, batch_size=BATCH)


# -- Measuring ------------------------------------------------------------------------------------


def last_page_cursor(page_size=20):
    """
    The cursor of the last page of the agreements list an anonymous reader pages through (by
    20): the key of the row before that page, in the list's own ordering, encoded as the
    paginator encodes it. Built, not walked: following ``next`` to the end takes thousands of
    requests at the large size.
    """
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from sourcing.api.ordering import sort_keys
    from sourcing.api.pagination import fingerprint
    from sourcing.api.params import encode_cursor
    from sourcing.api.views import AgreementViewSet
    from sourcing.api.visibility import visible

    request = RequestFactory().get("/api/v1/agreements/")
    request.user = AnonymousUser()
    view = AgreementViewSet(request=request, action="list", format_kwarg=None, kwargs={})
    agreements = visible(view.get_queryset(), request.user)
    keys = sort_keys(agreements)
    before_last_page = (agreements.count() - 1) // page_size * page_size - 1
    values = agreements.values_list(*(key.expression for key in keys))[before_last_page]
    return encode_cursor({"values": list(values), "ordering": fingerprint(keys)})


def requests_for(context):
    """Name -> (path, params) of the requests consumers make."""
    return {
        "agreements page 1 (100 rows)": ("/api/v1/agreements/", {"page_size": 100}),
        "agreements deep page": ("/api/v1/agreements/", {"cursor": context["last_page_cursor"]}),
        "agreements search rare name": ("/api/v1/agreements/", {"search": context["rare_name"]}),
        "agreements search common word": ("/api/v1/agreements/", {"search": "supply"}),
        "agreements party": ("/api/v1/agreements/", {"party": context["busy_company"]}),
        "agreements cited_in": ("/api/v1/agreements/", {"cited_in": context["article"]}),
        "agreements ordering -announced": ("/api/v1/agreements/", {"ordering": "-announced"}),
        "stakes list": ("/api/v1/stakes/", {}),
        "companies search alias": ("/api/v1/companies/", {"search": context["alias"]}),
        "plants list": ("/api/v1/plants/", {}),
        "articles list": ("/api/v1/articles/", {}),
        "changes feed page": ("/api/v1/changes/", {"after": context["agreements"] // 2}),
        # The company in the most agreements: its network two steps out is the largest one.
        "network depth 2, busiest company": (
            f"/api/v1/companies/{context['busy_company']}/network/",
            {"depth": 2},
        ),
    }


def staff_requests_for(context):
    """
    Name -> (path, params) of the pages editors open: every admin list of the app, its search
    box (a word most agreements and articles hold, or a rare company's name), and the desk.
    """
    from django.contrib import admin

    common_word = {
        **dict.fromkeys(["Agreement", "AgreementParty", "AgreementVolume"], "supply"),
        **dict.fromkeys(["Article", "Citation", "NonEditorialSpan"], "battery"),
    }
    requests = {}
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if opts.app_label != "sourcing":
            continue
        path = f"/admin/sourcing/{opts.model_name}/"
        requests[f"admin {opts.model_name} list"] = (path, {})
        if model_admin.search_fields:
            term = common_word.get(model.__name__, context["rare_name"])
            requests[f"admin {opts.model_name} search {term.split()[0]}"] = (path, {"q": term})
    requests["desk of an article"] = (f"/admin/sourcing/article/{context['article']}/desk/", {})
    return requests


def measure_request(client, path, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(path, params)
        elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{path} {params}: HTTP {response.status_code} {response.content[:300]}")
    return elapsed * 1000, len(queries)


RECONCILE_BATCH = 50


def reconcile_batches(rng, names, runs):
    """``runs`` query batches, as JSON, drawn from the companies' ``names`` and aliases."""

    def variant(name):
        kind = rng.choice(["legal form", "capitals", "typo", "as is", "unknown"])
        if kind == "legal form":
            return f"{name} {rng.choice(['SA', 'GmbH', 'Ltd.', 'Inc.', 'AG'])}"
        if kind == "capitals":
            return name.upper()
        if kind == "typo":
            at = rng.randrange(1, len(name) - 1)
            return name[:at] + name[at + 1 :]
        if kind == "unknown":
            return f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Holdings"
        return name

    return [
        json.dumps(
            {
                f"q{i}": {"query": variant(rng.choice(names)), "type": "company"}
                for i in range(RECONCILE_BATCH)
            }
        )
        for _ in range(runs)
    ]


def measure_reconcile(url, runs, seed=3):
    """p50 and p95 of a batch of RECONCILE_BATCH queries, in ms, on the database at ``url``."""
    from django.test import Client

    from sourcing import models as m

    use_database(url)
    rng = random.Random(seed)
    names = [*m.Company.objects.values_list("name", flat=True)[:5000]]
    names += [*m.CompanyAlias.objects.values_list("name", flat=True)[:5000]]
    client = Client()
    timings, matched = [], 0
    batches = reconcile_batches(rng, names, runs + 2)
    for index, batch in enumerate(batches):
        start = time.perf_counter()
        response = client.post("/api/v1/reconcile/", {"queries": batch})
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"reconcile: HTTP {response.status_code} {response.content[:300]}")
        if index >= 2:  # the first two warm the caches, as a running server's are
            timings.append(elapsed)
            results = response.json().values()
            matched += sum(1 for r in results if r["result"] and r["result"][0]["match"])
    return {
        "batch": RECONCILE_BATCH,
        "batches": len(timings),
        "companies": m.Company.objects.count(),
        "aliases": m.CompanyAlias.objects.count(),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "matches_per_batch": round(matched / len(timings), 1),
    }


def measure(urls, contexts, runs, only=None):
    from django.contrib.auth import get_user_model
    from django.test import Client

    anonymous = Client()
    staff = {}
    for size, url in urls.items():  # a session in each database
        use_database(url)
        staff[size] = Client()
        staff[size].force_login(get_user_model().objects.get(username=STAFF_USER))
    requests = {
        size: {
            **{name: (anonymous, *request) for name, request in requests_for(context).items()},
            **{
                name: (staff[size], *request)
                for name, request in staff_requests_for(context).items()
            },
        }
        for size, context in contexts.items()
    }
    names = [name for name in requests["small"] if not only or any(w in name for w in only)]
    timings = {(name, size): [] for name in names for size in urls}
    queries = {}
    for _ in range(runs):
        for name in names:
            for size in ("small", "large"):  # interleaved: load on the machine hits both alike
                use_database(urls[size])
                client, path, params = requests[size][name]
                if name.startswith("desk"):
                    # The suggestions' name index is the process's, rebuilt when the names
                    # change: switching databases rebuilds it, which a server over one
                    # database never does. Measured warm, as the requests before it are.
                    client.get(path, params)
                elapsed, count = measure_request(client, path, params)
                timings[name, size].append(elapsed)
                queries[name, size] = count
    return [
        {
            "name": name,
            "small_p50_ms": round(statistics.median(timings[name, "small"]), 1),
            "large_p50_ms": round(statistics.median(timings[name, "large"]), 1),
            "large_p95_ms": round(percentile(timings[name, "large"], 0.95), 1),
            "ratio": round(
                statistics.median(timings[name, "large"])
                / statistics.median(timings[name, "small"]),
                2,
            ),
            "queries_small": queries[name, "small"],
            "queries_large": queries[name, "large"],
        }
        for name in names
    ]


def percentile(values, share):
    """The value below which ``share`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


# -- The raw baseline: the same JSON, hand-written from .values() rows ---------------------------
#
# Written apart from the application's serializers on purpose (only the models' tables and the
# published rules are shared), so that the comparison measures the API's machinery, not itself.
# The provenance of each value is the rules' own work, which any writer of it must do: the
# baseline calls the functions that are its home (``models/provenance.py``: the values held,
# the statement checker's verdict on each passage, "checked"; ``confirmations.holding``).
# Anonymous reader: verified agreements, parties whose company is verified, visible plants and
# programmes. ``check_identical`` compares it with the endpoint before anything is timed.

ORIGIN = "http://testserver"
ARTICLE_COLUMNS = ("title", "publisher", "language", "published_on", "published_precision",
                   "published_inferred")  # fmt: skip


def raw_partial_date(value, precision):
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def raw_citations(condition):
    """
    The citations ``condition`` matches, {(content type id, object id): [...]} twice: as the
    JSON writes them, and as the provenance rules read them ({"pk", "field", "quote",
    "language"}: the statement checker reads the passage in its article's language).
    """
    from sourcing import models as m

    rows = (
        m.Citation.objects.filter(condition)
        .order_by("article__published_on", "article__title", "start", "pk")
        .values_list("id", "content_type_id", "object_id", "field", "quote", "start", "end",
                     "article_id", *(f"article__{name}" for name in ARTICLE_COLUMNS))
    )  # fmt: skip
    articles, written, read = {}, {}, {}
    for pk, ct, object_id, field, quote, start, end, article_id, *article in rows:
        reference = articles.get(article_id)
        if reference is None:
            title, publisher, language, published_on, precision, inferred = article
            reference = articles[article_id] = {
                "id": article_id,
                "api_url": f"{ORIGIN}/api/v1/articles/{article_id}/",
                "title": title,
                "publisher": publisher,
                "language": language,
                "published": raw_partial_date(published_on, precision),
                "published_precision": precision or None,
                "published_inferred": inferred,
            }
        written.setdefault((ct, object_id), []).append(
            {
                "id": pk,
                "article": reference,
                "field": field or None,
                "quote": quote,
                "start": start,
                "end": end,
                "source_url": f"{ORIGIN}/articles/{article_id}/source/#citation-{pk}",
            }
        )
        read.setdefault((ct, object_id), []).append(
            {"pk": pk, "field": field, "quote": quote, "language": reference["language"]}
        )
    return written, read


class RawRows:
    """
    The rows nested in some agreements, their citations, value bases and reviewers'
    confirmations, and the names of the records they refer to: seven queries.
    """

    def __init__(self, agreements):
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import Q

        from sourcing import models as m
        from sourcing.models.provenance import notes_on_values
        from sourcing.models.statements import RecordNames

        ids = [a["id"] for a in agreements]
        self.parties = list(
            m.AgreementParty.objects.filter(
                agreement_id__in=ids, company__review_status="verified"
            )
            .order_by("role", "company__name", "pk")
            .values_list("id", "agreement_id", "role", "company_id", "company__slug",
                         "company__name")
        )  # fmt: skip
        self.volumes = list(
            m.AgreementVolume.objects.filter(agreement_id__in=ids)
            .order_by("year", "gwh_per_year", "pk")
            .values_list("id", "agreement_id", "gwh_per_year", "qualifier", "basis", "year")
        )
        self.programmes = list(
            m.VehicleProgramme.objects.filter(agreements__in=ids, review_status="verified")
            .order_by("name", "pk")
            .values_list("agreements", "id", "name", "segment", "start_year", "brand_id",
                         "assembly_plant_id")
        )  # fmt: skip
        self.types = {
            model: ContentType.objects.get_for_model(model).pk
            for model in (m.Agreement, m.AgreementParty, m.AgreementVolume, m.VehicleProgramme)
        }
        keys = [
            (self.types[m.Agreement], ids),
            (self.types[m.AgreementParty], [row[0] for row in self.parties]),
            (self.types[m.AgreementVolume], [row[0] for row in self.volumes]),
            (self.types[m.VehicleProgramme], [row[1] for row in self.programmes]),
        ]
        about = Q(pk__in=[])
        for content_type_id, pks in keys:
            about |= Q(content_type_id=content_type_id, object_id__in=pks)
        self.citations, self.read_citations = raw_citations(about)
        self.bases, self.confirmations = notes_on_values(about)
        # The records whose names the checker looks for in the passages: plants, companies...
        self.names = RecordNames.of(
            [
                *((m.Agreement, {"plant": a["plant_id"]}) for a in agreements),
                *((m.AgreementParty, {"company": row[3], "role": row[2]}) for row in self.parties),
                *(
                    (m.VehicleProgramme, {"brand": row[5], "assembly_plant": row[6]})
                    for row in self.programmes
                ),
            ]
        )

    def cited(self, model, pk):
        return self.citations.get((self.types[model], pk), [])

    def provenance(self, model, pk, values, parent=None):
        """
        The provenance of a row of ``model`` holding ``values``, part of ``parent`` (model, pk),
        by the rules' own functions: which values are held and what the checker is given for
        each, the checker's verdict on each passage ("checked"), the confirmations that hold.
        """
        from sourcing.models.confirmations import holding
        from sourcing.models.provenance import held_values, provenance_of

        key = (self.types[model], pk)
        parent_citations = None
        if parent is not None:
            parent_citations = self.read_citations.get((self.types[parent[0]], parent[1]), [])
        found = provenance_of(
            model,
            held_values(model, values, self.names),
            self.read_citations.get(key, []),
            self.bases.get(key, {}),
            parent_citations,
            holding(model, values, self.confirmations.get(key, {})),
        )
        return {name: why.as_dict() for name, why in found.items()}


def raw_agreements(agreements):
    """The JSON of ``agreements`` (.values() rows) with everything nested in them."""
    from sourcing import models as m

    rows = RawRows(agreements)
    nested = {a["id"]: {"parties": [], "volumes": [], "programmes": []} for a in agreements}
    roles = dict(m.AgreementParty.Role.choices)
    for pk, agreement_id, role, company_id, slug, name in rows.parties:
        nested[agreement_id]["parties"].append(
            {
                "company": {
                    "id": company_id,
                    "api_url": f"{ORIGIN}/api/v1/companies/{company_id}/",
                    "slug": slug,
                    "name": name,
                },
                "role": role,
                "display": f"{name} ({roles[role].lower()})",
                "citations": rows.cited(m.AgreementParty, pk),
                "provenance": rows.provenance(
                    m.AgreementParty,
                    pk,
                    {"company": company_id, "role": role},
                    parent=(m.Agreement, agreement_id),
                ),
            }
        )
    for volume in rows.volumes:
        nested[volume[1]]["volumes"].append(raw_volume(rows, *volume))
    for agreement_id, pk, name, segment, start_year, brand_id, plant_id in rows.programmes:
        values = {"brand": brand_id, "segment": segment, "assembly_plant": plant_id,
                  "start_year": start_year}  # fmt: skip
        nested[agreement_id]["programmes"].append(
            {
                "id": pk,
                "api_url": f"{ORIGIN}/api/v1/programmes/{pk}/",
                "name": name,
                "segment": segment,
                "start_year": start_year,
                "provenance": rows.provenance(m.VehicleProgramme, pk, values),
            }
        )
    return [raw_agreement(a, nested[a["id"]], rows) for a in agreements]


def raw_volume(rows, pk, agreement_id, gwh, qualifier, basis, year):
    from decimal import Decimal

    from sourcing import models as m

    bound = "" if qualifier == "exact" else f"{qualifier.replace('_', ' ')} "
    label = dict(m.AgreementVolume.Basis.choices)[basis].lower()
    values = {"gwh_per_year": gwh, "qualifier": qualifier, "basis": basis, "year": year}
    return {
        "gwh_per_year": gwh,
        "qualifier": qualifier,
        "basis": basis,
        "year": year,
        "display": f"{bound}{Decimal(gwh).normalize():f} GWh/yr"
        + (f" ({label}, {year})" if year else ""),
        "citations": rows.cited(m.AgreementVolume, pk),
        "provenance": rows.provenance(
            m.AgreementVolume, pk, values, parent=(m.Agreement, agreement_id)
        ),
    }


def raw_agreement(a, nested, rows):
    from sourcing import models as m

    pk = a["id"]
    plant = None
    if a["plant_id"] is not None and a["plant__review_status"] == "verified":
        plant = {
            "id": a["plant_id"],
            "api_url": f"{ORIGIN}/api/v1/plants/{a['plant_id']}/",
            "name": a["plant__name"],
        }
    values = {name: a[name] for name in ("kind", "status", "announced_on", "signed_on",
                                         "start_year", "announced_precision",
                                         "signed_precision")}  # fmt: skip
    values.update(plant=a["plant_id"], programmes=nested["programmes"])
    return {
        "id": pk,
        "api_url": f"{ORIGIN}/api/v1/agreements/{pk}/",
        "title": a["title"],
        "kind": a["kind"],
        "status": a["status"],
        "announced": raw_partial_date(a["announced_on"], a["announced_precision"]),
        "announced_precision": a["announced_precision"] or None,
        "signed": raw_partial_date(a["signed_on"], a["signed_precision"]),
        "signed_precision": a["signed_precision"] or None,
        "start_year": a["start_year"],
        "parties": nested["parties"],
        "volumes": nested["volumes"],
        "plant": plant,
        "programmes": nested["programmes"],
        "review_status": a["review_status"],
        "citations": rows.cited(m.Agreement, pk),
        "provenance": rows.provenance(m.Agreement, pk, values),
    }


AGREEMENT_COLUMNS = ("id", "title", "kind", "status", "announced_on", "announced_precision",
                     "signed_on", "signed_precision", "start_year", "plant_id",
                     "plant__name", "plant__review_status", "review_status")  # fmt: skip


def raw_agreements_page(size=100):
    """The baseline: the 100-row page's results, read with .values() and dumped with orjson."""
    import orjson
    from django.db.models import F

    from sourcing import models as m

    agreements = list(
        m.Agreement.objects.filter(review_status="verified")
        .order_by(F("announced_on").desc(nulls_last=True), "title", "pk")
        .values(*AGREEMENT_COLUMNS)[:size]
    )
    return orjson.dumps(raw_agreements(agreements), default=float)


def raw_export(chunk=500):
    """The baseline of the export: the same records by id, a line each, read by keyset chunks."""
    import orjson

    from sourcing import models as m

    after = 0
    while True:
        agreements = list(
            m.Agreement.objects.filter(review_status="verified", pk__gt=after)
            .order_by("pk")
            .values(*AGREEMENT_COLUMNS)[:chunk]
        )
        if not agreements:
            return
        after = agreements[-1]["id"]
        yield b"".join(
            orjson.dumps(record, default=float) + b"\n" for record in raw_agreements(agreements)
        )


def throughputs(functions, seconds=6.0):
    """
    Calls per second of each of ``functions``, from the median of its timings, the functions
    called in turn for ``seconds`` in all: load on the machine then hits them alike (timed one
    after the other, a few seconds each, the ratio moved by a tenth between runs).
    """
    timings = [[] for _ in functions]
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for function, times in zip(functions, timings, strict=True):
            begin = time.perf_counter()
            function()
            times.append(time.perf_counter() - begin)
    return [1 / statistics.median(times) for times in timings]


def records_of(content):
    """Parsed records of a page (its results), a JSON array, or JSON Lines (an export)."""
    import orjson

    if content.startswith(b"["):
        return orjson.loads(content)
    if content.startswith(b'{"next"'):  # a keyset page: {"next", "previous", "results"}
        return orjson.loads(content)["results"]
    return [orjson.loads(line) for line in content.splitlines()]


def check_identical(client, path, params, raw):
    """Stop the run unless the endpoint gives exactly the baseline's records (say where not)."""
    import orjson

    response = client.get(path, params)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    endpoint, baseline_records = records_of(content), records_of(raw)
    if orjson.dumps(endpoint) == orjson.dumps(baseline_records):  # key order counts too
        return
    for index, (mine, theirs) in enumerate(zip(endpoint, baseline_records, strict=False)):
        if orjson.dumps(mine) != orjson.dumps(theirs):
            raise SystemExit(
                f"ERROR: the raw baseline of {path} is not identical to the endpoint: record "
                f"{index} differs.\nendpoint: {orjson.dumps(mine)[:3000]}\n"
                f"baseline: {orjson.dumps(theirs)[:3000]}"
            )
    raise SystemExit(
        f"ERROR: the raw baseline of {path} is not identical to the endpoint: "
        f"{len(endpoint)} records against {len(baseline_records)}."
    )


def baseline(url):
    from django.test import Client

    use_database(url)
    client = Client()
    params = {"page_size": 100}
    check_identical(client, "/api/v1/agreements/", params, raw_agreements_page())
    endpoint, raw = throughputs(
        [lambda: client.get("/api/v1/agreements/", params), raw_agreements_page]
    )
    return {
        "endpoint_per_s": round(endpoint, 1),
        "baseline_per_s": round(raw, 1),
        "ratio": round(endpoint / raw, 2),
    }


def stream_export(client):
    """Lines of the agreements export, read as a consumer reads them (chunk by chunk)."""
    response = client.get("/api/v1/export/agreements/")
    return sum(chunk.count(b"\n") for chunk in response.streaming_content)


def export_figures(url, compare=True):
    """
    Streaming the agreements export: records per second against the raw dump of the same
    records (timed without tracemalloc, which slows Python several-fold), then, in a pass of
    its own, the peak of the Python heap that streaming adds (tracemalloc: it counts what the
    export allocates and nothing of the interpreter and libraries loaded before, which would
    dominate a process's RSS and hide growth; the database cursor is server-side, so the
    driver's own buffers hold one chunk).
    """
    from django.test import Client

    use_database(url)
    client = Client()
    if compare:  # see --skip-baseline
        check_identical(client, "/api/v1/export/agreements/", {}, b"".join(raw_export()))
    start = time.perf_counter()
    lines = stream_export(client)
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    raw_lines = sum(chunk.count(b"\n") for chunk in raw_export())
    raw_elapsed = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    stream_export(client)
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return {
        "records": lines,
        "raw_records": raw_lines,
        "records_per_s": round(lines / elapsed),
        "raw_records_per_s": round(raw_lines / raw_elapsed),
        "ratio": round(raw_elapsed / elapsed * lines / raw_lines, 2),
        "peak_mib": round(peak / 2**20, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/scale")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="End with one line of JSON figures.")
    parser.add_argument(
        "--skip-baseline",
        action="store_true",
        help="Leave out the raw .values() baseline and the export's comparison with the raw "
        "dump (the export is still timed).",
    )
    parser.add_argument(
        "--reconcile-only",
        action="store_true",
        help="Build the large database alone and measure reconciliation batches only.",
    )
    parser.add_argument(
        "--keep-databases",
        action="store_true",
        help="Keep the databases at the end, and measure the ones a previous run with this flag "
        "kept (of the same sizes) instead of building them again: before and after a change, on "
        "the same data. PostgreSQL only (drop them with --drop-databases).",
    )
    parser.add_argument(
        "--drop-databases", action="store_true", help="Drop the databases kept and stop."
    )
    parser.add_argument(
        "--only",
        metavar="WORDS",
        help="Measure only what is named by one of these comma-separated words: the requests "
        "whose name contains one, and the baseline, export and reconcile figures if named "
        "(e.g. 'network,desk,admin agreementparty search' or 'baseline,export').",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        urls = database_urls(args.database_url, tmp)
        if args.drop_databases:
            for url in urls.values():
                drop_database(url)
            return
        try:
            run(args, urls)
        finally:
            from django.db import connections

            connections.close_all()
            if not args.keep_databases:
                for url in urls.values():
                    drop_database(url)


def print_requests(rows):
    """The table of requests, printed as soon as they are measured."""
    width = max(len(row["name"]) for row in rows)
    print(f"{'request':{width}}  small p50  large p50  large p95  ratio  queries")
    for row in rows:
        print(
            f"{row['name']:{width}}  {row['small_p50_ms']:7.1f}ms {row['large_p50_ms']:8.1f}ms "
            f"{row['large_p95_ms']:8.1f}ms {row['ratio']:5.2f}  "
            f"{row['queries_small']}/{row['queries_large']}"
        )
    slow = [
        row["name"]
        for row in rows
        if row["name"].startswith(("admin ", "desk ")) and row["large_p50_ms"] >= STAFF_TARGET_MS
    ]
    print(f"editors' pages at or over {STAFF_TARGET_MS} ms p50, large: {', '.join(slow) or 'none'}")


def run(args, urls):
    setup_django(urls["small"])
    from django.core.management import call_command

    from project.garbage_collection import freeze_startup_objects

    if args.reconcile_only:
        create_database(urls["large"])
        use_database(urls["large"])
        call_command("migrate", verbosity=0)
        build(args.large)
        figures = {"reconcile": measure_reconcile(urls["large"], args.runs)}
        print(f"reconcile (large): {figures['reconcile']}")
        if args.json:
            print(json.dumps(figures))
        return

    contexts = {}
    for size, count in (("small", args.small), ("large", args.large)):
        if args.keep_databases and is_built(urls[size], count):
            call_command("migrate", verbosity=0)  # the code measured may bring a migration
            contexts[size] = context_of_built_database()
            print(f"reused {size}: {count} agreements", flush=True)
            continue
        create_database(urls[size])
        use_database(urls[size])
        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        contexts[size] = build(count)
        print(
            f"built {size}: {count} agreements in {time.perf_counter() - start:.1f} s", flush=True
        )
    # As a server's worker does once it has loaded the application (project/gunicorn_config.py).
    freeze_startup_objects()
    load = os.getloadavg()
    only = [word.strip() for word in args.only.split(",")] if args.only else None

    def wanted(name):
        return not only or any(word in name for word in only)

    figures = {"requests": measure(urls, contexts, args.runs, only)}
    if figures["requests"]:
        print_requests(figures["requests"])
    if wanted("baseline"):
        figures["baseline"] = (
            "skipped (--skip-baseline)" if args.skip_baseline else baseline(urls["large"])
        )
        print(f"100-row page vs raw .values()+orjson: {figures['baseline']}")
    if wanted("export"):
        figures["export"] = {
            size: export_figures(urls[size], compare=not args.skip_baseline)
            for size in ("small", "large")
        }
        print(f"export: {figures['export']}")
    if wanted("reconcile"):
        figures["reconcile"] = measure_reconcile(urls["large"], args.runs)
        print(f"reconcile (large): {figures['reconcile']}")
    figures["load_average"] = [round(value, 2) for value in load]
    print(f"load average at start: {figures['load_average']}")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
