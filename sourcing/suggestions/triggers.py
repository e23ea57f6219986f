"""
The words, in English and French, that tell what kind of fact a sentence states: a stake, a
capacity, a milestone, an agreement of some kind, and in what state it is.
"""

import re

_S = r"[\s\u00a0]"


def words(pattern):
    """Whole words, in any case (the statement checker reads with them too: ``vocabulary``)."""
    return re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.I)


STAKE = words(
    r"stakes?|shareholders?|shareholding|share capital|equity|holds?|holding|owns?|owned|"
    r"acquires?|acquired|acquisition|capital|participation|actionnaires?|détient|détiendra|"
    r"possède|possédera|rachète|rachat"
)
# Nominal forms that name the holder after them: "une prise de participation de Nissan".
STAKE_BY_FOLLOWING = words(r"prise de participation|investment by|investissement de")
STAKE_COMPLETED = words(
    r"holds|owns|owned|has acquired|acquired|possède|détient|est actionnaire|is a shareholder|"
    r"est entré au capital|entré au capital|a acquis|has taken"
)
STAKE_PLANNED = words(r"plans?|planned|prévoit|envisage|would|pourrait|could|pouvant")

CAPACITY = words(
    r"capacity|capacities|capacité|capacités|production|produce|produces|output|gigafactory|"
    r"gigafactories|gigafactorys|usine|usines|plant|factory|factories|site|lines?|lignes?|"
    r"produire|produira|cell production"
)
INITIAL = words(
    r"initial|initially|first phase|first stage|initiale|initialement|première phase|"
    r"dans un premier temps|first step|start(?:s|ing)? with|démarrera avec|commencera avec|"
    r"at (?:its )?(?:opening|launch|start-up)|(?:à son|à l['’]|lors de son) (?:ouverture|"
    r"démarrage|lancement)|au démarrage|au lancement|first tranche|première tranche|"
    r"phase (?:1|one)|first line|première ligne|premier module|"
    r"start(?:s|ing)? out (?:with|at)|(?:begin|begins|open|opens) with|at first|at the outset|"
    r"to begin with|au départ|d['’]abord|démarr\w* (?:avec|à)|ouvrira avec|"
    r"(?:production|output|operations?) (?:\w+ ){0,3}(?:start|begin)\w*(?: in \d{4})? at|"
    r"(?:start|begin)\w* (?:production|producing|operations?)(?: in \d{4})? at"
)
CURRENT = words(
    r"current|currently|today|now|actuelle|actuellement|aujourd['’]hui|already|déjà|existing|"
    r"existante?|à ce jour|at present|presently|to date|"
    r"(?:has|have) an?(?: \w+)? capacity|dispose d['’]une(?: \w+)? capacité"
)
# Words that take a capacity beyond the one a phase or today has: "start with 8 GWh and be
# expanded to 24 GWh", "6 GWh, portée à 15 GWh", "puis 25 GWh".
GROWTH = words(
    r"ris(?:e|es|ing) to|expand\w* to|extend\w* to|increas\w* to|grow\w* to|rais\w* to|"
    r"doubl\w*|tripl\w*|then|later|eventually|ultimately|portée?s? à|porter à|portera à|puis|"
    r"ensuite|à terme|étendue?s? à|augment\w*|atteindr\w*|reach\w*"
)
PLANT_WORD = words(
    r"gigafactory|gigafactories|plant|factory|site|usine|pilot line|ligne pilote|centre|center"
)

