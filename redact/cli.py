"""The ``redact`` command line (Typer)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from redact.errors import RedactError

if TYPE_CHECKING:  # imported lazily: the CLI starts fast
    from redact.eval.pseudonyms import PseudonymScores

app = typer.Typer(
    help="Make draft Serious Case Review reports safe to publish.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


def fail(error: RedactError) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    err_console.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    return typer.Exit(error.exit_code)


class DetectorChoice(StrEnum):
    redact = "redact"
    presidio = "presidio"


def _detector(choice: DetectorChoice, config_path: Path | None):
    """The detect function for ``choice``, loaded once."""
    if choice is DetectorChoice.presidio:
        from redact.eval.baseline import detect_plain_presidio

        return detect_plain_presidio
    from redact.config import load_config
    from redact.detect import Detector

    return Detector(load_config(config_path)).detect


VARIANTS_HELP = (
    "Comma-separated variants to write (executive-summary, full-publication); default: every variant the "
    "draft supports"
)
ConfigOption = Annotated[Path | None, typer.Option("--config", help="Report config (report.yaml).")]


@app.command()
def detect(
    files: Annotated[list[Path], typer.Argument(help="Drafts (.docx, .pdf, .txt, .md).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line per file.")] = False,
    config: ConfigOption = None,
    detector: Annotated[DetectorChoice, typer.Option(help="Our detector, or plain Presidio.")] = (
        DetectorChoice.redact
    ),
) -> None:
    """Find identifying details in each draft; the pipeline is loaded once."""
    from redact.ingest import ingest

    try:
        run_detector = _detector(detector, config)
    except RedactError as error:
        raise fail(error) from error
    exit_code = 0
    for path in files:
        try:
            document = ingest(path)
            findings = run_detector(document)
        except RedactError as error:
            fail(error)
            exit_code = max(exit_code, error.exit_code)
            continue
        if as_json:
            record = {"file": str(path), "text": document.text, "entities": [f.as_json() for f in findings]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            table = Table(title=f"{path}: {len(findings)} findings")
            for column in ("label", "text", "score", "source", "section"):
                table.add_column(column)
            for f in findings:
                block = document.blocks[f.block] if f.block is not None else None
                section = block.section_path if block else ""
                table.add_row(f.label, f.text, f"{f.score:.2f}", f.source, section)
            console.print(table)
    raise typer.Exit(exit_code)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


@app.command("eval")
def evaluate_command(
    fixtures_dir: Annotated[Path, typer.Argument(help="Folder with drafts and their *.gold.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="Which draft format to ingest: txt, docx or pdf.")] = "txt",
    detector: Annotated[DetectorChoice, typer.Option(help="Our detector, or plain Presidio.")] = (
        DetectorChoice.redact
    ),
    show_misses: Annotated[bool, typer.Option(help="List every missed mention and false hit.")] = False,
) -> None:
    """Recall and precision per entity type against gold annotations."""
    from redact.eval import evaluate

    ours = detector is DetectorChoice.redact  # plain Presidio gives no pseudonyms to score
    try:
        scores = evaluate(fixtures_dir, _detector(detector, None), fmt, pseudonyms=ours)
    except RedactError as error:
        raise fail(error) from error
    if as_json:
        sys.stdout.write(json.dumps(scores.as_json(), indent=1) + "\n")
        return
    table = Table(title=f"{detector.value} on {fixtures_dir} ({fmt})")
    for column in ("type", "gold", "found", "recall", "detected", "correct", "precision"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = sorted(scores.by_type.items()) + [("OVERALL", scores.overall())]
    for label, s in rows:
        table.add_row(label, str(s.gold), str(s.found), _percent(s.recall), str(s.detected), str(s.correct),
                      _percent(s.precision))  # fmt: skip
    console.print(table)
    if scores.pseudonyms is not None:
        _print_pseudonym_scores(scores.pseudonyms, show_misses)
    if show_misses:
        for miss in scores.misses:
            console.print(f"[red]missed[/] {miss.source} {miss.mention.label} {miss.mention.text!r}")
        for hit in scores.false_hits:
            console.print(f"[yellow]false hit[/] {hit.source} {hit.finding.label} {hit.finding.text!r} "
                          f"({hit.finding.source})")  # fmt: skip


def _print_pseudonym_scores(scores: PseudonymScores, show_problems: bool) -> None:
    console.print(
        f"pseudonyms: {len(scores.people)} people; consistent {_percent(scores.consistent)}, "
        f"distinct {_percent(scores.distinct)}, role fit {_percent(scores.role_fit)} "
        f"(of {scores.role_checked} with a role)"
    )
    for person in scores.problems() if show_problems else ():
        faults = [name for name, ok in (("inconsistent", person.consistent), ("shared", person.distinct),
                                        ("wrong role", person.role_fit is not False)) if not ok]  # fmt: skip
        given = ", ".join(f"{p!r}×{n}" for p, n in person.pseudonyms.most_common())
        console.print(f"[magenta]{'/'.join(faults)}[/] {person.source} {person.entity_id} ({person.role}): {given}")


@app.command()
def run(
    draft: Annotated[Path, typer.Argument(help="The draft (.docx, .pdf, .txt, .md).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder (publish/ and restricted/ go inside).")] = Path(
        "out"
    ),
    config: ConfigOption = None,
    variants: Annotated[str, typer.Option(help=VARIANTS_HELP)] = "",
    decisions: Annotated[Path | None, typer.Option(help="A reviewer's decisions.json.")] = None,
    policy: Annotated[Path | None, typer.Option(help="Variant policy YAML (default: the shipped one).")] = None,
    allow_incomplete: Annotated[
        bool, typer.Option(help="Publish an executive summary that lacks statutory content (recorded).")
    ] = False,
    strict: Annotated[
        bool, typer.Option(help="Publish nothing while the residual scan leaves any capitalised word unexplained.")
    ] = False,
) -> None:
    """Write verified executive-summary and full-publication variants plus a restricted audit trail."""
    from redact.pipeline import Pipeline, RunOptions
    from redact.variants.policy import DEFAULT_VARIANTS_PATH

    options = RunOptions(
        config=config,
        variants=tuple(v.strip() for v in variants.split(",") if v.strip()),
        decisions=decisions,
        policy=policy or DEFAULT_VARIANTS_PATH,
        allow_incomplete=allow_incomplete,
        strict=strict,
    )
    try:
        with console.status(f"redacting {draft.name}"):
            result = Pipeline().run(draft, out, options)
    except RedactError as error:
        raise fail(error) from error
    table = Table(title=f"{draft.name}: entities by type")
    table.add_column("type")
    table.add_column("entities", justify="right")
    for label, count in result.entity_counts.items():
        table.add_row(label, str(count))
    console.print(table)
    for line in result.kept:
        console.print(f"[green]kept[/] {line}", highlight=False)
    for warning in result.warnings:
        console.print(f"[yellow]warning[/] {warning}", highlight=False)
    if result.residual:
        shown = ", ".join(result.residual[:12]) + (", ..." if len(result.residual) > 12 else "")
        where = f"restricted/{draft.stem}.residual.json"
        console.print(f"[yellow]residual[/] {len(result.residual)} word(s) in the published text that nothing "
                      f"explains (read them in {where}): {shown}", highlight=False)  # fmt: skip
    console.print("[bold]published (verified):[/]")
    for path in result.published:
        console.print(f"  {path}", highlight=False)
    console.print("[bold]restricted (mode 0600, never publish):[/]")
    for path in result.restricted:
        console.print(f"  {path}", highlight=False)


@app.command()
def verify(
    published: Annotated[list[Path], typer.Argument(help="Published files (.pdf, .md).")],
    key: Annotated[Path, typer.Option("--key", help="The run's restricted/STEM.key.json.")],
) -> None:
    """Exit 0 when no original identifier appears in the files' text or metadata; 1 listing each hit."""
    from redact.audit.key import load_key
    from redact.audit.verify import find_leaks

    try:
        leaks = find_leaks(published, load_key(key))
    except RedactError as error:
        raise fail(error) from error
    for leak in leaks:
        console.print(f"[red]leak[/] {leak}", highlight=False, soft_wrap=True)
    if leaks:
        raise typer.Exit(1)
    console.print(f"verified: no identifier from the key in {len(published)} file(s)")
    stem = key.name.removesuffix(".key.json")
    if key.with_name(f"{stem}.signoff.json").exists():  # signed off in `redact review`: the files must be those
        from redact.review.store import check_signoff

        try:
            signoff = check_signoff(key.parent.parent, stem)
        except RedactError as error:
            raise fail(error) from error
        console.print(f"signed off by {signoff.reviewer} at {signoff.signed_at}; published files unchanged since")


