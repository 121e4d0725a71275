"""Roles a draft gives by its layout or by a list rather than by a relation word beside the name: a family
table typed with spaces, "both parents, A and B", a doctor's initials that match a parent's. Invented names."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from redact.config import ReportConfig
from redact.detect import Detector
from redact.ingest import ingest
from redact.resolve import resolve


@cache
def detector() -> Detector:
    return Detector()


def people(tmp_path: Path, body: str) -> dict[str, tuple[str | None, str | None]]:
    draft = tmp_path / "draft.txt"
    draft.write_text("SERIOUS CASE REVIEW\n\n" + body, encoding="utf-8")
    document = ingest(draft)
    plan = resolve(document, detector().detect(document), ReportConfig())
    return {text: (e.role, e.pseudonym) for e in plan.entities if e.label == "PERSON" for text in e.texts}


FAMILY_TABLE = (
    "3.1 Details are taken from the hospital records.\n"
    "Tobias Renwick      Subject       DOB 11/03/2018   White British\n"
    "Adjoa Kwarteng-Bello Mother        DOB 27/07/1994   Black African\n"
    "Gavin Renwick       Father        DOB 02/01/1989   White Scottish\n"
    "Esi Kwarteng-Bello  Half-sister   aged 5           Black African\n"
    "\n"
    "3.2 The registrar (Dr AK) saw Tobias at 04:30. Dr AK noted a temperature. Gavin Renwick rang at 05:00.\n"
)


def test_a_family_table_laid_out_with_spaces_gives_roles(tmp_path: Path) -> None:
    found = people(tmp_path, FAMILY_TABLE)
    assert found["Tobias Renwick"] == ("subject_child", "Child A")
    assert found["Adjoa Kwarteng-Bello"][0] == "mother"
    assert found["Gavin Renwick"][0] == "father"
    assert found["Esi Kwarteng-Bello"][0] == "sibling"


def test_a_doctor_by_initials_is_not_the_parent_whose_initials_match(tmp_path: Path) -> None:
    found = people(tmp_path, FAMILY_TABLE)
    assert found["AK"][0] not in ("mother", "father") and found["AK"][1] != found["Adjoa Kwarteng-Bello"][1]


def test_both_parents_named_in_a_list_are_mother_and_father(tmp_path: Path) -> None:
    body = (
        "1.1 This review is about twins Maisie and Jed Farrow, born in 2013.\n\n"
        "1.2 Both parents, Kirsty Dunmore and Wayne Farrow, pleaded guilty to neglect.\n\n"
        "1.3 Kirsty was 19 when the twins were born; she had been in care when she was aged 14. "
        "Kirsty and Wayne lived on a farm. Kirsty worked nights.\n"
    )
    found = people(tmp_path, body)
    assert found["Kirsty Dunmore"] == ("mother", "Mother")
    assert found["Wayne Farrow"] == ("father", "Father")


PANEL_LAYOUTS = {
    "bullets": (
        "2.3 The review panel comprised:\n"
        "• Ms Rowena Stackpole, Head of Safeguarding, Marlowby County Council;\n"
        "• Detective Inspector Aled Treharne, Public Protection Unit, Marlowby Police;\n"
        "• Mr Obinna Achebe-Lowry, Designated Nurse, Marlowby Integrated Care Board.\n"
    ),
    "dashes": (
        "Panel membership\n"
        "Rowena Stackpole - Head of Safeguarding - Marlowby County Council\n"
        "Aled Treharne - Detective Inspector - Marlowby Police\n"
        "Obinna Achebe-Lowry - Designated Nurse - Marlowby Integrated Care Board\n"
    ),
    "name above title": (
        "The members of the panel were:\n"
        "Rowena Stackpole\nHead of Safeguarding\nMarlowby County Council\n"
        "Aled Treharne\nDetective Inspector\nMarlowby Police\n"
        "Obinna Achebe-Lowry\nDesignated Nurse\nMarlowby Integrated Care Board\n"
    ),
    "aligned columns": (
        "4.2 The panel met five times. Its members were:\n"
        "Rowena Stackpole      Head of Safeguarding      Marlowby County Council\n"
        "Aled Treharne         Detective Inspector       Marlowby Police\n"
        "Obinna Achebe-Lowry   Designated Nurse          Marlowby Integrated Care Board\n"
    ),
    "one paragraph": (
        "2.1 The panel comprised: Rowena Stackpole, Head of Safeguarding, Marlowby County Council; Aled "
        "Treharne, Detective Inspector, Marlowby Police; and Obinna Achebe-Lowry, Designated Nurse, Marlowby "
        "Integrated Care Board.\n"
    ),
}


@pytest.mark.parametrize("layout", PANEL_LAYOUTS)
def test_panel_members_are_panel_members_in_any_list_layout(tmp_path: Path, layout: str) -> None:
    found = people(tmp_path, PANEL_LAYOUTS[layout] + "\n3. The family\nKerys Pollard, the mother, rang.\n")
    for name in ("Rowena Stackpole", "Aled Treharne", "Obinna Achebe-Lowry"):
        assert found[name][1].startswith("Panel Member "), (name, found[name])
    assert not [text for text in found if text.startswith("Head")]  # a job title is no one's name
    assert found["Kerys Pollard"][0] == "mother"


def test_a_list_of_parties_is_not_a_panel(tmp_path: Path) -> None:
    found = people(
        tmp_path,
        "Between:\nMARLOWBY COUNTY COUNCIL\nApplicant\n- and -\n(1) KERYS POLLARD\n"
        "(2) E and B (by their Children's Guardian)\nRespondents\n\n"
        "4. The mother, Ms Pollard, did not attend the panel.\n",
    )
    assert not any(p and p.startswith("Panel Member") for _, p in found.values())


JOINT_REVIEW_FAMILY = (
    "Joint Domestic Homicide Review and Child Safeguarding Practice Review into the death of Dorcas Quellin\n\n"
    "1.1 Dorcas Quellin died at home in 2021. Her husband was convicted of her murder.\n"
    "Table 2: Family\n"
    "Name Relationship Age Lived at\n"
    "Dorcas Quellin Subject of the review, mother 34 27 Knotley Terrace\n"
    "Augustus Quellin Husband, father of the children 41 27 Knotley Terrace\n"
    "Lottie Quellin Daughter 9 27 Knotley Terrace\n"
    "Ignatius Quellin Son 4 27 Knotley Terrace\n"
    "Agatha Smithers Maternal grandmother 63 Huntingdon\n"
    'Hester Pelbury Maternal aunt ("Ciocia") 38 Huntingdon\n'
    "1.2 Lottie and Ignatius now live with Hester in Huntingdon. Augustus, a distant cousin, had met Dorcas "
    'in 2006. The children call Hester "Ciocia".\n'
)


def test_a_flattened_family_row_with_several_relations_gives_the_parent_and_an_adult_s_age(tmp_path: Path) -> None:
    found = people(tmp_path, JOINT_REVIEW_FAMILY)
    assert found["Dorcas Quellin"] == ("mother", "Mother")  # the homicide review's subject, 34: the mother
    assert found["Augustus Quellin"][0] == "father"  # the row outweighs "a distant cousin"
    assert found["Lottie Quellin"][0] in ("subject_child", "child", "sibling")


def test_a_row_s_town_is_no_first_name_and_the_kin_word_in_brackets_is_the_row_s_person(tmp_path: Path) -> None:
    found = people(tmp_path, JOINT_REVIEW_FAMILY)
    assert "Huntingdon\nHester Pelbury" not in found and found["Hester Pelbury"][0] == "maternal_aunt"
    assert found.get("Ciocia", found["Hester Pelbury"]) == found["Hester Pelbury"]  # one aunt, not a second


def test_a_flattened_row_s_relation_owned_by_the_child_is_the_row_person_s_not_the_child_s(tmp_path: Path) -> None:
    body = (
        "4.1 The family.\n"
        "Name Relationship DOB/age Address\n"
        "Tobiah Quarrell Subject 19/07/2002 (14) Flat 9, Knotley House, Tarnwick\n"
        "Dorcas Pelbury Tobiah's mother 38 as above\n"
        "Augustus Quarrell Tobiah's father 33 Huntingdon, no contact\n"
        "4.2 Tobiah lived with his mother. Dorcas Pelbury told the author that Tobiah was always kind."
    )
    found = people(tmp_path, body)
    assert found["Tobiah Quarrell"][0] == "subject_child" and found["Tobiah"][0] == "subject_child"


def test_a_record_s_row_gives_the_relation_after_the_birth_date(tmp_path: Path) -> None:
    body = (
        "Persons linked:\n"
        "QUARRELL, Tobiah DOB 19/10/2015 Subject\n"
        "PELBURY, Dorcas DOB 07/01/1990 Mother Tel 07700 900284\n"
        "QUARRELL, Augustus DOB 23/04/1985 Father PNC ID 15/0104552K\n\n"
        "2.1 Augustus Quarrell worked nights. Dorcas Pelbury stayed at home with Tobiah."
    )
    found = people(tmp_path, body)
    assert found["Augustus Quarrell"][0] == "father" and found["Dorcas Pelbury"][0] == "mother"


def test_a_child_s_age_in_a_case_note_or_a_flattened_row_makes_a_child(tmp_path: Path) -> None:
    body = (
        "3.1 The review concerns the children, named as the family asked.\n"
        "Name Relationship Age at February 2015 Ethnicity\n"
        "Augustus son of Dorcas 11 years White British\n"
        "3.2 Family: M Dorcas Quill, aged 24. Hester 6 wks. Augustus attends school.\n"
        "3.3 Bruise on Hester; M says caught on car seat buckle. Hester admitted to hospital in May."
    )
    found = people(tmp_path, body)
    assert found["Augustus"][0] in ("subject_child", "child", "sibling")
    assert found["Hester"][0] in ("subject_child", "child", "sibling")


def test_a_key_of_workers_set_off_by_spaces_gives_each_worker_the_job_after_the_dash(tmp_path: Path) -> None:
    body = (
        "KEY TO WORKERS\n"
        "DQ    Dorcas Quill - team manager, UASC and Leaving Care Team\n"
        "AMcQ  Augustus McQuarrell - social worker, Assessment Team (second assessor)\n\n"
        "1.1 DQ allocated the case to AMcQ. Dorcas Quill agreed the plan."
    )
    found = people(tmp_path, body)
    assert found["Dorcas Quill"][0] == "team_manager" and found["Augustus McQuarrell"][0] == "social_worker"
    assert "UASC" not in found


def test_a_bulleted_key_of_workers_with_one_space_after_the_initials_gives_the_jobs(tmp_path: Path) -> None:
    body = (
        "KEY TO WORKERS\n"
        "- DQ Dorcas Quill - team manager, Leaving Care Team\n"
        "- AMcQ Augustus McQuarrell - social worker, Assessment Team\n\n"
        "1.1 DQ allocated the case to AMcQ. Dorcas Quill agreed the plan."
    )
    found = people(tmp_path, body)
    assert found["Dorcas Quill"][0] == "team_manager" and found["Augustus McQuarrell"][0] == "social_worker"
