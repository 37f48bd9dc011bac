"""The map's time: a `Period` (a month, or one day of it) and the `Calendar` of months the map covers.

Every date the map shows comes from here: a period's first and last day, its as-of date (its last
day, or today for the month under way), its label in each language, its neighbours, and its form
in an address (`2023-08`, `2023-08-15`) and on the slider (a month number). No other module works
out the end of a month or the range of months.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from data.i18n import MONTHS, Lang, format_date

FIRST_YEAR = 2012
TOKEN = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")
YEAR_TOKEN = re.compile(r"[0-9]{4}")


@dataclass(frozen=True, order=True)
class Period:
    """One month of the map, or one day of it (`?date=2023-08-15` shows that day exactly)."""

    year: int
    month: int
    day: int | None = None

    @classmethod
    def containing(cls, day: dt.date) -> Period:
        return cls(day.year, day.month)

    @classmethod
    def of_day(cls, day: dt.date) -> Period:
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """The period an address writes (`2023-08` or `2023-08-15`), or None; any input is safe."""
        match = TOKEN.fullmatch(text.strip())
        if not match:
            return None
        year, month = int(match[1]), int(match[2])
        day = int(match[3]) if match[3] else None
        try:
            dt.date(year, month, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    @property
    def month_start(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def month_end(self) -> dt.date:
        return dt.date(self.year, self.month, _calendar.monthrange(self.year, self.month)[1])

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, self.day) if self.day else self.month_start

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, self.day) if self.day else self.month_end

    def as_of(self, today: dt.date) -> dt.date:
        """The day the map shows: the month's last day (today while it is under way), or the day."""
        return min(self.last_day, today)

    def is_over(self, today: dt.date) -> bool:
        return self.last_day <= today

    def month_of(self) -> Period:
        """The whole month (a day's period belongs to its month on the slider)."""
        return Period(self.year, self.month)

    def token(self) -> str:
        """The period in an address and a file name: `2023-08` or `2023-08-15`."""
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    def label(self, lang: Lang) -> str:
        """The period as a reader sees it: "August 2023" / « août 2023 », or the day in full."""
        if self.day:
            return format_date(self.first_day, lang)
        return format_date(self.month_start, lang, "month")

    def short_label(self, lang: Lang) -> str:
        """A slider mark: the year, on January."""
        return str(self.year)

    def month_name(self, lang: Lang) -> str:
        return MONTHS[lang][self.month - 1]

    def slider_value(self) -> int:
        """The month's number on the slider (months since year 0)."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_slider_value(cls, value: int) -> Period:
        return cls(value // 12, value % 12 + 1)

    def next(self) -> Period:
        return Period.from_slider_value(self.slider_value() + 1)

    def previous(self) -> Period:
        return Period.from_slider_value(self.slider_value() - 1)


@dataclass(frozen=True)
class Calendar:
    """The months the map covers, from January of the first year to the one under way today."""

    first: Period
    last: Period
    today: dt.date | None = None  # no day after it can be shown

    @classmethod
    def until(cls, today: dt.date) -> Calendar:
        return cls(Period(FIRST_YEAR, 1), Period.containing(today), today)

    def __iter__(self) -> Iterator[Period]:
        for value in range(self.first.slider_value(), self.last.slider_value() + 1):
            yield Period.from_slider_value(value)

    def __len__(self) -> int:
        return self.last.slider_value() - self.first.slider_value() + 1

    def __contains__(self, period: object) -> bool:
        if not isinstance(period, Period) or not self.first <= period.month_of() <= self.last:
            return False
        return not (period.day and self.today and period.first_day > self.today)

    def periods(self) -> tuple[Period, ...]:
        return tuple(self)

    def years(self) -> range:
        return range(self.first.year, self.last.year + 1)

    def year_end(self, year: int) -> Period:
        """The month that shows a year: December, or the month under way in the current year."""
        return min(Period(year, 12), self.last)

    def year_ends(self) -> tuple[Period, ...]:
        return tuple(self.year_end(year) for year in self.years())

    def parse(self, text: str) -> Period | None:
        """The period an address names (a month, a day, or a year meaning its last month), when the
        map covers it."""
        text = text.strip()
        if YEAR_TOKEN.fullmatch(text):
            year = int(text)
            return self.year_end(year) if year in self.years() else None
        period = Period.parse(text)
        return period if period in self else None

    def from_slider(self, value: object) -> Period | None:
        """The month of a slider value (any JSON a client sends), when the map covers it."""
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float) and value == value and abs(value) < 10**6:  # not NaN
            period = Period.from_slider_value(int(value)) if float(value).is_integer() else None
        elif (
            isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value) < 9
        ):
            period = Period.from_slider_value(int(value))
        else:
            period = None
        return period if period in self else None

    def step(self, period: Period, steps: int) -> Period:
        """`steps` months later (earlier when negative), kept inside the calendar."""
        value = period.month_of().slider_value() + steps
        value = min(max(value, self.first.slider_value()), self.last.slider_value())
        return Period.from_slider_value(value)
