import datetime
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from sourcing.models import (
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    Company,
    CompanyAlias,
    CuratedRecord,
    DatePrecision,
    NonEditorialSpan,
    PlantAlias,
    PlantCapacity,
    PlantMilestone,
    Stake,
    Versioned,
    format_partial_date,
    registry,
)
from sourcing.seeding import FIXTURES_DIR
from sourcing.text.search import fold_for_search

from .factories import cite, make_agreement, make_article, make_company, make_plant, make_stake

pytestmark = pytest.mark.django_db


def refused_by_database(create):
    """Run ``create`` and report whether the database itself refused it."""
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


# -- Database constraints -------------------------------------------------------------------------


def test_company_cannot_hold_a_stake_in_itself():
    renault = make_company("Renault Group")
    assert refused_by_database(lambda: make_stake(holder=renault, target=renault))


@pytest.mark.parametrize("field", ["share_exact", "share_min", "share_max"])
@pytest.mark.parametrize("value", [Decimal("-0.01"), Decimal("100.01"), Decimal("150")])
def test_share_outside_0_to_100_is_refused(field, value):
    assert refused_by_database(lambda: make_stake(**{field: value}))


@pytest.mark.parametrize("value", [Decimal("0"), Decimal("100"), Decimal("20.5")])
def test_share_within_0_to_100_is_accepted(value):
    assert not refused_by_database(lambda: make_stake(share_exact=value))


def test_minimum_share_above_maximum_is_refused():
    assert refused_by_database(lambda: make_stake(share_min=30, share_max=20))


def test_exact_share_and_range_together_are_refused():
    assert refused_by_database(lambda: make_stake(share_exact=20, share_min=10))


def test_exclusive_flag_without_its_bound_is_refused():
    assert refused_by_database(lambda: make_stake(share_min_exclusive=True))
    assert refused_by_database(lambda: make_stake(share_max_exclusive=True))


def test_date_without_precision_and_precision_without_date_are_refused():
    assert refused_by_database(lambda: make_stake(as_of=datetime.date(2021, 6, 1)))
    assert refused_by_database(lambda: make_stake(as_of_precision=DatePrecision.YEAR))
    assert refused_by_database(
        lambda: make_article(published_on=datetime.date(2023, 4, 1), published_precision="")
    )
    assert refused_by_database(lambda: make_agreement(announced_precision=DatePrecision.MONTH))


def test_one_alias_per_company_and_name():
    verkor = make_company("Verkor", aliases=["Verkor SAS"])
    assert refused_by_database(
        lambda: CompanyAlias.objects.create(company=verkor, name="Verkor SAS")
    )
    other = make_company("Other")
    assert not refused_by_database(
        lambda: CompanyAlias.objects.create(company=other, name="Verkor SAS")
    )


def test_one_alias_per_plant_and_name_and_never_a_blank_one():
    dunkirk = make_plant(name="Verkor Gigafactory Dunkirk")
    PlantAlias.objects.create(plant=dunkirk, name="Gigafactory de Dunkerque")
    assert refused_by_database(
        lambda: PlantAlias.objects.create(plant=dunkirk, name="Gigafactory de Dunkerque")
    )
    assert refused_by_database(lambda: PlantAlias.objects.create(plant=dunkirk, name=""))
    other = make_plant(name="Other")
    assert not refused_by_database(
        lambda: PlantAlias.objects.create(plant=other, name="Gigafactory de Dunkerque")
    )


def test_company_cannot_be_its_own_parent():
    company = make_company()
    company.parent = company
    assert refused_by_database(company.save)


def test_company_slug_is_unique():
    make_company("Verkor")
    assert refused_by_database(lambda: make_company("Verkor"))


def test_same_body_cannot_be_stored_twice():
    article = make_article()
    assert refused_by_database(lambda: make_article(body=article.body))


def test_source_file_name_is_unique():
    make_article(source_filename="000_a.txt")
    assert refused_by_database(lambda: make_article(source_filename="000_a.txt"))


def test_empty_article_body_is_refused():
    assert refused_by_database(lambda: make_article(body=""))


def test_non_editorial_span_must_end_after_it_starts():
    article = make_article()
    assert refused_by_database(
        lambda: NonEditorialSpan.objects.create(article=article, kind="boilerplate", start=5, end=5)
    )


