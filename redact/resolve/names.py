"""Person-name helpers: titles, possessives, name parts, nickname and gender evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex
from nameparser import HumanName
from nicknames import NickNamer

from redact.detect.gazetteer import fold, gazetteer, pet_forms
from redact.detect.keep import vocabulary
from redact.detect.names import NICKNAME_EPITHETS
from redact.visible import HYPHEN_BEFORE_CAPITAL, LINE_END_HYPHEN

# Honorifics and ranks that may stand before a name; the value is the gender they imply (None: any).
TITLES: dict[str, str | None] = {
    "mr": "m", "master": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "doctor": None,
    "prof": None, "professor": None, "rev": None, "reverend": None, "sir": "m", "dame": "f", "lady": "f",
    "lord": "m", "cllr": None, "councillor": None, "judge": None, "hhj": None, "justice": None, "nurse": None,
    "pc": None, "wpc": "f", "dc": None, "ds": None, "di": None, "dci": None, "dsi": None, "sgt": None,
    "sergeant": None, "inspector": None, "constable": None, "detective": None, "supt": None,
    "superintendent": None, "ch": None, "chief": None, "acting": None,
    "pastor": None, "imam": "m", "rabbi": None, "fr": "m", "sheikh": "m", "deacon": None, "canon": None,
    "deaconess": "f", "evangelist": None, "apostle": None, "prophetess": "f",
    "dj": None, "ddj": None, "recorder": None, "paramedic": None, "emt": None, "emd": None,
}  # fmt: skip
# every other title detection reads before a name, of no gender: the services' ranks ("Capt Quill", "Lance
# Corporal Quill"), fire and rescue ranks ("Watch Manager Quill"); not the words read by their own rules ("Baby
# Quill", a newborn; "Sister Quill", a nurse or a sibling; "Midwife Quill", a job)
TITLES.update({
    title.lower(): None for title in vocabulary().titles
    if title.lower() not in TITLES and title.lower() not in ("baby", "sister", "midwife")
})  # fmt: skip
# ranks as police logs write them ("PS" a police sergeant, "TDC" a trainee detective constable)
POLICE_TITLES = frozenset({"pc", "wpc", "pcso", "dc", "ds", "di", "dci", "dsi", "sgt", "sergeant", "inspector",
                           "constable", "detective", "supt", "superintendent",
                           "ps", "dsgt", "insp", "tdc", "dsupt"})  # fmt: skip

# "PC 4471 Drabble", "Sgt 2274JC Paul Whitby": rank, collar number and name are one mention of one officer
RANK_AND_COLLAR = re.compile(
    r"\b(?:" + "|".join(sorted(POLICE_TITLES, key=len, reverse=True)) + r")\.?(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?P<number>\d{2,6}(?:[A-Z]{2})?)(?:[ \t]+|[ \t]*\n[ \t]*)$",  # "PS<BREAK>817 Pelbury" too
    re.IGNORECASE,
)
# a full stop only after an abbreviation ("Dr.", "Supt."): "... a community nurse. Ebun was seen" has no title
_TITLE_WORD = (
    r"(?:d/|det\.?\s)?(?:(?:" + "|".join(sorted((t for t in TITLES if len(t) <= 4), key=len, reverse=True)) + r")\.?"
    r"|" + "|".join(sorted((t for t in TITLES if len(t) > 4), key=len, reverse=True)) + r")"
)
# One or more title words (e.g. "Detective Sergeant", "Ch Insp") immediately before a name.
TITLE_BEFORE = re.compile(r"(?:\b" + _TITLE_WORD + r"\s+)+$", re.IGNORECASE)
TITLE_INSIDE = re.compile(r"^(?:" + _TITLE_WORD + r"\s+)+", re.IGNORECASE)
# "Baby Hereward" in a birth record: a child's surname after "Baby" (only inside a found name, never before one).
_CHILD_PREFIX = re.compile(r"^baby\s+(?=[A-Z])", re.IGNORECASE)
CHILD_TITLES = frozenset({"master", "baby"})
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$|['’]$")

_nicknamer = NickNamer()


def strip_possessive(text: str) -> tuple[str, str]:
    """Split ``"Kelly's"`` into ``("Kelly", "'s")``; ``"Jones'"`` into ``("Jones", "'")``."""
    match = re.search(r"['’][sS]$|(?<=[sS])['’]$", text)
    if match:
        return text[: match.start()], text[match.start() :]
    return text, ""


def title_words(text: str) -> list[str]:
    return [w.rstrip(".").lower().removeprefix("d/") for w in text.split()]


def _lower_rank(title: str) -> bool:
    """ "Di Fox" is a name: police rank abbreviations count as titles only in capitals ("DI Fox")."""
    words = title.split()
    return any(w.rstrip(".").lower() in _RANK_ABBREVIATIONS and not w.isupper() for w in words)


_RANK_ABBREVIATIONS = frozenset({"pc", "wpc", "dc", "ds", "di", "dci", "dsi"})


def near_spelling(a: str, b: str) -> bool:
    """True for two surnames one edit apart (Pryce ~ Price), both at least five letters long."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def title_gender(titles: list[str]) -> str | None:
    genders = {TITLES.get(t) for t in titles} - {None}
    return genders.pop() if len(genders) == 1 else None


