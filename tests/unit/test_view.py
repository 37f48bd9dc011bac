"""The view and its addresses: one reader for every way a view comes in, one writer for every link
(test codes: vw)."""

from __future__ import annotations

import pytest

from data.view import (
    HEIGHT,
    WIDTH,
    SnapshotRequest,
    View,
    embed_url,
    map_url,
    methodology_url,
    parse_query,
    parse_snapshot,
    present_url,
    query_args,
    read_float,
    read_int,
    snapshot_url,
    to_query,
    view_from_inputs,
)
from tests.conftest import CALENDAR, month, year

LATEST = View(period=year(2026))


def notices(view: View, lang: str = "en") -> list[str]:
    return [n.message(lang) for n in view.notices]


def test_vw001_defaults_and_good_values():
    assert parse_query({}, CALENDAR) == LATEST
    assert parse_query({"year": "2013", "lang": "fr"}, CALENDAR) == View(period=month(2013, 12), lang="fr")
    view = parse_query(
        {"date": " 2013-05 ", "lang": "FR", "country": "mli", "lens": "rus", "bases": "0"}, CALENDAR
    )
    assert view == View(period=month(2013, 5), lang="fr", country="MLI", lens="RUS", bases=False)
    assert view.notices == ()
    assert parse_query({"date": "2023-08-15"}, CALENDAR).period == month(2023, 8, 15)  # a day, exactly
    assert parse_query({"date": "2023-08", "year": "2013"}, CALENDAR).period == month(2023, 8)  # date wins


@pytest.mark.parametrize(
    "value",
    ["abc", "1900", "2031", "2023-13", "2026-12", "2026-11-30", "<b>x</b>", "２０２０", "-1", "9" * 5000],
)
@pytest.mark.parametrize("key", ["date", "year"])
def test_vw002_a_bad_date_falls_back_with_a_notice(key, value):
    view = parse_query({key: value}, CALENDAR)
    assert view.period == year(2026)
    [notice] = view.notices
    assert notice.field == "date"
    assert notice.message("en").endswith(
        "is not a date the map covers (a month from 2012-01 to 2026-11, or a day of one); "
        "showing November 2026."
    )
    assert notice.message("fr").endswith(
        "n'est pas une date couverte par la carte (un mois de 2012-01 à 2026-11, ou un jour) ; "
        "affichage de novembre 2026."
    )


def test_vw003_every_bad_value_is_named_shortened_and_repaired():
    view = parse_query(
        {"lang": "de", "date": "x" * 500, "country": "FRA", "lens": "CHN", "bases": "maybe"}, CALENDAR
    )
    assert view == LATEST
    assert [n.field for n in view.notices] == ["date", "country", "lens", "bases", "lang"]
    assert notices(view) == [
        "“"
        + "x" * 39
        + "…” is not a date the map covers (a month from 2012-01 to 2026-11, or a day of one); "
        "showing November 2026.",
        "“FRA” is not one of the four countries (MLI, BFA, NER, TCD); showing all four.",
        "“CHN” is not a view of the map (alignment, FRA, RUS, UN, EU, USA, TUR); "
        "showing the principal partners.",
        "“maybe” is not a bases setting (0 or 1); showing the bases.",
        "Language “de” is not available; showing English.",
    ]


def test_vw004_empty_values_count_as_absent():
    assert parse_query({"year": "", "lang": " ", "country": "", "bases": ""}, CALENDAR) == LATEST
    assert parse_query({"year": ""}, CALENDAR).notices == ()


def test_vw005_page_parameters_are_read_only_where_they_belong():
    assert parse_query({"controls": "0"}, CALENDAR).controls is True  # the map page has no controls
    assert parse_query({"controls": "0"}, CALENDAR, extras=("controls",)).controls is False
    bad = parse_query({"controls": "<b>no</b>"}, CALENDAR, extras=("controls",))
    assert bad.controls is True and notices(bad) == [
        "“<b>no</b>” is not a controls setting (0 or 1); showing the controls."
    ]
    assert parse_query({"step": " 7 "}, CALENDAR, extras=("step",), steps=19).step == 7
    for raw in ("0", "20", "-1", "abc", "²", "9" * 5000):
        view = parse_query({"step": raw}, CALENDAR, extras=("step",), steps=19)
        assert view.step == 1 and [n.field for n in view.notices] == ["step"], raw
    assert parse_query({"step": "3"}, CALENDAR, extras=("step",), steps=0).step == 1  # no story


@pytest.mark.parametrize(
    "view",
    [
        LATEST,
        View(period=month(2013, 2)),
        View(period=month(2022, 8, 15)),
        View(period=year(2020), lang="fr"),
        View(period=year(2026), lang="fr", country="NER", lens="USA", bases=False),
        View(period=month(2015, 6), controls=False, step=4),
    ],
)
def test_vw006_query_round_trip_leaves_out_defaults(view):
    query = to_query(view, CALENDAR, extras=("controls", "step"))
    assert parse_query(query_args(query), CALENDAR, extras=("controls", "step"), steps=19) == view
    assert to_query(LATEST, CALENDAR) == ""


