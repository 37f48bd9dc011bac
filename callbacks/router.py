"""Render the page for the address it was opened with (query parameters are only known in the
browser): the page comes from the registry (`callbacks.pages`), the view from the address."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from callbacks.pages import find_page
from data.context import AppData
from data.view import parse_query, query_args
from layouts import theme
from layouts.ids import Id


def register(app: Dash, data: AppData) -> None:
    topojson_url = app.get_asset_url("topojson/")

    @app.callback(
        Output(Id.PAGE, "children"),
        Input(Id.LOCATION, "pathname"),
        State(Id.LOCATION, "search"),
    )
    def render(pathname, search):
        page = find_page(pathname)
        args = query_args(search if isinstance(search, str) else "")
        view = parse_query(
            args,
            data.calendar(),
            extras=page.extras,
            steps=len(data.dataset.story),
            table=data.table_choices,
        )
        return page.layout(data, view, topojson_url)

    # <html lang> follows the page's language (screen readers pick their voice from it).
    app.clientside_callback(
        "function (lang) { if (lang) { document.documentElement.lang = lang; } return lang; }",
        Output(Id.DOC_LANG, "children"),
        Input(Id.LANG, "data"),
    )

    # Phones get a map framed on the four countries, with shorter labels, and a timeline of small
    # multiples. Set only when it differs from what the page came with (a wide screen), so a wide
    # screen asks nothing more.
    app.clientside_callback(
        "function (path, compact) {"
        f" var now = window.innerWidth < {theme.COMPACT_MAX_WIDTH};"
        " return now === (compact === true) ? window.dash_clientside.no_update : now; }",
        Output(Id.COMPACT, "data"),
        Input(Id.PAGE_LOCATION, "pathname"),
        State(Id.COMPACT, "data"),
    )
