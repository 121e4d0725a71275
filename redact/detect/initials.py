"""Initials that key a name: the letters minutes and case notes write for a person."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def keys_the_name(key: str, name: str) -> bool:
    """ "PRow" for Paul Rowntree, "KMcA" for Kirsty McAllister, "TMc" for T. McAllister, "KOB" for K. O'Brien,
    "BW" for Bethany Ward: each word of the name gives the key its first letter and perhaps more letters
    taken in order from the same word; the key has at least two capitals."""
    words = [w.casefold() for w in _WORD.findall(name)]
    if sum(c.isupper() for c in key) < 2 or len(words) < 2 or not key.isalpha():
        return False
    return _spells(key.casefold(), words)


def _spells(key: str, words: list[str]) -> bool:
    if not words:
        return not key
    word = words[0]
    if not key or key[0] != word[0]:
        return False
    for size in range(1, len(key) - len(words) + 2):
        rest = iter(word[1:])
        if all(letter in rest for letter in key[1:size]) and _spells(key[size:], words[1:]):
            return True
    return False


def written_surname_first(name: str) -> bool:
    """ "OKAFOR-BYRNE, Adaeze": a record's surname in capitals, a comma, then the given name (its initials are AO)."""
    head, comma, rest = name.strip().partition(",")
    return bool(comma) and len(head) >= 2 and " " not in head and head.isupper() and rest.strip()[:1].isupper()


# a staff code's cell before a key's initials: "HV2<TAB>", "CNN<TAB>"
STAFF_CODE_CELL = r"[A-Z]{2,4}\d{0,2}[ \t]*\t[ \t]*"
# a key's staff code in the cell before the initials of the practitioner it stands for: "PN<TAB>LM - Practice
# Nurse", "HV2 | MOQ - Mabel O'Quill" (not "EQ<TAB>Ebun Quill - subject", a key of people's initials)
_STAFF_CODE_KEY = re.compile(
    r"^[ \t|]*(?P<code>[A-Z]{2,4})\d{0,2}[ \t]*[\t|][ \t]*(?:Dr\.?[ \t]+)?[A-Z]{2,4}[a-z]?[ \t]*[-–—:][ \t]+\S", re.M
)


@lru_cache(maxsize=8)
def staff_codes(text: str) -> frozenset[str]:
    """The codes a chronology's key gives its practitioners' posts ("PN", "HV"): no one's initials in that draft,
    whoever else has those letters."""
    return frozenset(match.group("code") for match in _STAFF_CODE_KEY.finditer(text))
