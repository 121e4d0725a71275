"""Pseudonyms that tell the story right (issue 11): an officer's rank and collar number go with the name, "his
mother" said of the father is the paternal grandmother, "Ms X" goes to the adult who shares her surname with
a child. Invented names."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from redact.config import ReportConfig
from redact.detect import Detector
from redact.ingest import ingest
from redact.resolve import Plan, apply_plan, resolve


@cache
def detector() -> Detector:
    return Detector()


def run(tmp_path: Path, body: str, title: str = "SERIOUS CASE REVIEW") -> tuple[Plan, str]:
    draft = tmp_path / "draft.txt"
    draft.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    document = ingest(draft)
    plan = resolve(document, detector().detect(document), ReportConfig())
    return plan, apply_plan(document.text, plan)


def pseudonyms(plan: Plan) -> dict[str, str | None]:
    return {text: e.pseudonym for e in plan.entities if e.label == "PERSON" for text in e.texts}


def roles(plan: Plan) -> dict[str, str | None]:
    return {text: e.role for e in plan.entities if e.label == "PERSON" for text in e.texts}


def test_rank_collar_number_and_name_are_one_officer(tmp_path: Path) -> None:
    body = (
        "PC 4471 Drabble attended on 3 May. Sgt 2274 Oswin Pellow arrived and PC 3318JC Tamsin Ruddle spoke to "
        "the neighbours. Later DS Pellow rang. The log 5512 was closed."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Drabble"] == "Police Officer 1"
    assert found["Oswin Pellow"] == found["Pellow"] == "Police Officer 2"
    assert "Police Officer 1 attended" in output and "Police Officer 3 spoke" in output
    assert "PC [" not in output and "Sgt [" not in output and "4471" not in output
    assert "The log [case reference] was closed" in output  # a reference that no officer stands beside


def test_officers_listed_with_their_ranks_are_each_one_pseudonym(tmp_path: Path) -> None:
    body = "3.2 The author interviewed PC 6021 Gorvin, PC 10442 Sefton, PCSO 23901 Maddocks and Sgt 3318\nFairclough."
    _, output = run(tmp_path, body)
    assert "interviewed Police Officer 1, Police Officer 2, Police Officer 3 and Police Officer 4." in output


def test_a_pronoun_or_the_sentence_subject_says_whose_relation(tmp_path: Path) -> None:
    body = (
        "1.2 Wren lived with her mother, Odile Marlow, and her father, Bram Coulter. Wren is 4.\n\n"
        "1.3 Bram Coulter grew up in the town. His mother, Sheila Coulter, lived nearby.\n\n"
        "1.4 Odile Marlow came to England in 2009. Her brother, Anatole Pellier, visited. Her mother, "
        "Yvette Pellier, stayed in France. In 2016 Ms Marlow began a relationship with Lorcan Tighe."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Odile Marlow"] == "Mother" and found["Bram Coulter"] == "Father"
    assert found["Sheila Coulter"] == "Paternal grandmother"
    assert found["Anatole Pellier"] == "Maternal uncle"
    assert found["Yvette Pellier"] == "Maternal grandmother"
    assert found["Lorcan Tighe"] == "Mother's partner"


def test_a_review_label_before_a_pronoun_makes_the_relations_the_child_s(tmp_path: Path) -> None:
    body = (
        "2.1 Baby T lived with her mother, Ottilie Faraday, aged 26, her father Crispin Vane, aged 30, and her "
        "half-brother Rollo, who was 6. Ms Faraday had moved from Hull."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Ottilie Faraday"] == "Mother" and found["Crispin Vane"] == "Father"


def test_names_a_draft_lists_as_one_person_s_spellings_are_that_person(tmp_path: Path) -> None:
    body = (
        "1.1 This review looks at the death of Marisol Quenby, aged 30. Her partner, Teodor Halvik, was convicted.\n\n"
        "1.2 Names appear in records in several spellings:\n"
        '- Marisol Quenby is also recorded as "Marisa Quenby" (GP), "Marisol Dunne" (school, her late father\'s '
        'name) and "QUENBY, Marisol" (police). Friends called her "Mari".\n'
        '- Teodor Halvik appears as "Tedor Halvik", "Ted Halvik" and, in the refuge notes, simply "Teddy".\n\n'
        "Name | Relationship | Age\nMarisol Quenby | Victim, mother | 30\nElan Quenby | Son | 8\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert {found[n] for n in ("Marisol Quenby", "Marisa Quenby", "Marisol Dunne", "Mari")} == {"Mother"}
    assert {found[n] for n in ("Teodor Halvik", "Tedor Halvik", "Ted Halvik", "Teddy")} == {"Mother's partner"}


def test_the_woman_pregnant_with_the_child_is_the_mother_and_her_children_are_siblings(tmp_path: Path) -> None:
    body = (
        "1.3 The review runs from March 2010, when Ceridwen booked with the midwife for her pregnancy with Idris.\n\n"
        "3.2 Ceridwen Lloyd (known to everyone as \"Ceri\", and in the GP records under her married name from a first "
        "marriage that ended in 2008) was 24 when Idris was born. She is the youngest of three children of Olwen "
        "Lloyd. Ceri's older sister Ffion lives in Chester.\n\n"
        "3.4 The children of the household were:\n- Eira Lloyd-Pryce, born 3 June 2006;\n- Idris, born 2011."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Ceridwen"] == found["Ceri"] == "Mother"
    assert found["Ffion"] == "Maternal aunt" and found["Eira Lloyd-Pryce"] == "Sibling 1"


def test_the_woman_the_draft_says_was_pregnant_is_the_mother_of_the_baby_born(tmp_path: Path) -> None:
    """No sentence calls her the mother, and she was a teenager ("aged 15" at her marriage): the pregnancy and the
    birth the draft tells make her the baby's mother, not the baby's sister."""
    body = (
        "4.1 Ottoline Quarrell was born in 1996 and came to England in 2013 with her mother and her brother. She was "
        "18 years old when Tobiah was born.\n\n4.2 They married in a church when Ottoline was aged 15.\n\n"
        "5.2 Antenatal care. Ottoline did not book until she was about 20 weeks pregnant. Tobiah Quarrell died "
        "aged 11 weeks."
    )
    found = roles(run(tmp_path, body)[0])
    assert found["Ottoline"] == "mother" and found["Tobiah"] == "subject_child"


def test_a_titled_surname_the_draft_defines_is_that_relative_not_the_mother_it_names_more(tmp_path: Path) -> None:
    """The draft says once whom "Mrs Pheng" means; the mother Pheng, named far more often, is someone else."""
    body = (
        "2.1 The children's mother is Ottoline Po Pheng.\n\n"
        "2.2 The paternal grandmother, Mrs Pheng, lives with them.\n\n"
        "3.1 Ottoline Po Pheng took the baby to the GP. Ottoline Po said Mrs Pheng helped with feeds. "
        "Ottoline Po Pheng was tired; Ottoline Po Pheng asked for help. Mrs Pheng speaks Cantonese."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Ottoline Po Pheng"] == "Mother" and found["Pheng"] == "Paternal grandmother"


def test_twins_a_title_page_names_together_are_both_the_review_s_children(tmp_path: Path) -> None:
    body = (
        "OVERVIEW REPORT\nin respect of TOBIAH and OTTOLINE (twins, born 2012)\n\n"
        "1.1 In December 2012 Tobiah was brought to hospital with a swollen thigh. His twin sister Ottoline was "
        "admitted the next day. Tobiah and Ottoline now live with foster carers."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert {found["Tobiah"], found["Ottoline"]} == {"Child A", "Child B"}


def test_a_police_sergeant_with_a_collar_number_on_the_line_before_is_an_officer(tmp_path: Path) -> None:
    body = (
        "The children were present. PC Ebun Quill attended again, with PS\n817 Ignatius Pelbury. Both officers "
        "spoke to the mother, who said Pelbury had been kind."
    )
    plan, output = run(tmp_path, body)
    assert pseudonyms(plan)["Ignatius Pelbury"] == "Police Officer 2" and "[case reference]" not in output


def test_a_scale_s_acronym_after_a_first_name_is_no_other_surname(tmp_path: Path) -> None:
    """ "Ottoline EPDS score 16" in a chronology: the mother's screening score, not an Ottoline EPDS who would make
    every later "Ottoline" ambiguous."""
    body = (
        "2.1 The mother, Ottoline Quarrell, was 24.\n\n"
        "Date\tAgency\tEvent\n26/11/2012\tHealth visiting\tClinic. Ottoline EPDS score 16. Plan: GP.\n\n"
        "3.1 Ottoline said she was tired. Ottoline asked for help."
    )
    plan, output = run(tmp_path, body)
    assert "a family member" not in output.lower() and output.count("Mother") >= 3


def test_the_name_the_draft_s_own_label_was_known_by_is_that_child(tmp_path: Path) -> None:
    body = (
        "1.2 Child T was known to his family and to most of the professionals who met him as \"Iggy\". In this "
        "summary he is called Child T.\n\n4.1 Iggy was seen at the GP surgery three times.\n\n4.7 Later Iggy was "
        "brought back to the hospital with a swollen arm."
    )
    assert roles(run(tmp_path, body)[0])["Iggy"] == "subject_child"


def test_a_short_form_and_a_barrelled_surname_cut_to_initials_are_the_child(tmp_path: Path) -> None:
    body = (
        "RESTRICTED - Thaddeus O-R\n\n1.1 Thaddeus Okonkwo-Reyes was 16 when he died. His coach said Thads was "
        "talented.\n\n1.2 Thaddeus lived with his mother, Imelda Reyes.\n\nRESTRICTED - Thaddeus O-R"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Thaddeus Okonkwo-Reyes"] == found["Thads"] == found["Thaddeus O-R"] == found["Thaddeus"]


def test_a_titled_surname_goes_to_the_relative_the_draft_titles_not_the_mother_it_calls_by_name(
    tmp_path: Path,
) -> None:
    body = (
        "2.1 Zuzanna Wilczek is the mother. The maternal grandmother, Bogumila Wilczek, lives nearby.\n\n"
        "2.2 Zuzanna's brother also lived with Mrs Wilczek. Zuzanna was tearful; Zuzanna said the baby cried.\n\n"
        "2.3 The health visitor wrote to Mrs B. Wilczek. Zuzanna attended. Mrs Wilczek interpreted."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Zuzanna Wilczek"] == "Mother" and found["Bogumila Wilczek"] == "Maternal grandmother"
    assert found["Wilczek"] == "Maternal grandmother"


def test_a_family_listed_sentence_by_sentence_is_the_child_s_and_a_bracketed_nickname_is_hers(
    tmp_path: Path,
) -> None:
    body = (
        '2.1 Amina Jama ("Ami" to her friends and to most staff) is of Somali heritage. She was born in Derby. '
        "Her mother Ubah speaks some English; the school did not know this. Her father lives abroad. Her brother "
        "Guled was 16 and in Year 11. Ami was often late."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Ami"] == found["Amina Jama"]
    assert found["Ubah"] == "Mother" and found["Guled"] == "Sibling 1"


def test_a_verb_of_recording_without_quotes_makes_no_alias(tmp_path: Path) -> None:
    body = "1.2 Linh lived with her mother, Mai Trinh. Ms Trinh first registered Linh with the GP in May."
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Mai Trinh"] == found["Trinh"] == "Mother" and found["Linh"] != "Mother"


@pytest.mark.parametrize(
    ("body", "adult"),
    [
        (  # the child's own mentions ("Briony, aged 15") show her a child
            "1.1 Briony Tasker was 15 when she died. Briony, aged 15, lived with her mother, Carys Tasker.\n\n"
            "2.4 The author met Ms Tasker twice. Briony's school was also seen.",
            "Carys Tasker",
        ),
        (  # a double-barrelled first name has its parts' gender ("Amber-Lily"), and "Mr" wants a known adult
            "1.1 The children are Jacob Ansah, 7, and Amber-Lily Ansah, 3. Their father is Kwabena Ansah.\n\n"
            "2.1 Mr Ansah attended the school. Mr Ansah was worried.",
            "Kwabena Ansah",
        ),
    ],
)
def test_an_adult_title_goes_to_the_adult_not_a_child_who_shares_the_surname(
    tmp_path: Path, body: str, adult: str
) -> None:
    found = pseudonyms(run(tmp_path, body)[0])
    assert found[adult.split()[-1]] == found[adult] in ("Mother", "Father")


def test_a_surname_goes_to_the_person_the_draft_is_about_and_the_reviewer_is_told(tmp_path: Path) -> None:
    body = (
        "1.1 Tobin lived with his mother, Shona Brackley, and met his grandmother, Vera Brackley, twice.\n\n"
        + "".join(f"2.{i} Shona Brackley saw the health visitor again.\n\n" for i in range(1, 6))
        + "3.1 The author spoke to Ms Brackley about the move."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Brackley"] == found["Shona Brackley"] == "Mother"
    assert any("'Brackley'" in w and "confirm it in the diff" in w for w in plan.warnings)


def test_a_relation_word_straight_before_a_name_is_that_names(tmp_path: Path) -> None:
    body = "1.2 Oliwia Tranter, her mother Agnieszka Tranter and her half-brother Tyler were registered there."
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Oliwia Tranter"] == "Child A" and found["Agnieszka Tranter"] == "Mother"


def test_a_family_list_line_gives_its_role_past_the_person_s_other_names(tmp_path: Path) -> None:
    body = (
        "Family:\n• Mabel Quill – subject child, aged 2.\n"
        "• Hester Quill (née Pelbury, known as 'Hetty') – mother, aged 24.\n• Augustus Quill – father, aged 30.\n\n"
        "Later Hester and Augustus argued."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Hester Quill"] == found["Hetty"] == "Mother" and found["Augustus Quill"] == "Father"


def test_a_job_with_what_qualifies_it_is_an_apposition_but_a_relative_with_another_person_is_not(
    tmp_path: Path,
) -> None:
    body = (
        "The case went to Hester Quill, a social worker with 14 months' experience. Ms Quill visited. "
        "Dorcas Pelbury, the mother with Mr Augustus Knotley, attended."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Hester Quill"] == "Social Worker 1" and found["Augustus Knotley"] != "Mother"


def test_school_and_social_care_staff_by_grade_year_group_and_chronology_row(tmp_path: Path) -> None:
    body = (
        '2.2 Staff spoken to:\n• Mr Ignatius Quill ("IQ"), Year 4 class teacher (4G), 2 April 2019;\n'
        "• the duty senior practitioner, Augustus Knotley (AK).\n\n"
        "5.2 Her friend told the academy's pastoral manager, Miss Dorcas Pelbury, that she was cutting.\n\n"
        "| Date | Agency | Event |\n| --- | --- | --- |\n"
        "| 16 March 2016 | CSC | Case transferred to Hester Tarnwick after Mr Knotley leaves. |\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Ignatius Quill"].startswith("Teacher") and found["Dorcas Pelbury"].startswith("Teacher")
    assert found["Augustus Knotley"].startswith("Social Worker")
    assert found["Hester Tarnwick"].startswith("Social Worker")


def test_the_man_a_safeguarding_adults_review_is_about_is_mr_surname_too(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns Ignatius Quill, who died aged 46. His mother, Hester Quill, died in 2015.\n"
        "1.2 Agencies' records call him Ignatius or Mr Quill."
    )
    found = pseudonyms(run(tmp_path, body, title="SAFEGUARDING ADULTS REVIEW: IGNATIUS QUILL")[0])
    assert found["Quill"] == found["Ignatius Quill"] == "Adult A"


def test_a_nickname_known_to_a_long_audience_is_the_person_s(tmp_path: Path) -> None:
    body = (
        "Mr Ignatius Quill was charged. Mr Quill, who was known to his friends and on social media as 'Iggs', "
        "denied it. Iggs later left the area."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Iggs"] == found["Ignatius Quill"]


def test_a_partners_initials_the_draft_also_calls_a_father_and_letters_of_no_one_are_one_person_each(
    tmp_path: Path,
) -> None:
    body = (
        "Child: Mabel Quill\nMother: Hester Quill (HQ)\nMother's partner: Tobiah Knotley (TK), father of Mabel's "
        "brother Augustus\n\n1.2 HQ and TK were arrested that day.\n06/07/2016 ED 19:52. History from TK: banged "
        "head.\n5.7 Police told us that TK had a caution. Another man, RZ, called. RZ called again.\n"
    )
    plan, _ = run(tmp_path, body)
    people = {e.pseudonym: [m.text for m in e.mentions] for e in plan.entities if e.label == "PERSON"}
    assert people["Mother's partner"].count("TK") == 4
    assert [p for p, texts in people.items() if "RZ" in texts] == ["Adult 1"]
    assert people["Adult 1"].count("RZ") == 2


def test_a_rank_before_a_shared_surname_is_the_grown_up_not_the_baby(tmp_path: Path) -> None:
    body = (
        "Baby Ebun Quellode died aged 8 weeks. His father, Tobiah Quellode, is a soldier. The couple met in 2015, "
        "when LCpl Quellode was on training. Ebun Quellode was seen by the GP."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Quellode"] == found["Tobiah Quellode"] == "Father"


def test_parents_a_child_was_born_to_and_a_case_note_s_abbreviated_grandparents(tmp_path: Path) -> None:
    body = (
        "3.1 Mabel Quill was born on 3 August 2015 to Dorcas Quill and Ignatius Pelbury. Mabel lived with them.\n"
        "Family: MGM Hester Quill (visits daily), PGF Augustus Pelbury.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert (found["Dorcas Quill"], found["Ignatius Pelbury"]) == ("Mother", "Father")
    assert (found["Hester Quill"], found["Augustus Pelbury"]) == ("Maternal grandmother", "Paternal grandfather")


def test_professionals_by_record_abbreviations_verbs_and_titled_brackets(tmp_path: Path) -> None:
    body = (
        "4.1 The school nurse for the school is Hester Quill (mobile 07700 900482). Ms Quill saw Mabel twice.\n"
        "4.2 Letter from Dorcas Pelbury HV: home conditions poor. Ms Pelbury visited again.\n"
        "4.3 At the home visit Mrs Ebunola Knotley interpreted for the social worker.\n"
        "4.4 Triage 02:09 by SN Lottie Tarnwick (Band 5).\n4.5 Community mw Agatha visiting.\n"
        "4.6 The health visitor (Ms Smithers) was not invited. Ms Smithers had seen Mabel.\n"
        "Date: 19.03.2024 | SW: Tobiah Quellin | TM: Augustus Quarrell | Type: formal\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    expected = {"Hester Quill": "School Nurse", "Dorcas Pelbury": "Health Visitor", "Ebunola Knotley": "Interpreter",
                "Lottie Tarnwick": "Nurse", "Agatha": "Midwife", "Smithers": "Health Visitor",
                "Augustus Quarrell": "Team Manager"}  # fmt: skip
    assert {name: found[name].rsplit(" ", 1)[0] for name in expected} == expected


def test_a_relation_wrapped_before_its_name_and_a_list_of_siblings_the_sentence_names(tmp_path: Path) -> None:
    body = (
        "3.2 Mabel lives in a small flat with her mother Hester, who works nights, and her brother\nAugustus, who "
        "is four years older. Mabel's older siblings are Dorcas, Lottie and Ignatius."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Augustus"].startswith("Sibling") and found["Hester"] == "Mother"
    assert all(found[name].startswith("Sibling") for name in ("Dorcas", "Lottie", "Ignatius"))


def test_the_children_a_parent_has_by_name_are_the_subject_s_siblings(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns Mabel Quill, aged 2.\n1.2 Her mother, Hester Quill, has two other children, Lottie "
        "and Agatha. Ms Quill has also a son, Augustus."
    )
    found = pseudonyms(run(tmp_path, body, title="SERIOUS CASE REVIEW: CHILD M")[0])
    assert found["Lottie"].startswith("Sibling") and found["Agatha"].startswith("Sibling")


def test_ms_surname_is_the_woman_the_story_names_not_a_relative_only_in_the_family_table(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tDOB\nMabel QUILLODE\tSubject\t03/04/2017\nHester QUILLODE\tMother\t28/09/1991\n"
        "Dorcas Quillode\tMaternal grandmother\tnot known\n\n1.1 This review concerns Mabel and her mother Hester "
        "Quillode.\n\n2.1 Ms Quillode rang 999 herself at 21:24. Ms Quillode said her partner had punched her.\n\n"
        "2.2 Later Ms Quillode moved away."
    )
    plan, _ = run(tmp_path, body)
    [mother] = [e for e in plan.entities if e.pseudonym == "Mother"]
    assert sum(m.text == "Quillode" for m in mother.mentions) == 3
    assert any("outside a table" in warning for warning in plan.warnings)


def test_a_relative_named_in_brackets_after_the_child_she_brought_is_no_other_name_of_the_child(
    tmp_path: Path,
) -> None:
    body = (
        "09/01/2023\tEMIS\tDr KO. F2F. Mabel brought by maternal aunt (\"Lottie\"), very thin.\n"
        "4.2 The maternal aunt who brought Mabel (Ms Lottie Quellode) was not asked for consent.\n"
        '4.3 Ignatius Tarnwick was her uncle. TARNWICK ("Big Iggs") was arrested for affray.\n'
    )
    plan, _ = run(tmp_path, body)
    people = {e.pseudonym: set(e.texts) for e in plan.entities if e.label == "PERSON"}
    assert people["Maternal aunt"] == {"Lottie", "Lottie Quellode"}
    assert not any("Mabel" in texts and "Lottie" in texts for texts in people.values())
    assert any({"TARNWICK", "Big Iggs"} <= texts for texts in people.values())  # a nickname of two words is his


def test_the_family_s_surname_before_children_goes_and_the_noun_says_who(tmp_path: Path) -> None:
    body = "1.1 Their mother, Hester Quellode, was 31. Hester said the Quellode children were fine."
    _, output = run(tmp_path, body, title="The Quellode children")
    assert output.startswith("The children\n") and "the children were fine" in output


def test_housing_jobs_by_their_many_names_are_housing_officers(tmp_path: Path) -> None:
    body = (
        "3.3 The authors interviewed Ignatius Quill (QHT temporary accommodation officer) and Dorcas Pelbury "
        "(QHT tenancy sustainment officer). The housing options adviser, Mr Tobiah Knotley, was on leave."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert {found["Ignatius Quill"], found["Dorcas Pelbury"], found["Tobiah Knotley"]} == {
        "Housing Officer 1", "Housing Officer 2", "Housing Officer 3"}  # fmt: skip


def test_a_chronology_row_s_agency_gives_the_job_of_whom_its_entry_says_did_the_visit(tmp_path: Path) -> None:
    body = (
        "Date\tAgency\tEvent\n26/01/2016\tHealth visiting\tNew birth visit by Ms Quill. Moses basket seen.\n"
        "14/10/2016\tChildren's social care\tHome visit by Mr Knotley; mother told Ms Pelbury nothing.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Quill"] == "Health Visitor 1" and found["Knotley"] == "Social Worker 1"
    assert not found["Pelbury"].startswith("Social Worker")


def test_every_name_listed_after_a_plural_relation_word_has_that_relation(tmp_path: Path) -> None:
    body = (
        "1.1 Tamsin Penrose lived with her mother, Gail Penrose, and her twin half-brothers, Oliver and Harry, who "
        "were then aged nine. She has two sisters: Amberly (aged 16) and Nerys (aged 12)."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert {found[n][:8] for n in ("Oliver", "Harry", "Amberly", "Nerys")} == {"Sibling "}


def test_parents_named_as_whose_child_and_a_possessive_that_owns_the_role(tmp_path: Path) -> None:
    body = (
        "4.1 Kerensa was the only child of Lorna Trewin and Peter Roskilly, who separated when she was two. She "
        "had a younger half-brother, Jory, whose father is Ms Trewin's partner, Mervyn Hocking. Her foster "
        "carers, Pauline and Graham Tonkin, were kind."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Lorna Trewin"] == found["Trewin"] == "Mother"
    assert found["Peter Roskilly"] == "Father"
    assert found["Pauline"] != found["Peter Roskilly"]  # "Pauline" is no form of a man's "Paul"


def test_the_subject_keeps_the_label_the_title_page_gives_the_review(tmp_path: Path) -> None:
    plan, output = run(tmp_path, "Child D\n\n1.1 Ebun Trask was 15. Ebun lived with her mother, Ruth Trask.")
    assert pseudonyms(plan)["Ebun Trask"] == "Child D"
    assert "Child D was 15" in output


@pytest.mark.parametrize("kind", ["DOMESTIC HOMICIDE REVIEW", "Safeguarding Adults Review", "SAR: overview report"])
def test_the_subject_of_a_review_about_an_adult_is_no_child(tmp_path: Path, kind: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(f"{kind}\n\nConcerning Ottoline Quarrell-Brackley\n\n1.1 Ottoline was 34.\n", encoding="utf-8")
    document = ingest(draft)
    plan = resolve(document, detector().detect(document), ReportConfig())
    assert pseudonyms(plan)["Ottoline"] == pseudonyms(plan)["Ottoline Quarrell-Brackley"] == "Adult A"
    assert "Concerning Adult A" in apply_plan(document.text, plan)


def test_the_subject_of_a_review_about_an_adult_and_a_child_is_the_child(tmp_path: Path) -> None:
    body = "COMBINED DOMESTIC HOMICIDE REVIEW AND SERIOUS CASE REVIEW\n\nOttoline Quarrell, aged 4, lived at home."
    assert pseudonyms(run(tmp_path, body)[0])["Ottoline Quarrell"] == "Child A"


def run_markdown(tmp_path: Path, body: str) -> Plan:
    draft = tmp_path / "draft.md"
    draft.write_text("# Serious Case Review\n\n" + body + "\n", encoding="utf-8")
    document = ingest(draft)
    return resolve(document, detector().detect(document), ReportConfig())


MARKDOWN_FAMILY = """## The family

