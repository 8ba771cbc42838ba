"""Parallel extraction: worker processes give exactly the serial result, in input order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import generator.build as build
from generator.build import ExtractionPlan, extract_all
from generator.config import Settings
from generator.ingest import ingest
from generator.knowledge import load_knowledge_base

REPO = Path(__file__).resolve().parent.parent
ARTICLES = 12


def _write_seeds(seeds: Path) -> None:
    """Twelve distinct articles, each a different run of paragraphs of the two bundled seeds."""
    paragraphs = []
    for path in sorted((REPO / "tests" / "fixtures" / "seeds").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
    seeds.mkdir(parents=True)
    for number in range(ARTICLES):
        chosen = [paragraphs[(number * 3 + offset) % len(paragraphs)] for offset in range(4)]
        (seeds / f"article-{number:02d}.txt").write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
        (seeds / f"article-{number:02d}.txt.meta.yaml").write_text(
            f"published: 2016-09-{number + 1:02d}\npublisher: Outlet {number % 3}\n", encoding="utf-8")


@pytest.fixture
def parallel_from_two(monkeypatch):
    """Let even a dozen articles go to worker processes."""
    monkeypatch.setattr(build, "PARALLEL_MIN_ARTICLES", 2)


def test_workers_give_the_serial_result_in_input_order(tmp_path, parallel_from_two):
    _write_seeds(tmp_path / "seeds")
    raws = ingest([tmp_path / "seeds"], base=tmp_path / "seeds").articles
    kb = load_knowledge_base()
    progress: list[tuple[int, int]] = []
    parallel = extract_all(raws, kb, ExtractionPlan(jobs=2, progress=lambda done, total: progress.append((done, total))))
    serial = extract_all(raws, kb, ExtractionPlan(jobs=1))
    assert len(raws) == ARTICLES
    assert [a.id for a in parallel] == [raw.id for raw in raws]
    assert parallel == serial
    assert progress == [(done, ARTICLES) for done in range(1, ARTICLES + 1)]


def _worker_pid(_raw) -> int:
    return os.getpid()


def test_worker_processes_are_used(tmp_path, parallel_from_two, monkeypatch):
    """The pool really runs: the per-article function executes in processes other than this one."""
    monkeypatch.setattr(build, "_extract_in_worker", _worker_pid)
    _write_seeds(tmp_path / "seeds")
    raws = ingest([tmp_path / "seeds"], base=tmp_path / "seeds").articles
    pids = list(build._extract(list(raws), load_knowledge_base(), jobs=2))
    assert len(pids) == ARTICLES and os.getpid() not in pids


def test_parallel_generate_equals_serial_generate(tmp_path, parallel_from_two):
    trees = []
    for jobs in (1, 2):
        root = tmp_path / f"jobs-{jobs}"
        _write_seeds(root / "seeds")
        build.generate(root, Settings(title="Parallel"), jobs=jobs)
        content = root / "content"
        trees.append({p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]


def _dossier(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from generator.cli import run; run()", *args]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, env={**os.environ, "TZ": "UTC"})


def test_jobs_option_and_no_progress_bar_off_a_terminal(tmp_path):
    _write_seeds(tmp_path / "seeds")
    result = _dossier("generate", "--root", str(tmp_path), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "extracting" not in result.stderr
    assert f"{ARTICLES} article(s)" in result.stderr
    assert _dossier("generate", "--root", str(tmp_path), "--jobs", "0").returncode == 2
