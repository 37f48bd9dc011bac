"""The view changes: rewrite the panel (the year's overview, or the selected country's story)."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from layouts.context import AppData
from layouts.i18n import Lang
from layouts.ids import Id
from layouts.page import panel_content


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.PANEL, "children"),
        Input(Id.YEAR_SLIDER, "value"),
        Input(Id.COUNTRY, "data"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def on_view(year, country, lang: Lang):
        return panel_content(data, int(year), country, lang)
