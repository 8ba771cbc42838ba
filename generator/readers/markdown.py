"""Markdown with optional YAML front-matter, whose keys override what the text says."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

import yaml

from generator.models import Metadata, Report
from generator.readers.cleanup import Draft, clean_lines, make_draft
from generator.readers.decoding import normalize_text, one_line
from generator.readers.fields import declared_fields
from generator.yamlio import load_yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)


def read_markdown(text: str, source_path: str) -> Iterator[Draft | Report]:
    """Markdown, optionally with YAML front-matter whose keys override what the text says."""
    text = normalize_text(text)
    front, declared, warnings = {}, Metadata(), []
    if text.startswith("---\n"):
        match = _FRONT_MATTER.match(text)
        if not match:
            yield Report(source_path, "front-matter is not closed by a '---' line")
            return
        try:
            front = load_yaml(match["yaml"]) or {}
        except RecursionError:
            yield Report(source_path, "front-matter is not valid YAML: nested too deeply")
            return
        except yaml.YAMLError as error:
            yield Report(source_path, f"front-matter is not valid YAML: {_yaml_problem(error)}")
            return
        if not isinstance(front, Mapping):
            yield Report(source_path, "front-matter is not a mapping of keys to values")
            return
        overrides, warnings = declared_fields(front)
        declared = replace(declared, **overrides)
        text = text[match.end() :]
    blocks = markdown_paragraphs(text)
    if blocks and blocks[0].startswith("# ") and declared.title is None:
        declared = replace(declared, title=blocks[0][2:].strip())
    paragraphs, harvest = clean_lines([block.removeprefix("# ") for block in blocks])
    yield make_draft(paragraphs, declared, harvest, warnings=tuple(warnings))


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).split("\n")[0]
    return f"{problem} (line {mark.line + 1})" if mark else problem


_MD_SKIPPED_LINE = re.compile(
    r"^\s*(?:(?:```|~~~).*|[=-]{2,}|(?:[-*_]\s*){3,}|\[[^\]]+\]:\s*\S+.*|<!--.*-->)\s*$"
)
_MD_OWN_PARAGRAPH = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)")
_MD_HEADING = re.compile(r"\s*(#{1,6})\s+")
_MD_MARKERS = re.compile(r"^\s*(?:>\s?)+|^\s*(?:[-*+]|\d+[.)])\s+|\s+#+\s*$")
_MD_INLINE = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: their alt text is a caption
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),
)


def _markdown_inline(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return html.unescape(text)


def markdown_paragraphs(text: str) -> list[str]:
    """Plain-text paragraphs of Markdown; headings keep one '# ' so a title can be found."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line.strip() or _MD_SKIPPED_LINE.match(line) or _MD_OWN_PARAGRAPH.match(line):
            paragraphs.append(" ".join(current))
            current = []
        if _MD_OWN_PARAGRAPH.match(line):
            heading = _MD_HEADING.match(line)
            content = _MD_MARKERS.sub("", line[heading.end() :] if heading else line)
            paragraphs.append(("# " if heading and len(heading[1]) == 1 else "") + content)
        elif line.strip() and not _MD_SKIPPED_LINE.match(line):
            current.append(_MD_MARKERS.sub("", line))
    paragraphs.append(" ".join(current))
    return [one_line(_markdown_inline(paragraph)) for paragraph in paragraphs if paragraph.strip()]
