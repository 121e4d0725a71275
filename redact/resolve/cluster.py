"""Group mentions into entities: one person however they are named, one place however it is written."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.gazetteer import gazetteer, pet_forms, short_form_of, spelt_alike, welsh_mutations
from redact.detect.initials import keys_the_name
from redact.detect.keep import alternation, vocabulary
from redact.detect.names import IS_A_NAME_FOR
from redact.detect.ocr import SOURCE as OCR_SOURCE
from redact.detect.ocr import as_meant
from redact.detect.people_initials import SOURCE as INITIALS_SOURCE
from redact.detect.recognizers.scripts import NATIVE_SCRIPT_NAME
from redact.lexicon import english_words
from redact.resolve.children import infants, stated_adults
from redact.resolve.context import Table, find_tables, sentence_bounds, wrapped
from redact.resolve.grammar import kin_in_quotes
from redact.resolve.model import Mention
from redact.resolve.names import (
    CHILD_TITLES,
    POLICE_TITLES,
    SURNAME_FIRST,
    TITLE_BEFORE,
    TITLE_INSIDE,
    NameParts,
    fold,
    initial_match,
    name_gender,
    near_spelling,
    nickname_match,
    nursing_sister,
    parse_name,
    strip_possessive,
    title_gender,
    title_words,
)
from redact.resolve.vocabulary import FAMILY_WORDS, KINDS, first_role, role_gender
from redact.visible import HYPHEN_BEFORE_CAPITAL, LINE_END_HYPHEN, rest_after_page_break, start_before_page_break


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
    said_gender: str | None = None  # what the draft's words show where the name does not: "née", "She ..."

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)

    def gender(self, role: str | None = None) -> str | None:
        """From titles, then the role ("father"), then the first name."""
        return (
            title_gender(sorted(self.titles))
            or role_gender(role)
            or (name_gender(self.first) if self.first and len(self.first) > 1 else None)
            or self.said_gender
        )

    def initials(self) -> set[str]:
        """The initials a record may write for this person: "ab" for Ada Byrne, and for Ada Okafor-Byrne also
        "aob", each part of a hyphenated name giving its letter; a middle name's letter where one was written; "mj"
        for Mary-Jo Byrne."""
        if not (self.first and self.last):
            return set()
        forms = {self.first[0] + self.last[0]}
        for tokens in self.names | {(self.first, self.last)}:
            forms.add("".join(part[0] for token in tokens for part in token.split("-") if part))
        if "-" in self.first:  # "TJ" for Tyler-Jay Okonkwo: the letters of a double first name, as a nickname
            forms.add("".join(part[0] for part in self.first.split("-") if part))
        return forms


@dataclass(frozen=True)
class Clustering:
    clusters: tuple[Cluster, ...]  # ordered by first appearance
    warnings: tuple[str, ...]


def title_before(text: str, start: int) -> str:
    """The title right before a name, past a collar number: "PC " of "PC 1187 Wood"; a nursing "Sister " that no
    "her" owns ("recognised by Sister Quill herself")."""
    before = text[max(0, start - 40) : start]
    collar = _COLLAR_BEFORE.search(before)
    before = before[: collar.start()] if collar else before
    match = TITLE_BEFORE.search(before) or nursing_sister(before)
    return match.group(0) if match else ""


_COLLAR_BEFORE = re.compile(r"(?<=\s)\d{2,6}(?:[A-Z]{2})?[ \t]+$")


def normalise(text: str) -> str:
    """Key for non-person mentions: case, whitespace, possessive, a leading "the" and a wrapped line's hyphen
    ("Quell-<LINE BREAK>moor") ignored."""
    bare, _ = strip_possessive(" ".join(LINE_END_HYPHEN.sub("", text).split()))
    bare = re.sub(r"^the\s+", "", bare, flags=re.IGNORECASE)
    return re.sub(r"[^\w]+", " ", bare.lower()).strip()


RoleHint = Callable[[Cluster], "str | None"]
CHILD_ROLES = frozenset({"subject_child", "sibling", "child"})
# Titles that mark an adult: "Ms Smith" or "Miss Smith" is the mother, not her daughter.
ADULT_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord"})
PROFESSIONAL_TITLES = POLICE_TITLES | {"dr", "doctor", "nurse", "sister", "prof", "professor"}


def is_family_role(role: str | None) -> bool:
    kind = KINDS.get(role or "")
    return kind is not None and kind.family
# "Siew Ling Ashworth (formerly Pennington, née Khoo)": her earlier surnames, whoever else bears them now
_FORMER = r"\b(?:née|nee|formerly|previously|maiden\s+name)"
_FORMER_NAME = re.compile(_FORMER + r"\s*:?\s*$", re.IGNORECASE)
# the next sentence says the same person is recorded under another name
_RECORDED_AS = re.compile(
    r"^['’]?s?[^\n.]{0,40}\.\s+[^.\n]{0,60}(?:\b(?:she|he)\s+(?:appears|appeared|is\s+recorded|was\s+recorded|"
    r"is\s+registered|was\s+registered|is\s+listed|was\s+listed)\s+as|\bcall(?:ed|s)?\s+(?:her|him))\s+[\"“‘]$",
    re.IGNORECASE,
)
# "... Quelwenko, then aged 26. Her name appears in agency records as Aleksa Quelwenko, Alxa Quelvenko": the names
# the records give her, unquoted
_HER_NAME_APPEARS_AS = re.compile(
    r"^['’]?s?[^\n.]{0,40}\.\s+(?:her|his)\s+name\s+(?:appears|appeared|is\s+(?:recorded|written|spelt|spelled)"
    r"|was\s+(?:recorded|written|spelt|spelled))(?:\s+(?:in|on)\s+[^.\n]{0,40}?)?\s+as\s+$",
    re.IGNORECASE,
)
# her former surname in brackets, then another spelling of her name: 'Dorcas Quill (née Vetch; "Dorkas" in some notes)'
_AFTER_HER_FORMER_NAME = re.compile(r"[ \t]*;[ \t]*[\"“‘]")
_NEE_BEFORE = re.compile(r"\((?:née|nee)[ \t]+$", re.IGNORECASE)
# the unquoted list goes on: "Aleksa Quelwenko, Alxa Quelvenko (on a Polish document) and, once, Aleksa Quelwenka"
_NEXT_UNQUOTED = re.compile(
    r"\s*(?:\([^()\n]{0,60}\))?\s*(?:,|,?\s+(?:and|or)\b)(?:\s*,?\s*(?:once|also|twice|elsewhere|sometimes)\s*,?)?\s*",
    re.IGNORECASE,
)
_OBJECT_OF_A_PREPOSITION = re.compile(r"\b(?:to|by|with|for|from|of|about|at)[ \t]+$", re.IGNORECASE)
# 'Ann Lee is also recorded as "Anne Lee"', 'Jo Fry appears as "J Fry"', 'is sometimes written "Jo"'
_WRITTEN_AS = (
    r"\b(?:(?:is|was|are|were)\s+(?:(?:also|sometimes|variously|often|elsewhere)\s+)?(?:recorded|written|spelt|"
    r"spelled|listed|registered|shown|entered)(?:\s+as)?|(?:(?:also|sometimes|variously|often|elsewhere)\s+)?"
    r"(?:recorded|written|spelt|spelled|listed|registered|shown|entered|appears?|appeared)\s+as)"
)
_SENIOR_AFTER = re.compile(r"[ \t]+(?:senior|snr\.?)\b", re.IGNORECASE)


def _written_senior(text: str, surname: str) -> bool:
    """The draft tells a grandmother from her daughter-in-law by "senior": "Mrs Gheata senior"."""
    surname = surname.lower()
    return any(
        before.endswith(surname) and not re.match(r"[\w'’-]", before[-len(surname) - 1 : -len(surname)])
        for before in _before_senior(text)
    )


@lru_cache(maxsize=4)
def _before_senior(text: str) -> tuple[str, ...]:
    """The 60 characters before each "senior" in the draft, in lower case: one pass, not one per surname."""
    return tuple(text[max(0, m.start() - 60) : m.start()].lower() for m in _SENIOR_AFTER.finditer(text))
_SOMEONE_NEW = re.compile(r"\b(?:a|an|another|some|someone|somebody)\s+(?:[\w\"“”‘’'-]+\s+){0,3}$", re.IGNORECASE)
# 'Mr Garside's name is spelt three ways across the records ("Garside", "Garsid", ...)': the first of them
_SPELT_SEVERAL_WAYS = re.compile(
    r"^['’]s?\s+(?:sur|first\s+|family\s+)?name\s+(?:is|was|has\s+been)\s+(?:spelt|spelled|written|recorded)\s+"
    r"(?:in\s+)?(?:two|three|four|five|several|many|different|various|\d)\s+(?:different\s+)?(?:ways|spellings|forms)"
    r"[^.\n]{0,80}?[(:]\s*[\"“‘]$",
    re.IGNORECASE,
)
# the other name in quotes, or unquoted in brackets: "Tobiah QUILL (also recorded as Tobiah KNOTLEY)"
_WRITTEN_AS_GAP = re.compile(_WRITTEN_AS + r"\s*[\"“‘]$|\(\s*" + _WRITTEN_AS + r"\s*$", re.IGNORECASE)
# the titles a name in quotes or brackets may carry: 'known as "Pastor Tobs"'
_QUOTED_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Pastor|Imam|Rev|Revd|Reverend|Fr|Father|Brother|Sister|Deaconess)\.?\s+)"
# the next quoted name of a list of them: '"Anne Lee" (GP), "A. Lee" (school) and, in police notes, "Lee, A"'
_NEXT_IN_LIST = re.compile(
    rf"[\"”’]\s*(?:\([^()\n]{{0,60}}\))?\s*(?:,|,?\s+(?:and|or)\b)[^\"“.;\n]{{0,40}}?[\"“‘]{_QUOTED_TITLE}?",
    re.IGNORECASE,
)
# "her Chinese name,", "posted on Facebook under the name", "his profile name was", "also used the name"
_HER_NAME = (
    r"\b(?:(?:her|his|their)\s+(?:[\w-]+\s+){0,2}name(?:\s+(?:is|was))?|(?:under|using|used|uses|with)\s+the\s+"
    r"(?:user\s*|profile\s+|display\s+|[A-Z]\w+\s+)?name)\s*[,:]?"  # "used the English name '
)
_HER_NAME_IS = re.compile(_HER_NAME + r"\s*[\"“‘']?$")
_ALSO = r"^\s*[,(]\s*also"  # 'Tobiah Quill, also "Toby"': another name of his
_ALSO_GAP = re.compile(_ALSO + r"\s*[\"“‘']$")
_WHOSE_NAME = re.compile(r"\b(his|her)\s+(?:[\w-]+\s+){0,2}name\b", re.IGNORECASE)
# 'Ottoline (pronounced "Otty")', '"Sparky" was identified as Tobiah Pelbury', "Iggy Quill (also known as Iggy
# Quarrell)", "Mr Quill gave his name as Quarrell", "Tobiah Quill (known at school as "Iggy")": one person, whatever
# the names
_SAME_PERSON = (  # a pasted PDF may wrap any of these phrases: the gaps are any white space
    r"\bpronounced|\bidentified(?:\s[\w\s]{1,30}?)?\s+as|\balso\s+known\s+as|\baka|\ba\.k\.a\.|\balias"
    r"|\bgave\s+(?:(?:his|her|their)\s+)?(?:sur|full\s+)?name\s+as"  # a note's "gave name as"
    # '"Sparky" is believed to be Tobiah Quill'
    r"|\b(?:is|was)\s+(?:now\s+|later\s+)?(?:believed|thought|understood|known|confirmed)\s+to\s+be"
)
# '"Auntie Dot" (as he called Ms Quellode)': the name someone used for the person named after it
_AS_SOMEONE_CALLED_GAP = re.compile(
    r"[\"”’']?\s*\(?\s*as\s+(?:he|she|they|we|everyone|staff)\s+(?:called|calls|knew|knows|addressed)"
    r"(?:\s+(?:Mr|Mrs|Ms|Miss|Dr)\.?)?\s*$"
)
# the quote that opens an alias, and a title inside it: 'known in council records as "Mr S. Quill"'
_ALIAS_OPENS = rf"\s*(?:[\"“‘']{_QUOTED_TITLE}?)?$"  # not "Mr Quill called Mrs Pelbury"
# 'known to his foster carers, to his college and to most of the agency records as "Ever"': a long aside, in lines a
# pasted PDF may wrap
_KNOWN_AS = r"\bknown(?:\s[\w\s,]{1,90}?)?\s+as"
_SAME_PERSON_GAP = re.compile(rf"(?:{_SAME_PERSON}|{_KNOWN_AS}){_ALIAS_OPENS}", re.IGNORECASE)
# the whole gap from a name to its alias: "Ignatius, who was known to ... as "Will""
_KNOWN_AS_GAP = re.compile(
    rf"\s*,?\s*(?:(?:who\s+)?(?:is|was|has\s+been|had\s+been)\s+)?(?:also\s+)?{_KNOWN_AS}{_ALIAS_OPENS}", re.IGNORECASE
)
_ALIAS = re.compile(
    rf"(?:{_FORMER}|\bcall(?:ed)?|\bprefer(?:s|red)?|\brefer(?:red)? to (?:him |her |them )?as"
    rf"|{_KNOWN_AS}"
    rf"|{_SAME_PERSON}"
    rf"|here(?:in)?after|{_HER_NAME}|{_ALSO})"
    rf"{_ALIAS_OPENS}|{_WRITTEN_AS}\s*[\"“‘]$|\(\s*{_WRITTEN_AS}\s*$"
    rf"|\(\s*{_QUOTED_TITLE}?[\"“‘']?{_QUOTED_TITLE}?$"  # "(Mr Dang)", '("Pastor Tobs"' after the full name
    r"|\(\s*(?:always|usually|often|mostly|generally|simply|just|also)\s+[\"“‘]$",  # '(always "Iggy" at school)'
    re.IGNORECASE,
)
# "the police record refers to Lajita as L. Sachar": the verb before the first name, "as" between the two.
_ALIAS_VERB_BEFORE = re.compile(
    r"\b(?:refer(?:s|red|ring)?\s+to|record(?:s|ed)?|describ(?:es|ed)|list(?:s|ed)|spell(?:s|ed|t)|"
    r"nam(?:es|ed)|register(?:s|ed)?|identif(?:y|ies|ied))\s+[\"“‘']?$",  # 'police identified "Tobs" as ...'
    re.IGNORECASE,
)
# "... as A by the school and as B": the second name of a record's two
_AND_BY_GAP = re.compile(r"\s+(?:to|by)\s+[^.;\"“\n]{1,40}?,?\s+(?:and|or|but)\s+[\"“‘']")
_AND_AS_GAP = re.compile(r"(?:\s+(?:by|in|on)\s+[^.;\"“\n]{1,50}?)?,?\s+(?:and|or|but)\s+as\s+[\"“‘']?")
_RECORDED_AS_BEFORE = re.compile(
    r"\b(?:recorded|known|written|listed|registered|spelt|spelled|named|called)\s+as\s+[\"“‘']?$", re.IGNORECASE
)
def _recorded_twice(text: str, previous: Mention, mention: Mention) -> bool:
    """ "recorded as Ebun Quill by the school and as Ebunmi Quil by the police": one person's two names."""
    return bool(
        _AND_AS_GAP.fullmatch(text, previous.end, mention.start)
        and _RECORDED_AS_BEFORE.search(text, max(0, previous.start - 40), previous.start)
    )


_ALIAS_AS = re.compile(r"[\"”’']?\s+as\s+[\"“‘']?")
_QUOTED_OR = re.compile(r"[\"”’](?:[ \t]+or[ \t]+|[ \t]*/[ \t]*)[\"“‘]")  # '"Anvil" or "Bossy"', '"Anvil" / "Bossy"'
_IS_QUOTED = re.compile(r"[ \t]+(?:is|was)[ \t]+[\"“‘]")
# "Augustus, whom the children call Bara Gus": the name others call him by, however many words it has
# (not "Ms Quill, who called Ebun back": who rang whom)
_CALLED_GAP = re.compile(
    r",\s+(?:who|whom)\s+(?:the|his|her|their|everyone|everybody|people|most|all|staff|friends|family)\b"
    r"[^,.;\n]{0,30}?\bcall(?:s|ed)?\s*[\"“‘']?$",
    re.IGNORECASE,
)
_NAMING_VERB_BEFORE = re.compile(r"\b(?:call(?:s|ed)?|nicknam(?:es|ed)|dubb(?:s|ed)|christened)[ \t]+$", re.IGNORECASE)


