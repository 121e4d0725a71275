"""Load ``policy.yaml``: score thresholds per entity type and the spaCy / context settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from redact.errors import ConfigError
from redact.gold import LABELS

POLICY_PATH = Path(__file__).with_name("policy.yaml")


@dataclass(frozen=True)
class SpacySettings:
    model: str
    components: tuple[str, ...]
    batch_size: int
    max_chunk_chars: int


@dataclass(frozen=True)
class ContextSettings:
    similarity_factor: float
    min_score_with_context: float
    prefix_words: int
    suffix_words: int


@dataclass(frozen=True)
class NerMapping:
    label: str  # one of redact.gold.LABELS
    score: float


@dataclass(frozen=True)
class DetectionPolicy:
    spacy: SpacySettings
    context: ContextSettings
    ner: dict[str, NerMapping]  # spaCy label -> our label and score
    thresholds: dict[str, float]  # our label -> minimum score

    def threshold(self, label: str) -> float:
        return self.thresholds[label]


def parse_policy(data: dict, source: Path | str = POLICY_PATH) -> DetectionPolicy:
    """Validate the YAML mapping and build the typed policy."""
    try:
        spacy = data["spacy"]
        policy = DetectionPolicy(
            spacy=SpacySettings(
                model=str(spacy["model"]),
                components=tuple(str(c) for c in spacy["components"]),
                batch_size=int(spacy["batch_size"]),
                max_chunk_chars=int(spacy["max_chunk_chars"]),
            ),
            context=ContextSettings(**data["context"]),
            ner={k: NerMapping(str(v["label"]), float(v["score"])) for k, v in data["ner"].items()},
            thresholds={str(k): float(v) for k, v in data["thresholds"].items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"invalid detection policy: {exc!r}", source) from exc
    missing = set(LABELS) - set(policy.thresholds)
    unknown = (set(policy.thresholds) | {m.label for m in policy.ner.values()}) - set(LABELS)
    if missing or unknown:
        raise ConfigError(f"policy labels: missing {sorted(missing)}, unknown {sorted(unknown)}", source)
    if policy.spacy.max_chunk_chars < 200:
        raise ConfigError("spacy.max_chunk_chars must be at least 200", source)
    return policy


@cache
def load_policy(path: Path = POLICY_PATH) -> DetectionPolicy:
    """The detection policy (``policy.yaml`` beside this module unless another path is given)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read detection policy: {exc}", path) from exc
    if not isinstance(data, dict):
        raise ConfigError("detection policy must be a mapping", path)
    return parse_policy(data, path)