def test_negative_capacity_and_volume_are_refused():
    plant = make_plant()
    agreement = make_agreement()
    assert refused_by_database(lambda: PlantCapacity.objects.create(plant=plant, gwh_per_year=-1))
    assert refused_by_database(
        lambda: AgreementVolume.objects.create(agreement=agreement, gwh_per_year=-1)
    )


def test_same_milestone_year_is_stored_once_per_plant_and_kind():
    plant = make_plant()
    PlantMilestone.objects.create(plant=plant, kind="operation_start", year=2024)
    assert refused_by_database(
        lambda: PlantMilestone.objects.create(plant=plant, kind="operation_start", year=2024)
    )
    # A different year from another source is a conflict to keep, not a duplicate.
    assert not refused_by_database(
        lambda: PlantMilestone.objects.create(plant=plant, kind="operation_start", year=2025)
    )


def test_company_has_one_role_once_per_agreement():
    verkor = make_company("Verkor")
    agreement = make_agreement(parties=[(verkor, "supplier")])
    assert refused_by_database(
        lambda: AgreementParty.objects.create(agreement=agreement, company=verkor, role="supplier")
    )


def test_implausible_start_year_is_refused():
    assert refused_by_database(lambda: make_agreement(start_year=20250))


# -- Friendly validation for forms ----------------------------------------------------------------


def test_clean_explains_a_stake_in_itself_and_a_reversed_range():
    renault = make_company("Renault Group")
    stake = Stake(holder=renault, target=renault, status="completed", share_min=30, share_max=20)
    with pytest.raises(ValidationError) as error:
        stake.full_clean()
    assert "cannot hold a stake in itself" in str(error.value.message_dict["target"])
    assert "below the minimum" in str(error.value.message_dict["share_max"])


def test_clean_refuses_a_share_over_100():
    stake = Stake(holder=make_company(), target=make_company(), status="planned", share_max=101)
    with pytest.raises(ValidationError) as error:
        stake.full_clean()
    assert "share_max" in error.value.message_dict


def test_clean_stores_the_first_day_of_a_year_or_month():
    stake = Stake(
        holder=make_company(),
        target=make_company(),
        status="completed",
        as_of=datetime.date(2021, 6, 28),
        as_of_precision=DatePrecision.MONTH,
    )
    stake.full_clean()
    assert stake.as_of == datetime.date(2021, 6, 1)
    assert stake.as_of_display == "2021-06"


def test_clean_refuses_a_date_without_precision():
    article = Article(
        title="t", language="en", source_filename="x.txt", body="b",
        published_on=datetime.date(2023, 4, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["content_hash"])
    assert "published_precision" in error.value.message_dict


# -- Shares, dates and names as the sources give them ---------------------------------------------


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"share_exact": Decimal("20")}, "20%"),
        ({"share_min": Decimal("20"), "share_min_exclusive": True}, "over 20%"),
        ({"share_min": Decimal("20")}, "at least 20%"),
        ({"share_max": Decimal("15")}, "up to 15%"),
        ({"share_max": Decimal("15"), "share_max_exclusive": True}, "under 15%"),
        ({"share_min": Decimal("10"), "share_max": Decimal("12.5")}, "10%–12.5%"),
        ({}, ""),
    ],
)
def test_share_is_displayed_as_the_source_said_it(fields, shown):
    assert Stake(**fields).share_display == shown


def test_partial_dates_keep_their_precision():
    day = datetime.date(2021, 6, 28)
    assert format_partial_date(day, DatePrecision.DAY) == "2021-06-28"
    assert format_partial_date(day, DatePrecision.MONTH) == "2021-06"
    assert format_partial_date(day, DatePrecision.YEAR) == "2021"
    assert format_partial_date(None, "") == ""


def test_names_are_folded_for_accent_and_case_insensitive_search():
    ampere = make_company("Ampère", aliases=["Le Losange"])
    assert ampere.search_name == "ampere"
    assert ampere.aliases.get().search_name == "le losange"
    assert fold_for_search("ÉLECTRIQUE") == "electrique"


def test_company_slug_is_derived_from_the_name():
    assert make_company("De Gaulle Fleurance & Associés").slug == "de-gaulle-fleurance-associes"


def test_each_save_increments_the_version():
    company = make_company()
    assert company.version == 1
    company.description = "Cell maker"
    company.save()
    company.refresh_from_db()
    assert company.version == 2