def cluster_mentions(text: str, mentions: list[Mention], hint: RoleHint | None = None) -> Clustering:
    """Cluster mentions; ``hint`` gives a provisional role for a person cluster (used to resolve surnames)."""
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    glosses = _glosses_in_another_script(text, people)
    people = [m for m in people if id(m) not in glosses]
    notes: list[str] = []
    persons = _merge_aliases(text, _cluster_people(text, people, hint or (lambda c: None), notes))
    persons = _merge_names_a_row_gives(text, persons)
    persons = _merge_pronoun_aliases(text, persons)
    persons = _merge_listed_spellings(text, persons)
    persons = _merge_names_one_is_given(text, persons)
    persons = _merge_reordered_names(persons)
    persons = _merge_initials_before_given_names(persons)
    persons = _generations_apart(text, persons)
    owner = {id(m): c for c in persons for m in c.mentions}
    for gloss, named in glosses.values():
        owner[id(named)].mentions.append(gloss)
    clusters = persons + _cluster_others(others, text)
    clusters.sort(key=lambda c: c.start)
    return Clustering(tuple(clusters), tuple(_ambiguity_warnings(clusters) + notes))


def _glosses_in_another_script(text: str, people: list[Mention]) -> dict[int, tuple[Mention, Mention]]:
    """Names in another script in brackets right after a name ("Dorcas Quill (ዶርቃስ ክዊል)"), each with the
    name it glosses: the same person's, and no link in a chain of the names a draft lists for them."""
    ordered = sorted(people, key=lambda m: m.start)
    return {
        id(gloss): (gloss, named)
        for named, gloss in zip(ordered, ordered[1:], strict=False)
        if _NATIVE_SCRIPT.fullmatch(gloss.text.strip()) and _bracketed(text, named, gloss)
    }


_NATIVE_SCRIPT = regex.compile(NATIVE_SCRIPT_NAME)


def split_titled_adults(
    text: str, clusters: list[Cluster], roles: Mapping[Cluster, str], adult_subject: bool = False
) -> list[Cluster]:
    """ "Mrs Hope" among the mentions of a child the draft calls "Hope" (the case's name) is an adult of that
    family, not the child: such mentions become a person of their own. The new people, in order. The subject of a
    review of an adult (``adult_subject``) is no child: "Mr Quill" is he."""
    adults: list[Cluster] = []
    grown = stated_adults(text, [m for c in clusters if c.label == "PERSON" for m in c.mentions])
    for cluster in clusters:
        if roles.get(cluster) not in CHILD_ROLES or cluster.label != "PERSON":
            continue
        if adult_subject and roles.get(cluster) == "subject_child":
            continue
        named_gender = (name_gender(cluster.first) if cluster.first else None) or cluster.said_gender
        if any(m.start in grown for m in cluster.mentions) and named_gender == title_gender(sorted(cluster.titles)):
            continue  # "her older sister, Agatha Smithers, now aged 26": "Mrs Smithers" is she (not "Mr Smithers")
        titled = [m for m in cluster.mentions if set(title_words(title_before(text, m.start))) & _GROWN_UP_TITLES]
        if titled and len(titled) < len(cluster.mentions):
            cluster.mentions[:] = [m for m in cluster.mentions if m not in titled]
            titles = {t for m in titled for t in title_words(title_before(text, m.start))}
            parent = {"f": "mother", "m": "father"}.get(title_gender(sorted(titles)) or "")
            unnamed = [c for c in clusters if c.label == "PERSON" and not c.last and parent and roles.get(c) == parent]
            # "Ms Quarrell" of the child Quarrell: her mother, whom the draft calls "Mabel" alone
            if len(unnamed) == 1 and roles.get(cluster) in ("subject_child", "child"):
                unnamed[0].mentions[:] = sorted([*unnamed[0].mentions, *titled], key=lambda m: m.start)
                continue
            adults.append(Cluster("PERSON", titled, last=cluster.first or cluster.last, titles=titles))
    return adults


def split_loose_mentions(keep: Iterable[Cluster], clusters: list[Cluster]) -> list[Cluster]:
    """A person kept by name (the chair, the author) keeps only mentions made of their own names' words or
    initials: "Naom" (a record's spelling of the child Nahom) is no nickname of the author Naomi, and a kept
    mention that is someone else's name is a leak. A loose mention joins the one other person whose first name
    it nearly spells, else becomes a person of its own; the new people are returned."""
    kept = set(map(id, keep))
    others = [c for c in clusters if id(c) not in kept and c.label == "PERSON" and not c.ambiguous and c.first]
    loose: dict[str, Cluster] = {}  # one new person per word: "Ebun" split off five times is one Ebun
    scanned = _scanned(m for c in clusters for m in c.mentions)
    for cluster in keep:
        words = {w for name in cluster.names for token in name for w in (token, *token.split("-"))}
        letters = cluster.initials()
        written = [m.text for m in cluster.mentions if OCR_SOURCE not in m.source]
        own = [m for m in cluster.mentions if _made_of(_read(m, written, scanned), words, letters)]
        if not own or len(own) == len(cluster.mentions):
            continue
        for mention in (m for m in cluster.mentions if m not in own):
            word = fold(strip_possessive(mention.text)[0])
            spelt = [c for c in others if spelt_alike(c.first or "", word)]
            if len(spelt) == 1:
                spelt[0].mentions.append(mention)
            elif word in loose:
                loose[word].mentions.append(mention)
            else:
                loose[word] = Cluster("PERSON", [mention], first=word)
        cluster.mentions[:] = own
    return list(loose.values())


def _read(mention: Mention, written: list[str], scanned: bool) -> str:
    """The mention as the draft meant it: in a scanned draft "Quarre1l", which OCR misread, is "Quarrell" of
    ``written``."""
    return as_meant(mention.text, written) if scanned else mention.text


def _hyphenated_given_names(written: list[str]) -> dict[str, str]:
    """Each hyphenated name word the draft writes ("Siu-Ling", "Ho-Yan"), keyed by its syllables folded and
    run together: the same name written "Siu Ling", "SIU LING" or "Siuling" elsewhere is that word."""
    words = {word for text in written for word in _HYPHENATED.findall(text)}
    return {fold(word.replace("-", "")): word for word in words}


def _as_hyphenated(mention: str, joined: dict[str, str]) -> str:
    """``mention`` with two name words that spell a hyphenated name of the draft written as that name: "QUAN, Siu
    Ling" as "QUAN, Siu-Ling" (one given name, not a first name and a surname)."""
    if not joined:
        return mention
    return _TWO_NAME_WORDS.sub(
        lambda pair: joined.get(fold(pair.group(1) + pair.group(2)), pair.group()), mention
    )


# a parent called after a child: "Iya Ebun" (Yoruba, Ebun's mother), "Umm Tobiah", "Abu Tobiah", "Mama Ebun"
_TEKNONYM = regex.compile(r"^(?:Iya|Iyá|Baba|Mama|Umm|Um|Abu|Abou|Mamma|Papa)[ ](?=\p{Lu})")


def _as_read(mention: Mention, written: list[str], scanned: bool, joined: dict[str, str]) -> str:
    """The mention's name as the clusterer reads it: OCR misreadings mended, a hyphenated given name written
    apart joined, and a parent's name after a child ("Iya Ebun") one word, not a first name and the child's."""
    name = _as_hyphenated(_read(mention, written, scanned), joined)
    return name.replace(" ", "-", 1) if _TEKNONYM.match(name) else name


_HYPHENATED = regex.compile(r"(?<![\w'’-])\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+(?![\w'’-])")
_TWO_NAME_WORDS = regex.compile(r"(?<![\w'’-])(\p{Lu}[\p{L}]+)[ ](\p{Lu}[\p{L}]+)(?![\w'’-])")


def _across_page_breaks(text: str, mention: Mention, name: str) -> str:
    """The name with the part of its word that a pasted page break cut off: "Hester Pelbury-" and "Quill" on the
    next page are both read "...Pelbury-Quill"."""
    before, after = start_before_page_break(text, mention.start), rest_after_page_break(text, mention.end)
    return (before or "") + (f"{name.rstrip('-')}-{after}" if after else name)


def _couples_surname(text: str, mention: Mention, name: str) -> str:
    """A couple's first names before the surname they share ("foster carers Dorcas and Tobiah Knotley"): the first
    of them has the surname too, so that "Mrs Knotley" is Dorcas. Only where the first name says a woman or a man
    (and the partner's says nothing else), whom a title then tells apart (not "Ebun and Quin", where "Mrs" could
    not choose)."""
    if " " in name.strip() or not _COUPLE_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        return name
    shared = _PARTNER_AND_SURNAME_AFTER.match(text, mention.end)
    if not shared:
        return name
    own, partner = name_gender(name.strip()), name_gender(shared.group("partner"))
    return f"{name} {shared.group('surname')}" if own and partner in (None, {"f": "m", "m": "f"}[own]) else name


# a couple, named by the word for them: "foster carers", "her grandparents", "the adopters", "Mr and Mrs", "the
# hosts were"
_COUPLE_BEFORE = regex.compile(
    r"(?<![\w-])(?i:carers|parents|grandparents|adopters|guardians|couple|hosts|sponsors|Mr[ \t]+(?:and|&)[ \t]+Mrs)"
    r"(?:[ \t]+(?i:were|are))?[ \t]*[,:(]?[ \t]*$"
)
_PARTNER_AND_SURNAME_AFTER = regex.compile(
    r"[ \t]+(?:and|&)[ \t]+(?P<partner>\p{Lu}\p{Ll}+)[ \t]+(?P<surname>\p{Lu}[\p{L}'’-]+)(?![\w'’-])"
)


def _scanned(mentions: Iterable[Mention]) -> bool:
    """Some mention is a name as OCR misread it (the draft was read from a scan)."""
    return any(OCR_SOURCE in m.source for m in mentions)


def _made_of(text: str, words: set[str], letters: set[str]) -> bool:
    text = HYPHEN_BEFORE_CAPITAL.sub("-", LINE_END_HYPHEN.sub("", text))  # "Ruth Quill-<LINE>Pelbury" is hers
    bare = TITLE_INSIDE.sub("", strip_possessive(text)[0])
    tokens = [fold(t) for t in re.findall(r"[^\W\d_][\w'’-]*", bare)]
    return bool(tokens) and all(t in words or t in letters or len(t.rstrip(".")) == 1 for t in tokens)


_GROWN_UP_TITLES = ADULT_TITLES - {"miss"}  # "Miss" may be a girl's title in a school's letter


def _ambiguity_warnings(clusters: list[Cluster]) -> list[str]:
    warnings = []
    for cluster in clusters:
        if cluster.ambiguous and cluster.mentions:
            first = min(cluster.mentions, key=lambda m: m.start)
            warnings.append(
                f"ambiguous name {first.text!r} ({len(cluster.mentions)} mention(s), first at offset {first.start}): "
                f"it could be any of {len(cluster.candidates)} people, so it was given a pseudonym that does not "
                "say which (review them in the audit diff)"
            )
    return warnings


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def _cluster_people(text: str, mentions: list[Mention], hint: RoleHint, notes: list[str]) -> list[Cluster]:
    """Person clusters; ``notes`` gets a line for each surname given to the one person the draft names far
    more often than the others who share it (for the reviewer to confirm)."""
    written = [m.text for m in mentions if OCR_SOURCE not in m.source]
    ordered = sorted(mentions, key=lambda m: m.start)
    scanned = _scanned(mentions)
    joined = _hyphenated_given_names(written)
    read = {m: _couples_surname(text, m, _across_page_breaks(text, m, _as_read(m, written, scanned, joined)))
            for m in ordered}  # fmt: skip
    parsed = [(m, parse_name(read[m], title_before(text, m.start))) for m in ordered]
    clusters: list[Cluster] = []
    ambiguous: dict[tuple[str, str | None], Cluster] = {}

    def add_ambiguous(key: tuple[str, str | None], mention: Mention, parts: NameParts, options: list[Cluster]) -> None:
        if key not in ambiguous:
            ambiguous[key] = Cluster("PERSON", [], ambiguous=True, candidates=tuple(options))
            clusters.append(ambiguous[key])
        ambiguous[key].mentions.append(mention)
        ambiguous[key].titles.update(parts.titles)

    nicknames = introduced_nicknames(text)
    alone = frozenset(parts.single for _, parts in parsed if parts.single and not parts.titles)
    # Full names first (whole first names, then initials), so that lone names find the people they shorten.
    for whole_first in (True, False):
        for mention, parts in parsed:
            if not parts.is_full or (len(parts.first or "") > 1) != whole_first:
                continue
            listed = _LISTED_BEFORE.search(text, max(0, mention.start - 80), mention.start) is not None
            options = _add_full(clusters, mention, parts, nicknames, listed, alone)
            if options:  # "L. Sachar" when both Lajita and Lopa Sachar are named
                add_ambiguous((" ".join(parts.tokens), None), mention, parts, options)
    starts = sorted(m.start for m in mentions)
    for cluster in clusters:
        cluster.said_gender = _said_gender(text, cluster, starts)
    roles = {id(c): hint(c) for c in clusters if not c.ambiguous}
    merged = _merge_names_recorded_for_a_relation(text, clusters, roles)  # before a lone first name finds two of her
    if merged or len(_merge_reordered_names(clusters)) < len(clusters):  # and "Quin Mei-lan" two of one woman's names
        clusters[:] = [c for c in clusters if c.mentions or c.ambiguous]
        roles = {id(c): hint(c) for c in clusters if not c.ambiguous}
    # titled surnames, and initials ("KW (mother)" where a son shares her initials), with the roles said of them
    titled = [(m, p) for m, p in parsed if not p.is_full and (ADULT_TITLES & set(p.titles) or p.initials)]
    defined = _roles_the_draft_gives(titled, hint)
    undecided: list[tuple[Mention, NameParts]] = []
    for mention, parts in parsed:
        if parts.is_full:
            continue
        if parts.single is None:  # nothing name-like inside the span: its own person
            clusters.append(Cluster("PERSON", [mention], titles=set(parts.titles)))
            continue
        target = _pick_for_single(text, clusters, mention, parts, roles, defined=defined)
        if isinstance(target, Cluster):
            target.mentions.append(mention)
            target.titles.update(parts.titles)
        elif target:  # several candidates remain: decided once every clear mention has joined its person
            undecided.append((mention, parts))
        else:
            _add_someone_new(text, mention, parts, clusters)
    # "Ms Hutchinson" between the mother and her daughter: the daughter's own mentions ("Demi, aged 15") now
    # show her a child, so the adult title picks the mother
    if undecided:
        roles = {id(c): hint(c) for c in clusters if not c.ambiguous}
    # those the context settles first, so that a count of who is named most counts them ("Mr Quill" before the
    # draft introduces anyone, then ten times beside Tobiah Quill)
    unsettled = []
    for mention, parts in undecided:
        target = _pick_for_single(text, clusters, mention, parts, roles, first_pass=False, defined=defined)
        if isinstance(target, Cluster):
            target.mentions.append(mention)
            target.titles.update(parts.titles)
        else:
            unsettled.append((mention, parts))
    babies = infants(text, mentions) if unsettled else set()
    for mention, parts in unsettled:
        target = _pick_for_single(text, clusters, mention, parts, roles, first_pass=False, defined=defined)
        surname = isinstance(target, list) and all(c.last == parts.single for c in target)
        if surname and not parts.titles:  # "Quill did not reply": not the baby Tobiah Quill
            grown = [c for c in target if not any(m.start in babies for m in c.mentions)]
            target = grown[0] if len(grown) == 1 else target
        if isinstance(target, list) and _grown_up(parts):
            # "Ms Brook" of the adults. A bare surname two people share stays "a family member": given to the one
            # named most, it was wrong often enough (batch 14) to tell the story worse than the neutral label.
            grown = [c for c in target if roles.get(id(c)) not in CHILD_ROLES]
            most, in_prose = _most_named(grown), _only_one_in_prose(text, grown)
            said = _RELATION_AFTER.match(text, mention.end)  # "Ms Pelbury (the maternal grandmother)": said outright
            elder_title = "mrs" in parts.titles  # "Mrs Quellin", right after the grandmother: more often hers
            parent = None if most or in_prose or said or elder_title else _the_parent_among_elders(grown, roles)
            if most or in_prose or parent:
                target = most or in_prose or parent
                named = max((m.text for m in target.mentions), key=len)
                why = "names far more often than anyone else" if most else "names outside a table, unlike anyone else"
                why = why if most or in_prose else "gives as a parent, the others as grandparents,"
                notes.append(f"{mention.text!r} at offset {mention.start} was read as {named!r}, whom the draft "
                             f"{why} of that name: confirm it in the diff")
        if isinstance(target, Cluster):
            target.mentions.append(mention)
            target.titles.update(parts.titles)
        elif target:
            add_ambiguous((parts.single, title_gender(list(parts.titles))), mention, parts, target)
        else:  # "JW" typing a letter, whom the child "Jay" of the first pass turned out not to be
            _add_someone_new(text, mention, parts, clusters)
    return clusters


