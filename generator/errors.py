"""Exception tree; the CLI maps each class to an exit code (documented in the README)."""

from __future__ import annotations


class DossierError(Exception):
    """Base of every error the tool raises on purpose."""

    exit_code = 1


class ConfigError(DossierError):
    """The configuration or the analyst knowledge-base file is invalid (all problems listed)."""

    exit_code = 2

    def __init__(self, problems: list[str]):
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


class NoArticlesError(DossierError):
    """The inputs gave no article while content/ holds generated briefings: nothing is removed
    unless --force is given (a wrong or emptied seeds folder must not wipe the dossier)."""

    exit_code = 3


class RenderError(DossierError):
    """A template failed (a bug in a template or an override), never the article's fault."""

    exit_code = 4


class WriteError(DossierError):
    """content/ could not be written (two outputs to one path, permissions...)."""

    exit_code = 5


class StrictFailure(DossierError):
    """--strict was given and problems were reported."""

    exit_code = 6


class SiteBuildError(DossierError):
    """`dossier build`: the site builder (mkdocs) failed; its own output says why."""

    exit_code = 7


class PackError(DossierError):
    """`dossier pack`: there is no built site to pack, or the zip cannot be written."""

    exit_code = 8
