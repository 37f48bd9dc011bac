"""The translation table, dates in full, the summary sentence (test codes: txt)."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from data.describe import period_summary
from data.i18n import LANGS, TEXT, format_date, join_words, t
from data.state import Alignment
from tests.conftest import year


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


def test_txt005_period_summary_says_the_colours_in_words(fixture_app_data):
    data = fixture_app_data
    assert period_summary(data, year(2023), "en") == (
        "On 31 December 2023 — French forces: Chad. Russian forces, instructors or arms: Mali. "
        "Other foreign forces: Niger (United States). No principal foreign force: Burkina Faso."
    )
    current = period_summary(data, year(2026), "fr")
    assert current.startswith("Au 26 novembre 2026 — Forces, instructeurs ou armes russes : Mali et Niger.")