def test_every_change_is_recorded_in_history():
    company = make_company("Verkor")
    company.country = "DE"
    company.save()
    assert [h.country for h in company.history.all()] == ["DE", "FR"]


# -- Citations ------------------------------------------------------------------------------------


def test_citation_stores_offsets_of_the_passage_as_published():
    article = make_article(body="Verkor will supply Renault Group with 12\u00a0GWh each year.")
    citation = cite(make_company("Verkor"), article, "supply Renault Group with 12 GWh")
    assert (citation.start, citation.end) == (12, 44)
    assert citation.passage == "supply Renault Group with 12\u00a0GWh"


def test_citation_typed_with_straight_marks_verifies_against_typographic_text():
    article = make_article(
        body="Pour François Provost, «\u00a0ce partenariat permet de sécuriser un "
        "approvisionnement\u00a0» ; c’est l’ambition du groupe."
    )
    citation = cite(
        make_company(), article, '"ce partenariat permet de sécuriser un approvisionnement"'
    )
    assert citation.passage.startswith("«")
    assert citation.passage.endswith("»")
    citation = cite(make_company(), article, "c'est l'ambition du groupe")
    assert citation.passage == "c’est l’ambition du groupe"


def test_citation_with_a_changed_word_is_refused_naming_article_and_closest_passage():
    article = make_article(title="Verkor fournira 12 GWh", body="Verkor fournira 12 GWh par an.")
    with pytest.raises(ValidationError) as error:
        cite(make_company(), article, "Verkor fournira 15 GWh par an")
    message = " ".join(error.value.message_dict["quote"])
    assert "Verkor fournira 12 GWh" in message  # the article, by title
    assert article.source_filename in message
    assert "closest passage is: “Verkor fournira 12 GWh par an”" in message
    assert not Citation.objects.exists()


def test_citation_in_a_non_editorial_part_is_refused():
    article = make_article(body="Verkor will supply Renault. 1 thought on this: I love Renault.")
    comments_start = article.body.index("1 thought")
    NonEditorialSpan.objects.create(
        article=article, kind="reader_comments", start=comments_start, end=len(article.body)
    )
    with pytest.raises(ValidationError) as error:
        cite(make_company(), article, "I love Renault")
    assert "reader comments" in str(error.value)
    assert cite(make_company(), article, "Verkor will supply Renault")


def test_citation_of_an_unknown_field_is_refused():
    citation = Citation(
        record=make_company(), article=make_article(), quote="Verkor", field="turnover"
    )
    with pytest.raises(ValidationError) as error:
        citation.full_clean(exclude=["start", "end"])
    assert "Company has no field “turnover”" in str(error.value)


def test_cited_article_cannot_be_deleted():
    article = make_article()
    cite(make_company(), article, "Verkor will supply")
    with pytest.raises(ProtectedError):
        article.delete()
    assert Article.objects.filter(pk=article.pk).exists()


def test_uncited_article_can_be_deleted():
    article = make_article()
    article.delete()
    assert not Article.objects.exists()


def test_editing_a_cited_passage_is_refused_with_the_citations_it_would_break():
    article = make_article(body="Verkor will supply 12 GWh. Renault holds 20%.")
    kept = cite(make_company(), article, "Renault holds 20%")
    broken = cite(make_company("Verkor"), article, "supply 12 GWh")
    article.body = "Verkor will supply 16 GWh. Renault holds 20%."
    with pytest.raises(ValidationError) as error:
        article.save()
    message = str(error.value)
    assert f"citation {broken.pk}" in message
    assert "supply 12 GWh" in message
    assert f"citation {kept.pk}" not in message
    article.refresh_from_db()
    assert article.body == "Verkor will supply 12 GWh. Renault holds 20%."


def test_editing_elsewhere_moves_the_citation_offsets_with_the_text():
    article = make_article(body="Verkor will supply 12 GWh.")
    citation = cite(make_company(), article, "12 GWh")
    article.body = "Press release. Verkor will supply 12 GWh."
    article.save()
    citation.refresh_from_db()
    assert citation.passage == "12 GWh"
    assert citation.start == len("Press release. Verkor will supply ")


def test_article_hash_follows_the_body():
    article = make_article(body="one")
    assert article.content_hash == Article.hash_body("one")
    article.body = "two"
    article.save()
    assert article.content_hash == Article.hash_body("two")


