"""`redact eval` on tiny hand-made cases whose answers are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redact.cli import app
from redact.detect.finding import Finding
from redact.document import Document
from redact.errors import RedactError
from redact.eval import evaluate, score_document
from redact.eval.pseudonyms import role_fits, score_pseudonyms
from redact.eval.runner import align_mentions
from redact.gold import GoldMention, parse_markup, write_gold
from redact.resolve.model import Entity, Mention, Plan

MARKED = (
    "Review by [[Ann Lee|PERSON|author|keep]].\n\n"
    "[[Kelly Smith|PERSON|mother]] lived at [[14 Rose Court|ADDRESS|address1]], [[NT4 7QP|POSTCODE|pc1]].\n\n"
    "Kelly took the child to Ward 3."
)


def finding(text: str, whole: str, label: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = whole.index(text, start + 1)
    return Finding(start, start + len(text), label, text, 0.9, "test")


def test_scores_count_full_coverage_partial_miss_and_false_hit() -> None:
    text, mentions = parse_markup(MARKED)
    findings = [
        finding("Ann Lee", text, "PERSON"),  # kept mention: neither right nor wrong
        finding("Kelly Smith", text, "PERSON"),  # found
        finding("14 Rose", text, "ADDRESS"),  # partial: the address is missed
        finding("Court", text, "LOCATION"),  # ... unless another span covers the rest
        finding("Ward 3", text, "HOSPITAL"),  # false hit
    ]
    scores = score_document("t.txt", mentions, findings)
    assert scores.by_type["PERSON"].gold == 1 and scores.by_type["PERSON"].found == 1
    assert scores.by_type["ADDRESS"].found == 1  # covered by two spans together
    assert scores.by_type["POSTCODE"].found == 0
    assert [m.mention.text for m in scores.misses] == ["NT4 7QP"]
    assert [h.finding.text for h in scores.false_hits] == ["Ward 3"]
    overall = scores.overall()
    assert (overall.gold, overall.found) == (3, 2)
    assert (overall.detected, overall.correct) == (4, 3)
    assert overall.precision == pytest.approx(0.75)


def test_align_mentions_across_whitespace_differences() -> None:
    gold_text, mentions = parse_markup("A  [[Kelly Smith|PERSON|m]]\nwent\n\nto [[Northtown|LOCATION|t]].")
    pdf_text = "A Kelly\nSmith went to Northtown."
    aligned = align_mentions(gold_text, pdf_text, mentions)
    assert [m.text for m in aligned] == ["Kelly\nSmith", "Northtown"]
    with pytest.raises(RedactError):
        align_mentions(gold_text, "Something else entirely.", mentions)


def write_case(folder: Path) -> str:
    text, mentions = parse_markup(MARKED)
    (folder / "case.txt").write_text(text, encoding="utf-8")
    write_gold(folder / "case.gold.json", "case.txt", text, mentions)
    return text


def test_evaluate_runs_detector_over_folder(tmp_path: Path) -> None:
    text = write_case(tmp_path)

    def detect(document: Document) -> list[Finding]:
        assert document.text == text
        return [finding("Kelly Smith", text, "PERSON"), finding("Kelly", text, "PERSON", nth=1)]

    scores = evaluate(tmp_path, detect)
    assert scores.overall().found == 1
    assert scores.overall().detected == 2 and scores.overall().correct == 1


def test_eval_command_prints_json(tmp_path: Path) -> None:
    write_case(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json", "--detector", "presidio"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["by_type"]["PERSON"]["gold"] == 1
    assert set(data["overall"]) == {"gold", "found", "recall", "detected", "correct", "precision"}


def test_eval_command_fails_without_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2  # bad input: nothing to evaluate
    assert "no *.gold.json" in result.stderr


def test_plain_presidio_baseline_reaches_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from redact.document import Block, BlockKind, build_document
    from redact.eval.baseline import detect_plain_presidio

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network use at run time")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    document = build_document("t.txt", "txt", [Block(BlockKind.PARAGRAPH, "Write to kelly.smith@example.co.uk today.")])
    assert "EMAIL" in {f.label for f in detect_plain_presidio(document)}  # no network error on the way


def _person(entity_id: str, pseudonym: str, *spans: tuple[int, int]) -> Entity:
    mentions = tuple(Mention(start, end, "PERSON", "x") for start, end in spans)
    return Entity(entity_id, "PERSON", mentions, "adult", pseudonym)


def test_pseudonym_scores_count_consistency_distinctness_and_role_fit() -> None:
    gold = [
        GoldMention(0, 5, "PERSON", "Kelly", "mum", role="mother"),
        GoldMention(10, 15, "PERSON", "Kelly", "mum", role="mother"),
        GoldMention(20, 24, "PERSON", "Jade", "kid", role="subject_child"),
        GoldMention(30, 34, "PERSON", "Dean", "dad", role="father"),
        GoldMention(40, 44, "PERSON", "Rita", "chair", keep=True, role="panel_chair"),
    ]
    plan = Plan(
        entities=(
            _person("p1", "Mother", (0, 5)),
            _person("p2", "MOTHER'S", (10, 15)),  # case and possessive do not make another pseudonym
            _person("p3", "Child A", (20, 24)),
            _person("p4", "Child A", (30, 34)),  # the father shares the child's pseudonym
        ),
        replacements=(),
    )
    scores = score_pseudonyms("d.txt", gold, plan)
    by_id = {p.entity_id: p for p in scores.people}
    assert set(by_id) == {"mum", "kid", "dad"}
    assert by_id["mum"].consistent and by_id["mum"].distinct and by_id["mum"].role_fit
    assert not by_id["kid"].distinct and by_id["kid"].role_fit
    assert not by_id["dad"].distinct and by_id["dad"].role_fit is False
    assert scores.consistent == 1.0 and scores.role_fit == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("role", "pseudonym", "fits"),
    [
        ("uncle", "Maternal uncle", True),
        ("maternal_grandmother", "Grandmother", True),
        ("panel_member", "Police Officer 2", True),
        ("panel_member", "Adult 3", False),
        ("mother", "Child A", False),
        ("professional", "Adult 1", None),
    ],
)
def test_role_fit_accepts_a_role_said_more_or_less_exactly(role: str, pseudonym: str, fits: bool | None) -> None:
    assert role_fits(role, pseudonym) is fits


def test_eval_command_scores_pseudonyms_with_our_detector(tmp_path: Path) -> None:
    write_case(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    pseudonyms = json.loads(result.stdout)["pseudonyms"]
    assert pseudonyms["people"] == 1 and pseudonyms["consistent"] == 1.0


def test_a_title_before_a_gold_name_need_not_be_found() -> None:
    """ "[[Mr Marsh|PERSON]]" is found when "Marsh" is: a title names no one and the tool leaves it as written."""
    text, mentions = parse_markup("SYNTHETIC\n\nThen [[Mr Marsh|PERSON|p1]] rang [[Kelly Smith|PERSON|p2]].\n")
    scores = score_document("t.txt", mentions, [finding("Marsh", text, "PERSON"), finding("Smith", text, "PERSON")])
    assert [m.mention.text for m in scores.misses] == ["Kelly Smith"]
