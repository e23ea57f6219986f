"""
A PDF's lines laid out as an article's text: lines wrapped inside a paragraph joined with a space,
a word hyphenated at a line end joined again, a blank line between paragraphs, and the lines
repeated at the top or bottom of most pages (running heads, page numbers) kept, each block as a
paragraph of its own, but returned as spans proposed as non-editorial.

Running heads and footers sit between two pages' text. Where a paragraph runs over the page
break, they are set after that paragraph rather than inside it, so its sentences stay whole and
can be quoted as they read.
"""

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from .document import BOILERPLATE, Span

# How many lines at each edge of a page may be running heads or footers.
EDGE_LINES = 2
# A wider gap between lines than this many times the usual spacing starts a paragraph.
PARAGRAPH_GAP = 1.3
# A line starting this many font sizes right of its paragraph's left edge is an indented first line.
INDENT = 0.8
# A paragraph in a font this much larger than the body's, on the first page, is the headline.
HEADLINE_SCALE = 1.15
HEADLINE_MAX_CHARACTERS = 300

# A list item starts a paragraph of its own.
BULLET = re.compile(r"^[•◦▪▫▸►‣∙●○■□]")
SENTENCE_END = re.compile(r"[.!?…][\"”»’)\]]*$")
HYPHENATED_END = re.compile(r"([^\W\d_]+)[-\u2010]$")
LEADING_WORD = re.compile(r"[^\W\d_]+")
ATTACHED_DASH_END = re.compile(r"\w[-\u2010\u2013]$")
WORDS = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
SOFT_HYPHEN = "\u00ad"


@dataclass
class Paragraph:
    page: int
    lines: list = field(default_factory=list)
    furniture: bool = False

    @property
    def left(self):
        return min(line.x for line in self.lines)


@dataclass
class Layout:
    text: str
    non_editorial: list
    headline: str | None


def lay_out(pages):
    """The ``Layout`` of a document given as the lines (``pdf_lines.Line``) of each page."""
    furniture = running_lines(pages)
    body_lines = [line for lines in pages for line in lines if id(line) not in furniture]
    vocabulary = Counter(
        word.casefold() for line in body_lines for word in WORDS.findall(line.text)
    )
    paragraphs = assemble(pages, furniture, LineSpacing(pages, furniture))
    texts = [
        "\n".join(line.text for line in paragraph.lines)
        if paragraph.furniture
        else join_lines(paragraph.lines, vocabulary)
        for paragraph in paragraphs
    ]
    text, spans, offset = "\n\n".join(texts), [], 0
    for paragraph, block in zip(paragraphs, texts, strict=True):
        if paragraph.furniture:
            spans.append(Span(offset, offset + len(block), BOILERPLATE))
        offset += len(block) + 2
    return Layout(text, spans, headline(paragraphs, texts, body_lines))


def running_lines(pages):
    """
    ids of the lines that are page furniture: among the lines nearest each page's top and
    bottom, those whose text, with numbers taken out ("Page 3 of 5"), recurs on more than half
    of the pages (and on two at least).
    """
    edges = []
    for lines in pages:
        by_height = sorted(lines, key=lambda line: -line.y)
        edges.append(by_height[:EDGE_LINES] + by_height[EDGE_LINES:][-EDGE_LINES:])
    pages_with = Counter(key for lines in edges for key in {edge_key(line) for line in lines})
    recurring = {key for key, count in pages_with.items() if count >= 2 and 2 * count > len(pages)}
    return {id(line) for lines in edges for line in lines if edge_key(line) in recurring}


def edge_key(line):
    """The same line on another page: the same words, numbers aside, in the same type size."""
    return re.sub(r"\d+", "#", " ".join(line.text.casefold().split())), round(line.size)


class LineSpacing:
    """The usual distance between the lines of a paragraph, for each font size in the document."""

    def __init__(self, pages, furniture):
        gaps = {}
        for lines in pages:
            body = [line for line in lines if id(line) not in furniture]
            for above, below in zip(body, body[1:], strict=False):
                gap = above.y - below.y
                if same_size(above, below) and 0.5 * above.size < gap < 3 * above.size:
                    gaps.setdefault(round(above.size), []).append(gap)
        self.usual = {size: statistics.median(values) for size, values in gaps.items()}

    def of(self, line):
        return self.usual.get(round(line.size), 1.2 * line.size)


