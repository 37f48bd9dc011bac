"""Load and validate the dataset in `data/`: every error is reported as `file:line: message`.

The files are read once at start. Either the whole dataset is valid and a frozen `Dataset` comes
back, or `DataErrors` is raised with every problem found, so nothing is ever half-loaded.
Line numbers are counted as a text editor counts them: the header is line 1.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from data.schema import Base, Event, Partner, Partnership, Source, StoryStep

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

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataErrors(Exception):
    """Raised with every error found; `str()` gives one `file:line: message` per line."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class Dataset:
    sources: Mapping[str, Source]
    partners: Mapping[str, Partner]
    events: tuple[Event, ...]  # sorted by date, then id
    partnerships: tuple[Partnership, ...]  # sorted by start date, then id
    bases: tuple[Base, ...] = ()
    story: tuple[StoryStep, ...] = ()  # the briefing story, in step order

    def partner_name(self, code: str, lang: str) -> str:
        """A partner's name in a language (its code when the data does not know it)."""
        partner = self.partners.get(code)
        return getattr(partner, f"name_{lang}") if partner else code

    def events_between(self, start: dt.date, end: dt.date) -> tuple[Event, ...]:
        """Events dated from `start` to `end`, both included."""
        return tuple(e for e in self.events if start <= e.date <= end)


@dataclass
class _Table(Generic[M]):
    """The rows of one file with the line each one started on."""

    path: str
    rows: list[tuple[int, M]] = field(default_factory=list)


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


def read_table(path: Path, model: type[M], errors: list[DataError]) -> _Table[M]:
    """Read one CSV file into validated rows, adding every problem to `errors`."""
    shown = display_path(path)
    table: _Table[M] = _Table(shown)
    if not path.is_file():
        errors.append(DataError(shown, 1, "file not found"))
        return table
    expected = list(model.model_fields)
    required = {name for name, f in model.model_fields.items() if f.is_required()}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            errors.append(DataError(shown, 1, "file is empty; expected a header row"))
            return table
        except (csv.Error, UnicodeDecodeError) as exc:
            errors.append(DataError(shown, 1, f"unreadable: {exc}"))
            return table
        header_ok = True
        for name in required - set(header):
            errors.append(DataError(shown, 1, f"missing column {name!r}"))
            header_ok = False
        for name in header:
            if name not in expected:
                errors.append(DataError(shown, 1, f"unknown column {name!r}"))
                header_ok = False
        if len(set(header)) != len(header):
            errors.append(DataError(shown, 1, "a column name appears twice"))
            header_ok = False
        if not header_ok:
            return table
        previous = reader.line_num
        try:
            for cells in reader:
                line, previous = previous + 1, reader.line_num
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    errors.append(
                        DataError(
                            shown,
                            line,
                            f"expected {len(header)} fields, found {len(cells)}",
                        )
                    )
                    continue
                values = {k: v for k, v in zip(header, cells, strict=True) if v.strip()}
                try:
                    table.rows.append((line, model.model_validate(values)))
                except ValidationError as exc:
                    errors.extend(DataError(shown, line, _message(e)) for e in exc.errors())
        except (csv.Error, UnicodeDecodeError) as exc:
            errors.append(DataError(shown, reader.line_num, f"unreadable: {exc}"))
    return table


def _unique(table: _Table, errors: list[DataError]) -> dict[str, tuple[int, object]]:
    seen: dict[str, tuple[int, object]] = {}
    for line, row in table.rows:
        if row.id in seen:
            first = seen[row.id][0]
            errors.append(DataError(table.path, line, f"duplicate id {row.id!r} (first on line {first})"))
        else:
            seen[row.id] = (line, row)
    return seen


def _check_references(
    tables: Mapping[str, _Table],
    sources: Mapping[str, tuple[int, Source]],
    partners: Mapping[str, tuple[int, Partner]],
    geography: Geography | None,
    errors: list[DataError],
) -> None:
    cited: set[str] = set()

    def country(table: _Table, line: int, column: str, code: str) -> None:
        if geography is not None and not geography.has_country(code):
            errors.append(DataError(table.path, line, f"{column}: unknown country code {code!r}"))

    def partner(table: _Table, line: int, column: str, code: str) -> None:
        if code not in partners:
            errors.append(DataError(table.path, line, f"{column}: unknown partner {code!r}"))

    for name in ("events", "partnerships", "bases", "story"):
        table = tables[name]
        for line, row in table.rows:
            for source_id in row.source_ids:
                cited.add(source_id)
                if source_id not in sources:
                    errors.append(
                        DataError(
                            table.path,
                            line,
                            f"source_ids: unknown source {source_id!r}",
                        )
                    )
            if name == "events":
                for code in row.country:
                    country(table, line, "country", code)
                for code in row.actors:
                    partner(table, line, "actors", code)
            elif name == "story":
                pass  # its country is checked by the schema (one of the four focus countries)
            elif name == "partnerships":
                country(table, line, "country", row.country)
                partner(table, line, "partner", row.partner)
            else:
                country(table, line, "country", row.country)
                partner(table, line, "operator", row.operator)
                if (
                    geography is not None
                    and geography.has_country(row.country)
                    and not geography.contains(row.country, row.lon, row.lat)
                ):
                    errors.append(
                        DataError(
                            table.path,
                            line,
                            f"lat/lon ({row.lat}, {row.lon}) is not inside {row.country}",
                        )
                    )
    source_table = tables["sources"]
    for source_id, (line, _) in sources.items():
        if source_id not in cited:
            errors.append(DataError(source_table.path, line, f"source {source_id!r} is cited by no row"))


def _check_story(table: _Table, errors: list[DataError]) -> None:
    """Steps run 1, 2, 3… in file order, and their dates never go back."""
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


def load_dataset(directory: Path = DATA_DIR, geography: Geography | None = None) -> Dataset:
    """Read and validate every file in `directory`; raise `DataErrors` listing all problems."""
    errors: list[DataError] = []
    tables: dict[str, _Table] = {
        "sources": read_table(directory / "sources.csv", Source, errors),
        "partners": read_table(directory / "partners.csv", Partner, errors),
        "events": read_table(directory / "events.csv", Event, errors),
        "partnerships": read_table(directory / "partnerships.csv", Partnership, errors),
        "bases": read_table(directory / "bases.csv", Base, errors),
    }
    # The story is optional: without it the briefing mode says there is no story.
    story_path = directory / "story.csv"
    tables["story"] = read_table(story_path, StoryStep, errors) if story_path.is_file() else _Table("")
    _check_story(tables["story"], errors)
    unique = {name: _unique(table, errors) for name, table in tables.items() if name != "story"}
    _check_references(tables, unique["sources"], unique["partners"], geography, errors)
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
    )
