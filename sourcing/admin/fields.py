"""
Form fields of the admin: a partial date ("2021", "2021-06" or "2021-06-28") typed in one box
that sets both the date and its precision, as sources state dates to a year, a month or a day.
"""

from django import forms
from django.core.exceptions import ValidationError

from ..models import format_partial_date, parse_partial_date

PARTIAL_DATE_HELP = "2021, 2021-06 or 2021-06-28: the form you type is the precision kept."


class PartialDateInput(forms.TextInput):
    """Shows a stored (first day, precision) pair as the writer typed it."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": "YYYY[-MM[-DD]]", "size": 12, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, tuple):
            return format_partial_date(*value) or None
        return super().format_value(value)


class PartialDateField(forms.Field):
    """Cleans to ``(first day, precision)``, or None when left blank."""

    widget = PartialDateInput
    default_error_messages = {"invalid": "Enter a date as 2021, 2021-06 or 2021-06-28."}

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", PARTIAL_DATE_HELP)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, tuple) or value is None:
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            return parse_partial_date(text)
        except ValueError as error:
            raise ValidationError(f"{str(error).rstrip('.')}.", code="invalid") from None

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != self.to_python(initial)
        except ValidationError:
            return True


class PartialDatesFormMixin:
    """
    For a model form listing ``partial_dates`` pairs: the date field is a ``PartialDateField``
    and the precision rides along hidden, set from what was typed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for date_name, precision_name in self.partial_date_pairs():
            stored = getattr(self.instance, date_name, None)
            precision = getattr(self.instance, precision_name, "")
            # As typed: "2021" for a year. Bound-field values are strings, as a browser sends.
            self.initial[date_name] = format_partial_date(stored, precision)

    def partial_date_pairs(self):
        pairs = getattr(self._meta.model, "partial_dates", [])
        return [(d, p) for d, p in pairs if d in self.fields and p in self.fields]

    def clean(self):
        # Split before the other checks run: one of them may raise, and the model instance is
        # built from cleaned_data all the same.
        for date_name, precision_name in self.partial_date_pairs():
            if date_name not in self.cleaned_data:
                continue  # the field's own error is shown
            value = self.cleaned_data[date_name]
            self.cleaned_data[date_name], self.cleaned_data[precision_name] = value or (None, "")
        return super().clean()

    def _post_clean(self):
        # The model's clean() reports a missing precision on the precision field, which is
        # hidden here: the date field is where the editor can act.
        super()._post_clean()
        for date_name, precision_name in self.partial_date_pairs():
            if precision_name in self.errors:
                self.add_error(date_name, self.errors.pop(precision_name))


class PartialDatesAdminMixin:
    """For model admins: dates listed in the model's ``partial_dates`` are typed in one box."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        pairs = dict(getattr(db_field.model, "partial_dates", []))
        if db_field.name in pairs:
            return PartialDateField(
                required=not db_field.blank, label=db_field.verbose_name.capitalize()
            )
        if db_field.name in pairs.values():
            return forms.CharField(required=False, widget=forms.HiddenInput)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if PartialDatesFormMixin in form.__mro__:
            return form
        return type(form.__name__, (PartialDatesFormMixin, form), {})