def same_size(first, second):
    # Sizes drawn through a scaling matrix differ in their last decimals; a heading set one
    # point above 10-point text differs by 10%.
    return abs(first.size - second.size) <= 0.05 * max(first.size, second.size)


def assemble(pages, furniture, spacing):
    """Paragraphs in reading order, each page's furniture after the paragraph it interrupts."""
    paragraphs, waiting, current = [], [], None
    for number, lines in enumerate(pages):
        body = [line for line in lines if id(line) not in furniture]
        edges = [line for line in lines if id(line) in furniture]
        top = max((line.y for line in body), default=float("inf"))
        head = [line for line in edges if line.y > top]
        foot = [line for line in edges if line.y <= top]
        if head:
            waiting.append(Paragraph(number, head, furniture=True))
        for index, line in enumerate(body):
            if current is None or starts_paragraph(current, line, index == 0, spacing):
                if current is not None:
                    paragraphs.append(current)
                paragraphs.extend(waiting)
                waiting, current = [], Paragraph(number)
            current.lines.append(line)
        if foot:
            waiting.append(Paragraph(number, foot, furniture=True))
    return paragraphs + ([current] if current else []) + waiting


def starts_paragraph(paragraph, line, first_on_page, spacing):
    previous = paragraph.lines[-1]
    if first_on_page:
        # Across a page break only the words tell: a sentence left open continues.
        return bool(SENTENCE_END.search(previous.text)) and not line.text[:1].islower()
    if not same_size(previous, line) or BULLET.match(line.text):
        return True  # a heading, a standfirst, a caption, a list item
    gap = previous.y - line.y
    if gap < -0.5 * line.size or gap > PARAGRAPH_GAP * spacing.of(previous):
        return True  # a new column, or the space left between paragraphs
    indented = line.x > paragraph.left + INDENT * line.size
    return indented and bool(SENTENCE_END.search(previous.text))


def join_lines(lines, vocabulary):
    text = lines[0].text
    for line in lines[1:]:
        text = join_pair(text, line.text, vocabulary)
    return text


def join_pair(left, right, vocabulary):
    """
    Two lines of a paragraph joined. A hyphen at the end of the first, between two lower-case
    parts of a word, is typesetting when the document itself says so: it is dropped when the
    joined word occurs elsewhere in the document ("expan-" "sion", with "expansion" on another
    line) or when the hyphenated form does not (a word cut by the typesetter is not written
    hyphenated anywhere else); it is kept when only the hyphenated form occurs ("lithium-ion").
    A hyphen or dash before a capital or a digit ("Mercedes-Benz", "2023–2024") is always kept.
    """
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right  # a soft hyphen is, by definition, only where a line broke
    hyphenated = HYPHENATED_END.search(left)
    following = LEADING_WORD.match(right)
    if hyphenated and following and right[:1].islower():
        first, second = hyphenated.group(1), following.group()
        joined_known = vocabulary[(first + second).casefold()] > 0
        hyphenated_known = vocabulary[f"{first}-{second}".casefold()] > 0
        return left[:-1] + right if joined_known or not hyphenated_known else left + right
    if ATTACHED_DASH_END.search(left) and right[:1].isalnum():
        return left + right
    return f"{left} {right}"


def headline(paragraphs, texts, body_lines):
    """The first page's paragraph in the largest font, if that font is larger than the body's."""
    sizes = Counter()
    for line in body_lines:
        sizes[round(line.size, 1)] += len(line.text)
    if not sizes:
        return None
    body_size = sizes.most_common(1)[0][0]
    candidates = [
        (paragraph.lines[0].size, -index)
        for index, paragraph in enumerate(paragraphs)
        if paragraph.page == 0
        and not paragraph.furniture
        and paragraph.lines[0].size >= HEADLINE_SCALE * body_size
        and len(texts[index]) <= HEADLINE_MAX_CHARACTERS
    ]
    if not candidates:
        return None
    return texts[-max(candidates)[1]]
