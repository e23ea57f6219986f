"""
Names that look like organisations the database does not know: names followed by a legal form
("Northvolt AB", "Acme Batteries SAS"), names a descriptor introduces ("the French start-up X",
"le chinois Geely", "battery maker X"), and the unknown names of a list that also names a known
company ("EIT InnoEnergy, Groupe IDEC and Capgemini"; "la coentreprise de X, Y et Z").
"""

import re
from dataclasses import dataclass

from ..text.search import fold_for_search
from . import places, triggers

# Capitals of central European and Turkish names too ("Śląsk", "Łódź", "Škoda", "Őrs").
_UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻŠŽČŘĎŤŇŐŰĞİŞ"
# A capitalised word ("InnoEnergy", "IDEC", "Barber-Hauler", "L'Oréal", "P&T"), or an acronym with
# dots; initials may open it ("J.K. Lindqvist"), though not a country's ("U.S.", "U.K.").
_WORD = (
    rf"(?:(?:(?!U\.[SK]\.|E\.U\.)(?:[{_UPPER}]\.){{2,3}}[ \u00a0])?"
    rf"[{_UPPER}][\w]*(?:(?:[-'’][{_UPPER}\w]|&[{_UPPER}])[\w]*)*)"
)
# Lowercase links inside a name, Portuguese, Spanish, Italian and Nordic ones too ("Minas do
# Norte", "Baterías del Sur", "Celle di Torino", the town of "Mo i Rana").
_PARTICLE = r"(?:de|du|des|of|von|van|der|y|la|le|do|da|dos|das|del|della|di|i)"
# An elided link too: "Aciéries de l'Ouest", "Cellules d'Alsace".
_ELIDED = r"(?:de[ \u00a0]l|d)['’]"
# A figure inside a name, before a word that ends the names of funds and groups: "Marina 21
# Partners", "Tarn 7 Capital".
_FIGURE = (
    r"[0-9]{1,4}[ \u00a0](?=(?:Partners|Capital|Ventures|Investments?|Invest|Holdings?|Group|"
    r"Fund|Energy|Technologies)(?![\w]))"
)
NAME = (
    rf"{_WORD}(?:[ \u00a0](?:(?:&[ \u00a0])?(?:{_PARTICLE}[ \u00a0])?|{_FIGURE}|{_ELIDED})"
    rf"{_WORD}){{0,5}}"
)
_NAME_RE = re.compile(rf"(?<![\w-]){NAME}")

LEGAL_FORMS = (
    r"SA|SAS|SASU|SARL|SE|SCA|AG|KG|GmbH|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|LLC|LLP|"
    r"PLC|plc|NV|N\.V\.|BV|B\.V\.|AB|ASA|A/S|Oy|Oyj|SpA|S\.p\.A\.|S\.A\.|S\.A\.S\.|"
    r"Co\.,?[ \u00a0]Ltd\.?|Holdings?|"
    # central European, Nordic and Iberian forms: "Kft.", "s.r.o.", "AS", "S.L.", "S.r.l."
    r"Kft\.|Kft|Zrt\.|s\.r\.o\.|a\.s\.|AS|ApS|S\.L\.U\.|S\.L\.|S\.r\.l\.|Srl|SRL|"
    # Asian and American forms: "Pvt. Ltd." (India), "JSC" (Vietnam), "Co." alone, "K.K."
    r"Pvt\.?[ \u00a0]Ltd\.?|JSC|K\.K\.|Co\.|Pty[ \u00a0]Ltd\.?|"
    # Balkan, Turkish, Polish, Singaporean, Malaysian, Indonesian and Latin American forms, a
    # Spanish venture fund's, and the lowercase forms of Quebec: "d.o.o.", "A.Ş.", "Sp. z o.o."
    r"d\.o\.o\.|d\.d\.|A\.Ş\.|AŞ|A\.S\.|Sp\.[ \u00a0]z[ \u00a0]o\.o\.|Pte\.?[ \u00a0]Ltd\.?|"
    r"Sdn\.?[ \u00a0]Bhd\.?|Bhd\.?|Tbk\.?|Ltda\.?|SCR|S\.A\.U\.|inc\.|ltée|Ltée|SAPI"
)
# Legal forms written before the name: Indonesia's "PT", Russia's "OOO".
PREFIX_FORMS = r"PT|P\.T\.|OOO"
_LEGAL_BEFORE = re.compile(rf"(?<![\w-])(?P<form>{PREFIX_FORMS})[ \u00a0]+(?P<name>{NAME})")
PREFIX_FORM = re.compile(rf"(?P<form>{PREFIX_FORMS})[ \u00a0]+(?=[{_UPPER}])")
_LEGAL = re.compile(rf"(?<![\w-])(?P<name>{NAME}),?[ \u00a0](?P<form>{LEGAL_FORMS})(?![\w])")
LEGAL_NAME = _LEGAL  # a name and its legal form, split
LEGAL_FORM_WORDS = frozenset(
    # "Inc\.?" is the word "inc": a pattern's escapes and optional marks are not written
    fold_for_search(form.replace("\\", "").replace("?", "")).rstrip(".")
    for form in LEGAL_FORMS.split("|")
    if "," not in form and "[" not in form and not form.startswith("Holding")
) | {"pvt", "pty", "co", "pte", "sdn", "sp", "z", "o.o"}
# the words of "Pvt. Ltd.", "Pty Ltd", "Co., Ltd.", "Sp. z o.o."; "X Holding" is a name

