"""Checks on the held-out hand-written fixtures (fixtures/heldout): offsets, build, and annotation hygiene."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from stdnum.gb import nhs

from redact.gold import LABELS, Gold, GoldMention, gold_path_for, load_gold

HELDOUT = Path(__file__).resolve().parent.parent / "fixtures" / "heldout"
FIRST_LINE = "SYNTHETIC TEST DOCUMENT - fictional"
KEEP_ROLES = {"lscb_chair", "panel_chair", "author", "panel_job_title", "panel_organisation"}
# Ofcom ranges reserved for drama, written without spaces and with the leading 0.
FICTIONAL_PHONE_PREFIXES = ("07700900", "01632960", "01614960", "01134960", "02079460")

# Words that equal an annotated mention's text but are deliberately left unannotated, with the reason.
DELIBERATE_UNANNOTATED: dict[tuple[str, str], str] = {
    ("high-court-judgment", "B"): "'Re B (Children) [2008] UKHL 35' is a law report name, not the child",
}


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("heldout_build", HELDOUT / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.load_builder()


BUILDER = _load_builder()
MARKED = BUILDER.marked_files(HELDOUT)
IDS = [p.name.removesuffix(".marked.txt") for p in MARKED]


def _draft_and_gold(marked: Path) -> tuple[str, Gold]:
    draft = BUILDER.draft_path_for(marked)
    return draft.read_bytes().decode("utf-8"), load_gold(gold_path_for(draft))


def test_there_are_at_least_five_documents() -> None:
    assert len(MARKED) >= 5


@pytest.mark.parametrize("marked", MARKED, ids=IDS)
def test_gold_offsets_index_the_text(marked: Path) -> None:
    text, gold = _draft_and_gold(marked)
    gold.check(text)
    assert gold.synthetic


@pytest.mark.parametrize("marked", MARKED, ids=IDS)
def test_committed_outputs_equal_a_fresh_build(marked: Path) -> None:
    text, gold = _draft_and_gold(marked)
    fresh = BUILDER.build_one(marked)
    assert text == fresh.text
    assert list(gold.mentions) == sorted(fresh.mentions, key=lambda m: (m.start, m.end))


@pytest.mark.parametrize("marked", MARKED, ids=IDS)
def test_no_markup_left_and_document_is_labelled_fictional(marked: Path) -> None:
    text, _ = _draft_and_gold(marked)
    assert "[[" not in text and "]]" not in text
    assert not re.search(r"\|(?:" + "|".join(LABELS) + r")\|", text)
    assert text.splitlines()[0] == FIRST_LINE
    assert 600 <= len(text.split()) <= 1800


@pytest.mark.parametrize("marked", MARKED, ids=IDS)
def test_mentions_are_well_formed(marked: Path) -> None:
    _, gold = _draft_and_gold(marked)
    spans = sorted((m.start, m.end) for m in gold.mentions)
    pairs = zip(spans, spans[1:], strict=False)
    assert all(end <= next_start for (_, end), (next_start, _) in pairs), "overlapping spans"
    for m in gold.mentions:
        assert m.text == m.text.strip() and m.text, m
        assert not m.keep or m.role in KEEP_ROLES, m


@pytest.mark.parametrize("marked", MARKED, ids=IDS)
def test_identifiers_are_fictional_but_valid(marked: Path) -> None:
    _, gold = _draft_and_gold(marked)
    for m in gold.mentions:
        if m.label == "NHS_NUMBER":
            assert nhs.is_valid(m.text), m.text
        if m.label == "PHONE":
            digits = re.sub(r"\D", "", m.text)
            digits = "0" + digits[2:] if digits.startswith("44") else digits
            assert digits.startswith(FICTIONAL_PHONE_PREFIXES), m.text
        if m.label == "EMAIL":
            assert ".example." in m.text or m.text.endswith("@example.com"), m.text


def _unannotated_repeats(text: str, mentions: tuple[GoldMention, ...]) -> set[str]:
    """Mention texts that also occur as a whole word outside every mention (case-sensitive)."""
    covered = [(m.start, m.end) for m in mentions]
    found: set[str] = set()
    for surface in {m.text for m in mentions}:
        for hit in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if not any(start <= hit.start() and hit.end() <= end for start, end in covered):
                found.add(surface)
    return found


@pytest.mark.parametrize("marked", MARKED, ids=IDS)
def test_every_occurrence_of_a_mention_is_annotated(marked: Path) -> None:
    text, gold = _draft_and_gold(marked)
    name = marked.name.removesuffix(".marked.txt")
    repeats = _unannotated_repeats(text, gold.mentions)
    exempt = {word for doc, word in DELIBERATE_UNANNOTATED if doc == name}
    assert repeats - exempt == set()
    assert exempt <= repeats, "stale entry in DELIBERATE_UNANNOTATED"
