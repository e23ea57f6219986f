"""
The change feed names, for anonymous readers, only records they could see at one of their
changes (``Change.public``). Rows logged before this migration cannot say whether the public
saw their record, so they are all marked public: a consumer never misses the deletion of a
record it held, at the cost of drafts logged before the upgrade being named once more as
deletions.
"""

from django.db import migrations, models


def mark_existing_rows_public(apps, schema_editor):
    apps.get_model("sourcing", "Change").objects.using(schema_editor.connection.alias).update(
        public=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("sourcing", "0017_change_numbers_drawn_after_every_other_commit_check"),
    ]

    operations = [
        migrations.AddField(
            model_name="change",
            name="public",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(mark_existing_rows_public, migrations.RunPython.noop),
    ]
