"""What the admins here share: version checks, no 500 on a hand-edited URL."""

from contextlib import contextmanager

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.db import router, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse

from ..api.params import parse_id
from ..forms import VersionedForm
from ..models import StaleRecordError, one_change
from ..models.changes import changes_logged_together


class InvalidFilterValuesMixin:
    """
    A filter value that no date or number can hold (``?published_on__year=99999999999999999999``,
    December of year 9999, whose next month the date hierarchy cannot compute) is the admin's
    usual "invalid filter" redirect, as a malformed one already is, rather than a server error.
    """

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


@contextmanager
def logged_as_the_save_ends(request, model):
    """
    A page's save in one transaction whose change-log rows are written as it ends, after every
    row it locks (``changes_logged_together``): two pages saved at once cannot deadlock over them.
    A page only shown writes nothing, and gets no transaction.
    """
    if request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
        yield
        return
    with transaction.atomic(using=router.db_for_write(model)), changes_logged_together():
        yield


class VersionedChangesMixin:
    """
    Refuses a save made from a form opened on an older version of the row (a ``Versioned``
    model edited with a ``VersionedForm``), and keeps the inline formsets of the request at hand.

    What a save means for the rows above the saved one (versions, review) is the models' rule
    (``Versioned.parent_field``); a page's save is one change (``one_change``), so a record saved
    with its inline parts moves on once.
    """

    form = VersionedForm

    def save_model(self, request, obj, form, change):
        if change:
            # The race-proof half of the check in the form's clean(): the save's own UPDATE is
            # conditional on the version, so of two saves of the same version only one succeeds.
            obj.expect_version(form.cleaned_data["opened_version"])
        super().save_model(request, obj, form, change)

    def _create_formsets(self, request, obj, change):
        # Django hands the formsets to save_related but not to save_model, which needs them to
        # know whether a save changed anything at all (a change to a citation only, say).
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        request.sourcing_formsets = formsets
        return formsets, inline_instances

    @staticmethod
    def changed_anything(request, form):
        formsets = getattr(request, "sourcing_formsets", [])
        return form.has_changed() or any(formset.has_changed() for formset in formsets)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            with one_change(), logged_as_the_save_ends(request, self.model):
                return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleRecordError as stale:
            # Lost the race after the form's own check passed: the transaction is rolled back.
            self.message_user(request, str(stale), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        request.sourcing_restoring = version_id
        try:
            # simple-history saves a revert outside a transaction: the version check and the
            # save must not be separated.
            with transaction.atomic(), one_change(), changes_logged_together():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except StaleRecordError as stale:
            self.message_user(request, str(stale), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def restored_reason(self, request, obj):
        version_id = getattr(request, "sourcing_restoring", None)
        if version_id is None:
            return None
        restored = obj.history.model.objects.filter(history_id=version_id).first()
        when = restored.history_date.strftime("%Y-%m-%d %H:%M:%S") if restored else "?"
        return f"Restored the version of {when} UTC"


class HistoryUrlIdsMixin:
    """
    Ids in admin URLs are read as the API reads them (``params.parse_id``: ASCII digits, no
    leading zeros), so a record has one admin URL as it has one API URL: ``/company/01/change/``
    is no record. A history URL whose record or version id is not an id
    (``/company/x/history/``) goes where a change URL with such an id goes: back to the admin
    index saying the record does not exist. simple-history's views would pass the text to the
    database and fail with a 500.
    """

    def get_object(self, request, object_id, from_field=None):
        if from_field is None and not self.is_id(object_id):
            return None
        return super().get_object(request, object_id, from_field)

    def history_view(self, request, object_id, extra_context=None):
        if not self.is_id(object_id):
            return self.no_such_record(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not (self.is_id(object_id) and self.is_id(version_id)):
            return self.no_such_record(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    @staticmethod
    def is_id(value):
        return parse_id(value) is not None

    def no_such_record(self, request, object_id):
        self.message_user(
            request,
            f"{self.opts.verbose_name.capitalize()} with ID “{object_id}” doesn’t exist. "
            "Perhaps it was deleted?",
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))
