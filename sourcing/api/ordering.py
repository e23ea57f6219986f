"""
How API lists are ordered: one form, built by ``sort_by`` for the default orderings of the
viewsets and for the ``ordering`` filter, and read back by ``sort_keys`` for keyset pagination
(``sourcing.api.pagination``), which needs to know each key's column, direction and null placement.

The rules, each chosen so that a B-tree index can serve the ordering on PostgreSQL:

- unknown values sort last in both directions, on every database (PostgreSQL and SQLite disagree
  by default); NULLS LAST is written only where a key can be NULL, because PostgreSQL does not
  use an index declared without it for ``ORDER BY ... NULLS LAST``, even on a NOT NULL column;
- a text that may be left blank (``blank=True``: stored as "", not NULL) is compared as NULL, so
  blanks sort last too; text that cannot be blank is compared as it is (an index on the column
  serves it);
- ties are broken by id, in the direction of the last key, so that every list is a total order
  (pages never repeat or skip a record) and ``-name`` is the exact reverse of ``name``: one index
  ``(name, id)`` serves both, read forwards or backwards.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import (
    CharField,
    DateField,
    DateTimeField,
    F,
    IntegerField,
    OrderBy,
    TextField,
    Value,
)
from django.db.models.fields import AutoFieldMixin
from django.db.models.functions import NullIf


@dataclass(frozen=True)
class SortKey:
    """One key of an ordering: ``path`` ("holder__name", "pk") of the model, and how it sorts."""

    path: str
    descending: bool
    field: object  # the model field the path ends on
    blank_is_null: bool  # blank text compared as NULL (so it sorts last)

    @property
    def nullable(self):
        return self.blank_is_null or self.field.null

    @property
    def expression(self):
        if self.blank_is_null:
            return NullIf(F(self.path), Value(""))
        return F(self.path)

    def order_by(self, reverse=False):
        """This key's ORDER BY item, or the reverse order's (NULLs first, for ``previous``)."""
        descending = self.descending != reverse
        # Only where the key can be NULL: nulls_last=None (not False) leaves the ORDER BY plain,
        # which a plain index serves read either way.
        nulls = (
            ({"nulls_first": True} if reverse else {"nulls_last": True}) if self.nullable else {}
        )
        return self.expression.desc(**nulls) if descending else self.expression.asc(**nulls)

    @property
    def is_unique(self):
        return "__" not in self.path and self.field.primary_key

    @property
    def value_type(self):
        """The Python type of the key's values: ``int``, ``str`` or ``datetime.date``."""
        if isinstance(self.field, DateField) and not isinstance(self.field, DateTimeField):
            return datetime.date
        if isinstance(self.field, (IntegerField, AutoFieldMixin)):
            return int
        if isinstance(self.field, (CharField, TextField)):
            return str
        raise ImproperlyConfigured(
            f"Lists cannot be ordered by {self.path}: not a date, number or text."
        )


def field_at(model, path):
    """The field ``path`` ("holder__name", "pk") of ``model`` leads to."""
    if path == "pk":
        return model._meta.pk
    for name in path.split("__"):
        field = model._meta.get_field(name)
        model = field.related_model
    return field


def key_for(model, name):
    """The key of an ordering item such as "-announced_on" or "title"."""
    path = name.removeprefix("-")
    field = field_at(model, path)
    blank_text = isinstance(field, (CharField, TextField)) and field.blank
    return SortKey(path, name.startswith("-"), field, blank_text)


def sort_by(queryset, *names):
    """
    ``queryset`` ordered by ``names`` (model paths, "-" for descending) and then by id, in the
    direction of the last of them; nothing after a unique key (it settles every tie).
    """
    keys = []
    for name in names:
        keys.append(key_for(queryset.model, name))
        if keys[-1].is_unique:
            break
    else:
        descending = keys[-1].descending if keys else False
        keys.append(key_for(queryset.model, "-pk" if descending else "pk"))
    return queryset.order_by(*(key.order_by() for key in keys))


def sort_keys(queryset):
    """
    The keys of ``queryset``'s ordering, which ``sort_by`` must have set: read back from the
    query, so a filter that reorders the list (``ordering=``) is read like a default ordering.
    """
    keys = [key_of(queryset.model, item) for item in queryset.query.order_by]
    if not keys or not keys[-1].is_unique:
        raise ImproperlyConfigured(
            f"{queryset.model.__name__} list is not ordered by sort_by (it must end with the id)."
        )
    return keys


def key_of(model, item):
    """The SortKey ``item`` of ``query.order_by`` stands for, if ``sort_by`` made it."""
    if isinstance(item, OrderBy):
        expression = item.expression
        blank_is_null = isinstance(expression, NullIf)
        if blank_is_null:
            expression = expression.source_expressions[0]
        if isinstance(expression, F):
            key = SortKey(
                expression.name, item.descending, field_at(model, expression.name), blank_is_null
            )
            if key.order_by() == item:
                return key
    raise ImproperlyConfigured(
        f"Order {model.__name__} lists with sourcing.api.ordering.sort_by, not {item!r}."
    )
