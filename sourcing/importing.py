"""
Taking documents in as articles: one set of rules for the ``import_article`` command and the
admin's intake page.

A file (text, web page or PDF) is read by ``sourcing.documents``. What the editor gives (title,
language, date, publisher, authors, address) wins; where they give nothing, what the document
says about itself is used, and the article's notes say which values came from it. A document is
refused, with a message saying why and nothing stored, when the file is over
``ARTICLE_MAX_BYTES`` or cannot be read (``DocumentError``), when its language is unknown or not
one an article can have, when the same file or the same text is already an article (naming it),
or when another document already goes by its file name.

Each document is stored whole or not at all (``store``): the article, the page headers and
footers the reader found (as non-editorial spans of kind boilerplate: they are not the
publisher's reporting and must not be cited; an editor removes a span the reader got wrong) and
its original, the file's bytes in storage, in one transaction; the stored file is removed again
if that transaction fails.
"""

import hashlib
import stat
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from .documents import Document, DocumentError, read_document
from .import_metadata import Given, Refused, article_fields
from .models import Article, NonEditorialSpan, Original
from .seeding import describe_validation_error

IMPORT_CHANGE_REASON = "import_article"
PASTED_LABEL = "The pasted text"


@dataclass
class Received:
    """A file as received: ``label`` names it in messages, ``name`` becomes its file name."""

    label: str
    name: str
    data: bytes
    declared_type: str = ""  # as an upload's browser declared it

    @classmethod
    def from_path(cls, path):
        refusal = refusal_before_reading(path)
        if refusal:
            raise Refused(refusal)
        try:
            return cls(str(path), path.name, path.read_bytes())
        except OSError as error:
            raise Refused(f"cannot be read ({error.strerror or error})") from None

    @classmethod
    def from_upload(cls, upload):
        refusal = file_size_problem(upload.size)  # before the upload is read
        if refusal:
            raise Refused(refusal)
        return cls(upload.name, upload.name, upload.read(), upload.content_type or "")

    @classmethod
    def pasted(cls, text):
        return cls(PASTED_LABEL, pasted_name(text), text.encode("utf-8"), "text/plain")

    @cached_property
    def sha256(self):
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Prepared:
    """A document read and checked, and its article, valid but not saved yet."""

    received: Received
    document: Document
    article: Article


def pasted_name(text):
    """A file name for pasted text: derived from the text, so the same text gets the same one."""
    return f"pasted-{Article.hash_body(text)[:12]}.txt"


def file_size_problem(size):
    """Why a file of ``size`` bytes cannot be taken in; None if it can be."""
    return Article.size_problem(size, what="file", advice="")


def refusal_before_reading(path):
    """
    Why the file cannot be an article, known from its size and kind alone; None if it may be.
    A 20 MB file used to be read whole before anything said no; a pipe never ends at all.
    """
    try:
        status = path.stat()
    except OSError:
        return None  # reading it says why it cannot be read
    if stat.S_ISDIR(status.st_mode):
        return None  # likewise: "cannot be read (Is a directory)"
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file (a device, pipe or socket cannot be imported)"
    return file_size_problem(status.st_size)


def read(received):
    """The ``Document`` in ``received``, or ``Refused`` saying why it cannot be read."""
    refusal = file_size_problem(len(received.data))
    if refusal:
        raise Refused(refusal)
    try:
        return read_document(received.data, received.name, received.declared_type)
    except DocumentError as error:
        raise Refused(str(error)) from None


def prepare(received, given=None):
    """The ``Prepared`` article for ``received`` with what the editor ``given``, or ``Refused``."""
    refuse_known_file(received)
    document = read(received)
    article = Article(**article_fields(document, given or Given(), received.name))
    refuse_known_text(article)
    try:
        # The hash is computed on save; the checks above already cover its uniqueness.
        article.full_clean(exclude=["content_hash"])
    except ValidationError as error:
        raise Refused(describe_validation_error(error)) from None
    return Prepared(received, document, article)


def refuse_known_file(received):
    original = Original.objects.filter(sha256=received.sha256).select_related("article").first()
    if original is not None:
        article = original.article
        raise Refused(
            f"the same file is already the original of article {article.pk} “{article}” "
            f"(imported from {original.filename})"
        )


def refuse_known_text(article):
    existing = Article.objects.filter(content_hash=Article.hash_body(article.body)).first()
    if existing is not None:
        raise Refused(
            f"the same text is already article {existing.pk} “{existing}” "
            f"(imported from {existing.source_filename})"
        )
    existing = Article.objects.filter(source_filename=article.source_filename).first()
    if existing is not None:
        raise Refused(
            f"a different document named {article.source_filename} is already article "
            f"{existing.pk} “{existing}”; rename the file to import it"
        )


def store(prepared):
    """
    Save the prepared article with its spans and its original, all or nothing; ``Refused`` if
    another import stored the same document (or one of the same name) since it was prepared.
    """
    stored = []  # the file's name in storage, once written
    try:
        with transaction.atomic():
            article = prepared.article
            article._change_reason = IMPORT_CHANGE_REASON
            article.save()
            mark_proposed_spans(article, prepared.document)
            keep_original(article, prepared, stored)
    except IntegrityError:
        remove_stored(stored)
        raise Refused(
            "another import stored the same document, or one of the same name, at the same "
            "moment; nothing was stored for this one"
        ) from None
    except BaseException:
        remove_stored(stored)
        raise
    return article


def mark_proposed_spans(article, document):
    for start, end, kind in document.non_editorial:
        span = NonEditorialSpan(article=article, kind=kind, start=start, end=end)
        span._change_reason = IMPORT_CHANGE_REASON
        span.save()


def keep_original(article, prepared, stored):
    received = prepared.received
    original = Original(
        article=article,
        filename=received.name,
        media_type=prepared.document.media_type,
        size=len(received.data),
        sha256=received.sha256,
    )
    # The storage name comes from the hash (``storage_name``), not from this one.
    original.file.save(received.name, ContentFile(received.data), save=False)
    stored.append((original.file.storage, original.file.name))
    original.save()


def remove_stored(stored):
    for storage, name in stored:
        storage.delete(name)
