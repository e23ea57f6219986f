"""
The API at scale: builds realistic data of two sizes, measures the requests consumers make on
both in one interleaved run, and compares the 100-row agreements page and the bulk export with a
raw ``.values()`` + orjson baseline. Prints figures; asserts nothing (timings are read, not tested).

    .venv/bin/python benchmarks/scale.py --database-url postgres://postgres@127.0.0.1:5432/x \\
        --small 1000 --large 100000 --runs 20 [--json]

Two throwaway databases (``<name>_small`` and ``<name>_large`` on the server of the URL, or two
SQLite files in a temporary folder for a ``sqlite://`` URL) are created, migrated, filled by bulk
insert and dropped at the end. Sizes scale from the number of agreements: a company per five
agreements (two aliases each), an article per ten, a stake per ten, a plant per fifty, parties
skewed towards a few large companies, and about ten citations per agreement (on the agreement,
its parties and volumes) whose quotes occur in their article at their offsets.
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


def create_database(url):
    import psycopg

    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        name = parts.path.lstrip("/")
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url):
    import psycopg

    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


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
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from sourcing import models as m
    from sourcing.search import fold_for_search

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
    analyze()
    return {
        "rare_name": companies[-1].name,
        "alias": f"Société {companies[len(companies) // 2].pk}",
        "busy_company": companies[0].slug,
        "article": articles[len(articles) // 2].pk,
        "agreements": agreement_count,
        "visible_agreements": m.Agreement.objects.filter(review_status=verified).count(),
        "last_page_cursor": last_page_cursor(),
    }


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
    from sourcing.search import fold_for_search

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
            rows.append(m.Change(resource=resource, record_id=pk, seq=seq if numbered else None))
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

    from sourcing.api_views import AgreementViewSet
    from sourcing.ordering import sort_keys
    from sourcing.pagination import fingerprint
    from sourcing.params import encode_cursor
    from sourcing.visibility import visible

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
    }


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


def measure(urls, contexts, runs):
    from django.test import Client

    client = Client()
    names = list(requests_for(contexts["small"]))
    timings = {(name, size): [] for name in names for size in urls}
    queries = {}
    for _ in range(runs):
        for name in names:
            for size in ("small", "large"):  # interleaved: load on the machine hits both alike
                use_database(urls[size])
                path, params = requests_for(contexts[size])[name]
                elapsed, count = measure_request(client, path, params)
                timings[name, size].append(elapsed)
                queries[name, size] = count
    return [
        {
            "name": name,
            "small_p50_ms": round(statistics.median(timings[name, "small"]), 1),
            "large_p50_ms": round(statistics.median(timings[name, "large"]), 1),
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


def raw_agreements_page(size=100):
    """The baseline: the 100-row page's data read with .values() and dumped with orjson."""
    import orjson

    from sourcing import models as m

    agreements = list(
        m.Agreement.objects.filter(review_status="verified")
        .order_by("-announced_on", "title", "pk")
        .values("id", "title", "kind", "status", "announced_on", "start_year", "review_status")[
            :size
        ]
    )
    ids = [a["id"] for a in agreements]
    parties = m.AgreementParty.objects.filter(agreement_id__in=ids).values(
        "agreement_id", "role", "company__id", "company__slug", "company__name"
    )
    citations = m.Citation.objects.filter(
        object_id__in=ids, content_type__model="agreement"
    ).values("object_id", "quote", "start", "end", "field", "article_id", "article__title")
    by_agreement = {a["id"]: {**a, "parties": [], "citations": []} for a in agreements}
    for party in parties:
        by_agreement[party["agreement_id"]]["parties"].append(party)
    for citation in citations:
        by_agreement[citation["object_id"]]["citations"].append(citation)
    return orjson.dumps({"results": list(by_agreement.values())})


def throughput(function, seconds=3.0):
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        function()
        count += 1
    return count / (time.perf_counter() - start)


def baseline(url):
    from django.test import Client

    use_database(url)
    client = Client()
    endpoint = throughput(lambda: client.get("/api/v1/agreements/", {"page_size": 100}))
    raw = throughput(raw_agreements_page)
    return {
        "endpoint_per_s": round(endpoint, 1),
        "baseline_per_s": round(raw, 1),
        "ratio": round(endpoint / raw, 2),
    }


def export_figures(url):
    """Streaming the agreements export: peak Python memory and records per second."""
    import orjson
    from django.test import Client

    from sourcing import models as m

    use_database(url)
    client = Client()
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    response = client.get("/api/v1/export/agreements/")
    lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    start = time.perf_counter()
    raw_lines = 0
    for row in m.Agreement.objects.filter(review_status="verified").values().iterator(2000):
        raw_lines += len(orjson.dumps(row, default=str)) > 0
    raw_elapsed = time.perf_counter() - start
    return {
        "records": lines,
        "peak_mib": round(peak / 2**20, 1),
        "records_per_s": round(lines / elapsed),
        "raw_records_per_s": round(raw_lines / raw_elapsed),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/scale")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="End with one line of JSON figures.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        urls = database_urls(args.database_url, tmp)
        for url in urls.values():
            create_database(url)
        try:
            run(args, urls)
        finally:
            from django.db import connections

            connections.close_all()
            for url in urls.values():
                drop_database(url)


def run(args, urls):
    setup_django(urls["small"])
    from django.core.management import call_command

    contexts = {}
    for size, count in (("small", args.small), ("large", args.large)):
        use_database(urls[size])
        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        contexts[size] = build(count)
        print(
            f"built {size}: {count} agreements in {time.perf_counter() - start:.1f} s", flush=True
        )
    load = os.getloadavg()
    rows = measure(urls, contexts, args.runs)
    figures = {
        "requests": rows,
        "baseline": baseline(urls["large"]),
        "export": {size: export_figures(urls[size]) for size in ("small", "large")},
        "load_average": [round(value, 2) for value in load],
    }
    width = max(len(row["name"]) for row in rows)
    print(f"{'request':{width}}  small p50  large p50  ratio  queries")
    for row in rows:
        print(
            f"{row['name']:{width}}  {row['small_p50_ms']:7.1f}ms {row['large_p50_ms']:8.1f}ms "
            f"{row['ratio']:5.2f}  {row['queries_small']}/{row['queries_large']}"
        )
    print(f"100-row page vs raw .values()+orjson: {figures['baseline']}")
    print(f"export: {figures['export']}")
    print(f"load average at start: {figures['load_average']}")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
