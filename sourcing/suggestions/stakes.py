"""
Stakes: who holds what share of whom, in what state, as of when. The holder is the subject of
the verb of owning ("X ramène sa participation dans Y", "Y conserve 15 % de X", "…, qui détient
12 %"), the company after "by" / "par" in the passive ("détenu à 51 % par X"), the one whose
stake the noun is ("X's 20% stake", "la participation de X dans Y"), the one a share is written
after ("X (30 %)", "X the remaining 40%", "going to X"), or the one a capital opens to ("ouvre
son capital à X"); the target is the company after the word of owning, the one whose capital or
subsidiary it is ("Y, dont X détient", "Y, a subsidiary of X"), else the company whose
shareholders the article was speaking of. Verbs that buy, take or sell count only with a share
after them. "Each", "chacun", "à parts égales", "in equal thirds", "respectively" share out
among every holder. The state comes from the verb (held, taken, sold, intended); the date is the
clause's, one put before the subject, a relative one ("last month"), or the article's.
"""

import re

from . import triggers
from .common import nearest, party, party_key
from .dates import relative_date
from .records import share_fields

# How far from a percentage the word that makes it a stake may be ("a stake of over 20%").
STAKE_REACH = 80
# How far after "by" / "par" the holder of a passive is named ("held by the French fund X").
AGENT_REACH = 30