NATIONALITIES = {
    "french": "FR", "francais": "FR", "francaise": "FR", "german": "DE", "allemand": "DE",
    "allemande": "DE", "chinese": "CN", "chinois": "CN", "chinoise": "CN", "american": "US",
    "americain": "US", "americaine": "US", "us": "US", "japanese": "JP", "japonais": "JP",
    "japonaise": "JP", "korean": "KR", "south korean": "KR", "coreen": "KR", "coreenne": "KR",
    "sud-coreen": "KR", "sud-coreenne": "KR", "swedish": "SE", "suedois": "SE", "suedoise": "SE",
    "british": "GB", "britannique": "GB", "italian": "IT", "italien": "IT", "italienne": "IT",
    "spanish": "ES", "espagnol": "ES", "espagnole": "ES", "norwegian": "NO", "norvegien": "NO",
    "norvegienne": "NO", "dutch": "NL", "neerlandais": "NL", "neerlandaise": "NL",
    "belgian": "BE", "belge": "BE", "canadian": "CA", "canadien": "CA", "canadienne": "CA",
    "indian": "IN", "indien": "IN", "indienne": "IN", "taiwanese": "TW", "taiwanais": "TW",
    "taiwanaise": "TW", "sino-japonais": None, "sino-japonaise": None, "european": None,
    "europeen": None, "europeenne": None, "finnish": "FI", "finlandais": "FI",
    "finlandaise": "FI", "polish": "PL", "polonais": "PL", "polonaise": "PL",
    "portuguese": "PT", "portugais": "PT", "portugaise": "PT", "czech": "CZ", "tcheque": "CZ",
    "austrian": "AT", "autrichien": "AT", "autrichienne": "AT", "swiss": "CH", "suisse": "CH",
    "hungarian": "HU", "hongrois": "HU", "hongroise": "HU", "danish": "DK", "danois": "DK",
    "danoise": "DK", "slovak": "SK", "slovaque": "SK", "romanian": "RO", "roumain": "RO",
    "roumaine": "RO", "moroccan": "MA", "marocain": "MA", "marocaine": "MA",
    "australian": "AU", "australien": "AU", "australienne": "AU", "chilean": "CL",
    "chilien": "CL", "chilienne": "CL", "mexican": "MX", "mexicain": "MX", "mexicaine": "MX",
    "brazilian": "BR", "bresilien": "BR", "bresilienne": "BR", "turkish": "TR", "turc": "TR",
    "turque": "TR", "indonesian": "ID", "indonesien": "ID", "indonesienne": "ID",
    "irish": "IE", "irlandais": "IE", "irlandaise": "IE", "serbian": "RS", "serbe": "RS",
    "vietnamese": "VN", "vietnamien": "VN", "vietnamienne": "VN", "thai": "TH",
    "thailandais": "TH", "thailandaise": "TH", "malaysian": "MY", "malaisien": "MY",
    "malaisienne": "MY", "greek": "GR", "grec": "GR", "grecque": "GR", "slovenian": "SI",
    "slovene": "SI", "lithuanian": "LT", "lituanien": "LT", "lituanienne": "LT",
    "estonian": "EE", "estonien": "EE", "estonienne": "EE", "latvian": "LV", "letton": "LV",
    "lettone": "LV", "ukrainian": "UA", "ukrainien": "UA", "ukrainienne": "UA",
    "croatian": "HR", "croate": "HR", "bulgarian": "BG", "bulgare": "BG", "saudi": "SA",
    "saoudien": "SA", "saoudienne": "SA", "emirati": "AE", "emirien": "AE", "emirienne": "AE",
    "israeli": "IL", "israelien": "IL", "israelienne": "IL", "singaporean": "SG",
    "singapourien": "SG", "singapourienne": "SG", "luxembourgish": "LU",
    "luxembourgeois": "LU", "luxembourgeoise": "LU", "egyptian": "EG", "egyptien": "EG",
    "egyptienne": "EG",
}  # fmt: skip
_NATIONALITY = (
    r"(?i:French|français|française|German|allemand|allemande|Chinese|chinois|chinoise|American|"
    r"américain|américaine|US|Japanese|japonais|japonaise|South Korean|Korean|coréen|coréenne|"
    r"sud-coréen|sud-coréenne|Swedish|suédois|suédoise|British|britannique|Italian|italien|"
    r"italienne|Spanish|espagnol|espagnole|Norwegian|norvégien|norvégienne|Dutch|néerlandais|"
    r"néerlandaise|Belgian|belge|Canadian|canadien|canadienne|Indian|indien|indienne|Taiwanese|"
    r"taïwanais|taïwanaise|sino-japonais|sino-japonaise|European|européen|européenne|Finnish|"
    r"finlandais|finlandaise|Polish|polonais|polonaise|Portuguese|portugais|portugaise|Czech|"
    r"tchèque|Austrian|autrichien|autrichienne|Swiss|suisse|Hungarian|hongrois|hongroise|"
    r"Danish|danois|danoise|Slovak|slovaque|Romanian|roumain|roumaine|Moroccan|marocain|"
    r"marocaine|Australian|australien|australienne|Chilean|chilien|chilienne|Mexican|"
    r"mexicain|mexicaine|Brazilian|brésilien|brésilienne|Turkish|turc|turque|Indonesian|"
    r"indonésien|indonésienne|Irish|irlandais|irlandaise|Serbian|serbe|Vietnamese|vietnamien|"
    r"vietnamienne|Thai|thaïlandais|thaïlandaise|Malaysian|malaisien|malaisienne|Greek|grec|"
    r"grecque|Slovenian|Slovene|slovène|Lithuanian|lituanien|lituanienne|Estonian|estonien|"
    r"estonienne|Latvian|letton|lettone|Ukrainian|ukrainien|ukrainienne|Croatian|croate|"
    r"Bulgarian|bulgare|Saudi|saoudien|saoudienne|Emirati|émirien|émirienne|Israeli|israélien|"
    r"israélienne|Singaporean|singapourien|singapourienne|Luxembourgish|luxembourgeois|"
    r"luxembourgeoise|Egyptian|égyptien|égyptienne)"
)
# Descriptor nouns and the company kind each suggests.
KINDS = [
    (r"car ?maker|automaker|constructeur(?: automobile)?", "carmaker"),
    (r"(?:battery|cell|batteries) (?:maker|manufacturer|producer|specialist)|fabricant de "
     r"(?:batteries|cellules)|cell maker", "cell_maker"),
    (r"bank|banque", "bank"),
    (r"law firm|cabinet(?: d['’]avocats)?", "law_firm"),
    (r"fund|fonds|investor|investisseur|investment firm", "investor"),
    (r"(?:oil|energy) (?:group|company|major)|groupe (?:pétrolier|énergétique)|énergéticien|"
     r"électricien|utility", "energy"),
    (r"(?:tech|technology|semiconductor|software) (?:company|firm|group|giant)|géant américain "
     r"des semi-conducteurs", "technology"),
    (r"industrial (?:company|group)|groupe industriel|industriel|équipementier|supplier|"
     r"fournisseur|manufacturer|fabricant|producer|producteur", "industrial"),
    (r"start-?up|jeune pousse|company|firm|group|société|entreprise|groupe|pépite|spécialiste|"
     r"specialist|"
     r"giant|géant|subsidiary|filiale|joint venture|coentreprise|co-entreprise|partner|"
     r"partenaire|customer|client", "other"),
]  # fmt: skip
_DESCRIPTOR = "(?i:" + "|".join(f"(?:{words})" for words, _ in KINDS) + ")"
# A word of a descriptor's complement ("fabricant de batteries"): not a name ("du groupe X").
_LOWER_WORD = r"[a-zà-ÿ][\w-]*"
# The word before a descriptor ("battery maker X") starts where a word starts: tried from inside a
# run of hyphens, it rescanned the run at every position, and 20 kB of them took 10 s.
_INTRODUCED = re.compile(
    rf"(?<![\w])(?:(?P<nat1>{_NATIONALITY})[ \u00a0]+)?(?:(?<![\w-])[\w-]++[ \u00a0]+)?"
    rf"(?P<descriptor>{_DESCRIPTOR})(?:[ \u00a0]+(?P<nat2>{_NATIONALITY}))?"
    rf"(?:[ \u00a0]+(?!(?:des?|du|of|la|le|les|the|et|and|to|for|with|in|on|at|by|from|à|"
    rf"pour|avec|sur|par|chez|dans)[ \u00a0])[a-zà-ÿ][\w-]*)?"
    rf"(?:[ \u00a0]+(?:(?:des?|of|du)[ \u00a0]+|d['’][ \u00a0]*){_LOWER_WORD}"
    rf"(?:[ \u00a0]+{_LOWER_WORD})?)?,?"
    rf"[ \u00a0]+(?P<name>{NAME})",
)
# "The Valladolid-based DRC", "the Lyon-based start-up Ionvia": where the company named is based.
_BASED_BEFORE = re.compile(
    rf"(?<![\w-])(?P<place>{_WORD})-(?i:based|headquartered)[ \u00a0]+"
    rf"(?:(?-i:[a-z][\w-]*)[ \u00a0]+){{0,2}}(?P<name>{NAME})"
)
_BASED_PREFIX = re.compile(r"[\w-]+-(?i:based|headquartered)[ \u00a0]+")
# Last words that make a capitalised name an organisation's, and the kind each suggests.
ORGANISATION_ENDINGS = {
    "bank": "bank", "banking": "bank", "banque": "bank", "associes": "law_firm",
    "associates": "law_firm", "avocats": "law_firm", "llp": "law_firm", "capital": "investor",
    "ventures": "investor", "investments": "investor", "partners": "investor",
    "batteries": "cell_maker", "cells": "cell_maker",
    "motors": "carmaker", "automotive": "carmaker", "electric": "industrial",
    "industries": "industrial",
    # "Energy", "Power", "Technologies", "Systems", "Solutions" end the names of utilities, cell
    # makers, pack assemblers and software houses alike: they make a name an organisation's but
    # say nothing of its activity
    "energy": "other", "energie": "other", "energies": "other", "power": "other",
    "technologies": "other", "systems": "other", "solutions": "other",
    "materials": "industrial", "chemical": "industrial",
    "chemicals": "industrial", "mining": "industrial", "holding": "other", "holdings": "other",
    # other languages' and other trades' endings: "X Invest", "X Inversiones", "X Kapital",
    # "X Resources", "X Industri", "X Group", "X Enerji"
    "invest": "investor", "inversiones": "investor", "inversions": "investor",
    "investimentos": "investor", "investimenti": "investor", "kapital": "investor",
    "resources": "industrial", "industri": "industrial", "industrier": "industrial",
    "group": "other", "enerji": "other", "energia": "other", "energi": "other",
    # the holdings of families and founders, which say nothing of what they do: "X
    # Participations", "X Investissements", "X Beteiligungen", "X Participações"
    "participations": "other", "investissements": "other", "beteiligungen": "other",
    "participacoes": "other", "participaciones": "other", "partecipazioni": "other",
}  # fmt: skip
# First words that make a capitalised name a firm's: "Établissements X & Fils", "Compagnie X".
ORGANISATION_BEGINNINGS = frozenset(
    {"etablissements", "ets", "compagnie", "laboratoires", "industrias", "manufacture"}
)
_FRENCH_NATIONAL = re.compile(
    rf"(?<![\w])(?i:le|la|l['’]|du|au|à[ \u00a0]la)[ \u00a0]*(?P<nat1>{_NATIONALITY})[ \u00a0]+"
    rf"(?P<name>{NAME})"
)
# At most twenty names before the last: a list of more is not a sentence's, and an unbounded
# repetition made every name of a long comma-separated run rescan the rest of it.
_LIST = re.compile(
    rf"(?<![\w-]){NAME}(?:,[ \u00a0]+{NAME}){{0,20}},?[ \u00a0]+(?:and|et)[ \u00a0]+{NAME}"
)
_JOINT_VENTURE = re.compile(
    r"(?:joint[ \u00a0-]venture|coentreprise|co-entreprise|société commune)[ \u00a0]+"
    r"(?:of|between|with|de|entre|avec|d['’])",
    re.I,
)

