"""Awkward paths and files, size and time limits: each ends in a clear ``InputError`` or a normal read."""

from __future__ import annotations

import base64
import os
import signal
import threading
import time
import zlib
from pathlib import Path

import pdfplumber
import pdfplumber.page
import pytest
from ingest_samples import grey_image, raw_pdf, sample_docx, sample_pdf

import redact.ingest
import redact.ingest.pdf
from redact.errors import InputError
from redact.ingest import ingest
from redact.ingest.guard import time_limit

BUILD = {
    ".docx": sample_docx,
    ".pdf": lambda path: sample_pdf(path, paragraphs=4),
    ".txt": lambda path: path.write_text("Serious Case Review\n\nTamsin lived at 4 Elm Row.\n", "utf-8") and path,
}


@pytest.mark.parametrize("suffix", sorted(BUILD))
def test_path_with_spaces_and_non_ascii(tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "Überprüfung – drafts" / "Child T ñ 東京"
    folder.mkdir(parents=True)
    path = BUILD[suffix](folder / f"draft v3 (final) é{suffix}")
    document = ingest(path)
    assert document.source == str(path)
    assert "Serious Case Review" in document.text


def test_symlink_to_a_draft_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.docx"
    link.symlink_to(sample_docx(tmp_path / "real.docx"))
    assert ingest(link).text == ingest(tmp_path / "real.docx").text


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "draft.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="symbolic link to a missing file"):
        ingest(link)


def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "draft.txt"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="not a regular file"):
        ingest(pipe)  # opening a pipe with no writer would block for ever


@pytest.mark.parametrize(
    ("suffix", "content", "label"),
    [
        (".pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "a PNG image"),
        (".txt", b"\xff\xd8\xff\xe0" + b"\0" * 64, "a JPEG image"),
        (".md", b"\x01\x02\x00\x03 binary", "binary data"),
        (".docx", b"%PDF-1.4\n%%EOF\n", "a PDF"),
    ],
)
def test_content_that_is_not_what_the_name_says(tmp_path: Path, suffix: str, content: bytes, label: str) -> None:
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(content)
    with pytest.raises(InputError, match=f"content is {label} but the name ends in {suffix}"):
        ingest(path)


def test_pdf_over_the_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_pdf(tmp_path / "draft.pdf", paragraphs=40)
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
    monkeypatch.setattr(redact.ingest.pdf, "MAX_PAGES", pages - 1)
    with pytest.raises(InputError, match=f"has {pages} pages, over the limit of {pages - 1}"):
        ingest(path)


@pytest.mark.parametrize("suffix", sorted(BUILD))
def test_text_over_the_length_limit_is_refused_before_detection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    path = BUILD[suffix](tmp_path / f"draft{suffix}")
    monkeypatch.setattr(redact.ingest, "MAX_TEXT_CHARS", 20)
    with pytest.raises(InputError, match="characters of text, over the 20-character limit for one draft"):
        ingest(path)


TEXT_OPS = b"BT /F1 12 Tf 72 700 Td (Kelly Oduya was seen at home.) Tj ET"


def test_raw_pdf_helper_reads(tmp_path: Path) -> None:
    assert ingest(raw_pdf(tmp_path / "draft.pdf", zlib.compress(TEXT_OPS))).text == "Kelly Oduya was seen at home."


def test_pdf_decompression_bomb_is_refused(tmp_path: Path) -> None:
    bomb = zlib.compress(TEXT_OPS + b" " * (redact.ingest.pdf.MAX_PAGE_CONTENT_BYTES + 1), 9)
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match="page 1 has over 32 MB of drawing instructions: refusing a possible"):
        ingest(raw_pdf(tmp_path / "draft.pdf", bomb))


def test_pdf_bomb_under_a_text_encoding_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(redact.ingest.pdf, "MAX_PAGE_CONTENT_BYTES", 1000)
    data = base64.a85encode(zlib.compress(TEXT_OPS + b" " * 2000), adobe=True)[2:]  # as reportlab writes
    with pytest.raises(InputError, match="drawing instructions"):
        ingest(raw_pdf(tmp_path / "draft.pdf", data, "[/ASCII85Decode /FlateDecode]"))


def test_pdf_with_damaged_page_content_is_refused(tmp_path: Path) -> None:
    packed = bytearray(zlib.compress(TEXT_OPS))
    packed[12:18] = b"\xff" * 6  # damage the deflate data: pdfminer would silently drop the text
    with pytest.raises(InputError, match="corrupt PDF: page 1 content is damaged"):
        ingest(raw_pdf(tmp_path / "draft.pdf", bytes(packed)))


def test_pdf_content_with_only_a_bad_checksum_is_read(tmp_path: Path) -> None:
    packed = bytearray(zlib.compress(TEXT_OPS))
    packed[-1] ^= 0xFF  # the Adler-32 checksum after complete data
    assert ingest(raw_pdf(tmp_path / "draft.pdf", bytes(packed))).text == "Kelly Oduya was seen at home."


def test_pdf_pages_are_closed_as_they_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[int] = []
    original = pdfplumber.page.Page.close

    def close(page) -> None:
        closed.append(page.page_number)
        original(page)

    monkeypatch.setattr(pdfplumber.page.Page, "close", close)
    path = sample_pdf(tmp_path / "draft.pdf", paragraphs=40)
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
    closed.clear()
    ingest(path)
    assert pages > 1 and closed == list(range(1, pages + 1))


def _spin(*_args, **_kwargs):
    """A reader stuck in a loop that even swallows ordinary exceptions."""
    while True:
        try:
            time.sleep(0.01)
        except Exception:  # the point of the test: the guard must get through this
            continue


def test_a_stuck_reader_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Background\n", "utf-8")
    monkeypatch.setattr(redact.ingest, "OPEN_SECONDS", 0.3)
    monkeypatch.setattr("redact.ingest.text.parse_text", _spin)
    started = time.monotonic()
    with pytest.raises(InputError, match=r"took too long to read \(over 0 s\)"):
        ingest(path)
    assert time.monotonic() - started < 3
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_a_scanned_pdf_image_reports_within_the_limit(tmp_path: Path) -> None:
    """The guard does not disturb a normal refusal (and leaves no timer behind)."""
    from ingest_samples import canvas_pdf

    path = canvas_pdf(tmp_path / "scan.pdf", lambda pdf: pdf.drawImage(grey_image(), 50, 50, width=500, height=740))
    with pytest.raises(InputError, match="no text layer"):
        ingest(path)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_callers_own_timer_is_left_alone(tmp_path: Path) -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        ingest(sample_docx(tmp_path / "draft.docx"))
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 20 < remaining <= 30
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_the_budget_is_checked(tmp_path: Path) -> None:
    caught: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(tmp_path / "draft.pdf", 0.05) as budget:
                time.sleep(0.1)
                budget.check()
        except InputError as error:
            caught.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert len(caught) == 1 and "took too long to read" in str(caught[0])
