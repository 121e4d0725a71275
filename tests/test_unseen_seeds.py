"""Drafts from generator seeds that the committed fixtures do not use, which once failed closed.

Sweeps of 30 drafts each (``fixtures/generator/generate.py --seed S --text-only`` then ``redact batch``)
found these: a name verify stopped (a child called Peace, a GP called Dr Upma Doctor, Mr Tata, Ms Sen), a
named role the statutory check could not find (Graham Ward, Samuel Chambers), or initials that a record
used and nothing caught ("as AT", "as GP", "as JO"). Each must now publish,
verified, with no gold identifier left in its text. The drafts are generated afresh (seeded, synthetic).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest
import yaml
from test_run import leaked_gold

from redact.gold import load_gold
from redact.pipeline import Pipeline, RunOptions

GENERATOR = Path(__file__).resolve().parent.parent / "fixtures" / "generator"
sys.path.insert(0, str(GENERATOR))
from generate import build_report, config_for  # noqa: E402 - the fixtures' own generator
from writers import lay_out, write_txt  # noqa: E402

ONCE_FAILED = [
    (4242, 1), (4242, 2), (9001, 4), (9001, 8), (9001, 12), (9001, 15), (9001, 17), (31337, 1), (31337, 8),
    (31337, 22), (5150, 13),
]  # fmt: skip


@cache
def pipeline() -> Pipeline:
    return Pipeline()


def write_draft(folder: Path, seed: int, number: int) -> tuple[Path, Path | None]:
    report, seats = build_report(number, seed)
    stem = f"seed{seed}-{number:02d}"
    write_txt(lay_out(report), folder, stem)
    config = None
    if number % 2 == 0:  # as the generator does: every other draft comes with its report.yaml
        config = folder / f"{stem}.report.yaml"
        config.write_text(yaml.safe_dump(config_for(report, seats), allow_unicode=True), encoding="utf-8")
    return folder / f"{stem}.txt", config


@pytest.mark.parametrize(("seed", "number"), ONCE_FAILED, ids=[f"{s}-{n}" for s, n in ONCE_FAILED])
def test_once_failed_draft_now_publishes_without_leaks(tmp_path: Path, seed: int, number: int) -> None:
    draft, config = write_draft(tmp_path, seed, number)
    result = pipeline().run(draft, tmp_path / "out", RunOptions(config=config))
    published = "\n".join(p.read_text(encoding="utf-8") for p in result.published if p.suffix == ".md")
    assert leaked_gold(load_gold(draft.with_name(draft.stem + ".gold.json")), published) == []
