"""Briefing mode: a key (from assets/present.js) or a play tick moves the story; the map is patched.
The presenter's notes window moves with the same keys, and either window follows the other's state
(`{"action": "sync", "state": ...}`, sent by assets/present.js from a `BroadcastChannel`)."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from data.context import AppData
from data.present import ACTIONS, PresentState, moment, present_search, present_step
from layouts.ids import Id
from layouts.map_figure import as_patch, map_patch
from layouts.present import closed_patch, notes_text, present_arrays, present_text

OUTPUTS = 6


def next_state(data: AppData, key: object, raw_state: object, tick: bool = False) -> PresentState | None:
    """The state after a key, a tick or the other window's state; None when nothing changes."""
    story, calendar = data.dataset.story, data.calendar()
    if not story:
        return None
    state = PresentState.from_dict(raw_state, len(story), calendar)
    action = "tick" if tick else (key.get("action") if isinstance(key, dict) else None)
    if action == "sync" and isinstance(key, dict):
        new = PresentState.from_dict(key.get("state"), len(story), calendar)
    elif action in ACTIONS:
        new = present_step(state, action, story, calendar)
    else:
        return None
    return None if new == state else new


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
        new = next_state(data, key, raw_state, tick=ctx.triggered_id == Id.PRESENT_TIMER)
        if new is None:
            return (no_update,) * OUTPUTS
        shown = moment(data, new)
        arrays = present_arrays(data, shown, new.lang, new.bases)
        values = {path: v for path, v in map_patch(arrays).items() if path[0] == "data"}
        values |= closed_patch(shown, arrays, new.lang)
        return (
            new.as_dict(),
            as_patch(values),
            present_text(data, shown, new),
            not new.playing,
            present_search(new, data.calendar()),
            new.lang,
        )

    @app.callback(
        Output(Id.NOTES_STATE, "data"),
        Output(Id.NOTES_TEXT, "children"),
        Output(Id.NOTES_LOCATION, "search"),
        Output(Id.LANG, "data", allow_duplicate=True),
        Input(Id.NOTES_KEY, "data"),
        State(Id.NOTES_STATE, "data"),
        prevent_initial_call=True,
    )
    def on_notes_key(key, raw_state):
        new = next_state(data, key, raw_state)
        if new is None:
            return (no_update,) * 4
        return new.as_dict(), notes_text(data, new), present_search(new, data.calendar()), new.lang
