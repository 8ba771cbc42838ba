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

import contextlib
import functools
import gc
import hashlib
import importlib.metadata
import os
import pickle
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import generator

PACKAGE_DIR = Path(generator.__file__).resolve().parent


DISTRIBUTION = "mkdocs-dossier"


def fingerprint(label: str, files: Iterable[Path]) -> hashlib._Hash:
    """A running hash of `label`, the generator's version, each file of the package (its path
    and bytes) and the installed version of every distribution the code among `files` imports
    (and of what those require): callers may add more before hexdigest()."""
    digest = hashlib.sha256(f"{label}\0{generator.__version__}\0".encode())
    files = sorted(files)
    for path in files:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for package in imported_distributions(tuple(path for path in files if path.suffix == ".py")):
        digest.update(f"{package}={_version(package)}\0".encode())
    return digest


def imported_distributions(files: tuple[Path, ...]) -> tuple[str, ...]:
    """The distributions among the generator's requirements whose modules `files` import, and
    everything those require in turn (extras left out), by name: found from package metadata,
    so that a new dependency of a dependency (trafilatura's htmldate, lxml...) is never missed."""
    unresolved = {name.split(".")[0] for path in files for name in imported_names(path.read_bytes())}
    unresolved -= {*sys.stdlib_module_names, "generator", "__future__"}
    found: set[str] = set()
    for thorough in (False, True):  # reading a distribution's file list is slow: only if needed
        for distribution in _requirements():
            modules = _top_level_modules(distribution, thorough)
            if unresolved & modules:
                found |= _with_requirements(distribution)
                unresolved -= modules
        unresolved = {name for name in unresolved if _canonical(name) not in found}  # markupsafe, via Jinja2
        if not unresolved:
            break
    return tuple(sorted(found))


@functools.cache
def _requirements() -> tuple[str, ...]:
    """Our direct requirements (none when the generator runs from a folder that was not installed)."""
    try:
        requirements = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        return ()
    return tuple(name for name in map(_requirement_name, requirements) if name)


def _requirement_name(requirement: str) -> str | None:
    """"lxml[html_clean]>=6; python_version..." -> "lxml"; None for an extra's requirement."""
    if _EXTRA_MARKER.search(requirement):
        return None
    return _canonical(_REQUIREMENT_NAME.match(requirement)[0])


_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_EXTRA_MARKER = re.compile(r";.*\bextra\s*==")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.cache
def _top_level_modules(distribution: str, thorough: bool) -> frozenset[str]:
    """What `import` names a distribution installs: its top_level.txt, else (thorough) the top
    folders of its files, else its own name."""
    try:
        found = importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return frozenset()
    listed = found.read_text("top_level.txt")
    if listed:
        return frozenset(listed.split())
    if not thorough:
        return frozenset({distribution.replace("-", "_")})
    return frozenset(Path(str(file)).parts[0].removesuffix(".py") for file in found.files or ()
                     if not str(file).startswith(("..", "/")) and ".dist-info" not in str(file))


@functools.cache
def _with_requirements(distribution: str) -> frozenset[str]:
    """The distribution and every installed distribution it requires, transitively."""
    found: set[str] = set()
    pending = [distribution]
    while pending:
        name = pending.pop()
        if name in found:
            continue
        try:
            requirements = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue  # not installed here (an environment marker left it out): nothing to hash
        found.add(name)
        pending += [required for required in map(_requirement_name, requirements) if required]
    return frozenset(found)


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def read_pickle(file: Path) -> object | None:
    """The object pickled in `file`, or None when it is absent or cannot be unpickled."""
    try:
        with file.open("rb") as stream, _collector_paused():
            return pickle.load(stream)
    except Exception:  # noqa: BLE001 - a corrupt pickle can raise almost anything; it is a miss
        return None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a large pickle loads: unpickling allocates a
    container per object, and each collection would rescan all made so far (a 7 MB gazetteer
    loads in 0.13 s instead of 0.3 to 0.5 s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


def mark_used(path: Path) -> None:
    """A cache entry's modification time set to now: prune_unused keeps the recently used."""
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache folder: the entry may be pruned sooner, never wrongly read


def prune_unused(folder: Path, prefix: str, keep: int) -> None:
    """Of the entries of `folder` named `prefix`-digest (files or folders), all but the `keep`
    most recently used removed: each new version of the code or data adds one (megabytes each),
    and nothing else would ever delete the old ones."""
    try:
        entries = [entry for entry in folder.iterdir() if entry.name.startswith(f"{prefix}-")]
        entries.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
        for stale in entries[keep:]:
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    except OSError:
        pass  # another process pruned first, or the folder is not ours to clean: a cache only


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
