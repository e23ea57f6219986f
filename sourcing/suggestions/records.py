"""A stake's share fields; plant capacities and plant milestones proposed from one sentence."""

import re

from . import dates, triggers

SHARE_FIELDS = {
    "exact": ("share_exact", None),
    "about": ("share_exact", None),
    "over": ("share_min", ("share_min_exclusive", True)),
    "at_least": ("share_min", ("share_min_exclusive", False)),
    "up_to": ("share_max", ("share_max_exclusive", False)),
    "under": ("share_max", ("share_max_exclusive", True)),
}


def share_fields(figure):
    """A stake's share fields for ``figure`` (a percentage with its qualifier), or all empty."""
    shares = {
        "share_exact": None,
        "share_min": None,
        "share_min_exclusive": False,
        "share_max": None,
        "share_max_exclusive": False,
    }
    if figure is not None:
        name, flag = SHARE_FIELDS[figure["qualifier"]]
        shares[name] = figure["value"]
        if flag:
            shares[flag[0]] = flag[1]
    return shares


# "from 8 GWh to 12 GWh", "de 8 GWh à 12 GWh": the first figure is the capacity before.
_FROM_FIGURE = re.compile(r"(?<![\w])(?:from|de|passer de)[ \u00a0]+$", re.I)
_TO_FIGURE = re.compile(
    r"(?:[ \u00a0]+(?:today|currently|now|actuellement|aujourd['’]hui))?[ \u00a0]+(?:to|à)"
    r"[ \u00a0]+(?:(?:more than|over|about|plus de|près de|environ)[ \u00a0]+)?[0-9]",
    re.I,
)
# A word of today right after a figure is that figure's ("16 GWh actuellement à 40 GWh").
AFTER_FIGURE = 2


# What separates a figure's own words from the next figure's: "4 GWh in its first phase and 12
# GWh at full capacity".
_NEXT_FIGURE = re.compile(
    r"(?:,|;|(?<![\w])(?:and|et|puis|then|while|whereas|before|avant|to|à|contre|against)(?![\w]))",
    re.I,
)


def _said_of_previous(body, previous_end, word_start):
    """Whether a word after a figure is still said of it: nothing has turned to the next."""
    return word_start >= previous_end and (
        word_start - previous_end <= AFTER_FIGURE
        or not _NEXT_FIGURE.search(body, previous_end, word_start)
    )


# "will have a capacity of", "should have": a capacity to come, not today's.
_FUTURE_BEFORE = re.compile(
    r"(?<![\w])(?:will|would|should|could|shall|to|is to|are to)[ \u00a0]+$", re.I
)


def _basis(body, clause, passage, figure, energy):
    """
    Initial, current or target. A word of a first phase or of today in the figure's clause,
    with no other figure between them, says which; so does a word of a first phase earlier in
    the sentence ("The first phase, due in 2026, will have 4 GWh"). A word of growth between
    it and the figure ("start with 8 GWh and be expanded to 24 GWh") makes a target.
    """
    previous = [f["end"] for f in energy if f["end"] <= figure["start"]]
    start = max(previous, default=passage.start)
    for pattern, basis, reach in (
        (triggers.INITIAL, "initial", start),
        (triggers.CURRENT, "current", max(start, clause.start)),
    ):
        words = [
            w
            for w in pattern.finditer(body, reach, clause.end)
            if not (previous and _said_of_previous(body, max(previous), w.start()))
            and not (
                basis == "current"
                and _FUTURE_BEFORE.search(body, max(0, w.start() - 12), w.start())
            )
        ]
        if not words:
            continue
        before = [w for w in words if w.end() <= figure["start"]]
        if not before or not triggers.GROWTH.search(body, before[-1].end(), figure["start"]):
            return basis
    return "target"


VOLUME_WORD = triggers.words(r"volumes?|contract|contrat")


