"""DOCX drafts (python-docx): body paragraphs and tables in order, text boxes, running headers and
footers, footnotes and endnotes.

Drafts with tracked changes or comments are refused: deleted text and reviewers' remarks are where
names hide, and neither belongs in a publication. Page numbers are unknown for DOCX (``page=None``).
Blocks come out in one canonical order (headers, body, footnotes and endnotes, footers) and the text
is their canonical layout (:func:`redact.document.build_document`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from redact.document import Block, BlockKind, Document, TableCellPosition, build_document
from redact.errors import InputError
from redact.ingest.common import is_page_number, reason
from redact.ingest.sniff import ZIP_ERRORS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = map(_w, ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_TXBX, _FALLBACK = _w("txbxContent"), f"{{{MC}}}Fallback"
_REVISION_TAGS = {_w(tag) for tag in ("ins", "del", "moveFrom", "moveTo")}  # tracked insertions, deletions, moves
_CONTAINERS = {_SDT, _SDT_CONTENT, _w("customXml"), _w("smartTag"), _w("body")}
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class _ParagraphStyle:
    heading_level: int  # 0 when not a heading
    is_list: bool


def read_docx(path: Path) -> Document:
    """Read a DOCX that has already passed the zip-size checks."""
    _refuse_drafts(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise InputError(f"corrupt DOCX: {reason(exc)}", path) from exc
    if getattr(document.element, "body", None) is None:  # a main part whose root is no w:document
        raise InputError("corrupt DOCX: the main document part has no body", path)
    if document.element.body.find(f".//{_w('altChunk')}") is not None:
        raise InputError("contains an embedded document (altChunk) that cannot be read: paste it in as text", path)
    try:
        blocks = _blocks(document)
        warnings = _warnings(path, document)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"corrupt DOCX: broken XML ({reason(exc)})", path) from exc
    except Exception as exc:  # python-docx opens styles, headers and notes lazily: a broken package fails here
        raise InputError(f"corrupt DOCX: its parts do not fit together ({reason(exc)})", path) from exc
    return build_document(str(path), "docx", blocks, warnings)


def _blocks(document) -> list[Block]:
    """Blocks in canonical order: headers, body, footnotes and endnotes, footers."""
    reader = _Reader(document)
    body = list(reader.story(document.element.body))
    headers = _dedupe(reader.furniture("headerReference", BlockKind.HEADER))
    footers = _dedupe(reader.furniture("footerReference", BlockKind.FOOTER))
    notes = [*reader.notes("footnotes", "footnote"), *reader.notes("endnotes", "endnote")]
    return [*headers, *body, *notes, *footers]


def _refuse_drafts(path: Path) -> None:
    """Refuse tracked changes and comments anywhere in the package's XML."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not (name.startswith("word/") and name.endswith(".xml")):
                    continue
                data = archive.read(name)
                if name.rsplit("/", 1)[-1] == "comments.xml" and _has_tag(data, {_w("comment")}):
                    raise InputError("has comments: remove or resolve them first (names hide in comments)", path)
                if _has_tag(data, _REVISION_TAGS):
                    raise InputError(f"has tracked changes in {name}: accept or reject them first", path)
    except ZIP_ERRORS as exc:
        raise InputError(f"corrupt DOCX: a part cannot be unpacked ({reason(exc)})", path) from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(f"corrupt DOCX: broken XML ({reason(exc)})", path) from exc


def _has_tag(data: bytes, tags: set[str]) -> bool:
    if not any(tag.rsplit("}", 1)[1].encode() in data for tag in tags):
        return False  # cheap test first: the local name does not even occur
    for _, element in etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False):
        if element.tag in tags:
            return True
    return False


