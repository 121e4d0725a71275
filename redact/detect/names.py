"""Presidio recognisers for person names that statistical NER misses.

Each recogniser reads the raw text with regular expressions (so it works with ``nlp_artifacts=None``)
and weighs a candidate by its context: a title ("Ms Smith" -> "Smith"), a relation or job word
("her partner Liam", "Kelly (mother)"), the shipped gazetteer, capitals ("KELLY SMITH") and initials
("K. Smith", "KS (mother)"). A gazetteer hit alone on a word that is also common English ("Will",
"May", "Young") or that opens a sentence is ignored. Spans never include the title or a possessive.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.gazetteer import (
    CALENDAR_WORDS,
    Gazetteer,
    country_names,
    fold,
    gazetteer,
    is_well_known_place,
    lowercase_words,
    ordinary_lower_words,
    short_form_of,
    uk_places,
    uk_towns,
    whole_draft,
    world_towns,
    written_small,
)
from redact.detect.initials import STAFF_CODE_CELL, keys_the_name
from redact.detect.keep import (
    DETERMINERS,
    Vocabulary,
    after_title,
    alternation,
    initials_after_a_role,
    is_nationality_word,
    is_other_language_kinship,
    job_title_pattern,
    kin_word_always_a_name,
    names_a_group,
    previous_word,
    vocabulary,
)
from redact.detect.recognizers.address import STREET_TYPES
from redact.detect.recognizers.case_reference import OPERATION
from redact.detect.recognizers.institutions import FIRM_SUFFIXES, wrapped_line_ends
from redact.detect.recognizers.organisations import KIND_BEFORE_NAMING
from redact.lexicon import english_words, is_english_form

ENTITY = "PERSON"
# Name words are matched in any script's letters (Unicode classes of the ``regex`` package), so
# "Žukauskas", "Wiśniewska", "Yétúndé Ọlátúnjí" and "O'SULLIVAN" are words like "Smith".
# Combining marks are allowed after a letter, for text stored decomposed (NFD).
UPPER, LOWER = r"(?:\p{Lu}\p{M}*)", r"[\p{Ll}\p{M}]"
# A Title-case name word: Kelly, O'Brien, McDonald, MacBreen, DeShawn, D'Souza, Smith-Jones, Kelly-Ann, Żaneta.
# (a PDF may wrap a double-barrelled name at its own hyphen: "Quill-<LINE BREAK>Pelbury")
TITLE_WORD = rf"(?:{UPPER}{LOWER}{{0,2}}['’]?)?{UPPER}{LOWER}+(?:-(?:[ \t]*\n[ \t]*)?{UPPER}{LOWER}+)*"
# An upper-case name word (O'BRIEN, O'SULLIVAN, SMITH-JONES, McCREADIE, MacLEOD, DeVRIES: a surname in
# capitals keeps its prefix as written), never swallowing a possessive 'S.
CAPS_WORD = (
    rf"(?:{UPPER}['’]|(?:Mc|Mac|De|Di|Le|La|Van|Von)(?={UPPER}{{2}}))?{UPPER}{{2,}}(?:['’]{UPPER}{{2,}})?(?:-{UPPER}{{2,}})*"
)
# Irish and Scottish particles written as a word of their own: "Ó Briain", "Ní Bhriain", "Mac Giolla".
PARTICLE = r"(?:(?:O\u0301|Ó|Ní|NÍ|Nic|NIC|Uí|UÍ|Mac|MAC|Mhic)[ \t]+(?=\p{Lu}))"
# A word hyphened to a lower-case one is a compound ("Sub-group", "Co-ordinator"), not a name.
NAME_WORD = rf"{PARTICLE}?(?:{TITLE_WORD}|{CAPS_WORD})(?![\w]|-{LOWER})"
# A street name in quotes: "J-Flex", "K-Dog", "TJ-Money" (a name only where quotes make it one)
QUOTED_NAME_WORD = rf"(?:{NAME_WORD}|{UPPER}{{1,2}}-{UPPER}[\p{{L}}\p{{M}}]+(?![\w]))"
SPACE = r"[ ]{1,2}(?![ \t])"  # within a name: a tab or a run of spaces separates table columns
WRAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # within a cue phrase a line break may cut ("named\nhim only as")
INITIAL = rf"{UPPER}\.?"
# Initials before a name: "K ", "K. ", "A.J. ", "A. J. " (dotted initials may touch)
INITIALS = rf"(?:{UPPER}\.(?={UPPER}\.)|{INITIAL}{SPACE}){{0,3}}"
# Dotted initials standing for a whole name: "K.S.", "R.T.", "M." (judgment style).
DOTTED = rf"(?:{UPPER}\.){{1,3}}(?![\w])"
# a record's surname in capitals before the given names: "QUILL, " of "QUILL, Dorcas Ann (mother)"
_RECORD_SURNAME_BEFORE = re.compile(rf"(?:^|(?<=[\n\t|:-])[ \t]*|(?<=[-•*][ \t]))\K{CAPS_WORD},[ \t]*$", re.MULTILINE)
# what a draft says after a quoted name it explains: '"Tibby" is the family's name for Tobiah', '"Bub" is what his
# sisters call him'
IS_A_NAME_FOR = (
    r"(?:is|was)[ \t]+(?:(?:(?:the|a)[ \t]+)?(?:[\w'’-]+[ \t]+){0,3}?(?:(?:pet|nick|short|family)[ \t]*)?name[ \t]+for"
    r"|what[ \t]+(?:[\w'’-]+[ \t]+){1,3}?(?:calls?|called))"
)
# "Child T", "Young Person D": the review's own pseudonym letter, chosen by the review (often by the child), not an
# initial, also where it ends a sentence ("... known as Child H. Tobiah died")
# (one of several children may have a number after the letter: "Child W1")
OWN_PSEUDONYM = re.compile(
    r"\b(?:Child|Baby|Young Person|Sibling|Adult|Person)[ \t]+(\p{Lu})(?:[1-9](?!\w))?(?![\w'’-]|\.\w)"
)
# a quoted nickname may end with an initial, as a street name does: "Shorty Q", "Kidda P"
QUOTED_NICKNAME = rf"{QUOTED_NAME_WORD}(?:[ ]{UPPER}(?![\w]))?"
POSSESSIVE = re.compile(r"['’][sS]\b")
_SENTENCE_END = set(".!?:;|\n\"“”'‘’([-–—•*")


def _score_result(recognizer: EntityRecognizer, start: int, end: int, score: float) -> RecognizerResult:
    return RecognizerResult(
        ENTITY,
        start,
        end,
        score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


def opens_sentence(text: str, start: int) -> bool:
    """True when ``start`` is the first word of a sentence, line, heading or table cell."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i].isdigit()


class _NameRecognizer(EntityRecognizer):
    """Shared plumbing: Presidio calls ``analyze``; subclasses yield ``(start, end, score)``."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[ENTITY], supported_language="en")
        self.gaz: Gazetteer = gazetteer()
        self.vocab: Vocabulary = vocabulary()
        self.next_line_name = re.compile(rf"[ \t]*\n[ \t]*(?P<name>{NAME_WORD})")

    def load(self) -> None:  # data is loaded lazily by gazetteer() / vocabulary()
        pass

    def _across_wrap(self, text: str, end: int, words: int) -> int:
        """ "Mrs Carys<WRAPPED LINE>Pryce-Jones": the surname on the next line of text a PDF wrapped."""
        following = self.next_line_name.match(text, end)
        if words > 2 or following is None or not wrapped_line_ends(text, end):
            return end
        return following.end() if not self.is_non_name(following.group("name"), text) else end

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and ENTITY not in entities:
            return []
        best: dict[tuple[int, int], float] = {}
        for start, end, score in self.spans(text):
            if end > start and _WEEKDAYS.fullmatch(text, start, end) is None:  # "from school Tuesdays and Thursdays"
                best[start, end] = max(score, best.get((start, end), 0.0))
        return [_score_result(self, s, e, score) for (s, e), score in sorted(best.items())]

    def spans(self, text: str) -> Iterator[tuple[int, int, float]]:
        raise NotImplementedError

    def is_non_name(self, word: str, text: str) -> bool:
        """A word that cannot be a name on its own: report/agency vocabulary or plain English."""
        if self.vocab.is_vocabulary_word(word) or word.lower() in _ARTICLES_AND_PRONOUNS:
            return True  # "The", a surname in the lists, opens a sentence ("the Named Nurse. The provider ...")
        return self.gaz.is_common_word(word, text) and not self.gaz.is_name(word)

    def trim(self, text: str, words: list[re.Match[str]], strong: bool = False) -> tuple[int, int] | None:
        """The span of the leading name words, stopping at the first vocabulary or plain word.

        With ``strong`` context (a title) a gazetteer name is accepted even when it is also a word.
        """
        kept: list[re.Match[str]] = []
        for word in words:
            if self.is_non_name(word.group(), text) and not (strong and self.gaz.is_name(word.group())):
                break
            kept.append(word)
        if not kept:
            return None
        return kept[0].start(), kept[-1].end()

    def initials_precede_name(self, text: str, start: int, span: tuple[int, int]) -> bool:
        """ "A. Smith", "A.J. Coltrane": initials and a surname; but "Mr A. Police attended" ends a sentence at
        "A.": after a dotted initial, the word must be a known surname or no ordinary English word."""
        between = text[start : span[0]]
        surname = text[span[0] : span[1]].split()[0].split("-")[0]
        if "." not in between or self.gaz.is_surname(surname) or fold(surname) not in english_words():
            return True
        return surname in titled_surnames(text)  # "Dr R. Summer" where the draft also writes "Dr Summer"


_WORD_RE = re.compile(NAME_WORD)


@lru_cache(maxsize=8)
def titled_surnames(text: str) -> frozenset[str]:
    """Words the draft writes right after a title and before no other name word ("Dr Summer", "Mrs Rachel
    Summer"): the draft itself uses them as surnames, whatever else they mean."""
    titles = alternation(vocabulary().titles)
    pattern = re.compile(rf"(?<![\w'’-])(?:{titles})\.?{SPACE}(?:{NAME_WORD}{SPACE})?({NAME_WORD})(?![\w'’-])")
    return frozenset(match.group(1) for match in pattern.finditer(text))


def _name_words(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_WORD_RE.finditer(text, start, end))


class TitledNameRecognizer(_NameRecognizer):
    """A name after a title: "Ms Smith" -> "Smith", "DC Jones", "Mrs Doreen Price", "Mr K Smith"."""

    SCORE = 0.85

    def __init__(self) -> None:
        super().__init__()
        titles = alternation(self.vocab.titles)
        caps_titles = alternation(t.upper() for t in self.vocab.titles)
        title = rf"(?:{titles}|{caps_titles})\.?"
        # "DC 4471 Hughes", "PC 512JC Forsyth", "Sgt 3390<LINE>Fairhurst": rank, number, name
        collar = rf"(?:\d{{2,6}}(?:[A-Z]{{2}})?(?:{SPACE}|[ \t]*\n[ \t]*))?"
        self.pattern = re.compile(
            rf"(?<![\w'’-])(?:{title}{SPACE})+{collar}"
            rf"(?P<name>{INITIALS}{NAME_WORD}(?:{SPACE}{NAME_WORD}){{0,2}})"
        )
        # "Dr K.M.", and "Dr A-C" as a clinic writes a double-barrelled surname's initials
        self.dotted = re.compile(
            rf"(?<![\w'’-])(?:{title}{SPACE})+(?P<name>(?:{UPPER}\.){{2,3}}(?![\w])|{UPPER}-{UPPER}(?:-{UPPER})?(?![\w-]))"
        )

    def spans(self, text: str) -> Iterator[tuple[int, int, float]]:
        for match in self.dotted.finditer(text):
            yield *match.span("name"), self.SCORE
        for match in self.pattern.finditer(text):
            start, end = match.span("name")
            if text[max(0, match.start() - 4) : match.start()] in ("Our ", "OUR "):
                continue  # "Our Lady Star of the Sea": a church's dedication, not a titled woman
            if _INITIALISM_ENDS_A_SENTENCE.search(text[match.start() : start]):
                continue  # "Supervision with DS. Agreed threshold": the rank's letters end the sentence
            if _TITLE_WORD_ENDS_A_SENTENCE.search(text[match.start() : start]):
                continue  # "represented by the Named Nurse. The out of hours provider": a job ends the sentence
            initials = re.match(INITIALS, text[start:end])
            has_initials = initials is not None and initials.end() > 0
            words = _name_words(text, start + (initials.end() if initials else 0), end)
            span = self.trim(text, words, strong=True)
            if span is None or (has_initials and not self.initials_precede_name(text, start, span)):
                continue
            if text[match.start() : span[1]].isupper() and fold(text[span[0] : span[1]]) in ordinary_lower_words():
                continue  # "MOTHER AND BABY WELL": a record in capitals
            yield (start if has_initials else span[0]), self._across_wrap(text, span[1], len(words)), self.SCORE


# a rank or job written as its letters, then a full stop: no one writes "DS. Quill", so the sentence ended there
# a title written as a word, not shortened, with a full stop: the sentence's end ("the Named Nurse. The ...")
_TITLE_WORD_ENDS_A_SENTENCE = re.compile(
    r"(?<![\w'’-])(?!(?:Prof|Revd|Insp|Supt|Capt|Cllr|Sister|Canon)\.)\p{Lu}\p{Ll}{3,}\.[ \t]+$"
)
_WEEKDAYS = re.compile(r"(?i:mon|tues|wednes|thurs|fri|satur|sun)days?")
_ARTICLES_AND_PRONOUNS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "his", "her", "its", "their"}
)
_INITIALISM_ENDS_A_SENTENCE = re.compile(
    r"(?<![\w'’-])(?!(?:MR|MRS|MS|DR|ST|REV|REVD|PROF|SGT|INSP|SUPT|CAPT|COL|MAJ|CPL|LT|FR)\.)\p{Lu}{2,4}\.[ \t]+$"
)

