"""Choosing a country: a click on the map or one of the country buttons."""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, ctx, no_update

from data.context import AppData
from geodata.names import FOCUS
from layouts.controls import ALL_COUNTRIES, pressed
from layouts.ids import Id


def clicked_country(click: object) -> str | None:
    try:
        location = click["points"][0]["location"]  # type: ignore[index]
    except (TypeError, KeyError, IndexError):
        return None
    return location if location in FOCUS else None


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.COUNTRY, "data", allow_duplicate=True),
        Input(Id.MAP, "clickData"),
        Input({"type": Id.COUNTRY_BUTTON, "country": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def choose(click, _clicks):
        trigger = ctx.triggered_id
        if isinstance(trigger, dict):
            if not ctx.triggered or not ctx.triggered[0]["value"]:
                return no_update  # buttons re-rendered, not pressed
            code = trigger.get("country")
            return None if code == ALL_COUNTRIES else code if code in FOCUS else no_update
        country = clicked_country(click)
        return country if country else no_update

    @app.callback(
        Output({"type": Id.COUNTRY_BUTTON, "country": ALL}, "aria-pressed"),
        Input(Id.COUNTRY, "data"),
        prevent_initial_call=True,
    )
    def show_pressed(country):
        codes = [item["id"]["country"] for item in ctx.outputs_list]
        return [pressed(code, country) for code in codes]
