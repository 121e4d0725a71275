"""Named places of care and education: schools, GP practices, hospitals and wards, other organisations.

A name is a run of capitalised words (with "of", "the", "and", "&", "upon", "on" inside it) that
ends in the institution word: "Oakfield Primary School", "St Mary's C of E Academy", "The Elms
Surgery", "Northtown General Hospital", "Rainbow Ward", "Hillside Pentecostal Church". A name made
only of generic words ("the Primary School", "General Hospital", "Children's Ward") is not one.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import ClassVar

import regex
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.gazetteer import (
    CALENDAR_WORDS,
    fold,
    full_line_length,
    gazetteer,
    lowercase_words,
    uk_places,
    written_small,
)
from redact.detect.initials import keys_the_name
from redact.detect.keep import is_nationality_word, job_title_pattern, vocabulary
from redact.detect.recognizers.base import UkEntityRecognizer
from redact.lexicon import is_english_form, is_verb_form

MAX_NAME_WORDS = 6
_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}0-9'’.]*(?:-[\p{L}\p{M}0-9'’.]+)*|&|['’]n['’]")
_CONNECTORS = {"of", "the", "and", "&", "upon", "on", "under", "in", "'n'", "’n’"}  # "Splash 'n' Shine"
_KEPT_LEADERS = {"the", "st", "st.", "saint"}
_PLACE_LINKS = {"upon", "on", "under", "in"}  # "Stratford upon Avon", "Newcastle under Lyme"
_JOINERS = {"and", "&", "on", "in"}  # after a whole name, one of these opens another: "the Hospital on Whimbrel Ward"
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx", "master", "nurse", "sister"}

# Words that describe rather than name; a name needs at least one word that is not one of these.
GENERIC = set(
    [
        "the",
        "st",
        "a",
        "an",
        "primary",
        "infant",
        "infants",
        "junior",
        "secondary",
        "high",
        "grammar",
        "community",
        "special",
        "free",
        "independent",
        "preparatory",
        "prep",
        "middle",
        "first",
        "upper",
        "lower",
        "nursery",
        "day",
        "school",
        "academy",
        "college",
        "sixth",
        "form",
        "c",
        "e",
        "of",
        "ce",
        "rc",
        "cofe",
        "catholic",
        "church",
        "england",
        "methodist",
        "roman",
        "voluntary",
        "aided",
        "controlled",
        "foundation",
        "trust",
        "medical",
        "health",
        "centre",
        "center",
        "practice",
        "surgery",
        "group",
        "family",
        "gp",
        "doctors",
        "doctor's",
        "doctors'",
        "dental",
        "general",
        "district",
        "hospital",
        "infirmary",
        "university",
        "teaching",
        "children's",
        "childrens",
        "women's",
        "maternity",
        "royal",
        "county",
        "city",
        "local",
        "new",
        "old",
        "main",
        "central",
        "north",
        "south",
        "east",
        "west",
        "ward",
        "wards",
        "paediatric",
        "neonatal",
        "labour",
        "postnatal",
        "antenatal",
        "mental",
        "psychiatric",
        "adolescent",
        "unit",
        "intensive",
        "care",
        "acute",
        "accident",
        "emergency",
        "a&e",
        "assessment",
        "club",
        "youth",
        "football",
        "sports",
        "leisure",
        "social",
        "centre",
        "parish",
        "and",
        "pentecostal",
        "baptist",
        "evangelical",
        "reformed",
        "orthodox",
        "head",
        "deputy",
        "designated",
        "safeguarding",
        "lead",
        "officer",
        "nurse",
        "nurses",
        "teacher",
        "teachers",
        "staff",
        "governor",
        "governors",
        "board",
        "team",
        "manager",
        "department",
        "service",
        "services",
        "review",
        "panel",
        "authority",
        "named",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "its",
        "this",
        "that",
        "these",
        "those",
        # kinds of centre or clinic that name no place of their own: "the Civic Centre", "the Sexual Health Clinic"
        "civic", "sexual", "job", "jobcentre", "contact", "memory", "treatment", "walk-in", "baby", "child",
        "drug", "alcohol", "recovery", "advice", "resource", "visitor", "visitors", "shopping", "town", "fertility",
        "eye", "pain", "outpatient", "outpatients", "specialist", "sure", "start", "asylum", "crisis",
    ]  # fmt: skip
) - {"royal"}  # "Royal Infirmary" is a name


class NamedPlaceRecognizer(UkEntityRecognizer):
    """Finds ``<capitalised words> <HEAD>``; subclasses set ``ENTITY``, ``HEAD`` and ``SCORE``."""

    HEAD: ClassVar[str]  # regex for the institution word(s), matched case-insensitively
    SCORE: ClassVar[float] = 0.8
    MIN_NAME_WORDS: ClassVar[int] = 1
    HEAD_FIRST: ClassVar[regex.Pattern | None] = None  # a place named head first: "Masjid an-Nur"
    _head_re: ClassVar[regex.Pattern | None] = None

    @classmethod
    def head_re(cls) -> regex.Pattern:
        if cls.__dict__.get("_head_re") is None:
            cls._head_re = regex.compile(r"(?<![\w'’-])(?i:" + cls.HEAD + r")(?![\w'’-])")
        return cls._head_re

    # the head word as part of a service's name: "School Nursing Services" (a field label, "School:", has no name
    # before it that accept() takes)
    _NOT_A_NAME_AFTER = regex.compile(r"[ \t]+(?:Nursing|Health)\b")

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for head in self.head_re().finditer(text):
            if not head.group(0)[0].isupper() or self._NOT_A_NAME_AFTER.match(text, head.end()):
                continue
            start = name_start(text, head.start())
            if start is not None and not self.accept(text, start, head.start()):
                start = _after_the_last_joiner(text, start, head.start())  # "the Mental Health Act on Larch Ward"
            if start is None or self.names_a_person(text, start, head.start(), head.group(0)):
                continue
            if self.accept(text, start, head.start()):
                yield start, _area_after(text, head.end()), self.SCORE
        for match in self.HEAD_FIRST.finditer(text) if self.HEAD_FIRST else ():
            # the head vouches for the whole name: "Our Lady of Częstochowa" is a church before it is a town
            yield match.start(), match.end(), self.SCORE + HEAD_FIRST_BONUS

    NAMING_WORDS: ClassVar[frozenset[str]] = frozenset()  # generic words that name this kind of place

    @staticmethod
    def names_a_person(text: str, start: int, head_start: int, head: str) -> bool:
        return _person_named_like_a_place(text[start:head_start], head)

    def accept(self, text: str, start: int, head_start: int) -> bool:
        words = [w.lower() for w in _TOKEN.findall(text[start:head_start])]
        named = [w for w in words if (w not in GENERIC or w in self.NAMING_WORDS) and w not in _CONNECTORS]
        return len(named) >= self.MIN_NAME_WORDS


# one capitalised word after the head, then no other: "Pathmakers Recovery Quellfen since 2015"
_AREA_AFTER = regex.compile(r"[ ]+(?P<area>\p{Lu}\p{Ll}+)(?![\w'’-]|[ \t]+\p{Lu})")  # not across a tab's cell


def _area_after(text: str, head_end: int) -> int:
    """Where a name ends that goes on past its head with the area a service covers ("Pathmakers Recovery Quellfen"):
    a word no dictionary holds either ("Quellgate Cars Female passenger" is a note's next sentence)."""
    after = _AREA_AFTER.match(text, head_end)
    word = after.group("area") if after else ""
    return after.end() if after and not is_english_form(word.lower()) and area_word(word, text) else head_end


def area_word(word: str, text: str) -> bool:
    """A capitalised word that could name an area no list knows: no stop, report, generic, calendar or common word,
    no name, town, people or ethnic group, and never written in lower case in the draft ("Quellfen", even if a
    dictionary holds it; not "Royal" of "the royal visit")."""
    if not (word.isalpha() and word[0].isupper() and word[1:].islower()) or word.lower() in STOP_WORDS:
        return False
    gaz, vocab, lower = gazetteer(), vocabulary(), word.lower()
    if vocab.is_vocabulary_word(word) or gaz.is_name(word) or gaz.is_common_word(word) or fold(word) in uk_places():
        return False
    if lower in GENERIC or lower[:3] in _CALENDAR_STEMS or lower in vocab.ethnicity_words or is_nationality_word(word):
        return False  # "Tues" of a case note's "Pre-School Tues", "Polish" of "Polish Families Project"
    return not written_small(word, text)


_CALENDAR_STEMS = frozenset(word[:3] for word in CALENDAR_WORDS)


def _person_named_like_a_place(name: str, head: str) -> bool:
    """ "Graham Ward", "Samuel Chambers", "Joan Hall": a first name and a surname that is also a place word."""
    words = name.split()
    gaz = gazetteer()
    return (
        len(words) == 1
        and " " not in head.strip()
        and gaz.is_first_name(words[0])
        and not gaz.is_common_word(words[0])
        and gaz.is_surname(head.strip())
    )


# between the words of a name read head first: spaces, or one line break where a pasted page wrapped the name
_WORD_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# a prison or young offender institution before its name: "HMP", "HMYOI", "HMP & YOI", "HM Prison"
PRISON_PREFIX = (
    r"(?:HMP(?:[ \t]*(?:&|and|/)[ \t]*YOI)?|HMYOI|HM[ \t]+(?:Prison|YOI|Young[ \t]+Offender[ \t]+Institution)"
    r"(?:[ \t]+and[ \t]+YOI)?)"
)
FIRM_SUFFIXES = frozenset({"cic", "ltd", "plc", "llp", "inc"})  # a firm's name ends with them, and so may a sentence
# words shortened with a full stop inside a name: "St. Anne's Church", "Quill & Co. Solicitors" (and initials, "Q.P.
# Driveways"); any other word with a full stop ends the name
_SHORTENED_IN_NAMES = frozenset({"st", "mt", "ft", "co"})
HEAD_FIRST_BONUS = 0.1  # a name after its kind ("Masjid", "Our Lady", "University Hospital") is read whole
WRAPPED_LINE = 60  # a line this long that ends inside a name was wrapped by a PDF, not ended by its author


NARROW_COLUMN = 30  # a page in two columns wraps its lines shorter: as long as the lines above, such a line was too


def wrapped_line_ends(text: str, end: int) -> bool:
    """The line ending at ``end`` is long enough to have been wrapped (60 characters, or in a narrow column about
    as long as the three lines above it, which a wrap cut mid-sentence), and one line break follows."""
    if text.count("\n", end, end + 3) != 1:
        return False
    line_start = text.rfind("\n", 0, end) + 1
    length = end - line_start
    if "\t" in text[line_start:end] or "|" in text[line_start:end]:
        return False  # a table row ends with its line: "... | With Ignatius<BREAK>Ebun Quill | ..." are two cells
    if length >= WRAPPED_LINE:  # and about as long as the draft's full lines: not a list's line in a typed draft
        return length >= FULL_LINE_SHARE * full_line_length(text)
    above = [line.rstrip() for line in text[max(0, line_start - 300) : max(0, line_start - 1)].split("\n")[-3:]]
    cut_mid_sentence = len(above) == 3 and sum(bool(_MID_SENTENCE_END.search(line)) for line in above) >= 2
    widths = [length, *map(len, above)]  # a column's lines are about as wide as each other; a form's are not
    return cut_mid_sentence and min(widths) >= NARROW_COLUMN and min(widths) >= 0.7 * max(widths)


_MID_SENTENCE_END = regex.compile(r"(?:\p{Ll}|[,-])$")  # "... her partner, at a flat on the"
FULL_LINE_SHARE = 0.75  # a wrapped line fills most of the width the draft's lines are wrapped at



_LAST_JOINER = regex.compile(r"\s(?:on|in)\s+(?=\p{Lu}[^\n]*\Z)")


def _after_the_last_joiner(text: str, start: int, head_start: int) -> int | None:
    """Where the name after the run's last "on" or "in" starts: a run that is no name as a whole may end in one
    ("the Mental Health Act on Larch Ward")."""
    joiners = list(_LAST_JOINER.finditer(text, start, head_start))
    return joiners[-1].end() if joiners else None


def name_start(text: str, head_start: int) -> int | None:
    """Start of the capitalised name run that ends right before ``head_start``, or None."""
    window_start = max(0, head_start - 160)
    window = text[window_start:head_start]
    tokens = list(_TOKEN.finditer(window))
    chosen: list[regex.Match] = []
    position = len(window)
    for token in reversed(tokens):
        gap = window[token.end() : position]
        dash = " -" in gap or "- " in gap  # "Children Board - Combined Housing": a spaced dash parts two names
        wrapped = "\n" not in gap or wrapped_line_ends(text, window_start + token.end())
        if gap.strip(" -\n") or len(gap) > 3 or dash or not wrapped:
            break  # punctuation or a line break ends the name (but not a line wrapped in running prose)
        word = token.group(0)
        if not (word[0].isupper() or word.lower() in _CONNECTORS):
            break
        shortened = word.rstrip(".").lower() in _SHORTENED_IN_NAMES or regex.fullmatch(r"(?:\p{Lu}\.)+", word)
        if word.endswith(".") and not shortened:
            break  # "... Primary. Oakfield School", "in May. The Carers Service", "North CIC. Lingo Link Interpreting"
        if word.lower() in _JOINERS and _ANY_HEAD.search(window[: token.start()].rstrip() + "\n"):
            break  # "Oakfield School and Riverside Surgery", "Quell General Hospital on Whimbrel Ward": two names
        chosen.append(token)
        position = token.start()
        if len(chosen) >= MAX_NAME_WORDS:
            break
    chosen.reverse()
    # "from Quellova under the Homes for ...": a town's "under" or "on" goes on with a name, never with "the"
    cut = [i for i, t in enumerate(chosen[:-1]) if t.group(0) in _PLACE_LINKS and chosen[i + 1].group(0) == "the"]
    chosen = chosen[cut[-1] + 1 :] if cut else chosen
    # "Dr Chukwuemeka Obi of Roundhay Medical Centre": a titled person's name "of" the place is no part of it
    titled = [i for i, t in enumerate(chosen) if t.group(0).lower().rstrip(".") in _TITLES]
    if titled:
        after = [i for i, t in enumerate(chosen) if i > titled[-1] and t.group(0).lower() in ("of", "at")]
        if after:
            chosen = chosen[after[0] + 1 :]
    if chosen and all(t.group(0).isupper() for t in chosen):  # "RECOMMENDATIONS FOR OSPREY TRUST", a heading:
        small = [i for i, t in enumerate(chosen) if t.group(0).lower() in STOP_WORDS - {"of", "and", "the"}]
        chosen = chosen[small[-1] + 1 :] if small else chosen  # the body's name starts after its last small word
    # drop leading connectors, stop words and titles ("When", "His", "Mr"), keeping "The" and "St"
    while chosen:
        word = chosen[0].group(0).lower()
        leader = chosen[0].group(0)[0].isupper() and len(chosen) > 1 and chosen[1].group(0)[0].isupper()
        if word in _KEPT_LEADERS and leader:
            break
        number_word = word in _NUMBER_WORDS and len(chosen) > 1  # "Two Rivers Homes", "Three Bridges Surgery"
        if (word in _CONNECTORS or word in STOP_WORDS or word.rstrip(".") in _TITLES) and not number_word:
            chosen.pop(0)
            continue
        break
    if not chosen:
        return None
    return window_start + chosen[0].start()


# "UTC" is a university technical college (a school) or an urgent treatment centre (NHS): words
# around it say which.
_UTC = "UTC"
_HEALTH_WORDS = regex.compile(
    r"(?i:\b(?:injur\w*|wound|fracture|burn|bruis\w*|x-?ray|triage\w*|a&e|emergency|urgent|treat\w*|"
    r"nurse|doctor|gp|hospital|clinic\w*|discharg\w*|paramedic|ambulance|presented|symptom\w*|pain|"
    r"medical|medication|prescri\w*|diagnos\w*|patient|minor\s+injur\w*|ed|walk-in|swallow\w*|overdose)\b)"
)
_CONTEXT_CHARS = 200


def health_context(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` are about health care rather than education."""
    window = text[max(0, start - _CONTEXT_CHARS) : start] + " " + text[end : end + _CONTEXT_CHARS]
    return _HEALTH_WORDS.search(window) is not None


class SchoolRecognizer(NamedPlaceRecognizer):
    ENTITY = "SCHOOL"
    HEAD = (
        r"School|Academy|College|Nursery|Pre-?School|Playgroup|Kindergarten|Montessori|"
        r"Pupil[ \t]+Referral[ \t]+Unit|(?-i:PRU)|Sixth[ \t]+Form|Learning[ \t]+Centre|Education[ \t]+Centre|"
        r"Tuition[ \t]+Centre|(?-i:UTC)|(?:Primary|Infants|Juniors)(?![ \t]+(?-i:[A-Z]))"
    )
    CONTEXT = ["school", "attended", "pupil", "teacher", "headteacher", "class", "nursery"]
    # a Welsh school or playgroup, named head first: "Ysgol Gynradd Llanfair", "Cylch Meithrin Glan Tanat"
    HEAD_FIRST = regex.compile(
        rf"(?<![\w'’-])(?:Ysgol|Cylch[ \t]+Meithrin|Meithrinfa)(?:{_WORD_GAP}\p{{Lu}}[\p{{L}}'’-]*){{1,4}}"
    )

    # whom a school is for, part of its name: "Quellfield House School for Girls"
    _FOR_WHOM = regex.compile(
        r"[ \t]+for[ \t]+(?:Girls|Boys|Young[ \t]+(?:Ladies|Women|Men)|the[ \t]+(?:Deaf|Blind))(?![\w'’-])"
    )
    # "... School for Boys and St Quellin's School": the next name opens after the first's "Boys and"
    _LAST_NAME_WHOM = regex.compile(r"(?:Girls|Boys|Ladies|Women|Men)[ \t]+(?:and|&)[ \t]+")

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for start, end, score in super().find(text, nlp_artifacts):
            whom = self._LAST_NAME_WHOM.match(text, start)
            if whom and text[max(0, start - 4) : start].strip() == "for":
                start = whom.end()
            for_whom = self._FOR_WHOM.match(text, end)
            yield start, for_whom.end() if for_whom else end, score

    def accept(self, text: str, start: int, head_start: int) -> bool:
        if text.startswith(_UTC, head_start) and health_context(text, start, head_start + len(_UTC)):
            return False
        if _HEALTH_WORDS.search(text, start, head_start):
            return False  # "the Trust's Bruising in Non-Mobile Infants protocol": a procedure, no infant school
        return super().accept(text, start, head_start)


class GpPracticeRecognizer(NamedPlaceRecognizer):
    """A GP surgery or practice; "Practice" alone only after "the" ("the Bramble Practice"), since
    "Good Practice" or "Social Work Practice" name no place."""

    ENTITY = "GP_PRACTICE"
    HEAD = (
        r"Surgery|Medical[ \t]+Centre|Medical[ \t]+Center|Medical[ \t]+Practice|Health[ \t]+Centre|"
        r"Medical[ \t]+Group|Family[ \t]+Practice|Group[ \t]+Practice|Healthcare[ \t]+Centre|"
        r"Dental[ \t]+(?:Practice|Centre|Clinic|Care|Surgery)|Dentists?|Opticians?|"
        r"Practice(?![ \t]+(?-i:[A-Z]))"
    )
    CONTEXT = ["gp", "registered", "practice", "doctor", "surgery"]
    # words generic for a school ("St Mary's Church of England Primary") that name a surgery ("The Church Practice")
    NAMING_WORDS = frozenset({"church", "community", "university", "city", "county", "royal", "district"})

    def accept(self, text: str, start: int, head_start: int) -> bool:
        words = _TOKEN.findall(text[start:head_start])
        practice_alone = text.startswith("Practice", head_start) and words[:1] != ["Practice"]
        if practice_alone and (not _after_the(text, start) or len(words) > 3):
            return False
        return super().accept(text, start, head_start)


def _after_the(text: str, start: int) -> bool:
    """The name opens with "The" or follows "the": "the Bramble Practice", "The Anchor Centre"."""
    return text[max(0, start - 4) : start].lower() == "the " or text.startswith(("The ", "THE "), start)


class HospitalRecognizer(NamedPlaceRecognizer):
    ENTITY = "HOSPITAL"
    HEAD = (
        r"Hospital|Infirmary|Hospice|Maternity[ \t]+Unit|Birth(?:ing)?[ \t]+Centre|Urgent[ \t]+Treatment[ \t]+Centre|"
        r"Urgent[ \t]+Care[ \t]+Centre|Walk-?[ \t]?in[ \t]+Centre|Minor[ \t]+Injur(?:y|ies)[ \t]+Unit|(?-i:UTC)|"
        # named units and suites of a hospital: "the Wren Neonatal Unit", "the Kingfisher Suite"
        r"(?:Neonatal|Psychiatric|Mental[ \t]+Health|Assessment|Inpatient|Adolescent|Mother[ \t]+and[ \t]+Baby|"
        r"Burns|Intensive[ \t]+Care|Special[ \t]+Care[ \t]+Baby|Children'?s|Paediatric|Maternity)[ \t]+Unit|Suite"
    )
    CONTEXT = ["hospital", "admitted", "ward", "paediatric", "emergency", "discharged"]
    # a hospital named head first, after its place: "University Hospital Lewisham", "Royal Infirmary of Keswick"
    HEAD_FIRST = regex.compile(
        r"(?<![\w'’-])(?:University|Royal|General|District|County|Community|Children['’]s)[ \t]+(?:Hospital|Infirmary)"
        r"(?:[ \t]+of(?:[ \t]+the)?)?[ \t]+\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){0,2}"
    )

    def accept(self, text: str, start: int, head_start: int) -> bool:
        if text.startswith(_UTC, head_start) and not health_context(text, start, head_start + len(_UTC)):
            return False
        return super().accept(text, start, head_start)

    # a hospital known by its founder's name, with a unit after it: "Addenbrooke's PICU", "Guy's A&E"
    POSSESSIVE_NAME = regex.compile(
        r"(?<![\w'’-])(?:St[ \t]+)?\p{Lu}[\p{Ll}-]+['’]s(?=[ \t]+(?:PICU|NICU|ICU|HDU|SCBU|A&E|ED\b|"
        r"(?i:emergency[ \t]+department|children['’]s[ \t]+ward|paediatric[ \t]+ward|neonatal[ \t]+unit)))"
    )

    # a hospital abroad, as a family's records from there name it: "the Sankt-Quell-Klinik", "Klinikum Tarnwick",
    # "Szpital Miejski w Quellbury", "Hôpital Sainte-Quell"
    ABROAD = regex.compile(
        r"(?<![\w'’-])(?:(?:\p{Lu}[\p{L}'’]*-){1,4}(?:Klinik|Klinikum|Kliniken|Krankenhaus|Spital)|"
        r"(?:Klinikum|Krankenhaus|Szpital|Spital|Hôpital|Ospedale|Clínica|Clinica|Spitalul|Nemocnice|Ligoninė)"
        r"(?:[ \t]+(?:w|de|di|del|della|du|des|la|le|im|am|an|der)?[ \t]*\p{Lu}[\p{L}'’-]+){1,3})(?![\w'’-])"
    )

    # a named intensive care unit: "the Quell PICU", "Quellmoor General NICU"; not "Transferred PICU" of a note
    NAMED_UNIT = regex.compile(r"(?<![\w'’.-])(?:\p{Lu}[\p{Ll}'’-]+[ ]){1,3}(?:PICU|NICU|SCBU|HDU)(?![\w-])")

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        yield from super().find(text, nlp_artifacts)
        for match in self.POSSESSIVE_NAME.finditer(text):
            if not gazetteer().is_name(match.group()[:-2].split()[-1]):  # "Kelly's A&E visit" is Kelly's
                yield match.start(), match.end(), self.SCORE
        for match in self.ABROAD.finditer(text):
            yield match.start(), match.end(), self.SCORE
        for match in self.NAMED_UNIT.finditer(text):
            words = match.group().split()[:-1]  # not "Pelbury's PICU", the hospital's name above
            if not any(is_verb_form(w.lower()) or w.lower() in STOP_WORDS or w.endswith(("'s", "’s")) for w in words):
                yield match.start(), match.end(), self.SCORE


# How case notes abbreviate family members: mother, father, maternal/paternal grandmother and grandfather,
# stepfather, stepmother, grandmother, grandfather (written by hand from social care recording practice)
_FAMILY_ABBREVIATIONS = frozenset(["M", "F", "MGM", "MGF", "PGM", "PGF", "SF", "SM", "GM", "GF"])


class WardRecognizer(NamedPlaceRecognizer):
    """A named or numbered hospital ward ("Rainbow Ward", "Ward 1C"): a numbered ward of a regional unit
    identifies a stay as well as a name does, and left as written it reads like a family called Ward."""

    ENTITY = "HOSPITAL"
    HEAD = r"Ward"
    SCORE = 0.75  # above a model that takes "Willow Ward" for a woman
    NUMBERED = regex.compile(r"(?<![\w'’-])Ward[ \t]+[A-Z]?\d{1,3}[A-Z]?(?![\w'’-])")  # "Ward 1C", "Ward L24"
    # the building a ward is in, named after it: "Plover Ward, Teasel House", "Ward 3, the Ashby Wing"
    BUILDING_AFTER = regex.compile(
        r"(?<=\bWard(?:[ \t]+[A-Z]?\d{1,3}[A-Z]?)?,[ \t]+(?:the[ \t]+)?)"
        r"\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?[ \t]+(?:House|Wing|Building|Lodge|Centre)(?![\w'’-])"
    )

    # a ward's name holds no "on" or "in": "interviewed Ebun on Kestrels Ward" is a person, then the ward
    _JOINER_IN_NAME = regex.compile(r"\s(?:on|in)\s+")

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for start, end, score in super().find(text, nlp_artifacts):
            joiners = list(self._JOINER_IN_NAME.finditer(text, start, end))
            yield (joiners[-1].end() if joiners else start), end, score
        for match in (*self.NUMBERED.finditer(text), *self.BUILDING_AFTER.finditer(text)):
            yield match.start(), match.end(), self.SCORE

    # "moved to Willow Ward", "the neonatal unit (Robin Ward)": where a place is spoken of (also where a PDF's line
    # wrapped after "on")
    _TO_A_WARD = regex.compile(
        r"(?i:\b(?:to|on|onto|from|in|into|at|the|a)(?:[ \t]+|[ \t]*\n)"
        r"|\b(?:unit|hospital|department|centre)[ \t]*\([ \t]*)$"
    )

    def names_a_person(self, text: str, start: int, head_start: int, head: str) -> bool:
        """ "John-Joseph Ward", "P. WARD", "MARY WARD", "written by Graham Ward": a person called Ward; but
        "moved to Willow Ward", "on Rose Ward": a ward, where a place is spoken of."""
        words = _TOKEN.findall(text[start:head_start])
        if not words:
            return False
        if _is_first_name_or_initial(words[-1]):
            return True
        to_a_ward = self._TO_A_WARD.search(text, max(0, start - 8), start) is not None
        if not to_a_ward and gazetteer().is_first_name(words[-1]) and self._introduced(text, words, head_start):
            return True  # "BW - Bethany Ward, Communications Manager": an attendee, not a ward
        kin = words[-2] if len(words) > 1 else ""
        kin_before = kin in _FAMILY_ABBREVIATIONS or kin.lower() in vocabulary().relations
        if kin_before and gazetteer().is_first_name(words[-1]):
            return True  # "MGM Ebun Ward", "cousin Ebun Ward": a relative's name, where a case note lists the family
        keyed = keys_the_name(kin, f"{words[-1]} {head}") or (
            2 <= len(kin) <= 4 and kin not in vocabulary().acronyms and gazetteer().is_first_name(words[-1])
        )  # not "NICU Robin Ward"
        if kin.isupper() and keyed:
            return True  # "KW Lottie Ward", "YM Tobiah Ward jnr": a key of initials, then the name
        return not to_a_ward and _person_named_like_a_place(text[start:head_start], head)

    _INITIALS_KEY = regex.compile(r"(?:^|\n)[ \t]*(?P<letters>\p{Lu}[\p{L}.]{0,5})[ \t]*[-–—:][ \t]*$")

    def _introduced(self, text: str, words: list[str], head_start: int) -> bool:
        """A job title follows the name (", Communications Manager"), or its initials key it ("BW - ")."""
        if _job_after().match(text, head_start + len("Ward")):
            return True
        key = self._INITIALS_KEY.search(text, max(0, head_start - 60), head_start - len(words[-1]) - 1)
        return key is not None and keys_the_name(key.group("letters").replace(".", ""), f"{words[-1]} Ward")

    def accept(self, text: str, start: int, head_start: int) -> bool:
        before = text[max(0, start - 6) : start].lower().rstrip(" .")
        if any(before.endswith(title) for title in _TITLES):
            return False  # "Mrs Ward" style surnames
        words = _TOKEN.findall(text[start:head_start])
        return len(words) <= 3 and super().accept(text, start, head_start)


@cache
def _job_after() -> regex.Pattern[str]:
    """ ", Communications Manager", ", the named nurse": a job title after a comma."""
    job = job_title_pattern(vocabulary(), r"[ \t]+")
    return regex.compile(rf"[ \t]*,[ \t]+(?:the[ \t]+)?(?:\p{{Lu}}[\w&'’-]*[ \t]+){{0,3}}?{job}\b", regex.IGNORECASE)


def _is_first_name_or_initial(word: str) -> bool:
    """"P.", "John-Joseph", "MARY": an initial, a double first name or a first name in capitals (as records write
    a person), not a ward named like one ("Willow Ward", "Rose Ward")."""
    parts = word.rstrip(".").split("-")
    if len(parts) == 1 and len(parts[0]) == 1:
        return True
    written_as_a_person = len(parts) > 1 or word.isupper()
    return written_as_a_person and all(gazetteer().is_first_name(part) for part in parts)


class UnitRecognizer(NamedPlaceRecognizer):
    """A named hospital or care unit ("the Kittiwake Unit", "Rowan Unit"): its name words are no report words,
    none the draft also writes in lower case ("Gangs Unit", "Safeguarding Unit") and not several English words
    that describe a service ("Minor Injuries Unit")."""

    ENTITY = "HOSPITAL"
    HEAD = r"Unit"
    SCORE = 0.6

    def accept(self, text: str, start: int, head_start: int) -> bool:
        words = [w for w in _TOKEN.findall(text[start:head_start]) if w.lower() not in ("the", "and", "&")]
        lower = lowercase_words(text)
        vocabulary_word = vocabulary().is_vocabulary_word
        described = len(words) > 1 and all(is_english_form(w.lower()) for w in words)  # "Intensive Care Unit"
        return (
            0 < len(words) <= 2
            and not described
            and not any(vocabulary_word(w) or fold(w) in lower or w.lower() in GENERIC for w in words)
            and super().accept(text, start, head_start)
        )


class OrganisationRecognizer(NamedPlaceRecognizer):
    """Non-statutory organisations that identify a family: places of worship, clubs, employers,
    children's and community centres, refuges, care homes."""

    ENTITY = "ORGANISATION"
    HEAD = (
        r"Church|Chapel|Mosque|Masjid|Temple|Synagogue|Gurdwara|Mandir|Kingdom[ \t]+Hall|Cathedral|Parish|"
        r"Tabernacle|Fellowship|Ministries|"
        r"(?:Gospel|Pentecostal|Christian|Evangelical|Apostolic|Covenant|Faith|Revival|Deliverance|Praise|Word|Life"
        r"|Glory|Victory|Holiness|Believers|Saints|Bible)"
        r"[ \t]+Assembly|"
        r"(?:Catholic|Christian|Gospel|Pentecostal|Methodist|Baptist)[ \t]+Mission|"
        r"Assembly[ \t]+of[ \t]+God|Gospel[ \t]+Hall|"
        r"(?:Community|Food)[ \t]+(?:Pantry|Larder)|"
        r"Club|FC|Gym|Food[ \t]?bank|Children'?s[ \t]+Centre|Community[ \t]+Centre|Family[ \t]+Centre|"
        r"Contact[ \t]+Centre|Leisure[ \t]+Centre|Refuge|Care[ \t]+Home|Nursing[ \t]+Home|Hostel|Foyer|"
        r"Ltd\.?|Limited|plc|PLC|LLP|Solicitors|Associates|Chambers|Project|Women'?s[ \t]+Aid|"
        r"Domestic[ \t]+Abuse[ \t]+Service|Association|Society|Network|Young[ \t]+Carers|Day[ \t]+Centre|"
        # a school's trust, "Quellmoor Learning Trust", "Osprey Learning Partnership"
        r"(?:Academies|Academy|Learning|Education(?:al)?|Schools)[ \t]+(?:Trust|Partnership)|"
        # where a family's caravan or park home stands: "Quellmoor Leisure Park", "Tarnmoor Caravan Site"
        r"(?:Leisure|Holiday|Caravan|Mobile[ \t]+Home|Park[ \t]+Homes?)[ \t]+Park|Caravan[ \t]+(?:Site|Park)|"
        # a private provider named by what it provides: "Quellmoor Accommodation Partnership", "Pelbury Language Link"
        r"(?:Accommodation|Housing|Lettings|Interpreting|Interpreters|Language|Translation)[ \t]+"
        r"(?:Partnership|Link|Solutions|Group)|"
        # a community's own support charity: "Long Acre Traveller Support", "Ostlebury Refugee Support"
        r"(?:Travell?ers?['’]?|Gypsy|Roma|Refugee|Migrant|Asylum)[ \t]+Support"
        r"(?![ \t]+(?:Lead|Worker|Officer|Manager|Co-?ordinator|Adviser|Advisor|Team|Service))|"  # a job, a team
        r"(?:Youth|Charitable|Community|Family|Children'?s|Travellers['’]?|Women['’]?s|Carers['’]?)[ \t]+Trust|"
        # a charity or housing provider by its own name: "Quellbridge Trust" (not an NHS or probation trust, which
        # is an agency, nor "the Trust" or "Chronology of Trust")
        r"(?<!(?:NHS|Foundation|Health|Healthcare|Care|Services?|Hospitals?|Partnership|Ambulance|Probation|"
        r"(?i:of|the|and))[ \t])Trust|"
        # a congregation by its tradition: "St Vitas Latvian Catholic Community", "St Sava Orthodox Mission"
        r"(?:Catholic|Orthodox|Pentecostal|Baptist|Methodist|Muslim|Islamic|Sikh|Hindu|Buddhist|Jewish)[ \t]+"
        r"(?:Community|Congregation|Mission)|"
        # a small group a parent belongs to: "Brookside Mums' Group", "Ravenhill Women's Network"
        r"(?:Women|Men|Mums|Mothers|Dads|Fathers|Parents|Carers)['’]?s?[ \t]+(?:Group|Network|Forum|Circle)|"
        r"(?:Support|Toddler|Community|Bereavement|Youth|Parenting)[ \t]+Group|"
        # a bereavement charity: "Quellmoor Acorns Bereavement Service"
        r"Bereavement[ \t]+(?:Service|Support|Project|Network)|"
        # a respite charity by its own name: "Quellmoor Short Breaks" (not "Short Breaks" alone, a service's kind)
        r"Short[ \t]+Breaks|"
        r"Recovery[ \t]+(?:Partnership|Service)|Youth[ \t]+Centre|Mission|CIC|"
        # an advocacy charity: "Ousebridge Young People's Advocacy"
        r"(?:Young[ \t]+People['’]?s[ \t]+)?Advocacy(?:[ \t]+Service)?|"
        r"(?:Islamic|Muslim|Sikh|Hindu|Christian|Cultural|Resource)[ \t]+Centre|Clinic|Centre(?![ \t]+(?-i:[A-Z]))|"
        # a carers' charity by its own name: "Quellmoor Tarnlight Carers Service"
        r"Carers['’]?[ \t]+(?:Service|Project|Hub|Centre)|"
        r"Veterinary[ \t]+(?:Practice|Surgery|Centre|Hospital|Group)|Vets|"  # "Quellow Vale Veterinary Practice"
        # a care provider by what it provides: "Quellbrook Supported Living"
        r"Supported[ \t]+(?:Living|Housing|Lodgings)|"
        # where a young person's money was kept, and taken: "Tarnmoor Mutual Bank" (a bank by its kind: "Bank" alone
        # ends many a place's name, "Quell Bank")
        r"(?:Mutual|Savings|Community|Co-?operative)[ \t]+Bank|Building[ \t]+Society|Credit[ \t]+Union|"
        # an out-of-hours GP provider by its own name: "Quellbury Doctors" (not "the Junior Doctors")
        r"(?<!(?i:senior|junior|locum|trainee|training|agency|consultant|visiting|hospital|our|the)[ \t])Doctors"
    )
    SCORE = 0.7
    CONTEXT = ["attended", "member", "worked", "employed", "employer", "church", "club"]

    # a school, church or hospital by its saint alone, where someone is: "chase the head at St Quellin's?" (above
    # a model's person, below the school or hospital the draft names in full, whose short name it is)
    # ... or what it is, in small letters: "the drop-in in St Quellin's church hall"
    SAINT_ALONE = regex.compile(
        r"(?<=\b(?:at|to|from|in|attends|attended|attending)[ \t]+)"
        r"St\.?[ \t]+\p{Lu}\p{Ll}+['’]s(?![\w'’-]|[ \t]+\p{Lu})"
        r"|(?<![\w'’-])St\.?[ \t]+\p{Lu}\p{Ll}+['’]s"
        r"(?=[ \t]+(?:church|chapel|parish|hall|school|primary|nursery|hospital|surgery|congregation)\b)"
    )
    SAINT_ALONE_SCORE = 0.71

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        yield from super().find(text, nlp_artifacts)
        for match in self.SAINT_ALONE.finditer(text):
            yield match.start(), match.end(), self.SAINT_ALONE_SCORE

    def accept(self, text: str, start: int, head_start: int) -> bool:
        """ "Centre" or "Clinic" alone after "the" ("attends The Anchor Centre") or after a coined word
        ("Ashgrove Clinic"): "Civic Centre" or "Sexual Health Clinic" name no place of their own."""
        if text.startswith(("Centre", "Clinic"), head_start) and not _after_the(text, start):
            words = [fold(w) for w in _TOKEN.findall(text[start:head_start])]
            if all(is_english_form(w) for w in words):
                return False
        return super().accept(text, start, head_start)

    # a place of worship or study named head first: "Masjid Al-Noor", "Madrasa Talim-ul-Islam", a Vietnamese or
    # Thai Buddhist temple ("Chùa Từ Bi", "Wat Buddharam"), a Welsh chapel or church ("Capel Moriah Newydd",
    # "Eglwys Sant Tysilio"); a Catholic church by its dedication: "Our Lady Star of the Sea", "Our Lady of
    # Lourdes and St Bede"
    HEAD_FIRST = regex.compile(
        r"(?<![\w'’-])(?:Masjid|Madras{1,2}ah?|Jamia|Jami|Darul|Gurdwara|Mandir|Chùa|Wat|Vihara|Capel|Eglwys)[ \t]+"
        r"(?:(?:al|an|ar|as|ash|at|ad|el|ul|e)-)?"  # the Arabic article, transliterated: "Masjid an-Nur"
        rf"\p{{Lu}}[\p{{L}}'’-]*(?:{_WORD_GAP}\p{{Lu}}[\p{{L}}'’-]*){{0,3}}"
        r"|(?<![\w'’-])Our[ \t]+Lady(?:(?:[ \t]+(?:of|and|the|St\.?))*[ \t]+\p{Lu}[\p{L}\p{M}'’-]*){1,5}"
        # a prison or young offender institution: "HMP Ashcombe", "HMYOI Haddon Vale", "HMP & YOI Low Fell"
        r"|(?<![\w'’-])" + PRISON_PREFIX + r"[ \t]+(?!Service)"
        r"\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2}"
    )


_ANY_HEAD = regex.compile(
    r"(?<![\w'’-])(?i:"
    + "|".join(c.HEAD for c in (SchoolRecognizer, GpPracticeRecognizer, HospitalRecognizer, OrganisationRecognizer))
    # and a statutory body's last word: "<Area> Community Health Services and <Name> Women's Aid" lists two
    + r"|Ward|Services|Constabulary|Council)\s*\n$"
)
