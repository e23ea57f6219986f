"""
The article read in order, sentence by sentence, for what one sentence cannot say alone: which
company a description stands for ("the German carmaker": the German carmaker named earlier),
which plant "the plant" or "le site" is (the last one named), which plants are new, which joint
venture the article is about and who founded it, and the writings of one new company ("Norda
Energy Solution", "Norda"; "Acme Cells", "AC"; "Cellules du Sud SAS").

Each sentence gets ``parties`` (its companies, descriptions resolved, in text order),
``plant_refs`` (the plants it names or introduces) and ``context_plant`` (the plant it is about
when it names none).
"""

import re
from dataclasses import dataclass, field, replace

from ..text.search import fold_for_search
from . import dates, descriptors, places, plants, triggers
from .candidates import LEGAL_FORM_WORDS, PREFIX_FORM, SAID_AFTER, is_abbreviation
from .common import party_key

_S = r"[ \u00a0]"
# "a jointly owned cell plant", "une usine commune": a venture named by what it runs.
_JOINTLY_OWNED = (
    r"(?:jointly|co)[ \u00a0-]owned[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}?(?:plant|factory|"
    r"gigafactory|company|refinery)|usines?[ \u00a0]+communes?|"
    r"(?:usine|société|raffinerie)[ \u00a0]+détenue[ \u00a0]+conjointement"
)
_JOINT_VENTURE = re.compile(
    r"(?<![\w])(?:joint[ \u00a0-]ventures?|JV|coentreprises?|co-entreprises?|sociétés? communes?|"
    r"(?:la|cette)[ \u00a0]+(?:new[ \u00a0]+)?venture|"
    rf"{_JOINTLY_OWNED}|"
    # "a Zaragoza-based venture", "a 50-50 venture" (not "venture capital", not "X Ventures")
    # "the recycling venture", "their pack-assembly venture"
    r"(?:a|an|their|its|the|this)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}(?-i:venture)"
    r"(?![ \u00a0]+(?:capital|funds?|investors?|arm)))(?![\w])",
    re.I,
)
_STRONG_VENTURE = re.compile(
    rf"(?<![\w])(?:joint[ \u00a0-]ventures?|JV|coentreprises?|co-entreprises?|sociétés? communes?|"
    rf"{_JOINTLY_OWNED})(?![\w])",
    re.I,
)
_VENTURE_NAMED = re.compile(
    r"(?:to be (?:called|named)|called|named|dubbed|known as|baptisée?|appelée?|nommée?|"
    r"dénommée?|sous le nom d['’]?e?)[ \u00a0]*$|^,?[ \u00a0]+$",
    re.I,
)
_FOUNDED_BY = re.compile(
    r"(?<![\w])(?:founded|created|set up|established|formed|fondée?|créée?|constituée?)"
    r"(?P<when>[ \u00a0]+(?:in|en)[ \u00a0]+(?P<year>(?:19|20)[0-9]{2}))?"
    r"(?P<by>[ \u00a0]+(?:by|par))?(?![\w])",
    re.I,
)
# A venture founded in the past, wherever the sentence dates it: "formed a 50-50 joint venture
# named X in 2022", "created a joint venture, X, last year", "ont créé en 2019 une coentreprise".
_FOUNDED_PAST = re.compile(
    r"(?<![\w])(?<!\bwill )(?<!\bto )(?:founded|created|set up|established|formed|launched|"
    r"fondée?s?|créée?s?|constituée?s?|(?:ont|a|avaient|avait)[ \u00a0]+(?:créée?s?|fondée?s?|"
    r"constituée?s?|lancée?s?|mise?s? sur pied))(?![\w])",
    re.I,
)
_IN_YEAR = re.compile(r"(?<![\w])(?:in|en|since|depuis|back in|dès)[ \u00a0]+$", re.I)
_SINCE_YEAR = re.compile(r"(?<![\w])(?:since|depuis)[ \u00a0]+$", re.I)
_FORMING = triggers.words(
    r"are forming|will form|to form|form|forming|create|creating|will create|"
    r"to set up|set up|launch|créent|créeront|crée|création|créer|vont créer|lancent|annoncé la|"
    r"fonder|constituer"
)
# Two companies forming a third named right after the verb are founding a venture: "X and Y are
# forming Z", "X et Y créent Z", "X and Y will set up Z" (the gap between the subjects and Z).
_FORMS_NAMED = re.compile(
    r"[ \u00a0]+(?:(?:are|will|to|vont|ont|have|has|today|also|jointly|agreed|decided|plan|plans|"
    r"planned|aujourd['’]hui|ont[ \u00a0]+décidé[ \u00a0]+de|ont[ \u00a0]+convenu[ \u00a0]+de)"
    r"[ \u00a0]+){0,4}(?:forming|form|formed|"
    r"set(?:ting)?[ \u00a0]+up|creat(?:e|ed|ing)|establish(?:ed|ing)?|found(?:ed|ing)?|créent|"
    r"créeront|créer|créé|fondent|fonderont|fonder|fondé|constituent|constitueront|constituer|"
    r"constitué)(?=[ \u00a0]+$)",
    re.I,
)
# Between a name and the venture word it is in apposition to: a determiner, a few modifiers.
_APPOSITION = re.compile(
    r"\)?,?[ \u00a0]*(?:the|la|l['’]|a|une)?[ \u00a0]*|"
    r"\)?,[ \u00a0]*(?:the|la|l['’]|a|an|une)[ \u00a0]*(?:[\w-]+[ \u00a0]+){1,3}?",
    re.I,
)
# Heads of descriptions that say only "a company" (folded, as ``Description.head`` is).
_GENERIC_HEAD = re.compile(
    r"^(?:company|firm|group|groupe|societe|entreprise|start-?up|jeune pousse)$"
)
# A sentence opening with a pronoun ("It supplies …", "Elle a signé …", "Il détient …"); not an
# impersonal one ("It is expected that …", "Il est prévu que …", "Il y a", "Il faut").
_SUBJECT_PRONOUN = re.compile(
    r"(?-i:It|Il|Elle)(?=[ \u00a0]+[a-zà-ÿ])(?![ \u00a0]+(?:y|faut|semble|seems|appears|"
    r"s['’]agit|(?:is|was|will[ \u00a0]+be|would[ \u00a0]+be|has[ \u00a0]+been|est|était|sera|"
    r"serait|a[ \u00a0]+été)[ \u00a0]+[\w-]+[ \u00a0]+(?:that|que|qu['’]))(?![\w]))"
)
_PARTNERS = re.compile(r"^(?:partners|partenaires|groups|groupes|companies|societes|firms)$")
_POSSESSIVE_OPENS = re.compile(r"(?-i:Its|Son|Sa|Ses)[ \u00a0]+[a-zà-ÿ]")
_PAIR = re.compile(r"^[ \u00a0]*(?:and|et|&)[ \u00a0]*$")
_COORDINATED = re.compile(
    r"[ \u00a0]*(?:,|and|et|&)[ \u00a0]*(?:(?:the|its|their|le|la|les|l['’]|son|sa|leur)"
    r"[ \u00a0]*(?:[\w'’-]+[ \u00a0]+){0,4})?",
    re.I,
)
# "the venture X set up with Y", "que X a lancée en 2022 avec Y": X's partner named after "with".
_FOUNDED_WITH = re.compile(
    r"[^.;:]{0,40}?(?:founded|created|set[ \u00a0]+up|established|formed|launched|fondée?s?|"
    r"créée?s?|constituée?s?|lancée?s?)(?![\w])[^.;:]{0,40}?(?:with|avec)[ \u00a0]+"
    r"(?:(?:the|le|la|l['’])[ \u00a0]*(?:(?-i:[a-zà-ÿ][\w'’-]*)[ \u00a0]+){0,4})?$",
    re.I,
)
# A plural pronoun opening a sentence ("They will stay partners …", "Ils sont associés …"): the
# two companies spoken of together last.
_PLURAL_PRONOUN = re.compile(r"(?-i:They|Ils|Elles)(?=[ \u00a0]+[a-zà-ÿ])")
# The company whose shares change hands, named right after the share: "30% of X", "sa
# participation dans X", "15 % de X". The two others of such a sentence are the two sides.
_SHARE_OF = re.compile(
    r"(?:%|stake|holding|interest|participation|parts?|shares?|capital)[ \u00a0]+"
    r"(?:[\w'’-]+[ \u00a0]+){0,3}?(?:of|in|de|dans|du|d['’])[ \u00a0]*(?:(?:the|la|le|l['’])"
    r"[ \u00a0]*)?$",
    re.I,
)


