"""
One proposal per fact: a headline, a subtitle and the body often state the same stake, capacity
or agreement, the headline with less ("X lifts its stake in Y"). Proposals of one
fact are merged into the one that says most, so an editor accepts each fact once.
"""

AGREEMENT_STRENGTH = {
    "joint_venture": 5,
    "supply": 4,
    "letter_of_intent": -1,  # says only that something was agreed in principle
    "research": 2,
    "cooperation": 2,
    "advisory": 2,
    "investment": 1,
    "partnership": 0,
}


def _said(proposal):
    """How much a proposal says: its filled fields."""
    return sum(
        value not in (None, "", [], False, "exact", "target")
        for value in proposal["fields"].values()
    )


def _plant_key(value):
    if not value:
        return None
    return value.get("id") or ("new", value.get("name"))


def _fact_key(proposal):
    """What identifies the fact a proposal states, blanks left out (None: not merged)."""
    fields, kind = proposal["fields"], proposal["kind"]
    if kind == "stake":
        return (fields.get("holder"), fields.get("target"))
    if kind == "plant_capacity":
        return (fields.get("gwh_per_year"),)
    if kind == "plant_milestone":
        return (fields.get("kind"), fields.get("year"))
    if kind == "plant_figure":
        return (fields.get("kind"), fields.get("value"))
    if kind == "agreement":
        return frozenset(str(p.get("company")) for p in fields.get("parties") or [])
    return None


def _share(fields):
    return fields.get("share_exact") or fields.get("share_min") or fields.get("share_max")


def _same_fact(kind, kept, other):
    a, b = kept["fields"], other["fields"]
    if kind == "stake":
        if None in (a.get("holder"), a.get("target")):
            return False
        if (a.get("status") == "divested") != (b.get("status") == "divested"):
            return False  # the stake sold and the one kept are two facts
        shares = (_share(a), _share(b))
        return None in shares or shares[0] == shares[1]
    if kind in ("plant_capacity", "plant_milestone", "plant_figure"):
        plants = (_plant_key(a.get("plant")), _plant_key(b.get("plant")))
        return None in plants or plants[0] == plants[1]
    if kind == "agreement":
        # A supply contract and a joint venture, or a research partnership, of the same two
        # companies are two deals; a vaguer word ("partnership", "alliance") is one of them.
        kinds = {a.get("kind"), b.get("kind")}
        return len(kinds) == 1 or not kinds <= _DISTINCT_AGREEMENTS
    return True


# Kinds of agreement that are different deals when both are said of the same companies.
_DISTINCT_AGREEMENTS = {"supply", "joint_venture", "research"}


def _better(kind, a, b):
    """The proposal to keep of two stating one fact."""
    if kind == "agreement":
        strength = (
            AGREEMENT_STRENGTH.get(a["fields"].get("kind"), 0),
            AGREEMENT_STRENGTH.get(b["fields"].get("kind"), 0),
        )
        if strength[0] != strength[1]:
            return a if strength[0] > strength[1] else b
    return a if _said(a) > _said(b) else b


def merged(proposals):
    """``proposals`` with each fact proposed once, in their order."""
    kept = []
    for proposal in proposals:
        key = _fact_key(proposal)
        twin = None
        # A fact already cited from the article is shown as such, never folded into another.
        if key is not None and not proposal["exists"]:
            twin = next(
                (
                    k
                    for k in kept
                    if k["kind"] == proposal["kind"]
                    and not k["exists"]
                    and _fact_key(k) == key
                    and _same_fact(proposal["kind"], k, proposal)
                ),
                None,
            )
        if twin is None:
            kept.append(proposal)
        else:
            kept[kept.index(twin)] = _better(proposal["kind"], twin, proposal)
    return kept
