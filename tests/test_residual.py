"""The residual scan: what no pseudonym, kept name, agency or English word explains is listed. Invented names."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from redact.audit.key import Key, KeyEntity
from redact.audit.residual import residual_tokens
from redact.errors import RedactError
from redact.pipeline import Pipeline, RunOptions

KEY = Key(
    draft_sha256="0" * 64,
    entities=(
        KeyEntity("child", "PERSON", "subject_child", "Child A", False, ("Ottoline Varga",)),
        KeyEntity("town", "LOCATION", "town", "Town A", False, ("Brackley",)),
        KeyEntity("author", "PERSON", "author", "Dr Imelda Sproat", True, ("Dr Imelda Sproat", "Imelda Sproat")),
    ),
    allowed=("Cedar Unit",),
)


def tokens(text: str) -> list[str]:
    return [r.token for r in residual_tokens(text, KEY)]


def test_a_term_the_text_spells_out_and_a_record_s_shorthand_are_explained_but_a_name_s_initials_are_not() -> None:
    text = (
        "Checks used Vehicle Plate Scanning (VPS) and Case Progress Meetings (CPMs); the CPMs were held x3 in s20 "
        "care for under-12s on Thurs. ZQW (zero quota waiver) was refused. Child A told Morwenna Wyn Trask (MWT) "
        "that MWT was kind."
    )
    found = tokens(text)
    assert not {"VPS", "CPMs", "ZQW", "x3", "s20", "under-12s", "Thurs"} & set(found)
    assert {"Morwenna", "Trask", "MWT"} <= set(found)


def test_what_nothing_explains_is_listed_and_the_rest_is_not() -> None:
    text = (
        "# Serious Case Review: Child A\n\nThe review was written by Dr Imelda Sproat. Child A lived in Town A with "
        "her mother. On Monday the Health Visitor and Children's Social Care met at the Cedar Unit; Sproat noted "
        "that Child A was Polish and spoke Romanian, and came in a Vauxhall. She told her friend Jac about it; "
        "her Snapchat was jwils_09. The MASH had the Minimisation Protocol v1.2 and the policy2 footnote "
        "(Tel: in the file). Jac's school was told."
    )
    assert tokens(text) == ["Jac", "jwils_09"]


def test_the_context_shows_where_the_word_first_stands() -> None:
    (jac,) = residual_tokens("Nothing here. The children saw Jac at the park. Jac came too.", KEY)
    assert jac.count == 2 and "saw Jac at the park" in jac.context


DRAFT = Path(__file__).resolve().parent.parent / "fixtures" / "synthetic" / "scr-02.txt"


def test_a_strict_run_publishes_nothing_while_a_word_is_unexplained(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    planted = "\n\nA neighbour told the review that she saw less and less of Tyb that spring.\n"
    draft.write_text(DRAFT.read_text(encoding="utf-8") + planted, encoding="utf-8")
    options = RunOptions(config=DRAFT.with_suffix(".report.yaml"), variants=("full-publication",))
    result = Pipeline().run(draft, tmp_path / "out", options)
    assert "Tyb" in result.residual  # detection missed it; the residual scan lists it
    assert "Tyb" in (tmp_path / "out" / "restricted" / "draft.residual.json").read_text(encoding="utf-8")
    with pytest.raises(RedactError, match="residual scan"):
        Pipeline().run(draft, tmp_path / "strict", replace(options, strict=True))
    assert not list((tmp_path / "strict").glob("publish/*"))


def test_strict_in_report_yaml_refuses_as_the_flag_does(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    planted = "\n\nA neighbour told the review that she saw less and less of Tyb that spring.\n"
    draft.write_text(DRAFT.read_text(encoding="utf-8") + planted, encoding="utf-8")
    config = tmp_path / "report.yaml"
    settings = DRAFT.with_suffix(".report.yaml").read_text(encoding="utf-8")
    config.write_text(settings + "strict: true\n", encoding="utf-8")
    options = RunOptions(config=config, variants=("full-publication",))
    with pytest.raises(RedactError, match="strict: true in report.yaml: the residual scan"):
        Pipeline().run(draft, tmp_path / "out", options)
    assert not list((tmp_path / "out").glob("publish/*"))


def test_hyphenated_words_with_a_prefix_and_record_abbreviations_are_explained_but_a_hyphenated_name_is_not() -> None:
    found = tokens("A Multi-agency meeting sent a Pre-action letter. Approx 18% TBSA; Hx of falls. Zoltan-Bree was 4.")
    assert not {"Multi-agency", "Pre-action", "Approx", "TBSA", "Hx"} & set(found)
    assert "Zoltan-Bree" in found


def test_a_word_used_as_a_name_in_prose_is_listed_but_a_capitalised_term_is_not() -> None:
    text = (
        "Child A stayed with Ms Pebble and went to Lanternfield most weekends. Child A Quill was her nickname. "
        "Staff at the Barrow and Lantern knew her. The Crime and Disorder Act applies; she was in Year 6. "
        "Child in Need planning began. On Sundays they visited England."
    )
    found = set(tokens(text))
    assert {"Pebble", "Quill", "Lantern"} <= found  # a title's surname, after a pseudonym, a pub's second word
    assert not {"Crime", "Disorder", "Year", "Need", "Sundays", "England", "Child"} & found


def test_initials_in_capitals_are_listed_though_a_dictionary_knows_them_as_an_abbreviation() -> None:
    text = "The plan was agreed by KW and TM at the CP conference; a CT scan and her BA degree were noted."
    found = set(tokens(text))
    assert {"KW", "TM"} <= found
    assert not {"CP", "CT", "BA"} & found


def test_a_capitalised_word_alone_in_quotes_is_listed_though_english() -> None:
    """A nickname the detector missed is often an English word in quotes ('"Magpie" was never identified')."""
    found = tokens('The men were known only as "Magpie" and "Knotty". "Magpie" was never identified. He said "MUM".')
    assert {"Magpie", "Knotty"} <= set(found) and "MUM" not in found


def test_a_word_naming_a_place_before_its_head_word_is_listed_but_a_kind_of_place_is_not() -> None:
    text = (
        "He was treated at Hospital 1 on Bittern Ward and moved to Damson House. The case went to the Crown Court "
        "and the family used a Family Centre near the Town Hall."
    )
    assert tokens(text) == ["Bittern", "Damson"]


def test_a_number_shaped_like_a_record_s_identifier_is_listed_but_a_date_an_age_or_a_count_is_not() -> None:
    text = (
        "On 12/03/2016, aged 14, Child A was seen 3 times in 2016. Her NHS number, 912 044 7731, and hospital "
        "number 1000234567 stayed in the file; the ward's line 01632-960-1234 too."
    )
    assert tokens(text) == ["912 044 7731", "1000234567"]
