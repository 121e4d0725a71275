"""Reading the text around a mention: sentences, lines and the draft's tables."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from redact.document import CELL_SEPARATOR

_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[A-Z0-9\"'‘“(])|\n")


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


_WRAPPED_LINE = 60  # a prose line this long that ends mid-sentence was wrapped, not ended by its author
_LINE_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'’”)]*[ \t]*$")
_TABLE_LAYOUT = re.compile(r"\t| \| |[ ]{3,}")
_NEW_ITEM = re.compile(r"[ \t]*(?:[•*·–-]|\(?\d+(?:\.\d+)*[.)]?\s|\n|$)")


def wrapped(text: str, line_start: int, line_end: int) -> bool:
    """The line was wrapped inside a sentence (text pasted out of a PDF): long prose, no closing punctuation,
    and the next line carries on (no blank line, bullet or paragraph number)."""
    line = text[line_start:line_end]
    ends = _LINE_ENDS_SENTENCE.search(line) and not _FIELDS_RUN_ON.search(line)
    return (
        len(line) >= _WRAPPED_LINE and not ends and not _TABLE_LAYOUT.search(line)
        and line_end < len(text) and not _NEW_ITEM.match(text, line_end + 1)
    )  # fmt: skip


# a form's fields run together and wrapped, a label ending the line: "Mother: Ebun Quill (EQ) Father:"
_FIELDS_RUN_ON = re.compile(r"\b[A-Z][a-z]+:[ \t]+\S.*\b[A-Z][a-z]+:[ \t]*$")


def _prose_line_bounds(text: str, offset: int) -> tuple[int, int]:
    """The line holding ``offset``, joined with the lines it was wrapped from and into (a few at most)."""
    start, end = line_bounds(text, offset)
    for _ in range(4):
        previous_start = text.rfind("\n", 0, start - 1) + 1
        if start == 0 or not wrapped(text, previous_start, start - 1):
            break
        start = previous_start
    for _ in range(4):
        if not wrapped(text, text.rfind("\n", 0, end) + 1, end):
            break
        end = line_bounds(text, end + 1)[1]
    return start, end


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset``: never wider than its line, or than the lines a PDF wrapped it over."""
    line_start, line_end = _prose_line_bounds(text, offset)
    start = line_start
    for match in _SENTENCE_END.finditer(text, line_start, line_end):
        if match.group() == "\n" or _ends_an_initial(text, match.start()):  # a wrap; "Ms K. O'Brien"
            continue
        if match.end() <= offset:
            start = match.end()
        else:
            return start, match.start() + 1
    return start, line_end


_TITLE_OR_INITIAL_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Cllr|Sgt|DC|PC|DS|DI)\.?|(?<![\w.])[A-Z]\.)[ \t]+$", re.IGNORECASE
)


def _ends_an_initial(text: str, dot: int) -> bool:
    """The full stop of an initial after a title or another initial ("Ms K. O'Brien", "A. J. Colley"), which
    ends no sentence; "Child A. She" does."""
    if text[dot : dot + 1] != "." or not text[dot - 1 : dot].isupper() or text[dot - 2 : dot - 1].isalnum():
        return False
    return _TITLE_OR_INITIAL_BEFORE.search(text, max(0, dot - 12), dot - 1) is not None


def at_sentence_start(text: str, offset: int) -> bool:
    """True when only a list marker, number or opening punctuation precedes ``offset`` in its sentence."""
    start, _ = sentence_bounds(text, offset)
    before = text[start:offset]
    return re.fullmatch(r"[\s\-•*\"'‘“(]*(?:\d+(?:\.\d+)*\.?\s+)?[\"'‘“(]*", before) is not None


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]  # lower-cased header cells
    rows: tuple[tuple[Cell, ...], ...]  # body rows

    def column(self, *words: str) -> int | None:
        """Index of the first header cell containing one of ``words``."""
        return _column(self.header, words)

    @cached_property
    def row_starts(self) -> list[int]:
        """Where each body row starts (rows are in text order)."""
        return [min((c.start for c in row), default=0) for row in self.rows]


@lru_cache(maxsize=4096)
def _column(header: tuple[str, ...], words: tuple[str, ...]) -> int | None:
    for index, cell in enumerate(header):
        if any(re.search(r"\b" + re.escape(w), cell) for w in words):
            return index
    return None


_TAB_RUN = re.compile(r"\t+")


_MARKDOWN_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*")
_EDGE_BARS = re.compile(r"^[ \t]*\|[ \t]?|[ \t]?\|[ \t]*$")  # a Markdown row's outer bars: "| a | b |"


def _cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    line = text[start:end]
    if line.lstrip().startswith("|"):
        opening = _EDGE_BARS.match(line)
        start += opening.end() if opening else 0
        line = _EDGE_BARS.sub("", line)
    separator = re.compile(re.escape(CELL_SEPARATOR)) if CELL_SEPARATOR in line else _TAB_RUN
    cells, cursor = [], 0
    for boundary in [*separator.finditer(line), None]:
        part_end = boundary.start() if boundary else len(line)
        part = line[cursor:part_end]
        offset = start + cursor + (len(part) - len(part.lstrip()))
        cells.append(Cell(offset, offset + len(part.strip()), part.strip()))
        cursor = boundary.end() if boundary else len(line)
    return tuple(cells)


def _is_row(line: str) -> bool:
    """A line of a table typed with bars ("a | b") or tabs ("Name<TAB>Job title")."""
    return CELL_SEPARATOR in line or "\t" in line.strip()


@lru_cache(maxsize=4)  # the draft being resolved: clustering, roles and named roles each ask
def find_tables(text: str) -> tuple[Table, ...]:
    """Runs of consecutive lines holding cell separators; the first line of each run is its header."""
    tables: list[Table] = []
    run: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n") + [""]:
        end = offset + len(line)
        if _MARKDOWN_RULE.fullmatch(line):
            pass  # "|---|---|" under a Markdown table's header: part of the table, no row
        elif _is_row(line):
            run.append((offset, end))
        else:
            if len(run) >= 2:
                header = tuple(c.text.lower() for c in _cells(text, *run[0]))
                tables.append(Table(header, tuple(_cells(text, s, e) for s, e in run[1:])))
            run = []
        offset = end + 1
    return tuple(tables)


def row_of(table: Table, offset: int) -> tuple[tuple[Cell, ...], int] | None:
    """The row and column index of the cell holding ``offset``."""
    position = bisect_right(table.row_starts, offset) - 1  # the one row that can hold it
    for row in table.rows[max(0, position) : position + 1]:
        for index, cell in enumerate(row):
            if cell.start <= offset < max(cell.end, cell.start + 1):
                return row, index
    return None
