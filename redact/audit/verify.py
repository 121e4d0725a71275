"""Leak check: does any original identifier from the key survive in a published file?

What is searched: the file's text (PDF text layer through PDFium, Markdown/text as written) and its
metadata (the information dictionary and the XMP packet), made searchable by ``disguises.searchable``:
invisible characters (zero-width, soft hyphens, and the box a PDF font draws for a glyph it lacks inside a word)
removed, NFKC forms, line-end hyphenation joined, whitespace folded; and read a second time with hyphens inside
words joined ("Kay-den": a soft hyphen a PDF drew mid-line). What is searched for, for every entity the key
does not mark as kept:

* each mention as written (possessive dropped), in any case;
* for people, each part of each mention (first name, surname, initials of two or more letters), in any
  case and in the plural ("the Joyces"), except parts that are also ordinary English words ("Rose",
  "Hall", "Young"): those are searched in Title case and capitals only, so that "the hall" is not a leak
  but "Hall" and "HALL" are; and the initials of a full name, in capitals outside headings ("AR" or
  "A.R." for Alicia Roarke);
* for identifiers (postcodes, phone, NHS and NI numbers ...), the characters with any or no separators;
  phone numbers also in international form, e-mail addresses also with "(at)", " at ", "[dot]".

Kept names (the statutory named roles), the texts a reviewer decided to keep and the pseudonyms
themselves ("Doctor 1" for a Dr Upma Doctor) are masked before searching, as whole phrases only, so a
family member who shares a surname with the panel chair is still checked elsewhere.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from redact.audit.disguises import (
    bounded,
    email_pattern,
    identifier_pattern,
    national_digits,
    phone_pattern,
    searchable,
)
from redact.audit.key import Key, KeyEntity
from redact.detect.gazetteer import fold, gazetteer, is_well_known_place, uk_towns
from redact.detect.initials import written_surname_first
from redact.detect.keep import (
    acronym_is_the_role,
    agency_spans,
    area_connectors_lowered,
    board_areas,
    in_qualifications,
    vocabulary,
)
from redact.errors import InputError, RedactError
from redact.lexicon import english_words, is_english_form, is_verb_form, name_particles, noun_lemmas

IDENTIFIER_LABELS = {"POSTCODE", "PHONE", "NHS_NUMBER", "NI_NUMBER", "CASE_REFERENCE", "VEHICLE_REG", "EMAIL",
                     "SOCIAL_HANDLE"}


_COMPASS_POINTS = frozenset({"north", "south", "east", "west", "central"})


@cache
def _titles() -> frozenset[str]:
    """The one-word titles and ranks of the vocabulary, in lower case: "mrs", "dr", "sgt", "lcpl"."""
    return frozenset(t.lower() for t in vocabulary().titles if " " not in t)


def _name_words(words: list[str]) -> list[str]:
    """The words after the titles a mention opens with: "Iona Baird" of "Capt Iona Baird"; but "Doctor" of
    "Upma Doctor", a surname that is also a title, stays."""
    first = 0
    while first < len(words) and words[first].lower() in _titles():
        first += 1
    return words[first:]


_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Leak:
    file: str
    where: str  # "text" or "metadata:<field>"
    entity_id: str
    identifier: str
    context: str

    def __str__(self) -> str:
        return f"{self.file} ({self.where}): {self.identifier!r} of {self.entity_id} in ...{self.context}..."


def _words_pattern(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in text.split())


def _phrase_pattern(text: str) -> str:
    return bounded(_words_pattern(text))


def _identifier_pattern(label: str, text: str) -> str:
    disguised = {"EMAIL": email_pattern, "PHONE": phone_pattern}.get(label)
    return (disguised and disguised(text)) or identifier_pattern(text)


_INITIALS = re.compile(r"[A-Z]{2,3}")
_CAPITALS = re.compile(r"(?<![\w.])[A-Z](?:\.?[A-Z]){1,2}\.?(?!\w)")  # "AR", "A.R.": where initials may stand


def _probe(label: str, identifier: str) -> str | None:
    """What every match of the identifier's pattern holds, in lower case with its spaces folded to one: the words
    as written ("18 april 2013"), to look up in the text folded alike (:func:`_folded`). None where a pattern
    matches the identifier written otherwise (numbers with other separators, dotted initials)."""
    if label in IDENTIFIER_LABELS or _INITIALS.fullmatch(identifier):
        return None
    return _folded(identifier) or None


def _squeezed_probe(label: str, identifier: str) -> str | None:
    """What every match of a number's or code's pattern holds once separators are squeezed out of the text (see
    :func:`_squeezed`): its letters and digits, a phone number's national digits. None for an e-mail address,
    whose disguises ("(at)", "[dot]") add letters."""
    if label == "PHONE":
        digits = national_digits(identifier)
        return digits[1] if digits else None
    if label in IDENTIFIER_LABELS and label != "EMAIL":
        return "".join(c for c in identifier.lower() if c.isalnum()) or None
    return None


def _squeezed(text: str) -> str:
    """``text`` in lower case with everything but letters and digits taken out."""
    return re.sub(r"[\W_]+", "", text.lower())


def _folded(text: str) -> str:
    """``text`` in lower case with every run of white space one space: where a probe is looked up."""
    return " ".join(text.lower().split())


def _initials_of(mention: str) -> set[str]:
    """ "AR" for "Alicia Roarke", "ABR" for "Alicia Beth Roarke": how records abbreviate a full name."""
    words = [w for w in _name_words([w for w in re.split(r"[\s.]+", mention) if w]) if w[0].isalpha()]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return set()
    if written_surname_first(mention):  # "OKAFOR-BYRNE, Adaeze" is AO, as the detector reads it; not OA
        words = words[1:] + words[:1]
    initials = {(words[0][0] + words[-1][0]).upper(), "".join(w[0] for w in words[:3]).upper()}
    return initials - vocabulary().acronyms  # "GP" of George Price: searched only where the detector found it


def _initials_pattern(initials: str) -> str:
    """The initials standing alone in capitals, with or without dots ("AR", "A.R."), not in a heading in
    capitals ("AT THE TIME")."""
    dotted = r"\.".join(re.escape(c) for c in initials) + r"\."
    return rf"(?<![\w.])(?<![A-Z]{{2}} )(?:{re.escape(initials)}|{dotted})(?![\w])(?! [A-Z]{{2}})"


def _cased_pattern(text: str) -> str:
    """``text`` as written, in Title case or in capitals; not as the label of a number ("Day 15", "Stage 2"),
    and a month name not where it is part of a date."""
    forms = dict.fromkeys((text, text.title(), text.upper()))  # "McGinley" as written, not only "Mcginley"
    cased = "(?:" + "|".join(_words_pattern(form) for form in forms) + ")"
    day_before = ""
    if text.lower() in _MONTHS:
        day_before = "".join(rf"(?<!\d{suffix} )" for suffix in ("", "st", "nd", "rd", "th"))
    return rf"(?<![\w]){day_before}{cased}(?![\w])(?! \d)"


_MONTHS = frozenset(calendar.month_name[i].lower() for i in range(1, 13))


def _with_plural(name: str) -> str:
    """The name, and for a name of four letters or more its plural with a capital ("the Joyces", "the JOYCES"
    is the family; "cafés" is no plural of a Mr Café)."""
    if len(name) < 4:
        return re.escape(name)
    title, upper = re.escape(name[0].upper() + name[1:]), re.escape(name.upper())
    return rf"(?:{re.escape(name)}|(?-i:{title}e?s|{upper}E?S))"


def entity_patterns(entity: KeyEntity) -> list[tuple[str, re.Pattern[str]]]:
    """(identifier, compiled pattern) pairs to search for one entity."""
    patterns: dict[str, re.Pattern[str]] = {}
    for mention in entity.mentions:
        mention = _POSSESSIVE.sub("", mention.strip())
        if sum(c.isalnum() for c in mention) < 2:
            continue  # a lone initial ("A") cannot be told from the article; the audit trail lists it
        if entity.label not in IDENTIFIER_LABELS and mention.isdigit() and len(mention) < 4:
            continue  # a house number cut from its street ("23" of "23 Tennyson House"): no name, any "23" matches
        if mention.isdigit() and len(mention) < 3:
            continue  # two digits left of a reference ("07" a footnote glued to a year): no one's, any "07" matches
        if entity.label in IDENTIFIER_LABELS and sum(c.isalnum() for c in mention) >= 4:
            patterns[mention] = re.compile(_identifier_pattern(entity.label, mention), re.IGNORECASE)
            continue
        if re.fullmatch(r"[A-Z]{2,3}", mention):  # initials ("JO", "GP"): in capitals, not as the role
            patterns[mention] = re.compile(_initials_pattern(mention))
            continue
        if all(is_english_form(_POSSESSIVE.sub("", word).lower()) for word in mention.split()) or (
            mention.lower() in name_particles()  # "Mr Ap", a record's slip for "ap Madoc": not the "ap" of a name
        ):
            patterns[mention] = re.compile(_cased_pattern(mention))  # "Day", "Rose Hall": not "a day"
        elif entity.label == "PERSON" and " " not in mention:
            patterns[mention] = re.compile(bounded(_with_plural(mention)), re.IGNORECASE)
        else:
            patterns[mention] = re.compile(_phrase_pattern(mention), re.IGNORECASE)
        if entity.label != "PERSON":
            continue
        for initials in _initials_of(mention):
            patterns.setdefault(initials, re.compile(_initials_pattern(initials)))
        parts = _name_words([p.strip("-'’,()") for p in re.split(r"[\s.]+", mention)])
        for part in parts:
            if len(part) < 2 or part in patterns or part.lower() in STOP_WORDS:
                continue  # "He" of "C. He": a pronoun is searched only as a whole mention
            if len(parts) > 1 and part in name_particles():
                continue  # "ap" of "Dafydd ap Rhys", "van" of "Lotte van Dijk": no name alone
            if len(parts) > 1 and part.lower() in _COMPASS_POINTS:
                continue  # "North" of a place a model called a person: every "North East ..." body would match
            if len(parts) > 1 and part.lower() in vocabulary().relations:
                continue  # "Nan" of "Nan Bridie": what the children call her, searched only with her name
            if len(parts) > 1 and vocabulary().is_vocabulary_word(part) and not gazetteer().is_name(part):
                continue  # "Headteacher" of a span that swallowed a job title: what was redacted is the name
            if is_english_form(part.lower()):
                if len(parts) > 1 and not gazetteer().is_name(part):
                    continue  # "Death" of "Child Death", "SAYS" of "JO SAYS TV": what was redacted is the name
                patterns[part] = re.compile(_cased_pattern(part))
            elif len(part) <= 3:  # "Quy" of "Trinh Quy Khoa": a short part in lower case is another tongue's word
                patterns[part] = re.compile(_cased_pattern(part))  # ("anh", an elder brother), not the name
            else:
                patterns[part] = re.compile(bounded(_with_plural(part)), re.IGNORECASE)
    return list(patterns.items())


def mask_phrases(text: str, phrases: Iterable[str], fill: str = "\u2588") -> str:
    """``text`` with each phrase (whole words, any case, possessive dropped) overwritten, same length."""
    words = {tuple(w.lower() for w in _POSSESSIVE.sub("", p.strip()).split()) for p in phrases} - {()}
    if not words:
        return text
    every = re.compile(bounded(_trie_pattern(words)), re.IGNORECASE)  # one pass, the longest phrase at each place
    return every.sub(lambda m: fill * len(m.group()), text)


def _trie_pattern(phrases: set[tuple[str, ...]]) -> str:
    r"""One regex for phrases of words, shared openings factored out ("adult\s+(?:12|1)"), so that it runs in
    one pass whatever their number; a longer phrase wins over one it begins."""
    branches: dict[str, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        branches.setdefault(phrase[0], set()).add(phrase[1:])
    parts = []
    for word in sorted(branches, key=len, reverse=True):
        rest = branches[word] - {()}
        tail = rf"(?:\s+{_trie_pattern(rest)})" + ("?" if () in branches[word] else "") if rest else ""
        parts.append(re.escape(word) + tail)
    return "(?:" + "|".join(parts) + ")"


def mask_spans(text: str, spans: Iterable[tuple[int, int]], fill: str = "\u2588") -> str:
    """``text`` with each span overwritten, same length."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = fill * (end - start)
    return "".join(chars)


