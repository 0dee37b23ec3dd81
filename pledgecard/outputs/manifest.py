"""What the runs wrote into an output folder: ``DIR/.pledgecard/manifest.json``.

Each file is listed with the command that wrote it (``convert``, ``history``). The next run of a
command replaces exactly that command's files and leaves the other commands' files as they are,
still listed: ``convert`` into a folder where ``history`` wrote keeps ``history.csv``. A file the
manifest does not list was not written by pledgecard: a run refuses such a folder unless forced,
and even then it never deletes it, so nothing of the user's is lost.

The format (``"format": 2``)::

    {"pledgecard": "0.1.0", "format": 2,
     "files": ["cards.jsonl", …, "history.csv", "history.html"],
     "commands": {"convert": ["cards.jsonl", …], "history": ["history.csv", "history.html"]}}

``files`` lists every file, as format 1 did (it had only ``pledgecard`` and ``files``), so that an
earlier pledgecard still takes them all for its own. A file in ``files`` that ``commands`` does not
place is ``convert``'s; in a format 1 manifest so is every file but the two only ``history`` writes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from pledgecard import __version__
from pledgecard.outputs.atomic import write_text_atomic

#: pledgecard's own folder inside an output folder (results, staging, the manifest).
WORK_DIR = ".pledgecard"
MANIFEST = "manifest.json"
FORMAT = 2
#: The commands that write into an output folder, as the manifest names them.
CONVERT, HISTORY = "convert", "history"
#: What ``history`` wrote into a folder before the manifest named the command (format 1): no
#: other command writes these names, so there they are ``history``'s, the rest ``convert``'s.
FORMAT_1_HISTORY_FILES = frozenset({"history.csv", "history.html"})


def manifest_path(out_dir: Path) -> Path:
    return out_dir / WORK_DIR / MANIFEST


def _is_inside(relative: object) -> bool:
    """A manifest entry that names a file under the output folder (never ``..`` or absolute)."""
    if not isinstance(relative, str) or not relative:
        return False
    path = PurePosixPath(relative)
    return not path.is_absolute() and ".." not in path.parts and path.parts[0] != WORK_DIR


def _names(value: object) -> list[str]:
    return [f for f in value if _is_inside(f)] if isinstance(value, list) else []


def _unlisted_owner(name: str, manifest_format: object) -> str:
    """The command that wrote a file ``commands`` does not place."""
    old = not isinstance(manifest_format, int) or manifest_format < FORMAT
    return HISTORY if old and name in FORMAT_1_HISTORY_FILES else CONVERT


def owners(out_dir: Path) -> dict[str, str]:
    """Each file (relative, ``/``-separated) the runs wrote, with the command that wrote it; none
    when there is no manifest."""
    try:
        data = json.loads(manifest_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    found = {name: _unlisted_owner(name, data.get("format")) for name in _names(data.get("files"))}
    commands = data.get("commands")
    for command, names in (commands.items() if isinstance(commands, dict) else ()):
        found.update({name: command for name in _names(names)})
    return found


def written_files(out_dir: Path) -> set[str]:
    """Every file the runs wrote, whichever command wrote it."""
    return set(owners(out_dir))


def written_by(out_dir: Path, command: str) -> set[str]:
    """The files the last run of ``command`` wrote."""
    return {name for name, owner in owners(out_dir).items() if owner == command}


def record_written(out_dir: Path, command: str, files: Iterable[str]) -> None:
    """List ``files`` as what ``command`` wrote, in place of what it wrote before; the other
    commands' files stay listed (a file of theirs that ``command`` has overwritten becomes its)."""
    listed = {name: owner for name, owner in owners(out_dir).items() if owner != command}
    listed.update(dict.fromkeys(files, command))
    commands: dict[str, list[str]] = {}
    for name in sorted(listed):
        commands.setdefault(listed[name], []).append(name)
    listing = {"pledgecard": __version__, "format": FORMAT, "files": sorted(listed),
               "commands": dict(sorted(commands.items()))}
    write_text_atomic(manifest_path(out_dir), json.dumps(listing, ensure_ascii=False, indent=1) + "\n")


def foreign_files(out_dir: Path) -> list[str]:
    """Files (and links) under ``out_dir`` that no pledgecard run wrote, in a stable order."""
    if not out_dir.is_dir():
        return []
    ours = written_files(out_dir)
    found = []
    for root, dirs, files in os.walk(out_dir, followlinks=False):
        here = Path(root).relative_to(out_dir)
        if here == Path("."):
            dirs[:] = [d for d in dirs if d != WORK_DIR]
        dirs.sort()
        links = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        for name in sorted([*files, *links]):
            relative = (here / name).as_posix()
            if relative not in ours:
                found.append(relative)
    return found
