"""
Adding an article from the admin: paste its text or upload a .txt file, give its language,
publisher and date (a date printed near the top of the text is proposed), and the same rules as
``import_article`` apply (see ``sourcing.importing``). The new article opens on its desk.
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import importing
from ..admin.fields import PartialDateField
from ..documents import detect_language
from ..forms import TextAsReceivedField, unify_line_endings
from ..models import Article, Language


class IntakeForm(forms.Form):
    text = TextAsReceivedField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="Paste the article exactly as published, or upload it below.",
    )
    upload = forms.FileField(
        required=False, label="or a .txt file", help_text="UTF-8 text, kept byte for byte."
    )
    title = forms.CharField(
        required=False, max_length=500, help_text="Leave blank to use the text's first line."
    )
    language = forms.ChoiceField(choices=Language.choices)
    publisher = forms.CharField(required=False, max_length=200)
    authors = forms.CharField(required=False, max_length=300)
    published = PartialDateField(required=False, label="Published")
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https")

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        # The article size limit (ARTICLE_MAX_BYTES), before the upload is read.
        problem = upload is not None and Article.body_size_problem(upload.size)
        if problem:
            raise forms.ValidationError(problem)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        text, upload = cleaned_data.get("text"), cleaned_data.get("upload")
        if "upload" in self.errors:
            return cleaned_data
        if text and text.strip() and upload is not None:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload is not None:
            document = importing.Document.from_bytes(upload.name, upload.name, upload.read())
            field = "upload"
        elif text and text.strip():
            # A browser sends a textarea with CRLF line endings, which are not the text's own.
            # Then the same checks as a file's bytes: NUL characters, nothing visible.
            text = unify_line_endings(text)
            document = importing.Document.from_bytes(
                "The pasted text", importing.pasted_name(text), text.encode("utf-8")
            )
            field = "text"
        else:
            self.add_error("text", "Paste the article’s text or upload it as a .txt file.")
            return cleaned_data
        published = cleaned_data.get("published")
        metadata = {
            "language": cleaned_data.get("language") or "",
            "publisher": cleaned_data.get("publisher", ""),
            "authors": cleaned_data.get("authors", ""),
            "url": cleaned_data.get("url", ""),
            "published_on": published[0] if published else None,
            "published_precision": published[1] if published else "",
        }
        title = " ".join((cleaned_data.get("title") or "").split())
        articles, refusals = importing.prepare([document], title, metadata)
        for refusal in refusals:
            self.add_error(field, refusal)
        self.article = articles[0] if articles else None
        return cleaned_data


def intake_view(model_admin, request):
    form = IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and form.article is not None:
        importing.save_articles([form.article])
        article = form.article
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
        "printed_date_url": reverse("admin:sourcing_article_printed_date"),
    }
    return TemplateResponse(request, "admin/sourcing/article/intake.html", context)


def printed_date_view(request):
    """
    The date printed near the top of the posted text and the language it is written in (when
    it is one the database records), for the intake page's script to pre-fill.
    """
    if request.method != "POST":
        return JsonResponse({"error": "Send the text with POST."}, status=405)
    text = request.POST.get("text", "")
    return JsonResponse(
        {"published": importing.printed_date(text), "language": text_language(text)}
    )


def text_language(text):
    """The language of ``text`` if it is one of ``Language``'s choices, else ""."""
    code = detect_language(text) if text.strip() else None
    return code if code in Language.values else ""
