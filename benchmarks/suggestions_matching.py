"""
Matching what the suggestions engine found in one article to what the corpus expects of it, one
to one, kind by kind. The rules are stated once, in the docstring of
``benchmarks/suggestions_quality.py``; this module applies them and reports, for every expected
item, the item it was matched to (and the fields that differ) or none, and for every item found,
whether it matched.

Pure Python: no database, no Django. Expected items are ``tests.suggestions_corpus`` objects;
found items are the engine's JSON (``suggest(article)["mentions"]`` and ``["proposals"]``).
"""

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

# What a blank becomes when the desk accepts the proposal as it is.
DEFAULTS = {"qualifier": "exact", "basis": "target"}
COMPANY_KIND_DEFAULT = "not_stated"
# Editorial labels an editor types freely, and fields derived from others: never compared.
LABELS = {"agreement": {"title"}, "plant": {"name"}}
DERIVED = {"slug", "as_of_precision", "announced_precision", "start", "end"}
COMPANY_FIELDS = {"holder", "target", "operator", "company"}
NUMBER_FIELDS = {"share_exact", "share_min", "share_max", "gwh_per_year", "value"}
YEAR_FIELDS = {"year", "start_year"}
LEGAL_FORMS = {
    "sa", "sas", "sasu", "sarl", "se", "ag", "kg", "gmbh", "ltd", "limited", "inc", "corp",
    "corporation", "llc", "llp", "plc", "nv", "bv", "ab", "asa", "oy", "oyj", "spa", "co",
    "holding", "holdings",
}  # fmt: skip


def fold(text):
    """Case, accents and punctuation aside: "Sylvène Énergie" and "sylvene energie" are one."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def without_legal_form(name):
    words = fold(name).split()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def blank(value):
    """A value that says nothing ("not filled", not a value): None, False, "", [] or {}; not 0."""
    return value is None or value is False or (isinstance(value, str | list | dict) and not value)


def same_number(a, b):
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-4, abs_tol=0.01)
    except (TypeError, ValueError):
        return False


def unit_family(unit):
    return "GWh" if unit in ("GWh", "GWh/yr") else unit


def overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


# -- References to companies and plants -----------------------------------------------------------


class Names:
    """
    What a reference names: the known records (``known.yaml``) by slug, name and alias, and the
    companies and plants an article introduces, by name (and plants by city too).
    """

    def __init__(self, known):
        self.company = {}
        for company in known["companies"]:
            slug = company["slug"]
            self.company[fold(slug)] = slug
            for name in [company["name"], *(a["name"] for a in company.get("aliases") or [])]:
                self.company.setdefault(without_legal_form(name), slug)
        self.plant = {}
        for plant in known["plants"]:
            for name in [plant["name"], *(plant.get("aliases") or [])]:
                self.plant[fold(name)] = plant["name"]

    def company_key(self, value):
        """A known company's slug, or a new company's name without its legal form."""
        if isinstance(value, dict):
            value = value.get("slug") or value.get("name")
        if blank(value):
            return None
        return (
            self.company.get(fold(value))
            or self.company.get(without_legal_form(value))
            or ("new:" + without_legal_form(value))
        )

    def plant_key(self, value, new_plants=()):
        """A known plant's name, or ``new:<label>`` of a plant the article introduces."""
        name = value.get("name") if isinstance(value, dict) else value
        city = value.get("city") if isinstance(value, dict) else None
        if blank(value) or (blank(name) and blank(city)):
            return None
        if name and fold(name) in self.plant:
            return self.plant[fold(name)]
        for plant in new_plants:
            if (name and fold(name) == fold(plant["name"])) or (
                city and fold(city) == fold(plant.get("city") or "")
            ):
                return "new:" + fold(plant["name"])
        return "unknown:" + fold(name or city)


# -- Matches --------------------------------------------------------------------------------------


@dataclass
class Match:
    """One expected item and the found item matched to it (None: missed)."""

    expected: object
    found: dict | None = None
    differences: list = field(default_factory=list)  # fields whose values differ

    @property
    def unchanged(self):
        return self.found is not None and not self.differences


