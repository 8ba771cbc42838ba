"""Files an optimisation keeps between runs: what made them, and reading and writing them safely.

Every cache of the generator (parsed inputs, extracted articles, rendered pages, the gazetteer)
is a pickle that is only ever a shortcut: a missing, corrupt or unwritable file is a miss, never
an error, and a file is written atomically or not at all. Each is keyed by a fingerprint of the
code, data and package versions that made it, so nothing has to be invalidated by hand; the
code is found by following a module's imports (module_files).
(Pickle runs code when loaded; these files sit with the project or in the user's own cache
folder, and are trusted as the templates and the installed code are.)
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import re
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


def module_files(entry: str) -> set[Path]:
    """Source files of `entry` and of every generator module it imports, transitively."""
    seen: set[Path] = set()
    pending = [entry]
    while pending:
        path = _source_of(pending.pop())
        if path is None or path in seen:
            continue
        seen.add(path)
        pending += imported_names(path.read_bytes())
    return seen


# An import statement at the start of a line (any indentation), with its continuation lines.
_IMPORT_STATEMENT = re.compile(
    rb"^[ \t]*(?:from[ \t]+(?P<module>\w[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|(?:[^\n]*\\\n)*[^\n]*)"
    rb"|import[ \t]+(?P<modules>(?:[^\n]*\\\n)*[^\n]*))",
    re.MULTILINE,
)
_COMMENT = re.compile(rb"#[^\n]*")


def imported_names(source: bytes) -> list[str]:
    """Every module an absolute import in `source` may load: `from a import b` gives a and a.b.

    A scan of the text, not ast.parse: a tenth of the cost, and run on every module on every
    run. A docstring line that looks like an import only adds a module to hash (tests hold
    the scan to what the AST gives for every generator module).
    """
    names = []
    for statement in _IMPORT_STATEMENT.finditer(source):
        listed = _COMMENT.sub(b"", statement["names"] or statement["modules"]).strip(b"()\\ \t\n")
        items = [item.split()[0].decode() for item in listed.replace(b"\\\n", b" ").split(b",") if item.strip()]
        if statement["module"]:
            module = statement["module"].decode()
            names += [module, *(f"{module}.{item}" for item in items)]
        else:
            names += items
    return names


def _source_of(module: str) -> Path | None:
    """The file of a generator module (or package), None for anything else."""
    parts = module.split(".")
    if parts[0] != "generator":
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None
