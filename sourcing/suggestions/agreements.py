"""Agreements proposed from one sentence: parties with roles, kind from trigger words, status."""

import datetime
import re

from . import plants, records, triggers
from .common import party, party_key
from .dates import relative_date, relative_years
from .text import Passage

KIND_LABELS = {
    "supply": "supply agreement",
    "partnership": "partnership",
    "letter_of_intent": "letter of intent",
    "joint_venture": "joint venture",
    "cooperation": "cooperation",
    "research": "research agreement",
    "advisory": "advisory mandate",
    "investment": "investment",
}


# Parties are named near the words that say what they agreed: in a long sentence, a company
# named further away is about something else.
PARTY_REACH = 150


_WEEKDAYS = {
    "monday": 0, "lundi": 0, "tuesday": 1, "mardi": 1, "wednesday": 2, "mercredi": 2,
    "thursday": 3, "jeudi": 3, "friday": 4, "vendredi": 4, "saturday": 5, "samedi": 5,
    "sunday": 6, "dimanche": 6,
}  # fmt: skip
_WEEKDAY = re.compile(r"(?<![\w])(?:" + "|".join(_WEEKDAYS) + r")(?![\w])", re.I)
_LETTER_OF_INTENT = triggers.AGREEMENT_KINDS[1][1]
_SINCE_YEAR = re.compile(
    r"(?<![\w])(?:began|begun|started|since|depuis|démarre|démarrera|starts|begins|"
    r"débuter\w*|débutera|débuteront|commencer\w*|commencera|commenceront|will start|will begin|"
    r"(?:due|set|expected|scheduled)[ \u00a0]+to[ \u00a0]+(?:start|begin)|"
    r"(?:first|premières?)[ \u00a0]+(?:deliveries|livraisons|shipments))"
    r"(?:[ \u00a0]+(?:in|en))?[ \u00a0]+(?P<year>(?:19|20)[0-9]{2})(?![\w])",
    re.I,
)
# "signed in 2019", "signed a six-year contract with Y in 2024": the words between name what was
# signed and with whom, not when it starts ("to supply … from 2027").
_SIGNED_IN = re.compile(
    r"(?<![\w])(?:signed|signé|signée|conclu|concluded)"
    r"(?:[ \u00a0]+(?!(?:to|pour|from|à|starting|dès|supply|deliver\w*|fournir|livr\w*|shipments?)"
    r"(?![\w]))"
    r"[\w'’-]+){0,6}?[ \u00a0]+(?:in|en)[ \u00a0]+(?P<year>(?:19|20)[0-9]{2})(?![\w])",
    re.I,
)
# A sentence going on about the agreement before: "Under the contract, …", "L'accord porte sur
# …", "Les livraisons, de 6 GWh par an, débuteront en 2027". Matched at the sentence's start
# (``match`` with a position: no "^", which would match only at the text's start).
_CONTINUES = re.compile(
    r"(?:under[ \u00a0]+|selon[ \u00a0]+|aux termes de[ \u00a0]+)?"
    r"(?:(?:the|le|la|les|l['’]|this|ce|cet|cette|ces)[ \u00a0]*"
    r"(?:(?:first|initial|premier|première|premiers|premières)[ \u00a0]+)?"
    r"(?:(?:purchase|firm)[ \u00a0]+orders?|orders?|bons?[ \u00a0]+de[ \u00a0]+commande|commandes?|"
    r"volumes|contract|contrat|agreement|"
    r"accord|deal|deliveries|livraisons|shipments|supplies|memorandum|"
    r"protocole[ \u00a0]+d['’]accord|lettre[ \u00a0]+d['’]intention|"
    r"letter[ \u00a0]+of[ \u00a0]+intent)|"
    # "Deliveries should begin in 2028", "Livraisons prévues dès 2027"
    r"(?:deliveries|shipments|livraisons|volumes))(?![\w])",
    re.I,
)
_EXPLICIT_INVESTMENT = triggers.words(
    r"investment agreement|accord d['’]investissement|investment deal"
)
# A supplier wins an order or is chosen; a buyer chooses: "X won an order from Y", "X a été
# choisi par Y pour équiper…", "Y has selected X to supply…".
_WINS_ORDER = re.compile(
    r"(?<![\w])(?:won|wins|win|received|receives|secured|secures|landed|lands|bagged|remporte|"
    r"remporté|décroche|décroché|obtient|obtenu|reçoit|reçu|"
    # the passive of awarding: "has been awarded a contract by Y", "s'est vu attribuer"
    r"(?<=been[ \u00a0])awarded|(?<=was[ \u00a0])awarded|(?<=were[ \u00a0])awarded|"
    r"(?<=été[ \u00a0])attribuée?s?|"
    r"vu[ \u00a0]+(?:attribuer|confier))(?![\w])[^.;:]{0,40}?"
    r"(?:orders?|contracts?|commandes?|contrats?)(?![\w])",
    re.I,
)
_CHOSEN_BY = re.compile(
    r"(?<![\w])(?:chosen|selected|picked|choisie?s?|sélectionnée?s?|retenue?s?)[ \u00a0]+"
    r"(?:(?:as|comme|en tant que)[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){0,3}?)?(?:by|par)(?![\w])",
    re.I,
)
# A buyer securing its supply from a company: "has secured cell supply from Y", "sécurise son
# approvisionnement en lithium auprès de Y".
_SECURES_SUPPLY = re.compile(
    r"(?<![\w])(?:secur(?:es|ed|ing)|sécuris\w+|obtain(?:s|ed)?|obtient|obtenu|"
    r"lock(?:s|ed)[ \u00a0]+in)"
    r"[^.;]{0,40}?(?<![\w])(?:supply|supplies|approvisionnements?|deliveries|livraisons)"
    r"(?![\w])[^.;]{0,40}?(?<![\w])(?:from|auprès[ \u00a0]+(?:de|du|d['’]))(?![\w])",
    re.I,
)
# A buyer that orders from a supplier: "X has ordered six lines from Y", "X placed an order with
# Y", "X a commandé des fours à Y", "X a passé commande auprès de Y". Only a past order by the
# subject (not "could order", "n'a rien commandé", "the court ordered X to pay").
_ORDERS = re.compile(
    r"(?<![\w])(?<!not )(?<!never )"
    r"(?:(?:has|have|had)[ \u00a0]+(?:(?:already|also|now)[ \u00a0]+)?)?"
    r"ordered(?![\w])(?=[^.;]{0,80}?(?<![\w])from[ \u00a0]+(?:(?:the|its)[ \u00a0]+)?"
    r"(?-i:[A-ZÀ-Ý]))|"
    r"(?<![\w])(?:placed|places|has[ \u00a0]+placed)[ \u00a0]+(?:an?|its|the|a[ \u00a0]+new|"
    r"(?:a|an)[ \u00a0]+[\w-]+)[ \u00a0]+orders?[ \u00a0]+with(?![\w])|"
    r"(?<![\w])(?:a|ont|avait|avaient)[ \u00a0]+(?:(?:déjà|aussi|également|enfin)[ \u00a0]+)?"
    r"(?:commandé(?![\w])(?=[^.;]{0,80}?(?<![\w])(?:à|auprès[ \u00a0]+de|auprès[ \u00a0]+du|"
    r"au|chez)[ \u00a0]+(?:(?:l['’]|le|la)[ \u00a0]*)?(?-i:[A-ZÀ-Ý]))|"
    r"passé[ \u00a0]+(?:une[ \u00a0]+)?commande[ \u00a0]+(?:auprès[ \u00a0]+d|à|chez))",
    re.I,
)
# A partner's half of a company bought is a stake, not goods: "will buy its partner's half", "buy
# out the other half", "prendra la moitié de Y", "rachète sa moitié" (not "half of its cells").
_HALF_BOUGHT = re.compile(
    r"[ \u00a0]+(?:out[ \u00a0]+)?(?:(?:the|its|their)[ \u00a0]+)?(?:[\w-]+[ \u00a0]+){0,3}?"
    r"(?:[\w-]+['’]s[ \u00a0]+(?:remaining[ \u00a0]+)?|(?:other|remaining)[ \u00a0]+)"
    r"(?:half|quarter|third)(?![\w])(?![ \u00a0]+of(?![\w]))|"
    r"[ \u00a0]+(?:(?:la|sa|leur)[ \u00a0]+(?:moitié|part)[ \u00a0]+(?:restante|détenue|"
    r"(?:de|du|d['’])[ \u00a0]*(?-i:[A-ZÀ-Ý]))|sa[ \u00a0]+moitié|leur[ \u00a0]+moitié)",
    re.I,
)
# "X will be Y's exclusive supplier", "X sera le fournisseur exclusif de Y": X supplies Y.
_SUPPLIER_OF = re.compile(
    r"(?<![\w])(?:suppliers?|fournisseurs?)(?:[ \u00a0]+(?:exclusif|exclusive|principal|"
    r"privilégié|main|preferred|sole|unique|attitré))?[ \u00a0]+(?:of|to|for|de|du|d['’])"
    r"(?=[ \u00a0]*(?:(?:the|le|la|l['’])[ \u00a0]*)?(?-i:[A-ZÀ-Ý]))|"
    r"['’]s[ \u00a0]+(?:(?:exclusive|main|preferred|sole|first)[ \u00a0]+)?suppliers?(?![\w])",
    re.I,
)
# "X has awarded Y a contract", "X a attribué / confié à Y un contrat": X buys from Y.
# Not the passive ("has been awarded a contract by Y"), which _WINS_ORDER reads.
_AWARDS = re.compile(
    r"(?<![\w])(?<!been )(?<!was )(?<!were )(?<!été )"
    r"(?:awarded|awards|award|attribué|attribue|attribuent|confié|confie|confient)"
    r"(?![\w])(?=[^.;]{0,60}?(?:contracts?|orders?|contrats?|commandes?|deal)(?![\w]))",
    re.I,
)
# "X is supplied by Y", "X est approvisionné par Y": Y supplies X.
_SUPPLIED_BY = re.compile(
    r"(?<![\w])(?:supplied|provided|delivered|served|equipped|approvisionnée?s?|fournie?s?|"
    r"livrée?s?|équipée?s?)(?:[ \u00a0]+[\w'’-]+){0,3}?[ \u00a0]+(?:by|par)(?![\w])",
    re.I,
)
# "X will be the first customer of Y", "X, client de Y": X buys from Y.
_CUSTOMER_OF = re.compile(
    r"(?<![\w])(?:customers?|clients?|clientes?)[ \u00a0]+(?:of|for|de|du|d['’])"
    r"(?=[ \u00a0]*(?:(?:the|le|la|l['’])[ \u00a0]*)?(?-i:[A-ZÀ-Ý]))",
    re.I,
)
# "X, dont Y est déjà cliente", "X, whose customers include Y": X supplies Y (the match is at
# the relative word, after X).
_WHOSE_CUSTOMER = re.compile(
    r"(?<![\w])dont(?=[^.;]{1,60}?(?:est|sont|était|devient|deviendra|restera)[ \u00a0]+"
    r"(?:(?:déjà|aussi|également)[ \u00a0]+)?(?:(?:le|la|l['’]|un|une)[ \u00a0]*)?"
    r"(?:(?:premier|première|principale?|grande?)[ \u00a0]+)?clients?(?:e|es)?(?![\w]))|"
    r"(?<![\w])whose[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}?(?:customers|clients)[ \u00a0]+"
    r"(?:include|includes|are|comprise)(?![\w])",
    re.I,
)
# A customer to be, not one already: "dont X deviendra cliente".
_BECOMES = triggers.words(r"devient|deviendra|deviendrait|become|becomes|will[ \u00a0]+be")
# "X signed an agreement with Y to supply …", "X a signé avec Y un accord pour lui fournir …":
# the verb after "to" / "pour" is the subject's, not the partner's named with "with".
_WITH = re.compile(
    r"(?<![\w])(?:with|avec|auprès de)[ \u00a0]+(?:(?:the|le|la|l['’])[ \u00a0]*)?$", re.I
)
_TO_INFINITIVE = re.compile(
    r"(?<![\w])(?:to|pour|afin de|in order to)[ \u00a0]+(?:(?:lui|leur)[ \u00a0]+)?$", re.I
)
_CHOOSES = re.compile(
    r"(?<![\w])(?:chose|chooses|selected|selects|picked|picks|taps|tapped|nominates|nominated|"
    r"appoints|appointed|choisit|choisi|sélectionne|sélectionné|retient|retenu|désigne|désigné)"
    r"(?![\w])(?![ \u00a0]+(?:by|par)(?![\w]))",
    re.I,
)
# What a memorandum is about, right after its word: "… pour recycler", "… on recycling".
_ABOUT = re.compile(
    r"(?:[ \u00a0]+(?:de[ \u00a0]+partenariat|\([A-Za-z]+\)))?,?[ \u00a0]+(?:pour|on|for|about|"
    r"to|sur|portant[ \u00a0]+sur|en[ \u00a0]+vue[ \u00a0]+de|visant[ \u00a0]+à|concerning|"
    r"regarding|covering)(?![\w])",
    re.I,
)
# The supply of the subject's own goods: "the supply of its cathodes", "la fourniture de ses
# électrolytes".
_SUPPLY_OF_ITS = re.compile(
    r"(?<![\w])(?:supply|supplies|delivery|deliveries|fourniture|livraison|livraisons)"
    r"[ \u00a0]+(?:of|de|d['’])[ \u00a0]*(?:its|their|ses|son|sa|leurs?)(?![\w])",
    re.I,
)
# Who supplies whom when no verb says it: upstream supplies downstream.
UPSTREAM = {"energy": 0, "industrial": 1, "cell_maker": 2, "technology": 2, "carmaker": 3}


