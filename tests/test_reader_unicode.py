"""Readers that say their text is valid Unicode by construction (``Reader.valid_unicode``) are
not walked again for lone surrogates: here bytes that could make one never do."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pledgecard.extract import ReadError, read_document
from pledgecard.extract.base import READERS
from pledgecard.extract.document import INVALID_UNICODE, Document, _holders, with_valid_unicode

from .test_hwpx_reader import build, para, section

#: Byte runs that decode to a lone surrogate wherever a decoder lets them through.
_SURROGATE_BYTES = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\x00\xd8", b"\xd8\x00",
                    b"\xff\xfe\x00\xd8", b"\xfe\xff\xd8\x00"]
_WORDS = st.sampled_from(["사업개요\n", "◦ 기간\n", "│ 구분 │\n"]).map(str.encode)
_TEXT = st.lists(st.one_of(st.sampled_from(_SURROGATE_BYTES), _WORDS, st.binary(max_size=6)),
                 max_size=12).map(b"".join)


def _no_lone_surrogate(document: Document) -> None:
    for holder in _holders(document.blocks):
        assert not any("\ud800" <= ch <= "\udfff" for ch in holder.text)
    checked = with_valid_unicode(document.model_copy(deep=True))
    assert checked == document  # the walk it skips would change nothing


def test_the_readers_that_skip_the_walk() -> None:
    assert sorted(fmt for fmt, reader in READERS.items() if reader.valid_unicode) == ["hwpx", "txt"]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(_TEXT)
def test_text_reader_hands_on_no_lone_surrogate(data: bytes) -> None:
    try:
        document = read_document(Path("x.txt"), b"\xea\xb0\x80" + data)
    except ReadError:
        return
    _no_lone_surrogate(document)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-8"])
def test_text_reader_counts_a_damaged_surrogate_once(encoding: str) -> None:
    data = "사업개요\n◦ 기간 ".encode(encoding) + (b"\x00\xd8" if encoding == "utf-16-le" else
                                               b"\xd8\x00" if encoding == "utf-16-be" else b"\xed\xa0\x80")
    try:
        document = read_document(Path("x.txt"), (b"\xff\xfe" if encoding == "utf-16-le" else
                                                 b"\xfe\xff" if encoding == "utf-16-be" else b"") + data)
    except ReadError:
        return
    _no_lone_surrogate(document)
    assert [f.code for f in document.findings].count(INVALID_UNICODE) <= 1


@pytest.mark.parametrize("part", [
    section(para("사업개요")).encode("utf-8").replace("사업개요".encode(), b"\xed\xa0\x80"),
    b"\xff\xfe" + section(para("사업개요")).encode("utf-16-le").replace("사".encode("utf-16-le"), b"\x00\xd8"),
    section(para("&#xD800;")).encode("utf-8"),
])
def test_hwpx_reader_refuses_a_lone_surrogate(part: bytes) -> None:
    data = build({"Contents/section0.xml": part})
    with pytest.raises(ReadError):
        read_document(Path("x.hwpx"), data)
