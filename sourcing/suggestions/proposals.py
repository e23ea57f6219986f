"""
Proposals: candidate records built from the mentions of one sentence or clause, each quoting that
passage with offsets into the original text.
"""


def proposal(kind, fields, body, start, end, exists=False):
    return {
        "kind": kind,
        "fields": fields,
        "quote": body[start:end],
        "start": start,
        "end": end,
        "exists": exists,
    }


def build(article, reading, mentions, detected, index):
    body = reading.body
    found = [
        proposal(
            "non_editorial",
            {"kind": part.kind, "start": part.start, "end": part.end},
            body,
            part.start,
            part.end,
        )
        for part in detected
    ]
    return found
