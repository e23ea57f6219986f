"""
``suggest(article)``: the mentions and proposals of one article, as the JSON the API and the
``suggest`` command return. Everything runs on the article's text and one name index; the
database is read a fixed number of times whatever the article's length.
"""

import re

from ..models import NonEditorialSpan
from ..text.search import fold_for_search
from . import names, noneditorial, plants, proposals
from .candidates import (
    LEGAL_NAME,
    NOT_NAMES,
    Candidate,
    find_candidates,
    names_a_place_here,
    short_form,
)
from .discourse import without_legal_form
from .facts import CitedFacts
from .figures import ClauseMap
from .proposals import find_aliases
from .reading import figures_and_dates
from .text import sentences, tokens


class Reading:
    """An article's text read once: words, sentences, clauses and the parts not to read."""

    def __init__(
        self, body, language, excluded, publisher="", published_year=None, published_month=None
    ):
        self.body = body
        self.language = language
        self.publisher = publisher
        self.published_year = published_year  # the year of days and months written without one
        self.published_month = published_month  # next year's for a month ahead of this one
        # 1 for each character inside a non-editorial part: a lookup costs the mention's length.
        self.excluded = bytearray(len(body))
        for start, end in excluded:
            self.excluded[start:end] = b"\1" * (end - start)
        self.words = tokens(body)
        self.sentences = sentences(body)
        self.clause_map = ClauseMap.of(body, self.sentences)
        self.candidates = {}  # start -> Candidate, for the company proposals
        self.aliases = []  # AliasFound, for the alias proposals

    def is_excluded(self, start, end):
        return any(self.excluded[start:end])


def _mention(kind, start, end, body, **extra):
    mention = {
        "kind": kind,
        "start": start,
        "end": end,
        "text": body[start:end],
        "record": None,
        "value": None,
        "unit": None,
        "qualifier": None,
        "year": None,
        "date": None,
        "precision": None,
    }
    mention.update(extra)
    return mention


def find_mentions(reading, index):
    body = reading.body
    mentions = []
    for match in index.find(reading.words, body):
        start, end = reading.words[match.first].start, reading.words[match.last - 1].end
        mentions.append(
            _mention(match.named.kind, start, end, body, record=match.named.reference())
        )
    known = bytearray(len(body))
    for mention in mentions:
        known[mention["start"] : mention["end"]] = b"\1" * (mention["end"] - mention["start"])
    places = plants.known_places(index)
    for start, end, plant_id in plants.place_mentions(body, index, known):
        record = plants.plant_reference(places, plant_id)
        mentions.append(_mention("plant", start, end, body, record=record))
        known[start:end] = b"\1" * (end - start)
    mentions, subsidiaries = _subsidiaries_without_forms(body, mentions, known)
    candidates = [
        candidate
        for candidate in find_candidates(body, lambda s, e: any(known[s:e]), index.knows)
        if not _names_publisher(candidate.name, reading.publisher)
    ]
    taken = bytearray(len(body))
    for candidate in candidates:
        taken[candidate.start : candidate.end] = b"\1" * (candidate.end - candidate.start)
    candidates = sorted(
        candidates + [c for c in subsidiaries if not any(taken[c.start : c.end])],
        key=lambda candidate: candidate.start,
    )
    mentions = _without_parents_of_subsidiaries(body, candidates, mentions, known)
    reading.aliases = find_aliases(body, candidates, mentions, index)
    aliased = {alias.start for alias in reading.aliases}
    reading.candidates = {c.start: c for c in candidates if c.start not in aliased}
    for again in _repeated_candidates(reading, list(reading.candidates.values()), known):
        reading.candidates.setdefault(again.start, again)
    for candidate in reading.candidates.values():
        mentions.append(_mention("candidate_company", candidate.start, candidate.end, body))
    figures, found_dates = figures_and_dates(
        body,
        reading.language,
        reading.words,
        reading.clause_map,
        reading.published_year,
        reading.published_month,
    )
    for figure in figures:
        mentions.append(
            _mention(
                "quantity",
                figure.start,
                figure.end,
                body,
                value=figure.value,
                unit=figure.unit,
                qualifier=figure.qualifier,
                year=figure.year,
            )
        )
    for found in found_dates:
        mentions.append(
            _mention(
                "date",
                found.start,
                found.end,
                body,
                year=found.date.year,
                date=found.partial,
                precision=str(found.precision),
            )
        )
    return mentions


