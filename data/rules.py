"""The rules across the dataset's files, run by `data.loader.load_dataset` after each file's rows
have passed their own schema. Each adds `file:line: message` errors; `docs/data.md` explains them and
`tests/unit/test_validation.py` feeds each one a broken file.

- references: every source id, country code and partner code a row names exists;
- sources of record: every event and partnership has a source that is neither state media nor a
  bare relay; every story step cites a wire, a newspaper, a broadcaster or an official text; no
  source sits on a content-farm host (`content_farms.txt`); every source is cited;
- no event entered twice: a shared country and the same type, and either the same day and a
  shared partner, or overlapping dates and titles that share half their words;
- a base is in use only while its operator has a partnership in its country;
- the story has at least `MIN_STORY_STEPS` steps, numbered in order, dates never going back; the
  bases a step points out exist and are in use on its date;
- `release.csv` has exactly one row.

A file that could not be read, or a row that failed its schema, is reported once by the loader; the
rules that would only repeat its absence (a source, partner or partnership "missing") are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from itertools import combinations
from pathlib import Path
from urllib.parse import urlparse

from data.loader import DataError, Geography, Table
from data.period import FIRST_YEAR
from data.schema import Base, Event, Partnership, Source

CONTENT_FARMS_PATH = Path(__file__).with_name("content_farms.txt")
MIN_STORY_STEPS = 12  # a briefing needs a story: a shorter file is a cut or emptied one
SIMILAR_TITLES = 0.5  # share of their title words two events must have in common to count as one
TITLE_WORD = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: names and verbs, not "the"


def content_farm_hosts(path: Path | None = None) -> frozenset[str]:
    """The hosts listed in `content_farms.txt` (one a line; `#` starts a comment)."""
    path = path or CONTENT_FARMS_PATH
    if not path.is_file():
        return frozenset()
    lines = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


def on_host(url: str, hosts: Iterable[str]) -> str | None:
    """The listed host a URL is on (the host itself or a subdomain), or None."""
    host = (urlparse(url).hostname or "").lower()
    return next((h for h in hosts if host == h or host.endswith("." + h)), None)


def title_words(title: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in TITLE_WORD.findall(title))


def date_span(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The days a date may mean: the day, its month or its year, as its precision says."""
    if precision == "year":
        return day, day.replace(month=12, day=31)
    if precision == "month":
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day, following - dt.timedelta(days=1)
    return day, day


def alike(a: Event, b: Event) -> bool:
    """Two events are one when they share a country and a type and either fall on the same day and
    name a same partner, or their dates overlap (a month- or year-precision date covers its month or
    year) and their titles, in either language, share at least half their words."""
    if a.type != b.type or not set(a.country) & set(b.country):
        return False
    same_day = a.date == b.date and a.date_precision == b.date_precision == "day"
    if same_day and set(a.actors) & set(b.actors):
        return True
    (start_a, end_a) = date_span(a.date, a.date_precision)
    (start_b, end_b) = date_span(b.date, b.date_precision)
    if start_a > end_b or start_b > end_a:
        return False
    for lang in ("en", "fr"):
        words_a, words_b = title_words(getattr(a, f"title_{lang}")), title_words(getattr(b, f"title_{lang}"))
        if words_a and words_b and len(words_a & words_b) / len(words_a | words_b) >= SIMILAR_TITLES:
            return True
    return False


def first_uncovered_day(
    start: dt.date, end: dt.date, spans: Iterable[tuple[dt.date, dt.date]]
) -> dt.date | None:
    """The first day of [start, end) that no span [s, e) covers, or None when all are covered."""
    day = start
    for span_start, span_end in sorted(spans):
        if span_start > day:
            break
        day = max(day, span_end)
        if day >= end:
            return None
    return day if day < end else None


def check(
    tables: Mapping[str, Table],
    unique: Mapping[str, Mapping[str, tuple[int, object]]],
    geography: Geography | None,
    errors: list[DataError],
) -> None:
    complete = {name for name, table in tables.items() if table.complete}
    _release(tables["release"], errors)
    _story(tables["story"], errors)
    _duplicate_events(tables["events"], errors)
    sources: Mapping[str, tuple[int, Source]] = unique["sources"]  # type: ignore[assignment]
    _content_farms(tables["sources"], errors)
    if "sources" in complete:
        _sources_of_record(tables, sources, errors)
        if complete >= {"events", "partnerships", "bases", "story"}:
            _orphan_sources(tables, sources, errors)
    if "partners" in complete:
        _partners(tables, set(unique["partners"]), errors)
    if geography is not None:
        _countries(tables, geography, errors)
    if "partnerships" in complete:
        _bases_within_partnerships(tables["bases"], tables["partnerships"], errors)
    if "bases" in complete:
        _story_bases(tables["story"], unique["bases"], errors)  # type: ignore[arg-type]


def _release(table: Table, errors: list[DataError]) -> None:
    if table.readable and len(table.rows) != 1:
        found = "no row" if not table.rows else f"{len(table.rows)} rows"
        errors.append(DataError(table.path, 1, f"expected one row (the review date), found {found}"))


