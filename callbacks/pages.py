"""The site's pages in one table, which drives the router, the validation layout, the registration
of callbacks and the framing headers.

Adding a page: write its layout (a function of the data, the view and the topojson address), and
its callbacks module if it has any, then add one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from dash.development.base_component import Component

from callbacks import (
    compare,
    country,
    embed,
    map_view,
    panel,
    present,
    share,
    table,
    timeline,
    url_state,
)
from data.context import AppData
from data.view import (
    DATA_CHANGES_PATH,
    EMBED_PATH,
    MAP_PATH,
    METHODOLOGY_PATH,
    NOTES_PATH,
    PRESENT_PATH,
    SNAPSHOT_PREFIX,
    TABLE_EXTRA,
    View,
)
from layouts.embed import embed_page
from layouts.methodology import data_changes_page, methodology_page, not_found_page
from layouts.page import map_page
from layouts.present import notes_page, present_page

Layout = Callable[[AppData, View, str], Component]


@dataclass(frozen=True)
class Page:
    path: str
    layout: Layout
    features: tuple[ModuleType, ...] = ()  # callbacks modules, each with `register(app, data)`
    extras: tuple[str, ...] = ()  # the page's own query parameters (see `data.view.EXTRAS`)
    framable: bool = False  # other sites may show it in a frame


PAGES: tuple[Page, ...] = (
    Page(
        MAP_PATH,
        map_page,
        (url_state, country, map_view, panel, timeline, table, share, compare),
        extras=(TABLE_EXTRA,),
    ),
    Page(EMBED_PATH, embed_page, (embed,), extras=("controls", "theme"), framable=True),
    Page(PRESENT_PATH, present_page, (present,), extras=("step",)),
    Page(NOTES_PATH, notes_page, (present,), extras=("step",)),
    Page(METHODOLOGY_PATH, methodology_page),
    Page(DATA_CHANGES_PATH, data_changes_page),
)
NOT_FOUND = Page("", not_found_page)
# Addresses outside the pages that other sites may frame: the snapshots.
FRAMABLE_PREFIXES: tuple[str, ...] = (SNAPSHOT_PREFIX,)


def find_page(pathname: object) -> Page:
    """The page for an address's path (`/embed/` is `/embed`), or the not-found page."""
    path = (pathname.rstrip("/") or "/") if isinstance(pathname, str) else MAP_PATH
    return next((page for page in PAGES if page.path == path), NOT_FOUND)


def framable(path: str) -> bool:
    """May another site show this address in a frame?"""
    page = find_page(path)
    return (page is not NOT_FOUND and page.framable) or path.startswith(FRAMABLE_PREFIXES)


def page_features() -> tuple[ModuleType, ...]:
    """Every page's callbacks modules, each once, in table order."""
    seen: dict[str, ModuleType] = {}
    for page in PAGES:
        for feature in page.features:
            seen.setdefault(feature.__name__, feature)
    return tuple(seen.values())
