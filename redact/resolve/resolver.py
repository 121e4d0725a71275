"""``resolve``: findings -> entities with roles and pseudonyms -> a replacement plan over the original text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from redact.config import ReportConfig
from redact.detect.finding import Finding
from redact.detect.gazetteer import fold
from redact.detect.keep import vocabulary
from redact.detect.people_initials import SOURCE as INITIALS_SOURCE
from redact.detect.people_initials import acts_alone
from redact.document import Document
from redact.errors import ConfigError, InternalError
from redact.resolve.cluster import (
    Cluster,
    cluster_mentions,
    is_family_role,
    split_loose_mentions,
    split_titled_adults,
)
from redact.resolve.context import at_sentence_start
from redact.resolve.grammar import generalise_age, generalise_date, inflect, last_dated, person_span
from redact.resolve.model import Action, Entity, KeptSpan, Mention, Plan, Replacement
from redact.resolve.named_roles import ROLE_NAMES, STAFF_CODE, NamedRoles, find_named_roles
from redact.resolve.names import strip_possessive
from redact.resolve.operators import WEEKDAY_WORD, GeneraliseAge, GeneraliseDate, Pseudonymise
from redact.resolve.policy import Policy, load_policy
from redact.resolve.pseudonyms import PLACE_ROLES, PLACE_STEMS, PseudonymBook, several_holders
from redact.resolve.roles import (
    infer_roles,
    kin_word_of_another_language,
    reviews_a_child,
    reviews_an_adult,
    role_hint,
    title_page,
)
from redact.resolve.vocabulary import KINDS
from redact.visible import GLUED_FOOTNOTE, MARKDOWN_EMPHASIS, emphasis_blanked, footnote_after, footnotes_blanked


def merge_overlaps(text: str, findings: Sequence[Finding]) -> list[Mention]:
    """One mention per stretch of overlapping findings, covering all of them (nothing found is lost)."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), -f.score))
    merged: list[Mention] = []
    for f in ordered:
        if not 0 <= f.start < f.end <= len(text):
            raise InternalError(f"finding {f.text!r} has offsets {f.start}-{f.end} outside the text")
        if merged and (f.start < merged[-1].end or _one_recorded_name(text, merged[-1], f)):
            last = merged[-1]
            if f.end > last.end:
                merged[-1] = Mention(last.start, f.end, last.label, text[last.start : f.end],
                                     max(last.score, f.score), f"{last.source}+{f.source}")  # fmt: skip
            continue
        merged.append(Mention(f.start, f.end, f.label, text[f.start : f.end], f.score, f.source))
    return merged


def _one_recorded_name(text: str, last: Mention, finding: Finding) -> bool:
    """Two names a space apart, one of them in capitals, are one name as a record writes it: "VETCH" and "Mei Lan"
    of "VETCH Mei Lan", each found on its own."""
    if not (last.label == finding.label == "PERSON" and text[last.end : finding.start] == " "):
        return False
    if "Initials" in last.source + finding.source or INITIALS_SOURCE in last.source + finding.source:
        return False  # "MW TC Lottie born": a midwife's initials, then the baby
    return any(_CAPITALS_SURNAME.fullmatch(name) for name in (last.text, finding.text))


_CAPITALS_SURNAME = re.compile(r"[A-Z]*[AEIOUY][A-Z]*(?<=\w{3})")  # "VETCH", "LEE": a surname, not letters ("TC")


def _as_read(document: Document) -> Document:
    """The draft with Markdown emphasis marks and footnote numbers glued to small words blanked, offsets unchanged:
    "**Ann Lee**" on a line of its own over "Independent Overview Author" is a signature block, and "Ann Lee, a
    supervising social worker3" names her job, as a reader sees it."""
    if not MARKDOWN_EMPHASIS.search(document.text) and not GLUED_FOOTNOTE.search(document.text):
        return document
    blocks = tuple(replace(block, text=footnotes_blanked(emphasis_blanked(block.text))) for block in document.blocks)
    return replace(document, text=footnotes_blanked(emphasis_blanked(document.text)), blocks=blocks)


