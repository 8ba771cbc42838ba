"""The README documents what the code offers: every command, option and exit code (Datasette's habit)."""

import re
from pathlib import Path

import click

from generator import errors
from generator.cli import main  # importing the CLI imports every error class

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _exit_code_rows() -> set[int]:
    section = README.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(code) for code in re.findall(r"^\| (\d+) \|", section, flags=re.MULTILINE)}


def _subclasses(cls: type) -> set[type]:
    return {cls} | {sub for child in cls.__subclasses__() for sub in _subclasses(child)}


def test_every_command_is_documented():
    for name in main.commands:
        assert f"`dossier {name}" in README, f"README does not document `dossier {name}`"


def test_every_option_is_documented():
    for command in main.commands.values():
        for parameter in command.params:
            if isinstance(parameter, click.Option) and not parameter.hidden:
                long_names = [n for n in parameter.opts if n.startswith("--") and n != "--help"]
                documented = any(re.search(rf"(?<![\w-]){n}\b", README) for n in long_names)
                assert documented, f"README lacks {long_names} of `dossier {command.name}`"


def test_every_exit_code_is_documented():
    codes = {cls.exit_code for cls in _subclasses(errors.DossierError)}
    codes |= {0}
    assert codes <= _exit_code_rows(), f"undocumented exit codes: {codes - _exit_code_rows()}"


def test_readme_states_the_thresholds_where_ledger_and_timeline_split_by_month():
    from generator.render import limits as render

    readme = " ".join(README.split())
    assert f"In a dossier of up to {render.MAX_EVENTS} casualty events" in readme
    assert f"up to {render.MAX_TIMELINE_DATES} dates" in readme
    assert f"each date with its first {render.MAX_ENTRIES_PER_DATE}" in readme
    assert f"a month of more than {render.MAX_EVENTS_PER_LEDGER_PAGE} events" in readme


def test_readme_lists_the_blocks_of_each_template():
    """An override replaces blocks by name: the README's list is the templates' own."""
    from generator.render import SHIPPED_TEMPLATES

    paragraph = " ".join(README.split("Blocks: ", 1)[1].split("\n\n", 1)[0].split())
    listed = {
        "briefing.md.j2": paragraph.split("`briefing.md.j2` has ", 1)[1].split(";", 1)[0],
        "_entity.md.j2": paragraph.split("`_entity.md.j2`) have ", 1)[1].split(";", 1)[0],
        "index.md.j2": paragraph.split("`index.md.j2` has ", 1)[1].split(".", 1)[0],
    }
    for template, names in listed.items():
        text = (SHIPPED_TEMPLATES / template).read_text(encoding="utf-8")
        assert re.findall(r"`(\w+)`", names) == re.findall(r"\{% block (\w+) %\}", text), template


def test_report_lines_name_a_record_as_the_readme_says(tmp_path):
    """JSONL records by their line, JSON and CSV records by their position: the README's forms."""
    from generator.ingest import ingest

    (tmp_path / "a.jsonl").write_text('{"content": "x"}\n', encoding="utf-8")
    (tmp_path / "b.json").write_text('[{"content": "x"}]', encoding="utf-8")
    (tmp_path / "c.csv").write_text("content\nx\n", encoding="utf-8")
    lines = [report.line() for report in ingest([tmp_path], base=tmp_path).reports]
    forms = {re.sub(r"\d+", "N", re.sub(r"^error: \S+ (\([^)]*\)).*", r"\1", line)) for line in lines}
    assert forms == {"(line N)", "(record N)"}
    for form in forms:
        assert f"`error: PATH {form}: reason`" in README
