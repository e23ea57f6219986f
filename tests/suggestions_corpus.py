"""
The evaluation corpus of the suggestions engine (``tests/data/suggestions_corpus/``), read into
articles with what an editor expects from each: mentions with their spans and proposals with the
spans of their quotes. Its format is described in the corpus's README.md.

Reading resolves every text to offsets in the article, the way citations are found (tolerant of
typography, never of different words), and refuses, with a message naming the article and the
entry, anything it cannot resolve: the corpus is scored as written or not at all.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sourcing.text import quotes

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "suggestions_corpus"
KNOWN_FILE = CORPUS_DIR / "known.yaml"
HALVES = ("dev", "test")
LANGUAGES = ("en", "fr")

MENTION_KINDS = ("company", "plant", "candidate_company", "quantity", "date")
# A figure in another unit (tonnes, vehicles) is a quantity too, with no unit.
UNITS = ("GWh", "GWh/yr", "GW", "%", "EUR", "USD", "jobs", None)
QUALIFIERS = ("exact", "about", "over", "at_least", "up_to", "under")

# Each kind of proposal and the fields an expected record may give (the engine's vocabulary).
PROPOSAL_FIELDS = {
    "stake": (
        "holder",
        "target",
        "share_exact",
        "share_min",
        "share_min_exclusive",
        "share_max",
        "share_max_exclusive",
        "status",
        "as_of",
    ),
    "agreement": ("title", "kind", "status", "parties", "announced", "start_year", "volumes"),
    "plant_capacity": ("plant", "gwh_per_year", "qualifier", "basis", "year"),
    "plant_milestone": ("plant", "kind", "year"),
    "plant_figure": ("plant", "kind", "value", "unit", "qualifier", "year"),
    "plant": ("name", "operator", "kind", "status", "city", "country"),
    "company": ("name", "kind", "country"),
    "alias": ("company", "name", "language"),
    "non_editorial": ("kind",),
}
PROPOSAL_KINDS = tuple(PROPOSAL_FIELDS)
# Fields naming a company (a known slug, or the name of a company the article introduces).
COMPANY_FIELDS = {"stake": ("holder", "target"), "alias": ("company",), "plant": ("operator",)}
PLANT_FIELDS = ("plant_capacity", "plant_milestone", "plant_figure")

_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class CorpusError(ValueError):
    """A corpus file that cannot be read as written."""


@dataclass(frozen=True)
class Mention:
    kind: str
    start: int
    end: int
    text: str
    record: str | None = None  # a company's slug, a plant's name
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    year: int | None = None
    date: str | None = None


@dataclass(frozen=True)
class Proposal:
    number: int  # its place in the article's list, to name it in reports
    kind: str
    fields: dict
    spans: tuple  # ((start, end), ...) of each passage that states it
    note: str = ""


@dataclass
class Article:
    name: str
    half: str
    body: str
    title: str
    publisher: str
    authors: str
    language: str
    published: str
    style: str
    mentions: list = field(default_factory=list)
    proposals: list = field(default_factory=list)

    @property
    def size(self):
        return len(self.body.encode("utf-8"))

    def company_names(self):
        """Names of the companies this article introduces (its company proposals)."""
        return {p.fields["name"] for p in self.proposals if p.kind == "company"}

    def plant_names(self):
        """Names of the plants this article introduces (its plant proposals)."""
        return {p.fields["name"] for p in self.proposals if p.kind == "plant"}


def partial_date_problem(text):
    """Why ``text`` is not a date written YYYY, YYYY-MM or YYYY-MM-DD; None when it is one."""
    match = _PARTIAL_DATE.fullmatch(str(text))
    if match is None:
        return f"“{text}” is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return f"“{text}” is not a calendar date"
    return None


def _yaml(path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CorpusError(f"{path.name}: not valid YAML: {error}") from None


def load_known():
    """The records in the database before any article is read: {"companies", "plants"}."""
    known = _yaml(KNOWN_FILE)
    slugs = [company["slug"] for company in known["companies"]]
    if len(set(slugs)) != len(slugs):
        raise CorpusError("known.yaml: a company slug is given twice")
    for plant in known["plants"]:
        if plant["operator"] not in slugs:
            raise CorpusError(f"known.yaml: plant {plant['name']}: no company {plant['operator']}")
    return known


def article_names(half):
    if half not in HALVES:
        raise CorpusError(f"no half “{half}”: the halves are {', '.join(HALVES)}")
    return sorted(path.stem for path in (CORPUS_DIR / half).glob("*.txt"))


def load_half(half, known=None):
    known = known or load_known()
    return [load_article(half, name, known) for name in article_names(half)]


def load_article(half, name, known):
    folder = CORPUS_DIR / half
    body = (folder / f"{name}.txt").read_text(encoding="utf-8")
    meta_path = folder / f"{name}.yaml"
    if not meta_path.exists():
        raise CorpusError(f"{half}/{name}: no {meta_path.name} beside its text")
    meta = _yaml(meta_path) or {}
    where = f"{half}/{name}"
    article = Article(
        name=name,
        half=half,
        body=body,
        title=_required(meta, "title", where),
        publisher=_required(meta, "publisher", where),
        authors=meta.get("authors", ""),
        language=_required(meta, "language", where),
        published=str(_date_text(_required(meta, "published", where))),
        style=_required(meta, "style", where),
    )
    if article.language not in LANGUAGES:
        raise CorpusError(f"{where}: language “{article.language}” is not one of {LANGUAGES}")
    problem = partial_date_problem(article.published)
    if problem:
        raise CorpusError(f"{where}: published: {problem}")
    folded = quotes.fold(body)
    article.proposals = [
        _proposal(number, entry, body, folded, f"{where}: proposal {number}")
        for number, entry in enumerate(meta.get("proposals") or [], start=1)
    ]
    excluded = [p.spans[0] for p in article.proposals if p.kind == "non_editorial"]
    article.mentions = _mentions(meta.get("mentions") or {}, body, folded, excluded, where, known)
    return article


def _required(meta, key, where):
    value = meta.get(key)
    if value in (None, ""):
        raise CorpusError(f"{where}: “{key}” is missing")
    return value


def _date_text(value):
    """A date as written in the file: YAML reads an unquoted 2025-03-03 as a date."""
    return value.isoformat() if isinstance(value, datetime.date) else value


# -- Passages -------------------------------------------------------------------------------------


def _occurrences(body, folded, text, where):
    try:
        return [(m.start, m.end) for m in quotes.locate_all(body, text, folded_text=folded)]
    except quotes.QuoteNotFound as missing:
        raise CorpusError(
            f"{where}: “{text}” is not in the article (closest: “{missing.closest}”)"
        ) from None


def passage_span(body, folded, spec, where):
    """(start, end) of a quote, or of ``{from: A, through: B}``: from A to the last B after it."""
    if isinstance(spec, dict):
        if set(spec) != {"from", "through"}:
            raise CorpusError(f"{where}: a passage is a quote or {{from: ..., through: ...}}")
        start = _occurrences(body, folded, spec["from"], where)[0][0]
        ends = [end for s, end in _occurrences(body, folded, spec["through"], where) if s >= start]
        if not ends:
            raise CorpusError(f"{where}: “{spec['through']}” does not follow “{spec['from']}”")
        return start, ends[-1]
    spans = _occurrences(body, folded, str(spec), where)
    if len(spans) > 1:
        raise CorpusError(f"{where}: the quote “{spec}” occurs {len(spans)} times: quote more")
    return spans[0]


# -- Proposals ------------------------------------------------------------------------------------


def _proposal(number, entry, body, folded, where):
    kind = entry.get("kind")
    if kind not in PROPOSAL_FIELDS:
        raise CorpusError(f"{where}: kind “{kind}” is not one of {sorted(PROPOSAL_FIELDS)}")
    fields = entry.get("fields") or {}
    unknown = set(fields) - set(PROPOSAL_FIELDS[kind])
    if unknown:
        raise CorpusError(f"{where}: {kind} has no field {', '.join(sorted(unknown))}")
    quote = entry.get("quote")
    if not quote:
        raise CorpusError(f"{where}: no quote")
    specs = quote if isinstance(quote, list) else [quote]
    spans = tuple(passage_span(body, folded, spec, where) for spec in specs)
    fields = {name: _date_text(value) for name, value in fields.items()}
    for name in ("as_of", "announced"):
        problem = fields.get(name) and partial_date_problem(fields[name])
        if problem:
            raise CorpusError(f"{where}: {name}: {problem}")
    return Proposal(number, kind, fields, spans, entry.get("note", ""))


def company_references(proposal):
    """The companies an expected proposal names, by slug or by name."""
    fields = proposal.fields
    names = [fields.get(name) for name in COMPANY_FIELDS.get(proposal.kind, ())]
    if proposal.kind == "agreement":
        names += [party.get("company") for party in fields.get("parties") or []]
    return [name for name in names if name]


def plant_reference(proposal):
    return proposal.fields.get("plant") if proposal.kind in PLANT_FIELDS else None


# -- Mentions -------------------------------------------------------------------------------------


def _mention_entries(mentions, where):
    """(kind, text, within, details) for every entry of the ``mentions`` section."""
    unknown = set(mentions) - set(MENTION_KINDS)
    if unknown:
        raise CorpusError(f"{where}: mentions: no kind {', '.join(sorted(unknown))}")
    for kind in ("company", "plant"):
        for text, record in (mentions.get(kind) or {}).items():
            yield kind, str(text), None, {"record": record}
    for entry in mentions.get("candidate_company") or []:
        entry = entry if isinstance(entry, dict) else {"text": entry}
        yield "candidate_company", str(entry["text"]), entry.get("in"), {}
    for entry in mentions.get("quantity") or []:
        details = {
            "value": float(entry["value"]),
            "unit": entry.get("unit"),
            "qualifier": entry.get("qualifier", "exact"),
            "year": entry.get("year"),
        }
        if details["unit"] not in UNITS or details["qualifier"] not in QUALIFIERS:
            raise CorpusError(f"{where}: quantity “{entry['text']}”: unit or qualifier unknown")
        yield "quantity", str(entry["text"]), entry.get("in"), details
    for entry in mentions.get("date") or []:
        date = str(_date_text(entry["date"]))
        problem = partial_date_problem(date)
        if problem:
            raise CorpusError(f"{where}: date “{entry['text']}”: {problem}")
        yield "date", str(entry["text"]), entry.get("in"), {"date": date, "year": int(date[:4])}


def _mentions(section, body, folded, excluded, where, known):
    """
    Every occurrence of each entry's text (inside its ``in`` passage when given), except those
    in a non-editorial part and those inside a longer mention of the article.
    """
    records = {
        "company": {company["slug"] for company in known["companies"]},
        "plant": {plant["name"] for plant in known["plants"]},
    }
    found = []
    for kind, text, within, details in _mention_entries(section, where):
        record = details.get("record")
        if kind in records and record not in records[kind]:
            raise CorpusError(f"{where}: {kind} mention “{text}”: no known record “{record}”")
        spans = _occurrences(body, folded, text, f"{where}: {kind} mention")
        if within is not None:
            start, end = passage_span(body, folded, within, f"{where}: {kind} mention “{text}”")
            spans = [(s, e) for s, e in spans if start <= s and e <= end]
        for start, end in spans:
            found.append(Mention(kind, start, end, body[start:end], **details))
    kept = [
        mention
        for mention in found
        if not any(s <= mention.start and mention.end <= e for s, e in excluded)
        and not any(
            other.start <= mention.start
            and mention.end <= other.end
            and other.end - other.start > mention.end - mention.start
            for other in found
        )
    ]
    for kind, text, _, _ in _mention_entries(section, where):
        if not any(m.kind == kind and quotes.same_passage(m.text, text) for m in kept):
            raise CorpusError(f"{where}: {kind} mention “{text}” occurs only where it is not one")
    return sorted(kept, key=lambda m: (m.start, m.end, m.kind))