def resolve(
    document: Document,
    findings: Sequence[Finding],
    config: ReportConfig | None = None,
    policy: Policy | None = None,
    chosen_pseudonyms: Mapping[str, str] | None = None,
    earlier: Plan | None = None,
) -> Plan:
    """The plan for ``document``: entities, roles, pseudonyms and every replacement.

    ``chosen_pseudonyms`` maps a mention's text to the pseudonym a reviewer chose for its entity. ``earlier`` is
    the plan made before a reviewer's decisions: an entity they leave as it was keeps its numbered pseudonym
    ("Social Worker 2" stays so when a missed name is added before it), and new ones take numbers no one had."""
    config = config or ReportConfig()
    policy = policy or load_policy()
    draft_text = document.text  # what mentions and replacements quote
    document = _as_read(document)  # what the role readers read
    text = document.text
    mentions = merge_overlaps(draft_text, findings)
    clustering = cluster_mentions(text, mentions, role_hint(text, mentions))
    clusters = list(clustering.clusters)
    named = find_named_roles(document, clusters, config)
    clusters = sorted(clusters + split_loose_mentions(named.roles, clusters), key=lambda c: c.start)
    role_result = infer_roles(document, clusters, config)
    adult_subject = reviews_an_adult(document) and not reviews_a_child(document)  # "Mr Quill" is the review's man
    grown = split_titled_adults(text, clusters, role_result.roles, adult_subject)
    clusters = sorted(clusters + grown, key=lambda c: c.start)
    roles = dict(role_result.roles)
    clusters = _kin_words_joined(clusters, roles)
    warnings = list(clustering.warnings) + list(role_result.warnings) + named.warnings
    warnings += _relatives_not_kept(named, roles)
    for cluster in named.panel_members:
        if cluster not in named.roles:
            roles[cluster] = "panel_member"
    book = PseudonymBook(several_holders([roles.get(c) or "adult" for c in clusters if c.label == "PERSON"]))
    drafts_label = None if config.subject else _subject_label(document)
    subjects = [c for c in clusters if roles.get(c) == "subject_child"]
    if drafts_label and _label_gives_the_initial(drafts_label, subjects):
        subjects[0].mentions.extend(_label_mentions(draft_text, drafts_label, clusters))
        subjects[0].mentions.sort(key=lambda m: m.start)
        other = _label_without_initial(drafts_label, subjects[0])
        warnings.append(
            f"the review's label {drafts_label!r} gives an initial of the child's names, and with the story's other "
            f"details an initial narrows who the child was: published as {other!r}; set subject.pseudonym in "
            "report.yaml to publish another label"
        )
        drafts_label = other
    letter = None if drafts_label else _initial_the_child_goes_by(text, subjects, clusters)
    if letter:  # a note's "Q translated some parts", of Quellie
        subjects[0].mentions.extend(_label_mentions(draft_text, letter, clusters))
        subjects[0].mentions.sort(key=lambda m: m.start)
    for initials in _initials_in_the_label(text, subjects, clusters):  # "SCR Child TQ" of Tobiah Quill
        subjects[0].mentions.extend(initials.mentions)
        subjects[0].mentions.sort(key=lambda m: m.start)
        clusters.remove(initials)
    subject_pseudonym = config.subject.pseudonym if config.subject else drafts_label or "Child A"
    book.reserve(subject_pseudonym)
    for pseudonym in _numbered_pseudonyms(earlier):
        book.reserve(pseudonym)
    exposed = _panel_bodies_the_story_names(clusters, named)  # warned of with the replacements, as a town is
    entities: list[Entity] = []
    ids: Counter[str] = Counter()
    for cluster in clusters:
        ids[cluster.label] += 1
        entity_id = f"{cluster.label.lower().replace('_', '-')}-{ids[cluster.label]}"
        entities.append(_entity(entity_id, cluster, roles, named, policy, book, subject_pseudonym, exposed))
    warnings += book.warnings
    entities = _as_before(entities, earlier)
    entities = _with_chosen_pseudonyms(entities, chosen_pseudonyms or {})
    replacements, kept, more_warnings = _replacements(draft_text, entities, policy, named.kept_spans)
    kept += [span for span in named.kept_spans if span.reason == STAFF_CODE]  # in the key: verify masks them
    return Plan(tuple(entities), tuple(replacements), tuple(kept), tuple(dict.fromkeys(warnings + more_warnings)))


def _relatives_not_kept(named: NamedRoles, roles: Mapping[Cluster, str]) -> list[str]:
    """A name read as a chair's or the author's from the words around it (not from report.yaml) whom the story
    also calls a relative ("his elder brother Augustus") is not kept: a leak of the family is worse than a missing
    named role, which the executive summary's check then reports. Returns the warnings."""
    warnings = []
    for cluster, (role, reason) in list(named.roles.items()):
        if is_family_role(roles.get(cluster)) and cluster not in named.configured:
            del named.roles[cluster]
            warnings.append(
                f"{cluster.mentions[0].text!r} was read as the {ROLE_NAMES[role]} ({reason}) but the draft also calls "
                f"them a relative ({roles[cluster].replace('_', ' ')}): pseudonymised, not kept; confirm the named "
                "roles in report.yaml"
            )
    return warnings


