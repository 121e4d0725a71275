"""Place names that spaCy's small model misses: housing estates and English town-like names."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.gazetteer import (
    CALENDAR_WORDS,
    country_names,
    fold,
    gazetteer,
    is_well_known_place,
    ordinary_lower_words,
    uk_places,
    uk_towns,
    world_towns,
)
from redact.detect.keep import Vocabulary, after_title, vocabulary
from redact.detect.recognizers.address import (
    BUILDING_TYPE,
    STREET_TYPE,
    STREET_TYPES,
    STRONG_STREET_TYPES,
    letter_address_lines,
)
from redact.detect.recognizers.base import UkEntityRecognizer, UkPatternRecognizer, recognizer_result
from redact.detect.recognizers.postcode import POSTCODE
from redact.lexicon import english_words, is_english_form

GENERIC_ESTATE_WORDS = {
    "council",
    "housing",
    "local",
    "authority",
    "social",
    "industrial",
    "trading",
    "business",
}

# any script: "Wrocław", "Iași"; an apostrophe inside ("Cae'r"), not a closing quote ("out of 'Quellford'")
_WORD = r"\p{Lu}[\p{Ll}\p{M}]+(?:['’][\p{Ll}\p{M}]+)*(?:-[\p{L}\p{M}]+(?:['’][\p{Ll}\p{M}]+)*)*"
# Common endings of English place names (Old English and Norse elements: -ton, -ham, -by ...).
TOPONYM_ENDINGS = [
    "town",
    "ton",
    "ham",
    "field",
    "ford",
    "bury",
    "borough",
    "brough",
    "burgh",
    "by",
    "caster",
    "cester",
    "chester",
    "mouth",
    "pool",
    "port",
    "wich",
    "wick",
    "worth",
    "ley",
    "leigh",
    "stead",
    "minster",
    "bridge",
    "combe",
    "dale",
    "gate",
    "haven",
    "hurst",
    "more",
    "thorpe",
    "well",
    "wood",
    "don",
    "den",
    "stow",
    "stoke",
    "church",
    "cliffe",
    "sea",
    "head",
    "holme",
    "hale",
    "moor",
    "ness",
    "wold",
    "cote",
    "cott",
]
_TOWN = _WORD + r"(?:[ \t]+" + _WORD + r"){0,2}"
_TOPONYM = r"[A-Z][a-z]+(?:" + "|".join(sorted(TOPONYM_ENDINGS, key=len, reverse=True)) + r")"
_LOCATIVE = (
    r"(?<=\b(?:in|to|from|near|around|outside|towards|into|across|between|within|of)[ \t]+"
    r"(?:the[ \t]+)?(?:(?:town|village|city|area|district|borough)[ \t]+of[ \t]+)?)"
)


class EstateRecognizer(UkPatternRecognizer):
    """The name of a housing or industrial estate: "the Meadows estate" -> "Meadows", "the Earlsmoor industrial
    estate" -> "Earlsmoor"."""

    ENTITY = "LOCATION"
    CUE = r"(?:(?:industrial|trading|business|housing|council)[ \t]+)?estates?"
    PATTERNS = [  # the cue may open the next line of a wrapped paragraph: "on the Thornlea<BREAK>estate"
        Pattern(
            "estate name", _WORD + r"(?:[ \t]+" + _WORD + rf"){{0,2}}(?=(?:[ \t]+|[ \t]*\n[ \t]*)(?i:{CUE})\b)", 0.75
        ),
        # named in brackets after it: "the estate where the family lived (Quarryside Green)", "a village (Long Acre)"
        Pattern(
            "estate name in brackets",
            rf"(?<=\b(?i:{CUE}|village|hamlet)\b[^()\n.;]{{0,40}}\([ \t]*)" + _TOWN + r"(?=[ \t]*\))",
            0.75,
        ),
    ]

    def is_valid(self, text: str) -> bool:
        words = text.lower().split()
        possessive = text.endswith(("'s", "’s", "s'", "s’"))  # "the Board's area", "the Residents' site"
        known = all(vocabulary().is_vocabulary_word(word) for word in text.split())  # "Hawthorn Rise" is a name
        return words[0] not in STOP_WORDS and not set(words) & GENERIC_ESTATE_WORDS and not possessive and not known