# Capitalised words that open sentences or name places and times, not organisations.
_NOT_NAMES_TEXT = """
The A An In On At By For With From Since After Before Both Together Also However Meanwhile
Yesterday Today Tomorrow This That These Those Its Our Their His Her We They It He She
Le La Les L Un Une Des Du De Il Elle Ils Elles Nous Selon Pour Depuis Ainsi Enfin Hier
Aujourd Demain Mais Et Or Dans Sur Avec Par Ce Cette Ces Son Sa Ses Leur
Group Groupe Company Société Press Release Europe France Germany China Japan Paris
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche
January February March April May June July August September October November December
Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre
CEO President Président Directeur Chairman
Under Following According Start-up Startup Read Share Subscribe Related Press Media Contacts
Industry Industrie Sources Analysts Analystes Officials Observers
Communiqué Published Publié Par By Voir Lire Sur Abonnez-vous Partager
Italy Spain Poland Sweden Norway Hungary Korea Britain UK USA US Asia America Africa
Italie Espagne Pologne Suède Norvège Hongrie Corée Allemagne Chine Japon Amérique Afrique
II III IV VI VII VIII IX XI XII
About Who What Which Why How Where When Whose Qui Que Quoi Quel Quelle Quels Quelles Pourquoi
Comment Quand Où Combien
Separately Additionally Elsewhere Furthermore Moreover Finally Earlier Later Previously
Subsequently Instead Overall Parallèlement Ensuite Également Toutefois Cependant Néanmoins
Désormais Puis Outre Finalement Séparément Auparavant
"""
NOT_NAMES = frozenset(fold_for_search(word) for word in _NOT_NAMES_TEXT.split())  # noqa: SIM905


