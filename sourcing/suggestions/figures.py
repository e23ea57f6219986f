"""
Figures with their unit, their qualifier and the year their clause binds them to: "more than 13
GWh", "jusqu'à 15 %", "près de 4 500 emplois d'ici 2030", "2,5 milliards d'euros", "one third".
"""

import bisect
import re
from dataclasses import dataclass

from . import numbers, triggers
from .text import clauses, containing_index

_S = r"[\s\u00a0\u202f\u2009]"
_APOS = "['’ʼ]"

# Qualifiers, read from the words just before the figure (or its currency sign).
_QUALIFIERS = [
    ("up_to", rf"up{_S}+to|as{_S}+(?:much|many|high){_S}+as|a{_S}+maximum{_S}+of|"
     rf"at{_S}+(?:the{_S}+)?most|(?:no|not){_S}+more{_S}+than|"
     rf"jusqu{_APOS}{_S}*(?:à|a)|(?:pouvant|pourra|pourrait|peut|pourront|devrait){_S}+atteindre|"
     rf"allant{_S}+jusqu{_APOS}{_S}*(?:à|a)|au{_S}+maximum|maximum{_S}+de|could{_S}+reach|"
     rf"(?:could|might|may){_S}+(?:grow|rise|climb|expand|increase|go){_S}+to|"
     rf"pourrai(?:t|ent){_S}+(?:monter|grimper|passer){_S}+(?:à|a)"),
    ("at_least", rf"at{_S}+least|no{_S}+(?:less|fewer){_S}+than|a{_S}+minimum{_S}+of|"
     rf"au{_S}+moins|au{_S}+minimum|minimum{_S}+de|pas{_S}+moins{_S}+de"),
    ("over", rf"(?:just|slightly|a{_S}+little|well){_S}+(?:more{_S}+than|over|above)|"
     rf"(?:un{_S}+peu|légèrement|bien){_S}+plus{_S}+de|"
     rf"more{_S}+than|over|above|in{_S}+excess{_S}+of|exceed(?:s|ing)?|upwards{_S}+of|"
     rf"dépasser(?:a|ont)?|dépasse|"
     rf"plus{_S}+de|au-delà{_S}+de|au-dela{_S}+de|supérieure?s?{_S}+à|superieure?s?{_S}+a"),
    ("under", rf"(?:just|slightly|a{_S}+little){_S}+(?:less{_S}+than|fewer{_S}+than|under|"
     rf"below)|(?:un{_S}+peu|légèrement){_S}+moins{_S}+de|"
     rf"less{_S}+than|fewer{_S}+than|under|below|moins{_S}+de|"
     rf"inférieure?s?{_S}+à|inferieure?s?{_S}+a|en{_S}+dessous{_S}+de"),
    ("about", rf"about|around|nearly|almost|approximately|approx\.|roughly|some|circa|c\.|~|"
     rf"close{_S}+to|an{_S}+estimated|estimated{_S}+at|estimée?s?{_S}+à|évaluée?s?{_S}+à|"
     rf"pas{_S}+loin{_S}+de|aux{_S}+alentours{_S}+de|près{_S}+d{_APOS}|"
     rf"(?:the{_S}+)?equivalent{_S}+of|(?:l{_APOS}{_S}*)?équivalent{_S}+de|"
     rf"(?:l{_APOS}{_S}*)?equivalent{_S}+de|environ|près{_S}+de|pres{_S}+de|quelque|"
     rf"autour{_S}+de|de{_S}+l{_APOS}ordre{_S}+de|approximativement|presque|quasiment"),
]  # fmt: skip
# Found in one pass over the text, keyed by where each ends: a figure looks up its own start.
_QUALIFIER = re.compile(
    "|".join(rf"(?P<{name}>(?<![\w])(?:{words}){_S}+)" for name, words in _QUALIFIERS), re.I
)
_ABOUT_AFTER = re.compile(rf"{_S}+environ(?![\w])", re.I)
# Bounds written after the figure ("20 GWh or more", "15 % au maximum", "6 GWh par an au
# minimum"): read, not part of the figure's span.
_QUALIFIER_AFTER = re.compile(
    rf"{_S}*,?{_S}*(?:(?P<at_least>or{_S}+(?:more|above|higher)|and{_S}+(?:more|above)|at{_S}+least|"
    rf"(?:ou|voire){_S}+plus|au{_S}+moins|au{_S}+minimum|minimum)|(?P<up_to>at{_S}+(?:the{_S}+)?most|"
    rf"or{_S}+(?:less|fewer|below)|at{_S}+the{_S}+maximum|maximum|au{_S}+maximum|au{_S}+plus|"
    rf"ou{_S}+moins))(?![\w])",
    re.I,
)
# "the second half of 2026", "first quarter": a part of a year, not a share.
_ORDINAL_BEFORE = re.compile(
    rf"(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th|premier|première|second|seconde|"
    rf"deuxième|troisième|quatrième|dernier|dernière){_S}+$",
    re.I,
)
# How far before a fraction its ordinal may start ("quatrième " and a few spaces): a search from
# the text's start would cost the whole text for every fraction.
ORDINAL_REACH = 20
# A bare number that counts nothing: a time ("07h45"), a score or split ("50-50", "50/50").
_NOT_A_COUNT_AFTER = re.compile(rf"(?:h[0-9]|[-/][0-9]|:[0-9]|{_S}*h{_S}*[0-9])")
_NOT_A_COUNT_BEFORE = re.compile(r"[0-9][-/:]$")
# A bare number that measures time ("runs for 8 years", "10 ans") or labels a thing ("phase 2",
# "Line 3", "NMC 811", "modèle C5"), or a part of a telephone number ("+33 (0)1 84 88 20 00"),
# is no amount.
_DURATION_AFTER = re.compile(
    rf"(?:{_S}|-)*(?:years?|months?|weeks?|days?|hours?|minutes?|ans|années?|mois|semaines?|"
    rf"jours?|heures?)(?![\w])",
    re.I,
)
# Things counted, not amounts measured: "2 lines", "3 shareholders", "deux usines", "4 production
# halls" (README of the corpus: counts of things are no quantities).
_COUNTED_AFTER = re.compile(
    rf"{_S}+(?:[a-zà-ÿ-]+{_S}+)?(?:plants?|factories|sites?|lines?|halls?|shareholders?|"
    rf"partners?|companies|firms?|countries|models?|projects?|phases?|buildings?|members?|"
    rf"directors?|customers?|clients?|suppliers?|subsidiaries|usines?|lignes?|actionnaires?|"
    rf"partenaires?|sociétés?|entreprises?|pays|modèles?|projets?|bâtiments?|fournisseurs?|"
    rf"membres?|filiales?|ateliers?|gigafactories|gigafactorys)(?![\w])",
    re.I,
)
_LABEL_BEFORE = re.compile(
    rf"(?<![\w])(?:(?i:phase|line|ligne|step|étape|tranche|unit|unité|model|modèle|no\.|n°|"
    rf"number|numéro|building|bâtiment|hall|generation|génération|gen|version|series|série|"
    rf"type|class|classe|grade)|[A-Z]{{2,}}){_S}*$"
)
_TELEPHONE = re.compile(r"\+[0-9]{1,3}[0-9 \u00a0().-]{6,}[0-9]")

