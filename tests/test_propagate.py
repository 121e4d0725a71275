"""Name-variant propagation across the whole document."""

from __future__ import annotations

from dataclasses import replace

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


def _propagated(paragraph: str, seed: str, occurrence: int = 0) -> list[str]:
    document = _document(Block(BlockKind.PARAGRAPH, paragraph))
    return [text for text, _ in _found(propagate(document, [_seed(document, seed, occurrence)]))]


def test_diacritics_fold_both_ways() -> None:
    assert _propagated("Ms Žukauskas came. Later Zukauskas left. ZUKAUSKAS signed.", "Žukauskas") == [
        "Zukauskas",
        "ZUKAUSKAS",
    ]
    assert _propagated("Ms Zukauskas came. Later Žukauskas left.", "Zukauskas") == ["Žukauskas"]


def test_lower_case_names_are_found_when_no_ordinary_word() -> None:
    found = _propagated("Maja Kowalski came. Later maja said kowalski was kind. Maja left.", "Maja Kowalski")
    assert found.count("maja") == 1 and "kowalski" in found
    assert "kelly" in _propagated("Kelly Smith came. Kelly said so. Then kelly left.", "Kelly Smith")


def test_lower_case_ordinary_words_are_not_found() -> None:
    found = _propagated("Rose Green came. Prices rose. The green door. Rose left.", "Rose Green")
    assert "rose" not in found and "green" not in found
    # a noun that the document uses as a word at least as often as a name: "the robin", "a robin"
    found = _propagated("Robin Day came. A robin sang and robin calls. The robin flew.", "Robin Day")
    assert "robin" not in found


def test_places_after_a_place_preposition_are_not_propagated() -> None:
    found = _propagated("Jordan Smith came. Jordan moved in Jordan. He spoke to Jordan.", "Jordan Smith")
    assert found == ["Jordan", "Jordan"]  # "Jordan moved" and "to Jordan", not "in Jordan"


def test_organisation_head_recurs_only_capitalised() -> None:
    document = _document(Block(BlockKind.PARAGRAPH, "Step Up Calderwick helped. Step Up staff came. Step up was hard."))
    start = document.text.index("Step Up Calderwick")
    seed = Finding(start, start + 18, "ORGANISATION", "Step Up Calderwick", 0.7, "org", 0)
    found = [f.text for f in propagate(document, [seed]) if f.source == "propagation"]
    assert found == ["Step Up"]


def _place(document, text: str, label: str) -> Finding:
    start = document.text.index(text)
    return Finding(start, start + len(text), label, text, 0.8, "institutions", document.block_at(start).index)


def test_a_place_named_in_full_is_found_by_its_short_names() -> None:
    """ "Fenwick General" of "Fenwick General Hospital" (its trust's name opens so too), "Heron" of "Heron Ward"
    in a table cell, "Valkor" of "Valkor Strength & Conditioning"."""
    document = _document(
        Block(BlockKind.PARAGRAPH, "She was taken to Fenwick General Hospital. Fenwick General NHS Trust agreed."),
        Block(BlockKind.PARAGRAPH, "Admitted to Heron Ward. At Fenwick General the baby was seen."),
        Block(BlockKind.TABLE_CELL, "Heron", cell=TableCellPosition(0, 0, 0)),
        Block(BlockKind.TABLE_CELL, "Skeletal survey", cell=TableCellPosition(0, 0, 1)),
        Block(BlockKind.PARAGRAPH, "He trained at Valkor Strength & Conditioning. Staff at Valkor saw him."),
    )
    seeds = [
        _place(document, "Fenwick General Hospital", "HOSPITAL"),
        _place(document, "Heron Ward", "HOSPITAL"),
        _place(document, "Valkor Strength & Conditioning", "ORGANISATION"),
    ]
    found = {(f.text, f.label) for f in propagate(document, seeds) if f.source == "propagation"}
    assert {("Fenwick General", "HOSPITAL"), ("Heron", "HOSPITAL"), ("Valkor", "ORGANISATION")} <= found


def test_an_initial_before_a_found_surname_goes_with_it() -> None:
    document = _document(Block(BlockKind.PARAGRAPH, "Karen Pellow wrote it.\nSigned: D/Insp K. Pellow"))
    found = _found(propagate(document, [_seed(document, "Karen Pellow")]))
    assert ("K. Pellow", 0) in found