def plant_at(sentence, position):
    """The plant a fact at ``position`` is about: the nearest the sentence names, else the one
    spoken of before it; None when the article has named none."""
    refs = sentence.plant_refs
    if refs:
        return min(refs, key=lambda ref: abs(ref["start"] - position))["plant"]
    return sentence.context_plant


# A sentence about a territory's or a whole sector's output speaks of no plant: "Europe will
# need 1,000 GWh by 2030", "la France pourrait produire 120 GWh", "the industry's capacity".
# A demand or a need, before the figures, is no plant's: "battery demand could reach 50 GWh",
# "will need 100 GWh", "le royaume ambitionne d'accueillir 100 GWh"; not "could grow to 24 GWh
# if demand materialises".
_DEMAND = re.compile(
    r"(?<![\w])(?:[Dd]emand|[Dd]emande|[Bb]esoins?|will need|would need|aura besoin|"
    r"[Tt]he kingdom|[Ll]e royaume|[Tt]he government|[Ll]e gouvernement)(?![\w])"
)
_TERRITORY_WIDE = re.compile(
    r"(?<![\w])(?:Europe|European Union|[Tt]he EU|[Ll]['’]UE|[Ll]['’]Union européenne|"
    r"[Tt]he (?:region|continent|country|sector|industry|market)|"
    r"[Ll]a (?:région|filière|France)|[Ll]e (?:pays|secteur|marché|continent)|"
    r"[Ll]['’]industrie)(?![\w])"
)


def of_a_territory(sentence):
    """Whether the sentence names no plant and speaks of a territory's or a sector's output."""
    body, passage = sentence.reading.body, sentence.passage
    first = min((f["start"] for f in sentence.figures), default=passage.end)
    return not sentence.plant_refs and bool(
        _TERRITORY_WIDE.search(body, passage.start, passage.end)
        or _DEMAND.search(body, passage.start, first)
    )


def known_plant_id(plant):
    return plant.get("id") if isinstance(plant, dict) else None


def capacities(sentence, facts, discourse):
    body, passage = sentence.reading.body, sentence.passage
    energy = [f for f in sentence.figures if f["unit"] in ("GWh", "GWh/yr")]
    if not energy:
        return
    says_capacity = triggers.CAPACITY.search(body, passage.start, passage.end) or (
        # "Its first phase will deliver material for 12 GWh a year", after the plant is named:
        # a yearly output in a sentence naming no company is the plant's
        sentence.context_plant is not None
        and not sentence.parties
        and any(f["unit"] == "GWh/yr" for f in energy)
    )
    if not (says_capacity or sentence.plant_refs) or of_a_territory(sentence):
        return
    clause_map = sentence.reading.clause_map
    for figure in energy:
        clause = clause_map.clause_of(figure["start"], figure["end"])
        if clause is not None and triggers.OF_WHICH.match(body, clause.start):
            continue  # "of which 10 GWh are for Renault Group": a share of output, not capacity
        if _is_volume(body, clause or passage, passage, sentence.parties):
            continue  # a volume supplied, proposed with its agreement
        plant = plant_at(sentence, figure["start"])
        plant_id = known_plant_id(plant)
        basis, year = _basis(body, clause or passage, passage, figure, energy), figure["year"]
        if _FROM_FIGURE.search(body, max(0, figure["start"] - 8), figure["start"]) and (
            _TO_FIGURE.match(body, figure["end"])
        ):
            basis, year = "current", None  # "portée de 8 GWh à 12 GWh": 8 GWh is today's
        fields = {
            "plant": discourse.plant_value(plant) if plant else None,
            "gwh_per_year": figure["value"],
            "qualifier": figure["qualifier"],
            "basis": basis,
            "year": year,
        }
        exists = bool(
            facts and plant_id and facts.has_capacity(plant_id, figure["value"], figure["year"])
        )
        key = ("plant_capacity", id(plant) if plant else None, figure["value"], passage.start)
        yield key, sentence.propose("plant_capacity", fields, [figure], exists)


