"""The PDF's fonts: DejaVu Sans where the system has it (Debian's fonts-dejavu-core), so that a kept name such as
"Dr Miriam Szczepańska" prints as written; reportlab's Helvetica otherwise, which has glyphs for Windows-1252
only and draws any other letter as a box.

With Helvetica, a text that needs a letter outside Windows-1252 is refused rather than published with boxes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from redact.errors import RedactError

FONT_DIR_VARIABLE = "SCR_REDACT_FONT_DIR"  # a folder holding DejaVuSans*.ttf, searched first
_SYSTEM_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")
_FILES = {"": "DejaVuSans.ttf", "-Bold": "DejaVuSans-Bold.ttf", "-Oblique": "DejaVuSans-Oblique.ttf",
          "-BoldOblique": "DejaVuSans-BoldOblique.ttf"}  # fmt: skip


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    bold_italic: str
    unicode: bool  # False: Helvetica, Windows-1252 only

    def for_style(self, font_name: str) -> str:
        """The font to use for one of reportlab's sample styles' Helvetica fonts."""
        return {
            "Helvetica": self.regular, "Helvetica-Bold": self.bold, "Helvetica-Oblique": self.italic,
            "Helvetica-BoldOblique": self.bold_italic,
        }.get(font_name, font_name)  # fmt: skip


HELVETICA = Fonts("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", unicode=False)


@cache
def pdf_fonts() -> Fonts:
    """DejaVu Sans, registered once, if all four faces are found; else Helvetica."""
    folders = [os.environ[FONT_DIR_VARIABLE]] if os.environ.get(FONT_DIR_VARIABLE) else []
    for folder in map(Path, [*folders, *_SYSTEM_DIRS]):
        paths = {suffix: folder / name for suffix, name in _FILES.items()}
        if all(path.is_file() for path in paths.values()):
            for suffix, path in paths.items():
                pdfmetrics.registerFont(TTFont(f"DejaVuSans{suffix}", str(path)))
            for bold, italic, suffix in ((0, 0, ""), (1, 0, "-Bold"), (0, 1, "-Oblique"), (1, 1, "-BoldOblique")):
                addMapping("DejaVuSans", bold, italic, f"DejaVuSans{suffix}")  # <b> and <i> inside a paragraph
            return Fonts("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique", True)
    return HELVETICA


def check_printable(fonts: Fonts, texts: list[str]) -> None:
    """Refuse a text Helvetica cannot print: a letter it would draw as a box, in a name the report must give."""
    if fonts.unicode:
        return
    for text in texts:
        for char in text:
            try:
                char.encode("cp1252")
            except UnicodeEncodeError:
                word = next((w for w in text.split() if char in w), char)
                raise RedactError(
                    f"the PDF font has no glyph for {char!r} (in {word!r}); install DejaVu fonts (Debian: "
                    f"fonts-dejavu-core) or set {FONT_DIR_VARIABLE} to a folder holding DejaVuSans*.ttf"
                ) from None
