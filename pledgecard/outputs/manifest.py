"""What a run wrote into its output folder: ``DIR/.pledgecard/manifest.json``.

The next run into the same folder replaces exactly those files. A file the manifest does
not list was not written by pledgecard: a run refuses such a folder unless forced, and even
then it never deletes it, so nothing of the user's is lost.
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


def manifest_path(out_dir: Path) -> Path:
    return out_dir / WORK_DIR / MANIFEST


def _is_inside(relative: str) -> bool:
    """A manifest entry that names a file under the output folder (never ``..`` or absolute)."""
    path = PurePosixPath(relative)
    return bool(relative) and not path.is_absolute() and ".." not in path.parts and path.parts[0] != WORK_DIR


def written_files(out_dir: Path) -> set[str]:
    """The files (relative, ``/``-separated) the last run wrote; none when there is no manifest."""
    try:
        data = json.loads(manifest_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        return set()
    return {f for f in files if isinstance(f, str) and _is_inside(f)}


def record_written(out_dir: Path, files: Iterable[str]) -> None:
    listing = {"pledgecard": __version__, "files": sorted(set(files))}
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
