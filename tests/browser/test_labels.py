"""Labels that read at every size: no country label leaves the map, overlaps another label or sits
on a base marker, on the page at three screen sizes in both languages and on the SVG snapshot
(test codes: lab0xx)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from data.period import Period
from geodata.shapes import Shapes
from tests.browser.conftest import Recorder
from tests.browser.helpers import (
    FOCUS,
    fetch_image,
    label_clashes,
    open_map,
    settled_label_clashes,
    wait_for_month,
)

SIZES = {"wall": (1920, 1080), "laptop": (1280, 720), "phone": (390, 844)}
DATES = ("2013-06", "2022-06", "2023-10", None)  # None: today, the map's first view


def wait_painted(page: Page) -> None:
    """The month the slider stands on is painted (and its labels placed)."""
    page.wait_for_function(
        "() => window.sahelMap && window.sahelMap.shown() !== null && String(window.sahelMap.shown())"
        " === document.querySelector('#year-slider [role=slider]').getAttribute('aria-valuenow')"
    )


@pytest.mark.parametrize("size", SIZES)
def test_lab001_no_label_collides_at_any_size(
    browser: Browser, recorder: Recorder, server: str, shapes: Shapes, size: str
):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on("pageerror", lambda error: recorder.console_errors.append(str(error)))
    try:
        for lang in ("en", "fr"):
            for date in DATES:
                query = f"?lang={lang}" + (f"&date={date}" if date else "")
                open_map(page, server + "/" + query)
                wait_painted(page)
                found = settled_label_clashes(page)
                where = f"{size} {lang} {date or 'today'}"
                assert found["problems"] == [], where
                assert found["markers"] > 0, where
                # Every focus country keeps its name on the map.
                for iso3 in FOCUS:
                    assert shapes.name(iso3, lang).upper() in found["labels"], (where, iso3, found["labels"])
        recorder.assert_clean()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_lab002_svg_snapshot_labels_do_not_collide(page: Page, server: str, lang: str):
    for date in ("2013-06", "2022-06", "2023-10"):
        for width in (600, 1200):
            url = f"{server}/snapshot/{date}.svg?lang={lang}&width={width}"
            status, body = fetch_image(url)
            assert status == 200, (url, status)
            svg = body.decode("utf-8")
            page.set_content(svg)
            found = label_clashes(page, None)
            assert found["problems"] == [], (url, found)
            assert found["markers"] > 0 and len(found["labels"]) >= 4, (url, found)


_OUTLINES = """
() => Array.from(document.querySelectorAll('#map g.trace.scattergeo'))
  .filter((g) => g.__data__ && g.__data__[0].trace.index >= 3 && g.style.display !== 'none')
  .map((g) => g.__data__[0].trace.name)
"""


def test_lab003_alliance_outlines_follow_the_months(page: Page, recorder: Recorder, server: str):
    open_map(page, server + "/?date=2023-08")
    wait_for_month(page, Period(2023, 8))
    assert page.evaluate(_OUTLINES) == ["G5S:BFA+NER+TCD"]  # Mali left the G5 in May 2022
    page.locator("#year-slider [role=slider]").focus()
    page.keyboard.press("ArrowRight")
    wait_for_month(page, Period(2023, 9))  # the Alliance of Sahel States, founded 16 September
    assert sorted(page.evaluate(_OUTLINES)) == ["AES:MLI+BFA+NER", "G5S:BFA+NER+TCD"]
    page.keyboard.press("Home")
    wait_for_month(page, Period(2012, 1))
    assert page.evaluate(_OUTLINES) == []  # before the G5 Sahel
    legend = page.locator("#legend .legend-more").text_content() or ""  # the part a laptop screen folds
    assert "Alliance of Sahel States" in legend and "G5 Sahel" in legend
    recorder.assert_clean()