# "Serious Case Review: Child D", "... "CHILD C"", "In respect of Baby R"
_CHILD_LABEL = re.compile(r"\b(Child|CHILD|Baby|BABY)\s+([A-Z])\b")


def _subject_label(document: Document) -> str | None:
    """The label the draft's title page gives its subject ("Serious Case Review: Child D"), so that the
    child's name and the review's title tell the same story; "Adult A" for the subject of a domestic homicide or
    safeguarding adults review, whom "Child A" would misdescribe; None when it gives none, or several."""
    first_page = title_page(document)
    labels = {(m.group(1).title(), m.group(2)) for text in first_page for m in _CHILD_LABEL.finditer(text)}
    if len({letter for _, letter in labels}) == 1:
        return " ".join(min(labels))  # "Baby R" and "Child R" on one title page: "Child R"
    if not labels and reviews_an_adult(document) and not reviews_a_child(document):
        return "Adult A"
    return None


def _label_gives_the_initial(label: str, subjects: list[Cluster]) -> bool:
    """Whether the review's label for its one child is an initial of the child's names ("Baby Q" for Quellin, for
    Ebun Quill, or for Tobiah known as "Quin")."""
    letter = label.rsplit(" ", 1)[-1]
    return len(letter) == 1 and len(subjects) == 1 and letter in _initials_of_names(subjects[0])


def _initials_of_names(cluster: Cluster) -> set[str]:
    """The first letters of a person's first name, surname and every one-word name the draft calls them by."""
    names = [cluster.first, cluster.last] + [m.text for m in cluster.mentions if " " not in m.text.strip()]
    return {name.strip()[0].upper() for name in names if name and len(name.strip()) > 1}


_REVIEW_LABEL_SOURCE = "review label"
# before a letter that is not the child: "Appendix Q", "Plan B", "Mr Q", "Vitamin D"
_NOT_THE_CHILD = (
    r"(?i:appendix|annex|section|part|table|figure|plan|stage|level|grade|type|form|schedule|class|block|ward|room|"
    r"flat|unit|bay|zone|category|vitamin|hepatitis|group|option|model|tier|mr|mrs|ms|miss|mx|dr|adult|person|"
    r"sibling|young[ \t]+person)"
)


def _label_letter_spans(text: str, letter: str) -> list[tuple[int, int]]:
    """Where the draft writes the letter of its label for the child ("Child Q"), in the label ("SCR - CHILD Q") and
    alone as the child's name ("Q's mother", "When Q was ten weeks old"); not "Appendix Q" or "Mr Q"."""
    in_label = regex.compile(rf"(?<![\w'’])(?:Child|CHILD|Baby|BABY)[ \t]+(?P<letter>{letter})(?![\w'’-]|\.\w)")
    alone = regex.compile(rf"(?<![\w./&'’(-])(?<!{_NOT_THE_CHILD}[ \t])(?P<letter>{letter})"
                       r"(?![\w/&)-]|\.[ \t]*\p{Lu}|['’]\p{Lu})")
    return sorted({match.span("letter") for pattern in (in_label, alone) for match in pattern.finditer(text)})


def _label_mentions(text: str, label: str, clusters: list[Cluster]) -> list[Mention]:
    """The label's letter where the draft writes it for the child, and no mention covers it already."""
    letter = label.rsplit(" ", 1)[-1]
    taken = [(m.start, m.end) for c in clusters for m in c.mentions]
    spans = _label_letter_spans(text, letter)
    return [Mention(start, end, "PERSON", letter, 1.0, _REVIEW_LABEL_SOURCE) for start, end in spans
            if not any(s < end and start < e for s, e in taken)]  # fmt: skip


_INITIALS_LABEL = re.compile(r"\b(?:Child|CHILD|Baby|BABY)[ \t]+([A-Z]{2,3})\b")


