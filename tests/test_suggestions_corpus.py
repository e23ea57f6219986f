"""
The evaluation corpus of the suggestions engine (tests/data/suggestions_corpus/) is well formed:
every article reads with its quotes and mentions found in its text, its records name known
records or ones it introduces, the halves are balanced and disjoint, sizes are in bounds, and no
sentence comes from the seed documents. How well the engine does on it is the benchmark's
business (benchmarks/suggestions_quality.py), never asserted here.
"""

import re
from collections import Counter
from pathlib import Path

import pytest

from sourcing import suggestions
from sourcing.seeding import ARTICLES_DIR_NAME, FIXTURES_DIR
from sourcing.text import quotes
from sourcing.text.search import fold_for_search
from tests.suggestions_corpus import (
    HALVES,
    LANGUAGES,
    CorpusError,
    company_references,
    load_half,
    load_known,
    passage_span,
    plant_reference,
)

MIN_BYTES, MAX_BYTES = 800, 4000
# A sentence this long, or a run of this many words, found in a seed document is a copy.
SHARED_SENTENCE_WORDS, SHARED_RUN_WORDS = 5, 8


@pytest.fixture(scope="module")
def known():
    return load_known()


@pytest.fixture(scope="module")
def corpus(known):
    return {half: load_half(half, known) for half in HALVES}


def all_articles(corpus):
    return [article for half in HALVES for article in corpus[half]]


def test_every_quote_and_mention_is_found_where_the_corpus_puts_it(corpus):
    for article in all_articles(corpus):
        body = article.body
        for mention in article.mentions:
            assert body[mention.start : mention.end] == mention.text
        for proposal in article.proposals:
            for start, end in proposal.spans:
                passage = body[start:end]
                assert quotes.Match(start, end) in quotes.locate_all(body, passage), (
                    article.name,
                    proposal.number,
                )
        assert article.mentions and article.proposals, article.name


def test_a_quote_missing_from_its_article_is_refused():
    body = "Aldercell will supply 6 GWh a year from 2027."
    assert passage_span(body, quotes.fold(body), "6 GWh a year", "here") == (22, 34)
    with pytest.raises(CorpusError, match="“16 GWh a year” is not in the article"):
        passage_span(body, quotes.fold(body), "16 GWh a year", "here")


def test_records_name_known_records_or_ones_their_article_introduces(corpus, known):
    slugs = {company["slug"] for company in known["companies"]}
    known_names = {fold_for_search(company["name"]) for company in known["companies"]}
    plants = {plant["name"] for plant in known["plants"]}
    for article in all_articles(corpus):
        introduced = article.company_names()
        assert not {fold_for_search(name) for name in introduced} & known_names, article.name
        for proposal in article.proposals:
            for company in company_references(proposal):
                assert company in slugs | introduced, (article.name, proposal.number, company)
            plant = plant_reference(proposal)
            if plant is not None:
                assert plant in plants | article.plant_names(), (article.name, proposal.number)


def test_every_country_is_a_two_letter_code(corpus, known):
    """YAML reads an unquoted NO (Norway) as false: a country must be written "NO"."""
    countries = [(entry["name"], entry.get("country")) for entry in known["companies"]]
    countries += [(plant["name"], plant.get("country")) for plant in known["plants"]]
    for article in all_articles(corpus):
        countries += [
            (f"{article.name} #{proposal.number}", proposal.fields["country"])
            for proposal in article.proposals
            if "country" in proposal.fields
        ]
    for where, country in countries:
        assert country is None or re.fullmatch(r"[A-Z]{2}", str(country)), (where, country)
        assert country is None or isinstance(country, str), (where, country)


def allowed_values():
    """{(proposal kind, field): the values the database accepts}: the models' own choices."""
    from sourcing.models import (
        Agreement,
        AgreementParty,
        Company,
        Language,
        NonEditorialSpan,
        Plant,
        PlantCapacity,
        PlantFigure,
        PlantMilestone,
        QuantityQualifier,
        Stake,
    )

    def values(choices):
        return {value for value, _ in choices.choices}

    qualifiers = values(QuantityQualifier)
    return {
        ("stake", "status"): values(Stake.Status),
        ("agreement", "kind"): values(Agreement.Kind),
        ("agreement", "status"): values(Agreement.Status),
        ("agreement", "role"): values(AgreementParty.Role),
        ("plant_capacity", "qualifier"): qualifiers,
        ("plant_capacity", "basis"): values(PlantCapacity.Basis),
        ("plant_milestone", "kind"): values(PlantMilestone.Kind),
        ("plant_figure", "kind"): values(PlantFigure.Kind),
        ("plant_figure", "qualifier"): qualifiers,
        ("plant", "kind"): values(Plant.Kind),
        ("plant", "status"): values(Plant.Status),
        # "not_stated" is the desk's blank: the company is saved without a kind.
        ("company", "kind"): values(Company.Kind) | {"not_stated"},
        ("alias", "language"): values(Language),
        ("non_editorial", "kind"): values(NonEditorialSpan.Kind),
    }