# "ce volume", "that volume": the plant's output spoken of before, not a contract's.
_THAT_VOLUME = re.compile(r"(?:ce|cet|cette|this|that|its|son)[ \u00a0]+$", re.I)


# Nouns of goods sent or bought: "deliveries are due to start at 4 GWh a year", "the purchase
# order covers 3 GWh".
_SUPPLY_NOUN = triggers.words(
    r"deliveries|shipments|livraisons|expéditions|orders?|commandes?|purchases?|achats?|"
    r"off-?take|offtake"
)


def _is_volume(body, clause, passage, parties=None):
    """
    A figure supplied, bought or taken is a volume of an agreement, not a capacity. A sentence
    naming no company supplies no one: "the first phase will deliver material for 12 GWh a
    year", "l'usine fournira de quoi équiper 15 GWh" are a plant's output.
    """
    if triggers.CAPACITY_WORD.search(body, clause.start, clause.end):
        return False
    if any(
        not _THAT_VOLUME.search(body, max(0, w.start() - 8), w.start())
        for w in VOLUME_WORD.finditer(body, passage.start, passage.end)
    ) or _SUPPLY_NOUN.search(body, passage.start, passage.end):
        return True
    if parties is not None and not parties:
        return False
    return bool(
        triggers.SUPPLY_VERB.search(body, passage.start, passage.end)
        or triggers.BUY_VERB.search(body, passage.start, passage.end)
    )


# What a milestone is not the plant's own when it speaks of: an extension, a further line.
_EXTENSION = triggers.words(
    r"extension|expansion|agrandissement|second line|new line|further line|"
    r"deuxième ligne|seconde ligne|nouvelle ligne|phase two|phase 2|second phase|deuxième phase"
)


# An extension whose works or opening a relative clause dates: "an extension, whose works start
# in 2027", "une extension, dont les travaux commenceront en 2027".
_EXTENSION_WHOSE = re.compile(
    rf"(?:{_EXTENSION.pattern})[^.;]{{0,60}}?(?<![\w])(?:dont|whose|of which|for which|"
    r"pour laquelle|duquel|de laquelle)(?![\w])[^.;]{0,25}$",
    re.I,
)


_FIRST_DELIVERIES = triggers.words(
    r"(?:first|premières?|de premières)[ \u00a0]+(?:deliveries|shipments|livraisons|expéditions)"
)
_PARTICIPLE = re.compile(r"opened|inaugurated|launched|ouverte?s?|inaugurée?s?|lancée?s?", re.I)


def _pilot_openings(sentence, found):
    """A pilot line that opens in its clause starts as a pilot ("La ligne pilote a été
    inaugurée en 2025"): the opening is the pilot's start, not the plant's."""
    pilots = [trigger for kind, trigger in found if kind == "pilot_start"]
    if not pilots:
        return found
    clause_of = sentence.reading.clause_map.clause_of
    pilot_clauses = {clause_of(t.start(), t.end()) for t in pilots} - {None}
    body = sentence.reading.body

    def pilots_apposition(trigger):
        # "its pilot line in X, opened in 2023, …": a participle set off after the pilot line
        return _PARTICIPLE.match(trigger.group()) and any(
            0 <= trigger.start() - p.end() <= 40 and "," in body[p.end() : trigger.start()]
            for p in pilots
        )

    opened = [
        (kind, trigger)
        for kind, trigger in found
        if kind == "operation_start"
        and (
            clause_of(trigger.start(), trigger.end()) in pilot_clauses or pilots_apposition(trigger)
        )
    ]
    if not opened:
        return found
    return [
        ("pilot_start", trigger) if (kind, trigger) in opened else (kind, trigger)
        for kind, trigger in found
        if kind != "pilot_start" or clause_of(trigger.start(), trigger.end()) not in pilot_clauses
    ]


