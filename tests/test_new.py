"""Anyone's dossier: `dossier new`, plain `mkdocs build` / `mkdocs serve` through the plugin,
and no setting that can lose the generated dossier."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

PLACES = ["Aleppo", "Homs", "Idlib", "Hama", "Daraa", "Raqqa"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def _article(number: int) -> str:
    """A short article of its own (no two alike, so none is taken for a duplicate)."""
    place, day = PLACES[number], WEEKDAYS[number]
    return (f"Shelling hits {place} market\n\n"
            f"Shelling on a market in {place} killed {number + 3} people on {day}, rescue workers said. "
            f"Residents of {place} described panic as the shells fell near bakery number {number * 7 + 11}. "
            f"Local officials in {place} said schools would stay closed for {number + 2} days.\n")


def _dossier(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from generator.cli import run; run()", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "TZ": "UTC"})


def _mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "DOSSIER_GENERATE")}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, capture_output=True, text=True,
                          env={**env, "NO_MKDOCS_2_WARNING": "1", "TZ": "UTC"})


def _new(tmp_path: Path, title: str = "Shelling of the markets") -> Path:
    project = tmp_path / "mine"
    result = _dossier("new", str(project), "--title", title)
    assert result.returncode == 0, result.stderr
    return project


def _briefings(site: Path) -> list[str]:
    return sorted(path.name for path in (site / "briefings").glob("*.html")
                  if not re.fullmatch(r"index\.html|page-\d+\.html", path.name))


def test_new_project_builds_at_once_and_then_with_each_added_article(tmp_path):
    project = _new(tmp_path)
    for name in ("dossier.yml", "mkdocs.yml", "knowledge.yaml", "seeds/README.md", "notes/README.md", ".gitignore",
                 ".github/workflows/pages.yml", "overrides/README.md", "templates/README.md"):
        assert (project / name).is_file(), name
    built = _mkdocs(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "No articles yet" in (project / "site" / "index.html").read_text(encoding="utf-8")

    for number in range(5):
        (project / "seeds" / f"article-{number}.txt").write_text(_article(number), encoding="utf-8")
    built = _mkdocs(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    site = project / "site"
    assert len(_briefings(site)) == 5
    assert (site / "search" / "search_index.json").is_file()
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Shelling of the markets</title>" in index and "No articles yet" not in index
    for page in site.rglob("*.html"):
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page.read_text(encoding="utf-8")), page

    (project / "seeds" / "article-5.txt").write_text(_article(5), encoding="utf-8")
    assert _mkdocs(project, "build", "--strict").returncode == 0
    assert len(_briefings(site)) == 6


def test_project_files_replace_shipped_ones_file_by_file(tmp_path):
    project = _new(tmp_path)
    (project / "seeds" / "one.txt").write_text(_article(0), encoding="utf-8")
    (project / "overrides" / "assets" / "stylesheets").mkdir(parents=True)
    (project / "overrides" / "assets" / "stylesheets" / "dossier.css").write_text("/* mine */\n", encoding="utf-8")
    (project / "templates" / "briefing.md.j2").write_text(
        '{% extends "shipped/briefing.md.j2" %}{% block summary %}## Lead\n\n{{ article.summary }}\n\n{% endblock %}',
        encoding="utf-8")
    assert _mkdocs(project, "build", "--strict").returncode == 0
    site = project / "site"
    assert (site / "assets" / "stylesheets" / "dossier.css").read_text(encoding="utf-8") == "/* mine */\n"
    assert (site / "assets" / "javascripts" / "iframe-worker" / "shim.js").is_file()  # still the shipped one
    briefing = (site / "briefings" / "one.html").read_text(encoding="utf-8")
    assert 'id="lead"' in briefing and 'id="summary"' not in briefing and 'id="actors"' in briefing


def test_plugin_turns_problems_into_warnings_and_a_broken_setting_into_an_error(tmp_path):
    project = _new(tmp_path)
    (project / "seeds" / "one.txt").write_text(_article(0), encoding="utf-8")
    (project / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    assert _mkdocs(project, "build").returncode == 0
    strict = _mkdocs(project, "build", "--strict")
    assert strict.returncode == 1 and "WARNING -  dossier: error: empty.txt: empty file" in strict.stderr
    (project / "dossier.yml").write_text("title: x\nseed_dir: elsewhere\n", encoding="utf-8")
    broken = _mkdocs(project, "build")
    assert broken.returncode == 1 and "unknown setting 'seed_dir' (did you mean 'seeds_dir'?)" in broken.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_serve_shows_an_article_written_while_it_runs(tmp_path):
    project = _new(tmp_path)
    (project / "seeds" / "first.txt").write_text(_article(0), encoding="utf-8")
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "DOSSIER_GENERATE")}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**env, "NO_MKDOCS_2_WARNING": "1"})
    index = f"http://127.0.0.1:{port}/briefings/index.html"
    try:
        assert _wait_for(lambda: "Shelling hits Aleppo market" in _get(index), 60), "serve did not start"
        (project / "seeds" / "second.txt").write_text(_article(1), encoding="utf-8")
        assert _wait_for(lambda: "Shelling hits Homs market" in _get(index), 120), "the new article never appeared"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture()
def generated(tmp_path) -> Path:
    project = _new(tmp_path)
    for number in range(2):
        (project / "seeds" / f"article-{number}.txt").write_text(_article(number), encoding="utf-8")
    assert _dossier("generate", "--root", str(project)).returncode == 0
    return project


def test_a_missing_seeds_folder_stops_before_content_is_touched(generated):
    before = _snapshot(generated / "content")
    with (generated / "dossier.yml").open("a", encoding="utf-8") as settings:
        settings.write("seeds_dir: no-such-folder\n")
    result = _dossier("generate", "--root", str(generated))
    assert result.returncode == 2 and "no-such-folder" in result.stderr
    assert _snapshot(generated / "content") == before


def test_a_missing_root_is_an_error_and_is_not_created(tmp_path):
    result = _dossier("generate", "--root", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and "nowhere: no such project folder" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_seeds_that_give_no_article_remove_nothing_unless_forced(generated):
    before = _snapshot(generated / "content")
    for path in (generated / "seeds").glob("*.txt"):
        path.unlink()
    result = _dossier("generate", "--root", str(generated))
    assert result.returncode == 3 and "--force" in result.stderr
    assert _snapshot(generated / "content") == before
    assert _dossier("generate", "--root", str(generated), "--force").returncode == 0
    assert not list((generated / "content" / "briefings").glob("article-*.md"))


def test_new_refuses_a_folder_that_holds_files(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    result = _dossier("new", str(tmp_path / "taken"))
    assert result.returncode == 2 and "not an empty folder" in result.stderr
    assert [path.name for path in (tmp_path / "taken").iterdir()] == ["notes.txt"]


def test_quiet_and_verbose_and_yaml_errors_with_their_line(generated):
    quiet = _dossier("-q", "generate", "--root", str(generated))
    assert quiet.returncode == 0 and quiet.stderr == ""
    (generated / "seeds" / "article-0.txt").write_text(_article(4), encoding="utf-8")
    verbose = _dossier("-v", "generate", "--root", str(generated))
    assert "written: briefings/article-0.md" in verbose.stderr.splitlines()
    (generated / "dossier.yml").write_text("title: x\ndescription: [unclosed\n", encoding="utf-8")
    broken = _dossier("generate", "--root", str(generated))
    assert broken.returncode == 2 and "dossier.yml, line 3: not valid YAML" in broken.stderr


def test_version_names_the_command_and_the_package_version():
    from importlib.metadata import version

    result = _dossier("--version")
    assert result.stdout.strip() == f"dossier, version {version('mkdocs-dossier')}"


def test_the_repository_builds_with_the_configuration_dossier_new_writes():
    """The bundled dossier is a project like any other: its mkdocs.yml is the skeleton's but for
    the site name, which the plugin sets from dossier.yml anyway (two files kept in step)."""
    from generator.shipped import SCAFFOLD

    def without_site_name(text: str) -> list[str]:
        return [line for line in text.splitlines() if not line.startswith("site_name:")]

    repository = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert without_site_name(repository) == without_site_name((SCAFFOLD / "mkdocs.yml").read_text(encoding="utf-8"))
