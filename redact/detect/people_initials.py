"""Initials that stand for a person whom the draft never names in full with them: "QP called back", "that EP
was tired" (Ebun, whose father is Tobiah Pelbury). Letters that an acronym could be are left alone: a
vocabulary word, a role or agency, an English word, letters the draft puts an article before ("the CSP") or
whose capitalised words it writes out ("Community Safety Partnership")."""

from __future__ import annotations

from bisect import bisect_left

import regex as re
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.finding import Finding, covered, is_free
from redact.detect.gazetteer import gazetteer
from redact.detect.initials import keys_the_name
from redact.detect.keep import names_a_role_or_agency, vocabulary
from redact.lexicon import english_words

SOURCE = "initials-of-a-person"
SCORE = 0.6

_LETTERS = re.compile(r"(?<![\w./&'’-])\p{Lu}{2,3}(?![\w/&-]|['’]\p{Lu})")
# an article or possessive before the letters makes them a thing: "the CSP", "our MASH", "this CT"
_ARTICLE_BEFORE = re.compile(
    r"\b(?i:the|a|an|this|these|those|our|their|his|her|its|any|each|every|no|per|via|whose)[ \t]+\Z"
)
# where a sentence's subject stands: its start, or after a conjunction
_SUBJECT_PLACE = re.compile(
    r"(?:(?:^|[.;:!?][ \t]+|\n)[ \t]*|\b(?:that|and|but|when|because|while|although|so|then|until|after|before|if)"
    r"[ \t]+)\Z"
)
# what a person does: speaks, sees, visits, decides; not what a scan or a service does ("showed", "included")
_PERSONAL_VERBS = (
    "told|said|saw|asked|visited|spoke|called|phoned|rang|referred|weighed|focused|focussed|felt|thought|agreed|"
    "wrote|e-?mailed|met|explained|advised|noticed|believed|decided|recalled|admitted|denied|refused|disclosed|"
    "translated|interpreted|cried|arrived"
)
_ACTING = re.compile(rf"[ \t]+(?:(?:did|had|was|could|would)[ \t]+not|(?:{_PERSONAL_VERBS}))\b")
_BEING = re.compile(r"[ \t]+(?:was|were|is|had|has|did|would|could)\b")
# "Key: N = subject child (Ebun, dob ...); K = half-brother Tobiah (5 yrs); M = mother", or a key's line with
# the letters in a column of their own ("EQ<TAB>Ebun", "E<TAB>subject child, Ebun Quill")
_KEY_ENTRY = re.compile(
    r"(?:^|[;:,][ \t]*|\n)(?P<letters>\p{Lu}{1,3})(?:[ \t]*=[ \t]*|(?<=^\p{Lu}{1,3})(?:\t|[ ]{2,})[ \t]*)"
    r"(?P<gloss>[^;\n=]{1,60})",
    re.MULTILINE,
)
_CAPITALISED_RUN = re.compile(
    r"\p{Lu}[\w'’-]*(?:[ \t]+(?:(?:of|and|for|the|&)[ \t]+)*\p{Lu}[\w'’-]*)+"
)


def person_initials(text: str, findings: list[Finding]) -> list[Finding]:
    """Each use of letters the draft uses as a person's: once as a sentence's subject doing what people do ("QP
    referred Hester"), or, as the subject of any verb, the initial of a child's first name the draft gives alone
    and of a surname it gives ("EP was tired", of Ebun and Pelbury). Never where a found name already is."""
    uses: dict[str, list[re.Match[str]]] = {}
    for match in _LETTERS.finditer(text):
        uses.setdefault(match.group(), []).append(match)
    uses = {letters: matches for letters, matches in uses.items() if not _could_be_an_acronym(text, letters, matches)}
    if not uses:
        return []
    people = [f for f in findings if f.label == "PERSON"]
    spelled = _spelled_out(text, covered(people))
    lone_first = {f.text.strip()[0] for f in people if _lone_first_name(f.text.strip())}
    surnames = {words[-1][0] for f in people if len(words := f.text.split()) > 1 and words[-1][:1].isupper()}
    taken = covered(findings)
    added: list[Finding] = []
    for letters, matches in uses.items():
        if letters in spelled:
            continue
        subjects = [m for m in matches if _SUBJECT_PLACE.search(text, max(0, m.start() - 40), m.start())]
        acting = any(_ACTING.match(text, m.end()) for m in subjects)
        family = len(letters) == 2 and letters[0] in lone_first and letters[1] in surnames
        if acting or (family and any(_BEING.match(text, m.end()) for m in subjects)):
            free = [m for m in matches if is_free(*taken, *m.span())]
            added += [Finding(*m.span(), "PERSON", letters, SCORE, SOURCE) for m in free]
    return added


