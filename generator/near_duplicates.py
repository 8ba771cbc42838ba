"""Near-duplicate articles: the same story in two files or records gives one briefing.

Exact copies share a content hash (the body casefolded, white space collapsed). Near copies are
found with MinHash LSH over 5-word shingles (sampled, one-permutation hashing with densified
bins, so the candidates of 10,000 articles stay linear), then confirmed by the Jaccard similarity
of all their shingles (NEAR_DUPLICATE_JACCARD). Word hashes are blake2b, the same in every
process, so band keys can be cached with the ingested file.
"""

from __future__ import annotations

import hashlib
import operator
import string
from collections.abc import Sequence
from fractions import Fraction
from itertools import compress

from generator.models import RawArticle, Report

NEAR_DUPLICATE_JACCARD = Fraction(9, 10)  # compared in integers: no float rounding at the threshold
_SHINGLE_WORDS = 5
_SIGNATURE_BINS = 32  # a power of two: a shingle's bin is its low bits
_BIN_BITS = 5
_BAND_BINS = 4
_EMPTY_BIN = 1 << 64  # above every shingle hash >> _BIN_BITS
_SAMPLE_MASK = 3  # a shingle is sampled when its first word's hash is a multiple of 4
_PUNCTUATION = string.punctuation + "“”‘’«»—–…"
BandKeys = tuple[tuple[int, ...], ...]  # an article's MinHash LSH band keys (duplicate_band_keys)


def content_hash(body: str) -> str:
    """sha256 of the body casefolded with white space collapsed: equal for trivially different copies."""
    return hashlib.sha256(" ".join(body.casefold().split()).encode("utf-8")).hexdigest()


class WordHashes(dict):
    """Token -> 64-bit hash of its word, memoised for a run; "Aleppo," and "aleppo" hash alike.

    blake2b, not hash(): Python randomises str hashes per process, and the band keys built on
    these are cached between runs. (Int and tuple-of-int hashes are not randomised.)
    """

    def __missing__(self, token: str) -> int:
        word = token.strip(_PUNCTUATION).encode("utf-8", "surrogatepass")
        value = self[token] = int.from_bytes(hashlib.blake2b(word, digest_size=8).digest(), "little")
        return value


def duplicate_band_keys(body: str, word_hashes: WordHashes) -> BandKeys:
    """The MinHash LSH band keys of a body: bodies that share one are near-copy candidates."""
    return _band_keys(_sampled_shingles(list(map(word_hashes.__getitem__, body.lower().split()))))


def _sampled_shingles(ids: list[int]) -> set[int]:
    """Hashes of the word 5-grams (of word hashes) that start on a sampled word (one word in four).

    Sampling by word keeps the choice consistent between two copies of a text, so the
    sample's Jaccard similarity estimates the full one at a quarter of the cost.
    """
    starts = compress(range(len(ids) - _SHINGLE_WORDS + 1), map(operator.not_, map(_SAMPLE_MASK.__and__, ids)))
    return {hash(tuple(ids[start : start + _SHINGLE_WORDS])) for start in starts}


def _band_keys(shingles: set[int]) -> BandKeys:
    """LSH band keys of a one-permutation MinHash signature of the sampled shingles.

    Each shingle hash falls into one of 32 bins (its low bits) and each bin keeps its least
    value (the high bits); 8 bands of 4 bins. Copies with Jaccard 0.9 share a band with
    probability above 0.99, unrelated articles almost never.
    """
    if not shingles:
        return ()
    signature = [_EMPTY_BIN] * _SIGNATURE_BINS
    for shingle in shingles:
        position, value = shingle & (_SIGNATURE_BINS - 1), shingle >> _BIN_BITS
        if value < signature[position]:
            signature[position] = value
    dense = _densified(signature)
    bands = (dense[start : start + _BAND_BINS] for start in range(0, _SIGNATURE_BINS, _BAND_BINS))
    return tuple((number, *band) for number, band in enumerate(bands))


def _densified(signature: list[int]) -> list[int]:
    """Empty bins borrow the next filled bin to their right (circularly), tagged by distance.

    Short articles leave bins empty; without this, every pair of them would "agree" on
    their empty bins (Shrivastava and Li's densification of one-permutation hashing).
    """
    size = len(signature)
    dense = [0] * size
    nearest = 0
    for position in reversed(range(2 * size)):
        if signature[position % size] != _EMPTY_BIN:
            nearest = position
        if position < size:
            dense[position] = signature[nearest % size] * (size + 1) + (nearest - position)
    return dense


def _all_shingles(body: str) -> frozenset[tuple[str, ...]]:
    """Every word 5-gram, of words as compared: lower case, punctuation stripped."""
    words = [token.strip(_PUNCTUATION) for token in body.lower().split()]
    return frozenset(zip(*(words[start:] for start in range(_SHINGLE_WORDS))))


def _nearly_equal(first: frozenset, second: frozenset) -> bool:
    """Jaccard similarity >= the threshold, in exact integer arithmetic."""
    shared = len(first & second)
    union = len(first) + len(second) - shared
    return shared * NEAR_DUPLICATE_JACCARD.denominator >= NEAR_DUPLICATE_JACCARD.numerator * union


def collapse_duplicates(articles: Sequence[RawArticle],
                        band_keys: Sequence[BandKeys] | None = None) -> tuple[list[RawArticle], list[Report]]:
    """Keep the first of each group of exact or near-exact copies; a warning for each other.

    Near copies (Jaccard >= 0.9 over word 5-shingles) are proposed by MinHash LSH and
    confirmed with the exact similarity: linear in the number of articles. `band_keys` are the
    articles' duplicate_band_keys when the caller has them already.
    """
    if band_keys is None:
        word_hashes = WordHashes()
        band_keys = [duplicate_band_keys(article.body, word_hashes) for article in articles]
    kept: list[RawArticle] = []
    by_hash: dict[str, int] = {}
    by_band: dict[tuple[int, ...], list[int]] = {}
    reports = []
    for article, bands in zip(articles, band_keys, strict=True):
        original = by_hash.get(article.content_hash)
        if original is None:
            candidates = sorted({position for band in bands for position in by_band.get(band, ())})
            original = _near_copy_of(article.body, candidates, kept)
        if original is not None:
            reports.append(_duplicate_report(article, kept[original]))
            continue
        by_hash[article.content_hash] = len(kept)
        for band in bands:
            by_band.setdefault(band, []).append(len(kept))
        kept.append(article)
    return kept, reports


def _near_copy_of(body: str, candidates: list[int], kept: list[RawArticle]) -> int | None:
    """The earliest of the `candidates` (positions in `kept`) that `body` nearly copies, if any."""
    if not candidates:
        return None
    shingles = _all_shingles(body)
    return next((position for position in candidates if _nearly_equal(shingles, _all_shingles(kept[position].body))), None)


def _duplicate_report(copy: RawArticle, original: RawArticle) -> Report:
    where = f"{original.source_path} ({original.record})" if original.record else original.source_path
    return Report(copy.source_path, f"duplicate of {where}", copy.record, "warning")
