"""
Proposals: candidate records built from the mentions of one sentence, each quoting that sentence
(or, in a long one, the clauses that state the fact) with offsets into the original text.
"""

import re
from dataclasses import dataclass

from django.utils.text import slugify

from . import agreements, records
from .candidates import NAME
from .common import by_sentence, proposal
from .text import containing_index

_FULL_NAME_BEFORE = re.compile(rf"(?<![\w-])(?P<name>{NAME})[ \u00a0]*\($")


def build(article, reading, mentions, detected, index, facts):
    """Every proposal for the article, in text order, without duplicates."""
    found = []
    seen = set()

    def add(key, item):
        if key not in seen:
            seen.add(key)
            found.append(item)

    for sentence in by_sentence(reading, mentions):
        for key, item in records.stakes(sentence, facts):
            add(key, item)
        for key, item in records.capacities(sentence, facts):
            add(key, item)
        for key, item in records.milestones(sentence, facts):
            add(key, item)
        for key, item in agreements.agreements(sentence, facts):
            add(key, item)
    for key, item in companies_and_aliases(article, reading, mentions, index):
        add(key, item)
    body = reading.body
    for part in detected:
        fields = {"kind": part.kind, "start": part.start, "end": part.end}
        add(("non_editorial", part.start), proposal("non_editorial", fields, body, *_span_of(part)))
    found.sort(key=lambda item: (item["start"], item["kind"]))
    return found


def _span_of(part):
    return part.start, part.end


def companies_and_aliases(article, reading, mentions, index):
    """New companies for candidate names; new aliases for other writings of known ones."""
    body = reading.body
    for mention in mentions:
        if mention["kind"] != "candidate_company":
            continue
        candidate = reading.candidates.get(mention["start"])
        sentence = containing_index(reading.sentences, mention["start"], mention["end"])
        start, end = _sentence_or_mention(reading, sentence, mention)
        fields = {
            "name": mention["text"],
            "slug": slugify(mention["text"]),
            "kind": candidate.kind if candidate else None,
            "country": candidate.country if candidate else None,
        }
        yield ("company", slugify(mention["text"])), proposal("company", fields, body, start, end)
    for alias in reading.aliases:
        sentence = containing_index(reading.sentences, alias.start, alias.end)
        mention = {"start": alias.start, "end": alias.end}
        start, end = _sentence_or_mention(reading, sentence, mention)
        fields = {"company": alias.company_slug, "name": alias.name, "language": article.language}
        yield (
            ("alias", alias.company_slug, alias.name.casefold()),
            proposal("alias", fields, body, start, end),
        )


def _sentence_or_mention(reading, sentence, mention):
    if sentence is None:
        return mention["start"], mention["end"]
    passage = reading.sentences[sentence]
    return passage.start, passage.end


@dataclass(frozen=True)
class AliasFound:
    start: int
    end: int
    name: str
    company_slug: str


def find_aliases(body, candidates, known_mentions, index):
    """
    Other writings of known companies: a known name with a legal form ("Verkor SAS"), and a
    full name before a known acronym, or the reverse ("Automotive Cells Company (ACC)").
    """
    found = []
    for candidate in candidates:
        if not candidate.legal_form:
            continue
        inside = [m for m in known_mentions if candidate.start <= m["start"] < candidate.end]
        if inside and inside[0]["kind"] == "company" and inside[0]["start"] == candidate.start:
            slug = inside[0]["record"]["slug"]
            found.append(AliasFound(candidate.start, candidate.end, candidate.name, slug))
    for known in known_mentions:
        if known["kind"] != "company":
            continue
        full = _FULL_NAME_BEFORE.search(body, max(0, known["start"] - 100), known["start"])
        if full and body[known["end"] : known["end"] + 1] == ")":
            name = full.group("name")
            if _is_acronym_of(known["text"], name) and not index.knows(name):
                slug = known["record"]["slug"]
                found.append(AliasFound(full.start("name"), full.end("name"), name, slug))
    return found


def _is_acronym_of(short, name):
    initials = "".join(word[0] for word in re.findall(r"[A-Za-zÀ-ÿ]+", name) if word[0].isupper())
    return len(short) >= 2 and initials.upper() == short.replace(".", "").upper()
