"""Names written in another script: "Quin Mei-lan (伍美蘭)", "Ebun (এবুন)", "Dorka (Дорка)".

An English draft gives a family's names in their own script where records did, and rarely anything else in those
letters: a run of Han, kana, Hangul, Arabic, Bengali, Devanagari, Gurmukhi, Gujarati, Tamil, Thai, Ethiopic,
Cyrillic, Greek or Hebrew letters is read as a name (two letters at least, so that "β-blocker" is not one).
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer

_SCRIPTS = (
    r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Arabic}\p{Bengali}\p{Devanagari}\p{Gurmukhi}\p{Gujarati}"
    r"\p{Tamil}\p{Thai}\p{Ethiopic}\p{Cyrillic}\p{Greek}\p{Hebrew}"
)
_RUN = rf"[{_SCRIPTS}][{_SCRIPTS}\p{{M}}]+"
NATIVE_SCRIPT_NAME = rf"{_RUN}(?:[ \t·・‧]{_RUN})*"


class NativeScriptNameRecognizer(UkPatternRecognizer):
    """A name in the letters of another script."""

    ENTITY = "PERSON"
    PATTERNS = [Pattern("name in another script", NATIVE_SCRIPT_NAME, 0.6)]
