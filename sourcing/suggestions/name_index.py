"""
Finding known names in a text: each name, as the tuple of its folded words, maps to the records
it stands for, and a text is read in one pass over its words (at each word, only the name lengths
that start with that word are tried, longest first). Pure: the suggestions engine fills an index
from the database (``names``), the statement checker from the names of one record.
"""

from dataclasses import dataclass

from .text import folded_words


@dataclass(frozen=True)
class Named:
    """A record a name stands for, and whether that name needs a capital in the text."""

    kind: str  # "company" or "plant"
    id: int
    slug: str | None
    name: str
    is_alias: bool
    needs_capital: bool  # "Mobilize", not the verb "mobilize"

    def reference(self):
        return {"id": self.id, "slug": self.slug, "name": self.name}


@dataclass(frozen=True)
class NameMatch:
    first: int  # index of the first word
    last: int  # index past the last word
    named: Named


def needs_capital(form):
    words = form.split()
    return len(words) == 1 and any(char.isupper() for char in form)


class NameIndex:
    def __init__(self, entries):
        """``entries``: (form as written in the database, Named) pairs."""
        self.by_words = {}
        lengths = {}
        for form, named in entries:
            words = folded_words(form)
            if not words:
                continue
            self.by_words.setdefault(words, []).append(named)
            lengths.setdefault(words[0], set()).add(len(words))
        for records in self.by_words.values():
            # The record named, rather than aliased, first; then companies; then by id.
            records.sort(key=lambda n: (n.is_alias, n.kind != "company", n.id))
        self.lengths = {word: sorted(sizes, reverse=True) for word, sizes in lengths.items()}

    def __len__(self):
        return len(self.by_words)

    def find(self, words, text):
        """Leftmost-longest known names among ``words`` (``text.tokens`` of ``text``)."""
        matches = []
        index = 0
        folded = [word.folded for word in words]
        while index < len(words):
            found = self._longest_at(words, folded, index, text)
            if found is None:
                index += 1
                continue
            matches.append(found)
            index = found.last
        return matches

    def _longest_at(self, words, folded, index, text):
        for size in self.lengths.get(folded[index], ()):
            key = tuple(folded[index : index + size])
            records = self.by_words.get(key) if len(key) == size else None
            if not records:
                continue
            passage = text[words[index].start : words[index + size - 1].end]
            if all(r.needs_capital for r in records) and not any(c.isupper() for c in passage):
                continue
            return NameMatch(index, index + size, records[0])
        return None

    def knows(self, name):
        return folded_words(name) in self.by_words
