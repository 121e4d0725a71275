"""Street addresses: a house or flat number with the street ("14 Rose Court", "Flat 3, 12 Rose Court")."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.recognizers.base import UkPatternRecognizer, recognizer_result
from redact.detect.recognizers.postcode import POSTCODE

# Thoroughfare words used in UK street names (Royal Mail PAF thoroughfare descriptors and common
# endings of named developments), with their usual abbreviations.
STREET_TYPES = [
    "Road",
    "Rd",
    "Street",
    "St",
    "Close",
    "Cl",
    "Court",
    "Ct",
    "Avenue",
    "Ave",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Way",
    "Gardens",
    "Gdns",
    "Crescent",
    "Cres",
    "Place",
    "Pl",
    "Terrace",
    "Terr",
    "Grove",
    "Gr",
    "Walk",
    "Row",
    "Mews",
    "Square",
    "Sq",
    "Hill",
    "Park",
    "Rise",
    "View",
    "Green",
    "Parade",
    "Vale",
    "Meadow",
    "Meadows",
    "Fields",
    "Field",
    "Croft",
    "Wharf",
    "Yard",
    "Chase",
    "Gate",
    "Gateway",
    "Boulevard",
    "Circus",
    "Esplanade",
    "Embankment",
    "Promenade",
    "Quay",
    "Heights",
    "Bank",
    "End",
    "Approach",
    "Broadway",
    "Causeway",
    "Dene",
    "Drove",
    "Garth",
    "Glade",
    "Glen",
    "Grange",
    "Ride",
    "Villas",
    "Mount",
    "Orchard",
    "Orchards",
    "Paddock",
    "Pastures",
    "Copse",
    "Cottages",
    "Buildings",
    "Brow",
    "Wynd",
    "Loke",
    "Path",
    "Spur",
    "Circle",
    "Oval",
    "Nook",
    "Dale",
    "Leys",
    "Holt",
    "Wood",
    "Woods",
    "Hollow",
    "Ridge",
    "Side",
    "Lea",
    "Fold",
    "Drift",
    "Wharf",
    "Lonning",
]
_ABBREVIATIONS = {"Rd", "St", "Cl", "Ct", "Ave", "Ln", "Dr", "Gdns", "Cres", "Pl", "Terr", "Gr", "Sq"}
# "Quell Hse" for "Quell House", "Pelbury Rd" for "Pelbury Road": each type's usual abbreviation
# (it follows the type in STREET_TYPES), and a building's
TYPE_ABBREVIATIONS = {
    **{full: short for full, short in zip(STREET_TYPES, STREET_TYPES[1:], strict=False) if short in _ABBREVIATIONS},
    "House": "Hse",
}
STREET_TYPE = (
    r"(?:" + "|".join(sorted(STREET_TYPES, key=len, reverse=True)) + r")(?:(?<=" + r"|".join(_ABBREVIATIONS) + r")\.)?"
)
_TYPE_ANY_CASE = r"(?:" + STREET_TYPE + r"|(?i:" + STREET_TYPE + r"))"
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space, or one line break (PDF wrapping)
_WORD = r"(?:[A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*)"
_NAME = _WORD + r"(?:" + _SP + _WORD + r"){0,3}"
# A house number, not a year ("in 2019 Park Lane ...") nor the number of something else ("Year 9, Oakwood
# Park Academy", "Ward 7, Hill House"): 1-4 digits, optional letter or range.
_NUMBERED_THINGS = r"year|ward|room|bed|bay|page|stage|section|para|paragraph|appendix|table|figure|chapter|step|level"
_NUMBER = (
    rf"(?<![\w/.,-])(?<!(?i:\b(?:{_NUMBERED_THINGS}))[ \t])(?!(?:19|20)\d\d\b)"
    r"\d{1,4}[A-Za-z]?(?:[ \t]?[-–][ \t]?\d{1,4}[A-Za-z]?)?"
)
_FLAT = r"(?:(?i:flat|apartment|apt\.?|unit|maisonette|room)" + _SP + r"\d{1,4}[A-Za-z]?,?" + _SP + r")"
BUILDING_TYPES = [
    "House", "Court", "Lodge", "Mansions", "Tower", "Towers", "Buildings", "Apartments", "Point", "Block", "Hall",
    "Heights", "Cottages", "Cottage", "Villas", "Flats", "Farm", "Barn", "Chambers", "Wharf",
]  # fmt: skip
BUILDING_TYPE = r"(?:" + "|".join(sorted(BUILDING_TYPES, key=len, reverse=True)) + r")"
# A name must not open with a sentence word ("When Heddon House ..."): its first word is no stop word.
_CALENDAR_WORDS = [calendar.day_name[i] for i in range(7)] + [calendar.month_name[i] for i in range(1, 13)]
_NOT_STOP_WORD = (
    r"(?!(?i:" + "|".join(sorted(STOP_WORDS, key=len, reverse=True)) + r")(?![\w'’-]))"
    r"(?!(?:" + "|".join(_CALENDAR_WORDS) + r")(?![\w'’-]))"
)
_BUILDING = _NAME + _SP + BUILDING_TYPE + r"," + _SP
# "Ryburn Park" of "moved to Ryburn Park Girls' School": a street-like name that goes on into a place's name
_INSTITUTION_AFTER = (
    r"(?![ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:School|Academy|College|Nursery|Pre-School|Primary|Infants|Juniors|"
    r"Hospital|Surgery|Practice|Health|Medical|Clinic|Centre|Church|Mosque|Leisure|Community|Children['’]s)(?![\w'’]))"
)
# "Quellbury St Agatha", "Stoke St Gregory": "St" before a name is a saint's, a village's name, not a street's
_NOT_A_SAINT = r"(?!(?<=(?<![\w'’])(?i:st))[ \t]+\p{Lu}\p{Ll})"
_STREET = _NAME + _SP + _TYPE_ANY_CASE + r"(?![\w'’])" + _NOT_A_SAINT + _INSTITUTION_AFTER
# Street types that name a street and little else; "Park", "Green", "Court", "Hill" also name other places.
STRONG_STREET_TYPES = [
    "Road", "Rd", "Street", "Lane", "Avenue", "Ave", "Close", "Drive", "Crescent", "Terrace", "Grove", "Gardens",
    "Mews", "Place", "Walk", "Row", "Square", "Way", "Parade", "Fold", "Drift",
    "Drove", "Wynd", "Loke", "Lonning", "Boulevard", "Esplanade", "Promenade",  # regional and seafront streets
]  # fmt: skip
_STRONG_STREET = (
    _NOT_STOP_WORD
    + _NAME
    + r"(?:[ \t]+|[ \t]*\n[ \t]*)(?:"  # "Broad<LINE BREAK>Street": a wrapped line parts a street name
    + "|".join(sorted(STRONG_STREET_TYPES, key=len, reverse=True))
    + r"|St(?![ \t]+\p{Lu})"  # "on Wharf St.": "St" after a name is a street, before one a saint ("St Helens")
    + r")(?![\w'’])"
    + _INSTITUTION_AFTER
)
_RESIDENCE_CUE = (
    r"(?<=\b(?i:lived|living|lives|live|resided|residing|resides|moved|moving|moves|relocated|relocating|staying|"
    r"stayed|stays|housed|rehoused|accommodated|placed|address|tenancy|property|home|flat|house)"
    r"(?:[ \t]+(?i:back|back[ \t]+home))?[ \t]+(?i:on|to|at|in|into|onto|from)[ \t]+"
    r"(?:(?i:a|the)[ \t]+(?i:flat|house|property|maisonette|bungalow)[ \t]+(?i:on|in)[ \t]+)?)"
)
_HOUSING_WORD = (
    r"(?i:accommodation|hostel|refuge|B&B|bed[ \t]+and[ \t]+breakfast|supported[ \t]+housing|lodgings|shelter)"
)
_NOT_A_COURT = r"(?<!(?i:crown|magistrates['’]?|county|family|coroner['’]?s|youth|high|appeal|district)[ \t]Court)"
_AT_CUE = (
    r"(?<=\b(?i:at|on|off|near|along|outside|opposite|behind|from|to|into|down|up|past|beyond|via|meets|joins|"
    r"(?:end|foot|top|bottom|corner|junction|length|far[ \t]+end)[ \t]+of)[ \t]+(?:(?i:the)[ \t]+)?)"
)  # "at the end of Stangate Lane", "where it meets Drovers' Lane"
_IN_CUE = r"(?<=\b(?i:in|as)[ \t]+)"  # "in Broad Street", "address as Mill Lane"; not "in the same Way"
# "Spotless Valeting, Kilburn Road, ...", "| Larchmere Drive, Town F |": a street between commas or opening a cell
_LIST_CUE = r"(?<=(?:^|,|\||\t)[ \t]*)"


class UkAddressRecognizer(UkPatternRecognizer):
    """Number + street name + street type, optionally after a flat (and building) part; a building
    with its street; a street after "lived on", "moved to", "at"; and the house, building and street
    lines of an address laid out one part a line above a postcode, as in a letter."""

    ENTITY = "ADDRESS"
    LETTER_LINE_SCORE = 0.75
    PATTERNS = [
        Pattern(
            "numbered street",
            r"(?:" + _FLAT + r"(?:" + _BUILDING + r")?)?" + _NUMBER + r",?" + _SP + _STREET,
            0.75,
        ),
        Pattern("flat in named building", r"(?<!\w)" + _FLAT + _STREET, 0.7),
        Pattern("flat in building", r"(?<!\w)" + _FLAT + _NAME + _SP + BUILDING_TYPE + r"(?![\w'’])", 0.7),
        Pattern(
            "building and street",
            r"(?<![\w'’])"
            + _NOT_STOP_WORD
            + r"(?:"
            + _FLAT
            + r")?"
            + _BUILDING
            + r"(?:"
            + _NUMBER
            + r",?"
            + _SP
            + r")?"
            + _STREET,
            0.7,
        ),
        Pattern("street after residence word", _RESIDENCE_CUE + _NOT_STOP_WORD + _STREET, 0.7),
        # "Flat 3, 14 Kirkgate": a flat and a house number make an address whatever the street is called
        Pattern("flat and number, any street", r"(?<!\w)" + _FLAT + _NUMBER + r",?" + _SP + _NAME, 0.75),
        # "14 Kirkgate, Wetherby LS22 6XX": a number and a name before a postcode on the same line
        Pattern("number and street before postcode",
                _NUMBER + r",?[ \t]+" + _NAME + r"(?=,?[ \t]+(?:" + _WORD + r",?[ \t]+){0,2}" + POSTCODE + r")", 0.7),
        # "Quellside Walk, Wetherby LS22 6XX": a street with no number before a postcode, as a letterhead gives it
        Pattern("street before postcode",
                _NOT_STOP_WORD + _STREET + r"(?=,?[ \t]+(?:" + _WORD + r",?[ \t]+){0,2}" + POSTCODE + r")", 0.7),
        # "the Belton Lane address", "the Orchard Way property": a street used to locate the family
        Pattern("street before address word",
                _NOT_STOP_WORD + _STREET + r"(?=[ \t]+(?i:address|property|flat|house|home|tenancy|bungalow))", 0.7),
        Pattern("street after at or on", _AT_CUE + _STRONG_STREET, 0.72),  # above a model's "Lane" of "Drovers' Lane"
        Pattern("street after in or as", _IN_CUE + _STRONG_STREET, 0.6),
        # a record's shorthand, with no preposition: "lives Mardon Street", "resides: Copley Road"
        Pattern("street right after a residence verb",
                r"(?<=\b(?i:lives|lived|living|resides|resided|residing)[ \t]*:?[ \t]+)" + _STRONG_STREET, 0.6),
        Pattern("street in a list or cell", _LIST_CUE + _STRONG_STREET + r"(?=[ \t]*(?:[,.;)|\t\n]|$))", 0.6),
        # "Unit 6, Quellside Trading Estate": an industrial unit, where a child was found working or kept
        Pattern("unit on an estate",
                r"(?<![\w'’-])(?i:unit)" + _SP + r"\d{1,4}[A-Za-z]?,?" + _SP + _NAME + _SP
                + r"(?:Trading|Industrial|Business|Retail|Enterprise)" + _SP + r"(?:Estate|Park|Centre)", 0.7),
        # "Plot 12", "Pitch 3": a family's place on a Traveller site or caravan park; "Flat 14" of a known block
        Pattern("plot, pitch or flat", r"(?<![\w'’-])(?:Plot|Pitch|Flat)[ \t]+\d{1,3}[A-Za-z]?(?![\w/-]|\.\d)", 0.6),
        # ... in running prose after where a family is: "their caravan on pitch 9", "she rang from plot 31"
        Pattern("plot or pitch after on, at or from",
                r"(?:(?<=\bon )|(?<=\bat )|(?<=\bfrom )|(?<=\bonto )|(?<=\bto ))(?:plot|pitch)[ \t]+\d{1,3}[A-Za-z]?"
                r"(?![\w/-]|\.\d)", 0.6),
        # "Pitches 4, 5 and 6 are occupied by the family": a family's several pitches on one site
        Pattern(
            "plots or pitches",
            r"(?<![\w'’-])(?:Plots|Pitches)[ \t]+\d{1,3}(?:,[ \t]*\d{1,3})*[ \t]+(?:and|&)[ \t]+\d{1,3}\b",
            0.6,
        ),
        # "temp accommodation (Tarnmoor House)", "refuge: Quellmoor Lodge": a building a housing word names
        Pattern("building after a housing word",
                r"(?<=\b" + _HOUSING_WORD + r"[ \t]*(?:\(|:|[-–][ \t])[ \t]*)" + _NOT_STOP_WORD + _NAME + _SP
                + BUILDING_TYPE + r"(?![\w'’])" + _NOT_A_COURT, 0.6),
        # "lived at Calverley House", "taken to Vinehurst Farm": a named building where someone lives or is
        Pattern("building after at or a residence word",
                r"(?:" + _AT_CUE + r"|" + _RESIDENCE_CUE + r")" + _NOT_STOP_WORD + _NAME + _SP + BUILDING_TYPE
                + r"(?![\w'’])" + _NOT_A_COURT, 0.6),
    ]
    CONTEXT = [
        "address",
        "live",
        "lived",
        "living",
        "resided",
        "moved",
        "home",
        "flat",
        "property",
        "tenancy",
    ]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        lines = [line for line in letter_address_lines(text) if line.kind == "street"]
        return results + [recognizer_result(self, line.start, line.end, self.LETTER_LINE_SCORE) for line in lines]


@dataclass(frozen=True)
class AddressLine:
    start: int
    end: int
    kind: str  # "street" (flat, house, building or street line) or "town" (town or county line)


_LINE = regex.compile(r"[^\n]+")
_POSTCODE_LINE = regex.compile(r"[ \t]*(?:[A-Z][^\n,]*?,?[ \t]+)?" + POSTCODE + r"[ \t]*[,.]?[ \t]*")
_STREET_LINE = regex.compile(
    r"(?i:flat|apartment|apt\.?|unit|maisonette)[ \t]+\d{1,4}[A-Za-z]?"
    r"|(?:"
    + _FLAT
    + r")?(?:"
    + _NUMBER
    + r",?[ \t]+)?"
    + _NAME
    + r"[ \t]+(?:"
    + _TYPE_ANY_CASE
    + r"|"
    + BUILDING_TYPE
    + r")(?![\w'’])"
    + _NOT_A_SAINT
    + r"(?:,[ \t]*(?:"
    + _NUMBER
    + r",?[ \t]+)?"
    + _STREET
    + r")?"
    + r"|" + _NUMBER + r",?[ \t]+" + _NAME  # "41 Wormgate": a house number and a street named without a type
)
_PLACE_LINE = regex.compile(_WORD + r"(?:[ \t]+" + _WORD + r"){0,2}")
MAX_ADDRESS_LINES = 5


def letter_address_lines(text: str) -> Iterator[AddressLine]:
    """An address laid out one part a line above a postcode line, as in a letter: its flat, house,
    building and street lines and, below them, its town and county lines. The name line above ends it."""
    lines = list(_LINE.finditer(text))
    for index, line in enumerate(lines):
        if not _POSTCODE_LINE.fullmatch(line.group(0)):
            continue
        found: list[AddressLine] = []
        for previous in reversed(lines[max(0, index - MAX_ADDRESS_LINES) : index]):
            body = previous.group(0).strip().rstrip(",")
            start = previous.start() + previous.group(0).find(body)
            streets = any(a.kind == "street" for a in found)
            if _STREET_LINE.fullmatch(body):
                found.append(AddressLine(start, start + len(body), "street"))
            elif not streets and _PLACE_LINE.fullmatch(body) and body.split()[0].lower() not in STOP_WORDS:
                found.append(AddressLine(start, start + len(body), "town"))
            else:
                break
        if any(a.kind == "street" for a in found):
            yield from found
