"""
Admin forms: the version check that keeps two editors from overwriting each other, the review
status an editor may choose, an article's text kept exactly as received, and the merge of
duplicate companies.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Article, Company, ReviewStatus
from .models.base import stale_record_message


class VersionedForm(forms.ModelForm):
    """
    Base form of every row editors change in the admin (a ``Versioned`` model).

    ``opened_version`` carries the row's version from the moment the form was opened. The check
    in ``clean()`` locks the row (inside the admin's transaction) and refuses the save when
    someone saved the row since; the admin's save is itself conditional on the version
    (``Versioned.expect_version``), so a save racing past the check still overwrites nothing.
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # The stored values the form needs besides the version (see CuratedRecordForm).
    stored_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_version = None
        if self.instance.pk is not None:
            stored = (
                type(self.instance)
                ._base_manager.filter(pk=self.instance.pk)
                .values("version", *self.stored_fields)
                .first()
            )
            if stored is not None:
                self.stored_version = stored["version"]
                self.load_stored(stored)
            # The version of the row as stored, not of the instance: simple-history's revert form
            # is built on an old version of the row and must still be saveable.
            self.fields["opened_version"].initial = self.stored_version
            self.fields["opened_version"].required = True

    def load_stored(self, stored):
        """Keep what the form needs of the stored row (``stored_fields``)."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None and self.stored_version is not None:
            self.check_not_stale(cleaned_data.get("opened_version"))
        return cleaned_data

    def check_not_stale(self, opened_version):
        model = type(self.instance)
        rows = model._base_manager.filter(pk=self.instance.pk)
        if transaction.get_connection(rows.db).in_atomic_block:
            # Held until the admin's transaction ends: a concurrent save waits, then sees our
            # new version and is refused in turn (a no-op on SQLite, which serialises writers).
            rows = rows.select_for_update(no_key=True)  # see sourcing.models.changes
        current = rows.first()
        if current is None:
            raise ValidationError("This record was deleted since you opened it.", code="deleted")
        if opened_version != current.version:
            raise ValidationError(stale_record_message(current), code="stale")


class CuratedRecordForm(VersionedForm):
    """Base form of every curated record in the admin: the version check and the review status."""

    stored_fields = ("review_status",)

    # Set on the class the admin builds for each request (see CuratedRecordAdmin.get_form).
    may_verify = False

    def __init__(self, *args, **kwargs):
        self.stored_review_status = None
        super().__init__(*args, **kwargs)
        review_status = self.fields.get("review_status")
        if review_status is not None and not self.may_verify:
            review_status.help_text = (
                "Only reviewers can mark a record verified. A change to a verified record waits "
                "for review; readers see the published version until then."
            )
            if self.instance.review_status == ReviewStatus.VERIFIED:
                # "Verified" is not among an editor's choices: any change they save puts the
                # record back in the reviewers' queue, which the select shows from the start.
                self.initial["review_status"] = ReviewStatus.NEEDS_REVIEW

    def load_stored(self, stored):
        self.stored_review_status = stored["review_status"]


def unify_line_endings(text):
    return text.replace("\r\n", "\n")


class TextAsReceivedField(forms.CharField):
    """
    A text field that keeps the text byte for byte: no stripping, and a browser's line endings
    (a textarea is always submitted with CRLF) do not count as a change.
    """

    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "strip": False})

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        initial = unify_line_endings(initial or "")
        return unify_line_endings(self.to_python(data)) != initial


class ArticleForm(VersionedForm):
    """
    An article's body is the text as received: citations and non-editorial spans point into it
    by character offsets and its hash identifies it. Saving the page must not rewrite it.
    """

    class Meta:
        model = Article
        # The admin names the other fields; only the body needs more than the defaults.
        fields = ["body"]
        field_classes = {"body": TextAsReceivedField}

    def clean_body(self):
        submitted = self.cleaned_data["body"]
        # The body the form was opened on (for a revert from the history, the version restored).
        stored = self.instance.body or ""
        if unify_line_endings(submitted) == unify_line_endings(stored):
            # Untouched by the editor; only the browser's line endings differ.
            return stored
        if "\r" not in stored:
            # A real edit: keep the text's own line endings, not the browser's.
            return unify_line_endings(submitted)
        return submitted


class MergeCompaniesForm(forms.Form):
    """Choose the company that is kept; every other selected company is merged into it."""

    keep = forms.ModelChoiceField(queryset=Company.objects.none(), label="Keep")

    def __init__(self, *args, companies, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.companies = list(companies)
        keep = self.fields["keep"]
        # The widget first: setting the queryset hands its choices to the widget.
        if len(self.companies) > 1:
            keep.widget = forms.RadioSelect()
            keep.empty_label = None  # a radio "---------", checked, only led to "required"
            keep.queryset = Company.objects.filter(pk__in=[c.pk for c in self.companies])
            keep.help_text = "The other selected companies are merged into this one."
        else:
            # One company selected: the editor looks the duplicate it should join up by name.
            # The admin's widget that survives a tampered id ("abc" was a 500 on redisplay);
            # imported here because the admin package imports this module.
            from .admin.widgets import KnownIdsAutocompleteSelect

            keep.widget = KnownIdsAutocompleteSelect(Company._meta.get_field("parent"), admin_site)
            keep.queryset = Company.objects.exclude(pk=self.companies[0].pk)
            keep.label = f"Merge “{self.companies[0]}” into"

    @property
    def merged(self):
        keep = self.cleaned_data["keep"]
        return [company for company in self.companies if company.pk != keep.pk]


class NonEditorialSpanFormSet(forms.BaseInlineFormSet):
    """
    Spans of an article edited on the article's page. Their offsets count characters of the
    text, so changing them in the same save as the text is ambiguous (old text or new?): the
    editor saves one, then the other. A text edit alone moves the spans by itself.
    """

    def clean(self):
        super().clean()
        article = self.instance
        if article.pk is None or not self.has_changed():
            return
        stored_body = type(article).objects.filter(pk=article.pk).values_list("body", flat=True)
        if stored_body.first() not in (None, article.body):
            raise ValidationError(
                "Save the change to the text first, then adjust the non-editorial spans: their "
                "offsets count characters of the text, so changing both at once is ambiguous."
            )
