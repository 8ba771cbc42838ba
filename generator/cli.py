"""Command line: `dossier generate | extract | check | build`.

Exit codes (also in the README): 0 success; 1 unexpected tool error; 2 configuration or
knowledge-base error; 4 template error; 5 content/ could not be written; 6 --strict and
problems were reported; 7 the site builder (mkdocs) failed; 8 `pack` found no built site
or could not write the zip.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from generator.build import (
    PARALLEL_MIN_ARTICLES,
    ExtractionPlan,
    analyse,
    check_folders,
    default_jobs,
    generate,
    knowledge_base_for,
)
from generator.config import SETTING_HELP, load_config
from generator.errors import DossierError, SiteBuildError, StrictFailure
from generator.export import article_records
from generator.models import ExtractedArticle, Report
from generator.newproject import DISTRIBUTION, new_project
from generator.pack import DEFAULT_ARCHIVE, pack_site
from generator.sitebuilder import MKDOCS_MATERIAL

root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="Project folder holding dossier.yml, seeds/ and content/.",
)
strict_option = click.option("--strict", is_flag=True, help="Exit non-zero (6) when any problem was reported.")
jobs_option = click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None,
    help="Processes extracting articles (default: the number of CPUs; 1: serial). Small inputs stay serial.",
)


class _ExtractionBar:
    """click's progress bar on stderr for long extractions, drawn only when stderr is a terminal.

    Created at the first report, when the number of articles to extract is known.
    """

    def __init__(self) -> None:
        self.bar: click.progressbar | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < PARALLEL_MIN_ARTICLES or not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="extracting", file=sys.stderr)
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()


def _print_reports(reports: tuple[Report, ...]) -> None:
    for report in reports:
        click.echo(report.line(), err=True)


def _articles(articles: tuple[ExtractedArticle, ...], noun: str = "article(s)") -> str:
    """"12 article(s)", and how many have no publication date: it is not a problem of the file,
    but their relative dates ("on Friday") cannot be resolved until a sidecar gives one."""
    undated = sum(article.published is None for article in articles)
    note = f" ({undated} without a publication date: relative dates unresolved)" if undated else ""
    return f"{len(articles)} {noun}{note}"


@dataclass(frozen=True)
class Verbosity:
    """-q: report lines only; -v: also every file written or removed."""

    quiet: bool = False
    verbose: bool = False


def _verbosity() -> Verbosity:
    return click.get_current_context().find_object(Verbosity) or Verbosity()


def _notice(line: str) -> None:
    """A wait ahead (the first run's gazetteer build), unless -q."""
    if not _verbosity().quiet:
        click.echo(f"dossier: {line}", err=True)


def _finish(reports: tuple[Report, ...], strict: bool, summary: str) -> None:
    _print_reports(reports)
    if not _verbosity().quiet:
        click.echo(f"dossier: {summary}; {len(reports)} problem(s) reported", err=True)
    if strict and reports:
        raise StrictFailure(f"--strict: {len(reports)} problem(s) reported")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION, prog_name="dossier")
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, no summary line.")
@click.option("--verbose", "-v", is_flag=True, help="Also list every file written or removed.")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Turn news articles in seeds/ into a briefing dossier (Markdown pages for MkDocs).

    Typical use: `dossier generate` then `mkdocs build`, or `dossier build` for both.
    Problems with inputs are reported one line each (file, record, reason) and skipped.
    """
    ctx.obj = Verbosity(quiet=quiet, verbose=verbose and not quiet)


@main.command("generate")
@root_option
@strict_option
@click.option("--force", is_flag=True, help="Overwrite generated pages even when edited by hand.")
@jobs_option
def generate_command(root: Path, strict: bool, force: bool, jobs: int | None) -> None:
    """Read seeds/, write content/ (briefings, actors, places, timeline, figures, exports)."""
    bar = _ExtractionBar()
    try:
        result = generate(root, load_config(root), force=force, jobs=jobs or default_jobs(), progress=bar,
                          notice=_notice)
    finally:
        bar.close()
    written = result.written
    if _verbosity().verbose:
        for path in written.written:
            click.echo(f"written: {path}", err=True)
        for path in written.removed:
            click.echo(f"removed: {path}", err=True)
    summary = (
        f"{_articles(result.analysis.dossier.articles)}; {len(written.written)} file(s) written, "
        f"{len(written.unchanged)} unchanged, {len(written.removed)} removed"
    )
    _finish(result.reports, strict, summary)


def _common_folder(paths: tuple[Path, ...]) -> Path:
    """The folder the inputs share, so that `extract seeds/*.txt` gives the ids `generate` gives."""
    folders = [path.resolve() if path.is_dir() else path.resolve().parent for path in paths]
    return Path(os.path.commonpath(folders))


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["jsonl", "json"]), default="jsonl",
              show_default=True, help="jsonl: one object per article per line; json: one list.")
@root_option
@strict_option
@jobs_option
def extract_command(paths: tuple[Path, ...], output_format: str, root: Path, strict: bool, jobs: int | None) -> None:
    """Print the extracted data of the articles in PATHS as JSON, one object per input record in
    input order (files by path, records in file order); writes nothing."""
    settings = load_config(root)
    plan = ExtractionPlan(jobs=jobs or default_jobs(), notice=_notice)
    analysis = analyse(list(paths), _common_folder(paths), knowledge_base_for(root, settings), keep_duplicates=True,
                       plan=plan, max_file_mb=settings.max_file_mb)
    position = {article_id: index for index, article_id in enumerate(analysis.input_order)}
    records = sorted(article_records(analysis.dossier), key=lambda record: position[record["id"]])
    if output_format == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    _finish(analysis.reports, strict, f"{len(records)} article(s) extracted")


@main.command("check")
@root_option
@strict_option
@jobs_option
def check_command(root: Path, strict: bool, jobs: int | None) -> None:
    """Validate configuration, knowledge base and seeds; report problems; write nothing."""
    settings = load_config(root)
    check_folders(root, settings)
    plan = ExtractionPlan(jobs=jobs or default_jobs(), notice=_notice)
    analysis = analyse([root / settings.seeds_dir], root / settings.seeds_dir, knowledge_base_for(root, settings),
                       plan=plan, max_file_mb=settings.max_file_mb)
    _finish(analysis.reports, strict, _articles(analysis.dossier.articles, "usable article(s)"))


@main.command("build")
@root_option
@strict_option
@click.option("--force", is_flag=True, help="Overwrite generated pages even when edited by hand.")
@jobs_option
@click.pass_context
def build_command(ctx: click.Context, root: Path, strict: bool, force: bool, jobs: int | None) -> None:
    """generate, then `mkdocs build --strict` into site/."""
    ctx.invoke(generate_command, root=root, strict=strict, force=force, jobs=jobs)
    completed = subprocess.run(MKDOCS_MATERIAL.build_argv, cwd=root, check=False,
                               env={**os.environ, **MKDOCS_MATERIAL.build_env})
    if completed.returncode != 0:
        raise SiteBuildError(f"{MKDOCS_MATERIAL.name} build failed")


@main.command("new")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="Briefing dossier", show_default=True, help="The dossier's title (site name, overview, exports).")
@click.option("--install", default=None, metavar="REQUIREMENT",
              help="What the GitHub Pages workflow pip-installs the generator from: a git URL "
                   "(git+https://github.com/you/generator@v0.2.0) or a wheel's URL. Default: this "
                   "release of mkdocs-dossier from PyPI.")
def new_command(directory: Path, title: str, install: str | None) -> None:
    """Start a dossier project in DIRECTORY: settings, mkdocs.yml, seeds/, knowledge.yaml, notes/."""
    written = new_project(directory, title, install=install)
    click.echo(f"dossier: {len(written)} file(s) written in {directory}; put articles in {directory / 'seeds'}, "
               f"then `cd {directory}` and `mkdocs serve`", err=True)


@main.command("config")
@root_option
def config_command(root: Path) -> None:
    """Show the settings in force (dossier.yml merged over the defaults)."""
    settings = load_config(root)
    for name, help_text in SETTING_HELP.items():
        click.echo(f"{name}: {getattr(settings, name)}    # {help_text}")


@main.command("pack")
@root_option
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"),
              show_default=True, help="The built site (relative to --root).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_ARCHIVE,
              show_default=True, help="The zip to write (relative to --root).")
def pack_command(root: Path, site_dir: Path, output: Path) -> None:
    """Zip the built site: unzip anywhere and open index.html, no server or network needed."""
    count = pack_site(root / site_dir, root / output)
    click.echo(f"dossier: {count} file(s) packed into {root / output}", err=True)


def run() -> None:
    """Entry point: maps DossierError subclasses to their exit codes.

    The process then ends without tearing down its heap: freeing a large dossier object by
    object took most of a second at 3,200 articles, and nothing is left to clean up (every
    file is written and closed, worker pools are shut down)."""
    # The pipeline allocates millions of small objects (tokens, mentions, frozen dataclasses)
    # that are never cyclic garbage; the cyclic collector only rescans them (half a second of a
    # 4 s no-op run at 3,200 articles). Peak memory is the same without it (README "Performance").
    gc.disable()
    code = _exit_code_of_main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away, or a closed stream
            pass
    os._exit(code)


def _exit_code_of_main() -> int:
    try:
        returned = main(standalone_mode=False)  # the exit code of --help and the like
    except DossierError as error:
        click.echo(f"dossier: error: {error}", err=True)
        return error.exit_code
    except click.exceptions.Abort:
        return 1
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except SystemExit as leaving:
        return leaving.code if isinstance(leaving.code, int) else (0 if leaving.code is None else 1)
    return returned if isinstance(returned, int) else 0
