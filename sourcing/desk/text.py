"""
An article's text for the desk: cut into flat segments at every boundary of a citation, a
non-editorial part or a suggestion, each segment a ``<span data-start>`` whose classes say what
covers it. The desk's script turns a mouse selection back into character offsets of the text as
stored with those ``data-start`` values, so a carriage return, which an HTML parser drops, gets a
segment of its own.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

MENTION_KINDS = {"company", "plant", "candidate_company", "quantity", "date"}


def desk_text_html(article, mentions, citations):
    """The text of ``article`` with its ``citations`` and the suggestions' ``mentions`` marked."""
    body = article.body
    ranges = []  # (start, end, class, title)
    for span in article.non_editorial_spans.all():
        ranges.append((span.start, span.end, "non-editorial", span.get_kind_display()))
    for citation in citations:
        ranges.append((citation.start, citation.end, "cited", f"cited: {citation.field or ''}"))
    for mention in mentions:
        kind = mention.get("kind")
        if kind in MENTION_KINDS:
            label = (mention.get("record") or {}).get("name") or kind.replace("_", " ")
            ranges.append((mention["start"], mention["end"], f"mention mention-{kind}", label))
    ranges = [(max(s, 0), min(e, len(body)), c, t) for s, e, c, t in ranges if s < e]
    cuts = {0, len(body)}
    for start, end, _, _ in ranges:
        cuts.update((start, end))
    cuts.update(index for index, char in enumerate(body) if char == "\r")
    cuts.update(index + 1 for index, char in enumerate(body) if char == "\r")
    cuts = sorted(cut for cut in cuts if 0 <= cut <= len(body))
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [r for r in ranges if r[0] <= start and r[1] >= end]
        classes = " ".join(sorted({r[2] for r in covering}))
        titles = "; ".join(r[3] for r in covering)
        text = body[start:end]
        if text == "\r":
            parts.append(format_html('<span class="seg cr" data-start="{}"></span>', start))
            continue
        parts.append(
            format_html(
                '<span class="seg {}" data-start="{}"{}>{}</span>',
                classes,
                start,
                format_html(' title="{}"', titles) if titles else "",
                escape(text),
            )
        )
    return mark_safe("".join(str(part) for part in parts))