def test_saving_stores_a_partial_date_as_the_first_day_of_its_period():
    # Date filters compare stored dates, so even a save that skips clean() must normalise them.
    stake = make_stake(as_of=datetime.date(2021, 6, 28), as_of_precision=DatePrecision.MONTH)
    article = make_article(
        published_on=datetime.date(2023, 4, 17), published_precision=DatePrecision.YEAR
    )
    agreement = make_agreement(
        announced_on=datetime.date(2023, 4, 17), announced_precision=DatePrecision.DAY
    )
    stake.refresh_from_db()
    article.refresh_from_db()
    agreement.refresh_from_db()
    assert stake.as_of == datetime.date(2021, 6, 1)
    assert article.published_on == datetime.date(2023, 1, 1)
    assert agreement.announced_on == datetime.date(2023, 4, 17)


def test_an_agreement_can_be_announced_without_being_signed():
    agreement = make_agreement(status="announced")
    agreement.full_clean()
    assert agreement.get_status_display() == "Announced"


def test_broken_citation_is_named_by_its_record_field_and_quote():
    article = make_article(body="Renault Group is based in France.")
    citation = cite(make_company("Renault Group"), article, "based in France", field="country")
    article.body = "Renault Group is based in Spain."
    with pytest.raises(ValidationError) as error:
        article.save()
    assert error.value.message_dict["body"] == [
        "This change would break 1 citation(s): "
        f"citation {citation.pk} of company “Renault Group” (field country): “based in France”"
    ]


def test_citation_of_a_deleted_record_is_labelled_by_model_and_id():
    company = make_company("Renault Group")
    citation = cite(company, make_article(), "Verkor will supply")
    Citation.objects.filter(pk=citation.pk).update(object_id=company.pk + 1000)
    citation.refresh_from_db()
    assert citation.target_label() == f"company {company.pk + 1000}"


def test_quote_is_cited_where_it_is_editorial_when_it_also_appears_in_site_furniture():
    # Document 004 opens with a navigation line that repeats the headline.
    body = (FIXTURES_DIR / "articles" / "004_7a359afc56865d69.txt").read_text(encoding="utf-8")
    article = make_article(body=body)
    navigation = body.splitlines()[0]
    NonEditorialSpan.objects.create(
        article=article, kind="navigation", start=0, end=len(navigation)
    )
    headline = "Verkor partners with Renault Group to gear up its battery manufacturing in France"
    citation = cite(make_company(), article, headline)
    assert citation.passage == headline
    assert citation.start == body.index(headline, len(navigation))


def test_quote_found_only_in_non_editorial_parts_is_refused():
    article = make_article(
        body="Related: Verkor grows. Verkor supplies Renault. Related: Verkor grows."
    )
    for start in (0, article.body.rindex("Related")):
        NonEditorialSpan.objects.create(
            article=article,
            kind="navigation",
            start=start,
            end=start + len("Related: Verkor grows."),
        )
    with pytest.raises(ValidationError, match="navigation / site furniture of .* not editorial"):
        cite(make_company(), article, "Verkor grows")
    assert not Citation.objects.exists()


# -- Non-editorial spans --------------------------------------------------------------------------


def comment_span(article, text, kind="reader_comments"):
    """A span over the first occurrence of ``text``, made the way the admin form does."""
    start = article.body.index(text)
    return NonEditorialSpan(article=article, kind=kind, start=start, end=start + len(text))


def test_span_over_a_citation_is_a_form_error_naming_the_citation():
    article = make_article(body="Verkor will supply Renault. 1 thought on this: Renault holds 20%.")
    citation = cite(make_company("Renault Group"), article, "Renault holds 20%", field="notes")
    span = comment_span(article, "1 thought on this: Renault holds 20%.")
    with pytest.raises(ValidationError) as error:
        span.full_clean()
    assert error.value.messages == [
        "This span would cover 1 citation(s), and cited text must stay citable: "
        f"citation {citation.pk} of company “Renault Group” (field notes): “Renault holds 20%”"
    ]


def test_span_over_a_citation_is_refused_on_save_too():
    article = make_article(body="Verkor will supply Renault. 1 thought on this: Renault holds 20%.")
    citation = cite(make_company(), article, "Renault holds 20%")
    with pytest.raises(ValidationError, match=f"citation {citation.pk} of company"):
        comment_span(article, "1 thought on this: Renault holds 20%.").save()
    assert not NonEditorialSpan.objects.exists()


