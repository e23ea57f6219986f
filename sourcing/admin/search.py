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
one relation together, and their ids compared (``found_among``); only a common word, found in
more related records than ids are written, is tested through the join of a single-valued
relation.
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
        related = {}  # relation -> RelatedMatches: what its entries find
        for entry in self.get_search_fields(request):
            exact = entry.startswith("=")
            relation, _, column = entry.removeprefix("=").rpartition("__")
            if entry == SEARCH:
                found |= queryset.search(folded)
            elif not relation:
                matches |= found_in_column(column, term if exact else folded, exact)
            else:
                if relation not in related:
                    related[relation] = RelatedMatches(self.model, relation)
                if column == SEARCH:
                    related[relation].add_search(folded)
                else:
                    related[relation].add_condition(
                        found_in_column(column, term if exact else folded, exact)
                    )
        for relation, matching in related.items():
            matches |= found_among(queryset, relation, matching)
        if matches:
            found |= queryset.filter(matches)
        return found, False


def found_in_column(column, value, exact):
    return Q(**{column: value}) if exact else Q(**{f"{column}__contains": value})


class RelatedMatches:
    """
    The related records that the entries on one relation find (``records``) and, while every
    entry is a column's, the same records as a condition on the related model's fields
    (``condition``, the default manager's own included), which a single-valued relation lets
    the searched rows test through a join.
    """

    def __init__(self, model, relation):
        fields = []
        for name in relation.split("__"):
            fields.append(model._meta.get_field(name))
            model = fields[-1].related_model
        self.related_model = model
        self.single_valued = all(field.many_to_one or field.one_to_one for field in fields)
        self.records = self.manager().none()
        self.condition = Q()  # None once a model's own search, no condition, finds some

    def manager(self):
        return self.related_model._default_manager.order_by()

    def add_search(self, folded):
        self.records |= self.manager().search(folded)
        self.condition = None

    def add_condition(self, condition):
        self.records |= self.manager().filter(condition)
        if self.condition is not None:
            self.condition |= condition

    def joined_condition(self, relation):
        """The records' condition from the searched rows, across ``relation``, or None."""
        if self.condition is None or not self.single_valued:
            return None  # a row would be joined to each of its many related records
        own = getattr(self.related_model._default_manager, "condition", Q())
        return across(relation, own & self.condition)


def across(relation, condition):
    """``condition`` (a Q on a related model's fields) as the rows across ``relation`` test it."""
    return Q(
        *(
            across(relation, child)
            if isinstance(child, Q)
            else (f"{relation}__{child[0]}", child[1])
            for child in condition.children
        ),
        _connector=condition.connector,
        _negated=condition.negated,
    )


def found_among(queryset, relation, matching):
    """
    The rows of ``queryset`` whose ``relation`` is among ``matching.records``. On PostgreSQL the
    ids are read first and written into the query as an array: the planner then knows how many
    rows will match, which it cannot guess for a subquery (it takes any phrase searched in an
    article's text for a rare one, as the text is too long for its statistics), and tests
    each row against the array by hashing. A common word ("battery", in most articles) is then
    a walk of the list's ordering that stops at the page, not a sort of most citations; a rare
    name, a few index probes.

    Beyond ``IDS_UP_TO`` ids (a word in every agreement's title), the array would cost more to
    send and read than the records' own condition tested through the join, when the relation
    is single-valued and the entries are columns (a party's agreement's title): the planner
    estimates its matches well on such short columns and walks the list's ordering to the end
    of the page (2 ms for "supply" among 230,000 parties; a subquery ``IN`` there, hashed,
    which PostgreSQL costs again for each row it probes, made it sort every party: 630 ms).
    Otherwise a subquery (``IN``, hashed, not ``among``'s array, which each row would scan
    whole). Elsewhere, a subquery.
    """
    records = matching.records
    connection = connections[router.db_for_read(queryset.model)]
    if connection.vendor != "postgresql":
        return among(relation, records.values("pk"))
    ids = list(records.values_list("pk", flat=True)[: IDS_UP_TO + 1])
    if len(ids) <= IDS_UP_TO:
        return Q(AnyOfIds(F(relation), Value(ids)))
    joined = matching.joined_condition(relation)
    return joined if joined is not None else Q(**{f"{relation}__in": records.values("pk")})


class AnyOfIds(Func):
    """``value = ANY(ids)``, the ids a literal array."""

    template = "(%(expressions)s::bigint[]))"
    arg_joiner = " = ANY("
    output_field = BooleanField()
