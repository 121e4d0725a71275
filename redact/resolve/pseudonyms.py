"""Deterministic, readable pseudonyms: numbered by first appearance, never shared by two entities."""

from __future__ import annotations

import string
from collections import Counter, defaultdict
from itertools import count, product

import regex

from redact.resolve.vocabulary import KINDS, NUMBERED_WHEN_SEVERAL

PLACE_STEMS = {
    "SCHOOL": ("School", "number"),
    "GP_PRACTICE": ("GP Practice", "number"),
    "HOSPITAL": ("Hospital", "number"),
    "ORGANISATION": ("Organisation", "number"),
    "LOCATION": ("Town", "letter"),
}
# A place's own kind where its name says it, so that the story reads right: "attended Dental Practice 1", not
# "GP Practice 2". A ward stays a "Hospital": "Ward" is a common surname, and a pseudonym must not carry one.
# (label, words of the name, stem)
SPECIFIC_PLACE_STEMS = (
    ("GP_PRACTICE", regex.compile(r"(?i)\b(?:dental|dentists?)\b"), "Dental Practice"),
    ("GP_PRACTICE", regex.compile(r"(?i)\bopticians?\b"), "Opticians"),
    ("HOSPITAL", regex.compile(r"(?i)\bhospice\b"), "Hospice"),
    ("SCHOOL", regex.compile(r"(?i)\b(?:nursery|pre-?school|playgroup)\b"), "Nursery"),
    ("SCHOOL", regex.compile(r"(?i)\bcollege\b"), "College"),
    ("ORGANISATION", regex.compile(r"(?i)\b(?:church|chapel|mosque|masjid|gurdwara|temple)\b"), "Place of Worship"),
    ("ORGANISATION", regex.compile(r"(?i)\b(?:mandir|synagogue|tabernacle|kingdom hall)\b"), "Place of Worship"),
    ("ORGANISATION", regex.compile(r"(?i)\b(?:pharmacy|chemists?)\b"), "Pharmacy"),
    ("ORGANISATION", regex.compile(r"(?i)\b(?:hotel|guest house|b&b)\b"), "Hotel"),
    ("ORGANISATION", regex.compile(r"(?i)\b(?:holiday park|caravan park|caravan site|park homes)\b"), "Caravan Park"),
    ("ORGANISATION", regex.compile(r"(?i)\btravell?ers?['’]? site\b"), "Traveller Site"),
    ("ORGANISATION", regex.compile(r"(?i)\bclinic\b"), "Clinic"),
)
PLACE_ROLES = {"SCHOOL": "school", "GP_PRACTICE": "gp_practice", "HOSPITAL": "hospital",
               "ORGANISATION": "organisation", "LOCATION": "town"}  # fmt: skip


def _letters():  # type: ignore[no-untyped-def]
    for size in count(1):
        for letters in product(string.ascii_uppercase, repeat=size):
            yield "".join(letters)


def several_holders(roles: list[str]) -> frozenset[str]:
    """The aunt and uncle roles that more than one person holds ("Paternal uncle 1", "Paternal uncle 2"), and the
    subject child where a review is of several children ("Child A", "Child B")."""
    counts = Counter(roles)
    return frozenset(role for role in (*NUMBERED_WHEN_SEVERAL, "subject_child") if counts[role] > 1)


class PseudonymBook:
    """Hands out pseudonyms in the order asked; the caller asks in order of first appearance."""

    def __init__(self, several: frozenset[str] = frozenset()) -> None:
        self.several = several  # one-only roles that more than one person holds here: numbered
        self.used: set[str] = set()
        self._numbers: dict[str, int] = defaultdict(int)
        self.warnings: list[str] = []
        self._subject_given = False

    def reserve(self, pseudonym: str) -> None:
        self.used.add(pseudonym)

    def numbered(self, stem: str, style: str = "number") -> str:
        if style == "letter":
            for letters in _letters():
                candidate = f"{stem} {letters}"
                if candidate not in self.used:
                    self.used.add(candidate)
                    return candidate
        while True:
            self._numbers[stem] += 1
            candidate = f"{stem} {self._numbers[stem]}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate

    def for_role(self, role: str, what: str, subject_pseudonym: str = "Child A") -> tuple[str, str]:
        """(role, pseudonym) for a person; a second holder of a one-only role becomes an adult."""
        kind = KINDS.get(role) or KINDS["professional"]
        if role == "subject_child" and not self._subject_given:
            self._subject_given = True
            self.used.add(subject_pseudonym)
            return role, subject_pseudonym
        if role == "subject_child" and role in self.several:  # a review of several children: "Child B", ...
            return role, self.numbered(KINDS["child"].base, KINDS["child"].numbering)
        if role in self.several:
            return role, self.numbered(kind.base)
        if role == "subject_child" or kind.numbering == "unique":
            if role != "subject_child" and (kind.base not in self.used or kind.role == "family_member"):
                self.used.add(kind.base)
                return role, kind.base
            fallback = "child" if role == "subject_child" else "adult"
            pseudonym = self.numbered(KINDS[fallback].base, KINDS[fallback].numbering)
            self.warnings.append(
                f"two people look like the {role.replace('_', ' ')}: {what} was given {pseudonym!r} instead"
            )
            return fallback, pseudonym
        return role, self.numbered(kind.base, kind.numbering)

    def for_place(self, label: str, name: str = "") -> str:
        """The next pseudonym for a place of this label, of its own kind where ``name`` says it."""
        stem, style = PLACE_STEMS[label]
        for kind_label, words, kind_stem in SPECIFIC_PLACE_STEMS:
            if kind_label == label and words.search(name):
                stem = kind_stem
                break
        return self.numbered(stem, style)
