"""The people and phrases that stay named: LSCB chair, panel chair, overview author, panel titles/organisations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redact.config import ReportConfig
from redact.document import Document
from redact.resolve.cluster import Cluster
from redact.resolve.context import find_tables, line_bounds
from redact.resolve.model import KeptSpan
from redact.resolve.names import TITLE_INSIDE
from redact.resolve.roles import matches_name

ROLE_NAMES = {"lscb_chair": "LSCB chair", "panel_chair": "panel chair", "author": "overview author"}
_SEP = r"(?:\s+(?:is|was)\s+|\s*[:,\-–—]\s*|\s*)"  # "chair was X", "chair: X", "chair, X", "chair X"
_BOARD = r"(?:LSCB|LSCP|Safeguarding (?:Children(?:['’]s)? )?(?:Board|Partnership)|(?<!Panel )Board)(?:['’]s)?"
# (role, pattern): the name follows right after the match (a title may come between).
_CUES = [
    ("lscb_chair", rf"(?:independent\s+)?{_BOARD}\s+chair(?:person|man|woman)?{_SEP}"),
    ("lscb_chair", rf"(?:independent\s+)?chair(?:person|man|woman)? of (?:the )?(?:[\w'’]+\s+){{0,4}}?{_BOARD}{_SEP}"),
    ("panel_chair", rf"(?:review |scr |serious case review )?panel chair(?:person|man|woman)?{_SEP}"),
    ("panel_chair", rf"chair(?:person)? of (?:the )?(?:review |scr |serious case review )?panel{_SEP}"),
    # "chaired by" names the panel chair only when the review or panel is what was chaired (not a meeting)
    ("panel_chair", r"(?:review|panel|scr)(?:\s+[\w'’]+){0,3}?\s+(?:was|is|has been|were)\s+chaired\s+by\s+"),
    ("panel_chair", rf"independent chair(?:person|man|woman)?{_SEP}"),
    ("author", rf"(?:independent\s+|overview\s+)(?:overview\s+)?(?:report\s+)?author"
               rf"(?: of (?:this|the) (?:overview )?report)?{_SEP}"),
    ("author", rf"(?:report\s+)author{_SEP}"),
    ("author", rf"author of (?:this|the) (?:overview )?report{_SEP}"),
    ("author", rf"(?:independent\s+)?lead reviewer{_SEP}"),
    ("author", r"\bthe (?:overview |report |independent )?author,\s+"),
    ("author", r"(?:overview report |this report |review |the report )(?:was |is )?"
               r"(?:written|authored|prepared) by\s+"),
]  # fmt: skip
_CUE_PATTERNS = [(role, re.compile(pattern, re.IGNORECASE)) for role, pattern in _CUES]
_NAME_COLUMN = ("name", "member")
_TITLE_COLUMN = ("job title", "title", "role", "position", "designation")
_ORG_COLUMN = ("organisation", "organization", "agency", "employer", "service")


def job_title_role(title: str) -> str | None:
    """The named role a panel member's job title gives, if any."""
    for role, pattern in _CUE_PATTERNS:
        if pattern.fullmatch(title.strip() + " ") or pattern.fullmatch(title.strip()):
            return role
    lower = title.lower()
    if "author" in lower or "lead reviewer" in lower:
        return "author"
    if "chair" in lower:
        return "lscb_chair" if re.search(_BOARD, title, re.IGNORECASE) else "panel_chair"
    return None


