#!/usr/bin/env python3
# Vendored copy of ../shared/tools/leak_oracle.py (the independent oracle; it imports nothing of the project),
# so that tests on a clean clone check published files the way the held-out measurement does.
"""An end-to-end leak check that does not trust the product: gold in, published files in, leaks out.

Usage: python ../shared/tools/leak_oracle.py GOLD_DIR OUT_DIR [--json]

For every GOLD_DIR/NAME.gold.json it reads the published files of that draft, in either layout:
OUT_DIR/NAME/publish/NAME.* (one `redact run` per draft) or OUT_DIR/publish/NAME.* (a batch), Markdown
and PDF (text through pypdfium2 or pdfplumber, whichever is installed, plus the PDF's metadata). It then
searches the published text for every gold mention that must be masked:
  - the whole mention, any case (a one-word name: as written or in capitals), with whitespace folded and soft hyphens, zero-width characters and
    line-break hyphenation removed;
  - for a person, each name word of three letters or more, as written in Title case or capitals,
    also with a possessive or plural "s" ("Tylers" for "Tyler"); words that also belong to a kept
    mention (a named role sharing a first name) are not searched;
  - initials the draft itself uses for a person (a mention of two or three capitals), as written.
DATE, AGE and JOB_TITLE mentions are left out: how they are published is a policy choice.
Gold may use either shape: {"type", "action": "mask"|"keep"} or {"label", "keep": bool}.
Drafts with nothing published are listed as such, not as leaks. Exit 1 when anything leaks.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

POLICY_TYPES = {"DATE", "AGE", "JOB_TITLE"}
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe"), None)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # hyphenation across a line break
    return re.sub(r"\s+", " ", text.replace("\u2019", "'"))


def pdf_text(path: Path) -> str:
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        meta = " ".join(str(v) for v in pdf.get_metadata_dict().values())
        return "\n".join(pages) + "\n" + meta
    except ImportError:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
            return "\n".join(pages) + "\n" + " ".join(str(v) for v in (pdf.metadata or {}).values())


def published_files(out: Path, name: str) -> list[Path]:
    found = []
    for folder in (out / name / "publish", out / "publish"):
        if folder.is_dir():
            found += [p for p in folder.iterdir() if p.name.startswith(name + ".") and p.suffix in (".md", ".pdf")]
    return sorted(set(found))


def mentions(gold: dict) -> tuple[list[dict], set[str]]:
    """(mentions to mask, words of kept mentions)."""
    masked, kept_words = [], set()
    for m in gold.get("mentions", []):
        label = m.get("type") or m.get("label")
        keep = m.get("keep") if "keep" in m else m.get("action") == "keep"
        if keep:
            kept_words.update(re.findall(r"\w+", m["text"]))
        elif label not in POLICY_TYPES:
            masked.append({"text": m["text"], "label": label})
    return masked, kept_words


def leaks_in(text: str, masked: list[dict], kept_words: set[str]) -> list[str]:
    found = []
    for m in masked:
        whole = normalise(m["text"]).strip()
        # A one-word name is searched as written or in capitals ("Day" the teacher, not "the next day").
        one_word_name = m["label"] == "PERSON" and " " not in whole
        pattern = "|".join(re.escape(f) for f in {whole, whole.upper()}) if one_word_name else re.escape(whole)
        if len(whole) >= 3 and re.search(r"(?<!\w)(?:" + pattern + r")(?!\w)", text, 0 if one_word_name else re.I):
            found.append(f"{m['label']} '{whole}'")
            continue
        if m["label"] != "PERSON":
            continue
        if re.fullmatch(r"[A-Z]{2,3}", whole) and re.search(r"(?<![\w])" + whole + r"(?![\w])", text):
            found.append(f"PERSON initials '{whole}'")
            continue
        for word in re.findall(r"\w+", whole):
            if len(word) < 3 or word in kept_words or not word[0].isupper():
                continue
            forms = {word, word.upper()}
            if any(re.search(r"(?<!\w)" + re.escape(f) + r"(?:'?s)?(?!\w)", text) for f in forms):
                found.append(f"PERSON part '{word}' of '{whole}'")
                break
    return sorted(set(found))


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    gold_dir, out = Path(args[0]), Path(args[1])
    report = {"drafts": 0, "published": 0, "leaking": 0, "leaks": {}, "not_published": []}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        report["drafts"] += 1
        files = published_files(out, name)
        if not files:
            report["not_published"].append(name)
            continue
        report["published"] += 1
        masked, kept_words = mentions(json.loads(gold_path.read_text(encoding="utf-8")))
        for path in files:
            raw = pdf_text(path) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
            hits = leaks_in(normalise(raw), masked, kept_words)
            if hits:
                report["leaks"][path.name] = hits
        report["leaking"] += any(p.name in report["leaks"] for p in files)
    if "--json" in sys.argv:
        print(json.dumps(report, indent=1))
    else:
        for file, hits in report["leaks"].items():
            for hit in hits:
                print(f"{file}: {hit}")
        print(f"{report['drafts']} drafts, {report['published']} published, {report['leaking']} leaking; "
              f"not published: {', '.join(report['not_published']) or 'none'}")
    return 1 if report["leaks"] else 0


if __name__ == "__main__":
    sys.exit(main())
