"""The partnership timeline: redrawn for a country, its cursor moved with the year; a click on a
bar or marker moves the map to that year."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, ctx, no_update

from layouts.context import AppData
from layouts.i18n import Lang, t
from layouts.ids import Id
from layouts.timeline import clicked_year, cursor_shape, timeline_figure
from layouts.url_state import view_from_inputs


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.TIMELINE, "figure"),
        Output(Id.TIMELINE_TITLE, "children"),
        Input(Id.COUNTRY, "data"),
        Input(Id.YEAR_SLIDER, "value"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def draw(country, year, lang: Lang):
        view = view_from_inputs(data.years(), year, lang, country)
        country, lang = view.country, view.lang
        on = data.as_of(view.year)
        if ctx.triggered_id == Id.YEAR_SLIDER:
            patch = Patch()
            patch["layout"]["shapes"][0] = cursor_shape(on)
            return patch, no_update
        title = (
            t("timeline.title_country", lang, country=data.shapes.name(country, lang))
            if country
            else t("timeline.title", lang)
        )
        return timeline_figure(data.dataset, data.shapes, country, on, data.clock(), lang), title

    @app.callback(
        Output(Id.YEAR_SLIDER, "value", allow_duplicate=True),
        Input(Id.TIMELINE, "clickData"),
        prevent_initial_call=True,
    )
    def jump(click):
        year = clicked_year(click, data.years())
        return year if year is not None else no_update
