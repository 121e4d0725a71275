"""The draft as a reader sees it: the one normaliser that detection and verify share.

A reader does not see zero-width spaces and joiners, word joiners, byte-order marks or soft hyphens (nor
the marks PDFium gives for a soft hyphen where a line broke, U+FFFE and U+0002), reads ``*Ashton*``
as "Ashton", and in text pasted from a PDF reads "Kowa-<LINE BREAK>lczyk" as "Kowalczyk", "Quarrell-<LINE BREAK>
Brackley" as "Quarrell-Brackley", "McBride4" (a footnote number glued on) as "McBride" and "QuellodeService"
(a name a tab stop ran into the next column) as "Quellode Service". Detection
reads ``visible_text`` of the draft and maps what it finds back to the draft's own offsets; verify
searches published files through the same characters (``redact.audit.disguises``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from redact.detect.gazetteer import gazetteer
from redact.ingest.common import is_page_number
from redact.lexicon import is_english_form

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
HYPHEN_MARKS = "\u00ad\ufffe\u0002"  # a soft hyphen: where a line broke after it, the word goes on
INVISIBLE_RUN = re.compile(f"[{ZERO_WIDTH}]+|[{HYPHEN_MARKS}][{ZERO_WIDTH}]*(?:\r?\n)?")
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n(?=[a-z])")
# a capitalised compound cut at its own hyphen: "Quarrell-<LINE BREAK>Brackley" reads "Quarrell-Brackley"
HYPHEN_BEFORE_CAPITAL = re.compile(r"(?<=[^\W\d_])-([ \t]*\r?\n)(?=[A-Z][a-z])")
_CAPITALISED_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]*$")
WRAPPED_LINE = 50  # a line this long that ends in a hyphen was wrapped by a PDF, not by the author
# a line this long whose last word is cut by a hyphen before a lower-case line: a narrow column wrapped the word
# ("Mr Pel-<LINE BREAK>bury" at 40 characters); authors end short lines in list items and headings, not mid-word
HYPHEN_WRAPPED_LINE = 30
# a footnote number glued to a capitalised word in text pasted from a PDF: "Dr McBride4," "Mr Ashworth12."
_FOOTNOTE_DIGITS = r"(\d{1,2})(?=[\s,.;:)]|$)"
GLUED_FOOTNOTE = re.compile(r"\b([^\W\d_][^\W\d_’']*[’']?)" + _FOOTNOTE_DIGITS, re.MULTILINE)
_FOOTNOTE_AFTER = re.compile(_FOOTNOTE_DIGITS, re.MULTILINE)
_WORD_ENDING = re.compile(r"(?<![^\W\d_])[^\W\d_][^\W\d_’']*[’']?$")
# two capitalised words a PDF's tab stop glued together: "Dorcas QuellodeService Manager" (a panel list typed in
# columns); the first a name (listed, or after a first name) and no English word, the second an English word
# ("QuellLink", "TarnVoice" and "MacQuill" stay whole)
GLUED_WORDS = re.compile(r"(?<![\w#@./'’-])([A-Z][a-z]{2,})([A-Z][a-z]{2,})(?![\w@'’])")
_NAME_PREFIXES = frozenset({"mac", "fitz", "van", "von", "della", "san"})
MARKDOWN_EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=\w)|(?<=\w)\*{1,3}(?![\w*])")  # "*Ashton*", "**Ashton**"


# a Word revision exported inline: "placed at [Deleted: Brookvale House, a four-bed home]": its words are read
# as the sentence's, the marks around them as spaces
REVISION = re.compile(r"(?P<open>\[(?:Deleted|Inserted|Moved from|Moved to):[ \t]*)[^\[\]\n]*(?P<close>\])")


_WORD_AFTER = re.compile(r"[^\W\d_]+")


def _written_whole(text: str, hyphen: int, after: int) -> bool:
    """The two halves of a word a short line cut ("Pel-<LINE BREAK>bury" in a footnote) make a word the draft
    writes whole elsewhere ("Pelbury"): one word, whatever the line's length."""
    before, rest = _WORD_ENDING.search(text, max(0, hyphen - 60), hyphen), _WORD_AFTER.match(text, after)
    if before is None or rest is None:
        return False
    return writes_word(text, before.group() + rest.group())


def writes_word(text: str, word: str) -> bool:
    """The draft writes ``word`` whole somewhere, in any case."""
    return re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text, re.IGNORECASE) is not None


