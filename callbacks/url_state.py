"""Keep the address bar and the view in step: every view is a link, and back/forward restore views.

Two callbacks, one each way. A change of the controls writes the query string of the page's
`dcc.Location` (a new history entry). A change of the address read by a second `dcc.Location`
(back, forward) sets the controls. Two Location components keep the way from the slider to the map
free: if one callback both wrote the address and set the controls, Dash would hold every map update
until that callback had answered. The language is chosen by the page's links, which load the page
anew. The events table's search and filters are part of the address too: the table's callback
keeps its own parameters in `TABLE_QUERY`, and is handed an address's in `TABLE_ASKED`.

After back or forward the controls catch up with the address in steps (the country at once, the
month once the slider has rested), and an answer for an earlier address may still arrive: a write
in between would put a mixed view in the address and cut off the way forward. So while `FOLLOWING`
holds the address being followed, nothing is written until the month settled is the address's;
from then on, changes are the reader's again.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from data.context import AppData
from data.view import (
    TABLE_EXTRA,
    View,
    lang_from_input,
    parse_query,
    query_args,
    table_args,
    table_from_args,
    to_query,
    view_from_inputs,
)
from layouts.ids import Id
from layouts.table import query_data


def register(app: Dash, data: AppData) -> None:
    extras = (TABLE_EXTRA,)

    def address_view(search: str) -> View:
        return parse_query(query_args(search), data.calendar(), extras=extras, table=data.table_choices)

    @app.callback(
        Output(Id.PAGE_LOCATION, "search"),
        Output(Id.FOLLOWING, "data", allow_duplicate=True),
        Input(Id.SETTLED, "data"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        Input(Id.BASES, "value"),
        Input(Id.TABLE_QUERY, "data"),
        State(Id.PAGE_LOCATION, "search"),
        State(Id.LANG, "data"),
        State(Id.FOLLOWING, "data"),
        prevent_initial_call=True,
    )
    def write_address(period, country, lens, bases, table, search, lang, following):
        calendar = data.calendar()
        search = search if isinstance(search, str) else ""
        current = address_view(search)
        lang = current.lang if lang is None else lang_from_input(lang)
        view = view_from_inputs(calendar, period, lang, country, lens or current.lens, bases)
        view = view.with_(table=table_from_args(table_args(table), calendar, data.table_choices))
        caught_up = no_update
        if isinstance(following, str) and following == search:
            if view.period != current.period:
                return no_update, no_update  # the slider has not yet settled on the address's month
            caught_up = None
        # The same view in other words (`?year=2015` is `?date=2015-12`) is left as it is: rewriting
        # it would add a history entry and cut off the way forward after going back.
        if view == current.with_(lang=view.lang):
            return no_update, caught_up
        query = to_query(view, calendar, extras=extras)
        return (query if query != search else no_update), caught_up

    @app.callback(
        Output(Id.YEAR_SLIDER, "value", allow_duplicate=True),
        Output(Id.COUNTRY, "data", allow_duplicate=True),
        Output(Id.LENS, "value"),
        Output(Id.BASES, "value"),
        Output(Id.FOLLOWING, "data"),
        Output(Id.TABLE_ASKED, "data"),
        Input(Id.HISTORY_LOCATION, "search"),
        State(Id.YEAR_SLIDER, "value"),
        State(Id.COUNTRY, "data"),
        State(Id.LENS, "value"),
        State(Id.BASES, "value"),
        State(Id.TABLE_QUERY, "data"),
        prevent_initial_call=True,
    )
    def read_address(search, period, country, lens, bases, table):
        view = address_view(search if isinstance(search, str) else "")
        wanted_period = view.period.slider_value()
        wanted_bases = ["on"] if view.bases else []
        # The table's search and filters: set by the table's own callback (`callbacks.table`).
        wanted_table = query_data(view.table)
        return (
            wanted_period if wanted_period != period else no_update,
            view.country if view.country != country else no_update,
            view.lens if view.lens != lens else no_update,
            wanted_bases if wanted_bases != bases else no_update,
            search if isinstance(search, str) else None,
            wanted_table if wanted_table != table_args(table) else no_update,
        )