_PETS = (
    r"dog|puppy|pup|cat|kitten|pet|terrier|staffie|staffy|lurcher|alsatian|german[ \t]+shepherd|rottweiler|husky|"
    r"collie|spaniel|bulldog|pony|horse|rabbit|ferret|parrot|snake"
)


# the relatives a person has and an organisation or place has not
_OWNED_KIN = (
    "mother|father|mum|mam|dad|parents|partner|boyfriend|girlfriend|husband|wife|brother|sister|sibling|son|daughter|"
    "grandmother|grandfather|gran|grandma|grandad|nan|nana|aunt|auntie|aunty|uncle|cousin|niece|nephew"
)


class ContextNameRecognizer(_NameRecognizer):
    """A name next to a relation or job word: "her partner Liam", "Kelly (mother)", "known as Jay"."""

    SCORE = 0.75
    SCORE_UNKNOWN = 0.6  # the word is not in the gazetteer

    def __init__(self) -> None:
        super().__init__()
        v = self.vocab
        roles = alternation(list(v.relations) + list(v.job_title_heads))
        titles = alternation(v.titles)
        name = rf"{NAME_WORD}(?:{SPACE}{NAME_WORD}){{0,2}}"
        self.before = re.compile(
            rf"(?<![\w'’-])(?i:(?:{roles})s?|{alternation(v.name_introducers)})(?:,|[ \t]+[–—])?{SPACE}"
            rf"(?:(?:{titles})\.?{SPACE})?(?P<name>{name})"
        )
        owner = rf"(?:the|his|her|their|a|an|{UPPER}[\w'’]*['’]s)"
        introducers = alternation(v.name_introducers)
        after = (  # "Kelly (mother)", "Ayo (aged 9)", "Temilola (known as Temi)"
            rf"(?:(?:{owner}{SPACE})?(?i:maternal{SPACE}|paternal{SPACE})?(?i:{roles})|aged?\b|born\b|dob\b"
            rf"|(?i:{introducers})\b"
            rf"|as{SPACE}(?:[\w'’]+{SPACE}){{1,3}}?call(?:s|ed)\b)"  # "Zubes (as her nan calls her)"
        )
        self.after_paren = re.compile(rf"(?<![\w'’-])(?P<name>{name})\s*\(\s*{after}")
        introducer = rf"(?i:{alternation(v.name_introducers)})"
        # "whom I shall call A", "known locally as "Deano"", "named him only as Jay", "his nickname, "Spud""
        # "to his friends as", "in the family as"
        audience = rf"(?:{WRAP}(?:to|by|among|amongst|in|within|at|on)(?:{WRAP}[\w'’]+){{1,7}}?{WRAP}as)"
        self.introduced = re.compile(
            rf"(?<![\w'’-]){introducer}(?:{WRAP}(?:him|her|them|only|simply|just|was|is|[a-z]+ly)){{0,2}}"
            r"(?:,|(?<=(?i:nicknames)):)?"  # 'by nicknames: "Ebs", ...'; not 'named: Ebun Quill' (a name whole)
            rf"(?:{audience}|{WRAP}as)?"
            rf"{WRAP}[\"“‘']?(?:(?:{alternation(v.titles)})\.?{SPACE})?(?P<name>{DOTTED}|{UPPER}(?![\w'’.&-])|{NAME_WORD})"
        )
        # 'agencies knew Child Q as "Smiler"', 'the boys called the younger brother "Tank"': a quoted nickname
        # given to someone the sentence names first
        # 'known to his family as Ty and to his friends as "Reezy"': another audience, another quoted name
        self.audience_quoted = re.compile(  # ... 'and to some of the men in this review as "Sparky"'
            rf"(?<![\w'’-])(?:to|by|among|amongst){WRAP}(?:[\w'’]+{WRAP}){{1,7}}?as"
            rf"{WRAP}[\"“‘](?!(?:{titles})\.?[ ])(?P<name>{QUOTED_NICKNAME})[\"”’]"
        )
        # 'Tobiah - "TQ" to his friends -', '"Iggs" to the other boys': the audience comes after the quoted name
        # 'called Kwabla by relatives and "Quellie" by friends': or by whom
        self.quoted_for_audience = re.compile(
            rf"[\"“‘](?P<name>{QUOTED_NICKNAME})[\"”’]{WRAP}(?:to|by){WRAP}(?:everyone|everybody|(?:(?:his|her|their|the"
            rf"|most|some|all){WRAP})?(?:[\w'’]+{WRAP}){{0,2}}?(?:friends|mates|family|relatives|peers|boys|girls|group"
            rf"|gang|crew|classmates|colleagues))\b"
        )
        # 'known to everyone, including in police records, as "Kaz"': a longer aside (up to 14 words) must end with "as"
        self.introduced_quoted = re.compile(
            rf"(?<![\w'’-]){introducer}(?:(?:{WRAP}[\w'’]+){{1,3}}?(?:{WRAP}as)?|(?:{WRAP}[\w'’]+,?){{4,14}}?{WRAP}as)"
            rf"{WRAP}[\"“‘](?!(?:{titles})\.?[ ])(?P<name>{QUOTED_NICKNAME})[\"”’]"
        )
        # "Granny B's trailer", "Aunty R": a relative as a family calls her, by her initial
        self.kin_initial = re.compile(
            rf"(?<![\w'’-])(?:Granny|Nann?(?:a|y)?|Gran(?:dma|dad|dpa)?|Aunt(?:y|ie)?|Uncle)[ \t]+"
            rf"(?P<name>{UPPER})(?![\w.]|['’][A-Za-z]{{2}})"
        )
        # '"Big T"', "Little J": a man known by an epithet and his initial
        self.epithet_initial = re.compile(
            rf"(?<![\w'’-])(?P<name>(?:{alternation(sorted(NICKNAME_EPITHETS))})[ ]{UPPER})(?![\w'’-]|\.[ ]?{UPPER})"
        )
        self.relation_initials = re.compile(
            rf"(?<![\w'’-])(?i:(?:{alternation(v.relations)})s?),?{SPACE}(?P<name>{DOTTED})"
            rf"(?:{SPACE}and{SPACE}(?P<other>{DOTTED}))?"
        )
        # '"Sparky" is believed to be Ignatius Quill', '"Sparky" was later identified as ...': a quoted name (even an
        # English word) whose owner the sentence goes on to name
        self.identified_quoted = re.compile(
            rf"[\"“‘](?P<name>{QUOTED_NAME_WORD})[\"”’]{WRAP}(?:is|was){WRAP}(?:(?:later|now|since){WRAP})?"
            rf"(?:believed|thought|understood|known|identified|confirmed){WRAP}(?:to{WRAP}be|as){WRAP}"
            rf"(?:(?:{alternation(v.titles)})\.?{SPACE})?{NAME_WORD}"
        )
        # 'He used several names: "Tobs", "T-Man" and ...', 'aliases: "TQ"': the names listed after a colon
        self.names_listed = re.compile(
            rf"(?<![\w'’-])(?i:names|aliases|nicknames|street[ \t]+names)[ \t]*:{WRAP}"
            rf"[\"“‘](?P<name>{QUOTED_NICKNAME})[\"”’]"
        )
        # "short for his Yoruba name Oluwaquell", "her baptismal name Mabel": the name a person's name is said to be
        self.own_name = re.compile(
            rf"(?<![\w'’-])(?:his|her|their)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?name[ \t]+(?:(?:is|was)[ \t]+)?"
            rf"[\"“‘]?(?P<name>{NAME_WORD})(?![\w'’-])"
        )
        # '"TQ (surname unknown)"', 'Tobs (no surname)': a name the records give without its surname
        surname = r"(?:sur|last[ \t]+|family[ \t]+)name"
        self.surname_unknown = re.compile(
            rf"(?<![\w'’-])[\"“‘]?(?P<name>{QUOTED_NICKNAME})[\"”’]?[ \t]*\([ \t]*"
            rf"(?i:{surname}[ \t]+(?:unknown|not[ \t]+known)|no[ \t]+{surname})[ \t]*\)"
        )
        # 'her new boyfriend "Tobiah" (no surname)', 'the cousin, "Iggy"': a relative known by a quoted name only
        self.relation_quoted = re.compile(
            rf"(?<![\w'’-])(?i:(?:{alternation(v.relations)})s?),?{SPACE}[\"“‘](?P<name>{QUOTED_NAME_WORD})[\"”’]"
        )
        # "the house was shared: Ebun, mum (Dorcas), dad (Tobiah)", "maternal aunt (Dorcas, Quellbury)": a relative's
        # name in brackets after the relation, alone or before where she lives
        self.relation_bracketed = re.compile(
            rf"(?<![\w'’-])(?i:{alternation(v.relations)}){SPACE}\((?P<name>{NAME_WORD}(?:{SPACE}{NAME_WORD})?)(?:\)|,)"
        )
        # "Dean HOPE ("Deano")", "Ellie-Mae ('Ells')": a nickname in brackets right after a name, or after the
        # age or birth date a family list gives it ("Tobiah Quill, 3 ("Iggy")", "..., dob 2/9/10 ("DJ")")
        born = r"(?:(?i:dob|d\.o\.b\.?|born|b\.)[ \t]*:?[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2})"
        self.bracket_nickname = re.compile(
            rf"(?<![\w'’-])(?P<owner>{NAME_WORD}(?:{SPACE}{NAME_WORD}){{0,3}})(?:,[ \t]*{born})?[ \t]*\([ \t]*(?:"
            rf"[\"“‘'](?P<quoted>{QUOTED_NAME_WORD}(?:{WRAP}{NAME_WORD})?)[\"”’']|(?P<name>{NAME_WORD}))[ \t]*\)"
        )  # 'JOYCE ("Big Patsy")': two words when quoted, which a pasted PDF may wrap
        # 'Kerensa POLGLAZE ("Kerry", "Kez" to her classmates)': quoted names in a bracket right after a name
        self.bracket_quoted = re.compile(
            rf"(?<![\w'’-])(?P<owner>{NAME_WORD}(?:{SPACE}{NAME_WORD}){{0,3}})[ \t]*\((?P<inside>[^()]{{0,80}})\)"
        )
        # 'NATES, Tobiah Augustus "Tobs"   DOB ...': a record's name, then the quoted name he goes by, ending the cell
        self.record_nickname = re.compile(
            # ... or in a Markdown table's next cell: '| QUILL, Tobiah | "Tobs" |'
            rf"(?<![\w'’-])(?P<owner>{NAME_WORD}(?:,?{SPACE}{NAME_WORD}){{1,3}})[ \t]+(?:\|[ \t]*)?"
            rf"[\"“‘](?P<name>{QUOTED_NAME_WORD})[\"”’](?=[ \t]{{2,}}|\t|[ \t]*(?:(?i:dob)\b|\(|\||\n|$))",
            re.MULTILINE,
        )
        # 'Tobiah Quill "T-Q", Snapchat ...': a record's name, then a quoted name no word, before a comma
        self.record_nickname_comma = re.compile(
            rf"(?<![\w'’-])(?P<owner>{NAME_WORD}{SPACE}{NAME_WORD})[ \t]+[\"“‘](?P<name>{QUOTED_NAME_WORD})[\"”’](?=,)"
        )
        # 'Tobiah Quill "Fumes" / "Volvo"': a record's name, then the quoted names he goes by, parted by slashes
        quoted_name = rf"[\"“‘]{QUOTED_NAME_WORD}[\"”’]"
        self.record_nicknames_slashed = re.compile(
            rf"(?<![\w'’-]){NAME_WORD}{SPACE}{NAME_WORD}[ \t]+(?P<names>{quoted_name}(?:[ \t]*/[ \t]*{quoted_name})+)"
        )
        # 'Ebunoluwa "Ebun"': a name, then its short form quoted
        self.quoted_short_form = re.compile(
            rf"(?<![\w'’-])(?P<owner>{NAME_WORD})[ \t]+[\"“‘](?P<name>{NAME_WORD})[\"”’](?![ \t]*{NAME_WORD})"
        )
        # 'Tobiah Quill, also "Toby"', '(also "Toby")': another name he is known by
        self.also_quoted = re.compile(rf"(?:,|\()[ \t]*also[ \t]+[\"“‘](?P<name>{QUOTED_NICKNAME})[\"”’]")
        # a table cell of quoted names only ('| "Kobe"; "Brother Tobiah" |'): the names a family-table row's person
        # goes by
        self.quoted_cell = re.compile(
            rf"(?:^|\t|\|)[ \t]*(?P<cell>[\"“‘]{NAME_WORD}(?:{SPACE}{NAME_WORD})?[\"”’]"
            rf"(?:[ \t]*[;,/][ \t]*[\"“‘]{NAME_WORD}(?:{SPACE}{NAME_WORD})?[\"”’])*)[ \t]*(?=\||\t|$)",
            re.MULTILINE,
        )
        # "Twin 1 (Tobiah, "Tobs")": a name in brackets, then the quoted name he goes by, closing them
        self.bracketed_name_quoted = re.compile(
            rf"\([ \t]*(?P<owner>{NAME_WORD}(?:{SPACE}{NAME_WORD})?)[ \t]*,[ \t]*"
            rf"[\"“‘](?P<name>{QUOTED_NAME_WORD})[\"”’][ \t]*\)"
        )
        # a bracketed list of quoted words spelled alike: the spellings records used for one name
        quoted = rf"[\"“‘]{NAME_WORD}[\"”’]"
        self.quoted_list = re.compile(rf"\([ \t]*{quoted}(?:[ \t]*,[ \t]*{quoted}){{1,6}}[ \t]*\)")
        # "Sibling 2 (Summer)", "Mother (Kelly)", 'Adult B ("Wozza", a man of 39)': a careless publisher's pseudonym
        # with the name it replaced
        pseudonym = rf"(?:{alternation(v.pseudonym_bases)})(?:[ \t]+(?:[A-Z]|\d{{1,3}}))?"
        quote, unquote = "[\"“‘']?", "[\"”’']?"
        self.pseudonym_bracket = re.compile(
            rf"(?<![\w'’-]){pseudonym}[ \t]*\([ \t]*{quote}"
            rf"(?P<name>{NAME_WORD}(?:{SPACE}{NAME_WORD})?){unquote}[ \t]*[),]"
        )
        # 'she noted that "Dorry" had come to collect Ebun': a quoted word mid-sentence, the subject of a verb a
        # person does, is a name the speaker used (a nickname, though an English word)
        self.quoted_subject = re.compile(
            rf"(?<=[a-z,][ \t])[\"“](?P<name>{UPPER}[a-z]+)[\"”][ \t]+(?:had|has|was|is|would|could|came|said|told|rang"
            r"|went|took|did|never|always|used|wanted|asked|kept|left|got|gave|knew|lived|stayed)\b"
        )
        # 'Dorcas told her "Quellie sleeps with me now"': a word no dictionary holds, opening quoted speech as the
        # subject of what only a person does (not "is", which a town is too), is what the speaker calls someone
        self.speech_subject = re.compile(
            rf"(?<=[a-z,:][ \t])[\"“](?P<name>{UPPER}[a-z]+)[ \t]+(?:sleeps|says|said|told|wants|wanted|likes|loves"
            r"|hates|cries|cried|eats|needs|rang|knows|thinks|won['’]t|doesn['’]t|can['’]t)\b"
        )
        # 'staff remembered "Dorry" as a bright, chatty girl', 'described "Iggs" as someone who ...': a quoted word
        # no dictionary holds, described as a person is, is someone's name
        self.described_quoted = re.compile(
            rf"[\"“](?P<name>{UPPER}[a-z]+)[\"”][ \t]+as[ \t]+(?:an?|someone|somebody|the[ \t]+(?:kind|sort|one))\b"
        )
        # '"Tibby" is the family's name for Tobiah', '"Bub" is what his sisters call him': the draft says it is a name
        self.said_to_be_a_name = re.compile(rf"[\"“](?P<name>{UPPER}[a-z]+)[\"”][ \t]+{IS_A_NAME_FOR}\b")
        # 'staff recorded the name "Anvil"', 'police identified "Anvil" as ...': a quoted word the sentence says is a
        # name (not 'under the name "Quill Cars"', a business's)
        self.quoted_as_a_name = re.compile(
            rf"(?:(?<!\bunder[ \t])(?<![\w'’-])(?i:the|his|her|their)[ \t]+name|(?i:identified))[ \t]+"
            rf"[\"“](?P<name>{UPPER}[a-z]+)[\"”]"
        )
        # the next of a list of quoted names: '... as "Ebs" and "Knotty"', 'nicknames: "Iggs", "Big Q" and "Quill"',
        # 'known as "Q-Dog" or just "Quee"'
        listed = rf"{QUOTED_NICKNAME}(?:[ ]{NAME_WORD}){{0,2}}"
        self.quoted_and = re.compile(
            rf"[\"”’'][ \t]*(?:,|,?[ \t]+(?:and|or))(?:[ \t]+(?:just|simply|sometimes|also|even|plain))?[ \t]+"
            rf"[\"“‘'](?P<name>{listed})[\"”’']"
        )
        # the other words of a quoted name, up to its closing quote
        self.rest_of_quote = re.compile(rf"(?:{SPACE}{NAME_WORD}){{1,2}}(?=[\"”’'])")
        # in double or curly quotes, or in straight single ones that no letter touches ("('Iggs' to his friends)")
        self.kin_then_name = re.compile(rf"{SPACE}(?P<name>{NAME_WORD})(?=[\"”’'])")
        self.quoted_word = re.compile(rf"(?:[\"“‘]|(?<![\w])')(?P<name>{NAME_WORD})(?:[\"”’]|'(?![\w]))")
        kinship = alternation(v.kinship_other_languages)
        self.quoted_kinship = re.compile(rf"[\"“‘](?P<name>(?i:{kinship}))[\"”’]")
        # Margaret "Maggie" WARD, Dermot ("Dec") Furlong: a quoted nickname between the first name and the surname
        self.quoted_middle = re.compile(
            rf"(?<![\w'’-])(?P<first>{NAME_WORD})[ \t]+\(?[\"“‘'](?P<nick>{NAME_WORD})[\"”’']\)?[ \t]+"
            rf"(?P<last>{NAME_WORD})"
        )
        # a family's pet by its name: "the dog (Tyson)", "a bull terrier, Tyson,", "a cat called Misty"; known on
        # an estate, a pet's name identifies the household
        self.pet = re.compile(
            rf"(?<![\w'’-])(?i:{_PETS})s?(?:[ \t]*\([ \t]*|,{SPACE}|{SPACE}(?i:called|named){SPACE})"
            rf"[\"“‘']?(?P<name>{NAME_WORD})[\"”’']?(?=[ \t]*[),;.]|{SPACE}(?:who|which|was|is|had|and)\b)"
        )
        # "Ebun's mother", "Tobiah's half-sister": whose relative only a person is (not "Quellmoor's mother and baby
        # unit", a place's)
        self.kin_owner = re.compile(
            rf"(?<![\w'’-])(?P<name>{NAME_WORD})['’]s{SPACE}(?:(?i:maternal|paternal|older|younger|elder|step|half|ex)"
            rf"[ -])?(?i:{_OWNED_KIN})\b(?![ \t]+(?:and|&)[ \t]+(?i:baby|child))"
        )
        job = job_title_pattern(v, SPACE)
        self.after_comma = re.compile(
            rf"(?<![\w'’-])(?P<name>{name}),{SPACE}(?:{owner}{SPACE}(?i:maternal{SPACE}|paternal{SPACE})?"
            rf"(?i:{alternation(v.relations)})|(?:then{SPACE}|now{SPACE})?aged{SPACE}\d+"
            # "Ebun Quill, Named Nurse Safeguarding, Quellbury Trust": the job, and what it is for
            rf"|(?i:{job})(?:[ \t]+(?-i:[A-Z][\w()&-]*)){{0,3}}(?=[,.;)\n]|$)"
            rf"|as{SPACE}(?:[\w'’]+{SPACE}){{1,3}}?call(?:s|ed){SPACE}(?:him|her|them))(?![\w-])"
        )  # "Hester, his mother", "Ebun, aged 10", "Hester Quill, health visitor, telephoned", "Iggy, as his
        # friends called him,"

    def _no_word(self, name: str) -> bool:
        """No stop word or report word: a quoted "Tobiah" or a dog called "Tyson", not "the" or "Police"."""
        return name.lower() not in STOP_WORDS and not self.vocab.is_vocabulary_word(name)

    def _owner_of_short_form(self, text: str, match: re.Match[str], nick: str) -> Iterator[tuple[int, int, float]]:
        words = _name_words(text, *match.span("owner"))
        while words and self.is_non_name(words[0].group(), text):
            words.pop(0)  # "REVIEW" of "SERIOUS CASE REVIEW ZABIHULLAH ..."
        owner = fold(words[0].group()) if words else ""
        # a short form is shorter than the name: its opening, or its end as Yoruba shortens ("Quellin" of Ebunquellin)
        if words and (short_form_of(nick, owner) or len(nick) >= 3 and owner.endswith(nick) and owner != nick):
            yield words[0].start(), words[-1].end(), self.SCORE

    def _listed_after(self, text: str, end: int) -> Iterator[tuple[int, int, float]]:
        """The quoted names listed after a quoted name that ends at ``end``: '"Ebs" and "Knotty"'."""
        other = self.quoted_and.match(text, end)
        while other:
            if not self.vocab.is_vocabulary_word(other.group("name")):
                yield *other.span("name"), self.SCORE
            other = self.quoted_and.match(text, other.end("name"))

    def _kinship_names(self, text: str) -> Iterator[tuple[int, int, float]]:
        """'drew mum, "Babcia" and the dog', "went to Babcia's": a family's word for a relative which the draft
        quotes as her name, where it never writes it as the word ("told his Babcia")."""
        for word in {m.group("name") for m in self.quoted_kinship.finditer(text) if m.group("name")[0].isupper()}:
            if not kin_word_always_a_name(text, word):
                continue  # "told his Babcia" somewhere: the word
            for match in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-]|['’](?![sS]\b))", text):
                yield *match.span(), self.SCORE  # above a model that read "then to Ayeeyo" as a place

    def spans(self, text: str) -> Iterator[tuple[int, int, float]]:
        for match in self.introduced.finditer(text):
            name = match.group("name")
            if KIND_BEFORE_NAMING.search(text, max(0, match.start() - 40), match.start()):
                continue  # 'a toddler group called "Busy Bees"': the group's name
            if OWN_PSEUDONYM.match(text, match.start("name")):
                continue  # "known in this summary as Child H": the review's own label
            quoted = text[match.start("name") - 1 : match.start("name")] in "\"“‘'" and match.start("name") > 0
            # a quoted word after "known as" is a nickname, even an English one ("Spud", "Smiler")
            if re.fullmatch(rf"{DOTTED}|{UPPER}", name) or not self.is_non_name(name, text) or (
                quoted and (not self.vocab.is_vocabulary_word(name) or is_other_language_kinship(name))
            ):
                # 'whom she called "Aunty Dorry"': the name the kinship word is a title of, with it
                kin = name.lower() in self.vocab.relations
                named = self.kin_then_name.match(text, match.end("name")) if kin else None
                rest = self.rest_of_quote.match(text, match.end("name")) if quoted and not named else None
                if rest and any(self.vocab.is_vocabulary_word(w) for w in rest.group().split()):
                    rest = None  # 'called "Tobs Said No"'
                if rest and is_nationality_word(name):  # 'known as "Polish Tobs"': the name after the nationality
                    yield rest.end() - len(rest.group().lstrip()), rest.end(), self.SCORE
                    continue
                end = named.end("name") if named else rest.end() if rest else match.end("name")
                yield match.start("name"), end, self.SCORE  # 'saved as "TOBS UNC"': the whole quoted name
                if quoted:  # 'two men she knew as "Ebs" and "Knotty"'
                    yield from self._listed_after(text, match.end("name"))
        said_to_be_names = [*self.said_to_be_a_name.finditer(text), *self.quoted_as_a_name.finditer(text)]
        for match in [*self.quoted_subject.finditer(text), *said_to_be_names]:
            if not self.vocab.is_vocabulary_word(match.group("name")):
                yield *match.span("name"), self.SCORE
        for match in [*self.speech_subject.finditer(text), *self.described_quoted.finditer(text)]:
            name = match.group("name")  # a word of no dictionary, or a first name ("Signs" as a tool is neither)
            if not self.vocab.is_vocabulary_word(name) and (self.gaz.is_first_name(name) or not is_english_form(
                name.lower()
            )):
                yield *match.span("name"), self.SCORE
        quoted_for = [*self.introduced_quoted.finditer(text), *self.audience_quoted.finditer(text)]
        for match in [*quoted_for, *self.quoted_for_audience.finditer(text)]:
            if not self.vocab.is_vocabulary_word(match.group("name")):
                yield *match.span("name"), self.SCORE
                yield from self._listed_after(text, match.end("name"))  # 'known as "Q-Dog" or just "Quee"'
        for match in self.quoted_middle.finditer(text):
            parts = ("first", "nick", "last")
            last = match.group("last")
            surname = self.gaz.is_surname(last.title()) or not self.is_non_name(last, text)  # "WARD", "Day"
            if surname and not any(self.is_non_name(match.group(part), text) for part in ("first", "nick")):
                for part in parts:
                    yield *match.span(part), self.SCORE
        for match in self.bracket_nickname.finditer(text):
            owner = match.group("owner").split()
            part = "quoted" if match.group("quoted") else "name"
            nick = match.group(part)
            owner_is_named = not all(self.is_non_name(w, text) for w in owner)
            initials = "".join(w[0] for w in owner)
            # "(TM)" after a name is her role; '("DJ")', quoted, what he is called
            abbreviation = part == "name" and nick.isupper() and len(nick) <= 4
            abbreviation = abbreviation and nick not in (initials, initials[0] + initials[-1])
            # "Youth Advice Point (YAP)": the letters of a phrase of words, none of them a name
            abbreviation = abbreviation or (nick == initials and _defined_in_brackets(nick, text))
            # "Dr Chowdhury (FC)": a titled surname, then initials that end with its letter
            titled = owner[0].rstrip(".") in self.vocab.titles or after_title(text, match.start())
            titled_initials = titled and len(nick) in (2, 3) and nick[-1] == owner[-1][0]
            abbreviation = abbreviation and not titled_initials
            named = not all(self.is_non_name(w, text) for w in nick.split())  # not "(Mother)", "(Team Manager)"
            named = named or (part == "quoted" and nick.isupper() and not abbreviation)  # '("DJ")': letters he goes by
            named = named or (part == "quoted" and nick.split()[0] in NICKNAME_EPITHETS)  # '("Lil Tarn")'
            # "in Bath (Quellfen)": a district after a town, no nickname
            place = fold(owner[0]) if part == "name" and len(owner) == 1 else ""
            town = place in uk_places() or place in world_towns()
            if owner_is_named and not abbreviation and named and not town:  # not "(TM)"
                yield *match.span(part), self.SCORE_UNKNOWN
            if named:  # 'ZABIHULLAH AHMADZAI ("ZABI")': a short form of the first name vouches for the whole name
                yield from self._owner_of_short_form(text, match, fold(nick))
        for match in self.quoted_list.finditer(text):  # '("Wisnewski", "Wisniewsky", "Visnevski")': spellings
            words = list(self.quoted_word.finditer(text, *match.span()))
            first = fold(words[0].group("name"))
            spellings = all(SequenceMatcher(None, first, fold(w.group("name"))).ratio() >= 0.7 for w in words)
            if spellings and not any(self.vocab.is_vocabulary_word(w.group("name")) for w in words):
                for word in words:
                    yield *word.span("name"), self.SCORE_UNKNOWN
        for match in self.bracket_quoted.finditer(text):
            owner = match.group("owner").split()
            if all(self.is_non_name(w, text) for w in owner) or owner[-1].lower() in self.vocab.place_nouns:
                continue  # 'Ashgrove Pupil Referral Unit ("Ashgrove", "the Unit")': a place's short names
            for quoted in self.quoted_word.finditer(text, *match.span("inside")):
                if not self.is_non_name(quoted.group("name"), text):
                    yield *quoted.span("name"), self.SCORE_UNKNOWN
        for match in self.record_nickname.finditer(text):
            owner = match.group("owner").replace(",", " ").split()
            if not all(self.is_non_name(w, text) for w in owner) and self._no_word(match.group("name")):
                yield *match.span("name"), self.SCORE_UNKNOWN
        for match in self.record_nickname_comma.finditer(text):
            name = match.group("name")
            if not self.is_non_name(match.group("owner").split()[0], text) and (
                "-" in name or fold(name) not in english_words()
            ):
                yield *match.span("name"), self.SCORE_UNKNOWN
        for match in self.record_nicknames_slashed.finditer(text):
            for quoted in self.quoted_word.finditer(text, *match.span("names")):
                if self._no_word(quoted.group("name")):
                    yield *quoted.span("name"), self.SCORE_UNKNOWN
        for match in self.quoted_short_form.finditer(text):
            owner, nick = fold(match.group("owner")), fold(match.group("name"))
            if short_form_of(nick, owner) or (len(nick) >= 3 and owner.endswith(nick) and owner != nick):
                yield *match.span("owner"), self.SCORE_UNKNOWN
                yield *match.span("name"), self.SCORE_UNKNOWN
        for match in self.also_quoted.finditer(text):
            if self._no_word(match.group("name")):
                yield *match.span("name"), self.SCORE_UNKNOWN
        for match in self.quoted_cell.finditer(text):
            for word in re.finditer(NAME_WORD, match.group("cell")):
                name = word.group()
                if not self.is_non_name(name, text) and name.lower() not in self.vocab.relations:
                    yield match.start("cell") + word.start(), match.start("cell") + word.end(), self.SCORE_UNKNOWN
        for match in self.bracketed_name_quoted.finditer(text):
            if not self.is_non_name(match.group("owner").split()[0], text) and self._no_word(match.group("name")):
                yield *match.span("name"), self.SCORE_UNKNOWN
        for match in self.pseudonym_bracket.finditer(text):
            name = match.group("name")
            if not (self.vocab.is_vocabulary_word(name) or fold(name) in CALENDAR_WORDS or name.isupper()):
                yield *match.span("name"), self.SCORE_UNKNOWN  # not "(Mother)", "(March)", "(MGM)"
        yield from self._kinship_names(text)
        for match in self.kin_owner.finditer(text):
            name = match.group("name")
            place = fold(name) in uk_places() or fold(name) in world_towns() or name.lower() in country_names()
            if not (self.is_non_name(name, text) or place):
                yield *match.span("name"), self.SCORE_UNKNOWN
        for match in self.pet.finditer(text):
            if self._no_word(match.group("name")):
                yield *match.span("name"), self.SCORE_UNKNOWN
        for match in self.epithet_initial.finditer(text):
            yield *match.span("name"), self.SCORE
        for match in self.kin_initial.finditer(text):
            if match.group("name") != "I":
                yield *match.span("name"), self.SCORE
        for match in self.relation_quoted.finditer(text):
            if self._no_word(match.group("name")):
                yield *match.span("name"), self.SCORE
        for match in self.names_listed.finditer(text):
            if self._no_word(match.group("name")):
                yield *match.span("name"), self.SCORE
            yield from self._listed_after(text, match.end("name"))
        for match in self.own_name.finditer(text):
            if match.group("name").lower() not in STOP_WORDS and not self.vocab.is_vocabulary_word(match.group("name")):
                yield *match.span("name"), self.SCORE
        for match in self.surname_unknown.finditer(text):
            if match.group("name").lower() not in STOP_WORDS:  # "DJ (surname unknown)": a name, though a word too
                yield *match.span("name"), self.SCORE
        for match in self.identified_quoted.finditer(text):
            yield *match.span("name"), self.SCORE
        for match in self.relation_bracketed.finditer(text):
            name = match.group("name")
            if text.startswith(",", match.end("name")) and (name.isupper() or _a_place(name)):
                continue  # "father (QUILL, Tobiah)": a record's surname first; "grandfather (Ireland, died 2014)"
            if name.lower() in CALENDAR_WORDS:
                continue  # "wanted to live with Nana (June)": when, not who
            if not self.is_non_name(name.split()[0], text):
                yield *match.span("name"), self.SCORE
        for match in self.relation_initials.finditer(text):
            if OWN_PSEUDONYM.match(text, match.start()):
                continue  # "as Child H. Tobiah": the review's label, its letter no initial
            yield *match.span("name"), self.SCORE
            if match.group("other"):
                yield *match.span("other"), self.SCORE
        for pattern in (self.before, self.after_paren, self.after_comma):
            for match in pattern.finditer(text):
                start, end = match.span("name")
                words = _name_words(text, start, end)
                if pattern is not self.before:
                    words = self._tail_name(text, words)
                span = self.trim(text, words)
                if span is None or (span[1] < end and self._ordinary_words(text[span[0] : span[1]])):
                    continue  # "Child Death Overview Panel": the relation word opens a title, not a name
                if pattern is self.before and self._employer_after_a_job(text, match.start(), start, end):
                    continue  # "Commissioning Manager, Respite Links, <council>": the service, not a name
                if pattern is self.before and self._opens_an_organisation(text, span[1]):
                    continue  # "Service Manager, Wendover Recovery Partnership": the employer, not a name
                # "The mother's sister, Farzana<WRAPPED LINE>Akhtar, ...": the surname on the next line
                end = self._across_wrap(text, span[1], len(text[span[0] : span[1]].split()))
                first, last = text[span[0] : span[1]].split()[0], text[span[0] : end].split()[-1]
                known = self.gaz.is_name(first.split("-")[0]) or (end > span[1] and self.gaz.is_surname(last))
                record = _RECORD_SURNAME_BEFORE.search(text, max(0, span[0] - 40), span[0])
                start = record.start() if record and pattern is not self.before else span[0]  # "QUILL, Dorcas (mother)"
                yield start, end, self.SCORE if known else self.SCORE_UNKNOWN

    def _employer_after_a_job(self, text: str, cue: int, start: int, end: int) -> bool:
        """A job title, a comma, then words that are all English ("Respite Links"): a panel list's organisation
        after the job, as "Job, Organisation" lines write it; not a relation's ("her aunt, Rose Hill")."""
        said = text[cue:start].rstrip(" \t,–—").split()
        relation = bool(said) and said[-1].lower().rstrip("s") in self.vocab.relations
        return text[start - 2 : start].strip() == "," and not relation and all(
            is_english_form(word.lower()) for word in text[start:end].split()
        )

    def _opens_an_organisation(self, text: str, end: int) -> bool:
        """The capitalised words from ``end`` on run into a place or organisation noun ("... Partnership")."""
        following = re.match(r"(?:[ ]+[A-Z][\w'’&-]*){1,3}", text[end : end + 80])
        words = following.group().split() if following else []
        return any(word.lower() in self.vocab.place_nouns for word in words)

    def _ordinary_words(self, span: str) -> bool:
        words = span.split()
        return all(fold(w) in english_words() and not self.gaz.is_name(w) for w in words)

    def _tail_name(self, text: str, words: list[re.Match[str]]) -> list[re.Match[str]]:
        """Before "(mother)" the name is the last word of the run and the names just before it."""
        if not words:
            return words
        start = len(words) - 1
        while start > 0 and self._name_part(words[start - 1].group(), text):
            start -= 1
        return words[start:]

    def _name_part(self, word: str, text: str) -> bool:
        """A listed name, or a word no list knows ("Lok" of "Lok Yee Pheng"), that is no report or place word."""
        unlisted = word.istitle() and fold(word) not in english_words() and fold(word) not in uk_places()
        return (self.gaz.is_name(word) or unlisted) and not self.is_non_name(word, text)


def _a_place(name: str) -> bool:
    """A country, a well-known place, or a town in Britain or abroad: "Ireland", not a relative's name."""
    folded = fold(name)
    return is_well_known_place(name) or folded in country_names() or folded in uk_places() or folded in world_towns()


def _abbreviation_before_name(text: str, piece: list[tuple[int, int]]) -> bool:
    """The piece opens with two or three capitals ("MW") before a Title-case word ("Bryony")."""
    first, second = text[piece[0][0] : piece[0][1]], text[piece[1][0] : piece[1][1]]
    return 2 <= len(first) <= 3 and first.isupper() and not second.isupper()


# Words a family puts before a first name to make a nickname: "Big Tom", "Little Ebun", "Old Iggy"
NICKNAME_EPITHETS = frozenset(["Big", "Little", "Lil", "Old", "Young", "Wee", "Auld", "Tiny"])


class GazetteerNameRecognizer(_NameRecognizer):
    """Runs of capitalised words that look like names: "Kelly Smith", "Tyler PRYCE", "Jayden's"."""

    FULL_NAME = 0.7  # known first name and known surname
    FULL_NAME_AMBIGUOUS = 0.5  # ... one of which is also a common word
    HALF_KNOWN = 0.6  # known first name and an unknown capitalised word: "Nicola Threlfall"
    KNOWN_SURNAME = 0.5  # unknown word and a known surname: "Sunita Mistry"
    FIRST_NAME = 0.5  # a known first name alone inside a sentence
    POSSESSIVE_NAME = 0.6  # "Jayden's", "KELLY'S"

    def __init__(self) -> None:
        super().__init__()
        self.run = re.compile(rf"(?<![\w'’-]){NAME_WORD}(?:{SPACE}{NAME_WORD})*")
        # Records write the surname first, in capitals: "SMITH, Kayden", "JONES, Kelly-Marie", "PHAM, Thi Huong".
        self.surname_first = re.compile(
            rf"(?<![\w'’-])(?P<surname>{CAPS_WORD}),[ \t]*\n?[ \t]*(?P<first>{TITLE_WORD})"
            rf"(?P<second>[ ]{TITLE_WORD})?(?![\w])"
        )
        # "T MAHMOOD", "G. BISHOP": an initial before a surname in capitals, as logs and minutes write staff
        self.initial_caps = re.compile(rf"(?<![\w.'’-])\p{{Lu}}\.?[ ](?P<surname>{CAPS_WORD})(?![\w'’-])")

    def spans(self, text: str) -> Iterator[tuple[int, int, float]]:
        for match in self.surname_first.finditer(text):
            surname, first = match.group("surname"), match.group("first")
            if len(surname) < 3 and not self.gaz.is_surname(surname.title()):
                continue  # "RS, CMu": two workers' initials in a list, not "SMITH, Kayden"
            if surname.lower() in FIRM_SUFFIXES or surname in self.vocab.acronyms:
                continue  # "the CIC, Ebun Quill": a firm's or an agency's letters, then the name
            named = self.gaz.is_surname(surname.title()) and self.gaz.is_first_name(first.split("-")[0])
            if (self.vocab.is_vocabulary_word(surname) and not named) or self.vocab.is_vocabulary_word(first):
                continue  # "NOTE, Police", "RECOMMENDATIONS, Findings"; but "WARD, Mary-Kate" is a name
            known = self.gaz.is_first_name(first.split("-")[0]) or self.gaz.is_surname(surname.split("-")[0])
            if known or not self.is_non_name(first, text):
                second = match.group("second")
                end = match.end() if second and not self.is_non_name(second.strip(), text) else match.end("first")
                yield match.start(), end, self.FULL_NAME  # "ROWLEY, Kenneth"; "PHAM, Thi Huong"; "OKAFOR, Chidi"
        for match in self.initial_caps.finditer(text):
            surname = match.group("surname")
            dotted_surname = "." in match.group() and self.gaz.is_surname(surname.title())  # "P. WARD", not "A WARD"
            if (dotted_surname or not self.vocab.is_vocabulary_word(surname)) and (
                self.gaz.is_surname(surname.title()) or fold(surname) not in english_words()
            ):
                yield *match.span(), self.KNOWN_SURNAME + 0.1
        for run in self.run.finditer(text):
            offsets = [(run.start() + w.start(), run.start() + w.end()) for w in _WORD_RE.finditer(run.group())]
            last = text[offsets[-1][0] : offsets[-1][1]]
            if last == "Ward" and len(offsets) >= 2 and self.gaz.is_first_name(text[offsets[-2][0] : offsets[-2][1]]):
                # "Bethany Ward" or "Willow Ward", "MGM Sadie Ward": WardRecognizer's surer ward outscores the name
                # where it is one
                yield offsets[-2][0], offsets[-1][1], self.FULL_NAME_AMBIGUOUS
                if len(offsets) > 2:
                    yield from self._run_spans(text, offsets[:-2])
                continue
            if last.lower() in self.vocab.place_nouns and not last.isupper():
                continue  # "Oakfield Primary School", "Rose Court"
            yield from self._run_spans(text, offsets)

    def _run_spans(self, text: str, offsets: list[tuple[int, int]]) -> Iterator[tuple[int, int, float]]:
        """Split a run at vocabulary words; score each remaining piece of at most three words."""
        piece: list[tuple[int, int]] = []
        following = [*offsets[1:], (-1, -1)]
        for (start, end), after in zip([*offsets, (-1, -1)], [*following, (-1, -1)], strict=True):
            group_name = start >= 0 and self._people_word_inside(text, piece, end)
            if (
                start >= 0
                and not group_name
                and (
                    not self.vocab.is_vocabulary_word(text[start:end])
                    or self._surname_after(text, piece, end)
                    or self._first_name_before(text, piece, (start, end), after)
                )
            ):
                piece.append((start, end))
                continue
            while len(piece) > 1 and _abbreviation_before_name(text, piece):
                piece = piece[1:]  # "MW Bryony Clegg", "HV Jo Platt": a role abbreviation, then the name
            if 2 <= len(piece) <= 3:
                yield from self._score_full_name(text, piece)
            else:
                for single in piece:
                    yield from self._score_word(text, *single)
            if group_name:
                return  # the words after the people's name are the group's too: "Link", not a first name
            piece = []

    def _people_word_inside(self, text: str, piece: list[tuple[int, int]], end: int) -> bool:
        """The word ending at ``end`` makes the piece a group's name: "Quellmoor Roma" of "Quellmoor Roma Link"."""
        word = text[text.rfind(" ", 0, end) + 1 : end]
        return bool(piece) and names_a_group([text[a:b] for a, b in piece][-1:] + [word])

    def _first_name_before(
        self, text: str, piece: list[tuple[int, int]], word: tuple[int, int], after: tuple[int, int]
    ) -> bool:
        """A first name that is also a vocabulary word, before a word no dictionary knows: "Charity Quellode"; not a
        title that is also a first name ("Imam Quellode", "Pastor Quill")."""
        if piece or after[0] < 0:
            return False
        first, last = text[word[0] : word[1]], text[after[0] : after[1]]
        if first in self.vocab.titles:
            return False
        return (
            self.gaz.is_first_name(first)
            and fold(last) not in english_words()
            and not self.vocab.is_vocabulary_word(last)
            and not last.isupper()
        )

    def _surname_after(self, text: str, piece: list[tuple[int, int]], end: int) -> bool:
        """A surname that is also a vocabulary word, right after a known first name: "Balhaar Tata",
        "Kelly Ward" (not "Kelly Ward 3"); a surname that is also a kinship word after a word no dictionary knows:
        "Tolulope Abba"."""
        if len(piece) != 1 or re.match(r"[ \t]*\d", text[end : end + 3]):
            return False
        first = text[piece[0][0] : piece[0][1]]
        word = text[text.rfind(" ", 0, end) + 1 : end]
        if not self.gaz.is_surname(word):
            return False
        if self.gaz.is_first_name(first):
            return not self.gaz.is_common_word(first, text)
        return word.lower() in self.vocab.relations and not self.is_non_name(first, text) and not first.isupper()

    def _score_full_name(self, text: str, piece: list[tuple[int, int]]) -> Iterator[tuple[int, int, float]]:
        start, end = piece[0][0], piece[-1][1]
        first, last = text[piece[0][0] : piece[0][1]], text[piece[-1][0] : piece[-1][1]]
        if first.isupper() and last.isupper() and len(piece) > 2:
            return  # three words in capitals: a heading, not a name
        first_known = self.gaz.is_first_name(first.split("-")[0])
        last_known = self.gaz.is_surname(last.split("-")[-1])
        first_common = self.gaz.is_common_word(first, text)
        last_common = self.gaz.is_common_word(last, text)
        if first_known and last_known:
            yield start, end, self.FULL_NAME_AMBIGUOUS if first_common or last_common else self.FULL_NAME
        elif (
            first_known and not last_common and not _english_plural_or_form(last)
            and (not first_common or fold(last) not in english_words())
        ):  # fmt: skip
            yield start, end, self.HALF_KNOWN  # "Nicola Threlfall"; not "Minor Injuries", "Charity Shops"
        elif last_known and not first_common and not last_common and not opens_sentence(text, start):
            yield start, end, self.KNOWN_SURNAME
        elif not any(_english_plural_or_form(text[a:b]) for a, b in piece):  # "Minor Injuries": a phrase
            for single in piece:
                yield from self._score_word(text, *single)

    def _score_word(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, float]]:
        word = text[start:end]
        first = word.split("-")[0]
        if len(first) < 3 or not self.gaz.is_first_name(first):
            return
        parts = word.split("-")
        if len(parts) > 1 and all(len(p) >= 3 and p[0].isupper() and self.gaz.is_first_name(p) for p in parts):
            yield start, end, self.HALF_KNOWN  # "Amber-Rose", "Lacey-Mae": two first names, though both are words
            return
        # a job title in apposition makes a word a name: '("Jade", support worker)', "Hope, the duty social worker"
        introduced = _job_in_apposition().match(text, end) is not None
        if self.gaz.is_common_word(first, text) and not introduced:
            return
        if is_well_known_place(first):
            return  # "London", "Paris": the list alone does not make a place a person
        if POSSESSIVE.match(text, end):
            yield start, end, self.POSSESSIVE_NAME
        elif not word.isupper() and not opens_sentence(text, start):
            yield start, self._across_wrap(text, end, 1), self.FIRST_NAME  # "Marcus<WRAPPED LINE>Oyelaran-Smith"
        elif fold(first) not in english_words() or introduced:
            yield start, end, self.FIRST_NAME  # "AALIYAH" in a heading, "Aaliyah" opening a quote


