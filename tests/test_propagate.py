"""Name-variant propagation across the whole document."""

from __future__ import annotations

from redact.detect.finding import Finding
from redact.detect.propagate import propagate
from redact.document import Block, BlockKind, TableCellPosition, build_document


def _document(*blocks: Block):
    return build_document("t.docx", "docx", blocks)


def _seed(document, text: str, occurrence: int = 0) -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(text, start + 1)
    return Finding(start, start + len(text), "PERSON", text, 0.85, "spacy", document.block_at(start).index)


def _found(findings: list[Finding]) -> list[tuple[str, int | None]]:
    return [(f.text, f.block) for f in findings if f.source == "propagation"]


def test_name_found_in_paragraph_is_found_in_table_cell_header_and_heading() -> None:
    document = _document(
        Block(BlockKind.HEADER, "Review of services to Jayden Smith"),
        Block(BlockKind.HEADING, "JAYDEN'S STORY", level=1),
        Block(BlockKind.PARAGRAPH, "Jayden Smith lived at home. Later Jayden moved."),
        Block(BlockKind.TABLE_CELL, "Name", cell=TableCellPosition(0, 0, 0)),
        Block(BlockKind.TABLE_CELL, "SMITH, Jayden", cell=TableCellPosition(0, 0, 1)),
    )
    found = _found(propagate(document, [_seed(document, "Jayden Smith", 1)]))
    assert ("Jayden Smith", 0) in found
    assert ("JAYDEN", 1) in found
    assert ("Jayden", 2) in found
    assert ("SMITH", 4) in found and ("Jayden", 4) in found


def test_possessives_and_curly_apostrophes_leave_out_the_s() -> None:
    document = _document(Block(BlockKind.PARAGRAPH, "Kelly Smith came. Kelly's and Kelly’s views differ."))
    found = [text for text, _ in _found(propagate(document, [_seed(document, "Kelly Smith")]))]
    assert found == ["Kelly", "Kelly"]


def test_word_boundaries_and_hyphens() -> None:
    document = _document(
        Block(
            BlockKind.PARAGRAPH,
            "Kelly Brown came. Kellyanne did not. Kelly-Ann did. The blacksmith and Browns.",
        )
    )
    found = [text for text, _ in _found(propagate(document, [_seed(document, "Kelly Brown")]))]
    assert found == ["Kelly-Ann"]


def test_common_word_surname_needs_a_title_or_a_mid_sentence_capital() -> None:
    document = _document(
        Block(
            BlockKind.PARAGRAPH,
            "Liam Young moved in. Young People's Service saw Mrs Young. Then Young left. Staff asked Young.",
        )
    )
    found = [f for f in propagate(document, [_seed(document, "Liam Young")]) if f.source == "propagation"]
    texts = [(f.text, document.text[f.start - 4 : f.start]) for f in found]
    assert ("Young", "Mrs ") in texts
    assert ("Young", "hen ") in texts
    assert ("Young", "ked ") in texts
    assert len(found) == 3  # not "Young People's Service"


def test_nicknames_and_short_forms() -> None:
    document = _document(
        Block(BlockKind.PARAGRAPH, "Jayden Smith was born. Jay cried. Nicholas Ray said Nick was home.")
    )
    seeds = [_seed(document, "Jayden Smith"), _seed(document, "Nicholas Ray")]
    found = [text for text, _ in _found(propagate(document, seeds))]
    assert "Jay" in found and "Nick" in found


def test_single_letter_names_and_initials() -> None:
    document = _document(
        Block(BlockKind.PARAGRAPH, "David, whom I shall call D, was born. A girl visited. D's arm hurt."),
        Block(BlockKind.PARAGRAPH, "Later D was seen. See Appendix D. Ms K.S. said K.S. agreed."),
    )
    seeds = [_seed(document, "D", 0), _seed(document, "K.S.")]
    seeds[0] = Finding(
        document.text.index("call D") + 5, document.text.index("call D") + 6, "PERSON", "D", 0.75, "ctx", 0
    )
    found = [text for text, _ in _found(propagate(document, seeds))]
    assert found.count("D") == 2  # "D's" and "Later D", not "Appendix D"
    assert found.count("K.S.") == 1


def test_other_labels_propagate_their_exact_text() -> None:
    document = _document(Block(BlockKind.PARAGRAPH, "He went to Northtown. NORTHTOWN police came."))
    start = document.text.index("Northtown")
    seed = Finding(start, start + 9, "LOCATION", "Northtown", 0.7, "geo", 0)
    found = [(f.text, f.label) for f in propagate(document, [seed]) if f.source == "propagation"]
    assert found == [("NORTHTOWN", "LOCATION")]


def test_input_findings_are_returned_unchanged() -> None:
    document = _document(Block(BlockKind.PARAGRAPH, "Ms Smith attended."))
    seed = _seed(document, "Smith")
    assert propagate(document, [seed]) == [seed]
