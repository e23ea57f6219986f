"""Links from one admin page to another record's change page."""

from django.urls import NoReverseMatch, reverse
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