# The parts milestones are said with, composed below: a noun of the work or of production, a
# verb or a noun of starting, and what may stand between them ("Construction of the plant in
# Florange is scheduled to begin", "les travaux de l'usine ont été lancés", "début de la
# construction"). The sentences of tests/test_suggestions_plants.py list the variants.
_BETWEEN = r"(?:\s+(?:of|on|at|for|de|du|des|d['’]|sur)\s+[^.,;]{0,60}?)?\s+(?:[\w'’-]+\s+){0,5}?"
_CONSTRUCTION_NOUN = (
    # "Works are due to begin", "the works will start": works as a noun, before a verb's helper
    r"works(?=\s+(?:are|will|should|were|have|"
    r"could|may|might|must|is|would)\s)|"
    r"construction(?:\s+works?)?|building\s+works?|site\s+works?|civil\s+works?|"
    r"preparatory\s+works?|works?\s+on\s+[^.,;]{0,50}?|travaux(?:\s+de\s+construction)?|"
    r"chantier"
)
_START_VERB = (
    r"start(?:s|ed|ing)?|begin(?:s|ning)?|began|begun|commenc(?:e|es|ed|ing)|kick(?:s|ed)?\s+off|"
    r"(?:get|gets|got|getting|is|are|be)\s+under\s?way|launch(?:es|ed)?|"
    r"commencer|commencera|commenceront|commence|commencent|a\s+commencé|ont\s+commencé|"
    r"débuter|débutera|débuteront|débute|débutent|a\s+débuté|ont\s+débuté|"
    r"démarrer|démarrera|démarreront|démarre|démarrent|a\s+démarré|ont\s+démarré|"
    r"(?:avait|avaient)\s+(?:démarré|commencé|débuté)|"
    r"(?:a|ont|ont\s+été|a\s+été|sera|seront)\s+lancée?s?|lancée?s?\s+(?:en|le|au|fin|début)"
)
_START_NOUN = r"start|beginning|launch|kick-off|début|démarrage|lancement|ouverture"
_START_THE = (
    r"(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|commenc(?:e|es|ed|ing)|kick(?:s|ed)?\s+off|"
    r"lancer|lancera|lance|lancé|commencer|commencera|démarrer|démarrera|débuter|débutera)"
)
_PRODUCTION_NOUN = (
    r"(?:(?:mass|series|commercial|cell|volume|full|first)\s+)?(?:production|operations?|"
    r"manufacturing|output)|(?:la\s+|sa\s+|leur\s+)?production(?:\s+(?:commerciale|en\s+série|"
    r"de\s+(?:masse|série)))?"
)
# Not "first deliveries": a supply contract's are not a plant's start.
_FIRST_OUTPUT = (
    r"first\s+(?:cells|batteries|modules|packs|tonnes|tons|output|products|units|material)|"
    # "first product is due", "expects first saleable product", "le premier produit sortira"
    r"first\s+(?:saleable\s+|commercial\s+)?product(?!\s+of)|premier\s+produit|"
    r"premi(?:è|e)res?\s+(?:cellules|batteries|tonnes|productions?)|"
    r"premiers\s+(?:modules|packs|produits)|"
    # a material plant's first output: "the first cathode is due", "first hydroxide"
    r"first\s+(?:cathodes?|anodes?|precursors?|hydroxide|carbonate|separators?|electrolytes?)|"
    r"premi(?:è|e)re?s?\s+(?:cathodes?|anodes?|précurseurs?|hydroxyde|électrolytes?)"
)
_PLANT_NOUN = (
    r"gigafactor(?:y|ies)|plants?|factor(?:y|ies)|sites?|works|facilit(?:y|ies)|refiner(?:y|ies)|"
    r"workshops?|lines?|usines?|raffineries?|ateliers?|lignes?|unités?"
)
# Closing said of a plant, not of a deal or a share offer ("une augmentation de capital qui
# sera close"): the plant word before the verb, or after it, or the end of its production.
_CLOSING = (
    r"clos(?:e|es|ed|ing|ure)|shut(?:s|ting)?(?:\s+down)?|shutdown|mothball\w*|"
    r"wind(?:s|ing)?\s+down|wound\s+down|ferm(?:er|era|eront|é|ée|és|ées|eture|ait)"
)
# When, said between the verb and the plant: "fermera fin 2026 son atelier", "will close at the
# end of next year its plant".
_CLOSE_WHEN = (
    r"(?:(?:en\s+revanche|however|also|aussi|également|finally|finalement|d['’]ici|by|in|at|the|"
    r"end|of|fin|début|mi|en|au|cours|de|l['’]an|prochain|next|year|this|cette|année|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"[12][0-9]{3})\s+){0,6}?"
)
_CLOSE = (
    rf"(?:{_PLANT_NOUN})\s+(?:[\w'’-]+\s+){{0,5}}?(?:{_CLOSING})|"
    rf"(?:{_CLOSING})\s+(?:down\s+)?{_CLOSE_WHEN}(?:of\s+|de\s+|du\s+|d['’])?(?:the\s+|its\s+|their\s+|"
    rf"this\s+|la\s+|le\s+|l['’]|sa\s+|son\s+|ses\s+|leur\s+|cette\s+|ce\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_PLANT_NOUN})|"
    r"(?:closed|closes|close|fermé|fermera|fermer)\s+(?:its|their|ses|leurs)\s+(?:doors|portes)|"
    r"(?:cease|ceases|ceased|end|ends|ended|halt|halts|halted|stop|stops|stopped)\s+"
    r"(?:all\s+)?(?:production|operations|manufacturing)|(?:arrêt|arrêter|arrêtera|arrêté|"
    r"cessation|cesser|cessera)(?:\s+définitive(?:ment)?)?\s+(?:de\s+)?(?:la\s+|sa\s+|"
    r"leur\s+|l['’])?(?:production|activité|exploitation)"
)