| Name | Relationship to the twins | Age |
|---|---|---|
| Idris Kazmi | Subject | 11 months |
| Mariam Kazmi | Twin sister | 11 months |
| Sobia Kazmi | Mother | 24 years |
| Waqar Kazmi | Father | 27 years |
| Junaid Kazmi | Paternal uncle | 31 years |
| Faisal Kazmi | Paternal uncle | 22 years |
| Zoya Kazmi | Cousin, daughter of Junaid and Sobia | 4 years |

The practice now thinks the visitor was Junaid, not the father. Idris was seen by the GP.
"""


def test_a_markdown_family_table_gives_roles_and_several_uncles_are_numbered(tmp_path: Path) -> None:
    found = pseudonyms(run_markdown(tmp_path, MARKDOWN_FAMILY))
    assert found["Sobia Kazmi"] == "Mother" and found["Waqar Kazmi"] == "Father"
    assert {found["Junaid Kazmi"], found["Faisal Kazmi"]} == {"Paternal uncle 1", "Paternal uncle 2"}
    assert found["Mariam Kazmi"] == "Sibling 1" and found["Zoya Kazmi"] == "Cousin 1"


def test_a_family_name_first_name_with_its_marks_and_its_short_forms_is_one_person(tmp_path: Path) -> None:
    body = (
        "2.1 The mother, Trần Thị Lan, came from Huế. The father, Đinh Văn Minh (Mr Dinh), lives in Leeds. Their\n"
        "son is Khoa Dinh; Mr Dinh saw Khoa weekly.\n"
        "TRAN, Thi Lan - mother\n"
        "3.1 Lan Tran told the author that Mr Dinh paid rent. Khoa D. was seen at nursery."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Trần Thị Lan"] == found["Lan Tran"] == found["TRAN, Thi Lan"] == "Mother"
    assert found["Đinh Văn Minh"] == found["Dinh"] == "Father"
    assert found["Khoa Dinh"] == found["Khoa D."]


def test_a_blended_family_is_told_by_who_married_whom_and_whose_child_is_whose(tmp_path: Path) -> None:
    body = (
        "3.1 Isolde's father, Edwin Carrow, is a surveyor. Isolde lived with her mother, Mei Lin Fairley, who married "
        "Rupert Fairley in 2004; they have a son, Piers, now aged 6. Mr Carrow lives with his partner, Rachel Reeve, "
        "and her daughter Lowenna, who is three years younger than Isolde."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Rupert Fairley"] == "Mother's partner" and found["Rachel Reeve"] == "Father's partner"
    assert found["Piers"].startswith("Sibling") and found["Lowenna"].startswith("Sibling")


def test_a_carers_son_in_a_family_table_is_no_child_of_the_family(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship to Kofi\tAge\n"
        "Kofi Asamoah\tSubject\t8\n"
        "Gloria Pinnock-Hale\tPrivate foster carer\t61\n"
        "Winston Hale\tSon of Mrs Pinnock-Hale\t34\n"
        "\n"
        "3.4 Mrs Pinnock-Hale held the tenancy. Her son, Winston Hale, co-owned a shop. Kofi called him Uncle Winston."
    )
    plan, _ = run(tmp_path, body)
    assert not pseudonyms(plan)["Winston Hale"].startswith("Child")


def test_a_nursing_sister_a_maiden_name_and_a_name_in_another_language(tmp_path: Path) -> None:
    body = (
        "3.1 Ines's mother, Lok Yin Dorran (formerly Quarrie, née Tan), is a nurse. Ines's father, Alun Quarrie, "
        "lives in Ely. At home Ines was often called by her Chinese name, Li Na.\n"
        "4.2 Mrs Quarrie raised her concerns with the school nurse, Sister Bernadette Coyle, who saw Ines twice."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Li Na"] == found["Ines"]
    assert found["Lok Yin Dorran"] == "Mother" and found["Alun Quarrie"] == "Father"
    assert found["Bernadette Coyle"] == "School Nurse 1"
    mother = next(e for e in plan.entities if "Lok Yin Dorran" in e.texts)
    assert "Quarrie" in mother.texts  # her former surname, though her daughter's father bears it


CASE_NOTE_HOUSEHOLD = """Household
- Mum: Dorota Kalinowska (DK), 34y. Polish.
- Ellie Brannigan 11y, Y7 Castle Mead Academy
- Zofia Kalinowska 6y, Y1 Fernlea Primary School
- Tomas Vaitkus 4/12
- Mum's partner Rokas Vaitkus (RV), works nights. Father of Tomas.
- Ellie's dad Sean Brannigan lives in Bootle.