def _story(table: Table, errors: list[DataError]) -> None:
    """At least `MIN_STORY_STEPS` steps, numbered 1, 2, 3… in file order, dates never going back."""
    min_steps = MIN_STORY_STEPS
    if not table.readable:
        return
    if len(table.rows) < min_steps:
        found = len(table.rows)
        message = f"the story has {found} steps; a briefing needs at least {min_steps} (is it cut short?)"
        errors.append(DataError(table.path, 1, message))
    previous = None
    for expected, (line, row) in enumerate(table.rows, start=1):
        if row.step != expected:
            message = f"step: expected {expected}, found {row.step} (steps are numbered 1, 2, 3… in order)"
            errors.append(DataError(table.path, line, message))
        if previous is not None and row.date < previous:
            errors.append(
                DataError(table.path, line, f"date {row.date} is before the previous step's {previous}")
            )
        previous = row.date


def _story_bases(table: Table, bases: Mapping[str, tuple[int, Base]], errors: list[DataError]) -> None:
    """The bases a step points out: rows of bases.csv, on the map on the step's date."""
    for line, step in table.rows:
        for base_id in step.bases:
            if base_id not in bases:
                errors.append(DataError(table.path, line, f"bases: unknown base {base_id!r}"))
            elif not bases[base_id][1].active_on(step.date):
                message = f"bases: {base_id} is not in use on {step.date} (see bases.csv)"
                errors.append(DataError(table.path, line, message))


def _sources_of_record(
    tables: Mapping[str, Table], sources: Mapping[str, tuple[int, Source]], errors: list[DataError]
) -> None:
    for name in ("events", "partnerships", "bases", "story"):
        table = tables[name]
        for line, row in table.rows:
            cited = []
            for source_id in row.source_ids:
                if source_id in sources:
                    cited.append(sources[source_id][1])
                else:
                    errors.append(DataError(table.path, line, f"source_ids: unknown source {source_id!r}"))
            if len(cited) != len(row.source_ids):
                continue
            if name in ("events", "partnerships") and not any(s.stands_alone for s in cited):
                message = (
                    "source_ids: every source is state media or a relay that names no original; "
                    "add one that is neither"
                )
                errors.append(DataError(table.path, line, message))
            if name == "story" and not any(s.of_record for s in cited):
                message = "source_ids: a slide needs a wire, newspaper, broadcaster or official source"
                errors.append(DataError(table.path, line, message))


def _content_farms(table: Table, errors: list[DataError]) -> None:
    hosts = content_farm_hosts()
    for line, source in table.rows:
        host = on_host(source.url, hosts)
        if host:
            message = f"url: {host} is a content-farm host (data/content_farms.txt); cite the original"
            errors.append(DataError(table.path, line, message))


def _orphan_sources(
    tables: Mapping[str, Table], sources: Mapping[str, tuple[int, Source]], errors: list[DataError]
) -> None:
    cited = {
        s
        for name in ("events", "partnerships", "bases", "story")
        for _, row in tables[name].rows
        for s in row.source_ids
    }
    for source_id, (line, _) in sources.items():
        if source_id not in cited:
            errors.append(DataError(tables["sources"].path, line, f"source {source_id!r} is cited by no row"))


def _partners(tables: Mapping[str, Table], partners: set[str], errors: list[DataError]) -> None:
    columns = {"events": "actors", "partnerships": "partner", "bases": "operator"}
    for name, column in columns.items():
        table = tables[name]
        for line, row in table.rows:
            value = getattr(row, column)
            for code in value if isinstance(value, tuple) else (value,):
                if code not in partners:
                    errors.append(DataError(table.path, line, f"{column}: unknown partner {code!r}"))


def _countries(tables: Mapping[str, Table], geography: Geography, errors: list[DataError]) -> None:
    for name in ("events", "partnerships", "bases"):
        table = tables[name]
        for line, row in table.rows:
            codes = row.country if isinstance(row.country, tuple) else (row.country,)
            for code in codes:
                if not geography.has_country(code):
                    errors.append(DataError(table.path, line, f"country: unknown country code {code!r}"))
    for line, base in tables["bases"].rows:
        if geography.has_country(base.country) and not geography.contains(base.country, base.lon, base.lat):
            message = f"lat/lon ({base.lat}, {base.lon}) is not inside {base.country}"
            errors.append(DataError(tables["bases"].path, line, message))


def _duplicate_events(table: Table, errors: list[DataError]) -> None:
    rows: list[tuple[int, Event]] = table.rows
    for (line_a, a), (line_b, b) in combinations(rows, 2):
        if alike(a, b):
            if a.date == b.date and set(a.actors) & set(b.actors):
                why = "same day, country, type and partner"
            else:
                why = "same dates, country and type, alike titles"
            errors.append(DataError(table.path, line_b, f"the same event as {a.id} (line {line_a}): {why}"))


def _bases_within_partnerships(bases: Table, partnerships: Table, errors: list[DataError]) -> None:
    """A base is in use only while its operator has a partnership in its country. A base with no
    start date was in use before the map's first year: it is checked from that year on."""
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = {}
    for _, p in partnerships.rows:
        p: Partnership
        spans.setdefault((p.country, p.partner), []).append((p.start_date, p.end_date or dt.date.max))
    for line, base in bases.rows:
        base: Base
        start = base.start_date or dt.date(FIRST_YEAR, 1, 1)
        end = base.end_date or dt.date.max
        gap = first_uncovered_day(start, end, spans.get((base.country, base.operator), []))
        if gap is not None:
            message = (
                f"in use on {gap.isoformat()} but {base.operator} has no partnership in {base.country} "
                "on that day (see partnerships.csv)"
            )
            errors.append(DataError(bases.path, line, message))
