"""
Proposals: candidate records built from the mentions of one sentence, each quoting that sentence
(or, in a long one, the clauses that state the fact) with offsets into the original text.
"""

import re
from dataclasses import dataclass

from django.utils.text import slugify

from ..models import Company
from . import agreements, descriptors, discourse, places, plant_figures, records, stakes
from .candidates import LEGAL_NAME, NAME, PREFIX_FORM
from .common import by_sentence, party, proposal
from .merging import merged
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

    sentences = by_sentence(reading, mentions)
    context = discourse.Discourse(article, reading, sentences, index, _attributes(mentions))
    context.stake_memory = stakes.Memory()
    context.article_date = stakes.article_date(article)
    context.article_date_precision = getattr(article, "published_precision", "") or "day"
    context.last_agreement = None
    for sentence in sentences:
        for builder in (
            stakes.stakes,
            records.capacities,
            records.milestones,
            plant_figures.plant_figures,
            agreements.agreements,
        ):
            for key, item in builder(sentence, facts, context):
                add(key, item)
    for key, item in new_plants(context):
        add(key, item)
    for key, item in companies_and_aliases(article, reading, mentions, index, context):
        add(key, item)
    body = reading.body
    for part in detected:
        fields = {"kind": part.kind, "start": part.start, "end": part.end}
        add(("non_editorial", part.start), proposal("non_editorial", fields, body, *_span_of(part)))
    found = merged(found)
    found.sort(key=lambda item: (item["start"], item["kind"]))
    return found


def _attributes(mentions):
    """The kind and country of each known company the article names, in one query."""
    ids = {m["record"]["id"] for m in mentions if m["kind"] == "company" and m["record"]}
    unknown = {"", "other", "not_stated"}
    return {
        pk: (kind if kind not in unknown else None, country or None)
        for pk, kind, country in Company.objects.filter(pk__in=ids).values_list(
            "pk", "kind", "country"
        )
    }


def new_plants(context):
    """The plants the article introduces, each quoting the sentence that places it."""
    for plant in context.new_plants:
        operator = plant.operator
        sentence = context.reading.sentences[plant.sentence]
        fields = {
            "name": plant.reference(context.operator_name(operator))["name"],
            "operator": party(operator) if operator else None,
            "kind": plant.kind,
            "status": plant.status,
            "city": plant.city,
            "country": plant.country,
        }
        body = context.reading.body
        yield ("plant", plant.city), proposal("plant", fields, body, sentence.start, sentence.end)


def _span_of(part):
    return part.start, part.end


def companies_and_aliases(article, reading, mentions, index, context):
    """New companies for candidate names; new aliases for other writings of known ones."""
    body = reading.body
    candidates = [m for m in mentions if m["kind"] == "candidate_company"]
    # What the article states of a company at any of its mentions, the first said first.
    stated = {}
    for mention in candidates:
        name = context.canonical.get(mention["text"], mention["text"])
        kind, country = company_details(context, mention, name)
        known_kind, known_country = stated.get(name, ("not_stated", None))
        stated[name] = (
            known_kind if known_kind != "not_stated" else kind,
            known_country or country,
        )
    for name, (kind, country) in stated.items():
        if kind == "not_stated":
            # what it says at none of its mentions, the kind of the plant it runs says
            stated[name] = (_operator_kind(context, name) or kind, country)
    for mention in candidates:
        name = context.canonical.get(mention["text"], mention["text"])
        sentence = containing_index(reading.sentences, mention["start"], mention["end"])
        start, end = _sentence_or_mention(reading, sentence, mention)
        kind, country = stated[name]
        fields = {"name": name, "slug": slugify(name), "kind": kind, "country": country}
        yield ("company", slugify(name)), proposal("company", fields, body, start, end)
        if name != mention["text"] and not _is_short_form(mention["text"], name):
            fields = {"company": name, "name": mention["text"], "language": article.language}
            key = ("alias", name, mention["text"].casefold())
            yield key, proposal("alias", fields, body, start, end)
    for alias in reading.aliases:
        sentence = containing_index(reading.sentences, alias.start, alias.end)
        mention = {"start": alias.start, "end": alias.end}
        start, end = _sentence_or_mention(reading, sentence, mention)
        fields = {"company": alias.company_slug, "name": alias.name, "language": article.language}
        yield (
            ("alias", alias.company_slug, alias.name.casefold()),
            proposal("alias", fields, body, start, end),
        )


def _is_short_form(writing, name):
    """ "Norda" for "Norda Energy Solution": a short form, not an alias worth recording."""
    return name.casefold().startswith(writing.casefold() + " ")


# A plant's kind says what its operator makes: a cell plant's operator makes cells.
OPERATOR_KIND = {
    "cell_gigafactory": "cell_maker",
    "module_assembly": "industrial",
    "other": "industrial",
}


