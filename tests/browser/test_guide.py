"""How to read the map: the "?" beside the legend opens the reading guide, by keyboard and by
click, in both languages, on a laptop's screen (test codes: gui)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from data.i18n import t
from layouts.guide import GUIDE_KEYS
from tests.browser.helpers import open_map


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_gui101_the_reading_guide_opens_from_the_legends_question_mark(laptop_page, recorder, server, lang):
    page = laptop_page
    open_map(page, f"{server}/?date=2023-10&lang={lang}")
    legend = page.locator("#legend")
    toggle = legend.locator("#guide-toggle")
    guide = page.locator("#reading-guide")
    expect(guide).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_attribute("aria-controls", "reading-guide")
    expect(toggle).to_have_accessible_name(t("guide.title", lang))
    closed = legend.bounding_box()
    assert closed and closed["height"] <= 40, closed  # the "?" keeps the legend to one row

    # By keyboard: Tab from the legend's title reaches the "?", Enter opens the guide.
    legend.locator(".legend-title").first.click()
    page.keyboard.press("Tab")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(guide).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    for key in GUIDE_KEYS:
        expect(guide).to_contain_text(t(key, lang))
    box = guide.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= closed["y"], (box, closed)
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    # The next Tab reaches its link to the methodology; Escape closes it, the focus back on the "?".
    link = guide.get_by_role("link", name=t("guide.more", lang))
    page.keyboard.press("Tab")
    expect(link).to_be_focused()
    assert link.get_attribute("href") == ("/methodology" if lang == "en" else "/methodology?lang=fr")
    page.keyboard.press("Escape")
    expect(guide).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Space")
    expect(guide).to_be_visible()
    page.keyboard.press("Escape")
    expect(guide).to_be_hidden()

    # By click: a click opens it, a second click closes it; so does a click elsewhere.
    toggle.click()
    expect(guide).to_be_visible()
    expect(guide).to_contain_text(t("guide.limits", lang))
    toggle.click()
    expect(guide).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(guide).to_be_visible()
    page.locator("#year-display").click()
    expect(guide).to_be_hidden()
    recorder.assert_clean()
