"""Server-rendered HTML for the review app (no templates engine: escaped f-strings, as in ``diff_html``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from redact.audit.key import Key
from redact.audit.trail import AuditEntry
from redact.config import NAMED_ROLES
from redact.document import Block
from redact.gold import LABELS
from redact.variants.build import ROLE_NAMES

LOW_SCORE = 0.6


@dataclass(frozen=True)
class RunStatus:
    published: bool
    verified: bool
    verify_note: str
    signed_off: bool
    signoff_note: str
    entities: int
    changes: int
    decisions: int
    reasons: tuple[str, ...] = ()  # a refused run's, from its manifest: "leak: Quill (full-publication) - fix ..."


def page(title: str, body: str, csrf_token: str, reviewer: str | None) -> str:
    who = (f'<span class="who">Reviewer: <strong>{escape(reviewer)}</strong></span>' if reviewer
           else '<span class="who">not signed in</span>')  # fmt: skip
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="csrf-token" content="{escape(csrf_token)}">'
        f"<title>{escape(title)} - scr-redact review</title>"
        '<link rel="stylesheet" href="/static/review.css"><script src="/static/review.js" defer></script>'
        f'</head><body><header class="top"><a href="/" class="home">scr-redact review</a>{who}'
        '<span class="restricted-flag">RESTRICTED: shows original text. Do not publish this page.</span></header>'
        f"<main>{body}</main></body></html>"
    )


def login(next_url: str) -> str:
    return (
        '<section class="login"><h1>Who is reviewing?</h1>'
        "<p>Enter your name. It is recorded with every decision and sign-off in this session.</p>"
        '<form id="login-form"><label for="reviewer-name">Your name</label> '
        '<input id="reviewer-name" name="name" autocomplete="name" required maxlength="120"> '
        f'<input type="hidden" id="next-url" value="{escape(next_url)}">'
        '<button type="submit">Start reviewing</button></form><p class="error" id="login-error"></p></section>'
    )


def _badge(ok: bool, yes: str, no: str, note: str = "") -> str:
    css = "ok" if ok else "no"
    return f'<span class="badge {css}" title="{escape(note)}">{escape(yes if ok else no)}</span>'


def status_badges(status: RunStatus) -> str:
    refused = _badge(False, "", f"refused ({len(status.reasons)})", "; ".join(status.reasons)) if status.reasons else ""
    return (
        refused
        + _badge(status.published, "published", "not published")
        + _badge(status.verified, "verified", "not verified", status.verify_note)
        + _badge(status.signed_off, "signed off", "not signed off", status.signoff_note)
    )


def _reasons(reasons: Sequence[str], shown: int = 5) -> str:
    """Why a run was refused, the first few under its badges."""
    if not reasons:
        return ""
    more = f"<li>... and {len(reasons) - shown} more</li>" if len(reasons) > shown else ""
    return f'<ul class="reasons">{"".join(f"<li>{escape(r)}</li>" for r in reasons[:shown])}{more}</ul>'


def index(runs: Sequence[tuple[str, str, Sequence[str], RunStatus]]) -> str:
    rows = []
    for stem, draft_name, variants, status in runs:
        links = " ".join(f'<a href="/run/{quote(stem)}?variant={quote(v)}">{escape(v)}</a>' for v in variants)
        rows.append(
            f'<tr><td><a class="run-link" href="/run/{quote(stem)}">{escape(stem)}</a></td>'
            f"<td>{escape(draft_name)}</td>"
            f"<td>{links}</td><td>{status_badges(status)}{_reasons(status.reasons)}</td>"
            f"<td class=num>{status.entities}</td>"
            f"<td class=num>{status.changes}</td><td class=num>{status.decisions}</td>"
            f"<td>{escape(status.signoff_note)}</td></tr>"
        )
    head = "".join(f"<th>{c}</th>" for c in ("run", "draft", "variants", "status", "entities", "changes",
                                             "decisions", "sign-off"))  # fmt: skip
    table = f'<table class="runs"><tr>{head}</tr>{"".join(rows)}</table>' if rows else "<p>No runs found.</p>"
    return f"<h1>Runs</h1>{table}"


def _marked(text: str, offset: int, entries: Sequence[tuple[int, AuditEntry]], published: bool) -> str:
    """``text`` (a block starting at ``offset``) with every change marked; the replacement when ``published``."""
    out, cursor = [], 0
    for i, e in entries:
        start, end = e.start - offset, e.end - offset
        if start < cursor or end > len(text):
            continue  # overlapping or outside the block: never expected, never fatal
        out.append(escape(text[cursor:start]))
        kind = "kept" if e.action == "keep" else "changed"
        shown = e.replacement if published else text[start:end]
        low = " low" if e.score < LOW_SCORE else ""
        out.append(f'<mark class="chg t-{escape(e.entity_type or "REVIEWER")} {kind}{low}" data-i="{i}" '
                   f'tabindex="-1">{escape(shown)}</mark>')  # fmt: skip
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _legend() -> str:
    spans = "".join(f'<span class="chg t-{label}">{label}</span>' for label in LABELS)
    extra = '<span class="chg kept">kept</span><span class="chg low">score &lt; 0.6</span>'
    return f'<div class="legend">{spans}{extra}</div>'


def run_page(
    stem: str, variant: str, variants: Sequence[str], blocks: Sequence[Block], entries: Sequence[AuditEntry],
    key: Key, status: RunStatus, saved: dict, applied: bool, last_result: dict | None, published_links: Sequence[str],
    residual: Sequence[dict] = (), refusals: Sequence[dict] = (), checklist: str = "",
) -> str:  # fmt: skip
    """The side-by-side review page of one variant, with the residual scan's unexplained words beside it, and a
    refused run's reasons, each with its fix (the page's script draws them from ``refusals``)."""
    numbered = list(enumerate(entries))
    changed = sum(1 for e in entries if e.action != "keep")
    pairs = []
    for block in blocks:
        inside = [(i, e) for i, e in numbered if block.start <= e.start < block.end]
        where = block.section_path or "(no section)"
        pairs.append(
            f'<div class="pair" data-block="{block.index}"><div class="meta">block {block.index} - {escape(where)}'
            f'</div><div class="orig" data-start="{block.start}">{_marked(block.text, block.start, inside, False)}'
            f'</div><div class="pub">{_marked(block.text, block.start, inside, True)}</div></div>'
        )
    tabs = " ".join(
        f'<a class="tab{" current" if v == variant else ""}" '
        f'href="/run/{quote(stem)}?variant={quote(v)}">{escape(v)}</a>'
        for v in variants
    )
    files = " ".join(f'<a href="/files/publish/{quote(name)}">{escape(name)}</a>' for name in published_links)
    data = {
        "stem": stem,
        "variant": variant,
        "labels": list(LABELS),
        "lowScore": LOW_SCORE,
        "changes": [
            {
                "i": i,
                "start": e.start,
                "end": e.end,
                "original": e.original,
                "replacement": e.replacement,
                "entity_id": e.entity_id,
                "entity_type": e.entity_type,
                "recogniser": e.recogniser,
                "score": e.score,
                "action": e.action,
                "reason": e.reason,
                "block": e.block,
            }
            for i, e in numbered
        ],  # fmt: skip
        "entities": {
            e.entity_id: {
                "label": e.label,
                "role": e.role,
                "pseudonym": e.pseudonym,
                "kept": e.kept,
                "mentions": list(e.mentions),
            }
            for e in key.entities
        },  # fmt: skip
        "decisions": saved.get("decisions", []),
        "savedAt": saved.get("saved_at"),
        "applied": applied,
        "lastResult": last_result,
        "refusals": list(refusals),
        "roleNames": ROLE_NAMES,
    }
    blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    result = ""
    if last_result:
        css = ("warn" if last_result.get("warning") else "ok") if last_result.get("ok") else "error"
        result = f'<div class="result {css}" id="rerun-result">{escape(last_result.get("message", ""))}</div>'
    return (
        f'<script type="application/json" id="review-data">{blob}</script>'
        f'<div class="toolbar"><h1>{escape(stem)}</h1><span class="tabs">{tabs}</span>'
        f'<span class="status">{status_badges(status)}</span>'
        f'<span class="signoff-note">{escape(status.signoff_note)}</span></div>'
        f'<div class="toolbar second"><span>{changed} changes and {len(entries) - changed} kept as written in this '
        f"variant; published: {files or 'none'}</span>"
        '<span class="keys">keys: <kbd>n</kbd> next, <kbd>p</kbd> previous, <kbd>l</kbd> next low score</span>'
        '<button id="rerun" type="button">Re-run with decisions</button>'
        '<button id="signoff" type="button">Sign off published files</button></div>'
        f"{result}{_refusal_section(refusals)}{_legend()}"
        '<div class="layout"><div class="panes"><div class="cols"><div>Draft (select text to add a missed span)</div>'
        f"<div>{escape(variant)}</div></div>{''.join(pairs)}</div>"
        '<aside class="side"><section id="detail"><h2>Change</h2>'
        '<p class="hint">Click a highlighted change, or press n.</p></section>'
        '<section id="add-form" hidden><h2>Add a missed span</h2><p>Selected: <q id="add-text"></q></p>'
        '<label>Type <select id="add-label"></select></label><label>Reason <input id="add-reason" '
        'value="missed identifier"></label><button id="add-button" type="button">Add span</button></section>'
        '<section id="decisions"><h2>Decisions</h2><ul id="decision-list"></ul>'
        '<p class="saved" id="saved-at"></p><p class="error" id="decision-error"></p></section>'
        f"{checklist}{_residual_section(residual)}</aside></div>"
    )


def statutory_checklist(
    kept: Sequence[dict], named_in_app: dict, refusals: Sequence[dict], entries: Sequence[AuditEntry],
    blocks: Sequence[Block],
) -> str:  # fmt: skip
    """What the guidance asks the executive summary to give: the LSCB chair, the panel chair and the author by name,
    and the panel's job titles and organisations; each found (with the reason and the block it stands in) or
    missing."""
    where_block = {b.index: b for b in blocks}
    first_block = {}
    for entry in entries:
        first_block.setdefault(entry.entity_id, entry.block)

    def where(item: dict) -> str:
        block = where_block.get(first_block.get(item.get("entity_id"), -1))
        return f" - block {block.index} ({escape(block.section_path or 'no section')})" if block else ""

    rows = []
    for role in NAMED_ROLES:
        found = [k for k in kept if k.get("role") == role]
        missing = [r for r in refusals if r.get("role") == role]
        if found:
            name, reason = escape(found[0].get("name", "")), escape(found[0].get("reason", ""))
            state = f'<span class="ok">found</span>: {name} - {reason}{where(found[0])}'
        elif role in named_in_app:
            state = f'<span class="ok">named in the review app</span>: {escape(str(named_in_app[role]))}'
        elif missing:
            state = '<span class="missing">missing</span>: name it under "Why this run was refused"'
        else:
            state = '<span class="missing">not found</span> (not required, or allowed incomplete: see the warnings)'
        rows.append(f"<li><strong>{escape(ROLE_NAMES[role])}</strong>: {state}</li>")
    panel = [k for k in kept if str(k.get("reason", "")).startswith("panel member")]
    rows += [f'<li><strong>panel</strong>: <span class="ok">kept</span> {escape(k.get("name", ""))} - '
             f'{escape(k.get("reason", ""))}{where(k)}</li>' for k in panel]  # fmt: skip
    if not panel:
        rows.append('<li><strong>panel</strong>: no job title or organisation kept from a panel list</li>')
    return f'<section id="statutory"><h2>Statutory checklist</h2><ul>{"".join(rows)}</ul></section>'


def _refusal_section(refusals: Sequence[dict]) -> str:
    """The place where a refused run's reasons are fixed: filled by the page's script."""
    if not refusals:
        return ""
    return (
        '<section id="refusal"><h2>Why this run was refused</h2><p class="hint">Fix each reason here, then press '
        "Re-run with decisions: the run publishes, or shows what still stops it.</p>"
        '<ul id="refusal-list"></ul></section>'
    )


def _residual_section(residual: Sequence[dict]) -> str:
    """What the residual scan found nothing to explain: each word, how often, and where it first stands."""
    if not residual:
        return '<section id="residual"><h2>Unexplained words</h2><p class="hint">None in this variant.</p></section>'
    items = "".join(
        f'<li><strong>{escape(item["token"])}</strong> ×{int(item.get("count", 1))} '
        f'<span class="context">…{escape(str(item.get("context", "")))}…</span></li>'
        for item in residual
    )
    return (
        '<section id="residual"><h2>Unexplained words</h2><p class="hint">Capitalised words of the published text '
        "that nothing explains: read each one; select a missed name in the draft to add it.</p>"
        f"<ul>{items}</ul></section>"
    )


def error_page(message: str) -> str:
    return f'<section class="error-page"><h1>Cannot show this run</h1><p class="error">{escape(message)}</p></section>'
