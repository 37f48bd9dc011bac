"""The embeddable view's slider: patch the map and the period, credit and link lines."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from data.context import AppData
from data.view import View, view_from_inputs
from layouts.embed import embed_figure, embed_texts
from layouts.ids import Id
from layouts.map_figure import as_patch, dark_patch, map_arrays_for, map_patch


def register(app: Dash, data: AppData) -> None:
    def shown(period: object, settings: object) -> View:
        settings = settings if isinstance(settings, dict) else {}
        return view_from_inputs(
            data.calendar(),
            period,
            settings.get("lang"),
            settings.get("country"),
            settings.get("lens"),
            settings.get("bases", True),
        )

    @app.callback(
        Output(Id.EMBED_MAP, "figure"),
        Output(Id.EMBED_YEAR, "children"),
        Output(Id.EMBED_REVIEW, "children"),
        Output(Id.EMBED_CREDIT, "children"),
        Output(Id.EMBED_FULL_LINK, "href"),
        Input(Id.EMBED_SLIDER, "value"),
        State(Id.EMBED_VIEW, "data"),
        State(Id.EMBED_THEME, "data"),
        prevent_initial_call=True,
    )
    def on_period(period, settings, theme):
        view = shown(period, settings)
        values = map_patch(map_arrays_for(data, view, compact=True))
        values = {path: value for path, value in values.items() if path[:2] != ("layout", "title")}
        if theme == "dark":
            values = dark_patch(values)
        period_line, review, credit, full_path = embed_texts(data, view)
        return as_patch(values), period_line, review, credit, full_path

    @app.callback(
        Output(Id.EMBED_MAP, "figure", allow_duplicate=True),
        Input(Id.EMBED_THEME, "data"),
        State(Id.EMBED_SLIDER, "value"),
        State(Id.EMBED_VIEW, "data"),
        prevent_initial_call=True,
    )
    def on_theme(theme, period, settings):
        """The map drawn again in the theme the reader's browser or the host page chose."""
        return embed_figure(data, shown(period, settings), "dark" if theme == "dark" else "light")
