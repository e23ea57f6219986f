"""
Plants in an article beyond their names: a known plant designated by its place ("le site de
Sarreguemines", "sa gigafactory de Douai": a plant word, a possessive or definite article, and
the city or place word of a plant the database knows), and a new plant introduced by its
operator and its city ("would build its first gigafactory near Aveiro", "assemblera à Gardanne").
A new plant is proposed with its operator, kind, status, city and country, and its capacities,
milestones and figures name it.
"""

import re
from dataclasses import dataclass, field

from ..models import Plant
from ..text.search import fold_for_search
from . import places, triggers
from .candidates import NOT_NAMES

_S = r"[ \u00a0]"
_APOS = "['’]"
PLANT_NOUNS = (
    r"gigafactor(?:y|ies)|gigafactorys|plants?|factor(?:y|ies)|sites?|usines?|refiner(?:y|ies)|"
    r"raffineries?|facilit(?:y|ies)|unités?|ateliers?|workshops?|works|lines?|lignes?|complexe?|"
    r"installations?|plateformes?|hub"
)
# Capitalised words, whatever the flags of the pattern around it: under re.I "[A-Z]" would take
# "de Lumeris" into "le site de Blanquefort de Lumeris".
# At most five words: a place's name is no longer, and an unbounded run of capitalised words
# ("A B C D …") would be read again from each of them.
_PLACE_NAME = (
    r"(?P<place>(?-i:[A-ZÀ-Ý][\w'’]*(?:(?:[- ](?:(?:sur|de|du|la|le|en|les|lès|aux|sous|upon|"
    r"on|am|des)-)?|"
    # the lowercase links of other languages' place names: "Mo i Rana", "Frankfurt am Main",
    # "Viana do Castelo", "Halle an der Saale"
    r"[ \u00a0](?:i|am|an[ \u00a0]der|do|dos|da|das|di|del)[ \u00a0])[A-ZÀ-Ý][\w'’]*){0,4}))"
)
# A known plant by its place: "le site de Sarreguemines", "its Redcar site".
# "Korvia's" too (a company's possessive), and, where the place is a known plant's, "a" ("a new
# gigafactory in Foggia" once that plant is known: a new plant is only proposed at a place no
# known plant has, so the sentence speaks of the known one).
_DEFINITE = (
    rf"(?:the|its|their|this|le|la|l{_APOS}|du|au|son|sa|leur|cette|ce|notre|our|a|an|un|une|"
    rf"(?-i:[A-ZÀ-Ý][\w-]*){_APOS}s|(?-i:[A-ZÀ-Ý][\w-]*s){_APOS}(?![\w]))"
)
_PLACE_AFTER = re.compile(
    rf"(?<![\w]){_DEFINITE}{_S}*(?:[\w-]+{_S}+)?(?P<noun>{PLANT_NOUNS})"
    rf"{_S}+(?:de|d{_APOS}|of|in|at|à|near){_S}*{_PLACE_NAME}",
    re.I,
)
_PLACE_BEFORE = re.compile(
    rf"(?<![\w]){_DEFINITE}{_S}+{_PLACE_NAME}{_S}+(?P<noun>{PLANT_NOUNS})(?![\w])", re.I
)
# Where a new plant goes: "in Foggia", "near Aveiro", "à Douai", "sur la plateforme de Lacq",
# "on the Vaasa waterfront", "in the Gdansk industrial park".
# A plot a plant stands on, with its qualifiers: "sur un ancien site papetier de", "on the
# former steelworks site at", "sur la friche industrielle de".
_PLOT = (
    rf"(?:le|la|l{_APOS}|un|une|the|a|an){_S}*(?:[a-zéèê-]+{_S}+){{0,2}}?"
    r"(?:site|plateforme|zone|port|terrain|friche|parc|grounds?|land|premises|brownfield)"
    rf"(?:{_S}+[a-zéèê-]+){{0,2}}?"
)
_LOCATED = re.compile(
    rf"(?<![\w])(?:in|near|at|outside|à|près{_S}+de|aux{_S}+portes{_S}+de|"
    rf"sur{_S}+{_PLOT}{_S}+(?:de|d{_APOS}|à)|(?:on|in|at){_S}+{_PLOT}{_S}+(?:of|in|at|near)|"
    rf"on{_S}+the{_S}+(?:outskirts|edge|fringes?){_S}+of|en{_S}+(?:bordure|périphérie){_S}+de|"
    rf"(?:on|in){_S}+the{_S}+(?=(?-i:[A-ZÀ-Ý])[^.]{{0,30}}?"
    rf"{_S}(?:waterfront|seafront|docks|harbou?r|port|outskirts|industrial{_S}+(?:park|zone|"
    rf"estate))(?![\w])))"
    rf"{_S}*{_PLACE_NAME}"
)
_PRODUCTION_STARTED = (
    rf"(?:start|starts|started|starting|begin|begins|began|begun|commence|commences|commenced|"
    rf"lance|lancé|lancera|lancer|démarre|démarré|démarrera|démarrer|entame|entamé){_S}+"
    rf"(?:(?:series|mass|commercial|volume|full-scale|cell){_S}+|(?:la|sa|leur){_S}+)?"
    rf"production(?:{_S}+(?:en{_S}+série|de{_S}+(?:masse|série)|commerciale))?"
)
# Verbs of building, making or running a plant, which a place may follow ("exploite à Florange
# une usine", "operates a refinery in Huelva").
_NEW_PLANT_WORDS = re.compile(
    rf"(?<![\w])(?:{PLANT_NOUNS}|build\w*|construi\w*|bâti\w*|assembl\w*|implant\w*|"
    rf"tra(?:ite|itera|iter)|produira|fabriquera|recycl\w*|exploit(?:e|ent|era|eront|ait)|"
    rf"operat(?:es|ed|ing)|runs|produce|produces|"
    # making goods at a place: "fabrique ses films à Skellefteå", "makes its anodes in Luleå"
    rf"fabrique|fabriquent|produit|produisent|manufacture|manufactures|makes|"
    # production begun or to begin at a place: "has started series production at X", "began
    # commercial production in Y", "a lancé la production en série à X", "démarre sa production à Y"
    rf"{_PRODUCTION_STARTED})(?![\w])",
    re.I,
)
# A plant word's own place: "sa future usine d'Hagondange", "a factory of Foggia".
# What it makes may come between: "son usine de cellules de Saint-Dizier".
_PLANT_OF_PLACE = re.compile(
    rf"(?:{_S}+(?!(?:de|d|of|for|du|des)(?![\w]))(?-i:[a-zà-ÿ-]+)(?={_S}+(?:de|d{_APOS}|of)))?"
    rf"(?:{_S}+(?:de|d{_APOS}|of|for){_S}*(?-i:[a-zà-ÿ-]+)(?:{_S}+(?-i:[a-zà-ÿ-]+))?)?"
    rf"{_S}+(?:de|d{_APOS}|of){_S}*{_PLACE_NAME}"
)
# Where a company is based is not where it builds: "Acme, basée à Metz, construira…".
_BASED = re.compile(
    rf"(?:based|headquartered|installée?|basée?|implantée?|siège{_S}+(?:est{_S}+)?(?:à|au)|"
    rf"headquarters{_S}+(?:are{_S}+)?)(?:{_S}+(?:in|at|à|near|en))?{_S}*$",
    re.I,
)
# A plant only rumoured or looked at is no new plant: "reports in the press that X would build",
# "industry sources say X has looked at a site near Y", "des informations de presse évoquent".
_RUMOURED = triggers.words(
    r"reports? (?:in|that)|press reports?|rumou?rs?|rumeurs?|speculation|spéculation|"
    r"sources say|sources said|informations de presse|selon la presse|selon des médias|"
    r"(?:has|have|had) (?:also )?looked at|is weighing|was weighing|is considering|"
    r"envisagerait|étudierait|prête à|prêtent à|denied|dément|démenti"
)
_ALREADY = triggers.words(r"already|déjà|existing|existante?")
_PLANT_WORD = re.compile(rf"(?<![\w])(?:{PLANT_NOUNS})(?![\w])", re.I)


