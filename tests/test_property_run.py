"""No internal error on any draft: fixture drafts, perturbed the way real files arrive, either publish with
nothing from their gold left or are refused with a user-level message.

The perturbations are those of text pasted out of PDFs and of drafts by several hands: lines broken at
random spaces, paragraphs joined, running headers and page numbers inserted, lines in capitals, headings
removed. The leak check is the independent oracle's (``tests/leak_oracle.py``), not the product's verify.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from leak_oracle import leaks_in, mentions, normalise

from redact.errors import InternalError, RedactError
from redact.gold import load_gold
from redact.pipeline import Pipeline

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DRAFTS = [FIXTURES / "handwritten" / "police-imr.txt", FIXTURES / "handwritten" / "executive-summary-short.txt",
          FIXTURES / "synthetic" / "scr-03.txt"]  # fmt: skip
RUNNING_HEADER = "RESTRICTED - DRAFT v0.3 - Serious Case Review"


@cache
def pipeline() -> Pipeline:
    return Pipeline()


def break_lines(text: str, positions: list[int]) -> str:
    """A line break at each chosen space, as a PDF wraps its lines."""
    spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", text)]
    chosen = {spaces[p % len(spaces)] for p in positions} if spaces else set()
    return "".join("\n" if i in chosen else c for i, c in enumerate(text))


def join_paragraphs(text: str, which: list[int]) -> str:
    """Some blank lines between paragraphs removed, as text pasted out of a PDF loses them."""
    parts = text.split("\n\n")
    joined = {p % max(1, len(parts) - 1) for p in which}
    out = parts[0]
    for index, part in enumerate(parts[1:]):
        out += ("\n" if index in joined else "\n\n") + part
    return out


def add_page_furniture(text: str, every: int) -> str:
    """A running header and "Page N of M" every ``every`` lines."""
    lines = text.split("\n")
    pages = len(lines) // every + 1
    out = []
    for index, line in enumerate(lines):
        if index and index % every == 0:
            out += [f"Page {index // every} of {pages}", RUNNING_HEADER]
        out.append(line)
    return "\n".join(out)


def shout_lines(text: str, which: list[int]) -> str:
    lines = text.split("\n")
    for w in which:
        lines[w % len(lines)] = lines[w % len(lines)].upper()
    return "\n".join(lines)


def drop_headings(text: str) -> str:
    """Numbered and capitalised heading lines removed."""
    return "\n".join(line for line in text.split("\n") if not re.fullmatch(r"\d+\.?\s+[A-Z][A-Z \-]+", line.strip()))


@st.composite
def perturbed(draw: st.DrawFn) -> tuple[Path, str]:
    draft = draw(st.sampled_from(DRAFTS))
    text = draft.read_text(encoding="utf-8")
    if draw(st.booleans()):
        text = drop_headings(text)
    if draw(st.booleans()):
        text = join_paragraphs(text, draw(st.lists(st.integers(0, 500), max_size=20)))
    if draw(st.booleans()):
        text = break_lines(text, draw(st.lists(st.integers(0, 10_000), max_size=60)))
    if draw(st.booleans()):
        text = add_page_furniture(text, draw(st.integers(8, 40)))
    if draw(st.booleans()):
        text = shout_lines(text, draw(st.lists(st.integers(0, 500), max_size=8)))
    return draft, text


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=perturbed())
def test_perturbed_drafts_publish_clean_or_refuse_plainly(case: tuple[Path, str], tmp_path_factory) -> None:  # noqa: ANN001
    draft, text = case
    folder = tmp_path_factory.mktemp("perturbed")
    path = folder / draft.name
    path.write_text(text, encoding="utf-8")
    try:
        result = pipeline().run(path, folder / "out")
    except InternalError as error:
        pytest.fail(f"internal error on a perturbed {draft.name}: {error}")
    except RedactError as error:
        assert str(error).startswith(str(path)), "a refusal names the file"
        assert not (folder / "out" / "publish").exists() or not any((folder / "out" / "publish").iterdir())
        return
    gold = load_gold(draft.with_suffix(".gold.json"))
    masked, kept_words = mentions({"mentions": [m.__dict__ for m in gold.mentions]})
    kept = sorted({normalise(m.text) for m in gold.mentions if m.keep}, key=len, reverse=True)
    for published in result.published:
        if published.suffix == ".md":
            text = normalise(published.read_text(encoding="utf-8"))
            for phrase in kept:  # a kept panel organisation may hold a town's name ("Marlowby Refuge")
                text = re.sub(re.escape(phrase), "#", text, flags=re.IGNORECASE)
            assert leaks_in(text, masked, kept_words) == []
