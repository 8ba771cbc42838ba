"""The only code that touches content/: atomic writes, a manifest, and analyst work kept.

The manifest (content/.dossier-manifest.json, hidden so MkDocs ignores it) records the hash of
every file the generator wrote. A file whose current hash differs was edited by hand and is
kept unless --force; a file not in the manifest was never ours and is never touched.

Crash consistency: before the first file changes, a journal (.dossier-manifest.journal.json)
records the hash of every file the run is about to write, beside those of earlier runs that did
not finish; the manifest is replaced, and the journal removed, only once every file is written.
After runs killed at any moment (or a disk that filled up), the next run takes a file holding
what the manifest or the journal records as its own, so it ends with exactly a clean run's
content/ and every hand edit kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import WriteError
from generator.models import RenderedFile, Report

MANIFEST = ".dossier-manifest.json"
JOURNAL = ".dossier-manifest.journal.json"


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    reports: tuple[Report, ...]  # hand edits kept, foreign files not overwritten


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe_relative(path: str) -> PurePosixPath:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise WriteError(f"refusing to write outside content/: {path!r}")
    return relative


def atomic_write(target: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename: never a partial file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_manifest(content_dir: Path) -> dict[str, str]:
    """path -> hash of the file the generator wrote there; {} when absent or unreadable."""
    path = content_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _json_bytes(mapping: Mapping[str, object]) -> bytes:
    return (json.dumps(dict(sorted(mapping.items())), indent=1) + "\n").encode("utf-8")


def _current_digest(target: Path) -> str | None:
    return _digest(target.read_bytes()) if target.is_file() else None


def write_content(content_dir: Path, files: tuple[RenderedFile, ...], force: bool = False,
                  on_disk: Mapping[str, str] | None = None) -> WriteResult:
    """Bring content/ to `files`, keeping hand-written and hand-edited files (unless force).

    `on_disk` maps paths whose file the caller has just read and found to hold exactly the
    rendered text to that text's digest (the page cache's reused pages): they are not read again.
    A file that cannot be written (permissions, a full disk) is a WriteError naming it."""
    paths = [f.path for f in files]
    if len(set(paths)) != len(paths):
        clashes = sorted({p for p in paths if paths.count(p) > 1})
        raise WriteError(f"two outputs for one path: {', '.join(clashes)}")
    try:
        return _write(content_dir, files, force, on_disk or {})
    except OSError as error:
        where = error.filename or content_dir
        raise WriteError(f"cannot write {where}: {error.strerror or error}") from error


Journal = Mapping[str, list[str]]  # path -> every hash a run that did not finish may have written there


def read_journal(content_dir: Path) -> dict[str, list[str]]:
    """The journal left by runs that did not finish ({} when there is none or it is unreadable)."""
    try:
        data = json.loads((content_dir / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(path): [str(digest) for digest in digests] for path, digests in data.items() if isinstance(digests, list)}


def _ours(path: str, current: str | None, manifest: Mapping[str, str], journal: Journal) -> bool:
    """The file holds what the generator wrote there (per the manifest, or the journal of runs
    that did not finish: each of them, killed one after another, may have left its own version)."""
    return current is not None and (current == manifest.get(path) or current in journal.get(path, ()))


def _journal_with(journal: Journal, planned: Mapping[str, str]) -> dict[str, list[str]]:
    """The journal plus what this run is about to write (every earlier entry kept)."""
    merged = {path: list(digests) for path, digests in journal.items()}
    for path, digest in planned.items():
        if digest not in merged.setdefault(path, []):
            merged[path].append(digest)
    return merged


@dataclass
class _Plan:
    """What a run will do to content/, decided before anything is changed."""

    writes: list[tuple[Path, str, bytes]]  # (target, path, data)
    removals: list[tuple[Path, str]]
    manifest: dict[str, str]
    unchanged: list[str]
    reports: list[Report]


# atomic_write's temporary files (mkstemp adds 8 characters): a killed run can leave some behind.
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def _remove_temporaries(content_dir: Path) -> None:
    """Temporary files of a run that did not finish. Pages are written only once the journal is
    in place, so without a journal only the journal's own temporary can be left (at the top):
    the whole tree is walked only after a run that died."""
    if not content_dir.is_dir():
        return
    candidates = content_dir.rglob(".*.tmp") if (content_dir / JOURNAL).exists() else content_dir.glob(".*.tmp")
    for path in candidates:
        if _TEMPORARY.fullmatch(path.name) and path.is_file():
            path.unlink()


def _write(content_dir: Path, files: tuple[RenderedFile, ...], force: bool, on_disk: Mapping[str, str]) -> WriteResult:
    _remove_temporaries(content_dir)
    old_manifest = read_manifest(content_dir)
    journal = read_journal(content_dir)  # left by runs that did not finish
    plan = _plan(content_dir, files, force, on_disk, old_manifest, journal)
    manifest_bytes = _json_bytes(plan.manifest)
    manifest_changes = _current_digest(content_dir / MANIFEST) != _digest(manifest_bytes)
    if plan.writes or plan.removals or manifest_changes:
        # Written only when something changes: a no-op run touches no file (mkdocs serve watches content/).
        atomic_write(content_dir / JOURNAL, _json_bytes(_journal_with(journal, plan.manifest)))
    for target, _path, data in plan.writes:
        atomic_write(target, data)
    for target, _path in plan.removals:
        target.unlink()
    if manifest_changes:
        atomic_write(content_dir / MANIFEST, manifest_bytes)
    (content_dir / JOURNAL).unlink(missing_ok=True)
    return WriteResult(tuple(path for _, path, _ in plan.writes), tuple(plan.unchanged),
                       tuple(path for _, path in plan.removals), tuple(plan.reports))


def _plan(content_dir: Path, files: tuple[RenderedFile, ...], force: bool, on_disk: Mapping[str, str],
          old_manifest: Mapping[str, str], journal: Journal) -> _Plan:
    plan = _Plan([], [], {}, [], [])
    for rendered in files:
        target = content_dir / _safe_relative(rendered.path)
        if rendered.path in on_disk and old_manifest.get(rendered.path) == on_disk[rendered.path]:
            plan.unchanged.append(rendered.path)
            plan.manifest[rendered.path] = on_disk[rendered.path]
            continue
        data = rendered.text.encode("utf-8")
        current = _current_digest(target)
        if current == _digest(data):
            plan.unchanged.append(rendered.path)
        elif current is None or force or _ours(rendered.path, current, old_manifest, journal):
            plan.writes.append((target, rendered.path, data))
        elif rendered.path not in old_manifest:
            plan.reports.append(Report(rendered.path, "not generated by dossier; left as it is (--force overwrites)",
                                       severity="warning"))
            continue
        else:
            plan.reports.append(Report(rendered.path, "edited by hand since generated; kept (--force overwrites)",
                                       severity="warning"))
            plan.manifest[rendered.path] = old_manifest[rendered.path]
            continue
        plan.manifest[rendered.path] = _digest(data)
    for stale in sorted((set(old_manifest) | set(journal)) - set(plan.manifest)):
        target = content_dir / _safe_relative(stale)
        current = _current_digest(target)
        if current is None:
            continue
        if force or _ours(stale, current, old_manifest, journal):
            plan.removals.append((target, stale))
        else:
            plan.reports.append(Report(stale, "no longer generated but edited by hand; kept", severity="warning"))
    return plan