def visible_text(text: str) -> tuple[str, list[int]] | None:
    """``text`` without invisible characters or the hyphens of wrapped lines, with Markdown emphasis marks and
    inline revision marks blanked, a space between a name and the word a tab stop glued to it (its offset that of
    the word after it), and for each of its characters (and its end) the offset in ``text`` it came from; None
    when ``text`` reads as it is."""
    hidden = [run.span() for run in INVISIBLE_RUN.finditer(text)]
    cut_words = [cut for cut in LINE_END_HYPHEN.finditer(text) if not _page_furniture_at(text, cut.end())]
    hidden += [
        hyphen.span()
        for hyphen in cut_words
        if wrapped_line(text, hyphen.start(), HYPHEN_WRAPPED_LINE) or _written_whole(text, hyphen.start(), hyphen.end())
    ]
    hidden += [
        hyphen.span(1)
        for hyphen in HYPHEN_BEFORE_CAPITAL.finditer(text)
        if _compound_cut(text, hyphen.start()) and not _page_furniture_at(text, hyphen.end())
    ]
    footnotes = _footnote_spans(text)
    marked = MARKDOWN_EMPHASIS.search(text) or REVISION.search(text)
    if not hidden and not footnotes and not marked and not GLUED_WORDS.search(text):
        return None
    text = _line_breaks_moved(text, hidden)
    kept: list[str] = []
    origin: list[int] = []
    position = 0
    for start, end in sorted(hidden):
        if start < position:
            continue
        kept.append(text[position:start])
        origin.extend(range(position, start))
        position = end
    kept.append(text[position:])
    origin.extend(range(position, len(text)))
    origin.append(len(text))
    view = _blank_footnotes(emphasis_blanked("".join(kept)))
    return _glued_words_parted(view, origin)


def _glue_points(text: str) -> list[int]:
    """Where a space is missing between two glued words ("QuellodeService")."""
    return [m.start(2) for m in GLUED_WORDS.finditer(text) if _glued_name(text, m)]


def _glued_name(text: str, glued: re.Match[str]) -> bool:
    word = glued.group(1)
    if word.lower() in _NAME_PREFIXES or is_english_form(word.lower()) or not is_english_form(glued.group(2).lower()):
        return False
    first_name = _WORD_BEFORE.search(text, max(0, glued.start() - 30), glued.start())
    return gazetteer().is_name(word) or (first_name is not None and gazetteer().is_first_name(first_name.group(1)))


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)[ ]$")


def _glued_words_parted(view: str, origin: list[int]) -> tuple[str, list[int]]:
    """The view with a space between glued words, the space's origin that of the word after it."""
    pieces: list[str] = []
    parted: list[int] = []
    last = 0
    for point in _glue_points(view):
        pieces += [view[last:point], " "]
        parted += [*origin[last:point], origin[point]]
        last = point
    pieces.append(view[last:])
    parted += origin[last:]
    return "".join(pieces), parted


def _line_breaks_moved(text: str, hidden: list[tuple[int, int]]) -> str:
    """``text`` with a line break for each hidden one of a narrow column, at the first space after the word it
    cut ("Pel-<BREAK>bury, at" reads "Pelbury,<BREAK>at"): the column's lines keep their number and about their
    width, which tell it from a list or a table. A full-width line is joined to the next, as wrapped prose reads."""
    chars: list[str] | None = None
    for start, end in hidden:
        if "\n" not in text[start:end] or wrapped_line(text, start):
            continue
        space = _SPACE_ON_LINE.search(text, end)
        if space and space.group() != "\n":
            chars = chars or list(text)
            chars[space.start()] = "\n"
    return text if chars is None else "".join(chars)


_SPACE_ON_LINE = re.compile(r"[ \t\n]")


def emphasis_blanked(text: str) -> str:
    """``text`` with Markdown emphasis marks and inline revision marks as spaces ("  Ann Lee  " for "**Ann
    Lee**"): of the same length, so its offsets still index the draft."""
    text = MARKDOWN_EMPHASIS.sub(lambda mark: " " * len(mark.group()), text)
    return REVISION.sub(_blank_revision_marks, text)


def _blank_revision_marks(revision: re.Match[str]) -> str:
    body = revision.group()[len(revision.group("open")) : -1]
    return " " * len(revision.group("open")) + body + " "


