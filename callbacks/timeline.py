"""The partnership timeline: redrawn for a country, and as small multiples on a phone. Its labelled
cursor follows the month shown once the slider rests, and a click on it moves the map to the month
clicked; both in the browser (assets/map.js, from the frames' `on` and `on_text`)."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from data.context import AppData
from data.view import view_from_inputs
from layouts.ids import Id
from layouts.timeline import timeline_figure, timeline_title


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.TIMELINE, "figure"),
        Output(Id.TIMELINE_TITLE, "children"),
        Input(Id.COUNTRY, "data"),
        Input(Id.COMPACT, "data"),
        State(Id.SETTLED, "data"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def draw(country, compact, period, lang):
        view = view_from_inputs(data.calendar(), period, lang, country)
        return timeline_figure(data, view, compact=compact is True), timeline_title(data, view)