@lru_cache(maxsize=1)
def _job_in_apposition() -> re.Pattern[str]:
    """A job title right after a name, set off by a comma or a bracket: '", support worker', " (the duty nurse)"."""
    job = job_title_pattern(vocabulary(), r"[ \t]+")
    lead = r"(?:(?:the|a|an|her|his|their|duty|named|senior|lead)[ \t]+)?"
    return re.compile(rf"[\"'”’]?[ \t]*[,(][ \t]*{lead}{job}(?![\w-])", re.IGNORECASE)


class InitialsRecognizer(_NameRecognizer):
    """Initials: "K. Smith", "K Smith", "K.S.", and bare initials in context: "KS (mother)", "KS's"."""

    WITH_SURNAME = 0.6
    WITH_UNKNOWN_SURNAME = 0.45
    IN_CONTEXT = 0.6
    KEYED = 0.75  # a name its own initials key in brackets: "Sunita Marr (SM)"

    def __init__(self) -> None:
        super().__init__()
        v = self.vocab
        roles = alternation(list(v.relations) + list(v.job_title_heads))
        self.initial_surname = re.compile(
            rf"(?<![\w'’.-])(?P<name>(?:{UPPER}\.{SPACE}?|{UPPER}{SPACE}){{1,2}}{TITLE_WORD})(?![\w])"
        )
        # "K.S." and "R.T.": two or three dotted capitals (not "U.K." or "A.M."); "K.Q-P.", a double-barrelled surname
        self.dotted = re.compile(rf"(?<![\w.])(?:{UPPER}\.){{1,2}}(?:{UPPER}\.|{UPPER}-{UPPER}\.?)(?![\w])")
        letters = r"(?P<name>[A-Z]{2,3}(?:-[A-Z]{1,2})?|[A-Z]{1,2}['’][A-Z]{1,2})"  # "KW", "MN-K", "DO'C"
        abbreviations = alternation(v.role_abbreviations)
        end = r"(?![\w'’-]|['’][A-Za-z]{2})"
        self.after_role = re.compile(rf"(?<![\w'’-])(?:{abbreviations}){SPACE}{letters}{end}")
        self.acting = re.compile(
            rf"(?:^|(?<=[.!?;:]\s|[\"“‘]|\n)){letters}{SPACE}(?:{_CASE_NOTE_VERB}){end}", re.MULTILINE
        )
        self.bare = (
            re.compile(rf"(?<![\w'’.-]){letters}(?=['’]s\b)"),
            re.compile(rf"(?<![\w'’.-]){letters}\s*\(\s*(?:the{SPACE}|his{SPACE}|her{SPACE})?(?i:{roles})\b"),
            # "PW (Attendance and Family Support Officer)", "AK (Year 4 class teacher)": a job title in brackets
            re.compile(rf"(?<![\w'’.-]){letters}\s*\(\s*(?:[\w'’&,-]+\s+){{1,5}}?(?i:{roles})s?\s*\)"),
            # a key of initials: "AK     Class teacher, Year 4", "PW<TAB>Attendance Officer"; not a staff code
            # before the initials it keys ("CNN<TAB>HB - Community Nursery Nurse")
            # (or a Word table's row, its cells parted by " | ": "TQ'R | Tobiah Quarrell | Team manager")
            re.compile(
                rf"^[ \t|]*{letters}(?:[ \t]{{2,}}|\t|[ \t]*\|[ \t]*)(?![A-Z]{{2,4}}[ \t]*[-–—:])"
                rf"(?:[\w'’&,-]+(?:[ \t]+|[ \t]*\|[ \t]*)){{0,5}}?(?i:{roles})s?\b",
                re.MULTILINE,
            ),
            re.compile(rf"(?<![\w-])(?i:{roles}),?{SPACE}{letters}{end}"),
            re.compile(rf"(?<![\w-])(?i:{roles}){SPACE}?\(\s*{letters}\s*\)"),  # "the mother (AB)"
            re.compile(rf"(?<![\w'’-])(?:{abbreviations}){SPACE}?\(\s*{letters}\s*\)"),  # "Tells HT (TQ)"
            # a letter's typist or author: "Dictated 12/05/2022, typed JW", "transcribed by KL"
            re.compile(rf"(?<![\w-])(?i:typed|dictated|transcribed|initialled)(?:{SPACE}(?i:by))?{SPACE}{letters}{end}"),
            # case notes: "HV JT visited", "SW KW", "JT (HV)"
            self.after_role,
            re.compile(rf"(?<![\w'’.-]){letters}\s*\(\s*(?:{abbreviations})\s*\)"),
            # a pupil by initials and school year: "with PQ (Y9)", "WZ (Year 10) reports"
            re.compile(rf"(?<![\w'’.-]){letters}\s*\(\s*(?:Y|Yr|Year{SPACE})(?:[1-9]|1[0-3])\s*\)"),
            # case notes: '"DH says the lads help him"', "KT has moved back": initials opening a sentence or a
            # quotation as the one who speaks or acts
            self.acting,
            # a dated case note signed with its writer's initials: "19/06/19 HV reports ... notice anyway. CR",
            # "... Mgr agreed. CR / OA" (the manager's too)
            re.compile(
                rf"^[ \t]*\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b[^\n]*[.!?)\"”][ \t]+{letters}"
                rf"(?:[ \t]*/[ \t]*(?P<cosigned>[A-Z]{{2,3}}))?[ \t]*$",
                re.MULTILINE,
            ),
        )
        # a staff code with the initials in square brackets: "HV1 [LOB]", "CNN1 [KS]", "MW (acute) [ID]"; the code
        # says whose they are, so even an acronym ("ID") is someone's initials here
        self.staff_code = re.compile(
            rf"(?<![\w'’-])[A-Z]{{2,5}}\d{{0,2}}(?:{SPACE}\([a-z ]{{2,20}}\))?{SPACE}?\[{letters}\]"
        )
        # a key of initials, laid out with dot leaders: "Ms K (victim) ........ KT", "Sister 1 ..... AT"
        self.key_line = re.compile(
            rf"^(?P<left>[^\n.]*[^\W\d_][^\n.]*?)[ \t]*\.{{4,}}[ \t]*{letters}[ \t]*$", re.MULTILINE
        )
        # a list of attendees keyed by initials as the minutes will write them: "PRow - DI Paul Rowntree, ...",
        # "KMcA - Kirsty McAllister", "TMc - Mr T. McAllister": the key spells the name
        self.attendee_key = re.compile(  # after a staff code's cell too: "HV2<TAB>MOQ - Mabel O'Quill"
            rf"^[ \t]*(?:{STAFF_CODE_CELL})?(?P<name>{UPPER}[\p{{L}}\p{{M}}]{{1,5}})[ \t]*[-–—:][ \t]*"
            rf"(?:(?i:{alternation(v.titles)})\.?[ \t]+)*"
            rf"(?P<person>(?:{UPPER}\.?[ ]){{0,2}}{TITLE_WORD}(?:[ ]{TITLE_WORD}){{0,3}})(?=[ \t]*[,(\n])",
            re.MULTILINE,
        )
        # a key of practitioners' initials and their jobs: "CNN<TAB>HB - Community Nursery Nurse", "PN<TAB>LM -
        # Practice Nurse" (not a glossary's "HV - Health Visitor": letters of the job's own words)
        self.role_key = re.compile(
            rf"^[ \t]*(?:{STAFF_CODE_CELL})?(?:(?i:dr)\.?[ \t]+)?{letters}[ \t]*[-–—:][ \t]*"
            rf"(?P<job>(?:[\w'’&,-]+[ \t]+){{0,5}}?(?i:{roles})s?)\b",
            re.MULTILINE,
        )
        # "Sunita Marr (SM)", "Dr Ola Bamidele-Cole (OBC)": a name keyed to its initials in brackets, as minutes list
        # attendees: the key vouches for a name no list holds
        self.keyed_person = re.compile(
            rf"(?<![\w'’-])(?:(?i:{alternation(v.titles)})\.?[ \t]+)?"
            rf"(?P<person>{TITLE_WORD}(?:[ ]{TITLE_WORD}){{1,3}})"
            rf"[ \t]*\([ \t]*(?P<name>{UPPER}[\p{{L}}]{{1,5}})[ \t]*\)"
        )
        # "Blessing (BO)", "Precious (PE)": a first name keyed to the child's initials, even one that is a word
        self.keyed_first_name = re.compile(
            rf"(?<![\w'’-])(?P<person>{TITLE_WORD})[ \t]*\([ \t]*(?P<name>{UPPER}{{2,3}})[ \t]*\)"
        )
        person_words = [*v.relations, *v.pseudonym_bases, *v.titles, "victim", "perpetrator", "subject", "child"]
        self.person_word = re.compile(rf"(?i)\b(?:{alternation(person_words)})\b")
        # judgments: a letter (or initials) defined as a person's name: "B (born 2016)", '("B")',
        # "the child, B," "the father, RD,"
        one = r"(?P<name>(?!I\b)[A-Z]{1,3})"
        self.defined = (
            re.compile(rf"(?<![\w'’.&-]){one}\s*\(\s*(?i:born|b\.|aged?|dob|d\.o\.b\.)(?![\w])"),
            re.compile(rf"\(\s*[\"“‘']{one}[\"”’']\s*\)"),
            re.compile(
                rf"(?<![\w-])(?:(?i:the|his|her|their)|{UPPER}[\w'’-]*['’]s){SPACE}(?i:{alternation(v.relations)}),"
                rf"{SPACE}{one}(?=\s*[,)])"
            ),  # "the child, B,", "M's half-brother, J,"
            # "M's half-brother", "J's mother": a letter's possessive before a relation word
            re.compile(rf"(?<![\w'’.&-]){one}(?=['’]s{SPACE}(?i:{alternation(v.relations)})(?![\w]))"),
            # "The children's mother is RD.", "The father of both children is LF."
            re.compile(
                rf"(?<![\w-])(?i:{alternation(v.relations)}){SPACE}(?:[\w'’]+{SPACE}){{0,4}}?(?:is|was){SPACE}{one}"
                rf"(?=\s*[.,;)]|{SPACE}(?:and|who|whose)\b)"
            ),
            # "two children: E, a girl who is now aged 3, and B, a boy born on ..."
            re.compile(rf"(?<![\w'’.&-]){one},{SPACE}(?:a|an){SPACE}(?:[\w-]+{SPACE})?(?i:{_PERSON_NOUN})(?![\w])"),
        )

    def spans(self, text: str) -> Iterator[tuple[int, int, float]]:
        for match in self.dotted.finditer(text):
            if match.group().replace(".", "") not in self.vocab.acronyms:
                yield *match.span(), self.IN_CONTEXT
        for match in self.initial_surname.finditer(text):
            start, end = match.span("name")
            letter = text[start]
            surname = _name_words(text, start, end)[-1].group()
            known = self.gaz.is_surname(surname.split("-")[0])  # "P. Tata": a surname that is also a word
            if (self.is_non_name(surname, text) and not known) or (letter in "AI" and text[start + 1] != "."):
                continue
            if not self.initials_precede_name(text, start, (end - len(surname), end)):
                continue
            yield start, end, self.WITH_SURNAME if known else self.WITH_UNKNOWN_SURNAME
        for pattern in self.bare:
            for match in pattern.finditer(text):
                for group in ("name", "cosigned"):
                    letters = match.groupdict().get(group)
                    if not letters or _defined_in_brackets(letters, text):
                        continue
                    if pattern is self.acting and _as_a_role(letters, text):
                        continue  # "The CSP agreed. CSP said no.": a body the draft writes with an article
                    # "SW TA<GAP>Home visit": even a role's letters are a worker's there, where the draft never
                    # writes them as the role ("the TA")
                    role_letters = letters in self.vocab.role_abbreviations and not _as_a_role(letters, text)
                    role_initials = pattern is self.after_role and role_letters and initials_after_a_role(
                        text, *match.span(group)
                    )
                    if role_initials or not self.is_non_name(letters, text):
                        yield *match.span(group), self.IN_CONTEXT
        for match in self.staff_code.finditer(text):
            yield *match.span("name"), self.IN_CONTEXT
        for match in self.attendee_key.finditer(text):
            person = match.group("person")
            if person in self.vocab.titles or all(self.vocab.is_vocabulary_word(w) for w in person.split()):
                continue  # a glossary's "LCpl – Lance Corporal", "DSL – Designated Safeguarding Lead"
            if keys_the_name(match.group("name"), person):
                yield *match.span("name"), self.IN_CONTEXT
        for match in self.role_key.finditer(text):
            letters, job = match.group("name"), match.group("job")
            if letters != "".join(w[0] for w in job.split()).upper() and not self.vocab.is_vocabulary_word(letters):
                yield *match.span("name"), self.IN_CONTEXT
        for match in self.keyed_person.finditer(text):
            person = match.group("person")
            named = not any(self.is_non_name(w, text) for w in person.split())  # not "Individual ... Reviews (IMRs)"
            if named and keys_the_name(match.group("name"), person):
                yield *match.span("person"), self.KEYED
        keyed = list(self.keyed_first_name.finditer(text))
        for match in keyed:
            person, key = match.group("person"), match.group("name")
            if key[0] != person[0] or self.vocab.is_vocabulary_word(person) or is_well_known_place(person):
                continue
            repeated = sum(m.group(0) == match.group(0) for m in keyed) > 1
            if repeated or self.gaz.is_first_name(person):  # the key vouches for the name, and for its letters
                yield *match.span("person"), self.KEYED
                yield *match.span("name"), self.IN_CONTEXT
        for match in self.key_line.finditer(text):  # a key's letters may be a word ("AT"): the key says whose
            if self.person_word.search(match.group("left")) and match.group("name") not in self.vocab.acronyms:
                yield *match.span("name"), self.IN_CONTEXT
        for pattern in self.defined:  # a defined letter may be "A": only acronyms are excluded
            for match in pattern.finditer(text):
                label = previous_word(text, match.start("name")) in self.vocab.label_nouns  # "Appendix B"
                if match.group("name") not in self.vocab.acronyms and not label and not _role_letter(text, match):
                    yield *match.span("name"), self.IN_CONTEXT