# A date another event's verb governs is that event's: "which signed a contract with X in
# 2024", "Fondée en 2021".
_OTHER_EVENT = triggers.words(
    r"signed|signé|signée|founded|fondée?|created|créée?|established|acquired|"
    r"bought|racheté|rachetée|acquise?|announced|annoncée?|listed|cotée?|spun out|set up"
)
# "has been put back to 2027", "reporté à 2027": the year after the delay is the milestone's.
_DELAYED_TO = re.compile(
    r"(?<![\w])(?:put back|pushed back|delayed|postponed|slip(?:s|ped)?|moved|deferred|"
    r"reporté(?:e|s|es)?|repoussé(?:e|s|es)?|décalé(?:e|s|es)?|retardé(?:e|s|es)?)"
    r"[ \u00a0]+(?:until|to|till|into|à|en|au|jusqu['’]en)(?![\w])",
    re.I,
)


# A day of the week of publication dates an event in the year published ("inaugurated its plant
# on Thursday", "a inauguré jeudi son usine", "opened yesterday"); not a saying's day ("the
# company said on Monday"), which dates the news, not the event.
_DAY_OF_NEWS = re.compile(
    r"(?<![\w])(?:(?:on|ce|this)[ \u00a0]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|yesterday|hier|"
    r"today|aujourd['’]hui)(?![\w])",
    re.I,
)
# A season dates an event in the year published, the next or the last: "this summer", "à
# l'automne", "next spring", "au printemps prochain", "l'été dernier"; not one a year follows
# ("au printemps 2025": that year is written).
_SEASON = r"(?:spring|summer|autumn|fall|winter|printemps|été|automne|hiver)"
_SEASONS = [
    (
        re.compile(
            rf"(?<![\w])(?:next[ \u00a0]+{_SEASON}|(?:au|à[ \u00a0]+l['’]|l['’])[ \u00a0]*"
            rf"{_SEASON}[ \u00a0]+prochain|{_SEASON}[ \u00a0]+prochain)(?![\w])",
            re.I,
        ),
        1,
    ),
    (
        re.compile(
            rf"(?<![\w])(?:last[ \u00a0]+{_SEASON}|(?:au|à[ \u00a0]+l['’]|l['’])[ \u00a0]*"
            rf"{_SEASON}[ \u00a0]+dernier|{_SEASON}[ \u00a0]+dernier)(?![\w])",
            re.I,
        ),
        -1,
    ),
    (
        re.compile(
            rf"(?<![\w])(?:this[ \u00a0]+{_SEASON}|(?:cet|ce)[ \u00a0]+{_SEASON}|"
            rf"(?:au|à[ \u00a0]+l['’]|en)[ \u00a0]*{_SEASON})"
            rf"(?![\w])(?![ \u00a0]+(?:prochain|dernier|[12][0-9]{{3}}|de[ \u00a0]+l['’]an|"
            rf"of[ \u00a0]+[12][0-9]{{3}}))",
            re.I,
        ),
        0,
    ),
]
_SAID_BEFORE = re.compile(rf"(?<![\w])(?:{triggers.REPORTING})[ \u00a0]*$", re.I)


def _relative_years(sentence):
    published = sentence.reading.published_year
    if not published:
        return []
    body, passage = sentence.reading.body, sentence.passage
    found = [
        {"start": start, "end": end, "year": year}
        for start, end, year in dates.relative_years(body, published, passage.start, passage.end)
    ]
    found += [
        {"start": match.start(), "end": match.end(), "year": published + offset}
        for pattern, offset in _SEASONS
        for match in pattern.finditer(body, passage.start, passage.end)
    ]
    found += [
        {"start": match.start(), "end": match.end(), "year": published}
        for match in _DAY_OF_NEWS.finditer(body, passage.start, passage.end)
        if not _SAID_BEFORE.search(body, max(0, match.start() - 25), match.start())
    ]
    return sorted(found, key=lambda date: date["start"])


def _of_another_event(body, low, date):
    """Whether a verb of another event stands between ``low`` and the date, near it."""
    return bool(_OTHER_EVENT.search(body, max(low, date["start"] - 50), date["start"]))


