"""Fuzzing the ingesters: whatever the bytes, ``ingest`` returns a consistent ``Document`` or raises
``InputError`` -- never another exception, never a hang.

Inputs are random bytes under each extension, and real drafts (built by ``ingest_samples`` and taken
from ``fixtures/``) with bytes flipped, inserted, deleted or cut off; for DOCX also the XML inside the
package is mutated (bytes, attribute values, elements) and the package zipped again.

The default run is short; ``FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_ingest.py`` runs a long session.
"""

from __future__ import annotations

import faulthandler
import io
import os
import re
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_samples import sample_docx, sample_pdf

from redact.errors import InputError
from redact.ingest import ingest

DEFAULT_EXAMPLES = 100
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
SECONDS_PER_FILE = 20.0  # a small damaged file must be read or refused well within this
WATCHDOG_SECONDS = 120  # if the ingester's own time guard failed, stop the run with a traceback
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FUZZ_SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,  # timing is checked per example below, with a watchdog behind it
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MARKDOWN = """# Serious Case Review: Child T

## Background

Tamsin lived with her mother at 4 Elm Row, Northshire.

- the health visitor
- the school nurse

| Agency | Contact |
| --- | --- |
| Police | 3 May 2019 |

Setext Heading
--------------

The panel met *four* times.
"""


class Seeds(dict[str, list[bytes]]):
    """Drafts to mutate, by extension (with a short repr, for readable failure reports)."""

    def __repr__(self) -> str:
        return f"Seeds({ {suffix: len(items) for suffix, items in self.items()} })"


