"""The embed's themes and the share dialog's embed builder, driven in Chromium (test codes: emb)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

from layouts import theme
from tests.browser.conftest import Recorder
from tests.browser.helpers import open_map

ROOT_THEME = "() => document.documentElement.getAttribute('data-theme')"


def wait_for_paper(target, colour: str) -> None:
    target.wait_for_function(
        "(c) => { const g = document.querySelector('#embed-map .js-plotly-plot');"
        " return g && g.layout && g.layout.paper_bgcolor === c; }",
        arg=colour,
    )


def test_emb101_dark_light_and_auto(browser: Browser, recorder: Recorder, server: str):
    context = browser.new_context(viewport={"width": 640, "height": 700}, color_scheme="dark")
    page = context.new_page()
    page.on("console", lambda m: recorder.console_errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda request: recorder.requests.append(request.url))
    try:
        page.goto(f"{server}/embed?date=2022-07&theme=dark")
        wait_for_paper(page, theme.DARK_BACKGROUND)
        assert page.evaluate(ROOT_THEME) == "dark"
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(21, 25, 28)"  # the dark theme's ground
        # A month step keeps the dark borders: Mali's border of change is light, the others dark.
        page.locator("[role=slider]").focus()
        page.keyboard.press("ArrowRight")
        page.locator("#embed-year").filter(has_text="31 August 2022").wait_for()
        colours = page.evaluate(
            "() => document.querySelector('#embed-map .js-plotly-plot').data[0].marker.line.color"
        )
        assert theme.WHITE not in colours and theme.DARK_STRONG in colours
        # `auto` follows the reader's setting (dark in this browser) and the light one.
        page.goto(f"{server}/embed?date=2022-07&theme=auto")
        wait_for_paper(page, theme.DARK_BACKGROUND)
        page.emulate_media(color_scheme="light")
        wait_for_paper(page, theme.WHITE)
        assert page.evaluate(ROOT_THEME) == "light"
        # A comparison's embed is drawn dark by the server.
        page.goto(f"{server}/embed?date=2021-12&compare=2024-12&theme=dark")
        page.wait_for_function(
            "(c) => ['#compare-first', '#compare-second'].every((s) => {"
            " const g = document.querySelector(s + ' .js-plotly-plot');"
            " return g && g.layout && g.layout.paper_bgcolor === c; })",
            arg=theme.DARK_BACKGROUND,
        )
        assert page.evaluate(ROOT_THEME) == "dark"
        page.goto(f"{server}/embed?date=2022-07&theme=purple")
        page.locator("#notice").filter(has_text="is not a theme").wait_for()
        wait_for_paper(page, theme.WHITE)
        recorder.assert_clean()
    finally:
        context.close()


def article(folder: Path, name: str, code: str, script: str = "") -> str:
    head = '<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head>'
    (folder / name).write_text(
        f"{head}<body><h1>An article</h1>{code}{script}</body></html>", encoding="utf-8"
    )
    return name


def test_emb102_the_builders_code_renders_its_options_on_another_site(
    page: Page, recorder: Recorder, server: str, host_site
):
    host, folder = host_site
    open_map(page, f"{server}/?date=2023-10")
    page.locator("#share > summary").click()
    page.locator(".embed-builder summary").click()
    code = page.locator("#share-embed")
    page.wait_for_function("() => document.querySelector('#share-embed').value.includes('date=2023-10')")
    page.get_by_label("a fixed month").check()
    page.locator("#share-embed-month:not([disabled])").click()  # enabled for a fixed month
    page.get_by_placeholder("Search").fill("June 2019")
    page.get_by_role("option", name="June 2019", exact=True).click()
    page.get_by_label("Month slider in the embed").uncheck()
    page.get_by_label("Français").check()
    page.get_by_label("dark").check()
    page.locator("#share-embed-height").fill("520")
    page.locator("#share-embed-height").press("Enter")
    page.wait_for_function(
        "(parts) => parts.every((p) => document.querySelector('#share-embed').value.includes(p))",
        arg=["date=2019-06", "controls=0", "theme=dark", "lang=fr", "height:520px"],
    )
    # The preview shows the same embed.
    preview = page.frame_locator("#share-preview")
    preview.locator("#embed-year").filter(has_text="Situation au 30 juin 2019").wait_for()
    assert code.input_value().count("<script>") == 1

    page.goto(f"{host}/{article(folder, 'dark.html', code.input_value())}")
    frame = page.frame_locator("iframe")
    frame.locator("#embed-year").filter(has_text="Situation au 30 juin 2019").wait_for()
    embed = next(f for f in page.frames if f.url.startswith(f"{server}/embed"))
    embed.wait_for_function(
        "(c) => document.querySelector('#embed-map .js-plotly-plot').layout.paper_bgcolor === c",
        arg=theme.DARK_BACKGROUND,
    )
    assert (
        embed.evaluate(ROOT_THEME) == "dark" and embed.evaluate("() => document.documentElement.lang") == "fr"
    )
    assert not frame.locator("#embed-slider").is_visible()
    # The host page sets the theme by message.
    page.evaluate(
        "() => document.querySelector('iframe').contentWindow"
        ".postMessage({type: 'sahel-map:theme', theme: 'light'}, '*')"
    )
    embed.wait_for_function(
        "(c) => document.querySelector('#embed-map .js-plotly-plot').layout.paper_bgcolor === c",
        arg=theme.WHITE,
    )

    # The plain frame: one line, no script, the chosen height.
    page.goto(f"{server}/?date=2023-10")
    page.locator("#share > summary").click()
    page.locator(".embed-builder summary").click()
    page.get_by_label("Plain frame, no script (for sites that remove scripts; the height is fixed)").check()
    page.wait_for_function("() => !document.querySelector('#share-embed').value.includes('<script>')")
    plain = code.input_value()
    assert plain.startswith("<iframe") and "\n" not in plain and "height:640px" in plain
    page.goto(f"{host}/{article(folder, 'plain.html', plain)}")
    page.frame_locator("iframe").locator("#embed-year").filter(has_text="31 October 2023").wait_for()
    assert page.locator("iframe").bounding_box()["height"] == 640
    recorder.assert_clean()
    assert all(url.startswith((host, server, "data:", "about:")) for url in recorder.requests)
