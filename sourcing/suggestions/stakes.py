"""
Stakes: who holds what share of whom, in what state, as of when. The holder is the subject of
the verb of owning ("X ramène sa participation dans Y", "Y conserve 15 % de X", "…, qui détient
12 %"), or the company after "by" / "par" in the passive ("détenu à 51 % par X"); the target is
the company after the word of owning, else the company whose shareholders the article was
speaking of. "Each of the three shareholders", "chacun", "à parts égales" give every holder its
share. The date is the one of the clause, a relative one ("last year"), or the article's.
"""

import re

from . import triggers
from .common import nearest, party, party_key
from .records import share_fields

# How far from a percentage the word that makes it a stake may be ("a stake of over 20%").
STAKE_REACH = 80
# How far after "by" / "par" the holder of a passive is named ("held by the French fund X").
AGENT_REACH = 30

_OWNING = re.compile(
    r"(?<![\w])(?:stakes?|shareholders?|shareholding|share capital|equity|holds?|holding|owns?|"
    r"owned|acquires?|acquired|capital|participations?|actionnaires?|détient|détiennent|"
    r"détiendra|détiendront|détenu\w*|détenait|détenaient|possède|possédera|possédait|"
    r"possédaient|rachète|conserve|conservent|garde|keeps?|kept|retains?|retained|cède|cèdent|"
    r"cédé|sold|sells|exits?|interests?(?=[ \u00a0]+in(?![\w]))|subsidiary|subsidiaries|"
    r"filiales?|"
    # "takes full control of", "prend le contrôle de": a stake without a figure.
    r"(?:takes?|took|taken|taking)[ \u00a0]+over(?=[ \u00a0]+(?-i:[A-ZÀ-Ý]))|"
    r"(?:takes?|took|taken|taking|gains?|gained|acquires?|acquired|acquiring|prend|prennent|"
    r"prendre|pris|prendra\w*)[ \u00a0]+(?:(?:full|majority|total|sole|the|le)[ \u00a0]+)*"
    r"(?:control|contrôle)(?=[ \u00a0]+(?:total[ \u00a0]+|majoritaire[ \u00a0]+)?(?:of|over|de|"
    r"du|d['’])(?![\w])))(?![\w])",
    re.I,
)
# Verbs that buy, take or sell a share say so only with the share right after them ("bought 5%
# of", "prend 15 % du capital", "a vendu ses 9 %"); alone, they buy goods or take decisions.
_SHARE_VERB = re.compile(
    r"(?<![\w])(?:buy|buys|bought|buying|purchase[sd]?|purchasing|take|takes|took|taken|taking|"
    r"acquire|acquiring|sell|selling|offload\w*|achète\w*|acheter|acheté\w*|acquiert|acquièrent|"
    r"acquis|acquérir|acquerra\w*|prend|prennent|prendre|pris|prise|prendra\w*|racheté\w*|"
    r"racheter|rachèter\w*|céder|cédera\w*|cédant|vend|vendent|vendu\w*|vendre|vendra\w*|"
    r"vendant|monte|montent|monté\w*|montera\w*|grimpe|grimpé\w*)(?![\w])",
    re.I,
)
# How far before its share such a verb may be ("bought a further 5%", "a vendu ses 9 %").
SHARE_VERB_REACH = 30
# Wording that makes a stake the whole of the company: "a wholly owned subsidiary", "takes full
# control", "la totalité du capital".
_WHOLE = re.compile(
    r"(?<![\w])(?:wholly[ \u00a0-]owned|fully[ \u00a0-]owned|full control|full ownership|"
    r"total control|sole owner|contrôle total|contrôle exclusif|totalité du capital|"
    r"intégralité du capital|all (?:of )?(?:the )?(?:shares|share capital) (?:of|in)|"
    r"détenue?s? à 100)(?![\w])",
    re.I,
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
_SUBSIDIARY = re.compile(r"(?<![\w])(?:subsidiary|subsidiaries|filiales?)(?![\w])", re.I)
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
_BECOMES = re.compile(
    r"(?<![\w])(?:will become|to become|would become|becomes|deviendra|deviendrait|devient|"
    r"future|futur)(?![\w])",
    re.I,
)
# "respectively", "respectivement": the shares go to the holders in the order named.
_RESPECTIVELY = re.compile(r"(?<![\w])(?:respectively|respectivement)(?![\w])", re.I)
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
    r"(?<![\w])(?:that|que|qu['’]|while|whereas|tandis que|alors que)(?![\w])|:", re.I
)
_DISTRIBUTIVE = re.compile(
    r"(?<![\w])(?:each|chacun|chacune|à parts égales|in equal parts|equally|50-50|50/50|"
    r"à égalité|moitié-moitié)(?![\w])",
    re.I,
)
_RELATIVE = re.compile(r"^,?[ \u00a0]*(?:qui|which|who|that)[ \u00a0]*$", re.I)
_ANTECEDENT = re.compile(r"^,?[ \u00a0]*(?:qui|which|who)[ \u00a0]", re.I)
_RELATIVE_OPEN = re.compile(r",[ \u00a0]*(?:which|who|qui|dont|lequel|laquelle)(?![\w])", re.I)
_PLANNED = re.compile(
    r"(?<![\w])(?:plans?|planned|prévoit|envisage\w*|intends?|would|could|pourrait|pourraient|"
    r"may|might|aims?|vise\w*|souhaite)(?![\w])",
    re.I,
)
_DONE = re.compile(
    r"(?<![\w])(?:holds|hold|owns|own|owned|held|détient|détiennent|détenait|détenaient|"
    r"possédait|possédaient|possède|possèdent|conserve|"
    r"conservent|garde|gardent|keeps|retains|has|have|had|took|acquired|bought|raised|cut|"
    r"a acquis|a pris|ont pris|est entré\w*|sont entrés|avait|remains|reste|restent|"
    r"increased|reduced|lifted|lowered|trimmed|doubled|tripled|halved|boosted|upped|"
    r"(?:a|ont)[ \u00a0]+(?:porté|relevé|ramené|réduit|augmenté|abaissé|renforcé|accru|doublé)|"
    r"rose|grew|climbed|fell|dropped|declined|sold|divested|exited|"
    r"(?:est|sont)[ \u00a0]+(?:monté|passé|descendu|entré|devenu)e?s?|"
    r"détenue?s?|contrôlée?s?|subsidiary|subsidiaries|filiales?|worth|vaut|valent|"
    # "is Pellucell's largest shareholder", "est l'actionnaire majoritaire": a holding stated.
    r"(?:is|are|was|were|est|sont|était|étaient|reste|restent|remains?|demeure)[ \u00a0]+"
    r"(?:[\w'’-]+[ \u00a0]+|l['’]){0,3}?(?:shareholders?|actionnaires?|owners?|propriétaires?)|"
    r"réparti\w*|split|divided|"
    r"shareholders[ \u00a0]+(?:include|are|were)|actionnaires[ \u00a0]+(?:sont|comptent)|"
    # "X's 20% stake in Y": a stake X has.
    r"['’]s[ \u00a0]+(?:[0-9][0-9.,]*[ \u00a0]*%[ \u00a0]+)?(?:stake|holding|shareholding|"
    r"interest))"
    r"(?![\w])",
    re.I,
)
_RELATIVE_DATE = re.compile(
    r"(?<![\w])(?P<year>last year|l['’]an dernier|l['’]année dernière|l['’]an passé|"
    r"this year|cette année)(?![\w])",
    re.I,
)
# "from 7% to 9%", "de 7 % à 9 %": the first figure is the share before, not the one held;
# so is one set against the share held ("contre 25 % auparavant", "up from 5%").
_FORMER_SHARE = re.compile(
    r"[ \u00a0]+(?:to|à)[ \u00a0]+(?:about[ \u00a0]+|environ[ \u00a0]+)?[0-9]|"
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
    r"leurs?)[ \u00a0]*)?(?:[\w'’-]+[ \u00a0]+){0,2}?(?:output|production|capacity|capacité|"
    r"volumes?|supplies|needs|besoins|demand|demande|sales|ventes|revenues?|chiffre d['’]affaires|"
    r"cells|cellules|batteries)(?![\w])",
    re.I,
)
# "Brennhof (30%), Nordkap (15%)", "Nordkap, with 15%", "… and Nordkap 15%", "Nordkap the
# remaining 40%": a share written right after its holder's name.
_SHARE_AFTER_HOLDER = re.compile(
    r"^(?:[ \u00a0]*\(|,?[ \u00a0]+(?:with|avec)[ \u00a0]+|[ \u00a0]+(?:(?:the|les)[ \u00a0]+"
    r"(?:(?:remaining|other|restants?|autres?)[ \u00a0]+)?)?)$",
    re.I,
)
# How far before a share its holder's name may end ("Nordkap, with 15%").
SHARE_AFTER_HOLDER_REACH = 20
# The buyer of a stake sold: the company after "to" or "à", a description between or not ("to
# the Norwegian fund X", "au fonds norvégien X", "à l'investisseur X").
_SOLD_TO = re.compile(
    r"(?<![\w])(?:to|à|au|aux)[ \u00a0]+(?:(?:the|la|le|l['’])[ \u00a0]*)?"
    r"(?:[\w-]+[ \u00a0]+){0,3}$",
    re.I,
)
# How far before the buyer's name "to" / "à" may be, a description between.
SOLD_TO_REACH = 40
# A new clause of its own between the stake and "to" ("…, and its managers will talk to X").
_NEXT_CLAUSE = re.compile(r"(?<![\w])(?:and|but|while|et|mais|tandis|alors)(?![\w])", re.I)
_SOLD_DONE = re.compile(
    r"(?<![\w])(?:sold|has sold|have sold|divested|exited|offloaded|disposed of|a cédé|ont cédé|"
    r"a vendu|ont vendu|a soldé|ont soldé|s['’]est désengagée?|se sont désengagée?s|"
    r"est sortie? du capital|sont sortie?s du capital)(?![\w])",
    re.I,
)
# "Lithiane's shareholders", "Pellucell's capital": the company whose holders are spoken of (not
# "X's stake in Y", where X holds).
_POSSESSIVE_STAKE = re.compile(
    r"^['’]s[ \u00a0]+(?:\w+[ \u00a0]+)?(?:shareholder|capital|ownership)"
)


