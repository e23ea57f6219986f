"""The seed data as the issue of honest facts corrected it: each value stated, or marked why."""

import pytest

from sourcing.models import (
    Agreement,
    AgreementParty,
    Article,
    Citation,
    Company,
    Plant,
    PlantCapacity,
    PlantMilestone,
    ProvenanceIndex,
    Stake,
    VehicleProgramme,
)

pytestmark = pytest.mark.django_db

DUNKIRK = "Verkor Gigafactory Dunkirk"


@pytest.fixture(autouse=True)
def seeded(seed_fixture_loaded):
    """Every test reads the seed data (loaded once for the module)."""


def provenance(record, parent=None):
    index = ProvenanceIndex([parent or record])
    return index.of(record, parent)


def quotes_of(record, field=None):
    citations = Citation.objects.for_record(record)
    if field is not None:
        citations = citations.filter(field=field)
    return [citation.quote for citation in citations]


def test_alpine_dieppe_status_is_marked_general_knowledge_with_why():
    dieppe = Plant.objects.get(name="Alpine Dieppe plant")

    status = provenance(dieppe)["status"]

    assert dieppe.status == Plant.Status.OPERATING
    assert status.basis == "general_knowledge" and "Dieppe" in status.note


def test_renault_electricity_status_is_not_stated():
    electricity = Plant.objects.get(name="Renault ElectriCity")

    assert electricity.status == Plant.Status.NOT_STATED
    assert "status" not in provenance(electricity)


def test_renault_electricity_is_placed_in_douai_nord_by_the_passage_cited_for_its_place():
    electricity = Plant.objects.get(name="Renault ElectriCity")
    values = provenance(electricity)

    assert (electricity.city, electricity.region) == ("Douai", "Nord")
    for field in ("city", "region"):
        assert (values[field].basis, values[field].checked) == ("stated", "machine")


def test_renault_group_has_its_france_and_europe_wide_figures_from_003():
    renault = Company.objects.get(slug="renault-group")
    jobs, vehicles = sorted(renault.figures.all(), key=lambda figure: figure.kind)

    assert str(jobs) == "about 4,500 direct jobs in France (2030)"
    assert str(vehicles) == "1,000,000 vehicles in Europe (2030)"
    checked = provenance(jobs, renault)
    assert all(checked[f].checked == "machine" for f in ("value", "qualifier", "year", "area"))
    # No figure reader counts cars: the count is stated by its passage, the machine cannot tell.
    assert provenance(vehicles, renault)["value"].basis == "stated"
    assert provenance(vehicles, renault)["value"].checked is None


def test_lg_chem_kind_is_general_knowledge_and_the_modules_passage_supports_the_description():
    lg_chem = Company.objects.get(slug="lg-chem")

    values = provenance(lg_chem)

    assert values["kind"].basis == "general_knowledge" and "modules" in values["kind"].note
    assert quotes_of(lg_chem, "kind") == []
    assert quotes_of(lg_chem, "description") == [
        "LG Chem, which currently provides battery modules for Renault"
    ]


def test_dunkirk_2030_capacity_is_the_stated_target_not_up_to_and_its_doubt_is_shown():
    capacity = PlantCapacity.objects.get(plant__name=DUNKIRK, year=2030)

    values = provenance(capacity, capacity.plant)

    assert capacity.qualifier == "exact" and capacity.gwh_per_year == 50
    assert quotes_of(capacity) == ["with a total annual capacity target of 50 GWh by 2030"]
    assert values["gwh_per_year"].basis == "stated"
    assert values["plant"].basis == "inferred" and "up to 50 GWh" in values["plant"].note


def test_advisers_have_the_plain_adviser_role_as_004_words_it():
    partnership = Agreement.objects.get(
        title="Renault Group–Verkor battery cell partnership (2021)"
    )

    roles = {party.company.slug: party.role for party in partnership.parties.all()}

    assert {roles[slug] for slug in ("santander-cib", "barber-hauler", "de-gaulle-fleurance")} == {
        AgreementParty.Role.ADVISER
    }


def test_mitsubishi_motors_is_not_a_party_to_the_renault_nissan_restructuring():
    restructuring = Agreement.objects.get(title__startswith="Renault–Nissan alliance restructuring")

    slugs = set(restructuring.parties.values_list("company__slug", flat=True))

    assert slugs == {"renault-group", "nissan"}


def test_verkor_is_described_as_planning_to_manufacture_and_its_kind_is_marked_inferred():
    verkor = Company.objects.get(slug="verkor")

    kind = provenance(verkor)["kind"]

    assert "plans to manufacture" in verkor.description
    assert "manufactures" not in verkor.description
    assert kind.basis == "inferred" and "plans to manufacture" in kind.note


def test_article_003_has_no_date_and_says_on_or_after_28_june_2021():
    article = Article.objects.get(source_filename__startswith="003_")

    assert article.published_on is None and article.published_precision == ""
    assert not article.published_inferred
    assert "on or after 28 June 2021" in article.metadata_notes


def test_douai_under_construction_is_an_interpretation_of_its_cited_passage():
    douai = Plant.objects.get(name="Envision AESC Gigafactory Douai")

    status = provenance(douai)["status"]

    assert douai.status == Plant.Status.UNDER_CONSTRUCTION
    assert status.basis == "inferred" and "implantation est en cours" in status.note
    cited = Citation.objects.filter(pk__in=status.citations).values_list("quote", flat=True)
    assert any("implantation est en cours" in quote for quote in cited)


@pytest.mark.parametrize(
    "record, field, quote",
    [
        (
            lambda: PlantMilestone.objects.get(plant__name=DUNKIRK, year=2025),
            None,
            "À partir de 2025, la gigafactory Verkor de Dunkerque livrera",
        ),
        (lambda: Plant.objects.get(name=DUNKIRK), "city", "produira à Dunkerque"),
        (lambda: Company.objects.get(slug="verkor"), "country", "the French start-up Verkor"),
        (
            lambda: Agreement.objects.get(title__contains="(12 GWh a year)"),
            "start_year",
            "from 2025",
        ),
        # 000 dates Renault's entry into Verkor's capital only by its year: a passage about the
        # completed stake, not one stating the day the 2021 partnership was announced.
        (
            lambda: Stake.objects.get(
                holder__slug="renault-group", as_of__year=2021, as_of_precision="month"
            ),
            None,
            "Depuis que Renault est entré au capital de Verkor en 2021",
        ),
    ],
)
def test_facts_stated_by_several_documents_cite_each_of_them(record, field, quote):
    assert any(quote in cited for cited in quotes_of(record(), field))


def test_every_seeded_value_is_stated_or_marked_with_a_note_for_readers():
    for model in (Company, Stake, Plant, Agreement, VehicleProgramme):
        records = list(model.objects.all())
        index = ProvenanceIndex(records)
        for record in records:
            assert index.unsupported(record) == [], record
            rows = [(record, None), *index.rows_with_parent(record)]
            for row, parent in rows:
                for name, value in index.of(row, parent).items():
                    assert value.basis in ("stated", "inferred", "general_knowledge")
                    if value.basis != "stated":
                        assert len(value.note) > 20, (row, name)
