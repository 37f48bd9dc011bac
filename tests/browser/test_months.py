"""Time to the month: dates in the address, stepping every month by key, and what a step leaves
behind for hover, resizing and downloads (test codes: mon)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from playwright.sync_api import Page

from data.context import AppData, load_app_data
from data.period import Period
from data.state import Alignment
from layouts.theme import ALIGNMENT_COLOURS
from tests.browser.conftest import Recorder
from tests.browser.helpers import FOCUS, fills, open_map, point_inside, rgb, wait_for_month

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def data() -> AppData:
    """The server's data, read here: what the map must show, computed without the browser."""
    return load_app_data()


def colour(alignment: Alignment) -> str:
    return rgb(ALIGNMENT_COLOURS[alignment])


def expected_fills(data: AppData, period: Period) -> dict[str, str]:
    states = data.states(period)
    return {iso3: colour(states[iso3].alignment) for iso3 in FOCUS}


@pytest.mark.parametrize(
    ("date", "country", "alignment"),
    [
        ("2022-05", "MLI", Alignment.FRANCE_LEAVING),
        ("2022-09", "MLI", Alignment.RUSSIA),
        ("2023-10", "NER", Alignment.FRANCE_LEAVING),
        ("2023-01-31", "BFA", Alignment.FRANCE_LEAVING),
    ],
)
def test_mon001_a_date_in_the_address_shows_that_month(
    page: Page, recorder: Recorder, server: str, date: str, country: str, alignment: Alignment
):
    open_map(page, f"{server}/?date={date}")
    period = Period.parse(date)
    assert period is not None
    page.locator("#year-display", has_text=period.label("en")).wait_for()
    assert fills(page)[country] == colour(alignment)
    recorder.assert_clean()


def test_mon002_every_month_from_2012_to_today_by_key(page: Page, recorder: Recorder, server: str, data):
    months = data.calendar().periods()
    open_map(page, f"{server}/?date={months[0].token()}")
    wait_for_month(page, months[0])
    # Record each month as it is named, with the four countries' fills at that moment.
    page.evaluate(
        """(focus) => {
          window.seen = [];
          const record = () => {
            const label = document.querySelector('#year-display').textContent;
            if (window.seen.length && window.seen[window.seen.length - 1].label === label) { return; }
            const fills = {};
            document.querySelectorAll('#map .choroplethlocation').forEach(path => {
              if (path.__data__ && focus.includes(path.__data__.loc)) {
                fills[path.__data__.loc] = path.getAttribute('fill');
              }
            });
            window.seen.push({ label: label, fills: fills });
          };
          record();
          new MutationObserver(record).observe(document.querySelector('#year-display'),
            { childList: true, characterData: true, subtree: true });
        }""",
        list(FOCUS),
    )
    page.locator("[role=slider]").first.focus()
    for _ in months[1:]:
        page.keyboard.press("ArrowRight")
    wait_for_month(page, months[-1])
    seen = page.evaluate("window.seen")
    assert [s["label"] for s in seen] == [p.label("en") for p in months]  # every month, in order
    by_label = {s["label"]: s["fills"] for s in seen}
    for period in random.Random(13).sample(months, 20):
        assert by_label[period.label("en")] == expected_fills(data, period), period
    recorder.assert_clean()


def step_to_september_2022(page: Page, server: str) -> None:
    """Open January 2022 and step to September by key (Mali turns Russian in August)."""
    open_map(page, f"{server}/?date=2022-01")
    page.locator("[role=slider]").first.focus()
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    wait_for_month(page, Period(2022, 9))


def test_mon003_hover_after_steps_tells_the_month_shown(page: Page, recorder: Recorder, server: str):
    step_to_september_2022(page, server)
    point = point_inside(page, "MLI")
    page.mouse.move(point["x"], point["y"])
    hover = page.locator("#map .hoverlayer")
    hover.filter(has_text="Mali").wait_for()
    assert "Russian forces, instructors or arms" in (hover.text_content() or "")
    recorder.assert_clean()