def _initials_in_the_label(text: str, subjects: list[Cluster], clusters: list[Cluster]) -> list[Cluster]:
    """Clusters of nothing but the one subject child's initials, which the review's label gives ("SCR Child TQ"
    over Tobiah Quill): the child's, though the father's initials are the same."""
    if len(subjects) != 1:
        return []
    forms = {initials.upper() for initials in subjects[0].initials() if len(initials) > 1}
    labelled = {match.group(1) for match in _INITIALS_LABEL.finditer(text)} & forms
    return [c for c in clusters if c is not subjects[0] and c.label == "PERSON" and c.mentions
            and all(m.text.strip() in labelled for m in c.mentions)]  # fmt: skip


def _initial_the_child_goes_by(text: str, subjects: list[Cluster], clusters: list[Cluster]) -> str | None:
    """The letter notes write alone for the one subject child, as the subject of what people do ("Z translated some
    parts", of Quellie): an initial of the child's names (``_initials_of_names``) that is no other person's."""
    if len(subjects) != 1:
        return None
    people = [c for c in clusters if c is not subjects[0] and c.label == "PERSON"]
    others = set().union(*(_initials_of_names(c) for c in people))
    own = _initials_of_names(subjects[0]) - others - {"A", "I"}
    return next((letter for letter in sorted(own) if acts_alone(text, letter)), None)


def _label_without_initial(label: str, subject: Cluster) -> str:
    """The label's word with the first letter that is no initial of the child's names: "Child A" ("Child B" for
    Amelia Quill)."""
    initials = _initials_of_names(subject)
    return f"{label.rsplit(' ', 1)[0]} {next(c for c in 'ABCDEFGHJKMNPRSTUVWXYZ' if c not in initials)}"


def _panel_bodies_the_story_names(clusters: list[Cluster], named) -> set[Cluster]:  # type: ignore[no-untyped-def]
    """Panel organisations whose own word the story uses for a body or a person it pseudonymises: the table's
    "Quellmoor Women's Aid" beside a story's "the Quellmoor refuge" would say which refuge it was."""
    kept = {c for c in clusters if c.label == "ORGANISATION" and c not in named.roles
            and _kept_reason(c, named.kept_spans)}  # fmt: skip
    # a body the story names, or a lone word a reader took for a person ("Quellmoor agreed to fund ..."); not a
    # person's surname ("Di Fox" is no "Fox Lane Trust")
    lone = [c for c in clusters if c.label == "PERSON" and all(" " not in m.text.strip() for m in c.mentions)]
    bodies = [c for c in clusters if c.label == "ORGANISATION"] + lone
    story = {word for c in bodies if c not in kept and c not in named.roles and c not in named.panel_members
             for m in c.mentions for word in _own_words(m.text)}  # fmt: skip
    return {c for c in kept if any(_own_words(m.text) & story for m in c.mentions)}


