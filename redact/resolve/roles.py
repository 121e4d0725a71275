"""Infer each person's role from the words around their mentions, tables and the report config."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from redact.config import ReportConfig
from redact.detect.gazetteer import fold
from redact.detect.initials import STAFF_CODE_CELL, keys_the_name
from redact.detect.keep import job_title_pattern
from redact.detect.keep import vocabulary as detect_vocabulary
from redact.detect.propagate import own_pseudonym_letters
from redact.document import NUMBERED_PARAGRAPH, TITLE_PAGE_BLOCKS, Document
from redact.lexicon import is_english_form
from redact.resolve.children import ADULT_AGE, child_evidence, infants, opens_its_line, stated_adults
from redact.resolve.cluster import ADULT_TITLES, Cluster, title_before
from redact.resolve.context import find_tables, row_of, sentence_bounds
from redact.resolve.model import Mention
from redact.resolve.names import (
    CHILD_TITLES,
    POLICE_TITLES,
    RANK_AND_COLLAR,
    TITLE_BEFORE,
    name_gender,
    nursing_sister,
    parse_name,
    strip_possessive,
    title_gender,
    title_words,
)
from redact.resolve.vocabulary import (
    FAMILY_WORDS,
    JOB_WORDS,
    KINDS,
    ROLE_WORDS,
    first_role,
    phrase_roles,
    role_gender,
    service_role,
)

_ANCHOR = r"(?P<anchor>[A-Z][\w'’-]*)['’]s\s+"
# "the children's father", "the baby's mother": the family's own children, no one named
_DET = r"(?:the\s+(?:child|children|baby|boy|girl|boys|girls|twins|siblings)['’]s?|the|his|her|their|its|our|a|an)\s+"
_ADJ = r"(?:(?!(?:the|his|her|their|its|our|your|a|an)\s)[a-z][\w-]*\s+){0,2}?"  # "new", "former"; no "his"
_PRONOUN = r"\b(?P<pronoun>his|her|your)\s+"  # not "her" of "either"; "your" in a letter: the addressee's
# "the social worker in Boston, Kwame", "a social worker from the Spalding team, Joanna": where they work, then
# the name after a comma ("the allocated social worker after the injury, Ebun": when; "Sibling in school:" too)
# "the youth worker there, Jamal", "the Head of Year 10, Miss Joy Okonkwo": a place word or a year group, then the
# comma
_WHERE_THEY_WORK = (  # (not another's role: "explained to mother with a face-to-face interpreter, X" is his)
    r"(?:\s+(?:in|at|from|for|with|after|before|during|since)\s+(?!(?:[\w'’-]+\s+){0,3}?(?:" + ROLE_WORDS + r")\s*[,:])"
    r"(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s*[,:]"
    r"|\s+(?:there|then|at\s+the\s+time|at\s+that\s+time|that\s+(?:night|day|evening|weekend)|on\s+(?:duty|shift)"
    r"|\d{1,2})\s*,)?"
)
# 'Her mother has asked to be called "Efua"': the name a relative chose to be known by in the report
_ASKED_TO_BE_CALLED = (
    r"(?:\s+(?:has|had|have)?\s*(?:asked|chosen|chose|wished|wanted|preferred|agreed)\s+to\s+be\s+"
    r"(?:called|known\s+as|referred\s+to\s+as|named)(?:\s+in\s+this\s+(?:report|review))?\s*[\"“‘']?"
    # "His brother, known in the family as Iggy": the relation, then the name the family uses
    r"|[ \t]*,?[ \t]+(?:(?:also|usually|always)[ \t]+)?(?:known(?:[ \t]+(?:to|in|by|among|within)[ \t]+[\w'’ ]{1,30}?)?"
    r"[ \t]+as|called|nicknamed)[ \t]*[\"“‘']?)"
)
_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?:" + _ANCHOR + "|" + _PRONOUN + "|" + _DET + r"))?" + _ADJ
    + r"(?<![\w'’-])(?P<role>" + ROLE_WORDS + r")"
    + _WHERE_THEY_WORK
    + r"(?:['’]s[ \t]+(?:own[ \t]+|real[ \t]+|first[ \t]+)?name(?:[ \t]+(?:is|was))?)?"  # "her son's name, Tobiah"
    + r"(?:[ \t]*\([^()\n]{1,40}\)(?=[ \t]*:))?"  # "Mother's partner (not Sofia's father): Lee Garside"
    # "Mum - Shannon": a label, a dash, the name
    # ... or a line a PDF's text wrapped: "lives with her mother Hester and brother<LINE>Tobiah"
    # 'she had a new partner, "Gus"': after a comma, the quote that opens the name too (not 'tells TA "Gus shouts')
    + r"(?:" + _ASKED_TO_BE_CALLED
    + r"|[ \t]*[,:]?[ \t]*|[ \t]*,[ \t]*[\"“‘]|[ \t]*[,:]?[ \t]*\n[ \t]*|[ \t]+[-–—][ \t]+)\Z",
    re.IGNORECASE,
)
# the husband's title before a couple's: "Mr and " of "Mr and Mrs Knotley"
_COUPLE_OPENS = re.compile(r"(?<![\w'’-])(?:Mr|Dr)\.?[ \t]+(?:and|&)[ \t]+\Z")


def _gap_ok(before: str, role_end: int) -> bool:
    """Between a role word and the name, a line break only after a comma or colon ("mother,<LINE>Hester") or where
    prose was wrapped (a long line with no table cells: "... and brother<LINE>Tobiah")."""
    gap = before[role_end:]
    if "\n" not in gap or re.match(r"[ \t]*[,:]", gap):
        return True
    line = before[:role_end].rsplit("\n", 1)[-1]
    return len(line) >= _WRAPPED_PROSE and not re.search(r"[\t|/]", line)


_WRAPPED_PROSE = 60  # characters of a line that a PDF's text wrapped mid-sentence
# a plural role and its people in brackets: "the two allocated social workers (GW and PH)"; not "Dad (Kinsella)",
# a surname his daughter shares, which may be resolved to her and would carry the cue with it
_ROLE_BRACKET_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<role>" + ROLE_WORDS + r")s[ \t]*\((?:[^()\n]{1,30}?(?:,|\band\b|&)[ \t]*)?\Z", re.IGNORECASE
)
_JOB_ACTIVITY_BY = re.compile(
    r"(?<![\w'’-])(?P<role>[\w'’-]+(?:[ \t]+[\w'’-]+)?)[ \t]+(?:home[ \t]+)?(?:assessment|visit|review|check|"
    r"appointment|consultation)[ \t]+(?:was[ \t]+)?(?:(?:carried[ \t]+out|completed|done|undertaken)[ \t]+)?by[ \t]+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?$"
)
# "the case was allocated to", "opened an assessment and allocated it to"
_ALLOCATED_TO = re.compile(
    r"\b(?:was|were|been|and|case|referral)\s+(?:re-?)?allocated\s+(?:(?:it|them|the\s+(?:case|assessment|referral|"
    r"family|work))\s+)?to\s+$",
    re.IGNORECASE,
)
_ROLE_FOR_BEFORE = re.compile(r"(?<![\w'’-])(?P<role>" + ROLE_WORDS + r")[ \t]+for[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_WITH_BEFORE = re.compile(
    r"\b(?:lives|lived|living|moved|stays|stayed|staying)\b[^.;\n]{0,40}\bwith\s+$", re.IGNORECASE
)
# "Ms Quill told the school that she had a new partner, ...": the sentence's subject's
_HAD_A_BEFORE = re.compile(r"\b(?:she|he)\s+(?:had|has)\s+(?:got\s+)?an?\s+(?:new\s+)?$", re.IGNORECASE)
_A_NAME = r"(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2}"
_ROLE_IS = re.compile(
    r"\b(?:the\s+)?(?P<role>" + ROLE_WORDS + r")(?:s|ren)?(?:\s+(?:of|for|at)\s+[\w ]{1,30}?)?"
    r"(?:\s+\([^()\n]{1,60}\))?"  # "The health visitor (community trust, not part of this IMR) is"
    r"(?:\s+(?:throughout|then|now|also|initially|originally|at\s+the\s+time))?\s+(?:is|was|are|were)\s+"
    r"(?:(?:recorded|known|registered|listed|named)\s+as\s+)?"  # "Her brother is recorded as Ignatius Quill"
    # "The foster carers are X and Y", "her older siblings are X, Y and Z"
    rf"(?:{_A_NAME}(?:,\s+{_A_NAME})*(?:,\s+|,?\s+and\s+))?$",
    re.IGNORECASE,
)
# "her own mother and " before "sister Hettie": one owner for both relations
_OWNER_OF_THE_RELATION_BEFORE = re.compile(
    r"\b(?P<pronoun>his|her)\s+(?:own\s+)?(?:[a-z-]+\s+){0,2}?(?:" + ROLE_WORDS + r")\s+(?:and|or|&)\s+$",
    re.IGNORECASE,
)
# "Ignatius's son Tobiah Quill (aged 15) and daughter ": one owner's list of relatives, each of them his
_NAMED_OWNER_OF_THE_RELATION_BEFORE = re.compile(
    r"\b(?P<anchor>[A-Z][\w'’-]*)['’]s\s+(?:[a-z-]+\s+){0,2}?(?:" + ROLE_WORDS + r")\s+"
    r"(?:[A-Z][\w'’-]*\s*){1,3}(?:\([^()\n]{0,40}\)\s*)?,?\s*(?:and|or|&)\s+$",
    re.IGNORECASE,
)
_BRACKET_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.")
# "was born on 3 August 2002 to " before the mother's name; "... to Ebun Quill and " before the father's
_BORN_TO = re.compile(
    r"\b(?:was|were)[ \t]+born\b[^.;\n]{0,60}?[ \t]to[ \t]+(?:(?:Mr|Mrs|Ms|Miss)\.?[ \t]+)?"
    r"(?P<other>(?-i:[A-Z])[\w'’-]*(?:[ \t]+(?-i:[A-Z])[\w'’-]*){0,2}[ \t]+and[ \t]+"
    r"(?:(?:Mr|Mrs|Ms|Miss)\.?[ \t]+)?)?$",
    re.IGNORECASE,
)
# A plural relation word, then a list of names (each perhaps with its age): "three siblings: Ayaan (aged 16),
# Hamza (aged 9) and", "his sisters, Amber and", "twin half-brothers, Oliver and"
_LISTED_NAME = (
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"
    r"(?:[ \t]*\([^()\n]{1,40}\)|,[ \t]+(?:who[ \t]+was|aged|now)[^,\n]{1,20},)?"
)
_SIBLINGS_LIST_BEFORE = re.compile(
    r"\b(?:(?:half|step|twin)[- ]?)?(?:siblings|brothers|sisters|(?:half|step)[- ]?(?:brothers|sisters|siblings)"
    r"|(?:brother|sister)s?[ \t]+(?:and|&)[ \t]+(?:brother|sister)s?)"  # "her younger brother and sister, A and B"
    r"[ \t]*[,:(]?[ \t]*(?:" + _LISTED_NAME + r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+))*$"
)
# "experienced foster carers, Augustus and Dorcas Quill", "placed with Tobiah and Hester Quill": a child's carers
_CARERS_LIST_BEFORE = re.compile(
    r"\b(?:(?i:foster)[ \t]+(?:carers|parents)|(?:approved|experienced|emergency|respite)[ \t]+carers"
    r"|(?:placed|(?:foster[ \t]+)?placement)[ \t]+with(?:[ \t]+(?:Mr|Mrs|Ms|Miss)\.?[ \t]+and)?)"
    r"[ \t]*[,:(]?[ \t]*(?:" + _LISTED_NAME + r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+))*$"
)
# "her two children, Tobiah (aged 6) and Mabel": each named is her child
_CHILDREN_LIST_BEFORE = re.compile(
    r"\b(?:(?P<pronoun>(?i:his|her))|(?P<owner>(?:(?:Mr|Mrs|Ms|Miss)\.?[ \t]+)?[A-Z][\w'’-]*)(?:[ \t]+[A-Z][\w'’-]*)?"
    r",?[ \t]+(?:also[ \t]+)?ha[sd])[ \t]+"  # "Hester Quill has", "Ms Quill has": the sentence's subject
    r"(?:(?:two|three|four|five|six|[2-9]|young|younger|older|eldest|youngest|other)[ \t]+)"
    r"{0,2}(?:children|sons|daughters|kids)[ \t]*[,:(]?[ \t]*"
    r"(?:" + _LISTED_NAME + r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+))*$"
)
# "her grandparents Sandra and Keith Ashworth", "his maternal aunts, Gail and Tracy": each named is one of them
_RELATIVES_LIST_BEFORE = re.compile(
    r"\b(?P<side>maternal[ \t]+|paternal[ \t]+)?(?P<kind>grandparents|aunts|uncles|cousins)"
    r"[ \t]*[,:(]?[ \t]*(?:" + _LISTED_NAME + r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+))*$"
)
# "the two allocated social workers, Dorcas Quill (Assessment Team) and Ebun Pelbury (Children in Care Team)",
# "the health visitors Dorcas Quill and Ebun Pelbury": each named holds the job
# "Dorcas Quill from the Children Looked After team, who was the mother's own social worker,": a listed worker
_LISTED_WORKER = (
    _LISTED_NAME + r"(?:[ \t]+(?:from|of|in|at)[ \t]+the[ \t]+[^,;:\n]{1,40}?)?(?:,[ \t]+who[ \t]+[^,;:\n]{1,50},)?"
)
_JOBS_LIST_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<role>(?i:" + JOB_WORDS + r"))(?:s|[ \t]+(?:crew|team))"  # "a paramedic crew, A and B" too
    r"(?:[ \t]+(?:were|are)[ \t]+(?:allocated|involved|assigned|appointed))?"  # "Two social workers were allocated:"
    # a list ends with its "and": "A (x) and B (y), and C, Head of Centre" is no third one of them
    r"[ \t]*[,:(]?[ \t]*(?:" + _LISTED_WORKER + r"[ \t]*,[ \t]*)*(?:" + _LISTED_WORKER + r"[ \t]*,?[ \t]*and[ \t]+)?$"
)
_LISTED_RELATIVE = {"grandparents": ("grandmother", "grandfather"), "aunts": ("aunt", "aunt"),
                    "uncles": ("uncle", "uncle"), "cousins": ("cousin", "cousin")}  # fmt: skip
# "Isabel lived with her mother, who married Graham Ashworth": the mother's partner
_PARENT_MARRIED = re.compile(
    r"\b(?P<parent>mother|father|mum|dad)(?:\s*,\s*(?-i:[A-Z])[^,;.]{1,60},)?\s*,?\s+(?:who\s+)?"
    r"(?:later\s+|then\s+|has\s+since\s+)?"
    r"(?:married|remarried|moved\s+in\s+with)\s+$",
    re.IGNORECASE,
)
# "... who married Graham Ashworth; they have a son, Augustus": a child of the household, the child's half-sibling
_THEIR_CHILD = re.compile(
    r"\b(?:they|she|he)\s+(?:have|had|has)\s+(?:a|another)\s+(?:baby\s+)?(?:son|daughter|child)\s*,?\s*"
    r"(?:called\s+|named\s+)?$",
    re.IGNORECASE,
)
_RELATIONSHIP_WITH = re.compile(
    r"\b(?:began|started|formed|had|entered(?:\s+into)?|was\s+in|ended)\s+(?:a|an|her|his)\s+"
    r"(?:new\s+|brief\s+|sexual\s+|casual\s+)?relationship\s+with\s+$",
    re.IGNORECASE,
)
# "Both parents, A and B", "the parents (A and B)", "Parents: A and B": the name is one of the two parents;
# only names come between ("the stepfather's parents, often cared for Mabel" says nothing of Mabel)
_INTRODUCED_AS_AFTER = re.compile(
    r"\s*,?\s+(?:whom|who)\s+(?:she|he)\s+(?:introduced|described|named|presented)\s+as\s+(?P<pronoun>her|his)\s+"
    r"(?:new\s+)?(?P<role>" + ROLE_WORDS + r")\b",
    re.IGNORECASE,
)
_IN_A_RELATIONSHIP_AFTER = re.compile(
    r"\s+(?:was|is|had\s+been|has\s+been)\s+(?:(?:at\s+the\s+time|then|by\s+then|now|still)\s+)?in\s+a\s+"
    r"(?:[\w-]+\s+)?relati-?\s*onship\s+with\s+(?:(?-i:[A-Z])[\w'’-]*['’]s|the\s+(?:child|children|baby|boy|girl)['’]s?"
    r"|his|her)\s+(?P<parent>mother|father|mum|dad)\b",
    re.IGNORECASE,
)
# the first parent's age between: "child of A B (aged 21) and ", "child of A B, then aged 18, and "
_AGE_ASIDE = r"(?:\([^)\n]{0,30}\)\s+|,\s*(?:then\s+)?aged\s+\d{1,2},?\s+)?"
_PARENTS_BEFORE = re.compile(
    r"(?:\bparents(?:\s+(?:are|were))?\s*[,:(]?|\b(?:child|children|son|daughter)\s+of)\s*(?:the\s+late\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]*\s*){0,3}?" + _AGE_ASIDE + r"(?:and\s+)?$"
    r"|\bparents\s+(?:are|were)\s+(?:(?-i:[A-Z])[\w'’-]*\s+){1,4}" + _AGE_ASIDE + r"and\s+$",
    re.IGNORECASE,
)  # also "the only child of A and B", "Her parents are Tobiah Quill (aged 23) and Dorcas Quill"
# A name, a column gap, then its role in the next column of a table laid out with spaces or tabs:
# "Abena Osei        Mother        DOB 27/07/1994", "Morag Reid<TAB>Paternal grandmother, Greenock"
# (a long name may push its role one space from it: "Abena Osei-Bonsu Mother        DOB ...")
_CELL_AFTER = re.compile(
    r"^(?:[ ]{2,}|[ ]*\t[ \t]*)(?P<label>[A-Za-z][\w'’ -]{0,40}?)(?=[ ]{2,}|\t|,|[ ]*$)"
    r"|^[ ](?P<tight>[A-Za-z][\w'’-]*(?:[ ][a-z][\w'’-]*)?)(?=[ ]{2,}|\t)",
    re.M,
)
# a bracket an apposition reads past: initials "(LB)", "(TÓQ)"; an age or birth "(aged 31)", "(31)", "(DOB ...)";
# the person's other names "(née Quill, known as 'Hetty')"; quoted initials '("OG")'
_ASIDE_AFTER = re.compile(
    r"[ \t]+(?i:snr|jnr|senior|junior|sr|jr)\.?(?=[ \t]*[,(])"  # "Tobiah Quill snr, father"
    r"|[\"”’'][ \t]+[A-Z][\w'’-]+(?=[ \t]*,)"  # '"Big Tobs" Quill, paternal uncle': past the surname
    r"|[ \t]*\([ \t]*(?:[\"“‘']?[A-Z][\w.'’]{0,5}[\"”’']?|\d{1,2}(?:[ \t]+(?:years?|yrs?)(?:[ \t]+old)?)?"
    r"|(?i:aged?|dob|d\.o\.b\.?|born|b\.)[^()\n]{0,30}"
    r"|(?i:n[ée]e|formerly|(?:also[ \t]+)?known[ \t]+as|aka|a\.k\.a\.)[^()\n]{0,50})[ \t]*\)"
)
# a table typed with slashes between its cells: "PROSSER, Dylan / mother's partner / DOB 02/06/1981 / ..."
_TEACHERS_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})  # not a child's own "Ebun's class"
_CLASS_AFTER = re.compile(
    r"(?:['’]s|s['’])[ \t]+(?:reception[ \t]+|year[ \t]+\d+[ \t]+)?(?:class|form|tutor[ \t]+group)\b"
)
_SLASH_CELL_AFTER = re.compile(r"[ \t]+/[ \t]+(?P<label>[A-Za-z][\w'’ -]{0,40}?)[ \t]+/[ \t]")
# '"Sparky" (partner)' too; and a record's "PELBURY, Dorcas   DOB 14/05/1992   (mother)", past the birth date
_PAREN_AFTER = re.compile(
    r"^(?:['’]s?|[\"”])?(?:[ \t]+(?i:dob|d\.o\.b\.?|born)[ \t:]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?"
    r"\s*\(\s*(?P<phrase>[^()]{1,160})\)"
)
_LABEL_LENGTH = 60
# one of several quoted names, each with the record that wrote it in brackets: '"A Q" (GP), "Mrs Q" (nursery)'
_RECORDED_NAME_AFTER = re.compile(r"[\"”]\s*\([^()\n]{1,40}\)\s*(?:,\s*[\"“]|,?\s+and\s+[\"“])")
_RECORDED_NAME_BEFORE = re.compile(r"\([^()\n]{1,40}\)\s*(?:,|,?\s+and)\s*[\"“]$")


def _in_a_list_of_recorded_names(text: str, start: int, end: int) -> bool:
    """The mention is quoted, in a list of quoted names each followed by the record that wrote it."""
    quoted = text[start - 1 : start] in ('"', "“")
    return quoted and bool(
        _RECORDED_NAME_AFTER.match(text, end) or _RECORDED_NAME_BEFORE.search(text, max(0, start - 50), start)
    )
# what a bracket says before the relation: '(known as "Iggs"; IP, Ebun's father ...)', '(DQ, mother)'
_BRACKET_LEAD = re.compile(
    r"\s*(?:(?:known\s+as|aka|called)\s+[\"“‘']?[^\"”’';,]{1,20}[\"”’']?\s*[;,]\s*)?(?:[A-Z]{2,3}\s*[;,]\s*)?"
)
# "Ms Stanforth, the mother by Mr Osei-Tutu" lists who represents whom; "thanks Orla, her mother and her
# grandmother" lists three people: neither is an apposition.
# "Mrs X, Assistant Principal and DSL" joins two jobs of one person: an apposition.
# "Ms X, a social worker with 14 months' experience" is one; "the mother with her partner" or "with Mr Y" is not.
_NOT_APPOSITION = (
    # ("X, mother's partner from approx. Sept 2017" is one: from when)
    r"(?!\s+(?:by|to)\b)(?!\s+from\b(?!\s+(?:approx|about|around|early|late|mid|\d|(?-i:[A-Z][a-z]{2,8}\s+\d))))"
    r"(?!\s+with\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\b|(?:her|his|their)\b|(?-i:[A-Z])))"
    rf"(?!\s+(?:and|or|&)\b(?!\s+(?:{JOB_WORDS})\b))(?!\s*,\s*(?:and|or)\b)"
)
_FOR_AFTER = re.compile(r"\s+for\b")  # "X, housing officer for Quellmoor Housing": a job's employer, not a relative's
_APPOSITION_AFTER = re.compile(
    # "this was Tariq, not the father", "no meeting with Dorcas, no interpreter was considered": no cue
    r"^(?:['’]s?)?\s*,\s*(?!(?:not|never|nor|rather|no|without)\b)(?:"
    + _ANCHOR
    + "|"
    + _DET
    + r")?"
    + r"(?:year\s+\d{1,2}\s+)?"  # "Mr X, Year 4 class teacher"
    + _ADJ
    + r"(?P<role>"
    + ROLE_WORDS
    + r")\b(?!['’]s\b)"  # not "mother" of "mother's partner"
    + r"(?:\s+of\s+(?P<of>(?-i:[A-Z])[\w'’-]*))?"  # "Craig Hope, the boyfriend of Jade Ashworth"
    + _NOT_APPOSITION,
    re.IGNORECASE,
)
# a family table flattened to running text, each row's relation and birth date after the name: "... same Hester
# Quill mother 12/06/1967 42 same Tobiah Quill<LINE>brother 14/02/1987 ..."
_ROLE_THEN_BIRTH_DATE = re.compile(
    r"[ \t]*\n?[ \t]*(?P<role>(?:(?:maternal|paternal)[ \t]+)?(?:" + ROLE_WORDS + r"))"
    r"\s+(?:\d{1,2}/\d{1,2}/\d{2,4}|n/?k)\b"
)
# a membership table flattened to running text, each member's job title after the name: "... Council Hester Quill
# Designated Nurse, Safeguarding Children NHS Quellshire ..."
_JOB_CELL_RUN_ON = re.compile(r"[ \t]+(?P<job>(?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)\b")


@cache
def _job_title() -> re.Pattern[str]:
    return re.compile(job_title_pattern(detect_vocabulary(), r"[ \t]+"), re.IGNORECASE)


def _a_job_title(words: str) -> bool:
    """The words open with a job title the vocabulary knows ("Senior Adviser", "Business Manager")."""
    return _job_title().match(words) is not None


# a row's next cell run on after the name at a line's start: "Hester Quill mother - little English", "Tobiah
# Quill paternal uncle -"
_ROLE_CELL_RUN_ON = re.compile(
    r"[ \t]+(?P<role>(?:(?:maternal|paternal)[ \t]+)?" + ROLE_WORDS + r")(?:[ \t]+[-–—:(]|[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# "Hester Quill Mother Roma, from Kosice", "Tobiah Brother aged 12": a family table's row whose cells a PDF's text
# ran together mid-line: a capitalised relation straight after the name (not "Quill Mother and Baby Unit")
_ROLE_CELL_RUN_ON_MID_LINE = re.compile(
    # a record's birth date may stand between: "QUARRELL, Augustus DOB 23/04/1985 Father PNC ID ..."
    r"(?:[ \t]+(?:DOB|D\.O\.B\.?|dob|[Bb]orn)[ \t:]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?"
    r"[ ](?P<role>(?=(?-i:[A-Z]))(?:(?:maternal|paternal)[ \t]+)?(?:" + ROLE_WORDS + r"))\b"
    r"(?![ \t]+(?:and|&)[ \t]+baby|['’]s|[ \t]+(?:unit|of|to)\b)(?P<aged>[ \t]+aged\b)?",
    re.IGNORECASE | re.MULTILINE,
)
# "Oliwia, her mother Agnieszka Kaczmarek, ...": a relation word straight before a name is that name's, not
# the one before the comma
# in lower case, as a list of the household runs ("Ebun, mum (Dorcas)"); a note's "Dad (Quill)" may give only a
# surname, which another of the family may own
# "Mum (Dorcas" too, and a job: "DSL (Mr Quill"
_BRACKET_AFTER_RELATION = re.compile(
    rf"\b(?:{ROLE_WORDS})(?P<open>[ \t]*\([ \t]*[\"“‘']?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?)$", re.IGNORECASE
)  # 'brought by maternal aunt ("Dana")' too
_LETTERS_BEFORE_A_QUOTED_NAME = re.compile(r"(?<![\w'’-])[A-Z]{2,3}[ \t]*\([ \t]*[\"“‘']$")
# "Dad - Tobiah", "Ebun, mum (Dorcas), dad (Tobiah)": the name after the relation word, bracketed or not
_NAMES_THE_NEXT = re.compile(r"(?:[ \t]+[-–—:])?[ \t]+\(?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?[A-Z][a-z]")


_RELATION_RIGHT_BEFORE = re.compile(rf"\b(?P<role>{ROLE_WORDS})[ \t]+(?:(?:Mr|Mrs|Ms|Miss)\.?[ \t]+)?$", re.IGNORECASE)


def _another_relative_listed(text: str, start: int, role_after: str) -> bool:
    """ "with his mother Dorcas Quill, his father (who ...), and two brothers": the name has its relation before it,
    so another relation after the comma is the next of a list, not an apposition."""
    before = _RELATION_RIGHT_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    said, listed = KINDS.get(_role_of(before.group("role"))), KINDS.get(_role_of(role_after))
    return bool(said and listed and said.family and listed.family and said.role != listed.role)


def _names_the_next(after: str, apposition: re.Match[str]) -> bool:
    """The role word names the person after it ("Oliwia, her mother Agnieszka"), not a job title running on in
    capitals ("Rachel Summer, Named Nurse Safeguarding Children")."""
    following = _NAMES_THE_NEXT.match(after, apposition.end())
    if following is None or apposition.groupdict().get("of"):  # "the boyfriend of Jade Ashworth"
        return False
    kind = KINDS.get(_role_of(apposition.group("role")))
    word = re.match(r"[\w'’-]+", after[following.end() - 2 :])
    if (kind is not None and kind.family) or word is None:
        return True
    return name_gender(word.group()) is not None or not is_english_form(word.group().lower())


# "he thought Darren was her uncle", "staff assumed that Kerry was the mother": what someone wrongly believed
_RELATION_OF_BEFORE = re.compile(
    rf"\b(?:{FAMILY_WORDS})\s+of\s+(?:(?:the|that|this|his|her|their|a|an)\s+)?(?:[a-z][\w-]*\s+)?$", re.IGNORECASE
)
_POSSESSOR_OF_A_RELATION = re.compile(rf"['’]s\s+(?:[a-z-]+\s+){{0,2}}?(?:{ROLE_WORDS})\b", re.IGNORECASE)
_BELIEVED_BEFORE = re.compile(
    r"\b(?:thought|believed|assumed|presumed|claimed)\s+(?:that\s+)?[\"“‘']?$",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|of|to|with|about|by|from|at|on|in|than)\s+$", re.IGNORECASE)
_COPULA_AFTER = re.compile(
    r"^\s+(?:(?:is|was|became|had been|has been|remained)\s+(?:" + _ANCHOR + "|" + _DET + r")"
    r"|(?:(?:was|is|had been|has been)\s+)?(?:allocated|appointed|employed|working)\s+as\s+(?:" + _DET + r")?)" + _ADJ
    + r"(?P<role>" + ROLE_WORDS + r")\b",
    re.IGNORECASE,
)  # fmt: skip
# a job's acronym right after the name: "Letter from Dorcas Quill HV: ...", "G. Quill (TM)" is read as a bracket
_ACRONYM_AFTER = re.compile(r"^[ \t]+(?P<role>[A-Z]{2,4})(?=[ \t]*[:),;|]|[ \t]*$)", re.MULTILINE)
# "Tells HT (TQ) verbally": a job's letters, then the initials in brackets
_ACRONYM_BRACKET_BEFORE = re.compile(r"(?<![\w'’-])(?P<role>[A-Z]{2,4})[ \t]*\([ \t]*$")
# "Mrs X interpreted for the mother", "Mr Y, who interpreted at the meeting": an interpreter
_INTERPRETED_AFTER = re.compile(r"^\d{0,2}\s*(?:,\s*who\s+)?(?:had\s+|has\s+)?interpreted\b")
# "represented by Ms X", "the mother by Mr Y" (in a "represented by" list), "Ms X (instructed by ...)".
_REPRESENTED_BY = re.compile(r"\brepresented\s+by\s+(?:[^.;]{0,200}?\bby\s+)?$", re.IGNORECASE)
_INSTRUCTED_AFTER = re.compile(r"^\s*(?:,\s*)?\(\s*instructed\s+by\b|^\s*,?\s*(?:KC|QC)\b")
_ROLE_COLUMN = ("relationship", "relation", "role", "job", "title", "position", "designation", "status")
_NAME_COLUMN = ("name", "person", "individual", "family member")
_SUMMARY = re.compile(r"summary|introduction|overview|background", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    role: str
    weight: float
    anchor: str | None = None  # the name in "Kelly's partner": whose relation this is
    # "his" / "her" in "his mother, Sandra Whitlock": whose, said by a pronoun ("subject": the sentence's subject)
    pronoun: str | None = None
    at: int = -1  # where the mention the cue is about starts
    gender: str | None = None  # what the role word says: "brother" m, "sister" f, where the role does not


_MALE_WORD = re.compile(r"(?i)brother|\bson\b|nephew|husband|boyfriend")
_FEMALE_WORD = re.compile(r"(?i)sister|daughter|niece|\bwife\b|girlfriend")


def _word_gender(word: str) -> str | None:
    return "m" if _MALE_WORD.search(word) else "f" if _FEMALE_WORD.search(word) else None


# "Father" with a capital in mid-sentence, right before the name: "went to her priest, Father Tobiah"
# "her priest, Father Tobiah", 'the church knew him as Brother Tobiah', '"Brother Tobiah"': a church's title, no
# relative's (not "his Brother Tobiah")
_PRIESTS_TITLE = re.compile(
    r"(?:(?:,|\b(?!(?:his|her|their|my|your|our|its)\b)[a-z]+)[ \t]+|[\"“‘])(?:Father|Brother)[ ]$"
)


@dataclass(frozen=True)
class RoleResult:
    roles: dict[Cluster, str]
    warnings: tuple[str, ...]


# a bare role word after a list's colon or comma ("Seen: mum, maja", "present: dad, Kai"), not "her mother, X"
_IN_A_LIST = re.compile(r"[:;,]\s*$")
_CELL_EDGE = re.compile(r"\t| \| ")
# a chronology row's opening date, the agency column after it: "04/03/2016 GP ..."
_ROW_DATE = r"(?m)^[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[ \t]+"
_DATED_ROW_START = re.compile(_ROW_DATE + "$")


@lru_cache(maxsize=64)
def _agency_column(text: str, word: str) -> bool:
    """Some row of the draft's chronology has ``word`` after its date and no one's title after it: the column
    of agencies ("12/02/2016 GP Mother attended with Ebun")."""
    return re.search(_ROW_DATE + re.escape(word) + r"[ \t]+(?!(?:Mr|Mrs|Ms|Miss|Dr)\b)\S", text) is not None


_FIRST_CELL_AFTER_THE_DATE = re.compile(_ROW_DATE + r"(?P<cell>[A-Z][\w&/-]*)")
_AGENCY_WORDS = 3  # different agencies after the rows' dates that make the column one of agencies


@lru_cache(maxsize=8)
def _chronology_of_agencies(text: str) -> bool:
    """The draft's chronology names an agency after each row's date, several different ones ("18/10/2007 GP Ebun
    brought in ...", "23/11/2004 Police Domestic ...", "14/03/2006 HV New birth visit"): the word after a date is
    the agency there, whoever's name follows it."""
    cells = {match.group("cell") for match in _FIRST_CELL_AFTER_THE_DATE.finditer(text)}
    return len({cell for cell in cells if first_role(cell) or cell in detect_vocabulary().acronyms}) >= _AGENCY_WORDS


# a family list's date of birth or age after the name: "Sister Zoe Pellow (DOB 30/01/2010)" is a sibling
_BORN_AFTER = re.compile(r"\s*\((?i:dob|d\.o\.b\.?|born|b\.|aged?)\b")


@lru_cache(maxsize=256)
def _written_as_a_surname(text: str, word: str) -> bool:
    """The draft writes ``word`` after a first name somewhere ("Kelly Quill", "Tobiah Quill"): a family's surname."""
    return re.search(rf"\b[A-Z][\w'’-]+[ \t]+{re.escape(word)}\b", text) is not None


def _job_of(titles: list[str]) -> str | None:
    """The job a title names ("watch manager", "firefighter"), not a relation ("sister")."""
    role = first_role(" ".join(titles)) if titles else None
    kind = KINDS.get(role or "")
    return role if kind and not kind.family else None


# "the school nurse, Sister Bridget Mulcahy": a nurse's or a nun's title, not a relation ("her sister Amy")
def kin_word_of_another_language(said: str) -> str | None:
    """The relation a one-word mention names in another language ("Hooyo", "Babcia", "Khala"), as a name."""
    said = said.strip()
    role = first_role(said) if said.isalpha() and not is_english_form(said.lower()) else None
    return role if role and KINDS.get(role) and KINDS[role].family and len(said) > 3 else None


def _a_relation(word: str) -> bool:
    """The role word is a relation ("mother", or a word no kind knows), not a job."""
    return KINDS.get(_role_of(word), KINDS["family_member"]).family


# "the last, Tobiah Quarrell,", "the third of them, Ms Quill": one of the workers the sentence has just counted
_ORDINAL_APPOSITION = re.compile(
    r"\b(?:the|her|his|their)[ \t]+(?:last|latest|current|final|first|second|third|fourth|fifth|next|newest|"
    r"most[ \t]+recent)(?:[ \t]+(?:one|of[ \t]+(?:them|these|those)))?[ \t]*[,:–—-][ \t]*$",
    re.IGNORECASE,
)


# a verb of telling right before "her mum": the relative is whom someone told, and the name after it opens what
# was said ("tells her mum Lottie is safe")
_TOLD_BEFORE = re.compile(
    r"\b(?:tells?|told|telling|asks?|asked|texts?|texted|messages?|messaged|informs?|informed|warns?|warned|"
    r"reminds?|reminded|assures?|assured|promises?|promised)[ \t]+$",
    re.IGNORECASE,
)
_CLAUSE_VERB_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:is|was|were|had|has|would|will|could|can|did|does|needed|needs|wanted|wants|went|goes|"
    r"got|gets|felt|feels|seemed|seems)\b"
)