# A dollar sign with a country's letters before it ("A$", "C$", "NZ$") is not the US dollar.
_CURRENCY_BEFORE = re.compile(rf"(?P<cur>US\$|(?<![A-Za-z])\$|€|EUR|USD){_S}?$")
# Money in a currency the API has no unit for: an amount all the same ("PLN 400 million",
# "A$85 million").
_OTHER_CURRENCY_BEFORE = re.compile(
    rf"(?:PLN|GBP|CHF|SEK|NOK|DKK|CZK|HUF|RON|JPY|CNY|RMB|KRW|INR|CAD|AUD|£|¥|"
    rf"(?<![A-Za-z])(?!US)[A-Z]{{1,2}}\$){_S}?$"
)
_SCALE_AFTER = re.compile(
    rf"{_S}*(?P<scale>millions?|billions?|milliards?|trillions?|thousand|mille|bn|mn|mio|mds?|"
    r"mrd|[mk])(?![\w])",
    re.I,
)
_CURRENCY_AFTER = re.compile(
    rf"{_S}*(?:d{_APOS}{_S}*|de{_S}+|of{_S}+)?(?P<cur>euros?|€|EUR|dollars?|USD|US\$|\$)(?![\w])"
    # the dollars of another country: "dollars canadiens", "dollars de Hong Kong"
    rf"(?!{_S}+(?:canadiens|australiens|néo-zélandais|de{_S}+Hong{_S}*Kong|de{_S}+Singapour|"
    rf"singapouriens|taïwanais)(?![\w]))",
    re.I,
)
# The same, read whole, so that the amount's span runs to its currency.
_OTHER_DOLLARS_AFTER = re.compile(
    rf"{_S}*(?:d{_APOS}{_S}*|de{_S}+|of{_S}+)?dollars{_S}+(?:canadiens|australiens|"
    rf"néo-zélandais|de{_S}+Hong{_S}*Kong|de{_S}+Singapour|singapouriens|taïwanais)(?![\w])",
    re.I,
)
_ENERGY_AFTER = re.compile(
    rf"{_S}*(?:(?P<energy>[GMTk]Wh|[GM]W)|"
    # the unit written whole: "seven gigawatt-hours", "dix gigawattheures", "800 mégawattheures"
    rf"(?i:(?P<prefix>giga|méga|mega|téra|tera|kilo)watts?(?:[- ]?(?P<hours>hours?|heures?))?))"
    rf"(?![\w])"
)
_ENERGY_PREFIXES = {"giga": "G", "méga": "M", "mega": "M", "téra": "T", "tera": "T", "kilo": "k"}
_PER_YEAR_AFTER = re.compile(
    rf"{_S}*(?:/{_S}*(?:yr|year|an|a)|per{_S}+(?:year|annum)|a{_S}+year|each{_S}+year|"
    rf"every{_S}+year|annually|par{_S}+an|annuels?|annuelles?|chaque{_S}+année|"
    rf"tous{_S}+les{_S}+ans)(?![\w])",
    re.I,
)
_PER_YEAR_NEARBY = triggers.words(
    r"a year|per year|each year|every year|per annum|annually|annual|annuels?|"
    r"annuelles?|annuellement|par an|chaque année|tous les ans"
)
_PERCENT_AFTER = re.compile(rf"{_S}*(?P<percent>%|per{_S}?cent|pour{_S}?cent|pourcent)", re.I)
_JOB_ADJECTIVES = (
    r"new|direct|indirect|permanent|additional|skilled|full-time|local|nouveaux|"
    r"directs|indirects|supplémentaires|pérennes"
)
_JOBS_AFTER = re.compile(
    rf"{_S}+(?:(?:{_JOB_ADJECTIVES}){_S}+){{0,2}}(?P<jobs>jobs?|emplois?|postes?|people|employees|"
    rf"workers|staff|salariés|salaries|personnes|collaborateurs|hires|recruits|technicians|"
    rf"engineers|operators|embauches|recrutements|techniciens|ingénieurs|opérateurs)(?![\w])"
    rf"(?:{_S}+(?:directs|indirects|supplémentaires|pérennes)(?![\w]))?",
    re.I,
)
_FRACTION_OF = re.compile(rf"{_S}+(?:of|du|de|des|d{_APOS})", re.I)
# A fraction a change is measured by ("fallen by roughly half", "réduit de moitié"), or the
# equal parts a whole is split into ("in equal thirds").
_BY_BEFORE = re.compile(
    rf"(?<![\w])(?:by|de|par)(?:{_S}+(?:roughly|about|around|nearly|almost|some|more{_S}+than|"
    rf"over|près{_S}+de|environ|plus{_S}+de))?{_S}+$",
    re.I,
)
_EQUAL_BEFORE = re.compile(rf"(?<![\w])(?:equal|égaux|égales){_S}+$", re.I)
# A fraction a stake or a share is brought to: "raised its stake to one third", "porte sa part à
# un tiers", "from 20% to a third".
_SHARE_BROUGHT_TO = re.compile(
    rf"(?<![\w])(?:stake|holding|interest|share|part|participation)[^.;:]{{0,40}}?"
    rf"(?:to|à){_S}+(?:(?:about|around|nearly|almost|just{_S}+over|just{_S}+under|environ|"
    rf"près{_S}+de){_S}+)?$",
    re.I,
)
# The same with the stake named after the fraction: "porte à un tiers sa participation", "a porté
# de 15 % à la moitié sa part".
_TO_BEFORE = re.compile(rf"(?<![\w])(?:to|à){_S}+$", re.I)
_STAKE_AFTER = re.compile(
    rf"{_S}+(?:(?:sa|son|leur|its|their){_S}+)?(?:participation|part|stake|holding)(?![\w])",
    re.I,
)
# A fraction a percentage is brought to: "from 20% to one third", "de 12 % à un quart".
_PERCENT_TO = re.compile(
    rf"[0-9]{_S}*(?:%|per{_S}?cent|pour{_S}?cent){_S}+(?:to|à){_S}+$",
    re.I,
)
_CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD"}

