"""The built site as one zip that works unzipped anywhere: a USB stick, a mail attachment.

Everything sits under one top-level folder, so unzipping never scatters files; entries are
sorted and carry a fixed time stamp, so the same site gives the same bytes.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from generator.errors import PackError

DEFAULT_ARCHIVE = Path("dossier-site.zip")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record
_FILE_MODE = 0o644 << 16


def site_files(site_dir: Path) -> list[Path]:
    """Regular files of the site, sorted; symbolic links are skipped (they could lead outside)."""
    return sorted(path for path in site_dir.rglob("*") if path.is_file() and not path.is_symlink())


def pack_site(site_dir: Path, archive: Path) -> int:
    """Zip `site_dir` into `archive` under a folder named after the archive; returns the file count."""
    if not (site_dir / "index.html").is_file():
        raise PackError(f"no built site in {site_dir}/ (index.html missing): run `dossier build` first")
    if archive.resolve().is_relative_to(site_dir.resolve()):
        raise PackError(f"the archive {archive} must not be inside the site it packs ({site_dir}/)")
    folder = PurePosixPath(archive.name.removesuffix(".zip") or "site")
    files = site_files(site_dir)
    archive.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=archive.parent, prefix=f".{archive.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in files:
                entry = zipfile.ZipInfo((folder / path.relative_to(site_dir).as_posix()).as_posix(), _FIXED_TIME)
                entry.external_attr = _FILE_MODE
                entry.compress_type = zipfile.ZIP_DEFLATED
                zipped.writestr(entry, path.read_bytes())
        os.replace(temporary, archive)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise PackError(f"cannot write {archive}: {error.strerror or error}") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(files)
