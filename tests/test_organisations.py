"""Organisation recognisers: firms, trades and named organisations in context."""

from __future__ import annotations

import pytest

from redact.detect.recognizers.organisations import organisation_recognizers


def found(text: str) -> set[str]:
    return {
        text[r.start : r.end] for rec in organisation_recognizers() for r in rec.analyze(text, ["ORGANISATION"], None)
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He worked for Coldline Logistics as a driver.", "Coldline Logistics"),
        ("Penrose Akhtar Family Law acted for her.", "Penrose Akhtar Family Law"),
        ("He drove for Northway Cars at night.", "Northway Cars"),
        ("The family attended the Riverside Gurdwara.", "Riverside Gurdwara"),
        ("He trained at Greenside Boxing Club.", "Greenside Boxing Club"),
        ("A charity called Step Up Calderwick helped.", "Step Up Calderwick"),
        ("The Step Up project ran groups.", "Step Up"),
        ("She was employed by Harwood & Sons.", "Harwood & Sons"),
        ("Grandmother ran Tiny Acorns Childminding from home.", "Tiny Acorns Childminding"),
    ],
)
def test_organisations_are_found(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    ["He worked at night and at weekends.", "The project ended.", "Cars were parked outside.", "Law was changed."],
)
def test_generic_words_are_not_organisations(text: str) -> None:
    assert found(text) == set()
