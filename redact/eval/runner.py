"""``redact eval``: run a detector over every gold-annotated draft in a folder and score it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from redact.detect.finding import Finding
from redact.document import Document
from redact.errors import InputError, RedactError
from redact.eval.pseudonyms import PseudonymScores, score_pseudonyms
from redact.eval.scoring import Scores, score_document
from redact.gold import GoldMention, load_gold, sha256_text
from redact.ingest import ingest
from redact.resolve import resolve

DetectFn = Callable[[Document], list[Finding]]
_SPACE = re.compile(r"\s+")


def gold_files(folder: Path) -> list[Path]:
    """Every ``*.gold.json`` below ``folder``, sorted."""
    files = sorted(folder.rglob("*.gold.json"))
    if not files:
        raise InputError("no *.gold.json files found", folder)
    return files


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space; return the text and each of its characters' original index."""
    out: list[str] = []
    index: list[int] = []
    position = 0
    for match in _SPACE.finditer(text):
        out.append(text[position : match.start()])
        index.extend(range(position, match.start()))
        out.append(" ")
        index.append(match.start())
        position = match.end()
    out.append(text[position:])
    index.extend(range(position, len(text)))
    return "".join(out), index


def align_mentions(gold_text: str, text: str, mentions: Sequence[GoldMention]) -> list[GoldMention]:
    """Move gold offsets from ``gold_text`` onto ``text`` when the two differ only in whitespace."""
    if gold_text == text:
        return list(mentions)
    norm_gold, gold_index = _normalise_with_map(gold_text)
    norm_text, text_index = _normalise_with_map(text)
    if norm_gold.strip() != norm_text.strip():
        raise RedactError("extracted text differs from the gold text beyond whitespace; cannot align")
    shift = (len(norm_text) - len(norm_text.lstrip())) - (len(norm_gold) - len(norm_gold.lstrip()))
    gold_to_norm = {original: i for i, original in enumerate(gold_index)}
    aligned = []
    for m in mentions:
        start = text_index[gold_to_norm[m.start] + shift]
        end = text_index[gold_to_norm[m.end - 1] + shift] + 1
        aligned.append(replace(m, start=start, end=end, text=text[start:end]))
    return aligned


def evaluate(folder: Path, detect: DetectFn, fmt: str = "txt", pseudonyms: bool = False) -> Scores:
    """Score ``detect`` on every gold-annotated draft under ``folder`` in format ``fmt``; with ``pseudonyms``,
    also resolve each draft and score the pseudonyms its people were given."""
    total = Scores(pseudonyms=PseudonymScores() if pseudonyms else None)
    for gold_file in gold_files(folder):
        gold = load_gold(gold_file)
        draft = gold_file.with_name(gold_file.name.removesuffix(".gold.json") + "." + fmt)
        if not draft.exists():
            continue
        document = ingest(draft)
        if fmt == "txt":
            gold.check(document.text)
            mentions = list(gold.mentions)
        else:
            gold_text = draft.with_suffix(".txt").read_text(encoding="utf-8")
            if sha256_text(gold_text) != gold.text_sha256:
                raise RedactError("gold file does not match its TXT draft", gold_file)
            mentions = align_mentions(gold_text, document.text, gold.mentions)
        findings = detect(document)
        total.merge(score_document(draft.name, mentions, findings))
        if total.pseudonyms is not None:
            total.pseudonyms.merge(score_pseudonyms(draft.name, mentions, resolve(document, findings)))
    if not total.by_type:
        raise RedactError(f"no .{fmt} drafts beside the gold files", folder)
    return total
