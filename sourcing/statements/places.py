"""
Places: a city by its name or another name GeoNames gives it ("Dunkerque" states Dunkirk), a
region by its name, a country by its name, its people's adjective ("French", "français"), a
region's adjective or name ("nordiste", "Bavaria") or "<City>-based". A passage that places
something in a city of the country without naming the country cannot tell it by machine.
"""

import re

from ..suggestions import places
from ..suggestions.candidates import NATIONALITIES
from ..text.search import fold_for_search
from .names import find_names
from .verdicts import cannot_tell, not_stated, stated

_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\w'’-]+(?:[ \u00a0][A-ZÀ-Ý][\w'’-]+)?")
_BASED = re.compile(r"(?P<place>[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý][\w'’]*)*)-based(?![\w])")


def check_place(value, reading):
    if value.level == "country":
        return check_country(value.name, reading)
    names = places.city_names(value.name, value.country) if value.level == "city" else (value.name,)
    printed = _printed(names, reading)
    if printed:
        return stated(f"names {value.level} “{printed}”")
    return not_stated(f"does not name the {value.level} {value.name}")


def _printed(names, reading):
    spans = find_names(names, reading)
    return reading.text[spans[0][0] : spans[0][1]] if spans else None


def countries_named(text):
    """{country code: the words that name it}: names, regions, adjectives, "<City>-based"."""
    found = {}
    for name in places.countries_in(text):
        found.setdefault(name, "its name")
    for word in re.findall(r"[\w'’-]+", text):
        folded = fold_for_search(word)
        country = NATIONALITIES.get(folded) or places.adjective_country(word)
        if country:
            found.setdefault(country, f"“{word}”")
    for based in _BASED.finditer(text):
        place = based.group("place")
        country = places.city_country(place) or places.country_named(place)
        if country:
            found.setdefault(country, f"“{based.group()}”")
    return found


def check_country(code, reading):
    named = countries_named(reading.text)
    if code in named:
        return stated(f"names the country {code} by {named[code]}")
    for match in _CAPITALISED.finditer(reading.text):
        if places.own_name_country(match.group()) == code and not places.is_country_or_region(
            match.group()
        ):
            return cannot_tell(f"names {match.group()}, a city of {code}, but not the country")
    if named:
        return not_stated(f"names {', '.join(sorted(named))}, not {code}")
    return not_stated(f"names no country, so not {code}")
