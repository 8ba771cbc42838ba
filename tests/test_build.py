"""End to end: golden content trees (a fixture dossier and the bundled one), CLI contract.

Whether the committed content/ is what the repository's own seeds/ give is checked by
`make fresh` (run by CI after `make test`), not here: the suite passes on a fork whose seeds/
hold other articles."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


from generator.build import generate
from generator.config import Settings

REPO = Path(__file__).resolve().parent.parent
GOLDEN_SEEDS = REPO / "tests/fixtures/golden_seeds"
GOLDEN_CONTENT = REPO / "tests/golden/content"
BUNDLED_SEEDS = REPO / "tests/fixtures/seeds"  # a copy of the bundled dossier's seeds/
BUNDLED_CONTENT = REPO / "tests/golden/bundled"
BUNDLED_SETTINGS = Settings(  # as the repository's dossier.yml has them (a fork may change that file)
    title="Aleppo airstrikes, September 2016",
    packs=("syria",),
    description="Reporting on the air and artillery bombardment of rebel-held eastern Aleppo on 23 September 2016, "
                "after the collapse of the US-Russia ceasefire.")
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _generate_into(tmp_path: Path, seeds: Path, settings: Settings | None = None) -> Path:
    shutil.copytree(seeds, tmp_path / "seeds")
    generate(tmp_path, settings or Settings(title="Golden dossier"))
    return tmp_path / "content"


def _assert_golden(content: Path, golden_dir: Path) -> None:
    """`content` equals the reviewed golden tree (UPDATE_GOLDEN=1 / `make golden` rewrites it)."""
    if UPDATE_GOLDEN:
        shutil.rmtree(golden_dir, ignore_errors=True)
        shutil.copytree(content, golden_dir)
    produced, golden = _tree(content), _tree(golden_dir)
    assert sorted(produced) == sorted(golden)
    for path in produced:
        assert produced[path].decode() == golden[path].decode(), path


@pytest.mark.parametrize("seeds, settings, golden_dir", [
    (GOLDEN_SEEDS, Settings(title="Golden dossier"), GOLDEN_CONTENT),  # a fixture dossier of every input form
    (BUNDLED_SEEDS, BUNDLED_SETTINGS, BUNDLED_CONTENT),  # the bundled dossier, from its own copy of the seeds
], ids=["fixture", "bundled"])
def test_generated_markdown_equals_the_golden_tree(tmp_path, seeds, settings, golden_dir):
    _assert_golden(_generate_into(tmp_path, seeds, settings), golden_dir)


def test_generate_twice_writes_nothing_the_second_time(tmp_path):
    _generate_into(tmp_path, GOLDEN_SEEDS)
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "content").rglob("*")}
    result = generate(tmp_path, Settings(title="Golden dossier"))
    assert result.written.written == ()
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "content").rglob("*")} == before


def _dossier(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from generator.cli import run; run()", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "TZ": "UTC"})


SPEC_FIELDS = {"id", "source_path", "title", "url", "publisher", "wires", "published", "event_date", "summary",
               "actors", "places", "quotes", "figures", "headline_toll"}


def test_extract_prints_one_spec_object_per_article():
    result = _dossier("extract", "tests/fixtures/seeds/000_95674d525cba9203.txt",
                      "tests/fixtures/seeds/004_c2eec665b70e2dfb.txt",
                      "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    for record in records:
        assert SPEC_FIELDS <= set(record)
        assert set(record["headline_toll"]) == {"killed", "wounded"}
        for actor in record["actors"]:
            assert {"id", "name", "kind", "aliases_seen", "mentions"} <= set(actor)
    shared = {a["id"] for a in records[0]["actors"]} & {a["id"] for a in records[1]["actors"]}
    assert shared, "the two seeds share actors, with the same ids"
    briefing_ids = {p.stem for p in (BUNDLED_CONTENT / "briefings").glob("0*.md")}
    assert {r["id"] for r in records} == briefing_ids, "extract and generate give an article one id"


def test_extract_prints_records_in_input_order_not_by_date(tmp_path):
    rows = [{"id": f"r{n}", "title": f"Report {n}", "published": date,
             "content": f"Shelling killed {n + 2} people in Aleppo on Monday, the Observatory said."}
            for n, date in enumerate(["2016-09-24", "2015-01-02", "2016-09-24", "2017-03-05"])]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Talks resumed in Geneva on Friday after a long pause.\n", encoding="utf-8")
    result = _dossier("extract", str(tmp_path))
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "r0", "r1", "r2", "r3"]


def test_check_writes_nothing_and_strict_fails_on_problems(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "empty.txt").write_bytes(b"")
    shutil.copy(REPO / "tests/fixtures/seeds/004_c2eec665b70e2dfb.txt", seeds)
    relaxed = _dossier("check", "--root", str(tmp_path))
    assert relaxed.returncode == 0 and "empty.txt" in relaxed.stderr
    strict = _dossier("check", "--root", str(tmp_path), "--strict")
    assert strict.returncode == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds"]


def test_summary_counts_articles_without_a_publication_date(tmp_path):
    """Not a problem of the file (no report line, --strict passes), but the analyst should know
    that "on Friday" in such an article stays unresolved."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(REPO / "tests/fixtures/seeds/004_c2eec665b70e2dfb.txt", seeds)
    shutil.copy(REPO / "tests/fixtures/seeds/000_95674d525cba9203.txt", seeds)
    shutil.copy(REPO / "tests/fixtures/seeds/000_95674d525cba9203.meta.yaml", seeds)
    checked = _dossier("check", "--root", str(tmp_path), "--strict")
    assert checked.returncode == 0
    assert "dossier: 2 usable article(s) (1 without a publication date: relative dates unresolved); 0 problem(s)" in checked.stderr
    (seeds / "004_c2eec665b70e2dfb.meta.yaml").write_text("published: 2016-09-24\n", encoding="utf-8")
    assert "dossier: 2 usable article(s); 0 problem(s)" in _dossier("check", "--root", str(tmp_path)).stderr


def test_config_error_exit_code(tmp_path):
    (tmp_path / "dossier.yml").write_text("nonsense_key: 1\n")
    result = _dossier("check", "--root", str(tmp_path))
    assert result.returncode == 2 and "nonsense_key" in result.stderr


def test_max_file_mb_setting_limits_single_article_files(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "big.txt").write_text("Aleppo was shelled on Monday and many people fled. " * 30_000)
    (tmp_path / "dossier.yml").write_text("max_file_mb: 1\n")
    result = _dossier("check", "--root", str(tmp_path))
    assert "big.txt: file too large" in result.stderr
    (tmp_path / "dossier.yml").write_text("max_file_mb: 2\n")
    assert "too large" not in _dossier("check", "--root", str(tmp_path)).stderr
