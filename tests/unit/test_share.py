"""Sharing without a browser: snapshot requests, alt text, view CSV, embed, headers, static pages
(test codes: shr)."""

from __future__ import annotations

import csv
import io
import json
import re

from data.describe import alt_text, period_summary, view_csv
from data.present import PresentState, moment
from data.view import View
from layouts.embed import embed_texts
from layouts.share import EmbedChoice, built_embed, embed_code, share_links
from publish.static_site import (
    DATA_ID,
    EMBED_JS,
    MAP_JS,
    PLOTLY_JS,
    STATIC_JS,
    TOPOJSON_JS,
    TOPOJSON_NAME,
    exported_periods,
    index_page,
    months_page,
    page_data,
    period_page,
    picture_periods,
    topojson_script,
)
from tests.conftest import ROOT, month, year


def test_shr004_bad_snapshot_gets_400_with_the_messages(client):
    response = client.get("/snapshot/abc.png?width=999999&scale=-1")
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    body = response.get_data(as_text=True)
    assert body.startswith("Bad snapshot request:")
    assert body == (
        "Bad snapshot request:\n"
        "date: “abc” is not a date the map covers (a month from 2012-01 to 2026-11, or a day of one)\n"
        "width: 999999 is out of range (320 to 4000)\n"
        "scale: -1 is out of range (0.5 to 4.0)\n"
    )
    assert client.get("/snapshot/2020.png?lang=fr&scale=x").get_data(as_text=True) == (
        "Demande d'image invalide :\nscale: « x » n'est pas un nombre\n"
    )
    assert client.get("/snapshot/../../etc/passwd").status_code in (400, 404)


def test_shr005_alt_text_says_what_the_map_shows(fixture_app_data):
    text = alt_text(fixture_app_data, View(period=year(2023), lang="en"))
    assert text.startswith("Map of the Sahel (Mali, Burkina Faso, Niger, Chad). On 31 December 2023 — ")
    sources = len(fixture_app_data.dataset.sources)
    assert text.endswith(
        f"Source: Sahel Realignment Map ({sources} cited sources) — data reviewed up to 30 April 2026."
    )
    assert "later changes are not shown" not in text  # 2023 is before the review date
    today = alt_text(fixture_app_data, View(period=year(2026), lang="en"))
    assert "Data reviewed up to 30 April 2026 — later changes are not shown." in today
    lens = alt_text(fixture_app_data, View(period=year(2013), lang="fr", lens="FRA", country="MLI"))
    assert "Présence : France au 31 décembre 2013 — forces déployées : Mali" in lens
    assert "Mali est mis en évidence." in lens


def test_shr006_txt_and_csv_routes(client, fixture_app_data):
    response = client.get("/snapshot/2023.txt?lang=fr")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == alt_text(fixture_app_data, View(period=year(2023), lang="fr"))
    response = client.get("/snapshot/2013.csv?country=MLI&download=1")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="sahel-2013-12-en-mli.csv"'
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows and {row["country"] for row in rows} == {"MLI"}
    assert {"FRA"} <= {row["partner"] for row in rows}
    assert all(row["as_of"] == "2013-12-31" for row in rows)
    day = client.get("/snapshot/2022-05-03.txt").get_data(as_text=True)
    assert "On 3 May 2022 — " in day  # a day is shown exactly
    assert client.get("/snapshot/2022-05.txt").get_data(as_text=True) == alt_text(
        fixture_app_data, View(period=month(2022, 5))
    )


def test_shr007_view_csv_lists_every_focus_country(fixture_app_data):
    rows = list(csv.DictReader(io.StringIO(view_csv(fixture_app_data, View(period=year(2026))))))
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