# A name that a verb or a phrase of naming introduces ("to be called Acme Cells",
# "baptisée Norda"), or that a word of ownership governs ("au capital de Nord-Anodes").
_NAMED = re.compile(
    rf"(?i:to be (?:called|named)|called|named|dubbed|known as|baptisée?|appelée?|nommée?|"
    rf"dénommée?|dite|surnommée?|sous le nom de|ci-après(?:[ \u00a0]+dénommée?)?|hereinafter|"
    rf"hereafter)[ \u00a0]+[«“\"]?[ \u00a0]*(?P<name>{NAME})"
)
_OWNED = re.compile(
    rf"(?i:stakes?|participations?|capital|shareholders?|actionnaires?|fondateurs|founders|"
    rf"holds|owns|détient|détiennent|possède|possèdent)"
    rf"[^.;:]{{0,25}}?(?i:in|dans|de|du|of|d['’])[ \u00a0]*(?P<name>{NAME})"
)
# The company a share is of: "cède 15 % de Aciéries de l'Ouest", "bought 20% of Acme Anodes".
_SHARE_OF = re.compile(rf"%[ \u00a0]+(?:of|de|du|d['’])[ \u00a0]*(?P<name>{NAME})")
# A venture's name after the word or the verb that founds it: "a joint venture, Rhenocell,",
# "la coentreprise Italcell", "set up Italcell in 2020", "ont créé Provencell".
_VENTURE = re.compile(
    rf"(?i:joint[ \u00a0-]venture|coentreprise|co-entreprise|société commune|"
    rf"(?<!will )(?<!to )(?:set up|founded|formed|created|established)|ont créé|ont fondé|"
    rf"a créé|a fondé|créent|créeront|(?:la[ \u00a0]+)?création[ \u00a0]+de|"
    rf"(?:the[ \u00a0]+)?creation[ \u00a0]+of),?[ \u00a0]+(?P<name>{NAME})"
)
# A name a description follows ("Acme Cells, a Lisbon-based battery start-up").
_DESCRIBED = re.compile(
    rf"(?<![\w-])(?P<name>{NAME}),[ \u00a0]+(?i:an?|the|une?|la|le|l['’]|its|son|sa|leur|their)?"
    rf"[ \u00a0]*"
    rf"(?:[\w-]+[ \u00a0]+){{0,3}}?(?i:start-?up|jeune pousse|pépite|company|firm|group|"
    rf"groupe|société|maker|manufacturer|producer|refiner|recycler|fund|fonds|developer|"
    rf"specialist|spécialiste|fabricant|producteur|raffineur|recycleur|équipementier|"
    rf"supplier|fournisseur|joint[ \u00a0-]venture|coentreprise|co-entreprise|subsidiary|"
    rf"filiale|spin-?off|électricien|énergéticien|utility|chimiste|sous-traitant|subcontractor|"
    rf"family[ \u00a0-]holding|investor|investisseur|carmaker|automaker|constructeur)(?![\w])"
)
# A name a participle of founding or of seat follows: "Sodium Dynamics, founded in Toulouse in
# 2019,", "Cathelia, basée à Pessac,", "X, headquartered in Turin,".
_FOUNDED_OR_BASED = re.compile(
    rf"(?<![\w-])(?P<name>{NAME}),[ \u00a0]+(?i:founded|fondée?|created|créée?|established|"
    rf"set up|based|basée?|headquartered|installée?|implantée?)[ \u00a0]+(?i:in|en|à|au|by|par|"
    rf"near|près)(?![\w])"
)
# A description that a verb of saying follows is the sentence's speaker, not an apposition of the
# name before it: "…, the Spanish company said", "…, a indiqué le groupe".
_SAID_AFTER = re.compile(
    rf"(?:[ \u00a0]+[\w-]+){{0,3}}?[ \u00a0]+(?i:{triggers.REPORTING})(?![\w])"
)
SAID_AFTER = _SAID_AFTER  # also the speaker's description in discourse
# An acronym in a parenthesis, quoted or not: "(ABC)", '("ABC")', "(« ABC »)".
_OPENING_QUOTE = r"(?:[\"“«‘'][ \u00a0]*)?"
_CLOSING_QUOTE = r"(?:[ \u00a0]*[\"”»’'])?"
ACRONYM_IN_PARENTHESIS = rf"\({_OPENING_QUOTE}(?P<acronym>[A-Z][A-Z0-9&]{{1,7}}){_CLOSING_QUOTE}\)"
_ACRONYM_AFTER = re.compile(rf"[ \u00a0]*{ACRONYM_IN_PARENTHESIS}")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str
    kind: str | None = None
    country: str | None = None
    legal_form: bool = False


def _kind_of(descriptor):
    for words, kind in KINDS:
        if re.fullmatch(words, descriptor, re.I):
            return kind
    return None


def _merged(found, new):
    """One candidate from two readings of a name: the longer span, the most telling details."""
    if found is None:
        return new
    longer = found if found.end >= new.end else new
    kinds = [k for k in (found.kind, new.kind) if k]
    kind = next((k for k in kinds if k != "other"), kinds[0] if kinds else None)
    return Candidate(
        longer.start,
        longer.end,
        longer.name,
        kind=kind,
        country=found.country or new.country,
        legal_form=longer.legal_form,
    )


# "Groupe" written with a capital before a name is part of it ("Groupe Marchal", "Grupo Ruiz"),
# the way French, Spanish and Italian family groups are named; "le groupe X" is a description.
_GROUP_PREFIX = re.compile(r"(?:Groupe|Grupo|Gruppo)[ \u00a0]+(?=[A-ZÀ-Ý])")


# A company's board, or a country in the possessive, before its name: "the Board of Directors of
# Acme Ltd", "Korea's Acme Chemicals" name "Acme Ltd" and "Acme Chemicals".
_BOARD_OF = re.compile(
    r"(?:Board|Directors|Conseil[ \u00a0]+d['’]administration)(?:[ \u00a0]+of[ \u00a0]+Directors)?"
    r"[ \u00a0]+(?:of|de|du|d['’])[ \u00a0]*(?=[A-ZÀ-Ý])"
)
_COUNTRY_POSSESSIVE_BEFORE = re.compile(r"(?<![\w])(?P<owner>[^\W\d_]+)['’]s[ \u00a0]+$")
_POSSESSIVE = re.compile(r"(?P<owner>[^\W\d_]+)['’]s[ \u00a0]+(?=[A-ZÀ-Ý])")


def _without_leading_common_words(text, start, end):
    """Drop sentence openers a capitalised run swept in ("The Acme Energy" is "Acme Energy")."""
    for word in re.finditer(r"\S+", text[start:end]):
        if _GROUP_PREFIX.match(text, start + word.start(), end):
            return start + word.start()
        if fold_for_search(word.group()).strip(".,'’") not in NOT_NAMES:
            at = start + word.start()
            board = _BOARD_OF.match(text, at, end)
            if board and board.end() < end:
                return board.end()
            owner = _POSSESSIVE.match(text, at, end)
            if (
                owner
                and owner.end() < end
                and (
                    places.is_country_or_region(owner.group("owner"))
                    or places.country_named(owner.group("owner"))
                )
            ):
                return owner.end()
            return at
    return end