@dataclass
class KnownPlaces:
    """Known plants by place: their cities and the place words of their names and aliases."""

    by_place: dict = field(default_factory=dict)  # folded place -> {plant id}
    plants: dict = field(default_factory=dict)  # id -> (name, city, operator id)
    by_operator: dict = field(default_factory=dict)  # operator id -> [plant id]


_known_cache = {}


def known_places(index):
    """The known plants' places, read once per name index (rebuilt when names change)."""
    key = id(index)
    if key not in _known_cache:
        _known_cache.clear()
        found = KnownPlaces()
        for pk, name, city, operator in Plant.objects.values_list(
            "pk", "name", "city", "operator_id"
        ):
            found.plants[pk] = (name, city, operator)
            found.by_operator.setdefault(operator, []).append(pk)
            if city:
                found.by_place.setdefault(fold_for_search(city), set()).add(pk)
        for words, records in index.by_words.items():
            place = [word for word in words if not _is_plant_or_small_word(word)]
            for named in records:
                if named.kind == "plant" and named.is_alias and len(place) == 1:
                    found.by_place.setdefault(place[0], set()).add(named.id)
        _known_cache[key] = found
    return _known_cache[key]


_SMALL_WORDS = {"de", "d", "du", "of", "the", "la", "le", "l", "'", "-", "in", "a", "at"}


