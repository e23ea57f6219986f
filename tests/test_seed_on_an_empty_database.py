"""
The ``seed`` command and the ``loaddata`` fixture on an empty database: loading, refusals that
leave nothing behind, and the committed fixture. Apart from ``test_seed.py``, whose tests share a
database seeded once for the module (``seeded``): here each test starts from no records at all.
"""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sourcing.models import Agreement, Article, Citation, Company, Plant, Stake, VehicleProgramme
from sourcing.seeding import FIXTURE_FILE, build_fixture
from tests.factories import edit, run_seed

from .test_seed import REUTERS_12_GWH, VERKOR_2021, all_rows_as_fixture, snapshot

pytestmark = pytest.mark.django_db


def test_seed_loads_the_five_documents_and_the_curated_records():
    out, err = run_seed()

    assert Article.objects.count() == 5
    assert Company.objects.count() == 22
    assert Stake.objects.count() == 9
    assert Agreement.objects.count() == 10
    assert Plant.objects.count() == 5
    assert VehicleProgramme.objects.count() == 7
    assert out.count("\n") == 1
    assert out.startswith(
        "Seeded 5 articles, 22 companies, 9 stakes, 10 agreements, 5 plants, "
        "7 vehicle programmes and 189 citations (each quote found in its article)"
    )
    assert err == ""


def test_a_quote_that_is_not_in_its_document_aborts_the_whole_seed(curation_copy):
    edit(
        curation_copy,
        "quote: will acquire a stake of over 20%",
        "quote: will acquire a stake of over 25%",
    )

    with pytest.raises(CommandError) as error:
        run_seed(curation=str(curation_copy))

    message = str(error.value)
    assert "stake of “renault-group” in “verkor” (2021-06-28)" in message
    assert VERKOR_2021 in message
    assert "will acquire a stake of over 20%" in message  # the closest passage, as a hint
    assert all(not rows for rows in snapshot().values())


def test_an_unknown_company_in_the_curation_file_is_named(curation_copy):
    edit(curation_copy, "  - holder: nissan\n", "  - holder: nisan\n")

    with pytest.raises(CommandError, match="no company with slug “nisan”"):
        run_seed(curation=str(curation_copy))

    assert not Company.objects.exists()


def test_an_entry_missing_a_field_is_named_by_its_key(curation_copy):
    edit(
        curation_copy, "    kind: cell_gigafactory\n    status: announced\n    city: Dunkirk\n", ""
    )

    with pytest.raises(
        CommandError, match="plant 'Verkor Gigafactory Dunkirk': missing kind, status"
    ):
        run_seed(curation=str(curation_copy))

    assert not Plant.objects.exists()


def test_an_entry_that_is_not_a_mapping_is_named_by_what_it_is(curation_copy):
    edit(curation_copy, "plants:\n", "plants:\n  - Gigafactory Nowhere\n")

    with pytest.raises(
        CommandError, match="plant 'Gigafactory Nowhere': expected a mapping of fields"
    ):
        run_seed(curation=str(curation_copy))


def test_a_missing_curation_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="missing.yaml: cannot be read"):
        run_seed(curation=str(tmp_path / "missing.yaml"))


def test_a_citation_loaddata_brought_in_is_withdrawn_like_a_seeded_one(curation_copy):
    call_command("loaddata", "seed", verbosity=0)
    edit(curation_copy, f"            - {REUTERS_12_GWH}\n", "")

    out, err = run_seed(curation=str(curation_copy))

    assert "1 citation withdrawn" in out
    assert not Citation.objects.filter(quote=REUTERS_12_GWH).exists()
    assert err == ""


def test_the_committed_fixture_is_up_to_date_with_the_curation_file():
    assert build_fixture() == FIXTURE_FILE.read_text(encoding="utf-8"), (
        "fixtures/seed.json is stale: run `python manage.py seed --write-fixture`"
    )


def test_the_fixture_does_not_depend_on_the_database_it_is_built_in(curation_copy):
    # A database seeded earlier from other curation data: its rows have other pks, timestamps
    # and edit counts, and the build re-seeds one of them.
    edit(curation_copy, "description: Oil group.", "description: Oil and gas group.")
    Company.objects.create(name="Northvolt", kind=Company.Kind.CELL_MAKER)
    run_seed(curation=str(curation_copy))

    assert build_fixture() == FIXTURE_FILE.read_text(encoding="utf-8")


def test_building_the_fixture_leaves_the_database_unchanged():
    build_fixture()

    assert all(not rows for rows in snapshot().values())


def test_loaddata_gives_the_same_records_as_seed():
    call_command("loaddata", "seed", verbosity=0)

    assert all_rows_as_fixture() == json.loads(FIXTURE_FILE.read_text(encoding="utf-8"))
    out = io.StringIO()
    call_command("verify_citations", stdout=out)
    assert out.getvalue() == "All 189 citations verify against 5 articles.\n"
    # Same data: seeding on top of it finds nothing to do.
    before = snapshot()
    seed_out, _ = run_seed()
    assert seed_out.startswith("Nothing changed")
    assert snapshot() == before


def test_new_records_can_be_added_after_loaddata():
    # On PostgreSQL this needs loaddata to have moved the id sequences past the fixture's pks.
    call_command("loaddata", "seed", verbosity=0)

    company = Company.objects.create(name="Northvolt", kind=Company.Kind.CELL_MAKER)

    assert company.pk > 22
