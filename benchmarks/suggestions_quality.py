"""
Quality of the suggestions engine on the evaluation corpus (tests/data/suggestions_corpus/):
recall, precision and the share an editor keeps as it is, per kind of mention and of proposal,
for each half. Prints figures, asserts nothing.

    .venv/bin/python benchmarks/suggestions_quality.py [--half dev|test|both] [--json]
        [--verbose] [--show-test-misses] [--numbers FIRST-LAST]

Builds a throwaway SQLite database, loads the records known before any article is read
(known.yaml: companies with their aliases, plants with operator, city and aliases), stores each
article as written and runs ``suggest`` on it. The development half may be tuned on; the test half
is only scored, so its misses are listed only on request (--show-test-misses).

Matching rules (applied by benchmarks/suggestions_matching.py), one article and one kind at a time:
- One to one. Every compatible (expected, found) pair is ranked by how many fields differ, fewest
  first, then by text order; each expected item and each found item is used once. A found item left
  over counts as false, even when it repeats an expected item already matched (a duplicate: the
  verbose list says so), since accepting it would make the record twice.
- Mentions are compatible when their spans overlap and they name the same thing: a company or a
  plant the same known record; a quantity the same value (to 0.01 or 0.01 %) in the same unit
  family (GWh and GWh/yr are one); a date the same year; a candidate company anything (its span
  says which name). A matched mention is "exact" when its other fields agree too: a quantity's
  qualifier and year, a date's full value and precision, a candidate's name as written.
- Proposals are compatible when they are of the same kind and
  - stakes, agreements, capacities, milestones, plant figures and non-editorial parts quote a
    passage overlapping one that states the expected record (a record may list several);
  - a stake's holder, target and share each equal the expected one or are blank, and the holder or
    the target is given; an agreement names at least two of the expected parties (all of them when
    fewer); a capacity has the expected figure, a milestone the expected kind and year, a plant
    figure the expected kind and value, each with the expected plant or none; a new plant has the
    expected city (or, with no city, the expected operator); a company has the expected name (case,
    accents, punctuation and a trailing legal form aside); an alias the expected company and name.
- A matched proposal is "accepted unchanged" when every field equals the expected record's, over
  the fields either side gives: companies by slug when known (a known name or alias counts as its
  slug) and by name otherwise; plants by known name or alias, a new plant by its name or its city;
  numbers to 0.01; dates as written (the precision is in the form); parties as a set of (company,
  role); volumes as a multiset; a non-editorial part by kind and exact span. A blank reads as the
  desk reads it when accepting (qualifier exact, basis target, company kind not stated); any other
  blank differs from a value. Labels an editor writes freely (an agreement's title, a new plant's
  name) and derived fields (slugs, date precisions) are not compared.

Figures, per kind and summed over kinds (totals):
- recall = matched / expected; precision = matched / found (items the engine proposed);
- exact (mentions) and unchanged (proposals) = items matched with no field differing / found.
"""

import argparse
import contextlib
import io
import json
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from common import setup_django  # benchmarks/common.py: the script's own folder
from suggestions_matching import Names, match_mentions, match_proposals

from tests.suggestions_corpus import (
    MENTION_KINDS,
    PROPOSAL_KINDS,
    Proposal,
    load_half,
    load_known,
)


def load_known_records(known):
    """The companies (with aliases) and plants (with aliases) of known.yaml, in the database."""
    from sourcing.models import Company, CompanyAlias, Plant, PlantAlias

    companies = {}
    for entry in known["companies"]:
        company = Company.objects.create(
            name=entry["name"], slug=entry["slug"], kind=entry["kind"], country=entry["country"]
        )
        companies[entry["slug"]] = company
        for alias in entry.get("aliases") or []:
            CompanyAlias.objects.create(
                company=company, name=alias["name"], language=alias.get("language", "")
            )
    for entry in known["plants"]:
        plant = Plant.objects.create(
            name=entry["name"],
            operator=companies[entry["operator"]],
            kind=entry["kind"],
            status=entry["status"],
            city=entry["city"],
            country=entry["country"],
        )
        for alias in entry.get("aliases") or []:
            PlantAlias.objects.create(plant=plant, name=alias)


