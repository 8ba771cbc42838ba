"""Article metadata that extraction derives when the input does not declare it."""

from __future__ import annotations

from generator.knowledge import KnowledgeBase, publisher_name
from generator.models import Sentence
from generator.text import is_page_furniture, shorten, title_of_lead, web_host

_SUMMARY_WORDS = 70
_MIN_LEAD_WORDS = 8


def _is_lead_sentence(sentence: Sentence) -> bool:
    """A real sentence of prose, not a shouted cross-head or a stray caption."""
    words = sentence.text.split()
    return len(words) >= _MIN_LEAD_WORDS and not sentence.text.isupper()


def derive_title(declared: str | None, sentences: tuple[Sentence, ...]) -> str:
    """The declared title unless it is page furniture ("Good evening"), else the lead sentence."""
    if declared and declared.strip() and not is_page_furniture(declared):
        return declared.strip()
    for sentence in sentences:
        if _is_lead_sentence(sentence) and not is_page_furniture(sentence.text):
            return title_of_lead(sentence.text)
    return shorten(sentences[0].text) if sentences else "Untitled article"


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


def publisher_of(declared: str | None, url: str | None, kb: KnowledgeBase) -> str | None:
    """Declared publisher (codes such as FA-KES 'nna' expanded), else the URL's outlet."""
    if declared and declared.strip():
        return publisher_name(declared.strip(), kb) or declared.strip()
    domain = web_host(url) if url else None
    if not domain:
        return None
    return publisher_name(domain, kb) or domain
