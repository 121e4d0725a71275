"""Gold annotations for fixtures, and the inline mark-up used to write them by hand.

A gold file ``STEM.gold.json`` sits beside ``STEM.txt`` (and ``STEM.docx`` / ``STEM.pdf``)::

    {"source": "STEM.txt", "synthetic": true, "text_sha256": "...",
     "mentions": [{"start": 10, "end": 21, "label": "PERSON", "text": "Kelly Smith",
                   "entity_id": "mother", "keep": false, "role": "mother"}]}

Offsets index the draft's extracted text (``Document.text``), which for the TXT file is its content.

Mark-up: ``[[Kelly Smith|PERSON|mother]]`` marks a mention of entity ``mother``;
``[[Ann Jones|PERSON|lscb_chair|keep]]`` marks one that must be kept. An optional fifth field gives
the role when it differs from the entity id: ``[[Kelly|PERSON|p3|-|mother]]``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

LABELS = (
    "PERSON", "LOCATION", "ADDRESS", "POSTCODE", "DATE_OF_BIRTH", "DATE", "AGE", "NHS_NUMBER",
    "NI_NUMBER", "PHONE", "EMAIL", "SCHOOL", "GP_PRACTICE", "HOSPITAL", "CASE_REFERENCE",
    "VEHICLE_REG", "ORGANISATION", "SOCIAL_HANDLE",
)  # fmt: skip

_MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z_]+)\|([^\[\]|]+)(?:\|(keep|-))?(?:\|([^\[\]|]+))?\]\]")


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    label: str
    text: str
    entity_id: str
    keep: bool = False
    role: str | None = None


@dataclass(frozen=True)
class Gold:
    source: str
    text_sha256: str
    mentions: tuple[GoldMention, ...]
    synthetic: bool = True

    def check(self, text: str) -> None:
        """Raise ``ValueError`` if the mentions do not index ``text``."""
        if sha256_text(text) != self.text_sha256:
            raise ValueError(f"{self.source}: text does not match the gold file's hash")
        for m in self.mentions:
            if text[m.start : m.end] != m.text:
                raise ValueError(f"{self.source}: gold mention {m} does not match {text[m.start : m.end]!r}")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_markup(marked: str) -> tuple[str, list[GoldMention]]:
    """Strip ``[[text|LABEL|entity(|keep)(|role)]]`` marks; return plain text and the mentions."""
    out: list[str] = []
    mentions: list[GoldMention] = []
    cursor = plain_len = 0
    for match in _MARK.finditer(marked):
        before = marked[cursor : match.start()]
        out.append(before)
        plain_len += len(before)
        text, label, entity, keep, role = match.groups()
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r} in {match.group(0)!r}")
        mentions.append(
            GoldMention(plain_len, plain_len + len(text), label, text, entity, keep == "keep", role or entity)
        )
        out.append(text)
        plain_len += len(text)
        cursor = match.end()
    out.append(marked[cursor:])
    plain = "".join(out)
    if "[[" in plain or "]]" in plain:
        raise ValueError("unparsed mark-up left in text near: " + plain[plain.find("[[") :][:60])
    return plain, mentions


def gold_path_for(draft: Path) -> Path:
    return draft.with_name(draft.stem + ".gold.json")


def load_gold(path: Path) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    mentions = tuple(GoldMention(**m) for m in data["mentions"])
    return Gold(data["source"], data["text_sha256"], mentions, data.get("synthetic", True))


def write_gold(path: Path, source: str, text: str, mentions: list[GoldMention], synthetic: bool = True) -> None:
    data = {
        "source": source,
        "synthetic": synthetic,
        "text_sha256": sha256_text(text),
        "mentions": [asdict(m) for m in sorted(mentions, key=lambda m: (m.start, m.end))],
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
