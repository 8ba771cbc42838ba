"""Person names as news in English writes them, shared by extraction and resolution: name
particles, and a spelling-blind key that lets transliterations of one name meet."""

from __future__ import annotations

import functools
import re
import unicodedata

# Particles of Arabic, Dutch, German, French, Italian and Spanish names: part of a name, never
# a name alone.
NAME_PARTICLES = frozenset(
    "al el ad ar as ash at az bin ibn bint abu abi abd de del della di da du van von der den la le".split())


@functools.lru_cache(maxsize=1 << 14)  # resolve asks for every person mention; names repeat
def person_key(name: str) -> str:
    """A spelling-blind key for person names: "Sergey Lavrov" and "Sergei Lavrov" agree.

    Folds accents, the Arabic article (al-/el-/al /Al-), ej/ey/ei/ee/y/i, ae/ai ("Ismael",
    "Ismail"), kh/h, ou/u/oo, ph/f, q/g/k
    (the Arabic qaf is written all three ways: Qaddafi, Gaddafi, Kadhafi), dh/d, th/t, e/a, o/u and
    doubled letters, which is how transliterations of one name usually differ.
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z]+", text) if w not in NAME_PARTICLES and w not in _LEFT_OUT]
    return " ".join(_fold_spelling(word) for word in words)


# "Abdel Fattah", "Abdul Fattah", "Abd al-Fattah": one Arabic "servant of" however written, and
# "Abo", "Abou" for "Abu" ("father of"), left out as the particles "abd" and "abu" are.
_LEFT_OUT = frozenset(("abdel", "abdul", "abdal", "abdol", "abdil", "abo", "abou"))


_SPELLING_FOLDS = (("kh", "h"), ("ej", "ey"), ("ee", "i"), ("ou", "u"), ("oo", "u"), ("ph", "f"), ("q", "k"), ("g", "k"), ("ck", "k"),
                   ("ey", "i"), ("ei", "i"), ("ae", "ai"), ("y", "i"), ("e", "a"), ("o", "u"), ("dh", "d"), ("th", "t"))


def _fold_spelling(word: str) -> str:
    for old, new in _SPELLING_FOLDS:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)
