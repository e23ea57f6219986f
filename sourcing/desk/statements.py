"""
A proposal accepted at the desk is cited with its passage, which states only some of the values
it proposes: the statement checker (``sourcing.statements``) finds in it the figures and names of
a sentence, not the date or the status the engine read two sentences earlier. For each value the
passage does not state, the desk cites, for that field, the first sentence of the article that
does, as an editor would select it; a value no sentence states is left without a passage, for
the editor to cite or mark, or the reviewer to confirm.
"""

from ..models import NonEditorialSpan
from ..models.provenance import held_values, stored_values
from ..models.statements import RecordNames
from ..statements import check
from ..suggestions.text import sentences
from .writes import DeskError, cite


def cite_what_the_passage_leaves_unstated(article, rows, start, end):
    """Cite, for each value of ``rows`` that ``article.body[start:end]`` does not state, the
    first editorial sentence of the article that states it. Returns the citations made."""
    body, language = article.body, article.language or None
    quote = body[start:end]
    spans = list(NonEditorialSpan.objects.filter(article=article).values_list("start", "end"))
    candidates = [
        (sentence.start, sentence.end)
        for sentence in sentences(body)
        if not any(s < sentence.end and sentence.start < e for s, e in spans)
    ]
    names = RecordNames.of([(type(row), stored_values(row)) for row in rows])
    made = []
    for row in rows:
        for field, value in held_values(type(row), stored_values(row), names).items():
            if value is None or check(value, quote, language).stated:
                continue
            for sentence_start, sentence_end in candidates:
                if check(value, body[sentence_start:sentence_end], language).stated:
                    try:
                        made.append(cite(row, article, sentence_start, sentence_end, field))
                    except DeskError:  # a passage the citation rules refuse: leave it
                        continue
                    break
    return made