_OWNING = triggers.words(
    r"stakes?|shareholders?|shareholding|share capital|equity|holds?|holding|owns?|"
    r"owned|acquires?|acquired|capital|participations?|actionnaires?|détient|détiennent|"
    r"détiendra|détiendront|détenu\w*|détenait|détenaient|possède|possédera|possédait|"
    r"possédaient|possèdent|possédera\w*|rachète|conserve|conservent|conserver\w*|garde|gardent|"
    r"garder\w*|(?:keeps?|kept)(?![ \u00a0]+\w+ing(?![\w]))|retains?|retained|cède|cèdent|"
    r"cédé|sold|sells|exits?|exited|exiting|interests?(?=[ \u00a0]+in(?![\w]))|subsidiary|"
    r"subsidiaries|"
    r"filiales?|buys?[ \u00a0]+into|bought[ \u00a0]+into|buying[ \u00a0]+into|tour de table|"
    # what a holder keeps after a sale or a dilution: "will be left with 30%"
    r"left[ \u00a0]+with|"
    r"désengag\w+|"
    # "takes full control of", "prend le contrôle de": a stake without a figure.
    r"(?:takes?|took|taken|taking)[ \u00a0]+over(?=[ \u00a0]+(?-i:[A-ZÀ-Ý]))|"
    r"(?:takes?|took|taken|taking|gains?|gained|acquires?|acquired|acquiring|prend|prennent|"
    r"prendre|pris|prendra\w*)[ \u00a0]+(?:(?:full|majority|total|sole|the|le)[ \u00a0]+)*"
    r"(?:control|contrôle)(?=[ \u00a0]+(?:total[ \u00a0]+|majoritaire[ \u00a0]+)?(?:of|over|de|"
    r"du|d['’])(?![\w]))"
)
# A holding named by its holder's possessive, then a verb of change: "will see its share fall
# from 31% to 26%", "verra sa part passer de 31 % à 26 %" (the noun is the word of owning).
_SHARE_CHANGING = re.compile(
    r"(?:(?<=its[ \u00a0])|(?<=their[ \u00a0])|(?<=sa[ \u00a0])|(?<=son[ \u00a0])|"
    r"(?<=leur[ \u00a0]))(?:share|part)(?=[ \u00a0]+(?:(?:will|would|to|could|may)[ \u00a0]+)?"
    r"(?:be[ \u00a0]+)?(?:fall|falls|fell|drop|drops|dropped|decline|declines|shrink|shrinks|"
    r"shrank|diluted|rise|rises|rose|grow|grows|climb|climbs|go|goes|passer|passe|passera|"
    r"tomber|tombe|tombera|baisser|baisse|baissera|monter|monte|montera|grimper|diluée)(?![\w]))",
    re.I,
)
# Verbs that buy, take or sell a share say so only with the share right after them ("bought 5%
# of", "prend 15 % du capital", "a vendu ses 9 %"); alone, they buy goods or take decisions.
_SHARE_VERB = triggers.words(
    r"buy|buys|bought|buying|purchase[sd]?|purchasing|take|takes|took|taken|taking|"
    r"acquire|acquiring|sell|selling|offload\w*|achète\w*|acheter|acheté\w*|acquiert|acquièrent|"
    r"acquis|acquérir|acquerra\w*|prend|prennent|prendre|pris|prise|prendra\w*|racheté\w*|"
    r"racheter|rachèter\w*|rachetant|achetant|acquérant|céder|cédera\w*|cédant|vend|vendent|vendu\w*|vendre|vendra\w*|"
    r"revend|revendent|revendu\w*|revendre|revendra\w*|revendant|resold|resells?|reselling|"
    r"vendant|monte|montent|monté\w*|montera\w*|grimpe|grimpé\w*|"
    # an option exercised over a share: "exercised its option over the remaining 35%", "lève
    # son option d'achat sur 15 %"
    r"(?:exercis\w*|exerce\w*|exercé\w*|lève\w*|levé\w*|lever)[ \u00a0]+"
    r"(?:its|their|an|the|a|son|sa|leur|une|l['’])[ \u00a0]*(?:call[ \u00a0]+)?options?"
    r"(?:[ \u00a0]+d['’]achat)?[ \u00a0]+(?:over|on|to[ \u00a0]+buy|for|sur|portant[ \u00a0]+sur)|"
    # "snapped up 12% of", "picks up a further 5%", "s'empare de 60 %"
    r"(?:snap|snaps|snapped|snapping|pick|picks|picked|picking)[ \u00a0]+up|empar\w+|"
    # "controls 51% of", "contrôlée à 80 % par": control with its share after it
    r"controls|controlled|controlling|contrôle|contrôlent|contrôlait|contrôlaient|"
    r"contrôlée?s?|"
    # The nouns of a sale: "la cession de 15 % de X à Y", "the sale of its 20% to Y".
    r"cessions?|ventes?|sales?|disposals?|"
    # … and of buying: "l'acquisition de 60 % de X", "the purchase of a further 5%".
    r"acquisitions?|rachats?|achats?|purchases?"
)
# How far before its share such a verb may be ("bought a further 5%", "a vendu ses 9 %").
SHARE_VERB_REACH = 30
# Verbs that change a share say so with the stake named before its figure ("a réduit sa part à
# 9,5 %", "has cut its holding to 9.5%"); not "cut emissions by 20%".
_CHANGE_VERB = triggers.words(
    r"réduit|réduire|réduira\w*|ramène\w*|ramené\w*|ramener|abaissé\w*|porte|portent|porté\w*|"
    r"porter|portera\w*|relevé\w*|cut|cuts|cutting|reduced?|reduces|reducing|raised?|raises|"
    r"raising|lowered|lowers?|trimmed|trims?|lifted|lifts?|pared|pares?|paring|slash\w*|"
    r"boost\w*|ups|upped|upping|increased?|increases|increasing|augmenté\w*|augmente\w*|"
    r"renforcé\w*|renforce\w*|diminué\w*|diminue\w*"
)
_STAKE_NAMED = triggers.words(r"stake|holding|shareholding|interest|participation|part")
# Wording that makes a stake the whole of the company: "a wholly owned subsidiary", "takes full
# control", "la totalité du capital".
_WHOLE = triggers.words(
    r"wholly[ \u00a0-]owned|fully[ \u00a0-]owned|full control|full ownership|"
    r"total control|sole owner|contrôle total|contrôle exclusif|totalité du capital|"
    r"intégralité du capital|all (?:of )?(?:the )?(?:shares|share capital) (?:of|in)|"
    r"détenue?s? à 100"
)
# A takeover: a verb of buying with the company itself for object ("Moravia Auto has acquired
# Pellucell", "rachète Pellucell", "takes over Pellucell"): the whole of it.
_TAKEOVER = re.compile(
    r"(?<![\w])(?:acquires?|acquired|acquiring|buys|bought|buying|takes?[ \u00a0]+over|"
    r"took[ \u00a0]+over|taking[ \u00a0]+over|rachète|rachètent|racheté|rachètera|racheter|"
    r"acquiert|acquis|acquérir|acquerra|absorbe|absorbé)[ \u00a0]+(?:(?:all[ \u00a0]+of|"
    r"the[ \u00a0]+whole[ \u00a0]+of|la[ \u00a0]+totalité[ \u00a0]+de|l['’]intégralité[ \u00a0]+"
    r"de)[ \u00a0]+)?$",
    re.I,
)
# "its subsidiary X", "sa filiale X" (the subject holds X) or "a subsidiary of X", "filiale de
# X" (X holds the company before).
_SUBSIDIARY = triggers.words(r"subsidiary|subsidiaries|filiales?")
_SUBSIDIARY_OF = re.compile(
    r"^(?:[ \u00a0]+(?:à|at)[ \u00a0]+[0-9][0-9.,]*[ \u00a0]*%)?[ \u00a0]+(?:of|de|du|d['’])"
    r"[ \u00a0]*(?:(?:the|le|la|l['’])[ \u00a0]*)?$",
    re.I,
)
_OWN_SUBSIDIARY = re.compile(
    r"(?:(?<![\w])(?:its|their|sa|son|leurs?)|['’]s)[ \u00a0]+(?:[\w-]+[ \u00a0]+)?$", re.I
)
# Between "sa filiale" and the name: nothing, or one adjective ("sa filiale allemande X").
_NAMED_NEXT = re.compile(r"^,?[ \u00a0]+(?:(?-i:[a-zà-ÿ-]+)[ \u00a0]+)?$")
_BECOMES = triggers.words(
    r"will become|to become|would become|becomes|deviendra|deviendrait|devient|"
    r"future|futur"
)
_POSSESSIVE_GAP = re.compile(
    r"^['’]s?[ \u00a0]+(?:[0-9][0-9.,]*[ \u00a0]*%[ \u00a0]+)?(?:(?-i:[a-z-]+)[ \u00a0]+)?$", re.I
)
# "X said Y would hold 25%", "X expects Y would": a future told of, not an intention.
_REPORTED = triggers.words(rf"{triggers.REPORTING}|expects?|expected")
_JOINTLY = triggers.words(r"jointly|together|conjointement|ensemble|co-owned|codétenue?s?")
# "respectively", "respectivement": the shares go to the holders in the order named.
_RESPECTIVELY = triggers.words(r"respectively|respectivement")
# "la participation (de 20 %) de X dans Y": X holds, in Y.
_STAKE_NOUN = re.compile(r"(?i:stake|holding|shareholding|interest|participation|part)$")
_HOLDER_OF = re.compile(
    r"^(?:[ \u00a0]+(?:de|of)[ \u00a0]+[0-9][0-9.,]*[ \u00a0]*%)?[ \u00a0]+(?:de|d['’]|du|of)"
    r"[ \u00a0]*(?:(?:the|le|la|l['’])[ \u00a0]*)?$",
    re.I,
)
_HELD_IN = re.compile(r"^[ \u00a0]+(?:dans|in|au capital de|du capital de)[ \u00a0]+$", re.I)
_PASSIVE = re.compile(
    r"(?<![\w])(?:owned|held|controlled|détenue?s?|contrôlée?s?|possédée?s?)(?:[^.;:]{0,30}?)"
    r"[ \u00a0](?:by|par)(?![\w])",
    re.I,
)
# "will be owned 50-50", "sera détenue à parts égales": the subject is held, by holders unnamed.
_PASSIVE_NO_AGENT = re.compile(
    r"(?<![\w])(?:be|is|are|was|were|been|être|est|sont|sera|seront)[ \u00a0]+(?:\w+[ \u00a0]+)?"
    r"(?:owned|held|détenue?s?)(?![\w])",
    re.I,
)
# Where a clause with a subject of its own begins: after "that", "que", "while", a colon.
_NEW_SUBJECT = re.compile(
    r"(?<![\w])(?:that|que|qu['’]|while|whereas|tandis que|alors que|selon|according to|"
    rf"{triggers.REPORTING})(?![\w])|:|"
    r"[ \u00a0][–—][ \u00a0]",  # after a dateline ("Lyon, le 8 avril 2026 – X a …")
    re.I,
)
# A new clause with a subject of its own: "X has owned 15% since 2024, and in March Y took
# 9.9%", "X détient 15 %, et en mars Y a pris 9,9 %", "X holds 20%; last year Y bought 5%" (not
# the last of a list of holders: "X, Y, and Z each hold").
_NEW_CLAUSE = re.compile(r"(?:,[ \u00a0]*(?:and|but|et|mais)|;)(?![\w])", re.I)
_DISTRIBUTIVE = triggers.words(
    r"each|chacun|chacune|à parts égales|en parts égales|in equal (?:parts|shares|"
    r"stakes|thirds|halves)|equally|50-50|50/50|à égalité|moitié-moitié|par tiers|"
    r"à parts égales|en trois parts égales|in three equal parts"
)
_RELATIVE = re.compile(r"^,?[ \u00a0]*(?:qui|which|who|that)[ \u00a0]*$", re.I)
_ANTECEDENT = re.compile(r"^,?[ \u00a0]*(?:qui|which|who)[ \u00a0]", re.I)
_RELATIVE_OPEN = re.compile(r",[ \u00a0]*(?:which|who|qui|dont|lequel|laquelle)(?![\w])", re.I)
_PLANNED = triggers.words(
    r"plans?|planned|prévoit|envisage\w*|intends?|would|could|pourrait|pourraient|"
    r"(?-i:may)|might|aims?|vise\w*|souhaite|pourra|pourront|option"
)
_DONE = triggers.words(
    r"holds|hold|owns|own|owned|held|détient|détiennent|détenait|détenaient|"
    r"possédait|possédaient|possède|possèdent|conserve|"
    r"conservent|garde|gardent|keeps|retains|has|have|had|took|acquired|bought|raised|cut|"
    r"a acquis|a pris|ont pris|est entré\w*|sont entrés|avait|remains|reste|restent|"
    r"increased|reduced|lifted|lowered|trimmed|doubled|tripled|halved|boosted|upped|"
    r"pared|slashed|snapped[ \u00a0]+up|picked[ \u00a0]+up|controls|controlled|"
    # "with Z holding the remaining 40%", "Z détenant 12 %": a participle of holding
    r"(?:holding|owning|détenant|possédant)(?=[ \u00a0]+(?:the|les?|la|l['’]|[0-9]))|"
    # the verb, not the noun ("en prend le contrôle" is a change to come)
    r"(?<!le[ \u00a0])(?<!du[ \u00a0])(?<!de[ \u00a0])(?<!au[ \u00a0])(?<!son[ \u00a0])"
    r"(?<!un[ \u00a0])contrôlen?t?|s['’](?:est|sont)[ \u00a0]+emparée?s?|"
    # "X, actionnaire de référence de Y avec 28 %", "its largest shareholder": a holding in place
    r"actionnaires?[ \u00a0]+(?:de[ \u00a0]+référence|majoritaires?|principal|principaux|"
    r"minoritaires?|historiques?)|(?:largest|biggest|main|majority|minority|leading|controlling|"
    r"anchor|reference|principal|core)[ \u00a0]+shareholders?|"
    r"(?:a|ont)[ \u00a0]+(?:porté|relevé|ramené|réduit|augmenté|abaissé|renforcé|accru|doublé)|"
    r"rose|grew|climbed|fell|dropped|declined|sold|divested|exited|completed|closed|finali[sz]ed|"
    r"invested|(?:a|ont)[ \u00a0]+investi|"
    # "a déclaré détenir désormais", "now holds": a holding reached, declared as it stands.
    r"désormais|now[ \u00a0]+(?:holds?|owns?|has|controls?)|"
    r"among[ \u00a0]+its[ \u00a0]+shareholders|parmi[ \u00a0]+ses[ \u00a0]+actionnaires|"
    r"(?:a|ont)[ \u00a0]+(?:finalisé|bouclé|conclu|réalisé|acquis|acheté|racheté)|"
    r"(?:est|sont)[ \u00a0]+(?:monté|passé|descendu|entré|devenu)e?s?|"
    r"détenue?s?|contrôlée?s?|subsidiary|subsidiaries|filiales?|worth|vaut|valent|"
    # "is Pellucell's largest shareholder", "est l'actionnaire majoritaire": a holding stated.
    r"(?:is|are|was|were|est|sont|était|étaient|reste|restent|remains?|demeure)[ \u00a0]+"
    r"(?:[\w'’-]+[ \u00a0]+|l['’]){0,3}?(?:shareholders?|actionnaires?|owners?|propriétaires?)|"
    r"réparti\w*|split|divided|"
    r"shareholders[ \u00a0]+(?:include|are|were)|actionnaires[ \u00a0]+(?:sont|comptent)|"
    # "X's 20% stake in Y": a stake X has.
    r"['’]s[ \u00a0]+(?:[0-9][0-9.,]*[ \u00a0]*%[ \u00a0]+)?(?:stake|holding|shareholding|"
    r"interest)"
)
# "from 7% to 9%", "de 7 % à 9 %": the first figure is the share before, not the one held;
# so is one set against the share held ("contre 25 % auparavant", "up from 5%").
_FORMER_SHARE = re.compile(
    r"[ \u00a0]+(?:to|à)[ \u00a0]+(?:(?:about|environ|roughly|around|some|nearly|almost|"
    r"approximately|just[ \u00a0]+(?:over|under)|près[ \u00a0]+de|quelque|un[ \u00a0]+peu[ \u00a0]+"
    r"(?:plus|moins)[ \u00a0]+de)[ \u00a0]+)?(?:[0-9]|(?:(?:un|une|a|"
    r"one|two|deux|trois|three|la|les)[ \u00a0]+)?(?:tiers|quarts?|thirds?|quarters?|half|"
    r"moitié)(?![\w]))|"
    r"[ \u00a0]+(?:auparavant|previously|before|earlier|précédemment|a year earlier|"
    r"un an plus tôt)(?![\w])"
)
_FORMER_SHARE_BEFORE = re.compile(
    r"(?<![\w])(?:contre|up from|down from|compared with|compared to|versus|from|instead of)"
    r"[ \u00a0]+$",
    re.I,
)
# "40% of its output", "jusqu'à 40 % de sa production": a share of what is made, not of capital.
_SHARE_OF_GOODS = re.compile(
    r"[ \u00a0]+(?:of|de|du|des|d['’])[ \u00a0]*(?:(?:its|their|the|sa|son|ses|la|le|les|l['’]|"
    r"leurs?)[ \u00a0]*)?(?:(?:[0-9][0-9.,]*[ \u00a0]*%|[\w'’-]+)[ \u00a0]+){0,2}?"
    r"(?:output|production|capacity|capacité|"
    r"volumes?|supplies|needs|besoins|demand|demande|sales|ventes|revenues?|chiffre d['’]affaires|"
    # "10% of stationary storage", "15 % de l'approvisionnement": a share of an activity
    r"supply|storage|stockage|approvisionnements?|consumption|consommation|deliveries|"
    r"livraisons|exports|exportations|imports|importations|registrations|immatriculations|"
    r"cells|cellules|batteries|"
    # "half of its 10% stake": a part of a stake, not of the company
    r"stake|holding|interest|participation|part|shares|actions)(?![\w])",
    re.I,
)
# "X (30%), Y (15%)", "Y, with 15%", "… and Y 15%", "Y the
# remaining 40%": a share written right after its holder's name.
_SHARE_AFTER_HOLDER = re.compile(
    r"^(?:[ \u00a0]*\(|,?[ \u00a0]+(?:with|avec)[ \u00a0]+|[ \u00a0]+(?:(?:holding|owning|keeping|"
    r"retaining|détenant|possédant|conservant|gardant)[ \u00a0]+)?(?:(?:the|les)[ \u00a0]+)?"
    r"(?:(?:remaining|other|restants?|autres?)[ \u00a0]+)?|"
    # "et Y le solde, soit 45 %", "and Y the rest (40%)": the remainder, then its figure
    r"[ \u00a0]+(?:le|the)[ \u00a0]+(?:solde|reste|rest|balance|remainder)[ \u00a0]*"
    r"(?:,[ \u00a0]*(?:soit|or|i\.e\.|that is)[ \u00a0]+|\([ \u00a0]*))$",
    re.I,
)
# How far before a share its holder's name may end ("Y, with 15%").
SHARE_AFTER_HOLDER_REACH = 32
# The buyer of a stake sold: the company after "to" or "à", a description between or not ("to
# the Norwegian fund X", "au fonds norvégien X", "à l'investisseur X").
_SOLD_TO = re.compile(
    r"(?<![\w])(?:to|à|au|aux)[ \u00a0]+(?:(?:the|la|le|l['’])[ \u00a0]*)?"
    r"(?:[\w-]+[ \u00a0]+){0,3}$",
    re.I,
)
# How far before the buyer's name "to" / "à" may be, a description between.
SOLD_TO_REACH = 40
# A purchase that names its seller: "bought 20% of Y from (the fund) X", "rachète 20 % de Y à X",
# "a acquis 12 % de Y auprès du fonds X"; not "aux côtés de X", "alongside X".
_BUYING = triggers.words(
    r"buy|buys|bought|buying|purchase[sd]?|purchasing|acquire[sd]?|acquiring|"
    r"achète\w*|acheter|acheté\w*|achetant|acquiert|acquièrent|acquis|acquérir|acquerra\w*|"
    r"rachète\w*|racheter|racheté\w*|rachetant|rachat|acquisition"
)
_BOUGHT_FROM = re.compile(
    r"(?<![\w])(?:(?:from|auprès[ \u00a0]+d(?:e|u|es|['’]))[ \u00a0]*(?:(?:the|la|le|l['’])"
    r"[ \u00a0]*)?(?:[\w-]+[ \u00a0]+){0,3}|(?:à|au|aux)[ \u00a0]+(?:(?:la|l['’])[ \u00a0]*)?"
    # a description between: "au fonds régional X", "à l'investisseur belge X"; not "aux
    # côtés de X" (beside X)
    r"(?:(?!(?:côtés?|de|des|du)(?![\w]))(?-i:[a-zà-ÿ][\w-]*)[ \u00a0]+){0,3})$",
    re.I,
)
# A verb of buying before the word of owning: "rachetant 15 % du capital", "bought 5% of the
# shares".
_CAPITAL_BOUGHT = re.compile(
    r"(?<![\w])(?:buy|buys|bought|buying|purchases?|purchased|acquires?|acquired|achète\w*|"
    r"acheté\w*|achetant|rachète\w*|racheté\w*|rachetant|acquiert|acquis)(?![\w])[^.;:]*$",
    re.I,
)
# A new clause of its own between the stake and "to" ("…, and its managers will talk to X").
_NEXT_CLAUSE = triggers.words(r"and|but|while|et|mais|tandis|alors")
_APPOSITION = re.compile(r",[^,]*,")
# "le capital de X", "les actionnaires de X", "the shareholders of X": X's holders are spoken of.
_CAPITAL_OF = re.compile(
    r"(?<![\w])(?:capital|actionnaires|actionnariat|shareholders|shareholder base|tour de table)"
    r"[ \u00a0]+(?:de|d['’]|du|of)[ \u00a0]*(?:(?:the|la|le|l['’])[ \u00a0]*)?$",
    re.I,
)
# A stake rumoured is none said ("Market rumours had X taking 20% of Y", "X is rumoured to",
# "selon des rumeurs"), unless the sentence confirms it ("X confirmed rumours that it bought").
_RUMOURED = triggers.words(
    r"rumou?rs?|rumou?red|rumeurs?|speculation|spéculations?|bruits de couloir"
)
_CONFIRMED = triggers.words(r"confirm\w*|confirmé\w*|officialis\w*")
# "a 12% share of the European cell market", "12 % du marché européen", "a market share of
# 12%", "une part de marché de 12 %": a share of a market, not of a company's capital.
_SHARE_OF_MARKET = re.compile(
    r"[ \u00a0]+(?:(?:market[ \u00a0]+)?share[ \u00a0]+(?:of|in)[ \u00a0]+|(?:of|in|de|du|des|"
    r"d['’])[ \u00a0]*)(?:(?:its|their|the|sa|son|ses|la|le|les|l['’])[ \u00a0]*)?"
    r"(?:[\w'’-]+[ \u00a0]+){0,3}?(?:markets?|marchés?|segments?)(?![\w])",
    re.I,
)
_MARKET_BEFORE = re.compile(
    r"(?:market[ \u00a0]+shares?|parts?[ \u00a0]+de[ \u00a0]+marché)(?![\w])[^.;%]{0,30}$", re.I
)
# "if X were to buy 30%", "si X rachetait 30 %": a stake supposed, not stated.
_HYPOTHETICAL = re.compile(
    r"(?<![\w])(?:if|si|s['’]ils?|unless|supposing|à supposer que)(?![\w])[^.;]{0,100}?"
    r"(?:(?<![\w])(?:were|was)[ \u00a0]+to(?![\w])|(?<![\w])\w{2,}(?:ait|aient)(?![\w]))",
    re.I,
)
# "has no stake in", "n'a aucune participation dans", "does not own": a holding denied (read
# only when no share is given: "no more than 5%" and "n'en garde que 5 %" are shares).
_NEGATION = re.compile(
    r"(?:n['’](?!s(?![\w]))|(?<![\w])(?:no|not|never|without|aucune?|sans|pas|nor|ne|ni)(?![\w]))",
    re.I,
)
NEGATION_REACH = 25
# "80% of what X produces", "70 % de ce que X produira": a share of goods made, not of capital.
_SHARE_OF_WHAT = re.compile(
    r"[ \u00a0]+(?:of|de)[ \u00a0]+(?:what|whatever|(?:tout[ \u00a0]+)?ce[ \u00a0]+"
    r"qu(?:['’]|e(?![\w])|i(?![\w])))",
    re.I,
)
# "did not sell", "n'a pas cédé", "no plans to sell": a sale said not to happen.
_NOT_SOLD = re.compile(
    r"(?<![\w])(?:not|never|no plans? to|n['’](?:a|ont|est|va|vont)?[ \u00a0]*(?:pas|jamais)|"
    r"ne[ \u00a0]+(?:\w+[ \u00a0]+)?(?:pas|jamais))[ \u00a0]+(?:\w+[ \u00a0]+){0,2}$",
    re.I,
)
# Capital as money, not as shares: "concentrate its capital on cells", "capital spending".
_CAPITAL_AS_MONEY = re.compile(
    r"[ \u00a0]+(?:on|sur|expenditure|spending|costs?|markets?|goods|allocation|investments?|"
    r"dépenses?|investissements?|increases?|raises?|raising|injections?|hikes?)(?![\w])",
    re.I,
)
# "augmentation de capital", "hausse de capital": the operation, not the capital held.
_CAPITAL_OPERATION_BEFORE = re.compile(
    r"(?<![\w])(?:augmentations?|hausses?|réductions?|levées?)[ \u00a0]+(?:de|du)[ \u00a0]+$", re.I
)
# "X, dont Y détient 30 %", "X, in which Y holds 30%": Y holds X.
_WHOSE = re.compile(
    # after a comma or inside a parenthesis: "X (dont Y détient 12 %)", "X (in which Y holds 5%)"
    r"^(?:,|[ \u00a0]*\()?[ \u00a0]*(?:dont|in which|of which|dans laquelle|dans lequel|"
    r"au capital duquel|au capital de laquelle)[ \u00a0]+",
    re.I,
)
# "with the remaining 10% going to X", "les 10 % restants revenant à X": X holds the share.
_GOING_TO = re.compile(
    r"^[ \u00a0]+(?:(?:going|go|goes|will go|to go|allotted|allocated|reserved)[ \u00a0]+"
    r"(?:to|for)|"
    r"(?:revenant|revient|reviendront|reviendra|allant|iront|ira|réservés?)[ \u00a0]+(?:à|au|aux)|"
    r"pour)[ \u00a0]+(?:(?:the|le|la|l['’])[ \u00a0]*)?(?:(?-i:[a-zà-ÿ-]+)[ \u00a0]+){0,3}$",
    re.I,
)
# "the purchase of X's 49% interest": X's stake is sold, and its buyer's is stated elsewhere.
_PURCHASE_OF = re.compile(
    r"(?<![\w])(?:purchase|acquisition|buyout|rachat|achat|reprise)[ \u00a0]+(?:of|de|du|des|d['’])"
    r"[ \u00a0]*(?:(?:the|la|le|l['’])[ \u00a0]*)?$",
    re.I,
)
# "the sale of X's 20% interest", "la cession de la participation de 20 % de X": X sells.
_SALE_OF = re.compile(
    r"(?<![\w])(?:sale|disposal|cession|vente|revente)[ \u00a0]+(?:of|de|du|des|d['’])[ \u00a0]*"
    r"(?:(?:the|la|le|l['’])[ \u00a0]*)?(?:(?:participation|part|stake|holding|interest)"
    r"[ \u00a0]+(?:de|of)[ \u00a0]+[0-9][0-9,.]*[ \u00a0]?%[ \u00a0]+(?:de|d['’]|of|held by|"
    r"détenue?[ \u00a0]+par)[ \u00a0]*)?$",
    re.I,
)
# A sale told as done: "the sale … was completed", "la cession … a été finalisée".
_SALE_DONE = re.compile(
    r"(?<![\w])(?:(?:was|were|has[ \u00a0]+been|have[ \u00a0]+been)[ \u00a0]+"
    r"(?:completed|closed|finali[sz]ed)|closed|completed|"
    r"(?:a|ont)[ \u00a0]+été[ \u00a0]+(?:finalisée?s?|conclue?s?|bouclée?s?|réalisée?s?)|"
    r"(?:est|sont)[ \u00a0]+(?:finalisée?s?|bouclée?s?))(?![\w])",
    re.I,
)
# "accueille Y à son capital", "welcomes Y as a shareholder"
_WELCOMES = re.compile(
    r"(?<![\w])(?:accueille|accueillent|accueilli|accueillera|welcomes?|welcomed|welcoming)"
    r"[ \u00a0]+(?:(?:the|le|la|l['’])[ \u00a0]*(?:[\w-]+[ \u00a0]+){0,2})?$",
    re.I,
)
# "ouvre (le) capital", "opens (up) its capital": the company named after "à" / "to" comes in.
_OPENS = re.compile(
    r"(?<![\w])(?:ouvre|ouvrent|ouvrira|ouvert|ouvrir|opens?|opened|opening)(?:[ \u00a0]+up)?"
    r"[ \u00a0]+(?:(?:son|sa|le|its|their|the|leur)[ \u00a0]+)?$",
    re.I,
)
_SOLD_DONE = triggers.words(
    r"sold|has sold|have sold|divested|exited|offloaded|disposed of|a cédé|ont cédé|"
    r"a vendu|ont vendu|a revendu|ont revendu|resold|has resold|a soldé|ont soldé|"
    r"s['’]est désengagée?|se sont désengagée?s|"
    r"est sortie? du capital|sont sortie?s du capital"
)
# "X's shareholders", "Y's capital": the company whose holders are spoken of (not
# "X's stake in Y", where X holds).
_POSSESSIVE_STAKE = re.compile(
    r"^['’]s[ \u00a0]+(?:\w+[ \u00a0]+)?(?:shareholder|capital|ownership|owners|register|"
    r"share[ \u00a0]+register|cap[ \u00a0]+table)"
)