@pytest.mark.parametrize("width", [1280, 390])  # plotly redraws; at 390 the server sends compact frames
def test_mon004_resize_after_steps_keeps_the_month(page: Page, recorder: Recorder, server: str, width: int):
    step_to_september_2022(page, server)
    before = page.locator("#map .main-svg").first.bounding_box()
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_function(
        "(width) => document.querySelector('#map .main-svg').getBoundingClientRect().width !== width",
        arg=before["width"] if before else 0,
    )
    page.wait_for_function("() => document.querySelector('#map .gtitle') !== null")
    page.locator("#map .gtitle", has_text="Situation on 30 September 2022").wait_for()
    page.wait_for_function(
        "(russia) => Array.from(document.querySelectorAll('#map .choroplethlocation'))"
        ".some(p => p.__data__.loc === 'MLI' && p.getAttribute('fill') === russia)",
        arg=colour(Alignment.RUSSIA),
    )
    assert fills(page)["MLI"] == colour(Alignment.RUSSIA)
    recorder.assert_clean()


def test_mon008_the_share_dialogs_images_after_steps_show_the_month(
    page: Page, recorder: Recorder, server: str
):
    step_to_september_2022(page, server)
    page.wait_for_url("**/?date=2022-09")  # the slider has rested
    page.locator("#share > summary").click()
    with page.expect_download() as svg:
        page.get_by_role("button", name="Vector image (SVG)").click()
    assert svg.value.suggested_filename == "sahel-2022-09-en.svg"
    text = Path(svg.value.path()).read_text(encoding="utf-8")
    assert (
        "Principal security partners in the Sahel, 30 September 2022" in text and "January 2022" not in text
    )
    # Mali's path in the picture is filled with the colour of Russian forces.
    mali = page.evaluate(
        """(text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          const fills = Array.from(doc.querySelectorAll('.choroplethlocation')).map(p => p.style.fill
            || p.getAttribute('fill'));
          return fills;
        }""",
        text,
    )
    assert colour(Alignment.RUSSIA) in mali
    with page.expect_download() as png:
        page.get_by_role("button", name="Image (PNG)").click()
    assert png.value.suggested_filename == "sahel-2022-09-en.png"
    assert Path(png.value.path()).read_bytes().startswith(PNG_MAGIC)
    recorder.assert_clean()


def test_mon006_panel_address_and_share_follow_once_the_slider_rests(
    page: Page, recorder: Recorder, server: str
):
    step_to_september_2022(page, server)
    page.wait_for_url("**/?date=2022-09")
    page.locator("#panel h2", has_text="What changed in September 2022").wait_for()
    page.locator("#panel h2", has_text="What changed in 2022").wait_for()
    panel = page.locator("#panel").inner_text()
    assert "15 August 2022" in panel  # the year's change, with its day
    page.locator("#timeline .annotation-text", has_text="30 September 2022").wait_for()
    page.locator("#share > summary").click()
    page.wait_for_function("() => document.querySelector('#share-link').value.endsWith('/?date=2022-09')")
    recorder.assert_clean()


def test_mon007_a_day_is_shown_exactly_until_the_slider_moves(page: Page, recorder: Recorder, server: str):
    open_map(page, f"{server}/?date=2022-08-10")
    page.locator("#year-display", has_text="10 August 2022").wait_for()
    assert page.locator("#map .gtitle").text_content() == "Situation on 10 August 2022"
    assert fills(page)["MLI"] == colour(Alignment.FRANCE_LEAVING)  # Russian from the 15th
    page.locator("[role=slider]").first.focus()
    page.keyboard.press("ArrowRight")
    wait_for_month(page, Period(2022, 9))
    page.keyboard.press("ArrowLeft")
    wait_for_month(page, Period(2022, 8))  # now the whole month, to its last day
    assert fills(page)["MLI"] == colour(Alignment.RUSSIA)
    page.wait_for_url("**/?date=2022-08")
    recorder.assert_clean()
