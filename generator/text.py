"""Paragraph and sentence segmentation with character offsets into the article body.

Every fact links back to its sentence, so offsets must be exact; news abbreviations
("U.S.", "U.K.-based", "a.m.", "Gen.", "Sept.") must not end a sentence.
"""

from __future__ import annotations

import bisect
import re
from itertools import islice
from operator import attrgetter
from urllib.parse import urlsplit

from generator.lexicon import MONTH_ABBREVIATIONS
from generator.models import Sentence

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl adm brig rep sen gov pres st mt ft
    no nos vs etc approx est dept univ inc ltd co corp jr sr a.m p.m e.g i.e al""".split()
) | frozenset(MONTH_ABBREVIATIONS)
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, white space.
# Starts only where a run of end marks starts: tried inside a run of 100,000 dots, the match
# would fail late at every position, and the splitting would take time in the square of the run.
# The first end mark comes before that look-behind (which looks past it), so that the pattern
# opens with a character class: re then skips to the next end mark in one fast scan instead of
# trying the pattern at every character (4x faster over an article).
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*[\"'”’)\]]*\s+")
_NEXT_STARTS_SENTENCE = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_start = attrgetter("start")


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text separated by blank lines."""
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        if body[start : match.start()].strip():
            spans.append(_strip_span(body, start, match.start()))
        start = match.end()
    if body[start:].strip():
        spans.append(_strip_span(body, start, len(body)))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "\"'“‘(":
        word_start -= 1
    word = text[word_start:dot]
    if not word:
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word) or re.fullmatch(r"[A-Z]", word):
        return True  # U.S. / a.m. / initials such as "J."
    return word.lower() in _ABBREVIATIONS


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = []
    for match in _BOUNDARY.finditer(text, start, end):
        if not _NEXT_STARTS_SENTENCE.match(text, match.end()):
            continue
        if _is_abbreviation(text, match.start()) and not text[match.start() + 1 : match.end()].strip():
            continue
        ends.append(match.end())
    return ends


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Sentences of the whole body, numbered from 0, never crossing a paragraph."""
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(paragraph_spans(body)):
        cursor = p_start
        for cut in [*_sentence_ends(body, p_start, p_end), p_end]:
            s_start, s_end = _strip_span(body, cursor, min(cut, p_end))
            if s_end > s_start:
                sentences.append(Sentence(len(sentences), paragraph, s_start, s_end, body[s_start:s_end]))
            cursor = cut
    return tuple(sentences)


def sentence_at(sentences: tuple[Sentence, ...], offset: int) -> int:
    """Index of the sentence containing character `offset` (the last one before it otherwise)."""
    if not sentences:
        return 0
    before = bisect.bisect_right(sentences, offset, key=_start) - 1  # sentences are in text order
    return sentences[max(before, 0)].index


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def has_words(text: str, least: int) -> bool:
    """word_count(text) >= least (least >= 1), read only up to that word."""
    return next(islice(_WORD.finditer(text), least - 1, None), None) is not None


_WITHOUT_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WITHOUT_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")
_SHOUTED_SHARE = 0.6  # of the letters in capitals: telex and old wire copy; headlines are too short
_SHOUTED_SAMPLE = 2000  # characters read: a text in capitals is so throughout


def is_shouted(body: str) -> bool:
    """The article is written in capitals, where an acronym ("WHO", "IS", "US") cannot be told
    from a word."""
    sample = body[:_SHOUTED_SAMPLE]
    upper = len(sample) - len(sample.translate(_WITHOUT_UPPER))  # str.translate: no Python loop per letter
    lower = len(sample) - len(sample.translate(_WITHOUT_LOWER))
    return upper > 0 and upper >= _SHOUTED_SHARE * (upper + lower)


TITLE_LIMIT = 100  # characters of a title made from the lead


def shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    """Cut at a word boundary, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—-")
    return f"{cut}…"


