"""
The admin's URLs of records: links from one admin page to another record's change page, and the
paths of the actions added to a record's page.
"""

from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html


def admin_url(record):
    """The admin change page of ``record``, or "" when its model has no admin."""
    opts = record._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return ""


def editing_page_url(record):
    """
    The admin page where ``record`` is edited: its own change page, or, for a row edited inline
    (a plant's capacity), its parent's (``Versioned.parent_row``); "" if there is none.
    """
    while record is not None:
        url = admin_url(record)
        if url:
            return url
        parent_row = getattr(record, "parent_row", None)
        record = parent_row() if parent_row else None
    return ""


def admin_link(record):
    url = admin_url(record)
    return format_html('<a href="{}">{}</a>', url, record) if url else str(record)


def record_action_path(model_admin, action, view):
    """
    The path of ``action`` ("reject-change") on a record's admin page, ``<id>/reject-change/``,
    behind the admin's login and named as Django names the page's own URLs
    (``sourcing_stake_reject_change`` beside ``sourcing_stake_change``).
    """
    opts = model_admin.model._meta
    return path(
        f"<path:object_id>/{action}/",
        model_admin.admin_site.admin_view(view),
        name=f"{opts.app_label}_{opts.model_name}_{action.replace('-', '_')}",
    )
