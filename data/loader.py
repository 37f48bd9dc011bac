"""Load and validate the dataset in `data/`: every error is reported as `file:line: message`.

The files are read once at start. Either the whole dataset is valid and a frozen `Dataset` comes
back, or `DataErrors` is raised with every problem found, so nothing is ever half-loaded.
Line numbers are counted as a text editor counts them: the header is line 1. A file that cannot be
read at all (missing, not UTF-8, no header, cut off inside a quoted cell) is reported first, and the
rules that would only repeat its absence row by row are not run. The rules across files live in
`data.rules`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from data.schema import Base, Event, Partner, Partnership, Release, Source, StoryStep

DATA_DIR = Path(__file__).resolve().parent

M = TypeVar("M", bound=BaseModel)


class Geography(Protocol):
    """What validation needs to know of the map's shapes (see `geodata.shapes.Shapes`)."""

    def has_country(self, iso3: str) -> bool: ...

    def contains(self, iso3: str, lon: float, lat: float) -> bool: ...


@dataclass(frozen=True, order=True)
class DataError:
    path: str
    line: int
    message: str
    unreadable: bool = field(default=False, compare=False)  # the whole file could not be read

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataErrors(Exception):
    """Raised with every error found; `str()` gives one `file:line: message` per line, the files
    that could not be read first."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(errors, key=lambda e: (not e.unreadable, e))
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class Dataset:
    sources: Mapping[str, Source]
    partners: Mapping[str, Partner]
    events: tuple[Event, ...]  # sorted by date, then id
    partnerships: tuple[Partnership, ...]  # sorted by start date, then id
    bases: tuple[Base, ...] = ()
    story: tuple[StoryStep, ...] = ()  # the briefing story, in step order
    release: Release | None = None  # how far the data was reviewed
    files: Mapping[str, str] = field(default_factory=dict)  # each file's text as validated, by name

    @property
    def reviewed_up_to(self) -> dt.date:
        """The day up to which the data was reviewed against the news (no later change is shown)."""
        return self.release.reviewed_up_to if self.release else dt.date.max

    def partner_name(self, code: str, lang: str) -> str:
        """A partner's name in a language (its code when the data does not know it)."""
        partner = self.partners.get(code)
        return getattr(partner, f"name_{lang}") if partner else code

    def events_between(self, start: dt.date, end: dt.date) -> tuple[Event, ...]:
        """Events dated from `start` to `end`, both included."""
        return tuple(e for e in self.events if start <= e.date <= end)


@dataclass
class Table(Generic[M]):
    """The rows of one file with the line each one started on."""

    path: str
    rows: list[tuple[int, M]] = field(default_factory=list)
    readable: bool = True  # the file could be read at all
    complete: bool = True  # and every row of it passed its schema
    text: str = ""  # the file as read, once every row of it passed


def display_path(path: Path) -> str:
    """The path as a person in the project folder would type it (`data/events.csv`)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _message(error: dict) -> str:
    column = ".".join(str(part) for part in error["loc"])
    text = "must not be empty" if error["type"] == "missing" else error["msg"].removeprefix("Value error, ")
    return f"{column}: {text}" if column else text


def _text(path: Path, shown: str, errors: list[DataError]) -> str | None:
    """The file's text (UTF-8, with or without the byte-order mark spreadsheets add), or None."""
    if not path.is_file():
        errors.append(DataError(shown, 1, "file not found", unreadable=True))
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{data[exc.start]:02X}): save the file as UTF-8"
        errors.append(DataError(shown, line, message, unreadable=True))
        return None


def read_table(path: Path, model: type[M], errors: list[DataError]) -> Table[M]:
    """Read one CSV file into validated rows, adding every problem to `errors`."""
    shown = display_path(path)
    table: Table[M] = Table(shown, readable=False, complete=False)
    text = _text(path, shown, errors)
    if text is None:
        return table
    expected = list(model.model_fields)
    required = {name for name, f in model.model_fields.items() if f.is_required()}
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        errors.append(DataError(shown, 1, "file is empty; expected a header row", unreadable=True))
        return table
    except csv.Error as exc:
        errors.append(DataError(shown, 1, f"unreadable header: {exc}", unreadable=True))
        return table
    problems = [f"missing column {name!r}" for name in sorted(required - set(header))]
    problems += [f"unknown column {name!r}" for name in header if name not in expected]
    if len(set(header)) != len(header):
        problems.append("a column name appears twice")
    if problems:
        errors.extend(DataError(shown, 1, problem, unreadable=True) for problem in problems)
        return table
    table.readable = table.complete = True
    previous = reader.line_num
    try:
        for cells in reader:
            line, previous = previous + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                errors.append(DataError(shown, line, f"expected {len(header)} fields, found {len(cells)}"))
                table.complete = False
                continue
            values = {k: v for k, v in zip(header, cells, strict=True) if v.strip()}
            try:
                table.rows.append((line, model.model_validate(values)))
            except ValidationError as exc:
                errors.extend(DataError(shown, line, _message(e)) for e in exc.errors())
                table.complete = False
    except csv.Error as exc:
        line = previous + 1
        if "unexpected end of data" in str(exc):
            message = "the file ends inside a quoted cell (was it cut short?)"
        else:
            message = f"unreadable: {exc}"
        errors.append(DataError(shown, line, message, unreadable=True))
        table.readable = table.complete = False
    if table.complete:
        table.text = text
    return table


def _unique(table: Table, errors: list[DataError]) -> dict[str, tuple[int, object]]:
    seen: dict[str, tuple[int, object]] = {}
    for line, row in table.rows:
        if row.id in seen:
            first = seen[row.id][0]
            errors.append(DataError(table.path, line, f"duplicate id {row.id!r} (first on line {first})"))
        else:
            seen[row.id] = (line, row)
    return seen


def load_dataset(directory: Path = DATA_DIR, geography: Geography | None = None) -> Dataset:
    """Read and validate every file in `directory`; raise `DataErrors` listing all problems."""
    from data import rules  # the rules read the tables this module builds

    errors: list[DataError] = []
    tables: dict[str, Table] = {
        "sources": read_table(directory / "sources.csv", Source, errors),
        "partners": read_table(directory / "partners.csv", Partner, errors),
        "events": read_table(directory / "events.csv", Event, errors),
        "partnerships": read_table(directory / "partnerships.csv", Partnership, errors),
        "bases": read_table(directory / "bases.csv", Base, errors),
        "story": read_table(directory / "story.csv", StoryStep, errors),
        "release": read_table(directory / "release.csv", Release, errors),
    }
    unique = {
        name: _unique(tables[name], errors)
        for name in ("sources", "partners", "events", "partnerships", "bases")
    }
    rules.check(tables, unique, geography, errors)
    if errors:
        raise DataErrors(errors)

    def rows(name: str) -> list:
        return [row for _, row in unique[name].values()]

    return Dataset(
        sources={k: row for k, (_, row) in unique["sources"].items()},
        partners={k: row for k, (_, row) in unique["partners"].items()},
        events=tuple(sorted(rows("events"), key=lambda e: (e.date, e.id))),
        partnerships=tuple(sorted(rows("partnerships"), key=lambda p: (p.start_date, p.id))),
        bases=tuple(sorted(rows("bases"), key=lambda b: (b.country, b.id))),
        story=tuple(row for _, row in tables["story"].rows),
        release=tables["release"].rows[0][1],
        files={name: table.text for name, table in tables.items()},
    )
