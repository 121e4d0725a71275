"""A self-contained HTML diff of the draft against each variant, for legal officers and reviewers.

Side by side, block by block: the original with every changed span marked, the published text with its
replacement marked; colour by entity type; pseudonym, recogniser, score and reason on hover. A summary
table of entities sits on top. No scripts, fonts or styles are fetched: it opens with no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from redact.resolve.model import Action, Plan
from redact.variants.model import RedactedBlock, Variant

TYPE_COLOURS = {
    "PERSON": "#ffd6d6", "LOCATION": "#d6ecff", "ADDRESS": "#ffe3c2", "POSTCODE": "#ffe3c2",
    "DATE_OF_BIRTH": "#f3d6ff", "DATE": "#ece3ff", "AGE": "#ece3ff", "NHS_NUMBER": "#fff3b0",
    "NI_NUMBER": "#fff3b0", "PHONE": "#fff3b0", "EMAIL": "#fff3b0", "SCHOOL": "#d4f5dd",
    "GP_PRACTICE": "#d4f5dd", "HOSPITAL": "#d4f5dd", "CASE_REFERENCE": "#fff3b0",
    "VEHICLE_REG": "#fff3b0", "ORGANISATION": "#e0e0e0", "SOCIAL_HANDLE": "#fff3b0",
}  # fmt: skip
KEPT_COLOUR = "#c8f7c5"

CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #ccc}
table.summary{border-collapse:collapse;font-size:.85rem} .summary td,.summary th{border:1px solid #ccc;padding:2px 6px}
.legend span{display:inline-block;padding:1px 6px;margin:2px;border-radius:3px;font-size:.8rem}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;border-top:1px solid #eee;padding:.4rem 0}
.pair .meta{grid-column:1/3;font-size:.75rem;color:#777}
.orig,.pub{white-space:pre-wrap;font-size:.9rem;line-height:1.45}
mark{border-radius:3px;padding:0 2px} mark.kept{outline:1px dashed #2a7}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem;font-weight:bold;position:sticky;top:0;background:#fff}
"""


def _mark(text: str, label: str, title: str, kept: bool = False) -> str:
    colour = KEPT_COLOUR if kept else TYPE_COLOURS.get(label, "#eee")
    css_class = ' class="kept"' if kept else ""
    return f'<mark{css_class} style="background:{colour}" title="{escape(title)}">{escape(text)}</mark>'


def _marked(text: str, spans: Sequence[tuple[int, int, str, str, bool]]) -> str:
    out, cursor = [], 0
    for start, end, label, title, kept in sorted(spans):
        out.append(escape(text[cursor:start]))
        out.append(_mark(text[start:end], label, title, kept))
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _block_pair(block: RedactedBlock) -> str:
    original_spans, published_spans = [], []
    for change in block.changes:
        r = change.replacement
        kept = r.action is Action.KEEP
        how = f"{r.action}; {r.recogniser}, score {r.score:.2f}; {r.reason}"
        title = f"{r.entity_type} {r.entity_id} -> {r.replacement!r} ({how})"
        start = r.start - block.original.start
        original_spans.append((start, start + len(r.original), r.entity_type, title, kept))
        published_spans.append((change.new_start, change.new_end, r.entity_type, title, kept))
    where = block.original.section_path or "(no section)"
    page = f", page {block.original.page}" if block.original.page else ""
    return (
        f'<div class="pair"><div class="meta">block {block.original.index} - {escape(where)}{page}</div>'
        f'<div class="orig">{_marked(block.original.text, original_spans)}</div>'
        f'<div class="pub">{_marked(block.text, published_spans)}</div></div>'
    )


def _summary(plan: Plan) -> str:
    columns = ("entity", "type", "role", "action", "published as", "mentions", "kept because")
    rows = ["<tr>" + "".join(f"<th>{c}</th>" for c in columns) + "</tr>"]
    for entity in plan.entities:
        published_as = entity.texts[0] if entity.kept and entity.texts else entity.pseudonym or ""
        if entity.action is Action.GENERALISE:
            published_as = "generalised (see each change)"
        cells = (entity.id, entity.label, entity.role or "", str(entity.action), published_as,
                 ", ".join(entity.texts), entity.keep_reason or "")  # fmt: skip
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return '<table class="summary">' + "".join(rows) + "</table>"


def render_diff_html(draft_name: str, plan: Plan, variants: Sequence[Variant]) -> str:
    legend = (
        "".join(f'<span style="background:{colour}">{label}</span>' for label, colour in TYPE_COLOURS.items())
        + f'<span style="background:{KEPT_COLOUR}">kept</span>'
    )
    warnings = "".join(f"<li>{escape(w)}</li>" for w in plan.warnings)
    parts = [
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Redaction diff: {escape(draft_name)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>Redaction diff: {escape(draft_name)}</h1>",
        "<p><strong>RESTRICTED</strong>: this page shows the original draft. Do not publish it.</p>",
        f'<div class="legend">{legend}</div>',
        f"<h2>Warnings</h2><ul>{warnings}</ul>" if warnings else "",
        f"<h2>Entities</h2>{_summary(plan)}",
    ]
    for variant in variants:
        changed = sum(1 for _, change in variant.changes() if change.replacement.action is not Action.KEEP)
        parts.append(f'<h2 id="{escape(variant.name)}">{escape(variant.title)} ({changed} changes)</h2>')
        parts.append('<div class="cols"><div>Draft</div><div>Published</div></div>')
        parts += [_block_pair(block) for block in variant.blocks]
    parts.append("</body></html>\n")
    return "".join(parts)
