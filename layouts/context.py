"""What the layouts and callbacks are given: the loaded data and the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from data.loader import Dataset
from data.schema import Base
from data.state import (
    CountryState,
    Transition,
    active_bases,
    as_of,
    region_state,
    year_range,
    year_transitions,
)
from geodata.names import FOCUS
from geodata.shapes import Shapes


@dataclass(frozen=True)
class AppData:
    dataset: Dataset
    shapes: Shapes
    clock: Callable[[], dt.date] = field(default=dt.date.today)
    methodology: Mapping[str, str] = field(default_factory=dict)  # language -> Markdown

    def years(self) -> range:
        return year_range(self.clock())

    def as_of(self, year: int) -> dt.date:
        return as_of(year, self.clock())

    def states(self, year: int) -> dict[str, CountryState]:
        return region_state(self.dataset.partnerships, FOCUS, self.as_of(year))

    def changes(self, year: int) -> list[Transition]:
        return year_transitions(self.dataset.partnerships, FOCUS, year, self.clock())

    def bases(self, year: int) -> tuple[Base, ...]:
        return active_bases(self.dataset.bases, self.as_of(year))
