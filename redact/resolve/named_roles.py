"""The people and phrases that stay named: LSCB chair, panel chair, overview author, panel titles/organisations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from redact.config import ReportConfig
from redact.detect.initials import staff_codes
from redact.detect.keep import POST_NOMINALS
from redact.document import TITLE_PAGE_BLOCKS, Document, title_lines
from redact.resolve.cluster import Cluster
from redact.resolve.context import find_tables, line_bounds
from redact.resolve.model import Entity, KeptSpan
from redact.resolve.names import TITLE_INSIDE
from redact.resolve.panel import led_as_panel, panel_entries
from redact.resolve.roles import matches_name
from redact.resolve.vocabulary import KINDS

STAFF_CODE = "staff code in the chronology's key"  # a kept span's reason: a post, not a person ("PN")
ROLE_NAMES = {"lscb_chair": "LSCB chair", "panel_chair": "panel chair", "author": "overview author"}
# A role phrase is built from parts, so that a new phrasing made of the same parts is read too:
# qualifiers ("Independent Serious Case Review Panel"), a head noun ("Chair", "Author", "Report Writer",
# "Lead Reviewer"), perhaps a second head ("Chair and Author") and an "of ..." tail ("Chair of BSCB").
_S = r"[ \t]+"  # a role phrase stays on one line
_BOARD = (
    rf"(?:LSCB|LSCP|SAB|CSP|(?-i:[A-Z]{{1,4}}SC[BP])|Safeguarding{_S}(?:Children(?:['’]s)?{_S}|Adults{_S})?"
    rf"(?:Board|Partnership)|Community{_S}Safety{_S}Partnership|(?<!Panel\s)Board|Partnership)"
)
_QUALIFIER = (
    rf"(?:independent|overview|lead|serious{_S}case{_S}review|scr|cspr|dhr|sar|review|panel|report"
    rf"|practice{_S}review|{_BOARD})(?:['’]s)?"
)
# After 2018 a safeguarding partnership has an independent scrutineer where a board had its chair.
_HEAD = rf"(?:authors?|report{_S}writers?|writers?|reviewers?|chair(?:person|man|woman)?s?|scrutineers?)"
_OF_WHAT = (  # the body's acronym may follow: "Chair of the Quellshire Safeguarding Children Board (QSCB)"
    rf"(?:of|to|for){_S}(?:the{_S}|this{_S})?(?:[\w'’-]+{_S}){{0,4}}(?:{_BOARD}|partners|panel|review|report|summary)"
    r"(?:[ \t]*\((?-i:[A-Z]{2,8})\))?"
)
_ONE_BODY = rf"(?:the{_S})?(?:[\w'’-]+{_S}){{0,4}}(?:{_BOARD}|panel)"
_TAIL = (
    rf"(?:{_S}{_OF_WHAT}(?:{_S}and{_S}{_OF_WHAT})?"  # "author of the overview report and of this summary"
    rf"|,{_S}{_ONE_BODY}(?:{_S}and{_S}{_ONE_BODY})?)"  # "Independent Chair, Northshire LSCB", "..., X SAB and X LSCB"
)
ROLE_PHRASE = re.compile(
    rf"(?:{_QUALIFIER}{_S}){{0,5}}{_HEAD}(?:[ \t]*(?:and|&|/)[ \t]*(?:{_QUALIFIER}{_S}){{0,3}}{_HEAD})?{_TAIL}?",
    re.IGNORECASE,
)
# The name follows the role phrase: "Lead Reviewer: Dr X", "Panel Chair – X", "the author, X", "Chair was X".
_ROLE_THEN_NAME = re.compile(
    rf"(?<![\w'’])(?P<role>{ROLE_PHRASE.pattern})"
    r"(?:[ \t]*:[ \t]*\n?[ \t]*|[ \t]*(?::-|[–—|(,-])[ \t]*|\s+(?:is|was|will\s+be)\s+|[ \t]+)",
    re.IGNORECASE,
)  # only a colon may put the name on the next line: "–" is an empty table cell, the next row another person
# A signature's date may follow its role on the line: "Dr X Lead Reviewer 12 March 2018"
_SIGNED_ON = r"(?:[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+[ \t]+\d{4})?"
# The role phrase follows the name: "X, Independent Author", "X (Lead Reviewer)", "X | Overview Report Author",
# "X" + newline + "Independent Chair, BSCB", "X Independent Overview Report Writer". The phrase must end
# there: "X, the author notes" is not a role.
_NAME_THEN_ROLE = re.compile(
    r"(?:[ \t]*\((?-i:[A-Z][A-Za-z]{1,3})\))?"  # an attendee's initials: "X (MO)<tab>Independent Chair, Y LSCB"
    rf"(?:\s*[,(|–—-]\s*|[ \t]*\n[ \t]*|[ \t]+)(?:(?:is|was|as|acted\s+as)\s+)?(?:the\s+|an?\s+)?"
    rf"(?P<role>{ROLE_PHRASE.pattern})(?={_SIGNED_ON}[ \t]*(?:[,.;)|\n–—-]|$)|[ \t]+(?-i:[A-Z(]))",
    re.IGNORECASE,
)
# "Written by: X", "Report prepared by:- X", "The overview report was written by X": a label at the start of a
# line, or a sentence whose subject is this report. "chaired by" and "endorsed by" need their own context.
_BY_VERBS = r"(?:written|prepared|authored|compiled|produced|undertaken|conducted|completed|led|endorsed|chaired)"
# "written by an independent social work consultant, X": who the writer is, then the name
_DESCRIBED = r"(?:(?:an?|the)\s+[^,.;:\n()]{3,80}?,\s+)?"
# ... but not "Translation for this review by X": a preposition makes the review the object of another noun
_BY_LABEL = re.compile(
    rf"^[ \t]*(?:(?!(?:for|of|to|from|in|with|about|on)\s)[\w'’-]+\s+){{0,3}}?"
    rf"(?P<verb>{_BY_VERBS}|report|review|summary)\s+by\s*(?::-|[:–—-])?\s*{_DESCRIBED}",
    re.IGNORECASE | re.MULTILINE,
)
# the review's kind as boards name it: "the rapid review", "this local child safeguarding practice review"
_REPORT_KIND = (
    r"(?:(?:overview|final|full|independent|serious\s+case|executive|draft|practice|review|rapid|learning|local"
    r"|child\s+safeguarding)\s+)*"
)
_BY_SENTENCE = re.compile(
    rf"\b(?:this|the)\s+{_REPORT_KIND}(?:report|review|summary|panel|scr|cspr|dhr|sar)"
    rf"(?:\s+(?:and|&)\s+(?:(?:this|the)\s+)?{_REPORT_KIND}(?:report|summary))?"  # "The report and this summary were"
    r"(?:\s*,\s+(?:from\s+which|on\s+which|which|that)\s[^,.;:()]{3,60},)?"  # ", from which this summary is drawn,"
    rf"\s+(?:was|has\s+been|is|were|have\s+been|will\s+be|is\s+to\s+be|is\s+being)\s+(?P<verb>{_BY_VERBS})\s+by\s+"
    rf"{_DESCRIBED}",
    re.IGNORECASE,
)
# "Mr Quill wrote the report", "X, who wrote the overview report,": the subject of the writing is the author;
# "X, who chaired the panel throughout": the subject of the chairing is the panel's chair
_DID_THE_JOB = re.compile(
    r",?\s+(?:who\s+)?(?:(?P<wrote>wrote|ha[sd]\s+written|authored)|(?:ha[sd]\s+)?(?P<chaired>chaired))\s+(?:the|this)\s+"
    r"(?:(?:overview|final|full|review|serious\s+case\s+review|scr|independent)\s+)*"
    r"(?(wrote)(?:report|review)|(?:panel|review))\b(?!\s+(?:on|for|of|about|meetings?)\b)",
    re.IGNORECASE,
)
# "X was commissioned as the independent author", "X, who chairs the Quellshire LSCB,": a role said after the name
_APPOINTED_AS = re.compile(
    r",?\s+(?:was|has\s+been|had\s+been|is)\s+(?:commissioned|appointed|engaged|recruited|asked|invited)"
    rf"\s+(?:to\s+act\s+)?as\s+(?:the\s+|an?\s+)?(?P<role>{ROLE_PHRASE.pattern})",
    re.IGNORECASE,
)
_WHO_CHAIRS = re.compile(
    r",?\s+who\s+(?:chairs|chaired|is\s+the\s+(?:independent\s+)?chair\s+of)\s+(?:the\s+|this\s+)?"
    r"(?P<body>[^,.;()\n]{2,60}?)(?=\s*[,.;)]|\s+(?:and|from|since|until|when)\b)",
    re.IGNORECASE,
)
# "the SCR panel chaired by X", "a review panel, chaired independently by X,": the panel's chair
_PANEL_CHAIRED = re.compile(
    r"\bpanel\s*,?\s+(?:(?:which|that)\s+(?:was|is)\s+|(?:was|is|had\s+been)\s+)?(?:independently\s+)?"
    r"chaired\s+(?:independently\s+)?by\s+",
    re.IGNORECASE,
)
# "The review panel met six times. It was chaired by X": the panel's chair, where the sentence before speaks of it
_IT_WAS_CHAIRED = re.compile(
    r"\bIt\s+(?:was|is|has\s+been)\s+(?:independently\s+)?chaired\s+(?:independently\s+)?by\s+"
)
_SENTENCE_BEFORE = 300
# "The Quell Vale Community Safety Partnership, chaired by X, decided ...": the board's (or partnership's) chair;
# "presented to the QSCB, whose independent chair is X"
_BOARD_CHAIRED = re.compile(
    rf"{_BOARD}(?:\s*\([A-Za-z]{{2,8}}\))?\s*,?\s+(?:(?:which\s+(?:is|was)\s+|(?:is|was)\s+)?chaired\s+"
    r"(?:independently\s+|jointly\s+)?by|whose\s+(?:independent\s+)?chair(?:person|man|woman)?\s+(?:is|was))\s+",
    re.IGNORECASE,
)  # "The Board is chaired independently by X"
_SAFEGUARDING_BODY = re.compile(r"Safeguarding|\b(?:LSCB|LSCP|SAB|[A-Z]{1,4}SC[BP])\b|\bBoard\b")
# "Steering the review, and keeping the panel honest ..., fell to Dr X": the one who chaired it
_CHAIRING_FELL_TO = re.compile(
    r"\b(?:chairing|steering|leading)\s+(?:of\s+)?(?:the\s+)?(?:review|panel)\b[^.;]{0,200}?"
    r"\b(?:fell|went|was\s+given|was\s+entrusted)\s+to\s+",
    re.IGNORECASE,
)
# "I asked X, who has no line management responsibility ..., to chair the review panel", "the Board appointed X,
# an independent consultant, to write the overview report": whom the board asked to do the review's named jobs
_ASKED_BEFORE = re.compile(
    r"\b(?:asked|appointed|commissioned|invited|engaged|recruited|nominated)\s+"
    r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Professor|Prof)\.?\s+)?$",
    re.IGNORECASE,
)
_TO_DO_A_ROLE = re.compile(
    r"(?:,[^.;\n]{0,160}?,)?\s+to\s+(?P<verb>chair|write|author|lead)\s+(?:the\s+|this\s+)?"
    r"(?:(?:serious\s+case|independent|scr|overview|practice|review)\s+)*"
    r"(?P<object>panel|report|review|executive\s+summary)\b",
    re.IGNORECASE,
)
_REPORT_NOUN = re.compile(r"\b(?:report|review|summary|scr|cspr|dhr|sar)\b", re.IGNORECASE)
_NOT_THE_REPORT = re.compile(
    r"\b(?:IMR|individual\s+management|agency\s+report|chronology|statement|letter|referral|minutes|"
    r"assessment|meeting|conference|strategy)\b",
    re.IGNORECASE,
)
_NAME_COLUMN = ("name", "member")
_TITLE_COLUMN = ("job title", "title", "role", "position", "designation")
_ORG_COLUMN = ("organisation", "organization", "agency", "employer", "service")


_AUTHOR_QUALIFIER = re.compile(
    r"independent|overview|lead|serious\s+case|scr|cspr|dhr|sar|\breview\b|executive\s+summary|panel",
    re.IGNORECASE,
)


def phrase_roles(phrase: str) -> tuple[str, ...]:
    """The named roles a role phrase gives ("Independent Chair and Author": panel chair and author)."""
    roles = []
    if re.search(r"scrutineer", phrase, re.IGNORECASE):
        roles.append("lscb_chair")
    elif re.search(r"chair", phrase, re.IGNORECASE):
        if re.search(_BOARD, phrase, re.IGNORECASE) and not re.search(r"panel|review", phrase, re.IGNORECASE):
            roles.append("lscb_chair")
        elif re.search(rf"independent|panel|review|scr|{_BOARD}", phrase, re.IGNORECASE):
            roles.append("panel_chair")  # a bare "Chair" may chair any meeting: not enough on its own
    if re.search(r"author|writer|reviewer", phrase, re.IGNORECASE) and _AUTHOR_QUALIFIER.search(phrase):
        roles.append("author")  # a bare "Author:" may have written anything (an agency's IMR, a letter)
    return tuple(roles)


def job_title_role(title: str) -> str | None:
    """The first named role a panel member's job title gives, if any."""
    match = ROLE_PHRASE.search(title)
    roles = phrase_roles(match.group(0)) if match else ()
    return roles[0] if roles else None