@dataclass
class NamedRoles:
    roles: dict[Cluster, tuple[str, str]] = field(default_factory=dict)  # cluster -> (role, reason)
    panel_members: list[Cluster] = field(default_factory=list)
    kept_spans: list[KeptSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def assign(self, cluster: Cluster, role: str, reason: str) -> None:
        if cluster not in self.roles:
            self.roles[cluster] = (role, reason)


def find_named_roles(document: Document, clusters: list[Cluster], config: ReportConfig) -> NamedRoles:
    text = document.text
    people = [c for c in clusters if c.label == "PERSON" and not c.ambiguous]
    found = NamedRoles()
    for role, name in config.named_roles.items():
        matched = [c for c in people if matches_name(c, name)]
        for cluster in matched:
            found.assign(cluster, role, f"named role: {ROLE_NAMES[role]} (config)")
        if not matched:
            found.warnings.append(f"config named role {ROLE_NAMES[role]} was not found among the detected names")
    for member in config.panel:
        found.panel_members += [c for c in people if matches_name(c, member.name)]
    for phrase in config.kept_phrases():
        for match in re.finditer(re.escape(phrase), text, re.IGNORECASE):
            found.kept_spans.append(KeptSpan(match.start(), match.end(), match.group(0), f"config keep: {phrase!r}"))
    _read_cues(text, people, found)
    _read_signatures(text, people, found)
    _read_panel_tables(text, people, found)
    return found


def _person_at(people: list[Cluster], text: str, offset: int) -> Cluster | None:
    title = TITLE_INSIDE.match(text[offset : offset + 40])
    starts = (offset, offset + title.end()) if title else (offset,)
    for cluster in people:
        for mention in cluster.mentions:
            if any(start <= mention.start <= start + 2 for start in starts):
                return cluster
    return None


def _read_cues(text: str, people: list[Cluster], found: NamedRoles) -> None:
    for role, pattern in _CUE_PATTERNS:
        for match in pattern.finditer(text):
            cluster = _person_at(people, text, match.end())
            if cluster is None:
                continue
            cue_role = role
            if match.group(0).lower().startswith("independent chair"):
                line = text[slice(*line_bounds(text, match.start()))]
                if re.search(_BOARD, line, re.IGNORECASE) and not re.search(r"panel", line, re.IGNORECASE):
                    cue_role = "lscb_chair"
            cue = " ".join(match.group(0).split()).rstrip(":,-–— ")
            found.assign(cluster, cue_role, f"named role: {ROLE_NAMES[cue_role]} (read from {cue!r})")


_SIGNATURE = re.compile(r"[ \t]*(?:\n|,[ \t]*)(?P<title>[^\n]{3,120})")


def _read_signatures(text: str, people: list[Cluster], found: NamedRoles) -> None:
    """A name followed by its role: "Margaret Oduya" + newline + "Independent Chair, Northshire LSCB"."""
    for cluster in people:
        for mention in cluster.mentions:
            match = _SIGNATURE.match(text, mention.end)
            if not match or not re.match(r"(?:the\s+)?(?:independent\s+)?(?:chair|author|lead reviewer|overview)",
                                         match.group("title"), re.IGNORECASE):  # fmt: skip
                continue
            role = job_title_role(match.group("title"))
            if role:
                title = match.group("title").strip()
                found.assign(cluster, role, f"named role: {ROLE_NAMES[role]} (read from {title!r} after the name)")


def _read_panel_tables(text: str, people: list[Cluster], found: NamedRoles) -> None:
    for table in find_tables(text):
        name_col = table.column(*_NAME_COLUMN)
        title_col = table.column(*_TITLE_COLUMN)
        org_col = table.column(*_ORG_COLUMN)
        if name_col is None or title_col is None or org_col is None or name_col in (title_col, org_col):
            continue
        if any(w in " ".join(table.header) for w in ("relationship", "dob", "date of birth")):
            continue
        for row in table.rows:
            if max(name_col, title_col, org_col) >= len(row):
                continue
            name_cell = row[name_col]
            cluster = _person_at(people, text, name_cell.start)
            for column, what in ((title_col, "job title"), (org_col, "organisation")):
                cell = row[column]
                if cell.text:
                    reason = f"panel member's {what} (read from panel membership table)"
                    found.kept_spans.append(KeptSpan(cell.start, cell.end, cell.text, reason))
            if cluster is None:
                continue
            found.panel_members.append(cluster)
            role = job_title_role(row[title_col].text)
            if role:
                reason = f"named role: {ROLE_NAMES[role]} (read from panel table job title {row[title_col].text!r})"
                found.assign(cluster, role, reason)
