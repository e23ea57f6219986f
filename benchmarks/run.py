"""
Benchmarks: prints figures, asserts nothing (timings on a shared machine are for reading, not for
tests; query counts, which are exact, are asserted in tests/test_api.py).

    .venv/bin/python benchmarks/run.py [--agreements N]

Builds a throwaway SQLite database in a temporary folder with N verified agreements (two parties,
a volume and three citations each) over the five seeded articles, then measures:
- the seed command on an empty database;
- API list pages of 1, 20 and 100 agreements: median latency, queries, peak Python memory;
- the CSV rendering of a 100-row page;
- quote matching on a 200 kB article.
"""

import argparse
import contextlib
import io
import sys
import tempfile
import tracemalloc
from pathlib import Path

from common import setup_django, timed  # benchmarks/common.py: the script's own folder


def build_agreements(count):
    from django.contrib.contenttypes.models import ContentType

    from sourcing.models import (
        Agreement,
        AgreementParty,
        AgreementVolume,
        Article,
        Citation,
        Company,
        ReviewStatus,
    )

    companies = list(Company.objects.all())
    articles = list(Article.objects.all())
    passages = []
    for article in articles:
        sentence_end = article.body.index(".", 40) + 1
        passages.append((article, article.body[:sentence_end]))
    agreements = Agreement.objects.bulk_create(
        Agreement(
            title=f"Benchmark supply agreement {n}",
            kind=Agreement.Kind.SUPPLY,
            status=Agreement.Status.SIGNED,
            review_status=ReviewStatus.VERIFIED,
            start_year=2025 + n % 5,
        )
        for n in range(count)
    )
    parties = []
    volumes = []
    citations = []
    agreement_type = ContentType.objects.get_for_model(Agreement)
    for n, agreement in enumerate(agreements):
        buyer, supplier = companies[n % len(companies)], companies[(n + 1) % len(companies)]
        parties.append(AgreementParty(agreement=agreement, company=buyer, role="buyer"))
        parties.append(AgreementParty(agreement=agreement, company=supplier, role="supplier"))
        volumes.append(AgreementVolume(agreement=agreement, gwh_per_year=n % 40 + 1))
        for k in range(3):
            # Offsets set directly: bulk creation skips Citation.save(), and these passages are
            # the article's own first sentences, so they verify by construction.
            article, quote = passages[(n + k) % len(passages)]
            citations.append(
                Citation(
                    content_type=agreement_type,
                    object_id=agreement.pk,
                    article=article,
                    quote=quote,
                    start=0,
                    end=len(quote),
                )
            )
    AgreementParty.objects.bulk_create(parties)
    AgreementVolume.objects.bulk_create(volumes)
    Citation.objects.bulk_create(citations, batch_size=2000)


def measure_api(rows):
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for page_size in (1, 20, 100):
        url = f"/api/v1/agreements/?page_size={page_size}"
        client.get(url)  # warm caches (content types, URL resolver)
        # Each request empties the query log (request_started): start the capture from empty.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        latency = timed(lambda url=url: client.get(url), repeat=7)
        tracemalloc.start()
        client.get(url)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(
            (
                f"GET agreements page_size={page_size}",
                f"{latency * 1000:7.1f} ms",
                f"{len(queries):3d} queries",
                f"{peak / 1024:8.0f} KiB peak",
            )
        )
    csv_url = "/api/v1/agreements/?page_size=100&format=csv"
    latency = timed(lambda: client.get(csv_url), repeat=5)
    rows.append(("GET agreements CSV page_size=100", f"{latency * 1000:7.1f} ms", "", ""))
    filtered = "/api/v1/agreements/?party=renault-group&party=verkor&min_volume_gwh=10"
    latency = timed(lambda: client.get(filtered), repeat=7)
    rows.append(("GET agreements party×2 + min_volume", f"{latency * 1000:7.1f} ms", "", ""))
    # Folded search columns are scanned with LIKE: this is the cost of a full scan of them.
    for label, path in [
        ("GET agreements search=ampere", "/api/v1/agreements/?search=ampere"),
        ("GET articles search=l'usine", "/api/v1/articles/?search=l%27usine"),
    ]:
        assert client.get(path).status_code == 200, path
        latency = timed(lambda path=path: client.get(path), repeat=7)
        rows.append((label, f"{latency * 1000:7.1f} ms", "", ""))


def measure_quotes(rows):
    from sourcing.text import quotes

    paragraph = (
        "Le groupe Renault a sécurisé un partenariat de long terme avec Verkor, dont il est "
        "actionnaire, pour utiliser 12\u00a0GWh de batteries «\u00a0made in France\u00a0». "
    )
    body = paragraph * (200_000 // len(paragraph))
    quote = 'Verkor, dont il est actionnaire, pour utiliser 12 GWh de batteries "made in France"'
    latency = timed(lambda: quotes.locate(body, quote, near=len(body) // 2), repeat=5)
    rows.append((f"locate a quote in {len(body) // 1000} kB", f"{latency * 1000:7.1f} ms", "", ""))
    missing = quote.replace("12", "15")

    def closest():
        with contextlib.suppress(quotes.QuoteNotFound):
            quotes.locate(body, missing)

    latency = timed(closest, repeat=3)
    rows.append(("not found + closest passage, 200 kB", f"{latency * 1000:7.1f} ms", "", ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agreements", type=int, default=5000)
    args = parser.parse_args()
    if args.agreements < 100:
        parser.error("--agreements must be at least 100 to fill a page of 100")

    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        rows = []
        seed_time = timed(lambda: call_command("seed", stdout=io.StringIO()), repeat=1)
        rows.append(("seed an empty database", f"{seed_time * 1000:7.1f} ms", "", ""))
        rerun_time = timed(lambda: call_command("seed", stdout=io.StringIO()), repeat=1)
        rows.append(("seed again (nothing to do)", f"{rerun_time * 1000:7.1f} ms", "", ""))
        print(f"Building {args.agreements} agreements...", file=sys.stderr)
        build_agreements(args.agreements)
        measure_api(rows)
        measure_quotes(rows)

    width = max(len(row[0]) for row in rows)
    print(f"Benchmarks ({args.agreements} agreements, SQLite, Python {sys.version.split()[0]})")
    for name, *figures in rows:
        print(f"  {name:<{width}}  " + "  ".join(figure for figure in figures if figure))


if __name__ == "__main__":
    main()