class Memory:
    """What the article has said of shareholdings so far: the company spoken of, and holders."""

    def __init__(self):
        self.topic = None
        self.holders = {}  # target key -> [holder mentions]

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
    memory = discourse.stake_memory
    body, passage = sentence.reading.body, sentence.passage
    _note_topic(sentence, memory)
    nominal = list(triggers.STAKE_BY_FOLLOWING.finditer(body, passage.start, passage.end))
    words = [
        word
        for word in _OWNING.finditer(body, passage.start, passage.end)
        if not any(n.start() <= word.start() < n.end() for n in nominal)
    ]
    shares = [
        f
        for f in sentence.figures
        if f["unit"] == "%"
        and f["value"] <= 100
        and not _FORMER_SHARE.match(body, f["end"])
        and not _SHARE_OF_GOODS.match(body, f["end"])
        and not _FORMER_SHARE_BEFORE.search(body, max(0, f["start"] - 20), f["start"])
    ]
    words += [
        verb
        for verb in _SHARE_VERB.finditer(body, passage.start, passage.end)
        if any(0 <= f["start"] - verb.end() <= SHARE_VERB_REACH for f in shares)
    ]
    if not words and not nominal:
        return
    distributive = _DISTRIBUTIVE.search(body, passage.start, passage.end)
    respective = _respective_holders(sentence, shares)
    for figure in shares or [None]:
        position = figure["start"] if figure else (words or nominal)[0].start()
        candidates = nominal + words
        trigger = min(candidates, key=lambda word: abs(word.start() - position))
        if figure is not None and abs(trigger.start() - position) > STAKE_REACH:
            continue
        found = _stakes_at(sentence, trigger, figure, distributive, discourse, respective)
        for holder, target, share in found:
            if share is None:
                share = _whole(sentence, target)
            yield _proposal(sentence, facts, discourse, holder, target, share, figure, trigger)
            buyer = _buyer(sentence, trigger, target)
            if buyer is not None and holder is not None:
                status = "completed" if _SOLD_DONE.search(sentence.text) else "announced"
                yield _proposal(
                    sentence, facts, discourse, buyer, target, share, figure, trigger, status
                )