def test_every_choice_is_one_the_database_accepts(corpus):
    """A kind the models do not have ("newsletter" for a span) could never be proposed."""
    allowed = allowed_values()
    for article in all_articles(corpus):
        for proposal in article.proposals:
            fields = dict(proposal.fields)
            for party in fields.pop("parties", None) or ():
                fields["role"] = party["role"]
            for name, value in fields.items():
                choices = allowed.get((proposal.kind, name))
                if choices is not None and value is not None:
                    assert value in choices, (article.name, proposal.number, name, value)


def test_each_half_names_companies_the_database_does_not_know(corpus):
    for half in HALVES:
        new = [p for article in corpus[half] for p in article.proposals if p.kind == "company"]
        candidates = [m for a in corpus[half] for m in a.mentions if m.kind == "candidate_company"]
        assert len(new) >= 5 and len(candidates) >= 10, half


def test_halves_are_balanced_and_disjoint(corpus):
    dev, test = corpus["dev"], corpus["test"]
    # The development half may grow beyond the test half (more material to generalise on); the
    # test half must stay big enough for its score to mean something.
    assert len(dev) >= len(test) >= 12
    for half in (dev, test):
        languages = Counter(article.language for article in half)
        assert set(languages) == set(LANGUAGES)
        assert max(languages.values()) - min(languages.values()) <= 1
    for attribute in ("name", "title", "body"):
        assert not {getattr(a, attribute) for a in dev} & {getattr(a, attribute) for a in test}


def test_every_article_is_between_0_8_and_4_kb(corpus):
    for article in all_articles(corpus):
        assert MIN_BYTES <= article.size <= MAX_BYTES, (article.name, article.size)


def _words(text):
    return fold_for_search(text).split()


def _sentences(text):
    return [s for s in re.split(r"(?<=[.!?…])\s+|\n+", text) if s.strip()]


def shared_with(text, seed_texts):
    """Sentences of ``text`` found in a seed, and runs of words found in both."""
    seeds = [" ".join(_words(seed)) for seed in seed_texts]
    found = [
        sentence
        for sentence in _sentences(text)
        if len(_words(sentence)) >= SHARED_SENTENCE_WORDS
        and any(" ".join(_words(sentence)) in seed for seed in seeds)
    ]
    words = _words(text)
    runs = {
        " ".join(words[i : i + SHARED_RUN_WORDS]) for i in range(len(words) - SHARED_RUN_WORDS + 1)
    }
    found += sorted(run for run in runs if any(run in seed for seed in seeds))
    return found


def test_no_sentence_comes_from_the_seed_documents(corpus):
    seed_paths = sorted((FIXTURES_DIR / ARTICLES_DIR_NAME).glob("*.txt"))
    assert seed_paths
    seeds = [path.read_text(encoding="utf-8") for path in seed_paths]
    # The check finds a copied sentence: a seed's own longest one.
    copied = max(_sentences(seeds[0]), key=lambda sentence: len(_words(sentence)))
    assert shared_with(f"An invented opening line for the check. {copied}", seeds)
    for article in all_articles(corpus):
        assert shared_with(article.body, seeds) == [], article.name


def test_the_engine_names_no_company_of_the_corpus(corpus, known):
    """
    The engine's rules are vocabulary and grammar, never one article's names: no company or
    plant of the corpus (or of known.yaml) appears in its code or comments, whose examples use
    placeholders.
    """
    names = {company["name"] for company in known["companies"]}
    names |= {plant["name"] for plant in known["plants"]}
    for article in all_articles(corpus):
        names |= {m.text for m in article.mentions if m.kind in ("company", "candidate_company")}
        names |= article.company_names() | article.plant_names()
    # Short writings ("SMA", "Hyo") are too often parts of ordinary words or acronyms.
    pattern = re.compile(
        r"(?<![\w])(?:"
        + "|".join(sorted((re.escape(n) for n in names if len(n) > 3), key=len, reverse=True))
        + r")(?![\w])"
    )
    engine = Path(suggestions.__file__).parent
    found = [
        f"{path.name}:{number}: {match.group()}"
        for path in sorted(engine.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in pattern.finditer(line)
    ]
    assert found == []
