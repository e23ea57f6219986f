"""
The two groups of the editorial workflow: "Editors" curate records and their citations; "Reviewers"
can do the same and, in addition, mark records verified.

Permissions are normally created by the post_migrate signal, after every migration has run, so on a
fresh database they do not exist yet when this migration runs: it creates them first, the way
post_migrate would. The lists are spelled out here rather than imported from the app, so that this
migration keeps meaning what it meant when it was written.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED_MODELS = [
    "article",
    "noneditorialspan",
    "citation",
    "company",
    "companyalias",
    "stake",
    "plant",
    "plantcapacity",
    "plantmilestone",
    "vehicleprogramme",
    "agreement",
    "agreementparty",
    "agreementvolume",
]
# History pages and reverting use these: simple-history checks them when
# SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS is on.
HISTORY_MODELS = [f"historical{model}" for model in EDITED_MODELS]
VERIFIED_MODELS = ["company", "stake", "plant", "agreement", "vehicleprogramme"]

EDITOR_PERMISSIONS = [
    *(f"{action}_{model}" for model in EDITED_MODELS for action in ("add", "change", "delete", "view")),
    *(f"{action}_{model}" for model in HISTORY_MODELS for action in ("change", "view")),
]
REVIEWER_PERMISSIONS = [*EDITOR_PERMISSIONS, *(f"verify_{model}" for model in VERIFIED_MODELS)]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        # create_permissions skips apps without a models module; the migration state's app
        # configs have none, so it is set for the call (Django's documented work-around).
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    for name, codenames in (("Editors", EDITOR_PERMISSIONS), ("Reviewers", REVIEWER_PERMISSIONS)):
        permissions = Permission.objects.using(db).filter(
            content_type__app_label="sourcing", codename__in=codenames
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for group {name}: {sorted(missing)}")
        group, _ = Group.objects.using(db).get_or_create(name=name)
        group.permissions.add(*permissions)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=["Editors", "Reviewers"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sourcing", "0001_data_model_with_verified_citations"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
