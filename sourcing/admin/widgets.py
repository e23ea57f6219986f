"""Autocomplete widgets that survive an id no record can have."""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import connections


class KnownIdsOnlyMixin:
    """
    Django's autocomplete widget looks up the selected ids to show their labels, passing them to
    the database as they came: ``?holder=abc`` in an add-form URL, or a form sent back with a
    tampered id, is then a ValueError or an integer overflow, so a 500. Here an id that is not a
    number the key column can hold is left unselected; the form's own validation reports it as
    "Select a valid choice" where it was submitted.
    """

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [item for item in value if self.may_exist(item)], attr)

    def may_exist(self, value):
        remote = self.field.remote_field
        options = remote.model._meta
        key = options.get_field(getattr(remote, "field_name", None) or options.pk.name)
        try:
            number = key.to_python(value)
        except ValidationError:
            return False
        if not isinstance(number, int):
            return True
        low, high = connections[self.db or "default"].ops.integer_field_range(
            key.get_internal_type()
        )
        return (low is None or number >= low) and (high is None or number <= high)


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
        return super().formfield_for_manytomany(db_field, request, **kwargs)
