"""Names that only their context gives away: letters in judgments, initials in records, ranks with numbers."""

from __future__ import annotations

import pytest

from redact.detect.engine import Detector
from redact.document import Block, BlockKind, build_document


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def people(detector: Detector, *paragraphs: str) -> list[str]:
    document = build_document("t.txt", "txt", [Block(BlockKind.PARAGRAPH, p) for p in paragraphs])
    return [f.text for f in detector.detect(document) if f.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M's half-brother, J, was placed with foster carers.", ["M", "J"]),
        ("The mother (AB) and the father (CD) both attended court.", ["AB", "CD"]),
        ("The children's mother is RD. The father of both children is LF.", ["RD", "LF"]),
        ("The proceedings concern two children: E, a girl now aged 3, and B, a boy.", ["E", "B"]),
        ("DC 4471 Hughes attended the address.", ["Hughes"]),
        ("MW Bryony Clegg home visit.", ["Bryony Clegg"]),
        ("Protocols for bruising in babies are not known.", []),
        ("Subject: SMITH, Kayden (D.O.B. 03/04/2015), PNC ID 12/345678A.", ["SMITH, Kayden"]),
        ("JONES, Kelly-Marie of 14 Acacia Ave was spoken to.", ["JONES, Kelly-Marie"]),
        ("RECOMMENDATIONS, Findings and Learning", []),
        ("The GP, Dr Chukwuemeka Obi of Roundhay Medical Centre, saw her.", ["Chukwuemeka Obi"]),
        ("Rent arrears built up when Mr Tata lost his job.", ["Tata"]),  # also a kinship word
        ("The message was passed to Ms Sen, who called.", ["Sen"]),  # not "SEN"
        ("The police record refers to her as P. Tata.", ["P. Tata"]),
        ("This report was written by Graham Ward.", ["Graham Ward"]),  # not a hospital ward
        ("Overview report author: Samuel Chambers", ["Samuel Chambers"]),  # not barristers' chambers
        ("Leslie and Geraldine met Ms Suciu on 27 February.", ["Leslie", "Geraldine", "Suciu"]),
        # a footnote number glued to a name in text pasted from a PDF
        ("The medical was done by Dr Wilhelmina Oyelowo4, consultant paediatrician.", ["Wilhelmina Oyelowo"]),
        ("Mother telephoned PC Ayla Karadağ3 and said she did not want to go on.", ["Ayla Karadağ"]),
        ("Response officers: PC Adebayo OKAFOR1 and PC Lena Marsh.", ["Adebayo OKAFOR", "Lena Marsh"]),
        # initials before a surname found more surely on its own
        ("Present: Dr Raghavan, R. Tennyson-Oakes (Named Nurse), DC Pryor.",
         ["Raghavan", "R. Tennyson-Oakes", "Pryor"]),
        # whose mother or grandmother the sentence names: a person, a name no list holds; not a place's unit
        ("Ebun's mother rang the school.", ["Ebun"]),
        ("He phoned Ebunmi's maternal grandmother.", ["Ebunmi"]),
        ("Quellmoor's mother and baby unit agreed to take them.", []),
    ],
)
def test_names_given_away_by_context(detector: Detector, text: str, expected: list[str]) -> None:
    assert people(detector, text) == expected


def test_a_list_of_attendees_by_first_name_and_agency_names_each_line(detector: Detector) -> None:
    """ "Dawn" and "Marguerite" are English words too; in a list of people, one a line, they are names."""
    attendees = (
        "ATTENDING\n\nNadia - Children's Social Care, Area Team\nDawn - CSC, Looked After Children team\n"
        "Gemma - Police, CSE Team\nMarguerite - Contraception & Sexual Health\nHassan - Licensing\n"
    )
    assert {"Dawn", "Marguerite"} <= set(people(detector, attendees))
    glossary = "CSC - Children's Social Care\nCSE - Child sexual exploitation\nLAC - Looked after child\n"
    assert people(detector, glossary) == []


def test_a_name_wrapped_after_a_relation_word_is_one_name(detector: Detector) -> None:
    text = (
        "No agency knew that she had gone home to her own country. The mother's sister, Zuleikha\n"
        "Tremayne, who lives in the north, now cares for the baby under a special guardianship order.\n"
    )
    assert "Zuleikha\nTremayne" in people(detector, text)


def test_initials_of_a_found_name_are_found(detector: Detector) -> None:
    found = people(detector, "Alicia Roarke was seen at home.", "The health record refers to her as AR.")
    assert found == ["Alicia Roarke", "AR"]


def test_a_cited_case_is_not_a_person_but_this_case_is(detector: Detector) -> None:
    assert people(detector, "Re A and D (Children: Findings of Fact)", "A, a girl, and D, a boy.") == [
        "A", "D", "A", "D"
    ]  # fmt: skip
    text = "The children: E, a girl, and B, a boy. The standard is set by Re B (Children) [2008] UKHL 35."
    document = build_document("t.txt", "txt", [Block(BlockKind.PARAGRAPH, text)])
    starts = {f.start for f in detector.detect(document) if f.label == "PERSON"}
    assert text.index("B, a boy") in starts
    assert text.index("B (Children)") not in starts


def test_the_reviews_own_pseudonym_letter_stays(detector: Detector) -> None:
    assert people(detector, "Local Child Safeguarding Practice Review: Child T", "T's mother was not told.") == []


def test_a_name_that_is_a_common_word_is_found_where_it_is_the_subject(detector: Detector) -> None:
    paragraphs = (
        "This review concerns Peace Paimo, who was aged 6.",
        "Peace lived with her mother. Peace and her siblings were known to services.",
        "THE VOICE OF PEACE",
        "Peace's wishes and feelings were rarely recorded.",
    )
    assert people(detector, *paragraphs) == ["Peace Paimo", "Peace", "Peace", "PEACE", "Peace"]
