"""
The seed tells its own rows from editors' work by the ownership records it writes, never by
history: pruning every history row changes nothing it decides.
"""

import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from sourcing.models import (
    Article,
    Citation,
    Company,
    CompanyAlias,
    Plant,
    SeedOwnership,
)
from sourcing.seeding import CURATION_FILE
from tests.factories import edit

pytestmark = pytest.mark.django_db

REUTERS_2023 = "002_d2221d51671d0f8a.txt"
DOUAI_IN_THE_NORD = "située à Douai, également dans le Nord de la France"
REUTERS_12_GWH = "de 12 GWh par an de batteries électriques au constructeur automobile français"
EDITED_DESCRIPTION = "Battery cell maker with a gigafactory in Dunkirk."


def run_seed(curation=CURATION_FILE):
    out, err = io.StringIO(), io.StringIO()
    call_command("seed", curation=str(curation), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def prune_all_history():
    historical = [model for model in apps.get_models() if model.__name__.startswith("Historical")]
    for model in historical:
        model.objects.all().delete()
    assert historical and not any(model.objects.exists() for model in historical)


def editors_changes():
    """An editor's day on a seeded database: one of each kind of change the seed must keep."""
    editor = get_user_model().objects.create(username="claire")

    def save(row):
        row._history_user = editor
        row.save()

    verkor = Company.objects.get(slug="verkor")
    verkor.description = EDITED_DESCRIPTION
    save(verkor)
    nissan = Company.objects.get(slug="nissan")
    nissan.slug = "nissan-motor"
    save(nissan)
    CompanyAlias.objects.get(name="groupe Renault").delete()
    added = Citation(
        record=Plant.objects.get(name="Verkor Gigafactory Dunkirk"),
        article=Article.objects.get(source_filename=REUTERS_2023),
        quote=DOUAI_IN_THE_NORD,
        field="region",
    )
    save(added)
    changed = Citation.objects.get(quote=REUTERS_12_GWH)
    changed.field = "gwh_per_year"
    save(changed)
    return added, changed


def assert_editors_changes_survive(added, changed):
    assert Company.objects.get(slug="verkor").description == EDITED_DESCRIPTION
    assert not Company.objects.filter(slug="nissan").exists()
    assert Company.objects.filter(slug="nissan-motor").count() == 1
    assert not CompanyAlias.objects.filter(name="groupe Renault").exists()
    assert Citation.objects.filter(pk=added.pk, quote=DOUAI_IN_THE_NORD).exists()
    assert Citation.objects.filter(pk=changed.pk, field="gwh_per_year").exists()


@pytest.mark.parametrize("load", ["seed", "loaddata"])
def test_after_pruning_all_history_every_editor_change_survives_the_seed(load, curation_copy):
    if load == "seed":
        run_seed()
    else:
        call_command("loaddata", "seed", verbosity=0)
    added, changed = editors_changes()
    companies = Company.objects.count()
    prune_all_history()
    # The curation file changes a row nobody edited, and drops the citation the editor changed.
    edit(curation_copy, "description: Oil group.", "description: Oil and gas group.")
    edit(curation_copy, f"            - {REUTERS_12_GWH}\n", "")

    out, err = run_seed(curation_copy)

    assert_editors_changes_survive(added, changed)
    # The renamed company was found, not seeded again under its old slug.
    assert Company.objects.count() == companies
    assert Company.objects.get(slug="saudi-aramco").description == "Oil and gas group."
    assert "0 rows created, 1 updated" in out
    assert "company “verkor” was changed after it was seeded: left as it is" in err
    assert "differs from the curation file in: description" in err
    assert "company “nissan” was changed after it was seeded" in err
    assert "differs from the curation file in: slug" in err
    assert (
        "alias “groupe Renault” of company “renault-group” was deleted after it was seeded" in err
    )
    assert f"citation {added.pk} of plant “Verkor Gigafactory Dunkirk” (field region)" in err
    assert "was added by an editor and is not in the curation file: kept." in err
    assert f"citation {changed.pk} of " in err
    assert "was changed after it was seeded and is not in the curation file: kept." in err


def test_a_pruned_history_still_leaves_the_seeds_own_rows_to_the_seed(curation_copy):
    run_seed()
    prune_all_history()
    edit(curation_copy, "description: Oil group.", "description: Oil and gas group.")
    edit(curation_copy, f"            - {REUTERS_12_GWH}\n", "")

    out, err = run_seed(curation_copy)

    assert Company.objects.get(slug="saudi-aramco").description == "Oil and gas group."
    assert not Citation.objects.filter(quote=REUTERS_12_GWH).exists()
    assert "0 rows created, 1 updated, 1 citation withdrawn." in out
    assert err == ""
    # The withdrawn citation's ownership went with it: made again, it is seeded again.
    again, again_err = run_seed()
    assert Citation.objects.filter(quote=REUTERS_12_GWH).exists()
    assert "1 rows created" in again
    assert again_err == ""


def test_every_seeded_row_is_owned_and_nothing_else_is():
    Company.objects.create(name="Northvolt", kind=Company.Kind.CELL_MAKER)

    out, _ = run_seed()

    citations = Citation.objects.count()
    assert SeedOwnership.objects.filter(content_type__model="citation").count() == citations
    assert SeedOwnership.objects.filter(content_type__model="company").count() == 22
    northvolt = Company.objects.get(slug="northvolt")
    assert not SeedOwnership.objects.filter(
        content_type__model="company", object_id=northvolt.pk
    ).exists()


def test_a_failed_seed_writes_no_ownership(curation_copy):
    edit(curation_copy, "  - holder: nissan\n", "  - holder: nisan\n")

    with pytest.raises(CommandError, match="no company with slug “nisan”"):
        run_seed(curation_copy)

    assert not SeedOwnership.objects.exists()


def test_loaddata_refuses_to_overwrite_an_editors_change_after_history_is_pruned():
    call_command("loaddata", "seed", verbosity=0)
    renault = Company.objects.get(slug="renault-group")
    renault.description = "Edited by an editor."
    renault.save()
    prune_all_history()

    with pytest.raises(CommandError, match="which has been edited since it was loaded"):
        call_command("loaddata", "seed", verbosity=0)

    renault.refresh_from_db()
    assert renault.description == "Edited by an editor."


# -- Databases seeded before ownership records existed ---------------------------------------------

ownership_migration = importlib.import_module("sourcing.migrations.0007_seed_ownership")


def ownership_rows():
    return sorted(
        SeedOwnership.objects.values_list(
            "content_type__model", "object_id", "seeded_key", "fields", "fingerprint"
        )
    )


def test_the_migration_gives_rows_seeded_before_the_ownership_the_seed_would_have_written():
    run_seed()
    written_by_the_seed = ownership_rows()
    SeedOwnership.objects.all().delete()

    ownership_migration.give_seeded_rows_their_ownership(apps, None)

    # Value bases and company figures came later (migrations 0010, 0025): no database seeded
    # before this one holds any (the migration still owns every citation it finds).
    later = {"valuebasis", "companyfigure"}
    assert ownership_rows() == [row for row in written_by_the_seed if row[0] not in later]


def test_the_migration_leaves_editors_changes_and_deletions_to_the_editors(curation_copy):
    run_seed()
    added, changed = editors_changes()
    SeedOwnership.objects.all().delete()
    ownership_migration.give_seeded_rows_their_ownership(apps, None)
    prune_all_history()
    edit(curation_copy, "description: Oil group.", "description: Oil and gas group.")
    edit(curation_copy, f"            - {REUTERS_12_GWH}\n", "")

    out, err = run_seed(curation_copy)

    assert_editors_changes_survive(added, changed)
    assert Company.objects.get(slug="saudi-aramco").description == "Oil and gas group."
    assert "0 rows created, 1 updated" in out


def test_a_row_the_curation_file_lists_twice_is_owned_once(curation_copy):
    losange = "      - name: le Losange\n        language: fr\n"
    edit(curation_copy, losange, losange + losange.replace("fr\n", "en\n"))

    run_seed(curation_copy)

    alias = CompanyAlias.objects.get(name="le Losange")
    assert alias.language == "en"
    assert (
        SeedOwnership.objects.filter(content_type__model="companyalias", object_id=alias.pk).count()
        == 1
    )
