"""A name typed with one letter wrong is the same name.

Drafts are typed under deadline: "Quelbarrow Farm" three pages after "Quellbarrow Farm", "Quarrell" once as "Quarel".
Propagation finds a name where it is written as found; this finds it where one letter is missing, added, changed
or swapped, for the words of found names that no dictionary holds and that are long enough for one slip to leave
them unmistakable (six letters or more). The typed word must be written with a capital, never in lower case in the
draft, and be no English word or known place: "Marshall" does not make "Marshal" a name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import regex as re

from redact.detect.finding import Finding, covered, is_free
from redact.detect.gazetteer import fold, lowercase_words, uk_places
from redact.lexicon import english_words

SOURCE = "typo"
SCORE = 0.6
_MIN_LETTERS = 6
_CAPITALISED = re.compile(r"(?<![\w'’-])\p{Lu}\p{Ll}[\p{Ll}'’]*(?:-\p{Lu}\p{Ll}+)?(?![\w'’-])")
_WORD = re.compile(r"\p{L}[\p{L}'’-]*")
_NAMED_LABELS = frozenset({"PERSON", "ADDRESS", "ORGANISATION", "HOSPITAL", "SCHOOL", "GP_PRACTICE", "LOCATION"})


def typo_findings(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """The found names' occurrences with one letter typed wrong, each with the label of the name it misspells: the
    whole phrase where the rest of it is written as found ("Quelbarrow Farm"), else the word alone."""
    found = [f for f in findings if f.label in _NAMED_LABELS]
    spans, ends = covered(found)
    typed = _typed_words(text, spans, ends)
    if not typed:
        return []
    by_deletion = _deletion_index(typed)
    added: list[Finding] = []
    for finding in found:
        for word in {w.group() for w in _WORD.finditer(finding.text) if _distinctive(w.group())}:
            for typo in _one_slip_from(word, by_deletion):
                added += _occurrences(text, finding, word, typo, spans, ends)
    return _without_overlaps(added)


def _typed_words(text: str, spans: list[tuple[int, int]], ends: list[int]) -> dict[str, list[int]]:
    """Capitalised words of the draft, outside every finding, that could be a slip of a name: where each stands."""
    lower = lowercase_words(text)
    words: dict[str, list[int]] = defaultdict(list)
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if len(word) >= _MIN_LETTERS and is_free(spans, ends, *match.span()) and fold(word) not in lower:
            words[word].append(match.start())
    return {w: starts for w, starts in words.items() if _distinctive(w)}


def _distinctive(word: str) -> bool:
    folded = fold(word)
    return len(folded) >= _MIN_LETTERS and folded not in english_words() and folded not in uk_places()


def _deletion_index(words: Iterable[str]) -> dict[str, set[str]]:
    """Each folded word, and each form of it with one letter taken out, to the words that give it."""
    index: dict[str, set[str]] = defaultdict(set)
    for word in words:
        for form in _with_one_deleted(fold(word)) | {fold(word)}:
            index[form].add(word)
    return index


def _with_one_deleted(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_slip_from(word: str, by_deletion: dict[str, set[str]]) -> Iterator[str]:
    """The typed words one letter from ``word``: one missing, added, changed or two swapped."""
    folded = fold(word)
    candidates = set().union(*(by_deletion.get(form, set()) for form in _with_one_deleted(folded) | {folded}))
    yield from (c for c in sorted(candidates) if fold(c) != folded and _one_edit_apart(folded, fold(c)))


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) != 2:
            return len(diffs) == 1
        first, second = diffs
        return second == first + 1 and (a[first], a[second]) == (b[second], b[first])  # two letters swapped
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _occurrences(
    text: str, finding: Finding, word: str, typo: str, spans: list[tuple[int, int]], ends: list[int]
) -> Iterator[Finding]:
    """Where the draft writes the finding with ``typo`` for ``word``; for a person, the typo alone anywhere too."""
    phrase = re.escape(finding.text.replace(word, typo)).replace(r"\ ", r"\s+")
    whole = list(re.finditer(rf"(?<![\w'’-]){phrase}(?![\w'’-])", text))
    alone = re.finditer(rf"(?<![\w'’-]){re.escape(typo)}(?![\w'’-])", text) if finding.label == "PERSON" else ()
    for match in (*whole, *alone):
        if is_free(spans, ends, *match.span()):
            yield Finding(match.start(), match.end(), finding.label, match.group(), SCORE, SOURCE)


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
    return kept
