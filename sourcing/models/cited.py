"""The base of every row sources state on their own: what it cites, what is noted on its values."""

from django.contrib.contenttypes.fields import GenericRelation

from .articles import Citation
from .base import Versioned


class CitedRow(Versioned):
    """
    A row sources state on their own (a curated record, a capacity, a figure, a milestone, an
    agreement's party): the passages it cites, the notes on why each of its values is held and
    the reviewers' confirmations of them. Deleting the row deletes all three.
    """

    citations = GenericRelation(Citation)
    value_bases = GenericRelation("sourcing.ValueBasis")
    value_confirmations = GenericRelation("sourcing.ValueConfirmation")

    class Meta:
        abstract = True
