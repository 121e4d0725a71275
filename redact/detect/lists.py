"""Names that a list vouches for: a list of attendees written one person a line, "Name - agency".

Minutes and notes of a learning event list who came by first name and agency ("Dawn - CSC, Looked After
Children team", "Marguerite - Contraception & Sexual Health"). One such line says little; three or more in a
row, most of them opening with a name the lists know, are a list of people, and each line's first words are
a name even where they are also an English word ("Dawn"). The whole draft is read, so a list whose lines a
word processor set as separate paragraphs counts too.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from redact.detect.finding import Finding
from redact.detect.gazetteer import gazetteer
from redact.detect.keep import vocabulary
from redact.detect.names import NAME_WORD
from redact.document import Document

LIST_SOURCE = "AttendeeList"
LIST_SCORE = 0.6
_MIN_LINES = 3
_LINE = regex.compile(
    rf"^[ \t]*(?:[-•*][ \t]+)?(?P<name>{NAME_WORD}(?:[ ]{NAME_WORD})?)[ \t]+[-–—][ \t]+\S[^\n]*$", regex.MULTILINE
)


def listed_name_findings(document: Document) -> Iterator[Finding]:
    """The names opening the lines of each run of three or more "Name - agency" lines."""
    text = document.text
    run: list[regex.Match[str]] = []
    for match in [*_LINE.finditer(text), None]:
        if match is not None and (not run or _next_line(text, run[-1].end(), match.start())):
            run.append(match)
            continue
        yield from _names_of(document, run)
        run = [match] if match is not None else []


def _next_line(text: str, previous_end: int, start: int) -> bool:
    """Only line breaks (a paragraph break at most) part two lines of one list."""
    return text[previous_end:start].strip(" \t") in ("\n", "\n\n")


def _names_of(document: Document, run: list[regex.Match[str]]) -> Iterator[Finding]:
    if len(run) < _MIN_LINES:
        return
    gaz, vocab = gazetteer(), vocabulary()
    names = [m for m in run if not any(vocab.is_vocabulary_word(w) for w in m.group("name").split())]
    known = [m for m in names if gaz.is_first_name(m.group("name").split()[0].split("-")[0])]
    if len(known) * 3 < len(run) * 2:
        return  # a glossary or a list of services, not of people
    for match in names:
        start, end = match.span("name")
        block = document.block_at(start)
        index = block.index if block else None
        yield Finding(start, end, "PERSON", match.group("name"), LIST_SCORE, LIST_SOURCE, index)