# 'The GP had the mother registered as "Dorcas Quill", and the health visiting record as "Dorkas Vetch"': names
# the draft gives as how records wrote the relative it names by her relation
_RECORDED_FOR_A_RELATION = re.compile(
    rf"\b(?:the|her|his|their|(?-i:[A-Z])[\w'’-]*['’]s)\s+(?P<relation>{FAMILY_WORDS})\s+"
    r"(?:(?:is|was|were|had\s+been|has\s+been)\s+)?(?:also\s+)?"
    r"(?:registered|recorded|listed|entered|shown|written|named|appears|appeared)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:as|under)\s+(?:both\s+)?(?P<quote>[\"“‘])?(?=[A-ZÀ-Þ])",  # 'the mother appears under both "X" and "Y"'
    re.IGNORECASE,
)
# ', and the health visiting record as "..."', 'and "..."' (not ', and Augustus as "...": another person's name as
# subject)
_ALSO_AS = re.compile(
    r"[\"”’]\s*,?\s*(?:and|or|while|but)\s+(?:(?:(?:[a-z][\w'’-]*|[A-Z]{2,4})\s+){0,5}?as\s+)?[\"“‘]"
)


def _merge_names_recorded_for_a_relation(text: str, clusters: list[Cluster], roles: dict[int, str | None]) -> bool:
    """The quoted names a draft says records gave a relative ("the mother registered as ...") are hers: joined to
    the one person with that role, or to each other where no one has it yet. True when any were joined."""
    owner = {m.start: c for c in clusters if not c.ambiguous for m in c.mentions}
    joined = False
    for match in _RECORDED_FOR_A_RELATION.finditer(text):
        role = first_role(match.group("relation"))
        listed: list[Cluster] = []
        at: int | None = match.end()
        while at is not None and at in owner:
            listed.append(owner[at])
            end = max(m.end for m in owner[at].mentions if m.start == at)
            # the next name: '"X", and the GP as "Y"', or an unquoted list's "X, Y and Z"
            also = (_ALSO_AS if match.group("quote") else _LIST_GAP).match(text, end)
            at = also.end() if also else None
        listed = list(dict.fromkeys(listed))
        holders = [c for c in clusters if not c.ambiguous and c.mentions and roles.get(id(c)) == role]
        # one of the names already hers (the role is said of it), else the one person with the role, else the
        # names are one unknown person's
        own = [c for c in listed if c in holders]
        others = [c for c in holders if c not in listed]
        named = own[0] if own else others[0] if len(others) == 1 else listed[0] if len(listed) > 1 else None
        for cluster in listed:
            if named is not None and cluster is not named and cluster.mentions:
                _absorb(named, cluster, {})
                owner.update({m.start: named for m in named.mentions})
                joined = True
    return joined


def _called(cluster: Cluster, token: str) -> bool:
    """One of the person's mentions is this one word (folded): the draft already calls them so."""
    return any(fold(m.text) == token for m in cluster.mentions)


def _add_someone_new(text: str, mention: Mention, parts: NameParts, clusters: list[Cluster]) -> None:
    """A cluster of its own for a one-word mention: a titled surname ("Ms Quill"), or a first name; letters that
    are no one's initials join the cluster an earlier use of the same letters made."""
    if parts.initials:
        same = next((c for c in clusters if not c.ambiguous and {m.text for m in c.mentions} == {mention.text}), None)
        if same:
            same.mentions.append(mention)
            return
    is_surname = bool(parts.titles)
    # 'Ignatius ("Iggy") Quill', 'Tobiah (Quellan, "Teasel") Quarrell': his other names part the first from the surname
    others = _NICKNAME_AFTER.match(text, mention.end) or _OTHER_NAMES_BETWEEN.match(text, mention.end)
    nicknamed = others and _surname_after(text, mention.end)
    clusters.append(
        Cluster(
            "PERSON",
            [mention],
            first=None if is_surname else parts.single,
            last=parts.single if is_surname else nicknamed or None,
            titles=set(parts.titles),
        )
    )


# a parent's partner is also a parent, of a half-sibling: "Mother's partner: X (XY), father of <the baby>"
_PARENT_OF_ANOTHER = {("mothers_partner", "father"), ("stepfather", "father"), ("fathers_partner", "mother"),
                      ("stepmother", "mother")}  # fmt: skip


def _same_relation(role: str | None, said: str) -> bool:
    """ "aunt" said of the maternal aunt, or "maternal_grandmother" of a grandmother: one relation, told more or
    less fully; or "father" said of the mother's partner, the father of her younger child."""
    return role is not None and (
        role == said or role.endswith("_" + said) or said.endswith("_" + role) or (role, said) in _PARENT_OF_ANOTHER
    )


def _roles_the_draft_gives(titled: list[tuple[Mention, NameParts]], hint: RoleHint) -> dict[str, str]:
    """For each titled surname ("Mrs Kwan"), the one role its mentions' own words give it ("the paternal
    grandmother, Mrs Kwan, met the author"), where they give exactly one; and for each such mention, the role its
    own words give it (keyed by ``_mention_key``)."""
    found: dict[str, set[str | None]] = defaultdict(set)
    own: dict[str, str] = {}
    vague = {None, "child", "parent", "adult", "partner", "family_member", *CHILD_ROLES}  # what a sentence may imply
    for mention, parts in titled:
        if mention.text.endswith(("'s", "’s")):
            continue  # "Ms Pelbury's older sister Ebun": the relation is the sister's
        role = hint(Cluster("PERSON", [mention]))
        found[" ".join(sorted(parts.titles)) + " " + (parts.single or "")].add(role)
        if role not in vague:  # "Ms Pelbury (the maternal grandmother)", where another "Ms Pelbury" is the mother
            own[_mention_key(mention)] = str(role)
    by_name = {key: role for key, roles in found.items() for role in roles - vague if len(roles - {None}) == 1}
    return by_name | own


def _mention_key(mention: Mention) -> str:
    return f"@{mention.start}"


@cache  # asked for every person at every one-word mention that names no one by its first name
def _mutated(first: str) -> frozenset[str]:
    return frozenset(fold(form) for form in welsh_mutations(first.capitalize()))


_RELATION_IN = re.compile(rf"\b(?i:{FAMILY_WORDS})\b")
_RELATION_AFTER = re.compile(rf"[ \t]*[(,][ \t]*(?:(?:the|her|his|their)[ \t]+)?(?:[\w-]+[ \t]+)?(?i:{FAMILY_WORDS})\b")


def _the_parent_among_elders(candidates: list[Cluster], roles: Mapping[int, str | None]) -> Cluster | None:
    """ "Ms Quellin", where the mother and her own mother share the name and nothing marks the elder: the parent the
    story is about (the draft calls the grandmother "the maternal grandmother", "Mrs Quellin senior"; callers leave
    a "Mrs" to the paragraph it stands in)."""
    parents = [c for c in candidates if roles.get(id(c)) in ("mother", "father")]
    others = [c for c in candidates if c not in parents]
    return parents[0] if len(parents) == 1 and all(_elder_kin(roles.get(id(c))) for c in others) else None


def _elder_kin(role: str | None) -> bool:
    """A grandparent, or a parent's brother or sister, whom a draft names by first name where it calls the parent
    "Mr Quin" or "Ms Quill"."""
    return bool(role) and ("grand" in role or role.endswith(("uncle", "aunt")))


def _most_named(candidates: list[Cluster]) -> Cluster | None:
    """The candidate the draft names at least three times as often as each other one (and five times at
    least): "Ms Brook" in a report about Shannon Brook, whose mother Tracey Brook it names twice. Only adults
    are offered: a title ("Ms") never goes to a child by count."""
    ranked = sorted(candidates, key=lambda c: len(c.mentions), reverse=True)
    if not ranked:
        return None
    top, runner_up = len(ranked[0].mentions), len(ranked[1].mentions) if len(ranked) > 1 else 0
    return ranked[0] if top >= 5 and top >= 3 * runner_up else None


def _only_one_in_prose(text: str, candidates: list[Cluster]) -> Cluster | None:
    """The one candidate the draft names outside a table's rows: "Ms Quill" in a story whose grandmother Dorcas Quill
    stands only in the family table (a line of tab or "|" cells)."""

    def in_prose(mention: Mention) -> bool:
        end = text.find("\n", mention.end)
        line = text[text.rfind("\n", 0, mention.start) + 1 : end if end >= 0 else len(text)]
        return "\t" not in line and "|" not in line

    prose = [c for c in candidates if any(in_prose(m) for m in c.mentions)]
    return prose[0] if len(prose) == 1 and len(candidates) > 1 else None


def _one_barrel(a: str, b: str) -> bool:
    """One surname is a part of the other, double-barrelled: "doyle" and "mensah-doyle"."""
    short, long_ = sorted((a, b), key=len)
    return "-" in long_ and "-" not in short and short in long_.split("-")


def _first_barrel(a: str, b: str) -> bool:
    """One first name opens the other, hyphenated: "Rose Cawley" is not "Rose-Ellen Cawley", her cousin."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short + "-")


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _cut_to_initials(a: str, b: str) -> bool:
    """One surname is the other's initial: "m" and "mahmood"; or, double-barrelled, its initials: "m-d" and
    "mensah-doyle"."""
    short, long_ = sorted((a, b), key=len)
    cut, whole = short.split("-"), long_.split("-")
    if len(cut) == 1 and len(short) == 1:  # "Tomas V." for Tomas Vaitkus-Hale: the name's first letter
        return long_.startswith(short) and len(long_) > 1
    return (
        len(short) < len(long_)
        and len(cut) == len(whole)
        and all(len(c) == 1 and w.startswith(c) for c, w in zip(cut, whole, strict=True))
    )


def _a_child_s_name_carrying_it(name: tuple[str, ...], longer: tuple[str, ...], alone: frozenset[str]) -> bool:
    """ "Ebun Tobiah Quill" of "Tobiah Quill": a longer name holding every word of ``name`` and a first
    name of its own, each first name used alone in the draft: a child whose name carries her father's, as
    Eritrean, Ethiopian and Somali names do, not one person (whereas "Van Luong" is within "Luong Van Tobiah")."""
    extra = {word for word in set(longer) - set(name) if word not in english_words()}  # not a table's "Christian"
    return len(longer) > len(name) and set(name) < set(longer) and name[0] in alone and bool(extra & alone)


def _same_words(name: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Two names of two words or more, one holding every word of the other in any order."""
    if min(len(name), len(other)) < 2:
        return False
    return set(name) <= set(other) or set(other) <= set(name)


def _called_by_a_middle_name(cluster: Cluster, parts: NameParts) -> bool:
    """ "Huong Pham" and "PHAM, Thi Huong": the name one mention gives first is another's middle name."""
    middle = set(parts.tokens) - {parts.last} - set((parts.first or "").split("-"))  # "QUAN Siu Ling": no middle
    their_middles = {t for name in cluster.names for t in name} - {cluster.first, cluster.last}
    return cluster.first in middle or parts.first in their_middles


_CAPITALISED = r"(\p{Lu}[\p{L}\p{M}'’-]+)"
_QUOTED = r"""["“‘]""" + _CAPITALISED + r"""["”’]"""
# ... or set off by a dash: 'Tobiah - "TQ" to his friends - boxed'
_NICKNAME_INTRODUCED = regex.compile(
    _CAPITALISED + r"[ \t]*(?:\([ \t]*" + _QUOTED + r"[ \t]*\)|(?:[-–—][ \t]*)?" + _QUOTED + ")"
)


# '"GUS" (Augustus Quill)': the nickname first, then the full name in brackets, as a title gives them
_NICKNAME_BEFORE_NAME = regex.compile(_QUOTED + r"[ \t]*\([ \t]*" + _CAPITALISED + r"[ \t]+\p{Lu}")


@lru_cache(maxsize=4)  # the draft being resolved; a batch must not keep every draft it read
def introduced_nicknames(text: str) -> dict[str, str]:
    """ 'Augustus ("Gus") Quill', 'Augustus - "AQ" to his friends', '"GUS" (Augustus Quill)', a family table's
    'Augustus Quill<TAB>Father<TAB>Known as "Gus"': each quoted nickname the draft gives beside a first name,
    folded -> folded."""
    after = {fold(m.group(2) or m.group(3)): fold(m.group(1)) for m in _NICKNAME_INTRODUCED.finditer(text)}
    before = {fold(m.group(1)): fold(m.group(2)) for m in _NICKNAME_BEFORE_NAME.finditer(text)}
    in_row = {fold(m.group("nick")): fold(m.group("first")) for m in _NICKNAME_IN_A_ROW.finditer(text)}
    opening = {fold(m.group("nick")): _word_it_names(m) for m in _NICKNAME_OPENS_BRACKET.finditer(text)}
    return in_row | before | after | opening  # 'Tobiah Kwabla Quill ("Tobs")': the first name's, not the surname's


def _word_it_names(match: regex.Match[str]) -> str:
    """The word of the name before the brackets that the quoted name is: "kwabla" of 'Tobiah Kwabla Quill ("Kwabla")',
    as a middle name a man goes by; else its first name ("tobiah" of '... ("Tobs")')."""
    nick = fold(match.group("nick"))
    words = [fold(word) for word in match.group(0)[: match.start("nick") - match.start()].split()]
    return nick if nick in words[1:] else fold(match.group("first"))


# 'Mabel Quill de Castro ("Mab" to her friends, ...)': a quoted name opening the brackets after a full name
_NICKNAME_OPENS_BRACKET = regex.compile(  # (not a title: 'Mr Quill ("Tobs")' gives no first name)
    rf"(?<![\w'’-])(?!{_QUOTED_TITLE})"
    r"(?P<first>\p{Lu}[\p{L}\p{M}'’-]+)(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’-]+|de|da|dos|del|van|von|ap|bin))+"
    r"[ \t]*\([ \t]*[\"“‘](?P<nick>\p{Lu}[\p{L}\p{M}'’-]+)[\"”’]"
)


# a family table's row: the name in its first cell, 'Known as "Harry"' in a later one
_NICKNAME_IN_A_ROW = regex.compile(
    r"^[ \t|]*(?P<first>\p{Lu}[\p{L}\p{M}'’-]+)[^\t\n|]*(?:\t|\|)[^\n]*?\b(?i:known|called)[ \t]+(?i:as)[ \t]+"
    r"[\"“‘](?P<nick>\p{Lu}[\p{L}\p{M}'’-]+)[\"”’]",
    regex.MULTILINE,
)


# "Tiernan, Kasia and " before "Ama NOWAK": first names listed before one surname, which need not be everyone's
_LISTED_BEFORE = regex.compile(r"(?:\p{Lu}[\p{Ll}'’-]+,[ \t]+)*\p{Lu}[\p{Ll}'’-]+,?[ \t]+(?:and|&)[ \t]+$")


