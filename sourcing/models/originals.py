"""
The original of an article: the file as it was received (a text file, a web page, a PDF), kept
byte for byte in file storage (``MEDIA_ROOT``, docs/operations.md) with its media type, size and
SHA-256, so that anyone checking a quote can go back to the document itself.

An original is written once, when its article is taken in, and never changed: it has no history
and no editing form. Only staff may download it (``may_download_originals``): the file is never
served as a public static file, and a stored web page must not run in the site's origin.
"""

from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse

from .articles import Article
from .curation import sees_drafts

# A stored file is named by its content, never by the name it came with (which may hold any
# character, or a path): originals/ab/ab12...ef.pdf.
EXTENSIONS = {"application/pdf": ".pdf", "text/html": ".html", "text/plain": ".txt"}


def storage_name(original, filename):
    sha = original.sha256
    return f"originals/{sha[:2]}/{sha}{EXTENSIONS.get(original.media_type, '')}"


def may_download_originals(user):
    """
    Whether ``user`` may download originals: the staff who see drafts (``sees_drafts``), so that
    the API's representations, and their ETags, vary by the same two kinds of reader.
    """
    return sees_drafts(user)


class Original(models.Model):
    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="original")
    file = models.FileField(upload_to=storage_name, max_length=255)
    filename = models.CharField(max_length=255, help_text="The file's name as it was received.")
    media_type = models.CharField(max_length=100, help_text="Read from the bytes, not the name.")
    size = models.PositiveBigIntegerField(help_text="In bytes.")
    # Unique: the same file received again is the same document, whatever its name.
    sha256 = models.CharField(max_length=64, unique=True, verbose_name="SHA-256")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "original document"
        verbose_name_plural = "original documents"

    def __str__(self):
        return f"{self.filename} ({self.media_type}, {self.size:,} bytes)"

    def get_absolute_url(self):
        """The staff-only download (``sourcing.pages.originals``)."""
        return reverse("pages:article-original", args=[self.article_id])


@receiver(post_delete, sender=Original)
def remove_stored_file(sender, instance, **kwargs):
    # Once the deletion is committed: a deletion rolled back must still find its file.
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