@dataclass
class Result:
    """The matching of one kind in one article."""

    kind: str
    matches: list  # of Match, one per expected item
    extra: list  # found items matched to nothing: (item, why)

    @property
    def found(self):
        return sum(m.found is not None for m in self.matches) + len(self.extra)


def assign(kind, expected, found, compatible, differences):
    """
    One-to-one matching: every compatible (expected, found) pair, best first (fewest differing
    fields, then text order), each item taken once. ``compatible(e, f)`` and
    ``differences(e, f)`` (the list of differing fields) state the kind's rules.
    """
    pairs = []
    for i, item in enumerate(expected):
        for j, candidate in enumerate(found):
            if compatible(item, candidate):
                pairs.append((len(differences(item, candidate)), i, j))
    matches = [Match(item) for item in expected]
    taken = set()
    for _, i, j in sorted(pairs):
        if matches[i].found is None and j not in taken:
            matches[i].found = found[j]
            matches[i].differences = differences(expected[i], found[j])
            taken.add(j)
    extra = []
    for j, candidate in enumerate(found):
        if j not in taken:
            twin = next((m for m in matches if compatible(m.expected, candidate)), None)
            extra.append((candidate, "duplicate of an expected item" if twin else "not expected"))
    return Result(kind, matches, extra)


# -- Mentions -------------------------------------------------------------------------------------


def mention_rules(names):
    """(compatible, differences) for mentions: same kind, overlapping spans, same identity."""

    def identity(expected, found):
        kind = expected.kind
        if kind == "company":
            return names.company_key(found.get("record")) == expected.record
        if kind == "plant":
            return names.plant_key(found.get("record")) == expected.record
        if kind == "quantity":
            return same_number(found.get("value"), expected.value) and unit_family(
                found.get("unit")
            ) == unit_family(expected.unit)
        if kind == "date":
            return found.get("year") == expected.year
        return True  # a candidate company: where it is says which

    def compatible(expected, found):
        return overlaps(expected.start, expected.end, found["start"], found["end"]) and identity(
            expected, found
        )

    def differences(expected, found):
        if expected.kind == "quantity":
            wanted = {"qualifier": expected.qualifier, "year": expected.year}
            return [name for name, value in wanted.items() if found.get(name) != value]
        if expected.kind == "date":
            return [] if found.get("date") == expected.date else ["date"]
        if expected.kind == "candidate_company":
            return [] if fold(found["text"]) == fold(expected.text) else ["text"]
        return []

    return compatible, differences


def match_mentions(expected, found, names, kinds):
    compatible, differences = mention_rules(names)
    return [
        assign(
            kind,
            [m for m in expected if m.kind == kind],
            [m for m in found if m["kind"] == kind],
            compatible,
            differences,
        )
        for kind in kinds
    ]


# -- Proposals ------------------------------------------------------------------------------------

# Kinds whose proposal must quote (overlap) a passage that states the expected record.
LOCATED = {
    "stake",
    "agreement",
    "plant_capacity",
    "plant_milestone",
    "plant_figure",
    "non_editorial",
}


