"""The built wheel is what users install: it must carry every file the package reads (data,
region packs, templates, theme, scaffold) and make a dossier with nothing of the repository
beside it. An editable install never notices a file left out of the package data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_95674d525cba9203.txt"


def _package_files() -> set[str]:
    """Every file of the package as the wheel names it (bytecode aside)."""
    return {path.relative_to(ROOT).as_posix() for path in (ROOT / "generator").rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


def _run(command: list[str], cwd: Path, site_packages: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "DOSSIER_GENERATE")}
    env.update(PYTHONPATH=str(site_packages), TZ="UTC", NO_MKDOCS_2_WARNING="1")
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)


def _clean_source(folder: Path) -> Path:
    """What the wheel is built from, without a checkout's build/ or egg-info, whose stale copies
    setuptools would package."""
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, folder / name)
    shutil.copytree(ROOT / "generator", folder / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_the_wheel_carries_every_package_file_and_makes_a_dossier_on_its_own(tmp_path):
    (tmp_path / "source").mkdir()
    source = _clean_source(tmp_path / "source")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir",
                            str(tmp_path / "dist"), str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("mkdocs_dossier-*.whl")
    installed = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        missing = _package_files() - set(archive.namelist())
        archive.extractall(installed)
    assert not missing

    # The wheel's copy comes first on the path, ahead of the editable install's finder.
    where = _run([sys.executable, "-c", "import generator; print(generator.__file__)"], tmp_path, installed)
    assert Path(where.stdout.strip()).is_relative_to(installed), where.stdout + where.stderr
    project = tmp_path / "mine"
    made = _run([sys.executable, "-c", "from generator.cli import run; run()", "new", str(project)], tmp_path, installed)
    assert made.returncode == 0, made.stderr
    (project / "seeds" / SEED.name).write_bytes(SEED.read_bytes())
    site = _run([sys.executable, "-m", "mkdocs", "build", "--strict"], project, installed)
    assert site.returncode == 0, site.stderr
    assert (project / "site" / "places" / "aleppo.html").is_file()
    assert len(list((project / "content" / "briefings").glob("*.md"))) == 2  # the briefing and the index
