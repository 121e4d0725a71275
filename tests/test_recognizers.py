"""Each UK recogniser: true cases found with the right label and span, false cases not found."""

from __future__ import annotations

import pytest

from redact.detect.engine import Detector
from redact.detect.finding import Finding
from redact.document import Block, BlockKind, build_document


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def findings(detector: Detector, text: str) -> list[Finding]:
    return detector.detect(build_document("t.txt", "txt", [Block(BlockKind.PARAGRAPH, text)]))


def labelled(detector: Detector, text: str, label: str) -> list[str]:
    return [f.text for f in findings(detector, text) if f.label == label]


CASES = [
    # (label, text, expected span texts of that label)
    ("DATE_OF_BIRTH", "JONES, Kelly-Marie d.o.b 3.4.95 of Leeds.", ["3.4.95"]),
    ("NHS_NUMBER", "Her NHS number is 943 476 5919.", ["943 476 5919"]),
    ("NHS_NUMBER", "NHS no. 943-476-5919 on file.", ["943-476-5919"]),
    ("NHS_NUMBER", "NHS number 9434765919 recorded.", ["9434765919"]),
    ("NHS_NUMBER", "Call 943 476 5918 (check digit wrong, not called an NHS number).", []),
    # called an NHS number: a wrong check digit (a slip, a test number) does not let it through
    ("NHS_NUMBER", "NHS number 943 476 5918 (check digit wrong).", ["943 476 5918"]),
    ("NHS_NUMBER", "(NHS numbers 999 214 7736 and 999 870 1225)", ["999 214 7736", "999 870 1225"]),
    ("NHS_NUMBER", "NHS number (Baby Q): 943 476 5918. Hospital number: QX1.", ["943 476 5918"]),  # whose, bracketed
    ("NI_NUMBER", "National Insurance number AB 12 34 56 C.", ["AB 12 34 56 C"]),
    ("NI_NUMBER", "His NI number was ZZ123456T.", ["ZZ123456T"]),
    ("NI_NUMBER", "The form said AB 12 34 56 and nothing more.", ["AB 12 34 56"]),
    ("NI_NUMBER", "Box ZZ 12 34 56 was ticked.", []),
    ("POSTCODE", "She lived in Northtown NT4 7QP until 2019.", ["NT4 7QP"]),
    ("POSTCODE", "Postcode SW1A1AA was given.", ["SW1A1AA"]),
    ("POSTCODE", "The room number was 4B and the bus was the X7.", []),
    ("PHONE", "Call 07700 900123 after six.", ["07700 900123"]),
    ("PHONE", "The office is on +44 (0)20 7946 0958.", ["+44 (0)20 7946 0958"]),
    ("PHONE", "Landline (0113) 496 0000.", ["(0113) 496 0000"]),
    ("PHONE", "The meeting on 03/05/2019 had 12 attendees.", []),
    ("EMAIL", "Write to kelly.smith@example.co.uk today.", ["kelly.smith@example.co.uk"]),
    ("EMAIL", "From: Jo <jo.pickering@northshire.gov.example>", ["jo.pickering@northshire.gov.example"]),
    ("ADDRESS", "They moved to 3 Acacia Avenue in March.", ["3 Acacia Avenue"]),
    ("ADDRESS", "The family lived at Flat 3, 12 Rose Court.", ["Flat 3, 12 Rose Court"]),
    ("ADDRESS", "In 2019 Park Lane was closed; paragraph 4 describes the views.", []),
    ("ADDRESS", "She asked to move to Thornleigh Park Girls' School in Year 7.", []),  # a school, not a street
    ("LOCATION", "They married in Co. Leitrim and later moved; Hale & Co. Solicitors acted.", ["Co. Leitrim"]),
    ("LOCATION", "Her grandfather farms above Cwmgwyddel; the family came from Pentecost Road.", ["Cwmgwyddel"]),
    ("ADDRESS", "Seen getting into a car on Tannery St. She moved to St Helens later.", ["Tannery St"]),
    ("SCHOOL", "She asked to move to Thornleigh Park Girls' School in Year 7.", ["Thornleigh Park Girls' School"]),
    ("DATE_OF_BIRTH", "Jayden (DOB 14 March 2015) was seen.", ["14 March 2015"]),
    ("DATE_OF_BIRTH", "Kelly was born on 3rd May 1996 in Northtown.", ["3rd May 1996"]),
    ("DATE_OF_BIRTH", "D.O.B.: 14/03/2015", ["14/03/2015"]),
    ("DATE_OF_BIRTH", "They were born on 4 May 2011 and 17 January 2014.", ["4 May 2011", "17 January 2014"]),
    ("DATE_OF_BIRTH", "Under the Children Act 1989 the duty applies.", []),
    ("DATE", "On 3 May 2019 the GP was told.", ["3 May 2019"]),
    ("DATE", "In May 2019 and on 03/05/2019 visits took place.", ["May 2019", "03/05/2019"]),
    ("DATE", "The review covers 2017 to 2019 and lasted three weeks.", []),
    ("AGE", "Jayden, aged 4, and a 16-year-old sibling.", ["aged 4", "16-year-old"]),
    ("AGE", "The baby was six weeks old; her brother was 16 months old.", ["six weeks old", "16 months old"]),
    ("AGE", "Tyler (aged 2 years 9 months) was taken home.", ["aged 2 years 9 months"]),
    ("AGE", "The assessment took 3 weeks.", []),
    ("AGE", "Name Relationship Age Ebun Quill Subject 15 yrs White British", ["15 yrs"]),  # a table run together
    ("AGE", "Ebun Quill Father 52\nyrs Black British", ["52\nyrs"]),
    ("AGE", "Log: two children seen (boy 7 yrs, baby 3 mths).", ["7 yrs", "3 mths"]),
    ("AGE", "He met the mother 5 years ago; his father 10 years in prison.", []),
    ("AGE", "Offence\tAssault on a child\t3 years 6 months", []),  # a sentence, not an age
    ("AGE", "Ebun, then aged\n8, was sent away; her brother, 14\nmonths old, stayed.", ["aged\n8", "14\nmonths old"]),
    ("VEHICLE_REG", "A car, registration NT19 XKD, was seen.", ["NT19 XKD"]),
    ("VEHICLE_REG", "The ABC 123 report was late.", []),
    ("CASE_REFERENCE", "Children's social care reference CSC/2019/04417.", ["CSC/2019/04417"]),
    ("CASE_REFERENCE", "Crime number 19/123456 was allocated.", ["19/123456"]),
    ("CASE_REFERENCE", "The URN 12AB3456789 was recorded.", ["12AB3456789"]),
    ("CASE_REFERENCE", "Attended by PC 4471 at midnight.", ["4471"]),
    ("CASE_REFERENCE", "COVID-19 restrictions in 2020/2021 applied.", []),
    ("CASE_REFERENCE", "A new investigation (Op TRELLIS) began; Operation Encompass did not apply.", ["TRELLIS"]),
    ("CASE_REFERENCE", "SERIOUS CASE REVIEW SCR 2014/07 (Child M)", ["SCR 2014/07"]),
    ("SCHOOL", "Jayden attended Oakfield Primary School.", ["Oakfield Primary School"]),
    (
        "SCHOOL",
        "She moved to St Mary's C of E Academy and Little Acorns Nursery.",
        ["St Mary's C of E Academy", "Little Acorns Nursery"],
    ),
    ("SCHOOL", "The primary school and the High School were told.", []),
    ("GP_PRACTICE", "He was registered at Riverside Medical Centre.", ["Riverside Medical Centre"]),
    ("GP_PRACTICE", "The Elms Surgery saw her twice.", ["The Elms Surgery"]),
    ("GP_PRACTICE", "Surgery was not needed; the GP practice was informed.", []),
    (
        "HOSPITAL",
        "Admitted to Northtown General Hospital, Rainbow Ward.",
        ["Northtown General Hospital", "Rainbow Ward"],
    ),
    ("HOSPITAL", "Seen at the Royal Infirmary.", ["Royal Infirmary"]),
    ("HOSPITAL", "He spent sixteen days on the neonatal unit (Robin Ward) before going home.", ["Robin Ward"]),
    ("GP_PRACTICE", "She was seen at The Church Practice with a bruise.", ["The Church Practice"]),
    ("GP_PRACTICE", "He was registered at the Health Centre.", []),
    ("HOSPITAL", "She was taken to hospital and then to the Children's Ward.", []),
    ("LOCATION", "The family lived on the Meadows estate.", ["Meadows"]),
    ("LOCATION", "She worked nights on the Earlsmoor industrial estate.", ["Earlsmoor"]),
    ("LOCATION", "Address: 27 Mill Row, Oxenhale.", ["Oxenhale"]),
    ("LOCATION", "She moved to England from the United Kingdom's capital.", []),
    ("LOCATION", "The family moved from Bradford to Keighley in 2017.", ["Bradford", "Keighley"]),
    ("ORGANISATION", "They attended Hillside Pentecostal Church.", ["Hillside Pentecostal Church"]),
    ("ORGANISATION", "Mother went to the Brookside Mums' Group weekly.", ["Brookside Mums' Group"]),
    ("PERSON", "The Datix report DX-13-04472 and the Cerner record were read. Hosp. no. K0471823.", []),
    ("ORGANISATION", "The academy is run by the FENSIDE LEARNING TRUST.", ["FENSIDE LEARNING TRUST"]),
]


@pytest.mark.parametrize(("label", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_recogniser(detector: Detector, label: str, text: str, expected: list[str]) -> None:
    assert labelled(detector, text, label) == expected


def test_health_visitor_is_not_a_person(detector: Detector) -> None:
    assert labelled(detector, "The Health Visitor visited on Monday.", "PERSON") == []


def test_every_finding_has_source_score_and_block(detector: Detector) -> None:
    for f in findings(detector, "Kelly Smith (DOB 14 March 2015) lives at 3 Acacia Avenue, Northtown NT4 7QP."):
        assert f.source and 0 < f.score <= 1 and f.block == 0


def test_a_date_in_another_calendar_is_found(detector: Detector) -> None:
    text = "He said he was born on 1 Farvardin 1381 in the Iranian calendar. The letter is dated 12 Meskerem 2007."
    found = {(f.label, f.text) for f in findings(detector, text)}
    assert ("DATE_OF_BIRTH", "1 Farvardin 1381") in found and ("DATE", "12 Meskerem 2007") in found