def _own_words(name: str) -> set[str]:
    """The words of a name that are no common word of a report: "quellmoor" of "Quellmoor Women's Aid"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    vocab = vocabulary()
    return {fold(w) for w in words if len(w) > 2 and not vocab.is_vocabulary_word(w) and fold(w) not in STOP_WORDS}


def _entity(entity_id, cluster: Cluster, roles, named, policy: Policy, book: PseudonymBook, subject: str,  # type: ignore[no-untyped-def]
            exposed: set[Cluster] = frozenset()) -> Entity:  # type: ignore[assignment]
    mentions = tuple(sorted(cluster.mentions, key=lambda m: m.start))
    base = Entity(entity_id, cluster.label, mentions)
    if cluster in named.roles:
        role, reason = named.roles[cluster]
        held = tuple(sorted(named.also.get(cluster, {role})))
        return Entity(entity_id, cluster.label, mentions, role, None, Action.KEEP, True, reason, held)
    # a surgery or school a panel member works for is the family's own, as often as not: it is no statutory body
    local = cluster.label in _LOCAL_SERVICES or cluster in exposed
    kept_reason = None if local else _kept_reason(cluster, named.kept_spans)
    if kept_reason:
        return Entity(entity_id, cluster.label, mentions, None, None, Action.KEEP, True, kept_reason)
    treatment = policy.for_label(cluster.label)
    if treatment.action is Action.KEEP:
        return Entity(entity_id, cluster.label, mentions, None, None, Action.KEEP, True, "policy: kept")
    if treatment.action is not Action.PSEUDONYMISE:
        role = cluster.label.lower()
        return Entity(entity_id, cluster.label, mentions, role, treatment.placeholder, treatment.action)
    if cluster.label == "PERSON":
        if cluster.ambiguous:
            role, pseudonym = "family_member", _vague(cluster, roles)
        else:
            role, pseudonym = book.for_role(roles.get(cluster) or "adult", f"{mentions[0].text!r}", subject)
        return Entity(entity_id, "PERSON", mentions, role, pseudonym, Action.PSEUDONYMISE)
    if cluster.label in PLACE_STEMS:
        longest = max((m.text for m in mentions), key=len)
        pseudonym = book.for_place(cluster.label, longest)
        return Entity(entity_id, cluster.label, mentions, PLACE_ROLES[cluster.label], pseudonym)
    return Entity(entity_id, base.label, mentions, cluster.label.lower(), treatment.placeholder, Action.REMOVE)


def _kin_words_joined(clusters: list[Cluster], roles: dict[Cluster, str]) -> list[Cluster]:
    """A person the draft names only by another language's word for a one-only relation ("Hooyo" in a child's
    words), and by titled surnames, is the one other person of that relation (the mother named in full); so is one
    named only by the surname they share ("Ms Pelbury (the maternal grandmother)", and "Agatha Pelbury")."""
    for cluster in list(clusters):
        role = roles.get(cluster)
        kind = KINDS.get(role or "")
        if kind is None or kind.numbering != "unique" or any(" " in m.text.strip() for m in cluster.mentions):
            continue
        holders = [c for c in clusters if c is not cluster and roles.get(c) == role]
        kin_word = any(kin_word_of_another_language(m.text) == role for m in cluster.mentions)
        surname = len(holders) == 1 and cluster.first is None and cluster.last is not None
        if len(holders) == 1 and (kin_word or surname and holders[0].last == cluster.last):
            holders[0].mentions = sorted([*holders[0].mentions, *cluster.mentions], key=lambda m: m.start)
            clusters.remove(cluster)
    return clusters


_NUMBERED = re.compile(r"\s(?:\d+|[A-Z]{1,2})$")


def _numbered_pseudonyms(plan: Plan | None) -> set[str]:
    """The numbered or lettered pseudonyms of ``plan`` ("Social Worker 2", "Town B"; not "Mother")."""
    return {e.pseudonym for e in plan.entities if e.pseudonym and _NUMBERED.search(e.pseudonym)} if plan else set()


def _as_before(entities: list[Entity], earlier: Plan | None) -> list[Entity]:
    """Each entity with a mention where one entity of ``earlier`` had one, of the same label and role, keeps that
    entity's numbered pseudonym, unless another entity already took it."""
    if earlier is None:
        return entities
    before = {m.start: e for e in earlier.entities for m in e.mentions}
    numbered = _numbered_pseudonyms(earlier)
    taken = {e.pseudonym for e in entities if e.pseudonym and e.pseudonym not in numbered}
    out: list[Entity] = []
    for entity in entities:
        matches = {id(before[m.start]): before[m.start] for m in entity.mentions if m.start in before}
        match = next(iter(matches.values())) if len(matches) == 1 else None
        same = match is not None and (match.label, match.role) == (entity.label, entity.role)
        if same and match.pseudonym in numbered and match.pseudonym not in taken:
            entity = replace(entity, pseudonym=match.pseudonym)
        taken.add(entity.pseudonym)
        out.append(entity)
    return out


def _with_chosen_pseudonyms(entities: list[Entity], chosen: Mapping[str, str]) -> list[Entity]:
    """Give each entity a reviewer named by one of its mentions the chosen pseudonym, for all its mentions.

    Fails closed: a choice that names no pseudonymised entity, or a pseudonym another entity already has."""
    if not chosen:
        return entities
    wanted = {" ".join(text.split()).casefold(): pseudonym for text, pseudonym in chosen.items()}
    out: list[Entity] = []
    for entity in entities:
        texts = sorted({" ".join(t.split()).casefold() for t in entity.texts} & wanted.keys())
        if texts and entity.action is not Action.PSEUDONYMISE:
            raise ConfigError(f"a pseudonym was chosen for {entity.texts[0]!r}, which is not pseudonymised")
        out.append(replace(entity, pseudonym=wanted[texts[0]]) if texts else entity)
        for text in texts:
            del wanted[text]
    if wanted:
        raise ConfigError(f"pseudonym decision for text that is no found mention: {', '.join(sorted(wanted))}")
    for pseudonym in set(chosen.values()):
        if sum(1 for e in out if e.pseudonym == pseudonym) > 1:
            raise ConfigError(f"the chosen pseudonym {pseudonym!r} would stand for two entities")
    return out


