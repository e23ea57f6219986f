"""
Seeding: the source documents in ``fixtures/articles/`` and the records curated from them in
``fixtures/curation.yaml``, loaded through the ORM, and the equivalent ``loaddata`` fixture.

The curation file names every record by a natural key (an article by its source file name, a
company by its slug, a plant, programme or agreement by its name or title) and every citation by
its quote: offsets are never typed by hand, ``Citation.save()`` finds them.

Loading is a reconciliation, so running it again changes nothing:

- a curated row that is missing is created; one that already holds the curated values is left
  alone (no save, so no new history row);
- a row that differs is updated only if the seed made its last change (its newest history entry
  carries the change reason ``seed`` and no user, or it has no history because ``loaddata``
  brought it in); a row an editor has changed or deleted since is left as it is and reported;
- a citation of a seeded record that the curation file no longer makes (an editor judged the
  passage does not support the fact and took it out) is withdrawn: deleted, with history, if the
  seed alone ever wrote it; kept and reported if an editor added or changed it;
- records are never deleted: taking a record out of the curation file does not remove it from a
  database that already has it.

Any invalid record or quote raises ``SeedError`` with a message naming the record and the
document; callers run the whole load in one transaction so the database is left as it was.
"""

import json
import operator
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import reduce
from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Q

from . import quotes
from .models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    Company,
    CompanyAlias,
    NonEditorialSpan,
    Plant,
    PlantAlias,
    PlantCapacity,
    PlantMilestone,
    QuantityQualifier,
    ReviewStatus,
    Stake,
    ValueBasis,
    VehicleProgramme,
    parse_partial_date,
)
from .seed_provenance import (
    BASIS_KEYS,
    check_seeded_provenance,
    seed_value_bases,
    withdraw_value_bases,
)

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
CURATION_FILE = FIXTURES_DIR / "curation.yaml"
FIXTURE_FILE = FIXTURES_DIR / "seed.json"
# The source documents sit in this folder next to the curation file.
ARTICLES_DIR_NAME = "articles"

SEED_CHANGE_REASON = "seed"

# loaddata saves raw and cannot fill auto_now fields; one fixed stamp keeps the generated fixture
# reproducible (the day the seed data was curated).
FIXTURE_TIMESTAMP = "2026-11-22T00:00:00Z"

# Fixture order: loaddata saves in this order, and the raw-save check of a citation needs its
# article and the article's non-editorial spans to be there already.
SEEDED_MODELS = [
    Article,
    NonEditorialSpan,
    Company,
    CompanyAlias,
    Plant,
    PlantAlias,
    PlantCapacity,
    PlantMilestone,
    VehicleProgramme,
    Stake,
    Agreement,
    AgreementParty,
    AgreementVolume,
    Citation,
    ValueBasis,
]


class SeedError(Exception):
    """Seed data that cannot be loaded; the message names the record and the document."""


class SourceFileError(ValueError):
    """A source document file that cannot be taken in as an article body."""


