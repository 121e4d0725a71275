"""Name-variant propagation: once a name is found anywhere, find every other occurrence of it.

For each PERSON finding the variants are the full name, its first and last words, each word alone,
the halves of hyphenated words, nicknames (``nicknames`` package) and capitalised prefixes that are
first names themselves ("Jay" for "Jayden"). Other labels propagate their exact text.

Rules (a leak is worse than an over-redaction, but report words must survive):

* matching ignores case, but an occurrence must start with a capital ("Kelly", "KELLY"; not "kelly");
* the span never includes a possessive ("Jayden's" -> "Jayden");
* a variant that is part of a hyphenated word covers the whole word: "Kelly" found means "Kelly-Ann"
  is found (the rest of the word would otherwise be left showing); "Kelly" never matches inside
  "Kellyanne";
* a *distinctive* word (not common English, not a job, agency or heading word) is found anywhere;
* a *common* word ("Young", "Grace", "May") is found only after a title ("Mrs Young"),
  or capitalised inside a sentence with no capitalised neighbour ("asked Grace", not "Young People's
  Service", "Grace Academy" or "May 2019");
* a job, agency or heading word ("Ward", "Page") is found only after a title;
* initials ("K.S.", "M.", "KS") match exactly; a bare letter ("A", "D", from "whom I shall call A")
  matches as a capital standing alone, not after a label noun ("Appendix A", "Child A"), never "I",
  and "A" opening a sentence only where it cannot be the article ("A attended", "A was");
* a found name followed by an initial ("Amir B") covers it, and an unknown capitalised word right
  before a found surname ("Lily JONES") is taken as a first name of that family;
* occurrences inside a kept phrase (job title, agency, pseudonym, ...) are not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from nicknames import NickNamer

from redact.config import ReportConfig
from redact.detect.finding import Finding
from redact.detect.gazetteer import gazetteer
from redact.detect.keep import KeepFilter, alternation, vocabulary
from redact.detect.names import opens_sentence
from redact.document import Document

SOURCE = "propagation"
NICKNAME_SCORE = 0.6
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_LETTERS = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$")
# Words after which a capital "A" opening a sentence is a name, not the article.
_VERBS_AFTER_NAME = frozenset(
    [
        "and",
        "or",
        "was",
        "were",
        "is",
        "has",
        "had",
        "did",
        "does",
        "would",
        "could",
        "should",
        "will",
        "may",
        "might",
        "must",
        "can",
        "said",
        "told",
        "went",
        "saw",
        "became",
    ]
)


@dataclass(frozen=True)
class Variant:
    """One form of a found name to look for elsewhere."""

    text: str
    label: str
    score: float
    weak: bool  # a common word: needs a title or a capitalised mid-sentence position
    title_only: bool = False  # a job, agency or heading word: only after a title
    letters: bool = False  # initials or a single letter: matched exactly, with their own checks


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    titles = vocabulary().titles
    return re.compile(rf"(?:^|[^\w])(?:{alternation(titles)}|{alternation(t.upper() for t in titles)})\.?[ \t]+$")


def _clean_name(text: str) -> list[str]:
    """The words of a found name without titles, possessive or punctuation."""
    titles = {t.lower() for t in vocabulary().titles}
    words = [w.strip(".,;:()[]\"'“”‘’") for w in text.split()]
    words = [re.sub(r"['’][sS]$", "", w) for w in words if w]
    while words and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    return [w for w in words if w]


class _VariantBuilder:
    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.gaz = gazetteer()
        self.vocab = vocabulary()
        self.keep = KeepFilter(ReportConfig())
        self.words = frozenset(w.lower() for w in _WORD.findall(self.text))

    def is_weak(self, word: str) -> bool:
        return self.gaz.is_common_word(word, self.text) or self.vocab.is_vocabulary_word(word)

    def variants(self, finding: Finding) -> Iterator[Variant]:
        if finding.label != "PERSON":
            text = finding.text.strip()
            if len(text) >= 3 and not self.keep.is_kept(text):
                yield Variant(text, finding.label, finding.score, weak=False)
            return
        words = _clean_name(finding.text)
        if not words or self.keep.is_kept(" ".join(words)):
            return
        letters = finding.text.strip().strip(",;:()\"'“”")
        if _LETTERS.match(letters) and letters not in ("I", "I."):
            yield Variant(letters, "PERSON", finding.score, weak=False, letters=True)
            return
        named = [w for w in words if not _INITIAL.match(w)]
        if len(words) > 1:
            yield Variant(" ".join(words), "PERSON", finding.score, weak=False)
        if len(named) > 2:
            yield Variant(f"{named[0]} {named[-1]}", "PERSON", finding.score, weak=False)
        for word in self._parts(named):
            if len(word) < 2:
                continue
            if self.vocab.is_vocabulary_word(word) or self.keep.is_kept(word):
                yield Variant(word, "PERSON", finding.score, weak=True, title_only=True)
            else:
                yield Variant(word, "PERSON", finding.score, weak=self.is_weak(word))
        if named:
            for nickname in self._nicknames(named[0]):
                yield Variant(nickname, "PERSON", min(finding.score, NICKNAME_SCORE), weak=False)

    @staticmethod
    def _parts(words: list[str]) -> Iterator[str]:
        for word in words:
            yield word
            halves = word.split("-")
            if len(halves) > 1:
                yield from (h for h in halves if len(h) >= 3)

    def _nicknames(self, first: str) -> Iterator[str]:
        """Nicknames and canonical forms of a first name, and shorter first names it starts with."""
        base = first.split("-")[0]
        found = _nicknamer().nicknames_of(base) | _nicknamer().canonicals_of(base)
        for low in self.words:
            if 3 <= len(low) < len(base) and base.lower().startswith(low) and self.gaz.is_first_name(low):
                found.add(low)
        for name in sorted(found):
            if len(name) >= 3 and name != base.lower() and not self.is_weak(name):
                yield name.capitalize()


def propagate(document: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` plus every other occurrence of the names (and other identifiers) they found."""
    builder = _VariantBuilder(document)
    variants: dict[tuple[str, str], Variant] = {}
    for finding in findings:
        for variant in builder.variants(finding):
            key = (variant.text.lower(), variant.label)
            old = variants.get(key)
            if old is None or (variant.score, not variant.weak) > (old.score, not old.weak):
                variants[key] = variant
    kept_spans = builder.keep.kept_spans(document.text)
    covered = [(f.start, f.end) for f in findings]
    added: list[Finding] = []
    for variant in sorted(variants.values(), key=lambda v: len(v.text), reverse=True):
        for start, end in _occurrences(document.text, variant, builder):
            if _inside(start, end, covered) or _inside(start, end, kept_spans):
                continue
            block = document.block_at(start)
            added.append(
                Finding(
                    start,
                    end,
                    variant.label,
                    document.text[start:end],
                    variant.score,
                    SOURCE,
                    block.index if block else None,
                )
            )
            covered.append((start, end))
    return list(findings) + sorted(added, key=lambda f: (f.start, f.end))


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _occurrences(text: str, variant: Variant, builder: _VariantBuilder) -> Iterator[tuple[int, int]]:
    if variant.letters:
        yield from _letter_occurrences(text, variant.text, builder)
        return
    body = re.escape(variant.text).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
    short_caps = variant.text.isupper() and len(variant.text) <= 3
    flags = 0 if short_caps else re.IGNORECASE
    for match in re.finditer(rf"(?<![\w'’])(?:{body})(?![\w])", text, flags):
        start, end = _extend_hyphens(text, *match.span())
        found = text[start:end]
        if variant.label == "PERSON" and not found[0].isupper():
            continue
        if variant.title_only and not _after_title(text, start):
            continue
        if variant.weak and not _weak_position_ok(text, start, end, builder):
            continue
        if variant.label == "PERSON":
            start, end = _extend_name(text, start, end, builder, surname=" " not in variant.text)
        yield start, end


