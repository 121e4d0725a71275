"""scr-redact: make draft Serious Case Review reports safe to publish."""

__version__ = "0.1.0"
