"""
On a record's change page, the statement checker's verdict beside each stated value, as a badge
with its reason (machine-confirmed, reviewer-confirmed, cannot tell, not stated), and the
reviewer's buttons: confirm one value the machine cannot tell, confirm all of them at once, or
override a "not stated" with a note. The buttons post the page's form to ``confirm-values/``
(``formaction``), which reads only their own fields; the rules are ``models.review``'s.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..models import Basis, ProvenanceIndex, ValueConfirmation, may_verify
from ..models.confirmations import top_record
from ..models.provenance import about, record_key, shown
from ..models.review import confirm, confirm_all
from .links import admin_url, record_action_path

# The badge of a stated value: (CSS class, label) by how it was checked.
BADGES = {
    "machine": ("machine", "machine-confirmed"),
    "reviewer": ("reviewer", "reviewer-confirmed"),
    "cannot_tell": ("cannot-tell", "cannot tell"),
    "not_stated": ("not-stated", "not stated"),
}
FIELDSET_TITLE = "Checked values"


def badge_of(prov):
    """The badge key of a stated value's provenance (see BADGES)."""
    if prov.blocking:
        return "not_stated"
    return prov.checked or "cannot_tell"


def reason_of(prov, confirmations, key, name):
    """Why the badge: the checker's reason, or who confirmed and when (and their note)."""
    if prov.checked == "reviewer" or (prov.confirmation is not None and prov.refuted):
        stored = confirmations.get((*key, name))
        who = stored.confirmed_by.get_username() if stored and stored.confirmed_by else "?"
        when = formats.date_format(timezone.localtime(stored.confirmed_at)) if stored else ""
        text = f"confirmed by {who} on {when}"
        return f"{text}: {prov.confirmation_note}" if prov.confirmation_note else text
    found = prov.blocking or [entry for entry in prov.verdicts if entry[2].stated]
    pk, quote, verdict = (found or prov.verdicts)[0]
    return f"citation {pk} “{quote}”: {verdict.reason}"


class ValueChecksMixin:
    """For the curated records' admins: the panel of checked values and the confirm view."""

    class Media:
        css = {"all": ["sourcing/record_pages.css"]}

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "checked_values"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or obj.pk is None:
            return fieldsets
        # Read by ``checked_values``, which is given the record only: kept on this request's
        # instance of it, never on the admin, which every request shares.
        obj.shown_to_a_reviewer = may_verify(request.user, self.model)
        return [*fieldsets, (FIELDSET_TITLE, {"fields": ["checked_values"]})]

    def get_urls(self):
        return [
            record_action_path(self, "confirm-values", self.confirm_values_view),
            *super().get_urls(),
        ]

    @admin.display(description="Stated values, as checked")
    def checked_values(self, record):
        index = ProvenanceIndex([record])
        rows = [
            (label, obj, name, prov)
            for label, obj, name, prov in index.values(record)
            if prov.basis == Basis.STATED
        ]
        if not rows:
            return "No value is stated by a cited passage yet."
        confirmations = {
            (entry.content_type_id, entry.object_id, entry.field): entry
            for entry in ValueConfirmation.objects.filter(
                about([obj for _, obj, _, _ in rows])
            ).select_related("confirmed_by")
        }
        may_confirm = getattr(record, "shown_to_a_reviewer", False)
        lines = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    f"{label}: {name}" if label else name,
                    shown(obj, name),
                    self.badge(prov, confirmations, record_key(obj), name),
                    self.action(prov, obj, name) if may_confirm else "",
                )
                for label, obj, name, prov in rows
            ),
        )
        confirm_all_button = (
            format_html(
                '<p><button type="submit" class="button" formaction="{}" name="confirm_all" '
                'value="1">Confirm every value the machine cannot tell</button></p>',
                self.confirm_url(record),
            )
            if may_confirm and any(badge_of(prov) == "cannot_tell" for *_, prov in rows)
            else ""
        )
        return format_html(
            '<table class="checked-values"><thead><tr><th>Value</th><th>As stored</th>'
            "<th>Check</th><th></th></tr></thead><tbody>{}</tbody></table>{}",
            lines,
            confirm_all_button,
        )

    @staticmethod
    def badge(prov, confirmations, key, name):
        css, label = BADGES[badge_of(prov)]
        return format_html(
            '<span class="value-badge value-badge-{}">{}</span> {}',
            css,
            label,
            reason_of(prov, confirmations, key, name),
        )

    def action(self, prov, obj, name):
        """The reviewer's button for one value: confirm, or override with a note."""
        badge = badge_of(prov)
        value = f"{ContentType.objects.get_for_model(obj).pk}:{obj.pk}:{name}"
        url = self.confirm_url(top_record(obj))
        if badge == "cannot_tell":
            return format_html(
                '<button type="submit" class="button" formaction="{}" name="confirm" '
                'value="{}">Confirm</button>',
                url,
                value,
            )
        if badge == "not_stated":
            return format_html(
                '<textarea name="note:{}" rows="2" cols="30" placeholder="Why the value stands '
                '(required)"></textarea> <button type="submit" class="button" formaction="{}" '
                'name="confirm" value="{}">Override</button>',
                value,
                url,
                value,
            )
        return mark_safe("")

    def confirm_url(self, record):
        opts = record._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_confirm_values",
            args=[record.pk],
        )

    def confirm_values_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not may_verify(request.user, self.model):
            raise PermissionDenied
        record = self.get_object(request, unquote(object_id))  # None for a malformed id too
        if record is None:
            raise Http404("No such record.")
        try:
            if request.POST.get("confirm_all"):
                done = confirm_all(record)
                text = f"Confirmed {len(done)} value(s): {', '.join(done)}." if done else ""
                self.message_user(request, text or "No value left to confirm.", messages.SUCCESS)
            else:
                row, name = self.value_to_confirm(record, request.POST.get("confirm", ""))
                note = request.POST.get(f"note:{request.POST.get('confirm')}", "")
                confirm(row, name, note=note)
                self.message_user(request, f"Confirmed “{name}”.", messages.SUCCESS)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        return HttpResponseRedirect(admin_url(record))

    def value_to_confirm(self, record, posted):
        """
        The (row, field) a "confirm" button names ("<content type>:<id>:<field>"): the record
        or one of its rows, and a factual field of it; anything else is a ValidationError.
        """
        content_type, _, rest = posted.partition(":")
        object_id, _, name = rest.partition(":")
        index = ProvenanceIndex([record])
        for _, obj, field, _ in index.values(record):
            key = record_key(obj)
            if (str(key[0]), str(key[1]), field) == (content_type, object_id, name):
                return obj, field
        raise ValidationError("No such value on this record: reload the page and try again.")
