"""Where a curated record stands in review: readers see verified records only."""

from django.db import models


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    NEEDS_REVIEW = "needs_review", "Needs review"
    VERIFIED = "verified", "Verified"
