"""Terms explained where they appear, as a student meets them (test codes: glo1xx)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from data.glossary import definition
from tests.browser.conftest import Recorder
from tests.browser.helpers import open_map


def test_glo101_a_term_in_the_panel_shows_its_definition_on_focus(
    page: Page, recorder: Recorder, server: str
):
    for lang, name in (("en", "Operation Barkhane"), ("fr", "Opération Barkhane")):
        page.set_viewport_size({"width": 1280, "height": 720})
        open_map(page, f"{server}/?date=2016-06&country=MLI&lang={lang}")
        link = page.locator("#panel .partners .term-link", has_text=name).first
        link.wait_for()
        tip = page.locator("#" + link.get_attribute("aria-describedby"))
        expect(tip).to_be_hidden()
        link.focus()  # as a keyboard reaches it
        expect(tip).to_be_visible()
        expect(tip).to_have_text(definition("barkhane", lang))
        box, width = tip.bounding_box(), page.viewport_size["width"]
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width  # inside the window
        page.keyboard.press("Enter")  # the link leads to the entry on the methodology page
        page.wait_for_url("**/methodology*#glossary-barkhane")
        entry = page.locator("dt#glossary-barkhane")
        expect(entry).to_have_class("term-target")  # marked, and brought into view
        expect(entry).to_be_in_viewport()
    recorder.assert_clean()


def test_glo102_the_briefing_caption_links_its_terms(page: Page, recorder: Recorder, server: str):
    page.goto(f"{server}/present?step=1")
    link = page.locator(".present-caption .term-link", has_text="Serval")
    link.wait_for()
    link.hover()
    expect(page.locator("#" + link.get_attribute("aria-describedby"))).to_have_text(
        definition("serval", "en")
    )
    recorder.assert_clean()


def test_glo103_a_term_in_the_events_table_links_its_entry(page: Page, recorder: Recorder, server: str):
    open_map(page, f"{server}/?q=takuba&lang=fr")
    page.locator("#data").scroll_into_view_if_needed()
    link = page.locator("#table-body tbody .term-link", has_text="Takuba").first
    link.wait_for()
    assert link.get_attribute("href") == "/methodology?lang=fr#glossary-takuba"
    tip = page.locator("#" + link.get_attribute("aria-describedby"))
    expect(tip).to_be_hidden()
    link.focus()
    expect(tip).to_have_text(definition("takuba", "fr"))
    expect(tip).to_be_visible()
    # Each row links an entry once, and every tooltip's id is unique on the page.
    ids = page.eval_on_selector_all("[role=tooltip].term-tip", "tips => tips.map(t => t.id)")
    assert ids and len(ids) == len(set(ids))
    recorder.assert_clean()
