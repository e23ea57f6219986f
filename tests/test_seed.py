"""
The seed command on a database seeded once for this module (``seeded``) and the seed data itself;
seeding or loading an empty database: ``test_seed_on_an_empty_database.py``.
"""

import io
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from sourcing.models import (
    Agreement,
    AgreementVolume,
    Article,
    Citation,
    Company,
    CompanyAlias,
    DatePrecision,
    Plant,
    PlantAlias,
    PlantMilestone,
    ReviewStatus,
    Stake,
    VehicleProgramme,
)
from sourcing.seeding import (
    CITATION_KEY,
    FIXTURE_FILE,
    FIXTURES_DIR,
    SEED_CHANGE_REASON,
    SEEDED_MODELS,
    Seeder,
    SeedError,
    fixture_text,
    record_ownership,
    serialize_rows,
)
from sourcing.text import quotes
from tests.factories import edit, run_seed

pytestmark = pytest.mark.django_db

FRENCH_2023 = "000_d7364e05e37abb28.txt"
PRESS_RELEASE_2023 = "001_e5baa59115d08205.txt"
REUTERS_2023 = "002_d2221d51671d0f8a.txt"
BLOG_2021 = "003_48b8cfc4dc19008d.txt"
VERKOR_2021 = "004_7a359afc56865d69.txt"


def snapshot():
    """Every row of every seeded table, its history and the agreement–programme links."""
    rows = {}
    for model in SEEDED_MODELS:
        rows[model._meta.label] = list(model._default_manager.order_by("pk").values())
        rows[f"{model._meta.label} history"] = list(model.history.order_by("pk").values())
    rows["programmes"] = list(Agreement.programmes.through.objects.order_by("pk").values())
    return rows


def all_rows_as_fixture():
    """Every seeded table as fixture JSON (pks renumbered, timestamps fixed), parsed back."""
    records = {
        model: list(model._default_manager.order_by("pk").values_list("pk", flat=True))
        for model in SEEDED_MODELS
    }
    return json.loads(fixture_text(serialize_rows(records)))


def cited_files(record, field=None):
    citations = Citation.objects.for_record(record)
    if field is not None:
        citations = citations.filter(field=field)
    return sorted(set(citations.values_list("article__source_filename", flat=True)))


def renault_stakes_in_verkor():
    return Stake.objects.filter(holder__slug="renault-group", target__slug="verkor")


# -- Loading ---------------------------------------------------------------------------------------


def test_every_seeded_citation_verifies(seeded):
    out = io.StringIO()
    call_command("verify_citations", stdout=out)

    assert out.getvalue() == "All 189 citations verify against 5 articles.\n"


def test_articles_hold_the_received_files_byte_for_byte(seeded):
    for article in Article.objects.all():
        received = (FIXTURES_DIR / "articles" / article.source_filename).read_bytes()
        assert article.body.encode("utf-8") == received
        assert article.content_hash == Article.hash_body(article.body)


def test_article_metadata_is_what_the_documents_state(seeded):
    french = Article.objects.get(source_filename=FRENCH_2023)
    assert (french.language, french.authors, french.publisher) == ("fr", "Franck Boittiaux", "")
    assert (french.published, french.published_inferred) == ("2023-04", False)

    verkor = Article.objects.get(source_filename=VERKOR_2021)
    assert (verkor.published, verkor.published_precision) == ("2021-06-28", DatePrecision.DAY)
    assert not verkor.published_inferred

    reuters = Article.objects.get(source_filename=REUTERS_2023)
    assert (reuters.publisher, reuters.authors) == ("Reuters", "Gilles Guillaume, Daniel Leussink")


def test_dates_inferred_from_another_document_are_marked_inferred(seeded):
    inferred = {
        article.source_filename: (article.published, article.metadata_notes)
        for article in Article.objects.filter(published_inferred=True)
    }

    # 003 supports only "on or after 28 June 2021": no date (see test_provenance_seed.py).
    assert set(inferred) == {PRESS_RELEASE_2023, REUTERS_2023}
    assert inferred[PRESS_RELEASE_2023][0] == "2023-04"
    assert FRENCH_2023 in inferred[PRESS_RELEASE_2023][1]


