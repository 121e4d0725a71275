"""Social-media handles: "@kels_x99", "her Snapchat name was jwils_09", "known online as ems.xo22"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.recognizers.base import UkEntityRecognizer
from redact.lexicon import english_words, is_english_form
from redact.visible import writes_word

_PLATFORM = re.compile(
    r"\b(?:snapchat|snap|instagram|insta|tiktok|facebook|fb|twitter|threads|kik|whatsapp|discord|youtube"
    r"|telegram|twitch|reddit|roblox|xbox|playstation|psn|steam|onlyfans|tumblr|pinterest|yubo|tinder|grindr"
    r"|online|account|channel|username|profile|gamertag|gamer[ \t]?tag|screen[ \t]?name|handle)\b",
    re.IGNORECASE,
)
# Between the platform and the handle: "name was", "account called", "username:", "as", quotes.
_LEAD = re.compile(
    r"(?:\s+(?:live|network))?"  # "Xbox Live", "PlayStation Network"
    r"(?:\s+on\s+(?:[A-Z]\w*)(?:\s+(?:live|network))?)?"  # "his gamertag on Xbox Live was ..."
    r"(?:\s+(?:user\s*name|name|handle|account|profile|id|tag|gamertag|page|group|channel))?"
    r"(?:\s+(?:was|is|of|called|named|as|under|using|with|he|she|they|used|uses|went|goes|by))*"
    r"(?:\s+the\s+(?:name|handle|username))?"
    r"\s*[:\-–,]?\s*(?:\(?[\"'‘“`]|\()?",  # a backtick: Markdown sets a handle as code; '("QuillW74")'
    re.IGNORECASE,
)
_TOKEN = re.compile(r"@?[A-Za-z0-9][A-Za-z0-9_.]{1,29}")
_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<!\.)(?![\w@])")
# Letters with "_" or "." and a digit, as handles are made ("jwils_09", "ems.xo22"); not "v0.3" or "10.30".
_HANDLE_SHAPE = re.compile(r"(?<![\w@./\\-])[a-z][a-z0-9]*(?:[._][a-z0-9]+)+(?![\w@/\\-]|\.\w)")


# Small letters, a capital inside, digits at the end ("kazzaN96", "xxLilM4ya"): a made-up name, no English word
_CAMEL_DIGIT_HANDLE = re.compile(r"(?<![\w@./\\-])[a-z]{2,}[A-Z][A-Za-z]*\d{1,4}(?![\w@/\\-])")
# Digits for letters inside a word ("Gh0stQu1ll", "sn1per"): a gamer's tag, as no word or name is written
_LEET_HANDLE = re.compile(r"(?<![\w@./\\-])[A-Za-z]{2,}\d[A-Za-z]{2,}[A-Za-z0-9]*(?![\w@/\\-])")
# Words joined by "_", in any case ("lil_man_stoke", "Kaz_R0chy"): how handles are made, not English
_UNDERSCORE_HANDLE = re.compile(r"(?<![\w@./\\-])[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*(?![\w@/\\-])")

_DOTTED_HANDLE = re.compile(
    r"(?<![\w@./\\-])[a-z][a-z0-9_]{2,}(?:\.[a-z0-9_]+)*\.(?P<last>[a-z0-9_]+)(?![\w@/\\-]|\.\w)"
)
# what follows the last dot of a web address, an e-mail domain or a file name, never of a handle
_NOT_HANDLE_ENDINGS = frozenset(
    ["com", "org", "net", "uk", "gov", "nhs", "ac", "edu", "io", "info", "co", "pdf", "doc", "docx", "txt", "xls",
     "xlsx", "html", "htm", "jpg", "jpeg", "png", "csv", "zip", "eg", "ie", "etc", "am", "pm"]
)  # fmt: skip


_QUOTED_BEFORE_PLATFORM = re.compile(
    r"[\"'‘“](?P<handle>@?[A-Za-z0-9][A-Za-z0-9_.]{1,29})[\"'’”][ \t]+(?:on|via|from)[ \t]+" + _PLATFORM.pattern,
    re.IGNORECASE,
)


_AS_LETTERS = (str.maketrans("01345", "oleas"), str.maketrans("01345", "oieas"))


def _misread_word(token: str, text: str) -> bool:
    """Capitals only ("GP2GP", "REP0RT"), or, with its digits read as letters, an English word ("bel0w") or a
    word the draft writes elsewhere ("Qu1llode" of Quillode): a scan's misreading, no tag."""
    readings = [token.lower().translate(table) for table in _AS_LETTERS]
    return token.isupper() or any(is_english_form(r) or writes_word(text, r) for r in readings)


def _handle_like(token: str, quoted: bool) -> bool:
    body = token.lstrip("@").rstrip(".")
    letters = sum(c.isalpha() for c in body)
    if letters < 2 or body.lower().startswith(("www.", "http")):
        return False
    if token.startswith("@") or any(c in body for c in "_.0123456789"):
        return True
    word = body.lower()
    return quoted and word not in english_words() and word not in STOP_WORDS  # 'kazzab' in quotes


class SocialHandleRecognizer(UkEntityRecognizer):
    """Handles written with "@", named after a platform, or shaped like one (letters, "_" or ".", digits)."""

    ENTITY = "SOCIAL_HANDLE"

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterable[tuple[int, int, float]]:
        for match in _AT_HANDLE.finditer(text):
            yield match.start(), match.end(), 0.85
        for platform in _PLATFORM.finditer(text):
            lead = _LEAD.match(text, platform.end())
            token = _TOKEN.match(text, lead.end()) if lead else None
            quoted = lead is not None and re.search(r"[\"'‘“`]$", lead.group(0)) is not None
            if quoted and token and text[token.end() : token.end() + 1] == " ":
                continue  # 'Facebook page ("Ebun Quill")': a display name of words, no handle
            if token and _handle_like(token.group(0), quoted=quoted or lead.group(0).endswith("(")):
                yield token.start(), token.start() + len(token.group(0).rstrip(".")), 0.8
        for match in _QUOTED_BEFORE_PLATFORM.finditer(text):  # '"kitkatz09" on Snapchat'
            if _handle_like(match.group("handle"), quoted=True):
                yield *match.span("handle"), 0.8
        for match in _DOTTED_HANDLE.finditer(text):  # "bethyboo.x", "lev.bxrnes": letters joined by dots
            last = match.group("last").lower()
            if not last.isdigit() and last not in _NOT_HANDLE_ENDINGS and match.group(0).lower() not in ("e.g", "i.e"):
                yield match.start(), match.end(), 0.6
        for pattern in (_UNDERSCORE_HANDLE, _CAMEL_DIGIT_HANDLE, _LEET_HANDLE):
            for match in pattern.finditer(text):
                if pattern is _LEET_HANDLE and _misread_word(match.group(), text):
                    continue  # "bey0nd", "REP0RT": a scan's misreading of a word, no tag
                yield match.start(), match.end(), 0.6
        for match in _HANDLE_SHAPE.finditer(text):
            body = match.group(0)
            # "family.2": a footnote number after a full stop; "kmw.2004" is letters no word and a year
            footnote = re.fullmatch(r"([a-z]+)\.\d{1,3}", body)
            footnote = footnote and (is_english_form(footnote.group(1)) or footnote.group(1) in STOP_WORDS)
            if sum(c.isalpha() for c in body) >= 3 and any(c.isdigit() for c in body) and not footnote:
                yield match.start(), match.end(), 0.6
