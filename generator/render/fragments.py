"""Pieces of page text that several page kinds share: tags, notes, highlighted sentences, the
full text with its sentence anchors. Each is Markup built from escaped parts."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from markupsafe import Markup

from generator.escape import html_text, one_line
from generator.models import ExtractedArticle

MAX_TAG_LENGTH = 60
# Material prints tag names unescaped (MkDocs templates do not autoescape): only characters
# that are inert in HTML text and attribute values survive.
_TAG_UNSAFE = re.compile(r"[^\w .,()'-]+")


def tag_name(text: str) -> str:
    """A tag name safe to print unescaped: letters, digits, spaces and . , ( ) ' - only."""
    return one_line(_TAG_UNSAFE.sub(" ", one_line(text)))[:MAX_TAG_LENGTH].strip()


def tag_key(name: str) -> str:
    """The anchor Material's tags plugin gives a tag, near enough (lower case, punctuation
    dropped, spaces and hyphens as one): two names of one key would share an anchor."""
    return _TAG_SEPARATORS.sub("-", _TAG_PUNCTUATION.sub("", name.casefold())).strip("-")


_TAG_PUNCTUATION = re.compile(r"[^\w\s-]+")
_TAG_SEPARATORS = re.compile(r"[\s-]+")


def tag_spellings(values: Iterable[str]) -> dict[str, str]:
    """Tag key -> the one spelling every page shows for the tags of that key ("Aleppo",
    "aleppo", "ALEPPO"): the most used across the dossier's pages, ties by name."""
    counts = Counter(name for name in map(tag_name, values) if name)
    spellings: dict[str, str] = {}
    for name in sorted(counts, key=lambda name: (-counts[name], name.casefold(), name)):
        spellings.setdefault(tag_key(name), name)
    return spellings


def tag_list(values: Iterable[str], spellings: Mapping[str, str]) -> tuple[str, ...]:
    """A page's tags, each in its dossier-wide spelling, once."""
    names = {tag_key(name): spellings.get(tag_key(name), name) for name in map(tag_name, values) if name}
    return tuple(sorted(names.values(), key=lambda name: (name.casefold(), name)))


def notes_block(text: str | None) -> Markup:
    """Analyst notes (trusted Markdown) as-is inside an "Analyst notes" admonition."""
    if not text:
        return Markup("")
    return Markup('!!! note "Analyst notes"\n\n' + textwrap.indent(text, "    ", lambda line: True) + "\n")


def highlight(sentence: str, start: int, end: int) -> Markup:
    """The sentence as HTML text (for a raw HTML list) with one mention wrapped in <mark>."""
    before, after = sentence[:start], sentence[end:]
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return Markup(
        f"{html_text(before)}{gap_before}<mark>{html_text(sentence[start:end])}</mark>"
        f"{gap_after}{html_text(after)}"
    )


def full_text(article: ExtractedArticle) -> Markup:
    """Paragraphs as HTML blocks with a span anchor per sentence (escaped; Markdown-inert).

    A template function rather than a context value: it depends on the article alone, so a
    cached page need not build it."""
    spans: dict[int, list[str]] = defaultdict(list)
    for sentence in article.sentences:
        spans[sentence.paragraph].append(f'<span class="sentence" id="s{sentence.index}">{html_text(sentence.text)}</span>')
    return Markup("\n\n".join(f'<p class="article-text" id="p{number}">{" ".join(spans[number])}</p>'
                                for number in range(len(article.paragraphs))))


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def newest_first(articles) -> list[ExtractedArticle]:
    """Latest publication first (undated last), ties by id."""
    return sorted(articles, key=lambda a: (a.published or dt.date.min, a.id), reverse=True)