# A verb and its preposition between a subject and the description it governs.
_GOVERNS = re.compile(
    r"[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){1,3}?(?:with|from|to|by|avec|auprès[ \u00a0]+de|à|de|"
    r"par)[ \u00a0]+",
    re.I,
)
# A description of one company: a singular definite determiner, a head not in the plural.
_SINGULAR_DEFINITE = re.compile(r"(?i)[ \u00a0]*(?:the|le|la|l['’]|this|ce|cette)(?![\w])")
_PLURAL_WORD = re.compile(r"(?<!fond)s$|x$")


@dataclass
class Known:
    """What the article has said of one company so far."""

    mention: dict
    kind: str | None
    country: str | None
    heads: set = field(default_factory=set)
    times: int = 0  # how many times the article has named it so far


@dataclass
class Venture:
    """A joint venture the article names: its name, founders, founding year, and passage."""

    sentence: object
    name: dict | None = None
    partners: list = field(default_factory=list)
    founded: int | None = None
    forming: bool = False
    by_position: int | None = None  # where "founded by" ends: the partners named after it
    strong: bool = False  # named "joint venture" or "coentreprise", not only "the venture"


def _mention_key(mention):
    return party_key(mention)


class Discourse:
    def __init__(self, article, reading, sentences, index, attributes):
        self.reading = reading
        self.body = reading.body
        self.published = getattr(article, "published_on", None)
        self.attributes = attributes  # known company id -> (kind, country)
        self.known_places = plants.known_places(index)
        self.companies = {}  # party key -> Known, in the order last named
        self.pairs = []  # [mention, mention] coordinated as "A and B", in text order
        self.ventures = []
        self.new_plants = []
        self.current_plant = None
        self.topic = None  # the company the article is about: the headline's first, else the body's
        self.canonical = _canonical_names(reading)
        self.previous_subject = None  # the company a sentence opened with, for "It …" after it
        self.learned = []  # (new company, description standing for it) of the sentence read
        self.countries = descriptors.countries_spoken_of(reading.body)
        self.dateline_country = _dateline_country(reading.body, self.countries)
        for sentence in sentences:
            self._read(sentence)
        self._settle_new_plants()

    # -- Companies ---------------------------------------------------------------------------

    def _read(self, sentence):
        passage = sentence.passage
        for mention in sentence.companies:
            if mention["kind"] == "candidate_company":
                mention["canonical"] = self.canonical.get(mention["text"], mention["text"])
        names = sorted(sentence.companies, key=lambda m: m["start"])
        resolved = []
        # "They …" stands for the two spoken of before this sentence names any other
        together = _PLURAL_PRONOUN.match(self.body, passage.start, passage.end)
        they = self._together() if together else []
        for description in descriptors.find(self.body, passage.start, passage.end, self.countries):
            if any(m["start"] < description.end and description.start < m["end"] for m in names):
                continue  # a known name or alias written as a description: the name says who
            follows = next((m for m in names if 0 <= m["start"] - description.end <= 2), None)
            before = [m for m in names if m["end"] <= description.start]
            if follows is not None and descriptors.introduces(self.body, description):
                self._describe(follows, description)
            elif descriptors.describes_previous(
                self.body, description, [m["end"] for m in before]
            ) and not SAID_AFTER.match(self.body, description.end):
                self._describe(before[-1], description)
            elif (fronted := self._fronted_subject(description, passage, names)) is not None:
                # what the whole apposition says it does: "… spécialisée dans le recyclage, X"
                said = descriptors.kind_of(self.body[description.start : fronted["start"]])
                self._describe(fronted, replace(description, kind=description.kind or said))
            elif description.definite:
                named = before + [r for r in resolved if r["start"] < description.start]
                resolved.extend(self._resolve(description, sentence, named))
        if together:
            resolved.extend(
                dict(mention, start=together.start(), end=together.end(), descriptor=True)
                for mention in they
            )
        pronoun = _SUBJECT_PRONOUN.match(self.body, passage.start, passage.end)
        if pronoun and self.previous_subject is not None:
            # "X was spun out in 2019. It supplies …": the subject of the sentence before.
            resolved.append(
                dict(
                    self.previous_subject, start=pronoun.start(), end=pronoun.end(), descriptor=True
                )
            )
        for mention in names:
            self._remember(mention)
        for mention, description in self.learned:
            self._learn(mention, description)
        self.learned = []
        sentence.parties = _distinct_spans(names + resolved)
        first = sentence.parties[0] if sentence.parties else None
        opens = first is not None and not self.body[passage.start : first["start"]].strip(' \n"«“')
        if opens:
            self.previous_subject = first
        elif not _POSSESSIVE_OPENS.match(self.body, passage.start, passage.end):
            # "X is owned by Y. Its works … The company, which …": a sentence opening on the
            # subject's possessions keeps it the subject
            self.previous_subject = None
        if self.topic is None and names:
            self.topic = names[0]
        self._pairs(sentence)
        self._venture(sentence)
        self._plants(sentence)

    def _remember(self, mention):
        key = _mention_key(mention)
        known = self.companies.pop(key, None)
        if known is None:
            record = mention.get("record")
            kind, country = (
                self.attributes.get(record["id"], (None, None)) if record else (None, None)
            )
            known = Known(mention, kind, country)
        known.times += 1
        self.companies[key] = known

    def _fronted_subject(self, description, passage, names):
        """The company a description opening the sentence without a determiner is apposed to:
        "Société niçoise active dans …, X produira …", "Swedish refiner of …, X will
        …" (the name right after the comma that closes it); None otherwise."""
        if description.definite or self.body[passage.start : description.start].strip(' \n"«“'):
            return None
        comma = self.body.find(",", description.end, min(passage.end, description.end + 100))
        if comma < 0 or re.search(r"[.;:()]", self.body[description.end : comma]):
            return None
        return next((m for m in names if 0 <= m["start"] - comma <= 2), None)

    def _describe(self, mention, description):
        self._remember(mention)
        known = self.companies[_mention_key(mention)]
        known.heads.add(description.head)
        if mention.get("record") is None:
            known.kind = known.kind or description.kind
            known.country = known.country or description.country

    def info(self, mention):
        return self.companies.get(_mention_key(mention))

    def _resolve(self, description, sentence, before):
        """The companies a description standing alone refers to, as mentions at its place."""
        if description.venture:
            venture = self.ventures[-1] if self.ventures else None
            targets = [venture.name] if venture and venture.name else []
        elif description.plural != 1:
            targets = self._group(description, before)
        else:
            found = self._best(description) or self._unknown_new(description, before)
            opens = not self.body[sentence.passage.start : description.start].strip(' \n"«“')
            if found is None and opens and _GENERIC_HEAD.match(description.head):
                # "X announced a deal with Y. The group will …": the subject of the sentence before
                found = self.previous_subject
            found = found or self._last_other(description, before)
            targets = [found] if found else []
        if description.plural == 1 and not description.venture:
            self.learned.extend((target, description) for target in targets)
        return [
            dict(target, start=description.start, end=description.end, descriptor=True)
            for target in targets
        ]

    def _learn(self, mention, description):
        """What a description standing for a new company states of it: its kind, its country."""
        known = self.info(mention)
        if known is None or mention.get("record") is not None:
            return
        known.kind = known.kind or description.kind
        known.country = known.country or description.country

    def _group(self, description, before=()):
        named = _distinct_keys(before)
        if description.plural == 2 and len(named) == 2:
            return named  # "X holds 2% of Y, a cross-holding the two groups set up …"
        venture = self.ventures[-1] if self.ventures else None
        if venture and venture.partners and description.plural in (0, len(venture.partners)):
            return venture.partners
        if self.pairs and description.plural in (0, 2):
            return self.pairs[-1]
        if description.plural == 2 or (
            description.plural == 0 and _PARTNERS.match(description.head)
        ):
            return self._together()  # "the two groups", "the partners"
        return []

    def _together(self):
        """The two companies spoken of together last: coordinated or the two sides of a share
        changing hands; else the two the article has named most ("X signed a deal with Y. The
        two groups …"), of equals the last named."""
        if self.pairs:
            return self.pairs[-1]
        keys = list(self.companies)
        ranked = sorted(keys, key=lambda key: (self.companies[key].times, keys.index(key)))
        return [self.companies[key].mention for key in ranked[-2:]] if len(keys) >= 2 else []

    def _best(self, description):
        """The company named last that the description fits best (kind, country, its words)."""
        if description.kind is None and description.country is None:
            return None
        best, best_score = None, 0
        for key in reversed(list(self.companies)):
            known = self.companies[key]
            if description.kind and known.kind and known.kind != description.kind:
                continue
            if description.country and known.country and known.country != description.country:
                continue
            score = (description.head in known.heads) * 2
            score += bool(description.kind and known.kind == description.kind)
            # a nationality stated and matching weighs more than the same head: "the Swedish
            # group" is the Swedish company rather than another "group" of no known country
            score += 3 * bool(description.country and known.country == description.country)
            if score > best_score:
                best, best_score = known.mention, score
        return best

    def _unknown_new(self, description, before):
        """
        When no company fits a description stating a kind or a country by what is known of it,
        the new company named last of which nothing is known yet, in this sentence first ("X
        bought the rest of Y from Z, taking the Swedish producer to 100%", X and Z being of
        other countries or kinds); None when a company named of that kind or country is known.
        """
        if description.kind is None and description.country is None:
            return None
        if not _SINGULAR_DEFINITE.match(description.text) or _PLURAL_WORD.search(description.head):
            return None  # "des banques régionales", "the banks": no one company
        if any(self._fits(mention, description) for mention in before):
            return None  # a known company the sentence has named fits it
        # not the subject of the verb the description is the object of: "X agreed terms with
        # the Gdansk-based firm" is not X
        before = [
            mention
            for mention in before
            if not _GOVERNS.fullmatch(self.body, mention["end"], description.start)
        ]
        for mention in reversed(before):
            known = self.info(mention)
            if mention.get("record") is not None:
                continue
            if known is None or (known.kind is None and known.country is None):
                return mention if self._may_be(mention, description) else None
        for known in reversed(self.companies.values()):
            if known.mention.get("record") is None and known.kind is None and known.country is None:
                return known.mention if self._may_be(known.mention, description) else None
        return None

    def _fits(self, mention, description):
        """Whether a known company's kind or country is the description's, and none differs."""
        record = mention.get("record")
        if record is None:
            return False
        kind, country = self.attributes.get(record["id"], (None, None))
        pairs = [(description.kind, kind), (description.country, country)]
        stated = [(said, has) for said, has in pairs if said and has]
        return bool(stated) and all(said == has for said, has in stated)

    def _may_be(self, mention, description):
        """Whether the kind a new company's name or stated activity gives it allows the
        description's ("X, which makes materials for the German carmaker": not X)."""
        if description.kind is None:
            return True
        candidate = self.reading.candidates.get(mention["start"])
        kinds = {
            candidate.kind if candidate is not None else None,
            descriptors.activity_kind(self.body, mention["end"]),
        } - {None, "other"}
        return not kinds or kinds == {description.kind}

    def _last_other(self, description, before):
        """
        The company a description stating neither kind nor country stands for ("la jeune
        entreprise", "the company"): the one named last, other than those the sentence has
        already named before it ("Le fonds norvégien détient 18 % de la jeune entreprise").
        """
        if not _GENERIC_HEAD.match(description.head):
            return None
        named = {_mention_key(m) for m in before}
        others = [key for key in reversed(list(self.companies)) if key not in named]
        if not others:
            return None
        # The article's subject is the one named most; of equals, the one named last.
        best = max(others, key=lambda key: self.companies[key].times)
        return self.companies[best].mention

    def _pairs(self, sentence):
        names = sorted(sentence.companies, key=lambda m: m["start"])
        for first, second in zip(names, names[1:], strict=False):
            if _PAIR.match(self.body[first["end"] : second["start"]]):
                self.pairs.append([first, second])
        sides = self._sides(sentence)
        if sides:
            self.pairs.append(sides)

    def _sides(self, sentence):
        """
        The two sides of a share changing hands, the company whose share it is aside: "X buys
        the 30% of Z it does not own from Y", "X cède 15 % de Z à Y" (X and Y are "the two
        groups" after it); None when the sentence names other than three companies.
        """
        named = _distinct_keys(sorted(sentence.parties, key=lambda m: m["start"]))
        if len(named) != 3:
            return None
        shares = [
            m for m in named if _SHARE_OF.search(self.body[max(0, m["start"] - 40) : m["start"]])
        ]
        if len(shares) != 1:
            return None
        return [m for m in named if not _same(m, shares[0])]

    # -- Joint ventures ------------------------------------------------------------------------

    def _venture(self, sentence):
        body, passage = self.body, sentence.passage
        word, formed = _JOINT_VENTURE.search(body, passage.start, passage.end), None
        if word is None:
            word, formed = self._forms_named(sentence)
        if word is None:
            return
        parties = sentence.parties
        if formed is not None:
            venture = Venture(sentence, formed)
            self.ventures.append(venture)
        else:
            venture = self._venture_of(sentence, word, parties)
        if _STRONG_VENTURE.search(body, passage.start, passage.end) and not venture.strong:
            venture.sentence, venture.strong = sentence, True
        founded = _FOUNDED_BY.search(body, word.end(), passage.end)
        headline_end = self.reading.sentences[0].end if self.reading.sentences else 0
        in_body = passage.start >= headline_end
        names_it = venture.name is not None and any(_same(p, venture.name) for p in parties)
        if venture.sentence.passage.end <= headline_end and in_body and (founded or names_it):
            venture.sentence = sentence  # the body says when and by whom: quote it, not the title
        if founded:
            venture.founded = int(founded.group("year")) if founded.group("year") else None
            if founded.group("by"):
                venture.by_position = founded.end()
                after = [p for p in parties if p["start"] >= founded.end()]
                venture.partners = _distinct_keys(self._coordinated(after)) or venture.partners
        if _FORMING.search(body, passage.start, passage.end) and not founded:
            venture.forming = True
        if venture.founded is None:
            venture.founded = self._founding_year(sentence)
        if not venture.partners:
            venture.partners = self._founders(sentence, word, venture)

    def _forms_named(self, sentence):
        """The verb by which two coordinated companies form the one named after it, and that
        one; or (None, None)."""
        parties = sentence.parties
        for n in range(1, len(parties) - 1):
            subject, formed = parties[n], parties[n + 1]
            verb = _FORMS_NAMED.match(self.body, subject["end"], formed["start"])
            between = self.body[parties[n - 1]["end"] : subject["start"]]
            if verb and re.fullmatch(r"[ \u00a0]*(?:,|and|et|&)[ \u00a0]*", between):
                return verb, formed
        return None, None

    def _founding_year(self, sentence):
        """
        The past year a verb of founding in the sentence dates ("set up a joint venture in
        2021", "In 2021, X and Y set up …"), or the year a venture in force has run since
        ("partners in a joint venture since 2020"); None otherwise.
        """
        body, passage = self.body, sentence.passage
        if self.published is None:
            return None
        verb = _FOUNDED_PAST.search(body, passage.start, passage.end)
        past = [
            date
            for date in sentence.dates
            if date.get("year") and date["year"] < self.published.year
        ]
        forming = _FORMING.search(body, passage.start, passage.end)
        for date in past:
            lead = body[max(0, date["start"] - 10) : date["start"]]
            since = _SINCE_YEAR.search(lead) and not forming
            if since or (verb is not None and _IN_YEAR.search(lead)):
                return date["year"]
        relative = dates.relative_years(body, self.published.year, passage.start, passage.end)
        before = [year for _, _, year in relative if year < self.published.year]
        if verb is not None and before:
            return before[0]  # "set up last year", "créée il y a six ans"
        return None

    def _venture_of(self, sentence, word, parties):
        """The venture this sentence speaks of: named here, or the one spoken of before."""
        name = None
        for mention in parties:
            gap = self.body[mention["end"] : word.start()]
            if 0 <= word.start() - mention["end"] <= 50 and _APPOSITION.fullmatch(gap):
                name = mention  # "V, la coentreprise …", "V, the cathode joint venture"
            lead = self.body[max(word.end(), mention["start"] - 30) : mention["start"]]
            if mention["start"] > word.end() and _VENTURE_NAMED.search(lead):
                name = name or mention  # "… coentreprise, baptisée Norda"
        last = self.ventures[-1] if self.ventures else None
        if last and name is None and self._other_founders(sentence, word, last):
            last = None  # "… un protocole d'accord en vue de créer une coentreprise": another one
        if last and (name is None or last.name is None or _same(last.name, name)):
            venture = self.ventures[-1]
            venture.name = venture.name or name
            return venture
        venture = Venture(sentence, name)
        self.ventures.append(venture)
        return venture

    def _other_founders(self, sentence, word, last):
        """Whether a venture being formed here has founders other than the last venture's."""
        if not last.partners or not _FORMING.search(self.body, sentence.passage.start, word.end()):
            return False
        founders = self._founders(sentence, word, Venture(sentence))
        keys = {_mention_key(m) for m in founders}
        return len(keys) >= 2 and keys != {_mention_key(m) for m in last.partners}

    def _coordinated(self, mentions):
        """The first of ``mentions`` and those joined to it by "and", "et" or a comma, a
        description of the next allowed between ("X et le groupe normand Y")."""
        run = mentions[:1]
        for mention in mentions[1:]:
            if not _COORDINATED.fullmatch(self.body, run[-1]["end"], mention["start"]):
                break
            run.append(mention)
        return run

    def _founders(self, sentence, word, venture):
        """The companies that form the venture: those named before its word, the venture aside."""
        before = [
            p for p in sentence.parties if p["end"] <= word.start() and not _same(p, venture.name)
        ]
        if len(before) < 2:
            # "une coentreprise avec Geely et Saudi Aramco": the others are named after the word
            after = [p for p in sentence.parties if p["start"] >= word.end()]
            partners = self._coordinated(after)
            if len(partners) == 1 and len(after) > 1:
                # "… la coentreprise que X a lancée en 2022 avec Y": X's partner after "avec"
                gap = self.body[after[0]["end"] : after[1]["start"]]
                if _FOUNDED_WITH.match(gap):
                    partners = after[:2]
            before = before + partners
        founders = _distinct_keys([p for p in before if not _same(p, venture.name)])
        together = _distinct_keys(self._coordinated(founders))
        if len(founders) > 2 and self.pairs and len(together) < len(founders):
            return self.pairs[-1]  # "the joint venture the two companies founded"
        return founders if len(founders) >= 2 else []

    # -- Plants --------------------------------------------------------------------------------

    def _plants(self, sentence):
        refs = [
            {"start": p["start"], "end": p["end"], "plant": p["record"]} for p in sentence.plants
        ]
        for new in plants.new_plants_in(
            sentence, self.known_places, sentence.parties, self.dateline_country, self.countries
        ):
            old = next((old for old in self.new_plants if _same_place(new, old)), None)
            if old is not None and not (old.sentence == 0 and sentence.index > 0):
                new = old
            else:
                if _JOINT_VENTURE.search(self.body, sentence.passage.start, sentence.passage.end):
                    venture = self.ventures[-1] if self.ventures else None
                    if venture and venture.name:
                        new.operator = venture.name
                    else:
                        new.pending_venture = True
                elif new.operator is None:
                    # "Cet argent financera une usine à X", "the company will close its plant
                    # in Y": a sentence naming no company speaks of the article's; one opening
                    # on "Its works in X" of the subject of the sentence before.
                    opens_its = _POSSESSIVE_OPENS.match(
                        self.body, sentence.passage.start, sentence.passage.end
                    )
                    subject = self.previous_subject if opens_its else None
                    new.operator = subject or self.topic
                if old is None:
                    self.new_plants.append(new)
                else:
                    # The headline named the plant in passing; the body says who builds it
                    # and where: its reading replaces the headline's, in the same record.
                    vars(old).update(vars(new))
                    new = old
            refs.append({"start": new.start, "end": new.end, "plant": new})
        if not refs:
            refs = plants.operator_plant_refs(self.body, sentence.parties, self.known_places)
        if not refs and self.current_plant is None:
            refs = plants.city_refs(self.body, sentence.passage, self.known_places)
        sentence.plant_refs = sorted(refs, key=lambda ref: ref["start"])
        sentence.context_plant = self.current_plant
        topical = [
            ref
            for ref in sentence.plant_refs
            if self.current_plant is None
            or not plants.is_source(self.body, ref["start"], self.current_plant)
        ]
        if topical:
            self.current_plant = topical[-1]["plant"]

    def _settle_new_plants(self):
        for new in self.new_plants:
            if new.pending_venture:
                # The venture builds it; unnamed, it is no founder's plant: left blank.
                venture = self.ventures[-1] if self.ventures else None
                new.operator = venture.name if venture else None
            if new.country is None and new.operator is not None:
                known = self.info(new.operator)
                new.country = known.country if known else None

    def operator_name(self, mention):
        if mention is None:
            return ""
        if mention.get("record"):
            return mention["record"]["name"]
        return mention.get("canonical") or self.canonical.get(mention["text"], mention["text"])

    def plant_value(self, plant):
        """A plant as proposals name it: the known plant's reference, or the new plant's."""
        if isinstance(plant, plants.NewPlant):
            return plant.reference(self.operator_name(plant.operator))
        return plant