def _kinds(body, passage, skip=()):
    """The agreement kinds the sentence names, strongest first, with their words."""
    found = []
    for kind, pattern in triggers.AGREEMENT_KINDS:
        match = pattern.search(body, passage.start, passage.end)
        if match and kind not in skip:
            found.append((kind, match))
    verb = (
        triggers.SUPPLYING.search(body, passage.start, passage.end)
        or triggers.BUY_VERB.search(body, passage.start, passage.end)
        or _CUSTOMER_OF.search(body, passage.start, passage.end)
        or _WHOSE_CUSTOMER.search(body, passage.start, passage.end)
        or _AWARDS.search(body, passage.start, passage.end)
        or _WINS_ORDER.search(body, passage.start, passage.end)
        or _ORDERS.search(body, passage.start, passage.end)
        or _SUPPLIED_BY.search(body, passage.start, passage.end)
        or _SELLS_GOODS.search(body, passage.start, passage.end)
        or _BUYS_GOODS.search(body, passage.start, passage.end)
        or _CUSTOMER_OF_PLANT.search(body, passage.start, passage.end)
        or _COMES_FROM.search(body, passage.start, passage.end)
        or _COVERS_NEEDS.search(body, passage.start, passage.end)
        or _MAKES_FOR.search(body, passage.start, passage.end)
    )
    if verb is None:
        # "signed a six-year contract with Y for 5 GWh a year of cells": goods under contract
        deal = _GOODS_DEAL.search(body, passage.start, passage.end)
        verb = deal
    if verb and all(kind != "supply" for kind, _ in found):
        found.append(("supply", verb))
    order = [kind for kind, _ in triggers.AGREEMENT_KINDS]
    return sorted(found, key=lambda item: order.index(item[0]))


# Goods a company sells or buys, as against shares or a business.
_GOODS = (
    r"(?:GWh|MWh|tonnes|tons|cells|cellules|batteries|modules|packs|"
    r"materials?|matériaux|matières|lithium|hydroxide|hydroxyde|carbonate|graphite|cathodes?|"
    r"anodes?|electrolytes?|électrolytes?|precursors?|précurseurs|nickel|cobalt|manganese|"
    r"manganèse|scrap|rebuts|déchets|black[ \u00a0]+mass|masse[ \u00a0]+noire)(?![\w])"
)
_ABOUT_LATER = triggers.words(r"covering|concerning|regarding|portant[ \u00a0]+sur")
_NOMINAL_ABOUT = re.compile(
    r"(?<![\w])(?:on|sur|about|covering|concerning|regarding|concernant)$", re.I
)
_GOODS_AFTER = re.compile(
    r"[ \u00a0]+(?:(?:the|le|la|les|des|du|de|d['’]|l['’])[ \u00a0]*)?"
    r"(?:(?!(?:recycl|venture|coentreprise|joint)\w*)[\w'’-]+[ \u00a0]+){0,2}?" + _GOODS,
    re.I,
)
# Between a verb of selling or buying back and the goods: no plant or business, whose sale
# ("cède son usine de batteries à Y", "rachète l'activité de modules de Y") is a takeover of
# what makes the goods, not a supply of them.
_TO_THE_GOODS = (
    r"(?:(?!(?<![\w])(?:usines?|plants?|factory|factories|sites?|activités?|business(?:es)?|"
    r"divisions?|subsidiar(?:y|ies)|filiales?|unités?|units?|branches?|pôles?|"
    # nor shares: "sold a 15% stake to Y Lithium" sells no lithium
    r"stakes?|shares?|interests?|holdings?|participations?|parts|capital|%)(?![\w])|%)"
    r"[^.;]){0,50}?"
)
# Selling goods is supplying them: "will sell 5 GWh of cells a year to Y", "vendra ses
# cellules à Y", "cédera ses rebuts à Y"; not selling shares or a business, which names no goods.
_SELLS_GOODS = re.compile(
    r"(?<![\w])(?:sell|sells|sold|selling|vend|vendent|vendra|vendront|vendu|vendre|vendait|"
    r"cède|cèdent|cédera|céderont|céderait|céder)"
    r"[ \u00a0]+" + _TO_THE_GOODS + _GOODS,
    re.I,
)
# Buying back goods is buying them ("rachètera à Y ses rebuts"); "rachète" alone buys a company.
_BUYS_GOODS = re.compile(
    r"(?<![\w])(?:rachète|rachètent|rachètera|rachèteront|rachèterait|racheter|buys[ \u00a0]+back|"
    r"buy[ \u00a0]+back)[ \u00a0]+" + _TO_THE_GOODS + _GOODS,
    re.I,
)
# The holder of an offtake takes the goods: "X's offtake agreement with Y" (X buys); the match
# starts after the possessor, who is the subject.
_OFFTAKER = re.compile(
    r"(?<=['’]s[ \u00a0])(?:[\w-]+[ \u00a0]+){0,2}?off-?take(?![\w])",
    re.I,
)
# Verbs of equipping are verbs of supplying: "pour équiper ses utilitaires", "will equip".
_EQUIPS = triggers.words(
    r"équiper\w*|équipe(?=[ \u00a0]+(?:les|la|le|l['’]|ses|son|sa|des|nos|leurs?)"
    r"(?![\w]))|équipent|equip|equips|equipping"
)
# A commitment is a deal done: "has agreed to take", "s'est engagée à acheter".
_AGREED = re.compile(
    r"(?<![\w])(?:has|have|had)[ \u00a0]+(?:agreed|committed)|agreed to|committed to|"
    r"a accepté de|ont accepté de|s['’]est engagée?s? à|se sont engagée?s à|s['’]engage à|"
    r"s['’]engagent à|(?:a|ont)[ \u00a0]+noué|"
    # a licence granted: "a accordé à Y une licence", "has granted Y a licence"
    r"(?:a|ont|has|have)[ \u00a0]+(?:accordé|octroyé|concédé|granted)|"
    # "struck a supply deal", not "struck by falling prices"
    r"(?:struck|forged)[ \u00a0]+(?:an?|the|its|their)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}"
    r"(?:deal|agreement|accord|pact|partnership|alliance)s?(?![\w])",
    re.I,
)
# A deal concluded, in the present of news or the past, by a verb of concluding before its noun:
# "inks a supply deal", "clinched a contract", "lands an order", "has secured cell supply",
# "formed an alliance", "paraphe un accord-cadre", "décroche une commande", "noue un
# partenariat"; or a deal the sentence acts under ("under a deal with Y", "aux termes d'un
# accord"). Only inflected forms: "will ink", "va conclure" are a signature to come.
_DEAL_NOUN = (
    r"(?:deals?|agreements?|contracts?|orders?|partnerships?|alliances?|pacts?|accords?|"
    r"supply|supplies|offtake|off-take|tie-up|"
    r"contrats?|commandes?|partenariats?|marchés?|accords?-cadres?|contrats?-cadres?)"
)
_CONCLUDED = re.compile(
    r"(?<![\w])(?:inks|inked|seals|sealed|clinch(?:es|ed)|strikes|struck|lands|landed|wins|won|"
    r"secures|secured|bags|bagged|nets|netted|forms|formed|forges|forged|signs|"
    r"(?:has|have|had|was|were|been)[ \u00a0]+awarded|"
    r"conclut|concluent|paraphe|paraphent|scelle|scellent|noue|nouent|signe|"
    # past participles after an adverb: "ont enfin noué un partenariat"
    r"noué|nouée|scellé|scellée|paraphé|paraphée|"
    r"décroche|décrochent|décroché|remporte|remportent|remporté|obtient|obtenu)(?![\w])"
    r"[^.;:]{0,50}?(?<![\w])" + _DEAL_NOUN + r"(?![\w])|"
    r"(?<![\w])(?:under|as[ \u00a0]+part[ \u00a0]+of|aux[ \u00a0]+termes|en[ \u00a0]+vertu|"
    r"dans[ \u00a0]+le[ \u00a0]+cadre)[ \u00a0]+(?:of[ \u00a0]+|d['’][ \u00a0]*)?"
    r"(?:an?|un|une|the|its|their|l['’])[ \u00a0]*(?:[\w-]+[ \u00a0]+){0,2}?"
    r"(?:deal|agreement|contract|accord|contrat)(?![\w])|"
    # an order received: "has received an order from Y", "annonce avoir reçu de Y une commande"
    r"(?<![\w])(?:receives|received|reçoit|reçu|booked)(?![\w])[^.;:]{0,50}?(?<![\w])"
    r"(?:orders?|commandes?|contracts?|contrats?)(?![\w])",
    re.I,
)
# A signature to come: "will sign", "is expected to sign", "signera", "devrait signer".
_TO_SIGN = re.compile(
    r"(?<![\w])(?:(?:will|shall|to)[ \u00a0]+(?:sign|ink|seal|conclude|finali[sz]e)|"
    r"signera|signeront|conclura|concluront|"
    r"(?:devrai(?:t|ent)|doi(?:t|vent)|va|vont|compte|comptent)[ \u00a0]+"
    r"(?:signer|conclure|parapher|sceller))(?![\w])",
    re.I,
)