# A part of a year before it: "in the second half of 2026", "au premier semestre 2027", "by the
# end of 2028", "early 2027", "courant 2026".
_PART_OF_YEAR = (
    rf"(?:(?:in|by|from|during){_S}+)?(?:the{_S}+)?(?:first|second|third|fourth|last|final)"
    rf"{_S}+(?:half|quarter){_S}+of|(?:(?:by|at|from|in){_S}+)?(?:the{_S}+)?(?:end|start|"
    rf"beginning|middle|close){_S}+of|(?:au|du|dès{_S}+le|d{_APOS}{_S}*ici{_S}+(?:le|au))"
    rf"{_S}+(?:premier|second|deuxième|troisième|quatrième|dernier){_S}+(?:semestre|trimestre)|"
    rf"(?:in{_S}+)?(?:early|late|mid-?)|début|courant|mi-"
)
# The year a clause binds its figures to: "by 2030", "d'ici 2030", "en 2024", "from 2025".
_YEAR_BINDING = re.compile(
    rf"(?<![\w])(?:by|in|from|since|until|through|before|after|as{_S}+of|starting(?:{_S}+in|"
    rf"{_S}+from)?|beginning{_S}+in|end{_S}+of|d{_APOS}{_S}*ici(?:{_S}+(?:à|a|fin))?|en|dès|des|"
    rf"à{_S}+partir{_S}+de|a{_S}+partir{_S}+de|à{_S}+compter{_S}+de|au-delà{_S}+de|beyond|depuis|"
    rf"à{_S}+l{_APOS}horizon(?:{_S}+de)?|avant|jusqu{_APOS}{_S}*en|fin|horizon|in{_S}+the{_S}+year|{_PART_OF_YEAR})"
    rf"{_S}+(?P<year>(?:19|20)[0-9]{{2}})"
    r"(?![\w])",
    re.I,
)
# A year that dates an event of its own ("opened in 2023", "fondée en 2022") is not the year of
# a figure in another part of the sentence.
_EVENT_BEFORE_YEAR = re.compile(
    rf"(?<![\w])(?:founded|established|created|opened|inaugurated|launched|"
    rf"(?:began|begun|started|commenced)(?:{_S}+(?:production|producing|operations?|operating))?|"
    rf"fondée?s?|créée?s?|ouverte?s?|inaugurée?s?|lancée?s?|a{_S}+débuté|a{_S}+commencé|"
    rf"entrée?s?{_S}+en{_S}+(?:production|service)|entered{_S}+(?:production|service)){_S}+$",
    re.I,
)
# A year a signing dates is the deal's, not a figure's: "signed a contract in 2024 for 5 GWh".
_SIGNED_BEFORE_YEAR = triggers.words(
    r"signed|signs|sealed|inked|concluded|agreed|signé|signée|signent|conclu|"
    r"conclue|scellé"
)
_INHERITS_YEAR = re.compile(
    rf"(?:of{_S}+which|including|among{_S}+which|dont|parmi{_S}+lesquel)", re.I
)


