"""The view changes (year, country, lens, bases): patch the map's arrays and the readouts."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from layouts.context import AppData
from layouts.i18n import Lang, format_date, t
from layouts.ids import Id
from layouts.map_figure import as_patch, map_patch
from layouts.page import legend, map_arrays_for
from layouts.url_state import view_from_inputs


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.MAP, "figure"),
        Output(Id.LEGEND, "children"),
        Output(Id.YEAR_DISPLAY, "children"),
        Output(Id.AS_OF, "children"),
        Input(Id.YEAR_SLIDER, "value"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        Input(Id.BASES, "value"),
        Input(Id.COMPACT, "data"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def on_view(year, country, lens, bases, compact, lang: Lang):
        if ctx.triggered_id == Id.COMPACT and not compact:
            return no_update, no_update, no_update, no_update  # a wide screen keeps the map it was sent
        view = view_from_inputs(data.years(), year, lang, country, lens, bases)
        arrays = map_arrays_for(data, view, compact=compact is True)
        patch = as_patch(map_patch(arrays))
        on = data.as_of(view.year)
        as_of_text = t("map.as_of", view.lang, date=format_date(on, view.lang))
        return patch, legend(data, view.lens, view.lang), str(view.year), as_of_text
