"""Read a draft (DOCX, PDF, TXT or Markdown) into a :class:`redact.document.Document`.

The file's content decides how it is read, and it must agree with the file's extension: a PDF named
``.docx`` is refused rather than guessed at. Every failure is an :class:`redact.errors.InputError`
with a one-line reason, so nothing is published from a draft we could not read completely.
"""

from __future__ import annotations

from pathlib import Path

from redact.document import Document
from redact.errors import InputError
from redact.ingest.common import reason
from redact.ingest.guard import Budget, time_limit
from redact.ingest.sniff import check_zip_limits, sniff_content

MAX_FILE_BYTES = 200 * 1024 * 1024
# About 1,400 pages of prose: more than any review, and a day's run; a longer text is a bundle of drafts or junk
MAX_TEXT_CHARS = 5_000_000
OPEN_SECONDS = 60.0  # to open and read a draft; a PDF gets more time per page once its length is known
SUPPORTED = {".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md"}
_CONTENT_KIND = {"docx": "docx", "pdf": "pdf", "txt": "text", "md": "text"}

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_CHARS", "SUPPORTED", "ingest"]


def ingest(path: Path | str) -> Document:
    """The draft at ``path`` as a ``Document``; raises ``InputError`` when it cannot be read safely."""
    path = Path(path)
    fmt = _format_of(path)
    _check_size(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from exc
    sniffed = sniff_content(path, head)
    if sniffed.kind != _CONTENT_KIND[fmt]:
        raise InputError(
            f"content is {sniffed.label} but the name ends in {path.suffix}: check it is the right file", path
        )
    with time_limit(path, OPEN_SECONDS) as budget:
        try:
            document = _read(path, fmt, budget)
        except InputError:
            raise
        except Exception as exc:  # a reader bug or a parser failure nobody foresaw: still fail closed
            raise InputError(f"cannot be read: unexpected {fmt.upper()} reader failure ({reason(exc)})", path) from exc
    if not document.text.strip():
        raise InputError("has no text (empty or whitespace only)", path)
    if len(document.text) > MAX_TEXT_CHARS:
        raise InputError(
            f"holds {len(document.text):,} characters of text, over the {MAX_TEXT_CHARS:,}-character limit for one "
            "draft: split it into its reports",
            path,
        )
    return document


def _read(path: Path, fmt: str, budget: Budget) -> Document:
    if fmt == "docx":
        from redact.ingest.word import read_docx

        check_zip_limits(path)
        return read_docx(path)
    if fmt == "pdf":
        from redact.ingest.pdf import read_pdf

        return read_pdf(path, budget)
    from redact.ingest.text import decode, parse_text

    return parse_text(path, decode(path, path.read_bytes()), fmt)


def _format_of(path: Path) -> str:
    """The draft's format from its extension, after checking it is a regular file.

    A symbolic link to a regular file is read like the file (the content is checked all the same);
    devices, pipes and sockets are refused before anything opens them, as a read could block or never end.
    """
    if not path.exists():
        raise InputError("is a symbolic link to a missing file" if path.is_symlink() else "file not found", path)
    if path.is_dir():
        raise InputError("is a directory, not a draft", path)
    if not path.is_file():
        raise InputError("is not a regular file (a device, pipe or socket): save the draft as a file", path)
    fmt = SUPPORTED.get(path.suffix.lower())
    if fmt is None:
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise InputError(f"unsupported file type {kind}: save the draft as DOCX, PDF, TXT or MD", path)
    return fmt


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise InputError("is empty (0 bytes)", path)
    if size > MAX_FILE_BYTES:
        raise InputError(f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a draft", path)
