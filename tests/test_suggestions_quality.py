"""
The benchmark's matching rules (benchmarks/suggestions_matching.py): an engine that proposed
exactly what the corpus expects would score full marks, and the rules tell a blank field from a
wrong one and a duplicate from a new record. The engine's own figures are never asserted.
"""

import pytest

from benchmarks.suggestions_matching import Names, match_mentions, match_proposals
from tests.suggestions_corpus import (
    HALVES,
    MENTION_KINDS,
    PROPOSAL_KINDS,
    Mention,
    Proposal,
    load_half,
    load_known,
)


@pytest.fixture(scope="module")
def known():
    return load_known()


@pytest.fixture(scope="module")
def names(known):
    return Names(known)


def as_engine_mention(mention):
    record = None
    if mention.kind == "company":
        record = {"id": 1, "slug": mention.record, "name": mention.record}
    elif mention.kind == "plant":
        record = {"id": 1, "slug": None, "name": mention.record}
    return {
        "kind": mention.kind,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "record": record,
        "value": mention.value,
        "unit": mention.unit,
        "qualifier": mention.qualifier,
        "year": mention.year,
        "date": mention.date,
    }


def as_engine_proposal(proposal, body):
    start, end = proposal.spans[0]
    fields = dict(proposal.fields)
    if proposal.kind == "non_editorial":
        fields.update(start=start, end=end)
    return {"kind": proposal.kind, "fields": fields, "quote": body[start:end], "start": start,
            "end": end}  # fmt: skip


def test_the_expected_items_proposed_as_they_are_score_full_marks(known, names):
    for half in HALVES:
        for article in load_half(half, known):
            mentions = [as_engine_mention(m) for m in article.mentions]
            proposals = [as_engine_proposal(p, article.body) for p in article.proposals]
            results = match_mentions(article.mentions, mentions, names, MENTION_KINDS)
            results += match_proposals(article.proposals, proposals, names, PROPOSAL_KINDS)
            for result in results:
                assert not result.extra, (article.name, result.kind)
                assert all(match.unchanged for match in result.matches), (article.name, result)


STAKE = Proposal(
    1,
    "stake",
    {"holder": "tessaro", "target": "kestrel-batteries", "share_exact": 9, "status": "announced",
     "as_of": "2025-10-24"},
    ((0, 60),),
)  # fmt: skip


def found_stake(**fields):
    values = {"holder": "tessaro", "target": "kestrel-batteries", "share_exact": 9.0,
              "share_min": None, "status": "announced", "as_of": "2025-10-24"}  # fmt: skip
    values.update(fields)
    return {"kind": "stake", "fields": values, "quote": "", "start": 10, "end": 50}


def test_a_blank_holder_is_a_change_and_another_holder_a_false_proposal(names):
    (result,) = match_proposals([STAKE], [found_stake(holder=None)], names, ("stake",))
    assert result.matches[0].differences == ["holder"]
    (result,) = match_proposals([STAKE], [found_stake(holder="ambre-capital")], names, ("stake",))
    assert result.matches[0].found is None
    assert [why for _, why in result.extra] == ["not expected"]


def test_a_known_name_counts_as_its_slug_and_a_second_proposal_as_a_duplicate(names):
    found = [found_stake(holder="Gruppo Tessaro"), found_stake(share_exact=None)]
    (result,) = match_proposals([STAKE], found, names, ("stake",))
    assert result.matches[0].unchanged
    assert [why for _, why in result.extra] == ["duplicate of an expected item"]


def test_a_figure_with_another_qualifier_matches_but_is_not_exact(names):
    expected = Mention("quantity", 10, 16, "16 GWh", value=16.0, unit="GWh", qualifier="at_least")
    found = as_engine_mention(expected) | {"start": 8, "unit": "GWh/yr", "qualifier": "exact"}
    (result,) = match_mentions([expected], [found], names, ("quantity",))
    assert result.matches[0].differences == ["qualifier"]
    (result,) = match_mentions([expected], [found | {"value": 18}], names, ("quantity",))
    assert result.matches[0].found is None
