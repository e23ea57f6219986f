"""
Roles of a company in an agreement, read as the suggestions engine reads them: the company named
before a verb of supplying ("X will supply", "X fournira") supplies, one named after it buys
("supply Renault Group with"), and the reverse for a verb of buying (a company named on both
sides may be either); partners are named with a word of partnership, cooperation or venture, or
as partners; advisers with a word of advising. The passage must name the company itself: "our",
"the group" or a description names nobody.
"""

import re

from ..suggestions import triggers
from .names import check_named, find_names
from .verdicts import cannot_tell, not_stated, stated

PARTNERING = ("partnership", "cooperation", "joint_venture", "research", "letter_of_intent")
# A partner is also named as one: "its partners Renault and Mitsubishi", "longtime partner of".
PARTNER = re.compile(r"(?<![\w])(?:partners?|partenaires?)(?![\w])", re.I)
INVESTING = dict(triggers.AGREEMENT_KINDS)["investment"]


def _supply_side(value, reading, spans):
    for pattern, subject_role in ((triggers.SUPPLYING, "supplier"), (triggers.BUY_VERB, "buyer")):
        for verb in pattern.finditer(reading.text):
            before = any(end <= verb.start() for _, end in spans)
            after = any(start >= verb.end() for start, _ in spans)
            if before and value.role == subject_role:
                return stated(f"names {value.party.label} before “{verb.group()}”")
            if after and value.role != subject_role:
                return stated(f"names {value.party.label} after “{verb.group()}”")
    return None


def _words_of_role(role, text):
    if role in ("adviser", "financial_adviser", "legal_adviser"):
        patterns = [triggers.ADVISING]
    elif role in ("investor", "investee"):
        patterns = [INVESTING, triggers.STAKE]
    elif role == "partner":
        kinds = dict(triggers.AGREEMENT_KINDS)
        patterns = [PARTNER, *(kinds[kind] for kind in PARTNERING)]
    else:
        patterns = []
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match.group()
    return None


def check_role(value, reading):
    named = check_named(value.party, reading)
    label = value.role.replace("_", " ")
    if not named.stated:
        return not_stated(f"{named.reason}, so not its role ({label})")
    if value.role in ("supplier", "buyer"):
        found = _supply_side(value, reading, find_names(value.party.names, reading))
        if found:
            return found
        return cannot_tell(f"does not say by a verb of supplying or buying who is the {label}")
    words = _words_of_role(value.role, reading.text)
    if words:
        return stated(f"names {value.party.label} with “{words}” ({label})")
    return cannot_tell(f"has none of the words that state the role “{label}”")
