"""Small helpers for reading what the map shows."""

from __future__ import annotations

from playwright.sync_api import Page

from data.i18n import Lang
from data.period import Period

FOCUS = ("MLI", "BFA", "NER", "TCD")

_FILLS = """
(selector) => Object.fromEntries(
  Array.from(document.querySelectorAll(selector + ' .choroplethlocation'))
    .filter(path => path.__data__ && path.__data__.loc)
    .map(path => [path.__data__.loc, path.getAttribute('fill')])
)
"""


def rgb(hex_colour: str) -> str:
    """A colour as the browser reports a fill: `rgb(r, g, b)`."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def open_map(page: Page, url: str, selector: str = "#map") -> None:
    """Open a page of the app and wait until the countries are drawn."""
    page.goto(url)
    page.wait_for_function(
        "(selector) => document.querySelectorAll(selector + ' .choroplethlocation[fill]').length > 40",
        arg=selector,
    )


def fills(page: Page, selector: str = "#map") -> dict[str, str]:
    """The fill colour of every drawn country, by ISO3 code."""
    return page.evaluate(_FILLS, selector)


def shown_period(page: Page) -> str:
    """The period written large beside the slider: "December 2023"."""
    return page.locator("#year-display").inner_text()


def slider_value(page: Page) -> int:
    return int(page.locator("#year-slider [role=slider]").get_attribute("aria-valuenow") or "0")


def wait_for_month(page: Page, period: Period, lang: Lang = "en") -> None:
    """Wait until the map shows `period`: the slider on its month, the month painted and named."""
    page.wait_for_function(
        "([value, label]) => window.sahelMap && window.sahelMap.shown() === value"
        " && document.querySelector('#year-display').textContent === label",
        arg=[period.slider_value(), period.label(lang)],
    )
