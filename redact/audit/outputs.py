"""Writing a run's files safely: staged in a private folder, verified, then moved into place.

Nothing is written straight into ``publish/`` or ``restricted/``. Every file is first written in a
staging folder inside the output folder (same file system, so the final ``os.replace`` is atomic); if
anything fails before the commit, the staging folder is removed and nothing lands. Restricted files
are created with mode 0600 and never leave ``restricted/``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from redact.errors import RedactError

PUBLISH = "publish"
RESTRICTED = "restricted"
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class StagedOutputs:
    """A staging area for one run; ``commit`` moves its files into ``publish/`` and ``restricted/``."""

    def __init__(self, out_dir: Path, stem: str) -> None:
        self.out_dir = out_dir
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            self.root = Path(tempfile.mkdtemp(prefix=f".staging-{stem}-", dir=out_dir))
        except OSError as exc:
            raise RedactError(f"cannot write to the output folder: {exc.strerror}", out_dir) from exc
        os.chmod(self.root, PRIVATE_DIR)
        (self.root / PUBLISH).mkdir()
        (self.root / RESTRICTED).mkdir(mode=PRIVATE_DIR)

    def path(self, area: str, name: str) -> Path:
        """Where to write ``name`` for ``area`` (publish or restricted) while staging."""
        return self.root / area / name

    def write_restricted(self, name: str, content: str) -> Path:
        path = self.path(RESTRICTED, name)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(content)
        return path

    def staged(self, area: str) -> list[Path]:
        return sorted((self.root / area).iterdir())

    def commit(self, areas: tuple[str, ...] = (RESTRICTED, PUBLISH)) -> dict[str, list[Path]]:
        """Move staged files into place: restricted first, publish last; return final paths by area. A refused
        run commits ``(RESTRICTED,)`` alone: its review package, and nothing to publish."""
        final: dict[str, list[Path]] = {RESTRICTED: [], PUBLISH: []}
        for area in (a for a in (RESTRICTED, PUBLISH) if a in areas):
            target_dir = self.out_dir / area
            target_dir.mkdir(exist_ok=True, mode=PRIVATE_DIR if area == RESTRICTED else 0o755)
            if area == RESTRICTED:
                os.chmod(target_dir, PRIVATE_DIR)
            for path in self.staged(area):
                target = target_dir / path.name
                os.replace(path, target)
                if area == RESTRICTED:
                    os.chmod(target, PRIVATE_FILE)
                final[area].append(target)
        self.discard()
        return final

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


PUBLISHED_SUFFIXES = (".md", ".pdf")


def withdraw_published(out_dir: Path, stem: str, variants: Iterable[str], keep: Iterable[Path] = ()) -> list[Path]:
    """Remove what an earlier run published for this draft (``STEM.VARIANT.md``/``.pdf``) and this run did not:
    a re-run that is refused, or builds fewer variants, must not leave an older version in ``publish/``,
    where it would be uploaded as if it were current. Returns the removed paths."""
    kept = {path.resolve() for path in keep}
    removed = []
    for variant in variants:
        for suffix in PUBLISHED_SUFFIXES:
            path = out_dir / PUBLISH / f"{stem}.{variant}{suffix}"
            if path.exists() and path.resolve() not in kept:
                path.unlink()
                removed.append(path)
    return removed
