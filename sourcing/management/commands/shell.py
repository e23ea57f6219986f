from importlib import import_module

from django.core.management.commands import shell


def importable(dotted_path):
    module_path, _, name = dotted_path.rpartition(".")
    try:
        return hasattr(import_module(module_path), name)
    except ImportError:
        return False


class Command(shell.Command):
    """
    Django's shell, auto-importing every model that can be imported by its path.

    django-simple-history names the module of a history model defined in a submodule of
    ``sourcing.models`` as the app itself (``sourcing.HistoricalArticle``), where no such name
    exists, so Django's auto-import listed nine of them as "could not be automatically imported"
    on every start. They stay one step away: ``Article.history.model``.
    """

    def get_auto_imports(self):
        return [path for path in super().get_auto_imports() if importable(path)]