def _add_full(
    clusters: list[Cluster],
    mention: Mention,
    parts: NameParts,
    nicknames: dict[str, str] | None = None,
    listed: bool = False,
    alone: frozenset[str] = frozenset(),
) -> list[Cluster]:
    """Add a full-name mention to its person (or a new one); the candidates when an initial fits several. The
    last of a list of first names ("Tiernan, Kasia and Ama NOWAK") goes to the one person of that first name
    when the list's surname is not hers (half-siblings listed under one family name)."""
    first, last = parts.first or "", parts.last or ""
    people = [c for c in clusters if not c.ambiguous and not _other_middle_name(c, parts.tokens)]
    matches = [
        c
        for c in people
        if c.last == last
        and c.first
        and (nickname_match(c.first, first) or initial_match(first, c.first) or initial_match(c.first, first))
        and not _first_barrel(c.first, first)
    ]
    if not matches:  # "Van Thanh" inside "Nguyen Van Thanh"; "Tyler Price" for "Tyler Pryce"
        inside = [c for c in people if any(_contains(n, parts.tokens) for n in c.names)]
        # "Lee Branagan" in one record for Lee Brannigan
        alike = [c for c in people if c.first == first and c.last]
        misspelt = [c for c in alike if near_spelling(c.last or "", last) or spelt_alike(c.last or "", last)]
        # "Ebun Quel" in a record that cut the surname short, for Ebun Quellode (no surname of its own)
        truncated = [c for c in alike if _cut_short(c.last or "", last)]
        # ... unless the draft calls each by a first name of its own: "Ebun Tobiah Quill" and "Tobiah Quill" are a
        # daughter, called Ebun, and her father, whose name hers carries as Eritrean names do
        others = [c for c in people if not any(_a_child_s_name_carrying_it(n, parts.tokens, alone) for n in c.names)]
        called = [c for c in others if c.last == last and _called_by_a_middle_name(c, parts)]
        # "Hamza M." for Hamza Mahmood, either written first: a surname cut to its initial, as a draft shields a child
        # ... or under the nickname the draft introduced: "Kobby B" for Kwabena ("Kobby") Boateng
        firsts = {first, (nicknames or {}).get(first)}
        cut = [c for c in people if c.first in firsts and c.last and any(  # ... or any later name she is written with
            _cut_to_initials(later, last) for later in {c.last} | {word for name in c.names for word in name[1:]}
        )]  # fmt: skip
        if not cut:  # "Daz T" for Darren Tolley, as a phone's contacts list saves him
            cut = [c for c in people if c.first and c.last and nickname_match(c.first, first)
                   and _cut_to_initials(c.last, last)]  # fmt: skip
        # "Huong Pham" and "Phạm Thị Hương": the same words in another order, as family-name-first names are
        reordered = [c for c in others if any(_same_words(n, parts.tokens) for n in c.names)]
        # "Kofi Doyle" (a police record's "DOYLE, Kofi") for Kofi Mensah-Doyle: one part of a double-barrelled name
        barrelled = [c for c in alike if _one_barrel(c.last or "", last)]
        # "Lokyee Pheng" in a GP record for Lok Yee Pheng: a two-word given name written as one
        joined = [c for c in people if c.last == last and c.first and (
            any(first in _joined_pairs(n) for n in c.names) or c.first in _joined_pairs(parts.tokens)
        )]  # fmt: skip
        # "Hestor Alqarrel" and "Hester Al Qarel" in other records for Hester AL-QARREL: one name transliterated
        # otherwise, first name and surname alike
        transliterated = [c for c in people if c.first and c.last and _transliterated(c.first, first)
                          and _transliterated(c.last, last) and (c.first, c.last) != (first, last)]  # fmt: skip
        found_in = (inside, misspelt, truncated, called, cut, reordered, barrelled, joined, transliterated)
        matches = next((found for found in found_in if len(found) == 1), [])
        same_first = [c for c in people if c.first == first and c.last] if listed and len(first) > 1 else []
        if not matches and len(same_first) == 1:
            same_first[0].mentions.append(mention)
            return []  # her own surname stays hers: the list's is not added to her names
    if len(matches) > 1 and len(first) == 1 and all(len(c.first or "") > 1 for c in matches):
        return matches
    if len(matches) == 1 or (matches and len(first) > 1):
        target = matches[0]
        if len(first) > 1 and len(target.first or "") == 1:
            target.first = first
        if len(last) > 1 and len(target.last or "") == 1:
            target.last = last  # "Maja W" met first, "Maja Zofia Wiśniewska" later
        # "Ms Quill Pelbury" met first (a title and two surnames), "Hester Quill Pelbury" later: her first name
        surname_as_first = target.first in parts.tokens[1:] and not any(first in n for n in target.names)
        if target.titles and surname_as_first and len(first) > 1:
            target.first = first
    else:
        target = Cluster("PERSON", first=first, last=last)
        clusters.append(target)
    target.mentions.append(mention)
    target.titles.update(parts.titles)
    target.names.add(parts.tokens)
    return []


# spaces only: a tab ends a table cell ("Relationship to Jo<TAB>Age at ..." gives Jo no surname "Age")
_SURNAME_AFTER = regex.compile(
    r"""^[”"’')]*[ ]*(?:\([^()\n]{1,30}\)|["“][^"”\n]{1,30}["”])?[”"’')]*[ ]+"""
    r"(?:(?:Ó|Ní|Nic|Mac|De|Da|Van|Von|Le|La)[ ]+)?"
    # not a footnote number ("Keogh2"); a surname a PDF wrapped at its hyphen ("Quar-<LINE>rell")
    r"(\p{Lu}[\p{L}\p{M}'’-]+(?:(?<=-)[ \t]*\n\p{Ll}[\p{L}\p{M}'’-]*)?)"
)


def _a_spelling_of(word: str, words: set[str]) -> bool:
    """``word`` (folded) is one of ``words`` as another record spelt or cut it."""
    return any(
        other.startswith(word) or word.startswith(other) or spelt_alike(word, other) or _transliterated(word, other)
        for other in words
    )


def _transliterated(a: str, b: str) -> bool:
    """Two spellings of one name from another script ("Ebun", "Ebon", "Eboun"; "Alqarrel", "Al Qarel"): the
    same first letter and the same consonants in order, of two or more."""
    a, b = _consonants(a), _consonants(b)
    return len(a) >= 2 and a == b


@lru_cache(maxsize=4096)  # asked for every pair of full names a draft gives
def _consonants(name: str) -> str:
    word = re.sub(r"[^a-z]", "", fold(name))
    word = re.sub(r"^(?:al|el)(?=[^aeiou][aeiou]\w{2})", "", word)  # the Arabic article: "Alqarrel" is "qarrel"
    word = re.sub(r"(.)\1+", r"\1", word.replace("ou", "u").replace("oo", "u").replace("ee", "i"))
    # one letter of another alphabet, as English, Polish and German spellings write it: "x" and "ks", "w" and "v",
    # "cz" and "ch", "sz" and "sh", "kh" and "h", and "j" after a vowel and "y"
    for written, said in (("x", "ks"), ("w", "v"), ("cz", "ch"), ("sz", "sh"), ("kh", "h")):
        word = word[:1] + word[1:].replace(written, said)
    word = word[:1] + re.sub(r"(?<=[aeiou])j", "y", word[1:])  # "Ysolja": a "j" after a vowel, not "Tobiah-Jon"
    return word[:1] + re.sub(r"[aeiouy]", "", word[1:])


def _surname_after(text: str, end: int) -> str | None:
    """The capitalised word right after a first name (past a quoted or bracketed nickname), folded."""
    match = _SURNAME_AFTER.match(text[end : end + 60])
    if match is None or match.group(1) in vocabulary().acronyms:
        return None  # "Ottoline EPDS score 16": a scale's acronym is no surname
    word = fold(LINE_END_HYPHEN.sub("", match.group(1)))
    if word in STOP_WORDS:
        return None  # "4. MIKA AND HER FAMILY": a heading's "AND" is no surname
    if vocabulary().is_vocabulary_word(word) or (word in english_words() and not gazetteer().is_surname(word)):
        return None  # "Relationship to Ebun Age in 2014": a run-together table's next heading
    return word


# a nickname in quotes, bracketed or not: 'Emmanuel ("Manny") Boateng', "Katarzyna ('Kasia') NOWAK"; or one word in
# brackets: "Agatha (Aggs) Quill"
_NICKNAME = (
    r"""(?:\([ \t]*(?:["“‘][^"”’\n]{1,20}["”’]|'[^'\n]{1,20}'|\p{Lu}[\p{L}\p{M}'’-]{1,19})[ \t]*\)"""
    r"""|["“‘][^"”’\n]{1,20}["”’])"""
)
_NICKNAME_AFTER = regex.compile(rf"[ \t]*{_NICKNAME}")
def _relatives_named_after(text: str, mention: Mention, titles: Sequence[str]) -> set[str]:
    """First names of the relatives that the mention's possessive, or a pronoun later in its sentence, introduces,
    there or wherever the draft writes the same titled name: "Hester" of "Ms Quill's older sister Hester",
    "Agatha" of "Ms Pelbury comes from ...; her mother Agatha is a patient"."""
    starts = [mention.start]
    if titles:  # "Ms Quill's mother, Mrs Dorcas Quill" on page 2 says who Ms Quill on page 1 is not
        written = rf"(?<![\w'’-]){re.escape(mention.text)}(?![\w-])"
        same = (m.start() for m in re.finditer(written, text))
        starts += [start for start in same if title_words(title_before(text, start)) == titles]
    names = set()
    for start in starts:
        end = start + len(mention.text)
        owned = _RELATIVE_OF_MENTION.match(text, end)
        if owned:
            names.add(fold(owned.group("name")))
        sentence_end = sentence_bounds(text, start)[1]
        for match in _RELATIVE_OF_PRONOUN.finditer(text, end, sentence_end):
            names.add(fold(match.group("name")))
    return names


_KIN_AND_NAME = (
    rf"(?:[\p{{Ll}}-]+[ \t]+){{0,2}}(?i:{FAMILY_WORDS}),?[ \t]+(?:(?:Mrs|Mr|Ms|Miss|Mx)\.?[ \t]+)?"
    rf"(?P<name>\p{{Lu}}[\p{{L}}'’-]+)"
)
_RELATIVE_OF_MENTION = regex.compile(rf"['’]s?[ \t]+{_KIN_AND_NAME}")
_RELATIVE_OF_PRONOUN = regex.compile(rf"\b(?:his|her)[ \t]+{_KIN_AND_NAME}")
_FIRST_NAME_IN_BRACKETS = regex.compile(r"[ \t]*\([ \t]*(\p{Lu}[\p{L}\p{M}'’-]+)[ \t]*\)")
_NICKNAMED_FIRST_BEFORE = regex.compile(rf"(\p{{Lu}}[\p{{L}}\p{{M}}'’-]+)[ \t]*{_NICKNAME}[ \t]+$")


# what a review's running header or title puts before the initials of the child it is about
_REVIEW_OF = regex.compile(r"(?i:\b(?:re|regarding|concerning|in[ \t]+respect[ \t]+of|review[ \t]+of))[ \t]*:?[ \t]*$")


# sources of letters detection read as a person's initials (not a typist's capitals)
_DETECTED_INITIALS = frozenset({INITIALS_SOURCE, "propagation", "InitialsRecognizer"})


def _first_name_opens_with(
    letter: str, people: list[tuple[int, Cluster]], roles: dict[int, str | None]
) -> list[tuple[int, Cluster]]:
    """The one person whose first name the letter opens, as a chronology writes a person by one letter: a child
    before the grown-ups; no one where that leaves more than one."""
    opening = [(i, c) for i, c in people if c.first and len(c.first) > 1 and c.first[0] == letter]
    children = [(i, c) for i, c in opening if roles.get(id(c)) in CHILD_ROLES]
    return children if len(children) == 1 else opening if len(opening) == 1 else []


_DOUBLED = regex.compile(r"^(\w+)-\1$")


