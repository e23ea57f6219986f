"""Agreements proposed from one sentence: parties with roles, kind from trigger words, status."""

from . import triggers
from .common import party, party_key

KIND_LABELS = {
    "supply": "supply agreement",
    "partnership": "partnership",
    "letter_of_intent": "letter of intent",
    "joint_venture": "joint venture",
    "cooperation": "cooperation",
    "research": "research agreement",
    "advisory": "advisory mandate",
    "investment": "investment",
}


# Parties are named near the words that say what they agreed: in a long sentence, a company
# named further away is about something else.
PARTY_REACH = 150


def _kind(body, passage):
    """The strongest agreement kind the sentence names, and where its word is."""
    for kind, pattern in triggers.AGREEMENT_KINDS:
        match = pattern.search(body, passage.start, passage.end)
        if match:
            return kind, match
    return None, None


def _status(text, kind):
    if kind == "letter_of_intent":
        return "letter_of_intent"
    if triggers.DISCUSSIONS.search(text):
        return "in_discussion"
    if triggers.ENDED.search(text):
        return "ended"
    if triggers.SIGNED.search(text):
        return "signed"
    return "announced"


def _adviser_role(name):
    if triggers.LEGAL_ADVISER.search(name):
        return "legal_adviser"
    if triggers.FINANCIAL_ADVISER.search(name):
        return "financial_adviser"
    return "adviser"


def _distinct(companies):
    seen, result = set(), []
    for company in companies:
        key = party_key(company)
        if key not in seen:
            seen.add(key)
            result.append(company)
    return result


def _roles(sentence, kind, companies):
    """(company mention, role) pairs: who supplies whom, who advises, who partners."""
    body, passage = sentence.reading.body, sentence.passage
    advising = triggers.ADVISING.search(body, passage.start, passage.end)
    if advising and advising.start() - passage.start < 3:
        # "Advising the partnership of X and Y were A and B": the advisers follow the verb.
        verb = triggers.ADVISERS_FOLLOW.search(body, advising.end(), passage.end)
        advising = verb or advising
    verb = triggers.SUPPLY_VERB.search(body, passage.start, passage.end)
    roles = []
    for company in companies:
        # Those named after "advising" advise (all of them in an advisory mandate).
        if advising and (kind == "advisory" or company["start"] > advising.start()):
            roles.append((company, _adviser_role(company["text"])))
        elif kind == "supply" and verb:
            roles.append((company, "supplier" if company["end"] <= verb.start() else "buyer"))
        elif kind == "supply":
            roles.append((company, None))  # "a supply partnership between X and Y": who supplies?
        elif kind == "investment":
            roles.append((company, None))
        else:
            roles.append((company, "partner"))
    if kind == "supply" and verb:
        suppliers = [c for c, role in roles if role == "supplier"]
        # Only the subject supplies: "Renault and Verkor said Verkor will supply Renault".
        roles = [
            (c, "buyer" if role == "supplier" and c is not suppliers[-1] else role)
            for c, role in roles
        ]
    return roles


def _volumes(sentence):
    return [
        {
            "gwh_per_year": figure["value"],
            "qualifier": figure["qualifier"],
            "basis": "target",
            "year": figure["year"],
        }
        for figure in sentence.figures
        if figure["unit"] in ("GWh", "GWh/yr")
    ]


def agreements(sentence, facts, discourse):
    body, passage = sentence.reading.body, sentence.passage
    kind, word = _kind(body, passage)
    if kind is None:
        return
    companies = _distinct(
        c
        for c in sentence.parties
        if c["start"] - PARTY_REACH <= word.start() <= c["end"] + PARTY_REACH
    )
    if kind is None or len(companies) < 2:
        return
    roles = _roles(sentence, kind, companies)
    start_year = triggers.START_YEAR.search(body, passage.start, passage.end)
    dated = [d for d in sentence.dates if d["precision"] in ("day", "month")]
    names = [c["record"]["name"] if c["record"] else c["text"] for c, _ in roles]
    fields = {
        "title": f"{'–'.join(names)} {KIND_LABELS[kind]}",
        "kind": kind,
        "status": _status(sentence.text, kind),
        "parties": [{"company": party(c), "role": role} for c, role in roles],
        "announced": dated[0]["date"] if dated else None,
        "announced_precision": dated[0]["precision"] if dated else None,
        "start_year": int(start_year.group("year")) if start_year else None,
        "volumes": _volumes(sentence) if kind == "supply" else [],
    }
    known = [c["record"]["id"] for c in companies if c["record"]]
    exists = bool(facts and facts.has_agreement(kind, known))
    key = ("agreement", kind, frozenset(party_key(c) for c in companies))
    yield key, sentence.propose("agreement", fields, companies, exists)
