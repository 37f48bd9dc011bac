"""The partnership timeline: redrawn for a country, its labelled cursor moved to the month shown once
the slider rests. A click on it moves the map to the month clicked (in the browser: assets/map.js)."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, ctx, no_update

from data.context import AppData
from data.view import lang_from_input, view_from_inputs
from layouts.ids import Id
from layouts.timeline import cursor_label, cursor_shape, timeline_figure, timeline_title


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.TIMELINE, "figure"),
        Output(Id.TIMELINE_TITLE, "children"),
        Input(Id.COUNTRY, "data"),
        Input(Id.SETTLED, "data"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def draw(country, period, lang):
        view = view_from_inputs(data.calendar(), period, lang, country)
        if ctx.triggered_id == Id.SETTLED:
            on = data.as_of(view.period)
            patch = Patch()
            patch["layout"]["shapes"][0] = cursor_shape(on)
            patch["layout"]["annotations"][0] = cursor_label(on, lang_from_input(lang))
            return patch, no_update
        return timeline_figure(data, view), timeline_title(data, view)