def _is_plant_or_small_word(word):
    return word in _SMALL_WORDS or bool(re.fullmatch(PLANT_NOUNS, word, re.I))


def place_mentions(body, index, taken):
    """
    Mentions of known plants by place ("le site de Sarreguemines"), as (start, end, plant id),
    outside ``taken`` (a bytearray marking known names already found).
    """
    known = known_places(index)
    found = []
    for pattern in (_PLACE_AFTER, _PLACE_BEFORE):
        for match in pattern.finditer(body):
            start = match.start("noun") if pattern is _PLACE_AFTER else match.start("place")
            end = match.end("place") if pattern is _PLACE_AFTER else match.end("noun")
            if any(taken[start:end]):
                continue
            plants = known.by_place.get(fold_for_search(match.group("place")), set())
            if len(plants) == 1:
                found.append((start, end, next(iter(plants))))
    return found


# A known plant by its operator: "l'usine de Pellucell", "the plant of X", "X's plant", "the X
# site"; not "X's new plant", which is another.
_NOUN_OF = re.compile(rf"(?:{PLANT_NOUNS}){_S}+(?:de|du|d{_APOS}|of){_S}*$", re.I)
_NOUN_AFTER = re.compile(
    rf"(?:{_APOS}s)?{_S}+(?!(?:new|nouvelle|nouvel|future|second|deuxième|another|next){_S})"
    rf"(?:[a-zé-]+{_S}+)?(?:{PLANT_NOUNS})(?![\w])",
    re.I,
)


def operator_plant_refs(body, parties, known):
    """
    Known plants designated by an operator that has only one ("l'usine de Pellucell"), as
    references (start and end of the operator's name, plant).
    """
    refs = []
    for party in parties:
        record = party.get("record") if not party.get("descriptor") else None
        owned = known.by_operator.get(record.get("id")) if record else None
        if not owned or len(owned) != 1:
            continue
        before = body[max(0, party["start"] - 25) : party["start"]]
        if _NOUN_OF.search(before) or _NOUN_AFTER.match(body, party["end"]):
            plant = plant_reference(known, owned[0])
            refs.append({"start": party["start"], "end": party["end"], "plant": plant})
    return refs


# A known plant by its city alone, where the sentence says what happens there: "At Vierzon,
# capacity will reach …", "à Vierzon, la production démarrera …". Not where a company is based.
_AT_CITY = re.compile(rf"(?<![\w])(?:at|in|à){_S}+{_PLACE_NAME}", re.I)


def city_refs(body, passage, known):
    """Known plants named by their city alone in a sentence of plant facts, as references."""
    refs = []
    for match in _AT_CITY.finditer(body, passage.start, passage.end):
        owned = known.by_place.get(fold_for_search(match.group("place")), set())
        if len(owned) != 1 or _BASED.search(body, max(0, match.start() - 30), match.start()):
            continue
        plant = plant_reference(known, next(iter(owned)))
        refs.append({"start": match.start("place"), "end": match.end("place"), "plant": plant})
    return refs


