"""Reading a ``redact run`` output folder for review; writing decisions and sign-offs.

Everything here works on ``OUT_DIR/publish`` and ``OUT_DIR/restricted`` as ``redact run`` writes them:
``STEM.manifest.json`` names a run, ``STEM.run.json`` says where its draft, config and policy live,
``STEM.audit.jsonl`` and ``STEM.key.json`` describe every change. The review app adds
``STEM.decisions.json`` (the ``--decisions`` schema plus ``saved_at``) and ``STEM.signoff.json``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from redact.audit.key import Key, load_key
from redact.audit.outputs import PRIVATE_FILE, PUBLISH, RESTRICTED, sha256_file
from redact.audit.trail import AuditEntry
from redact.decisions import Decisions, load_decisions
from redact.document import Document
from redact.errors import RedactError
from redact.gold import sha256_text
from redact.ingest import ingest
from redact.variants.policy import DEFAULT_VARIANTS_PATH

MANIFEST_SUFFIX = ".manifest.json"
DECISION_FIELDS = ("action", "start", "end", "text", "label", "pseudonym", "role", "reason")


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class RunSource:
    """How a run was made (``STEM.run.json``): enough to re-run it with decisions."""

    draft: Path | None
    config: Path | None
    policy: Path
    variants: tuple[str, ...]
    allow_incomplete: bool = False


@dataclass(frozen=True)
class SignOff:
    reviewer: str
    signed_at: str
    files: dict[str, str]  # "publish/NAME" -> sha256

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False) + "\n"


@dataclass
class Run:
    """One run in the output folder, named by its stem."""

    out_dir: Path
    stem: str
    manifest: dict = field(default_factory=dict)

    @property
    def restricted(self) -> Path:
        return self.out_dir / RESTRICTED

    def restricted_file(self, suffix: str) -> Path:
        return self.restricted / f"{self.stem}.{suffix}"

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(self.manifest.get("variants", ()))

    def published_files(self) -> list[Path]:
        """This run's files in ``publish/`` (``STEM.VARIANT.md`` / ``.pdf``)."""
        names = {f"{self.stem}.{v}.{ext}" for v in self.variants for ext in ("md", "pdf")}
        return sorted(p for p in (self.out_dir / PUBLISH).glob("*") if p.name in names and p.is_file())

    def published_text(self, variant: str) -> str | None:
        path = self.out_dir / PUBLISH / f"{self.stem}.{variant}.md"
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def source(self) -> RunSource:
        """The run's inputs, from ``STEM.run.json`` (falls back to the manifest's variants)."""
        path = self.restricted_file("run.json")
        data = _read_json(path) if path.is_file() else {}
        draft = Path(data["draft"]) if data.get("draft") else None
        return RunSource(
            draft=draft,
            config=Path(data["config"]) if data.get("config") else None,
            policy=Path(data["policy"]) if data.get("policy") else DEFAULT_VARIANTS_PATH,
            variants=tuple(data.get("variants") or self.variants),
            allow_incomplete=bool(data.get("allow_incomplete", self.manifest.get("allow_incomplete", False))),
        )

    def key(self) -> Key:
        return load_key(self.restricted_file("key.json"))

    def residual(self, variant: str) -> list[dict]:
        """The residual scan's unexplained words of ``variant`` (token, count, context); none for an older run."""
        path = self.restricted_file("residual.json")
        found = _read_json(path).get(variant, []) if path.is_file() else []
        return [item for item in found if isinstance(item, dict) and isinstance(item.get("token"), str)]

    def refusals(self) -> list[dict]:
        """Why the run was refused, once each (a leak stands in every format of a variant): kind, text, fix, and
        the role a missing statutory role names; none for a published run."""
        once: dict[tuple[str | None, ...], dict] = {}  # type: ignore[type-arg]
        for reason in self.manifest.get("reasons", []):
            if isinstance(reason, dict) and isinstance(reason.get("text"), str):
                once.setdefault((reason.get("kind"), reason["text"], reason.get("role"), reason.get("entity")), reason)
        return list(once.values())

    def audit(self) -> list[AuditEntry]:
        path = self.restricted_file("audit.jsonl")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            return [AuditEntry(**json.loads(line)) for line in lines if line.strip()]
        except (OSError, ValueError, TypeError) as exc:
            raise RedactError(f"cannot read the audit trail: {exc}", path) from exc

    def document(self) -> Document:
        """The draft, re-read from where the run found it; refused if its text is not the one the run used."""
        draft = self.source().draft
        if draft is None or not draft.is_file():
            raise RedactError(f"the draft of this run is not available (looked for {draft})", self.stem)
        document = ingest(draft)
        if sha256_text(document.text) != self.key().draft_sha256:
            raise RedactError("the draft has changed since this run: re-run it first", draft)
        return document

    def decisions_path(self) -> Path:
        return self.restricted_file("decisions.json")

    def saved_decisions(self) -> dict:
        path = self.decisions_path()
        return _read_json(path) if path.is_file() else {"reviewer": "", "decisions": []}

    def decisions_applied(self) -> bool:
        """Whether the current outputs were made with the saved decisions file as it is now."""
        path = self.decisions_path()
        recorded = (self.manifest.get("decisions") or {}).get("sha256")
        return path.is_file() and recorded == sha256_file(path)

    def save_decisions(self, reviewer: str, items: list[dict], document: Document) -> Decisions:
        """Check ``items`` against the draft (as ``redact run --decisions`` would) and save them."""
        clean = [{k: item[k] for k in DECISION_FIELDS if item.get(k) is not None} for item in items]
        data = {"reviewer": reviewer, "draft_sha256": sha256_text(document.text), "saved_at": now(),
                "decisions": clean}  # fmt: skip
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        with tempfile.TemporaryDirectory(dir=self.restricted) as tmp:
            candidate = Path(tmp) / "decisions.json"
            candidate.write_text(text, encoding="utf-8")
            decisions = load_decisions(candidate, document)  # raises ConfigError: nothing saved
        write_private(self.decisions_path(), text)
        return decisions

    def signoff(self) -> SignOff | None:
        path = self.restricted_file("signoff.json")
        if not path.is_file():
            return None
        data = _read_json(path)
        try:
            return SignOff(str(data["reviewer"]), str(data["signed_at"]), dict(data["files"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise RedactError(f"bad sign-off file: {exc}", path) from exc

    def sign_off(self, reviewer: str) -> SignOff:
        files = self.published_files()
        if not files:
            raise RedactError("nothing is published: nothing to sign off", self.stem)
        signoff = SignOff(reviewer, now(), {f"{PUBLISH}/{p.name}": sha256_file(p) for p in files})
        write_private(self.restricted_file("signoff.json"), signoff.to_json())
        return signoff


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RedactError(f"cannot read {path.name}: {exc}", path) from exc
    if not isinstance(data, dict):
        raise RedactError(f"{path.name} is not a JSON object", path)
    return data


def write_private(path: Path, text: str) -> None:
    """Write a restricted file atomically with mode 0600."""
    descriptor, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(descriptor, PRIVATE_FILE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_STEM = re.compile(r"^[^/\\\x00]+$")


def find_runs(out_dir: Path) -> dict[str, Run]:
    """Every run of ``out_dir``, by stem: one per ``restricted/STEM.manifest.json``."""
    runs = {}
    for path in sorted((out_dir / RESTRICTED).glob(f"*{MANIFEST_SUFFIX}")):
        stem = path.name[: -len(MANIFEST_SUFFIX)]
        if _STEM.match(stem):
            runs[stem] = Run(out_dir, stem, _read_json(path))
    return runs


def open_run(out_dir: Path, stem: str) -> Run | None:
    """The run called ``stem``, or None (never a path outside ``out_dir/restricted``)."""
    return find_runs(out_dir).get(stem)


def check_signoff(out_dir: Path, stem: str) -> SignOff:
    """The run's sign-off, if every published file still has the signed-off sha256; else ``RedactError``."""
    run = open_run(Path(out_dir), stem)
    if run is None:
        raise RedactError(f"no run called {stem!r}", out_dir)
    signoff = run.signoff()
    if signoff is None:
        raise RedactError("not signed off", run.restricted_file("signoff.json"))
    current = {f"{PUBLISH}/{p.name}": sha256_file(p) for p in run.published_files()}
    for name, sha in signoff.files.items():
        if name not in current:
            raise RedactError(f"signed-off file {name} is missing", out_dir)
        if current[name] != sha:
            raise RedactError(f"{name} has changed since it was signed off by {signoff.reviewer}", out_dir)
    unsigned = sorted(set(current) - set(signoff.files))
    if unsigned:
        raise RedactError(f"published but not signed off: {', '.join(unsigned)}", out_dir)
    return signoff
