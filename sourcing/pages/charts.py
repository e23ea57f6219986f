"""
A plant's capacities drawn as an SVG bar chart on the server: no script is needed to read it, and
every bar is labelled with the figure as the source bounds it ("up to 24", "over 13"), since a
bar alone cannot show that a figure is a ceiling or a floor. Figures without a year come first,
labelled by their basis ("initial").
"""

from decimal import Decimal

from django.utils.html import format_html, format_html_join

from ..models import QuantityQualifier

WIDTH, HEIGHT = 640, 260
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 48, 40, 28
BAR_GAP = 12

# How a bound reads above its bar: the figure itself for an exact one.
BOUND_WORDS = {
    QuantityQualifier.EXACT: "",
    QuantityQualifier.ABOUT: "about ",
    QuantityQualifier.OVER: "over ",
    QuantityQualifier.AT_LEAST: "at least ",
    QuantityQualifier.UP_TO: "up to ",
    QuantityQualifier.UNDER: "under ",
}


def figure_label(capacity):
    """ "up to 24": a capacity's figure with its bound, in GWh per year."""
    figure = Decimal(str(capacity["gwh_per_year"])).normalize()
    return f"{BOUND_WORDS.get(capacity['qualifier'], '')}{figure:f}"


def when_label(capacity):
    return str(capacity["year"]) if capacity["year"] else capacity["basis"]


def coordinates(*numbers):
    """SVG coordinates written to a tenth (format_html escapes its arguments into text)."""
    return [f"{number:.1f}" for number in numbers]


def capacity_chart(capacities):
    """The SVG of ``capacities`` (as the API writes them), or "" when there are none."""
    if not capacities:
        return ""
    ordered = sorted(capacities, key=lambda c: (c["year"] is not None, c["year"] or 0))
    top = max(float(c["gwh_per_year"]) for c in ordered) or 1.0
    plot_width = WIDTH - MARGIN_LEFT - 8
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    bar_width = min(80, (plot_width - BAR_GAP * len(ordered)) / len(ordered))
    bars = []
    for index, capacity in enumerate(ordered):
        height = plot_height * float(capacity["gwh_per_year"]) / top
        x = MARGIN_LEFT + BAR_GAP + index * (bar_width + BAR_GAP)
        y = MARGIN_TOP + plot_height - height
        bars.append((capacity, x, y, height))
    body = format_html_join(
        "\n",
        '<g class="bar bar-{}"><rect x="{}" y="{}" width="{}" height="{}"></rect>'
        '<text class="figure" x="{}" y="{}">{}</text>'
        '<text class="when" x="{}" y="{}">{}</text></g>',
        (
            (
                capacity["qualifier"],
                *coordinates(x, y, bar_width, height, x + bar_width / 2, y - 6),
                figure_label(capacity),
                *coordinates(x + bar_width / 2, HEIGHT - MARGIN_BOTTOM + 18),
                when_label(capacity),
            )
            for capacity, x, y, height in bars
        ),
    )
    axis = format_html(
        '<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<text class="unit" x="4" y="{}">GWh/yr</text>',
        MARGIN_LEFT,
        HEIGHT - MARGIN_BOTTOM,
        WIDTH - 8,
        HEIGHT - MARGIN_BOTTOM,
        MARGIN_TOP - 10,
    )
    description = "; ".join(f"{when_label(c)}: {figure_label(c)} GWh/yr" for c in ordered)
    return format_html(
        '<svg class="capacity-chart" role="img" viewBox="0 0 {} {}" aria-labelledby="{}">'
        '<title id="{}">Capacity by year: {}</title>{}{}</svg>',
        WIDTH,
        HEIGHT,
        "capacity-chart-title",
        "capacity-chart-title",
        description,
        axis,
        body,
    )
