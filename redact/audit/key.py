"""The restricted key (``STEM.key.json``): every entity's pseudonym, role and original mentions."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from redact.errors import InputError


@dataclass(frozen=True)
class KeyEntity:
    entity_id: str
    label: str
    role: str
    pseudonym: str
    kept: bool  # a named role (or otherwise kept by name): masked, never searched for
    mentions: tuple[str, ...]  # every mention's original text, as written in the draft
    actions: tuple[tuple[str, str], ...] = ()  # (variant, action): how each variant treated it

    def checked_in(self, variant: str | None) -> bool:
        """Whether verify must search for this entity in ``variant`` (any variant when unknown)."""
        if self.kept:
            return False
        hidden = {action for name, action in self.actions if variant is None or name == variant}
        return bool(hidden & {"pseudonymise", "remove"}) or not self.actions


@dataclass(frozen=True)
class Key:
    draft_sha256: str
    entities: tuple[KeyEntity, ...]
    allowed: tuple[str, ...] = ()  # texts a reviewer decided to keep: masked before the leak search

    def to_json(self) -> str:
        data = {
            "draft_sha256": self.draft_sha256,
            "allowed": list(self.allowed),
            "entities": {
                e.entity_id: {**{k: v for k, v in asdict(e).items() if k != "entity_id"}, "actions": dict(e.actions)}
                for e in self.entities
            },
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def load_key(path: Path) -> Key:
    """Read a key file; any problem is a ``RedactError`` (verify must not run without a key)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entities = tuple(
            KeyEntity(
                entity_id=entity_id,
                **{
                    **fields,
                    "mentions": tuple(fields["mentions"]),
                    "actions": tuple(tuple(pair) for pair in fields.get("actions", {}).items()),
                },
            )
            for entity_id, fields in data["entities"].items()
        )
        return Key(data["draft_sha256"], entities, tuple(data.get("allowed", ())))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read key file: {exc}", path) from exc