# A plant things come from ("fournira les cellules depuis son usine de X", "ships scrap from its Y
# plant"): named in passing, it does not become the plant the article goes on about.
_SOURCE_BEFORE = re.compile(
    rf"(?<![\w])(?:from|depuis|out{_S}+of|en{_S}+provenance{_S}+de){_S}+"
    rf"(?:(?:its|their|the|son|sa|leur|l{_APOS}|la|le)(?:{_S}+|(?<=['’])))?(?:[\w'’-]+{_S}+){{0,3}}$",
    re.I,
)
# A plant things go to, while the article is about a new plant: "chosen to supply its Győr
# plant", "des séparateurs pour la gigafactory de X".
_DESTINATION_BEFORE = re.compile(
    rf"(?<![\w])(?:supply|supplies|feed|feeds|deliver|delivers|ship|ships|for|pour|"
    rf"destinée?s?{_S}+à|approvisionner|alimenter|fournir){_S}+"
    rf"(?:(?:its|their|the|son|sa|leur|l{_APOS}|la|le)(?:{_S}+|(?<=['’])))?(?:[\w'’-]+{_S}+){{0,3}}$",
    re.I,
)


def is_source(body, start, current=None):
    """Whether a plant named at ``start`` is one things are sent from, or, while the article
    speaks of a new plant (``current``), one they are sent to."""
    if _SOURCE_BEFORE.search(body, max(0, start - 40), start):
        return True
    return isinstance(current, NewPlant) and bool(
        _DESTINATION_BEFORE.search(body, max(0, start - 40), start)
    )


def plant_reference(known, plant_id):
    name = known.plants.get(plant_id, ("", "", None))[0]
    return {"id": plant_id, "slug": None, "name": name}


@dataclass
class NewPlant:
    """A plant the article introduces, proposed with its fields."""

    start: int  # where its place is written
    end: int
    city: str
    operator: dict | None  # the operator's mention (a company or a candidate)
    kind: str
    status: str
    country: str | None
    sentence: int
    pending_venture: bool = False  # its operator is a joint venture named later

    def reference(self, name):
        label = f"{name} {self.city}" if name else self.city  # no operator named: the city
        return {"id": None, "slug": None, "name": label, "city": self.city}


def _kind(text):
    for kind, pattern in triggers.PLANT_KINDS:
        if pattern.search(text):
            return kind
    return "other"


# A plant running today, or one that opened or started in the past: "currently assembles",
# "exploite", "où travaillent 40 salariés", "inaugurée l'an dernier", "entered production in
# 2023". A plant to be closed runs until then.
_RUNNING_VERB = (
    r"(?:assembl|produc|produi|manufactur|fabriqu|process|trait|employ|emploi|compt|exploit|"
    r"run|operat|turn)\w*"
)
_NOW = rf"(?:currently|now|today|actuellement|aujourd{_APOS}hui|déjà|already)"
_RUNNING = re.compile(
    rf"(?<![\w])(?:{_NOW}{_S}+(?!announced|said|unveiled){_RUNNING_VERB}|"
    rf"{_RUNNING_VERB}{_S}+(?:actuellement|aujourd{_APOS}hui|déjà|currently)|"
    rf"exploite|exploitent|operates|runs|employs|emploie|travaillent|work{_S}+there|"
    rf"(?<!be{_S})(?<!être{_S})(?<!sera{_S})(?<!seront{_S})"
    rf"(?:opened|inaugurated|inaugurée?s?|mise?{_S}+en{_S}+service{_S}+en|"
    rf"entrée?s?{_S}+en{_S}+(?:production|service)|entered{_S}+(?:production|service)|"
    rf"went{_S}+into{_S}+(?:production|operation|service))|a{_S}+(?:ouvert|démarré)|"
    rf"has{_S}+been{_S}+(?:producing|operating|running)|closure|close(?!{_S}+to(?![\w]))|"
    # production begun in the past or going on since a date: "started producing cells in
    # 2025", "began production", "fabrique … depuis 2023", "makes … since 2022"
    rf"(?:started|began|commenced){_S}+(?:(?:series|mass|commercial|volume){_S}+)?"
    rf"(?:producing|production|manufacturing|operations?)|"
    rf"(?:a|ont){_S}+(?:lancé|démarré|entamé){_S}+(?:la|sa|leur){_S}+production|"
    rf"(?:fabrique|fabriquent|produit|produisent|makes|produces|manufactures)"
    rf"(?={_S}[^.;:]{{0,80}}?(?:depuis|since){_S})|"
    rf"closing|shut\w*|"
    rf"fermer\w*|fermeture)(?![\w])",
    re.I,
)
_POURED = (
    rf"(?:poured|pours|pouring|coulé|coule|coulent|coulaient){_S}+(?:the|its|their|le|la|les|"
    rf"sa|ses|leurs?){_S}+(?:(?:first|initial|premi[eè]re?s?){_S}+)?"
    rf"(?:concrete|foundations?|béton|fondations?|dalles?)"
)
# A plant whose construction began: "a lancé le chantier", "broke ground", "pose la première
# pierre", "construction began".
_BUILDING_STARTED = re.compile(
    rf"(?<![\w])(?:(?:a|ont|have|has){_S}+lancé{_S}+(?:[\w'’]+{_S}+){{0,3}}?le{_S}+chantier|"
    rf"(?:pose|posé|posent|lay|lays|laid){_S}+(?:la{_S}+première{_S}+pierre|the{_S}+"
    rf"(?:foundation|first){_S}+stone)|broke{_S}+ground|(?:has|have){_S}+broken{_S}+ground|"
    rf"construction{_S}+(?:began|started|has{_S}+(?:begun|started)|is{_S}+under{_S}*way)|"
    rf"(?:travaux|chantier|construction){_S}+(?:ont|a){_S}+(?:commencé|débuté|démarré)|"
    # building begun: "began building", "started construction of", "a commencé à construire"
    rf"(?:began|begun|started|commenced){_S}+(?:building|constructing|construction|to{_S}+build)|"
    rf"(?:a|ont){_S}+(?:commencé|débuté|entamé){_S}+(?:à{_S}+construire|la{_S}+construction)|"
    # the first concrete or the foundations poured: "poured the first concrete", "has poured
    # the foundations", "a coulé les premières fondations", "ont coulé le premier béton"
    rf"{_POURED})"
    rf"(?![\w])",
    re.I,
)