@dataclass
class Figure:
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str
    year: int | None = None


def _round(value):
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value


def _scaled(text, position, value):
    match = _SCALE_AFTER.match(text, position)
    if match is None:
        return position, value, False
    scale = numbers.SCALES.get(match.group("scale").lower().rstrip("."))
    single_letter = len(match.group("scale")) == 1
    if single_letter and not _CURRENCY_AFTER.match(text, match.end()):
        return position, value, False  # "12 m" is a length, "€12 m" or "12 M€" money
    return match.end(), value * scale, True


def _unit_after(text, position, value, currency):
    """The unit following a figure: (end, value, unit), or the figure's own end and no unit."""
    position, value, scaled = _scaled(text, position, value)
    if currency:
        return position, value, currency
    match = _CURRENCY_AFTER.match(text, position)
    if match:
        symbol = match.group("cur").lower()
        return match.end(), value, _CURRENCIES.get(symbol, "EUR")
    if scaled:
        jobs = _JOBS_AFTER.match(text, position)
        if jobs:
            return jobs.end(), value, "jobs"
        dollars = _OTHER_DOLLARS_AFTER.match(text, position)
        return (dollars.end() if dollars else position), value, None
    match = _ENERGY_AFTER.match(text, position)
    if match:
        return _energy(text, match, value)
    match = _PERCENT_AFTER.match(text, position)
    if match:
        return match.end(), value, "%"
    match = _JOBS_AFTER.match(text, position)
    if match:
        return match.end(), value, "jobs"
    return position, value, None


