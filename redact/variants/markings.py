"""Draft and protective markings, which a publication must not carry: "DRAFT v0.4", "RESTRICTED",
"OFFICIAL-SENSITIVE", "Not for publication in this form", "Draft for the panel", "Page 4 of 38".

They are removed from the published variants like any other change, so the audit trail lists each one.
In prose only the unmistakable forms go (capitals, a version number, "not for publication"); on a short
line made of nothing else (a title page, a running header pasted into the text) Title case goes too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redact.document import Block
from redact.resolve.model import Action, Replacement

_SEPARATOR = r"(?:[ \t]*[-–—:|,/;][ \t]*|[ \t]+)"
_VERSION = r"(?:(?:version|ver|v)\.?[ \t]*)?\d+(?:\.\d+)*[a-z]?"
_ANYWHERE = [
    r"\bDRAFT\b(?:[ \t]+" + _VERSION + r")?",
    r"\b(?i:draft)[ \t]+(?i:" + _VERSION + r")\b",
    r"\b(?i:draft)[ \t]+(?i:for)[ \t]+(?i:(?:the[ \t]+)?(?:panel|board|comment|comments|consultation|discussion|"
    r"agreement|approval))\b",
    # "Version 4 - FOR PANEL": a version and whom it went to
    r"\b(?i:version|ver|v)\.?[ \t]*\d+(?:\.\d+)*" + _SEPARATOR + r"(?i:for)[ \t]+(?i:(?:the[ \t]+)?"
    r"(?:panel|board|comment|comments|consultation|discussion|agreement|approval))\b",
    r"\bRESTRICTED\b",
    r"\bCONFIDENTIAL\b",
    r"\bOFFICIAL(?:[ \t]*[-–][ \t]*|[ \t]+)SENSITIVE\b",
    r"\bOFFICIAL\b(?=[ \t]*(?:$|[-–:|,]))",
    r"\b(?i:not[ \t]+for[ \t]+(?:publication|circulation|distribution|onward[ \t]+disclosure)"
    r"(?:[ \t]+in[ \t]+this[ \t]+form)?"
    # "not for circulation beyond the panel": whom the draft may go to
    r"(?:[ \t]+(?:beyond|outside|other[ \t]+than)[ \t]+(?:the[ \t]+)?(?:[\w'’-]+[ \t]+){0,2}?"
    r"(?:panel|board|members|partnership|review[ \t]+team|agencies)\b)?)",
    r"\b(?i:page)[ \t]+\d+[ \t]+(?i:of)[ \t]+\d+\b",
]
# On a short line that holds nothing but markings, Title case and bare version numbers go too.
_ON_MARKING_LINES = [
    r"\b(?:Draft|Restricted|Confidential|Official[ \t]*[-–]?[ \t]*Sensitive|Official|Sensitive)\b",
    r"\b(?i:version|ver|v)\.?[ \t]*\d+(?:\.\d+)*\b",
]
_MARKING = re.compile(r"(?:" + "|".join(_ANYWHERE) + r")")
_MARKING_LINE_PART = re.compile(r"(?:" + "|".join(_ANYWHERE + _ON_MARKING_LINES) + r")")
_LEFTOVER = re.compile(r"[\s\-–—:|,/;.()\[\]]*")
SHORT_LINE = 100
ENTITY_ID = "marking"
REASON = "draft or protective marking: a publication does not carry it"


def _runs(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Marking matches, each widened over the separators after it (or before it, at the end)."""
    runs: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        after = re.compile(_SEPARATOR).match(text, end)
        if after and after.end() < len(text) and text[after.end()] not in "\n":
            end = after.end()
        else:
            before = re.search(_SEPARATOR + r"$", text[:start])
            if before and before.start() > 0:
                start = before.start()
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    if runs and not text[runs[-1][1] :].strip():  # the line ends with markings: drop the separator before them
        before = re.search(_SEPARATOR + r"$", text[: runs[-1][0]])
        if before and before.start() > 0:
            runs[-1] = (before.start(), runs[-1][1])
    return runs


# A paragraph of one short line that says how the draft is handled: "Version 0.4 – circulated to panel
# December 2016 – comments by January 2017", "This draft contains the names of family members and must not be
# copied". Only a paragraph of its own (a title page line): a wrapped line of prose is never taken whole.
_HANDLING_NOTE = re.compile(
    r"(?i:\bthis[ \t]+draft\b|\bcirculated[ \t]+to[ \t]+(?:the[ \t]+)?(?:panel|board|members|agencies)\b"
    r"|\bcomments[ \t]+(?:by|to[ \t]+\w+[ \t]+by)\b|\bmust[ \t]+not[ \t]+be[ \t]+(?:copied|forwarded|shared|published)"
    r"|\bsupersedes[ \t]+v)"
)
HANDLING_NOTE_CHARS = 200


def marking_spans(text: str) -> list[tuple[int, int]]:
    """Where the markings are in ``text`` (one block's text), as (start, end) pairs."""
    stripped = text.strip()
    if stripped and "\n" not in stripped and len(stripped) <= HANDLING_NOTE_CHARS and _HANDLING_NOTE.search(stripped):
        start = text.index(stripped)
        return [(start, start + len(stripped))]
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        whole = _MARKING_LINE_PART.sub("", line)
        only_markings = len(line) <= SHORT_LINE and line.strip() and _LEFTOVER.fullmatch(whole)
        if only_markings:
            spans.append((offset + len(line) - len(line.lstrip()), offset + len(line.rstrip())))
        else:
            spans += [(offset + s, offset + e) for s, e in _runs(line, _MARKING)]
        offset += len(line) + 1
    return [(s, e) for s, e in spans if e > s]


def marking_replacements(blocks: Iterable[Block], taken: Iterable[Replacement]) -> list[Replacement]:
    """A removal for every marking in ``blocks`` that no planned change already covers."""
    occupied = sorted((r.start, r.end) for r in taken)
    removals = []
    for block in blocks:
        for start, end in marking_spans(block.text):
            start, end = block.start + start, block.start + end
            if any(s < end and start < e for s, e in occupied):
                continue
            original = block.text[start - block.start : end - block.start]
            removals.append(Replacement(start, end, original, "", ENTITY_ID, "MARKING", "markings", 1.0,
                                        Action.REMOVE, REASON, "redact"))  # fmt: skip
    return removals


def is_blank(text: str) -> bool:
    """Nothing left to publish: a block that held only markings."""
    return bool(_LEFTOVER.fullmatch(text))
