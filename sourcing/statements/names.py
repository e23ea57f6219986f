"""
Company and plant references: the passage names the record by its name or one of its aliases,
on whole words, ignoring case, accents and typography. A pronoun, "our" or "the group" names
nobody; a nickname ("le Losange") does once it is an alias.
"""

from ..suggestions.name_index import Named as IndexEntry
from ..suggestions.name_index import NameIndex, needs_capital
from .verdicts import not_stated, stated


def find_names(names, reading):
    """
    Where the passage prints any of ``names``, as (start, end) spans: on whole words, and a
    one-word name written with a capital only where the passage has a capital ("Mobilize", not
    "mobilize"), as the suggestions engine finds known names.
    """
    entries = [
        (name, IndexEntry("name", 0, None, name, False, needs_capital(name))) for name in names
    ]
    words = reading.words
    return [
        (words[match.first].start, words[match.last - 1].end)
        for match in NameIndex(entries).find(words, reading.text)
    ]


def check_named(value, reading):
    spans = find_names(value.names, reading)
    if spans:
        start, end = spans[0]
        return stated(f"names {value.label} as “{reading.text[start:end]}”")
    others = value.names[1:]
    also = f" or by an alias ({', '.join(others)})" if others else ""
    return not_stated(f"does not name {value.label}, by its name{also}")