# A supply named by a noun alone ("l'assurance d'un approvisionnement") is no deal unless a word
# of dealing or a verb of supplying says one was made.
_DEAL_WORD = triggers.words(
    r"agreements?|contracts?|deals?|accords?|contrats?|orders?|commandes?|"
    r"protocoles?|memorandums?|MoU|letters?|lettres?|offtake|off-take|partnership|partenariat"
)


# A deal spoken of as theirs already runs: "when they signed their first supply deal", "leur
# contrat de fourniture".
_THEIR_DEAL = re.compile(
    r"(?<![\w])(?:their|leur|leurs)[ \u00a0]+(?:(?:first|premier|première|long-term|existing|"
    r"current|actuel|actuelle)[ \u00a0]+)?(?:[\w-]+[ \u00a0]+)?(?:deals?|agreements?|contracts?|"
    r"accords?|contrats?)(?![\w])",
    re.I,
)

_SIGNED_BEFORE = re.compile(
    r"(?<![\w])(?:when|after|lorsqu['’]?|quand|après)[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){0,3}?"
    r"(?:signed|had signed|signé|avaient signé)(?![\w])",
    re.I,
)


# A contract extended or renewed runs already: "has extended its supply contract until 2032",
# "a renouvelé son contrat", "the renewal of the agreement".
_RENEWED = re.compile(
    r"(?<![\w])(?:extend(?:s|ed|ing)?|renew(?:s|ed|ing)?|prolong\w*|renouvel\w*|reconduit\w*|"
    r"(?:extension|renewal|prolongation|renouvellement|reconduction)[ \u00a0]+(?:of|de|du|d['’]))"
    r"[^.;]{0,50}?(?:contracts?|agreements?|deals?|accords?|contrats?|partnerships?|"
    r"partenariats?|programmes?|programs?|collaborations?|coopérations?|cooperation)(?![\w])",
    re.I,
)


# A use under a licence or a deal since a year runs already: "que X exploite sous licence depuis
# 2024", "has made them under licence since 2022", "sous contrat depuis 2021".
_UNDER_SINCE = re.compile(
    r"(?<![\w])(?:(?:sous|under)[ \u00a0]+(?:(?:a|an|the|its|un|une|le|la)[ \u00a0]+)?"
    r"(?:licen[cs]e|contrat|contract|agreement|accord)s?)(?![\w])[^.;]{0,40}?(?<![\w])"
    r"(?:since|depuis)[ \u00a0]+(?:19|20)[0-9]{2}(?![\w])",
    re.I,
)


# A present of supplying said of today: "X fournit aujourd'hui 40 % des cellules de Y", "X
# now supplies Y" (not "X today signed", which is news).
_SUPPLIES_NOW = re.compile(
    r"(?<![\w])(?:(?:supplies|provides|delivers|ships|sells|fournit|livre|approvisionne|vend)"
    r"[ \u00a0]+(?:today|now|currently|aujourd['’]hui|désormais|actuellement)|"
    r"(?:now|today|currently)[ \u00a0]+(?:supplies|provides|delivers|ships|sells))(?![\w])",
    re.I,
)


def _status(text, kind, loi):
    if loi:
        return "letter_of_intent"
    signs = triggers.SIGNED.search(text) or _AGREED.search(text)
    if triggers.DISCUSSIONS.search(text) and not signs:
        return "in_discussion"  # not "signed a supply deal after months of talks"
    if triggers.ENDED.search(text):
        return "ended"
    # "their first deal" runs already when signed before ("set up when they signed their first
    # supply deal"), not when the sentence signs it ("signed their first supply deal on Monday").
    theirs = _THEIR_DEAL.search(text) and (
        not triggers.SIGNED.search(text) or _SIGNED_BEFORE.search(text)
    )
    customer = _WHOSE_CUSTOMER.search(text)
    if customer and not _BECOMES.search(text, customer.start()):
        theirs = True  # "X, dont Y est cliente", "whose customers include Y": a supply in force
    if (
        triggers.ACTIVE.search(text)
        or theirs
        or _RENEWED.search(text)
        or _UNDER_SINCE.search(text)
        or _SUPPLIES_NOW.search(text)
    ):
        return "active"
    if _TO_SIGN.search(text) and not (triggers.SIGNED.search(text) or _AGREED.search(text)):
        return "announced"  # "will sign a supply contract": the contract is still to come
    if (
        triggers.SIGNED.search(text)
        or triggers.CONTRACT.search(text)
        or _AGREED.search(text)
        or _CONCLUDED.search(text)
        or _ORDERS.search(text)  # an order placed is a purchase agreed
        # a supplier chosen is a deal made: "a retenu X comme fournisseur", "has been selected
        # by Y to supply" (a choice to come, "will select", "devrait retenir", is no such form)
        or _CHOOSES.search(text)
        or _CHOSEN_BY.search(text)
        # a research programme named is one agreed: "mèneront un programme de recherche"
        or (kind == "research" and _PROGRAMME.search(text))
    ):
        return "signed"
    return "announced"


_PROGRAMME = triggers.words(r"programmes?|programs?|projects?|projets?|consortium|consortia")


def _adviser_role(name):
    if triggers.LEGAL_ADVISER.search(name):
        return "legal_adviser"
    if triggers.FINANCIAL_ADVISER.search(name):
        return "financial_adviser"
    return "adviser"


def _distinct(companies):
    seen, result = set(), []
    for company in companies:
        key = party_key(company)
        if key not in seen:
            seen.add(key)
            result.append(company)
    return result


