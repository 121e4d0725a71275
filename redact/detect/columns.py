"""Findings that a table's column heading vouches for: what a cell holds is said once, in the header row.

A family table's "Address" column holding "Stockton" names a place, though the cell has no locative word
around it; a "Case ref" column holding "7734120" names a record, though no cue word stands beside it; an
"NHS no." column holding ten digits gives NHS numbers, whatever their check digit; an "Age" column holding
"58" gives someone's age; a "Staff" column holding "KO" gives a worker's initials.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from redact.detect.finding import Finding
from redact.detect.gazetteer import fold, gazetteer, uk_places, world_towns
from redact.detect.keep import (
    PERSON_COLUMN_SOURCE,
    PLACE_COLUMN_SOURCE,
    acronym_is_the_role,
    names_a_role_or_agency,
    vocabulary,
)
from redact.detect.recognizers.address import STREET_TYPES
from redact.detect.recognizers.case_reference import reference_column, references_in_cell
from redact.document import Block, Document
from redact.lexicon import english_words, is_english_form

PLACE_COLUMN_SCORE = 0.7
REFERENCE_COLUMN_SOURCE = "ReferenceColumn"
REFERENCE_COLUMN_SCORE = 0.8

# "Address", "Home address", "Location", "Town", "Area", "Lives", "Living at", "Where living", "Place of residence"
_PLACE_HEADER = regex.compile(
    r"(?i)(?:(?:home|current|last[ \t]+known|usual|family|main)[ \t]+)?"
    r"(?:address(?:es)?|location|town|area|residence|resides|lives?|lived|living|where[ \t]+(?:living|lived|based)|"
    r"place[ \t]+of[ \t]+(?:residence|birth)|home)(?:[ \t]*\([^)]*\))?"
    # "Address at April 2010", "Living at"
    r"(?:[ \t]+(?:at|in|on|as[ \t]+at|from|since|during|until|when)(?:[ \t]+[\w /.-]{1,25})?)?[ \t]*:?"
)
# a cell piece that names no place: "As above", "—", "N/A", "Not known", "No fixed abode"
_NO_PLACE = regex.compile(
    r"(?i)(?:as[ \t]+above|same|ditto|n/?a|nfa|unknown|not[ \t]+\w+|no[ \t]+fixed[ \t]+abode|various)"
)
_SURNAME_FIRST_CELL = regex.compile(
    r"[ \t]*(?P<name>\p{Lu}[\p{Lu}'’-]+(?:[ \t]+\p{Lu}[\p{Lu}'’-]+)?,[ \t]*\p{Lu}[\p{L}\p{M}'’-]+"
    r"(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+)*)"
)
_CAPITALISED_RUN = regex.compile(
    r"\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:(?:upon|on|under|in|the|le|by)[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*){0,3}"
)


# "Age", "Age (at death)", "Age at time of incident", "Age in 2016", "DOB / age", "Age / date of birth"
_BIRTH_DATE_HEADING = r"(?:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth)[ \t]*(?:/|&|and|or)[ \t]*"
_AGE_HEADER = regex.compile(
    rf"(?i)(?:{_BIRTH_DATE_HEADING})?age(?:[ \t]*\([^)]{{1,25}}\)|[ \t]+(?:at|in|on|when)[\w /.-]{{1,30}})?"
    r"(?:[ \t]*(?:/|&|and|or)[ \t]*(?:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth))?[ \t]*:?"
)
# "58", "4 years", "16 months", "6 wks"; a bare number only in an age column
_AGE_CELL = regex.compile(
    r"(?i)(?P<age>\d{1,3}(?:[ \t]*(?:years?|yrs?|months?|mths?|weeks?|wks?|days?)(?:[ \t]+old)?)?)[ \t]*(?:\([^)]*\))?"
)
# a cell that is an age with its unit ("54 years", "11 months"), or a date of birth with the age after it
# ("27/06/1990 (19 years)"), in any column
_AGED_CELL = regex.compile(
    r"(?i)^[ \t]*\d{1,3}[ \t]*(?:years?|yrs?|months?|mths?|weeks?|wks?)(?:[ \t]+old)?[ \t]*$"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}[ \t]*\((?P<aged>\d{1,3}[ \t]*(?:years?|yrs?|months?|mths?|weeks?|wks?))\)"
)
# "NHS no.", "NHS number", "NHS #": the column vouches for its cells, whatever their check digit says
_NHS_HEADER = regex.compile(r"(?i)NHS[ \t]*(?:numbers?|nos?\.?|num|#)?[ \t]*:?")
_NHS_CELL = regex.compile(r"(?<![\d])\d{3}([ -]?)\d{3}\1\d{4}(?![\d])")
NHS_COLUMN_SOURCE = "NhsColumn"
# "Staff", "Entered by", "Owner", "Initials": a column of the people who did or own each row
_PERSON_HEADER = regex.compile(
    r"(?i)(?:staff(?:[ \t]+(?:member|initials|name))?|(?:staff[ \t]+)?initials|(?:entered|recorded|seen|done|"
    r"completed|signed)[ \t]+by|by[ \t]+whom|by|worker|practitioner|clinician|professional|officer|patient|client|"
    r"(?:action[ \t]+)?owners?|lead|who)[ \t]*:?"
)
# a cell of initials only: "KO", "DF / CMcB", "AH, RK"
_INITIALS = r"\p{Lu}(?:Mc|Mac)?\p{Lu}{1,3}\p{Ll}?"  # "CMu" tells Ciara Mulrooney from a Chris Moss
_INITIALS_CELL = regex.compile(rf"[ \t]*{_INITIALS}(?:[ \t]*(?:/|,|&|and)[ \t]*{_INITIALS})*[ \t]*")
# a worker's initials with the role in brackets, or the role with the initials in brackets: "KO (PN)", "Reception (KO)"
_STAFF_CELL = regex.compile(
    rf"[ \t]*(?:(?P<initials>{_INITIALS})[ \t]*\([^)]{{1,25}}\)"
    rf"|\p{{L}}[\p{{L}} ]{{1,24}}?[ \t]*\((?P<bracketed>{_INITIALS})\))[ \t]*"
)
PERSON_COLUMN_SCORE = 0.75
NAME_COLUMN_SOURCE = "NameColumn"
# "Name", "Name in records", "Names used", "Known as": a column of the people's names
_NAME_HEADER = regex.compile(
    r"(?i)(?:full[ \t]+|other[ \t]+)?names?(?:[ \t]+(?:in|on|as|used)\b[\w ]{0,25})?"
    r"|(?:also[ \t]+)?known[ \t]+as|child|family[ \t]+member|person|household[ \t]+member"
)
_RELATION_HEADER = regex.compile(r"(?i)relationship(?:[ \t]+to[\w ]{1,20})?|relation|role in family")
# a membership table's other columns: its "Name" column names people too ("Name | Job title | Organisation")
_MEMBERSHIP_HEADER = regex.compile(r"(?i)(?:job[ \t]+)?title|role|post|position|designation|organisation|agency")
_CAPITALISED_RUN = regex.compile(r"(?<![\w'’-])\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+)*")
AGE_COLUMN_SOURCE = "AgeColumn"
AGE_COLUMN_SCORE = 0.7


def column_findings(document: Document) -> Iterator[Finding]:
    """Places in the cells of place columns, references in the cells of reference columns, NHS numbers in
    the cells of NHS-number columns, ages in the cells of age columns."""
    kinds: dict[tuple[int, int], str] = {}
    cells: dict[tuple[int, int], list[str]] = {}
    people_tables = set()  # tables with a "Relationship" or a "Job title" column: their "Name" column names people
    for block in document.blocks:
        if block.cell is not None and block.cell.row > 0 and block.text.strip():
            cells.setdefault((block.cell.table, block.cell.column), []).append(block.text)
        elif block.cell is not None and (
            _RELATION_HEADER.fullmatch(_header(block.text)) or _MEMBERSHIP_HEADER.fullmatch(_header(block.text))
        ):
            people_tables.add(block.cell.table)
    for block in document.blocks:
        cell = block.cell
        if cell is None:
            continue
        key = (cell.table, cell.column)
        if cell.row == 0:
            kinds[key] = _column_kind(block.text.strip(), cells.get(key, []))
            if cell.table in people_tables and _NAME_HEADER.fullmatch(_header(block.text)):
                kinds[key] = "name"
        elif kinds.get(key) == "name":
            yield from _names_in_cell(block)
        elif kinds.get(key) == "place":
            yield from _places_in_cell(block)
        elif kinds.get(key) == "age" or _AGED_CELL.search(block.text):
            yield from _age_in_cell(block, bare=kinds.get(key) == "age")
        elif kinds.get(key) == "nhs":
            for match in _NHS_CELL.finditer(block.text):
                yield _finding(block, *match.span(), "NHS_NUMBER", REFERENCE_COLUMN_SCORE, NHS_COLUMN_SOURCE)
        elif kinds.get(key) == "person" and _holds_initials(block.text):
            yield from _initials_in_cell(document, block)
        elif kinds.get(key) == "reference":
            for start, end in references_in_cell(block.text):
                yield _finding(block, start, end, "CASE_REFERENCE", REFERENCE_COLUMN_SCORE, REFERENCE_COLUMN_SOURCE)


_CUT_WORD = regex.compile(r"(\p{L}{4,}) (\p{Ll}{1,2})\b")


def _header(text: str) -> str:
    """A header cell's text, with a word a PDF's narrow column cut rejoined: "Relationshi p to Tobiah"."""
    def rejoined(match: regex.Match[str]) -> str:
        word = match.group(1) + match.group(2)
        return word if word.lower() in english_words() else match.group(0)

    return _CUT_WORD.sub(rejoined, " ".join(text.split()))


def _names_in_cell(block: Block) -> Iterator[Finding]:
    """Each capitalised run of a family or membership table's name cell ("Sagal", "Abdirahman (Abdi) Warsame"): the
    column says they are people, though no list holds them; not a review's own label ("Child A", "Sibling 2")."""
    vocab, gaz = vocabulary(), gazetteer()
    record = _SURNAME_FIRST_CELL.match(block.text)
    if record:  # "QUELLODE, Tobiah": a record's family name, then the given names, whatever words they are
        yield _finding(block, *record.span("name"), "PERSON", PERSON_COLUMN_SCORE, NAME_COLUMN_SOURCE)
    for match in _CAPITALISED_RUN.finditer(block.text):
        if record and match.start() < record.end("name"):
            continue
        words = match.group().split()
        if any(vocab.is_vocabulary_word(word) for word in words):
            continue
        quoted = block.text[match.start() - 1 : match.start()] in ("\"", "“", "'", "‘") if match.start() else False
        if not quoted and all(is_english_form(word.lower()) and not gaz.is_name(word) for word in words):
            continue  # "Not known", "Unborn"; but 'Thomas "Tuck"': a quoted word in a name cell is a nickname
        yield _finding(block, *match.span(), "PERSON", PERSON_COLUMN_SCORE, NAME_COLUMN_SOURCE)