# A question asks who holds what; it states nothing ("Who owns X?", "Y détient-il 10 % ?").
_QUESTION_END = re.compile(r"\?[ \u00a0»”\"')]*$")
# A share price that moves is no share of a capital: "shares in X rose 4%", "X's stock fell
# 7%", "l'action X a pris 3 %", "le titre a perdu 5 %", "le cours a bondi de 9 %". Verbs of a
# price alone ("rose", "a chuté") say so right before the figure; verbs that also take a stake
# ("a pris", "gained") only after a noun of price in the same clause.
_PRICE_MOVE = (
    r"rose|rises|risen|fell|falls|fallen|jumped|jumps|climbed|climbs|dropped|drops|surged|"
    r"surges|soared|soars|tumbled|tumbles|plunged|plunges|slid|slides|slipped|slips|rallied|"
    r"sank|sinks|dipped|dips|bondi|bondit|chuté|chute|reculé|recule|grimpé|plongé|plonge|"
    r"dévissé|dévisse|flambé|flambe|progressé|progresse|s['’]est[ \u00a0]+envolée?|"
    r"s['’]envole"
)
_PRICE_ONLY_BEFORE = re.compile(
    rf"(?<![\w])(?:{_PRICE_MOVE})(?:[ \u00a0]+(?:by|de|d['’]environ|of))?[ \u00a0]*$", re.I
)
_PRICE_NOUN_BEFORE = re.compile(
    r"(?<![\w])(?:shares?|stock|share[ \u00a0]+price|stock[ \u00a0]+price|action|titre|cours|"
    r"valeur)(?![\w])(?:(?![ \u00a0](?:and|et)[ \u00a0])[^.;,%]){0,40}?"
    rf"(?<![\w])(?:{_PRICE_MOVE}|gained|gains|lost|loses|added|adds|shed|sheds|"
    r"(?:was|were|is|are|closed|ended)[ \u00a0]+(?:up|down)|a[ \u00a0]+(?:pris|gagné|perdu|"
    r"cédé|lâché|abandonné)|prend|gagne|perd|lâche|abandonne)"
    r"(?:[ \u00a0]+(?:by|de))?[ \u00a0]*$",
    re.I,
)
# People, not companies, hold the share: "the founding family keeps 51%", "les fondateurs
# conservent 55 %", "employees hold another 5%", "dont les salariés possèdent 6 %".
_PEOPLE_HOLD_BEFORE = re.compile(
    r"(?<![\w])(?:(?:founding|owning)[ \u00a0]+famil(?:y|ies)|famil(?:y|ies)"
    # not a family's company: "the family office holds 10%", "a family holding owns"
    r"(?![ \u00a0]+(?:office|offices|holding|holdings|fund|funds|trust|company|investment))|"
    r"(?:co-?)?founders|"
    r"management(?:[ \u00a0]+team)?|managers|executives|employees|staff|workers|"
    r"(?:co)?fondat(?:eurs|rices)|famille(?:s)?(?:[ \u00a0]+fondatrices?)?|dirigeants|"
    r"salariés|employés|cadres)(?![\w])"
    r"(?:[ \u00a0]+(?-i:[a-zà-ÿ'’-]+)){0,3}?[ \u00a0]+"
    r"(?:own|owns|owned|hold|holds|held|keep|keeps|kept|retain|retains|retained|control|"
    r"controls|détiennent|détient|détenaient|possèdent|possède|conservent|conserve|gardent|"
    r"garde|contrôlent|contrôle|gardent|conserveront|garderont|détiendront)"
    r"(?:[ \u00a0]+(?-i:[a-zà-ÿ'’-]+)){0,2}?[ \u00a0]*$",
    re.I,
)
# A figure corrected away: "40%, not 60%", "rather than 35%", "et non 60 %", "au lieu des 30 %".
_CORRECTED_AWAY_BEFORE = re.compile(
    r"(?<![\w])(?:not|rather[ \u00a0]+than|instead[ \u00a0]+of(?:[ \u00a0]+the)?|"
    r"(?:et[ \u00a0]+)?non(?:[ \u00a0]+pas)?|et[ \u00a0]+pas|plutôt[ \u00a0]+que|"
    r"au[ \u00a0]+lieu[ \u00a0]+(?:des|de[ \u00a0]+la|du|de|d['’]))[ \u00a0]*$",
    re.I,
)
# Hearsay: a stake told in the reporting conditional ("X aurait étudié une entrée au capital",
# "serait sur le point de"), or said of a rumour ("reportedly", "was said to be eyeing").
_CONDITIONAL_BEFORE = re.compile(
    r"(?<![\w])(?:aurai(?:t|ent)|serai(?:t|ent))(?![\w])[^,;.]{0,45}$", re.I
)
_HEARSAY = triggers.words(
    r"reportedly|allegedly|(?:is|are|was|were)[ \u00a0]+said[ \u00a0]+to|circling|eyeing|eying"
)


def _question(sentence):
    body, passage = sentence.reading.body, sentence.passage
    return bool(_QUESTION_END.search(body[passage.start : passage.end].rstrip()))


def _asked_about(sentence, memory):
    """ "Who owns X?": no stake, but X is the company whose holders the answer names."""
    _note_topic(sentence, memory)
    body, passage = sentence.reading.body, sentence.passage
    word = _OWNING.search(body, passage.start, passage.end)
    if word is None:
        return
    after = [m for m in sentence.parties if m["start"] >= word.end()]
    if after:
        memory.topic = min(after, key=lambda m: m["start"])


def _not_a_holding(body, figure, start):
    """Whether a percentage is a price move, a people's share or a figure corrected away."""
    before = body[max(start, figure["start"] - 70) : figure["start"]]
    return bool(
        _PRICE_ONLY_BEFORE.search(before)
        or _PRICE_NOUN_BEFORE.search(before)
        or _PEOPLE_HOLD_BEFORE.search(before)
        or _CORRECTED_AWAY_BEFORE.search(before)
    )


def _hearsay(sentence, words):
    body, passage = sentence.reading.body, sentence.passage
    if _HEARSAY.search(body, passage.start, passage.end) and not _CONFIRMED.search(
        body, passage.start, passage.end
    ):
        return True
    return any(
        _CONDITIONAL_BEFORE.search(body[max(passage.start, w.start() - 50) : w.start()])
        for w in words
    )


class Memory:
    """What the article has said of shareholdings so far: the company spoken of, and holders."""

    def __init__(self):
        self.topic = None
        self.holders = {}  # target key -> [holder mentions]
        self.previous = None  # the sentence read before the current one
        self.current = None
        self.proposed = {}  # sentence start -> the stake proposals made from it

    def add(self, holder, target):
        found = self.holders.setdefault(party_key(target), [])
        if all(party_key(h) != party_key(holder) for h in found):
            found.append(holder)
        self.topic = target


def article_date(article):
    """The article's publication date as (partial date text, date), or (None, None)."""
    published = getattr(article, "published_on", None)
    precision = getattr(article, "published_precision", "") or "day"
    if not published:
        return None, None
    text = {"year": published.strftime("%Y"), "month": published.strftime("%Y-%m")}.get(
        precision, published.isoformat()
    )
    return text, published


def stakes(sentence, facts, discourse):
    if _question(sentence):
        _asked_about(sentence, discourse.stake_memory)
        return
    made = []
    for key, item in _stakes(sentence, facts, discourse):
        if key[1] is None and key[2] is None:
            continue  # "sodium-ion to take 10% of storage": neither holder nor company held
        made.append(item)
        yield key, item
    yield from _remainder(sentence, facts, discourse, made)


