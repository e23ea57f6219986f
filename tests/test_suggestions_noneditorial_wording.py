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


# -- Lines pointing readers to the publisher's site, offers of a letter, credits, copyright ------


@pytest.mark.parametrize(
    "line",
    [
        "Find all our plant profiles at cellweekly.example/plants",
        "Visit grid-storage-news.example for daily coverage",
        "Follow us on LinkedIn and on cellweekly.example",
        "More interviews at https://cellweekly.example/interviews",
        "Retrouvez toutes nos enquêtes sur industrie-sud.example/enquetes",
        "Découvrez notre dossier spécial batteries sur energies-ouest.example",
        "Suivez-nous sur LinkedIn : linkedin.com/company/energies-ouest",
        "Consultez nos archives sur www.lettre-metaux.example",
        "Receive the Friday letter of Cell Markets: free registration at cellmarkets.example",
        "Recevez chaque vendredi la lettre Métaux Verts : inscription gratuite",
        "Recevez la lettre hebdomadaire des usines : c'est gratuit",
        "© 2026 Cell Weekly. All rights reserved.",
        "Tous droits réservés – Énergies de l'Ouest 2026",
        "Photo: Norda Energy / handout",
        "Crédit photo : Acme Cells",
        "Tags: batteries, lithium, Finland",
        "Mots-clés : batteries, lithium, Espagne",
        "Advertisement",
        "Publicité",
    ],
)
def test_site_furniture_is_navigation(line):
    assert parts(line) == [("navigation", line)]


@pytest.mark.parametrize(
    "line",
    [
        # Sentences of the article that name a site, a letter, a photo or a right.
        "The company will publish the results on its website, acme.example, in March.",
        "Acme Cells said it would find a buyer for the plant at its Vierzon site before 2027.",
        "Norda Energy received a letter of intent from a carmaker last week.",
        "Le groupe a reçu la lettre du ministère confirmant l'aide de 40 millions d'euros.",
        "Acme Cells retrouve ses droits sur le brevet, selon le tribunal de Lyon.",
        "Visitors to the plant in Vierzon will see the first line running from 2027.",
        "The photo of the site shows the first hall finished.",
    ],
)
def test_a_sentence_of_the_article_is_no_furniture(line):
    assert parts(line) == []


def test_a_caption_that_tells_news_is_read_as_text():
    line = "Photo: the first hall of the Vierzon plant, which Acme Cells will open in 2027"
    assert parts(line) == []
