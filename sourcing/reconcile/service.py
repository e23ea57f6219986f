"""
The Reconciliation Service API 0.2 (W3C Entity Reconciliation Community Group) around the
matcher: reading query batches and data extension queries, and writing the answers. No web
framework here: ``sourcing.api.reconcile`` serves it.

What it refuses, with a ``ServiceError`` naming the parameter (the view's 400): JSON that does
not parse or is not of the specification's shape, an unknown type or property, a batch over
``MAX_BATCH`` queries (413, as the specification suggests) or a query over
``MAX_QUERY_LENGTH`` characters. A ``limit`` over ``MAX_LIMIT`` is lowered to it.
"""

import json

from ..text.search import fold_for_search
from . import properties
from .entities import TYPES, find_entity
from .matcher import DEFAULT_LIMIT, MAX_LIMIT, Query, reconcile

MAX_BATCH = 100
MAX_QUERY_LENGTH = 500
MAX_EXTEND_IDS = 100
QUERY_KEYS = {"query", "type", "limit", "properties", "type_strict"}
TYPE_STRICTNESS = ("any", "all", "should")


class ServiceError(Exception):
    def __init__(self, parameter, message, status=400):
        super().__init__(message)
        self.parameter, self.message, self.status = parameter, message, status


def parse_json(parameter, text):
    try:
        return json.loads(text)
    except (TypeError, ValueError) as error:
        raise ServiceError(parameter, f"Not valid JSON: {error}.") from None


def parse_types(value, where):
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ServiceError("queries", f"{where}: 'type' is a type id or a list of them.")
    unknown = [name for name in names if name not in TYPES]
    if unknown:
        raise ServiceError(
            "queries", f"{where}: unknown type {unknown[0]!r}: use {' or '.join(TYPES)}."
        )
    return tuple(TYPES[name] for name in names)


def queryable(types):
    """The ids of the properties a query for ``types`` (all types if none) may give."""
    return {
        prop.id
        for entity_type in (types or TYPES.values())
        for prop in properties.PROPERTIES[entity_type.id]
        if prop.compare
    }


def parse_properties(value, types, where):
    if not isinstance(value, list):
        raise ServiceError("queries", f"{where}: 'properties' is a list of {{pid, v}} objects.")
    offered = queryable(types)
    pairs = []
    for item in value:
        if not isinstance(item, dict) or "pid" not in item or "v" not in item:
            raise ServiceError("queries", f"{where}: each property is an object with pid and v.")
        if item["pid"] not in offered:
            raise ServiceError(
                "queries",
                f"{where}: unknown property {item['pid']!r}: use {', '.join(sorted(offered))}.",
            )
        values = item["v"] if isinstance(item["v"], list) else [item["v"]]
        pairs.append((item["pid"], values))
    return tuple(pairs)


def parse_query(key, value):
    where = f"query {key!r}"
    if not isinstance(value, dict):
        raise ServiceError("queries", f"{where} is not an object.")
    unknown = sorted(set(value) - QUERY_KEYS)
    if unknown:
        raise ServiceError(
            "queries",
            f"{where}: unknown field {unknown[0]!r}: use {', '.join(sorted(QUERY_KEYS))}.",
        )
    text = value.get("query", "")
    if not isinstance(text, str):
        raise ServiceError("queries", f"{where}: 'query' is a string.")
    if len(text) > MAX_QUERY_LENGTH:
        raise ServiceError("queries", f"{where}: 'query' is over {MAX_QUERY_LENGTH} characters.")
    types = parse_types(value["type"], where) if "type" in value else ()
    limit = value.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int | float) or limit < 1:
        raise ServiceError("queries", f"{where}: 'limit' is a positive integer.")
    strict = value.get("type_strict", "any")
    if strict not in TYPE_STRICTNESS:
        raise ServiceError(
            "queries", f"{where}: 'type_strict' is one of {', '.join(TYPE_STRICTNESS)}."
        )
    props = parse_properties(value["properties"], types, where) if "properties" in value else ()
    if not text.strip() and not props:
        raise ServiceError("queries", f"{where}: give a 'query' string or 'properties'.")
    return Query(text, types, strict, min(int(limit), MAX_LIMIT), props)


def parse_batch(text):
    """The ``queries`` parameter as a dict of ``Query`` by key."""
    batch = parse_json("queries", text)
    if not isinstance(batch, dict):
        raise ServiceError("queries", "A batch is a JSON object of queries by key.")
    if len(batch) > MAX_BATCH:
        raise ServiceError(
            "queries", f"At most {MAX_BATCH} queries a batch (this one has {len(batch)}).", 413
        )
    return {str(key): parse_query(key, value) for key, value in batch.items()}


