"""The view changes: rewrite the panel (the period's overview, or the selected country's story)."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from data.context import AppData
from data.view import view_from_inputs
from layouts.ids import Id
from layouts.panel import panel_content


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.PANEL, "children"),
        Input(Id.SETTLED, "data"),
        Input(Id.COUNTRY, "data"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def on_view(period, country, lang):
        return panel_content(data, view_from_inputs(data.calendar(), period, lang, country))
