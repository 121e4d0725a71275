"""Person-name recognisers: true and false cases, without spaCy (nlp_artifacts=None)."""

from __future__ import annotations

import pytest

from redact.detect.names import (
    ContextNameRecognizer,
    GazetteerNameRecognizer,
    InitialsRecognizer,
    TitledNameRecognizer,
    name_recognizers,
)


def found(text: str, recognizer=None) -> set[str]:
    recognizers = [recognizer] if recognizer else name_recognizers()
    return {text[r.start : r.end] for rec in recognizers for r in rec.analyze(text, ["PERSON"], None)}


def test_every_recogniser_emits_person_with_a_score() -> None:
    text = (
        "Ms Smith met her partner Liam and Kelly Smith. KS (mother) agreed. Tamsin Okoro-Blythe was seen."
        " Officers arrested DRAGOMIR-HALE at home.\nAmrit Bassi\tSocial Worker\tCouncil"
    )
    for recognizer in name_recognizers():
        results = recognizer.analyze(text, ["PERSON"], None)
        assert results, recognizer.name
        assert all(r.entity_type == "PERSON" and 0 < r.score <= 1 for r in results)


def test_other_entities_only_gives_nothing() -> None:
    assert TitledNameRecognizer().analyze("Ms Smith attended.", ["PHONE_NUMBER"], None) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ms Smith said she was tired.", "Smith"),
        ("The visit by Mrs Doreen Price was brief.", "Doreen Price"),
        ("DC Jones attended with Detective Sergeant O'Brien.", "O'Brien"),
        ("A letter from Dr Patel arrived.", "Patel"),
        ("MR SMITH refused.", "SMITH"),
        ("Mr K Smith signed.", "K Smith"),
        ("referred to below as Ms K.S.", "K.S."),
        ("Mrs Young was the neighbour.", "Young"),
    ],
)
def test_title_then_name_excludes_the_title(text: str, name: str) -> None:
    assert name in found(text, TitledNameRecognizer())


@pytest.mark.parametrize(
    "text", ["Mr A was interviewed.", "The Nurse Practitioner saw him.", "Master Plan for the area."]
)
def test_title_without_a_name(text: str) -> None:
    assert found(text, TitledNameRecognizer()) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He lived with his mother, Kelly, in a flat.", "Kelly"),
        ("Kelly (mother) declined the offer.", "Kelly"),
        ("The maternal grandmother Mrs Doreen Price helped.", "Doreen Price"),
        ("The social worker, Priya Patel, visited.", "Priya Patel"),
        ("She moved in with her partner Liam last year.", "Liam"),
        ("Kelly, Jayden's mother, was present.", "Kelly"),
        ('She named him only as "Gaz" to officers.', "Gaz"),
        ("They are Ana, whom I shall call A, a girl.", "A"),
        ("on behalf of her two daughters, M. and J. (the applicants)", "J."),
    ],
)
def test_relation_and_role_context(text: str, name: str) -> None:
    assert name in found(text, ContextNameRecognizer())


@pytest.mark.parametrize(
    "text",
    [
        "His mother attended the Health Visitor clinic.",
        "The social worker, Children's Social Care, was informed.",
        "Child A lived with Mother and Sibling 1.",
    ],
)
def test_relation_words_alone_are_not_names(text: str) -> None:
    assert found(text, ContextNameRecognizer()) == set()


def test_gazetteer_full_names_capitals_and_possessives() -> None:
    text = "KELLY'S STORY\n\nJayden Smith lived with Ryan COOPER. The report said Jayden's needs were met."
    names = found(text, GazetteerNameRecognizer())
    assert {"KELLY", "Jayden Smith", "Ryan COOPER", "Jayden"} <= names


def test_gazetteer_first_name_and_unknown_surname() -> None:
    assert "Nicola Ashcombe" in found("The visit was done by Nicola Ashcombe.", GazetteerNameRecognizer())


