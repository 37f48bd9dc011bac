"""Briefing mode: a key (from assets/present.js) or a play tick moves the story; the map is patched."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from data.context import AppData
from data.present import ACTIONS, PresentState, moment, present_search, present_step
from layouts.ids import Id
from layouts.map_figure import as_patch, map_patch
from layouts.present import present_arrays, present_text

OUTPUTS = 6


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.PRESENT_STATE, "data"),
        Output(Id.PRESENT_MAP, "figure"),
        Output(Id.PRESENT_TEXT, "children"),
        Output(Id.PRESENT_TIMER, "disabled"),
        Output(Id.PRESENT_LOCATION, "search"),
        Output(Id.LANG, "data"),
        Input(Id.PRESENT_KEY, "data"),
        Input(Id.PRESENT_TIMER, "n_intervals"),
        State(Id.PRESENT_STATE, "data"),
        prevent_initial_call=True,
    )
    def on_key(key, _tick, raw_state):
        story, calendar = data.dataset.story, data.calendar()
        if not story:
            return (no_update,) * OUTPUTS
        if ctx.triggered_id == Id.PRESENT_TIMER:
            action = "tick"
        else:
            action = key.get("action") if isinstance(key, dict) else None
            if action not in ACTIONS:
                return (no_update,) * OUTPUTS
        state = PresentState.from_dict(raw_state, len(story), calendar)
        new = present_step(state, action, story, calendar)
        if new == state:
            return (no_update,) * OUTPUTS
        shown = moment(data, new)
        values = {
            path: v
            for path, v in map_patch(present_arrays(data, shown, new.lang)).items()
            if path[0] == "data"
        }
        return (
            new.as_dict(),
            as_patch(values),
            present_text(data, shown, new),
            not new.playing,
            present_search(new, calendar),
            new.lang,
        )