def _age_in_cell(block: Block, bare: bool) -> Iterator[Finding]:
    """The age a cell gives: the whole cell ("58" in an age column, "4 years" in any), or the bracket after a
    date of birth."""
    after_birth = _AGED_CELL.search(block.text)
    if after_birth and after_birth.group("aged"):
        start, end = after_birth.span("aged")
        yield _finding(block, start, end, "AGE", AGE_COLUMN_SCORE, AGE_COLUMN_SOURCE)
        return
    age = _AGE_CELL.fullmatch(block.text.strip())
    if age is None or (not bare and age.group("age").isdigit()):
        return  # a bare number is an age only under an age heading
    if int(regex.match(r"\d+", age.group("age")).group()) > 120:
        return
    start = block.text.index(age.group("age"))
    yield _finding(block, start, start + len(age.group("age")), "AGE", AGE_COLUMN_SCORE, AGE_COLUMN_SOURCE)


def _a_column_of_initials(cells: list[str]) -> bool:
    """Two cells in three or more hold initials only, and no cell names an agency: not a "Lead" column of
    agencies ("Police / NPS / CRC")."""
    agencies = set(vocabulary().agencies)
    initials = sum(1 for cell in cells if _holds_initials(cell))
    named_agency = any(word in agencies for cell in cells for word in regex.findall(r"[\w&']+", cell))
    return bool(cells) and 3 * initials >= 2 * len(cells) and not named_agency


