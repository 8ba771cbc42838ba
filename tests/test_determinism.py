"""Same inputs, same bytes: whatever the time zone, locale, hash seed or file-system order.

Each run is a separate `dossier generate` process, so the environment really differs (a
time zone or locale read at import time, Python's per-process string hashing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_SETS = (REPO / "tests" / "fixtures" / "seeds", REPO / "tests" / "fixtures" / "hostile_seeds", REPO / "tests" / "fixtures" / "golden_seeds")


def available_locales() -> set[str]:
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout.split()
    return {name.lower().replace("-", "") for name in listed}


def _environments() -> list[dict[str, str]]:
    """UTC and C.UTF-8 against a +14:00 zone, the C locale and another hash seed (and Turkish,
    whose dotted/dotless i breaks naive case folding, where the machine has it)."""
    runs = [
        {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "0"},
        {"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "PYTHONHASHSEED": "4242"},
    ]
    if "tr_tr.utf8" in available_locales():
        runs.append({"TZ": "America/Adak", "LC_ALL": "tr_TR.UTF-8", "PYTHONHASHSEED": "random"})
    return runs


def seed_files() -> list[tuple[str, Path]]:
    """(path under seeds/, source file) for the bundled, hostile and golden seed sets."""
    files = [("", source) for source in SEED_SETS[0].iterdir()]
    files += [(f"{seeds.name}/", source) for seeds in SEED_SETS[1:] for source in seeds.rglob("*")]
    return sorted((prefix + source.relative_to(source.parent).as_posix(), source)
                  for prefix, source in files if source.is_file())


def copy_seeds(seeds: Path, order: list[tuple[str, Path]], mtime: int) -> None:
    """Create the files one by one in `order`: directory listings then come back in that order."""
    for name, source in order:
        target = seeds / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        os.utime(target, (mtime, mtime))


def generate(root: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG"))}
    env.update(environment)
    command = [sys.executable, "-c", "from generator.cli import run; run()", "generate", "--root", str(root)]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_output_is_byte_identical_across_time_zones_locales_hash_seeds_and_file_order(tmp_path: Path) -> None:
    files = seed_files()
    orders = [files, files[::-1], files[1::2] + files[::2]]
    trees, reports = [], []
    for number, environment in enumerate(_environments()):
        root = tmp_path / f"run{number}"
        root.mkdir()
        shutil.copy(REPO / "dossier.yml", root / "dossier.yml")
        copy_seeds(root / "seeds", orders[number % len(orders)], mtime=1_000_000_000 + number * 86_400 * 400)
        result = generate(root, environment)
        assert result.returncode == 0, result.stderr
        trees.append(tree(root / "content"))
        reports.append(result.stderr)
    assert len(trees[0]) > 50
    for other in trees[1:]:
        assert sorted(other) == sorted(trees[0])
        assert [path for path in trees[0] if other[path] != trees[0][path]] == []
    assert all(report == reports[0] for report in reports)