# Sub-domains that name a variant of a site, not another outlet ("edition.cnn.com", "m.bbc.co.uk").
_HOST_VARIANT = re.compile(r"^(?:www\d?|m|amp|edition)\.")
_NETLESS_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:(?!//|\d)")  # javascript:, mailto:, data: name no host


def web_host(address: str) -> str:
    """The host of a URL or a bare domain, lower-case, without www./m./amp./edition. ("" if none)."""
    text = address.strip().lower()
    if _NETLESS_SCHEME.match(text):
        return ""
    try:
        host = urlsplit(text if "://" in text else f"//{text}").hostname or ""
    except ValueError:  # a malformed address ("http://[x") names no host
        return ""
    return _HOST_VARIANT.sub("", host)


class TakenSpans:
    """Non-overlapping spans taken so far, sorted: whether a new span overlaps one is two
    comparisons after a bisection, not a scan (text of 200 KB can hold 100,000 candidates)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def take(self, start: int, end: int) -> bool:
        """Take [start, end) unless it overlaps a span taken before; True when taken."""
        at = bisect.bisect_right(self._starts, start)
        if (at > 0 and self._ends[at - 1] > start) or (at < len(self._starts) and self._starts[at] < end):
            return False
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        return True


# What a page says to its reader rather than about the news: greetings, calls to listen,
# subscribe or share. A title or a lead made of it is page furniture.
_PAGE_FURNITURE = re.compile(
    r"^\W*(?:good\s+(?:morning|afternoon|evening|night)|hello|hi|welcome(?:\s+back)?|thank\s+you|thanks\s+for"
    r"|you\s+can\s+now\s+listen|listen\s+to\s+(?:this|the)\s+article|subscribe|sign\s+up|share\s+(?:this|your)"
    r"|advertisement|skip\s+to\s+(?:main\s+)?content)\b",
    re.IGNORECASE,
)


def is_page_furniture(text: str) -> bool:
    """A greeting or a call to action, not news (see _PAGE_FURNITURE)."""
    return bool(_PAGE_FURNITURE.match(text))


# What wire copy puts before its first sentence: a staff byline ("By the CNN Wire Staff") and a
# dateline that ends with the agency in brackets and a dash, with any scraped heading before it:
# "TRIPOLI, Libya (CNN) --", "TRIPOLI (Reuters) -", "AJDABIYAH , Libya -LRB- Reuters -RRB- -".
# Not "Rebels (FSA) - the main group - took": one dash after brackets only after a city in capitals.
_AGENCY = r"\s*[A-Z][\w .&-]{0,30}?\s*"
_LEAD_FURNITURE = re.compile(
    # a page's time stamp ("Monday 2 May 2005 14.00 BST") and a live page's "NEW :" marker too
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+\d{1,2}[.:]\d{2}\s+[A-Z]{2,4}\s+)?"
    r"(?:By\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){1,4}(?:Wire\s+)?Staff\s+"
    # "From Ben Wedeman and Amir Ahmed , CNN": reporters' names, then their outlet in capitals
    r"|From\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:(?:and|,)\s+(?:[A-Z][\w'.-]*\s+){1,3})*,\s*[A-Z]{2,}\s+)?"
    r"(?:NEW\s*:\s*)?"
    rf"(?:[^.]{{0,200}}?(?:(?:\(|-LRB-){_AGENCY}(?:\)|-RRB-)\s*--|-LRB-{_AGENCY}-RRB-\s*[-–—]"
    rf"|\b[A-Z]{{3,}}[A-Z ,]*\({_AGENCY}\)\s*[-–—])\s+)?")
_MIN_TITLE_WORDS = 8


def title_of_lead(sentence: str) -> str:
    """A lead sentence as a title: from where the news starts, without a wire's byline and
    dateline (unless nothing of substance would be left), cut to about 100 characters."""
    text = sentence[_LEAD_FURNITURE.match(sentence).end() :]
    return shorten((text if len(text.split()) >= _MIN_TITLE_WORDS else sentence).rstrip("."))
