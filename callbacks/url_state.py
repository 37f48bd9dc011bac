"""Keep the address bar and the view in step: every view is a link, and back/forward restore views.

One callback both ways: a change of the controls writes the query string (a new history entry);
a change of the address (back, forward) sets the controls. The language is chosen by the page's
links, which load the page anew.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from layouts.context import AppData
from layouts.ids import Id
from layouts.url_state import parse_query, query_args, to_query, view_from_inputs


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.PAGE_LOCATION, "search"),
        Output(Id.YEAR_SLIDER, "value", allow_duplicate=True),
        Output(Id.COUNTRY, "data", allow_duplicate=True),
        Output(Id.LENS, "value"),
        Output(Id.BASES, "value"),
        Input(Id.PAGE_LOCATION, "search"),
        Input(Id.YEAR_SLIDER, "value"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        Input(Id.BASES, "value"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def sync(search, year, country, lens, bases, lang):
        years = data.years()
        search = search if isinstance(search, str) else ""
        if ctx.triggered_id == Id.PAGE_LOCATION:
            view = parse_query(query_args(search), years)
            return (
                no_update,
                view.year if view.year != year else no_update,
                view.country if view.country != country else no_update,
                view.lens if view.lens != lens else no_update,
                ["on"] if view.bases else [],
            )
        current = parse_query(query_args(search), years)
        view = view_from_inputs(
            years, year, current.lang if lang is None else lang, country, lens or current.lens, bases
        )
        query = to_query(view, years)
        return (query if query != (search or "") else no_update), no_update, no_update, no_update, no_update
