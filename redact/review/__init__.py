"""``redact review OUT_DIR``: a local web app to review runs, record decisions, re-run and sign off."""

from redact.review.app import create_app, serve
from redact.review.store import check_signoff

__all__ = ["check_signoff", "create_app", "serve"]
