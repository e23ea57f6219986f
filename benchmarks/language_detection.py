"""
Benchmark of language detection (sourcing.documents.language) on short English, French and German
news text: headlines, single sentences, press-release lines, and names or figures that are in no
language at all. Prints figures, asserts nothing.

    .venv/bin/python benchmarks/language_detection.py [--compare]

The samples (benchmarks/data/language_samples.tsv, written for this benchmark) are split into a
development half, on which MIN_CONFIDENCE was chosen (the table of thresholds), and a test half,
on which the chosen threshold is then measured. --compare also measures langdetect and
lingua-language-detector, each in a process of its own, if they are installed (they are not
project dependencies: `pip install langdetect lingua-language-detector` into a scratch venv).
"""

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from common import PROJECT_DIR  # benchmarks/common.py: puts the project on the path

SAMPLES = Path(__file__).parent / "data" / "language_samples.tsv"
THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def halves():
    """(development, test): each language's samples dealt alternately to one half and the other."""
    by_language = {}
    with SAMPLES.open(encoding="utf-8") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            language = None if row["language"] == "-" else row["language"]
            by_language.setdefault(language, []).append((row["text"], language))
    development = [sample for rows in by_language.values() for sample in rows[0::2]]
    test = [sample for rows in by_language.values() for sample in rows[1::2]]
    return development, test


def score(answers, samples):
    """
    Right answers (None for a text in no language), wrong ones (another language, or one for a
    text in none), and unsure ones (None for a text in a language).
    """
    pairs = list(zip(answers, (expected for _, expected in samples), strict=True))
    right = sum(1 for answer, expected in pairs if answer == expected)
    unsure = sum(1 for answer, expected in pairs if answer is None and expected is not None)
    return right, len(pairs) - right - unsure, unsure


def py3langid_answers(samples, threshold):
    from sourcing.documents import language

    original = language.MIN_CONFIDENCE
    language.MIN_CONFIDENCE = threshold
    try:
        return [language.detect_language(text) for text, _ in samples]
    finally:
        language.MIN_CONFIDENCE = original


def print_thresholds(development):
    print(f"Development half ({len(development)} texts): py3langid by MIN_CONFIDENCE")
    print("  threshold  right  wrong  unsure")
    for threshold in THRESHOLDS:
        right, wrong, unsure = score(py3langid_answers(development, threshold), development)
        print(f"  {threshold:9.2f}  {right:5d}  {wrong:5d}  {unsure:6d}")


def print_test_half(test):
    from sourcing.documents.language import MIN_CONFIDENCE

    start = time.perf_counter()
    answers = py3langid_answers(test, MIN_CONFIDENCE)
    elapsed = (time.perf_counter() - start) / len(test) * 1000
    right, wrong, unsure = score(answers, test)
    languages = sum(1 for _, expected in test if expected)
    print(
        f"\nTest half ({len(test)} texts, {languages} in a language), MIN_CONFIDENCE "
        f"{MIN_CONFIDENCE}: {right} right, {wrong} wrong, {unsure} unsure; "
        f"{elapsed:.2f} ms per text (model loaded)"
    )
    for answer, (text, expected) in zip(answers, test, strict=True):
        if answer != expected:
            print(f"  {text!r}: expected {expected}, answered {answer}")


# Each candidate as it is used by default: its best guess for every text.
CANDIDATES = {
    "py3langid": (
        "from py3langid.langid import LanguageIdentifier, MODEL_FILE\n"
        "identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)\n"
        "guess = lambda text: identifier.classify(text)[0]\n"
    ),
    "langdetect": (
        "from langdetect import DetectorFactory, detect\n"
        "DetectorFactory.seed = 0\n"
        "detect('warm up')\n"
        "guess = detect\n"
    ),
    "lingua": (
        "from lingua import LanguageDetectorBuilder\n"
        "builder = LanguageDetectorBuilder.from_all_languages()\n"
        "detector = builder.with_preloaded_language_models().build()\n"
        "def guess(text):\n"
        "    found = detector.detect_language_of(text)\n"
        "    return found.iso_code_639_1.name.lower() if found else None\n"
    ),
}
MEASURE = """
import json, sys, time
samples = json.loads(sys.stdin.read())
start = time.perf_counter()
{setup}
loaded = time.perf_counter() - start
start = time.perf_counter()
answers = [guess(text) for text, _ in samples]
per_text = (time.perf_counter() - start) / len(samples)
# The peak resident size of this process since it started (ru_maxrss would include its parent's).
status = open("/proc/self/status").read()
memory = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({{"answers": answers, "loaded": loaded, "per_text": per_text, "memory": memory}}))
"""


def print_comparison(samples):
    nowhere = sum(1 for _, expected in samples if expected is None)
    print(
        f"\nEach library's best guess on all {len(samples)} texts (a process each); a guess is "
        f"wrong for each of the {nowhere} texts in no language:"
    )
    print("  library      right  wrong  unsure  load s  ms/text  peak MB")
    for name, setup in CANDIDATES.items():
        result = subprocess.run(
            [sys.executable, "-c", MEASURE.format(setup=setup)],
            input=json.dumps(samples),
            capture_output=True,
            text=True,
            cwd=PROJECT_DIR,
        )
        if result.returncode:
            print(f"  {name:11}  not installed or failed: {result.stderr.strip().splitlines()[-1]}")
            continue
        figures = json.loads(result.stdout)
        right, wrong, unsure = score(figures["answers"], samples)
        print(
            f"  {name:11}  {right:5d}  {wrong:5d}  {unsure:6d}  {figures['loaded']:6.2f}  "
            f"{figures['per_text'] * 1000:7.2f}  {figures['memory']:7.0f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", action="store_true", help="also langdetect and lingua")
    arguments = parser.parse_args()
    development, test = halves()
    print_thresholds(development)
    print_test_half(test)
    if arguments.compare:
        print_comparison(development + test)
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of this process: {memory:.0f} MB")


if __name__ == "__main__":
    main()
