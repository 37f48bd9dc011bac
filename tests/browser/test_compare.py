"""Two dates compared, as a reader meets them: side by side on a wide screen, one under the other on
a phone, in an article's embed, and from the map page's picker (test codes: cmp1xx)."""

from __future__ import annotations

from playwright.sync_api import Page

from data.state import Alignment
from layouts.map_figure import CHANGED_LINE_WIDTH
from layouts.theme import ALIGNMENT_COLOURS
from tests.browser.conftest import Recorder
from tests.browser.helpers import fills, open_map, rgb

QUERY = "?date=2021-12&compare=2024-12"


def open_compare(page: Page, url: str) -> None:
    page.goto(url)
    for graph in ("#compare-first", "#compare-second"):
        page.wait_for_function(
            "(graph) => document.querySelectorAll(graph + ' .choroplethlocation[fill]').length > 40",
            arg=graph,
        )


def outline_width(page: Page, graph: str, iso3: str) -> float:
    return page.evaluate(
        "([graph, iso3]) => parseFloat(Array.from(document.querySelectorAll(graph + ' .choroplethlocation'))"
        ".find(p => p.__data__.loc === iso3).style.strokeWidth)",
        [graph, iso3],
    )


def test_cmp101_side_by_side_on_a_wide_screen(page: Page, recorder: Recorder, server: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    open_compare(page, server + "/" + QUERY)
    first = page.locator("#compare-first").bounding_box()
    second = page.locator("#compare-second").bounding_box()
    assert first and second
    assert abs(first["y"] - second["y"]) < 2 and second["x"] >= first["x"] + first["width"]
    assert page.locator(".compare-figure figcaption").all_inner_texts() == [
        "31 December 2021",
        "31 December 2024",
    ]
    assert fills(page, "#compare-first")["MLI"] == rgb(ALIGNMENT_COLOURS[Alignment.FRANCE])
    assert fills(page, "#compare-second")["MLI"] == rgb(ALIGNMENT_COLOURS[Alignment.RUSSIA])
    for graph in ("#compare-first", "#compare-second"):  # what differs is outlined on both maps
        assert outline_width(page, graph, "MLI") == CHANGED_LINE_WIDTH
    changes = page.locator(".compare-changes li").all_inner_texts()
    assert changes[0] == "Mali: French forces → Russian forces, instructors or arms, 15 August 2022"
    assert len(changes) == 4
    # The comparison is shared as it is.
    page.locator("#compare-share > summary").click()
    link = page.locator("#compare-link")
    page.wait_for_function("() => document.querySelector('#compare-link').value.startsWith('http')")
    assert link.input_value() == f"{server}/{QUERY}"
    assert (
        f'src="{server}/embed{QUERY.replace("&", "&amp;")}"' in page.locator("#compare-embed").input_value()
    )
    page.locator('button[data-copy="compare-link"]').click()
    page.locator("#compare-status", has_text="Copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/{QUERY}"
    page.locator("#compare-cite > summary").click()  # cited with both dates and its address
    chicago = page.locator("#compare-cite-chicago").input_value()
    assert "Sahel, 31 December 2021 and 31 December 2024 Compared.”" in chicago
    assert chicago.endswith(f" {server}/{QUERY}.")
    bibtex = page.locator("#compare-cite-bibtex").input_value()
    assert f"url          = {{{server}/{QUERY}}}," in bibtex
    page.locator('button[data-copy="compare-cite-bibtex"]').click()
    page.wait_for_function("(text) => navigator.clipboard.readText().then((c) => c === text)", arg=bibtex)
    png = page.get_by_role("link", name="PNG")
    assert png.get_attribute("href") == "/snapshot/2021-12.png?compare=2024-12"
    # Other dates, by the form; and back to one map.
    page.get_by_label("Second date").select_option("2023-10")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(f"{server}/?date=2021-12&compare=2023-10")
    open_compare(page, page.url)
    assert any(text.startswith("Niger: French forces → French withdrawal under way") for text in
               page.locator(".compare-changes li").all_inner_texts())  # fmt: skip
    page.get_by_role("link", name="Back to one map").click()
    open_map(page, page.url)
    assert page.url == f"{server}/?date=2021-12"
    recorder.assert_clean()


def test_cmp102_one_under_the_other_on_a_phone(phone_page: Page, recorder: Recorder, server: str):
    open_compare(phone_page, server + "/" + QUERY + "&lang=fr")
    first = phone_page.locator("#compare-first").bounding_box()
    second = phone_page.locator("#compare-second").bounding_box()
    assert first and second
    assert second["y"] >= first["y"] + first["height"] and first["width"] <= 390
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sideways
    assert (
        "Comparaison du 31 décembre 2021 et du 31 décembre 2024"
        in phone_page.locator("h2").first.inner_text()
    )
    recorder.assert_clean()


def test_cmp103_the_embed_of_a_comparison(browser, recorder: Recorder, server: str):
    context = browser.new_context(viewport={"width": 600, "height": 900})
    page = context.new_page()
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on("pageerror", lambda error: recorder.console_errors.append(str(error)))
    open_compare(page, server + "/embed" + QUERY)
    assert page.locator("#embed-year").inner_text() == "31 December 2021 and 31 December 2024 compared"
    assert page.locator(".compare-changes li").count() == 4
    assert page.locator("#embed-credit").inner_text().startswith("Source: Sahel Realignment Map")
    assert page.get_by_role("link", name="Open the full map").get_attribute("href") == "/" + QUERY
    context.close()
    recorder.assert_clean()


def test_cmp104_compare_with_from_the_map_page(page: Page, recorder: Recorder, server: str):
    open_map(page, server + "/?date=2022-03&lens=RUS")
    page.locator("#compare-pick").click()
    page.keyboard.type("December 2024")
    page.get_by_role("option", name="December 2024", exact=True).click()
    page.wait_for_url(f"{server}/?date=2022-03&compare=2024-12&lens=RUS")
    open_compare(page, page.url)
    assert page.locator("#legend, .legend").first.inner_text().startswith("Presence of Russia")
    recorder.assert_clean()
