from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db.models.signals import pre_save
from django.dispatch import receiver
from simple_history.manager import HistoryManager

from .models import Citation
from .seeding.ownership import canonical_values, ownership_of, still_as_written
from .seeding.sources import describe_validation_error

FOR_AN_EMPTY_DATABASE = (
    "the fixture is for an empty database — use `python manage.py seed`, which keeps editors' "
    "changes."
)


# Connected before the citation check below, so that loading over an edited database is reported
# as that, not as whichever of its consequences a receiver happens to meet first.
@receiver(pre_save)
def refuse_to_overwrite_edited_rows(sender, instance, raw, using, **kwargs):
    """
    ``loaddata`` saves raw, over whatever row has the same primary key: on a database in use it
    would silently undo editors' work. It may only write over a row that the seed (or the seed
    fixture) wrote, that nobody has changed since, and that holds the same values: loading the
    fixture again is then harmless. The seed's ownership records tell, as they tell ``seed``;
    history, which may be pruned, does not. CommandError: loaddata passes it on as it is and
    manage.py prints it without a traceback.
    """
    if not raw or not isinstance(getattr(sender, "history", None), HistoryManager):
        return
    stored = sender._base_manager.using(using).filter(pk=instance.pk).first()
    ownership = ownership_of(stored or instance, using)
    name = f"{sender._meta.verbose_name} {instance.pk}"
    if stored is None:
        if ownership is not None:
            raise CommandError(
                f"loaddata would bring back {name} (“{instance}”), which was deleted after it "
                f"was loaded; {FOR_AN_EMPTY_DATABASE}"
            )
        refuse_duplicates(instance, name, using)
        return
    if ownership is None:
        raise CommandError(
            f"loaddata would overwrite {name} (“{stored}”), which the seed did not write; "
            f"{FOR_AN_EMPTY_DATABASE}"
        )
    if not still_as_written(stored, ownership):
        raise CommandError(
            f"loaddata would overwrite {name} (“{stored}”), which has been edited since it was "
            f"loaded; {FOR_AN_EMPTY_DATABASE}"
        )
    fields = [f for f in ownership.fields if not sender._meta.get_field(f).many_to_many]
    if canonical_values(instance, fields) != canonical_values(stored, fields):
        raise CommandError(
            f"loaddata would overwrite {name} (“{stored}”) with a different row "
            f"(“{instance}”); {FOR_AN_EMPTY_DATABASE}"
        )


def refuse_duplicates(instance, name, using):
    """A new row that would collide with another one's unique values: say so, not IntegrityError."""
    instance._state.db = using
    try:
        instance.validate_unique()
        instance.validate_constraints()  # unique among published records (a company's slug)
    except ValidationError as error:
        raise CommandError(
            f"loaddata cannot add {name} (“{instance}”): "
            f"{describe_validation_error(error).rstrip('.')}; "
            f"{FOR_AN_EMPTY_DATABASE}"
        ) from None


@receiver(pre_save, sender=Citation)
def verify_fixture_citation(sender, instance, raw, **kwargs):
    """
    ``loaddata`` saves raw, skipping ``Citation.save()``: check its stored offsets instead, so a
    fixture cannot bring in a citation whose quote is not where it says.
    """
    if not raw:
        return
    problems = instance.check_stored_offsets()
    if problems:
        # CommandError, like the check above: one clear line from manage.py, no traceback.
        raise CommandError(
            f"Citation {instance.pk} of article {instance.article_id} "
            f"({instance.article.source_filename}) does not verify: {'; '.join(problems)}"
        )