def milestones(sentence, facts, discourse):
    body, passage = sentence.reading.body, sentence.passage
    dated = {d["start"] for d in sentence.dates}
    years = sorted(
        [d for d in sentence.dates if d["year"]]
        + [r for r in _relative_years(sentence) if r["start"] not in dated],
        key=lambda d: d["start"],
    )
    if not years:
        return
    has_plant = sentence.plant_refs or sentence.context_plant
    if not (has_plant or triggers.PLANT_WORD.search(body, passage.start, passage.end)):
        return
    if of_a_territory(sentence):
        return
    found = []
    for kind, pattern in triggers.MILESTONES:
        # The first of a kind not inside another's words: "le chantier s'ouvrira début 2027 et
        # la production démarrera en 2028" opens a site's works, then starts production.
        match = next(
            (
                m
                for m in pattern.finditer(body, passage.start, passage.end)
                if not any(o.start() <= m.start() < o.end() for _, o in found)
            ),
            None,
        )
        if match is not None:
            found.append((kind, match))
    if not sentence.parties and not any(kind == "operation_start" for kind, _ in found):
        # "Les premières livraisons sont attendues fin 2027", naming no buyer: the plant's
        # first output, not a supply contract's
        first = _FIRST_DELIVERIES.search(body, passage.start, passage.end)
        if first is not None and not any(o.start() <= first.start() < o.end() for _, o in found):
            found.append(("operation_start", first))
    found.sort(key=lambda item: item[1].start())
    found = _pilot_openings(sentence, found)
    # "will shut its pilot line": a pilot line inside a closure's words is what closes.
    found = [
        (kind, m)
        for kind, m in found
        if not any(
            o is not m
            and o.start() <= m.start()
            and m.end() <= o.end()
            and (o.end() - o.start()) > (m.end() - m.start())
            for _, o in found
        )
    ]
    for number, (kind, trigger) in enumerate(found):
        if _EXTENSION.search(body, trigger.start(), min(passage.end, trigger.end() + 30)):
            continue  # "construction of the extension will begin": a phase, not the plant's
        if _EXTENSION_WHOSE.search(body, max(passage.start, trigger.start() - 90), trigger.start()):
            continue  # "une extension de 120 M€, dont les travaux commenceront": the extension's
        limit = found[number + 1][1].start() if number + 1 < len(found) else passage.end
        later = [
            d
            for d in years
            if trigger.start() <= d["start"] < limit
            and not _of_another_event(body, trigger.end(), d)
        ]
        if not later and number + 1 < len(found):
            # "will shut its pilot line in X, opened in 2023, at the end of this year": past the
            # apposition of the next trigger
            following = found[number + 1][1]
            comma = body.find(",", following.end(), passage.end)
            if body[following.start() - 2 : following.start()] == ", " and comma != -1:
                after = found[number + 2][1].start() if number + 2 < len(found) else passage.end
                later = [
                    d
                    for d in years
                    if comma < d["start"] < after and not _of_another_event(body, comma, d)
                ]
        delay = _DELAYED_TO.search(body, trigger.start(), limit)
        if delay is not None:
            later = [d for d in later if d["start"] >= delay.end()] or later
        earlier = [
            d
            for d in years
            if d["end"] <= trigger.start()
            and ";" not in body[d["end"] : trigger.start()]
            and not _of_another_event(body, passage.start, d)
        ]
        date = later[0] if later else (earlier[-1] if earlier and number == 0 else None)
        if date is None:
            continue
        plant = plant_at(sentence, trigger.start())
        plant_id = known_plant_id(plant)
        trigger_span = {"start": trigger.start(), "end": trigger.end()}
        fields = {
            "plant": discourse.plant_value(plant) if plant else None,
            "kind": kind,
            "year": date["year"],
        }
        exists = bool(facts and plant_id and facts.has_milestone(plant_id, kind, date["year"]))
        key = ("plant_milestone", id(plant) if plant else None, kind, date["year"])
        yield key, sentence.propose("plant_milestone", fields, [date, trigger_span], exists)
