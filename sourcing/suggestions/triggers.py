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
    r"démarrage|lancement)|au démarrage|au lancement"
)
CURRENT = words(
    r"current|currently|today|now|actuelle|actuellement|aujourd['’]hui|"
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

MILESTONES = [
    (
        "pilot_start",
        words(r"pilot lines?|lignes? pilotes?|pilot plant|usine pilote|pilot production"),
    ),
    (
        "construction_start",
        words(
            r"construction(?:\s+of\s+[^.,;]{0,60}?)?\s+(?:[\w']+\s+){0,4}?(?:start|begin|"
            r"commence)(?:s|ed|d)?|construction\s+(?:[\w']+\s+){0,4}?(?:began|begun)|start(?:ed|s|ing)?\s+(?:of\s+)?(?:the\s+)?construction|break(?:s|ing)?"
            r" ground|groundbreaking|first stone|début des travaux|lancement des travaux|"
            r"construction\s+(?:débutera|démarrera|commencera|a débuté|a démarré|doit démarrer)|"
            r"pose de la première pierre|mise en chantier|begin(?:s)? building|start building|"
            r"under construction since|en (?:cours de )?construction depuis|en chantier depuis|"
            r"travaux\s+(?:[\w'’-]+\s+){0,5}?(?:commencer|démarrer|débuter|commenceront|"
            r"démarreront|débuteront|ont commencé|ont démarré|ont débuté)|"
            r"(?:lancer|lancera|lance)\s+la\s+construction|"
            r"broke\s+ground|groundwork|ground-breaking|"
            r"(?:(?:construction|building|site|civil|preparatory)\s+works?|works?\s+on\s+"
            r"[^.,;]{0,50}?)\s+(?:[\w']+\s+){0,4}?(?:begin|start|commence)(?:s|ed|d)?|"
            r"(?:(?:construction|building|site|civil|preparatory)\s+works?|works?\s+on\s+"
            r"[^.,;]{0,50}?)\s+(?:[\w']+\s+){0,4}?(?:began|begun)|"
            r"chantier\s+(?:[\w'’-]+\s+){0,5}?(?:a\s+démarré|a\s+débuté|a\s+commencé|"
            r"démarrera|débutera|commencera|doit\s+démarrer|doit\s+débuter|va\s+démarrer|"
            r"démarre|débute|commence)|"
            r"premiers?\s+coups?\s+de\s+(?:pelle|pioche)"
        ),
    ),
    (
        "operation_start",
        words(
            r"operational|start(?:s|ing)? production|production (?:will )?(?:start|begin)s?|"
            r"(?:begin|start|commence)s? (?:mass |series |commercial |cell )?production|"
            r"completion|completed|"
            r"open(?:s|ed|ing)?|come on stream|entrer en production|entrera en (?:production|"
            r"service)|entrée?s? en (?:production|service)|mise en service|mise en production|"
            r"démarrage de la production|démarrer (?:sa|la|leur) production|"
            r"opérationnelle?s?|inaugur\w*|ouvrir|ouvrira|ouverture|en service|"
            r"production\s+(?:démarrera|débutera|commencera|démarre|débute|commence|a démarré|"
            r"a débuté|a commencé)|"
            r"production\s+(?:doit|devrait|devra|va)\s+(?:démarrer|débuter|commencer)|"
            r"production\s+(?:[^.,;\s]+\s+){0,6}?(?:will|would|should|is\s+to|to)\s+"
            r"(?:start|begin|commence)|"
            r"production\s+(?:[^.,;\s]+\s+){0,6}?(?:has\s+|have\s+)?(?:started|began|begun|"
            r"commenced)|(?:started|began|begun|starts?|begins?)\s+producing|first cells|"
            r"premières cellules|first batteries|"
            r"(?:cell|series|mass|commercial|volume) production|(?:will|to) start with|"
            r"commissioning|commissioned|(?:began|begin|begins|started|start|starts)\s+"
            r"(?:operating|operations)|entered\s+service|went\s+into\s+(?:operation|service)|"
            r"mise\s+en\s+route|mise\s+en\s+exploitation"
        ),
    ),
    (
        "closure",
        words(r"closure|(?:will|to) close|shut(?:s|ting)? down|fermeture|fermera|fermer"),
    ),
]

# Agreement kinds, strongest first: "a partnership for the supply of" is a supply agreement.
AGREEMENT_KINDS = [
    ("joint_venture", words(r"joint[\s-]ventures?|JV|coentreprises?|co-entreprises?|"
                             r"sociétés? communes?")),
    ("letter_of_intent", words(r"letters? of intent|LOI|memorandums? of understanding|MoU|"
                                r"lettres? d['’]intention|protocoles? d['’]accord")),
    ("supply", words(r"supply|supplies|supplied|supplier|supplying|provides?|provided|"
                      r"providing|deliver(?:s|ed|y|ies)?|fourni\w*|fourniture|livr\w+|"
                      r"approvisionn\w+|off-?take|offtake|(?<!in )(?<!aux )orders?(?! to)|"
                      r"(?<!aux )commandes?|équiper|"
                      r"équipera|équiperont|equip|equips|equipping")),
    ("research", words(r"research|R&D|recherche")),
    ("cooperation", words(r"cooperation|co-operation|cooperate|collaboration|collaborate|"
                           r"coopération|coopérer")),
    ("partnership", words(r"partnership|partnerships|partenariats?|alliances?|team(?:s|ed)? up|"
                           r"s['’]associe\w*|s['’]allie\w*|s['’]est (?:associée?|alliée?)|"
                           r"se sont (?:associé|allié)e?s|partnered|partners with|"
                           r"join(?:s|ed)? forces|licen[cs]\w*|sous licence|"
                           r"technology (?:partnership|agreement|transfer)|"
                           r"transfert de technologie|"
                           r"(?:jointly|together) develop|co-develop\w*|développer ensemble|"
                           r"développer conjointement")),
    ("investment", words(r"invest\w*|investissements?|funding|financement|financing")),
    ("advisory", words(r"advis\w+|adviser|advisor|conseil(?:s|lé|lée|lait)?")),
]  # fmt: skip
# "approvisionnera" supplies; the reflexive "s'approvisionnera (auprès de)" buys: BUY_VERB.
_NOT_REFLEXIVE = r"(?<!s['’])"
SUPPLY_VERB = re.compile(
    rf"(?<![\w]){_NOT_REFLEXIVE}(?:(?:will |to )?(?:supply|supplies|provides?|deliver|delivers|"
    r"ship|ships)|fournira|fournit|fourniront|livrera|livre|livreront|approvisionnera)(?![\w])",
    re.I,
)
# What follows a verb of buying when shares, not goods, are bought: "buy a 10% stake",
# "takes a minority stake", "buys into", "acheter 20 % du capital".
_SHARES_BOUGHT = (
    rf"(?!{_S}+(?:into|of{_S}+[^.;]{{0,40}}?['’]s{_S}+(?:[0-9][0-9.,]*{_S}*%{_S}+)?"
    r"(?:stake|interest|holding|shares|participation)|"
    rf"(?:(?:a|an|une?|its|their|sa|ses|son|leurs?|des|the|le|la|les|"
    rf"l['’]){_S}*)?(?:[0-9][0-9.,]*{_S}*%{_S}+(?:of{_S}+|du{_S}+|de{_S}+)?)?"
    rf"(?:(?:minority|majority|further|additional|new|sole|full|total|entire|minoritaire|"
    rf"majoritaire){_S}+)?"
    r"(?:stakes?|shares?|holdings?|participations?|equity|actions|titres|capital|parts?|"
    r"ownership|control|contrôle)"
    r"(?![\w])))"
)
BUY_VERB = re.compile(
    r"(?<![\w])(?:buy|buys|bought|buying|purchase[sd]?|purchasing|will take|would take|"
    r"take[sn]?|source[sd]?|sourcing|achète|achètera|achèteront|acheter|achetait|achetaient|"
    rf"s['’]approvisionne\w*|prendra|prendront)(?![\w]){_SHARES_BOUGHT}",
    re.I,
)
# Words that make a figure a plant's capacity even in a sentence about supplies.
CAPACITY_WORD = words(r"capacity|capacities|capacité|capacités|nameplate|output|production")
ADVISING = words(r"advis\w+|adviser|advisor|conseil\w*")
ADVISERS_FOLLOW = words(r"were|was|are|is|ont été|a été|étaient|sont")
SIGNED = words(
    r"signed|signs|signing|entered|enters|sealed|concluded|inked|signé|signée|signent|scellé|"
    r"conclu|conclue|paraphé"
)
DISCUSSIONS = words(r"discussions?|talks|negotiat\w+|négociations?|pourparlers|discute\w*")
ENDED = words(r"ended|terminated|mis fin|rompu|termin\w+")
START_YEAR = re.compile(
    rf"(?<![\w])(?:from|starting(?:{_S}+in|{_S}+from)?|beginning{_S}+in|as{_S}+of|à{_S}+partir"
    rf"{_S}+de|a{_S}+partir{_S}+de|dès){_S}+(?P<year>(?:19|20)[0-9]{{2}})(?![\w])",
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
    rf"(?<![\w]){_NOT_REFLEXIVE}(?:supply|supplies|supplied|supplying|provides?|provided|providing|deliver|"
    r"delivers|delivered|delivering|ship|ships|shipped|shipping|fournira|fournit|fourniront|"
    r"fournissait|fournir|livrera|"
    r"livre|livreront|livrer|approvisionnera)(?![\w])(?![ \u00a0]+(?:of|agreement|deal|contract|"
    r"chain))",
    re.I,
)
CONTRACT = re.compile(r"(?<![\w])(?:contract|contrat|contrats)(?![\w])", re.I)
ACTIVE = re.compile(
    r"(?<![\w])(?:rest\w*(?:[ \u00a0]+\w+){0,2}[ \u00a0]+lié\w*|remains? (?:bound|tied|linked)|"
    r"already|déjà|currently|continues?|relationship that began|started \w+ing|"
    r"has been \w+ing|keeps? \w+ing|existing|existant|en cours|continuera|continueront|"
    r"(?:supplies|fournit|livre|approvisionne)[^.;]{0,60}?(?:since|depuis)[ \u00a0]+[0-9]{4}|"
    r"under a contract that runs|sous contrat jusqu)(?![\w])",
    re.I,
)
STAKE_DIVESTED = re.compile(
    r"(?<![\w])(?:sold|sells|sell|selling|divest\w*|exits?|exited|cède|cèdent|cédé|cédera|"
    r"cédant|céder|désengag\w+|vend|vendent|vendu|vendue|vendus|vendre|vendra|vendront|vendant|"
    r"sort du capital|sortie du capital|sortie?s? du capital|soldé|solde|soldera|offloaded|"
    r"disposed of|cessions?|quitt\w+ le (?:capital|tour de table)|sells? out|sold out|"
    r"sale of|disposal of)"
    r"(?![\w])",
    re.I,
)
STAKE_FUTURE = re.compile(
    r"(?<![\w])(?:will|shall|is to|are to|agreed to|agrees to|agree to|is buying|is taking|"
    r"is acquiring|a accepté de|en passe de|va|vont|détiendra|détiendront|prendra|prendront|"
    r"entrera|entreront|deviendra|deviendront|sera|seront|acquerra|aura|auront)(?![\w])",
    re.I,
)
# The kind of a plant from what the sentence says it makes, strongest first.
PLANT_KINDS = [
    ("module_assembly", r"modules?|packs?"),
    ("vehicle_assembly", r"vehicle assembly|assemblage de véhicules|car plant|usine automobile"),
    ("research_pilot", r"pilot|pilote|R&D|research|recherche"),
    ("other", r"refiner\w*|raffiner\w*|recycl\w*|hydrométallurgie|hydrometallurg\w*|"
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