def _plausible(name):
    """Not only words that open sentences, name places and times, or nationalities."""
    words = fold_for_search(name).replace("'", " ").split()
    if places.is_country_or_region(name):
        return False  # "Le Maroc possède …": a country, whatever verb follows it
    return bool(words) and not all(word in NOT_NAMES or word in NATIONALITIES for word in words)


# A name right before a verb of owning, agreeing or supplying is an organisation's.
_SUBJECT = re.compile(
    rf"(?<![\w-])(?P<name>{NAME})[ \u00a0]+(?i:(?:now|also|already|will|has|have|had|is|are|"
    r"to|a|va|vont|ont)[ \u00a0]+)?(?i:owns|holds|acquires|acquired|acquire|signed|signs|sign|"
    r"supplies|supply|invests|invested|invest|détient|possède|acquiert|rachète|signé|signe|"
    r"fournira|fournit|investit|investira|agreed|agree|deliver|delivers|delivered|ships|ship|"
    r"buys|buy|bought|sources|source|livrera|livre|achète|achètera|construira|build|builds)"
    r"(?![\w])"
)
# A name a verb of dealing governs: "signed a contract with X", "teamed up with X", "source
# separators from X", "deliver … to X", "fournies par X", "auprès de X". Two words at least, so
# that a lone capitalised word (a place, a person's first name) is not taken for a company.
_MULTI_WORD_NAME = rf"{_WORD}(?:[ \u00a0](?:&[ \u00a0])?(?:{_PARTICLE}[ \u00a0])?{_WORD}){{1,5}}"
_COUNTERPART = re.compile(
    rf"(?<![\w])(?i:(?:sign(?:s|ed|ing)?|sign(?:e|ent|era|eront|ons|é|ée|er)|sealed|inked|"
    rf"concluded|agreed|partnered|teamed[ \u00a0]up|"
    rf"partnership|agreement|contract|deal|talks|accord|contrat|partenariat|signé|conclu|"
    rf"s['’]allie|s['’]associe)[^.;:()]{{0,40}}?(?:with|avec)|(?:buy|buys|bought|source[sd]?|"
    rf"sourcing|purchases?|purchased|orders?|ordered)[^.;:()]{{0,40}}?from|(?:fournie?s?|"
    rf"livrée?s?|supplied|delivered|provided)[ \u00a0]+(?:par|by)|auprès[ \u00a0]+d(?:e|u|['’]))"
    rf"[ \u00a0]*(?:(?:the|le|la|l['’])[ \u00a0]*)?(?P<name>{_MULTI_WORD_NAME})"
)
# A name with its acronym after it, the acronym made of its initials: "Acme Lithium Works (ALW)".
# A legal form may stand between them, or before the name: "Acme Lithium Works a.s. (ALW)", "PT
# Acme Nikel (AN)".
_NAME_WITH_ACRONYM = re.compile(
    rf"(?<![\w-])(?:(?:{PREFIX_FORMS})[ \u00a0]+)?(?P<name>{_MULTI_WORD_NAME})"
    rf"(?:,?[ \u00a0](?:{LEGAL_FORMS}))?[ \u00a0]*{ACRONYM_IN_PARENTHESIS}"
)
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _in_headline(text, start, end):
    """Whether [start, end) sits in Title Case Text, where every word is capitalised."""
    # A headline is a line: the byline or the dateline on the next line is not the name's.
    line_start = text.rfind("\n", max(0, start - 60), start) + 1
    line_end = text.find("\n", end, end + 60)
    before = text[max(0, start - 60, line_start) : start]
    after = text[end : end + 60 if line_end < 0 else line_end]
    for window in (before, after):
        words = [word.group() for word in _LONG_WORD.finditer(window)]
        capitalised = sum(word[0].isupper() for word in words)
        if len(words) >= 3 and capitalised >= 0.75 * len(words):
            return True
    return False


# Words that make a name a public body's, a person's title or a place's, not a company's:
# "signed with the Région Hauts-de-France", "with Mayor X", "sources nickel from New Caledonia".
_NOT_COMPANY_TEXT = """
Région Region Ministry Ministère Ministre Minister Mayor Maire Government Gouvernement
Commission Council Conseil Agency Agence Authority Autorité University Université
Universidad School École Institute Institut Département Department Prefecture Préfecture
State État City Ville Port Province Republic République Mr Mrs Ms Dr Mme Professor
"""
_NOT_COMPANY_WORDS = frozenset(fold_for_search(word) for word in _NOT_COMPANY_TEXT.split())  # noqa: SIM905
# First words of places' names ("Western Australia", "New Caledonia"), not of companies'.
_PLACE_FIRST_WORDS = frozenset(
    {"western", "eastern", "northern", "southern", "new", "north", "south", "east", "west"}
)


# A person's title right before a name: "chief executive Tom Avery", "chairman Luca Ferri".
_PERSON_TITLE_BEFORE = re.compile(
    r"(?<![\w])(?i:chief[ \u00a0]+\w+[ \u00a0]+officer|chief[ \u00a0]+executive|CEO|CFO|COO|CTO|"
    r"chairman|chairwoman|chair|president|président|présidente|directeur[ \u00a0]+général|"
    r"directrice[ \u00a0]+générale|director|directeur|directrice|head|founder|co-founder|"
    r"fondateur|fondatrice|cofondateur|spokesperson|spokesman|spokeswoman|porte-parole|"
    r"analyst|analyste|minister|ministre|mayor|maire|managing[ \u00a0]+director|manager|"
    r"responsable|PDG|DG)[ \u00a0]+$"
)
# Words that make a name an institution's or a programme's, wherever they stand in it.
_INSTITUTION_WORDS = frozenset(
    {"agency", "agence", "project", "projet", "programme", "program", "alliance", "initiative",
     "institute", "institut", "association", "federation", "union", "commission",
     "ministry", "ministere", "university", "universite", "council", "conseil"}
)  # fmt: skip


# Last words that make a name a firm's whatever words of institutions it holds: "X Initiative
# Capital" is a fund, "X Alliance Partners" a firm.
_FIRM_ENDINGS = frozenset(
    {"capital", "partners", "ventures", "investments", "invest", "holdings", "holding", "kapital",
     "participations", "investissements", "beteiligungen"}
)  # fmt: skip


