"""
The records worth scoring for each query of a batch: those whose name or an alias looks like it.

On PostgreSQL, by the query's rarest words. A word that thousands of names share ("lithium" in
some databases, "energy" in most) is no help in telling them apart, and makes each of those
names a row to read; so are the words that say what a company does. The query's distinctive
words less those are looked up in the word indexes of the folded names (migration 0019): the
names holding any of its ``MAX_WORDS`` rarest words, ``PER_QUERY`` of them, nearest to the query
by trigram similarity. A word no name holds is taken for a typo of the nearest word that one
does ("Lithim" for "lithium", rapidfuzz over the names' vocabulary); words still unknown (no
name holds anything like them) are looked up on the trigram indexes (migration 0009): names
similar to them as a whole (``%``) or holding a run of words similar to them (``<%``). Every
query is also looked up whole, by its exact folded name (a B-tree lookup): the only way left
for one made of common words alone ("Battery Cells Ltd"). Each channel is one statement for
the batch, each query taking its candidates through a lateral join.

The names' vocabulary, and how many names hold each word, are counted in Python and kept by
the process until the names change (``RebuiltWhenNamesChange``, the rule that keeps the
suggestions engine's name index): a name added a moment ago is a known word at once.

Elsewhere (SQLite, small databases) every name of the type is compared in Python with
rapidfuzz, which finds the same names and more; it reads every name, so it is no way to serve
a large database.

Either way the candidates are ids only: visibility is applied when the records are loaded, so
the rule of who sees what stays in one place (``entities.EntityType.records``). Draft records
may take a few of a query's places; ``PER_QUERY`` leaves room for them.
"""

import re
from collections import Counter

from django.db import connection, transaction
from rapidfuzz import fuzz, process

from ..suggestions.names import RebuiltWhenNamesChange
from ..text.search import fold_for_search
from .entities import TYPES
from .names import DESCRIPTOR_WORDS, plain_words, reduce_name

PER_QUERY = 12
# A word in more than this share of a type's names (and at least COMMON_MIN of them) is common.
COMMON_SHARE = 0.005
COMMON_MIN = 50
MAX_WORDS = 3
# A word no name holds is read as a typo of a known word this similar (and this long).
TYPO_SIMILARITY = 80
TYPO_MIN_LENGTH = 4
# pg_trgm's own defaults, set explicitly so a server's settings cannot change what matches.
SIMILARITY_THRESHOLD = 0.3
WORD_SIMILARITY_THRESHOLD = 0.6
# The Python fallback's cut-off, on rapidfuzz's 0-100 scale.
PYTHON_CUTOFF = 50


_WORD = re.compile(r"\w+")


def count_words():
    """
    {type id: (in how many of the type's names and aliases each folded word occurs, how many
    names, the words as a list)} for every type.
    """
    found = {}
    for entity_type in TYPES.values():
        aliases = entity_type.model._meta.get_field("aliases").related_model
        counts, total = Counter(), 0
        # The aliases of published records: a pending version's copies are nobody's names.
        published_aliases = aliases.objects.filter(
            **{f"{aliases.parent_field}__pending_of__isnull": True}
        )
        for table in (entity_type.model.objects, published_aliases):
            for name in table.values_list("search_name", flat=True).iterator(chunk_size=5000):
                counts.update(set(_WORD.findall(name)))
                total += 1
        found[entity_type.id] = (counts, total, list(counts))
    return found


_counts = RebuiltWhenNamesChange(count_words, "reconcile-words")


def word_counts(entity_type):
    """The counts of ``count_words`` for ``entity_type``, as the names are now."""
    return _counts.get()[entity_type.id]


_LETTERS_OR_DIGITS = re.compile(r"[a-z]+|[0-9]+")


def known_words(word, counts, vocabulary):
    """
    The words of names that ``word`` stands for: itself if a name holds it, else the known word
    it is a typo of, else its runs of letters and of digits that names hold ("company12005",
    a space lost, is "company" and "12005"); none when nothing is known.
    """
    if word in counts:
        return [word]
    if len(word) >= TYPO_MIN_LENGTH:
        nearest = process.extractOne(
            word, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY
        )
        if nearest:
            return [nearest[0]]
    parts = _LETTERS_OR_DIGITS.findall(word)
    return [part for part in parts if part in counts] if len(parts) > 1 else []


def lookup_plan(text, entity_type, counts, total, vocabulary):
    """
    How to look ``text`` up: (its rarest known distinctive words, its distinctive words as one
    string to rank by, its words no name holds even with a typo, its folded forms). Words a name
    holds but that are all common leave only the folded forms, compared whole.
    """
    core = reduce_name(text, entity_type.generic_words).core
    distinctive = [word for word in core if word not in DESCRIPTOR_WORDS] or list(core)
    limit = max(COMMON_MIN, COMMON_SHARE * total)
    known = {word: known_words(word, counts, vocabulary) for word in distinctive}
    rare = sorted(
        {w for found in known.values() for w in found if counts[w] <= limit},
        key=lambda word: (counts[word], word),
    )
    unknown = " ".join(word for word, found in known.items() if not found)
    whole = list(dict.fromkeys([fold_for_search(text), " ".join(plain_words(text))]))
    return rare[:MAX_WORDS], " ".join(core), unknown, whole


