"""
The machine's proposals an editor accepted at the desk, so that a proposal is accepted once.

The desk lists what the suggestions engine proposes for an article each time it is drawn, and the
engine proposes the same things again after they are accepted. Each proposal has a fingerprint
(``sourcing.desk.fingerprints``); accepting it stores one row here, in the transaction that
creates its records, and a second acceptance of the same fingerprint, from another tab or
another editor, fails on the unique constraint instead of creating a duplicate. The row names the
records created, so the desk can link to them and show their current values.
"""

from django.conf import settings
from django.db import models

from .articles import Article


class AcceptedProposal(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="accepted")
    fingerprint = models.CharField(max_length=64)
    # What was proposed, for the panel once the engine no longer proposes it (a new plant,
    # once created, is a known one).
    kind = models.CharField(max_length=20, blank=True)
    quote = models.TextField(blank=True)
    # [{"model": "sourcing.stake", "id": 12}, ...]: the records the acceptance created, or the
    # one it attached the passage to. A record deleted since is simply not found.
    records = models.JSONField(default=list)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "accepted proposal"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "fingerprint"], name="one_acceptance_per_proposal"
            )
        ]

    def __str__(self):
        return f"Proposal {self.fingerprint[:12]} of article {self.article_id}"
