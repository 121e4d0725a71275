"""The leak check that gates publication."""

from __future__ import annotations

from pathlib import Path

import pytest

from redact.audit.key import Key, KeyEntity, load_key
from redact.audit.verify import find_leaks
from redact.document import Block, BlockKind, build_document
from redact.errors import InputError, RedactError
from redact.render import PublicationText, render_pdf

KEY = Key(
    draft_sha256="0" * 64,
    entities=(
        KeyEntity("child", "PERSON", "subject_child", "Child A", False, ("Jayden Smith", "Jayden", "JAYDEN")),
        KeyEntity("mother", "PERSON", "mother", "Mother", False, ("Kelly Rose", "Ms Rose", "Kelly's")),
        KeyEntity("chair", "PERSON", "panel_chair", "Ann Smith", True, ("Ann Smith",)),
        KeyEntity("pc", "POSTCODE", "postcode", "[postcode]", False, ("NT4 7QP",)),
    ),
)


def write(tmp_path: Path, text: str, name: str = "out.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def leaked(tmp_path: Path, text: str) -> list[str]:
    return [leak.identifier for leak in find_leaks([write(tmp_path, text)], KEY)]


def test_clean_text_passes(tmp_path: Path) -> None:
    text = "Child A lived with Mother. The panel was chaired by Ann Smith. A rose grew in the garden."
    assert leaked(tmp_path, text) == []


@pytest.mark.parametrize(
    ("text", "identifier"),
    [
        ("Then jayden went home.", "Jayden"),  # any case
        ("KELLY'S view", "Kelly"),  # capitals and possessive
        ("Kelly\nRose said", "Kelly Rose"),  # a line break inside a name
        ("Ms Rose said", "Rose"),  # a common-word surname, title-cased
        ("the Smith family", "Smith"),  # a part shared with a kept name is still checked elsewhere
        ("postcode NT47QP", "NT4 7QP"),  # identifier without its space
        ("the Jaydens came", "Jayden"),  # a name in the plural, with its capital
        ("seen by Jayden4, who", "Jayden"),  # a footnote number glued to the name
    ],
)
def test_leaks_are_found(tmp_path: Path, text: str, identifier: str) -> None:
    assert identifier in leaked(tmp_path, text)


def test_pdf_text_and_metadata_are_checked(tmp_path: Path) -> None:
    document = build_document("x", "docx", [Block(BlockKind.PARAGRAPH, "Child A and Mother.")])
    clean = tmp_path / "clean.pdf"
    render_pdf(PublicationText("Executive Summary", "Northshire LSCB", document.blocks), clean)
    assert find_leaks([clean], KEY) == []
    leaky = tmp_path / "leaky.pdf"
    render_pdf(PublicationText("Jayden Smith", "Northshire LSCB", document.blocks), leaky)
    wheres = {leak.where for leak in find_leaks([leaky], KEY)}
    assert "metadata:Title" in wheres and "text" in wheres


def test_unreadable_inputs_fail_closed(tmp_path: Path) -> None:
    bad_pdf = write(tmp_path, "not a pdf", "bad.pdf")
    with pytest.raises(InputError):
        find_leaks([bad_pdf], KEY)
    with pytest.raises(RedactError):
        find_leaks([write(tmp_path, "text")], Key("0" * 64, ()))
    with pytest.raises(RedactError):
        load_key(write(tmp_path, "{}", "k.json"))


def test_key_round_trips(tmp_path: Path) -> None:
    path = write(tmp_path, KEY.to_json(), "k.json")
    assert load_key(path) == KEY


def person_key(*people: tuple[str, str, tuple[str, ...]]) -> Key:
    """A key of people to pseudonymise: (entity id, pseudonym, mentions) each."""
    entities = tuple(
        KeyEntity(entity_id, "PERSON", "adult", pseudonym, False, texts) for entity_id, pseudonym, texts in people
    )
    return Key(draft_sha256="0" * 64, entities=entities)


def test_a_pseudonym_that_shares_a_word_with_a_name_is_no_leak(tmp_path: Path) -> None:
    key = person_key(("gp", "Doctor 1", ("Upma Doctor", "Dr Doctor")))
    clean = write(tmp_path, "Doctor 1 made a referral.", "clean.md")
    assert find_leaks([clean], key) == []
    leaky = write(tmp_path, "Doctor 1 made a referral; Dr Doctor agreed.", "leaky.md")
    assert {leak.identifier for leak in find_leaks([leaky], key)} == {"Doctor", "Dr Doctor"}


def test_a_name_particle_alone_is_no_leak(tmp_path: Path) -> None:
    key = person_key(("father", "Father", ("Idris ap Madoc", "Mr ap Madoc")), ("gp", "GP 1", ("Lotte van Dorn",)))
    clean = write(tmp_path, "Father (known as ap Father) and GP 1 met at the van depot.", "clean.md")
    assert find_leaks([clean], key) == []
    leaky = write(tmp_path, "Father met Madoc and Dorn.", "leaky.md")
    assert sorted(leak.identifier for leak in find_leaks([leaky], key)) == ["Dorn", "Madoc"]


def test_a_mention_that_is_only_a_particle_is_searched_as_written(tmp_path: Path) -> None:
    """A letter to "Mr Ap" (a clerk's slip for "ap Madoc") is a mention of its own: "Ap" is found, "ap" is not."""
    key = person_key(("subject", "Adult A", ("Ignatius ap Madoc", "Ap")))
    assert find_leaks([write(tmp_path, "Adult A (filed as ████ ap ████) was 19.", "clean.md")], key) == []
    assert [leak.identifier for leak in find_leaks([write(tmp_path, "A letter to Mr Ap.", "leaky.md")], key)] == ["Ap"]


def test_a_short_name_part_in_lower_case_is_another_languages_word(tmp_path: Path) -> None:
    key = person_key(("officer", "Police Officer 1", ("Trinh Quy Khoa", "PC Trinh")))
    clean = write(tmp_path, 'A man he knew as "quy ████" took his phone.', "clean.md")
    assert find_leaks([clean], key) == []
    leaky = write(tmp_path, "Police Officer 1 (known as Quy) and KHOA attended.", "leaky.md")
    assert sorted(leak.identifier for leak in find_leaks([leaky], key)) == ["Khoa", "Quy"]


def test_a_place_mention_of_ordinary_words_is_searched_as_written(tmp_path: Path) -> None:
    school = KeyEntity("school-1", "SCHOOL", "school", "School 1", False, ("Thornleigh Girls' School", "Girls' School"))
    key = Key(draft_sha256="0" * 64, entities=(school,))
    assert find_leaks([write(tmp_path, "She wanted a girls' school.", "clean.md")], key) == []
    assert find_leaks([write(tmp_path, "She joined Girls' School in May.", "leaky.md")], key)


def test_a_name_that_is_a_word_or_a_month_is_searched_as_a_name(tmp_path: Path) -> None:
    key = person_key(("june", "Mother", ("June",)), ("day", "Adult 1", ("Day",)))
    clean = write(tmp_path, "In June 2017, on 3 June and on 4th June, the same day, a day later, Day 15.", "clean.md")
    assert find_leaks([clean], key) == []
    leaky = write(tmp_path, "June said that Day had left.", "leaky.md")
    assert sorted(leak.identifier for leak in find_leaks([leaky], key)) == ["Day", "June"]


def test_the_initials_of_a_full_name_are_a_leak_outside_headings(tmp_path: Path) -> None:
    leaky = write(tmp_path, "The health record refers to Mother as KR.", "leaky.md")
    assert [leak.identifier for leak in find_leaks([leaky], KEY)] == ["KR"]
    heading = write(tmp_path, "KR SECTION HEADING. Jayden's mother is Mother.", "heading.md")
    assert "KR" not in {leak.identifier for leak in find_leaks([heading], KEY)}


def test_initials_that_are_an_author_s_degrees_are_no_leak(tmp_path: Path) -> None:
    key = person_key(("sister", "Sibling 1", ("Marnie Ashcombe",)))
    degrees = write(tmp_path, "Overview author: Petra Lund, MA, CQSW. Commissioned by the Board.", "degrees.md")
    assert find_leaks([degrees], key) == []
    leaky = write(tmp_path, "Overview author: Petra Lund. MA was seen at school.", "leaky.md")
    assert [leak.identifier for leak in find_leaks([leaky], key)] == ["MA"]


def test_initials_that_are_an_acronym_are_a_leak_only_where_they_are_not_the_role(tmp_path: Path) -> None:
    key = person_key(("gp", "Mother", ("Geetika Palla", "GP")))
    roles = write(tmp_path, "Dr A | Named GP for Safeguarding | Trust. She saw the GP and her GP.", "roles.md")
    assert find_leaks([roles], key) == []
    leaky = write(tmp_path, "The health record refers to Mother as GP and nothing else.", "leaky.md")
    assert [leak.identifier for leak in find_leaks([leaky], key)] == ["GP"]


def test_a_bracketed_name_in_the_draft_is_still_a_leak(tmp_path: Path) -> None:
    """Only our own placeholders are masked before the search, not any text in square brackets."""
    full = "full-publication"
    key = Key("0" * 64, (
        KeyEntity("person-1", "PERSON", "mother", "Mother", False, ("Kerry Dunmore",), ((full, "pseudonymise"),)),
        KeyEntity("ni-1", "NI_NUMBER", "ni_number", "[NI number]", False, ("JX 12 34 56 C",), ((full, "remove"),)),
    ))  # fmt: skip
    published = tmp_path / "x.full-publication.md"
    published.write_text("Her NI number was [NI number]. She signed as [Kerry Dunmore].\n", encoding="utf-8")
    leaks = find_leaks([published], key)
    assert "Kerry Dunmore" in {leak.identifier for leak in leaks}
    assert {leak.entity_id for leak in leaks} == {"person-1"}  # "NI" of "[NI number]" is ours


def test_a_word_form_a_model_swallowed_into_a_name_is_no_leak_alone(tmp_path: Path) -> None:
    key = person_key(("jo", "Adult 1", ("JO SAYS TV",)))
    clean = write(tmp_path, "MUM SAYS POLICE CALL WAS OVER THE TOP.", "clean.md")
    assert find_leaks([clean], key) == []
    assert find_leaks([write(tmp_path, "Then JO came home.", "leaky.md")], key)


def test_a_plural_in_lower_case_is_no_leak_of_a_name(tmp_path: Path) -> None:
    key = person_key(("x", "Adult 1", ("Ilse Kafé",)))
    assert find_leaks([write(tmp_path, "They met in community kafés and at the mosque.", "clean.md")], key) == []
    assert find_leaks([write(tmp_path, "The Kafés moved away.", "leaky.md")], key)


def test_a_kinship_word_before_a_name_is_no_leak_alone(tmp_path: Path) -> None:
    key = person_key(("gm", "Maternal grandmother", ("Nan Marjorie", "Marjorie")))
    assert find_leaks([write(tmp_path, "The children went to Nan's for tea.", "clean.md")], key) == []
    assert find_leaks([write(tmp_path, "The children called her Nan Marjorie.", "leaky.md")], key)


def test_a_word_name_opening_a_cell_is_no_leak_where_the_file_has_its_phrase_in_lower_case(tmp_path: Path) -> None:
    key = person_key(("day", "Adult 1", ("Day", "Ellen Day")), ("flat", "Adult 2", ("23",)))
    clean = write(tmp_path, "| 2018 | Day centre | Adult 1 rang. |\n\nShe went to the day centre. 23 staff.", "c.md")
    assert find_leaks([clean], key) == []
    leaky = write(tmp_path, "| 2018 | Day rang | Adult 1 rang. |\n\nShe went to the day centre.", "l.md")
    assert [leak.identifier for leak in find_leaks([leaky], key)] == ["Day"]


@pytest.mark.parametrize(
    "published",
    [
        "Name Job title Organisation\nAdult 1 Social Worker County Council",  # a PDF table's header row
        "| Name | Job title | Organisation |",
        "March 2019 Day centre notes were read.",  # a flattened chronology row: the cell after the date
        "between May 2009 and April 2010. Name Job title Organisation",  # a PDF runs the header into the prose
        "Overview Report - page 4 Name Job title Organisation",  # or into the running footer
    ],
)
def test_an_ordinary_word_name_opening_a_noun_phrase_in_a_cell_is_no_leak(tmp_path: Path, published: str) -> None:
    key = person_key(("job", "Adult 1", ("Job", "Job Harker")), ("day", "Adult 2", ("Day", "Nia Day")))
    assert find_leaks([write(tmp_path, published, "p.md")], key) == []


@pytest.mark.parametrize(
    "published",
    ["Name\nJob told the nurse.", "March 2019 Day rang the school.", "| Day family |"],
)
def test_an_ordinary_word_name_before_a_verb_or_a_household_noun_stays_a_leak(tmp_path: Path, published: str) -> None:
    key = person_key(("job", "Adult 1", ("Job", "Job Harker")), ("day", "Adult 2", ("Day", "Nia Day")))
    assert find_leaks([write(tmp_path, published, "p.md")], key) != []


def test_the_board_s_area_in_an_agency_s_name_is_no_leak_but_alone_it_is(tmp_path: Path) -> None:
    """A PDF may cut "East Kelmarsh Hospitals NHS Trust" at a page break; the board's own area in a body's name
    stays as the detector kept it, and alone it is the town it names."""
    key = Key("0" * 64, (KeyEntity("town", "LOCATION", "town", "Town 1", False, ("Kelmarsh",)),))
    page = "Kelmarsh Safeguarding Children Board\nreviews from East Kelmarsh Hospitals Overview Report - page 3\n"
    assert find_leaks([write(tmp_path, page)], key) == []
    assert [leak.identifier for leak in find_leaks([write(tmp_path, page + "He lived in Kelmarsh.\n")], key)] == [
        "Kelmarsh"
    ]
    heading = "## KELMARSH VALE LOCAL SAFEGUARDING\n## CHILDREN BOARD\n\nExecutive summary\n"  # a PDF broke it
    assert find_leaks([write(tmp_path, heading)], key) == []


@pytest.mark.parametrize("kept", [(), ("East Quellshire Local Safeguarding Children Board",)])
def test_the_board_s_area_in_a_capitals_heading_is_no_leak_but_alone_it_is(
    tmp_path: Path, kept: tuple[str, ...]
) -> None:
    entities = [KeyEntity("town", "LOCATION", "town", "Town 1", False, ("Kelmarsh",))]
    entities += [KeyEntity("board", "ORGANISATION", "board", "", True, kept)] if kept else []
    key = Key("0" * 64, tuple(entities))
    heading = "KELMARSH AND EAST QUELLSHIRE LOCAL SAFEGUARDING CHILDREN BOARD\n\nServices for Town 1.\n"
    assert find_leaks([write(tmp_path, heading)], key) == []
    assert [leak.identifier for leak in find_leaks([write(tmp_path, heading + "He lived in Kelmarsh.\n")], key)] == [
        "Kelmarsh"
    ]


def test_the_board_s_area_in_its_own_web_address_is_no_leak_but_a_name_there_is(tmp_path: Path) -> None:
    """A review copied from the board's web page keeps the board's links ("www.example.org/kelmarsh-scb/"): the
    board's site is public as its name is. A child's name in a link stays a leak, as does the area in prose."""
    key = Key("0" * 64, (KeyEntity("town", "LOCATION", "town", "Town 1", False, ("Kelmarsh",)),
                         KeyEntity("child", "PERSON", "child", "Child A", False, ("Ebun Quill",))))
    page = "Kelmarsh Safeguarding Children Board\n[Reviews](https://www.exam ple.org/kelmarsh-scb/reviews/)\n"
    assert find_leaks([write(tmp_path, page)], key) == []
    breadcrumb = "[Board](/kelmarsh-safeguarding-children-board) > Reviews\n\nKelmarsh Safeguarding Children Board\n"
    assert find_leaks([write(tmp_path, breadcrumb)], key) == []
    leaked = page + "Draft: https://www.example.org/kelmarsh-scb/reviews/ebun-quill\nShe lived in Kelmarsh.\n"
    assert {leak.entity_id for leak in find_leaks([write(tmp_path, leaked)], key)} == {"child", "town"}


def test_the_board_s_area_after_our_own_page_footer_is_still_inside_the_agency_s_name() -> None:
    """A page break cut "NHS Brinmoor" in a published PDF: PDFium reads "NHS", the footer render.pdf drew, then
    "Brinmoor". The area word is still the agency's; the same word after an ordinary sentence is not."""
    from redact.audit.verify import _in_a_name

    broken = "the Designated Nurse for Safeguarding Children, NHS Overview Report - page 5 Brinmoor; the Doctor"
    alone = "the family moved to a flat in Overview Report - page 5 Brinmoor; the Doctor"
    for text, expected in ((broken, True), (alone, False)):
        start = text.index("Brinmoor")
        assert _in_a_name(text, start, start + len("Brinmoor")) is expected


def test_two_digits_left_of_a_reference_are_not_searched_but_its_whole_number_is(tmp_path: Path) -> None:
    reference = KeyEntity("ref", "CASE_REFERENCE", "case_reference", "[case reference]", False, ("07", "CR 7734120"))
    key = Key(draft_sha256="0" * 64, entities=(reference,))
    assert find_leaks([write(tmp_path, "In 2007 the 07 bus ran; see paragraph 07.")], key) == []
    leaks = find_leaks([write(tmp_path, "Crime CR 7734120 was filed.")], key)
    assert [leak.identifier for leak in leaks] == ["CR 7734120"]


def test_a_compass_point_of_a_person_s_name_is_not_searched_alone(tmp_path: Path) -> None:
    key = person_key(("p1", "Adult 1", ("North Tarnwick",)))
    clean = write(tmp_path, "Adult 1 saw the North East Quellshire Clinical Commissioning Group.", "clean.md")
    assert find_leaks([clean], key) == []
    leaks = find_leaks([write(tmp_path, "She met North Tarnwick.", "leaky.md")], key)
    assert "North Tarnwick" in {leak.identifier for leak in leaks}


def test_a_board_named_by_its_acronym_gives_its_area_to_verify() -> None:
    from redact.audit.verify import _board_headings_joined
    from redact.detect.keep import board_areas

    assert board_areas(_board_headings_joined("Quellshire LSCB  [case reference]  Overview Report\n"), None) == {
        "Quellshire"
    }
