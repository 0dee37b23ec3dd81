"""Every character accounted for: what a document says ends in a card's field, in ``unplaced``,
or in page furniture that was dropped and recorded.

The readers keep every character of a file in the document they hand on (paragraphs, table
cells, ``Document.furniture``; the text reader's own invariant is tested line by line). This
module checks the card parser's side: each letter and digit of the document must be found again
in the cards' values, in their ``unplaced`` text, in the furniture the document or the card
layout recorded, or in the card's own vocabulary (the labels, headings and column words that
say where a value goes: ``공약명``, ``사업개요``, ``총사업비``, ``단위``). A stated none
(``없음``, ``해당없음``: vocab.EMPTY_VALUES) that the parser reads as null on purpose counts as
placed where the card's field holds no other reading of it: a header value (``담당자 없음``) and a
추진율 cell of the 연도별 추진계획 table; the same word anywhere else must be in a value or in
``unplaced``. Punctuation and drawing characters are layout and are not counted. What remains
is text that vanished.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from pledgecard import vocab
from pledgecard.extract.card.header import ROLE, read_header
from pledgecard.extract.card.headings import without_marker
from pledgecard.extract.card.layout import CardLayout, split_cards
from pledgecard.extract.card.reroute import reroute_tables
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.card.yearly import Nones, read_yearly
from pledgecard.extract.document import Document, Paragraph, Table
from pledgecard.models import Card
from pledgecard.normalize.text import squash

#: Keys of values read out of a text the card holds already (an item's dates and amounts come
#: from its text, a total cost's breakdown from its text): counting them again would hide a loss.
_DERIVED = frozenset({"provenance", "dates", "amounts", "quantities", "breakdown"})
#: Top-level keys whose values are not the card's text (where it came from, ids, codes).
_NOT_TEXT = frozenset({"source", "card_id", "schema_version", "findings", "issuer_level"})


def counted(char: str) -> bool:
    """Letters (Hangul, Latin …) and digits count; spaces, punctuation and drawing do not."""
    return char.isalnum()


def _chars(texts: Iterable[str]) -> Counter[str]:
    return Counter(ch for text in texts for ch in text if counted(ch))


def document_texts(document: Document) -> Iterator[str]:
    """Every text of a document, its bullet glyphs left out (they are markers, not text):
    paragraphs and cells (nested tables too)."""
    def of_blocks(blocks: Iterable[Paragraph | Table]) -> Iterator[str]:
        for block in blocks:
            if isinstance(block, Paragraph):
                yield without_marker(block.text)
            else:
                for cell in block.cells:
                    if cell.paragraphs:
                        yield "\n".join(p.text for p in cell.paragraphs)
                    else:
                        yield cell.text
                    for nested in cell.tables:
                        yield from of_blocks([nested])
    yield from of_blocks(document.blocks)


def card_texts(card: Card) -> Iterator[str]:
    """Every string the card holds (its values as written, its unplaced text)."""
    def walk(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in _DERIVED:
                    yield from walk(item)
            yield from _dates_apart(value)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            yield str(value)
    dump = card.model_dump(mode="json")
    yield from walk({key: value for key, value in dump.items() if key not in _NOT_TEXT})


def _dates_apart(value: dict[str, Any]) -> Iterator[str]:
    """An item's dates written apart from its text (the date cell of a table of dated entries):
    not derived from a text the card holds, so they count."""
    text, dates = value.get("text"), value.get("dates")
    if isinstance(text, str) and isinstance(dates, list):
        yield from (span["text"] for span in dates
                    if isinstance(span, dict) and isinstance(span.get("text"), str) and span["text"] not in text)


@lru_cache(maxsize=8)
def vocabulary_words(settings: ParserSettings = DEFAULT) -> tuple[str, ...]:
    """The words that say where a value goes (labels, headings, column words), squashed: the
    settings' own (a word a profile adds is read as the card's vocabulary, not lost) and
    vocab.py's for the readers that take no settings."""
    words: set[str] = set()
    for table in (settings.section_headings, settings.header_labels, vocab.OVERVIEW_LABELS,
                  settings.achievement_columns, vocab.YEARLY_COLUMNS, vocab.DATED_COLUMNS):
        for options in table.values():
            words.update(squash(w) for w in options)
    words.update(squash(w) for w in (*settings.finance_column_kinds, *settings.finance_row_headers,
                                     *settings.finance_measures, *settings.communication_row_headers,
                                     *settings.column_words, settings.achievement_heading))
    words.update(squash(w) for w in (*vocab.CONTACT_ROLES, *vocab.PERSON_ROW_LABELS,
                                     *vocab.GOAL_HEADER_WORDS, *vocab.ISSUE_WORDS, *vocab.REMEDY_WORDS,
                                     vocab.TABLE_UNIT_LABEL, *vocab.COUNT_ROW_LABELS,
                                     *vocab.FINANCE_GROUP_HEADERS, *vocab.ACHIEVEMENT_HEADINGS, *vocab.STATUSES,
                                     *vocab.TEMPLATE_INSTRUCTIONS, *vocab.STATED_YEARS_SUFFIXES, *vocab.GOAL_ACHIEVED,
                                     *vocab.AS_OF_WORDS, *vocab.CUMULATIVE_WORDS))
    return tuple(sorted((w for w in words if w), key=lambda w: (-len(w), w)))


