"""Ages: "aged 4", "4-year-old", "16 months old", "aged four", "age of 15", and the clipped forms of
case notes and health records: "34y", "11yo", "34 y/o", "2y 4m", "aged 4/12" (months), "6/52" (weeks).

A bare duration ("for 26 years", "26 years ago", "three weeks") is not an age.
"""

from __future__ import annotations

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redact.detect.gazetteer import fold, gazetteer
from redact.detect.recognizers.base import UkPatternRecognizer
from redact.lexicon import english_words

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[ -](?:" + "|".join(_UNITS) + r"))?"
    r"|" + "|".join(_TEENS + _UNITS) + r")"
)
NUMBER = r"(?:\d{1,3}(?:\.\d)?|" + NUMBER_WORD + r")(?:[ \t]+and[ \t]+a[ \t]+half)?"
S = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # one line break may fall inside an age where a line was wrapped: "aged<BREAK>8"
_GAP = r"[ \t]*"  # "aged 34yrs" as well as "aged 34 yrs"
UNIT = r"(?:years?|yrs?|months?|mths?|mos?|weeks?|wks?|days?)"
_PART = r"(?:months?|mths?|mos?|m|weeks?|wks?|w|days?|d)"  # the smaller unit of "2y 4m"
_END = r"(?![\w/])"
# Health-record notation: months as N/12, weeks as N/52, days as N/7.
FRACTION = r"(?:(?:1\d|2[0-4]|[1-9])/12|(?:[1-9]\d?|10[0-4])/52|[1-6]/7)"
_AMOUNT = (
    FRACTION + r"|" + NUMBER + r"(?:" + _GAP + r"(?:" + UNIT + r"|y)" + r"(?:,?" + S + r"(?:and" + S + r")?"
    + NUMBER + _GAP + _PART + r")?)?"
)  # fmt: skip
_LIST_JOIN = r"(?:,[ \t]*|[ \t]+(?:and|or|to|&)[ \t]+|[ \t]*[-–][ \t]*)"

