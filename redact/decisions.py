"""A reviewer's decisions (``decisions.json``), applied to the findings before resolving.

Schema (offsets index the draft's extracted text, as in ``redact detect`` and the audit trail)::

    {"reviewer": "A. Reviewer",                       # who decided (recorded in the audit trail)
     "draft_sha256": "...",                           # optional: refuse if the draft has changed
     "decisions": [
       {"action": "reject", "start": 120, "end": 131, "text": "Rose Garden",
        "reason": "a garden centre, not a person"},   # keep this span as written
       {"action": "add", "start": 200, "end": 208, "text": "Oakfield", "label": "LOCATION",
        "reason": "village name missed"},             # redact this span as LABEL
       {"action": "pseudonym", "text": "Kelly Smith", "pseudonym": "Parent 1",
        "reason": "board style"},                     # the entity with this mention gets this pseudonym
       {"action": "named_role", "role": "author", "text": "Dr Jane Roe",
        "reason": "the author, named on the cover"},  # as named_roles.author in report.yaml: kept, named
       {"action": "allow", "text": "Restricted",
        "reason": "the marking, not the person"}      # verify does not count this text as a leak
     ]}

Every decision's ``text`` must equal the draft's text at its offsets; otherwise the decisions were made
on another version of the draft and the run stops (fail closed). An "allow" needs no offsets, but its text must
be in the draft; a "named_role" needs one of the roles ``named_roles`` takes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from redact.config import NAMED_ROLES, ReportConfig
from redact.detect.finding import Finding
from redact.document import Document
from redact.errors import ConfigError
from redact.gold import LABELS, sha256_text
from redact.resolve.model import Mention, Plan

ACTIONS = ("reject", "add", "pseudonym", "named_role", "allow")
REVIEWER_SOURCE = "reviewer"


@dataclass(frozen=True)
class Decision:
    action: str
    text: str
    reason: str
    start: int | None = None
    end: int | None = None
    label: str | None = None
    pseudonym: str | None = None
    role: str | None = None  # a named_role decision's role: "lscb_chair", "panel_chair" or "author"


@dataclass(frozen=True)
class Decisions:
    reviewer: str
    items: tuple[Decision, ...]

    def of(self, action: str) -> tuple[Decision, ...]:
        return tuple(d for d in self.items if d.action == action)

    @property
    def allowed_texts(self) -> tuple[str, ...]:
        """Texts a reviewer chose to keep, or said are no leak: verify must not count them as leaks."""
        return tuple(d.text for d in self.items if d.action in ("reject", "allow"))

    def configured(self, config: ReportConfig) -> ReportConfig:
        """``config`` with the reviewer's named roles added, as if report.yaml's ``named_roles`` named them."""
        named = {d.role: d.text for d in self.of("named_role") if d.role}
        return replace(config, named_roles={**config.named_roles, **named}) if named else config

    @property
    def pseudonyms(self) -> dict[str, str]:
        """Mention text -> the pseudonym a reviewer chose for its entity."""
        return {d.text: d.pseudonym for d in self.of("pseudonym") if d.pseudonym}


NO_DECISIONS = Decisions(reviewer="", items=())


def _decision(raw: object, document: Document, path: Path, folded_draft: str) -> Decision:
    if not isinstance(raw, dict) or raw.get("action") not in ACTIONS:
        raise ConfigError(f"each decision needs an action out of {', '.join(ACTIONS)}: {raw!r}", path)
    try:
        decision = Decision(**raw)
    except TypeError as exc:
        raise ConfigError(f"bad decision {raw!r}: {exc}", path) from exc
    if not decision.reason:
        raise ConfigError(f"decision without a reason: {raw!r}", path)
    if decision.action in ("reject", "add"):
        if decision.start is None or decision.end is None:
            raise ConfigError(f"{decision.action} needs start and end: {raw!r}", path)
        if document.text[decision.start : decision.end] != decision.text:
            raise ConfigError(f"decision text {decision.text!r} is not at {decision.start}-{decision.end}", path)
    if decision.action == "add" and decision.label not in LABELS:
        raise ConfigError(f"add needs a label out of {', '.join(LABELS)}: {raw!r}", path)
    if decision.action == "pseudonym" and not decision.pseudonym:
        raise ConfigError(f"pseudonym decision needs a pseudonym: {raw!r}", path)
    if decision.action == "named_role" and (decision.role not in NAMED_ROLES or not decision.text.strip()):
        raise ConfigError(f"named_role needs a name and a role out of {', '.join(NAMED_ROLES)}: {raw!r}", path)
    if decision.action == "allow" and (not decision.text.strip() or decision.text.casefold() not in folded_draft):
        raise ConfigError(f"allow needs a text that the draft holds: {raw!r}", path)
    return decision


def load_decisions(path: Path | None, document: Document) -> Decisions:
    """Read and check a decisions file against the draft it was made on."""
    if path is None:
        return NO_DECISIONS
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read decisions: {exc}", path) from exc
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise ConfigError('decisions file needs a "decisions" list', path)
    expected = data.get("draft_sha256")
    if expected and expected != sha256_text(document.text):
        raise ConfigError("decisions were made on a different version of this draft", path)
    folded_draft = document.text.casefold()
    items = tuple(_decision(raw, document, path, folded_draft) for raw in data["decisions"])
    return Decisions(reviewer=str(data.get("reviewer", "")), items=items)


def apply_decisions(document: Document, findings: list[Finding], decisions: Decisions) -> list[Finding]:
    """Drop findings inside rejected spans; add the reviewer's spans as findings."""
    rejected = [(d.start, d.end) for d in decisions.of("reject")]
    kept = [f for f in findings if not any(start <= f.start and f.end <= end for start, end in rejected)]
    for d in decisions.of("add"):
        block = document.block_at(d.start)
        kept.append(
            Finding(d.start, d.end, d.label or "", d.text, 1.0, REVIEWER_SOURCE, block.index if block else None)
        )
    return sorted(kept, key=lambda f: (f.start, f.end))


def revealing_rejections(decisions: Decisions, before: Plan, after: Plan) -> list[str]:
    """Rejections that keep one mention of an entity as written while others of it stay pseudonymised: the
    published text then ties the name to its pseudonym ("taken to Ashton Royal Infirmary" here, "Hospital 2"
    elsewhere). One line each, for the run's warnings; reject every mention, or none."""
    still_hidden = {m.start: e for e in after.entities if not e.kept and e.pseudonym for m in e.mentions}
    lines: list[str] = []
    for decision in decisions.of("reject"):
        entity = next(
            (e for e in before.entities if not e.kept and any(_inside(m, decision) for m in e.mentions)), None
        )
        others = [m for m in entity.mentions if not _inside(m, decision)] if entity else []
        hidden = [still_hidden[m.start] for m in others if m.start in still_hidden]
        if hidden:
            lines.append(
                f"the reviewer's rejection of {decision.text!r} at offset {decision.start} reveals who "
                f"{hidden[0].pseudonym!r} is: {len(hidden)} other mention(s) stay pseudonymised; reject every "
                "mention of it, or none"
            )
    return lines


def _inside(mention: Mention, decision: Decision) -> bool:
    return decision.start is not None and decision.end is not None and decision.start <= mention.start < decision.end