def _names_a_body(name):
    """False for a name with a word of institutions ("Swedish Energy Agency", "IPCEI"'s words)."""
    words = [fold_for_search(word) for word in name.replace("-", " ").split()]
    if len(words) > 2 and words[-1] in _FIRM_ENDINGS:
        return True
    return not any(word in _INSTITUTION_WORDS for word in words)


def _names_a_company(name):
    """Whether a name a verb of dealing governs may be a company's, not a body's or a place's."""
    words = [fold_for_search(word) for word in name.replace("-", " ").split()]
    if any(word in _NOT_COMPANY_WORDS for word in words[:2]) or (
        len(words) == 2 and words[0] in _PLACE_FIRST_WORDS
    ):
        return False
    return not (
        places.is_country_or_region(name)
        or places.country_named(name.split()[-1])
        or places.city_country(name)
    )


def _initials(name):
    return "".join(word[0] for word in re.split(r"[ \u00a0-]+", name) if word[:1].isupper())


def is_abbreviation(short, name):
    """
    Whether ``short`` ("BDL") abbreviates ``name`` ("Batteries du Levant"): its
    letters found in the name in order, the first at the start of a word (Schwartz and Hearst's
    rule for abbreviations defined in a text), accents and case aside.
    """
    letters = [char for char in fold_for_search(short) if char.isalnum()]
    folded = fold_for_search(name)
    if len(letters) < 2 or not folded or folded[0] != letters[0]:
        return False
    position = len(folded) - 1
    for number in range(len(letters) - 1, -1, -1):
        while position >= 0 and (
            folded[position] != letters[number]
            or (number == 0 and position > 0 and folded[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def _dealt_with_or_abbreviated(text):
    """Spans of multi-word names a verb of dealing governs, or that their initials follow."""
    for match in _COUNTERPART.finditer(text):
        # A verb in lower case is running text, whatever the names around it: a Title Case
        # headline capitalises it ("Signs Deal With").
        if match.group()[0].islower() and _names_a_company(match.group("name")):
            yield match.start("name"), match.end("name"), False
    for match in _NAME_WITH_ACRONYM.finditer(text):
        name = match.group("name")
        acronym = match.group("acronym")
        if (_initials(name) == acronym or is_abbreviation(acronym, name)) and _names_a_company(
            name
        ):
            # Its first word is the acronym's first letter's: "Société Lorraine de Métaux (SLM)".
            yield match.start("name"), match.end("name"), name[:1] == acronym[:1]


# What a public body, a publication or a person is introduced by, or followed by: "le ministère
# de l'Industrie", "the Ministry of Economy", "the trade weekly X", "le quotidien X", "le
# président fondateur, Jean Dupont", "X, chief executive of Y".
_NOT_A_COMPANY_BEFORE = re.compile(
    r"(?<![\w])(?i:(?:ministère|ministry|minister|ministre|secretary|secrétariat|secrétaire|"
    r"department|département|commissioner|commissaire|préfet|prefect|"
    r"governor|gouverneur)(?:[ \u00a0]+(?:of[ \u00a0]+state|d['’]état|général|générale))?"
    r"[ \u00a0]+(?:de[ \u00a0]+l['’]|de[ \u00a0]+la[ \u00a0]+|du[ \u00a0]+|des[ \u00a0]+|"
    r"de[ \u00a0]+|d['’]|of[ \u00a0]+the[ \u00a0]+|of[ \u00a0]+|for[ \u00a0]+(?:the[ \u00a0]+)?)|"
    r"(?:newspaper|daily|weekly|monthly|magazine|journal|newsletter|trade[ \u00a0]+(?:paper|"
    r"press|publication)|publication|broadcaster|quotidien|hebdomadaire|mensuel|revue|"
    r"magazine|lettre[ \u00a0]+d['’]information|site[ \u00a0]+d['’]information)"
    r"(?:[ \u00a0]+[a-zé-]+)?[ \u00a0]+|"
    r"(?:chief[ \u00a0]+\w+[ \u00a0]+officer|chief[ \u00a0]+executive|président|présidente|"
    r"directeur|directrice|chairman|chairwoman|founder|fondateur|fondatrice|spokesperson|"
    r"porte-parole|analyst|analyste|engineer|ingénieur|ingénieure|economist|économiste)"
    r"(?:[ \u00a0]+[\w-]+){0,2},[ \u00a0]*)$"
)
_PERSON_TITLE_AFTER = re.compile(
    r"^,[ \u00a0]+(?i:(?:the|its|le|la|son|sa|an?|une?)[ \u00a0]+)?(?i:chief|head|CEO|CFO|COO|"
    r"CTO|chairman|chairwoman|president|président|présidente|directeur|directrice|director|"
    r"managing|founder|co-founder|fondateur|fondatrice|cofondateur|spokesperson|spokesman|"
    r"spokeswoman|porte-parole|analyst|analyste|vice|senior|responsable|member|membre|"
    r"minister|ministre|mayor|maire|professor|professeur)(?![\w])"
)
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
# Places a dateline lists before its date: "Ludwigshafen et Le Pont-de-Claix, le 8 avril 2026".
_DATE_AFTER = re.compile(
    rf"[ \u00a0]*(?:\([^()]{{1,40}}\))?,[ \u00a0]*(?:(?i:le|on)[ \u00a0]+)?(?:[0-9]{{1,2}}"
    rf"(?:er)?[ \u00a0]+(?i:{_MONTHS})|(?i:{_MONTHS})[ \u00a0]+[0-9]{{1,2}})"
)


# A place's name before the body that governs it: "the Castile and León regional government",
# "the Bavarian state government", "the Lombardy Region", "the Vaasa city council".
_PUBLIC_BODY_AFTER = re.compile(
    rf"(?:[ \u00a0]+(?:and|et|&)[ \u00a0]+{NAME})?[ \u00a0]+(?i:(?:regional|state|federal|local|"
    r"provincial|municipal|city|county|town|national|central)[ \u00a0]+)?(?i:government|"
    r"council|authorities|authority|administration|parliament|assembly|region|province|"
    r"municipality|prefecture|governorate)(?![\w])"
)


def _is_person_or_body(text, start, end):
    """Whether the name at [start, end) is a public body's, a publication's or a person's."""
    # A name ending as a firm's ("X Invest, fondatrice de Y") is no person whatever title follows.
    firm = fold_for_search(text[start:end].split()[-1]) in ORGANISATION_ENDINGS
    return bool(
        _NOT_A_COMPANY_BEFORE.search(text, max(0, start - 45), start)
        or (not firm and _PERSON_TITLE_AFTER.match(text[end : end + 40]))
        or _PUBLIC_BODY_AFTER.match(text, end)
    )


# First words that make no company's short form: "Grand Ouest Capital" is not "Grand".
_GENERIC_FIRST_WORDS = frozenset(
    {"grand", "grande", "new", "nord", "north", "south", "sud", "east", "est", "west", "ouest",
     "general", "generale", "united", "national", "nationale", "european", "europeenne",
     "international", "global", "first", "royal", "saint", "sainte", "san", "banque", "bank",
     "compagnie", "societe", "groupe", "group", "fonds", "fund", "battery", "batteries", "cell",
     "cells", "lithium", "energy", "energie", "green", "blue", "smart", "advanced", "future"}
)  # fmt: skip


# Last words of a name that say what its company makes, for its short form only: as endings of
# candidates they would take "Lithium Anode" for a company.
_ACTIVITY_ENDINGS = frozenset(
    {"anode", "anodes", "cathode", "cathodes", "precursor", "precursors", "refining", "recycling",
     "recyclage", "electrolytes", "electrolyte", "graphite", "separators", "separateurs",
     # the singular and the other materials and products a name may end with
     "cell", "cellules", "hydroxide", "hydroxyde", "sulfates", "sulphates", "sulfate", "sulphate",
     "lithium", "nickel", "cobalt", "silicon", "silicium", "modules", "packs", "separator",
     "separateur", "szeparator", "separatoren", "battery", "batteri", "batterie",
     "batterier", "akku", "minerals", "metals", "metaux", "carbon", "storage", "stockage"}
)  # fmt: skip


def short_form(name):
    """
    The first word a multi-word company name is written by once introduced ("Norda" for
    "Norda Anode Materials", "Acme" for "Acme Batteries"), when the words after it
    say what kind of company it is; None otherwise, or when that word is a common one.
    """
    words = name.split()
    ending = fold_for_search(words[-1])
    if len(words) < 2 or not (ending in ORGANISATION_ENDINGS or ending in _ACTIVITY_ENDINGS):
        return None
    first = words[0]
    folded = fold_for_search(first)
    if (
        len(first) < 4
        or not first[0].isupper()
        or (first.isupper() and len(first) < 5)  # "ACME Cells" is "ACME"; "EDF Renewables" not
        or folded in NOT_NAMES
        or folded in NATIONALITIES
        or folded in _GENERIC_FIRST_WORDS
        or places.is_country_or_region(first)
        or places.adjective_country(first)
        or places.city_country(first)  # "Kokkola" alone is the town
    ):
        return None
    return first


# A geographic noun beside a word makes it a place's name: "Indonesia's X island", "the X
# valley", "la vallée de la X", "l'île de X".
_GEOGRAPHIC_NOUNS = (
    r"island|islands|river|valley|region|province|lake|bay|coast|basin|peninsula|mountains|"
    r"range|île|îles|vallée|rivière|fleuve|région|lac|baie|côte|bassin|péninsule|massif|"
    r"département|plaine|plateau"
)
_GEOGRAPHIC_AFTER = re.compile(rf"[ \u00a0]+(?i:{_GEOGRAPHIC_NOUNS})(?![\w])")
_GEOGRAPHIC_BEFORE = re.compile(
    rf"(?<![\w])(?i:{_GEOGRAPHIC_NOUNS})[ \u00a0]+(?:(?i:of|de|du|des|d['’])[ \u00a0]*)?"
    rf"(?:(?i:the|la|le|l['’])[ \u00a0]*)?$"
)


# A French plural article: "les Vosges" is a place; a company's short form takes none ("the" is
# no plural: "the X plant" names the company X).
_PLURAL_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?i:les|des|aux)[ \u00a0]+$")


def names_a_place_here(text, start, end):
    """Whether a geographic noun or a plural article beside [start, end) makes a place's name."""
    return bool(
        _GEOGRAPHIC_AFTER.match(text, end)
        or _GEOGRAPHIC_BEFORE.search(text, max(0, start - 30), start)
        or _PLURAL_ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    )


_LOCATIVE_BEFORE = re.compile(
    r"(?<![\w])(?:à|in|at|near|près[ \u00a0]+de|outside)[ \u00a0]+$", re.IGNORECASE
)


def _is_place_named(text, start, name):
    """Whether a city's name stands after a preposition of place ("basée à Lens", "in Ulm")."""
    return bool(
        _LOCATIVE_BEFORE.search(text, max(0, start - 12), start) and places.city_country(name)
    )


# A byline: the names on the line are its authors'.
_BYLINE = re.compile(
    r"[ \u00a0]*(?:By|Par|Written[ \u00a0]+by|Reporting[ \u00a0]+by|Texte[ \u00a0]+de|"
    r"Propos[ \u00a0]+recueillis[ \u00a0]+par)[ \u00a0]+"
    r"(?:(?:[A-ZÀ-Ý][\w'’.-]*+|and|et|with|avec|in|à)(?![\w])|[,&|/ \u00a0]){1,40}$",
    re.M,
)


def _in_byline(text, start, end):
    """Whether [start, end) sits on a byline (a short line: its ends are looked for nearby)."""
    line_start = text.rfind("\n", max(0, start - 120), start) + 1
    if line_start == 0 and start > 120:
        return False
    line_end = text.find("\n", end, end + 120)
    if line_end < 0:
        if end + 120 < len(text):
            return False
        line_end = len(text)
    return bool(_BYLINE.match(text, line_start, line_end))


# A city before a name of funds or groups, after a word of origin: "le fonds de Göteborg X
# Kapital", "a fund from Oslo, X Capital".
_CITY_BEFORE = re.compile(rf"(?P<city>{_WORD})[ \u00a0]+(?=[{_UPPER}])")
_ORIGIN_BEFORE = re.compile(
    r"(?<![\w])(?i:fonds|fund|groupe|group|holding|firm|investisseur|investor)[ \u00a0]+"
    r"(?i:de|d['’]|of|from)[ \u00a0]*$"
)


# A French demonym after an article stands for a company without naming it: "le Lyonnais", "la
# Grenobloise", "le Nantais".
_DEMONYM = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ-]+(?:ain|aine|ais|aise|ois|oise|ien|ienne)")
_FRENCH_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?i:le|la)[ \u00a0]+$")
# A reporting verb between a name and the description after it: "…in the province of X, said the
# company", "…près de X, a indiqué le groupe": the description is the speaker's, not X's.
_REPORTING_WITHIN = re.compile(rf"(?<![\w])(?i:{triggers.REPORTING})(?![\w])")


