"""Small helpers for reading what the map shows."""

from __future__ import annotations

from playwright.sync_api import Page

FOCUS = ("MLI", "BFA", "NER", "TCD")

_FILLS = """
() => Object.fromEntries(
  Array.from(document.querySelectorAll('#map .choroplethlocation'))
    .filter(path => path.__data__ && path.__data__.loc)
    .map(path => [path.__data__.loc, path.getAttribute('fill')])
)
"""


def open_map(page: Page, url: str) -> None:
    """Open a page of the app and wait until the countries are drawn."""
    page.goto(url)
    page.wait_for_function("() => document.querySelectorAll('#map .choroplethlocation[fill]').length > 40")


def fills(page: Page) -> dict[str, str]:
    """The fill colour of every drawn country, by ISO3 code."""
    return page.evaluate(_FILLS)


def shown_year(page: Page) -> str:
    return page.locator("#year-display").inner_text()


def wait_for_year(page: Page, year: int) -> None:
    page.wait_for_function(
        "(year) => document.querySelector('#year-display').textContent === String(year)"
        " && document.querySelector('#map .gtitle').textContent.startsWith(String(year))",
        arg=year,
    )
