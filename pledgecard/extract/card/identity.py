"""Who issues a card and who answers for it: the issuer's name and the people by role, from
the kind line and the header grid."""

from __future__ import annotations

import regex

from pledgecard.models import Contact
from pledgecard.normalize.text import close_spaced, squash
from pledgecard.vocab import EMPTY_VALUES, ISSUER_OFFICE_SUFFIXES, KIND_LINE_SUFFIXES, WORKING_LEVEL_ROLES

_PHONE = regex.compile(
    r"(?:☎|TEL\.?|Tel\.?|tel\.?|전화)?\s*[:：]?\s*"
    r"((?:\(0\d{1,2}\)\s?|0\d{1,2}[-.\s]?)\d{3,4}[-.\s]\d{4}|\d{3,4}-\d{4}|(?<![\d.])\d{3,4}(?![\d.]))")
_SUFFIXES = tuple(squash(s) for s in KIND_LINE_SUFFIXES)
_OFFICES = sorted(ISSUER_OFFICE_SUFFIXES.items(), key=lambda pair: len(pair[0]), reverse=True)
#: Governments that contain others, as a nested name writes them (가온광역시 새빛구).
_UPPER_GOVERNMENTS = ("특별자치도", "특별자치시", "광역시", "특별시", "도")
#: What stands around a contact's name besides it: brackets, the phone sign and word, separators.
_NOT_NAME = regex.compile(r"[()（）☎:：,/]|TEL\.?|전화")


def issuer_name(kind: str | None) -> str | None:
    """The government a kind line names: ``원주시장 공약사업 관리카드`` -> ``원주시``;
    ``가온광역시 새빛구청장 …`` -> ``새빛구``; ``도지사 …`` names none."""
    if not kind:
        return None
    squashed = squash(kind)
    suffix = next((s for s in _SUFFIXES if squashed.endswith(s)), None)
    if suffix is None:
        return None
    head = squashed[: -len(suffix)]
    for ending, government in _OFFICES:
        if head.endswith(ending):
            name = _last_government(head[: -len(ending)])
            return name + government if name else None
    return None


def _last_government(name: str) -> str:
    """The last government of a nested name: ``가온광역시새빛`` -> ``새빛``."""
    for marker in _UPPER_GOVERNMENTS:
        at = name.rfind(marker)
        if at >= 2 and at + len(marker) < len(name):
            return name[at + len(marker):]
    return name


def split_person(value: str) -> tuple[str | None, str | None]:
    """``("김철수", "033-249-3000")`` from ``김철수 (☎ 033-249-3000)``."""
    value = close_spaced(value)
    if not value or value in EMPTY_VALUES:
        return None, None
    phone_match = _PHONE.search(value)
    phone = phone_match.group(1).strip() if phone_match else None
    rest = value[: phone_match.start()] + value[phone_match.end():] if phone_match else value
    name = " ".join(_NOT_NAME.sub(" ", rest).split())
    return name or None, phone


def contacts_of(people: list[tuple[str, str]], name: str | None, phone: str | None,
                contact_label: str) -> tuple[Contact, list[Contact]]:
    """``contact`` (the working-level person, else the last) and ``contacts`` (everyone)."""
    contacts = []
    if name:
        name, phone_in_name = split_person(name)  # 담당자 변양우 3477: no 전화번호 label
        phone = phone or phone_in_name
    for role, value in people:
        person, number = split_person(value)
        contacts.append(Contact(role=role, name=person, phone=number))
    if name or phone:
        working = next((c for c in contacts if c.role in WORKING_LEVEL_ROLES and c.name == name), None)
        if working is None:
            contacts.append(Contact(role=contact_label, name=name, phone=phone))
        elif working.phone is None and phone:
            contacts[contacts.index(working)] = working.model_copy(update={"phone": phone})
    if not contacts:
        return Contact(), []
    contact = next((c for c in reversed(contacts) if c.role in WORKING_LEVEL_ROLES), contacts[-1])
    return contact.model_copy(), contacts
