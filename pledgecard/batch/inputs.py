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
    member: str | None = None
    skip: str | None = None


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
        yield InputItem(path=str(path), file=str(path), skip=f"unreadable zip archive ({exc})")
        return
    for info in sorted(infos, key=lambda i: i.filename):
        name = f"{path}{MEMBER_SEPARATOR}{info.filename}"
        member = Path(info.filename)
        reason = _skip_reason(member, explicit=False)
        if reason is None and info.file_size > MAX_MEMBER_BYTES:
            reason = f"archive member larger than {MAX_MEMBER_BYTES // 2**20} MiB"
        yield InputItem(path=name, file=str(path), member=info.filename, skip=reason)


def _file_items(path: Path, explicit: bool) -> Iterator[InputItem]:
    if path.suffix.lower() in ARCHIVE_SUFFIXES and path.is_file():
        yield from archive_items(path)
        return
    yield InputItem(path=str(path), file=str(path), skip=_skip_reason(path, explicit))


def collect_inputs(inputs: Sequence[Path]) -> list[InputItem]:
    """Every input in a stable order: given files (always read), then folder contents."""
    items: list[InputItem] = []
    for path in inputs:
        if path.is_dir():
            for child in walk_folder(path):
                items.extend(_file_items(child, explicit=False))
        else:
            items.extend(_file_items(path, explicit=True))
    return items


def read_item(item: InputItem) -> bytes:
    """The bytes of an input (a file, or a zip member read with its size capped)."""
    if item.member is None:
        return Path(item.file).read_bytes()
    with zipfile.ZipFile(item.file) as archive, archive.open(item.member) as member:
        data = member.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise ValueError(f"archive member inflates past {MAX_MEMBER_BYTES // 2**20} MiB")
    return data
