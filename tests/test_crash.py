"""Nothing lost after a crash: a real `dossier generate` killed with SIGKILL at random moments,
or stopped by a full disk, and run again gives exactly a clean run's content/, hand edits kept."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import fakes_records, write_fakes_article

KILLS = 4
# Writes slowed to 20 ms each, so that a kill at a random moment often falls among them (a real
# run writes a hundred pages in a few milliseconds, after a second of extraction).
SLOW_WRITES = """import os, time
_replace = os.replace
def _slow(source, target):
    time.sleep(0.02)
    _replace(source, target)
os.replace = _slow
"""


def _dossier(root: Path, *args: str, prelude: str = "") -> subprocess.Popen:
    script = prelude + "from generator.cli import run; run()"
    return subprocess.Popen([sys.executable, "-c", script, "generate", "--root", str(root), "--jobs", "1", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TZ": "UTC"})


def _run(root: Path, prelude: str = "") -> tuple[int, str]:
    process = _dossier(root, prelude=prelude)
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return fakes_records("aleppo", 24)


def _project(root: Path, records: list[dict]) -> Path:
    for record in records:
        write_fakes_article(root / "seeds", record)
    return root


def test_killed_at_random_moments_then_run_again_equals_a_clean_run(tmp_path, records):
    project = _project(tmp_path / "project", records[:12])
    assert _run(project)[0] == 0
    edited = project / "content" / "index.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn analyst's line.\n", encoding="utf-8")
    started = time.monotonic()
    _project(project, records[12:18])
    assert _run(project, prelude=SLOW_WRITES)[0] == 0
    full_run = time.monotonic() - started
    rng = random.Random(7)
    for kill in range(KILLS):  # each killed run sees one more article than the last run
        write_fakes_article(project / "seeds", records[18 + kill])
        process = _dossier(project, prelude=SLOW_WRITES)
        time.sleep(rng.uniform(0.4, 0.95) * full_run)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    write_fakes_article(project / "seeds", records[18 + KILLS])
    code, stderr = _run(project)
    assert code == 0, stderr

    clean = _project(tmp_path / "clean", records[:12])
    assert _run(clean)[0] == 0
    (clean / "content" / "index.md").write_text(edited.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.rmtree(clean / "seeds")
    shutil.copytree(project / "seeds", clean / "seeds")
    assert _run(clean)[0] == 0
    assert _tree(project / "content") == _tree(clean / "content")
    assert "An analyst's line." in edited.read_text(encoding="utf-8")
    assert "index.md: edited by hand since generated; kept" in stderr


FULL_DISK = """import errno, os
_replace, _count = os.replace, [0]
def _full(source, target):
    _count[0] += 1
    if _count[0] > 20:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))
    _replace(source, target)
os.replace = _full
"""


def test_a_full_disk_is_one_line_and_exit_5_and_the_next_run_repairs_everything(tmp_path, records):
    project = _project(tmp_path / "project", records[:6])
    assert _run(project)[0] == 0
    _project(project, records[6:12])
    code, stderr = _run(project, prelude=FULL_DISK)
    assert code == 5
    assert [line for line in stderr.splitlines() if "error" in line] == [
        next(line for line in stderr.splitlines() if line.startswith("dossier: error: cannot write "))]
    assert "No space left on device" in stderr and "Traceback" not in stderr
    assert _run(project)[0] == 0
    clean = _project(tmp_path / "clean", records[:12])
    assert _run(clean)[0] == 0
    assert _tree(project / "content") == _tree(clean / "content")


READ_ONLY = """import errno, os, tempfile
_mkstemp = tempfile.mkstemp
def _refuse(*args, dir=None, **kwargs):
    if dir is not None and "content" in os.fspath(dir):
        raise OSError(errno.EROFS, "Read-only file system", os.fspath(dir))
    return _mkstemp(*args, dir=dir, **kwargs)
tempfile.mkstemp = _refuse
"""


def test_a_read_only_content_folder_is_one_line_and_exit_5_and_nothing_changes(tmp_path, records):
    """As root, chmod does not stop a write: the file system's refusal is injected instead."""
    project = _project(tmp_path / "project", records[:6])
    assert _run(project)[0] == 0
    before = _tree(project / "content")
    _project(project, records[6:12])
    code, stderr = _run(project, prelude=READ_ONLY)
    assert code == 5
    assert "Read-only file system" in stderr and "Traceback" not in stderr
    assert len([line for line in stderr.splitlines() if "error" in line]) == 1
    assert _tree(project / "content") == before