class DistrictRecognizer(EstateRecognizer):
    """The name of a district before "area", "district" or "region" ("the Quellbrook area", "the Vadeni district"),
    unless it is made of English words ("the Minor Injuries area", "the Waiting area") and is no place: "area"
    follows many ordinary words."""

    # "the Quellbrook area", "the Vadeni district", "the Quell-Barra region" (of the country a family left)
    CUE = r"(?:area|district|neighbourhood|quarter|region|province|governorate)"
    PATTERNS = [Pattern("district name", _WORD + r"(?:[ \t]+" + _WORD + rf"){{0,2}}(?=[ \t]+(?i:{CUE})\b)", 0.75)]

    def is_valid(self, text: str) -> bool:
        words = [word.lower().rstrip("'’") for word in text.split()]  # "Visitors'": a plural's possessive
        if fold(text) not in uk_places() and all(is_english_form(word) for word in words):
            return False
        return super().is_valid(text)


class SiteRecognizer(DistrictRecognizer):
    """A Traveller site by its name: "the Quarryside site", "living on the Tod's Bridge site" (not "the Traveller
    site" or "the Hospital site": English words name no site)."""

    CUE = "site"
    PATTERNS = [Pattern("site name", _WORD + r"(?:[ \t]+" + _WORD + rf"){{0,2}}(?=[ \t]+{CUE}\b)", 0.75)]

    def is_valid(self, text: str) -> bool:
        words = text.split()
        if words[-1] in STRONG_STREET_TYPES:  # "the Farthingale Lane site": a street, the address recognisers' street
            return False
        if len(words) > 1 and words[-1] in STREET_TYPES:  # "the Teasel Meadow site": English words, but a place's name
            return EstateRecognizer.is_valid(self, text)
        return super().is_valid(text)


class CustodyRecognizer(DistrictRecognizer):
    """A police station or custody suite, which forces name after the town or district it stands in: "taken to
    Quellmoor custody suite", "Tarnbury Police Station" (the place; not "the Central custody suite")."""

    CUE = r"(?:custody[ \t]+(?:suite|centre|unit)|police[ \t]+station)"
    PATTERNS = [
        Pattern("custody suite's place", _WORD + r"(?:[ \t]+" + _WORD + rf"){{0,2}}(?=[ \t]+(?i:{CUE})\b)", 0.75)
    ]


# what follows "County" in a name that is no county: "County Hall", "County Lines", "County Court"
_NOT_A_COUNTY = r"(?:Council|Court|Hall|Hospital|Show|Ground|Cricket|Championship|Lines|Police|Fire|Record|Offices)"


class CountyRecognizer(UkPatternRecognizer):
    """A county named as such, above all an Irish one where a family came from ("from County Leitrim", "in Co.
    Mayo"), which no town list holds; not a county's council, court or ground ("County Hall", "County Court"),
    nor a firm's "& Co." ("Hale & Co. Solicitors")."""

    ENTITY = "LOCATION"
    PATTERNS = [
        Pattern(
            "county",
            rf"(?<![\w'’-])(?<!&[ \t])(?:County|Co\.?)[ \t]+(?!{_NOT_A_COUNTY}\b)[A-Z][a-z]+(?![\w'’-])"
            rf"(?![ \t]+{_NOT_A_COUNTY}\b)",
            0.6,
        ),
        # an English shire by its ending ("works away in Hertfordshire and Kent"); inside an agency's name
        # ("Hertfordshire Constabulary") or as the board's own area it is kept
        Pattern("shire", r"(?<![\w'’-])[A-Z][a-z]{2,}shire(?![\w'’-])", 0.6),
    ]

    def is_valid(self, text: str) -> bool:
        return not vocabulary().is_vocabulary_word(text.split()[-1])


_WITH_ITS_SAINT = r"(?:[ \t]+(?:St\.?|Saint)[ \t]+\p{Lu}\p{Ll}+)?"


class ToponymRecognizer(UkPatternRecognizer):
    """A capitalised word with a typical English place-name ending after a locative word
    ("moved to Northtown", "lived in Ashborough")."""

    ENTITY = "LOCATION"
    PATTERNS = [
        # with its saint: "in Quellbury St Agatha", as villages tell themselves apart
        Pattern("town-like name", _LOCATIVE + _TOPONYM + _WITH_ITS_SAINT + r"(?![\w'’])", 0.6),
    ]


