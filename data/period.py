"""The map's time: a `Period` (today a calendar year) and the `Calendar` of periods the map covers.

Every date the map shows comes from here: a period's first and last day, its as-of date (its last
day, or today for the period under way), its label in each language, its neighbours, and its form
in an address and on the slider. No other module works out "31 December of the year" or the range
of years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from data.i18n import Lang

FIRST_YEAR = 2012
MAX_TOKEN_LENGTH = 4  # a longer text is never a period (and never reaches int())


@dataclass(frozen=True, order=True)
class Period:
    """A span of time shown as one map: a calendar year."""

    year: int

    @classmethod
    def containing(cls, day: dt.date) -> Period:
        return cls(day.year)

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """The period an address writes (`2023`), or None; any input is safe to pass."""
        text = text.strip()
        if not (0 < len(text) <= MAX_TOKEN_LENGTH and text.isascii() and text.isdigit()):
            return None
        return cls(int(text))

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def as_of(self, today: dt.date) -> dt.date:
        """The day the map shows for this period: its last day, or today while it is under way."""
        return min(self.last_day, today)

    def is_over(self, today: dt.date) -> bool:
        return self.last_day <= today

    def token(self) -> str:
        """The period in an address and a file name: `2023`."""
        return str(self.year)

    def label(self, lang: Lang) -> str:
        """The period as a reader sees it on the slider and in titles."""
        return str(self.year)

    def short_label(self, lang: Lang) -> str:
        """A slider mark between the ends: `’23`."""
        return f"’{self.year % 100:02d}"

    def slider_value(self) -> int:
        return self.year

    def next(self) -> Period:
        return Period(self.year + 1)

    def previous(self) -> Period:
        return Period(self.year - 1)


@dataclass(frozen=True)
class Calendar:
    """The periods the map covers, from the first to the one under way today."""

    first: Period
    last: Period

    @classmethod
    def until(cls, today: dt.date) -> Calendar:
        return cls(Period(FIRST_YEAR), Period.containing(today))

    def __iter__(self) -> Iterator[Period]:
        period = self.first
        while period <= self.last:
            yield period
            period = period.next()

    def __len__(self) -> int:
        return self.last.year - self.first.year + 1

    def __contains__(self, period: object) -> bool:
        return isinstance(period, Period) and self.first <= period <= self.last

    def periods(self) -> tuple[Period, ...]:
        return tuple(self)

    def parse(self, text: str) -> Period | None:
        """The period an address names, when the map covers it."""
        period = Period.parse(text)
        return period if period in self else None

    def from_slider(self, value: object) -> Period | None:
        """The period of a slider value (any JSON a client sends), when the map covers it."""
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float) and value == value and abs(value) < 10**6:  # not NaN
            period = Period(int(value)) if float(value).is_integer() else None
        elif isinstance(value, str):
            period = Period.parse(value)
        else:
            period = None
        return period if period in self else None

    def step(self, period: Period, steps: int) -> Period:
        """`steps` periods later (earlier when negative), kept inside the calendar."""
        year = min(max(period.year + steps, self.first.year), self.last.year)
        return Period(year)