@pytest.mark.parametrize(
    "text",
    [
        "RECOMMENDATIONS\n\nEXECUTIVE SUMMARY",
        "The NHS, the LSCB and CSC met.",
        "Will the board act? May 2019 was busy. Hope was lost.",
        "Young people were seen at Oakfield Primary School and Rose Court.",
        "The Health Visitor and the Designated Nurse met.",
        "Child A and Sibling 1 were seen by Social Worker 1.",
    ],
)
def test_report_words_are_not_names(text: str) -> None:
    assert found(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The form was signed by K. Smith today.", "K. Smith"),
        ("KS (mother) refused the offer.", "KS"),
        ("KS's view was recorded.", "KS"),
        ("In the case of K.S. and Others", "K.S."),
    ],
)
def test_initials(text: str, name: str) -> None:
    assert name in found(text, InitialsRecognizer())


@pytest.mark.parametrize(
    "text", ["The GP's letter came.", "A Smith-like approach.", "MOTHER AND PARTNER", "The U.K. rules."]
)
def test_acronyms_are_not_initials(text: str) -> None:
    assert found(text, InitialsRecognizer()) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her partner Žukauskas was present.", "Žukauskas"),
        ("Ms Wiśniewska attended the meeting.", "Wiśniewska"),
        ("The visit was made by Yétúndé Ọlátúnjí and a student.", "Yétúndé Ọlátúnjí"),
        ("Mr Ó Briain declined.", "Ó Briain"),
        ("MR O'SULLIVAN refused.", "O'SULLIVAN"),
        ("Her partner Z\u030cukauskas was present.", "Z\u030cukauskas"),  # decomposed (NFD) text
    ],
)
def test_names_in_any_script_and_with_diacritics(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The HV JT visited on Monday.", "JT"),
        ("SW KW spoke to the family.", "KW"),
        ("JT (HV) recorded the weight.", "JT"),
        ("B (born 2016) lives with her aunt.", "B"),
        ('The younger child, Emily ("E"), is four.', "E"),
        ("The court heard from the child, B, and her aunt.", "B"),
        ("Evidence was given by the father, RD, in person.", "RD"),
        ('The first child ("A") was born in 2015.', "A"),
    ],
)
def test_initials_and_defined_letters(text: str, name: str) -> None:
    assert name in found(text, InitialsRecognizer())


@pytest.mark.parametrize(
    "text",
    [
        "The HV CSC referral was made.",  # an agency acronym, not initials
        'The mother is Ms Elena Dragomir ("M").',  # a role letter
        'The father of the children is Mr Tan ("F").',
        "See Appendix B (born of the review) and Plan B.",
        'He said ("I") would go.',
    ],
)
def test_role_letters_acronyms_and_labels_are_not_initials(text: str) -> None:
    assert found(text, InitialsRecognizer()) == set()


def test_uncommon_first_name_in_capitals_or_opening_a_sentence() -> None:
    names = found("AALIYAH: A LIFE\n\nAaliyah loved music.", GazetteerNameRecognizer())
    assert {"AALIYAH", "Aaliyah"} <= names


@pytest.mark.parametrize(
    "text",
    ["He moved to London in 2015.", "WILL AND ROSE", "Rose petals fell.", "Kelly green walls."],
)
def test_places_and_ordinary_words_are_not_gazetteer_names(text: str) -> None:
    assert found(text, GazetteerNameRecognizer()) == set()


@pytest.mark.parametrize("text", ["She stayed with her Babcia at weekends.", "Nani and Dadi visited."])
def test_kinship_words_in_other_languages_are_not_names(text: str) -> None:
    assert found(text) == set()


def test_kinship_word_gives_context_to_a_name() -> None:
    assert "Zofia" in found("She stayed with babcia Zofia at weekends.", ContextNameRecognizer())


def test_a_pet_form_in_i_is_looked_for_but_joins_no_two_people() -> None:
    """ "Mali" is looked for beside Malachi; but "-i" forms are too loose to say two names are one person's."""
    from redact.detect.gazetteer import pet_forms

    assert "augi" in pet_forms("augustus", with_i=True) and "augi" not in pet_forms("augustus")
