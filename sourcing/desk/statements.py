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


def passages_stating_the_rest(article, rows, start, end):
    """
    (row, field, [(start, end), ...]) for each value of ``rows`` that
    ``article.body[start:end]`` does not state: the editorial sentences of the article that do,
    first one first, for the desk to cite the first that its citation rules accept.
    """
    body, language = article.body, article.language or None
    quote = body[start:end]
    spans = list(NonEditorialSpan.objects.filter(article=article).values_list("start", "end"))
    candidates = [
        (sentence.start, sentence.end)
        for sentence in sentences(body)
        if not any(s < sentence.end and sentence.start < e for s, e in spans)
    ]
    names = RecordNames.of([(type(row), stored_values(row)) for row in rows])
    for row in rows:
        for field, value in held_values(type(row), stored_values(row), names).items():
            if value is None or check(value, quote, language).stated:
                continue
            stating = [
                (sentence_start, sentence_end)
                for sentence_start, sentence_end in candidates
                if check(value, body[sentence_start:sentence_end], language).stated
            ]
            if stating:
                yield row, field, stating