def test_every_curated_record_is_verified_and_cites_a_source(seeded):
    for model in (Company, Stake, Agreement, Plant, VehicleProgramme):
        for record in model.objects.all():
            assert record.review_status == ReviewStatus.VERIFIED, record
            assert cited_files(record), f"{model.__name__} {record} cites nothing"
    for model in (PlantMilestone, AgreementVolume):
        for record in model.objects.all():
            assert cited_files(record), f"{model.__name__} {record} cites nothing"


# -- Idempotence and atomicity ---------------------------------------------------------------------


def test_seeding_twice_changes_nothing(seeded):
    before = snapshot()

    out, err = run_seed()

    assert snapshot() == before
    assert out.startswith("Nothing changed: 5 articles, 22 companies")
    assert err == ""


def test_seeded_rows_record_the_seed_in_their_history(seeded):
    verkor = Company.objects.get(slug="verkor")

    assert [h.history_change_reason for h in verkor.history.all()] == [SEED_CHANGE_REASON]


def test_a_failed_seed_leaves_a_seeded_database_exactly_as_it_was(seeded, curation_copy):
    before = snapshot()
    # A valid change early in the file, then a broken quote much later.
    edit(curation_copy, "description: Oil group.", "description: Oil and gas group.")
    edit(curation_copy, "Envision AESC, longtime partner of Nissan\n", "Envision AESC, partner\n")

    with pytest.raises(CommandError, match="agreement “Nissan–Envision AESC partnership”"):
        run_seed(curation=str(curation_copy))

    assert snapshot() == before


def test_a_record_an_editor_changed_is_kept_and_reported(seeded):
    editor = get_user_model().objects.create(username="claire")
    verkor = Company.objects.get(slug="verkor")
    verkor.description = "Battery cell maker with a gigafactory in Dunkirk."
    verkor._history_user = editor
    verkor.save()

    out, err = run_seed()

    verkor.refresh_from_db()
    assert verkor.description == "Battery cell maker with a gigafactory in Dunkirk."
    assert "company “verkor” was changed by claire" in err
    assert "differs from the curation file in: description" in err
    assert out.startswith("Nothing changed")
    assert "1 row(s) changed or added by editors since seeding were left as they are" in out


def test_a_record_an_editor_deleted_is_not_recreated(seeded):
    CompanyAlias.objects.get(name="groupe Renault").delete()

    out, err = run_seed()

    assert not CompanyAlias.objects.filter(name="groupe Renault").exists()
    assert (
        "alias “groupe Renault” of company “renault-group” was deleted after it was seeded" in err
    )


def test_a_curation_change_updates_the_row_the_seed_owns(seeded, curation_copy):
    edit(curation_copy, "description: Oil group.", "description: Oil and gas group.")

    out, err = run_seed(curation=str(curation_copy))

    aramco = Company.objects.get(slug="saudi-aramco")
    assert aramco.description == "Oil and gas group."
    assert aramco.history.first().history_change_reason == SEED_CHANGE_REASON
    assert "0 rows created, 1 updated" in out
    assert err == ""


# -- Withdrawn citations ---------------------------------------------------------------------------

SUPPLY_DEAL_2023 = "Renault Group–Verkor long-term battery supply (12 GWh a year)"
DOUAI_IN_THE_NORD = "située à Douai, également dans le Nord de la France"
EQUIVALENT_OF_12_GWH = (
    "Verkor will supply Renault Group with the equivalent of 12 GWh of batteries each year."
)
REUTERS_12_GWH = "de 12 GWh par an de batteries électriques au constructeur automobile français"


def exact_12_gwh_volume():
    return AgreementVolume.objects.get(
        agreement__title=SUPPLY_DEAL_2023, gwh_per_year=12, qualifier="exact"
    )


