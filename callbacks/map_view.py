"""The map follows the view. A year step is drawn in the browser from `MAP_FRAMES` (every year's
arrays for the current lens, country and bases), with no round trip to the server; a change of lens,
country, bases or screen size asks the server for new frames and a new legend."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State

from layouts.context import AppData
from layouts.ids import Id
from layouts.page import legend, map_frames_for
from layouts.url_state import view_from_inputs


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.MAP_FRAMES, "data"),
        Output(Id.LEGEND, "children"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        Input(Id.BASES, "value"),
        Input(Id.COMPACT, "data"),
        State(Id.LANG, "data"),
    )
    def frames(country, lens, bases, compact, lang):
        view = view_from_inputs(data.years(), None, lang, country, lens, bases)
        return map_frames_for(data, view, compact=compact is True), legend(data, view.lens, view.lang)

    app.clientside_callback(
        ClientsideFunction("map", "year"),
        Output(Id.MAP, "figure"),
        Output(Id.YEAR_DISPLAY, "children"),
        Output(Id.AS_OF, "children"),
        Input(Id.YEAR_SLIDER, "value"),
        Input(Id.MAP_FRAMES, "data"),
        prevent_initial_call=True,
    )