# "the rest", "le reste", "the remainder", "le solde" of a capital, with no figure of its own
# ("X holds 70% of Y, with Z holding the rest", "X détient 65 % de Y, Z le reste"): its holder
# is named right before it, or after "held by" / "détenu par".
_REST = re.compile(
    r"(?<![\w])(?:the[ \u00a0]+(?:rest|remainder|balance|remaining[ \u00a0]+shares)|"
    r"le[ \u00a0]+(?:reste|solde|restant)|les[ \u00a0]+parts[ \u00a0]+restantes)(?![\w])",
    re.I,
)
_REST_FIGURE = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*(?:soit|or|i\.e\.|that is)[ \u00a0]+|\()", re.I)
_REST_HOLDER_BEFORE = re.compile(
    r"^[ \u00a0]*(?:(?:holding|owning|keeping|retaining|taking|holds|owns|keeps|retains|takes|"
    r"détenant|possédant|conservant|gardant|prenant|détient|possède|conserve|garde|prend)"
    r"[ \u00a0]+)?$",
    re.I,
)
_REST_HELD_BY = re.compile(
    r"^(?:[ \u00a0]+(?:of|du|de)[ \u00a0]+(?:the[ \u00a0]+)?(?:capital|shares|equity))?[ \u00a0]*,?"
    r"[ \u00a0]*(?:(?:is|are|being|will[ \u00a0]+be|est|sont|étant|sera|seront|reste|remains)"
    r"[ \u00a0]+)?(?:held|owned|détenue?s?|possédée?s?)[ \u00a0]+(?:by|par)[ \u00a0]+"
    r"(?:(?:the|le|la|l['’])[ \u00a0]*)?$",
    re.I,
)


def _remainder(sentence, facts, discourse, made):
    """The stake a sentence gives as the rest of a capital whose other shares it states."""
    body, passage = sentence.reading.body, sentence.passage
    rest = _REST.search(body, passage.start, passage.end)
    if rest is None or _REST_FIGURE.match(body, rest.end()) or not made:
        return
    stated = [item["fields"] for item in made]
    targets = {f["target"] for f in stated if f["target"]}
    if len(targets) != 1 or any(f["share_exact"] is None for f in stated):
        return  # a bound or several companies held: no rest to work out
    if any(f["status"] == "divested" for f in stated):
        return
    total = sum(f["share_exact"] for f in stated)
    if not 0 < total < 100:
        return
    holder = None
    before = [p for p in sentence.parties if p["end"] <= rest.start()]
    after = [p for p in sentence.parties if p["start"] >= rest.end()]
    if after and _REST_HELD_BY.match(body[rest.end() : after[0]["start"]]):
        holder = after[0]
    elif before and _REST_HOLDER_BEFORE.match(body[before[-1]["end"] : rest.start()].lstrip(",")):
        holder = before[-1]
    if holder is None or party(holder) in {f["holder"] for f in stated} | targets:
        return
    topic = discourse.stake_memory.topic
    named = [m for m in sentence.parties + [topic] if m is not None and party(m) in targets]
    if not named:
        return
    target = named[0]
    figure = {"value": round(100 - total, 2), "qualifier": "exact", "unit": "%"}
    status = stated[0]["status"]
    yield _proposal(sentence, facts, discourse, holder, target, figure, None, rest, status)


# A holding bought from its owner, named as the owner's: "X buys Z's 20% stake in Y", "X
# rachète la participation (de 20 %) de Z dans Y", "X acquires the shares held by Z in Y": X
# holds the share bought, Z sells it.
_OWNERS_STAKE_BOUGHT = re.compile(
    rf"(?:{_BUYING.pattern})[ \u00a0]+(?:(?:of|de|des|du)[ \u00a0]+)?"
    r"(?:(?:the|la|les|l['’]|a|une)[ \u00a0]*)?"
    r"(?:(?:entire|whole|remaining|totalité[ \u00a0]+de[ \u00a0]+la)[ \u00a0]+)?"
    r"(?:[0-9][0-9.,]*[ \u00a0]*%[ \u00a0]+)?"
    r"(?:(?P<noun>stake|holding|shareholding|interest|shares|participation|parts|actions)"
    r"[ \u00a0]+)?(?:(?:de|of)[ \u00a0]+[0-9][0-9.,]*[ \u00a0]*%[ \u00a0]+)?"
    r"(?:(?P<of>de|d['’]|du|of|held[ \u00a0]+by|owned[ \u00a0]+by|détenue?s?[ \u00a0]+par|"
    r"(?:que|qu['’]|that)[ \u00a0]*(?:détenai(?:en)?t|possédai(?:en)?t|avai(?:en)?t|"
    r"conservai(?:en)?t)|(?P<that>that|which))"
    r"[ \u00a0]*(?:(?:the|le|la|l['’])[ \u00a0]*)?(?:(?-i:[a-zà-ÿ][\w'’-]*)[ \u00a0]+){0,3})?$",
    re.I,
)
_OWNERS = re.compile(
    r"^(?:['’]s?[ \u00a0]+(?:[0-9][0-9.,]*[ \u00a0]*%[ \u00a0]+)?(?:(?-i:[a-z-]+)[ \u00a0]+)?"
    r"(?:stake|holding|shareholding|interest|shares))?[ \u00a0]+(?:in|dans|au[ \u00a0]+capital"
    r"[ \u00a0]+de|du[ \u00a0]+capital[ \u00a0]+de)[ \u00a0]+(?:(?:the|le|la|l['’])[ \u00a0]*)?$",
    re.I,
)
OWNERS_REACH = 80
_PURCHASE_NOUN = triggers.words(r"purchases?|acquisitions?|rachats?|achats?")
_HELD_AFTER_OWNER = re.compile(
    r"[ \u00a0]+(?:(?:has|had|have|still)[ \u00a0]+)?(?:held|owned|holds|owns|hold|own)(?![\w])",
    re.I,
)
# "taking 25% through the purchase of the 10% that Z held": the share bought is the way there.
_MEANS = triggers.words(
    r"through|via|by way of|by means of|par le biais|au moyen|grâce à|notamment par"
)
# ", soit 12 % du capital", " (12%)", ", or 12%": the share bought, said again after the company.
_SHARE_RESTATED = re.compile(
    r"^[ \u00a0]*(?:,[ \u00a0]*(?:soit|or|i\.e\.|that is|représentant|representing)"
    r"[ \u00a0]+|\([ \u00a0]*)(?:(?:about|around|environ|près de)[ \u00a0]+)?$",
    re.I,
)


def _owners_stake_bought(sentence):
    """(buyer, seller, target, share figure, verb) of a holding bought from its named owner."""
    body, passage, parties = sentence.reading.body, sentence.passage, sentence.parties
    for index, owner in enumerate(parties):
        lead = body[max(passage.start, owner["start"] - OWNERS_REACH) : owner["start"]]
        bought = _OWNERS_STAKE_BOUGHT.search(lead)
        if bought is None:
            continue
        verb_start = owner["start"] - len(lead) + bought.start()
        target = parties[index + 1] if index + 1 < len(parties) else None
        gap = body[owner["end"] : target["start"]] if target else ""
        if (target is None or not _OWNERS.match(gap)) and bought.group("of"):
            # "porte sa part dans Y à 33 %, en rachetant les 18 % que détenait Z": Y, before
            held = [p for p in parties if p["end"] <= verb_start]
            target, gap = (held[-1], " in ") if len(held) >= 2 else (None, "")
        if target is None:
            continue
        if bought.group("that"):
            # "the 10% that Z has held since 2023": Z's only with a verb of holding after it
            if not _HELD_AFTER_OWNER.match(body, owner["end"]):
                continue
            held = [p for p in parties if p["end"] <= verb_start]
            if len(held) < 2:
                continue
            target, gap = held[-1], " in "
        possessive = bool(re.match(r"['’]", gap)) and not bought.group("of")
        # "les parts de Z", "the stake held by Z", "les 15 % détenus par Z": the owner's holding
        owned = bought.group("of") and (
            bought.group("noun") or re.search(r"par|by|qu|that|which", bought.group("of"), re.I)
        )
        if not _OWNERS.match(gap) or not (possessive or owned):
            continue
        verb = _BUYING.match(body, verb_start)
        buyers = _subject(sentence, verb) if verb else []
        if not buyers or party_key(buyers[0]) in (party_key(owner), party_key(target)):
            continue
        figures = [
            f for f in sentence.figures
            if f["unit"] == "%" and f["value"] <= 100 and (
                verb_start <= f["start"] < max(target["start"], owner["start"])
                or (target["end"] <= f["start"]
                    and _SHARE_RESTATED.match(body[target["end"] : f["start"]])))
        ]  # fmt: skip
        if len(figures) > 1:
            continue
        percents = [f for f in sentence.figures if f["unit"] == "%"]
        means = any(
            f["end"] <= verb_start and _MEANS.search(body, f["end"], verb_start) for f in percents
        )
        noun = _PURCHASE_NOUN.fullmatch(verb.group())
        # "completed the purchase of Z's 49%": Z's is sold; the buyer's is told elsewhere
        if noun or (figures and (_reaches_another(sentence, figures[0], percents) or means)):
            buyers = [None]  # the share bought is the way to the one the buyer reaches
        return buyers[0], owner, target, (figures[0] if figures else None), verb
    return None


def _stakes(sentence, facts, discourse):
    bought = _owners_stake_bought(sentence)
    consumed = sold = None
    if bought is not None:
        buyer, owner, target, figure, verb = bought
        share = figure if figure is not None else _whole(sentence, target)
        if figure is not None or share is not None:
            consumed = figure
            if buyer is not None:
                yield _proposal(sentence, facts, discourse, buyer, target, share, figure, verb)
        # without a share, the buyer's holding is the one the sentence reaches, if it gives one
        key, item = _proposal(
            sentence, facts, discourse, owner, target, share, figure, verb, "divested"
        )
        yield key, item
        if figure is None and share is not None:
            return
        sold = key[1:3]
    for key, item in _stakes_left(sentence, facts, discourse, consumed):
        if sold == key[1:3] and key[4] != "divested" and _no_share(item["fields"]):
            continue  # "bought Z's stake in Y": the stake named Z's is the one Z sold
        yield key, item


def _no_share(fields):
    return all(fields[name] is None for name in ("share_exact", "share_min", "share_max"))