# A milestone moved to another date: "construction, which had been due to start this year, has
# been put back to 2027", "la mise en service, prévue en 2026, est repoussée à 2028".
_DELAYED = (
    r"[^.;]{0,90}?(?:put\s+back|pushed\s+back|delayed|postponed|slip(?:s|ped)?|deferred|"
    r"moved\s+back|reporté(?:e|s|es)?|repoussé(?:e|s|es)?|décalé(?:e|s|es)?|retardé(?:e|s|es)?)"
    r"\s+(?:until|to|till|into|à|en|au|jusqu['’]en)"
)

MILESTONES = [
    (
        "pilot_start",
        words(r"pilot lines?|lignes? pilotes?|pilot plant|usine pilote|pilot production"),
    ),
    (
        "construction_start",
        words(
            # "Commencée en 2025, la construction de …", "Started in 2024, construction of …"
            r"(?:commencée?s?|démarrée?s?|entamée?s?|lancée?s?|started|begun)(?=\s+(?:en|in)\s+"
            r"[12][0-9]{3},?\s+(?:la\s+|le\s+|les\s+|the\s+)?(?:construction|chantier|"
            r"travaux|work))|"
            # "le chantier s'ouvrira", "les travaux s'ouvrent" (first: the longer reading below
            # would run on to the next clause's verb)
            rf"(?:chantier|travaux){_BETWEEN}s['’]ouvr\w*|"
            # "construction is scheduled for mid-2027", "le chantier est prévu pour 2027"
            rf"(?:construction|chantier|travaux){_BETWEEN}(?:is|are|est|sont)\s+(?:now\s+)?"
            r"(?:scheduled|planned|slated|due|expected|prévue?s?|programmée?s?|attendue?s?)"
            r"(?=\s+(?:for|in|by|pour|en|à|au|début|fin|mi)(?![\w]))|"
            rf"(?:{_CONSTRUCTION_NOUN}){_BETWEEN}(?:{_START_VERB})|"
            rf"{_START_THE}\s+(?:the\s+|la\s+|les\s+|le\s+|its\s+|their\s+|sa\s+|ses\s+)?"
            r"(?:construction|building|travaux|chantier|works?)|"
            rf"(?:{_START_NOUN})\s+(?:of\s+(?:the\s+)?|de\s+la\s+|des\s+|du\s+)(?:construction|"
            r"building|works?|travaux|chantier)|"
            r"break(?:s|ing)? ground|broke\s+ground|ground\s+(?:was|is|will\s+be)\s+broken|"
            r"groundbreaking|ground-breaking|groundworks?|earthworks?|terrassements?|"
            r"(?:first|foundation)\s+stone|première\s+pierre|mise en chantier|begin(?:s)? building|"
            r"start building|under construction since|en (?:cours de )?construction depuis|"
            r"en chantier depuis|premiers?\s+coups?\s+de\s+(?:pelle|pioche)|"
            # the first concrete or the foundations poured: "poured the first concrete", "a
            # coulé les fondations", "premier béton coulé"
            r"(?:poured|pours|pouring|coulé|coule|coulent|coulera|couleront)\s+(?:the|its|"
            r"their|le|la|les|sa|ses|leurs?)\s+(?:(?:first|initial|premi[eè]re?s?)\s+)?"
            r"(?:concrete|foundations?|béton|fondations?|dalles?)|"
            r"(?:first|premier)\s+(?:concrete|béton)\s+(?:was\s+|has\s+been\s+|a\s+été\s+)?"
            r"(?:poured|coulé)|"
            rf"(?:construction|travaux|chantier){_DELAYED}"
        ),
    ),
    (
        "operation_start",
        words(
            rf"(?:{_PRODUCTION_NOUN}){_BETWEEN}(?:{_START_VERB}|(?:will|would|should|is\s+to|to)"
            r"\s+(?:start|begin|commence))|"
            rf"(?:{_START_NOUN})\s+(?:of\s+|de\s+(?:la\s+|l['’])?|du\s+)(?:(?:mass|series|"
            r"commercial|cell)\s+)?(?:production|operations?|usine|site|plant|factory)|"
            r"(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|begun|commence(?:s|d)?|démarrer|"
            r"démarrera|démarre|démarreront|a\s+démarré|commencer|commencera|lancer|lancera)\s+"
            r"(?:(?:mass|series|commercial|cell|volume)\s+|sa\s+|la\s+|leur\s+|its\s+|their\s+)?"
            r"(?:production|operations|operating|producing|manufacturing)|"
            r"commencer(?:a|ont)?\s+à\s+produire|"
            # "production is not expected before 2030", "output is due in 2028"
            rf"(?:production|output|operations){_BETWEEN}(?:is|are)\s+(?:not\s+)?(?:now\s+)?"
            r"(?:expected|due|scheduled|slated|planned)(?=\s+(?:before|in|by|for|from)\s)|"
            r"operational|opérationnel(?:le)?s?|completion|completed|"
            r"open(?:s|ed|ing)?|(?:come|comes|came|go|goes|went|be|is)\s+(?:on\s?line|on\s?stream)|"
            r"up\s+and\s+running|"
            r"(?:enter|enters|entered|went|go|goes|come|came)\s+into\s+(?:production|service|"
            r"operation)|entered\s+(?:production|service)|"
            r"enter(?:s|ing)?\s+(?:commercial\s+|series\s+|mass\s+)?(?:production|service|"
            r"operation)|"
            # making at a place since a year: "fabrique ses films à X depuis 2023", "has made
            # cells there since 2022"
            r"(?:produi[st]|produisent|fabrique|fabriquent|makes|made|produces|produced|"
            r"manufactures|manufactured)(?=[^.;]{0,60}?(?:depuis|since)\s+(?:19|20)[0-9]{2})|"
            r"entrer en (?:production|service)|entrera en (?:production|service)|"
            r"entrée?s? en (?:production|service)|"
            r"mise en (?:service|production|route|exploitation)|"
            r"ouvrir|ouvrira|ouverture|(?:a\s+|ont\s+)?ouvert\s+ses\s+portes|en service|"
            r"ouverte?s?(?=\s+(?:en|depuis)\s)|"
            r"inaugur\w*|commissioning|commissioned|"
            rf"{_FIRST_OUTPUT}|(?:will|to) start with|"
            r"(?:cell|series|mass|commercial|volume) production|"
            rf"(?:production|opening|ouverture|mise\s+en\s+(?:service|production)|"
            rf"commissioning){_DELAYED}"
        ),
    ),
    ("closure", words(_CLOSE)),
]

