"""The map page's "Compare with…": the month picked, beside the view on screen, on its own page."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from data.context import AppData
from data.view import map_url, view_from_inputs
from layouts.ids import Id


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.COMPARE_GO, "href"),
        Input(Id.COMPARE_PICK, "value"),
        State(Id.SETTLED, "data"),
        State(Id.COUNTRY, "data"),
        State(Id.LENS, "value"),
        State(Id.BASES, "value"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def compare_with(picked, period, country, lens, bases, lang):
        calendar = data.calendar()
        other = calendar.parse(picked) if isinstance(picked, str) and len(picked) <= 10 else None
        if other is None:
            return no_update
        view = view_from_inputs(calendar, period, lang, country, lens, bases)
        return map_url(view.with_(compare=other), calendar)
