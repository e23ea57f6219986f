"""Companies, with the merge of duplicates, and the other names sources use for them."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from .. import merging
from ..forms import MergeCompaniesForm
from ..models import Company, CompanyAlias, CompanyFigure
from .base import (
    REVIEW_FIELDSET,
    CitationInline,
    CuratedRecordAdmin,
    RecordPartAdmin,
    may_verify,
)
from .links import admin_url
from .provenance import ValueBasisInline

# -- Companies ------------------------------------------------------------------------------------


class CompanyAliasInline(admin.TabularInline):
    model = CompanyAlias
    fields = ["name", "language"]
    extra = 1
    show_change_link = True  # the alias's page, where a note can say why an unprinted name is held


class CompanyFigureInline(admin.TabularInline):
    model = CompanyFigure
    fields = ["kind", "value", "currency", "scope", "qualifier", "year", "area"]
    extra = 0
    # Each figure carries its own citations, edited on its own page.
    show_change_link = True


@admin.register(Company)
class CompanyAdmin(CuratedRecordAdmin):
    list_display = ["name", "kind", "country", "parent", "alias_names", "review_status"]
    list_filter = ["review_status", "kind", "country"]
    search_fields = ["search", "=slug"]  # name, aliases; a slug
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    inlines = [CompanyAliasInline, CompanyFigureInline, ValueBasisInline, CitationInline]
    actions = [*CuratedRecordAdmin.actions, "merge_companies"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "country", "parent", "description"]}),
        REVIEW_FIELDSET,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="Aliases")
    def alias_names(self, company):
        return ", ".join(alias.name for alias in company.aliases.all()) or "—"

    def has_merge_permission(self, request):
        # A merge rewrites references and deletes the duplicate.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge selected companies…", permissions=["merge"])
    def merge_companies(self, request, queryset):
        companies = list(queryset.order_by("name"))
        if "apply" in request.POST:
            form = MergeCompaniesForm(request.POST, companies=companies, admin_site=self.admin_site)
            if form.is_valid():
                keep = form.cleaned_data["keep"]
                needs_review = not may_verify(request.user, Company)
                try:
                    with transaction.atomic():
                        for duplicate in form.merged:
                            merging.merge_companies(
                                duplicate, keep, user=request.user, needs_review=needs_review
                            )
                except ValidationError as refusal:
                    self.message_user(request, " ".join(refusal.messages), messages.ERROR)
                    return None
                except ProtectedError as refusal:
                    names = ", ".join(f"“{row}”" for row in list(refusal.protected_objects)[:5])
                    self.message_user(
                        request,
                        f"Nothing was merged: the duplicate is still named by {names}.",
                        messages.ERROR,
                    )
                    return None
                names = ", ".join(f"“{company}”" for company in form.merged)
                self.message_user(request, f"Merged {names} into “{keep}”.", messages.SUCCESS)
                return HttpResponseRedirect(admin_url(keep))
        else:
            form = MergeCompaniesForm(companies=companies, admin_site=self.admin_site)
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge duplicate companies",
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
            "companies": companies,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/sourcing/company/merge.html", context)


@admin.register(CompanyAlias)
class CompanyAliasAdmin(RecordPartAdmin):
    list_display = ["name", "company", "language"]
    list_filter = ["language"]
    search_fields = ["search_name", "company__search"]
    autocomplete_fields = ["company"]
    list_select_related = ["company"]
    # A name no cited passage prints (one a merge kept, say) needs a note before its company can
    # be verified: this is where it is written.
    inlines = [ValueBasisInline]


@admin.register(CompanyFigure)
class CompanyFigureAdmin(RecordPartAdmin):
    list_display = ["__str__", "company", "kind", "area", "year"]
    list_filter = ["kind", "scope", "qualifier", "year"]
    search_fields = ["company__search"]
    autocomplete_fields = ["company"]
    list_select_related = ["company"]
    inlines = [ValueBasisInline, CitationInline]
