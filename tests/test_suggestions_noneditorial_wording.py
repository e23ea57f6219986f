"""
Parts of a page that are not the publisher's reporting, in the wordings sites use in English and
French: sharing lines, newsletter offers, "read also" teasers and blocks, press contacts, comment
threads with their counted headers. Each on lines written for it.
"""

import pytest

from sourcing.suggestions import noneditorial

BODY = "Pellucell will build a cell plant in Vierzon.\n\n"


def parts(tail):
    text = BODY + tail
    return [(part.kind, text[part.start : part.end]) for part in noneditorial.detect(text)]


@pytest.mark.parametrize(
    "line",
    [
        "Share: LinkedIn · X · Email",
        "Partager : Facebook | X | LinkedIn | E-mail",
        "Facebook · LinkedIn · WhatsApp",
        "Share on LinkedIn",
        "Get Battery Weekly in your inbox every Monday: sign up here",
        "Recevez chaque lundi notre lettre Batteries & Mobilité",
        "Inscrivez-vous à notre newsletter quotidienne",
        "ALSO READ: Pellucell delays its second line",
        "LIRE AUSSI : Pellucell retarde sa deuxième ligne",
    ],
)
def test_a_sharing_newsletter_or_teaser_line_is_navigation(line):
    assert parts(line) == [("navigation", line)]


@pytest.mark.parametrize(
    "block",
    [
        "You may also like\nPellucell delays its second line\nMoravia Auto picks Spain",
        "Sur le même thème\nPellucell retarde sa deuxième ligne",
        "Related coverage\nPellucell delays its second line",
    ],
)
def test_a_teaser_header_alone_heads_its_block(block):
    assert parts(block + "\n\nA last paragraph of the page.") == [("navigation", block)]


@pytest.mark.parametrize(
    "block",
    [
        "For further information, please contact:\nJane Doe, +44 20 7946 0000, press@example.com",
        "Pour plus d'informations, contactez :\nMarie Dupont – 06 12 34 56 78",
    ],
)
def test_an_invitation_to_contact_heads_a_press_contact(block):
    assert parts(block) == [("press_contact", block)]


@pytest.mark.parametrize(
    "thread",
    [
        "Commentaires (3)\n\nJean\nEnfin !\nRépondre\n\nLuc\nEt les emplois ?\nRépondre",
        "Vos réactions (2)\n\nJean\nEnfin !\nSignaler un abus",
        "Reader comments\nAnna K · 2 days ago\nGreat news.\nLike · Reply",
    ],
)
def test_a_thread_runs_from_its_header_to_its_last_comment(thread):
    assert parts(thread) == [("reader_comments", thread)]


def test_a_sentence_of_the_article_about_comments_or_sharing_is_no_part():
    text = (
        "Pellucell will share its plans with the region next month.\n\n"
        "Comments from the minister were positive, and the plant will open in 2027."
    )
    assert noneditorial.detect(text) == []


@pytest.mark.parametrize(
    "thread",
    [
        "3 comments\n\nAnna K\nGreat news.\nReply | Flag\n\nTom\nWhen?\nReply | Flag",
        "2 réactions\n\nJean\nEnfin !\nRépondre / Alerter\n\nLuc\nEt les emplois ?\n"
        "Citer · Répondre",
    ],
)
def test_a_thread_ends_at_its_last_row_of_buttons(thread):
    assert parts(thread + "\n\nAbonnez-vous à notre newsletter") == [
        ("reader_comments", thread),
        ("navigation", "Abonnez-vous à notre newsletter"),
    ]