def store(article):
    from sourcing.models import Article, parse_partial_date

    published_on, precision = parse_partial_date(article.published)
    return Article.objects.create(
        title=article.title,
        publisher=article.publisher,
        authors=article.authors,
        language=article.language,
        published_on=published_on,
        published_precision=precision,
        source_filename=f"corpus-{article.half}-{article.name}.txt",
        body=article.body,
    )


@dataclass
class Evaluated:
    """One article and how the engine's output on it matched the corpus."""

    article: object
    mentions: list  # suggestions_matching.Result, one per kind
    proposals: list
    seconds: float


def evaluate(article, names):
    from sourcing.suggestions import suggest

    stored = store(article)
    start = time.perf_counter()
    found = suggest(stored)
    seconds = time.perf_counter() - start
    return Evaluated(
        article,
        match_mentions(article.mentions, found["mentions"], names, MENTION_KINDS),
        match_proposals(article.proposals, found["proposals"], names, PROPOSAL_KINDS),
        seconds,
    )


# -- Figures --------------------------------------------------------------------------------------

# What the share of items kept as found is called in each section.
KEPT = {"mentions": "exact", "proposals": "unchanged"}


def _share(part, whole):
    return round(part / whole, 4) if whole else None


def counts(results, kept_name):
    """Expected, found, matched and kept items over ``results``, and the shares."""
    expected = sum(len(r.matches) for r in results)
    found = sum(r.found for r in results)
    matched = sum(m.found is not None for r in results for m in r.matches)
    kept = sum(m.unchanged for r in results for m in r.matches)
    return {
        "expected": expected,
        "found": found,
        "matched": matched,
        kept_name: kept,
        "recall": _share(matched, expected),
        "precision": _share(matched, found),
        f"{kept_name}_share": _share(kept, found),
    }


