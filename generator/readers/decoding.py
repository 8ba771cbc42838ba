"""Bytes to text: encodings (BOMs, UTF-8, UTF-16 without BOM, cp1252), binary files refused,
and the text hygiene every reader applies (newlines, NFC, invisible characters)."""

from __future__ import annotations

import re
import unicodedata

# ---------------------------------------------------------------------------- decoding

_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Windows-1252 leaves five bytes undefined; those keep their Latin-1 meaning.
_CP1252_OVER_LATIN1 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept (the reason is the message)."""


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls, odd_nuls, half = data[0::2].count(0), data[1::2].count(0), len(data) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> str:
    """Text of `data`: BOM, else strict UTF-8, else Windows-1252 (Latin-1 for its gaps).

    Raises UndecodableError for binary data (NUL bytes outside UTF-16/32, or control
    characters in more than 2% of the text).
    """
    bom, encoding = next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), (b"", None))
    data = data[len(bom) :]
    encoding = encoding or _utf16_without_bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UndecodableError(f"undecodable text ({encoding}: {error.reason})") from None
    elif b"\x00" in data:
        raise UndecodableError("binary file")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1").translate(_CP1252_OVER_LATIN1)
    if len(_BINARY_CONTROLS.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise UndecodableError("binary file")
    return text


# ---------------------------------------------------------------------------- text hygiene

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Zero-width and bidi-control characters (invisible; bidi overrides can disguise text)
# and control characters other than \n and \t.
_INVISIBLE = re.compile(
    r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
    r"\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]"
)
_SPACES = re.compile(r"[^\S\n]+")


def normalize_text(text: str) -> str:
    """Newlines as \\n, Unicode NFC, no invisible or control characters."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", _NEWLINES.sub("\n", text)))


def one_line(text: str) -> str:
    """All white space (tabs, no-break spaces, newlines) collapsed to single spaces."""
    return " ".join(text.split())


def body_from_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs separated by exactly one blank line, each on one line."""
    return "\n\n".join(line for line in map(one_line, paragraphs) if line)
