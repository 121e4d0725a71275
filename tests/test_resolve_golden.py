"""Golden tests: each fixture's gold mentions, used as perfect findings, resolved and applied."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from resolve_fixtures import VAGUE, Case, load_cases

from redact.resolve import Action, Plan, apply_plan, resolve

CASES = load_cases()
IDS = [c.name for c in CASES]
PSEUDONYMISED = {"PERSON", "LOCATION", "SCHOOL", "GP_PRACTICE", "HOSPITAL", "ORGANISATION"}
# Open gaps, each named in the README ("Known gaps"); each test below checks that its gap is still there, so
# that fixing one fails loudly until it is taken off this list: (fixture, what) -> why.
KNOWN_GAPS = {
    ("handwritten/imr-education", "people"): "Somali names: the father's first name is the children's surname "
    "and the school records the mother under it",
    ("handwritten/imr-education", "mother"): "the same naming: 'Mrs Abdirahman' joins the children",
    ("handwritten/judgment", "subject_child"): "the judgment names two children as subjects, A and D; the "
    "resolver makes the one mentioned most 'Child A'",
}


def run(case: Case) -> tuple[Plan, str]:
    plan = resolve(case.document, case.findings(), case.config)
    return plan, apply_plan(case.document.text, plan)


def entity_of(plan: Plan) -> dict[int, str]:
    return {m.start: e.id for e in plan.entities for m in e.mentions}


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def resolved(request: pytest.FixtureRequest) -> tuple[Case, Plan, str]:
    case = request.param
    plan, output = run(case)
    return case, plan, output


def test_fixtures_found() -> None:
    assert len(CASES) >= 3


def test_every_gold_mention_is_replaced_or_kept_as_annotated(resolved) -> None:  # type: ignore[no-untyped-def]
    case, plan, _ = resolved
    owner = entity_of(plan)
    for mention in case.mentions:
        entity = plan.entity(owner[mention.start])
        assert entity.kept == mention.keep, (mention, entity.keep_reason)


def test_no_original_text_survives_unless_kept(resolved) -> None:  # type: ignore[no-untyped-def]
    case, plan, output = resolved
    kept_text = " ".join(k.text for k in plan.kept).lower()
    for mention in case.mentions:
        if mention.keep or mention.label in ("DATE", "AGE") or len(mention.text) < 3:
            continue
        if mention.text.lower() in kept_text:
            continue  # e.g. a town that is part of a kept panel organisation's name
        pattern = r"(?<!\w)" + re.escape(mention.text) + r"(?!\w)"
        assert not re.search(pattern, output, re.IGNORECASE), mention


def test_kept_named_roles_are_present_by_name(resolved) -> None:  # type: ignore[no-untyped-def]
    case, plan, output = resolved
    for mention in case.mentions:
        if mention.keep:
            assert mention.text in output
    reasons = {k.reason for k in plan.kept}
    assert all(reasons), "every kept span says why"


def test_one_gold_entity_one_pseudonym_and_never_shared(resolved) -> None:  # type: ignore[no-untyped-def]
    case, plan, _ = resolved
    split, shared = _split_and_shared(case, plan)
    if (case.name, "people") in KNOWN_GAPS:
        assert split or shared, f"{case.name}: gap fixed, take it off KNOWN_GAPS and the README"
        return
    assert split == {}
    assert shared == {}


def _split_and_shared(case: Case, plan: Plan) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Gold people given several pseudonyms, and pseudonyms given to several gold people."""
    owner = entity_of(plan)
    pseudonyms: dict[str, set[str]] = defaultdict(set)
    golds: dict[str, set[str]] = defaultdict(set)
    for mention in case.mentions:
        entity = plan.entity(owner[mention.start])
        if mention.keep or mention.label not in PSEUDONYMISED or entity.pseudonym in VAGUE:
            continue
        pseudonyms[mention.entity_id].add(entity.pseudonym or "")
        golds[entity.pseudonym or ""].add(mention.entity_id)
    return {g: p for g, p in pseudonyms.items() if len(p) > 1}, {p: g for p, g in golds.items() if len(g) > 1}


def test_vague_pseudonyms_come_with_a_warning(resolved) -> None:  # type: ignore[no-untyped-def]
    _, plan, _ = resolved
    if any(e.pseudonym in VAGUE for e in plan.entities):
        assert any("ambiguous" in w for w in plan.warnings)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("subject_child", r"Child A"), ("mother", r"Mother"), ("father", r"Father"),
     ("police_officer", r"Police Officer \d+"), ("panel_member", r"Panel Member \d+"),
     ("maternal_grandmother", r"Maternal grandmother")],
)  # fmt: skip
def test_pseudonym_by_gold_role(role: str, expected: str) -> None:
    checked = 0
    for case in CASES:
        plan, _ = run(case)
        owner = entity_of(plan)
        wanted = expected
        if role == "subject_child" and case.config.subject:  # the config may choose the subject's pseudonym
            wanted = re.escape(case.config.subject.pseudonym)
        misfits = []
        for mention in case.mentions:
            if mention.role == role and not mention.keep:
                pseudonym = plan.entity(owner[mention.start]).pseudonym or ""
                if re.fullmatch(wanted, pseudonym) is None:
                    misfits.append(f"{case.name}: {mention.text!r} ({role}) -> {pseudonym!r}")
                checked += 1
        if (case.name, role) in KNOWN_GAPS:
            assert misfits, f"{case.name} ({role}): gap fixed, take it off KNOWN_GAPS and the README"
        else:
            assert misfits == []
    assert checked > 0


def test_deterministic_across_runs() -> None:
    for case in CASES:
        first, second = run(case), run(case)
        assert first == second


def test_replacements_record_original_offsets(resolved) -> None:  # type: ignore[no-untyped-def]
    case, plan, _ = resolved
    text = case.document.text
    previous_end = 0
    for r in plan.replacements:
        assert text[r.start : r.end] == r.original and r.start >= previous_end
        assert r.action in Action and r.reason and r.entity_id and r.entity_type
        previous_end = r.end
