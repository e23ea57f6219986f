"""
Scores and match decisions: which of the candidates is the record a query names, and whether
it is so clearly that one that a user may accept it without looking.

Each of a record's names (its name and aliases) is compared with the query's, reduced alike
(``names``), by rapidfuzz:

- ``name_similarity``: the distinctive words in any order, typos tolerated (token sort ratio);
- ``compact_similarity``: the distinctive words run together ("DaimlerTruck");
- ``subset_similarity``: one name's words within the other's (token set ratio);
- ``extra_words``: distinctive words of the query that the name lacks ("Trucks" in "Volvo
  Trucks" against "Volvo Group"), and ``missing_words``, the name's that the query lacks;
- ``acronym``: the query is the name's initials ("LGES").

The record's score is its best name's, ``0.7 * max(name, compact) + 0.3 * subset``, moved by
the properties the query gives (a country that agrees adds a little, one that differs takes a
lot), and reported with its features. ``match`` is true only for an unambiguous best candidate:
a score of at least ``MATCH_SCORE``, no word added or missing, not an acronym, no property that
disagrees, and ``MATCH_MARGIN`` ahead of the next record. So a look-alike that adds a distinctive
word never matches, and neither do two records of the same name.
"""

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .candidates import candidate_ids
from .entities import COMPANY, TYPES, parse_entity_id
from .names import DESCRIPTOR_WORDS, reduce_name
from .properties import property_of

MATCH_SCORE = 90
EXTRA_WORD_PENALTY = 10
LEGAL_FORM_DIFFERS = 4
MATCH_MARGIN = 8
# Two words are the same word with a typo when this similar (and at least this long).
WORD_SIMILARITY = 80
WORD_MIN_LENGTH = 4
# An abbreviated word ("Tech" for "Technology") is a prefix at least this long.
ABBREVIATION_MIN_LENGTH = 3
ACRONYM_SCORE = 85
PROPERTY_AGREES = 3
PROPERTY_DIFFERS = 15
OTHER_TYPE_PENALTY = 10  # type_strict "should": a candidate of a type not asked for
DEFAULT_LIMIT = 5
MAX_LIMIT = 25


@dataclass
class Query:
    text: str = ""
    types: tuple = ()  # EntityTypes asked for; empty: every type
    type_strict: str = "any"  # "any", "all" or "should"
    limit: int = DEFAULT_LIMIT
    properties: tuple = ()  # (property id, [values]) pairs

    def searched_types(self):
        """The types whose records are candidates (see ``type_penalty`` for "should")."""
        if not self.types or self.type_strict == "should":
            return tuple(TYPES.values())
        if self.type_strict == "all" and len(set(self.types)) > 1:
            return ()  # no record is both a company and a plant
        return tuple(dict.fromkeys(self.types))

    def type_penalty(self, entity_type):
        return OTHER_TYPE_PENALTY if self.types and entity_type not in self.types else 0


@dataclass
class Candidate:
    entity_type: object
    record: object
    score: float
    features: dict = field(default_factory=dict)
    match: bool = False
    sure: bool = False  # nothing in the comparison forbids a match (words, acronym, properties)


