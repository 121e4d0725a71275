"""Pages set in two newspaper columns, read column by column.

pdfplumber assembles a text line across the whole page, so a page in two columns comes out with each line of the
left column joined to the line beside it in the right ("1.1 This is the summary of a Serious Case 3.1 The
grandmother grew up in ..."): names, roles and sentences scrambled. A page has two columns where many lines share
one wide gap at the same place in the middle of the page and their left parts run up to it, as a column's text
does (a table typed with tabs has short left cells instead). Full-width lines (a title above the columns, a
heading across them) divide the page into bands; each band of column lines is read left column first.
"""

from __future__ import annotations

from statistics import median

GUTTER_MIN = 12.0  # points of white space between two columns; words are about 3 apart
MIN_COLUMN_LINES = 6  # lines that must share the gutter before a page is read as two columns
FILLED = 0.6  # a column's lines mostly fill its width up to the gutter (ragged right allowed); a table's cells do not
ACROSS_SHARE = 0.1  # of a page in columns, the lines that run across both: a title, a heading
_STEP = 2.0


def column_lines(page, margin: float) -> tuple[list[dict], bool]:  # type: ignore[no-untyped-def]
    """``page.extract_text_lines(return_chars=True)``, in reading order where the page is in two columns (and
    whether it is). Lines within ``margin`` of the page's top or bottom (running headers, footers) stay whole."""
    lines = page.extract_text_lines(return_chars=True)
    body = [line for line in lines if line["top"] > margin and line["bottom"] < page.height - margin]
    in_body = {id(line) for line in body}
    gutter = _gutter(body, page.width)
    if gutter is None:
        return lines, False
    ordered: list[dict] = []
    band: list[dict] = []
    for line in sorted(lines, key=lambda raw: raw["top"]):
        if id(line) not in in_body or _crosses(line, gutter):
            ordered += _read_band(page, band, gutter)
            band = []
            ordered.append(line)
        else:
            band.append(line)
    return ordered + _read_band(page, band, gutter), True


def _gaps(line: dict) -> list[tuple[float, float]]:
    chars = sorted((c for c in line["chars"] if c["text"].strip()), key=lambda c: c["x0"])
    return [(a["x1"], b["x0"]) for a, b in zip(chars, chars[1:], strict=False) if b["x0"] - a["x1"] >= GUTTER_MIN]


def _gutter(lines: list[dict], width: float) -> float | None:
    """Where the white band between two columns is (the x most lines have a gap at), or None for one column."""
    return _shared_gap(lines, width) or _apart(lines, width)


def _apart(lines: list[dict], width: float) -> float | None:
    """Two columns whose lines do not stand level, so that pdfplumber gives each column's lines apart: many lines
    start right of the page's middle, many others end left of where those start, the left ones fill their column as
    text does, and hardly a line runs across (a table's rows do: a wrapped cell is no column)."""
    right = [line for line in lines if line["x0"] >= 0.4 * width]
    if len(right) < MIN_COLUMN_LINES:
        return None
    start = min(line["x0"] for line in right)
    left = [line for line in lines if line["x1"] < start and line["x0"] < 0.4 * width]
    if len(left) < MIN_COLUMN_LINES:
        return None
    ends = sorted(line["x1"] for line in left)
    end = ends[int(0.9 * (len(ends) - 1))]  # a title above the columns may end nearer the right column
    margin = min(line["x0"] for line in left)
    filled = median((line["x1"] - margin) / (end - margin) for line in left) >= FILLED
    across = sum(1 for line in lines if line["x0"] < end and line["x1"] > start)
    apart = across <= ACROSS_SHARE * (len(left) + len(right))
    return (end + start) / 2 if start - end >= GUTTER_MIN and filled and apart else None


def _shared_gap(lines: list[dict], width: float) -> float | None:
    """The x where most lines, each laid across both columns, have a wide gap."""
    gapped = [(line, gap) for line in lines for gap in _gaps(line)]
    best: tuple[int, float] | None = None
    x = 0.3 * width
    while x <= 0.7 * width:
        count = sum(1 for _, (a, b) in gapped if a <= x <= b)
        if count and (best is None or count > best[0]):
            best = (count, x)
        x += _STEP
    if best is None or best[0] < MIN_COLUMN_LINES:
        return None
    at = best[1]
    through = [(line, gap) for line, gap in gapped if gap[0] <= at <= gap[1]]
    if median((gap[0] - line["x0"]) / (gap[1] - line["x0"]) for line, gap in through) < FILLED:
        return None  # short left cells far from a tab stop: a table, not a column of text
    return at


def _crosses(line: dict, gutter: float) -> bool:
    """A line across the gutter with no gap at it: a title or heading over both columns."""
    if line["x1"] <= gutter or line["x0"] >= gutter:
        return False
    return not any(a <= gutter <= b for a, b in _gaps(line))


def _read_band(page, band: list[dict], gutter: float) -> list[dict]:  # type: ignore[no-untyped-def]
    """The band's left column, then its right column, each assembled by pdfplumber within its own half."""
    if not band:
        return []
    top = max(page.bbox[1], min(line["top"] for line in band) - 0.5)  # within the page: crop is strict
    bottom = min(page.bbox[3], max(line["bottom"] for line in band) + 0.5)
    halves = ((page.bbox[0], top, gutter, bottom), (gutter, top, page.bbox[2], bottom))
    return [line for bbox in halves for line in page.crop(bbox).extract_text_lines(return_chars=True)]
