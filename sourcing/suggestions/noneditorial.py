"""
Parts of a page that are not the publisher's reporting, found by the lines that announce them:
reader comments ("3 thoughts on …", "Reply | Report"), press contacts, "read also / à lire aussi"
lines and other site furniture. Each is proposed as a NonEditorialSpan, and nothing inside one is
suggested as a fact.
"""

import re
from dataclasses import dataclass

_COMMENTS_HEADER = re.compile(
    r"^(?:(?:[0-9]+|one|two|three|four|five|un|une|deux|trois)\s+(?:thoughts?|comments?|"
    r"responses?|replies|réponses?|commentaires?|réactions?)\b|"
    # "Comments", "Reader comments (12)", "Commentaires (3)", "Vos réactions (2)"
    r"(?:reader\s+|your\s+|vos\s+|les\s+)?(?:comments|commentaires|réactions)"
    r"(?:\s*\(\s*[0-9]+\s*\))?\s*:?\s*$|"
    r"leave\s+a\s+(?:reply|comment)\b|laisser\s+un\s+commentaire\b|"
    r"réagir\s+à\s+cet\s+article|join\s+the\s+(?:discussion|conversation))",
    re.I,
)
# The buttons under a reader's comment: "Reply | Report", "Répondre · Signaler", "Like · Reply".
_COMMENT_BUTTON = (
    r"(?:reply|report(?:\s+abuse)?|flag|like|quote|répondre|signaler(?:\s+un\s+abus)?|"
    r"j['’]aime|citer|alerter)"
)
_COMMENT_LINE = re.compile(
    rf"^{_COMMENT_BUTTON}(?:\s*[|·•/]\s*{_COMMENT_BUTTON})*\s*$",
    re.I,
)
_CONTACT_HEADER = re.compile(
    r"^(?:(?:press|media|investor)\s+(?:contacts?|relations|enquiries|inquiries)|"
    r"contacts?\s+(?:press|presse|media|médias)(?:\s+relations)?|relations?\s+(?:presse|médias)|"
    r"contacts?\s*:?\s*$|for\s+(?:further|more)\s+information,?\s+(?:please\s+)?contact\b|"
    r"pour\s+(?:plus\s+d['’]informations?|tout\s+renseignement),?\s+contact(?:er|ez)\b)",
    re.I,
)
_CONTACT_DETAIL = re.compile(
    r"(?:^(?:phone|tel|tél|téléphone|mobile|mob|fax|e-?mail|mail|courriel)\b)|"
    r"\+?[0-9][0-9 ().-]{7,}[0-9]|[\w.+-]+@[\w-]+\.[\w.]+",
    re.I,
)
_NAVIGATION = re.compile(
    r"^(?:read\s+(?:also|more|next)|also\s+read|see\s+also|related(?:\s+(?:articles?|posts?|stories|"
    r"content))?|à\s+lire\s+(?:aussi|également|egalement)|a\s+lire\s+(?:aussi|également)|"
    r"lire\s+(?:aussi|également|la\s+suite)|voir\s+aussi|sur\s+le\s+même\s+sujet|"
    r"please\s+follow\s+and\s+like\s+us|share\s+this|partager|voir\s+les\s+photos|"
    r"télécharger\s+le\s+pdf|download\s+(?:the\s+)?pdf|more\s+information\s+at|"
    r"click\s+here|subscribe|abonnez-vous|newsletter)\b",
    re.I,
)
# A navigation header alone on its line ("Related articles", "À lire aussi") heads a block of
# teaser lines that runs to the next blank line; with a colon, the teaser is on the line itself.
_NAVIGATION_HEADER_ALONE = re.compile(
    r"^(?:read\s+(?:also|more|next)|also\s+read|see\s+also|"
    r"related(?:\s+(?:articles?|posts?|stories|content|coverage))?|"
    r"more\s+on\s+this(?:\s+topic)?|more\s+from\s+[\w\s]{1,30}|you\s+may\s+also\s+like|"
    r"you\s+might\s+also\s+like|recommended(?:\s+for\s+you)?|most\s+read|"
    r"à\s+lire\s+(?:aussi|également|egalement)|lire\s+(?:aussi|également)|voir\s+aussi|"
    r"sur\s+le\s+même\s+(?:sujet|thème)|dans\s+la\s+même\s+rubrique|les\s+plus\s+lus|"
    r"vous\s+aimerez\s+aussi|nos\s+articles\s+sur\s+le\s+sujet)"
    r"\s*:?\s*$",
    re.I,
)
# Subscription and sharing lines: short lines that offer a newsletter or a button, not news.
_SUBSCRIPTION = re.compile(
    r"\b(?:newsletters?|lettre\s+d['’]information|subscribe|abonnez-vous|inscrivez-vous|"
    r"s['’]abonner|sign\s+up\s+(?:for|here|now|today)|in\s+your\s+inbox|"
    r"dans\s+votre\s+boîte|recevez\s+(?:chaque\s+\w+\s+|gratuitement\s+)?notre\s+lettre|"
    r"notre\s+lettre\s+(?:quotidienne|hebdomadaire))\b|"
    r"^(?:share|partager|partagez)(?:\s+(?:this|cet|l['’]article|on)\b|\s*:)|"
    # a line of sharing buttons: "LinkedIn · X · Email"
    r"^(?:(?:facebook|x|twitter|linkedin|e-?mail|whatsapp|bluesky|print|imprimer)"
    r"\s*[·|/•,]\s*){2,}(?:facebook|x|twitter|linkedin|e-?mail|whatsapp|bluesky|print|imprimer)"
    r"\s*$",
    re.I,
)
# An address on the web: "https://site.example/x", "www.site.example", "site.example/plants".
_WEB_ADDRESS = (
    r"(?:https?://|www\.|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/|\b))"
)
# Site furniture on a line of its own: a pointer to the publisher's site ("Find all our profiles
# at site.example", "Retrouvez nos enquêtes sur site.example"), an offer of its letter
# ("Recevez la lettre X : inscription gratuite"), an invitation to follow it, a photo credit,
# tags, a copyright line, an advertisement's label.
_SITE_FURNITURE = re.compile(
    r"^(?:find|visit|discover|explore|listen|watch|read\s+(?:all|more|the\s+full)|"
    r"more\s+\w+(?:\s+\w+)?\s+(?:at|on)|retrouvez|découvrez|consultez|écoutez|regardez|"
    r"rendez-vous\s+sur|plus\s+d['’]\w+\s+sur)\b"
    rf"[^\n]*?{_WEB_ADDRESS}|"
    r"^(?:follow\s+us|suivez-nous)\b|"
    r"^(?:receive|get)\s+(?:the|our)\b[^\n]{0,60}?\b(?:letter|newsletter|briefing|digest)\b|"
    r"^recevez\b[^\n]{0,60}?\blettre\b|"
    r"\b(?:inscription\s+gratuite|free\s+(?:registration|sign-?up)|c['’]est\s+gratuit)\b|"
    r"^(?:©|\(c\)\s*[0-9]{4})|\ball\s+rights\s+reserved\b|\btous\s+droits\s+réservés\b|"
    r"^(?:photos?|images?|pictures?|illustrations?|crédits?\s+photos?|photo\s+credits?|"
    r"credits?)\s*:[^\n]{0,60}$|"
    r"^(?:tags|keywords|topics|mots-clés|mots\s+clés|thèmes)\s*:[^\n.]*$|"
    r"^(?:advertisement|sponsored(?:\s+content)?|publicité|contenu\s+sponsorisé)\s*$",
    re.I,
)
# A press contact given on one line after its label ("Contact presse : Jane Doe – +33 …").
_CONTACT_INLINE = re.compile(
    r"^(?:(?:press|media|investor)\s+(?:contacts?|relations|enquiries|inquiries)|"
    r"contacts?\s+(?:press|presse|media|médias)|relations?\s+(?:presse|médias))\s*:",
    re.I,
)
_SOURCE_LINE = re.compile(r"(?<![^\s])SOURCE\s*:\s*[^\n.]{1,80}\s*$")