def published_content(path: Path) -> list[tuple[str, str]]:
    """(where, text) pairs of a published file: its text and each metadata field."""
    suffix = path.suffix.lower()
    if suffix in {".md", ".txt", ".html"}:
        try:
            return [("text", path.read_text(encoding="utf-8"))]
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read published file to verify it: {exc}", path) from exc
    if suffix == ".pdf":
        try:
            return [("text", pdf_text(path))] + [(f"metadata:{k}", v) for k, v in pdf_metadata(path).items()]
        except Exception as exc:  # the PDF libraries raise many types; any of them means we cannot verify
            raise InputError(f"cannot read published PDF to verify it: {exc}", path) from exc
    raise InputError(f"cannot verify files of type {suffix or '(none)'}", path)


def pdf_text(path: Path) -> str:
    """Every page's text layer as PDFium (the engine of Chrome's PDF viewer) reads it: what a reader of
    the website sees, and about ten times faster than pdfplumber's character objects."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    finally:
        document.close()


def pdf_metadata(path: Path) -> dict[str, str]:
    """The document information dictionary (title, author, producer ...) and the XMP packet's text
    (``dc:creator``, ``dc:title`` ...), through pdfplumber."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(path) as pdf:
        fields = {str(k): str(v) for k, v in (pdf.metadata or {}).items()}
        xmp = resolve1(pdf.doc.catalog.get("Metadata"))
        if xmp is not None:
            packet = xmp.get_data().decode("utf-8", errors="replace")
            fields["XMP"] = re.sub(r"<[^>]*>", " ", packet)
        return fields


