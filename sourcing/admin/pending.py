"""
The admin of a published record with a change awaiting review (``models/pending.py``): editors
open the pending version at the record's own URL, see what it changes against the published
version, and a reviewer publishes it (marking it verified) or rejects it with a reason that the
editors then read on the record's page.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from ..models import RejectedChange, ReviewStatus, may_verify
from ..models.pending import describe_differences, publish, reject
from .links import record_action_path

FIELDSET_TITLE = "Change awaiting review"


class HasPendingChangeFilter(admin.SimpleListFilter):
    title = "change awaiting review"
    parameter_name = "pending_change"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pending_version__isnull=False)
        if self.value() == "no":
            return queryset.filter(pending_version__isnull=True)
        return queryset


class RejectionForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text="The editors read it on the record's page.",
    )


class PendingChangeMixin:
    """For the curated records' admins: pending versions opened, shown, published, rejected."""

    def get_object(self, request, object_id, from_field=None):
        record = super().get_object(request, object_id, from_field)
        if record is None and from_field is None and self.is_id(object_id):
            # A pending version's own id (the desk links to what it shows) opens it too.
            record = self.model._base_manager.filter(pk=object_id, pending_of__isnull=False).first()
        if record is None or not getattr(record, "has_pending_change", True):
            return record  # the queryset's annotation says there is no pending version
        return record.editing_version()

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), HasPendingChangeFilter]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "awaits_review"]

    def get_queryset(self, request):
        pending = self.model._base_manager.filter(pending_of=OuterRef("pk"))
        rejections = RejectedChange.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(has_pending_change=Exists(pending), has_rejections=Exists(rejections))
        )

    @admin.display(boolean=True, description="change awaiting review")
    def awaits_review(self, record):
        return getattr(record, "has_pending_change", False)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "change_awaiting_review"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or obj.pk is None:
            return fieldsets
        published = obj.published_record()
        obj.rejections = (
            list(
                RejectedChange.objects.filter(
                    content_type=ContentType.objects.get_for_model(self.model),
                    object_id=published.pk,
                )[:5]
            )
            if getattr(published, "has_rejections", True)
            else []
        )
        if obj.pending_of_id is None and not obj.rejections:
            return fieldsets
        obj.may_reject = may_verify(request.user, self.model)
        return [(FIELDSET_TITLE, {"fields": ["change_awaiting_review"]}), *fieldsets]

    @admin.display(description="Against the published version")
    def change_awaiting_review(self, record):
        parts = []
        if record.pending_of_id is not None:
            differences = describe_differences(record)
            parts.append(
                format_html(
                    "<p>Readers see the published version until a reviewer marks this one "
                    "verified. What this version changes:</p><ul class='pending-changes'>{}</ul>",
                    format_html_join("", "<li>{}</li>", ((line,) for line in differences))
                    if differences
                    else format_html("<li>{}</li>", "nothing yet"),
                )
            )
            if getattr(record, "may_reject", False):
                opts = self.model._meta
                url = reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_reject_change",
                    args=[record.pending_of_id],
                )
                parts.append(format_html('<p><a class="button" href="{}">Reject…</a></p>', url))
        for rejection in getattr(record, "rejections", []):
            parts.append(
                format_html(
                    "<p class='rejected-change'>Rejected on {} by {}: {}</p>",
                    f"{rejection.rejected_at:%Y-%m-%d %H:%M}",
                    rejection.rejected_by or "a reviewer",
                    rejection.reason,
                )
            )
        return format_html_join("", "{}", ((part,) for part in parts))

    # -- publishing: after the inline rows are saved, so they are published with the record ----

    def save_model(self, request, obj, form, change):
        if obj.pending_of_id is not None and obj.review_status == ReviewStatus.VERIFIED:
            obj.publish_after_its_rows = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        held = getattr(form.instance, "pending", None)
        if held is not None:
            # The record's change was held as its pending version (``save_model``): its
            # many-to-many links go there too. Inline rows find their way on their own.
            form.instance = held
        super().save_related(request, form, formsets, change)
        record = form.instance
        if getattr(record, "publish_after_its_rows", False):
            try:
                record.published = publish(record, reason="Published the change after review")
            except ValidationError as refused:
                self.message_user(
                    request,
                    f"Not published: {' '.join(refused.messages)}",
                    messages.ERROR,
                )

    def response_change(self, request, obj):
        return super().response_change(request, getattr(obj, "published", None) or obj)

    # -- rejecting ------------------------------------------------------------------------------

    def get_urls(self):
        return [
            record_action_path(self, "reject-change", self.reject_change_view),
            *super().get_urls(),
        ]

    def reject_change_view(self, request, object_id):
        if not may_verify(request.user, self.model):
            raise PermissionDenied
        record = self.get_object(request, object_id)
        opts = self.model._meta
        if record is None or record.pending_of_id is None:
            self.message_user(request, "There is no change awaiting review here.", messages.ERROR)
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            )
        form = RejectionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            published = reject(record, form.cleaned_data["reason"], user=request.user)
            self.message_user(
                request, f"The change to “{published}” was rejected.", messages.SUCCESS
            )
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[published.pk])
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": f"Reject the change to “{record}”",
            "record": record,
            "differences": describe_differences(record),
            "form": form,
        }
        return TemplateResponse(request, "admin/sourcing/reject_change.html", context)
