"""Render publishable variants as PDF (reportlab) and Markdown."""

from redact.render.markdown import render_markdown, to_markdown
from redact.render.model import PublicationText
from redact.render.pdf import render_pdf

__all__ = ["PublicationText", "render_markdown", "render_pdf", "to_markdown"]
