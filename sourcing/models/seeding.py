"""What the ``seed`` command wrote, so it can tell its own rows from editors' work."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class SeedOwnershipManager(models.Manager):
    def get_by_natural_key(self, app_label, model, object_id):
        return self.get(
            content_type=ContentType.objects.get_by_natural_key(app_label, model),
            object_id=object_id,
        )


class SeedOwnership(models.Model):
    """
    One row the seed created (or ``loaddata`` brought in from the seed fixture): the natural key
    the curation file names it by, and a fingerprint of the values the seed last wrote to it.

    The seed updates a row only while its values still match the fingerprint: any other change is
    an editor's and is kept. A row that is gone while its ownership stays was deleted by someone
    other than the seed (the seed removes the ownership of what it withdraws itself). This is
    written in the same transaction as the row, and never read from history, which may be pruned.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    # Canonical JSON of the natural key, references by primary key: how a renamed row is found.
    seeded_key = models.TextField()
    # The fields (and many-to-many relations) the fingerprint covers: those the seed wrote.
    fields = models.JSONField()
    fingerprint = models.CharField(max_length=64)

    objects = SeedOwnershipManager()

    class Meta:
        verbose_name = "seed ownership"
        verbose_name_plural = "seed ownerships"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_seed_ownership_per_row"
            ),
        ]

    def __str__(self):
        return f"seeded {self.content_type.app_label}.{self.content_type.model} {self.object_id}"

    def natural_key(self):
        return (*self.content_type.natural_key(), self.object_id)

    natural_key.dependencies = ["contenttypes.contenttype"]