class DwellingOnRecognizer(UkPatternRecognizer):
    """Where a home stands, named after "on": "a house on Ightonfold", "their flat on the Coldharbour" (a street,
    estate or district no list holds); not a day, a month or an English word ("a house on Monday", "on Fire")."""

    ENTITY = "LOCATION"
    PATTERNS = [
        Pattern(
            "place of a dwelling",
            r"(?<=\b(?:house|flat|home|address|property|caravan|bungalow|maisonette)[ \t]+on[ \t]+(?:the[ \t]+)?)"
            + _WORD + r"(?:[ \t]+" + _WORD + r")?(?![\w'’])",
            0.6,
        )
    ]

    def is_valid(self, text: str) -> bool:
        words = text.split()
        if any(vocabulary().is_vocabulary_word(w) for w in words) or words[0].lower() in _CALENDAR_WORDS:
            return False
        return not all(is_english_form(fold(w)) for w in words)


class TripRecognizer(DwellingOnRecognizer):
    """Where a child was taken or went away, after the trip: "the residential to Ightonfell", "a holiday to
    Quellbay"; a fell, a village or a resort no list holds, which with the date and the school tells the child."""

    PATTERNS = [
        Pattern(
            "place of a trip",
            r"(?<=\b(?:residential|trip|holiday|outing|excursion|camp|visit)[ \t]+to[ \t]+(?:the[ \t]+)?)"
            + _WORD + r"(?:[ \t]+" + _WORD + r")?(?![\w'’])",
            0.6,
        )
    ]


class PlaceNicknameRecognizer(UkPatternRecognizer):
    """A place by the name its people give it: 'young people call the estate "the Fen" and the block "the Tower"'.
    The quoted name is the place's, though a word."""

    ENTITY = "LOCATION"
    PLACE = r"(?:estate|block|area|flats|tower|park|site|street|road|building|house|parade|precinct|underpass|den)"
    PATTERNS = [
        Pattern(
            "place nickname",
            r"(?<=\b(?i:call|calls|called|know|knows|knew|nicknamed?)[ \t]+(?i:the|this|that|their|its)[ \t]+"
            rf"(?i:{PLACE})\b[^\"“\n.;]{{0,60}}?[ \t]+[\"“](?i:the[ \t]+)?)"
            + _WORD + r"(?:[ \t]+" + _WORD + r")?(?=[\"”])",
            0.6,
        ),
        # ... and the next the sentence names so: '... "the Fen" and the block where he was stabbed "the Tower"'
        Pattern(
            "place nickname after another",
            rf"(?<=\b(?i:call|calls|called|know|knows|knew|nicknamed?)[ \t]+[^\n.;]{{0,80}}?[\"”][ \t]+and[ \t]+"
            rf"(?i:the|its|their)[ \t]+(?i:{PLACE})\b[^\"“\n.;]{{0,60}}?[ \t]+[\"“](?i:the[ \t]+)?)"
            + _WORD + r"(?:[ \t]+" + _WORD + r")?(?=[\"”])",
            0.6,
        ),
    ]


_CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.day_name, *calendar.month_name[1:], "Christmas", "Easter", "Boxing")
)


# Openings of Welsh place names (llan "church", aber "river mouth", rhyd "ford", tref "town" ...): a village too
# small for the town lists is still a place, wherever it stands ("a smallholding above Rhydycroesau").
# Not "Pen" and "Tre", which open as many Cornish surnames ("Penrose", "Tregenza") as places.
WELSH_OPENINGS = ["Aber", "Betws", "Blaen", "Bryn", "Caer", "Coed", "Cwm", "Glan", "Llan", "Llyn", "Maes", "Nant",
                  "Pont", "Rhyd", "Tref", "Ystrad"]  # fmt: skip


class WelshPlaceRecognizer(UkPatternRecognizer):
    """A word of eight letters or more that opens as Welsh place names do and is no English word or listed
    name ("Trefonen", "Llanymynech"; not "Pentecostal", "Trevelyan")."""

    ENTITY = "LOCATION"
    PATTERNS = [
        # with its hyphenated parts: "Llanrhaeadr-ym-Mochnant", "Betws-y-Coed"
        Pattern(
            "Welsh place name",
            rf"(?<![\w'’-])(?:{'|'.join(WELSH_OPENINGS)})[a-zâêîôûŵŷ]{{4,}}"
            r"(?:-(?:[a-zâêîôûŵŷ]{1,4}-)?\p{Lu}?[a-zâêîôûŵŷ]+)*(?![\w'’])",
            0.72,  # above the model's person: no English name opens so
        ),
        # a farm or house named with the article: "Cae'r Onnen", "Tŷ'r Ysgol", "Pen-y-Bryn"
        Pattern(
            "Welsh farm name",
            r"(?<![\w'’-])(?:Cae|Tŷ|Ty|Bryn|Pen|Maes|Nant|Pant|Coed|Fferm|Plas|Hafod|Bwlch|Llety|Ffridd|Gwern)"
            r"(?:['’]r[ \t]+|-y-|-yr-)\p{Lu}[a-zâêîôûŵŷ]+",
            0.75,
        ),
    ]

    def is_valid(self, text: str) -> bool:
        folded = fold(text)
        return not (is_english_form(folded) or gazetteer().is_name(text) or vocabulary().is_vocabulary_word(text))


