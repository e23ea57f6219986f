"""
Benchmark of quote location: prints figures, asserts nothing (timings on a shared machine are for
reading; what is found is asserted in tests/test_quotes.py and tests/test_near_miss.py).

    .venv/bin/python benchmarks/quotes.py [--size 1000000] [--repeat 3]

On a generated article of about 1 MB (news prose about battery plants, made up here word by word,
with the typography of real sources: typographic apostrophes, guillemets, no-break spaces, dashes
and ellipses), quotes of 100 to 100,000 characters taken from its middle are looked for:
- exact: the passage as it reads;
- word: one word in the middle replaced by another;
- character: one digit or letter in the middle changed;
- ends: the first and the last word replaced;
- absent: a passage of another article made the same way.
For each, the time to fold the quote and find it (``find``, the exact search every request makes),
the time of the closest-passage hint when it is not found (``hint``), and the time of the whole
``locate_all`` with the article's folded copy not yet cached (``request``, as the first request of
a worker meets it): median of the runs for the first two, slowest run for the last, in wall-clock
time and in processor time (``cpu``: the work itself, without the wait for a core that other
processes on a shared machine add to the wall-clock figure). Quotes longer than
``quotes.MAX_QUOTE_LENGTH`` are refused by a citation's validation before any search, and are
measured all the same, since seeding and re-checking stored citations search without it.

Then ``Citation.full_clean`` (what the admin and the desk run) on the article saved in a
throwaway SQLite database, for near-misses below the limit and refusals above it, and the worst
of all: the target is under 1 s. Last, texts that repeat themselves, outside the target.
"""

import argparse
import random
import re
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from common import setup_django  # benchmarks/common.py: the script's own folder, and the project
from rapidfuzz import fuzz

from sourcing.text import quotes

LENGTHS = (100, 1_000, 5_000, 10_000, 100_000)

COMPANIES = (
    *("Norvald Cells", "Kestrel Energie", "Albion Accumulators", "Lumara Batteries"),
    *("Ostrava Power Systems", "Tessin Werkstoffe", "Brightwater Lithium", "Halvorsen Industri"),
    *("Calder Motors", "Sunderfield Automotive", "Groupe Marével", "Vireo Mobility"),
)
PLACES = (
    *("Gdańsk", "Tarragona", "Linz", "Saint-Nazaire", "Vaasa", "Setúbal", "Ostrava", "Kalmar"),
    *("Győr", "Bremerhaven", "Valenciennes", "Aveiro", "Brno", "Lübeck", "Trieste", "Narvik"),
)
PRODUCTS = (
    *("LFP cells", "NMC cathodes", "sodium-ion cells", "battery modules", "anode material"),
    *("cell-to-pack systems", "precursor material", "lithium hydroxide", "recycled black mass"),
)
PEOPLE = ("Ines Marlowe", "Tomasz Rydel", "Aurélie Danton", "Kenji Aldous", "Maren Solvik")
ROLES = ("chief executive", "head of purchasing", "industry minister", "plant director")
TEMPLATES = (
    "{company} will build a plant for {product} near {place}, with a capacity of {gwh}\u00a0GWh "
    "a year by {year}.",
    "The site in {place} is expected to employ {jobs}\u00a0people once the {ordinal} phase "
    "starts in {month} {year}.",
    "{company} said it would invest €{money}\u00a0billion in {place} – its {ordinal} factory in "
    "Europe – to supply {company2}.",
    "« We’re securing {gwh}\u00a0GWh of {product} for the next {years} years », said {person}, "
    "{role} of {company}.",
    "According to {company2}, deliveries of {product} from {place} could reach {tonnes} tonnes "
    "in {year}…",
    "{person}, {role} at {company}, told reporters the {product} line in {place} had been "
    "delayed by {months} months.",
    "Under the agreement signed on {day} {month} {year}, {company} takes a stake of {share}% in "
    "{company2}.",
    "Analysts at {company2} doubt that {place} can host {gwh}\u00a0GWh before {year}: permits, "
    "grid connections and skilled workers are scarce.",
    "The {ordinal} line, built with equipment from {company2}, was inaugurated in {month} "
    "{year} in the presence of the {role}.",
    "{company}’s order book now covers {gwh}\u00a0GWh of {product}, up from {gwh2}\u00a0GWh a "
    "year earlier.",
)
MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
ORDINALS = ("first", "second", "third", "fourth", "fifth")