def variant_of(path: Path, variants: Iterable[str]) -> str | None:
    """The variant a published file belongs to, from its name (``STEM.VARIANT.pdf``), if known."""
    return next((v for v in variants if path.name.endswith(f".{v}{path.suffix}")), None)


_OPENING = re.compile(r"(?:^|[|\n]|[.!?:]\s|\d\s)\s*$")  # a line, cell or sentence; a cell after a date
_NEXT_WORD = re.compile(r" ([a-z]{3,})\b")
_HEADING_BEFORE = re.compile(r"(?:^|\n|(?<=[.:\d] ))([A-Z][a-z]+) $")  # a header row, perhaps after a page number
_HOUSEHOLD_NOUNS = frozenset({"family", "families", "household", "home", "house", "children", "case"})


def _in_header_row(text: str, start: int) -> bool:
    """After an ordinary capitalised word that opens the line: a table's header row flattened to one line
    ("Name Job title Organisation"), where each heading opens a cell nobody can see any more."""
    before = _HEADING_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    heading = before.group(1)
    opens_line = before.group(0)[0] == "\n" or before.start() == 0
    column_heading = heading.lower() in vocabulary().section_words or heading == "Name"  # "... 2010. Name Job title"
    return (opens_line or column_heading) and heading.lower() in english_words() and heading not in vocabulary().titles


