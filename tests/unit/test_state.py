"""The state of the region on a date, on the tiny fixture dataset (test codes: sta)."""

from __future__ import annotations

import datetime as dt

from data.period import Period
from data.state import Alignment, active_partnerships, alignment, changes, country_state, region_state
from tests.conftest import year

D = dt.date
FOCUS = ("MLI", "BFA", "NER", "TCD")


def test_sta002_active_includes_start_day_excludes_end_day(fixture_dataset):
    rows = fixture_dataset.partnerships
    ids = lambda day: {p.id for p in active_partnerships(rows, "MLI", day)}  # noqa: E731
    assert "P1" not in ids(D(2013, 1, 10))
    assert "P1" in ids(D(2013, 1, 11))
    assert "P1" in ids(D(2022, 8, 14))
    assert "P1" not in ids(D(2022, 8, 15))


def test_sta003_active_sorted_deepest_first(fixture_dataset):
    active = active_partnerships(fixture_dataset.partnerships, "NER", D(2024, 5, 1))
    assert [p.id for p in active] == ["P4", "P5"]  # US forces (3) before Russian instructors (2)


def test_sta004_rule_france_then_leaving_then_russia(fixture_dataset):
    rows = fixture_dataset.partnerships
    assert country_state(rows, "MLI", D(2012, 12, 31)).alignment is Alignment.NONE
    assert country_state(rows, "MLI", D(2013, 12, 31)).alignment is Alignment.FRANCE
    # Russian contractors present but French forces still deployed: France leads the rule.
    assert country_state(rows, "MLI", D(2021, 12, 31)).alignment is Alignment.FRANCE
    leaving = country_state(rows, "MLI", D(2022, 3, 1))
    assert leaving.alignment is Alignment.FRANCE_LEAVING
    assert [p.id for p in leaving.deciding] == ["P1"]
    assert country_state(rows, "MLI", D(2022, 8, 15)).alignment is Alignment.RUSSIA


def test_sta005_rule_other_forces_and_instructors(fixture_dataset):
    rows = fixture_dataset.partnerships
    # French gone on 22 Dec 2023, US troops still there.
    end_2023 = country_state(rows, "NER", D(2023, 12, 31))
    assert end_2023.alignment is Alignment.OTHER_FORCES
    assert [p.partner for p in end_2023.deciding] == ["USA"]
    # Russian instructors (level 2) are enough for the Russia colour once no French forces remain.
    assert country_state(rows, "NER", D(2024, 12, 31)).alignment is Alignment.RUSSIA


def test_sta006_rule_none_without_foreign_force(fixture_dataset):
    assert alignment((), D(2020, 1, 1)) == (Alignment.NONE, ())
    assert country_state(fixture_dataset.partnerships, "TCD", D(2025, 12, 31)).alignment is Alignment.NONE


def test_sta007_region_state_covers_each_country(fixture_dataset):
    states = region_state(fixture_dataset.partnerships, FOCUS, D(2024, 12, 31))
    assert {c: s.alignment for c, s in states.items()} == {
        "MLI": Alignment.RUSSIA,
        "BFA": Alignment.NONE,
        "NER": Alignment.RUSSIA,
        "TCD": Alignment.FRANCE_LEAVING,
    }


def test_sta008_changes_of_a_year_in_order(fixture_app_data):
    assert [c.on for c in fixture_app_data.changes(year(2023))] == [D(2023, 12, 22)]  # the month
    found = fixture_app_data.year_changes(year(2023))
    assert [(t.on, t.country, t.before, t.after) for t in found] == [
        (D(2023, 9, 24), "NER", Alignment.FRANCE, Alignment.FRANCE_LEAVING),
        (D(2023, 12, 22), "NER", Alignment.FRANCE_LEAVING, Alignment.OTHER_FORCES),
    ]


def test_sta009_no_change_in_a_quiet_period(fixture_app_data):
    assert fixture_app_data.year_changes(year(2017)) == ()
    assert Period(2023, 9) in fixture_app_data.turning_periods()
    assert Period(2023, 8) not in fixture_app_data.turning_periods()


def test_sta010_changes_stop_at_the_end_day(fixture_dataset):
    rows = fixture_dataset.partnerships
    assert changes(rows, ["TCD"], D(2024, 12, 31), D(2025, 1, 29)) == []
    assert [t.after for t in changes(rows, ["TCD"], D(2024, 12, 31), D(2025, 1, 30))] == [Alignment.NONE]


def test_sta011_a_countrys_changes_since_the_first_period(fixture_app_data):
    found = fixture_app_data.country_changes("MLI")
    assert [(t.on, t.after) for t in found][:2] == [
        (D(2013, 1, 11), Alignment.FRANCE),
        (D(2022, 2, 17), Alignment.FRANCE_LEAVING),
    ]
    assert found[-1].on <= D(2026, 11, 26)


def test_sta012_state_of_a_period_is_computed_once_per_app(fixture_app_data):
    first = fixture_app_data.states(year(2020))
    assert fixture_app_data.states(year(2020)) is first  # the map, panel and alt text share it
    assert first["MLI"].on == D(2020, 12, 31)