def sentence(rng):
    companies = rng.sample(COMPANIES, 2)
    return rng.choice(TEMPLATES).format(
        company=companies[0],
        company2=companies[1],
        place=rng.choice(PLACES),
        product=rng.choice(PRODUCTS),
        person=rng.choice(PEOPLE),
        role=rng.choice(ROLES),
        gwh=rng.randint(2, 120),
        gwh2=rng.randint(2, 120),
        jobs=f"{rng.randint(2, 9)}\u202f{rng.randint(0, 999):03d}",
        money=f"{rng.randint(1, 9)},{rng.randint(0, 9)}",
        year=rng.randint(2019, 2035),
        years=rng.randint(3, 15),
        month=rng.choice(MONTHS),
        months=rng.randint(2, 30),
        day=rng.randint(1, 28),
        ordinal=rng.choice(ORDINALS),
        tonnes=f"{rng.randint(1, 99)}\u202f000",
        share=rng.randint(1, 60),
    )


def article(size, seed):
    """
    Paragraphs of 2 to 6 sentences up to ``size`` bytes of UTF-8 (as ``ARTICLE_MAX_BYTES``
    counts an article), always the same for a seed.
    """
    rng = random.Random(seed)
    paragraphs, length = [], 0
    while True:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        length += len(paragraph.encode()) + 2
        if length > size:
            return "\n\n".join(paragraphs)
        paragraphs.append(paragraph)