def test_shr010_embed_texts_and_share_links(fixture_app_data):
    period_line, review, credit, path = embed_texts(fixture_app_data, View(period=year(2016), lens="FRA"))
    assert period_line == "Situation on 31 December 2016" and review == ""
    assert credit.startswith("Source: Sahel Realignment Map") and credit.endswith(
        "reviewed up to 30 April 2026"
    )
    assert embed_texts(fixture_app_data, View(period=year(2026)))[1] == (
        "Data reviewed up to 30 April 2026 — later changes are not shown"
    )
    assert path == "/?date=2016-12&lens=FRA"
    links = share_links(fixture_app_data, View(period=month(2016, 3, 5), lang="fr", country="NER"))
    assert links["permalink"] == "/?date=2016-03-05&country=NER&lang=fr"
    assert links["png"] == "/snapshot/2016-03-05.png?country=NER&lang=fr"
    assert links["csv"] == "/snapshot/2016-03-05.csv?country=NER&lang=fr&download=1"
    built = built_embed(
        fixture_app_data, View(period=month(2016, 3, 5), lang="fr", country="NER"), EmbedChoice()
    )
    assert built["code"] == embed_code(
        "{origin}/embed?date=2016-03-05&country=NER&lang=fr",
        "sahel-map-2016-03-05",
        "Carte des réalignements au Sahel",
    )


def test_shr017_the_embed_builder_writes_its_options_into_the_code(fixture_app_data):
    view = View(period=month(2023, 10), lens="RUS")
    choice = EmbedChoice(fixed=month(2019, 6), controls=False, lang="fr", theme="dark", height=520)
    built = built_embed(fixture_app_data, view, choice)
    assert built["src"] == "/embed?date=2019-06&lens=RUS&controls=0&theme=dark&lang=fr"
    assert built["height"] == 520 and "height:520px" in built["code"] and "<script>" in built["code"]
    assert 'title="Carte des réalignements au Sahel"' in built["code"]
    plain = built_embed(fixture_app_data, view, EmbedChoice(plain=True, theme="auto"))["code"]
    assert plain.startswith("<iframe") and "<script" not in plain and "\n" not in plain
    assert "/embed?date=2023-10&amp;lens=RUS&amp;theme=auto" in plain


def test_shr018_the_embed_reads_its_theme(fixture_app_data):
    from data.view import parse_query

    calendar = fixture_app_data.calendar()
    assert parse_query({"theme": "Dark"}, calendar, extras=("theme",)).theme == "dark"
    assert parse_query({"theme": "dark"}, calendar).theme == "light"  # only the embed has one
    bad = parse_query({"theme": "<b>x</b>"}, calendar, extras=("theme",))
    assert bad.theme == "light"
    assert (
        bad.notices[0].message("en")
        == "“<b>x</b>” is not a theme (light, dark, auto); showing the light theme."
    )


def test_shr019_the_dark_map_changes_the_ground_and_lines_not_the_classes(fixture_app_data):
    from layouts import theme
    from layouts.map_figure import build_figure, dark_figure, dark_patch, map_arrays_for, map_patch

    arrays = map_arrays_for(fixture_app_data, View(period=month(2022, 8)), compact=True)
    light = build_figure(fixture_app_data.shapes, arrays)
    dark = dark_figure(build_figure(fixture_app_data.shapes, arrays))
    assert dark.layout.paper_bgcolor == theme.DARK_BACKGROUND and dark.layout.geo.landcolor == theme.DARK_LAND
    assert list(dark.data[1].textfont.color) == [
        theme.DARK_MUTED if c == theme.MUTED_TEXT else c for c in light.data[1].textfont.color
    ]  # a white name on a dark fill stays white
    assert theme.WHITE not in dark.data[0].marker.line.color
    scale = {colour for _, colour in dark.data[0].colorscale}
    assert theme.DARK_LAND in scale and theme.ALIGNMENT_COLOURS["russia"] in scale
    patch = dark_patch(map_patch(arrays))
    assert patch[("data", 0, "marker", "line", "color")] == list(dark.data[0].marker.line.color)
    assert patch[("data", 1, "textfont", "color")] == list(dark.data[1].textfont.color)


def test_shr013_embed_code_is_two_lines_with_its_origin_checked():
    code = embed_code(
        "https://map.example/embed?year=2023&lang=fr", "sahel-map-2023", "A <b> map", "https://map.example"
    )
    frame, script = code.split("\n")
    assert frame == (
        '<iframe id="sahel-map-2023" src="https://map.example/embed?year=2023&amp;lang=fr" '
        'title="A &lt;b&gt; map" style="width:100%;height:640px;border:0" loading="lazy"></iframe>'
    )
    assert script.startswith(
        '<script>addEventListener("message",function(e){if(e.origin==="https://map.example"'
    )
    assert 'e.data.type==="sahel-map:height"' in script and script.endswith("</script>")


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