def _same(a, b):
    return a is not None and b is not None and _mention_key(a) == _mention_key(b)


def _same_place(a, b):
    return fold_for_search(a.city) == fold_for_search(b.city)


def _distinct_keys(mentions):
    seen, result = set(), []
    for mention in mentions:
        key = _mention_key(mention)
        if key not in seen:
            seen.add(key)
            result.append(mention)
    return result


def _distinct_spans(mentions):
    seen, result = set(), []
    for mention in sorted(mentions, key=lambda m: (m["start"], m["end"])):
        key = (mention["start"], _mention_key(mention))
        if key not in seen:
            seen.add(key)
            result.append(mention)
    return result


def without_legal_form(name):
    prefix = PREFIX_FORM.match(name)
    if prefix:
        name = name[prefix.end() :]  # "PT Acme Nikel" is "Acme Nikel"
    words = name.split()
    while len(words) > 1 and fold_for_search(words[-1]).rstrip(".,") in LEGAL_FORM_WORDS:
        words.pop()
    return " ".join(words).rstrip(",")


# An abbreviation a phrase of naming introduces: "known as MAS", "known locally as MAS", "dite
# ECR", "connue sous le nom de ECR"; or that one follows: "MAS, as the company is known, …",
# "ECR, comme on l'appelle, …".
_KNOWN_AS = re.compile(
    r"(?<![\w])(?:known|referred[ \u00a0]+to|abbreviated)(?:[ \u00a0]+[a-z]+){0,2}?"
    r"[ \u00a0]+as[ \u00a0]+[«“\"]?[ \u00a0]*"
    r"(?P<short>[A-Z][A-Z0-9&]{1,7})(?![\w])|(?<![\w])(?:dite|appelée?|surnommée?|"
    r"connue?[ \u00a0]+(?:[a-z]+[ \u00a0]+)?sous[ \u00a0]+(?:le[ \u00a0]+nom|l['’]acronyme|"
    r"le[ \u00a0]+sigle)[ \u00a0]+d(?:e|['’])|"
    r"ci-après(?:[ \u00a0]+dénommée?)?|hereinafter|hereafter)(?:[ \u00a0]+|(?<=['’]))[«“\"]?"
    r"[ \u00a0]*"
    r"(?P<short_fr>[A-Z][A-Z0-9&]{1,7})(?![\w])|"
    r"(?<![\w])(?P<short_before>[A-Z][A-Z0-9&]{1,7}),[ \u00a0]+(?:as[ \u00a0]+(?:the|this)"
    r"[ \u00a0]+(?:company|group|firm|maker|business)[ \u00a0]+is[ \u00a0]+(?:known|called)|"
    r"comme[ \u00a0]+(?:on[ \u00a0]+l['’]appelle|l['’]appellent|elle[ \u00a0]+est"
    r"[ \u00a0]+(?:connue|appelée)))(?![\w])"
)
# How far before "(ABC)" the name it abbreviates may start, and what an abbreviation is written in.
_FULL_NAME_REACH = 80
_PARENTHESISED = re.compile(r"\((?P<inside>[^()]+)\)")


