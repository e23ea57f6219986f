"""
What the desk writes: a proposal accepted as draft records with their citation, a passage cited
for an existing record, a part of the text marked non-editorial. Each is all or nothing: a quote
that does not verify, or a record that does not validate, leaves the database as it was.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from ..models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Citation,
    Company,
    CompanyAlias,
    NonEditorialSpan,
    Plant,
    PlantCapacity,
    PlantFigure,
    PlantMilestone,
    ReviewStatus,
    Stake,
    parse_partial_date,
)
from ..models.provenance import stated_by_its_record
from ..text import quotes
from .statements import passages_stating_the_rest

DESK_REASON = "Curation desk"


class DeskError(Exception):
    """A desk action refused, with the message an editor reads."""


class StaleRecord(DeskError):
    """A record changed since the desk page showed it: the action is refused, nothing saved."""


class AmbiguousQuote(DeskError):
    """The quote occurs more than once where it may be cited: the editor picks one."""

    def __init__(self, matches):
        self.matches = matches
        super().__init__("This quote occurs more than once: choose the occurrence you mean.")


def passage_offsets(article, quote, start=None, end=None):
    """
    The (start, end) of ``quote`` in ``article``: where the editor's selection or the proposal
    put it when the quote is that passage, the only citable occurrence otherwise; several
    occurrences and no offsets raise ``AmbiguousQuote``.
    """
    body = article.body
    start, end = offset(start), offset(end)
    given = start is not None and end is not None and 0 <= start < end <= len(body)
    if given and quotes.same_passage(body[start:end], quote):
        return start, end
    try:
        citable = article.citable_occurrences(quote)
    except quotes.QuoteNotFound as missing:
        hint = f" The closest passage is: “{missing.closest}”." if missing.closest else ""
        raise DeskError(f"The quote is not in this article.{hint}") from None
    if not citable:
        raise DeskError("The quote lies only in non-editorial parts, which cannot be cited.")
    if len(citable) > 1:
        raise AmbiguousQuote(citable)
    return citable[0].start, citable[0].end


def refuse_overlong(quote):
    """A quote too long to be cited is refused before it is looked for in the text."""
    too_long = quotes.length_problem(quote)
    if too_long:
        raise DeskError(too_long)


def offset(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def cite(record, article, start, end, field=""):
    """A citation of ``article[start:end]`` for ``record``, validated and saved, or DeskError."""
    citation = Citation(
        record=record, article=article, quote=article.body[start:end], field=field, start=start
    )
    try:
        citation.full_clean(exclude=["content_type", "object_id"])
    except ValidationError as error:
        raise DeskError(describe(error)) from None
    if (citation.start, citation.end) != (start, end):
        # Citation.locate skips occurrences in non-editorial parts and took another one.
        raise DeskError("The selected passage lies in a non-editorial part and cannot be cited.")
    citation.save()
    return citation


def mark_non_editorial(article, start, end, kind):
    span = NonEditorialSpan(article=article, kind=kind, start=start, end=end)
    validated(span)
    span.save()
    return span


def describe(error):
    if hasattr(error, "message_dict"):
        return " ".join(
            f"{'' if name == '__all__' else name + ': '}{' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def validated(row, exclude=None):
    try:
        row.full_clean(exclude=exclude)
    except ValidationError as error:
        raise DeskError(f"{type(row)._meta.verbose_name.capitalize()}: {describe(error)}") from None
    return row


# -- Names to records -----------------------------------------------------------------------------


def reference_name(value):
    """A company or plant named in a proposal: a slug, a name, or {"slug"/"id", "name"}."""
    if isinstance(value, dict):
        return str(value.get("slug") or value.get("name") or value.get("id") or "").strip()
    return str(value or "").strip()


def find_named(model, value, *lookups):
    """
    The record of ``model`` a proposal names: by its id when it gives one the database knows,
    else by the first of ``lookups`` (each a function of the name, giving a queryset) that finds
    one; None when none does.
    """
    if isinstance(value, dict) and value.get("id"):
        found = model.objects.filter(pk=value["id"]).first()
        if found:
            return found
    name = reference_name(value)
    if not name:
        return None
    return next((found for lookup in lookups if (found := lookup(name).first())), None)


def find_company(value):
    """The company a proposal names (by slug, name or alias), or None."""
    return find_named(
        Company,
        value,
        lambda name: Company.objects.filter(slug=name),
        lambda name: Company.objects.filter(name__iexact=name),
        lambda name: Company.objects.filter(aliases__name__iexact=name),
    )


def company_for(value, created, alias_language=""):
    """
    The company ``value`` names, created as a draft if the database does not know it. A company
    named by a slug it does not know is an error: slugs are the database's own names.
    """
    company = find_company(value)
    if company is not None:
        return company
    name = value.get("name") if isinstance(value, dict) else value
    name = str(name or "").strip()
    if not name or (name == slugify(name) and "-" in name):
        raise DeskError(f"No company “{reference_name(value)}” is known; give its name.")
    # What kind of company it is, the passage does not say: the editor sets it when a source does.
    company = Company(name=name, slug=unique_slug(name), kind=Company.Kind.NOT_STATED)
    company = validated(company)
    company.save()
    created.append(company)
    return company


def unique_slug(name):
    base = slugify(name)[:190] or "company"
    slug, number = base, 2
    while Company.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def find_plant(value):
    """The plant a proposal names (by id, name or alias), or None."""
    return find_named(
        Plant,
        value,
        lambda name: Plant.objects.filter(name__iexact=name),
        lambda name: Plant.objects.filter(aliases__name__iexact=name),
        lambda name: Plant.objects.search(name),
    )


def plant_for(value, created):
    """
    The plant ``value`` names, created as a draft if the database does not know it: a capacity,
    a milestone or a figure of a plant the article introduces is accepted with its plant, in one
    step.
    What the new plant makes and how far it has come, the passage may not say: the editor sets
    them (or accepts the engine's plant proposal first, which reads them).
    """
    plant = find_plant(value)
    if plant is not None:
        return plant
    name = str((value.get("name") if isinstance(value, dict) else value) or "").strip()
    if not name:
        raise DeskError("Name the plant: an existing plant's name, or a new plant's.")
    city = str(value.get("city") or "").strip() if isinstance(value, dict) else ""
    plant = validated(
        Plant(name=name, city=city, kind=Plant.Kind.OTHER, status=Plant.Status.NOT_STATED)
    )
    plant.save()
    created.append(plant)
    return plant


def number(value, name):
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value).replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except InvalidOperation:
        raise DeskError(f"{name}: “{value}” is not a number.") from None


def year(value, name):
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        raise DeskError(f"{name}: “{value}” is not a year.") from None


def partial_date(fields, name):
    """
    ``fields[name]`` as (first day, precision), typed "2021", "2021-06" or "2021-06-28": what is
    typed is the precision kept. The ``<name>_precision`` the machine sends along is not read, so
    an editor who shortens "2024-03-12" to "2024-03" stores the month, and one who types a day
    keeps it.
    """
    value = fields.get(name)
    if value in (None, ""):
        return None, ""
    try:
        return parse_partial_date(str(value).strip())
    except ValueError as error:
        raise DeskError(f"{name}: {error}.") from None


def flag(value):
    return str(value).strip().lower() in ("true", "1", "on", "yes")


# -- Proposals ------------------------------------------------------------------------------------


def build_stake(fields, created):
    as_of, as_of_precision = partial_date(fields, "as_of")
    stake = Stake(
        holder=company_for(fields.get("holder"), created),
        target=company_for(fields.get("target"), created),
        share_exact=number(fields.get("share_exact"), "share_exact"),
        share_min=number(fields.get("share_min"), "share_min"),
        share_min_exclusive=flag(fields.get("share_min_exclusive")),
        share_max=number(fields.get("share_max"), "share_max"),
        share_max_exclusive=flag(fields.get("share_max_exclusive")),
        status=fields.get("status") or Stake.Status.ANNOUNCED,
        as_of=as_of,
        as_of_precision=as_of_precision,
    )
    return [validated(stake)]


def build_agreement(fields, created):
    announced, announced_precision = partial_date(fields, "announced")
    agreement = validated(
        Agreement(
            title=str(fields.get("title") or "").strip(),
            kind=fields.get("kind") or Agreement.Kind.PARTNERSHIP,
            status=fields.get("status") or Agreement.Status.ANNOUNCED,
            announced_on=announced,
            announced_precision=announced_precision,
            start_year=year(fields.get("start_year"), "start_year"),
        )
    )
    parties = []
    for party in fields.get("parties") or []:
        company = company_for(party.get("company"), created)
        parties.append(
            AgreementParty(company=company, role=party.get("role") or AgreementParty.Role.PARTNER)
        )
    if not parties:
        raise DeskError("An agreement needs at least one party.")
    volumes = [
        AgreementVolume(
            gwh_per_year=number(volume.get("gwh_per_year"), "volume"),
            qualifier=volume.get("qualifier") or "exact",
            basis=volume.get("basis") or AgreementVolume.Basis.TARGET,
            year=year(volume.get("year"), "volume year"),
        )
        for volume in fields.get("volumes") or []
        if volume.get("gwh_per_year") not in (None, "")
    ]
    return [agreement, *parties, *volumes]


def build_capacity(fields, created):
    capacity = PlantCapacity(
        plant=plant_for(fields.get("plant"), created),
        gwh_per_year=number(fields.get("gwh_per_year"), "gwh_per_year"),
        qualifier=fields.get("qualifier") or "exact",
        basis=fields.get("basis") or PlantCapacity.Basis.TARGET,
        year=year(fields.get("year"), "year"),
    )
    return [validated(capacity)]


def build_milestone(fields, created):
    milestone = PlantMilestone(
        plant=plant_for(fields.get("plant"), created),
        kind=fields.get("kind") or "",
        year=year(fields.get("year"), "year"),
    )
    return [validated(milestone)]


def build_figure(fields, created):
    """
    An investment or a number of jobs. The engine gives the unit a figure is in: a currency
    code for an amount, "jobs" for jobs; which jobs are counted (direct or total) it does not
    read, so that is "not stated" until the editor says otherwise.
    """
    kind = fields.get("kind") or ""
    unit = str(fields.get("unit") or fields.get("currency") or "").strip()
    investment = kind == PlantFigure.Kind.INVESTMENT
    if not investment and unit and unit.lower() != "jobs":
        raise DeskError(f"Plant figure: jobs are counted, not given in “{unit}”.")
    figure = PlantFigure(
        plant=plant_for(fields.get("plant"), created),
        kind=kind,
        value=number(fields.get("value"), "value"),
        currency=unit.upper() if investment else "",
        scope="" if investment else (fields.get("scope") or PlantFigure.Scope.NOT_STATED),
        qualifier=fields.get("qualifier") or "exact",
        year=year(fields.get("year"), "year"),
    )
    return [validated(figure)]


def build_company(fields, created):
    name = str(fields.get("name") or "").strip()
    if find_company(name) is not None:
        raise DeskError(f"“{name}” is already a company.")
    company = Company(
        name=name,
        slug=unique_slug(fields.get("slug") or name),
        kind=fields.get("kind") or Company.Kind.NOT_STATED,
        country=str(fields.get("country") or "").strip().upper(),
    )
    return [validated(company)]


def build_plant(fields, created):
    name = str(fields.get("name") or "").strip()
    existing = find_plant(name) if name else None
    if existing is not None:
        raise DeskError(f"“{existing}” is already a plant: attach the passage to it instead.")
    operator = fields.get("operator")
    plant = Plant(
        name=name,
        operator=company_for(operator, created) if reference_name(operator) else None,
        kind=fields.get("kind") or Plant.Kind.OTHER,
        status=fields.get("status") or Plant.Status.NOT_STATED,
        city=str(fields.get("city") or "").strip(),
        region=str(fields.get("region") or "").strip(),
        country=str(fields.get("country") or "").strip().upper(),
    )
    return [validated(plant)]


def build_alias(fields, created):
    company = find_company(fields.get("company"))
    if company is None:
        raise DeskError(f"No company “{reference_name(fields.get('company'))}” is known.")
    alias = CompanyAlias(
        company=company,
        name=str(fields.get("name") or "").strip(),
        language=fields.get("language") or "",
    )
    return [validated(alias, exclude=["search_name"])]


BUILDERS = {
    "stake": build_stake,
    "agreement": build_agreement,
    "plant_capacity": build_capacity,
    "plant_milestone": build_milestone,
    "plant_figure": build_figure,
    "company": build_company,
    "plant": build_plant,
    "alias": build_alias,
}

MODEL_OF_KIND = {
    "stake": Stake,
    "agreement": Agreement,
    "plant_capacity": PlantCapacity,
    "plant_milestone": PlantMilestone,
    "plant_figure": PlantFigure,
    "company": Company,
    "plant": Plant,
    "alias": CompanyAlias,
    "non_editorial": NonEditorialSpan,
}


def accept_proposal(article, proposal, user):
    """
    Create the records of ``proposal`` as drafts, each cited with the proposal's passage, in one
    transaction: a quote that does not verify, or a record that does not validate, creates
    nothing. Rows of the record whose values need a passage of their own (an agreement's
    volumes, unlike its parties) cite it too, so a reviewer can verify the record at once.
    Returns the records created (companies created on the way included).
    """
    kind = proposal.get("kind")
    fields = proposal.get("fields") or {}
    quote = str(proposal.get("quote") or "")
    if kind != "non_editorial":  # a part marked non-editorial may be long; a quote may not
        refuse_overlong(quote)
    start, end = passage_offsets(article, quote, proposal.get("start"), proposal.get("end"))
    with transaction.atomic():
        if kind == "non_editorial":
            return [mark_non_editorial(article, start, end, fields.get("kind") or "boilerplate")]
        builder = BUILDERS.get(kind)
        if builder is None:
            raise DeskError(f"Unknown kind of proposal “{kind}”.")
        created = []
        rows = builder(fields, created)
        for record in created:  # companies and plants named by the proposal, new to the database
            cite(record, article, start, end, field=naming_field(record))
        head = rows[0]
        save_draft(head, user)
        for row in rows[1:]:
            row.agreement = head
            validated(row)
            row.save()
        cite(head if kind != "alias" else head.company, article, start, end, citation_field(kind))
        for row in rows[1:]:
            if not stated_by_its_record(row):
                cite(row, article, start, end)
        cite_what_the_passage_leaves_unstated(article, [*created, *rows], start, end)
        return [*created, *rows]


def cite_what_the_passage_leaves_unstated(article, rows, start, end):
    """
    For each value of ``rows`` that ``article.body[start:end]`` does not state, cite for its
    field the first editorial sentence that does (``desk.statements``) and that the citation
    rules accept.
    """
    for row, field, stating in passages_stating_the_rest(article, rows, start, end):
        for sentence_start, sentence_end in stating:
            try:
                cite(row, article, sentence_start, sentence_end, field)
            except DeskError:  # a passage the citation rules refuse: try the next one
                continue
            break


def naming_field(record):
    """
    The field a passage that names a new company or plant on the way states: the company's name;
    the plant's city, the only value the engine reads into its name (its name is an editorial
    label, not a stated value), or the whole plant if it has no city.
    """
    if isinstance(record, Plant):
        return "city" if record.city else ""
    return "name"


def citation_field(kind):
    return {"alias": "aliases", "company": "name"}.get(kind, "")


def save_draft(row, user):
    if hasattr(row, "review_status"):
        row.review_status = ReviewStatus.DRAFT
    row._change_reason = DESK_REASON
    row.save()


def attach_proposal(article, proposal, record):
    """Cite the proposal's passage for an existing ``record`` rather than create a new one."""
    quote = str(proposal.get("quote") or "")
    refuse_overlong(quote)
    start, end = passage_offsets(article, quote, proposal.get("start"), proposal.get("end"))
    return cite(record, article, start, end)
