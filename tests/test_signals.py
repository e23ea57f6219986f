import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sourcing.models import Article, Citation, Company, CompanyAlias

pytestmark = pytest.mark.django_db


def load_fixture():
    call_command("loaddata", "seed", verbosity=0)


def verify_citations():
    out = io.StringIO()
    call_command("verify_citations", stdout=out)
    return out.getvalue()


def test_loading_the_fixture_twice_into_an_untouched_database_changes_nothing():
    load_fixture()
    before = list(Company.objects.order_by("pk").values())

    load_fixture()

    assert list(Company.objects.order_by("pk").values()) == before
    assert Article.objects.count() == 5
    assert verify_citations() == "All 189 citations verify against 5 articles.\n"


def test_loading_the_fixture_over_an_editors_change_is_refused_and_keeps_the_change():
    load_fixture()
    renault = Company.objects.get(slug="renault-group")
    renault.description = "Edited by an editor."
    renault.save()

    with pytest.raises(CommandError) as error:
        load_fixture()

    assert str(error.value) == (
        f"loaddata would overwrite company {renault.pk} (“Renault Group”), which has been edited "
        "since it was loaded; the fixture is for an empty database — use `python manage.py "
        "seed`, which keeps editors' changes."
    )
    renault.refresh_from_db()
    assert renault.description == "Edited by an editor."
    assert renault.history.count() == 1


# Sequences restart (PostgreSQL's are not rolled back with a test), so the seed numbers its rows
# as it does on a new database, the same as the fixture.
@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_loading_the_fixture_over_the_same_seeded_rows_changes_nothing():
    call_command("seed", stdout=io.StringIO())
    before = list(Company.objects.order_by("pk").values("pk", "slug", "description"))

    load_fixture()

    assert list(Company.objects.order_by("pk").values("pk", "slug", "description")) == before
    assert Citation.objects.count() == 189


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_loading_the_fixture_over_other_rows_with_the_same_ids_is_refused():
    northvolt = Company.objects.create(name="Northvolt", kind=Company.Kind.CELL_MAKER)
    call_command("seed", stdout=io.StringIO())

    with pytest.raises(CommandError) as error:
        load_fixture()

    assert str(error.value).startswith(
        f"loaddata would overwrite company {northvolt.pk} (“Northvolt”), which the seed did not "
        "write; the fixture is for an empty database"
    )
    assert Company.objects.get(pk=northvolt.pk).name == "Northvolt"


def test_loading_the_fixture_again_does_not_bring_back_a_row_an_editor_deleted():
    load_fixture()
    alias = CompanyAlias.objects.get(name="le Losange")
    alias_id = alias.pk
    alias.delete()

    with pytest.raises(CommandError) as error:
        load_fixture()

    assert str(error.value).startswith(
        f"loaddata would bring back company alias {alias_id} (“le Losange”), which was deleted "
        "after it was loaded"
    )
    assert not CompanyAlias.objects.filter(name="le Losange").exists()


def test_loading_the_fixture_next_to_rows_with_the_same_names_is_a_clear_refusal():
    Company.objects.create(name="Renault Group", slug="renault-group", kind=Company.Kind.CARMAKER)
    Company.objects.filter(slug="renault-group").update(id=999)

    with pytest.raises(
        CommandError, match="loaddata cannot add company 1 .*Slug already exists; the"
    ):
        load_fixture()


def test_a_fixture_citation_whose_quote_is_not_at_its_offsets_is_refused(tmp_path):
    import json
    from pathlib import Path

    rows = json.loads((Path(__file__).parent.parent / "fixtures" / "seed.json").read_text())
    citation = next(row for row in rows if row["model"] == "sourcing.citation")
    citation["fields"]["quote"] = citation["fields"]["quote"].replace("Verkor", "Northvolt", 1)
    if "Northvolt" not in citation["fields"]["quote"]:
        citation["fields"]["quote"] += " and more"
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(rows), encoding="utf-8")

    with pytest.raises(CommandError, match=f"Citation {citation['pk']} .* does not verify"):
        call_command("loaddata", str(tampered), verbosity=0)

    # loaddata runs in one transaction: nothing of the fixture stays behind.
    assert not Article.objects.exists()
    assert not Citation.objects.exists()