@dataclass
class NamedRoles:
    roles: dict[Cluster, tuple[str, str]] = field(default_factory=dict)  # cluster -> (first role, reason)
    also: dict[Cluster, set[str]] = field(default_factory=dict)  # cluster -> every named role read for it
    panel_members: list[Cluster] = field(default_factory=list)
    configured: set[Cluster] = field(default_factory=set)  # named in report.yaml, not read from the draft
    kept_spans: list[KeptSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def assign(self, cluster: Cluster, role: str, reason: str) -> None:
        if cluster not in self.roles:
            self.roles[cluster] = (role, reason)
        self.also.setdefault(cluster, set()).add(role)


def find_named_roles(document: Document, clusters: list[Cluster], config: ReportConfig) -> NamedRoles:
    text = document.text
    people = [c for c in clusters if c.label == "PERSON" and not c.ambiguous]
    found = NamedRoles()
    for role, name in config.named_roles.items():
        matched = [c for c in people if matches_name(c, name)]
        for cluster in matched:
            found.assign(cluster, role, f"named role: {ROLE_NAMES[role]} (config)")
            found.configured.add(cluster)
        if not matched:
            found.warnings.append(f"config named role {ROLE_NAMES[role]} was not found among the detected names")
    for member in config.panel:
        found.panel_members += [c for c in people if matches_name(c, member.name)]
    for phrase in config.kept_phrases():
        for match in re.finditer(re.escape(phrase), text, re.IGNORECASE):
            found.kept_spans.append(KeptSpan(match.start(), match.end(), match.group(0), f"config keep: {phrase!r}"))
    for code in staff_codes(text):  # "PN" for the practice nurse: a post, kept as written wherever the draft has it
        for match in re.finditer(rf"(?<![\w-]){code}(?![\w-])", text):
            found.kept_spans.append(KeptSpan(match.start(), match.end(), code, STAFF_CODE))
    _read_cues(text, people, found, agency_report=_is_agency_report(document))
    _read_panel_tables(document, people, found)
    # a list of people with their jobs is a review panel's only where the draft speaks of a panel: at a strategy
    # discussion the people present keep the roles their jobs give ("Social Worker 1")
    panel = re.search(r"\bpanel\b", text, re.IGNORECASE) is not None
    listed = panel_entries(document, [m for c in people for m in c.mentions]) if panel else set()
    for cluster in people:
        if cluster not in found.panel_members and any(m.start in listed for m in cluster.mentions):
            found.panel_members.append(cluster)
    return found


def _chaired_body_role(body: str) -> str | None:
    """Whose chair chairing ``body`` makes one: the board's ("the Quellshire LSCB") or the review panel's."""
    if re.fullmatch(r"(?:(?:serious\s+case|scr|review|independent)\s+)*(?:panel|review|scr)", body, re.IGNORECASE):
        return "panel_chair"  # not "the review meetings at the school"
    return "lscb_chair" if re.search(_BOARD + r"$", body, re.IGNORECASE) else None


def _person_at(people: list[Cluster], text: str, offset: int) -> Cluster | None:
    title = TITLE_INSIDE.match(text[offset : offset + 40])
    starts = (offset, offset + title.end()) if title else (offset,)
    for cluster in people:
        for mention in cluster.mentions:
            if any(start <= mention.start <= start + 2 and "\n" not in text[start : mention.start] for start in starts):
                return cluster
    return None


# an agency's report to the panel, or the chronology agencies compiled for it ("Joint Police and Children's Services
# Chronology"): "Compiled by" on it names its compilers, not the review's author
_AGENCY_REPORT = re.compile(
    r"\b(?:IMR|individual\s+management\s+review|agency\s+report"
    r"|(?:joint|combined|integrated|multi-agency|agency)\b[^\n]{0,60}\bchronology)\b",
    re.IGNORECASE,
)


# a word in small letters that a title would capitalise: before "IMR", it makes the line prose
_PROSE_WORD = re.compile(r"\b(?!(?:of|the|and|for|by|to|in|on|an?|from|with)\b)[a-z][\w'’-]*")


def _is_agency_report(document: Document) -> bool:
    """An agency's own report (IMR) or a joint chronology: its title page says so in a title ("Quellshire Police
    Individual Management Review", "IMR Author:"), not in prose ("... provided an individual management review
    (IMR)"). "Written by" there names the agency's author."""
    return any(
        not match.group().islower() and not _PROSE_WORD.search(line, 0, match.start())
        for line in title_lines(document.body()[:TITLE_PAGE_BLOCKS])
        for match in _AGENCY_REPORT.finditer(line)
    )


def _names_the_case(text: str, cluster: Cluster, offset: int) -> bool:
    """ "Independent Chair, SCR Panel (Hope)": one word in brackets after a role, where the draft never gives
    that person a full name, is the case the panel reviews, not its chair."""
    return text[:offset].rstrip().endswith("(") and not (cluster.first and cluster.last)


_OPENING_CLAUSE = re.compile(
    r"(?:^|[.!?:;]\s+|\n)[ \t]*(?:When|Whenever|After|Before|Although|Though|If|As|While|Whilst|Once|Because|Since|"
    r"Until|Unless)\b[^,.;:\n]*$"
)


def _ends_an_opening_clause(text: str, match: re.Match[str]) -> bool:
    """The role phrase ends a sentence's opening clause and its comma closes that clause: "When she spoke to the
    reviewer, Bea said ..." names no reviewer."""
    comma = text[match.end("role") : match.end()].strip() == ","
    return comma and bool(_OPENING_CLAUSE.search(text, max(0, match.start() - 200), match.start()))


def _opens_the_next_clause(text: str, match: re.Match[str], cluster: Cluster) -> bool:
    """A role in small letters, a comma, then a name its verb follows: "according to what she told the reviewer,
    Augustus came to the house" makes the name the next clause's subject; an apposition closes after the name ("the
    reviewer, Tobiah Quill, met her")."""
    comma = text[match.end("role") : match.end()].strip() == ","
    small = match.group("role")[:1].islower()
    return comma and small and _VERB_AFTER_THE_NAME.match(text, _name_end(cluster, match)) is not None


_VERB_AFTER_THE_NAME = re.compile(r"[ \t]+(?!(?:who|whom|whose|and|or|of|at|from|in|for|with)\b)[a-z]")


@dataclass(frozen=True)
class _PhraseReading:
    """A role phrase read as one person's: "Independent Chair" before or after a name."""

    cluster: Cluster
    phrase: str
    where: str  # "before the name" or "after the name"
    span: tuple[int, int]  # the role phrase's own place in the text


def _read_cues(text: str, people: list[Cluster], found: NamedRoles, agency_report: bool = False) -> None:
    """A name tied to a role phrase in the same line, sentence, table row or signature block, or to a cue ("chaired
    by X", "X was asked to chair"). A role phrase between two names is read for one of them (see
    ``_one_reading_per_phrase``)."""
    others = NamedRoles()
    community_safety = _read_other_cues(text, people, others, agency_report)
    for reading in _one_reading_per_phrase(text, _phrase_readings(text, people, agency_report), others):
        if phrase_roles(reading.phrase) == ("lscb_chair",) and not _SAFEGUARDING_BODY.search(reading.phrase):
            # "the Chair of the Community Safety Partnership, Councillor X": the commissioner, as below
            cue = " ".join(reading.phrase.split())
            reason = f"named role: {ROLE_NAMES['lscb_chair']} (read from {cue!r} {reading.where})"
            community_safety.append((reading.cluster, reason))
            continue
        _assign_phrase(found, reading.cluster, reading.phrase, reading.where)
    for cluster, (first_role, reason) in others.roles.items():
        for role in (first_role, *sorted(others.also[cluster] - {first_role})):
            found.assign(cluster, role, reason)
    # "the Safer Wexmoor Partnership is chaired by X": a community safety partnership's chair stands for the
    # board's only where no board's chair is named (a domestic homicide review's commissioner)
    if not any(role == "lscb_chair" for role, _ in found.roles.values()):
        for cluster, reason in community_safety:
            found.assign(cluster, "lscb_chair", reason)


def _phrase_readings(text: str, people: list[Cluster], agency_report: bool) -> list[_PhraseReading]:
    readings: list[_PhraseReading] = []
    for match in _ROLE_THEN_NAME.finditer(text):
        cluster = _person_at(people, text, match.end())
        if cluster is None or _names_the_case(text, cluster, match.end()):
            continue
        if text[match.end() : match.end() + 1] in _OPENING_QUOTES:
            continue  # 'told the author, "Dafydd always did the talking"': a quotation opens, no name is given
        if _ends_an_opening_clause(text, match) or _opens_the_next_clause(text, match, cluster):
            continue  # "When she spoke to the reviewer, Bea said ...": the name opens the main clause
        if _tied(match, text) and not _POSSESSIVE_AT.match(text, _name_end(cluster, match)):
            # "The author, X" in a review is its author; in an agency's IMR, the IMR's
            the = not agency_report and re.search(r"\bthe\s+$", text[max(0, match.start() - 4) : match.start()], re.I)
            phrase = ("overview " if the else "") + match.group("role")
            # "SCR panel (chair X)", "the LSCB (chair X)", "the QSCB, whose chair is X": what the role belongs to
            # says which it is
            owner = _BRACKET_OWNER.search(text, max(0, match.start() - 40), match.start())
            phrase = f"{owner.group(1)} {phrase}" if owner else f"{_its_owner(text, match.start())} {phrase}"
            readings.append(_PhraseReading(cluster, phrase, "before the name", match.span("role")))
    for match in _ROLE_LINE_THEN_NAME_LINE.finditer(text):
        cluster = _person_at(people, text, match.end())
        alone = cluster is not None and _alone_on_its_line(text, cluster, match.end())
        if alone and not _name_on_the_line_before(text, match.start("role"), people):
            readings.append(_PhraseReading(cluster, match.group("role"), "on the line above", match.span("role")))
    for cluster in people:
        for mention in cluster.mentions:
            letters = POST_NOMINALS.match(text, mention.end)  # "X MA, CQSW<LINE>Overview Report Author"
            end = letters.end() if letters else mention.end
            after = _NAME_THEN_ROLE.match(text, end) or _signature_role(text, mention.start, end)
            if after and _tied(after, text):
                readings.append(_PhraseReading(cluster, after.group("role"), "after the name", after.span("role")))
    return readings


# a signature or a cover page: the role alone on its line, the name alone on the next ("Independent Author<LINE>Dr X")
_ROLE_LINE_THEN_NAME_LINE = re.compile(
    rf"(?:^|\n)[ \t]*(?P<role>(?=(?-i:[A-Z])){ROLE_PHRASE.pattern})[ \t]*\n[ \t]*(?:(?:Dr|Professor|Prof)\.?[ \t]+)?",
    re.IGNORECASE,
)


def _name_on_the_line_before(text: str, start: int, people: list[Cluster]) -> bool:
    """A person's name on the last line before ``start`` that holds anything: then the role may be that person's, as
    a list of one cell a line gives "Name<LINE>Role" ("Hester Quill<LINE>Independent Chair<LINE>Tobiah Vetch")."""
    end = len(text[:start].rstrip())
    line_start = text.rfind("\n", 0, end) + 1
    return any(line_start <= m.start < end for c in people for m in c.mentions)


def _alone_on_its_line(text: str, cluster: Cluster, start: int) -> bool:
    """The person's name starting at ``start`` fills its line, but for letters after a name or a date."""
    mention = next((m for m in cluster.mentions if m.start == start), None)
    if mention is None:
        return False
    letters = POST_NOMINALS.match(text, mention.end)
    line_end = text.find("\n", mention.end)
    rest = text[letters.end() if letters else mention.end : len(text) if line_end < 0 else line_end]
    return not rest.strip(" \t,.")


def _one_reading_per_phrase(text: str, readings: list[_PhraseReading], others: NamedRoles) -> list[_PhraseReading]:
    """A role phrase between two names ("Hester Quill Independent Chair -- Dorcas Pelbury Head of ..." in a
    flattened panel table) is the role of the one whom another cue gives it ("It was chaired by Hester Quill"): it
    names no one after it when it stands right after that person's name."""
    kept: list[_PhraseReading] = []
    for reading in readings:
        if reading.where == "before the name":
            roles = set(phrase_roles(reading.phrase))
            holders = [c for c, also in others.also.items() if c is not reading.cluster and roles & also]
            before = text[max(0, reading.span[0] - 80) : reading.span[0]].rstrip(" \t")
            if any(before.endswith(mention.text) for holder in holders for mention in holder.mentions):
                continue
        kept.append(reading)
    return kept


def _read_other_cues(
    text: str, people: list[Cluster], found: NamedRoles, agency_report: bool
) -> list[tuple[Cluster, str]]:
    """Roles read from cues other than a role phrase beside a name; returns the community safety partnership
    chairs, who stand for the board's chair only where no board's chair is named."""
    for cluster in people:
        for mention in cluster.mentions:
            asked = _ASKED_BEFORE.search(text, max(0, mention.start - 60), mention.start)
            task = _TO_DO_A_ROLE.match(text, mention.end) if asked else None
            if task:
                role = "panel_chair" if task.group("verb").lower() == "chair" else "author"
                cue = " ".join(task.group(0).split()[-4:])
                found.assign(cluster, role, f"named role: {ROLE_NAMES[role]} (read from {cue!r} after the name)")
            appointed = _APPOINTED_AS.match(text, mention.end)
            for role in phrase_roles(appointed.group("role")) if appointed else ():
                cue = " ".join(appointed.group(0).split()).strip(", ")
                found.assign(cluster, role, f"named role: {ROLE_NAMES[role]} (read from {cue!r} after the name)")
            chairs = _WHO_CHAIRS.match(text, mention.end)
            role = _chaired_body_role(chairs.group("body")) if chairs else None
            if role:
                cue = " ".join(chairs.group(0).split()).strip(", ")
                found.assign(cluster, role, f"named role: {ROLE_NAMES[role]} (read from {cue!r} after the name)")
            did = _DID_THE_JOB.match(text, mention.end)
            if did and not (agency_report and did.group("wrote")):  # an IMR's writer is its agency's author
                role = "author" if did.group("wrote") else "panel_chair"
                cue = " ".join(did.group(0).split()).strip(", ")
                found.assign(cluster, role, f"named role: {ROLE_NAMES[role]} (read from {cue!r} after the name)")
    for pattern in (_BY_LABEL, _BY_SENTENCE):
        for match in pattern.finditer(text):
            cluster = _person_at(people, text, match.end())
            if cluster is None or _NOT_THE_REPORT.search(match.group(0)):
                continue
            overview = re.search(r"(?i)\boverview\b", match.group(0)) is not None
            if agency_report and match.group("verb").lower() != "chaired" and not overview:
                # an IMR "written by" its agency's author; but "the SCR panel chaired by X" is the chair, and "the
                # overview report will be written by X" the review's author
                continue
            if pattern is _BY_LABEL and _continues_a_sentence(text, match.start()):
                continue  # "... screening tool" + line break + "was completed by Ms X": a wrapped line, no label
            verb = match.group("verb").lower()
            if verb == "completed" and not _REPORT_NOUN.search(match.group(0)):
                continue  # a form's "Completed by:" names who filled it in, not the review's author
            cue = " ".join(match.group(0).split()).rstrip(":,-–— ")
            if verb == "led" and (_chaired_after(text, cluster, match.end()) or _CHAIR_WORD.search(cue)):
                # "The review was led by X, who chaired the panel", "... led by an independent panel chair, X":
                # leading it was chairing it
                continue
            if verb == "chaired":
                found.assign(cluster, "panel_chair", f"named role: {ROLE_NAMES['panel_chair']} (read from {cue!r})")
            elif verb != "endorsed":  # endorsed by whom: the role phrase after the name says
                found.assign(cluster, "author", f"named role: {ROLE_NAMES['author']} (read from {cue!r})")
    for match in _PANEL_CHAIRED.finditer(text):  # "Submitted to the SCR panel chaired by X"
        cluster = _person_at(people, text, match.end())
        if cluster is not None:
            reason = f"named role: {ROLE_NAMES['panel_chair']} (read from 'panel chaired by')"
            found.assign(cluster, "panel_chair", reason)
    for match in _IT_WAS_CHAIRED.finditer(text):
        cluster = _person_at(people, text, match.end())
        before = text[max(0, match.start() - _SENTENCE_BEFORE) : match.start()]
        if cluster is not None and re.search(r"\bpanel\b[^.!?]*[.!?]\s*$", before, re.IGNORECASE):
            reason = f"named role: {ROLE_NAMES['panel_chair']} (read from 'It was chaired by')"
            found.assign(cluster, "panel_chair", reason)
    for match in _CHAIRING_FELL_TO.finditer(text):
        cluster = _person_at(people, text, match.end())
        if cluster is not None:
            reason = f"named role: {ROLE_NAMES['panel_chair']} (read from 'chairing ... fell to')"
            found.assign(cluster, "panel_chair", reason)
    community_safety: list[tuple[Cluster, str]] = []
    for match in _BOARD_CHAIRED.finditer(text):
        cluster = _person_at(people, text, match.end())
        if cluster is not None:
            cue = " ".join(match.group(0).split()).rstrip(", ")
            reason = f"named role: {ROLE_NAMES['lscb_chair']} (read from {cue!r})"
            if _SAFEGUARDING_BODY.search(cue):
                found.assign(cluster, "lscb_chair", reason)
            else:
                community_safety.append((cluster, reason))
    return community_safety


_CHAIR_WORD = re.compile(r"\bchair(?:man|woman|person)?\b", re.IGNORECASE)


def _chaired_after(text: str, cluster: Cluster, offset: int) -> bool:
    """The name at ``offset`` is followed by "who chaired the panel"."""
    mention = min((m for m in cluster.mentions if 0 <= m.start - offset <= 40), key=lambda m: m.start, default=None)
    did = _DID_THE_JOB.match(text, mention.end) if mention else None
    return bool(did and did.group("chaired"))


# A signature block: the name alone on its line (a title before it), the role on the next line but one.
# A PDF may run the signature's date into the role line: "Independent Chair, X LSCB 30 September 2013".
_SIGNATURE_ROLE = re.compile(
    rf"[ \t]*\n[ \t]*\n[ \t]*(?P<role>{ROLE_PHRASE.pattern}){_SIGNED_ON}[ \t]*(?:[,.;]|\n|$)", re.IGNORECASE
)


def _signature_role(text: str, start: int, end: int) -> re.Match[str] | None:
    """ "Professor X" + blank line + "Independent Chair, Northshire LSCB": the role of a signature block
    whose parts a word processor set as paragraphs of their own."""
    before = text[text.rfind("\n", 0, start) + 1 : start].strip()
    if before and not TITLE_INSIDE.fullmatch(before + " "):
        return None
    return _SIGNATURE_ROLE.match(text, end)


def _continues_a_sentence(text: str, line_start: int) -> bool:
    """The line before ``line_start`` runs on into it: not blank and not ended by a full stop, colon or the like."""
    before = text[max(0, line_start - 200) : line_start].rstrip(" \t\n")
    previous_line = before[before.rfind("\n") + 1 :]
    return bool(previous_line) and "\n\n" not in text[line_start - 3 : line_start + 1] and not (
        previous_line.endswith((".", ":", ";", "!", "?", ")", "|")) or len(previous_line) < 40
    )


# "the LSCB (chair X)", "the QSCB, whose chair is X": what owns the role
_BRACKET_OWNER = re.compile(r"(\w+)(?:[ \t]*\(|,?\s+whose)[ \t]*$")
_POSSESSIVE_AT = re.compile(r"['’]s?\b")
_ITS_BEFORE = re.compile(r"\bits\s+$", re.IGNORECASE)
_BOARD_OPENS = re.compile(rf"\s*(?:\d+(?:\.\d+)*\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,3}}?{_BOARD}\b", re.IGNORECASE)
_OWNER_NOUN = re.compile(rf"{_BOARD}|\b(?:review|panel|report|group)\b", re.IGNORECASE)


def _its_owner(text: str, start: int) -> str:
    """ "Board" where the role phrase at ``start`` follows an "its" that means the board: the sentence is about the
    board ("The Board accepted the report ...; its independent chair, X"), or the board is the nearest thing named
    before it ("commissioned by the LSCB following the decision of its Independent Chair, X"); else nothing."""
    if not _ITS_BEFORE.search(text, max(0, start - 8), start):
        return ""
    sentence = text[max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1) : start]
    nouns = list(_OWNER_NOUN.finditer(sentence))
    board = _BOARD_OPENS.match(sentence) or (nouns and re.fullmatch(_BOARD, nouns[-1].group(0), re.IGNORECASE))
    return "Board" if board else ""
