"""
Indexes that carry the API at scale on PostgreSQL (a no-op elsewhere):

- trigram GIN indexes on the folded search columns, which serve ``LIKE '%term%'`` (the B-tree
  ``search_name`` indexes never do);
- B-tree indexes in the order each list is served by default, partial on verified records where
  that is what anonymous readers page through, so a page is an index walk, not a sort;
- the lookups behind ``cited_in`` and ``party``.

Declared in SQL rather than on the models because they are PostgreSQL's (GIN, operator classes,
NULLS LAST); SQLite keeps the indexes the models declare.
"""

from django.db import migrations

from ._postgresql_indexes import postgresql_indexes

INDEXES = {
    "sourcing_company_search_trgm": "sourcing_company USING gin (search_name gin_trgm_ops)",
    "sourcing_companyalias_search_trgm": (
        "sourcing_companyalias USING gin (search_name gin_trgm_ops)"
    ),
    "sourcing_plant_search_trgm": "sourcing_plant USING gin (search_name gin_trgm_ops)",
    "sourcing_plantalias_search_trgm": "sourcing_plantalias USING gin (search_name gin_trgm_ops)",
    "sourcing_agreement_search_trgm": "sourcing_agreement USING gin (search_title gin_trgm_ops)",
    "sourcing_article_search_trgm": "sourcing_article USING gin (search_text gin_trgm_ops)",
    "sourcing_agreement_listed": ("sourcing_agreement (announced_on DESC NULLS LAST, title, id)"),
    "sourcing_agreement_listed_verified": (
        "sourcing_agreement (announced_on DESC NULLS LAST, title, id) "
        "WHERE review_status = 'verified'"
    ),
    "sourcing_company_listed_verified": (
        "sourcing_company (name, id) WHERE review_status = 'verified'"
    ),
    "sourcing_plant_listed_verified": "sourcing_plant (name, id) WHERE review_status = 'verified'",
    "sourcing_article_listed": "sourcing_article (published_on NULLS LAST, title, id)",
    "sourcing_citation_by_article": "sourcing_citation (article_id, content_type_id, object_id)",
    "sourcing_party_by_company": "sourcing_agreementparty (company_id, agreement_id)",
}


class Migration(migrations.Migration):
    dependencies = [("sourcing", "0008_change_feed_in_commit_order")]

    operations = [postgresql_indexes(INDEXES, before=["CREATE EXTENSION IF NOT EXISTS pg_trgm"])]
