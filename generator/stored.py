"""Files an optimisation keeps between runs: what made them, and reading and writing them safely.

Every cache of the generator (parsed inputs, extracted articles, rendered pages, the gazetteer)
is a pickle that is only ever a shortcut: a missing, corrupt or unwritable file is a miss, never
an error, and a file is written atomically or not at all. Each is keyed by a fingerprint of the
code, data and package versions that made it, so nothing has to be invalidated by hand.
(Pickle runs code when loaded; these files sit with the project or in the user's own cache
folder, and are trusted as the templates and the installed code are.)
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path

import generator

PACKAGE_DIR = Path(generator.__file__).resolve().parent


def fingerprint(label: str, files: Iterable[Path], packages: Iterable[str] = ()) -> hashlib._Hash:
    """A running hash of `label`, the generator's version, each file of the package (its path
    and bytes) and each package's installed version: callers may add more before hexdigest()."""
    digest = hashlib.sha256(f"{label}\0{generator.__version__}\0".encode())
    for path in sorted(files):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for package in packages:
        digest.update(f"{package}={_version(package)}\0".encode())
    return digest


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def read_pickle(file: Path) -> object | None:
    """The object pickled in `file`, or None when it is absent or cannot be unpickled."""
    try:
        with file.open("rb") as stream:
            return pickle.load(stream)
    except Exception:  # noqa: BLE001 - a corrupt pickle can raise almost anything; it is a miss
        return None


def write_pickle(file: Path, value: object) -> bool:
    """Pickle `value` to `file` atomically (a temporary file, then a rename); False, and no
    file changed, when it cannot be written."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, file)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    return True