class UkTownRecognizer(UkEntityRecognizer):
    """A place by its name: a UK town or village after a locative word ("moved to Sedbergh", "the inquest at
    Barnstaple"), a town abroad after one ("came from Wrocław"), or a UK town of 15,000 people anywhere
    ("Riverside Hospital, Bridgwater"). Not a place name that is also a first name, an ordinary English
    word ("March", "Street") or a word the draft writes in lower case, and not after a title ("Mr Preston").

    It scores above spaCy's person label, which the small model often gives a town after "to"."""

    ENTITY = "LOCATION"
    AFTER_LOCATIVE_SCORE = 0.75
    ANYWHERE_SCORE = 0.6
    _NAME = regex.compile(  # the words of a name, which a pasted PDF may wrap ("from Milton<LINE>Keynes")
        r"(?<![\w'’-])\p{Lu}[\p{Ll}\p{M}]+(?:['’][\p{Ll}\p{M}]+)*"
        r"(?:(?:(?:[ \t]+|-)(?:(?:upon|on|under|super|by|le|in|the)(?:[ \t]+|-))?|[ \t]*\n[ \t]*)"
        r"\p{Lu}[\p{Ll}\p{M}]+(?:['’][\p{Ll}\p{M}]+)*){0,3}"
    )
    _LOCATIVE_BEFORE = regex.compile(
        r"\b(?:in|to|from|near|around|outside|towards|into|across|between|within|of|at)(?:[ \t]+|[ \t]*\n[ \t]*)"
        r"(?:the[ \t]+)?"  # a wrapped line may part the word and the place: "lived in<LINE BREAK>Lincoln."
        r"(?:(?:town|village|city|area|district|borough)[ \t]+of[ \t]+)?$"
    )

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterable[tuple[int, int, float]]:
        for match in self._runs(text):
            if after_title(text, match.start()):
                continue
            located = bool(self._LOCATIVE_BEFORE.search(text, max(0, match.start() - 40), match.start()))
            located = located or self._country_after(text, match.end())  # "Iași, Romania"
            # "Quellbrook Nursery, Diss": where it is, if the whole run is a place ("Street, Quell Park" is a district)
            located = located or (self._after_a_named_place(text, match.start()) and self._is_place(
                match.group(), text, located=True))
            located = located or self._road_to(text, match)  # "on the Holbeach road": the road to that town
            where = self._AT_PLACE_BEFORE.search(text, max(0, match.start() - 12), match.start())
            situated = bool(where) and not regex.match(r"['’]s\b", text[match.end() : match.end() + 2])
            if self._month_named_town(text, match):
                yield match.start(), match.end(), self.AFTER_LOCATIVE_SCORE
                continue
            if self._is_district(text, match):
                yield match.start(), match.end(), self.AFTER_LOCATIVE_SCORE
                continue
            end = self._longest_place(text, match.start(), match.group(), located, situated)
            court = end is not None and self._COURT_AFTER.match(text, end)  # "Brighton County Court": the town
            if end is not None and (court or not self._names_a_place_within(text, end)):
                yield match.start(), end, self.AFTER_LOCATIVE_SCORE if located else self.ANYWHERE_SCORE
            elif (score := self._unlisted_locality(text, match)) is not None:
                yield match.start(), match.end(), score

    _THE_BEFORE = regex.compile(r"\bthe[ \t]+$", regex.IGNORECASE)
    # where a named place is: "Quellbrook Day Nursery, Wymondham", "Tarn Road Surgery, Swaffham"
    _NAMED_PLACE_COMMA_BEFORE = regex.compile(
        r"\b(?:Nursery|School|Academy|College|Surgery|Practice|Centre|Hospital|Clinic|Church|Chapel|Mosque|Club"
        r"|Hall|Library|Station|Road|Street|Lane|Avenue|Drive|Close|Way|Estate),[ \t]+$"
    )

    def _after_a_named_place(self, text: str, start: int) -> bool:
        """A named place's kind and a comma stand right before ``start``."""
        return self._NAMED_PLACE_COMMA_BEFORE.search(text, max(0, start - 30), start) is not None

    _ROAD_AFTER = regex.compile(r"[ \t]+(?:road|bypass|roundabout|turn-?off|junction)\b")

    def _road_to(self, text: str, match: regex.Match[str]) -> bool:
        """ "the Holbeach road", "the Wisbech bypass": a town named for the road that leads there."""
        return bool(
            self._ROAD_AFTER.match(text, match.end())
            and self._THE_BEFORE.search(text, max(0, match.start() - 5), match.start())
        )

    _COUNTRY_AFTER = regex.compile(r",[ \t]+(\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+){0,2})")

    def _country_after(self, text: str, end: int) -> bool:
        """A country's name follows after a comma ("Kumasi, Ghana"): the words before it name a town there."""
        after = self._COUNTRY_AFTER.match(text, end)
        if after is None:
            return False
        words = after.group(1).split()
        return any(fold(" ".join(words[:n])) in country_names() for n in range(1, len(words) + 1))

    _NEAR_BEFORE = regex.compile(
        r"\b(?:near|outside|(?:town|village)[ \t]+of|(?:lives|lived|living|moved|moves|resides|resided|grew[ \t]+up)"
        r"[ \t]+(?:(?:first|then|later|originally|previously|initially|briefly|once|still|now)[ \t]+)?(?:in|to|at|near)"
        r"|(?:house|home|flat|address|bungalow|caravan|trailer)[ \t]+(?:in|at)|"
        r"(?:edge|edges|outskirts|centre|middle)[ \t]+of)[ \t]+$"
    )  # "a school near March", "who lives in March and has", "they lived first in March", "on the edge of March":
    # no month lives anywhere
    # "drove between March and the flat in Ely", "from March to Ely": a month between two towns is a town
    _BETWEEN_BEFORE = regex.compile(r"\b(?:between|from)[ \t]+$")
    _TOWN_AFTER = regex.compile(r"[ \t]+(?:and|to)[ \t]+(?:[a-z]+[ \t]+){0,4}?(\p{Lu}[\p{Ll}'’-]+)")

    def _month_named_town(self, text: str, match: regex.Match[str]) -> bool:
        """ "a boarding school near March", "12 Glebe Close, March, PE15 3NW": a town named like a month, where no
        month can stand (after "near", "outside" or "lives in", with no day or year after it; after a numbered
        street; or before a postcode)."""
        word = match.group()
        if fold(word) not in CALENDAR_WORDS or fold(word) not in uk_places():
            return False
        if self._POSTCODE_AFTER.match(text, match.end()):
            return True
        dated = regex.match(r"[ \t,]*\d", text[match.end() : match.end() + 5])
        if dated:
            return False
        if self._NUMBERED_STREET_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            return True  # "9 Quell Road, March.": the town of an address
        if self._NEAR_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            return True
        if self._STATION_AFTER.match(text, match.end()):
            return True  # "arrested at March railway station": no month has a station
        if self._listed_with_a_town(text, match):
            return True  # "users in Tarnwick, March and Huntingdon"
        other = self._TOWN_AFTER.match(text, match.end())
        return bool(
            self._BETWEEN_BEFORE.search(text, max(0, match.start() - 10), match.start())
            and other
            and fold(other.group(1)) in uk_towns()
            and fold(other.group(1)) not in CALENDAR_WORDS
        )

    _STATION_AFTER = regex.compile(r"[ \t]+(?:(?:railway|train|bus|police)[ \t]+)?station\b", regex.IGNORECASE)
    _LISTED_BEFORE = regex.compile(r"(\p{Lu}[\p{Ll}'’-]+),[ \t]*$")
    _LISTED_AFTER = regex.compile(r"(?:,|[ \t]+(?:and|or|&))[ \t]+(\p{Lu}[\p{Ll}'’-]+)")

    def _listed_with_a_town(self, text: str, match: regex.Match[str]) -> bool:
        """A word in a list beside a town that is no month: "Tarnwick, March and Huntingdon"."""
        before = self._LISTED_BEFORE.search(text, max(0, match.start() - 30), match.start())
        after = self._LISTED_AFTER.match(text, match.end())
        return any(
            near is not None and fold(near.group(1)) in uk_towns() and fold(near.group(1)) not in CALENDAR_WORDS
            for near in (before, after)
        )

    _POSTCODE_AFTER = regex.compile(r",?[ \t]+" + POSTCODE)
    _NUMBERED_STREET_BEFORE = regex.compile(
        r"\b\d{1,4}[A-Za-z]?,?[ \t]+(?:\p{Lu}[\p{L}'’-]+[ \t]+){1,3}" + STREET_TYPE + r",[ \t]*$"
    )

    def _runs(self, text: str) -> Iterator[regex.Match[str]]:
        """Each run of capitalised words, and each of its tails that opens after a connector: "Holbeach" of
        "Mission in Holbeach", which the run of a place like "Barrow in Furness" swallowed."""
        for match in self._NAME.finditer(text):
            yield match
            for wrap in regex.finditer(r"\n[ \t]*", match.group()):  # the next line's run, whole
                yield self._NAME.match(text, match.start() + wrap.end())
            for connector in regex.finditer(r"[ \t]+(?:in|on|by|upon|the)[ \t]+(?=\p{Lu})", match.group()):
                head = self._NAME.match(text, match.start(), match.start() + connector.start())
                if head is not None and " in " in connector.group(0):  # "Tândărei" of "Tândărei in Ialomița"
                    yield head
                tail = self._NAME.match(text, match.start() + connector.end())
                if tail is not None:
                    yield tail

    _COURT_AFTER = regex.compile(r"[ \t]+(?:Crown|Magistrates['’]?|County|Family|Youth|Coroner['’]?s)[ \t]+Court\b")
    # "lives in Tarnfields", "the village of Tarnfields", the last of a list of places ("in Quellings and
    # Tarnfields"), a case note's "aunt, lives Tarnfields"
    _WHERE_BEFORE = regex.compile(
        r"\b(?:in|from|near|around|outside|(?:village|hamlet|town|parish|suburb)[ \t]+of|lives|lived|living|resides)"
        r"(?:[ \t]+|[ \t]*\n[ \t]*)"
        r"(?:\p{Lu}[\p{Ll}\p{M}'’-]+(?:,[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+)*[ \t]+(?:and|or)[ \t]+)?$"
    )
    UNLISTED_SCORE = 0.5
    _AREA_AFTER = regex.compile(
        r"(?:[ \t]+(?:and|&)[ \t]+(?P<other>\p{Lu}[\p{Ll}'’-]+))?[ \t]+(?:areas?|estates?|districts?|neighbourhoods?)\b"
    )
    _THE_PAIR_BEFORE = regex.compile(r"\bthe[ \t]+(?:(?P<other>\p{Lu}[\p{Ll}'’-]+)[ \t]+(?:and|&)[ \t]+)?$")
    _SITE_AT_BEFORE = regex.compile(r"\b(?:site|camp|encampment|pitch|plot|yard|field)[ \t]+at[ \t]+$")

    # two words, the second a landform a district is named for: "Hither Green", "Forest Gate", "Kentish Town"
    _DISTRICT = regex.compile(
        r"\p{Lu}[\p{Ll}'’]+[ \t]+(?:Green|Hill|Heath|Vale|Common|End|Cross|Gate|Town|Wood|Sands|Bay|Cove|Haven|Moor|"
        r"Dale|Fields|Quay|Marsh|Bridge|Brow|Park|Farm)"
    )

    def _is_district(self, text: str, match: regex.Match[str]) -> bool:
        """ "in Hither Green", "from Kentish Town", "in Quellbury Park": two words, the second a landform a district
        is named for, where a place is said to be (the first may be a town's name: the district is the place); or
        "the transit site at Sedgy Common", where a site or camp is (after a bare "at" it may be the short name of a
        hospital or prison: "at Pelbury Bay"). Not "in Mrs Green's care"."""
        word, window = match.group(), max(0, match.start() - 60)
        if self._DISTRICT.fullmatch(word) is None:
            return False
        where = self._WHERE_BEFORE.search(text, window, match.start())
        site = self._SITE_AT_BEFORE.search(text, max(0, match.start() - 30), match.start())
        first = word.split()[0]
        return (
            bool(where or site) and not gazetteer().is_first_name(first)
            and first not in vocabulary().titles and not after_title(text, match.start())
        )  # fmt: skip

    def _unlisted_locality(self, text: str, match: regex.Match[str]) -> float | None:
        """ "moved from Ashtonfold", "lives in Hollybank": after "in" or "from", one capitalised word that no list
        holds (no English word, name, place we know or report word) and the draft never writes in lower case:
        a district too small for any gazetteer. Its score, or None."""
        word = match.group()
        window = max(0, match.start() - 60)
        # "in the Quellings and Tarnfields areas": districts before the word that says they are
        area_after = self._AREA_AFTER.match(text, match.end())
        the_before = self._THE_PAIR_BEFORE.search(text, window, match.start())
        area = area_after and the_before
        where = self._WHERE_BEFORE.search(text, window, match.start()) or area
        other = (area_after.group("other") or the_before.group("other")) if area else None
        if other and self._is_place(other, text, located=True) and not after_title(text, match.start()):
            return self.AFTER_LOCATIVE_SCORE  # "the Beccles and Quell Green area": a town's neighbour, a district
        if not where or " " in word or "-" in word or word.endswith(("'s", "’s", "'", "’")):  # "in the Visitors'"
            return None
        folded = fold(word)
        gaz, vocab = gazetteer(), vocabulary()
        unlisted = not (
            folded in english_words() or gaz.is_name(word) or gaz.is_common_word(word, text)
            or vocab.is_vocabulary_word(word) or is_well_known_place(word) or folded in CALENDAR_WORDS
            or regex.match(r"[ \t]+\p{Lu}", text[match.end() : match.end() + 2])
        )  # fmt: skip
        return self.UNLISTED_SCORE if unlisted else None

    @staticmethod
    def _names_a_place_within(text: str, end: int) -> bool:
        """The town's name opens a street's or an institution's ("Shap Walk", "Ashby Hospital"), which
        their own recognisers find whole."""
        following = regex.match(r"[ \t]+([A-Z][a-z]+)", text[end : end + 30])
        word = following.group(1) if following else ""
        return word in STRONG_STREET_TYPES or word.lower() in vocabulary().place_nouns

    # "lived in Lincoln", "the Crown Court at Preston": a town that is also a first name, where only a place can be
    _AT_PLACE_BEFORE = regex.compile(r"\b(?:in|at|near|outside|within)(?:[ \t]+|[ \t]*\n[ \t]*)$")

    def _longest_place(self, text: str, start: int, phrase: str, located: bool, situated: bool) -> int | None:
        """The end of the longest run of words from ``start`` that names a place, or None."""
        cuts = [m.end() for m in regex.finditer(r"[\p{L}\p{M}'’]+", phrase)]
        for cut in reversed(cuts):
            court = bool(self._COURT_AFTER.match(text, start + cut))  # "Carlisle Crown Court": the town
            if self._is_place(phrase[:cut], text, located or court, court or situated):
                return start + cut
        return None

    @staticmethod
    def _is_place(name: str, text: str, located: bool, certain: bool = False) -> bool:
        """Whether ``name`` is a town; ``certain`` when the context leaves no person ("at Lincoln", "Preston
        Crown Court"), so that a town that is also a first name counts."""
        folded = " ".join(fold(name).split())  # one space where a line was wrapped
        if folded in country_names():
            return False  # "in Wales", a nation, not the Yorkshire village of that name
        if folded not in world_towns():
            folded = folded.replace("-", " ")  # "Newcastle-under-Lyme", listed as "Newcastle under Lyme"
            # "Chalfont St Peter", listed as "Chalfont Saint Peter", as GeoNames spells a saint out
            folded = regex.sub(r"(?<![\w])st(?= )", "saint", folded)
        if located:
            known = folded in uk_places() or (folded in world_towns() and not is_well_known_place(name))
        else:
            known = folded in uk_towns()
        if not known or " " in name.strip() or "-" in name:
            return known
        if (gazetteer().is_first_name(name) and not certain) or folded in CALENDAR_WORDS:
            return False
        return located or not _is_ordinary_word(folded, text)




