"""
Which models editors curate, as plain data: model names, so that migrations (which must not
import live models), views, the admin, seeding and tests all read the same lists. Adding a
curated model or a part of one means adding its name here, in dependency order.

What a part belongs to is declared on its model (``parent_field``); ``tests/test_models.py``
checks that these lists and the models agree.
"""

from django.apps import apps
from django.db import models

APP_LABEL = "sourcing"

# The records editors curate and reviewers verify (``CuratedRecord``), each with the
# ``verify_<name>`` permission that reviewers hold.
CURATED_RECORDS = ("company", "stake", "plant", "vehicleprogramme", "agreement")

# The rows of curated records that sources state on their own, so a citation may support one
# (a party's role, a plant's capacity of a year). A citation supports one of these or a curated
# record, nothing else (an article, an alias, another citation): ``citable_models``.
CITED_ROWS = (
    "companyfigure",
    "plantcapacity",
    "plantmilestone",
    "plantfigure",
    "agreementparty",
    "agreementvolume",
)

# Every model editors change (each a ``Versioned`` with a history), in dependency order: a row's
# parents come before it, so loading or exporting in this order never meets a missing reference.
EDITED_MODELS = (
    "article",
    "noneditorialspan",
    "company",
    "companyalias",
    "companyfigure",
    "plant",
    "plantalias",
    "plantcapacity",
    "plantmilestone",
    "plantfigure",
    "vehicleprogramme",
    "stake",
    "agreement",
    "agreementparty",
    "agreementvolume",
    "citation",
    "valuebasis",
    "valueconfirmation",
)

# Edited models only reviewers write (a reviewer's confirmation of a value): editors may look.
REVIEWER_WRITTEN = ("valueconfirmation",)

# What editors and reviewers may do with the edited models and with their history (simple-history
# checks the historical models' permissions for its history pages and reverts).
EDITOR_ACTIONS = ("add", "change", "delete", "view")
HISTORY_ACTIONS = ("change", "view")


def editor_permissions(model_names=EDITED_MODELS):
    """Permission codenames of the Editors group for ``model_names``."""
    return [
        *(f"{action}_{name}" for name in model_names for action in _actions(name, EDITOR_ACTIONS)),
        *(
            f"{action}_historical{name}"
            for name in model_names
            for action in _actions(name, HISTORY_ACTIONS)
        ),
    ]


def reviewer_permissions(model_names=EDITED_MODELS):
    """
    Those of the Reviewers group: the editors' ones, writing what only reviewers write, and
    verifying the curated records.
    """
    verified = [name for name in model_names if name in CURATED_RECORDS]
    written = [name for name in model_names if name in REVIEWER_WRITTEN]
    return [
        *editor_permissions(model_names),
        *(f"{action}_{name}" for name in written for action in EDITOR_ACTIONS if action != "view"),
        *(f"change_historical{name}" for name in written),
        *(f"verify_{name}" for name in verified),
    ]


def _actions(name, actions):
    """What editors may do with model ``name``: look only, if reviewers alone write it."""
    return ("view",) if name in REVIEWER_WRITTEN else actions


def curated_models():
    """The curated record classes, in the order of ``CURATED_RECORDS``."""
    return [apps.get_model(APP_LABEL, name) for name in CURATED_RECORDS]


def citable_models():
    """The models a citation may support: the curated records and their cited rows."""
    return [apps.get_model(APP_LABEL, name) for name in (*CURATED_RECORDS, *CITED_ROWS)]


def citable_content_types():
    """``limit_choices_to`` of a citation's content type: the models of ``citable_models``."""
    return models.Q(app_label=APP_LABEL, model__in=(*CURATED_RECORDS, *CITED_ROWS))


def edited_models():
    """Every edited model class, in dependency order (``EDITED_MODELS``)."""
    return [apps.get_model(APP_LABEL, name) for name in EDITED_MODELS]


def record_parts():
    """The models whose rows belong to another row (``parent_field``), in dependency order."""
    return [model for model in edited_models() if model.parent_field]