def in_a_key(text: str, start: int) -> bool:
    """The letters at ``start`` open an entry of a key: "DS = Ebun Quill (subject)"."""
    key = _KEY_ENTRY.search(text, max(0, start - 4), start + 80)  # near ``start`` only: asked of every finding
    return key is not None and key.start("letters") == start


def keyed_initials(text: str, findings: list[Finding]) -> list[Finding]:
    """Letters a chronology's key gives a person it names: "N = subject child (Ebun, dob 19/06/2012)", "K =
    half-brother Tobiah": the letters are that person's wherever the draft writes them. Not a key's role
    letters ("M = mother"), which name no one there."""
    keys = list(_KEY_ENTRY.finditer(text))
    if not keys:
        return []
    people = sorted((f for f in findings if f.label == "PERSON"), key=lambda f: f.start)
    starts = [f.start for f in people]
    taken = covered(findings)
    added: list[Finding] = []
    for key in keys:
        letters = key.group("letters")
        index = bisect_left(starts, key.start("gloss"))  # the first person named in the key's gloss
        named = people[index] if index < len(people) and people[index].start < key.end("gloss") else None
        if named is None or named.text.strip()[:1] != letters[0] or letters in ("I", "A"):
            continue
        if len(letters) == 1 and "=" not in key.group() and not _a_column_key_s_line(text, key, named):
            continue
        if is_free(*taken, *key.span("letters")):
            added.append(Finding(*key.span("letters"), "PERSON", letters, SCORE, SOURCE))
    return added


# a key's line with its letters in a column of their own: "<letters><TAB>", two spaces as a PDF gives it
_COLUMN_KEY_LINE = re.compile(r"^\p{Lu}{1,3}(?:\t|[ ]{2,})\S", re.MULTILINE)
# what a key's gloss may give before the name: the person's role and a comma ("sibling, ")
_ROLE_BEFORE_THE_NAME = re.compile(r"(?:[\w' -]{1,30},[ \t]*)?")


def _a_column_key_s_line(text: str, key: re.Match[str], named: Finding) -> bool:
    """One letter alone in a key's column ("T<TAB>sibling, Tobiah Quill") is that person's only on a line of a key
    (the line before or after one too) that gives the name first or after a role; not a lettered heading ("B<TAB>
    Background to Tobiah's care")."""
    if not _ROLE_BEFORE_THE_NAME.fullmatch(text, key.start("gloss"), named.start):
        return False
    line_start = text.rfind("\n", 0, key.start("letters")) + 1
    before = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    after = text.find("\n", key.start("letters"))
    neighbours = [before] if line_start else []
    neighbours += [after + 1] if after >= 0 else []
    return any(_COLUMN_KEY_LINE.match(text, start) for start in neighbours if start != line_start)


# a line that opens with letters, then the name they spell: "DS Dorcas Smithers, Team Manager"
_LETTERS_THEN_NAME = re.compile(r"^[ \t]*(?P<letters>\p{Lu}{2,4}|\p{Lu}Mc\p{Lu})[ \t]+(?=\S)", re.MULTILINE)
_KEY_LINES = 3  # so many lines of letters and the names they spell make a key, though one's letters are a rank
KEY_LINE_SOURCE = "key of initials"


def initials_key_lines(text: str, findings: list[Finding]) -> list[Finding]:
    """A key of initials set out one per line, the letters then the name with one space as a PDF gives it ("DS
    Dorcas Smithers, Team Manager"): each line's letters are that person's, not a detective sergeant's rank."""
    people = {f.start: f for f in findings if f.label == "PERSON"}
    keyed = [
        line for line in _LETTERS_THEN_NAME.finditer(text)
        if line.end() in people and keys_the_name(line.group("letters"), people[line.end()].text)
    ]  # fmt: skip
    if len(keyed) < _KEY_LINES:
        return []
    taken = covered(findings)
    return [Finding(*line.span("letters"), "PERSON", line.group("letters"), SCORE, KEY_LINE_SOURCE) for line in keyed
            if is_free(*taken, *line.span("letters"))]  # fmt: skip


# the review's own label for a person, then the person's initials in brackets: "Child D (DQ)", "Baby Q (QP)"
_LABEL_THEN_INITIALS = re.compile(
    r"(?<![\w'’-])(?:Child|Baby|Young[ \t]+Person|Sibling|Adult)[ \t]+(?P<label>\p{Lu})\d?[ \t]*"
    r"\((?P<letters>\p{Lu}{2,3})\)"
)