def _is_ordinary_word(folded: str, text: str) -> bool:
    """An English word or a regular form of one ("Reading", "Wells", "Street"), or one the draft writes in
    lower case: a town by that name is only taken after a locative word."""
    stems = {folded} | {folded[: -len(suffix)] for suffix in ("ing", "s") if folded.endswith(suffix)}
    return any(stem in ordinary_lower_words() for stem in stems) or gazetteer().is_common_word(folded, text)


# "Tolley<LINE BREAK>Street": the next line ends the street's name, so no town ends the line
_NO_STREET_TYPE = r"(?![ \t]*(?:" + "|".join(STRONG_STREET_TYPES) + r")\b)"


_COURT_TOWN_WORD = r"(?!(?i:magistrates|crown|county|family|youth|combined|court|justice|centre)\b)\p{Lu}[\p{L}'’-]+"
# "convicted at Quellbridge Crown Court": the words before a court's kind are the town it sits in, listed or not
_BEFORE_COURT = regex.compile(
    rf"(?<![\w'’-]){_COURT_TOWN_WORD}(?:[ \t]+{_COURT_TOWN_WORD}){{0,2}}"
    r"(?=[ \t]+(?:Crown|Magistrates['’]?|County|Family|Youth|Coroner['’]?s)[ \t]+Court\b)"
)


