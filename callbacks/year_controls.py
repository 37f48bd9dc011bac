"""Previous / next / play: they move the year slider, which drives everything else."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from layouts.context import AppData
from layouts.i18n import Lang, t
from layouts.ids import Id
from layouts.url_state import coerce_year


def step_year(year: int, trigger: str | None, playing: bool, years: range) -> tuple[int, bool]:
    """The next slider value and whether playback goes on, for a button press or a timer tick."""
    first, last = years[0], years[-1]
    if trigger == Id.PREV:
        return max(first, year - 1), False
    if trigger == Id.NEXT:
        return min(last, year + 1), False
    if trigger == Id.PLAY:
        if playing:
            return year, False
        return (first if year >= last else year), True
    if trigger == Id.PLAY_TIMER and playing:
        following = min(last, year + 1)
        return following, following < last
    return year, playing


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
    def on_control(_prev, _next, _play, _tick, year, timer_disabled, lang: Lang):
        years = data.years()
        was_playing = not timer_disabled
        new_year, playing = step_year(coerce_year(year, years), ctx.triggered_id, was_playing, years)
        lang = "fr" if lang == "fr" else "en"
        label = ("⏸ " + t("year.pause", lang)) if playing else ("▶ " + t("year.play", lang))
        return (
            new_year if new_year != year else no_update,
            not playing,
            label,
        )