def _stakes_left(sentence, facts, discourse, consumed):
    memory = discourse.stake_memory
    body, passage = sentence.reading.body, sentence.passage
    _note_topic(sentence, memory)
    if memory.current is not sentence:
        memory.previous, memory.current = memory.current, sentence
        _date_the_deal_before(sentence, memory)
    nominal = list(triggers.STAKE_BY_FOLLOWING.finditer(body, passage.start, passage.end))
    words = [
        word
        for word in _OWNING.finditer(body, passage.start, passage.end)
        if not any(n.start() <= word.start() < n.end() for n in nominal)
        and not _in_name(sentence, word)
        and not (
            word.group().lower() == "capital"
            and (
                _CAPITAL_AS_MONEY.match(body, word.end())
                or _CAPITAL_OPERATION_BEFORE.search(body, max(0, word.start() - 20), word.start())
            )
        )
    ]
    shares = [
        f
        for f in sentence.figures
        if f["unit"] == "%"
        and f["value"] <= 100
        and not _FORMER_SHARE.match(body, f["end"])
        and not _SHARE_OF_GOODS.match(body, f["end"])
        and not _SHARE_OF_WHAT.match(body, f["end"])
        and not _SHARE_OF_MARKET.match(body, f["end"])
        and not _MARKET_BEFORE.search(body, max(0, f["start"] - 50), f["start"])
        and not _FORMER_SHARE_BEFORE.search(body, max(0, f["start"] - 20), f["start"])
        and not _not_a_holding(body, f, passage.start)
    ]
    words += [
        noun
        for noun in _SHARE_CHANGING.finditer(body, passage.start, passage.end)
        if any(0 <= f["start"] - noun.end() <= SHARE_VERB_REACH for f in shares)
    ]
    words += [
        verb
        for verb in _SHARE_VERB.finditer(body, passage.start, passage.end)
        if any(0 <= f["start"] - verb.end() <= SHARE_VERB_REACH for f in shares)
    ]
    words += [
        verb
        for verb in _CHANGE_VERB.finditer(body, passage.start, passage.end)
        if any(
            0 <= f["start"] - verb.end() <= SHARE_VERB_REACH
            and _STAKE_NAMED.search(body, verb.end(), f["start"])
            for f in shares
        )
    ]
    if not shares:
        words = [w for w in words if not _negated(sentence, w) and not _sells_goods(sentence, w)]
        nominal = [w for w in nominal if not _negated(sentence, w)]
    if not words and not nominal:
        return
    if _HYPOTHETICAL.search(body, passage.start, passage.end):
        return  # "if X were to take 30% of Y, …"
    if triggers.DENIED.search(body, passage.start, passage.end):
        return  # "X has denied a report that it was negotiating to buy 25% of Y"
    if _hearsay(sentence, words + nominal):
        return  # "X aurait étudié une entrée au capital de Y", "X is reportedly eyeing"
    if _RUMOURED.search(body, passage.start, passage.end) and not _CONFIRMED.search(
        body, passage.start, passage.end
    ):
        return
    ratio = list(_ratio_stakes(sentence, facts, discourse))
    if ratio:
        yield from ratio  # "owned 60/40 by X and Y": the sentence's shares are the ratio's
        return
    distributive = _DISTRIBUTIVE.search(body, passage.start, passage.end)
    respective = _respective_holders(sentence, shares)
    reached = set()  # (holder, target) of the stakes stated so far in the sentence
    nearest_gap = {w: min((_gap(w, share) for share in shares), default=0) for w in nominal + words}
    for figure in shares or [None]:
        if consumed is not None and figure is not None and figure["start"] == consumed["start"]:
            continue  # a holding bought from its owner, stated already
        position = figure["start"] if figure else (words or nominal)[0].start()
        candidates = [
            w for w in nominal + words if not _bound_elsewhere(w, figure, shares, nearest_gap)
        ]
        candidates = candidates or nominal + words
        trigger = min(candidates, key=lambda word: abs(word.start() - position))
        if figure is not None and abs(trigger.start() - position) > STAKE_REACH:
            continue
        found = _stakes_at(sentence, trigger, figure, distributive, discourse, respective)
        for holder, target, share in found:
            if share is None:
                share = _whole(sentence, target)
            pair = (party_key(holder) if holder else None, party_key(target) if target else None)
            increment = (_is_bought(sentence, trigger) or _bought_share(sentence, figure)) and (
                pair in reached or _reaches_another(sentence, figure, shares)
            )
            reached.add(pair)
            left = _share_left(sentence, figure)
            if left:
                # "has sold 6% to Y, reducing its holding to 31%": what the seller keeps
                status = "announced" if _future(sentence) else "completed"
                yield _proposal(
                    sentence, facts, discourse, holder, target, share, figure, trigger, status
                )
                continue
            if not increment:
                # not "raises its stake to 45%, buying 15%": the 15% bought is the way there
                yield _proposal(sentence, facts, discourse, holder, target, share, figure, trigger)
            seller = _seller(sentence, trigger, holder, target, figure)
            if seller is not None:
                yield _proposal(
                    sentence, facts, discourse, seller, target, share, figure, trigger, "divested"
                )
            buyer = (
                None if _KEEPING.fullmatch(trigger.group()) else _buyer(sentence, trigger, target)
            )
            if buyer is not None and holder is not None:
                done = _SOLD_DONE.search(sentence.text) or _SALE_DONE.search(sentence.text)
                status = "completed" if done else "announced"
                yield _proposal(
                    sentence, facts, discourse, buyer, target, share, figure, trigger, status
                )


_SELLING = triggers.words(
    r"sells|sold|cède|cèdent|cédé|vend|vendent|vendu|resells|resold|revend|revendent|revendu"
)
_SOLD_OBJECT = re.compile(
    r"[ \u00a0]+(?:(?:its|their|all|the|his|her|sa|son|ses|leur|leurs|la|le|les|l['’]|"
    r"entire|remaining|whole|totalité|intégralité|de|du|des|d['’]|of|out|down|back|off)"
    r"[ \u00a0]*){0,3}(?:(?-i:[A-ZÀ-Ý])|(?:stakes?|holdings?|shareholding|interests?|shares|"
    r"participations?|parts|actions|titres|capital|equity|control|contrôle)(?![\w]))",
    re.I,
)


def _sells_goods(sentence, word):
    """Whether a verb of selling with no share in its sentence sells goods ("sells pumps to
    growers"): its object is neither a holding nor a company."""
    if not _SELLING.fullmatch(word.group()):
        return False
    return not _SOLD_OBJECT.match(sentence.reading.body, word.end())


def _negated(sentence, word):
    """Whether a word of owning is denied right before it ("has no stake", "n'a aucune
    participation", "does not own")."""
    start = max(sentence.passage.start, word.start() - NEGATION_REACH)
    return bool(_NEGATION.search(sentence.reading.body, start, word.start()))


def _bound_elsewhere(word, figure, shares, nearest_gap):
    """Whether ``word`` is nearer another share of the sentence than ``figure``: in "porte sa
    participation à 45 %, en rachetant 15 % du capital", "rachetant" and "capital" are the 15 %'s
    and say nothing of the 45 %. ``nearest_gap``: each word's gap to its nearest share, worked
    out once a sentence (per figure and word, it made the sentence's cost cubic in its shares)."""
    if figure is None or len(shares) < 2:
        return False
    return nearest_gap[word] < _gap(word, figure)


# A participle that brings a holder's own stake to a share after a sale or a purchase:
# "reducing its own holding to 31%", "ramenant sa participation à 20 %", "leaving it with 5%".
_LEFT_BY_PARTICIPLE = re.compile(
    r"(?<![\w])(?:reducing|cutting|lowering|trimming|bringing|raising|lifting|taking|leaving|"
    r"ramenant|réduisant|abaissant|portant|laissant|relevant)[ \u00a0]+(?:(?:its|their|it|them|"
    r"sa|son|leur|lui)[ \u00a0]+)?(?:own[ \u00a0]+|propre[ \u00a0]+)?(?:(?:stake|holding|"
    r"shareholding|interest|participation|part)[ \u00a0]+)?(?:to|à|with|avec)[ \u00a0]+"
    r"(?:(?:about|around|just|nearly|environ|près[ \u00a0]+de|un[ \u00a0]+peu)[ \u00a0]+)?$",
    re.I,
)


def _said_before(sentence, figure, pattern, reach=60):
    """Whether ``pattern`` ends right before ``figure``, within ``reach`` characters of its
    sentence."""
    if figure is None:
        return False
    start = max(sentence.passage.start, figure["start"] - reach)
    return bool(pattern.search(sentence.reading.body, start, figure["start"]))


def _share_left(sentence, figure):
    """Whether ``figure`` is the share a participle says a holder is left with."""
    return _said_before(sentence, figure, _LEFT_BY_PARTICIPLE)


def _future(sentence):
    body, passage = sentence.reading.body, sentence.passage
    return bool(
        triggers.STAKE_FUTURE.search(body, passage.start, passage.end)
        or _PLANNED.search(body, passage.start, passage.end)
    )


# A share a holding is brought to: "taking it to 100% ownership", "porte sa part à 45 %".
_BROUGHT_TO = re.compile(
    r"(?<![\w])(?:to|à)[ \u00a0]+(?:(?:about|around|nearly|environ|près[ \u00a0]+de)[ \u00a0]+)?$",
    re.I,
)


# A share paid for: "agreed to pay €115 million for the 30%", "paie 40 millions pour les 20 %".
_PAID_FOR = re.compile(
    r"(?<![\w])(?:pay|pays|paid|paying|paie|paient|payé|payer|paiera)(?![\w])[^.;:]{0,40}?"
    r"(?:for|pour)[ \u00a0]+(?:(?:the|its|a|les|la|le|sa|ses)[ \u00a0]+)?$",
    re.I,
)


def _bought_share(sentence, figure):
    """Whether the share is the object of a purchase or a payment before it."""
    return _said_before(sentence, figure, _PAID_FOR) or _said_before(
        sentence, figure, _CAPITAL_BOUGHT, reach=30
    )


def _reaches_another(sentence, figure, shares):
    """Whether another share of the sentence is the one a holding is brought to: the share
    bought is then the way there ("pays for the 30% it does not own, taking it to 100%")."""
    body = sentence.reading.body
    return figure is not None and any(
        other is not figure
        and _BROUGHT_TO.search(body, max(0, other["start"] - 20), other["start"])
        for other in shares
    )


def _is_bought(sentence, trigger):
    """Whether the word of owning is a purchase's ("rachetant", "buys 5% of the capital")."""
    body = sentence.reading.body
    return bool(
        _BUYING.fullmatch(trigger.group())
        or _CAPITAL_BOUGHT.search(
            body, max(sentence.passage.start, trigger.start() - 40), trigger.start()
        )
    )


def _gap(word, share):
    """How many characters lie between a word and a share, whichever comes first."""
    return max(word.start() - share["end"], share["start"] - word.end(), 0)


# "owned 60/40 by X and Y", "détenue à 70-30 par X et Y", "split 55:45 between X and Y": a
# ratio of two shares summing to 100, given in the order of the holders named after it.
_RATIO = re.compile(
    r"(?<![\w])(?:owned|held|controlled|split|divided|shared|détenue?s?|contrôlée?s?|"
    r"répartie?s?|partagée?s?)[ \u00a0]+(?:(?:à|at|in|on|en)[ \u00a0]+)?(?:a[ \u00a0]+)?"
    r"(?P<first>[0-9]{1,2}(?:[.,][0-9])?)[ \u00a0]*(?:/|-|:|–)[ \u00a0]*"
    r"(?P<second>[0-9]{1,2}(?:[.,][0-9])?)(?![\w%/])[ \u00a0]+(?:(?:ratio|basis)[ \u00a0]+)?"
    r"(?:by|par|between|entre)[ \u00a0]+",
    re.I,
)


def _ratio_stakes(sentence, facts, discourse):
    """The two stakes a ratio after a participle of owning gives, one per holder in order."""
    body, passage = sentence.reading.body, sentence.passage
    for match in _RATIO.finditer(body, passage.start, passage.end):
        first, second = (float(match.group(n).replace(",", ".")) for n in ("first", "second"))
        if abs(first + second - 100) > 0.01 or first == second:
            continue  # "50/50" is an equal split, read as one
        after = [p for p in sentence.parties if p["start"] >= match.end()]
        if not after or after[0]["start"] - match.end() > AGENT_REACH:
            continue
        holders = _with_coordinated(sentence, after[:1])
        held = [p for p in sentence.parties if p["end"] <= match.start()]
        if len(holders) != 2 or not held:
            continue
        target = held[-1]
        trigger = match
        for holder, value in zip(holders, (first, second), strict=True):
            figure = {"start": match.start("first"), "end": match.end("second"), "value": value,
                      "qualifier": "exact", "unit": "%"}  # fmt: skip
            yield _proposal(sentence, facts, discourse, holder, target, figure, figure, trigger)


def _in_name(sentence, word):
    """Whether a word of owning is part of a company's name ("Acme Capital", "X Holding")."""
    return any(m["start"] <= word.start() < m["end"] for m in sentence.companies)


def _buyer(sentence, trigger, target):
    """Who a stake is sold to ("cède sa participation dans Y à Z", "sold … to Z"), or None."""
    body = sentence.reading.body
    if not triggers.STAKE_DIVESTED.search(sentence.text):
        return None
    # the company sold may be one spoken of before ("sold a 15% stake to Z")
    after_end = target["end"] if target is not None else trigger.end()
    after = [
        p
        for p in sentence.parties
        if p["start"] > after_end and (target is None or party_key(p) != party_key(target))
    ]
    for mention in after:
        # An apposition between ("X, sa filiale de modules et de packs, à Y") is no new clause.
        between = _APPOSITION.sub(" ", body[after_end : mention["start"]])
        if _NEXT_CLAUSE.search(between):
            break
        if _SOLD_TO.search(body[max(0, mention["start"] - SOLD_TO_REACH) : mention["start"]]):
            return mention
    return None


def _seller(sentence, trigger, holder, target, figure):
    """Who sells the share a purchase buys ("buys 20% of Y from X", "rachète 20 % de Y à X"):
    named after the share, not before the share the buyer ends with ("from X, taking Y to
    100%")."""
    body = sentence.reading.body
    if holder is None or target is None or triggers.STAKE_DIVESTED.search(sentence.text):
        return None
    if not _BUYING.search(body, sentence.passage.start, sentence.passage.end):
        return None
    after = [
        p
        for p in sentence.parties
        if p["start"] > max(target["end"], trigger.end(), figure["end"] if figure else 0)
        and party_key(p) not in (party_key(target), party_key(holder))
    ]
    for mention in after:
        between = _APPOSITION.sub(" ", body[target["end"] : mention["start"]])
        if _NEXT_CLAUSE.search(between):
            break
        if _BOUGHT_FROM.search(body[max(0, mention["start"] - SOLD_TO_REACH) : mention["start"]]):
            # "porte sa part à 45 %, en rachetant 15 % à X": X sells the share nearest before it
            if figure is not None and any(
                figure["end"] <= f["start"] and f["end"] <= mention["start"]
                for f in sentence.figures
                if f["unit"] == "%"
            ):
                return None
            return mention
    return None


def _whole(sentence, target):
    """A share of 100% when the wording makes the stake the whole company, else None."""
    body, passage = sentence.reading.body, sentence.passage
    whole = _WHOLE.search(body, passage.start, passage.end)
    if whole is None and target is not None and not target.get("descriptor"):
        lead = body[max(passage.start, target["start"] - 30) : target["start"]]
        possessive = re.match(r"['’]s(?![\w])", body[target["end"] : target["end"] + 2])
        whole = _TAKEOVER.search(lead) if not possessive else None
    return {"value": 100, "qualifier": "exact"} if whole else None


