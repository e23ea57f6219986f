"""
The curation desk: one admin page per article where an editor turns the text into cited draft
records. The text shows the machine's suggestions by kind, the citations and the non-editorial
parts; a passage selected with the mouse is cited for a record or marked non-editorial; the
proposals beside the text are accepted, edited or not, in one click each.

Every action is a POST answered in JSON with the text and the side panel rendered again, so the
editor stays on one page. Each carries the article's version as the page showed it: a desk page
left open while someone else changed the article or worked on it from another desk is refused
(the project's optimistic locking), and each accepted action moves the version on.
"""

import contextlib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import F, prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.text import Truncator, capfirst

from ..admin.confirmations import BADGES, badge_of
from ..admin.links import admin_url, editing_page_url
from ..api.params import parse_id
from ..forms import stale_record_message
from ..models import (
    Article,
    Basis,
    Company,
    CuratedRecord,
    NonEditorialSpan,
    Plant,
    ProvenanceIndex,
    ReviewStatus,
    Versioned,
    fetch_rows,
    may_verify,
)
from ..models.changes import changes_logged_together
from ..models.registry import citable_models
from ..models.review import confirm_all
from ..suggestions import suggest
from . import payload, validation, writes
from .acceptances import (
    accept_once,
    accepted_proposals,
    current_values,
    prefetch_current_values,
)
from .duplicates import likely_duplicates
from .fingerprints import fingerprint
from .inputs import known_names, proposal_inputs
from .text import desk_text_html

CONTEXT_CHARACTERS = 40


def desk_urls(model_admin):
    """The desk's URLs, for the article admin's ``get_urls``."""

    def desk(request, article_id):
        return desk_view(request, model_admin, article_id)

    def act(request, article_id):
        return act_view(request, model_admin, article_id)

    wrap = model_admin.admin_site.admin_view
    return [
        path("<int:article_id>/desk/", wrap(desk), name="sourcing_article_desk"),
        path("<int:article_id>/desk/act/", wrap(act), name="sourcing_article_desk_act"),
    ]


def desk_url(article):
    return reverse("admin:sourcing_article_desk", args=[article.pk])


# -- Reading ---------------------------------------------------------------------------------------


def target_key(record):
    """A record's identity on the page: "content type:id"."""
    return f"{ContentType.objects.get_for_model(record).pk}:{record.pk}"


def shown_key(record):
    """A record as the page showed it: "content type:id:version" (see ``record_from_key``)."""
    return f"{target_key(record)}:{record.version}"


def record_from_key(key):
    """
    The curated record or cited row a "content type:id" key names, or None. A key that also
    carries the version the page showed ("content type:id:version") names the record only as it
    was then: a record changed since is refused (``StaleRecord``), so no action (a verification
    above all) applies to values the editor did not see.
    """
    parts = [parse_id(part) for part in str(key).split(":")]
    if len(parts) not in (2, 3) or None in parts:
        return None
    try:
        model = ContentType.objects.get_for_id(parts[0]).model_class()
    except ContentType.DoesNotExist:
        return None
    if model not in citable_models():  # an article, an alias, a span... is cited for nothing
        return None
    # The base manager: a pending version (models/pending.py) is what the desk shows.
    record = model._base_manager.filter(pk=parts[1]).first()
    if record is not None and len(parts) == 3 and record.version != parts[2]:
        raise writes.StaleRecord(f"“{record}”: {stale_record_message(record)}")
    return record


def citable_fields(model):
    """The fields of ``model`` a citation may name, as [(name, label)], whole record first."""
    fields = [
        field
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.editable and not field.primary_key and field.name not in ("notes", "review_status")
    ]
    return [("", "— the whole record —")] + [
        (field.name, capfirst(field.verbose_name)) for field in fields
    ]


def cited_records(article):
    """The records citing ``article``, each once, in the order of their first passage."""
    return list(citations_by_record(article_citations(article)))


def article_citations(article):
    """
    The citations of ``article`` in the order of the text, each with its record: read once for
    the panel, whose records and passages and the highlighted text all show them.
    """
    citations = article.citations.select_related("content_type").with_records()
    return list(citations.order_by("start", "pk"))


def citations_by_record(citations):
    """{record: [its citations]} of an article's ``citations``, records by first passage."""
    found, by_key = {}, {}
    for citation in citations:
        if citation.record is None:
            continue
        key = (citation.content_type_id, citation.object_id)
        record = by_key.setdefault(key, citation.record)
        found.setdefault(record, []).append(citation)
    return without_published_sides(found)


