"""UK postcode: outward code (area + district) and inward code (sector + unit)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer

# Royal Mail structure (PAF programmers' guide): the area's first letter is not Q, V or X, its second
# not I, J or Z; a letter after the district digit is one of A-H J K P S T U W (A9A) or A B E H M N P
# R V W X Y (AA9A); the inward code is a digit and two letters other than C I K M O V.
_OUTWARD = r"(?:[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY]|[A-PR-UWYZ][A-HK-Y]?\d{1,2})"
_INWARD = r"\d[ABD-HJLNP-UW-Z]{2}"
POSTCODE = r"(?:GIR ?0AA|" + _OUTWARD + r" ?" + _INWARD + ")"
_EDGE_BEFORE = r"(?<![A-Za-z0-9])"
_EDGE_AFTER = r"(?![A-Za-z0-9])"


class UkPostcodeRecognizer(UkPatternRecognizer):
    """Postcodes, with or without the space. Shapes that break Royal Mail's letter rules are still
    found when written with the space, at a lower score (recall first)."""

    ENTITY = "POSTCODE"
    PATTERNS = [
        Pattern("postcode", _EDGE_BEFORE + POSTCODE + _EDGE_AFTER, 0.85),
        # "HR6<LINE BREAK>8QW": a long line wrapped between the outward and the inward code
        Pattern("postcode across a line break", _EDGE_BEFORE + _OUTWARD + r"[ \t]*\n[ \t]*" + _INWARD + _EDGE_AFTER,
                0.8),
        Pattern("postcode shape", _EDGE_BEFORE + r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}" + _EDGE_AFTER, 0.55),
    ]
    CONTEXT = ["postcode", "address", "live", "lived", "living", "resided", "moved"]
