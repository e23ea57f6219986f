"""A passage read once per language, with the suggestions engine's readers."""

from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..suggestions.figures import ClauseMap
from ..suggestions.reading import figures_and_dates
from ..suggestions.text import sentences, tokens
from ..text.search import fold_for_search

# A passage's language decides how "2,500" reads; without one, both readings are tried.
LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class PassageReading:
    text: str
    language: str

    @cached_property
    def words(self):
        return tokens(self.text)

    @cached_property
    def folded(self):
        """The passage folded as search folds it, padded so whole words match with spaces."""
        return f" {' '.join(word.folded for word in self.words)} "

    @cached_property
    def _figures_and_dates(self):
        clause_map = ClauseMap.of(self.text, sentences(self.text))
        return figures_and_dates(self.text, self.language, self.words, clause_map)

    @property
    def figures(self):
        return self._figures_and_dates[0]

    @property
    def dates(self):
        return self._figures_and_dates[1]

    def says(self, words):
        """Whether the passage contains ``words`` (any text) as whole folded words."""
        wanted = " ".join(word.folded for word in tokens(words))
        return bool(wanted) and f" {wanted} " in self.folded


@lru_cache(maxsize=4096)
def read(text, language):
    return PassageReading(text, language)


def readings(text, language):
    """The readings of ``text``: in its language, or in each when it is not known."""
    if language in LANGUAGES:
        return [read(text, language)]
    return [read(text, other) for other in LANGUAGES]


def folded(text):
    return fold_for_search(text)
