"""Autocomplete widgets and fields that survive an id no record can have."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import connections


def may_be_a_key(key, value, using):
    """Whether ``value`` converts to a value of the ``key`` column that the database can hold."""
    try:
        number = key.to_python(value)
    except ValidationError:
        return False
    if not isinstance(number, int):
        return True
    low, high = connections[using or "default"].ops.integer_field_range(key.get_internal_type())
    return (low is None or number >= low) and (high is None or number <= high)


def key_of(relation_field):
    remote = relation_field.remote_field
    options = remote.model._meta
    return options.get_field(getattr(remote, "field_name", None) or options.pk.name)


class KnownIdsOnlyMixin:
    """
    Django's autocomplete widget looks up the selected ids to show their labels, passing them to
    the database as they came: ``?holder=abc`` in an add-form URL, or a form sent back with a
    tampered id, is then a ValueError or an integer overflow, so a 500. Here an id that is not a
    number the key column can hold is left unselected; the form's own validation reports it as
    "Select a valid choice" where it was submitted.
    """

    def optgroups(self, name, value, attr=None):
        key = key_of(self.field)
        usable = [item for item in value if may_be_a_key(key, item, self.db)]
        return super().optgroups(name, usable, attr)


class KnownIdsMultipleChoiceField(forms.ModelMultipleChoiceField):
    """
    Validating several ids filters the table with ``pk__in``, which on SQLite overflows on an id
    above 2**63 instead of finding nothing: such an id is an invalid choice before any query.
    """

    def __init__(self, *args, key=None, **kwargs):
        self.key = key
        super().__init__(*args, **kwargs)

    def _check_values(self, value):
        for item in value:
            if not may_be_a_key(self.key, item, self.queryset.db):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)


class KnownIdsAutocompleteSelect(KnownIdsOnlyMixin, AutocompleteSelect):
    pass


class KnownIdsAutocompleteSelectMultiple(KnownIdsOnlyMixin, AutocompleteSelectMultiple):
    pass


class KnownIdsAutocompleteMixin:
    """For admins and inlines: their autocomplete fields use the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownIdsAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownIdsAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", KnownIdsMultipleChoiceField)
        kwargs.setdefault("key", key_of(db_field))
        return super().formfield_for_manytomany(db_field, request, **kwargs)
