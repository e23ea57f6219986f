"""
A proposal's values as the desk's form shows them: each with the label of the model field it
fills ("Share (exact)", "Party 1 · Role"), a labelled select for a field with choices (kinds,
statuses, roles, qualifiers), and a text box suggesting the article's companies or plants for a
field that names one. The names of the inputs stay the proposal's paths ("fields.parties.0.role"),
which desk.js writes back into the proposal it sends.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from ..models import AgreementParty, AgreementVolume
from .writes import MODEL_OF_KIND

# The rows a proposal nests, by the key that holds them, and the model of each row.
ROW_MODELS = {"parties": AgreementParty, "volumes": AgreementVolume}
# Values naming a company or a plant, and the list of suggestions their box offers.
COMPANY_REFERENCES = {"holder", "target", "company", "operator"}
PLANT_REFERENCES = {"plant"}
# The proposal's names of fields the model names otherwise.
MODEL_FIELD = {"announced": "announced_on"}


def proposal_inputs(kind, flattened):
    """[{"name", "value", "label", "choices", "suggest"}] for the (path, value) pairs given."""
    return [_input(kind, name, value) for name, value in flattened]


def _input(kind, name, value):
    path = name.split(".")[1:]  # "fields.parties.0.role" -> ["parties", "0", "role"]
    model = MODEL_OF_KIND.get(kind)
    prefix = ""
    if len(path) == 3 and path[0] in ROW_MODELS:
        model = ROW_MODELS[path[0]]
        prefix = f"{capfirst(model._meta.verbose_name)} {int(path[1]) + 1} · "
    field_name = path[-1]
    field = _field(model, MODEL_FIELD.get(field_name, field_name))
    label = capfirst(field.verbose_name) if field is not None else field_name.replace("_", " ")
    choices = None
    if field is not None and field.choices:
        choices = [(str(key), str(text)) for key, text in field.flatchoices]
        if value not in ("", None) and str(value) not in dict(choices):
            choices.append((str(value), str(value)))  # the machine's value, kept selectable
        if field.blank or value in ("", None):
            choices.insert(0, ("", "—"))
    suggest = (
        "desk-companies"
        if field_name in COMPANY_REFERENCES
        else "desk-plants"
        if field_name in PLANT_REFERENCES
        else ""
    )
    return {
        "name": name,
        "value": "" if value is None else str(value),
        "label": prefix + label,
        "choices": choices,
        "suggest": suggest,
    }


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def known_names(mentions, proposals, records):
    """
    {"companies": [...], "plants": [...]}: the names the reference boxes suggest, those the
    article names (known records and new names the engine found), those its proposals name, and
    the companies and plants already citing it, so a record made a moment ago is among them.
    """
    found = {"company": set(), "plant": set()}
    for mention in mentions:
        kind = "company" if mention.get("kind") == "candidate_company" else mention.get("kind")
        if kind in found:
            record = mention.get("record") or {}
            found[kind].add(record.get("name") or mention.get("text") or "")
    for proposal in proposals:
        fields = proposal.get("fields") or {}
        if proposal.get("kind") in found:
            found[proposal["kind"]].add(fields.get("name") or "")
        for key, value in _references(fields):
            found["plant" if key in PLANT_REFERENCES else "company"].add(value)
    for record in records:
        kind = record._meta.model_name
        if kind in found:
            found[kind].add(record.name)
    return {
        "companies": sorted(name for name in found["company"] if name),
        "plants": sorted(name for name in found["plant"] if name),
    }


def _references(fields):
    """(key, name) of every company or plant a proposal's values name, rows included."""
    for key, value in fields.items():
        if key in COMPANY_REFERENCES | PLANT_REFERENCES and value:
            yield key, str(value.get("name") or "") if isinstance(value, dict) else str(value)
        elif key in ROW_MODELS and isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    yield from _references(row)