def test_vw007_every_link_of_every_page():
    view = View(
        period=month(2016, 3), lang="fr", country="MLI", lens="FRA", bases=False, controls=False, step=3
    )
    assert map_url(view, CALENDAR) == "/?date=2016-03&country=MLI&lens=FRA&bases=0&lang=fr"
    assert map_url(LATEST, CALENDAR) == "/"
    assert embed_url(view, CALENDAR) == "/embed?date=2016-03&country=MLI&lens=FRA&bases=0&controls=0&lang=fr"
    assert embed_url(LATEST, CALENDAR) == "/embed?date=2026-11"  # an embed keeps its date
    assert present_url(view) == "/present?step=3&lang=fr" and present_url(LATEST) == "/present"
    assert methodology_url(view) == "/methodology?lang=fr" and methodology_url(LATEST) == "/methodology"
    assert snapshot_url(view, "png") == "/snapshot/2016-03.png?country=MLI&lens=FRA&bases=0&lang=fr"
    assert snapshot_url(LATEST, "csv", download=True) == "/snapshot/2026-11.csv?download=1"


def test_vw008_callback_values_become_a_valid_view():
    value = month(2013, 5).slider_value()
    assert view_from_inputs(CALENDAR, value, "fr", "MLI", "RUS", ["on"]) == View(
        period=month(2013, 5), lang="fr", country="MLI", lens="RUS"
    )
    assert view_from_inputs(CALENDAR, "2013x", "de", "XYZ", "CHN", []) == View(period=year(2026), bases=False)
    assert view_from_inputs(CALENDAR, None, None, None, None, None) == View(period=year(2026), bases=False)


def test_vw009_snapshot_request():
    args = {"lang": "FR", "lens": "rus", "country": "mli", "width": "800"}
    request = parse_snapshot("2016-05.svg", args, CALENDAR)
    assert request == SnapshotRequest(
        view=View(period=month(2016, 5), lang="fr", country="MLI", lens="RUS"),
        fmt="svg",
        width=800,
        auto_height=True,  # a width alone: as tall as the picture's layout needs
    )
    assert (request.height, request.scale) == (HEIGHT[2], 1.0)
    assert request.filename() == "sahel-2016-05-fr-rus-mli.svg"
    assert parse_snapshot("2016.png", {}, CALENDAR).view.period == month(2016, 12)  # a year: its end
    assert parse_snapshot("2016-05-09.txt", {}, CALENDAR).view.period == month(2016, 5, 9)
    assert (
        parse_snapshot("2026.png", {}, CALENDAR).key()
        == parse_snapshot("2026.png", {"bases": "1"}, CALENDAR).key()
    )


@pytest.mark.parametrize(
    ("name", "args", "error"),
    [
        ("abc.png", {}, "date: “abc” is not a date the map covers"),
        (".png", {}, "date: “” is not a date the map covers"),
        ("2011.png", {}, "date: “2011” is not a date the map covers"),
        ("2020.png", {"width": "999999"}, f"width: 999999 is out of range ({WIDTH[0]} to {WIDTH[1]})"),
        ("2020.png", {"width": "12.5"}, "width: “12.5” is not a number"),
        ("2020.png", {"width": "9" * 5000}, "width: “" + "9" * 39 + "…” is not a number"),
        ("2020.png", {"scale": "-1"}, "scale: -1 is out of range (0.5 to 4.0)"),
        ("2020.png", {"scale": "nan"}, "scale: nan is out of range (0.5 to 4.0)"),
        ("2020.png", {"scale": "1e309"}, "scale: 1e309 is out of range (0.5 to 4.0)"),
        ("2020.gif", {}, "format: “gif” is not one of png, svg, txt, csv"),
        ("2020.png", {"lang": "de"}, "lang: Language “de” is not available"),
        ("2020.png", {"lens": "CHN"}, "lens: “CHN” is not a view of the map"),
        ("2020.png", {"country": "FRA"}, "country: “FRA” is not one of the four countries"),
        ("2020.png", {"bases": "yes"}, "bases: “yes” is not a bases setting (0 or 1)"),
        ("2020.png", {"width": "4000", "height": "3000", "scale": "2"}, "size: width × height × scale²"),
    ],
)
def test_vw010_bad_snapshot_parameters_are_refused(name, args, error):
    problems = parse_snapshot(name, args, CALENDAR)
    assert isinstance(problems, list)
    assert any(p.error("en").startswith(error) for p in problems), [p.error("en") for p in problems]


def test_vw011_every_snapshot_problem_is_reported_in_order():
    problems = parse_snapshot("abc.gif", {"width": "999999", "scale": "-1", "lang": "xx"}, CALENDAR)
    assert [p.field for p in problems] == ["format", "date", "lang", "width", "scale"]
    assert problems[0].error("fr") == "format: « gif » n'est pas l'un des formats png, svg, txt, csv"


@pytest.mark.parametrize(
    ("raw", "integer", "number"),
    [("12", 12, 12.0), (" -3 ", -3, -3.0), ("1.5", None, 1.5), ("1e309", None, float("inf")),
     ("٣", None, None), ("9" * 13, None, None), ("", None, None), ("nan", None, None)],
)  # fmt: skip
def test_vw012_numbers_are_read_from_short_ascii_text(raw, integer, number):
    assert read_int(raw) == integer
    value = read_float(raw)
    assert value == number or (raw == "nan" and value != value)
