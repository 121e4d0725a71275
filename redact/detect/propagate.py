"""Name-variant propagation: once a name is found anywhere, find every other occurrence of it.

For each PERSON finding the variants are the full name, its first and last words, each word alone,
the halves of hyphenated words, nicknames (``nicknames`` package) and capitalised prefixes that are
first names themselves ("Jay" for "Jayden"). Other labels propagate their exact text.

Rules (a leak is worse than an over-redaction, but report words must survive):

* matching ignores case and diacritics ("Zukauskas" is found once "Žukauskas" is a name, and the other
  way round); an occurrence starts with a capital ("Kelly", "KELLY"), except for a *lower-case-safe*
  name: one whose lower-case form is no ordinary English word (not a common word, not a WordNet verb,
  adjective, adverb or irregular form: "maja", "kelly", "smith", but not "rose", "will", "grace"),
  then "kelly" is found too, unless it follows a determiner ("the", "a", "her" ...) or, for a word
  that WordNet lists as a noun ("kelly", "robin", "van"), the document writes it in lower case at least
  as often as with a capital, or more often than capitalised with no other capitalised word beside it
  (then it is the ordinary word there: "a grey van" beside "Trinh Van Khoa");
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
* a surname in the plural after "the" ("the Joyces") is the family;
* a found name followed by an initial ("Amir B") covers it, and an unknown capitalised word right
  before a found surname ("Lily JONES", a nickname '"Dyl" Jones'), also at the end of the line before where a PDF
  wrapped it, is taken as a first name of that family;
* occurrences inside a kept phrase (job title, agency, pseudonym, ...) are not found.
"""

from __future__ import annotations

import calendar
import re as stdlib_re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex as re
from nicknames import NickNamer
from spacy.lang.en.stop_words import STOP_WORDS

from redact.config import ReportConfig
from redact.detect.finding import Finding
from redact.detect.gazetteer import (
    fold,
    fold_char,
    gazetteer,
    is_well_known_place,
    lowercase_words,
    ordinary_lower_words,
    pet_forms,
    short_form_of,
    uk_places,
    welsh_mutations,
    world_towns,
)
from redact.detect.heads import institution_head, institution_word, opens_generically, short_name
from redact.detect.initials import written_surname_first
from redact.detect.keep import (
    DETERMINERS,
    PERSON_COLUMN_SOURCE,
    KeepFilter,
    acronym_is_the_role,
    after_title,
    agency_spans,
    alternation,
    board_areas,
    board_name_spans,
    is_place_context,
    names_a_role_or_agency,
    previous_word,
    quoted_in_brackets,
    vocabulary,
)
from redact.detect.names import OWN_PSEUDONYM, opens_sentence
from redact.detect.people_initials import KEY_LINE_SOURCE, before_a_bracketed_name, in_a_key
from redact.detect.people_initials import SOURCE as INITIALS_SOURCE
from redact.detect.recognizers.address import STREET_TYPES, TYPE_ABBREVIATIONS
from redact.detect.recognizers.institutions import FIRM_SUFFIXES, PRISON_PREFIX
from redact.detect.recognizers.organisations import TradeNameRecognizer
from redact.document import Document
from redact.lexicon import english_words, irregular_verb_forms, is_english_form, is_present_tense_verb
from redact.visible import wrapped_line

SOURCE = "propagation"
NICKNAME_SCORE = 0.6
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
_ATOM = re.compile(r"[^\W\d_]+")
# a token that is an address, handle or reference, not a word: "augi.q_07", "www.quill.org", "j@x.uk", "LT/0881"
_IDENTIFIER_TOKEN = re.compile(r"[^\s\"“”‘(\[]*(?:[@_/\d]|\w\.\w)[^\s\"”’)\],;]*")
_JOINED = re.compile(r"[\w'’-]")  # a character that joins a word to its neighbour
_INITIAL = re.compile(r"^\p{Lu}\.?$")
_DOTTED_INITIALS = re.compile(r"^(?:\p{Lu}\.){2,3}$|^(?:\p{Lu}\.){1,2}\p{Lu}\.?$")
_LETTERS = re.compile(r"^(?:\p{Lu}\.){1,3}$|^\p{Lu}{1,3}$")
# Before these words a well-known place is the place: "in London", "from Poland" (see is_place_context).
_PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "near", "across", "throughout", "around", "outside", "into", "via", "within"]
)
_MOTION_PREPOSITIONS = frozenset(["from", "to"])
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
    exact_case: bool = False  # an organisation's head ("Step Up"): only as capitalised as it was found
    not_in_capitals: bool = False  # a guessed pet form ("Nay"): never the capitals of a key's "HOY = Head of Year"
    acronym: bool = False  # initials that are also a report acronym ("DS", "GP"): not as the role itself
    # initials the draft gives a person in so many words ('DS = Dorcas Quill', '("DJ")'): each use is judged on its
    # own, where other initials that are an acronym are skipped everywhere once the draft uses the acronym
    given: bool = False
    # a short name that also opens another name ("Quell Vale" of "Quell Vale District Hospital" and of "Quell Vale
    # Hospitals NHS Foundation Trust"): only where no capitalised word follows it, as in "clinic (Quell Vale)"
    alone_only: bool = False
    # "Ms D" of "Ms Dragomir": found even where a draft's own "Mr X" pseudonym would be kept
    titled_initial: bool = False


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()




_FAMILY_TITLE = re.compile(r"(?P<title>Mr|Mrs|Ms|Miss)\.?[ \t]+")
_FAMILY_TITLE_BEFORE = re.compile(r"(?<![\w'’-])(?P<title>Mr|Mrs|Ms|Miss)\.?[ \t]+\Z")


def _clean_name(text: str) -> list[str]:
    """The words of a found name without titles, possessive or punctuation."""
    titles = {t.lower() for t in vocabulary().titles}
    words = [w.strip(".,;:()[]\"'“”‘’") for w in text.split()]
    words = [_POSSESSIVE_S.sub("", w) for w in words if w]
    while words and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    return [w for w in words if w]


def fold_text(text: str) -> str:
    """``text`` folded character by character (same length, same offsets): "Žukauskas" -> "zukauskas"."""
    return text.translate({ord(c): fold_char(c) for c in set(text)})


