"""Escaping of untrusted article text for the three contexts pages contain.

Markdown inline text, HTML text/attributes and YAML front-matter each get their own function;
templates escape by default (see render.py), so a forgotten filter cannot leak markup.
"""

from __future__ import annotations

import html
import re

import yaml
from markupsafe import Markup

from generator.yamlio import FAST_SAFE_DUMPER

# Characters with a meaning in Python-Markdown, its extensions, Jinja or attr_list. Written as
# numeric character references: they display as themselves and are never parsed as syntax.
_MARKDOWN_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]|~^#"})
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
# Block syntax a value at the start of a line could open: lists, quotes, setext headings, tabs
# (===), admonitions (!!!) and collapsible blocks (???).
_LINE_START_SYNTAX = re.compile(r"^([-+=>!?]|\d+[.)])")
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def one_line(text: str) -> str:
    """Collapse all white space (and drop control characters) so no text can open a block."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", str(text))).strip()


def markdown_text(text: object) -> Markup:
    """Untrusted text as inert Markdown inline content: shows literally, creates no markup."""
    escaped = html.escape(one_line(str(text)), quote=False)
    escaped = escaped.translate(_MARKDOWN_SPECIAL)
    # A value placed at the start of a line must not become a list item, quote or heading.
    escaped = _LINE_START_SYNTAX.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(1)), escaped)
    return Markup(escaped)


def html_text(text: object) -> Markup:
    """Untrusted text inside our own HTML elements or attribute values; braces as character
    references too, so that no template engine run over the page later finds Jinja in it."""
    return Markup(html.escape(one_line(str(text)), quote=True).translate(_BRACES))


def html_link(text: object, href: str) -> Markup:
    """A link in raw HTML: both the untrusted text and the address escaped for HTML."""
    return Markup(f'<a href="{html_text(href)}">{html_text(text)}</a>')


def _one_line_strings(value: object) -> object:
    if isinstance(value, str):
        return one_line(value)
    if isinstance(value, dict):
        return {key: _one_line_strings(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_one_line_strings(item) for item in value]
    return value


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for an href, or None: no javascript:, data: or relative tricks."""
    if not url:
        return None
    url = url.strip()
    if re.fullmatch(r"https?://[^\s\"'<>`]+", url, flags=re.IGNORECASE):
        return url
    return None


def front_matter(data: dict) -> Markup:
    """YAML front-matter block from plain data, through PyYAML's emitter (never formatted by hand)."""
    body = yaml.dump(_one_line_strings(data), Dumper=FAST_SAFE_DUMPER, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=10_000)
    return Markup(f"---\n{body}---\n")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet whose list separator is ";" (a German or French Excel) splits an unquoted cell
# there, and quotes do not stop it: "Wire;=cmd|..." would become a cell that starts a formula.
_FORMULA_AFTER_A_SEPARATOR = re.compile(r"(;\s*)(?=[=+\-@])")


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe, as OWASP advises, and so does a part after a
    ";"; numbers and None pass."""
    if not isinstance(value, str):
        return value
    if ";" in value:
        value = _FORMULA_AFTER_A_SEPARATOR.sub(r"\1'", value)
    return "'" + value if value.startswith(_FORMULA_START) else value
