"""
Benchmark of the suggestion engine: prints figures, asserts nothing (timings on a shared machine
are for reading; the endpoint's query count is asserted in tests/test_suggestions_api.py).

    .venv/bin/python benchmarks/suggestions.py [--names 20000]

Builds a throwaway SQLite database with N known names (companies with one alias each, and
plants), then measures:
- building the name index (once per process) and the staleness check run on every call;
- suggestions for a 5 kB article, warm (target: at most 200 ms);
- suggestions for 50, 100 and 200 kB of digits, spelled fractions, units and qualifiers: time
  per kB stays flat;
- suggestions for 10, 20 and 40 kB naming a new company with its acronym in every sentence
  ("Aorvik Bithium Refining (ABR)"): time per kB stays flat too;
- suggestions for 25 and 50 kB of runs of one word, of "de la " and of one deal sentence with no
  full stop, for 10, 20 and 40 kB of spaces between a description and its verb, and for 12 and
  25 kB of holdings in parentheses with no full stop and of capitalised letters ("A B C D"): time
  per kB stays flat.
"""

import argparse
import contextlib
import io
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from common import setup_django, timed  # benchmarks/common.py: the script's own folder


def build_names(count):
    """``count`` known names: companies, their aliases and plants, in bulk."""
    from sourcing.models import Company, CompanyAlias, Plant
    from sourcing.text.search import fold_for_search

    companies = count // 2
    Company.objects.bulk_create(
        Company(
            name=f"Acme Batteries {n}",
            slug=f"acme-batteries-{n}",
            kind="cell_maker",
            search_name=fold_for_search(f"Acme Batteries {n}"),
        )
        for n in range(companies)
    )
    ids = list(Company.objects.values_list("pk", flat=True))
    CompanyAlias.objects.bulk_create(
        CompanyAlias(company_id=pk, name=f"ACB{n}", search_name=f"acb{n}")
        for n, pk in enumerate(ids[: count // 4])
    )
    Plant.objects.bulk_create(
        Plant(
            name=f"Gigafactory {n}",
            kind="cell_gigafactory",
            status="announced",
            search_name=f"gigafactory {n}",
        )
        for n in range(count - companies - count // 4)
    )


ARTICLE_SENTENCES = [
    "Acme Batteries 12 will supply Acme Batteries 7 with more than 13 GWh a year by 2030.",
    "ACB3 takes a stake of over 20% in Acme Batteries 9, announced on 30 May 2023.",
    "Construction of Gigafactory 5 will start in 2024, creating nearly 2 500 jobs.",
    "Le groupe ACB4 investira près de 2 milliards d'euros d'ici 2027 dans la Gigafactory 8.",
    "The French start-up Tiamat Energy signed a letter of intent with Acme Batteries 2.",
]


def article_of_size(size):
    text, n = [], 0
    while sum(len(s) + 1 for s in text) < size:
        text.append(ARTICLE_SENTENCES[n % len(ARTICLE_SENTENCES)])
        n += 1
    return " ".join(text)


def pathological_text(size):
    """Digits, spelled fractions, units, separators and qualifiers, no sentence end: the worst
    case to scan."""
    unit = "12 500 GWh 3,5 % up to 1 000 000 € 2030 2 0 0 0 jobs over 99,999 MWh a half "
    return (unit * (size // len(unit) + 1))[:size]


def acronyms_text(size):
    """Sentences each naming another company with its acronym, the initials of its words."""
    letters = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
    text = []
    for first in letters:
        for second in letters:
            text.append(
                f"{first}orvik {second}ithium Refining ({first}{second}R) signed a deal with "
                "Acme Cells."
            )
            if sum(len(s) + 1 for s in text) >= size:
                return " ".join(text)
    return " ".join(text)


def separators_text(size):
    """Long runs of hyphens and a comma-separated run of names with no "and" to end it: the
    worst case for the patterns of descriptions and lists."""
    half = size // 2
    names = "Xa, " * (half // 4)
    return ("-" * half + " " + names)[:size]


def runs_text(size):
    """Runs of one word, of "de la " and of a deal told with no full stop, the last a sentence of
    the whole run: the worst case for the agreement rules that scan a sentence from each verb
    with bounded gaps ("X will supply … to Y", "dont … est cliente", "what … produces")."""
    third = size // 3
    runs = (
        "venture " * third,
        "de la " * third,
        "Acme Batteries 1 will supply cells to ACB2, " * third,
    )
    return "".join(run[:third] for run in runs)


def securing_text(size):
    """Buyers securing supply, a deal concluded and a volume over years, with no full stop: the
    worst case for the agreement rules with two bounded gaps ("secured … supply … from Y")."""
    unit = "Acme secured cell supply supply from Norda, inks a deal, 30 GWh to Norda over years "
    return (unit * (size // len(unit) + 1))[:size]


def spaces_text(size):
    """A description, a run of spaces and the verb: a description could start at each of them."""
    return "The French cell maker" + " " * size + "will open a plant."


def holdings_text(size):
    """Holdings in parentheses with no full stop: a sentence of many shares and words of owning."""
    unit = "(dont Acme détient 12 %) "
    return (unit * (size // len(unit) + 1))[:size]


def clauses_text(size):
    """Holdings in clauses after ", and" with no full stop: each clause looks back for its own
    subject and target."""
    unit = "Acme has owned 12% since 2024, and in May Norda took 5%; "
    return (unit * (size // len(unit) + 1))[:size]


def capitals_text(size):
    """Capitalised letters after a determiner: a place's name could run to the end of them."""
    return ("A B C D E F " * (size // 12 + 1))[:size]


def production_text(size):
    """Production started at places after plots with no full stop: each start could look for a
    place, a town after the place, and "already" before it."""
    unit = (
        "could start series production on the site of Rokyta, in Ostrava, already poured, "
        "will build a plant in the city, "
    )
    return (unit * (size // len(unit) + 1))[:size]


def bylines_text(size):
    """A byline's names, initials, legal forms before names and quoted acronyms with no line end:
    each name could look for its line's ends and rescan the byline to them."""
    unit = 'By J.K. Acme and Bandet PT Norda Works a.s. ("NW") registered as Norda 21 Partners '
    return (unit * (size // len(unit) + 1))[:size]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=20_000, help="known names (default 20000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.core.management import call_command

        with contextlib.redirect_stdout(io.StringIO()):
            call_command("migrate", verbosity=0)
        build_names(args.names)
        run(args.names)


def run(count):
    from sourcing.suggestions import names, suggest

    start = time.perf_counter()
    index = names.current_index()
    print(f"name index: {len(index)} names built in {time.perf_counter() - start:.3f} s (once)")
    print(f"staleness check per call: {timed(names.name_tables_counts, 20) * 1000:.1f} ms")
    print(
        f"full re-read (at most every {names.FULL_CHECK_SECONDS:.0f} s): "
        f"{timed(names.name_tables_signature, 5) * 1000:.1f} ms"
    )

    body = article_of_size(5_000)
    article = SimpleNamespace(pk=None, body=body, language="en")
    result = suggest(article)
    warm = timed(lambda: suggest(article), 10)
    print(
        f"5 kB article, {count} known names: {warm * 1000:.1f} ms warm (target <= 200 ms), "
        f"{len(result['mentions'])} mentions, {len(result['proposals'])} proposals, "
        f"index builds so far: {names.index_builds()}"
    )
    # Texts that once took quadratic time: each size should cost about the same per kB.
    for label, text_of_size, sizes, language in (
        ("of digits and units", pathological_text, (50_000, 100_000, 200_000), "fr"),
        ("of names with their acronyms", acronyms_text, (10_000, 20_000, 40_000), "en"),
        ("of hyphens and listed names", separators_text, (50_000, 100_000, 200_000), "en"),
        ("of one word, 'de la ' and a deal with no full stop", runs_text, (25_000, 50_000), "fr"),
        ("of spaces after a description", spaces_text, (10_000, 20_000, 40_000), "en"),
        ("of supply secured with no full stop", securing_text, (12_500, 25_000), "en"),
        ("of holdings in parentheses", holdings_text, (12_500, 25_000), "fr"),
        ("of capitalised letters", capitals_text, (12_500, 25_000), "en"),
        ("of production started at places", production_text, (12_500, 25_000), "en"),
        ("of holdings in clauses with no full stop", clauses_text, (12_500, 25_000), "en"),
        ("of bylines, initials and legal forms", bylines_text, (12_500, 25_000), "en"),
    ):
        for size in sizes:
            article = SimpleNamespace(pk=None, body=text_of_size(size), language=language)
            seconds = timed(lambda article=article: suggest(article), 3)
            print(
                f"{size // 1000} kB {label}: {seconds * 1000:.0f} ms "
                f"({seconds * 1000 / (size / 1000):.2f} ms per kB)"
            )


if __name__ == "__main__":
    main()
