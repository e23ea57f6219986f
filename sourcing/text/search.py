"""
Folding text for search, so that what a person types finds what a source printed.

Both the stored search columns and the search terms go through ``fold_for_search``, in Python, so
SQLite and PostgreSQL find the same records without database extensions: case and accents are
ignored ("ampere" finds "Ampère", "electrique" finds "ÉLECTRIQUE"), and so is the typography that
citation matching tolerates (straight or curly apostrophes and quotation marks, dash variants,
runs of whitespace and no-break spaces).
"""

import unicodedata

from .quotes import APOSTROPHES, DASHES, QUOTATION_MARKS

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys(APOSTROPHES, "'"),
        **dict.fromkeys(QUOTATION_MARKS, '"'),
        **dict.fromkeys(DASHES, "-"),
    }
)


def fold_for_search(text):
    """Lower-case, accent-free, typography-plain form of ``text``, on one line."""
    # Decomposed before and after case folding: compatibility forms decompose to capitals ("™" to
    # "TM"), and folding some capitals yields a base letter and a combining mark ("İ" to "i̇").
    # Folding a folded text then changes nothing, and no capital is left for LIKE, which ignores
    # ASCII case on SQLite but not on PostgreSQL, to treat differently.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    # Combining accents go, and so do invisible format characters (soft hyphens, zero-width
    # spaces) that a source may carry inside a word.
    plain = "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    )
    return " ".join(plain.translate(_TYPOGRAPHY).split())


def fold_fields_for_search(*texts):
    """
    One search column for several fields: each folded on its own line, so that a search term
    (which ``fold_for_search`` keeps on one line) never matches across two fields.
    """
    return "\n".join(fold_for_search(text) for text in texts)
