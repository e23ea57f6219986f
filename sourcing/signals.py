from django.core.management.base import CommandError
from django.db.models.signals import pre_save
from django.dispatch import receiver
from simple_history.manager import HistoryManager

from .models import Citation


# Connected before the citation check below, so that loading over an edited database is reported
# as that, not as whichever of its consequences a receiver happens to meet first.
@receiver(pre_save)
def refuse_to_overwrite_edited_rows(sender, instance, raw, using, **kwargs):
    """
    ``loaddata`` saves raw, over whatever row has the same primary key: on a database in use it
    would silently undo editors' work and leave history describing data that is no longer there.

    A row that ``loaddata`` brought in has no history (raw saves record none), so loading the
    fixture again over it is harmless. A row with history was created or changed through the ORM,
    by the ``seed`` command or an editor, and is refused.
    """
    if not raw or not isinstance(getattr(sender, "history", None), HistoryManager):
        return
    stored = sender._default_manager.using(using).filter(pk=instance.pk).first()
    if stored is None:
        return
    pk_name = sender._meta.pk.attname
    if sender.history.using(using).filter(**{pk_name: instance.pk}).exists():
        # CommandError, which loaddata passes on as it is and manage.py prints without a traceback.
        raise CommandError(
            f"loaddata would overwrite {sender._meta.verbose_name} {instance.pk} (“{stored}”), "
            "which has been edited since it was loaded; the fixture is for an empty database — "
            "use `python manage.py seed`, which keeps editors' changes."
        )


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
