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


def commit_files(out_dir: Path, stem: str, files: dict[str, bytes]) -> dict[str, list[Path]]:
    """Write ``{"publish/NAME": bytes, "restricted/NAME": bytes}`` (a run made elsewhere: on a Dask worker, or a
    trial re-run) through a staging folder into ``out_dir``, as a run writes; return final paths by area."""
    outputs = StagedOutputs(out_dir, stem)
    try:
        for key, data in files.items():
            area, _, name = key.partition("/")
            if area not in (PUBLISH, RESTRICTED) or not name or "/" in name or name.startswith("."):
                raise RedactError(f"unexpected output name {key!r}", out_dir)
            mode = PRIVATE_FILE if area == RESTRICTED else 0o666  # publish files: the umask applies, as in a run
            descriptor = os.open(outputs.path(area, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
        return outputs.commit()
    finally:
        outputs.discard()


def read_outputs(out_dir: Path, areas: tuple[str, ...] = (PUBLISH, RESTRICTED)) -> dict[str, bytes]:
    """The files a run wrote in ``out_dir``, as ``{"publish/NAME": bytes, ...}``, for :func:`commit_files`."""
    return {
        f"{area}/{path.name}": path.read_bytes()
        for area in areas if (out_dir / area).is_dir() for path in sorted((out_dir / area).iterdir())
    }  # fmt: skip


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
