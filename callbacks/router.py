"""Render the page for the address it was opened with (query parameters are only known client-side)."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from layouts import theme
from layouts.context import AppData
from layouts.embed import embed_page, parse_controls
from layouts.ids import Id
from layouts.page import EMBED_PATH, METHODOLOGY_PATH, PRESENT_PATH, methodology, not_found, page
from layouts.present import parse_step, present_page
from layouts.url_state import parse_query, query_args


def register(app: Dash, data: AppData) -> None:
    topojson_url = app.get_asset_url("topojson/")

    @app.callback(
        Output(Id.PAGE, "children"),
        Input(Id.LOCATION, "pathname"),
        State(Id.LOCATION, "search"),
    )
    def render(pathname: str | None, search: str | None):
        pathname = pathname if isinstance(pathname, str) else "/"
        search = search if isinstance(search, str) else ""
        args = query_args(search)
        view = parse_query(args, data.years())
        path = (pathname or "/").rstrip("/") or "/"
        if path == "/":
            return page(data, view, topojson_url)
        if path == EMBED_PATH:
            controls, notices = parse_controls(args)
            view = view.with_(notices=view.notices + tuple(notices))
            return embed_page(data, view, controls, topojson_url)
        if path == PRESENT_PATH:
            step, notices = parse_step(args, len(data.dataset.story))
            return present_page(data, step, view.lang, topojson_url, list(view.notices) + notices)
        if path == METHODOLOGY_PATH:
            return methodology(data, view)
        return not_found(data, view)

    # <html lang> follows the page's language (screen readers pick their voice from it).
    app.clientside_callback(
        "function (lang) { if (lang) { document.documentElement.lang = lang; } return lang; }",
        Output(Id.DOC_LANG, "children"),
        Input(Id.LANG, "data"),
    )

    # Phones get a map framed on the four countries, with shorter labels.
    app.clientside_callback(
        f"function (path) {{ return window.innerWidth < {theme.COMPACT_MAX_WIDTH}; }}",
        Output(Id.COMPACT, "data"),
        Input(Id.PAGE_LOCATION, "pathname"),
    )