def _court_towns(text: str) -> Iterator[tuple[int, int]]:
    """The town of each court named in ``text`` ("Quellbridge Crown Court"), also one no gazetteer lists: the
    court, the year and the offence find a conviction in the court lists. Ordinary and report words before the
    court ("Sentencing at the", "HMCTS") are no town."""
    vocab = vocabulary()
    for match in _BEFORE_COURT.finditer(text):
        words = list(regex.finditer(r"\S+", match.group()))
        for index, word in enumerate(words):  # the longest run ending at the court: a known place, or town words
            town = match.group()[word.start() :]
            if fold(town) in uk_places() or all(_court_town_word(w.group(), text, vocab) for w in words[index:]):
                yield match.start() + word.start(), match.end()
                break


def _court_town_word(word: str, text: str, vocab: Vocabulary) -> bool:
    return not (
        word.lower() in STOP_WORDS or vocab.is_vocabulary_word(word) or word.isupper()
        or _is_ordinary_word(fold(word), text)
    ) or fold(word) in uk_places()


# "moved from 8 Wharf Terrace, Rothwell to Tansy Close": the sentence goes on after the town
_SENTENCE_GOES_ON = r"|[ \t]+(?:to|and|in|on|until|where|when|before|after|from|with)\b"


class LocalityRecognizer(UkPatternRecognizer):
    """The locality between the street and the town of an address written on one line, though it ends like a
    street: "Tarnmoor Rise" of "12 Quell Way, Tarnmoor Rise, Pelbury YX9 4QQ"."""

    ENTITY = "LOCATION"
    PATTERNS = [
        Pattern(
            "locality between street and town",
            r"(?<=\b" + STREET_TYPE + r",[ \t]+)" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2}(?=,[ \t]+" + _WORD
            + r"(?:[ \t]+" + _WORD + r")?,?[ \t]+" + POSTCODE + r")",
            0.7,
        )
    ]

    def is_valid(self, text: str) -> bool:
        return text.split()[0].lower() not in STOP_WORDS


