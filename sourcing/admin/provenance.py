"""The values of a record or row that no passage states, marked inferred or general knowledge."""

from django import forms
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.text import capfirst

from ..models import ValueBasis


class ValueBasisInline(GenericTabularInline):
    """
    On every record and row page: which values are inferred or general knowledge, and why. A
    value with neither a citation nor an entry here keeps the record from being verified.
    """

    model = ValueBasis
    fields = ["field", "basis", "note"]
    extra = 0
    verbose_name = "value not stated by a source"
    verbose_name_plural = "values not stated by a source (inferred or general knowledge, with why)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "field":
            # Only the factual fields can need a basis; a free-text name could mark nothing.
            opts = self.parent_model._meta
            choices = [
                (name, capfirst(opts.get_field(name).verbose_name))
                for name in self.parent_model.factual_fields
            ]
            return forms.ChoiceField(choices=choices, label="Field")
        if db_field.name == "note":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 60})
        return super().formfield_for_dbfield(db_field, request, **kwargs)
