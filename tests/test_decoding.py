"""kg.decoding: a byte-order mark is checked, not trusted (issue #13's bad-input matrix)."""

from __future__ import annotations

import pytest

from kg.decoding import InputError, decode

ARTICLE = "Rebels attacked Bogotá on Monday, the army said.\nTroops withdrew.\n"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (ARTICLE.encode("utf-16"), ARTICLE),
        (ARTICLE.encode("utf-16-be").join([b"\xfe\xff", b""]), ARTICLE),
        (ARTICLE.encode("utf-32"), ARTICLE),
        (
            ("中华人民共和国成立了。" * 20).encode("utf-16"),
            "中华人民共和国成立了。" * 20,
        ),  # no zero byte at all
        ("Café".encode("utf-16"), "Café"),  # too short to judge: read as marked
    ],
    ids=["utf16-le", "utf16-be", "utf32", "utf16-cjk-without-zero-bytes", "utf16-short"],
)
def test_real_text_behind_a_byte_order_mark_is_read(data, text):
    assert decode(data, "a.txt") == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\xff\xfe" + ARTICLE.encode("utf-8"),
            "a.txt: not valid UTF-16: a UTF-16 byte-order mark, then 8-bit",
        ),
        (
            b"\xff\xfe" + ARTICLE.encode("latin-1"),
            "a.txt: not valid UTF-16: a UTF-16 byte-order mark, then 8-bit",
        ),
        (
            b"\xff\xfeb\x00a",
            r"not valid UTF-16: a byte-order mark, then 3 bytes, not a whole number of 2-byte",
        ),
        (b"\xff\xfe\x00\x00" + b"abcdef", "not valid UTF-32: .* not a whole number of 4-byte"),
        (
            b"\xff\xfe" + ("\ue000" * 40 + "ab").encode("utf-16-le"),
            r"40 of the first 42 characters are unassigned",
        ),
        (
            b"\xff\xfe" + ("\u0378\u0379" * 20).encode("utf-16-le"),
            r"40 of the first 40 characters are unassigned",
        ),
        (b"\xff\xfe" + bytes(range(1, 256)) * 8, "not valid UTF-16"),
    ],
    ids=[
        "utf8-behind-mark",
        "latin1-behind-mark",
        "odd-length",
        "utf32-length",
        "private-use",
        "unassigned",
        "binary-behind-mark",
    ],  # fmt: skip
)
def test_garbage_behind_a_byte_order_mark_is_refused(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "a.txt")