def stem(word):
    """A plural's singular, roughly: "batteries" is "battery", "cells" is "cell"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def same_word(word, other, typos=True):
    """
    Whether two words are one: equal, singular and plural, an abbreviation ("tech") and its
    word, or (with ``typos``) close enough to be a typo of it.
    """
    if word == other or stem(word) == stem(other):
        return True
    shorter, longer = sorted((word, other), key=len)
    # Cut short by two letters or more: "hes" is no abbreviation of "hesl", an acronym of its own.
    abbreviated = len(longer) - len(shorter) >= 2 and longer.startswith(shorter)
    if len(shorter) >= ABBREVIATION_MIN_LENGTH and abbreviated:
        return True
    return typos and len(shorter) >= WORD_MIN_LENGTH and fuzz.ratio(word, other) >= WORD_SIMILARITY


def unmatched(words, others, typos=True):
    """The words of ``words`` that have no counterpart among ``others``."""
    return [w for w in words if not any(same_word(w, other, typos) for other in others)]


def compare_names(query, name, context=()):
    """
    The score and features of one of a record's names against the query's (both ``Name``).
    ``context`` are words the record is known by besides its names (a plant's city): a query
    may add them without adding a distinctive word.
    """
    # The query's words, less those that only the context explains ("Valmont" for a plant there).
    core = [w for w in query.core if not unmatched([w], name.core) or unmatched([w], context)]
    core_text, joined = " ".join(core), "".join(core)
    order_free = fuzz.token_sort_ratio(core_text, name.core_text)
    compact = fuzz.ratio(joined, name.compact)
    subset = fuzz.token_set_ratio(core_text, name.core_text)
    extra = unmatched(core, name.core)
    missing = unmatched(name.core, core)
    if joined == name.compact:  # "Mercedes-Benz" against "MercedesBenz"
        extra = missing = []
    acronym = (
        len(query.core) == 1
        and len(query.compact) >= 2
        and query.compact != name.compact
        and query.compact in name.acronyms
    )
    score = 0.7 * max(order_free, compact) + 0.3 * subset - EXTRA_WORD_PENALTY * len(extra)
    # Word for word the same name, abbreviations and plurals allowed ("LG Chemical" for "LG
    # Chem"), or the query leaves out only words saying what the company does ("Vulcan Energy"
    # for Vulcan Energy Resources; not a lone word, which could mean a sibling company): the
    # score is raised above what the ratios make of it. Typos are left to the ratios: "Belem" is
    # a typo away from "Elkem", and another company.
    leaves_out_descriptors = len(core) > 1 and set(missing) <= DESCRIPTOR_WORDS
    word_for_word = not unmatched(core, name.core, typos=False) and (
        leaves_out_descriptors or not unmatched(name.core, core, typos=False)
    )
    if joined == name.compact or word_for_word:
        score = max(score, 90 + score / 10 - 3 * len(missing))
        missing = []
    if acronym:
        score = max(score, ACRONYM_SCORE)
    legal_forms_differ = bool(
        query.legal_forms and name.legal_forms and set(query.legal_forms) != set(name.legal_forms)
    )
    if legal_forms_differ:  # "Porsche SE" against "Porsche AG": a hint, not a veto
        score -= LEGAL_FORM_DIFFERS
    return score, {
        "name_similarity": round(order_free, 1),
        "compact_similarity": round(compact, 1),
        "subset_similarity": round(subset, 1),
        "extra_words": len(extra),
        "missing_words": len(missing),
        "acronym": acronym,
        "legal_form_differs": legal_forms_differ,
        "exact": query.words == name.words,
    }


def score_record(query, query_names, entity_type, record):
    """The record as a Candidate for ``query``: its best name's score, then its properties'."""
    best_score, best_features, best_is_alias = float("-inf"), None, False
    context = entity_type.context_words(record)
    for index, name in enumerate(entity_type.names_of(record)):
        score, features = compare_names(query_names[entity_type.id], name, context)
        if score > best_score:
            best_score, best_features, best_is_alias = score, features, index > 0
    features = {**best_features, "alias": best_is_alias}
    sure = not (features["extra_words"] or features["missing_words"] or features["acronym"])
    score = best_score - query.type_penalty(entity_type)
    if query.type_penalty(entity_type):
        sure = False
    for property_id, values in query.properties:
        prop = property_of(entity_type.id, property_id)
        agrees = prop.compare(record, values) if prop and prop.compare else None
        if agrees is None:
            continue
        features[f"{property_id}_matches"] = agrees
        score += PROPERTY_AGREES if agrees else -PROPERTY_DIFFERS
        sure = sure and agrees
    score = max(0.0, min(100.0, score))
    return Candidate(entity_type, record, round(score, 1), features, sure=sure)


def decide(candidates):
    """Sorts ``candidates`` best first and marks the best one a match when it is unambiguous."""
    candidates.sort(key=lambda c: (-c.score, c.entity_type.id, c.record.pk))
    if candidates:
        best, others = candidates[0], candidates[1:]
        runner_up = others[0].score if others else 0
        # A name written exactly as one of the record's, legal form included ("Porsche SE"),
        # settles a near tie with a record that has no such name ("Porsche AG").
        only_exact = best.features["exact"] and not any(c.features["exact"] for c in others)
        best.match = (
            best.sure
            and best.score >= MATCH_SCORE
            and (best.score - runner_up >= MATCH_MARGIN or only_exact)
        )
    return candidates


def load_records(entity_type, ids):
    related = {"company": ["aliases", "parent__aliases"], "plant": ["aliases", "operator__aliases"]}
    selected = {"company": ["parent"], "plant": ["operator"]}
    records = (
        entity_type.records()
        .filter(pk__in=ids)
        .select_related(*selected[entity_type.id])
        .prefetch_related(*related[entity_type.id])
    )
    return {record.pk: record for record in records}


def named_by_id(texts):
    """
    {index: (type, pk)} for the texts of ``texts`` that name a record by entity id
    ("company:12") or by company slug ("verkor"), as the specification expects ids to be found.
    """
    named = {index: parse_entity_id(text) for index, text in enumerate(texts)}
    slugs = {text.strip(): index for index, text in enumerate(texts) if named[index] is None}
    found = COMPANY.records().filter(slug__in=[s for s in slugs if s]).values_list("slug", "pk")
    for slug, pk in found:
        named[slugs[slug]] = (COMPANY, pk)
    return {index: pair for index, pair in named.items() if pair is not None}


def reconcile(queries):
    """For a dict of ``Query`` by key, the dict of their candidates (best first) by key."""
    keys = list(queries)
    wanted = {entity_type: {} for entity_type in TYPES.values()}  # type -> {key: ids}
    by_id = {keys[i]: pair for i, pair in named_by_id([queries[k].text for k in keys]).items()}
    for entity_type in TYPES.values():
        asking = [k for k in keys if entity_type in queries[k].searched_types()]
        texts = [queries[k].text for k in asking]
        for key, ids in zip(asking, candidate_ids(entity_type, texts), strict=True):
            wanted[entity_type][key] = ids
    for key, (entity_type, pk) in by_id.items():
        wanted[entity_type].setdefault(key, set()).add(pk)
    records = {
        entity_type: load_records(entity_type, set().union(*ids.values()))
        for entity_type, ids in wanted.items()
    }
    results = {}
    for key in keys:
        query = queries[key]
        query_names = {t.id: reduce_name(query.text, t.generic_words) for t in TYPES.values()}
        candidates = [
            score_record(query, query_names, entity_type, records[entity_type][pk])
            for entity_type, ids in wanted.items()
            for pk in ids.get(key, ())
            if pk in records[entity_type]
        ]
        named = by_id.get(key)
        for candidate in candidates:
            if named == (candidate.entity_type, candidate.record.pk):
                candidate.score, candidate.sure = 100.0, True
                candidate.features["id"] = True
        results[key] = decide(candidates)[: query.limit]
    return results
