"""Names as news in English writes them, shared by extraction and resolution: the normal form
of any name, person names' particles, a spelling-blind key that lets transliterations of one
name meet, and the variants of a given name."""

from __future__ import annotations

import functools
import re
import unicodedata

# The Arabic article, however transliterated ("al-Baida", "Ad Dawr", "as-Sukhnah").
ARABIC_ARTICLES = frozenset("al el ad ar as ash at az".split())
# Particles of Arabic, Dutch, German, French, Italian, Spanish and Filipino names: part of a
# name, never a name alone.
NAME_PARTICLES = ARABIC_ARTICLES | frozenset(
    "bin ibn bint abu abi abd de del della di da du van von der den la le "
    # the Persian and Urdu links of "Tehreek-e-Taliban", "Anwaar-ul-Haq", "Zia-ur-Rehman"
    "e ul ud ur "
    # Filipino spellings of the Spanish particles: "Kian delos Santos", "Ronald dela Rosa"
    "delos dela "
    # Portuguese "Rafael dos Santos", and the Spanish "y" of two surnames: "Arturo Rivera y Damas"
    "dos das do y".split())
# Particles that are also surnames of their own where they end a name: the Bengali "Das" and
# "De", the Chinese "Du", the Vietnamese "Le" and "Do" ("Ananta Bijoy Das", "Tran Van Do").
PARTICLE_SURNAMES = frozenset("das de du le do".split())


def normalize_surface(text: str) -> str:
    """Case, hyphen, apostrophe, space and full-stop variants of one name compare equal: "U.S.
    Senate" and "US Senate"."""
    text = text.replace("’", "'").replace("‘", "'").replace("-", " ").replace("‐", " ")
    return " ".join(_DOTTED_ACRONYM.sub(lambda acronym: acronym.group().replace(".", ""), text.casefold()).split())


_DOTTED_ACRONYM = re.compile(r"\b(?:\w\.){2,}(?!\w)")


def without_leading_article(normalized: str) -> str:
    """A normalised name without the article that reports drop or keep: "La Prensa Libre" and
    "Prensa Libre", "the Reforma" and "Reforma"."""
    return _LEADING_ARTICLE.sub("", normalized)


_LEADING_ARTICLE = re.compile(r"^(?:the|al|el|la|le|il|lo|los|las|les|o)\s+(?=\S)")


@functools.lru_cache(maxsize=1 << 14)  # resolve asks for every person mention; names repeat
def person_key(name: str) -> str:
    """A spelling-blind key for person names: "Sergey Lavrov" and "Sergei Lavrov" agree.

    Folds accents, the Arabic article (al-/el-/al /Al-), ej/ey/ei/ee/y/i, ae/ai ("Ismael",
    "Ismail"), kh/h, sh/s ("Denktash", the Turkish "Denktaş" unaccented), ou/u/oo, ph/f, q/g/k
    (the Arabic qaf is written all three ways: Qaddafi, Gaddafi, Kadhafi), x/ks ("Alexander",
    "Aleksandr"), dh/d, th/t, e/a, o/u, doubled letters and a last "h" after a vowel ("Dbeibah",
    "Dbeiba"), which is how transliterations of one name usually differ.
    """
    return " ".join(fold_spelling(word) for word in name_words(name))


@functools.lru_cache(maxsize=1 << 14)
def name_words(name: str) -> tuple[str, ...]:
    """The words person_key folds, as written (lower case, unaccented): "Khalid Ka'eem" is
    "khalid kaeem", an apostrophe being a transliteration's mark inside a word, not a break."""
    words = (_SERVANT_OF.sub("", word) for word in plain_words(name))
    return tuple(w for w in words if w not in NAME_PARTICLES and w not in _LEFT_OUT)


def plain_words(name: str) -> list[str]:
    """A name's words in lower case without accents or inner apostrophes."""
    # the curly apostrophe first, which the ASCII folding would drop, as the straight one: "Da’i", "Da'i"
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'")).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z]+", _INNER_APOSTROPHE.sub("", text))