def add_citation(record, filename, quote, field="", editor=None):
    """
    A citation the curation file does not make, saved the way the seed (or an editor) saves. One
    of a company alias, which is no longer citable, is stored as earlier versions stored it.
    """
    alias = record if isinstance(record, CompanyAlias) else None
    citation = Citation(
        record=alias.company if alias else record,
        article=Article.objects.get(source_filename=filename),
        quote=quote,
        field=field,
    )
    if editor is None:
        citation._change_reason = SEED_CHANGE_REASON
    else:
        citation._history_user = editor
    citation.save()
    if alias:
        alias_type = ContentType.objects.get_for_model(CompanyAlias)
        Citation.objects.filter(pk=citation.pk).update(content_type=alias_type, object_id=alias.pk)
        citation.refresh_from_db()
    if editor is None:
        record_ownership(citation, CITATION_KEY, CITATION_KEY)
    return citation


def seeded_citation_count(out):
    return int(out.split(" citations (each quote found in its article)")[0].rsplit(" ", 1)[1])


# What databases seeded from an earlier curation file hold: a region quote on the Dunkirk plant
# whose region is now blank, and 001's "equivalent of" on the exact volume row.
@pytest.mark.parametrize(
    "record, filename, quote, field",
    [
        (
            lambda: Plant.objects.get(name="Verkor Gigafactory Dunkirk"),
            REUTERS_2023,
            DOUAI_IN_THE_NORD,
            "region",
        ),
        (exact_12_gwh_volume, PRESS_RELEASE_2023, EQUIVALENT_OF_12_GWH, ""),
        (
            lambda: CompanyAlias.objects.get(name="le Losange"),
            FRENCH_2023,
            "le Losange entend également s’appuyer sur une autre gigafactory",
            "",
        ),
    ],
    ids=["plant-field", "agreement-volume", "company-alias"],
)
def test_a_seeded_citation_the_curation_file_no_longer_makes_is_withdrawn(
    seeded, record, filename, quote, field
):
    stale = add_citation(record(), filename, quote, field)
    assert Citation.objects.count() == 190

    out, err = run_seed()

    assert not Citation.objects.filter(pk=stale.pk).exists()
    assert "0 rows created, 0 updated, 1 citation withdrawn." in out
    assert seeded_citation_count(out) == Citation.objects.count() == 189
    assert err == ""
    deletion = Citation.history.get(id=stale.pk, history_type="-")
    assert (deletion.history_change_reason, deletion.history_user) == (SEED_CHANGE_REASON, None)
    # The next run finds nothing to do.
    before = snapshot()
    again, _ = run_seed()
    assert again.startswith("Nothing changed: 5 articles")
    assert snapshot() == before


def test_withdrawing_citations_from_the_curation_file_removes_them(seeded, curation_copy):
    edit(curation_copy, f"            - {REUTERS_12_GWH}\n", "")
    edit(
        curation_copy,
        f"            - {EQUIVALENT_OF_12_GWH}\n",
        "            - Verkor will supply Renault Group with the equivalent of 12 GWh\n",
    )

    out, err = run_seed(curation=str(curation_copy))

    assert "2 citations withdrawn" in out
    assert seeded_citation_count(out) == Citation.objects.count() == 188
    assert not Citation.objects.filter(quote=REUTERS_12_GWH).exists()
    # The agreement itself still cites the sentence for who supplies whom.
    for volume in AgreementVolume.objects.filter(agreement__title=SUPPLY_DEAL_2023):
        assert not Citation.objects.for_record(volume).filter(quote=EQUIVALENT_OF_12_GWH).exists()
    assert err == ""


def test_a_citation_withdrawn_by_the_seed_comes_back_when_the_curation_file_makes_it_again(
    seeded, curation_copy
):
    edit(curation_copy, f"            - {REUTERS_12_GWH}\n", "")
    run_seed(curation=str(curation_copy))

    out, err = run_seed()

    assert Citation.objects.filter(quote=REUTERS_12_GWH).exists()
    assert "1 rows created, 0 updated." in out
    assert err == ""


