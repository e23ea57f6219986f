"""
Descriptions of companies: "the German carmaker", "le groupe coréen", "la start-up grenobloise",
"the two companies". A description after a name describes it ("X, the French lithium
refiner"); one before a name introduces it ("l'électricien suédois Norda Kraft"); one standing
alone refers to a company named earlier, which ``resolve`` finds by the kind and the country the
description states. What a description states is also what a new company's proposal says of it:
its kind from the activity named, its country from a nationality or a region.
"""

import re
from dataclasses import dataclass

from ..text.search import fold_for_search
from . import places
from .candidates import NATIONALITIES, NOT_NAMES

_S = r"[ \u00a0]"
_APOS = "['’]"
# Words that name what a company is (the head of a description).
HEADS = (
    r"car[ -]?makers?|automakers?|constructeurs?(?:[ \u00a0]automobiles?)?|makers?|manufacturers?|"
    r"producers?|refiners?|recyclers?|suppliers?|developers?|specialists?|start-?ups?|"
    r"jeunes?[ \u00a0]pousses?|pépites?|fabricants?|producteurs?|raffineurs?|recycleurs?|"
    r"fournisseurs?|spécialistes?|chimistes?|équipementiers?|électriciens?|énergéticiens?|"
    r"utilit(?:y|ies)|funds?|fonds|investors?|investisseurs?|investment[ \u00a0]firms?|"
    r"family[ \u00a0-]offices?|asset[ \u00a0-]managers?|gestionnaires?[ \u00a0]d['’]actifs|"
    r"family[ \u00a0-]holdings?|holding[ \u00a0]compan(?:y|ies)|sous-traitants?|subcontractors?|"
    # "la holding", "une holding": in French the word names a company, in English a stake
    r"(?<=la[ \u00a0])holdings?|(?<=une[ \u00a0])holding|"
    r"banks?|banques?|groups?|groupes?|compan(?:y|ies)|firms?|sociétés?|entreprises?|"
    r"industriels?|partners?|partenaires?|shareholders?|actionnaires?|ventures?|"
    r"joint[ \u00a0-]ventures?|coentreprises?|co-entreprises?"
)
_DETERMINER = rf"(?:the|its|their|this|le|la|les|l{_APOS}|du|au|aux|des|ce|cette|son|sa|leur)"
_INDEFINITE = r"(?:an?|une?)"
# A modifier starts where a word starts (tried inside a run of hyphens, it rescanned the run at
# every position: 20 kB of them took 11 s).
_MODIFIER = (
    r"(?!(?:au|aux|de|des|du|à|of|and|et|the|le|la|les|an?|une?|in|en|for|pour|with|avec|by|"
    r"par|to|its|son|sa|ses|que|qui|which|that)(?![\w-]))(?<![\w-])[\w-]++"
)
# The word after a head qualifies it ("constructeur allemand"), unless it is the verb that
# follows ("the British battery maker will own") or the preposition of its complement ("a
# producer of cathode precursors").
_NOT_A_VERB = (
    r"(?!(?:will|would|has|have|had|is|are|was|were|can|could|may|might|shall|should|does|did|"
    r"va|vont|a|ont|est|sont|sera|seront|avait|avaient|doit|doivent|pourrait|devrait|"
    r"of|de|des|du|in|en|for|pour|with|avec|à|au|aux|and|et|or|ou|that|which|qui|que|from|"
    # a verb of saying: the description is the speaker ("…, the Swedish company said")
    r"said|says|told|added|stated|explained|noted|confirmed|announced|reported|declared|"
    # the verbs a French description is most often the subject of ("La société fournit …")
    r"détient|détiendra|fournit|fournira|produit|produira|construit|construira|prévoit|"
    r"investit|investira|acquiert|devient|deviendra|obtient|reçoit|vend|vendra|prend|prendra|"
    r"livre|livrera|achète|achètera|cède|cédera|fabrique|exploite|emploie|annonce|signe|"
    r"compte|possède|conserve|garde|assemble|développe|recycle|raffine|rachète|veut|peut|"
    r"lance|ouvre|ferme|entre|monte|porte|ramène|réduit)(?![\w]))"
    r"(?![\w]{1,3}['’])"  # nor an elided word ("fabricant d'électrolytes")
)
# A determiner, up to three modifiers, a head, up to two words after it ("constructeur allemand",
# "spécialiste belge des matériaux de cathode").
# A description starts at no space that follows a space: from each space of a long run, the spaces
# after it would be read again (quadratic); the first space of the run stands for them all.
_DESCRIPTION = re.compile(
    rf"(?<![\w])(?!{_S}(?<={_S}{_S}))(?:(?P<det>{_DETERMINER})|{_INDEFINITE}{_S})?{_S}*(?P<before>(?:{_MODIFIER}{_S}+){{0,3}}?)"
    rf"(?P<head>{HEADS})(?![\w])(?P<after>(?:{_S}+{_NOT_A_VERB}(?-i:[a-zà-ÿ][a-zà-ÿ-]*)(?![\w'’])){{0,1}})",
    re.I,
)
# What a head makes or does, up to three words ("of sodium-ion cells", "de matériaux de cathode").
_COMPLEMENT = re.compile(rf"{_S}+(?:des?|du|d{_APOS}|of|in){_S}*(?:[\w-]+{_S}+){{0,2}}[\w-]+", re.I)
_NUMBER_OF = re.compile(r"(?i)(?:two|three|four|both|deux|trois|quatre)$")
_PLURAL_HEAD = re.compile(
    r"(?i)^(?:partners|partenaires|shareholders|actionnaires|companies|groups|groupes|"
    r"sociétés|entreprises|firms)$"
)
_VENTURE_HEAD = re.compile(r"(?i)^(?:venture|joint[ \u00a0-]venture|coentreprise|co-entreprise)$")
_NEW_COMPANY = re.compile(r"(?i)(?:nouvelle|new)$")