def _status(text):
    if triggers.UNDER_CONSTRUCTION.search(text) or _BUILDING_STARTED.search(text):
        return "under_construction"
    if triggers.OPERATING.search(text) or _RUNNING.search(text):
        return "operating"
    return "announced"


def new_plants_in(sentence, known, companies, country_hint, within=()):
    """
    New plants a sentence introduces: a plant word or a verb of building or making, then a city
    that is no known plant's, or a city before a plant word in a sentence about building it.
    ``companies``: the sentence's companies, descriptions resolved; ``within``: the countries
    the article speaks of, where a city several countries share a name of is.
    """
    body, passage = sentence.reading.body, sentence.passage
    if _RUMOURED.search(body, passage.start, passage.end):
        return []
    # "already runs a plant in X" is a plant the database should hold; "already" said after the
    # place is of something else ("a pilot line in X, where it has already made samples")
    return [
        plant
        for plant in _new_plants_in(sentence, known, companies, country_hint, within)
        if not _ALREADY.search(body, passage.start, plant.end)
    ]


def _new_plants_in(sentence, known, companies, country_hint, within):
    body, passage = sentence.reading.body, sentence.passage
    for word in _NEW_PLANT_WORDS.finditer(body, passage.start, passage.end):
        if _STARTED.fullmatch(word.group()) and _MODAL.search(
            body, max(passage.start, word.start() - 30), word.start()
        ):
            continue  # "could start production in X one day": not a plant yet
        plant = _located_plant(sentence, word, True, known, companies, country_hint, within)
        if plant is None and _owner_named(body, word, passage.end, companies):
            # "la ligne pilote de Pellucell, inaugurée à Grenoble": a company is no place; the
            # place may come further on
            plant = _located_plant(sentence, word, False, known, companies, country_hint, within)
        if plant is not None:
            return [plant] + _further_plants(
                sentence, plant, known, companies, country_hint, within
            )
    named = _city_before_noun(body, passage, known)
    if named is not None:
        plant = _new_plant(sentence, named, named.start(), known, companies, country_hint, within)
        if plant is not None:
            return [plant]
    return []


def _further_plants(sentence, first, known, companies, country_hint, within):
    """Another plant word after the first plant's place, with a place of its own: "will shut its
    pilot line in X and move to a full-scale plant at Y"."""
    body, passage = sentence.reading.body, sentence.passage
    for word in _PLANT_WORD.finditer(body, first.end, passage.end):
        plant = _located_plant(sentence, word, True, known, companies, country_hint, within)
        if plant is not None and fold_for_search(plant.city) != fold_for_search(first.city):
            return [plant]
    return []


def _owner_named(body, word, end, companies):
    """Whether a plant word's "de X" names a company, not a place."""
    if not _PLANT_WORD.fullmatch(word.group()):
        return False
    own = _PLANT_OF_PLACE.match(body, word.end(), end)
    return own is not None and any(c["start"] <= own.start("place") < c["end"] for c in companies)