# Agreement kinds, strongest first: "a partnership for the supply of" is a supply agreement.
AGREEMENT_KINDS = [
    ("joint_venture", words(r"joint[\s-]ventures?|JV|coentreprises?|co-entreprises?|"
                             r"sociétés? communes?")),
    ("letter_of_intent", words(r"letters? of intent|LOI|memorandums? of understanding|MoU|"
                                r"(?<!internal )memorand(?:um|ums|a)(?! of association)|"
                                r"lettres? d['’]intention|protocoles? d['’]accord|"
                                # preliminary terms: "heads of agreement", "a non-binding term
                                # sheet", "un accord de principe"; not a binding term sheet
                                r"heads[\s-]+of[\s-]+(?:agreement|terms)|"
                                r"non-binding[\s-]+(?:term[\s-]+sheets?|agreements?|offers?)|"
                                r"preliminary[\s-]+agreements?|accords?\s+de\s+principe|"
                                r"accords?\s+préliminaires?")),
    ("supply", words(r"supply|supplies|supplied|supplier|supplying|provides?|provided|"
                      r"providing|deliver(?:s|ed|y|ies)?|fourni\w*|fourniture|livr\w+|"
                      r"approvisionn\w+|off-?take|offtake|(?<!in )(?<!aux )orders?(?! to)|"
                      r"(?<!aux )commandes?|équiper|"
                      r"équipera|équiperont|equip|equips|equipping")),
    ("research", words(r"research|R&D|recherches?|"
                        r"(?:study|étudier|étudieront)[^.;]{0,30}?(?:ensemble|together|"
                        r"jointly(?![ -]owned)|conjointement)|"
                        r"(?:jointly|together)[ \u00a0]+study")),
    ("cooperation", words(r"cooperation|co-operation|cooperate|collaboration|collaborate|"
                           r"coopération|coopérer")),
    ("partnership", words(r"partnership|partnerships|partenariats?|alliances?|team(?:s|ed)? up|"
                           r"s['’]associe\w*|s['’]allie\w*|s['’]est (?:associée?|alliée?)|"
                           r"se sont (?:associé|allié)e?s|partnered|partners with|"
                           r"join(?:s|ed)? forces|licen[cs]\w*|sous licence|"
                           r"technology (?:partnership|agreement|transfer)|"
                           r"transfert de technologie|"
                           r"(?:jointly|together) develop|co-develop\w*|développer ensemble|"
                           r"développer conjointement|"
                           # "develop solid-state cells together", "développeront … ensemble"
                           r"develop\w*[^.;]{0,40}?(?:together|jointly)|"
                           r"développ\w*[^.;]{0,40}?(?:ensemble|conjointement)")),
    ("investment", words(r"invest\w*|investissements?|funding|financement|financing")),
    ("advisory", words(r"advis\w+|adviser|advisor|conseil(?:s|lé|lée|lait)?")),
]  # fmt: skip
# "approvisionnera" supplies; the reflexive "s'approvisionnera (auprès de)" buys: BUY_VERB.
_NOT_REFLEXIVE = r"(?<!s['’])(?<!s['’]y[ \u00a0])"
SUPPLY_VERB = re.compile(
    rf"(?<![\w]){_NOT_REFLEXIVE}(?:(?:will |to )?(?:supply|supplies|provides?|deliver|delivers|"
    r"ship|ships)|fournira|fournit|fourniront|livrera|livre|livreront|approvisionnera)(?![\w])",
    re.I,
)
# What follows a verb of buying when shares, not goods, are bought: "buy a 10% stake",
# "takes a minority stake", "buys into", "acheter 20 % du capital".
_SHARES_BOUGHT = (
    rf"(?!(?:{_S}+(?:also|également|aussi|further|then|ensuite|now|désormais))?"
    # "taking 25% of Y": a share of a company named, not of its output
    rf"(?:{_S}+(?:a{_S}+|an{_S}+)?[0-9][0-9.,]*{_S}*%{_S}+(?:of|de|du|d['’]){_S}*"
    rf"(?-i:[A-ZÀ-Ý])[\w-]*(?:{_S}+(?-i:[A-ZÀ-Ý])[\w-]*)*(?!['’]s)(?![\w'’])"
    rf"(?!{_S}+(?-i:[A-ZÀ-Ý]))|"
    # "buying the 10% Y holds", "the purchase of the 10% held by Y"
    rf"{_S}+of{_S}+(?:the{_S}+|les{_S}+)?[0-9][0-9.,]*{_S}*%(?!{_S}+of{_S}+(?:what|its|their))|"
    rf"{_S}+(?:into|of{_S}+[^.;]{{0,40}}?['’]s{_S}+(?:[0-9][0-9.,]*{_S}*%{_S}+)?"
    r"(?:stake|interest|holding|shares|participation)|"
    rf"(?:(?:a|an|une?|its|their|sa|ses|son|leurs?|des|the|le|la|les|"
    rf"l['’]){_S}*)?(?:[0-9][0-9.,]*{_S}*%{_S}+(?:of{_S}+|du{_S}+|de{_S}+)?)?"
    rf"(?:(?:minority|majority|further|additional|new|sole|full|total|entire|minoritaire|"
    rf"majoritaire){_S}+)?"
    r"(?:stakes?|shares?|holdings?|interests?|participations?|equity|actions|titres|capital|parts?|"
    r"ownership|control|contrôle)"
    r"(?![\w]))))"
)
# Not "lands a purchase order from Y": Y places it with the subject, who supplies.
BUY_VERB = re.compile(
    r"(?<![\w])(?:buy|buys|bought|buying|purchase[sd]?(?![ \u00a0]+orders?)|purchasing|"
    r"will take|would take|"
    r"take[sn]?|source[sd]?|sourcing|achète|achètera|achèteront|acheter|achetait|achetaient|"
    r"procure[sd]?|procuring|achèterai(?:t|ent)|"
    rf"s['’](?:y{_S}+)?approvisionne\w*|s['’]y{_S}+fourni\w*|se{_S}+fourni\w*|prendra|prendront)"
    rf"(?![\w]){_SHARES_BOUGHT}",
    re.I,
)
# Words that make a figure a plant's capacity even in a sentence about supplies.
CAPACITY_WORD = words(r"capacity|capacities|capacité|capacités|nameplate|output|production")
ADVISING = words(r"advis\w+|adviser|advisor|conseil\w*")
ADVISERS_FOLLOW = words(r"were|was|are|is|ont été|a été|étaient|sont")
SIGNED = words(
    # "annoncent la signature d'un accord": the signing announced is done; not one still to come
    # ("in talks ahead of the signature", "en vue de la signature", "signature attendue …")
    r"signed|signs|signing|entered|enters|sealed|concluded|inked|signé|signée|signent|scellé|"
    r"(?<!ahead of the )(?<!before the )(?<!pending )(?<!en vue de la )(?<!avant la )"
    r"(?<!préparent la )(?<!prépare la )signature(?![^.;,]{0,40}?(?<![\w])(?:expected|"
    r"scheduled|due|planned|should|attendue?|prévue?|devrait|doit)(?![\w]))|"
    r"conclu|conclue|paraphé"
)
DISCUSSIONS = words(
    r"discussions?|discuss(?:es|ing)?|talks|negotiat\w+|négoci(?!ants?(?![\w]))\w+|pourparlers|"
    r"discute\w*"
)
ENDED = words(r"ended|terminated|mis fin|rompu|termin\w+")
START_YEAR = re.compile(
    rf"(?<![\w])(?:from|starting(?:{_S}+in|{_S}+from)?|beginning{_S}+in|as{_S}+of|à{_S}+partir"
    rf"{_S}+de|a{_S}+partir{_S}+de|à{_S}+compter{_S}+de|dès){_S}+(?P<year>(?:19|20)[0-9]{{2}})"
    r"(?![\w])",
    re.I,
)
# "of which 10 GWh", "dont 10 GWh": a share of the figure before; not "dont la capacité" (whose).
OF_WHICH = re.compile(
    rf"(?:of{_S}+which|dont(?={_S}+(?:[0-9]|plus|près|environ|au{_S}+moins|jusqu|quelque|"
    rf"un|une|la{_S}+moitié))|including|among{_S}+which)(?![\w])",
    re.I,
)
FINANCIAL_ADVISER = words(r"bank|banking|banque|capital|securities|finance|financial|partners")
LEGAL_ADVISER = words(
    r"law|legal|associés|associates|avocats|attorneys|LLP|solicitors|cabinet|& co"
)