def _respective_holders(sentence, shares):
    """
    "X and Y hold 10% and 15% of Z respectively": each share's holder, by the order of both,
    as {share start: holder}; empty without "respectively" or when the counts differ.
    """
    body, passage = sentence.reading.body, sentence.passage
    if len(shares) < 2 or not _RESPECTIVELY.search(body, passage.start, passage.end):
        return {}
    for first in sentence.parties:
        run = _with_coordinated(sentence, [first])
        if len(run) == len(shares) and run[-1]["end"] <= shares[0]["start"]:
            return {share["start"]: holder for share, holder in zip(shares, run, strict=True)}
    return {}


def _venture_described(sentence, trigger, discourse):
    """The named venture a participle describes ("X, une coentreprise détenue à parts égales",
    "X, a joint venture owned 50-50"), or None."""
    body = sentence.reading.body
    word = _VENTURE_WORD.search(
        body, max(sentence.passage.start, trigger.start() - 25), trigger.start()
    )
    if word is None or body[word.end() : trigger.start()].strip(" \u00a0,"):
        return None
    for venture in reversed(discourse.ventures):
        if venture.name is not None and venture.sentence is sentence:
            return venture
    return None


def _welcomed(sentence, trigger):
    """ "X accueille Y à son capital", "X welcomes Y as a shareholder": Y holds X."""
    body, passage = sentence.reading.body, sentence.passage
    before = [p for p in sentence.parties if p["end"] <= trigger.start()]
    for index, mention in enumerate(before):
        lead = body[max(passage.start, mention["start"] - 25) : mention["start"]]
        if _WELCOMES.search(lead) and index > 0 and trigger.start() - mention["end"] <= 30:
            return [mention], before[index - 1]
    return None


# "X compte (parmi ses actionnaires) Y", "X counts Y among its shareholders": Y holds X.
_COUNTS = triggers.words(r"counts?|counted|compte|comptent|comptait|comptera")
_AMONG_HOLDERS = triggers.words(
    r"among[ \u00a0]+(?:its|their)[ \u00a0]+(?:shareholders|investors|backers|owners)|"
    r"parmi[ \u00a0]+(?:ses|leurs)[ \u00a0]+(?:actionnaires|investisseurs)"
)


def _counted_among(sentence):
    """([holder], company held) when a company counts another among its shareholders."""
    body, passage, parties = sentence.reading.body, sentence.passage, sentence.parties
    counts = _COUNTS.search(body, passage.start, passage.end)
    if counts is None or not _AMONG_HOLDERS.search(body, counts.end(), passage.end):
        return None
    before = [p for p in parties if p["end"] <= counts.start()]
    after = [p for p in parties if p["start"] >= counts.end()]
    if not before or not after:
        return None
    return [after[0]], before[-1]


def _opened_to(sentence, trigger):
    """ "X ouvre le capital de Y à Z", "X opens its capital to Z": Z comes in (holder, target)."""
    body, passage = sentence.reading.body, sentence.passage
    if not _OPENS.search(body, max(passage.start, trigger.start() - 20), trigger.start()):
        return None
    after = [p for p in sentence.parties if p["start"] >= trigger.end()]
    before = [p for p in sentence.parties if p["end"] <= trigger.start()]
    for mention in after:
        if _SOLD_TO.search(body[max(0, mention["start"] - SOLD_TO_REACH) : mention["start"]]):
            held = [p for p in after if p["start"] < mention["start"]]
            target = held[0] if held else (before[-1] if before else None)
            return ([mention], target) if target is not None else None
    return None


def _stakes_at(sentence, trigger, figure, distributive, discourse, respective):
    """(holder, target, share figure) of the stakes a word of owning states."""
    memory = discourse.stake_memory
    body, passage = sentence.reading.body, sentence.passage
    venture = _venture_described(sentence, trigger, discourse)
    if venture is not None:
        partners = venture.partners
        if len(partners) < 2:
            return []  # its founders are not named here: no holder to give it
        share = figure or (
            {"value": round(100 / len(partners), 2), "qualifier": "exact"} if distributive else None
        )
        return [(p, venture.name, share) for p in partners] if share else []
    if _INTO_A_SECTOR.match(body, trigger.end()) and re.search(r"into$", trigger.group(), re.I):
        return []  # "buys into Portuguese lithium": a business, no company's capital
    opened = (
        _opened_to(sentence, trigger) or _welcomed(sentence, trigger) or _counted_among(sentence)
    )
    holders, target = opened or _sides(sentence, trigger)
    pronoun = (
        _EN_BEFORE.search(body, max(passage.start, trigger.start() - 8), trigger.start())
        or (figure is not None and _OF_IT.match(body, figure["end"]))
        or _ITS_CAPITAL.search(body, passage.start, passage.end)
    )
    # "X en détient 55 % et Y le solde": "en" stands for the company spoken of before, and the
    # company after the verb is another holder; one named before it in the sentence ("Au
    # capital de Z, X en détient 12 %") or none is left to the reading of the topic
    if pronoun and target is not None and target["start"] > trigger.start():
        target = _antecedent(sentence, holders or [], discourse) or target
    if figure is not None and figure["start"] in respective:
        holders = [respective[figure["start"]]]
    agent = _agent_after(sentence, figure)
    if agent is not None and holders:
        if distributive and _share_count(sentence) == 1:
            # "owned in equal thirds by X, Y and Z": one share in words, every agent's
            every = _with_coordinated(sentence, [agent])
            return [(h, target, figure) for h in every if party_key(h) != party_key(target)]
        holders = [agent]  # "détenue à 60 % par X et à 40 % par Y": each share its own holder
        distributive = None  # "each hold 45%, with the remaining 10% going to X": X's alone
    listed = _holder_before_parentheses(sentence, figure)
    if listed is not None:
        topic = memory.topic if memory.topic is not None else target
        if topic is None or party_key(topic) == party_key(listed):
            topic = _venture_held((holders or []) + [listed], discourse)
        if topic is not None and party_key(topic) != party_key(listed):
            return [(listed, topic, figure)]
    if holders is None:
        return []
    if target is not None and _listed_holder(sentence, target):
        # "X will own 51% and Y the other 49%": Y holds its share, of the venture they form
        target = _venture_held(holders + [target], discourse)
    topic = memory.topic
    if (
        target is None
        and topic is not None
        and all(party_key(h) != party_key(topic) for h in holders)
    ):
        target = topic
    if target is None and pronoun:
        target = _antecedent(sentence, holders, discourse)
    if target is None and _is_venture_held(sentence, trigger):
        target = _venture_held(holders, discourse)
        # "X and Y will each hold 50% of the new company": every coordinated holder.
        each = _with_coordinated(sentence, holders) if distributive else holders[-1:]
        return [(h, target, figure) for h in each] if figure else []
    if target is None and not distributive:
        target = _other(sentence, holders)
    if target is None and distributive:
        target = _venture_held(holders, discourse)
    if target is not None and holders and _co_investor(sentence, trigger, target, discourse):
        # "a round led by X, which takes 20%, alongside Y": Y buys in too, it is not bought into
        beside, target = target, _round_raiser(sentence, holders + [target], discourse)
        if target is None:
            return []
        if figure is not None and _apart(beside, figure) < min(_apart(h, figure) for h in holders):
            holders = [beside]  # "X y entre à 20 %, tandis que Y prend une part": X's 20 %
    if holders and target is not None:
        holders = [h for h in holders if party_key(h) != party_key(target)]
    if distributive and target is not None:
        # "X and Y each hold 10% of Z": every holder coordinated with the subject.
        every = _shareholders(target, _with_coordinated(sentence, holders), discourse)
        if len(every) >= 2:
            share = figure or {"value": round(100 / len(every), 2), "qualifier": "exact"}
            return [(h, target, share) for h in every]
    if figure is None and (not holders or target is None):
        return []
    if distributive and target is None:
        return []
    if not holders:
        if _EXERCISED.match(trigger.group()):
            return []  # an option used by no company named: whose purchase it is is the news
        return [(None, target, figure)]
    if figure is None and _JOINTLY.search(sentence.text):
        return [(h, target, None) for h in holders]  # "jointly owned by X and Y"
    passive = _PASSIVE.search(body, max(passage.start, trigger.start() - 5), passage.end)
    if (
        figure is None
        and not passive
        and _ACTIVE_OWN.fullmatch(trigger.group())
        and target["start"] < trigger.start()
        and all(h["start"] < trigger.start() for h in holders)
        and not _STAKE_NAMED.search(body, trigger.end(), min(passage.end, trigger.end() + 30))
        and not _WHOSE_ANYWHERE.search(body, target["end"], trigger.start())
    ):
        return []  # "X and Y created Z, which will own and run a plant": a plant owned
    return [(h, target, figure) for h in (holders[:1] if passive else holders[-1:])]


# A round of financing: the companies named in it buy into the company that raises it.
_ROUND = triggers.words(
    r"(?:funding|financing|investment|equity|seed|series[ \u00a0]+[a-f])[ \u00a0]+rounds?|"
    r"rounds?[ \u00a0]+of[ \u00a0]+(?:funding|financing)|fundraising|fund-raising|capital raise|"
    r"capital increase|tours?[ \u00a0]+de[ \u00a0]+table|levées?[ \u00a0]+de[ \u00a0]+fonds|"
    r"augmentations?[ \u00a0]+de[ \u00a0]+capital"
)
# Words that set one investor of a round beside another: "alongside Y", "tandis que Y".
_BESIDE = triggers.words(
    r"alongside|along[ \u00a0]+with|together[ \u00a0]+with|as[ \u00a0]+well[ \u00a0]+as|while|"
    r"whereas|aux[ \u00a0]+côtés[ \u00a0]+d['’e]|ainsi[ \u00a0]+que|tandis[ \u00a0]+qu['’e]|"
    r"alors[ \u00a0]+qu['’e]|de[ \u00a0]+même[ \u00a0]+qu['’e]"
)


def _in_round(sentence, discourse):
    """The sentence, or the one before, speaks of a round of financing."""
    previous = discourse.stake_memory.previous
    for said in (sentence, previous):
        if said is not None and _ROUND.search(
            said.reading.body, said.passage.start, said.passage.end
        ):
            return True
    return False


def _co_investor(sentence, trigger, target, discourse):
    """ "X takes 20%, alongside Y" in a round: Y is set beside the holder, not bought into."""
    body = sentence.reading.body
    start, end = sorted((trigger.start(), target["start"]))
    return bool(_BESIDE.search(body, start, end)) and _in_round(sentence, discourse)


def _apart(mention, figure):
    """Characters between a company named and a figure, on either side."""
    return max(figure["start"] - mention["end"], mention["start"] - figure["end"], 0)


def _round_raiser(sentence, investors, discourse):
    """The company that raises the round: the one named before the round in the sentence
    ("X closes a funding round led by Y"), else the one the sentences before speak of."""
    keys = {party_key(i) for i in investors}
    body = sentence.reading.body
    spoken = _ROUND.search(body, sentence.passage.start, sentence.passage.end)
    if spoken is not None:
        before = [
            p for p in sentence.parties if p["end"] <= spoken.start() and party_key(p) not in keys
        ]
        if before:
            return before[0]
    raiser = _antecedent(sentence, investors, discourse)
    return raiser if raiser is not None and party_key(raiser) not in keys else None


_WHOSE_ANYWHERE = triggers.words(
    r"in which|of which|dont|dans laquelle|dans lequel|au capital duquel|au capital de laquelle"
)
_ACTIVE_OWN = triggers.words(r"owns?|hold|holds|possède|possèdent|possédera\w*|détient|détiennent")


# French "en" before a verb of owning: "en détient 55 %", "n'en gardera que 10 %", "en
# détiendront chacun 35 %".
_EN_BEFORE = re.compile(r"(?<![\w'’])(?:en|n['’]en)[ \u00a0]+(?:\w+[ \u00a0]+)?$", re.I)


_CREATED_BEFORE = re.compile(
    r"(?<![\w])(?:création|creation|formation|set(?:s|ting)?[ \u00a0]+up|found(?:s|ed|ing)|"
    r"form(?:s|ed|ing)|creat(?:es|ed|ing)|crée|créent|créé\w*|créera\w*|fonde|fondent|"
    r"fondé\w*)[ \u00a0]+(?:(?:de|of|d['’]|du|la|le|l['’]|the|an?|une?)[ \u00a0]*){0,2}$",
    re.I,
)


# "holds 70% of it": "it" stands for the company spoken of before.
_OF_IT = re.compile(r"[ \u00a0]+of[ \u00a0]+it(?![\w'’])", re.I)