# "Ka'eem", "Da'i"; not "Gaddafi's", a possessive
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])['`](?=[a-z]{2}|[a-rt-z]\b)")


# "Abdel Fattah", "Abdul Fattah", "Abd al-Fattah": one Arabic "servant of" however written, and
# "Abo", "Abou" for "Abu" ("father of"), left out as the particles "abd" and "abu" are.
_LEFT_OUT = frozenset(("abdel", "abdul", "abdal", "abdol", "abdil", "abo", "abou"))
# ... and written as one word with the name it opens: "Abdelaziz", "Abdulhamid", "Abdrabbuh" (not
# "Abdullah", "Abdallah", "Abdelilah": "servant of God" is a name of its own)
_SERVANT_OF = re.compile(r"^abd[aeiou]l(?=[a-km-z][a-z]{3})|^abd(?=[b-df-hj-km-np-tv-z][a-z]{3})")


FOLDED_VOWELS = frozenset("aiu")  # fold_spelling folds e into a, o into u and y into i
_SPELLING_FOLDS = (("kh", "h"), ("sh", "s"), ("ej", "ey"), ("ee", "i"), ("ou", "u"), ("oo", "u"), ("ph", "f"), ("q", "k"),
                   ("g", "k"), ("ck", "k"), ("x", "ks"), ("ey", "i"), ("ei", "i"), ("ae", "ai"), ("y", "i"), ("e", "a"),
                   ("o", "u"), ("dh", "d"), ("th", "t"))


def fold_spelling(word: str) -> str:
    for old, new in _SPELLING_FOLDS:
        word = word.replace(old, new)
    return _LAST_H_AFTER_A_VOWEL.sub("", re.sub(r"(.)\1+", r"\1", word))


_LAST_H_AFTER_A_VOWEL = re.compile(r"(?<=.[aiu])h$")


def same_given_name(first: str, second: str) -> bool:
    """Two spellings of one given name: see is_nickname, one_vowel_apart, ukrainian_h_for_g and
    hausa_final_u."""
    return (is_nickname(first, second) or one_vowel_apart(first, second) or ukrainian_h_for_g(first, second)
            or hausa_final_u(first, second))


def hausa_final_u(first: str, second: str) -> bool:
    """An Arabic given name as Hausa writes it, with a final "u" after its last consonant:
    "Nasir" and "Nasiru", "Bashir" and "Bashiru", "Yusuf" and "Yusufu" (not a final "a", which
    makes "Paula" of "Paul")."""
    shorter, longer = sorted((fold_spelling(first), fold_spelling(second)), key=len)
    return (len(shorter) >= _MIN_GIVEN_NAME_LETTERS and longer == shorter + "u"
            and shorter[-1] not in FOLDED_VOWELS)


def ukrainian_h_for_g(first: str, second: str) -> bool:
    """A given name transliterated from Ukrainian, whose "h" Russian writes "g": "Ihor" and
    "Igor", "Oleh" and "Oleg", "Hennadiy" and "Gennady"."""
    if fold_spelling(first) == fold_spelling(second):
        return False
    return fold_spelling(_LONE_H.sub("g", first)) == fold_spelling(_LONE_H.sub("g", second))


_LONE_H = re.compile(r"(?<![cdkpstz])h")  # not the h of "kh", "sh", "th"...


def is_nickname(first: str, second: str) -> bool:
    """One given name is an English nickname of the other: "Mike" and "Michael", "Tony" and
    "Antony"."""
    folded_first, folded_second = fold_spelling(first), fold_spelling(second)
    nicknames = _folded_nicknames()
    return folded_second in nicknames.get(folded_first, ()) or folded_first in nicknames.get(folded_second, ())


def one_vowel_apart(first: str, second: str) -> bool:
    """One inner vowel of a given name written otherwise, added or dropped ("Khaled", "Khalid";
    "Ataf", "Atiaf"): not its last letter, which tells "Mario" from "Maria"; its first only in
    a longer name ("Emomali", "Imomali"; not "Omar", "Amar")."""
    shorter, longer = sorted((fold_spelling(first), fold_spelling(second)), key=len)
    if len(shorter) < _MIN_GIVEN_NAME_LETTERS or shorter == longer:
        return False
    if len(longer) == len(shorter) + 1:
        return any(longer[at] in FOLDED_VOWELS and longer[:at] + longer[at + 1:] == shorter
                   for at in range(1, len(longer) - 1))
    differing = [at for at in range(len(shorter)) if shorter[at] != longer[at]] if len(longer) == len(shorter) else []
    first_letter = 0 if len(shorter) >= _MIN_LETTERS_FOR_A_FIRST_VOWEL else 1
    return (len(differing) == 1 and first_letter <= differing[0] < len(shorter) - 1
            and shorter[differing[0]] in FOLDED_VOWELS and longer[differing[0]] in FOLDED_VOWELS)


_MIN_GIVEN_NAME_LETTERS = 4  # "Ataf" and "Atiaf"; shorter given names differ in a vowel too often ("Ali", "Ala")
_MIN_LETTERS_FOR_A_FIRST_VOWEL = 6  # "Emomali" and "Imomali", "Ebrahim" and "Ibrahim"; not "Imran" and "Amran"


@functools.cache
def _folded_nicknames() -> dict[str, frozenset[str]]:
    """Folded given name -> the folded formal names it is a nickname of (the nicknames package's
    hand-curated table of English names: "mike" -> "michael", "tony" -> "anthony"), so that
    spellings the table lacks ("Antony", "Frederik") still meet theirs."""
    from nicknames import NickNamer  # imported when first needed: the package reads its version metadata (25 ms)

    table: dict[str, set[str]] = {}
    for formal, nicknames in NickNamer().nickname_lookup.items():
        for nickname in nicknames:
            table.setdefault(fold_spelling(nickname), set()).add(fold_spelling(formal))
    return {nickname: frozenset(formals) for nickname, formals in table.items()}