class ProposalRules:
    """The identity and the field-by-field comparison of proposals, for one article."""

    def __init__(self, names, new_plants):
        self.names = names
        self.new_plants = new_plants  # the expected plant proposals' fields

    def value(self, kind, name, value):
        """A field's value as compared: references resolved, blanks read as the desk reads them."""
        if name in COMPANY_FIELDS:
            return self.names.company_key(value)
        if name == "plant":
            return self.names.plant_key(value, self.new_plants)
        if name == "parties":
            return frozenset(
                (self.names.company_key(p.get("company")), p.get("role") or None)
                for p in value or []
            )
        if name == "volumes":
            return Counter(self._volume(volume) for volume in value or [])
        if blank(value):
            if name == "kind" and kind == "company":
                return COMPANY_KIND_DEFAULT
            return DEFAULTS.get(name)
        if name in NUMBER_FIELDS:
            return round(float(value), 2)
        if name in YEAR_FIELDS:
            return int(value)
        if name == "city":
            return fold(value)
        return str(value)

    def _volume(self, volume):
        year = volume.get("year")
        return (
            round(float(volume.get("gwh_per_year") or 0), 2),
            volume.get("qualifier") or DEFAULTS["qualifier"],
            volume.get("basis") or DEFAULTS["basis"],
            int(year) if not blank(year) else None,
        )

    def differences(self, expected, found):
        kind = expected.kind
        fields = found["fields"]
        names = (set(expected.fields) | set(fields)) - LABELS.get(kind, set()) - DERIVED
        differing = sorted(
            name
            for name in names
            if self.value(kind, name, expected.fields.get(name))
            != self.value(kind, name, fields.get(name))
        )
        if kind == "non_editorial" and _trimmed(found) != expected.spans[0]:
            differing.append("span")
        return differing

    def compatible(self, expected, found):
        if found["kind"] != expected.kind:
            return False
        if expected.kind in LOCATED and not any(
            overlaps(start, end, found["start"], found["end"]) for start, end in expected.spans
        ):
            return False
        rule = getattr(self, f"_same_{expected.kind}", None)
        return rule is None or rule(expected.fields, found["fields"])

    def _agrees(self, kind, name, expected, found):
        """The found value is blank or the expected one."""
        value = self.value(kind, name, found.get(name))
        return value is None or value == self.value(kind, name, expected.get(name))

    def _same_stake(self, expected, found):
        shares = [_share(expected), _share(found)]
        if None not in shares and not same_number(*shares):
            return False
        sides = ("holder", "target")
        named = any(self.value("stake", name, found.get(name)) is not None for name in sides)
        return named and all(self._agrees("stake", name, expected, found) for name in sides)

    def _same_agreement(self, expected, found):
        wanted = {company for company, _ in self.value("agreement", "parties", expected["parties"])}
        named = {company for company, _ in self.value("agreement", "parties", found.get("parties"))}
        return len(wanted & named) >= min(2, len(wanted))

    def _same_plant_capacity(self, expected, found):
        return same_number(expected["gwh_per_year"], found.get("gwh_per_year")) and self._agrees(
            "plant_capacity", "plant", expected, found
        )

    def _same_plant_milestone(self, expected, found):
        year = self.value("plant_milestone", "year", found.get("year"))
        same = year == self.value("plant_milestone", "year", expected["year"])
        return (
            same
            and found.get("kind") == expected["kind"]
            and self._agrees("plant_milestone", "plant", expected, found)
        )

    def _same_plant_figure(self, expected, found):
        same = same_number(expected["value"], found.get("value"))
        return (
            same
            and found.get("kind") == expected["kind"]
            and self._agrees("plant_figure", "plant", expected, found)
        )

    def _same_plant(self, expected, found):
        if not blank(found.get("city")):
            return fold(found["city"]) == fold(expected["city"])
        return self.value("plant", "operator", found.get("operator")) == self.value(
            "plant", "operator", expected["operator"]
        )

    def _same_company(self, expected, found):
        return without_legal_form(found.get("name") or "") == without_legal_form(expected["name"])

    def _same_alias(self, expected, found):
        return fold(found.get("name") or "") == fold(expected["name"]) and self.value(
            "alias", "company", found.get("company")
        ) == self.value("alias", "company", expected["company"])


def _share(fields):
    """The share a stake states (exact or a bound), or None."""
    return next(
        (fields[name] for name in ("share_exact", "share_min", "share_max")
         if not blank(fields.get(name))),
        None,
    )  # fmt: skip


def _trimmed(found):
    """A found span without the spaces at its edges, as the expected spans are located."""
    start, end, text = found["start"], found["end"], found.get("quote") or ""
    return start + (len(text) - len(text.lstrip())), end - (len(text) - len(text.rstrip()))


def match_proposals(expected, found, names, kinds):
    new_plants = [p.fields for p in expected if p.kind == "plant"]
    rules = ProposalRules(names, new_plants)
    return [
        assign(
            kind,
            [p for p in expected if p.kind == kind],
            [p for p in found if p["kind"] == kind],
            rules.compatible,
            rules.differences,
        )
        for kind in kinds
    ]