def test_span_moved_over_a_citation_is_refused():
    article = make_article(body="Verkor will supply Renault. 1 thought on this: I love Renault.")
    span = comment_span(article, "1 thought on this: I love Renault.")
    span.save()
    cite(make_company(), article, "Verkor will supply Renault")
    span.start = 0
    with pytest.raises(ValidationError, match="would cover 1 citation"):
        span.save()
    span.refresh_from_db()
    assert span.text == "1 thought on this: I love Renault."


def test_span_next_to_a_citation_is_accepted():
    article = make_article(body="Verkor will supply Renault. 1 thought on this: I love Renault.")
    cite(make_company(), article, "Verkor will supply Renault.")
    span = comment_span(article, " 1 thought on this: I love Renault.")
    span.full_clean()
    span.save()
    assert span.text == " 1 thought on this: I love Renault."


def test_span_past_the_end_of_the_article_is_refused_on_save():
    article = make_article(body="Verkor will supply Renault.")
    span = NonEditorialSpan(article=article, kind="boilerplate", start=5, end=len(article.body) + 1)
    with pytest.raises(ValidationError, match="past the end of the article"):
        span.save()
    assert not NonEditorialSpan.objects.exists()


def test_stored_span_still_validates_in_the_form_that_shortens_its_article():
    # The article form checks its span rows against the edited, unsaved article.
    body = "Verkor will supply Renault. Extra. 1 thought on this: I love Renault."
    article = make_article(body=body)
    comment_span(article, "1 thought on this: I love Renault.").save()
    article.body = body.replace(" Extra.", "")
    span = NonEditorialSpan.objects.get()
    span.article = article
    span.full_clean()


# -- Editing an article's text carries its spans and citations along ----------------------------


COMMENTED = "Verkor will supply 12 GWh to Renault. 1 thought on this: I love Renault!"


def commented_article():
    """An article with a reader comment section and a citation in the editorial part."""
    article = make_article(body=COMMENTED)
    comment_span(article, "1 thought on this: I love Renault!").save()
    citation = cite(make_company("Verkor"), article, "Verkor will supply 12 GWh")
    return article, citation


def test_text_added_at_the_top_moves_spans_and_citations_and_all_still_verify():
    article, citation = commented_article()
    article.body = "Press release. " + COMMENTED
    article.save()
    span = article.non_editorial_spans.get()
    citation.refresh_from_db()
    assert span.text == "1 thought on this: I love Renault!"
    assert citation.passage == "Verkor will supply 12 GWh"
    out = io.StringIO()
    call_command("verify_citations", stdout=out)
    assert out.getvalue() == "All 1 citations verify against 1 articles.\n"


def test_span_is_found_again_when_the_added_text_ends_like_it_begins():
    article = make_article(body="Press release\nVerkor will supply 12 GWh.")
    comment_span(article, "Press release", kind="navigation").save()
    article.body = "Press note\nPress release\nVerkor will supply 12 GWh."
    article.save()
    span = article.non_editorial_spans.get()
    assert (span.start, span.text) == (len("Press note\n"), "Press release")


def test_span_whose_text_is_edited_covers_the_edited_text():
    article, citation = commented_article()
    article.body = COMMENTED.replace("I love Renault!", "I really love Renault!")
    article.save()
    assert article.non_editorial_spans.get().text == "1 thought on this: I really love Renault!"


def test_span_whose_whole_text_is_deleted_goes_with_it():
    article, citation = commented_article()
    article.body = "Verkor will supply 12 GWh to Renault."
    article.save()
    assert not article.non_editorial_spans.exists()
    citation.refresh_from_db()
    assert citation.passage == "Verkor will supply 12 GWh"


def test_edit_that_would_put_a_citation_in_a_non_editorial_part_is_refused():
    article = make_article(body="Related: A. Verkor will supply 12 GWh.")
    span = comment_span(article, "Related: A.", kind="navigation")
    span.save()
    citation = cite(make_company("Verkor"), article, "Verkor will supply 12 GWh")
    # One save fixing both the navigation line and the end of the sentence: the span, edited,
    # is stretched over everything in between, the only place the quote is.
    article.body = "Related: B. Verkor will supply 12 GWh!"
    with pytest.raises(ValidationError) as error:
        article.save()
    assert error.value.message_dict["body"] == [
        "This change would put 1 citation(s) in a non-editorial part: "
        f"citation {citation.pk} of company “Verkor”: “Verkor will supply 12 GWh”"
    ]
    article.refresh_from_db()
    span.refresh_from_db()
    citation.refresh_from_db()
    assert article.body == "Related: A. Verkor will supply 12 GWh."
    assert span.text == "Related: A."
    assert citation.passage == "Verkor will supply 12 GWh"


