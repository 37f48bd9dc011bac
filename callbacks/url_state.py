"""Keep the address bar and the view in step: every view is a link, and back/forward restore views.

Two callbacks, one each way. A change of the controls writes the query string of the page's
`dcc.Location` (a new history entry). A change of the address read by a second `dcc.Location`
(back, forward) sets the controls. Two Location components keep the way from the slider to the map
free: if one callback both wrote the address and set the controls, Dash would hold every map update
until that callback had answered. The language is chosen by the page's links, which load the page
anew.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from data.context import AppData
from data.view import lang_from_input, parse_query, query_args, to_query, view_from_inputs
from layouts.ids import Id


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.PAGE_LOCATION, "search"),
        Input(Id.SETTLED, "data"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        Input(Id.BASES, "value"),
        State(Id.PAGE_LOCATION, "search"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def write_address(period, country, lens, bases, search, lang):
        calendar = data.calendar()
        search = search if isinstance(search, str) else ""
        current = parse_query(query_args(search), calendar)
        lang = current.lang if lang is None else lang_from_input(lang)
        view = view_from_inputs(calendar, period, lang, country, lens or current.lens, bases)
        # The same view in other words (`?year=2015` is `?date=2015-12`) is left as it is: rewriting
        # it would add a history entry and cut off the way forward after going back.
        if view == current.with_(lang=view.lang):
            return no_update
        query = to_query(view, calendar)
        return query if query != search else no_update

    @app.callback(
        Output(Id.YEAR_SLIDER, "value", allow_duplicate=True),
        Output(Id.COUNTRY, "data", allow_duplicate=True),
        Output(Id.LENS, "value"),
        Output(Id.BASES, "value"),
        Input(Id.HISTORY_LOCATION, "search"),
        State(Id.YEAR_SLIDER, "value"),
        State(Id.COUNTRY, "data"),
        State(Id.LENS, "value"),
        State(Id.BASES, "value"),
        prevent_initial_call=True,
    )
    def read_address(search, period, country, lens, bases):
        view = parse_query(query_args(search if isinstance(search, str) else ""), data.calendar())
        wanted_period = view.period.slider_value()
        wanted_bases = ["on"] if view.bases else []
        return (
            wanted_period if wanted_period != period else no_update,
            view.country if view.country != country else no_update,
            view.lens if view.lens != lens else no_update,
            wanted_bases if wanted_bases != bases else no_update,
        )