@app.command()
def batch(
    in_dir: Annotated[Path, typer.Argument(help="Folder of drafts (not recursive).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder (publish/, restricted/, batch-report.json).")],
    config_dir: Annotated[Path | None, typer.Option(help="Folder of STEM.report.yaml configs.")] = None,
    workers: Annotated[int, typer.Option(help="Local worker processes.", min=1)] = 2,
    force: Annotated[bool, typer.Option(help="Re-run drafts whose outputs are up to date.")] = False,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler, e.g. tcp://HOST:8786.")] = None,
    variants: Annotated[str, typer.Option(help=VARIANTS_HELP)] = "",
    strict: Annotated[
        bool, typer.Option(help="Publish nothing of a draft while the residual scan leaves any word unexplained.")
    ] = False,
) -> None:
    """Run every draft of a folder; one failure does not stop the rest; exit 1 if any draft failed."""
    from redact.batch import BatchOptions, DaskRunner, LocalRunner, Status, run_batch

    chosen = tuple(v.strip() for v in variants.split(",") if v.strip())
    options = BatchOptions(variants=chosen, force=force, strict=strict)
    runner = DaskRunner(scheduler) if scheduler else LocalRunner(workers)
    try:
        report = run_batch(in_dir, out, runner, config_dir=config_dir, options=options, console=err_console)
    except RedactError as error:
        raise fail(error) from error
    table = Table(title=f"{in_dir}: {len(report.records)} file(s) in {report.duration_seconds:.1f} s")
    for column in ("file", "status", "seconds", "entities", "note"):
        table.add_column(column, justify="right" if column in ("seconds", "entities") else "left")
    colours = {Status.OK: "green", Status.FAILED: "red", Status.INTERRUPTED: "yellow"}
    for record in report.records:
        note = record.error or record.reason or "; ".join(record.warnings)
        note = note if len(note) <= 160 else note[:159] + "…"  # the report has the whole message
        status = f"[{colours.get(record.status, 'dim')}]{record.status}[/]"
        entities = str(sum(record.entity_counts.values())) if record.entity_counts else ""
        table.add_row(record.file, status, f"{record.duration_seconds:.1f}", entities, note)
    console.print(table)
    console.print(", ".join(f"{report.count(s)} {s}" for s in Status if report.count(s)), highlight=False)
    console.print(f"report: {out / 'batch-report.json'}", highlight=False)
    if report.interrupted:
        raise typer.Exit(130)
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def review(
    out_dir: Annotated[Path, typer.Argument(help="A `redact run` output folder (publish/ and restricted/).")],
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.", min=1, max=65535)] = 8765,
    host: Annotated[str, typer.Option(help="Address to bind (keep the default: restricted content).")] = "127.0.0.1",
) -> None:
    """A local web app to review runs: side-by-side diff, decisions, re-run with decisions, sign-off."""
    from redact.errors import InputError
    from redact.review import serve

    if not (out_dir / "restricted").is_dir():
        raise fail(InputError("not a redact output folder (no restricted/ inside)", out_dir))
    console.print(f"reviewing {out_dir} at http://127.0.0.1:{port}/ (Ctrl-C to stop)", highlight=False)
    serve(out_dir, host=host, port=port)


def main() -> None:  # pragma: no cover - console entry for `python -m redact`
    app()
