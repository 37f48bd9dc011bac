"""Shared fixtures: the tiny fixture dataset, the real shapes, a fixed clock."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from data.context import AppData
from data.loader import Dataset, load_dataset
from data.period import Calendar, Period
from geodata.shapes import Shapes, load_shapes

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
TODAY = dt.date(2026, 11, 26)
CALENDAR = Calendar.until(TODAY)  # 2012 to 2026


def year(value: int) -> Period:
    """The month that shows a year: December, or the month under way in the current year."""
    return CALENDAR.year_end(value)


def month(y: int, m: int, day: int | None = None) -> Period:
    return Period(y, m, day)


@pytest.fixture(scope="session")
def shapes() -> Shapes:
    return load_shapes()


@pytest.fixture(scope="session")
def fixture_dataset(shapes: Shapes) -> Dataset:
    return load_dataset(FIXTURE_DATA, geography=shapes)


@pytest.fixture(scope="session")
def fixture_app_data(fixture_dataset: Dataset, shapes: Shapes) -> AppData:
    return AppData(dataset=fixture_dataset, shapes=shapes, clock=lambda: TODAY)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture data, for tests that break one file."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def texts(components: list) -> list[str]:
    """Every string shown by the components, alone or among other children."""
    found = []
    for component in components:
        for part in [component, *component._traverse()]:
            children = getattr(part, "children", None)
            items = children if isinstance(children, list) else [children]
            found += [c for c in items if isinstance(c, str)]
    return found