def test_a_citation_an_editor_added_is_kept_and_reported(seeded):
    editor = get_user_model().objects.create(username="claire")
    added = add_citation(
        Plant.objects.get(name="Verkor Gigafactory Dunkirk"),
        REUTERS_2023,
        DOUAI_IN_THE_NORD,
        "region",
        editor=editor,
    )

    out, err = run_seed()

    assert Citation.objects.filter(pk=added.pk).exists()
    assert f"citation {added.pk} of plant “Verkor Gigafactory Dunkirk” (field region)" in err
    assert "was added by claire on " in err
    assert "and is not in the curation file: kept." in err
    assert out.startswith("Nothing changed")
    assert "1 row(s) changed or added by editors since seeding were left as they are" in out
    # The count is what the database holds for the seeded records, the editor's citation included.
    assert seeded_citation_count(out) == Citation.objects.count() == 190
    # Kept on every run, and reported every time.
    before = snapshot()
    again, again_err = run_seed()
    assert again.startswith("Nothing changed")
    assert again_err == err
    assert snapshot() == before


def test_a_seeded_citation_an_editor_changed_is_kept_when_the_curation_file_drops_it(
    seeded, curation_copy
):
    editor = get_user_model().objects.create(username="claire")
    citation = Citation.objects.get(quote=REUTERS_12_GWH)
    citation.field = "gwh_per_year"
    citation._history_user = editor
    citation.save()
    edit(curation_copy, f"            - {REUTERS_12_GWH}\n", "")

    out, err = run_seed(curation=str(curation_copy))

    assert Citation.objects.filter(pk=citation.pk, field="gwh_per_year").exists()
    assert "was changed by claire on " in err
    assert "after it was seeded and is not in the curation file: kept." in err
    assert out.startswith("Nothing changed")
    assert seeded_citation_count(out) == Citation.objects.count() == 189


def test_a_seeded_citation_an_editor_deleted_is_not_recreated(seeded):
    editor = get_user_model().objects.create(username="claire")
    citation = Citation.objects.get(quote=REUTERS_12_GWH)
    citation._history_user = editor
    citation.delete()

    out, err = run_seed()

    assert not Citation.objects.filter(quote=REUTERS_12_GWH).exists()
    assert "was deleted after it was seeded: not recreated" in err
    assert out.startswith("Nothing changed")


def test_a_seed_that_fails_after_withdrawing_restores_the_citation(seeded, monkeypatch):
    stale = add_citation(exact_12_gwh_volume(), PRESS_RELEASE_2023, EQUIVALENT_OF_12_GWH)
    before = snapshot()

    # The last step, after the withdrawal: as if a stored offset no longer verified.
    def fail(seeder):
        assert not Citation.objects.filter(pk=stale.pk).exists()
        raise SeedError("citation 1 does not verify")

    monkeypatch.setattr(Seeder, "verify_citations", fail)

    with pytest.raises(CommandError, match="the database was left unchanged"):
        run_seed()

    assert snapshot() == before


def test_a_record_taken_out_of_the_curation_file_keeps_its_citations(seeded, curation_copy):
    edit(curation_copy, "      - name: le Losange\n        language: fr\n", "")
    alias = CompanyAlias.objects.get(name="le Losange")
    add_citation(alias, FRENCH_2023, "le Losange entend également s’appuyer")

    out, err = run_seed(curation=str(curation_copy))

    # The seed no longer manages the alias: neither it nor its citation is removed.
    assert CompanyAlias.objects.filter(pk=alias.pk).exists()
    assert Citation.objects.for_record(alias).count() == 1
    assert out.startswith("Nothing changed")


# -- The loaddata fixture --------------------------------------------------------------------------