def test_article_form_validation_gives_the_same_refusal_without_saving():
    article, citation = commented_article()
    article.body = COMMENTED.replace("12 GWh", "16 GWh")
    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["content_hash"])
    assert f"citation {citation.pk} of company “Verkor”" in error.value.message_dict["body"][0]
    assert Article.objects.get(pk=article.pk).body == COMMENTED


def test_form_validation_of_a_good_edit_changes_nothing_stored():
    article, citation = commented_article()
    stored_span = NonEditorialSpan.objects.values("start", "end").get()
    article.body = "Press release. " + COMMENTED
    article.full_clean(exclude=["content_hash"])
    assert NonEditorialSpan.objects.values("start", "end").get() == stored_span
    citation.refresh_from_db()
    assert citation.start == 0


def test_citation_next_to_text_pasted_with_the_same_words_keeps_its_passage():
    article, citation = commented_article()
    pasted = "Reuters: Verkor will supply 12 GWh. "
    article.body = pasted + COMMENTED
    article.save()
    citation.refresh_from_db()
    assert citation.start == len(pasted)


def test_a_stake_is_visible_to_the_public_only_with_both_companies_verified():
    from django.contrib.auth.models import AnonymousUser

    holder, target = make_company(review_status="verified"), make_company(review_status="draft")
    stake = make_stake(holder=holder, target=target, review_status="verified")
    # The stake itself is verified, but showing it would publish a draft company.
    assert not stake.is_visible_to(AnonymousUser())
    assert not Stake.objects.visible_to(AnonymousUser()).exists()
    # A passage that states its values, or it may not be verified.
    passage = f"{target.name}, a French carmaker, opened a plant."
    cite(target, make_article(body=passage), passage)
    target.review_status = "verified"
    target.save()
    assert list(Stake.objects.visible_to(AnonymousUser())) == [stake]
    stake.target.refresh_from_db()
    assert stake.is_visible_to(AnonymousUser())


# -- The registry of curated models ----------------------------------------------------------


def sourcing_models():
    return list(apps.get_app_config("sourcing").get_models())


def test_the_registry_lists_every_curated_record_and_every_edited_model():
    assert set(registry.curated_models()) == {
        model for model in sourcing_models() if issubclass(model, CuratedRecord)
    }
    assert set(registry.edited_models()) == {
        model for model in sourcing_models() if issubclass(model, Versioned)
    }


def test_the_registry_lists_each_model_after_those_it_refers_to():
    order = registry.edited_models()
    for position, model in enumerate(order):
        for field in model._meta.concrete_fields:
            related = field.related_model
            if field.many_to_one and related in order and related is not model:
                assert order.index(related) < position, (model, field.name)


def test_each_part_names_a_row_it_belongs_to():
    assert {model.__name__: model.parent_field for model in registry.record_parts()} == {
        "NonEditorialSpan": "article",
        "CompanyAlias": "company",
        "CompanyFigure": "company",
        "PlantAlias": "plant",
        "PlantCapacity": "plant",
        "PlantFigure": "plant",
        "PlantMilestone": "plant",
        "AgreementParty": "agreement",
        "AgreementVolume": "agreement",
        "Citation": "record",
        "ValueBasis": "record",
        "ValueConfirmation": "record",
    }


def test_the_editorial_groups_hold_exactly_the_registry_permissions():
    """A model added to the registry needs a migration granting its permissions."""
    for name, expected in (
        ("Editors", registry.editor_permissions()),
        ("Reviewers", registry.reviewer_permissions()),
    ):
        granted = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert sorted(granted) == sorted(expected), name


def test_company_search_matches_names_and_aliases_ignoring_case_and_accents():
    ampere = make_company("Ampère")
    renault = make_company("Renault Group", aliases=["le Losange"])
    make_company("Verkor")
    assert list(Company.objects.search("AMPERE")) == [ampere]
    assert list(Company.objects.search("losange")) == [renault]
    assert Company.objects.search("  ").count() == 3
