"""Named roles are read from phrasings built of the same parts (role nouns tied to a name in a line, sentence,
table row or signature block), and never from a name that merely stands near a role noun.

Names here are invented for these tests; none comes from a blind or held-out draft.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from redact.config import ReportConfig
from redact.detect import Detector
from redact.ingest import ingest
from redact.resolve import Plan, resolve


@cache
def detector() -> Detector:
    return Detector()


def plan_of(tmp_path: Path, body: str, title: str = "SERIOUS CASE REVIEW") -> Plan:
    draft = tmp_path / "draft.txt"
    draft.write_text(f"{title}\n\n{body}", encoding="utf-8")
    document = ingest(draft)
    return resolve(document, detector().detect(document), ReportConfig())


def named(tmp_path: Path, body: str) -> dict[str, tuple[str, ...]]:
    plan = plan_of(tmp_path, body)
    return {e.texts[0]: e.named_roles for e in plan.entities if e.label == "PERSON" and e.kept}


@pytest.mark.parametrize(
    ("body", "name", "roles"),
    [
        ("Independent overview author: Dr Anwen Pryce-Lloyd\n", "Anwen Pryce-Lloyd", ("author",)),
        ("The overview report was written by Dr Tomasz Wierzbicki, a former director.\n", "Tomasz Wierzbicki",
         ("author",)),
        ("The overview report and this summary were written by an independent social work consultant, Ignatius "
         "Pelbury.\n", "Ignatius Pelbury", ("author",)),
        ("Name | Role | Organisation\nHelena Marsh-Oyelaran | Overview Report Author | Independent consultant\n",
         "Helena Marsh-Oyelaran", ("author",)),
        ("With thanks.\n\nDr Imelda Castellanos, Independent Overview Author\n", "Imelda Castellanos", ("author",)),
        ("Report by: Fergal Ó Súilleabháin Independent Overview Report Writer\n", "Fergal Ó Súilleabháin",
         ("author",)),
        ("Executive summary prepared by:- Bronwen Achterberg, Independent Author\n", "Bronwen Achterberg",
         ("author",)),
        ("endorsed by:- Cecily Rautenbach, Independent Chair of BSCB\n", "Cecily Rautenbach", ("lscb_chair",)),
        ("Independent Serious Case Review Panel Chair – Dr Ottoline Vasquez\n", "Ottoline Vasquez",
         ("panel_chair",)),
        ("Chair of the Serious Case Review Panel: Gideon Ashworth-Pike\n", "Gideon Ashworth-Pike", ("panel_chair",)),
        ("The review panel was chaired by Philomena Stroud, a director elsewhere.\n", "Philomena Stroud",
         ("panel_chair",)),
        ("Mr Oskar Lindqvist – Independent Chair and Author\n", "Oskar Lindqvist", ("author", "panel_chair")),
        ("The independent reviewer, Ms Dagny Holmqvist, met the family.\n", "Dagny Holmqvist", ("author",)),
        ("Independent Scrutineer: Rosalind Achebe-Hart\n", "Rosalind Achebe-Hart", ("lscb_chair",)),
        # a board and its chair in a relative clause, after the panel's chair is named
        ("The review was chaired by Hester Quarrell. The report went to the QSCB, whose independent chair is "
         "Ignatius Pelbury, in March.\n", "Ignatius Pelbury", ("lscb_chair",)),
        ("The chair of the CSP, Councillor Maeve Tallis-Brook, approved this draft.\n", "Maeve Tallis-Brook",
         ("lscb_chair",)),
        ("Independent Scrutineer to the safeguarding partners: Professor Ingram Pellow-Vance\n", "Ingram Pellow-Vance",
         ("lscb_chair",)),
        # a signature block set as separate paragraphs: name, blank line, role with the board after a comma
        ("I commend this report.\n\nProfessor Leofric Dunmore\n\nIndependent Chair, Wyreshire Safeguarding Children "
         "Board\n\nMay 2018\n", "Leofric Dunmore", ("lscb_chair",)),
        ("6.2 The lead reviewer and author of the overview report and of this summary is Corentin Abiola-Frayne, "
         "a former director.\n", "Corentin Abiola-Frayne", ("author",)),
        # ... and the date run into the role line, as a PDF's text gives it
        ("I commend this report.\n\nOsric Penhallow\n\nIndependent Chair, Wyreshire Local Safeguarding Children "
         "Board 14 October 2014\n\n1. Introduction\n", "Osric Penhallow", ("lscb_chair",)),
        ("Agreed by the panel.\n\nMarisol Tennant-Achebe\n\nChair, Serious Case Review Panel\n",
         "Marisol Tennant-Achebe", ("panel_chair",)),
        # a Markdown signature block: the name in bold on its line, the role on the next
        ("The Board accepts the report.\n\n---\n\n**Tiberius Okonjo-Marsh**\nIndependent Chair, Wyreshire Local "
         "Safeguarding Children Board\n\n**Perpetua Vance-Idowu**\nIndependent Overview Author\n",
         "Perpetua Vance-Idowu", ("author",)),
        ("The Board accepts the report.\n\n**Tiberius Okonjo-Marsh**\nIndependent Chair, Wyreshire Local "
         "Safeguarding Children Board\n", "Tiberius Okonjo-Marsh", ("lscb_chair",)),
        # minutes: the attendee's initials between the name and the role, a tab before the role
        ("Present:\nWinifred Ashcombe (WA)\tIndependent Chair, Corvedale LSCB\nDr Esme Toller (ET)\tDesignated "
         "Doctor, Sub-committee Chair\n", "Winifred Ashcombe", ("lscb_chair",)),
        # a chair's foreword: whom the board asked to chair the panel and to write the report
        ("I asked Rosalind Achterberg, who manages none of the services involved, to chair the review panel, and "
         "the Board appointed Dr Emrys Quaye-Holt, an independent consultant, to write the overview report.\n",
         "Rosalind Achterberg", ("panel_chair",)),
        ("The Board commissioned Ottilie Brannagh to write the overview report.\n", "Ottilie Brannagh", ("author",)),
        # the board's acronym between the role and the name
        ("The review was commissioned by the Independent Chair of the Quellshire Safeguarding Children Board (QSCB), "
         "Professor Hester Knotley, in May.\n", "Hester Knotley", ("lscb_chair",)),
        # a relative clause says what leading the review was; the report's writer is another
        ("The review was led by Dorcas Pelbury, who chaired the panel throughout, and the overview report and this "
         "summary were written by Augustus Quellin, an independent consultant.\n", "Dorcas Pelbury", ("panel_chair",)),
        ("The review was led by Dorcas Pelbury, who chaired the panel throughout, and the overview report and this "
         "summary were written by Augustus Quellin, an independent consultant.\n", "Augustus Quellin", ("author",)),
        # "led by" a chair, said before the name: the chair, and no author
        ("The review was led by an independent panel chair, Dorcas Pelbury. Neither has worked for any agency.\n",
         "Dorcas Pelbury", ("panel_chair",)),
        ("Mabel Tarnwick, who has chaired the review panel since 2015, signed it off.\n", "Mabel Tarnwick",
         ("panel_chair",)),
        # a role in brackets after what it belongs to
        ("Author: Ida Fenwick, Head of Centre\nFor: SCR panel (chair Hesper Quayle) and the overview author\n",
         "Hesper Quayle", ("panel_chair",)),
        # a relative clause between the report and its writing
        ("The overview report, from which this summary is drawn, was written by Tobiah Quellin, a consultant.\n",
         "Tobiah Quellin", ("author",)),
    ],
)
def test_role_phrasings_are_read(tmp_path: Path, body: str, name: str, roles: tuple[str, ...]) -> None:
    assert named(tmp_path, body).get(name) == roles


@pytest.mark.parametrize(
    "body",
    [
        "The mother told the reviewer Hester Knotley was scared. Hester Knotley, the author notes, was 19.\n",
        "Child: Lottie Pelbury\nEXECUTIVE SUMMARY\nLead reviewer: Agatha Smithers\n",  # the next line's label
        "Author: Dorcas Tarnwick, Named Nurse\n\nINDIVIDUAL MANAGEMENT REVIEW\n",  # an agency's own author
        "A letter written by Mabel Quarrell was sent to the school.\n",
        "The school asked Hester Knotley to write a statement for the court.\n",  # no task of the review's
        "When she spoke to the reviewer, Hester said she had told them everything.\n",  # the main clause's subject
        "After a long talk with the lead reviewer, Mabel Quarrell agreed to the interview.\n",
        "Hester Quarrell, who chaired the review meetings at the school, rang the father.\n",  # no panel of the review
        # the role ends what someone told, and the name is the next clause's subject
        "In May, according to what the girl told the reviewer, Hester Quarrell came to the house.\n",
    ],
)
def test_a_name_near_a_role_noun_is_not_kept(tmp_path: Path, body: str) -> None:
    kept = named(tmp_path, body)
    names = {"Hester Knotley", "Hester", "Lottie Pelbury", "Dorcas Tarnwick", "Mabel Quarrell", "Hester Quarrell"}
    assert not names & set(kept)


@pytest.mark.parametrize(
    ("body", "not_kept"),
    [
        # a role cell, an empty cell ("–"), then the next row's member: the role is not hers
        ("Name                 Role                    Organisation\nHugo Trask           Independent Reviewer    –\n"
         "Lena Hoffmann        Detective Inspector     Wessex Police\n", "Lena Hoffmann"),
        # a line wrapped before "was completed by": no "Completed by:" label
        ("A child sexual exploitation screening tool for the whole of the review period and after\nwas completed by "
         "Ms Ottilie Brandauer in November 2017.\n", "Ottilie Brandauer"),
        # a preposition makes the review the object of another noun: the translator wrote no report
        ("Sources\n\nTranslation for this review by Mererwen Gethin, Welsh Language Unit, October 2013.\n",
         "Mererwen Gethin"),
    ],
)
def test_a_role_on_another_row_or_a_wrapped_line_names_no_one(tmp_path: Path, body: str, not_kept: str) -> None:
    assert not_kept not in named(tmp_path, body)


def test_a_panel_typed_with_tabs_gives_its_members_a_panel_pseudonym(tmp_path: Path) -> None:
    body = (
        "The membership of the Panel was as follows:\n\n"
        "Name\tJob title\tOrganisation\n"
        "Orla Penhaligon (Chair)\tHead of Safeguarding\tCounty Council\n"
        "Dr Ivo Sandersby\tDesignated Doctor\tClinical Commissioning Group\n"
        "Wendell Ashdown-Price\tService Manager\tChildren's Social Care\n"
    )
    roles = {e.texts[0]: (e.role, e.pseudonym) for e in plan_of(tmp_path, body).entities if e.label == "PERSON"}
    assert roles["Ivo Sandersby"][0] == "panel_member" and roles["Ivo Sandersby"][1].startswith("Panel Member")
    assert roles["Wendell Ashdown-Price"][0] == "panel_member"


def test_a_named_or_designated_professional_in_a_panel_list_is_a_panel_member(tmp_path: Path) -> None:
    body = (
        "The panel members were:\n\n- Dorcas Pelbury, Head of Adult Safeguarding, Quellshire Council;\n\n"
        "- Augustus Tarnwick, Named Professional for Adult Safeguarding, Quellshire NHS Foundation Trust;\n\n"
        "- Mabel Smithers, Designated Professional, Quellshire Integrated Care Board.\n"
    )
    plan = plan_of(tmp_path, body, title="SAFEGUARDING ADULTS REVIEW")
    roles = {e.texts[0]: e.role for e in plan.entities if e.label == "PERSON"}
    assert roles["Augustus Tarnwick"] == roles["Mabel Smithers"] == "panel_member"


def test_a_partnership_chaired_by_someone_names_its_chair(tmp_path: Path) -> None:
    body = (
        "2.1 The Brackenvale Community Safety Partnership, chaired by Harpreet Kaur Sandhu, decided on 4 May 2023 "
        "that the criteria for a review were met.\n"
    )
    assert named(tmp_path, body).get("Harpreet Kaur Sandhu") == ("lscb_chair",)


def test_chairing_the_review_fell_to_someone(tmp_path: Path) -> None:
    body = (
        "2.2 Steering the review, and keeping the panel honest about what each agency had known "
        "at the time, fell to Dr Ifeoma Castlebridge, an independent safeguarding consultant.\n"
    )
    assert named(tmp_path, body).get("Ifeoma Castlebridge") == ("panel_chair",)


def test_prose_that_mentions_imrs_makes_no_agency_report_of_a_pasted_summary(tmp_path: Path) -> None:
    """Text pasted out of a PDF has short lines of prose at its top; "provided an individual management review
    (IMR)" there tells of the review, it is no IMR's title, so "were written by" still names the author."""
    body = (
        "QUELLSHIRE LSCB EXECUTIVE SUMMARY\n1.1 The home's provider, Tarnmoor Care Ltd, provided an individual\n"
        "management review (IMR) and attended two meetings. The overview\nreport and this summary were written by "
        "Ottoline Quarrell, an independent\nconsultant.\n"
    )
    assert named(tmp_path, body).get("Ottoline Quarrell") == ("author",)


