"""The share dialog: its links (made by the server, picked in the browser), copy buttons, the
view's citation (written while "Cite this view" is open), and images of the current view made in
the browser."""

from __future__ import annotations

import math

import flask
from dash import ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from data.cite import citation, read_accessed
from data.context import AppData
from data.i18n import LANGS, t
from data.presets import DEFAULT_PRESET, PNG_SCALE, PRESETS
from data.view import THEMES, SnapshotRequest, parse_query, read_int, view_from_inputs
from layouts.ids import Id
from layouts.picture import preset_figure
from layouts.share import CITE_FIELDS, EMBED_HEIGHT, ORIGIN, EmbedChoice, built_embed
from publish.address import site_address


def register(app: Dash, data: AppData) -> None:
    app.clientside_callback(
        ClientsideFunction("share", "addresses"),
        Output(Id.SHARE_LINK, "value"),
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
        *(Input(button_id, "n_clicks") for _, _, button_id in CITE_FIELDS),
        State(Id.SHARE_TEXT, "data"),
        prevent_initial_call=True,
    )

    # The citation is written only while "Cite this view" is open in the open dialog: a step of
    # the slider with either closed asks for nothing.
    app.clientside_callback(
        ClientsideFunction("share", "citeAsk"),
        Output(Id.SHARE_CITE_ASK, "data"),
        Input(Id.SETTLED, "data"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        Input(Id.BASES, "value"),
        Input(Id.LANG, "data"),
        Input(Id.SHARE, "n_clicks"),
        Input(Id.SHARE_CITE, "n_clicks"),
        State(Id.SHARE_CITE_ASK, "data"),
    )

    @app.callback(
        Output(Id.SHARE_CITE_BUILT, "data"), Input(Id.SHARE_CITE_ASK, "data"), prevent_initial_call=True
    )
    def cite(asked):
        """The view's citations, its address after the placeholder the browser replaces with the
        site's (as for the other links); dated with the reader's day."""
        if not isinstance(asked, list) or len(asked) != 6:
            return no_update
        period, country, lens, bases, lang, accessed = asked
        view = view_from_inputs(data.calendar(), period, lang, country, lens, bases)
        return citation(data, view, ORIGIN, read_accessed(accessed, data.today())).as_dict()

    app.clientside_callback(
        ClientsideFunction("share", "cite"),
        *(Output(field_id, "value") for _, field_id, _ in CITE_FIELDS),
        Input(Id.SHARE_CITE_BUILT, "data"),
        State(Id.SHARE_TEXT, "data"),
    )

    # The embed's settings go to the server only while the share dialog is open: a step of the
    # slider with the dialog closed asks for nothing.
    app.clientside_callback(
        ClientsideFunction("share", "ask"),
        Output(Id.SHARE_EMBED_ASK, "data"),
        Input(Id.SETTLED, "data"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        Input(Id.BASES, "value"),
        Input(Id.LANG, "data"),
        Input(Id.SHARE_EMBED_DATE, "value"),
        Input(Id.SHARE_EMBED_MONTH, "value"),
        Input(Id.SHARE_EMBED_OPTIONS, "value"),
        Input(Id.SHARE_EMBED_LANG, "value"),
        Input(Id.SHARE_EMBED_THEME, "value"),
        Input(Id.SHARE_EMBED_HEIGHT, "value"),
        Input(Id.SHARE, "n_clicks"),
        State(Id.SHARE_EMBED_ASK, "data"),
    )

    @app.callback(Output(Id.SHARE_EMBED_BUILT, "data"), Input(Id.SHARE_EMBED_ASK, "data"))
    def embed(asked):
        """The embed code and preview for the dialog's options (the address's origin is added in
        the browser, as for the other links)."""
        if not isinstance(asked, list) or len(asked) != 11:
            return no_update
        period, country, lens, bases, lang, date_mode, month, options, embed_lang, theme, height = asked
        calendar = data.calendar()
        view = view_from_inputs(calendar, period, lang, country, lens, bases)
        options = options if isinstance(options, list) else []
        fixed = None
        if date_mode == "fixed" and isinstance(month, str):
            chosen = parse_query({"date": month}, calendar)
            fixed = None if chosen.notices else chosen.period
        least, most, default = EMBED_HEIGHT
        if isinstance(height, (int, float)) and not isinstance(height, bool) and math.isfinite(height):
            size: int | None = int(height)
        else:
            size = read_int(height) if isinstance(height, str) else None
        choice = EmbedChoice(
            fixed=fixed,
            controls="controls" in options,
            lang=embed_lang if isinstance(embed_lang, str) and embed_lang in LANGS else None,
            theme=theme if isinstance(theme, str) and theme in THEMES else "light",
            height=min(most, max(least, size)) if size is not None else default,
            plain="plain" in options,
        )
        return built_embed(data, view, choice)

    app.clientside_callback(
        ClientsideFunction("share", "fixedMonth"),
        Output(Id.SHARE_EMBED_MONTH, "disabled"),
        Input(Id.SHARE_EMBED_DATE, "value"),
    )
    app.clientside_callback(
        ClientsideFunction("share", "embed"),
        Output(Id.SHARE_EMBED, "value"),
        Output(Id.SHARE_PREVIEW, "src"),
        Output(Id.SHARE_PREVIEW, "style"),
        Input(Id.SHARE_EMBED_BUILT, "data"),
        State(Id.SHARE_TEXT, "data"),
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