def _canonical_names(reading):
    """
    Each candidate's writing and the name of the company it writes: the longest full form. Each
    writing is compared only with those of the same first word, and the text is read once for
    "(ABC)": a text naming many companies with their acronyms is read in linear time.
    """
    writings = {c.name for c in reading.candidates.values()}
    bases = {name: without_legal_form(name) for name in sorted(writings)}
    folded = {base: fold_for_search(base) for base in bases.values()}
    by_first_word = {}
    for base, form in folded.items():
        by_first_word.setdefault(form.split(" ")[0], []).append(base)
    canonical = {}
    for name, base in bases.items():
        longer = [
            other
            for other in by_first_word.get(folded[base], ())
            if " " not in base and folded[other].startswith(folded[base] + " ")
        ]
        canonical[name] = max(longer, key=len) if longer else base
    order = {name: number for number, name in enumerate(canonical)}
    body = reading.body
    for match in _PARENTHESISED.finditer(body):
        name = match.group("inside").strip(" \u00a0\"“”«»‘’'")
        if name not in canonical:
            continue
        end = match.start()
        while end > 0 and body[end - 1] in " \u00a0":
            end -= 1
        opened = max(body.rfind("(", 0, end), body.rfind(")", 0, end)) + 1
        full = body[max(opened, end - _FULL_NAME_REACH) : end]
        # The writings "Acme Lithium Works (ALW)" ends with; the last known, as before, wins.
        written = [
            full[start:]
            for start in range(len(full) - 1)
            if full[start:] in canonical and full[start:] != name
        ]
        if written:
            canonical[name] = canonical[max(written, key=order.get)]
    for match in _KNOWN_AS.finditer(body):
        name = match.group("short") or match.group("short_fr") or match.group("short_before")
        if canonical.get(name) != name:
            continue
        # "Acme Drive Systems, a Lublin maker known as ADS": the nearest name
        # before that it abbreviates, in its sentence or the one before ("X Oy is … The
        # company, known locally as XO, …").
        before = body[max(0, match.start() - 200) : match.start()]
        full = [other for other in canonical if other in before and is_abbreviation(name, other)]
        if full:
            canonical[name] = canonical[max(full, key=before.rfind)]
    _acronyms_by_initials(canonical)
    _brands_of_registered_names(body, canonical)
    return canonical


