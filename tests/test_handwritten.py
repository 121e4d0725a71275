"""The hand-written fixtures: committed files match their mark-up, and the annotations are consistent."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from redact.gold import Gold, GoldMention, gold_path_for, load_gold

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
KEPT_ROLES = {"lscb_chair", "panel_chair", "author", "panel_job_title", "panel_organisation"}
LEFTOVER_MARKUP = re.compile(r"\[\[|\]\]|\|(?:PERSON|LOCATION|DATE|AGE|SCHOOL|PHONE|EMAIL)\|")


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_handwritten", FIXTURES / "build_handwritten.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


builder = _load_builder()
MARKED = builder.marked_files()


def _committed(marked: Path) -> tuple[str, Gold]:
    draft = builder.draft_path_for(marked)
    return draft.read_text(encoding="utf-8"), load_gold(gold_path_for(draft))


def test_there_are_at_least_five_documents() -> None:
    assert len(MARKED) >= 5


@pytest.mark.parametrize("marked", MARKED, ids=lambda p: p.name)
def test_committed_files_equal_a_fresh_build(marked: Path, tmp_path: Path) -> None:
    fresh = builder.build_one(marked)
    copy = builder.BuiltFixture(marked, tmp_path / fresh.draft.name, fresh.text, fresh.mentions)
    builder.write_one(copy)
    assert fresh.draft.read_bytes() == copy.draft.read_bytes()
    assert gold_path_for(fresh.draft).read_bytes() == gold_path_for(copy.draft).read_bytes()


@pytest.mark.parametrize("marked", MARKED, ids=lambda p: p.name)
def test_gold_indexes_the_text_and_is_rich_enough(marked: Path) -> None:
    text, gold = _committed(marked)
    gold.check(text)
    assert gold.synthetic
    assert text.splitlines()[0].startswith("SYNTHETIC TEST DOCUMENT")
    assert not LEFTOVER_MARKUP.search(text)
    assert 600 <= len(text.split()) <= 2000
    assert len(gold.mentions) >= 20
    assert len({m.label for m in gold.mentions}) >= 4


@pytest.mark.parametrize("marked", MARKED, ids=lambda p: p.name)
def test_kept_mentions_are_named_roles_and_consistent(marked: Path) -> None:
    _, gold = _committed(marked)
    for mention in gold.mentions:
        if mention.keep:
            assert mention.role in KEPT_ROLES, mention
    keep_by_entity: dict[str, set[bool]] = {}
    for mention in gold.mentions:
        keep_by_entity.setdefault(mention.entity_id, set()).add(mention.keep)
    assert all(len(flags) == 1 for flags in keep_by_entity.values()), keep_by_entity


def _name_terms(mentions: tuple[GoldMention, ...]) -> set[str]:
    """Each PERSON mention's text and each of its words."""
    terms: set[str] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            terms.add(mention.text)
            terms.update(mention.text.split())
    return terms


def _is_indefinite_article(text: str, start: int, term: str) -> bool:
    return term == "A" and re.match(r"A [a-z]", text[start : start + 3]) is not None


@pytest.mark.parametrize("marked", MARKED, ids=lambda p: p.name)
def test_every_occurrence_of_a_name_is_annotated(marked: Path) -> None:
    text, gold = _committed(marked)
    covered = [False] * len(text)
    for mention in gold.mentions:
        covered[mention.start : mention.end] = [True] * (mention.end - mention.start)
    missed = []
    for term in _name_terms(gold.mentions):
        flags = 0 if len(term.rstrip(".")) <= 2 else re.IGNORECASE  # initials: match case exactly
        for match in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text, flags):
            if not all(covered[match.start() : match.end()]) and not _is_indefinite_article(text, match.start(), term):
                missed.append((term, match.start()))
    assert not missed, missed
