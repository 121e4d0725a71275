"""Group mentions into entities: one person however they are named, one place however it is written."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from redact.resolve.model import Mention
from redact.resolve.names import (
    TITLE_BEFORE,
    NameParts,
    initial_match,
    name_gender,
    near_spelling,
    nickname_match,
    parse_name,
    strip_possessive,
    title_gender,
)


@dataclass(eq=False)
class Cluster:
    label: str
    mentions: list[Mention] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    titles: set[str] = field(default_factory=set)
    ambiguous: bool = False  # a surname-only mention that could be one of several people
    candidates: tuple[Cluster, ...] = ()  # for an ambiguous cluster: the clusters it could be
    names: set[tuple[str, ...]] = field(default_factory=set)  # token sequences of its full-name mentions

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)

    def gender(self) -> str | None:
        return title_gender(sorted(self.titles)) or (name_gender(self.first) if self.first else None)


@dataclass(frozen=True)
class Clustering:
    clusters: tuple[Cluster, ...]  # ordered by first appearance
    warnings: tuple[str, ...]


def title_before(text: str, start: int) -> str:
    match = TITLE_BEFORE.search(text[max(0, start - 40) : start])
    return match.group(0) if match else ""


def normalise(text: str) -> str:
    """Key for non-person mentions: case, whitespace, possessive and a leading "the" ignored."""
    bare, _ = strip_possessive(" ".join(text.split()))
    bare = re.sub(r"^the\s+", "", bare, flags=re.IGNORECASE)
    return re.sub(r"[^\w]+", " ", bare.lower()).strip()


RoleHint = Callable[[Cluster], "str | None"]
CHILD_ROLES = frozenset({"subject_child", "sibling", "child"})
ADULT_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "sir", "dame", "lady", "lord"})
_ALIAS = re.compile(
    r"(?:\bcall(?:ed)?|\brefer(?:red)? to (?:him |her |them )?as|\bknown(?: [\w ]{1,30}?)? as|here(?:in)?after)"
    r"\s*[\"“‘']?$|\(\s*[\"“‘']?$",
    re.IGNORECASE,
)


def cluster_mentions(text: str, mentions: list[Mention], hint: RoleHint | None = None) -> Clustering:
    """Cluster mentions; ``hint`` gives a provisional role for a person cluster (used to resolve surnames)."""
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    persons, warnings = _cluster_people(text, people, hint or (lambda c: None))
    persons = _merge_aliases(text, persons)
    clusters = persons + _cluster_others(others)
    clusters.sort(key=lambda c: c.start)
    return Clustering(tuple(clusters), tuple(warnings))


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def _cluster_people(text: str, mentions: list[Mention], hint: RoleHint) -> tuple[list[Cluster], list[str]]:
    parsed = [(m, parse_name(m.text, title_before(text, m.start))) for m in sorted(mentions, key=lambda m: m.start)]
    clusters: list[Cluster] = []
    warnings: list[str] = []
    # Full names first (whole first names, then initials), so that lone names find the people they shorten.
    for whole_first in (True, False):
        for mention, parts in parsed:
            if not parts.is_full or (len(parts.first or "") > 1) != whole_first:
                continue
            _add_full(clusters, mention, parts)
    roles = {id(c): hint(c) for c in clusters}
    ambiguous: dict[tuple[str, str | None], Cluster] = {}
    for mention, parts in parsed:
        if parts.is_full:
            continue
        if parts.single is None:  # nothing name-like inside the span: its own person
            clusters.append(Cluster("PERSON", [mention], titles=set(parts.titles)))
            continue
        target = _pick_for_single(text, clusters, mention, parts, roles)
        if isinstance(target, Cluster):
            target.mentions.append(mention)
            target.titles.update(parts.titles)
        elif target:  # several candidates remain
            key = (parts.single, title_gender(list(parts.titles)))
            if key not in ambiguous:
                ambiguous[key] = Cluster("PERSON", [], ambiguous=True, candidates=tuple(target))
                clusters.append(ambiguous[key])
                warnings.append(
                    f"ambiguous name {mention.text!r} at offset {mention.start}: it could be any of "
                    f"{len(target)} people; given a pseudonym that does not say which"
                )
            ambiguous[key].mentions.append(mention)
            ambiguous[key].titles.update(parts.titles)
        else:
            is_surname = bool(parts.titles)
            clusters.append(
                Cluster(
                    "PERSON",
                    [mention],
                    first=None if is_surname else parts.single,
                    last=parts.single if is_surname else None,
                    titles=set(parts.titles),
                )
            )
    return clusters, warnings


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _add_full(clusters: list[Cluster], mention: Mention, parts: NameParts) -> None:
    first, last = parts.first or "", parts.last or ""
    matches = [
        c
        for c in clusters
        if c.last == last
        and c.first
        and (nickname_match(c.first, first) or initial_match(first, c.first) or initial_match(c.first, first))
    ]
    if not matches:  # "Van Thanh" inside "Nguyen Van Thanh"; "Tyler Price" for "Tyler Pryce"
        inside = [c for c in clusters if any(_contains(n, parts.tokens) for n in c.names)]
        misspelt = [c for c in clusters if c.first == first and c.last and near_spelling(c.last, last)]
        matches = inside if len(inside) == 1 else misspelt if len(misspelt) == 1 else []
    if len(matches) == 1 or (matches and len(first) > 1):
        target = matches[0]
        if len(first) > 1 and len(target.first or "") == 1:
            target.first = first
    else:
        target = Cluster("PERSON", first=first, last=last)
        clusters.append(target)
    target.mentions.append(mention)
    target.titles.update(parts.titles)
    target.names.add(parts.tokens)


def _pick_for_single(
    text: str, clusters: list[Cluster], mention: Mention, parts: NameParts, roles: dict[int, str | None]
) -> Cluster | list[Cluster] | None:
    """The one cluster a one-word mention joins; the candidates if ambiguous; None if it is someone new."""
    token = parts.single or ""
    people = [(i, c) for i, c in enumerate(clusters) if not c.ambiguous]
    by_first = [
        (i, c)
        for i, c in people
        if c.first
        and (c.first == token or len(c.first) > 1 and nickname_match(token, c.first))
        and (len(token) > 1 or not c.last)  # a lone initial is not "J. Hardcastle"
    ]
    by_last = [(i, c) for i, c in people if c.last == token]
    order = (by_last, by_first) if parts.titles else (by_first, by_last)
    candidates = order[0] or order[1]
    if not candidates and parts.initials:
        candidates = [(i, c) for i, c in people if c.first and c.last and (c.first[0] + c.last[0]) == parts.initials]
        candidates = candidates or [(i, c) for i, c in people if c.first == parts.initials and not c.last]
    gender = title_gender(list(parts.titles))
    if gender and candidates:
        candidates = [(i, c) for i, c in candidates if c.gender() in (gender, None)]
    if len(candidates) > 1 and ADULT_TITLES & set(parts.titles):  # "Ms Smith" is not the child
        adults = [(i, c) for i, c in candidates if roles.get(id(c)) not in CHILD_ROLES]
        candidates = adults or candidates
    if len(candidates) > 1:
        para_start, para_end = _paragraph(text, mention.start)
        nearby = [(i, c) for i, c in candidates if any(para_start <= m.start < para_end for m in c.mentions)]
        candidates = nearby if len(nearby) == 1 else candidates
    if len(candidates) > 1:  # the one already introduced
        earlier = [(i, c) for i, c in candidates if c.start < mention.start]
        candidates = earlier if len(earlier) == 1 else candidates
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0][1]
    return [c for _, c in candidates]


def _merge_aliases(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """ "Ana-Maria, whom I shall call A" / "Elena Dragomir ("M")": the alias is the same person."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    ordered = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    for previous, mention in zip(ordered, ordered[1:], strict=False):
        gap = text[previous.end : mention.start]
        alias_cue = _ALIAS.search(gap)
        if len(gap) > 60 or "\n" in gap or not alias_cue:
            continue
        if alias_cue.group(0).startswith("(") and not re.match(r"[\"”’']?\s*\)", text[mention.end :]):
            continue
        if re.search(r"[.;]\s", gap):
            continue
        alias, named = owner[id(mention)], owner[id(previous)]
        if alias is named or alias.ambiguous or named.ambiguous:
            continue
        if alias.first and alias.last and named.first and named.last:
            continue  # two full names: not an alias
        named.mentions += alias.mentions
        named.titles |= alias.titles
        named.names |= alias.names
        for m in alias.mentions:
            owner[id(m)] = named
        alias.mentions = []
    return [c for c in clusters if c.mentions]


def _cluster_others(mentions: list[Mention]) -> list[Cluster]:
    groups: dict[tuple[str, str], Cluster] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        key = (mention.label, normalise(mention.text) or mention.text)
        groups.setdefault(key, Cluster(mention.label)).mentions.append(mention)
    # A shortened name ("Oakfield Primary") joins the one longer name it begins ("Oakfield Primary School").
    by_label: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for label, norm in groups:
        by_label[label].append((label, norm))
    for keys in by_label.values():
        for key in sorted(keys, key=lambda k: len(k[1])):
            longer = [k for k in keys if k != key and k in groups and k[1].startswith(key[1] + " ")]
            if len(longer) == 1 and key in groups and len(key[1]) >= 4:
                groups[longer[0]].mentions.extend(groups.pop(key).mentions)
    return list(groups.values())
