"""Text that was UTF-8 but was decoded as Windows-1252 or Latin-1 before it reached us
("South Africaâ€™s", "FranÃ§ois") repaired, with ftfy, which undoes only what it can prove.

Scraped collections carry such text, and it costs more than looks: "Zumaâ€™s" is no name
extraction knows. Two damages ftfy leaves are mended first: a tokenizer that set the last
character of a sequence apart ("Africaâ€ ™ s", "Élysà ©e", even on the next line), and the closing quote (bytes E2 80 9D) whose
last byte Windows-1252 has no character for, so it was dropped or became U+FFFD: "â€" never
begins anything else in English text, and the other characters that would end the same way
(a zero-width joiner, a bidi mark) are rare in news.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# How a continuation byte (0x80-0xBF) of UTF-8 reads in Windows-1252, or in Latin-1 for the
# five bytes Windows-1252 leaves undefined.
_CONTINUATIONS = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0xC0)
)
_CONTINUATION = f"[{re.escape(_CONTINUATIONS)}]"
# A lead byte (0xC2-0xF4: Â to ô) then a continuation: the mark of every such sequence; text
# without one, whole or split, is never handed to ftfy.
_SEQUENCE = re.compile(f"[\u00c2-\u00f4]{_CONTINUATION}")
# "Ã ©" too: Ã and Â, which end no English word, lead the sequences of accented letters and
# of symbols.
_SPLIT_BY_A_TOKENIZER = re.compile(f"(\u00e2\u20ac)\\s+({_CONTINUATION}|\ufffd)|([\u00c2\u00c3])\\s+({_CONTINUATION})")
_LOST_CLOSING_QUOTE = re.compile(f"\u00e2\u20ac(?:\ufffd|(?!{_CONTINUATION}))")


@dataclass(frozen=True)
class Repair:
    """What was mended in one article: how many sequences, and the first as it was and became."""

    count: int
    example: tuple[str, str]

    def reason(self) -> str:
        was, became = self.example
        return (f"mojibake repaired: UTF-8 text had been read as Windows-1252 ({self.count} sequence(s), "
                f"such as {was!r} -> {became!r})")


def repair_all(texts: list[str]) -> tuple[list[str], Repair | None]:
    """Each text with its mojibake undone, and what was repaired across them (None: nothing)."""
    fixed, count, example = [], 0, None
    for text in texts:
        if _SEQUENCE.search(text) is None and _SPLIT_BY_A_TOKENIZER.search(text) is None:
            fixed.append(text)
            continue
        joined = _SPLIT_BY_A_TOKENIZER.sub(r"\1\2\3\4", text)  # every join makes a sequence or a lost quote
        quotes = len(_LOST_CLOSING_QUOTE.findall(joined))
        mended = _LOST_CLOSING_QUOTE.sub("\u201d", joined)  # what is counted and shown
        # ftfy gets the quote's bytes whole (its last byte as Latin-1 reads it), not the quote:
        # a "”" among the damaged text would keep it from decoding the text at once, and it
        # would then mend only the sequences it knows by heart ("Ã¼", not the "ÅŸ" of "ş")
        fixed.append(_fix_encoding(_LOST_CLOSING_QUOTE.sub("\u00e2\u20ac\u009d", joined)))
        if fixed[-1] != text:
            count += len(_SEQUENCE.findall(mended)) + quotes
            example = example or _first_example(joined, mended)
    return fixed, (Repair(count, example) if count else None)


def combined(repairs: Iterable[Repair | None]) -> Repair | None:
    """One article's repairs (its text's, its title's...) as one."""
    found = [repair for repair in repairs if repair is not None]
    return Repair(sum(repair.count for repair in found), found[0].example) if found else None


def _fix_encoding(text: str) -> str:
    from ftfy import fix_encoding  # imported only for damaged text: it loads wcwidth's tables

    return fix_encoding(text)


def _first_example(joined: str, mended: str) -> tuple[str, str]:
    """The first damaged word and what it became; where only a closing quote was mended ("month.â€ "),
    that quote."""
    damaged = next((word for word in mended.split() if _SEQUENCE.search(word)), None)
    if damaged is not None:
        return damaged, _fix_encoding(damaged)
    return _LOST_CLOSING_QUOTE.search(joined).group(), "\u201d"  # a text changes by one or the other
