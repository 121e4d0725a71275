"""Typed results of the resolve stage: mentions, entities, replacements and the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    PSEUDONYMISE = "pseudonymise"
    GENERALISE = "generalise"
    REMOVE = "remove"
    KEEP = "keep"


@dataclass(frozen=True)
class Mention:
    """One found span of ``Document.text`` (a ``Finding`` after overlap resolution)."""

    start: int
    end: int
    label: str
    text: str
    score: float = 1.0
    source: str = ""


@dataclass(frozen=True)
class Entity:
    """Mentions that refer to one person, place or identifier, with its role and pseudonym."""

    id: str
    label: str
    mentions: tuple[Mention, ...]
    role: str | None = None
    pseudonym: str | None = None
    action: Action = Action.PSEUDONYMISE
    kept: bool = False
    keep_reason: str | None = None
    named_roles: tuple[str, ...] = ()  # every statutory named role this person holds (kept by name)

    @property
    def first_start(self) -> int:
        return min(m.start for m in self.mentions)

    @property
    def texts(self) -> tuple[str, ...]:
        """Distinct mention texts, in order of first appearance."""
        return tuple(dict.fromkeys(m.text for m in sorted(self.mentions, key=lambda m: m.start)))


@dataclass(frozen=True)
class Replacement:
    """One change (or one deliberate keep) over ``[start, end)`` of the ORIGINAL text."""

    start: int
    end: int
    original: str
    replacement: str
    entity_id: str
    entity_type: str
    recogniser: str
    score: float
    action: Action
    reason: str
    operator: str = "replace"  # the presidio-anonymizer operator that produces ``replacement``
    params: tuple[tuple[str, object], ...] = ()  # its parameters, as sorted pairs


@dataclass(frozen=True)
class KeptSpan:
    start: int
    end: int
    text: str
    reason: str
    entity_id: str | None = None


@dataclass(frozen=True)
class Plan:
    entities: tuple[Entity, ...]
    replacements: tuple[Replacement, ...]  # sorted by start; spans never overlap
    kept: tuple[KeptSpan, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def entity(self, entity_id: str) -> Entity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def changes(self) -> tuple[Replacement, ...]:
        """Replacements that alter the text (everything but keeps)."""
        return tuple(r for r in self.replacements if r.action is not Action.KEEP)