def _energy(text, match, value):
    unit = match.group("energy")
    if unit is None:
        prefix = _ENERGY_PREFIXES[match.group("prefix").lower()]
        unit = f"{prefix}Wh" if match.group("hours") else f"{prefix}W"
        if unit in ("TW", "kW"):
            return match.end(), value, None  # a power the API has no unit for
    if unit in ("GW", "MW"):
        return match.end(), value / (1000 if unit == "MW" else 1), "GW"
    value = value * {"GWh": 1, "MWh": 1e-3, "TWh": 1e3, "kWh": 1e-6}[unit]
    per_year = _PER_YEAR_AFTER.match(text, match.end())
    if per_year:
        return per_year.end(), value, "GWh/yr"
    return match.end(), value, "GWh"


def qualifiers_by_end(text):
    """Each qualifier of ``text`` as {where it ends: (qualifier, where it starts)}."""
    return {match.end(): (match.lastgroup, match.start()) for match in _QUALIFIER.finditer(text)}


def _number_candidates(text, language, words):
    """(start, end, value, spelled, fraction) for every number, digits or words, in text order."""
    found = []
    for match in numbers.DIGITS.finditer(text):
        value = numbers.parse_digits(match.group(), language)
        if value is not None:
            found.append((match.start(), match.end(), value, False, False))
    index = 0
    while index < len(words):
        run = index
        while run < len(words) and (
            words[run].folded in numbers.NUMBER_WORDS_SET or words[run].folded in numbers.FRACTIONS
        ):
            run += 1
            if words[run - 1].folded in numbers.FRACTIONS:
                break
        if run > index:
            # Trim joining words at the edges ("and", "-", "et").
            first, last = index, run
            while first < last and words[first].folded in numbers.JOINERS:
                first += 1
            while last > first and words[last - 1].folded in numbers.JOINERS:
                last -= 1
            spelled = numbers.parse_words([word.folded for word in words[first:last]])
            if spelled is None and last - first > 2 and words[last - 1].folded in numbers.FRACTIONS:
                # "à un tiers" folds to "a un tiers": the fraction is its last two words
                first = last - 2
                spelled = numbers.parse_words([word.folded for word in words[first:last]])
            if spelled is not None:
                found.append(
                    (words[first].start, words[last - 1].end, spelled.value, True, spelled.fraction)
                )
            index = run
        else:
            index += 1
    return sorted(found)