class _Reader:
    """Turns the XML of one DOCX's stories into blocks."""

    def __init__(self, document) -> None:
        self.document = document
        self.styles = _paragraph_styles(document)
        self.tables = 0

    def story(self, container, kind: BlockKind | None = None) -> Iterator[Block]:
        """Blocks of a story in reading order: with ``kind=None`` a body story whose paragraphs are
        classified by style; otherwise every paragraph and table cell becomes one ``kind`` block."""
        for element in _story_elements(container):
            if element.tag == _TBL:
                yield from self._table(element, kind)
                continue
            text = _paragraph_text(element)
            if text:
                yield self._paragraph_block(element, text, kind)
            for box in _text_boxes(element):
                yield from self.story(box, kind)

    def _paragraph_block(self, paragraph, text: str, kind: BlockKind | None) -> Block:
        if kind is not None:
            return Block(kind=kind, text=" ".join(text.split()))
        level, is_list = self._paragraph_style(paragraph)
        if level:
            return Block(kind=BlockKind.HEADING, text=" ".join(text.split()), level=level)
        if is_list:
            return Block(kind=BlockKind.LIST_ITEM, text=" ".join(text.split()))
        return Block(kind=BlockKind.PARAGRAPH, text=text)

    def _paragraph_style(self, paragraph) -> tuple[int, bool]:
        """Heading level (0 for none) and list-ness, from the paragraph's style and its own properties."""
        ppr = paragraph.find(_w("pPr"))
        style_ref = ppr.find(_w("pStyle")) if ppr is not None else None
        style_id = style_ref.get(_w("val")) if style_ref is not None else None
        style = self.styles.get(style_id) or self.styles[None]
        level, is_list = _outline_level(ppr) or style.heading_level, style.is_list
        numbering = ppr.find(_w("numPr")) if ppr is not None else None
        if numbering is not None:
            num_id = numbering.find(_w("numId"))
            is_list = num_id is None or num_id.get(_w("val")) != "0"  # numId 0 switches numbering off
        return level, is_list

    def _table(self, table, kind: BlockKind | None) -> Iterator[Block]:
        """One block per cell, merged cells once; outside the body, cells are plain ``kind`` blocks."""
        index = self.tables
        if kind is None:
            self.tables += 1
        row_number = 0
        for row in _children(table, _TR):
            cells: list[tuple[int, str]] = []
            column = _grid_before(row)
            for cell in _children(row, _TC):
                tcpr = cell.find(_w("tcPr"))
                span = tcpr.find(_w("gridSpan")) if tcpr is not None else None
                merge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                if merge is None or merge.get(_w("val")) == "restart":
                    cells.append((column, self._cell_text(cell)))
                column += int(span.get(_w("val"), "1")) if span is not None else 1
            if not any(text for _, text in cells):
                continue
            for column, text in cells:
                if kind is not None:
                    if text:
                        yield Block(kind=kind, text=text)
                    continue
                yield Block(kind=BlockKind.TABLE_CELL, text=text, cell=TableCellPosition(index, row_number, column))
            row_number += 1

    def _cell_text(self, cell) -> str:
        return " ".join(" ".join(block.text.split()) for block in self.story(cell, BlockKind.PARAGRAPH))

    def furniture(self, reference: str, kind: BlockKind) -> Iterator[Block]:
        """Header or footer blocks of every section, in section order; page-number lines are dropped."""
        seen: set[str] = set()
        for section in self.document.sections:
            for ref in section._sectPr.findall(_w(reference)):
                rel_id = ref.get(f"{{{REL}}}id")
                if rel_id in seen or rel_id not in self.document.part.rels:
                    continue
                seen.add(rel_id)
                part = self.document.part.related_parts[rel_id]
                root = getattr(part, "element", None)
                if root is None:
                    root = etree.fromstring(part.blob, _SAFE_PARSER)
                for block in self.story(root, kind):
                    if not is_page_number(block.text):
                        yield block

    def notes(self, part_suffix: str, tag: str) -> Iterator[Block]:
        """Footnotes or endnotes (separators left out), one block per note."""
        for rel in self.document.part.rels.values():
            if rel.is_external or not rel.reltype.endswith("/" + part_suffix):
                continue
            root = etree.fromstring(rel.target_part.blob, _SAFE_PARSER)
            for note in root.iter(_w(tag)):
                if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join(" ".join(b.text.split()) for b in self.story(note, BlockKind.FOOTNOTE))
                if text:
                    yield Block(kind=BlockKind.FOOTNOTE, text=text)


