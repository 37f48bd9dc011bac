"""The map follows the view. The server sends `MAP_FRAMES` (every month's map for the current lens,
country, bases and screen size, dictionary-encoded, with the share dialog's links) and the legend;
plotly draws the slider's month from them (`map.draw`), and stepping through months is done in the
browser by `assets/map.js` with no round trip."""

from __future__ import annotations

import datetime as dt
import functools
import json

from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from data.context import AppData
from data.view import View, methodology_url, view_from_inputs
from layouts.controls import slider_marks
from layouts.ids import Id
from layouts.legend import legend, legend_html
from layouts.map_figure import map_frames
from layouts.share import share_links

CACHE_SIZE = 32  # settings of lens, country, bases, language and screen


def frames_with_links(data: AppData, view: View, compact: bool) -> dict[str, object]:
    frames = map_frames(data, view, compact=compact)
    periods = frames["periods"]
    for period in data.calendar():
        periods[str(period.slider_value())]["links"] = share_links(data, view.with_(period=period))  # type: ignore[index]
    if frames["day"] is not None:
        frames["day"]["links"] = share_links(data, view)  # type: ignore[index]
    return frames


def register(app: Dash, data: AppData) -> None:
    # Every page load asks for the frames of its settings (tens of milliseconds of work): keep
    # recent ones per app. The date is part of the key: the period under way is drawn as of today.
    @functools.lru_cache(maxsize=CACHE_SIZE)
    def cached_frames(view: View, compact: bool, today: dt.date) -> dict[str, object]:
        return frames_with_links(data, view, compact)

    @app.callback(
        Output(Id.MAP_FRAMES, "data"),
        Output(Id.LEGEND, "children"),
        Output(Id.YEAR_SLIDER, "marks"),
        Input(Id.COUNTRY, "data"),
        Input(Id.LENS, "value"),
        Input(Id.BASES, "value"),
        Input(Id.COMPACT, "data"),
        State(Id.LANG, "data"),
        State(Id.SETTLED, "data"),
        State(Id.YEAR_SLIDER, "marks"),
    )
    def frames(country, lens, bases, compact, lang, settled, shown_marks):
        calendar = data.calendar()
        view = view_from_inputs(calendar, settled, lang, country, lens, bases)
        if view.period.day is None:  # the frames are the same whatever the month
            view = view.with_(period=calendar.last)
        frames = cached_frames(view, compact is True, data.today())
        # The slider's bold years and ticks follow the lens, and are sent only when they differ
        # from those shown: a slider given new marks is drawn again, and loses the keyboard's focus.
        marks = slider_marks(calendar, data.turning_periods(view.lens))
        if json.loads(json.dumps(marks)) == shown_marks:
            marks = no_update
        model = legend(data.dataset, view.lens, view.lang, guide_href=methodology_url(view))
        return frames, legend_html(model, foldable=True), marks

    app.clientside_callback(
        ClientsideFunction("map", "draw"),
        Output(Id.MAP, "figure"),
        Input(Id.MAP_FRAMES, "data"),
        State(Id.YEAR_SLIDER, "value"),
        prevent_initial_call=True,
    )