def _greedy(text: str, words: Sequence[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for word in words:
        if word in text:
            found.update(_chars([word] * text.count(word)))
            text = text.replace(word, " ")
    return found


def _vocabulary_chars(texts: Iterable[str], words: Sequence[str]) -> Counter[str]:
    """The characters of vocabulary words as they occur in ``texts``: the longest words first
    over the letter-spaced text (공 약 명), or whole words first where that finds more (a short
    word inside a longer run of them: 주요사업 목표치)."""
    found: Counter[str] = Counter()
    known = frozenset(words)
    for text in texts:
        spaced = _greedy(squash(text), words)
        whole: Counter[str] = Counter()
        kept = []
        for token in text.split():
            bare = token.strip("()（）[]<>《》〈〉【】:：,./·")
            if squash(bare) in known:
                whole.update(_chars([bare]))
            else:
                kept.append(token)
        whole += _greedy("".join(kept), words)
        found += spaced if spaced.total() >= whole.total() else whole
    return found


def unaccounted(document: Document, cards: list[Card], settings: ParserSettings = DEFAULT) -> Counter[str]:
    """The letters and digits of ``document`` that no card, furniture or vocabulary word holds."""
    texts = list(document_texts(document))
    layouts = split_cards(document, settings)
    dropped = [p.full_text for layout in layouts for p in layout.dropped]
    held = _chars(text for card in cards for text in card_texts(card))
    held += _chars(p.full_text for p in document.furniture)
    held += _chars(dropped)
    if len(layouts) == len(cards):  # each card its layout's (parse_cards); else no none counts
        held += _chars(none for layout, card in zip(layouts, cards, strict=True)
                       for none in stated_nones(layout, card, settings))
    missing = _chars(texts) - held
    if missing:
        missing -= _vocabulary_chars(texts, vocabulary_words(settings))
    return missing


# --------------------------------------------------------------------------- stated nones
def _contacts(card: Card) -> list[str | None]:
    return [card.contact.name, card.contact.phone, *(v for c in card.contacts for v in (c.name, c.phone))]


#: Header field -> the card's values read from it (a stated none there is read as null).
_HEADER_FIELDS: dict[str, Callable[[Card], list[str | None]]] = {
    "title": lambda card: [card.pledge.title],
    "number": lambda card: [card.pledge.number],
    "department": lambda card: [card.department],
    "contact_name": _contacts,
    "contact_phone": _contacts,
    "cooperating": lambda card: list(card.cooperating_departments),
    "target": lambda card: [card.target],
    "status": lambda card: [card.status],
    "category": lambda card: [card.category],
    "continuity": lambda card: [card.continuity],
    "stage": lambda card: [card.stage],
    "progress_rate": lambda card: [card.progress_rate.text if card.progress_rate else None],
    "issuer": lambda card: [card.issuer],
}


def _is_none(value: str) -> bool:
    return value.strip() in vocab.EMPTY_VALUES


def stated_nones(layout: CardLayout, card: Card, settings: ParserSettings = DEFAULT) -> Iterator[str]:
    """The stated nones of ``layout`` that the parser read as null on purpose, where ``card``
    holds no other reading of them: a header value (``담당자 없음``, a role's ``없음`` in a grid of
    people) whose field holds no such word, and a 추진율 cell of 연도별 추진계획 (read again from
    the layout as the parser reads it) whose row's plan has no rate."""
    header = read_header(layout.header, settings)
    for key, value in [*header.values.items(), *((ROLE + role, v) for role, v in header.people)]:
        holder = _contacts if key.startswith(ROLE) else _HEADER_FIELDS.get(key)
        if holder is not None and _is_none(value) and value.strip() not in holder(card):
            yield value
    read = 0  # the plans of the yearly parts before this one
    for section in reroute_tables(layout, settings).sections:
        if section.key == "yearly":
            nones: Nones = []
            plans, _ = read_yearly(section.blocks, [], nones)
            yield from (text for index, text in nones
                        if read + index < len(card.yearly) and card.yearly[read + index].rate is None)
            read += len(plans)
