"""E-mail addresses: Presidio's recogniser, made offline and given our label."""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

# The bundled public-suffix snapshot only: nothing is fetched from the network at run time. The
# module-wide extractor (``tldextract.extract``, which Presidio's own EmailRecognizer calls, as in the
# plain-Presidio baseline) is made offline too, before its first use.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
tldextract.tldextract.TLD_EXTRACTOR.suffix_list_urls = ()


class UkEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail pattern (score 0.5, 1.0 with a known public suffix)."""

    def __init__(self) -> None:
        super().__init__(supported_entity="EMAIL")

    def validate_result(self, pattern_text: str) -> bool | None:
        """A known public suffix confirms the address; an unknown one (an intranet or ``.example``
        domain) leaves the pattern's score: an address is identifying whatever its domain."""
        return True if _OFFLINE_TLD(pattern_text.rsplit("@", 1)[-1]).suffix else None