def half_figures(evaluated):
    """Figures of one half: per kind of mention and of proposal, and their totals."""
    figures = {"articles": len(evaluated)}
    for section, kinds in (("mentions", MENTION_KINDS), ("proposals", PROPOSAL_KINDS)):
        results = [result for item in evaluated for result in getattr(item, section)]
        figures[section] = {
            kind: counts([r for r in results if r.kind == kind], KEPT[section]) for kind in kinds
        }
        figures[section]["total"] = counts(results, KEPT[section])
    seconds = sorted(item.seconds for item in evaluated)
    figures["median_ms_per_article"] = round(seconds[len(seconds) // 2] * 1000, 1)
    return figures


def _percent(value):
    return "—" if value is None else f"{value * 100:.1f}%"


def print_table(half, articles, figures):
    languages = Counter(article.language for article in articles)
    by_language = ", ".join(f"{count} {language}" for language, count in sorted(languages.items()))
    print(
        f"\n{half} half: {figures['articles']} articles ({by_language}), engine "
        f"{figures['median_ms_per_article']} ms per article (median)"
    )
    for section, kept in KEPT.items():
        print(
            f"  {section:<18}{'expected':>9}{'found':>7}{'matched':>9}{'recall':>9}"
            f"{'precision':>11}{kept:>11}"
        )
        for kind, row in figures[section].items():
            print(
                f"  {kind:<18}{row['expected']:>9}{row['found']:>7}{row['matched']:>9}"
                f"{_percent(row['recall']):>9}{_percent(row['precision']):>11}"
                f"{_percent(row[kept + '_share']):>11}"
            )


# -- Misses ---------------------------------------------------------------------------------------


def _describe_expected(item):
    if isinstance(item, Proposal):
        return f"#{item.number} {item.kind} {json.dumps(item.fields, ensure_ascii=False)}"
    detail = item.record or item.date or (item.value, item.unit, item.qualifier, item.year)
    return f"{item.kind} “{item.text}” at {item.start} ({detail})"


def _describe_found(item):
    if "fields" in item:
        fields = json.dumps(item["fields"], ensure_ascii=False)
        return f"{item['kind']} {fields} quoting “{item['quote'][:70]}”"
    record = item["record"] or {}
    detail = record.get("slug") or record.get("name") or item["date"]
    detail = detail or (item["value"], item["unit"], item["qualifier"], item["year"])
    return f"{item['kind']} “{item['text']}” at {item['start']} ({detail})"


def _expected_value(expected, name):
    if isinstance(expected, Proposal):
        return expected.spans[0] if name == "span" else expected.fields.get(name)
    return getattr(expected, name, None)


def _found_value(found, name):
    if name == "span":
        return (found["start"], found["end"])
    return found["fields"].get(name) if "fields" in found else found.get(name)


def _changes(match):
    return ", ".join(
        f"{name}: {_expected_value(match.expected, name)!r} → {_found_value(match.found, name)!r}"
        for name in match.differences
    )


def misses(item):
    """The lines saying what the engine missed, added or changed in one article."""
    lines = []
    for section, results in (("mention", item.mentions), ("proposal", item.proposals)):
        for result in results:
            for match in result.matches:
                expected = _describe_expected(match.expected)
                if match.found is None:
                    lines.append(f"missed {section}: {expected}")
                elif match.differences:
                    lines.append(f"changed {section}: {expected}: {_changes(match)}")
            for found, why in result.extra:
                lines.append(f"false {section} ({why}): {_describe_found(found)}")
    return lines


# -- Command --------------------------------------------------------------------------------------


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--verbose", action="store_true", help="list misses, false and changed items (dev half)"
    )
    parser.add_argument(
        "--show-test-misses",
        action="store_true",
        help="with --verbose, list the test half's misses too (it is scored, never tuned on)",
    )
    parser.add_argument(
        "--numbers",
        type=number_range,
        metavar="FIRST-LAST",
        help="score only the articles numbered FIRST to LAST (e.g. 55-70: a batch's blind start)",
    )
    return parser.parse_args()


def number_range(text):
    """(first, last) from "55-70" or "55"; the articles' names begin with their number."""
    first, _, last = text.partition("-")
    try:
        bounds = (int(first), int(last or first))
    except ValueError:
        message = f"“{text}” is not a range of numbers such as 55-70"
        raise argparse.ArgumentTypeError(message) from None
    if bounds[0] > bounds[1]:
        raise argparse.ArgumentTypeError(f"“{text}” ends before it begins")
    return bounds


def numbered_within(article, numbers):
    if numbers is None:
        return True
    number = article.name.split("-", 1)[0]
    return number.isdigit() and numbers[0] <= int(number) <= numbers[1]


def run(halves, verbose, show_test_misses, numbers=None):
    """{half: (articles, figures, misses by article or None)} for the halves asked."""
    known = load_known()
    load_known_records(known)
    names = Names(known)
    report = {}
    for half in halves:
        articles = [a for a in load_half(half, known) if numbered_within(a, numbers)]
        evaluated = [evaluate(article, names) for article in articles]
        listed = verbose and (half == "dev" or show_test_misses)
        details = {f"{half}/{e.article.name}": misses(e) for e in evaluated} if listed else None
        report[half] = (articles, half_figures(evaluated), details)
    return report


def print_report(report, verbose):
    for half, (articles, figures, details) in report.items():
        print_table(half, articles, figures)
        if details is not None:
            for name, lines in details.items():
                print(f"\n  {name}")
                for line in lines:
                    print(f"    {line}")
        elif verbose:
            print("  (misses of the test half are not listed: --show-test-misses lists them)")


def main():
    args = parse_arguments()
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "quality.sqlite3")
        from django.core.management import call_command

        with contextlib.redirect_stdout(io.StringIO()):
            call_command("migrate", verbosity=0)
        report = run(halves, args.verbose, args.show_test_misses, args.numbers)
    if args.json:
        output = {}
        for half, (_, figures, details) in report.items():
            output[half] = figures if details is None else dict(figures, misses=details)
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print_report(report, args.verbose)


if __name__ == "__main__":
    main()