def _footnote_spans(text: str) -> list[tuple[int, int]]:
    """Where footnote numbers stand glued to a capitalised word ("Karadağ3", "OKAFOR1"; not "Y2", "A1")."""
    return [m.span(2) for m in GLUED_FOOTNOTE.finditer(text) if _footnote_word(m.group(1))]


def _footnote_word(word: str) -> bool:
    return word[:1].isupper() and len(word) >= 3


def footnote_after(text: str, end: int) -> str | None:
    """The footnote number glued on right after the word that ends at ``end`` ("4" of "McBride4"), if any."""
    digits = _FOOTNOTE_AFTER.match(text, end)
    word = _WORD_ENDING.search(text, max(0, end - 60), end)
    return digits.group(1) if digits and word and _footnote_word(word.group()) else None


def footnotes_blanked(text: str) -> str:
    """``text`` with a footnote number glued to a word in small letters blanked ("a supervising social worker3"):
    what the role readers read. Detection's view keeps "lottie13", a handle, whole; a capitalised word's number
    ("McBride4", "YR15", "Q1" of "Child Q1") is left as it is, which the readers already know."""
    def blanked(glued: re.Match[str]) -> str:
        word = glued.group(1)
        return word + " " * len(glued.group(2)) if len(word) >= 3 and word.islower() else glued.group()

    return GLUED_FOOTNOTE.sub(blanked, text)


def _blank_footnotes(view: str) -> str:
    """The view with footnote numbers glued to capitalised words blanked: "Dr McBride " for "Dr McBride4"."""
    spans = _footnote_spans(view)
    if not spans:
        return view
    chars = list(view)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _compound_cut(text: str, hyphen: int) -> bool:
    capitalised = _CAPITALISED_BEFORE.search(text, max(0, hyphen - 40), hyphen)
    return wrapped_line(text, hyphen, HYPHEN_WRAPPED_LINE) and capitalised is not None


def _page_furniture_at(text: str, start: int) -> bool:
    """The line from ``start`` is a page's furniture in text pasted from a PDF: a page number, or a running header
    or footer (a line of three words or more that the draft writes, whole and alike, on another line too). A word
    cut at the page's foot goes on after it, so the furniture's first word is not the rest of the word."""
    end = text.find("\n", start)
    line = text[start : len(text) if end < 0 else end].strip()
    if is_page_number(line):
        return bool(line)
    return len(line.split()) >= 3 and line in _repeated_lines(text)


@lru_cache(maxsize=4)  # the draft being read: detection's view and the clusterer ask
def _repeated_lines(text: str) -> frozenset[str]:
    """The lines the draft writes more than once, whole and alike (without the spaces around them)."""
    counts = Counter(line.strip() for line in text.split("\n"))
    return frozenset(line for line, count in counts.items() if count >= 2)


def rest_after_page_break(text: str, end: int) -> str | None:
    """The rest of a word cut at the foot of a page, when the text ending at ``end`` is its first part ("Pelbury-"
    at a line's end) and a page's furniture stands before the rest: "Quill" of "Pelbury-<BREAK><header><BREAK>14
    <BREAK>Quill"."""
    end += text[end : end + 1] == "-"  # the hyphen after the name, where detection left it out
    if text[end - 1 : end] != "-" or not re.match(r"[ \t]*\r?\n", text[end:]):
        return None
    position, furniture = text.find("\n", end) + 1, False
    while position and position < len(text) and _page_furniture_at(text, position):
        position, furniture = text.find("\n", position) + 1, True
    rest = _WORD_AFTER.match(text, position) if furniture and position else None
    return rest.group() if rest else None


def start_before_page_break(text: str, start: int) -> str | None:
    """The first part of a word cut at the foot of a page ("Pelbury-"), when the text from ``start`` is its rest
    and only a page's furniture stands between them."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None
    furniture = False
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if not _page_furniture_at(text, previous):
            cut = _CUT_AT_LINE_END.search(text, previous, line_start)
            return cut.group(1) if furniture and cut else None
        line_start, furniture = previous, True
    return None


_CUT_AT_LINE_END = re.compile(r"(?<![^\W\d_])([^\W\d_]+-)[ \t]*\r?\n$")


def wrapped_line(text: str, offset: int, width: int = WRAPPED_LINE) -> bool:
    """Whether the line holding ``offset`` is long enough (from its start to ``offset``) to have been wrapped."""
    return offset - (text.rfind("\n", 0, offset) + 1) >= width
