"""A table's header row says what its column holds: places in an "Address" column, record numbers in a
"Case ref" column, found though no cue word stands beside them. Invented names throughout."""

from __future__ import annotations

from pathlib import Path

from redact.detect.columns import column_findings
from redact.ingest import ingest

FAMILY_TABLE = """FAMILY MEMBERS

Name | Relationship | Age | Address
Petra Hollins | Maternal aunt | 34 | Penwortham
Dale Hollins | Uncle | — | As above
Ivy Hollins | Sister | 9 | Foster placement
Rudi Hollins | Brother | 17 | Prison
Nell Hollins | Grandmother | — | Marsh Lane, Kings Heath
Gus Hollins | Cousin | — | Reading

Case ref | Agency
7734120 | Police
03/05/2019 | Health
19 May 2018 | School
"""


def found(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    return [(f.label, f.text, f.source) for f in column_findings(ingest(draft))]


def test_an_address_column_holds_places_and_streets(tmp_path: Path) -> None:
    labelled = {(label, text) for label, text, _ in found(tmp_path, FAMILY_TABLE)}
    assert {("LOCATION", "Penwortham"), ("LOCATION", "Kings Heath"), ("LOCATION", "Reading")} <= labelled
    assert ("ADDRESS", "Marsh Lane") in labelled


def test_an_address_column_holds_no_placeholders_or_kinds_of_home(tmp_path: Path) -> None:
    texts = {text for _, text, _ in found(tmp_path, FAMILY_TABLE)}
    assert not {"As above", "Foster placement", "Prison", "—"} & texts


def test_a_reference_column_holds_record_numbers_not_dates(tmp_path: Path) -> None:
    references = {text for label, text, _ in found(tmp_path, FAMILY_TABLE) if label == "CASE_REFERENCE"}
    assert references == {"7734120"}


def test_relations_hold_nothing_names_beside_them_are_people_and_ages_are_ages(tmp_path: Path) -> None:
    table = "Name | Relationship | Age\nPetra Hollins | Aunt | 34\nIvy Hollins | Niece | 9 months\nRudi | Nephew | —\n"
    assert {(label, text) for label, text, _ in found(tmp_path, table)} == {
        ("AGE", "34"), ("AGE", "9 months"), ("PERSON", "Petra Hollins"), ("PERSON", "Ivy Hollins"), ("PERSON", "Rudi")
    }


def test_an_nhs_number_column_vouches_for_its_numbers_whatever_their_check_digit(tmp_path: Path) -> None:
    table = "Name\tRelationship\tNHS no.\tHosp. no.\nIvy Hollins\tSubject\t612 884 0936\tK0471823\n"
    assert ("NHS_NUMBER", "612 884 0936") in {(label, text) for label, text, _ in found(tmp_path, table)}


def test_a_cell_that_is_an_age_with_its_unit_is_an_age_in_any_column(tmp_path: Path) -> None:
    table = (
        "Name | Relationship | Date of birth | Notes\n"
        "Petra Hollins | Aunt | 03/04/1988 (31 years) | 54 years\n"
        "Ivy Hollins | Niece | unknown | on a plan for 3 years\n"
    )
    ages = {text for label, text, _ in found(tmp_path, table) if label == "AGE"}
    assert ages == {"31 years", "54 years"}  # a duration inside a sentence is no one's age


def test_a_staff_column_holds_initials_even_where_they_spell_a_role(tmp_path: Path) -> None:
    log = (
        "Date\tCode\tStaff\tEntry\n03/10/2016\tLAT\tGW\tLate again.\n05/10/2016\tSAF\tHV\tPassed to DSL.\n"
        "07/10/2016\tC3\tDF / OMcB\tDetention.\n09/10/2016\tC1\tSocial worker\tCalled home.\n\n"
        "The HV visited the family in May.\n"
    )
    people = [text for label, text, source in found(tmp_path, log) if label == "PERSON"]
    assert people == ["GW", "DF", "OMcB"]  # "HV" is the role the draft writes elsewhere; a job title is no initials
    also_a_role = log.replace("The HV visited", "The visitor came")
    assert "HV" in [text for label, text, _ in found(tmp_path, also_a_role) if label == "PERSON"]


def test_a_lead_column_of_agencies_holds_no_initials(tmp_path: Path) -> None:
    table = "No. | Recommendation | Lead\n1 | Flag perpetrators | Police / NPS / CRC\n2 | Train staff | CRC\n"
    assert not [text for label, text, _ in found(tmp_path, table) if label == "PERSON"]
