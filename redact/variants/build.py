"""Build the publishable variants: choose the draft's blocks, apply the plan to each, check the content.

* ``executive-summary``: the draft's Executive Summary section, plus the sections that name the review
  panel (the review process, panel membership), in draft order; a draft whose title page says it is an
  executive summary is taken whole;
* ``full-publication``: the whole report.

Running headers and footers of the draft are never published (the renderer draws its own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from redact.config import NAMED_ROLES, ReportConfig
from redact.document import NUMBERED_PARAGRAPH, TITLE_PAGE_BLOCKS, Block, BlockKind, Document, title_lines
from redact.errors import InternalError, RedactError
from redact.resolve import Plan, apply_plan
from redact.resolve.model import Replacement
from redact.resolve.named_roles import role_candidates
from redact.variants.markings import marking_replacements
from redact.variants.model import Change, RedactedBlock, Variant
from redact.variants.policy import VariantPolicy

EXECUTIVE_SUMMARY = re.compile(r"\bexecutive\s+summary\b", re.IGNORECASE)
# A heading that names the summary as one of several things ("Publication of the overview report and executive
# summary", an item of a board's minutes) heads a section about it, not the summary itself.
_SUMMARY_AMONG_OTHERS = re.compile(r"\b(?:and|or|of|&)\s+(?:the\s+|this\s+)?executive\s+summary\b", re.IGNORECASE)
PANEL_SECTION = re.compile(
    r"\b(review\s+panel|panel\s+membership|membership\s+of\s+the\s+(review\s+)?panel|the\s+review\s+process"
    r"|review\s+team|governance\s+of\s+the\s+review)\b",
    re.IGNORECASE,
)
RUNNING = (BlockKind.HEADER, BlockKind.FOOTER)
ROLE_NAMES = {"lscb_chair": "LSCB chair", "panel_chair": "SCR panel chair", "author": "overview report author"}


class MissingContentError(RedactError):
    """A variant lacks content the statutory guidance requires (or its section is missing)."""


def _in_section(block: Block, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(heading) for heading in block.section)


def _in_summary(block: Block) -> bool:
    return any(
        EXECUTIVE_SUMMARY.search(heading) and not _SUMMARY_AMONG_OTHERS.search(heading) for heading in block.section
    )


NO_SUMMARY = (
    "the draft has no Executive Summary section (no heading 'Executive Summary', and its title page does not "
    "say it is one)"
)


def why_not_buildable(document: Document, selection: str) -> str | None:
    """Why a variant taking ``selection`` cannot be built from this draft, or None when it can."""
    if selection == "executive_summary" and not _summary_blocks(document):
        return NO_SUMMARY
    return None


_CONTENTS_LINE = re.compile(r"(?:\.{3,}|…|\t)\s*\d+\s*$")
# a web page's link to a file: "Download the executive summary (PDF, 310KB)"
_LINK_LINE = re.compile(r"^\s*(?:download|view|read|open)\b|\((?:pdf|word|docx?|odt)\b[^)]*\)", re.IGNORECASE)
_OVERVIEW = re.compile(r"\boverview\s+report\b", re.IGNORECASE)


def is_separate_summary(title_page: Sequence[Block]) -> bool:
    """The title page calls the draft an executive summary (not in a contents line or a link to a file) and not an
    overview report: the whole draft is the summary, title page and signature blocks (where roles are named)
    included."""
    # titles, not sentences: "The executive summary was published ..." makes no summary, and "The overview report
    # and this summary were written by ..." (a paragraph a PDF's reading joined into one line) no overview report
    lines = title_lines(title_page)
    # a pasted draft runs on into its text: the title page ends at the first numbered paragraph ("1.1 This ...")
    lines = lines[: next((i for i, line in enumerate(lines) if NUMBERED_PARAGRAPH.match(line)), len(lines))]
    titles = [line for line in lines if not (_CONTENTS_LINE.search(line) or _LINK_LINE.search(line))]
    return any(EXECUTIVE_SUMMARY.search(line) for line in titles) and not any(_OVERVIEW.search(line) for line in titles)


def _is_a_summary(document: Document) -> bool:
    """The draft is itself an executive summary: its title page says so."""
    body = [b for b in document.blocks if b.kind not in RUNNING]
    return is_separate_summary(body[:TITLE_PAGE_BLOCKS])


def _summary_blocks(document: Document) -> list[Block]:
    body = [b for b in document.blocks if b.kind not in RUNNING]
    if _is_a_summary(document):
        return body
    summary = [b for b in body if _in_summary(b)]
    if not summary:
        return []
    # the title page (blocks before any section) names the board's chair, panel chair and author
    title_page = {b.index for b in body[:TITLE_PAGE_BLOCKS] if not b.section and b.index < summary[0].index}
    return [
        b for b in body if b.index in title_page or _in_summary(b) or _in_section(b, PANEL_SECTION)
    ]


def select_blocks(document: Document, selection: str) -> list[Block]:
    if selection == "all":
        return [b for b in document.blocks if b.kind not in RUNNING]
    if selection != "executive_summary":
        raise RedactError(f"unknown block selection {selection!r} in the variant policy")
    blocks = _summary_blocks(document)
    if not blocks:
        raise MissingContentError(f"{NO_SUMMARY}: cannot build the executive-summary variant", document.source)
    return blocks


def redact_block(block: Block, replacements: Sequence[Replacement]) -> RedactedBlock:
    """Apply the replacements inside ``block`` (through presidio-anonymizer) and locate them in the result."""
    local = []
    for r in replacements:
        if r.start < block.start or r.end > block.end:
            raise InternalError(f"replacement {r.original!r} crosses the edge of block {block.index}")
        local.append(replace(r, start=r.start - block.start, end=r.end - block.start))
    text = apply_plan(block.text, Plan(entities=(), replacements=tuple(local)))
    changes, shift = [], 0
    for r, original in sorted(zip(local, replacements, strict=True), key=lambda pair: pair[0].start):
        new_start = r.start + shift
        changes.append(Change(original, new_start, new_start + len(r.replacement)))
        shift += len(r.replacement) - (r.end - r.start)
    return RedactedBlock(block, text, tuple(changes))


def fixed_replacement(r: Replacement, start: int, end: int, original: str, new_text: str) -> Replacement:
    """``r`` over another span, replaced by ``new_text`` as it stands (Presidio's "redact" removes)."""
    operator, params = ("replace", (("new_value", new_text),)) if new_text else ("redact", ())
    return replace(r, start=start, end=end, original=original, replacement=new_text, operator=operator, params=params)


def split_at_block_edges(document: Document, r: Replacement) -> list[tuple[Block, Replacement]]:
    """The replacement cut where it crosses from one block into the next (a name wrapped across a page or
    a paragraph break), less any blanks between blocks: the first piece carries the replacement, the pieces after
    it are removed."""
    pieces: list[tuple[Block, Replacement]] = []
    start = r.start
    while start < r.end:
        owner = document.block_at(start)
        if owner is None:  # the gap between two blocks: only blanks
            start += 1
            continue
        end = min(r.end, owner.end)
        if not pieces and (start, end) == (r.start, r.end):
            return [(owner, r)]
        piece = fixed_replacement(r, start, end, document.text[start:end], "" if pieces else r.replacement)
        pieces.append((owner, piece))
        start = end
    if not pieces:
        raise InternalError(f"replacement {r.original!r} at {r.start} lies outside every block")
    return pieces


def build_variant(document: Document, plan: Plan, policy: VariantPolicy) -> Variant:
    blocks = select_blocks(document, policy.blocks)
    by_block: dict[int, list[Replacement]] = {}
    for r in plan.replacements:
        for owner, piece in split_at_block_edges(document, r):
            by_block.setdefault(owner.index, []).append(piece)
    for r in marking_replacements(blocks, plan.replacements):
        by_block.setdefault(document.block_at(r.start).index, []).append(r)
    redacted = tuple(redact_block(b, by_block.get(b.index, [])) for b in blocks)
    # a draft that is itself an executive summary is published whole under its own name, not "Overview Report"
    title = EXECUTIVE_SUMMARY_TITLE if _is_a_summary(document) else policy.title
    return Variant(policy.name, title, redacted)


EXECUTIVE_SUMMARY_TITLE = "Executive Summary"


ROLE_LINE = {"lscb_chair": "LSCB chair", "panel_chair": "Serious case review panel chair",
             "author": "Overview report author"}  # fmt: skip


def _variant_text(variant: Variant) -> str:
    return " ".join(" ".join(t.split()) for t in (*variant.title_page_lines, *(b.text for b in variant.blocks)))


def _role_names(plan: Plan, config: ReportConfig, role: str) -> list[str]:
    if role in config.named_roles:
        return [config.named_roles[role]]
    return [t for e in plan.entities if e.kept and (e.role == role or role in e.named_roles) for t in e.texts]


def with_named_roles(variant: Variant, plan: Plan, config: ReportConfig) -> tuple[Variant, list[str]]:
    """The variant with a title-page line for each named role that the draft names elsewhere but its
    executive summary does not ("Overview report author: Dr X"), as the guidance asks; and those lines."""
    text = _variant_text(variant).casefold()
    lines = []
    for role in NAMED_ROLES:
        names = _role_names(plan, config, role)
        if names and not any(" ".join(name.split()).casefold() in text for name in names):
            lines.append(f"{ROLE_LINE[role]}: {max(names, key=len)}")
    return replace(variant, title_page_lines=variant.title_page_lines + tuple(lines)), lines


_DOMESTIC_HOMICIDE_REVIEW = re.compile(r"\bdomestic\s+homicide\s+review\b|\bDHR\b", re.IGNORECASE)
_COMMUNITY_SAFETY_PARTNERSHIP = re.compile(r"\bcommunity\s+safety\s+partnership\b|\bCSP\b", re.IGNORECASE)
_CHILDREN_BOARD = re.compile(
    r"\bsafeguarding\s+children\b|\bLSCB\b|\b[A-Z]{0,3}SC[BP]\b|\bsafeguarding\s+partners(?:hip)?\b|"
    r"\bserious\s+case\s+review\b|\bSCR\b",
    re.IGNORECASE,
)


def no_lscb_chair_to_name(document: Document, plan: Plan, config: ReportConfig) -> bool:
    """No LSCB chair in the draft or the config, and none to name: a domestic homicide review that a community
    safety partnership commissioned."""
    return not _role_names(plan, config, "lscb_chair") and commissioned_without_a_children_board(document.text)


def commissioned_without_a_children_board(text: str) -> bool:
    """A domestic homicide review that a community safety partnership commissioned, with no safeguarding children
    board or serious case review in it: the guidance's LSCB chair has no counterpart to name."""
    return bool(
        _DOMESTIC_HOMICIDE_REVIEW.search(text) and _COMMUNITY_SAFETY_PARTNERSHIP.search(text)
        and not _CHILDREN_BOARD.search(text)
    )


@dataclass(frozen=True)
class MissingContent:
    """What a variant must contain but does not; ``role`` is the named role it lacks ("author"), if one."""

    text: str
    role: str | None = None


def missing_statutory_content(
    document: Document, variant: Variant, plan: Plan, config: ReportConfig
) -> list[MissingContent]:
    """What the executive summary must contain but does not: named roles by name, panel titles and bodies.

    A role not found says what to do, naming the people who stand next to its role noun in the draft."""
    text = _variant_text(variant).casefold()
    missing: list[MissingContent] = []
    for role in NAMED_ROLES:
        names = _role_names(plan, config, role)
        if role == "lscb_chair" and no_lscb_chair_to_name(document, plan, config):
            continue
        if not names:
            hints = role_candidates(document.text, plan.entities, role)
            fix = f"confirm it in the review app or with named_roles.{role} in report.yaml" if hints else (
                f"name them in the review app or with named_roles.{role} in report.yaml"
            )
            found = f"; {'; '.join(hints)}" if hints else ""
            said = f"no {ROLE_NAMES[role]} found in the draft or the config{found}: {fix}"
            missing.append(MissingContent(said, role))
        elif not any(" ".join(name.split()).casefold() in text for name in names):
            missing.append(MissingContent(f"the {ROLE_NAMES[role]} ({names[0]}) is not named in the executive summary"))
    for member in config.panel:
        for detail in (member.job_title, member.organisation):
            if " ".join(detail.split()).casefold() not in text:
                missing.append(MissingContent(f"panel member detail {detail!r} is not in the executive summary"))
    return missing
