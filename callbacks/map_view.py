"""The year moves: patch the map's per-country arrays and the year readouts (shapes stay put)."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, ctx, no_update

from layouts.context import AppData
from layouts.i18n import Lang, format_date, t
from layouts.ids import Id
from layouts.map_figure import map_arrays


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.MAP, "figure"),
        Output(Id.YEAR_DISPLAY, "children"),
        Output(Id.AS_OF, "children"),
        Input(Id.YEAR_SLIDER, "value"),
        Input(Id.COMPACT, "data"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def on_year(year, compact, lang: Lang):
        if ctx.triggered_id == Id.COMPACT and not compact:
            return no_update, no_update, no_update  # a wide screen keeps the map it was sent
        year = int(year)
        on = data.as_of(year)
        arrays = map_arrays(
            data.shapes, data.states(year), data.changes(year), year, on, lang, compact=bool(compact)
        )
        patch = Patch()
        patch["data"][0]["z"] = arrays.z
        patch["data"][0]["marker"]["line"]["width"] = arrays.line_width
        patch["data"][0]["marker"]["line"]["color"] = arrays.line_colour
        patch["data"][0]["hovertext"] = arrays.hover
        patch["data"][1]["text"] = arrays.labels
        patch["data"][1]["textfont"]["size"] = arrays.label_sizes
        patch["layout"]["geo"]["lonaxis"]["range"] = list(arrays.lon_range)
        patch["layout"]["geo"]["lataxis"]["range"] = list(arrays.lat_range)
        patch["layout"]["title"]["text"] = arrays.title
        return patch, str(year), t("map.as_of", lang, date=format_date(on, lang))
