"""Distinctive heads of institution names: "Greystone" of "Greystone Academy".

A review names a school, practice or hospital in full once and then by its distinctive word alone
("Greystone said he was doing well"). The head is the leading run of name words before the first
generic word ("Primary", "Medical", "General" ...), with "St"/"Saint" kept ("St Mary's"), a leading
"The" dropped ("The Elms Surgery" -> "Elms"). A name that opens with a generic word ("Central",
"North", "Royal") has no head, and neither has one whose head is a well-known place ("Leeds General
Infirmary") or a kept phrase; a head that is a common English word ("Kingfisher" of "Kingfisher Ward")
counts only where the draft never writes it in lower case. The short name keeps the generic words and
drops only the institution word: "Heathfield General" of "Heathfield General Hospital".

Propagation looks for every head found this way, in its own capitals, with the label of its institution.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from redact.detect.gazetteer import fold, geonames_cities
from redact.detect.keep import is_nationality_word
from redact.detect.recognizers.institutions import (
    GENERIC,
    GpPracticeRecognizer,
    HospitalRecognizer,
    OrganisationRecognizer,
    SchoolRecognizer,
    WardRecognizer,
)

HEAD_LABELS = frozenset({"SCHOOL", "GP_PRACTICE", "HOSPITAL", "ORGANISATION"})
_SAINTS = {"st", "st.", "saint"}
_WORD = regex.compile(r"[\p{L}][\p{L}\d'’.-]*|&")
# words that say a congregation's tradition, after its own name: "... Romanian Orthodox Parish"
_FAITH_WORDS = {"orthodox", "pentecostal", "baptist", "anglican", "evangelical", "apostolic", "reformed", "full",
                "gospel", "christian", "islamic", "muslim", "sikh", "hindu", "jewish", "catholic", "methodist"}
_LEADING_GENERIC = {"north", "south", "east", "west", "central", "new", "old", "great", "upper", "lower", "royal"}
_INSTITUTIONS = (SchoolRecognizer, GpPracticeRecognizer, HospitalRecognizer, WardRecognizer, OrganisationRecognizer)
_INSTITUTION_WORD = regex.compile(
    r"[ \t]+(?i:"
    + "|".join(r.HEAD for r in _INSTITUTIONS)
    + r")$"
)


# bodies that share an area's name with a hospital or a school: "Quell Vale Hospitals NHS Foundation Trust"
_BODY_WORDS = (
    r"Hospitals|Trusts?|Council|Partnership|Board|Authority|Services?|Police|Constabulary|Foundation|Association|"
    r"Group|Ltd|Limited|CIC|Charity|Centre|Clinic|Schools|Academies|Federation|Agency"
)
_ANY_INSTITUTION_WORD = regex.compile(
    r"(?<![\w'’-])(?i:" + "|".join(r.HEAD for r in _INSTITUTIONS) + "|" + _BODY_WORDS + r")(?![\w'’-])"
)


def institution_word(name: str) -> bool:
    """``name`` holds a word that names a kind of institution or public body ("Hospital", "Trust", "Council")."""
    return _ANY_INSTITUTION_WORD.search(name) is not None


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
    for index, word in enumerate(words):
        if _is_generic(word) or not word[0].isupper():
            break
        if len(run) >= 2 and all(_tradition(rest) for rest in words[index:]):
            break  # "Holy Archangels" of "Holy Archangels Romanian Orthodox Parish"
        run.append(word)
    if not run:
        return None
    text = " ".join(run)
    if len(text) < 4 or (len(run) == 1 and _is_place(text)):
        return None  # a common word ("Kingfisher" of "Kingfisher Ward") is left to the draft's own usage
    return Head(text, label)


def short_name(name: str, label: str) -> Head | None:
    """The name without its last institution word, where a generic word still ends it or opens it: "Quellfen
    General" of "Quellfen General Hospital", "Tarnmoor Children's" of "Tarnmoor Children's Hospital", "Quellbrook
    Primary" of "Quellbrook Primary School", "Royal Quellbury" of "Royal Quellbury Hospital"."""
    if label not in HEAD_LABELS:
        return None
    ending = _INSTITUTION_WORD.search(" ".join(name.split()))
    if ending is None:
        return None
    words = _WORD.findall(" ".join(name.split())[: ending.start()])
    if words and words[0].lower() == "the":
        words = words[1:]
    # "Royal Quellbury" of "Royal Quellbury Hospital": a leading generic word before a distinctive one
    leading = len(words) >= 2 and words[0].lower() in _LEADING_GENERIC and not _is_generic(words[-1])
    if len(words) < 2 or not (leading or (_is_generic(words[-1]) and not _is_generic(words[0]))):
        return None
    return Head(" ".join(words), label)


def opens_generically(name: str) -> bool:
    """The name opens with a generic word no person's name opens with ("Royal Quellbury", "North Quellmoor")."""
    return name.split()[0].lower() in _LEADING_GENERIC if name.split() else False


def _tradition(word: str) -> bool:
    """A word that says a congregation's tradition or people: "Orthodox", "Pentecostal", "Romanian"."""
    return word.lower() in _FAITH_WORDS or is_nationality_word(word)


def _is_generic(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in GENERIC or low in _LEADING_GENERIC


def _is_place(word: str) -> bool:
    return fold(regex.sub(r"['’]s$", "", word)) in _well_known_places()


@cache
def _well_known_places() -> frozenset[str]:
    """Cities of the world with 15,000+ people and every UK county and city (GeoNames)."""
    return frozenset(fold(c["name"]) for c in geonames_cities())
