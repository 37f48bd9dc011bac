"""The partnership timeline: redrawn for a country, its cursor moved with the period; a click on a
bar or marker moves the map to that period."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, ctx, no_update

from data.context import AppData
from data.view import view_from_inputs
from layouts.ids import Id
from layouts.timeline import clicked_period, cursor_shape, timeline_figure, timeline_title


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.TIMELINE, "figure"),
        Output(Id.TIMELINE_TITLE, "children"),
        Input(Id.COUNTRY, "data"),
        Input(Id.YEAR_SLIDER, "value"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def draw(country, period, lang):
        view = view_from_inputs(data.calendar(), period, lang, country)
        if ctx.triggered_id == Id.YEAR_SLIDER:
            patch = Patch()
            patch["layout"]["shapes"][0] = cursor_shape(data.as_of(view.period))
            return patch, no_update
        return timeline_figure(data, view), timeline_title(data, view)

    @app.callback(
        Output(Id.YEAR_SLIDER, "value", allow_duplicate=True),
        Input(Id.TIMELINE, "clickData"),
        prevent_initial_call=True,
    )
    def jump(click):
        period = clicked_period(click, data.calendar())
        return period.slider_value() if period is not None else no_update
