"""
The lines of a PDF page as drawn. pypdf reads the text layer in the order it is drawn and tells
where each piece of text goes; the pieces are gathered into lines that keep their position and
font size, which the layout rules (``pdf_layout``) need to tell paragraphs, headings and page
furniture apart.
"""

import math
from collections import Counter
from dataclasses import dataclass


@dataclass
class Line:
    text: str
    x: float  # left edge, in points from the page's left
    y: float  # baseline, in points from the page's bottom
    size: float  # font size of most of its characters as drawn, in points


def page_lines(page):
    """The non-blank lines of a pypdf page, in the order pypdf reads them."""
    builder = LineBuilder()
    page.extract_text(visitor_text=builder.visit)
    builder.end_line()
    return builder.lines


class LineBuilder:
    def __init__(self):
        self.lines = []
        self.pieces = []
        self.origin = None  # (x, y) of the line's first visible piece
        # Characters in each font size: the line's size is its text's, not its bullet's.
        self.sizes = Counter()

    def visit(self, text, cm, tm, font_dict, font_size):
        matrix = multiply(tm, cm)
        x, y = matrix[4], matrix[5]
        size = font_size * math.hypot(matrix[2], matrix[3])
        for number, piece in enumerate(text.split("\n")):
            if number:
                self.end_line()
            if not piece.strip():
                self.pieces.append(piece)
                continue
            if self.origin is None:
                self.origin = (x, y)
            elif number == 0 and abs(y - self.origin[1]) > 0.5 * size:
                # pypdf usually says where a line ends; a piece on another baseline is a new line.
                self.end_line()
                self.origin = (x, y)
            self.pieces.append(piece)
            self.sizes[round(size, 1)] += len(piece.strip())

    def end_line(self):
        text = " ".join("".join(self.pieces).split())
        if text and self.origin is not None:
            self.lines.append(Line(text, *self.origin, self.sizes.most_common(1)[0][0]))
        self.pieces, self.origin, self.sizes = [], None, Counter()


def multiply(first, second):
    """The product of two PDF transformation matrices [a b c d e f]."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = second
    return [
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    ]