def find_figures(text, language, words, taken, passages):
    """
    Figures in ``text`` with their unit and qualifier, skipping numbers inside ``taken`` (a
    bytearray marking dates), and the year each one's clause binds it to. ``passages`` is
    ``ClauseMap`` of the text. Returns the figures and the spans of bare years (1900-2100 with no
    unit), which are dates rather than figures.
    """
    figures, years = [], []
    last_end = -1
    qualifiers = qualifiers_by_end(text)
    for start, end, value, spelled, fraction in _number_candidates(text, language, words):
        if start < last_end or any(taken[start:end]):
            continue
        figure = _figure(text, start, end, value, spelled, fraction, qualifiers)
        if figure is None:
            if not spelled and _is_bare_year(text[start:end], value):
                years.append((start, end))
            continue
        figures.append(figure)
        last_end = figure.end
    _currency_said_once(text, figures)
    spans = [(figure.start, figure.end) for figure in figures]
    for number, figure in enumerate(figures):
        nearby = spans[max(0, number - 8) : number] + spans[number + 1 : number + 9]
        # Only capacities and volumes reach into the sentence's other clauses for their year: a
        # share or an amount in one clause is rarely dated by another.
        energy = figure.unit in ("GWh", "GWh/yr")
        figure.year = passages.bound_year(figure.start, figure.end, nearby, across=energy)
        if _FROM_BEFORE.search(text, max(0, figure.start - 12), figure.start) and _TO_AFTER.match(
            text, figure.end
        ):
            figure.year = None  # "from 8 GWh to 12 GWh by 2027": the year is the second's
        if figure.unit == "GWh" and passages.says_per_year(figure.start, figure.end):
            figure.unit = "GWh/yr"
    return figures, years


# A sum whose currency was said with the sum before it: "850 millions d'euros, dont 120 millions
# d'aides publiques", "$2bn, of which 500 million in grants".
_SAID_ONCE_BETWEEN = re.compile(
    rf"{_S}*(?:[\w{_APOS}-]+{_S}*){{0,2}}?(?:,|\(|;)?{_S}*(?:dont|of{_S}+which|including|"
    rf"y{_S}+compris|soit|and|et|plus|puis|then|to|à|or|ou)?{_S}*(?:[\w{_APOS}-]+{_S}+){{0,2}}?$",
    re.I,
)
_SCALED = re.compile(r"(?i)(?:millions?|milliards?|billions?|bn|mn|mds?|mrd)\b")


def _currency_said_once(text, figures):
    for before, figure in zip(figures, figures[1:], strict=False):
        if (
            figure.unit is None
            and before.unit in ("EUR", "USD")
            and _SCALED.search(text, figure.start, figure.end)
            and figure.start - before.end <= 40
            and _SAID_ONCE_BETWEEN.match(text[before.end : figure.start])
        ):
            figure.unit = before.unit


def _is_bare_year(digits, value):
    return digits.isdigit() and len(digits) == 4 and 1900 <= value <= 2100


def _figure(text, start, end, value, spelled, fraction, qualifiers):
    currency = None
    other = None if spelled else _OTHER_CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    match = _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    if match and not spelled:
        currency = _CURRENCIES.get(match.group("cur").lower(), "EUR")
        start = match.start()
    if fraction:
        equal = _EQUAL_BEFORE.search(text, max(0, start - 12), start)
        if _ORDINAL_BEFORE.search(text, max(0, start - ORDINAL_REACH), start) or not (
            _FRACTION_OF.match(text, end)
            or equal
            or _BY_BEFORE.search(text, max(0, start - 30), start)
            or _SHARE_BROUGHT_TO.search(text, max(0, start - 80), start)
            or (_TO_BEFORE.search(text, max(0, start - 4), start) and _STAKE_AFTER.match(text, end))
            or _PERCENT_TO.search(text, max(0, start - 20), start)
        ):
            return None
        unit, value = "%", round(value * 100, 2)
        start = equal.start() if equal else start
    else:
        number_end = end
        end, value, unit = _unit_after(text, end, value, currency)
        if spelled and value == 1 and unit == "jobs":
            return None  # "se verront proposer un poste": a job each, no amount
        if other is not None and unit is None:
            start = other.start()
        elif unit is None and (
            spelled
            or _is_bare_year(text[start:number_end], value)
            or _NOT_A_COUNT_AFTER.match(text, number_end)
            or _NOT_A_COUNT_BEFORE.search(text, max(0, start - 2), start)
            or _DURATION_AFTER.match(text, number_end)
            or _COUNTED_AFTER.match(text, number_end)
            or _LABEL_BEFORE.search(text, max(0, start - 15), start)
            or _in_telephone_number(text, start)
        ):
            return None
    qualifier, start = qualifiers.get(start, ("exact", start))
    after = _ABOUT_AFTER.match(text, end)
    if after and qualifier == "exact":
        qualifier, end = "about", after.end()
    if qualifier == "exact":
        qualifier = qualifier_after(text, end)
    return Figure(start, end, _round(value), unit, qualifier)


