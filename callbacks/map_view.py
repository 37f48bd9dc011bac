"""The map follows the view. A year step is drawn in the browser from `MAP_FRAMES` (every year's
arrays for the current lens, country and bases), with no round trip to the server; a change of lens,
country, bases or screen size asks the server for new frames and a new legend."""

from __future__ import annotations

import functools

from dash import ClientsideFunction, Dash, Input, Output, State

from layouts.context import AppData
from layouts.ids import Id
from layouts.page import legend, map_frames_for
from layouts.url_state import ViewState, view_from_inputs


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
        frames = cached_frames(view, compact is True, data.clock())
        return frames, legend(data, view.lens, view.lang)

    # Every page load asks for the default frames (about 75 ms of work): keep recent ones per app.
    # The date is part of the key, since the current year's map is drawn as of today.
    @functools.lru_cache(maxsize=32)
    def cached_frames(view: ViewState, compact: bool, today: object) -> dict[str, object]:
        return map_frames_for(data, view, compact=compact)

    app.clientside_callback(
        ClientsideFunction("map", "year"),
        Output(Id.MAP, "figure"),
        Output(Id.YEAR_DISPLAY, "children"),
        Output(Id.AS_OF, "children"),
        Input(Id.YEAR_SLIDER, "value"),
        Input(Id.MAP_FRAMES, "data"),
        prevent_initial_call=True,
    )