def _supply_roles(sentence, companies, discourse):
    """
    Supplier and buyer: the subject of a verb of supplying supplies, of buying buys; one that
    wins an order or is chosen by a company supplies it, one that chooses a supplier buys.
    """
    body, passage = sentence.reading.body, sentence.passage
    own = _SUPPLY_OF_ITS.search(body, passage.start, passage.end)
    if own and sentence.parties and sentence.parties[0]["end"] <= own.start():
        subject = sentence.parties[0]  # "X a signé … avec Y, qui prévoit la fourniture de ses …"
        return [(c, "supplier" if _same(c, subject) else "buyer") for c in companies]
    for pattern, subject_role, other_role in (
        (_WINS_ORDER, "supplier", "buyer"),
        (_ORDERS, "buyer", "supplier"),
        (_SUPPLIED_BY, "buyer", "supplier"),
        (_AWARDS, "buyer", "supplier"),
        (_SUPPLIER_OF, "supplier", "buyer"),
        (_CHOSEN_BY, "supplier", "buyer"),
        (_CUSTOMER_OF, "buyer", "supplier"),
        (_WHOSE_CUSTOMER, "supplier", "buyer"),
        (_CHOOSES, "buyer", "supplier"),
        (_SECURES_SUPPLY, "buyer", "supplier"),
        (triggers.SUPPLYING, "supplier", "buyer"),
        (_SELLS_GOODS, "supplier", "buyer"),
        (_BUYS_GOODS, "buyer", "supplier"),
        (_OFFTAKER, "buyer", "supplier"),
        (_CUSTOMER_OF_PLANT, "buyer", "supplier"),
        (_COVERS_NEEDS, "supplier", "buyer"),
        (_MAKES_FOR, "supplier", "buyer"),
        (triggers.BUY_VERB, "buyer", "supplier"),
    ):
        verb = pattern.search(body, passage.start, passage.end)
        if verb is None:
            continue
        before = [c for c in sentence.parties if c["end"] <= verb.start()]
        if before:
            subject = _subject_of(sentence, before, verb)
            if verb.group()[0] in "'’" and len(before) >= 2:
                subject = before[-2]  # "X will be Y's supplier": Y is only the possessor
            return [
                (
                    c,
                    subject_role
                    if party_key(c) == party_key(subject) or _allied(body, c, subject)
                    else other_role,
                )
                for c in companies
            ]
    ranks = []
    for company in companies:
        known = discourse.info(company)
        ranks.append(UPSTREAM.get(known.kind if known else None))
    if len(companies) == 2 and None not in ranks and ranks[0] != ranks[1]:
        supplier = 0 if ranks[0] < ranks[1] else 1
        return [(c, "supplier" if n == supplier else "buyer") for n, c in enumerate(companies)]
    return [(c, None) for c in companies]


# Between two subjects: "X and Y will source …", "X et Y achèteront …".
_AND = re.compile(r",?[ \u00a0]*(?:and|et|&)[ \u00a0]*", re.I)
# A company named as the subject's partner takes its side: "for its venture with Y", "together
# with Y", "aux côtés de Y", "avec son partenaire Y".
_ALLY_BEFORE = re.compile(
    r"(?<![\w])(?:(?:venture|coentreprise|co-entreprise|partners?|partenaires?)[ \u00a0]+"
    r"(?:with|avec)|together[ \u00a0]+with|jointly[ \u00a0]+with|alongside|"
    r"aux[ \u00a0]+côtés[ \u00a0]+(?:de|du|d['’])|conjointement[ \u00a0]+avec)"
    r"[ \u00a0]+(?:(?:the|its|la|le|l['’]|son|sa)[ \u00a0]*)?$",
    re.I,
)


def _allied(body, company, subject):
    """Whether ``company`` shares the subject's side: named with it as a second subject, or as
    its partner."""
    if company["end"] <= subject["start"]:
        return bool(_AND.fullmatch(body, company["end"], subject["start"]))
    lead = body[max(0, company["start"] - 40) : company["start"]]
    return company["start"] > subject["end"] and bool(_ALLY_BEFORE.search(lead))


def _subject_of(sentence, before, verb):
    """Who does what ``verb`` says: the company named last before it, unless that one is only
    the partner named with "with" and the verb is an infinitive of the subject's ("X signed an
    agreement with Y to supply …")."""
    body = sentence.reading.body
    last = before[-1]
    lead = body[max(sentence.passage.start, last["start"] - 20) : last["start"]]
    if len(before) >= 2 and _WITH.search(lead):
        # the infinitive may come after what else the sentence says ("… on Tuesday to supply")
        gap = body[last["end"] : verb.start()]
        tail = gap[-12:] if len(gap) > 12 else gap
        if _TO_INFINITIVE.search(tail):
            return before[0]
    return last


def _roles(sentence, kind, companies, discourse):
    """(company mention, role) pairs: who supplies whom, who advises, who partners."""
    body, passage = sentence.reading.body, sentence.passage
    advising = triggers.ADVISING.search(body, passage.start, passage.end)
    if advising and advising.start() - passage.start < 3:
        # "Advising the partnership of X and Y were A and B": the advisers follow the verb.
        verb = triggers.ADVISERS_FOLLOW.search(body, advising.end(), passage.end)
        advising = verb or advising
    if kind == "supply" and not advising:
        return _supply_roles(sentence, companies, discourse)
    roles = []
    for company in companies:
        if advising and (kind == "advisory" or company["start"] > advising.start()):
            roles.append((company, _adviser_role(company["text"])))
        elif kind == "investment":
            roles.append((company, None))
        else:
            roles.append((company, "partner"))
    return roles


# A yearly volume followed by the year it starts: "2 GWh a year from 2027", "2 GWh par an à
# partir de 2027".
_STARTS_AFTER = re.compile(
    r"(?:[ \u00a0]+(?:a|per|par|each|chaque)[ \u00a0]+(?:year|an|année))?[ \u00a0,]+"
    r"(?:from|starting[ \u00a0]+in|starting|beginning[ \u00a0]+in|as[ \u00a0]+of|"
    r"à[ \u00a0]+partir[ \u00a0]+de|à[ \u00a0]+compter[ \u00a0]+de|dès)[ \u00a0]+"
    r"(?P<year>20[0-9]{2})(?![\w])",
    re.I,
)


def _year_after(body, end):
    starts = _STARTS_AFTER.match(body, end)
    return int(starts.group("year")) if starts else None


def _volumes(sentence):
    return [
        {
            "gwh_per_year": figure["value"],
            "qualifier": figure["qualifier"],
            "basis": "target",
            "year": figure["year"] or _year_after(sentence.reading.body, figure["end"]),
        }
        for figure in sentence.figures
        if figure["unit"] in ("GWh", "GWh/yr")
        and not _is_capacity(sentence, figure)
        and not _IN_TOTAL.match(sentence.reading.body, figure["end"])
        and not (
            figure["unit"] == "GWh"
            and _OVER_YEARS_LATER.match(sentence.reading.body, figure["end"])
        )
        and not _TOTAL_BEFORE.search(
            sentence.reading.body, max(0, figure["start"] - 20), figure["start"]
        )
    ]


# A volume over the whole contract is no yearly one: "40 GWh over five years", "soit 40 GWh sur
# cinq ans", "a total of 40 GWh", "au total".
_IN_TOTAL = re.compile(
    r"(?:[ \u00a0]+(?:of|de|d['’])[ \u00a0]*[\w-]+)?[ \u00a0]+(?:over|sur|across|en)[ \u00a0]+"
    r"(?:[\w-]+[ \u00a0]+)?(?:years|ans|années)|[ \u00a0]+(?:in total|au total)",
    re.I,
)
# Or said after the buyer: "will supply 30 GWh to Y over six years", "fournira 30 GWh à Y sur
# six ans"; not when a yearly rate comes first ("12 GWh par an à Y sur dix ans").
_OVER_YEARS_LATER = re.compile(
    r"(?:(?!(?<![\w])(?:per|par|a|an|each|chaque|every)[ \u00a0]+(?:year|an|année)(?![\w])|"
    r"annually|yearly|annuel)[^.;,]){0,60}?"
    r"(?<![\w])(?:over|sur|across)[ \u00a0]+(?:[\w-]+[ \u00a0]+)?(?:years|ans|années)(?![\w])",
    re.I,
)
_TOTAL_BEFORE = re.compile(r"(?:a total of|au total|in total|soit|cumul\w*)[ \u00a0]+$", re.I)


def _is_capacity(sentence, figure):
    """ "… whose capacity will be raised to 12 GWh": a plant's capacity, not a volume bought."""
    reading = sentence.reading
    clause = reading.clause_map.clause_of(figure["start"], figure["end"]) or sentence.passage
    return bool(triggers.CAPACITY_WORD.search(reading.body, clause.start, clause.end))


def _start_year(body, passage, status=None, published=None, dates=()):
    """
    The year the agreement starts; an agreement in force started when it was signed; one that
    starts "next year" ("prendra effet l'an prochain", "from the third quarter of next year")
    the year after the article's, and one "starting in January" the year of that month (the
    next one in a November article).
    """
    match = triggers.START_YEAR.search(body, passage.start, passage.end) or _SINCE_YEAR.search(
        body, passage.start, passage.end
    )
    if match is None and status == "active":
        match = _SIGNED_IN.search(body, passage.start, passage.end)
    if match is not None:
        return int(match.group("year"))
    starts = _STARTS_RELATIVE.search(body, passage.start, passage.end)
    if starts and published is not None:
        text, precision = relative_date(body, published, starts.start(), starts.end())
        return int(text[:4]) if precision == "year" else None
    for date in dates:
        lead = body[max(passage.start, date["start"] - 20) : date["start"]]
        if (
            date["precision"] in ("day", "month")
            and _START_BEFORE.search(lead)
            and not _UNTIL.search(lead)
        ):
            return int(date["date"][:4])
    return None


_UNTIL = triggers.words(r"until|till|through|jusqu['’](?:en|à|au)")