def _vague(cluster: Cluster, roles: dict) -> str:  # type: ignore[type-arg]
    """A pseudonym for a name that could be one of several people, that does not say which."""
    kinds = [KINDS.get(roles.get(c) or "adult") for c in cluster.candidates]
    if all(k is not None and k.family for k in kinds):
        return "a family member"
    if all(k is not None and not k.family for k in kinds):
        return "a professional"
    return "a person"


_LOCAL_SERVICES = frozenset({"GP_PRACTICE", "SCHOOL"})


def _kept_reason(cluster: Cluster, kept_spans: list[KeptSpan]) -> str | None:
    """The reason to keep a cluster all of whose mentions lie inside kept spans (panel titles, bodies)."""
    reasons = []
    for mention in cluster.mentions:
        inside = [s.reason for s in kept_spans if s.start <= mention.start and mention.end <= s.end]
        if not inside:
            return None
        reasons.append(inside[0])
    return reasons[0] if reasons else None


def _replacements(
    text: str, entities: list[Entity], policy: Policy, statutory: list[KeptSpan] = ()  # type: ignore[assignment]
) -> tuple[list[Replacement], list[KeptSpan], list[str]]:
    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    replacements: list[Replacement] = []
    kept: list[KeptSpan] = []
    warnings: list[str] = []
    # a date in the month someone was born shows only its year: "in October 2017" beside "born in [date of birth]"
    # would give the birth month back
    birth_months = {generalise_date(m.text) for e in entities if e.label == "DATE_OF_BIRTH" for m in e.mentions}
    husbands = _husbands(text, entities)
    for entity in entities:
        for mention in entity.mentions:
            if entity.kept:
                kept.append(KeptSpan(mention.start, mention.end, mention.text, entity.keep_reason or "", entity.id))
                replacements.append(_make(mention, entity, mention.start, mention.end, text, mention.text,
                                          Action.KEEP, entity.keep_reason or "", "keep", {}))  # fmt: skip
                continue
            # A town the report pseudonymises is pseudonymised in a panel member's organisation too: "Hallbridge
            # Borough Council" in the panel table beside "Town B Borough Council" in the text would say who Town B is.
            cell = next((s for s in statutory if s.start <= mention.start and mention.end <= s.end), None)
            if cell:
                warnings.append(
                    f"the panel's {' '.join(cell.text.split())!r} names {mention.text!r}, which the report "
                    f"pseudonymises: written {entity.pseudonym!r} there too (a reviewer may keep it)"
                )
            replacements.append(_plan_one(text, entity, mention, taken, policy, warnings, birth_months=birth_months,
                                          husbands=husbands))
    replacements = _without_overlaps(text, entities, replacements, taken, policy, warnings)
    return _nicknames_joined(text, replacements), kept, warnings


# between a first name and its bracketed or quoted nickname, and after the nickname: 'Dorcas ("Dorry") Quill'; or
# her former surname: "Dorcas Quill (née Pelbury)"
# (spaces only: a tab ends a table's cell, and a change across it would take the next cell with it)
_NICKNAME_OPENS = re.compile(r"[ ]*(?:\([ ]*(?:(?:née|nee|formerly|previously)[ ]+)?[\"“‘']?|[\"“‘'])")
_NICKNAME_CLOSES = re.compile(r"[\"”’']?[ ]*\)|[\"”’']")
_NICKNAME_ENDS = re.compile(r"[\"”’']?[ ]*\)?[ ]+")  # between the nickname and the surname


def _nicknames_joined(text: str, replacements: list[Replacement]) -> list[Replacement]:
    """A name, its nickname in brackets or quotes and its surname, all one person's, as one change: 'Dorcas
    ("Dorry") Quill' -> "Mother", not 'Mother ("Mother") Mother'; "Dorcas Quill (née Pelbury)" -> "Mother"."""
    joined: list[Replacement] = []
    index = 0
    while index < len(replacements):
        first = replacements[index]
        run = [first]
        for following in replacements[index + 1 : index + 3]:
            gap = text[run[-1].end : following.start]
            joins = _NICKNAME_OPENS.fullmatch(gap) if len(run) == 1 else _NICKNAME_ENDS.fullmatch(gap)
            if following.entity_id != first.entity_id or following.operator != "pseudonymise" or not joins:
                break
            run.append(following)
        end = _end_of_nicknamed(text, run)
        if end is None or first.operator != "pseudonymise" or dict(first.params).get("footnote"):
            joined.append(first)
            index += 1
            continue
        if first.original.startswith(",") and not first.replacement and text.startswith(",", end):
            end += 1  # "Her mother, Dorcas Quill (née Pelbury), is" -> "Her mother is": the apposition's both commas
        result = Pseudonymise().operate(text[first.start : end], dict(first.params))
        joined.append(replace(first, end=end, original=text[first.start : end], replacement=result))
        index += len(run)
    return joined


