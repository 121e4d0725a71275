"""The optional per-report config (``report.yaml``): board, named roles, panel, subject, keep list."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from redact.errors import ConfigError

NAMED_ROLES = ("lscb_chair", "panel_chair", "author")


@dataclass(frozen=True)
class PanelMember:
    name: str
    job_title: str
    organisation: str


@dataclass(frozen=True)
class Subject:
    name: str
    pseudonym: str = "Child A"


@dataclass(frozen=True)
class ReportConfig:
    board: str | None = None
    named_roles: dict[str, str] = field(default_factory=dict)  # role -> name, kept in every variant
    panel: tuple[PanelMember, ...] = ()
    subject: Subject | None = None
    keep: tuple[str, ...] = ()  # phrases never redacted
    strict: bool = False  # refuse while the residual scan leaves a word unexplained (as ``--strict`` does)

    def kept_phrases(self) -> tuple[str, ...]:
        """Everything the config says must stay as written: board, keep list, organisations, titles."""
        phrases = [self.board] if self.board else []
        phrases += list(self.keep)
        for member in self.panel:
            phrases += [member.job_title, member.organisation]
        return tuple(p for p in phrases if p)


def load_config(path: Path | None) -> ReportConfig:
    """Read and validate ``report.yaml``; no path gives the empty config. Every bad value is a one-line
    ``ConfigError`` naming the key, what was found and what is expected."""
    if path is None:
        return ReportConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path) from exc
    reader = _Reader(path)
    data = reader.mapping(data, "the config")
    unknown = set(data) - {"board", "named_roles", "panel", "subject", "keep", "strict"}
    if unknown:
        raise ConfigError(f"unknown config keys: {', '.join(sorted(map(str, unknown)))}", path)
    roles = reader.mapping(data.get("named_roles") or {}, "named_roles")
    bad_roles = set(roles) - set(NAMED_ROLES)
    if bad_roles:
        raise ConfigError(
            f"unknown named roles: {', '.join(sorted(map(str, bad_roles)))} (expected: {', '.join(NAMED_ROLES)})", path
        )
    panel = tuple(
        PanelMember(**reader.fields(member, f"panel[{index}]", ("name", "job_title", "organisation")))
        for index, member in enumerate(reader.items(data.get("panel"), "panel"))
    )
    subject = None
    if data.get("subject") is not None:
        subject = Subject(**reader.fields(data["subject"], "subject", ("name",), optional=("pseudonym",)))
    return ReportConfig(
        board=reader.text(data["board"], "board") if data.get("board") is not None else None,
        named_roles={str(role): reader.text(name, f"named_roles.{role}") for role, name in roles.items()},
        panel=panel,
        subject=subject,
        keep=tuple(reader.text(item, f"keep[{i}]") for i, item in enumerate(reader.items(data.get("keep"), "keep"))),
        strict=reader.flag(data.get("strict", False), "strict"),
    )


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"{value} (true/false)"
    if isinstance(value, int | float):
        return f"{value} (a number)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


@dataclass(frozen=True)
class _Reader:
    """Typed reads of the parsed YAML, each failing with the key, what it found and what it expected."""

    path: Path

    def fail(self, key: str, value: object, expected: str) -> ConfigError:
        return ConfigError(f"{key}: expected {expected}, found {_kind(value)}", self.path)

    def text(self, value: object, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, value, "text")
        return value

    def flag(self, value: object, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, value, "true or false")
        return value

    def mapping(self, value: object, key: str) -> dict:  # type: ignore[type-arg]
        if not isinstance(value, dict):
            raise self.fail(key, value, "a mapping (key: value lines)")
        return value

    def items(self, value: object, key: str) -> list:  # type: ignore[type-arg]
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, value, "a list (lines starting with '- ')")
        return value

    def fields(self, value: object, key: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:  # type: ignore[type-arg]
        entry = self.mapping(value, key)
        unknown = set(entry) - set(required) - set(optional)
        missing = [name for name in required if name not in entry]
        if unknown or missing:
            wanted, found = ", ".join(required + optional), ", ".join(map(str, entry)) or "none"
            raise ConfigError(f"{key}: expected the keys {wanted}, found {found}", self.path)
        return {name: self.text(entry[name], f"{key}.{name}") for name in entry}