# A start said relative to the article: "prendra effet l'an prochain", "from … next year".
_STARTS_RELATIVE = re.compile(
    r"(?<![\w])(?:from|starting|beginning|as of|take effect|takes effect|start\w*|begin\w*|"
    r"deliveries|à partir de|dès|prendra effet|prend effet|débute\w*|démarre\w*|livraisons?)"
    r"(?:[ \u00a0]+[\w'’-]+){0,5}?[ \u00a0]+(?:next year|l['’]an prochain|l['’]année prochaine)"
    r"(?![\w])",
    re.I,
)
# A date the deal starts from is not the date it was made: "a programme starting in January",
# "livraisons à partir de mars".
_START_BEFORE = re.compile(
    r"(?<![\w])(?:starting|beginning|from|as[ \u00a0]+of|effective|à[ \u00a0]+partir[ \u00a0]+"
    r"(?:de|du|d['’])|à[ \u00a0]+compter[ \u00a0]+(?:de|du|d['’])|dès|until|till|through|"
    r"jusqu['’](?:en|à|au))(?:[ \u00a0]+(?:in|on|en|le|la|l['’]))?[ \u00a0]*$",
    re.I,
)
# A dateline's date, followed by its dash ("Ostrava, 10 March 2026 — …"): the article's, not
# the agreement's.
_DATELINE_DASH = re.compile(r"[ \u00a0]*[–—-][ \u00a0]")


def _announced(sentence, discourse, status):
    """The date the passage gives the agreement, else the article's when it is news."""
    if status in ("active", "ended"):
        return None, None
    body, passage = sentence.reading.body, sentence.passage
    dated = [
        d
        for d in sentence.dates
        if d["precision"] in ("day", "month")
        and not _DATELINE_DASH.match(body, d["end"])
        and not _START_BEFORE.search(body, max(passage.start, d["start"] - 20), d["start"])
    ]
    if dated:
        return dated[0]["date"], dated[0]["precision"]
    signed = _SIGNED_IN.search(body, passage.start, passage.end)
    if signed:
        return signed.group("year"), "year"
    text, published = discourse.article_date
    weekday = _weekday_date(sentence, discourse)
    if weekday is not None:
        return weekday
    relative = relative_date(body, published, passage.start, passage.end)
    if relative[0] is not None and relative[1] != "year":
        return relative  # "signed last month", "signé hier"
    if published is not None and (
        triggers.SIGNED.search(body, passage.start, passage.end)
        or _AGREED.search(body, passage.start, passage.end)
        or _CONCLUDED.search(body, passage.start, passage.end)
    ):
        years = relative_years(body, published.year, passage.start, passage.end)
        past = [year for _, _, year in years if year <= published.year]
        if past:
            return str(past[0]), "year"  # "which agreed last year to ship …"
    return text, ({4: "year", 7: "month"}.get(len(text or ""), "day") if text else None)


def _weekday_date(sentence, discourse):
    """ "signed on Monday", "signé lundi": the last such day up to the article's, or None."""
    body, passage = sentence.reading.body, sentence.passage
    published = discourse.article_date[1]
    weekday = _WEEKDAY.search(body, passage.start, passage.end)
    if weekday is None or published is None or discourse.article_date_precision != "day":
        return None
    back = (published.weekday() - _WEEKDAYS[weekday.group().lower()]) % 7
    return (published - datetime.timedelta(days=back)).isoformat(), "day"


# A venture its founders already have: "their joint venture", "leur coentreprise", "X and Y's
# joint venture", "la coentreprise de X et Y"; not "their planned joint venture".
_THEIR_VENTURE = re.compile(
    r"(?:(?<![\w])(?:their|leur)|['’]s)[ \u00a0]+"
    r"(?:(?!(?:planned|proposed|future|new|prévue|future|nouvelle|projet)(?![\w]))[\w-]+[ \u00a0]+)"
    r"{0,2}?(?:joint[ \u00a0-]venture|coentreprise|co-entreprise|société commune)(?![\w])|"
    r"(?<![\w])(?:the|la)[ \u00a0]+(?:joint[ \u00a0-]venture|coentreprise|co-entreprise|"
    r"société commune)[ \u00a0]+(?:of|de|d['’])[ \u00a0]*(?-i:[A-ZÀ-Ý])|"
    # "X is a joint venture of A and B", "X est une coentreprise entre A et B"
    r"(?<![\w])(?:is|est|remains|reste|demeure)[ \u00a0]+(?:a|an|une|the|la)[ \u00a0]+"
    r"(?:[\w-]+[ \u00a0]+){0,2}?(?:joint[ \u00a0-]venture|coentreprise|co-entreprise|"
    r"société commune)[ \u00a0]+(?:of|between|de|d['’]|entre|détenue|owned)",
    re.I,
)


# A partner bought out ends a joint venture: "the purchase of X's 49% interest", "sole
# ownership", "rachète la participation de X", "X cède sa part".
_BOUGHT_OUT = triggers.words(
    r"(?:purchase|acquisition|buyout)[ \u00a0]+of[ \u00a0]+[^.;]{1,40}?['’]s[ \u00a0]+"
    r"(?:[0-9][0-9.,]*[ \u00a0]*%[ \u00a0]+)?(?:stake|interest|holding|share)|"
    r"(?:sole|full|100%)[ \u00a0]+(?:ownership|owner|control)|"
    r"(?:rachat[ \u00a0]+de|reprise[ \u00a0]+de|rachète|racheté|rachètera|reprend|repris|buys out|"
    r"bought out)[ \u00a0]+(?:la[ \u00a0]+participation|les[ \u00a0]+parts|la[ \u00a0]+part)|"
    r"(?:sold|sells|cède|a cédé)[ \u00a0]+(?:its|sa)[ \u00a0]+"
    r"(?:[0-9][0-9.,]*[ \u00a0]*%[ \u00a0]+)?(?:stake|interest|participation|part)"
)


def _venture_proposal(sentence, venture, discourse):
    """The joint venture founded or formed in this sentence, its founders as partners."""
    partners = [p for p in _distinct(venture.partners) if not _same(p, venture.name)]
    if len(partners) < 2:
        return None
    published = discourse.article_date[1]
    past = venture.founded is not None and (published is None or venture.founded < published.year)
    body, passage = sentence.reading.body, sentence.passage
    # "Their joint venture, X, started production": one spoken of as theirs already runs.
    existing = not venture.forming and _THEIR_VENTURE.search(body, passage.start, passage.end)
    past = past or bool(existing)
    status = "active" if past else "announced"
    if past and _BOUGHT_OUT.search(body, passage.start, passage.end):
        status = "ended"  # "completed the purchase of X's 49% interest in the venture"
    if not past and _LETTER_OF_INTENT.search(body, passage.start, passage.end):
        status = "letter_of_intent"  # "ont signé un protocole d'accord en vue de créer une …"
    elif not past and triggers.DISCUSSIONS.search(body, passage.start, passage.end):
        status = "in_discussion"  # "are in talks about a joint venture", "discutent d'une …"
    elif not past and (
        triggers.SIGNED.search(body, passage.start, passage.end)
        or _AGREED.search(body, passage.start, passage.end)
        or _FOUNDED_NOW.search(body, passage.start, passage.end)
    ):
        status = "signed"  # "have signed an agreement to set up X, a Zaragoza-based venture"
    announced = (None, None) if past else _announced(sentence, discourse, status)
    names = [c["record"]["name"] if c.get("record") else party(c) for c in partners]
    title = f"{'–'.join(names)} {KIND_LABELS['joint_venture']}"
    if venture.name is not None:
        title += f" ({discourse.operator_name(venture.name)})"
    fields = {
        "title": title,
        "kind": "joint_venture",
        "status": status,
        "parties": [{"company": party(c), "role": "partner"} for c in partners],
        "announced": announced[0],
        "announced_precision": announced[1],
        "start_year": venture.founded,
        "volumes": [],
    }
    key = ("agreement", "joint_venture", frozenset(party_key(c) for c in partners))
    mentions = [c for c in partners if not c.get("descriptor")]
    return key, sentence.propose("agreement", fields, mentions)


_LETTER_OF_INTENT = dict(triggers.AGREEMENT_KINDS)["letter_of_intent"]
# A venture founded by a perfect is done: "have created a joint venture", "have set up X",
# "viennent de créer une coentreprise"; not "are forming", "will set up", "annoncent la
# création" (but "annoncent aujourd'hui la création"), nor the French "a créé", as often a past
# long gone as news.
_FOUNDED_NOW = re.compile(
    r"(?<![\w])(?:(?:has|have)[ \u00a0]+(?:now[ \u00a0]+|today[ \u00a0]+|formally[ \u00a0]+)?"
    r"(?:created|set[ \u00a0]+up|formed|founded|established|launched)|"
    r"(?:vien(?:t|nent)[ \u00a0]+de|ont[ \u00a0]+officiellement|a[ \u00a0]+officiellement)"
    r"[ \u00a0]+(?:créer|fonder|constituer|former|lancer|créé|fondé|constitué|lancé)|"
    # the creation announced as done today: "announce today the creation of X", "annoncent
    # aujourd'hui la création de X" (without "today" a plan, as "annoncent la création")
    r"(?:announces?|announced|annonce|annoncent)[ \u00a0]+(?:today|aujourd['’]hui)[ \u00a0]+"
    r"(?:the[ \u00a0]+|la[ \u00a0]+|le[ \u00a0]+)?(?:creation|formation|launch|création|"
    r"constitution|lancement))(?![\w])",
    re.I,
)


# An ally named by an indefinite description after a verb of allying: "s'allie à un recycleur
# belge", "teams up with a Belgian recycler".
_UNNAMED_ALLY = re.compile(
    r"[ \u00a0]+(?:à|avec|with)[ \u00a0]+(?:un|une|a|an|des)[ \u00a0]+", re.I
)


def _same(a, b):
    return a is not None and b is not None and party_key(a) == party_key(b)


