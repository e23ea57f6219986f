"""
An index on agreements in their default order (latest announced first, then by title): the
network of a company walks it to read the parties of that company's first agreements, and stops
after them, instead of sorting every agreement of the company (``sourcing.network``).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("sourcing", "0022_word_indexes_for_reconciliation_on_postgresql")]

    operations = [
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                fields=["-announced_on", "title"], name="sourcing_agreement_in_order"
            ),
        ),
    ]