def _buyer(sentence, trigger, target):
    """Who a stake is sold to ("cède sa participation dans Y à Z", "sold … to Z"), or None."""
    body = sentence.reading.body
    if target is None or not triggers.STAKE_DIVESTED.search(sentence.text):
        return None
    after = [
        p
        for p in sentence.parties
        if p["start"] > target["end"] and party_key(p) != party_key(target)
    ]
    for mention in after:
        if _NEXT_CLAUSE.search(body, target["end"], mention["start"]):
            break
        if _SOLD_TO.search(body[max(0, mention["start"] - SOLD_TO_REACH) : mention["start"]]):
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


def _stakes_at(sentence, trigger, figure, distributive, discourse, respective):
    """(holder, target, share figure) of the stakes a word of owning states."""
    memory = discourse.stake_memory
    holders, target = _sides(sentence, trigger)
    if figure is not None and figure["start"] in respective:
        holders = [respective[figure["start"]]]
    agent = _agent_after(sentence, figure)
    if agent is not None and holders:
        holders = [agent]  # "détenue à 60 % par X et à 40 % par Y": each share its own holder
    listed = _holder_before_parentheses(sentence, figure)
    if listed is not None:
        topic = memory.topic if memory.topic is not None else target
        if topic is not None and party_key(topic) != party_key(listed):
            return [(listed, topic, figure)]
    if holders is None:
        return []
    topic = memory.topic
    if (
        target is None
        and topic is not None
        and all(party_key(h) != party_key(topic) for h in holders)
    ):
        target = topic
    if target is None and _is_venture_held(sentence, trigger):
        target = _venture_held(holders, discourse)
        # "X and Y will each hold 50% of the new company": every coordinated holder.
        each = _with_coordinated(sentence, holders) if distributive else holders[-1:]
        return [(h, target, figure) for h in each] if figure else []
    if target is None and not distributive:
        target = _other(sentence, holders)
    if target is None and distributive:
        target = _venture_held(holders, discourse)
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
    return [(h, target, figure) for h in holders[-1:]] if holders else [(None, target, figure)]


