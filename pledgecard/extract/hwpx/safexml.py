"""Hardened XML for HWPX parts: no DTD, no entities, no network; elements matched by local name.

Every XML part of a package is untrusted. A part with a document type declaration
is refused before parsing (that is where entity declarations live, so this stops
entity expansion such as "billion laughs" and external entities alike). The parser
is expat behind ElementTree's C tree builder with the encoding forced to UTF-8, so
the byte scan for ``<!DOCTYPE`` sees the same characters the parser does; UTF-16
and UTF-32 parts (by their byte order mark or the first characters) are transcoded
to UTF-8 first. Expat never fetches anything: an entity that is not declared is an error.
No defusedxml: its ``forbid_dtd`` is this same refusal, and the check must see the whole part
even when only a cut of it is parsed (``parse_children``), so a library would add nothing.

Namespaces differ between Hancom versions (``hp:``, ``hp10:``, other prefixes or
URIs), so elements are matched by their local name. ``hp:switch`` (a compatibility
wrapper holding one ``hp:case`` per required namespace and an ``hp:default``) is
resolved to a single branch so that its content is never seen twice.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError, TreeBuilder, XMLParser

from pledgecard.extract.base import ReadError

#: Markup that opens a DTD; an entity can only be declared inside one.
_FORBIDDEN: tuple[bytes, ...] = (b"<!DOCTYPE", b"<!ENTITY")
#: The compatibility branch whose content Hancom writes in plain HWPUNIT.
_PREFERRED_CASE = "HwpUnitChar"
#: The root element's start tag: prefix (with its colon) and local name.
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def unsafe_reason(part: str) -> str:
    return f"unsafe XML in {part} (DTD/entity declarations are refused)"


def _as_utf8(data: bytes, part: str) -> bytes:
    """The bytes of a part as UTF-8: UTF-16/32 (BOM or ``<`` with NUL bytes) transcoded."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(b"<\x00\x00\x00") or data.startswith(b"\x00\x00\x00<"):
        encoding = "utf-32-le" if data[0] == 0x3C else "utf-32-be"
    elif data.startswith(b"<\x00"):
        encoding = "utf-16-le"
    elif data.startswith(b"\x00<"):
        encoding = "utf-16-be"
    else:
        return data
    try:
        return data.decode(encoding).encode("utf-8")
    except UnicodeError as exc:
        raise ReadError(f"malformed XML in {part} (bad {encoding.upper()} text)") from exc


def check_safe(data: bytes, part: str) -> bytes:
    """The part as UTF-8 bytes, refused if it declares a DTD (and so possibly entities)."""
    data = _as_utf8(data, part)
    if any(marker in data for marker in _FORBIDDEN):
        raise ReadError(unsafe_reason(part))
    return data


def parse_xml(data: bytes, part: str) -> Element:
    """The root element of an XML part; raises :class:`ReadError` naming the part."""
    return _parse(check_safe(data, part), part)


def _parse(data: bytes, part: str) -> Element:
    """Parse bytes already through :func:`check_safe`."""
    # The forced encoding overrides the XML declaration, so the scan for a DTD is exact.
    parser = XMLParser(target=TreeBuilder(), encoding="utf-8")
    try:
        parser.feed(data)
        root: Element = parser.close()
    except ParseError as exc:
        raise ReadError(f"malformed XML in {part} ({exc})") from None
    except ValueError as exc:  # an encoding expat cannot take, a NUL byte, ...
        raise ReadError(f"malformed XML in {part} ({exc})") from None
    return root


def parse_children(data: bytes, part: str, root: bytes, names: tuple[bytes, ...],
                   keep: tuple[bytes, frozenset[str]] | None = None) -> Element:
    """Only the named children of a part's root's child list, each element whole; else the part.

    ``header.xml`` is mostly fonts, borders and character shapes; the reader needs three
    lists out of it. Their span (from the first one's start tag to the last one's end
    tag) is parsed inside an empty copy of the root element, which keeps the namespace
    declarations. ``keep`` (an element name and ids) leaves out of that span the elements
    of that name whose ``id`` is not among the ids (the paragraph properties no paragraph
    uses). Where the span cannot be cut cleanly the whole part is parsed. The safety check
    always runs on the whole part.
    """
    data = check_safe(data, part)
    cut = _cut(data, root, names)
    if cut is not None and keep is not None:
        cut = keep_only(cut, *keep)
    if cut is not None:
        try:
            return _parse(cut, part)
        except ReadError:
            pass
    return _parse(data, part)


