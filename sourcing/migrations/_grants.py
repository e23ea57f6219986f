"""
What the data migrations that add an edited model do to the editorial groups (0002): give them
the new model's permissions. Migrations call it with the historical models they are given, and
it reads nothing of today's models, so each migration keeps doing what it did when it was written.
The loader takes no module whose name starts with "_" for a migration.
"""

from django.contrib.auth.management import create_permissions

EDITORS_AND_REVIEWERS = ("Editors", "Reviewers")


def edit_permissions(model_name):
    """Editing a model: every permission on it, and changing and viewing its history (0002)."""
    return [
        *(f"{action}_{model_name}" for action in ("add", "change", "delete", "view")),
        *(f"{action}_historical{model_name}" for action in ("change", "view")),
    ]


def grant(apps, schema_editor, grants, what):
    """
    Give each group named in ``grants`` (group name: codenames) its permissions of the sourcing
    app. A permission missing from the database is an error naming ``what``.
    """
    db = schema_editor.connection.alias
    app_config = apps.get_app_config("sourcing")
    # As in 0002: permissions are otherwise created only after the last migration has run.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {codename for codenames in grants.values() for codename in codenames}
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.using(db).filter(
            content_type__app_label="sourcing", codename__in=wanted
        )
    }
    if len(permissions) != len(wanted):
        raise RuntimeError(f"{what} permissions are missing.")
    for group in Group.objects.using(db).filter(name__in=grants):
        group.permissions.add(*(permissions[codename] for codename in grants[group.name]))
