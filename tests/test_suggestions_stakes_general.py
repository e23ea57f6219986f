"""
Stakes from families of wording rather than single sentences, each family on several sentences
written for it, in English and French, with other companies and verbs: a share reached by buying
another from a seller, holdings told in an apposition, the rest of a capital, ratios shared out
between holders, and sentences that state no stake.
"""

import pytest

from .test_suggestions_deals_wording import known, proposals, share  # noqa: F401

pytestmark = pytest.mark.django_db


def stakes_of(body, language):
    return sorted(
        (f["holder"], f["target"], share(f), f["status"])
        for f in proposals(body, language, "stake")
    )


# -- A share reached by buying another from a seller: the seller sells the share bought, the
# buyer ends with the share reached, and the share bought is no stake of its own ---------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital porte sa participation dans Pellucell de 20 % à 35 %, en rachetant 15 % "
         "du capital au fonds Halden Fonds.", "fr",
         [("fjord-kapital", "pellucell", 35, "announced"),
          ("halden-fonds", "pellucell", 15, "divested")]),
        ("Fjord Kapital a porté sa part dans Pellucell à 40 % en achetant 10 % du capital à "
         "Halden Fonds.", "fr",
         [("fjord-kapital", "pellucell", 40, "completed"),
          ("halden-fonds", "pellucell", 10, "divested")]),
        ("Fjord Kapital raised its stake in Pellucell to 30%, buying a further 12% from "
         "Halden Fonds.", "en",
         [("fjord-kapital", "pellucell", 30, "completed"),
          ("halden-fonds", "pellucell", 12, "divested")]),
    ],
)  # fmt: skip
def test_a_share_reached_by_buying_from_a_seller(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)