def _embedded(page: str) -> dict:
    opening = f'<script type="application/json" id="{DATA_ID}">'
    return json.loads(page.split(opening, 1)[1].split("</script>", 1)[0])


def test_shr012_static_pages(fixture_app_data):
    topojson = (ROOT / "assets" / "topojson" / f"{TOPOJSON_NAME}.json").read_text()
    script = topojson_script(topojson)
    assert script.startswith('window.PlotlyGeoAssets={topojson:{"africa_50m":{')
    exported = exported_periods(fixture_app_data)
    assert set(fixture_app_data.calendar().year_ends()) <= set(exported)
    assert month(2023, 9) in exported and month(2023, 8) not in exported  # a turning month, a quiet one
    page = months_page(fixture_app_data, "fr")
    assert f'<script src="../{TOPOJSON_JS}"></script>' in page
    assert page.index(TOPOJSON_JS) < page.index(PLOTLY_JS) < page.index(MAP_JS) < page.index(STATIC_JS)
    assert (
        f'<script src="../{EMBED_JS}"></script>' in page and 'data-embed-message="sahel-map:height"' in page
    )
    assert '<html lang="fr">' in page and 'href="../en/index.html" hreflang="en"' in page
    assert 'href="../index.html"' in page
    assert not re.search(r"<script[^>]+src=\"(https?:)?//", page)  # every script from the export
    assert "<link" not in page and "@import" not in page
    # An earlier export's address opens the month page at its month.
    moved = period_page(fixture_app_data, View(period=year(2013), lang="fr"))
    assert 'content="0; url=index.html#2013-12"' in moved and 'href="index.html#2013-12"' in moved
    assert "décembre 2013" in moved
    index = index_page(fixture_app_data)
    for lang in ("en", "fr"):
        assert f'href="{lang}/index.html"' in index
        for period in picture_periods(fixture_app_data):
            assert f'href="{lang}/index.html#{period.token()}"' in index
            assert f'src="{lang}/{period.token()}-wide.png" width="1200" height="675" loading="lazy"' in index
    assert "plotly.min.js" not in index
    assert "La carte mois par mois" in index and "Année par année" in index


def test_shr015_the_month_page_carries_every_month_and_the_years_events(fixture_app_data):
    data = fixture_app_data
    calendar = data.calendar()
    page = months_page(data, "en")
    embedded = _embedded(page)
    assert embedded == json.loads(json.dumps(page_data(data, "en")))
    values = [str(p.slider_value()) for p in calendar]
    for frames in embedded["frames"].values():
        assert sorted(frames["periods"]) == sorted(values)  # the map of every month, wide and compact
    assert sorted(embedded["months"]) == sorted(values)
    for period in calendar:
        shown = embedded["months"][str(period.slider_value())]
        assert shown["token"] == period.token()
        assert shown["summary"] == period_summary(data, period, "en")
    assert embedded["first"] == calendar.first.slider_value()
    assert embedded["last"] == calendar.last.slider_value()
    assert sorted(embedded["years"]) == [str(y) for y in calendar.years()]
    events = [e for y in embedded["years"].values() for e in y["events"]]
    assert len(events) == len(data.dataset.events_between(calendar.first.first_day, calendar.last.last_day))
    assert all(e["sources"] and all(s["url"].startswith("http") for s in e["sources"]) for e in events)
    assert embedded["years"]["2023"]["pictures"][1] == ["wide", "2023-12-wide.png"]
    # Text from the data cannot close the script element it is carried in.
    assert page.count("</script>") == page.count("<script")
    french = _embedded(months_page(data, "fr"))
    assert french["months"][str(month(2023, 8).slider_value())]["summary"].startswith("Au 31 août 2023")


def test_shr014_the_export_and_the_briefing_say_when_a_view_is_past_the_review_date(fixture_app_data):
    notice = "Data reviewed up to 30 April 2026 — later changes are not shown"
    embedded = _embedded(months_page(fixture_app_data, "en"))
    assert embedded["frames"]["wide"]["periods"][str(year(2026).slider_value())]["review"] == notice
    assert embedded["frames"]["wide"]["periods"][str(year(2025).slider_value())]["review"] == ""
    playing = moment(fixture_app_data, PresentState(step=12, period=year(2026), playing=True))
    assert playing.review == notice
    assert moment(fixture_app_data, PresentState(step=12)).review == ""  # 15 January 2026 was reviewed
