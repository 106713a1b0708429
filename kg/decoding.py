"""Bytes of a file or stdin → text, refusing what is not text.

Encodings: UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 with a byte-order mark are read as such;
a mark is not trusted blindly: a length that is not a whole number of code units, 8-bit text behind a UTF-16
mark, or decoded text of which more than 1 in 20 characters are unassigned, private-use or control characters is
refused.
A file that is not UTF-8 and holds no UTF-8 sequence at all is legacy 8-bit text: it is read as Windows-1252
(Latin-1 where that has no character) with a warning; a file that is mostly UTF-8 with broken bytes is refused
(it is damaged, guessing would garble it), and so is anything that looks binary (NUL bytes, many control
characters, PDF/ZIP/image signatures). Line breaks (CRLF, CR) become ``\n``, so a line break counts as one
character in mention offsets, as RFC 5147 counts it. JSONL must be UTF-8 (RFC 8259); a JSON string may still
hold a lone surrogate (``"\udc80"``): in ``text`` and ``title`` it becomes U+FFFD (same length, so offsets
hold) with a warning; in ``id`` and ``url`` it is refused.
"""

from __future__ import annotations

import logging
import re
import unicodedata

log = logging.getLogger("kg.reader")

_BOMS = [  # longest first: a UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
]  # fmt: skip
_MAGIC = {b"%PDF-": "a PDF file", b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)", b"\x1f\x8b": "gzip data",
          b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
          b"\x7fELF": "a program"}  # fmt: skip
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NOT_TEXT = {"Cn", "Co", "Cs", "Cc"}  # unassigned, private use, surrogate, control


class InputError(ValueError):
    """A user-facing problem with the input (the CLI prints it without a traceback)."""


def decode(data: bytes, where: str) -> str:
    r"""Text from the bytes of a file or stdin (see the module docstring for the rules).

    >>> decode(b"\xef\xbb\xbfA\r\nB", "x"), decode("caf\xe9".encode("utf-16"), "x")
    ('A\nB', 'café')
    >>> decode(b"caf\xe9 cr\xe8me", "x")  # Latin-1 without any UTF-8 sequence
    'café crème'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return newlines(_from_bom(data, len(bom), codec, where), where)
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{where}: this is {kind}, not text; extract the text first")
    if b"\x00" in data:
        raise InputError(f"{where}: looks binary (a NUL byte at byte {data.index(0)}), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _UTF8_SEQUENCE.search(data):
            raise InputError(
                f"{where}: not valid UTF-8 ({error.reason} at byte {error.start}) although the rest is UTF-8; "
                "the file looks damaged"
            ) from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        log.warning("%s: not UTF-8; read as Windows-1252 (Latin-1)", where)
    return newlines(text, where)


def _from_bom(data: bytes, size: int, codec: str, where: str) -> str:
    """Text after a byte-order mark, checked: a mark alone does not make the rest UTF-16 or UTF-32."""
    rest = data[size:]
    unit = {"utf-16": 2, "utf-32": 4}.get(codec, 1)
    if unit == 2 and len(rest) >= 8 and b"\x00" not in rest and _eight_bit(rest):
        # UTF-16 text with a space, a digit or a line break has zero bytes; 8-bit text behind a stray mark
        # would decode to a line of CJK-looking characters
        raise InputError(
            f"{where}: not valid UTF-16: a UTF-16 byte-order mark, then 8-bit text; remove the mark or save "
            "the file as UTF-8"
        )
    if len(rest) % unit:
        raise InputError(
            f"{where}: not valid {codec.upper()}: a byte-order mark, then {len(rest):,} bytes, not a whole "
            f"number of {unit}-byte code units"
        )
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{where}: not valid {codec.upper()} ({error.reason} at byte {error.start})"
        ) from None
    if unit > 1:
        sample = text[:20_000]
        odd = sum(unicodedata.category(c) in _NOT_TEXT and c not in "\t\n\r\x0b\x0c" for c in sample)
        if odd > max(4, len(sample) // 20):
            raise InputError(
                f"{where}: not valid {codec.upper()}: after the byte-order mark, {odd} of the first "
                f"{len(sample):,} characters are unassigned, private-use or control characters"
            )
    return text


def _eight_bit(data: bytes) -> bool:
    """Whether bytes read as printable 8-bit text: UTF-8, else Latin-1, with at least 9 in 10 characters printable
    (judged on the first 20,000 bytes)."""
    sample = data[:20_000]
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        whole = error.start >= len(sample) - 3 and _utf8(sample[: error.start])  # only the end was cut
        text = sample[: error.start].decode("utf-8") if whole else sample.decode("latin-1")
    return sum(c.isprintable() or c in "\t\n\r" for c in text) >= 0.9 * len(text)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def newlines(text: str, where: str) -> str:
    """Refuse binary-looking text; CRLF and CR become ``\\n`` (one character in mention offsets, as RFC 5147)."""
    controls = len(CONTROL_CHARACTERS.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 20):
        raise InputError(f"{where}: looks binary ({controls} control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