@lru_cache(maxsize=256)  # asked at every case-note line that opens with the same letters
def _as_a_role(letters: str, text: str) -> bool:
    """The draft writes ``letters`` as a job or agency: after a determiner ("the TA", "her GP")."""
    return re.search(rf"\b(?i:{alternation(DETERMINERS)})[ \t]+{re.escape(letters)}\b", text) is not None


# What a case note says a person did, right after the person's initials: "KT has moved back", "DH says".
_CASE_NOTE_VERB = (
    "says|said|has|had|is|was|reports|reported|told|tells|states|stated|disclosed|discloses|denies|denied|agreed|"
    "agrees|declined|refused|appeared|appears|presented|attended|seen|happy|upset|tearful|moved|returned|will|"
    "would|wants|wanted|asked|explained|confirmed|left|arrived|phoned|rang|texted|admitted"
)


def _defined_in_brackets(letters: str, text: str) -> bool:
    """The draft defines ``letters`` as the abbreviation of an agency, a service or a phrase of words: "Pupil
    Referral Unit (PRU)", "Youth Advice Point (YAP)", anywhere in it; not a person's initials: "Tobiah Quill (TQ)",
    "Quell Hill (QH)"."""
    return _defined_in(letters, whole_draft(text))


@lru_cache(maxsize=256)
def _defined_in(letters: str, text: str) -> bool:
    vocab, gaz = vocabulary(), gazetteer()
    # "(PRU)", "(the PRU)", '(hereafter "the PRU")'
    quoted = rf"\(\s*(?:hereafter\s+)?[\"“‘']?(?:the\s+)?{re.escape(letters)}[\"”’']?\s*\)"
    for match in re.finditer(quoted, text):
        words = re.findall(r"[\w'’-]+", text[max(0, match.start() - 80) : match.start()])[-len(letters) :]
        if "".join(w[0] for w in words) != letters:
            continue
        phrase = all(is_english_form(w.lower()) and not gaz.is_first_name(w) for w in words)
        if phrase or any(vocab.is_vocabulary_word(w) for w in words):
            return True
    return False