# A deal only supposed, rumoured or commented on: a modal of possibility, a condition, a rumour,
# an analyst's view. "would" alone is not one: "X said it would supply Y" reports a deal.
_HYPOTHETICAL = triggers.words(
    # not a concession on a deal made: "even if the volumes were not disclosed", "même si …"
    r"could|might|(?-i:may)|pourrait|pourraient|(?<!even )(?<!as )if|unless|were[ \u00a0]+to|"
    r"(?<!même )(?<!comme )si|"
    r"rumou?rs?|rumou?red|rumeurs?|reportedly|speculation|spéculations?|"
    # "industry sources say", "selon des sources proches du dossier"
    r"sources[ \u00a0]+(?:say|said|close|familiar)|selon[ \u00a0]+(?:des|nos)[ \u00a0]+sources|"
    # "declined to comment on reports that it was …", "selon la presse"
    r"reports?[ \u00a0]+(?:that|of)|(?:declined|refused)[ \u00a0]+to[ \u00a0]+comment|"
    r"(?:refusé|refuse)[ \u00a0]+de[ \u00a0]+commenter|selon[ \u00a0]+la[ \u00a0]+presse|"
    # not analysts putting a value on a deal made: "the deal, which analysts valued at …"
    r"(?<!which )(?<!that )(?<!que )(?<!que les )analys(?:ts?|tes?)|"
    # a deal only considered: "envisagent une alliance", "is exploring a tie-up"; not a weight
    # ("a pack that weighs 400 kg")
    r"envisag(?:e|ent|eait|eaient|é|ée)|consider(?:s|ing)?|mull(?:s|ing)?|"
    r"weigh(?:s|ing)(?![ \u00a0]+(?:(?:about|around|some|just|over|under|less[ \u00a0]+than|"
    r"more[ \u00a0]+than)[ \u00a0]+)?[0-9])|"
    r"explor(?:es|ing)"
)


def agreements(sentence, facts, discourse):
    """
    The agreements of a sentence; a deal told in a relative clause ("X, which last year agreed
    to deliver cells to Y, …", "X, qui avait signé un contrat-cadre avec Y, a …") is read apart
    from the rest, which is read without it; an aside on who owns whom ("X (dont Y détient
    12 %) livrera …") is no party to the deal.
    """
    relatives = _relative_deals(sentence)
    asides = _ownership_asides(sentence)
    if not relatives and not asides:
        yield from _agreements_in(sentence, facts, discourse, sentence)
        return
    body = sentence.reading.body
    masked = body
    blanked = [(start, end) for _, start, end in relatives] + asides
    for start, end in blanked:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    outside = [p for p in sentence.parties if not any(s <= p["start"] < e for s, e in blanked)]
    main = _View(sentence, masked, sentence.passage.start, sentence.passage.end, outside)
    yield from _agreements_in(main, facts, discourse, sentence)
    for antecedent, start, end in relatives:
        inside = [p for p in sentence.parties if start <= p["start"] < end]
        view = _View(sentence, body, antecedent["start"], end, [antecedent, *inside])
        yield from _agreements_in(view, facts, discourse, sentence, ventures=False)


# A relative clause after a company's name, or an apposition of what it already is ("X, already
# the main buyer of …, joined …"), up to the punctuation that closes it.
_RELATIVE = re.compile(
    r",[ \u00a0]*(?:(?:which|who|qui)(?![\w])|"
    r"(?=(?:already|déjà)[ \u00a0]+(?:the|le|la|l['’]|un|une)(?![\w])))",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:()–—]")


def _relative_deals(sentence):
    """(antecedent, start, end) of each relative clause of the sentence that names another
    company and a word of dealing or supplying: the span from its comma to its end."""
    body, passage = sentence.reading.body, sentence.passage
    found = []
    for antecedent in sentence.parties:
        relative = _RELATIVE.match(body, antecedent["end"], passage.end)
        if relative is None:
            continue
        closing = _CLAUSE_END.search(body, relative.end(), passage.end)
        end = closing.start() if closing else passage.end
        if end >= passage.end:
            continue  # the clause runs to the end: the sentence is its deal already
        lead = body[max(passage.start, antecedent["start"] - 20) : antecedent["start"]]
        if _WITH.search(lead):
            continue  # "signed a letter of intent with X, which would supply Y": the same deal
        named = [p for p in sentence.parties if relative.end() <= p["start"] < end]
        clause = Passage(relative.end(), end)
        if _CUSTOMER_OF_PLANT.search(body, clause.start, clause.end):
            found.append((antecedent, relative.start(), end))  # its supplier is the plant's
        elif named and (_kinds(body, clause) or _DEAL_WORD.search(body, clause.start, clause.end)):
            found.append((antecedent, relative.start(), end))
    return found


# A parenthesis: "(dont Y détient 12 %)", "(in which Y holds a minority stake)".
_PARENTHESIS = re.compile(r"\([^()]{1,120}\)")


def _ownership_asides(sentence):
    """
    (start, end) of each aside that says who owns a share of whom or which venture a company
    shares with another: a parenthesis ("(dont Y détient 12 %)"), or a clause between commas
    after a company ("X, in which Y holds just over 10%, is …", "X, associée à Y depuis 2022 au
    sein de la coentreprise Z, s'est engagée …"); their ventures and stakes are read elsewhere.
    """
    body, passage = sentence.reading.body, sentence.passage
    spans = [
        (aside.start(), aside.end())
        for aside in _PARENTHESIS.finditer(body, passage.start, passage.end)
        if triggers.STAKE.search(body, aside.start(), aside.end())
    ]
    for company in sentence.parties:
        opening = _ASIDE_OPENS.match(body, company["end"], passage.end)
        if opening is None:
            continue
        closing = _CLAUSE_END.search(body, opening.end(), passage.end)
        if closing is None or body[closing.start()] != ",":
            continue
        start, end = opening.start(), closing.start()
        owns = opening.group("owned") and triggers.STAKE.search(body, start, end)
        if owns or _VENTURE_WORD.search(body, start, end):
            spans.append((start, end))
    return [
        (start, end)
        for start, end in spans
        if any(start < p["start"] < end for p in sentence.parties)
    ]


# A clause after a company that may be an aside: "in which Y holds", "dont Y détient",
# "associée à Y … au sein de la coentreprise Z".
_ASIDE_OPENS = re.compile(
    r",[ \u00a0]*(?:(?P<owned>in[ \u00a0]+which|of[ \u00a0]+which|dont|dans[ \u00a0]+laquelle|"
    r"dans[ \u00a0]+lequel)|associée?s?|allied|partnered|partenaire|partner)(?![\w])",
    re.I,
)
_VENTURE_WORD = triggers.words(
    r"joint[ \u00a0-]ventures?|coentreprises?|co-entreprises?|sociétés? communes?"
)


class _BlankedReading:
    """A reading whose body has some spans blanked (same length, so positions hold)."""

    def __init__(self, reading, body):
        self._reading = reading
        self.body = body

    def __getattr__(self, name):
        return getattr(self._reading, name)


class _View:
    """A part of a sentence read as a sentence: its passage, the companies, figures and dates
    in it; proposals quote the sentence itself."""

    def __init__(self, sentence, body, start, end, parties):
        self._sentence = sentence
        self.reading = _BlankedReading(sentence.reading, body)
        self.passage = Passage(start, end)
        self.parties = parties
        self.figures = [f for f in sentence.figures if start <= f["start"] < end and _kept(body, f)]
        self.dates = [d for d in sentence.dates if start <= d["start"] < end and _kept(body, d)]

    @property
    def text(self):
        return self.reading.body[self.passage.start : self.passage.end]

    def propose(self, *args, **kwargs):
        return self._sentence.propose(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._sentence, name)


def _kept(body, mention):
    return not body[mention["start"] : mention["end"]].isspace()


