"""Turning a file's bytes into text: binary sniffing, byte order marks, UTF-8, then a careful guess."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from newsweave.ingest.outcome import normalise_newlines, reject
from newsweave.model import Rejection

_SNIFF_BYTES = 8192
# C0 controls that never occur in text; tab, newlines, vertical tab and form feed do.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 11, 12, 13)) + b"\x7f"
_MAX_CONTROL_SHARE = 0.05
# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer's mess ratio above which a decoding is garbage, and the language coherence
# below which it recognises no language at all (its wrong guesses on short or exotic text score 0).
_MAX_CHAOS = 0.1
_MIN_COHERENCE = 0.1
# When several decodings score the same, prefer the usual 8-bit encoding of Western news text;
# charset-normalizer's own tie-break picks cp1250 and turns French "près" into "prčs".
_PREFERRED = ("cp1252",)
_TIE = 1e-9
_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, newlines normalised, and remarks on how it was decoded."""

    text: str
    notes: tuple[str, ...] = ()


def decode_bytes(data: bytes, path: str, *, html: bool = False) -> Decoded | Rejection:
    """Return the decoded text of ``data``, or a Rejection (E101 empty, E102 binary, E104 undecodable)."""
    if not data:
        return reject(path, "E101", "0 bytes")
    decoded = _decode_marked(data) if _bom_codec(data) else None
    if decoded is None:
        if binary := _binary_detail(data):
            return reject(path, "E102", binary)
        decoded = _decode_unmarked(data, html)
    if isinstance(decoded, str):
        return reject(path, "E104", decoded)
    if binary := _binary_detail(decoded.text):  # a byte order mark does not make a file text
        return reject(path, "E102", binary)
    if not decoded.text.strip():
        return reject(path, "E101", f"only whitespace ({len(data):,} bytes)")
    return Decoded(normalise_newlines(decoded.text), decoded.notes)


def _bom_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _decode_marked(data: bytes) -> Decoded | str:
    codec = _bom_codec(data) or "utf-8"
    try:
        return Decoded(data.decode(codec))
    except UnicodeDecodeError as exc:
        return f"has a {codec} byte order mark but is not {codec} ({exc.reason} at byte {exc.start:,})"


def _binary_detail(data: bytes | str) -> str | None:
    """Return why ``data`` looks binary (a NUL, or too many control characters near the start), or None."""
    if isinstance(data, str):
        nul = data.find("\0")
        # Control characters are ASCII, so counting them in UTF-8 gives the same count.
        head = data[:_SNIFF_BYTES].encode("utf-8", "surrogatepass")
        unit = "character"
    else:
        nul = data.find(b"\0")
        head = data[:_SNIFF_BYTES]
        unit = "byte"
    if nul >= 0:
        return f"NUL {unit} at offset {nul:,}"
    share = (len(head) - len(head.translate(None, _CONTROL_BYTES))) / len(head) if head else 0.0
    if share > _MAX_CONTROL_SHARE:
        return f"{share:.0%} control characters in the first {len(head):,} bytes"
    return None


def _decode_unmarked(data: bytes, html: bool) -> Decoded | str:
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        not_utf8 = f"not UTF-8 ({exc.reason} at byte {exc.start:,})"
    declared = _decode_declared(data) if html else None
    return declared or _decode_guessed(data, not_utf8)


def _decode_declared(data: bytes) -> Decoded | None:
    """Return the HTML decoded with the charset its <meta> declares, when that works and is not UTF-8."""
    found = _DECLARED.search(data[:_SNIFF_BYTES])
    if not found:
        return None
    try:
        codec = codecs.lookup(found.group(1).decode("ascii")).name
        # Browsers read these labels as windows-1252 (WHATWG Encoding), and so do the pages' authors.
        codec = "cp1252" if codec in ("ascii", "latin-1", "iso8859-1") else codec
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None
    if codec == "utf-8":
        return None
    return Decoded(text, (f"decoded as {codec} as the HTML declares (not UTF-8)",))


def _decode_guessed(data: bytes, not_utf8: str) -> Decoded | str:
    """Return ``data`` decoded with charset-normalizer's guess when the result reads as language."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return f"{not_utf8}, and no other encoding decodes it cleanly"
    if best.chaos > _MAX_CHAOS or best.coherence < _MIN_COHERENCE:
        guess = f"best guess {best.encoding} (mess {best.chaos:.2f}, coherence {best.coherence:.2f})"
        return f"{not_utf8}, and no encoding gives readable text; {guess}"
    tied = [m for m in matches if m.chaos <= best.chaos + _TIE and m.coherence >= best.coherence - _TIE]
    codec = next(
        (name for name in _PREFERRED for m in tied if name in m.could_be_from_charset),
        best.encoding,
    )
    try:
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return f"{not_utf8}, and the guessed encoding {codec} does not decode it"
    return Decoded(text, (f"decoded as {codec} (not UTF-8)",))