class _VariantBuilder:
    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.folded = fold_text(self.text)
        self.gaz = gazetteer()
        self.vocab = vocabulary()
        self.keep = KeepFilter(ReportConfig())
        self.areas = board_areas(self.text, self.keep.config.board)  # the board's own area, read once
        # Where each folded word ("atom": letters only) starts, and how often it is written in lower case.
        self.atoms: dict[str, list[int]] = defaultdict(list)
        self.lower_count: dict[str, int] = defaultdict(int)
        # the letters of an address or handle are no word written small: "augi.q_07" does not make "Augi" a word
        in_identifiers = {
            token.start() + atom.start()
            for token in _IDENTIFIER_TOKEN.finditer(self.folded)
            for atom in _ATOM.finditer(token.group())
        }
        for match in _ATOM.finditer(self.folded):
            self.atoms[match.group()].append(match.start())
            if self.text[match.start()].islower() and match.start() not in in_identifiers:
                self.lower_count[match.group()] += 1

    def is_weak(self, word: str) -> bool:
        """A common word, or one this document writes in lower case at least as often as capitalised
        (a few lower-case typos of a name, "ebun", leave "Ebun" a distinctive name), or the board's own area."""
        if self.gaz.is_common_word(word) or self.vocab.is_vocabulary_word(word) or word in self.areas:
            return True
        folded = fold(word)
        lower = self.lower_count.get(folded, 0)
        return lower > 0 and lower >= len(self.atoms.get(folded, ())) - lower

    def lower_case_safe(self, variant: Variant) -> bool:
        """A found name whose lower-case form is no ordinary word here (see the module docstring)."""
        if variant.label != "PERSON" or variant.title_only or variant.letters:
            return False
        for word in _ATOM.findall(fold(variant.text)):
            if len(word) < 3 or word in ordinary_lower_words() or self.vocab.is_vocabulary_word(word):
                return False
            if is_well_known_place(word):
                return False
            lower = self.lower_count.get(word, 0)
            capitalised = len(self.atoms.get(word, ())) - lower
            if word in english_words() and lower and (lower >= capitalised or lower > self._alone_with_a_capital(word)):
                return False
        return True

    def _alone_with_a_capital(self, word: str) -> int:
        """How often the draft writes the folded ``word`` capitalised with no capitalised word beside it: "call him
        Van", not "Trinh Van Khoa", where a name's other words carry it."""
        count = 0
        for position in self.atoms.get(word, ()):
            end = position + len(word)
            neighbour = _CAPITALISED_BEFORE.search(self.text, max(0, position - 40), position) or (
                _CAPITALISED_AFTER.match(self.text, end)
            )
            count += self.text[position].isupper() and not neighbour
        return count

    def variants(self, finding: Finding) -> Iterator[Variant]:
        if finding.label != "PERSON":
            text = finding.text.strip()
            if finding.label == "AGE" and " " not in text:
                return  # "seven" of "when he was seven" is an age there, not in "seven weeks"
            # a place's quoted nickname ('call the block "the Tower"') is that place wherever it is capitalised
            nicknamed = finding.source == "PlaceNicknameRecognizer"
            if len(text) >= 3 and (nicknamed or not self.keep.is_kept(text)):
                yield Variant(text, finding.label, finding.score, weak=False)
                if _APOSTROPHE.search(text):  # "Tods Bridge" for "Tod's Bridge": the apostrophe dropped
                    yield Variant(_APOSTROPHE.sub("", text), finding.label, finding.score, weak=False)
            elif finding.label == "LOCATION" and fold(text) in _MONTHS:  # March the town, where no date is
                yield Variant(text, finding.label, finding.score, weak=False, exact_case=True)
            for head, alone in self._heads(finding):  # "Quellbrook" of "Quellbrook Academy", in its own capitals
                yield Variant(head, finding.label, finding.score, weak=False, exact_case=True, alone_only=alone)
                if head.isupper():  # "Quellbrook" of a heading's "QUELLBROOK ACADEMY", as the story writes it
                    yield Variant(head.title(), finding.label, finding.score, weak=False, exact_case=True)
            for street in _streets_of(text) if finding.label == "ADDRESS" else ():
                if not self.keep.is_kept(street):  # "Pescod Row" of "17 Pescod Row", "PESCOD ROW"
                    yield Variant(street, finding.label, finding.score, weak=False)
                    if _other_form(street) != street:  # "Quell Hse" of "Quell House"
                        yield Variant(_other_form(street), finding.label, finding.score, weak=False)
                name = self._street_name(street)
                if name:  # "the Pescod children", a review called after the family's street
                    yield Variant(name, finding.label, finding.score, weak=False, exact_case=True)
            flat = _FLAT.match(text) if finding.label == "ADDRESS" else None
            if flat:  # "flat 6" of "Flat 6, Quell Court", as a log writes the address again
                yield Variant(flat.group(), finding.label, finding.score, weak=False)
            if finding.label == "ADDRESS" and _other_form(text) != text and not self.keep.is_kept(text):
                yield Variant(_other_form(text), finding.label, finding.score, weak=False)  # "Quell Rd" of "Quell Road"
            first, _, rest = text.partition(" ")
            for mutated in welsh_mutations(first) if finding.label in ("LOCATION", "ADDRESS") else ():
                # "yng Nghae'r Onnen", "i Wrecsam": a Welsh place after a word that mutates it
                yield Variant(f"{mutated} {rest}".strip(), finding.label, finding.score, weak=False, exact_case=True)
            if finding.label in _NAMED_PLACES:
                for abbreviation in _defined_abbreviations(self.text, finding):
                    yield Variant(abbreviation, finding.label, finding.score, weak=False, letters=True)
            return
        if _SLUG.fullmatch(finding.text.strip()):
            return  # "joint-review-tobiah-quill-draft" of a web page's address: its name is found as a name already
        staff_column = finding.source == PERSON_COLUMN_SOURCE  # "PA" under "Worker": initials, though a role's too
        # letters he goes by ('Tobiah Quill ("DJ")') or a key gives him ("DS = Tobiah Quill", though "DS" is a rank)
        given = quoted_in_brackets(self.text, finding) or finding.source == KEY_LINE_SOURCE or (
            # '"DJ (surname unknown)"': letters quoted as what he is called, though "DJ" is a title too
            finding.source == "ContextNameRecognizer" and self.text[finding.start - 1 : finding.start] in _OPENING
        ) or in_a_key(self.text, finding.start) or (
            finding.source == INITIALS_SOURCE and before_a_bracketed_name(self.text, finding.start)
        )
        # letters a key gives someone, or a name's initials in brackets after it, though a title's too ("Dorcas (DR)")
        keyed = given or finding.source in (INITIALS_SOURCE, "InitialsRecognizer")
        words = _clean_name(finding.text) or ([finding.text.strip()] if keyed else [])
        if not words or (self.keep.is_kept(" ".join(words)) and not (staff_column or given)):
            return
        letters = finding.text.strip().strip(",;:()\"'“”")
        if _LETTERS.match(letters) and letters not in ("I", "I."):
            acronym = (staff_column and names_a_role_or_agency(letters)) or (given and self.keep.is_kept(letters))
            yield Variant(letters, "PERSON", finding.score, weak=False, letters=True, acronym=acronym, given=given)
            plain = fold(letters).upper()  # "DC" typed for a key's "DÇ", a rank's letters too
            if given and plain != letters.upper() and plain.isascii():
                yield Variant(plain, "PERSON", finding.score, weak=False, letters=True, acronym=True, given=True)
            return
        named = [w for w in words if not _INITIAL.match(w)]
        if len(words) > 1:
            yield Variant(" ".join(words), "PERSON", finding.score, weak=False)
        if len(named) > 2:
            yield Variant(f"{named[0]} {named[-1]}", "PERSON", finding.score, weak=False)
        for word in self._parts(named):
            # "He" of a span that swallowed a pronoun is no name to look for; a first name found alone is, though a
            # word ('known as "Will"'), where a capital sets it apart
            alone_a_name = len(named) == 1 and self.gaz.is_first_name(word)
            if len(word) < 2 or (word.lower() in STOP_WORDS and not alone_a_name):
                continue
            as_name = word.title() if word.isupper() and len(word) > 3 else word  # "HOPE" of "Dean HOPE": a name
            if self.vocab.is_vocabulary_word(word) or self.keep.is_kept(as_name):
                yield Variant(word, "PERSON", finding.score, weak=True, title_only=True)
            else:
                yield Variant(word, "PERSON", finding.score, weak=self.is_weak(word))
        for word in named:
            if re.fullmatch(r"\p{L}{2,}(?:-\p{L}{2,})+", word):  # "Mei Lan" for "Mei-lan", as records write it apart
                yield Variant(word.replace("-", " "), "PERSON", finding.score, weak=False)
        # "RW" of "R. Wood" too: a chronology gives a worker's initials as often as her initial and surname; and
        # "AOB" of "OKAFOR-BYRNE, Adaeze", whose record puts the surname first
        in_order = words[1:] + words[:1] if written_surname_first(finding.text) else words
        # "R.K. Pelbury": two initials in one word, each a word of the name ("RKP")
        split = [p for w in in_order for p in (w.split(".") if _DOTTED_INITIALS.match(w) else [w.rstrip(".")]) if p]
        yield from self._initials(split, finding.score)
        introduced = _KNOWN_AS_AFTER.match(self.text, finding.end)
        if introduced and len(named) >= 2:  # "IQ" for Ignatius Quill (known to his family as Iggy)
            yield from self._initials([introduced.group(1), named[-1]], finding.score)
        nicknamed = _NICKNAME_THEN_SURNAME.match(self.text, finding.end) if len(named) == 1 else None
        if nicknamed:  # 'Ignatius ("Iggy") Quill': "IQ", and the "IQ" a record writes of Iggy Quill
            for first in (named[0], nicknamed.group("nick")):
                yield from self._initials([first, nicknamed.group("surname")], finding.score)
        before = self.text[max(0, finding.start - 8) : finding.start]
        titled = _FAMILY_TITLE.match(finding.text) or _FAMILY_TITLE_BEFORE.search(before)
        if titled and named and len(named[-1]) >= 3:  # "Ms D" of "Ms Dragomir", as a chronology shortens her
            short = f"{titled.group('title')} {named[-1][0]}"
            yield Variant(short, "PERSON", finding.score, weak=False, exact_case=True, titled_initial=True)
        if len(named) >= 2:  # "Oliwia and Jakub Trevaskis": a sibling's first name before the pair's surname
            sibling = _FIRST_NAME_BEFORE_AND.search(self.text, max(0, finding.start - 40), finding.start)
            if sibling and not self.is_weak(sibling.group(1)) and sibling.group(1).lower() not in STOP_WORDS:
                yield Variant(sibling.group(1), "PERSON", finding.score, weak=False)
        if named and named[0] == words[0]:  # not "Woodrow" of "R. Wood": the first named word is a surname there
            for nickname in self._nicknames(named[0]):
                yield Variant(nickname, "PERSON", min(finding.score, NICKNAME_SCORE), weak=False)
            for pet_form in self._pet_forms(named[0]):  # as written: "Nay", not a key's "HOY = Head of Year"
                score = min(finding.score, NICKNAME_SCORE)
                yield Variant(pet_form, "PERSON", score, weak=False, not_in_capitals=True)
            for opening in self._openings(named[0]):  # "that Carp phoned": a word, so only mid-sentence
                yield Variant(opening, "PERSON", min(finding.score, NICKNAME_SCORE), weak=True, not_in_capitals=True)
        for word in named:
            for mutated in welsh_mutations(word):  # "Wenllian" and "Ddafydd" in a Welsh sentence
                if not self.is_weak(mutated) and mutated.lower() not in STOP_WORDS:
                    yield Variant(mutated, "PERSON", finding.score, weak=False, exact_case=True)

    def _heads(self, finding: Finding) -> Iterator[tuple[str, bool]]:
        """The short names a draft uses for a place it named in full: "Damson" of "the Damson Youth Centre",
        "Moorvale" of "Moorvale Living Ltd", "Fresh Start" of "Fresh Start Quellgate"; each with whether it names the
        place only where it stands alone (it also opens another name)."""
        owner = _PLACE_OF_A_UNIT.search(finding.text) if finding.label in _NAMED_PLACES else None
        if owner:  # "Emergency Department of Brookfield General Hospital": the hospital, and its short name
            yield owner.group("place"), False
            yield from self._heads(replace(finding, text=owner.group("place")))
        words = finding.text.split()
        heads = set()
        if finding.label == "ORGANISATION" and len(words) >= 3 and words[0].lower() not in ("the", "st"):
            heads.add(" ".join(words[:-1]))
            # "Quell Bridge" of "Quell Bridge Interpreting Ltd": the firm without its trade and legal form
            heads.update(" ".join(words[:size]) for size in range(2, len(words) - 1) if _trade(words[size:]))
        if finding.label == "ORGANISATION" and len(words) >= 2 and self._distinctive(words[0]):
            heads.add(words[0])  # "Titan" of "Titan Strength & Conditioning"
        kind_first = _KIND_FIRST.match(finding.text) if finding.label == "ORGANISATION" else None
        if kind_first and not is_well_known_place(kind_first.group("place")):
            heads.add(kind_first.group("place"))  # "arrived at Kestrelmoor" of "HMYOI Kestrelmoor"
        if finding.source == "EstateRecognizer" and len(words) >= 2 and self._names_no_one(words[0]):
            heads.add(words[0])  # "from Quenby" of "the Quenby Rise estate"
        building = finding.label == "ADDRESS" and len(words) == 2 and words[1] in _BUILDING_WORDS
        if building and self._names_no_one(words[0]):
            heads.add(words[0])  # "Fernhollow staff" of "Fernhollow House", a hostel or a mother and baby unit
        if finding.label == "ORGANISATION" and len(words) >= 2 and self._named_by_its_last_word(finding.text):
            heads.add(words[-1])  # "the Skillet" of "the Copper Skillet café"
        club = " ".join(words[:-1]) if words[-1] in _CLUB_FORMS and len(words) >= 3 else None
        if finding.label == "ORGANISATION" and club and self._named_by_its_last_word(club):
            heads.add(words[-2])  # "the Rovers" of "Quellside Rovers JFC"
        short = short_name(finding.text, finding.label)
        head = institution_head(finding.text, finding.label)
        if head is not None:
            heads.add(head.text)
            kind = [w for w in finding.text[finding.text.find(head.text) + len(head.text) :].split() if w[:1].isupper()]
            if len(kind) >= 2:  # "Quellmoor CC" of "Quellmoor Children's Centre", as a health record writes it
                heads.add(head.text + " " + "".join(w[0] for w in kind))
            first = head.text.split()[0]
            if " " in head.text and fold(first) not in english_words() and not gazetteer().is_name(first):
                heads.add(first)  # a coined word ("Moorvale") names the place alone
        lower = lowercase_words(self.text)
        for head in [*heads, *([short.text] if short else [])]:
            if len(head) < 4 or self.keep.is_kept(head) or fold(head) in lower or self._in_area(head):
                continue  # not "Members" of "Members of Bethesda Chapel" (a word), not the board's area
            # "Quellfen Children's" opens its trust's name too, and names the hospital alone all the same
            yield head, not (short and head == short.text) and self._opens_another_name(head, finding.text)

    def _names_no_one(self, word: str) -> bool:
        """A word that is no ordinary word nor a well-known place, and no one in the draft is called by it after a
        title ("Ms Quenby"): the estate's own name when the draft says it alone."""
        if len(word) < 4 or not word.isalpha() or self.gaz.is_common_word(word) or self.vocab.is_vocabulary_word(word):
            return False
        if is_well_known_place(word):  # "Leeds" of "the Leeds Road estate" is the city
            return False
        return not any(after_title(self.text, start) for start in self._standing(word))

    def _named_by_its_last_word(self, name: str) -> bool:
        """The draft calls the place "the X" after its last word X ("the Skillet" of "Copper Skillet"), and writes X
        nowhere else except inside the full name: no kind of institution ("the Trust"), no name of a person."""
        last = name.split()[-1]
        if len(last) < 4 or not last[0].isupper() or institution_word(last) or not last.isalpha():
            return False
        after_the = 0
        for start in self._standing(last):
            if self.text.endswith(name, 0, start + len(last)):
                continue
            if not _THE_BEFORE.search(self.text, max(0, start - 5), start):
                return False
            after_the += 1
        return after_the > 0

    def _standing(self, word: str) -> list[int]:
        """Where ``word`` (letters only) stands alone in the draft as written, from the index of words."""
        end = len(word)
        return [
            start for start in self.atoms.get(fold(word), ())
            if self.text.startswith(word, start) and not _JOINED.match(self.text, start + end)
            and not (start and _JOINED.match(self.text, start - 1))
        ]  # fmt: skip

    def _street_name(self, street: str) -> str | None:
        """The street's own word without its kind ("Pescod" of "Pescod Row"), where it names nothing else: no
        frequent word, name or vocabulary word, and never written in lower case in the draft."""
        *name, kind = street.split()
        if len(name) != 1 or kind not in STREET_TYPES or not self._distinctive(name[0]):
            return None
        return None if fold(name[0]) in lowercase_words(self.text) else name[0]

    def _distinctive(self, word: str) -> bool:
        """A word that can name an organisation alone: no frequent English word, no name, no well-known place
        (said without its possessive: "Council's" is the council's)."""
        word = re.sub(r"['’]s?$", "", word)
        return (
            len(word) >= 4
            and word[0].isupper()
            and not self.gaz.is_common_word(word)
            and not self.gaz.is_name(word)
            and not self.vocab.is_vocabulary_word(word)
            and not is_well_known_place(word)
        )

    def _in_area(self, head: str) -> bool:
        """A word of the board's own area ("Wenning" of "North Wenning"), which stays as written."""
        return any(re.search(rf"(?<!\w){re.escape(head)}(?!\w)", area) for area in self.areas)

    def _opens_another_name(self, head: str, name: str) -> bool:
        """The head also opens a capitalised name of something else: "Quell Vale" of "Quell Vale General
        Hospital" and of "Quell Vale Hospitals NHS Foundation Trust" names neither alone."""
        # a tab ends a table cell: "Kingfisher<TAB>Skeletal survey" is the ward, then the next column
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(head)}[ ]+\p{{Lu}}[\w'’-]*(?:[ ]+\p{{Lu}}[\w'’-]*)*")
        own = re.sub(r"^(?:The|the)\s+", "", " ".join(name.split()))
        # "Ashgrove PRU" is the Ashgrove Pupil Referral Unit abbreviated, no other name
        abbreviated = head + " " + "".join(w[0] for w in own[len(head) :].split()).upper()
        return any(
            not own.startswith(m.group()) and not m.group().startswith(own) and institution_word(m.group())
            and m.group() != abbreviated
            for m in pattern.finditer(self.text)
        )  # "Pennine Crest Behaviour Policy" is the trust's own policy: "Pennine Crest" still names the trust

    def _initials(self, named: list[str], score: float) -> Iterator[Variant]:
        """The initials of a full name as records write them: "AR" and "A.R." for "Alicia Roarke" (and
        "ABR" for "Alicia Beth Roarke"). Like all initials they are matched in capitals only, never inside
        a run of capitals ("AT THE TIME"); initials that are also an acronym ("DS", "GP") not at all where the
        draft uses the acronym for the role ("the GP", "DS Jones")."""
        if len(named) < 2 or not all(w[0].isalpha() for w in named):
            return
        parts = [[p[0] for p in w.split("-") if p] for w in named]  # "Penhale-Tryst": P, T
        forms = {named[0][0] + named[-1][0], "".join(w[0] for w in named[:3])}
        first, last = "".join(parts[0]), "".join(parts[-1])
        if len(first) > 1 or len(last) > 1:  # "MJ", "MJV" for "Marnie-Jo Vasey"; "OPT", "PT" for "Orla Penhale-Tryst"
            forms |= {first + last} | {letters for letters in (first, last) if len(letters) > 1}
        # "EQ" for "Ébun Quill" too: records typed on English keyboards drop the accents
        forms = {f for f in forms if len(f) > 1}
        for letters in sorted({f.upper() for f in forms} | {fold(f).upper() for f in forms}):
            # "DS" for Dina Shah, and the Detective Sergeant; "PS" for Precious Sibanda, and a police sergeant
            acronym = self.vocab.is_vocabulary_word(letters) or letters in self.vocab.titles
            yield Variant(letters, "PERSON", score, weak=False, letters=True, acronym=acronym)
            yield Variant(".".join(letters) + ".", "PERSON", score, weak=False, letters=True)
        if len(named[0]) > 2 and named[0][1].islower():  # "EbQ" for Ebun Quill, where a key tells her from Eli Quill
            yield Variant(named[0][:2] + named[-1][0].upper(), "PERSON", score, weak=False, letters=True)
        surname = named[-1]
        if len(surname) >= 4 and surname.isalpha():  # "EQuill", "equill": a case system's login for Ebun Quill
            login = named[0][0].upper() + surname[0].upper() + surname[1:].lower()
            yield Variant(login, "PERSON", score, weak=False, exact_case=True)
            yield Variant(login.lower(), "PERSON", score, weak=False, exact_case=True)
        clan = _CLAN_PREFIX.match(named[-1])
        if clan:  # "CMcB" for "Catriona McBride", as minutes write it; "CMcB" is no word, so no acronym check
            yield Variant(named[0][0].upper() + clan.group(), "PERSON", score, weak=False, letters=True)
        if len(parts[0]) > 1:  # "J-L" for "Jayden-Lee Marsh": a hyphenated first name's initials
            yield Variant("-".join(parts[0]).upper(), "PERSON", score, weak=False, letters=True)
        if len(parts[-1]) > 1:  # "C A-M" for "Cerys Aldwyn-Moss", as a record abbreviates it
            yield Variant(f"{parts[0][0]} {'-'.join(parts[-1])}".upper(), "PERSON", score, weak=False)

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
        low_base = fold(base)
        for size in range(3, len(low_base)):
            prefix = low_base[:size]
            if prefix in self.atoms and self.gaz.is_first_name(prefix):
                found.add(prefix)
        # and a nickname with the "s" friends add, where the draft writes one ("Nates": the list's "nate" for Ignatius)
        found |= {f"{name}s" for name in found if fold(f"{name}s") in self.atoms}
        for name in sorted(found):
            if len(name) >= 3 and fold(name) != low_base and not self.is_weak(name):
                yield name.capitalize()

    def _openings(self, first: str) -> Iterator[str]:
        """The opening of a first name, four letters or more, that the draft writes alone and never in lower case:
        "Carp" of Carpella (a word, which the draft would write small somewhere if it meant the word)."""
        low_base = fold(first.split("-")[0])
        for size in range(4, len(low_base) - 1):
            form = low_base[:size]
            if form in self.atoms and not self.lower_count.get(form) and not self.vocab.is_vocabulary_word(form):
                yield form.capitalize()

    def _pet_forms(self, first: str) -> Iterator[str]:
        """Pet forms of a first name the draft writes: "Doz" or "Doy" for Dorcas, "Otty" for Ottoline."""
        low_base = fold(first.split("-")[0])
        found = {form for form in pet_forms(low_base, with_i=True) if form in self.atoms}
        yield from (form.capitalize() for form in sorted(found) if len(form) >= 3 and not self.is_weak(form))


