import pytest

from .factories import cite, make_article, make_company

pytestmark = pytest.mark.django_db


def test_home_page_leads_to_the_admin_the_api_and_each_source_document(client):
    article = make_article(title="Verkor fournira 12 GWh")
    cite(make_company(), article, "Verkor will supply")
    page = client.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'href="/admin/"' in html
    assert 'href="/api/v1/"' in html
    assert 'href="/api/v1/docs/"' in html
    assert f'href="/articles/{article.pk}/source/"' in html
    assert "Verkor fournira 12 GWh" in html
    assert "1 citation<" in html


def test_home_page_on_an_empty_database_says_how_to_load_the_documents(client):
    assert "manage.py seed" in client.get("/").content.decode()


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_home_page_answers_writes_with_405(method):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)("/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