def _initials_in_cell(document: Document, block: Block) -> Iterator[Finding]:
    """Each set of initials in a cell of a staff column; a role's abbreviation ("TA", "HV") only where the draft
    never writes it outside a table, since the column says the cell names a person."""
    staff = _STAFF_CELL.fullmatch(block.text)
    if staff:  # only the initials: "PN" of "KO (PN)" is the role
        spans = [staff.span("initials") if staff.group("initials") else staff.span("bracketed")]
    else:
        spans = [match.span() for match in regex.finditer(_INITIALS, block.text)]
    for start, end in spans:
        letters = block.text[start:end]
        role_letters = names_a_role_or_agency(letters) and _written_outside_tables(document, letters)
        if role_letters and (not _someone_named_so(document.text, letters) or _used_as_the_role(document, letters)):
            continue  # "| GP |" where the draft writes "the GP" too: the role, whoever else has the initials
        yield _finding(block, start, end, "PERSON", PERSON_COLUMN_SCORE, PERSON_COLUMN_SOURCE)


def _holds_initials(cell: str) -> bool:
    """A staff column's cell of initials: "KO", "DF / CMcB", "KO (PN)", "Reception (KO)"."""
    return _INITIALS_CELL.fullmatch(cell) is not None or _STAFF_CELL.fullmatch(cell) is not None