_PLACE_OF_A_UNIT = re.compile(r"\bof[ \t]+(?:the[ \t]+)?(?P<place>\p{Lu}[\w'’-]*(?:[ \t]+\p{Lu}[\w'’-]*){1,5})$")
# a place named after its kind: a prison ("HMYOI Kestrelmoor"), a mosque or temple ("Jamia Masjid Al-Quellah")
_KIND_FIRST = re.compile(
    r"(?:" + PRISON_PREFIX + r"|(?:(?:Jamia|Jami|Darul)[ \t]+)?(?:Masjid|Madras{1,2}ah?|Gurdwara|Mandir|Vihara))"
    r"[ \t]+(?P<place>\p{Lu}[\w'’ -]+)$"
)
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_NAMED_PLACES = frozenset({"HOSPITAL", "SCHOOL", "GP_PRACTICE", "ORGANISATION"})
_CLAN_PREFIX = re.compile(r"(?:Mc|Mac)\p{Lu}")  # "McB" of "McBride", "MacL" of "MacLeod"
_ABBREVIATION = r"(?P<abbr>\p{Lu}{2,6})"
_AFTER_NAME = re.compile(rf"[ \t]*\([ \t]*{_ABBREVIATION}[ \t]*\)")  # "North Vale Royal Hospital (NVRH)"
_BEFORE_NAME = re.compile(rf"(?:^|\n|;)[ \t]*{_ABBREVIATION}[ \t]*(?:[–—:=]|-)[ \t]*$")  # a glossary: "NVRH – ..."


