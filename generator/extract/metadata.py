"""Article metadata that extraction derives when the input does not declare it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.knowledge import KnowledgeBase, publisher_name
from generator.models import Sentence

_TITLE_LIMIT = 100
_SUMMARY_WORDS = 70
_MIN_LEAD_WORDS = 8


def _shorten(text: str, limit: int) -> str:
    """Cut at a word boundary, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—-")
    return f"{cut}…"


def _is_lead_sentence(sentence: Sentence) -> bool:
    """A real sentence of prose, not a shouted cross-head or a stray caption."""
    words = sentence.text.split()
    return len(words) >= _MIN_LEAD_WORDS and not sentence.text.isupper()


def derive_title(declared: str | None, sentences: tuple[Sentence, ...]) -> str:
    if declared and declared.strip():
        return declared.strip()
    for sentence in sentences:
        if _is_lead_sentence(sentence):
            return _shorten(sentence.text.rstrip("."), _TITLE_LIMIT)
    return _shorten(sentences[0].text, _TITLE_LIMIT) if sentences else "Untitled article"


def lead_summary(sentences: tuple[Sentence, ...]) -> str:
    """The lead: the first prose sentences up to about seventy words (extractive, no model)."""
    chosen: list[str] = []
    words = 0
    for sentence in sentences:
        if not _is_lead_sentence(sentence):
            continue
        if chosen and words + len(sentence.text.split()) > _SUMMARY_WORDS:
            break
        chosen.append(sentence.text)
        words += len(sentence.text.split())
        if words >= _SUMMARY_WORDS / 2:
            break
    return " ".join(chosen)


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return re.sub(r"^(www\d?|m|amp|edition)\.", "", host.lower()) or None


def publisher_of(declared: str | None, url: str | None, kb: KnowledgeBase) -> str | None:
    """Declared publisher (codes such as FA-KES 'nna' expanded), else the URL's outlet."""
    if declared and declared.strip():
        return publisher_name(declared.strip(), kb) or declared.strip()
    domain = _domain(url)
    if domain is None:
        return None
    return publisher_name(domain, kb) or domain