def _antecedent(sentence, holders, discourse):
    """The company "en" stands for: a venture formed in this sentence or the one before, else
    the first company of the sentence before that is not a holder, else the company whose
    stakes were last spoken of."""
    memory = discourse.stake_memory
    keys = {party_key(h) for h in _with_coordinated(sentence, holders)}
    recent = (sentence, memory.previous)
    if holders:
        # "Y is still controlled by its founders, but X holds 12% of it": Y, of the clause before
        body = sentence.reading.body
        turns = list(_NEW_CLAUSE.finditer(body, sentence.passage.start, holders[0]["start"]))
        turn = turns[-1] if turns else None
        earlier = [
            p
            for p in sentence.parties
            if turn is not None and p["end"] <= turn.start() and party_key(p) not in keys
        ]
        if earlier:
            return earlier[0]
    for venture in reversed(discourse.ventures):
        named = venture.name
        if venture.sentence in recent and named is not None and party_key(named) not in keys:
            return named
    previous = memory.previous
    if previous is not None:
        others = [
            p for p in previous.parties if party_key(p) not in keys and not p.get("descriptor")
        ]
        body = previous.reading.body
        for mention in others:
            lead = body[max(previous.passage.start, mention["start"] - 40) : mention["start"]]
            if _CREATED_BEFORE.search(lead):
                return mention  # "annoncent la création de X": the company formed
        if others:
            return others[0]
    topic = memory.topic
    return topic if topic is not None and party_key(topic) not in keys else None


# "entre à son capital", "12 % de son capital", "12% of its capital": the company spoken of.
_ITS_CAPITAL = re.compile(
    r"(?<![\w])(?:à|dans|de|of|in|into)[ \u00a0]+(?:son|leur|its|their)[ \u00a0]+"
    r"(?:share[ \u00a0]+)?capital(?![\w])",
    re.I,
)
_INTO_A_SECTOR = re.compile(r"[ \u00a0]+(?:[A-ZÀ-Ý][a-zà-ÿ]+[ \u00a0]+)?(?-i:[a-zà-ÿ])")


def _share_count(sentence):
    return sum(1 for f in sentence.figures if f["unit"] == "%")


# "à 40 % par Y", "40% by Y": the holder of a share in a passive list follows its own figure.
_BY_AFTER_SHARE = re.compile(
    r"[ \u00a0]+(?:par|by)[ \u00a0]+(?:(?:the|le|la|l['’])[ \u00a0]*"
    r"(?:[\w'’-]+[ \u00a0]+){0,2})?$",
    re.I,
)


def _agent_after(sentence, figure):
    """The company named by "par" / "by" right after a share, or None."""
    if figure is None:
        return None
    body = sentence.reading.body
    for mention in sentence.parties:
        gap = mention["start"] - figure["end"]
        between = body[figure["end"] : mention["start"]]
        if 0 < gap <= AGENT_REACH and (_BY_AFTER_SHARE.search(between) or _GOING_TO.match(between)):
            return mention
    return None


def _listed_holder(sentence, mention):
    """Whether a share is written right after the company ("Y the other 49%", "Y (30%)")."""
    return any(
        _holder_before_parentheses(sentence, f) is mention
        for f in sentence.figures
        if f["unit"] == "%"
    )


def _holder_before_parentheses(sentence, figure):
    """The company a share is written right after ("X (30%)", "Y, with 15%")."""
    if figure is None:
        return None
    body = sentence.reading.body
    for mention in sentence.parties:
        gap = figure["start"] - mention["end"]
        if 0 < gap <= SHARE_AFTER_HOLDER_REACH and _SHARE_AFTER_HOLDER.match(
            body[mention["end"] : figure["start"]]
        ):
            return mention
    return None


def _subsidiary_sides(sentence, word):
    """ "Y, a subsidiary of X", "X et sa filiale Y": X holds Y; else nobody named."""
    body, parties = sentence.reading.body, sentence.parties
    after = [p for p in parties if p["start"] >= word.end()]
    before = [p for p in parties if p["end"] <= word.start()]
    if after and before and _SUBSIDIARY_OF.match(body[word.end() : after[0]["start"]]):
        return [after[0]], before[-1]
    lead = body[max(sentence.passage.start, word.start() - 40) : word.start()]
    named_next = after and _NAMED_NEXT.match(body[word.end() : after[0]["start"]])
    if named_next and _OWN_SUBSIDIARY.search(lead):
        if lead.rstrip().endswith(("'s", "’s")):
            return ([before[-1]] if before else None), after[0]
        return _subject(sentence, word), after[0]
    return None, None


def _sides(sentence, trigger):
    """The holders (subject) and the target of a word of owning."""
    body, parties = sentence.reading.body, sentence.parties
    subsidiary = _SUBSIDIARY.search(
        body, trigger.start(), min(sentence.passage.end, trigger.end() + 30)
    )
    if subsidiary:
        return _subsidiary_sides(sentence, subsidiary)
    passive = _PASSIVE.search(
        body, max(sentence.passage.start, trigger.start() - 5), sentence.passage.end
    )
    if passive and _REST.search(body, trigger.end(), passive.start()):
        passive = None  # "X owns 55% and the rest is held by Z": Z holds the rest, not the 55%
    if passive and passive.start() - trigger.start() < 40:
        after = [p for p in parties if p["start"] >= passive.end()]
        before = [p for p in parties if p["end"] <= passive.start()]
        if not after or after[0]["start"] - passive.end() > AGENT_REACH:
            return None, None  # "détenu à 40 % par ses fondateurs": held by no company named
        held = before[-1] if before else None
        if held is not None and _VENTURE_WORD.search(body, held["end"], passive.start()):
            held = None  # "X et Y vont créer une coentreprise détenue à 60 % par X": the venture's
        # "jointly owned by X and Y": every agent coordinated; with one share, the first's.
        return (_with_coordinated(sentence, after[:1]), held)
    held = _PASSIVE_NO_AGENT.search(
        body, max(sentence.passage.start, trigger.start() - 25), trigger.end()
    )
    if held:
        before = [p for p in parties if p["end"] <= held.start()]
        return [], (before[0] if before else None)
    if triggers.STAKE_BY_FOLLOWING.match(body, trigger.start()):
        after = [p for p in parties if p["start"] >= trigger.end()]
        before = [p for p in parties if p["end"] <= trigger.start()]
        return (after[:1], before[-1] if before else None)
    if _STAKE_NOUN.search(trigger.group()):
        # "la participation (de 20 %) de X dans Y", "the stake of X in Y": X holds Y.
        after = [p for p in parties if p["start"] >= trigger.end()]
        if (
            len(after) >= 2
            and _HOLDER_OF.match(body[trigger.end() : after[0]["start"]])
            and _HELD_IN.match(body[after[0]["end"] : after[1]["start"]])
        ):
            return [after[0]], after[1]
    whose = _whose(sentence, trigger)
    if whose is not None:
        return whose
    owner = _possessor(sentence, trigger)
    if owner is not None:
        return [owner], _object(sentence, trigger)
    return _subject(sentence, trigger), _object(sentence, trigger)


def _possessor(sentence, trigger):
    """ "X's 49% interest in Y": the company whose stake the noun is, or None."""
    if not _STAKE_NOUN.search(trigger.group()):
        return None
    body = sentence.reading.body
    for mention in sentence.parties:
        gap = body[mention["end"] : trigger.start()]
        if 0 < len(gap) <= 20 and _POSSESSIVE_GAP.match(gap):
            return mention
    return None


def _whose(sentence, trigger):
    """ "Y, dont le fonds X détient 30 %": (the holder after, the company before)."""
    body = sentence.reading.body
    before = [p for p in sentence.parties if p["end"] <= trigger.start()]
    for held, holder in zip(before, before[1:], strict=False):
        relative = _WHOSE.match(body[held["end"] : holder["start"]])
        if relative is not None and not re.search(r"[,;]", body[holder["end"] : trigger.start()]):
            return [holder], held
    return None


def _subject(sentence, trigger):
    """The companies that hold: the subject of the verb, relative clauses aside."""
    body = sentence.reading.body
    before = [p for p in sentence.parties if p["end"] <= trigger.start()]
    if not before:
        return []
    last = before[-1]
    if _RELATIVE.match(body[last["end"] : trigger.start()]) or _ANTECEDENT.match(
        body[last["end"] : trigger.start()]
    ):
        return [last]  # "…, qui détient 12 %": the company before the pronoun holds
    opening = sentence.passage.start
    appositions = _appositions(sentence, before)
    for match in _NEW_SUBJECT.finditer(body, sentence.passage.start, trigger.start()):
        if any(start <= match.start() < end for start, end in appositions):
            continue  # "X, the family holding that is Y's shareholder, sold": X is the subject
        if any(p["start"] >= match.end() for p in before):
            opening = match.end()
    for match in _NEW_CLAUSE.finditer(body, opening, trigger.start()):
        following = [p for p in before if p["start"] >= match.end()]
        listed = any(
            not body[p["end"] : match.start()].strip() for p in before if p["end"] <= match.start()
        ) and _LISTED_NEXT.match(body[match.end() : following[0]["start"]] if following else "")
        if following and not listed:
            opening = match.end()
    kept = [
        p
        for p in before
        if p["start"] >= opening
        and not _in_relative(body, sentence.passage.start, p)
        and not any(start <= p["start"] < end for start, end in appositions)
    ]
    if not kept:
        return []
    subject = kept[0]
    together = [p for p in kept if p["start"] == subject["start"]]
    return together if len(together) > 1 else [subject]


# An apposition after a company's name, closed by a comma: "X, the Brussels family holding
# that is Y's largest shareholder, …", "X, a fund from Gdynia, …", "X, le groupe qui …, …".
_APPOSITION_AFTER = re.compile(
    r",[ \u00a0]*(?:an?|the|une?|le|la|les|l['’])[ \u00a0]*[^,;:()]{1,100}?,(?=[ \u00a0])", re.I
)


def _appositions(sentence, mentions):
    """The spans of the appositions written right after ``mentions``."""
    body = sentence.reading.body
    found = []
    for mention in mentions:
        match = _APPOSITION_AFTER.match(body, mention["end"], sentence.passage.end)
        if match:
            found.append((match.start(), match.end()))
    return found


# What may stand between ", and" and the next holder of a list: "X, Y, and the fund Z".
_LISTED_NEXT = re.compile(r"^[ \u00a0]*(?:(?:the|le|la|les|l['’])[ \u00a0]*)?(?:\w+[ \u00a0]+)?$")


def _in_relative(body, sentence_start, mention):
    """Whether a company is named inside ", which … ," (not the subject of the main verb)."""
    opening = None
    for match in _RELATIVE_OPEN.finditer(body, sentence_start, mention["start"]):
        opening = match
    if opening is None:
        return False
    return "," not in body[opening.end() : mention["start"]]


def _object(sentence, trigger):
    """The company whose stake it is: the first named after the word, in its clause."""
    body = sentence.reading.body
    clause = sentence.reading.clause_map.clause_of(trigger.start(), trigger.end())
    end = clause.end if clause else sentence.passage.end
    new_clause = _NEW_CLAUSE.search(body, trigger.end(), end)
    if new_clause is not None:
        end = new_clause.start()  # "X has owned 15% since 2024, and in March Y took …"
    after = [p for p in sentence.parties if trigger.end() <= p["start"] < end]
    if triggers.STAKE_DIVESTED.search(sentence.text):
        # "selling its 9% stake to Halden Fonds": Halden buys; the stake is in another company.
        after = [
            p
            for p in after
            if not _SOLD_TO.search(body[max(0, p["start"] - SOLD_TO_REACH) : p["start"]])
        ]
    elif _is_bought(sentence, trigger):
        # "rachète 15 % du capital au fonds X", "buys 15% of the capital from X": X sells.
        after = [
            p
            for p in after
            if not _BOUGHT_FROM.search(body[max(0, p["start"] - SOLD_TO_REACH) : p["start"]])
        ]
    return after[0] if after else None


def _other(sentence, holders):
    keys = {party_key(h) for h in holders}
    others = [p for p in sentence.parties if party_key(p) not in keys]
    if holders:
        # not a company of another clause: "X has owned 15%, and in March Y took 9.9%"
        body = sentence.reading.body
        others = [
            p
            for p in others
            if not _NEW_CLAUSE.search(
                body, min(p["end"], holders[0]["end"]), max(p["start"], holders[0]["start"])
            )
        ]
    if triggers.STAKE_DIVESTED.search(sentence.text):
        # "X sold a 15% stake to Z": Z buys; the company sold is another, spoken of before
        body = sentence.reading.body
        others = [
            p
            for p in others
            if not _SOLD_TO.search(body[max(0, p["start"] - SOLD_TO_REACH) : p["start"]])
        ]
    if not others:
        return None
    if holders:
        before = [p for p in others if p["end"] <= holders[0]["start"]]
        if before:
            return before[-1]
    return others[0]


_VENTURE_WORD = triggers.words(
    r"joint[ \u00a0-]venture|coentreprise|co-entreprise|société commune|"
    r"(?:new|nouvelle)[ \u00a0]+(?:company|société|entreprise)"
)


