"""The GitHub Pages workflow: valid for actionlint, and builds and deploys the way we intend."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = REPO_ROOT / ".github" / "workflows" / "pages.yml"


def actionlint() -> str:
    """The actionlint installed with the test extra, next to this interpreter."""
    beside_python = Path(sys.executable).with_name("actionlint")
    found = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    assert found, "actionlint is missing: install the project with its test extra"
    return found


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def step_using(workflow: dict, job: str, action: str) -> dict:
    matches = [s for s in steps(workflow, job) if s.get("uses", "").startswith(action + "@")]
    assert len(matches) == 1, f"{job} should use {action} once"
    return matches[0]


def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(
        [actionlint(), "-no-color", str(WORKFLOW)], capture_output=True, text=True, cwd=REPO_ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_official_actions_pinned_to_a_version(workflow: dict) -> None:
    all_steps = [step for job in workflow["jobs"] for step in steps(workflow, job)]
    uses = sorted(step["uses"] for step in all_steps if "uses" in step)
    assert uses
    assert [u for u in uses if not u.startswith("actions/") or "@v" not in u] == []


def test_build_job_builds_with_make_site_and_uploads_site(workflow: dict) -> None:
    step_using(workflow, "build", "actions/checkout")
    step_using(workflow, "build", "actions/setup-python")
    builds = [s for s in steps(workflow, "build") if s.get("run", "").strip() == "make site"]
    assert len(builds) == 1
    assert "SITE_URL" in builds[0]["env"]
    assert step_using(workflow, "build", "actions/upload-pages-artifact")["with"]["path"] == "site"


def test_deploy_job_has_pages_permissions_and_environment(workflow: dict) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    step_using(workflow, "deploy", "actions/deploy-pages")
    assert "pull_request" in deploy["if"]


def test_token_is_read_only_by_default_and_deployments_do_not_overlap(workflow: dict) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_the_workflow_dossier_new_writes_is_valid_and_installs_this_version(tmp_path) -> None:
    from importlib.metadata import version

    from generator.newproject import new_project

    new_project(tmp_path / "mine", "Test")
    written = tmp_path / "mine" / ".github" / "workflows" / "pages.yml"
    result = subprocess.run([actionlint(), "-no-color", str(written)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    runs = [step.get("run", "") for step in steps(yaml.safe_load(written.read_text(encoding="utf-8")), "build")]
    assert f'python -m pip install "mkdocs-dossier=={version("mkdocs-dossier")}"' in runs
    assert "mkdocs build --strict" in runs


def test_dossier_new_can_install_the_generator_from_elsewhere_than_pypi(tmp_path) -> None:
    from generator.errors import ConfigError
    from generator.newproject import new_project

    new_project(tmp_path / "mine", "Test", install="git+https://github.com/example/generator@v0.2.0")
    written = tmp_path / "mine" / ".github" / "workflows" / "pages.yml"
    runs = [step.get("run", "") for step in steps(yaml.safe_load(written.read_text(encoding="utf-8")), "build")]
    assert 'python -m pip install "git+https://github.com/example/generator@v0.2.0"' in runs
    with pytest.raises(ConfigError):
        new_project(tmp_path / "other", "Test", install='x" && curl evil')
    assert not (tmp_path / "other").exists()