# "aged 4", "aged 2 years 9 months", "aged 34yrs", "aged 4/12", "aged 3, 5 and 7", "aged between 14 and 16".
AGED = (
    r"\baged" + S + r"(?:between" + S + r")?(?:" + _AMOUNT + r")" + r"(?:" + _LIST_JOIN + r"(?:" + _AMOUNT + r"))*"
    + r"(?:" + S + r"old)?"
)  # fmt: skip
# "4 years old", "four years and two months old"
N_UNIT_OLD = (  # not the end of a range, which dates an injury ("a scald 6-8 weeks old", "bruises 3 to 5 days old")
    r"(?<!\d[ \t]*(?:[-–]|to)[ \t]*)\b" + NUMBER + r"(?:[ \t-]+|" + S + r")" + UNIT
    + r"(?:,?" + S + r"(?:and" + S + r")?" + NUMBER + _GAP + _PART
    + r")?(?:[ \t-]+|" + S + r")old\b"
)  # fmt: skip
# "age of 15", "at age 5", "Age: 34", "the age of six years and five months".
AGE_OF = r"\bage" + r"(?:" + S + r"of" + S + r"|" + _GAP + r":" + _GAP + r"|(?<=\bat" + S + r"age)" + S + r")"
AGE_OF += NUMBER + r"(?:" + S + UNIT + r"(?:,?" + S + r"(?:and" + S + r")?" + NUMBER + S + _PART + r"\b)?)?"
# "34y", "11yo", "34 y/o", "34yrs old".
CLIPPED = (
    r"(?<![\w/.,-])\d{1,3}(?:(?:y|yo|yr|yrs)"
    + _END
    + r"|"
    + _GAP
    + r"(?:y/o|y\.o\.?|yo"
    + _END
    + r"|(?:yrs?|y)[ \t-]*old\b))"
)
# "2 yrs 4 m", "2y 4m": clipped years and months, weeks or days, not after "for", "over" ... ("2 years
# 4 months" written out is as often a duration: it needs "aged" or "old").
_DURATION_BEFORE = (
    r"(?<!\b(?i:for|over|within|after|lasting|lasted|last|past|next|of|spent|took|sentenced[ \t]+to|"
    r"sentence[ \t]+of|period[ \t]+of|term[ \t]+of|up[ \t]+to)[ \t]+)"
)
COMPOUND = (
    _DURATION_BEFORE + r"(?<![\w/.,-])(?i:\d{1,3}" + _GAP + r"(?:yrs?|y)" + r",?" + S + r"(?:and" + S + r")?"
    + r"\d{1,3}" + _GAP + _PART + _END + r"(?:" + S + r"old\b)?)"
)  # fmt: skip
# Words for the people a review describes; a number in brackets after one is an age: "mother (26)".
PERSON_NOUNS = (
    r"(?i:mother|father|mum|dad|parent|child|baby|infant|son|daughter|brother|sister|sibling|twin|partner|"
    r"grandmother|grandfather|stepfather|stepmother|step-father|step-mother|aunt|uncle|cousin|boy|girl|man|woman|"
    r"victim|perpetrator|subject|young[ \t]+person|carer|husband|wife|nephew|niece|grandson|granddaughter|"
    r"boyfriend|girlfriend|lodger)"
)
# Capitalised words before brackets that are not people: "Section (2)", "Recommendation (3)".
_LABEL_WORDS = (
    r"(?:Section|Sections|Appendix|Annex|Paragraph|Para|Recommendation|Recommendations|Finding|Findings|Part|"
    r"Schedule|Article|Rule|Regulation|Table|Figure|Chapter|Page|Step|Stage|Level|Year|Key|Tier|Phase|Question|"
    r"Point|Learning|Note|Notes|Item|Box|Option|Standard|Principle|Criteria|Criterion|Act|Order|Form)"
)
_PERSON_BEFORE = r"(?:" + PERSON_NOUNS + r"|(?!" + _LABEL_WORDS + r"\b)[A-Z][\w'’-]*)"
FRACTION_AGE = (
    r"(?:(?<=\b(?i:a|an|baby|infant|child|newborn)[ \t]+)" + FRACTION
    + r"(?=[ \t-]+(?i:old|baby|infant|boy|girl)\b)"
    + r"|(?<![\w/.,-])" + FRACTION + r"(?=[ \t-]+old\b)"
    + r"|(?<=\b(?i:baby|infant|newborn)[ \t]+(?:who[ \t]+was|was|is)[ \t]+)" + FRACTION + r"(?![\w/]))"
)  # fmt: skip
# "Kelly (26)", "mother (26 years)", "baby (4/12)", "Child C (14)".
BRACKETED = (
    r"(?<=\b" + _PERSON_BEFORE + r"[ \t]*\((?:aged[ \t]+)?)(?:" + FRACTION + r"|\d{1,2}(?:" + S + UNIT + r"|" + _GAP
    + r"(?:y|yo|y/o))?)(?=\))"
)  # fmt: skip
# "she is 26 years", "turned 16 years": not "it is 26 years since", "was 26 years in prison".
_NOT_DURATION_AFTER = (
    r"(?![ \t]+(?i:ago|since|later|earlier|before|after|of|in|into|on|at|prior|previously|beforehand|back|now|"
    r"experience|service|time|(?:a|per|each|every)[ \t]+(?:day|week|fortnight|month|year))\b)"
)  # "the carer 3 days a week": how often
YEARS_AS_AGE = (
    r"(?<=\b(?:is|was|were|being|turned|turns|now|then)[ \t]+)" + NUMBER + S + r"(?:years?|yrs?)" + _END
    + _NOT_DURATION_AFTER
)  # fmt: skip
# "He is 15.", "she was 17 and": a bare number said of a person, where only an age fits
PRONOUN_AGE = (
    r"(?<=\b(?i:he|she|they|who)[ \t]+(?:is|was|were|are)[ \t]+(?:(?:about|around|nearly|almost|only|just)[ \t]+)?)"
    r"(?:\d{1,2}|" + NUMBER_WORD + r")"
    r"(?=[.;,]|[ \t]+(?:and|but|when|at|now)\b)"
)
# "she turned 15 in May", "Ebun, then 16, introduced her", "gave her age as 18", "03/06/1999 (14)": a bare
# number that the words around it make an age
BARE_AGE = (
    r"(?<=\b(?:turned|turns)[ \t]+)\d{1,2}(?=[.;,]|[ \t]+(?:and|but|when|in|on|at|that|the)\b)"
    r"|(?<=\p{L},[ \t]+(?:then|now)[ \t]+)\d{1,2}(?:[ \t]+(?:years?|months?|weeks?))?(?=[ \t]*[,)])"
    r"|(?<=\b(?i:age)[ \t]+(?:as|was|is|given[ \t]+as|recorded[ \t]+as)[ \t]+)\d{1,2}" + _END
    + r"|(?<=\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}[ \t]*\()\d{1,2}(?=\))"
    r"|(?<=\((?:then|now)[ \t]+)\d{1,2}(?=\))"  # "his sister (then 8)"
    # "Child (then 14 months)", not "the waiting list (then 14 weeks)"
    r"|(?<=\b" + PERSON_NOUNS + r"[ \t]*\((?:then|now)[ \t]+)\d{1,2}[ \t]+(?:years?|months?|weeks?)(?=\))"
)
# a case note's clipped age: "Brought by Mum. 3 mo. Small bruise", "15 y. Attending", "Partner Tobiah Quill 19 yrs"
NOTE_AGE = (
    r"(?:(?<=(?:^|[.;])[ \t]*)\d{1,2}[ \t]?(?:y|yrs?|mo|mths?)\.(?=[ \t]|$)"
    r"|(?<=\b\p{Lu}\p{Ll}+[ \t]+)\d{1,2}[ \t]?(?:yrs?|y/o|yo)\b(?![ \t]+(?:check|review|assessment|plan|sentence)))"
)
# a name or a person's noun with an age between commas: "Ottoline Quarrell, 24, is her cousin", "the boyfriend, 17,
# polite", "(Ebun Quill, 14)"; not "Section 4, 12 and 13"
APPOSED_AGE = (
    r"(?<=(?:\b\p{Lu}\p{Ll}+|\b" + PERSON_NOUNS + r"|\b(?i:boyfriend|girlfriend)),[ \t]+)\d{1,2}"
    r"(?:[ \t]?(?:yrs?|years?|months?|mths?|weeks?|wks?))?(?=,[ \t]+\p{Ll}|\))"
)  # "Ebun, 3 yrs, not at nursery" too
# "Tobiah was 15.", "Tobiah Quill was 20 and had left": a name, "was" and a number ending the clause
NAMED_AGE = r"(?<=\b\p{Lu}\p{Ll}+[ \t]+(?:is|was)[ \t]+)\d{1,2}(?=[.;]|[ \t]+(?:when|and[ \t]+(?:had|was|lived)))"
# a family list's line: "- Father – Abdi Cali Nuur, 34. Taxi driver", "Maternal aunt - Sahra Ali, 22"
LISTED_AGE = (
    r"(?m)(?<=^[ \t]*(?:[-•*][ \t]+)?(?i:(?:maternal|paternal)[ \t]+)?" + PERSON_NOUNS
    + r"[ \t]+[–—-][ \t]+\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3},[ \t]*)\d{1,3}(?=[ \t]*(?:[.;,(]|$))"
)  # fmt: skip
# a family table run together, or a case note: "Mother 41 yrs White British", "half-brother 20 years", "(boy 7
# yrs, baby 3 mths)"; not "the mother 5 years ago", "his father 10 years in prison", "assault on a child<TAB>3 years"
NOUN_AGE = (
    r"(?<=\b" + PERSON_NOUNS + r"[ \t]+)(?<!\b(?i:a|an)[ \t]+" + PERSON_NOUNS + r"[ \t]+)" + NUMBER + S + UNIT
    + r"(?:,?" + S + r"\d{1,2}" + _GAP + _PART + r")?" + _END + _NOT_DURATION_AFTER
)  # fmt: skip
# "a boy of 20 months", "a baby of six weeks", "an infant of 4 months"; not "a man of 30 years' experience"
OF_AGE = (
    r"(?<=\b(?i:a|an|the)[ \t]+(?:[a-z-]+[ \t]+)?(?i:boy|girl|baby|infant|child|toddler|son|daughter)[ \t]+of"
    + S + r")" + NUMBER + S + UNIT + _END + r"(?!['’])"
)  # fmt: skip
# "in her early twenties", "in his 30s", "in their late teens".
_DECADE = r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[1-9]0['’]?s)"
DECADE = r"(?<=\b(?i:in|into)[ \t]+(?i:his|her|their)[ \t]+)(?i:(?:early|mid|late)[ \t-]+)?(?i:" + _DECADE + r")\b"


_NAMED = "name was a number"


class UkAgeRecognizer(UkPatternRecognizer):
    """Ages written with "aged", "... old" or "the age of", clipped ("34y", "11yo", "2y 4m"), in
    health-record notation ("aged 4/12", "a 6/52 old baby"), in brackets after a person ("mother
    (26)") and "26 years" where it can only be an age ("she is 26 years")."""

    ENTITY = "AGE"
    PATTERNS = [
        Pattern("aged n", r"(?i:" + AGED + r")" + _END, 0.85),
        Pattern("n units old", r"(?i:" + N_UNIT_OLD + r")", 0.85),
        Pattern("age of n", r"(?i:" + AGE_OF + r")" + _END, 0.8),
        Pattern("clipped age", r"(?i:" + CLIPPED + r")", 0.75),
        Pattern("years and months", COMPOUND, 0.75),
        Pattern("months as n/12", FRACTION_AGE, 0.75),
        Pattern("age in brackets", BRACKETED, 0.7),
        Pattern("years as an age", YEARS_AS_AGE, 0.7),
        Pattern("age in a family list", LISTED_AGE, 0.7),
        Pattern("age after a person", NOUN_AGE, 0.7),
        Pattern("a child of n units", OF_AGE, 0.7),
        Pattern("age said of a person", PRONOUN_AGE, 0.7),
        Pattern("bare number as an age", BARE_AGE, 0.7),
        Pattern("case note age", "(?m)" + NOTE_AGE, 0.6),
        Pattern("age between commas", APPOSED_AGE, 0.6),
        Pattern(_NAMED, NAMED_AGE, 0.6),
        Pattern("decade of life", DECADE, 0.6),
    ]
    CONTEXT = ["aged", "age", "old"]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if _pattern(r) != _NAMED or _said_of_a_name(text, r.start)]


def _pattern(result: RecognizerResult) -> str | None:
    return result.analysis_explanation.pattern_name if result.analysis_explanation else None


def _said_of_a_name(text: str, start: int) -> bool:
    """The capitalised words before "was 15" are a name, not a measure ("Attendance was 85")."""
    run = regex.search(r"((?:\p{Lu}\p{L}+[ \t]+){1,3})\p{L}+[ \t]+\Z", text[max(0, start - 80) : start])
    words = run.group(1).split() if run else []
    return any(gazetteer().is_first_name(w) or fold(w) not in english_words() for w in words)
