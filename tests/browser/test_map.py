"""The real app in headless Chromium (test codes: map)."""

from __future__ import annotations

import datetime as dt
import json
import urllib.request
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from data.period import Calendar, Period
from data.state import Alignment
from layouts.theme import ALIGNMENT_COLOURS
from tests.browser.conftest import Recorder
from tests.browser.helpers import (
    FOCUS,
    fills,
    open_map,
    point_inside,
    rgb,
    shown_period,
    slider_value,
    wait_for_month,
)


def test_map001_loads_offline_with_four_countries_drawn(page, recorder, server):
    open_map(page, server + "/")
    drawn = fills(page)
    for iso3 in FOCUS:
        assert iso3 in drawn
    names = ["MALI", "BURKINA FASO", "NIGER", "CHAD"]
    page.wait_for_function(
        "(names) => { const labels = Array.from(document.querySelectorAll('#map .scattergeo text'))"
        ".map((text) => text.textContent);"
        " return names.every((name) => labels.some((label) => label.includes(name))); }",
        arg=names,
    )
    # five colours, neighbours, outline, the two alliances
    assert page.locator("#legend ul:not(.bases-legend, .reading-guide-list) li").count() == 9
    page.locator("#map").hover()
    assert page.locator(".modebar").count() == 0  # no plotly toolbar: the share dialog makes images
    page.wait_for_timeout(500)  # let late requests (topojson, fonts) show up
    assert any(url.endswith("/assets/topojson/africa_50m.json") for url in recorder.requests)
    recorder.assert_clean()


def test_map002_keys_step_a_month_and_a_year(page, recorder, server):
    open_map(page, server + "/?year=2013")
    assert shown_period(page) == "December 2013"
    assert fills(page)["MLI"] == rgb(ALIGNMENT_COLOURS[Alignment.FRANCE])
    page.locator("[role=slider]").first.focus()
    page.keyboard.press("ArrowRight")
    wait_for_month(page, Period(2014, 1))
    for _ in range(9):
        page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    wait_for_month(page, Period(2022, 12))
    assert fills(page)["MLI"] == rgb(ALIGNMENT_COLOURS[Alignment.RUSSIA])
    assert page.locator("#as-of").inner_text() == "Situation on 31 December 2022"
    assert page.locator("#map .gtitle").text_content() == "Situation on 31 December 2022"
    page.keyboard.press("Home")
    wait_for_month(page, Period(2012, 1))
    page.keyboard.press("End")
    wait_for_month(page, Calendar.until(dt.date.today()).last)
    recorder.assert_clean()


def test_map003_year_in_url_opens_its_last_month(page, recorder, server):
    open_map(page, server + "/?year=2023")
    assert shown_period(page) == "December 2023"
    assert page.locator("#map .gtitle").text_content() == "Situation on 31 December 2023"
    assert slider_value(page) == Period(2023, 12).slider_value()
    assert page.locator("#notice").is_hidden()
    recorder.assert_clean()


@pytest.mark.parametrize("value", ["abc", "1900", "<script>alert(1)</script>"])
def test_map004_bad_year_falls_back_with_notice(page, recorder, server, value):
    with urllib.request.urlopen(server + "/?year=" + urllib.request.quote(value)) as response:
        assert response.status == 200
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_map(page, server + "/?year=" + urllib.request.quote(value))
    notice = page.locator("#notice")
    notice.wait_for(state="visible")
    assert value in notice.inner_text()  # shown as text, not interpreted
    assert str(slider_value(page)) == page.locator("[role=slider]").first.get_attribute("aria-valuemax")
    assert shown_period(page) == Calendar.until(dt.date.today()).last.label("en")
    assert dialogs == []
    recorder.assert_clean()


def test_map005_buttons_and_play(page, recorder, server):
    open_map(page, server + "/?date=2020-06")
    page.get_by_role("button", name="Previous month").click()
    wait_for_month(page, Period(2020, 5))
    page.get_by_role("button", name="Next month").click()
    page.get_by_role("button", name="Next month").click()
    wait_for_month(page, Period(2020, 7))
    assert page.get_by_label("Playback speed").input_value() == "1"
    page.get_by_role("button", name="Play").click()
    wait_for_month(page, Period(2020, 9))  # playing steps month by month
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for()
    assert page.evaluate("window.sahelMap.playing()") is False
    shown = slider_value(page)
    page.wait_for_url(f"**date={Period.from_slider_value(shown).token()}")  # the address follows
    # Any key pauses too.
    page.get_by_label("Playback speed").select_option("2")
    page.get_by_role("button", name="Play").click()
    page.wait_for_function("(v) => window.sahelMap.shown() > v", arg=shown)
    page.keyboard.press("Shift")
    page.get_by_role("button", name="Play").wait_for()
    assert page.evaluate("window.sahelMap.playing()") is False
    recorder.assert_clean()


def test_map006_french_and_phone(phone_page, recorder, server):
    open_map(phone_page, server + "/?year=2022&lang=fr")
    assert phone_page.locator("h1").inner_text() == "Carte des réalignements au Sahel"
    assert phone_page.evaluate("document.documentElement.lang") == "fr"
    assert "31 décembre 2022" in phone_page.locator("#as-of").inner_text()
    assert shown_period(phone_page) == "décembre 2022"
    # The map comes first and fits the phone's width.
    box = phone_page.locator("#map").bounding_box()
    assert box is not None and box["width"] <= 390
    recorder.assert_clean()