def _pick_for_single(
    text: str,
    clusters: list[Cluster],
    mention: Mention,
    parts: NameParts,
    roles: dict[int, str | None],
    first_pass: bool = True,
    defined: Mapping[str, str] | None = None,
) -> Cluster | list[Cluster] | None:
    """The one cluster a one-word mention joins; the candidates if ambiguous (or, on the ``first_pass``, to be
    decided once every clear mention has joined its person); None if it is someone new."""
    token = _DOUBLED.sub(r"\1", parts.single or "")  # "Tobs-Tobs", as a child doubles a name, is Tobs
    people = [(i, c) for i, c in enumerate(clusters) if not c.ambiguous]
    first_before = _NICKNAMED_FIRST_BEFORE.search(text, max(0, mention.start - 60), mention.start)
    if first_before and not parts.titles:  # "Boateng" of 'Emmanuel ("Manny") Boateng' is Emmanuel's surname
        owner = [c for _, c in people if c.first == fold(first_before.group(1)) and c.last in (token, None)]
        if len(owner) == 1:
            return owner[0]
    given = introduced_nicknames(text)  # 'Francis "Frankie" Quill': Frankie is Francis
    surname_after = _surname_after(text, mention.end)
    if surname_after and _LISTED_BEFORE.search(text, max(0, mention.start - 80), mention.start):
        surname_after = None  # "Rory, Zofia and Efua LIS": the list's surname need not be Efua's
    by_first = [
        (i, c)
        for i, c in people
        if c.first
        and (c.first == token or len(c.first) > 1 and nickname_match(token, c.first) or given.get(token) == c.first)
        and (len(token) > 1 or not c.last)  # a lone initial is not "J. Hardcastle"
        # 'Ottoline ("Otty") Quill' is no Otto Pelbury, but a log's "EBUN QUIL" is Ebun Quill
        and not (surname_after and c.last and surname_after != c.last and not spelt_alike(surname_after, c.last))
    ]
    if not by_first:  # "Wenllian" for Gwenllian, "Ddafydd" for Dafydd: a Welsh sentence mutates the name
        by_first = [(i, c) for i, c in people if c.first and token in _mutated(c.first)]
    if not by_first:  # "Thads" for Thaddeus, "Ebun" for Ebun-Tobiah; not "Kwame" (a name of its own) for Kwabena
        listed = gazetteer().is_first_name(token)
        by_first = [
            (i, c) for i, c in people
            if c.first and (
                short_form_of(token, c.first) and (not listed or c.first.startswith(token + "-"))
                or token in pet_forms(c.first)  # "Roxy" for Roxana, "Kaz" for Kacper, though "Roxy" is a name too
                or _two_letter_short_form(mention.text, c.first)  # '"Qu doesn't get up"' of Quellin
            )
        ]  # fmt: skip
    # "Kwabla" of Tobiah Kwabla Quill: a middle name he goes by, where no one has it as a surname
    if not by_first and not parts.titles and not any(c.last == token for _, c in people):
        by_first = [(i, c) for i, c in people if any(token in name[1:-1] for name in c.names)]
    exact = [(i, c) for i, c in by_first if c.first == token]
    introduced = [(i, c) for i, c in by_first if given.get(token) == c.first]  # 'Tobiah ... Known as "Gus"'
    by_first = exact or introduced or by_first  # "Mabel" is Mabel Quill before she is a Mab, or Augustus's Gus
    by_last = [(i, c) for i, c in people if c.last == token]
    if not by_last and not by_first and _PLURAL_SURNAME.search(text, max(0, mention.start - 4), mention.end):
        # "the Knotleys": the household of the first grown-up of that surname the draft brought in
        family = [(i, c) for i, c in people if c.last == token[:-1] and roles.get(id(c)) not in CHILD_ROLES]
        by_last = sorted(family, key=lambda pair: pair[1].start)[:1]
    if not by_last and parts.titles and len(token) == 1:  # "Ms D": Ms Dragomir, as a chronology cuts her surname
        by_last = [(i, c) for i, c in people if c.last and len(c.last) > 2 and c.last[0] == token]
    said_gender = title_gender(list(parts.titles))
    fitting_last = [c for _, c in by_last if c.gender(roles.get(id(c))) in (said_gender, None)]
    if said_gender and len(token) > 2 and not fitting_last:
        # "Mr Quill", "Mr Pelbury": Tobiah Quill-Pelbury, where no one of the title's gender has the surname alone
        barrels = [(i, c) for i, c in people if c.last and "-" in c.last and token in c.last.split("-")]
        by_last = [(i, c) for i, c in barrels if roles.get(id(c)) not in CHILD_ROLES] or by_last  # not "Mr" the boy
    if said_gender and by_last and by_first:
        grown = [c for _, c in by_last if roles.get(id(c)) not in CHILD_ROLES]
        named_so = [(i, c) for i, c in by_first if roles.get(id(c)) not in CHILD_ROLES and c.gender(
            roles.get(id(c))) == said_gender]  # fmt: skip
        if not [c for c in grown if c.gender(roles.get(id(c))) in (said_gender, None)] and len(named_so) == 1:
            by_last = named_so  # "Mr Tobiah" of Tobiah Quill, where only his children carry the name as a surname
    order = (by_last, by_first) if parts.titles else (by_first, by_last)
    candidates = order[0] or order[1]
    if not candidates and len(token) == 1 and not parts.titles and mention.source in _DETECTED_INITIALS:
        candidates = _first_name_opens_with(token, people, roles)  # "Q moves to the placement", of Quellin
    first_after = _FIRST_NAME_IN_BRACKETS.match(text, mention.end) if parts.titles else None
    if first_after and len(candidates) > 1:  # "Ms Pelbury (Hester)": the Pelbury of that first name
        named = [(i, c) for i, c in candidates if c.first == fold(first_after.group(1))]
        candidates = named if len(named) == 1 else candidates
    if ADULT_TITLES & set(parts.titles) and not by_last:  # "Mrs Hope" is not the child the review calls "Hope"
        candidates = [(i, c) for i, c in candidates if roles.get(id(c)) not in CHILD_ROLES]
    if parts.initials:  # "JO" is Jessica Okyere's initials before it is a nickname of Joan
        initials = parts.initials
        by_initials = [(i, c) for i, c in people if initials in c.initials()]
        if set(parts.titles) & PROFESSIONAL_TITLES:  # "Dr AO" is a doctor, not the mother Abena Osei who shares them
            by_initials = [(i, c) for i, c in by_initials if not is_family_role(roles.get(id(c)))]
        candidates = by_initials or candidates or [(i, c) for i, c in people if c.first == initials and not c.last]
        # "EP" of a child named only "Ebun", whose father is a Pelbury, as detection read the letters (not a typist's)
        if not candidates and len(initials) == 2 and mention.source in _DETECTED_INITIALS:
            lone = [(i, c) for i, c in people if c.first and not c.last and c.first[0] == initials[0]]
            # the surname of the family, not of a worker ("JW" typing a letter is no "Jo" of a nurse Pelbury)
            family = any(
                c.last and c.last[0] == initials[1] and (roles.get(id(c)) is None or is_family_role(roles.get(id(c))))
                for _, c in people
            )
            candidates = lone if len(lone) == 1 and family else []
        if len(candidates) > 1 and _REVIEW_OF.search(text, max(0, mention.start - 40), mention.start):
            children = [(i, c) for i, c in candidates if roles.get(id(c)) in CHILD_ROLES]
            candidates = children if len(children) == 1 else candidates  # "Review re: TW": the child, not a Tadeusz
    titled = set(parts.titles) & PROFESSIONAL_TITLES  # "Dr AK" was kept from the family by initials already
    key = not candidates and not titled and sum(ch.isupper() for ch in mention.text) > 1
    if key:  # "PRow", "KMcA", "KOB", keyed to Paul Rowntree, Kirsty McAllister, K. O'Brien (not every name searches)
        candidates = [(i, c) for i, c in people if any(keys_the_name(mention.text, m.text) for m in c.mentions)]
    # "Ms Smith" by her title; "Pauline" by her name, who is not the Paul of "Paul Rafferty"; initials ("AN")
    # are no first name to read a gender from, nor is a nickname the draft gives ('"Sal" (Salvatore Quill)')
    named_by_first = len(token) > 1 and not parts.titles and not parts.initials and token not in given
    kin = _KIN_GENDER_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    kin_gender = ("m" if kin.group("m") else "f") if kin else None  # "her brother Shanto" is no Shanelle
    # the draft's kin word before the name's usual gender: "Auntie Augie" is a woman, whom men are called Augie
    gender = title_gender(list(parts.titles)) or kin_gender or (name_gender(token) if named_by_first else None)
    if gender and candidates:  # a first name written in full is the person's, whatever gender it usually has
        exact_first = not parts.titles and not parts.initials
        candidates = [
            (i, c) for i, c in candidates
            if c.gender(roles.get(id(c))) in (gender, None)
            # or a name the person was already called by: "Augie" of Augustina, once "Auntie Augie"
            or (exact_first and (c.first == token or _called(c, token)))
        ]  # fmt: skip
    if len(candidates) > 1 and not parts.titles and not parts.initials and all(c.last != token for _, c in candidates):
        called = [(i, c) for i, c in candidates if _called(c, token)]  # "her brother Augie", then "Augie"
        candidates = called if len(called) == 1 else candidates
    if len(candidates) > 1 and {"ms", "mrs"} & set(parts.titles) and _both_titles_written(text, mention.text):
        # "Ms Quellode" and "Mrs Quellode" in one draft: the mother and the grandmother, the elder "Mrs"
        elder = "mrs" in parts.titles
        by_generation = [(i, c) for i, c in candidates if ("grand" in (roles.get(id(c)) or "")) == elder]
        candidates = by_generation or candidates
    if len(candidates) > 1 and _WOMENS_TITLES & set(parts.titles):  # "Ms Quill" the mother, "Mrs Quill" hers,
        # and "Miss Quill" the teenage daughter; but "Ms" after "Mrs" is never the child
        rest = [(i, c) for i, c in candidates if not _titled_otherwise(text, c, set(parts.titles))]
        grown = [(i, c) for i, c in rest if roles.get(id(c)) not in CHILD_ROLES]
        candidates = (rest if "miss" in parts.titles else grown) or candidates
    if len(candidates) > 1 and _grown_up(parts):  # "Ms Smith" is not the child
        adults = [(i, c) for i, c in candidates if roles.get(id(c)) not in CHILD_ROLES]
        candidates = adults or candidates
    if len(candidates) > 1 and CHILD_TITLES & set(parts.titles):  # "Master Smith", "Baby Smith": the child
        children = [(i, c) for i, c in candidates if roles.get(id(c)) in CHILD_ROLES]
        candidates = children or candidates
    defined = defined or {}
    said = defined.get(_mention_key(mention)) or defined.get(" ".join(sorted(parts.titles)) + " " + token)
    if candidates and said and is_family_role(said):  # "The paternal grandmother, Mrs Kwan, met the author"
        fitting = [(i, c) for i, c in candidates if _same_relation(roles.get(id(c)), said)]
        known = [roles.get(id(c)) for _, c in candidates]
        if not fitting and None not in known and any(map(is_family_role, known)):
            # not the mother the draft calls by name, nor the mother who is a teaching assistant: a relative it
            # names only so ("Mrs Quill (the grandmother)")
            return None
        candidates = fitting if len(fitting) == 1 else candidates
    if len(candidates) > 1:  # "Ms Quill's older sister Hester": Ms Quill is not Hester
        # (whatever title the draft gives Hester elsewhere: "Mr Quill's father, Mr Ignatius Quill")
        relatives = _relatives_named_after(text, mention, list(parts.titles))
        candidates = [(i, c) for i, c in candidates if c.first not in relatives] or candidates
    unknown = any(roles.get(id(c)) is None for _, c in candidates)
    if first_pass and len(candidates) > 1 and _grown_up(parts) and unknown:
        return [c for _, c in candidates]  # which of them is a child shows once every clear mention has joined
    senior = _SENIOR_AFTER.match(text, mention.end)
    if len(candidates) > 1 and ADULT_TITLES & set(parts.titles) and not senior:
        # "Mrs Quarrell": the one the draft titles so, not the mother it calls "Lottie"; one brought in by then (a
        # grandfather first named pages later is not this "Mr Quill")
        titled_ones = [(i, c) for i, c in candidates if _titled_so(text, c, set(parts.titles))
                       and c.start < mention.start]  # fmt: skip
        candidates = titled_ones if len(titled_ones) == 1 else candidates
    if len(candidates) > 1 and senior:  # "Mrs Gheata senior", "Mr Quill senior": the grandparent
        elders = [(i, c) for i, c in candidates if "grand" in (roles.get(id(c)) or "")]
        candidates = elders or candidates
    elif len(candidates) > 1 and _written_senior(text, mention.text):
        # "Ms Gheata" where the draft calls the grandmother "Mrs Gheata senior": the other one
        juniors = [(i, c) for i, c in candidates if "grand" not in (roles.get(id(c)) or "")]
        candidates = juniors or candidates
    if len(candidates) > 1:
        para_start, para_end = _paragraph(text, mention.start)
        # "Ms Quill has been registered here ... Her own mother, Dorcas Quill, is also a patient": not Dorcas
        pronoun = {"f": "her", "m": "his"}.get(title_gender(list(parts.titles)) or "")
        others = [
            (i, c) for i, c in candidates if not _relative_introduced_after(text, c, mention.end, para_end, pronoun)
        ]
        candidates = others or candidates
        paragraph = fold(text[para_start:para_end])
        nearby = [
            (i, c)
            for i, c in candidates
            if any(para_start <= m.start < para_end for m in c.mentions) or _names_other_part(paragraph, c, token)
        ]
        # not the grandmother brought in beside "Ms Quellin", over the mother the story is about: decided below
        parent = None if "mrs" in parts.titles else _the_parent_among_elders([c for _, c in candidates], roles)
        elder = len(nearby) == 1 and parent not in (None, nearby[0][1])
        candidates = nearby if len(nearby) == 1 and not elder else candidates
    if len(candidates) > 1:  # the one already introduced
        earlier = [(i, c) for i, c in candidates if c.start < mention.start]
        candidates = earlier if len(earlier) == 1 else candidates
    if len(candidates) > 1 and _grown_up(parts):  # "Mr Quill": the father, not a boy of no role
        known = [(i, c) for i, c in candidates if roles.get(id(c)) not in (None, *CHILD_ROLES)]
        candidates = known if len(known) == 1 else candidates
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0][1]
    return [c for _, c in candidates]


_PRONOUN_RELATION_BEFORE = re.compile(
    r"\b(?P<pronoun>his|her)\s+(?:own\s+)?(?:mother|mum|father|dad|sister|brother|aunt|uncle|grandmother|grandfather"
    r"|nan|gran|daughter|son|partner|husband|wife),?\s+$",
    re.IGNORECASE,
)


def _relative_introduced_after(text: str, cluster: Cluster, start: int, end: int, pronoun: str | None) -> bool:
    """The person is brought in between ``start`` and ``end`` as a relative by the pronoun of the titled one
    spoken of before ("Ms Quill ... Her own mother, Dorcas Quill"): that one's relative, not that one ("Mr Quarrell
    ... her father Augustus Quarrell" says nothing of it)."""
    for m in (m for m in cluster.mentions if start <= m.start < end):
        relation = _PRONOUN_RELATION_BEFORE.search(text, max(0, m.start - 40), m.start)
        if pronoun and relation and relation.group("pronoun").lower() == pronoun:
            return True
    return False


def _grown_up(parts: NameParts) -> bool:
    """A title only a grown-up has: "Ms", "Dr", and any rank ("LCpl Quill", "PC Quill"); not "Baby" or "Master"."""
    return bool(set(parts.titles) - CHILD_TITLES)


def _two_letter_short_form(written: str, first: str) -> bool:
    """ "Qu" of Quellin, "Al" of Algerina: a name's first two letters, written as a name (not initials "TY")."""
    return len(written) == 2 and written[0].isupper() and written[1].islower() and first.startswith(written.lower())


_WOMENS_TITLES = frozenset({"ms", "mrs", "miss"})
# a relation said right before a one-word name gives its gender: "uncle Tobiah", "his sister Mabel"
_KIN_GENDER_BEFORE = re.compile(
    r"\b(?:(?P<m>brother|uncle|father|son|nephew|husband|boyfriend|grandfather|stepfather|dad)"
    r"|(?P<f>sister|aunt|auntie|aunty|mother|daughter|niece|wife|girlfriend|grandmother|stepmother|mum))[ \t]+$",
    re.IGNORECASE,
)


def _both_titles_written(text: str, surname: str) -> bool:
    """The draft writes both "Ms" and "Mrs" before the surname."""
    word = re.escape(surname.strip())
    return all(re.search(rf"\b{title}\.?[ \t]+{word}\b", text, re.IGNORECASE) for title in ("ms", "mrs"))


def _titled_otherwise(text: str, cluster: Cluster, titles: set[str]) -> bool:
    """The draft calls the woman by another of a woman's titles, and never by these: "Ms Quill" is not "Mrs Quill"
    where two women share the surname."""
    written = {t for m in cluster.mentions for t in _titles_written(text, m)} & _WOMENS_TITLES
    return bool(written) and not written & titles


def _titles_written(text: str, mention: Mention) -> tuple[str, ...]:
    """The titles before the mention or opening it ("Mrs Quill" found whole)."""
    return parse_name(mention.text, title_before(text, mention.start)).titles


_PLURAL_SURNAME = regex.compile(r"\b(?i:the)[ \t]+\p{Lu}[\p{L}'’-]+s$")


def _titled_so(text: str, cluster: Cluster, titles: set[str]) -> bool:
    """The draft writes one of these adult titles before one of the person's names ("Mrs H. Kowalczyk")."""
    wanted = ADULT_TITLES & titles
    return any(wanted & set(_titles_written(text, m)) for m in cluster.mentions)


def _names_other_part(paragraph: str, cluster: Cluster, token: str) -> bool:
    """True when the (folded) paragraph also uses the person's other name: "Marion ... Ms Thomas"."""
    other = cluster.last if token == cluster.first else cluster.first
    return bool(other) and len(other or "") > 1 and re.search(rf"\b{re.escape(other or '')}\b", paragraph) is not None