# Between two coordinated companies: "and", "et", a comma; the preposition said again and a
# description of the second ("par X et par le fonds régional Y", "by X and by the fund Y").
_AND = re.compile(
    # an apposition of the first may come between ("X, an investment company from Gdynia, and
    # Y"), and a comma before "and"
    r"^(?:[ \u00a0]*,[ \u00a0]*(?:an?|the|une?|le|la|les|l['’])[ \u00a0]*[^,;:()]{1,80}(?=,))?"
    r"[ \u00a0]*(?:,[ \u00a0]*(?:and|et)|,|and|et|&)[ \u00a0]*"
    r"(?:(?:by|par|to|à|with|avec)[ \u00a0]+)?"
    r"(?:(?:the|le|la|les|l['’])[ \u00a0]*(?:(?-i:[a-zà-ÿ-]+)[ \u00a0]+){0,3})?$",
    re.I,
)


def _with_coordinated(sentence, holders):
    """``holders`` with the companies coordinated with them, before ("X et par Y, qui …") and
    after ("X and Y each hold …"), by "and", "et" or a comma."""
    if not holders:
        return []
    body, parties = sentence.reading.body, sentence.parties
    every = list(holders)
    for mention in reversed([p for p in parties if p["end"] <= every[0]["start"]]):
        if not _AND.match(body[mention["end"] : every[0]["start"]]):
            break
        every.insert(0, mention)
    for mention in parties:
        if mention["start"] >= every[-1]["end"]:
            if any(start <= mention["start"] < end for start, end in _appositions(sentence, every)):
                continue  # "X, an industrial group from Mo i Rana, and Y": a place of X's
            if not _AND.match(body[every[-1]["end"] : mention["start"]]):
                break
            every.append(mention)
    return every


def _is_venture_held(sentence, trigger):
    """Whether the word of owning speaks of a joint venture named as its subject or object
    ("une coentreprise détenue à 60 % par X", "will hold 25% of the new company")."""
    body, passage = sentence.reading.body, sentence.passage
    before = _VENTURE_WORD.search(body, max(passage.start, trigger.start() - 40), trigger.start())
    after = _VENTURE_WORD.search(body, trigger.end(), min(passage.end, trigger.end() + 40))
    return bool(before or after)


def _venture_held(holders, discourse):
    """
    The named joint venture a distributive sentence with no company held speaks of ("The two
    shareholders own the company in equal parts", "They each own 50% of it"): the last one
    named whose founders include the holders named.
    """
    keys = {party_key(h) for h in holders}
    for venture in reversed(discourse.ventures):
        founders = {party_key(p) for p in venture.partners}
        if venture.name is not None and keys <= founders and len(founders) >= 2:
            return venture.name
    return None


def _shareholders(target, holders, discourse):
    """Every holder a distributive phrase speaks of: those named, else the target's known ones."""
    if len(holders) >= 2:
        return holders
    known = list(discourse.stake_memory.holders.get(party_key(target), []))
    for venture in discourse.ventures:
        if venture.name is not None and party_key(venture.name) == party_key(target):
            for partner in venture.partners:
                if all(party_key(partner) != party_key(k) for k in known):
                    known.insert(0, partner)
    for holder in holders:
        if all(party_key(holder) != party_key(k) for k in known):
            known.append(holder)
    return known


def _note_topic(sentence, memory):
    """ "X's shareholder structure": the company whose shareholders are spoken of."""
    body = sentence.reading.body
    for mention in sentence.parties:
        lead = body[max(0, mention["start"] - 40) : mention["start"]]
        if _POSSESSIVE_STAKE.match(body[mention["end"] : mention["end"] + 40]) or (
            _CAPITAL_OF.search(lead)
        ):
            memory.topic = mention


_EXERCISED = triggers.words(r"exercis\w*|exerce\w*|exercé\w*|lève\w*|levé\w*|lever")
_EXERCISED_DONE = re.compile(r"exercised|exercé|levé", re.I)
# "vient d'entrer", "vient de prendre", "venait d'acquérir": a thing done just now.
_JUST_DONE = re.compile(
    r"(?<![\w])(?:vient|viennent|venait|venaient)[ \u00a0]+(?:d['’]|de[ \u00a0]+)"
    r"(?:\w+[ \u00a0]+){0,4}?\w*$",
    re.I,
)
_KEEPING = triggers.words(
    r"kept|keeps|retains|retained|conserve|conservent|conservé|garde|gardent|gardé"
)


def _status(sentence, holder, trigger):
    """The state of a stake from the verb that states it: sold, planned, to come, or held."""
    body, passage = sentence.reading.body, sentence.passage
    named_here = holder and passage.start <= holder["start"] and holder["end"] <= trigger.start()
    start = holder["end"] if named_here else passage.start
    clause = sentence.reading.clause_map.clause_of(trigger.start(), trigger.end())
    end = max(trigger.end(), clause.end if clause else trigger.end())
    aside = _parenthesis_around(sentence, trigger.start())
    if aside is not None:
        # "X (in which Y holds 8%) will supply …": the parenthesis's own verb
        start, end = max(start, aside[0]), min(end, aside[1])
    verb = body[start:end]
    if _SUBSIDIARY.search(body, trigger.start(), min(passage.end, trigger.end() + 30)):
        # "its subsidiary X will build …": the verb is X's; a subsidiary is one already.
        lead = body[passage.start : trigger.start()]
        return "announced" if _BECOMES.search(lead) else "completed"
    if holder is not None and _PURCHASE_OF.search(
        body[max(passage.start, holder["start"] - 30) : holder["start"]]
    ):
        return "divested"  # "completed the purchase of X's 49% interest": X's is sold
    if holder is not None and _SALE_OF.search(
        body[max(passage.start, holder["start"] - 60) : holder["start"]]
    ):
        return "divested"  # "the sale of X's 20% interest in Y to Z": X's is sold
    if _KEEPING.fullmatch(trigger.group()):
        # "sold 15% to Z and kept 20%": the share kept is held
        return "announced" if triggers.STAKE_FUTURE.search(verb) else "completed"
    sold = triggers.STAKE_DIVESTED.search(verb)
    if sold and not _NOT_SOLD.search(verb[: sold.start()]):
        return "divested"
    later = triggers.STAKE_DIVESTED.search(body, end, passage.end)
    if (
        _RELATIVE_OPEN.match(body, start)
        and later
        and not _NOT_SOLD.search(body[end : later.start()])
    ):
        return "divested"  # "X, qui possédait 12 % de Y, a soldé sa participation": now sold
    planned = _PLANNED.search(verb)
    exercised = planned and _EXERCISED.search(verb, max(0, planned.start() - 30), planned.start())
    if exercised:
        # "a levé son option sur 15 %": an option used is a purchase, not an intention
        if _EXERCISED_DONE.match(exercised.group()) or _DONE.search(verb[: exercised.start()]):
            return "completed"
        planned = None
    if planned and not (
        planned.group().lower() == "would"
        and _REPORTED.search(body, passage.start, trigger.start())
    ):
        return "planned"  # not "X said Y would hold 25%": a future told, not an intention
    if planned or triggers.STAKE_FUTURE.search(verb):
        return "announced"
    if _DONE.search(verb):
        return "completed"
    if _JUST_DONE.search(body, max(passage.start, trigger.start() - 40), trigger.start()):
        return "completed"  # "vient d'entrer à son capital", "has just taken": done just now
    return "announced"


def _as_of(sentence, trigger, discourse):
    """The date of the clause, a relative date, or the article's date."""
    clause = sentence.reading.clause_map.clause_of(trigger.start(), trigger.end())
    body, passage = sentence.reading.body, sentence.passage
    start, end = (clause.start, clause.end) if clause else (passage.start, passage.end)
    aside = _parenthesis_around(sentence, trigger.start())
    if aside is not None:
        start, end = aside  # "X (dont Y détient 12 %) livrera à partir de 2029": not 2029
    inside = [
        d
        for d in sentence.dates
        if start <= d["start"] < end
        and not _DEADLINE.search(body, max(0, d["start"] - 12), d["start"])
        and not (
            # "takes 25% through the purchase of the 10% Z has held since 2023": how long a
            # holding has lasted dates no purchase, sale or change
            (_SHARE_VERB.fullmatch(trigger.group()) or _BUYING.fullmatch(trigger.group()))
            and _SINCE.search(body, max(0, d["start"] - 8), d["start"])
        )
    ]
    # "In March 2024, X bought 5% of Y": a date put before the sentence's subject is its own.
    fronted = [
        d
        for d in sentence.dates
        if d["start"] < start
        and _FRONTED.match(body[passage.start : d["start"]])
        and body[d["end"] : d["end"] + 2].lstrip(" \u00a0").startswith(",")
    ]
    if inside or fronted:
        date = nearest(inside, trigger.start()) if inside else fronted[0]
        return date["date"], date["precision"]
    text, published = discourse.article_date
    # "X, qui avait réduit sa part l'an dernier, possède 9,9 %": the clause's own date;
    # "last month", "hier" too. A future one ("l'an prochain") is when a change may come.
    relative = relative_date(body, published, start, end)
    if relative[0] is not None and (published is None or relative[0] <= published.isoformat()):
        return relative
    if text:
        return text, _precision(text)
    return None, None


_SINCE = re.compile(r"(?<![\w])(?:since|depuis)[ \u00a0]+$", re.I)
_FRONTED = re.compile(
    r"^[ \u00a0]*(?:(?:in|on|at the end of|by the end of|en|le|au|à la fin de|fin|début|mi|"
    r"since|depuis)[ \u00a0-]*)?$",
    re.I,
)
# "d'ici 2028", "by 2028", "until 2030": when a change may come, not when the stake was dated.
_DEADLINE = re.compile(
    r"(?<![\w])(?:by|until|before|d['’]ici|jusqu['’](?:en|à)|avant|à l['’]horizon)[ \u00a0]+$",
    re.I,
)


def _parenthesis_around(sentence, position):
    """The span of the parenthesis ``position`` stands in, within its sentence, or None."""
    body, passage = sentence.reading.body, sentence.passage
    opening = body.rfind("(", passage.start, position)
    if opening < 0 or body.rfind(")", opening, position) >= 0:
        return None
    closing = body.find(")", position, passage.end)
    return (opening, closing + 1) if closing >= 0 else None


# A sentence that dates the deal the one before told: "The sale closed in November.", "La
# transaction, bouclée en octobre, n'avait pas été rendue publique."
_DEAL_DATED = re.compile(
    r"(?<![\w])(?:the|this|that|la|l['’]|cette)[ \u00a0]*(?:sale|transaction|deal|purchase|"
    r"acquisition|disposal|operation|opération|cession|vente)(?![\w])[^.;:]{0,40}?"
    r"(?<!be[ \u00a0])(?<!être[ \u00a0])(?<!sera[ \u00a0])(?<!will[ \u00a0])"
    r"(?:closed|was[ \u00a0]+(?:completed|finali[sz]ed|closed)|a[ \u00a0]+été[ \u00a0]+"
    r"(?:finalisée|bouclée|conclue|réalisée)|bouclée|finalisée|conclue|réalisée)"
    r"[ \u00a0]+(?:in|on|en|le|au|début|fin)(?![\w])",
    re.I,
)


def _date_the_deal_before(sentence, memory):
    """Give the stakes of the sentence before the date this sentence gives their deal."""
    previous = memory.previous
    body, passage = sentence.reading.body, sentence.passage
    if previous is None or not memory.proposed.get(previous.passage.start):
        return
    said = _DEAL_DATED.search(body, passage.start, passage.end)
    if said is None or any(f["unit"] == "%" for f in sentence.figures):
        return
    dates = [d for d in sentence.dates if said.end() - 5 <= d["start"] <= said.end() + 20]
    if not dates:
        return
    for item in memory.proposed[previous.passage.start]:
        item["fields"]["as_of"] = dates[0]["date"]
        item["fields"]["as_of_precision"] = dates[0]["precision"]


def _precision(text):
    return {4: "year", 7: "month"}.get(len(text), "day")


def _proposal(sentence, facts, discourse, holder, target, share, figure, trigger, status=None):
    shares = share_fields(share)
    as_of, precision = _as_of(sentence, trigger, discourse)
    fields = {
        "holder": party(holder) if holder else None,
        "target": party(target) if target else None,
        **shares,
        "status": status or _status(sentence, holder, trigger),
        "as_of": as_of,
        "as_of_precision": precision,
    }
    if holder is not None and target is not None:
        discourse.stake_memory.add(holder, target)
    elif target is not None:
        # "the fund will own 20% of the company": no holder named, but whose capital is spoken of
        discourse.stake_memory.topic = target
    exists = bool(
        facts
        and holder
        and target
        and holder.get("record")
        and target.get("record")
        and facts.has_stake(
            holder["record"]["id"],
            target["record"]["id"],
            (fields["share_exact"], fields["share_min"], fields["share_max"]),
        )
    )
    mentions = [m for m in (holder, target, figure) if m and not m.get("descriptor")]
    item = sentence.propose("stake", fields, mentions, exists)
    discourse.stake_memory.proposed.setdefault(sentence.passage.start, []).append(item)
    # Without a figure, the sentence tells two statements apart (a headline's and the body's),
    # which merging then folds into the one that says most.
    place = figure["start"] if figure else ("sentence", sentence.passage.start)
    key = ("stake", fields["holder"], fields["target"], place, fields["status"])
    return key, item
