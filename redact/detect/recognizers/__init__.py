"""Our Presidio recognisers for UK Serious Case Reviews, one module per family."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from redact.detect.policy import DetectionPolicy
from redact.detect.recognizers.address import UkAddressRecognizer
from redact.detect.recognizers.age import UkAgeRecognizer
from redact.detect.recognizers.case_reference import (
    CallSignRecognizer,
    PoliceCollarNumberRecognizer,
    UkCaseReferenceRecognizer,
)
from redact.detect.recognizers.dates import UkDateOfBirthRecognizer, UkDateRecognizer
from redact.detect.recognizers.email import UkEmailRecognizer
from redact.detect.recognizers.institutions import (
    GpPracticeRecognizer,
    HospitalRecognizer,
    OrganisationRecognizer,
    SchoolRecognizer,
    UnitRecognizer,
    WardRecognizer,
)
from redact.detect.recognizers.nhs import LabelledNhsNumberRecognizer, UkNhsNumberRecognizer
from redact.detect.recognizers.ni_number import UkNiNumberRecognizer
from redact.detect.recognizers.organisations import organisation_recognizers
from redact.detect.recognizers.phone import UkPhoneRecognizer
from redact.detect.recognizers.places import (
    CountyRecognizer,
    CustodyRecognizer,
    DistrictRecognizer,
    DwellingOnRecognizer,
    EstateRecognizer,
    LocalityRecognizer,
    PlaceNicknameRecognizer,
    PostalTownRecognizer,
    SiteRecognizer,
    ToponymRecognizer,
    TripRecognizer,
    UkTownRecognizer,
    WelshPlaceRecognizer,
)
from redact.detect.recognizers.postcode import UkPostcodeRecognizer
from redact.detect.recognizers.scripts import NativeScriptNameRecognizer
from redact.detect.recognizers.social import SocialHandleRecognizer
from redact.detect.recognizers.spacy_ner import SpacyNerRecognizer
from redact.detect.recognizers.vehicle import UkVehicleRegistrationRecognizer

PATTERN_RECOGNIZERS = (
    UkNhsNumberRecognizer, LabelledNhsNumberRecognizer, UkNiNumberRecognizer, UkPostcodeRecognizer, UkPhoneRecognizer,
    UkEmailRecognizer, UkAddressRecognizer, UkDateRecognizer, UkDateOfBirthRecognizer, UkAgeRecognizer,
    UkVehicleRegistrationRecognizer, UkCaseReferenceRecognizer, SchoolRecognizer, GpPracticeRecognizer,
    HospitalRecognizer, WardRecognizer, UnitRecognizer, OrganisationRecognizer, EstateRecognizer, DistrictRecognizer,
    SiteRecognizer, CustodyRecognizer, CountyRecognizer, ToponymRecognizer, DwellingOnRecognizer, WelshPlaceRecognizer,
    PlaceNicknameRecognizer, TripRecognizer,
    UkTownRecognizer, PostalTownRecognizer, LocalityRecognizer, PoliceCollarNumberRecognizer, CallSignRecognizer,
    SocialHandleRecognizer, NativeScriptNameRecognizer,
)  # fmt: skip


def uk_recognizers(policy: DetectionPolicy) -> list[EntityRecognizer]:
    """Every recogniser of ours: the UK patterns plus one spaCy-entity recogniser per mapped label."""
    recognizers: list[EntityRecognizer] = [cls() for cls in PATTERN_RECOGNIZERS] + organisation_recognizers()
    for label in sorted({m.label for m in policy.ner.values()}):
        recognizers.append(SpacyNerRecognizer(label, policy.ner))
    return recognizers


__all__ = ["PATTERN_RECOGNIZERS", "SpacyNerRecognizer", "uk_recognizers"]
