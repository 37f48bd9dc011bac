"""Exploring: country panel, timeline, bases, lens, URL state, language, table, methodology
(test codes: exp)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from data.i18n import format_date
from data.loader import DATA_DIR, load_dataset
from data.period import Period
from data.state import Alignment
from layouts.theme import ALIGNMENT_COLOURS, LENS_ABSENT, partner_colour
from tests.browser.helpers import fills, open_map, rgb, shown_period, wait_for_month


def click_country_on_map(page, name: str) -> None:
    label = page.locator(f'#map .scattergeo text[data-unformatted^="<b>{name}</b>"]').bounding_box()
    assert label
    for dx, dy in ((0, 60), (80, 0), (-60, 60), (0, -40)):
        x, y = label["x"] + label["width"] / 2 + dx, label["y"] + label["height"] / 2 + dy
        page.mouse.move(x, y)
        page.wait_for_timeout(200)
        if (page.locator("#map .hoverlayer").text_content() or "").upper().startswith(name):
            page.mouse.click(x, y)
            return
    raise AssertionError(f"could not point at {name}")


def test_exp001_click_a_country_opens_its_panel(page, recorder, server):
    open_map(page, server + "/?year=2023")
    click_country_on_map(page, "NIGER")
    panel = page.locator("#panel")
    panel.locator("h2", has_text="Niger").wait_for()
    text = panel.inner_text()
    assert "Other foreign forces" in text and "US forces in Niger" in text
    assert "Changes since 2012" in text and "Events of 2023" in text
    page.wait_for_url(re.compile(r"country=NER"))
    # (exactly: the events table's country filter, following the map, is "Country Niger")
    assert page.get_by_role("button", name="Niger", exact=True).get_attribute("aria-pressed") == "true"
    recorder.assert_clean()


def test_exp002_keyboard_picks_a_country_and_back_to_all(page, recorder, server):
    open_map(page, server + "/?year=2016")
    page.get_by_role("button", name="Chad").focus()
    page.keyboard.press("Enter")
    page.locator("#panel h2", has_text="Chad").wait_for()
    assert "Barkhane" in page.locator("#panel").inner_text()
    page.get_by_role("button", name="All four").focus()
    page.keyboard.press("Enter")
    page.locator("#panel h2", has_text="At a glance").wait_for()
    recorder.assert_clean()


def test_exp003_timeline_click_moves_to_the_month_clicked(page, recorder, server):
    open_map(page, server + "/?year=2020&country=MLI")
    page.locator("#timeline-title", has_text="Mali").wait_for()
    marker = page.locator("#timeline .scatterlayer .point").first
    marker.wait_for()
    # The month of the event the first marker stands for.
    value = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data"
        ".find(trace => trace.type === 'scatter').customdata[0][0]"
    )
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    assert box
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_for_month(page, Period.from_slider_value(value))
    # The map is brought into view, and the timeline's cursor names the month it stands for.
    page.wait_for_function(
        "() => { const r = document.querySelector('#map').getBoundingClientRect();"
        " return r.top >= -1 && r.bottom <= innerHeight + 1; }"
    )
    label = format_date(Period.from_slider_value(value).month_end, "en")
    page.locator("#timeline .annotation-text", has_text=label).wait_for()
    recorder.assert_clean()


def test_exp014_timeline_click_on_a_bar_sets_the_exact_month(page, recorder, server):
    open_map(page, server + "/?year=2020&country=MLI")
    page.locator("#timeline-title", has_text="Mali").wait_for()
    bars = page.locator("#timeline .barlayer .trace").first.locator(".point path")
    bars.first.wait_for()
    # The longest bar (years long): click on the middle of one of its months.
    longest, start = page.evaluate(
        "() => { const gd = document.querySelector('#timeline .js-plotly-plot');"
        " const trace = gd.data.find(trace => trace.type === 'bar');"
        " const i = trace.x.indexOf(Math.max(...trace.x));"
        " const when = new Date(trace.base[i]);"
        " return [i, when.getUTCFullYear() * 12 + when.getUTCMonth()]; }"
    )
    bar = bars.nth(longest)
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    assert box and box["width"] > 40
    month = Period.from_slider_value(start + 30)
    x = page.evaluate(
        "([year, month]) => { const gd = document.querySelector('#timeline .js-plotly-plot');"
        " const xa = gd._fullLayout.xaxis;"
        " return gd.getBoundingClientRect().left + xa._offset + xa.c2p(Date.UTC(year, month - 1, 15)); }",
        [month.year, month.month],
    )
    assert box["x"] < x < box["x"] + box["width"]
    page.mouse.click(x, box["y"] + box["height"] / 2)
    wait_for_month(page, month)  # the month clicked, not the start of the bar
    recorder.assert_clean()


def test_exp004_bases_layer_toggles(page, recorder, server):
    open_map(page, server + "/?year=2020")
    points = page.locator("#map .scattergeo .point")
    assert points.count() > 5
    page.get_by_label("Show bases and deployment sites").uncheck()
    page.wait_for_url(re.compile(r"bases=0"))
    page.wait_for_function("() => document.querySelectorAll('#map .scattergeo .point').length === 0")
    page.get_by_label("Show bases and deployment sites").check()
    page.wait_for_function("() => document.querySelectorAll('#map .scattergeo .point').length > 5")
    recorder.assert_clean()


def test_exp005_partner_lens_by_keyboard(page, recorder, server):
    open_map(page, server + "/?year=2023")
    page.get_by_label("Russia", exact=True).focus()
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"lens=RUS"))
    page.locator("#legend", has_text="Presence of Russia").wait_for()
    page.wait_for_function(
        "(colour) => Array.from(document.querySelectorAll('#map .choroplethlocation'))"
        ".some(p => p.__data__.loc === 'MLI' && p.getAttribute('fill') === colour)",
        arg=rgb(partner_colour("RUS", 3)),
    )
    assert fills(page)["TCD"] == rgb(LENS_ABSENT)
    assert fills(page)["MLI"] != rgb(ALIGNMENT_COLOURS[Alignment.FRANCE])  # never the French blue
    recorder.assert_clean()


def test_exp006_every_view_is_a_link_and_back_forward_restore_it(page, recorder, server):
    open_map(page, server + "/?year=2015")
    page.get_by_role("button", name="Next month").click()
    page.wait_for_url(re.compile(r"date=2016-01"))
    page.get_by_role("button", name="Mali").click()
    page.wait_for_url(re.compile(r"date=2016-01&country=MLI"))
    page.go_back()
    page.wait_for_url(re.compile(r"date=2016-01$"))
    page.locator("#panel h2", has_text="At a glance").wait_for()
    page.go_back()
    page.wait_for_url(re.compile(r"year=2015$"))
    wait_for_month(page, Period(2015, 12))
    # The page has settled on December (its panel follows the month once the slider rests), as a
    # reader who looked at it would see, before going forward again.
    page.locator("#panel h2", has_text="What changed in December 2015").wait_for()
    page.go_forward()
    wait_for_month(page, Period(2016, 1))
    link = page.url
    fresh = page.context.new_page()
    open_map(fresh, link)
    assert shown_period(fresh) == "January 2016"
    fresh.close()
    recorder.assert_clean()


def test_exp007_language_switch(page, recorder, server):
    open_map(page, server + "/?year=2019&country=BFA")
    page.get_by_role("link", name="FR", exact=True).click()
    page.wait_for_url(re.compile(r"lang=fr"))
    page.locator("h1", has_text="Carte des réalignements au Sahel").wait_for()
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert "date=2019-12" in page.url and "country=BFA" in page.url
    assert "31 décembre 2019" in page.locator("#as-of").inner_text()
    recorder.assert_clean()


def test_exp008_table_filters_and_downloads(page, recorder, server):
    open_map(page, server + "/")
    page.wait_for_load_state("networkidle")
    count = page.locator("#table-count")
    assert count.inner_text() == ""  # the table is not sent with the first view
    page.locator("#data").scroll_into_view_if_needed()  # it comes when its section is near
    page.wait_for_function("() => /events/.test(document.querySelector('#table-count').textContent)")
    total = int(count.inner_text().split()[0])
    assert total >= 150
    page.locator("#table-country").click()
    page.get_by_role("option", name="Niger", exact=True).click()  # Nigeria is offered too
    page.locator("#table-from").click()
    page.get_by_role("option", name="2023").click()
    page.locator("#table-to").click()
    page.get_by_role("option", name="2023").click()
    events = load_dataset(DATA_DIR).events
    expected = sum(1 for e in events if "NER" in e.country and e.date.year == 2023)
    page.wait_for_function(
        "(expected) => parseInt(document.querySelector('#table-count').textContent) === expected",
        arg=expected,
    )
    rows = page.locator("#table-body tbody tr")
    assert rows.count() > 0
    for text in rows.all_inner_texts():
        assert "Niger" in text and "2023" in text
    for name in ("events", "partnerships", "sources", "bases"):
        with urllib.request.urlopen(f"{server}/download/{name}.csv") as response:
            assert response.read() == (DATA_DIR / f"{name}.csv").read_bytes()
            assert response.headers["Content-Type"].startswith("text/csv")
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{server}/download/secrets.csv")
    assert missing.value.code == 404
    recorder.assert_clean()


def test_exp009_methodology_and_glossary_in_both_languages(page, recorder, server):
    page.goto(server + "/")
    page.get_by_role("link", name="Methodology and glossary").click()
    page.locator("h2", has_text="Glossary").wait_for()
    page.get_by_text("The rule, applied in order").wait_for()  # the Markdown part loads on its own
    text = page.inner_text("body")
    for term in (
        "Operation Serval",
        "Operation Barkhane",
        "Task Force Takuba",
        "MINUSMA",
        "G5 Sahel",
        "Alliance of Sahel States",
        "Wagner",
        "Africa Corps",
        "ECOWAS",
    ):
        assert term in text, term
    assert "The rule, applied in order" in text
    page.goto(server + "/methodology?lang=fr")
    page.locator("h2", has_text="Glossaire").wait_for()
    page.get_by_text("La règle, appliquée dans").wait_for()
    assert page.evaluate("document.documentElement.lang") == "fr"
    recorder.assert_clean()


def test_exp010_summary_speaks_the_year(page, recorder, server):
    open_map(page, server + "/?year=2021")
    summary = page.locator(".summary")
    assert summary.inner_text().startswith("On 31 December 2021")
    assert page.locator("#panel").get_attribute("aria-live") == "polite"
    page.locator("[role=slider]").first.focus()
    page.keyboard.press("ArrowRight")
    page.locator(".summary", has_text="On 31 January 2022").wait_for()
    page.locator("#panel h2", has_text="What changed in January 2022").wait_for()
    recorder.assert_clean()


@pytest.mark.parametrize(
    "query",
    ["?country=XYZ", "?lens=<b>bold</b>", "?lang=<img src=x onerror=alert(1)>", "?bases=maybe"],
)
def test_exp011_bad_values_fall_back_with_a_notice(page, recorder, server, query):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with urllib.request.urlopen(server + "/" + urllib.request.quote(query, safe="?=")) as response:
        assert response.status == 200
    open_map(page, server + "/" + urllib.request.quote(query, safe="?="))
    notice = page.locator("#notice")
    notice.wait_for(state="visible")
    value = urllib.request.unquote(query.split("=", 1)[1])
    assert value in notice.inner_text()
    assert page.locator("#notice b, #notice img").count() == 0
    assert dialogs == []
    recorder.assert_clean()


def test_exp012_keyboard_focus_is_visible(page, recorder, server):
    open_map(page, server + "/")
    for _ in range(4):
        page.keyboard.press("Tab")
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert style[0] != "none" and style[1] != "0px", style
    recorder.assert_clean()


def test_exp013_phone_map_first_controls_reachable(phone_page, recorder, server):
    open_map(phone_page, server + "/?year=2024")
    map_box = phone_page.locator("#map").bounding_box()
    slider_box = phone_page.locator("[role=slider]").first.bounding_box()
    panel_box = phone_page.locator("#panel").bounding_box()
    assert map_box and slider_box and panel_box
    assert map_box["y"] < slider_box["y"] < panel_box["y"]
    assert map_box["width"] <= 390
    phone_page.get_by_role("button", name="Next month").click()
    wait_for_month(phone_page, Period(2025, 1))
    recorder.assert_clean()
