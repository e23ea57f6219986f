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
- ``"=<field>"``: rows whose field is exactly the term as typed (a slug, a file name).

A row is found when any of them finds it. Related records are matched first and their ids
compared (``among``), never joined row by row.
"""

from django.db.models import Q

from ..models.curation import among
from ..text.search import fold_for_search

SEARCH = "search"


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
        for entry in self.get_search_fields(request):
            if entry == SEARCH:
                found |= queryset.search(folded)
            else:
                matches |= self.rows_found_by(entry, term, folded)
        if matches:
            found |= queryset.filter(matches)
        return found, False

    def rows_found_by(self, entry, term, folded):
        """The condition on this admin's rows of one ``search_fields`` entry (not ``"search"``)."""
        if entry.startswith("="):
            return Q(**{entry[1:]: term})
        relation, _, column = entry.rpartition("__")
        if not relation:
            return Q(**{f"{column}__contains": folded})
        related = self.related_model(relation)._default_manager.order_by()
        if column == SEARCH:
            records = related.search(folded)
        else:
            records = related.filter(**{f"{column}__contains": folded})
        return among(relation, records.values("pk"))

    def related_model(self, relation):
        model = self.model
        for name in relation.split("__"):
            model = model._meta.get_field(name).related_model
        return model
