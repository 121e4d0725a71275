"""Small helpers shared by the ingesters: section paths, page-number lines, heading-like text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from redact.document import Block, BlockKind

SENTENCE_END = (".", "!", "?", ":", ";", ",")
MAX_HEADING_CHARS = 80
# words that stay lower case in Title Case headings
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "within",
        "without",
    ]
)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<rest>\S.*)$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_page_number(text: str) -> bool:
    """``3``, ``Page 3``, ``Page 3 of 10``, ``- 3 -``, ``iv``: a line that only numbers the page."""
    return bool(_PAGE_NUMBER.match(" ".join(text.split())))


def heading_style(text: str) -> tuple[str, int] | None:
    """How a lone short line looks like a heading: ``("number", depth)``, ``("caps", 0)``, ``("title", 0)``.

    ``None`` when it reads like a sentence (too long, ends with punctuation, lower-case words).
    """
    text = " ".join(text.split())
    if not text or len(text) > MAX_HEADING_CHARS or text.endswith(SENTENCE_END):
        return None
    numbered = _NUMBERED.match(text)
    if numbered and numbered["rest"][0].isupper():
        return ("number", numbered["number"].count(".") + 1)
    words = _WORD.findall(text)
    if not words:
        return None
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return ("caps", 0)
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if significant and len(words) <= 12 and all(w[0].isupper() for w in significant):
        return ("title", 0)
    return None


def with_sections(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Number the blocks and give each the heading path it sits under (as ``layout_blocks`` does)."""
    placed: list[Block] = []
    headings: list[tuple[int, str]] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            level = block.level or 1
            headings = [h for h in headings if h[0] < level] + [(level, " ".join(block.text.split()))]
        section = block.section or tuple(text for _, text in headings)
        placed.append(replace(block, index=len(placed), section=section))
    return tuple(placed)


_NAME_PART = re.compile(r"(?<![\w-])[A-Z](?:[a-z]+|[A-Z]*)-$")
_NAME_START = re.compile(r"[A-Z][a-z]|[A-Z]+\b")


_WORD_BEFORE_HYPHEN = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _compound_hyphen(out: str, line: str) -> bool:
    """The hyphen at the end of ``out`` joins two English words that make no word without it: "Half-" +
    "sibling", "step-" + "father"; not "identi-" + "fied"."""
    from redact.lexicon import is_english_form  # the word lists load only when a hyphen ends a line

    before, after = _WORD_BEFORE_HYPHEN.search(out), _FIRST_WORD.match(line)
    if before is None or after is None:
        return False
    first, second = before.group(1).lower(), after.group().lower()
    return is_english_form(first) and is_english_form(second) and not is_english_form(first + second)


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines with one space, undoing end-of-line hyphenation (``identi-`` + ``fied``); a hyphen
    before a capital is part of the word (``Quill-`` + ``Pelbury``), and one before digits part of the number
    (``NRM-2016-`` + ``12-0457``, ``OCC-`` + ``12-0457``): they stay, with no space after them."""
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        hyphen = len(out) >= 2 and out[-1] == "-" and out[-2].isalpha()
        if not out:
            out = line
        elif hyphen and line[0].islower() and _compound_hyphen(out, line):
            out += line  # "Half-" + "sibling": a hyphenated word wrapped at its hyphen, not "halfsibling"
        elif out.endswith("\u00ad") or hyphen and line[0].islower():
            out = out[:-1] + line
        elif hyphen and _NAME_PART.search(out) and _NAME_START.match(line):
            # "Tudor-" + "Hughes", "OKORIE-" + "BANKS", "M-" + "K": a double-barrelled name or initials, not
            # "new-birth-" + "ROSE" from a column
            out += line
        elif len(out) >= 2 and out[-1] == "-" and (out[-2].isdigit() or out[-2].isupper()) and line[0].isdigit():
            out += line  # "NRM-2016-" + "12-0457", "OCC-" + "12-0457", "2016-" + "17": one reference or range
        else:
            out = f"{out} {line}"
    return out.replace("\u00ad", "")


def reason(exc: BaseException, limit: int = 160) -> str:
    """A third-party exception as a short one-line reason: ``"KeyError: 'Root'"``."""
    message = " ".join(str(exc).split())
    if len(message) > limit:
        message = message[: limit - 3] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