# The kind of company an activity word makes it, strongest first: "battery materials maker" is
# an industrial, "battery start-up" a cell maker.
KIND_WORDS = [
    ("carmaker", r"car[ -]?makers?|automakers?|constructeurs?|automobiles?|automotive|vehicle"),
    ("bank", r"banks?|banques?|banking|bancaire"),
    ("investor", r"funds?|fonds|investors?|investisseurs?|investment|investissement|"
                 r"family[ -]offices?|asset[ -]managers?|gestionnaires? d['’]actifs|"
                 r"private equity|capital-risque|venture capital"),
    ("energy", r"utilit(?:y|ies)|énergéticiens?|électriciens?|energy group|energy company|"
               r"power company|électricité|electricity|énergétique|pétrolier|oil"),
    ("technology", r"software|logiciels?|semiconductors?|semi-conducteurs?|electronics|"
                   r"électronique"),
    # "an industrial group", "un groupe industriel": not "l'industriel" alone, which names any
    # maker, a carmaker too
    ("industrial", r"industrial(?=[ \u00a0]+(?:group|company|firm))|"
                   r"(?<=groupe[ \u00a0])industriel|(?<=société[ \u00a0])industrielle|"
                   r"sous-traitants?|subcontractors?|assembl\w*|fonderies?|foundr(?:y|ies)|"
                   r"electrodes?|électrodes?|coating|revêtement|machines?|machinery|"
                   r"cathodes?|anodes?|materials?|matériaux|lithium|chemicals?|chemistry|"
                   r"chimi\w*|refin\w*|raffin\w*|recycl\w*|équipementiers?|equipment|"
                   r"modules?|packs?|hydrométallurgie|hydrometallurgy|precursors?|graphite|"
                   r"nickel|cobalt|electrolytes?|électrolytes?|separators?|séparateurs?|"
                   r"précurseurs?|hydroxydes?|extraction|mining|minier"),
    ("cell_maker", r"batter(?:y|ies)|batteries|cells?|cellules?|gigafactor(?:y|ies)"),
]  # fmt: skip
_KIND_RES = [
    (kind, re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.I)) for kind, words in KIND_WORDS
]
# "Acme, based in Lyon", "Acme, basée à Metz", "Acme (headquartered in Turin)": where it is.
_BASED_IN = re.compile(
    rf"{_S}*[,(]?{_S}*(?:which is{_S}+|qui est{_S}+)?(?i:based|headquartered|basée?|établie?|"
    rf"installée?|implantée?|domiciliée?){_S}+(?i:in|at|à|au|en|near|près{_S}+de){_S}+"
    r"(?P<place>[A-ZÀ-Ý][\w'’]*(?:[- ](?:(?:sur|de|du|la|le|en|lès|les)-)?[A-ZÀ-Ý][\w'’]*)*)"
    rf"(?:{_S}*\((?P<region>[^()]{{2,40}})\))?"
)
# An apposition between a name and where it is based: "X, fabricant d'électrolytes basé au
# Pont-de-Claix (Isère)", "X, a maker of separators based in Lund".
_APPOSITION_BEFORE_BASED = re.compile(
    r"[ \u00a0]*,[^,.;:()]{1,80}?(?=[ \u00a0](?i:based|basée?)\b)"
)


@dataclass(frozen=True)
class Description:
    start: int
    end: int
    text: str
    head: str  # folded
    kind: str | None
    country: str | None
    plural: int  # how many companies it stands for ("the two companies": 2), 1 for one
    venture: bool  # "the venture", "la nouvelle société": the joint venture of the article
    definite: bool  # "the …", "le …": may refer to a company named earlier


