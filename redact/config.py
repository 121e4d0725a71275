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

    def kept_phrases(self) -> tuple[str, ...]:
        """Everything the config says must stay as written: board, keep list, organisations, titles."""
        phrases = [self.board] if self.board else []
        phrases += list(self.keep)
        for member in self.panel:
            phrases += [member.job_title, member.organisation]
        return tuple(p for p in phrases if p)


def load_config(path: Path | None) -> ReportConfig:
    """Read and validate ``report.yaml``; no path gives the empty config."""
    if path is None:
        return ReportConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path) from exc
    if not isinstance(data, dict):
        raise ConfigError("config must be a mapping", path)
    unknown = set(data) - {"board", "named_roles", "panel", "subject", "keep"}
    if unknown:
        raise ConfigError(f"unknown config keys: {', '.join(sorted(unknown))}", path)
    roles = data.get("named_roles") or {}
    bad_roles = set(roles) - set(NAMED_ROLES)
    if bad_roles:
        raise ConfigError(f"unknown named roles: {', '.join(sorted(bad_roles))}", path)
    try:
        panel = tuple(PanelMember(**member) for member in data.get("panel") or [])
        subject = Subject(**data["subject"]) if data.get("subject") else None
    except TypeError as exc:
        raise ConfigError(f"bad panel or subject entry: {exc}", path) from exc
    return ReportConfig(
        board=data.get("board"),
        named_roles={k: str(v) for k, v in roles.items()},
        panel=panel,
        subject=subject,
        keep=tuple(str(k) for k in data.get("keep") or []),
    )
