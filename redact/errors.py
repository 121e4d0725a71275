"""Error types. Every failure the user can cause is a ``RedactError`` with a one-line message."""

from __future__ import annotations

from pathlib import Path


class RedactError(Exception):
    """A failure we expected and can explain in one line; the CLI prints it and exits non-zero."""

    exit_code = 1

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        text = " ".join(message.split())  # always one line
        super().__init__(f"{self.path}: {text}" if self.path else text)


class InputError(RedactError):
    """The draft cannot be read safely (corrupt, encrypted, scanned, empty, wrong encoding ...)."""

    exit_code = 2


class ConfigError(RedactError):
    """The report config or a policy file is invalid."""

    exit_code = 2


class InternalError(RedactError):
    """A check of scr-redact's own consistency failed: a bug, not the user's doing. Nothing is published."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(f"internal error (nothing was published; please report it): {message}", path)
