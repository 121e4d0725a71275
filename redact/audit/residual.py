"""The residual scan: a second net, independent of detection, for what detection missed.

Verify can only search for what the key holds, and the key holds only what detection found. The residual
scan reads each published text and lists every capitalised word or handle-like token ("jwils_09", "@kel_x"),
and every number shaped like a record's identifier ("486 201 7735"), that nothing explains: not a pseudonym
or placeholder, not a kept name (named roles, statutory phrases, the texts a reviewer kept), not an agency or
board name, not an English word, a job, agency or report word, a title, a well-known place, a nationality,
language or ethnic group, or a month or day. What is left is for a person to read: most of it is a name the
lists do not know, or a name detection missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from redact.audit.key import Key
from redact.audit.verify import mask_phrases, mask_spans
from redact.detect.gazetteer import CALENDAR_WORDS, country_names, fold, is_well_known_place, language_names
from redact.detect.keep import agency_spans, board_name_spans, is_nationality_word, vocabulary
from redact.detect.recognizers.institutions import GENERIC
from redact.lexicon import english_words, is_english_form

_TOKEN = re.compile(r"(?<![\w@.'’-])@?[^\W\d_][\w'’.-]*(?<![.'’-])")
_HANDLE = re.compile(r"^@|_|[^\W\d_]\d|\d[^\W\d_]")  # "@kel_x", "jwils_09", "ems.xo22"
_CODE = re.compile(r"^[A-Z]{1,5}\d{1,4}$")
_FOOTNOTE = re.compile(r"^([^\W\d_]{3,}[a-z])\.?\d{1,2}$")
_BRITISH_ENDING = re.compile(r"is(e|ed|es|ing|ation|ations)$")
_CONTRACTION = re.compile(r"(?i)n['’]t$|['’](?:m|re|d|ll|ve)$")
_POSSESSIVE = re.compile(r"['’]s?$")
_ROMAN = re.compile(r"^[IVXLC]+$")
# a letter's and a record's abbreviations, degrees and scans: WordNet lacks some, and "KW" in capitals is more
# often a person's initials than WordNet's kilowatt
_ABBREVIATIONS = frozenset(
    {"tel", "mob", "enc", "encl", "ref", "cc", "pp", "fao", "attn", "dob", "nfa", "adv", "rec", "dept", "appt",
     "paeds", "op", "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "approx",
     "hx", "ba", "ma", "bsc", "msc", "phd", "cqsw", "ct", "mri", "ecg", "eeg", "hons"}
)  # fmt: skip
# what opens a hyphenated word without being one alone: "Multi-agency", "Pre-action", "Co-located"
_PREFIXES = frozenset({"multi", "pre", "post", "non", "co", "re", "sub", "inter", "anti", "semi", "mid", "ex", "de"})
# "s20" (section 20 of the Children Act), "x3" (three times), "under-18s": a record's shorthand for numbers
_NUMBER_SHORTHAND = re.compile(r"^(?:[sx]\d{1,3}|(?:under|over)-\d{1,2}s)$")
_VERSION = re.compile(r"^v\d+(?:\.\d+)*$")
# a number shaped like an identifier a record gives: an NHS number's 3-3-4 digits, a run of nine or more digits
# (a hospital, case or phone number); no year, date, age or count has that shape
_IDENTIFIER_NUMBER = re.compile(r"(?<![\w/.,-])(?:\d{3}([ -]?)\d{3}\1\d{4}|\d{9,})(?![\w/]|[.,-]\d)")


@dataclass(frozen=True)
class Residual:
    token: str
    count: int
    context: str  # the first occurrence, with 40 characters either side

    def as_json(self) -> dict[str, object]:
        return {"token": self.token, "count": self.count, "context": self.context}


def residual_tokens(text: str, key: Key) -> list[Residual]:
    """The tokens of a published ``text`` that nothing explains, most frequent first."""
    masked = mask_phrases(text, set(_explained_phrases(key)), fill=" ")
    masked = mask_spans(masked, agency_spans(masked) + board_name_spans(masked), fill=" ")
    kept_words = {fold(w) for e in key.entities if e.kept for m in e.mentions for w in re.findall(r"[^\W\d_]+", m)}
    defined = defined_acronyms(text)
    counts: dict[str, list[int]] = {}
    for match in _TOKEN.finditer(masked):
        token = _CONTRACTION.sub("", _POSSESSIVE.sub("", match.group()))
        spelt_out = token in defined or (token.endswith("s") and token[:-1] in defined)  # "CPMs" of a "CPM"
        if len(token) < 2 or fold(token) in kept_words or spelt_out:
            continue
        used_as_a_name = _quoted_alone(text, match.start(), match.end()) or _word_used_as_a_name(
            token, text, masked, match.start()
        )
        if _explained(token) and not used_as_a_name:
            continue
        counts.setdefault(token, []).append(match.start())
    for match in _IDENTIFIER_NUMBER.finditer(text):  # a number nothing masks: "486 201 7735" under "NHS number"
        counts.setdefault(match.group(), []).append(match.start())
    ranked = sorted(counts.items(), key=lambda item: (-len(item[1]), item[1][0]))
    return [Residual(token, len(starts), _context(text, starts[0], len(token))) for token, starts in ranked]


_BEFORE_A_NAME_OR_NUMBER = re.compile(r"['’]?s?[ \t]+(?:(?:and|of|for|the|&)[ \t]+)?[A-Z0-9]")
_AFTER_PROSE = re.compile(r"(?:\b[a-z][a-z'’]*|[a-z],|\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?)[ \t]+$")
_AFTER_A_TERM_WORD = re.compile(r"\b([A-Z][\w'’]*)[ \t]+(?:and|of|for|in|on|the|&)[ \t]+$")  # "Child in Need"


# "on Bittern Ward", "at Damson House": a capitalised word before a place's head word names that place
_PLACE_HEAD_AFTER = re.compile(
    r"[ \t]+(?:Ward|Unit|Wing|Suite|House|Lodge|Court|Close|Road|Street|Lane|Avenue|Drive|Estate|Park|Farm|Centre|"
    r"Hall|Way|Crescent|Terrace|Gardens|Mews|Place|Rise|View|Grove)\b"
)
_KINDS_OF_PLACE = frozenset({"crown", "magistrates", "royal", "high", "leisure", "sports", "day", "care"})


def _names_a_place(token: str, text: str, start: int) -> bool:
    """A capitalised word after prose and before a place's head word ("treated on Bittern Ward"), which is no
    kind of place ("the Crown Court", "a Family Centre") nor a word of the report."""
    word = fold(token)
    return (
        _PLACE_HEAD_AFTER.match(text, start + len(token)) is not None
        and _AFTER_PROSE.search(text, max(0, start - 30), start) is not None
        and word not in GENERIC
        and word not in _KINDS_OF_PLACE
        and word not in STOP_WORDS
        and not _named_by_vocabulary(token)
    )


def _word_used_as_a_name(token: str, text: str, masked: str, start: int) -> bool:
    """A capitalised ordinary word in the middle of a sentence ("visited Ms Pebble", "went to Lanternfield") or
    right after a pseudonym ("Adult 2 Quill"), or naming a place ("on Bittern Ward"): a name the detector took for a
    word, unless it is a word of the report's own vocabulary or opens a capitalised term ("the Crime and Disorder
    Act", "Year 6")."""
    if token[0].isupper() and not token.isupper() and _names_a_place(token, text, start):
        return True
    if not token[0].isupper() or token.isupper() or _BEFORE_A_NAME_OR_NUMBER.match(text, start + len(token)):
        return False
    after_pseudonym = start > 1 and masked[start - 1] == " " and masked[start - 2] != text[start - 2]
    if not after_pseudonym and not _AFTER_PROSE.search(text, max(0, start - 30), start):
        return False
    term = _AFTER_A_TERM_WORD.search(text, max(0, start - 40), start)
    if term and vocabulary().is_vocabulary_word(term.group(1)):
        return False
    word = fold(token)
    prefixed = word.split("-")[0] in _PREFIXES  # "a Pre-action letter"
    return not (word in STOP_WORDS or word in _ABBREVIATIONS or prefixed or _named_by_vocabulary(token))