def _letter_occurrences(text: str, letters: str, builder: _VariantBuilder) -> Iterator[tuple[int, int]]:
    """Exact occurrences of initials ("K.S.", "M.") or of a bare letter standing for a name ("D")."""
    end_guard = r"(?![\w&])" if letters.endswith(".") else r"(?![\w&-]|['’](?!s\b)|\.[A-Z])"
    for match in re.finditer(rf"(?<![\w.&'’-]){re.escape(letters)}{end_guard}", text):
        start, end = match.span()
        previous = re.search(r"([\w'’]+)[ \t]*$", text[max(0, start - 30) : start])
        if previous and previous.group(1).lower() in builder.vocab.label_nouns | _pseudonym_words():
            continue  # "Appendix A", "Child A", "Mr A"
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip() and re.match(
            r"[.)]\s", text[end - 1 if letters.endswith(".") else end :]
        ):
            continue  # an outline label: "A. Introduction", "B) Background"
        if letters == "A" and opens_sentence(text, start):
            following = re.match(r"\s*(['’]s\b|[\w-]+)", text[end:])
            word = following.group(1).lower() if following else ""
            if not (word in _VERBS_AFTER_NAME or word.endswith("ed") or word in ("'s", "’s")):
                continue  # "A girl born in 2016": the article
        yield start, end


