"""The map's time: months (and days), their dates and labels, and the calendar (test codes: per)."""

from __future__ import annotations

import datetime as dt

import pytest

from data.period import FIRST_YEAR, Calendar, Period
from tests.conftest import CALENDAR, TODAY

D = dt.date


def test_per001_a_period_is_a_month_with_its_days():
    period = Period(2023, 8)
    assert (period.first_day, period.last_day) == (D(2023, 8, 1), D(2023, 8, 31))
    assert Period(2024, 2).last_day == D(2024, 2, 29)
    assert (
        period.token() == "2023-08"
        and period.label("en") == "August 2023"
        and period.label("fr") == "août 2023"
    )
    assert (period.previous(), period.next()) == (Period(2023, 7), Period(2023, 9))
    assert Period(2023, 12).next() == Period(2024, 1) and Period(2024, 1).previous() == Period(2023, 12)
    assert Period.containing(D(2023, 8, 15)) == period
    assert Period.from_slider_value(period.slider_value()) == period


def test_per002_a_day_is_shown_exactly():
    day = Period(2023, 8, 15)
    assert day.token() == "2023-08-15" and day.label("fr") == "15 août 2023"
    assert (day.first_day, day.last_day) == (D(2023, 8, 15), D(2023, 8, 15))
    assert day.month_of() == Period(2023, 8) and day.slider_value() == Period(2023, 8).slider_value()


def test_per003_as_of_is_the_last_day_or_today():
    assert Period(2020, 12).as_of(TODAY) == D(2020, 12, 31)
    assert Period(2026, 11).as_of(TODAY) == TODAY
    assert Period(2020, 12).is_over(TODAY) and not Period(2026, 11).is_over(TODAY)


def test_per004_the_calendar_runs_from_january_of_the_first_year_to_this_month():
    assert CALENDAR.first == Period(FIRST_YEAR, 1) == Period(2012, 1)
    assert CALENDAR.last == Period(2026, 11)
    assert len(CALENDAR) == 14 * 12 + 11
    assert list(CALENDAR.years()) == list(range(2012, 2027))
    assert CALENDAR.year_end(2020) == Period(2020, 12) and CALENDAR.year_end(2026) == Period(2026, 11)
    assert Period(2012, 1) in CALENDAR and Period(2026, 12) not in CALENDAR and 2020 not in CALENDAR
    assert Period(2026, 11, 26) in CALENDAR and Period(2026, 11, 27) not in CALENDAR  # no day after today
    assert Calendar.until(D(2030, 1, 1)).last == Period(2030, 1)
    assert CALENDAR.step(Period(2025, 12), 1) == Period(2026, 1)
    assert CALENDAR.step(Period(2026, 11), 1) == Period(2026, 11)
    assert CALENDAR.step(Period(2012, 2), -3) == Period(2012, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2023-08", Period(2023, 8)), (" 2023-08-15 ", Period(2023, 8, 15)), ("2023", Period(2023, 12)),
     ("2026", Period(2026, 11)), ("2011-12", None), ("2026-12", None), ("2023-13", None),
     ("2023-02-30", None), ("2023-8", None), ("abc", None), ("２０２０", None), ("-2020", None),
     ("9" * 5000, None), ("", None)],
)  # fmt: skip
def test_per005_calendar_reads_a_date_from_an_address(text, expected):
    assert CALENDAR.parse(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Period(2013, 5).slider_value(), Period(2013, 5)),
     (float(Period(2013, 5).slider_value()), Period(2013, 5)),
     (str(Period(2013, 5).slider_value()), Period(2013, 5)), (True, None), (24156.5, None),
     (float("nan"), None), (float("inf"), None), (10**400, None), ([2013], None), ({"y": 1}, None),
     (None, None), (2013, None)],
)  # fmt: skip
def test_per006_calendar_reads_any_slider_value_safely(value, expected):
    assert CALENDAR.from_slider(value) == expected