# Read by the suggestions (agreements, stakes, new plants) and by the statement checker.
SUPPLYING = re.compile(
    rf"(?<![\w]){_NOT_REFLEXIVE}(?<!se )(?:supply|supplies|supplied|supplying|provides?|provided|"
    r"providing|deliver|"
    r"delivers|delivered|delivering|ship|ships|shipped|shipping|fournira|fournit|fourniront|"
    r"fournissait|fournir|livrera|fournirai(?:t|ent)|fournissent|fournissaient|"
    r"livre|livreront|livrer|livrerai(?:t|ent)|livrent|livrait|livraient|"
    r"approvisionnera|approvisionnerai(?:t|ent))(?![\w])(?![ \u00a0]+(?:of|agreement|deal|contract|"
    r"chain))",
    re.I,
)
CONTRACT = words(r"contract|contrat|contrats")
ACTIVE = words(
    r"rest\w*(?:[ \u00a0]+\w+){0,2}[ \u00a0]+lié\w*|remains? (?:bound|tied|linked)|"
    r"(?:already|déjà)(?![ \u00a0]+(?:been[ \u00a0]+)?(?:chosen|selected|picked|signed|agreed|"
    r"retenue?s?|choisie?s?|sélectionnée?s?|signée?s?))|currently|continues?|"
    r"relationship that began|started \w+ing|"
    r"has been \w+ing|keeps? \w+ing|existing|existant|en cours|continuera|continueront|"
    r"(?:supplies|supplied|ships|shipped|delivers|delivered|provides|provided|fournit|livre|"
    r"approvisionne|buys|bought|purchases|purchased|sources|"
    r"sourced|achète|acheté|s['’]approvisionne)[^.;]{0,60}?(?:since|depuis)[ \u00a0]+"
    r"[0-9]{4}|under[ \u00a0]+(?:a|an|the|its|their)[ \u00a0]+(?:[\w-]+[ \u00a0]+)?"
    r"(?:contract|agreement)[ \u00a0]+(?:that|which)[ \u00a0]+(?:runs|expires|lasts|ends)|"
    r"sous contrat jusqu|"
    # "will go on buying", "carries on supplying", "poursuivra ses livraisons"
    r"go(?:es)?[ \u00a0]+on[ \u00a0]+\w+ing|carr(?:y|ies)[ \u00a0]+on[ \u00a0]+\w+ing|"
    r"poursui(?:t|vent|vra|vront)"
)
STAKE_DIVESTED = words(
    r"sold|sells|sell|selling|divest\w*|exits?|exited|cède|cèdent|cédé|cédera|"
    r"cédant|céder|désengag\w+|vend|vendent|vendu|vendue|vendus|vendre|vendra|vendront|vendant|"
    r"sort du capital|sortie du capital|sortie?s? du capital|soldé|soldera|"
    r"(?<!le[ \u00a0])(?<!du[ \u00a0])(?<!au[ \u00a0])solde|offloaded|"
    r"disposed of|cessions?|quitt\w+ le (?:capital|tour de table)|sells? out|sold out|"
    r"sale of|disposal of|"
    # a share resold: "a revendu ses 7 %", "resold its 9%"
    r"revend|revendent|revendu|revendue|revendus|revendre|revendra|revendront|revendant|"
    r"reventes?|resold|resells?|reselling|resale of"
)
STAKE_FUTURE = words(
    r"will|shall|is to|are to|agreed to|agrees to|agree to|is buying|is taking|"
    r"is acquiring|a accepté de|en passe de|va|vont|détiendra|détiendront|prendra|prendront|"
    r"entrera|entreront|deviendra|deviendront|sera|seront|acquerra|aura|auront"
)
# The kind of a plant from what the sentence says it makes, strongest first.
PLANT_KINDS = [
    ("module_assembly", r"modules?|packs?"),
    ("vehicle_assembly", r"vehicle assembly|assemblage de véhicules|car plant|usine automobile"),
    ("research_pilot", r"pilot|pilote|R&D|research|recherche"),
    ("other", r"refiner\w*|raffiner\w*|recycl\w*|hydrométallurgie|hydrometallurg\w*|"
              r"usagée?s?|used batter(?:y|ies)|end-of-life|fin de vie|black mass|"
              r"masse noire|scrap|rebuts|"
              r"cathodes?|anodes?|precursors?|précurseurs?|materials?|matériaux|lithium|"
              r"chemicals?|chimiques?|electrolytes?|separators?"),
    ("cell_gigafactory", r"cells?|cellules?|batter(?:y|ies)|batteries|gigafactor\w*"),
]  # fmt: skip
PLANT_KINDS = [(kind, words(pattern)) for kind, pattern in PLANT_KINDS]
UNDER_CONSTRUCTION = re.compile(
    r"(?<![\w])(?:under construction|being built|en construction|en cours de construction)",
    re.I,
)
OPERATING = re.compile(
    r"(?<![\w])(?:already produces|produces|operates|in operation|en service|produit déjà)",
    re.I,
)
# Verbs that report what someone said ("X said", "a indiqué X", "précise Y"): what follows is
# told by a speaker, who is neither its subject nor a place, and a day next to one is the day it
# was said. A pattern string, for the rules that read a speaker before or after a passage.
REPORTING = (
    r"said|says|told|added|announced|explained|confirmed|stated|indicated|reported|"
    r"a[ \u00a0]+(?:indiqué|déclaré|précisé|annoncé|expliqué|confirmé)|indique|précise|explique|"
    r"annonce|confirme|déclare"
)
# A sentence that denies states no fact of what it denies: "has denied a report that it was
# negotiating to buy 25% of Y", "a démenti tout projet d'accord".
DENIED = words(
    r"denied|denies|deny|rejected|dismissed|ruled out|démentie?s?|dément|démentent|"
    r"a démenti|exclut|a exclu|écarte|a écarté"
)