def passage(text, length, middle):
    """A passage of about ``length`` characters around ``middle``, on whole words."""
    start = text.rfind(" ", 0, max(1, middle - length // 2)) + 1
    end = text.find(" ", start + length)
    return text[start : end if end != -1 else len(text)]


def replace_word(quote, where, replacement):
    """``quote`` with the word at or after ``where`` replaced by ``replacement``."""
    word = re.compile(r"\w+").search(quote, where)
    return quote[: word.start()] + replacement + quote[word.end() :]


def variants(text, other, length):
    quote = passage(text, length, len(text) // 2)
    middle = len(quote) // 2
    digit = re.compile(r"\d").search(quote, middle) or re.compile(r"\w").search(quote, middle)
    changed = "7" if quote[digit.start()] != "7" else "8"
    last_word = [match.start() for match in re.finditer(r"\w+", quote)][-1]
    return {
        "exact": quote,
        "word": replace_word(quote, middle, "Zephyrine"),
        "character": quote[: digit.start()] + changed + quote[digit.end() :],
        "ends": replace_word(replace_word(quote, last_word, "ultimately"), 0, "Meanwhile"),
        "absent": passage(other, length, len(other) // 3),
    }


def seconds(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def wall_and_cpu(function):
    """Wall-clock and processor seconds of ``function``: on a shared machine the second is the
    work itself, the first adds the wait for a core."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(text, quote, repeat):
    """
    The median find and hint over ``repeat`` runs, the slowest request (the article's fold not
    cached, as a worker's first request meets it) as (wall, processor), in seconds, and the hint
    found.
    """
    finds, hints, requests = [], [], []
    hint = None
    for _ in range(repeat):
        folded_text = quotes.fold(text)
        elapsed, found = seconds(partial(find_only, quote, folded_text))
        finds.append(elapsed)
        if not found:
            elapsed, hint = seconds(partial(quotes.closest_passage, text, quote, folded_text))
            hints.append(elapsed)
        requests.append(wall_and_cpu(partial(cold_locate, text, quote)))
    return statistics.median(finds), statistics.median(hints or [0.0]), max(requests), hint


def find_only(quote, folded_text):
    """
    The exact search alone, as ``locate_all`` makes it: the quote folded, and its occurrences on
    whole words (a private step of quotes.py, timed apart from the hint here).
    """
    folded_quote = quotes.fold(quote).text
    return list(quotes._whole_character_occurrences(folded_text, folded_quote))


def cold_locate(text, quote):
    """``try_locate`` as a worker's first request for the article meets it: nothing folded yet."""
    quotes.fold.cache_clear()
    return try_locate(text, quote)


def try_locate(text, quote):
    try:
        return quotes.locate_all(text, quote)
    except quotes.QuoteNotFound as missing:
        return missing.closest


def outcome(kind, quote, hint, original):
    """What an editor is shown: the passage found, or a hint and how like the quote it is."""
    if kind == "exact":
        return "found"
    if not hint:
        return "no hint"
    likeness = fuzz.ratio(quotes.fold(hint).text, quotes.fold(quote).text)
    where = "the passage" if quotes.fold(original).text in quotes.fold(hint).text else "elsewhere"
    return f"hint of {len(hint):,} characters, {likeness:.0f}% like the quote, {where}"


def measure_validation(text, repeat):
    """
    ``Citation.full_clean`` of a one-word near-miss below the limit and beyond it, the article
    read from the database and its fold not cached: for each quote length, the slowest of
    ``repeat`` runs as (wall, processor) seconds, and the message.
    """
    from django.core.exceptions import ValidationError
    from django.core.management import call_command

    from sourcing.models import Article, Citation, Company

    call_command("migrate", verbosity=0)
    article = Article.objects.create(
        title="Benchmark", publisher="Benchmark", language="en", source_filename="b.txt", body=text
    )
    company = Company.objects.create(name="Kestrel", slug="kestrel", kind=Company.Kind.CARMAKER)

    def validate(quote):
        quotes.fold.cache_clear()
        try:
            Citation(
                record=company, article=Article.objects.get(pk=article.pk), quote=quote
            ).full_clean()
        except ValidationError as refused:
            return " ".join(refused.message_dict["quote"])
        return "valid"

    for length in (2_000, quotes.MAX_QUOTE_LENGTH - 100, 10_000, 100_000):
        quote = variants(text, text, length)["word"]
        wall, cpu = max(wall_and_cpu(partial(validate, quote)) for _ in range(repeat))
        yield len(quote), wall, cpu, validate(quote)


def print_validation(text, repeat):
    """The validation's figures; returns the slowest as (wall, processor, what it was)."""
    print("Citation.full_clean of a quote with one word changed: wall, cpu, message (cut)")
    worst = (0.0, 0.0, "")
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "quotes.sqlite3")
        for length, wall, cpu, message in measure_validation(text, repeat):
            print(f"{length:>9,} {wall * 1000:>7.1f} ms {cpu * 1000:>7.1f} ms  {message[:72]}")
            worst = max(worst, (wall, cpu, f"full_clean of a quote of {length:,} characters"))
    return worst


def print_location(text, other, repeat):
    """The location's figures; returns the slowest request as (wall, processor, what it was)."""
    print(f"{'quote':>9} {'kind':<10} {'find':>9} {'hint':>9} {'request':>9} {'cpu':>9}  outcome")
    worst = (0.0, 0.0, "")
    for length in LENGTHS:
        quotes_of = variants(text, other, length)
        for kind, quote in quotes_of.items():
            find, hint_time, request, hint = measure(text, quote, repeat)
            print(
                f"{len(quote):>9,} {kind:<10} {find * 1000:>6.1f} ms {hint_time * 1000:>6.1f} ms "
                f"{request[0] * 1000:>6.1f} ms {request[1] * 1000:>6.1f} ms  "
                f"{outcome(kind, quote, hint, quotes_of['exact'])}"
            )
            worst = max(worst, (*request, f"{kind} quote of {len(quote):,} characters"))
    return worst


def print_repetition(size, repeat):
    """
    Texts that repeat themselves, outside the target: a sentence said over and over, where a
    near-miss's anchors are everywhere, and a page of dots, where a quote of dots occurs at every
    place and each occurrence is returned (the time grows with their number).
    """
    sentence = "Kestrel will deliver 12\u00a0GWh of cells from its plant in Linz every year. "
    said_again = sentence * (size // len(sentence))
    dots = "." * size
    cases = (
        ("repeated sentence, near-miss", said_again, sentence.replace("12", "15") * 13),
        ("page of dots, 100 dots", dots, "." * 100),
        (f"page of dots, {quotes.MAX_QUOTE_LENGTH:,} dots", dots, "." * quotes.MAX_QUOTE_LENGTH),
    )
    print("Texts repeating themselves (outside the target):")
    for label, text, quote in cases:
        request = max(seconds(partial(cold_locate, text, quote))[0] for _ in range(repeat))
        found = try_locate(text, quote)
        if isinstance(found, list):
            outcome = f"{len(found):,} occurrences"
        else:
            outcome = "hint" if found else "no hint"
        print(f"  {label:<36} {request * 1000:>7.1f} ms  {outcome}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="article size, UTF-8 bytes")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure")
    args = parser.parse_args()
    text, other = article(args.size, seed=1), article(args.size // 4, seed=2)
    quotes.fold.cache_clear()
    fold_time, _ = seconds(partial(quotes.fold, text))
    print(
        f"article: {len(text.encode()):,} bytes, {len(text):,} characters, "
        f"folded in {fold_time * 1000:.0f} ms (once per worker and article)"
    )
    print(f"citations refuse quotes over {quotes.MAX_QUOTE_LENGTH:,} characters before searching")
    worst = max(print_location(text, other, args.repeat), print_validation(text, args.repeat))
    wall, cpu, what = worst
    print(
        f"worst request: {wall * 1000:.0f} ms ({cpu * 1000:.0f} ms of processor), {what}; "
        "target under 1,000 ms"
    )
    print_repetition(args.size, args.repeat)


if __name__ == "__main__":
    main()
