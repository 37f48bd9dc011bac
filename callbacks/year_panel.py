"""The view changes: rewrite the panel (the year's overview, or the selected country's story)."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from layouts.context import AppData
from layouts.i18n import Lang
from layouts.ids import Id
from layouts.page import panel_content
from layouts.url_state import view_from_inputs


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.PANEL, "children"),
        Input(Id.YEAR_SLIDER, "value"),
        Input(Id.COUNTRY, "data"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def on_view(year, country, lang: Lang):
        view = view_from_inputs(data.years(), year, lang, country)
        return panel_content(data, view.year, view.country, view.lang)
