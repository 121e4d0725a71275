"""Unit and property tests for the resolver on small hand-made documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from redact.config import PanelMember, ReportConfig, Subject
from redact.detect.finding import Finding
from redact.document import Block, BlockKind, build_document
from redact.gold import parse_markup
from redact.resolve import Action, apply_plan, resolve
from redact.resolve.grammar import generalise_age, generalise_date, inflect, last_dated
from redact.resolve.names import parse_name
from redact.resolve.operators import GeneraliseDate, Pseudonymise


def plan_for(marked: str, config: ReportConfig | None = None):  # type: ignore[no-untyped-def]
    text, mentions = parse_markup(marked)
    paragraphs = text.split("\n\n")
    document = build_document("t.txt", "txt", [Block(BlockKind.PARAGRAPH, p) for p in paragraphs])
    assert document.text == text
    findings = [Finding(m.start, m.end, m.label, m.text, 1.0, "gold") for m in mentions]
    plan = resolve(document, findings, config)
    return plan, apply_plan(text, plan)


def test_name_variants_become_one_person_with_grammar() -> None:
    _, out = plan_for(
        "Name | Relationship\n[[Jayden Smith|PERSON|c]] | Subject child\n[[Kelly Smith|PERSON|m]] | Mother\n\n"
        "[[Jayden|PERSON|c]] lived with his mother [[Kelly|PERSON|m]]. [[JAYDEN|PERSON|c]]'s school was told. "
        "Ms [[Smith|PERSON|m]] said [[Jay|PERSON|c]] was well. [[Kelly|PERSON|m]]’s flat was cold. "
        "[[J. Smith|PERSON|c]] was seen."
    )
    assert "Child A | Subject child\nMother | Mother" in out
    assert "Child A lived with his mother." in out
    assert "CHILD A's school" in out
    assert "Mother said Child A was well. Mother’s flat" in out
    assert "Child A was seen." in out


def test_shared_surname_resolved_by_title_or_left_vague_with_warning() -> None:
    plan, out = plan_for(
        "[[Kelly Smith|PERSON|m]] is the mother. [[Mark Smith|PERSON|f]] is the father.\n\n"
        "Mr [[Smith|PERSON|f]] was at work.\n\n"
        "[[Anna Jones|PERSON|a]] and [[Beth Jones|PERSON|b]] visited. Ms [[Jones|PERSON|x]] left."
    )
    assert "Father was at work." in out
    assert "A family member left." in out or "An adult" in out or any("ambiguous" in w for w in plan.warnings)
    assert any("ambiguous" in w for w in plan.warnings)


def test_professionals_by_job_title_and_apposition() -> None:
    _, out = plan_for(
        "Social Worker [[Priya Patel|PERSON|sw]] visited. The health visitor, [[Joanne Reid|PERSON|hv]], called. "
        "PC [[Hughes|PERSON|pc]] attended with PC [[Owen Lee|PERSON|pc2]]. The mother, [[Kelly Smith|PERSON|m]], "
        "was out. Dr [[Ahmed|PERSON|gp]], the family's GP, was told."
    )
    assert out.startswith("Social Worker 1 visited. Health Visitor 1 called. Police Officer 1 attended with "
                          "Police Officer 2. The mother was out. GP 1, the family's GP, was told.")  # fmt: skip


def test_numbering_by_first_appearance_and_places() -> None:
    plan, out = plan_for(
        "[[Ann Bell|PERSON|a]] (social worker) and [[Cara Dee|PERSON|b]] (social worker) met at "
        "[[Oakfield Primary School|SCHOOL|s]] in [[Northtown|LOCATION|t]], [[NT4 7QP|POSTCODE|p]], on "
        "[[3 May 2019|DATE|d]]. [[Oakfield Primary|SCHOOL|s]] called on [[03/06/2019|DATE|d2]]. "
        "He was [[aged 19 months|AGE|g]] and she was [[aged 4|AGE|g2]]; born on [[1 May 2015|DATE_OF_BIRTH|b]]."
    )
    assert out == (
        "Social Worker 1 and Social Worker 2 met at School 1 in Town A, [postcode], in May 2019. School 1 "
        "called in June 2019. He was aged 1 year and she was aged 4; born on [date of birth]."
    )
    actions = {r.original: r.action for r in plan.replacements}
    assert actions["aged 4"] is Action.KEEP and actions["on 3 May 2019"] is Action.GENERALISE


def test_named_roles_from_config_and_from_the_draft() -> None:
    config = ReportConfig(
        named_roles={"lscb_chair": "Ann Lee"},
        panel=(PanelMember("Bob Hart", "Designated Nurse", "Northshire NHS Trust"),),
    )
    plan, out = plan_for(
        "The review was chaired by [[Zoe Ray|PERSON|pc|keep]]. Overview report author: [[Sam Ito|PERSON|au|keep]].\n\n"
        "[[Ann Lee|PERSON|l|keep]] opened the meeting.\n\n"
        "Name | Job title | Organisation\n[[Bob Hart|PERSON|ph]] | Designated Nurse | "
        "[[Northshire NHS Trust|ORGANISATION|o|keep]]\n[[Di Fox|PERSON|pf]] | Head of Service | "
        "[[Fox Lane Trust|ORGANISATION|o2|keep]]",
        config,
    )
    for name in ("Zoe Ray", "Sam Ito", "Ann Lee", "Northshire NHS Trust", "Fox Lane Trust"):
        assert name in out
    assert "Panel Member 1 | Designated Nurse" in out and "Panel Member 2 | Head of Service" in out
    reasons = {k.text: k.reason for k in plan.kept}
    assert "(config)" in reasons["Ann Lee"] and "chaired by" in reasons["Zoe Ray"]
    assert "Overview report author" in reasons["Sam Ito"]


def test_two_mothers_second_becomes_adult_with_warning() -> None:
    plan, out = plan_for("[[Amy Lo|PERSON|a]] (mother) met [[Bea Ng|PERSON|b]] (mother).")
    assert out == "Mother met Adult 1 (mother)." or out.startswith("Mother met Adult 1")
    assert any("two people" in w for w in plan.warnings)


def test_operators_work_in_a_plain_presidio_engine() -> None:
    engine = AnonymizerEngine()
    engine.add_anonymizer(Pseudonymise)
    engine.add_anonymizer(GeneraliseDate)
    text = "KELLY'S visit on 3 May 2019"
    results = [RecognizerResult("PERSON", 0, 7, 0.9), RecognizerResult("DATE", 17, 27, 0.9)]
    operators = {
        "PERSON": OperatorConfig("pseudonymise", {"pseudonym": "Mother"}),
        "DATE": OperatorConfig("generalise_date", {}),
    }
    assert engine.anonymize(text, results, operators).text == "MOTHER'S visit on May 2019"


def test_grammar_helpers() -> None:
    assert inflect("Jayden’s", "Child A") == "Child A’s"
    assert inflect("a", "a family member", sentence_start=True) == "A family member"
    assert generalise_date("03/05/2019") == "May 2019"
    assert generalise_date("not a date") is None
    # a range or pair of dates: each end generalised, said once where both ends come out alike
    assert generalise_date("2 - 14 July 2015") == generalise_date("3 July - 14 July 2015") == "July 2015"
    assert generalise_date("October and December 2014") == "October and December 2014"
    assert generalise_date("3 May to 4 June 2015") == "May to June 2015"
    assert generalise_date("Tuesday and Wednesday") is None
    assert generalise_age("6-week-old") == "young"


def test_a_date_without_a_year_takes_the_year_of_the_date_before_it_on_its_line() -> None:
    row = "17 March 2012 - Messages continued until the early hours of "
    assert last_dated(row) == (3, "2012") and last_dated("Messages continued until ") is None
    assert generalise_date("19 March", dated_before=last_dated(row)) == "March 2012"  # not "March", a town's name
    assert generalise_date("2 May", dated_before=(3, "2012")) == "May 2012"
    assert generalise_date("2 January", dated_before=(12, "2011")) == "January"  # maybe the next year: not said
    assert generalise_date("19 March") == "March"
    operator_params = {"granularity": "month_year", "dated_before": [3, "2012"]}  # as an audit trail stores it
    assert GeneraliseDate().operate("on 19 March", operator_params) == "in March 2012"


NAMES = ["Kelly Smith", "Kelly", "Mark Smith", "Oakfield School", "Northtown", "NT4 7QP", "3 May 2019"]
LABELS = {"Kelly Smith": "PERSON", "Kelly": "PERSON", "Mark Smith": "PERSON", "Oakfield School": "SCHOOL",
          "Northtown": "LOCATION", "NT4 7QP": "POSTCODE", "3 May 2019": "DATE"}  # fmt: skip
FILLER = ["the mother", "said", "and", ".", "his mother", "Ms", "the", ",", "(mother)", "'s", "visited", "\n"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(FILLER)), min_size=1, max_size=25))
def test_property_no_character_of_a_found_span_survives(tokens: list[str]) -> None:
    text, findings, cursor = "", [], 0
    for token in tokens:
        piece = ("" if not text or token in ("'s", ".", ",") else " ") + token
        if token in LABELS:
            start = len(text) + len(piece) - len(token)
            findings.append(Finding(start, start + len(token), LABELS[token], token, 1.0, "test"))
        text += piece
        cursor = len(text)
    assert cursor == len(text)
    document = build_document("p.txt", "txt", [Block(BlockKind.PARAGRAPH, text)])
    plan = resolve(document, findings)
    out = apply_plan(text, plan)
    covered = [(r.start, r.end) for r in plan.replacements if r.action is not Action.KEEP]
    for finding in findings:
        if finding.label == "DATE":
            continue
        assert any(s <= finding.start and finding.end <= e for s, e in covered), finding
    assert "Kelly" not in out and "Northtown" not in out and "Oakfield" not in out


def test_a_child_is_found_from_parents_age_birth_or_school() -> None:
    drafts = [
        "[[Jayden Smith|PERSON|c]] lived with his mother, [[Kelly Smith|PERSON|m]].",
        "[[Ann Bell|PERSON|a]] visited. [[Mia|PERSON|c]]'s father was out.",
        "[[Ann Bell|PERSON|a]] met [[Mia Jones|PERSON|c]], aged 3, at home.",
        "[[Ann Bell|PERSON|a]] phoned. In 2020 [[Mia Jones|PERSON|c]] was born on 3 May 2019.",
        "[[Ann Bell|PERSON|a]] phoned. [[Mia Jones|PERSON|c]] attended [[Oak School|SCHOOL|s]].",
        "[[Ann Bell|PERSON|a]] told [[Leo|PERSON|c]] about his father.",  # "his" is not Ann's
    ]
    for marked in drafts:
        plan, out = plan_for(marked)
        roles = {e.texts[0]: e.role for e in plan.entities if e.label == "PERSON"}
        child = next(name for name in roles if name.startswith(("Jayden", "Mia", "Leo")))
        assert roles[child] == "subject_child", (marked, roles)
        assert "Child A" in out and not any("subject child" in w for w in plan.warnings)
        assert all(role != "subject_child" for name, role in roles.items() if name != child)


def test_adults_are_not_made_children() -> None:
    plan, out = plan_for(
        "[[Kelly Smith|PERSON|m]] was aged 19 when she met [[Mark Jones|PERSON|f]], then 24 years old. "
        "[[Kelly Smith|PERSON|m]] was born in 1990 and the review was in 2020."
    )
    assert all(e.role == "adult" for e in plan.entities)
    assert any("no subject child found" in w and "report.yaml" in w for w in plan.warnings)


def test_subject_is_the_child_most_mentioned() -> None:
    plan, out = plan_for(
        "Executive Summary\n\n[[Amy Lo|PERSON|a]], aged 6, died. [[Amy|PERSON|a]] had a brother, "
        "[[Ben Lo|PERSON|b]].\n\n[[Ben|PERSON|b]], aged 9, was at school. [[Amy|PERSON|a]] was at home."
    )
    assert out.startswith("Executive Summary\n\nChild A, aged 6, died. Child A had a brother, Sibling 1.")
    assert "Sibling 1, aged 9" in out


def test_config_subject_given_in_full_matches_a_first_name_only_text() -> None:
    config = ReportConfig(subject=Subject("Olivia Hereward", "Child C"))
    plan, out = plan_for(
        "[[Olivia|PERSON|c]] was seen by [[Ann Bell|PERSON|a]]. Mr [[Hereward|PERSON|f]] was out.", config
    )
    assert out.startswith("Child C was seen by")
    assert not any("subject child" in w for w in plan.warnings)
    assert plan.entity(plan.replacements[-1].entity_id).role != "subject_child"


def test_title_gender_and_role_settle_a_shared_surname() -> None:
    _, out = plan_for(
        "[[Lajita Sachar|PERSON|c]], aged 14, lived with [[Lopa Sachar|PERSON|s]], aged 15. "
        "Her father, [[Rayaan Sachar|PERSON|f]], lives away.\n\n"
        "Lajita stayed with Mr [[Sachar|PERSON|f]]. The police refer to [[Lajita|PERSON|c]] as "
        "[[L. Sachar|PERSON|c]]."
    )
    assert "stayed with Father." in out
    assert "refer to Child A as Child A." in out


def test_miss_is_the_adult_and_master_the_child() -> None:
    _, out = plan_for(
        "[[Jennifer Oppong|PERSON|c]], aged 4, lived with her mother, [[Barbara Oppong|PERSON|m]]. "
        "Her brother, [[Matthew Oppong|PERSON|b]], is 6. Their father, [[Alex Oppong|PERSON|f]], left.\n\n"
        "Miss [[Oppong|PERSON|m]] called. A letter named Master [[Oppong|PERSON|b]]."
    )
    assert "Mother called." in out
    assert "named Sibling 1." in out


def test_an_initial_that_fits_two_people_is_vague_with_a_warning() -> None:
    plan, out = plan_for(
        "[[Lajita Sachar|PERSON|c]], aged 14, and [[Lopa Sachar|PERSON|s]], aged 15, live here.\n\n"
        "A record names [[L. Sachar|PERSON|x]]."
    )
    assert out.endswith("A record names a family member.")
    assert any("ambiguous name 'L. Sachar'" in w for w in plan.warnings)


def test_a_date_in_a_birth_month_shows_only_its_year() -> None:
    _, out = plan_for(
        "Her baby was born in [[March 2019|DATE_OF_BIRTH|d]]. A new baby arrived in [[March 2019|DATE|e]]; "
        "the school noticed in [[14 May 2019|DATE|f]]."
    )
    assert "born in [date of birth]" in out
    assert "arrived in 2019;" in out and "noticed in May 2019" in out


def test_a_nickname_with_another_surname_after_it_is_someone_else() -> None:
    plan, out = plan_for(
        "Report by [[Kate Amberley-Vance|PERSON|a]], independent author.\n\n"
        "[[Kathleen|PERSON|s]] (\"[[Katie|PERSON|s]]\") [[Doyle|PERSON|s2]] is the sister. [[Kate|PERSON|a]] met her."
    )
    people = {m.text: e.id for e in plan.entities for m in e.mentions}
    assert people["Kathleen"] != people["Kate Amberley-Vance"]
    assert people["Kate"] == people["Kate Amberley-Vance"]


def test_a_family_name_written_first_in_capitals_is_the_surname() -> None:
    """Records write "PHENG Lok Yee": two short syllables are one given name, so her twin "PHENG Lok Sze" is
    another person; a longer second word is a middle name."""
    assert (parse_name("PHENG Lok Yee").first, parse_name("PHENG Lok Yee").last) == ("lok-yee", "pheng")
    assert parse_name("PHENG Lok Sze").first == "lok-sze"
    assert (parse_name("QUARRELL Ottoline Ebun").first, parse_name("QUARRELL Ottoline Ebun").last) == (
        "ottoline", "quarrell")
    assert parse_name("Ottoline Quarrell").last == "quarrell"
    # a whole name in capitals whose surname keeps its prefix small is in the usual order
    assert (parse_name("IGNATIUS McQUARRELL").first, parse_name("IGNATIUS McQUARRELL").last) == (
        "ignatius", "mcquarrell")
    assert (parse_name("O'QUARRELL Ebun").first, parse_name("O'QUARRELL Ebun").last) == ("ebun", "o'quarrell")


def test_a_kin_word_opening_a_quoted_name_goes_with_it_across_a_wrapped_line() -> None:
    _, out = plan_for(
        'The church hosted a preacher, [[Ignatius Quill|PERSON|p]], known to members as "Grandpa\n[[Iggy|PERSON|p]]". '
        "He said so."
    )
    assert "Grandpa" not in out


def test_a_date_without_a_year_set_apart_from_its_row_takes_the_year_just_before_it() -> None:
    marked = (
        "[[17 March 2012|DATE|d1]] - Police find that images were sent.\n\n6. ANALYSIS\n\n"
        "Messages continued until the early hours of [[19 March|DATE|d2]]."
    )
    _, output = plan_for(marked)
    assert output.endswith("until the early hours of March 2012.")