def _without_parents_of_subsidiaries(body, candidates, mentions, known):
    """
    A known company's name followed by more words and a legal form ("Acme Europe GmbH" for a
    known "Acme") names another company, a subsidiary: the mention of the known name inside it
    is dropped (and its span freed) so that the whole name is read as a new company.
    """
    dropped = set()
    for candidate in candidates:
        if not candidate.legal_form:
            continue
        legal = LEGAL_NAME.fullmatch(candidate.name)
        base_end = candidate.start + (legal.end("name") if legal else len(candidate.name))
        for number, mention in enumerate(mentions):
            if (
                mention["kind"] == "company"
                and mention["start"] == candidate.start
                and mention["end"] < base_end
                and body[mention["end"] : base_end].strip()[:1].isupper()
            ):
                dropped.add(number)
                known[mention["start"] : mention["end"]] = b"\0" * (
                    mention["end"] - mention["start"]
                )
    return [mention for number, mention in enumerate(mentions) if number not in dropped]


# Capitalised words after a known name that may name a subsidiary of it: "X Atlantique", "X
# Battery Systems", "X Europe".
_MORE_WORDS = re.compile(
    r"(?P<extra>(?:[ \u00a0]+(?:(?:de|du|des|of)[ \u00a0]+)?[A-ZÀ-Ý][\w'’-]*){1,3})(?![\w])"
)
# A word of subsidiaries before or after the name: "sa filiale X", "X, its pack subsidiary".
_SUBSIDIARY_BEFORE = re.compile(
    r"(?i:filiale|subsidiary|unit|branch|arm)[ \u00a0]+(?:(?:de[ \u00a0]+)?[\w-]+[ \u00a0]+){0,2}$"
)
_SUBSIDIARY_AFTER = re.compile(
    r"[ \u00a0]*,[ \u00a0]*(?i:its|their|sa|leur|la|une?|an?|the)[ \u00a0]+"
    r"(?:[\w-]+[ \u00a0]+){0,3}?(?i:filiale|subsidiary|unit|branch|arm)(?![\w])"
)
# Words of a region of the world after a known name: "X Europe", "X Iberia", "X Nordic".
_REGION_WORDS = frozenset(
    {"europe", "iberia", "iberica", "america", "americas", "asia", "africa", "nordic", "nordics",
     "atlantique", "atlantic", "mediterranee", "mediterranean", "baltic", "balkans", "benelux",
     "scandinavia", "polska", "deutschland", "espana", "italia", "sverige", "norge", "suomi"}
)  # fmt: skip


def _subsidiaries_without_forms(body, mentions, known):
    """
    A known company's name followed by more capitalised words that a word of subsidiaries
    accompanies ("sa filiale X Atlantique", "X Battery Systems, its pack subsidiary") or that
    name a region of the world ("X Europe"): another company, a subsidiary, named without a
    legal form. Its mentions of the known name are dropped (their spans freed), every writing of
    the longer name is a candidate.
    """
    longer = {}
    for mention in mentions:
        if mention["kind"] != "company":
            continue
        more = _MORE_WORDS.match(body, mention["end"])
        if more is None or any(known[more.start() : more.end()]):
            continue
        extra = more.group("extra").split()
        said = _SUBSIDIARY_BEFORE.search(body, max(0, mention["start"] - 40), mention["start"])
        said = said or _SUBSIDIARY_AFTER.match(body, more.end())
        if said or fold_for_search(extra[0]) in _REGION_WORDS:
            longer[body[mention["start"] : more.end()]] = None
    if not longer:
        return mentions, []
    kept, found = [], []
    for mention in mentions:
        more = _MORE_WORDS.match(body, mention["end"]) if mention["kind"] == "company" else None
        whole = body[mention["start"] : more.end()] if more else None
        if whole is None or whole not in longer:
            kept.append(mention)
            continue
        known[mention["start"] : mention["end"]] = b"\0" * (mention["end"] - mention["start"])
        found.append(Candidate(mention["start"], more.end(), whole))
    return kept, found


def _names_publisher(name, publisher):
    """
    A publisher's name in its byline is no company the article reports on; a company publishing
    its own press release ("Acme (press release)", "Acme (communiqué)") is the one it reports on.
    """
    if _OWN_RELEASE.search(publisher or ""):
        return False
    publisher = (publisher or "").split("(")[0]
    return bool(publisher.strip()) and fold_for_search(name) == fold_for_search(publisher)


_OWN_RELEASE = re.compile(
    r"\((?:press[ \u00a0]+release|communiqué(?:[ \u00a0]+de[ \u00a0]+presse)?|"
    r"news[ \u00a0]*release)\)",
    re.I,
)


