"""The Jinja2 environment: template folders, escape-by-default, filters.

Every `{{ value }}` is escaped as inert Markdown text unless it is Markup built by the renderer
from escaped parts (`_finalize`), so article text cannot inject structure.

A user's templates folder overrides the shipped templates file by file; a user template can
also extend the shipped one of the same name through the `shipped/` prefix and replace only the
blocks it names: `{% extends "shipped/briefing.md.j2" %}{% block summary %}...{% endblock %}`.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.escape import front_matter, html_text, markdown_text, safe_url
from generator.shipped import TEMPLATES as SHIPPED_TEMPLATES

SHIPPED_PREFIX = "shipped"


def template_environment(template_dirs: tuple[Path, ...], bytecode_cache: jinja2.BytecodeCache | None,
                         helpers: dict[str, object]) -> jinja2.Environment:
    """The environment pages render in; `helpers` are the link functions templates call."""
    env = jinja2.Environment(
        loader=_loader(template_dirs),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # With autoescape on, macro output is Markup and finalize's Markdown escaping applies
        # to everything else. Templates must never use |safe or |e on article text.
        autoescape=True,
        bytecode_cache=bytecode_cache,
    )
    env.filters.update(html=html_text, md=markdown_text, front_matter=front_matter, url=safe_url)
    env.globals.update(helpers)
    return env


def _loader(template_dirs: tuple[Path, ...]) -> jinja2.BaseLoader:
    """The folders in order (the first that has a name wins), and the shipped folder alone
    under `shipped/`, so that an override can extend what it overrides."""
    folders = jinja2.FileSystemLoader([str(folder) for folder in template_dirs])
    shipped = jinja2.PrefixLoader({SHIPPED_PREFIX: jinja2.FileSystemLoader(str(SHIPPED_TEMPLATES))})
    return jinja2.ChoiceLoader([shipped, folders])


def _finalize(value: object) -> object:
    """Escape-by-default: every interpolated value that is not Markup is inert Markdown text."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)):
        return value
    return markdown_text(value)