def without_published_sides(found):
    """
    ``found`` ({record or row: citations}) less the published records that have a pending
    version, and their rows: the pending version's copies, citations included, stand for them
    on the desk, which shows what editors work on (``models/pending.py``).
    """
    superseded = {
        (type(record), record.pending_of_id)
        for record in found
        if getattr(record, "pending_of_id", None) is not None
    }
    if not superseded:
        return found

    def published_side(row):
        if (type(row), row.pk) in superseded:
            return True
        parent = row.parent_field and row._meta.get_field(row.parent_field)
        if parent is None or not getattr(parent, "many_to_one", False):
            return False
        return (parent.related_model, getattr(row, parent.attname)) in superseded

    return {row: citations for row, citations in found.items() if not published_side(row)}


def passages_for_review(cited):
    """
    {curated record key: [(what, quote)]}: what each passage of the article is cited for, by the
    curated record it belongs to ("Stake, share (exact)", "Plant capacity 16 GWh/yr"), for the
    reviewer to read each value beside the words that state it.
    """
    found = {}
    for record, citations in cited.items():
        curated = curated_record_of(record)
        if curated is None:
            continue
        what = "" if record is curated else f"{capfirst(record._meta.verbose_name)} {record}"
        for citation in citations:
            field = citation.field
            if field:
                name = field_label(record, field)
                label = f"{what}, {name}" if what else capfirst(name)
            else:
                label = what or "Whole record"
            found.setdefault(target_key(curated), []).append((label, citation.quote))
    return found


def value_checks(records):
    """
    {record key: [(value, badge class, badge label, reason)]}: each value of the records and of
    their rows, with the statement checker's verdict (``admin.confirmations``' badges) or, for a
    value no passage states and no note marks, "no basis". Read in the ProvenanceIndex's queries.
    """
    index = ProvenanceIndex(records)
    found = {}
    for record in records:
        rows = found.setdefault(target_key(record), [])
        for label, _row, name, prov in index.values(record):
            value = f"{label}: {name}" if label else capfirst(name)
            if prov.basis is None:
                rows.append((value, "no-basis", "no basis", "no passage states it, no note"))
            elif prov.basis == Basis.STATED:
                css, text = BADGES[badge_of(prov)]
                verdicts = prov.blocking or prov.verdicts
                reason = verdicts[0][2].reason if verdicts else ""
                rows.append((value, css, text, reason))
    return found


def checks_html(rows):
    """
    The <li>s of a record's checked values (``value_checks``' rows), written here rather than by
    a template loop: an article cited by 90 records showed 885 of them, a large part of the page.
    """
    return format_html_join(
        "",
        '<li>{} <span class="value-badge value-badge-{}" title="{}">{}</span></li>',
        ((value, css, reason, badge) for value, css, badge, reason in rows),
    )


def field_label(record, name):
    try:
        return record._meta.get_field(name).verbose_name
    except FieldDoesNotExist:
        return name


def curated_record_of(row):
    """The curated record ``row`` belongs to (itself, if it is one), or None (a span, say)."""
    while row is not None and not isinstance(row, CuratedRecord):
        row = row.parent_row() if isinstance(row, Versioned) else None
    return row


def curated_records_of(records):
    """The curated records among ``records`` or owning them (a capacity's plant), each once."""
    load_parents(records)
    found = {}
    for record in records:
        curated = curated_record_of(record)
        if curated is not None:
            found.setdefault(target_key(curated), curated)
    return list(found.values())


def load_parents(rows):
    """
    Loads the rows that ``rows`` belong to, up to their curated records, one query per kind
    of row and level: a party's agreement read on its own was a query per cited party (51 of
    an article's 87 queries at 100,000 agreements).
    """
    while rows:
        by_model = {}
        for row in rows:
            part = isinstance(row, Versioned) and not isinstance(row, CuratedRecord)
            if part and row.parent_field:
                by_model.setdefault(type(row), []).append(row)
        for model, same_kind in by_model.items():
            prefetch_related_objects(same_kind, model.parent_field)
        rows = [row.parent_row() for same_kind in by_model.values() for row in same_kind]


def cite_targets(article, records, mentions):
    """
    What a selected passage may be cited for: the records citing the article, the parties,
    capacities, milestones, figures and volumes of those, and the companies and plants the text
    names.
    """
    targets = list(records)
    for record in records:
        for relation in ("parties", "capacities", "milestones", "figures", "volumes"):
            if hasattr(record, relation):
                targets.extend(getattr(record, relation).all())
    for kind, model in (("company", Company), ("plant", Plant)):
        ids = {m["record"]["id"] for m in mentions if m.get("kind") == kind and m.get("record")}
        targets.extend(model.objects.filter(pk__in=ids))
    unique = {}
    for target in targets:
        unique.setdefault(shown_key(target), target)
    fields_json = {model: json.dumps(citable_fields(model)) for model in map(type, unique.values())}
    return [
        {
            "key": key,
            "label": f"{capfirst(target._meta.verbose_name)}: {target}",
            "fields_json": fields_json[type(target)],
        }
        for key, target in unique.items()
    ]