def describe(entity_type, record):
    """A line telling namesakes apart: kind and country, or a plant's operator and place."""
    if entity_type.id == "plant":
        parts = [record.operator.name if record.operator else "", record.city, record.country]
    else:
        parts = [record.get_kind_display(), record.country]
    return ", ".join(part for part in parts if part)


def type_json(entity_type):
    return {"id": entity_type.id, "name": entity_type.name}


def candidate_json(candidate):
    entity_type, record = candidate.entity_type, candidate.record
    return {
        "id": entity_type.entity_id(record),
        "name": record.name,
        "description": describe(entity_type, record),
        "type": [type_json(entity_type)],
        "score": candidate.score,
        "match": candidate.match,
        "features": [{"id": key, "value": value} for key, value in candidate.features.items()],
    }


def answer_batch(text):
    """The result batch for a ``queries`` parameter."""
    results = reconcile(parse_batch(text))
    return {
        key: {"result": [candidate_json(candidate) for candidate in candidates]}
        for key, candidates in results.items()
    }


# -- Suggest ---------------------------------------------------------------------------------------


def suggest_entities(prefix, type_id=None, cursor=0, limit=10):
    """Records whose name or an alias starts with ``prefix`` (then contains it), by name."""
    types = [TYPES[type_id]] if type_id else list(TYPES.values())
    found = []
    for entity_type in types:
        records = (
            entity_type.records()
            .search(prefix)
            .select_related(*(("operator",) if entity_type.id == "plant" else ()))
        )
        found += [
            (entity_type, record) for record in records.order_by("name", "pk")[: cursor + limit]
        ]
    found.sort(key=lambda pair: (not starts_with(pair[1], prefix), pair[1].name, pair[0].id))
    return {
        "result": [
            {
                "id": entity_type.entity_id(record),
                "name": record.name,
                "description": describe(entity_type, record),
                "notable": [type_json(entity_type)],
            }
            for entity_type, record in found[cursor : cursor + limit]
        ]
    }


def starts_with(record, prefix):
    return record.search_name.startswith(fold_for_search(prefix))


def suggest_types(prefix):
    wanted = fold_for_search(prefix)
    return {
        "result": [
            entity_type.as_json()
            for entity_type in TYPES.values()
            if wanted in fold_for_search(f"{entity_type.id} {entity_type.name}")
        ]
    }


def suggest_properties(prefix, type_id=None):
    wanted = fold_for_search(prefix)
    offered = properties.PROPERTIES[type_id] if type_id else properties.all_properties()
    return {
        "result": [
            prop.as_json()
            for prop in offered
            if wanted in fold_for_search(f"{prop.id} {prop.name}")
        ]
    }


# -- Data extension --------------------------------------------------------------------------------


def propose_properties(type_id, limit=None):
    offered = properties.PROPERTIES[type_id]
    chosen = [prop for prop in offered if prop.extend][: limit or None]
    answer = {"type": type_id, "properties": [prop.as_json() for prop in chosen]}
    if limit:
        answer["limit"] = limit
    return answer


def parse_extension(text):
    query = parse_json("extend", text)
    if not isinstance(query, dict) or not isinstance(query.get("ids"), list):
        raise ServiceError("extend", "An extension query is an object with 'ids' and 'properties'.")
    ids, wanted = query["ids"], query.get("properties")
    if not all(isinstance(entity_id, str) for entity_id in ids):
        raise ServiceError("extend", "'ids' is a list of entity ids such as \"company:12\".")
    if len(ids) > MAX_EXTEND_IDS:
        raise ServiceError("extend", f"At most {MAX_EXTEND_IDS} ids a query.", 413)
    if not isinstance(wanted, list) or not all(
        isinstance(item, dict) and isinstance(item.get("id"), str) for item in wanted
    ):
        raise ServiceError("extend", "'properties' is a list of objects with an 'id'.")
    known = {prop.id for prop in properties.all_properties() if prop.extend}
    for item in wanted:
        if item["id"] not in known:
            raise ServiceError(
                "extend", f"Unknown property {item['id']!r}: use one of {', '.join(sorted(known))}."
            )
    return ids, [item["id"] for item in wanted]


def extend(text):
    """The data extension response for an ``extend`` parameter."""
    ids, wanted = parse_extension(text)
    meta = []
    for property_id in wanted:
        prop = next(p for p in properties.all_properties() if p.id == property_id)
        column = {"id": prop.id, "name": prop.name}
        if prop.entity_type is not None:
            column["type"] = type_json(prop.entity_type)
        meta.append(column)
    rows = {}
    for entity_id in ids:
        entity_type, record = find_entity(entity_id)
        row = {}
        for property_id in wanted:
            prop = record and properties.property_of(entity_type.id, property_id)
            row[property_id] = prop.extend(record) if prop and prop.extend else []
        rows[entity_id] = row
    return {"meta": meta, "rows": rows}