def company_details(context, mention, name):
    """The kind and country the article states of a new company; "not stated" otherwise."""
    known = context.info(mention)
    candidate = context.reading.candidates.get(mention["start"])
    kind = known.kind if known else None
    country = known.country if known else None
    kind = kind or descriptors.activity_kind(context.reading.body, mention["end"])
    if candidate is not None:
        kind = kind or (candidate.kind if candidate.kind not in (None, "other") else None)
        country = country or candidate.country
    if country is None:
        country = descriptors.based_country(context.reading.body, mention["end"], context.countries)
    if country is None:
        country = _fronted_seat_country(context, mention)
    if country is None:
        named = places.countries_in(name)  # "Grand Ouest Capital", "Iberia Anodes"
        country = named[0] if named else None
    if country is None:
        country = legal_form_country(_written_name(context, mention), context.countries)
    return kind or "not_stated", country


def _written_name(context, mention):
    """The writing of a candidate with its legal form, when the text gives one."""
    candidate = context.reading.candidates.get(mention["start"])
    return candidate.name if candidate is not None else mention["text"]


# Legal forms of one country's law, which state where the company is registered: "X Oy" is
# Finnish, "X Kft." Hungarian. Forms several countries share (GmbH, AG, Ltd, BV, NV) say nothing,
# and s.r.o. and a.s. (Czech and Slovak alike) only with one of the two spoken of in the article.
_FORM_COUNTRY = {
    "oy": ("FI",), "oyj": ("FI",), "ab": ("SE",), "asa": ("NO",), "as": ("NO",),
    "a/s": ("DK",), "aps": ("DK",), "kft": ("HU",), "zrt": ("HU",), "sas": ("FR",),
    "sasu": ("FR",), "sarl": ("FR",), "s.a.s": ("FR",), "s.l": ("ES",), "s.l.u": ("ES",),
    "spa": ("IT",), "s.p.a": ("IT",), "s.r.l": ("IT",), "srl": ("IT",),
    "s.r.o": ("CZ", "SK"), "a.s": ("CZ", "SK"), "a.ş": ("TR",), "aş": ("TR",),
    "d.o.o": ("RS", "HR", "SI", "BA", "ME"), "d.d": ("HR", "SI", "BA"), "scr": ("ES",),
    "s.a.u": ("ES",), "sp. z o.o": ("PL",), "tbk": ("ID",), "pt": ("ID",), "p.t": ("ID",),
    "ooo": ("RU",), "bhd": ("MY",), "sdn bhd": ("MY",), "sdn. bhd": ("MY",),
    "pte ltd": ("SG",), "pte. ltd": ("SG",),
}  # fmt: skip


def legal_form_country(written, within=()):
    """The country whose law the legal form ending ``written`` is of, or None."""
    legal = LEGAL_NAME.fullmatch(written) or PREFIX_FORM.match(written)
    if legal is None:
        return None
    form = legal.group("form").casefold().rstrip(".").replace("\u00a0", " ")
    countries = _FORM_COUNTRY.get(form)
    if not countries:
        return None
    if len(countries) == 1:
        return countries[0]
    spoken = [country for country in within if country in countries]
    return spoken[0] if len(spoken) == 1 else None


def _operator_kind(context, name):
    """The kind the new plant a company runs gives it: a cell plant's operator makes cells."""
    kind = None
    for plant in context.new_plants:
        if plant.operator is not None and context.operator_name(plant.operator) == name:
            kind = OPERATOR_KIND.get(plant.kind)
    return kind


# A participle of seat opening the sentence whose subject the company is: "Installée à
# Saint-Avold, à côté de …, X assemble …", "Based in Lund, X makes …".
_FRONTED_SEAT = re.compile(
    # after a participle of founding: "Créée en 2015 et installée à X, …", "Founded in 2011
    # and headquartered in Y, …"
    r"[ \u00a0\n]*(?:(?:Fondée?s?|Créée?s?|Founded|Created|Established|Set[ \u00a0]up)"
    r"[^,.;:]{0,40}?[ \u00a0](?:et|and)[ \u00a0]+)?"
    r"(?i:Installée?s?|Basée?s?|Implantée?s?|Établie?s?|Based|Headquartered|Located)"
    r"[ \u00a0]+(?:à|au|en|in|at|near)[ \u00a0]+(?P<place>[A-ZÀ-Ý][\w'’]*"
    r"(?:[- ](?:(?:sur|de|du|la|le|en|lès)-)?[A-ZÀ-Ý][\w'’]*)*)[^.;:]{0,80}?,[ \u00a0]*$"
)


def _fronted_seat_country(context, mention):
    reading = context.reading
    index = containing_index(reading.sentences, mention["start"], mention["end"])
    if index is None:
        return None
    start = reading.sentences[index].start
    seat = _FRONTED_SEAT.match(reading.body, start, mention["start"])
    if seat is None:
        return None
    place = seat.group("place")
    return places.country_named(place) or places.city_country(place, context.countries)


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