class PostalTownRecognizer(UkPatternRecognizer):
    """The town in an address line: before a postcode ("Northtown NT4 7QP"), after the street
    ("12 Rose Court, Northtown, ...") or the flat's building ("Flat 3, Hill House, Northtown"), or on its own
    line in an address laid out as in a letter."""

    ENTITY = "LOCATION"
    LETTER_LINE_SCORE = 0.65
    COURT_TOWN_SCORE = 0.7
    PATTERNS = [
        Pattern("town before postcode", r"(?<=(?:,|^|\n)[ \t]*)" + _TOWN + r"(?=,?[ \t]+\(?" + POSTCODE + r")", 0.7),
        Pattern(
            "town after street",
            r"(?<=\b" + STREET_TYPE + r",[ \t]+)" + _TOWN + r"(?=[ \t]*(?:[,.;)]|\n" + _NO_STREET_TYPE + r"|$)"
            + _SENTENCE_GOES_ON + r")",
            0.65,
        ),
        # a court's town: "SITTING AT WORCESTER", "the Family Court at Kidderminster"
        Pattern(
            "town of a court",
            r"(?<=\b(?i:sitting|court)[ \t]+(?i:at)[ \t]+)" + _COURT_TOWN_WORD + r"(?:[ \t]+" + _COURT_TOWN_WORD
            + r"){0,2}(?![\w'’-])",
            0.7,
        ),
        Pattern(  # "Flat 11, Marlowe House, Ore, ..."
            "town after flat and building",
            r"(?<=\b(?i:flat|apartment)[ \t]+\d{1,4}[A-Za-z]?,[ \t]+(?:[A-Z][\w'’-]+[ \t]+){1,3}" + BUILDING_TYPE
            + r",[ \t]+)" + _TOWN + r"(?=[ \t]*(?:[,.;)]|\n" + _NO_STREET_TYPE + r"|$))",
            0.65,
        ),
    ]

    def is_valid(self, text: str) -> bool:
        words = text.split()
        return words[0].lower() not in STOP_WORDS and words[-1].rstrip(".") not in STREET_TYPES

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        towns = [line for line in letter_address_lines(text) if line.kind == "town"]
        results += [recognizer_result(self, line.start, line.end, self.LETTER_LINE_SCORE) for line in towns]
        return results + [recognizer_result(self, *span, self.COURT_TOWN_SCORE) for span in _court_towns(text)]