def test_minutes_write_a_mc_surname_s_initials_with_its_prefix() -> None:
    document = _document(Block(BlockKind.PARAGRAPH, "Orla McFadzean, Named Nurse.\nPresent: GT (Chair), OMcF, DF"))
    found = _found(propagate(document, [_seed(document, "Orla McFadzean")]))
    assert ("OMcF", 0) in found


def test_the_last_letter_of_a_number_is_no_initial_and_a_place_s_head_is_found_in_capitals() -> None:
    document = _document(
        Block(BlockKind.PARAGRAPH, "Ngozi Bamidele came. Her NI number is JX 41 27 93 D. Ngozi believed him."),
        Block(BlockKind.PARAGRAPH, "They stayed at Gullrock Holiday Park. Log: 23:50 - DROP GULLROCK H/P."),
    )
    start = document.text.index("Gullrock Holiday Park")
    park = Finding(start, start + 21, "ORGANISATION", "Gullrock Holiday Park", 0.7, "trade", 1)
    found = [text for text, _ in _found(propagate(document, [_seed(document, "Ngozi Bamidele"), park]))]
    assert "Ngozi" in found and "D. Ngozi" not in found
    assert "GULLROCK" in found


def test_a_workers_initials_alone_in_a_table_cell_are_the_worker_s() -> None:
    """ "PM" is an acronym too, but not a role or an agency: alone in the worker column it is Precious Marr."""
    document = _document(
        Block(BlockKind.PARAGRAPH, "The IRO, Precious Marr, chaired the review."),
        Block(BlockKind.TABLE_CELL, "First review held.", cell=TableCellPosition(0, 0, 0)),
        Block(BlockKind.TABLE_CELL, "PM", cell=TableCellPosition(0, 0, 1)),
        Block(BlockKind.TABLE_CELL, "Strategy discussion.", cell=TableCellPosition(0, 1, 0)),
        Block(BlockKind.TABLE_CELL, "GP", cell=TableCellPosition(0, 1, 1)),
    )
    found = [text for text, _ in _found(propagate(document, [_seed(document, "Precious Marr")]))]
    assert "PM" in found


def test_a_name_opening_a_table_row_does_not_take_the_last_word_of_the_row_above() -> None:
    """ "... | Fernhill Homes" + line break + "Catriona ...": the row above ended in a cell, not a wrapped line."""
    document = _document(
        Block(BlockKind.PARAGRAPH, "Catriona Wexley-Bain chaired the meeting on the second day of the review."),
        Block(
            BlockKind.PARAGRAPH,
            "Craig Bellamy | Head of Tenancy Services | Fernhill Homes\nCatriona | Inspector | Northshire Police",
        ),
    )
    found = [text for text, _ in _found(propagate(document, [_seed(document, "Catriona Wexley-Bain")]))]
    assert "Catriona" in found and not any("Homes" in text for text in found)
    spaced = _document(
        Block(BlockKind.PARAGRAPH, "Kirsty Pengelly-Rowe spoke to the panel on the second day of the review."),
        Block(
            BlockKind.PARAGRAPH,
            "  Dr Ola Bamidele        Named GP for Adult Safeguarding               NHS Devon\n"
            "  Kirsty                 Service Manager                               commissioned provider",
        ),
    )
    found = [text for text, _ in _found(propagate(spaced, [_seed(spaced, "Kirsty Pengelly-Rowe")]))]
    assert "Kirsty" in found and not any("Devon" in text for text in found)


def test_letter_defined_in_judgment_propagates_as_a_whole_word() -> None:
    document = _document(
        Block(BlockKind.PARAGRAPH, "B (born 2016) lives with her aunt. B said she was happy. See Part B."),
        Block(BlockKind.PARAGRAPH, "Plan B was agreed. Child B is another child. BB is not B."),
    )
    seed = Finding(0, 1, "PERSON", "B", 0.6, "initials", 0)
    found = [f.text for f in propagate(document, [seed]) if f.source == "propagation"]
    assert found == ["B", "B"]  # "B said" and "not B"


def test_a_place_the_model_took_for_a_person_in_one_cell_is_the_place_named_elsewhere() -> None:
    document = _document(
        Block(BlockKind.TABLE_CELL, "Primrose Ward", cell=TableCellPosition(0, 1, 1)),
        Block(BlockKind.PARAGRAPH, "She was admitted to Primrose Ward, an adult acute ward."),
    )
    ward_start = document.text.index("Primrose Ward", 5)
    ward = Finding(ward_start, ward_start + 13, "HOSPITAL", "Primrose Ward", 0.75, "WardRecognizer", 1)
    labels = {(f.start, f.label) for f in propagate(document, [_seed(document, "Primrose Ward"), ward])}
    assert labels == {(0, "HOSPITAL"), (ward_start, "HOSPITAL")}


