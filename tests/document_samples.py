"""
Documents made for the document-reading tests (tests/test_documents_*.py): PDFs typeset here with
fpdf2, line by line, so that the tests know where each line breaks, which words are hyphenated
at a line end and where the pages turn; encrypted copies made with pypdf; a scan-like PDF that is
only an image. The web pages are files in tests/documents/, to be opened in a browser as well.
"""

import datetime
import io
from pathlib import Path

import pypdf
from fpdf import FPDF
from PIL import Image, ImageDraw

PAGES_DIR = Path(__file__).parent / "documents"

# Marks where a page ends inside the list of a paragraph's lines.
PAGE_BREAK = object()

BODY, HEADING, TITLE = (10, ""), (11, "B"), (15, "B")
MARGIN, TOP, HEADER_Y, FOOTER_Y = 18, 30, 12, 200  # millimetres on an A5 page
PARAGRAPH_SPACE = 3.5
RUNNING_HEAD = "Halden Materials · Press release"

# A press release over three pages. A sentence runs over each page break (the second one inside
# a word hyphenated at the end of a page); "invest-ment" is joined because "investment" occurs
# elsewhere, "agree-ments" because "agree-ments" occurs nowhere else, "lithium-ion" keeps its
# hyphen because only that form occurs elsewhere, and "Franco-German" because of its capital.
PRESS_RELEASE = [
    (TITLE, ["Halden Materials picks Kokkola for its", "second precursor plant"]),
    (
        BODY,
        [
            "Kokkola, Finland, 3 October 2024 – Halden Materials",
            "will build its second plant for precursor cathode",
            "active material (pCAM) in Kokkola, the company said",
            "today. The plant is designed for 40,000 tonnes a",
            "year and is expected to start production in 2027.",
        ],
    ),
    (
        BODY,
        [
            "Halden puts the total invest-",
            "ment at €620 million. The investment includes a",
            "water treatment unit and a rail siding, and will",
            "be financed with equity, a green loan and a grant",
            "from the Finnish state.",
        ],
    ),
    (
        BODY,
        [
            "Precursor from Kokkola will go to lithium-",
            "ion cell makers in the Nordic countries and in",
            "Germany. Two customers have signed offtake agree-",
            PAGE_BREAK,
            "ments covering about half of the first phase, and",
            "talks on the rest are under way.",
        ],
    ),
    (
        BODY,
        [
            "Construction will be led by a Franco-",
            "German consortium and should employ up to 600",
            "people at its peak. Once running, the plant will",
            "employ 240 people, most of them recruited locally",
            "through a training programme with the Centria",
            PAGE_BREAK,
            "University of Applied Sciences.",
        ],
    ),
    (
        BODY,
        [
            "“Kokkola has the chemicals, the port and the clean",
            "power that a lithium-ion supply chain needs,” said",
            "chief executive Anna Virtanen. “Its people know",
            "how to run a chemical plant safely.”",
        ],
    ),
    (HEADING, ["About Halden Materials"]),
    (
        BODY,
        [
            "Halden Materials makes battery materials in Finland",
            "and Sweden. It employs 1,100 people.",
        ],
    ),
]
PRESS_RELEASE_SENTENCES = [
    "Halden Materials picks Kokkola for its second precursor plant",
    "Kokkola, Finland, 3 October 2024 – Halden Materials will build its second plant for "
    "precursor cathode active material (pCAM) in Kokkola, the company said today.",
    "The plant is designed for 40,000 tonnes a year and is expected to start production in 2027.",
    "Halden puts the total investment at €620 million.",
    "The investment includes a water treatment unit and a rail siding, and will be financed with "
    "equity, a green loan and a grant from the Finnish state.",
    "Precursor from Kokkola will go to lithium-ion cell makers in the Nordic countries and in "
    "Germany.",
    "Two customers have signed offtake agreements covering about half of the first phase, and "
    "talks on the rest are under way.",
    "Construction will be led by a Franco-German consortium and should employ up to 600 people "
    "at its peak.",
    "Once running, the plant will employ 240 people, most of them recruited locally through a "
    "training programme with the Centria University of Applied Sciences.",
    "“Kokkola has the chemicals, the port and the clean power that a lithium-ion supply chain "
    "needs,” said chief executive Anna Virtanen.",
    "“Its people know how to run a chemical plant safely.”",
    "About Halden Materials",
    "Halden Materials makes battery materials in Finland and Sweden.",
    "It employs 1,100 people.",
]
PRESS_RELEASE_INFO = {
    # What a word processor leaves in a PDF's title field: the file's name.
    "title": "Microsoft Word - PR-2024-17.docx",
    "author": "Halden Materials Communications",
    # The file was made the day before the dateline's date.
    "created": datetime.datetime(2024, 10, 2, 16, 5, tzinfo=datetime.UTC),
}


def typeset_pdf(blocks, info=None, language=None, running_head=RUNNING_HEAD):
    """
    A PDF of ``blocks`` ((size, style), lines), each line drawn where typeset, a blank space
    between blocks, the running head above and "Page n of N" below the text of every page.
    """
    pages = paginate(blocks)
    pdf = FPDF(format=(148, 210))  # A5
    pdf.core_fonts_encoding = "windows-1252"  # the curly quotes, dashes and euro sign
    pdf.set_auto_page_break(False)
    if info:
        pdf.set_title(info["title"])
        pdf.set_author(info["author"])
        pdf.set_creation_date(info["created"])
    if language:
        pdf.set_lang(language)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if running_head:
            pdf.set_font("helvetica", "", 8)
            pdf.text(MARGIN, HEADER_Y, running_head)
        for (size, style), text, y in lines:
            pdf.set_font("helvetica", style, size)
            pdf.text(MARGIN, y, text)
        if running_head:
            pdf.set_font("helvetica", "", 8)
            pdf.text(MARGIN, FOOTER_Y, f"Page {number} of {len(pages)}")
    return bytes(pdf.output())


def paginate(blocks):
    """Each page's lines as (font, text, baseline) in millimetres from the top."""
    pages, y = [[]], TOP
    for font, lines in blocks:
        for line in lines:
            if line is PAGE_BREAK:
                pages.append([])
                y = TOP
                continue
            pages[-1].append((font, line, y))
            y += font[0] * 0.5  # a line spacing of 1.4 times the font size
        y += PARAGRAPH_SPACE
    return pages


def press_release_pdf():
    return typeset_pdf(PRESS_RELEASE, info=PRESS_RELEASE_INFO)


def encrypted_copy(data, user_password, owner_password="owner secret"):
    """``data`` encrypted with AES-256; an empty user password opens it without asking."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def scanned_pdf(pages=2):
    """A PDF whose pages are pictures of text, as a scanner makes them: no text layer at all."""
    pdf = FPDF(format=(148, 210))  # A5
    for number in range(pages):
        picture = Image.new("L", (874, 1240), color=255)
        draw = ImageDraw.Draw(picture)
        for row in range(30):
            draw.text((80, 90 + 36 * row), f"Line {row} of a scanned page {number}", fill=0)
        pdf.add_page()
        pdf.image(picture, x=0, y=0, w=148)
    return bytes(pdf.output())


def page(name):
    return (PAGES_DIR / name).read_bytes()
