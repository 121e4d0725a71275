"""Every way a draft can be unreadable ends in one ``InputError`` with a one-line reason."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from ingest_samples import canvas_pdf, grey_image, sample_docx, sample_pdf
from reportlab.lib.pdfencrypt import StandardEncryption

import redact.ingest
import redact.ingest.sniff
from redact.errors import InputError
from redact.ingest import ingest


def refused(path: Path, pattern: str) -> InputError:
    with pytest.raises(InputError, match=pattern) as caught:
        ingest(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert caught.value.path == path
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nope.docx", "file not found")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "draft.txt"
    folder.mkdir()
    refused(folder, "is a directory")


@pytest.mark.parametrize("name", ["draft.txt", "draft.docx", "draft.pdf", "draft.md"])
def test_zero_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    refused(path, r"is empty \(0 bytes\)")


def test_whitespace_only_text(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(" \n\t\n  \n", encoding="utf-8")
    refused(path, "has no text")


def test_non_utf8_text_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Caf" + b"\xe9 au lait\n")
    refused(path, r"is not UTF-8 text: invalid byte 0xe9 at byte offset 3")


def test_utf16_text(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("Background".encode("utf-16"))
    refused(path, "UTF-16")


@pytest.mark.parametrize("name", ["draft.doc", "draft.rtf", "draft.odt", "draft"])
def test_unsupported_type(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"anything")
    refused(path, "unsupported file type")


def test_pdf_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    sample_pdf(tmp_path / "real.pdf", paragraphs=2).rename(path)
    refused(path, "content is a PDF but the name ends in .docx")


def test_docx_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    sample_docx(tmp_path / "real.docx").rename(path)
    refused(path, "content is a DOCX but the name ends in .txt")


def test_text_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "draft.pdf"
    path.write_text("Just text.", encoding="utf-8")
    refused(path, "content is text but the name ends in .pdf")


def test_password_protected_docx(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # OLE container, as Word encrypts
    refused(path, "password-protected DOCX")


def test_zip_without_document_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    refused(path, "content is a zip archive")


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Background\n\nSome text.\n", encoding="utf-8")
    monkeypatch.setattr(redact.ingest, "MAX_FILE_BYTES", 10)
    refused(path, "over the 10-byte limit")


def test_encrypted_pdf_needing_a_password(tmp_path: Path) -> None:
    path = canvas_pdf(tmp_path / "locked.pdf", lambda pdf: pdf.drawString(72, 700, "Kelly Oduya"), encrypt="pw")
    refused(path, "is encrypted")


def test_pdf_encrypted_with_empty_user_password_is_read_with_a_warning(tmp_path: Path) -> None:
    encryption = StandardEncryption("", ownerPassword="owner", canModify=0)
    path = canvas_pdf(tmp_path / "perms.pdf", lambda pdf: pdf.drawString(72, 700, "Kelly Oduya"), encrypt=encryption)
    document = ingest(path)
    assert document.text == "Kelly Oduya"
    assert any("encrypted" in warning for warning in document.warnings)


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = sample_pdf(tmp_path / "whole.pdf", paragraphs=5).read_bytes()
    path = tmp_path / "draft.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    refused(path, "corrupt PDF")


def test_garbled_pdf_body(tmp_path: Path) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    refused(path, "corrupt PDF")


def test_scanned_pdf_page(tmp_path: Path) -> None:
    def draw(pdf) -> None:
        pdf.drawImage(grey_image(), 50, 50, width=500, height=740)

    refused(canvas_pdf(tmp_path / "scan.pdf", draw), r"page 1 has no text layer \(scanned\?\)")


def test_truncated_docx(tmp_path: Path) -> None:
    whole = sample_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "draft.docx"
    path.write_bytes(whole[: len(whole) - 300])
    refused(path, "corrupt DOCX|content is a damaged zip")


def _with_main_part(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """The sample DOCX with ``change`` applied to the bytes of its main part, ``word/document.xml``."""
    whole = sample_docx(tmp_path / "whole.docx")
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(whole) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item, change(data) if item.filename == "word/document.xml" else data)
    return path


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    refused(_with_main_part(tmp_path, lambda data: data[:-40]), "corrupt DOCX")


def _padded_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A DOCX with 20 MB of zeros added as a member, and a parser that fails the test if it ever runs."""
    path = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(sample_docx(tmp_path / "whole.docx")) as old,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for item in old.infolist():
            new.writestr(item, old.read(item.filename))
        new.writestr("word/media/padding.bin", b"\0" * (20 * 1024 * 1024))

    def never(*_args, **_kwargs):
        raise AssertionError("the parser must not run on a zip bomb")

    monkeypatch.setattr("docx.Document", never)
    return path


def test_zip_bomb_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refused(_padded_docx(tmp_path, monkeypatch), "compression ratio .* zip bomb")


def test_docx_over_the_unpacked_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_docx(tmp_path / "draft.docx")
    monkeypatch.setattr(redact.ingest.sniff, "MAX_UNCOMPRESSED_BYTES", 1000)
    refused(path, r"would unpack to .* bytes \(limit 1,000\)")


def _understate(path: Path, member: str, declared: int) -> None:
    """Rewrite the member's uncompressed size in its local header and its central directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    entry = data.find(b"PK\x01\x02" + data[info.header_offset + 4 : info.header_offset + 10])
    while data[entry + 46 : entry + 46 + len(member)] != member.encode():
        entry = data.find(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 24, declared)
    path.write_bytes(bytes(data))


def test_a_zip_bomb_whose_headers_understate_its_size_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _padded_docx(tmp_path, monkeypatch)
    _understate(path, "word/media/padding.bin", 1000)
    refused(path, r"padding\.bin unpacks to more than the 1,000 bytes its header says")


def test_docx_whose_main_part_has_no_body_is_a_clear_error(tmp_path: Path) -> None:
    path = _with_main_part(tmp_path, lambda data: data.replace(b"w:body>", b"w:bodx>"))
    refused(path, "corrupt DOCX: the main document part has no body")