def test_a_person_named_like_the_head_of_a_place_stays_a_person() -> None:
    document = _document(
        Block(BlockKind.PARAGRAPH, "Kelly Brennan attended Kelly Brennan Academy."),
    )
    school_start = document.text.index("Kelly Brennan Academy")
    school = Finding(school_start, school_start + 21, "SCHOOL", "Kelly Brennan Academy", 0.7, "SchoolRecognizer", 0)
    labels = {(f.start, f.label) for f in propagate(document, [_seed(document, "Kelly Brennan"), school])}
    assert (0, "PERSON") in labels


def test_a_trust_s_head_alone_or_before_its_policy_is_found_but_not_before_another_institution() -> None:
    document = _document(
        Block(BlockKind.PARAGRAPH, "Agency: Holm Academy (Greyfold Ridge Academies Trust)."),
        Block(BlockKind.PARAGRAPH, "The trust's policy (Greyfold Ridge Behaviour Policy v2) asks for a meeting."),
    )
    trust = replace(_seed(document, "Greyfold Ridge Academies Trust"), label="ORGANISATION")
    assert ("Greyfold Ridge", 1) in _found(propagate(document, [trust]))
    document = _document(
        Block(BlockKind.PARAGRAPH, "Agency: Greyfold Ridge Academies Trust."),
        Block(BlockKind.PARAGRAPH, "She was seen at Greyfold Ridge Hospital and at Greyfold Ridge on Monday."),
    )
    trust = replace(_seed(document, "Greyfold Ridge Academies Trust"), label="ORGANISATION")
    heads = [f for f in propagate(document, [trust]) if f.source == "propagation" and f.text == "Greyfold Ridge"]
    # standing alone it may name either, and is never left as written; opening the hospital's name it is no trust's
    assert [document.text[f.end : f.end + 3] for f in heads] == [" on"]


def test_a_possessive_generic_word_opening_an_organisation_is_no_head() -> None:
    document = _document(
        Block(BlockKind.PARAGRAPH, "They moved to the Council's Gypsy and Traveller Site at Holm Bridge."),
        Block(BlockKind.PARAGRAPH, "The Council's site manager visited. The Council's records were thin."),
    )
    site = replace(_seed(document, "Council's Gypsy and Traveller Site"), label="ORGANISATION")
    assert not [text for text, _ in _found(propagate(document, [site])) if text.startswith("Council")]


def test_a_name_the_model_took_for_a_place_elsewhere_is_the_person() -> None:
    document = _document(
        Block(BlockKind.PARAGRAPH, 'His mother called him "Tymek". Once his sister said "Lee made Tymek cry".'),
        Block(BlockKind.PARAGRAPH, "They moved to Leeds in 2012."),
    )
    name = _seed(document, "Tymek")
    place = replace(_seed(document, "Tymek", 1), label="LOCATION", score=0.65, source="SpacyNerRecognizer")
    town = replace(_seed(document, "Leeds"), label="LOCATION", score=0.65, source="SpacyNerRecognizer")
    labels = {(f.text, f.start): f.label for f in propagate(document, [name, place, town])}
    assert labels[("Tymek", place.start)] == "PERSON"
    assert labels[("Leeds", town.start)] == "LOCATION"  # a town stays a town


def test_a_named_house_is_found_by_its_first_word() -> None:
    """A hostel or unit named "Fernhollow House" is "Fernhollow" in the draft's later mentions too."""
    document = _document(
        Block(BlockKind.PARAGRAPH, "She was placed at Fernhollow House, a mother and baby unit."),
        Block(BlockKind.PARAGRAPH, "Fernhollow staff reported the father staying overnight. Chapel House was closed."),
    )
    seeds = [_place(document, "Fernhollow House", "ADDRESS"), _place(document, "Chapel House", "ADDRESS")]
    found = {(f.text, f.label) for f in propagate(document, seeds) if f.source == "propagation"}
    assert ("Fernhollow", "ADDRESS") in found
    assert ("Chapel", "ADDRESS") not in found  # an ordinary word names no building alone
