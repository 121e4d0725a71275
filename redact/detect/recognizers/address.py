"""Street addresses: a house or flat number with the street ("14 Rose Court", "Flat 3, 12 Rose Court")."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer

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
]
_ABBREVIATIONS = {"Rd", "St", "Cl", "Ct", "Ave", "Ln", "Dr", "Gdns", "Cres", "Pl", "Terr", "Gr", "Sq"}
STREET_TYPE = (
    r"(?:" + "|".join(sorted(STREET_TYPES, key=len, reverse=True)) + r")(?:(?<=" + r"|".join(_ABBREVIATIONS) + r")\.)?"
)
_TYPE_ANY_CASE = r"(?:" + STREET_TYPE + r"|(?i:" + STREET_TYPE + r"))"
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space, or one line break (PDF wrapping)
_WORD = r"(?:[A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*)"
_NAME = _WORD + r"(?:" + _SP + _WORD + r"){0,3}"
# A house number, not a year ("in 2019 Park Lane ..."): 1-4 digits, optional letter or range.
_NUMBER = r"(?<![\w/.,-])(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?(?:[ \t]?[-–][ \t]?\d{1,4}[A-Za-z]?)?"
_FLAT = r"(?:(?i:flat|apartment|apt\.?|unit|maisonette|room)[ \t]+\d{1,4}[A-Za-z]?,?" + _SP + r")"
_BUILDING = _NAME + _SP + r"(?:House|Court|Lodge|Mansions|Tower|Buildings|Apartments|Point|Block)," + _SP
_STREET = _NAME + _SP + _TYPE_ANY_CASE + r"(?![\w'’])"


class UkAddressRecognizer(UkPatternRecognizer):
    """Number + street name + street type, optionally after a flat (and building) part."""

    ENTITY = "ADDRESS"
    PATTERNS = [
        Pattern(
            "numbered street",
            r"(?:" + _FLAT + r"(?:" + _BUILDING + r")?)?" + _NUMBER + r",?" + _SP + _STREET,
            0.75,
        ),
        Pattern("flat in named building", r"(?<!\w)" + _FLAT + _STREET, 0.7),
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
