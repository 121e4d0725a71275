"""The shipped name gazetteer: first names, surnames and common English words (see data/SOURCES.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def _load(name: str) -> frozenset[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@dataclass(frozen=True)
class Gazetteer:
    first_names: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]
    female_first_names: frozenset[str] = frozenset()
    male_first_names: frozenset[str] = frozenset()

    def is_first_name(self, word: str) -> bool:
        return _fold(word) in self.first_names

    def is_surname(self, word: str) -> bool:
        return _fold(word) in self.surnames

    def is_name(self, word: str) -> bool:
        return self.is_first_name(word) or self.is_surname(word)

    def first_name_gender(self, word: str) -> str | None:
        """ "f" or "m" when the name is listed for one gender only, else None."""
        folded = _fold(word)
        if folded in self.female_first_names:
            return "f"
        return "m" if folded in self.male_first_names else None

    def is_common_word(self, word: str, text: str | None = None) -> bool:
        """True for a frequent English word, or one that ``text`` also uses in lower case."""
        folded = _fold(word)
        return folded in self.common_words or (text is not None and folded in lowercase_words(text))


def _fold(word: str) -> str:
    return word.replace("’", "'").lower()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once from package data."""
    return Gazetteer(
        _load("first_names.txt"),
        _load("surnames.txt"),
        _load("common_words.txt"),
        _load("first_names_female.txt"),
        _load("first_names_male.txt"),
    )


@lru_cache(maxsize=32)
def lowercase_words(text: str) -> frozenset[str]:
    """Every all-lower-case word in ``text``: evidence that a capitalised form may be the plain word."""
    return frozenset(_LOWER_WORD.findall(text))