# How far a telephone number's "+" may stand before one of its digit groups.
TELEPHONE_REACH = 20


def _in_telephone_number(text, position):
    if "+" not in text[max(0, position - TELEPHONE_REACH) : position + 1]:
        return False  # the common case, decided without a search
    start = max(0, position - TELEPHONE_REACH)
    return any(
        match.start() <= position < match.end()
        for match in _TELEPHONE.finditer(text, start, position + TELEPHONE_REACH)
    )


def qualifier_after(text, end):
    """The bound written after a figure ending at ``end`` ("or more", "au maximum"), or exact."""
    after = _QUALIFIER_AFTER.match(text, end)
    if after is None:
        return "exact"
    return "at_least" if after.group("at_least") else "up_to"


def _between(figures, low, high):
    return any(low <= f_start < high for f_start, _ in figures)


# The first figure of "from A to B" / "de A à B" is the one before: the clause's year is B's.
_FROM_BEFORE = re.compile(r"(?<![\w])(?:from|de|passer[ \u00a0]+de)[ \u00a0]+$", re.I)
_TO_AFTER = re.compile(
    r"(?:[ \u00a0]+[a-zà-ÿ'’]+)?[ \u00a0]+(?:to|à)[ \u00a0]+(?:[a-zà-ÿ]+[ \u00a0]+){0,2}?[0-9]",
    re.I,
)
# A figure for some day nobody dates ("puis plus de 25 GWh à terme", "40 GWh eventually") takes
# no year from another figure's clause.
_UNDATED = re.compile(
    r"[ \u00a0]*(?:[\w/]+[ \u00a0]+){0,3}?(?:à terme|à plus long terme|à long terme|eventually|"
    r"ultimately|in the long (?:term|run)|over time|at a later stage)(?![\w])",
    re.I,
)


# A clause set against another ("…, contre 8 GWh à son ouverture", "up from 8 GWh") is of
# another time than the other's year.
_CONTRAST = re.compile(
    r"(?:contre|compared (?:with|to)|against|versus|vs\.?|up from|down from|en hausse par "
    r"rapport|au lieu de|instead of)(?![\w])",
    re.I,
)


# A word of today between a year and a figure: the figure is today's, not of the year before
# ("began production in 2023 and currently turns out 4 GWh", "depuis 2024 et emploie
# aujourd'hui 210 personnes").
# A verb of a plant's start between a figure and a year after it: the year is the start's ("will
# employ 2,000 people and start production in 2028", "et démarrera en 2027").
_EVENT_AFTER_FIGURE = re.compile(
    rf"(?<![\w])(?:and|et){_S}+(?:(?:will|to|should|is{_S}+to){_S}+)?(?:start|begin|open|"
    rf"commence|enter|démarrer|démarrera|commencera|ouvrira|entrera)(?![\w])",
    re.I,
)
_TODAY = re.compile(
    rf"(?<![\w])(?:currently|today|now|at{_S}+present|presently|actuellement|"
    rf"aujourd{_APOS}hui|à{_S}+ce{_S}+jour|désormais)(?![\w])",
    re.I,
)