def _end_of_nicknamed(text: str, run: list[Replacement]) -> int | None:
    """Where a name and its nickname (and surname) end, past the nickname's closing bracket or quote; None where
    there is no nickname, or its brackets say more ('Ebun ("Ebi", aged 12)')."""
    if len(run) == 3:
        return run[-1].end
    closing = _NICKNAME_CLOSES.match(text, run[-1].end) if len(run) == 2 else None
    if closing is None or ("(" in text[run[0].end : run[1].start] and ")" not in closing.group()):
        return None
    return closing.end()


def _swallowed(replacements: list[Replacement]) -> set[int]:
    """Indexes of collar-number changes that their officer's pseudonym takes in ("PC 4471 Drabble" -> "Police
    Officer 1"): one officer is one pseudonym, with no "[case reference]" beside it."""
    people = [r for r in replacements if r.entity_type == "PERSON" and r.action is Action.PSEUDONYMISE]
    return {
        i for i, r in enumerate(replacements)
        if r.entity_type == "CASE_REFERENCE" and any(p.start <= r.start and r.end <= p.end for p in people)
    }  # fmt: skip


def _without_overlaps(text, entities, replacements, taken, policy, warnings) -> list[Replacement]:  # type: ignore[no-untyped-def]
    """Where a person's widened span ("Dr X, Consultant" read as one phrase) runs into another change, both
    fall back to their mentions' own spans; anything still overlapping is a bug."""
    by_id = {e.id: e for e in entities}
    swallowed = _swallowed(replacements)
    replacements = sorted(
        (r for i, r in enumerate(replacements) if i not in swallowed), key=lambda r: r.start
    ) + [replacements[i] for i in sorted(swallowed)]  # a swallowed change comes back if its officer's span shrinks
    outer = len(replacements) - len(swallowed)
    clashing = {i for i, (a, b) in enumerate(zip(replacements[:outer], replacements[1:outer], strict=False))
                if b.start < a.end}  # fmt: skip
    clashing |= {i + 1 for i in clashing}
    for i in sorted(clashing):
        r = replacements[i]
        entity = by_id[r.entity_id]
        mention = next((m for m in entity.mentions if r.start <= m.start and m.end <= r.end), None)
        if mention is not None and r.action is Action.PSEUDONYMISE:
            replacements[i] = _plan_one(text, entity, mention, taken, policy, warnings, widen=False)
    swallowed = _swallowed(replacements)
    replacements = sorted((r for i, r in enumerate(replacements) if i not in swallowed), key=lambda r: r.start)
    for previous, current in zip(replacements, replacements[1:], strict=False):
        if current.start < previous.end:
            raise InternalError(f"overlapping replacements at offset {current.start}")
    return replacements