# "17 ", "Flat 4, 17 ", "Flat 6, " (a flat in a named block: "Flat 6, Brindley Court"), "Plot 6, " (a showmen's
# yard's plot, a site's pitch)
_HOUSE_NUMBER = re.compile(
    r"^(?:(?i:flat|apartment|unit|room|plot|pitch)[ \t]+\w+,?[ \t]+(?:\d+[A-Za-z]?,?[ \t]+)?|\d+[A-Za-z]?,?[ \t]+)"
)

# a flat's number before the rest of its address: "Flat 6" of "Flat 6, Quell Court"
_FLAT = re.compile(r"(?i:flat|apartment)[ \t]+\d+[A-Za-z]?(?=,?[ \t]+\S)")


def _streets_of(address: str) -> list[str]:
    """The streets of a numbered address, as a draft names them again alone: "Larkin Yard" of "Flat 4, 17
    Larkin Yard", "Brindley Court" and "Weston Road" of "Flat 6, Brindley Court, Weston Road"; none when the
    address has no number, and no one-word piece."""
    number = _HOUSE_NUMBER.match(address.strip())
    rest = address.strip()[number.end() :] if number else ""
    pieces = (" ".join(piece.split()) for piece in rest.split(","))
    # "12 The Park": "the park" is no street by itself
    return [p for p in pieces if len(p.split()) >= 2 and p[0].isupper() and not p.lower().startswith("the ")]


_WRITTEN_OUT = {short: full for full, short in TYPE_ABBREVIATIONS.items()}


def _other_form(street: str) -> str:
    """The street or building with its type abbreviated or written out: "Quell Hse" for "Quell House",
    "Pelbury Road" for "Pelbury Rd."; the street itself where its type has no abbreviation."""
    name, _, kind = street.rpartition(" ")
    kind = kind.rstrip(".")
    other = TYPE_ABBREVIATIONS.get(kind.title()) or _WRITTEN_OUT.get(kind.title())
    other = other.upper() if other and kind.isupper() else other  # "QUELL ST" of "QUELL STREET", as a log writes it
    return f"{name} {other}" if name and other else street


def _defined_abbreviations(text: str, finding: Finding) -> Iterator[str]:
    """Abbreviations the draft defines for a named place, in brackets after it or in a glossary before it,
    whose letters are the initials of the name's words: "NVRH" for "North Vale Royal Hospital"."""
    initials = "".join(word[0] for word in re.findall(r"[\w'’]+", finding.text) if word[0].isupper())
    found = [_AFTER_NAME.match(text, finding.end), _BEFORE_NAME.search(text, max(0, finding.start - 12), finding.start)]
    for match in filter(None, found):
        abbreviation = match.group("abbr")
        if abbreviation[0] == initials[:1] and set(abbreviation) <= set(initials):
            yield abbreviation
    # undefined, the initials of a name of three words or more: "SVGH" for "Severn Vale General Hospital", as a
    # chronology writes it; not initials that are a report's own acronym
    if len(initials) >= 3 and initials in text and not vocabulary().is_vocabulary_word(initials):
        yield initials
    # and with its small words: "CiQ" for "Carers in Quell"
    every_word = "".join(word[0] for word in re.findall(r"[\w'’]+", finding.text))
    if every_word != initials and len(every_word) >= 3 and re.search(rf"\b{re.escape(every_word)}\b", text):
        yield every_word


