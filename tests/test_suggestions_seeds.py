"""
The suggestion engine on the five seed documents: exact offsets, quotes that verify, nothing in
non-editorial parts, and mentions covering what the editors extracted (fixtures/curation.yaml).
"""

import pytest
import yaml

from sourcing.models import Article
from sourcing.seeding import CURATION_FILE
from sourcing.suggestions import suggest
from sourcing.text import quotes

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggested(seeded):
    """The five seeds (seeded once for the module) and their suggestions, by file name."""
    articles = list(Article.objects.prefetch_related("non_editorial_spans"))
    assert len(articles) == 5
    return {article.source_filename: (article, suggest(article)) for article in articles}


def test_offsets_quotes_and_non_editorial_parts_hold_on_every_seed(suggested):
    for article, result in suggested.values():
        assert result["mentions"] and result["proposals"]
        for mention in result["mentions"]:
            assert article.body[mention["start"] : mention["end"]] == mention["text"]
        for proposal in result["proposals"]:
            assert article.body[proposal["start"] : proposal["end"]] == proposal["quote"]
            matches = quotes.locate_all(article.body, proposal["quote"])
            assert quotes.Match(proposal["start"], proposal["end"]) in matches
        spans = [(span.start, span.end) for span in article.non_editorial_spans.all()]
        assert spans
        for item in result["mentions"] + result["proposals"]:
            assert not any(a < item["end"] and item["start"] < b for a, b in spans), item
    # A fact the seed cites from the same article is flagged as already in the database.
    article, result = suggested["004_7a359afc56865d69.txt"]
    becoming = next(p for p in result["proposals"] if "is to become a shareholder" in p["quote"])
    assert becoming["kind"] == "stake"
    assert (becoming["fields"]["holder"], becoming["fields"]["target"]) == (
        "renault-group",
        "verkor",
    )
    assert becoming["exists"] is True


# -- Coverage of what the editors extracted -------------------------------------------------------


def _quotes(cite, filename, field=None):
    """The quotes ``cite`` takes from ``filename`` (those for ``field`` when given)."""
    found = []
    for entry in (cite or {}).get(filename, []):
        if isinstance(entry, str):
            if field is None:
                found.append(entry)
        elif field is None or entry.get("field") == field:
            found.append(entry["quote"])
    return found


def _expected_facts(curation, filename):
    """(kind, expected value, quote) for every company, figure and date cited from the file."""
    facts = []
    for company in curation["companies"]:
        if _quotes(company.get("cite"), filename):
            facts.append(("company", company["slug"], None))
    for stake in curation["stakes"]:
        for share in ("share_exact", "share_min", "share_max"):
            if stake.get(share) is not None:
                for quote in _quotes(stake["cite"], filename, share):
                    facts.append(("quantity", float(stake[share]), quote))
        if stake.get("as_of"):
            for quote in _quotes(stake["cite"], filename, "as_of"):
                facts.append(("date", stake["as_of"], quote))
    rows = [
        row
        for record in curation["plants"] + curation["agreements"]
        for row in record.get("capacities", []) + record.get("volumes", [])
    ]
    for row in rows:
        for entry in row["cite"].get(filename, []):
            field, quote = (
                (None, entry) if isinstance(entry, str) else (entry["field"], entry["quote"])
            )
            if field != "year":
                facts.append(("quantity", float(row["gwh_per_year"]), quote))
            if row.get("year") and str(row["year"]) in quote:  # the passage states the year
                facts.append(("year", row["year"], quote))
    for plant in curation["plants"]:
        for milestone in plant.get("milestones", []):
            for quote in _quotes(milestone["cite"], filename):
                facts.append(("year", milestone["year"], quote))
    for record in curation["agreements"] + curation["programmes"]:
        for field in ("announced_on", "start_year"):
            for quote in _quotes(record.get("cite"), filename, field):
                value = record.get("announced") if field == "announced_on" else record["start_year"]
                facts.append(("date" if field == "announced_on" else "year", value, quote))
    return facts


def _covered(kind, expected, quote, article, mentions):
    if kind == "company":
        return any((m["record"] or {}).get("slug") == expected for m in mentions)
    match = quotes.locate(article.body, quote)
    inside = [m for m in mentions if match.start <= m["start"] and m["end"] <= match.end]
    if kind == "quantity":
        return any(m["kind"] == "quantity" and m["value"] == expected for m in inside)
    if kind == "date":
        return any(m["kind"] == "date" and m["date"] == expected for m in inside)
    return any(expected in (m["year"], (m["date"] or "")[:4]) for m in inside if m["year"])


def test_mentions_cover_what_the_editors_extracted_from_the_seeds(suggested):
    curation = yaml.safe_load(CURATION_FILE.read_text(encoding="utf-8"))
    total, missed = 0, []
    for filename, (article, result) in suggested.items():
        for kind, expected, quote in _expected_facts(curation, filename):
            total += 1
            if not _covered(kind, expected, quote, article, result["mentions"]):
                missed.append((filename, kind, expected, quote))
    assert total > 60  # companies, figures and dates of five documents
    assert (total - len(missed)) / total >= 0.95, missed
