"""The year moves: rewrite the panel's summary, changes and events."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from layouts.context import AppData
from layouts.i18n import Lang, t
from layouts.ids import Id
from layouts.panel import changes_list, events_list
from layouts.summary import year_summary


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.SUMMARY, "children"),
        Output(Id.CHANGES, "children"),
        Output(Id.EVENTS_TITLE, "children"),
        Output(Id.EVENTS, "children"),
        Input(Id.YEAR_SLIDER, "value"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def on_year(year, lang: Lang):
        year = int(year)
        on = data.as_of(year)
        return (
            year_summary(data.shapes, data.states(year), year, on, lang),
            changes_list(data.shapes, data.changes(year), lang),
            t("panel.events_title", lang, year=year),
            events_list(data.dataset, data.dataset.events_in_year(year), lang),
        )