def kinds_of(text):
    """Every company kind an activity written in ``text`` states, strongest first."""
    return [kind for kind, pattern in _KIND_RES if pattern.search(text)]


def kind_of(text):
    """The company kind an activity written in ``text`` states, or None."""
    for kind, pattern in _KIND_RES:
        if pattern.search(text):
            return kind
    return None


def countries_spoken_of(text):
    """The countries ``text`` names or whose nationality it states, named ones first: where a
    city several countries have a town of that name is more likely to be."""
    found = places.countries_in(text)
    for word in re.findall(r"[\w'-]+", text):
        folded = fold_for_search(word)
        found.append(NATIONALITIES.get(folded) or places.adjective_country(word))
    return tuple(dict.fromkeys(country for country in found if country))


def country_of(text, within=()):
    """
    The country a nationality, a regional adjective or "<City>-based" in ``text`` states; a city
    several countries share is the one of ``within`` (``countries_spoken_of`` the article).
    """
    for word in re.findall(r"[\w'-]+", text):
        folded = fold_for_search(word)
        if folded in NATIONALITIES and NATIONALITIES[folded]:
            return NATIONALITIES[folded]
        country = places.adjective_country(word)
        if country:
            return country
        based = re.match(r"(?P<place>[A-ZÀ-Ý][\w']*(?:-[A-ZÀ-Ý][\w']*)*)-based$", word)
        if based:
            return places.city_country(based.group("place"), within) or places.country_named(
                based.group("place")
            )
    # A country's name before the head ("the Portugal unit"); not a city's: "a Toyota supplier"
    # names a company, and Toyota is a city too.
    for word in re.findall(r"(?<![\w-])[A-ZÀ-Ý][\w'-]+", text):
        country = places.country_named(word)
        if country:
            return country
    return None


# What a company named just before does: "X, qui fabrique des cathodes", "X, spécialisée dans
# le recyclage des batteries", "X, founded in 2019, develops sodium-ion batteries".
_ACTIVITY = re.compile(
    rf"(?:which|that|qui|and|et)?{_S}*(?i:makes|make|produces|produce|develops|develop|"
    rf"manufactures|recycles|refines|designs|builds|supplies|assembles|assemble|assemblent|"
    # what it will do once set up: "a venture that will make cells", "qui fabriquera des cellules"
    rf"will{_S}+(?:make|produce|manufacture|develop|assemble|recycle|refine)|fabriquera|"
    rf"fabriqueront|produira|produiront|assemblera|assembleront|développera|recyclera|"
    rf"raffinera|fabrique|fabriquent|produit|"
    rf"produisent|développe|construit|fournit|"
    rf"développent|recycle|recyclent|raffine|conçoit|spécialisée?s?{_S}+dans|"
    rf"speciali[sz](?:ed|ing){_S}+in|active{_S}+in|actif{_S}+dans|active{_S}+dans)"
    rf"(?P<what>[^.;:()]{{0,60}})"
)
# How far after a company's name its activity may be said ("X, founded in Toulouse in 2019,").
ACTIVITY_REACH = 60


def activity_kind(text, end):
    """The kind of company the activity said right after a name ending at ``end`` makes it."""
    window = text[end : end + ACTIVITY_REACH + 80]
    stop = re.search(r"[.;:]", window)
    window = window[: stop.start()] if stop else window
    activity = _ACTIVITY.search(window)
    if activity is None or activity.start() > ACTIVITY_REACH:
        return None
    # What it makes, not whom for: "makes cells for carmakers" is a cell maker.
    made = _FOR_WHOM.split(activity.group("what"), maxsplit=1)[0]
    return _kind_of_head(made) or kind_of(window[activity.start() : activity.start("what")])


def _kind_of_head(made):
    """The kind the head noun of what a company makes says: the last word of an English noun
    phrase ("lithium iron phosphate cells"), the first of a French one ("des cellules
    lithium-fer-phosphate", "de l'hydroxyde de lithium")."""
    french = _FRENCH_ARTICLE.match(made)
    phrase = re.split(
        rf"{_S}(?:of|with|in|de|du|des|d{_APOS}|en|à|avec){_S}*",
        made[french.end() :] if french else made,
    )[0]
    found = sorted(
        (match.start(), kind) for kind, pattern in _KIND_RES for match in pattern.finditer(phrase)
    )
    if not found:
        return None
    return found[0][1] if french else found[-1][1]


_FRENCH_ARTICLE = re.compile(
    rf"{_S}*(?:des|du|de{_S}+la|de{_S}+l{_APOS}|d{_APOS}|les|la|le|l{_APOS}){_S}*", re.I
)


_FOR_WHOM = re.compile(rf"{_S}(?:for|to|pour|à|au|aux|destinée?s?{_S}+(?:à|aux?))(?={_S})", re.I)