@dataclass(frozen=True)
class Part:
    kind: str  # a NonEditorialSpan.Kind value
    start: int
    end: int


def _lines(text):
    """(start, end) of each line with its surrounding spaces trimmed; blank lines skipped."""
    position = 0
    for line in text.splitlines(keepends=True):
        start, end = position, position + len(line)
        position = end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def detect(text):
    """The non-editorial parts of ``text``, in text order, none overlapping another."""
    lines = list(_lines(text))
    parts = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        line = text[start:end]
        if _COMMENTS_HEADER.match(line) and len(line) < 200:
            last = _thread_end(text, lines, index)
            parts.append(Part("reader_comments", start, lines[last][1]))
            index = last
        elif _COMMENT_LINE.match(line):
            parts.append(Part("reader_comments", start, end))
        elif _CONTACT_HEADER.match(line) and len(line) < 60 or _is_inline_contact(line):
            index, last_end = _contact_block(text, lines, index)
            parts.append(Part("press_contact", start, last_end))
        elif _NAVIGATION_HEADER_ALONE.match(line):
            index = _block_end(text, lines, index)
            parts.append(Part("navigation", start, lines[index][1]))
        elif len(line) < 200 and (
            _NAVIGATION.match(line) or _SUBSCRIPTION.search(line) or _SITE_FURNITURE.search(line)
        ):
            parts.append(Part("navigation", start, end))
        index += 1
    source = _SOURCE_LINE.search(text)
    if source and not any(part.start <= source.start() < part.end for part in parts):
        end = source.start() + len(source.group().rstrip())
        parts.append(Part("boilerplate", source.start(), end))
    return sorted(parts, key=lambda part: part.start)


def _is_inline_contact(line):
    return bool(_CONTACT_INLINE.match(line)) and bool(_CONTACT_DETAIL.search(line))


def _thread_end(text, lines, header):
    """
    The last line of a comment thread: its last "Reply | Report" line, so that a newsletter
    line after the thread stays a part of its own; the text's last line when no such line.
    """
    last = None
    for index in range(header + 1, len(lines)):
        if _COMMENT_LINE.match(text[lines[index][0] : lines[index][1]]):
            last = index
    return last if last is not None else len(lines) - 1


def _block_end(text, lines, header):
    """The last line of the block a header opens: lines up to the next blank line."""
    index = header
    while index + 1 < len(lines) and "\n\n" not in text[lines[index][1] : lines[index + 1][0]]:
        following = text[lines[index + 1][0] : lines[index + 1][1]]
        if len(following) > 200:
            break
        index += 1
    return index


def _contact_block(text, lines, header):
    """The index of the last line of a press contact block, and where its last detail ends."""
    last, last_end = header, lines[header][1]
    index = header + 1
    while index < len(lines):
        start, end = lines[index]
        line = text[start:end]
        if _CONTACT_DETAIL.search(line):
            last, last_end = index, end
        elif len(line) > 60 or line.endswith("."):
            break
        index += 1
    return last, last_end
