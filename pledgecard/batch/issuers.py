"""Who issued a card that does not say (CARD-SPEC §2 ``issuer``): what the user passes.

A card that names its government (``원주시장 공약사업 관리카드``) keeps it. For the others the
user can name one (``--issuer 원주시``) or let the archive's folders say: archives are often
filed by government, so with ``--issuer-from-folder`` the first folder level under an input
folder (or inside a zip archive) names the issuer of the cards beneath it
(``archive/원주시/2025-1/card.hwp`` -> 원주시). A file straight under the input folder takes
``--issuer``, else none.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pledgecard.batch.inputs import MEMBER_SEPARATOR, InputItem
from pledgecard.models import Card, FileResult
from pledgecard.normalize.text import nfc


@dataclass(frozen=True)
class IssuerChoice:
    """What the user said about issuers: one name for every card, the folders, or both."""

    name: str | None = None
    from_folder: bool = False

    def __bool__(self) -> bool:
        return bool(self.name) or self.from_folder


def _first_folder(relative: str) -> str | None:
    parts = PurePosixPath(relative.replace(os.sep, "/")).parts
    if len(parts) < 2:
        return None
    return nfc(parts[0]).strip() or None


def _root_of(item: InputItem, folders: Sequence[Path]) -> Path | None:
    file = os.path.abspath(item.os_path)
    for folder in folders:
        if file.startswith(os.path.abspath(folder) + os.sep):
            return folder
    return None


def folder_issuer(item: InputItem, folders: Sequence[Path]) -> str | None:
    """The first folder level under the input folder ``item`` was found in (or, for a member of a
    zip archive named on the command line or lying straight in the folder, inside the archive)."""
    root = _root_of(item, folders)
    if root is not None:
        named = _first_folder(os.path.relpath(os.path.abspath(item.os_path), os.path.abspath(root)))
        if named:
            return named
    if item.member is not None:
        return _first_folder(item.path.split(MEMBER_SEPARATOR, 1)[1])
    return None


def issuer_for(item: InputItem, inputs: Sequence[Path], choice: IssuerChoice) -> str | None:
    """The issuer the user gives the cards of ``item`` (None: nothing said)."""
    if choice.from_folder:
        named = folder_issuer(item, [path for path in inputs if path.is_dir()])
        if named:
            return named
    return choice.name or None


def with_issuer(card: Card, issuer: str | None) -> Card:
    """The card with ``issuer`` where it names none; a card's own word stands."""
    if issuer is None or card.issuer is not None:
        return card
    return card.model_copy(update={"issuer": issuer})


def result_with_issuer(result: FileResult, issuer: str | None) -> FileResult:
    if issuer is None or all(card.issuer is not None for card in result.cards):
        return result
    return result.model_copy(update={"cards": [with_issuer(card, issuer) for card in result.cards]})
