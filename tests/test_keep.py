"""The keep filter: non-identifiers stay, names go on."""

from __future__ import annotations

import pytest

from redact.config import PanelMember, ReportConfig
from redact.detect.finding import Finding
from redact.detect.keep import KeepFilter, is_nationality_word
from redact.document import Block, BlockKind, build_document

CONFIG = ReportConfig(
    board="Northshire Local Safeguarding Children Board",
    named_roles={"author": "Ann Jones"},
    panel=(PanelMember("Sam Lee", "Designated Nurse", "Northshire Clinical Commissioning Group"),),
    keep=("Brightside Family Hub",),
)


@pytest.fixture(scope="module")
def keep() -> KeepFilter:
    return KeepFilter(CONFIG)


@pytest.mark.parametrize(
    "text",
    [
        "Health Visitor",
        "Consultant Paediatrician",
        "Senior Social Worker",
        "Children's Social Care",
        "Eastmoor Constabulary",
        "Westfield Borough Council",
        "Riverside Hospitals NHS Foundation Trust",
        "Ofsted",
        "CAMHS",
        "Children Act 1989",
        "Children and Social Work Act 2017",
        "Working Together to Safeguard Children",
        "RECOMMENDATIONS",
        "EXECUTIVE SUMMARY",
        "Child A",
        "Sibling 1",
        "Mother",
        "Social Worker 1",
        "School 1",
        "Town A",
        "[address]",
        "Northshire Local Safeguarding Children Board",
        "Brightside Family Hub",
        "Mrs",
        "Draft",
    ],
)
def test_non_identifiers_are_kept(keep: KeepFilter, text: str) -> None:
    assert keep.is_kept(text)


@pytest.mark.parametrize("text", ["Kelly", "KELLY", "Kelly Smith", "Smith", "KS", "Hope", "A"])
def test_names_are_not_kept(keep: KeepFilter, text: str) -> None:
    assert not keep.is_kept(text)


def _finding(text: str, part: str, label: str = "PERSON") -> Finding:
    start = text.index(part)
    return Finding(start, start + len(part), label, part, 0.8, "test", 0)


def test_drop_kept_removes_findings_inside_kept_phrases(keep: KeepFilter) -> None:
    text = "Kelly Smith spoke to Northshire Constabulary and the Health Visitor. Ann Jones chaired."
    document = build_document("t", "txt", [Block(BlockKind.PARAGRAPH, text)])
    findings = [
        _finding(text, "Kelly Smith"),
        _finding(text, "Northshire", "LOCATION"),
        _finding(text, "Health Visitor"),
        _finding(text, "Ann Jones"),
    ]
    kept = keep.drop_kept(document, findings)
    assert [f.text for f in kept] == ["Kelly Smith", "Ann Jones"]


def test_named_roles_survive_even_inside_a_kept_phrase() -> None:
    config = ReportConfig(named_roles={"lscb_chair": "Jo Hart"}, keep=("Jo Hart Associates",))
    text = "Report by Jo Hart Associates."
    document = build_document("t", "txt", [Block(BlockKind.PARAGRAPH, text)])
    assert KeepFilter(config).drop_kept(document, [_finding(text, "Jo Hart")])
    assert not KeepFilter(ReportConfig(keep=("Jo Hart Associates",))).drop_kept(document, [_finding(text, "Jo Hart")])


def _person(document, text: str) -> Finding:
    start = document.text.index(text)
    return Finding(start, start + len(text), "PERSON", text, 0.6, "test", 0)


@pytest.mark.parametrize(
    ("sentence", "word", "dropped"),
    [
        ("She grew up in Poland.", "Poland", True),
        ("Her family lived in London, her mother said.", "London", True),
        ("The United Kingdom and Northern Ireland signed.", "Northern Ireland", True),
        ("He moved to Lithuania.", "Lithuania", True),
        ("Mr London attended.", "London", False),
        ("He spoke to Jordan about it.", "Jordan", False),
        ("Georgia said she was happy.", "Georgia", False),
    ],
)
def test_places_are_not_people_unless_titled(keep: KeepFilter, sentence: str, word: str, dropped: bool) -> None:
    document = build_document("t.txt", "txt", [Block(BlockKind.PARAGRAPH, sentence)])
    assert (keep.drop_kept(document, [_person(document, word)]) == []) is dropped


def test_kinship_words_are_kept(keep: KeepFilter) -> None:
    assert keep.is_kept("Babcia") and keep.is_kept("Nani")


@pytest.mark.parametrize(
    ("word", "nationality"),
    [("Lithuanian", True), ("Pakistani", True), ("Caribbean", True), ("Scottish", True), ("Titan", False),
     ("Trajan", False)],
)
def test_a_nationality_word_is_made_from_a_place(word: str, nationality: bool) -> None:
    """ "Titan" has a nationality's ending but no country's name in it: an organisation may be called so."""
    assert is_nationality_word(word) is nationality
