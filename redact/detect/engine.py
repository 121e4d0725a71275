"""The detector: one spaCy pass over the document's blocks feeding a Presidio ``AnalyzerEngine``.

``Detector.detect(document)`` returns findings with offsets into ``document.text``:

1. every block (long ones split at line or sentence ends) goes through ``nlp.pipe`` once, only the
   components the policy names (tok2vec + ner);
2. each piece's ``NlpArtifacts`` goes to ``AnalyzerEngine.analyze`` with our UK recognisers and the
   name recognisers, so Presidio never runs spaCy itself;
3. findings below their type's policy threshold are dropped, then non-identifiers (KeepFilter),
   then overlaps are resolved without losing coverage, then names are propagated to their other
   occurrences.

No Presidio default recogniser is used: ours replace the UK ones (NHS with context, NI, postcode,
vehicle), the US/other-country ones (SSN, passports, tax ids) and credit card, IBAN, crypto, IP and
URL ones identify no one in an English SCR (URLs there point at published guidance), and NRP
(nationality, religion) is context a review must keep. Presidio's e-mail pattern is reused offline.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache, partial
from itertools import chain

import regex
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from spacy.lang.en.stop_words import STOP_WORDS

from redact.config import ReportConfig
from redact.detect.columns import column_findings
from redact.detect.finding import Finding, covered, is_free
from redact.detect.gazetteer import (
    CALENDAR_WORDS,
    country_names,
    fold,
    gazetteer,
    is_well_known_place,
    lowercase_words,
    reading_draft,
    short_form_of,
    spelt_alike,
    uk_places,
    world_towns,
    written_small,
)
from redact.detect.initials import staff_codes
from redact.detect.keep import KeepFilter, after_title, board_areas, is_nationality_word, vocabulary
from redact.detect.lists import listed_name_findings
from redact.detect.names import (
    NICKNAME_EPITHETS,
    OWN_PSEUDONYM,
    GazetteerNameRecognizer,
    TableRowNameRecognizer,
    TitledNameRecognizer,
    name_recognizers,
    opens_sentence,
)
from redact.detect.nlp import Chunk, PreloadedSpacyEngine, load_pipeline, split_text
from redact.detect.ocr import SOURCE as OCR_SOURCE
from redact.detect.ocr import misread_findings
from redact.detect.people_initials import (
    acronyms_not_people,
    initials_before_a_name,
    initials_key_lines,
    keyed_initials,
    labelled_initials,
    lone_letter_people,
    person_initials,
    sign_off_initials,
)
from redact.detect.policy import DetectionPolicy, load_policy
from redact.detect.propagate import month_abbreviation_alone, propagate
from redact.detect.recognizers import uk_recognizers
from redact.detect.recognizers.address import STREET_TYPES
from redact.detect.recognizers.case_reference import OPERATION
from redact.detect.recognizers.institutions import area_word, wrapped_line_ends
from redact.detect.recognizers.spacy_ner import is_title, only_ordinary_words
from redact.detect.typos import typo_findings
from redact.detect.view import visible_document
from redact.document import BlockKind, Document
from redact.errors import InternalError
from redact.gold import LABELS
from redact.lexicon import english_words, is_english_form, name_particles

LANGUAGE = "en"
# Labels the KeepFilter judges: names of people, places and organisations can be non-identifiers
# (job titles, agencies, headings); validated identifiers (NHS numbers, postcodes, dates ...) never are.
KEEP_FILTERED_LABELS = frozenset({"PERSON", "LOCATION", "ORGANISATION", "SCHOOL", "GP_PRACTICE", "HOSPITAL"})


class Detector:
    """Finds identifying spans in a ``Document``. Build once, call ``detect`` for many documents."""

    def __init__(self, config: ReportConfig | None = None, policy: DetectionPolicy | None = None) -> None:
        self.config = config or ReportConfig()
        self.policy = policy or load_policy()
        settings = self.policy.spacy
        self.nlp = load_pipeline(settings.model, frozenset(settings.components))
        self.nlp_engine = PreloadedSpacyEngine(self.nlp)
        context = self.policy.context
        registry = RecognizerRegistry(
            recognizers=uk_recognizers(self.policy) + name_recognizers(), supported_languages=[LANGUAGE]
        )
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=self.nlp_engine,
            supported_languages=[LANGUAGE],
            context_aware_enhancer=LemmaContextAwareEnhancer(
                context_similarity_factor=context.similarity_factor,
                min_score_with_context_similarity=context.min_score_with_context,
                context_prefix_count=context.prefix_words,
                context_suffix_count=context.suffix_words,
                context_matching_mode="whole_word",
            ),
        )
        self.keep = KeepFilter(self.config)

    def for_config(self, config: ReportConfig) -> Detector:
        """This detector for another report config (its keep list and board): spaCy and recognisers shared."""
        other = copy.copy(self)
        other.config, other.keep = config, KeepFilter(config)
        return other

    def chunks(self, document: Document) -> list[Chunk]:
        """The pieces of ``document.text`` analysed separately: blocks, long ones split."""
        limit = self.policy.spacy.max_chunk_chars
        pieces: list[Chunk] = []
        for start, end, index in _rows_joined(document):
            text = document.text[start:end]
            for offset, piece in split_text(text, limit):
                if piece.strip():
                    pieces.append(Chunk(start + offset, piece, index))
        return pieces

    def raw_findings(self, document: Document) -> list[Finding]:
        """Every recogniser result at or above its type's threshold, before keep/overlap/propagation."""
        chunks = self.chunks(document)
        named = names_written_as_names(document.text)
        texts = [recase_shouting(c.text, named) for c in chunks]
        artifacts = self.nlp_engine.artifacts(texts, self.policy.spacy.batch_size)
        findings: list[Finding] = []
        with reading_draft(document.text):
            for chunk, text, nlp_artifacts in zip(chunks, texts, artifacts, strict=True):
                results = self.analyzer.analyze(
                    text=text, language=LANGUAGE, nlp_artifacts=nlp_artifacts, score_threshold=0.0
                )
                findings.extend(self._to_findings(chunk, results))
        findings.extend(f for f in column_findings(document) if f.score >= self.policy.threshold(f.label))
        findings.extend(listed_name_findings(document))
        findings.extend(_names_over_their_role(document))
        return findings

    def detect(self, document: Document) -> list[Finding]:
        """Findings in ``document``: sorted, thresholded, non-identifiers dropped, overlaps resolved
        (coverage kept), names propagated. Read as a reader sees it: "Kay<ZWSP>den", "*Ashton*" are names."""
        view = visible_document(document)
        if view is None:
            return self._detect(document)
        return [view.to_draft(finding) for finding in self._detect(view.document)]

    def _detect(self, document: Document) -> list[Finding]:
        raw = _people_apart(_phrases_not_names(document.text, self.raw_findings(document)))
        raw = _names_glued_to_cells(raw)
        raw = _people_after_the_area(raw, board_areas(document.text, self.config.board))
        findings = _people_not_bodies(_towns_not_people(self.drop_kept(document, _countries_not_bodies(raw))))
        findings = _operations_not_people(_regions_not_people(document.text, findings))
        findings = _names_across_wraps(document.text, resolve_overlaps(_inside_references(findings)))
        findings = _abbreviated_in_brackets(document.text, _names_with_particles(document.text, findings))
        findings += self.drop_kept(document, _places_in_brackets(document.text, findings))
        findings += self.drop_kept(document, _short_forms_in_brackets(document.text, findings))
        propagated = propagate(document, findings)
        propagated += misread_findings(document.text, propagated)  # "Quarre1l" of a scanned draft
        propagated += self.drop_kept(document, typo_findings(document.text, propagated))  # "Quarel" of "Quarrell"
        beside = _names_beside_names(document.text, propagated) + _names_opening_list_items(document.text, propagated)
        findings = _with_name_neighbours(document.text, propagated + beside)
        findings = _with_longer_forms(document.text, findings)
        findings += _quoted_spellings(document.text, findings) + _short_forms(document.text, findings)
        findings += _surnames_after_quoted_names(document.text, findings)  # '"Big Tobs" Quill, paternal uncle'
        findings += _places_streets_are_named_after(document.text, findings)  # "Tarn Moor" of "Tarn Moor Road"
        # "Quellfen" of "Quellfen Hospital", "Quellow Fen" of "Quellow Fen Harvest Ministries", unless the board's own
        # area or kept for another reason
        named_after = _areas_services_are_named_after(document.text, findings)
        findings = _areas_of_several_bodies(document.text, findings)
        findings += self.drop_kept(document, named_after + _openings_of_organisations(document.text, findings))
        findings += _handles_holding_names(document.text, findings) + _names_from_handles(document.text, findings)
        findings += person_initials(document.text, findings)  # "QP referred", "that EP was tired"
        findings += lone_letter_people(document.text, findings)  # "Q moves to Tarnwick House", of Quellin
        findings += keyed_initials(document.text, findings)  # "T = half-brother Tobiah"
        findings += initials_key_lines(document.text, findings)  # "DS Dorcas Smithers, Team Manager"
        findings += sign_off_initials(document.text, findings)  # "Imms booked.<LINE>QP", beside "...<LINE>HQ"
        findings += labelled_initials(document.text, findings)  # "Child D (DQ)" in a running header
        findings += initials_before_a_name(document.text, findings)  # "JQ (Mr Quill)"
        before = {(f.start, f.end) for f in propagated}
        later = [f for f in findings if f.label == "PERSON" and (f.start, f.end) not in before]
        if later:  # a name found beside another ("Kai, Shaz and Dawit") is a name everywhere else too
            findings = propagate(document, findings, again=False, seeds=later)
        # again over the names propagation found: "Siôn ap Madoc", where the model had "Siôn" for a far town
        findings = _names_with_particles(document.text, sorted(findings, key=lambda f: (f.start, -f.end)))
        # again with the full names propagation found: "Tralena" the model took for a place, of "Tralena Boswell"
        findings = acronyms_not_people(document.text, _without_staff_codes(document.text, findings))
        findings = _without_kept_initials(document.text, findings, self.keep)
        findings = resolve_overlaps(with_blocks(document, _towns_not_people(findings)))
        # again with the first names propagation found: "Dorcas" ending a wrapped line, "Vetch (aged 19)" the next
        return _capitals_joined(document.text, _names_across_wraps(document.text, findings))

    def drop_kept(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """Apply the KeepFilter to name-like findings; identifiers always stay."""
        names = [f for f in findings if f.label in KEEP_FILTERED_LABELS]
        return self.keep.drop_kept(document, names) + [f for f in findings if f.label not in KEEP_FILTERED_LABELS]

    def _to_findings(self, chunk: Chunk, results: Iterable[RecognizerResult]) -> Iterable[Finding]:
        for result in results:
            label = result.entity_type
            if label not in LABELS:
                raise InternalError(f"recogniser produced unknown entity type {label!r}")
            if result.score < self.policy.threshold(label):
                continue
            source = (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown")
            pieces = None
            if label in KEEP_FILTERED_LABELS:  # a place's head word or a title vouches for a name across a wrapped line
                # ... as a town's list does for its words ("Milton<LINE>Keynes")
                wrapped = label in _NAMED_PLACES or source in _WRAP_CHECKING_NAME_RECOGNIZERS | _TOWN_SOURCES
                pieces = _column_pieces(chunk.text, result.start, result.end, wrapped=wrapped)
            if label == "PERSON":
                pieces = [p for p in map(partial(_without_function_words, chunk.text), pieces or []) if p]
            elif pieces and len(pieces) > 1:  # "The" of "The<BREAK>Railway Tavern", "Trust" of "Trust<ROW>Karen"
                pieces = [p for p in pieces if not _only_report_words(chunk.text[p[0] : p[1]])]
            for start, end in pieces if pieces is not None else [(result.start, result.end)]:
                text = chunk.text[start:end]
                yield Finding(chunk.start + start, chunk.start + end, label, text, result.score, source, chunk.block)


# name recognisers that cross a line break only where a long line was wrapped and a name follows it
_WRAP_CHECKING_NAME_RECOGNIZERS = frozenset({TitledNameRecognizer.__name__, GazetteerNameRecognizer.__name__})
_SHOUTED_WORD = re.compile(r"[^\W\d_]+")


SHOUTED_MIN_WORDS = 8  # fewer words in capitals is a heading, read as written


_TOWN_SOURCES = frozenset({"UkTownRecognizer", "PostalTownRecognizer"})


_CUED_NAME_SOURCES = frozenset({"ContextNameRecognizer", "UnlistedNameRecognizer", "TitledNameRecognizer"})


_INSTITUTIONS = frozenset({"SCHOOL", "HOSPITAL", "GP_PRACTICE", "ORGANISATION"})


_SHORT_LINE = 60


@cache
def _row_recognizer() -> TableRowNameRecognizer:
    return TableRowNameRecognizer()


def _names_over_their_role(document: Document) -> Iterator[Finding]:
    """A name that is a paragraph of its own, over a paragraph that opens with its role ("Olumbe Quill" then
    "Chair, Serious Case Review Panel"), as a word processor sets a signature block: each paragraph is read apart,
    so the row's recogniser reads the two together here."""
    rows = _row_recognizer()
    blocks = document.blocks
    for block, following in zip(blocks, blocks[1:], strict=False):
        line = block.text.strip()
        if not line or "\n" in line or len(line) > _SHORT_LINE:
            continue
        if line.isupper() or all(is_english_form(fold(word)) for word in line.split()):
            continue  # a heading ("OFFICERS INVOLVED") over its first paragraph, not a name
        offset = block.start + block.text.find(line)
        joined = f"{line}\n{following.text.lstrip()}"
        for start, end, score in rows.spans(joined):
            if end <= len(line):
                yield Finding(offset + start, offset + end, "PERSON", line[start:end], score, "TableRowNameRecognizer")


def _phrases_not_names(text: str, findings: list[Finding]) -> list[Finding]:
    """An institution's "name" of English words only that the draft also writes all in lower case is a phrase,
    not a name: "Bruising in Non-Mobile Infants" of a cited procedure, beside "its procedure on bruising in
    non-mobile infants"."""

    def a_phrase(finding: Finding) -> bool:
        words = [w for w in regex.split(r"[\s-]+", finding.text) if w]
        english = all(w.isalpha() and is_english_form(fold(w)) for w in words)  # not "Q1 Private Hire"
        if finding.label not in _INSTITUTIONS or len(words) < 2 or not english:
            return False
        return written_small(finding.text, text)

    ratings = _rag_ratings(text)
    return [
        f for f in findings if not a_phrase(f) and not _word_cut_by_a_wrap(text, f) and (f.start, f.end) not in ratings
    ]


# what parts two people in a cell: "TQ + M. Pelbury", "TQ→ZQ", "ZQ / TQ"
_BETWEEN_PEOPLE = regex.compile(r"[ \t]*(?:\+|→|->|=>|[ \t]/[ \t])[ \t]*")


def _people_apart(findings: list[Finding]) -> list[Finding]:
    """The model's one person over two joined by a plus, an arrow or a spaced slash ("TQ + M. Pelbury", a visit by
    two workers; "TQ→ZQ", a case passed on): each of them."""
    out: list[Finding] = []
    for finding in findings:
        joiners = list(_BETWEEN_PEOPLE.finditer(finding.text)) if finding.label == "PERSON" else []
        if not joiners:
            out.append(finding)
            continue
        cuts = [0, *(at for j in joiners for at in j.span()), len(finding.text)]
        for a, b in zip(cuts[::2], cuts[1::2], strict=True):
            part = finding.text[a:b]
            if len(part) > 1 and any(ch.isalpha() for ch in part):  # keep every word: the keep filter judges them
                out.append(replace(finding, start=finding.start + a, end=finding.start + b, text=part))
    return out


# a RAG rating opening a cell or an item: "Amber - draft agreed", "Status: Amber", "| Amber |"
_RATING = regex.compile(
    r"(?:(?<=^|\t|\|[ ]|:[ ])|(?<=\b(?:rated|rating|status)[ ]))(Red|Amber|Green)(?=[ \t]*(?:[-–—:(|\t.,;]|$))",
    regex.MULTILINE,
)


# a table's cells that text pasted out of a PDF runs together: the agency cell, then a name ("HealthEbun admitted")
_GLUED_CELL = regex.compile(r"(?P<cell>\p{Lu}?\p{Ll}{3,})(?P<name>\p{Lu}\p{Ll}+)")


def _names_glued_to_cells(findings: list[Finding]) -> list[Finding]:
    """A person's name run on after an ordinary word of the cell before it is the name alone: "HealthEbun" is
    Ebun, a name the lists know or the draft gives someone. Not a name with a particle ("MacDonald", "DeAndre"),
    whose first part is no English word."""
    named = {fold(f.text.split()[0]) for f in findings if f.label == "PERSON" and f.text.split()}

    def glued_at(finding: Finding) -> int:
        match = _GLUED_CELL.fullmatch(finding.text) if finding.label == "PERSON" else None
        if not match or fold(match["cell"]) in name_particles() or not is_english_form(fold(match["cell"])):
            return 0
        name = match["name"]
        return match.end("cell") if gazetteer().is_name(name) or fold(name) in named else 0

    return [replace(f, start=f.start + cut, text=f.text[cut:]) if (cut := glued_at(f)) else f for f in findings]


def _rag_ratings(text: str) -> set[tuple[int, int]]:
    """Where a progress table rates with red, amber and green: "Amber" there is a rating, not a girl. Only where
    the draft rates with at least two of the colours."""
    found = list(_RATING.finditer(text))
    if len({m.group(1) for m in found}) < 2:
        return set()
    return {m.span(1) for m in found}


_REST_OF_A_CUT_WORD = regex.compile(r"-[ \t]*\n[ \t]*(\p{L}+)")


def _word_cut_by_a_wrap(text: str, finding: Finding) -> bool:
    """A one-word name that a wrapped line's hyphen cut from an English word: "STAN" of "graded STAN-<LINE
    BREAK>DARD" in a log pasted from a PDF."""
    rest = _REST_OF_A_CUT_WORD.match(text, finding.end)
    word = finding.text.strip()
    return rest is not None and word.isalpha() and fold(word + rest.group(1)) in english_words()


_COMPASS = frozenset({"North", "South", "East", "West", "Central", "NORTH", "SOUTH", "EAST", "WEST", "CENTRAL"})


def _towns_not_people(findings: list[Finding]) -> list[Finding]:
    """A word a gazetteer found as a town (or an estate) is that place where the model alone called it a person
    ("the Tarnwick team"), unless it is also a first name, or where a name list alone did ("a line running from Harlow
    into"): one word, one entity, one pseudonym; and the other way round. And the model's place that is the first
    name or the surname (no place's) of a longer name the name recognisers found is that name."""
    # and an estate's name: "off Pelbury", "the Pelbury garages" of "the Pelbury estate"
    places = (*_TOWN_SOURCES, "EstateRecognizer")
    towns = {fold(f.text) for f in findings if f.label == "LOCATION" and f.source in places}

    def model_took_a_town_for_a_person(f: Finding) -> bool:
        word = f.text.strip()
        listed = f.source == "GazetteerNameRecognizer" and f.score <= GazetteerNameRecognizer.FIRST_NAME
        guessed = f.source == "SpacyNerRecognizer" or listed  # "from Kendal into"; not "In Chester's view"
        # "Quellbury St Agatha" too, a village the model read as a person, where a place recogniser found it whole
        return f.label == "PERSON" and guessed and (" " not in word or f.source == "SpacyNerRecognizer") and fold(
            word
        ) in towns

    # "Hodan" of "Hodan Ali Warsame", or "Dylan" found as a name elsewhere: a first name found in the draft,
    # which no gazetteer knows as a place, is that person where the model alone called it a place ("Hodan
    # cried during the visit", "- Dylan, Demi, Declan")
    persons = [f.text.split() for f in findings if f.label == "PERSON" and f.text.split()]
    first_names = {fold(words[0]) for words in persons if len(words) > 1 or gazetteer().is_first_name(words[0])}
    # "Tobiah", which a cue gave as a name ("known to everyone as Tobiah", "Tobiah told the nurse"), even where a
    # small town abroad has the name ("Kemi")
    cued = {fold(f.text.strip()) for f in findings if f.label == "PERSON" and f.source in _CUED_NAME_SOURCES}
    first_names |= cued

    def cued_abroad(word: str) -> bool:
        return word in cued and not is_well_known_place(word)
    # "Sofia" of "Sofia McGuinness": a world town too, but the draft gives it as a first name with a surname
    full_first_names = {fold(words[0]) for words in persons if len(words) > 1}

    def model_took_a_person_for_a_place(f: Finding) -> bool:
        word = fold(f.text.strip())
        return (
            f.label == "LOCATION" and f.source == "SpacyNerRecognizer" and word in first_names
            and word not in towns and word not in uk_places()
            and (word not in world_towns() or word in full_first_names or cued_abroad(word))
        )  # fmt: skip

    # "PC Quill, response, Quellbury North": a police sector; "North Tarnwick", a place no first name opens
    def a_town_s_quarter(f: Finding) -> bool:
        words = f.text.split()
        guessed = f.source in ("SpacyNerRecognizer", "GazetteerNameRecognizer")
        return f.label == "PERSON" and guessed and len(words) == 2 and (
            (fold(words[0]) in uk_places() and words[1] in _COMPASS)
            or words[0] in _COMPASS  # "Heathfold Pre-school, North Tarnwick": a list's or a model's guess
        )

    relabelled = [
        replace(f, label="LOCATION")
        if a_town_s_quarter(f) or (
            model_took_a_town_for_a_person(f)
            and (f.source == "GazetteerNameRecognizer" or " " in f.text.strip() or not gazetteer().is_first_name(
                f.text
            ))
        )
        else replace(f, label="PERSON") if model_took_a_person_for_a_place(f)
        else f
        for f in findings
    ]
    names = [f for f in relabelled if f.label == "PERSON" and f.source != "SpacyNerRecognizer"]

    def part_of_a_longer_name(f: Finding) -> bool:  # "Ignatius" of "Ignatius<WRAPPED LINE>Quarrell-Pelbury"
        word = f.text.strip()
        if f.label != "LOCATION" or fold(word) in uk_places():
            return False
        if f.source in _TOWN_SOURCES:  # "Lok" (a town abroad) of "the deaths of Lok Yee Pheng (aged 34)"
            cued = _CUED_NAME_SOURCES | {"propagation"}  # and "Lok Yee" wherever the draft writes it again
            if any(n.start == f.start and n.end > f.end and n.source in cued for n in names):
                return True
            # "the first child of Ebunola Quellode": a town abroad that opens the model's full name, where no
            # word of the rest is a place
            abroad = fold(word) not in uk_places() and not is_well_known_place(word)
            return abroad and any(
                n.start == f.start and n.end > f.end and n.source == "SpacyNerRecognizer"
                and not any(fold(w) in uk_places() or fold(w) in world_towns() for w in n.text[len(word):].split())
                for n in relabelled if n.label == "PERSON"
            )  # fmt: skip
        if f.source != "SpacyNerRecognizer" or fold(word) in world_towns():
            return False
        inside = [n for n in names if n.start <= f.start and f.end <= n.end and n.end - n.start > f.end - f.start]
        if gazetteer().is_first_name(word):
            return bool(inside)
        # "Quellode" of "Ebunmi Quellode", which the model alone took for a place: the surname no place has
        return any(n.end == f.end and " " in n.text for n in inside) and not is_well_known_place(word)

    return [f for f in relabelled if not part_of_a_longer_name(f)]


# "in the state of", "Quellara province": what a region abroad is called before or after its name
_REGION_BEFORE = regex.compile(
    r"\b(?i:state|province|region|governorate|prefecture|oblast|canton|district|county)[ \t]+of[ \t]+$"
)
_REGION_AFTER = regex.compile(r"[ \t]+(?i:province|region|governorate|prefecture|oblast|canton|state)\b")


def _regions_not_people(text: str, findings: list[Finding]) -> list[Finding]:
    """A model's person named as a region ("the state of Quellara Norte", "Quellara province"): the place."""

    def a_region(finding: Finding) -> bool:
        return finding.label == "PERSON" and bool(
            _REGION_BEFORE.search(text, max(0, finding.start - 30), finding.start)
            or _REGION_AFTER.match(text, finding.end)
        )

    return [replace(f, label="LOCATION") if a_region(f) else f for f in findings]


def _operations_not_people(findings: list[Finding]) -> list[Finding]:
    """A model's person that opens with "Op" or "Operation" ("Op KNOTBILL") is no one: the operation's name is
    found as a case reference."""
    return [f for f in findings if not (f.label == "PERSON" and _OPERATION_NAME.match(f.text))]


_OPERATION_NAME = regex.compile(rf"{OPERATION}[ \t]+\p{{Lu}}")


def _people_after_the_area(findings: list[Finding], areas: set[str]) -> list[Finding]:
    """A person's name that a run-together table row put after the board's area ("NHS Quellshire Ebun Quill") starts
    after the area: the area is the body's, and a name list's run over both made it a person's first word."""

    def after_the_area(finding: Finding) -> Finding:
        words = finding.text.split(" ")
        if finding.label != "PERSON" or len(words) < 3 or words[0] not in areas:
            return finding
        cut = len(words[0]) + 1
        return replace(finding, start=finding.start + cut, text=finding.text[cut:])

    return [after_the_area(f) for f in findings] if areas else findings


def _countries_not_bodies(findings: list[Finding]) -> list[Finding]:
    """A country or a great city alone is no body's name, whatever a context recogniser read around it ("the Homes
    for Ukraine scheme")."""
    return [f for f in findings if not (f.label == "ORGANISATION" and is_well_known_place(f.text.strip()))]


def _people_not_bodies(findings: list[Finding]) -> list[Finding]:
    """A body's "name" that is a first name and a surname the draft gives people ("Tobiah Quill", which a model or
    a bracketed "(café)" made a business, where "Tobiah" and "Ebun Quill" are named): that person."""
    firsts: dict[str, set[str]] = defaultdict(set)  # a name's first word -> the names it opens
    lasts: dict[str, set[str]] = defaultdict(set)
    for name in {" ".join(f.text.split()) for f in findings if f.label == "PERSON" and f.text.split()}:
        firsts[fold(name.split()[0])].add(name)
        if " " in name:
            lasts[fold(name.split()[-1])].add(name)
    guessed = {"SpacyNerRecognizer", "AppositionOrganisationRecognizer"}

    def a_person(finding: Finding) -> bool:
        words = finding.text.split()
        if finding.label != "ORGANISATION" or finding.source not in guessed or len(words) != 2:
            return False
        itself = {" ".join(words)}  # a model's person over the same words vouches for nothing
        named = firsts.get(fold(words[0]), set()) - itself and lasts.get(fold(words[1]), set()) - itself
        return bool(named) and not any(vocabulary().is_vocabulary_word(word) for word in words)

    return [replace(f, label="PERSON") if a_person(f) else f for f in findings]


# each name may carry a short aside in brackets: "Ebun (aged 11), Tobiah (8) and Hester (4)"
_ASIDE = r"(?:[ ]*\([^()\n]{1,20}\))?"
_AND_BEFORE = regex.compile(
    rf"(?<![\w'’-])(?P<word>\p{{Lu}}\p{{Ll}}{{2,}}){_ASIDE}(?:[ ]+(?:and|or)[ ]+|(?P<comma>,[ ]+))$"
)
_AND_AFTER = regex.compile(
    rf"{_ASIDE}(?:[ ]+(?:and|or)[ ]+|(?P<comma>,[ ]+))(?P<word>\p{{Lu}}\p{{Ll}}{{2,}})(?![\w'’-])"
)
_LIST_OPENS = regex.compile(r"(?:\(|,[ ]+|[ ](?:and|or)[ ]+)$")
_LIST_GOES_ON = regex.compile(r"\)|,[ ]|[ ]+(?:and|or)[ ]")


def _names_beside_names(text: str, findings: list[Finding]) -> list[Finding]:
    """A word no dictionary knows, joined by "and" or "or" to a found name ("Tobiah and Ebun not seen"), or
    beside it in a list ("Quarrell, Quarrel, Quarel"): another name. Not an English, report or place word
    ("Mother and Ebun", "Leeds and Ebun")."""
    taken = [(f.start, f.end) for f in findings]
    added: list[Finding] = []
    for finding in chain(findings, added):  # "Iggy, Tobiah, Hester and Ebun": each name found makes the next
        if finding.label != "PERSON" or " " in finding.text.strip():
            continue
        before = _AND_BEFORE.search(text, max(0, finding.start - 40), finding.start)
        after = _AND_AFTER.match(text, finding.end)
        for match in filter(None, (before, after)):
            start, end = match.span("word")
            word = match.group("word")
            if any(a < end and start < b for a, b in taken):
                continue
            if not _unknown_word(word):
                continue
            if match.group("comma") and not _inside_a_list(text, start, end):
                continue  # "Tobiah, Oldham": a comma alone does not make a list of names
            taken.append((start, end))
            added.append(Finding(start, end, "PERSON", word, finding.score, "coordination", finding.block))
    return added


# a list item that opens with a name before its job: "- Ebun Quill, Designated Nurse, ...", "• Dr Hester Quell (Chair)"
_LIST_ITEM = regex.compile(
    r"^[ \t]*(?:[-•*–·]|\d{1,2}[.)])[ \t]+(?:\p{Lu}[\p{Ll}]{0,4}\.?[ \t]+)?"
    r"(?P<name>\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2})(?=[ \t]*(?:,|\(|[–—-][ \t]))",
    regex.MULTILINE,
)
MIN_NAMED_ITEMS = 2


def _names_opening_list_items(text: str, findings: list[Finding]) -> list[Finding]:
    """The name that opens an item of a list of people with their jobs (a panel's members), where other items of
    the same list open with found names: "- Ebunmi Quellode, Designated Nurse" beside "- Hester Quill, Head of ..."
    though no list knows her. Its first word must be no English, report or place word, and none an agency's."""
    items = list(_LIST_ITEM.finditer(text))
    people = covered(f for f in findings if f.label == "PERSON")
    taken = covered(findings)
    added: list[Finding] = []
    for group in _consecutive_lines(text, items):
        named = [item for item in group if not is_free(*people, *item.span("name"))]
        if len(named) < MIN_NAMED_ITEMS:
            continue
        for item in group:
            words = item.group("name").split()
            agency = any(vocabulary().is_vocabulary_word(word) for word in words)  # "Quellshire Police"
            if item not in named and _unknown_word(words[0]) and not agency and is_free(*taken, *item.span("name")):
                added.append(Finding(*item.span("name"), "PERSON", item.group("name"), 0.6, "list-of-people"))
    return added


def _consecutive_lines(text: str, matches: list[regex.Match[str]]) -> Iterable[list[regex.Match[str]]]:
    """Matches on lines that follow one another, grouped."""
    group: list[regex.Match[str]] = []
    for match in matches:
        if group and text.count("\n", group[-1].end(), match.start()) > 1:
            yield group
            group = []
        group.append(match)
    if group:
        yield group


def _inside_a_list(text: str, start: int, end: int) -> bool:
    """The word between list separators on both sides: "(Quarrell, Quarrellh, Quarel)", "Iggy, Tobiah and Ebun"."""
    return bool(_LIST_OPENS.search(text[max(0, start - 6) : start]) and _LIST_GOES_ON.match(text, end))


_WORD_AFTER = regex.compile(r"[ ](\p{Lu}[\p{Ll}'’-]+)(?![\w'’-])")
_WORD_BEFORE = regex.compile(r"(?<![\w'’.-])(\p{Lu}[\p{Ll}'’-]+)[ ]$")


_BRACKETED_PLACE = regex.compile(r"[ \t]*\((\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){0,2})\)")


_IN_BRACKETS = "place-in-brackets"


def _abbreviated_in_brackets(text: str, findings: list[Finding]) -> list[Finding]:
    """A name found as a person in the brackets right after a named place or body that shares one of its words
    is that body's short form: "1 R QUELL" of "1st Battalion, The Royal Quell Regiment (1 R QUELL)"."""
    bodies = {f.end: f for f in findings if f.label in _NAMED_PLACES}
    out = []
    for finding in findings:
        opened = _BRACKET_OPENING.search(text, max(0, finding.start - 12), finding.start)
        body = bodies.get(opened.start()) if opened and finding.label == "PERSON" else None
        closed = re.match(r"\s*\)", text[finding.end :])
        shared = body and closed and {w.lower() for w in _NAME_WORDS.findall(finding.text)} & {
            w.lower() for w in _NAME_WORDS.findall(body.text) if len(w) > 3
        }
        out.append(replace(finding, label=body.label) if shared else finding)
    return out


def _short_forms_in_brackets(text: str, findings: list[Finding]) -> list[Finding]:
    """The short form a draft gives a body it names, in brackets right after it: its letters ("(1 RQB)" of "1st
    Battalion The Royal Quell Borderers", "(TCC)" of "Tarnwick Carers Circle": the initials of its last words), or
    some of its own words ('("the Kestrels")' of "Quellside Kestrels Football Academy"), which the draft then
    writes alone."""
    added = []
    for body in (f for f in findings if f.label in _NAMED_PLACES):
        letters = _initials_after(text, body.text, body.end)
        if letters:
            added.append(Finding(*letters.span("short"), body.label, letters.group("short"), body.score, "initialism"))
            continue
        words = [w for w in _NAME_WORDS.findall(body.text) if w[0].isupper() and w.lower() not in ("the", "of", "and")]
        short = _SHORT_FORM_AFTER.match(text, body.end)
        own = short and set(short.group("short").split()) < set(words)
        if own and not _only_report_words(short.group("short")):  # not '("the Academy")', a word of many names
            added.append(Finding(*short.span("short"), body.label, short.group("short"), body.score, "short form"))
    return added


def _initials_after(text: str, name: str, end: int) -> re.Match[str] | None:
    """The letters in brackets at ``end`` where they are the initials of ``name``'s last capitalised words."""
    letters = _INITIALISM_AFTER.match(text, end)
    if letters is None or len(letters.group("letters")) < 2:
        return None
    words = [w for w in _NAME_WORDS.findall(name) if w[0].isupper() and w.lower() not in ("the", "of", "and")]
    return letters if "".join(w[0] for w in words).endswith(letters.group("letters")) else None


_INITIALISM_AFTER = re.compile(  # in quotes too: '("1 RQB")'
    r"[ \t]*\([ \t]*[\"“‘']?(?P<short>(?:\d{1,3}[ \t]+)?(?P<letters>[A-Z]{2,6}))[\"”’']?[ \t]*\)"
)
# quoted, with or without its article: '("the Kestrels")', '(the "Kestrels")', '("Quellside Kestrels")'
_SHORT_FORM_AFTER = regex.compile(
    r"[ \t]*\([ \t]*(?:[\"“‘'][ \t]*(?:the[ \t]+)?|the[ \t]+[\"“‘'])"
    r"(?P<short>\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){0,2})[\"”’'][ \t]*\)"
)
_BRACKET_OPENING = re.compile(r"\s*\(\s*(?:\d+\s+)?$")
_NAME_WORDS = re.compile(r"[A-Za-z][\w'’-]*")


def _without_kept_initials(text: str, findings: list[Finding], keep: KeepFilter) -> list[Finding]:
    """The letters a draft gives a kept body in brackets ("Quellshire Ambulance Service (QAS)") are that body
    wherever they stand ("QAS CAD" in a chronology), not a place or a person a model took them for."""
    letters = {initials.group("letters") for start, end in keep.kept_spans(text)
               if (initials := _initials_after(text, text[start:end], end))}  # fmt: skip
    return [f for f in findings if not (f.label in KEEP_FILTERED_LABELS and f.text.strip() in letters)]


def _without_staff_codes(text: str, findings: list[Finding]) -> list[Finding]:
    """A chronology's own code for a practitioner's post ("PN", the practice nurse), which its key gives before
    her initials, is no one's initials where the table writes it, whoever else has those letters."""
    codes = staff_codes(text)
    return [f for f in findings if not (f.label == "PERSON" and f.text.strip() in codes)] if codes else findings


def _places_in_brackets(text: str, findings: list[Finding]) -> list[Finding]:
    """The district or county a draft puts in brackets after a place it names: "Quellmoor" of "her home in
    Pelbury (Quellmoor)"; not a country or a people ("Paris (France)"), which identify no one."""
    free = partial(is_free, *covered(findings))
    added: list[Finding] = []
    for finding in findings:
        bracketed = _BRACKETED_PLACE.match(text, finding.end) if finding.label == "LOCATION" else None
        if not bracketed or not free(*bracketed.span(1)):
            continue
        start, end = bracketed.span(1)
        if fold(text[start:end]) not in country_names() and not is_nationality_word(text[start:end].split()[0]):
            added.append(Finding(start, end, "LOCATION", text[start:end], finding.score, _IN_BRACKETS, finding.block))
    return added


def _with_name_neighbours(text: str, findings: list[Finding]) -> list[Finding]:
    """A found name takes the name word right beside it that no finding holds: the surname after it when no
    list knows the word or it is another language's kinship word ("Rokeya Bibi"), and a first name before it
    that is no English word ("Mohammad" of "Mohammad R Islam", where the initial and surname were found) or a
    nickname's epithet ("Big" of "Big Tom")."""
    free = partial(is_free, *covered(findings))
    area_words = {area for area in board_areas(text, None) if " " not in area}  # no surname: "Safe Harbour Wendlebury"
    surnames = {fold(words[-1]) for f in findings if f.label == "PERSON" and len(words := f.text.split()) > 1}
    out: list[Finding] = []
    for finding in findings:
        if finding.label == "PERSON":
            start, end = finding.start, finding.end
            after = _WORD_AFTER.match(text, end)
            word = after.group(1) if after else ""
            possessive = word.endswith(("'s", "’s", "'", "’"))  # "... HARTIGAN Mother's": the next phrase's owner
            unknown = _unknown_word(word) and word not in area_words
            if after and free(*after.span(1)) and not possessive and (unknown or _kin_word(word)):
                end = after.end(1)
            before = _WORD_BEFORE.search(text, max(0, start - 30), start)
            epithet = before and before.group(1) in NICKNAME_EPITHETS  # "Big Tom", "Old Iggy": one nickname
            given = before and (_first_name_of_draft(text, before.group(1)) or (
                fold(finding.text) in surnames and _given_name_before_a_surname(text, before.start(1), before.group(1))
            ))  # "Bittern Quellode", where "Ebun QUELLODE" gave the surname: a word, but no word of this draft
            if before and free(*before.span(1)) and (epithet or given):
                start = before.start(1)
            finding = replace(finding, start=start, end=end, text=text[start:end])
        out.append(finding)
    return out


def _with_longer_forms(text: str, findings: list[Finding]) -> list[Finding]:
    """A name found alone where the draft writes a longer found name that ends with it takes the longer name's
    words: "Seamus" of "Big Seamus took the children" is "Big Seamus" (the grandfather's nickname), not Seamus the
    father."""
    longer: dict[str, set[str]] = defaultdict(set)  # last word -> the words before it, in found names
    for finding in findings:
        words = finding.text.split()
        if finding.label == "PERSON" and len(words) == 2 and words[0][:1].isupper():
            longer[words[1]].add(words[0])
    others = [(f.start, f.end) for f in findings if f.label != "PERSON"]  # "Kez" a handle in "Kez Farrow Dorchester"
    out: list[Finding] = []
    for finding in findings:
        if finding.label == "PERSON" and " " not in finding.text:
            for before in longer.get(finding.text, ()):
                start = finding.start - len(before) - 1
                taken = any(a < finding.start and start < b for a, b in others)
                if start >= 0 and text[start : finding.start] == before + " " and not taken:
                    finding = replace(finding, start=start, text=text[start : finding.end])
                    break
        out.append(finding)
    return out


def _kin_word(word: str) -> bool:
    """Another language's word for a relative ("Bibi", "Nani"): after a first name, a surname."""
    return word.lower() in vocabulary().relations and not is_english_form(word.lower())


def _given_name_before_a_surname(text: str, start: int, word: str) -> bool:
    """A capitalised word inside a sentence that the draft never writes in lower case and that is no report,
    place or nationality word: a given name, though a dictionary word ("Gentian"), before a surname found."""
    if not re.fullmatch(r"[A-Z][a-z]{2,}", word) or opens_sentence(text, start):
        return False
    plain = word.lower() in STOP_WORDS or vocabulary().is_vocabulary_word(word) or fold(word) in uk_places()
    return not plain and not is_nationality_word(word) and fold(word) not in lowercase_words(text)


def _first_name_of_draft(text: str, word: str) -> bool:
    """A listed first name that the draft never writes in lower case and that is no report or place word."""
    plain = word.lower() in STOP_WORDS or vocabulary().is_vocabulary_word(word) or fold(word) in uk_places()
    return gazetteer().is_first_name(word) and not plain and fold(word) not in lowercase_words(text)


def _unknown_word(word: str) -> bool:
    """No English, report, job or place word: a name the lists do not know ("Nneka", "Oluwadamilare")."""
    place = fold(word) in uk_places() or fold(word) in world_towns()
    ordinary = word.lower() in STOP_WORDS or is_english_form(fold(word)) or vocabulary().is_vocabulary_word(word)
    return not (ordinary or place)


# a word run together with digits or marks, as handles and hashtags are: "#JusticeForQuill", "ebunq_2009"
_HANDLE_LIKE = regex.compile(
    r"(?<![\w@#.-])(?:[@#]\w+|(?=[\p{Ll}\d_]*\p{Ll})(?=[\p{Ll}\d_]*[\d_])[\p{Ll}\d_]+)(?![\w-])"
)


def _handles_holding_names(text: str, findings: list[Finding]) -> list[Finding]:
    """A handle, hashtag or group name with a found person's name inside it ("justiceforquill16", "#RIPIggy"): it
    names the person as surely as the name. Only words that carry a digit, an underscore or a leading
    "@" or "#", and names of four letters or more that are no English word."""
    names = {
        fold(word)
        for f in findings
        if f.label == "PERSON"
        for word in re.findall(r"[^\W\d_]{4,}", f.text)
        if fold(word) not in english_words()
    }
    taken = covered(findings)
    added: list[Finding] = []
    for match in _HANDLE_LIKE.finditer(text) if names else ():
        word = fold(match.group())
        if any(name in word and name != word for name in names) and is_free(*taken, *match.span()):
            added.append(Finding(*match.span(), "SOCIAL_HANDLE", match.group(), 0.6, "name-in-handle"))
    return added


_HANDLE_HEAD = regex.compile(r"@?(\p{Ll}{3,})[_.\d]")
_OPENING_QUOTES, _CLOSING_QUOTES = frozenset("\"“‘'"), frozenset("\"”’'")


def _names_from_handles(text: str, findings: list[Finding]) -> list[Finding]:
    """The name a handle's owner goes by, its first word capitalised: "Quill" of "quill_and_ash" ("because of
    Quill"). Only mid-sentence, standing alone (not in a run of capitals: "Quill Lane")."""
    heads = {m.group(1) for f in findings if f.label == "SOCIAL_HANDLE" and (m := _HANDLE_HEAD.match(f.text))}
    taken = covered(findings)
    added: list[Finding] = []
    for head in heads:
        for match in regex.finditer(rf"(?<![\w'’-]|\p{{Lu}}\w*[ ]){head.title()}(?![\w'’-]|[ ]\p{{Lu}})", text):
            start, end = match.span()
            quoted = text[start - 1 : start] in _OPENING_QUOTES and text[end : end + 1] in _CLOSING_QUOTES  # '"Quill"'
            if (quoted or not opens_sentence(text, start)) and is_free(*taken, start, end):
                added.append(Finding(start, end, "PERSON", match.group(), 0.6, "name-of-a-handle"))
    return added


_QUOTED_WORD = re.compile(r"[\"“‘']([A-Z][^\W\d_]{2,14})[\"”’']")


_SPELLING_CUE = re.compile(r"(?i:spell\w*|spelt|misspel\w*|surname|name|recorded[ \t]+as|registered[ \t]+as)\W*$")


def _quoted_spellings(text: str, findings: list[Finding]) -> list[Finding]:
    """A quoted word spelled nearly as a found name ('the health visiting record has "Naom"', for Nahom): how
    a record misspelt that person. Not an English or report word."""
    taken = [(f.start, f.end) for f in findings]
    names = {fold(w) for f in findings if f.label == "PERSON" for w in re.findall(r"[^\W\d_]{4,}", f.text)}
    vocab = vocabulary()
    added: list[Finding] = []
    for match in _QUOTED_WORD.finditer(text):
        start, end = match.span(1)
        word = fold(match.group(1))
        said_a_spelling = _SPELLING_CUE.search(text, max(0, match.start() - 40), match.start()) is not None
        word_like = (is_english_form(word) and not said_a_spelling) or vocab.is_vocabulary_word(word)
        if any(a < end and start < b for a, b in taken) or word_like:
            continue  # but 'the surname spelling "Quarter"' is the name, though a word too
        if any(spelt_alike(word, name) for name in names):
            added.append(Finding(start, end, "PERSON", match.group(1), 0.6, "spelling", None))
    return added


@cache
def _particle_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A particle and the name word after it; a particle right before a name ("ap " of "Mr ap Rhys")."""
    particles = "|".join(sorted(name_particles(), key=len, reverse=True))
    either = f"{particles}|{particles.upper()}"  # "MABEL TOBIAH DE CASTRO" of a running header
    # the name word may open the next line of a pasted page: "Ysolde da<LINE BREAK>Quellosa"
    after = regex.compile(
        rf"[ ](?P<particle>{either})(?:[ ]|[ \t]*\n[ \t]*)(?:(?:{either})[ ])?(?P<word>\p{{Lu}}[\p{{L}}'’-]+)"
    )
    before = regex.compile(rf"(?<![\w-])(?:{particles}|(?-i:{particles.upper()}))[ ]$")
    return after, before


_AFTER_A_QUOTE = regex.compile(r"[\"”’'][ \t]+(?P<surname>\p{Lu}[\p{Ll}'’-]+)(?![\w'’-])")


def _surnames_after_quoted_names(text: str, findings: list[Finding]) -> list[Finding]:
    """The family's surname right after a quoted name someone goes by ('"Big Tobs" Quill, paternal uncle'), where
    the draft gives the surname to a person in full elsewhere ("Tobiah Quill"): his surname, though a word
    ("Ward") that no recogniser takes alone."""
    surnames = {f.text.split()[-1] for f in findings if f.label == "PERSON" and len(f.text.split()) > 1}
    taken = covered(findings)
    added = []
    for finding in (f for f in findings if f.label == "PERSON" and text[f.start - 1 : f.start] in "\"“‘'"):
        after = _AFTER_A_QUOTE.match(text, finding.end)
        if after and after.group("surname") in surnames and is_free(*taken, *after.span("surname")):
            added.append(Finding(*after.span("surname"), "PERSON", after.group("surname"), finding.score, "surname"))
    return added


def _shouted_word(word: str) -> bool:
    """A whole word in capitals ("MADOC,"), not an initial ("H.")."""
    letters = word.rstrip(",.")
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


def _names_with_particles(text: str, findings: list[Finding]) -> list[Finding]:
    """A lower-case particle inside a name joins its parts: "Rhys ap Gwilym" and "Tomos ap Dafydd" are one
    name each, not a first name and a leftover; "Mr ap Rhys" is "ap Rhys". The word after the particle must
    be a found name, a word no list knows or a listed surname."""
    after, before = _particle_patterns()
    people = {f.start: f for f in findings if f.label == "PERSON"}
    joined: list[Finding] = []
    absorbed: set[int] = set()
    widened: list[tuple[int, int]] = []  # names widened back over their first name, which is no name of its own
    for finding in findings:
        if finding.label != "PERSON":
            joined.append(finding)
            continue
        if finding.start in absorbed:
            continue  # the name after a particle, now part of the name before it
        start, end = finding.start, finding.end
        words = finding.text.split()
        if len(words) > 1 and words[-1] in name_particles():  # "Ysolde Agatha da" of a model, before "Quellosa"
            end = start + finding.text.rstrip().rindex(" ")
        opening = _GIVEN_NAME_BEFORE.search(text, max(0, start - 30), start) if words[0] in name_particles() else None
        if opening and (gazetteer().is_first_name(opening.group(1)) or _unknown_word(opening.group(1))):
            start = opening.start()  # "Agatha" of "Agatha de Quellina da Quill", a model began at "de"
            widened.append((start, end))
        following = after.match(text, end)
        if following and following.group("particle").isupper() and not finding.text.isupper():
            following = None  # "Ebun DE Quill" is no name in capitals
        word = following.group("word") if following else ""
        # a found name, a word no list knows, or a listed surname: "Mabel Tobiah de Castro", though Castro is a town too
        named = following and (following.start("word") in people or _unknown_word(word))
        if following and (named or gazetteer().is_surname(word.title())):
            absorbed.add(following.start("word"))
            found_after = people.get(following.start("word"))
            end = max(following.end("word"), found_after.end if found_after else 0)
        particle = before.search(text, max(0, start - 8), start)
        record = (  # "AP MADOC, Siôn"; not a rank ("DI QUARRELL")
            particle and particle.group().isupper() and _shouted_word(finding.text.split()[0])
            and particle.group().strip() not in vocabulary().titles
        )
        if particle and (record or after_title(text, particle.start())):
            start = particle.start()
        joined.append(replace(finding, start=start, end=end, text=text[start:end]))
    inside = partial(_inside_any, widened)
    return [f for f in joined if not (f.label == "PERSON" and inside(f))]


def _inside_any(spans: list[tuple[int, int]], finding: Finding) -> bool:
    """``finding`` lies within one of ``spans`` and is shorter."""
    return any(a <= finding.start and finding.end <= b and finding.end - finding.start < b - a for a, b in spans)


_GIVEN_NAME_BEFORE = regex.compile(r"(?<![\w'’-])(\p{Lu}\p{Ll}[\p{L}'’-]*)[ ]$")


_CAPITALISED = regex.compile(r"(?<![\w'’-])\p{Lu}(?:\p{Ll}{2,7}|\p{Lu}{2,7})(?![\w'’-])")  # "Rox", a care log's "ROX"
_NAME_GOES_ON = regex.compile(r"[ ]\p{Lu}\p{Ll}")


def _short_forms(text: str, findings: list[Finding]) -> list[Finding]:
    """A word no list knows that keeps the opening of a found first name and adds at most two letters ("Reubs"
    for Reuben, "Nush" for Nusrat), or keeps a long first name's end ("Seun" for Oluwaseun): what family, friends
    and colleagues call that person. The draft never writes it in lower case."""
    given: dict[str, list[str]] = defaultdict(list)
    tails: set[str] = set()  # "Seun" of Oluwaseun, "Tunde" of Babatunde: a long given name said by its end
    for finding in findings:
        words = finding.text.split() if finding.label == "PERSON" else []
        while len(words) > 1 and vocabulary().is_vocabulary_word(words[0]):
            words.pop(0)  # "Paramedic Oluwaseun Adeyemi", as a model's span may take the job in
        first = words[0] if len(words) > 1 else (words[0] if words and gazetteer().is_first_name(words[0]) else "")
        if len(first) >= 5 and first.isalpha():
            given[fold(first[:3])].append(fold(first))
            tails.update(fold(first)[cut:] for cut in range(3, len(first) - 3))
    spans, ends = covered(findings)
    lower = lowercase_words(text)
    added: list[Finding] = []
    for match in _CAPITALISED.finditer(text):
        word = fold(match.group())
        names = given.get(word[:3], ())
        if not names and word not in tails:
            continue
        unknown = _unknown_word(match.group()) or month_abbreviation_alone(text, *match.span())  # "Aug" for Augustus
        unknown = unknown or _quoted(text, *match.span())  # 'tagged with "Quell"', of Quellin: a word, but quoted
        if word in lower or not is_free(spans, ends, *match.span()) or not unknown:
            continue
        if match.group().isupper() and not any(name.startswith(word) for name in names):
            continue  # "MARF" (a referral form): in capitals only the name's own opening ("EBU" of Ebunola)
        if _NAME_GOES_ON.match(text, match.end()):
            continue  # "Betsi Cadwaladr University Health Board": the first word of a longer name, no short form
        if word in tails or any(short_form_of(word, name) for name in names):
            added.append(Finding(match.start(), match.end(), "PERSON", match.group(), 0.6, "short form", None))
    return added


def _quoted(text: str, start: int, end: int) -> bool:
    """The word at ``text[start:end]`` stands alone in quotation marks: '"Quell"'."""
    return start > 0 and end < len(text) and text[start - 1] in "\"“‘'" and text[end] in "\"”’'"


def _places_streets_are_named_after(text: str, findings: list[Finding]) -> list[Finding]:
    """The place a found street is named after, where the draft names it alone after "at", "near", "outside" ...:
    "a lay-by on Tarn Moor Road outside Tarn Moor". Two words, or one that is no English word, so that "Church" of
    "Church Road" stays a word."""
    stems = set()
    for finding in findings:
        street = _STREET_NAME.search(finding.text) if finding.label in ("ADDRESS", "LOCATION") else None
        words = street.group("stem").split() if street else []
        if len(words) > 1 or (words and not is_english_form(fold(words[0])) and _unknown_word(words[0])):
            stems.add(street.group("stem"))
    spans, ends = covered(findings)
    added = []
    for stem in stems:
        for match in regex.finditer(rf"(?<=\b(?:at|in|near|outside|around|to|from|by|of)[ \t]+){regex.escape(stem)}"
                                    rf"(?![\w'’-]|[ \t]+\p{{Lu}})", text):
            if is_free(spans, ends, *match.span()):
                added.append(Finding(match.start(), match.end(), "LOCATION", stem, 0.6, "street's place", None))
    return added


_OPENING = "opening words"


def _openings_of_organisations(text: str, findings: list[Finding]) -> list[Finding]:
    """An organisation's first two words said alone for it: "the pastor of Quellow Fen" of "Quellow Fen
    Harvest Ministries". Only where neither word is report vocabulary or a common word, the first no first name,
    and no other capitalised word follows (that is the full name, or another)."""
    people = {f.text for f in findings if f.label == "PERSON"}
    gaz, vocab = gazetteer(), vocabulary()
    openings: dict[str, float] = {}  # the opening, and how sure the organisation it opens is
    for finding in findings:
        words = finding.text.split()
        if finding.label != "ORGANISATION" or len(words) < 3 or not all(w[:1].isupper() for w in words[:2]):
            continue
        opening = " ".join(words[:2])
        ordinary = any(vocab.is_vocabulary_word(w) or gaz.is_common_word(w) for w in words[:2])
        # not a person's name opening a panel table's rows run together ("Ignatius Quarrell Independent Chair")
        if not (ordinary or gaz.is_first_name(words[0]) or opening in people):
            openings[opening] = max(finding.score, openings.get(opening, 0.0))
    added = []
    for opening, score in openings.items():
        pattern = rf"(?<![\w'’-]){regex.escape(opening)}(?![\w'’-]|[ \t]+\p{{Lu}})"
        for match in regex.finditer(pattern, text):
            start, end = match.span()
            # free, or holding only a shorter finding ("Quellow", which propagation took for the organisation); surer
            # than such a word, so that the opening stays whole
            if all(f.end <= start or f.start >= end or start <= f.start and f.end <= end for f in findings):
                added.append(Finding(start, end, "ORGANISATION", opening, min(1.0, score + 0.05), _OPENING, None))
    return added


def _areas_services_are_named_after(text: str, findings: list[Finding]) -> list[Finding]:
    """The area a found hospital or service is named after, alone elsewhere: "Quellfen" of "Quellfen Regional
    Hospital" and "Recovery Quellfen", in "Quellfen response officers": a hospital's first word or a service's last
    that no list knows (a service's first word is as often a word: "Pathmakers", "Waymark")."""
    spans, ends = covered(findings)
    added = []
    for area in service_areas(text, findings):
        for match in regex.finditer(rf"(?<![\w'’-]){regex.escape(area)}(?![\w'’-])", text):
            if is_free(spans, ends, *match.span()):
                added.append(Finding(match.start(), match.end(), "LOCATION", area, 0.6, "service's area", None))
    return added


def _areas_of_several_bodies(text: str, findings: list[Finding]) -> list[Finding]:
    """A word alone that opens the names of several bodies found ("Quellby District Hospital", "Quellby Garrison",
    "the Quellby Fijian Fellowship") is the place they are named after ("reach Quellby in time"), not one of them,
    wherever a model or propagation gave it a body's label. (One body's coined head alone is that body.)"""
    areas = service_areas(text, findings)
    names = {f.text for f in findings if f.label in (*_NAMED_PLACES, "LOCATION") and " " in f.text.strip()}
    bodies = Counter(name.split()[0] for name in names)
    several = {area for area in areas if bodies[area] >= 2}
    return [replace(f, label="LOCATION") if f.source in ("propagation", "SpacyNerRecognizer")
            and f.label in _INSTITUTIONS and f.text in several else f for f in findings]  # fmt: skip


def service_areas(text: str, findings: list[Finding]) -> set[str]:
    """The words found hospitals, garrisons and services are named after, that could name an area."""
    people = {word for f in findings if f.label == "PERSON" for word in f.text.split()}
    hospitals_first = {f.text.split()[0] for f in findings if " " in f.text.strip() and (
        f.label == "HOSPITAL" or f.label == "LOCATION" and f.text.split()[-1] in ("Garrison", "Barracks")
    )}  # "Quellby District Hospital", "Quellby Garrison"
    services_last = {f.text.split()[-1] for f in findings if f.label == "ORGANISATION" and " " in f.text}
    services_last = {word for word in services_last if not is_english_form(word.lower())}
    return {word for word in hospitals_first | services_last if word not in people and area_word(word, text)}


_STREET_NAME = regex.compile(
    r"(?:^|[ \t,])(?P<stem>\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})[ \t]+(?:" + "|".join(STREET_TYPES) + r")$"
)


def _names_across_wraps(text: str, findings: list[Finding]) -> list[Finding]:
    """A first name ending a wrapped line and the name opening the next are one person's name ("Desmond" and
    "Halloran-Pike" of "... social worker was Desmond<WRAPPED LINE>Halloran-Pike"): one finding, one person. So is a
    first name right before the rest of a name that propagation found ("Tobiah" and "Augustus<LINE>Quill")."""
    merged: list[Finding] = []
    for finding in findings:
        last = merged[-1] if merged else None
        gap = text[last.end : finding.start] if last is not None else ""
        wrapped = gap.strip(" \t") == "\n" and wrapped_line_ends(text, last.end) if last is not None else False
        words = finding.text.split()
        # one line's words, single-spaced, as a name is written (not across a table's column gap)
        single_spaced = " ".join(words) == finding.text.replace("\n", " ")
        rest_of_a_name = gap == " " and finding.source == "propagation" and len(words) > 1 and single_spaced
        if (
            last is not None
            and last.label == finding.label == "PERSON"
            and last.block == finding.block
            and (wrapped or rest_of_a_name)
            and " " not in last.text
            and gazetteer().is_first_name(last.text)
            and not (last.text.isupper() and len(last.text) <= 3)  # "OM", a worker's letters, is no first name
        ):
            score = max(last.score, finding.score)
            merged[-1] = Finding(last.start, finding.end, "PERSON", text[last.start : finding.end], score, last.source,
                                 last.block)
            continue
        merged.append(finding)
    return merged


def _rows_joined(document: Document) -> list[tuple[int, int, int | None]]:
    """(start, end, block index) of each block, the cells of one table row joined into one piece: a name
    cell is read with the job title or relation beside it ("Indira Kaloti | Named Nurse")."""
    spans: list[tuple[int, int, int | None]] = []
    in_row = False
    for block in document.blocks:
        cell = block.kind is BlockKind.TABLE_CELL
        if cell and in_row and "\n" not in document.text[spans[-1][1] : block.start]:
            spans[-1] = (spans[-1][0], block.end, None)
        else:
            spans.append((block.start, block.end, block.index))
        in_row = cell
    return spans


_TITLE_CASE_NAME_AFTER = re.compile(r",[ \t]*[A-Z][a-z]+\b")


@cache
def _introducer_words() -> frozenset[str]:
    """One-word name introducers ("aka", "alias"): a log in capitals writes them small too ("AKA IGGY")."""
    return frozenset(w for w in vocabulary().name_introducers if " " not in w)


_LINE = re.compile(r"[^\n]*\n?")
# a word the draft writes in Title case inside a sentence ("Ms Ward", "saw Tobiah"): a name it uses as one
_TITLED_MID_SENTENCE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z'’-]+")
_SHOUTED_TITLES = ("MR", "MRS", "MS", "MISS", "DR", "PC", "DC", "DS", "SGT", "NURSE")
_TITLE_BEFORE_SHOUTED = re.compile(rf"\b(?:{'|'.join(_SHOUTED_TITLES)})\.?[ \t]+$")


def names_written_as_names(text: str) -> frozenset[str]:
    """The words (in lower case) that the draft writes in Title case inside a sentence."""
    return frozenset(m.group().lower() for m in _TITLED_MID_SENTENCE.finditer(text))


def recase_shouting(text: str, named: frozenset[str] = frozenset()) -> str:
    """Lines typed in capitals (a run of at least eight words, as a record quoted in a paragraph), read the way
    names are written ("ON THE WRAYFIELD ESTATE" -> "on the Wrayfield estate"): English words in lower case, other
    words in Title case, short ones that are no word ("QXT", "MRN") and words alone in quotes ('"QUIGS"') as written.
    A listed name that is also an English word ("TOY", "WARD") stays a name only after a title or where the draft
    writes it as one (``named``). Offsets are unchanged, so findings index the original text; lines not in
    capitals are returned as they are."""
    pieces, run = [], []  # run: consecutive lines in capitals

    def flush() -> None:
        block = "".join(run)
        words = _SHOUTED_WORD.findall(block)
        pieces.append(_recased(block, named) if len(words) >= SHOUTED_MIN_WORDS else block)
        run.clear()

    for line in _LINE.findall(text):
        words = _SHOUTED_WORD.findall(line)
        if words and sum(w.isupper() for w in words) >= 0.9 * len(words):
            run.append(line)
            continue
        flush()
        pieces.append(line)
    flush()
    recased = "".join(pieces)
    return recased if len(recased) == len(text) else text


_QUOTES = frozenset("\"“”‘’'")


def _recased(text: str, named: frozenset[str]) -> str:
    def recase(match: re.Match[str]) -> str:
        word, start, end = match.group(), match.start(), match.end()
        if text[start - 1 : start].isdigit() or re.match(r"[/-]?\d", text[end : end + 2]):
            return word  # a postcode or a reference: "YX9 4QQ", "CR14", "BDG/0231"
        if _TITLE_CASE_NAME_AFTER.match(text, end):
            return word  # "QUILL, Ignatius": a record's surname first, before the one word typed in title case
        if word in _SHOUTED_TITLES:
            return word.title() if word in ("MR", "MRS", "MS", "MISS", "DR") else word  # "Ms Ward", "PC 3172"
        if text[start - 1 : start] in _QUOTES and text[end : end + 1] in _QUOTES and start > 0:
            return word.title()  # '"QUIGS"': a word alone in quotes, as a nickname is given
        lower = word.lower()
        ordinary = lower in STOP_WORDS or is_english_form(lower) or lower in _introducer_words()
        listed = lower not in STOP_WORDS and gazetteer().is_name(word.split("-")[0].title())
        if not ordinary and not listed and len(word) <= 4:
            return word  # "QXT", "MRN": a plate's letters, an acronym
        titled = _TITLE_BEFORE_SHOUTED.search(text, max(0, start - 8), start) is not None
        name = listed and (not ordinary or titled or lower in named)
        return lower if not name and lower not in CALENDAR_WORDS and ordinary else word.title()

    return _SHOUTED_WORD.sub(recase, text)


def _inside_references(findings: list[Finding]) -> list[Finding]:
    """Drop a name found inside a reference number ("BAS" of "MARAC/BAS/15/0311"), and a phone number that ends
    one ("2016-12-0457" of "NRM-2016-12-0457"): the reference is one."""
    references = [f for f in findings if f.label == "CASE_REFERENCE" and re.search(r"[/-]", f.text)]
    if not references:
        return findings

    def inside(f: Finding) -> bool:
        if f.label in KEEP_FILTERED_LABELS:
            return any(r.start <= f.start and f.end <= r.end for r in references)
        return f.label == "PHONE" and any(r.start < f.start and f.end <= r.end for r in references)

    return [f for f in findings if not inside(f)]


_WORD = re.compile(r"[^\s]+")


def _titled_or_quoted(text: str, word: re.Match[str]) -> bool:
    """A lone word a title stands before ("Mr He") or quotes close round ('known as "Will"'): a name."""
    opened = word.start() > 0 and text[word.start() - 1] in "\"“‘"
    return (opened and text[word.end() : word.end() + 1] in ("\"", "”", "’")) or after_title(text, word.start())


def _without_function_words(text: str, piece: tuple[int, int]) -> tuple[int, int] | None:
    """A name span without the pronouns and articles a model ran into it ("She’s Merryn", "The EAL",
    "Child A. Her"); a lone one is no name unless a title stands before it ("Mr He")."""
    words = list(_WORD.finditer(text, *piece))

    def function_word(match: re.Match[str]) -> bool:
        word = re.sub(r"['’]s$|[.,;:]$", "", match.group())
        if word.islower() and len(word) > 3 and is_english_form(word):
            return True  # "referred Manny": a verb in small letters opens no name (particles "de", "van" are short)
        return len(word) > 1 and word.lower() in STOP_WORDS  # a single letter is an initial ("A, a girl")

    inner = [i for i, w in enumerate(words[1:-1], 1) if w.group().islower() and function_word(w)]
    if inner:  # "Dr Chaudhry referred Manny": two people a verb parts; the model's span keeps the last
        words = words[inner[-1] + 1 :]
    while words and function_word(words[0]) and (len(words) > 1 or not _titled_or_quoted(text, words[0])):
        words.pop(0)
    while len(words) > 1 and function_word(words[-1]):
        words.pop()
    if len(words) == 2 and words[0].group().lower() in vocabulary().relations:
        words.pop(0)  # "Nana Biddy", "Uncle Mo": what the children call a relative; the name is the second word
    label = OWN_PSEUDONYM.search(text, max(0, words[0].start() - 14), words[-1].end()) if len(words) > 1 else None
    if label and label.start() <= words[0].start() and label.end(1) < words[-1].start():
        # "Child H. Tobiah": the review's label ends a sentence and the name opens the next
        words = [w for w in words if w.start() > label.end(1)]
    if not words or (len(words) == 1 and function_word(words[0]) and not _titled_or_quoted(text, words[0])):
        return None
    return words[0].start(), words[-1].end()


def _only_report_words(text: str) -> bool:
    """Function words and report words only ("The", "Trust", "School"): a piece of a name, no name itself."""
    words = vocabulary()
    return all(w.lower() in STOP_WORDS or words.is_vocabulary_word(w) for w in re.findall(r"[\w'’]+", text))


_COLUMN_GAP = re.compile(r"\t|\n| {2,}| ?\| ?| / ")  # " / ": "Signed: G. Pryce / L. Achterberg", two people


_NAMED_PLACES = frozenset({"HOSPITAL", "SCHOOL", "GP_PRACTICE", "ORGANISATION"})


def _column_pieces(text: str, start: int, end: int, wrapped: bool = False) -> list[tuple[int, int]]:
    """A name never spans a tab, a line break or a run of spaces: those separate the columns of a table laid
    out as text ("Stacey         Mother") or a name from a running header. Each piece is judged alone. A line
    break where a PDF wrapped a long line ("Wolds" + line break + "General Infirmary") is no gap in the name
    of a place, whose head word vouches for it (a person's name could run into a running header)."""
    pieces, position = [], start
    gaps = [
        gap
        for gap in _COLUMN_GAP.finditer(text, start, end)
        if not (wrapped and gap.group() == "\n" and wrapped_line_ends(text, gap.start()))
    ]
    for gap in [*gaps, None]:
        piece_end = gap.start() if gap else end
        if text[position:piece_end].strip():
            pieces.append((position, piece_end))
        position = gap.end() if gap else end
    return pieces


def with_blocks(document: Document, findings: Iterable[Finding]) -> list[Finding]:
    """Fill in the block index of findings that lack one (propagated findings may)."""
    starts = [b.start for b in document.blocks]
    out: list[Finding] = []
    for f in findings:
        if f.block is None and starts:
            block = document.blocks[max(0, bisect_right(starts, f.start) - 1)]
            if block.start <= f.start < block.end:
                f = Finding(f.start, f.end, f.label, f.text, f.score, f.source, block.index)
        out.append(f)
    return out


# Labels for "any number after a cue word": a span that a specific, validated recogniser also found
# (an NHS number with its check digit, an NI number) takes that recogniser's label whatever the scores.
CATCH_ALL_LABELS = frozenset({"CASE_REFERENCE"})


def _capitals_joined(text: str, findings: list[Finding]) -> list[Finding]:
    """Two names in capitals one space apart are one name two recognisers found in halves: a title page's "AUGUSTUS
    QUILL" + "PELBURY" is "AUGUSTUS QUILL PELBURY" (whose surname, alone, would not join the child)."""
    joined: list[Finding] = []
    for finding in findings:
        last = joined[-1] if joined else None
        if (
            last is not None and last.label == finding.label == "PERSON" and text[last.end : finding.start] == " "
            and last.text.isupper() and finding.text.isupper() and len(last.text) > 3 and len(finding.text) > 3
        ):  # fmt: skip
            joined[-1] = replace(last, end=finding.end, text=text[last.start : finding.end])
            continue
        joined.append(finding)
    return joined


def resolve_overlaps(findings: Sequence[Finding]) -> list[Finding]:
    """Resolve overlapping findings without losing any covered character.

    Findings are taken strongest first (specific labels before catch-all ones, then higher score,
    then longer span). One that overlaps an
    already accepted finding keeps only the parts that stick out (with its own label and score),
    as long as a part holds a letter or digit: recall first.
    """
    by_block: dict[int | None, list[Finding]] = defaultdict(list)
    for f in findings:
        by_block[f.block].append(f)
    resolved: list[Finding] = []
    for group in by_block.values():
        resolved.extend(_resolve_group(group))
    return sorted(resolved, key=lambda f: (f.start, f.end, f.label))


def _resolve_group(findings: list[Finding]) -> list[Finding]:
    accepted: list[Finding] = []
    order = sorted(
        findings, key=lambda f: (f.label in CATCH_ALL_LABELS, -f.score, -(f.end - f.start), f.start, f.label, f.source)
    )
    for finding in order:
        overlapping = [a for a in accepted if a.overlaps(finding)]
        if len(overlapping) == 1 and _initials_before(finding, overlapping[0]):
            stronger = overlapping[0]  # "J. Ferris" over the stronger "Ferris": one name with its initial
            accepted[accepted.index(stronger)] = replace(finding, score=stronger.score, source=stronger.source)
            continue
        one_name = len(overlapping) == 1 and (
            _surname_after(finding, overlapping[0]) or _given_name_before(finding, overlapping[0])
        )
        if one_name:
            stronger = overlapping[0]  # "Geraldine Bibi" over the stronger "Geraldine": one name, not two people
            accepted[accepted.index(stronger)] = replace(finding, score=stronger.score, source=stronger.source)
            continue
        if len(overlapping) == 1 and (
            _town_inside_a_place(finding, overlapping[0]) or _guessed_name_starts_a_place(finding, overlapping[0])
        ):
            part = overlapping[0]  # "Winsford Children's Centre" over its town, or over a guessed person: one place
            accepted[accepted.index(part)] = finding
            continue
        if len(overlapping) == 1 and finding.label == overlapping[0].label == "ADDRESS":
            stronger = overlapping[0]  # "Pitch 3" and "3, Bramble Lane": one address, not "Pitch" left alone
            first, last = sorted((stronger, finding), key=lambda f: f.start)
            whole = first.text + last.text[first.end - last.start :]  # the earlier one's text, then the rest
            end = max(stronger.end, finding.end)
            accepted[accepted.index(stronger)] = replace(stronger, start=first.start, end=end, text=whole)
            continue
        covers = sorted((a.start, a.end) for a in overlapping)
        if not covers:
            accepted.append(finding)
            continue
        for start, end in _uncovered(finding.start, finding.end, covers):
            piece = _trim(finding, start, end)
            # not "07" of "3 June 201207", a footnote's number glued to a year the date took: no identifier alone
            stub = piece is not None and piece.label == "CASE_REFERENCE" and len(piece.text.strip()) <= 2
            if piece is not None and not (stub and piece.text.strip().isdigit()):
                accepted.append(piece)
    return accepted


_INITIALS_ONLY = regex.compile(r"(?:\p{Lu}\.?[ \t]*){1,3}")


def _initials_before(finding: Finding, accepted: Finding) -> bool:
    """``finding`` is the ``accepted`` person's name with initials before it and nothing after."""
    if finding.label != "PERSON" or accepted.label != "PERSON" or finding.end != accepted.end:
        return False
    before = finding.text[: accepted.start - finding.start]
    return accepted.start > finding.start and _INITIALS_ONLY.fullmatch(before) is not None


def _town_inside_a_place(finding: Finding, accepted: Finding) -> bool:
    """``finding`` is a named place ("Winsford Children's Centre") whose name holds the ``accepted`` town whole:
    the town recogniser scores higher, but the place is the one thing named."""
    return (
        finding.label in _NAMED_PLACES
        and accepted.label == "LOCATION"
        and finding.start <= accepted.start
        and accepted.end < finding.end
    )


# recognisers that guess a name from the words around it, not from a title or a list of names
_GUESSED_NAME_SOURCES = frozenset({"ContextNameRecognizer", "SpacyNerRecognizer"})
# recognisers of a place by its kind's word ("Service", "School", "Surgery"), which vouches for the name before it
_HEADED_PLACE_SOURCES = frozenset(
    {"OrganisationRecognizer", "SchoolRecognizer", "GpPracticeRecognizer", "HospitalRecognizer"}
)


def _guessed_name_starts_a_place(finding: Finding, accepted: Finding) -> bool:
    """``finding`` is a named place whose name begins with the ``accepted`` person that a recogniser guessed from
    the words before it: "referred to Brave Lanterns Carers Service" names a charity, not a "Brave"; but "a drug
    worker, Ebun Quill of the Quellmoor Recovery Project" names a worker and where she works."""
    rest = finding.text[accepted.end - finding.start :]
    return (
        finding.source in _HEADED_PLACE_SOURCES
        and accepted.label == "PERSON"
        and accepted.source in _GUESSED_NAME_SOURCES
        and finding.start == accepted.start
        and regex.match(r"[ \t]+\p{Lu}", rest) is not None  # the place's own next word, not "of the ..."
    )


def _given_name_before(finding: Finding, accepted: Finding) -> bool:
    """``finding`` is the ``accepted`` person's name with a given name before it that a stronger recogniser left
    off: "Idil" of "Idil Warsan Cali", whose last two names are her father's."""
    if finding.label != "PERSON" or accepted.label != "PERSON" or finding.end != accepted.end:
        return False
    head = finding.text[: accepted.start - finding.start]
    return (
        finding.start < accepted.start
        and regex.fullmatch(r"[\p{Lu}][\p{L}'’-]+[ ]", head) is not None
        and _trim(finding, finding.start, accepted.start - 1) is not None
    )


def _surname_after(finding: Finding, accepted: Finding) -> bool:
    """``finding`` is the ``accepted`` person's given name and, after a space, one more word that would stand
    as a name of its own once trimmed, or that a name found whole elsewhere ends with: a surname that a stronger
    recogniser left off."""
    if finding.label != "PERSON" or accepted.label != "PERSON" or finding.start != accepted.start:
        return False
    rest = finding.text[accepted.end - finding.start :]
    if finding.source == OCR_SOURCE:
        return accepted.end < finding.end  # "Ottoline Quarre1l": the misread surname the found name runs into
    return (
        accepted.end < finding.end
        and regex.fullmatch(r"[ ][\p{Lu}][\p{L}'’-]+", rest) is not None
        # a name found whole elsewhere keeps a surname that is also a word ("Roble", "Hill"); and a title after a
        # given name that is also a surname is his surname ("Ignatius Judge"): titles go before names
        and (
            finding.source == "propagation"
            or _trim(finding, accepted.end, finding.end) is not None
            or (is_title(rest.strip()) and gazetteer().is_surname(rest.strip()))
        )
    )


def _uncovered(start: int, end: int, covers: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    position = start
    for cover_start, cover_end in covers:
        if cover_start > position:
            yield position, min(cover_start, end)
        position = max(position, cover_end)
    if position < end:
        yield position, end


def _kin_surname(finding: Finding, start: int) -> bool:
    """The leftover at ``start`` ends the name and is another language's kinship word: the surname "Bibi" of
    "Geraldine Bibi" once her first name was taken, not a word for grandmother before a name ("Nan Bridie")."""
    return start > finding.start and _kin_word(finding.text[start - finding.start :].strip(" \t\n,.;:()-–'’\"|"))


_LEADING_CONNECTOR = regex.compile(r"(?:and|of|the|for|&)[ \t]+(?=\p{Lu})")


_NUMBERS = frozenset({"CASE_REFERENCE", "PHONE", "NHS_NUMBER"})  # identifiers that are numbers


def _trim(finding: Finding, start: int, end: int) -> Finding | None:
    """The part ``[start, end)`` of ``finding`` without edge spaces or punctuation, if anything is left."""
    text = finding.text[start - finding.start : end - finding.start]
    left = len(text) - len(text.lstrip(" \t\n,.;:()-–'’\"|"))
    connector = _LEADING_CONNECTOR.match(text, left)
    if connector and finding.label != "PERSON":
        left = connector.end()  # "and Quell Steps" left over from "<Name> Surgery and Quell Steps": the charity
    right = len(text.rstrip(" \t\n,.;:()-–'’\"|"))
    if right <= left or not any(c.isalnum() for c in text[left:right]):
        return None
    piece = text[left:right]
    if finding.label in _NUMBERS and not any(c.isdigit() for c in piece):
        return None  # "CAD" left over from "CAD 160114-0872" once the number was found on its own: a word
    if all(is_title(w) for w in piece.split()) or (finding.label == "PERSON" and only_ordinary_words(piece)):
        return None  # "Mrs" left over from "Mrs Smith" (of any label), "DRAFT" from "Susan Mohamud - DRAFT" ...
    if finding.label == "PERSON" and piece.lower() in vocabulary().relations and not _kin_surname(finding, start):
        return None  # "Nan" left over from "Nan Bridie": what the children call her, not her name
    if finding.label in _NAMED_PLACES and _only_report_words(piece):
        return None  # "Trust" left over from "... NHS Trust<LINE>Karen FERRY ...": a head word names nothing alone
    if finding.label in KEEP_FILTERED_LABELS and piece.islower():
        return None  # "county" left over from "Bihor county" once the town was taken
    return Finding(
        start + left,
        start + right,
        finding.label,
        text[left:right],
        finding.score,
        finding.source,
        finding.block,
    )