def _cut(data: bytes, root: bytes, names: tuple[bytes, ...]) -> bytes | None:
    """The root's start tag, the span of the named elements and the root's end tag, if found."""
    opening = _ROOT_TAG.search(data, 0, 4096)
    if opening is None or opening.group(2) != root:
        return None
    prefix = opening.group(1) or b""
    open_end = data.find(b">", opening.end() - 1)
    if open_end < 0 or data[open_end - 1] == ord("/"):
        return None
    starts: list[int] = []
    ends: list[int] = []
    for name in names:
        start = data.find(b"<" + prefix + name, open_end)
        close = b"</" + prefix + name + b">"
        end = data.find(close, start)
        if start >= 0 and end >= 0:
            starts.append(start)
            ends.append(end + len(close))
    if not starts:
        return None
    return data[:open_end + 1] + data[min(starts):max(ends)] + b"</" + prefix + root + b">"


#: An element's ``id`` attribute inside its start tag (not ``xid``, ``a-id`` or ``p:id``).
_ID_ATTR = re.compile(rb"""(?<![\w:.-])id\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def keep_only(data: bytes, name: bytes, ids: frozenset[str]) -> bytes:
    """``data`` without the ``name`` elements (of any prefix) whose ``id`` is not in ``ids``;
    ``data`` unchanged where an element's end cannot be found. The elements must not nest."""
    start_tag = re.compile(rb"<([A-Za-z_][\w.-]*:)?" + re.escape(name) + rb"(?=[\s/>])[^>]*>")
    kept: list[bytes] = []
    pos = 0
    for match in start_tag.finditer(data):
        if match.start() < pos:
            return data  # an element inside a dropped one: they nest after all
        tag = match.group()
        if tag.endswith(b"/>"):
            end = match.end()
        else:
            close = b"</" + (match.group(1) or b"") + name + b">"
            at = data.find(close, match.end())
            if at < 0:
                return data
            end = at + len(close)
        found = _ID_ATTR.search(tag)
        ident = (found.group(1) if found.group(1) is not None else found.group(2)) if found else None
        if ident is None or ident.decode("utf-8", "replace") not in ids:
            kept.append(data[pos:match.start()])
            pos = end
    kept.append(data[pos:])
    return b"".join(kept)


_LOCAL_NAMES: dict[str, str] = {}
_MAX_CACHED_NAMES = 4096


def local(tag: str) -> str:
    """``"p"`` from ``"{http://www.hancom.co.kr/hwpml/2011/paragraph}p"``."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rpartition("}")[2]
        if len(_LOCAL_NAMES) < _MAX_CACHED_NAMES:
            _LOCAL_NAMES[tag] = name
    return name


def _branch(switch: Element) -> Element | None:
    """The branch of an ``hp:switch`` to read: the HwpUnitChar case, else the default, else a case."""
    cases: list[Element] = []
    default: Element | None = None
    for child in switch:
        name = local(child.tag)
        if name == "case":
            cases.append(child)
        elif name == "default":
            default = child
    for case in cases:
        if any(key.endswith("required-namespace") and value.endswith(_PREFERRED_CASE)
               for key, value in case.attrib.items()):
            return case
    if default is not None:
        return default
    return cases[0] if cases else None


def children(element: Element) -> Iterator[Element]:
    """The child elements, with every ``hp:switch`` replaced by the children of its chosen branch."""
    for child in element:
        if local(child.tag) == "switch":
            branch = _branch(child)
            if branch is not None:
                yield from children(branch)
        else:
            yield child


def first(element: Element, name: str) -> Element | None:
    """The first child (through switches) with this local name."""
    for child in children(element):
        if local(child.tag) == name:
            return child
    return None


def int_attr(element: Element | None, name: str, default: int) -> int:
    """An integer attribute; ``default`` when absent or not an integer."""
    if element is None:
        return default
    value = element.get(name)
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default
