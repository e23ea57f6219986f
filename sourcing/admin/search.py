"""
The admin's search boxes find records by the API's rule: the term is folded as the stored search
columns are (``sourcing.text.search``: case, accents and typography ignored, "ampere" finds
"Ampère") and looked for as one phrase in those columns, which PostgreSQL indexes by trigram.
Django's own search (``icontains`` word by word, over joins) is never used: it folds no accents,
and on a large table it reads every row.

An admin says where its rows are found with ``search_fields``, in terms of folded searches:

- ``"search"``: the model's own ``search`` (the API's: names and aliases, titles, texts);
- ``"<relation>__search"``: rows whose related record that search finds (a stake by its
  holder's name: ``"holder__search"``);
- a folded column, ``"search_name"`` or ``"<relation>__search_title"``: rows whose column
  contains the folded term;
- ``"=<field>"`` or ``"=<relation>__<field>"``: rows whose field, or whose related record's, is
  exactly the term as typed (a slug, a file name).

A row is found when any of them finds it. Related records are matched first, all the entries on
one relation together, and their ids compared (``found_among``), never joined row by row.
"""

from django.db import connections, router
from django.db.models import BooleanField, F, Func, Q, Value

from ..models.curation import among
from ..text.search import fold_for_search

SEARCH = "search"
# The most related ids a search writes into its query (see ``found_among``).
IDS_UP_TO = 10_000


class FoldedSearchMixin:
    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        folded = fold_for_search(term)
        if not folded:
            # Only invisible characters or lone accents: every record would "contain" them.
            return queryset.none(), False
        found = queryset.none()
        matches = Q()
        related = {}  # relation -> the related records its entries find
        for entry in self.get_search_fields(request):
            exact = entry.startswith("=")
            relation, _, column = entry.removeprefix("=").rpartition("__")
            if entry == SEARCH:
                found |= queryset.search(folded)
            elif not relation:
                matches |= found_in_column(column, term if exact else folded, exact)
            else:
                records = self.related_model(relation)._default_manager.order_by()
                if column == SEARCH:
                    records = records.search(folded)
                else:
                    records = records.filter(
                        found_in_column(column, term if exact else folded, exact)
                    )
                related[relation] = related[relation] | records if relation in related else records
        for relation, records in related.items():
            matches |= found_among(queryset, relation, records)
        if matches:
            found |= queryset.filter(matches)
        return found, False

    def related_model(self, relation):
        model = self.model
        for name in relation.split("__"):
            model = model._meta.get_field(name).related_model
        return model


def found_in_column(column, value, exact):
    return Q(**{column: value}) if exact else Q(**{f"{column}__contains": value})


def found_among(queryset, relation, records):
    """
    The rows of ``queryset`` whose ``relation`` is among ``records``. On PostgreSQL the ids are
    read first and written into the query as an array: the planner then knows how many rows
    will match, which it cannot guess for a subquery (it takes any phrase searched in an
    article's text for a rare one, as the text is too long for its statistics), and tests
    each row against the array by hashing. A common word ("battery", in most articles) is then
    a walk of the list's ordering that stops at the page, not a sort of most citations; a rare
    name, a few index probes. Beyond ``IDS_UP_TO`` ids (a word in every agreement's title), the
    array would cost more to send and read than the subquery, whose size the planner estimates
    well on such short columns: a subquery it is (``IN``, hashed, not ``among``'s array, which
    each row would scan whole). Elsewhere, a subquery.
    """
    connection = connections[router.db_for_read(queryset.model)]
    if connection.vendor != "postgresql":
        return among(relation, records.values("pk"))
    ids = list(records.values_list("pk", flat=True)[: IDS_UP_TO + 1])
    if len(ids) > IDS_UP_TO:
        return Q(**{f"{relation}__in": records.values("pk")})
    return Q(AnyOfIds(F(relation), Value(ids)))


class AnyOfIds(Func):
    """``value = ANY(ids)``, the ids a literal array."""

    template = "(%(expressions)s::bigint[]))"
    arg_joiner = " = ANY("
    output_field = BooleanField()
