"""Briefing mode (/present): the map full screen with a guided story of the key moments.

The story is `data/story.csv`. A `PresentState` says what is on screen: a step of the story, or a
year while playing through the years (P). `present_step` moves it for a key; `present_view` gives
the map arrays and the text for it. Keys are read by `assets/present.js`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go
from dash import dcc, html

from data.schema import StoryStep
from data.state import active_bases, region_state
from geodata.names import FOCUS
from layouts import theme
from layouts.context import AppData
from layouts.i18n import LANGS, Lang, format_date, t
from layouts.ids import Id
from layouts.map_figure import MapArrays, build_figure, map_arrays
from layouts.page import map_graph, notices
from layouts.snapshot import credit_line
from layouts.summary import year_summary
from layouts.url_state import ViewState

ACTIONS = ("next", "prev", "first", "last", "play", "lang", "tick")
LABEL_SCALE = 1.5  # map labels read from the back of the room
SELECTED_WIDTH = 8.0  # the step's country, outlined so the room sees it
PLAY_INTERVAL_MS = 2000

Notice = tuple[str, dict[str, object]]


@dataclass(frozen=True)
class PresentState:
    step: int  # 1-based, into the story
    lang: Lang = "en"
    year: int | None = None  # while playing through the years: the year on screen
    playing: bool = False

    def as_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, raw: object, n_steps: int, years: range) -> PresentState:
        """Read the state the browser holds, repairing anything out of range."""
        raw = raw if isinstance(raw, Mapping) else {}
        step = raw.get("step")
        step = step if isinstance(step, int) and 1 <= step <= n_steps else 1
        year = raw.get("year")
        year = year if isinstance(year, int) and year in years else None
        lang: Lang = "fr" if raw.get("lang") == "fr" else "en"
        return cls(step=step, lang=lang, year=year, playing=bool(raw.get("playing")) and year is not None)


def parse_step(args: Mapping[str, str], n_steps: int) -> tuple[int, list[Notice]]:
    """`?step=N` (1 to the story's length); anything else opens step 1 with a notice."""
    raw = args.get("step")
    if raw is None or n_steps == 0:
        return 1, []
    text = raw.strip()
    if text.isascii() and text.isdigit() and 1 <= int(text) <= n_steps:
        return int(text), []
    return 1, [("notice.bad_step", {"value": " ".join(raw.split())[:40], "last": n_steps})]


def present_step(
    state: PresentState, action: str, story: tuple[StoryStep, ...], years: range
) -> PresentState:
    """The state after a key press (or a tick of the play timer)."""
    n = len(story)
    if action == "lang":
        return dataclasses.replace(state, lang=LANGS[(LANGS.index(state.lang) + 1) % len(LANGS)])
    if action in ("next", "prev", "first", "last"):
        step = {
            "next": min(n, state.step + 1),
            "prev": max(1, state.step - 1),
            "first": 1,
            "last": n,
        }[action]
        return PresentState(step=step, lang=state.lang)
    if action == "play":
        if state.playing:
            return dataclasses.replace(state, playing=False)
        year = state.year if state.year is not None else story[state.step - 1].date.year
        if year >= years[-1]:
            year = years[0]
        return dataclasses.replace(state, year=year, playing=True)
    if action == "tick" and state.playing and state.year is not None:
        year = min(years[-1], state.year + 1)
        return dataclasses.replace(state, year=year, playing=year < years[-1])
    return state


@dataclass(frozen=True)
class PresentView:
    arrays: MapArrays
    year: str
    date: str
    caption: str
    source: str
    progress: str
    leave: str  # the main map at the same date


def _source_line(data: AppData, step: StoryStep, lang: Lang) -> str:
    sources = [data.dataset.sources[s] for s in step.source_ids if s in data.dataset.sources]
    parts = [f"{s.publisher}, {format_date(s.published, lang)}" for s in sources[:3]]
    if len(sources) > 3:
        parts.append(t("present.more_sources", lang, count=len(sources) - 3))
    return t("present.sources", lang) + " " + " · ".join(parts)


def present_view(data: AppData, state: PresentState) -> PresentView:
    story = data.dataset.story
    lang = state.lang
    step = story[state.step - 1]
    if state.year is None:
        on, selected = step.date, step.country
        caption = getattr(step, f"caption_{lang}")
        source = _source_line(data, step, lang)
        year = step.date.year
    else:
        year = state.year
        on, selected = data.as_of(year), None
        states = region_state(data.dataset.partnerships, FOCUS, on)
        caption = year_summary(data.shapes, states, year, on, lang)
        source = credit_line(data, ViewState(year=year, lang=lang))
    states = region_state(data.dataset.partnerships, FOCUS, on)
    arrays = map_arrays(
        data.shapes,
        data.dataset,
        states,
        (),
        year,
        on,
        lang,
        selected=selected,
        bases=active_bases(data.dataset.bases, on),
    )
    arrays = dataclasses.replace(
        arrays,
        label_sizes=[round(size * LABEL_SCALE) for size in arrays.label_sizes],
        line_width=[
            SELECTED_WIDTH if code == selected else width
            for code, width in zip(arrays.locations, arrays.line_width, strict=True)
        ],
    )
    progress = t("present.progress", lang, step=state.step, count=len(story))
    if state.year is not None:
        progress += " · " + t("present.playing" if state.playing else "present.paused", lang)
    leave = f"/?year={year}" + ("&lang=fr" if lang == "fr" else "")
    if selected:
        leave += f"&country={selected}"
    return PresentView(arrays, str(year), format_date(on, lang), caption, source, progress, leave)


def present_legend(lang: Lang) -> list:
    """The five colours only: nothing on this map is outlined as changed, and neighbours are obvious."""
    items = [
        html.Li(
            [
                html.Span(className="swatch", style={"background": theme.ALIGNMENT_COLOURS[name]}),
                html.Span(t(f"alignment.{name}", lang)),
            ]
        )
        for name in theme.ALIGNMENT_LEGEND
        if name != theme.CONTEXT
    ]
    return [html.H2(t("legend.title", lang), className="legend-title"), html.Ul(items)]


def present_text(data: AppData, view: PresentView, state: PresentState) -> html.Div:
    """What is written over the map: year and date, legend, progress, caption and source."""
    lang = state.lang
    children = [
        html.Div(
            [html.Div(view.year, className="present-year"), html.Div(view.date, className="present-date")],
            className="present-when",
        ),
        html.Div(present_legend(lang), className="present-legend"),
        html.Div(
            [
                html.P(view.caption, className="present-caption"),
                html.P(view.source, className="present-source"),
                html.Div(
                    [
                        html.Span(view.progress, className="present-progress"),
                        html.Span(t("present.keys", lang), className="present-keys"),
                    ],
                    className="present-foot",
                ),
            ],
            className="present-band",
            **{"aria-live": "polite"},
        ),
        html.Div(
            className="present-bar",
            style={"width": f"{100 * state.step / max(1, len(data.dataset.story)):.1f}%"},
        ),
    ]
    # Esc leaves for the main map at the same date (read by assets/present.js).
    return html.Div(children, className="present-text-inner", lang=lang, **{"data-leave": view.leave})


def present_figure(data: AppData, view: PresentView) -> go.Figure:
    figure = build_figure(data.shapes, view.arrays)
    figure.update_layout(title=None, margin={"l": 0, "r": 0, "t": 0, "b": 0}, geo={"bgcolor": theme.OCEAN})
    return figure


def present_page(
    data: AppData, step: int, lang: Lang, topojson_url: str, page_notices: list[Notice]
) -> html.Div:
    story = data.dataset.story
    if not story:
        return html.Div(
            [
                dcc.Store(id=Id.LANG, data=lang),
                html.H1(t("app.title", lang)),
                html.P(t("present.no_story", lang)),
                html.P(html.A(t("nav.map", lang), href="/")),
            ],
            className="page",
        )
    state = PresentState(step=step, lang=lang)
    view = present_view(data, state)
    years = data.years()
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            dcc.Store(id=Id.PRESENT_STATE, data=state.as_dict()),
            dcc.Store(id=Id.PRESENT_KEY),
            dcc.Location(id=Id.PRESENT_LOCATION, refresh=False),
            dcc.Interval(id=Id.PRESENT_TIMER, interval=PLAY_INTERVAL_MS, disabled=True),
            map_graph(
                Id.PRESENT_MAP,
                present_figure(data, view),
                topojson_url,
                lang,
                "present-map",
                mode_bar=False,
                role="img",
            ),
            html.Div(
                present_text(data, view, state),
                id=Id.PRESENT_TEXT,
                className="present-text",
            ),
            notices(ViewState(year=years[-1], lang=lang, notices=tuple(page_notices))),
        ],
        className="present",
        lang=lang,
    )