def labelled_initials(text: str, findings: list[Finding]) -> list[Finding]:
    """Initials in brackets after the review's label for a person, as a running header gives them: "Child D
    (DQ)". The letters are that person's (the label's letter their first initial, or no acronym they could be)."""
    taken = covered(findings)
    added: list[Finding] = []
    for match in _LABEL_THEN_INITIALS.finditer(text):
        letters = match.group("letters")
        initial = letters[0] == match.group("label")
        if (initial or not _could_be_an_acronym(text, letters, [match])) and is_free(*taken, *match.span("letters")):
            added.append(Finding(*match.span("letters"), "PERSON", letters, SCORE, SOURCE))
    return added


# a person's initials, then the person in brackets: "JQ (Mr Quill)", "EP (Ebun Pelbury)"
_INITIALS_THEN_NAME = re.compile(r"(?<![\w'’-])(?P<letters>\p{Lu}{2,3})[ \t]+\((?P<inner>[^()\n]{2,60})\)")
_TITLE_OPENS = re.compile(r"(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.?[ \t]+")
_QUOTED = re.compile(r"[\"“‘'][^\"“”‘’']+[\"”’']")


def before_a_bracketed_name(text: str, start: int) -> bool:
    """The letters at ``start`` have a name in brackets after them: "JQ (Mr Quill)"."""
    return _INITIALS_THEN_NAME.match(text, start) is not None


def initials_before_a_name(text: str, findings: list[Finding]) -> list[Finding]:
    """Letters that a bracketed name after them explains: "JQ (Mr Quill) remains on remand". The letters spell
    the name (a titled surname gives their last letter), or the name is the quoted one he goes by ('TM ("Dorry")'),
    so they are that person's, acronym or not."""
    people = [f for f in findings if f.label == "PERSON"]
    taken = covered(findings)
    added: list[Finding] = []
    for match in _INITIALS_THEN_NAME.finditer(text):
        letters = match.group("letters")
        inside = [f for f in people if match.start("inner") <= f.start and f.end <= match.end("inner")]
        if len(inside) != 1 or not is_free(*taken, *match.span("letters")):
            continue
        name = inside[0].text.strip()
        titled = _TITLE_OPENS.fullmatch(text, match.start("inner"), inside[0].start) is not None
        spelled = keys_the_name(letters, name) or (titled and " " not in name and letters[-1] == name[:1])
        # 'TM ("Dorry")': the street name a man by his initials goes by, whatever the letters could also stand for
        nicknamed = _QUOTED.fullmatch(match.group("inner").strip()) is not None
        if spelled or nicknamed:
            added.append(Finding(*match.span("letters"), "PERSON", letters, SCORE, SOURCE))
    return added


# letters that sign a record's entry: alone on its last line, or after its last sentence ("... content. QP")
_SIGN_OFF = re.compile(r"(?:^[ \t]*|(?<=[.!?)][ \t]+))(?P<letters>\p{Lu}{2,4})[ \t]*$", re.MULTILINE)


def sign_off_initials(text: str, findings: list[Finding]) -> list[Finding]:
    """Every worker's letters that sign a record's entries where one worker's signing letters are known to be a
    person's ("Imms booked.<LINE>HQ", of Dr Hester Quill): "QP" signing other entries is a worker too, though no
    full name gives the letters. Not letters an acronym could be."""
    signs = list(_SIGN_OFF.finditer(text))
    people = {(f.start, f.end) for f in findings if f.label == "PERSON"}
    if not any(sign.span("letters") in people for sign in signs):
        return []
    taken = covered(findings)
    acronyms = {
        letters: _could_be_an_acronym(text, letters, list(re.finditer(rf"(?<![\w./&'’-]){letters}(?![\w/&-])", text)))
        for letters in {sign.group("letters") for sign in signs}
    }
    return [
        Finding(*sign.span("letters"), "PERSON", sign.group("letters"), SCORE, SOURCE)
        for sign in signs
        if is_free(*taken, *sign.span("letters")) and not acronyms[sign.group("letters")]
    ]


def acronyms_not_people(text: str, findings: list[Finding]) -> list[Finding]:
    """Without the letters a recogniser took for a person that the draft spells out ("advisory teacher, TES"
    beside "the Traveller Education Service", which names no person or place): three to five, no English word
    (an English-word surname in capitals stays), and not the initials of a name the draft gives in full."""
    people = [f for f in findings if f.label == "PERSON"]
    if not any(_ACRONYM.fullmatch(f.text) for f in people):
        return findings
    initials = {"".join(w[0] for w in f.text.split() if w[:1].isupper()) for f in people if len(f.text.split()) > 1}
    # spelled out by words that name nothing found: not a church's letters beside its full name
    spelled = _spelled_out(text, covered(f for f in findings if " " in f.text))
    acronyms = {
        f.text for f in people
        if _ACRONYM.fullmatch(f.text) and f.text in spelled and f.text not in initials
        and f.text.lower() not in english_words()
    }  # fmt: skip
    return [f for f in findings if not (f.label == "PERSON" and f.text in acronyms)]


