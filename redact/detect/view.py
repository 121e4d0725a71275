"""Detection reads the draft as a reader sees it (``redact.visible``) and reports offsets into the draft."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from redact.detect.finding import Finding
from redact.document import Document
from redact.visible import visible_text


@dataclass(frozen=True)
class VisibleDocument:
    document: Document  # the draft with invisible characters gone and emphasis marks blanked
    origin: list[int]  # origin[i]: the draft offset of the view's character i; origin[-1]: the draft's length
    draft_text: str

    def to_draft(self, finding: Finding) -> Finding:
        """``finding`` with the draft's offsets and text: "Kay<ZWSP>den", not "Kayden"."""
        start, end = self.origin[finding.start], self.origin[finding.end - 1] + 1
        return replace(finding, start=start, end=end, text=self.draft_text[start:end])


def visible_document(document: Document) -> VisibleDocument | None:
    """The view of ``document`` detection should read, or None when it reads the draft as it is."""
    visible = visible_text(document.text)
    if visible is None:
        return None
    text, origin = visible

    def at(offset: int) -> int:
        return bisect_left(origin, offset)

    blocks = tuple(
        replace(b, start=at(b.start), end=at(b.end), text=text[at(b.start) : at(b.end)]) for b in document.blocks
    )
    return VisibleDocument(replace(document, text=text, blocks=blocks), origin, document.text)
