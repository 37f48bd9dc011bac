"""The map's time: periods, their dates and labels, and the calendar (test codes: per)."""

from __future__ import annotations

import datetime as dt

import pytest

from data.period import FIRST_YEAR, Calendar, Period
from tests.conftest import CALENDAR, TODAY

D = dt.date


def test_per001_a_period_is_a_year_with_its_days():
    period = Period(2023)
    assert (period.first_day, period.last_day) == (D(2023, 1, 1), D(2023, 12, 31))
    assert period.token() == "2023" and period.label("fr") == "2023" and period.short_label("en") == "’23"
    assert (period.previous(), period.next()) == (Period(2022), Period(2024))
    assert Period.containing(D(2023, 8, 15)) == period
    assert period.slider_value() == 2023


def test_per002_as_of_is_the_last_day_or_today():
    assert Period(2020).as_of(TODAY) == D(2020, 12, 31)
    assert Period(2026).as_of(TODAY) == TODAY
    assert Period(2020).is_over(TODAY) and not Period(2026).is_over(TODAY)


def test_per003_the_calendar_runs_from_the_first_year_to_today():
    assert CALENDAR.first == Period(FIRST_YEAR) == Period(2012)
    assert CALENDAR.last == Period(2026)
    assert len(CALENDAR) == 15 and [p.year for p in CALENDAR] == list(range(2012, 2027))
    assert Period(2012) in CALENDAR and Period(2027) not in CALENDAR and 2020 not in CALENDAR
    assert Calendar.until(D(2030, 1, 1)).last == Period(2030)
    assert CALENDAR.step(Period(2025), 1) == Period(2026)
    assert CALENDAR.step(Period(2026), 1) == Period(2026)
    assert CALENDAR.step(Period(2012), -3) == Period(2012)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2023", Period(2023)), (" 2013 ", Period(2013)), ("2011", None), ("2027", None), ("abc", None),
     ("２０２０", None), ("-2020", None), ("20 20", None), ("9" * 5000, None), ("", None)],
)  # fmt: skip
def test_per004_calendar_reads_a_period_from_an_address(text, expected):
    assert CALENDAR.parse(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2013, Period(2013)), (2013.0, Period(2013)), ("2013", Period(2013)), (True, None), (2013.5, None),
     (float("nan"), None), (float("inf"), None), (10**400, None), ([2013], None), ({"y": 1}, None),
     (None, None), (1900, None)],
)  # fmt: skip
def test_per005_calendar_reads_any_slider_value_safely(value, expected):
    assert CALENDAR.from_slider(value) == expected