# "à 40 % par Y", "40% by Y": the holder of a share in a passive list follows its own figure.
_BY_AFTER_SHARE = re.compile(
    r"[ \u00a0]+(?:par|by)[ \u00a0]+(?:(?:the|le|la|l['’])[ \u00a0]*)?$", re.I
)


def _agent_after(sentence, figure):
    """The company named by "par" / "by" right after a share, or None."""
    if figure is None:
        return None
    body = sentence.reading.body
    for mention in sentence.parties:
        gap = mention["start"] - figure["end"]
        if 0 < gap <= AGENT_REACH and _BY_AFTER_SHARE.search(body, figure["end"], mention["start"]):
            return mention
    return None


def _holder_before_parentheses(sentence, figure):
    """The company a share is written right after ("Brennhof (30%)", "Nordkap, with 15%")."""
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
    if passive and passive.start() - trigger.start() < 40:
        after = [p for p in parties if p["start"] >= passive.end()]
        before = [p for p in parties if p["end"] <= passive.start()]
        if not after or after[0]["start"] - passive.end() > AGENT_REACH:
            return None, None  # "détenu à 40 % par ses fondateurs": held by no company named
        held = before[-1] if before else None
        if held is not None and _VENTURE_WORD.search(body, held["end"], passive.start()):
            held = None  # "X et Y vont créer une coentreprise détenue à 60 % par X": the venture's
        return (after[:1], held)
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
    return _subject(sentence, trigger), _object(sentence, trigger)


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
    for match in _NEW_SUBJECT.finditer(body, sentence.passage.start, trigger.start()):
        if any(p["start"] >= match.end() for p in before):
            opening = match.end()
    kept = [
        p
        for p in before
        if p["start"] >= opening and not _in_relative(body, sentence.passage.start, p)
    ]
    if not kept:
        return []
    subject = kept[0]
    together = [p for p in kept if p["start"] == subject["start"]]
    return together if len(together) > 1 else [subject]


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
    after = [p for p in sentence.parties if trigger.end() <= p["start"] < end]
    if triggers.STAKE_DIVESTED.search(sentence.text):
        # "selling its 9% stake to Halden Fonds": Halden buys; the stake is in another company.
        after = [
            p
            for p in after
            if not _SOLD_TO.search(body[max(0, p["start"] - SOLD_TO_REACH) : p["start"]])
        ]
    return after[0] if after else None


