"""Dates and periods with their precision: ``’18~’27년``, ``‘23.~``, ```24.9.5.~6.``,
``2023. 1. ~ 2026. 12.``, ``’24. 4분기``, ``2024년 상반기``.

Dates come out as strings: ``2024``, ``2024-04``, ``2024-04-05``, ``2024-Q4``, ``2024-H1``.
An apostrophe (any of vocab YEAR_APOSTROPHES, a combining grave included) marks a
two-digit year 20xx. In free text a four-digit year counts only with 년, a ``.`` and a
month (or quarter), or a range partner; bare numbers (``GMES 2024``, ``89,873``) are not dates.
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from pledgecard import vocab
from pledgecard.models import Finding, Span
from pledgecard.normalize.numbers import SP
from pledgecard.normalize.text import is_syllable, nfc, squash

_APOS = "[" + re.escape(vocab.YEAR_APOSTROPHES) + "]"
_Y, _M, _D = map(re.escape, (vocab.YEAR_WORD, vocab.MONTH_WORD, vocab.DAY_WORD))
_HALF = "|".join(map(re.escape, vocab.HALF_WORDS))
_QUARTER_END = rf"(?:{SP}/{SP}4)?{SP}{re.escape(vocab.QUARTER_WORD)}"
_RANGE_MARK = rf"(?:[{re.escape(vocab.RANGE_MARKS)}]|[-–—])"
#: ``4분기``, ``3/4분기``; and the first quarter of a range written short (``1~2분기``),
#: which would otherwise read as a month.
_QUARTER = rf"(?P<q>[0-9])(?:{_QUARTER_END}|(?={SP}{_RANGE_MARK}{SP}[0-9]{_QUARTER_END}))"
#: After a number: a word does not go on (``13개`` is no month, ``4분기`` is a quarter).
_STOP = r"(?![0-9\uac00-\ud7a3])"

_APOS_YEAR = re.compile(rf"{_APOS}(?P<y>[0-9]{{2}})(?![0-9])")
#: Two digits before 년 without an apostrophe (``23년``): a year or a length (``30년``).
_BARE_YEAR = re.compile(rf"(?<![0-9.,])(?P<y>[0-9]{{2}})(?![0-9])(?={SP}{_Y})")
#: After ``NN년``: words that make it a length (``30년간``, ``10년 이상``, ``10년 3개월``).
_LENGTH_AFTER = re.compile(
    rf"{SP}(?:" + "|".join(map(re.escape, vocab.YEAR_LENGTH_WORDS))
    + rf"|[0-9]{{1,2}}{SP}{re.escape(vocab.MONTHS_LENGTH_WORD)})"
)
_YEAR_OF = re.compile(re.escape(vocab.YEAR_OF_SUFFIX))
#: After an as-of date: ``기준``, ``현재``, ``말 현재``.
_AS_OF_AFTER = re.compile(
    rf"{SP}(?:(?:" + "|".join(map(re.escape, vocab.AS_OF_DATE_PARTS)) + rf"){SP})?(?:"
    + "|".join(map(re.escape, vocab.AS_OF_WORDS)) + ")"
)
_FULL_YEAR = re.compile(r"(?<![0-9.,])(?P<y>(?:19|20)[0-9]{2})(?![0-9])")
_YEAR_WORD = re.compile(rf"{SP}{_Y}")
_DOT = re.compile(rf"\.{SP}")
_ISO = re.compile(r"(?P<sep>[-/])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9])")
_PERIOD_PART = re.compile(rf"{SP}(?:(?P<h>{_HALF})|{_QUARTER})")
#: After 년: ``3월``, ``3월 5일``, ``4분기``, ``상반기``.
_KOREAN_REST = re.compile(
    rf"{SP}(?:(?P<h>{_HALF})|{_QUARTER}"
    rf"|(?P<m>[0-9]{{1,2}}){SP}{_M}(?:{SP}(?P<d>[0-9]{{1,2}}){SP}{_D})?)"
)
#: A spaced day without its dot (``2024. 4. 5``) ends the text, a bracket, a range or a clause.
_DAY_END = (rf"(?![0-9])(?={SP}(?:$|\n|[{re.escape(vocab.DATE_CLOSERS + vocab.RANGE_MARKS)}]|[-–—]|"
            + "|".join(map(re.escape, vocab.AS_OF_WORDS + vocab.DATE_AFTER_WORDS)) + "))")
#: After ``’24.``: ``5월``, ``4.``, ``9.5.``, ``4분기``, ``12월``.
_DOT_REST = re.compile(
    rf"(?:(?P<h>{_HALF})|{_QUARTER}"
    rf"|(?P<m>[0-9]{{1,2}})(?:{SP}{_M}(?:{SP}(?P<dk>[0-9]{{1,2}}){SP}{_D})?"
    rf"|\.(?:(?P<d>[0-9]{{1,2}})(?:{SP}{_D}|\.|{_STOP})|{SP}(?P<ds>[0-9]{{1,2}})(?:{SP}{_D}|\.|{_DAY_END}))?"
    rf"|{_STOP}))"
)
_RANGE = re.compile(rf"{SP}(?P<mark>[{re.escape(vocab.RANGE_MARKS)}]|[-–—]){SP}")
_END_DAY = re.compile(
    rf"(?:(?P<m>[0-9]{{1,2}}){SP}[.{_M}]{SP})?(?P<d>[0-9]{{1,2}})(?:{SP}{_D}|\.|{_STOP})"
)
_END_MONTH = re.compile(rf"(?P<m>[0-9]{{1,2}})(?:{SP}{_M}|\.|{_STOP})")
_END_QUARTER = re.compile(rf"(?P<q>[0-9]){_QUARTER_END}")
_END_HALF = re.compile(rf"(?P<h>{_HALF})")
_END_YEAR = re.compile(rf"(?P<y>[0-9]{{2}})(?![0-9])(?P<w>{SP}{_Y})?")
_MARK = f"[{re.escape(vocab.RANGE_MARKS)}]"
#: Where a date or period may start: an apostrophe and two digits (``’24``), a year
#: 19xx/20xx not inside a number, two digits before 년 (``23년``) or a range mark. The same
#: matches, start and end, as ``APOS[0-9]{2}|(?<![0-9.,])(?:19|20)[0-9]{2}(?![0-9])|``
#: ``(?<![0-9.,])[0-9]{2}(?![0-9])(?=SP년)|MARK``, but written to open with
#: one character class (each branch then looks back at it), so that a search skips to
#: candidates quickly.
_CANDIDATE = re.compile(
    rf"[{re.escape(vocab.YEAR_APOSTROPHES)}0-9{re.escape(vocab.RANGE_MARKS)}]"
    rf"(?:(?<={_APOS})[0-9]{{2}}"
    r"|(?<![0-9.,]1)(?<=1)9[0-9]{2}(?![0-9])"
    r"|(?<![0-9.,]2)(?<=2)0[0-9]{2}(?![0-9])"
    rf"|(?<![0-9.,][0-9])(?<=[0-9])[0-9](?![0-9])(?={SP}{_Y})"
    rf"|(?<={_MARK}))"
)
_STATED = re.compile(
    rf"(?<![0-9])(?P<n>[0-9]{{1,2}}){SP}(?:"
    + "|".join(map(re.escape, vocab.STATED_YEARS_SUFFIXES))
    + rf")|[(（]{SP}(?P<p>[0-9]{{1,2}}){SP}{_Y}{SP}[)）]"
)


class _Date(NamedTuple):
    """A date to some precision (immutable; a named tuple is cheap to make)."""

    year: int
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    #: A bare ``NN년`` that may as well be a length (``30년``): rendered as None, with a finding.
    ambiguous: bool = False

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        if self.quarter is not None:
            return "quarter"
        return "half" if self.half is not None else "year"

    def render(self) -> str | None:
        """The date string, or None when the month, day or quarter is out of range (or ambiguous)."""
        if self.ambiguous:
            return None
        if self.month is not None:
            if not 1 <= self.month <= 12:
                return None
            if self.day is not None:
                if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                    return None
                return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            return f"{self.year:04d}-{self.month:02d}"
        if self.quarter is not None:
            return f"{self.year:04d}-Q{self.quarter}" if 1 <= self.quarter <= 4 else None
        if self.half is not None:
            return f"{self.year:04d}-H{self.half}"
        return f"{self.year:04d}"


def _half(word: str | None) -> int | None:
    return None if word is None else int(vocab.HALF_WORDS[word][1:])


def _num(value: str | None) -> int | None:
    return None if value is None else int(value)


def _part(year: int, m: re.Match[str]) -> _Date:
    """A date from the named groups of one of the rest patterns."""
    groups = m.groupdict()
    month, quarter, half = groups.get("m"), groups.get("q"), groups.get("h")
    day = groups.get("d") or groups.get("ds") or groups.get("dk")
    return _Date(year,
                 None if month is None else int(month),
                 None if day is None else int(day),
                 None if quarter is None else int(quarter),
                 None if half is None else _half(half))


def _date_at(text: str, pos: int, lenient: bool) -> tuple[_Date, int, bool] | None:
    """A date starting at ``pos``: (date, end, anchored); anchored means a date marker was seen."""
    m = _APOS_YEAR.match(text, pos)
    apos = m is not None
    if m is None:
        m = _FULL_YEAR.match(text, pos)
        if m is None:
            return _bare_year_at(text, pos)
    year = int(m["y"]) + (2000 if apos else 0)
    end = m.end()
    if apos and end < len(text) and is_syllable(text[end]) and not any(
        text.startswith(word, end) for word in (vocab.YEAR_WORD, *vocab.HALF_WORDS)
    ):
        return None  # ’24개 is no year
    if (w := _YEAR_WORD.match(text, end)) is not None:
        rest = _KOREAN_REST.match(text, w.end())
        return (_part(year, rest), rest.end(), True) if rest else (_Date(year), w.end(), True)
    if (d := _DOT.match(text, end)) is not None:
        rest = _DOT_REST.match(text, d.end())
        if rest is not None and rest.group(0):
            return _part(year, rest), rest.end(), True
        dot_end = end + 1
        anchored = apos or lenient or _RANGE.match(text, dot_end) is not None
        return _Date(year), dot_end, anchored
    if not apos and (iso := _ISO.match(text, end)) is not None:
        return _part(year, iso), iso.end(), True
    if (apos or lenient) and (p := _PERIOD_PART.match(text, end)) is not None:
        return _part(year, p), p.end(), True
    return _Date(year), end, apos or lenient


def _bare_year_at(text: str, pos: int) -> tuple[_Date, int, bool] | None:
    """``23년`` (two digits and 년, no apostrophe): a year, a length, or ambiguous.

    A month, quarter or half after it (``23년 3월``) or 도 (``23년도``) makes it a date; a
    length word (``30년간``, ``10년 이상``, ``10년 3개월``) a length (None). Otherwise it is
    a year when the two digits fall in vocab BARE_YEAR_RANGE, except round tens (``20년``,
    ``30년`` are as often lengths): those are ambiguous (no value, a finding).
    """
    m = _BARE_YEAR.match(text, pos)
    if m is None:
        return None
    year_end = _YEAR_WORD.match(text, m.end())
    if year_end is None:
        return None
    end = year_end.end()
    digits = int(m["y"])
    year = 2000 + digits
    rest = _KOREAN_REST.match(text, end)
    if rest is not None:
        return _part(year, rest), rest.end(), True
    if (of := _YEAR_OF.match(text, end)) is not None:
        return _Date(year), of.end(), True
    if _LENGTH_AFTER.match(text, end) is not None:
        return None
    low, high = vocab.BARE_YEAR_RANGE
    if not low <= digits <= high:
        return None
    return _Date(year, ambiguous=digits % 10 == 0), end, True


def _partial_end(text: str, pos: int, start: _Date) -> tuple[_Date, int] | None:
    """The end of a range written short, taking what it leaves out from the start (``~6.``)."""
    precision = start.precision
    if precision == "day":
        m = _END_DAY.match(text, pos)
        if m is not None:
            month = _num(m["m"]) if m["m"] else start.month
            return start._replace(month=month, day=int(m["d"])), m.end()
    elif precision == "month":
        m = _END_MONTH.match(text, pos)
        if m is not None:
            return start._replace(month=int(m["m"])), m.end()
    elif precision == "quarter":
        m = _END_QUARTER.match(text, pos)
        if m is not None:
            return start._replace(quarter=int(m["q"])), m.end()
    elif precision == "half":
        m = _END_HALF.match(text, pos)
        if m is not None:
            return start._replace(half=_half(m["h"])), m.end()
    else:
        m = _END_YEAR.match(text, pos)
        if m is not None and (m["w"] or m.end() >= len(text) or not is_syllable(text[m.end()])):
            year = 2000 + int(m["y"])
            if year >= start.year:
                return _Date(year), m.end()
    return None


def _render(date: _Date | None, text: str, findings: list[Finding] | None) -> str | None:
    if date is None:
        return None
    out = date.render()
    if out is None and findings is not None:
        if date.ambiguous:
            findings.append(Finding(
                code="date.ambiguous", severity="warning",
                message=f"{text!r}: the year {date.year} or a length of {date.year - 2000} years"))
        else:
            findings.append(Finding(code="date.invalid", severity="warning",
                                    message=f"date out of range in {text!r}"))
    return out


def _span_at(text: str, pos: int, lenient: bool,
             findings: list[Finding] | None) -> tuple[Span, int] | None:
    """A date or period starting at ``pos``: (span, end), or None."""
    start: _Date | None = None
    found = _date_at(text, pos, lenient)
    if found is None:
        if text[pos] not in vocab.RANGE_MARKS or _after_number(text, pos):
            return None
        r_start, anchored = pos, True  # ~’27년: no start
    else:
        start, r_start, anchored = found
    end_date: _Date | None = None
    end = r_start
    r = _RANGE.match(text, r_start)
    if r is not None:
        partner = _date_at(text, r.end(), lenient=lenient or start is not None)
        if partner is not None and (start is not None or partner[2]):
            end_date, end, anchored = partner[0], partner[1], True
        elif start is not None and (short := _partial_end(text, r.end(), start)) is not None:
            end_date, end, anchored = short[0], short[1], True
        elif start is not None and r["mark"] in vocab.RANGE_MARKS and not _digit_at(text, r.end()):
            end = r.end("mark")  # ‘23.~ : open end
        else:
            r = None
    if start is None and end_date is None:
        return None
    if not anchored:
        return None
    if r is None:
        end_date = start
    source = text[pos:end].strip()
    first = _render(start, source, findings)
    last = first if r is None else _render(end_date, source, findings)
    return Span(start=first, end=last, text=source), end


def _digit_at(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isdigit()


def _after_number(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1] == ".")


def _scan_ends(text: str, lenient: bool, findings: list[Finding] | None,
               first_only: bool) -> list[tuple[Span, int]]:
    """Each span of (NFC) ``text`` with the position where it ends."""
    spans: list[tuple[Span, int]] = []
    cursor = 0
    for candidate in _CANDIDATE.finditer(text):
        pos = candidate.start()
        if pos < cursor:
            continue
        found = _span_at(text, pos, lenient, findings)
        if found is None:
            continue
        spans.append(found)
        cursor = found[1]
        if first_only:
            break
    return spans


def _scan(text: str, lenient: bool, findings: list[Finding] | None,
          first_only: bool) -> list[Span]:
    return [span for span, _ in _scan_ends(nfc(text), lenient, findings, first_only)]


def parse_span(text: str, findings: list[Finding] | None = None) -> Span | None:
    """The first date or period in ``text`` (a field known to hold one: a bare year counts)."""
    spans = _scan(text, lenient=True, findings=findings, first_only=True)
    return spans[0] if spans else None


def find_spans(text: str, findings: list[Finding] | None = None) -> list[Span]:
    """Every date or period in free text, in order; a single date has start == end."""
    return _scan(text, lenient=False, findings=findings, first_only=False)


def as_of_span(text: str, findings: list[Finding] | None = None) -> Span | None:
    """The as-of date of a heading line: the date marked 기준 or 현재, else its first date.

    ``□ 추진실적 (2025. 3. 31. 기준)``, ``2025. 9월 말 현재``, ``《’24. 4분기 기준 누계》``;
    in ``사업(’22~’25년) 추진현황 (’25. 2분기 기준)`` the marked one wins.
    """
    marked, first = as_of_dates(text, findings)
    return marked if marked is not None else first


def marked_as_of(text: str) -> Span | None:
    """The first date of ``text`` that 기준 or 현재 follows (``(’25. 2분기 기준)``), else None."""
    return as_of_dates(text)[0]


def as_of_dates(text: str, findings: list[Finding] | None = None) -> tuple[Span | None, Span | None]:
    """``(marked, first)`` of one scan of ``text``: the first date that 기준 or 현재 follows
    (:func:`marked_as_of`) and the first date of all; :func:`as_of_span` is the one, else the other."""
    clean = nfc(text)
    found = _scan_ends(clean, False, findings, first_only=False)
    return _marked(clean, found), (found[0][0] if found else None)


def _marked(text: str, found: list[tuple[Span, int]]) -> Span | None:
    return next((span for span, end in found if _AS_OF_AFTER.match(text, end) is not None), None)


def parse_as_of(text: str) -> tuple[str | None, bool]:
    """A progress heading's date (the end of its as-of span) and whether it is cumulative.

    ``기 추진실적 : ’24. 4분기 기준 누계`` -> ("2024-Q4", True);
    ``2025년 3월 현재`` -> ("2025-03", False); ``(2025. 3. 31. 기준)`` -> ("2025-03-31", False);
    the marker may sit anywhere in a longer heading line (see :func:`as_of_span`).
    """
    cumulative = any(word in squash(nfc(text)) for word in vocab.CUMULATIVE_WORDS)
    span = as_of_span(text)
    return (span.end if span else None), cumulative


def span_years(span: Span) -> int | None:
    """Years a span covers, counting both ends (2022…2027 -> 6); None when not known."""
    if span.start is None or span.end is None:
        return None
    first, last = span.start[:4], span.end[:4]
    if not (first.isdigit() and last.isdigit()):
        return None
    count = int(last) - int(first) + 1
    return count if count >= 1 else None


def stated_years(text: str) -> int | None:
    """A stated length in years: ``(6년간)`` -> 6, ``5개년`` -> 5; None when there is none."""
    m = _STATED.search(nfc(text))
    if m is None:
        return None
    count = int(m["n"] or m["p"])
    return count if count >= 1 else None