def _someone_named_so(text: str, letters: str) -> bool:
    """The draft names a person whose initials the letters are: "Ebun Pelbury" for "EP" (a list of those present
    names them before the actions give their initials), not "General Practitioner" for "GP"."""
    if not 2 <= len(letters) <= 3 or not letters.isupper():
        return False
    name = r"[ \t]+".join(rf"{letter}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?" for letter in letters)
    names = regex.finditer(rf"(?<![\w'’-]){name}(?![\w'’-])", text)
    return any(gazetteer().is_first_name(match.group().split()[0]) for match in names)


def _used_as_the_role(document: Document, letters: str) -> bool:
    """The running text writes the letters for the role somewhere ("the GP", "Named GP"), as propagation reads it."""
    pattern = regex.compile(rf"(?<![\w]){letters}(?![\w])")
    return any(
        acronym_is_the_role(block.text, *match.span())
        for block in document.blocks
        if block.cell is None
        for match in pattern.finditer(block.text)
    )


def _written_outside_tables(document: Document, letters: str) -> bool:
    """The letters stand in the running text, other than where it defines them as someone's initials ("PC Dean
    Cassidy = DC", "Dean Cassidy (DC)")."""
    pattern = regex.compile(rf"(?<![\w])(?<![=(][ \t]*){letters}(?![\w])")
    return any(b.cell is None and pattern.search(b.text) for b in document.blocks)


def _column_kind(header: str, cells: list[str]) -> str:
    if _PLACE_HEADER.fullmatch(header):
        return "place"
    if _AGE_HEADER.fullmatch(header):
        return "age"
    if _NHS_HEADER.fullmatch(header):
        return "nhs"
    if _PERSON_HEADER.fullmatch(header) and _a_column_of_initials(cells):
        return "person"
    return "reference" if reference_column(header) else ""


def _places_in_cell(block: Block) -> Iterator[Finding]:
    """Each comma-separated piece of the cell that is a capitalised name and not a street with its number
    (the address recognisers read those): a town as LOCATION, a street without a number as ADDRESS."""
    for piece in regex.finditer(r"[^,;\n]+", block.text):
        text = regex.sub(r"[ \t]*\([^()]*\)$", "", piece.group().strip())  # "Whitegate (with his mother)"
        start = piece.start() + piece.group().index(text) if text else 0
        if not text or any(c.isdigit() for c in text) or _NO_PLACE.fullmatch(text):
            continue
        run = _CAPITALISED_RUN.fullmatch(text)
        if run is None or not _names_a_place(text):
            continue
        label = "ADDRESS" if text.split()[-1] in STREET_TYPES and " " in text else "LOCATION"
        yield _finding(block, start, start + len(text), label, PLACE_COLUMN_SCORE, PLACE_COLUMN_SOURCE)


def _names_a_place(text: str) -> bool:
    """Not report vocabulary ("Foster Placement", "Local Authority") nor one ordinary word ("Prison"), unless
    a town has that name ("Reading")."""
    words = text.split()
    if any(vocabulary().is_vocabulary_word(w) for w in words):
        return False
    folded = fold(text)
    return len(words) > 1 or folded in uk_places() or folded in world_towns() or folded not in english_words()


def _finding(block: Block, start: int, end: int, label: str, score: float, source: str) -> Finding:
    begin = block.start + start
    return Finding(begin, block.start + end, label, block.text[start:end], score, source, block.index)