_MODEL = "SpacyNerRecognizer"
_TITLED = "TitledNameRecognizer"
_NAMING = frozenset({_TITLED, "short form"})  # who read a lone word as a name because of the name itself
# the name a person goes by, in brackets after the full name: "(known to his family as Iggy, ...)"
_KNOWN_AS_AFTER = re.compile(
    r"[ \t]*\([^()]{0,60}?\b(?:known|called)\b[^()]{0,60}?\bas[ \t]+[\"“‘]?(\p{Lu}[\p{Ll}'’-]+)"
)
_NICKNAME_THEN_SURNAME = re.compile(
    r"[ \t]+\(?[\"“‘'](?P<nick>\p{Lu}[\p{Ll}'’-]+)[\"”’']\)?[ \t]+(?P<surname>\p{Lu}[\p{L}'’-]+)"
)
_POSSESSIVE_S = re.compile(r"['’][sS]$")
_BUILDING_WORDS = frozenset({"House", "Lodge"})  # a named home, hostel or unit: "Fernhollow House"


def propagate(
    document: Document, findings: list[Finding], again: bool = True, seeds: list[Finding] | None = None
) -> list[Finding]:
    """``findings`` plus every other occurrence of the names (and other identifiers) they found, or only of
    those in ``seeds`` when given (names a later step found: "Dawit" after "Kai, Shaz and").

    A name that propagation itself widened ("Oliwia" before the found surname "Kowalczyk") is propagated in
    turn, once, so that "Oliwia" alone is found too."""
    builder = _VariantBuilder(document)
    variants: dict[tuple[str, str, bool], Variant] = {}
    for finding in findings if seeds is None else seeds:
        for variant in builder.variants(finding):
            # "JO" the initials, "Jo" the name; a head as written, "Ashgrove" of a name found too in capitals; letters
            # as written ("TÓQ" and "TOQ" are both looked for)
            written = variant.text if variant.exact_case or variant.letters else fold(variant.text)
            key = (written, variant.label, variant.letters)
            old = variants.get(key)
            if old is None or (variant.score, not variant.weak, variant.given) > (old.score, not old.weak, old.given):
                if old is not None and _short_caps(variant.text) and not _short_caps(old.text):
                    variant = replace(variant, text=old.text)  # "IGG" of a log and "Igg" of Ignatius: in any case
                variants[key] = variant
    text = document.text
    # Characters already covered by a finding or by a kept phrase: an occurrence wholly inside is skipped.
    covered = bytearray(len(text))
    kept = bytearray(len(text))
    for f in findings:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    staff_initials = frozenset((f.start, f.end) for f in findings if f.source == PERSON_COLUMN_SOURCE)
    kept_alone: set[tuple[int, int]] = set()  # a kept acronym standing alone ("GP"), not in a longer phrase
    for start, end in builder.keep.kept_spans(text):
        kept[start:end] = b"\x01" * (end - start)
        kept_alone.add((start, end))
    # A town found elsewhere is redacted inside agency and court names too ("Town A Crown Court"): only the
    # board's own area, which the board publishes under, stays as written there ("Northshire LSCB"); alone it
    # is a town like any other ("services in Northshire").
    board_area = bytearray(len(text))
    areas = builder.areas
    area_in_names = bytearray(len(text))
    boards = board_name_spans(text)
    for match in re.finditer(rf"(?<!\w)(?i:{alternation(areas)})(?!\w)", text) if areas else ():  # "WALTHAM FOREST"
        board_area[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        if kept.find(0, match.start(), match.end()) < 0 or any(a <= match.start() < b for a, b in boards):
            area_in_names[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for start, end in kept_alone:  # the board's own council, kept whole: "London" of "London Borough of <area>"
        if board_area.find(1, start, end) >= 0:
            area_in_names[start:end] = b"\x01" * (end - start)
    kept_or_area = bytes(k | a for k, a in zip(kept, board_area, strict=True))
    # A person's name is never an agency's, even where a flattened layout runs it into one ("wrote to Gurpreet Singh
    # County Council ..."): a name that is no place is found inside agency names too.
    agencies = bytearray(len(text))
    for start, end in agency_spans(text):
        agencies[start:end] = b"\x01" * (end - start)
    kept_outside_agencies = bytes(k & (1 - g) for k, g in zip(kept_or_area, agencies, strict=True))
    added: list[Finding] = []
    # a month alone, read as a date, where the draft names a town so: the town (verify reads it so too)
    bare_months = {(f.start, f.end) for f in findings if f.label == "DATE" and fold(f.text.strip()) in _MONTHS}
    towns_not_months: set[tuple[int, int]] = set()
    for variant in sorted(variants.values(), key=lambda v: len(v.text), reverse=True):
        # the board's area stays as written in kept names for every label: "Wenning" of "Wenning Women's Aid" is
        # not redacted inside "North Wenning Community Safety Partnership"
        blocked = area_in_names if variant.label == "LOCATION" else kept_or_area
        if variant.label == "PERSON" and not (variant.weak or variant.title_only or variant.letters):
            place = any(fold(w) in uk_places() or fold(w) in world_towns() for w in variant.text.split())
            blocked = kept_or_area if place else kept_outside_agencies  # "Derby" stays in "Derby City Council"
        month_town = variant.label == "LOCATION" and fold(variant.text) in _MONTHS
        for start, end in _occurrences(text, variant, builder, staff_initials):
            # "as GP": the initials, not the job; "Ms D": the woman, not a pseudonym
            initials = (variant.acronym or variant.titled_initial) and (start, end) in kept_alone
            # "Judge's brother": a surname that is also a job's word, kept alone as the job, owns something here
            kept_word = variant.title_only and (start, end) in kept_alone
            owner = kept_word and _a_surname_s(text, start, end, text[start:end])
            if month_town and (start, end) in bare_months:  # "a friend's house in March": the town named
                towns_not_months.add((start, end))
            elif covered.find(0, start, end) < 0 or (blocked.find(0, start, end) < 0 and not (initials or owner)):
                continue
            block = document.block_at(start)
            index = block.index if block else None
            added.append(Finding(start, end, variant.label, text[start:end], variant.score, SOURCE, index))
            covered[start:end] = b"\x01" * (end - start)
    letters = own_pseudonym_letters(text)
    # "Tymek", a name a cue gave, which the model took for a place where it stands alone: the person, unless
    # some list knows the word as a place
    people = {
        v.text
        for v in variants.values()
        if v.label == "PERSON" and not (v.weak or v.title_only or v.letters)
        and fold(v.text) not in uk_places() and not (fold(v.text) in world_towns() and _placed(text, v.text))
    }
    # the words of the names the draft gives a person in full or after a title ("Tobiah Quill", "Mr Quill")
    named = {w for f in findings if f.label == "PERSON" and (f.source in _NAMING or " " in f.text.strip())
             for w in f.text.split()}  # fmt: skip
    firsts = {fold(f.text.split()[0]) for f in findings if f.label == "PERSON" and " " in f.text.strip()}
    # "NVRH", which a model took for a person, is the hospital the draft abbreviates so; "Quellwren Ward", which
    # it took for a person in a table cell, is the ward the draft names so elsewhere; "Royal Quellbury", a first
    # name and a word, the hospital it shortens; "Quellcastle", a coined word no list holds as a name and the draft
    # gives no one, the hospital its head names (but "Tobiah Quarrell" of "Tobiah Quarrell Academy", "Tobiah" alone, or
    # the "Quill" of "Mr Quill" and of "Quill Chemists" may be a person)
    places = {
        v.text: v.label
        for v in variants.values()
        if v.label in _NAMED_PLACES
        and (v.letters or (" " in v.text and (not v.exact_case or opens_generically(v.text))))  # not a head alone
    }
    heads = {  # a head that a reader took for a person's name standing alone
        v.text: v.label
        for v in variants.values()
        if v.label in _NAMED_PLACES and " " not in v.text and v.text.istitle()
        and not builder.gaz.is_name(v.text) and v.text not in named
        and not any(short_form_of(fold(v.text), first) for first in firsts)  # "Carp" of Carpella
    }  # fmt: skip
    lone_bodies = {f.text for f in findings if f.label in _NAMED_PLACES and f.text in heads}
    result = [
        replace(f, label=places[f.text]) if f.label == "PERSON" and f.text in places and f.source != _TITLED
        else replace(f, label=heads[f.text]) if f.label == "PERSON" and f.text in heads and f.source not in _NAMING
        # "went back to Bittern", a place to the model, is the charity the draft names so by that word alone (not
        # "Quellfen", the area "Quellfen Hospital" is named after)
        else replace(f, label=heads[f.text]) if f.label == "LOCATION" and f.source == _MODEL and f.text in lone_bodies
        else replace(f, label="PERSON") if f.label == "LOCATION" and f.source == _MODEL and f.text in people
        else f
        for f in [*findings, *sorted(added, key=lambda f: (f.start, f.end))]
        if not (f.label == "PERSON" and f.text.rstrip(".") in letters)
        and not (f.label == "DATE" and (f.start, f.end) in towns_not_months)
    ]
    known = {(fold(text), label, letters) for text, label, letters in variants}
    widened = [f for f in added if (fold(f.text), f.label, False) not in known]
    return propagate(document, result, again=False) if again and widened else result


def _placed(text: str, word: str) -> bool:
    """Whether the draft writes ``word`` as a place somewhere: "in Siôn", "from Siôn". A far town's name that the
    draft only ever writes as a person's ("Siôn was 19", "Siôn's sister") is the person's."""
    at = text.find(word)
    while at >= 0:
        if not _WORD_GOES_ON.match(text, at + len(word)) and _PLACE_WORD_BEFORE.search(text, max(0, at - 100), at):
            return True
        at = text.find(word, at + 1)
    return False


_PLACE_WORD_BEFORE = stdlib_re.compile(r"(?<![\w'’-])(?i:in|at|near|from|to|into|via|around|outside)[ \t]+\Z")
_WORD_GOES_ON = stdlib_re.compile(r"[\w'’-]")


_DEFINED_LETTER = re.compile(r"(?<![\w'’.&-])(\p{Lu})\s*\(\s*(?i:born|b\.|aged?|dob|d\.o\.b\.)(?![\w])")


def own_pseudonym_letters(text: str) -> frozenset[str]:
    """Single letters the document itself uses as pseudonyms ("Child T" -> "T"), unless it also defines
    the letter as a person's initial the way judgments do ("B (born 2016)"). Such a letter standing alone
    ("T's mother") is left as the review wrote it."""
    own = OWN_PSEUDONYM.findall(text) + _FAMILY_LETTER.findall(text)
    return frozenset(own) - set(_DEFINED_LETTER.findall(text))


# the review's letter for a family: "the W children", "the Q family"
_FAMILY_LETTER = re.compile(r"\b(?i:the)[ \t]+(\p{Lu})[ \t]+(?i:children|family|siblings|twins|household)\b")


_OPENING = ('"', "“", "‘")
# what a sports club's name ends with: "Quellside Rovers JFC", "Pelbury Town AFC"
_CLUB_FORMS = frozenset({"FC", "AFC", "JFC", "YFC", "RFC", "RUFC", "RLFC", "ARLFC", "JRLFC"})
_CAPITALISED_BEFORE = re.compile(r"\p{Lu}[\w'’-]*[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+\p{Lu}")


_APOSTROPHE = re.compile(r"(?<=\w)['’](?=s\b)")


@cache
def _variant_pattern(folded_variant: str, initials: bool = False) -> stdlib_re.Pattern[str]:
    # the standard library's re: it compiles ten times faster than regex, and a long draft has 2,000 variants
    # in a name an initial may be written with its full stop or without: "R Summer" is "R. Summer"
    dot = r"\.?" if initials else ""
    # words apart by any space: "Quellode<LINE BREAK>Kennels", where a line wrapped it, is "Quellode Kennels"
    words = (stdlib_re.escape(w) + (dot if len(w) == 1 and w.isalpha() else "") for w in folded_variant.split())
    # a space or two, or one line break a wrapped line put there; never a tab or a wider gap, which ends a table's cell
    body = r"(?:[^\S\t\n]*\n[^\S\t\n]*|[^\S\t\n]{1,2})".join(words).replace("'", "['’]")
    # not the "Brien" of "O'Brien", but an opening quote before a name is no part of it: 'Daz sometimes'
    return stdlib_re.compile(rf"(?<![\w])(?<!\w['’])(?:{body})(?![\w])")


def _short_caps(name: str) -> bool:
    """A name of three letters or fewer in capitals ("IGG"): found in capitals only."""
    return name.isupper() and len(name) <= 3


_NAME_GOES_ON = re.compile(r"[ ]+\p{Lu}")  # as in _opens_another_name: a tab ends a table cell


def _occurrences(
    text: str, variant: Variant, builder: _VariantBuilder, staff_initials: frozenset[tuple[int, int]] = frozenset()
) -> Iterator[tuple[int, int]]:
    if variant.letters:
        found = list(_letter_occurrences(text, variant.text, builder))
        if variant.acronym:
            # a role's letters ("GP") after a capitalised word or before a name are the role ("Named GP", "DS
            # Jones"); other acronyms ("AM", "IT") only after an article ("the IT team"), not "Crown Court AM was"
            used_as_acronym = acronym_is_the_role if names_a_role_or_agency(variant.text) else _acronym_after_article
            # a staff column's "| PA |" is a worker's initials, not the role the same letters name elsewhere
            as_acronym = [used_as_acronym(text, *span) and span not in staff_initials for span in found]
            if variant.given:  # "DS = Ebun Quill" in a key: hers, but for "DS Hester Pelbury" (the rank)
                found = [span for span, acronym in zip(found, as_acronym, strict=True) if not acronym]
            elif any(as_acronym):
                return  # the draft writes "GP" for the role ("the GP"): not the initials of Gareth Pryce anywhere
        meridiem = variant.text in ("AM", "PM")
        yield from (span for span in found if not (meridiem and _CLOCK_TIME_BEFORE.search(text, 0, span[0])))
        return
    folded = fold(variant.text)
    first_atom = _ATOM.search(folded)
    pattern = _variant_pattern(folded, initials=variant.label == "PERSON")
    if first_atom is None:  # digits only ("3378", a collar number found once after its rank)
        if variant.label != "PERSON" and len(folded) >= 4:
            yield from _digit_occurrences(builder.folded, folded.split()[0], pattern)
        return
    short_caps = _short_caps(variant.text)
    lower_ok: bool | None = None  # decided on the first lower-case occurrence
    lead = first_atom.start()  # "13EE/09114/16": the variant starts before its first word of letters
    for atom_position in builder.atoms.get(first_atom.group(), ()):
        position = atom_position - lead
        match = pattern.match(builder.folded, position) if position >= 0 else None
        if match is None:
            continue
        start, end = _extend_hyphens(text, *match.span())
        found = text[start:end]
        if short_caps and not text[match.start() : match.end()].isupper():
            continue
        written = " ".join(text[match.start() : match.end()].split())
        if variant.exact_case and written not in (variant.text, variant.text.upper()):  # "SANDROCK" in a log
            continue
        if variant.not_in_capitals and written.isupper():
            continue
        if variant.alone_only and _NAME_GOES_ON.match(text, end):
            continue
        if variant.label in _NAMED_PLACES | {"LOCATION"} and found[0].islower() and variant.text[0].isupper():
            continue  # "Recorded", a model's place, is not "recorded"
        if variant.label == "LOCATION" and folded in _MONTHS and _dated(text, start, end):
            continue  # "3 March 2012", "and March 2020": the month, not the town
        if variant.label == "PERSON" and not found[0].isupper():
            if lower_ok is None:
                lower_ok = builder.lower_case_safe(variant)
            if not lower_ok or _after_determiner(text, start):
                continue
        family = variant.label == "PERSON" and found[0].isupper() and _FAMILY_AFTER.match(text, end) is not None
        if variant.title_only and not (_after_title(text, start) or family or _a_surname_s(text, start, end, found)):
            continue  # "Mrs Ward", "the Ward family": a surname that is also a word, where only a name fits
        if variant.weak and not family and not _weak_position_ok(text, start, end, builder, variant.text.isupper()):
            continue
        if variant.label == "PERSON" and is_place_context(text, start, end, motion=False):
            continue  # "lived in Jordan"; but "attention to Malta" is the person the draft named
        if variant.label == "PERSON":
            start, end = _extend_name(text, start, end, builder, surname=" " not in variant.text)
        yield start, end
    if variant.label == "PERSON" and " " not in variant.text and not (variant.weak or variant.title_only):
        yield from _family_plurals(text, variant.text)


def _digit_occurrences(folded: str, head: str, pattern: stdlib_re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """``pattern.finditer(folded)`` for a variant of digits, tried only where its first group of digits stands (a
    long draft has hundreds of such variants; a scan of the whole text for each cost seconds)."""
    at = folded.find(head)
    while at >= 0:
        match = pattern.match(folded, at)
        if match:
            yield match.span()
        at = folded.find(head, match.end() if match else at + 1)


def _family_plurals(text: str, name: str) -> Iterator[tuple[int, int]]:
    """"the Joyces", "the NOWAKS": a family called by its surname in the plural."""
    after_the = _words_after_the(text)
    for form in {name + "s", name + "es", name.upper() + "S", name.upper() + "ES"}:
        yield from after_the.get(form, ())


@lru_cache(maxsize=2)
def _words_after_the(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each word that follows "the" stands, read once per draft."""
    found: dict[str, list[tuple[int, int]]] = {}
    for match in re.finditer(r"(?<=\b(?i:the)[ \t]+)[\w'’-]*\w", text):
        found.setdefault(match.group(), []).append(match.span())
    return found


_FIRST_NAME_BEFORE_AND = re.compile(r"(?<![\w'’-])(\p{Lu}[\p{Ll}\p{M}'’-]+)[ \t]+(?:and|&)[ \t]+$")
_FAMILY_AFTER = re.compile(r"[ \t]+(?:family|families|household|children|twins|siblings|brothers|sisters)\b")


_POSSESSIVE_THEN_WORD = re.compile(r"['’]s[ \t]+\p{Ll}")


def _a_surname_s(text: str, start: int, end: int, found: str) -> bool:
    """A found name's surname that is also a title or a job's word, as an owner with no article and no capitalised
    word before it inside the sentence: "threats towards Judge's brother" (not "the Ward's staff", "said
    Riverside Ward's nurses")."""
    return (
        found[0].isupper()
        and _POSSESSIVE_THEN_WORD.match(text, end) is not None
        and gazetteer().is_surname(found)
        and not _after_determiner(text, start)
        and not ((before := _NAME_WORD_BEFORE.search(text, max(0, start - 40), start)) and not opens_sentence(
            text, before.start()
        ))  # "Later Judge's licence": a sentence's first word is no neighbour
    )


def _after_determiner(text: str, start: int) -> bool:
    return previous_word(text, start) in DETERMINERS


def _acronym_after_article(text: str, start: int, _end: int) -> bool:
    return previous_word(text, start) in ("the", "a", "an")  # "the IT team"; not "that AM spoke"


def _letter_occurrences(text: str, letters: str, builder: _VariantBuilder) -> Iterator[tuple[int, int]]:
    """Exact occurrences of initials ("K.S.", "M.") or of a bare letter standing for a name ("D")."""
    for start, end in _standing_alone(text, letters):
        previous = re.search(r"([\w'’]+)[ \t]*$", text[max(0, start - 30) : start])
        single = len(letters.rstrip(".")) == 1
        if single and previous and previous.group(1).lower() in builder.vocab.label_nouns | _pseudonym_words():
            continue  # "Appendix A", "Child A", "Mr A"; not "Hospital<TAB>HB born" (initials in a table)
        if single and _VERSUS_AFTER.match(text, end):
            continue  # "R v Quill": the Crown in a criminal case's name
        if _CITED_CASE.match(text, start - 3) and _CITATION_AFTER.match(text, end):
            continue  # "Re B (Children) [2008] UKHL 35" cites another case; "Re A and D" alone names this one
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip() and re.match(
            r"[.)]\s", text[end - 1 if letters.endswith(".") else end :]
        ):
            continue  # an outline label: "A. Introduction", "B) Background"
        if len(letters) > 1 and "." not in letters and _is_word(letters) and _in_capitals(text, start, end):
            continue  # "AT" inside "AT THE TIME" is a word; "ALLOCATE TO RT" in a record in capitals is initials
        if letters == "A" and opens_sentence(text, start):
            following = re.match(r"\s*(['’]s\b|[\w-]+)", text[end:])
            word = following.group(1).lower() if following else ""
            if not (word in _VERBS_AFTER_NAME or word.endswith("ed") or word in ("'s", "’s")):
                continue  # "A girl born in 2016": the article
        yield start, end


def _standing_alone(text: str, letters: str) -> Iterator[tuple[int, int]]:
    """Where ``letters`` stand as a token of their own: no letter, dot or hyphen joined before or after them.
    Found with ``str.find`` and checked with fixed patterns: a pattern per initials cost a compilation each."""
    end_ok = _AFTER_DOTTED_LETTERS if letters.endswith(".") else _AFTER_LETTERS
    at = text.find(letters)
    while at != -1:
        end = at + len(letters)
        if _BEFORE_LETTERS.match(text, at) and end_ok.match(text, end):
            yield at, end
            at = text.find(letters, end)
        else:
            at = text.find(letters, at + 1)


# an opening quote may stand before initials ("'MJ arrived"), an apostrophe inside a word may not
_BEFORE_LETTERS = re.compile(r"(?<![\w.&’-])(?<![\w.]['’])")
_AFTER_DOTTED_LETTERS = re.compile(r"(?![\w&])")
_AFTER_LETTERS = re.compile(r"(?![\w&-]|['’](?!s\b)|\.\p{Lu})")
# "at 10.30 AM", "9 PM": a time, not the initials; "02/10/11 AM late for curfew" is a chronology's date and
# "4.12 AM told me" a paragraph's number before them
_CLOCK_TIME_BEFORE = re.compile(r"(?<=[^\W\d][ \t]+)\d{1,2}(?:[.:]\d\d)? ?$")
_CITED_CASE = re.compile(r"Re ")
_VERSUS_AFTER = re.compile(r"[ \t]+v\.?[ \t]")
_CITATION_AFTER = re.compile(r"(?:\s*\([^)]{0,80}\))?,?\s*[\[(](?:19|20)\d\d[\])]")


def _is_word(letters: str) -> bool:
    return letters.lower() in STOP_WORDS or fold(letters) in ordinary_lower_words()


def _in_capitals(text: str, start: int, end: int) -> bool:
    """True if a word right next to ``text[start:end]`` (a space between, as in a heading: "AT THE TIME") is
    written in capitals too; initials in a list ("FBH, OG, CE", "PG / KD") or in a table cell after a tab
    ("GP<TAB>TQ attended") stand alone. verify's rule too."""
    before = re.search(r"([^\W\d_]+) +$", text[max(0, start - 40) : start])
    after = re.match(r" +([^\W\d_]+)", text[end : end + 40])
    return any(m is not None and len(m.group(1)) > 1 and m.group(1).isupper() for m in (before, after))


@lru_cache(maxsize=1)
def _pseudonym_words() -> frozenset[str]:
    v = vocabulary()
    return frozenset(w.lower() for base in (*v.pseudonym_bases, *v.titles) for w in base.split()[-1:])


def _after_title(text: str, start: int) -> bool:
    return after_title(text, start)


_NAME_WORD_BEFORE = re.compile(r"\p{Lu}[\w'’-]*[ ]+$")


def _extend_name(text: str, start: int, end: int, builder: _VariantBuilder, surname: bool) -> tuple[int, int]:
    """Cover a trailing initial ("Amir B -") and, before a surname, an unknown first name ("Lily JONES")."""
    # not the first letter of "D&V" or "A/E", nor across a cell: "Signed: J. Ambrose<TAB>P. Haverstock"
    initial = re.match(r"[ ]+\p{Lu}\.?(?=[ \t]*(?:$|[^\w\s'’&/]))", text[end:], re.MULTILINE)
    if initial:
        end += initial.end()
    suffix = _GENERATION_SUFFIX.match(text, end)
    if suffix:  # "Kwabena Junior", named after his father
        end = suffix.end()
    shouted = text[start:end].isupper()  # "4. HOPE AND HER FAMILY": a heading's words, not a surname
    caps = _CAPITALS_SURNAME_AFTER.match(text, end) if surname and not (initial or shouted) else None
    if caps and _a_surname_in_capitals(caps.group(1), text):  # "Re: Tobiah QUELLODE", as a record heads its subject
        end = caps.end()
    if surname:
        initials = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
        label = initials and OWN_PSEUDONYM.search(text, max(0, initials.start() - 14), initials.end())
        if initials and not (label and label.start(1) == initials.start()):  # not "as Child H. Tobiah died"
            return initials.start(), end  # "Signed: D/Insp T. Quarrell": the initial goes with the surname
        # not across a cell (a tab, or a column's gap of spaces); a nickname in quotes counts: '"Dyl" Prosser'
        window = max(0, start - 40)
        # the quotes go with a quoted nickname, not the opening quote of '"Maja Harding"'
        before = re.search(
            r"(?<![\w'’-])(?:[\"“](\p{Lu}[\w'’-]+)[\"”]|(\p{Lu}[\w'’-]+))(?:[ ]{1,2}|[ \t]*\n[ \t]*)$",
            text[window:start],
        )
        line_end = window + before.start() + len(before.group().rstrip()) if before else 0
        line = text[text.rfind("\n", 0, line_end) + 1 : line_end]
        across = before is not None and "\n" in before.group()
        if across and (not wrapped_line(text, line_end) or _CELL_EDGE.search(line)):
            before = None  # across a line break only where a PDF wrapped a long line, not across a table's rows
        if across and before and fold(before.group(1) or before.group(2)) in uk_places():
            before = None  # "... 63 Huntingdon<LINE>Hester Pelbury": a run-together row's last cell, the town it gives
        if before:
            word = before.group(1) or before.group(2)
            # "She’s Merryn", "The Quill"; and a possessive is no first name: "the Council’s Ebun"
            function_word = word.lower() in STOP_WORDS or _POSSESSIVE_S.search(word) is not None
            # "Caller Akosua", "Coordinator Marjorie", "Foodbank" (which the draft also writes small): a word, no
            # first name, unless a list holds it as a name
            lower = is_english_form(fold(word)) or fold(word) in lowercase_words(text)  # "Homes", "Services"
            english = lower and not gazetteer().is_name(word)
            quoted = before.group(1) is not None
            quoted_at = window + (before.start() if quoted else before.start(2))
            # 'Bernadette "Bernie" Quillan': a nickname between two names is found on its own
            between_names = quoted and _NAME_WORD_BEFORE.search(text, max(0, quoted_at - 30), quoted_at)
            weak = function_word or english or builder.is_weak(word) or builder.keep.is_kept(word) or word.isupper()
            if not (weak or between_names):
                start = quoted_at
    return start, end


_CAPITALS_SURNAME_AFTER = re.compile(r"[ ]+(\p{Lu}{2}[\p{Lu}'’-]+)(?![\w'’-])")


def _a_surname_in_capitals(word: str, text: str) -> bool:
    """A word in capitals after a first name that is no acronym, English word, place or heading's word."""
    folded = fold(word)
    return not (
        folded in STOP_WORDS or vocabulary().is_vocabulary_word(word) or is_english_form(folded)
        or folded in lowercase_words(text)
        or folded in uk_places() or is_well_known_place(word) or not re.search(r"[AEIOUY]", word)
    )  # fmt: skip


_GENERATION_SUFFIX = re.compile(r"[ ]+(?:Junior|Jnr\.?|Jr\.?|Senior|Snr\.?)(?![\w'’-])")
_CELL_EDGE = re.compile(r"\t| \| |\S[ ]{3,}\S")  # a line holding these is a table's row (columns by spaces too)
# "H. Marsden", "A.J. Colley", "J Ferris" (an undotted "A" or "I" is a word)
_INITIALS_BEFORE = re.compile(r"(?<![\w'’.-])(?<!\d[ ])(?:(?:\p{Lu}\.[ ]?){1,3}|(?![AI])\p{Lu}[ ])$")  # not "93 D. "


_TRADE_WORD = re.compile(rf"(?i:{TradeNameRecognizer.HEAD})")
_LEGAL_FORMS = FIRM_SUFFIXES | {"limited", "co", "uk", "&"}


def _trade(words: list[str]) -> bool:
    """Words that say a firm's trade or legal form ("Interpreting Ltd", "Cars", "Travel & Cargo", "Private Hire")."""
    index = 0
    while index < len(words):  # a trade may take two words: "Private Hire"
        pair = " ".join(words[index : index + 2])
        if index + 1 < len(words) and _TRADE_WORD.fullmatch(pair):
            index += 2
        elif words[index].lower().rstrip(".") in _LEGAL_FORMS or _TRADE_WORD.fullmatch(words[index]):
            index += 1
        else:
            return False
    return True


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


def _subject_of_sentence(text: str, end: int) -> bool:
    """A verb or "and" right after a sentence-opening word, or an age in apposition ("Saffron, 16, was"): the
    word is the sentence's subject, a person."""
    if re.match(r",[ \t]*(?:aged[ \t]+)?\d{1,2}[ \t]*,", text[end : end + 12]):
        return True
    # "Summer now lives", "Summer later told": one adverb may stand between the name and its verb
    following = re.match(r"(?:['’]s)?[ \t]+(?:(?:[a-z]+ly|now|then|also|later|still|often|never|always|again|soon)"
                         r"[ \t]+)?([a-z]+)", text[end : end + 40])  # fmt: skip
    word = following.group(1) if following else ""
    return (
        word in _VERBS_AFTER_NAME or word in _STATES_AFTER_NAME or word in irregular_verb_forms()
        or (word.endswith("ed") and len(word) > 3) or is_present_tense_verb(word)
    )  # fmt: skip


# what a case note says of a person right after the name: "Summer present.", "Jodie upset and tearful"
_STATES_AFTER_NAME = frozenset({"present", "absent", "seen", "upset", "tearful", "happy", "asleep", "unwell", "well"})


_MONTHS = frozenset(m.lower() for m in calendar.month_name[1:])
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?$")
_NUMBER_AFTER = re.compile(r",?[ \t]*\d")


def month_abbreviation_alone(text: str, start: int, end: int) -> bool:
    """A month's short form with no day or year beside it ("Aug was charming"): a short name, not a date."""
    return text[start:end].lower() in _MONTH_ABBREVIATIONS and not _dated(text, start, end)


_MONTH_ABBREVIATIONS = frozenset(m.lower() for m in calendar.month_abbr[1:]) | {"sept"}


def _dated(text: str, start: int, end: int) -> bool:
    """A month word with a day before it or a year (or day) after it: a date."""
    return bool(_DAY_BEFORE.search(text, max(0, start - 10), start) or _NUMBER_AFTER.match(text, end))


# a web address's path: words in small letters joined by hyphens, as a page's URL names it
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")


def _weak_position_ok(text: str, start: int, end: int, builder: _VariantBuilder, shouted: bool = False) -> bool:
    """A common word counts after a title, or alone and capitalised inside a sentence."""
    if _after_title(text, start):
        return True
    if text[start - 1 : start] in ("“", '"', "‘") and text[end : end + 1] in ("”", '"', "’"):
        return True  # 'Child S – “Summer”': the name the review gave in quotes
    bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    if bracketed and text[start].isupper() and fold(text[start:end]) not in _MONTHS | STOP_WORDS:
        return True  # "Independent Chair, SCR Panel (Hope)": a name alone in brackets, whatever words stand before
    never_lower = builder.lower_count.get(fold(text[start:end]), 0) == 0  # the document never uses the word
    if text[start - 1 : start] in ("“", '"', "‘") and never_lower and text[start:end].istitle():
        return True  # 'the caption "Sparky on tour"': a quotation opening with a name the draft never writes small
    if text[start:end].isupper():
        # "SUMMER AND HER FAMILY", "THE VOICE OF PEACE": a person's name in a heading is the person, as
        # verify reads it, unless it is a month or a function word ("MAY 2019", "WILL"), or the name itself was
        # only ever found in capitals (a model's "JO SAYS TV" in a case note gives no name "SAYS")
        word = fold(text[start:end])
        named = not shouted and word not in _MONTHS and word not in STOP_WORDS
        return never_lower or not _in_capitals(text, start, end) or named
    if re.match(r"['’]s\b", text[end:]) and text[start].isupper() and fold(text[start:end]) not in _MONTHS:
        return True  # "In June 2017 Summer's friend": a capitalised common word owning something is a name
    if opens_sentence(text, start):
        return _subject_of_sentence(text, end) or (never_lower and re.match(r"['’]s\b", text[end:]) is not None)
    previous = re.search(r"(\S+)[ \t]*$", text[max(0, start - 40) : start])
    # the words after it in its own line or table cell: "Relationship to Summer<TAB>Age" ends at the tab
    after = re.split(r"\n|\t| \| ", re.sub(r"^['’]s\b", "", text[end : end + 40]))[0].lstrip()
    following = after.split()[0] if after.split() else ""
    numbered = previous and re.fullmatch(r"\d+(?:\.\d+)+", previous.group(1))  # "3.3 Summer met ...": a paragraph
    if numbered:
        return _subject_of_sentence(text, end)
    if re.match(r"\d", following) or (previous and re.search(r"\d$", previous.group(1))):
        return False  # "May 2019", "3 May"
    capitalised = re.compile(r"^\p{Lu}[\w'’-]*$")
    if capitalised.match(following.rstrip(".,;:!?)")):
        return False  # "Young People's Service", "Grace Academy"
    if previous and capitalised.match(previous.group(1)):
        if builder.gaz.is_first_name(previous.group(1)) and not builder.is_weak(previous.group(1)):
            return True  # "Mason Summer": a family's surname after a first name
        previous_start = max(0, start - 40) + previous.start(1)
        return opens_sentence(text, previous_start)  # "Then Grace" yes, "Rainbow Grace" no
    return True