def _seeds(tmp: Path) -> Seeds:
    seeds = Seeds(
        {
            ".docx": [sample_docx(tmp / "seed.docx").read_bytes()],
            ".pdf": [sample_pdf(tmp / "seed.pdf", paragraphs=6).read_bytes()],
            ".txt": [p.read_bytes() for p in sorted((FIXTURES / "handwritten").glob("*.txt"))[:3]],
            ".md": [MARKDOWN.encode("utf-8")],
        }
    )
    # fixture PDFs take a second or more each to read, so only long runs mutate them
    suffixes = (".docx", ".pdf", ".txt") if FUZZ_EXAMPLES > DEFAULT_EXAMPLES else (".docx", ".txt")
    for suffix in suffixes:
        seeds[suffix] += [p.read_bytes() for p in sorted((FIXTURES / "synthetic").glob(f"*{suffix}"))[:2]]
    return seeds


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    return _seeds(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check_ingest(path: Path) -> None:
    """The fuzz property: a consistent ``Document`` or a one-line ``InputError``, in bounded time."""
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    started = time.monotonic()
    try:
        document = ingest(path)
    except InputError as error:
        message = str(error)
        assert "\n" not in message
        # the catch-all in ``ingest`` is a safety net for production; fuzzing must not need it
        assert "unexpected" not in message, message
    else:
        assert document.text.strip()
        for block in document.blocks:
            assert document.text[block.start : block.end] == block.text, block
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert time.monotonic() - started < SECONDS_PER_FILE


# --- byte-level mutations, as data that hypothesis can shrink -------------------------------------------

_edit = st.tuples(
    st.sampled_from(["flip", "insert", "delete", "truncate"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),  # where, as a fraction of the length
    st.binary(min_size=1, max_size=16),  # bytes to write, or (by length) how many to delete
)


def mutate(data: bytes, edits: list[tuple[str, float, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, payload in edits:
        at = min(int(where * len(out)), max(len(out) - 1, 0))
        if kind == "flip":
            out[at : at + len(payload)] = payload
        elif kind == "insert":
            out[at:at] = payload
        elif kind == "delete":
            del out[at : at + len(payload) * 8]
        else:
            del out[max(at, 1) :]
    return bytes(out)


# --- XML-level mutations of a DOCX package ---------------------------------------------------------------

_NASTY_VALUES = ["", "-1", "0", "9", "99999999999999999999", "abc", "1.5", "restart", "continue", "rId999", "&amp;"]
_ATTRIBUTE = re.compile(rb'(\w+:\w+|\w+)="[^"]*"')
_ELEMENT = re.compile(rb"<w:(p|r|t|tbl|tr|tc|pPr|rPr|tcPr|numPr|sectPr|headerReference|footerReference)\b[^>]*>")

_xml_edit = st.tuples(
    st.sampled_from(["attribute", "drop_tag", "duplicate_tag", "nest", "bytes"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.sampled_from(_NASTY_VALUES),
    st.lists(_edit, min_size=1, max_size=3),
)


def mutate_xml(xml: bytes, edit: tuple[str, float, str, list]) -> bytes:
    kind, where, value, byte_edits = edit
    if kind == "bytes":
        return mutate(xml, byte_edits)
    matches = list((_ATTRIBUTE if kind == "attribute" else _ELEMENT).finditer(xml))
    if not matches:
        return xml
    hit = matches[min(int(where * len(matches)), len(matches) - 1)]
    start, end = hit.span()
    if kind == "attribute":
        return xml[:start] + hit.group(1) + b'="' + value.encode() + b'"' + xml[end:]
    if kind == "drop_tag":  # leaves an unbalanced document or an empty element behind
        return xml[:start] + xml[end:]
    if kind == "duplicate_tag":
        return xml[:end] + hit.group() + xml[end:]
    depth = 300  # deeper than lxml allows without huge_tree
    return xml[:start] + b"<w:sdt><w:sdtContent>" * depth + xml[start:end] + xml[end:]


def rezip(docx: bytes, part_choice: float, edit: tuple) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    parts = [name for name in source.namelist() if name.endswith((".xml", ".rels")) and "docProps" not in name]
    target = parts[min(int(part_choice * len(parts)), len(parts) - 1)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for item in source.infolist():
            data = source.read(item.filename)
            new.writestr(item, mutate_xml(data, edit) if item.filename == target else data)
    return buffer.getvalue()


# --- the tests -------------------------------------------------------------------------------------------

_PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"{\\rtf1", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]


@FUZZ_SETTINGS
@given(
    suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf"]),
    prefix=st.sampled_from(_PREFIXES),
    body=st.binary(max_size=4096),
    trailer=st.sampled_from([b"", b"\n%%EOF\n"]),
)
def test_random_bytes(workdir: Path, suffix: str, prefix: bytes, body: bytes, trailer: bytes) -> None:
    path = workdir / f"random{suffix}"
    path.write_bytes(prefix + body + trailer)
    check_ingest(path)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
@FUZZ_SETTINGS
@given(data=st.data(), edits=st.lists(_edit, min_size=1, max_size=6))
def test_mutated_drafts(seeds: Seeds, workdir: Path, suffix: str, data, edits) -> None:
    seed = seeds[suffix][data.draw(st.integers(0, len(seeds[suffix]) - 1), label="seed index")]
    path = workdir / f"mutated{suffix}"
    path.write_bytes(mutate(seed, edits))
    check_ingest(path)


@FUZZ_SETTINGS
@given(data=st.data(), part=st.floats(min_value=0, max_value=1, allow_nan=False), edit=_xml_edit)
def test_mutated_docx_xml(seeds: Seeds, workdir: Path, data, part: float, edit) -> None:
    seed = seeds[".docx"][data.draw(st.integers(0, len(seeds[".docx"]) - 1), label="seed index")]
    path = workdir / "xml-mutated.docx"
    path.write_bytes(rezip(seed, part, edit))
    check_ingest(path)


def test_the_mutators_change_the_drafts(seeds: Seeds) -> None:
    """Guard against a fuzz run that silently tests only the unmodified seeds."""
    assert mutate(b"abcdef", [("flip", 0.5, b"X")]) == b"abcXef"
    assert mutate(b"abcdef", [("truncate", 0.5, b"X")]) == b"abc"
    xml = zipfile.ZipFile(io.BytesIO(seeds[".docx"][0])).read("word/document.xml")
    for kind in ("attribute", "drop_tag", "duplicate_tag", "nest"):
        assert mutate_xml(xml, (kind, 0.3, "abc", [])) != xml
    assert rezip(seeds[".docx"][0], 0.5, ("bytes", 0.0, "", [("flip", 0.5, b"\x00")])) != seeds[".docx"][0]