def test_seed_gives_the_records_of_the_committed_fixture(seeded):
    assert all_rows_as_fixture() == json.loads(FIXTURE_FILE.read_text(encoding="utf-8"))


# -- Editorial content -----------------------------------------------------------------------------


def test_the_over_20_percent_stake_is_an_exclusive_minimum_cited_in_004(seeded):
    stake = renault_stakes_in_verkor().get(share_min__isnull=False)

    assert (stake.share_min, stake.share_min_exclusive) == (Decimal("20"), True)
    assert stake.share_exact is None and stake.share_max is None
    assert stake.share_display == "over 20%"
    assert (stake.status, stake.as_of_display) == (Stake.Status.ANNOUNCED, "2021-06-28")
    assert cited_files(stake, field="share_min") == [VERKOR_2021]


def test_the_20_percent_stake_of_2023_is_kept_beside_it_and_cites_000(seeded):
    stake = renault_stakes_in_verkor().get(share_exact__isnull=False)

    assert stake.share_exact == Decimal("20")
    assert (stake.status, stake.as_of_display) == (Stake.Status.COMPLETED, "2023-04")
    assert cited_files(stake, field="share_exact") == [FRENCH_2023]
    assert renault_stakes_in_verkor().count() == 3


def test_nissan_may_take_up_to_15_percent_of_ampere(seeded):
    stake = Stake.objects.get(holder__slug="nissan", target__slug="ampere")

    assert (stake.share_max, stake.share_max_exclusive, stake.share_min) == (15, False, None)
    assert stake.status == Stake.Status.PLANNED
    assert cited_files(stake) == [REUTERS_2023]


def test_the_disputed_completion_years_are_two_milestones_with_their_own_sources(seeded):
    plant = Plant.objects.get(name="Verkor Gigafactory Dunkirk")
    completions = plant.milestones.filter(kind=PlantMilestone.Kind.OPERATION_START)

    by_year = {milestone.year: cited_files(milestone) for milestone in completions}

    assert by_year == {
        2024: [VERKOR_2021],
        2025: [FRENCH_2023, PRESS_RELEASE_2023],
    }  # 000 also says "À partir de 2025"
    assert plant.milestones.get(kind=PlantMilestone.Kind.CONSTRUCTION_START).year == 2023


def test_gigafactory_capacities_keep_their_basis_bound_and_year(seeded):
    plant = Plant.objects.get(name="Verkor Gigafactory Dunkirk")

    capacities = {(c.basis, c.qualifier, c.gwh_per_year, c.year) for c in plant.capacities.all()}

    assert capacities == {
        ("initial", "exact", Decimal("16"), None),
        ("target", "exact", Decimal("50"), 2030),  # "a total annual capacity target of 50 GWh"
    }


def test_the_2023_supply_deal_cites_each_document_that_reports_it(seeded):
    deal = Agreement.objects.get(title__startswith="Renault Group–Verkor long-term battery supply")

    # "12 GWh par an" (000, 002) and "the equivalent of 12 GWh" (001), each kept as worded.
    volumes = {(v.gwh_per_year, v.qualifier, v.year): cited_files(v) for v in deal.volumes.all()}
    assert volumes == {
        # No year of their own: 2025 is when deliveries start, the deal's start year.
        (Decimal("12"), "exact", None): [FRENCH_2023, REUTERS_2023],
        (Decimal("12"), "about", None): [PRESS_RELEASE_2023],
    }
    assert (deal.start_year, deal.announced, deal.plant.name) == (
        2025,
        "2023-04",
        "Verkor Gigafactory Dunkirk",
    )
    assert [p.name for p in deal.programmes.all()] == ["Alpine C-segment crossover GT"]
    roles = {(p.company.slug, p.role) for p in deal.parties.all()}
    assert roles == {("renault-group", "buyer"), ("verkor", "supplier")}