def _located_plant(sentence, word, own, known, companies, country_hint, within):
    body, passage = sentence.reading.body, sentence.passage
    located = _where(body, word, passage.end, own) or _in_the_base_city(body, word, passage)
    if located is None:
        return None
    # The plant word nearest the place is the one it belongs to ("adds a line at its factory in
    # Sagunto": the factory's).
    nearest = [w.start() for w in _NEW_PLANT_WORDS.finditer(body, word.start(), located.start())]
    position = nearest[-1] if nearest else word.start()
    return _new_plant(sentence, located, position, known, companies, country_hint, within)


def _new_plant(sentence, located, position, known, companies, country_hint, within=()):
    """The new plant at the place ``located`` found, operated by the company named before
    ``position``; None at a known plant's place or inside a company's name."""
    city = _city(located.group("place"))
    if not city or fold_for_search(city) in known.by_place:
        return None
    if not isinstance(located, _Place) and any(
        c["start"] <= located.start("place") < c["end"] for c in companies
    ):
        return None  # (a company's town, "the X-based company", may hold its plant too)
    text = sentence.text
    country = places.countries_in(text)
    return NewPlant(
        located.start("place"),
        located.start("place") + len(city),
        city,
        _operator(companies, position, sentence.reading.body, sentence.passage.start),
        _kind(text),
        _status(text),
        (country[0] if country else None) or places.any_name_country(city, within) or country_hint,
        sentence.index,
    )


# A new plant named by its city before the plant word, in a sentence about building or running
# it: "will start building its Sunderland gigafactory", "Lorvane's Vaasa plant produces". Only a
# city GeoNames knows, since any capitalised word stands there ("its Model Y plant").
_CITY_BEFORE_NOUN = re.compile(
    rf"(?<![\w])(?:its|their|a|an|the|new|sa|son|leur|(?-i:[A-ZÀ-Ý][\w-]*){_APOS}s|"
    rf"(?-i:[A-ZÀ-Ý][\w-]*s){_APOS}){_S}+"
    rf"{_PLACE_NAME}{_S}+"
    rf"(?:(?-i:[a-z-]+){_S}+)?(?:{PLANT_NOUNS})(?![\w])",
    re.I,
)
_BUILDING = triggers.words(r"build\w*|construi\w*|bâti\w*")


def _city_before_noun(body, passage, known):
    if not (
        _BUILDING.search(body, passage.start, passage.end)
        or _BUILDING_STARTED.search(body, passage.start, passage.end)
        or _RUNNING.search(body, passage.start, passage.end)
        or triggers.OPERATING.search(body, passage.start, passage.end)
    ):
        return None
    for match in _CITY_BEFORE_NOUN.finditer(body, passage.start, passage.end):
        city = _city(match.group("place"))
        if city and places.city_country(city) and fold_for_search(city) not in known.by_place:
            return match
    return None


def _where(body, word, end, own_place=True):
    """The place a plant word or a verb of building points to, not where a company is based;
    without ``own_place``, not the plant word's own ("l'usine de X")."""
    located = _where_written(body, word, end, own_place)
    return _town_after(body, located, end) if located is not None else None


# A town after a place that is none: "on the former steelworks site of Y, in X", "sur le terrain
# des Z, près de X", "at the Y industrial estate, near X".
_TOWN_AFTER = re.compile(
    rf",{_S}*(?:in|near|at|outside|à|près{_S}+de|aux{_S}+portes{_S}+de){_S}+{_PLACE_NAME}", re.I
)


def _town_after(body, located, end):
    """The town written after ``located``'s place when that place is no town GeoNames knows."""
    after = _TOWN_AFTER.match(body, located.end(), end)
    if after is None or places.city_country(located.group("place")):
        return located
    town = _city(after.group("place"))
    return after if town and places.city_country(town) else located


def _where_written(body, word, end, own_place):
    if own_place and _PLANT_WORD.fullmatch(word.group()):
        own = _PLANT_OF_PLACE.match(body, word.end(), end)
        if own is not None:
            return own
    for located in _LOCATED.finditer(body, word.end(), min(end, word.end() + 90)):
        if (
            _MAKING.fullmatch(word.group()) or _STARTED.fullmatch(word.group())
        ) and _FOR_WHOM.search(body, word.end(), located.start()):
            continue  # "makes cells for buyers in Ghent": where its buyers are
        if not _BASED.search(body, max(0, located.start() - 30), located.start("place")):
            return located
    return None


