"""Choices and the abstract base shared by every module of the data model."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ..search import fold_for_search

PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    FRENCH = "fr", "French"
    GERMAN = "de", "German"
    JAPANESE = "ja", "Japanese"
    CHINESE = "zh", "Chinese"


class QuantityQualifier(models.TextChoices):
    """How a source bounds a figure: "over 20%" is not "20%"."""

    EXACT = "exact", "Exactly"
    ABOUT = "about", "About / equivalent of"
    OVER = "over", "Over"
    AT_LEAST = "at_least", "At least"
    UP_TO = "up_to", "Up to"
    UNDER = "under", "Under"


class Versioned(models.Model):
    """
    A row editors change: ``version`` goes up on every save, so a form opened on an older version
    is refused on save and two editors never overwrite each other silently.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)


class Alias(Versioned):
    """
    Another name a source uses for a record, in the language it uses it ("le Losange" for
    Renault Group, "la gigafactory Verkor de Dunkerque"). Concrete aliases add the ForeignKey,
    named ``aliases`` on the record's side, that ``NamedQuerySet.search`` follows.
    """

    name = models.CharField(max_length=200)
    language = models.CharField(
        max_length=8, choices=Language.choices, blank=True, help_text="Blank: any language."
    )
    search_name = models.CharField(max_length=200, editable=False, db_index=True)

    factual_fields = ("name",)
    # An alias needs no citation of its own: a passage of its record that prints it states it.
    stated_when_quoted = ("name",)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold_for_search(self.name)
        super().save(*args, **kwargs)