def read_source_text(path):
    """A source document's text exactly as received, or a ``SourceFileError`` saying why not."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceFileError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not raw.strip():
        raise SourceFileError(f"{path}: the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceFileError(
            f"{path}: not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start} "
            "cannot be decoded); convert it to UTF-8 first"
        ) from None
    # PostgreSQL text columns cannot hold NUL, and no article contains one.
    if "\x00" in text:
        raise SourceFileError(f"{path}: contains NUL characters, so it is not a text document")
    if not any(_is_visible(char) for char in text):
        raise SourceFileError(f"{path}: has no visible text (only spaces or invisible characters)")
    return text


def _is_visible(char):
    # Spaces, controls and format characters (zero-width spaces, byte order marks) show nothing.
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf"}


def first_line_title(text, max_length=500):
    """The first non-blank line of a document, as a title when none is given."""
    for line in text.splitlines():
        line = " ".join(
            "".join(char for char in line if _is_visible(char) or char.isspace()).split()
        )
        if line:
            return line if len(line) <= max_length else line[: max_length - 1] + "…"
    return ""


def describe_validation_error(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


# -- Reading the curation file --------------------------------------------------------------------


def _mapping(entry, where, required=(), optional=()):
    """Check that ``entry`` is a mapping with the required keys and no unknown ones."""
    if not isinstance(entry, dict):
        raise SeedError(f"{where}: expected a mapping of fields, got {entry!r}")
    missing = [key for key in required if key not in entry]
    if missing:
        raise SeedError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(entry) - set(required) - set(optional))
    if unknown:
        raise SeedError(f"{where}: unknown field(s) {', '.join(unknown)}")
    return entry


def _list(value, where):
    if value is None:
        return []
    if not isinstance(value, list):
        raise SeedError(f"{where}: expected a list, got {value!r}")
    return value


def _text(value):
    return "" if value is None else str(value)


def _decimal(value, where):
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise SeedError(f"{where}: “{value}” is not a number") from None


def _date(value, where):
    if value in (None, ""):
        return None, ""
    # YAML reads an unquoted 2021-06-28 as a date already.
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    try:
        return parse_partial_date(text)
    except ValueError as error:
        raise SeedError(f"{where}: {error}") from None


# -- Loading --------------------------------------------------------------------------------------


_DELETED = object()


def seed_entry():
    """History entries the seed wrote: its change reason, and no user (it runs as a command)."""
    return Q(history_change_reason=SEED_CHANGE_REASON, history_user__isnull=True)


def is_seed_entry(entry):
    return entry.history_change_reason == SEED_CHANGE_REASON and entry.history_user_id is None


def by_whom(entry):
    who = f"by {entry.history_user}" if entry.history_user_id else "by someone"
    return f"{who} on {entry.history_date:%Y-%m-%d %H:%M}"


@dataclass
class SeedReport:
    # Model -> primary keys of the curated rows, in the order the curation file gives them, and
    # after them the citations editors added to those rows: what the database holds for them.
    records: dict = field(default_factory=dict)
    created: int = 0
    updated: int = 0
    # Citations of curated rows that the curation file no longer makes, deleted.
    withdrawn: int = 0
    # One message per curated row an editor has changed or deleted since it was seeded, and per
    # citation an editor added or changed that the curation file does not make.
    kept: list = field(default_factory=list)

    def add(self, instance):
        pks = self.records.setdefault(type(instance), [])
        if instance.pk not in pks:
            pks.append(instance.pk)

    def count(self, model):
        return len(self.records.get(model, []))

    def contents(self):
        counts = [
            (Article, "articles"),
            (Company, "companies"),
            (Stake, "stakes"),
            (Agreement, "agreements"),
            (Plant, "plants"),
            (VehicleProgramme, "vehicle programmes"),
        ]
        listed = ", ".join(f"{self.count(model)} {name}" for model, name in counts)
        return f"{listed} and {self.count(Citation)} citations (all verified)"

    def summary(self):
        kept = (
            f"; {len(self.kept)} row(s) changed or added by editors since seeding were left as "
            "they are"
            if self.kept
            else ""
        )
        if not (self.created or self.updated or self.withdrawn):
            return f"Nothing changed: {self.contents()} were already seeded{kept}."
        withdrawn = (
            f", {self.withdrawn} citation{'' if self.withdrawn == 1 else 's'} withdrawn"
            if self.withdrawn
            else ""
        )
        return (
            f"Seeded {self.contents()}: {self.created} rows created, {self.updated} updated"
            f"{withdrawn}{kept}."
        )


class Seeder:
    """Loads one curation file. Use ``seed()``, which runs it in a transaction."""

    def __init__(self, curation_path=CURATION_FILE):
        self.path = Path(curation_path)
        self.articles_dir = self.path.parent / ARTICLES_DIR_NAME
        try:
            self.data = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        except OSError as error:
            raise SeedError(f"{self.path}: cannot be read ({error.strerror or error})") from None
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            raise SeedError(f"{self.path}: not a valid YAML file: {error}") from None
        _mapping(
            self.data,
            str(self.path),
            optional=("articles", "companies", "plants", "programmes", "stakes", "agreements"),
        )
        self.report = SeedReport()
        self.articles = {}
        self.companies = {}
        self.plants = {}
        self.programmes = {}

    def run(self):
        for entry in _list(self.data.get("articles"), "articles"):
            self.seed_article(entry)
        for entry in _list(self.data.get("companies"), "companies"):
            self.seed_company(entry)
        for entry in _list(self.data.get("plants"), "plants"):
            self.seed_plant(entry)
        for entry in _list(self.data.get("programmes"), "programmes"):
            self.seed_programme(entry)
        for entry in _list(self.data.get("stakes"), "stakes"):
            self.seed_stake(entry)
        for entry in _list(self.data.get("agreements"), "agreements"):
            self.seed_agreement(entry)
        self.withdraw_citations()
        withdraw_value_bases(self, is_seed_entry)
        self.verify_citations()
        check_seeded_provenance(self.report, SeedError)
        return self.report

    # -- one section each ---------------------------------------------------------------------

    def seed_article(self, entry):
        where = f"article {entry.get('file') if isinstance(entry, dict) else entry!r}"
        _mapping(
            entry,
            where,
            required=("file", "title", "language"),
            optional=(
                "publisher",
                "authors",
                "published",
                "published_inferred",
                "metadata_notes",
                "url",
                "non_editorial",
            ),
        )
        filename = str(entry["file"])
        try:
            body = read_source_text(self.articles_dir / filename)
        except SourceFileError as error:
            raise SeedError(f"{where}: {error}") from None
        published_on, precision = _date(entry.get("published"), where)
        article = self.sync(
            Article,
            {"source_filename": filename},
            {
                "title": _text(entry["title"]).strip(),
                "publisher": _text(entry.get("publisher")),
                "authors": _text(entry.get("authors")),
                "language": _text(entry["language"]),
                "published_on": published_on,
                "published_precision": precision,
                "published_inferred": bool(entry.get("published_inferred", False)),
                "metadata_notes": _text(entry.get("metadata_notes")).strip(),
                "url": _text(entry.get("url")),
                "body": body,
            },
            where,
        )
        self.articles[filename] = article
        if article is None:
            return
        for index, span in enumerate(_list(entry.get("non_editorial"), f"{where} non_editorial")):
            self.seed_non_editorial(article, span, f"{where}, non-editorial part {index + 1}")

    def seed_non_editorial(self, article, entry, where):
        _mapping(entry, where, required=("kind",), optional=("text", "from", "through"))
        for start, end in self.locate_span(article, entry, where):
            self.sync(
                NonEditorialSpan,
                {"article": article, "start": start, "end": end},
                {"kind": _text(entry["kind"])},
                f"{where} [{start}:{end}]",
            )

    def locate_span(self, article, entry, where):
        """
        ``text``: every occurrence of a passage (a navigation label can repeat); ``from`` and
        ``through``: from the first occurrence of one passage to the end of the next occurrence
        of another (a whole comment section).
        """
        if "text" in entry:
            try:
                matches = quotes.locate_all(article.body, _text(entry["text"]))
            except quotes.QuoteNotFound:
                raise SeedError(
                    f"{where}: “{entry['text']}” is not in {article.source_filename}"
                ) from None
            return [(match.start, match.end) for match in matches]
        if "from" in entry and "through" in entry:
            try:
                first = quotes.locate(article.body, _text(entry["from"]))
            except quotes.QuoteNotFound:
                raise SeedError(
                    f"{where}: “{entry['from']}” is not in {article.source_filename}"
                ) from None
            tail = article.body[first.start :]
            try:
                last = quotes.locate(tail, _text(entry["through"]))
            except quotes.QuoteNotFound:
                raise SeedError(
                    f"{where}: “{entry['through']}” does not follow “{entry['from']}” in "
                    f"{article.source_filename}"
                ) from None
            return [(first.start, first.start + last.end)]
        raise SeedError(f"{where}: give either text, or from and through")

    def seed_company(self, entry):
        where = f"company {entry.get('slug') if isinstance(entry, dict) else entry!r}"
        _mapping(
            entry,
            where,
            required=("slug", "name", "kind"),
            optional=("country", "parent", "description", "notes", "aliases", "cite", *BASIS_KEYS),
        )
        slug = _text(entry["slug"])
        if slug in self.companies:
            raise SeedError(f"{where}: listed twice")
        company = self.sync(
            Company,
            {"slug": slug},
            {
                "name": _text(entry["name"]),
                "kind": _text(entry["kind"]),
                "country": _text(entry.get("country")),
                # A parent is listed before its children, so it is already known here.
                "parent": self.company(entry.get("parent"), where),
                "description": _text(entry.get("description")).strip(),
                **self.curated(entry),
            },
            f"company “{slug}”",
        )
        self.companies[slug] = company
        if company is None:
            return
        for alias in _list(entry.get("aliases"), f"{where} aliases"):
            alias_where = f"alias of company “{slug}”"
            _mapping(alias, alias_where, required=("name",), optional=("language",))
            self.sync(
                CompanyAlias,
                {"company": company, "name": _text(alias["name"])},
                {"language": _text(alias.get("language"))},
                f"alias “{alias['name']}” of company “{slug}”",
            )
        self.cite(company, entry, f"company “{slug}”")

    def seed_plant(self, entry):
        where = f"plant {entry.get('name') if isinstance(entry, dict) else entry!r}"
        _mapping(
            entry,
            where,
            required=("name", "kind", "status"),
            optional=(
                "operator",
                "city",
                "region",
                "country",
                "notes",
                "aliases",
                "capacities",
                "milestones",
                "cite",
                *BASIS_KEYS,
            ),
        )
        name = _text(entry["name"])
        label = f"plant “{name}”"
        plant = self.sync(
            Plant,
            {"name": name},
            {
                "operator": self.company(entry.get("operator"), where),
                "kind": _text(entry["kind"]),
                "status": _text(entry["status"]),
                "city": _text(entry.get("city")),
                "region": _text(entry.get("region")),
                "country": _text(entry.get("country")),
                **self.curated(entry),
            },
            label,
        )
        self.plants[name] = plant
        if plant is None:
            return
        for alias in _list(entry.get("aliases"), f"{where} aliases"):
            _mapping(alias, f"alias of {label}", required=("name",), optional=("language",))
            self.sync(
                PlantAlias,
                {"plant": plant, "name": _text(alias["name"])},
                {"language": _text(alias.get("language"))},
                f"alias “{alias['name']}” of {label}",
            )
        self.cite(plant, entry, label)
        for capacity in _list(entry.get("capacities"), f"{where} capacities"):
            self.seed_quantity(PlantCapacity, "plant", plant, capacity, label)
        for milestone in _list(entry.get("milestones"), f"{where} milestones"):
            _mapping(
                milestone,
                f"milestone of {label}",
                required=("kind", "year"),
                optional=("cite", *BASIS_KEYS),
            )
            milestone_label = f"milestone “{milestone['kind']} {milestone['year']}” of {label}"
            row = self.sync(
                PlantMilestone,
                {"plant": plant, "kind": _text(milestone["kind"]), "year": milestone["year"]},
                {},
                milestone_label,
            )
            self.cite(row, milestone, milestone_label)

    def seed_quantity(self, model, parent_field, parent, entry, parent_label):
        where = f"{model._meta.verbose_name} of {parent_label}"
        _mapping(
            entry,
            where,
            required=("gwh_per_year",),
            optional=("qualifier", "basis", "year", "cite", *BASIS_KEYS),
        )
        gwh = _decimal(entry["gwh_per_year"], where)
        basis = _text(entry.get("basis") or model.Basis.TARGET)
        label = f"{model._meta.verbose_name} {gwh} GWh ({basis}) of {parent_label}"
        row = self.sync(
            model,
            {parent_field: parent, "gwh_per_year": gwh, "basis": basis, "year": entry.get("year")},
            {"qualifier": _text(entry.get("qualifier") or QuantityQualifier.EXACT)},
            label,
        )
        self.cite(row, entry, label)

    def seed_programme(self, entry):
        where = f"vehicle programme {entry.get('name') if isinstance(entry, dict) else entry!r}"
        _mapping(
            entry,
            where,
            required=("name",),
            optional=(
                "brand",
                "segment",
                "assembly_plant",
                "start_year",
                "notes",
                "cite",
                *BASIS_KEYS,
            ),
        )
        name = _text(entry["name"])
        label = f"vehicle programme “{name}”"
        programme = self.sync(
            VehicleProgramme,
            {"name": name},
            {
                "brand": self.company(entry.get("brand"), where),
                "segment": _text(entry.get("segment")),
                "assembly_plant": self.plant(entry.get("assembly_plant"), where),
                "start_year": entry.get("start_year"),
                **self.curated(entry),
            },
            label,
        )
        self.programmes[name] = programme
        self.cite(programme, entry, label)

    def seed_stake(self, entry):
        where = "stake"
        _mapping(
            entry,
            where,
            required=("holder", "target", "status"),
            optional=(
                "share_exact",
                "share_min",
                "share_min_exclusive",
                "share_max",
                "share_max_exclusive",
                "as_of",
                "notes",
                "cite",
                *BASIS_KEYS,
            ),
        )
        as_of, precision = _date(entry.get("as_of"), where)
        label = (
            f"stake of “{entry['holder']}” in “{entry['target']}” "
            f"({entry.get('as_of') or 'undated'})"
        )
        stake = self.sync(
            Stake,
            {
                "holder": self.company(entry["holder"], label),
                "target": self.company(entry["target"], label),
                "as_of": as_of,
                "as_of_precision": precision,
            },
            {
                "share_exact": _decimal(entry.get("share_exact"), label),
                "share_min": _decimal(entry.get("share_min"), label),
                "share_min_exclusive": bool(entry.get("share_min_exclusive", False)),
                "share_max": _decimal(entry.get("share_max"), label),
                "share_max_exclusive": bool(entry.get("share_max_exclusive", False)),
                "status": _text(entry["status"]),
                **self.curated(entry),
            },
            label,
        )
        self.cite(stake, entry, label)

    def seed_agreement(self, entry):
        where = f"agreement {entry.get('title') if isinstance(entry, dict) else entry!r}"
        _mapping(
            entry,
            where,
            required=("title", "kind", "status"),
            optional=(
                "announced",
                "signed",
                "start_year",
                "plant",
                "programmes",
                "notes",
                "parties",
                "volumes",
                "cite",
                *BASIS_KEYS,
            ),
        )
        title = _text(entry["title"])
        label = f"agreement “{title}”"
        announced_on, announced_precision = _date(entry.get("announced"), label)
        signed_on, signed_precision = _date(entry.get("signed"), label)
        agreement = self.sync(
            Agreement,
            {"title": title},
            {
                "kind": _text(entry["kind"]),
                "status": _text(entry["status"]),
                "announced_on": announced_on,
                "announced_precision": announced_precision,
                "signed_on": signed_on,
                "signed_precision": signed_precision,
                "start_year": entry.get("start_year"),
                "plant": self.plant(entry.get("plant"), label),
                **self.curated(entry),
            },
            label,
            many={
                "programmes": [
                    self.programme(name, label)
                    for name in _list(entry.get("programmes"), f"{label} programmes")
                ]
            },
        )
        if agreement is None:
            return
        self.cite(agreement, entry, label)
        for party in _list(entry.get("parties"), f"{label} parties"):
            _mapping(
                party,
                f"party of {label}",
                required=("company", "role"),
                optional=("cite", *BASIS_KEYS),
            )
            party_label = f"party “{party['company']}” ({party['role']}) of {label}"
            row = self.sync(
                AgreementParty,
                {
                    "agreement": agreement,
                    "company": self.company(party["company"], party_label),
                    "role": _text(party["role"]),
                },
                {},
                party_label,
            )
            self.cite(row, party, party_label)
        for volume in _list(entry.get("volumes"), f"{label} volumes"):
            self.seed_quantity(AgreementVolume, "agreement", agreement, volume, label)

    # -- references between records -----------------------------------------------------------

    def company(self, slug, where):
        if slug in (None, ""):
            return None
        if slug not in self.companies:
            raise SeedError(
                f"{where}: no company with slug “{slug}” listed before it in the curation file"
            )
        return self.companies[slug]

    def plant(self, name, where):
        if name in (None, ""):
            return None
        if name not in self.plants:
            raise SeedError(f"{where}: no plant named “{name}” in the curation file")
        return self.plants[name]

    def programme(self, name, where):
        if name not in self.programmes:
            raise SeedError(f"{where}: no vehicle programme named “{name}” in the curation file")
        return self.programmes[name]

    @staticmethod
    def curated(entry):
        """Fields every curated record shares: seeded data has been checked against its sources."""
        return {"review_status": ReviewStatus.VERIFIED, "notes": _text(entry.get("notes")).strip()}

    # -- citations ----------------------------------------------------------------------------

    def cite(self, record, entry, label):
        """
        ``cite`` maps a source file name to its quotes; a quote is a string, or a mapping with
        the ``quote`` and the ``field`` of the record it supports.
        """
        if record is None:
            return
        cited = entry.get("cite") or {}
        if not isinstance(cited, dict):
            raise SeedError(f"{label}: cite must map source file names to lists of quotes")
        content_type = ContentType.objects.get_for_model(record)
        for filename, items in cited.items():
            if filename not in self.articles:
                raise SeedError(f"{label}: cites “{filename}”, which is not among the articles")
            article = self.articles[filename]
            if article is None:
                continue
            for item in _list(items, f"{label} citations from {filename}"):
                if isinstance(item, dict):
                    _mapping(item, f"citation of {label}", required=("quote",), optional=("field",))
                    quote, field_name = _text(item["quote"]), _text(item.get("field"))
                else:
                    quote, field_name = _text(item), ""
                field_label = f" (field {field_name})" if field_name else ""
                self.sync(
                    Citation,
                    {
                        "content_type": content_type,
                        "object_id": record.pk,
                        "article": article,
                        "field": field_name,
                        "quote": quote,
                    },
                    {},
                    f"citation of {label}{field_label} in {filename}",
                )
        seed_value_bases(self, record, entry, label, SeedError)

    def withdraw_citations(self):
        """
        Citations of the rows seeded in this run that the curation file no longer makes. Without
        this a database seeded earlier would keep a quote an editor has since judged not to
        support the fact, and the seed's counts would not be what the database holds.
        """
        curated = set(self.report.records.get(Citation, []))
        cited = [
            Q(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)
            for model, pks in self.report.records.items()
            if model is not Citation and pks
        ]
        if not cited:
            return
        stale = (
            Citation.objects.filter(reduce(operator.or_, cited))
            .select_related("article", "content_type")
            .order_by("pk")
        )
        for citation in stale:
            if citation.pk in curated:
                continue
            editors = citation.history.exclude(seed_entry()).order_by("history_date", "history_id")
            first = editors.first()
            if first is None:
                # The seed's own (or loaddata's, which has no history): withdrawn, with history.
                citation._change_reason = SEED_CHANGE_REASON
                citation.delete()
                self.report.withdrawn += 1
                continue
            if first.history_type == "+":
                how = f"was added {by_whom(first)}"
            else:
                how = f"was changed {by_whom(editors.last())} after it was seeded"
            self.report.kept.append(
                f"{citation.describe()} in {citation.article.source_filename} {how} and is not "
                "in the curation file: kept."
            )
            self.report.add(citation)

    def verify_citations(self):
        """Re-check the stored offsets of every citation of the curated rows, old or new."""
        citations = Citation.objects.filter(pk__in=self.report.records.get(Citation, []))
        for citation in citations.select_related("article", "content_type"):
            problems = citation.check_stored_offsets()
            if problems:
                raise SeedError(
                    f"citation {citation.pk} of {citation.target_label()} in "
                    f"{citation.article.source_filename} does not verify: {'; '.join(problems)}"
                )

    # -- the reconciliation itself ------------------------------------------------------------

    def sync(self, model, key, values, label, many=None):
        """
        Make sure the row identified by ``key`` holds ``values`` (and the ``many`` relations), as
        the module docstring describes; returns the row, or None when an editor deleted it.
        """
        many = many or {}
        row = model._default_manager.filter(**key).first()
        if row is None:
            row = self.find_rekeyed(model, key)
            if row is _DELETED:
                self.report.kept.append(f"{label} was deleted after it was seeded: not recreated.")
                return None
        if row is None:
            row = model(**key, **values)
            self.save(row, label)
            for name, related in many.items():
                getattr(row, name).set(related)
            self.report.created += 1
            self.report.add(row)
            return row
        wanted = {**key, **values}
        changed_fields = [name for name, value in wanted.items() if self.differs(row, name, value)]
        changed_many = [
            name
            for name, related in many.items()
            if set(getattr(row, name).values_list("pk", flat=True)) != {r.pk for r in related}
        ]
        if changed_fields or changed_many:
            last_change = self.last_change_by_someone_else(row)
            if last_change:
                self.report.kept.append(
                    f"{label} was changed {last_change} after it was seeded: left as it is "
                    f"(it differs from the curation file in: "
                    f"{', '.join(changed_fields + changed_many)})."
                )
            else:
                if changed_fields:
                    for name, value in wanted.items():
                        setattr(row, name, value)
                    self.save(row, label)
                for name in changed_many:
                    getattr(row, name).set(many[name])
                self.report.updated += 1
        self.report.add(row)
        return row

    @staticmethod
    def differs(row, name, value):
        model_field = row._meta.get_field(name)
        if isinstance(value, models.Model):
            value = value.pk
        return getattr(row, model_field.attname) != value

    @staticmethod
    def find_rekeyed(model, key):
        """
        A row once seeded under ``key`` that is no longer found by it was renamed or deleted by
        an editor: history tells which. Returns the row, ``_DELETED`` or None (never seeded, or
        a citation the seed itself withdrew, which the curation file now makes again).
        """
        ids = set(model.history.filter(**key).values_list("id", flat=True))
        if not ids:
            return None
        row = model._default_manager.filter(pk__in=ids).first()
        if row is not None:
            return row
        withdrawn = model.history.filter(seed_entry(), id__in=ids, history_type="-")
        return None if set(withdrawn.values_list("id", flat=True)) == ids else _DELETED

    @staticmethod
    def last_change_by_someone_else(row):
        """How the row was last changed, if not by the seed; None when the seed owns it."""
        latest = row.history.order_by("-history_date", "-history_id").first()
        # No history: the row came in through loaddata of the seed fixture.
        if latest is None or is_seed_entry(latest):
            return None
        return by_whom(latest)

    @staticmethod
    def save(row, label):
        row._change_reason = SEED_CHANGE_REASON
        # Fields the model computes on save (offsets, hashes, search names) are not checked here.
        computed = [f.name for f in row._meta.fields if not f.editable]
        # Records are cited after they are saved: check_seeded_provenance checks them at the end.
        row.provenance_checked_later = True
        try:
            row.full_clean(exclude=computed)
            row.save()
        except ValidationError as error:
            raise SeedError(f"{label}: {describe_validation_error(error)}") from None


def seed(curation_path=CURATION_FILE):
    """Load the curation file in one transaction: all of it, or nothing."""
    with transaction.atomic():
        return Seeder(curation_path).run()


# -- The loaddata fixture -------------------------------------------------------------------------


def serialize_rows(records):
    """
    Django fixture objects for ``records`` (model -> primary keys, in order), renumbered 1, 2, 3...
    per model in that order, with timestamps fixed and versions at 1, so the result depends only
    on the data and not on the database it was built in.
    """
    renumbered = {
        model: {old: new for new, old in enumerate(pks, start=1)} for model, pks in records.items()
    }
    objects = []
    for model in SEEDED_MODELS:
        pks = records.get(model, [])
        rows = model._default_manager.in_bulk(pks)
        serialized = serializers.serialize(
            "python", [rows[pk] for pk in pks], use_natural_foreign_keys=True
        )
        for item in serialized:
            item["pk"] = renumbered[model][item["pk"]]
            fields = item["fields"]
            for model_field in model._meta.concrete_fields:
                name = model_field.name
                if name not in fields:
                    continue
                related = model_field.related_model
                if model_field.many_to_one and related in renumbered and fields[name] is not None:
                    fields[name] = renumbered[related][fields[name]]
                elif getattr(model_field, "auto_now", False) or getattr(
                    model_field, "auto_now_add", False
                ):
                    fields[name] = FIXTURE_TIMESTAMP
            # The edit counter of a row re-seeded in this database means nothing in another one.
            if "version" in fields:
                fields["version"] = 1
            for model_field in model._meta.many_to_many:
                if model_field.name in fields:
                    related = renumbered[model_field.related_model]
                    fields[model_field.name] = sorted(
                        related[pk] for pk in fields[model_field.name]
                    )
            if model in (Citation, ValueBasis):
                cited_model = apps.get_model(*fields["content_type"])
                fields["object_id"] = renumbered[cited_model][fields["object_id"]]
            objects.append(item)
    return objects


def fixture_text(objects):
    return json.dumps(objects, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder) + "\n"


def build_fixture(curation_path=CURATION_FILE):
    """
    The seed data as ``loaddata`` JSON. The curation is loaded in a transaction that is always
    rolled back, so building never changes the database.
    """
    with transaction.atomic():
        report = Seeder(curation_path).run()
        if report.kept:
            raise SeedError(
                "Cannot build the fixture from this database: seeded rows were changed by editors "
                "(" + " ".join(report.kept) + ") Build it on an empty migrated database instead."
            )
        text = fixture_text(serialize_rows(report.records))
        transaction.set_rollback(True)
    return text
