"""The one spaCy pass: load the model once, split long text, turn Docs into Presidio ``NlpArtifacts``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from redact.errors import RedactError

_LOADS: list[tuple[str, frozenset[str]]] = []  # every real spacy.load, for tests and diagnostics


@lru_cache(maxsize=4)
def load_pipeline(model: str, components: frozenset[str]) -> Language:
    """Load ``model`` with only ``components`` (others excluded); cached per process."""
    try:
        info = spacy.info(model, silent=True)
    except (OSError, ValueError) as exc:
        raise RedactError(f"spaCy model {model!r} is not installed: {exc}") from exc
    available = set(info.get("pipeline", [])) | set(info.get("components", []))
    unknown = components - available
    if unknown:
        raise RedactError(f"spaCy model {model!r} has no components {sorted(unknown)}")
    nlp = spacy.load(model, exclude=sorted(available - components))
    _LOADS.append((model, components))
    return nlp


def load_count() -> int:
    """How many times this process has really loaded a spaCy model."""
    return len(_LOADS)


class PreloadedSpacyEngine(SpacyNlpEngine):
    """A Presidio spaCy engine around an already loaded pipeline; it never loads or downloads.

    Entities keep spaCy's own labels (PERSON, GPE, ORG ...): our recognisers map them. When the
    pipeline has no lemmatizer, lemmas are the lower-cased token text, which is what Presidio's
    context enhancement compares with the context words.
    """

    def __init__(self, nlp: Language, default_score: float = 0.85) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": nlp.meta.get("name", "spacy")}])
        self.nlp = {"en": nlp}
        self._has_lemmas = "lemmatizer" in nlp.pipe_names
        self._default_score = default_score

    def load(self) -> None:  # already loaded
        return None

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        lemmas = [t.lemma_ for t in doc] if self._has_lemmas else [t.lower_ for t in doc]
        entities = list(doc.ents)
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=lemmas,
            nlp_engine=self,
            language=language,
            scores=[self._default_score] * len(entities),
        )

    def artifacts(self, texts: Sequence[str], batch_size: int) -> Iterator[NlpArtifacts]:
        """Run the pipeline once over ``texts`` with ``nlp.pipe``; one ``NlpArtifacts`` per text."""
        for doc in self.nlp["en"].pipe(texts, batch_size=batch_size):
            yield self._doc_to_nlp_artifact(doc, "en")


@dataclass(frozen=True)
class Chunk:
    """A piece of ``Document.text`` analysed on its own."""

    start: int  # offset of ``text`` in Document.text
    text: str
    block: int | None  # index of the block it comes from (None: a table row of several cells)


_LINE_BREAK = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?;:][\"'”’)\]]*\s+")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_LINE_ENDING_A_SENTENCE = re.compile(r"[.!?;:][\"'”’)\]]*[ \t]*\n")
_SPACE = re.compile(r"\s+")


def _cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` so the first piece is at most ``limit`` characters long."""
    window = text[:limit]
    floor = limit // 4  # never cut so early that pieces get tiny
    # a line break alone may fall inside a name in text pasted from a PDF ("Inspector Ebun<BREAK>Quill")
    for pattern in (_PARAGRAPH_END, _LINE_ENDING_A_SENTENCE, _SENTENCE_END, _LINE_BREAK, _SPACE):
        ends = [m.end() for m in pattern.finditer(window) if m.end() > floor]
        if ends:
            return ends[-1]
    return limit


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Split ``text`` into (offset, piece) pieces of at most ``limit`` characters.

    Cuts fall after a paragraph if possible, else after a line that ends a sentence, else after a sentence end,
    else after a line break, else at white space.
    The pieces concatenate back to ``text``.
    """
    pieces: list[tuple[int, str]] = []
    offset = 0
    while len(text) - offset > limit:
        cut = _cut_point(text[offset:], limit)
        pieces.append((offset, text[offset : offset + cut]))
        offset += cut
    if offset < len(text):
        pieces.append((offset, text[offset:]))
    return pieces