def based_country(text, end, within=()):
    """The country of the place a company named just before ``end`` is said to be based in."""
    based = _BASED_IN.match(text, end)
    if based is None:
        apposition = _APPOSITION_BEFORE_BASED.match(text, end)
        based = _BASED_IN.match(text, apposition.end()) if apposition else None
    if based is None:
        return None
    place, region = based.group("place"), based.group("region")
    return (
        places.country_named(place)
        or places.city_country(place, within)
        or (places.country_named(region) if region else None)
    )


# Heads a company's name may qualify as well as a city's ("a Toyota supplier", "the Mercedes
# group"): a capitalised word before them is no place.
_HEADS_OF_A_NAME = re.compile(
    r"(?i)^(?:suppliers?|fournisseurs?|partners?|partenaires?|shareholders?|actionnaires?|"
    r"investors?|groups?|groupes?|customers?|clients?)$"
)


def _city_before_head(before, head, within=()):
    """The country of a city written before the head: "a Geneva family office", "the Luleå
    graphite producer", "a Lyon start-up", "the Hong Kong investor"."""
    # before "supplier", "partner", "investor" one capitalised word may be a company's name ("a
    # Toyota supplier"); a city of two words is a place ("the Hong Kong investor")
    of_a_name = bool(_HEADS_OF_A_NAME.match(" ".join(head.split())))
    for run in re.findall(r"(?<![\w-])[A-ZÀ-Ý][\w'-]+(?:[ \u00a0][A-ZÀ-Ý][\w'-]+)*", before):
        # the whole run first ("Hong Kong", "San Sebastián"), then each of its words
        names = [run] if of_a_name else [run, *run.split()]
        for name in dict.fromkeys(name for name in names if not of_a_name or " " in name):
            country = places.city_country(name, within)
            if country:
                return country
    return None


# Where a description says a company is from: "an investment company from Gdynia", "a fund
# out of Vancouver", "un groupe industriel originaire de Lyon".
_FROM_CITY = re.compile(
    rf"{_S}+(?:from{_S}+|out{_S}+of{_S}+|originaire{_S}+d(?:e{_S}+|['’]))(?P<place>[A-ZÀ-Ý][\w'’-]*"
    rf"(?:{_S}(?:i{_S}|do{_S}|de{_S}|del{_S})?[A-ZÀ-Ý][\w'’-]*){{0,2}})"
)


def _city_after(text, end, within=()):
    """The country of the city a description says its company is from, in the words after it
    ("company from Gdynia", "société d'investissement originaire de Rennes")."""
    window = re.split(r"[,.;:()]", text[end : end + 60], maxsplit=1)[0]
    match = _FROM_CITY.search(window)
    if match is None:
        return None
    place = match.group("place")
    return places.country_named(place) or places.city_country(place, within)


def _plural(before, head):
    words = before.split()
    count = {"two": 2, "both": 2, "deux": 2, "three": 3, "trois": 3, "four": 4, "quatre": 4}
    for word in words:
        if fold_for_search(word) in count:
            return count[fold_for_search(word)]
    return 0 if _PLURAL_HEAD.match(head) else 1


def find(text, start, end, within=()):
    """The descriptions in ``text[start:end]``, in text order."""
    found = []
    for match in _DESCRIPTION.finditer(text, start, end):
        before, head = match.group("before"), match.group("head")
        if any(fold_for_search(word) in NOT_NAMES for word in before.split()):
            continue
        phrase_end = match.end()
        complement = _COMPLEMENT.match(text, phrase_end)
        words_end = complement.end() if complement else phrase_end
        phrase = text[match.start() : words_end]
        plural = _plural(before, head)
        venture = bool(_VENTURE_HEAD.match(" ".join(head.split()))) or bool(
            _NEW_COMPANY.search(before.strip()) and re.match(r"(?i)soci|compan", head)
        )
        found.append(
            Description(
                match.start(),
                phrase_end,
                text[match.start() : phrase_end],
                fold_for_search(head),
                kind_of(phrase),
                country_of(text[match.start() : words_end], within)
                or _city_before_head(before, head, within)
                or _city_after(text, phrase_end, within),
                plural,
                venture,
                bool(match.group("det")),
            )
        )
    return found


def introduces(text, description):
    """Whether a name follows the description ("le fonds régional Ouest Amorçage")."""
    following = text[description.end : description.end + 3]
    return bool(re.match(r",?[ \u00a0]+[A-ZÀ-Ý]", following + " ")) and not re.match(
        r",", following
    )


def describes_previous(text, description, names_before):
    """Whether the description follows a name as its apposition ("X, the French … ")."""
    gap = text[max(0, description.start - 3) : description.start]
    return (
        bool(names_before)
        and bool(re.search(r",[ \u00a0]*$", gap))
        and any(0 <= description.start - end <= 3 for end in names_before)
    )