_TYING = re.compile(r"[,:(|–—\n-]|\b(?:is|was|will\s+be|as)\b", re.IGNORECASE)


_OPENING_QUOTES = frozenset("\"“‘'")


def _tied(match: re.Match[str], text: str) -> bool:
    """Only a role phrase in Title case, or one opening a bracket ("SCR panel (chair Ann Oduya)"), may stand
    next to a name with nothing but a space between them: "Lead Reviewer Ann Oduya", but not "the mother told the
    reviewer Kerry was scared"."""
    between = text[match.end("role") : match.end()] if match.end() > match.end("role") else text[
        match.start() : match.start("role")
    ]
    opens_a_bracket = text[max(0, match.start("role") - 1) : match.start("role")] == "("  # "panel (chair X)"
    return bool(_TYING.search(between)) or match.group("role")[:1].isupper() or opens_a_bracket


def _name_end(cluster: Cluster, match: re.Match[str]) -> int:
    starts = [m for m in cluster.mentions if match.end() <= m.start <= match.end() + 40]
    return min(starts, key=lambda m: m.start).end if starts else match.end()


def _assign_phrase(found: NamedRoles, cluster: Cluster, phrase: str, where: str) -> None:
    cue = " ".join(phrase.split())
    for role in phrase_roles(phrase):
        found.assign(cluster, role, f"named role: {ROLE_NAMES[role]} (read from {cue!r} {where})")


