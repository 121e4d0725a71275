"""Tell what a file really is from its first bytes, and refuse zip bombs before anything unpacks them."""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from redact.errors import InputError

MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024  # sum of a DOCX's member sizes
MAX_COMPRESSION_RATIO = 100  # per member, for members larger than RATIO_CHECK_FROM_BYTES
RATIO_CHECK_FROM_BYTES = 1024 * 1024
# what zipfile raises on a damaged archive or member: bad headers, bad deflate data, cut-off data,
# an unknown compression method, an encrypted member
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)


@dataclass(frozen=True)
class Sniffed:
    """What the content looks like: ``pdf``, ``docx``, ``zip``, ``ole`` (old Office), ``rtf``, ``binary`` or
    ``text``."""

    kind: str
    label: str  # for messages, e.g. "a PDF"


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, and encrypted OOXML files
_RTF_MAGIC = b"{\\rtf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BINARY_MAGIC = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
]


def sniff_content(path: Path, head: bytes) -> Sniffed:
    """Classify a file by its content. ``head`` is its first few kilobytes."""
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf", "a PDF")
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except ZIP_ERRORS:
            return Sniffed("zip", "a damaged zip archive")
        if "word/document.xml" in names:
            return Sniffed("docx", "a DOCX")
        if "mimetype" in names or "content.xml" in names:
            return Sniffed("zip", "an OpenDocument file")
        return Sniffed("zip", "a zip archive")
    if head.startswith(_OLE_MAGIC):
        return Sniffed("ole", "an old-format Office file (or a password-protected DOCX)")
    if head.lstrip().startswith(_RTF_MAGIC):
        return Sniffed("rtf", "an RTF file")
    for magic, label in _BINARY_MAGIC:
        if head.startswith(magic):
            return Sniffed("binary", label)
    if b"\x00" in head and not head.startswith(_UTF16_BOMS):  # UTF-16 text gets its own message later
        return Sniffed("binary", "binary data")
    return Sniffed("text", "text")


def check_zip_limits(path: Path) -> None:
    """Refuse an archive whose members would unpack to too much, before any parser opens it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except ZIP_ERRORS as exc:
        raise InputError(f"corrupt DOCX (not a readable zip archive: {exc})", path) from exc
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(
            f"DOCX would unpack to {total:,} bytes (limit {MAX_UNCOMPRESSED_BYTES:,}): refusing a possible zip bomb",
            path,
        )
    _check_true_sizes(path, members)
    for member in members:
        if member.file_size < RATIO_CHECK_FROM_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            raise InputError(
                f"DOCX member {member.filename} has compression ratio {ratio:.0f}:1 "
                f"(limit {MAX_COMPRESSION_RATIO}:1): refusing a possible zip bomb",
                path,
            )


_INFLATE_STEP = 1 << 16  # bytes of output per step, so that no single call allocates more


def _check_true_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Inflate every deflated member in small steps, counting what its data really gives: headers can understate a
    member's size, and a parser that trusts them may ask zlib for gigabytes in one call."""
    total = 0
    with path.open("rb") as raw:
        for member in members:
            size = _inflated_size(raw, member, MAX_UNCOMPRESSED_BYTES - total)
            if size > member.file_size:
                raise InputError(
                    f"DOCX member {member.filename} unpacks to more than the {member.file_size:,} bytes its header "
                    "says: refusing a possible zip bomb",
                    path,
                )
            total += size


def _inflated_size(raw: BinaryIO, member: zipfile.ZipInfo, limit: int) -> int:
    """What the member's compressed data inflates to, counted up to just past ``limit`` or its declared size."""
    if member.compress_type != zipfile.ZIP_DEFLATED:
        return member.file_size  # stored data is its own size; other methods zipfile refuses when read
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    ceiling = min(limit, member.file_size) + 1
    size, left = 0, member.compress_size
    try:
        raw.seek(member.header_offset + 26)
        name_length, extra_length = struct.unpack("<HH", raw.read(4))
        raw.seek(member.header_offset + 30 + name_length + extra_length)
        while left > 0 and size < ceiling and not inflater.eof:
            chunk = raw.read(min(left, _INFLATE_STEP))
            if not chunk:
                break
            left -= len(chunk)
            data = chunk
            while data and size < ceiling and not inflater.eof:
                out = inflater.decompress(data, _INFLATE_STEP)
                if not out and inflater.unconsumed_tail == data:
                    break  # no progress: damaged data, which zipfile's own reading reports
                size += len(out)
                data = inflater.unconsumed_tail
    except (zlib.error, struct.error, OSError, ValueError):
        return member.file_size  # a damaged header or data: zipfile's own reading reports it
    return size
