"""Previous / next / play: they move the period slider, which drives everything else."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from data.context import AppData
from data.i18n import t
from data.period import Calendar, Period
from data.view import lang_from_input
from layouts.ids import Id


def step_period(
    period: Period, trigger: str | None, playing: bool, calendar: Calendar
) -> tuple[Period, bool]:
    """The next slider period and whether playback goes on, for a button press or a timer tick."""
    if trigger == Id.PREV:
        return calendar.step(period, -1), False
    if trigger == Id.NEXT:
        return calendar.step(period, 1), False
    if trigger == Id.PLAY:
        if playing:
            return period, False
        return (calendar.first if period >= calendar.last else period), True
    if trigger == Id.PLAY_TIMER and playing:
        following = calendar.step(period, 1)
        return following, following < calendar.last
    return period, playing


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.YEAR_SLIDER, "value"),
        Output(Id.PLAY_TIMER, "disabled"),
        Output(Id.PLAY, "children"),
        Input(Id.PREV, "n_clicks"),
        Input(Id.NEXT, "n_clicks"),
        Input(Id.PLAY, "n_clicks"),
        Input(Id.PLAY_TIMER, "n_intervals"),
        State(Id.YEAR_SLIDER, "value"),
        State(Id.PLAY_TIMER, "disabled"),
        State(Id.LANG, "data"),
        prevent_initial_call=True,
    )
    def on_control(_prev, _next, _play, _tick, value, timer_disabled, lang):
        calendar = data.calendar()
        period = calendar.from_slider(value) or calendar.last
        new_period, playing = step_period(period, ctx.triggered_id, not timer_disabled, calendar)
        lang = lang_from_input(lang)
        label = ("⏸ " + t("year.pause", lang)) if playing else ("▶ " + t("year.play", lang))
        new_value = new_period.slider_value()
        return (new_value if new_value != value else no_update, not playing, label)
