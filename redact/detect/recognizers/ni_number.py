"""National Insurance number: two prefix letters, six digits, a suffix letter."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer

# HMRC allocation rules (HMRC National Insurance Manual NIM39110): the first letter is not D, F, I,
# Q, U or V; the second is not D, F, I, O, Q, U or V; BG, GB, KN, NK, NT, TN and ZZ are never
# allocated; the suffix is A, B, C or D (or left off).
_ALLOCATED_PREFIX = r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
_DIGITS = r"\d{2}([ ]?)\d{2}\1\d{2}"
_BEFORE, _AFTER = r"(?<![\w-])", r"(?![\w-])"


class UkNiNumberRecognizer(UkPatternRecognizer):
    """NI numbers. A number that follows HMRC's allocation rules scores high; the same shape with an
    unallocated prefix or suffix (the QQ/ZZ specimens and test numbers, or a mistyped real one) still
    scores enough to be redacted, since failing closed costs less than leaking a real number. Without
    a suffix letter an allocated prefix still passes; an unallocated one needs a context word ("NI")."""

    ENTITY = "NI_NUMBER"
    PATTERNS = [
        Pattern("nino allocated", _BEFORE + _ALLOCATED_PREFIX + " ?" + _DIGITS + " ?[A-D]" + _AFTER, 0.85),
        Pattern("nino allocated without suffix", _BEFORE + _ALLOCATED_PREFIX + " ?" + _DIGITS + _AFTER, 0.55),
        Pattern("nino shape", _BEFORE + r"[A-Z]{2} ?" + _DIGITS + r" ?[A-Z]" + _AFTER, 0.6),
        Pattern("nino shape without suffix", _BEFORE + r"[A-Z]{2} ?" + _DIGITS + _AFTER, 0.35),
    ]
    CONTEXT = ["ni", "nino", "insurance"]