def test_an_agency_report_names_the_panel_chair_it_was_submitted_to(tmp_path: Path) -> None:
    """An IMR's "Prepared by" is its agency's author, no named role; "the SCR panel chaired by X" is the chair."""
    body = (
        "Individual Management Review: Education\n\nPrepared by: Rhian Castellow, Designated Safeguarding Lead\n\n"
        "Submitted to the SCR panel chaired by Idris Penhallow; LSCB Independent Chair: Morwenna Treloar\n"
    )
    found = named(tmp_path, body)
    assert found.get("Idris Penhallow") == ("panel_chair",) and found.get("Morwenna Treloar") == ("lscb_chair",)
    assert "Rhian Castellow" not in found



def test_a_panel_table_of_job_titles_and_organisations_alone_is_kept_but_says_no_pseudonym_back(
    tmp_path: Path,
) -> None:
    """The table is kept, but an organisation the story pseudonymises is pseudonymised in it too: the table
    naming it beside "the out-of-hours service, Organisation 1" would say who Organisation 1 is."""
    draft = tmp_path / "draft.txt"
    draft.write_text("SERIOUS CASE REVIEW\n\n3.3 Late that night she rang the out-of-hours service, Marlow Fen "
                     "Doctors on Call, for advice.\n\n8. THE REVIEW PANEL\n\nMembers were:\n\nJob title\tEmploying "
                     "organisation\nIndependent Chair\tQuillon Consulting Ltd\nClinical Lead, Urgent Care\tMarlow Fen "
                     "Doctors on Call\n", encoding="utf-8")
    document = ingest(draft)
    plan = resolve(document, detector().detect(document), ReportConfig())
    table = document.text.index("Job title")
    changed = [r for r in plan.changes() if "Doctors on Call" in r.original]
    assert [r.start < table for r in changed] == [True, False]  # in the story and in the panel table
    assert len({r.replacement for r in changed}) == 1
    assert any("Marlow Fen Doctors on Call" in w and "pseudonymises" in w for w in plan.warnings)
    assert not any("Quillon" in r.original or "Independent Chair" in r.original for r in plan.changes())


