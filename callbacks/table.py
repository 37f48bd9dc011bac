"""The events table's filters, and the CSV downloads of the data files. The table is first filled
when its section comes near the screen (`TABLE_SHOWN`), not with the page."""

from __future__ import annotations

from dash import Dash, Input, Output, State
from flask import abort, send_file

from data.context import AppData
from data.i18n import t
from data.loader import DATA_DIR
from data.view import DOWNLOAD_PREFIX, lang_from_input
from layouts.ids import Id
from layouts.table import ALL, DOWNLOADS, events_markdown, filter_events, table_year


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.TABLE_BODY, "children"),
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
        return events_markdown(data, chosen, lang), t("table.count", lang, count=len(chosen))

    @app.server.route(DOWNLOAD_PREFIX + "<name>.csv")
    def download(name: str):
        # The validated files, byte for byte: what the map shows is what a reader downloads.
        if name not in DOWNLOADS:
            abort(404)
        return send_file(
            DATA_DIR / f"{name}.csv",
            mimetype="text/csv",
            as_attachment=True,
            download_name=f"sahel-realignment-{name}.csv",
        )