# What a judgment calls a person it has just named by a letter: "E, a girl aged 3".
_PERSON_NOUN = (
    "girl|boy|child|baby|infant|toddler|teenager|young person|young man|young woman|man|woman|son|daughter|"
    "brother|sister|half-brother|half-sister|mother|father|grandmother|grandfather|adult"
)
# Judgments label parties by their role's initial: the mother ("M"), the father ("F"), the local
# authority ("LA"); such a letter names a role, not a person.
_ROLE_LETTERS = {
    "M": "mother",
    "F": "father",
    "G": "guardian",
    "LA": "local authority",
    "GM": "grandmother",
    "GF": "grandfather",
    "MGM": "maternal grandmother",
    "PGM": "paternal grandmother",
    "MGF": "maternal grandfather",
    "PGF": "paternal grandfather",
}


def _role_letter(text: str, match: re.Match[str]) -> bool:
    """A letter defined right after its role word in the same sentence: 'The mother is Ms X ("M")'."""
    role = _ROLE_LETTERS.get(match.group("name"))
    if role is None:
        return False
    sentence = re.split(r"[.!?]\s", text[max(0, match.start() - 150) : match.start()])[-1]
    return re.search(rf"(?i)\b{role}\b", sentence) is not None


_ACRONYM_BEFORE_JOB = re.compile(r"(?:[A-Z]{2,6}[ ])?")


