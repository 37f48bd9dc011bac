"""Briefing mode: a key (from assets/present.js) or a play tick moves the story; the map is patched."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from layouts.context import AppData
from layouts.ids import Id
from layouts.map_figure import as_patch, map_patch
from layouts.present import ACTIONS, PresentState, present_step, present_text, present_view


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
        story, years = data.dataset.story, data.years()
        if not story:
            return (no_update,) * 6
        if ctx.triggered_id == Id.PRESENT_TIMER:
            action = "tick"
        else:
            action = key.get("action") if isinstance(key, dict) else None
            if action not in ACTIONS:
                return (no_update,) * 6
        state = PresentState.from_dict(raw_state, len(story), years)
        new = present_step(state, action, story, years)
        if new == state:
            return (no_update,) * 6
        view = present_view(data, new)
        values = {path: v for path, v in map_patch(view.arrays).items() if path[0] == "data"}
        search = f"?step={new.step}" + ("&lang=fr" if new.lang == "fr" else "")
        return (
            new.as_dict(),
            as_patch(values),
            present_text(data, view, new),
            not new.playing,
            search,
            new.lang,
        )
