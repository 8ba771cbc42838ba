"""Text that a research pipeline tokenized (Penn Treebank style: "Karzai 's", "said , ",
"-LRB- CNN -RRB-", "`` quoted ''", "al - Qaida") rejoined as it was written.

Collections built for NLP research ship such text, and the page a briefing quotes must read as
news; names rejoined ("Zanu-PF", "Hezb-i-Islami", "Pakistan People's Party") are also the names
extraction knows. A text is rejoined only when it is plainly tokenized: the marks of a
tokenizer recur in it ("word , word" and "word 's" are rare in edited prose).
"""

from __future__ import annotations

import re
from itertools import islice

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_TOKENIZER_MARKS = re.compile(r"\w \, \w| \'s\b| n\'t\b|\w \.(?:\s|$)|-LRB-|-RRB-|``")
_ENOUGH_MARKS = 3  # per article: one "word , word" can be a typo, three are a tokenizer
# A fixed part of each mark, held inside it: as marks never overlap, a text with fewer of these
# than _ENOUGH_MARKS has fewer marks. Counting them is a fast scan; most texts stop there, before
# the marks' pattern, which opens with no character re can skip to, is tried at every character.
_MARK_PARTS = (" ,", " 's", " n't", " .", "-LRB-", "-RRB-", "``")

_BRACKET_TOKEN = re.compile("|".join(map(re.escape, _BRACKETS)))
_SPACE_BEFORE = re.compile(r" +(?=[,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'(?=\s|$))")
# "Africa’ s", "can’ t": a typographic apostrophe the tokenizer parted from its ending.
_SPACE_AFTER_APOSTROPHE = re.compile(r"(?<=\w’) +(?=(?:s|re|ve|ll|d|m|t)\b)")
_SPACE_AFTER = re.compile(r"(?<=[(\[{$£€]) +")
_OPENING_QUOTE = re.compile(r"``\s*")
_CLOSING_QUOTE = re.compile(r"\s*''")
# "al - Qaida", "Zer - i - Koh", "Zanu - PF", "pro - US", "well - paid", "87-year - old", "US - led":
# a hyphen the tokenizer set apart; "tried - and failed - to" keeps its dashes.
_SPACED_HYPHEN = re.compile(r"\b(?P<left>[\w'’]+) - (?=(?P<right>[\w'’]+)\b)")
_PARTICLES = frozenset("al el e i u ul ud ur ad as ash at az bin ibn ben abu de la le sur en".split())
_PREFIXES = frozenset(
    """pro anti post pre non self well ex co sub mid cross semi multi counter long short high low so
    half all full one two three four five six seven eight nine ten twenty thirty hundred""".split())
_SUFFIXES = frozenset(
    """led backed based born style run owned held controlled made year years old term level scale up
    off like wide free related linked affiliated ridden torn hit stricken trained educated elected
    designate speaking""".split())


def is_tokenized(text: str) -> bool:
    if sum(map(text.count, _MARK_PARTS)) < _ENOUGH_MARKS:
        return False
    enough = islice(_TOKENIZER_MARKS.finditer(text), _ENOUGH_MARKS - 1, None)  # a tokenized text has many
    return next(enough, None) is not None


def rejoin(paragraphs: list[str]) -> list[str]:
    """The paragraphs as written, when together they read as tokenized; else unchanged."""
    if not is_tokenized("\n".join(paragraphs)):
        return paragraphs
    return [_rejoin_paragraph(paragraph) for paragraph in paragraphs]


def _rejoin_paragraph(text: str) -> str:
    text = _BRACKET_TOKEN.sub(lambda match: _BRACKETS[match.group(0)], text)
    text = _OPENING_QUOTE.sub('"', text)
    text = _CLOSING_QUOTE.sub('"', text)
    text = _SPACED_HYPHEN.sub(_hyphen, text)
    text = _SPACE_BEFORE.sub("", text)
    text = _SPACE_AFTER_APOSTROPHE.sub("", text)
    return _SPACE_AFTER.sub("", text)


def _hyphen(match: re.Match[str]) -> str:
    left, right = match["left"], match["right"]
    joined = (
        left.lower() in _PARTICLES or right.lower() in _PARTICLES
        or left.lower() in _PREFIXES or right.lower() in _SUFFIXES
        or any(character.isdigit() for character in left + right)
        or (left[:1].isupper() and right[:1].isupper())
    )
    return f"{left}-" if joined else match.group(0)