@dataclass(frozen=True)
class NameParts:
    """A person mention reduced to comparable parts (lower case, no title, no possessive)."""

    tokens: tuple[str, ...]
    titles: tuple[str, ...]
    first: str | None  # None for a single token that could be either
    last: str | None
    single: str | None  # the token of a one-word mention
    initials: str | None  # "ks" for a mention written "KS"

    @property
    def is_full(self) -> bool:
        return self.first is not None and self.last is not None


def parse_name(text: str, title_before: str = "") -> NameParts:
    """Parse a PERSON mention; ``title_before`` is any title found just before its span. A name a PDF wrapped
    with a hyphen ("Kowa-<LINE BREAK>lczyk", "Quill-<LINE BREAK>Pelbury") is read whole."""
    bare, _ = strip_possessive(HYPHEN_BEFORE_CAPITAL.sub("-", LINE_END_HYPHEN.sub("", text.strip())))
    titles = title_words(title_before)
    inside = TITLE_INSIDE.match(bare) or _CHILD_PREFIX.match(bare)
    if inside and not _lower_rank(inside.group(0)):
        titles += title_words(inside.group(0))
        bare = bare[inside.end() :]
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", bare)
    if len(words) > 1 and words[0] in NICKNAME_EPITHETS:
        words = words[1:]  # "Big Tom" is a Tom
    tokens = tuple(fold(t) for t in words)
    tokens = tuple(t.rstrip(".") for t in tokens if t.rstrip("."))
    if not tokens:
        return NameParts((), tuple(titles), None, None, None, None)
    # "K.S.", "K S": initials; "C A-M", a hyphenated surname's letters as a record writes them
    if len(tokens) > 1 and all(re.fullmatch(r"[^\W\d_](?:-[^\W\d_])*", t) for t in tokens):
        letters = "".join(tokens).replace("-", "")
        return NameParts(tokens, tuple(titles), None, None, letters, letters)
    if len(tokens) == 1:
        token = tokens[0]
        initials = token if 2 <= len(token) <= 3 and bare.strip().isupper() else None
        if re.fullmatch(r"[^\W\d_](?:-[^\W\d_])+", token) and bare.strip().isupper():
            initials = token.replace("-", "")  # "R-E" for Rose-Ellen: the letters of a double first name
        return NameParts(tokens, tuple(titles), None, None, token, initials)
    if "," in bare:  # "PRYCE, Shannon"
        human = HumanName(bare)
        first, last = fold(human.first) or tokens[-1], fold(human.last) or tokens[0]
    elif _SURNAME_THEN_INITIALS.fullmatch(bare) and not any(gazetteer().is_first_name(p) for p in words[0].split("-")):
        first, last = tokens[1], tokens[0]  # "QUELLODE T": an arrest log's surname, then initial; not "LOTTIE Q."
    elif SURNAME_FIRST.fullmatch(bare):  # "PHENG Lok Yee", "QUARRELL Ebun": a record's family name first
        given = tokens[1:]
        # two short syllables are one given name ("Lok Yee", who is not her twin "Lok Sze"); else a first
        # name and a middle one ("QUARRELL Ottoline Ebun")
        first, last = ("-".join(given) if len(given) == 2 and all(len(t) <= 4 for t in given) else given[0]), tokens[0]
    else:
        first, last = tokens[0], tokens[-1]
    return NameParts(tokens, tuple(titles), first.rstrip("."), last, None, None)


