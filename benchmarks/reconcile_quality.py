"""
Quality of reconciliation (``sourcing.reconcile``) on a gold set built for it: top-1 accuracy,
and the precision and recall of ``match: true``, for each half and each kind of variant. Prints
figures, asserts nothing.

    .venv/bin/python benchmarks/reconcile_quality.py [--database-url URL] [--half tune|test|both]
        [--distractors 3000] [--show-misses] [--json]

A throwaway database (a SQLite file by default; ``<name>_reconcile`` beside a PostgreSQL URL's,
so that the trigram candidates are the ones measured) is migrated and filled with the companies
and plants of ``benchmarks/data/reconcile/`` (all verified, with their aliases), plus generated
distractors: companies and plants with made-up names of the same shapes, so that candidates
have rivals as in a real database. The gold set is ``gold.tsv`` (hand-written: legal forms,
abbreviations, translations, transliterations, typos, word order, look-alikes that must not
match) plus variants generated from every record (a typo, another legal form, capitals and no
accents, a plant's words reordered), each query asking for its type as OpenRefine does once a
column's type is chosen.

Halves: a row belongs to the tuning or the test half by a hash of the record it means (of the
query itself for look-alikes), so every variant of one record falls in the same half and the
test half's records were never tuned on. Figures:
- top-1 accuracy: queries meaning a record whose first candidate is that record;
- precision: of the queries whose first candidate has ``match: true``, those where it is the
  record meant (a match for a look-alike, which means none, is wrong);
- recall: queries meaning a record that get ``match: true`` on that record.
"""

import argparse
import csv
import hashlib
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from scale import create_database, drop_database, setup_django

DATA_DIR = Path(__file__).resolve().parent / "data" / "reconcile"
BATCH_SIZE = 50
LEGAL_FORMS = ["SA", "S.A.S.", "GmbH", "Ltd.", "Inc.", "AG", "Co., Ltd.", "Corp.", "plc", "SE"]
SYLLABLES = [
    "ka", "lo", "vex", "nor", "tra", "mi", "zen", "dor", "qua", "ril", "san", "bel", "tor", "vi",
    "ant", "mar", "cel", "ion", "ox", "pra", "lum", "gen", "sol", "tek", "ner", "ax", "bri", "em",
]  # fmt: skip
COMPANY_WORDS = [
    "Energy", "Power", "Cells", "Battery", "Materials", "Motors", "Technology", "Mobility",
    "Systems", "Lithium", "Electric", "Solutions", "Storage", "Auto",
]  # fmt: skip
CITIES = [
    "Valmont", "Oberstein", "Kastrup", "Lindau", "Porto Vero", "Szentes", "Marwick", "Ravelo",
    "Nordby", "Castelnau", "Brenna", "Hollis", "Tarvik", "Sevran",
]  # fmt: skip


def read_tsv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def made_up_name(rng):
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    parts = [word, *rng.sample(COMPANY_WORDS, rng.randint(0, 2))]
    if rng.random() < 0.6:
        parts.append(rng.choice(LEGAL_FORMS))
    return " ".join(parts)


# -- The database ----------------------------------------------------------------------------------


