"""The MkDocs plugin `dossier`: `mkdocs build`, `serve` and `gh-deploy` generate the dossier first.

A thin adapter, and the only module that imports MkDocs: it calls the pipeline (which does not
know MkDocs) before every build, turns each reported problem into a MkDocs warning (so that
`mkdocs build --strict` fails on it) and a broken configuration into a MkDocs error, sets the
site name to the dossier's title, puts the shipped theme additions under the project's own
`custom_dir`, and has `mkdocs serve` watch the inputs. A generation that changes nothing writes
nothing, so the rebuild that serve starts when content/ changes does not start another.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from generator.config import CONFIG_FILE, Settings, load_config
from generator.errors import DossierError
from generator.shipped import THEME

log = get_plugin_logger("dossier")


class DossierPluginConfig(Config):
    # false: build the content/ that is there (as `dossier generate` left it), without generating
    generate = config_options.Type(bool, default=True)


class DossierPlugin(BasePlugin[DossierPluginConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            settings = load_config(root)
        except DossierError as error:
            raise PluginError(f"dossier: {error}") from error
        config.site_name = settings.title
        _add_shipped_theme(config)
        config.watch.extend(str(path) for path in _inputs(root, settings) if path.exists())
        if self.config.generate:
            _generate(root, settings)
        return config


def _inputs(root: Path, settings: Settings) -> list[Path]:
    """What a dossier is made from besides content/ (which serve watches anyway)."""
    return [root / CONFIG_FILE, root / settings.seeds_dir, root / settings.knowledge_base, root / settings.notes_dir,
            root / settings.templates_dir]


def _add_shipped_theme(config: MkDocsConfig) -> None:
    """The shipped theme additions right after the project's custom_dir, so that a file there
    overrides the shipped file of the same name."""
    dirs = config.theme.dirs
    if any(Path(folder).resolve() == THEME for folder in dirs):
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))


def _generate(root: Path, settings: Settings) -> None:
    # Imported here: the whole pipeline loads in about half a second, which a build with
    # DOSSIER_GENERATE=false (or `dossier build`, which has just generated) need not pay.
    from generator.build import default_jobs, generate

    try:
        result = generate(root, settings, jobs=default_jobs())
    except DossierError as error:
        raise PluginError(f"dossier: {error}") from error
    for report in result.reports:
        log.warning(report.line())
    written = result.written
    log.info(f"{len(result.analysis.dossier.articles)} article(s); {len(written.written)} file(s) written, "
             f"{len(written.unchanged)} unchanged, {len(written.removed)} removed")
