"""
The records worth scoring for each query of a batch: those whose name or an alias looks like it.

On PostgreSQL the trigram indexes on the folded names (migration 0009) find them: a name is a
candidate when it is similar to a search term as a whole (``%``, pg_trgm's similarity threshold)
or when the term is similar to a run of its words (``<%``: "Amperex Technology" within
"Contemporary Amperex Technology Co., Limited"). The whole batch is one statement per type,
each term taking its ``PER_TERM`` nearest names through a lateral join.

Elsewhere (SQLite, small databases) every name of the type is compared in Python with
rapidfuzz, which finds the same names and more; it reads every name, so it is no way to serve
a large database.

Either way the candidates are ids only: visibility is applied when the records are loaded, so
the rule of who sees what stays in one place (``entities.EntityType.records``). Draft records
may take a few of a term's places; ``PER_TERM`` leaves room for them.
"""

from django.db import connection, transaction
from rapidfuzz import fuzz, process

from ..text.search import fold_for_search
from .names import plain_words, reduce_name

PER_TERM = 15
# pg_trgm's own defaults, set explicitly so a server's settings cannot change what matches.
SIMILARITY_THRESHOLD = 0.3
WORD_SIMILARITY_THRESHOLD = 0.6
# The Python fallback's cut-off, on rapidfuzz's 0-100 scale.
PYTHON_CUTOFF = 50


def search_terms(text, generic_words):
    """The forms of ``text`` to look up: as folded for search, in plain words, and its core."""
    name = reduce_name(text, generic_words)
    terms = [fold_for_search(text), " ".join(plain_words(text)), name.core_text]
    return [term for term in dict.fromkeys(terms) if term]


def candidate_ids(entity_type, texts):
    """For each text of ``texts`` (a list), the set of ids of records that may match it."""
    terms = [search_terms(text, entity_type.generic_words) for text in texts]
    if connection.vendor == "postgresql":
        return _trigram_candidates(entity_type, terms)
    return _python_candidates(entity_type, terms)


LATERAL_SEARCH = """
SELECT q.n, m.record_id
FROM unnest(%s::text[], %s::int[]) AS q(term, n)
CROSS JOIN LATERAL (
    SELECT t.{column} AS record_id
    FROM {table} t
    WHERE t.search_name %% q.term OR q.term <%% t.search_name
    ORDER BY greatest(similarity(t.search_name, q.term), word_similarity(q.term, t.search_name))
        DESC, t.{column}
    LIMIT %s
) m
"""


def _trigram_candidates(entity_type, terms):
    flat = [(term, n) for n, query_terms in enumerate(terms) for term in query_terms]
    found = [set() for _ in terms]
    if not flat:
        return found
    model = entity_type.model
    aliases = model._meta.get_field("aliases")
    tables = [
        (model._meta.db_table, model._meta.pk.column),
        (aliases.related_model._meta.db_table, aliases.field.column),
    ]
    sql = " UNION ALL ".join(
        LATERAL_SEARCH.format(table=connection.ops.quote_name(table), column=column)
        for table, column in tables
    )
    params = [[term for term, _ in flat], [n for _, n in flat], PER_TERM] * len(tables)
    with transaction.atomic(), connection.cursor() as cursor:
        # SET LOCAL: for this transaction only, like the statement timeout.
        cursor.execute(
            "SELECT set_config('pg_trgm.similarity_threshold', %s, true), "
            "set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(SIMILARITY_THRESHOLD), str(WORD_SIMILARITY_THRESHOLD)],
        )
        cursor.execute(sql, params)
        for n, record_id in cursor.fetchall():
            found[n].add(record_id)
    return found


def _python_candidates(entity_type, terms):
    records = entity_type.records()
    aliases = entity_type.model._meta.get_field("aliases").related_model
    names = [
        *records.values_list("pk", "name"),
        *aliases.objects.filter(**{f"{aliases.parent_field}__in": records}).values_list(
            aliases.parent_field, "name"
        ),
    ]
    owners = [pk for pk, _ in names]
    choices = [" ".join(plain_words(name)) for _, name in names]
    found = []
    for query_terms in terms:
        ids = set()
        for term in query_terms:
            for _, _, index in process.extract(
                term,
                choices,
                scorer=fuzz.token_set_ratio,
                limit=PER_TERM,
                score_cutoff=PYTHON_CUTOFF,
            ):
                ids.add(owners[index])
        found.append(ids)
    return found