def proposal_rows(proposals, targets, accepted):
    """
    The proposals as the panel shows them: editable inputs, likely duplicates, and the records
    the passage may be attached to instead, the likely duplicates first. A proposal already
    accepted (``accepted``: fingerprint -> records) shows the records it made, as they are now,
    instead of the machine's values.
    """
    rows = []
    known = {}  # the companies and plants the proposals name, each looked up once
    rendered = {}  # attach_options' lists, by their options
    for index, proposal in enumerate(proposals):
        proposal = {**proposal, "fingerprint": fingerprint(proposal)}
        # A date's precision is the form it is typed in (2021, 2021-06 or 2021-06-28): no box.
        inputs = proposal_inputs(
            proposal.get("kind"),
            [
                (name, value)
                for name, value in flatten(proposal.get("fields") or {}, "fields")
                if not name.endswith("_precision")
            ],
        )
        made = accepted.get(proposal["fingerprint"])
        duplicates = [] if made is not None else likely_duplicates(proposal, known)
        attach = [
            (shown_key(record), f"{capfirst(record._meta.verbose_name)}: {record}")
            for record in duplicates
        ]
        first_keys = dict(attach)
        attach += [(t["key"], t["label"]) for t in targets if t["key"] not in first_keys]
        rows.append(
            {
                "index": index,
                "label": str(proposal.get("kind") or "").replace("_", " ").capitalize(),
                "proposal": proposal,
                "json": json.dumps(proposal),
                "inputs": inputs,
                "accepted": made["records"] if made is not None else None,
                "duplicates": [(record, editing_page_url(record)) for record in duplicates],
                "attach": attach,
                "attach_options": attach_options(attach, bool(duplicates), rendered),
            }
        )
    # Accepted proposals the engine no longer makes (a new plant is, once made, a known one).
    proposed = {row["proposal"]["fingerprint"] for row in rows}
    for key, made in accepted.items():
        if key not in proposed:
            proposal = {"kind": made["kind"], "quote": made["quote"], "fingerprint": key}
            rows.append(
                {
                    "index": len(rows),
                    "label": made["kind"].replace("_", " ").capitalize(),
                    "proposal": proposal,
                    "accepted": made["records"],
                }
            )
    return rows


def attach_options(attach, duplicate_first, rendered):
    """
    The <option>s of a proposal's "attach to" list (``attach``: (key, label) pairs), its first
    selected when it is a likely duplicate. Rendered here, once for all the proposals that offer
    the same records (most offer every record citing the article): as a template loop, the same
    hundreds of options took most of the page's rendering, proposal after proposal.
    """
    key = (duplicate_first, tuple(attach))
    if key not in rendered:
        rendered[key] = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (value, " selected" if duplicate_first and index == 0 else "", label)
                for index, (value, label) in enumerate(attach)
            ),
        )
    return rendered[key]


def is_reference(value):
    """A record as the engine names it: {"id", "slug", "name"}."""
    return "id" in value and "name" in value


