"""
Published stays published, in a real browser: an editor changes a verified company, readers keep
the reviewed description while the reviewer reads the change against it, and verifying it
publishes it.
"""

import json
import urllib.request

import pytest

from sourcing.models import Company, ReviewStatus, ValueBasis
from sourcing.models.pending import pending_version_of

from .factories import cite, make_article, make_company, make_user
from .test_browser import (  # noqa: F401 (the browser fixture)
    WAIT_SECONDS,
    AdminUser,
    browser,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_company(base_url, pk):
    with urllib.request.urlopen(
        f"{base_url}/api/v1/companies/{pk}/", timeout=WAIT_SECONDS
    ) as reply:
        assert reply.status == 200
        return json.load(reply)


def test_an_editors_change_waits_for_the_reviewer_who_reads_the_diff_and_publishes_it(
    browser,  # noqa: F811
    live_server,
):
    article = make_article(body="Verkor is a French battery maker based in Grenoble.")
    verkor = make_company(
        "Verkor", review_status=ReviewStatus.VERIFIED, description="A battery maker."
    )
    cite(verkor, article, "Verkor is a French battery maker")
    for field in verkor.factual_fields:
        ValueBasis.objects.create(
            record=verkor, field=field, basis="general_knowledge", note="Known to every reader."
        )
    make_user("edith", "Editors")
    make_user("rita", "Reviewers")
    page = f"/admin/sourcing/company/{verkor.pk}/change/"
    person = AdminUser(browser, live_server.url)

    # The editor rewrites the description of the verified company and saves.
    person.log_in("edith")
    person.open(page)
    person.type_into("description", "A French battery maker based in Grenoble.")
    person.save()
    assert "was changed successfully" in person.messages()
    # Readers still get the reviewed description; the company is not a 404 for a moment.
    assert public_company(live_server.url, verkor.pk)["description"] == "A battery maker."

    # The reviewer opens the record: the change against the published version heads the page.
    person.log_in("rita")
    person.open(page)
    differences = person.find(".pending-changes").text
    assert "description: “A battery maker.” → “A French battery maker based in Grenoble.”" in (
        differences
    )
    person.choose("review_status", "Verified")
    person.save()
    assert not person.errors(), person.errors()

    assert public_company(live_server.url, verkor.pk)["description"] == (
        "A French battery maker based in Grenoble."
    )
    assert pending_version_of(Company.objects.get(pk=verkor.pk)) is None
    person.open(page)
    assert not browser.find_elements("css selector", ".pending-changes")