CASE NOTE 04/03/2024 | Author: SW
Seen: mum, zofia, baby. Ellie not home. Ellie Brannigan is the subject of this review."""


def test_a_case_note_household_list_gives_mother_partner_and_siblings(tmp_path: Path) -> None:
    plan, _ = run(tmp_path, CASE_NOTE_HOUSEHOLD)
    found = pseudonyms(plan)
    assert found["Dorota Kalinowska"] == "Mother" and found["Rokas Vaitkus"] == "Mother's partner"
    assert found["Zofia Kalinowska"].startswith("Sibling") and found["Tomas Vaitkus"].startswith("Sibling")
    assert found["Sean Brannigan"] == "Father"


def test_a_child_shielded_as_an_initial_and_recorded_under_another_surname_is_one_child(tmp_path: Path) -> None:
    body = (
        "1.1 This is the review into the injuries of Baby Ola K, who was three months old.\n\n"
        "2.1 Ola's full name is Ola Zofia Kowalczyk. In some health records she appears as \"Ola Brinsley\" and in "
        "the maternity system as \"Baby Brinsley\". Her mother is Shannon Brinsley.\n\n"
        "3.1 Ola was taken to hospital. Ola was discharged home."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ola K"] == found["Ola Zofia Kowalczyk"] == found["Ola Brinsley"] == found["Ola"]
    assert found["Shannon Brinsley"] == "Mother"


def test_who_prepared_a_summary_is_no_panel_member(tmp_path: Path) -> None:
    body = (
        "Requested by: the panel chair, Robert Tennison, via the Business Unit\n"
        "Prepared by: Hannah Glegg (HG), MASH Team Manager, with input from the police\n\n"
        "4.1 The panel may want to consider the strategy discussion.\n\n"
        "5. Key to initials\n\n"
        "HG – Hannah Glegg, MASH Team Manager\n"
        "MW – Mariusz Wrobel, social worker, Assessment Team\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert not found["Hannah Glegg"].startswith("Panel Member")
    assert not found["Mariusz Wrobel"].startswith("Panel Member")


def test_a_chronology_names_its_subject_by_school_year_and_case_note(tmp_path: Path) -> None:
    """A chronology table says no age: a pupil starting the sixth form and a patient "seen with mother" is the
    child, and her initials "AOB" (a hyphenated surname gives two letters) are her, as are "KOA" a doctor's."""
    body = (
        "Date | Agency | Event | Practitioner\n"
        "02/09/2011 | School | AOB starts Lower Sixth. | Registrar\n"
        "14/11/2011 | School | Tutor notes Ada not eating lunch. | Form tutor\n"
        "06/03/2012 | GP | Adaeze with mother. Tiredness. | Dr K. Owusu-Ansah\n"
        "09/01/2013 | GP | Ada weighed. | Dr KOA\n"
        "Subject: OKAFOR-BYRNE, Adaeze\n"
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["AOB"] == found["Ada"] == found["Adaeze"] == "Child A"
    assert found["KOA"] == found["K. Owusu-Ansah"]
    assert "Child A starts Lower Sixth" in output


def test_a_job_title_in_capitals_or_under_a_signature_gives_the_role(tmp_path: Path) -> None:
    """ "Tamsin Ruddle, Named Nurse Safeguarding Children": the capitals run on in the title, they name no one;
    a signature's job line under the name says the same; "her mother Odile Marlow" still names the mother."""
    body = (
        "IMR author: Tamsin Ruddle, Named Nurse Safeguarding Children\n\n"
        "1.1 Wren lived with her mother, Odile Marlow. Wren is 4. The GP saw Wren, social worker Anna Pellow.\n\n"
        "Regards\n\nOswin Drabble\nDesignated Nurse Safeguarding Children\nNHS Northshire ICB\n"
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tamsin Ruddle"].startswith("Nurse ") and found["Oswin Drabble"].startswith("Nurse ")
    assert found["Odile Marlow"] == "Mother"
    assert found["Anna Pellow"] == "Social Worker 1"


def test_minutes_name_the_case_by_the_family_s_surname(tmp_path: Path) -> None:
    """ "Independent Chair, SCR Panel (Fenwick)": the brackets name the case, so "Fenwick" is no kept chair; "Mrs
    Fenwick" is an adult of that family, not the child; "PRow" is the attendee the key gives, one pseudonym."""
    body = (
        "Present\nRO - Ruth Oduya, Independent Chair, SCR Panel (Fenwick)\nPRow - DI Piers Rowcliffe, Police\n\n"
        "2. SCR Fenwick (Child F) – final report\n2.1 Fenwick, aged 15, died in May 2013. The Fenwick family met "
        "the author. PRow confirmed the police position. Mrs Fenwick will be told the decision in person.\n"
    )
    plan, output = run(tmp_path, body)
    found = {e.pseudonym for e in plan.entities for t in e.texts if t == "Fenwick"}
    assert "Fenwick" not in output and None not in found
    assert "Ruth Oduya" in output  # the panel chair stays named
    # the draft's label "Child F" gives the family's initial: another letter
    assert found == {"Child A", "Adult 1"} and "Adult 1 will be told" in output
    assert pseudonyms(plan)["PRow"] == pseudonyms(plan)["Piers Rowcliffe"]


def test_a_staff_key_of_initials_joins_the_initials_to_the_person_and_reads_the_job(tmp_path: Path) -> None:
    """A school's key: "RFD - Mr R. Fitzgerald, Head of Year 10" (the initial's full stop ends no sentence, so the
    job after the comma is read); the initials in the log are the same teacher."""
    body = (
        "B2. Staff (initials as used in the log):\n\nRFD - Mr R. Fitzgerald, Head of Year 10\n"
        "GHa - Mrs G. Halloran, Assistant Principal and DSL\n\n"
        "14/03/2017  RFD  Spoke to the pupil. Passed to GHa.\n15/03/2017  GHa  Home visit.\n"
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["RFD"] == found["R. Fitzgerald"] and found["RFD"].startswith("Teacher")
    assert found["GHa"] == found["G. Halloran"] and found["GHa"].startswith("Teacher")
    assert "RFD" not in output and "GHa" not in output


def test_a_word_hyphened_to_a_lower_case_word_is_no_name(tmp_path: Path) -> None:
    """ "Designated Doctor, Sub-committee Chair": a job after a comma, then a compound word, not a person."""
    plan, output = run(tmp_path, "Dr Esme Toller, Designated Doctor, Sub-committee Chair, opened the meeting.")
    assert "Sub-committee" in output and "Sub" not in pseudonyms(plan)


def test_a_dhr_s_chosen_names_go_to_whom_they_name_and_the_perpetrator_s_family_is_not_the_child_s(
    tmp_path: Path,
) -> None:
    """ "Her mother has asked to be called "Abena"" makes Abena the mother; "Yaa's closest friend asked to be
    called "Tess"" gives the alias to the friend, not to Yaa; "Kieran Hollow, then aged 20" is an adult, so
    "His mother, Denise Hollow" is his; the bare surname they share is never hers here."""
    body = (
        '1.2 "Yaa" is not her real name. Her mother has asked to be called "Abena" in this report. Yaa\'s closest '
        'friend asked to be called "Tess".\n\n1.3 Kieran Hollow, then aged 20, was convicted of Yaa\'s murder. His '
        "mother, Denise Hollow, took part in the review.\n\n3.1 Yaa, aged 15, lived with Abena. Kieran grew up with "
        "his mother. Hollow drove her to college. Kieran was controlling. Hollow called 999. Kieran lied. Hollow "
        "was arrested. Tess told the review about Kieran.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Yaa"] == "Child A" and found["Abena"] == "Mother"
    assert found["Tess"] not in ("Child A", "Mother")
    assert found["Kieran Hollow"].startswith("Adult") and found["Hollow"] != found["Denise Hollow"]
    assert found["Denise Hollow"].startswith("Adult")


def test_one_part_of_a_double_barrelled_surname_is_the_same_person(tmp_path: Path) -> None:
    """A police record's "BOATENG-HALE, Kwesi" and its "HALE, Kwesi" are one boy."""
    body = (
        "Subject: Kwesi BOATENG-HALE (15 yrs). Kwesi was reported missing. Record: HALE, Kwesi, missing from home."
        " Kwesi was found at the skate park. Kwesi went home.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Kwesi BOATENG-HALE"] == found["HALE, Kwesi"] == found["Kwesi"]


@pytest.mark.parametrize(
    "opening",
    [
        "Children M and T (Morwenna Trask and Tegan Hoyle)\n\n1. INTRODUCTION\n\n1.1 The girls were exploited.",
        "1. INTRODUCTION\n\n1.1 This review concerns two children, referred to as the T children: Morwenna and "
        "Tegan.",
    ],
)
def test_a_review_of_several_children_named_at_its_opening_makes_each_a_subject(tmp_path: Path, opening: str) -> None:
    body = opening + "\n\n2.1 Morwenna, aged 14, went missing. Tegan, aged 15, was seen with her.\n"
    found = pseudonyms(run(tmp_path, body)[0])
    assert {found["Morwenna"], found["Tegan"]} == {"Child A", "Child B"}


def test_attendees_listed_by_service_take_the_service_s_role(tmp_path: Path) -> None:
    body = (
        "ATTENDING\n\nNadira - Children's Social Care, Area Team (allocated SW)\nGemma - Northshire Police, CSE "
        "Team\nKerrie - School Nursing, Northshire Community Health\nHalima - Housing Options\n\n"
        "Notes: Gemma said the girls were seen as making choices. Halima agreed.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Nadira"].startswith("Social Worker") and found["Gemma"].startswith("Police Officer")
    assert found["Kerrie"].startswith("School Nurse") and found["Halima"].startswith("Housing Officer")


def test_whose_daughter_the_child_is_is_her_mother_and_the_boyfriend_of_her_is_her_partner(tmp_path: Path) -> None:
    """ "Lenny Corran, the boyfriend of Skye Tolan. Her daughter, Ottilie, ...": Skye is the mother (the draft
    says so only through the child), Lenny the mother's partner; "her grandparents Moira and Ewan Tolan" are a
    grandmother and a grandfather."""
    body = (
        "1.1 An ambulance was called by Lenny Corran, the boyfriend of Skye Tolan. Her daughter, Ottilie, then "
        "three months old, was unresponsive.\n\n1.2 The author spoke to Ottilie's father Kit Ashby and her "
        "grandparents Moira and Ewan Tolan.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert (found["Skye Tolan"], found["Lenny Corran"]) == ("Mother", "Mother's partner")
    assert (found["Moira"], found["Ewan Tolan"]) == ("Grandmother", "Grandfather")
    assert found["Ottilie"] == "Child A"


def test_a_review_of_several_children_gives_each_a_child_letter(tmp_path: Path) -> None:
    body = (
        "| | |\n|---|---|\n| Children | Iosif, Dorina and Gavril |\n| Lead reviewer | Mark Fenby |\n\n"
        "1.1 Gavril, then aged 4, was taken to hospital. His two older siblings were seen the same evening: "
        "Iosif (aged 13) and Dorina (aged 11).\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert [found[n] for n in ("Iosif", "Dorina", "Gavril")] == ["Child A", "Child B", "Child C"]


def test_a_staff_list_gives_the_job_after_the_initials(tmp_path: Path) -> None:
    body = (
        "2.1 I interviewed the following staff:\n\n• Mr Lorcan Whitby (LW), Head of Year 9\n"
        "• Mr Tadhg Ó Ceallaigh (TÓC), form tutor 9MB\n• Mrs Perpetua Lowe (PL), school nurse\n\n"
        "3.1 LW spoke to the pupil twice. TÓC noted the absences.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Lorcan Whitby"] == found["LW"] and found["LW"].startswith("Teacher ")
    assert found["TÓC"].startswith("Teacher ") and found["Perpetua Lowe"] == "School Nurse 1"


def test_a_worker_named_after_where_they_work_and_a_nickname_set_off_by_commas(tmp_path: Path) -> None:
    """ "the social worker in Boston, Kwabena Osei-Tutu", "a social worker from the Spalding team, Jolanta Nowak";
    'Gavril Lupu, "Gabi", born 2016' is one child; "Marian Lupu (father)" is the father whatever his first name's
    usual gender, and so is "Marian" alone; the paediatrician named nearest is no GP."""
    body = (
        "Family:\n- Marian Lupu (father), born 1984\n- Gavril Lupu, \"Gabi\", born 15 August 2016\n\n"
        "5.1 Gabi was 4. When Marian went out, the house was cold. The social worker in Boston, Kwabena "
        "Osei-Tutu, visited twice. A social worker from the Spalding team, Jolanta Nowak, came later.\n\n"
        "5.2 The paediatrician who treated him, Dr Tran Thi Mai, said the team could only write to the GP.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Gabi"] == found["Gavril Lupu"] == "Child A"
    assert found["Marian"] == found["Marian Lupu"] == "Father"
    assert found["Kwabena Osei-Tutu"].startswith("Social Worker") and found["Jolanta Nowak"].startswith("Social Worker")
    assert found["Tran Thi Mai"] == "Paediatrician 1"


def test_a_nickname_between_first_name_and_surname_keeps_them_one_person(tmp_path: Path) -> None:
    """ 'Kwesi ("Kojo") Mensah-Ofori' is the boy; 'Yaw ("Yawo") Mensah-Ofori' his father, so "Mr Mensah-Ofori"
    is the father; "Dr Pell referred Yawo" names two people."""
    body = (
        "Review in respect of Kwesi (\"Kojo\") Mensah-Ofori\n\n1.1 Kojo, aged 2, died in 2015. The mother, Dawn "
        "Pike, and the father, Yaw (\"Yawo\") Mensah-Ofori, were arrested. The charge against Mr Mensah-Ofori "
        "was dropped.\n\n1.2 Nursery record: \"Kojo M arrived hungry\". Dr Pell referred Yawo to the team.\n"
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Kojo"] == found["Kwesi"] == "Child A" and found["Yawo"] == found["Yaw"] == "Father"
    assert "The charge against Father was dropped" in output and "Doctor 1 referred Father" in output


def test_an_officer_by_collar_and_surname_then_by_full_name_is_one_officer(tmp_path: Path) -> None:
    body = (
        "| 10 January 2021 | Police | A neighbour rings 101; PC 1187 Ashdown attends the next morning. |\n\n"
        "5.6 On 10 January 2021 the neighbour rang 101. PC Lucy Ashdown (1187) attended the next morning.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Ashdown"] == found["Lucy Ashdown"] == "Police Officer 1"


def test_a_role_word_is_a_whole_word(tmp_path: Path) -> None:
    """ "the academy's designated person, Mrs Nerys Pike": "son" inside "person" makes no child of her."""
    body = "6.8 In practice the academy's designated person, Mrs Nerys Pike, said the college would report it."
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Nerys Pike"] == "Teacher 1"


def test_a_role_word_ending_one_row_is_no_role_of_the_name_opening_the_next(tmp_path: Path) -> None:
    """A family table in rows with slashes between cells: "... / not the father of either child" ends one row,
    "GRAYLING, Tomas / lodger" opens the next; "her" inside "either" or "father" is no pronoun."""
    body = (
        "Name / Relationship / DOB / Notes\nPRICE, Angharad / mother / DOB 11/05/1984 / from Llanelli\n"
        "PRICE, Cerys / subject / DOB 04/10/2008 /\n"
        "PROSSER, Dylan / mother's partner / DOB 02/06/1981 / not the father of either child\n"
        "GRAYLING, Tomas / lodger / DOB 17/09/1976 / Lithuanian national\n\n3.3 Mr Tomas Grayling rented a room.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["GRAYLING, Tomas"] == found["Tomas Grayling"] and not found["Tomas Grayling"].startswith("Child")
    assert found["PRICE, Angharad"] == "Mother" and found["PROSSER, Dylan"] == "Mother's partner"  # slashed cells


def test_a_kept_author_keeps_only_her_own_names(tmp_path: Path) -> None:
    """The author Naomi Sterwick is kept by name; "Naom", a record's spelling of the child Nahom, is no nickname
    of hers: it is the child."""
    body = (
        "Lead reviewer and author: Naomi Sterwick, independent safeguarding consultant\n\n"
        "3.2 Nahom, aged 5 months, was recorded at the GP practice as \"Nahom Yohannes\"; the health visiting "
        "record has \"Naom\".\n"
    )
    plan, output = run(tmp_path, body)
    assert "Naomi Sterwick" in output and '"Naom"' not in output
    assert pseudonyms(plan)["Naom"] == pseudonyms(plan)["Nahom"]


def test_a_nursing_sister_s_title_goes_with_her_pseudonym(tmp_path: Path) -> None:
    body = (
        "4.2 The community children's nurse was Sister Bernadette Ní Fhlaithe. In November Sister Ní Fhlaithe "
        "made three visits.\n"
    )
    _, output = run(tmp_path, body)
    assert "Sister" not in output and output.count("Nurse 1") == 2


def test_a_name_used_online_is_the_person_s(tmp_path: Path) -> None:
    """ "Ms Tarrant posted on Facebook under the name "Shaz Tazzie"": the profile name is hers."""
    body = (
        "Sharon Tarrant (\"Shaz\") | Mother | 24\n\n5.1 The plan closed a week after Ms Tarrant posted on Facebook, "
        "under the name \"Shaz Tazzie\", that she was done with it. Shaz did not reply.\n"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Shaz Tazzie"] == found["Shaz"] == found["Sharon Tarrant"]


def test_the_alias_a_relation_chose_is_the_relation_s_not_the_named_person_s(tmp_path: Path) -> None:
    body = (
        'The family asked that the children\'s mother be called "Lark". Lark\'s sister asked to be known as "Wren". '
        "Lark lived with her son. Wren visited Lark every week and Wren told the panel about the injuries."
    )
    plan, _ = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Lark"] != names["Wren"]


def test_a_surname_misspelt_in_one_record_and_wrapped_in_another_is_the_same_person(tmp_path: Path) -> None:
    body = (
        "Ms Vesna Ostrowski lived with her son Marek. Her partner, Dean Gallacher, moved in during 2014. The "
        "police record names him once as Dean Galagher. Officers spoke to Ms Ostrowski and to Mr Gallacher on "
        "the doorstep; the attending officer wrote that Ms Ostrow-\nski had a cut lip.\n\nDean Gallacher was arrested."
    )
    plan, _ = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Dean Galagher"] == names["Dean Gallacher"]
    assert names["Ostrow-\nski"] == names["Ostrowski"]


def test_a_list_of_first_names_under_one_family_name_keeps_each_child_s_own_person(tmp_path: Path) -> None:
    """Half-siblings listed under one surname ("Rory, Zofia and Efua LIS") and a nickname in single quotes."""
    body = (
        "In respect of Rory LIS, Zofia ('Zosia') LIS and Efua Boateng-Lis.\n\n"
        "Rory was 8, Zosia 6 and Efua 3 when the review began. Efua's father lives in Kumasi. Rory and Efua "
        "were seen at school. Zofia attended nursery.\n\n"
        "Header: Rory, Zofia and Efua LIS / BOATENG-LIS - Draft 3"
    )
    plan, _ = run(tmp_path, body)
    assert len([e for e in plan.entities if "Efua" in e.texts or "Efua LIS" in e.texts]) == 1
    names = pseudonyms(plan)
    assert names["Efua"] == names["Efua Boateng-Lis"] and names["Zofia"] == names["Zosia"]


def test_a_letter_s_your_means_its_addressee(tmp_path: Path) -> None:
    """A chair's letter to a father: "your son" is the child, "your mother" his mother, "your brother" his brother."""
    body = (
        "Dear Mr Kovaleski,\n\nSerious Case Review concerning your son, Tadek\n\n"
        "I am writing about the review of the care Tadek received before he was injured, aged 14 months. The "
        "author met your mother, Mrs Irena Kovaleska, and your brother Bruno at your mother's home. Tadek now lives "
        "with foster carers and attends a nursery.\n\nYours sincerely"
    )
    plan, _ = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Kovaleski"] == "Father"
    assert names["Irena Kovaleska"] == "Paternal grandmother"
    assert names["Bruno"] == "Paternal uncle"


def test_a_baby_said_to_be_with_a_father_is_no_father(tmp_path: Path) -> None:
    body = (
        "Brodie was six weeks old when he died. He lived with his mother, Tayla (aged 18), and his father, Connor. "
        "Connor fed Brodie at midnight and fell asleep on the sofa with him.\n\n"
        "The dangerous moment for Brodie was a father alone, tired, at night, on a sofa."
    )
    plan, _ = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Brodie"] == "Child A" and names["Tayla"] == "Mother" and names["Connor"] == "Father"


def test_a_family_table_s_relation_to_a_named_parent_is_the_child_s_aunt(tmp_path: Path) -> None:
    body = (
        "1.1 Corrina lived with her son, Alfie, aged 4, in a flat in the town.\n\n"
        "| Name | Relationship | Age |\n|---|---|---|\n| Corrina | Mother | 29 |\n| Alfie | Son | 4 |\n"
        "| Jolene | Corrina's younger sister | 24 |\n| Kieron | Corrina's brother | 31 |\n\n"
        "2.1 Jolene visited most days. Kieron lived in the same street."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Corrina"] == "Mother" and found["Alfie"] == "Child A"
    assert found["Jolene"] == "Maternal aunt" and found["Kieron"] == "Maternal uncle"


def test_a_pupil_record_s_initials_of_a_double_first_name_are_the_pupil(tmp_path: Path) -> None:
    body = ("1.1 This IMR covers the involvement of Brookmere Pupil Referral Unit (\"Brookmere\", \"the Unit\") with "
            "Kallum-Jae Ferreira-Dunne from his admission.\n\nName: FERREIRA-DUNNE, Kallum-Jae   Known as: KJ\n\n"
            "KJ lived with his mother. Staff called him KJ. His attendance at Brookmere was 61%.")
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Kallum-Jae Ferreira-Dunne"] == found["KJ"]
    assert "Brookmere" not in output and "Brookmere" not in found


def test_staff_keyed_by_initials_with_a_surname_letter_are_each_their_own_worker(tmp_path: Path) -> None:
    body = ("Name\tRole\tInitials\nCarys Mundell\tEnglish teacher\tCMu\nRhodri Sayer\tKey worker\tRS\n\n"
            "2.1 I interviewed RS, CMu and the head in August 2015. CMu did not know the terms.")
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Carys Mundell"] == found["CMu"] != found["RS"] == found["Rhodri Sayer"]
    assert "RS, CMu" not in found and "CMu" not in output


def test_a_name_as_pronounced_identified_or_used_is_the_same_person(tmp_path: Path) -> None:
    body = ('2.1 Saoirse Ní Bhriain (pronounced "Seersha", as officers recorded her) was 15. Records as KENNY, '
            'Seersha did not link. Checks were made on the male known as "Smudge".\n\n'
            '4.5 "Smudge" was identified in May 2014 as Tyrell Ashdown, then 23. ASHDOWN also '
            'used the name "Tyrell Morgan". Smudge was arrested.')
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Saoirse Ní Bhriain"] == found["Seersha"] == found["KENNY, Seersha"]
    assert found["Smudge"] == found["Tyrell Ashdown"] == found["Tyrell Morgan"]


def test_what_the_children_call_a_relative_goes_with_her_name(tmp_path: Path) -> None:
    body = ('Caoilfhionn lived with the maternal grandmother, Mrs Bridget Tolan ("Nana Biddy"), who cooked. '
            "No one spoke to Nana Biddy.")
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Bridget Tolan"] == found["Biddy"] == "Maternal grandmother"
    assert "Nana" not in output and "spoke to Maternal grandmother" in output


def test_a_british_pet_form_and_a_contact_s_initial_are_the_man_not_a_belief_about_him(tmp_path: Path) -> None:
    body = ("5.1 The man at the centre of this review, Darrell Thursby, was aged 44 when he met Bethan. He was known "
            'locally as "Daz".\n\n5.4 The landlord told the review that he "thought Darrell was her uncle". She had '
            'him saved as "Daz T". Daz was "just a mate".')
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Darrell Thursby"] == found["Daz T"] == found["Daz"]
    assert roles(plan)["Darrell Thursby"] != "uncle"


def test_the_draft_s_own_letter_for_its_child_picks_the_subject_among_children(tmp_path: Path) -> None:
    body = ("Probation Trust  IMR  SCR Child Q\n\n1.1 This IMR covers contact with Barry Ledger (DOB 17/09/1983). "
            'Quentin Amos ("Quin", aged 4) was admitted to hospital. BL was on licence. BL was with his mother. BL '
            "moved in with Quin's mother. BL was recalled.")
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Quentin Amos"] == "subject_child"


def test_a_genogram_list_gives_each_person_the_relation_before_the_dash(tmp_path: Path) -> None:
    body = ("3.1 The household:\n- Father – Warsan Cali Jaamac, 34. Bus driver\n- Mother – Ubah Nuur Faarax, 27\n"
            "- Sister – Idil Warsan Cali, 6\n- Maternal aunt – Hodo Nuur Faarax, 22. Visits most days\n")
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Warsan Cali Jaamac"] == "father" and found["Ubah Nuur Faarax"] == "mother"
    assert found["Idil Warsan Cali"] == "sibling" and found["Hodo Nuur Faarax"] == "maternal_aunt"


def test_a_parent_whose_name_says_no_gender_is_the_other_parent(tmp_path: Path) -> None:
    body = ("Her parents are Cadfael Ithel Rowlands and Mrs Nerys Rowlands. Cadfael's brother, Ieuan Rowlands, "
            "lived nearby. Nerys told the author, \"Cadfael always did the talking.\"")
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Cadfael Ithel Rowlands"] == "father" and found["Ieuan Rowlands"] == "paternal_uncle"


def test_judges_coroners_and_interpreters_are_called_by_their_office(tmp_path: Path) -> None:
    body = ("In passing sentence, Mrs Justice Pennock said the harm was grave. The inquest was opened by HM Senior "
            "Coroner Ottilie Brandreth. The interpreter, Mr Abdiqani Roble, attended each visit.")
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Pennock"] == "Judge 1" and found["Abdiqani Roble"] == "Interpreter 1"
    assert found["Ottilie Brandreth"] == "Coroner 1"


def test_a_man_known_by_two_surnames_is_one_person(tmp_path: Path) -> None:
    body = ("Name\tRelationship\nTerry Kinsella (also known as Terry Vosper)\tMother's partner\n\n"
            "3.4 Mr Kinsella gave his name as Vosper to police. Terry Vosper was arrested in May.")
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Terry Kinsella"] == found["Terry Vosper"] == found["Vosper"] == "Mother's partner"


def test_her_father_after_her_mother_and_her_nickname_is_still_the_child_s(tmp_path: Path) -> None:
    body = ("3.1 Roisin was born in 2001. She lived with her mother, Nuala Brennan (\"Nu\"), and two brothers. "
            "Her father, Declan Furey, lives in Leeds.")
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Declan Furey"] == "father"


def test_a_nickname_ending_a_family_table_s_name_cell_is_that_child(tmp_path: Path) -> None:
    body = "Name\tRelationship\tAge\nMarcus \"Sprout\"\tSon\t9\n\n4.1 Sprout missed school all winter."
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Marcus"] == found["Sprout"]


def test_a_relative_introduced_after_a_titled_surname_is_someone_else(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tAge\nFern Tulley\tSubject\t4\nCarys TULLEY\tMother\t24\n"
        "Bronwen TULLEY\tMaternal aunt\t27\n\n"
        "Fern lived with her mother. Ms Tulley had a new partner.\n\n"
        "Ms Tulley's older sister Bronwen made three calls to police.\n\n"
        "Ms Tulley rang 999 that night. Carys declined to make a statement.\n\n"
        "Ms Tulley comes from a large family; her mother Morwenna is also a patient."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Carys TULLEY"] == found["Carys"] == "Mother"
    assert found["Bronwen"] == "Maternal aunt"
    assert "Maternal aunt rang" not in output and output.count("Mother rang 999") == 1
    assert "Mother's older sister Maternal aunt" in output


def test_the_father_s_cousin_and_the_name_a_mother_prefers(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tAge\nOskar Brandt\tSubject\t2\nLena Brandt\tMother\t30\nJens Brandt\tFather\t33\n"
        "Piet Holm\tFather's cousin, lodger\t27\n\n"
        'Mrs Brandt - she prefers "Lenchen" - met the author twice. From 2012 Jens\'s cousin Piet lived with them. '
        "Stepfather Gary Voss, known to all as Gaz, moved in; her mother \"won't hear nothing against Gaz\"."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Piet Holm"] == found["Piet"] == "Paternal cousin 1"
    assert found["Lenchen"] == found["Lena Brandt"] == "Mother"
    assert found["Gaz"] == found["Gary Voss"]


def test_a_form_s_completed_by_is_not_the_overview_author(tmp_path: Path) -> None:
    body = (
        "Notifying officer: Imelda Fairhurst-Oyo\nTelephone: 01632 960111\n\n"
        "Completed by: I. Fairhurst-Oyo   Date: 05/11/2013"
    )
    plan, output = run(tmp_path, body)
    assert "Fairhurst-Oyo" not in output
    assert not any(e.kept for e in plan.entities if e.label == "PERSON")


def test_the_review_s_named_subject_is_the_child_whatever_age_the_records_gave(tmp_path: Path) -> None:
    body = (
        'In respect of "RAHIM" (Rahimullah Zadran)\n\n'
        "1.1 This review concerns a young Afghan asylum seeker, Rahimullah Zadran, known to everyone as Rahim. "
        "He lived with Mr Sultani and his son Hamid, aged 12.\n\n"
        "1.2 Rahim was assessed as an adult in 2016. Hamid went to school."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Rahimullah Zadran"] == found["Rahim"] == "Child A"
    assert found["Hamid"] != "Child A"


def test_a_woman_whose_daughter_is_named_is_the_mother_though_another_man_s_mother_is_named(tmp_path: Path) -> None:
    body = (
        "Into the death of Danuta Kowal and the serious injuries to her children Zosia and Filip\n\n"
        "1.1 Danuta came to England in 2011 with her daughter Zosia (born 2 August 2009). Zosia started school in "
        "2014. Her former partner Liam Brereton, Filip's father, was arrested. His mother, Glenys Brereton, lives in "
        "Lynn. Filip was born in 2015 and went to nursery."
    )
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Danuta Kowal"] == "mother"
    assert found["Zosia"] == "subject_child"


def test_jobs_said_with_a_place_word_a_year_group_or_an_employer(tmp_path: Path) -> None:
    body = (
        "The youth worker there, Anwar Haddad, raised a concern. On 4 May the Head of Year 9, Miss Oona Frith, "
        "e-mailed the school's lead. Mr Tobias Quarrie of Quarrie & Lund Solicitors wrote twice; Mr Quarrie chased."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Anwar Haddad"] == "Youth Worker 1"
    assert found["Oona Frith"] == "Teacher 1"
    assert found["Tobias Quarrie"] == found["Quarrie"] == "Solicitor 1"


def test_a_role_label_with_an_aside_and_a_surname_spelt_several_ways(tmp_path: Path) -> None:
    body = (
        "Authors: Joan Ollerton-Vaux, Named Nurse; Piers Marchbank, Named Doctor\n\n"
        "Mother's partner (not Amira's father): Rhys Pendry, 29. Half-brother Tudor, aged 4.\n\n"
        "Rhys was minding her. Mr Pendry's name is spelt three ways across the records (\"Pendry\", \"Pendrey\", "
        '"Pendrie"). The referral names the partner as "Rhys Pendrie".\n\n'
        "Signed: J. Ollerton-Vaux\tP. Marchbank\nDate: 22 May 2013"
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Rhys Pendry"] == found["Pendrey"] == found["Pendrie"] == found["Rhys Pendrie"] == "Mother's partner"
    assert "J. Ollerton-Vaux" in found and "P. Marchbank" in found  # two signatures, not one name across the tab


def test_half_siblings_fathers_are_numbered_fathers(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tDOB\nCorin ASHWELL\tSubject\t11/06/2010\nPiotr NOWAK\tSibling\t09/01/2000\n"
        "Marek NOWAK\tFather of Piotr\tnot known\nDean ASHWELL\tFather of Corin\t19/09/1983\n\n"
        "Corin lived with his mother. Marek Nowak returned to Poland. Dean Ashwell declined to meet the author."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert {found["Marek NOWAK"], found["Dean ASHWELL"]} == {"Father 1", "Father 2"}


def test_twins_considered_together_are_both_subjects(tmp_path: Path) -> None:
    body = (
        "Children considered: Ivy and Rose Pellow and their three siblings\n\n"
        "Name\tRelationship\tDOB\nIvy PELLOW\tSubject (twin 1)\t11/06/2010\nRose PELLOW\tSubject (twin 2)\t11/06/2010\n"
        "Tom PELLOW\tSibling\t17/03/2006\n\nIvy was admitted in October. Rose was examined the same night."
    )
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Ivy PELLOW"] == found["Rose PELLOW"] == "subject_child"
    assert found["Tom PELLOW"] == "sibling"


def test_a_man_called_x_is_someone_new_and_mrs_x_senior_is_the_grandmother(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tAge\nIlinca Moraru\tSubject\t2\nDoina Moraru\tMother\t24\nRodica Moraru\tMaternal "
        "grandmother\t52\n\n"
        "10 February 2022\tRT\tPartnership\tMentions an \"older friend\" online called Dorin.\n\n"
        'Ilinca told Ms Moraru about a man called "Dorin" who was 19.\n\nMrs Moraru senior (known to everyone as '
        '"Buni") looked after the children. The loss of Mrs Moraru senior from the household mattered.'
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Dorin"] not in (found["Doina Moraru"], found["Ilinca Moraru"])
    assert found["Buni"] == found["Rodica Moraru"] == "Maternal grandmother"
    senior = [e for e in plan.entities if e.label == "PERSON" and e.pseudonym == "Maternal grandmother"]
    assert sum(m.text == "Moraru" for m in senior[0].mentions) == 2


def test_pet_forms_and_a_pupil_named_after_her_school_are_the_child(tmp_path: Path) -> None:
    body = (
        "This IMR concerns a pupil of the Academy, Loredana Pescaru (referred to below as LP), born in 2005.\n\n"
        "LP joined Year 7 in 2016. A photo was captioned \"my wifey Lory\". (Lory is the name her friends use.)\n\n"
        "Her brother Dariusz Pescaru, the boy everyone called \"Daz\", was 17."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Loredana Pescaru"] == found["LP"] == found["Lory"] == "Child A"
    assert found["Daz"] == found["Dariusz Pescaru"]


def test_two_signatures_joined_by_a_slash_and_an_ambulance_crew_by_title(tmp_path: Path) -> None:
    body = (
        "1.2 Authors: Gwilym Prosser, Named Professional for Safeguarding, and Leonie Achterhof, Named Nurse.\n\n"
        "04:29 DCA on scene: Paramedic Tobias Ekwueme and EMT Liam Harrower (3384).\n\n"
        "Sentenced at Kellingford Youth Court (DJ Ossory).\n\n"
        "Signed: G. Prosser / L. Achterhof    Date: 14 June 2019"
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["G. Prosser"] == found["Gwilym Prosser"] != found["L. Achterhof"] == found["Leonie Achterhof"]
    assert found["Liam Harrower"].startswith("Paramedic") and found["Tobias Ekwueme"].startswith("Paramedic")
    assert found["Ossory"] == "Judge 1"


def test_a_family_table_a_pdf_flattened_into_words(tmp_path: Path) -> None:
    body = (
        "Name Relationship Age Where living Zillah-Rose Lovell subject 8 Plot\n14 Caleb Lovell brother 12 Plot 14 "
        "Tamsin Lovell\nmother 31 Plot 14 Ezra Lovell maternal grandmother 63 Plot 9\n\n"
        "Professionals said that \"you never saw Tamsin without her mother\". Caleb was hiding. Zillah-Rose was 8."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Zillah-Rose Lovell"] == "Child A"
    assert found["Caleb Lovell"] == found["Caleb"] == "Sibling 1"
    assert found["Tamsin Lovell"] == found["Tamsin"] == "Mother"
    assert found["Ezra Lovell"] == "Maternal grandmother"


def test_partner_of_the_sentence_s_subject_and_what_children_call_a_grandmother(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tAge\nRhian Mulvey\tSubject\t9\nCormac Mulvey\tFather\t40\n\n"
        "- Rhian's dad Cormac Mulvey lives Liverpool with partner Aisling Nic Giolla.\n\n"
        "\"They asked Mum, or they asked Nanna Dot. I was right there,\" Rhian said."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Aisling Nic Giolla"] == "Father's partner"
    assert found["Dot"] == "Grandmother"


def test_a_worker_for_a_relative_is_the_worker(tmp_path: Path) -> None:
    body = (
        "Core group set for 26/3.\nHV for baby: Nerys Khatun, tel 01632 960 552.\nSolicitor for the mother: Abel Quist."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Nerys Khatun"] == "Health Visitor 1"
    assert found["Abel Quist"] == "Solicitor 1"


def test_a_case_allocated_to_someone_is_allocated_to_a_social_worker(tmp_path: Path) -> None:
    body = "The referral was passed to the assessment team and allocated to Ebo Quartey. Mr Quartey visited twice."
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Ebo Quartey"] == pseudonyms(plan)["Quartey"] == "Social Worker 1"


def test_a_double_first_name_and_its_first_part_are_two_cousins(tmp_path: Path) -> None:
    body = ("Rose-Ellen Cawley (\"Dottie\") is the subject. Her cousin Rose Cawley, then 15, often minded her.\n"
            "Rose-Ellen was admitted on 3 May 2019. Rose Cawley rang for help. Staff wrote R-E for Rose-Ellen.")
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Rose-Ellen Cawley"] == found["Rose-Ellen"] == found["R-E"]
    assert found["Rose Cawley"] != found["Rose-Ellen Cawley"]


def test_a_nickname_with_big_before_the_first_name_stays_whole(tmp_path: Path) -> None:
    body = ("Seamus Dorran (\"Big Seamus\") is the paternal grandfather. Big Seamus took the children to his trailer. "
            "The record says Big Seamus and Nora sort things out.")
    _, output = run(tmp_path, body)
    assert "Big" not in output.replace("SERIOUS CASE REVIEW", "")


def test_a_community_safety_partnership_s_chair_is_not_the_board_s(tmp_path: Path) -> None:
    body = ("2.3 The independent chair and author, Fenella Rudd, has chaired six reviews. The Board Chair of "
            "Wexmoor Safeguarding Children Board is Professor Idris Wanjiru; the Safer Wexmoor Partnership is "
            "chaired by Councillor Ruth Pellow.")
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Idris Wanjiru"] == "lscb_chair"
    assert roles(plan)["Ruth Pellow"] != "lscb_chair"


def test_a_nickname_a_pronoun_s_sentence_gives_is_the_person_named_before(tmp_path: Path) -> None:
    body = ("2.1 Wiktoria Kowalczyk is Polish and was aged 20 at booking. She is known to everyone, including most "
            "of the staff, as \"Wera\", and signed forms \"Wera K.\". Wera told the midwife she felt safe.")
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Wiktoria Kowalczyk"] == found["Wera"]


def test_a_cot_card_s_mum_and_dad_labels(tmp_path: Path) -> None:
    body = 'The parents were named on the cot card as "Mum - Shannon, Dad - Callum". Shannon visited daily.'
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Shannon"] == "mother" and roles(plan)["Callum"] == "father"


def test_initials_in_brackets_after_a_name_are_not_a_rank(tmp_path: Path) -> None:
    body = ("Present:\nMarlene Osei (MO) - maternal grandmother of Jaden\nDesmond Cole (DC) - Jaden's uncle\n\n"
            "DC said the family had worried since the summer.")
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Desmond Cole"] != "police_officer"
    assert roles(plan)["Marlene Osei"] == "maternal_grandmother"


def test_a_first_name_and_the_initial_of_a_double_barrelled_surname(tmp_path: Path) -> None:
    body = ("The review concerns Tomas Vaitkus-Hale (aged 8), who died in March 2016. Tomas lived with his mother.\n"
            "RESTRICTED - DRAFT v2 - SCR re Tomas V. - Marlvale LSCB Page 1 of 9")
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tomas V."] == found["Tomas Vaitkus-Hale"]


def test_initials_in_brackets_after_a_plural_role_take_the_role(tmp_path: Path) -> None:
    body = ("The author interviewed the two allocated social workers (GW and PH) and their team manager.\n\n"
            "12/03/18 Visit to the flat. Mum not in. Left card. GW\n\n14/03/18 Rang mum. No answer. PH")
    plan, _ = run(tmp_path, body)
    assert roles(plan)["GW"] == roles(plan)["PH"] == "social_worker"


def test_a_family_table_headed_with_the_child_s_name_keeps_the_child_one_person(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns Ilona Costache, who was 13.\n\n4. ILONA AND HER FAMILY\n\n"
        "Name\tRelationship to Ilona\tAge\tWhere living\n"
        "Ilona Costache\tSubject\t13\tFoster care, Brenzett\n"
        "Daniela Costache\tMother\t36\tBrenzett\n\n"
        "4.1 Ilona was born in 2003. Ilona's mother, Daniela Costache, moved to England in 2006. Ilona liked "
        "school. She was in foster care from 2015."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ilona"] == found["Ilona Costache"] == found["ILONA"] == "Child A"
    assert "a family member" not in output
    assert "Foster" not in found  # "Foster care" opening a cell, where the draft says "foster care", names no one
    assert found["Daniela Costache"] == "Mother"


def test_a_row_s_relationship_goes_to_its_name_cell_only(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tAge\tAddress\n"
        "Kayla Quennell\tSubject\t14\tCraddow House, Tolby\n"
        "Wayne Quennell\tFather\t41\tTolby\n\n"
        "Kayla was placed at a private children's home, Craddow House, in 2016. Kayla went missing from Craddow House."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Kayla Quennell"] == "subject_child"
    assert "Craddow House" not in pseudonyms(plan)  # a home, not a second subject child


def test_the_initials_a_running_header_gives_the_review_are_the_child_s(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns Tymon Wendt, aged 7 months. His mother usually called him \"Tymek\". His "
        "grandfather Tadeusz Wendt cared for his sister. Once his sister said \"Lee made Tymek cry\".\n\n"
        "RESTRICTED - Serious Case Review re: TW\nPage 1 of 9\n"
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["TW"] == found["Tymek"] == found["Tymon Wendt"] == "Child A"
    assert "Tymek" not in output


def test_a_sister_in_a_family_list_is_a_sibling_not_a_nursing_sister(tmp_path: Path) -> None:
    body = (
        "Household: Mother Samina Qadeer (DOB 21/06/1984). Sister Zafira Qadeer (DOB 30/01/2008). Subject Ilyas Qadeer "
        "(DOB 04/04/2010).\n14/03/2014\tSchool\tZafira (Reception) attendance 84%.\n"
        "02/05/2014\tSchool\tThe school nurse, Sister Agnes Fothergay, saw Ilyas."
    )
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Zafira Qadeer"] == "sibling"
    assert found["Agnes Fothergay"] == "school_nurse"
    assert "Reception" not in found  # a school year in brackets, no nickname


def test_mrs_x_senior_is_the_grandmother_and_ms_x_the_mother(tmp_path: Path) -> None:
    body = (
        "1.2 Tudor lived with his mother, Ilinca Dobrinescu. Tudor's maternal grandmother, Luminita Dobrinescu, "
        "stayed with the family.\n\n2.4 Ms Dobrinescu met the author twice; Luminita Dobrinescu came once. Mrs "
        "Dobrinescu senior was at home when the health visitor called."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ilinca Dobrinescu"] == "Mother" and found["Luminita Dobrinescu"] == "Maternal grandmother"
    mentions = {(m.text, e.pseudonym) for e in plan.entities for m in e.mentions if m.text == "Dobrinescu"}
    assert mentions == {("Dobrinescu", "Mother"), ("Dobrinescu", "Maternal grandmother")}  # "Ms" and "Mrs ... senior"


def test_a_name_ocr_misread_is_the_same_person(tmp_path: Path) -> None:
    body = (
        "C0NCLUSION 0F THE B0ARD\n\nThe overview author is Dr Ignatius Pelbury. Iggy Quill lived with his mother. "
        "On 3 May Ig gy was seen by Mrs Ottoline Quarrell, his teacher. Mrs Quarre1l spoke to him at the c1ose of "
        "the day. The panel thanks Dr Ignatius Pe1bury, the author."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ig gy"] == found["Iggy Quill"]
    assert found["Quarre1l"] == found["Ottoline Quarrell"]
    assert "Ignatius Pe1bury" in output  # the named author, misread, is still the author


def test_a_nickname_said_after_a_child_s_relative_is_the_relative_s(tmp_path: Path) -> None:
    body = (
        "1.1 Ebun Quarrell was 11 weeks old. Her mother Ottoline Quarrell (known as \"Otto\") was 18.\n\n"
        "4.2 Ottoline has a half-sister also called Ottoline (Ottoline Pelbury, 14), Ebun's half-aunt. The family "
        "calls her \"Little Otto\". Ebun was seen by the midwife."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ebun Quarrell"] == found["Ebun"] != found["Ottoline Quarrell"]
    assert found["Little Otto"] != found["Ebun"]


def test_a_run_together_table_s_next_heading_is_no_surname(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns Ebun Quarrell, aged ten.\n\n"
        "Name Known in the family as Relationship to Ebun Age in March 2014\n\n"
        "3.1 Ebun went to stay with her cousin. Ebun was seen by the school nurse."
    )
    plan, _ = run(tmp_path, body)
    assert {e.pseudonym for e in plan.entities if e.label == "PERSON" and "Ebun" in e.texts} == {"Child A"}


def test_he_was_called_a_nickname_is_the_man_the_paragraph_named(tmp_path: Path) -> None:
    body = (
        "4.4 Mr Ignatius Pelbury was 31. He worked for a scaffolding firm. He was called \"Tank\" by the mother. "
        "\"Tank\" appears twice in the children's records."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tank"] == found["Ignatius Pelbury"]


def test_the_boyfriend_s_mother_is_no_mother_of_the_child(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns Ebun Quarrell (Child E), who was 15 when she died. She lived with her mother, "
        "Ottoline Quarrell.\n\n4.4 Tobias Pelbury was 17 when Ebun met him. His family came to the town in 2014. "
        "He lived with his mother Lok Yee Pelbury and his older brother Ignatius Pelbury (20)."
    )
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Ottoline Quarrell"] == "mother"
    assert found["Lok Yee Pelbury"] not in ("mother", "grandmother") and found["Ignatius Pelbury"] != "sibling"


def test_a_chronology_s_key_letter_is_the_person_it_names(tmp_path: Path) -> None:
    body = (
        "Key: H = subject child (Hester, dob 19/06/2012); T = half-brother Tobiah (5 yrs); M = mother.\n\n"
        "02/07/2012\tHealth visiting\tHV visit. H well. T off school.\n"
        "03/09/2012\tEducation\tTobiah told the teacher that H cried. T was seen alone."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["H"] == found["Hester"] != found["T"] == found["Tobiah"]


def test_a_child_s_initials_from_a_first_name_and_a_family_surname_are_the_child_s(tmp_path: Path) -> None:
    body = (
        "1.1 Ebun and Hester share a father, Tobiah Pelbury. Their mother is Ottoline Quill.\n\n"
        "3.5 Ebun was doing most of the caring. His teacher wrote that EP was \"tired\" and Ebun slept in class."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["EP"] == found["Ebun"] != found["Hester"]


def test_a_nickname_the_draft_introduces_is_the_same_person_even_with_a_surname_initial(tmp_path: Path) -> None:
    plan, _ = run(tmp_path, 'The school knew Tobiah Quellski (known to everyone at school as "Iggy") from 2021. '
                            'Iggy lived with his mother. Some entries are under "Iggy Q" (a duplicate record).')
    names = pseudonyms(plan)
    assert names["Iggy"] == names["Iggy Q"] == names["Tobiah Quellski"]


def test_a_two_word_given_name_its_joined_spelling_and_a_work_name_are_one_woman(tmp_path: Path) -> None:
    plan, _ = run(tmp_path, "Into the deaths of Lok Yee Pheng (aged 34) and her son Ebun (aged 6).\n\nLok Yee was 34. "
                            'The GP record had "Lokyee Pheng". At work she used the name "Mabel". Her sister Lok Sze '
                            "Pheng rang. Lok Sze cried.")
    names = pseudonyms(plan)
    assert names["Lok Yee Pheng"] == names["Lokyee Pheng"] == names["Mabel"] == names["Lok Yee"]
    assert names["Lok Sze Pheng"] == names["Lok Sze"] != names["Lok Yee Pheng"]


def test_a_titled_surname_two_women_share_goes_to_the_one_its_brackets_name(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship to Ebun\tAge\nEbun Quill\tsubject\t7 months\nHester Pelbury\tmother\t23 years\n\n"
        "3.2 Ebun's mother, Hester, grew up nearby. Her own mother, Agatha Pelbury, lives in town.\n\n"
        "6.11 Contact would be supervised by Ms Pelbury (the maternal grandmother). Hester agreed.\n\n"
        "6.12 Ms Pelbury (Hester) told the author she did not understand."
    )
    _, published = run(tmp_path, body)
    assert "supervised by Maternal grandmother" in published
    assert "6.12 Mother" in published


def test_a_key_entry_s_quoted_nickname_after_a_birth_date_is_the_same_person(tmp_path: Path) -> None:
    plan, _ = run(tmp_path, 'KEY\nTQ   - Tobiah Quill, dob 23/09/2010 ("DJ")\nOQ - Ottoline Quill (mum)\n\n'
                            "04/02/2013 OQ said DJ was upset. DJ attends nursery. Tobiah is 2.")
    names = pseudonyms(plan)
    assert names["DJ"] == names["Tobiah Quill"] == names["Tobiah"]


def test_letters_a_child_goes_by_are_no_barrister_s(tmp_path: Path) -> None:
    plan, _ = run(tmp_path, 'KEY\nTQ   - Tobiah Quill, dob 23/09/2010 ("QC")\nOQ - Ottoline Quill (mum)\n\n'
                            "04/02/2013 OQ said QC was upset. QC attends nursery.")
    assert roles(plan)["QC"] != "counsel"
    assert pseudonyms(plan)["QC"] == pseudonyms(plan)["Tobiah Quill"]


def test_a_woman_met_first_by_title_and_two_surnames_keeps_her_first_name(tmp_path: Path) -> None:
    body = ("1.3 Both parents were told. Ms Quill Pelbury (Ebun's mother) met the author twice.\n\n"
            "3.1 Hester Quill Pelbury was aged 27 when Ebun died.\n\n3.3 Hester and Tobiah met in 2012.")
    plan, _ = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Hester"] == names["Hester Quill Pelbury"] == names["Quill Pelbury"]


def test_people_present_at_a_strategy_discussion_keep_their_jobs_roles(tmp_path: Path) -> None:
    body = ("STRATEGY DISCUSSION - MINUTES\n\nPRESENT\nHester Quill (HQ) - Team Manager, Assessment Team, CSC (Chair)\n"
            "Tobiah Pelbury (TP) - Social Worker, Assessment Team, CSC\nAgatha Quarrell (AQ) - Health Visitor, 0-19 "
            "Service\n\n1. REASON\nAQ reported a bruise. TP will visit today.")
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Tobiah Pelbury"] == "social_worker"
    assert roles(plan)["Agatha Quarrell"] == "health_visitor"


def test_a_review_of_twins_named_after_a_comma_makes_both_subject_children(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns twin girls, Ebun Quill and Agatha Quill, who were born on 9 February 2014 and who "
        "were aged 3. Their mother is Hester Quill. Ebun was found alone. Agatha was asleep.\n"
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Ebun Quill"] == roles(plan)["Agatha Quill"] == "subject_child"


def test_a_role_in_brackets_after_a_quoted_alias_is_the_person_s(tmp_path: Path) -> None:
    body = (
        "Subject child: QUILL, Ebun DOB 01/02/2016\n\nSubjects referred to:\n"
        'PELBURY, Tobiah Iggy aka "Sparky" (mother\'s partner, not father of child) DOB 03/04/1991\n\n'
        "Sparky kicked the door in. PELBURY was arrested.\n"
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Sparky"] == "Mother's partner"


def test_the_child_a_letter_is_about_is_the_subject(tmp_path: Path) -> None:
    body = (
        "Dear Ms Pelbury,\n\nRe: Ebun-Rose Quillan (DOB 08.01.2009), Year 2 - Serious Case Review\n\n"
        "Thank you for your letter. Paragraph 5.7 says Ebun was absent.\n"
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Ebun-Rose Quillan"] == "subject_child"


def test_nicknames_others_call_a_child_and_an_alias_the_draft_identifies(tmp_path: Path) -> None:
    body = (
        "About Tobiah Tobiah Quill (date of birth 11/03/2006) came into care aged 13 when his mother,\n"
        "Hester Quill, could no longer keep him safe at home. He has two younger half-sisters\n"
        'who live with their grandmother. Staff called him "Iggy"; on the line he was known\n'
        'as "Sparky". Officers found the "Anvil" line. "Anvil" is believed to be Ignatius Pelbury-Quell, then '
        "aged 19.\n"
    )
    plan, _ = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Iggy"] == names["Sparky"] == names["Tobiah Quill"]
    assert names["Anvil"] == names["Ignatius Pelbury-Quell"]


def test_initials_with_a_hyphenated_surname_s_letters_are_the_person_s(tmp_path: Path) -> None:
    body = (
        "Rapid Review: E Q-P\n\nThe child, Ebun Quill-Pelbury, was 15 months old. Ebun was taken to hospital.\n"
        "Rapid Review: E Q-P\n"
    )
    plan, _ = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["E Q-P"] == names["Ebun Quill-Pelbury"]


def test_children_the_draft_gives_letters_in_its_family_table_are_each_a_subject(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns the children of one household (Children A, B and C).\n\n"
        "Name\tRelationship\tAge\nDorcas Quill\tMother\t31\nTobiah Quill\tChild A\t13\nMabel Pelbury\tChild B\t9\n"
        "Ignatius Pelbury\tChild C\t4\n\n"
        "1.2 Tobiah was often late. Mabel missed school. Ignatius was scalded in 2015."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert (found["Tobiah"], found["Mabel"], found["Ignatius"]) == ("Child A", "Child B", "Child C")


def test_an_age_after_an_article_is_someone_new_not_the_name_before_it(tmp_path: Path) -> None:
    body = (
        "Ebun Quill, aged 15, went missing again. A car was stopped in July with Tobiah Pelbury driving and a 14 "
        "year old girl in the back. Tobiah Pelbury was interviewed later."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Tobiah Pelbury"] not in ("subject_child", "child", "sibling")


def test_a_nickname_for_someone_unnamed_is_not_the_officer_s(tmp_path: Path) -> None:
    body = (
        "PCSO 4939 Ignatius Smithers found Ebun Quill at the bus station with two older males. PCSO Smithers told "
        'the author that one of the men was "older, smart jacket" and that Ebun called him "Quil". He did not '
        'submit a log.\n\nEbun later said "Quil buys me stuff".'
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Quil"] != found["Ignatius Smithers"]


def test_relations_said_through_a_titled_surname_a_family_shares_and_parents_with_ages(tmp_path: Path) -> None:
    body = (
        "Ebun's parents are Dorcas Quill (aged 23) and Tobiah Pelbury (aged 27). Ebun Quill was born in 2012.\n\n"
        "Mrs Quill's brother, Ignatius Smithers, often interpreted. Friends and family call Mr Pelbury's brother "
        "Tolulope Pelbury by his first name. Mrs Quill went to her priest, Father Hester, for advice."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Dorcas Quill"] == "Mother" and found["Tobiah Pelbury"] == "Father"
    assert found["Ignatius Smithers"] == "Maternal uncle"
    assert not found["Hester"].startswith("Father")


def test_a_nickname_said_without_quotes_is_the_person_s(tmp_path: Path) -> None:
    body = (
        "Ebun Quill lived with her father, Ignatius Pelbury. Mr Pelbury was born in Ostlebury and moved to England in "
        "2008. Friends and family call him Iggs. Iggs worked nights."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Iggs"] == found["Ignatius Pelbury"] == "Father"


def test_a_household_list_gives_each_relation_to_the_name_in_brackets_after_it(tmp_path: Path) -> None:
    body = (
        "- The house was shared: Ebun, mum (Dorcas), dad (Tobiah), big brother Ignatius (aged 15) and baby Mabel.\n"
        "- Ebun started at Quellbrook Primary School in April 2016. Dorcas worked early shifts.\n"
        "- Ebun was later placed with her grandmother (Nain Agatha)."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ebun"] == "Child A"
    assert found["Dorcas"] == "Mother" and found["Tobiah"] == "Father"
    assert found["Agatha"] == "Grandmother"



def test_a_mother_named_with_her_children_and_her_own_mother_who_shares_the_surname(tmp_path: Path) -> None:
    body = (
        "Officers attended 4 Tarn Road, the home of Dorcas Quill (aged 24) and her two children, Tobiah (aged 6) "
        "and Mabel (aged 2). Ms Quill opened the door. Mabel was in a cot.\n\n"
        "The next call came from Ms Quill's mother, Mrs Hester Quill, who said Mabel was crying. Ms Quill was "
        "arrested later. Mabel died in hospital."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Dorcas Quill"] == found["Quill"] == "Mother"
    assert found["Mabel"] == "Child A" and found["Tobiah"] == "Sibling 1"
    assert found["Hester Quill"] == "Maternal grandmother"


def test_parents_of_someone_else_say_nothing_of_the_child_named_after_them(tmp_path: Path) -> None:
    body = (
        "Mabel Quill (aged 4) lived with her mother Dorcas Quill and her stepfather Anvil Quellode. Mr and Mrs "
        "Quellode senior, the stepfather's parents, often cared for Mabel."
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Mabel Quill"] == "Child A"


def test_the_child_the_draft_s_own_label_names_is_the_subject_whatever_its_letter(tmp_path: Path) -> None:
    body = (
        "SCR Child H (Ebun Quill) - DRAFT\n\n5.1 Child H is Ebun Quill, aged 12. She lived with her mother, Dorcas "
        "Quill, and her younger brother and sister, Tobiah (aged 7) and Hester (aged 4). Ebun cared for Hester."
    )
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Ebun Quill"] == "subject_child"
    assert found["Hester"] == found["Tobiah"] == "sibling"


def test_names_the_draft_says_are_one_person_s_spellings_or_records(tmp_path: Path) -> None:
    body = (
        "4.1 Ebun's name appears in agency records in at least three forms. Social care used \"Ebun Quill\". The "
        "GP and the police used \"Ebunmi Quellow\". Her older brother is recorded as Ignatius Quill by the school "
        "and as Ignatius Quell by the police.\n\n4.2 Ebun, aged 15, was seen. Ebunmi Quellow attended the "
        "emergency department. The police log records the child's name as \"EBUN QUIL\"."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ebun Quill"] == found["Ebunmi Quellow"] == found["EBUN QUIL"] == "Child A"
    assert found["Ignatius Quill"] == found["Ignatius Quell"]


def test_a_job_ending_a_sentence_is_no_title_of_the_next_name(tmp_path: Path) -> None:
    body = (
        "Ms Quill had a care coordinator, Tobiah Pelbury, a community psychiatric nurse. Ebun was referred to the "
        "school nurse by her teacher. Ebun Quill, aged 12, was seen."
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Ebun Quill"] == "Child A"


def test_relatives_said_in_ways_a_minute_or_a_record_says_them(tmp_path: Path) -> None:
    body = (
        "Mabel Quill, aged 3, was admitted. The family was visited by Dr Tobiah Pelbury with the AMHP, Ignatius "
        "Smithers. Dorcas Quill met the author. She would like the review to use her son's name, Augustus (aged 2), "
        "too. "
        "Screenshots were provided by Ms Quill's brother, Anvil \"Andy\" Quill. Andy said he was worried.\n\n"
        "Griselda Quellode-Pelbury, the lodger, was arrested. Later Ms Quellode-\nPelbury denied it."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ignatius Smithers"] == "Social Worker 1"
    assert found["Dorcas Quill"] == "Mother"
    assert found["Andy"] == found["Anvil"]
    assert found["Quellode-\nPelbury"] == found["Griselda Quellode-Pelbury"]


def test_a_titled_surname_is_the_uncle_not_the_cousin_at_school(tmp_path: Path) -> None:
    body = (
        "Ebun Quill was 12. Her mother's brother, Ignatius Quellode, lives nearby. Two of the cousins, Tobiah "
        "Quellode (aged 13) and Mabel Pelbury, attended school with Ebun. Mr Quellode worked nights. The decision "
        "rested on a call with Ignatius Quellode."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Quellode"] == found["Ignatius Quellode"] != found["Tobiah Quellode"]


def test_women_who_share_a_surname_are_told_apart_by_their_titles(tmp_path: Path) -> None:
    body = (
        "Ebun (aged 2) lived with her mother Dorcas Quill and her half-sister Hester Quill (aged 16).\n\n"
        "Dorcas Quill met Tobiah Pelbury in 2010. Ms Quill kept her own surname.\n\n"
        "Her grandmother, Agatha Quill, childminded her. Mrs Quill was registered in 2009.\n\n"
        "Hester Quill helped. Miss Quill brought Ebun to surgery in May.\n\nIn June Mrs Quill rang 999."
    )
    _, output = run(tmp_path, body)
    assert "Mother kept her own surname" in output
    assert "In June Grandmother rang" in output or "In June Maternal grandmother rang" in output
    assert "Sibling 1 brought Child A" in output


def test_a_long_bracket_after_a_name_gives_the_relation_after_a_nickname_and_initials(tmp_path: Path) -> None:
    body = (
        "2. After first mention the family are called by initials: Dorcas Quill (DQ, mother), Tobiah Pelbury "
        '(known as "Iggs"; TP, Ebun\'s father and DQ\'s on/off partner, a Ghanaian national who works nights), '
        "Ignatius Quill (IQ, maternal half-brother, aged 6).\n\n3. Ebun Quill-Pelbury was born in 2012. TP left."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tobiah Pelbury"] == found["TP"] == found["Iggs"] == "Father"


def test_a_name_others_knew_someone_by_is_that_person_s(tmp_path: Path) -> None:
    body = (
        "Ebun Quill (aged 2) lived with her mother. The mother's partner, Tobiah Pelbury, worked at a depot. "
        'Co-workers knew him as "Tobs". Tobs left in May.'
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tobs"] == found["Tobiah Pelbury"]


def test_a_panel_member_s_firm_in_a_role_and_agency_column_is_published(tmp_path: Path) -> None:
    """The guidance publishes every panel member's job title and employing organisation, one column or two."""
    body = (
        "2.1 Panel members and their agencies are below.\n\nName\tRole and agency\n"
        "Augustus Smithers\tIndependent Chair of the SCR Panel\n"
        "Hester Pelbury\tIndependent Overview Author, Quellmoor Reviews Ltd\n\n"
        "3.1 Ebun Quill, aged 15, attended Tarnfields Academy. Hester Pelbury wrote this summary."
    )
    _, output = run(tmp_path, body)
    assert "Independent Overview Author, Quellmoor Reviews Ltd" in output
    assert "Tarnfields Academy" not in output


def test_a_street_name_a_group_gives_and_a_nickname_with_an_s_are_the_child_s(tmp_path: Path) -> None:
    body = (
        "3.1 Ignatius Quill was born in 2002 and was 14 at the time. His mother told the author she had no idea "
        '"what Nates was getting into". Two older men used him: Tobiah Pelbury, known as "Anvil". '
        'The group called Ignatius "Lanky Q".\n\n3.2 Ignatius was found at the station.'
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ignatius Quill"] == found["Nates"] == found["Lanky Q"] != found["Tobiah Pelbury"]
    assert "Nates" not in output and "Lanky" not in output


def test_a_couple_named_by_one_surname_is_two_people(tmp_path: Path) -> None:
    """"Mr and Mrs Quill" names the husband too: not "Mr and Mother", which reads as if "Mr" were someone."""
    body = (
        "Ebun Quill (aged 4) lived with her mother Dorcas Quill and her father Tobiah Quill. Mr and Mrs Quill "
        "separated in 2019. Mr Quill kept contact. The foster carers, Mr and Mrs Pelbury, cared for Ebun."
    )
    _, output = run(tmp_path, body)
    assert "Father and Mother separated" in output
    assert "Mr and" not in output and "Pelbury" not in output
    assert re.search(r"The foster carers, [\w ]+ 1 and her husband, cared", output)


def test_a_nickname_in_brackets_after_an_adverb_and_two_quoted_names_joined_by_or(tmp_path: Path) -> None:
    body = (
        'Ignatius Quill, aged 14, (always "Iggy" in school) joined in Year 7. Iggy talked about an older lad called '
        '"Anvil" or "Tarnboss" who "looks after" him. Iggy was seen with Anvil.'
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ignatius Quill"] == found["Iggy"] != found["Anvil"] == found["Tarnboss"]



def test_a_joint_homicide_review_s_adult_subject_is_the_child_s_mother(tmp_path: Path) -> None:
    """A domestic homicide review run jointly with the LSCB: the woman killed, aged 38, is the subject of the review
    but no child; the family table gives each relation to her, so her mother is the child's grandmother."""
    body = (
        "SAFER QUELLSHIRE PARTNERSHIP\nDOMESTIC HOMICIDE REVIEW\nOverview Report into the death of Dorcas Quill\n"
        "Conducted jointly with the Quellshire Local Safeguarding Children Board\n\n"
        "1.1 This review looks at the contact agencies had with Dorcas Quill, who was killed at her home in 2019. "
        "She was aged 38.\n\n1.2 Dorcas's daughter Ebun, then aged 15, was in the house.\n\n"
        "1.3 The panel offers condolences to Ebun, to Dorcas's mother Hester Pelbury and to her brother Tobiah.\n\n"
        "Name\tRelationship to Dorcas\tAge\tEthnicity\n"
        "Dorcas (Dorry) Quill\tSubject of the review\t38\tWhite British\n"
        "Ebun Quill\tDaughter\t15\tWhite British\n"
        "Ignatius Quill\tEx-husband, Ebun's father\t41\tWhite British\n"
        "Hester Pelbury\tMother\t63\tWhite British\n"
        "Tobiah Pelbury\tBrother\t35\tWhite British\n"
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Dorcas Quill"] == "Mother" and found["Ebun"] == "Child A"
    assert found["Hester Pelbury"] == "Maternal grandmother" and found["Tobiah Pelbury"] == "Maternal uncle"
    assert found["Ignatius Quill"] == "Father"
    assert "Mother\tSubject of the review" in output  # "Dorcas (Dorry) Quill" as one name, not "Mother (Mother) Mother"


def test_a_name_its_nickname_and_its_surname_are_one_change(tmp_path: Path) -> None:
    body = (
        'Ebun Quill, aged 4, lived with her mother Dorcas ("Dorry") Quill and her brother Ignatius (Iggy) Quill, '
        "aged 9. "
        "Ignatius (Iggy) Quill's school was Tarnfields."
    )
    _, output = run(tmp_path, body)
    assert "lived with her mother and her brother Sibling 1, aged 9" in output
    assert "Sibling 1's school" in output and "(" not in output.split("Child A")[-1]


def test_names_the_family_uses_are_the_named_person_s(tmp_path: Path) -> None:
    body = (
        "Ebun Quill, aged 2, lived with her mother Dorcas Quill. Her father, Tobiah Pelbury, was convicted in 2015. "
        "His brother, known in the family as Iggy, helped with Ebun.\n\n"
        "Ebun stayed with her paternal grandmother, Agatha Pelbury, in Tarnmoor. The children call her Nana Aggs and "
        'to her Ebun is "Ebunmi".'
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Iggy"] == "Paternal uncle"
    assert found["Aggs"] == found["Agatha Pelbury"] == "Paternal grandmother"
    assert found["Ebunmi"] == found["Ebun Quill"] == "Child A"


def test_the_baby_born_after_the_mother_s_pregnancy_is_a_sibling(tmp_path: Path) -> None:
    body = (
        "This review concerns Ebun Quill, aged 2, who lived with her mother Dorcas Quill. Ebun was often unwell.\n\n"
        "Ms Quill became pregnant again in 2015. Mabel was born "
        "on 7 October 2016 at Quellbridge General Hospital. The nurse saw Mabel in May."
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Mabel"] == "Sibling 1"


def test_a_saint_s_school_keeps_no_possessive(tmp_path: Path) -> None:
    body = "Ebun Quill, aged 15, attended St Hester's Catholic Academy. At St Hester's Ebun was described as quiet."
    _, output = run(tmp_path, body)
    assert "At School 1 Child A was described" in output


def test_a_scan_s_misreading_is_read_as_the_name_the_draft_writes_most() -> None:
    """Of two spellings of one length ("Queliode" a scan's misreading of "Quellode"), the one written most is the
    name, whatever order a set gives them in: the plan is the same in every process."""
    from redact.detect.ocr import as_meant

    written = ["Ms Queliode", "Ms Quellode", "Ms Quellode", "Dorcas Quellode"]
    assert as_meant("Queliode", written) == as_meant("Quellode", written) == "Quellode"


def test_a_nickname_in_single_quotes_in_brackets_is_the_named_man_s(tmp_path: Path) -> None:
    body = (
        "Ebun Quill, aged 4, lived with her father Tobiah Quill. Tobiah moved into his father's bungalow. "
        "Mr Ignatius Quill ('Iggs' to his friends at church) was widowed in 2018. Iggs had a heart condition."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Iggs"] == found["Ignatius Quill"] != found["Tobiah Quill"]


def test_mr_x_whose_father_the_draft_names_is_not_that_father(tmp_path: Path) -> None:
    """ "Mr Quill's father, Ignatius Quill" says who Mr Quill is not, though the draft titles the father "Mr" too."""
    body = (
        "1.1 Police found the children and their father, Tobiah Quill, dead in the garage. The Coroner concluded "
        "that Mr Quill unlawfully killed both children, Ebun Quill (aged 6) and Mabel Quill (aged 4).\n\n"
        "1.2 Their mother, Dorcas Pelbury, had separated from Mr Quill. Mr Quill's father, Ignatius Quill, met the "
        "author.\n\n5.2 Tobiah moved into the bungalow of his father, Mr Ignatius Quill, in 2020."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Quill"] == found["Tobiah Quill"] == "Father"  # "Mr Quill", its title outside the mention
    assert found["Ignatius Quill"] == "Paternal grandfather"


def test_an_apposition_after_an_age_in_brackets_gives_the_role(tmp_path: Path) -> None:
    """ "X (aged 31), the maternal uncle," reads past the bracket as past initials: an age is no role."""
    body = (
        "Ebun Quill, aged 4, lived with her mother Dorcas Quill. Augustus Pelbury (aged 31), the maternal uncle, "
        "visited often. Hester Pelbury (DOB 03/04/1961), the maternal grandmother, babysat. Augustus said little."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Augustus Pelbury"] == found["Augustus"] == "Maternal uncle"
    assert found["Hester Pelbury"] == "Maternal grandmother"


def test_a_bare_age_in_brackets_after_a_name_says_child_or_adult(tmp_path: Path) -> None:
    """A household list's "Ebun (4)" is a child and "Tobiah Quarrell (30)" an adult, as "aged 4" and "aged 30"."""
    body = "The household comprised Dorcas Quill (mother, 27), Ebun (4), and Tobiah Quarrell (30)."
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ebun"] == "Child A"
    assert found["Tobiah Quarrell"].startswith("Adult")


def test_letters_the_draft_gives_one_man_do_not_join_another_with_those_initials(tmp_path: Path) -> None:
    """ 'Ignatius Pelbury, known as "OQ"' beside an author Ottoline Quarrell: the letters are the young man's."""
    body = (
        "Overview author: Ottoline Quarrell\n\n"
        'Ebun Quill, aged 15, met older boys at the unit, among them Ignatius Pelbury, known as "OQ". '
        "Ebun was stabbed in 2016."
    )
    plan, out = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ignatius Pelbury"] == found["OQ"] != found.get("Ottoline Quarrell")
    assert "Ottoline Quarrell" in out and '"OQ"' not in out


def test_twins_the_draft_labels_are_children_and_their_nicknames_theirs(tmp_path: Path) -> None:
    body = (
        '1.1 Twin 2 (Mabel, known in the family as "Mabs") was taken by her parents to hospital. Her brother, '
        'Twin 1 (Tobiah, "Tobes"), was examined the next day.\n\n'
        "2.1 Dorcas Quarrell (née Pelbury) was 21 years old when the twins were born. She left school at 16 and "
        "worked until she was 30 weeks pregnant.\n\n"
        "2.2 Dorcas's parents, Augustus and Hester Pelbury, have been a constant in her life."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert {found["Mabel"], found["Tobiah"]} == {"Child A", "Child B"}
    assert found["Tobes"] == found["Tobiah"] and found["Mabs"] == found["Mabel"]
    assert found["Dorcas Quarrell"] == "Mother"
    assert found["Augustus"] == "Maternal grandfather"
    assert found["Hester Pelbury"] == "Maternal grandmother"


def test_his_mother_opening_a_sentence_about_a_soldier_is_not_the_childs(tmp_path: Path) -> None:
    body = (
        "Ebun Quill, aged 2 months, lived with her mother, Dorcas Quill. Tobiah Quill joined the Army in 2009. "
        "He is a corporal. His mother, Hester Quill, lives abroad.\n\nMr Quill stayed in barracks. LCpl Quill "
        "had no welfare flags; Captain Agatha Smithers said so."
    )
    plan, out = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Hester Quill"] != "Mother" and found["Dorcas Quill"] == "Mother"
    assert "Captain" not in out and "LCpl" not in out


def test_a_school_imr_gives_the_child_and_the_staff_their_roles(tmp_path: Path) -> None:
    """The child of a record's "Name:" line with a date of birth under it, who joined the school in Y1; a sibling
    by a label with a colon; staff by their jobs in brackets and by "Miss X's class"; the title's "CHILD D"."""
    draft = tmp_path / "imr.txt"
    draft.write_text(
        'INDIVIDUAL MANAGEMENT REVIEW - SERIOUS CASE REVIEW "CHILD D"\n\n1. Child details\n'
        'Name: Tobiah QUARRELL (known as "Tobs")\nDOB: 14/02/2006\n'
        "Sibling in school: Ebun Quarrell, Reception (Miss Pelbury's class)\n\n"
        "2. Scope\nTobiah joined Tarnmoor in Y1 in 2011. I interviewed Mr Smithers (Deputy Head and DSL) and "
        "Hester (TA in 3K). In 2013 Tobiah was admitted to hospital.\n",
        encoding="utf-8",
    )
    document = ingest(draft)
    plan = resolve(document, detector().detect(document), ReportConfig())
    found = pseudonyms(plan)
    assert found["Tobiah QUARRELL"] == found["Tobiah"] == "Child D"
    assert found["Ebun Quarrell"] == "Sibling 1"
    assert {found["Pelbury"], found["Smithers"], found["Hester"]} == {"Teacher 1", "Teacher 2", "Teacher 3"}


def test_the_man_who_wrote_the_report_is_its_author_and_a_letters_reference_names_the_children(
    tmp_path: Path,
) -> None:
    body = (
        "Our ref: LR/2016/03 - Learning review, Ebun and Mabel Quill\n\nDear Hester,\n\nThank you for meeting "
        "Augustus Smithers in August. I know from Augustus that it was hard. The panel was chaired by Agatha "
        "Pelbury. Mr Smithers wrote the report. You are caring for Ebun and Mabel full time."
    )
    plan, out = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Augustus Smithers"] is None and "Mr Smithers wrote the report" in out
    assert {found["Ebun"], found["Mabel Quill"]} == {"Child A", "Child B"}


def test_a_markdown_key_gives_a_nicknamed_grandmother_her_role_and_an_agency_column_gives_jobs(
    tmp_path: Path,
) -> None:
    body = (
        "## Key to family members\n\n- **Ebun Quill** - subject child, born 07/06/2017\n- **Dorcas Quill** - mother\n"
        '- **Hester "Hetty" Quill** - maternal grandmother\n\n'
        "| No. | Date | Agency | Practitioner | Event |\n|---|---|---|---|---|\n"
        "| 1 | 23/06/2017 | HV | Agatha Smithers | New birth visit. Dorcas well. |\n"
        "| 2 | 07/09/2017 | CSC (MASH) | Lottie Pelbury, MASH manager | Notification screened. |\n"
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Hetty"] == found["Hester"] == "Maternal grandmother"
    assert found["Agatha Smithers"] == "Health Visitor 1"
    assert found["Lottie Pelbury"] == "Social Worker 1"


def test_an_adult_sister_keeps_her_married_title(tmp_path: Path) -> None:
    """ "Mrs Smithers" is the older sister "now aged 26", not an adult of the family split from a child."""
    body = (
        "Ebun Quill was 17 when she died. Ebun's older sister, Agatha (\"Aggs\") Smithers, now aged 26 and living "
        "with her husband, has spoken for the family. Mrs Smithers said that everybody saw bits of it."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Smithers"] == found["Aggs"] == "Sibling 1"


def test_a_fire_officer_by_rank_and_by_its_letters_is_one_firefighter(tmp_path: Path) -> None:
    body = (
        "Ebun Quill, aged 7, died after a house fire. Watch Manager Augustus Smithers fitted two alarms in 2011. "
        "WM Smithers did not record whether anyone appeared to be drinking."
    )
    plan, out = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Augustus Smithers"] == found["Smithers"] == "Firefighter 1"
    assert "WM" not in out and "Watch Manager" not in out


def test_an_imrs_own_author_on_a_labelled_line_is_no_panel_member(tmp_path: Path) -> None:
    body = (
        "INDIVIDUAL MANAGEMENT REVIEW - PRIMARY CARE\nFor the SCR Panel (chair Agatha Pelbury) and the overview "
        "author, Dr Augustus Smithers\nIMR author: Dr T. Quellode, GP partner and practice safeguarding lead\n\n"
        "1. Ebun Quill, aged 9 months, was seen by Dr T. Quellode in December."
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["T. Quellode"] == "GP 1"


def test_a_former_surname_is_dropped_with_its_brackets_and_a_bracketed_short_form_is_its_body(tmp_path: Path) -> None:
    body = (
        "Ebun Quill, aged 2, lived with her mother. Dorcas Quill (née Pelbury) was 21 years old when Ebun was born. "
        "Her partner served in 1st Battalion, The Royal Quellshire Regiment (1 R QUELLSHIRE), based at Tarnmoor. "
        "The 1 R QUELLSHIRE welfare office was not told."
    )
    plan, out = run(tmp_path, body)
    assert "Mother was 21 years old" in out and "née" not in out
    orgs = {e.pseudonym for e in plan.entities if e.label == "ORGANISATION"}
    assert len(orgs) == 1


def test_a_police_records_subjects_give_roles_past_the_birth_date_and_a_nickname_in_quotes(tmp_path: Path) -> None:
    body = (
        "1.2 Subjects (as recorded on force systems):\n   QUARRELL, Ebun   DOB 15/09/2011\n"
        "   PELBURY, Dorcas   DOB 14/05/1992   (mother)\n"
        '   NATES, Tobiah Augustus "Tobs"   DOB 24/09/1988   (mother\'s partner, not the father)\n\n'
        "2.1 PNC shows Mr Nates was convicted in 2009. Tobs was arrested in 2012. Ms Pelbury was at the hospital."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["PELBURY, Dorcas"] == found["Pelbury"] == "Mother"
    assert found["NATES, Tobiah Augustus"] == found["Tobs"] == found["Nates"] == "Mother's partner"


def test_initials_a_son_shares_go_to_the_one_the_key_calls_mother(tmp_path: Path) -> None:
    body = (
        "Subject: QUARRELL, Ebun   DOB 12/09/2020\nSibling: QUARRELL, Kip   DOB 05/04/2016\n"
        "Mother: QUARRELL, Katrin   DOB 21/02/1994\n\n"
        "Family members appear as KQ (mother), EQ, KQi (Kip, to avoid confusion with mother).\n\n"
        "15/09/2020\tHV\tSeen KQ, EQ and KQi. KQ tearful.\n17/01/2022\tSN\tKQi (aged 5) hungry."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["KQ"] == found["QUARRELL, Katrin"] == "Mother"
    assert found["KQi"] == found["QUARRELL, Kip"] == "Sibling 1"


def test_a_running_headers_review_letters_before_the_childs_name_and_a_home_called_a_lodge(tmp_path: Path) -> None:
    body = (
        "1.1 Ebunola Quarrell, aged 16, died at Quellmoor Lodge, a children's home. Her independent reviewing "
        "officer, Hester Pelbury, visited twice.\n\nRESTRICTED - SCR EBUNOLA - OVERVIEW DRAFT 4"
    )
    plan, out = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["EBUNOLA"] == found["Ebunola Quarrell"] == "Child A"
    assert found["Hester Pelbury"] == "Social Worker 1"
    assert "Quellmoor" not in out


def test_a_mum_named_in_brackets_with_her_nickname_and_children_by_their_birth_dates(tmp_path: Path) -> None:
    body = (
        "Re: Ebun QUILL (DOB 04/03/2018), Tobiah Quill (DOB 21/07/2014)\nDate: 13 October 2018\n\n"
        'Ebun has dropped below the 2nd centile. Mum (Dorcas, "Dorry") said she is back at work. Tobiah started '
        "Reception this month."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Dorcas"] == found["Dorry"] == "Mother"
    assert found["Tobiah Quill"] in ("Child B", "Sibling 1")


def test_a_staff_list_after_a_sentence_about_the_panel_is_no_panel_but_a_numbered_membership_list_is(
    tmp_path: Path,
) -> None:
    body = (
        "3. STAFF WHO KNEW EBUN\nThe school has agreed with the review panel that staff are referred to by first "
        "name and role, as that is how Ebun knew them.\n\n- Hester - Head of Year 9, deputy DSL\n"
        "- Mabel - form tutor, 9F2\n\n4. WHAT THE SCHOOL KNEW\n\n" + "Ebun's attendance fell in the spring term. " * 8
        + "\n\n6. MEMBERSHIP\n\nThe panel met six times. Members were:\n\n1. Agatha Pelbury\n"
        "Head of Safeguarding and Quality Assurance\nOstlebury County Council\n\n2. Tobiah Smithers\n"
        "Designated Nurse for Safeguarding Children\nOstlebury Clinical Commissioning Group\n"
    )
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Hester"] == found["Mabel"] == "teacher"
    assert found["Agatha Pelbury"] == found["Tobiah Smithers"] == "panel_member"


def test_a_joint_homicide_reviews_victim_is_the_childrens_mother_not_child_a(tmp_path: Path) -> None:
    body = (
        "DOMESTIC HOMICIDE REVIEW (conducted jointly with a Serious Case Review)\n\nInto the death of Ottoline "
        "Quellode\n\n1.1 Ottoline was killed by her partner, Augustus Smithers, on 4 May 2021. Ottoline was 34 "
        "years old.\n\n1.2 Her two children were in the flat. Algerina, then aged 11, rang 999; her sister Mabel, "
        "aged 6, was found by officers. Algerina Quellode was known at school as \"Algy Quellode\".\n\n"
        "1.3 The panel thanks Ottoline's mother, Mrs Dorcas Quellode, and her sister Hester."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ottoline Quellode"] == "Mother"
    assert found["Algerina Quellode"] == found["Algy Quellode"] == "Child A"
    assert found["Dorcas Quellode"] == "Maternal grandmother"


def test_a_review_label_ending_a_sentence_is_no_initial_of_the_name_after_it(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns the death of Mabel Quellode, known in this summary as Child Q. Mabel died on "
        "3 March 2016. Her mother, Hester Pelbury, is Irish. Her father, Augustus Quellode (\"Gus\"), is "
        "Scottish. Mr Quellode declined to meet the author."
    )
    plan, out = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Mabel"] == found["Mabel Quellode"] == "Child A"  # "Child Q" gives the family's initial
    assert found["Augustus Quellode"] == "Father"
    assert "Child A. Child A died" in out


def test_a_chronology_rows_agency_is_no_job_and_a_run_on_forms_label_ends_a_wrapped_line(tmp_path: Path) -> None:
    body = (
        "Subject: Ebun Quarrell DOB 14/05/2016 NHS No 512 377 1234 Mother: Ottoline Quill (OQ) Father:\n"
        "Tobiah Quarrell (TQ) Sibling: Mabel Quill aged 4 Address: Flat 2, 61 Quell Row, Ostlebury\n"
        "12/02/2016 GP Mother attended with Ebun, chesty cough.\n"
        "04/03/2016 GP Mr Quarrell seen by Dr Smithers, \"stress\". No enquiry about the children.\n"
        "18/04/2016 HV Ms Dorcas Knotley completes the review at home.\n"
        "03/10/2016 Education DSL (Mr Ignatius Knotley) phoned MASH about bruising.\n"
    )
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Tobiah Quarrell"] == "father"
    assert found["Ignatius Knotley"] == "teacher"
    assert found["Dorcas Knotley"] == "health_visitor"


def test_foster_carers_and_a_childminder_are_named_by_what_they_do(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship to E\tAge\nEbun Quarrell\tSubject\t7 months\nHester Quarrell\tMother\t17\n"
        "Dorcas Knotley\tFoster carer\t-\nAugustus Knotley\tFoster carer\t-\n\n"
        "5.4 Mr and Mrs Knotley are experienced carers. Ebun went to a registered childminder, Mrs Agatha Pelbury, "
        "three days a week."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert {found["Dorcas Knotley"], found["Augustus Knotley"]} == {"Foster Carer 1", "Foster Carer 2"}
    assert found["Agatha Pelbury"] == "Childminder 1"


def test_a_family_name_first_in_a_table_is_the_aunt_not_the_mother_of_that_given_name(tmp_path: Path) -> None:
    body = (
        "3.1 Ebun lives with her aunt, Siu Ling, since her mother, Siu Mei Quan, was arrested.\n\n"
        "Name\tRelationship\tAge\nEbun QUAN\tSubject\t9\nSiu Mei QUAN\tMother\t38\nQUAN Siu Ling\tMaternal aunt\t35\n\n"
        "3.2 Siu Ling met the author twice."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["QUAN Siu Ling"] == found["Siu Ling"] != found["Siu Mei Quan"]


def test_a_baby_label_on_the_title_page_is_the_childs_pseudonym(tmp_path: Path) -> None:
    body = "In respect of Baby Q (Tobiah Pelbury)\n\n1.1 Tobiah was 7 months old when Q was injured."
    plan, published = run(tmp_path, body)
    assert pseudonyms(plan)["Tobiah"] == "Baby Q"
    assert "when Q was injured" in published  # the label's own letter, no initial of the child's


@pytest.mark.parametrize(
    ("label", "child", "expected"),
    [("Baby Q", "Quellin Pelbury", "Baby A"), ("Child P", "Quellin Pelbury", "Child A"),
     ("Child A", "Agatha Quill", "Child B")],
)
def test_a_label_that_is_the_childs_initial_is_replaced_everywhere(
    tmp_path: Path, label: str, child: str, expected: str
) -> None:
    """The letter narrows who the child was: the label, its capitals in a running header and the letter alone all
    become a label whose letter is no initial of the child's names."""
    letter = label[-1]
    body = (
        f"In respect of {label} ({child})\n\n1.1 When {letter} was at home {child.split()[0]} was injured. "
        f"{letter}'s mother took {letter} to hospital. Appendix {letter} lists the agencies.\n\n"
        f"SCR {label.upper()} - RESTRICTED"
    )
    plan, published = run(tmp_path, body)
    assert pseudonyms(plan)[child.split()[0]] == expected
    assert f"When {expected} was at home" in published and f"{expected}'s mother took {expected}" in published
    assert f"Appendix {letter} lists" in published and f"SCR {expected.upper()} - RESTRICTED" in published
    assert any("an initial of the child's names" in warning for warning in plan.warnings)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ebun went to experienced foster carers, Augustus and Dorcas Knotley, in Quellbury.",
        "On 4 May 2015 Ebun was placed with Augustus and Dorcas Knotley, 12 Quell Close, Quellbury.",
        "The foster carers are Augustus Knotley and Dorcas Knotley, approved in 2009.",
    ],
)
def test_a_childs_carers_named_as_a_pair_are_both_foster_carers(tmp_path: Path, sentence: str) -> None:
    plan, _ = run(tmp_path, "1.1 Ebun Quarrell, aged 13, came into care. " + sentence)
    by_first_name = {text.split()[0]: role for text, role in roles(plan).items()}
    assert by_first_name["Augustus"] == by_first_name["Dorcas"] == "foster_carer"


def test_her_daughter_makes_his_partner_the_mother(tmp_path: Path) -> None:
    body = (
        "1.1 The household was Augustus Quarrell (dob 02/06/1979), his partner Ottoline Pelbury (dob 17/08/1986) "
        "and her daughter Ebun (aged 9). Ms Pelbury rang the police twice."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Ottoline Pelbury"] == "mother"


def test_a_baby_said_to_be_months_old_is_no_parent_whatever_a_list_seems_to_say(tmp_path: Path) -> None:
    body = (
        "1.1 This review follows the death of Ignatius Quarrell, who died aged 10 months.\n\n"
        "3.1 Ignatius lived with his mother, Ottoline Quarrell, his father Augustus Quarrell and his sister Mabel. "
        "One bedroom was used by a lodger; the parents, Mabel and Ignatius used the other.\n\n"
        "4.1 On 3 May 2012 Ignatius, then 6 months old, was seen by the GP."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Ignatius"] == "subject_child"


MINUTES = (
    "Quellshire Local Safeguarding Children Board\n\nPresent\n"
    "Ottoline Quill (OQ)\tIndependent Panel Chair\tIndependent\n"
    "Quellin Hoxley (QH)\tIndependent Overview Author\tIndependent\n"
    "Perdita Quarrell (PQ)\tNamed Nurse, Safeguarding Children\tQuellshire Community Health Services\n"
    "Apologies\nDr Ottoline Nates, Designated Doctor, NHS Quellshire\n"
    "Agatha Quarrell, Housing Options Manager, Quellshire Homes (sent written update)\n\n"
    "1. Health (PQ). Health visitor Lottie Tarnwick saw Dorcas and Ebun four times in 2011. No interpreter was "
    "booked for the last contact; Tobiah, then aged 8, interpreted for his mother.\n\n"
    "2. QH met Dorcas on 8 June. Ebun and Tobiah are now with foster carers.\n\n"
    '3. PQ asked that the first draft uses initials for the children. QH prefers "Ebun" and "Tobiah" as agreed '
    "with Dorcas."
)


def test_minutes_name_the_children_apart_from_the_panel_and_its_author(tmp_path: Path) -> None:
    plan, _ = run(tmp_path, MINUTES)
    found, people = pseudonyms(plan), roles(plan)
    assert people["Tobiah"] not in ("panel_member", "author")  # a ";" is no panel list's item before his name
    assert found["Ebun"] != found["Quellin Hoxley"] and found["Ebun"] is not None  # her preference, not her name
    assert len({e.pseudonym for e in plan.entities if "Ebun" in e.texts}) == 1  # one child, one pseudonym
    assert not any("Quellshire" in text for text in people)  # the board's area, not a person's name


def test_a_child_also_recorded_under_another_surname_in_brackets_is_one_child(tmp_path: Path) -> None:
    body = (
        "Serious Case Review in respect of Tobiah QUARRELL (also recorded as Tobiah KNOTLEY)\n\n"
        "1.1 Tobiah was 2 when he drank methadone. Police systems held him as KNOTLEY and the school as Quarrell."
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Tobiah QUARRELL"] == pseudonyms(plan)["Tobiah KNOTLEY"] == "Child A"


def test_a_relation_before_a_short_name_keeps_it_from_a_longer_name_of_the_other_gender(tmp_path: Path) -> None:
    body = (
        "1.1 Ebun lives with her mother, Shanelle Quarrell, and her father Augustus Pelbury. Mr Pelbury's brother "
        "Shanto lives three doors away. Ms Quarrell said uncle Shanto helps with the stairs."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Shanto"] != found["Shanelle Quarrell"]


@pytest.mark.parametrize(
    ("sentence", "name", "pseudonym"),
    [
        ("She was seen by Bertilde Quill, counsellor, in November. Bertie Quill told the author.",
         "Bertie Quill", "Counsellor 1"),
        ("A triage call by Tobiah Knotley, primary mental health worker, on 5 March.", "Tobiah Knotley",
         "CAMHS Practitioner 1"),
        ("The occupational therapist, Dorcas Pelbury, visited twice.", "Dorcas Pelbury", "Occupational Therapist 1"),
    ],
)
def test_therapists_and_counsellors_are_named_by_their_job(
    tmp_path: Path, sentence: str, name: str, pseudonym: str
) -> None:
    plan, _ = run(tmp_path, "1.1 Ebun Quarrell, aged 15, lived with her mother. " + sentence)
    assert pseudonyms(plan)[name] == pseudonym


def test_a_child_called_by_the_first_two_letters_of_his_name_in_a_quotation(tmp_path: Path) -> None:
    body = (
        "1.1 Quellin Quarrell was 6 when he died. Quellin lived with his mother and his sister Mabel.\n\n"
        '4.8 Mabel told her class teacher that "Qu doesn\'t get up any more".'
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Qu"] == found["Quellin Quarrell"] == "Child A"


def test_a_mother_with_a_job_and_her_own_mother_called_the_grandmother(tmp_path: Path) -> None:
    body = (
        "Concerning Ebunola (died 19 January 2018, aged 27) and her son Tobiah (aged 19 months)\n\n"
        "1.1 Police were called to the home of Ebunola Wyn Quarrell. Ebunola was found with stab wounds. Her son "
        "Tobiah, then 19 months old, had a fractured skull.\n\n"
        "3.1 Ebunola was a teaching assistant at a primary school. Her mother, Dorcas Quarrell, lives nearby.\n\n"
        "4.7 On 11 September 2017 Mrs Quarrell (the grandmother) had gone to the police."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Ebunola Wyn Quarrell"] == found["Ebunola"] == "Mother"
    assert found["Dorcas Quarrell"] == "Maternal grandmother"
    assert found["Quarrell"] in ("Maternal grandmother", "Grandmother")  # the grandmother, not her daughter


def test_the_children_the_opening_lists_are_each_a_subject_child(tmp_path: Path) -> None:
    body = (
        "1.1 This review is about five brothers and sisters who lived with neglect. The children are Tobiah (known "
        "as Tobs), Ebunola (Ebun), Ignatius, Mabel and Dorcas. In 2018 they were aged 14, 12, 9, 7 and 3.\n\n"
        "2.1 Their mother, Agatha Nates, took part in the review. Mabel told her teacher she was hungry."
    )
    found = roles(run(tmp_path, body)[0])
    assert {found[name] for name in ("Tobiah", "Ebunola", "Ignatius", "Mabel", "Dorcas")} == {"subject_child"}


def test_a_first_name_with_its_initials_in_brackets_is_no_detective_sergeant(tmp_path: Path) -> None:
    body = "Review in respect of Dorcas (DS)\n\n1.1 Dorcas was 10 weeks old. Dorcas lived with her mother."
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Dorcas"] == "Child A"


def test_a_hyphenated_given_name_written_with_a_space_is_the_same_name(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\nQUAN, Siu Ling\tMother\nQUAN, Tobiah\tSubject\n\n"
        "2.1 Tobiah lived with his mother, Siu-Ling. Siu Ling told the GP she was tired."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Siu-Ling"] == found["Siu Ling"] == "Mother"


def test_a_numbered_place_takes_no_article(tmp_path: Path) -> None:
    body = (
        "Mother took the baby to the Quellbury Royal Infirmary on 3 May 2019. The Quellbury Royal Infirmary "
        "discharged him. His sister attended the Tarnwick Academy and the family went to the Quellgate Baptist "
        "Church. They lived in the Quellbury area."
    )
    _, output = run(tmp_path, body)
    assert "took the baby to Hospital 1 in May 2019. Hospital 1 discharged him." in output
    assert "attended School 1 and the family went to Place of Worship 1." in output
    assert "in the Town A area" in output  # a town's pseudonym keeps the article its noun phrase needs


def test_a_family_written_into_a_header_table_and_a_sentence_of_parents(tmp_path: Path) -> None:
    """A key and its value in a tab-typed header table ("Mother<TAB>NAME"), parents named with their ages, a
    grandmother listed before another relative, a nurse by her old title, and a mother whose first name is also a
    small town abroad."""
    body = (
        "Child\tTobiah QUELLODE\nMother\tNida PELBURY (NHS no. 487 330 0002)\n\n"
        "2.1 Tobiah is the first child of Nida Pelbury (aged 22) and Augustus Quellode (aged 27). Nida came to "
        "England in 2013. The family live with Mr Quellode's mother Hester Quellode, his father (who is unwell), "
        "and his brothers.\n\n4.1 The ward sister, Dorcas Knotley (Band 7), read the notes. Sister Knotley then "
        "rang the police. The midwife saw Nida alone once. Mrs Hester Quellode stayed in the room."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Nida Pelbury"] == found["Nida"] == "Mother"
    assert found["Augustus Quellode"] == "Father"
    assert found["Hester Quellode"] == "Paternal grandmother"
    assert "Mrs Paternal grandmother stayed" not in output and "Paternal grandmother stayed" in output
    assert found["Dorcas Knotley"] == "Nurse 1"
    assert not any(e.label == "LOCATION" for e in plan.entities)


def test_a_place_s_short_name_is_the_place_whatever_detection_called_it(tmp_path: Path) -> None:
    body = (
        "Ebun attended St Quellin's Primary School from 2010. Could you chase the head at St Quellin's? She was "
        "registered with Quell Bank Medical Practice."
    )
    _, output = run(tmp_path, body)
    assert "attended School 1 from 2010. Could you chase the head at School 1?" in output


def test_a_bare_surname_is_not_the_baby_who_shares_it(tmp_path: Path) -> None:
    """A family table gives the baby's age in months; "Quellode did not reply" is the mother's partner, not him."""
    body = (
        "Name\tRelationship\tAge\nEbun Pelbury\tSubject\t7 yrs\nTobiah Quellode\tHalf-brother\t8 mths\n"
        "Augustus Quellode\tMother's partner\t30\n\n2.4 The family were invited to take part. Quellode did not reply."
    )
    plan, output = run(tmp_path, body)
    assert pseudonyms(plan)["Augustus Quellode"] == "Mother's partner"
    assert "Mother's partner did not reply" in output


def test_a_chronology_s_one_letter_for_the_child_is_the_child(tmp_path: Path) -> None:
    """A log writes the child by the first letter of her name: "Q moves to ...", "Q's phone". The letter is
    hers wherever it stands, but a label's letter ("Appendix Q") and a case name ("Q v Pelbury") are not."""
    body = (
        "Quellin Pelbury (Child D) was born in 2003.\n\n"
        "Date\tAgency\tEvent\n"
        "01/02/13\tPlacement\tQ moves to Tarnwick House.\n"
        "04/02/13\tPolice\tQ found in a car near the station.\n"
        "06/02/13\tSchool\tTeacher noted Q's phone had new contacts. Worker trusted Q and saw her weekly.\n\n"
        "See Appendix Q and Q v Pelbury for the background."
    )
    plan, output = run(tmp_path, body)
    assert pseudonyms(plan)["Q"] == pseudonyms(plan)["Quellin Pelbury"]
    assert "Q moves" not in output and "Q found" not in output and "Q's phone" not in output
    assert "trusted Q " not in output
    assert "Appendix Q and Q v" in output


def test_a_nickname_quoted_before_the_name_in_brackets_is_that_child(tmp_path: Path) -> None:
    """ '"LOTTIE" (Charlotte Pelbury)' in a title; then "Her own mother, Lottie's maternal grandmother Dorcas":
    Lottie owns the relation after her name and is no one's mother."""
    body = (
        '"LOTTIE" (Charlotte Pelbury) AND HER MOTHER\n\n1.1 Charlotte (aged 7) lived with her mother Agatha '
        "Pelbury. Lottie drew a picture for the reviewer. Agatha worked nights. Her own mother, Lottie's maternal "
        "grandmother Dorcas, stayed with them in 2022."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Lottie"] == found["Charlotte Pelbury"] == "Child A"
    assert found["Dorcas"] == "Maternal grandmother"


def test_an_age_in_the_next_cell_is_the_row_s_person_s_not_a_name_inside_a_cell(tmp_path: Path) -> None:
    body = (
        "Tobiah Quill was 15 when he was stabbed.\n\nName\tRole\tAge\n"
        "Augustus Smithers\tRecruited TQ\taged 19\n\n1.1 Tobiah lived with his mother, Mabel Quill."
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Mabel Quill"] == "Mother"


def test_a_titled_surname_is_not_the_relative_a_pronoun_brings_in_after_it(tmp_path: Path) -> None:
    """ "Ms Quill ... She ... Her own mother, Dorcas Quill": Ms Quill is the mother, Dorcas the grandmother (the
    pronoun chain reaches back past two sentences)."""
    body = (
        "1.1 This IMR covers Ebun Quill (aged 3) and his mother Mabel Quill.\n\n2.1 Ms Quill has been registered "
        "here since childhood. Her record shows alcohol misuse. She was under the alcohol service in 2014. Her "
        "own mother, Dorcas Quill, is also a patient."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Mabel Quill"] == found["Quill"] == "Mother"
    assert found["Dorcas Quill"] == "Maternal grandmother"


def test_a_chronology_s_worker_is_not_the_person_the_next_cell_says_was_seen(tmp_path: Path) -> None:
    body = (
        "I interviewed Dr Hester Knotley (KQ) and practice nurse Agatha Tarnwick (AT).\n\n"
        "Date\tClinician\tContact\tSummary\n04/05/2016\tKQ\tMother, face to face\tLow mood.\n"
        "19/01/2016\tAT\tChild imms\tImms given.\n"
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Hester Knotley"] != "mother"


def test_a_barrel_of_a_double_surname_after_a_man_s_title_is_that_man(tmp_path: Path) -> None:
    body = (
        "Ebun Quill-Pelbury (aged 2) lived with her father Tobiah Quill-Pelbury and her aunt Mabel Quill. "
        'Records call him "Mr Quill" and "Mr Pelbury".'
    )
    plan, output = run(tmp_path, body)
    assert pseudonyms(plan)["Tobiah Quill-Pelbury"] == "Father"
    assert 'Records call him "Father" and "Father".' in output


def test_a_nickname_in_a_family_table_row_and_mr_surname_senior(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tAge\tNotes\nEbun Quill\tSubject\t9 months\t-\nTobiah Quill\tFather\t26\t"
        'Known as "Gus"\nAugustus Quill\tPaternal grandfather\t58\t-\n\n2.1 Gus worked in the family shop. '
        "Mr Quill senior was almost always the person who answered the door."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Gus"] == found["Tobiah Quill"] == "Father"
    assert "shop. Paternal grandfather senior was almost always" in output


def test_a_day_of_the_week_goes_with_the_day_of_the_month(tmp_path: Path) -> None:
    body = "On the evening of Saturday 7 March 2015 Ebun Quill was at a party. He died on Sunday, 8 March 2015."
    _, output = run(tmp_path, body)
    assert "evening of March 2015 " in output and "died in March 2015." in output


def test_a_relative_who_interpreted_keeps_the_family_role_and_a_child_who_did_is_a_child(tmp_path: Path) -> None:
    body = (
        "3.1 Ebun Quellode (aged 1) is the second child of Mabel Pelbury (aged 24) and Tobiah Quellode (aged 31). "
        "Tobiah interpreted at the new birth visit."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Tobiah Quellode"] == "father"
    body = (
        "4.1 Augustus Smithers (aged 15) went missing eleven times. Augustus interpreted for his own mother. "
        "His mother, Dorcas Smithers, reported him missing every time."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Augustus Smithers"] != "interpreter"
    assert pseudonyms(plan)["Dorcas Smithers"] == "Mother"


def test_a_polish_diminutive_is_the_child_s_name(tmp_path: Path) -> None:
    body = "Bronisława Quellode (aged 14) lived with her mother. Everyone called her Bronia. Bronia was bright."
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Bronia"] == found["Bronisława Quellode"]


def test_ms_surname_of_a_child_is_the_mother_the_draft_names_by_first_name_alone(tmp_path: Path) -> None:
    body = (
        "1.1 Lottie Quarrell (aged 14) lived at home. Her mother Mabel and her father Augustus Quarrell met the "
        "author. "
        "Ms Quarrell then moved to Tarnwick with Lottie. Mabel worked nights."
    )
    plan, output = run(tmp_path, body)
    assert pseudonyms(plan)["Mabel"] == "Mother"
    assert "Mother then moved to Town A with Child A" in output or "Mother then moved to" in output


def test_mr_and_a_barrel_of_a_boy_s_double_surname_is_not_the_boy(tmp_path: Path) -> None:
    body = (
        "Name\tRole\tDOB\nQUELLODE, Mabel\tMother\t11/07/1999\nTobiah Quellode-Pelbury\tSubject\t02/02/2019\n\n"
        "2.1 Driver PELBURY. Mr PELBURY was arrested."
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan).get("PELBURY") != pseudonyms(plan)["Tobiah Quellode-Pelbury"]


def test_ms_and_mrs_of_one_surname_are_the_mother_and_the_grandmother(tmp_path: Path) -> None:
    body = (
        "3.1 Ebun (aged 4 months) lives with his mother Mabel Quellode and his sister. His maternal grandmother, "
        "Dorcas Quellode, came from abroad to help.\n\n4.1 Ms Quellode needed an interpreter. She relied on her "
        "mother, and Mabel cried when Mrs Quellode went home."
    )
    plan, output = run(tmp_path, body)
    assert "Mother needed an interpreter" in output and "Maternal grandmother went home" in output


def test_a_job_s_visit_by_a_name_gives_the_name_that_job(tmp_path: Path) -> None:
    body = (
        "| When | Agency | What |\n|---|---|---|\n| June 2020 | Adult Social Care | OT assessment by Ignatius "
        "Tarnwick; commode supplied. |\n\n4.1 Mr Tarnwick told the review he assumed an adult did the night transfers."
    )
    plan, _ = run(tmp_path, body)
    assert pseudonyms(plan)["Ignatius Tarnwick"] == "Occupational Therapist 1"


def test_initials_the_review_s_label_gives_are_the_child_s_though_the_father_shares_them(tmp_path: Path) -> None:
    body = (
        "Serious Case Review: Child TQ\n\n1.1 This IMR covers Tobiah QUILL, aged 13, who lived on the Pelbury estate "
        "with his mother, Hester Quill. His father, Tarquin Quill, lived in Quellbury. A log read \"lad off Pelbury "
        "called Tobiah\". Tobiah was stabbed behind the Pelbury garages.\n\nSCR Child TQ - DRAFT v0.3"
    )
    plan, published = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["TQ"] == found["Tobiah QUILL"] == found["Tobiah"] != found["Tarquin Quill"]
    assert "Pelbury" not in found  # the estate, alone too
    assert "Review: Child A\n" in published and "SCR Child A - DRAFT" in published


def test_mr_surname_is_the_father_introduced_before_not_a_grandfather_titled_later(tmp_path: Path) -> None:
    body = (
        "1.1 Ebun Quellode, aged 2, died in 2013. She lived with her father, Tobiah Quellode, and his family. Her "
        "mother was convicted. Her childminder was Dorcas Knotley. Mr Quellode was acquitted. Mr Quellode called Mrs "
        "Knotley \"Auntie\". Mr Quellode declined to take part. His brother, Ignatius "
        "Smithers Quellode (known in council records as \"Mr I. Smithers\"), owns the house. Mr Smithers did not "
        "act.\n\nName\tRelationship\tAge\nSalvatore Quellode\tPaternal grandfather\t66\n\n6.1 The imam spoke to "
        "Mr Salvatore Quellode as an elder."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Quellode"] == found["Tobiah Quellode"] == "Father" != found["Knotley"]
    assert found["Ignatius Smithers Quellode"] == found["I. Smithers"] == found["Smithers"] == "Paternal uncle"
    assert found["Salvatore Quellode"] == "Paternal grandfather"


def test_a_couple_after_their_role_and_place_and_a_family_by_its_plural_name(tmp_path: Path) -> None:
    body = (
        "1.1 Ebun Quill was 15. He lived with foster carers in Tarnwick, Mr and Mrs Knotley, for four years. Dorcas "
        "Knotley managed his medicines. He stayed with the Knotleys after he turned 18. The sleep-in worker that "
        "night, Hester Pelbury, was covering two schemes."
    )
    plan, published = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Knotley"] == found["Dorcas Knotley"] == found["Knotleys"] == "Foster Carer 1"
    assert found["Hester Pelbury"] == "Support Worker 1"
    assert "stayed with the family after" in published


def test_letters_before_a_quoted_street_name_are_a_man_s_initials_not_a_job(tmp_path: Path) -> None:
    body = (
        "4.1 A man introduced her to TM (\"Quellie\"), who drove for both businesses. The car was registered to TM. "
        "No check was made on him.\n\n4.2 Later \"Quellie\" was arrested."
    )
    plan, published = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["TM"] == found["Quellie"] and found["TM"].startswith("Adult")
    assert "registered to TM" not in published


def test_a_key_of_initials_and_a_father_and_son_of_one_name(tmp_path: Path) -> None:
    """Letters that spell the name after them in a key are initials, not a midwife's or a detective's; "snr" and
    "jnr", "Big" and "Young" make two people of one name."""
    body = (
        "KEY TO INITIALS\nMW     Mabel Wren, mother\nTQ     Tobiah Quill snr, father. Known as \"Big Tobs\"\n"
        "YT     Tobiah Quill jnr (\"Young Tobs\"), DOB 03/02/2005\n"
        "BI     \"Big Ignatius\" Quill, paternal uncle\n"
        "DS     Dorcas Smithers, Team Manager\n\nCASE NOTES\n14/01/14 Home visit. MW says the meter is empty. "
        "Young Tobs not in school. Big Tobs \"had words\" with the warden.\n04/02/14 Supervision with DS. "
        "Threshold not met. DS asked for a chronology.\n28/07/14 Young Tobs placed with Big Ignatius and his wife."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Mabel Wren"] == found["MW"] == "Mother"
    assert found["Big Tobs"] == "Father" != found["Young Tobs"]
    assert found["Young Tobs"] == found["YT"] and not found["Young Tobs"].startswith("Adult")
    assert found["Big Ignatius"] == "Paternal uncle"
    assert "Threshold" not in found  # "with DS. Threshold not met": the letters end the sentence
    assert found["DS"] == found["Dorcas Smithers"] == "Team Manager 1"


def test_staff_an_imr_interviewed_are_no_panel_and_the_overview_author_is_kept(tmp_path: Path) -> None:
    """A title page's "Draft v3 for panel" does not make the staff list an IMR leads in with its own sentence a
    panel; "the overview report will be written by X" names the review's author, though the draft is an IMR."""
    body = (
        "INDIVIDUAL MANAGEMENT REVIEW - Quellbury Hospitals NHS Foundation Trust\n\nDraft v3 for panel, 12 December "
        "2016.\n\n1.1 This is the Trust's IMR for the serious case review concerning Ebun Quill. The panel is chaired "
        "by Hester Pelbury and the overview report will be written by Augustus Knotley. The author interviewed the "
        "following staff (initials are used below):\n\n- Staff Nurse Mabel Wren (MW), ED triage nurse\n\n- Dr Tobiah "
        "Smithers (TS), Foundation Year 2 doctor, ED\n\n2. CHRONOLOGY\n\nMW triaged Ebun. TS saw her."
    )
    plan, _ = run(tmp_path, body, title="INDIVIDUAL MANAGEMENT REVIEW")
    found = roles(plan)
    assert found["Mabel Wren"] == "nurse" and found["Tobiah Smithers"] == "doctor"
    assert found["Augustus Knotley"] == "author" and found["Hester Pelbury"] == "panel_chair"


def test_a_domestic_homicide_review_that_mentions_a_children_s_board_reviews_the_woman_who_died(
    tmp_path: Path,
) -> None:
    body = (
        "In respect of Mabel Quill de Castro, who died on 9 November 2013\n\n1. INTRODUCTION\n\n1.1 This review "
        "concerns the death of Mabel Quill de Castro (\"Mab\" to her friends at work), who was aged 29. Mabel was "
        "killed by her partner, Tobiah Pelbury. Their son Ebun, then 3, was in the flat. Agatha Smithers, a nurse, "
        "saw Mab twice.\n\n1.5 Because a child was present, the Local Safeguarding Children Board was notified."
    )
    plan, _ = run(tmp_path, body, title="DOMESTIC HOMICIDE REVIEW")
    found = pseudonyms(plan)
    assert found["Mabel Quill de Castro"] == found["Mab"] == "Adult A"  # "Mab" is hers, whoever else it shortens
    assert found["Ebun"] == "Child A" and found["Agatha Smithers"] != "Adult A"


def test_an_alias_across_a_line_pasted_text_wrapped(tmp_path: Path) -> None:
    body = (
        "4.1 In September 2014 Ebun and a friend went to a takeaway. A man who worked there, TQ, then aged 32, known to"
        "\nthe girls as \"Smithy\", gave them free food. Her phone showed one number saved under \"Smithy\". TQ "
        "introduced her to other men."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["TQ"] == found["Smithy"]


def test_a_nickname_in_the_next_table_cell_is_changed_in_its_own_cell(tmp_path: Path) -> None:
    body = (
        "Name\tKnown as\tRelationship\nQUILL, Ebun\t\"Ebby\"\tSubject\nQUILL, Tobiah\t\"Tobs\"\tFather\n\n"
        "3.1 Ebun lived with her father, Tobiah Quill."
    )
    published = run(tmp_path, body)[1]
    assert "Father\t\"Father\"\tFather" in published  # three cells still: the table's columns do not shift


def test_a_kept_author_whose_hyphenated_surname_a_pdf_broke_at_its_hyphen(tmp_path: Path) -> None:
    body = (
        "1.1 This practice review was written by Ruth Quill-Pelbury, independent reviewer, and the panel was chaired "
        "by Hester Smithers. The review thanks the family for their help with it. It was written by Ruth Quill-"
        "\nPelbury over six months."
    )
    plan, published = run(tmp_path, body)
    assert roles(plan)["Ruth Quill-Pelbury"] == "author"
    assert "Ruth Quill-\nPelbury over" in published  # kept as written, not "Adult 1"


def test_a_family_table_whose_cells_a_pasted_pdf_ran_together(tmp_path: Path) -> None:
    body = (
        "2.1 The family:\nName Relationship Notes\nEbun Quill subject - aged 16\n"
        "Hester Quill mother - little English\n"
        "Tobiah Quill father - owns a car wash\nIgnatius Quill paternal uncle - the family's elder\n\n"
        "3.1 Hester speaks Kurdish. Ignatius arranged the visit."
    )
    found = roles(run(tmp_path, body)[0])
    assert found["Hester Quill"] == "mother" and found["Tobiah Quill"] == "father"
    assert found["Ignatius Quill"] == "paternal_uncle"


def test_a_nickname_in_the_next_cell_of_a_markdown_table_is_that_row_s(tmp_path: Path) -> None:
    body = (
        "| Name on record | Known as | Relationship |\n|---|---|---|\n| QUILL, Ebun | \"Ebby\" | Subject |\n"
        "| QUILL, Augustus | \"Smudge\" | Father |\n\n3.1 Ebun lived with her father, Augustus Quill."
    )
    found = pseudonyms(run_markdown(tmp_path, body))
    assert found["Smudge"] == found["QUILL, Augustus"] == "Father"


def test_role_words_that_end_a_wrapped_line_say_who_the_name_on_the_next_is(tmp_path: Path) -> None:
    body = (
        "2.1 Ebun was born on 11 March 2015 at the Quellbury General Hospital in Tarnwick. Her father,\nLance "
        "Corporal Tobiah Quill, is a serving soldier and joined the Army in 2010; he served abroad."
    )
    published = run(tmp_path, body)[1]
    assert "Her father is a serving soldier" in published  # not "Her father,<LINE>Father, is"


def test_a_name_and_her_former_surname_after_her_role_go_with_both_commas(tmp_path: Path) -> None:
    body = "1.1 Ebun Quill was born in 2014. Her mother, Dorcas Quill (née Pelbury), is a nurse."
    published = run(tmp_path, body)[1]
    assert "Her mother is a nurse" in published  # not "Her mother, is a nurse"


def test_children_the_review_numbers_under_one_letter_are_each_its_subject(tmp_path: Path) -> None:
    """ "Child Q1" to "Child Q3", or "(Q2)" after a name in the family table: each child the review is about is
    "Child A", "Child B", ...; "the Q children" and "Ms Q" are the review's own letter, no one's name."""
    body = (
        "1.1 The children are referred to as \"the Q children\" and as Child Q1, Child Q2 and Child Q3. Their "
        "parents are referred to as Ms Q and Mr Q.\n\n"
        "Hester Quill (Q1)\tDaughter\t11 years\nAugustus Quill (Q2)\tSon\t8 years\n"
        "Mabel Quill (Q3)\tDaughter\t5 years\n\n"
        "2.1 Hester cared for Augustus and Mabel. Their mother, Dorcas Pelbury, was unwell."
    )
    plan, published = run(tmp_path, body)
    found = pseudonyms(plan)
    assert [found["Hester"], found["Augustus"], found["Mabel"]] == ["Child A", "Child B", "Child C"]
    assert "the Q children" in published and "Ms Q and Mr Q" in published


def test_a_quoted_label_after_the_child_s_name_makes_her_the_subject(tmp_path: Path) -> None:
    """ 'her daughter, Ebun ("Baby E")' in a joint review; a man born decades before the draft's latest year is
    no child, though the draft names his mother."""
    body = (
        "Into the death of DORCAS (19) and the circumstances of her daughter, Ebun (\"Baby E\")\n\n"
        "1.1 This domestic homicide review looks at how agencies responded to Dorcas Pelbury. Her daughter Ebun was "
        "in the flat.\n\n1.2 The perpetrator, Tobiah Quill (born 22 January 1993), was convicted in 2017. Mr "
        "Quill's mother, Mabel Quill, lives nearby. Mr Quill left the flat and drove to his mother's address."
    )
    found = roles(run(tmp_path, body, title="JOINT DOMESTIC HOMICIDE REVIEW AND SERIOUS CASE REVIEW")[0])
    assert found["Ebun"] == "subject_child"
    assert found["Tobiah Quill"] not in ("subject_child", "child", "sibling")


def test_a_child_s_word_for_her_mother_in_another_language_is_the_mother(tmp_path: Path) -> None:
    body = (
        "1.1 Agatha Quill was 11. Her mother is Dorcas Quill. Agatha told the teacher \"Hooyo cries a lot and "
        "stays in bed\". She said \"Hooyo is sick\"."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Hooyo"] == found["Dorcas Quill"] == "Mother"


def test_a_nickname_with_her_own_surnames_in_records_is_hers(tmp_path: Path) -> None:
    body = (
        "Hester Tobiah Quill (Q1), known at school as \"Lottie\"\tDaughter\t11 years\n\n"
        "3.1 At school Hester was known as \"Lottie\"; some records are under \"Lottie Quill\" and one under "
        "\"Lottie Tobiah\". The school log reads \"Lottie late again\"."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Lottie"] == found["Lottie Quill"] == found["Hester Tobiah Quill"]


def test_names_a_man_is_known_by_or_gave_are_his_not_the_speaker_s_or_a_namesake_s(tmp_path: Path) -> None:
    """A nickname a list gives him, a false name he gave, a recorded alias: his, not the panel member's who
    shares the nickname's first name, and not the worker's who says "we knew him as"."""
    body = (
        "Panel: Dee Pelbury, Named Nurse, Quellmoor Trust.\n\n"
        "4.3 Ebun met Augustus Quarrell in 2015. He was known by a number of names: \"Dee\", \"T-Qo\". On one "
        "occasion he gave the name \"Tobiah Smithers\" to a landlord. Police held him under QUARRELL, Augustus "
        "with \"SMITHERS\" as a recorded alias.\n\n4.8 Ignatius Damson told the author that they \"all knew him as "
        "Dee\"."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Dee"] == found["Tobiah Smithers"] == found["SMITHERS"] == found["Augustus Quarrell"]
    assert found["Ignatius Damson"] != found["Dee"] and found["Dee Pelbury"] != found["Dee"]


def test_the_full_name_the_next_sentence_gives_is_the_nickname_s_owner(tmp_path: Path) -> None:
    body = (
        "3.3 In June 2012 Ms Quill told the school that she had a new partner, \"Tobs\". School later learned his "
        "full name was Tobiah Quarrell. Tobs was often at the gate. Mr Quarrell did most of the talking. The boy "
        "wanted to live with Nani (January) and said \"Tobs made me walk\"."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Tobs"] == found["Tobiah Quarrell"]
    assert "January" not in found


def test_a_mother_s_former_name_in_records_is_hers_and_so_is_her_lone_first_name(tmp_path: Path) -> None:
    body = (
        "2.1 Hester's mother, Dorcas Pelbury (previously Dorcas Quill, née Smithers), lives with Hester's "
        "stepfather. Her first referral was under \"QUILL, Dorcas\" and a later letter to \"D Quill\". Dorcas "
        "said Hester Quill was tired."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["QUILL, Dorcas"] == found["D Quill"] == found["Dorcas"] == found["Dorcas Pelbury"] == "Mother"
    assert found["Hester Quill"] != "Mother"


def test_the_letter_a_note_writes_for_the_child_is_hers_where_it_opens_no_one_else_s_name(tmp_path: Path) -> None:
    body = (
        "2.1 Quellie Pelbury (aged 15) attended Quellbrook Academy. Her mother, Dorcas Pelbury, speaks Polish.\n\n"
        "4.2 The note reads: \"Mum's "
        "English OK, Q translated some parts.\" Later: \"Q appears flat.\" See Appendix Q."
    )
    published = run(tmp_path, body)[1]
    assert "Child A translated some parts" in published and "Child A appears flat" in published
    assert "Appendix Q" in published


def test_a_record_s_paragraph_gives_its_man_s_other_names_with_no_subject(tmp_path: Path) -> None:
    """ "Also recorded as", "Street name", "Alias" with no subject: the names of the man the paragraph is about;
    "she say his name X" in a girl's words is his, not hers."""
    body = (
        "3.1 Hester Pelbury (aged 14) went missing. Her mother said Hester \"has a boyfriend older, she say his "
        "name Tobs\".\n\n"
        "3.2 Male 1: Tobiah QUARRELL, born 1995, home address in Tarnwick. Also recorded as \"Augustus "
        "Quarrell\" (false details given on a stop). Street name \"Tobs\", also written \"Tobz\".\n\n"
        "3.3 Male 2: Ignatius SMITHERS, born 1990. Alias \"Ignatius Smythe\". Street name \"Damson\".\n\n"
        "4.1 Quarrell was arrested. Tobs was later charged; Damson was not."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Tobs"] == found["Augustus Quarrell"] == found["Tobiah QUARRELL"] == found["Quarrell"]
    assert found["Damson"] == found["Ignatius Smythe"] == found["Ignatius SMITHERS"] != found["Tobs"]
    assert found["Tobs"] != found["Hester Pelbury"]


def test_names_listed_after_was_are_one_person_s_and_a_parent_named_after_a_child_is_not_the_child(
    tmp_path: Path,
) -> None:
    body = (
        "In respect of AUGUSTUS PELBURY\n\n"
        "1.2 At home Augustus was called Gussy. His mother, Dorcas Pelbury, used her baptismal name Mabel at work. "
        "At church she was often addressed as \"Iya Gussy\" (Gussy's mother).\n\n"
        "3.1 The mother was registered as \"PELBURY, Mabel\" and Augustus as \"PELBURY, Augustus T\".\n\n"
        "4.3 Augustus was \"Gussy\" and \"Augustus T\"; his mother was Dorcas, Dot and Mabel."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Augustus"] == found["Gussy"] == found["PELBURY, Augustus"]
    assert found["Dot"] == found["PELBURY, Mabel"] == found["Dorcas Pelbury"] == "Mother"
    assert found["Iya Gussy"] != "Child A"


def test_twins_the_title_names_by_their_initials_are_both_the_review_s_children(tmp_path: Path) -> None:
    body = (
        "1.1 Hester Quill-Pelbury and Augustus Quill-Pelbury, aged six, live with their maternal aunt, Dorcas "
        "Smithers. Augustus is known as Gus."
    )
    found = pseudonyms(run(tmp_path, body, title="SERIOUS CASE REVIEW: CHILDREN H AND A (SCR 2017/03)")[0])
    assert {found["Hester Quill-Pelbury"], found["Augustus Quill-Pelbury"]} == {"Child A", "Child B"}


def test_him_or_her_a_nickname_is_given_to_is_the_one_spoken_of_not_the_speaker(tmp_path: Path) -> None:
    """ "Mr X (the children called him "Y")" and "the record calls her "Auntie Z"": the sentence's own person; "Q
    told the author they knew him as W": not Q, who speaks."""
    body = (
        "2.1 Dorcas Pelbury lives with Lottie. Mr Augustus Quarrell (the children called him \"Gussy\") moved in.\n\n"
        "2.2 Mabel Smithers, the aunt, came to appointments; on one occasion the record calls her \"Auntie Mabs\".\n\n"
        "2.3 Tobiah Pelbury met Lottie in 2015. Ignatius Quellin told the author that they \"all knew him as Tobs\"."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Gussy"] == found["Augustus Quarrell"] and found["Mabs"] == found["Mabel Smithers"]
    assert found["Tobs"] == found["Tobiah Pelbury"] != found["Ignatius Quellin"]


def test_a_nickname_the_caller_or_the_sentence_s_man_is_given_goes_to_the_one_called(tmp_path: Path) -> None:
    body = (
        "2.1 On 9 March Hester Pelbury's friend Agatha Quill, who calls her \"Hetty\", showed the school a message.\n\n"
        "2.2 Augustus Quarrell, born 04/09/1970, had been Tobiah Smithers's best friend since school; Hester called "
        "him \"Uncle Gus\". Gus lived alone."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Hetty"] == found["Hester"] != found["Agatha Quill"]
    assert found["Gus"] == found["Augustus Quarrell"] != found["Tobiah Smithers"]


def test_a_child_whose_full_name_carries_her_father_s_is_not_her_father(tmp_path: Path) -> None:
    """Eritrean, Ethiopian and Somali names: the child's second name is her father's first, the third his father's.
    Where the draft calls each by a first name of their own, the longer name is the child's."""
    body = (
        "1.1 Ebun lived with her mother and her father, Tobiah Quellode. Ebun's full name is Ebun Tobiah Quellode; "
        "the hospital also had her as \"TOBIAH, Ebun\". Tobiah worked nights. Ebun was seven. The school's record "
        "reads: \"Spoke to Mr Tobiah (father).\""
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert "Spoke to Father." in output  # the record took his given name for a surname
    assert found["Ebun Tobiah Quellode"] == found["TOBIAH, Ebun"] == found["Ebun"] != found["Tobiah Quellode"]


def test_a_nickname_that_is_a_word_in_quotes_after_known_as_is_found_wherever_it_names_him(tmp_path: Path) -> None:
    body = (
        "1.1 Ignatius was known to his foster carers, to his college and to most of the agency records as \"Ever\"; "
        "the mosque called him Iggy. He said \"Ever is for school\".\n\n"
        "3.1 From April 2022 Ever began to go missing. The panel asks whether anyone ever asked why Ever's attendance "
        "fell."
    )
    plan, output = run(tmp_path, body)
    assert "Ever" not in output and "whether anyone ever asked" in output
    assert len({pseudonyms(plan)[name] for name in ("Ever", "Ignatius", "Iggy")}) == 1


def test_a_lone_middle_name_a_church_s_brother_and_a_pastor_tell_the_story(tmp_path: Path) -> None:
    """The name a man is called by at home is his middle name; "Brother Tobiah" is what his church calls him, no
    one's brother; the pastor and the deaconess are faith leaders, not anonymous adults."""
    body = (
        "3.1 Ebun Quellode (aged 2) lives with her mother, Dorcas Quellode, and her father, Tobiah Kwabla Quellode. "
        "The church knew the father as Brother Tobiah.\n\n"
        "4.2 Kwabla told the nursery that Ebun had fallen. Pastor Augustus Pelbury spoke to Kwabla after the service, "
        "and Deaconess Mabel Knotley visited the flat."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Kwabla"] == found["Tobiah Kwabla Quellode"] == "Father"
    assert found["Augustus Pelbury"].startswith("Faith Leader") and found["Mabel Knotley"].startswith("Faith Leader")


def test_relations_in_a_family_table_a_pasted_pdf_ran_into_one_line_are_read(tmp_path: Path) -> None:
    body = (
        "2. FAMILY AND PEOPLE REFERRED TO\nName Relationship Notes Tobiah Quellode (\"Tobs\") Subject aged 16 Dorcas "
        "Quellodova Mother Roma, from Kosice, UK since 2009 Mabel Pelbury Maternal grandmother\nSpeaks Slovak only "
        "Augustin Brother aged 12 Ignatius Quellode Father In Slovakia, no contact since 2014\n\n"
        "3.1 Dorcas Quellodova works nights. Mabel Pelbury cares for the boys. Augustin went to school."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Dorcas Quellodova"] == "Mother" and found["Ignatius Quellode"] == "Father"
    assert found["Mabel Pelbury"] == "Maternal grandmother" and found["Augustin"].startswith("Sibling")


def test_english_and_church_names_a_record_gives_after_also_or_in_brackets_are_the_same_person(
    tmp_path: Path,
) -> None:
    body = (
        "1.2 Ebun arrived with Mrs Dorcas Quellode. Mrs Quellode used the English name \"Mabel\" with staff.\n\n"
        "| Dorcas \"Dorry\" Quellode, also \"Hester\" | Private foster carer |\n"
        "| Pastor Tobiah Knotley (\"Pastor Tobs\", \"Pastor Gus\") | Pastor of the church |\n\n"
        "4.1 Mabel signed the form. Hester rang the school. Pastor Tobs prayed over Ebun; the school knew only "
        "Pastor Gus."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Mabel"] == found["Hester"] == found["Dorcas Quellode"]
    assert found["Tobs"] == found["Gus"] == found["Tobiah Knotley"]


def test_a_false_name_a_stopped_boy_gave_is_his(tmp_path: Path) -> None:
    body = (
        "16/02/2018 Police Vehicle stop near the coast. Driver Ignatius Quill; rear passenger Tobiah Quellode, \"gave "
        "name as\nAugustus Knotley\". Tobiah was taken home."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Augustus Knotley"] == found["Tobiah Quellode"] != found["Ignatius Quill"]


def test_a_quoted_name_a_record_gives_after_a_full_name_is_his(tmp_path: Path) -> None:
    body = (
        "Name Relationship Notes Augustus Knotley \"A-Dot\", Snapchat aknot.rs7 Aged 24, from Tarnwick. "
        "Ignatius Quill \"Fumes\" / \"Volvo\", runs the line.\n\n3.2 A-Dot drove; Volvo paid. Knotley was arrested."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["A-Dot"] == found["Augustus Knotley"] and found["Volvo"] == found["Fumes"] == found["Ignatius Quill"]


def test_the_one_who_knew_her_by_a_name_is_not_the_one_it_names(tmp_path: Path) -> None:
    body = (
        "4.1 Mabel Quellode started with a childminder, Mrs Dorcas Knotley, three days a week from March. "
        "Mrs Knotley knew her as \"Ebby\", the name on the contract. A message was logged against \"Ebby Quellode\". "
        "Dorcas Knotley rang twice."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Ebby"] == found["Ebby Quellode"] == found["Mabel Quellode"] != found["Dorcas Knotley"]


def test_a_nickname_a_pronoun_gives_keeps_father_and_son_of_one_surname_apart(tmp_path: Path) -> None:
    body = (
        "1.4 Tobiah's father, Augustus Quill, met me twice. Augustus worked early shifts at a bakery until April "
        "2010, when he gave up work to care for Tobiah Quill full time. Family and friends call him Gus.\n\n"
        "2.1 Gus took Tobiah to the GP. Augustus Quill said the baby had fallen."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Augustus Quill"] == found["Augustus"] != found["Tobiah Quill"]


def test_a_family_name_first_name_and_a_record_s_western_order_are_one_child(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns a Vietnamese boy, Lương Văn Tobiah, found in 2016. In police records his name is "
        "written as LUONG Van Tobiah and in some health records as \"Van Luong\", because staff took Van to be his "
        "first name, though Luong is his family's name. Tobiah said Van was what his grandmother called him."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Van Luong"] == found["Lương Văn Tobiah"] == found["LUONG Van Tobiah"]


def test_the_names_a_family_table_s_row_gives_are_the_row_s_person(tmp_path: Path) -> None:
    body = (
        "| Registered name | Day name | Also known as | Relationship to Ebun |\n|---|---|---|---|\n"
        "| Mabel Ebun Quill | Ebun (Tuesday) | \"Mabs\" (childminder) | subject of the review |\n"
        "| Dorcas Quellama Quill | Quellama (Sunday) | \"Sister Dorcas\" at church; \"Dotty\" | mother, aged 31 |\n"
        "| Tobiah Kwabla Quill | Kwabla (Tuesday) | \"Kobe\"; \"Brother Tobiah\" | father, aged 34 |\n\n"
        "3.1 Kobe worked nights. Dotty took Ebun to the GP. Kwabla said she had fallen."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Kobe"] == found["Kwabla"] == found["Tobiah Kwabla Quill"] == "Father"
    assert found["Dotty"] == found["Dorcas Quellama Quill"] == "Mother"


def test_a_nickname_after_a_full_name_with_a_middle_name_is_the_first_name_s(tmp_path: Path) -> None:
    body = (
        "SERIOUS CASE REVIEW in respect of Ignatius Kwabla Quill (\"Igna\")\n\n1.1 This review concerns Ignatius "
        "Quill, known to his friends as Igna. The author met his mother at the mosque with Sheikh Ignacio Pelbury "
        "present.\n\n2.1 Igna was excluded in 2016. Igna's mother asked for help. Sheikh Pelbury ran a youth circle."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Igna"] == found["Ignatius Kwabla Quill"] != found["Ignacio Pelbury"]


def test_a_lone_name_that_is_one_person_s_surname_is_not_another_s_middle_name(tmp_path: Path) -> None:
    body = (
        "2.1 The mother, Dorcas Kwabla, lived with Ebun. Imam Tobiah Kwabla Pelbury led the mosque.\n\n"
        "2.2 Kwabla said Ebun had fallen. Dorcas Kwabla took her to the GP."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Kwabla"] == found["Dorcas Kwabla"] != found["Tobiah Kwabla Pelbury"]


def test_a_middle_name_in_brackets_and_a_child_s_doubled_name_are_the_man_s(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\nAugustus Kwabla Quill (\"Kwabla\")\tFather\nAugustus Pelbury\tImam\n"
        "TQ = Tobiah Quellode (\"Tobs\"), mum's partner\n\n"
        "3.1 The restaurant where Kwabla works is near. Ebun drew \"Tobs-Tobs\" with big hands."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Kwabla"] == found["Augustus Kwabla Quill"] != found["Augustus Pelbury"]
    assert found["Tobs-Tobs"] == found["Tobiah Quellode"]


def test_ms_x_shared_by_the_mother_and_her_own_mother_is_the_mother(tmp_path: Path) -> None:
    body = (
        "1.1 Lottie Quellin lives with her mother, Dorcas Quellin, in Tarnwick.\n\n"
        "1.2 Lottie's maternal grandmother, Agatha Quellin, lives abroad and looked after Lottie in 2012. The "
        "hospital appointments in 2014 fell to Ms Quellin.\n\n"
        "1.3 The nursery spoke to Ms Quellin many times. Dorcas said she was tired."
    )
    plan, _ = run(tmp_path, body)
    (ms,) = {e for e in plan.entities if any(t == "Quellin" for t in e.texts)} or {None}
    assert ms is not None and ms.role == "mother" and "Dorcas Quellin" in ms.texts


def test_a_child_s_middle_name_she_goes_by_with_her_father_s_surname_is_hers(tmp_path: Path) -> None:
    body = (
        "1.1 This review is about LOTTIE EBUN QUELLIN, aged 4. In her family she is called by her middle name, "
        "Ebun.\n\n"
        "Name\tRelationship\n"
        "Lottie (Ebun)\tSubject\n"
        "Dorcas Quellin\tMother\n"
        "Tobiah Pelbury\tFather\n\n"
        '1.2 Her immunisation letters went to "Ebun Pelbury", the name the GP registered. Ebun was often absent.'
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ebun Pelbury"] == found["Lottie"] == found["Ebun"] == "Child A"


def test_the_name_the_children_call_someone_is_his_and_his_after_a_named_father_is_the_father_s(
    tmp_path: Path,
) -> None:
    body = (
        "1.1 Zuvelle Quellin is 17. Zuvelle's father, Tobiah Quellin, died in 2016. After his death his elder "
        "brother Augustus, whom the children call Bara Gus, took charge of the household. Augustus Quellin runs a "
        "taxi firm."
    )
    plan, _ = run(tmp_path, body)
    found = roles(plan)
    assert found["Augustus"] == found["Augustus Quellin"] == "paternal_uncle"
    assert found.get("Bara Gus", "paternal_uncle") == "paternal_uncle"


def test_the_father_of_another_child_in_brackets_is_no_child(tmp_path: Path) -> None:
    body = (
        "1.1 Mother was 19 when Baby T was born. Her first child, a daughter, was born when she was 15; the father "
        "of that child (Ignatius Quarrell) has had no contact since."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Ignatius Quarrell"] not in ("child", "subject_child", "sibling")


def test_a_quoted_list_of_names_that_brings_in_a_relative_names_another_person(tmp_path: Path) -> None:
    body = (
        "1.4 A note on names. Three of the men share a name and are told apart by the father's first name. Our "
        'Tobiah is "Tobiah Gus", his cousin is "Tobiah Iggy" and their grandfather is "Old Tobiah".\n\n'
        "1.5 Tobiah Gus was withdrawn in April. Tobiah Iggy had been withdrawn in February. Old Tobiah owns the land."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert len({found["Tobiah Gus"], found["Tobiah Iggy"], found["Old Tobiah"]}) == 3


def test_a_quoted_name_for_another_audience_is_detected_and_is_the_same_man(tmp_path: Path) -> None:
    body = (
        "3.1 Lottie's father is Tobiah Quarrell, called Kwabla by relatives and \"Quellie\" by friends. Tobiah "
        "drives a taxi. Quellie was seen at the nursery twice."
    )
    plan, published = run(tmp_path, body)
    assert "Quellie" not in published
    found = pseudonyms(plan)
    assert found["Quellie"] == found["Kwabla"] == found["Tobiah Quarrell"] == "Father"


def test_each_person_a_plural_job_lists_holds_the_job_and_a_head_of_centre_teaches(tmp_path: Path) -> None:
    body = (
        "1.1 The author interviewed the two allocated social workers, Dorcas Quill (Assessment Team North) and "
        "Hester Pelbury (Children in Care Team 2), and Agatha Knotley, Head of Centre and Designated Safeguarding "
        "Lead.\n\n1.2 Dorcas Quill visited Lottie. Hester Pelbury rang the school. Agatha Knotley kept the log."
    )
    found = roles(run(tmp_path, body)[0])
    assert found["Dorcas Quill"] == found["Hester Pelbury"] == "social_worker"
    assert found["Agatha Knotley"] == "teacher"


def test_mrs_x_right_after_the_grandmother_is_named_is_the_grandmother(tmp_path: Path) -> None:
    body = (
        "1.1 Lottie Quellin lives with her mother, Dorcas Quellin, in Tarnwick.\n\n"
        "1.2 Lottie stayed with her maternal grandmother, Agatha Quellin, in Huntingdon. Mrs Quellin told the "
        "reviewer she could not take three children.\n\n1.3 Dorcas said she was tired."
    )
    plan, published = run(tmp_path, body)
    assert "Maternal grandmother told the reviewer" in published


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr Augustus Quarrell was at the time in a relationship with Lottie's mother, Dorcas Quill.",
        'Dorcas Quill told the school that she had a new partner, "Augustus Quarrell".',
        "Dorcas Quill came to the meeting with Mr Augustus Quarrell, whom she introduced as her partner.",
    ],
)
def test_the_ways_a_draft_says_a_man_is_the_mother_s_partner(tmp_path: Path, sentence: str) -> None:
    body = f"1.1 Lottie Quill, aged 4, lives with her mother, Dorcas Quill.\n\n1.2 {sentence} Lottie was quiet."
    assert roles(run(tmp_path, body)[0])["Augustus Quarrell"] == "mothers_partner"


def test_a_mother_s_partner_from_a_date_is_her_partner_and_a_quote_after_a_job_is_speech(tmp_path: Path) -> None:
    body = (
        "Key: AQ = Augustus Quarrell, mother's partner from approx. Sept 2017\n\n"
        "1.1 Lottie Quill, aged 4, lives with her mother, Dorcas Quill.\n\n"
        '1.2 13/04/2018 Lottie tells TA "Augustus shouts at me". Augustus Quarrell was not seen.'
    )
    assert roles(run(tmp_path, body)[0])["Augustus Quarrell"] == "mothers_partner"


def test_who_uses_the_name_gives_another_name_of_hers(tmp_path: Path) -> None:
    body = (
        "3.3 Dorcas's sister, Quill Thi Hester, who uses the name Hettie, lives in Huntingdon. It was Hettie who "
        "found Dorcas the job. Hettie interpreted at the meeting."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Hettie"] == found["Quill Thi Hester"]


def test_a_crew_s_members_and_a_child_s_key_person_have_their_jobs(tmp_path: Path) -> None:
    body = (
        "4.4 A paramedic crew, Dorcas Quellin and emergency care assistant Augustus Knotley, arrived at 15:51.\n\n"
        "5.6 Lottie was described by her key person, Hester Pelbury, as a busy little girl."
    )
    found = roles(run(tmp_path, body)[0])
    assert found["Dorcas Quellin"] == found["Augustus Knotley"] == "paramedic"
    assert found["Hester Pelbury"] == "nursery_worker"


def test_an_honorific_before_a_name_is_a_title_not_part_of_the_name(tmp_path: Path) -> None:
    body = (
        "1.1 The boys called the older man Kak Tobiah. Tobiah Quellode ran the barber's shop. Tobiah drove a black "
        "car.\n\n1.2 Hafiz Augustus Knotley taught at the madrassa. Augustus Knotley said he was late."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found.get("Tobiah", found["Tobiah Quellode"]) == found["Tobiah Quellode"]
    assert found["Augustus Knotley"] not in (None, "")
    assert not [text for text in found if text.startswith(("Kak ", "Hafiz "))]


def test_a_ward_sister_by_her_surname_alone_is_the_sister_named_in_full(tmp_path: Path) -> None:
    body = (
        "4.1 In admission 2 the ward sister, Sister Hester Augustus, wrote in the notes that mum asked for BMs.\n\n"
        "5.2 This was recognised by Sister Augustus herself at interview."  # a surname that is also a man's first name
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Augustus"] == found["Hester Augustus"]


def test_a_job_said_with_an_aside_or_a_case_allocated_gives_the_worker_s_role(tmp_path: Path) -> None:
    body = (
        "2.3 The health visitor (community trust, not part of this review) is Mrs Dorcas Pelbury-Hart.\n\n"
        "4.8 Children's Social Care opened a single assessment and allocated it to Agatha Knotley. Ms Knotley "
        "visited twice."
    )
    found = roles(run(tmp_path, body)[0])
    assert found["Dorcas Pelbury-Hart"] == "health_visitor"
    assert found["Agatha Knotley"] == "social_worker"


def test_a_relation_sharing_its_owner_with_the_one_before_it_is_hers(tmp_path: Path) -> None:
    body = (
        "2.1 Lottie Quellode is the subject of this review. Her mother is Dorcas Tarnwick.\n\n"
        "2.2 Ms Tarnwick told officers she had wanted to stay near her own mother and sister Hettie in Huntingdon. "
        "Hettie Tarnwick later rang the police."
    )
    found = roles(run(tmp_path, body)[0])
    assert found["Hettie Tarnwick"] == "maternal_aunt"


def test_an_arrest_log_s_surname_and_initial_is_the_man_of_that_initial(tmp_path: Path) -> None:
    body = (
        "2.1 Baby Q was the son of Ebun Smithers and Tobiah QUELLODE. Tobiah's brother Augustus Quellode lived "
        "nearby.\n\n"
        "23/03/14 13:40 | Arrest QUELLODE T | OV/14/02271\n25/03/14 | Arrest QUELLODE A | OV/14/02309"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["QUELLODE T"] == found["Tobiah QUELLODE"]
    assert found["QUELLODE A"] == found["Augustus Quellode"] != found["Tobiah QUELLODE"]


def test_initials_in_brackets_after_a_job_s_letters_are_that_worker(tmp_path: Path) -> None:
    body = (
        "4.1 Chronology.\n\n| Date | Agency | Event |\n|---|---|---|\n"
        "| 10/11/14 | School | Class teacher notes Lottie hungry. Tells HT (QK) verbally. |\n"
        "| 05/02/15 | School | Attendance 71%. QK rings mother. |"
    )
    found = roles(run(tmp_path, body)[0])
    assert found["QK"] == "teacher"


def test_workers_listed_after_their_plural_job_each_hold_it(tmp_path: Path) -> None:
    body = (
        "3.1 Two social workers were allocated: Dorcas Pelbury from the Children Looked After team, who was the "
        "mother's own social worker, and Augustus Knotley from the Assessment team, who held the baby's case. "
        "Ms Pelbury and Mr Knotley each assumed the other was leading."
    )
    found = roles(run(tmp_path, body)[0])
    assert found["Dorcas Pelbury"] == found["Augustus Knotley"] == "social_worker"


def test_a_record_s_version_of_a_name_in_a_versions_column_is_no_job_and_joins_the_row_s_person(
    tmp_path: Path,
) -> None:
    body = (
        "2.1 Family members\n\nName used in this report\tRelationship\tOther versions found in records\n"
        'Hester Ebun Quellode\tMother\t"Hester Smithers" (GP), "Mrs Tobiah" (nursery)\n'
        "Tobiah Smithers\tFather\t-\n\n"
        "2.2 Hester Quellode was 26. Hester told her GP about the abuse in 2012."
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["Hester Smithers"] == found["Hester Ebun Quellode"] == "Mother"


def test_an_orthodox_priest_s_title_makes_him_the_faith_leader(tmp_path: Path) -> None:
    body = "3.2 With help from the priest at the fellowship, Abba Tobiah, a record was found. Abba Tobiah searched."
    found = roles(run(tmp_path, body)[0])
    assert found["Tobiah"] == "faith_leader" and not [text for text in found if text.startswith("Abba")]


def test_the_allocated_worker_is_the_child_s_social_worker(tmp_path: Path) -> None:
    body = (
        "6.5 The unit manager rang again and was told the allocated worker, Hester Pelbury, would pick it up. "
        "Ms Pelbury carried 31 cases at the time."
    )
    assert roles(run(tmp_path, body)[0])["Hester Pelbury"] == "social_worker"



def test_a_header_s_first_name_and_initial_is_the_child_not_a_surname(tmp_path: Path) -> None:
    body = (
        "RESTRICTED - SCR LOTTIE-MAE Q. - DRAFT\n\n1.1 Lottie-Mae Quellode died in 2019, aged three. "
        "Lottie-Mae lived with her mother.\n\nRESTRICTED - SCR LOTTIE-MAE Q. - DRAFT"
    )
    found = pseudonyms(run(tmp_path, body)[0])
    assert found["LOTTIE-MAE Q."] == found["Lottie-Mae Quellode"]


@pytest.mark.parametrize(
    "footnote",
    ['"Tibby" is the family\'s name for Tobiah.', '"Tibby" is what his sisters call Tobiah.'],
)
def test_a_name_the_draft_says_the_family_uses_for_a_child_is_that_child(tmp_path: Path, footnote: str) -> None:
    body = (
        "The children are Hester (aged 9) and Tobiah Quill (aged 2). Tobiah was found in a soiled cot. "
        f"Hester said she looks after Tibby when their mother sleeps.\n\n1 {footnote}"
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tibby"] == found["Tobiah"] == found["Tobiah Quill"]


def test_a_priest_s_or_minister_s_abbreviated_title_makes_a_faith_leader(tmp_path: Path) -> None:
    body = (
        "Fr Augustus Pelbury has been parish priest since 2009. Ebun told Fr Pelbury after Mass that she was "
        "hungry. Revd Hettie Smithers ran the food bank."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Augustus Pelbury"] == found["Pelbury"] == "Faith Leader 1"
    assert found["Hettie Smithers"] == "Faith Leader 2"
    assert "Fr " not in output and "Revd " not in output


def test_a_pet_form_after_a_kin_word_is_the_relative_whatever_gender_the_name_usually_has(tmp_path: Path) -> None:
    body = (
        "Ebun and her aunt, Ernestine Quill, met the author. In 2014 Ebun went to live with her maternal aunt, "
        '"Auntie Ernie", at home. Ernie had no training and no support plan.'
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ernie"] == found["Ernestine Quill"] == "Aunt"


def test_a_job_for_its_employer_and_a_chronology_s_allocated_as_give_the_role(tmp_path: Path) -> None:
    body = (
        "4.3 On 2 May 2013 Tobiah Knotley, housing officer for Quellmoor Housing, visited about rent arrears. "
        "Mr Knotley made a referral.\n\n"
        "- 12 June 2014 - first strategy discussion. Hester Vetch allocated as social worker.\n"
        "- July 2014 - the school told Ms Vetch about the takeaway."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tobiah Knotley"] == found["Knotley"] == "Housing Officer 1"
    assert found["Hester Vetch"] == found["Vetch"] == "Social Worker 1"


def test_a_label_after_an_initialled_name_in_a_cell_and_a_stepdad_before_a_name(tmp_path: Path) -> None:
    body = (
        "| Date | Clinician | Entry |\n|---|---|---|\n"
        "| 19/12/2016 | B. Smithers (Practice Nurse) | Pre-school booster - DNA. |\n"
        "| 02/05/2017 | Dr R. Knotley (GP partner) | Burn to hand. Stepdad Tobiah present, answered questions. |\n\n"
        "The mother's partner, Tobiah Vetch, did not attend."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["B. Smithers"] == "Nurse 1"
    assert found["Tobiah"] == found["Tobiah Vetch"]
    assert "Stepdad Tobiah" not in output and "Mother's partner present" in output


def test_names_the_draft_says_records_gave_a_relative_are_hers_and_so_is_her_first_name(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tAge\nDorcas Vetch\tMother\t20\nTobiah Quill\tFather\t24\n"
        "Hester Quill\tPaternal aunt\t17\n\n"
        '2.2 The GP record had the mother registered as "Dorcas Quill", and the health visiting record as '
        '"Dorkas Vetch"; the two were not linked.\n\n'
        "4.1 Dorcas never had a private conversation with any professional. Hester interpreted."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Dorcas Vetch"] == found["Dorcas Quill"] == found["Dorkas Vetch"] == found["Dorcas"] == "Mother"
    assert found["Hester"] != "Mother"


def test_a_nickname_the_next_sentence_gives_him_is_not_the_woman_the_last_one_ended_with(tmp_path: Path) -> None:
    body = (
        "3.3 Tobiah Knotley was born in Tarnwick. He had two convictions for violence. None of this was known to "
        'Ebunola. Friends called him "Tibs", and he posted on Facebook as "Tibs Knotley".\n\n'
        "3.4 Ebunola Vetch, the mother, met him in 2015. TK moved in with her in 2016."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tibs"] == found["Tibs Knotley"] == found["Tobiah Knotley"] == found["TK"]
    assert found["Ebunola"] == found["Ebunola Vetch"] != found["Tibs"]


def test_initials_without_the_accent_of_a_name_are_that_person_s(tmp_path: Path) -> None:
    body = (
        "2.1 Ébunola Žalė, the mother, and her son Tobiah Žalys lived in Tarnwick.\n\n"
        "Date\tAgency\tEvent\n9 July 2016\tPolice\t999 call from EZ. TZ was present.\n"
        "12 August 2016\tCPS\tEZ withdraws her statement."
    )
    _, output = run(tmp_path, body)
    assert "EZ" not in output and "TZ" not in output


def test_the_parents_a_child_was_born_to_with_their_ages_between_are_the_parents(tmp_path: Path) -> None:
    body = (
        '3.1 Quin was the first child of Dorcas Vetch, then aged 18, and Augustus Knotley ("Gus"), aged 20. '
        "Gus was born in Tarnwick and moved to the town aged 12. Gus's mother, Hester Knotley, lives nearby.\n\n"
        "4.1 On 2 December Gus took Quin to the GP."
    )
    plan, _ = run(tmp_path, body, title="SERIOUS CASE REVIEW: BABY QUIN")
    found = pseudonyms(plan)
    assert found["Augustus Knotley"] == found["Gus"] == "Father"
    assert found["Dorcas Vetch"] == "Mother"


def test_a_pet_form_the_draft_has_given_one_person_stays_theirs(tmp_path: Path) -> None:
    body = (
        "2.1 The children are Ebun Quill and her brother Augustus Quill. The social worker was Augusta Pelbury.\n\n"
        "3.1 Ebun had a bruise on her arm. Her brother Augie, who was six years old, had a cough.\n\n"
        "4.1 Augie arrived at school with no coat. Ms Pelbury visited. Augie and Ebun were seen together."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Augie"] == found["Augustus Quill"]
    assert sum(1 for e in plan.entities if "Augie" in e.texts) == 1


def test_initials_written_with_the_accent_of_a_name_are_that_person_s_too(tmp_path: Path) -> None:
    body = (
        "2.1 The head of year, Mr Tobías Ó Quill (TÓQ), met the girl weekly.\n\n"
        "3.1 A pupil gave the registration as YX17 HMV. TÓQ passed this on. The sighting was known to TÓQ."
    )
    _, output = run(tmp_path, body)
    assert "TÓQ" not in output and "TOQ" not in output


def test_names_records_gave_the_mother_stay_hers_when_another_is_near_the_word_mother(tmp_path: Path) -> None:
    body = (
        "2.1 The mother, Gabrielė Quellaitė, is Lithuanian. Gabrielė speaks little English.\n\n"
        '3.1 There was an error in the ED record, where Quin\'s mother is entered as "QUELLAITE, Gabriele" and '
        'in the maternity system as "Gabriele Quellaite".\n\n'
        "5.1 Contact would be supervised; this was explained to mother with a face-to-face interpreter, Hester "
        "Vetch, who from then on attended most ward meetings. Gabrielė agreed."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Gabrielė Quellaitė"] == found["QUELLAITE, Gabriele"] == found["Gabriele Quellaite"]
    assert found["Gabrielė"] == found["Gabrielė Quellaitė"]
    assert found["Hester Vetch"] != found["Gabrielė"]


def test_a_place_cut_by_a_short_footnote_line_is_the_place_the_draft_writes_whole(tmp_path: Path) -> None:
    body = (
        "2.1 The family lived in Quellmoor, a former pit village.2 The grandfather sits on the committee of Quell-\n"
        "moor Miners' Welfare.\n\n"
        "2\n1 14 Quellpit Row, Quell-\nmoor. The family had lived there since 2012.\n\n"
        "3.1 In Quellmoor few families used the children's centre."
    )
    plan, output = run(tmp_path, body)
    assert "Quell" not in output and "moor." not in output  # not half of it either
    cut = [e.pseudonym for e in plan.entities if any("Quell-\nmoor" in t for t in e.texts)]
    assert len(set(cut)) == 1  # both cut mentions are one place


def test_a_name_a_pasted_page_break_cut_is_one_person_and_not_the_running_header(tmp_path: Path) -> None:
    header = "Tarnwick Safeguarding Children Board            Serious Case Review: Lottie (published version)"
    body = (
        f"{header}\n2.4 The panel was chaired by an assistant director. Agencies in Tarnwick gave reports.\n"
        "3.2 From June 2011 Lottie lived with foster carers. The placement was supervised by Hester Knotley-\n"
        f"{header}\n14\n"
        "Quenby, a supervising social worker in the council's fostering team. Lottie liked her.\n"
        "3.3 Ms Knotley-Quenby visited twice that year.\n"
        f"{header}\n15\n"
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    cut = next(name for name in found if name.startswith("Hester Knotley"))
    assert found[cut] == found["Quenby"] == found["Knotley-Quenby"]
    assert roles(plan)["Quenby"] == "social_worker"
    assert not any("Tarnwick" in text for text in found)  # the header's county is no part of her name
    assert "Quenby" not in output and "Knotley" not in output


def test_the_first_of_a_couple_named_before_their_surname_has_it_too(tmp_path: Path) -> None:
    body = (
        "3.2 Lottie lived with foster carers Dorcas and Edmund Knotley in Tarnwick. Mrs Knotley told the review "
        "that the youth club was the one place Lottie felt at home. Mr Knotley drove her there. Dorcas kept a diary."
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    dorcas, edmund = found["Dorcas"], found["Edmund Knotley"]
    assert dorcas != edmund and roles(plan)["Dorcas"] == "foster_carer"
    assert f"{dorcas} told the review" in output and f"{edmund} drove her" in output


def test_the_last_of_the_workers_a_sentence_counts_is_one_of_them(tmp_path: Path) -> None:
    body = (
        "3.2 Lottie attended Tarnwick Academy and from 2013 went to a youth club. Lottie's own social\n"
        "worker changed four times in two years; the last, Tobiah Quarrell, was allocated in April 2013.\n"
        "Mr Quarrell had met Lottie twice before the referral."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Tobiah Quarrell"] == "social_worker"
    assert pseudonyms(plan)["Quarrell"] == "Social Worker 1"


def test_the_name_before_and_her_owns_the_relation_not_the_sentence_s_opener(tmp_path: Path) -> None:
    body = (
        "3.1 Lottie was 13. Her birth mother, Dorcas Quellode, came to Tarnwick in 2006. Ms Quellode has a long "
        "history of alcohol misuse and Lottie and her younger half-brother Augustus were accommodated in 2011. "
        "Augustus was later placed with his paternal aunt."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Augustus"] == "sibling"


def test_a_footnote_number_glued_to_a_job_still_says_the_job(tmp_path: Path) -> None:
    body = "3.2 The placement was supervised by Hester Quenby, a supervising social worker3 in the fostering team."
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Hester Quenby"] == "social_worker"


def test_a_table_s_second_column_of_names_gives_each_row_s_person_another_name(tmp_path: Path) -> None:
    body = (
        "| Name used in this report | Chinese name | Relationship to child | Age |\n"
        "|---|---|---|---|\n"
        "| Lottie | Quin Suet-lam | Subject | 4 |\n"
        '| Tobiah ("Toby") Quin | Quin Wai-lok | Father | 38 |\n'
        "| Augustus | Quin Chun-tak | Brother | 9 |\n\n"
        "4.1 Lottie lived with her father. The GP knew Mr Quin. Records gave Quin Wai-lok and Quin Chun-tak."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Quin Wai-lok"] == found["Tobiah"] == "Father"
    assert found["Quin Chun-tak"] == found["Augustus"]
    assert found["Quin Suet-lam"] == found["Lottie"]


def test_names_the_draft_says_a_relative_appears_under_are_hers_quoted_or_listed(tmp_path: Path) -> None:
    body = (
        "1.4 Police systems record names in more than one order: the mother appears under both "
        '"QUELLODE, Dorcas" and "PELBURY, Dorcas". Lottie is the subject.\n\n'
        "2.1 Dorcas Quellode is Lottie's mother. Dorcas came to Tarnwick in 2008.\n\n"
        "6.1 The grandmother was recorded as Hester Vetch, Hester Quenby and Hettie Vetch-Quenby."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["QUELLODE, Dorcas"] == found["PELBURY, Dorcas"] == found["Dorcas Quellode"] == "Mother"
    assert found["Hester Vetch"] == found["Hester Quenby"] == found["Hettie Vetch-Quenby"]


def test_a_name_made_of_one_person_s_words_in_another_order_is_theirs(tmp_path: Path) -> None:
    body = (
        "2.1 The mother is Vetch Mei-lan, known to everyone in England as Ysolde. Her husband is Tobiah Quin. "
        "Lottie is their daughter, aged 4.\n\n"
        '5.9 The police record listed the parents as "QUIN Tobiah" and "VETCH Mei Lan". The mother was also '
        'written "Ysolde Vetch" and "Mei-lan Ysolde" by the health visitor.'
    )
    plan, output = run(tmp_path, body)
    found = pseudonyms(plan)
    mother = found["Vetch Mei-lan"]
    assert mother == "Mother"
    assert all(found[name] == mother for name in found if "Mei" in name or name.startswith("Ysolde"))
    assert "Mei" not in output and "Lan" not in output


def test_a_bracketed_name_sharing_a_family_name_is_the_same_person_s(tmp_path: Path) -> None:
    body = (
        "4.8 The family were members of a church whose minister is Pastor Tobiah Quin (Quin Wai-lok). Pastor Quin "
        "visited weekly. Records call him Quin Wai-lok throughout."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Tobiah Quin"] == found["Quin Wai-lok"]


def test_a_name_she_is_known_by_and_a_name_someone_called_her_are_hers(tmp_path: Path) -> None:
    body = (
        "3.1 Lottie lived with her mother, Dorcas Quellode, and her three siblings. Ms Quellode was born in Accra. "
        "She is known in the family and at church by her day name, Ebun, and several records use \"Ebun "
        "Quellode\".\n\n"
        '4.6 Mr Vetch, the pharmacist, said that when he mentioned it to "Auntie Ebs" (as he called Ms Quellode) '
        "she told him Lottie did not need the tablets."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ebun"] == found["Ebun Quellode"] == found["Dorcas Quellode"] == "Mother"
    assert found["Quellode"] == "Mother"


def test_mr_and_a_surname_the_father_shares_with_his_brother_is_the_father(tmp_path: Path) -> None:
    body = (
        "2.1 Lottie Quin, aged 4, lived with her father Tobiah Quin and her mother Dorcas Vetch. Her paternal uncle, "
        "Augustus Quin, lived above the shop.\n\n"
        "4.5 Mr Quin came to England in 2006 to join his mother and brother. Ms Vetch joined him in 2008.\n\n"
        "5.2 The social worker spoke to Mr Quin by phone; he said his daughter was eating. Augustus was not asked."
    )
    _, output = run(tmp_path, body)
    assert "4.5 Father came to England" in output and "spoke to Father by phone" in output
    assert "Paternal uncle was not asked" in output


def test_the_maternal_grandmother_s_son_is_a_maternal_uncle(tmp_path: Path) -> None:
    body = (
        "2.1 Lottie, aged 6, lived with her mother, Dorcas Vetch. Her maternal grandmother, Mrs Hester Vetch, lived "
        "nearby. Her youngest son, Augustus Vetch, moved back in 2008. Augustus kept a dog."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Augustus Vetch"] == "maternal_uncle"


def test_a_family_name_said_to_be_hers_does_not_join_the_child_to_her_grandmother(tmp_path: Path) -> None:
    body = (
        "4.1 Lottie Quin, aged 4, lived with her mother Mei-lan Vetch and her father Tobiah Quin. Her paternal "
        "grandmother, Quellin Suet-ying, lived above the shop.\n\n"
        "4.2 The mother did not take her husband's family name. Professionals called her \"Mrs Quin\", and several "
        'also called the paternal grandmother "Mrs Quin" although her own family name is Quellin.'
    )
    plan, output = run(tmp_path, body)
    assert output.split("\n")[2].startswith("4.1 Child A, aged 4")
    assert "her own family name is Paternal grandmother" in output
    assert '"Child A"' not in output  # "Mrs Quin" is no four-year-old


def test_a_surname_in_capitals_beside_a_given_name_is_one_name_but_initials_are_not(tmp_path: Path) -> None:
    body = (
        "2.1 The mother is Vetch Mei-lan. Lottie is her daughter, aged 4.\n\n"
        '5.9 The police record listed the mother as "VETCH Mei Lan".\n\n'
        "02/02/2019 Delivery Suite MW TC Lottie born at 38+5 weeks."
    )
    plan, output = run(tmp_path, body)
    assert '"Mother"' in output  # one pseudonym for the record's whole name, not "Mother Mother"
    assert pseudonyms(plan)["Lottie"] != pseudonyms(plan).get("TC")


def test_a_given_name_in_brackets_after_a_record_s_full_name_is_hers(tmp_path: Path) -> None:
    body = (
        '"CHILD V" - QUIN Suet-lam (Ysolde)\n\n'
        "1.1 Ysolde Quin was 9. Her Chinese name is Suet-lam; she chose Ysolde herself at school. Ysolde lived with "
        "her father, Tobiah Quin."
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Ysolde"] == found["Ysolde Quin"] == found["Suet-lam"] != found["Tobiah Quin"]


def test_a_name_after_told_her_mum_is_what_was_said_not_the_mum(tmp_path: Path) -> None:
    body = (
        "1.1 This review concerns Lottie, aged 15. Her mother, Dorcas Quellode, works nights.\n\n"
        '4.1 Lottie was reported missing on 30 May. On 31 May a friend tells her mum Lottie is "up north working".'
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Lottie"] == "subject_child"


def test_one_name_transliterated_otherwise_in_another_record_is_the_same_person(tmp_path: Path) -> None:
    body = (
        '2.1 The family\'s names appear in several spellings. The GP record for "Hestor Alqarrel" and the health '
        'visiting record for "Hester AL-QARREL" were not matched for six weeks. Their mother is Dorcas Quill.'
    )
    plan, _ = run(tmp_path, body)
    found = pseudonyms(plan)
    assert found["Hestor Alqarrel"] == found["Hester AL-QARREL"] != found["Dorcas Quill"]


def test_other_names_between_a_first_name_and_a_surname_are_the_same_man(tmp_path: Path) -> None:
    body = (
        "Name\tRelationship\tLanguage\n"
        'Tobiah (Quellan, "Teasel") Quarrell\tFather\tEnglish\n\n'
        "2.1 His passport name is Quellan; at home he is Tobiah; customers knew him as \"Teasel\". Tobiah came to "
        "Quellford in 1998. Teasel answered his phone."
    )
    plan, _ = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Tobiah"] == names["Quellan"] == names["Teasel"] == "Father"


def test_a_business_name_that_is_a_named_man_s_name_is_the_man(tmp_path: Path) -> None:
    body = (
        "2.1 Tobiah Quarrell is the father. The nursery recorded his contact as \"Teasel Quarrell\" 01632 960117.\n"
        "2.2 Customers knew him as Teasel. The referral recorded the father as \"Teasel Quarrell (café)\"."
    )
    plan, _ = run(tmp_path, body)
    assert not any(e.label == "ORGANISATION" and "Teasel Quarrell" in e.texts for e in plan.entities)


@pytest.mark.parametrize(
    ("relation", "role"),
    [("Uncle's wife", "aunt"), ("mothers partner, father of Ebun", "mothers_partner"), ("Aunt's husband", "uncle")],
)
def test_a_family_table_s_relation_by_marriage_or_without_its_apostrophe(
    tmp_path: Path, relation: str, role: str
) -> None:
    body = (
        f"| Name | Relationship to T | Age |\n|---|---|---|\n| Tobiah Quill | Subject | 14 |\n"
        f"| Dorcas Vetch | {relation} | 40 |\n\n2.1 Dorcas Vetch visited Tobiah."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Dorcas Vetch"] == role


def test_a_quoted_nickname_is_the_full_name_the_sentence_says_it_is(tmp_path: Path) -> None:
    body = (
        '2.1 He said Tobs lets him sweep up at the barber\'s. Comment: "Tobs" is Tobiah Quarrell, who ran the shop.\n'
        '2.2 Staff first recorded the name "Anvil" in December. Police later identified "Anvil" as Augustus Vetch, '
        "aged 27. Mr Vetch was arrested."
    )
    plan, published = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Tobs"] == names["Tobiah Quarrell"]
    assert names["Anvil"] == names["Augustus Vetch"]
    assert f"{names['Anvil']} was arrested" in published


def test_foster_carers_sharing_a_surname_are_told_apart_by_title(tmp_path: Path) -> None:
    body = (
        "3.1 She was placed with foster carers Hester and Tobiah Quarrell in Quellford. Mrs Quarrell told the "
        "reviewer she was happy there. Mr Quarrell stayed in contact with her."
    )
    plan, published = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["Hester"] != names["Tobiah Quarrell"]
    assert f"{names['Hester']} told the reviewer" in published
    assert f"{names['Tobiah Quarrell']} stayed in contact" in published


def test_a_pasted_page_s_wrapped_lines_part_no_name_and_no_job(tmp_path: Path) -> None:
    body = (
        "4.21 Ebun's father, Tobiah Quarrell, is 23 years old and lives in Quellford. He saw Ebun rarely.\n"
        "4.22 The household at 27 Quellmoor Close was therefore, at the time of the incident: Dorcas\n"
        "Vetch (aged 19); Ebun Vetch, born 9 November 2007, who was then 15 months old. The health\n"
        "visitor, Mrs Hester Knotley, did the new birth visit. There was no meeting with Dorcas, no\n"
        "interpreter was considered. Ebun was seen by Mrs Knotley four times."
    )
    plan, _ = run(tmp_path, body)
    assert roles(plan)["Ebun Vetch"] == "subject_child"
    assert roles(plan)["Hester Knotley"] == "health_visitor"
    assert roles(plan)["Dorcas"] != "interpreter"


def test_an_initial_before_a_given_name_is_the_man_named_in_full(tmp_path: Path) -> None:
    body = (
        "2.1 Ebun lived with his father, Tobiah Rajaquell, and his mother. Tobiah's father was called Rajaquell, so "
        'in the temple he is "R. Tobiah". On forms he has been recorded as "Mr Rajaquell" and as "Mr Tobiah".\n'
        "2.2 Mr Tobiah works nights in a shop."
    )
    plan, published = run(tmp_path, body)
    names = pseudonyms(plan)
    assert names["R. Tobiah"] == names["Tobiah Rajaquell"]
    assert f"{names['Tobiah Rajaquell']} works nights" in published