def _initials_of(name):
    """ "AMA" for "Acme Matériaux Avancés"; "" for a name of fewer than three capitalised words."""
    initials = "".join(word[0] for word in name.replace("-", " ").split() if word[:1].isupper())
    return initials if len(initials) >= 3 and initials.isupper() else ""


# A short form joined to a place's name, or after the French "en" of regions: "(X-Atlantique)",
# "in Târgu X", "en X" are the place the company is named after, not the company.
_PLACE_JOINED = re.compile(r"[-\u2010\u2011]")
_REGION_BEFORE = re.compile(r"(?<![\w])en[ \u00a0]+$")
_CAPITALISED_BEFORE = re.compile(r"(?<=[a-zà-ÿ,])[ \u00a0](?P<word>[A-ZÀ-Ý][\w'’-]*)[ \u00a0]+$")


def _inside_a_place(body, start, end):
    """Whether a lone word is part of a place's compound name or names a French region."""
    return bool(
        (start and _PLACE_JOINED.match(body, start - 1))
        or _PLACE_JOINED.match(body, end)
        or _REGION_BEFORE.search(body, max(0, start - 4), start)
        or bool(
            (before := _CAPITALISED_BEFORE.search(body, max(0, start - 30), start))
            and fold_for_search(before.group("word")) not in NOT_NAMES
        )
    )


def _repeated_candidates(reading, candidates, known):
    """Later mentions of a candidate name ("la start-up Norda" ... "l'usine de Norda"), with
    or without its legal form ("Cellules du Sud SAS" ... "Cellules du Sud")."""
    entries = [(c.name, names.Named("candidate", 0, None, c.name, False, True)) for c in candidates]
    entries += [
        (base, names.Named("candidate", 0, None, c.name, False, True))
        for c in candidates
        if (base := without_legal_form(c.name)) != c.name
    ]
    entries += [
        (short, names.Named("candidate", 0, None, c.name, False, True))
        for c in candidates
        if (short := short_form(without_legal_form(c.name)))
    ]
    # The initials of a name of three capitalised words or more, written as an acronym ("AMA"
    # for "Acme Matériaux Avancés"): the discourse tells which company it writes, if only one.
    entries += [
        (initials, names.Named("candidate", 0, None, c.name, False, True))
        for c in candidates
        if len(initials := _initials_of(without_legal_form(c.name))) >= 3
    ]
    if not entries:
        return
    by_name = {c.name: c for c in candidates}
    for match in names.NameIndex(entries).find(reading.words, reading.body):
        start = reading.words[match.first].start
        end = reading.words[match.last - 1].end
        if any(known[start:end]):
            continue
        if match.last - match.first == 1 and (
            names_a_place_here(reading.body, start, end)
            or _inside_a_place(reading.body, start, end)
        ):
            continue  # "the X valley": the place a company's short form is named after
        written = reading.body[start:end]
        if written.isupper() and written == _initials_of(without_legal_form(match.named.name)):
            # an acronym written in capitals only; "canonical" says which name, if any, it is
            yield Candidate(start, end, written)
            continue
        if not any(known[start:end]):
            first = by_name[match.named.name]
            yield Candidate(start, end, reading.body[start:end], first.kind, first.country)


def suggest(article):
    """
    What an editor would extract from ``article``: ``{"article", "mentions", "proposals"}``.
    Nothing is read inside a part marked non-editorial, nor inside one this proposes to mark.
    """
    body = article.body or ""
    marked = list(
        NonEditorialSpan.objects.filter(article_id=article.pk).values_list("start", "end", "kind")
    )
    if not body.strip():
        return {"article": article.pk, "mentions": [], "proposals": []}
    index = names.current_index()
    detected = [
        part
        for part in noneditorial.detect(body)
        if not any(start < part.end and part.start < end for start, end, _ in marked)
    ]
    excluded = [(start, end) for start, end, _ in marked] + [(p.start, p.end) for p in detected]
    published = getattr(article, "published_on", None)
    reading = Reading(
        body,
        article.language,
        excluded,
        getattr(article, "publisher", ""),
        published.year if published else None,
        published.month if published else None,
    )
    mentions = [
        mention
        for mention in find_mentions(reading, index)
        if not reading.is_excluded(mention["start"], mention["end"])
    ]
    mentions.sort(key=lambda mention: (mention["start"], mention["end"], mention["kind"]))
    reading.aliases = [a for a in reading.aliases if not reading.is_excluded(a.start, a.end)]
    facts = CitedFacts(article.pk) if article.pk else None
    found = proposals.build(article, reading, mentions, detected, index, facts)
    return {"article": article.pk, "mentions": mentions, "proposals": found}