class TableRowNameRecognizer(_NameRecognizer):
    """The name that opens a row of a membership, contact or family table, whatever list its words are in:
    "Sunita Dhaliwal<TAB>Head of Safeguarding<TAB>... NHS Trust", "Joanne Sowerby Board Manager North ..."
    (a row flattened to single spaces), "Danutė Petrauskienė<TAB>Mother<TAB>67". The rest of the row must
    hold a job title, a relation or an age."""

    SCORE = 0.75
    _CELL_GAP = re.compile(r"\t|[ ]{2,}|[ ]?\|[ ]?|[ ][-–—][ ]")
    _DASH_GAP = re.compile(r"[ ][-–—][ ]")

    def __init__(self) -> None:
        super().__init__()
        titles = alternation(self.vocab.titles)
        self.row_start = re.compile(
            rf"^[ \t]*(?:\d{{1,2}}[.)][ \t]+|[-•*][ \t]+)?"  # a numbered or bulleted list of members: "9. Name – ..."
            rf"(?:(?:{titles})\.?[ ]+)?(?P<name>{NAME_WORD}(?:[ ]{NAME_WORD}){{1,3}})",
            re.MULTILINE,
        )
        job = job_title_pattern(self.vocab)
        self.job = re.compile(rf"(?<![\w'’-])(?i:{job})(?![\w'’-])")
        age_or_date = r"\d{1,3}\s*(?:years?|yrs?|y|months?)|\d{1,2}/\d{1,2}/\d{2,4}"
        person = rf"{job}|{alternation(self.vocab.relations)}|{age_or_date}"
        self.about_a_person = re.compile(rf"(?<![\w'’-])(?i:{person})(?![\w'’-])")

    _PLAIN_WORD = re.compile(r"\p{Lu}\p{Ll}+[ ]")

    def _job_follows(self, rest: str) -> bool:
        """The row goes on with a job or relation, after at most two plain English words of it: "Targeted Family
        Support Manager" (the rest is a job the list knows)."""
        position = 0
        for _ in range(3):
            if self.about_a_person.match(rest, position):
                return True
            word = self._PLAIN_WORD.match(rest, position)
            if word is None or not is_english_form(word.group().strip().lower()):
                return False
            position = word.end()
        return False

    def spans(self, text: str) -> Iterator[tuple[int, int, float]]:
        for match in self.row_start.finditer(text):
            words = match.group("name").split()
            own_cell = self._CELL_GAP.match(text, match.end("name")) is not None  # "Trần Văn Minh<TAB>Nurse"
            while len(words) > 2 and (
                self.is_non_name(words[-1], text) or not (own_cell or self.gaz.is_name(words[-1].title()))
            ):
                words.pop()  # "Joanne Sowerby Board Manager", "Julie CARR Licensing": the next cell starts
            start = match.start("name")
            end = start + len(" ".join(words))
            line_end = text.find("\n", end)
            rest = text[end : len(text) if line_end < 0 else line_end]
            if not rest.strip():
                if not self._job_on_next_line(text, line_end):
                    continue
                rest = "\t" + text[line_end + 1 : line_end + 80]  # "Aled Treharne<LINE>Detective Inspector"
            if not self._CELL_GAP.match(rest) and not self._job_follows(rest.lstrip()):
                continue  # a row flattened to single spaces: the job or relation follows the name at once
            dash = self._DASH_GAP.match(rest)
            after_dash = _ACRONYM_BEFORE_JOB.match(rest, dash.end()).end() if dash else 0  # "– LSCB Business Manager"
            if dash and not self.job.match(rest, after_dash):
                continue  # "Shropshire SCB - SCR ..." is a running header; "Aled Treharne - Detective Inspector" a row
            if not self.about_a_person.search(rest) or self.job.search(text[start:end]):
                continue  # the row must say who the person is, and the name cell must not be a job
            if any(self.is_non_name(w, text) and not self._foreign_kin_surname(w, i) for i, w in enumerate(words)):
                continue
            yield start, end, self.SCORE

    def _job_on_next_line(self, text: str, line_end: int) -> bool:
        """True when the line after a name alone on its line opens with a job title (a list of one cell a line)."""
        return line_end >= 0 and self.job.match(text, line_end + 1) is not None

    def _foreign_kin_surname(self, word: str, position: int) -> bool:
        """ "Bibi" of "Shazia Bibi": a kinship word of another language after a first name is a surname."""
        return position > 0 and word.lower() in self.vocab.relations and not is_english_form(word.lower())


