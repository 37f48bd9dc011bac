"""Briefing mode, driven as a briefing officer does it: keys and a clicker's PageUp/PageDown
(test codes: prs1xx)."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Page

from data.loader import DATA_DIR, load_dataset
from data.period import Calendar
from tests.browser.conftest import Recorder

STORY = load_dataset(DATA_DIR).story


def open_present(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(".present .choroplethlocation").nth(40).wait_for(state="attached")


def wait_step(page: Page, step: int, lang: str = "en") -> None:
    text = f"Step {step} of {len(STORY)}" if lang == "en" else f"Étape {step} sur {len(STORY)}"
    page.locator(".present-progress").filter(has_text=text).wait_for()
    caption = getattr(STORY[step - 1], f"caption_{lang}")
    page.locator(".present-caption").filter(has_text=caption).wait_for()
    assert page.locator(".present-year").inner_text() == str(STORY[step - 1].date.year)


def test_prs101_keys_move_through_the_story(page: Page, recorder: Recorder, server: str):
    open_present(page, f"{server}/present")
    wait_step(page, 1)
    assert "Serval" in page.locator(".present-caption").inner_text()
    assert page.locator(".present-date").inner_text() == "11 January 2013"
    assert page.locator(".present-source").inner_text().startswith("Sources: ")
    for key, step in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2)]:
        page.keyboard.press(key)
        wait_step(page, step)
    assert page.url.endswith("/present?step=2")
    page.keyboard.press("End")
    wait_step(page, len(STORY))
    page.keyboard.press("PageDown")  # past the end: stays
    page.wait_for_timeout(300)
    wait_step(page, len(STORY))
    page.keyboard.press("Home")
    wait_step(page, 1)
    recorder.assert_clean()


def test_prs102_language_play_and_leave(page: Page, recorder: Recorder, server: str):
    step = next(i for i, s in enumerate(STORY, start=1) if s.date.year == 2025 and s.date.month == 9)
    open_present(page, f"{server}/present?step={step}")
    wait_step(page, step)
    page.keyboard.press("l")
    wait_step(page, step, "fr")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.url.endswith(f"/present?step={step}&lang=fr")
    page.keyboard.press("L")
    wait_step(page, step)

    page.keyboard.press("Home")
    wait_step(page, 1)
    page.keyboard.press("p")
    page.locator(".present-progress").filter(has_text="playing the years").wait_for()
    page.locator(".present-year").filter(has_text="2014").wait_for(timeout=10_000)
    assert page.locator(".present-caption").inner_text().startswith("On 31 December 2014 — ")
    page.keyboard.press("P")
    page.locator(".present-progress").filter(has_text="paused").wait_for()
    paused_on = page.locator(".present-year").inner_text()
    page.wait_for_timeout(2500)
    assert page.locator(".present-year").inner_text() == paused_on

    page.keyboard.press("Escape")
    shown = Calendar.until(dt.date.today()).year_end(int(paused_on))
    page.wait_for_url(f"{server}/?date={shown.token()}")
    page.locator("#year-display").filter(has_text=shown.label("en")).wait_for()
    recorder.assert_clean()


def test_prs103_full_screen_and_a_bad_step(page: Page, recorder: Recorder, server: str):
    open_present(page, f"{server}/present?step=5")
    wait_step(page, 5)
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement !== null")
    page.keyboard.press("F")
    page.wait_for_function("() => document.fullscreenElement === null")
    open_present(page, f"{server}/present?step=<b>99</b>")
    wait_step(page, 1)
    notice = page.locator("#notice")
    assert "is not a step of the story" in notice.inner_text() and notice.locator("b").count() == 0
    recorder.assert_clean()


def test_prs104_large_type_at_both_sizes(page: Page, recorder: Recorder, server: str):
    smallest = """() => Math.min(...Array.from(document.querySelectorAll('.present *'))
        .filter(el => Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(el => parseFloat(getComputedStyle(el).fontSize)))"""
    for width, height in ((1920, 1080), (1280, 720)):
        page.set_viewport_size({"width": width, "height": height})
        for lang in ("en", "fr"):
            open_present(page, f"{server}/present?step=8&lang={lang}")
            wait_step(page, 8, lang)
            assert page.evaluate(smallest) >= 16, (width, lang)
            assert page.evaluate("document.documentElement.scrollHeight") <= height  # nothing to scroll
            caption = page.locator(".present-caption").bounding_box()
            assert caption is not None and caption["y"] + caption["height"] <= height
    recorder.assert_clean()
