"""The card parser's vocabulary and thresholds in one object, with today's values as defaults.

As pdfplumber's table settings do for its table finder, one :class:`ParserSettings` holds
everything the card parser decides by: the words of headings and header labels, and the
lengths and bands that tell a heading, a kind line or a page number from body text. A user
whose issuer writes its own template passes a profile::

    settings = ParserSettings(section_headings={**DEFAULT.section_headings, "plans": ("향후대책",)})
    pledgecard.parse(path, settings=settings)   # or parse_file / parse_bytes

A settings object is never changed by a parse (it is frozen); the lookups derived from it
are computed once per object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import get_args

import regex

from pledgecard.models import FinanceKind
from pledgecard.normalize.text import squash
from pledgecard.vocab import (
    ACHIEVEMENT_COLUMNS,
    ACHIEVEMENT_HEADING,
    CARD_START_LABELS,
    COLUMN_WORDS,
    COMMUNICATION_ROW_HEADERS,
    FINANCE_COLUMN_KINDS,
    FINANCE_MEASURES,
    FINANCE_ROW_HEADER,
    FUNDING_BY_LEVEL,
    FUNDING_FIXED,
    HEADER_LABELS,
    KIND_LINE_SUFFIXES,
    SECTION_HEADINGS,
)

#: The columns of the 목표달성 table a profile may name words for (project and details must be found).
ACHIEVEMENT_COLUMN_KEYS = ("main", "project", "status", "details")


@dataclass(frozen=True)
class ParserSettings:
    #: Canonical section key -> headings (letter-spacing closed up, no marker).
    section_headings: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(SECTION_HEADINGS))
    #: Canonical header field -> labels.
    header_labels: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(HEADER_LABELS))
    #: Labels whose appearance as a header grid starts a new card.
    card_start_labels: tuple[str, ...] = CARD_START_LABELS
    #: Endings of a kind line (도지사 공약사업 관리카드).
    kind_line_suffixes: tuple[str, ...] = KIND_LINE_SUFFIXES
    #: Words that head table columns (a flattened table writes them on lines of their own).
    column_words: tuple[str, ...] = COLUMN_WORDS
    #: A heading line is at most this many characters (its marker and a trailing as-of included).
    max_heading_chars: int = 40
    #: A heading's words, after its marker, are at most this many characters (spaces removed)
    #: when the line carries nothing else (a longer line with no marker is body text).
    max_heading_words: int = 24
    #: A kind line is at most this many characters, spaces removed.
    max_kind_chars: int = 40
    #: How many blocks a kind line may stand before its header grid (a subtitle, a date line)
    #: and still open that card rather than be a running header.
    kind_lookahead: int = 3
    #: A page number (- 3 -, 3 / 12, 3쪽) has at most this many digits.
    max_page_number_digits: int = 4
    #: Finance table: column word -> kind (total, prior, after_term; a year is read from its digits).
    finance_column_kinds: dict[str, str] = field(default_factory=lambda: dict(FINANCE_COLUMN_KINDS))
    #: Finance table: the words of its funding sources (국비, 도비 …; a short word ending in 비 is one too).
    finance_sources: tuple[str, ...] = (*FUNDING_FIXED, *FUNDING_BY_LEVEL)
    #: Finance table: rows or column groups of planned, secured and spent money (계획, 확보, 집행).
    finance_measures: tuple[str, ...] = FINANCE_MEASURES
    #: Finance table: the cell over its source labels (구분).
    finance_row_headers: tuple[str, ...] = FINANCE_ROW_HEADER
    #: 소통 table: header words of a first column that labels the rows (구분, 연도, 소통채널 …),
    #: not a channel.
    communication_row_headers: tuple[str, ...] = COMMUNICATION_ROW_HEADERS
    #: 목표달성 table: column (main, project, status, details) -> the header words it starts with.
    achievement_columns: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(ACHIEVEMENT_COLUMNS))
    #: A progress block whose heading holds this word is the 목표달성 table.
    achievement_heading: str = ACHIEVEMENT_HEADING

    def __post_init__(self) -> None:
        kinds = set(self.finance_column_kinds.values()) - set(get_args(FinanceKind))
        if kinds:
            raise ValueError(f"finance_column_kinds: unknown kind {sorted(kinds)}; known: {get_args(FinanceKind)}")
        columns = set(self.achievement_columns) - set(ACHIEVEMENT_COLUMN_KEYS)
        if columns:
            raise ValueError(f"achievement_columns: unknown column {sorted(columns)}; known: {ACHIEVEMENT_COLUMN_KEYS}")

    #: A settings object is its own key (lookups derived from it are cached by it): hashed by
    #: identity, in C (it is hashed for every line the parser looks up a heading for).
    __hash__ = object.__hash__

    @cached_property
    def heading_keys(self) -> dict[str, str]:
        """Squashed heading -> section key, longest first (a longer heading wins a prefix match)."""
        pairs = [(squash(h), key) for key, headings in self.section_headings.items() for h in headings]
        return dict(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))

    @cached_property
    def heading_nouns(self) -> frozenset[str]:
        """The nouns the known headings end with, their bracketed remark left out (계획, 실적,
        방안, 사항 …: the last two letters of each): a part's heading of other words written
        with no marker must end with one (주민참여 방안), a wrapped line rarely does."""
        bare = (regex.sub(r"\(.*\)$", "", heading) for heading in self.heading_keys)
        return frozenset(h[-2:] for h in bare if len(h) >= 2)

    @cached_property
    def label_keys(self) -> dict[str, str]:
        """Squashed header label -> header field."""
        return {squash(label): key for key, labels in self.header_labels.items() for label in labels}

    @cached_property
    def ambiguous_headings(self) -> frozenset[str]:
        """Headings that are also header labels or table column words (추진상황, 추진실적):
        on a line with no marker they are a heading only in cards that write every heading so."""
        words = set(self.label_keys) | {squash(w) for w in self.column_words} | {
            w for words in self.achievement_column_words.values() for w in words}
        return frozenset(h for h in self.heading_keys if h in words)

    @cached_property
    def card_starts(self) -> tuple[str, ...]:
        return tuple(squash(label) for label in self.card_start_labels)

    @cached_property
    def page_number(self) -> regex.Pattern[str]:
        """A line that is only a page number: ``- 3 -``, ``3 / 12``, ``page 3``, ``3쪽``, ``3 페이지``."""
        n = f"\\d{{1,{self.max_page_number_digits}}}"
        return regex.compile(
            rf"^\s*(?:[-–—]\s*{n}\s*[-–—]|{n}\s*/\s*{n}|page\s*\d+|{n}\s*쪽|[-–—]?\s*{n}\s*페이지)\s*$", regex.I)

    @cached_property
    def kind_suffixes(self) -> tuple[str, ...]:
        return tuple(squash(s) for s in self.kind_line_suffixes)

    @cached_property
    def kind_last_chars(self) -> tuple[str, ...]:
        """The last letters of the kind-line endings (a line ending otherwise is no kind line)."""
        return tuple({suffix[-1] for suffix in self.kind_suffixes if suffix})

    @cached_property
    def card_start_firsts(self) -> frozenset[str] | None:
        """The first letters of the card-start labels; None when a label is empty (any line
        starts with it)."""
        starts = self.card_starts
        return None if "" in starts else frozenset(start[0] for start in starts)

    @cached_property
    def finance_kinds(self) -> dict[str, FinanceKind]:
        """Squashed finance column word -> kind (the first word listed wins a clash, as in a search)."""
        kinds: dict[str, FinanceKind] = {kind: kind for kind in get_args(FinanceKind)}
        return {squash(word): kinds[kind] for word, kind in reversed(self.finance_column_kinds.items())}

    @cached_property
    def after_term_words(self) -> tuple[str, ...]:
        """Squashed words that make a finance column after the term wherever they stand in it."""
        return tuple(squash(word) for word, kind in self.finance_column_kinds.items() if kind == "after_term")

    @cached_property
    def finance_source_words(self) -> frozenset[str]:
        return frozenset(squash(word) for word in self.finance_sources)

    @cached_property
    def finance_measure_words(self) -> frozenset[str]:
        return frozenset(squash(word) for word in self.finance_measures)

    @cached_property
    def finance_row_header_words(self) -> frozenset[str]:
        return frozenset(squash(word) for word in self.finance_row_headers)

    @cached_property
    def communication_row_header_words(self) -> frozenset[str]:
        return frozenset(squash(word) for word in self.communication_row_headers)

    @cached_property
    def achievement_column_words(self) -> dict[str, tuple[str, ...]]:
        """Column -> its squashed header words, in the order of ``achievement_columns``."""
        return {key: tuple(squash(w) for w in words) for key, words in self.achievement_columns.items()}

    @cached_property
    def achievement_cue(self) -> str:
        return squash(self.achievement_heading)


DEFAULT = ParserSettings()
