"""
Figures: the passage gives the number, in any written form the suggestions engine reads
("2 500", "12,5", "1,3 milliard", "one third", "un tiers"), with the stored unit and bound. A
stored "up to 15%" needs "up to / jusqu'à / pouvant atteindre / au maximum 15%"; an exact value
is not stated by a passage that bounds it ("about 12 GWh" does not state exactly 12 GWh).
"""

from .verdicts import cannot_tell, not_stated, stated

# Units that state a stored unit: a capacity in GWh is a yearly capacity unless said otherwise.
UNITS_STATING = {"GWh/yr": ("GWh/yr", "GWh")}
QUALIFIER_WORDS = {
    "exact": "exactly",
    "about": "about",
    "over": "over",
    "at_least": "at least",
    "up_to": "up to",
    "under": "under",
}


def same_number(first, second):
    """Equal up to the rounding of a written fraction ("one third" is 33.33%)."""
    first, second = float(first), float(second)
    return abs(first - second) <= max(0.005 * max(abs(first), abs(second)), 1e-9)


def describe(value, unit, qualifier):
    number = f"{float(value):g}"
    bound = QUALIFIER_WORDS.get(qualifier, qualifier)
    return f"{bound} {number} {unit}".strip()


def check_figure(value, reading):
    stored = describe(value.value, value.unit, value.qualifier)
    numbers = [f for f in reading.figures if same_number(f.value, value.value)]
    units = UNITS_STATING.get(value.unit, (value.unit,))
    with_unit = [f for f in numbers if f.unit in units]
    for figure in with_unit:
        if figure.qualifier == value.qualifier:
            return stated(f"gives “{reading.text[figure.start : figure.end]}”")
    if with_unit:
        figure = with_unit[0]
        return not_stated(
            f"gives “{reading.text[figure.start : figure.end]}” "
            f"({QUALIFIER_WORDS.get(figure.qualifier, figure.qualifier)}), not {stored}"
        )
    if any(figure.unit is None for figure in numbers):
        return cannot_tell(f"gives the number of {stored} without its unit")
    if numbers:
        return not_stated(f"gives {numbers[0].value:g} {numbers[0].unit}, not {stored}")
    given = ", ".join(f"“{reading.text[f.start : f.end]}”" for f in reading.figures[:3])
    return not_stated(f"gives no figure of {stored}" + (f" (only {given})" if given else ""))