_ACRONYM = re.compile(r"\p{Lu}{3,5}")


def _could_be_an_acronym(text: str, letters: str, matches: list[re.Match[str]]) -> bool:
    vocab = vocabulary()
    return (
        vocab.is_vocabulary_word(letters)
        or names_a_role_or_agency(letters)
        or letters.lower() in english_words()
        or letters.lower() in STOP_WORDS
        or any(_ARTICLE_BEFORE.search(text, max(0, m.start() - 12), m.start()) for m in matches)
    )


def _spelled_out(text: str, people: tuple[list[tuple[int, int]], list[int]]) -> set[str]:
    """The initials of the draft's capitalised runs of words that name no person: "GMP" of "Greater Manchester
    Police", "CSP" of "Community Safety Partnership"."""
    spelled = set()
    for run in _CAPITALISED_RUN.finditer(text):
        if not is_free(*people, *run.span()):
            continue
        words = [w for w in re.split(r"[ \t]+", run.group()) if w[:1].isupper()]
        while words and words[0].lower() in STOP_WORDS:  # "The Youth Offending Service" spells "YOS"
            words = words[1:]
        spelled.add("".join(w[0] for w in words))
    return spelled


def _lone_first_name(text: str) -> bool:
    """A name written alone ("Ebun"), not a surname the gazetteer knows only as one."""
    gaz = gazetteer()
    return " " not in text and text[:1].isupper() and not text.isupper() and (
        gaz.is_first_name(text) or not gaz.is_surname(text)
    )


# one capital letter standing for a person: not "I" or "A", a list's "(b)", an initial ("R. Quill"), a label's
# letter ("Child R", "Appendix B": a capitalised word before it) or the Crown of a case name ("R v Quill")
_LONE_LETTER = re.compile(
    r"(?<![\w./&'’(-])(?<!\p{Lu}[\w'’-]*[ ])(?P<letter>(?![IA])\p{Lu})"
    r"(?![\w/&)-]|\.[ \t]*\p{Lu}|['’]\p{Lu}|[ \t]+v\.?[ \t])"
)
# where the letter acts or owns as a person does: "R moves to", "R returns herself", "R's Facebook"
_LETTER_ACTS = re.compile(r"[ \t]+\p{Ll}{3,}\b|['’]s[ \t]+\p{Ll}")


def _opens_a_sentence_or_cell(text: str, start: int) -> bool:
    sentence = _SUBJECT_PLACE.search(text, max(0, start - 40), start)
    return bool(sentence or _CELL_OPENS.search(text, max(0, start - 4), start))


_CELL_OPENS = re.compile(r"(?:\t|\|)[ \t]*\Z")


def lone_letter_people(text: str, findings: list[Finding]) -> list[Finding]:
    """A single letter that a chronology uses for the person it names ("R moves to the placement", "R's
    Facebook", of Quellin): the initial of a first name found, as the subject of sentences or cells at least
    twice. Then every use of the letter is that person's."""
    people = [f for f in findings if f.label == "PERSON"]
    initials = {f.text.strip()[0] for f in people if f.text.strip()[:1].isupper() and not f.text.strip().isupper()}
    uses: dict[str, list[re.Match[str]]] = {}
    for match in _LONE_LETTER.finditer(text):
        if match.group("letter") in initials:
            uses.setdefault(match.group("letter"), []).append(match)
    taken = covered(findings)
    added: list[Finding] = []
    for letter, matches in uses.items():
        subjects = [m for m in matches if _opens_a_sentence_or_cell(text, m.start())]
        possessives = [m for m in matches if text.startswith(("'s ", "’s "), m.end())]
        acting = {m.start() for m in subjects if _LETTER_ACTS.match(text, m.end())} | {m.start() for m in possessives}
        if len(acting) < 2:
            continue
        added += [Finding(*m.span(), "PERSON", letter, SCORE, SOURCE) for m in matches if is_free(*taken, *m.span())]
    return added


def acts_alone(text: str, letter: str) -> bool:
    """The one letter stands alone as a sentence's subject doing what people do ("Z translated some parts")."""
    pattern = re.compile(rf"(?<![\w./&'’(-]){re.escape(letter)}(?=[ \t])")
    return any(
        (_SUBJECT_PLACE.search(text, max(0, m.start() - 40), m.start()) or _CLAUSE_OPENS.search(text, 0, m.start()))
        and _ACTING.match(text, m.end())
        for m in pattern.finditer(text)
    )


_CLAUSE_OPENS = re.compile(r"(?:[,\"“][ \t]*)\Z")  # a note's "Mum's English OK, Z translated"
