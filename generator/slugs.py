"""URL- and file-name-safe identifiers: lowercase ASCII letters, digits and single hyphens.

Used for article ids derived from file names and for entity page names, so a slug must be
stable across runs and machines, never empty, and distinct names must not silently collapse
into one slug: whatever transliteration loses (Arabic, Cyrillic, a cut at the length limit)
is replaced by a short hash of the original text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG_LENGTH = 80
_HASH_LENGTH = 8
# Latin letters that Unicode does not decompose into a base letter plus accents.
_LATIN_EXTRAS = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i",
     "’": "", "'": ""}  # apostrophes vanish: "Syria's" -> "syrias", not "syria-s"
)
_NOT_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
# Names of the pages of a section's index (index.md, page-2.md, ...): never a briefing's or an
# entity's slug.
_INDEX_PAGE_NAME = re.compile(r"index|page-\d+")


def short_hash(text: str, length: int = _HASH_LENGTH) -> str:
    """First `length` hex digits of the SHA-256 of `text`: stable across runs and machines."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def _ascii_fold(text: str) -> str:
    """Latin text without accents ("Dayr az-Zawr", "Hélène" -> "Helene"); other scripts dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRAS))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _lost_characters(text: str, folded: str) -> bool:
    """True when letters or digits did not survive ASCII folding (e.g. Arabic script)."""
    kept = sum(char.isalnum() for char in folded)
    original = sum(char.isalnum() for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    return kept < original


def _cut(slug: str, limit: int) -> str:
    """Cut at a hyphen when there is one in reach, so words are not split."""
    if len(slug) <= limit:
        return slug
    head = slug[:limit]
    if "-" in head and slug[limit] != "-":
        head = head.rsplit("-", 1)[0]
    return head.strip("-")


def slugify(text: str) -> str:
    """A slug of `text`: [a-z0-9]+ words joined by single hyphens, at most 80 characters.

    Text with nothing transliterable gives "x-<hash>"; text that lost characters to folding
    or to the length limit gets "-<hash>" appended so that distinct inputs stay distinct.
    """
    folded = _ascii_fold(text)
    slug = _NOT_SLUG_CHARS.sub("-", folded.lower()).strip("-")
    if not slug:
        return f"x-{short_hash(text)}"
    if _lost_characters(text, folded) or len(slug) > MAX_SLUG_LENGTH:
        return f"{_cut(slug, MAX_SLUG_LENGTH - _HASH_LENGTH - 1)}-{short_hash(text)}"
    return slug


def is_index_page_name(slug: str) -> bool:
    """Whether `slug` is the name of a page of a section's index, which no briefing or entity may take."""
    return _INDEX_PAGE_NAME.fullmatch(slug) is not None
