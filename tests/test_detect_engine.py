"""The detection engine: offsets across blocks, long-block splitting, one spaCy load, overlaps."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redact.detect.engine import Detector, resolve_overlaps
from redact.detect.finding import Finding
from redact.detect.nlp import load_count, split_text
from redact.detect.policy import load_policy
from redact.detect.recognizers.spacy_ner import is_title
from redact.document import Block, BlockKind, TableCellPosition, build_document


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def test_offsets_index_document_text_across_blocks(detector: Detector) -> None:
    blocks = [
        Block(BlockKind.HEADING, "Background", level=1),
        Block(BlockKind.PARAGRAPH, "Jayden attended Oakfield Primary School from 3 May 2019."),
        Block(BlockKind.LIST_ITEM, "NHS number 943 476 5919"),
        Block(BlockKind.LIST_ITEM, "Call 07700 900123"),
        Block(BlockKind.TABLE_CELL, "Postcode", cell=TableCellPosition(0, 0, 0)),
        Block(BlockKind.TABLE_CELL, "NT4 7QP", cell=TableCellPosition(0, 0, 1)),
    ]
    document = build_document("t.docx", "docx", blocks)
    found = detector.detect(document)
    by_label = {f.label: f for f in found}
    for f in found:
        assert document.text[f.start : f.end] == f.text
        block = document.blocks[f.block]
        assert block.start <= f.start and f.end <= block.end
    assert by_label["SCHOOL"].block == 1 and by_label["DATE"].text == "3 May 2019"
    assert by_label["NHS_NUMBER"].block == 2 and by_label["PHONE"].block == 3
    assert by_label["POSTCODE"].block == 5
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_long_block_is_split_and_offsets_kept(detector: Detector) -> None:
    sentence = "The health visitor saw the family at home and recorded nothing of concern. "
    filler = sentence * 200  # about 15,000 characters, far above max_chunk_chars
    text = filler + "Kelly lived at 3 Acacia Avenue, NT4 7QP. " + filler + "NHS number 943 476 5919."
    document = build_document("long.txt", "txt", [Block(BlockKind.PARAGRAPH, text)])
    chunks = detector.chunks(document)
    assert len(chunks) > 3
    assert all(len(c.text) <= load_policy().spacy.max_chunk_chars for c in chunks)
    assert "".join(c.text for c in chunks) == text
    found = {f.label: f for f in detector.detect(document)}
    for label, value in (
        ("ADDRESS", "3 Acacia Avenue"),
        ("POSTCODE", "NT4 7QP"),
        ("NHS_NUMBER", "943 476 5919"),
    ):
        assert found[label].text == value
        assert text[found[label].start : found[label].end] == value


def test_split_text_prefers_paragraphs_then_sentence_ends_then_line_breaks() -> None:
    text = "a" * 300 + "\n\n" + "b. " * 200
    pieces = split_text(text, 400)
    assert pieces[0] == (0, "a" * 300 + "\n\n")
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 400 for _, p in pieces)
    assert split_text("short", 400) == [(0, "short")]
    # text pasted from a PDF: one long block whose lines wrap mid-sentence, here inside a name
    pasted = "x " * 100 + "was closed.\n" + "y " * 120 + "by Inspector Ebun\nQuill. " + "z " * 200
    first = split_text(pasted, 500)[0][1]
    assert first.endswith("was closed.\n")


def test_one_spacy_load_per_process(detector: Detector) -> None:
    loads = load_count()
    other = Detector()
    assert other.nlp is detector.nlp
    assert load_count() == loads == 1
    assert set(detector.nlp.pipe_names) == set(load_policy().spacy.components)


def _finding(start: int, end: int, label: str, score: float, text: str = "") -> Finding:
    return Finding(start, end, label, text or "x" * (end - start), score, "test", 0)


def test_overlaps_prefer_score_then_length_but_keep_coverage() -> None:
    text = "Oakfield Primary School Northtown"
    school = _finding(0, 23, "SCHOOL", 0.8, text[0:23])
    location = _finding(0, 8, "LOCATION", 0.6, text[0:8])
    wider = _finding(9, 33, "ORGANISATION", 0.5, text[9:33])
    resolved = resolve_overlaps([location, wider, school])
    assert [(f.label, f.text) for f in resolved] == [("SCHOOL", text[0:23]), ("ORGANISATION", "Northtown")]
    same_score = resolve_overlaps([_finding(0, 5, "PERSON", 0.7), _finding(0, 11, "LOCATION", 0.7)])
    assert [(f.start, f.end, f.label) for f in same_score] == [(0, 11, "LOCATION")]


def test_title_fragments_are_not_people() -> None:
    text = "Mrs Kelly Smith"
    resolved = resolve_overlaps([_finding(4, 15, "PERSON", 0.9, text[4:]), _finding(0, 15, "PERSON", 0.5, text)])
    assert [f.text for f in resolved] == ["Kelly Smith"]


def test_a_trimmed_piece_keeps_the_offsets_of_its_text() -> None:
    text = "Agnieszka Krzeszowiec | Education Safeguarding Manager"
    place = _finding(0, 9, "LOCATION", 0.65, text[0:9])
    person = _finding(0, 21, "PERSON", 0.6, text[0:21])
    resolved = resolve_overlaps([place, person])
    assert [(f.label, f.text, text[f.start : f.end]) for f in resolved] == [
        ("LOCATION", "Agnieszka", "Agnieszka"),
        ("PERSON", "Krzeszowiec", "Krzeszowiec"),
    ]


def test_a_surname_a_stronger_recogniser_left_off_joins_the_given_name() -> None:
    text = "The nurse, Philippa Bibi, called."
    given = _finding(11, 19, "PERSON", 0.75, text[11:19])
    whole = _finding(11, 24, "PERSON", 0.7, text[11:24])  # spaCy's span; "Bibi" is also a word for grandmother
    assert [(f.text, f.score) for f in resolve_overlaps([given, whole])] == [("Philippa Bibi", 0.75)]
    nan = "Nan Bridie came."
    kept = resolve_overlaps([_finding(4, 10, "PERSON", 0.8, nan[4:10]), _finding(0, 10, "PERSON", 0.6, nan[:10])])
    assert [f.text for f in kept] == ["Bridie"]  # what the children call her goes, as before


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("His father, Idris ap Madoc, farms near the border.", ["Idris ap Madoc"]),
        ("Mr ap Idris and the baby moved in May.", ["ap Idris"]),
        ("The eldest, Cadog ap Idris, was at school.", ["Cadog ap Idris"]),
        ("Her aunt, Femke van der Laan, was visiting.", ["Femke van der Laan"]),
    ],
)
def test_a_name_particle_joins_the_name(detector: Detector, text: str, names: list[str]) -> None:
    assert people(detector, text) == names


def people(detector: Detector, *paragraphs: str) -> list[str]:
    """The PERSON findings of a draft made of these paragraphs, in order."""
    document = build_document("t.txt", "txt", [Block(BlockKind.PARAGRAPH, p) for p in paragraphs])
    return [f.text for f in detector.detect(document) if f.label == "PERSON"]


def test_a_found_name_takes_the_unlisted_name_word_beside_it(detector: Detector) -> None:
    text = (
        'Shirin Chowdhury (also "Shirin Bibi" in clinic letters) lived with Mohammed Tariq Karim, who appears as '
        '"Mohammad T Karim" and "Tariq Karim" in police records.'
    )
    found = set(people(detector, text))
    assert {"Shirin Bibi", "Mohammad T Karim"} <= found  # the initials and surname were found, not the spelling


def test_a_short_form_of_a_found_first_name_is_a_name(detector: Detector) -> None:
    text = (
        "Thaddeus Okonkwo-Reyes was 15. His coach said Thads was talented, and his sister Marguerite Okonkwo-Reyes "
        "(\"Margs\") agreed. The boy had thick hair and a thin frame."
    )
    found = set(people(detector, text))
    assert {"Thads", "Margs"} <= found and not {"The", "This", "Thin", "Thick"} & found
    board = "Thaddeus Okonkwo-Reyes was seen by the Thadie Cadwaladr Health Board."
    assert "Thadie" not in people(detector, board)  # the first word of a longer name, no short form


def test_a_surname_that_is_also_a_word_stays_with_a_name_found_whole_elsewhere(detector: Detector) -> None:
    paragraphs = ("The school knew Saffiya Roble well.", "Saffiya Roble is of Somali heritage.")
    assert people(detector, *paragraphs) == ["Saffiya Roble"] * 2


WORDS_TEXT = "Kelly Smith, Agnieszka Krzeszowiec; Ms Jones (Tyler Okafor) - Oluwaseun."
WORD_BOUNDS = [(m.start(), m.end()) for m in re.finditer(r"\S+", WORDS_TEXT)]


@given(
    st.lists(
        st.tuples(st.integers(0, len(WORD_BOUNDS) - 1), st.integers(1, 4), st.sampled_from([0.3, 0.6, 0.9])),
        max_size=8,
    )
)
def test_resolved_findings_index_their_text_and_cover_every_name_letter(spans: list[tuple[int, int, float]]) -> None:
    text = WORDS_TEXT
    findings = []
    for first, count, score in spans:
        start, end = WORD_BOUNDS[first][0], WORD_BOUNDS[min(first + count, len(WORD_BOUNDS)) - 1][1]
        findings.append(Finding(start, end, "PERSON", text[start:end], score, "t", 0))
    resolved = resolve_overlaps(findings)
    for f in resolved:
        assert text[f.start : f.end] == f.text
    covered_before = {i for f in findings for i in range(f.start, f.end) if text[i].isalnum()}
    covered_after = {i for f in resolved for i in range(f.start, f.end)}
    titles = {i for m in re.finditer(r"\w+", text) if is_title(m.group()) for i in range(*m.span())}  # may go
    assert covered_before - titles <= covered_after


def test_for_config_shares_the_models_and_applies_the_configs_keep_list(detector: Detector) -> None:
    from redact.config import ReportConfig

    text = "They attended Hillside Pentecostal Church on Sundays."
    document = build_document("t.txt", "txt", [Block(BlockKind.PARAGRAPH, text)])
    assert any("Hillside" in f.text for f in detector.detect(document))
    configured = detector.for_config(ReportConfig(keep=("Hillside Pentecostal Church",)))
    assert configured.nlp is detector.nlp and configured.analyzer is detector.analyzer
    assert not any("Hillside" in f.text for f in configured.detect(document))
    assert any("Hillside" in f.text for f in detector.detect(document))  # the original is unchanged


def test_a_title_left_over_is_dropped_whatever_its_label() -> None:
    text = "Ms Rattan and Ms Ojukwu are independent."
    place = _finding(0, 9, "LOCATION", 0.65, text[0:9])  # the small model's "Ms Rattan" as a place
    person = _finding(3, 9, "PERSON", 0.85, text[3:9])
    assert [(f.label, f.text) for f in resolve_overlaps([place, person])] == [("PERSON", "Rattan")]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Kay\u200bden", "Kay\u200bden"),  # a zero-width space inside the name
        ("Kay\u00adden", "Kay\u00adden"),  # a soft hyphen
        ("*Wetherby*", "Wetherby"),  # Markdown emphasis
    ],
)
def test_detection_reads_the_draft_as_a_reader_sees_it(detector: Detector, written: str, name: str) -> None:
    """Invisible characters and emphasis marks do not hide a name; offsets still index the draft."""
    text = f"The family moved to {written} in 2015, where Kayden Marsh started school."
    document = build_document("t.md", "md", [Block(BlockKind.PARAGRAPH, text)])
    found = [f for f in detector.detect(document) if f.text == name]
    assert found and all(document.text[f.start : f.end] == f.text for f in found)