def _initials_of(name):
    """The initials of a name's capitalised words: "Acme Matériaux Avancés" is "AMA"."""
    return "".join(word[0] for word in name.replace("-", " ").split() if word[:1].isupper())


def _acronyms_by_initials(canonical):
    """
    An acronym the text never introduces ("BDL", after "Batteries du Levant inc." was
    named) writes the one company whose name's initials it is; none when two or none fit.
    """
    by_initials = {}
    for name in set(canonical.values()):
        if " " in name:
            by_initials.setdefault(fold_for_search(_initials_of(name)), set()).add(name)
    for name, written in list(canonical.items()):
        if written != name or not _ACRONYM.fullmatch(name):
            continue
        fitting = by_initials.get(fold_for_search(name), set())
        if len(fitting) == 1:
            canonical[name] = next(iter(fitting))


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
# A company's registered name given after its brand: "X, registered as X Enerji A.Ş.",
# "X, immatriculée sous le nom de X Énergie SAS", "whose legal name is …".
_REGISTERED_AS = re.compile(
    r"(?<![\w])(?i:registered|incorporated|immatriculée?|enregistrée?)[ \u00a0]+(?i:as|sous"
    r"[ \u00a0]+le[ \u00a0]+nom[ \u00a0]+de|sous[ \u00a0]+la[ \u00a0]+raison[ \u00a0]+sociale"
    r"[ \u00a0]+de)[ \u00a0]+|(?i:legal[ \u00a0]+name[ \u00a0]+is|raison[ \u00a0]+sociale"
    r"[ \u00a0]+est)[ \u00a0]+"
)


def _brands_of_registered_names(body, canonical):
    """
    A registered name given for a company the text calls by a shorter brand ("TERRA, registered
    as Terra Enerji A.Ş.") is an alias of the brand: the company is named as the text names it.
    """
    for match in _REGISTERED_AS.finditer(body):
        registered = next((name for name in canonical if body.startswith(name, match.end())), None)
        if registered is None:
            continue
        full = canonical[registered]
        folded = fold_for_search(full)
        brands = [
            name
            for name in canonical
            if canonical[name] == full and folded.startswith(fold_for_search(name) + " ")
        ]
        if not brands:
            continue
        brand = min(brands, key=lambda name: body.find(name))
        for name, written in canonical.items():
            if written == full:
                canonical[name] = brand


_DATELINE = re.compile(r"^(?:[\w'’ -]+ [–—-] )?(?P<city>[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?),")


def _dateline_country(body, within=()):
    """The country of the city a dateline names ("MARSEILLE, 22 May 2025 —"), or None."""
    for line in body[:600].splitlines():
        head = _DATELINE.match(line)
        if head:
            country = places.city_country(head.group("city").title(), within)
            if country:
                return country
    return None
