"""Throughput of ``Detector.detect`` against a plain Presidio ``AnalyzerEngine`` on the same text.

Builds a ~50,000-word document from the fixture TXT files (repeated), times both in one run and
prints words per second, the ratio and peak memory. Not a test: ``python benchmarks/bench_detect.py``.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

from redact.detect.engine import Detector
from redact.detect.policy import load_policy
from redact.document import Block, BlockKind, Document, build_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def source_paragraphs() -> list[str]:
    files = sorted((FIXTURES / "synthetic").glob("*.txt")) or sorted((FIXTURES / "handwritten").glob("*.txt"))
    files = [f for f in files if not f.name.endswith(".marked.txt")]
    if not files:
        raise SystemExit("no fixture TXT files found under fixtures/")
    paragraphs: list[str] = []
    for path in files:
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paragraphs


def build_text_document(words: int) -> Document:
    paragraphs = source_paragraphs()
    blocks: list[Block] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            blocks.append(Block(BlockKind.PARAGRAPH, paragraph))
            count += len(paragraph.split())
            if count >= words:
                break
    return build_document("bench.txt", "txt", blocks)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    args = parser.parse_args()
    document = build_text_document(args.words)
    words = len(document.text.split())
    print(f"document: {words} words, {len(document.text)} characters, {len(document.blocks)} blocks")

    rss_before = peak_rss_mb()
    detector = Detector()
    detector.detect(build_text_document(200))  # warm up lazy loads (gazetteers, regex compilation)
    start = time.perf_counter()
    findings = detector.detect(document)
    ours = time.perf_counter() - start
    rss_ours = peak_rss_mb()
    print(f"Detector.detect:        {words / ours:9.0f} words/s  ({ours:.1f} s, {len(findings)} findings)")

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": load_policy().spacy.model}],
        }
    )
    plain = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    plain.analyze(text="warm up", language="en")
    start = time.perf_counter()
    results = plain.analyze(text=document.text, language="en")
    theirs = time.perf_counter() - start
    print(f"plain AnalyzerEngine:   {words / theirs:9.0f} words/s  ({theirs:.1f} s, {len(results)} results)")
    print(f"ratio (ours / plain):   {theirs / ours:9.2f}x")
    print(
        f"peak RSS: {rss_before:.0f} MB at start, {rss_ours:.0f} MB after Detector, "
        f"{peak_rss_mb():.0f} MB after plain Presidio"
    )


if __name__ == "__main__":
    main()