def test_the_2021_partnership_names_its_advisers(seeded):
    partnership = Agreement.objects.get(
        title="Renault Group–Verkor battery cell partnership (2021)"
    )

    roles = {(p.company.slug, p.role) for p in partnership.parties.all()}

    # 004 says only "Advising the partnership were ...": no kind of advice.
    assert {
        ("santander-cib", "adviser"),
        ("de-gaulle-fleurance", "adviser"),
        ("barber-hauler", "adviser"),
    } <= roles
    assert {(v.gwh_per_year, v.basis, v.year) for v in partnership.volumes.all()} == {
        (Decimal("10"), "initial", None),
        (Decimal("20"), "target", 2030),
    }


def test_acc_is_only_in_discussion_and_possibly_from_2027_is_not_stored_as_2027(seeded):
    talks = Agreement.objects.get(parties__company__slug="acc")

    assert (talks.status, talks.start_year) == (Agreement.Status.IN_DISCUSSION, None)
    assert cited_files(talks) == [BLOG_2021]
    # A passage about the whole agreement: it states its parties and kind as well as its status.
    assert "possibly from 2027" in Citation.objects.for_record(talks).get(field="").quote


def test_a_plants_region_is_stored_only_where_a_document_names_it(seeded):
    dunkirk = Plant.objects.get(name="Verkor Gigafactory Dunkirk")
    douai = Plant.objects.get(name="Envision AESC Gigafactory Douai")

    assert dunkirk.region == ""
    assert douai.region == "Nord"
    assert [c.quote for c in Citation.objects.for_record(douai).filter(field="region")] == [
        "à Douai (Nord)"
    ]


@pytest.mark.parametrize(
    ("alias", "slug", "language"),
    [
        ("le Losange", "renault-group", "fr"),
        ("groupe au losange", "renault-group", "fr"),
        ("Ampère", "ampere", "fr"),
        ("AESC Envision", "envision-aesc", "fr"),
        ("Mitsubishi", "mitsubishi-motors", ""),
    ],
)
def test_companies_are_known_by_the_names_the_documents_use(seeded, alias, slug, language):
    found = CompanyAlias.objects.get(name=alias)

    assert (found.company.slug, found.language) == (slug, language)


def test_an_accentless_search_finds_ampere_by_its_french_alias(seeded):
    assert CompanyAlias.objects.get(search_name="ampere").company.slug == "ampere"


@pytest.mark.parametrize("model", [CompanyAlias, PlantAlias])
def test_every_seeded_alias_is_a_name_some_document_prints(seeded, model):
    bodies = [
        quotes.fold(body).text.casefold() for body in Article.objects.values_list("body", flat=True)
    ]
    for alias in model.objects.all():
        name = quotes.fold(alias.name).text.casefold()
        assert any(name in body for body in bodies), alias.name


@pytest.mark.parametrize("term", ["Dunkerque", "dunkirk gigafactory", "VIC", "pole electricity"])
def test_plants_are_found_by_the_names_the_documents_use(seeded, term):
    assert Plant.objects.search(term).count() == 1


def test_the_reader_comment_in_003_cannot_be_cited(seeded):
    blog = Article.objects.get(source_filename=BLOG_2021)
    citation = Citation(
        record=Company.objects.get(slug="renault-group"),
        article=blog,
        quote="Sorry Renault, you could be different if you wanted.",
    )

    with pytest.raises(ValidationError, match="reader comments"):
        citation.save()


@pytest.mark.parametrize(
    ("filename", "quote"),
    [
        (VERKOR_2021, "Phone : +33 7 48 10 11 40"),
        (VERKOR_2021, "Télécharger le PDF"),
        (BLOG_2021, "Please follow and like us:"),
        (FRENCH_2023, "Voir les photos"),
    ],
)
def test_site_furniture_and_press_contacts_cannot_be_cited(seeded, filename, quote):
    citation = Citation(
        record=Company.objects.get(slug="verkor"),
        article=Article.objects.get(source_filename=filename),
        quote=quote,
    )

    with pytest.raises(ValidationError, match="not editorial content"):
        citation.save()
