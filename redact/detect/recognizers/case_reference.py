"""Agency case references: crime numbers, case numbers, URNs, file and application references."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer
from redact.detect.recognizers.dates import NUMERIC

# Case-management and police systems whose record numbers identify a person (children's and adult
# social care, GP and community health, school safeguarding, police).
SYSTEMS = (
    "mosaic", "lcs", "liquidlogic", "eclipse", "carefirst", "care first", "azeus", "paris", "protocol", "frameworki",
    "emis", "emis web", "systmone", "system one", "rio", "lorenzo", "cerner", "epr", "cpoms", "myconcern",
    "sims", "pnc", "pnd", "cris", "niche", "athena", "storm", "connect", "crimint", "mash",
    "ics",  # the Integrated Children's System, social care's case record before Mosaic and LCS
    "eprf", "prf",  # an ambulance crew's (electronic) patient report form
)  # fmt: skip
_SYSTEM = r"(?:" + "|".join(s.replace(" ", r"[ \t]?") for s in sorted(SYSTEMS, key=len, reverse=True)) + r")"
_NUMBER_WORD = r"(?:ref(?:erence)?|no|nos|number|num|id|i\.d\.|record|case|client|person|file)"
_CUE_WORD = (
    r"(?i:ref(?:erence)?|urn|crn|upn|uln|pnc|cris|cad|(?:crime|incident)[ \t]+report|crime|case|incident|log|"
    r"application|file|referral|occurrence|occ|job|entry|"
    r"claim|record|warrant|client|patient|hospital|unit|person|child|pupil|student|system|mrn|chi|call[ \t]?sign|"
    # a criminal record's number, a professional's registration: "CRO: 041187/09A", "NMC PIN 82K1123E"
    r"cro|pin|nmc|gmc|hcpc|swe|"
    + _SYSTEM + r")"
)
_ID_WORD = r"(?:(?i:ref(?:erence)?|no|nos|number|num|ids?|i\.d\.)|(?-i:IDs?|Ids?))"
# "occurrence (13160402217)"; "| CSC ref | LCS 118 4432 |", a table's label cell before the number's
_SYSTEM_AFTER = r"(?:\((?i:" + _SYSTEM + r")\)[ \t]*)?[:#(|]?[ \t]*"
# "crime number 19/123456", "Mosaic: 7734120", "ID 7734120", "her EMIS number is 7734120".
_CUE = (
    r"(?<=\b(?:"
    + _CUE_WORD
    + r"\.?[ \t]*"
    + _SYSTEM_AFTER
    + r"|(?:"
    + _CUE_WORD
    + r"\.?[ \t]*)?"
    + _ID_WORD
    + r"\.?[ \t]*"
    + _SYSTEM_AFTER
    + r"(?:(?i:is|was|of)[ \t]+)?))"
)
# A list after a plural cue: "logs 0412 of 21/11/2015, 1187 of 26/12/2015 and 0093", "crime numbers 19/2231
# and 19/2240", "hospital numbers were KGH0412286 (Ebun) and KGH0412291" (the dates between are no references:
# ``is_valid`` drops them).
_LISTED_AFTER = (
    r"(?<=\b(?i:logs|incidents|references|refs|numbers|nos|occurrences|urns|crns|crimes|ids)\.?[ \t]+"
    r"(?:(?i:are|were)[ \t]+)?(?:[^.;:\n]{0,80}?(?:,|\band\b|\bor\b)[ \t]+)?)"
)
# a token with a digit; or letters, a space and a number: "RXH 4410982", "SCR 2016/02", "LCS 118 4432", "SIN 16-0231"
_TOKEN = (
    r"(?:[A-Z]{2,4}(?: \d{2,6}){2,3}(?![\d/])|[A-Z]{2,4} (?:\d{5,}|\d{2,4}[/-]\d{1,6}(?![\d/-]))"
    r"|(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)*)"
)
# what every token above starts with, tried before the long look back at the cue (a third of the time all pattern
# recognisers took, on a 25,000-word draft)
_HAS_A_DIGIT = r"(?=[A-Z]{2,4} \d|[A-Za-z0-9/-]*\d)"
_B, _E = r"(?<![\w/-])", r"(?![\w/]|-\w)"
_DATE = regex.compile(NUMERIC)
_MONTH_ABBREVIATION = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_YEAR_RANGE = regex.compile(r"((?:19|20)\d{2})/((?:19|20)\d{2})")


class UkCaseReferenceRecognizer(UkPatternRecognizer):
    """Reference numbers: after a cue word ("ref", "crime number", "URN" ...) any token with digits;
    without one, letter-prefixed references with slashes or dashes ("CSC/2019/04417") and a letter or
    two before five or more digits ("K0448712"); bare numeric ones ("19/123456", "7734120") and mixed
    codes ("12AB3456789") need a context word nearby ("ID", "Mosaic", "EMIS", "number" ...)."""

    ENTITY = "CASE_REFERENCE"
    PATTERNS = [
        Pattern("after reference cue", _HAS_A_DIGIT + _CUE + _TOKEN + _E, 0.85),
        Pattern("listed after plural cue", _LISTED_AFTER + _B + r"(?:\d[\d/-]{2,}\d|[A-Z]{1,4}\d{5,})" + _E, 0.7),
        Pattern(
            "prefixed reference",
            _B + r"[A-Z]{2,6}\d{0,4}(?:[/-][A-Z0-9]{1,10})*[/-]\d{3,}(?:[/-][A-Z0-9]{1,10})*" + _E,  # "ED16/044107"
            0.6,
        ),
        # a register's code, letters then a year and a serial: "NWSCB/SCR/14-02", "CP/LA/09/17"
        Pattern("register code", _B + r"[A-Z]{2,6}(?:/[A-Z]{2,6})+/\d{2,4}[/-]\d{1,4}" + _E, 0.6),
        # a system's letters, a space and a number in two parts: "INC 0517-1188", "CR 2291/0455"
        Pattern("letters and split number", _B + r"[A-Z]{2,5} \d{3,6}[/-]\d{3,6}" + _E, 0.6),
        # "CR 0051234/15": a crime number and its year, after the letters that say so
        Pattern("crime number and year", _B + r"(?:CR|CRN|CAD)[ \t]?\d{4,9}/\d{2}" + _E, 0.6),
        # "19/123456", "16/00081/CR" (a crime report's number with its series letters)
        Pattern("numeric reference", _B + r"\d{2,4}/\d{4,}(?:/\d+)*(?:/[A-Z]{1,3})?" + _E, 0.35),
        Pattern("mixed code", _B + r"\d{2}[A-Z]{2}\d{5,}" + _E, 0.4),
        # police crime and custody numbers: "20BE/61894R/19", "13EE/09114/16"
        Pattern("force code reference", _B + r"\d{1,4}[A-Z]{1,4}/\d{3,}[A-Z]?(?:/\d{2,4})?" + _E, 0.6),
        Pattern("letter and digits", _B + r"[A-Z]{1,2}\d{5,12}[A-Z]?" + _E, 0.6),
        # a PNC ID ("11/503318K": year, serial, check letter); a CAD log with its date ("4471/19MAR20");
        # a one-letter series and a year ("Q-2019-0332")
        Pattern("PNC ID", _B + r"\d{2}/\d{5,7}[A-Z]" + _E, 0.6),
        Pattern("log with date", _B + r"\d{2,5}/\d{2}" + _MONTH_ABBREVIATION + r"\d{2}" + _E, 0.6),
        # a police incident log's serial of its day: "Incident log 0488 of 21/03/17"
        Pattern("serial of a date", _B + r"\d{3,5}(?=[ \t]+of[ \t]+\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})" + _E + ")", 0.6),
        Pattern("series and year", _B + r"[A-Z][/-](?:19|20)\d\d[/-]\d{3,}" + _E, 0.6),
        # a family court case number (court code, year, "C" for care, serial: "LS14C00123"); a CQC location
        # ("1-4402918736")
        Pattern("court case number", _B + r"[A-Z]{2}\d{2}[A-Z]\d{5}" + _E, 0.6),
        Pattern("CQC location", _B + r"1-\d{9,11}" + _E, 0.6),
        # a police command system's incident number, year, month and day, serial: "19-0612-0733", as "101 call
        # 19-0612-0733" gives it with no reference word
        Pattern("dated incident number", _B + r"\d{2}-[01]\d[0-3]\d-\d{3,5}" + _E, 0.6),
        # a review's own number in the board's records: "SCR 2011/03", "DHR-2019-02" (headings in capitals are read
        # recased: "Scr 2011/03")
        Pattern("review number", _B + r"(?i:SCR|DHR|SAR|CSPR|LCSPR)[ /-]?(?:19|20)\d\d[/-]\d{1,4}" + _E, 0.6),
        # a record system's entry number: "logged it (#30519)"
        Pattern("hash number", r"(?<![\w&#])#\d{4,10}" + _E, 0.6),
        Pattern("long number", _B + r"\d{6,12}" + _E, 0.3),
    ]
    CONTEXT = [
        "ref", "reference", "urn", "crn", "crime", "case", "incident", "log", "application", "file",
        "referral", "occurrence", "number", "police", "record", "court", "id", "client", "patient", *SYSTEMS,
    ]  # fmt: skip

    def is_valid(self, text: str) -> bool:
        digits = sum(c.isdigit() for c in text)
        if (len(text) < 5 and not (len(text) == 4 and text.isdigit())) or digits < 3 or _DATE.fullmatch(text):
            return False
        years = _YEAR_RANGE.fullmatch(text)
        if years and int(years[2]) - int(years[1]) == 1:  # 2018/2019, a financial year
            return False
        return not text.isdigit() or not (len(text) == 4 and text[:2] in ("19", "20"))


OPERATION = r"(?:Operation|Op\.?)"  # the word before a police operation's name
# National police schemes, named like operations but identifying no case (College of Policing, NPCC)
_NATIONAL_OPERATIONS = r"(?i:encompass|sceptre|makesafe|hydrant|yewtree|stovewood|soteria|bluestone)\b"


_RANK = r"\b(?:PC|DC|PS|DS|DI|DCI|TDC|PCSO|Sgt\.?|DSgt|Insp\.?|Supt\.?|Sergeant|Constable|Inspector|Officer)"
_COLLAR = r"\d{2,5}(?:[A-Z]{2})?(?![\w/.-])"  # "4471", a Met officer's "512JC" (borough code)


class PoliceCollarNumberRecognizer(UkPatternRecognizer):
    """An officer's collar (warrant) number after a rank ("PC 4471", "DC 2210", "PCSO 31") or after a ranked
    officer's name ("DI H. Quarrell 4939" of a signature); and the name of a police operation, which identifies
    an investigation as a crime number does."""

    ENTITY = "CASE_REFERENCE"
    PATTERNS = [
        Pattern("collar number", r"(?<=" + _RANK + r"(?:[ \t]+|[ \t]*\n[ \t]*))" + _COLLAR, 0.8),  # "PS<BREAK>817"
        Pattern(
            "collar number after a ranked name",
            r"(?<=" + _RANK + r"[ \t]+(?:\p{Lu}\.?[ \t]+)?\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?"
            r"(?:[ \t]+|[ \t]*\([ \t]*))\d{3,5}(?![\w/.,:-])",  # or in brackets: "DS Quill (4417)"
            0.8,
        ),
        # a local police operation's name: "Operation Tamarisk", "Operation MARSH HARRIER", "Op KESTREL"; not a
        # national scheme
        Pattern(
            "operation name",
            r"(?<=\b" + OPERATION + r"[ \t]+)(?!" + _NATIONAL_OPERATIONS + r")"
            r"\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{Lu}'’-]+)*",
            0.7,
        ),
    ]


# an emergency service resource's call sign: letters and a short number ("QX21", "A12")
_CALL_SIGN = r"(?<![\w/-])[A-Z]{1,3}\d{1,4}[A-Z]?(?![\w/-])"
_RESOURCE = r"(?:RRV|DCA|FRV|HEMS)"  # rapid response vehicle, double-crewed ambulance, fast response, air ambulance


class CallSignRecognizer(UkPatternRecognizer):
    """An ambulance, fire or police resource's call sign, which names the crew and their station: "call sign QX21",
    "RRV QB07", "the crew of QX21", "QX21 (DCA, <town> station)". Too short for a reference without its cue."""

    ENTITY = "CASE_REFERENCE"
    PATTERNS = [
        Pattern("after call sign", r"(?<=\b(?i:call[ \t-]?signs?)[ \t:,]*(?:(?i:was|of)[ \t]+)?)" + _CALL_SIGN, 0.8),
        Pattern(
            "after a resource", r"(?<=\b(?:" + _RESOURCE + r"|(?i:ambulance|crew[ \t]+of))[ \t]+)" + _CALL_SIGN, 0.7
        ),
        Pattern("before its resource", _CALL_SIGN + r"(?=[ \t]*\(" + _RESOURCE + r"\b)", 0.7),
    ]


# A table header naming a reference column: "ID", "Ref", "Case no.", "Mosaic ID", "URN", "Crime number".
_HEADER = regex.compile(
    r"(?:(?:" + _CUE_WORD + r")[ \t]*)?(?:" + _ID_WORD + r"|" + _CUE_WORD + r")\.?[ \t]*(?:\([^)]*\))?[ \t]*:?",
)
_HEADER_NOT = regex.compile(r"(?i:date|age|name|nhs|phone|tel|page|para)")
_CELL_TOKEN = regex.compile(_B + _TOKEN + _E)


def reference_column(header: str) -> bool:
    """Whether a table header names a column of reference numbers."""
    return bool(_HEADER.fullmatch(header)) and not _HEADER_NOT.search(header)


def references_in_cell(text: str) -> Iterator[tuple[int, int]]:
    """Every token with 4 or more digits in a reference column's cell: a bare "7734120" needs no other context
    there; dates are not references."""
    for match in _CELL_TOKEN.finditer(text):
        token = match.group(0)
        year = regex.fullmatch(r"(?:19|20)\d\d", token)  # "19 May 2018" in the column: a date, not a record
        if sum(c.isdigit() for c in token) >= 4 and not _DATE.fullmatch(token) and not year:
            yield match.start(), match.end()
