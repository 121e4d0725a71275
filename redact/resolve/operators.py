"""presidio-anonymizer operators for readable pseudonyms and generalised dates and ages.

Register them on any engine with ``engine.add_anonymizer(Pseudonymise)`` and so on; then, e.g.,
``OperatorConfig("pseudonymise", {"pseudonym": "Mother"})`` turns "KELLY'S" into "MOTHER'S".
"""

from __future__ import annotations

import re

from presidio_anonymizer.entities import InvalidParamError
from presidio_anonymizer.operators import Operator, OperatorType

from redact.resolve.grammar import generalise_age, generalise_date, inflect
from redact.resolve.names import strip_possessive


class Pseudonymise(Operator):
    """Replace a name with a pseudonym in the same grammatical shape (possessive, capitals).

    Params: ``pseudonym`` (required); ``sentence_start`` (capitalise a lower-case pseudonym);
    ``drop_name`` (the span is a name whose role words precede it: keep only any possessive);
    ``footnote`` (the span ends in a footnote number glued to the name, "McBride4": kept as "[4]", so that it
    does not run on into the pseudonym's own number).
    """

    def operate(self, text: str, params: dict | None = None) -> str:  # type: ignore[override]
        params = params or {}
        footnote = params.get("footnote") or ""
        if footnote:
            text = text.removesuffix(footnote)
        if params.get("drop_name"):
            possessive = strip_possessive(text)[1]
            result = possessive[:1] + possessive[1:].lower() if len(possessive) > 1 else ""
        else:
            result = inflect(text, params["pseudonym"], bool(params.get("sentence_start")))
        return f"{result}[{footnote}]" if footnote else result

    def validate(self, params: dict | None = None) -> None:  # type: ignore[override]
        pseudonym = (params or {}).get("pseudonym")
        if not isinstance(pseudonym, str) or not pseudonym:
            raise InvalidParamError("pseudonymise needs a non-empty 'pseudonym'")

    def operator_name(self) -> str:
        return "pseudonymise"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


_ON = re.compile(r"on\s+", re.IGNORECASE)
WEEKDAY_WORD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
WEEKDAY = re.compile(WEEKDAY_WORD)


class GeneraliseDate(Operator):
    """Replace a date with its month and year (``granularity: year`` gives the year only).

    ``dated_before``, (month, year) of the date before it on its line, gives a date written without a year
    its year. A text that is not a readable date becomes ``placeholder`` (default "[date]"). A leading "on"
    becomes "in", since a month or year is not a day ("on 3 May 2019" -> "in May 2019"), and a day of the week
    goes ("on Saturday 7 March 2015" -> "in March 2015").
    """

    def operate(self, text: str, params: dict | None = None) -> str:  # type: ignore[override]
        params = params or {}
        preposition = _ON.match(text)
        date = text[preposition.end() :] if preposition else text
        weekday = WEEKDAY.match(date)  # "Saturday 7 March 2015": no day of the week once the day is gone
        date = date[weekday.end() :] if weekday else date
        dated_before = params.get("dated_before")
        result = generalise_date(date, params.get("granularity") or "month_year", dated_before and tuple(dated_before))
        if result is None:
            return params.get("placeholder", "[date]")
        return ("In " if text[:1] == "O" else "in ") + result if preposition else result

    def validate(self, params: dict | None = None) -> None:  # type: ignore[override]
        if (params or {}).get("granularity") not in (None, "month_year", "year"):
            raise InvalidParamError("generalise_date granularity must be 'month_year' or 'year'")

    def operator_name(self) -> str:
        return "generalise_date"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


class GeneraliseAge(Operator):
    """Express an age in whole years; an unreadable age becomes ``placeholder`` (default "[age]")."""

    def operate(self, text: str, params: dict | None = None) -> str:  # type: ignore[override]
        result = generalise_age(text)
        return result if result is not None else (params or {}).get("placeholder", "[age]")

    def validate(self, params: dict | None = None) -> None:  # type: ignore[override]
        return None

    def operator_name(self) -> str:
        return "generalise_age"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


OPERATORS: tuple[type[Operator], ...] = (Pseudonymise, GeneraliseDate, GeneraliseAge)