def flatten(value, prefix):
    """("fields.parties.0.company", "acc") pairs for the inputs of a nested proposal."""
    if isinstance(value, dict) and not is_reference(value):
        for key, item in value.items():
            yield from flatten(item, f"{prefix}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from flatten(item, f"{prefix}.{number}")
    elif isinstance(value, dict):  # a reference to a record: edited as its slug or name
        yield prefix, value.get("slug") or value.get("name") or ""
    else:
        yield prefix, "" if value is None else value


def panel_context(request, article):
    answer = suggest(article)
    mentions, proposals = answer.get("mentions", []), answer.get("proposals", [])
    citations = article_citations(article)
    cited = citations_by_record(citations)
    records = list(cited)
    curated = curated_records_of(records)
    # Their rows, which the checks, the targets and the labels read: one query per relation.
    fetch_rows([*curated, *(r for r in records if isinstance(r, CuratedRecord))])
    prefetch_current_values(curated)
    passages = passages_for_review(cited)
    checks = value_checks(curated)
    reviewer_rows = [
        {
            "key": shown_key(record),
            "record": record,
            # The record's page starts its new citation rows on this article.
            "url": f"{admin_url(record)}?article={article.pk}",
            "kind": capfirst(record._meta.verbose_name),
            "may_verify": may_verify(request.user, type(record)),
            # What the reviewer checks: the values, and the passages of this article cited.
            "values": current_values(record),
            "passages": passages.get(target_key(record), []),
            "checks": checks.get(target_key(record), []),
            "checks_html": checks_html(checks.get(target_key(record), [])),
        }
        for record in curated
    ]
    targets = cite_targets(article, records, mentions)
    return {
        "article": article,
        "text_html": desk_text_html(article, mentions, citations),
        "targets": targets,
        "proposals": proposal_rows(proposals, targets, accepted_proposals(article)),
        "known_names": known_names(mentions, proposals, curated),
        "records": reviewer_rows,
        "span_kinds": NonEditorialSpan.Kind.choices,
        "to_verify": [row for row in reviewer_rows if row["may_verify"]],
    }


def desk_view(request, model_admin, article_id):
    article = get_object_or_404(Article, pk=article_id)
    if not model_admin.has_change_permission(request, article):
        return model_admin.no_such_record(request, article_id)
    context = {
        **model_admin.admin_site.each_context(request),
        **panel_context(request, article),
        "title": f"Curation desk: {article}",
        "opts": Article._meta,
        "act_url": reverse("admin:sourcing_article_desk_act", args=[article.pk]),
        "change_url": admin_url(article),
        "body": article.body,
    }
    return TemplateResponse(request, "admin/sourcing/desk/desk.html", context)


# -- Writing ---------------------------------------------------------------------------------------


def act_view(request, model_admin, article_id):
    if not model_admin.has_change_permission(request):
        return JsonResponse({"error": "You may not change articles."}, status=403)
    if request.method != "POST":
        return JsonResponse({"error": "Desk actions are sent with POST."}, status=405)
    try:
        data = payload.read_action(request)
    except payload.Refused as refused:
        return JsonResponse({"error": str(refused)}, status=refused.status)
    try:
        validation.check_action(data)
    except writes.DeskError as malformed:
        return JsonResponse({"error": str(malformed)}, status=400)
    action = ACTIONS.get(data.get("action"))
    if action is None:
        return JsonResponse({"error": f"Unknown action “{data.get('action')}”."}, status=400)
    try:
        find_quote_unlocked(article_id, data)
        # The change log is written once, as the action ends: after every row it locks.
        with transaction.atomic(), changes_logged_together():
            article = Article.objects.select_for_update(no_key=True).filter(pk=article_id).first()
            if article is None:
                return JsonResponse({"error": "This article no longer exists."}, status=404)
            if data.get("version") != article.version:
                return JsonResponse({"error": stale_record_message(article)}, status=409)
            message = action(request, article, data)
            Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
    except writes.StaleRecord as stale:
        return JsonResponse({"error": str(stale)}, status=409)
    except writes.AmbiguousQuote as ambiguous:
        return JsonResponse(
            {"error": str(ambiguous), "choose": occurrences(article, ambiguous.matches)}, status=400
        )
    except (writes.DeskError, PermissionError) as refused:
        return JsonResponse({"error": str(refused)}, status=400)
    # The action moved the version on (its parts' saves too: a span is a change to its article);
    # the rest of the row, a long text above all, is as locked.
    article.refresh_from_db(fields=["version"])
    context = panel_context(request, article)
    return JsonResponse(
        {
            "message": message,
            "version": article.version,
            "text_html": str(context["text_html"]),
            "panel_html": render_to_string(
                "admin/sourcing/desk/panel.html", context, request=request
            ),
        }
    )


def find_quote_unlocked(article_id, data):
    """
    Look for a proposal's quote before the article is locked: folding a long article and
    working out the closest passage of a quote that is not there take the most time an action
    can take, and another editor's action on the article would wait for all of it. A quote that
    is not there is refused here; one that is is found again under the lock, from the folded
    text now cached, in the time an exact search takes.
    """
    proposal = data.get("proposal")
    if not isinstance(proposal, dict) or not proposal.get("quote"):
        return
    article = Article.objects.filter(pk=article_id).only("body").first()
    if article is not None:
        writes.refuse_overlong(proposal["quote"])
        # Several occurrences are answered under the lock, with the occurrences to choose from.
        with contextlib.suppress(writes.AmbiguousQuote):
            writes.passage_offsets(
                article, proposal["quote"], proposal.get("start"), proposal.get("end")
            )


def occurrences(article, matches):
    body = article.body
    return [
        {
            "start": match.start,
            "end": match.end,
            "context": body[max(0, match.start - CONTEXT_CHARACTERS) : match.start]
            + "[["
            + body[match.start : match.end]
            + "]]"
            + body[match.end : match.end + CONTEXT_CHARACTERS],
        }
        for match in matches
    ]


def require(request, permission, model):
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.{permission}_{opts.model_name}"):
        raise PermissionError(f"You may not {permission} {opts.verbose_name_plural}.")


def selection(data):
    try:
        start, end = int(data.get("start")), int(data.get("end"))
    except (TypeError, ValueError):
        raise writes.DeskError("Select a passage of the text first.") from None
    return start, end


def checked_selection(article, data):
    start, end = selection(data)
    if not 0 <= start < end <= len(article.body) or not article.body[start:end].strip():
        raise writes.DeskError("Select a passage of the text first.")
    return start, end


def act_cite(request, article, data):
    record = record_from_key(data.get("target"))
    if record is None:
        raise writes.DeskError("Choose the record the passage supports.")
    require(request, "change", type(record))
    field = str(data.get("field") or "")
    if field and field not in dict(citable_fields(type(record))):
        raise writes.DeskError(f"{type(record).__name__} has no field “{field}” to cite.")
    start, end = checked_selection(article, data)
    citation = writes.cite(record, article, start, end, field)
    return f"Cited “{Truncator(citation.quote).chars(60)}” for {record}."


def act_mark(request, article, data):
    require(request, "add", NonEditorialSpan)
    kind = str(data.get("kind") or "")
    if kind not in NonEditorialSpan.Kind.values:
        raise writes.DeskError("Choose what kind of non-editorial part this is.")
    start, end = checked_selection(article, data)
    span = writes.mark_non_editorial(article, start, end, kind)
    return f"Marked characters {span.start}–{span.end} as {span.get_kind_display().lower()}."


def proposal_of(data):
    proposal = data.get("proposal")
    if not isinstance(proposal, dict):
        raise writes.DeskError("No proposal was sent.")
    return proposal


def act_accept(request, article, data):
    proposal = proposal_of(data)
    model = writes.MODEL_OF_KIND.get(proposal.get("kind"))
    if model is None:
        raise writes.DeskError(f"Unknown kind of proposal “{proposal.get('kind')}”.")
    require(request, "add", model)
    # A capacity or an alias added to a verified plant or company sends it back to review when
    # the editor may not verify it: the models see to that (Versioned.parent_field).
    rows = accept_once(
        article,
        proposal,
        request.user,
        lambda: writes.accept_proposal(article, proposal, request.user),
    )
    return "Created " + "; ".join(
        f"{row._meta.verbose_name} “{Truncator(str(row)).chars(60)}”" for row in rows
    )


def act_attach(request, article, data):
    proposal = proposal_of(data)
    record = record_from_key(data.get("target"))
    if record is None:
        raise writes.DeskError("Choose the existing record to attach the passage to.")
    require(request, "change", type(record))

    def attached():
        writes.attach_proposal(article, proposal, record)
        return [record]

    accept_once(article, proposal, request.user, attached)
    return f"Cited the passage for the existing {type(record)._meta.verbose_name} “{record}”."


def act_verify(request, article, data):
    keys = data.get("targets") or []
    records = [record_from_key(key) for key in keys]
    records = [r for r in records if isinstance(r, CuratedRecord)]
    if not records:
        raise writes.DeskError("Tick the records to mark verified.")
    for record in records:
        if not may_verify(request.user, type(record)):
            raise PermissionError(
                f"Only reviewers can mark {type(record)._meta.verbose_name_plural} verified."
            )
    cited_here = {target_key(record) for record in curated_records_of(cited_records(article))}
    for record in records:
        if target_key(record) not in cited_here:
            raise writes.DeskError(f"“{record}” does not cite this article.")
        record = type(record)._base_manager.select_for_update(no_key=True).get(pk=record.pk)
        record = record.editing_version()
        if record.review_status != ReviewStatus.VERIFIED:
            # The panel listed each value with the checker's verdict: ticking the record confirms
            # those it could not tell (a value it reads as not stated still blocks).
            confirm_all(record)
            record.review_status = ReviewStatus.VERIFIED
            record._change_reason = "Marked verified"
            try:
                record.save()
            except ValidationError as refused:  # a value without a basis: nothing is verified
                raise writes.DeskError(f"“{record}”: {' '.join(refused.messages)}") from None
    return f"{len(records)} record(s) marked verified."


ACTIONS = {
    "cite": act_cite,
    "mark": act_mark,
    "accept": act_accept,
    "attach": act_attach,
    "verify": act_verify,
}
