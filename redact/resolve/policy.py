"""The per-entity-type policy (``policy.yaml``): how each label is treated by default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from redact.errors import ConfigError
from redact.gold import LABELS
from redact.resolve.model import Action

DEFAULT_POLICY_PATH = Path(__file__).with_name("policy.yaml")
FALLBACK_PLACEHOLDER = "[redacted]"


@dataclass(frozen=True)
class Treatment:
    action: Action
    placeholder: str = FALLBACK_PLACEHOLDER
    granularity: str | None = None


@dataclass(frozen=True)
class Policy:
    treatments: dict[str, Treatment]

    def for_label(self, label: str) -> Treatment:
        """The label's treatment; an unknown label is removed (fail closed)."""
        return self.treatments.get(label, Treatment(Action.REMOVE))


def load_policy(path: Path = DEFAULT_POLICY_PATH) -> Policy:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read policy: {exc}", path) from exc
    treatments: dict[str, Treatment] = {}
    for label, entry in data.items():
        if label not in LABELS or not isinstance(entry, dict):
            raise ConfigError(f"bad policy entry {label!r}", path)
        try:
            action = Action(entry.get("action"))
        except ValueError as exc:
            raise ConfigError(f"{label}: unknown action {entry.get('action')!r}", path) from exc
        treatments[label] = Treatment(
            action, str(entry.get("placeholder", FALLBACK_PLACEHOLDER)), entry.get("granularity")
        )
    return Policy(treatments)
