"""Template filters of the public pages."""

from django import template
from django.apps import apps

register = template.Library()


@register.filter
def choice_label(value, field):
    """
    The label of a stored choice, as readers should see it: ``{{ plant.status|choice_label:
    "plant.status" }}`` gives "Under construction" for "under_construction".
    """
    model_name, field_name = field.split(".")
    choices = dict(apps.get_model("sourcing", model_name)._meta.get_field(field_name).choices)
    return choices.get(value, value)
