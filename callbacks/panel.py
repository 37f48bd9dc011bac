"""The view changes: rewrite the panel (the period's overview, or the selected country's story).

A step within the same year rewrites only the panel's first part (`Patch`): the year's events stay
as they are, which keeps the browser's work small while the months go by. The key of what the
second part shows is kept in the page (`PANEL_KEY`), not in the server."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, no_update

from data.context import AppData
from data.view import view_from_inputs
from layouts.ids import Id
from layouts.panel import panel_content, panel_key, panel_now, panel_parts


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.PANEL, "children"),
        Output(Id.PANEL_KEY, "data"),
        Input(Id.SETTLED, "data"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        State(Id.LANG, "data"),
        State(Id.PANEL_KEY, "data"),
        prevent_initial_call=True,
    )
    def on_view(period, country, lens, lang, shown):
        view = view_from_inputs(data.calendar(), period, lang, country, lens)
        key = panel_key(view)
        if key == shown:
            patch = Patch()
            patch[0] = panel_now(panel_parts(data, view)[0])
            return patch, no_update
        return panel_content(data, view), key