def _last_job_named(words: str) -> str | None:
    """The last professional's job ``words`` name (no relation: "her brothers; the eldest, Tobiah" is a sibling, which
    the relation cues say)."""
    words = " ".join(words.split())  # "social<LINE BREAK>worker", where a pasted line wrapped it
    jobs = [role for _, role, _ in phrase_roles(words) if not KINDS.get(role, KINDS["family_member"]).family]
    return jobs[-1] if jobs else None


def mention_cues(text: str, start: int, end: int, tables: Sequence | None = None) -> list[Cue]:
    """Role cues from the sentence around one PERSON mention at ``[start, end)``; ``tables`` (the draft's, as
    ``find_tables`` reads them) adds the cues of a table row the mention stands in. Read once per mention: role
    hints ask for a cluster's cues many times while clustering."""
    return list(_mention_cues(text, start, end, tables is not None))


@lru_cache(maxsize=2**16)
def _mention_cues(text: str, start: int, end: int, in_tables: bool) -> tuple[Cue, ...]:
    tables = find_tables(text) if in_tables else None  # cached for the draft being resolved
    cues: list[Cue] = []
    kin = kin_word_of_another_language(text[start:end])
    if kin:  # 'she told the teacher "Hooyo cries"': what a child calls her mother, the mother's
        cues.append(Cue(kin, 2))
    sent_start, sent_end = sentence_bounds(text, start)
    sent_end = max(sent_end, sentence_bounds(text, end - 1)[1])  # no sentence ends inside a name: "B. Quill (Nurse)"
    title = title_before(text, start)
    if title.strip().isupper() and keys_the_name(title.strip(), text[start:end]):
        title = ""  # a key of initials: "DS   Dorcas Quill" spells her letters, no detective sergeant's rank
    titles = title_words(title) + list(parse_name(text[start:end]).titles)
    if CHILD_TITLES & set(titles):
        cues.append(Cue("child", 2))
    if any(t in POLICE_TITLES for t in titles) or RANK_AND_COLLAR.search(text, max(0, start - 30), start):
        cues.append(Cue("police_officer", 3))
    elif {"judge", "hhj", "justice", "dj", "ddj", "recorder"} & set(titles):
        cues.append(Cue("judge", 3))
    elif {"paramedic", "emt"} & set(titles):  # "EMT Liam Hartigan": an ambulance crew
        cues.append(Cue("paramedic", 3))
    elif {"fr", "rev", "revd"} & set(titles):  # "Fr Tobiah Quill", "Revd Quill": a priest's or minister's title
        cues.append(Cue("faith_leader", 3))
    elif {"dr", "doctor"} & set(titles):
        nearest = _nearest_doctor_word(text, sent_start, sent_end, start)
        cues.append(Cue(nearest, 2) if nearest else Cue("doctor", 1))
    elif _job_of(titles):  # "Watch Manager Tobiah Quill", "WM Quill": a title that is the job
        cues.append(Cue(_job_of(titles), 3))
    before = _CELL_EDGE.split(text[sent_start:start])[-1]  # a word in the cell before ("GP<TAB>Mrs X") is no cue
    bracket = _BRACKET_AFTER_RELATION.search(before)
    if bracket and _LETTERS_BEFORE_A_QUOTED_NAME.search(before[: bracket.end()]):
        bracket = None  # 'TM ("Quellie")': a man's initials and the name he goes by, not a team manager's
    one_word = not re.search(r"\s", text[start:end].strip())
    opened = bracket.group("open").rstrip() if bracket else ""
    named_in_bracket = opened.endswith((*_BRACKET_TITLES, '"', "“", "‘", "'"))  # "(Ms Quill", '("Lottie"'
    if bracket and (named_in_bracket or not (one_word and _written_as_a_surname(text, text[start:end]))):
        # "mum (Dorcas)" reads as "mum Dorcas", "the health visitor (Ms Quill)" as "the health visitor Ms Quill";
        # not "Dad (Quill)", a surname a child shares, whose mention it may be
        before = before[: bracket.start("open")] + " "
    sister = nursing_sister(before) if not _BORN_AFTER.match(text, end) else None  # "Sister Zoe (DOB 2010)"
    if sister:  # "Sister Ní Fhlatharta": a ward sister or a nurse
        cues.append(Cue("nurse", 2))
    title = TITLE_BEFORE.search(before) or sister
    with_title = before
    if title:
        before = before[: title.start()]
        couple = _COUPLE_OPENS.search(before)
        before = before[: couple.start()] if couple else before  # "foster carers in Tarnwick, Mr and Mrs Knotley"
    # "Community Nursery Nurse Blessing Oyelaran": a title that is the job itself
    job_title = title is not None and bool({"nurse", "midwife"} & set(title_words(title.group())))
    match = _BEFORE.search(before) or (_BEFORE.search(with_title) if job_title else None)
    if match and not _gap_ok(match.string, match.end("role")):
        match = None  # "... not the father of either child<ROW>QUILL, Tobiah": the next row's name
    if match and match.group("role").isupper() and keys_the_name(match.group("role"), text[start:end]):
        match = None  # a key of initials: "MW   Tobiah Quill" spells his letters, no midwife's
    if match and _RELATION_OF_BEFORE.search(before, 0, match.start("role")):
        match = None  # "the father of that child (Dean Quill)": the relation is the other child's, not his
    if match and _TOLD_BEFORE.search(before, 0, match.start()) and _CLAUSE_VERB_AFTER.match(text, end):
        match = None  # 'a friend tells her mum Lottie is "up north"': whom she told, then what she said of someone
    if match and _POSSESSOR_OF_A_RELATION.match(text, end):
        match = None  # "Her own mother, Lottie's maternal grandmother Dorcas": Lottie owns the relation after
    if match and _IN_A_LIST.search(before, 0, match.start("role")) and before.rstrip().endswith(","):
        match = None  # "Seen: mum, maja, baby": a list of people, no role said of "maja"
    if match and match.group("role") in ("Father", "Brother") and _PRIESTS_TITLE.search(
        before, 0, match.end("role") + 1
    ):
        match = None  # "her priest, Father Tobiah": a priest's title, not her father
    if match and _DATED_ROW_START.search(before, 0, match.start("role")):
        # "04/03/2016 GP Mr Quill seen by Dr X", where other rows' "12/02/2016 GP Mother attended" make it the
        # agency column, not Mr Quill's job ("12/01/2016 HV Ms Quill completes the review" is the visitor); and
        # "18/10/2007 GP Ebun brought in by ..." in a chronology whose rows name several agencies
        titled = {"mr", "mrs", "ms", "miss"} & set(titles)
        agency = (titled and _agency_column(text, match.group("role"))) or _chronology_of_agencies(text)
        match = None if agency else match
    if match:
        pronoun = (match.group("pronoun") or "").lower() or None
        word = match.group("role")
        acting_for = _ROLE_FOR_BEFORE.search(before, 0, match.start("role"))
        if acting_for:  # "HV for baby: Nadia Karim", "Solicitor for the mother: X": the first role is the person's
            word, pronoun = acting_for.group("role"), None
        kin = not (pronoun or match.group("anchor")) and _a_relation(word)
        role_at = match.start("role")  # the owner and the relation before it stand in the 80 characters before
        shared = _OWNER_OF_THE_RELATION_BEFORE.search(before, max(0, role_at - 80), role_at) if kin else None
        if shared:
            pronoun = shared.group("pronoun").lower()  # "her own mother and sister Hettie": hers, as her mother is
        owner = _NAMED_OWNER_OF_THE_RELATION_BEFORE.search(before, max(0, role_at - 160), role_at) if kin else None
        if not (pronoun or match.group("anchor")) and _role_of(word) == "partner" and (
            _WITH_BEFORE.search(before, 0, match.start("role")) or _HAD_A_BEFORE.search(before, 0, match.start("role"))
        ):
            pronoun = "subject"  # "Dad Declan lives in Liverpool with partner Siobhán": the sentence's subject's
        anchor = match.group("anchor") or (owner.group("anchor") if owner and not pronoun else None)
        anchor_title = TITLE_BEFORE.search(before, 0, match.start("anchor")) if match.group("anchor") else None
        if anchor_title:  # "Mrs Quill's brother": whose, the title says, where a family shares the surname
            anchor = f"{anchor_title.group().strip()} {anchor}"
        # '"Auntie Dot"', a name in quotes opened by a kin word: how someone addresses her, weaker than a relation
        addressed = before[: match.start("role")].endswith(('"', "“", "‘")) and not (pronoun or anchor)
        cues.append(Cue(_role_of(word), 1 if addressed else 3, anchor, pronoun, start, _word_gender(word)))
    bracketed = _ROLE_BRACKET_BEFORE.search(before)
    if bracketed:  # "the two allocated social workers (GW and PH)": each of them
        cues.append(Cue(_role_of(bracketed.group("role")), 3))
    job_by = _JOB_ACTIVITY_BY.search(before)
    job_role = first_role(job_by.group("role")) if job_by else None
    if job_role and not KINDS.get(job_role, KINDS["family_member"]).family:  # "OT assessment by X": the OT
        cues.append(Cue(job_role, 3))
    ordinal = _ORDINAL_APPOSITION.search(before)
    worker = _last_job_named(before[: ordinal.start()]) if ordinal else None
    if worker:  # "her social worker changed four times; the last, Tobiah Quarrell, ...": the last of those workers
        cues.append(Cue(worker, 3))
    if _ALLOCATED_TO.search(before):  # "passed to the assessment team and allocated to Albert Sarpong"
        cues.append(Cue("social_worker", 2))
    if _REPRESENTED_BY.search(before) or _INSTRUCTED_AFTER.match(text[end:sent_end]):
        cues.append(Cue("counsel", 4))
    introduced = _INTRODUCED_AS_AFTER.match(text, end)
    if introduced:  # "with Mr Quarrell, whom she introduced as her partner": the partner of the one who introduced him
        cues.append(Cue(_role_of(introduced.group("role")), 3, None, introduced.group("pronoun").lower(), start))
    partner_of = _IN_A_RELATIONSHIP_AFTER.match(text, end)
    if partner_of:  # "Mr Quarrell was at the time in a relationship with Ebun's mother": the mother's partner
        parent = {"mum": "mother", "dad": "father"}.get(partner_of.group("parent").lower(), partner_of.group("parent"))
        cues.append(Cue(f"{parent.lower()}s_partner", 3, None, None, start))
    if _RELATIONSHIP_WITH.search(before):  # "Ms Thornber began a relationship with Lee Carver": her partner
        cues.append(Cue("partner", 3, None, "subject", start))
    married = _PARENT_MARRIED.search(before)
    if married:
        parent = married.group("parent").lower()
        parent = {"mum": "mother", "dad": "father"}.get(parent, parent)
        cues.append(Cue(f"{parent}s_partner", 3, None, None, start))
    if _THEIR_CHILD.search(before):  # outweighs the "son" it ends with
        cues.append(Cue("sibling", 4, None, None, start))
    if _SIBLINGS_LIST_BEFORE.search(before):  # "her twin half-brothers, Oliver and Harry": each of them
        cues.append(Cue("sibling", 3, None, None, start))
    jobs = None if match else _JOBS_LIST_BEFORE.search(before)
    if jobs:  # each of "the two allocated social workers, A (team) and B (team)"
        cues.append(Cue(_role_of(jobs.group("role")), 3, None, None, start))
    if _CARERS_LIST_BEFORE.search(before):  # weaker than a relation: "placed with her aunt" says the aunt
        cues.append(Cue("foster_carer", 2, None, None, start))
    children = _CHILDREN_LIST_BEFORE.search(before)
    if children:  # "her two children, Tobiah (aged 6) and Mabel": hers, whoever "her" is
        pronoun = children.group("pronoun")
        cues.append(Cue("child", 3, children.group("owner"), pronoun.lower() if pronoun else None, start))
    relatives = _RELATIVES_LIST_BEFORE.search(before)
    if relatives:  # "her grandparents Sandra and Keith Ashworth": a grandmother and a grandfather
        female, male = _LISTED_RELATIVE[relatives.group("kind")]
        gender = name_gender(parse_name(text[start:end]).first or text[start:end].split()[0])
        side = (relatives.group("side") or "").strip()
        role = {"f": female, "m": male}.get(gender or "", "grandparent" if female == "grandmother" else female)
        cues.append(Cue(f"{side}_{role}" if side and role != "grandparent" else role, 3, None, None, start))
    # "Both parents, Kayleigh Ashby and Dean Trow,": a mother and a father; but in a family table's row
    # ("Cousin, daughter of Tariq and Saima") they are the parents of that row's person
    in_a_row = any(row_of(table, start) for table in tables or [])
    parents = _PARENTS_BEFORE.search(before)
    if parents and not in_a_row:
        owner = re.search(_ANCHOR + r"$", before[: parents.start()])
        gender = name_gender(parse_name(text[start:end]).first or text[start:end].split()[0]) if owner else None
        parent = {"f": "mother", "m": "father"}.get(gender or "")
        if owner and parent:  # "Dorcas's parents, Augustus and Hester": Dorcas's father and mother
            cues.append(Cue(parent, 3, owner.group("anchor")))
        else:
            cues.append(Cue("parent", 3))
    born_to = _BORN_TO.search(before)
    if born_to:  # "Reu was born on 3 August 2002 to Ebun Quill": his mother (or, second of two, his father)
        gender = name_gender(parse_name(text[start:end]).first or text[start:end].split()[0])
        second = born_to.group("other") is not None
        parent = {"f": "mother", "m": "father"}.get(gender or "", "father" if second else "mother")
        cues.append(Cue(parent, 3))
    role_is = _ROLE_IS.search(before)
    possessive = text[start:end].endswith(("'s", "’s")) or text.startswith(("'s", "’s"), end)
    if role_is and not possessive:  # "whose father is Ms X's partner": the partner is the father
        cues.append(Cue(_role_of(role_is.group("role")), 2))
    after = text[end:sent_end]
    paren = _PAREN_AFTER.match(after)
    if paren and _keys_the_mention(paren.group("phrase"), text[start:end]):
        paren = None  # "Desmond Cole (DC)": his initials, not a detective constable
    if paren and _in_a_list_of_recorded_names(text, start, end):
        paren = None  # '"Dorcas Quill" (GP), "Mrs Tobiah" (nursery)': where each version was recorded, no job
    if paren:
        # a long bracket is a label only after a nickname or initials ('(known as "Iggs"; IP, Ebun's father and
        # ...)'); "Ebun (her GP, the health visitors, the nursery ...)" lists those who knew him
        lead = _BRACKET_LEAD.match(paren.group("phrase")).end()
        phrase = paren.group("phrase")[lead:]
        labelled = lead > 0 or len(phrase) <= _LABEL_LENGTH
        role = _label_role(phrase[:_LABEL_LENGTH]) if labelled else None
        if role:
            anchor = re.match(r"([A-Z][\w'’-]*)['’]s\s", phrase)
            cues.append(Cue(role, 4, anchor.group(1) if anchor else _label_anchor(phrase)))
    keyed = _ASIDE_AFTER.match(after)  # "Mr Tobiah Quarrell (TQ), Head of Year 9": past the initials, or an age
    rest = after[keyed.end() :] if keyed else after
    object_of = _PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
    believed = _BELIEVED_BEFORE.search(text, max(0, start - 30), start)
    for pattern, weight in ((_APPOSITION_AFTER, 3), (_COPULA_AFTER, 2)):
        match = pattern.match(rest)
        if match and pattern is _COPULA_AFTER and (object_of or believed):
            continue  # "for Harley was a father alone": not about Harley; "thought Darren was her uncle": a belief
        if match and pattern is _APPOSITION_AFTER and _another_relative_listed(text, start, match.group("role")):
            continue
        for_whom = pattern is _APPOSITION_AFTER and match and _FOR_AFTER.match(rest, match.end())
        if for_whom and _a_relation(match.group("role")):
            continue  # "Ms Quill, the mother for the local authority's case": a list of whom each acts for
        if match and not (pattern is _APPOSITION_AFTER and _names_the_next(rest, match)):
            of = match.groupdict().get("of")
            cues.append(Cue(_role_of(match.group("role")), weight, match.group("anchor") or of))
    row = _ROLE_CELL_RUN_ON.match(text, end) if start == 0 or text[start - 1] == "\n" else None
    if row:  # "Hester Quill mother - little English": a table's row whose cells a PDF's text ran together
        cues.append(Cue(_role_of(row.group("role")), 3))
    run_on = _ROLE_CELL_RUN_ON_MID_LINE.match(text, end) if not (row or _flat_row(text, start, end)) else None
    if run_on and (" " in text[start:end].strip() or run_on.group("aged")):
        cues.append(Cue(_role_of(run_on.group("role")), 3))
    dated = None if row or run_on else _ROLE_THEN_BIRTH_DATE.match(text, end)
    if dated:
        cues.append(Cue(_role_of(dated.group("role")), 3))
    job_cell = _JOB_CELL_RUN_ON.match(text, end) if " " in text[start:end].strip() else None
    job = first_role(job_cell.group("job")) if job_cell else None
    if job_cell and not job and _a_job_title(job_cell.group("job")):
        job = "professional"  # "Hester Quill Senior Adviser, Education Safeguarding": a job no pseudonym names
    if job and not KINDS.get(job, KINDS["family_member"]).family:  # "Hester Quill Designated Nurse, Safeguarding"
        cues.append(Cue(job, 2))
    acronym = _ACRONYM_AFTER.match(rest) or _ACRONYM_BRACKET_BEFORE.search(text, max(0, start - 8), start)
    acronym_role = first_role(acronym.group("role")) if acronym else None
    if acronym_role and not KINDS.get(acronym_role, KINDS["family_member"]).family:  # "Dorcas Quill HV:"
        cues.append(Cue(acronym_role, 3))
    if _INTERPRETED_AFTER.match(rest):
        cues.append(Cue("interpreter", 1))  # a relative who interpreted ("Gus interpreted") stays family
    employer = _EMPLOYER_AFTER.match(rest) if ADULT_TITLES & set(titles) else None
    employers_role = service_role(employer.group("employer")) if employer else None
    if employers_role:  # "Mr Chinedu Ibekwe of Harcourt & Ibekwe Solicitors"
        cues.append(Cue(employers_role, 2))
    if _CLASS_AFTER.match(text, end) and set(titles) & _TEACHERS_TITLES:  # "(Miss Quill's class)": her teacher
        cues.append(Cue("teacher", 2))
    signed = _signature_role(text, start, end)
    if signed:
        cues.append(Cue(signed, 3))
    at_line_start = _LINE_START.search(text, max(0, start - 40), start)
    attendee = _ATTENDEE_LINE.match(text, end + (keyed.end() if keyed else 0)) if at_line_start else None
    if attendee:  # "Dawn - CSC, Looked After Children team (allocated SW)": the job, else the service
        role = first_role(attendee.group("rest")) or service_role(attendee.group("rest"))
        if role:
            cues.append(Cue(role, 3))
    known_as = _LABEL_KNOWN_AS.search(before)
    if known_as and _label_role(known_as.group("label")):  # 'Child T was known to his family as "Iggy"'
        cues.append(Cue(_label_role(known_as.group("label")), 4))
    labelled = _LABEL_LINE_BEFORE.search(text, max(0, start - 60), start)
    if labelled and _label_role(labelled.group("label")):  # "- Father – Abdirahman Yusuf Farah, 34": a genogram
        cues.append(Cue(_label_role(labelled.group("label")), 4, _label_anchor(labelled.group("label"))))
    slash_cell = _SLASH_CELL_AFTER.match(text, end)
    if slash_cell and _label_role(slash_cell.group("label")):  # "PRITCHARD, Angharad / mother / DOB ..."
        cues.append(Cue(_label_role(slash_cell.group("label")), 4, _label_anchor(slash_cell.group("label"))))
    cell = _CELL_AFTER.match(after if after else text[end : end + 60])
    if cell and _DATED_ROW_START.search(text, text.rfind("\n", 0, start) + 1, start):
        cell = None  # "04/05/2016<TAB>HS<TAB>Mother, face to face": a chronology's worker, then whom she saw
    if cell:
        label = cell.group("label") or cell.group("tight")
        role = _label_role(label)
        if role:  # whose relation: the label's own owner, else the owner its table's relationship column names
            owner = _label_anchor(label) or next(
                (_relations_owner(table) for table in tables or [] if row_of(table, start)), None
            )
            cues.append(Cue(role, 4, owner))
    owner = text.startswith(("'s", "’s"), end)  # "Dorcas Quill Tobiah's mother 38": the row is the mother's
    flattened = None if cell or owner else _FLAT_ROW_AFTER.match(text, end) or _flat_row(text, start, end)
    flat_role = _label_role(flattened.group("label")) if flattened else None
    if flattened and flat_role:  # "Levi Boswell brother 12 Plot 14"
        cues.append(Cue(flat_role, 4, _label_anchor(flattened.group("label"))))
    for table in tables or []:
        cues += _table_cues(table, start) + _agency_cues(table, start)
    return tuple(cues)