def _agreements_in(sentence, facts, discourse, original, ventures=True):
    body, passage = sentence.reading.body, sentence.passage
    here = [v for v in discourse.ventures if v.sentence is original] if ventures else []
    for venture in here:
        found = _venture_proposal(sentence, venture, discourse)
        if found:
            yield found
    denied = triggers.DENIED.search(body, passage.start, passage.end)
    if denied and not triggers.SIGNED.search(body, passage.start, denied.start()):
        # not "signed a deal with Y and dismissed reports of a merger"; but "denied that it had
        # signed a deal" denies the signature
        return
    if _continues(sentence, discourse):
        return
    if _HYPOTHETICAL.search(body, passage.start, passage.end) and not (
        triggers.SIGNED.search(body, passage.start, passage.end)
        or _AGREED.search(body, passage.start, passage.end)
        or _LETTER_OF_INTENT.search(body, passage.start, passage.end)
        or triggers.ACTIVE.search(body, passage.start, passage.end)
    ):
        return  # "X could supply Y if …", "selon des rumeurs, X achèterait …": no deal made
    kinds = _kinds(body, passage, skip=("joint_venture",))
    loi = any(kind == "letter_of_intent" for kind, _ in kinds)
    kinds = [(k, w) for k, w in kinds if k != "letter_of_intent"] or [
        (k, w) for k, w in kinds if k == "letter_of_intent"
    ]
    if (
        kinds
        and kinds[0][0] == "investment"
        and not _EXPLICIT_INVESTMENT.search(body, passage.start, passage.end)
    ):
        kinds = kinds[1:]  # a share bought is a stake, not also an investment agreement
    if not kinds:
        return
    kind, word = kinds[0]
    if word.re is triggers.BUY_VERB and _HALF_BOUGHT.match(body, word.end()):
        return  # "will buy its partner's half": a share of a company, not a supply
    if word.re is _MAKES_FOR and not any(p["start"] == word.end() for p in sentence.parties):
        return  # "will produce cells for Europe", "pour l'Europe": no company is the buyer
    ally = kind == "partnership" and _UNNAMED_ALLY.match(body, word.end())
    if ally and not any(ally.end() <= p["start"] < ally.end() + 40 for p in sentence.parties):
        return  # "s'allie à un recycleur allemand": its partner is not named here
    if (
        kind == "supply"
        and not _DEAL_WORD.search(body, passage.start, passage.end)
        and not triggers.SUPPLYING.search(body, passage.start, passage.end)
        and not triggers.BUY_VERB.search(body, passage.start, passage.end)
        and not _WINS_ORDER.search(body, passage.start, passage.end)
        and not _ORDERS.search(body, passage.start, passage.end)
        and not _CHOOSES.search(body, passage.start, passage.end)
        and not _CHOSEN_BY.search(body, passage.start, passage.end)
        and not _CUSTOMER_OF.search(body, passage.start, passage.end)
        and not _WHOSE_CUSTOMER.search(body, passage.start, passage.end)
        and not _SUPPLIER_OF.search(body, passage.start, passage.end)
        and not _SUPPLIED_BY.search(body, passage.start, passage.end)
        and not _EQUIPS.search(body, passage.start, passage.end)
        and not _SELLS_GOODS.search(body, passage.start, passage.end)
        and not _BUYS_GOODS.search(body, passage.start, passage.end)
        and not _CUSTOMER_OF_PLANT.search(body, passage.start, passage.end)
        and not _COMES_FROM.search(body, passage.start, passage.end)
        and not _COVERS_NEEDS.search(body, passage.start, passage.end)
        and not _MAKES_FOR.search(body, passage.start, passage.end)
    ):
        return  # "c'est l'assurance d'un approvisionnement": a supply spoken of, not made
    about = kind == "letter_of_intent" and (
        _ABOUT.match(body, word.end())
        # "a memorandum with Y (Z) covering …": what it covers after the partner's name
        or _ABOUT_LATER.search(body, word.end(), min(passage.end, word.end() + 80))
    )
    if about:
        # A memorandum keeps the kind of what it is about: goods ("covering lithium hydroxide",
        # "sur des cellules") are a supply; something no other word types ("pour recycler les
        # rebuts", "on battery recycling"), a partnership.
        # goods named right after a preposition of subject ("on", "covering", "sur"), not the
        # object of a purpose ("pour recycler les batteries", "to create a materials venture")
        goods = _NOMINAL_ABOUT.search(about.group()) and _GOODS_AFTER.match(body, about.end())
        kind = "supply" if goods else "partnership"
    excluded = set()
    published = discourse.article_date[1]
    for venture in discourse.ventures:
        # A venture being formed is no party to its founders' deal; one founded before the
        # article ("V, la coentreprise créée en 2022 par X et Y, et Z signent …") acts.
        older = (
            venture.founded is not None
            and published
            and venture.founded < published.year
            and venture.by_position is not None  # its founders named apart ("créée par X et Y")
        )
        if venture.name is not None and venture.sentence is original and not older:
            excluded.add(party_key(venture.name))
        if venture.sentence is original and venture.by_position is not None:
            excluded.update(party_key(p) for p in venture.partners)
    # a company across a semicolon from the deal's word is in another statement: "X already
    # provides a fifth of the lithium bought in Spain; the venture will not change that".
    left = body.rfind(";", passage.start, word.start()) + 1 or passage.start
    right = body.find(";", word.end(), passage.end)
    right = passage.end if right < 0 else right
    companies = _distinct(
        c
        for c in sentence.parties
        if c["start"] - PARTY_REACH <= word.start() <= c["end"] + PARTY_REACH
        and party_key(c) not in excluded
        and left <= c["start"] < right
    )
    roles = None
    if len(companies) == 1 and kind == "supply":
        # "the German carmaker will take most of the plant's output": the plant's operator sells
        operator = _plant_operator(sentence, discourse)
        if operator is not None and not _same(operator, companies[0]):
            companies = companies + [operator]
        comes = _COMES_FROM.search(body, passage.start, companies[0]["end"])
        comes = comes if comes and comes.end() == companies[0]["start"] else None
        receiver = _plant_spoken_of_operator(sentence, discourse) if comes else None
        if receiver is not None and not _same(receiver, companies[0]) and len(companies) == 1:
            # "Cells will keep coming from X", "Le lithium proviendra de X": X supplies the plant
            # spoken of, whose operator buys
            companies = companies + [receiver]
            roles = [(companies[0], "supplier"), (receiver, "buyer")]
    other_side = None
    if len(companies) == 1 and kind == "supply" and roles is None:
        other_side = _topic_side(sentence, discourse, companies[0], excluded)
        companies = companies + [other_side] if other_side else companies
    if len(companies) < 2:
        return
    roles = roles or _roles(sentence, kind, companies, discourse)
    sides = {role for _, role in roles}
    named = discourse.info(companies[0])
    if other_side is not None and sides == {None} and named and named.kind == "carmaker":
        # "Y (a carmaker) a signé une lettre d'intention portant sur des cellules": it buys
        roles = [(companies[0], "buyer"), (other_side, "supplier")]
        sides = {"buyer", "supplier"}
    if other_side is not None and sides != {"supplier", "buyer"}:
        return  # the side the article's company would take is not told
    if kind == "supply" and len(sides) == 1 and None not in sides:
        return  # "X and Y to source lithium": two buyers, their supplier not named here
    status = _status(sentence.text, kind, loi)
    announced = _announced(sentence, discourse, status)
    fields = {
        "title": _title(kind, roles),
        "kind": kind,
        "status": status,
        "parties": [{"company": party(c), "role": role} for c, role in roles],
        "announced": announced[0],
        "announced_precision": announced[1],
        "start_year": _start_year(body, passage, status, discourse.article_date[1], sentence.dates),
        "volumes": _volumes(sentence) if kind == "supply" else [],
    }
    known = [c["record"]["id"] for c in companies if c.get("record")]
    exists = bool(facts and facts.has_agreement(kind, known))
    key = ("agreement", kind, frozenset(party_key(c) for c in companies), passage.start)
    found = sentence.propose(
        "agreement", fields, [c for c in companies if not c.get("descriptor")], exists
    )
    discourse.last_agreement = found
    yield key, found


# A deal made, not only spoken of: "has signed a contract to buy", "a signé une lettre
# d'intention", "has agreed to source", "dans le cadre d'un contrat".
def _deal_made(body, passage):
    return any(
        pattern.search(body, passage.start, passage.end)
        for pattern in (triggers.SIGNED, _AGREED, _CONCLUDED, _WINS_ORDER, _LETTER_OF_INTENT)
    )


def _topic_side(sentence, discourse, named, excluded):
    """
    The company spoken of, as the other side of a supply deal made whose sentence
    names one side only ("Y has signed a contract to buy the metals recovered there", "Y a signé
    une lettre d'intention portant sur 1 GWh de cellules", "X fournira l'électricité du site
    dans le cadre d'un contrat"): at its own place, standing for no mention of this sentence.
    """
    body, passage = sentence.reading.body, sentence.passage
    # the operator of the plant spoken of ("half of the initial output", "l'électricité du
    # site"), else the company the article is about
    topic = _plant_spoken_of_operator(sentence, discourse) or discourse.topic
    if topic is None or _same(topic, named) or party_key(topic) in excluded:
        return None
    if topic.get("descriptor") or not _deal_made(body, passage):
        return None
    if _UNNAMED_SIDE.search(body, passage.start, passage.end):
        return None  # "signed a contract with a Chinese carmaker": the other side is not named
    return dict(topic, descriptor=True)


_UNNAMED_SIDE = re.compile(
    r"(?<![\w])(?:with|avec|auprès[ \u00a0]+(?:de|d['’])|from|to|à|for|pour)[ \u00a0]+"
    r"(?:an?|un|une|des|several|plusieurs|two|deux|three|trois|other|others|d['’]autres|"
    r"various|divers|some|certains|certaines)(?![\w])",
    re.I,
)


# "the main customer of the refinery", "premier client de l'usine", "buyer of cells from the
# plant": a customer of the plant buys from its operator.
_PLANT_CUSTOMER = (
    r"(?<![\w])(?:customers?|clients?|clientes?|buyers?|acheteurs?)[ \u00a0]+"
    r"(?:[\w-]+[ \u00a0]+){0,3}?(?:of|from|de|du)[ \u00a0]+(?:the[ \u00a0]+|la[ \u00a0]+|l['’])?"
    r"(?:plant|factory|site|refinery|gigafactory|usine|raffinerie|unité)(?![\w])|"
    # a verb of buying from a plant: "already buys cells from the Redcar plant", "achète ses
    # cellules à l'usine de Y", "s'approvisionne auprès de la raffinerie"
    r"(?<![\w])(?:buys|bought|buying|sources|sourced|sourcing|takes|took|achète|achètent|"
    r"achetait|s['’]approvisionne\w*|se[ \u00a0]+fourni\w*)[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){0,3}?"
    r"(?:from|à|auprès[ \u00a0]+de|de)[ \u00a0]+"
    r"(?:the[ \u00a0]+|its[ \u00a0]+|la[ \u00a0]+|l['’]|son[ \u00a0]+|sa[ \u00a0]+)?"
    r"(?:(?-i:[A-ZÀ-Ý])[\w-]*[ \u00a0]+){0,2}"
    r"(?:plant|factory|site|refinery|gigafactory|usine|raffinerie|unité)(?![\w])"
)
_CUSTOMER_OF_PLANT = re.compile(_PLANT_CUSTOMER, re.I)
# The output of the plant spoken of, which its operator sells: "the plant's output", "la
# production de l'usine".
_PLANT_OUTPUT = re.compile(
    r"(?<![\w])(?:(?:plant|factory|site|gigafactory|refinery)['’]s[ \u00a0]+(?:[\w-]+[ \u00a0]+)?"
    r"(?:output|production|capacity|cells)|(?:output|production|capacity)[ \u00a0]+of[ \u00a0]+the"
    r"[ \u00a0]+(?:plant|factory|site|gigafactory|refinery)|(?:production|capacité)[ \u00a0]+de"
    r"[ \u00a0]+l['’](?:usine|site|unité|raffinerie))(?![\w])|"
    # "80% of what the site produces", "ce que l'usine produira": a share of a plant's output
    r"(?<![\w])(?:what|ce[ \u00a0]+que|ce[ \u00a0]+qui)[ \u00a0]+[^.;]{0,40}?(?:produces|makes|"
    r"turns[ \u00a0]+out|will[ \u00a0]+(?:produce|make)|produira|produit|fabrique|fabriquera|"
    r"sortira|sort)(?![\w])|" + _PLANT_CUSTOMER,
    re.I,
)


