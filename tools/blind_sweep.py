"""First-sight measurement on blind drafts: run every draft as a new user would, then ask the leak oracle.

Usage: ``python tools/blind_sweep.py DRAFTS_DIR OUT [--workers N] [--code ROOT] [--oracle PATH]``

Every ``*.gold.json`` under DRAFTS_DIR names a draft; each of its formats that exists (``NAME.txt``,
``NAME.docx``, ``NAME.pdf``) is run with ``redact batch`` and no config, one batch per format. Then
``../shared/tools/leak_oracle.py`` (which does not import the project) checks the published files against
the gold. Prints, per format: drafts, published, refused (with the one-line reason), leaking (with the
leaks), and how the residual scan did (issue 12): which leaks it listed, and how many other words it listed per
1,000 published words. ``--code ROOT`` runs another checkout of scr-redact (for before / after numbers). Writes
``OUT/summary.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

FORMATS = ("txt", "docx", "pdf")
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ORACLE = ROOT.parent / "shared" / "tools" / "leak_oracle.py"


def _link(target: Path, link: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.exists():
        link.symlink_to(target.resolve())


def stage(drafts_dir: Path, out: Path) -> dict[str, list[str]]:
    """Symlink each format's drafts and gold into OUT/FORMAT/{in,gold}; return the names per format."""
    names: dict[str, list[str]] = {fmt: [] for fmt in FORMATS}
    for gold in sorted(drafts_dir.rglob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        for fmt in FORMATS:
            draft = gold.with_name(f"{name}.{fmt}")
            markdown = gold.with_name(f"{name}.md")
            if fmt == "txt" and markdown.exists():
                draft = markdown  # a draft written in Markdown runs as the user would give it
            if draft.exists():
                _link(draft, out / fmt / "in" / draft.name)
                _link(gold, out / fmt / "gold" / gold.name)
                names[fmt].append(name)
    return names


def run_batch(out: Path, fmt: str, workers: int, code: Path) -> dict:
    shutil.rmtree(out / fmt / "out", ignore_errors=True)  # a first sight: nothing left from an earlier sweep
    env = dict(os.environ, PYTHONPATH=str(code))
    subprocess.run(
        [sys.executable, "-m", "redact", "batch", str(out / fmt / "in"), "--out", str(out / fmt / "out"),
         "--workers", str(workers), "--force"],
        env=env, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    return json.loads((out / fmt / "out" / "batch-report.json").read_text(encoding="utf-8"))


def run_oracle(out: Path, fmt: str, oracle: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(oracle), str(out / fmt / "gold"), str(out / fmt / "out"), "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return json.loads(done.stdout)


_QUOTED = re.compile(r"'([^']*)'")


def residual_account(out: Path, fmt: str, leaks: dict[str, list[str]]) -> dict:
    """The residual scan against the oracle, over the format's published Markdown: each leak is listed when a
    word the scan listed for that file is a word of the leaked text; the scan's other words (no word of a gold
    mention) are counted per 1,000 published words."""
    gold_words = set()
    for gold in (out / fmt / "gold").glob("*.gold.json"):
        mentions = json.loads(gold.read_text(encoding="utf-8")).get("mentions", [])
        gold_words |= {w.lower() for m in mentions for w in re.findall(r"[^\W\d_]+", m["text"])}
    words = other = 0
    unlisted = []
    for published in sorted((out / fmt / "out" / "publish").glob("*.md")):
        stem, variant = published.name.removesuffix(".md").rsplit(".", 1)
        words += len(published.read_text(encoding="utf-8").split())
        scan = out / fmt / "out" / "restricted" / f"{stem}.residual.json"
        found = json.loads(scan.read_text(encoding="utf-8")).get(variant, []) if scan.exists() else []
        listed = {re.sub(r"['’]s?$", "", r["token"]).lower() for r in found}
        other += sum(1 for token in listed if not set(re.findall(r"[^\W\d_]+", token)) & gold_words)
        for hit in leaks.get(published.name, []):
            leaked = {w.lower() for w in re.findall(r"[^\W\d_]+", _QUOTED.search(hit).group(1))}
            if not leaked & listed:
                unlisted.append(f"{published.name}: {hit}")
    per_1000 = round(1000 * other / words, 2) if words else 0.0
    return {"published_words": words, "other_words": other, "other_per_1000": per_1000, "leaks_unlisted": unlisted}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drafts", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--oracle", type=Path, default=DEFAULT_ORACLE)
    args = parser.parse_args()
    names = stage(args.drafts, args.out)
    summary = {}
    for fmt, drafts in names.items():
        if not drafts:
            continue
        batch = run_batch(args.out, fmt, args.workers, args.code.resolve())
        oracle = run_oracle(args.out, fmt, args.oracle)
        refused = {r["file"]: r["error"] for r in batch["files"] if r["status"] == "failed"}
        residual = residual_account(args.out, fmt, oracle["leaks"])
        summary[fmt] = {"drafts": len(drafts), "published": oracle["published"], "leaking": oracle["leaking"],
                        "refused": refused, "leaks": oracle["leaks"], "residual": residual}  # fmt: skip
        print(f"\n== {fmt}: {len(drafts)} drafts, {oracle['published']} published, {len(refused)} refused, "
              f"{oracle['leaking']} leaking")  # fmt: skip
        for file, error in refused.items():
            print(f"  refused {file}: {error}")
        for file, hits in oracle["leaks"].items():
            print(f"  leak {file}: {'; '.join(hits)}")
        print(f"  residual scan: {residual['other_words']} other word(s) listed, {residual['other_per_1000']} per "
              f"1,000 published words; leaks it did not list: {len(residual['leaks_unlisted'])}")
        for line in residual["leaks_unlisted"]:
            print(f"    not listed {line}")
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    total = sum(s["drafts"] for s in summary.values())
    published = sum(s["published"] for s in summary.values())
    clean = published - sum(s["leaking"] for s in summary.values())
    print(f"\nall formats: {total} runs, {published} published, {clean} published with no gold identifier left")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