# a family table a PDF flattened into one run of words: the name, its relation, the age ("Viney Boswell maternal
# grandmother 63 Plot 14")
_FLAT_ROW_AFTER = re.compile(r"[ \t]*\n?[ \t]*(?P<label>[A-Za-z'’-]+(?:[ \t]+[A-Za-z'’-]+)?)[ \t]+\d{1,2}(?![\d/:.])")
# ... and a longer relation cell after a name that opens its line: "Dorcas Quellin Subject of the review, mother 34
# 27 Knotley Terrace", "Tobiah Quill Paternal uncle ("Chacha"), co-owner of the shop 36 Knotley" (not a date)
# (in small letters only where the relation opens it: "Augustus son of Dorcas 11 years", not "Ebun visited her mother 3
# times"); an age in months or weeks is a baby's
_FLAT_ROW_LONG_LABEL = re.compile(
    rf"[ \t]+(?P<label>(?-i:[A-Z])[^\n\d]{{2,60}}?|(?=(?i:{FAMILY_WORDS})\b)[^\n\d]{{2,60}}?)[ \t]+(?P<age>\d{{1,2}})"
    r"(?![\d/:.])(?P<unit>[ \t]+(?i:months?|weeks?|days?|mths?|wks?)\b)?"
    r"(?![ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)


def _flat_row(text: str, start: int, end: int) -> re.Match[str] | None:
    """A flattened family row's relation cell and age after the name at ``[start, end)``, which opens its line."""
    return _FLAT_ROW_LONG_LABEL.match(text, end) if opens_its_line(text, start) else None


_CAPITALISED_OR_AND = r"(?:[A-Z][\w'’-]*|&)"
_EMPLOYER_AFTER = re.compile(
    rf"[ \t]+of[ \t]+(?:the[ \t]+)?(?P<employer>{_CAPITALISED_OR_AND}(?:[ \t]+{_CAPITALISED_OR_AND}){{0,5}})"
)
# the draft's own label for someone, and the name they were known by: 'Child T was known to his family and to most
# professionals as "Iggy"'
_LABEL_KNOWN_AS = re.compile(
    r"\b(?P<label>(?:Child|Baby|Infant|Sibling)[ \t]+[A-Z])\b[^.;]{0,80}?\b(?:known|called|referred[ \t]+to)\b"
    r"[^.;]{0,80}?\bas[ \t\n]+[\"“‘']?\Z"
)
# a family list's line: a relation, a dash, then the name ("- Maternal aunt – Sahra Ali Warsame, 22")
# ... or a key and its value in a two-column table typed with a tab: "Mother<TAB>Dorcas QUILL (NHS no. ...)"
_LABEL_LINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-•*][ \t]+)?(?P<label>[A-Za-z][\w'’ -]{1,40}?)(?:[ \t]+[–—-][ \t]+|[ ]*\t[ \t]*)\Z"
)
# an attendee list's line: the name, a dash, then the service and perhaps the job
def _keys_the_mention(phrase: str, name: str) -> bool:
    """``phrase`` is the initials of ``name``: "DC" of "Desmond Cole", "EÓQ" of "Ebun Ó Quill", or of a
    first name given alone, whose surname the letters add ("Dorcas (DS)" in a review in respect of her)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    letters = "".join(word[0] for word in words if word[0].isupper())
    written = phrase.strip().replace(".", "").upper()
    alone = len(words) == 1 and re.fullmatch(r"[A-Z]{2,3}", written) is not None and written[0] == letters.upper()
    return alone or len(letters) >= 2 and written == letters.upper()


_ATTENDEE_LINE = re.compile(r"(?:\*\*|__)?[ \t]+[-–—][ \t]+(?P<rest>[^\n]{3,160})")  # "**Name** - mother" too
# a line's start, a Markdown list's bullet and bold, and a first name and its quoted nickname before the surname
_LINE_START = re.compile(
    # a bullet, or a key's staff code (or its initials, set off by spaces: "AMcQ  Augustus Quill - senior practitioner")
    # (one space where Markdown folded them: "- DQ Dorcas Quill - team manager")
    r"(?:^|\n)[ \t]*(?:[-•*][ \t]+)?(?:" + STAFF_CODE_CELL + r"|[A-Z][A-Za-z]{1,4}\d{0,2}[ ]{2,}"
    r"|(?:[A-Z]{2,4}|[A-Z]Mc[A-Z])\d{0,2}[ ])?(?:\*\*|__)?"
    r"(?:[A-Z][\w'’-]*[ \t]+[\"“‘(][^\"”’)\n]{1,20}[\"”’)][ \t]+)?\Z"
)


# A signature block or a contact list: the name alone on its line, a short job line under it
# ("Paul Brook" / "Designated Nurse Safeguarding Children" / "NHS Leeds CCG")
_LINE_UNDER = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<line>[^\n]{3,70})[ \t]*(?:\n|$)")


def _signature_role(text: str, start: int, end: int) -> str | None:
    """The role the line under a name standing alone on its line gives, if that line is a short title."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if before.strip() and not TITLE_BEFORE.fullmatch(before.lstrip()):
        return None
    under = _LINE_UNDER.match(text, end)
    if under is None or len(under.group("line").split()) > 8 or re.search(r"[.!?]\s", under.group("line")):
        return None
    return first_role(under.group("line"))


_DOCTOR_WORDS = (("gp", re.compile(r"\bGP\b|surgery|practice|medical centre|health centre")),
                 ("paediatrician", re.compile(r"paediatric", re.IGNORECASE)))  # fmt: skip


def _doctor_distance(match: re.Match[str], at: int) -> int:
    return min(abs(match.start() - at), abs(match.end() - at))


def _nearest_doctor_word(text: str, sent_start: int, sent_end: int, at: int) -> str | None:
    """ "The paediatrician who treated him, Dr X, ... wrote to the GP": the kind of doctor said nearest the name."""
    found = [
        (_doctor_distance(m, at), role)
        for role, pattern in _DOCTOR_WORDS
        for m in pattern.finditer(text, sent_start, sent_end)
    ]
    return min(found)[1] if found else None


# an older brother or sister, who may be a grown man or woman: "his older brother, Ignatius Quill"
_OLDER_SIBLING_BEFORE = re.compile(
    r"\b(?:older|elder|eldest|big)[ \t]+(?:half-?|step-?)?(?:brother|sister)\b[^.;\n]{0,20}$", re.IGNORECASE
)


def role_hint(text: str, mentions: Sequence[Mention] = ()) -> Callable[[Cluster], str | None]:
    """A provisional role for a cluster from its own mentions' cues (used while clustering)."""
    tables = find_tables(text)
    evidence = child_evidence(text, mentions)

    @cache
    def parents_named() -> frozenset[str]:
        """Each word of a name the draft gives a mother or a father ("her mother, Dorcas Quill")."""
        said = (m for m in mentions for cue in mention_cues(text, m.start, m.end, tables)
                if cue.role in ("mother", "father") and not cue.anchor)  # fmt: skip
        return frozenset(fold(word) for m in said for word in m.text.split())

    def hint(cluster: Cluster) -> str | None:
        cues = [cue for m in cluster.mentions for cue in mention_cues(text, m.start, m.end, tables)]
        # "Her son, Tobiah": whose son is not known yet, so it says nothing of a child here; "Dorcas's brother,
        # Ignatius" or "her mother's brother", said of a parent, is an adult
        parents = parents_named() | _PARENT_WORDS.keys()
        uncles = [cue for cue in cues if cue.role == "sibling" and fold(cue.anchor or "") in parents]
        role = _vote([cue for cue in cues if not (cue.pronoun and cue.role == "child") and cue not in uncles])
        role = role or ("adult" if uncles else None)
        if role == "parent":
            role = _parent(cluster)
        young = any(evidence[m.start] for m in cluster.mentions) or any(cue.role == "child" for cue in cues)
        if young and (role is None or _interpreted_untitled(cluster, role) or role.endswith("cousin")):
            return "child"  # a cousin at school with the child: no "Mr X"; a child who interpreted: no interpreter
        older = any(_OLDER_SIBLING_BEFORE.search(text, max(0, m.start - 40), m.start) for m in cluster.mentions)
        return None if role == "sibling" and older and not young else role  # "his older brother" may be "Mr Quill"

    return hint


def _interpreted_untitled(cluster: Cluster, role: str | None) -> bool:
    """Read as an interpreter, and never titled as a grown-up: where the draft says the person is young, a child
    who interpreted for a parent ("Augustus interpreted for his own mother"), not "Mr Smithers", who did so too."""
    return role == "interpreter" and not cluster.titles & ADULT_TITLES


def _role_of(words: str) -> str:
    return first_role(words) or "professional"


def _label_role(label: str) -> str | None:
    """The role a table cell or bracketed label gives: "Subject" alone names the subject child."""
    if re.fullmatch(r"\s*(?:the\s+)?subject(?:\s*\([^()]*\))?\s*", label, re.IGNORECASE):  # "Subject (twin 1)"
        return "subject_child"
    roles = phrase_roles(label)
    if not roles or not _LABEL_LEAD.fullmatch(label[: roles[0][0]]):
        return None  # "(through their Children's Guardian)" says whom they act through, not who they are
    (at, role, words), *rest = roles
    if rest and role in ("mother", "father") and _POSSESSIVE_AFTER.match(label, at + len(words)):
        _, relation, relation_words = rest[0]  # "Father's cousin", "Mother's sister": the parent's relative
        return _relative_to_parent(relation, role, _word_gender(relation_words))
    # "Subject of the review, mother", "Partner, father of the children": the parent the story knows her as
    parent = next((r for a, r, w in rest if r in ("mother", "father") and _own_relation(label, a + len(w))), None)
    return parent if parent and role in ("subject_child", "partner") else role


def _own_relation(label: str, end: int) -> bool:
    """The relation ending at ``end`` is the person's own, not another's ("mother's", "father of Tobiah")."""
    return not (_POSSESSIVE_AFTER.match(label, end) or re.match(r"\s+of\s+(?-i:[A-Z])", label[end:]))


_POSSESSIVE_AFTER = re.compile(r"['’]s\s")


def _label_anchor(label: str) -> str | None:
    """Whose relation a label gives: "Grant" of "Son of Mrs Grant", "Tyler" of "Father of Tyler", "Rose" of
    "Rose's younger sister"."""
    roles = phrase_roles(label)
    of = _OF_SOMEONE.match(label, roles[0][0]) if roles else None
    if of:
        return of.group("name")
    # a name, not a role ("Mother's partner" is already the relation), opening the label or a part of it
    owner = _OWNER_FIRST.match(label) or _OWNER_AFTER_A_COMMA.search(label)  # "Ex-husband, Ebun's father"
    return owner.group("name") if owner and roles and not first_role(owner.group("name")) else None


_OWNER_FIRST = re.compile(r"\s*(?P<name>[A-Z][\w-]*)['’]s\s")
_OWNER_AFTER_A_COMMA = re.compile(r"[,;/]\s*(?P<name>[A-Z][\w-]*)['’]s\s")


_OF_SOMEONE = re.compile(r"[\w'’-]+\s+of\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?P<name>[A-Z][\w'’-]*)")
_LABEL_LEAD = re.compile(
    # "Victim, mother", "Perpetrator; mother's partner": another word of the label first
    r"\s*(?:[\w'’-]+\s*[,;/(]\s*)?"
    r"(?:(?:the|his|her|their|a|an|[A-Z][\w'’-]*['’]s)\s+)?"
    r"(?:(?!(?:through|by|with|for|to|from|of|and|at|in|on|via|not|never|nor)\b)[\w'’-]+\s+){0,2}",
    re.IGNORECASE,
)


def _table_cues(table, offset: int) -> list[Cue]:  # type: ignore[no-untyped-def]
    column = table.column(*_ROLE_COLUMN)
    found = row_of(table, offset)
    if column is None or found is None:
        return []
    row, index = found
    name_column = table.column(*_NAME_COLUMN)
    if index == column or column >= len(row) or index != (0 if name_column is None else name_column):
        return []  # "Subject" says whose row it is, not who lives at the address cell's "Foster care, ..."
    label = row[column].text
    role = _label_role(label)
    anchor = _label_anchor(label) or _relations_owner(table)
    return [Cue(role, 5, anchor, gender=_word_gender(label))] if role else []


def _agency_cues(table, start: int) -> list[Cue]:  # type: ignore[no-untyped-def]
    """A chronology's worker with no job in her own cell: the job the row's agency cell gives ("HV", "Midwifery",
    "Police") where she opens a "Practitioner" or "Worker" cell."""
    found = row_of(table, start)
    agency, workers = table.column(*_AGENCY_COLUMN), table.column(*_WORKER_COLUMN)
    if found is None or agency is None or agency >= len(found[0]) or found[1] == agency:
        return []
    row = found[0]
    own = row[found[1]]
    before = own.text[: max(0, start - own.start)]
    if found[1] == workers:
        if re.search(r"\S", before) or first_role(own.text):
            return []  # not the cell's first name, or one the cell gives a job of its own ("Hester Quill, HV")
    elif not _DONE_BY.search(before):
        return []  # an entry's "visit by Ms Quill" is the agency's worker; "Mother told Ms Quill" says nothing
    role = first_role(row[agency].text) or service_role(row[agency].text)
    kind = KINDS.get(role or "")
    return [Cue(role, 2)] if role and kind and not kind.family else []


_AGENCY_COLUMN = ("agency", "service", "organisation", "source")
_DONE_BY = re.compile(
    r"\b(?:(?:visit(?:ed)?|seen|reviewed|assessed|completed|made|undertaken|call(?:ed)?)[ \t]+by"
    r"|(?:re-?)?(?:allocated|transferred)[ \t]+to)[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?$"
)  # "Case transferred to Ms X" in a social care row: the new social worker
_WORKER_COLUMN = ("practitioner", "worker", "professional", "staff", "contact by", "seen by")


def _relations_owner(table) -> str | None:  # type: ignore[no-untyped-def]
    """Whose relations a family table's column gives: "ebun" of "Relationship to Ebun" (a review of an adult, whose
    table says how each person is related to her, not to the child)."""
    column = table.column(*_ROLE_COLUMN)
    return _owner_named(table.header[column]) if column is not None else None


@cache  # asked for every mention in the table's rows, of a handful of headings
def _owner_named(heading: str) -> str | None:
    owner = _RELATION_TO.search(heading)
    return owner.group("name") if owner and owner.group("name") not in _NOT_AN_OWNER else None


_RELATION_TO = re.compile(r"\brelation(?:ship)?\s+to\s+(?P<name>[\w'’-]+)$")
_NOT_AN_OWNER = frozenset({"the", "child", "subject", "victim", "deceased", "him", "her", "them"})


def _adults_by_table_age(tables, people: list[Cluster]) -> set[int]:  # type: ignore[no-untyped-def]
    """Start offsets of mentions whose family-table row gives an adult's age in its "Age" column ("38")."""
    starts = set()
    for table in tables:
        column = next((i for i, cell in enumerate(table.header) if re.search(r"\bage\b", cell)), None)
        names = table.column(*_NAME_COLUMN) or 0
        if column is None or "month" in table.header[column]:
            continue
        for mention in (m for c in people for m in c.mentions):
            found = row_of(table, mention.start)
            if found is None or found[1] != names or column >= len(found[0]):
                continue  # "Ebun's father" in another row's relation cell: that row's age is the father's
            age = re.fullmatch(r"\s*(\d{1,3})(?:\s*(?:years?|yrs?|y))?\s*", found[0][column].text)
            if age and int(age.group(1)) >= ADULT_AGE:
                starts.add(mention.start)
    return starts


def _ages_by_flat_row(text: str, people: list[Cluster]) -> tuple[set[int], set[int]]:
    """Start offsets of mentions opening a flattened family row that gives an adult's age ("... mother 34 ..."),
    and of those whose row gives a child's ("Augustus son of Dorcas 11 years", "... 20 months")."""
    adults, children = set(), set()
    for mention in (m for c in people for m in c.mentions):
        row = _flat_row(text, mention.start, mention.end)
        if row and first_role(row.group("label")):
            grown = not row.group("unit") and int(row.group("age")) >= ADULT_AGE
            (adults if grown else children).add(mention.start)
    return adults, children


_SIDED_KIN = frozenset({"aunt", "uncle", "cousin"})
_AUNTS_AND_UNCLES = frozenset(f"{side}{kin}" for side in ("", "maternal_", "paternal_") for kin in ("aunt", "uncle"))


def _aunt_or_uncle_s_child(aunt_or_uncle: str) -> str:
    """An aunt's or an uncle's child is the subject's cousin, on the same side."""
    side, _, _ = aunt_or_uncle.rpartition("_")
    return f"{side}_cousin" if side else "cousin"


def _relative(role: str, anchor_role: str | None) -> str | None:
    """The role relative to the subject child, given whose relation it is."""
    kind = KINDS.get(role)
    if role == "child" and anchor_role == "other":
        return None  # "Son of Mrs Grant", a neighbour or a carer: no child of this family
    if kind is None or not kind.family or anchor_role in (None, "other", "subject_child", "child"):
        return role
    if role == "child" and anchor_role in _AUNTS_AND_UNCLES:
        return _aunt_or_uncle_s_child(anchor_role)  # "Ignatius's son Tobiah", Ignatius an uncle: a cousin
    side = {"mother": "maternal", "father": "paternal"}.get(anchor_role)
    if side:
        table = {"partner": f"{anchor_role}s_partner", "mother": f"{side}_grandmother",
                 "father": f"{side}_grandfather", "grandmother": None, "child": "child"}  # fmt: skip
        if role in _SIDED_KIN:  # "Tomek's cousin" said of the father: the paternal cousin
            return f"{side}_{role}"
        return table.get(role, role if role.startswith(side) else None)
    if anchor_role == "sibling" and role in ("sibling", "mother", "father"):
        return role  # "Father of Kacper, Lena, Zofia": a half-sibling's father is a father in the family's story
    return None


def infer_roles(document: Document, clusters: list[Cluster], config: ReportConfig) -> RoleResult:
    text = document.text
    tables = find_tables(text)
    people = [c for c in clusters if c.label == "PERSON" and not c.ambiguous]
    evidence = child_evidence(text, [m for c in clusters if c.label == "PERSON" for m in c.mentions])
    row_adults, row_children = _ages_by_flat_row(text, people)
    for start in row_children:
        evidence[start] += 1
    cues: dict[Cluster, list[Cue]] = {c: [] for c in people}
    babies = infants(text, [m for c in people for m in c.mentions])
    for cluster in people:
        for mention in cluster.mentions:
            cues[cluster] += mention_cues(text, mention.start, mention.end, tables)
        if any(m.start in babies for m in cluster.mentions):  # "the parents, Ebun and Tobiah used the other room"
            cues[cluster] = [cue for cue in cues[cluster] if cue.role not in _GROWN_UPS_ROLES]
    first_pass = {c: _vote(cs) for c, cs in cues.items()}
    order = sorted(((m.end, c) for c in people for m in c.mentions), key=lambda pair: pair[0])
    adults = stated_adults(text, [m for c in people for m in c.mentions]) | _adults_by_table_age(tables, people)
    adults |= row_adults
    about_a_child = reviews_a_child(document)
    joint_review = reviews_an_adult(document) and about_a_child
    for cluster in people:
        if any(m.start in adults for m in cluster.mentions):
            for mention in cluster.mentions:
                evidence[mention.start] = 0
            if joint_review and first_pass[cluster] == "subject_child":  # a joint homicide review's victim, 38
                cues[cluster] = [cue for cue in cues[cluster] if cue.role != "subject_child"]
                first_pass[cluster] = _vote(cues[cluster])
            if about_a_child or not reviews_an_adult(document):  # a homicide review's "his mother" is the family's
                first_pass[cluster] = first_pass[cluster] or "adult"  # whose "his mother" is not the child's
    young = {c for c in people if any(evidence[m.start] for m in c.mentions)}
    first_pass |= {c: "child" for c in young if _interpreted_untitled(c, first_pass.get(c))}
    _parents_of_children(text, people, cues, first_pass, order, young)
    _mothers_by_birth(text, people, cues, first_pass, order)
    if joint_review:
        _victim_is_a_parent(text, people, cues, first_pass, young, order)
    # whose relation a possessive says ("Siân's mother"): a parent as the mother or the father, where that shows
    anchors = {c: (_parent(c) or role) if role == "parent" else role for c, role in first_pass.items()}
    _the_other_parent(anchors, cues, otherwise="parent")
    roles: dict[Cluster, str] = {}
    for cluster, cluster_cues in cues.items():
        adjusted: list[Cue] = []
        own_gender = cluster.gender()  # from titles and the first name only
        for cue in cluster_cues:
            if cue.anchor:
                anchor_role = _anchor_role(cue.anchor, people, anchors, cluster)
                if cue.role == "sibling" and anchor_role in ("mother", "father"):  # "Rose's younger sister"
                    gender = cluster.gender(first_pass.get(cluster)) or cue.gender
                    role = _relative_to_parent(cue.role, anchor_role, gender)
                else:
                    role = _relative(cue.role, anchor_role)
            elif cue.pronoun:
                anchor_role = _pronoun_role(text, cue, order, first_pass, cluster, young)
                gender = cluster.gender(first_pass.get(cluster)) or cue.gender  # "your brother Mahad": a man
                role = _relative_to_parent(cue.role, anchor_role, gender)
            else:
                role = cue.role
            if role == "parent":
                role = _parent(cluster) or "parent"  # decided below by the other parent
            if role == "partner" and first_pass.get(cluster) in ("mother", "father"):
                continue  # "his partner Ottoline ..., her daughter Ebun": the child's mother, whose partner he is
            gender = own_gender if cue.weight < 4 else title_gender(sorted(cluster.titles))  # a label outweighs a name
            if role and gender and role_gender(role) not in (None, gender):
                continue  # "father" for Ms Lorraine X: a cue that read the sentence wrong
            if role:
                adjusted.append(Cue(role, cue.weight))
        role = _vote(adjusted)
        if (role is None or _interpreted_untitled(cluster, role)) and any(evidence[m.start] for m in cluster.mentions):
            role = "child"
        if role is None and any(_acts_professionally(text, m) for m in cluster.mentions):
            role = "professional"
        if role:
            roles[cluster] = role
    _the_other_parent(roles, cues, otherwise="adult")
    warnings = _choose_subject(document, people, roles, config, evidence)
    _children_of_the_family_are_siblings(people, roles)
    _children_of_the_parents_are_siblings(text, people, roles, cues, order)
    _born_to_the_mother(text, roles, order)
    return RoleResult(roles, tuple(warnings))


# what a baby, said to be some months, weeks or days old, is not: a cue that says so read the sentence wrong
_GROWN_UPS_ROLES = frozenset(
    {"parent", "mother", "father", "partner", "mothers_partner", "fathers_partner", "stepfather", "stepmother",
     "grandmother", "grandfather", "grandparent"}
)  # fmt: skip
_PARENT_ROLES = frozenset(
    {"subject_child", "mother", "father", "mothers_partner", "fathers_partner", "stepfather", "stepmother"}
)


def _the_other_parent(roles: dict[Cluster, str | None], cues: dict[Cluster, list[Cue]], otherwise: str) -> None:
    """ "Her parents are Dafydd Wyn Pryce and Siân Pryce": a parent whose name says no gender is the father
    beside the one mother named a parent too (or the mother beside the one father); else ``otherwise``."""
    named_parents = [c for c, cs in cues.items() if any(cue.role == "parent" for cue in cs)]
    assigned = Counter(roles.get(c) for c in named_parents)
    for cluster in named_parents:
        if roles.get(cluster) != "parent":
            continue
        if assigned["mother"] == 1 and not assigned["father"]:
            roles[cluster] = "father"
        elif assigned["father"] == 1 and not assigned["mother"]:
            roles[cluster] = "mother"
        else:
            roles[cluster] = otherwise
        assigned[roles[cluster]] += 1


def _children_of_the_family_are_siblings(people: list[Cluster], roles: dict[Cluster, str]) -> None:
    """A child with no relation said who bears the subject's or a parent's surname, or a part of it ("Maja
    Wiśniewska, 6", the mother being Kamila Wiśniewska) is the subject's (half-)sibling, not some other child."""
    family = {part for c in people if roles.get(c) in _PARENT_ROLES for part in _surname_parts(c.last)}
    for cluster in people:
        if roles.get(cluster) == "child" and family & _surname_parts(cluster.last):
            roles[cluster] = "sibling"  # "Cerys Morgan-Hughes" of a mother "Gwen Morgan" too


def _surname_parts(last: str | None) -> set[str]:
    return {part for part in (last or "").split("-") if len(part) > 1}


# What practitioners do in a chronology: "X completed a single assessment", "a referral was allocated to X".
_PRACTICE_AFTER = re.compile(
    r"^\s+(?:then\s+|also\s+|later\s+)?(?:completed|carried\s+out|undertook|conducted)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:assessment|visit|review|examination|investigation|enquiry|screening)"
    r"|^\s+(?:made|sent|submitted)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?referral"
    r"|^\s+(?:chaired|convened|minuted)\b|^\s+held\s+an?\s+(?:joint\s+)?(?:home\s+)?(?:visit|meeting|discussion)",
    re.IGNORECASE,
)
_PRACTICE_BEFORE = re.compile(
    r"\b(?:allocated\s+to|booked\s+(?:[\w-]+\s+){0,3}?with"
    r"|(?:chaired|assessed|examined|supervised|convened|undertaken|completed)\s+by)\s+$",
    re.IGNORECASE,
)


def _parent(cluster: Cluster) -> str | None:
    """One of "both parents": the mother or the father, as the name or title says."""
    return {"f": "mother", "m": "father"}.get(cluster.gender() or "")


def _acts_professionally(text: str, mention: Mention) -> bool:
    """True when the sentence has the person doing a practitioner's work (no job title given)."""
    before = text[max(0, mention.start - 40) : mention.start]
    before = before[: len(before) - len(title_before(before, len(before)))]
    return bool(_PRACTICE_AFTER.match(text[mention.end : mention.end + 120]) or _PRACTICE_BEFORE.search(before))


def _vote(cues: list[Cue]) -> str | None:
    totals: dict[str, float] = defaultdict(float)
    best: dict[str, float] = defaultdict(float)
    order: dict[str, int] = {}
    for index, cue in enumerate(cues):
        totals[cue.role] += cue.weight
        best[cue.role] = max(best[cue.role], cue.weight)
        order.setdefault(cue.role, index)
    if not totals:
        return None
    winner = max(totals, key=lambda r: (totals[r], best[r], -order[r]))
    # "the maternal grandmother, X" and "Nana X" elsewhere: one grandmother, whose side a cue said
    sided = [r for r in totals if r in (f"maternal_{winner}", f"paternal_{winner}")]
    return sided[0] if len(sided) == 1 else winner


def _pronoun_role(text: str, cue: Cue, order: list, roles: dict, me: Cluster, young: set) -> str | None:  # type: ignore[type-arg]  # noqa: E501
    """The role of the person "his" or "her" points back to (see ``_pronoun_referent``); the subject's where the
    review's own label for a child comes first ("Baby L lived with her mother, X, and her father, Y"). ``young``:
    the people the draft gives a child's age or schooling."""
    if _label_comes_first(text, cue, order, roles, me):
        return "subject_child"
    referent = _pronoun_referent(text, cue, order, roles, me)
    if referent is None:
        return None
    if _of_another_family(referent, me, roles):
        return "another_family"
    grown_up = referent not in young and _grown_up_subject(text, cue, referent)  # not a child another's "Mrs" joined
    if roles.get(referent) is None and grown_up:
        return "adult"  # "Mr Quill joined the Army in 2009. His mother, ...": a grown man's, not the child's
    return roles.get(referent) or "other"


def _grown_up_subject(text: str, cue: Cue, referent: Cluster) -> bool:
    """The pronoun opens its sentence ("His mother, ...") and points back to a person of no role whom the draft
    titles as a grown-up ("Mr Quill"; not "Cllr", a title the child's cluster may have taken from his father's)."""
    opening = text[sentence_bounds(text, cue.at)[0] : cue.at]
    return bool(re.match(r"\s*(?:\d+(?:\.\d+)*\s+)?(?:His|Her)\s", opening)) and bool(
        referent.titles & {"mr", "mrs", "ms", "mx"}
    )


def _of_another_family(referent: Cluster, me: Cluster, roles: dict) -> bool:  # type: ignore[type-arg]
    """ "Ebun Pelbury was 17 when Child A met him ... He lived with his mother Ottoline Pelbury": "his" is a young
    person's who is not the subject, and the relative shares his surname and not the subject's: the relative is of
    his family, not the child's."""
    subjects = {c.last for c, role in roles.items() if role in ("subject_child", "child") and c.last}
    kind = KINDS.get(roles.get(referent) or "")
    return (
        bool(subjects)
        and not (kind and kind.family)  # a half-brother's father is still in the child's story
        and referent.last is not None
        and referent.last == me.last
        and referent.last not in subjects
    )


def _pronoun_referent(text: str, cue: Cue, order: list, roles: dict, me: Cluster) -> Cluster | None:  # type: ignore[type-arg]
    """The person "his" or "her" points back to: the sentence's first person of that gender before the cue's
    mention, else an earlier sentence's ("Bram grew up here. His mother, ..."); not the mention's own person,
    and not merely the nearest ("Lily lived with her mother, Kirsty, and her brother")."""
    if cue.pronoun == "your":
        return _addressee(text, order)
    coordinated = _coordinated_owner(text, cue, order, roles, me)
    if coordinated is not None:
        return coordinated
    same = _SAME_PERSON_PRONOUN.get(cue.pronoun or "")
    chained = True
    for back, (low, high) in enumerate(_sentences_back(text, cue.at, _CHAINED_SENTENCES)):
        if back >= 3 and not chained:
            return None  # beyond two sentences back only along a chain of "she", "her": "Ms X ... She ... Her"
        first = _first_person(text, cue, order, roles, me, low, high)
        if first is not None:
            return first[1]
        chained = bool(same and same.search(text, low, high))
    return None


def _coordinated_owner(text: str, cue: Cue, order: list, roles: dict, me: Cluster) -> Cluster | None:  # type: ignore[type-arg]  # noqa: E501
    """ "Lottie and her younger half-brother Augustus": the name right before "and her" has the brother or sister,
    whoever opened the sentence (not "Kirsty, and her brother", where a comma ends an apposition)."""
    if cue.role != "sibling":  # "moved in with Lottie and her older son": the subject's son, not the girl's
        return None
    joined = _AND_PRONOUN_BEFORE.search(text, max(0, cue.at - 60), cue.at)
    wanted = {"his": "m", "her": "f"}.get(cue.pronoun or "")
    if joined is None or joined.group("pronoun").lower() != cue.pronoun:
        return None
    for end, cluster in order:
        if end == joined.start() and cluster is not me and cluster.gender(roles.get(cluster)) in (wanted, None):
            start = next(m.start for m in cluster.mentions if m.end == end)
            # "with her mother Dorcas and her father Tobiah": a list of one person's relatives, each "her" the same
            return None if _RELATION_BY_PRONOUN_BEFORE.search(text, max(0, start - 60), start) else cluster
    return None


# 'her mother Dorcas ("Dot") ' before the name: one of a list of relatives the same "her" brings in
_RELATION_BY_PRONOUN_BEFORE = re.compile(
    r"\b(?:his|her|their)[ \t]+(?:own[ \t]+)?(?:[\w-]+[ \t]+)?(?:" + ROLE_WORDS + r")\b[^.;:]*$", re.IGNORECASE
)
_AND_PRONOUN_BEFORE = re.compile(r"[ \t]+and[ \t]+(?P<pronoun>his|her)[ \t]+(?:[\w-]+[ \t]+){1,3}$")
_CHAINED_SENTENCES = 6
_SAME_PERSON_PRONOUN = {
    "his": re.compile(r"\b(?:he|his|him)\b", re.IGNORECASE), "her": re.compile(r"\b(?:she|her)\b", re.IGNORECASE)
}


def _label_comes_first(text: str, cue: Cue, order: list, roles: dict, me: Cluster) -> bool:  # type: ignore[type-arg]
    """A review label ("Baby L", "Child A") stands before the first person "his" or "her" could point back to."""
    if cue.pronoun not in ("his", "her"):
        return False
    for low, high in _sentences_back(text, cue.at):
        label = _REVIEW_LABEL.search(text, low, high)
        first = _first_person(text, cue, order, roles, me, low, high)
        if label is not None and (first is None or label.end() < first[0]):
            return True
        if first is not None:
            return False
    return False


# the review's own name for a child: "Baby L", "Child A", "Young Person C"
_REVIEW_LABEL = re.compile(r"(?<![\w'’-])(?:Baby|Child|Infant|Young[ \t]+Person)[ \t]+[A-Z](?![\w-])")


def _sentences_back(text: str, at: int, count: int = 3) -> Iterator[tuple[int, int]]:
    """The sentence up to ``at``, then whole sentences before it: ``count`` in all."""
    low, high = sentence_bounds(text, at)[0], at
    for _ in range(count):
        yield low, high
        if low == 0:
            return
        low, high = sentence_bounds(text, low - 1)[0], low


def _first_person(text: str, cue: Cue, order: list, roles: dict, me: Cluster, low: int, high: int) -> tuple[int, Cluster] | None:  # type: ignore[type-arg]  # noqa: E501
    """The first mention ending in ``(low, high]`` of someone other than ``me`` whom the pronoun can mean. Not, for
    the child's own kin, one whom the same pronoun brought in as kin: "Her mother Hawa speaks Somali. ... Her brother
    Abdi was 16": a family listed sentence by sentence, each "her" the child's."""
    wanted = {"his": "m", "her": "f"}.get(cue.pronoun or "")  # "subject": the sentence's first person
    unsure = None  # one of no known gender, where no one of the pronoun's gender follows in the sentence
    for end, cluster in order:
        gender = cluster.gender(roles.get(cluster))
        if low < end <= high and cluster is not me and (wanted is None or gender in (wanted, None)):
            if cue.role in _CHILDS_KIN and _brought_in_as_kin(text, cluster, end, cue.pronoun or ""):
                continue
            if cue.pronoun == "subject" and _owns_a_relative(text, end):
                continue  # "Kelly's dad Declan lives ... with partner X": the subject is the dad, not Kelly
            if wanted and gender is None and _owns_a_relative(text, end):
                # "Zuvelle's father, Tobiah Quill, died. After his death ...": the named relative, a man, if named
                unsure = unsure or (end, cluster)
                continue
            return unsure if unsure and gender is None else (end, cluster)
    return unsure


_CHILDS_KIN = frozenset({"sibling", "mother", "father"})
_RELATIVE_AFTER = re.compile(r"[ \t]+(?:[a-z-]+[ \t]+)?(?:" + ROLE_WORDS + r")\b", re.IGNORECASE)


def _owns_a_relative(text: str, end: int) -> bool:
    """The mention ending at ``end`` is a possessive before a relation: "Kelly's dad"."""
    if text.startswith(("'s", "’s"), end):
        end += 2
    elif not text.endswith(("'s", "’s"), 0, end):
        return False
    return _RELATIVE_AFTER.match(text, end) is not None
_KIN_INTRODUCTION = re.compile(
    r"\b(?P<pronoun>his|her)[ \t]+(?:(?:older|younger|elder|half-|step)[\w-]*[ \t]+)?"
    r"(?:mother|mum|father|dad|brother|sister|half-brother|half-sister|stepbrother|stepsister)[,]?[ \t]+$",
    re.IGNORECASE,
)


def _brought_in_as_kin(text: str, cluster: Cluster, end: int, pronoun: str) -> bool:
    """The person's mention ending at ``end``, or one of theirs just before it ("her mother, Bernadette Mahon
    ("Bernie")"), follows the pronoun and a kin word."""
    for mention in (m for m in cluster.mentions if end - 80 <= m.end <= end):
        before = _KIN_INTRODUCTION.search(text, max(0, mention.start - 40), mention.start)
        if before is not None and before.group("pronoun").lower() == pronoun:
            return True
    return False


# a letter's salutation: "Dear Mr Warsame," names the one "your" means
_DEAR = re.compile(r"^[ \t]*Dear[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?(?P<name>[A-Z][\w'’-]+)", re.MULTILINE)


def _addressee(text: str, order: list) -> Cluster | None:  # type: ignore[type-arg]
    """The person a letter is written to, from its salutation, if the draft names them there."""
    salutation = _DEAR.search(text)
    if salutation is None:
        return None
    start, end = salutation.span("name")
    return next((cluster for mention_end, cluster in order if start < mention_end <= end + 1), None)


_NO_ROLE_YET = (None, "adult", "other", "partner")


def _a_job(role: str | None) -> bool:
    """A professional's role ("teacher", "nurse"), which a parent may also hold."""
    kind = KINDS.get(role or "")
    return kind is not None and not kind.family and role != "panel_member"


def _parents_of_children(  # type: ignore[type-arg]
    text: str, people: list[Cluster], cues: dict, first_pass: dict, order: list, young: set[Cluster]
) -> None:
    """ "... the boyfriend of Jade Ashworth. Her daughter, Bella-Mai, then three months old": the one whose
    daughter a child (``young``: an age, a school, a birth says so) is, is that child's mother (his son: father),
    where the draft gives that person no role of their own and no one else is the mother already. Adds the cue
    and updates ``first_pass``."""
    for child in (c for c in people if c in young):  # in order of first mention, as every run
        for cue, parent in _parents_said(text, people, cues[child], order, first_pass, child):
            gender = {"his": "m", "her": "f"}.get(cue.pronoun or "") or (parent.gender() if parent else None)
            role = {"f": "mother", "m": "father"}.get(gender or "")
            if parent is None or role is None:
                continue
            # "Ebun was a teaching assistant ... Her son Tobiah, then 19 months old": a mother with a job
            working = _a_job(first_pass.get(parent))
            if first_pass.get(parent) not in _NO_ROLE_YET and not working:
                continue
            if _said_outright(role, cues, first_pass) or parent.gender() not in (gender, None):
                continue
            cues[parent].append(Cue(role, 3 if working else 2))
            first_pass[parent] = role


def _parents_said(  # type: ignore[type-arg]
    text: str, people: list[Cluster], child_cues: list[Cue], order: list, roles: dict, child: Cluster
) -> Iterator[tuple[Cue, Cluster | None]]:
    """Each cue that says whose child ``child`` is ("her daughter", "Ms Quill's son"), with that person, if found."""
    for cue in child_cues:
        if cue.role != "child" or not (cue.pronoun in ("his", "her", "your") or cue.anchor):
            continue
        if cue.anchor:
            yield cue, _anchor_cluster(cue.anchor, people, child)
        else:
            yield cue, _pronoun_referent(text, cue, order, roles, child)


def _children_of_the_parents_are_siblings(  # type: ignore[type-arg]
    text: str, people: list[Cluster], roles: dict[Cluster, str], cues: dict, order: list
) -> None:
    """A child the draft calls the mother's or the father's ("her two children, Tobiah and Mabel") is the
    subject's sibling, not some other child."""
    for child in (c for c in people if roles.get(c) == "child"):
        parents = [parent for _, parent in _parents_said(text, people, cues[child], order, roles, child)]
        if any(roles.get(parent) in ("mother", "father") for parent in parents if parent is not None):
            roles[child] = "sibling"


def _said_outright(role: str, cues: dict, first_pass: dict) -> bool:  # type: ignore[type-arg]
    """Someone is ``role`` by a cue of their own ("Kelly (mother)"), not by whose relation they are: "his
    mother, Brenda" said of the child's father is no rival to the child's mother."""
    return any(
        first_pass.get(c) == role and any(cue.role == role and not (cue.pronoun or cue.anchor) for cue in cs)
        for c, cs in cues.items()
    )


# "booked with the midwife for her pregnancy with Elis", "she was pregnant with Kai", "she gave birth to Mia"
_BIRTH_OF = re.compile(
    r"\b(?:her[ \t]+pregnancy[ \t]+with|(?:she[ \t]+)?(?:was|became|found[ \t]+she[ \t]+was)[ \t]+pregnant[ \t]+with|"
    r"(?:she[ \t]+)?gave[ \t]+birth[ \t]+to)[ \t]+(?P<child>)(?=[A-Z])",
)
# "Dorcas was 21 years old when Ebun was born": the woman's age at the child's birth
_AGE_AT_BIRTH = re.compile(
    r"\bwas[ \t]+(?:aged[ \t]+)?\d{1,2}(?:[ \t]+years?(?:[ \t]+old)?)?[ \t]+when[ \t]+"
    r"(?P<child>[A-Z][\w'’-]*|the[ \t]+(?:twins|baby|babies|children))[ \t]+(?:was|were)[ \t]+born\b"
)


# "Ayla did not book until she was about 20 weeks pregnant", "Ayla booked her pregnancy": pregnant, with no child
# named; she is the mother of the child whose birth the draft tells ("when Tobiah was born")
_PREGNANT = re.compile(
    r"\b(?:was|were|is)[ \t]+(?:about[ \t]+|around[ \t]+|nearly[ \t]+|over[ \t]+)?\w+[ \t]+weeks[ \t]+pregnant\b|"
    r"\bbooked[ \t]+(?:her[ \t]+|the[ \t]+)?pregnancy\b|\b(?:was|became)[ \t]+pregnant\b(?![ \t]+with)"
)
_BORN = re.compile(
    r"\b(?:when|after|before|until)[ \t]+"
    r"(?:[A-Z][\w'’-]*[ \t]+was|the[ \t]+(?:twins|babies|baby|children)[ \t]+(?:was|were))"
    r"[ \t]+born\b|\bbirth[ \t]+of[ \t]+[A-Z]"
)


def _mothers_by_birth(text: str, people: list[Cluster], cues: dict, first_pass: dict, order: list) -> None:  # type: ignore[type-arg]
    """The woman a sentence says was pregnant with or gave birth to a named child, or how old she was when it was
    born, is that child's mother, where the draft gives her no role of her own and no one else is the mother
    already; so is the woman it says was pregnant, where it tells a named child's birth."""
    if _said_outright("mother", cues, first_pass):
        return
    births = [*_BIRTH_OF.finditer(text), *_AGE_AT_BIRTH.finditer(text)]
    births += _PREGNANT.finditer(text) if _BORN.search(text) else ()
    for match in sorted(births, key=lambda match: match.start()):
        woman = None
        for low, high in _sentences_back(text, match.start()):  # "She left school at 16 ... 30 weeks pregnant": hers
            woman = next((c for end, c in order if low < end <= high and c.gender() in ("f", None)), None)
            if woman is not None or not re.match(r"\s*(?:\d+(?:\.\d+)*\s+)?She\b", text[low:high]):
                break
        # "pregnant with Ebun": the child named next is not the woman; a pregnancy alone names no child
        named = match.re is not _PREGNANT
        named_child = next((c for end, c in order if end > match.start("child")), None) if named else None
        if woman is None or woman is named_child or first_pass.get(woman) not in _NO_ROLE_YET + ("child", "sibling"):
            continue
        cues[woman].append(Cue("mother", 3))
        first_pass[woman] = "mother"
        return


def _victim_is_a_parent(  # type: ignore[type-arg]
    text: str, people: list[Cluster], cues: dict, first_pass: dict, young: set, order: list
) -> None:
    """A joint homicide and children's review "into the death of" a grown woman (nothing says she is young) whose
    surname a child of the story shares: the children's mother (a man: their father), where the draft gives no
    other mother; the children are the review's subjects, she is not its "Child A". Her gender is her name's,
    else what a pronoun says of her ("killed by her partner")."""
    victim = _named_as_the_subject(text, people, first_pass)
    if victim is None or victim in young or first_pass.get(victim) not in _NO_ROLE_YET or victim.last is None:
        return
    if not any(c.last == victim.last for c in young if c is not victim):
        return
    said = {
        cue.pronoun for other in people if other is not victim for cue in cues[other]
        if cue.pronoun in ("his", "her") and _pronoun_referent(text, cue, order, first_pass, other) is victim
    }  # fmt: skip
    pronoun_gender = {"her": "f", "his": "m"}.get(said.pop()) if len(said) == 1 else None
    role = {"f": "mother", "m": "father"}.get(victim.gender() or pronoun_gender or "")
    if role and not _said_outright(role, cues, first_pass):
        cues[victim].append(Cue(role, 2))
        first_pass[victim] = role


def _born_to_the_mother(text: str, roles: dict[Cluster, str], order: list) -> None:  # type: ignore[type-arg]
    """ "Ms Quill became pregnant again in 2015. Mabel was born in April 2016": the child named next after the
    mother's pregnancy is the subject's sibling, not some other child."""
    for match in _PREGNANT.finditer(text):  # not "pregnant with Ebun", whom the review may be about
        low = sentence_bounds(text, match.start())[0]
        woman = next((c for end, c in order if low < end <= match.start()), None)
        born = next((c for end, c in order if match.end() < end <= match.end() + _BIRTH_TOLD_WITHIN), None)
        if woman is not None and roles.get(woman) == "mother" and born is not None and roles.get(born) == "child":
            roles[born] = "sibling"


_BIRTH_TOLD_WITHIN = 120  # characters after the pregnancy: its sentence and the next


def _relative_to_parent(role: str, anchor_role: str | None, gender: str | None) -> str | None:
    """"his mother" said of the father is the paternal grandmother, "her brother" said of the mother a maternal
    uncle; said of anyone else the pronoun does not change the relation (a wrong guess at whom "her" means
    must not undo a plain "her mother")."""
    if role == "child" and anchor_role in ("partner", "mothers_partner", "fathers_partner", "stepfather", "stepmother"):
        return "sibling"  # "Mr X lives with his partner and her daughter Freya": a step-sibling
    if role == "child" and anchor_role in _GRANDPARENTS:
        return _grandparent_s_child(anchor_role, gender)
    if role == "child" and anchor_role in _AUNTS_AND_UNCLES:
        return _aunt_or_uncle_s_child(anchor_role)  # "his son", said of the maternal uncle: a maternal cousin
    if role == "child" and anchor_role not in (None, "subject_child", "mother", "father"):
        return None  # "Her son" said of a carer or a neighbour: no child of this family
    if role in ("mother", "father") and anchor_role == "adult":
        return "adult"  # "Jordan Pask, then aged 20 ... His mother, Donna Pask": the perpetrator's, not the child's
    if anchor_role == "another_family":
        return "adult"  # "his mother", "his older brother" of the boyfriend: no relative of the child's
    if anchor_role not in ("mother", "father"):
        return role
    if role == "sibling":  # a parent's brother or sister
        side = "maternal" if anchor_role == "mother" else "paternal"
        return {"f": f"{side}_aunt", "m": f"{side}_uncle"}.get(gender or "", "adult")
    return _relative(role, anchor_role) or role


_GRANDPARENTS = frozenset(
    f"{side}_{elder}" for side in ("maternal", "paternal") for elder in ("grandmother", "grandfather")
)


def _grandparent_s_child(grandparent: str, gender: str | None) -> str | None:
    """ "Her youngest son" said of the maternal grandmother: the mother's brother; her daughter may be the mother, and
    the paternal grandmother's son the father, so those say nothing."""
    side = grandparent.split("_")[0]
    if (side, gender) == ("maternal", "m"):
        return "maternal_uncle"
    if (side, gender) == ("paternal", "f"):
        return "paternal_aunt"
    return None


_PARENT_WORDS = {"mum": "mother", "mother": "mother", "mam": "mother", "mummy": "mother", "dad": "father",
                 "father": "father", "daddy": "father"}  # fmt: skip


def _anchor_role(anchor: str | None, people: list[Cluster], roles: dict, me: Cluster) -> str | None:  # type: ignore[type-arg]
    if not anchor:
        return None
    token = strip_possessive(anchor)[0].lower()
    if token in _PARENT_WORDS:  # "Mum's partner", "Dad's girlfriend": the parent said by role
        return _PARENT_WORDS[token]
    cluster = _anchor_cluster(anchor, people, me)
    return "other" if cluster is None else roles.get(cluster) or "other"


def _anchor_cluster(anchor: str, people: list[Cluster], me: Cluster) -> Cluster | None:
    """The person a possessive or "of" names: "Ebun" of "Ebun's partner", "Mabel" of "the boyfriend of Mabel";
    of a family sharing the surname, the one the title fits: "Mrs Quill" of "Mrs Quill's brother"."""
    *titles, name = anchor.split()
    token = strip_possessive(name)[0].lower()
    named = [
        c for c in people if c is not me
        and (any(strip_possessive(m.text)[0].lower() == token for m in c.mentions) or token in (c.first, c.last))
    ]  # fmt: skip
    said = {t.lower().rstrip(".") for t in titles}
    gender = title_gender(sorted(said))
    titled = [c for c in named if said & c.titles]  # "Mrs Quill" herself, not the daughter Ebun Quill
    fitting = [c for c in named if gender and c.gender() == gender]
    return (titled or fitting or named or [None])[0]


def matches_name(cluster: Cluster, name: str) -> bool:
    """True when ``cluster`` is the person called ``name`` (from the config): "Olivia" for "Olivia Hereward"."""
    parts = parse_name(name)
    if cluster.ambiguous:
        return False
    if parts.is_full:  # a surname alone ("Mr Hereward") may be a relative sharing it, so it is not enough
        return bool(cluster.first) and cluster.first == parts.first and cluster.last in (parts.last, None)
    wanted = (parts.single or "").lower()
    return bool(wanted) and any(strip_possessive(m.text)[0].lower() == wanted for m in cluster.mentions)


# a review about an adult: a domestic homicide review's victim or a safeguarding adults review's subject
ADULT_REVIEW = re.compile(r"\b(?i:domestic\s+homicide\s+review|safeguarding\s+adults?\s+review)\b|\b(?:DHR|SAR)\b")


def title_page(document: Document) -> list[str]:
    """The texts of the running headers and footers and of the first blocks: where a draft says what it is."""
    texts = [b.text for b in document.blocks if b.kind.value in ("header", "footer")]
    return texts + [b.text for b in document.body()[:TITLE_PAGE_BLOCKS]]


def reviews_an_adult(document: Document) -> bool:
    """The title page names a domestic homicide or safeguarding adults review, alone or joint with a children's."""
    return any(ADULT_REVIEW.search(text) for text in _before_the_text(title_page(document)))


def reviews_a_child(document: Document) -> bool:
    """The title page names a children's review (alone, or joint with a review of an adult)."""
    return any(_CHILD_REVIEW.search(text) for text in _before_the_text(title_page(document)))


def _before_the_text(texts: list[str]) -> list[str]:
    """The title page's texts before the first numbered paragraph ("1.1 This review ..."): what the draft says it
    is, not what its text goes on to say ("Because a child was present, the Local Safeguarding Children Board
    was notified")."""
    numbered = next((i for i, text in enumerate(texts) if NUMBERED_PARAGRAPH.match(text)), len(texts))
    return texts[:numbered]


_CHILD_REVIEW = re.compile(
    r"(?i:serious\s+case\s+review|child(?:ren)?['’]?s?\s+(?:safeguarding\s+)?practice\s+review"
    r"|safeguarding\s+children|children['’]?s?\s+board)|\b(?:SCR|LSCB|CSPR)\b"
)


def _choose_subject(
    document: Document,
    people: list[Cluster],
    roles: dict[Cluster, str],
    config: ReportConfig,
    evidence: Counter[int],
) -> list[str]:
    warnings: list[str] = []
    if config.subject:
        chosen = [c for c in people if matches_name(c, config.subject.name)]
        if chosen:
            for cluster, role in list(roles.items()):
                if role == "subject_child" and cluster not in chosen:
                    roles[cluster] = "child"
            for cluster in chosen:
                roles[cluster] = "subject_child"
            return warnings
        warnings.append(
            f"the config's subject child {config.subject.name!r} is not among the names found in the draft: "
            "check the spelling in report.yaml"
        )
    listed = _listed_subjects(document, people) or _children_the_title_initials(document, people, roles)
    if len(listed) > 1:  # the title page names the children the review is about: each is its subject
        for cluster in listed:
            roles[cluster] = "subject_child"
        return warnings
    if any(r == "subject_child" for r in roles.values()):
        return warnings
    # a homicide or adults review is about the adult it names, a mother though she is: "the death of X"
    adult_subject = reviews_an_adult(document) and not reviews_a_child(document)
    # the person the draft equates with its label for a child first: 'the death of X (19) and ... her daughter, Y
    # ("Baby Y")' is a review of Y as a child's
    named = _child_the_label_names(document.text, people)
    named = named or _named_as_the_subject(document.text, people, roles, adult_subject)
    if named is not None:  # "This review concerns a young asylum seeker, X": whatever age the records gave him
        roles[named] = "subject_child"
        return warnings
    best: tuple[float, Cluster] | None = None
    # "SCR Child Z" over a review of Zakariye: the draft's own letter for its child is the child's initial
    letters = own_pseudonym_letters(document.text)
    for cluster in (c for c in people if roles.get(c) == "child"):
        summary = sum(_in_summary(document, m.start) for m in cluster.mentions)
        score = 3 * summary + len(cluster.mentions) + sum(evidence[m.start] for m in cluster.mentions)
        if len(letters) == 1 and (cluster.first or "")[:1].upper() in letters:
            score += _OWN_LETTER_WEIGHT
        if best is None or score > best[0]:
            best = (score, cluster)
    if best:
        roles[best[1]] = "subject_child"
    else:
        warnings.append(
            "no subject child found (no named person reads as a child): name the child in report.yaml "
            "(subject: name: ...) so that they become 'Child A'"
        )
    return warnings


def _named_as_the_subject(
    text: str, people: list[Cluster], roles: dict[Cluster, str], parents_too: bool = False
) -> Cluster | None:
    """The one person with no family or professional role (or, ``parents_too``, a parent's) whom the draft names
    as what the review is about: 'In respect of "ZABI"', "This review concerns a young Afghan asylum seeker, X",
    "the death of X"."""
    allowed = (None, "adult", "child", *(("mother", "father") if parents_too else ()))
    found = []
    for cue in _SUBJECT_CUE.finditer(text):
        at = cue.end()
        person = next((c for c in people if any(m.start == at for m in c.mentions)), None)
        if person is not None and roles.get(person) in allowed and person not in found:
            found.append(person)
    return found[0] if len(found) == 1 else None


_SUBJECT_CUE = re.compile(
    r"\b(?:in\s+respect\s+of|concerning|(?:review|report|summary)\s+(?:concerns|is\s+about|relates\s+to|considers)"
    r"|(?:death|injuries|injury|harm)\s+(?:of|to)"
    r"|(?m:^[ \t]*(?:re|regarding)[ \t]*:)(?![ \t]*(?:mr|mrs|ms|miss|dr)\b))"  # a letter's "Re: <child> (DOB ...)"
    r"\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:child|boy|girl|baby|infant|young\s+person|asylum\s+seeker|teenager)"
    r"\s*,\s*)?[\"“(]?",
    re.IGNORECASE,
)
_OWN_LETTER_WEIGHT = 20  # outweighs the mentions of a much-named adult a model took for a child


# a title page's label for the children a review is about: "| Children | Ionut, Denisa and Gabriel |"
_SUBJECTS_LABEL = re.compile(
    r"^[\s|*#]*(?:the\s+)?(?:children(?:\s+(?:considered|concerned))?|subjects|subject\s+children"
    r"|children\s+subject\s+to\s+(?:the\s+)?review)"
    r"[\s*]*(?:[:|\t]|\s{2,})\s*(?P<names>[^\n]+)",
    re.IGNORECASE | re.MULTILINE,
)


# the opening pages name the children a review of several is about: "Children J and R (Jade Ashworth and Roxana
# Stoica)", "This review concerns three children, referred to as the P children: Dylan, Eirlys and Tommy."
_SUBJECTS_NAMED = re.compile(
    r"^[ \t]*(?:children|young\s+people|siblings)\s+(?-i:[A-Z])(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?-i:[A-Z]))+"
    r"\s*\((?P<names>[^)\n]+)\)"
    r"|\b(?:review|report|summary)\s+(?:concerns|is\s+about|considers|relates\s+to|looks\s+at)\s+(?:the\s+)?"
    r"(?:two|three|four|five|six|[2-9]|twin)\s+(?:children|siblings|girls|boys|young\s+people|brothers|sisters|babies)"
    r"\b(?:[^.:\n]{0,100}?:\s*(?P<listed>[^.\n]+)"
    # "This review concerns twin girls, Ebun Quill and Agatha Quill, who ...": the names right after the comma
    r"|\s*,\s*(?P<appositive>(?-i:[A-Z])[^,.;:\n(]*(?:,\s*(?-i:[A-Z])[^,.;:\n(]*)*))"
    # a title page's "in respect of TOBIAH and OTTOLINE (twins ...)", a letter's "Ref: ... - Learning review, Ebun
    # and Mabel Quill": two or more names joined by "and"
    r"|(?:^[ \t]*(?:in\s+respect\s+of|concerning|regarding)\s+"
    r"|\breview\s*[,:–—]\s*(?!(?:child|children|baby|twins?)\b))"  # not "REVIEW: CHILDREN A AND B"
    r"(?P<joined>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?"
    r"(?:\s*,\s*(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)*\s+(?:and|&)\s+(?-i:[A-Z])[\w'’-]*"
    r"(?:\s+(?-i:[A-Z])[\w'’-]*)?)"
    # "The children are Tobiah (known as Tobs), Ebun and Mabel.": the opening pages' list of the children
    r"|\bthe\s+(?:children|siblings|twins)\s+(?:are|were)\s+(?P<sentence>(?-i:[A-Z])[^.\n]*\s(?:and|&)\s[^.\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
_OPENING_BLOCKS = 20
_SUBJECTS_CELL = re.compile(r"\s*(?:the\s+)?(?:children|subjects|subject\s+children)\s*:?\s*", re.IGNORECASE)
_TITLE_TABLE_CELLS = 3 * TITLE_PAGE_BLOCKS  # a title page laid out as a table has a block for each cell


# a title page's letters for the children a review is about: "SERIOUS CASE REVIEW: CHILDREN N AND M"
_CHILDREN_LETTERS = re.compile(
    r"\b(?i:children)[ \t]+(?P<letters>[A-Z](?:[ \t]*,[ \t]*[A-Z])*[ \t]+(?i:and|&)[ \t]+[A-Z])\b"
)

def _children_the_title_initials(
    document: Document, people: list[Cluster], roles: dict[Cluster, str]
) -> list[Cluster]:
    """The children whose initials are the letters the title page gives the children under review ("CHILDREN N
    AND M" over twins Hester and Augustus): for each letter the one person of that initial with no grown-up's or
    worker's role."""
    for text in _before_the_text(title_page(document)):
        match = _CHILDREN_LETTERS.search(text)
        if match is None:
            continue
        letters = re.findall(r"\b[A-Z]\b", match.group("letters"))
        chosen = []
        for letter in letters:
            fitting = [c for c in people if c.first and len(c.first) > 1 and c.first[0].upper() == letter
                       and roles.get(c) in (None, "child", "sibling", "subject_child")]  # fmt: skip
            if len(fitting) != 1:
                return []
            chosen.append(fitting[0])
        return chosen
    return []


def _listed_subjects(document: Document, people: list[Cluster]) -> list[Cluster]:
    """The people the title page lists under "Children" or "Subjects" (after the label, or in the next cell of
    its row), or the opening pages name as the children the review is about, in their order there."""
    blocks = document.body()[:_TITLE_TABLE_CELLS]
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        match = _SUBJECTS_LABEL.search(block.text)
        if match is not None:
            start, end = block.start + match.start("names"), block.start + match.end("names")
        elif following is not None and block.cell and following.cell and _SUBJECTS_CELL.fullmatch(block.text):
            start, end = following.start, following.start + len(following.text)
        else:
            continue
        return _people_within(people, start, end)
    for block in document.body()[:_OPENING_BLOCKS]:
        match = _SUBJECTS_NAMED.search(block.text)
        if match is not None:
            group = next(n for n in ("names", "listed", "appositive", "joined", "sentence") if match.group(n))
            return _people_within(people, block.start + match.start(group), block.start + match.end(group))
    return _lettered_children(document.text, people)


# the draft's own letter for a child beside the child's name: a family table's "Ebun Quill<TAB>Child A", or
# "Ebun Quill (Child A)", 'Ebun ("Baby E")', or one of several children's letter and number alone ("Ebun (W2)")
_CHILD_LETTER_AFTER = re.compile(
    r"[ ]*(?:(?:\t[ \t]*|\|[ ]*|\([ ]*[\"“‘']?)(?:Child|Baby|Twin)[ ]+(?P<letter>[A-Z][1-9]?|[1-9])\b"
    r"|\([ ]*(?P<numbered>[A-Z][1-9])[ ]*\))"
)


# the draft's letter for a child, then the child's name: "Child H (Ebun Quill)", "Child H is Ebun Quill", "Twin 2
# (Mabel, ...", '"Baby E" (Ebun'
_CHILD_LETTER_BEFORE = re.compile(
    r"\b(?:Child|Baby|Twin)[ ]+(?P<letter>[A-Z][1-9]?|[1-9])[\"”’']?[ \t]*(?:\([ ]*|is[ \t]+|[:=][ \t]*)$"
)


def _child_letter(text: str, mention: Mention, own_letters: frozenset[str]) -> str | None:
    """The draft's own letter for a child beside ``mention`` ("Child H (Ebun Quill)", "Ebun (Child H)", "Ebun
    (W2)" where the draft writes "Child W1"; not "Ebun (Y2)", her school year)."""
    match = _CHILD_LETTER_AFTER.match(text, mention.end) or _CHILD_LETTER_BEFORE.search(
        text, max(0, mention.start - 16), mention.start
    )
    if match is None:
        return None
    numbered = match.groupdict().get("numbered")
    return match.group("letter") or (numbered if numbered and numbered[0] in own_letters else None)


def _child_the_label_names(text: str, people: list[Cluster]) -> Cluster | None:
    """The one person the draft equates with its own letter for a child, before the name or after it: whatever
    that letter is (a header's "Child H (Ebun Quill)"), the review is about them."""
    own = own_pseudonym_letters(text)
    named = {cluster for cluster in people for m in cluster.mentions if _child_letter(text, m, own)}
    return named.pop() if len(named) == 1 else None


def _lettered_children(text: str, people: list[Cluster]) -> list[Cluster]:
    """The children the draft gives letters of its own, one each, where it gives two or more ("Children A to E",
    "Twin 1 (Ebun)" and "Twin 2 (Mabel)"): each is a child the review is about, in the order of their letters."""
    letters: dict[Cluster, str] = {}
    own = own_pseudonym_letters(text)
    for cluster in people:
        for mention in cluster.mentions:
            letter = _child_letter(text, mention, own)
            if letter is not None:
                letters.setdefault(cluster, letter)
    if len(letters) < 2 or len(set(letters.values())) < len(letters):
        return []
    return sorted(letters, key=letters.__getitem__)


def _people_within(people: list[Cluster], start: int, end: int) -> list[Cluster]:
    """The people with a mention in ``[start, end)``, in the order of their first mention there."""
    listed = [(min(m.start for m in c.mentions if start <= m.start < end), c) for c in people
              if any(start <= m.start < end for m in c.mentions)]  # fmt: skip
    return [c for _, c in sorted(listed, key=lambda pair: pair[0])]


def _in_summary(document: Document, offset: int) -> bool:
    block = document.block_at(offset)
    if block is None:
        return False
    if block.kind.value in ("header", "footer") or block.index < 3:
        return True
    return any(_SUMMARY.search(section) for section in block.section[:1])
