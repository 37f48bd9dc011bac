"""The share dialog: its links (made by the server, picked in the browser), copy buttons, and
images of the current view made in the browser."""

from __future__ import annotations

import flask
from dash import ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from data.context import AppData
from data.i18n import t
from data.presets import DEFAULT_PRESET, PNG_SCALE, PRESETS
from data.view import SnapshotRequest, view_from_inputs
from layouts.ids import Id
from layouts.picture import preset_figure
from publish.address import site_address


def register(app: Dash, data: AppData) -> None:
    app.clientside_callback(
        ClientsideFunction("share", "addresses"),
        Output(Id.SHARE_LINK, "value"),
        Output(Id.SHARE_EMBED, "value"),
        Output(Id.SHARE_CSV, "href"),
        Output(Id.SHARE_SERVER_PNG, "href"),
        Output(Id.SHARE_SERVER_SVG, "href"),
        Output(Id.SHARE_SERVER_TXT, "href"),
        Input(Id.MAP_FRAMES, "data"),
        Input(Id.SETTLED, "data"),
        State(Id.SHARE_TEXT, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("share", "copy"),
        Output(Id.SHARE_STATUS, "children"),
        Input(Id.SHARE_COPY_LINK, "n_clicks"),
        Input(Id.SHARE_COPY_EMBED, "n_clicks"),
        State(Id.SHARE_TEXT, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("share", "download"),
        Output(Id.SHARE_STATUS, "children", allow_duplicate=True),
        Input(Id.SHARE_IMAGE, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(Id.SHARE_IMAGE, "data"),
        Input(Id.SHARE_PNG, "n_clicks"),
        Input(Id.SHARE_SVG, "n_clicks"),
        State(Id.SETTLED, "data"),
        State(Id.COUNTRY, "data"),
        State(Id.LENS, "value"),
        State(Id.BASES, "value"),
        State(Id.LANG, "data"),
        State(Id.SHARE_PRESET, "value"),
        prevent_initial_call=True,
    )
    def image(_png, _svg, period, country, lens, bases, lang, preset):
        if ctx.triggered_id not in (Id.SHARE_PNG, Id.SHARE_SVG):
            return no_update
        view = view_from_inputs(data.calendar(), period, lang, country, lens, bases)
        fmt = "png" if ctx.triggered_id == Id.SHARE_PNG else "svg"
        name = preset if isinstance(preset, str) and preset in PRESETS else DEFAULT_PRESET
        request = SnapshotRequest(view=view, fmt=fmt, scale=PNG_SCALE if fmt == "png" else 1, preset=name)
        # The picture the server would draw for this preset; the browser adds the shapes it
        # already has (the largest part) and draws it.
        picture, composition = preset_figure(data, view, PRESETS[name], site_address(flask.request.host_url))
        figure = picture.to_plotly_json()
        figure["data"][0].pop("geojson", None)
        return {
            "format": fmt,
            "filename": request.filename(),
            "width": composition.width,
            "height": composition.height,
            "scale": request.scale,
            "figure": figure,
            "done": t("share.saved", view.lang, name=request.filename()),
        }