def _read_panel_tables(document: Document, people: list[Cluster], found: NamedRoles) -> None:
    """Panel tables: each row's job title and organisation are kept (the guidance publishes them), and the
    person in the name column is a panel member. A table of job titles and organisations alone ("Job title |
    Employing organisation") counts where the text before it says it lists the panel."""
    text = document.text
    for table in find_tables(text):
        name_col = table.column(*_NAME_COLUMN)
        title_col = table.column(*_TITLE_COLUMN)
        org_col = table.column(*_ORG_COLUMN)
        if title_col is None or org_col is None or name_col in (title_col, org_col):
            continue
        # "Name | Role and agency": one column holds both, and both are kept
        columns = [(title_col, "job title and organisation")] if title_col == org_col else [
            (title_col, "job title"), (org_col, "organisation")]
        if any(w in " ".join(table.header) for w in ("relationship", "dob", "date of birth")):
            continue
        if name_col is None and (not table.rows or table.column("initial") is not None
                                 or not led_as_panel(document, table.row_starts[0])):
            continue  # a key to initials is no panel list
        for row in table.rows:
            if max(name_col or 0, title_col, org_col) >= len(row):
                continue
            for column, what in columns:
                cell = row[column]
                if cell.text:
                    reason = f"panel member's {what} (read from panel membership table)"
                    found.kept_spans.append(KeptSpan(cell.start, cell.end, cell.text, reason))
            cluster = None if name_col is None else _person_at(people, text, row[name_col].start)
            if cluster is None:
                continue
            found.panel_members.append(cluster)
            role = job_title_role(row[title_col].text)
            if role:
                reason = f"named role: {ROLE_NAMES[role]} (read from panel table job title {row[title_col].text!r})"
                found.assign(cluster, role, reason)


_ROLE_NOUNS = {"author": r"author|writer|reviewer", "panel_chair": r"chair", "lscb_chair": r"chair|scrutineer"}


def role_candidates(text: str, entities: Sequence[Entity], role: str, limit: int = 3) -> list[str]:
    """People whose name stands on a line with the role's noun, for an error that says what to confirm."""
    hints: list[str] = []
    for entity in entities:
        family = entity.role in KINDS and KINDS[entity.role].family
        if entity.label != "PERSON" or entity.kept or family:
            continue  # the child or a relative is never whom to confirm as chair or author
        for mention in entity.mentions:
            start, end = line_bounds(text, mention.start)
            noun = re.search(rf"\b(?:{_ROLE_NOUNS[role]})\w*", text[start:end], re.IGNORECASE)
            if noun:
                line = text.count("\n", 0, mention.start) + 1
                hints.append(f"{mention.text!r} stands next to {noun.group(0)!r} on line {line}")
                break
        if len(hints) == limit:
            break
    return hints