@lru_cache(maxsize=1)
def _pseudonym_words() -> frozenset[str]:
    v = vocabulary()
    return frozenset(w.lower() for base in (*v.pseudonym_bases, *v.titles) for w in base.split()[-1:])


def _after_title(text: str, start: int) -> bool:
    return _title_pattern().search(text[max(0, start - 20) : start]) is not None


def _extend_name(text: str, start: int, end: int, builder: _VariantBuilder, surname: bool) -> tuple[int, int]:
    """Cover a trailing initial ("Amir B -") and, before a surname, an unknown first name ("Lily JONES")."""
    initial = re.match(r"[ \t]+[A-Z]\.?(?=[ \t]*(?:$|[^\w\s'’]))", text[end:], re.MULTILINE)
    if initial:
        end += initial.end()
    if surname:
        before = re.search(r"(?<![\w'’-])([A-Z][\w'’-]+)[ \t]+$", text[max(0, start - 40) : start])
        if before:
            word = before.group(1)
            if not (builder.is_weak(word) or builder.keep.is_kept(word) or word.isupper()):
                start = max(0, start - 40) + before.start(1)
    return start, end


def _extend_hyphens(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a match to the whole hyphenated word it is part of ("Kelly" -> "Kelly-Ann")."""
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        start -= 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
        end += 1
        while end < len(text) and text[end].isalpha():
            end += 1
    return start, end


def _weak_position_ok(text: str, start: int, end: int, builder: _VariantBuilder) -> bool:
    """A common word counts after a title, or alone and capitalised inside a sentence."""
    if _after_title(text, start):
        return True
    if text[start:end].isupper() or opens_sentence(text, start):
        return False
    previous = re.search(r"(\S+)[ \t]*$", text[max(0, start - 40) : start])
    after = re.sub(r"^['’]s\b", "", text[end : end + 40]).lstrip()
    following = after.split()[0] if after.split() else ""
    if re.match(r"\d", following) or (previous and re.search(r"\d$", previous.group(1))):
        return False  # "May 2019", "3 May"
    capitalised = re.compile(r"^[A-Z][\w'’-]*$")
    if capitalised.match(following.rstrip(".,;:!?)")):
        return False  # "Young People's Service", "Grace Academy"
    if previous and capitalised.match(previous.group(1)):
        previous_start = max(0, start - 40) + previous.start(1)
        return opens_sentence(text, previous_start)  # "Then Grace" yes, "Rainbow Grace" no
    return True
