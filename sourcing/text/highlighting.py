"""
An article body as HTML with its cited passages highlighted: shared by the public source view and
the admin's article page.

Citations may overlap one another (two records citing parts of one sentence) and, in data that
escaped validation, non-editorial spans. HTML elements cannot overlap, so the text is cut at every
range boundary and the ranges are emitted as properly nested elements: when an inner element
outlives an outer one, it is closed and reopened as a continuation (without the ``id``).
"""

from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


@dataclass(eq=False)  # identity, not field equality: two ranges may look alike
class _Range:
    start: int
    end: int
    citation: object = None  # a Citation, or None for a non-editorial span
    span: object = None
    opened: bool = field(default=False)

    @property
    def order(self):
        # Longer ranges outside shorter ones; non-editorial spans outside citations.
        return (-self.end, self.citation is not None, self.start)


def highlight_body(article, citations, link_for=None, label_for=None, non_editorial_spans=None):
    """
    ``article.body`` as escaped HTML in which each of ``citations`` is a ``<mark
    id="citation-<pk>">`` and each non-editorial span a labelled ``<span class="non-editorial">``.

    ``link_for(citation)`` gives the URL of the record citing the passage (or None): a small
    link to it follows the passage. ``label_for(citation)`` gives a tooltip naming that record.
    ``non_editorial_spans`` defaults to the article's own. Offsets outside the body are clipped.
    """
    body = article.body
    if non_editorial_spans is None:
        non_editorial_spans = article.non_editorial_spans.all()
    ranges = []
    for span in non_editorial_spans:
        start, end = max(span.start, 0), min(span.end, len(body))
        if start < end:
            ranges.append(_Range(start, end, span=span))
    for citation in citations:
        start, end = max(citation.start, 0), min(citation.end, len(body))
        if start < end:
            ranges.append(_Range(start, end, citation=citation))

    boundaries = sorted({0, len(body), *(r.start for r in ranges), *(r.end for r in ranges)})
    parts = []
    stack = []  # open ranges, outermost first
    for seg_start, seg_end in zip(boundaries, boundaries[1:], strict=False):
        active = [r for r in ranges if r.start <= seg_start and r.end >= seg_end]
        # Close down to the outermost open range that does not cover this segment.
        ending = next((i for i, r in enumerate(stack) if r not in active), len(stack))
        for r in reversed(stack[ending:]):
            parts.append(_close(r, finished=r.end <= seg_start, link_for=link_for))
        stack = stack[:ending]
        for r in sorted((r for r in active if r not in stack), key=lambda r: r.order):
            parts.append(_open(r, label_for))
            stack.append(r)
        parts.append(escape(body[seg_start:seg_end]))
    for r in reversed(stack):
        parts.append(_close(r, finished=True, link_for=link_for))
    return mark_safe("".join(str(part) for part in parts))


def _open(r, label_for):
    continued = r.opened
    r.opened = True
    if r.span is not None:
        kind = r.span.get_kind_display()
        tag = format_html(
            '<span class="non-editorial{}" data-kind="{}" title="{}: not editorial content">',
            " continued" if continued else "",
            r.span.kind,
            kind,
        )
        if not continued:
            tag += format_html(
                '<span class="non-editorial-label">{} — not editorial content</span>', kind
            )
        return tag
    label = label_for(r.citation) if label_for else ""
    if continued:
        return format_html('<mark class="citation continued" data-citation="{}">', r.citation.pk)
    return format_html(
        '<mark id="citation-{}" class="citation" data-citation="{}"{}>',
        r.citation.pk,
        r.citation.pk,
        format_html(' title="{}"', label) if label else "",
    )


def _close(r, finished, link_for):
    if r.span is not None:
        return mark_safe("</span>")
    url = link_for(r.citation) if (finished and link_for) else None
    link = (
        format_html('<sup class="citation-link"><a href="{}">[{}]</a></sup>', url, r.citation.pk)
        if url
        else ""
    )
    return format_html("{}</mark>", link)