def search_terms(text, generic_words):
    """The forms of ``text`` the Python fallback compares: its distinctive and all its words."""
    core = reduce_name(text, generic_words).core
    terms = [" ".join(core), " ".join(plain_words(text))]
    return [term for term in dict.fromkeys(terms) if term]


def candidate_ids(entity_type, texts):
    """For each text of ``texts`` (a list), the set of ids of records that may match it."""
    if connection.vendor == "postgresql":
        counts, total, vocabulary = word_counts(entity_type)
        plans = [lookup_plan(text, entity_type, counts, total, vocabulary) for text in texts]
        return _postgresql_candidates(entity_type, plans)
    terms = [search_terms(text, entity_type.generic_words) for text in texts]
    return _python_candidates(entity_type, terms)


# One table's names holding any of the words, nearest the key first.
BY_WORDS = """
(SELECT t.{column} AS record_id, similarity(t.search_name, q.key) AS s
 FROM {table} t
 WHERE to_tsvector('simple'::regconfig, t.search_name) @@ to_tsquery('simple'::regconfig, q.words)
 ORDER BY s DESC, t.{column}
 LIMIT %s)
"""
# One table's names similar to the key, or holding a run of words similar to it.
BY_TRIGRAMS = """
(SELECT t.{column} AS record_id,
    greatest(similarity(t.search_name, q.key), word_similarity(q.key, t.search_name)) AS s
 FROM {table} t
 WHERE t.search_name %% q.key OR q.key <%% t.search_name
 ORDER BY s DESC, t.{column}
 LIMIT %s)
"""
LATERAL_SEARCH = """
SELECT q.n, m.record_id
FROM unnest(%s::text[], %s::text[], %s::int[]) AS q(words, key, n)
CROSS JOIN LATERAL (
    SELECT DISTINCT record_id, s FROM ({nearest}) AS u ORDER BY s DESC, record_id LIMIT %s
) m
"""


def tables_of(entity_type):
    """(table, column of the record's id) for the type's records and its aliases."""
    model = entity_type.model
    aliases = model._meta.get_field("aliases")
    return [
        (connection.ops.quote_name(model._meta.db_table), model._meta.pk.column),
        (connection.ops.quote_name(aliases.related_model._meta.db_table), aliases.field.column),
    ]


def _lateral(cursor, entity_type, nearest, asked, found):
    """Runs one channel for ``asked``: (tsquery words, key, query index) triples."""
    if not asked:
        return
    tables = tables_of(entity_type)
    sql = LATERAL_SEARCH.format(
        nearest=" UNION ALL ".join(nearest.format(table=t, column=c) for t, c in tables)
    )
    columns = [list(column) for column in zip(*asked, strict=True)]
    cursor.execute(sql, columns + [PER_QUERY] * len(tables) + [PER_QUERY])
    for n, record_id in cursor.fetchall():
        found[n].add(record_id)


EXACT_SEARCH = """
SELECT q.n, t.{column} FROM unnest(%s::text[], %s::int[]) AS q(name, n)
JOIN {table} t ON t.search_name = q.name
"""


def _postgresql_candidates(entity_type, plans):
    found = [set() for _ in plans]
    # The words are [a-z0-9]+ (``plain_words``), so " | " makes a valid tsquery of them.
    by_words = [(" | ".join(plan[0]), plan[1], n) for n, plan in enumerate(plans) if plan[0]]
    by_trigrams = [("", plan[2], n) for n, plan in enumerate(plans) if not plan[0] and plan[2]]
    whole = [(name, n) for n, plan in enumerate(plans) for name in plan[3] if name]
    with transaction.atomic(), connection.cursor() as cursor:
        _lateral(cursor, entity_type, BY_WORDS, by_words, found)
        if by_trigrams:
            # SET LOCAL: for this transaction only, like the statement timeout.
            cursor.execute(
                "SELECT set_config('pg_trgm.similarity_threshold', %s, true), "
                "set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(SIMILARITY_THRESHOLD), str(WORD_SIMILARITY_THRESHOLD)],
            )
            _lateral(cursor, entity_type, BY_TRIGRAMS, by_trigrams, found)
        if whole:
            sql = " UNION ALL ".join(
                EXACT_SEARCH.format(table=table, column=column)
                for table, column in tables_of(entity_type)
            )
            cursor.execute(sql, [[name for name, _ in whole], [n for _, n in whole]] * 2)
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
                limit=PER_QUERY,
                score_cutoff=PYTHON_CUTOFF,
            ):
                ids.add(owners[index])
        found.append(ids)
    return found
