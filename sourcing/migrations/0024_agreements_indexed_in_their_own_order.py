"""
An index on agreements in their default order (latest announced first, then by title): the
network of a company walks it to read the parties of that company's first agreements, and stops
after them, instead of sorting every agreement of the company (``sourcing.network``). The
admin's lists of agreements, parties and volumes, in the same order (undated first, as a
descending order puts them), walk it too; the API's index on the date puts undated ones last.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("sourcing", "0023_pending_versions")]

    operations = [
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                fields=["-announced_on", "title"], name="sourcing_agreement_in_order"
            ),
        ),
    ]