_GOODS_DEAL = re.compile(
    r"(?<![\w])(?:contracts?|contrats?|deals?|orders?|commandes?)(?![\w])[^.;]{0,80}?"
    r"(?:(?<![\w])(?:of|de|d['’]|for|pour)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,4}?(?:cells|cellules|"
    r"batteries|cathodes?|anodes?|lithium|electrolytes?|électrolytes?|materials?|matériaux|packs|"
    r"modules|hydroxide|hydroxyde|nickel|cobalt|graphite|spodumene|spodumène)|[0-9][ \u00a0]*GWh)"
    r"(?![\w])",
    re.I,
)


# Making goods for a company is supplying it: "agreed to build storage packs for Y", "fabriquera
# des modules pour Y" (a company named after "for", not "for electric cars").
_MAKES_FOR = re.compile(
    r"(?<![\w])(?:build|builds|building|built|make|makes|making|made|manufactur\w+|produc\w+|"
    r"assembl\w+|fabriqu\w+|produir\w+|produit|produisent)[ \u00a0]+[^.;]{0,50}?"
    + _GOODS
    + r"[^.;]{0,30}?(?<![\w])(?:for|pour)[ \u00a0]+(?:(?:the|le|la|l['’])[ \u00a0]*)?"
    r"(?=(?-i:[A-ZÀ-Ý]))",
    re.I,
)
# Meeting a buyer's needs is supplying it: "will cover half of the site's needs", "couvrira
# les besoins de Y", "meets all of Y's requirements".
# Not needs met from a source named after them: "couvre ses besoins auprès de Y", "will meet its
# needs with cells bought from Y" make the subject the buyer.
_COVERS_NEEDS = re.compile(
    r"(?<![\w])(?:couvr\w+|cover(?:s|ed|ing)?|meet(?:s|ing)?|met|satisf\w+|répondr\w+[ \u00a0]+à)"
    r"[^.;]{0,40}?(?:besoins|needs|requirements)(?![\w])"
    r"(?![^.;]{0,60}?(?<![\w])(?:auprès[ \u00a0]+(?:de|du|d['’])|from[ \u00a0]+(?![0-9])|"
    r"grâce[ \u00a0]+à|(?:through|via|with|avec)(?![\w])))",
    re.I,
)
# Goods said to come from a company, the company right after: "will come from X", "keep coming
# from X", "proviendra de X"; not a person who came from one ("Y, who came from X, will run …").
_COMES_FROM = re.compile(
    r"(?<![\w])(?<!who )(?<!qui )(?:come|comes|coming|came|sourced|proviendr\w*|provien\w*|"
    r"viendr\w*)"
    r"[ \u00a0]+(?:from|de|du|d['’]|auprès[ \u00a0]+de)[ \u00a0]*(?=(?-i:[A-ZÀ-Ý]))",
    re.I,
)


def _plant_spoken_of_operator(sentence, discourse):
    """The operator of the plant the sentence names, or else of the one spoken of before."""
    refs = [ref["plant"] for ref in sentence.plant_refs]
    plant = refs[-1] if refs else sentence.context_plant
    return _operator_of(plant, discourse)


def _operator_of(plant, discourse):
    if isinstance(plant, plants.NewPlant):
        return plant.operator
    if isinstance(plant, dict) and plant.get("id"):
        operator_id = discourse.known_places.plants.get(plant["id"], (None, None, None))[2]
        for known in discourse.companies.values():
            record = known.mention.get("record")
            if record and record["id"] == operator_id:
                return known.mention
    return None


def _plant_operator(sentence, discourse):
    """The operator of the plant whose output a sentence speaks of, as a company mention."""
    body, passage = sentence.reading.body, sentence.passage
    output = _PLANT_OUTPUT.search(body, passage.start, passage.end)
    if output is None:
        return None
    return _operator_of(records.plant_at(sentence, output.start()), discourse)


def _continues(sentence, discourse):
    """
    A sentence that goes on about the agreement before ("Under the contract, X will buy
    … between 2026 and 2031"; "Y will deliver 10 GWh a year from 2027") adds its start
    year, volumes and signature to it rather than proposing another.
    """
    last = getattr(discourse, "last_agreement", None)
    if last is None or last["fields"]["kind"] != "supply":
        return False
    body, passage = sentence.reading.body, sentence.passage
    named = {party_key(c) for c in sentence.parties}
    parties = {str(p["company"]) for p in last["fields"]["parties"]}
    opens = _CONTINUES.match(body, passage.start, passage.end)
    # "Le protocole d'accord conclu entre les deux groupes devient un contrat ferme": a sentence
    # opening on the deal names its parties by description; its names are what must match
    own = {party(c) for c in sentence.parties if not (opens and c.get("descriptor"))}
    supplies = triggers.SUPPLYING.search(
        body, passage.start, passage.end
    ) or triggers.BUY_VERB.search(body, passage.start, passage.end)
    # A verb of supplying between the agreement's own parties ("X will ship … to
    # Y's lines from 2027") says more of the body's agreement before it; one naming
    # anyone else, or one stating a signature, is another deal or the headline's told again.
    both = (
        len(named) == 2
        and last["start"] >= _body_start(sentence.reading)
        and not triggers.SIGNED.search(body, passage.start, passage.end)
        and not triggers.AGREEMENT_KINDS[2][1].search(body, passage.start, passage.end)
    )
    # A verb of supplying alone goes on about a deal of the same paragraph or the one after,
    # not of one paragraphs back ("Britain will need 100 GWh by 2030 to supply its car plants").
    near = body.count("\n\n", last["start"], passage.start) <= 1
    supplies = supplies and near and not _ELSEWHERE.match(body, passage.start, passage.end)
    if not (opens or (supplies and (len(named) <= 1 or both))) or not own <= parties:
        return False
    fields = last["fields"]
    if any(p["role"] is None for p in fields["parties"]):
        # "for the supply of cells" said no direction; "X will ship … to Y" does.
        roles = {party(c): role for c, role in _supply_roles(sentence, sentence.parties, discourse)}
        for entry in fields["parties"]:
            entry["role"] = entry["role"] or roles.get(entry["company"])
        mentions = {party(c): c for c in sentence.parties}
        if all(entry["company"] in mentions for entry in fields["parties"]):
            named = [(mentions[entry["company"]], entry["role"]) for entry in fields["parties"]]
            fields["title"] = _title(fields["kind"], named)
    roles = {entry["role"] for entry in fields["parties"]}
    if len(fields["parties"]) == 2 and None in roles and len(roles) == 2:
        # "Under that memorandum, Y would deliver …": the other party of two is the buyer
        given = (roles - {None}).pop()
        other = {"supplier": "buyer", "buyer": "supplier"}.get(given)
        for entry in fields["parties"]:
            entry["role"] = entry["role"] or other
    fields["start_year"] = (
        fields["start_year"]
        or _start_year(body, passage, published=discourse.article_date[1])
        or _first_year(sentence)
    )
    earlier = opens and _LETTER_OF_INTENT.search(opens.group())
    signing = triggers.SIGNED.search(body, passage.start, passage.end)
    if signing and _LETTER_OF_INTENT.search(
        body, max(passage.start, signing.start() - 25), signing.start()
    ):
        earlier = True  # "Ce contrat fait suite à un protocole d'accord signé en mars"
    if signing and not earlier:
        # "Le contrat, signé lundi, prendra effet …": the day it was signed (not the day of
        # the memorandum it replaces: "Le protocole signé en mai devient …").
        signed = _weekday_date(sentence, discourse)
        dated = [d for d in sentence.dates if d["precision"] in ("day", "month")]
        if dated:
            signed = (dated[0]["date"], dated[0]["precision"])
        if signed is not None and fields["status"] not in ("active", "ended"):
            fields["announced"], fields["announced_precision"] = signed
    fields["volumes"] = fields["volumes"] + _volumes(sentence)
    if (
        triggers.CONTRACT.search(body, passage.start, passage.end)
        or _ORDER.search(body, passage.start, passage.end)
    ) and fields["status"] == "announced":
        fields["status"] = "signed"  # "The first purchase order covers …": a firm contract
    return True


_ORDER = triggers.words(r"orders?|commandes?")
# A sentence opening on another matter: "Meanwhile, the group's older plant, which supplies …",
# "Parallèlement, l'usine …".
_ELSEWHERE = re.compile(
    r"(?:meanwhile|separately|elsewhere|in[ \u00a0]+parallel|parallèlement|en[ \u00a0]+parallèle|"
    r"par[ \u00a0]+ailleurs|d['’]autre[ \u00a0]+part|ailleurs)(?![\w])",
    re.I,
)


def _body_start(reading):
    """Where the text after the headline (the first sentence) begins."""
    return reading.sentences[0].end if reading.sentences else 0


def _first_year(sentence):
    years = [d["year"] for d in sentence.dates if d["precision"] == "year"]
    return years[0] if years else None


def _title(kind, roles):
    """ "X–Y supply agreement": the parties by name, the supplier first, then the buyer."""
    order = {"supplier": 0, "buyer": 1}
    in_order = sorted(roles, key=lambda pair: order.get(pair[1], len(order)))
    names = [c["record"]["name"] if c.get("record") else party(c) for c, _ in in_order]
    return f"{'–'.join(names)} {KIND_LABELS[kind]}"
