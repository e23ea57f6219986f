"""
The language of a text, as an ISO 639-1 code, by py3langid (a maintained fork of langid.py: offline,
a 4 MB model, BSD licence; benchmarks/language_detection.py compares it with langdetect and lingua
on short English and French news text). Unsure is None, never a guess: a headline of two
company names says nothing about its language.
"""

import functools
import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# The middle of the range that made no mistake on the development half of
# benchmarks/language_detection.py (0.1 to 0.2): lower, a company's name got a language; higher,
# short headlines went unanswered.
MIN_CONFIDENCE = 0.15
# The start of a long text says as much as the whole, at a fraction of the cost.
SAMPLE_CHARACTERS = 10_000
# py3langid tells some varieties apart from the language whose ISO 639-1 code covers them.
COVERED_BY = {"wuu": "zh", "yue": "zh", "ary": "ar", "arz": "ar", "uzs": "uz", "sdh": "ku"}
LANGUAGE_TAG = re.compile(r"^\s*([a-zA-Z]{2})(?:$|[-_\s])")


@functools.cache
def identifier():
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text):
    """The ISO 639-1 code of the language ``text`` is written in, or None when unsure."""
    sample = text[:SAMPLE_CHARACTERS]
    if not any(char.isalpha() for char in sample):
        return None
    totals = {}
    for label, probability in identifier().rank(sample):
        code = COVERED_BY.get(label, label)
        totals[code] = totals.get(code, 0.0) + probability
    code, probability = max(totals.items(), key=lambda item: item[1])
    if len(code) != 2 or probability < MIN_CONFIDENCE:
        return None  # no ISO 639-1 code (or "zxx", no language at all), or unsure
    return code


def language_code(tag):
    """The ISO 639-1 code of a declared language tag ("fr-FR", "en_GB", "de"), or None."""
    match = LANGUAGE_TAG.match(tag or "")
    return match.group(1).lower() if match else None
