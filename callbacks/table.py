"""The events table's filters, and the CSV downloads of the data files. The table is first filled
when its section comes near the screen (`TABLE_SHOWN`), not with the page; the server sends its
rows as data and `assets/table.js` writes them into the page."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State
from flask import Response, abort

from callbacks.caching import cached, release_etag
from data.context import AppData
from data.i18n import t
from data.view import DOWNLOAD_PREFIX, lang_from_input
from layouts.ids import Id
from layouts.table import ALL, DOWNLOADS, events_rows, filter_events, table_year


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.TABLE_ROWS, "data"),
        Output(Id.TABLE_COUNT, "children"),
        Input(Id.TABLE_COUNTRY, "value"),
        Input(Id.TABLE_YEAR, "value"),
        Input(Id.TABLE_PARTNER, "value"),
        Input(Id.TABLE_SHOWN, "data"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def filter_table(country, year, partner, _shown, lang):
        lang = lang_from_input(lang)
        chosen = filter_events(
            data.dataset.events,
            None if country in (None, ALL) else country,
            table_year(year, data.calendar()),
            None if partner in (None, ALL) else partner,
        )
        return events_rows(data, chosen, lang), t("table.count", lang, count=len(chosen))

    app.clientside_callback(
        ClientsideFunction("table", "render"),
        Output(Id.TABLE_BODY, "aria-busy"),
        Input(Id.TABLE_ROWS, "data"),
        prevent_initial_call=True,
    )

    @app.server.route(DOWNLOAD_PREFIX + "<name>.csv")
    def download(name: str) -> Response:
        # The files as loaded and validated at start (from `--data`), never the disk as it is now:
        # what the map shows is what a reader downloads. Its tag is the data release's.
        body = data.downloads.get(name) if name in DOWNLOADS else None
        if body is None:
            abort(404)
        # Kept, but asked again (a 304 when unchanged).
        response = cached(release_etag(data), "no-cache", lambda: Response(body, mimetype="text/csv"))
        response.headers["Content-Disposition"] = f'attachment; filename="sahel-realignment-{name}.csv"'
        return response