# an arrest log's "QUELLODE T" (no full stop: "LOTTIE Q." is a first name and the initial a label gives a surname)
_SURNAME_THEN_INITIALS = regex.compile(r"\p{Lu}{2,}(?:[-'’]\p{Lu}+)*(?:[ \t]+\p{Lu}){1,2}")
# a family name in capitals before given names that are not: how records (and some families) write a name
# ("IGNATIUS McQUARRELL" is a name in capitals, its surname's prefix written small)
SURNAME_FIRST = regex.compile(
    r"(?=\p{Lu}[\p{Lu}'’-])\p{Lu}+(?:[-'’]\p{Lu}+)*(?:[ \t]+\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*){1,2}"
)


@lru_cache(maxsize=2**18)  # asked for every pair of a one-word mention and a person: many, and often the same
def nickname_match(a: str, b: str) -> bool:
    """True when two first names can be the same person's (Will ~ William, Jay ~ Jayden, Deano ~ Dean)."""
    if a == b:
        return True
    if b in _nicknamer.nicknames_of(a) or a in _nicknamer.nicknames_of(b):
        return True
    if _nicknamer.canonicals_of(a) & (_nicknamer.canonicals_of(b) | {b}):
        return True
    if b in _nicknamer.canonicals_of(a):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and short.endswith("s") and short[:-1] in _nicknamer.nicknames_of(long_):
        return True  # "Nates" of Ignatius: the list's "nate" with the "s" friends add
    if len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 5:  # Phil ~ Philomena
        return True
    # "Algy" for Algerina: a pet form, and the list's Algy of Algernon a spelling away (not every pet form)
    if len(short) >= 3 and short in pet_forms(long_) and any(
        name[:4] == long_[:4] for name in _nicknamer.canonicals_of(short)
    ):
        return True
    return _z_diminutive(short, long_)


def _z_diminutive(short: str, long_: str) -> bool:
    """The British "-z" pet form: the name's opening up to the "r" after its first vowel, "z" for the rest
    (Daz ~ Darren, Shaz ~ Sharon, Kaz ~ Karen, Gaz ~ Gary, Tez ~ Terry, Jez ~ Jeremy)."""
    opening = short[:-1]
    return len(short) in (3, 4) and short.endswith("z") and opening[-1] in "aeiou" and long_.startswith(opening + "r")


def initial_match(initial: str, name: str) -> bool:
    return len(initial) == 1 and name.startswith(initial)


def name_gender(first: str) -> str | None:
    """ "f" or "m" when Faker's name lists give the first name one gender only; a double-barrelled first name
    by its parts ("Amber-Rose", "Tyler-James") when they agree."""
    genders = {gazetteer().first_name_gender(part) for part in first.split("-") if part} - {None}
    return genders.pop() if len(genders) == 1 else gazetteer().first_name_gender(first)


_SISTER_BEFORE = re.compile(r"(?:(?P<word>[\w'’]+)\s+)?\bSister\s+$")
_SISTER_TITLE = re.compile(r"\bSister\s+$")
_RELATION_OWNERS = frozenset({"her", "his", "their", "my", "your", "our", "a", "the", "older", "younger", "big"})


def nursing_sister(before: str) -> re.Match[str] | None:
    """ "the school nurse, Sister Bridget Mulcahy": a capitalised "Sister" that no "her" owns is a title."""
    match = _SISTER_BEFORE.search(before)
    if match is None or (match.group("word") or "").lower() in _RELATION_OWNERS:
        return None
    return _SISTER_TITLE.search(before)  # the title alone, not the word before it