def _board_headings_joined(text: str) -> str:
    """The text with heading marks gone and capitals recased, so that "## HERTFORD VALE LOCAL SAFEGUARDING ##
    CHILDREN BOARD", a heading a PDF broke in two, reads as the board's name."""
    joined = re.sub(r"[ \t]*(?:\n|#+)[#>*| \t\n]*", " ", text)

    def recased(word: re.Match[str]) -> str:  # a board's acronym stays: "Northshire LSCB" is no "Northshire Lscb"
        return word.group() if word.group() in vocabulary().acronyms else word.group().title()

    return area_connectors_lowered(re.sub(r"\b[A-Z][A-Z'’&-]{3,}\b", recased, joined))


_AREA_NAME_WORD = r"(?:\bNHS|\b(?:East|West|North|South|Greater|Central|Mid))"
_AREA_NAME_BEFORE = re.compile(_AREA_NAME_WORD + r"[ \t]+$")
# the same with render.pdf's footer between, where a page broke the name: "NHS Overview Report - page 5 Brinmoor"
_AREA_NAME_BEFORE_FOOTER = re.compile(_AREA_NAME_WORD + r"(?:\s+[A-Z][\w'’]*){1,6}\s+-\s+page\s+\d+\s+$")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A place word with a capitalised word after it ("East Lancashire Hospitals", "Luton Children's") or a
    compass point or "NHS" before it: part of a body's name, not the place said alone (a kept name after it, masked
    before the search, counts as such a word); our own page footer
    ("Executive Summary - page 5") may stand between them where a page broke the name."""
    named_on = re.match(r"[ \t]+[A-Z\u2588]", text[end : end + 2])  # or a kept name, masked: "QUELLBURY AND EAST ..."
    before = text[max(0, start - 120) : start]
    return bool(named_on or _AREA_NAME_BEFORE.search(before[-10:]) or _AREA_NAME_BEFORE_FOOTER.search(before))


# a web address up to here; our PDF's text may break a long one with single spaces ("www.exam ple.org/fen"); or
# a Markdown link's path on the board's own site ("[Board](/fen-safeguarding-children-board)")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.|\]\(/)(?:\S| (?=\S))*$")


def _in_a_web_address(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a web address, written small as addresses are ("https://www.example.org/<here>")."""
    return text[start : start + 1].islower() and _WEB_ADDRESS.search(text, max(0, start - 200), start) is not None