def test_map007_short_hover_names_country_and_status(page, recorder, server):
    open_map(page, server + "/?year=2016")
    point = point_inside(page, "MLI")
    page.mouse.move(point["x"], point["y"])
    hover = page.locator("#map .hoverlayer")
    hover.filter(has_text="Mali").wait_for()
    text = hover.text_content() or ""
    # Name, status and where the rest is: the partners are a click away, in the panel.
    assert text == "MaliFrench forcesClick for details", text
    recorder.assert_clean()


def callback_outputs(page) -> list[str]:
    outputs: list[str] = []

    def record(request) -> None:
        if urlparse(request.url).path.endswith("/_dash-update-component"):
            outputs.append(json.loads(request.post_data)["output"])

    page.on("request", record)
    return outputs


@pytest.mark.parametrize(
    ("path", "drawn"),
    [
        ("/?year=2016&country=MLI", "() => document.querySelector('#share-link')?.value.startsWith('http')"),
        ("/embed?year=2016", "() => document.querySelectorAll('#embed-map .choroplethlocation').length"),
        ("/present?step=3", "() => document.querySelectorAll('#present-map .choroplethlocation').length"),
    ],
)  # fmt: skip
def test_map008_a_page_arrives_whole_in_at_most_four_callbacks(page, recorder, server, path, drawn):
    outputs = callback_outputs(page)
    page.goto(server + path)
    page.wait_for_function(drawn)
    page.wait_for_load_state("networkidle")
    assert len(outputs) <= 4, outputs
    # The panel, the timeline and the country buttons come drawn with the page, not again after it.
    assert not [o for o in outputs if "panel" in o or "timeline" in o or "aria-pressed" in o], outputs
    assert outputs[0] == "page.children"
    recorder.assert_clean()


def test_map009_views_past_the_review_date_say_so(page, recorder, server):
    open_map(page, server + "/")  # today: past the date up to which the data was reviewed
    notice = page.locator("#review-notice")
    assert notice.is_visible()
    assert notice.inner_text() == "Data reviewed up to 30 April 2026 — later changes are not shown"
    page.locator("[role=slider]").first.focus()
    page.keyboard.press("PageDown")
    last = Calendar.until(dt.date.today()).last
    before = Period(last.year - 1, last.month)
    wait_for_month(page, before)
    notice.wait_for(state="hidden")  # a year ago was reviewed
    page.wait_for_url(f"**/?date={before.token()}")  # the address has followed before the next key
    page.keyboard.press("PageUp")
    wait_for_month(page, last)
    notice.wait_for(state="visible")
    page.goto(server + "/embed?lang=fr")
    review = page.locator("#embed-review")
    review.wait_for(state="visible")
    assert (
        review.inner_text()
        == "Données vérifiées jusqu'au 30 avril 2026 — les changements ultérieurs ne sont pas montrés"
    )
    recorder.assert_clean()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_map030_laptop_screen_shows_the_map_and_the_date_control_at_once(
    browser: Browser, server: str, lang: str
):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        open_map(page, f"{server}/?date=2023-10&lang={lang}")
        page.locator("#year-slider [role=slider]").wait_for()
        boxes = page.evaluate(
            "() => Object.fromEntries(['#map', '#year-display', '#year-slider [role=slider]', '#year-play']"
            ".map((s) => [s, document.querySelector(s).getBoundingClientRect().toJSON()]))"
        )
        assert boxes["#map"]["height"] >= 720 / 2
        for selector in ("#year-display", "#year-slider [role=slider]", "#year-play"):
            assert boxes[selector]["top"] >= 0 and boxes[selector]["bottom"] <= 720, (selector, boxes)
        assert page.locator("#map .modebar").count() == 0
        # The legend's colours are in view too, in one row; outlines and bases one click away.
        legend = page.locator("#legend")
        box = legend.bounding_box()
        assert box and box["y"] >= 0
        assert box["y"] + box["height"] <= 720 and box["height"] <= 40, box
        swatch_rows = {
            round(b["y"]) for b in (s.bounding_box() for s in legend.locator(".swatch").all()) if b
        }
        assert len(swatch_rows) == 1, swatch_rows
        bases = legend.locator(".bases-legend")
        assert not bases.is_visible()
        toggle = legend.locator(".legend-more-toggle")
        toggle.click()
        bases.wait_for(state="visible")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert legend.locator(".swatch-changed").is_visible()
    finally:
        context.close()


def test_map031_phone_timeline_small_multiples_and_event_cards(
    phone_page: Page, recorder: Recorder, server: str
):
    page = phone_page
    open_map(page, server + "/?date=2023-10")
    # The timeline is redrawn for the phone: each row's label above its bar, countries as headings.
    page.locator("#timeline .annotation-text", has_text="BURKINA FASO").wait_for()
    layout = page.evaluate("() => document.querySelector('#timeline .js-plotly-plot').layout.yaxis")
    assert layout["showticklabels"] is False
    bars = page.locator("#timeline .barlayer .trace").first.locator(".point path")
    widths = [box["width"] for box in (bars.nth(i).bounding_box() for i in range(3)) if box]
    plot = page.locator("#timeline .js-plotly-plot").bounding_box()
    assert plot and max(widths) > 0.4 * plot["width"]  # the bars keep the screen's width
    # Each event is a card as wide as the table.
    page.locator("#data").scroll_into_view_if_needed()
    row = page.locator(".events-table tbody tr").first
    row.wait_for()
    table = page.locator(".events-table").bounding_box()
    card, event = row.bounding_box(), row.locator("td").nth(2).bounding_box()
    assert table and card and event and event["width"] > 0.8 * table["width"]
    assert page.locator(".events-table thead").is_hidden()
    recorder.assert_clean()
