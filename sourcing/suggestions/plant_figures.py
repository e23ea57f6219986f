"""
Investment and jobs as a plant's figures: an amount of money in a sentence that speaks of
investing in a plant ("X has invested €480 million in the site"), and a number of jobs in
one that speaks of a plant or of jobs it will create ("the project would create some 1,300
jobs"). Money raised by a company, a stake's price and a company's own staff are not a plant's.
"""

import re

from . import triggers
from .records import known_plant_id, plant_at

_INVESTMENT = triggers.words(
    r"invest\w*|investissements?|coûts?|coûte\w*|cost(?:s|ing)?|montant|capex|"
    # a cost said as a budget or a reckoning: "is budgeted at", "the bill is put at", "is priced
    # at", "le projet est chiffré à"
    r"budget\w*|(?:put|priced|pegged)[ \u00a0]+at|chiffr(?:é|ée|és|ées|e|ent|era|eront)|"
    r"financ\w+|spend(?:s|ing)?|spent|allocat\w+|earmark\w*|consacr\w+|dépens\w+|"
    r"inject\w*|mobilis\w+|bill|price tag|enveloppe|facture"
)
# A sum an extension of the plant is said to be: "une extension de 120 millions d'euros", "an
# expansion worth €80 million".
_EXTENSION_OF = re.compile(
    r"(?<![\w])(?:extension|expansion|agrandissement)[ \u00a0]+(?:de|of|worth|d['’]un[ \u00a0]+"
    r"montant[ \u00a0]+de)[ \u00a0]+(?:[\w-]+[ \u00a0]+)?$",
    re.I,
)
# A sum said as a difference ("about €200 million more than estimated", "50 millions de plus
# que prévu") is no plant's investment.
_DIFFERENCE_AFTER = re.compile(
    r"[ \u00a0]+(?:more|less|higher|lower|above|below)[ \u00a0]+than|[ \u00a0]+de[ \u00a0]+"
    r"(?:plus|moins)[ \u00a0]+que",
    re.I,
)
# Jobs a company plans ("prévoit 700 emplois", "expects 600 jobs") or a plant's own ("its 640
# employees", "ses 300 salariés" after a sentence about the plant).
_JOBS_PLANNED = triggers.words(
    r"prévoi\w*|expect\w*|plan(?:s|ned|ning)?|envisag\w*|promet\w*|promis\w*|"
    r"target\w*|vise|visent"
)
# A part of the sum before ("dont 120 millions d'aides publiques", "of which $500 million in
# grants") is no investment of its own.
_PART_BEFORE = re.compile(
    r"(?<![\w])(?:dont|of[ \u00a0]+which|including|y[ \u00a0]+compris)[ \u00a0]+"
    r"(?:[\w'’-]+[ \u00a0]+){0,2}$",
    re.I,
)
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w])(?:its|their|ses|leurs|son|sa)[ \u00a0]+$", re.I)
# Money that is not put into a plant: funds raised, stakes bought or sold, valuations.
_NOT_INVESTED = triggers.words(
    r"raised|raises|raise|raising|levée|lève|levé|fund-?raising|capital increase|"
    r"augmentation de capital|valu\w+|valoris\w+|sold|sells|vend\w*|cède|cédé|revenue|"
    r"chiffre d['’]affaires|turnover|since its creation|depuis sa création"
)
# An amount written before the plant it prices: "a €450 million plant", "a $2bn gigafactory".
_PRICED_PLANT = re.compile(
    r"[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}?(?:gigafactor\w*|plants?|factor(?:y|ies)|refiner\w*|"
    r"facilit\w*|projects?)(?![\w])",
    re.I,
)
_JOBS_CREATED = triggers.words(
    r"creat\w*|créer|créera|créeront|création|generate\w*|générer|emploier|"
    r"employer|emploiera|emploieront|will employ|employ|hire|hiring|embauche\w*|recrut\w*|"
    r"investissement|investment|"
    # the people who will work there: "some 400 people will work there", "y travailleront"
    r"(?:will|would|to|should)[ \u00a0]+work|work[ \u00a0]+there|y[ \u00a0]+travaill\w+|"
    r"travailleront|fera[ \u00a0]+travailler"
)
_PLANT_CONTEXT = triggers.words(
    r"gigafactor\w*|plants?|factor(?:y|ies)|sites?|usines?|refiner\w*|raffiner\w*|"
    r"facilit\w*|unités?|ateliers?|lines?|lignes?|projects?|projets?|capacity|capacité"
)


def plant_figures(sentence, facts, discourse):
    body, passage = sentence.reading.body, sentence.passage
    money = [f for f in sentence.figures if f["unit"] in ("EUR", "USD")]
    jobs = [f for f in sentence.figures if f["unit"] == "jobs"]
    if not (money or jobs):
        return
    invested = (
        _INVESTMENT.search(body, passage.start, passage.end)
        or any(_PRICED_PLANT.match(body, figure["end"]) for figure in money)
        or any(
            _EXTENSION_OF.search(body, max(0, figure["start"] - 40), figure["start"])
            for figure in money
        )
    ) and not _NOT_INVESTED.search(body, passage.start, passage.end)
    about_plant = bool(sentence.plant_refs) or _PLANT_CONTEXT.search(
        body, passage.start, passage.end
    )
    jobs_of_plant = (
        about_plant
        or _JOBS_CREATED.search(body, passage.start, passage.end)
        # "Le coût est estimé à 420 M€, pour 350 emplois": jobs beside a plant's investment
        or (bool(invested) and bool(money) and sentence.context_plant is not None)
        or (
            sentence.context_plant is not None
            and (
                _JOBS_PLANNED.search(body, passage.start, passage.end)
                or any(
                    _POSSESSIVE_BEFORE.search(body, max(0, f["start"] - 8), f["start"])
                    for f in jobs
                )
            )
        )
    )
    for kind, figures, applies in (
        ("investment", money, invested),
        ("jobs", jobs, jobs_of_plant),
    ):
        if not applies:
            continue
        for figure in figures:
            if kind == "investment" and (
                _DIFFERENCE_AFTER.match(body, figure["end"])
                or _PART_BEFORE.search(body, max(0, figure["start"] - 40), figure["start"])
            ):
                continue
            plant = plant_at(sentence, figure["start"])
            if plant is None:
                continue
            fields = {
                "plant": discourse.plant_value(plant),
                "kind": kind,
                "value": figure["value"],
                "unit": figure["unit"],
                "qualifier": figure["qualifier"],
                "year": figure["year"],
            }
            plant_id = known_plant_id(plant)
            exists = bool(
                facts
                and plant_id
                and facts.has_figure(plant_id, kind, figure["value"], figure["year"])
            )
            key = ("plant_figure", plant_id or id(plant), kind, figure["value"])
            yield key, sentence.propose("plant_figure", fields, [figure], exists)
