"""What every proposal shares: its JSON shape, and the sentence it is built from."""

from dataclasses import dataclass, field

from .text import containing_index

# Sentences longer than this are quoted by the clauses that hold the fact, not whole.
LONG_SENTENCE = 300


def proposal(kind, fields, body, start, end, exists=False):
    return {
        "kind": kind,
        "fields": fields,
        "quote": body[start:end],
        "start": start,
        "end": end,
        "exists": exists,
    }


@dataclass
class Sentence:
    """One sentence and the mentions in it, by kind."""

    reading: object
    index: int
    companies: list = field(default_factory=list)  # known and candidate companies
    plants: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    # Set by ``discourse.Discourse``: the companies with descriptions resolved, the plants
    # named or introduced, and the plant spoken of before when the sentence names none.
    parties: list = field(default_factory=list)
    plant_refs: list = field(default_factory=list)
    context_plant: object = None

    @property
    def passage(self):
        return self.reading.sentences[self.index]

    @property
    def text(self):
        return self.reading.body[self.passage.start : self.passage.end]

    def quote_span(self, *mentions):
        """The sentence, or in a long sentence the clauses from the first mention to the last."""
        passage = self.passage
        if passage.end - passage.start <= LONG_SENTENCE or not mentions:
            return passage.start, passage.end
        clauses = self.reading.clause_map.passages
        first = containing_index(clauses, *_span(min(mentions, key=lambda m: m["start"])))
        last = containing_index(clauses, *_span(max(mentions, key=lambda m: m["end"])))
        if first is None or last is None:
            return passage.start, passage.end
        return clauses[first].start, clauses[last].end

    def propose(self, kind, fields, mentions, exists=False):
        start, end = self.quote_span(*mentions)
        return proposal(kind, fields, self.reading.body, start, end, exists)


def _span(mention):
    return mention["start"], mention["end"]


def party(mention):
    """A company as proposals name it: its slug when known, its name otherwise."""
    return mention["record"]["slug"] if mention["record"] else _name(mention)


def party_key(mention):
    return ("id", mention["record"]["id"]) if mention["record"] else ("name", _name(mention))


def _name(mention):
    # A new company's writings ("Norda", "Norda Energy Solution") name it by its full name.
    return mention.get("canonical") or mention["text"]


def by_sentence(reading, mentions):
    """Every sentence of the article, in order, with its mentions by kind."""
    sentences = {
        index: Sentence(reading, index)
        for index, passage in enumerate(reading.sentences)
        if not reading.is_excluded(passage.start, passage.start + 1)
    }
    for mention in mentions:
        index = containing_index(reading.sentences, mention["start"], mention["end"])
        if index is None:
            continue
        sentence = sentences.get(index)
        if sentence is None:
            continue
        kind = mention["kind"]
        if kind in ("company", "candidate_company"):
            sentence.companies.append(mention)
        elif kind == "plant":
            sentence.plants.append(mention)
        elif kind == "quantity":
            sentence.figures.append(mention)
        else:
            sentence.dates.append(mention)
    return [sentences[index] for index in sorted(sentences)]


def nearest(mentions, position):
    """The mention of ``mentions`` closest to ``position``, preferring one before it on a tie."""
    if not mentions:
        return None
    return min(
        mentions,
        key=lambda m: (
            min(abs(m["start"] - position), abs(m["end"] - position)),
            m["start"] > position,
        ),
    )