def build(distractors, seed=7):
    """Fills the database; returns {key: entity id} for the records the gold set names."""
    from sourcing.models import Company, CompanyAlias, Plant, PlantAlias
    from sourcing.models.curation import ReviewStatus
    from sourcing.text.search import fold_for_search

    rng = random.Random(seed)
    verified = ReviewStatus.VERIFIED
    known = read_tsv("companies.tsv")
    taken = {fold_for_search(row["name"]) for row in known}
    extra = []
    while len(extra) < distractors:
        name = made_up_name(rng)
        if fold_for_search(name) not in taken:
            taken.add(fold_for_search(name))
            extra.append({"key": "", "name": name, "country": "", "kind": "other", "aliases": ""})
    rows = known + extra
    companies = Company.objects.bulk_create(
        Company(
            name=row["name"],
            slug=f"c{index}",
            kind=row["kind"],
            country=row["country"],
            search_name=fold_for_search(row["name"]),
            review_status=verified,
        )
        for index, row in enumerate(rows)
    )
    aliases = [
        CompanyAlias(company=company, name=alias, search_name=fold_for_search(alias))
        for company, row in zip(companies, rows, strict=True)
        for alias in filter(None, row["aliases"].split("|"))
    ]
    for company in companies[len(known) :]:  # distractors' aliases: a short form of the name
        short = company.name.split()[0]
        if rng.random() < 0.5 and fold_for_search(short) not in taken:
            aliases.append(CompanyAlias(company=company, name=short, search_name=short.lower()))
    CompanyAlias.objects.bulk_create(aliases)
    by_key = {row["key"]: company for company, row in zip(companies, rows, strict=True)}

    plant_rows = read_tsv("plants.tsv")
    for index in range(distractors // 5):
        operator = companies[len(known) + index]
        city = rng.choice(CITIES)
        name = f"{operator.name.split()[0]} {city} {rng.choice(['Plant', 'Gigafactory'])}"
        plant_rows.append(
            {"key": "", "name": name, "operator": operator, "city": city, "country": "",
             "aliases": ""}
        )  # fmt: skip
    plants = Plant.objects.bulk_create(
        Plant(
            name=row["name"],
            operator=by_key.get(row["operator"], row["operator"])
            if isinstance(row["operator"], str)
            else row["operator"],
            kind=Plant.Kind.CELL_GIGAFACTORY,
            status=Plant.Status.ANNOUNCED,
            city=row["city"],
            country=row["country"],
            search_name=fold_for_search(row["name"]),
            review_status=verified,
        )
        for row in plant_rows
    )
    PlantAlias.objects.bulk_create(
        PlantAlias(plant=plant, name=alias, search_name=fold_for_search(alias))
        for plant, row in zip(plants, plant_rows, strict=True)
        for alias in filter(None, row["aliases"].split("|"))
    )
    entities = {row["key"]: f"company:{c.pk}" for c, row in zip(companies, rows, strict=True)}
    for plant, row in zip(plants, plant_rows, strict=True):
        entities[row["key"]] = f"plant:{plant.pk}"
    entities.pop("", None)
    return entities


# -- The gold set ----------------------------------------------------------------------------------


def typo(rng, text):
    """One slip of the keyboard in a word of five letters or more."""
    words = text.split()
    long_words = [i for i, word in enumerate(words) if len(word) >= 5 and word.isalpha()]
    if not long_words:
        return None
    i = rng.choice(long_words)
    word, at = words[i], rng.randrange(1, len(words[i]) - 1)
    slip = rng.choice(["drop", "swap", "double"])
    if slip == "drop":
        word = word[:at] + word[at + 1 :]
    elif slip == "swap":
        word = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
    else:
        word = word[:at] + word[at] + word[at:]
    words[i] = word
    return " ".join(words)


def other_legal_form(rng, text):
    words = text.replace(",", "").split()
    while len(words) > 1 and words[-1].strip(".").lower() in {
        form.replace(",", "").split()[-1].strip(".").lower() for form in LEGAL_FORMS
    } | {"limited", "llc", "ltd", "corporation", "company", "ab", "asa", "nv", "n.v", "sas"}:
        words.pop()
    return f"{' '.join(words)} {rng.choice(LEGAL_FORMS)}"


def plain_capitals(rng, text):
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def reordered(rng, text):
    words = text.split()
    if len(words) < 3:
        return None
    return " ".join([*words[1:], words[0]])


def generated_rows(seed=11):
    """Variants of every record's name, made by rule (a typo, a legal form, capitals, order)."""
    rng = random.Random(seed)
    rows = []
    for entity_type, filename, variants in GENERATED_VARIANTS:
        for row in read_tsv(filename):
            for category, make in variants:
                query = make(rng, row["name"])
                if query and query != row["name"]:
                    rows.append({"query": query, "type": entity_type, "expected": row["key"],
                                 "category": category})  # fmt: skip
    return rows


# Each type's names and the variants made of each, in the order the random draws are taken.
GENERATED_VARIANTS = (
    ("company", "companies.tsv",
     (("gen_typo", typo), ("gen_legal_form", other_legal_form), ("gen_capitals", plain_capitals))),
    ("plant", "plants.tsv",
     (("gen_typo", typo), ("gen_word_order", reordered), ("gen_capitals", plain_capitals))),
)  # fmt: skip


def half_of(row):
    basis = row["expected"] if row["expected"] != "-" else row["query"]
    return "test" if hashlib.sha256(basis.encode()).digest()[0] % 2 else "tune"


# -- Scoring ---------------------------------------------------------------------------------------


def run_queries(rows):
    from sourcing.reconcile.entities import TYPES
    from sourcing.reconcile.matcher import Query, reconcile

    answers = []
    for start in range(0, len(rows), BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        queries = {
            str(i): Query(row["query"], (TYPES[row["type"]],) if row["type"] else ())
            for i, row in enumerate(batch)
        }
        results = reconcile(queries)
        for i in range(len(batch)):
            answers.append(results[str(i)])
    return answers


def score(rows, answers, entities):
    figures = {"queries": len(rows), "positives": 0, "top1": 0, "matched": 0, "correct": 0,
               "recalled": 0}  # fmt: skip
    misses = []
    for row, candidates in zip(rows, answers, strict=True):
        meant = entities.get(row["expected"])
        first = candidates[0] if candidates else None
        first_id = first and first.entity_type.entity_id(first.record)
        if meant:
            figures["positives"] += 1
            figures["top1"] += first_id == meant
            figures["recalled"] += bool(first and first.match and first_id == meant)
        if first and first.match:
            figures["matched"] += 1
            figures["correct"] += first_id == meant
        if (
            first_id != meant
            or (first and first.match and first_id != meant)
            or (meant and not (first and first.match))
        ):
            misses.append((row, first))
    figures["top1_accuracy"] = ratio(figures["top1"], figures["positives"])
    figures["precision"] = ratio(figures["correct"], figures["matched"])
    figures["recall"] = ratio(figures["recalled"], figures["positives"])
    return figures, misses


def ratio(part, whole):
    return round(part / whole, 4) if whole else None


def describe(row, first):
    if first is None:
        return f"  {row['category']:24} {row['query']!r} -> nothing (meant {row['expected']})"
    found = f"{first.record.name!r} {first.score}{' MATCH' if first.match else ''}"
    return f"  {row['category']:24} {row['query']!r} -> {found} (meant {row['expected']})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite://")
    parser.add_argument("--half", choices=["tune", "test", "both"], default="both")
    parser.add_argument("--distractors", type=int, default=3000)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        parts = urlsplit(args.database_url)
        if parts.scheme.startswith("sqlite"):
            url = f"sqlite:///{tmp}/reconcile.sqlite3"
        else:
            name = (parts.path.lstrip("/") or "bench") + "_reconcile"
            url = urlunsplit(parts._replace(path=f"/{name}"))
        create_database(url)
        try:
            report(args, url)
        finally:
            from django.db import connections

            connections.close_all()
            drop_database(url)


def report(args, url):
    setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    entities = build(args.distractors)
    rows = read_tsv("gold.tsv") + generated_rows()
    halves = ["tune", "test"] if args.half == "both" else [args.half]
    output = {"database": connection.vendor, "distractors": args.distractors}
    for half in halves:
        chosen = [row for row in rows if half_of(row) == half]
        answers = run_queries(chosen)
        figures, misses = score(chosen, answers, entities)
        by_category = defaultdict(list)
        for row, answer in zip(chosen, answers, strict=True):
            by_category[row["category"]].append((row, answer))
        output[half] = figures
        print(f"{half} half on {connection.vendor}: {figures['queries']} queries, "
              f"{figures['positives']} meaning a record")  # fmt: skip
        print(f"  top-1 accuracy {figures['top1_accuracy']:.1%}  "
              f"precision of match {figures['precision']:.1%} ({figures['matched']} matches)  "
              f"recall {figures['recall']:.1%}")  # fmt: skip
        for category in sorted(by_category):
            pairs = by_category[category]
            found, _ = score([r for r, _ in pairs], [a for _, a in pairs], entities)
            output[half].setdefault("categories", {})[category] = found
            top1 = "  -  " if found["top1_accuracy"] is None else f"{found['top1_accuracy']:.0%}"
            recall = "  -  " if found["recall"] is None else f"{found['recall']:.0%}"
            print(
                f"    {category:24} n={found['queries']:3}  top-1 {top1:>5}  matches "
                f"{found['matched']:3} ({found['correct']} right)  recall {recall:>5}"
            )
        if args.show_misses:
            print("  misses (wrong first, wrong match, or no match where one was meant):")
            for row, first in misses:
                print(describe(row, first))
    if args.json:
        print(json.dumps(output))


if __name__ == "__main__":
    sys.exit(main())
