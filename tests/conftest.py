"""Shared fixtures: the bundled dossier's articles and a FA-KES sample (copies under
tests/fixtures/, so that the suite needs neither ../shared nor the repository's own seeds/),
and one real `mkdocs build --strict` of the bundled dossier per session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
# The pages the navigation holds (mkdocs.yml `nav`), as built.
SECTION_PAGES = (
    "index.html",
    "briefings/index.html",
    "actors/index.html",
    "places/index.html",
    "timeline.html",
    "figures.html",
    "sources.html",
)
MKDOCS_CONFIG = REPO_ROOT / "mkdocs.yml"


def build_site(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Build like `make site` does, but into site_dir and without SITE_URL.

    SITE_URL is dropped so that the result is the relative, file://-ready site a reader gets
    locally, whatever the environment of the test run.
    """
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["DOSSIER_GENERATE"] = "false"  # the tests generate content/ themselves, as `dossier generate` does
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(config), "--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)


FIXTURES = REPO_ROOT / "tests" / "fixtures"
# The bundled dossier's two articles and their sidecars, copied from seeds/.
SEEDS = FIXTURES / "seeds"
BUNDLED_TITLE = "Aleppo airstrikes, September 2016"


def bundled_project(root: Path) -> Path:
    """A project of the bundled dossier's articles with the repository's mkdocs.yml."""
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copy(MKDOCS_CONFIG, root / "mkdocs.yml")
    (root / "overrides").mkdir()
    (root / "dossier.yml").write_text(yaml.safe_dump({"title": BUNDLED_TITLE}), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def bundled_dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled dossier's project (its own copy of the seeds), generated."""
    from generator.build import generate
    from generator.config import load_config

    project = bundled_project(tmp_path_factory.mktemp("bundled"))
    generate(project, load_config(project))
    return project


@pytest.fixture(scope="session")
def mkdocs_config(bundled_dossier: Path) -> Path:
    """The mkdocs.yml built_site is built with: a copy of the repository's, whose docs_dir is the
    bundled dossier's content/ (not the repository's, which a fork generates from other seeds)."""
    return bundled_dossier / "mkdocs.yml"


@pytest.fixture(scope="session")
def built_site(bundled_dossier: Path) -> Path:
    """The bundled dossier built with the repository's mkdocs.yml."""
    result = build_site(bundled_dossier / "mkdocs.yml", bundled_dossier / "site")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return bundled_dossier / "site"


@pytest.fixture(scope="session")
def seed_000() -> str:
    """The raw text of the NBC News / Reuters seed article."""
    return next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_004() -> str:
    """The raw text of the Daily Star / AFP seed article."""
    return next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")


FAKES = FIXTURES / "fakes-sample.jsonl"  # 74 FA-KES records, CC BY 4.0 (see its README)


def fakes_records(location: str, count: int) -> list[dict]:
    """The first `count` FA-KES dev articles about one governorate: they share actors, places
    and casualty events."""
    with FAKES.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return [r for r in rows if r["gold"]["location"] == location][:count]


def write_fakes_article(seeds: Path, record: dict, title: str | None = None) -> None:
    """The record as a seed file with a sidecar (title, publisher), as an analyst would add it."""
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / f"{record['id']}.txt").write_text(record["content"], encoding="utf-8")
    meta = {"title": title or record["title"], "publisher": record["source"]}
    (seeds / f"{record['id']}.txt.meta.yaml").write_text(json.dumps(meta) + "\n", encoding="utf-8")
