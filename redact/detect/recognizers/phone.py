"""UK telephone numbers, found with Google's libphonenumber (the ``phonenumbers`` port)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from presidio_analyzer.nlp_engine import NlpArtifacts

from redact.detect.recognizers.base import UkEntityRecognizer

_WRAPPED = re.compile(r"(?<=\d)[ \t]*\n[ \t]*(?=\d)")
# "a mobile ending 372", "mob ending in 0641", "Mob TK ending 7730" (whose mobile between), "last four digits
# 0417": the tail of a number, which with the rest of the report can be enough to find it
_PARTIAL = re.compile(
    r"(?i:\b(?:mobile|mob|phone|tel|telephone|landline|number|no\.?)(?:[ \t]+[\w.'’]+){0,2}?[ \t]+(?:ending|ends)"
    r"(?:[ \t]+(?:in|with))?"
    r"|\blast[ \t]+(?:two|three|four|\d)[ \t]+digits(?:[ \t]+(?:of|were|being))?)[ \t]*:?[ \t]*[\"“‘']?"
    r"(\d{2,4})(?!\d)"
)
# an internal line: "ext 4471", "extension 2237", "bleep 3310", "pager 0412": how staff in a hospital are reached
_INTERNAL = re.compile(r"(?i:\b(?:ext|extn|extension|bleep|bleeps|pager))\.?[ \t]*:?[ \t]*(\d{3,5})(?!\d)")
PARTIAL_SCORE = 0.6
VALID_SCORE = 0.9  # libphonenumber says the number is allocatable
# a number written as dialled in the UK: "07700 900555", "01632 960 555", "+44 7700 900555"
_DIALLED = re.compile(r"(?<![\w+])(?:\+[ ]?44[ ]?(?:\(0\)[ ]?)?|0)\d(?:[ ]?\d){8,10}(?![\d])")
_LENIENCY = phonenumbers.Leniency.POSSIBLE  # recall first; _score() asks more of a merely possible number
POSSIBLE_SCORE = 0.7  # right length and shape (e.g. Ofcom's drama numbers 07700 900xxx)


class UkPhoneRecognizer(UkEntityRecognizer):
    """Landlines, mobiles and +44 numbers with spaces, dashes or brackets.

    ``PhoneNumberMatcher`` runs with POSSIBLE leniency (recall first); a merely possible number must
    be written as a dialled number (leading 0, +44 or 0044) and not look like a date or reference.
    """

    ENTITY = "PHONE"
    CONTEXT = ["tel", "telephone", "phone", "mobile", "call", "called", "number", "contact"]

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        # "07700\n900305": a number wrapped at a line end, read as one (spaces keep every offset); but read as
        # written too, for a number whole on its line before a page number ("01632 960 733\n3")
        unwrapped = _WRAPPED.sub(lambda m: " " * len(m.group()), text)
        seen: set[tuple[int, int]] = set()
        for version in (unwrapped, text) if unwrapped != text else (text,):
            for match in phonenumbers.PhoneNumberMatcher(version, "GB", leniency=_LENIENCY):
                score = _score(match)
                # "(07700 900555)": the bracket around the number is the sentence's, not the number's "(0161)"
                start = match.start + (match.raw_string.startswith("(") and ")" not in match.raw_string)
                if score and (start, match.end) not in seen:
                    seen.add((start, match.end))
                    yield start, match.end, score
        # what the matcher split, read again on its own: "ending 555 (07700 900555).3" with a footnote glued on
        for candidate in _DIALLED.finditer(unwrapped):
            if any(a < candidate.end() and candidate.start() < b for a, b in seen):
                continue
            offset = candidate.start()
            for match in phonenumbers.PhoneNumberMatcher(candidate.group(), "GB", leniency=_LENIENCY):
                score = _score(match)
                if score:
                    seen.add((offset + match.start, offset + match.end))
                    yield offset + match.start, offset + match.end, score
        for match in [*_PARTIAL.finditer(text), *_INTERNAL.finditer(text)]:
            yield match.start(1), match.end(1), PARTIAL_SCORE


def _score(match: phonenumbers.PhoneNumberMatch) -> float:
    if phonenumbers.is_valid_number(match.number):
        return VALID_SCORE
    if _looks_dialled(match.raw_string) and len(phonenumbers.national_significant_number(match.number)) >= 9:
        return POSSIBLE_SCORE
    return 0.0


def _looks_dialled(raw: str) -> bool:
    if "/" in raw or "." in raw:
        return False
    head = raw.lstrip("( ")
    return head.startswith(("0", "+44", "+ 44"))