def test_a_name_read_as_the_author_whom_the_story_calls_a_relative_is_not_kept(tmp_path: Path) -> None:
    body = (
        "1.1 The review was written by Ignatius Quellode, who also met the family.\n"
        "1.2 Lottie lived with her mother, Dorcas Pelbury. Her uncle, Ignatius Quellode, visited often.\n"
    )
    plan = plan_of(tmp_path, body)
    (ignatius,) = [e for e in plan.entities if "Ignatius Quellode" in e.texts]
    assert not ignatius.kept
    assert any("Ignatius Quellode" in w and "relative" in w for w in plan.warnings)


def test_a_signature_with_its_date_on_the_role_line_names_the_author(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "SERIOUS CASE REVIEW\n\n1. Executive summary\n\n1.1 This is the overview report into the death of Abdi.\n\n"
        "Signed:\n\nDr Temperance Okoye-Blake Lead Reviewer 12 March 2018\n",
        encoding="utf-8",
    )
    document = ingest(draft)
    plan = resolve(document, detector().detect(document), ReportConfig())
    assert any(e.kept and e.role == "author" and "Temperance Okoye-Blake" in e.texts for e in plan.entities)


def test_a_panel_member_s_surgery_or_school_is_pseudonymised_though_the_row_is_kept(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "SERIOUS CASE REVIEW\n\nPanel membership\n\nName | Job title | Organisation\n"
        "Ruth Amblecote | Named GP | Harbour Lane Surgery\n"
        "Owen Tredwell | Designated Nurse | Northshire Clinical Commissioning Group\n",
        encoding="utf-8",
    )
    document = ingest(draft)
    plan = resolve(document, detector().detect(document), ReportConfig())
    surgery = next(e for e in plan.entities if "Harbour Lane Surgery" in e.texts)
    assert not surgery.kept and surgery.pseudonym