class ClauseMap:
    """
    The clauses of a text, to find the year a figure's clause binds it to. Each clause's year
    phrases are found once and searched by bisection, so a text made of one endless clause full
    of figures is still read in linear time.
    """

    @classmethod
    def of(cls, text, sentence_list):
        """The clause map of ``text`` cut into ``sentence_list`` (``text.sentences``)."""
        return cls(
            text,
            [
                (clause, number)
                for number, sentence in enumerate(sentence_list)
                for clause in clauses(text, sentence)
            ],
        )

    def __init__(self, text, clause_list):
        self.text = text
        self.clauses = clause_list  # (Passage, index of its sentence), in text order
        self.passages = [clause for clause, _ in clause_list]
        self._bindings = {}
        self._per_year = {}

    def _index(self, start, end):
        return containing_index(self.passages, start, end)

    def clause_of(self, start, end):
        index = self._index(start, end)
        return None if index is None else self.passages[index]

    def bound_year(self, start, end, figures=(), across=False):
        """
        The year bound in the figure's clause; "of which" clauses take the one before's; a
        figure whose clause has none takes the nearest of its sentence when no other figure
        stands between them ("Le contrat, qui démarre en 2027, porte sur 6 GWh"). ``figures``:
        (start, end) of the sentence's other figures, which keep a year from reaching past them.
        """
        index = self._index(start, end)
        if index is None or _UNDATED.match(self.text, end):
            return None
        clause, sentence = self.clauses[index]
        year = self._nearest_binding(index, start, end, figures)
        if year is None:
            year = self._fronted_year(index, sentence)
        if (
            year is None
            and index > 0
            and self.clauses[index - 1][1] == sentence
            and _INHERITS_YEAR.match(self.text, clause.start)
        ):
            year = self._nearest_binding(index - 1, start, end, figures)
        if (
            year is None
            and across
            and not self._clause_bindings(index)
            and not _CONTRAST.match(self.text, clause.start)
        ):
            year = self._sentence_binding(index, sentence, start, end, figures)
        return year

    def _sentence_binding(self, index, sentence, start, end, figures):
        """The nearest year of the other clauses of the sentence that no figure blocks."""
        options = []
        for other in (index - 1, index + 1, index - 2, index + 2):
            if 0 <= other < len(self.clauses) and self.clauses[other][1] == sentence:
                for b_start, b_end, year in self._clause_bindings(other):
                    if _EVENT_BEFORE_YEAR.search(self.text, max(0, b_start - 40), b_start):
                        continue
                    low, high = (b_end, start) if b_end <= start else (end, b_start)
                    if any(low <= f_start < high for f_start, _ in figures):
                        continue
                    if b_end <= start and _TODAY.search(self.text, b_end, start):
                        continue
                    options.append((abs(b_start - start) * (2 if b_end <= start else 1), year))
        return min(options)[1] if options else None

    def _fronted_year(self, index, sentence):
        """The year of an opening "From 2025," or "D'ici 2030," that governs the sentence."""
        first = index
        while first > 0 and self.clauses[first - 1][1] == sentence:
            first -= 1
        if first == index:
            return None
        opening = self.clauses[first][0]
        match = _YEAR_BINDING.match(self.text, opening.start, opening.end)
        if match is None or opening.end - match.end() > 1:
            return None
        return int(match.group("year"))

    def _clause_bindings(self, index):
        if index not in self._bindings:
            clause = self.passages[index]
            self._bindings[index] = [
                (match.start(), match.end(), int(match.group("year")))
                for match in _YEAR_BINDING.finditer(self.text, clause.start, clause.end)
            ]
        return self._bindings[index]

    def _nearest_binding(self, index, start, end, figures=()):
        """
        The year phrase nearest the figure, one after it counting as twice as near; none across
        another figure ("de 16 GWh actuellement à plus de 40 GWh en 2028": 2028 is the 40's), nor
        one before it that dates an event ("which opened in 2023 and has 11 GWh").
        """
        bindings = self._clause_bindings(index)
        after = bisect.bisect_left(bindings, (end, 0, 0))
        options = []
        if (
            after < len(bindings)
            and not _between(figures, end, bindings[after][0])
            and not _EVENT_AFTER_FIGURE.search(self.text, end, bindings[after][0])
        ):
            options.append((bindings[after][0] - end, bindings[after][2]))
        before = bisect.bisect_left(bindings, (start, 0, 0)) - 1
        while before >= 0 and bindings[before][1] > start:
            before -= 1
        if (
            before >= 0
            and not _between(figures, bindings[before][1], start)
            and not _EVENT_BEFORE_YEAR.search(
                self.text, max(0, bindings[before][0] - 40), bindings[before][0]
            )
            and not _SIGNED_BEFORE_YEAR.search(
                self.text, max(0, bindings[before][0] - 60), bindings[before][0]
            )
            and not _TODAY.search(self.text, bindings[before][1], start)
        ):
            options.append((2 * (start - bindings[before][1]), bindings[before][2]))
        return min(options)[1] if options else None

    def says_per_year(self, start, end):
        index = self._index(start, end)
        if index is None:
            return False
        if index not in self._per_year:
            clause = self.passages[index]
            found = _PER_YEAR_NEARBY.search(self.text, clause.start, clause.end)
            self._per_year[index] = found is not None
        return self._per_year[index]
