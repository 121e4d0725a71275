"""How a published file can hide an identifier from a plain search, and the text and patterns that still find it.

* Invisible characters inside a word: zero-width spaces and joiners, the word joiner, a byte-order mark,
  soft hyphens, and the marks PDFium gives for a soft hyphen where a line broke (U+FFFE, U+0002).
* Markdown emphasis and code marks inside a phrase ("**Ashton** Royal").
* Compatibility forms: full-width letters and digits, ligatures, non-breaking spaces (Unicode NFKC).
* A word hyphenated across a line end, and any run of whitespace.
* E-mail addresses written to dodge harvesters: "jo(at)example(dot)org", "jo at example dot org".
* Telephone numbers in national or international form: "07700 900123", "+44 (0)7700 900123", "0044 7700 …".
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from redact.visible import INVISIBLE_RUN

_MARKDOWN_EMPHASIS = re.compile(r"\*+|`+")
_HYPHEN_BREAK = re.compile(r"(\w)-\s+(\w)")
_WHITESPACE = re.compile(r"\s+")
_SEPARATORS = r"[\s\-./()]*"
_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*\.\s*|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"


# a character the PDF's font has no glyph for, which reportlab draws as a box and PDFium reads back as one:
# "Kay■den" (a zero-width space in "Kayden") is still "Kayden" to a reader
_MISSING_GLYPH = re.compile(r"(?<=\w)[\u25a0\ufffd]+(?=\w)")


def searchable(text: str) -> str:
    """``text`` with invisible characters (and boxes for missing glyphs inside a word) and Markdown's "*" and "`"
    gone, NFKC forms, words hyphenated across lines joined and whitespace runs folded to one space: what a reader
    sees, as one line."""
    text = _MISSING_GLYPH.sub("", INVISIBLE_RUN.sub("", text))
    text = unicodedata.normalize("NFKC", _MARKDOWN_EMPHASIS.sub("", text))
    return _WHITESPACE.sub(" ", _HYPHEN_BREAK.sub(r"\1\2", text))


def bounded(body: str) -> str:
    """``body`` as a whole word; a name may carry a footnote number glued on ("McBride4"), a number may not
    run on into more digits."""
    return rf"(?<![\w]){body}(?![^\W\d_])(?!(?<=\d)\d)"


def identifier_pattern(text: str) -> str:
    """A postcode, reference or number: its letters and digits with any separators or none between them."""
    return bounded(_SEPARATORS.join(re.escape(c) for c in text if c.isalnum()))


def email_pattern(address: str) -> str | None:
    """The address with "@" and dots written in any of the usual disguises; None if it is no address."""
    local, at, domain = address.strip().partition("@")
    if not at or not local or "." not in domain:
        return None

    def spelt(part: str) -> str:
        return _DOT.join(re.escape(piece) for piece in part.split("."))

    return bounded(spelt(local) + _AT + spelt(domain))


def national_digits(number: str) -> tuple[str, str] | None:
    """The number's country code and national significant digits ("44", "1174960203"), if libphonenumber reads
    it as a number of six digits or more."""
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return None
    national = phonenumbers.national_significant_number(parsed)
    return (str(parsed.country_code), national) if len(national) >= 6 else None


def phone_pattern(number: str) -> str | None:
    """The number's digits after its national trunk "0" or its international prefix ("+44", "0044",
    "+44 (0)"), or after nothing; None if libphonenumber cannot read it as a number."""
    digits = national_digits(number)
    if digits is None:
        return None
    country, national = digits
    prefix = rf"(?:(?:\+|00)\s*{country}\s*(?:\(\s*0\s*\)\s*)?|0\s*)?"
    return bounded(prefix + _SEPARATORS.join(national))
