"""What a batch reads: files, folders (recursive), and zip archives of cards.

Every input found is listed exactly once, including what is skipped and why, so that
``files.csv`` accounts for everything. Folder walks do not follow symlinked folders
(no loop can trap them); a zip member is named ``archive.zip!folder/card.hwp``.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from pledgecard.pipeline import path_label

#: File endings read from folders and archives; other files are listed as skipped.
CARD_SUFFIXES = frozenset({".txt", ".hwp", ".hwpx", ".pdf"})
ARCHIVE_SUFFIXES = frozenset({".zip"})
#: A member of an archive larger than this (bytes, as declared and as read) is not read.
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MEMBER_SEPARATOR = "!"


class InputItem(BaseModel):
    """One input: a file, or a member of a zip archive; ``skip`` says why it is not read."""

    model_config = ConfigDict(frozen=True)

    path: str
    file: str
    #: The member's name as :mod:`zipfile` knows it (to open it); ``path`` has its readable name.
    member: str | None = None
    skip: str | None = None
    #: The file system's bytes of ``file`` (hex) where its name is not valid UTF-8 (a CP949
    #: name on a UTF-8 system): ``path`` and ``file`` then hold a readable label (``\xb0``),
    #: and :attr:`os_path` opens the file.
    file_bytes: str | None = None

    @property
    def os_path(self) -> str:
        """The name to open the file by (the file system's own, whatever its encoding)."""
        return os.fsdecode(bytes.fromhex(self.file_bytes)) if self.file_bytes else self.file


def item_of(path: Path, *, display: str | None = None, member: str | None = None,
            skip: str | None = None) -> InputItem:
    """An input for ``path``: its labels valid Unicode, its own name kept to open it by."""
    name = str(path)
    label = path_label(name)
    raw = os.fsencode(name).hex() if label != name else None
    return InputItem(path=display if display is not None else label, file=label, member=member, skip=skip,
                     file_bytes=raw)


#: The general-purpose flag bit that says a zip member's name is UTF-8.
_UTF8_NAME_FLAG = 0x800


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its writer meant it. Without the UTF-8 flag zipfile decodes names
    as cp437, but Korean Windows tools write CP949 there (and some tools UTF-8): the raw
    bytes are taken back and decoded as UTF-8, else CP949, else left as cp437."""
    name = info.filename
    if info.flag_bits & _UTF8_NAME_FLAG or name.isascii():
        return name
    raw = name.encode("cp437")
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


def _skip_reason(path: Path, explicit: bool) -> str | None:
    if explicit:
        return None
    if path.name.startswith("."):
        return "hidden file"
    if path.suffix.lower() not in CARD_SUFFIXES:
        return f"not a card file type ({path.suffix or 'no extension'})"
    return None


def walk_folder(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in a stable order; symlinked folders are not entered."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name


def archive_items(path: Path) -> Iterator[InputItem]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield item_of(path, skip=f"unreadable zip archive ({exc})")
        return
    named = sorted(((member_name(info), info) for info in infos), key=lambda pair: pair[0])
    for readable, info in named:
        name = f"{path_label(str(path))}{MEMBER_SEPARATOR}{readable}"
        reason = _skip_reason(Path(readable), explicit=False)
        if reason is None and info.file_size > MAX_MEMBER_BYTES:
            reason = f"archive member larger than {MAX_MEMBER_BYTES // 2**20} MiB"
        yield item_of(path, display=name, member=info.filename, skip=reason)


def _file_items(path: Path, explicit: bool) -> Iterator[InputItem]:
    if path.suffix.lower() in ARCHIVE_SUFFIXES and path.is_file():
        yield from archive_items(path)
        return
    yield item_of(path, skip=_skip_reason(path, explicit))


def _same_file_key(item: InputItem) -> tuple[str, str | None]:
    """What makes two inputs the same: the file's absolute path (however it was written)
    and the archive member."""
    return os.path.abspath(item.os_path), item.member


def collect_inputs(inputs: Sequence[Path]) -> list[InputItem]:
    """Every input once, in a stable order: as named on the command line, a folder's files
    in name order; a file named twice (or named and inside a named folder) comes once."""
    items: list[InputItem] = []
    seen: set[tuple[str, str | None]] = set()
    for path in inputs:
        found = (_file_items(child, explicit=False) for child in walk_folder(path)) if path.is_dir() \
            else iter([_file_items(path, explicit=True)])
        for group in found:
            for item in group:
                key = _same_file_key(item)
                if key not in seen:
                    seen.add(key)
                    items.append(item)
    return items


def read_item(item: InputItem) -> bytes:
    """The bytes of an input (a file, or a zip member read with its size capped)."""
    if item.member is None:
        return Path(item.os_path).read_bytes()
    with zipfile.ZipFile(item.os_path) as archive, archive.open(item.member) as member:
        data = member.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise ValueError(f"archive member inflates past {MAX_MEMBER_BYTES // 2**20} MiB")
    return data