def _opening_word_of_a_phrase(text: str, start: int, end: int) -> bool:
    """An ordinary word capitalised only because it opens a line, cell or sentence, and the noun phrase it
    opens: "Day centre" beside "the day centre", "Job title" heading a table. A surname followed by a verb
    ("Day rang", "Job told") or by a household noun ("Day family") stays a leak."""
    word = text[start:end]
    if not word.istitle() or " " in word or word.lower() not in english_words():
        return False
    following = _NEXT_WORD.match(text, end)
    if following is None or not (_OPENING.search(text, max(0, start - 3), start) or _in_header_row(text, start)):
        return False
    phrase = f"{word.lower()} {following.group(1)}"
    if re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text):
        return True
    noun = following.group(1)
    about_people = noun in _HOUSEHOLD_NOUNS or noun in vocabulary().relations
    return noun in noun_lemmas() and not about_people and not is_verb_form(noun)


def find_leaks(files: Sequence[Path], key: Key) -> list[Leak]:
    """Every original identifier found in ``files``; an empty list means they are safe to publish.

    Entities are searched in the variants that pseudonymised or removed them (dates and ages that a
    variant generalises are shown in the audit trail instead); in a file of unknown variant, all are.
    """
    if not key.entities:
        raise RedactError("the key lists no entities: nothing to verify against")
    kept = [m for e in key.entities if e.kept for m in e.mentions] + list(key.allowed)
    kept += [e.pseudonym for e in key.entities if e.pseudonym and not e.pseudonym.startswith("[")]
    # our own placeholders ("[NI number]" holds "NI"), exactly as the key gives them: a draft's own bracketed
    # text ("[Kerry Dunn]") is searched like any other
    ours = {e.pseudonym for e in key.entities if e.pseudonym.startswith("[")}
    placeholder = re.compile("|".join(map(re.escape, sorted(ours, key=len, reverse=True)))) if ours else None
    variants = {name for e in key.entities for name, _ in e.actions}
    patterns = {e.entity_id: entity_patterns(e) for e in key.entities if not e.kept}
    probes = {
        (i, e.label): (_probe(e.label, i), _squeezed_probe(e.label, i))
        for e in key.entities
        if not e.kept
        for i, _ in patterns[e.entity_id]
    }
    leaks: list[Leak] = []
    for path in files:
        variant = variant_of(path, variants)
        checks = [(e, i, p) for e in key.entities if e.checked_in(variant) for i, p in patterns[e.entity_id]]
        for where, content in published_content(path):
            text = searchable(content)
            placeholders = [m.span() for m in placeholder.finditer(text)] if placeholder else []
            agencies = agency_spans(text)
            areas = board_areas(_board_headings_joined(text), None)
            text = mask_spans(mask_phrases(text, kept), placeholders)
            # A town inside a kept agency's name ("Wakefield Council") is the agency; a person's name never is:
            # a flattened table row can run a name into the agency after it.
            places_text = mask_spans(text, agencies)
            capitals = {m.group().replace(".", "") for m in _CAPITALS.finditer(text)}
            texts = (_folded(text), _squeezed(text), capitals)
            runs = [(text, places_text, [c for c in checks if _may_hold(c, probes, texts)])]
            # a soft hyphen drawn as a hyphen in the middle of a PDF line ("Kay-den"): read as the word it splits,
            # for what only that reading holds
            joined, joined_places = _IN_WORD_HYPHEN.sub("", text), _IN_WORD_HYPHEN.sub("", places_text)
            if joined != text:
                searched = {id(c) for c in runs[0][2]}
                joined_texts = (_folded(joined), _squeezed(joined), capitals)
                # what the plain reading could not hold, and what no probe rules out
                fresh = [c for c in checks if id(c) not in searched or not any(probes[c[1], c[0].label])]
                runs.append((joined, joined_places, [c for c in fresh if _may_hold(c, probes, joined_texts)]))
            for plain, places, run_checks in runs:
                leaks += _leaks_in(path.name, where, plain, places, run_checks, areas, probes)
    return list(dict.fromkeys(leaks))