def find_candidates(text, overlaps_known, is_known):
    """
    Candidate organisations in ``text``. ``overlaps_known(start, end)`` tells whether a known
    name lies there; ``is_known(name)`` whether the database knows the name.
    """
    found = {}

    def add(start, end, whole=False, **details):
        if not whole:
            start = _without_leading_common_words(text, start, end)
        based = _BASED_PREFIX.match(text, start, end)
        if based:
            start = based.end()  # "Bilbao-based Lorvane Steelworks" is "Lorvane Steelworks"
        name = text[start:end]
        if not _plausible(name) or overlaps_known(start, end) or is_known(name):
            return
        owner = _COUNTRY_POSSESSIVE_BEFORE.search(text, max(0, start - 30), start)
        if owner and not details.get("country"):
            # "Korea's X": the country the possessive names is the company's
            details["country"] = places.country_named(owner.group("owner"))
        if " " not in name and fold_for_search(name) in ORGANISATION_ENDINGS:
            return  # "(Afrique Industrie Batteries)": a lone ending left of a title is no name
        if _in_byline(text, start, end):
            return  # "By Ana Lima and Tom Reed": the authors
        if _PERSON_TITLE_BEFORE.search(text, max(0, start - 40), start) or not _names_a_body(name):
            return
        if _is_person_or_body(text, start, end):
            return
        if _DEMONYM.fullmatch(name) and _FRENCH_ARTICLE_BEFORE.search(
            text, max(0, start - 4), start
        ):
            return  # "Le Montpelliérain livrera": the company of a city, named by its people
        found[start] = _merged(found.get(start), Candidate(start, end, name, **details))

    for match in _LEGAL.finditer(text):
        # "in May J.K. Acme Holdings": the month opens no name
        start = _without_leading_common_words(text, match.start("name"), match.end("name"))
        end = match.end("form")
        name = text[start:end]
        if start < match.end("name") and _plausible(name) and not is_known(name):
            found[start] = Candidate(start, end, name, kind=None, legal_form=True)
    for match in _LEGAL_BEFORE.finditer(text):
        start, end = match.start("form"), match.end("name")
        name = text[start:end]
        if _plausible(match.group("name")) and not is_known(name) and start not in found:
            found[start] = Candidate(start, end, name, kind=None, legal_form=True)
    for pattern in (_INTRODUCED, _FRENCH_NATIONAL):
        for match in pattern.finditer(text):
            nationality = match.groupdict().get("nat2") or match.group("nat1")
            country = NATIONALITIES.get(fold_for_search(nationality)) if nationality else None
            descriptor = match.groupdict().get("descriptor")
            kind = _kind_of(descriptor) if descriptor else None
            start = match.start("name")
            group = descriptor and _GROUP_PREFIX.match(text, match.start("descriptor"))
            if group and group.end() == start:
                start, kind = match.start("descriptor"), None  # "Groupe X" is the name
            add(start, match.end("name"), kind=kind, country=country)
    for match in _BASED_BEFORE.finditer(text):
        country = places.city_country(match.group("place")) or places.country_named(
            match.group("place")
        )
        if country and not _in_headline(text, match.start("name"), match.end("name")):
            add(match.start("name"), match.end("name"), country=country)
    for match in _NAME_RE.finditer(text):
        words = match.group().split()
        ending = ORGANISATION_ENDINGS.get(fold_for_search(words[-1]))
        opening = text[_without_leading_common_words(text, match.start(), match.end()) :]
        if fold_for_search(opening.split(" ", 1)[0]) in ORGANISATION_BEGINNINGS:
            ending = ending or "other"
        start = match.start()
        city = _CITY_BEFORE.match(text, start, match.end())
        if (
            city
            and len(words) > 2
            and places.city_country(city.group("city"))
            and _ORIGIN_BEFORE.search(text, max(0, start - 20), start)
        ):
            start = city.end()  # "le fonds de Göteborg X Kapital" is "X Kapital"
        if ending and len(words) > 1 and not _in_headline(text, start, match.end()):
            add(start, match.end(), kind=ending)
    for pattern in (_NAMED, _OWNED, _DESCRIBED, _VENTURE, _FOUNDED_OR_BASED):
        for match in pattern.finditer(text):
            if pattern is _DESCRIBED and (
                _SAID_AFTER.match(text, match.end())
                or _REPORTING_WITHIN.search(text, match.end("name"), match.end())
                or names_a_place_here(text, match.start("name"), match.end("name"))
            ):
                continue  # "…in Sagunto, the Spanish company said": the speaker, not Sagunto
            if pattern is _DESCRIBED and _is_place_named(
                text, match.start("name"), match.group("name")
            ):
                continue  # "basé à Montluçon, au fonds X": a city, then the next company
            if not _in_headline(text, match.start("name"), match.end("name")):
                add(match.start("name"), match.end("name"))
    for match in _SHARE_OF.finditer(text):
        name = match.group("name")
        if _names_a_company(name) and not _in_headline(text, match.start(), match.end()):
            add(match.start("name"), match.end("name"))
    for start, end, whole in _dealt_with_or_abbreviated(text):
        add(start, end, whole=whole)
    for match in _SUBJECT.finditer(text):
        if not _in_headline(text, match.start(), match.end()):
            add(match.start("name"), match.end("name"))
    for match in _LIST.finditer(text):
        if _in_headline(text, match.start(), match.end()):
            continue
        items = list(_NAME_RE.finditer(text, match.start(), match.end()))
        # A list naming a known company, or followed by a verb and a known company ("X, Y and Z
        # agreed to expand ACC"), names organisations.
        nearby = overlaps_known(match.end(), min(len(text), match.end() + 40))
        known = nearby or any(overlaps_known(item.start(), item.end()) for item in items)
        joint = _JOINT_VENTURE.search(text, max(0, match.start() - 30), match.start())
        if _DATE_AFTER.match(text, match.end()):
            continue  # a dateline's places
        if known or joint:
            for item in items:
                if _names_a_company(item.group()):  # "X s'approvisionne en Finlande, Y et Z"
                    add(item.start(), item.end())
    for candidate in list(found.values()):
        acronym = _ACRONYM_AFTER.match(text, candidate.end)
        if acronym:
            add(acronym.start("acronym"), acronym.end("acronym"))
    ordered = sorted(found.values(), key=lambda candidate: (candidate.start, -candidate.end))
    # One name, one candidate: none inside a longer reading of the same words.
    kept, reach = [], -1
    for candidate in ordered:
        if candidate.end <= reach:
            continue
        kept.append(candidate)
        reach = max(reach, candidate.end)
    return kept