_OPENING_QUOTE = frozenset("\"“‘'")
_CLOSING_QUOTE = frozenset("\"”’'")


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """A capitalised word alone in quotes ('nicknames: "Magpie" and "Knotty"', '"Magpie" was never found'): how a
    draft gives a nickname, English word or not; not a report's word ("Section 47") or a quoted sentence."""
    quoted = text[start - 1 : start] in _OPENING_QUOTE and text[end : end + 1] in _CLOSING_QUOTE and start > 0
    word = text[start:end]
    return quoted and word[:1].isupper() and not word.isupper() and not _named_by_vocabulary(word)


def _explained_phrases(key: Key) -> list[str]:
    phrases = [e.pseudonym for e in key.entities if e.pseudonym]
    phrases += [m for e in key.entities if e.kept for m in e.mentions]
    return phrases + list(key.allowed)


def _explained(token: str) -> bool:
    if _VERSION.match(token) or _CODE.match(token) or _NUMBER_SHORTHAND.match(token):
        return True  # "v1.2" of a draft's version line; "HV1", "R3", "A141": a record's code or a road
    footnoted = _FOOTNOTE.match(token)
    if footnoted:
        return _explained(footnoted.group(1))  # "policy2", "reviewed.1": a footnote number glued to a word
    if _HANDLE.search(token):
        return False  # a handle or a code is never an ordinary word
    if not token[0].isupper():
        return True  # a word in lower case is the language, not a name
    if "-" in token:  # "Non-statutory", "Sub-Group", "Six-monthly", "Multi-agency": each part explained
        parts = [part for part in token.split("-") if part]
        opening = not parts or parts[0].lower() in _PREFIXES or _explained(parts[0])
        return opening and all(_explained(part) for part in parts[1:])
    if token.isupper() is False and token[:-1].isupper() and token.endswith("s") and len(token) > 2:
        return _explained(token[:-1])  # "DHRs", "IROs": an acronym's plural
    word = fold(token)
    if token.isupper() and 2 <= len(token) <= 3:  # "KW", "TM": WordNet's abbreviations, and a person's initials
        return word in STOP_WORDS or word in _ABBREVIATIONS or _named_by_vocabulary(token)
    american = _BRITISH_ENDING.sub(r"iz\1", word)  # "anonymisation": WordNet spells it "anonymization"
    return (
        word in STOP_WORDS
        or word in english_words()
        or is_english_form(word)
        or is_english_form(american)
        or word in _ABBREVIATIONS
        or _named_by_vocabulary(token)
    )