_IN_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _may_hold(check: tuple[KeyEntity, str, re.Pattern[str]], probes: dict, texts: tuple[str, str, set[str]]) -> bool:  # type: ignore[type-arg]
    """Whether a text could hold the identifier at all: what every match holds is in it (no regex run else).
    ``texts`` is the text folded, squeezed and its capitals."""
    entity, identifier, _ = check
    lowered, squeezed, capitals = texts
    probe, squeezed_probe = probes[identifier, entity.label]
    return not (
        (probe and probe not in lowered)
        or (squeezed_probe and squeezed_probe not in squeezed)
        or (_INITIALS.fullmatch(identifier) and identifier not in capitals)
    )


def _matches(pattern: re.Pattern[str], text: str, lowered: str, probe: str | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where the probe's first word stands (every match opens with it): a
    pattern scanned over a whole 100-page file costs ten milliseconds, and verify holds thousands."""
    if probe is None or len(lowered) != len(text):  # "İ" lowers to two characters: the offsets would part
        yield from pattern.finditer(text)
        return
    first = probe.split(" ", 1)[0]
    start = lowered.find(first)
    while start >= 0:
        match = pattern.match(text, start)
        if match:
            yield match
        start = lowered.find(first, match.end() if match else start + 1)


def _leaks_in(
    file: str, where: str, text: str, places_text: str, checks: list[tuple[KeyEntity, str, re.Pattern[str]]],
    areas: list[str], probes: dict,  # type: ignore[type-arg]
) -> list[Leak]:
    leaks: list[Leak] = []
    text_lower, places_lower = text.lower(), places_text.lower()
    for entity, identifier, pattern in checks:
        place_word = fold(identifier) in uk_towns() or is_well_known_place(identifier)  # "Leigh", "Walsall"
        lone_word = " " not in identifier and identifier in entity.mentions  # "Kent" found alone: "Kent Police"
        in_places = entity.label != "PERSON" or place_word or lone_word
        searched, lowered = (places_text, places_lower) if in_places else (text, text_lower)
        for match in _matches(pattern, searched, lowered, probes[identifier, entity.label][0]):
            rank = identifier.isupper() and identifier in vocabulary().titles  # initials "PS", and "PS 1190"
            role_word = identifier in vocabulary().acronyms or rank
            if role_word and acronym_is_the_role(searched, *match.span()):
                continue  # "the GP", "Named GP for Safeguarding": the role, not someone's initials
            if _INITIALS.fullmatch(identifier) and in_qualifications(searched, *match.span()):
                continue  # "MA" of "Helen Ward, MA, CQSW": an author's degrees, not Maisie Ashworth
            if _opening_word_of_a_phrase(searched, match.start(), match.end()):
                continue  # "Day centre" opening a table cell, where the file also says "day centre"
            area_word = any(identifier in (area, *area.split()) for area in areas)
            if area_word and _in_a_name(text, match.start(), match.end()):  # masking keeps every offset
                continue  # the board's own area inside an agency's name a PDF's page break cut short
            if area_word and _in_a_web_address(text, match.start()):
                continue  # "www.example.org/northshire-lscb/": the board's own site, public as its name is
            context = searched[max(0, match.start() - 30) : match.end() + 30]
            leaks.append(Leak(file, where, entity.entity_id, identifier, context))
    return leaks