def _merge_aliases(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """ "Ana-Maria, whom I shall call A" / "Elena Dragomir ("M")": the alias is the same person."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    ordered = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    aliases: set[int] = set()  # mentions taken as aliases: a quoted list goes on with the same person's names
    unquoted: set[int] = set()  # ... and an unquoted one ("appears in records as X, Y and, once, Z")
    for previous, mention in zip(ordered, ordered[1:], strict=False):
        listed = id(previous) in aliases and (
            _NEXT_IN_LIST.fullmatch(text, previous.end, mention.start)
            or (id(previous) in unquoted and _NEXT_UNQUOTED.fullmatch(text, previous.end, mention.start))
        )
        # '"Johnny Pat", his cousin is "Johnny Mick"': the list goes on with another person, whom a relation brings in
        listed = listed and not _RELATION_IN.search(text, previous.end, mention.start)
        # 'called Kwabla by relatives and "Quellie" by friends': one more name, for another audience
        listed = listed or id(previous) in aliases and _AND_BY_GAP.fullmatch(text, previous.end, mention.start)
        if not (listed or _is_alias(text, previous, mention)):
            continue
        alias, named = owner[id(mention)], owner[id(previous)]
        whose = _WHOSE_NAME.search(text, previous.end, mention.start)
        if whose and named.gender() not in (None, "f" if whose.group(1).lower() == "her" else "m"):
            continue  # 'Ebun said "she say his name Tobs"': his name, not hers
        aliases.add(id(mention))
        if _HER_NAME_APPEARS_AS.search(text[previous.end : mention.start]) or (listed and id(previous) in unquoted):
            unquoted.add(id(mention))
        hers = _nickname_with_her_surnames(alias, named) if alias is not named and not named.ambiguous else []
        if hers:  # 'Ebun Quill Pelbury, known at school as "Hetty"', and the records' "Hetty Pelbury", "Hetty Quill"
            for cluster in [*hers, alias]:
                _absorb(named, cluster, owner)
            continue
        if alias is named or named.ambiguous or (alias.ambiguous and named not in alias.candidates):
            continue
        gap = text[previous.end : mention.start]
        different = alias.first and alias.last and named.first and named.last and not _same_name(alias, named)
        if listed and different and not _is_alias(text, previous, mention) and not _a_name_word_alike(alias, named):
            continue  # '"Tobiah QUILL aka TQ" and "PELBURY, Augustus"': a list of two men, each by his full name
        recorded = _recorded_twice(text, previous, mention) or _a_recorded_alias(text, previous, mention)
        said_to_be_hers = listed or recorded or any(
            cue.search(gap)
            for cue in (_HER_NAME_IS, _RECORDED_AS, _WRITTEN_AS_GAP, _SAME_PERSON_GAP, _ALSO_GAP, _CALLED_GAP)
        ) or _given_by_naming_verb(text, previous, mention)
        # 'Shannon Brook ("Shan")': the nickname in brackets is hers, and so is every name it opens ("Shan Brookie")
        said_to_be_hers = said_to_be_hers or (re.fullmatch(r"\s*\(\s*[\"“‘]", gap) and " " not in mention.text)
        # "Lottie Ebun Quellin" ... "Lottie (Ebun)", and a record's "Ebun Pelbury": her middle name, which she goes
        # by, with her father's surname
        said_to_be_hers = said_to_be_hers or any(alias.first in name[1:-1] for name in named.names)
        # "Pastor Tobiah Quin (Quin Wai-lok)": his name in another language, in brackets, with the same family name
        said_to_be_hers = said_to_be_hers or _bracketed_other_name(text, previous, mention)
        # "QUIN Suet-lam (Ysolde)", where "Ysolde Quin" is named too: the given name she goes by, in brackets
        said_to_be_hers = said_to_be_hers or (
            _bracketed_given_name(text, previous, mention) and fold(alias.last or "") == fold(named.last or "-")
        )
        if different and said_to_be_hers and _SURNAME_SAID.search(gap) and " " not in mention.text.strip():
            # '"Mrs Quin" although her own family name is Quellin', where Quellin Suet-ying is named in full: one word
            # of another person's full name, which "her" may well mean; not a reason to make the two one person
            continue
        if different and not said_to_be_hers:  # "called by her Chinese name, Pei Shan" is hers
            # "Đặng Văn Tuấn (Mr Dang)" where "Mr Dang" went to the son "Bao Dang": the titled surname and its
            # repeats are the named man's; the son keeps his own name
            former = _FORMER_NAME.search(gap)
            moved = _her_former_name(alias, named, mention) if former else _titled_surname_mentions(
                text, alias, mention
            )
            _move(moved, alias, named, owner)
            if former:  # a lone "Dorcas" was hers or the former name's, whose mentions of her first name are hers now
                _settle_doubts(clusters, alias, named)
            continue  # two different full names: not an alias
        if different and _LETTERS.fullmatch(mention.text.strip()) and not _own_name_word(alias, mention):
            # 'Ignatius Pelbury, known as "OQ"', where "OQ" had gone to an Ottoline Quarrell by her initials: the
            # letters the draft gives Pelbury are his, the author keeps her name
            moved = [m for m in alias.mentions if fold(m.text.strip()) == fold(mention.text.strip())]
            _move(moved, alias, named, owner)
            continue
        if _AS_SOMEONE_CALLED_GAP.fullmatch(gap) and alias.first and alias.last and not named.last:
            named, alias = alias, named  # '"Auntie Dot" (as he called Ms Quellode)': Ms Quellode, by another name
        _absorb(named, alias, owner)
        _settle_doubts(clusters, alias, named)
    return [c for c in clusters if c.mentions]


# "Dorcas Quill (née Pelbury)": a woman's former surname
_NEE_AFTER = re.compile(r"\s*[(,]?\s*(?:née|nee)\b", re.IGNORECASE)
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?]\s+|\n)(?:\d+(?:\.\d+)*\s+)?$")  # "2.1 " of a numbered paragraph too
# "Tobiah Quill ... in 2009. He is ...": the next sentence's subject
_NEXT_SUBJECT = re.compile(r"[^.!?\n]*[.!?]\s+(?P<pronoun>She|He)\b")


def _said_gender(text: str, cluster: Cluster, starts: list[int]) -> str | None:
    """The gender the draft's words give a person whose first name gives none ("Ebunmi", "Quellin"): a "née"
    after the name, or "She" or "He" opening the sentence after one the full name opens (as the draft introduces
    the person) with no other name between (``starts``: where every person mention starts)."""
    said = set()
    for mention in cluster.mentions:
        if _NEE_AFTER.match(text, mention.end):
            said.add("f")
        full = " " in mention.text.strip()
        opens = full and _SENTENCE_OPENS.search(text, max(0, mention.start - 12), mention.start)
        following = _NEXT_SUBJECT.match(text, mention.end) if opens else None
        if following is None:
            continue
        between = bisect_left(starts, following.start("pronoun")) - bisect_right(starts, mention.start)
        own = sum(mention.start < m.start < following.start("pronoun") for m in cluster.mentions)
        if between == own:
            said.add("f" if following.group("pronoun") == "She" else "m")
    return said.pop() if len(said) == 1 else None


def _own_name_word(cluster: Cluster, mention: Mention) -> bool:
    """A word of the mention is the cluster's first name or surname: it names that person, not only a letter
    or a nickname that went to them."""
    words = {fold(w) for w in re.findall(r"[\w'’-]+", mention.text)}
    return bool(words & {cluster.first, cluster.last})


def _her_former_name(alias: Cluster, named: Cluster, mention: Mention) -> list[Mention]:
    """ "Dorcas Pelbury, previously Dorcas Quill": that mention, and the records' "QUILL, Dorcas" and "D Quill" of
    the same first name; not a lone "Quill", which her children may bear."""
    first = named.first or ""

    def hers(other: Mention) -> bool:
        given = parse_name(other.text).first or ""
        return given == first or (len(given) == 1 and first.startswith(given))

    return [mention] + [m for m in alias.mentions if m is not mention and first and hers(m)]


def _nickname_with_her_surnames(alias: Cluster, named: Cluster) -> list[Cluster]:
    """The clusters a lone nickname could be, where the draft gives it as ``named``'s and each of them is the
    nickname with one of her surnames; none where one of them has another surname (another person of that name)."""
    if not alias.ambiguous or not alias.candidates or named in alias.candidates:
        return []
    words = {fold(word) for tokens in named.names for word in tokens} | {fold(named.last or "")}
    hers = [c for c in alias.candidates if c.last and fold(c.last) in words]
    return hers if len(hers) == len(alias.candidates) else []


def _settle_doubts(clusters: list[Cluster], alias: Cluster, named: Cluster) -> None:
    """A mention that could be either of two names the alias shows to be one person ("Ola" of "Ola K" and
    "Ola Brinsley") is that person's."""
    for doubt in clusters:
        if not doubt.ambiguous or alias not in doubt.candidates:
            continue
        left = {id(c): c for c in doubt.candidates if c is not alias} | {id(named): named}
        if len(left) == 1:
            named.mentions += doubt.mentions
            doubt.mentions = []
        else:
            doubt.candidates = tuple(left.values())


def _titled_surname_mentions(text: str, cluster: Cluster, alias: Mention) -> list[Mention]:
    """The mentions of ``cluster`` written like ``alias`` when it is a title and a surname ("Mr Dang"), else []."""
    titles = set(title_words(title_before(text, alias.start)))
    if not ADULT_TITLES & titles or " " in alias.text.strip():
        return []
    same = fold(alias.text.strip())
    return [
        m for m in cluster.mentions
        if fold(m.text.strip()) == same and ADULT_TITLES & set(title_words(title_before(text, m.start)))
    ]  # fmt: skip


@cache
def _possessive_kin() -> re.Pattern[str]:
    """A name's possessive before a relation: "Ebun's half-aunt", "Ebun’s mother"."""
    relation = rf"(?:(?:maternal|paternal)\s+)?(?:half-|step-|great-)*(?:{alternation(vocabulary().relations)})"
    return re.compile(rf"['’]s?\s+{relation}\b", re.IGNORECASE)


_KEY_GAP = re.compile(r"[ \t]*=[ \t]*[^=;\n()]{0,40}?\(?[ \t]*")
_LETTERS = re.compile(r"[A-Z]{1,3}")
_KEYED_LETTERS = re.compile(r"[A-Z]{2,3}[a-z]?")  # "KW", "KWi"


_BIRTH_DATE_GAP = re.compile(r"^\s*,\s*(?:(?i:dob|d\.o\.b\.?|born|b\.)\s*:?\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*$")


# a closing quote, then another quoted name: '"Ebun" and "Tobiah"' is a list of names, not one person's two
_RELATION_THEN_QUOTE = re.compile(rf"[ \t]+(?:[\w-]+[ \t]+)?(?i:{FAMILY_WORDS})[ \t]*\([ \t]*[\"“‘']")
_QUOTED_LIST_AFTER = re.compile(r"[\"”’'][ \t]*(?:,|and|&)[ \t]*[\"“‘'][A-Z]")


def _wrapped_line_inside(text: str, start: int, gap: str) -> bool:
    """The gap holds one line break, ending a line of prose that pasted text wrapped."""
    if gap.count("\n") != 1:
        return False
    return wrapped(text, text.rfind("\n", 0, start) + 1, start + gap.index("\n"))


def _record_s_nickname(text: str, mention: Mention) -> bool:
    """A quoted name after a full name that a list of others goes on from, or, before a comma, one no word."""
    if re.match(r"[\"”’][ \t]*/[ \t]*[\"“‘]", text[mention.end :]):
        return True
    word = mention.text.strip()
    return text.startswith(("\",", "”,", "’,"), mention.end) and ("-" in word or fold(word) not in english_words())


_SURNAME_SAID = re.compile(r"\b(?:sur|family\s+|maiden\s+)name\s+(?:is|was)\s*[\"“‘']?$", re.IGNORECASE)


def _bracketed_other_name(text: str, previous: Mention, mention: Mention) -> bool:
    """A full name alone in brackets right after a full name, sharing one of its words: "Tobiah Quin (Quin Wai-lok)"."""
    named, alias = _name_words(previous.text), _name_words(mention.text)
    return _bracketed(text, previous, mention) and len(named) >= 2 and len(alias) >= 2 and bool(set(named) & set(alias))


def _bracketed_given_name(text: str, previous: Mention, mention: Mention) -> bool:
    """One name alone in brackets right after a full name: "QUIN Suet-lam (Ysolde)"."""
    return _bracketed(text, previous, mention) and len(_name_words(previous.text)) >= 2 and " " not in mention.text


def _bracketed(text: str, previous: Mention, mention: Mention) -> bool:
    opened = re.fullmatch(r"[ \t]*\([ \t]*", text[previous.end : mention.start])
    return bool(opened) and text.startswith(")", mention.end)


# a man's other names between his first name and his surname: 'Tobiah (Quellan, "Teasel") Quarrell'
_OTHER_NAME = r"[\"“‘]?\p{Lu}[\p{L}\p{M}'’-]+[\"”’]?"
_OTHER_NAMES_BETWEEN = regex.compile(
    rf"[ \t]*\([ \t]*(?P<names>{_OTHER_NAME}(?:[ \t]*(?:,|/|\bor\b)[ \t]*{_OTHER_NAME}){{0,2}})[ \t]*\)[ \t]+\p{{Lu}}"
)


def _is_alias(text: str, previous: Mention, mention: Mention) -> bool:
    """True when the text says ``mention`` is another name for ``previous``."""
    gap = text[previous.end : mention.start]
    if _AS_SOMEONE_CALLED_GAP.fullmatch(gap) or _HER_NAME_APPEARS_AS.search(gap):
        return True
    if _AFTER_HER_FORMER_NAME.fullmatch(gap) and _NEE_BEFORE.search(text, max(0, previous.start - 8), previous.start):
        return True  # 'Dorcas Quill (née Vetch; "Dorkas" in some notes)': another spelling of her name
    between = _OTHER_NAMES_BETWEEN.match(text, previous.end)
    if between and mention.end <= between.end("names") and " " not in previous.text.strip():
        return not title_before(text, previous.start)  # 'Tobiah (Quellan, "Teasel") Quarrell', a family table's row
    quoted = previous.start > 0 and text[previous.start - 1] in "\"“‘'"
    if quoted and re.fullmatch(r"[\"”’'][ \t]+", gap) and " " not in mention.text.strip():
        return True  # '"Big Ignatius" Quill': the quoted name he goes by, then his surname
    if quoted and re.fullmatch(r"[\"”’'][ \t]+(?:is|was)[ \t]+", gap) and " " in mention.text.strip():
        return True  # '"Tobs" is Tobiah Quill, who ran the shop': the quoted name, then whose it is
    if _KEY_GAP.fullmatch(gap) and _LETTERS.fullmatch(previous.text) and mention.text[:1] == previous.text[:1]:
        return True  # "Key: H = subject child (Hester, dob ...)": a chronology's key gives the letter to the child
    keyed = _KEYED_LETTERS.fullmatch(previous.text) and mention.text[:1] == previous.text[:1]
    if keyed and re.fullmatch(r"[ \t]*\([ \t]*", gap):
        return True  # "KQi (Kip, to avoid confusion with mother)": the name the letters stand for
    if _RELATION_THEN_QUOTE.fullmatch(gap) and re.match(r"[\"”’']\s*\)", text[mention.end :]):
        return True  # 'Hester Pelbury Maternal aunt ("Ciocia")': a row's relation, then what the children call her
    kin = kin_in_quotes().search(gap)  # 'Bernadette Ward ("Nana Bernie")': what the children call her
    gap = gap[: kin.start("kin")] if kin else gap
    if _wrapped_line_inside(text, previous.end, gap):
        gap = re.sub(r"[ \t]*\n[ \t]*", " ", gap)  # "known to<LINE>the girls as": a line pasted text wrapped
    if _possessive_kin().match(gap):
        return False  # "Ebun's half-aunt. The family calls her "Little Otto"": the alias is the aunt's
    if _FULL_NAME_NEXT.fullmatch(gap):
        return True  # 'a new partner, "Iggy". School later learned his full name was Ignatius Quarrell'
    if _NAME_FOR_NEXT.fullmatch(gap):
        return True  # '"Tobs" is the family's name for Tobiah'
    # "... Maja Zofia Wiśniewska. In some health records she appears as "Maja Harding""; not "... was known to
    # Hester. Friends called him "Tobs"", where she ends the sentence only as its object
    object_of = _OBJECT_OF_A_PREPOSITION.search(text, max(0, previous.start - 12), previous.start)
    if _SPELT_SEVERAL_WAYS.search(gap) or (_RECORDED_AS.search(gap) and not object_of):
        return True
    if _KNOWN_AS_GAP.fullmatch(gap):
        return True  # 'Iggy was known to his carers, to his college and to most records as "Gus"': a long aside
    if len(gap) > 60 or "\n" in gap or "\t" in gap or re.search(r"[.;]\s", gap):
        return False  # another sentence, line or table cell
    if re.match(r"['’]s?\s", gap) and not re.search(r"(?i)\bname|\balias", gap):
        return False  # 'Rose's sister (or closest friend) asked to be known as "Hope"': the alias is hers
    alias_cue = _ALIAS.search(gap)
    if alias_cue and alias_cue.group(0).startswith("("):  # "Mai Dang (Mr Dang)": brackets right after the name
        closed = re.match(r"[\"”’']?\s*\)", text[mention.end :])
        # 'Ilhan ("Illy" to her friends)': a quoted name opening the brackets, whatever follows it inside them
        quoted = re.search(rf"[\"“‘']{_QUOTED_TITLE}?$", gap) and re.match(r"[\"”’']", text[mention.end :])
        # '<Name>, dob 23/09/2010 ("Iggy")': a key's entry gives the birth date first
        before = _BIRTH_DATE_GAP.sub("", gap[: alias_cue.start()])
        nickname = re.search(rf"[\"“‘']{_QUOTED_TITLE}?$", gap) is not None  # 'JOYCE ("Big Iggs")': any words
        someone_else = not nickname and _someone_else_in_brackets(previous, mention)
        return not before.strip() and bool(closed or quoted) and not someone_else
    if alias_cue and _SOMEONE_NEW.search(gap, 0, alias_cue.start()):
        return False  # "Wiki told Ms Tait about a man called "Jay"": the name is the man's, not Ms Tait's
    if alias_cue and "prefer" in alias_cue.group(0).lower() and _QUOTED_LIST_AFTER.match(text, mention.end):
        return False  # 'QH prefers "Ebun" and "Tobiah" as agreed': names she chose for others, not hers (but
        # 'appears as "Tedor Halvik", "Ted Halvik"' lists one man's spellings)
    if alias_cue:
        return True
    if re.fullmatch(r"\s*,\s*[\"“‘]", gap) and re.match(r"[\"”’](?:,|\s*\))", text[mention.end :]):
        # 'Ignatius Quill, "Iggs", born 2016': the name the family uses, set off by commas; 'Twin 1 (Ebun, "Ebs")'
        # closing the brackets the name opens
        closing = text[mention.end + 1 : mention.end + 2] != ","
        if not closing or re.search(r"\(\s*$", text[max(0, previous.start - 3) : previous.start]):
            return True
    cell_ends = re.match(r"[\"”’](?:[ \t]*(?:\t|\||\n|$)|[ \t]{2,})", text[mention.end :])
    if re.fullmatch(r"[ \t]+(?:\|[ \t]*)?[\"“‘]", gap) and cell_ends:
        # 'Tobiah "Tobs"' ending a family table's name cell, or a record's column aligned by spaces, or the next cell
        # of a Markdown table ('| QUILL, Tobiah | "Tobs" |')
        return True
    others = r"(?:[\"“‘][^\"”’\n]{1,20}[\"”’][ \t]*/[ \t]*)*"  # '"Fumes" / ' before "Volvo"
    if re.fullmatch(rf"[ \t]+{others}[\"“‘]", gap) and " " in previous.text.strip() and _record_s_nickname(
        text, mention
    ):
        return True  # 'Tobiah Quill "T-Bone", Snapchat ...', '... "Fumes" / "Volvo"': the names a record gives him
    if _given_by_naming_verb(text, previous, mention):
        return True
    if _QUOTED_OR.fullmatch(gap) and _QUOTE_BEFORE.search(text, 0, previous.start):
        return True  # 'an older lad called "Anvil" or "Bossy"': either name is his
    if _IS_QUOTED.fullmatch(gap) and text[mention.end : mention.end + 1] in ("\"", "”", "’"):
        return True  # 'to her Ebun is "Ebunmi"': what one person calls him
    if _recorded_twice(text, previous, mention):
        return True
    if _a_recorded_alias(text, previous, mention):
        return True
    if not _ALIAS_AS.fullmatch(gap):
        return False
    lead = text[max(0, previous.start - 60) : previous.start]
    lead = lead[: len(lead) - len(title_before(lead, len(lead)))]
    return _ALIAS_VERB_BEFORE.search(lead) is not None


def _someone_else_in_brackets(previous: Mention, mention: Mention) -> bool:
    """ "The maternal aunt who brought Mabel (Ms Lottie Quillode)": the brackets give a full name with another
    first name, which is someone else's (the aunt's), not Mabel's other name; "Hester Quill (Ms Quill)" shares one."""
    named = TITLE_INSIDE.sub("", previous.text).split()
    bracketed = TITLE_INSIDE.sub("", mention.text).split()
    if len(bracketed) < 2 or not named:
        return False
    first, other = fold(named[0]), fold(bracketed[0])
    kin = first == other or nickname_match(first, other) or first.startswith(other) or other.startswith(first)
    return not kin and not {fold(w) for w in named} & {fold(w) for w in bracketed}


_AS_AN_ALIAS_AFTER = re.compile(r"[\"”’]\s+as\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+)?(?:alias|nickname)\b")


# the next sentence gives the full name of someone a name was given for: '"Tobs". His full name was ...'
_FULL_NAME_NEXT = re.compile(
    r"[\"”’']?[.;]\s+(?:[\w'’ -]{1,40}\s)?(?:his|her|their)\s+(?:full|real|proper|legal)\s+name\s+(?:was|is)\s+",
    re.IGNORECASE,
)
# '"Tobs" is the family's name for Tobiah', '"Bub" is what his mother calls Kai': the name first, then whose it is
_NAME_FOR_NEXT = re.compile(rf"[\"”’']?[ \t]+{IS_A_NAME_FOR}[ \t]+", re.IGNORECASE)


def _a_recorded_alias(text: str, previous: Mention, mention: Mention) -> bool:
    """'QUILL, Tobiah with "PELBURY" as a recorded alias': the quoted name is his, another surname though it is."""
    gap = text[previous.end : mention.start]
    return bool(re.fullmatch(r"\s+with\s+[\"“‘]", gap) and _AS_AN_ALIAS_AFTER.match(text, mention.end))


def _given_by_naming_verb(text: str, previous: Mention, mention: Mention) -> bool:
    """'The group called Ignatius "Lanky Q"': the quoted name a naming verb gives the person it names."""
    gap, after = text[previous.end : mention.start], text[mention.end : mention.end + 1]
    quoted = re.fullmatch(r"[ \t]+[\"“‘]", gap) and after in "\"”’" and after
    return bool(quoted and _NAMING_VERB_BEFORE.search(text, 0, previous.start))


# 'She is known to everyone, including most of the staff, as "Wera"', "He goes by Kuba": the pronoun's nickname
_PRONOUN_ALIAS = re.compile(
    r"\b(?P<pronoun>[Ss]he|[Hh]e)\s+(?:is|was)\s+(?:also\s+|usually\s+|always\s+|often\s+)?(?:known|called|addressed)\b"
    r"[^.]{0,80}?"
    # "She is known in the family by her day name, Ebun"
    r"\b(?:as|by\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}name,?)\s+[\"“‘']?$"
    r"|\b(?P<pronoun2>[Ss]he|[Hh]e)\s+(?:goes|went)\s+by\s+[\"“‘']?$"
    # 'He was called "Iggy" by his mother', 'At work she used the name "Mabel"'
    r"|\b(?P<pronoun3>[Ss]he|[Hh]e)\s+(?:(?:is|was)\s+(?:also\s+|usually\s+|always\s+)?called"
    r"|(?:used|uses|preferred|prefers)\s+the\s+name)\s+[\"“‘']$"
    # 'Staff called him "Iggy"', 'the boys nicknamed her "Otty"', "Friends call him Iggy", "call her Nana Dorry"
    r"|\b(?:called|calls|call|named|nicknamed)\s+(?P<object>him|her)\s+[\"“‘']?(?:[A-Z][^\W\d_]*\s+)?$"
    # 'Co-workers knew him as "Iggy"', "staff referred to her as Dot"
    r"|\b(?:knew|know|knows|referred\s+to)\s+(?P<object2>him|her)\s+as\s+[\"“‘']?$"
    # 'he gave the name "Tobiah Quarrell" to a landlord': a false name, whole
    r"|\b(?P<gave>[Ss]he|[Hh]e)\s+(?:\w+\s+)?(?:gave|gives|used|uses)\s+(?:the|a\s+false)\s+name\s+(?:of\s+)?[\"“‘']$"
    # a record's paragraph about one person, its names said with no subject: 'Male 1: Tobiah QUILL, born 1995.
    # Also recorded as "Tobiah Quarrell". Street name "Tobs"'
    r"|(?:^|[.;]\s+)(?P<unsaid>Also\s+(?:recorded|known|listed|written)\s+as|(?:Street|Nick)\s*names?|Alias(?:es)?"
    r"|AKA)\s*:?\s*[\"“‘']$"
    # 'He was known by a number of names: "Iggs", "Big Q"': each quoted name of the list
    r"|\b(?P<pronoun4>[Ss]he|[Hh]e)\s+(?:is|was|had\s+been)\s+(?:also\s+)?(?:known|called|recorded)\b[^.:]{0,60}?"
    r"\b(?:names|aliases|nicknames)\s*:\s*(?:[\"“‘'][^\"”’\n]{1,30}[\"”’],?\s+(?:and\s+|or\s+)?)*[\"“‘']$"
)


_WHO = re.compile(r"\s*,?\s*who\b")  # "her friend Agatha Quill, who calls her Hetty": the caller


def _a_name_word_alike(a: Cluster, b: Cluster) -> bool:
    """The two people's names share a word, or two of their words are one name spelt or cut another way, as a list
    of one person's spellings does ("Tobs Quarrell" of Tobiah Ebun Quarrell, "Alxa Quelvenko" of Aleksa Quelwenko,
    "Dorrie Vetch" of Dorcas Quellin); two men's names share none ("Tobiah Judge", "Augustus Pelbury")."""
    words_a = {w for m in a.mentions for w in _name_words(m.text) if len(w) > 1}
    words_b = {w for m in b.mentions for w in _name_words(m.text) if len(w) > 1}
    return any(_a_spelling_of(word, words_b) for word in words_a)


def _calls_in_her_clause(text: str, mention: Mention, cue: re.Match[str]) -> bool:
    """The person is the one who calls someone so, in her own "who" clause: "Agatha Quill, who calls her Hetty";
    not "her grandmother, Agatha Quill, who lived nearby. Everyone called her "Nanny Dotty"", a sentence later."""
    return _WHO.match(text, mention.end) is not None and sentence_bounds(text, cue.start())[0] <= mention.start
_SAYS = re.compile(r"\b(?:told|tells|said|says|reported|reports|explained|stated|recalled|described)\b")
# someone the draft has not named comes between the name and the pronoun: "one of the men", "a woman", "another girl"
_SOMEONE_UNNAMED = re.compile(
    r"\b(?:a|an|another|one\s+of\s+(?:the|them|two|three)|two|three|some)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:man|men|male|males|woman|women|female|females|boy|boys|girl|girls|person|youth|adult|adults|friend|friends)\b",
    re.IGNORECASE,
)
_PASTED_PARAGRAPH = 400  # characters before a cue read as its paragraph where a pasted draft lost its blank lines


# "Ebun's name appears in agency records in at least four forms": the names the paragraph then quotes are hers
_SEVERAL_FORMS_AFTER = re.compile(
    r"['’]s?\s+(?:sur|first\s+|family\s+|given\s+)?names?\s+(?:[\w-]+\s+){0,6}?(?:in\s+)?(?:at\s+least\s+)?"
    r"(?:two|three|four|five|six|several|many|different|various|\d)\s+(?:different\s+)?"
    r"(?:ways|spellings|forms|versions|variations|variants)\b",
    re.IGNORECASE,
)
_QUOTE_BEFORE = re.compile(r"[\"“‘']$")


def _merge_listed_spellings(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """Every name in quotes in the paragraph that says a person's name is written several ways is that person's,
    with the rest of its cluster: 'Ebun's name appears in four forms. Social care used "Ebun Quill"; the GP and
    the police used "Ebunmi Quil"'."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    mentions = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    for mention in mentions:
        said = _SEVERAL_FORMS_AFTER.match(text, mention.end)
        named = owner[id(mention)]
        if said is None or named.ambiguous:
            continue
        paragraph_end = text.find("\n", said.end())
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        own_words = {w for m in named.mentions for w in _name_words(m.text)}
        for other in mentions:
            alias = owner[id(other)]
            quoted = said.end() < other.start < paragraph_end and _QUOTE_BEFORE.search(text, 0, other.start)
            # one of the person's own spellings, not another person's written in the same paragraph ('His mother,
            # Dorcas Quill, is "Dorkas Quill" on the school system')
            spelling = any(_a_spelling_of(word, own_words) for word in _name_words(other.text))
            if quoted and spelling and alias is not named and not alias.ambiguous:
                _absorb(named, alias, owner)
    return [c for c in clusters if c.mentions]


# "his mother was Dorcas, Dot and Mabel;": one person's names listed after "was", each in quotes or not
_NAMES_ONE_IS_GIVEN = regex.compile(
    r"\b(?:(?:his|her|their)\s+(?:mother|father|mum|dad|sister|brother|grandmother|grandfather)\s+)?(?:was|is)\s+"
    r"(?P<names>[\"“‘]?\p{Lu}[^;.\n]{1,120}?,?\s+and\s+[\"“‘]?\p{Lu}[\w'’ -]*[\"”’]?)\s*[;.]"
)
_LIST_GAP = re.compile(r"[\"”’']?\s*(?:,|,?\s+and)\s+[\"“‘']?")


def _merge_names_one_is_given(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """ "Tobiah was "Tobs", "Iggy" and "Tobiah Q"; his mother was Dorcas, Dot and Mabel.": where a list after
    "was" holds nothing but names, they are one person's (and the person's before "was", where one is named)."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    ordered = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    for match in _NAMES_ONE_IS_GIVEN.finditer(text):
        start, end = match.span("names")
        listed = [m for m in ordered if start <= m.start and m.end <= end]
        if len(listed) < 2 or not all(
            _LIST_GAP.fullmatch(text, a.end, b.start) for a, b in zip(listed, listed[1:], strict=False)
        ) or text[start:end].strip("\"“”‘’' ") != text[listed[0].start : listed[-1].end].strip("\"“”‘’' "):
            continue  # something other than a name is listed
        before = [m for m in ordered if m.end <= match.start() and not text[m.end : match.start()].strip()]
        subject = before[-1] if before else None  # "Tobiah was ...": the person the names are given for
        people = [owner[id(m)] for m in ([subject] if subject else []) + listed]
        named = next((c for c in people if c.first and c.last), people[0])
        for cluster in dict.fromkeys(people):
            if cluster is not named and not cluster.ambiguous and not named.ambiguous:
                _absorb(named, cluster, owner)
    return [c for c in clusters if c.mentions]


def _merge_reordered_names(clusters: list[Cluster]) -> list[Cluster]:
    """A full name made only of one person's name words, in another order or spacing, is that person where one of its
    words is that person's alone: "QUIN Wai Lok" and "Wai-lok Tobiah" are Tobiah Quin's, whom the draft
    also calls "Quin Wai-lok"; "VETCH Mei Lan" is Vetch Mei-lan's. A name of one word is left to the
    clusterer, which weighs titles, ages and roles."""
    written = {id(c): {w for m in c.mentions for w in _name_words(m.text)} for c in clusters if not c.ambiguous}
    words = {id(c): {w for m in c.mentions for w in _words_and_pairs(m.text)} for c in clusters if not c.ambiguous}
    holders: dict[str, set[int]] = defaultdict(set)  # who writes each word as a word of their own ("Wai-lok")
    for key, held in written.items():
        for word in held:
            holders[word].add(key)
    # ... and who holds it as two words run together ("Wai Lok" of "QUIN Wai Lok")
    holders_of_pairs: dict[str, set[int]] = defaultdict(set)
    for key, held in words.items():
        for word in held:
            holders_of_pairs[word].add(key)
    by_id = {id(c): c for c in clusters}
    for cluster in clusters:
        if cluster.ambiguous or not any(len(_name_words(m.text)) >= 2 for m in cluster.mentions):
            continue
        own = {w for m in cluster.mentions for w in _joined(_name_words(m.text), holders)}
        others = {key for word in own for key in holders_of_pairs.get(word, ()) if key != id(cluster)}
        fitting = [key for key in others if own <= words[key] and by_id[key].mentions
                   and not _part_of_a_longer_name(cluster, by_id[key], holders)]  # fmt: skip
        alone = [key for key in fitting if any(holders_of_pairs[word] - {id(cluster)} == {key} for word in own)]
        if len(fitting) == 1 and alone:
            _absorb(by_id[alone[0]], cluster, {})
            words[alone[0]] |= own
    return [c for c in clusters if c.mentions]


_INITIAL_THEN_NAME = regex.compile(r"(\p{Lu})\.?[ \t]+(\p{Lu}[\p{L}'’-]+)")


def _merge_initials_before_given_names(clusters: list[Cluster]) -> list[Cluster]:
    """ "R. Tobiah", as South Indian names are written (the father's name, as an initial, before the given name),
    is Tobiah Rajan's where the draft names one Tobiah in full with a surname of that letter."""
    named = [c for c in clusters if not c.ambiguous and c.first and c.last and len(c.last) > 1]
    for cluster in [c for c in clusters if not c.ambiguous and c.mentions]:
        written = [w for w in (_INITIAL_THEN_NAME.fullmatch(m.text.strip()) for m in cluster.mentions) if w]
        initials_and_names = {(w.group(1).lower(), fold(w.group(2))) for w in written}
        names = {given for _, given in initials_and_names}
        if len(written) + sum(fold(m.text.strip()) in names for m in cluster.mentions) < len(cluster.mentions):
            continue  # some other name ("R. Tobiah" and "Mr Tobiah" only)
        gender = cluster.gender()
        owners = [c for c in named if c is not cluster and gender in (c.gender(), None) and any(
            c.first == given and fold(c.last or "").startswith(initial) for initial, given in initials_and_names
        )]  # fmt: skip  # not "Mrs T. Quellan", a wife under her husband's given name
        if len(owners) == 1:
            _absorb(owners[0], cluster, {})
    return [c for c in clusters if c.mentions]


def _part_of_a_longer_name(cluster: Cluster, other: Cluster, known: Mapping[str, object]) -> bool:
    """A name of ``cluster`` stands, in its order, inside a longer name of ``other``: "Tobiah Quellode" in his
    daughter's "Ebun Tobiah Quellode", a father's names a child carries; not the same name spaced otherwise."""
    def sequence(name: str) -> str:
        return " " + " ".join(_joined(_name_words(name), known)) + " "
    # not the given names of a name a record writes family name first: "Wai Lok" of "QUIN Wai Lok" is his
    longer = [sequence(m.text) for m in other.mentions if not SURNAME_FIRST.fullmatch(m.text.strip())]
    return any(
        sequence(m.text) in name and len(sequence(m.text)) < len(name)
        for m in cluster.mentions if " " in m.text.strip() for name in longer
    )


def _name_words(name: str) -> list[str]:
    """A name's words, folded, a hyphenated word run together ("Wai-lok" is "wailok"); no initials."""
    return [w.replace("-", "") for w in re.findall(r"[^\W\d_][\w'’-]*", fold(name)) if len(w) > 1]


def _words_and_pairs(name: str) -> set[str]:
    """A name's words and each two neighbours run together: "QUIN Wai Lok" holds "wailok", the given name "Wai-lok" is
    written as."""
    words = _name_words(name)
    return {*words, *(a + b for a, b in zip(words, words[1:], strict=False))}


def _joined(words: list[str], known: Mapping[str, object]) -> list[str]:
    """``words`` with two neighbours run together where the draft writes them as one name word ("Wai Lok")."""
    joined: list[str] = []
    index = 0
    while index < len(words):
        pair = "".join(words[index : index + 2])
        step = 2 if index + 1 < len(words) and pair in known else 1
        joined.append(pair if step == 2 else words[index])
        index += step
    return joined


def _merge_pronoun_aliases(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """A one-word name a pronoun's sentence gives ('She is known ... as "Wera"', 'Staff called him "Iggy"') is the
    nickname of the nearest person of that gender in the paragraph, where named in full: "Wiktoria Kowalczyk is
    Polish ... She is known ... as "Wera""."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    ordered = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    for index, mention in enumerate(ordered):
        cue = _PRONOUN_ALIAS.search(text, max(0, mention.start - 120), mention.start)
        alias = owner[id(mention)]
        if cue is None or (" " in mention.text.strip() and not (cue.group("gave") or cue.group("unsaid"))):
            continue
        pronoun = next(word for word in cue.groups() if word)  # "She" of "She is known as", "him" of "called him"
        gender = "f" if pronoun.lower() in ("she", "her") else "m" if pronoun.lower() in ("he", "him") else None
        # the paragraph (or, where a pasted draft lost its blank lines, the lines before the cue): the nearest person
        # of the pronoun's gender, if named in full and not already the alias's own ("Ebun ... called her "Otty"");
        # with no pronoun, the first person the paragraph names
        start = max(text.rfind("\n\n", 0, mention.start) + 2, mention.start - _PASTED_PARAGRAPH)
        # "Quill said they all knew him as Tobs": "him" is not the one who speaks of him, nor "Mrs Quill knew her as
        # Dotty" the one who knew her by it
        spoken = cue.group("object") or cue.group("object2")
        knower = [owner[id(m)] for m in ordered[:index] if spoken and not text[m.end : cue.start()].strip()]
        before = [
            m for m in ordered[:index]
            if start <= m.start and owner[id(m)] not in knower
            and not (spoken and (_SAYS.search(text, m.end, cue.start()) or _calls_in_her_clause(text, m, cue)))
        ]  # fmt: skip
        candidates = [owner[id(m)] for m in before]
        latest = next((m for m in reversed(before) if owner[id(m)].gender() in (gender, None)), None)
        if gender and latest and owner[id(latest)] is alias and not title_before(text, latest.start):
            continue  # "his passport name is Tobiah; ... customers knew him as Tobs": the one his own name just gave
        nearest = candidates[0] if candidates and gender is None else next(
            (c for c in reversed(candidates) if c.gender() in (gender, None) and c is not alias), None
        )  # not the alias's own cluster, which a titled surname may have joined: the person the pronoun means
        # 'Friends called him "Tobs", and he posted as "Tobs Quill"': the one whose surname the alias carries
        kin = {id(c): c for c in candidates if alias.last and c.last == alias.last and c is not alias}
        nearest = next(iter(kin.values())) if len(kin) == 1 else nearest
        named = nearest if nearest is not None and nearest is not alias and nearest.first and nearest.last else None
        if named is None or named.ambiguous or alias.ambiguous:
            continue
        last_named = max((m.end for m in named.mentions if m.end <= cue.start()), default=cue.start())
        if _SOMEONE_UNNAMED.search(text, max(last_named, sentence_bounds(text, cue.start())[0]), cue.start()):
            continue  # "Quill said one of the men was older and that Ebun called him "Iggy"": the man's, not Quill's
        false_name = cue.group("gave") or cue.group("unsaid")  # a whole other name he gave or was recorded by
        cut = len(alias.last or "") == 1 and (named.last or "").startswith(alias.last or "")
        # "Dotty Quill" of Dorcas Quill, the nickname with her surname (not Tobiah Quill, whose "Tobs" it is)
        said = fold(mention.text.strip())
        same_surname = alias.first == said and any(alias.last in tokens[1:] for tokens in named.names)
        if alias.last and not false_name and not (cut or same_surname):
            # "Wera K." may be Wilhelmina Knotley's; "Wera Brinsley" is someone else, whose first name the lone
            # "Wera"s, the nickname the draft gives her, are not
            moved = [m for m in alias.mentions if " " not in m.text.strip() and fold(m.text.strip()) == said]
            # the pronoun is surely the named one's, and the paragraph names no one else the nickname's cluster holds
            if gender is not None and named.gender() == gender and alias not in candidates:
                _move(moved, alias, named, owner)
            continue
        _absorb(named, alias, owner)
        _settle_doubts(clusters, alias, named)  # a lone "Quill" of "Tobiah Quill" or his other name: his
    return [c for c in clusters if c.mentions]


_SENIOR_WORD = regex.compile(r"[ \t]+(?i:snr|senior|sr)\b\.?")
_JUNIOR_WORD = regex.compile(r"[ \t]+(?i:jnr|junior|jr)\b\.?")
_OLDER_EPITHETS = frozenset({"Big", "Old", "Auld"})
_YOUNGER_EPITHETS = frozenset({"Young", "Little", "Lil", "Wee", "Tiny"})


def _generation(text: str, mention: Mention) -> str | None:
    """ "senior" or "junior" where the draft marks which of a father and son of one name this is: "Michael Quill
    snr", "Tobiah Quill jnr", "Big Tobs", "Young Tobs"; None where it does not."""
    first = mention.text.split()[0] if mention.text.split() else ""
    if first in _OLDER_EPITHETS or _SENIOR_WORD.match(text, mention.end):
        return "senior"
    if first in _YOUNGER_EPITHETS or _JUNIOR_WORD.match(text, mention.end):
        return "junior"
    return None


def _generations_apart(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """A father and son of one name ("Tobiah Quill snr" and "Tobiah Quill jnr", "Big Tobs" and "Young Tobs") are
    two people: the mentions marked junior leave the cluster, with the initials-only person whose letters their
    epithet name spells ("YT" of "Young Tobs"); unmarked mentions stay with the elder."""
    out: list[Cluster] = []
    for cluster in clusters:
        marks = {id(m): _generation(text, m) for m in cluster.mentions}
        if cluster.label != "PERSON" or not {"senior", "junior"} <= set(marks.values()):
            out.append(cluster)
            continue
        young = [m for m in cluster.mentions if marks[id(m)] == "junior"]
        cluster.mentions = [m for m in cluster.mentions if marks[id(m)] != "junior"]
        out += [cluster, Cluster("PERSON", young, first=cluster.first, last=cluster.last)]
    junior_names = [m.text for c in out for m in c.mentions if _generation(text, m) == "junior" and " " in m.text]
    for letters in [c for c in out if c.mentions and all(_LETTERS.fullmatch(m.text.strip()) for m in c.mentions)]:
        spelled = {m.text.strip() for m in letters.mentions}
        owners = [c for c in out if c is not letters and any(
            m.text in junior_names and any(keys_the_name(word, m.text) for word in spelled) for m in c.mentions
        )]  # fmt: skip
        if len(owners) == 1:
            owners[0].mentions += letters.mentions
            letters.mentions = []
    return sorted((c for c in out if c.mentions), key=lambda c: c.start)


# a cell of quoted names only: '"Kobe"; "Brother Tobiah"'
_QUOTED_NAMES_CELL = regex.compile(r"(?:[\"“‘][^\"”’]{1,30}[\"”’][ \t]*(?:[;,/][ \t]*)?)+")


def _merge_names_a_row_gives(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """A family table's row gives one person's names: a quoted name in a column headed "Also known as" (or in a cell
    of quoted names only) is the person the row's first cell names in full: '| Tobiah Quill | ... | "Tobs" |'. In a
    table with a second column of names ("Name used in this report | Chinese name | Relationship"), every name in
    that column is the person the first cell names, quoted or not, in full or not."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    mentions = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for table in find_tables(text):
        names_column = table.column("known as", "nickname", "alias", "other name", "version", "recorded as", "spelling")
        second_names = _second_names_column(table)
        names_column = second_names if names_column is None else names_column
        for row in table.rows:
            first = [m for m in _within(mentions, starts, row[0].start, row[0].end)
                     if " " in m.text.strip() or second_names is not None]  # fmt: skip
            # the name the row leads with: 'Tobiah ("Toby") Quin' is Tobiah's row
            if not first or (len(first) > 1 and second_names is None) or owner[id(first[0])].ambiguous:
                continue
            named = owner[id(first[0])]
            for index, cell in enumerate(row[1:], 1):
                if index != names_column and not _QUOTED_NAMES_CELL.fullmatch(cell.text):
                    continue
                for mention in _within(mentions, starts, cell.start, cell.end):
                    alias = owner[id(mention)]
                    quoted = text[mention.start - 1 : mention.start] in "\"“‘" and mention.start > 0
                    # a full name only in the names column: '"Dorcas Smithers" (GP)' is a record's version of hers
                    full = " " in mention.text.strip()
                    if alias is named or alias.ambiguous or (full and index != names_column):
                        continue
                    if not quoted and index != second_names:
                        continue
                    said = fold(mention.text.strip())
                    _move([m for m in alias.mentions if fold(m.text.strip()) == said], alias, named, owner)
    return [c for c in clusters if c.mentions]


def _second_names_column(table: Table) -> int | None:
    """The column of other names a table gives each person ("Chinese name", "Name on records"), where the first
    column names them too."""
    if table.column("name") != 0:
        return None
    others = [i for i, cell in enumerate(table.header[1:], 1) if re.search(r"\bnames?\b", cell)]
    if len(others) != 1 or _NOT_A_PERSONS_NAME.search(table.header[others[0]]):
        return None
    return others[0]


_NOT_A_PERSONS_NAME = re.compile(r"\b(?:school|agency|organisation|service|gp|worker|professional|carer|file)")


def _within(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    return mentions[bisect_left(starts, start) : bisect_left(starts, end)]


def _move(moved: list[Mention], alias: Cluster, named: Cluster, owner: dict[int, Cluster]) -> None:
    """The ``moved`` mentions of ``alias`` become ``named``'s."""
    alias.mentions = [m for m in alias.mentions if m not in moved]
    named.mentions += moved
    for m in moved:
        owner[id(m)] = named


def _absorb(named: Cluster, alias: Cluster, owner: dict[int, Cluster]) -> None:
    """Every mention, title and name of ``alias`` becomes ``named``'s."""
    named.mentions += alias.mentions
    named.titles |= alias.titles
    named.names |= alias.names
    for m in alias.mentions:
        owner[id(m)] = named
    alias.mentions = []


def _other_middle_name(cluster: Cluster, tokens: Sequence[str]) -> bool:
    """ "Lok Sze Pheng" is not "Lok Yee Pheng": the same first name and surname around another full middle name
    (sisters with two-word given names), where the person is never written with this one."""
    middle = tuple(tokens[1:-1])
    if not middle or any(len(t) == 1 for t in middle):
        return False
    same_ends = [n for n in cluster.names if len(n) >= 3 and n[0] == tokens[0] and n[-1] == tokens[-1]]
    others = [n[1:-1] for n in same_ends if all(len(t) > 1 for t in n[1:-1])]
    return bool(others) and middle not in others


def _joined_pairs(tokens: Sequence[str]) -> set[str]:
    """Each two neighbouring words of a name written as one: "huimin" of ("hui", "min", "khoo")."""
    return {a + b for a, b in zip(tokens, tokens[1:], strict=False)}


def _cut_short(surname: str, written: str) -> bool:
    """``written`` is ``surname``'s opening cut short by a record ("Quel" of "Quellode"), no surname itself."""
    return (
        len(written) >= 2 and len(surname) > len(written) + 1 and fold(surname).startswith(fold(written))
        and not gazetteer().is_surname(written.title())
    )  # fmt: skip


def _same_name(a: Cluster, b: Cluster) -> bool:
    """ "L. Sachar" and "Lajita Sachar": same surname, and one first name is the other's initial."""
    return a.last == b.last and bool(a.first and b.first) and a.first[0] == b.first[0]


def _cluster_others(mentions: list[Mention], text: str = "") -> list[Cluster]:
    groups: dict[tuple[str, str], Cluster] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for mention in ordered:
        key = (mention.label, normalise(mention.text) or mention.text)
        groups.setdefault(key, Cluster(mention.label)).mentions.append(mention)
    # a short form in brackets right after the full name ("Quellfen Vale Hospital (QVH)", "... Regiment (1 R
    # QUELL)", '... Football Academy ("the Kestrels")') is that place or body wherever the draft uses it
    for named, short in zip(ordered, ordered[1:], strict=False):
        keys = [(m.label, normalise(m.text) or m.text) for m in (named, short)]
        bracketed = _SHORT_FORM_GAP.fullmatch(text, named.end, short.start) and _SHORT_FORM_CLOSE.match(text, short.end)
        if bracketed and named.label == short.label and keys[0] != keys[1] and keys[1] in groups:
            groups[keys[0]].mentions.extend(groups.pop(keys[1]).mentions)
    # A Welsh place mutated after a preposition ("yng Nghae'r Onnen") joins the place as named ("Cae'r Onnen").
    for label, norm in list(groups):
        first, _, rest = norm.partition(" ")
        for mutated in welsh_mutations(first.capitalize()):
            key = (label, f"{mutated.lower()} {rest}".strip())
            if key in groups and key != (label, norm) and (label, norm) in groups:
                groups[(label, norm)].mentions.extend(groups.pop(key).mentions)
    # A shortened name ("Oakfield Primary") joins the one longer name it begins ("Oakfield Primary School"); an
    # organisation's last word ("the Skillet") the one longer name it ends ("Copper Skillet").
    by_label: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for label, norm in groups:
        by_label[label].append((label, norm))
    for keys in by_label.values():
        for key in sorted(keys, key=lambda k: len(k[1])):
            longer = [k for k in keys if k != key and k in groups and _shortens(key, k[1])]
            if len(longer) == 1 and key in groups and len(key[1]) >= 4:
                groups[longer[0]].mentions.extend(groups.pop(key).mentions)
    # ... also where detection typed the short name as a body and the long one as what it is: "St Quellin's" of
    # "St Quellin's Primary School", "Quell Bank" of "Quell Bank Medical Practice"
    for key in [k for k in groups if k[0] == "ORGANISATION"]:
        longer = [k for k in groups if k[0] in _INSTITUTIONS and k[1].startswith(key[1] + " ")]
        if len(longer) == 1 and len(key[1]) >= 4:
            groups[longer[0]].mentions.extend(groups.pop(key).mentions)
    return list(groups.values())


_INSTITUTIONS = frozenset({"SCHOOL", "HOSPITAL", "GP_PRACTICE"})


_SHORT_FORM_GAP = re.compile(r"[ \t]*\([ \t]*(?:\d+[ \t]+|[\"“‘'][ \t]*(?:the[ \t]+)?|the[ \t]+[\"“‘'])?")
_SHORT_FORM_CLOSE = re.compile(r"[\"”’']?[ \t]*\)")


def _shortens(short: tuple[str, str], longer: str) -> bool:
    label, name = short
    return longer.startswith(name + " ") or (label == "ORGANISATION" and longer.endswith(" " + name))