def test_a_role_between_two_names_of_a_flattened_panel_table_is_the_chair_s_the_draft_names(tmp_path: Path) -> None:
    """A panel table pasted out of a PDF runs its rows together ("Name Job Organisation Name Job ..."): "Independent
    Chair" stands after the chair's name and before the next member's. "It was chaired by X" says whose it is; the
    next member is no named role."""
    body = (
        "1.6 The review panel met on five occasions. It was chaired by\nIgnatius Quarrell, an independent consultant.\n"
        "Name Job title Organisation Ignatius Quarrell Independent Chair -- Dorcas Pelbury Head of\n"
        "Safeguarding Quellshire Children's Services Mabel Tarnmoor Designated Nurse Quellshire Trust\n"
    )
    kept = named(tmp_path, body)
    assert kept.get("Ignatius Quarrell") == ("panel_chair",)
    assert "Dorcas Pelbury" not in kept


@pytest.mark.parametrize(
    "body",
    [
        # the sentence is about the board: "its" is the board's, whatever else the sentence names
        "7.1 This review was chaired by Augustus Smithers, an independent consultant, and the overview report was "
        "written by Hester Pelbury. The Board accepted the report and its recommendations at its meeting in April; "
        "its independent chair, Ottoline Quarrell, will report progress every quarter.",
        # the board is the nearest thing named before "its"
        "This review was commissioned by the Quellmoor LSCB following the decision of its Independent Chair, "
        "Ottoline Quarrell, in May 2016. The panel was chaired by Augustus Smithers. The overview author was Hester "
        "Pelbury.",
    ],
)
def test_its_chair_is_the_board_s_where_its_means_the_board(tmp_path: Path, body: str) -> None:
    found = named(tmp_path, body)
    assert found["Ottoline Quarrell"] == ("lscb_chair",)
    assert found["Augustus Smithers"] == ("panel_chair",)


