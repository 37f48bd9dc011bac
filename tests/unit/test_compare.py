"""Two dates compared: the address, what differs, the page, the embed and the snapshots
(test codes: cmp)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from data.compare import compare_summary, compare_title, difference_text, differences
from data.view import View, map_url, parse_query, parse_snapshot, query_args, snapshot_url, to_query
from layouts.compare import compare_figure
from layouts.ids import Id
from layouts.image import image_figure
from layouts.map_figure import CHANGED_LINE_WIDTH, LINE_WIDTH
from tests.conftest import CALENDAR, month, year
from tests.unit.test_app import call, render


def test_cmp001_the_address_names_both_dates():
    view = parse_query(query_args("?date=2021-12&compare=2024-12-05&lang=fr"), CALENDAR)
    assert (view.period, view.compare, view.notices) == (month(2021, 12), month(2024, 12, 5), ())
    assert to_query(view, CALENDAR) == "?date=2021-12&compare=2024-12-05&lang=fr"
    # With a comparison, the first date is named even when it is the latest: the link must not drift.
    latest = View(period=CALENDAR.last, compare=year(2020))
    assert map_url(latest, CALENDAR) == "/?date=2026-11&compare=2020-12"
    assert snapshot_url(latest, "png") == "/snapshot/2026-11.png?compare=2020-12"


@pytest.mark.parametrize("bad", ["2011-12", "soon", "2024-13", "<b>x</b>"])
def test_cmp002_a_bad_second_date_shows_one_map_with_a_notice(bad):
    view = parse_query({"date": "2021-12", "compare": bad}, CALENDAR)
    assert view.compare is None and view.period == month(2021, 12)
    (notice,) = view.notices
    assert notice.field == "compare"
    assert notice.message("en").endswith("; no comparison shown.")
    assert notice.message("fr").endswith(" ; pas de comparaison.")


def test_cmp003_what_differs_and_since_when(fixture_app_data):
    found = differences(fixture_app_data, year(2024), year(2021))  # either order
    assert [d.country for d in found] == ["MLI", "NER", "TCD"]
    assert difference_text(fixture_app_data, found[0], "en") == (
        "Mali: French forces → Russian forces, instructors or arms, 15 August 2022"
    )
    assert difference_text(fixture_app_data, found[2], "fr") == (
        "Tchad : Forces françaises → Retrait français en cours, 28 novembre 2024"
    )
    assert compare_title(fixture_app_data, year(2024), year(2021), "en") == (
        "31 December 2021 and 31 December 2024 compared"
    )
    assert differences(fixture_app_data, year(2016), year(2017)) == ()
    assert compare_summary(fixture_app_data, year(2016), year(2017), "en") == (
        "No country's principal partner differs between the two dates."
    )
    # A day counts to the day: on 10 August 2022 the French were still leaving Mali.
    (mali,) = differences(fixture_app_data, year(2021), month(2022, 8, 10))
    assert (mali.country, mali.after.value, mali.on.isoformat()) == ("MLI", "france_leaving", "2022-02-17")


def test_cmp004_differing_countries_are_outlined_on_both_maps(fixture_app_data):
    view = View(period=year(2021), compare=year(2024))
    for period in (year(2021), year(2024)):
        choropleth = compare_figure(fixture_app_data, view, period).data[0]
        widths = dict(zip(choropleth.locations, choropleth.marker.line.width, strict=True))
        assert widths["MLI"] == widths["NER"] == widths["TCD"] == CHANGED_LINE_WIDTH
        assert widths["BFA"] == LINE_WIDTH
        assert not any(
            "changed in" in label for label in compare_figure(fixture_app_data, view, period).data[1].text
        )


def test_cmp005_the_page_and_the_embed_show_two_maps(client):
    page = render(client, "/", "?date=2021-12&compare=2024-12")
    assert f'"id": "{Id.COMPARE_FIRST}"' in page and f'"id": "{Id.COMPARE_SECOND}"' in page
    assert "31 December 2021 and 31 December 2024 compared" in page
    assert "Mali: French forces → Russian forces, instructors or arms, 15 August 2022" in page
    assert f'"id": "{Id.MAP}"' not in page  # not the one-map page
    assert "/?date=2021-12" in page  # back to one map
    embed = render(client, "/embed", "?date=2021-12&compare=2024-12&lang=fr")
    assert "embed-compare" in embed and "Comparaison du 31 décembre 2021 et du 31 décembre 2024" in embed
    bad = render(client, "/", "?date=2021-12&compare=nope")
    assert "no comparison shown" in bad and f'"id": "{Id.MAP}"' in bad


def test_cmp006_snapshots_of_a_comparison(client, fixture_app_data):
    text = client.get("/snapshot/2021-12.txt?compare=2024-12").get_data(as_text=True)
    assert text.startswith("Two maps of the Sahel (Mali, Burkina Faso, Niger, Chad) side by side. ")
    assert "On 31 December 2021 — " in text and "On 31 December 2024 — " in text
    assert (
        "What changed: Mali: French forces → Russian forces, instructors or arms, 15 August 2022; Niger"
        in text
    )
    response = client.get("/snapshot/2024-12.csv?compare=2021-12&download=1")
    assert 'filename="sahel-2024-12-vs-2021-12-en.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [rows[0]["as_of"], rows[-1]["as_of"]] == ["2021-12-31", "2024-12-31"]  # the earlier first
    request = parse_snapshot("2021-12.png", {"compare": "2024-12"}, CALENDAR)
    assert not isinstance(request, list)
    assert request.height == 460  # wide and low by default
    assert request.key() != parse_snapshot("2021-12.png", {}, CALENDAR).key()  # type: ignore[union-attr]
    problems = parse_snapshot("2021-12.png", {"compare": "x"}, CALENDAR)
    assert isinstance(problems, list) and problems[0].field == "compare"
    figure = image_figure(fixture_app_data, request.view)
    assert {trace.geo for trace in figure.data} == {"geo", "geo2"}
    texts = [a.text for a in figure.layout.annotations]
    assert "<b>31 December 2021</b>" in texts and "<b>31 December 2024</b>" in texts
    assert any("15 August 2022" in text for text in texts)
    assert any(text.startswith("Source: Sahel Realignment Map") for text in texts)
    json.dumps(figure.to_plotly_json(), default=str)


def test_cmp007_the_pickers_address(client):
    response = call(
        client,
        [(Id.COMPARE_GO, "href")],
        [{"id": Id.COMPARE_PICK, "property": "value", "value": "2024-12"}],
        [
            {"id": Id.SETTLED, "property": "data", "value": month(2021, 6).slider_value()},
            {"id": Id.COUNTRY, "property": "data", "value": "MLI"},
            {"id": Id.LENS, "property": "value", "value": "RUS"},
            {"id": Id.BASES, "property": "value", "value": ["on"]},
            {"id": Id.LANG, "property": "data", "value": "fr"},
        ],
    )
    href = response.get_json()["response"][Id.COMPARE_GO]["href"]
    assert href == "/?date=2021-06&compare=2024-12&country=MLI&lens=RUS&lang=fr"
