"""A reviewer's decisions: reject keeps a span, add redacts one, both land in the audit trail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redact.errors import ConfigError
from redact.gold import sha256_text
from redact.ingest import ingest
from redact.pipeline import Pipeline, RunOptions

DRAFT = (
    "Executive Summary\n\n"
    "Jayden Smith lived with his mother, Kelly Smith, near the Rose Garden in Bramcote. "
    "The review was chaired by Ann Lee, the independent panel chair. The LSCB chair was Tom Webb. "
    "The overview report author was Sara Khan.\n\n"
    "Kelly took Jayden to the old mill."
)


def write_decisions(path: Path, decisions: list[dict], **extra: object) -> Path:
    path.write_text(json.dumps({"reviewer": "R. Viewer", "decisions": decisions, **extra}), encoding="utf-8")
    return path


def span(text: str, phrase: str) -> dict[str, object]:
    start = DRAFT.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_reject_keeps_and_add_redacts(draft: Path, tmp_path: Path) -> None:
    baseline = Pipeline().run(draft, tmp_path / "before", RunOptions(variants=("full-publication",)))
    before = baseline.published[0].with_suffix(".md").read_text(encoding="utf-8")
    assert "old mill" in before  # the detector does not know this centre: the reviewer adds it

    decisions = write_decisions(
        tmp_path / "decisions.json",
        [
            {"action": "add", **span(DRAFT, "old mill"), "label": "LOCATION", "reason": "identifies the area"},
            {"action": "reject", **span(DRAFT, "Rose Garden"), "reason": "a public garden, not a person"},
        ],
        draft_sha256=sha256_text(DRAFT),
    )
    options = RunOptions(variants=("full-publication",), decisions=decisions)
    result = Pipeline().run(draft, tmp_path / "after", options)
    after = next(p for p in result.published if p.suffix == ".md").read_text(encoding="utf-8")
    assert "old mill" not in after
    assert "Rose Garden" in after
    audit = [json.loads(line) for line in (tmp_path / "after/restricted/draft.audit.jsonl").read_text().splitlines()]
    reasons = " ".join(e["reason"] for e in audit)
    assert "R. Viewer added: identifies the area" in reasons
    assert "R. Viewer rejected the finding: a public garden" in reasons


def test_decisions_for_another_draft_are_refused(draft: Path, tmp_path: Path) -> None:
    document = ingest(draft)
    stale = write_decisions(tmp_path / "d.json", [], draft_sha256="0" * 64)
    from redact.decisions import load_decisions

    with pytest.raises(ConfigError, match="different version"):
        load_decisions(stale, document)
    moved = write_decisions(
        tmp_path / "e.json", [{"action": "reject", "start": 0, "end": 5, "text": "Jayden", "reason": "x"}]
    )
    with pytest.raises(ConfigError, match="is not at"):
        load_decisions(moved, document)
    no_reason_add = {"action": "add", **span(DRAFT, "Bramcote"), "label": "LOCATION"}
    no_reason = write_decisions(tmp_path / "f.json", [no_reason_add])
    with pytest.raises(ConfigError, match="bad decision|without a reason"):
        load_decisions(no_reason, document)


def test_a_chosen_pseudonym_replaces_every_mention_of_the_entity(draft: Path, tmp_path: Path) -> None:
    choice = {"action": "pseudonym", "text": "Kelly Smith", "pseudonym": "Parent 1", "reason": "board style"}
    decisions = write_decisions(tmp_path / "d.json", [choice])
    result = Pipeline().run(draft, tmp_path / "out", RunOptions(variants=("full-publication",), decisions=decisions))
    published = next(p for p in result.published if p.suffix == ".md").read_text(encoding="utf-8")
    assert "Parent 1 took Child A" in published  # "his mother, Kelly Smith," reads "his mother," already
    assert "Kelly" not in published
    key = json.loads((tmp_path / "out/restricted/draft.key.json").read_text(encoding="utf-8"))
    assert "Parent 1" in json.dumps(key)


@pytest.mark.parametrize(
    ("text", "pseudonym", "message"),
    [
        ("old mill", "Place 1", "no found mention"),  # not detected at all
        ("Kelly Smith", "Child A", "two entities"),  # the subject's pseudonym is taken
    ],
)
def test_bad_pseudonym_choices_stop_the_run(
    draft: Path, tmp_path: Path, text: str, pseudonym: str, message: str
) -> None:
    choice = {"action": "pseudonym", "text": text, "pseudonym": pseudonym, "reason": "x"}
    decisions = write_decisions(tmp_path / "d.json", [choice])
    with pytest.raises(ConfigError, match=message):
        Pipeline().run(draft, tmp_path / "out", RunOptions(variants=("full-publication",), decisions=decisions))
    assert not (tmp_path / "out" / "publish").exists() or not any((tmp_path / "out" / "publish").iterdir())


WORKERS = (
    "Executive Summary\n\n"
    "The review was chaired by Ann Lee, the independent panel chair. The LSCB chair was Tom Webb. "
    "The overview report author was Sara Khan.\n\n"
    "Jayden Smith was seen at home in May. The social worker, Priya Ndlovu, visited in June. "
    "The social worker, Gareth Pell, closed the case. Later Ms Ndlovu and Mr Pell met.\n"
)


def test_a_decision_moves_no_unrelated_pseudonym(tmp_path: Path) -> None:
    """Rejecting the first social worker (a reviewer decides the name may stand) leaves the second one's number as
    it was, so a reviewer comparing runs sees only what they decided change."""
    draft = tmp_path / "workers.txt"
    draft.write_text(WORKERS, encoding="utf-8")
    before = Pipeline().run(draft, tmp_path / "before", RunOptions(variants=("full-publication",)))
    key = json.loads(next(p for p in before.restricted if p.name.endswith("key.json")).read_text(encoding="utf-8"))
    was = {m: e["pseudonym"] for e in key["entities"].values() for m in e["mentions"]}
    assert was["Priya Ndlovu"] != was["Gareth Pell"]
    rejected = [
        {"action": "reject", **_span_of(WORKERS, text), "reason": "the family's own choice to name her"}
        for text in ("Priya Ndlovu", "Ndlovu")
    ]
    decisions = write_decisions(tmp_path / "decisions.json", rejected)
    after = Pipeline().run(draft, tmp_path / "after", RunOptions(variants=("full-publication",), decisions=decisions))
    key = json.loads(next(p for p in after.restricted if p.name.endswith("key.json")).read_text(encoding="utf-8"))
    now = {m: e["pseudonym"] for e in key["entities"].values() for m in e["mentions"]}
    assert "Priya Ndlovu" not in now and now["Gareth Pell"] == was["Gareth Pell"]


def _span_of(text: str, phrase: str) -> dict[str, object]:
    start = text.index(phrase, text.index("Ms ") if phrase == "Ndlovu" else 0)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def test_rejecting_one_mention_of_a_pseudonymised_entity_warns_that_it_reveals_the_link(
    draft: Path, tmp_path: Path
) -> None:
    one = {"action": "reject", **span(DRAFT, "Kelly Smith"), "reason": "thought it a typo"}
    options = RunOptions(variants=("full-publication",), decisions=write_decisions(tmp_path / "one.json", [one]))
    warnings = Pipeline().run(draft, tmp_path / "one", options).warnings
    assert any("'Kelly Smith' at offset" in w and "reveals who" in w for w in warnings)
    places = ((DRAFT.index("Kelly Smith"), "Kelly Smith"), (DRAFT.index("Kelly took"), "Kelly"))
    every = [{"action": "reject", "start": s, "end": s + len(t), "text": t, "reason": "consent"} for s, t in places]
    options = RunOptions(variants=("full-publication",), decisions=write_decisions(tmp_path / "all.json", every))
    assert not any("reveals" in w for w in Pipeline().run(draft, tmp_path / "all", options).warnings)
