"""NHS number: ten digits, written 3-3-4 with spaces, dashes or nothing, with a mod-11 check digit."""

from __future__ import annotations

from presidio_analyzer import Pattern
from stdnum.gb import nhs

from redact.detect.recognizers.base import UkPatternRecognizer


class UkNhsNumberRecognizer(UkPatternRecognizer):
    """NHS numbers whose check digit is right.

    The check (NHS Data Dictionary, "NHS Number"): weight the first nine digits 10, 9, ..., 2, sum,
    take the remainder mod 11; the check digit is 11 minus it (11 -> 0, 10 -> invalid). python-stdnum's
    ``stdnum.gb.nhs`` implements exactly this, so we use it.
    """

    ENTITY = "NHS_NUMBER"
    PATTERNS = [
        Pattern("nhs 3-3-4", r"(?<![\w/.-])\d{3}([ -]?)\d{3}\1\d{4}(?![\w/]|[.-]\d)", 0.75),
        # a wrapped line may part the groups: "NHS number 401<LINE BREAK>882 3568"
        Pattern(
            "nhs 3-3-4, wrapped",
            r"(?<![\w/.-])\d{3}(?:[ ]?\n[ ]?\d{3} |[ ]\d{3}[ ]?\n[ ]?)\d{4}(?![\w/]|[.-]\d)",
            0.75,
        ),
    ]
    CONTEXT = ["nhs", "number", "patient", "health"]

    def is_valid(self, text: str) -> bool:
        return nhs.is_valid("".join(text.split()))


class LabelledNhsNumberRecognizer(UkPatternRecognizer):
    """Ten digits written 3-3-4 right after the words "NHS number" ("NHS No.", "NHS numbers A and B", "NHS number
    is"): the draft says what they are, so a wrong check digit (a typing slip, a made-up test number) does not let
    them through."""

    ENTITY = "NHS_NUMBER"
    PATTERNS = [
        Pattern(
            "labelled nhs 3-3-4",
            # "| NHS no. | 401 ...", a table's "NHS number: | 401 ..." too
            # "NHS number for Ebun: 401 ...": whose, between the label and the number
            r"(?<=(?i:\bNHS[ \t]*(?:numbers?|nos?\.?|num|#)?)"
            r"(?:[ \t]+for[ \t]+\p{Lu}[\w'’-]*(?:[ \t]+\p{Lu}[\w'’-]*)?)?"
            r"(?:[ \t]*\([^()\n]{1,30}\))?"  # "NHS number (Baby T): 401 ...": whose, in brackets
            r"[ \t]*(?:[:(=|,-][ \t]*){0,2}"  # "The NHS number, 401 ..., was correct"
            # "His NHS number is 401 ...", "gives his NHS number as<LINE BREAK>401 ..."
            r"(?:(?i:is|was|are|were|reads|as|given[ \t]+as|recorded[ \t]+as)[ \t]*\n?[ \t]*)?"
            r"(?:\d{3}[ -]?\d{3}[ -]?\d{4}[ \t]*(?:,|(?i:and|or)|&)[ \t]*)*)"  # "NHS numbers 999 ... and 999 ..."
            r"\d{3}([ -]?)\d{3}\1\d{4}(?![\w/]|[.-]\d)",
            0.75,
        ),
    ]
