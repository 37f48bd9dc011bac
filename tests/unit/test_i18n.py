"""The translation table, dates in full, the summary sentence and URL parsing (test codes: txt)."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from data.state import Alignment
from layouts.i18n import LANGS, TEXT, format_date, join_words, t
from layouts.summary import year_summary
from layouts.url_state import ViewState, parse_query, to_query

YEARS = range(2012, 2027)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_txt001_every_key_in_both_languages_with_same_placeholders(key):
    entry = TEXT[key]
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    assert placeholders(entry["en"]) == placeholders(entry["fr"])


def test_txt002_every_alignment_has_a_label():
    for klass in Alignment:
        assert t(f"alignment.{klass.value}", "fr")


def test_txt003_dates_in_full():
    assert format_date(dt.date(2024, 11, 28), "en") == "28 November 2024"
    assert format_date(dt.date(2024, 11, 28), "fr") == "28 novembre 2024"
    assert format_date(dt.date(2014, 8, 1), "fr") == "1er août 2014"
    assert format_date(dt.date(2021, 12, 1), "en", "month") == "December 2021"
    assert format_date(dt.date(2021, 12, 1), "fr", "month") == "décembre 2021"
    assert format_date(dt.date(2010, 1, 1), "fr", "year") == "2010"


def test_txt004_join_words():
    assert join_words(["Mali"], "en") == "Mali"
    assert join_words(["Mali", "Niger", "Chad"], "en") == "Mali, Niger and Chad"
    assert join_words(["Mali", "Niger"], "fr") == "Mali et Niger"


def test_txt005_year_summary_says_the_colours_in_words(fixture_app_data):
    data = fixture_app_data
    text = year_summary(data.shapes, data.states(2023), 2023, data.as_of(2023), "en")
    assert text == (
        "At the end of 2023 — French forces: Chad. Russian forces or instructors: Mali. "
        "Other foreign forces: Niger. No principal foreign force: Burkina Faso."
    )
    current = year_summary(data.shapes, data.states(2026), 2026, data.as_of(2026), "fr")
    assert current.startswith("Au 26 novembre 2026 — Forces ou instructeurs russes : Mali et Niger.")


def test_txt006_query_parsing_and_defaults():
    assert parse_query({}, YEARS) == ViewState(year=2026, lang="en")
    assert parse_query({"year": "2013", "lang": "fr"}, YEARS) == ViewState(year=2013, lang="fr")
    assert parse_query({"year": " 2013 ", "lang": "FR"}, YEARS) == ViewState(year=2013, lang="fr")


@pytest.mark.parametrize("value", ["abc", "1900", "2031", "<script>alert(1)</script>", "２０２０", "", "-1"])
def test_txt007_bad_year_falls_back_with_a_notice(value):
    view = parse_query({"year": value}, YEARS)
    assert view.year == 2026
    assert [key for key, _ in view.notices] == ["notice.bad_year"]
    message = t("notice.bad_year", "en", **view.notices[0][1])
    assert "2012–2026" in message and "showing 2026" in message


def test_txt008_bad_lang_and_long_values_are_shortened():
    view = parse_query({"lang": "de", "year": "x" * 500}, YEARS)
    assert view.lang == "en"
    keys = [key for key, _ in view.notices]
    assert keys == ["notice.bad_year", "notice.bad_lang"]
    assert len(str(view.notices[0][1]["value"])) <= 40


def test_txt009_query_round_trip_leaves_out_defaults():
    assert to_query(ViewState(year=2026), YEARS) == ""
    for view in (ViewState(year=2013), ViewState(year=2020, lang="fr"), ViewState(year=2026, lang="fr")):
        query = to_query(view, YEARS)
        args = dict(part.split("=") for part in query.removeprefix("?").split("&"))
        assert parse_query(args, YEARS) == view