def _paragraph_styles(document) -> dict[str | None, _ParagraphStyle]:
    """Heading level and list-ness of every paragraph style, following ``based on`` chains.

    The key ``None`` holds the default paragraph style, for paragraphs that name none.
    """
    found: dict[str | None, _ParagraphStyle] = {None: _ParagraphStyle(0, False)}
    for style in document.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        level, is_list, current, depth = 0, False, style, 0
        while current is not None and depth < 10:
            name = (current.name or "").lower()
            ppr = current.element.find(_w("pPr"))
            if not level:
                match = _HEADING_NAME.match(name)
                level = int(match.group(1)) if match else 1 if name == "title" else _outline_level(ppr)
            is_list = is_list or name.startswith("list") or (ppr is not None and ppr.find(_w("numPr")) is not None)
            current, depth = current.base_style, depth + 1
        found[style.style_id] = _ParagraphStyle(level, is_list)
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if default is not None:
        found[None] = found.get(default.style_id, found[None])
    return found


def _outline_level(ppr) -> int:
    """Heading level from ``w:outlineLvl`` (0-8 are levels 1-9; 9 is body text); 0 when absent."""
    outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
    value = outline.get(_w("val"), "") if outline is not None else ""
    return int(value) + 1 if value.isdigit() and int(value) < 9 else 0


def _children(element, tag: str) -> Iterator:
    """Direct children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _story_elements(container) -> Iterator:
    """Paragraphs and tables of a story in document order."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _story_elements(child)


def _grid_before(row) -> int:
    before = row.find(f"{_w('trPr')}/{_w('gridBefore')}")
    return int(before.get(_w("val"), "0")) if before is not None else 0


def _paragraph_text(paragraph) -> str:
    """The paragraph's visible text (text boxes inside it are read separately)."""
    pieces: list[str] = []
    _collect_text(paragraph, pieces)
    lines = "".join(pieces).split("\n")
    return "\n".join(_with_tab_stops(line) for line in lines if line.strip())


def _with_tab_stops(line: str) -> str:
    """A line with its spaces collapsed and its tab stops kept as one tab between words: a panel list typed
    "Name<TAB>Role<TAB>Agency" stays in columns, as the TXT of the same draft does."""
    cells = (" ".join(cell.split()) for cell in line.split("\t"))
    return "\t".join(cell for cell in cells if cell)


_TEXT_TAGS = {_w("t"): None, f"{{{M}}}t": None, _w("tab"): "\t", _w("ptab"): "\t", _w("noBreakHyphen"): "-"}
_SKIP_TAGS = {_TXBX, _FALLBACK, _w("instrText"), _w("delText"), _w("pPr"), _w("rPr")}


def _collect_text(element, pieces: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _TEXT_TAGS:
            pieces.append(child.text or "" if _TEXT_TAGS[tag] is None else _TEXT_TAGS[tag])
        elif tag in (_w("br"), _w("cr")):
            pieces.append(" " if child.get(_w("type")) in ("page", "column") else "\n")
        elif tag not in _SKIP_TAGS and isinstance(tag, str):
            _collect_text(child, pieces)


def _text_boxes(element) -> Iterator:
    """Text boxes anchored in a paragraph (the VML fallback copy of a modern text box is skipped)."""
    for child in element:
        if child.tag == _TXBX:
            yield child
        elif child.tag != _FALLBACK and isinstance(child.tag, str):
            yield from _text_boxes(child)


def _dedupe(blocks: Iterator[Block]) -> list[Block]:
    seen: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        if block.text and block.text not in seen:
            seen.add(block.text)
            kept.append(block)
    return kept


def _warnings(path: Path, document) -> list[str]:
    """Things a reviewer must check by hand: pictures, charts and diagrams, embedded objects in the body."""
    body = document.element.body
    warnings = []
    pictures = len(body.findall(".//{*}blip")) + len(body.findall(".//{*}imagedata"))
    if pictures:
        warnings.append(f"has {pictures} image(s) in the body: check them by hand")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    if any(name.startswith(("word/charts/", "word/diagrams/")) for name in names):
        warnings.append("has charts or diagrams whose text is not read: check them by hand")
    if any(name.startswith("word/embeddings/") for name in names):
        warnings.append("has embedded objects whose content is not read: check them by hand")
    return warnings
