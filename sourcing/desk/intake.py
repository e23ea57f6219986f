"""
Adding an article from the admin: paste its text or upload the file as received (a web page, a
PDF or a text file), and the same rules as ``import_article`` apply (``sourcing.importing``).
What the editor fills in wins; a field left blank takes what the document says (its title,
date, authors and language). The page's script proposes those values as soon as a file is chosen
or text pasted (``document_metadata_view``), so the editor sees and corrects them before saving.
The new article opens on its desk.
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import importing
from ..admin.fields import PARTIAL_DATE_HELP, PartialDateField
from ..forms import TextAsReceivedField, unify_line_endings
from ..import_metadata import proposed_metadata
from ..models import Article, Language

DETECT = ("", "Detect from the text")


class IntakeForm(forms.Form):
    text = TextAsReceivedField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="Paste the article exactly as published, or upload it below.",
    )
    upload = forms.FileField(
        required=False,
        label="or a file",
        help_text="The web page (.html), the PDF or the text file as received; it is kept.",
        widget=forms.ClearableFileInput(attrs={"accept": ".html,.htm,.pdf,.txt"}),
    )
    title = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"size": 80}),
        help_text="Blank: the document's title, else the text's first line.",
    )
    language = forms.ChoiceField(choices=[DETECT, *Language.choices], required=False)
    publisher = forms.CharField(required=False, max_length=200)
    authors = forms.CharField(
        required=False, max_length=300, help_text="Blank: as the document names them."
    )
    published = PartialDateField(
        required=False,
        label="Published",
        help_text=f"{PARTIAL_DATE_HELP} Blank: the date the document gives, if any.",
    )
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https")

    def clean(self):
        cleaned_data = super().clean()
        text, upload = cleaned_data.get("text"), cleaned_data.get("upload")
        self.prepared = None
        if self.errors:
            return cleaned_data
        if text and text.strip() and upload is not None:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload is None and not (text and text.strip()):
            self.add_error("text", "Paste the article’s text or upload its file.")
            return cleaned_data
        source_field = "upload" if upload is not None else "text"
        try:
            received = received_from(upload, text)
            self.prepared = importing.prepare(received, self.given())
        except importing.Refused as refusal:
            self.add_error(refusal.field or source_field, str(refusal))
        return cleaned_data

    def given(self):
        data = self.cleaned_data
        title = " ".join((data.get("title") or "").split())
        return importing.Given(
            title=title or None,
            language=data.get("language") or None,
            published=data.get("published") or None,
            publisher=data.get("publisher", ""),
            authors=data.get("authors") or None,
            url=data.get("url", ""),
        )


def received_from(upload, text):
    if upload is not None:
        return importing.Received.from_upload(upload)
    # A browser sends a textarea with CRLF line endings, which are not the text's own.
    return importing.Received.pasted(unify_line_endings(text))


def intake_view(model_admin, request):
    form = IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = importing.store(form.prepared)
        except importing.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            model_admin.log_addition(request, article, [{"added": {}}])
            model_admin.message_user(
                request,
                f"Article {article.pk} “{article}” was added: select passages to cite them.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:sourcing_article_desk", args=[article.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Add article",
        "opts": Article._meta,
        "form": form,
        "metadata_url": reverse("admin:sourcing_article_document_metadata"),
    }
    return TemplateResponse(request, "admin/sourcing/article/intake.html", context)


def document_metadata_view(request):
    """
    What the posted document (``upload``) or text (``text``) says about itself, for the intake
    page's script: {"title", "published", "authors", "language", "language_found",
    "media_type"}, or {"error"} when it cannot be read. Nothing is stored.
    """
    if request.method != "POST":
        return JsonResponse({"error": "Send the document with POST."}, status=405)
    text = request.POST.get("text", "")
    upload = request.FILES.get("upload")
    if upload is None and not text.strip():
        return JsonResponse({"error": "Send a file (upload) or a text (text)."}, status=400)
    try:
        document = importing.read(received_from(upload, text))
    except importing.Refused as refusal:
        return JsonResponse({"error": str(refusal)})
    return JsonResponse(proposed_metadata(document))
