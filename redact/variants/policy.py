"""Per-variant policies (``variants.yaml``): which blocks a variant takes and how it treats each type."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from redact.errors import ConfigError
from redact.gold import LABELS
from redact.resolve.model import Action
from redact.resolve.policy import Policy, Treatment, load_policy

DEFAULT_VARIANTS_PATH = Path(__file__).with_name("variants.yaml")
BLOCK_SELECTIONS = ("executive_summary", "all")


@dataclass(frozen=True)
class VariantPolicy:
    name: str
    title: str
    blocks: str  # one of BLOCK_SELECTIONS
    check_statutory_content: bool
    policy: Policy  # the entity-type treatments for this variant


def _treatment(base: Treatment, entry: object, where: str, path: Path) -> Treatment:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: override must be a mapping", path)
    try:
        action = Action(entry.get("action", base.action))
    except ValueError as exc:
        raise ConfigError(f"{where}: unknown action {entry.get('action')!r}", path) from exc
    return replace(
        base,
        action=action,
        placeholder=str(entry.get("placeholder", base.placeholder)),
        granularity=entry.get("granularity", base.granularity),
    )


def load_variant_policies(path: Path = DEFAULT_VARIANTS_PATH, base: Policy | None = None) -> dict[str, VariantPolicy]:
    """Every variant in ``path``, with its treatments resolved against the base policy."""
    base = base or load_policy()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read variant policy: {exc}", path) from exc
    variants = {}
    for name, entry in data.items():
        if not isinstance(entry, dict) or entry.get("blocks") not in BLOCK_SELECTIONS or not entry.get("title"):
            raise ConfigError(f"variant {name!r} needs a title and blocks out of {BLOCK_SELECTIONS}", path)
        treatments = dict(base.treatments)
        for label, override in (entry.get("overrides") or {}).items():
            if label not in LABELS:
                raise ConfigError(f"variant {name!r}: unknown entity type {label!r}", path)
            treatments[label] = _treatment(base.for_label(label), override, f"{name}.{label}", path)
        variants[name] = VariantPolicy(
            name, str(entry["title"]), entry["blocks"], bool(entry.get("check_statutory_content")),
            Policy(treatments),
        )  # fmt: skip
    return variants