def _other(sentence, holders):
    keys = {party_key(h) for h in holders}
    others = [p for p in sentence.parties if party_key(p) not in keys]
    if not others:
        return None
    if holders:
        before = [p for p in others if p["end"] <= holders[0]["start"]]
        if before:
            return before[-1]
    return others[0]


_VENTURE_WORD = re.compile(
    r"(?<![\w])(?:joint[ \u00a0-]venture|coentreprise|co-entreprise|société commune|"
    r"(?:new|nouvelle)[ \u00a0]+(?:company|société|entreprise))(?![\w])",
    re.I,
)


_AND = re.compile(r"^[ \u00a0]*(?:,|and|et|&)[ \u00a0]*$", re.I)


def _with_coordinated(sentence, holders):
    """``holders`` and the companies joined to the last of them by "and", "et" or a comma."""
    every = list(holders)
    body = sentence.reading.body
    for mention in sentence.parties:
        if every and mention["start"] >= every[-1]["end"]:
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
    """ "Lithiane's shareholder structure": the company whose shareholders are spoken of."""
    body = sentence.reading.body
    for mention in sentence.parties:
        if _POSSESSIVE_STAKE.match(body[mention["end"] : mention["end"] + 40]):
            memory.topic = mention


def _status(sentence, holder, trigger):
    """The state of a stake from the verb that states it: sold, planned, to come, or held."""
    body, passage = sentence.reading.body, sentence.passage
    named_here = holder and passage.start <= holder["start"] and holder["end"] <= trigger.start()
    start = holder["end"] if named_here else passage.start
    clause = sentence.reading.clause_map.clause_of(trigger.start(), trigger.end())
    end = max(trigger.end(), clause.end if clause else trigger.end())
    verb = body[start:end]
    if _SUBSIDIARY.search(body, trigger.start(), min(passage.end, trigger.end() + 30)):
        # "its subsidiary X will build …": the verb is X's; a subsidiary is one already.
        lead = body[passage.start : trigger.start()]
        return "announced" if _BECOMES.search(lead) else "completed"
    if triggers.STAKE_DIVESTED.search(verb):
        return "divested"
    if _RELATIVE_OPEN.match(body, start) and triggers.STAKE_DIVESTED.search(body, end, passage.end):
        return "divested"  # "X, qui possédait 12 % de Y, a soldé sa participation": now sold
    if _PLANNED.search(verb):
        return "planned"
    if triggers.STAKE_FUTURE.search(verb):
        return "announced"
    if _DONE.search(verb):
        return "completed"
    return "announced"


def _as_of(sentence, trigger, discourse):
    """The date of the clause, a relative date, or the article's date."""
    clause = sentence.reading.clause_map.clause_of(trigger.start(), trigger.end())
    body, passage = sentence.reading.body, sentence.passage
    start, end = (clause.start, clause.end) if clause else (passage.start, passage.end)
    inside = [d for d in sentence.dates if start <= d["start"] < end]
    if inside:
        date = nearest(inside, trigger.start())
        return date["date"], date["precision"]
    text, published = discourse.article_date
    # "Quillon, qui avait réduit sa part l'an dernier, possède 9,9 %": the clause's own date.
    relative = _RELATIVE_DATE.search(body, start, end)
    if relative and published:
        last = relative.group("year").lower().startswith(("last", "l"))
        year = published.year - (1 if last else 0)
        return str(year), "year"
    if text:
        return text, _precision(text)
    return None, None


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
    key = ("stake", fields["holder"], fields["target"], figure and figure["start"])
    return key, sentence.propose("stake", fields, mentions, exists)
