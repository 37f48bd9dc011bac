"""Sharing without a browser: snapshot requests, alt text, view CSV, embed, headers, static pages
(test codes: shr)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from app import create_app
from layouts.embed import embed_texts, parse_controls
from layouts.i18n import t
from layouts.snapshot import (
    HEIGHT,
    WIDTH,
    SnapshotRequest,
    alt_text,
    parse_snapshot,
    snapshot_layout,
    view_csv,
)
from layouts.static_site import PLOTLY_JS, TOPOJSON_JS, TOPOJSON_NAME, index_page, topojson_script, year_page
from layouts.url_state import ViewState
from tests.conftest import ROOT

YEARS = range(2012, 2027)


@pytest.fixture(scope="module")
def client(fixture_app_data):
    return create_app(fixture_app_data).server.test_client()


def test_shr001_snapshot_request_parsed():
    args = {"lang": "FR", "lens": "rus", "country": "mli", "width": "800"}
    request = parse_snapshot("2016.svg", args, YEARS)
    assert request == SnapshotRequest(
        view=ViewState(year=2016, lang="fr", country="MLI", lens="RUS"), fmt="svg", width=800
    )
    assert request.height == HEIGHT[2] and request.scale == 1.0
    assert request.filename() == "sahel-2016-fr-rus-mli.svg"
    same = parse_snapshot("2026.png", {"bases": "1"}, YEARS)
    assert parse_snapshot("2026.png", {}, YEARS).key() == same.key()


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("abc.png", {}, "year: “abc” is not a year from 2012 to 2026"),
        ("2011.png", {}, "year: “2011” is not a year"),
        ("2020.png", {"width": "999999"}, f"width: 999999 is out of range ({WIDTH[0]} to {WIDTH[1]})"),
        ("2020.png", {"width": "12.5"}, "width: “12.5” is not a number"),
        ("2020.png", {"scale": "-1"}, "scale: -1 is out of range (0.5 to 4.0)"),
        ("2020.png", {"scale": "nan"}, "scale: nan is out of range"),
        ("2020.png", {"height": ""}, "height: “” is not a number"),
        ("2020.gif", {}, "format: “gif” is not one of png, svg, txt, csv"),
        ("2020.png", {"lang": "de"}, "lang: “de” is not en or fr"),
        ("2020.png", {"lens": "CHN"}, "lens: “CHN” is not one of"),
        ("2020.png", {"country": "FRA"}, "country: “FRA” is not one of"),
        ("2020.png", {"bases": "yes"}, "bases: “yes” is not 0 or 1"),
        ("2020.png", {"width": "4000", "height": "3000", "scale": "2"}, "width × height × scale²"),
    ],
)
def test_shr002_bad_snapshot_parameters(name, args, message):
    errors = parse_snapshot(name, args, YEARS)
    assert isinstance(errors, list)
    assert any(error.startswith(message) for error in errors), errors


def test_shr003_every_problem_is_reported():
    errors = parse_snapshot("abc.png", {"width": "999999", "scale": "-1"}, YEARS)
    assert [e.split(":")[0] for e in errors] == ["year", "width", "scale"]


def test_shr004_bad_snapshot_gets_400_with_the_messages(client):
    response = client.get("/snapshot/abc.png?width=999999&scale=-1")
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    body = response.get_data(as_text=True)
    assert body.startswith("Bad snapshot request:")
    assert "width: 999999 is out of range" in body and "scale: -1 is out of range" in body
    assert "Traceback" not in body
    assert (
        client.get("/snapshot/2020.png?lang=fr&scale=x")
        .get_data(as_text=True)
        .startswith("Demande d'image invalide")
    )
    assert client.get("/snapshot/../../etc/passwd").status_code in (400, 404)


def test_shr005_alt_text_says_what_the_map_shows(fixture_app_data):
    text = alt_text(fixture_app_data, ViewState(year=2023, lang="en"))
    assert text.startswith("Map of the Sahel (Mali, Burkina Faso, Niger, Chad). At the end of 2023 — ")
    assert text.endswith("data as of 31 December 2023.")
    lens = alt_text(fixture_app_data, ViewState(year=2013, lang="fr", lens="FRA", country="MLI"))
    assert "Présence : France au 31 décembre 2013 — forces déployées : Mali" in lens
    assert "Mali est mis en évidence." in lens


def test_shr006_txt_and_csv_routes(client, fixture_app_data):
    response = client.get("/snapshot/2023.txt?lang=fr")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == alt_text(fixture_app_data, ViewState(year=2023, lang="fr"))
    response = client.get("/snapshot/2013.csv?country=MLI&download=1")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="sahel-2013-en-mli.csv"'
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows and {row["country"] for row in rows} == {"MLI"}
    assert {"FRA"} <= {row["partner"] for row in rows}
    assert all(row["as_of"] == "2013-12-31" for row in rows)


def test_shr007_view_csv_lists_every_focus_country(fixture_app_data):
    rows = list(csv.DictReader(io.StringIO(view_csv(fixture_app_data, ViewState(year=2026)))))
    assert {row["country"] for row in rows} == {"MLI", "BFA", "NER", "TCD"}
    assert all(row["colour"] for row in rows)


def test_shr008_no_browser_gives_503(client, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    response = client.get("/snapshot/2019.png")
    assert response.status_code == 503
    assert "no Chromium was found" in response.get_data(as_text=True)
    fr = client.get("/snapshot/2019.svg?lang=fr")
    assert fr.status_code == 503 and "Chromium est introuvable" in fr.get_data(as_text=True)
    assert client.get("/snapshot/2019.txt").status_code == 200  # text needs no browser


def test_shr009_snapshot_layout_carries_title_legend_and_credit(fixture_app_data):
    view = ViewState(year=2022, lang="fr", lens="RUS")
    layout = snapshot_layout(fixture_app_data, view)
    assert layout["title"]["text"].startswith("Carte des réalignements au Sahel — 2022")
    legend, credit = (a["text"] for a in layout["annotations"])
    assert "Présence : Russie" in legend and "forces déployées" in legend and "Bases" in legend
    sources = len(fixture_app_data.dataset.sources)
    assert credit == (
        f"Source : Carte des réalignements au Sahel ({sources} sources citées) — données au 31 décembre 2022"
    )
    json.dumps(layout)  # it travels to the browser as JSON


def test_shr010_embed_controls_and_texts(fixture_app_data):
    assert parse_controls({}) == (True, [])
    assert parse_controls({"controls": "0"}) == (False, [])
    shown, notices = parse_controls({"controls": "<b>no</b>"})
    assert shown and notices == [("notice.bad_controls", {"value": "<b>no</b>"})]
    year_line, credit, path = embed_texts(fixture_app_data, ViewState(year=2016, lens="FRA"))
    assert year_line == "2016 — Situation on 31 December 2016"
    assert credit.startswith("Source: Sahel Realignment Map") and credit.endswith("31 December 2016")
    assert path == "/?year=2016&lens=FRA"


def test_shr011_only_embed_and_snapshots_may_be_framed(client):
    embed = client.get("/embed?year=2020")
    assert embed.status_code == 200
    assert embed.headers["Content-Security-Policy"].endswith("frame-ancestors *")
    assert "X-Frame-Options" not in embed.headers
    assert client.get("/snapshot/2020.txt").headers["Content-Security-Policy"].endswith("frame-ancestors *")
    for path in ("/", "/methodology", "/download/events.csv"):
        response = client.get(path)
        assert response.headers["Content-Security-Policy"].endswith("frame-ancestors 'self'")
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_shr012_static_pages(fixture_app_data):
    topojson = (ROOT / "assets" / "topojson" / f"{TOPOJSON_NAME}.json").read_text()
    script = topojson_script(topojson)
    assert script.startswith('window.PlotlyGeoAssets={topojson:{"africa_50m":{')
    page = year_page(fixture_app_data, ViewState(year=2013, lang="fr"))
    assert f'<script src="../{TOPOJSON_JS}"></script>' in page
    assert page.index(TOPOJSON_JS) < page.index(PLOTLY_JS)  # seeded before plotly.js looks for it
    assert '<html lang="fr">' in page and 'href="2014.html"' in page and 'href="../en/2013.html"' in page
    assert 'href="2012.html"' in page and "http" not in page.split("<body>")[1].split("Plotly.newPlot")[0]
    index = index_page(fixture_app_data)
    for lang in ("en", "fr"):
        for year in fixture_app_data.years():
            assert f'href="{lang}/{year}.html"' in index and f'href="{lang}/{year}.png"' in index
    assert "plotly.min.js" not in index
    assert t("app.title", "fr") in index