def _named_by_vocabulary(token: str) -> bool:
    """A word of the report's vocabulary (jobs, agencies, headings), a title, a month or day, an ethnic group,
    language or nationality, a country or a well-known place, a car's make, or a Roman numeral."""
    word = fold(token)
    vocab = vocabulary()
    return (
        vocab.is_vocabulary_word(token)
        or word in vocab.titles
        or word in CALENDAR_WORDS
        or word.removesuffix("s") in CALENDAR_WORDS  # "on Sundays"
        or word in vocab.ethnicity_words
        or word in language_names()
        or is_nationality_word(token)
        or is_well_known_place(token)
        or word in country_names()  # "England"
        or word in vocab.vehicle_makes  # "Vauxhall": a car's make names no one (its registration is masked)
        or bool(_ROMAN.match(token))
    )


_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Z&]{1,6})s?\s*\)")  # "automatic number plate recognition (ANPR)"
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Z&]{1,6})s?\s*\(([^()]{4,80})\)")  # "ANPR (automatic number plate ...)"
_MINOR_WORDS = frozenset({"of", "and", "for", "the", "to", "in", "on", "with", "&"})


def defined_acronyms(text: str) -> set[str]:
    """Acronyms the text spells out where it uses them, in either order: "Actual Bodily Harm (ABH)", "ANPR
    (automatic number plate recognition)". Their letters are the initials of ordinary words beside them, so
    they name a term of the trade, not a person."""
    found = set()
    for match in _ACRONYM_AFTER.finditer(text):
        words = re.findall(r"[^\W\d_][\w'’-]*", text[max(0, match.start() - 120) : match.start()])
        if _spelt_by(match.group(1), words, at_end=True):
            found.add(match.group(1))
    for match in _ACRONYM_BEFORE.finditer(text):
        if _spelt_by(match.group(1), re.findall(r"[^\W\d_][\w'’-]*", match.group(2)), at_end=False):
            found.add(match.group(1))
    return found


def _spelt_by(acronym: str, words: list[str], at_end: bool) -> bool:
    """The acronym's letters are the initials of the last (or first) words, minor words allowed between."""
    letters = acronym.replace("&", "").lower()
    named = [w for w in words if w.lower() not in _MINOR_WORDS]
    parts = [p for w in named for p in w.split("-") if p]  # "Non-Molestation Order": N, M, O
    for candidate in (named, parts):
        window = candidate[-len(letters) :] if at_end else candidate[: len(letters)]
        spelt = len(window) == len(letters) and "".join(w[0].lower() for w in window) == letters
        if spelt and all(_explained(w) for w in window):  # not "Kayden Ross (KR)": a name's initials
            return True
    return False


def _context(text: str, start: int, length: int) -> str:
    return " ".join(text[max(0, start - 40) : start + length + 40].split())
