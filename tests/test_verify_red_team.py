"""Red team for the publish gate: every entity type of a real key, planted into a published file in every
disguise a leak can take, is found by verify, which names the entity it belongs to."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen import canvas

from redact.audit.key import Key, KeyEntity, load_key
from redact.audit.verify import IDENTIFIER_LABELS, find_leaks
from redact.lexicon import english_words
from redact.pipeline import Pipeline, RunOptions

DRAFT = Path(__file__).resolve().parent.parent / "fixtures" / "synthetic" / "scr-10.txt"
VARIANT = "full-publication"
PUBLISHED = f"scr-10.{VARIANT}"


@pytest.fixture(scope="module")
def real_key(tmp_path_factory: pytest.TempPathFactory) -> Key:
    out = tmp_path_factory.mktemp("run")
    Pipeline().run(DRAFT, out, RunOptions(variants=(VARIANT,)))
    return load_key(out / "restricted" / "scr-10.key.json")


def _planted(key: Key) -> dict[str, tuple[KeyEntity, str]]:
    """Per label, one entity the variant hides and its longest mention that is not an English word."""
    chosen: dict[str, tuple[KeyEntity, str]] = {}
    for entity in key.entities:
        if not entity.checked_in(VARIANT):
            continue
        mentions = [m for m in entity.mentions if sum(c.isalnum() for c in m) >= 4 and m.lower() not in english_words()]
        if mentions and entity.label not in chosen:
            chosen[entity.label] = (entity, max(mentions, key=len))
    return chosen


LABELS = ("PERSON", "LOCATION", "ADDRESS", "POSTCODE", "DATE_OF_BIRTH", "NHS_NUMBER", "NI_NUMBER", "PHONE", "EMAIL",
          "SCHOOL", "GP_PRACTICE", "HOSPITAL", "CASE_REFERENCE", "VEHICLE_REG", "ORGANISATION")  # fmt: skip


def _longest_word_split(text: str, mark: str) -> str:
    """``mark`` inside the longest word: "Ash" + mark + "ton"."""
    word = max(re.findall(r"\w{2,}", text), key=len)
    middle = len(word) // 2
    return text.replace(word, word[:middle] + mark + word[middle:], 1)


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


DISGUISES: dict[str, Callable[[str], str]] = {
    "as written": lambda text: text,
    "capitals": str.upper,
    "zero-width space": lambda text: _longest_word_split(text, "\u200b"),
    "soft hyphen": lambda text: _longest_word_split(text, "\u00ad"),
    "word joiner": lambda text: _longest_word_split(text, "\u2060"),
    "non-breaking spaces": lambda text: text.replace(" ", "\u00a0"),
    "full-width forms": _fullwidth,
    "line breaks": lambda text: text.replace(" ", "\n"),
    "hyphenated across a line": lambda text: _longest_word_split(text, "-\n"),
    "Markdown emphasis": lambda text: f"**{text}**",
}
EMAIL_DISGUISES: dict[str, Callable[[str], str]] = {
    "(at) and (dot)": lambda text: text.replace("@", "(at)").replace(".", "(dot)"),
    "spelt out": lambda text: text.replace("@", " at ").replace(".", " dot "),
    "[at]": lambda text: text.replace("@", " [at] "),
}
PHONE_DISGUISES: dict[str, Callable[[str], str]] = {
    "+44": lambda text: "+44 " + text.replace(" ", "")[1:],
    "+44 (0)": lambda text: "+44 (0)" + text.replace(" ", "")[1:],
    "0044": lambda text: "0044 " + text.replace(" ", "")[1:],
}


def _leaked_entities(path: Path, key: Key) -> set[str]:
    return {leak.entity_id for leak in find_leaks([path], key)}


def test_the_real_key_has_every_type(real_key: Key) -> None:
    assert set(LABELS) <= set(_planted(real_key))


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("disguise", DISGUISES)
def test_a_disguised_identifier_in_markdown_is_found(real_key: Key, tmp_path: Path, label: str, disguise: str) -> None:
    entity, mention = _planted(real_key)[label]
    if disguise == "capitals" and label not in IDENTIFIER_LABELS and mention.isupper():
        pytest.skip("already in capitals")
    published = tmp_path / f"{PUBLISHED}.md"
    published.write_text(f"# Review\n\nThe panel heard that {DISGUISES[disguise](mention)} mattered.\n", "utf-8")
    assert entity.entity_id in _leaked_entities(published, real_key)


@pytest.mark.parametrize(
    ("label", "disguise"),
    [("EMAIL", name) for name in EMAIL_DISGUISES] + [("PHONE", name) for name in PHONE_DISGUISES],
)
def test_an_address_or_number_written_another_way_is_found(
    real_key: Key, tmp_path: Path, label: str, disguise: str
) -> None:
    entity, mention = _planted(real_key)[label]
    written = {**EMAIL_DISGUISES, **PHONE_DISGUISES}[disguise](mention)
    published = tmp_path / f"{PUBLISHED}.md"
    published.write_text(f"Contact: {written}.\n", "utf-8")
    assert entity.entity_id in _leaked_entities(published, real_key)


def _pdf(path: Path, lines: list[str], xmp_creator: str | None = None) -> Path:
    pdf = canvas.Canvas(str(path))
    for number, line in enumerate(lines):
        pdf.drawString(72, 720 - 14 * number, line)
    if xmp_creator is not None:
        packet = (
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq>'
            f"<rdf:li>{xmp_creator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        )
        metadata = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
        pdf._doc.Catalog.Metadata = pdf._doc.Reference(PDFStream(metadata, content=packet.encode(), filters=[]))
    pdf.save()
    return path


@pytest.mark.parametrize("label", LABELS)
def test_an_identifier_hyphenated_across_pdf_lines_is_found(real_key: Key, tmp_path: Path, label: str) -> None:
    entity, mention = _planted(real_key)[label]
    first, _, rest = _longest_word_split(mention, "-\n").partition("\n")
    published = _pdf(tmp_path / f"{PUBLISHED}.pdf", [f"The panel heard that {first}", f"{rest} mattered."])
    assert entity.entity_id in _leaked_entities(published, real_key)


@pytest.mark.parametrize("label", ["PERSON", "SCHOOL", "EMAIL"])
def test_an_identifier_in_the_pdf_xmp_metadata_is_found(real_key: Key, tmp_path: Path, label: str) -> None:
    entity, mention = _planted(real_key)[label]
    published = _pdf(tmp_path / f"{PUBLISHED}.pdf", ["Child A and Mother."], xmp_creator=mention)
    leaks = find_leaks([published], real_key)
    assert any(leak.entity_id == entity.entity_id and leak.where == "metadata:XMP" for leak in leaks)


def test_the_clean_planting_sentence_is_no_leak(real_key: Key, tmp_path: Path) -> None:
    published = tmp_path / f"{PUBLISHED}.md"
    published.write_text("# Review\n\nThe panel heard that Child A mattered.\n", "utf-8")
    assert find_leaks([published], real_key) == []
    clean_pdf = _pdf(tmp_path / f"{PUBLISHED}.pdf", ["The panel heard that", "Child A mattered."])
    assert find_leaks([clean_pdf], real_key) == []


# Markdown emphasis is no PDF's; full-width forms have no glyph in the renderer's Helvetica, which draws each as a
# box: nothing of the name is left to read, in the PDF or its text layer
_PDF_DISGUISES = [name for name in DISGUISES if name not in ("Markdown emphasis", "full-width forms")]


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("disguise", _PDF_DISGUISES)
def test_a_disguised_identifier_in_a_pdf_is_found(real_key: Key, tmp_path: Path, label: str, disguise: str) -> None:
    """The same disguises in a PDF's text layer (reportlab draws each line of the disguised text as a line; a
    zero-width character it has no glyph for becomes a box inside the word)."""
    entity, mention = _planted(real_key)[label]
    if disguise == "capitals" and label not in IDENTIFIER_LABELS and mention.isupper():
        pytest.skip("already in capitals")
    lines = f"The panel heard that {DISGUISES[disguise](mention)} mattered.".split("\n")
    published = _pdf(tmp_path / f"{PUBLISHED}.pdf", lines)
    assert entity.entity_id in _leaked_entities(published, real_key)