def test_a_community_safety_partnership_chair_beside_the_boards_chair_is_not_kept(tmp_path: Path) -> None:
    body = (
        "1.2 The Chair of the Community Safety Partnership, Councillor Ignatius Quellode, and the Independent "
        "Chair of the Ostlebury LSCB, Hester Pelbury, agreed that one joint review would meet both guidances.\n"
    )
    kept = named(tmp_path, body)
    assert kept.get("Hester Pelbury") == ("lscb_chair",)
    assert "Ignatius Quellode" not in kept


def test_a_signature_block_set_as_paragraphs_names_the_panel_chair_whatever_list_knows_the_name(
    tmp_path: Path,
) -> None:
    body = (
        "Signed:\n\nOlumbe Quellode-Tarnwick\n\nChair, Serious Case Review Panel\n\nHester Pelbury\n\n"
        "Independent Overview Author\n\nJune 2015\n"
    )
    found = named(tmp_path, body)
    assert found.get("Olumbe Quellode-Tarnwick") == ("panel_chair",)
    assert found.get("Hester Pelbury") == ("author",)


def test_a_joint_chronology_s_compilers_are_not_the_review_s_author(tmp_path: Path) -> None:
    body = (
        "JOINT POLICE AND CHILDREN'S SERVICES CHRONOLOGY AND ANALYSIS\n\n"
        "Prepared for the SCR Panel. Overview author: Hester Quellode.\n"
        "Compiled by Tobiah Knotley (Detective Inspector, Public Protection Unit) and Dorcas Pelbury (Service "
        "Manager), both panel members.\n"
    )
    found = named(tmp_path, body)
    assert found.get("Hester Quellode") == ("author",) and "Tobiah Knotley" not in found
