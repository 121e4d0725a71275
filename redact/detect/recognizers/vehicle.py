"""UK vehicle registration marks (DVLA formats since 1903)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer

# Current format (2001-): two region letters (not I, Q, Z first), two age digits, three random
# letters. The DVLA issues no I or Q there, but a witness's or a typist's plate may hold one ("KD61 QIX") and
# still names the car. Older: prefix (A123 BCD, 1983-2001) and suffix (ABC 123D, 1963-1983).
_CURRENT = r"[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[1-9]\d)"
_RANDOM = r"[A-Z]{3}"
# the opening of a plate a witness caught: its region letters and one or both age digits ("KX6", "KX61", "KX61Q")
_PARTIAL = r"[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[1-9]\d?)[A-Z]{0,2}"
# a plate word, then within the clause what the plate starts with: "reg partly seen: starts KX6"
_STARTS_CUE = (
    r"(?i:\b(?:reg(?:istration)?|plate|index|vrm)\b[^\n.;]{0,40}?\b(?:starts?|starting|begins?|beginning|began)"
    r"(?:[ \t]+with)?)"
)
_B, _E = r"(?<![\w-])", r"(?![\w-])"


class UkVehicleRegistrationRecognizer(UkPatternRecognizer):
    """Registration marks. Only the current format written with its space scores enough alone; the
    unspaced and older formats need a context word ("car", "vehicle", "registration" ...)."""

    ENTITY = "VEHICLE_REG"
    PATTERNS = [
        Pattern("current format", _B + _CURRENT + " " + _RANDOM + _E, 0.6),
        Pattern("current format, wrapped", _B + _CURRENT + r"[ \t]*\n[ \t]*" + _RANDOM + _E, 0.6),  # "LF62<BREAK>WKN"
        Pattern("current format unspaced", _B + _CURRENT + _RANDOM + _E, 0.3),
        # what a witness caught of a plate, its missing letters dotted: 'part reg "WD13.."'
        Pattern("partial current format", _B + _CURRENT + r"(?=\.{2,}|…|\*{2,})", 0.6),
        # 'part reg. "WD08"', "partial plate WD13", 'part of a registration, "WD08 something"': the first half the cue
        # says is part of a plate
        Pattern(
            "partial current format after a cue",
            r"(?<=(?i:\bpart(?:ial)?(?:[ \t]+of(?:[ \t]+(?:a|the|his|her|its))?)?[ \t]+(?:reg(?:istration)?\.?|plate|"
            r"index)(?:[ \t]+(?:no\.?|number))?)[ \t]*[,:]?[ \t]*[\"“‘']?[ \t]*)" + _PARTIAL + _E,
            0.6,
        ),
        Pattern(
            "partial plate after what it starts with",
            r"(?<=" + _STARTS_CUE + r"[ \t]*[:\"“‘']?[ \t]*)" + _PARTIAL + _E,
            0.6,
        ),
        # a plate of any country after the word for it: "on Romanian plates, BV 21 MRD", "registration: CJ-07-XYZ"
        Pattern(
            "plate after its word",
            r"(?<=(?i:\b(?:plates?|registration|reg\.?|vrm)[ \t]*[,:]?[ \t]+))"
            r"[A-Z]{1,3}[ -]?\d{1,4}[ -]?[A-Z]{1,3}" + _E,
            0.6,
        ),
        Pattern("prefix format", _B + r"[A-HJ-NP-Y]\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}" + _E, 0.25),
        Pattern("suffix format", _B + r"[A-HJ-PR-Y][A-HJ-PR-Z]{2} ?\d{1,3}[A-HJ-NP-Y]" + _E, 0.25),
    ]
    CONTEXT = [
        "registration", "reg", "registered", "vehicle", "car", "van", "vrm", "plate", "plates", "index",
        "anpr", "drove", "driving", "driven", "motorbike", "motorcycle", "taxi", "lorry",
    ]  # fmt: skip