# "In the city", "dans la ville": the town the sentence says its company is based in ("The
# X-based company will build a plant in the city", "Basée à X, Y construira une usine dans la
# même commune").
_IN_THE_CITY = re.compile(
    rf"(?<![\w])(?:in|near|at|dans|près{_S}+de|à){_S}+(?:the|la|cette){_S}+"
    rf"(?:same{_S}+|même{_S}+)?(?:city|town|ville|commune)(?![\w])",
    re.I,
)
_BASES = (
    re.compile(rf"{_PLACE_NAME}-based(?![\w])"),
    re.compile(
        rf"(?<![\w])(?:based|headquartered|basée?s?|installée?s?|établie?s?|implantée?s?)"
        rf"{_S}+(?:in|at|à){_S}+{_PLACE_NAME}",
        re.I,
    ),
)


def _in_the_base_city(body, word, passage):
    """The company's town, where a plant word or a verb of building points to "the city"."""
    if not _IN_THE_CITY.search(body, word.end(), min(passage.end, word.end() + 90)):
        return None
    # near the word only: a long passage with no full stop stays linear
    low, high = max(passage.start, word.start() - 150), min(passage.end, word.end() + 150)
    for pattern in _BASES:
        base = pattern.search(body, low, high)
        if base is None:
            continue
        # "The Ostrava-based": the town is the last words of the capitalised run
        start, place = base.start("place"), base.group("place")
        while place and not places.any_name_country(place):
            first, _, place = place.partition(" ")
            start += len(first) + 1
        if place:
            return _Place(start, place)
    return None


@dataclass
class _Place:
    """A place found in pieces, read as a match of its ``place`` group."""

    at: int
    text: str

    def group(self, name=0):
        return self.text

    def start(self, name=0):
        return self.at

    def end(self, name=0):
        return self.at + len(self.text)


_STARTED = re.compile(_PRODUCTION_STARTED, re.I)
_MODAL = re.compile(
    rf"(?<![\w])(?:could|might|may|would|pourrait|pourraient|pourra|pourront)"
    rf"(?:{_S}+[\w'’-]+){{0,2}}{_S}+$",
    re.I,
)
_MAKING = re.compile(r"fabrique|fabriquent|produit|produisent|manufacture|manufactures|makes", re.I)
_FOR_WHOM = triggers.words(r"for|pour|to|aux?|destinée?s?")


def _city(place):
    """The city in a capitalised run ("Aveiro", "Fos-sur-Mer"), not a country or a region."""
    words = re.sub(r"['’]s$", "", place).split()  # "Clarksville's plant": Clarksville
    while words and fold_for_search(words[-1]) in {"in", "on", "the"}:
        words.pop()
    city = " ".join(words)
    if not city or places.is_country_or_region(city) or fold_for_search(city) in NOT_NAMES:
        return None  # "in March 2024" dates, "in Europe" is no city
    if len(city) < 2 or city.isupper() and len(city) < 4 and not places.city_country(city):
        return None  # a currency's letters ("C$", "A$", "US$") or initials are no town
    return city


# A possessive before the plant word ("its factory in Sagunto", "sa future usine de Vichy").
_POSSESSIVE = re.compile(rf"(?<![\w])(?:its|their|son|sa|leur){_S}+(?:[\w-]+{_S}+){{0,2}}$", re.I)
# How near the start of its sentence a company must be to be its subject.
SUBJECT_REACH = 15


def _operator(companies, position, body="", sentence_start=0):
    """
    The company that builds: the subject of the sentence when a possessive says whose plant it
    is ("X supplies the Győr plant of Y and is adding a line at its factory in
    Sagunto": X's), else the last one named before the plant word, else the first.
    """
    before = [c for c in companies if c["end"] <= position]
    if (
        before
        and before[0]["start"] - sentence_start <= SUBJECT_REACH
        and _POSSESSIVE.search(body, max(0, position - 40), position)
    ):
        return before[0]
    if before:
        return before[-1]
    return companies[0] if companies else None


def mentions_plant_word(body, start, end):
    return _PLANT_WORD.search(body, start, end) is not None