def _english_plural_or_form(word: str) -> bool:
    """A regular form of an English word that is not a word of its own ("Injuries", "Visits"): no surname."""
    lower = word.lower()
    return lower not in english_words() and is_english_form(lower)


def _line_around(text: str, start: int, end: int) -> str:
    """The whole line that holds ``text[start:end]``."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]


_PREPOSITIONS = frozenset(["to", "of", "by", "at", "from", "with", "in", "for", "on", "into", "via"])
# what people do, in the past tense: "Tobiah nodded", not "Tarnmoor Council decided"
_SUBJECT_VERBS = (
    "told|said|saw|asked|visited|spoke|phoned|rang|felt|thought|agreed|wrote|explained|noticed|decided|recalled|"
    "admitted|denied|refused|disclosed|nodded|smiled|cried|laughed|shrugged|started|arrived|returned|drew|wanted|"
    "liked|loved|hated|ran|walked|slept|ate|played|sat|stood|shouted|screamed|whispered|kept|seemed"
)


# what the words before it name when they are no person's: "Quellmoor Tarnbrook Academy", "... Authority"
_INSTITUTION_NOUNS = frozenset({
    "school", "academy", "college", "nursery", "pre-school", "primary", "infants", "juniors", "hospital", "surgery",
    "practice", "health", "medical", "clinic", "centre", "church", "mosque", "temple", "gurdwara", "chapel",
    "leisure", "community", "trust", "ward", "unit", "estate", "partnership", "council", "board", "police",
    "services", "service", "ltd", "limited", "llp", "plc", "house", "farm", "hall", "lodge", "authority", "agency",
    "association", "network", "project", "foundation", "society", "commission", "office", "group", "team",
    "department", "directorate", "programme", "forum", "panel",
})  # fmt: skip


class UnlistedNameRecognizer(_NameRecognizer):
    """Two or three capitalised words in running text of which none is an English word, a report word or a
    known place: a full name that no list holds ("Tamsin Okoro-Blythe", "Chidiebube Nwachukwu-Hale")."""

    SCORE = 0.55

    def __init__(self) -> None:
        super().__init__()
        self.run = re.compile(rf"(?<![\w'’-]){TITLE_WORD}(?:[ ]{TITLE_WORD})+(?![\w'’-])")
        # "Tobiah nodded through it", "Tobiah started a course": one such word doing what people do
        self.subject = re.compile(
            rf"(?<![\w'’-])(?<!\p{{Lu}}[\w'’-]*[ ])\p{{Lu}}\p{{Ll}}[\p{{L}}\p{{M}}'’-]*(?=[ ](?:{_SUBJECT_VERBS})\b)"
        )

    def spans(self, text: str) -> Iterator[tuple[int, int, float]]:
        for match in self.run.finditer(text):
            # a heading or a title line's capitals say nothing, but for words inside a run (a flattened table)
            heading = not re.search(r"\b[a-z]{3,}\b", _line_around(text, match.start(), match.end()))
            yield from self._unlisted_names_in_run(match, heading)
        lower = lowercase_words(text)
        for match in self.subject.finditer(text):  # "She said", "Mother told": the cheap checks first
            word, folded = match.group(), fold(match.group())
            if not self._unlisted(word) or folded in lower or is_english_form(word.lower()):
                continue
            if folded in uk_places() or folded in world_towns() or folded in country_names():
                continue
            if previous_word(text, match.start()) in _PREPOSITIONS:
                continue  # the object of a preposition: "sent to Quellpath said", "Ms Quill of LinguaQuell said"
            if re.search(rf"\b{re.escape(word)} \p{{Lu}}", text):
                continue  # "Quellbrook" of "Quellbrook Academy": a word the draft writes before another name word
            yield match.start(), match.end(), self.SCORE

    def _unlisted_names_in_run(self, run: re.Match[str], heading: bool) -> Iterator[tuple[int, int, float]]:
        """Two or three unlisted words of a run of capitalised words, also where a flattened table runs them
        into an agency and a job ("Quellshire Police Ebunmi Quellode Named Nurse"); not the distinctive words of
        an institution's or a street's name ("Quellmoor Tarnbrook Academy")."""
        words = list(re.finditer(r"\S+", run.group()))
        unlisted = [self._unlisted(word.group()) for word in words]
        if len(words) == 2 and words[0].group().lower() in STOP_WORDS and unlisted[1] and not heading:
            # "When Iggy stopped going", "Because Ebun was ill": a clause's subject; not "At Quellmoor Children's"
            subject = re.match(r"[ ]\p{Ll}", run.string[run.end() : run.end() + 2])
            if subject and not is_english_form(words[1].group().lower()):
                yield run.start() + words[1].start(), run.end(), self.SCORE
            return
        index = 0
        while index < len(words):
            end = index
            while end < len(words) and unlisted[end]:
                end += 1
            following = words[end].group().lower() if end < len(words) else ""
            inside = index > 0 and end < len(words)
            named = end - index >= 2 and following not in _INSTITUTION_NOUNS and following.title() not in STREET_TYPES
            # part of a longer run, an English word's form is no name word ("Quellshire Policing Cdr Pelbury")
            part = index > 0 or end < len(words)
            named = named and not (part and any(is_english_form(w.group().lower()) for w in words[index:end]))
            if named and (inside or not heading):
                last = min(end, index + 3) - 1
                yield run.start() + words[index].start(), run.start() + words[last].end(), self.SCORE
            index = end + 1

    def _unlisted(self, word: str) -> bool:
        parts = [p for p in re.split(r"[-'’]", word) if p]
        return not any(
            fold(p) in english_words() or p.lower() in STOP_WORDS or self.vocab.is_vocabulary_word(p)
            or fold(p) in uk_towns() or is_well_known_place(p)
            or fold(p).endswith(("ing", "ed")) and is_english_form(fold(p))  # "Concerning Ebun (died ...)"
            for p in parts
        )  # fmt: skip


_FAMILY_NOUN_AFTER = re.compile(r"[ \t]+(?:children|family|household|siblings|boys|girls|twins|brothers|sisters)\b")


_OPERATION_BEFORE = re.compile(rf"\b{OPERATION}[ \t]+$")


class CapitalSurnameRecognizer(_NameRecognizer):
    """A surname in capitals on its own in running prose, as police and court records write it ("and
    HOLLINGS-WARD to six years", "a relative of MERKOVIC"), also where a wrapped line cut it from its first
    name. Not an acronym the vocabulary knows or the draft puts an article before ("the NAAFI"), an ordinary English
    word written for emphasis ("did NOT attend"), a place, or a word in a run of capitals (a heading); short words
    only when listed as surnames."""

    SCORE = 0.55

    def __init__(self) -> None:
        super().__init__()
        self.word = re.compile(rf"(?<![\w'’-]){CAPS_WORD}(?![\w-])")

    def spans(self, text: str) -> Iterator[tuple[int, int, float]]:
        for match in self.word.finditer(text):
            word = match.group()
            family = _FAMILY_NOUN_AFTER.match(text, match.end())  # "the QUELLODE children": a family by its surname
            if previous_word(text, match.start()) in ("the", "a", "an") and not family:
                continue  # "in the NAAFI", "a CAMHS": an acronym, used as a noun
            if _OPERATION_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # "Op KNOTBILL": a police operation's name
            # not "6.2 PRE-BIRTH. The pre-birth assessment ...": a word the draft writes small
            if self._is_surname(word) and self._in_prose(text, match.start(), match.end()) and not written_small(
                word, text
            ):
                yield match.start(), match.end(), self.SCORE

    def _is_surname(self, word: str) -> bool:
        parts = [p for p in re.split(r"[-'’]", word) if p]
        if self.vocab.is_vocabulary_word(word) or any(self.vocab.is_vocabulary_word(p) for p in parts):
            return False
        if len(word) < 3 or not re.search(r"[AEIOUY]", word.upper()):
            return False  # "QB", "DV": initials or an acronym; "GMFCS": no vowel, no one's name
        listed = self.gaz.is_surname(word.title())
        if all(fold(p) in ordinary_lower_words() or is_well_known_place(p.title()) for p in parts):
            return False  # "NOT", "SOUTH-EAST"; but "DRAGOMIR-HALE" is a name
        if fold(word) in english_words() and not listed:
            return False  # "PROBLEM", written for emphasis
        return listed or len(parts) > 1 or word[:2] in ("Mc", "Ma") or (len(word) >= 5 and fold(word) not in uk_towns())

    @staticmethod
    def _in_prose(text: str, start: int, end: int) -> bool:
        """Lower-case words on the same line and no capitals word right before or after (a heading)."""
        if len(re.findall(r"\b\p{Ll}{3,}\b", _line_around(text, start, end))) < 2:
            return False
        before = re.search(r"(\p{L}+)[ ]+$", text[max(0, start - 40) : start])
        after = re.match(r"[ ]+(\p{L}+)", text[end : end + 40])
        return not any(m is not None and len(m.group(1)) > 1 and m.group(1).isupper() for m in (before, after))


def name_recognizers() -> list[EntityRecognizer]:
    """The recognisers of this module, ready to add to a Presidio registry."""
    return [TitledNameRecognizer(), ContextNameRecognizer(), GazetteerNameRecognizer(), InitialsRecognizer(),
            TableRowNameRecognizer(), UnlistedNameRecognizer(), CapitalSurnameRecognizer()]  # fmt: skip
