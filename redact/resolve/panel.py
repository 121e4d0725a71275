"""Who sat on the review panel: people listed with their job title in a membership list, whatever its layout.

Boards lay the list out in every way: a table with or without a header row, columns aligned with spaces or
tabs, bullets ("• Ms X, Head of Service, Y Council;"), dashes ("X - Designated Nurse - Y CCG"), a name on
one line and its job title on the next, or one paragraph ("The panel comprised X, Head of ..., Y; Z, ...").
An entry is a name that opens a list item and is followed by a job title; a list counts as the panel's when
a word such as "panel", "members" or "comprised" leads it, in its heading or in the text just before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from redact.detect.keep import job_title_pattern, vocabulary
from redact.document import Document
from redact.resolve.cluster import title_before
from redact.resolve.model import Mention

# What may stand before a name that opens a list item: indentation, a bullet, a number, a table rule.
_ITEM_OPENING = re.compile(r"[ \t]*(?:[|•·▪●○◦*\-–—][ \t]*|\(?[0-9a-z]{1,3}[.)][ \t]+)*")
# ...and a rank or post the title list lacks: "Detective Inspector X", "Station Manager X".
_RANK = re.compile(r"(?:[A-Z][a-z]+[ ]){0,2}")
# ...or, in a paragraph, the end of the lead or of the entry before: "comprised: X, ...; and Y, ...".
_INLINE_OPENING = re.compile(r"(?:[:;]|;\s*and)\s*$")
# "Prepared by: X, ...", "IMR author: Dr X, GP partner", "Contact: X, Business Manager": a form's label for one
# person, who wrote or sent it, no member of a list
_BY_LABEL = re.compile(r"\b(?:by|author|writer|contact|from|cc)\s*:\s*$", re.IGNORECASE)
# After the name: an optional "(Chair)", then the gap to the next cell.
_AFTER_NAME = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:,|\||\t|[ ]{2,}|\s[-–—]\s|\n|[ ](?=[A-Z]))\s*")
_CELL_END = re.compile(r",|;|\||\t|[ ]{2,}|\s[-–—]\s|\n")
# "by their Children's Guardian", "her social worker": a job named as someone else's is not the entry's
_SOMEONE_ELSES = re.compile(r"\b(?:by|their|his|her|the|a|an)\s+$", re.IGNORECASE)
_LEAD = re.compile(
    r"\b(?:panel|review\s+team|review(?:er)?s?\s+group|membership|members|attendees|attended\s+by|present"
    r"|apologies|comprised|in\s+attendance)\b",
    re.IGNORECASE,
)
_RUN_GAP = 300  # characters between two entries of one list
_LEAD_REACH = 600  # how far before a list its lead may stand


@lru_cache(maxsize=1)
def _job_title() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?i:{job_title_pattern(vocabulary())})(?![\w'’-])")


def panel_entries(document: Document, mentions: Sequence[Mention]) -> set[int]:
    """Starts of the PERSON ``mentions`` that open an entry of a panel membership list."""
    text = document.text
    entries = sorted((m for m in mentions if m.label == "PERSON" and _is_entry(text, m)), key=lambda m: m.start)
    runs: list[list[Mention]] = []
    for mention in entries:
        if runs and mention.start - runs[-1][-1].end <= _RUN_GAP:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return {m.start for run in runs if led_as_panel(document, run[0].start) for m in run}


def _is_entry(text: str, mention: Mention) -> bool:
    """True when the mention opens a list item and a job title follows it in the next cell or line."""
    title = title_before(text, mention.start)
    opening_end = mention.start - len(title)
    line_start = text.rfind("\n", 0, opening_end) + 1
    before = text[line_start:opening_end]
    item = _ITEM_OPENING.match(before)
    assert item is not None  # it matches the empty string
    ranked = _RANK.fullmatch(before, item.end()) is not None
    if not (ranked or _INLINE_OPENING.search(text[max(0, opening_end - 8) : opening_end])):
        return False
    if _BY_LABEL.search(before):
        return False  # "Prepared by: X, MASH Team Manager", "IMR author: X, GP": who wrote it, not a list's member
    gap = _AFTER_NAME.match(text, mention.end)
    if gap is None:
        return False
    cell_end = _CELL_END.search(text, gap.end())
    cell = text[gap.end() : cell_end.start() if cell_end else len(text)]
    if not 0 < len(cell) <= 90 or _ITEM_OPENING.match(cell).group(0).strip():  # type: ignore[union-attr]
        return False  # the next line opens an item of its own: "(3) E and B (by their Children's Guardian)"
    job = _job_title().search(cell)
    if job is not None and _SOMEONE_ELSES.search(cell[: job.start()]) is None:
        return True
    # "• Detective Inspector X, PPU, Y Police"; not a job earlier in the sentence a ";" continues ("Health visitor
    # Joy Quill saw them; Ebun, then aged 8, interpreted")
    return ranked and _job_title().search(before[item.end() :] + title) is not None


def led_as_panel(document: Document, start: int) -> bool:
    """True when the list's heading, or the text just before the list, says it lists the panel."""
    block = document.block_at(start)
    headings = block.section[-1:] if block is not None else ()
    if any(_LEAD.search(heading) for heading in headings):
        return True
    window = document.text[max(0, start - _LEAD_REACH) : start]
    for heading in headings:  # "The panel may want to consider ..." + "5. Key to initials": the key is no panel
        cut = window.rfind(heading)
        window = window[cut + len(heading) :] if cut >= 0 else window
    leads = list(_LEAD.finditer(window))
    if not leads:
        return False
    lead_in = _OPENING_AT_END.sub("", _SENTENCE_ENDS.split(window.rstrip())[-1])  # the sentence before the list
    if _INTRODUCES_OTHERS.search(lead_in) and not _LEAD.search(lead_in):
        return False  # "Draft for panel" on a title page, then "... interviewed the following staff:"
    if not headings:
        return True
    # under a heading of its own ("3. Staff who knew him"), the list is the panel's only where the sentence that
    # leads it into the list says so ("The panel comprised:"), not a sentence about the panel before it
    rest = _OPENING_AT_END.sub("", window[leads[-1].end() :])  # not the "1." of the item the name opens
    return not _SENTENCE_ENDS.search(rest) or _INTRODUCES_A_LIST.search(rest) is not None


_OPENING_AT_END = re.compile(r"\s*(?:[|•·▪●○◦*\-–—]|\(?[0-9a-z]{1,3}[.)])?[ \t]*$")
_SENTENCE_ENDS = re.compile(r"[.!?](?:\s|$)")
# a sentence that brings in a list of its own: "interviewed the following staff (initials are used below):"
_INTRODUCES_OTHERS = re.compile(r"\b(?:following|below|these|listed)\b|:\s*$", re.IGNORECASE)
_INTRODUCES_A_LIST = re.compile(
    r"\b(?:below|following|follows|listed|table)\b|\b(?:were|was|are|is)\s*[:.]?\s*$", re.IGNORECASE
)
