"""Drafts read from a scan by OCR: a name as the scanner misread it is the same name.

A scanned report comes back with "0n" for "On", "C1ose" for "Close", "rn" for "m" and a space inside a word. A
name found once as written ("Ottoline Quarrell") is then also written "Quarre1l" or "Ott oline" a page later, and a
place is "llkley" for "Ilkley". Where the draft shows such misreadings, every found name is looked for
again with each letter allowed the shapes OCR confuses it with, and a word that is a known town once its "l" is
read as "I" is that town.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import regex as re

from redact.detect.finding import Finding
from redact.detect.gazetteer import fold, uk_places, world_towns
from redact.lexicon import english_words

SOURCE = "ocr-misreading"

# What OCR commonly reads a letter as, written by hand from the confusions OCR engines are known for ("rn" for "m",
# "cl" for "d", "vv" for "w", "1" and "I" for "l", "0" for "O").
_MISREADINGS: dict[str, tuple[str, ...]] = {
    "l": ("1", "I", "|", "i"),
    "I": ("l", "1", "|"),
    "i": ("l", "1"),
    "o": ("0",),
    "O": ("0",),
    "m": ("rn",),
    "w": ("vv",),
    "W": ("VV", "Vv"),
    "d": ("cl",),
    "y": ("v",),
    "S": ("5",),
    "B": ("8",),
}

# A word with a 0 or 1 among its letters: "C1ose", "SERI0US", "0n"; not "1st", "TF2" or a reference "AB1C".
_MISREAD_WORD = re.compile(r"(?<![\w])(?:\p{L}+[01]\p{L}*|[01]\p{Ll}+)(?![\w])")
_ORDINAL = re.compile(r"[01](?:st|nd|rd|th)", re.IGNORECASE)
_SIGNS_OF_A_SCAN = 3
_MIN_LETTERS = 4  # a shorter name misread matches too much ("Ida" as "1da" is fine, as "I da" is anything)


def looks_scanned(text: str) -> bool:
    """The draft has at least three different words with a 0 or 1 among their letters, as OCR leaves them."""
    words = {
        w
        for w in _MISREAD_WORD.findall(text)
        if not _ORDINAL.fullmatch(w) and not (w.isupper() and len(w) <= 4) and sum(c.isalpha() for c in w) >= 2
    }
    return len(words) >= _SIGNS_OF_A_SCAN


def _letter(char: str, first: bool) -> str:
    shapes = [char, *_MISREADINGS.get(char, ())]
    if not first:
        shapes += [char.swapcase(), *_MISREADINGS.get(char.swapcase(), ())]
    return "(?:" + "|".join(re.escape(s) for s in dict.fromkeys(shapes)) + ")"


@cache
def misread_pattern(name: str) -> re.Pattern[str]:
    """``name`` as OCR may have read it: each letter or a shape it is misread as, and a space inside a word of four
    letters or more ("Ott oline"). The first letter keeps its case ("llkley" for "Ilkley" is its misreading)."""
    words = []
    for word in name.split():
        gap = "[ ]?" if len(word) >= _MIN_LETTERS else ""
        words.append(gap.join(_letter(c, first=i == 0) for i, c in enumerate(word)))
    return re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])")


def _misread_occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    words = len(name.split())
    for match in misread_pattern(name).finditer(text):
        found = match.group()
        if found == name or len(found.split()) > words + 1:
            continue  # as written (propagation has it), or more than one space put inside the name
        yield match.span()


def misread_findings(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """In a scanned draft, the misread occurrences of found names, and places misread with "l" for "I"; nothing
    for a draft that shows no misreading. (A town's misreadings are not looked for: the board's own area, kept in
    its name, is misread in that name too.)"""
    if not looks_scanned(text):
        return []
    found = list(findings)
    covered = bytearray(len(text))
    for f in found:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    names = _forms_longest_first(tuple(f.text for f in found if f.label == "PERSON"))
    added: list[Finding] = []
    spans = [(span, "PERSON") for name in names for span in _misread_occurrences(text, name)]
    spans += [(span, "LOCATION") for span in _places_read_with_l(text)]
    name_before = {f.end: f.start for f in found if f.label == "PERSON"}
    for (start, end), label in spans:
        if covered.find(0, start, end) < 0:
            continue
        if text[start - 1 : start] == " " and start - 1 in name_before:
            start = name_before[start - 1]  # "Ottoline Quarre1l": one name, the first name found as written
        added.append(Finding(start, end, label, text[start:end], 0.6, SOURCE))
        covered[start:end] = b"\x01" * (end - start)
    return added


@lru_cache(maxsize=8)
def _forms_longest_first(names: tuple[str, ...]) -> tuple[str, ...]:
    """The forms of the names to look for, longest first, and of one length the one the draft writes most (the name
    as spelt, not the scan's misreading of it); read once per draft, not once per mention."""
    counts = Counter(form for name in names for form in _name_forms(name))
    return tuple(sorted(counts, key=lambda form: (-len(form), -counts[form], form)))


def _name_forms(name: str) -> Iterator[str]:
    """The found name and each of its words that no dictionary knows, of four letters or more: "Ottoline Quarrell",
    "Quarrell"."""
    words = [w.strip(".,;:()'’\"") for w in name.split()]
    for form in (" ".join(words), *words):
        if sum(c.isalpha() for c in form) >= _MIN_LETTERS and fold(form) not in english_words() and not any(
            c.isdigit() for c in form
        ):  # "Quarre1l" is itself a misreading
            yield form


_L_FOR_I = re.compile(r"(?<![\w])l\p{Ll}{2,}(?![\w])")


def _places_read_with_l(text: str) -> Iterator[tuple[int, int]]:
    """"llkley": a word no dictionary knows that is a known town once its "l" is read as "I"."""
    for match in _L_FOR_I.finditer(text):
        word = match.group()
        town = fold("I" + word[1:])
        if fold(word) not in english_words() and (town in world_towns() or town in uk_places()):
            yield match.span()


def as_meant(mention: str, names: Iterable[str]) -> str:
    """``mention`` with each misread name in it read as the name in ``names`` it misreads: "Ottoline Quarre1l" ->
    "Ottoline Quarrell", "Ott oline" -> "Ottoline"."""
    forms = _forms_longest_first(tuple(names))

    def meant(misreading: str) -> str | None:
        return next((form for form in forms if misread_pattern(form).fullmatch(misreading)), None)

    whole = meant(mention.strip())
    return whole or " ".join(meant(word) or word for word in mention.split())