def _plan_one(text, entity: Entity, mention: Mention, taken, policy: Policy, warnings: list[str], widen: bool = True, birth_months: set[str | None] = frozenset(), husbands: Mapping[str, str] = {}) -> Replacement:  # type: ignore[no-untyped-def, assignment]  # noqa: E501
    start, end = mention.start, mention.end
    if entity.action is Action.PSEUDONYMISE:
        pseudonym = entity.pseudonym or ""
        drop = False
        if entity.label == "PERSON" and widen:
            span = person_span(text, start, end, entity.role, taken)
            start, end, drop = span.start, span.end, span.drop_name
            if span.household:  # "stayed with the Knotleys" -> "stayed with the family"
                pseudonym = "family"
            if span.couple:  # "Mr and Mrs Quill" -> "Father and Mother", or "Adult 3 and her husband"
                husband = husbands.get(_surname(mention.text))
                pseudonym = f"{husband} and {pseudonym}" if husband else f"{pseudonym} and her husband"
        elif entity.label in _NUMBERED_PLACES and widen:
            article = _THE_BEFORE.search(text, max(0, start - 5), start)
            start = article.start() if article else start  # "taken to the Quellbury Royal" -> "to Hospital 1"
        params = {"pseudonym": pseudonym, "sentence_start": at_sentence_start(text, start), "drop_name": drop}
        footnote = footnote_after(text, end)
        if footnote:  # "Dr McBride4," -> "Dr Paediatrician 1[4],", not "Paediatrician 14"
            params["footnote"] = footnote
            end += len(footnote)
        result = Pseudonymise().operate(text[start:end], params)
        reason = f"{entity.role or entity.label.lower()}: pseudonym {pseudonym!r}"
        if drop:
            reason += " (name dropped: the role words before it already say who)"
        return _make(mention, entity, start, end, text, result, Action.PSEUDONYMISE, reason, "pseudonymise", params)
    treatment = policy.for_label(entity.label)
    if entity.action is Action.GENERALISE and entity.label in ("DATE", "AGE"):
        is_date = entity.label == "DATE"
        granularity = treatment.granularity or "month_year"
        if is_date and generalise_date(mention.text, granularity) in birth_months - {None}:
            granularity = "year"
        # the nearest date with a year on its line or just before: a PDF's columns may set a row's end apart
        window = min(text.rfind("\n", 0, start) + 1, max(0, start - _YEAR_REACH))
        dated_before = last_dated(text[window:start]) if is_date else None
        readable = generalise_date(mention.text, granularity, dated_before) if is_date else generalise_age(mention.text)
        params: dict[str, object] = {"placeholder": treatment.placeholder}
        if is_date:
            params |= {"granularity": granularity, "dated_before": dated_before}
        operator = "generalise_date" if is_date else "generalise_age"
        on_before = _ON_BEFORE.search(text, max(0, start - 20), start) if is_date else None
        if on_before and readable is not None and readable != mention.text:
            start = on_before.start()  # "on 3 May 2019" -> "in May 2019", "(on) Saturday 7 March" -> "(in) March"
        result = (GeneraliseDate() if is_date else GeneraliseAge()).operate(text[start:end], params)
        if readable is None:
            warnings.append(f"could not read {entity.label} {mention.text!r} at offset {start}: removed")
            return _make(mention, entity, start, end, text, result, Action.REMOVE, "policy: unreadable, removed",
                         operator, params)  # fmt: skip
        if result == mention.text and not is_date:
            return _make(mention, entity, start, end, text, result, Action.KEEP, "policy: age in whole years kept",
                         "keep", {})  # fmt: skip
        what = "month and year" if granularity == "month_year" else "year (a birth month)"
        what = what if is_date else "whole years"
        return _make(mention, entity, start, end, text, result, Action.GENERALISE, f"policy: {what}", operator, params)
    placeholder = treatment.placeholder
    return _make(mention, entity, start, end, text, placeholder, Action.REMOVE, f"policy: {entity.label} removed",
                 "replace", {"new_value": placeholder})  # fmt: skip


_YEAR_REACH = 300  # how far before a date without a year the date that gives it its year may stand
_ON_BEFORE = re.compile(rf"(?<![\w])(?:[Oo]n\s+(?:{WEEKDAY_WORD})?|{WEEKDAY_WORD})$")
_THE_BEFORE = re.compile(r"(?<![\w'’-])(?:the|The|THE)[ \t]+$")
# a numbered place's pseudonym is a proper name that takes no article: "at Hospital 1", not "at the Hospital 1"
_NUMBERED_PLACES = frozenset(PLACE_STEMS) - {"LOCATION"}


def _husbands(text: str, entities: Sequence[Entity]) -> dict[str, str]:
    """The pseudonym of each man the draft calls "Mr <surname>", by surname, where only one man is so called."""
    found: dict[str, set[str]] = {}
    for entity in entities:
        if entity.label != "PERSON" or entity.action is not Action.PSEUDONYMISE or not entity.pseudonym:
            continue
        for mention in entity.mentions:
            if _MISTER_BEFORE.search(text, max(0, mention.start - 5), mention.start):
                found.setdefault(_surname(mention.text), set()).add(entity.pseudonym)
    return {surname: next(iter(held)) for surname, held in found.items() if len(held) == 1}


def _surname(name: str) -> str:
    return strip_possessive(name)[0].split()[-1].lower() if name.split() else ""


_MISTER_BEFORE = re.compile(r"(?<![\w'’])Mr\.?[ \t]+$")


def _make(mention, entity, start, end, text, replacement, action, reason, operator, params) -> Replacement:  # type: ignore[no-untyped-def]
    return Replacement(
        start=start, end=end, original=text[start:end], replacement=replacement, entity_id=entity.id,
        entity_type=entity.label, recogniser=mention.source, score=mention.score, action=action, reason=reason,
        operator=operator, params=tuple(sorted(params.items())),
    )  # fmt: skip


__all__ = ["resolve", "merge_overlaps", "inflect", "strip_possessive"]
